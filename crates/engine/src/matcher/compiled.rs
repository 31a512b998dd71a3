//! The byte form of compiled phrase sets and their key index, which the
//! build script writes (see `crates/engine/build.rs`) and the engine reads
//! at start-up instead of compiling the data files again.
//!
//! Compiling the lexicon normalizes some 30,000 words, interns their keys in
//! a trie and allocates a string for most of them: about 25 million
//! instructions, paid by every process and by every page's worker before its
//! first analysis, more than the analysis of a few articles. Reading this
//! form is copying arrays and interning the 3,000 or so distinct patterns
//! again. It keeps only what cannot be computed cheaply from the rest: the
//! patterns' keys, and each phrase's length and pattern ids (its first key
//! is its first pattern's). Numbers are LEB128 varints of the value plus
//! one, pattern ids are coded by [`Writer::pattern`], strings are
//! length-prefixed UTF-8, and there are no pointers, so the same bytes
//! serve every target.

use super::index::{KeyIndex, PatternId};
use super::{PhraseSet, ANY};

/// Appends values in the compiled form.
#[derive(Debug, Default)]
pub struct Writer {
    bytes: Vec<u8>,
    /// One past the highest pattern id written so far (see [`Writer::pattern`]).
    next_pattern: u32,
}

impl Writer {
    fn varint(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.bytes.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.bytes.push(v as u8);
    }

    /// One number.
    pub fn u32(&mut self, n: u32) {
        self.varint(n.wrapping_add(1));
    }

    /// A pattern id of a phrase, or the wildcard. The sets are written in
    /// the order they were compiled, which is the order their patterns got
    /// their ids, so most ids are the next new one: that is written as 0,
    /// the wildcard as 1, any other id `p` as `p + 2`. This takes the
    /// gazetteer's phrases from two or three bytes a word to one.
    pub fn pattern(&mut self, p: PatternId) {
        if p == ANY {
            self.varint(1);
        } else if p == self.next_pattern {
            self.varint(0);
        } else {
            self.varint(p.saturating_add(2));
        }
        if p != ANY {
            self.next_pattern = self.next_pattern.max(p.saturating_add(1));
        }
    }

    /// A length, which the form keeps in 32 bits. Nothing the lexicon holds
    /// comes near 4 G entries; the build script fails on one that does.
    pub fn len(&mut self, n: usize) {
        self.u32(u32::try_from(n).expect("a lexicon table of over 4 G entries"));
    }

    /// A string: its length in bytes, then its bytes.
    pub fn str(&mut self, s: &str) {
        self.len(s.len());
        self.bytes.extend_from_slice(s.as_bytes());
    }

    /// Numbers: their count, then each.
    pub fn u32s(&mut self, values: &[u32]) {
        self.len(values.len());
        for &n in values {
            self.u32(n);
        }
    }

    /// What was written.
    pub fn finish(self) -> Vec<u8> {
        self.bytes
    }
}

/// Reads values back; every read is `None` past the end or on bytes that
/// are not UTF-8 where a string should be, never a panic.
#[derive(Debug)]
pub struct Reader<'a> {
    bytes: &'a [u8],
    /// As [`Writer`]'s.
    next_pattern: u32,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `bytes`.
    pub fn new(bytes: &'a [u8]) -> Reader<'a> {
        Reader { bytes, next_pattern: 0 }
    }

    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let (head, tail) = self.bytes.split_at_checked(n)?;
        self.bytes = tail;
        Some(head)
    }

    /// One number.
    pub fn u32(&mut self) -> Option<u32> {
        self.varint().map(|v| v.wrapping_sub(1))
    }

    /// A pattern id written by [`Writer::pattern`].
    pub fn pattern(&mut self) -> Option<PatternId> {
        let p = match self.varint()? {
            0 => self.next_pattern,
            1 => return Some(ANY),
            code => code - 2,
        };
        self.next_pattern = self.next_pattern.max(p.saturating_add(1));
        Some(p)
    }

    fn varint(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let (&byte, tail) = self.bytes.split_first()?;
            self.bytes = tail;
            // The fifth byte holds the top four bits only.
            if shift == 28 && byte > 0x0F {
                return None;
            }
            v |= u32::from(byte & 0x7F) << shift;
            if byte < 0x80 {
                return Some(v);
            }
        }
        None
    }

    /// A length or an index.
    pub fn usize(&mut self) -> Option<usize> {
        self.u32().map(|n| n as usize)
    }

    /// A string.
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.usize()?;
        std::str::from_utf8(self.take(n)?).ok()
    }

    /// Numbers written by [`Writer::u32s`].
    pub fn u32s(&mut self) -> Option<Vec<u32>> {
        let n = self.usize()?;
        // Each number takes a byte at least: a count past the bytes left
        // is a broken form, not a reason to allocate.
        if n > self.bytes.len() {
            return None;
        }
        (0..n).map(|_| self.u32()).collect()
    }

    /// Whether every byte was read.
    pub fn is_at_end(&self) -> bool {
        self.bytes.is_empty()
    }
}

impl KeyIndex {
    /// Writes the index as its patterns in id order; the sets' starters
    /// are marked again as the sets are read, and the generation is new.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.sets);
        let patterns = self.patterns();
        w.len(patterns.len());
        for (key, prefix) in &patterns {
            w.str(key);
            w.u32(u32::from(*prefix));
        }
    }

    /// Reads an index written by [`KeyIndex::write`], interning its
    /// patterns again in id order, which gives each its id again. Also
    /// returns each pattern's key, by id, for the sets read against it.
    pub fn read<'a>(r: &mut Reader<'a>) -> Option<(KeyIndex, Vec<&'a str>)> {
        let sets = r.u32()?;
        let mut index = KeyIndex::default();
        let n = r.u32()?;
        let mut keys = Vec::with_capacity((n as usize).min(1 << 16));
        for id in 0..n {
            let (key, prefix) = (r.str()?, r.u32()?);
            if prefix > 1 || index.intern(key, prefix == 1) != id {
                return None;
            }
            keys.push(key);
        }
        index.sets = sets;
        Some((index, keys))
    }
}

impl PhraseSet {
    /// Writes the set: its phrases' lengths, first patterns and later
    /// words. Their first keys (the first patterns' keys) and where each
    /// phrase is filed are computed again on reading.
    pub fn write(&self, w: &mut Writer) {
        w.u32(self.bit);
        w.u32s(&self.lens);
        let mut firsts = vec![0; self.lens.len()];
        for (p, bounds) in self.first_starts.windows(2).enumerate() {
            for opening in &self.by_first[bounds[0] as usize..bounds[1] as usize] {
                firsts[opening.phrase as usize] = p as u32;
            }
        }
        // Each phrase's words in order, as they were interned.
        let mut rest = self.rest.iter();
        for (&first, &len) in firsts.iter().zip(&self.lens) {
            w.pattern(first);
            for &p in rest.by_ref().take(len as usize - 1) {
                w.pattern(p);
            }
        }
    }

    /// Reads a set written by [`PhraseSet::write`] whose patterns are those
    /// of `index` (with their `keys`), marking its starters there; `None`
    /// when a length or a pattern does not fit.
    pub fn read(r: &mut Reader, index: &mut KeyIndex, keys: &[&str]) -> Option<PhraseSet> {
        let (bit, lens) = (r.u32()?, r.u32s()?);
        let later_words = lens.iter().try_fold(0usize, |sum, &len| sum.checked_add(len.checked_sub(1)? as usize))?;
        // Each later word takes a byte at least.
        if later_words > r.bytes.len() {
            return None;
        }
        let mut firsts = Vec::with_capacity(lens.len());
        let mut rest = Vec::with_capacity(later_words);
        for &len in &lens {
            firsts.push(r.pattern()?);
            for _ in 1..len {
                rest.push(r.pattern()?);
            }
        }
        let patterns = index.len() as u32;
        let fits = keys.len() == index.len()
            && firsts.iter().all(|&p| p < patterns)
            && rest.iter().all(|&p| p < patterns || p == ANY)
            && (bit == 0 || bit.is_power_of_two());
        if !fits {
            return None;
        }
        let mut first_keys = String::new();
        let first_key_ends = firsts
            .iter()
            .map(|&p| {
                first_keys.push_str(keys[p as usize]);
                first_keys.len() as u32
            })
            .collect();
        let mut set = PhraseSet { first_keys, first_key_ends, lens, rest, bit, ..PhraseSet::default() };
        let firsts: Vec<(PatternId, u32)> = firsts.into_iter().zip(0..).collect();
        set.index_openings(index, &firsts);
        Some(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(set: &PhraseSet, index: &KeyIndex) -> (PhraseSet, KeyIndex) {
        let mut w = Writer::default();
        index.write(&mut w);
        set.write(&mut w);
        let bytes = w.finish();
        let mut r = Reader::new(&bytes);
        let (mut read_index, keys) = KeyIndex::read(&mut r).expect("index");
        let read_set = PhraseSet::read(&mut r, &mut read_index, &keys).expect("set");
        assert!(r.is_at_end());
        (read_set, read_index)
    }

    #[test]
    fn a_set_and_its_index_read_back_as_written() {
        let mut index = KeyIndex::default();
        let (set, _) = PhraseSet::new(&mut index, ["القوات الأمريكية", "انسحاب*", "على _ أن", "د* عامر"]);
        let (read_set, read_index) = round_trip(&set, &index);
        assert_eq!(read_set.first_key(1), set.first_key(1));
        let mut expected = set.clone();
        expected.patterns.clear();
        assert_eq!(read_set, expected);
        assert!(read_index.same_contents(&index));
        assert_ne!(read_index.generation(), index.generation(), "a read index is a new state");
    }

    #[test]
    fn numbers_take_few_bytes_and_read_back() {
        let mut w = Writer::default();
        let values = [0, 1, 127, 128, 1 << 20, u32::MAX - 1, u32::MAX];
        for n in values {
            w.u32(n);
        }
        let bytes = w.finish();
        assert_eq!(bytes[bytes.len() - 1], 0, "u32::MAX (no pattern) is one byte");
        let mut r = Reader::new(&bytes);
        assert_eq!(values.map(|_| r.u32()), values.map(Some));
        assert!(r.is_at_end());
        // Six bytes, or a fifth byte with more than four bits, is no number.
        assert!(Reader::new(&[0xFF, 0xFF, 0xFF, 0xFF, 0x1F]).u32().is_none());
        assert!(Reader::new(&[0x80, 0x80, 0x80, 0x80, 0x80, 0x00]).u32().is_none());
    }

    #[test]
    fn pattern_ids_in_order_of_first_use_take_a_byte() {
        let ids = [0, 1, 2, 0, ANY, 3, 7, 4, 8, 2];
        let mut w = Writer::default();
        for p in ids {
            w.pattern(p);
        }
        let bytes = w.finish();
        assert_eq!(bytes, [0, 0, 0, 2, 1, 0, 9, 6, 0, 4]);
        let mut r = Reader::new(&bytes);
        assert_eq!(ids.map(|_| r.pattern()), ids.map(Some));
        assert!(r.is_at_end());
    }

    #[test]
    fn truncated_or_inconsistent_bytes_read_as_none() {
        let mut index = KeyIndex::default();
        let (set, _) = PhraseSet::new(&mut index, ["القوات الأمريكية", "قال"]);
        let mut w = Writer::default();
        set.write(&mut w);
        let bytes = w.finish();
        let mut w = Writer::default();
        index.write(&mut w);
        let index_bytes = w.finish();
        let (read_index, keys) = KeyIndex::read(&mut Reader::new(&index_bytes)).expect("index");
        assert!(PhraseSet::read(&mut Reader::new(&bytes), &mut read_index.clone(), &keys).is_some());
        for cut in 0..bytes.len() {
            assert!(PhraseSet::read(&mut Reader::new(&bytes[..cut]), &mut read_index.clone(), &keys).is_none(), "cut at {cut}");
        }
        // Against an index without its patterns.
        assert!(PhraseSet::read(&mut Reader::new(&bytes), &mut KeyIndex::default(), &[]).is_none());
        // A later word of a pattern the index does not have.
        let mut broken = set.clone();
        broken.rest[0] = 99;
        let mut w = Writer::default();
        broken.write(&mut w);
        assert!(PhraseSet::read(&mut Reader::new(&w.finish()), &mut read_index.clone(), &keys).is_none());
        // A string that is not UTF-8.
        let mut w = Writer::default();
        w.len(2);
        let mut bad = w.finish();
        bad.extend_from_slice(&[0xD8, 0x20]);
        assert!(Reader::new(&bad).str().is_none());
    }
}
