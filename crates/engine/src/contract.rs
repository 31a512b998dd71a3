//! The `stance-matrix/1` output contract (see `shared/CONTRACT.md`).
//!
//! These types are the only thing the CLI, the JavaScript API and the widget's
//! export serialize, so the field names here *are* the contract.

use serde::{Deserialize, Serialize};

/// The schema tag every output carries.
pub const SCHEMA: &str = "stance-matrix/1";
/// The topic of the default lexicon pack.
pub const TOPIC: &str = "withdrawal of US / coalition / foreign forces from Iraq";

/// One input article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// Caller-chosen identifier (the file name on the command line).
    pub id: String,
    /// The raw, unnormalized text.
    pub text: String,
}

impl Document {
    /// Builds a document from anything string-like.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document { id: id.into(), text: text.into() }
    }
}

/// A position on the topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// Wants, demands or supports the withdrawal.
    For,
    /// Opposes the withdrawal or wants the forces to stay.
    Against,
    /// Supports it only in part or under a condition.
    Conditional,
    /// Quoted, but takes no position on the topic.
    None,
}

impl Stance {
    /// Every stance, in the contract's order.
    pub const ALL: [Stance; 4] = [Stance::For, Stance::Against, Stance::Conditional, Stance::None];

    /// The contract's label for this stance.
    pub fn label(self) -> &'static str {
        match self {
            Stance::For => "for",
            Stance::Against => "against",
            Stance::Conditional => "conditional",
            Stance::None => "none",
        }
    }

    /// Parses the contract's label.
    pub fn from_label(label: &str) -> Option<Stance> {
        Stance::ALL.into_iter().find(|s| s.label() == label)
    }
}

/// An actor's position across all documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Overall {
    /// Wants the withdrawal in every document that shows a position.
    For,
    /// Opposes it in every document that shows a position.
    Against,
    /// Conditional in every document that shows a position.
    Conditional,
    /// No position anywhere.
    None,
    /// Documents disagree.
    Mixed,
}

impl Overall {
    /// The contract's label for this position.
    pub fn label(self) -> &'static str {
        match self {
            Overall::For => "for",
            Overall::Against => "against",
            Overall::Conditional => "conditional",
            Overall::None => "none",
            Overall::Mixed => "mixed",
        }
    }
}

/// What sort of actor a row is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A named or anonymous individual.
    Person,
    /// A state, named by itself or by its capital.
    State,
    /// A government, ministry, parliament, army or other state body.
    GovernmentBody,
    /// A militia or armed faction.
    ArmedGroup,
    /// A political party, movement or bloc.
    Party,
    /// An international or non-governmental organization.
    Organization,
    /// An analyst, researcher or other expert.
    Expert,
    /// A newspaper, channel or agency.
    Media,
    /// Members of the public, such as reader comments.
    Public,
    /// A community or anything else.
    Other,
}

impl ActorKind {
    /// Every kind.
    pub const ALL: [ActorKind; 10] = [
        ActorKind::Person,
        ActorKind::State,
        ActorKind::GovernmentBody,
        ActorKind::ArmedGroup,
        ActorKind::Party,
        ActorKind::Organization,
        ActorKind::Expert,
        ActorKind::Media,
        ActorKind::Public,
        ActorKind::Other,
    ];

    /// The contract's snake_case label.
    pub fn label(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::State => "state",
            ActorKind::GovernmentBody => "government_body",
            ActorKind::ArmedGroup => "armed_group",
            ActorKind::Party => "party",
            ActorKind::Organization => "organization",
            ActorKind::Expert => "expert",
            ActorKind::Media => "media",
            ActorKind::Public => "public",
            ActorKind::Other => "other",
        }
    }

    /// Parses the contract's snake_case label.
    pub fn from_label(label: &str) -> Option<ActorKind> {
        ActorKind::ALL.into_iter().find(|k| k.label() == label)
    }
}

/// The whole analysis result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceMatrix {
    /// Always [`SCHEMA`].
    pub schema: String,
    /// What the stances are about.
    pub topic: String,
    /// The analyzed documents, in input order.
    pub documents: Vec<DocumentSummary>,
    /// One row per actor, merged across documents.
    pub actors: Vec<ActorRow>,
}

/// A document as listed in the output.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentSummary {
    /// The caller's id.
    pub id: String,
    /// The first non-empty line, trimmed.
    pub title: String,
    /// Length in Unicode code points.
    pub chars: usize,
    /// Publication date, when the input gave one (`YYYY-MM-DD` or as given).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// The outlet, when the input gave one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

/// One actor and its cells.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ActorRow {
    /// Stable identifier: the gazetteer id, or one derived from the name.
    pub id: String,
    /// Display name in Arabic.
    pub name: String,
    /// English name when the gazetteer knows one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// What sort of actor this is.
    pub kind: ActorKind,
    /// Other surface forms met in the documents.
    pub aliases: Vec<String>,
    /// Position across documents.
    pub overall: Overall,
    /// One cell per document in which the actor is a source or holder of a position.
    pub cells: Vec<StanceCell>,
}

/// An actor's position in one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StanceCell {
    /// The document id.
    pub document: String,
    /// The dominant position in that document.
    pub stance: Stance,
    /// How sure the analyzer is, from 0 to 1.
    pub confidence: f32,
    /// The spans behind the label; never empty unless the stance is `none`.
    pub evidence: Vec<Evidence>,
}

/// A span of the original text that carries a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// Start, in code points of the original text.
    pub start: usize,
    /// End (exclusive), in code points of the original text.
    pub end: usize,
    /// Exactly the original characters between `start` and `end`.
    pub text: String,
    /// The position this span carries.
    pub stance: Stance,
    /// The cue phrase that decided it, as written in the text.
    pub cue: String,
    /// Where the cue stands, in code points of the original text (end
    /// exclusive), when it lies inside `start..end`: a reader marks that very
    /// occurrence, not the first word spelled alike. An extra field of the
    /// contract.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue_span: Option<(usize, usize)>,
    /// The rule family that fired (for tooltips and debugging).
    pub rule: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serialized<T: Serialize>(value: T) -> String {
        serde_json::to_value(value).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    }

    #[test]
    fn labels_are_what_serde_writes_and_parse_back() {
        for s in Stance::ALL {
            assert_eq!(s.label(), serialized(s));
            assert_eq!(Stance::from_label(s.label()), Some(s));
        }
        for o in [Overall::For, Overall::Against, Overall::Conditional, Overall::None, Overall::Mixed] {
            assert_eq!(o.label(), serialized(o));
        }
        for k in ActorKind::ALL {
            assert_eq!(k.label(), serialized(k));
            assert_eq!(ActorKind::from_label(k.label()), Some(k));
        }
        assert_eq!(Stance::from_label("mixed"), None);
        assert_eq!(ActorKind::from_label("alien"), None);
    }
}
