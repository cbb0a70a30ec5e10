//! The shapes of the normalised text the list rules walk: lines and sentences, as byte ranges.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::record::Format;
use crate::rules::Doc;

/// A line opening with a list marker ("- ", "• ", "1. ").
static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*•·–—]\s+|\d{1,2}[.)]\s+)").expect("valid regex"));

/// Where a sentence ends inside a paragraph: a stop (and a closing quote), then a capital.
static STOP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?…](?:\s*[»\x22])?\s+[\p{Lu}\d«\x22]").expect("valid regex"));

/// A horizontal rule or a front-matter fence.
static RULE_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*_=]\s*){3,}$").expect("valid regex"));

/// A front-matter field: a lower-case key glued to its colon ("title: ...").
static FIELD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[a-z][a-z_]*:\s").expect("valid regex"));

pub(super) use crate::rules::lines;

/// The length of a bullet marker opening `line` (0 when there is none).
pub(super) fn bullet(line: &str) -> usize {
    BULLET.find(line).map_or(0, |m| m.end())
}

/// The sentences of the document: paragraphs (lines joined when a line merely wraps) cut after a
/// stop followed by a capital.
pub(super) fn sentences(doc: &Doc) -> Vec<Range<usize>> {
    let text = doc.text();
    let mut paragraphs: Vec<Range<usize>> = Vec::new();
    let mut current: Option<Range<usize>> = None;
    for line in lines(text) {
        let body = &text[line.clone()];
        if body.trim().is_empty() {
            paragraphs.extend(current.take());
            continue;
        }
        current = match current {
            Some(prev) if !breaks(doc.format, &text[prev.clone()], body) => {
                Some(prev.start..line.end)
            }
            Some(prev) => {
                paragraphs.push(prev);
                Some(line)
            }
            None => Some(line),
        };
    }
    paragraphs.extend(current);
    let mut out = Vec::new();
    for p in paragraphs {
        let s = &text[p.clone()];
        let mut start = 0;
        for m in STOP.find_iter(s) {
            let stop = m.start();
            if initial_before(&s[..stop]) {
                continue;
            }
            let stop_end = stop + s[stop..].chars().next().map_or(1, char::len_utf8);
            out.push(p.start + start..p.start + stop_end);
            start = m.end() - s[..m.end()].chars().next_back().map_or(0, char::len_utf8);
        }
        out.push(p.start + start..p.end);
    }
    out
}

/// Whether a new line `next` after the paragraph so far `prev` opens a new paragraph rather than
/// continuing a wrapped one.
fn breaks(format: Format, prev: &str, next: &str) -> bool {
    if format == Format::Html {
        return true;
    }
    let last = prev.rsplit('\n').next().unwrap_or(prev).trim();
    let next = next.trim_start();
    // A rule ("---") or a front-matter field ("rubrique: Solidarités") stands alone.
    let apart = |line: &str| RULE_LINE.is_match(line) || FIELD.is_match(line);
    apart(last)
        || apart(next)
        || last.ends_with(['.', '!', '?', ':', ';', '»'])
        || last.starts_with(['#', '|'])
        || next.starts_with(['#', '|'])
        || bullet(next) > 0
        || (last.chars().count() < 60 && next.chars().next().is_some_and(char::is_uppercase))
}

/// Whether the text before a stop ends with an initial ("M", "S.A"): not a sentence end.
fn initial_before(before: &str) -> bool {
    let word = before.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    let last = word.rsplit('.').next().unwrap_or("");
    last.chars().count() == 1 && last.chars().all(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::normalise;

    #[track_caller]
    fn split(text: &str, format: Format) -> Vec<String> {
        let norm = normalise(text);
        let doc = Doc { id: "t", format, clean: text, norm: &norm };
        sentences(&doc).into_iter().map(|r| norm.text[r].to_owned()).collect()
    }

    #[test]
    fn wrapped_lines_join_and_headings_stand_alone() {
        let text = "Les engagements\n\nOutre l'État et la Métropole, le contrat a été signé par la Région\nNormandie et la CAF. Chaque signataire s'engage.\nLa suite\n- un point\n";
        assert_eq!(
            split(text, Format::Text),
            [
                "Les engagements",
                "Outre l'État et la Métropole, le contrat a été signé par la Région\nNormandie et la CAF.",
                "Chaque signataire s'engage.",
                "La suite",
                "- un point"
            ]
        );
    }

    #[test]
    fn front_matter_lines_stand_alone() {
        let text = "---\ntitle: \"Le contrat de ville : la Ville et ses partenaires s'engagent\"\nrubrique: Solidarités\n---\n\n# Le titre\n";
        assert_eq!(
            split(text, Format::Markdown),
            [
                "---",
                "title: \"Le contrat de ville : la Ville et ses partenaires s'engagent\"",
                "rubrique: Solidarités",
                "---",
                "# Le titre"
            ]
        );
    }

    #[test]
    fn a_quotation_ends_with_its_sentence() {
        assert_eq!(
            split("« Il a été signé avec la CAF. » Parmi les signataires, la Ville.", Format::Html),
            ["« Il a été signé avec la CAF.", "Parmi les signataires, la Ville."]
        );
    }

    #[test]
    fn an_initial_does_not_end_a_sentence() {
        assert_eq!(split("Signé avec la S.A. du Hainaut et M. Durand.", Format::Html).len(), 1);
        assert_eq!(
            split("Signé avec la CAF… La suite.", Format::Html),
            ["Signé avec la CAF…", "La suite."]
        );
    }
}
