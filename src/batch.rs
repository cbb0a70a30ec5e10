//! Batch runs: find the documents under the given paths, process them in parallel, return the
//! records sorted by id (the same bytes whatever the number of threads).

use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use crate::pipeline::{self, Options, Processed};

/// File extensions read as documents.
pub const EXTENSIONS: &[&str] = &["txt", "md", "markdown", "html", "htm"];

/// One input of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    File { id: String, path: PathBuf },
    Stdin { id: String },
}

impl Input {
    pub fn id(&self) -> &str {
        match self {
            Input::File { id, .. } | Input::Stdin { id } => id,
        }
    }
}

/// The inputs found under the given paths, and the files passed over.
#[derive(Debug, Default)]
pub struct Discovery {
    pub inputs: Vec<Input>,
    /// Files passed over on purpose, with why ("unsupported extension").
    pub skipped: Vec<(PathBuf, String)>,
    /// Paths named on the command line that do not exist, or folders that cannot be listed: the
    /// run reports them and fails (exit 2).
    pub missing: Vec<(PathBuf, String)>,
}

/// Finds the documents under `paths`: files as given, folders recursed (in sorted order), `-` for
/// standard input. Ids are file stems; a stem seen twice keeps its extension to stay unique.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    let mut files = Vec::new();
    let mut stdin = false;
    for p in paths {
        if p.as_os_str() == "-" {
            stdin = true;
        } else if p.is_dir() {
            walk(p, &mut files, &mut d);
        } else if p.exists() || p.symlink_metadata().is_ok() {
            // A file named on the command line is read whatever its extension.
            files.push(p.clone());
        } else {
            d.missing.push((p.clone(), "not found".into()));
        }
    }
    files.sort();
    files.dedup();
    let mut by_stem: BTreeMap<String, usize> = BTreeMap::new();
    for f in &files {
        *by_stem.entry(stem(f)).or_default() += 1;
    }
    for f in files {
        let s = stem(&f);
        let id = if by_stem[&s] > 1 {
            f.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or(s)
        } else {
            s
        };
        d.inputs.push(Input::File { id, path: f });
    }
    if stdin {
        d.inputs.push(Input::Stdin { id: "stdin".into() });
    }
    d
}

fn stem(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, d: &mut Discovery) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            d.missing.push((dir.to_path_buf(), format!("cannot read folder: {e}")));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for p in paths {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        if name.starts_with('.') {
            continue;
        }
        if p.is_dir() {
            walk(&p, files, d);
        } else if has_document_extension(&p) {
            files.push(p);
        } else {
            d.skipped.push((p, "unsupported extension".into()));
        }
    }
}

/// True for the extensions `cdv` reads when it recurses a folder.
pub fn has_document_extension(p: &Path) -> bool {
    p.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.contains(&e.to_ascii_lowercase().as_str()))
}

/// Processes every input on the current rayon pool; `tick` is called once per finished document.
/// The result is sorted by id.
pub fn run(inputs: &[Input], opts: &Options, tick: &(dyn Fn(&Processed) + Sync)) -> Vec<Processed> {
    let mut out: Vec<Processed> = inputs
        .par_iter()
        .map(|input| {
            let p = match input {
                Input::File { id, path } => pipeline::process_file(id, path, opts),
                Input::Stdin { id } => {
                    let mut bytes = Vec::new();
                    match std::io::stdin().lock().read_to_end(&mut bytes) {
                        Ok(_) => pipeline::process_bytes(id, "-", &bytes, None, opts),
                        Err(e) => {
                            pipeline::process_bytes(id, "-", &[], None, opts).with_io_error(e)
                        }
                    }
                }
            };
            tick(&p);
            p
        })
        .collect();
    out.sort_by(|a, b| a.record.id.cmp(&b.record.id));
    out
}

impl Processed {
    fn with_io_error(mut self, e: std::io::Error) -> Processed {
        self.record.errors = vec![crate::record::ErrorEntry {
            kind: "io".into(),
            message: format!("cannot read: {e}"),
        }];
        self
    }
}
