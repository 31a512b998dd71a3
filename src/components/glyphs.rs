//! The glyph beside each stance's colour and label, so that a stance reads
//! without colour (colour-blind readers, greyscale print).

use stance_engine::{Overall, Stance};

/// Glyph of a stance.
pub fn stance_glyph(stance: Stance) -> &'static str {
    match stance {
        Stance::For => "▲",
        Stance::Against => "▼",
        Stance::Conditional => "◆",
        Stance::None => "○",
    }
}

/// Glyph of an overall position (`mixed` has its own).
pub fn overall_glyph(overall: Overall) -> &'static str {
    match overall {
        Overall::For => stance_glyph(Stance::For),
        Overall::Against => stance_glyph(Stance::Against),
        Overall::Conditional => stance_glyph(Stance::Conditional),
        Overall::None => stance_glyph(Stance::None),
        Overall::Mixed => "◐",
    }
}
