//! The whole lexicon in the compiled form of [`crate::matcher::compiled`]:
//! written by the build script from the data files, read by
//! [`Lexicon::get`] at start-up.
//!
//! Labels are kept as indices into the label tables of the data files'
//! reader (role classes as their labels, since a head carries its kind), so
//! the form knows no label that the data files do not.

use super::{Cue, KnownActor, Lexicon, CUE_ROLES, SPEAKER_WORDS, TARGET_KINDS, VERB_CLASSES};
use crate::contract::ActorKind;
use crate::matcher::compiled::{Reader, Writer};
use crate::matcher::{KeyIndex, PhraseSet};

/// Names the form; a blob of another version is not read.
const MAGIC: &str = "stance-lexicon/1";

/// The index of `value` in a label table. Every value the reader makes is
/// in its table, so a miss is a defect of this module, met at build time.
fn code<T: Copy + PartialEq>(table: &[(&str, T)], value: T) -> u32 {
    table.iter().position(|&(_, v)| v == value).expect("every value has a label") as u32
}

fn codes<T: Copy + PartialEq>(table: &[(&str, T)], values: &[T]) -> Vec<u32> {
    values.iter().map(|&v| code(table, v)).collect()
}

fn from_codes<T: Copy>(table: &[(&str, T)], codes: &[u32]) -> Option<Vec<T>> {
    codes.iter().map(|&c| table.get(c as usize).map(|&(_, v)| v)).collect()
}

fn role_label(role: super::RoleClass) -> String {
    match role {
        super::RoleClass::Head(kind, plural) => format!("head:{}{}", kind.label(), if plural { ":plural" } else { "" }),
        other => super::ROLE_CLASSES[code(super::ROLE_CLASSES, other) as usize].0.to_string(),
    }
}

impl Lexicon {
    /// The lexicon in compiled form.
    pub fn write_compiled(&self) -> Vec<u8> {
        let mut w = Writer::default();
        w.str(MAGIC);
        // The patterns first: every set is read against them.
        self.keys.write(&mut w);
        w.len(self.actors.len());
        for a in &self.actors {
            for s in [a.id.as_str(), a.kind.label(), &a.name, &a.name_en] {
                w.str(s);
            }
        }
        // The sets in the order they were compiled (see `Writer::pattern`).
        self.actor_names.write(&mut w);
        w.u32s(&self.actor_of_alias.iter().map(|&a| a as u32).collect::<Vec<_>>());
        self.verbs.write(&mut w);
        w.u32s(&codes(VERB_CLASSES, &self.verb_class));
        self.cues.write(&mut w);
        w.len(self.cue_info.len());
        for cue in &self.cue_info {
            w.u32(code(CUE_ROLES, cue.role));
            w.str(&cue.family);
        }
        self.targets.write(&mut w);
        w.u32s(&codes(TARGET_KINDS, &self.target_kind));
        self.traps.write(&mut w);
        self.roles.write(&mut w);
        w.len(self.role_class.len());
        for &role in &self.role_class {
            w.str(&role_label(role));
        }
        self.speaker_words.write(&mut w);
        w.u32s(&codes(SPEAKER_WORDS, &self.speaker_class));
        // Sorted, so that the same data always gives the same bytes.
        let mut names: Vec<&String> = self.given_names.iter().collect();
        names.sort_unstable();
        w.len(names.len());
        for name in names {
            w.str(name);
        }
        w.finish()
    }

    /// Reads what [`Lexicon::write_compiled`] wrote; `None` for bytes of
    /// another version, cut short, or whose tables do not fit together.
    pub fn read_compiled(bytes: &[u8]) -> Option<Lexicon> {
        let mut r = Reader::new(bytes);
        if r.str()? != MAGIC {
            return None;
        }
        let (mut keys, pattern_keys) = KeyIndex::read(&mut r)?;
        let n = r.usize()?;
        let mut actors = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let (id, kind, name, name_en) = (r.str()?, r.str()?, r.str()?, r.str()?);
            let kind = ActorKind::from_label(kind)?;
            actors.push(KnownActor { id: id.to_string(), kind, name: name.to_string(), name_en: name_en.to_string() });
        }
        let actor_names = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let actor_of_alias: Vec<usize> = r.u32s()?.into_iter().map(|a| a as usize).collect();
        let verbs = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let verb_class = from_codes(VERB_CLASSES, &r.u32s()?)?;
        let cues = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let n = r.usize()?;
        let mut cue_info = Vec::with_capacity(n.min(1 << 16));
        for _ in 0..n {
            let role = CUE_ROLES.get(r.usize()?)?.1;
            cue_info.push(Cue { role, family: r.str()?.to_string() });
        }
        let targets = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let target_kind = from_codes(TARGET_KINDS, &r.u32s()?)?;
        let traps = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let roles = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let n = r.usize()?;
        let role_class = (0..n).map(|_| r.str().and_then(super::role_class)).collect::<Option<Vec<_>>>()?;
        let speaker_words = PhraseSet::read(&mut r, &mut keys, &pattern_keys)?;
        let speaker_class = from_codes(SPEAKER_WORDS, &r.u32s()?)?;
        let n = r.usize()?;
        let given_names = (0..n).map(|_| r.str().map(str::to_string)).collect::<Option<super::NameSet>>()?;
        // Every label table runs beside its set, and every alias names an actor.
        let fits = r.is_at_end()
            && actor_of_alias.len() == actor_names.len()
            && actor_of_alias.iter().all(|&a| a < actors.len())
            && role_class.len() == roles.len()
            && verb_class.len() == verbs.len()
            && cue_info.len() == cues.len()
            && target_kind.len() == targets.len()
            && speaker_class.len() == speaker_words.len();
        fits.then_some(Lexicon {
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
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The form the engine reads is the one the data files compile to now,
    /// and reading it loses nothing that writing it keeps.
    #[test]
    fn the_embedded_form_is_the_data_files_compiled() {
        let built = Lexicon::build().unwrap_or_else(|e| panic!("{e}"));
        let bytes = built.write_compiled();
        assert!(bytes == crate::COMPILED_LEXICON, "the build script's output differs from the data files compiled now");
        let read = Lexicon::read_compiled(&bytes).expect("the compiled form reads back");
        assert_eq!(read.write_compiled(), bytes);
        assert_eq!(read.actors, built.actors);
        assert_eq!(read.cue_info, built.cue_info);
        assert_eq!(read.role_class, built.role_class);
        assert_eq!(read.given_names, built.given_names);
        assert_eq!(read.roles.first_key(3), built.roles.first_key(3));
    }

    #[test]
    fn the_read_lexicon_matches_as_the_built_one() {
        let built = Lexicon::build().unwrap_or_else(|e| panic!("{e}"));
        let read = Lexicon::get();
        let text = "وقال وزير الخارجية العراقي فؤاد حسين إن الحكومة ترفض بقاء القوات الأميركية، بحسب وكالة الأنباء.";
        let a = crate::document::Prepared::new(text, &built);
        let b = crate::document::Prepared::new(text, read);
        assert_eq!(a.verbs, b.verbs);
        assert_eq!(a.cues, b.cues);
        assert_eq!(a.targets, b.targets);
        assert_eq!(built.actor_names.find_all(&a.keys), read.actor_names.find_all(&b.keys));
        assert!(!read.actor_names.find_all(&b.keys).is_empty());
    }

    #[test]
    fn other_bytes_read_as_none() {
        let bytes = Lexicon::build().unwrap_or_else(|e| panic!("{e}")).write_compiled();
        assert!(Lexicon::read_compiled(&[]).is_none());
        assert!(Lexicon::read_compiled(&bytes[..bytes.len() - 1]).is_none());
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Lexicon::read_compiled(&longer).is_none());
        let mut other = bytes;
        other[4 + MAGIC.len() - 1] = b'2';
        assert!(Lexicon::read_compiled(&other).is_none());
    }
}
