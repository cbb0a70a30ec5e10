//! Property tests and mutation fuzzing, seeded from the fixtures.
//!
//! Each case takes a fixture document and applies a few mutations at random offsets: insert a
//! multi-byte character or one of the Unicode spaces the normaliser leaves alone (U+0085, U+1680,
//! U+2002-U+2008, U+2028, U+205F, U+3000), turn a run of ordinary spaces into one of them,
//! truncate, duplicate or delete a stretch, inject HTML, insert stray bytes, and the defects of
//! scraped pages: a stretch flattened to one line, its spaces lost, or put in capitals. The targets: decoding,
//! HTML to text, the normalised view and its offset map, each rule family, the whole pipeline.
//! What must hold: nothing panics, no `internal` error or failed rule, every evidence span lies
//! on character boundaries of the clean text and equals its text, the offset map stays ordered
//! and on boundaries.
//!
//! `cargo test` runs a few cases per target (a few seconds). A longer run:
//! `CDV_FUZZ_CASES=2000 cargo test --release --test props` (or `scripts/soak.sh`, which also
//! mutates whole batches through the `cdv` binary). A crash found here becomes a regression test
//! next to the code it fixes.

use std::path::PathBuf;

use cdv::ingest::normalise::normalise;
use cdv::pipeline::{self, Options};
use cdv::record::Format;
use cdv::rules::{self, Doc};
use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};

/// The characters inserted by the mutations: Unicode spaces, multi-byte letters and signs, an
/// emoji, a BOM, a combining accent, a ligature, typographic quotes and dashes.
const INSERTS: &[&str] = &[
    "\u{85}", "\u{1680}", "\u{2002}", "\u{2003}", "\u{2004}", "\u{2005}", "\u{2006}", "\u{2007}",
    "\u{2008}", "\u{2028}", "\u{205F}", "\u{3000}", "\u{A0}", "\u{202F}", "é", "É", "œ", "€", "’",
    "«\u{A0}", "\u{A0}»", "–", "—", "…", "😀", "\u{FEFF}", "e\u{301}", "\u{FB01}", "\u{1D49}",
    "\n", "\n\n", "-\n", " ; ", " : ", "(", ")", ",", ". ", "*", "_", "|", "#",
];

/// HTML pieces injected by the mutations.
const HTML: &[&str] = &[
    "<div>",
    "</div>",
    "<p>",
    "</p>",
    "<li>",
    "<ul><li>un</li><li>deux</li></ul>",
    "<br>",
    "&amp;",
    "&nbsp;",
    "&#8217;",
    "<td>",
    "<tr>",
    "<!-- note -->",
    "<script>x</script>",
    "<",
    ">",
    "<b>Préfète</b>",
    "<h1>Titre</h1>",
];

/// Unicode spaces a run of ordinary spaces may become.
const SPACES: &[&str] =
    &["\u{85}", "\u{1680}", "\u{2002}", "\u{2005}", "\u{2008}", "\u{2028}", "\u{205F}", "\u{3000}"];

#[derive(Debug, Clone)]
enum Mutation {
    Insert { at: f64, what: usize },
    Html { at: f64, what: usize },
    Spaces { at: f64, len: f64, what: usize },
    Truncate { at: f64 },
    Duplicate { at: f64, len: f64 },
    Delete { at: f64, len: f64 },
    Byte { at: f64, byte: u8 },
    Flatten { at: f64, len: f64 },
    Glue { at: f64, len: f64 },
    Capitals { at: f64, len: f64 },
}

fn mutation() -> impl Strategy<Value = Mutation> {
    let f = 0.0..1.0f64;
    prop_oneof![
        4 => (f.clone(), 0..INSERTS.len()).prop_map(|(at, what)| Mutation::Insert { at, what }),
        2 => (f.clone(), 0..HTML.len()).prop_map(|(at, what)| Mutation::Html { at, what }),
        4 => (f.clone(), f.clone(), 0..SPACES.len())
            .prop_map(|(at, len, what)| Mutation::Spaces { at, len, what }),
        1 => f.clone().prop_map(|at| Mutation::Truncate { at }),
        1 => (f.clone(), f.clone()).prop_map(|(at, len)| Mutation::Duplicate { at, len }),
        1 => (f.clone(), f.clone()).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (f.clone(), any::<u8>()).prop_map(|(at, byte)| Mutation::Byte { at, byte }),
        2 => (f.clone(), f.clone()).prop_map(|(at, len)| Mutation::Flatten { at, len }),
        2 => (f.clone(), f.clone()).prop_map(|(at, len)| Mutation::Glue { at, len }),
        1 => (f.clone(), f.clone()).prop_map(|(at, len)| Mutation::Capitals { at, len }),
    ]
}

/// A fixture (by index) and the mutations to apply to it.
fn case() -> impl Strategy<Value = (usize, Vec<Mutation>)> {
    (any::<usize>(), prop::collection::vec(mutation(), 1..8))
}

fn fixtures() -> &'static [(PathBuf, Vec<u8>)] {
    static DOCS: std::sync::OnceLock<Vec<(PathBuf, Vec<u8>)>> = std::sync::OnceLock::new();
    DOCS.get_or_init(|| {
        let mut paths: Vec<PathBuf> = std::fs::read_dir("fixtures/docs")
            .expect("fixtures/docs")
            .flatten()
            .map(|e| e.path())
            .filter(|p| cdv::batch::has_document_extension(p))
            .collect();
        paths.sort();
        paths.into_iter().map(|p| (p.clone(), std::fs::read(&p).expect("fixture"))).collect()
    })
}

/// `at` (0..1) of `len` as an offset, moved back to a character boundary of `text`.
fn offset(text: &str, at: f64) -> usize {
    text.floor_char_boundary((at * text.len() as f64) as usize)
}

/// Applies `muts` to `bytes`; text mutations work on the UTF-8 view (lossy), `Byte` on bytes.
fn mutate(bytes: &[u8], muts: &[Mutation]) -> Vec<u8> {
    let mut text = String::from_utf8_lossy(bytes).into_owned();
    let mut raw: Vec<(usize, u8)> = Vec::new();
    for m in muts {
        match *m {
            Mutation::Insert { at, what } => text.insert_str(offset(&text, at), INSERTS[what]),
            Mutation::Html { at, what } => text.insert_str(offset(&text, at), HTML[what]),
            Mutation::Spaces { at, len, what } => {
                let from = offset(&text, at);
                let to = text.floor_char_boundary(from + (len * 400.0) as usize);
                let replaced = text[from..to].replace(' ', SPACES[what]);
                text.replace_range(from..to, &replaced);
            }
            Mutation::Truncate { at } => {
                let at = offset(&text, at);
                text.truncate(at);
            }
            Mutation::Duplicate { at, len } => {
                let from = offset(&text, at);
                let to = text.floor_char_boundary(from + (len * 2000.0) as usize);
                let copy = text[from..to].to_owned();
                text.insert_str(to, &copy);
            }
            Mutation::Delete { at, len } => {
                let from = offset(&text, at);
                let to = text.floor_char_boundary(from + (len * 300.0) as usize);
                text.replace_range(from..to, "");
            }
            Mutation::Byte { at, byte } => raw.push(((at * text.len() as f64) as usize, byte)),
            Mutation::Flatten { at, len } => restyle(&mut text, at, len, |s| s.replace('\n', " ")),
            Mutation::Glue { at, len } => restyle(&mut text, at, len, |s| s.replace(' ', "")),
            Mutation::Capitals { at, len } => restyle(&mut text, at, len, str::to_uppercase),
        }
    }
    let mut out = text.into_bytes();
    for (at, byte) in raw {
        out.insert(at.min(out.len()), byte);
    }
    out
}

/// Rewrites a stretch of `text` (from `at`, up to 3,000 bytes scaled by `len`) with `how`.
fn restyle(text: &mut String, at: f64, len: f64, how: impl Fn(&str) -> String) {
    let from = offset(text, at);
    let to = text.floor_char_boundary(from + (len * 3000.0) as usize);
    let new = how(&text[from..to]);
    text.replace_range(from..to, &new);
}

/// How many cases each target runs: a few by default, `CDV_FUZZ_CASES` for a soak.
fn runner(default: u32) -> TestRunner {
    let cases =
        std::env::var("CDV_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(default);
    TestRunner::new(Config {
        cases,
        max_shrink_iters: 64,
        failure_persistence: None,
        ..Config::default()
    })
}

/// Every evidence of `record` lies on character boundaries of `clean` and equals its text.
#[track_caller]
fn check_evidence(clean: &str, evidence: &[&cdv::record::Evidence]) -> Result<(), TestCaseError> {
    for ev in evidence {
        let [s, e] = ev.span;
        prop_assert!(s <= e && e <= clean.len(), "span {s}..{e} out of 0..{}", clean.len());
        prop_assert!(
            clean.is_char_boundary(s) && clean.is_char_boundary(e),
            "span {s}..{e} of rule {} not on char boundaries",
            ev.rule
        );
        prop_assert_eq!(&clean[s..e], ev.text.as_str(), "rule {}", ev.rule);
    }
    Ok(())
}

#[test]
fn decode_and_html_never_panic_on_mutants() {
    runner(64)
        .run(&case(), |(i, muts)| {
            let docs = fixtures();
            let (_, bytes) = &docs[i % docs.len()];
            let bytes = mutate(bytes, &muts);
            if let Ok(d) = cdv::ingest::decode::decode(&bytes) {
                let _ = cdv::ingest::html::looks_like_html(&d.text);
                let page = cdv::ingest::html::to_text(&d.text);
                prop_assert!(page.text.is_empty() || page.text.ends_with('\n'));
            }
            let _ = cdv::ingest::ingest(&bytes, None);
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_offset_map_stays_ordered_and_on_char_boundaries() {
    let ranges = prop::collection::vec((0.0..1.0f64, 0.0..1.0f64), 1..16);
    runner(48)
        .run(&(case(), ranges), |((i, muts), ranges)| {
            let docs = fixtures();
            let (_, bytes) = &docs[i % docs.len()];
            let clean = String::from_utf8_lossy(&mutate(bytes, &muts)).into_owned();
            let norm = normalise(&clean);
            // The whole normalised text maps back into the clean text (a stretch the normaliser
            // drops at either end, an emphasis marker, may lie outside it).
            let all = norm.to_clean(0..norm.text.len());
            prop_assert!(all.start <= all.end && all.end <= clean.len(), "{all:?}");
            prop_assert!(norm.text.is_empty() || !all.is_empty(), "{all:?}");
            for (a, b) in ranges {
                let (a, b) = (offset(&norm.text, a.min(b)), offset(&norm.text, a.max(b)));
                let r = norm.to_clean(a..b);
                prop_assert!(r.start <= r.end && r.end <= clean.len(), "{a}..{b} -> {r:?}");
                prop_assert!(clean.is_char_boundary(r.start) && clean.is_char_boundary(r.end));
                // Later starts map to later (or equal) starts.
                prop_assert!(norm.to_clean(a..a).start <= norm.to_clean(b..b).start);
            }
            // Text without anything to normalise (no capital to part glued words at) maps one
            // to one.
            let plain: String =
                clean.chars().filter(|c| c.is_ascii_lowercase() || c.is_ascii_digit()).collect();
            let n = normalise(&plain);
            prop_assert_eq!(&n.text, &plain);
            let mid = plain.len() / 2;
            prop_assert_eq!(n.to_clean(mid..plain.len()), mid..plain.len());
            Ok(())
        })
        .unwrap();
}

#[test]
fn each_rule_family_survives_mutants_with_exact_evidence() {
    runner(8)
        .run(&case(), |(i, muts)| {
            let docs = fixtures();
            let (path, bytes) = &docs[i % docs.len()];
            let Ok(ing) = cdv::ingest::ingest(&mutate(bytes, &muts), Some(path)) else {
                return Ok(());
            };
            let norm = normalise(&ing.clean);
            let doc = Doc { id: "fuzz", format: ing.format, clean: &ing.clean, norm: &norm };
            for family in rules::FAMILIES {
                let c = rules::extract_families(&doc, &[family]);
                let evidence: Vec<&cdv::record::Evidence> = c
                    .titles
                    .iter()
                    .map(|t| &t.evidence)
                    .chain(c.dates.iter().map(|d| &d.evidence))
                    .chain(c.people.iter().map(|d| &d.evidence))
                    .chain(c.organizations.iter().map(|d| &d.evidence))
                    .chain(c.territories.iter().map(|d| &d.evidence))
                    .chain(c.quartiers.iter().map(|d| &d.evidence))
                    .chain(c.figures.iter().map(|d| &d.evidence))
                    .collect();
                check_evidence(&ing.clean, &evidence)?;
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn the_whole_pipeline_survives_mutants_without_internal_errors() {
    runner(12)
        .run(&case(), |(i, muts)| {
            let docs = fixtures();
            let (path, bytes) = &docs[i % docs.len()];
            let bytes = mutate(bytes, &muts);
            // Small windows too, so the windowed path is fuzzed on fixture-sized documents.
            for window_bytes in [pipeline::DEFAULT_WINDOW_BYTES, 700] {
                let opts = Options { window_bytes, time_budget: None, ..Options::default() };
                let p = pipeline::process_bytes("fuzz", "fuzz", &bytes, Some(path), &opts);
                let r = &p.record;
                prop_assert!(r.errors.iter().all(|e| e.kind != "internal"), "{:?}", r.errors);
                let failed: Vec<_> =
                    r.warnings.iter().filter(|w| w.kind == "pipeline.rule_failed").collect();
                prop_assert!(failed.is_empty(), "{failed:?}");
                if let Some(clean) = &p.clean {
                    check_evidence(clean, &r.evidences())?;
                }
            }
            Ok(())
        })
        .unwrap();
}

#[test]
fn text_read_as_markdown_or_html_or_text_keeps_exact_evidence() {
    // The same mutated text under each format's reading.
    runner(6)
        .run(&case(), |(i, muts)| {
            let docs = fixtures();
            let (_, bytes) = &docs[i % docs.len()];
            let text = String::from_utf8_lossy(&mutate(bytes, &muts)).into_owned();
            for format in [Format::Text, Format::Markdown, Format::Html] {
                let norm = normalise(&text);
                let doc = Doc { id: "fuzz", format, clean: &text, norm: &norm };
                let opts = Options { window_bytes: 900, time_budget: None, ..Options::default() };
                let c = pipeline::extract(&doc, &opts);
                let evidence: Vec<&cdv::record::Evidence> = c
                    .dates
                    .iter()
                    .map(|d| &d.evidence)
                    .chain(c.people.iter().map(|d| &d.evidence))
                    .chain(c.organizations.iter().map(|d| &d.evidence))
                    .chain(c.quartiers.iter().map(|d| &d.evidence))
                    .chain(c.figures.iter().map(|d| &d.evidence))
                    .collect();
                check_evidence(&text, &evidence)?;
                prop_assert!(c.warnings.iter().all(|w| w.kind != "pipeline.rule_failed"));
            }
            Ok(())
        })
        .unwrap();
}
