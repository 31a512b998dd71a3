//! Spelling variants of loanwords and stems that plain letter folding cannot
//! unify: أمريكي/أميركي, البنتاجون/البنتاغون, ميليشيات/مليشيات. They are folded
//! in match keys only, so the offset map of the text is untouched.

use std::sync::OnceLock;

const VARIANTS: &str = include_str!("../../data/variants.tsv");

fn table() -> &'static [(String, String)] {
    static TABLE: OnceLock<Vec<(String, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        VARIANTS
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(v, c)| (v.trim().to_string(), c.trim().to_string()))
            .filter(|(v, c)| !v.is_empty() && !c.is_empty())
            .collect()
    })
}

/// Rewrites every known variant stem inside `key` to its canonical spelling.
pub fn fold_variants(key: &str) -> String {
    let mut out = key.to_string();
    for (variant, canonical) in table() {
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
        assert!(table().len() >= 4);
    }
}
