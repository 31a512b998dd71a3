//! What each character becomes under normalization, and what it is to the
//! stages after it (word character, sentence terminator), as tables.
//!
//! [`map_char`] is the definition; [`table`] and [`class_table`] hold its
//! answers for every code point below [`TABLE_LEN`], where nearly all news
//! text lies, so that the normalizer's loop
//! ([`NormText::new`](super::NormText::new)) pays a load per character
//! instead of a chain of range tests.

use super::segment::is_terminator;
use super::words::is_word_char;

/// What one original character becomes.
#[derive(Clone, Copy)]
pub(super) enum Mapped {
    /// Dropped, but belongs to the preceding letter (diacritics, tatweel).
    Attach,
    /// Dropped as if it were not there (format controls).
    Drop,
    /// Replaced by one character.
    One(char),
    /// Expanded to several characters (ligatures).
    Many(&'static str),
}

pub(super) fn map_char(c: char) -> Mapped {
    use Mapped::*;
    match c {
        // Harakat, tanwin, shadda, sukun, small high signs, superscript alef, tatweel.
        '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}' | '\u{0640}' => Attach,
        // Combining marks of other scripts stay attached to their base letter too.
        '\u{0300}'..='\u{036F}' => Attach,
        // Zero-width and bidi controls, soft hyphen, BOM.
        '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2069}' | '\u{00AD}' | '\u{FEFF}' | '\u{061C}' => Drop,
        'أ' | 'إ' | 'آ' | 'ٱ' | 'ٲ' | 'ٳ' => One('ا'),
        'ى' | 'ی' | 'ې' | 'ئ' => One('ي'),
        'ة' | 'ۀ' | 'ە' | 'ہ' | 'ھ' => One('ه'),
        'ؤ' => One('و'),
        'ک' | 'ڪ' => One('ك'),
        'گ' => One('ك'),
        'پ' => One('ب'),
        'چ' => One('ج'),
        'ژ' => One('ز'),
        'ڤ' => One('ف'),
        // Every quotation mark becomes one ASCII double quote.
        '“' | '”' | '«' | '»' | '„' | '‟' | '″' | '〝' | '〞' | '＂' => One('"'),
        '‘' | '’' | '‚' | '‛' | '′' | '‹' | '›' => One('\''),
        '٠'..='٩' => One(char::from(b'0' + (c as u32 - '٠' as u32) as u8)),
        '۰'..='۹' => One(char::from(b'0' + (c as u32 - '۰' as u32) as u8)),
        '٫' => One('.'),
        '٬' => One(','),
        '\r' => Drop,
        '\t' | '\u{00A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => One(' '),
        '\u{2028}' | '\u{2029}' | '\u{0085}' => One('\n'),
        // Lam-alef ligatures and the Allah ligature from presentation forms.
        'ﻻ' | 'ﻼ' | 'ﻷ' | 'ﻸ' | 'ﻹ' | 'ﻺ' | 'ﻵ' | 'ﻶ' => Many("لا"),
        '\u{FDF2}' => Many("الله"),
        // Other Arabic presentation forms: fold the isolated/initial/medial/final
        // variants of the basic letters back to the letters themselves.
        '\u{FE80}'..='\u{FEFC}' => One(presentation_base(c)),
        // The Arabic block has no case: its letters skip the standard
        // library's slow Unicode look-up (ASCII has a fast path of its own).
        '\u{0600}'..='\u{06FF}' => One(c),
        _ => {
            if c.is_uppercase() {
                One(c.to_lowercase().next().unwrap_or(c))
            } else {
                One(c)
            }
        }
    }
}

/// Base letter of an Arabic Presentation Forms-B letter (U+FE80–U+FEFC).
fn presentation_base(c: char) -> char {
    // Letters in block order with how many contextual forms each has.
    const TABLE: &[(char, u32)] = &[
        ('ء', 1),
        ('ا', 2),
        ('ا', 2),
        ('و', 2),
        ('ا', 2),
        ('ي', 4),
        ('ا', 2),
        ('ب', 4),
        ('ه', 2),
        ('ت', 4),
        ('ث', 4),
        ('ج', 4),
        ('ح', 4),
        ('خ', 4),
        ('د', 2),
        ('ذ', 2),
        ('ر', 2),
        ('ز', 2),
        ('س', 4),
        ('ش', 4),
        ('ص', 4),
        ('ض', 4),
        ('ط', 4),
        ('ظ', 4),
        ('ع', 4),
        ('غ', 4),
        ('ف', 4),
        ('ق', 4),
        ('ك', 4),
        ('ل', 4),
        ('م', 4),
        ('ن', 4),
        ('ه', 4),
        ('و', 2),
        ('ي', 2),
        ('ي', 4),
    ];
    let mut offset = c as u32 - 0xFE80;
    for &(base, forms) in TABLE {
        if offset < forms {
            return base;
        }
        offset -= forms;
    }
    c
}

/// How many code points the table of [`map_fast`] covers: ASCII, Latin,
/// Greek, Cyrillic and the Arabic block, where nearly all news text lies.
pub(super) const TABLE_LEN: usize = 0x0700;

/// What a code point below [`TABLE_LEN`] becomes: [`Mapped`] without its
/// `Many` case, which only presentation forms far above the table take.
/// Four bytes (a `char` with its unused values as the other cases), so the
/// whole table stays in the fastest cache.
#[derive(Clone, Copy)]
pub(super) enum Small {
    Attach,
    Drop,
    One(char),
}

const _: () = assert!(std::mem::size_of::<Small>() == 4);

/// [`map_char`] for every code point below [`TABLE_LEN`], computed once:
/// one load instead of a chain of range tests and a case look-up per character.
pub(super) fn table() -> &'static [Small; TABLE_LEN] {
    static TABLE: std::sync::OnceLock<[Small; TABLE_LEN]> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        std::array::from_fn(|code| match char::from_u32(code as u32).map_or(Mapped::One('\u{FFFD}'), map_char) {
            Mapped::Attach => Small::Attach,
            Mapped::Drop => Small::Drop,
            Mapped::One(ch) => Small::One(ch),
            // No code point below the table's end expands
            // (`the_table_agrees_with_the_mapping` checks it).
            Mapped::Many(_) => Small::One('\u{FFFD}'),
        })
    })
}

/// What a written character is to the stages after normalization: a bit
/// for word characters, and one for sentence terminators.
pub(super) const WORD_CHAR: u8 = 1;
pub(super) const TERMINATOR: u8 = 2;
/// In [`class_table`] only: the code point becomes one character of its own
/// UTF-8 length (most letters, digits of ASCII, spaces), the case the
/// normalizer's loop writes without the general path.
pub(super) const SAME_LENGTH: u8 = 4;
/// In [`class_table`] only: the code point stays itself (most Arabic
/// letters, lower-case Latin, digits, spaces, punctuation), so a stretch of
/// such characters is the original's bytes, copied in one piece.
pub(super) const IDENTITY: u8 = 8;

/// The [`WORD_CHAR`] and [`TERMINATOR`] bits of a written character.
pub(super) fn class_of(ch: char) -> u8 {
    (if is_word_char(ch) { WORD_CHAR } else { 0 }) | (if is_terminator(ch) { TERMINATOR } else { 0 })
}

/// For every code point below [`TABLE_LEN`], the class of what it becomes,
/// whether it keeps its length ([`SAME_LENGTH`]) and whether it stays
/// itself ([`IDENTITY`]).
/// Its own table, apart from [`table`]: the page's module normalizes search
/// words with [`normalize_word`](super::normalize_word) and never finds
/// words, so it links neither this nor the Unicode tables behind it.
pub(super) fn class_table() -> &'static [u8; TABLE_LEN] {
    static CLASS: std::sync::OnceLock<[u8; TABLE_LEN]> = std::sync::OnceLock::new();
    CLASS.get_or_init(|| {
        let map = table();
        std::array::from_fn(|code| match (map[code], char::from_u32(code as u32)) {
            (Small::One(ch), Some(c)) if ch == c => class_of(ch) | SAME_LENGTH | IDENTITY,
            (Small::One(ch), Some(c)) if ch.len_utf8() == c.len_utf8() => class_of(ch) | SAME_LENGTH,
            (Small::One(ch), _) => class_of(ch),
            (Small::Attach | Small::Drop, _) => 0,
        })
    })
}

/// The code point of a one- or two-byte UTF-8 character starting at `at`
/// with its length, decoded by hand (ASCII, Latin, Greek, Cyrillic and the
/// Arabic block, where nearly all news text lies); `None` for longer ones.
#[inline(always)]
pub(super) fn short_char(bytes: &[u8], at: usize) -> Option<(usize, usize)> {
    match bytes[at] {
        lead @ 0..0x80 => Some((usize::from(lead), 1)),
        lead @ 0xC0..0xE0 => Some(((usize::from(lead & 0x1F) << 6) | usize::from(bytes[at + 1] & 0x3F), 2)),
        _ => None,
    }
}

#[inline]
pub(super) fn map_fast(table: &[Small; TABLE_LEN], c: char) -> Mapped {
    match table.get(c as usize) {
        Some(Small::Attach) => Mapped::Attach,
        Some(Small::Drop) => Mapped::Drop,
        Some(&Small::One(ch)) => Mapped::One(ch),
        None => map_char(c),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_arabic_block_has_no_case() {
        for code in 0x0600..=0x06FF {
            let c = char::from_u32(code).unwrap_or(' ');
            assert!(!c.is_uppercase(), "U+{code:04X}");
        }
    }

    #[test]
    fn the_table_agrees_with_the_mapping() {
        let same = |a: Mapped, b: Mapped| match (a, b) {
            (Mapped::Attach, Mapped::Attach) | (Mapped::Drop, Mapped::Drop) => true,
            (Mapped::One(x), Mapped::One(y)) => x == y,
            (Mapped::Many(x), Mapped::Many(y)) => x == y,
            _ => false,
        };
        for c in (0..TABLE_LEN as u32 + 16).filter_map(char::from_u32) {
            assert!(same(map_fast(table(), c), map_char(c)), "U+{:04X}", c as u32);
        }
    }
}
