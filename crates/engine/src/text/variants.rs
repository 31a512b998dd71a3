//! Spelling variants of loanwords and stems that plain letter folding cannot
//! unify: أمريكي/أميركي, البنتاجون/البنتاغون, ميليشيات/مليشيات. They are folded
//! in match keys only, so the offset map of the text is untouched.

use std::sync::OnceLock;

const VARIANTS: &str = include_str!("../../data/variants.tsv");

/// The variants with, for a quick test, the first two letters of each.
struct Table {
    pairs: Vec<(String, String)>,
    /// The first two characters of every variant; `None` when some variant
    /// is shorter than two characters, and then every key is searched.
    heads: Option<Vec<(char, char)>>,
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
        let heads = pairs
            .iter()
            .map(|(v, _)| {
                let mut chars = v.chars();
                Some((chars.next()?, chars.next()?))
            })
            .collect();
        Table { pairs, heads }
    })
}

/// Whether `text` may hold a variant stem: some two adjacent characters of
/// it begin one. A word that fails this cannot change under
/// [`fold_variants`], and neither can any part of it, which spares nearly
/// every word the substring searches.
pub fn may_hold_variant(text: &str) -> bool {
    let Some(heads) = &table().heads else { return true };
    let mut chars = text.chars();
    let Some(mut prev) = chars.next() else { return false };
    for c in chars {
        if heads.iter().any(|&(a, b)| a == prev && b == c) {
            return true;
        }
        prev = c;
    }
    false
}

/// Rewrites every known variant stem inside `key` to its canonical spelling.
pub fn fold_variants(key: &str) -> String {
    let mut out = key.to_string();
    if !may_hold_variant(key) {
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
            assert!(may_hold_variant(variant) && may_hold_variant(&format!("وال{variant}ين")), "{variant}");
        }
        assert!(!may_hold_variant("قوات") && !may_hold_variant("") && !may_hold_variant("م"));
    }
}
