//! Open-world speakers: whoever the text says speaks, named or not.
//!
//! News names its sources in a few grammatical slots: right after a speech
//! or position verb ("وقال النائب عن تحالف الفتح مهند الساعدي، …، إن"),
//! before the verb at the start of a clause ("المتحدث باسم الحكومة أكد …"),
//! and after a source phrase ("بحسب صحيفة …"). The noun phrase in that slot
//! is the speaker even when no gazetteer or role list knows it. Where it ends
//! is decided by the grammar, not by a word count: a complementizer, a colon,
//! comma or quotation mark, a preposition of the medium ("في تصريح", "لوكالة"),
//! a time word, the next verb, a prepositional object ("بانسحاب"), or a
//! definite noun that can only be the verb's object.
//!
//! Inside the phrase, a title chain (role head, modifiers, genitives,
//! institutions) may be followed by a personal name; the name is the
//! actor's identity and the chain its alias. A phrase with no head must look
//! like a name (a given name among its first two words), so that a clause
//! fragment ("عدم الاتفاق") never becomes an actor.

use crate::contract::ActorKind;
use crate::document::{within, Prepared};
use crate::lexicon::{Lexicon, RoleClass, SpeakerWord, TargetKind, VerbClass};

use super::roles::{break_before, is_preposition_word, name_part, name_start, quote_before, WordTags};
use super::DocActors;

/// Longest speaker phrase read, in words: a guard for texts without
/// punctuation, far above what grammar ends first.
const MAX_SPEAKER: usize = 14;
/// Longest personal name, in words ("عبد الكريم عطية الفهداوي").
const MAX_NAME_WORDS: usize = 5;

/// Words that glue to the next word of a compound name: "عبد الرزاق", "أبو مهدي".
const NAME_GLUE: &[&str] = &["عبد", "ابو", "ام", "بن", "ابن", "ذو", "بنت", "آل", "ال"];

/// A speaker phrase found in a grammatical slot.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Speaker {
    /// First word of the phrase.
    pub first: usize,
    /// One past its last word.
    pub end: usize,
    /// The personal name inside it, if any.
    pub name: Option<(usize, usize)>,
    /// A person the gazetteer knows, named inside the phrase (index into the actors).
    pub known_person: Option<usize>,
    /// The kind the phrase's head gives, or `Person` for a bare name.
    pub kind: ActorKind,
    /// Whether the phrase starts with its own head, rank or gazetteer name
    /// (rather than being a bare name).
    pub headed: bool,
}

/// Why a subject slot holds no speaker, for `explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejection {
    /// The slot is empty (end of the clause).
    NothingThere,
    /// It opens with a complementizer, adverb, clause noun, topic term, verb or particle.
    NotANoun,
    /// It opens with a glued preposition: an object, not a subject.
    Prepositional,
    /// No role head, rank or known name, and nothing that reads as a personal name.
    NoHeadNoName,
    /// A bare name without a given name among its first two words.
    NotAName,
    /// A singular title with nothing after it ("رئيس").
    BareTitle,
}

impl Rejection {
    /// A short reason in English.
    pub fn reason(self) -> &'static str {
        match self {
            Rejection::NothingThere => "nothing in the slot",
            Rejection::NotANoun => "opens with a complementizer, adverb, clause noun, topic term, verb or particle",
            Rejection::Prepositional => "a glued preposition makes it an object",
            Rejection::NoHeadNoName => "no role head, rank or known name, and no personal name",
            Rejection::NotAName => "a bare phrase without a given name among its first two words",
            Rejection::BareTitle => "a singular title with nothing after it",
        }
    }
}

/// What the reader needs about a document.
pub struct Reader<'a, 'd> {
    doc: &'a Prepared<'d>,
    lexicon: &'a Lexicon,
    tags: &'a WordTags<'a>,
}

fn is_definite(word: &str) -> bool {
    word.starts_with("ال") && word.chars().count() > 3
}

/// A relational adjective or participle, which stays inside a title chain:
/// "الكردستاني", "العراقية", "المستقيل", "الموالية".
pub(super) fn is_adjective_like(word: &str) -> bool {
    let bare = word.strip_prefix("ال").unwrap_or(word);
    ["ي", "يه", "يون", "يين", "يان"].iter().any(|s| bare.ends_with(s)) || (word.starts_with("الم") && bare.chars().count() >= 4)
}

impl<'a, 'd> Reader<'a, 'd> {
    /// Prepares the reader for one document.
    pub fn new(doc: &'a Prepared<'d>, lexicon: &'a Lexicon, tags: &'a WordTags<'a>) -> Reader<'a, 'd> {
        Reader { doc, lexicon, tags }
    }

    fn word(&self, w: usize) -> &str {
        self.doc.word(w)
    }

    /// The speaker-grammar class of word `w`, if any.
    fn mark(&self, w: usize) -> Option<SpeakerWord> {
        self.tags.speaker(w)
    }

    fn is_given_name(&self, w: usize) -> bool {
        let word = self.word(w);
        let bare = word.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 2).unwrap_or(word);
        self.lexicon.given_names.contains(crate::text::match_key(word).as_ref()) || (w > 0 && self.lexicon.given_names.contains(bare))
    }

    fn head_at(&self, w: usize) -> Option<(ActorKind, bool, usize)> {
        match self.tags.role(w) {
            Some((RoleClass::Head(kind, plural), end, _)) => Some((kind, plural, end)),
            _ => None,
        }
    }

    /// Whether word `w` can never open a speaker phrase.
    fn refuses_start(&self, w: usize) -> bool {
        matches!(self.mark(w), Some(SpeakerWord::Complementizer | SpeakerWord::Adverb | SpeakerWord::Clause | SpeakerWord::Medium))
            || matches!(self.tags.class(w), Some(RoleClass::Stop | RoleClass::Link | RoleClass::Modifier | RoleClass::Place))
            || self.tags.verb(w)
            || self.doc.in_topic_term[w]
            || is_preposition_word(self.doc, w)
    }

    /// Whether a glued preposition or conjunction on word `w` ends the phrase before it.
    fn clitic_ends_phrase(&self, actors: &DocActors, w: usize, name_started: bool) -> bool {
        let word = self.word(w);
        let mention = actors.mention_starting_at(w);
        if word.starts_with('و') {
            // "وزير", "وكالة" begin with و as a letter; "والسنة", "وأغلب النواب" coordinate.
            let letter = self.head_at(w).is_some_and(|_| crate::text::match_key(word).starts_with('و'))
                || mention.is_some_and(|m| !m.conjoined)
                || (!word.starts_with("وال") && self.tags.role(w).is_none() && mention.is_none() && !name_started);
            return !letter;
        }
        if word.starts_with('ب') && !matches!(word, "باسم" | "بن") && !(name_started && self.foreign_name_part_with_b(w)) {
            let own_letter = self.tags.role(w).is_some()
                && !super::has_glued_preposition(word, self.tags.first_key(self.tags.role(w).map_or(0, |r| r.2)));
            return !own_letter && mention.is_none_or(|m| m.prepositional);
        }
        if word.starts_with('ل') && !word.starts_with("لدي") {
            if matches!(self.mark(w), Some(SpeakerWord::Audience | SpeakerWord::Medium)) || name_started {
                return true;
            }
            // "المستشار الإعلامي لرئيس الوزراء", "الأمين العام للأمم المتحدة",
            // "الجبهة العراقية للحوار الوطني": a genitive of an institution.
            let institution = self.head_at(w).is_some() || mention.is_some();
            let after_definite = w > 0 && is_definite(self.word(w - 1)) && word.starts_with("لل");
            return !(institution || after_definite);
        }
        false
    }

    /// Whether word `w`, a forces term, is the genitive of a person's command
    /// ("قائد قوات التحالف", "المتحدث باسم القوات الأمريكية") rather than
    /// what the clause says about them.
    fn commanded_forces(&self, w: usize, person_head: bool, named: bool) -> bool {
        let forces = self.target_starts_at(w, &[TargetKind::Forces, TargetKind::Presence], usize::MAX);
        let construct = self.head_at(w - 1).is_some() || self.word(w - 1) == "باسم";
        forces && person_head && !named && construct
    }

    /// Whether a topic term of one of `kinds`, at most `max_words` long, starts at word `w`.
    fn target_starts_at(&self, w: usize, kinds: &[TargetKind], max_words: usize) -> bool {
        within(&self.doc.targets, w, w + 6)
            .any(|t| t.first == w && t.end - t.first <= max_words && kinds.contains(&self.lexicon.target_kind[t.phrase]))
    }

    /// Whether word `w` is a nationality adjective that the topic lexicon
    /// lists as a foreign marker ("الجنرال الأمريكي"): inside a title chain
    /// it describes the speaker.
    fn nationality_adjective(&self, w: usize) -> bool {
        let foreign = self.target_starts_at(w, &[TargetKind::Foreign], 1);
        foreign && is_definite(self.word(w)) && is_adjective_like(self.word(w)) && w > 0 && is_definite(self.word(w - 1))
    }

    /// Whether word `w` continues an institution's name as its genitive or a
    /// coordinated genitive: "للبحوث", "والاستشارات" after "مركز تريندز".
    fn institution_genitive(&self, actors: &DocActors, w: usize) -> bool {
        let word = self.word(w);
        let free = self.tags.role(w).is_none() && actors.mention_starting_at(w).is_none() && self.mark(w).is_none();
        let prev = self.word(w - 1);
        let prev_noun = !self.tags.verb(w - 1) && !break_before(self.doc, w);
        free && prev_noun && (word.starts_with("لل") || (word.starts_with("وال") && (is_definite(prev) || prev.starts_with("لل"))))
    }

    /// Given names spelled with an initial ب or ل ("برهم", "بول", "لطيف"),
    /// which the general name test refuses as a glued preposition.
    fn given_name_with_letter_b_or_l(&self, w: usize) -> bool {
        let word = self.word(w);
        word.starts_with(['ب', 'ل']) && self.tags.role(w).is_none() && !self.tags.verb(w) && self.is_given_name(w)
    }

    /// A later part of a name that starts with ب as a letter ("جون بينر",
    /// "جورج بوش"), not as a preposition before an article or a complementizer.
    fn foreign_name_part_with_b(&self, w: usize) -> bool {
        let word = self.word(w);
        word.starts_with('ب')
            && !["بال", "بأ", "بإ"].iter().any(|p| word.starts_with(p))
            && word.chars().count() >= 3
            && self.tags.role(w).is_none()
            && !self.tags.verb(w)
            && self.mark(w).is_none()
            && !self.doc.in_topic_term[w]
            && !is_preposition_word(self.doc, w)
    }

    /// Reads the speaker phrase that starts at word `s` and ends by `limit`.
    pub fn read(&self, actors: &DocActors, s: usize, limit: usize) -> Option<Speaker> {
        self.read_or_reject(actors, s, limit).ok()
    }

    /// Reads the speaker phrase at `s`, or says why there is none there.
    pub fn read_or_reject(&self, actors: &DocActors, s: usize, limit: usize) -> Result<Speaker, Rejection> {
        let doc = self.doc;
        if s >= limit {
            return Err(Rejection::NothingThere);
        }
        if self.refuses_start(s) {
            return Err(Rejection::NotANoun);
        }
        if self.word(s).starts_with(['ب', 'ل'])
            && actors.mention_starting_at(s).is_none_or(|m| m.prepositional)
            && self.head_at(s).is_none()
        {
            return Err(Rejection::Prepositional);
        }
        let quantified = matches!(self.tags.class(s), Some(RoleClass::Quantifier));
        let lead = if quantified { self.tags.role(s).map_or(s + 1, |r| r.1) } else { s };
        let ranked = matches!(self.tags.class(lead), Some(RoleClass::Rank));
        let head = self.head_at(lead.min(limit.saturating_sub(1)));
        let gazetteer_lead = actors.mention_starting_at(lead).filter(|m| !m.prepositional);
        let headed = head.is_some() || ranked || gazetteer_lead.is_some();
        let kind = head.map(|h| h.0).or(gazetteer_lead.map(|m| actors.actors[m.actor].kind)).unwrap_or(ActorKind::Person);
        let person_head = matches!(kind, ActorKind::Person | ActorKind::Expert) && !head.is_some_and(|h| h.1);

        let mut w = s;
        let mut name: Option<usize> = None;
        let mut known_person = None;
        // Past a link or "عن", the chain names an institution, whose own
        // genitives and coordinations ("مركز … للبحوث والاستشارات") stay inside it.
        let mut in_institution = false;
        while w < limit && w - s < MAX_SPEAKER {
            if w > s && break_before(doc, w) {
                break;
            }
            // Quotation marks may set off an institution's name inside the
            // phrase ("النائب عن تحالف "تقدم" رعد …"): opened after a role,
            // a link or "عن", and closed after that name.
            if w > s && quote_before(doc, w) {
                let prev = self.word(w - 1);
                let opens = self.head_at(w - 1).is_some() || matches!(self.tags.class(w - 1), Some(RoleClass::Link)) || prev == "عن";
                // After the closing mark only the person's name may follow.
                let closes = w - 1 > s && quote_before(doc, w - 1) && name_start(doc, self.tags, w) && !is_definite(self.word(w));
                if !(opens || closes) || name.is_some() {
                    break;
                }
            }
            let word = self.word(w);
            if matches!(self.mark(w), Some(SpeakerWord::Complementizer)) {
                break;
            }
            if w > s {
                // A topic term or a clause noun is what is said, never who says it,
                // except forces that a person heads ("قائد قوات التحالف").
                let named_here = actors.mention_starting_at(w).is_some_and(|m| !m.prepositional) || self.head_at(w).is_some();
                let said = (doc.in_topic_term[w]
                    && !named_here
                    && !self.commanded_forces(w, person_head, name.is_some())
                    && !self.nationality_adjective(w))
                    || matches!(self.mark(w), Some(SpeakerWord::Clause | SpeakerWord::Adverb));
                let genitive = in_institution && name.is_none() && self.institution_genitive(actors, w);
                if said
                    || self.tags.verb(w)
                    || is_preposition_word(doc, w)
                    || (!genitive && self.clitic_ends_phrase(actors, w, name.is_some()))
                {
                    break;
                }
                if genitive {
                    w += 1;
                    continue;
                }
                // A name the gazetteer knows is read as that name, even when one
                // of its words is also a stop word ("الإطار التنسيقي").
                let known_here = actors.mention_starting_at(w).is_some_and(|m| !m.prepositional && m.end <= limit);
                match self.tags.class(w).filter(|_| !known_here) {
                    // "النائب عن تحالف الفتح": عن after a representative names whom he represents,
                    // also after the adjective of his committee ("عضو لجنة الأمن النيابية عن الائتلاف").
                    Some(RoleClass::Stop)
                        if word == "عن"
                            && (self.head_at(w - 1).is_some()
                                || (w > s + 1 && is_definite(self.word(w - 1)) && is_adjective_like(self.word(w - 1))))
                            && name.is_none() =>
                    {
                        in_institution = true;
                        w += 1;
                        continue;
                    }
                    Some(RoleClass::Stop) => break,
                    Some(RoleClass::Link) => {
                        // "في تصريح": the medium, not an institution; but a name the
                        // gazetteer knows ("في الإطار التنسيقي") is the institution.
                        let next_is_medium = matches!(self.mark(w + 1), Some(SpeakerWord::Medium))
                            && !actors.mention_starting_at(w + 1).is_some_and(|m| !m.prepositional && m.end <= limit);
                        // Only a role takes an institution after it ("مسؤول في وزارة"); a
                        // named actor followed by "في" is followed by a place or an occasion.
                        let role_before = head.is_some() && gazetteer_lead.is_none();
                        if !role_before || next_is_medium || name.is_some() || w + 1 >= limit || break_before(doc, w + 1) {
                            break;
                        }
                        in_institution = true;
                        w += 1;
                        continue;
                    }
                    _ => {}
                }
            }
            if let Some(m) = actors.mention_starting_at(w).filter(|m| m.end <= limit) {
                // A person by name: the gazetteer's or one read with a name, not an anonymous role.
                let actor = &actors.actors[m.actor];
                let person = matches!(actor.kind, ActorKind::Person | ActorKind::Expert) && !actor.key.starts_with("phrase:");
                if person && !m.prepositional && (w == lead || person_head || ranked) {
                    known_person = Some(m.actor);
                    w = m.end;
                    break;
                }
                if person && w > s {
                    break;
                }
                // A role phrase read earlier ("الباحث في مركز تريندز") ends in an
                // institution: what follows may still extend it.
                let linked = (m.first..m.end).any(|i| matches!(self.tags.class(i), Some(RoleClass::Link)) || self.word(i) == "عن");
                in_institution |= actor.key.starts_with("phrase:") && linked;
                w = m.end;
                continue;
            }
            if name.is_none() {
                let can_name = (name_start(doc, self.tags, w) || self.given_name_with_letter_b_or_l(w)) && !self.refuses_start(w);
                let after_title = w > s && {
                    let prev = self.word(w - 1);
                    is_definite(prev)
                        || (in_institution && (prev.starts_with("لل") || prev.starts_with("وال")))
                        || matches!(self.tags.class(w - 1), Some(RoleClass::Rank | RoleClass::Modifier | RoleClass::Place))
                        || actors.mention_ending_at(w).is_some()
                        || is_adjective_like(prev)
                };
                let bare_start = w == s && !headed;
                if can_name && (after_title || bare_start || (ranked && w == lead + 1)) && (person_head || ranked || !headed) {
                    name = Some(w);
                    w += 1;
                    continue;
                }
                if can_name && headed && !person_head && w > lead && !is_definite(word) {
                    // "صحيفة نيويورك تايمز", "تحالف سائرون": the name of the institution itself.
                    w += 1;
                    continue;
                }
                if is_definite(word) && w > s {
                    let prev_indefinite = !is_definite(self.word(w - 1)) && actors.mention_ending_at(w).is_none();
                    let modifier =
                        matches!(self.tags.class(w), Some(RoleClass::Modifier | RoleClass::Place | RoleClass::Head(..) | RoleClass::Rank));
                    if !(prev_indefinite || modifier || is_adjective_like(word)) {
                        break;
                    }
                }
                if w == s && !headed && !quantified {
                    return Err(Rejection::NoHeadNoName);
                }
                w += self.tags.role(w).filter(|r| r.0 != RoleClass::Stop).map_or(1, |r| r.1 - w).max(1);
                continue;
            }
            // Inside a name: parts up to a definite surname, which ends it
            // unless it is glued to the word before ("عبد الرزاق").
            let start = name.unwrap_or(w);
            let part = name_part(doc, self.tags, w) || self.foreign_name_part_with_b(w);
            if w - start >= MAX_NAME_WORDS || !part || self.refuses_start(w) {
                break;
            }
            let prev_definite = is_definite(self.word(w - 1)) && !NAME_GLUE.contains(&self.word(w.saturating_sub(2)));
            if prev_definite && w - 1 > start {
                break;
            }
            w += 1;
        }
        let end = w.min(limit);
        if end <= s {
            return Err(Rejection::NothingThere);
        }
        let name = name.map(|a| (a, end)).filter(|&(a, b)| b > a);
        // "رئيس" alone names nobody: a singular indefinite head needs more after it.
        if let Some((_, false, head_end)) = head {
            if end <= head_end && name.is_none() && !is_definite(self.word(lead)) && !quantified && !ranked {
                return Err(Rejection::BareTitle);
            }
        }
        if !headed {
            // A bare phrase is a person only if it reads as a name: two words at
            // least, with a given name (or "أبو"/"عبد") among the first two.
            let (a, b) = name.ok_or(Rejection::NoHeadNoName)?;
            let given = (a..b.min(a + 2)).any(|i| self.is_given_name(i) || NAME_GLUE.contains(&self.word(i)));
            if b - a < 2 || !given {
                return Err(Rejection::NotAName);
            }
        }
        Ok(Speaker { first: s, end, name: if person_head || ranked || !headed { name } else { None }, known_person, kind, headed })
    }

    /// Where the clause holding word `w` starts within its sentence, after
    /// a topicalizing "أما" ("أما النائب عن … فقال").
    fn clause_start(&self, w: usize) -> usize {
        let floor = self.doc.sentences[self.doc.sentence_of_word[w]].first_word;
        // A subject is never longer than the longest speaker phrase, so the
        // walk stops there: a text without punctuation stays linear.
        let floor = floor.max(w.saturating_sub(MAX_SPEAKER + 1));
        // A reported clause opens its own subject slot: "… أن الشارع الكردي يرفض".
        let mut s = w;
        while s > floor && !break_before(self.doc, s) && !matches!(self.mark(s - 1), Some(SpeakerWord::Complementizer)) {
            s -= 1;
        }
        if s + 1 < w && matches!(self.word(s), "اما" | "واما") {
            s += 1;
        }
        s
    }

    /// Where the source phrase before "قوله" starts: right after the "عن"
    /// that introduces it ("نقلت الصحيفة عن مصدر نيابي قوله إن …").
    fn source_before_saying(&self, verb_first: usize) -> Option<usize> {
        let floor = self.clause_start(verb_first);
        (floor..verb_first).rev().take(MAX_SPEAKER).find(|&w| self.word(w) == "عن").map(|w| w + 1)
    }

    /// Every speaker phrase in a verb's subject slots, in text order.
    pub fn find(&self, actors: &DocActors) -> Vec<Speaker> {
        let doc = self.doc;
        let mut out = Vec::new();
        for verb in &doc.verbs {
            let class = self.lexicon.verb_class[verb.phrase];
            if !matches!(class, VerbClass::Speech | VerbClass::Position | VerbClass::Continue | VerbClass::Source) {
                continue;
            }
            let ceiling = doc.sentences[doc.sentence_of_word[verb.first]].end_word;
            // Verb first: the subject follows.
            if let Some(sp) = self.read(actors, verb.end, ceiling) {
                out.push(sp);
                // "قاطع النواب الكرد وأغلب النواب السنة": a coordinated second subject.
                if sp.end < ceiling && self.word(sp.end).starts_with('و') && !break_before(doc, sp.end) {
                    if let Some(next) = self.read(actors, sp.end, ceiling).filter(|n| n.headed) {
                        out.push(next);
                    }
                }
                continue;
            }
            // Subject first: a phrase that fills the clause up to the verb.
            if matches!(class, VerbClass::Speech | VerbClass::Position) && verb.first > 0 {
                let saying = matches!(self.word(verb.first), "قوله" | "قولها" | "قولهم" | "قولهما");
                let s = if saying { self.source_before_saying(verb.first).unwrap_or(verb.first) } else { self.clause_start(verb.first) };
                if s < verb.first {
                    // Negators may stand between the subject and its verb ("الشعب لا يريد").
                    let fills = |sp: &Speaker| (sp.end..verb.first).all(|w| matches!(self.word(w), "لا" | "لم" | "لن" | "ما" | "قد"));
                    if let Some(sp) = self.read(actors, s, verb.first).filter(fills) {
                        out.push(sp);
                    }
                }
            }
        }
        out.sort_by_key(|sp| (sp.first, std::cmp::Reverse(sp.end)));
        out.dedup_by(|later, kept| later.first < kept.end);
        out
    }
}
