//! One document from bytes to record: ingest, normalise, rules, merger.

use std::ops::Range;
use std::path::Path;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use sha2::{Digest, Sha256};

use crate::ingest::{self, IngestError, normalise::normalise};
use crate::record::{DocumentRecord, ErrorEntry, Evidence, Format, Source, Warning};
use crate::rules::{self, Candidates, Doc};
use crate::{merge, sort};

/// Limits and switches for processing one document.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Larger inputs are refused with a `too_large` error.
    pub max_bytes: u64,
    /// Rules stop starting new windows of a document after this long; the record then says
    /// which part of the text they did not read (`pipeline.time_budget` warning). `None`: no limit.
    pub time_budget: Option<Duration>,
    /// Clean texts longer than this are read by the rules in windows of about this many bytes
    /// (see [`windows`]).
    pub window_bytes: usize,
}

/// The default per-document time budget of the rules, in seconds.
pub const DEFAULT_TIME_BUDGET_SECS: u64 = 30;

/// The default window size: larger than nearly every press release or web page (the largest
/// fixture is under 8 KB of clean text), so those are read whole; a full contract converted
/// from PDF (0.3-1 MB) is read in windows. Small enough that one window costs at most a few
/// seconds even on text built to be slow (a rule family can be quadratic within a window), so
/// the time budget is kept to within that.
pub const DEFAULT_WINDOW_BYTES: usize = 16 * 1024;

/// Context read before each window after the first, so a rule sees the heading or sentence that
/// introduces the window's first lines; what the rules find there belongs to the window before.
const WINDOW_CONTEXT: usize = 1024;

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: ingest::DEFAULT_MAX_BYTES,
            time_budget: Some(Duration::from_secs(DEFAULT_TIME_BUDGET_SECS)),
            window_bytes: DEFAULT_WINDOW_BYTES,
        }
    }
}

/// A processed document: its record and, when it could be read, its clean text.
#[derive(Debug, Clone)]
pub struct Processed {
    pub record: DocumentRecord,
    pub clean: Option<String>,
}

impl Processed {
    /// The ingest error, when the document could not be read.
    pub fn failed(&self) -> bool {
        !self.record.errors.is_empty()
    }
}

/// Reads and processes the file at `path`, under the record id `id`.
pub fn process_file(id: &str, path: &Path, opts: &Options) -> Processed {
    let display = path.display().to_string();
    let read = std::fs::metadata(path).map_err(IngestError::Io).and_then(|m| {
        if m.len() > opts.max_bytes {
            Err(IngestError::TooLarge { size: m.len(), limit: opts.max_bytes })
        } else {
            std::fs::read(path).map_err(IngestError::Io)
        }
    });
    match read {
        Ok(bytes) => process_bytes(id, &display, &bytes, Some(path), opts),
        Err(e) => {
            let size = std::fs::metadata(path).map(|m| m.len()).unwrap_or(0);
            failed(id, &display, "", size, guess_format(Some(path)), &e)
        }
    }
}

/// Processes raw bytes (a file's content or standard input). A bug that makes a rule panic on
/// this document gives it a record with an `internal` error instead of ending the batch.
pub fn process_bytes(
    id: &str,
    display: &str,
    bytes: &[u8],
    path: Option<&Path>,
    opts: &Options,
) -> Processed {
    guarded(id, display, bytes, path, || analyse(id, display, bytes, path, opts))
}

/// Runs `work`, turning a panic into a record with an `internal` error.
fn guarded(
    id: &str,
    display: &str,
    bytes: &[u8],
    path: Option<&Path>,
    work: impl FnOnce() -> Processed,
) -> Processed {
    match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
        Ok(done) => done,
        Err(panic) => {
            let why = panic_message(&*panic);
            let source = Source {
                path: display.to_owned(),
                sha256: hex_sha256(bytes),
                bytes: bytes.len() as u64,
                format: guess_format(path),
                encoding: None,
            };
            let mut record = DocumentRecord::empty(id, source);
            record.errors = vec![ErrorEntry {
                kind: "internal".into(),
                message: format!("cdv failed on this document (a bug, please report it): {why}"),
            }];
            Processed { record, clean: None }
        }
    }
}

fn analyse(
    id: &str,
    display: &str,
    bytes: &[u8],
    path: Option<&Path>,
    opts: &Options,
) -> Processed {
    let sha = hex_sha256(bytes);
    if bytes.len() as u64 > opts.max_bytes {
        let e = IngestError::TooLarge { size: bytes.len() as u64, limit: opts.max_bytes };
        return failed(id, display, &sha, bytes.len() as u64, guess_format(path), &e);
    }
    let ing = match ingest::ingest(bytes, path) {
        Ok(i) => i,
        Err(e) => return failed(id, display, &sha, bytes.len() as u64, guess_format(path), &e),
    };
    let norm = normalise(&ing.clean);
    let doc = Doc { id, format: ing.format, clean: &ing.clean, norm: &norm };
    let mut cands = extract(&doc, opts);
    merge::link::link(&doc, &mut cands);
    let merged = merge::document(&doc, &cands);
    let mut record = DocumentRecord {
        id: id.to_owned(),
        source: Source {
            path: display.to_owned(),
            sha256: sha,
            bytes: bytes.len() as u64,
            format: ing.format,
            encoding: Some(ing.encoding.clone()),
        },
        title: cands.titles.first().cloned(),
        published: merged.published,
        dates: cands.dates,
        people: cands.people,
        organizations: cands.organizations,
        territories: cands.territories,
        quartiers: cands.quartiers,
        figures: cands.figures,
        contracts: merged.contracts,
        conflicts: merged.conflicts,
        warnings: ing.warnings.into_iter().chain(cands.warnings).chain(merged.warnings).collect(),
        errors: vec![],
    };
    sort::record(&mut record);
    Processed { record, clean: Some(ing.clean) }
}

/// Runs every rule on `doc`, then each family's resolve step (what [`rules::extract`] does),
/// with bounded work: a text longer than `opts.window_bytes` is read by the rules window by
/// window (windows in parallel, spans shifted back into the document), so the rules' cost grows
/// linearly with the document's size whatever each rule costs on one window; windows not started
/// within `opts.time_budget` are left unread, with a warning. A rule that panics loses its own
/// candidates on that window, with a `pipeline.rule_failed` warning, not the document.
pub fn extract(doc: &Doc, opts: &Options) -> Candidates {
    let started = Instant::now();
    let ranges = windows(doc.clean, opts.window_bytes);
    let mut out = Candidates::default();
    if ranges.len() <= 1 {
        apply_rules(doc, &mut out);
    } else {
        let over = || opts.time_budget.is_some_and(|b| started.elapsed() > b);
        let parts: Vec<Option<Candidates>> = ranges
            .par_iter()
            .enumerate()
            .map(|(i, r)| (!over()).then(|| window_candidates(doc, i, r.clone())))
            .collect();
        let mut skipped: Vec<Range<usize>> = Vec::new();
        for (part, r) in parts.into_iter().zip(&ranges) {
            match part {
                Some(c) => append(&mut out, c),
                None => skipped.push(r.clone()),
            }
        }
        out.warnings.sort();
        out.warnings.dedup();
        if let (Some(first), Some(budget)) = (skipped.first(), opts.time_budget) {
            let unread: usize = skipped.iter().map(|r| r.len()).sum();
            out.warnings.push(Warning {
                kind: "pipeline.time_budget".into(),
                message: format!(
                    "the rules stopped after their {}-second budget: {} of {} windows ({unread} bytes \
                     of clean text, from byte {}) were not read",
                    budget.as_secs(),
                    skipped.len(),
                    ranges.len(),
                    first.start
                ),
                span: None,
            });
        }
    }
    // On a windowed document the families whose resolve step scans the whole text once per
    // candidate (orgs, quartiers, territories: quadratic in the document's size) resolved window
    // by window.
    let skip: &[&str] = if ranges.len() <= 1 { &[] } else { WINDOW_RESOLVED };
    resolve(doc, &mut out, skip);
    out
}

/// Families resolved within each window of a windowed document rather than on the whole text.
const WINDOW_RESOLVED: &[&str] = &["orgs", "quartiers", "territories"];

/// Every rule of the registry on `doc`, each guarded: a panic (a bug) costs that rule's
/// candidates and leaves a warning.
fn apply_rules(doc: &Doc, out: &mut Candidates) {
    // The rules are independent: they run in parallel (a one-document run compiles the patterns
    // of several rules at once) and their candidates are appended in registry order.
    let runs: Vec<_> = rules::registry()
        .par_iter()
        .map(|rule| {
            let mut found = Candidates::default();
            let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                rule.apply(doc, &mut found);
            }));
            (rule, run.map(|()| found))
        })
        .collect();
    for (rule, run) in runs {
        match run {
            Ok(found) => append(out, found),
            Err(panic) => out.warnings.push(Warning {
                kind: "pipeline.rule_failed".into(),
                message: format!(
                    "rule {} failed on this document (a bug, please report it): {}",
                    rule.id(),
                    panic_message(&*panic)
                ),
                span: None,
            }),
        }
    }
}

/// Each family's resolve step but those of `skip`, in [`rules::FAMILIES`] order (as
/// [`rules::extract`] runs them), each guarded: a panic (a bug) leaves the candidates as they
/// were before that step, and a warning.
fn resolve(doc: &Doc, out: &mut Candidates, skip: &[&str]) {
    for family in rules::FAMILIES.iter().filter(|f| !skip.contains(f)) {
        let before = out.clone();
        let run = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            rules::resolve_family(family, doc, out);
        }));
        if let Err(panic) = run {
            *out = before;
            out.warnings.push(Warning {
                kind: "pipeline.rule_failed".into(),
                message: format!(
                    "the {family} resolve step failed on this document (a bug, please report \
                     it): {}",
                    panic_message(&*panic)
                ),
                span: None,
            });
        }
    }
}

/// The rules' candidates on window `i` (`range` of the clean text), in document offsets: the
/// window is read with up to [`WINDOW_CONTEXT`] bytes of the lines before it, and what is found
/// there is dropped (the window before has it). Titles come from the first window only.
fn window_candidates(doc: &Doc, i: usize, range: Range<usize>) -> Candidates {
    let from = if i == 0 { range.start } else { context_start(doc.clean, range.start) };
    let clean = &doc.clean[from..range.end];
    // A window that is the whole text reads the document's own normalised view (and its
    // analyses, which the link stage then finds computed) instead of normalising it again.
    let own_norm;
    let norm = if clean.len() == doc.clean.len() {
        doc.norm
    } else {
        own_norm = normalise(clean);
        &own_norm
    };
    let sub = Doc { id: doc.id, format: doc.format, clean, norm };
    let mut found = Candidates::default();
    apply_rules(&sub, &mut found);
    let others: Vec<&str> =
        rules::FAMILIES.iter().copied().filter(|f| !WINDOW_RESOLVED.contains(f)).collect();
    resolve(&sub, &mut found, &others);
    let own = range.start - from;
    let keep = |e: &mut Evidence| {
        if e.span[0] < own {
            return false;
        }
        e.span = [e.span[0] + from, e.span[1] + from];
        true
    };
    let mut out = Candidates::default();
    if i == 0 {
        out.titles = found.titles;
    }
    out.dates =
        found.dates.into_iter().filter_map(|mut c| keep(&mut c.evidence).then_some(c)).collect();
    out.people =
        found.people.into_iter().filter_map(|mut c| keep(&mut c.evidence).then_some(c)).collect();
    out.organizations = found
        .organizations
        .into_iter()
        .filter_map(|mut c| keep(&mut c.evidence).then_some(c))
        .collect();
    out.territories = found
        .territories
        .into_iter()
        .filter_map(|mut c| keep(&mut c.evidence).then_some(c))
        .collect();
    out.quartiers = found
        .quartiers
        .into_iter()
        .filter_map(|mut c| keep(&mut c.evidence).then_some(c))
        .collect();
    out.figures =
        found.figures.into_iter().filter_map(|mut c| keep(&mut c.evidence).then_some(c)).collect();
    out.warnings = found
        .warnings
        .into_iter()
        .filter_map(|mut w| match w.span {
            Some([s, _]) if s < own => None,
            Some([s, e]) => {
                w.span = Some([s + from, e + from]);
                Some(w)
            }
            None => Some(w),
        })
        .collect();
    out
}

/// Where the context of a window starting at `start` begins: the start of a line at most
/// [`WINDOW_CONTEXT`] bytes before it (or that many bytes before, on a character boundary, when no
/// line starts there).
fn context_start(text: &str, start: usize) -> usize {
    let lo = text.floor_char_boundary(start.saturating_sub(WINDOW_CONTEXT));
    if lo == 0 {
        return 0;
    }
    match text[lo..start].find('\n') {
        Some(nl) if lo + nl + 1 < start => lo + nl + 1,
        _ => text.ceil_char_boundary(lo),
    }
}

/// Cuts `text` into consecutive ranges of at most `max` bytes (one range when it is that short),
/// each ending, by preference, after a blank line, else after a line break, else after a
/// sentence's full stop, else after a space, else on a character boundary. Cuts are only looked
/// for in the last three quarters of a window, so every window but the last is at least a
/// quarter full and the number of windows stays linear in the text's size.
pub fn windows(text: &str, max: usize) -> Vec<Range<usize>> {
    let max = max.max(16);
    let mut out = Vec::new();
    let mut start = 0;
    while text.len() - start > max {
        let limit = text.floor_char_boundary(start + max);
        let slice = &text[start..limit];
        let min = max / 4;
        let after = |at: Option<usize>, len: usize| at.map(|i| i + len).filter(|&c| c > min);
        let cut = after(slice.rfind("\n\n"), 2)
            .or_else(|| after(slice.rfind('\n'), 1))
            .or_else(|| after(slice.rfind(". "), 2))
            .or_else(|| after(slice.rfind(' '), 1))
            .unwrap_or(slice.len());
        let cut = if cut == 0 { text.ceil_char_boundary(start + 1) - start } else { cut };
        out.push(start..start + cut);
        start += cut;
    }
    if start < text.len() || out.is_empty() {
        out.push(start..text.len());
    }
    out
}

/// Moves the candidates of `from` to the end of `to`.
fn append(to: &mut Candidates, from: Candidates) {
    let Candidates {
        titles,
        dates,
        people,
        organizations,
        territories,
        quartiers,
        figures,
        warnings,
    } = from;
    to.titles.extend(titles);
    to.dates.extend(dates);
    to.people.extend(people);
    to.organizations.extend(organizations);
    to.territories.extend(territories);
    to.quartiers.extend(quartiers);
    to.figures.extend(figures);
    to.warnings.extend(warnings);
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| (*s).to_owned())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown cause".into())
}

/// A short document in our own words on which every family finds something, to check at
/// start-up that user rule data (`--rules`) does not make a rule fail.
const SAMPLE: &str = "Lille, le 3 mars 2024\n\nLe contrat de ville 2024-2030 de la Métropole \
    Européenne de Lille a été signé par le préfet du Nord, Jean Martin, et la Région. Il concerne \
    12 000 habitants des quartiers prioritaires (Bourgogne ; Les Oliveaux).\n";

/// Runs the whole pipeline once on a sample document: a rule or its data that fails (a panic,
/// a poisoned lazy table) is reported here, once, rather than on every document.
pub fn check_rule_data() -> Result<(), String> {
    let p = process_bytes("sample", "sample", SAMPLE.as_bytes(), None, &Options::default());
    let failures: Vec<String> = p
        .record
        .errors
        .iter()
        .map(|e| e.message.clone())
        .chain(
            p.record
                .warnings
                .iter()
                .filter(|w| w.kind == "pipeline.rule_failed")
                .map(|w| w.message.clone()),
        )
        .collect();
    if failures.is_empty() { Ok(()) } else { Err(failures.join("; ")) }
}

fn guess_format(path: Option<&Path>) -> Format {
    ingest::detect_format(path, "")
}

fn failed(
    id: &str,
    display: &str,
    sha: &str,
    bytes: u64,
    format: Format,
    e: &IngestError,
) -> Processed {
    let source =
        Source { path: display.to_owned(), sha256: sha.to_owned(), bytes, format, encoding: None };
    let mut record = DocumentRecord::empty(id, source);
    record.errors = vec![ErrorEntry { kind: e.kind().to_owned(), message: e.to_string() }];
    Processed { record, clean: None }
}

fn hex_sha256(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_text_on_char_boundaries_preferring_blank_lines() {
        let text = "Un paragraphe court.\n\nUn autre, plus long que le premier.\n\nFin é.\n";
        assert_eq!(windows(text, 1000), vec![0..text.len()]);
        let w = windows(text, 40);
        assert_eq!(w[0], 0..22, "cut after the blank line");
        for pair in w.windows(2) {
            assert_eq!(pair[0].end, pair[1].start);
        }
        assert_eq!(w.last().map(|r| r.end), Some(text.len()));
        // One long line of multi-byte characters: cut on character boundaries.
        let line = "é\u{3000}".repeat(500);
        let w = windows(&line, 64);
        assert!(w.iter().all(|r| line.is_char_boundary(r.start) && line.is_char_boundary(r.end)));
        assert!(w.iter().all(|r| r.len() <= 64 && !r.is_empty()));
        assert_eq!(w.last().map(|r| r.end), Some(line.len()));
        assert_eq!(windows("", 64), vec![0..0]);
    }

    #[test]
    fn windowed_rules_find_what_whole_rules_find_on_separate_paragraphs() {
        let para =
            "Le contrat de ville de Roubaix a été signé le 2 juillet 2024 par le préfet.\n\n";
        let text = para.repeat(40);
        let norm = normalise(&text);
        let doc = Doc { id: "t", format: Format::Text, clean: &text, norm: &norm };
        let whole = extract(&doc, &Options { window_bytes: usize::MAX, ..Options::default() });
        let windowed = extract(&doc, &Options { window_bytes: 500, ..Options::default() });
        let spans = |c: &Candidates| c.dates.iter().map(|d| d.evidence.span).collect::<Vec<_>>();
        assert!(!spans(&whole).is_empty());
        assert_eq!(spans(&whole), spans(&windowed));
        for d in &windowed.dates {
            assert_eq!(&text[d.evidence.span[0]..d.evidence.span[1]], d.evidence.text);
        }
    }

    #[test]
    fn a_spent_time_budget_leaves_a_warning_not_a_failure() {
        let text = "Le contrat de ville a été signé le 2 juillet 2024.\n\n".repeat(200);
        let norm = normalise(&text);
        let doc = Doc { id: "t", format: Format::Text, clean: &text, norm: &norm };
        let opts =
            Options { window_bytes: 256, time_budget: Some(Duration::ZERO), ..Options::default() };
        let c = extract(&doc, &opts);
        assert!(c.warnings.iter().any(|w| w.kind == "pipeline.time_budget"), "{:?}", c.warnings);
    }

    #[test]
    fn a_panicking_document_gets_an_internal_error_record() {
        let p = guarded("x", "x.txt", b"abc", None, || panic!("rule bug"));
        assert_eq!(p.record.id, "x");
        assert_eq!(p.record.errors.len(), 1);
        assert_eq!(p.record.errors[0].kind, "internal");
        assert!(p.record.errors[0].message.contains("rule bug"));
        assert!(p.failed());
    }
}
