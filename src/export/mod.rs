//! Outputs for databases: SQLite (`cdv.sqlite`) and CSV (`csv/<table>.csv`), made from the
//! records `cdv extract` writes, and the bookkeeping of incremental runs.
//!
//! [`write_formats`] reads `documents.jsonl` and `contracts.jsonl` back (tolerantly, see
//! [`model`]), flattens them into the tables of [`tables`] and writes each format asked for:
//! [`sqlite`] updates an existing database in one transaction, [`csv`] rewrites each file
//! atomically. [`incremental`] decides which documents of a re-run can keep their record.

pub mod csv;
pub mod incremental;
pub mod model;
pub mod sqlite;
pub mod tables;

use std::io::BufRead;
use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use thiserror::Error;

use model::{ContractRecord, Document};
use tables::Rows;

/// An output format of `cdv extract --format`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum OutputFormat {
    /// `documents.jsonl` and `contracts.jsonl` (always written by `extract`).
    Jsonl,
    /// `cdv.sqlite`.
    Sqlite,
    /// `csv/<table>.csv`.
    Csv,
}

impl std::str::FromStr for OutputFormat {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, String> {
        match s.trim().to_ascii_lowercase().as_str() {
            "jsonl" | "json" => Ok(OutputFormat::Jsonl),
            "sqlite" | "db" => Ok(OutputFormat::Sqlite),
            "csv" => Ok(OutputFormat::Csv),
            other => Err(format!("unknown format `{other}` (expected jsonl, sqlite or csv)")),
        }
    }
}

/// The SQLite file name in the output folder.
pub const SQLITE_FILE: &str = "cdv.sqlite";
/// The CSV folder name in the output folder.
pub const CSV_DIR: &str = "csv";

/// Why an export failed.
#[derive(Debug, Error)]
pub enum ExportError {
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}:{line}: not a record: {source}")]
    Json { path: PathBuf, line: usize, source: serde_json::Error },
    #[error("{path}: {source}")]
    Sqlite { path: PathBuf, source: rusqlite::Error },
}

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Summary {
    pub sqlite: Option<sqlite::Changes>,
    pub csv_files: Option<usize>,
}

impl std::fmt::Display for Summary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let mut parts = Vec::new();
        if let Some(c) = &self.sqlite {
            parts.push(format!(
                "{SQLITE_FILE}: {} inserted, {} updated, {} deleted, {} unchanged documents, {} contracts",
                c.inserted, c.updated, c.deleted, c.unchanged, c.contracts
            ));
        }
        if let Some(n) = self.csv_files {
            parts.push(format!("{CSV_DIR}/: {n} tables"));
        }
        f.write_str(&parts.join("; "))
    }
}

/// A `documents.jsonl` line read back, with the hash of its text.
pub struct LoadedDocument {
    pub record: Document,
    pub line_sha256: String,
}

/// Reads `documents.jsonl` tolerantly.
pub fn read_documents(path: &Path) -> Result<Vec<LoadedDocument>, ExportError> {
    read_lines(path, |line| {
        let record: Document = serde_json::from_str(line)?;
        let line_sha256 = incremental::hex(&Sha256::digest(line.as_bytes()));
        Ok(LoadedDocument { record, line_sha256 })
    })
}

/// Reads `contracts.jsonl` tolerantly.
pub fn read_contracts(path: &Path) -> Result<Vec<ContractRecord>, ExportError> {
    read_lines(path, |line| serde_json::from_str(line))
}

fn read_lines<T>(
    path: &Path,
    parse: impl Fn(&str) -> Result<T, serde_json::Error>,
) -> Result<Vec<T>, ExportError> {
    let io = |source| ExportError::Io { path: path.to_owned(), source };
    let file = std::fs::File::open(path).map_err(io)?;
    let mut out = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(io)?;
        if line.trim().is_empty() {
            continue;
        }
        let item = parse(&line).map_err(|source| ExportError::Json {
            path: path.to_owned(),
            line: n + 1,
            source,
        })?;
        out.push(item);
    }
    Ok(out)
}

/// Writes the database formats of `formats` into `out_dir`, from the `documents.jsonl` and
/// `contracts.jsonl` found in `records_dir` (often the same folder). JSONL is left as it is.
pub fn write_formats(
    records_dir: &Path,
    out_dir: &Path,
    formats: &[OutputFormat],
) -> Result<Summary, ExportError> {
    let mut summary = Summary::default();
    let want_sqlite = formats.contains(&OutputFormat::Sqlite);
    let want_csv = formats.contains(&OutputFormat::Csv);
    if !want_sqlite && !want_csv {
        return Ok(summary);
    }
    let documents = read_documents(&records_dir.join("documents.jsonl"))?;
    let contracts = read_contracts(&records_dir.join("contracts.jsonl"))?;
    let records: Vec<Document> = documents.iter().map(|d| d.record.clone()).collect();
    let contract_rows = tables::contract_rows(&contracts, &records);
    let docs: Vec<sqlite::DocRows> = documents
        .iter()
        .map(|d| sqlite::DocRows {
            id: d.record.id.clone(),
            record_sha256: d.line_sha256.clone(),
            rows: tables::document_rows(&d.record, &d.line_sha256),
        })
        .collect();
    let rules_hash = std::fs::read_to_string(records_dir.join(incremental::INDEX))
        .ok()
        .and_then(|t| serde_json::from_str::<incremental::Index>(&t).ok())
        .map(|i| i.rules_hash)
        .unwrap_or_default();
    let io = |path: PathBuf| move |source| ExportError::Io { path, source };
    std::fs::create_dir_all(out_dir).map_err(io(out_dir.to_owned()))?;
    if want_sqlite {
        let path = out_dir.join(SQLITE_FILE);
        let meta = [
            ("cdv_version", env!("CARGO_PKG_VERSION").to_owned()),
            ("rules_hash", rules_hash.clone()),
        ];
        let changes = sqlite::write(&path, &docs, &contract_rows, &meta)
            .map_err(|source| ExportError::Sqlite { path, source })?;
        summary.sqlite = Some(changes);
    }
    if want_csv {
        let mut all: Rows = contract_rows;
        for d in docs {
            for (table, rows) in d.rows {
                all.entry(table).or_default().extend(rows);
            }
        }
        all.insert(
            "meta",
            vec![
                vec!["schema_version".into(), tables::SCHEMA_VERSION.to_string().into()],
                vec!["cdv_version".into(), env!("CARGO_PKG_VERSION").into()],
                vec!["rules_hash".into(), rules_hash.into()],
            ],
        );
        let dir = out_dir.join(CSV_DIR);
        let n = csv::write(&dir, &all).map_err(io(dir))?;
        summary.csv_files = Some(n);
    }
    Ok(summary)
}
