//! The text stage: everything that turns raw article text into something the
//! later stages can match against, without ever losing the way back to the
//! original characters.

mod char_map;
mod normalize;
mod offsets;
mod segment;
mod variants;
mod words;

pub use normalize::{normalize_word, NormText};
pub use segment::{sentences, sentences_at, Sentence};
pub use variants::fold_variants;
pub use words::{is_word_char, match_key, without_article, word_keys, words, Word};
