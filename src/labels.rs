//! What the interface calls each stance and kind, with the glyph that keeps a
//! stance readable without colour.

use stance_engine::{Overall, Stance};

/// Arabic label of a stance.
pub fn stance_label(stance: Stance) -> &'static str {
    match stance {
        Stance::For => "مع الانسحاب",
        Stance::Against => "ضد الانسحاب",
        Stance::Conditional => "مشروط",
        Stance::None => "بلا موقف",
    }
}

/// Glyph of a stance, shown beside its colour and label.
pub fn stance_glyph(stance: Stance) -> &'static str {
    match stance {
        Stance::For => "▲",
        Stance::Against => "▼",
        Stance::Conditional => "◆",
        Stance::None => "○",
    }
}

/// Contract label of a stance, used as a CSS class and a data attribute.
pub fn stance_key(stance: Stance) -> &'static str {
    stance.label()
}

/// An overall position as a stance for display (`mixed` has its own look).
pub fn overall_parts(overall: Overall) -> (&'static str, &'static str, &'static str) {
    match overall {
        Overall::For => ("for", stance_glyph(Stance::For), stance_label(Stance::For)),
        Overall::Against => ("against", stance_glyph(Stance::Against), stance_label(Stance::Against)),
        Overall::Conditional => ("conditional", stance_glyph(Stance::Conditional), stance_label(Stance::Conditional)),
        Overall::None => ("none", stance_glyph(Stance::None), stance_label(Stance::None)),
        Overall::Mixed => ("mixed", "◐", "متباين"),
    }
}
