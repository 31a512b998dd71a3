//! The grammar around an attribution verb: its subject slots (after the
//! verb, before it, or implicit), the holders a subject brings with it
//! (coordinated, "ومنهم"), and where clauses and reported clauses begin.

use crate::actors::{DocActors, Mention};
use crate::document::{within, Prepared};
use crate::lexicon::{Lexicon, VerbClass};

/// Words between a verb and a following noun that make the noun part of the
/// reported clause rather than the verb's subject.
const CLAUSE_OPENERS: &[&str] = &[
    "ان", "بان", "انه", "انها", "انهم", "لان", "اذ", "كما", "الي", "علي", "في", "من", "عن", "مع", "ضد", "حول", "لدي", "عند", "تجاه", "بشان",
    "ازاء", "نحو", "امام", "بين", "خلال", "بعد", "قبل",
];
/// Negators that belong to the position verb right after them ("لا نريد").
const VERB_NEGATORS: &[&str] = &["لا", "لم", "لن", "ليس", "لسنا", "ما", "ولا", "ولم", "ولن"];

/// How many words may separate a verb from its subject.
const SUBJECT_AFTER: usize = 4;
const SUBJECT_BEFORE: usize = 3;
/// How far after a relative pronoun its position verb or cue may stand.
const RELATIVE_REACH: usize = 5;
/// How far after a verbal noun's holder "أن" may open its reported clause.
const COMPLEMENTIZER_REACH: usize = 30;
/// The complementizers that open a reported clause ("أن", "بأن", "وأن"), normalized.
const CLAUSE_COMPLEMENTIZERS: &[&str] = &["ان", "بان", "وان"];
/// Longest lexicon phrase, in words, for range look-ups.
const MAX_VERB: usize = 4;
/// How far after a verbal noun's holder a withdrawal term may name what the noun is about.
const MASDAR_TOPIC_REACH: usize = 3;
/// How far a position verb may stand from the actor taken as its implicit subject.
const IMPLICIT_REACH: usize = 6;
/// How far after a subject "ومنهم …" may add a holder.
const AMONG_REACH: usize = 6;
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    pub(super) class: VerbClass,
    pub(super) verb_first: usize,
    pub(super) verb_end: usize,
    pub(super) subject: Option<Mention>,
    pub(super) implicit: bool,
}

pub(super) struct Context<'a, 'd> {
    pub(super) doc: &'a Prepared<'d>,
    pub(super) lexicon: &'a Lexicon,
    pub(super) actors: &'a DocActors,
}

impl Context<'_, '_> {
    pub(super) fn is_opener(&self, word: usize) -> bool {
        let w = self.doc.word(word);
        let bare = w.strip_prefix('و').filter(|r| r.chars().count() >= 2).unwrap_or(w);
        CLAUSE_OPENERS.contains(&w) || CLAUSE_OPENERS.contains(&bare)
    }

    pub(super) fn verb_class_at(&self, word: usize) -> Option<(VerbClass, usize)> {
        let i = self.doc.verbs.partition_point(|m| m.first < word);
        self.doc.verbs.get(i).filter(|m| m.first == word).map(|m| (self.lexicon.verb_class[m.phrase], m.end))
    }

    /// The subject after a verb (verb–subject order), if one stands close
    /// enough. A statement noun in between ("قال بيان لـ…") lets a source
    /// with a glued preposition stand as the holder.
    pub(super) fn subject_after(
        &self,
        verb_end: usize,
        limit: usize,
        allow_prepositional: bool,
        other_verb: &dyn Fn(usize) -> bool,
    ) -> Option<Mention> {
        let mut through_vehicle = allow_prepositional;
        let mut w = verb_end;
        while w < limit.min(verb_end + SUBJECT_AFTER + usize::from(through_vehicle)) {
            if let Some(m) = self.actors.mention_starting_at(w) {
                return (!m.prepositional || through_vehicle).then_some(*m);
            }
            if let Some((VerbClass::Vehicle, end)) = self.verb_class_at(w) {
                through_vehicle = true;
                w = end;
                continue;
            }
            // What the verb is about ("بإنهاء مهمة التحالف") is its object: the subject came before it.
            if self.is_opener(w) || other_verb(w) || self.doc.in_topic_term[w] {
                return None;
            }
            w += 1;
        }
        None
    }

    /// The subject before a verb (subject–verb order), if one stands close enough.
    pub(super) fn subject_before(&self, verb_first: usize, floor: usize) -> Option<Mention> {
        let mut w = verb_first;
        while w > floor && verb_first - w <= SUBJECT_BEFORE {
            if let Some(m) = self.actors.mention_ending_at(w) {
                return (!m.prepositional).then_some(*m);
            }
            if self.is_opener(w - 1) {
                return None;
            }
            w -= 1;
        }
        None
    }

    /// The last actor named earlier in the sentence, for a verb whose subject
    /// is only a pronoun ("… مع إسرائيل، إذ ترى في …").
    pub(super) fn implicit_subject(&self, verb_first: usize, floor: usize) -> Option<Mention> {
        let i = self.actors.mentions.partition_point(|m| m.end <= verb_first);
        // A place after "من", "في" or "إلى" ("الانسحاب من أفغانستان") is where, not who;
        // an enemy after "ضد" ("العمليات ضد داعش") is whom.
        let place_object =
            |m: &Mention| m.first > 0 && matches!(self.doc.word(m.first - 1), "من" | "في" | "الي" | "ومن" | "وفي" | "ضد" | "وضد");
        self.actors.mentions[..i].iter().rev().take_while(|m| m.first >= floor).find(|m| !m.prepositional && !place_object(m)).copied()
    }

    /// The subject of a sentence that opens with its verb ("استخدم الرئيس
    /// بوش حق النقض …", "وقد التقى الوزير …"): a circumstantial participle
    /// later in it ("…، معتبرا أن …") describes that subject, not the last
    /// actor named before it ("مشروع قانون أقره الكونغرس").
    pub(super) fn verb_first_subject(&self, floor: usize, before: usize) -> Option<Mention> {
        let particle = matches!(self.doc.word(floor), "وقد" | "قد" | "فقد" | "ولقد");
        let verb = if particle { floor + 1 } else { floor };
        if verb + 1 >= before || self.actors.mention_starting_at(floor).is_some() || !self.verb_like(verb) {
            return None;
        }
        self.actors.mention_starting_at(verb + 1).filter(|m| !m.prepositional && m.end <= before).copied()
    }

    /// Whether word `w` may be a finite verb: not a preposition or a
    /// particle, in their normalized spellings ("على" is "علي", "إلى" "الي").
    /// (A definite noun before an actor would have been read with it, and
    /// verbs such as "التقى" start as the article does.)
    fn verb_like(&self, w: usize) -> bool {
        let word = self.doc.word(w);
        let bare = word.strip_prefix(['و', 'ف']).filter(|r| r.chars().count() >= 3).unwrap_or(word);
        bare.chars().count() >= 3
            && !matches!(
                bare,
                "في" | "من"
                    | "علي"
                    | "الي"
                    | "عن"
                    | "مع"
                    | "بعد"
                    | "قبل"
                    | "خلال"
                    | "اما"
                    | "كما"
                    | "لكن"
                    | "بينما"
                    | "حيث"
            )
    }

    /// Every holder of a subject: itself, the actors coordinated with it by و
    /// ("الأكراد والسنة", "… وغالبية الدول العربية"), and those added by
    /// "ومنهم"/"على رأسها". Returns them with the first word of the group.
    pub(super) fn holders_of(&self, subject: Mention) -> (Vec<usize>, usize) {
        let doc = self.doc;
        let actors = self.actors;
        let mut holders = vec![subject.actor];
        let mut end = self.coordinated_after(subject.end, &mut holders);
        // "ومنهم …", "على رأسها …", "أبرزها …": holders named a few words on.
        let ceiling = doc.sentences[doc.sentence_of_word[subject.first]].end_word;
        let mut w = end;
        while w < ceiling.min(end + AMONG_REACH) {
            if let Some((VerbClass::Among, among_end)) = self.verb_class_at(w) {
                if let Some(m) = actors.mention_starting_at(among_end).filter(|m| !m.prepositional) {
                    holders.push(m.actor);
                    end = self.coordinated_after(m.end, &mut holders);
                    w = end;
                    continue;
                }
            }
            if self.verb_class_at(w).is_some_and(|(c, _)| !matches!(c, VerbClass::Among | VerbClass::Vehicle)) {
                break;
            }
            w += 1;
        }
        let mut first = subject.first;
        while actors.mention_starting_at(first).is_some_and(|m| m.conjoined) || (first == subject.first && subject.conjoined) {
            match actors.mention_ending_at(first) {
                Some(prev) if !prev.prepositional => {
                    holders.push(prev.actor);
                    first = prev.first;
                }
                _ => break,
            }
        }
        holders.sort_unstable();
        holders.dedup();
        (holders, first)
    }

    /// Follows a list of actors joined by و from `end` ("والسنة", "، وغالبية
    /// الدول العربية", "وحركة النجباء"), adding each to `holders`; returns where
    /// the list ends. A comma may precede و, as it does in Arabic lists.
    pub(super) fn coordinated_after(&self, mut end: usize, holders: &mut Vec<usize>) -> usize {
        let doc = self.doc;
        while end < doc.words.len() && self.starts_with_conjunction(end) && !self.hard_break_before(end) {
            // The mention starts at the و-word itself or one word later ("وغالبية الدول").
            let next = self
                .actors
                .mention_starting_at(end)
                .or_else(|| self.actors.mention_starting_at(end + 1).filter(|m| !self.hard_break_before(m.first)));
            match next {
                Some(m) if !m.prepositional => {
                    holders.push(m.actor);
                    end = m.end;
                }
                _ => break,
            }
        }
        end
    }

    /// Whether words `from..to` lie in one clause: close, with no punctuation between.
    pub(super) fn same_clause(&self, from: usize, to: usize) -> bool {
        to >= from && to - from <= IMPLICIT_REACH && (from + 1..=to).all(|w| !crate::actors::break_before(self.doc, w))
    }

    /// Whether word `w` carries a glued "و": as the start of a conjoined mention,
    /// or as a quantifier such as "وغالبية" before one.
    pub(super) fn starts_with_conjunction(&self, w: usize) -> bool {
        match self.actors.mention_starting_at(w) {
            Some(m) => m.conjoined,
            None => self.doc.word(w).starts_with('و'),
        }
    }

    /// A sentence-internal break stronger than a list comma.
    pub(super) fn hard_break_before(&self, w: usize) -> bool {
        self.doc.gap_holds(w, &[':', ';', '؛', '.', '(', ')', '-', '\n']).unwrap_or(true)
    }

    /// Where an anchor's claim begins: its (coordinated) subject when that
    /// comes before the verb, else the verb itself.
    pub(super) fn claim_start(&self, anchor: &Anchor) -> usize {
        match anchor.subject {
            Some(subject) if subject.end <= anchor.verb_first && !anchor.implicit => self.holders_of(subject).1,
            _ => anchor.verb_first,
        }
    }

    /// First word of a position verb's content, taking in a negator just before it.
    pub(super) fn position_start(&self, verb_first: usize, floor: usize) -> usize {
        let mut first = verb_first;
        while first > floor && VERB_NEGATORS.contains(&self.doc.word(first - 1)) {
            first -= 1;
        }
        first
    }

    /// Whether `verb_first` stands in the reported clause of the last
    /// explicit speaker resolved in the sentence: after that speaker's
    /// complementizer, with no other verb's subject between.
    pub(super) fn inside_reported_clause(&self, resolved: &[(Anchor, Vec<usize>, &'static str)], verb_first: usize) -> bool {
        let last = resolved.iter().rev().find(|r| r.0.class != VerbClass::Masdar);
        let Some((speaker, _, _)) = last.filter(|r| r.0.class == VerbClass::Speech && r.0.subject.is_some() && !r.0.implicit) else {
            return false;
        };
        let from = speaker.subject.map_or(speaker.verb_end, |m| m.end.max(speaker.verb_end));
        (from..verb_first).take(COMPLEMENTIZER_REACH).any(|w| CLAUSE_COMPLEMENTIZERS.contains(&self.doc.word(w)))
    }

    /// Whether word `w` opens a reported clause right after its complementizer
    /// ("… إن الحكومة", "… أن "الشارع").
    pub(super) fn after_complementizer(&self, w: usize) -> bool {
        w > 0 && CLAUSE_COMPLEMENTIZERS.contains(&self.doc.word(w - 1))
    }

    /// Whether "أن"/"بأن" opens a reported clause after `from` in the sentence,
    /// as it must after a verbal noun that reports speech ("تحذيرات X من أن …").
    pub(super) fn complementizer_follows(&self, from: usize, ceiling: usize) -> bool {
        (from..ceiling.min(from + COMPLEMENTIZER_REACH)).any(|w| matches!(self.doc.word(w), "ان" | "بان" | "انه" | "انها" | "انهم" | "وان"))
    }

    /// Whether a withdrawal term follows a verbal noun's holder closely:
    /// "تصويت مجلس النواب على إخراج القوات", "مطالبة التيار بخروج".
    pub(super) fn topic_follows(&self, from: usize, ceiling: usize) -> bool {
        within(&self.doc.targets, from, ceiling.min(from + MASDAR_TOPIC_REACH) + MAX_VERB)
            .any(|t| t.first < from + MASDAR_TOPIC_REACH && self.lexicon.target_kind[t.phrase] == crate::lexicon::TargetKind::Withdrawal)
    }

    /// Whether the verb at `w` is a participle of manner set off by a comma:
    /// "داعيا", "مطالبا", "محذرة", "مؤكدين" (a م- or داعي- form in the
    /// accusative or feminine, or a sound plural).
    pub(super) fn is_manner_participle(&self, w: usize) -> bool {
        let word = self.doc.word(w);
        let bare = word.strip_prefix('و').filter(|r| r.chars().count() >= 4).unwrap_or(word);
        let form =
            (bare.starts_with('م') || bare.starts_with("داعي")) && (bare.ends_with('ا') || bare.ends_with('ه') || bare.ends_with("ين"));
        let after_comma = self.doc.comma_before(w);
        form && after_comma
    }

    /// Whether a relative clause at `after` carries a position of its own.
    pub(super) fn relative_takes_position(&self, after: usize, ceiling: usize) -> bool {
        let reach = ceiling.min(after + RELATIVE_REACH);
        let verb = within(&self.doc.verbs, after, reach + MAX_VERB)
            .any(|m| m.first < reach && self.lexicon.verb_class[m.phrase] == VerbClass::Position);
        let cue = within(&self.doc.cues, after, reach + MAX_VERB).any(|m| {
            m.first < reach
                && matches!(self.lexicon.cue_info[m.phrase].role, crate::lexicon::CueRole::Support | crate::lexicon::CueRole::Oppose)
                // What a text provides for ("التي تنص على") is no actor's position.
                && !matches!(self.lexicon.cue_info[m.phrase].family.as_str(), "oblige" | "vote" | "schedule" | "continue")
        });
        verb || cue
    }
}
