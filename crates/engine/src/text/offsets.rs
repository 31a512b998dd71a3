//! The way back from normalized bytes to original characters, kept sparse.
//!
//! Evidence is cut from the untouched original, so every byte of the
//! normalized text must say which original code points it came from. Most
//! of a news text maps one to one: an Arabic letter stays an Arabic letter
//! of the same two bytes (ة becomes ه, أ becomes ا), a space stays a space.
//! A map per byte (eight bytes of offsets for each byte of text, and four
//! more per original character for the way from code points to bytes) wrote
//! some twelve times the text's size, about 120 MB for a 10 MB paste. This
//! map records only where that one-to-one correspondence breaks, in
//! [`Run`]s, each with where it starts and ends in the original in code
//! points and in bytes. The original bytes behind a normalized range (what
//! evidence and surface forms are cut by) come from a block index and a
//! short walk over runs; code points (what the contract's spans count) from
//! counting characters within one short run. Under one byte of map per byte
//! of text, nothing written per character while a run goes on, and queries
//! that stay bounded whatever the text's length.

/// Bytes of normalized text one linear run starts within at most (some 32
/// Arabic letters), so that a query never counts or decodes more than about
/// this many characters.
const RUN_BYTES: usize = 64;

/// Normalized bytes per entry of the index from bytes to runs.
const BLOCK: usize = 64;

/// A stretch of normalized text and the original code points it came from.
#[derive(Debug, Clone, Copy)]
struct Run {
    /// Byte in the normalized text where the run starts; it ends where the
    /// next run starts.
    norm: u32,
    /// Original code point where the run's first character starts
    /// (including marks that stood before it at the very start of a text).
    start: u32,
    /// Original code point just past the run's last character, including
    /// the marks (diacritics, tatweel) that normalization dropped after it.
    end: u32,
    /// The original byte offsets of `start` and of `end`.
    start_byte: u32,
    end_byte: u32,
    /// Whether each character of the run is one original character of the
    /// same UTF-8 length, in order, with nothing dropped between them, so
    /// that the `k`th character of the run is original code point
    /// `start + k`, and its bytes are the original's, shifted. Otherwise the
    /// run is a single piece (a digit or quote written with fewer bytes, one
    /// letter of a ligature's expansion, a letter that took marks from before
    /// it) whose every byte maps to `start..end`.
    linear: bool,
}

/// A sparse map from the bytes of a normalized text to original code points
/// and bytes, built while the text is normalized (see [`super::NormText`]).
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    runs: Vec<Run>,
    /// For each `BLOCK` bytes of normalized text, the run holding its first
    /// byte, so that finding a byte's run is a look-up and a short walk.
    blocks: Vec<u32>,
    /// Whether the last run is linear and may still grow: its `end` and
    /// `end_byte` are written when it closes, not for every character.
    open: bool,
    /// Where the open run starts in the normalized text.
    open_norm: usize,
    /// Code points in the original.
    chars: u32,
    /// Bytes in the original.
    bytes: u32,
}

impl OffsetMap {
    /// An empty map for an original of `len` bytes.
    pub fn with_capacity(len: usize) -> OffsetMap {
        // Runs break every `RUN_BYTES` bytes and at every digit, quote and mark.
        OffsetMap { runs: Vec::with_capacity(len / RUN_BYTES + 1), ..OffsetMap::default() }
    }

    /// Original code point `index`, at original byte `at`, becomes one
    /// character of the same UTF-8 length, written at byte `norm` of the
    /// normalized text.
    #[inline(always)]
    pub fn same_length(&mut self, norm: usize, index: u32, at: usize) {
        if self.open {
            if norm - self.open_norm < RUN_BYTES {
                return;
            }
            self.close(index, at);
        }
        self.runs.push(Run { norm: norm as u32, start: index, end: index, start_byte: at as u32, end_byte: at as u32, linear: true });
        self.open = true;
        self.open_norm = norm;
    }

    /// The byte of normalized text from which [`OffsetMap::same_length`]
    /// starts a new run (0 when no run is open): below it, a character of
    /// the same length only extends the open run, which needs no call.
    #[inline(always)]
    pub fn open_until(&self) -> usize {
        if self.open {
            self.open_norm + RUN_BYTES
        } else {
            0
        }
    }

    /// Ends the open run just before original code point `end`, at byte `end_byte`.
    #[inline]
    fn close(&mut self, end: u32, end_byte: usize) {
        if let Some(run) = self.runs.last_mut() {
            run.end = end;
            run.end_byte = end_byte as u32;
        }
        self.open = false;
    }

    /// Original code points `start..end` (bytes `bytes`) become the
    /// character written at byte `norm` of the normalized text, as one piece.
    #[inline]
    pub fn piece(&mut self, norm: usize, (start, end): (u32, u32), bytes: (usize, usize)) {
        if self.open {
            self.close(start, bytes.0);
        }
        self.runs.push(Run { norm: norm as u32, start, end, start_byte: bytes.0 as u32, end_byte: bytes.1 as u32, linear: false });
    }

    /// A dropped mark that belongs to the last character written: that
    /// character's span now ends at original code point `end`, byte `end_byte`.
    #[inline]
    pub fn attach(&mut self, end: u32, end_byte: usize) {
        self.close(end, end_byte);
    }

    /// Whether any character has been written.
    pub fn is_empty(&self) -> bool {
        self.runs.is_empty()
    }

    /// Original code point `index`, at byte `at`, was dropped without
    /// belonging to anything: the next character written does not continue
    /// the run.
    #[inline]
    pub fn drop_char(&mut self, index: u32, at: usize) {
        if self.open {
            self.close(index, at);
        }
    }

    /// The original had `chars` code points in `bytes` bytes, and became
    /// `norm_len` bytes of normalized text.
    pub fn finish(&mut self, chars: u32, bytes: usize, norm_len: usize) {
        if self.open {
            self.close(chars, bytes);
        }
        self.chars = chars;
        self.bytes = bytes as u32;
        let mut run = 0;
        self.blocks = (0..norm_len.div_ceil(BLOCK))
            .map(|block| {
                while self.runs.get(run + 1).is_some_and(|next| next.norm as usize <= block * BLOCK) {
                    run += 1;
                }
                run as u32
            })
            .collect();
    }

    /// Code points in the original.
    pub fn original_len(&self) -> usize {
        self.chars as usize
    }

    /// The byte offset in `original` (the text this map was built from) of
    /// code point `index`; the original's length for the index one past its
    /// last code point, and for any index beyond it.
    pub fn original_byte(&self, original: &str, index: usize) -> usize {
        if index >= self.chars as usize {
            return self.bytes as usize;
        }
        // Decode forward from the nearest known offset: the start or the end
        // of the last run starting at or before `index` (a run's span is at
        // most some 32 characters and their marks; what lies between runs
        // was dropped, and evidence never starts there).
        let (from, skip) = match self.runs.partition_point(|r| r.start as usize <= index).checked_sub(1) {
            None => (0, index),
            Some(r) => {
                let run = self.runs[r];
                if index < run.end as usize {
                    (run.start_byte as usize, index - run.start as usize)
                } else {
                    (run.end_byte as usize, index - run.end as usize)
                }
            }
        };
        let rest = original.get(from..).unwrap_or("");
        rest.char_indices().nth(skip).map_or(self.bytes as usize, |(at, _)| from + at)
    }

    /// The run holding byte `at` of the normalized text (below its length):
    /// from the run that holds the start of `at`'s block, forward past the
    /// few runs that start within the block before it.
    fn run_at(&self, at: usize) -> usize {
        let mut index = self.blocks.get(at / BLOCK).map_or(0, |&r| r as usize);
        while self.runs.get(index + 1).is_some_and(|next| next.norm as usize <= at) {
            index += 1;
        }
        index
    }

    /// Where the character holding byte `at` of `text` (below its length)
    /// starts, as an original code point (when `count` asks for it: it
    /// costs a count of characters, the byte does not) and byte.
    fn start_of(&self, text: &[u8], at: usize, count: bool) -> (usize, usize) {
        let at = char_start(text, at);
        let run = self.runs[self.run_at(at)];
        if !run.linear {
            return (run.start as usize, run.start_byte as usize);
        }
        let norm = run.norm as usize;
        let chars = if count { run.start as usize + chars_in(&text[norm..at]) } else { 0 };
        (chars, run.start_byte as usize + (at - norm))
    }

    /// Where the character holding byte `at` of `text` (below its length)
    /// ends, with the marks that belong to it, as an original code point
    /// (when `count` asks for it) and byte.
    fn end_of(&self, text: &[u8], at: usize, count: bool) -> (usize, usize) {
        let at = char_start(text, at);
        let index = self.run_at(at);
        let run = self.runs[index];
        if !run.linear {
            return (run.end as usize, run.end_byte as usize);
        }
        let run_end = self.runs.get(index + 1).map_or(text.len(), |next| next.norm as usize);
        let char_end = at + utf8_len(text[at]);
        if char_end >= run_end {
            return (run.end as usize, run.end_byte as usize);
        }
        let norm = run.norm as usize;
        let chars = if count { run.start as usize + chars_in(&text[norm..char_end]) } else { 0 };
        (chars, run.start_byte as usize + (char_end - norm))
    }

    /// The original code-point range behind bytes `start..end` of `text`.
    pub fn code_points(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let (first, last) = self.ends(text.as_bytes(), start, end, true);
        (first.0, last.0)
    }

    /// The original byte range behind bytes `start..end` of `text`: the
    /// bytes of [`code_points`](Self::code_points)'s range, without counting
    /// characters.
    pub fn bytes(&self, text: &str, start: usize, end: usize) -> (usize, usize) {
        let (first, last) = self.ends(text.as_bytes(), start, end, false);
        (first.1, last.1)
    }

    /// Both of the above at once: the code-point range and its bytes, for a
    /// span that is reported by code points and cut by bytes.
    pub fn span(&self, text: &str, start: usize, end: usize) -> ((usize, usize), (usize, usize)) {
        let (first, last) = self.ends(text.as_bytes(), start, end, true);
        ((first.0, last.0), (first.1, last.1))
    }

    /// Where the original range behind bytes `start..end` of `text` starts
    /// and ends, each as a code point (when `count` asks for it) and a byte;
    /// an empty range is the point where `start` maps.
    fn ends(&self, text: &[u8], start: usize, end: usize, count: bool) -> ((usize, usize), (usize, usize)) {
        if start >= end || start >= text.len() {
            let at = if start < text.len() { self.start_of(text, start, count) } else { (self.original_len(), self.bytes as usize) };
            return (at, at);
        }
        (self.start_of(text, start, count), self.end_of(text, end.min(text.len()) - 1, count))
    }
}

/// The start of the character holding byte `at` (at most three steps back
/// over continuation bytes).
fn char_start(text: &[u8], mut at: usize) -> usize {
    while at > 0 && text[at] & 0xC0 == 0x80 {
        at -= 1;
    }
    at
}

/// The length of the UTF-8 character whose first byte is `lead`.
fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0xC0 => 1,
        0xC0..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The characters in a run of whole UTF-8 characters: the bytes that are
/// not continuation bytes.
fn chars_in(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| b & 0xC0 != 0x80).count()
}
