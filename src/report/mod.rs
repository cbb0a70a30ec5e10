//! `cdv report`: a static HTML review report of an output folder.
//!
//! An index of the contracts (territory, code, generation, dates, counts, conflicts, sources) and
//! of the documents, and one page per document: its clean text with every evidence span
//! highlighted by field (the rule id and the value on hover), the conflicts and warnings flagged,
//! and the record beside it. Plain HTML and inline CSS: no script, no network (a Content Security
//! Policy forbids both), so the folder can be opened from disk or mailed. Every piece of document
//! text goes through [`escape`]: a hostile document cannot inject markup.
//!
//! The clean text is read from `OUT/text/<id>.txt` when `extract --emit-text` wrote it, else
//! rebuilt from the source file when its SHA-256 still matches the record's.

mod html;

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::export::model::{ContractRecord, Document};
use crate::export::{ExportError, read_contracts, read_documents};

pub use html::{escape, highlight, page_name};

/// Why a report could not be written.
#[derive(Debug, Error)]
pub enum ReportError {
    #[error(transparent)]
    Records(#[from] ExportError),
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
}

/// What a report wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub pages: usize,
    /// Documents whose clean text could not be found (their page shows the record only).
    pub without_text: usize,
    pub contracts: usize,
}

/// Writes the report of the records in `records_dir` into `out_dir`: `index.html` and
/// `docs/<id>.html`.
pub fn write(records_dir: &Path, out_dir: &Path) -> Result<Summary, ReportError> {
    let documents = read_documents(&records_dir.join("documents.jsonl"))?;
    let contracts_path = records_dir.join("contracts.jsonl");
    let contracts: Vec<ContractRecord> =
        if contracts_path.exists() { read_contracts(&contracts_path)? } else { vec![] };
    let lines = raw_lines(&records_dir.join("documents.jsonl"))?;
    let docs_dir = out_dir.join("docs");
    std::fs::create_dir_all(&docs_dir)
        .map_err(|source| ReportError::Io { path: docs_dir.clone(), source })?;
    let mut summary = Summary { contracts: contracts.len(), ..Summary::default() };
    let records: Vec<&Document> = documents.iter().map(|d| &d.record).collect();
    for (d, line) in records.iter().zip(&lines) {
        let clean = clean_text(records_dir, d);
        if clean.is_none() {
            summary.without_text += 1;
        }
        let record_json = serde_json::from_str::<serde_json::Value>(line)
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_else(|_| line.clone());
        let page = html::document_page(d, clean.as_deref(), &record_json, &contracts);
        let path = docs_dir.join(page_name(&d.id));
        crate::write::bytes(&path, page.as_bytes())
            .map_err(|source| ReportError::Io { path, source })?;
        summary.pages += 1;
    }
    let index = html::index_page(&records, &contracts);
    let path = out_dir.join("index.html");
    crate::write::bytes(&path, index.as_bytes())
        .map_err(|source| ReportError::Io { path, source })?;
    Ok(summary)
}

fn raw_lines(path: &Path) -> Result<Vec<String>, ReportError> {
    let text = std::fs::read_to_string(path)
        .map_err(|source| ReportError::Io { path: path.to_owned(), source })?;
    Ok(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned).collect())
}

/// The document's clean text: `text/<id>.txt`, else the source file ingested again when it is
/// still the one the record was made from.
pub fn clean_text(records_dir: &Path, d: &Document) -> Option<String> {
    if let Ok(t) = std::fs::read_to_string(records_dir.join("text").join(format!("{}.txt", d.id))) {
        return Some(t);
    }
    if d.source.path.is_empty() || d.source.path == "-" {
        return None;
    }
    let path = Path::new(&d.source.path);
    let bytes = std::fs::read(path).ok()?;
    let sha: String = Sha256::digest(&bytes).iter().map(|b| format!("{b:02x}")).collect();
    if sha != d.source.sha256 {
        return None;
    }
    crate::ingest::ingest(&bytes, Some(path)).ok().map(|i| i.clean)
}
