//! Actors that no gazetteer lists, found by the shape of news sourcing:
//! a role head and its modifiers ("وزير الخارجية العراقي", "مسؤول أمريكي
//! رفيع", "الفصائل المسلحة الموالية لإيران"), links to an institution ("في
//! مكتب …", "باسم الجيش …"), an optional rank and a personal name
//! ("اللواء يحيى رسول", "الخبير الأمني سرمد البياتي").
//!
//! A phrase whose role is followed by a personal name is that person; a
//! phrase without one (an anonymous official, a collective, an armed group
//! described by its loyalties) is an actor named by the phrase itself.

use crate::contract::ActorKind;
use crate::document::Prepared;
use crate::lexicon::{Lexicon, RoleClass};

use super::DocActors;

/// Longest actor phrase, in words.
const MAX_PHRASE: usize = 10;
/// Longest personal name, in words.
const MAX_NAME: usize = 3;

/// Who a pattern mention refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Identity {
    /// An actor the gazetteer already found (index into the gazetteer's actors).
    Known(usize),
    /// A person named by the words `first..end`.
    Named {
        /// First word of the name.
        first: usize,
        /// One past its last word.
        end: usize,
    },
    /// An actor named by the whole phrase.
    Phrase,
}

/// A pattern mention.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RoleMention {
    /// First word (a quantifier or the head).
    pub first: usize,
    /// One past the last word.
    pub end: usize,
    /// The kind its head implies.
    pub kind: ActorKind,
    /// Who it is.
    pub identity: Identity,
    /// Match key of the first word's lexicon entry, to trim a conjunction off the display form.
    pub first_key_phrase: usize,
    /// A singular head with nothing after it ("صحفي"): an actor only when an apposition names it.
    pub bare: bool,
    /// The head word (after any quantifier).
    pub head_at: usize,
}

/// Per-word facts the pattern needs, computed once per document.
///
/// One record a word in one vector, with word and phrase indices as `u32`
/// (offsets are 32-bit throughout, see [`crate::text`]): 24 bytes a word in
/// one allocation, where five vectors of `usize` fields took 44 bytes in
/// five, each zeroed and freed per document.
pub struct WordTags<'a> {
    lexicon: &'a Lexicon,
    words: Vec<WordTag>,
}

#[derive(Debug, Clone, Copy, Default)]
struct WordTag {
    /// The role-lexicon entry starting here: class, end word and phrase.
    role: Option<(RoleClass, u32, u32)>,
    /// The gazetteer mention starting here.
    gazetteer: Option<u32>,
    /// The class among the speaker grammar words (speakers.tsv).
    speaker: Option<crate::lexicon::SpeakerWord>,
    /// Whether an attribution verb or a polar cue starts here.
    verb: bool,
    /// Whether a gazetteer name covers the word.
    covered: bool,
}

/// A word or phrase index in a [`WordTag`]; every index fits, since a
/// document's offsets do.
fn narrow(index: usize) -> u32 {
    u32::try_from(index).unwrap_or(u32::MAX)
}

impl<'a> WordTags<'a> {
    /// Tags every word with its role class, verb start and gazetteer mention.
    pub fn new(doc: &Prepared, lexicon: &'a Lexicon, gazetteer: &DocActors) -> WordTags<'a> {
        let mut words = vec![WordTag::default(); doc.words.len()];
        for m in lexicon.roles.find_longest(&doc.keys) {
            words[m.first].role = Some((lexicon.role_class[m.phrase], narrow(m.end), narrow(m.phrase)));
        }
        // "المتحدث" is a statement's vehicle ("بيان للمتحدث") and a role head:
        // as a head it opens a speaker phrase, not a clause.
        for m in doc.verbs.iter() {
            let tag = &mut words[m.first];
            if lexicon.verb_class[m.phrase] != crate::lexicon::VerbClass::Vehicle || tag.role.is_none() {
                tag.verb = true;
            }
        }
        for m in &doc.cues {
            words[m.first].verb |=
                matches!(lexicon.cue_info[m.phrase].role, crate::lexicon::CueRole::Support | crate::lexicon::CueRole::Oppose);
        }
        for (i, m) in gazetteer.mentions.iter().enumerate() {
            words[m.first].gazetteer = Some(narrow(i));
            for tag in &mut words[m.first..m.end] {
                tag.covered = true;
            }
        }
        for m in lexicon.speaker_words.find_longest(&doc.keys) {
            words[m.first].speaker = Some(lexicon.speaker_class[m.phrase]);
        }
        WordTags { lexicon, words }
    }

    /// The role-lexicon entry starting at word `w`: class, end word and phrase.
    pub(super) fn role(&self, w: usize) -> Option<(RoleClass, usize, usize)> {
        self.words[w].role.map(|(class, end, phrase)| (class, end as usize, phrase as usize))
    }

    /// Whether an attribution verb or a polar cue starts at word `w`.
    pub(super) fn verb(&self, w: usize) -> bool {
        self.words[w].verb
    }

    /// The gazetteer mention starting at word `w` (index into its mentions).
    pub(super) fn gazetteer(&self, w: usize) -> Option<usize> {
        self.words[w].gazetteer.map(|g| g as usize)
    }

    /// The speaker-grammar class of word `w`; `None` past the last word.
    pub(super) fn speaker(&self, w: usize) -> Option<crate::lexicon::SpeakerWord> {
        self.words.get(w).and_then(|tag| tag.speaker)
    }

    /// Where a quantifier that ends right before word `w` starts ("مجموعة من", "بعض").
    pub fn quantifier_ending_at(&self, doc: &Prepared, w: usize) -> Option<usize> {
        (w.saturating_sub(3)..w)
            .find(|&s| matches!(self.role(s), Some((RoleClass::Quantifier, end, _)) if end == w))
            .filter(|_| !break_before(doc, w))
    }

    /// Whether a gazetteer name covers word `w`.
    pub(super) fn in_gazetteer_name(&self, w: usize) -> bool {
        self.words[w].covered
    }

    pub(super) fn first_key(&self, phrase: usize) -> &str {
        self.lexicon.roles.first_key(phrase)
    }

    /// Whether word `w` names the medium or occasion of a statement ("بيان",
    /// "مؤتمر"): after "في" it ends an actor phrase.
    fn is_medium(&self, w: usize) -> bool {
        self.speaker(w) == Some(crate::lexicon::SpeakerWord::Medium)
    }

    pub(super) fn class(&self, w: usize) -> Option<RoleClass> {
        self.role(w).map(|r| r.0)
    }
}

/// Whether punctuation that ends a phrase stands between words `w - 1` and `w`.
pub fn break_before(doc: &Prepared, w: usize) -> bool {
    doc.gap_holds(w, &[',', '،', ':', ';', '؛', '.', '(', ')', '\n', '-', '–', '—', '!', '?', '؟']).unwrap_or(true)
}

/// Whether a quotation mark stands between words `w - 1` and `w`.
pub(super) fn quote_before(doc: &Prepared, w: usize) -> bool {
    doc.gap_holds(w, &['"', '\'']).unwrap_or(false)
}

/// Whether a word can start a personal name: no article, no glued preposition,
/// not a digit, and no lexicon role of its own.
/// Prepositions written with a final alef maqsura ("على", "إلى") fold to the
/// spelling of names ("علي"); the original text still tells them apart.
pub(super) fn is_preposition_word(doc: &Prepared, w: usize) -> bool {
    // Only a word that normalizes to one of their spellings can be one of
    // them: that test needs no look-up in the original, and fails for
    // nearly every word.
    matches!(doc.word(w), "علي" | "الي" | "حتي" | "لدي" | "متي") && {
        matches!(doc.original_of_words(w, w + 1), "على" | "إلى" | "الى" | "حتى" | "لدى" | "متى")
    }
}

pub(super) fn name_start(doc: &Prepared, tags: &WordTags<'_>, w: usize) -> bool {
    let word = doc.word(w);
    !word.starts_with("ال")
        && !is_preposition_word(doc, w)
        && !["وال", "فال", "بال", "لل", "كال"].iter().any(|p| word.starts_with(p))
        && !looks_like_plural_verb(word)
        && (!word.starts_with(['ل', 'ب']) || tags.lexicon.given_names.contains(crate::text::match_key(word).as_ref()))
        && word.chars().count() >= 2
        && !word.chars().any(|c| c.is_ascii_digit())
        && tags.role(w).is_none()
        && !tags.verb(w)
        && !is_topic_word(doc, w)
}

/// Whether a word can continue a personal name (an article is fine: "سرمد البياتي").
pub(super) fn name_part(doc: &Prepared, tags: &WordTags<'_>, w: usize) -> bool {
    let word = doc.word(w);
    word.chars().count() >= 2
        && !word.chars().any(|c| c.is_ascii_digit())
        && tags.role(w).is_none()
        && !tags.verb(w)
        && !word.starts_with(['ل', 'ب'])
        && !is_topic_word(doc, w)
}

/// Present-tense plural verbs ("يفكرون", "تعتبرون") are never names.
fn looks_like_plural_verb(word: &str) -> bool {
    let bare = word.strip_prefix(['و', 'ف']).unwrap_or(word);
    bare.starts_with(['ي', 'ت']) && (bare.ends_with("ون") || bare.ends_with("وا")) && bare.chars().count() >= 5
}

fn is_topic_word(doc: &Prepared, w: usize) -> bool {
    doc.in_topic_term[w]
}

/// A last name part that starts with ب or ل as a letter ("دانيال برايس",
/// "جون بيرسون", "باربرا لي"), which the general test refuses as a glued
/// preposition. It must end the name where the phrase ends: before a comma,
/// a quote or a complementizer ("… برايس إن"); a word with a pronoun suffix
/// ("بدوره", "بنفسه") or a glued article or hamza ("بالقول", "بأن") is the
/// preposition. A second ب word after it is the verb's object.
fn last_name_part_with_b_or_l(doc: &Prepared, tags: &WordTags<'_>, w: usize, limit: usize) -> bool {
    let word = doc.word(w);
    let next = w + 1;
    let phrase_ends = next >= limit
        || break_before(doc, next)
        || quote_before(doc, next)
        || matches!(doc.word(next), "ان" | "انه" | "انها" | "بان" | "انهم")
        // "رحب النائب جون بيرسون بقرار …": the verb's object starts with the preposition.
        || doc.word(next).starts_with('ب');
    word.starts_with(['ب', 'ل'])
        && !word.starts_with("بال")
        && !word.starts_with("لل")
        && word != "بان"
        && !["ه", "ها", "هم", "هما", "كم", "نا"].iter().any(|s| word.ends_with(s))
        && word.chars().count() >= 2
        && tags.role(w).is_none()
        && !tags.verb(w)
        && !tags.is_medium(w)
        && !is_topic_word(doc, w)
        && phrase_ends
}

/// Reads a personal name starting at `w`.
fn read_name(doc: &Prepared, tags: &WordTags<'_>, w: usize, limit: usize) -> Option<(usize, usize)> {
    if w >= limit || !name_start(doc, tags, w) {
        return None;
    }
    let mut end = w + 1;
    while end < limit
        && end - w < MAX_NAME
        && !break_before(doc, end)
        && !quote_before(doc, end)
        && (name_part(doc, tags, end) || last_name_part_with_b_or_l(doc, tags, end, limit))
    {
        end += 1;
    }
    // A short imperfect verb right after a role ("ضابط يعمل في") is not a name.
    let single = end == w + 1;
    let imperfect = doc.word(w).starts_with(['ي', 'ت']) && doc.word(w).chars().count() <= 4;
    let followed_by_particle = end < limit && matches!(tags.class(end), Some(RoleClass::Stop) | Some(RoleClass::Link));
    if single && imperfect && (followed_by_particle || end >= limit || break_before(doc, end)) {
        return None;
    }
    Some((w, end))
}

/// Finds the pattern mentions of a document.
pub fn find(doc: &Prepared, gazetteer: &DocActors, tags: &WordTags<'_>) -> Vec<RoleMention> {
    let n = doc.words.len();
    let mut out: Vec<RoleMention> = Vec::new();
    let mut w = 0;
    while w < n {
        let start = w;
        let (mut head_at, mut first_phrase) = (w, None);
        if let Some((RoleClass::Quantifier, end, phrase)) = tags.role(w) {
            if end < n && !break_before(doc, end) {
                head_at = end;
                first_phrase = Some(phrase);
            }
        }
        let (kind, plural, head_end, head_phrase) = match tags.role(head_at) {
            Some((RoleClass::Head(kind, plural), end, phrase)) => (kind, plural, end, phrase),
            // A rank alone before a name is a person: "اللواء يحيى رسول".
            Some((RoleClass::Rank, end, phrase)) if head_at == w => {
                match read_name(doc, tags, end, doc.sentences[doc.sentence_of_word[w]].end_word) {
                    Some((a, b)) if !tags.in_gazetteer_name(w) => {
                        out.push(RoleMention {
                            first: w,
                            end: b,
                            kind: ActorKind::Person,
                            identity: Identity::Named { first: a, end: b },
                            first_key_phrase: phrase,
                            bare: false,
                            head_at: w,
                        });
                        w = b;
                    }
                    _ => w += 1,
                }
                continue;
            }
            _ => {
                w += 1;
                continue;
            }
        };
        // A head inside a gazetteer name ("مجلس النواب العراقي") is the gazetteer's.
        if tags.in_gazetteer_name(head_at) {
            w += 1;
            continue;
        }
        let sentence_end = doc.sentences[doc.sentence_of_word[head_at]].end_word;
        let limit = sentence_end.min(start + MAX_PHRASE);
        let mut pos = head_end;
        let mut identity = Identity::Phrase;
        // Only a singular person or expert head takes a personal name, and a
        // name after a link belongs to the nearest role before it: in
        // "مسؤول في مكتب رئيس الوزراء مصطفى الكاظمي" the name is the prime
        // minister's, in "المتحدثة باسم البيت الأبيض جين ساكي" the spokeswoman's.
        let mut outer_owns_name = matches!(kind, ActorKind::Person | ActorKind::Expert) && !plural;
        let mut inner_role = false;
        // Where the name of an institution inside the phrase would stand:
        // right after its head ("الباحث في مركز تريندز").
        let mut institution_name_at = None;
        while pos < limit && !break_before(doc, pos) {
            // "و" before another actor or role is a coordination: a new actor starts.
            // "صحفي وناشط حقوقي" is one person with two roles, though.
            let second_role = matches!(tags.class(pos), Some(RoleClass::Head(k, false)) if k == kind && outer_owns_name);
            let conjoined_name = tags.gazetteer(pos).is_some_and(|g| gazetteer.mentions[g].conjoined);
            let conjoined_head = match tags.role(pos) {
                Some((RoleClass::Head(..), _, phrase)) => super::has_glued_conjunction(doc.word(pos), tags.first_key(phrase)),
                _ => false,
            };
            let coordinated = !second_role && (conjoined_name || conjoined_head);
            if coordinated {
                break;
            }
            if let Some(g) = tags.gazetteer(pos) {
                let m = gazetteer.mentions[g];
                let named_kind = gazetteer.actors[m.actor].kind;
                let person = matches!(named_kind, ActorKind::Person | ActorKind::Expert);
                // "مليشيات كتائب أبو الفضل العباس", "حركة أنصار الله": a class noun
                // right before a name of that class is the named actor itself.
                if !person && pos == head_end && named_kind == kind && !m.prepositional {
                    identity = Identity::Known(m.actor);
                    pos = m.end;
                    break;
                }
                pos = m.end;
                if person && !m.prepositional {
                    if outer_owns_name {
                        identity = Identity::Known(m.actor);
                    }
                    break;
                }
                continue;
            }
            match tags.class(pos) {
                Some(RoleClass::Stop) | Some(RoleClass::Quantifier) => break,
                // A place names an institution ("مجلس محافظة البصرة") but not a person.
                Some(RoleClass::Place) => {
                    if matches!(kind, ActorKind::Person | ActorKind::Expert) {
                        break;
                    }
                    pos = tags.role(pos).map_or(pos + 1, |r| r.1);
                }
                Some(RoleClass::Modifier) => pos = tags.role(pos).map_or(pos + 1, |r| r.1),
                Some(RoleClass::Head(inner, _)) => {
                    if pos > head_end && matches!(inner, ActorKind::Person | ActorKind::Expert) {
                        outer_owns_name = false;
                        inner_role = true;
                    }
                    let inner_end = tags.role(pos).map_or(pos + 1, |r| r.1);
                    if pos > head_end && !matches!(inner, ActorKind::Person | ActorKind::Expert) && !doc.word(pos).starts_with("ال") {
                        institution_name_at = Some(inner_end);
                    }
                    pos = inner_end;
                }
                Some(RoleClass::Link) => {
                    // A link takes the institution after it, whatever its form.
                    let next = tags.role(pos).map_or(pos + 1, |r| r.1);
                    let usable = next < limit
                        && !tags.is_medium(next)
                        && !break_before(doc, next)
                        && !tags.verb(next)
                        && !matches!(tags.class(next), Some(RoleClass::Stop) | Some(RoleClass::Link));
                    if !usable {
                        break;
                    }
                    match (tags.gazetteer(next), tags.class(next)) {
                        (Some(_), _) | (_, Some(RoleClass::Head(..))) => pos = next,
                        (_, Some(RoleClass::Place)) => pos = tags.role(next).map_or(next + 1, |r| r.1),
                        // "الباحث في الشأن العراقي", "الخبير في الشؤون الأمنية": a
                        // definite noun with its own adjective after a link is an
                        // expert's field and stays in the phrase.
                        _ if doc.word(next).starts_with("ال") && field_of_expertise(doc, tags, kind, next, limit) => {
                            pos = next + 1;
                        }
                        // "في التصعيد": a definite noun that is no institution or place ends the phrase.
                        _ if doc.word(next).starts_with("ال") => break,
                        _ => {
                            // A bare noun in construct state ("في إدارة …", "في مكتب …"):
                            // a name after it is its genitive, not the outer role's.
                            if !doc.word(next).starts_with("ال") {
                                outer_owns_name = false;
                                inner_role = true;
                            }
                            pos = next + 1;
                        }
                    }
                }
                Some(RoleClass::Rank) => {
                    let after = tags.role(pos).map_or(pos + 1, |r| r.1);
                    match read_name(doc, tags, after, limit) {
                        Some((a, b)) => {
                            if outer_owns_name {
                                identity = Identity::Named { first: a, end: b };
                            }
                            pos = b;
                        }
                        None => pos = after,
                    }
                    break;
                }
                None => {
                    if tags.verb(pos) {
                        break;
                    }
                    // A definite word stays in the phrase as an adjective ("الكردستاني",
                    // "المستقيل") or as the genitive of an indefinite noun ("مجلس
                    // النواب"); after a definite noun it is the verb's object ("النواب
                    // الكرد الجلسة").
                    if doc.word(pos).starts_with("ال") {
                        let genitive = pos > 0 && !doc.word(pos - 1).starts_with("ال") && !doc.word(pos - 1).starts_with("وال");
                        if genitive || super::speakers::is_adjective_like(doc.word(pos)) {
                            pos += 1;
                            continue;
                        }
                        break;
                    }
                    // An institution is named by a construct chain: "مجلس محافظة البصرة".
                    // Only an indefinite head takes a genitive, and never one with a glued preposition.
                    let institution = !matches!(kind, ActorKind::Person | ActorKind::Expert) && !doc.word(head_at).starts_with("ال");
                    let genitive =
                        !is_preposition_word(doc, pos) && !is_topic_word(doc, pos) && !doc.word(pos).starts_with(['ب', 'ل', 'ك']);
                    if institution && pos == head_end && genitive {
                        pos += 1;
                        continue;
                    }
                    // The institution's own name is not the person's.
                    if institution_name_at == Some(pos) && genitive {
                        pos += 1;
                        break;
                    }
                    if let Some((a, b)) = read_name(doc, tags, pos, limit) {
                        if outer_owns_name {
                            identity = Identity::Named { first: a, end: b };
                            pos = b;
                        } else if inner_role {
                            // The inner role's name stays inside the phrase.
                            pos = b;
                        }
                    }
                    break;
                }
            }
        }
        // A bare head with nothing after it is too vague to be an actor unless
        // it is plural or definite ("الخبراء", "مسؤولون"): "رئيس" alone is not.
        let bare = pos == head_end && start == head_at && !plural;
        // A pattern that ends in a linked glued-preposition gazetteer name
        // with nothing of its own is still the phrase ("الميليشيات التابعة لإيران").
        out.push(RoleMention {
            first: start,
            end: pos,
            kind,
            identity,
            first_key_phrase: first_phrase.unwrap_or(head_phrase),
            bare,
            head_at,
        });
        w = pos.max(w + 1);
    }
    appositions(doc, gazetteer, tags, &mut out);
    // "رئيس" or "صحفي" alone names nobody.
    out.retain(|m| !(m.bare && m.identity == Identity::Phrase));
    out
}

/// A two-word personal name at `first..first + 2`, or a gazetteer person there.
fn two_word_name(doc: &Prepared, gazetteer: &DocActors, tags: &WordTags<'_>, first: usize) -> Option<Identity> {
    if let Some(m) = gazetteer.mention_starting_at(first) {
        return (gazetteer.actors[m.actor].kind == ActorKind::Person && !m.prepositional).then_some(Identity::Known(m.actor));
    }
    let second = first + 1;
    (second < doc.words.len() && name_start(doc, tags, first) && !break_before(doc, second) && name_part(doc, tags, second))
        .then_some(Identity::Named { first, end: second + 1 })
}

/// Names set off by commas beside an anonymous role: "حيدر البصير، صحفي …"
/// (name first) and "المتحدث باسم الحركة، عادل الكرعاوي، …" (role first).
fn appositions(doc: &Prepared, gazetteer: &DocActors, tags: &WordTags<'_>, found: &mut [RoleMention]) {
    for i in 0..found.len() {
        // "الدكتور محمد عباس ناجي، الباحث …": the role is the named person's.
        let named_before = i > 0 && found[i - 1].end == found[i].first && doc.comma_before(found[i].first);
        if named_before && found[i].identity == Identity::Phrase && matches!(found[i - 1].identity, Identity::Named { .. }) {
            found[i].identity = found[i - 1].identity;
            continue;
        }
        let m = &mut found[i];
        if m.identity != Identity::Phrase || !matches!(m.kind, ActorKind::Person | ActorKind::Expert) {
            continue;
        }
        // Role first, then ", NAME,".
        let name_end = gazetteer.mention_starting_at(m.end).map_or(m.end + 2, |g| g.end);
        if doc.comma_before(m.end) && name_end <= doc.words.len() && (name_end == doc.words.len() || break_before(doc, name_end)) {
            if let Some(identity) = two_word_name(doc, gazetteer, tags, m.end) {
                m.identity = identity;
                if let Identity::Named { end, .. } = identity {
                    m.end = end;
                }
                continue;
            }
        }
        // "NAME, role": the two words before the comma.
        if m.first >= 2 && doc.comma_before(m.first) && !break_before(doc, m.first - 1) {
            // The name stays outside the role phrase: the caller adds it as its own mention.
            if let Some(identity) = two_word_name(doc, gazetteer, tags, m.first - 2) {
                m.identity = identity;
            }
        }
    }
}

/// Whether the definite noun at `noun` after a person's or an expert's link is
/// their field ("في الشأن العراقي", "في الشؤون الاستراتيجية"): it is followed in
/// the same phrase by a definite adjective of its own. A bare definite noun
/// after a link ("في التصعيد") is the verb's matter instead.
fn field_of_expertise(doc: &Prepared, tags: &WordTags<'_>, kind: ActorKind, noun: usize, limit: usize) -> bool {
    let adjective = noun + 1;
    matches!(kind, ActorKind::Person | ActorKind::Expert)
        && adjective < limit
        && !break_before(doc, adjective)
        && !tags.verb(adjective)
        && tags.gazetteer(adjective).is_none()
        && doc.word(adjective).starts_with("ال")
        && (matches!(tags.class(adjective), Some(RoleClass::Modifier)) || super::speakers::is_adjective_like(doc.word(adjective)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prepositions_are_told_from_names_by_the_original() {
        let lexicon = Lexicon::get();
        let doc = Prepared::new("ردّ علي على الوزير إلى حتى متى لدى الى", lexicon);
        let found: Vec<bool> = (0..doc.words.len()).map(|w| is_preposition_word(&doc, w)).collect();
        assert_eq!(found, vec![false, false, true, false, true, true, true, true, true]);
    }
}
