//! Batch runs: find the documents under the given paths, process them in parallel, return the
//! records sorted by id (the same bytes whatever the number of threads).

use std::collections::{HashMap, HashSet};
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

/// Finds the documents under `paths`: files as given, folders recursed (in sorted order, each
/// real folder once: a symbolic link back to a folder already read is reported as skipped, so
/// a link loop cannot run away), `-` for standard input. The inputs come sorted by id.
///
/// Ids are unique across folders: the file stem when no other input has the same stem, else the
/// path relative to the folder named on the command line (`a/doc.txt`, `b/doc.txt`), else the
/// path as given; `#2`, `#3`... is appended if two inputs still collide.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    // (file, path relative to the folder it was found under)
    let mut files: Vec<(PathBuf, PathBuf)> = Vec::new();
    let mut seen_dirs = HashSet::new();
    let mut stdin = false;
    for p in paths {
        if p.as_os_str() == "-" {
            stdin = true;
        } else if p.is_dir() {
            let mut found = Vec::new();
            walk(p, &mut found, &mut seen_dirs, &mut d);
            for f in found {
                let rel = f.strip_prefix(p).map(Path::to_path_buf).unwrap_or_else(|_| f.clone());
                files.push((f, rel));
            }
        } else if p.exists() || p.symlink_metadata().is_ok() {
            // A file named on the command line is read whatever its extension.
            files.push((p.clone(), p.clone()));
        } else {
            d.missing.push((p.clone(), "not found".into()));
        }
    }
    files.sort();
    files.dedup_by(|a, b| a.0 == b.0);
    let ids = unique_ids(&files);
    let mut inputs: Vec<Input> =
        files.into_iter().zip(ids).map(|((path, _), id)| Input::File { id, path }).collect();
    inputs.sort_by(|a, b| a.id().cmp(b.id()));
    if stdin {
        let taken: HashSet<&str> = inputs.iter().map(Input::id).collect();
        let id = (1..).map(|n| if n == 1 { "stdin".to_owned() } else { format!("stdin#{n}") });
        let id = id.into_iter().find(|i| !taken.contains(i.as_str())).unwrap_or_default();
        inputs.push(Input::Stdin { id });
        inputs.sort_by(|a, b| a.id().cmp(b.id()));
    }
    d.inputs = inputs;
    d
}

/// One id per `(file, relative path)`, unique: see [`discover`].
fn unique_ids(files: &[(PathBuf, PathBuf)]) -> Vec<String> {
    let slash = |p: &Path| {
        p.components()
            .filter_map(|c| match c {
                std::path::Component::Normal(s) => Some(s.to_string_lossy().into_owned()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("/")
    };
    let mut by_stem: HashMap<String, usize> = HashMap::new();
    for (f, _) in files {
        *by_stem.entry(stem(f)).or_default() += 1;
    }
    let first: Vec<String> = files
        .iter()
        .map(|(f, rel)| {
            let s = stem(f);
            if by_stem[&s] == 1 { s } else { slash(rel) }
        })
        .collect();
    let mut by_first: HashMap<&str, usize> = HashMap::new();
    for id in &first {
        *by_first.entry(id.as_str()).or_default() += 1;
    }
    let second: Vec<String> = files
        .iter()
        .zip(&first)
        .map(|((f, _), id)| if by_first[id.as_str()] == 1 { id.clone() } else { slash(f) })
        .collect();
    let mut taken: HashSet<String> = HashSet::new();
    second
        .into_iter()
        .map(|id| {
            let mut candidate = id.clone();
            let mut n = 1;
            while !taken.insert(candidate.clone()) {
                n += 1;
                candidate = format!("{id}#{n}");
            }
            candidate
        })
        .collect()
}

fn stem(p: &Path) -> String {
    p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "document".into())
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, seen: &mut HashSet<PathBuf>, d: &mut Discovery) {
    // Each real folder is read once: a link to a folder already read (a loop, or two links to
    // the same place) is passed over.
    match std::fs::canonicalize(dir) {
        Ok(real) => {
            if !seen.insert(real) {
                d.skipped.push((dir.to_path_buf(), "folder already read (symbolic link)".into()));
                return;
            }
        }
        Err(e) => {
            d.missing.push((dir.to_path_buf(), format!("cannot read folder: {e}")));
            return;
        }
    }
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
            walk(&p, files, seen, d);
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
/// The result is sorted by id (the inputs of [`discover`] already are).
pub fn run(inputs: &[Input], opts: &Options, tick: &(dyn Fn(&Processed) + Sync)) -> Vec<Processed> {
    let mut out = Vec::with_capacity(inputs.len());
    let _ = stream(inputs, opts, tick, |p| {
        out.push(p);
        Ok(())
    });
    out.sort_by(|a, b| a.record.id.cmp(&b.record.id));
    out
}

/// Processes the inputs on the current rayon pool and hands each result to `sink` in input order,
/// as documents finish: the inputs go in chunks of a few per thread, each chunk processed in
/// parallel then handed over in order, so memory holds one chunk of records whatever the batch
/// size. `tick` is called on the worker thread as each document finishes (progress, messages).
/// Stops at the first error of `sink`.
pub fn stream(
    inputs: &[Input],
    opts: &Options,
    tick: &(dyn Fn(&Processed) + Sync),
    mut sink: impl FnMut(Processed) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let chunk = CHUNK_PER_THREAD * rayon::current_num_threads().max(1);
    for part in inputs.chunks(chunk) {
        let done: Vec<Processed> = part
            .par_iter()
            .map(|input| {
                let p = process(input, opts);
                tick(&p);
                p
            })
            .collect();
        for p in done {
            sink(p)?;
        }
    }
    Ok(())
}

/// Documents processed per thread between two hand-overs of [`stream`].
const CHUNK_PER_THREAD: usize = 8;

/// Processes one input.
pub fn process(input: &Input, opts: &Options) -> Processed {
    match input {
        Input::File { id, path } => pipeline::process_file(id, path, opts),
        Input::Stdin { id } => {
            let mut bytes = Vec::new();
            // Never more than one byte over the limit in memory: a larger input is refused.
            let limit = opts.max_bytes.saturating_add(1);
            match std::io::stdin().lock().take(limit).read_to_end(&mut bytes) {
                Ok(_) => pipeline::process_bytes(id, "-", &bytes, None, opts),
                Err(e) => pipeline::process_bytes(id, "-", &[], None, opts).with_io_error(e),
            }
        }
    }
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
