//! One document from bytes to record: ingest, normalise, rules, merger.

use std::path::Path;

use sha2::{Digest, Sha256};

use crate::ingest::{self, IngestError, normalise::normalise};
use crate::record::{DocumentRecord, ErrorEntry, Format, Source};
use crate::rules::{self, Doc};
use crate::{merge, sort};

/// Limits and switches for processing one document.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Larger inputs are refused with a `too_large` error.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Self {
        Options { max_bytes: ingest::DEFAULT_MAX_BYTES }
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
            let why = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown cause".into());
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
    let mut cands = rules::extract(&doc);
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
    fn a_panicking_document_gets_an_internal_error_record() {
        let p = guarded("x", "x.txt", b"abc", None, || panic!("rule bug"));
        assert_eq!(p.record.id, "x");
        assert_eq!(p.record.errors.len(), 1);
        assert_eq!(p.record.errors[0].kind, "internal");
        assert!(p.record.errors[0].message.contains("rule bug"));
        assert!(p.failed());
    }
}
