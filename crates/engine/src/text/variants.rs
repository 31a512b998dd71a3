//! Spelling variants of loanwords and stems that plain letter folding cannot
//! unify: أمريكي/أميركي, البنتاجون/البنتاغون, ميليشيات/مليشيات. They are folded
//! in match keys only, so the offset map of the text is untouched.

use std::borrow::Cow;
use std::sync::OnceLock;

const VARIANTS: &str = include_str!("../../data/variants.tsv");

/// The variants, and where each may start, for a quick scan.
struct Table {
    pairs: Vec<(String, String)>,
    /// Bit `j` of `by_first[b]` is set when variant `j` starts with byte `b`,
    /// and of `by_second[b]` when its second byte is `b` (or it has none):
    /// the two loads tell at each position of a text which variants may
    /// start there, usually none.
    by_first: [u64; 256],
    by_second: [u64; 256],
    /// Bytes of the shortest variant: a shorter text (most words) holds none.
    shortest: usize,
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let pairs: Vec<(String, String)> = VARIANTS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(v, c)| (v.trim().to_string(), c.trim().to_string()))
            .filter(|(v, c)| !v.is_empty() && !c.is_empty())
            .collect();
        assert!(pairs.len() <= 64, "variants.tsv: at most 64 pairs fit the scan's bit sets");
        let (mut by_first, mut by_second) = ([0u64; 256], [0u64; 256]);
        for (j, (variant, _)) in pairs.iter().enumerate() {
            let bytes = variant.as_bytes();
            by_first[bytes[0] as usize] |= 1 << j;
            match bytes.get(1) {
                Some(&b) => by_second[b as usize] |= 1 << j,
                None => by_second.iter_mut().for_each(|bits| *bits |= 1 << j),
            }
        }
        let shortest = pairs.iter().map(|(v, _)| v.len()).min().unwrap_or(usize::MAX);
        Table { pairs, by_first, by_second, shortest }
    })
}

/// Whether `text` holds a variant stem: one scan of the bytes of the text,
/// comparing whole variants only where one may start, instead of one
/// substring search per variant. (A variant starts with a leading byte, so
/// no match can begin inside a character.) A word without one cannot
/// change under [`fold_variants`], and neither can any part of it.
pub fn holds_variant(text: &str) -> bool {
    let table = table();
    let bytes = text.as_bytes();
    if bytes.len() < table.shortest {
        return false;
    }
    (0..=bytes.len() - table.shortest).any(|i| {
        let second = bytes.get(i + 1).map_or(u64::MAX, |&b| table.by_second[b as usize]);
        let mut candidates = table.by_first[bytes[i] as usize] & second;
        while candidates != 0 {
            let j = candidates.trailing_zeros() as usize;
            if bytes[i..].starts_with(table.pairs[j].0.as_bytes()) {
                return true;
            }
            candidates &= candidates - 1;
        }
        false
    })
}

/// [`fold_variants`], borrowing `text` when it holds no variant (nearly
/// always): a key to compare or look up costs no allocation then.
pub fn folded(text: &str) -> Cow<'_, str> {
    if holds_variant(text) {
        Cow::Owned(fold_variants(text))
    } else {
        Cow::Borrowed(text)
    }
}

/// Rewrites every known variant stem inside `key` to its canonical spelling.
pub fn fold_variants(key: &str) -> String {
    let mut out = key.to_string();
    if !holds_variant(key) {
        return out;
    }
    for (variant, canonical) in &table().pairs {
        if out.contains(variant.as_str()) {
            out = out.replace(variant.as_str(), canonical);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_loanword_spellings() {
        assert_eq!(fold_variants("اميركي"), fold_variants("امريكي"));
        assert_eq!(fold_variants("بنتاجون"), "بنتاغون");
        assert_eq!(fold_variants("ميليشيات"), fold_variants("مليشيات"));
        assert_eq!(fold_variants("قوات"), "قوات");
    }

    #[test]
    fn table_is_not_empty() {
        assert!(table().pairs.len() >= 4);
    }

    #[test]
    fn the_quick_test_never_misses_a_variant() {
        for (variant, _) in &table().pairs {
            assert!(holds_variant(variant) && holds_variant(&format!("وال{variant}ين")), "{variant}");
        }
        assert!(!holds_variant("قوات") && !holds_variant("") && !holds_variant("امريكا"));
    }

    #[test]
    fn the_quick_test_agrees_with_substring_search() {
        let texts = ["اميركي", "والاميركيين", "ميلشيات", "الميليشيات", "داعيش", "كونجرس", "بنتاجون", "قوات", "ام", "مير", "ab", ""];
        for text in texts {
            let slow = table().pairs.iter().any(|(v, _)| text.contains(v.as_str()));
            assert_eq!(holds_variant(text), slow, "{text}");
            for key in ["امريكي", "مليشيات", text] {
                assert_eq!(folded(text) == key, fold_variants(text) == key, "{text} {key}");
            }
        }
    }
}
