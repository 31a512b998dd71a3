//! The one hasher of the engine's hot maps: the trie's edges (one `u64`
//! each, node and character), the per-thread vocabulary's words and the
//! lexicon's given names (looked up for words that may start a name).
//!
//! Eight bytes per multiply, much cheaper than SipHash. The edges come from
//! the lexicon; the words come from pasted text, but a vocabulary that
//! degrades under crafted collisions costs time only, never a wrong answer,
//! and it is bounded (see [`super::vocabulary`]).

use std::hash::{BuildHasherDefault, Hasher};

/// A multiplicative hasher, eight bytes at a time.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

/// What the matcher's `HashMap`s are built with.
pub type BuildFastHasher = BuildHasherDefault<FastHasher>;

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Little-endian by hand: a copy of a variable length became a
            // call to `memcpy` for every word of the text.
            let word = rest.iter().rev().fold(0u64, |word, &b| (word << 8) | u64::from(b));
            // The length tells "ab" from "ab\0".
            self.write_u64(word ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        // What `str`'s hash appends: the value `write(&[n])` gives, in one
        // step instead of a slice of one byte.
        self.write_u64(u64::from(n) | (1 << 59));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    fn finish(&self) -> u64 {
        // The high bits are the well-mixed ones; hashbrown takes its bucket
        // from the low bits and its tag from the top seven.
        self.0 ^ (self.0 >> 29)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash(bytes: &[u8]) -> u64 {
        let mut h = FastHasher::default();
        h.write(bytes);
        h.finish()
    }

    #[test]
    fn the_tail_is_read_little_endian() {
        let mut by_hand = FastHasher::default();
        by_hand.write_u64(u64::from_le_bytes([1, 2, 3, 0, 0, 0, 0, 0]) ^ (3 << 59));
        assert_eq!(hash(&[1, 2, 3]), by_hand.finish());
    }

    #[test]
    fn lengths_are_told_apart() {
        assert_ne!(hash(b"ab"), hash(b"ab\0"));
        assert_ne!(hash(b"abcdefgh"), hash(b"abcdefgh\0"));
    }
}
