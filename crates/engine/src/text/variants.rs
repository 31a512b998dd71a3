//! Spelling variants of loanwords and stems that plain letter folding cannot
//! unify: أمريكي/أميركي, البنتاجون/البنتاغون, ميليشيات/مليشيات. They are folded
//! in match keys only, so the offset map of the text is untouched.

use std::sync::OnceLock;

const VARIANTS: &str = include_str!("../../data/variants.tsv");

/// The variants, and the first character of each as a set for a quick scan.
struct Table {
    pairs: Vec<(String, String)>,
    /// The distinct first characters of the variants.
    heads: Vec<char>,
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
        let mut heads: Vec<char> = pairs.iter().filter_map(|(v, _)| v.chars().next()).collect();
        heads.sort_unstable();
        heads.dedup();
        let shortest = pairs.iter().map(|(v, _)| v.len()).min().unwrap_or(usize::MAX);
        Table { pairs, heads, shortest }
    })
}

/// Whether `text` holds a variant stem: one scan of the text, comparing
/// bytes only where a variant's first letter stands, instead of one
/// substring search per variant. A word without one cannot change under
/// [`fold_variants`], and neither can any part of it.
pub fn holds_variant(text: &str) -> bool {
    let table = table();
    text.len() >= table.shortest
        && text
            .char_indices()
            .any(|(i, c)| table.heads.contains(&c) && table.pairs.iter().any(|(v, _)| text.as_bytes()[i..].starts_with(v.as_bytes())))
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
}
