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
use std::sync::LazyLock;

use crate::rules::text::Regex;
use unicode_normalization::UnicodeNormalization;

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
    /// What the rules compute once on this text and share (see [`crate::analysis`]).
    pub analysis: crate::analysis::Analysis,
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
        // Deleted stretches (zero-length output) sort before the position, so the search lands on
        // the stretch that produced the character at `probe`.
        let idx = match self.pieces.binary_search_by(|p| {
            if p.out_len == 0 && p.out_start <= probe {
                std::cmp::Ordering::Less
            } else if probe < p.out_start {
                std::cmp::Ordering::Greater
            } else if probe >= p.out_start + p.out_len {
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
        NormText { text: self.out, pieces: self.pieces, clean_len, analysis: Default::default() }
    }
}

/// Particles of French compound place names: a line-end hyphen next to one is a real hyphen
/// ("Caudebec-\nlès-Elbeuf", "Saint-Étienne-du-\nRouvray"), not a word cut by the PDF converter.
const PARTICLES: &[&str] = &[
    "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "lès", "lez", "sous",
    "sur",
];

static HYPHENATED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(\p{L}+)(-)[ \t]*\n[ \t]*(\p{L}+)").expect("valid regex"));
static STRONG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\*\*|__").expect("valid regex"));
static EMPHASIS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)(?:^|[\s(\[«\x22'])(\*|_)[^\s*_][^*_\n]*?(\*|_)(?:$|[\s).,;:!?\]»\x22'])")
        .expect("valid regex")
});

/// An edit of the clean text: `range` becomes `with`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Edit {
    pub(super) range: Range<usize>,
    pub(super) with: String,
}

/// Normalises a clean text for the rules.
///
/// - Unicode NFC (a base letter and its combining accent become one character);
/// - no-break, narrow no-break and thin spaces become spaces; soft hyphens and zero-width spaces
///   go; typographic apostrophes become `'`, double quotes `"` (« and » stay); hyphen variants
///   and the minus sign become `-` (en and em dashes stay, names use them as separators);
///   ligatures are expanded;
/// - a word cut at a line end by a PDF converter is joined ("signa-\ntaire" → "signataire"),
///   while a real hyphen at a line end stays and the line break goes ("Notre-\nDame",
///   "Caudebec-\nlès-Elbeuf"): a capitalised continuation, or a particle on either side of the
///   hyphen, marks a real compound;
/// - Markdown emphasis markers (`**`, `__`, `*…*`, `_…_`) are removed, the words stay;
/// - scraping defects are repaired (see [`super::repair`]): a lost apostrophe is put back ("l
///   Etat" → "l'Etat"), so is a space lost after a mark ("signé.Le" → "signé. Le") or after a year ("2024Le" →
///   "2024 Le"), and a certain capital accent
///   ("Etat" → "État"), and the case of a run of upper-case words is restored ("LE PRÉFET DE
///   L'OISE" → "le préfet de l'Oise", see [`super::case`]).
pub fn normalise(clean: &str) -> NormText {
    let mut edits = Vec::new();
    hyphenation_edits(clean, &mut edits);
    emphasis_edits(clean, &mut edits);
    super::repair::elision_edits(clean, &mut edits);
    super::repair::spacing_edits(clean, &mut edits);
    super::repair::glued_year_edits(clean, &mut edits);
    super::repair::glued_word_edits(clean, &mut edits);
    super::repair::accent_edits(clean, &mut edits);
    super::case::case_edits(clean, &mut edits);
    edits.sort_by_key(|e| (e.range.start, e.range.end));
    let mut b = Builder::default();
    let mut pos = 0;
    for e in edits {
        if e.range.start < pos {
            continue; // overlaps an earlier edit: the first one wins
        }
        map_chars(&mut b, clean, pos..e.range.start);
        b.replace(e.range.clone(), &e.with);
        pos = e.range.end;
    }
    map_chars(&mut b, clean, pos..clean.len());
    b.finish(clean.len())
}

fn hyphenation_edits(clean: &str, edits: &mut Vec<Edit>) {
    let mut at = 0;
    while let Some(c) = HYPHENATED.captures_at(clean, at) {
        let (Some(before), Some(hyphen), Some(after)) = (c.get(1), c.get(2), c.get(3)) else {
            break;
        };
        let next = after.as_str();
        let prev = before.as_str().to_lowercase();
        let next_lower = next.to_lowercase();
        let capitalised = next.chars().next().is_some_and(char::is_uppercase);
        let real = capitalised
            || PARTICLES.contains(&prev.as_str())
            || PARTICLES.contains(&next_lower.as_str());
        let with = if real { "-" } else { "" };
        edits.push(Edit { range: hyphen.start()..after.start(), with: with.into() });
        // The continuation may itself end a line with a hyphen ("Mari-\ntime"): search from it.
        at = after.start();
    }
}

fn emphasis_edits(clean: &str, edits: &mut Vec<Edit>) {
    for m in STRONG.find_iter(clean) {
        let before = clean[..m.start()].chars().next_back();
        let after = clean[m.end()..].chars().next();
        let opens = after.is_some_and(|c| !c.is_whitespace());
        let closes = before.is_some_and(|c| !c.is_whitespace());
        // A marker between two word characters ("snake__case") is not emphasis.
        let inside_word = before.is_some_and(char::is_alphanumeric)
            && after.is_some_and(char::is_alphanumeric)
            && m.as_str() == "__";
        if (opens || closes) && !inside_word {
            edits.push(Edit { range: m.range(), with: String::new() });
        }
    }
    for c in EMPHASIS.captures_iter(clean) {
        if let (Some(open), Some(close)) = (c.get(1), c.get(2))
            && open.as_str() == close.as_str()
        {
            edits.push(Edit { range: open.range(), with: String::new() });
            edits.push(Edit { range: close.range(), with: String::new() });
        }
    }
}

/// Copies `clean[range]` to `b`, mapping characters and composing accents.
fn map_chars(b: &mut Builder, clean: &str, range: Range<usize>) {
    let text = &clean[range.clone()];
    let mut chars = text.char_indices().peekable();
    let mut buf = [0u8; 4];
    while let Some((i, c)) = chars.next() {
        let at = range.start + i;
        let len = c.len_utf8();
        // A base character followed by combining marks: compose it.
        let mut end = at + len;
        while let Some(&(j, m)) = chars.peek() {
            if !unicode_normalization::char::is_combining_mark(m) {
                break;
            }
            end = range.start + j + m.len_utf8();
            chars.next();
        }
        if end > at + len {
            let cluster = &clean[at..end];
            let composed: String = cluster.nfc().collect();
            if composed == cluster {
                b.copy(at, cluster);
            } else {
                b.replace(at..end, &composed);
            }
            continue;
        }
        let mapped: Option<&str> = match c {
            '\u{00A0}' | '\u{202F}' | '\u{2007}' | '\u{2009}' | '\u{200A}' => Some(" "),
            '\u{00AD}' | '\u{200B}' | '\u{FEFF}' => Some(""),
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{00B4}' | '\u{2032}' => Some("'"),
            '\u{201C}' | '\u{201D}' | '\u{201E}' => Some("\""),
            '\u{2010}' | '\u{2011}' | '\u{2212}' => Some("-"),
            '\u{FB00}' => Some("ff"),
            '\u{FB01}' => Some("fi"),
            '\u{FB02}' => Some("fl"),
            '\u{FB03}' => Some("ffi"),
            '\u{FB04}' => Some("ffl"),
            _ => None,
        };
        match mapped {
            Some(m) => b.replace(at..at + len, m),
            None => b.copy(at, c.encode_utf8(&mut buf)),
        }
    }
}

/// Checks of the normalised view shared by the tests of normalisation and of each repair.
#[cfg(test)]
pub(super) mod testing {
    use super::normalise;

    /// The view of `clean` is `expect`.
    #[track_caller]
    pub(in crate::ingest) fn view(clean: &str, expect: &str) {
        assert_eq!(normalise(clean).text, expect);
    }

    /// The view of `clean` is `clean` itself.
    #[track_caller]
    pub(in crate::ingest) fn unchanged(clean: &str) {
        assert_eq!(normalise(clean).text, clean);
    }

    /// `needle` of the view maps back to `expect` of the clean text.
    #[track_caller]
    pub(in crate::ingest) fn maps_back(clean: &str, needle: &str, expect: &str) {
        let n = normalise(clean);
        let at = n.text.find(needle).expect("needle in the view");
        assert_eq!(&clean[n.to_clean(at..at + needle.len())], expect);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::testing::{maps_back, view};

    #[test]
    fn pdf_hyphenation_is_joined_and_real_hyphens_stay() {
        view("Chaque signa-\ntaire s'engage", "Chaque signataire s'engage");
        view("la Seine-Mari-\ntime", "la Seine-Maritime");
        view("Gram-\nmont (Rouen)", "Grammont (Rouen)");
        view("Saint-Étienne-du-\nRouvray", "Saint-Étienne-du-Rouvray");
        view("Notre-\nDame-de-Bondeville", "Notre-Dame-de-Bondeville");
        view("Fieschi (Caudebec-\nlès-Elbeuf)", "Fieschi (Caudebec-lès-Elbeuf)");
        view("Arts et Fleurs -\nFeugrais", "Arts et Fleurs -\nFeugrais");
        maps_back("la Seine-Mari-\ntime", "Seine-Maritime", "Seine-Mari-\ntime");
        maps_back("signa-\ntaire", "taire", "taire");
    }

    #[test]
    fn markdown_emphasis_goes_and_words_stay() {
        view("**Camus** - Angres", "Camus - Angres");
        view("d'**Anne-Laure Piquet**, préfète", "d'Anne-Laure Piquet, préfète");
        view("*Le quartier reste en veille.*", "Le quartier reste en veille.");
        view("_Note_ : voir plus bas", "Note : voir plus bas");
        view("politique_ville@agglo.fr et snake__case", "politique_ville@agglo.fr et snake__case");
        view("- **Europe** - Saint-Quentin", "- Europe - Saint-Quentin");
        maps_back("**Camus** - Angres", "Camus", "Camus");
        maps_back("**Camus** - Angres", "Camus - Angres", "Camus** - Angres");
    }

    #[test]
    fn characters_are_mapped() {
        view("l\u{2019}État, \u{201C}cité\u{201D}", "l'État, \"cité\"");
        view("« quartiers »", "« quartiers »");
        view("Neuhof \u{2013} Meinau", "Neuhof \u{2013} Meinau");
        view("Saint\u{2011}Denis \u{2212}5", "Saint-Denis -5");
        view("e\u{301}quipe \u{FB01}nance", "équipe finance");
        view("ba\u{00AD}ilLEURS", "bailLEURS");
        maps_back("l'e\u{301}quipe", "équipe", "e\u{301}quipe");
    }

    #[test]
    fn every_range_maps_to_ordered_char_boundaries() {
        let clean =
            "**Cité 5** – l\u{2019}é\u{301}quipe\u{00A0}ﬁnale signa-\ntaire, Notre-\nDame « x »\n";
        let n = normalise(clean);
        let bounds: Vec<usize> =
            n.text.char_indices().map(|(i, _)| i).chain([n.text.len()]).collect();
        for (a, &s) in bounds.iter().enumerate() {
            for &e in &bounds[a..] {
                let r = n.to_clean(s..e);
                assert!(r.start <= r.end && r.end <= clean.len(), "{s}..{e} -> {r:?}");
                assert!(
                    clean.is_char_boundary(r.start) && clean.is_char_boundary(r.end),
                    "{s}..{e}"
                );
            }
        }
        let starts: Vec<usize> = bounds.iter().map(|&s| n.to_clean(s..s).start).collect();
        assert!(starts.windows(2).all(|w| w[0] <= w[1]), "monotonic");
        // The whole view maps to the whole text but the leading deleted "**".
        assert_eq!(n.to_clean(0..n.text.len()), 2..clean.len());
    }

    #[test]
    fn spaces_and_apostrophes_map_back() {
        maps_back("36\u{202F}000 habitants", "36 000", "36\u{202F}000");
        maps_back("l\u{2019}Escaut", "l'Escaut", "l\u{2019}Escaut");
    }
}
