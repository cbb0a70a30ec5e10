//! Incremental runs: reuse the records of documents that did not change since the last run.
//!
//! `cdv extract` writes `OUT/index.json` after `documents.jsonl`: the rule-data hash the records
//! were made with, the `--max-bytes` limit and the SHA-256 of `documents.jsonl`. On the next run
//! into the same folder, a document whose raw bytes have the SHA-256 and path of its previous
//! record is not processed again, its record line is reused, as long as the rule-data hash is the
//! same (rule files, `--rules` overrides, `cdv` version and build) and `documents.jsonl` is the
//! one the index describes. Records with errors are always processed again.

use std::collections::HashMap;
use std::fs::File;
use std::io::{BufRead, BufReader, Read, Seek, SeekFrom};
use std::path::Path;
use std::sync::Mutex;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::batch::{Input, Inputs};
use crate::pipeline::Processed;
use crate::record::DocumentRecord;

/// The file name of the index, in the output folder.
pub const INDEX: &str = "index.json";

/// What the index file holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub cdv_version: String,
    pub rules_hash: String,
    pub max_bytes: u64,
    /// SHA-256 of the `documents.jsonl` written with this index.
    pub documents_sha256: String,
}

/// A previous record: the raw input's SHA-256 and path, and where its line of `documents.jsonl`
/// is (the lines stay on disk until a record is reused, so memory does not grow with the batch).
#[derive(Debug, Clone)]
pub struct PreviousRecord {
    pub sha256: String,
    pub path: String,
    pub line: LineAt,
}

/// One line of the previous `documents.jsonl`: its byte offset and length (newline excluded).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineAt {
    pub offset: u64,
    pub len: usize,
}

/// The records of the previous run, by id; empty when they cannot be reused.
#[derive(Debug, Default)]
pub struct Previous {
    pub by_id: HashMap<String, PreviousRecord>,
    /// The previous `documents.jsonl`, open for reading the reused lines.
    file: Option<Mutex<File>>,
}

impl Previous {
    /// Loads the previous records of `out_dir` that this build may reuse: none when there is no
    /// index, when it was made with other rules or limits, or when `documents.jsonl` changed
    /// since. Reads `documents.jsonl` twice as a stream (hash, then lines); only a line that
    /// reads back as a record is kept.
    pub fn load(out_dir: &Path, max_bytes: u64) -> Previous {
        let Ok(text) = std::fs::read_to_string(out_dir.join(INDEX)) else {
            return Previous::default();
        };
        let Ok(index) = serde_json::from_str::<Index>(&text) else { return Previous::default() };
        if index.rules_hash != rules_hash() || index.max_bytes != max_bytes {
            return Previous::default();
        }
        let docs_path = out_dir.join("documents.jsonl");
        if file_sha256(&docs_path).ok() != Some(index.documents_sha256) {
            return Previous::default();
        }
        let Ok(file) = File::open(&docs_path) else { return Previous::default() };
        let mut by_id = HashMap::new();
        let mut reader = BufReader::new(&file);
        let (mut offset, mut buf) = (0u64, Vec::new());
        loop {
            buf.clear();
            match reader.read_until(b'\n', &mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    let at = LineAt { offset, len: buf.strip_suffix(b"\n").unwrap_or(&buf).len() };
                    offset += n as u64;
                    let Ok(r) = serde_json::from_slice::<DocumentRecord>(&buf) else {
                        continue;
                    };
                    if r.errors.is_empty() && !r.source.sha256.is_empty() {
                        let prev = PreviousRecord {
                            sha256: r.source.sha256,
                            path: r.source.path,
                            line: at,
                        };
                        by_id.insert(r.id, prev);
                    }
                }
            }
        }
        Previous { by_id, file: Some(Mutex::new(file)) }
    }

    /// The record on the previous line `at`.
    pub fn record(&self, at: LineAt) -> std::io::Result<DocumentRecord> {
        let file =
            self.file.as_ref().ok_or_else(|| std::io::Error::other("no previous records"))?;
        let mut file =
            file.lock().map_err(|_| std::io::Error::other("previous records poisoned"))?;
        let mut line = vec![0; at.len];
        file.seek(SeekFrom::Start(at.offset))?;
        file.read_exact(&mut line)?;
        serde_json::from_slice(&line).map_err(std::io::Error::other)
    }
}

/// A document whose previous record is reused: its id and where its line is.
#[derive(Debug, Clone)]
pub struct Reused {
    pub id: String,
    pub line: LineAt,
}

/// The inputs to process and the records reused.
#[derive(Debug, Default)]
pub struct Plan {
    pub todo: Inputs,
    /// In input (id) order; read each with [`Plan::record`] when it is written.
    pub reused: Vec<Reused>,
    previous: Previous,
}

impl Plan {
    /// The reused record `r`, read back from the previous `documents.jsonl`.
    pub fn record(&self, r: &Reused) -> std::io::Result<Processed> {
        Ok(Processed { record: self.previous.record(r.line)?, clean: None })
    }
}

/// Splits `inputs` into those to process and the unchanged ones whose previous record is reused.
/// `full` processes everything; `text_dir`, when clean texts are wanted, makes a document
/// without its text file processed again.
pub fn plan(
    out_dir: &Path,
    inputs: Inputs,
    max_bytes: u64,
    full: bool,
    text_dir: Option<&Path>,
) -> Plan {
    let previous = if full { Previous::default() } else { Previous::load(out_dir, max_bytes) };
    if previous.by_id.is_empty() {
        return Plan { todo: inputs, ..Plan::default() };
    }
    let decided: Vec<Option<LineAt>> = (0..inputs.len())
        .into_par_iter()
        .map(|i| reuse(&previous, &inputs.get(i), max_bytes, text_dir))
        .collect();
    let mut plan = Plan::default();
    for (i, reused) in decided.into_iter().enumerate() {
        match reused {
            Some(line) => plan.reused.push(Reused { id: inputs.id(i).to_owned(), line }),
            None => plan.todo.push(&inputs.get(i)),
        }
    }
    plan.previous = previous;
    plan
}

fn reuse(
    previous: &Previous,
    input: &Input,
    max_bytes: u64,
    text_dir: Option<&Path>,
) -> Option<LineAt> {
    let Input::File { id, path } = input else { return None };
    let prev = previous.by_id.get(id)?;
    if prev.path != path.display().to_string() {
        return None;
    }
    if text_dir.is_some_and(|d| !d.join(format!("{id}.txt")).is_file()) {
        return None;
    }
    if std::fs::metadata(path).ok()?.len() > max_bytes {
        return None;
    }
    if file_sha256(path).ok()? != prev.sha256 {
        return None;
    }
    Some(prev.line)
}

/// The SHA-256 of a file, read as a stream.
fn file_sha256(path: &Path) -> std::io::Result<String> {
    let mut h = Sha256::new();
    std::io::copy(&mut File::open(path)?, &mut h)?;
    Ok(hex(&h.finalize()))
}

/// Writes `out_dir/index.json` for the `documents.jsonl` now in `out_dir`. Call it after
/// `documents.jsonl` is in place: an index never describes a file that was not written.
pub fn write_index(out_dir: &Path, max_bytes: u64) -> std::io::Result<()> {
    let documents_sha256 = file_sha256(&out_dir.join("documents.jsonl"))?;
    let index = Index {
        cdv_version: env!("CARGO_PKG_VERSION").to_owned(),
        rules_hash: rules_hash().to_owned(),
        max_bytes,
        documents_sha256,
    };
    let text = serde_json::to_string_pretty(&index).map_err(std::io::Error::other)? + "\n";
    crate::write::bytes(&out_dir.join(INDEX), text.as_bytes())
}

/// The rule-data hash: every rule file as the run sees it (embedded, or overridden with
/// `--rules`), the `cdv` version, and the fingerprint of the sources the executable was built from
/// (another build of the same version may extract differently). Hashed by the build when no file
/// is overridden, else once per run.
pub fn rules_hash() -> &'static str {
    if !crate::data::has_override() {
        return crate::data::EMBEDDED_RULES_HASH;
    }
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(hash_rules)
}

/// [`rules_hash`] computed from the rule files as the run sees them.
fn hash_rules() -> String {
    let mut h = Sha256::new();
    h.update(format!("cdv {}\n", env!("CARGO_PKG_VERSION")));
    for (path, _) in crate::data::EMBEDDED {
        h.update(path.as_bytes());
        h.update([0]);
        h.update(crate::data::text(path).as_bytes());
        h.update([0]);
    }
    h.update(crate::data::BUILD_FINGERPRINT.as_bytes());
    hex(&h.finalize())
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_build_hashes_the_embedded_rules_as_a_run_does() {
        assert_eq!(crate::data::EMBEDDED_RULES_HASH, super::hash_rules());
    }
}
