//! The topic pack: every word list the analyzer uses, loaded from the data
//! files in `crates/engine/data` and compiled once.
//!
//! The files are tab-separated text so that a linguist can edit them without
//! touching code: `#` starts a comment, blank lines are skipped, and a
//! trailing `*` on a word matches any suffix. Their formats are described in
//! `crates/engine/data/README.md`.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::contract::ActorKind;
use crate::matcher::{KeyIndex, PhraseSet};

pub mod compiled;

/// An actor the gazetteer knows by name.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownActor {
    /// Stable id, shared across documents.
    pub id: String,
    /// Contract kind.
    pub kind: ActorKind,
    /// Canonical Arabic name.
    pub name: String,
    /// English name.
    pub name_en: String,
}

/// What a verb or a source phrase says about who speaks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VerbClass {
    /// Reports speech without taking sides: قال، أكد، أوضح.
    Speech,
    /// Continues the previous speaker when no new subject follows: وأضاف، وتابع.
    Continue,
    /// A verb of wanting, demanding or rejecting, itself part of the statement: طالب، رفض.
    Position,
    /// Introduces the source after it: بحسب، وفقا لـ، نقلا عن.
    Source,
    /// A relative pronoun after an actor, through which the author attributes a position.
    Relative,
    /// A verbal noun whose holder follows as a genitive: تحذيرات الجمهوريين.
    Masdar,
    /// A statement noun between a verb and its source: قال بيان للمتحدث.
    Vehicle,
    /// Introduces a further holder of the same statement: ومنهم، على رأسها.
    Among,
}

/// The role a cue plays in a statement about the topic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueRole {
    /// Wants what it applies to.
    Support,
    /// Opposes what it applies to.
    Oppose,
    /// Makes a position conditional or partial.
    Condition,
    /// Negates the cue in its scope.
    Negator,
    /// Contains a negator word without negating (لا يزال = still).
    Fixed,
    /// Marks a prediction rather than a position.
    Forecast,
    /// Opens a reported clause ("أن"): negation before it does not reach past it.
    Boundary,
    /// A noun that refers back to the article's event ("الخطوة", "القرار"),
    /// so that welcoming or criticising it is a position on the withdrawal.
    Anaphor,
}

/// A cue with the family it belongs to, for explanations.
#[derive(Debug, Clone, PartialEq)]
pub struct Cue {
    /// What the cue does.
    pub role: CueRole,
    /// The rule family (demand, reject, need, keep, condition, …).
    pub family: String,
}

/// The part a word plays in an actor phrase found by pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RoleClass {
    /// Starts an actor phrase of this kind; `true` for a plural or collective head.
    Head(ActorKind, bool),
    /// A title right before a personal name.
    Rank,
    /// An adjective or participle inside the phrase.
    Modifier,
    /// Ties a role to an institution.
    Link,
    /// Precedes a head and belongs to the phrase.
    Quantifier,
    /// Never inside an actor phrase.
    Stop,
    /// A place that may follow a link ("في العراق").
    Place,
}

/// The part a word plays in ending an open-world speaker phrase.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerWord {
    /// Opens the reported clause (إن، أن).
    Complementizer,
    /// A noun of the medium or occasion after a preposition (تصريح، مؤتمر).
    Medium,
    /// Whom the speaker addresses after ل (الصحفيين، وكالة).
    Audience,
    /// An adverb after a verb, never the start of a speaker (أيضا، مجددا).
    Adverb,
    /// A noun that opens a clause and is never an actor (عدم، ضرورة).
    Clause,
}

/// What a topic term refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// The act of withdrawing or ending the mission: انسحاب، إخراج، إنهاء المهمة.
    Withdrawal,
    /// Their presence or staying, in the abstract: الوجود، بقاء.
    Presence,
    /// The forces themselves: القوات، الجنود، المستشارين.
    Forces,
    /// Marks the forces as foreign: أمريكي، التحالف، الأجنبية.
    Foreign,
    /// Marks the forces as not foreign (Iraq's own): العراقية، البيشمركة.
    Domestic,
}

/// The given names as match keys. Hashed with the matcher's hasher, not
/// SipHash: it is looked up for many words of every document, and its
/// contents come from the data files, never from pasted text.
pub type NameSet = HashSet<String, crate::matcher::BuildFastHasher>;

/// Every compiled list.
#[derive(Debug)]
pub struct Lexicon {
    /// Gazetteer entries, indexed by `actor_of_alias`.
    pub actors: Vec<KnownActor>,
    /// All actor names and aliases.
    pub actor_names: PhraseSet,
    /// For each phrase of `actor_names`, the index of its actor.
    pub actor_of_alias: Vec<usize>,
    /// Phrases that must not be read as actors (times, places, weapons).
    pub traps: PhraseSet,
    /// Role heads, ranks, modifiers, links, quantifiers and stop words.
    pub roles: PhraseSet,
    /// For each phrase of `roles`, its class.
    pub role_class: Vec<RoleClass>,
    /// Speech and position verbs and source phrases.
    pub verbs: PhraseSet,
    /// For each phrase of `verbs`, its class.
    pub verb_class: Vec<VerbClass>,
    /// Stance cues, negators, condition and forecast markers.
    pub cues: PhraseSet,
    /// For each phrase of `cues`, what it does.
    pub cue_info: Vec<Cue>,
    /// Topic terms.
    pub targets: PhraseSet,
    /// For each phrase of `targets`, what it refers to.
    pub target_kind: Vec<TargetKind>,
    /// Words that end or refuse an open-world speaker phrase.
    pub speaker_words: PhraseSet,
    /// For each phrase of `speaker_words`, its class.
    pub speaker_class: Vec<SpeakerWord>,
    /// Match keys of given names (Arabic, Kurdish, Persian, Turkish and
    /// transliterated foreign), so that a bare name reads as a person.
    pub given_names: NameSet,
    /// Every word pattern of the sets above, so that a document's words are
    /// resolved to patterns once for all of them.
    pub keys: KeyIndex,
}

/// A problem in a data file, found when the lexicon is compiled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The data file.
    pub file: &'static str,
    /// 1-based line number.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// The gazetteer: the core list and one file per section of the field.
const ACTOR_FILES: &[(&str, &str)] = &[
    ("actors.tsv", include_str!("../../data/actors.tsv")),
    ("gazetteer/iraq.tsv", include_str!("../../data/gazetteer/iraq.tsv")),
    ("gazetteer/united-states.tsv", include_str!("../../data/gazetteer/united-states.tsv")),
    ("gazetteer/region.tsv", include_str!("../../data/gazetteer/region.tsv")),
    ("gazetteer/world.tsv", include_str!("../../data/gazetteer/world.tsv")),
    ("gazetteer/media.tsv", include_str!("../../data/gazetteer/media.tsv")),
];
const VERBS: (&str, &str) = ("verbs.tsv", include_str!("../../data/verbs.tsv"));
const CUES: (&str, &str) = ("cues.tsv", include_str!("../../data/cues.tsv"));
const TARGETS: (&str, &str) = ("targets.tsv", include_str!("../../data/targets.tsv"));
const TRAPS: (&str, &str) = ("traps.tsv", include_str!("../../data/traps.tsv"));
const ROLES: (&str, &str) = ("roles.tsv", include_str!("../../data/roles.tsv"));
const SPEAKERS: (&str, &str) = ("speakers.tsv", include_str!("../../data/speakers.tsv"));
const GIVEN_NAMES: (&str, &str) = ("given_names.tsv", include_str!("../../data/given_names.tsv"));

const NAME_ORIGINS: &[&str] = &["arabic", "kurdish", "persian", "turkish", "foreign"];

/// Meaningful lines of a data file with their 1-based numbers, split on tabs.
fn rows(source: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    source.lines().enumerate().filter_map(|(i, line)| {
        if line.trim().is_empty() || line.trim_start().starts_with('#') {
            None
        } else {
            Some((i + 1, line.split('\t').map(str::trim).collect()))
        }
    })
}

fn error(file: &'static str, line: usize, message: impl Into<String>) -> LexiconError {
    LexiconError { file, line, message: message.into() }
}

/// Reads `label<TAB>phrase` rows, mapping each label through `parse`.
fn labelled<T>(
    (file, source): (&'static str, &'static str),
    parse: impl Fn(&str) -> Option<T>,
) -> Result<(Vec<&'static str>, Vec<T>), LexiconError> {
    let mut phrases = Vec::new();
    let mut labels = Vec::new();
    for (line, cols) in rows(source) {
        let [label, phrase] = cols[..] else {
            return Err(error(file, line, "expected two tab-separated columns"));
        };
        let value = parse(label).ok_or_else(|| error(file, line, format!("unknown label {label:?}")))?;
        phrases.push(phrase);
        labels.push(value);
    }
    Ok((phrases, labels))
}

/// Compiles `phrases`, keeping the label of each phrase that holds a word.
fn compile<T: Clone>(keys: &mut KeyIndex, file: &'static str, phrases: &[&str], labels: &[T]) -> Result<(PhraseSet, Vec<T>), LexiconError> {
    let (set, ids) = PhraseSet::new(keys, phrases.iter().copied());
    let mut kept = Vec::with_capacity(set.len());
    for (i, id) in ids.iter().enumerate() {
        match id {
            Some(_) => kept.push(labels[i].clone()),
            None => return Err(error(file, 0, format!("phrase {:?} has no word", phrases[i]))),
        }
    }
    Ok((set, kept))
}

/// Each verb class with its label in `verbs.tsv`.
const VERB_CLASSES: &[(&str, VerbClass)] = &[
    ("speech", VerbClass::Speech),
    ("continue", VerbClass::Continue),
    ("position", VerbClass::Position),
    ("source", VerbClass::Source),
    ("relative", VerbClass::Relative),
    ("masdar", VerbClass::Masdar),
    ("vehicle", VerbClass::Vehicle),
    ("among", VerbClass::Among),
];

/// The value of a label in one of the tables above.
fn by_label<T: Copy>(table: &[(&str, T)], label: &str) -> Option<T> {
    table.iter().find(|(l, _)| *l == label).map(|&(_, value)| value)
}

fn verb_class(label: &str) -> Option<VerbClass> {
    by_label(VERB_CLASSES, label)
}

fn role_class(label: &str) -> Option<RoleClass> {
    if let Some(kind) = label.strip_prefix("head:") {
        let (kind, plural) = match kind.strip_suffix(":plural") {
            Some(kind) => (kind, true),
            None => (kind, false),
        };
        return ActorKind::from_label(kind).map(|k| RoleClass::Head(k, plural));
    }
    by_label(ROLE_CLASSES, label)
}

/// Each role class but the heads with its label in `roles.tsv`; a head is
/// `head:<kind>`, with `:plural` for a plural or collective one.
const ROLE_CLASSES: &[(&str, RoleClass)] = &[
    ("rank", RoleClass::Rank),
    ("modifier", RoleClass::Modifier),
    ("link", RoleClass::Link),
    ("quantifier", RoleClass::Quantifier),
    ("stop", RoleClass::Stop),
    ("place", RoleClass::Place),
];

/// Each speaker word class with its label in `speakers.tsv`.
const SPEAKER_WORDS: &[(&str, SpeakerWord)] = &[
    ("complementizer", SpeakerWord::Complementizer),
    ("medium", SpeakerWord::Medium),
    ("audience", SpeakerWord::Audience),
    ("adverb", SpeakerWord::Adverb),
    ("clause", SpeakerWord::Clause),
];

fn speaker_word(label: &str) -> Option<SpeakerWord> {
    by_label(SPEAKER_WORDS, label)
}

/// Reads the given names as match keys.
fn given_names() -> Result<NameSet, LexiconError> {
    let (names, _) = labelled(GIVEN_NAMES, |origin| NAME_ORIGINS.contains(&origin).then_some(()))?;
    Ok(names.iter().map(|n| crate::text::match_key(&crate::text::normalize_word(n)).into_owned()).filter(|k| !k.is_empty()).collect())
}

/// Each target kind with its label in `targets.tsv`.
const TARGET_KINDS: &[(&str, TargetKind)] = &[
    ("withdrawal", TargetKind::Withdrawal),
    ("presence", TargetKind::Presence),
    ("forces", TargetKind::Forces),
    ("foreign", TargetKind::Foreign),
    ("domestic", TargetKind::Domestic),
];

fn target_kind(label: &str) -> Option<TargetKind> {
    by_label(TARGET_KINDS, label)
}

/// Each cue role with its label in `cues.tsv` (before the family).
const CUE_ROLES: &[(&str, CueRole)] = &[
    ("support", CueRole::Support),
    ("oppose", CueRole::Oppose),
    ("condition", CueRole::Condition),
    ("negator", CueRole::Negator),
    ("fixed", CueRole::Fixed),
    ("forecast", CueRole::Forecast),
    ("boundary", CueRole::Boundary),
    ("anaphor", CueRole::Anaphor),
];

fn cue(label: &str) -> Option<Cue> {
    let (role, family) = label.split_once(':').unwrap_or((label, label));
    Some(Cue { role: by_label(CUE_ROLES, role)?, family: family.to_string() })
}

impl Lexicon {
    /// Compiles the built-in topic pack.
    pub fn build() -> Result<Lexicon, LexiconError> {
        let mut actors = Vec::new();
        let mut names: Vec<&str> = Vec::new();
        let mut owners = Vec::new();
        // Ids seen so far: a set, not a scan of `actors`, which made reading
        // the gazetteer quadratic in its size.
        let mut ids: HashSet<&str> = HashSet::new();
        for (file, line, cols) in ACTOR_FILES.iter().flat_map(|&(file, source)| rows(source).map(move |(line, cols)| (file, line, cols))) {
            let (id, kind, name, name_en, aliases) = match cols[..] {
                [id, kind, name, name_en] => (id, kind, name, name_en, ""),
                [id, kind, name, name_en, aliases] => (id, kind, name, name_en, aliases),
                _ => return Err(error(file, line, "expected four or five tab-separated columns")),
            };
            let kind = ActorKind::from_label(kind).ok_or_else(|| error(file, line, format!("unknown kind {kind:?}")))?;
            if !ids.insert(id) {
                return Err(error(file, line, format!("duplicate id {id:?}")));
            }
            let index = actors.len();
            actors.push(KnownActor { id: id.to_string(), kind, name: name.to_string(), name_en: name_en.to_string() });
            for alias in std::iter::once(name).chain(aliases.split('|')).map(str::trim).filter(|a| !a.is_empty()) {
                names.push(alias);
                owners.push(index);
            }
        }
        let mut keys = KeyIndex::default();
        let (actor_names, actor_of_alias) = compile(&mut keys, "gazetteer", &names, &owners)?;

        let (verb_phrases, verb_labels) = labelled(VERBS, verb_class)?;
        let (verbs, verb_class) = compile(&mut keys, VERBS.0, &verb_phrases, &verb_labels)?;
        let (cue_phrases, cue_labels) = labelled(CUES, cue)?;
        let (cues, cue_info) = compile(&mut keys, CUES.0, &cue_phrases, &cue_labels)?;
        let (target_phrases, target_labels) = labelled(TARGETS, target_kind)?;
        let (targets, target_kind) = compile(&mut keys, TARGETS.0, &target_phrases, &target_labels)?;
        let (trap_phrases, trap_labels) = labelled(TRAPS, |reason| Some(reason.to_string()))?;
        let (traps, _) = compile(&mut keys, TRAPS.0, &trap_phrases, &trap_labels)?;
        let (role_phrases, role_labels) = labelled(ROLES, role_class)?;
        let (roles, role_class) = compile(&mut keys, ROLES.0, &role_phrases, &role_labels)?;
        let (speaker_phrases, speaker_labels) = labelled(SPEAKERS, speaker_word)?;
        let (speaker_words, speaker_class) = compile(&mut keys, SPEAKERS.0, &speaker_phrases, &speaker_labels)?;
        let given_names = given_names()?;

        Ok(Lexicon {
            actors,
            actor_names,
            actor_of_alias,
            traps,
            roles,
            role_class,
            verbs,
            verb_class,
            cues,
            cue_info,
            targets,
            target_kind,
            speaker_words,
            speaker_class,
            given_names,
            keys,
        })
    }

    /// The built-in pack, read on first use from the form the build script
    /// compiled it to (see [`compiled`]) and shared afterwards.
    ///
    /// The build script fails on a data file with an error, naming its line,
    /// and the tests check that the compiled form reads back as the data
    /// files compile, so a failure here is a build defect; it still yields
    /// an empty lexicon rather than a panic.
    pub fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| Lexicon::read_compiled(crate::COMPILED_LEXICON).unwrap_or_else(Lexicon::empty))
    }

    fn empty() -> Lexicon {
        Lexicon {
            actors: Vec::new(),
            actor_names: PhraseSet::default(),
            actor_of_alias: Vec::new(),
            traps: PhraseSet::default(),
            roles: PhraseSet::default(),
            role_class: Vec::new(),
            verbs: PhraseSet::default(),
            verb_class: Vec::new(),
            cues: PhraseSet::default(),
            cue_info: Vec::new(),
            targets: PhraseSet::default(),
            target_kind: Vec::new(),
            speaker_words: PhraseSet::default(),
            speaker_class: Vec::new(),
            given_names: NameSet::default(),
            keys: KeyIndex::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_pack_compiles() {
        let lexicon = Lexicon::build().unwrap_or_else(|e| panic!("{e}"));
        assert!(lexicon.actors.len() >= 30);
        assert_eq!(lexicon.actor_names.len(), lexicon.actor_of_alias.len());
        assert_eq!(lexicon.verbs.len(), lexicon.verb_class.len());
        assert_eq!(lexicon.cues.len(), lexicon.cue_info.len());
        assert_eq!(lexicon.targets.len(), lexicon.target_kind.len());
        for role in [CueRole::Support, CueRole::Oppose, CueRole::Condition, CueRole::Negator, CueRole::Fixed, CueRole::Forecast] {
            assert!(lexicon.cue_info.iter().any(|c| c.role == role), "no cue for {role:?}");
        }
    }

    #[test]
    fn labels_parse() {
        assert_eq!(cue("support:demand").map(|c| c.family), Some("demand".to_string()));
        assert_eq!(cue("negator").map(|c| c.role), Some(CueRole::Negator));
        assert!(cue("maybe").is_none());
        assert_eq!(verb_class("source"), Some(VerbClass::Source));
        assert_eq!(target_kind("foreign"), Some(TargetKind::Foreign));
        assert_eq!(role_class("head:expert"), Some(RoleClass::Head(ActorKind::Expert, false)));
        assert_eq!(role_class("head:party:plural"), Some(RoleClass::Head(ActorKind::Party, true)));
        assert_eq!(role_class("head:nobody"), None);
    }
}
