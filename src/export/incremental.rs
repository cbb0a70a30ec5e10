//! Incremental runs: reuse the records of documents that did not change since the last run.
//!
//! `cdv extract` writes `OUT/index.json` after `documents.jsonl`: the rule-data hash the records
//! were made with, the `--max-bytes` limit and the SHA-256 of `documents.jsonl`. On the next run
//! into the same folder, a document whose raw bytes have the SHA-256 and path of its previous
//! record is not processed again, its record line is reused, as long as the rule-data hash is the
//! same (rule files, `--rules` overrides, `cdv` version and build) and `documents.jsonl` is the
//! one the index describes. Records with errors are always processed again.

use std::collections::HashMap;
use std::path::Path;
use std::sync::OnceLock;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::batch::Input;
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

/// A previous record: the raw input's SHA-256 and path, and its line of `documents.jsonl`.
#[derive(Debug, Clone)]
pub struct PreviousRecord {
    pub sha256: String,
    pub path: String,
    pub line: String,
}

/// The records of the previous run, by id; empty when they cannot be reused.
#[derive(Debug, Default)]
pub struct Previous {
    pub by_id: HashMap<String, PreviousRecord>,
}

impl Previous {
    /// Loads the previous records of `out_dir` that this build may reuse: none when there is no
    /// index, when it was made with other rules or limits, or when `documents.jsonl` changed
    /// since.
    pub fn load(out_dir: &Path, max_bytes: u64) -> Previous {
        let Ok(text) = std::fs::read_to_string(out_dir.join(INDEX)) else {
            return Previous::default();
        };
        let Ok(index) = serde_json::from_str::<Index>(&text) else { return Previous::default() };
        if index.rules_hash != rules_hash() || index.max_bytes != max_bytes {
            return Previous::default();
        }
        let Ok(docs) = std::fs::read(out_dir.join("documents.jsonl")) else {
            return Previous::default();
        };
        if hex(&Sha256::digest(&docs)) != index.documents_sha256 {
            return Previous::default();
        }
        let mut by_id = HashMap::new();
        for line in String::from_utf8_lossy(&docs).lines() {
            let Ok(r) = serde_json::from_str::<super::model::Document>(line) else { continue };
            if r.errors.is_empty() && !r.source.sha256.is_empty() {
                let prev = PreviousRecord {
                    sha256: r.source.sha256,
                    path: r.source.path,
                    line: line.to_owned(),
                };
                by_id.insert(r.id, prev);
            }
        }
        Previous { by_id }
    }
}

/// The inputs to process and the records reused.
#[derive(Debug, Default)]
pub struct Plan {
    pub todo: Vec<Input>,
    pub reused: Vec<Processed>,
}

/// Splits `inputs` into those to process and the unchanged ones whose previous record is reused.
/// `full` processes everything; `text_dir`, when clean texts are wanted, makes a document
/// without its text file processed again.
pub fn plan(
    out_dir: &Path,
    inputs: &[Input],
    max_bytes: u64,
    full: bool,
    text_dir: Option<&Path>,
) -> Plan {
    let previous = if full { Previous::default() } else { Previous::load(out_dir, max_bytes) };
    if previous.by_id.is_empty() {
        return Plan { todo: inputs.to_vec(), reused: vec![] };
    }
    let decided: Vec<(Input, Option<Processed>)> = inputs
        .par_iter()
        .map(|input| (input.clone(), reuse(&previous, input, max_bytes, text_dir)))
        .collect();
    let mut plan = Plan::default();
    for (input, reused) in decided {
        match reused {
            Some(p) => plan.reused.push(p),
            None => plan.todo.push(input),
        }
    }
    plan
}

fn reuse(
    previous: &Previous,
    input: &Input,
    max_bytes: u64,
    text_dir: Option<&Path>,
) -> Option<Processed> {
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
    let bytes = std::fs::read(path).ok()?;
    if hex(&Sha256::digest(&bytes)) != prev.sha256 {
        return None;
    }
    let record: DocumentRecord = serde_json::from_str(&prev.line).ok()?;
    Some(Processed { record, clean: None })
}

/// Writes `out_dir/index.json` for the `documents.jsonl` now in `out_dir`. Call it after
/// `documents.jsonl` is in place: an index never describes a file that was not written.
pub fn write_index(out_dir: &Path, max_bytes: u64) -> std::io::Result<()> {
    let docs = std::fs::read(out_dir.join("documents.jsonl"))?;
    let index = Index {
        cdv_version: env!("CARGO_PKG_VERSION").to_owned(),
        rules_hash: rules_hash().to_owned(),
        max_bytes,
        documents_sha256: hex(&Sha256::digest(&docs)),
    };
    let text = serde_json::to_string_pretty(&index).map_err(std::io::Error::other)? + "\n";
    crate::write::bytes(&out_dir.join(INDEX), text.as_bytes())
}

/// The rule-data hash: every rule file as the run sees it (embedded, or overridden with
/// `--rules`), the `cdv` version, and the fingerprint of the sources the executable was built from
/// (another build of the same version may extract differently). Computed once.
pub fn rules_hash() -> &'static str {
    static HASH: OnceLock<String> = OnceLock::new();
    HASH.get_or_init(|| {
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
    })
}

/// Lowercase hex.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
