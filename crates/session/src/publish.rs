//! Publishing for readers: what the editor chooses to show (a title, a
//! description, a credit line, a link to each original article, whether the
//! full texts go along), and the read-only snapshot a published link or an
//! embed carries.
//!
//! A snapshot holds the matrix with the corrections already applied, never
//! the corrections themselves: a hidden row, a struck-out statement or a
//! merged-away name is not in it, so a reader's copy holds only what the
//! editor published. Without the full texts it holds the evidence sentences
//! and the articles' titles alone.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use stance_engine::StanceMatrix;

use crate::coding::CellRef;
use crate::edits::EditedMatrix;
use crate::file::Article;
use crate::ordered::{map_of, set_of};

/// The schema tag of a published snapshot.
pub const PUBLISHED_SCHEMA: &str = "stance-published/1";
/// Longest title, description or credit kept, in characters.
pub const MAX_FIELD_CHARS: usize = 1_000;
/// Longest article address kept, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// What the editor publishes, kept in the session.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Publication {
    /// The heading readers see (the widget's name when empty).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// A sentence or two on what the matrix shows.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// The source and credit line ("Analysis: …; articles: …").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub credit: String,
    /// The original article's address, by document id.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub urls: BTreeMap<String, String>,
    /// Whether readers get the full texts ("show in the article"), or the
    /// evidence sentences only (third-party articles are often not ours to
    /// republish).
    #[serde(default)]
    pub full_texts: bool,
    /// The origin of the site that embeds the matrix, for the embed code's
    /// `&origin=`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub host_origin: String,
}

impl Publication {
    /// Whether the editor has set nothing.
    pub fn is_empty(&self) -> bool {
        *self == Publication::default()
    }

    /// A field cut to [`MAX_FIELD_CHARS`].
    pub fn clean_field(text: &str) -> String {
        text.trim().chars().take(MAX_FIELD_CHARS).collect()
    }

    /// An article's address when it is one a reader may follow.
    pub fn url_of(&self, document: &str) -> Option<&str> {
        self.urls.get(document).map(String::as_str).filter(|u| safe_url(u))
    }
}

/// Whether `url` is an absolute `http:` or `https:` address with no space or
/// control character: only such an address becomes a link, so a pasted
/// `javascript:` or `data:` address stays inert text.
pub fn safe_url(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && url.len() > "http://".len() + 1
        && url.chars().count() <= MAX_URL_CHARS
        && !url.chars().any(|c| c.is_whitespace() || c.is_control())
}

/// The marks a reader sees beside the matrix.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Marks {
    /// Cells whose stance an editor set.
    #[serde(default)]
    pub edited: Vec<CellRef>,
    /// Cells holding a statement coded by hand.
    #[serde(default)]
    pub hand: Vec<CellRef>,
    /// Cells an editor checked.
    #[serde(default)]
    pub checked: Vec<CellRef>,
    /// Notes, as (cell, note).
    #[serde(default)]
    pub notes: Vec<(CellRef, String)>,
    /// Membership, row id → the row it belongs to.
    #[serde(default)]
    pub member_of: BTreeMap<String, String>,
}

/// A read-only snapshot of a matrix for readers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Published {
    /// Always [`PUBLISHED_SCHEMA`].
    pub schema: String,
    /// What the editor published.
    pub publication: Publication,
    /// The matrix, corrections applied.
    pub matrix: StanceMatrix,
    /// Which cells were corrected, coded by hand or checked.
    #[serde(default)]
    pub marks: Marks,
    /// The articles' texts, only when the editor publishes them.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub articles: Vec<Article>,
    /// The interface language the editor used.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

fn refs(cells: &std::collections::BTreeSet<(String, String)>) -> Vec<CellRef> {
    cells.iter().map(|(a, d)| CellRef::new(a, d)).collect()
}

impl Published {
    /// The snapshot of `edited` as the editor chose to publish it; the
    /// articles are left out unless `publication.full_texts`.
    pub fn new(edited: &EditedMatrix, publication: &Publication, articles: Vec<Article>, lang: Option<String>) -> Published {
        let marks = Marks {
            edited: refs(&edited.edited_cells),
            hand: refs(&edited.hand_cells),
            checked: refs(&edited.checked),
            notes: edited.notes.iter().map(|((a, d), n)| (CellRef::new(a, d), n.clone())).collect(),
            member_of: edited.member_of.clone(),
        };
        let articles = if publication.full_texts { articles } else { Vec::new() };
        Published {
            schema: PUBLISHED_SCHEMA.to_string(),
            publication: publication.clone(),
            matrix: edited.matrix.clone(),
            marks,
            articles,
            lang,
        }
    }

    /// The snapshot as an [`EditedMatrix`], for the views that show one.
    pub fn edited(&self) -> EditedMatrix {
        let set = |cells: &[CellRef]| set_of(cells.iter().map(|c| (c.actor.clone(), c.document.clone())));
        EditedMatrix {
            matrix: self.matrix.clone(),
            edited_cells: set(&self.marks.edited),
            renamed: Default::default(),
            merged: Default::default(),
            hidden: Vec::new(),
            hand_cells: set(&self.marks.hand),
            checked: set(&self.marks.checked),
            notes: map_of(self.marks.notes.iter().map(|(c, n)| ((c.actor.clone(), c.document.clone()), n.clone()))),
            member_of: self.marks.member_of.clone(),
        }
    }

    /// The snapshot as JSON. Through a `Value`, like the JSON export, so
    /// that the widget carries one serializer of the matrix, not two.
    pub fn to_json(&self) -> String {
        serde_json::to_value(self).map(|v| v.to_string()).unwrap_or_default()
    }

    /// Reads a snapshot, checking its schema first. Straight from the text,
    /// like a result file, so that the widget carries one deserializer of
    /// the matrix.
    pub fn from_json(json: &str) -> Result<Published, String> {
        #[derive(Deserialize)]
        struct Tag {
            schema: Option<String>,
        }
        let tag: Tag = serde_json::from_str(json).map_err(|e| e.to_string())?;
        match tag.schema.as_deref() {
            Some(PUBLISHED_SCHEMA) => serde_json::from_str(json).map_err(|e| e.to_string()),
            Some(other) => Err(format!("{other:?} is not {PUBLISHED_SCHEMA}")),
            None => Err("no \"schema\" field".to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::edits::{apply, tests::sample, Edits};
    use stance_engine::Stance;

    #[test]
    fn only_web_addresses_become_links() {
        for good in ["https://news.example/a/1", "HTTP://x.example", "https://مثال.example/خبر"] {
            assert!(safe_url(good), "{good}");
        }
        for bad in ["javascript:alert(1)", "data:text/html,x", "https://a b", "//x.example", "https://", "ftp://x", "https://x\n"] {
            assert!(!safe_url(bad), "{bad}");
        }
        let p = Publication { urls: [("a1".to_string(), "javascript:x".to_string())].into(), ..Default::default() };
        assert_eq!(p.url_of("a1"), None);
    }

    #[test]
    fn a_snapshot_holds_only_what_is_published() {
        let mut edits = Edits::default();
        edits.set_stance("us", "2", Some(Stance::For));
        edits.set_hidden("pm", true);
        edits.set_checked("us", "2", true);
        let edited = apply(&sample(), &edits);
        let articles = vec![Article::new(1, "النص الكامل")];
        let closed = Published::new(&edited, &Publication::default(), articles.clone(), Some("ar".into()));
        assert!(closed.articles.is_empty(), "no full texts unless chosen");
        assert!(!closed.to_json().contains("رئيس الوزراء"), "a hidden row is not published");
        let open = Published::new(&edited, &Publication { full_texts: true, ..Default::default() }, articles, None);
        assert_eq!(open.articles.len(), 1);
        let back = Published::from_json(&open.to_json()).unwrap();
        assert_eq!(back, open);
        let view = back.edited();
        assert!(view.is_edited("us", "2") && view.is_checked("us", "2"));
        assert_eq!(view.matrix, edited.matrix);
        assert!(Published::from_json(r#"{"schema":"stance-session/1"}"#).unwrap_err().contains("not stance-published/1"));
    }
}
