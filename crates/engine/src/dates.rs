//! The publication date of an article, when its first lines give one.
//!
//! News copy pasted from a site usually carries its date near the top:
//! "٦ نوفمبر ٢٠٢٠", "6 تشرين الثاني 2020", "2020-11-06", "06/11/2020" or
//! "November 6, 2020". Month names in every regional spelling are data
//! (`data/months.tsv`); words are folded by the engine's normalizer, so hamza,
//! ya, diacritics, tatweel and Arabic-Indic digits need no spelling of their own.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::text::{is_word_char, normalize_word};

const MONTHS: &str = include_str!("../data/months.tsv");

/// How many non-empty lines at the top of an article are searched.
const HEAD_LINES: usize = 6;

/// Month names as folded word sequences, longest first so that
/// "تشرين الثاني" wins over a one-word name.
fn months() -> &'static [(Vec<String>, u32)] {
    static MONTH_NAMES: OnceLock<Vec<(Vec<String>, u32)>> = OnceLock::new();
    MONTH_NAMES.get_or_init(|| {
        let mut names: Vec<(Vec<String>, u32)> = MONTHS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| {
                let (number, name) = l.split_once('\t')?;
                let number: u32 = number.trim().parse().ok().filter(|m| (1..=12).contains(m))?;
                Some((tokens(name), number))
            })
            .collect();
        names.sort_by_key(|(words, _)| std::cmp::Reverse(words.len()));
        names
    })
}

/// The first word of every month name, or `None` if some name has no word
/// (it would match anywhere, so no word can be ruled out).
fn first_words() -> Option<&'static HashSet<String>> {
    static FIRST: OnceLock<Option<HashSet<String>>> = OnceLock::new();
    FIRST.get_or_init(|| months().iter().map(|(name, _)| name.first().cloned()).collect()).as_ref()
}

/// Folded words and numbers of a line; separators (spaces, commas, dashes,
/// slashes, dots) only split.
fn tokens(line: &str) -> Vec<String> {
    words_of(&normalize_word(line)).into_iter().map(str::to_string).collect()
}

/// The words of normalized text, borrowed from it: a date is looked for in
/// every head line of every article, so its words are not copied.
fn words_of(norm: &str) -> Vec<&str> {
    norm.split(|c: char| !is_word_char(c)).filter(|t| !t.is_empty()).collect()
}

/// A digit the normalizer reads as one: ASCII, Arabic-Indic or Persian.
fn is_digit(c: char) -> bool {
    c.is_ascii_digit() || ('٠'..='٩').contains(&c) || ('۰'..='۹').contains(&c)
}

fn number(token: &str) -> Option<u32> {
    token.chars().all(|c| c.is_ascii_digit()).then(|| token.parse().ok()).flatten()
}

fn day(token: &str) -> Option<u32> {
    number(token).filter(|d| (1..=31).contains(d) && token.len() <= 2)
}

fn year(token: &str) -> Option<u32> {
    number(token).filter(|y| (1900..=2100).contains(y) && token.len() == 4)
}

fn format(y: u32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

/// The month name starting at `at`, as (month, words used).
fn month_at(words: &[&str], at: usize) -> Option<(u32, usize)> {
    // Most words begin no month name: one look-up instead of a scan of all.
    if first_words().is_some_and(|first| words.get(at).is_none_or(|w| !first.contains(*w))) {
        return None;
    }
    months().iter().find_map(|(name, month)| {
        let end = at + name.len();
        (end <= words.len() && name.iter().zip(&words[at..end]).all(|(a, b)| a == b)).then_some((*month, name.len()))
    })
}

/// A date written with a month name: "6 نوفمبر 2020" or "November 6, 2020".
fn named_month_date(words: &[&str]) -> Option<String> {
    for at in 0..words.len() {
        let Some((month, used)) = month_at(words, at) else { continue };
        let after = &words[at + used..];
        if at > 0 {
            if let (Some(d), Some(y)) = (day(words[at - 1]), after.first().and_then(|t| year(t))) {
                return Some(format(y, month, d));
            }
        }
        if let (Some(d), Some(y)) = (after.first().and_then(|t| day(t)), after.get(1).and_then(|t| year(t))) {
            return Some(format(y, month, d));
        }
    }
    None
}

/// A numeric date: "2020-11-06" (year first) or "06/11/2020" (day first, as
/// the Arabic press writes it).
fn numeric_date(words: &[&str]) -> Option<String> {
    words.windows(3).find_map(|w| {
        if let (Some(y), Some(m), Some(d)) = (year(w[0]), number(w[1]), day(w[2])) {
            return (1..=12).contains(&m).then(|| format(y, m, d));
        }
        if let (Some(d), Some(m), Some(y)) = (day(w[0]), number(w[1]), year(w[2])) {
            return (1..=12).contains(&m).then(|| format(y, m, d));
        }
        None
    })
}

/// The first date in the first lines of `text`, as `YYYY-MM-DD`.
pub fn find_date(text: &str) -> Option<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty()).take(HEAD_LINES).find_map(|line| {
        // Every form of date has a day or a year in digits: a line without
        // one (most head lines are the paragraphs of the text) is not read.
        if !line.contains(is_digit) {
            return None;
        }
        let norm = normalize_word(line);
        let words = words_of(&norm);
        named_month_date(&words).or_else(|| numeric_date(&words))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_every_common_form() {
        let cases = [
            ("الجمعة 6 نوفمبر 2020", Some("2020-11-06")),
            ("٦ نوفمبر ٢٠٢٠ - بغداد", Some("2020-11-06")),
            ("نُشر في 8 تشرين الثاني 2021", Some("2021-11-08")),
            ("8 تشرين الأول 2021", Some("2021-10-08")),
            ("2 كانون الثاني 2024", Some("2024-01-02")),
            ("آخر تحديث: 2024-01-02 10:30", Some("2024-01-02")),
            ("06/11/2020", Some("2020-11-06")),
            ("November 6, 2020", Some("2020-11-06")),
            ("12 أغسطس 2023", Some("2023-08-12")),
            ("12 اغسطس 2023", Some("2023-08-12")),
            ("3 جويلية 2022", Some("2022-07-03")),
            ("15 إبريل 2019", Some("2019-04-15")),
            ("قال إن 2020 كان عاماً صعباً", None),
            ("المادة 6 من قانون 2020", None),
            ("32 مارس 2020", None),
        ];
        for (line, expected) in cases {
            assert_eq!(find_date(line).as_deref(), expected, "{line}");
        }
    }

    #[test]
    fn only_the_head_of_the_article_is_searched() {
        let mut text = String::from("عنوان\n");
        for _ in 0..HEAD_LINES {
            text.push_str("سطر\n");
        }
        text.push_str("6 نوفمبر 2020\n");
        assert_eq!(find_date(&text), None);
        assert_eq!(find_date("عنوان\n\n6 نوفمبر 2020"), Some("2020-11-06".to_string()));
    }
}
