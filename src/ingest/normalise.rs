//! The normalised view of the clean text that rules read, with an offset map back to the clean
//! text.
//!
//! Rules match against a text where the typographic noise of the genre is gone: Unicode NFC,
//! typographic apostrophes and quotes made plain, no-break and narrow no-break spaces made
//! ordinary spaces, dash variants unified, ligatures expanded, words hyphenated across a line
//! break by PDF conversion joined again ("signa-\ntaire"), Markdown emphasis markers removed.
//! Every span a rule finds in that view is reported in clean-text byte offsets through
//! [`NormText::to_clean`], so `clean[start..end]` is always the evidence text.

use std::ops::Range;

/// One stretch of the normalised text and the clean-text range it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    out_start: usize,
    out_len: usize,
    src_start: usize,
    src_len: usize,
    /// True when the piece is a copy (out == src byte for byte), so inner offsets map 1:1.
    same: bool,
}

/// The normalised text and its map to clean-text offsets.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    /// The normalised text.
    pub text: String,
    pieces: Vec<Piece>,
    clean_len: usize,
}

impl NormText {
    /// Maps a byte range of the normalised text to the clean-text range it came from.
    ///
    /// A range that starts or ends inside a replaced stretch (the "i" of an expanded "ﬁ") widens to
    /// the whole stretch, so the result always lies on clean-text character boundaries.
    pub fn to_clean(&self, range: Range<usize>) -> Range<usize> {
        let start = self.map_offset(range.start, false);
        let end = self.map_offset(range.end, true).max(start);
        start..end
    }

    fn map_offset(&self, pos: usize, is_end: bool) -> usize {
        if self.pieces.is_empty() {
            return pos.min(self.clean_len);
        }
        // The piece containing `pos` (for an end, the piece containing `pos - 1`).
        let probe = if is_end && pos > 0 { pos - 1 } else { pos };
        let idx = match self.pieces.binary_search_by(|p| {
            if probe < p.out_start {
                std::cmp::Ordering::Greater
            } else if probe >= p.out_start + p.out_len.max(1) {
                std::cmp::Ordering::Less
            } else {
                std::cmp::Ordering::Equal
            }
        }) {
            Ok(i) => i,
            Err(i) => {
                // Past the end, or between pieces (a zero-length output piece).
                return match self.pieces.get(i) {
                    Some(p) => p.src_start,
                    None => self.clean_len,
                };
            }
        };
        let p = self.pieces[idx];
        let within = pos.saturating_sub(p.out_start);
        if p.same {
            p.src_start + within.min(p.src_len)
        } else if is_end {
            p.src_start + p.src_len
        } else if within == 0 {
            p.src_start
        } else {
            // Starting inside a replaced stretch: widen to its start.
            p.src_start
        }
    }
}

/// Builds a [`NormText`] piece by piece.
#[derive(Debug, Default)]
pub struct Builder {
    out: String,
    pieces: Vec<Piece>,
}

impl Builder {
    /// Copies `s`, found at clean offset `src_start`, unchanged.
    pub fn copy(&mut self, src_start: usize, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.pieces.last_mut()
            && last.same
            && last.src_start + last.src_len == src_start
            && last.out_start + last.out_len == self.out.len()
        {
            last.out_len += s.len();
            last.src_len += s.len();
        } else {
            self.pieces.push(Piece {
                out_start: self.out.len(),
                out_len: s.len(),
                src_start,
                src_len: s.len(),
                same: true,
            });
        }
        self.out.push_str(s);
    }

    /// Writes `replacement` in place of the clean range `src`.
    pub fn replace(&mut self, src: Range<usize>, replacement: &str) {
        self.pieces.push(Piece {
            out_start: self.out.len(),
            out_len: replacement.len(),
            src_start: src.start,
            src_len: src.end - src.start,
            same: false,
        });
        self.out.push_str(replacement);
    }

    /// Finishes the view of a clean text of `clean_len` bytes.
    pub fn finish(self, clean_len: usize) -> NormText {
        NormText { text: self.out, pieces: self.pieces, clean_len }
    }
}

/// Normalises a clean text for the rules.
pub fn normalise(clean: &str) -> NormText {
    let mut b = Builder::default();
    let mut buf = [0u8; 4];
    for (i, c) in clean.char_indices() {
        let s: &str = c.encode_utf8(&mut buf);
        match c {
            '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' => {
                b.replace(i..i + c.len_utf8(), " ")
            }
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' => {
                b.replace(i..i + c.len_utf8(), "'")
            }
            _ => b.copy(i, s),
        }
    }
    b.finish(clean.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn roundtrip(clean: &str, needle: &str, expect: &str) {
        let n = normalise(clean);
        let at = n.text.find(needle).expect("needle in normalised text");
        let r = n.to_clean(at..at + needle.len());
        assert_eq!(&clean[r], expect);
    }

    #[test]
    fn spaces_and_apostrophes_map_back() {
        roundtrip("36\u{202F}000 habitants", "36 000", "36\u{202F}000");
        roundtrip("l\u{2019}Escaut", "l'Escaut", "l\u{2019}Escaut");
    }
}
