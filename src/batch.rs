//! Batch runs: find the documents under the given paths, process them in parallel, return the
//! records sorted by id (the same bytes whatever the number of threads).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::io::{Read, Write};
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
    pub inputs: Inputs,
    /// Files passed over on purpose, with why ("unsupported extension").
    pub skipped: Vec<(PathBuf, String)>,
    /// Paths named on the command line that do not exist, or folders that cannot be listed: the
    /// run reports them and fails (exit 2).
    pub missing: Vec<(PathBuf, String)>,
}

/// The inputs of a batch in id order, held compactly: every id in one text buffer, every path
/// in another, and two numbers per input. Neither discovery nor the list allocates a string per
/// file, so 100,000 files cost about 8 MiB (their ids and paths), and discovery leaves no
/// scattered small blocks behind it, which the allocator would keep for the whole run (it did:
/// a list of `String`s and `PathBuf`s held about 45 MiB of a 100,000-file run from its start).
#[derive(Debug, Default, Clone)]
pub struct Inputs {
    ids: Texts,
    paths: Paths,
    /// In id order, each input's id and path: indexes into `ids` and `paths` ([`STDIN`]: no
    /// path, standard input).
    entries: Vec<(u32, u32)>,
}

/// The path index of standard input in [`Inputs`].
const STDIN: u32 = u32::MAX;

impl Inputs {
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The id of input `i`.
    pub fn id(&self, i: usize) -> &str {
        self.ids.get(self.entries[i].0)
    }

    /// Input `i`.
    pub fn get(&self, i: usize) -> Input {
        let (id, path) = self.entries[i];
        let id = self.ids.get(id).to_owned();
        match path {
            STDIN => Input::Stdin { id },
            p => Input::File { id, path: self.paths.get(p).to_path_buf() },
        }
    }

    /// Every input, in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = Input> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    /// Adds `input` at the end (the list stays in id order if the inputs come in id order).
    pub fn push(&mut self, input: &Input) {
        let id = self.ids.push(input.id());
        let path = match input {
            Input::File { path, .. } => self.paths.push(path),
            Input::Stdin { .. } => STDIN,
        };
        self.entries.push((id, path));
    }
}

impl Inputs {
    /// Writes the inputs, in order, to the file `path` (created now, removed when the returned
    /// list is dropped, and on an interrupted run) and gives back their memory: a batch then
    /// holds none of its ids and paths while its documents are processed (about 9 MiB at
    /// 100,000 files), only the few of the chunk at hand ([`SpilledInputs::read`]).
    pub fn spill(self, path: &Path) -> std::io::Result<SpilledInputs> {
        crate::write::register_temporary(path);
        let spilled = SpilledInputs { path: path.to_owned(), len: self.len() };
        let mut w = std::io::BufWriter::new(std::fs::File::create(path)?);
        for &(id, at) in &self.entries {
            let id = self.ids.get(id).as_bytes();
            w.write_all(&(id.len() as u64).to_le_bytes())?;
            w.write_all(id)?;
            match at {
                STDIN => w.write_all(&u64::MAX.to_le_bytes())?,
                p => {
                    let p = path_bytes(self.paths.get(p));
                    w.write_all(&(p.len() as u64).to_le_bytes())?;
                    w.write_all(&p)?;
                }
            }
        }
        w.into_inner().map_err(|e| e.into_error())?;
        drop(self);
        give_back_memory();
        Ok(spilled)
    }
}

/// Hands the heap's free pages back to the system. The allocator keeps what a finished step
/// freed (discovery's lists of every path and id, about 190 bytes a file) for later use, but
/// only the thread that freed it could reuse it: the run would carry it to its end, and its
/// peak would grow with the number of files though nothing of it is live.
pub fn give_back_memory() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        unsafe extern "C" {
            fn malloc_trim(pad: usize) -> std::ffi::c_int;
        }
        // SAFETY: glibc's `malloc_trim` only releases free memory; it may be called at any time.
        unsafe {
            malloc_trim(0);
        }
    }
}

/// The inputs of a batch written to a temporary file by [`Inputs::spill`], read back in order.
#[derive(Debug)]
pub struct SpilledInputs {
    path: PathBuf,
    len: usize,
}

impl SpilledInputs {
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every input, in order, read from the file as they are taken.
    pub fn read(&self) -> std::io::Result<impl Iterator<Item = std::io::Result<Input>> + '_> {
        let mut r = std::io::BufReader::new(std::fs::File::open(&self.path)?);
        let with_path = |e: std::io::Error| {
            std::io::Error::new(e.kind(), format!("{}: {e}", self.path.display()))
        };
        Ok((0..self.len).map(move |_| read_input(&mut r).map_err(with_path)))
    }
}

impl Drop for SpilledInputs {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
        crate::write::unregister_temporary(&self.path);
    }
}

/// One input as [`Inputs::spill`] writes it: the id's length and bytes, then the path's, or
/// `u64::MAX` for standard input.
fn read_input(r: &mut impl Read) -> std::io::Result<Input> {
    fn field(r: &mut impl Read) -> std::io::Result<Option<Vec<u8>>> {
        let mut len = [0; 8];
        r.read_exact(&mut len)?;
        let len = u64::from_le_bytes(len);
        if len == u64::MAX {
            return Ok(None);
        }
        let mut bytes = vec![0; usize::try_from(len).map_err(std::io::Error::other)?];
        r.read_exact(&mut bytes)?;
        Ok(Some(bytes))
    }
    let id = field(r)?.ok_or_else(|| std::io::Error::other("an input without id"))?;
    let id = String::from_utf8(id).map_err(std::io::Error::other)?;
    Ok(match field(r)? {
        None => Input::Stdin { id },
        Some(path) => Input::File { id, path: path_from_bytes(path)? },
    })
}

#[cfg(unix)]
fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    use std::os::unix::ffi::OsStrExt;
    Cow::Borrowed(p.as_os_str().as_bytes())
}

#[cfg(unix)]
fn path_from_bytes(bytes: Vec<u8>) -> std::io::Result<PathBuf> {
    use std::os::unix::ffi::OsStringExt;
    Ok(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(not(unix))]
fn path_bytes(p: &Path) -> Cow<'_, [u8]> {
    Cow::Owned(p.as_os_str().as_encoded_bytes().to_vec())
}

#[cfg(not(unix))]
fn path_from_bytes(bytes: Vec<u8>) -> std::io::Result<PathBuf> {
    // The bytes were written by `path_bytes` of this very process.
    String::from_utf8(bytes).map(PathBuf::from).map_err(std::io::Error::other)
}

/// Strings one after the other in one buffer, numbered from 0.
#[derive(Debug, Default, Clone)]
struct Texts {
    text: String,
    /// Where each string ends in `text`.
    ends: Vec<u32>,
}

impl Texts {
    fn push(&mut self, s: &str) -> u32 {
        self.push_with(|text| text.push_str(s))
    }

    /// Adds the string that `write` appends to the buffer.
    fn push_with(&mut self, write: impl FnOnce(&mut String)) -> u32 {
        write(&mut self.text);
        self.ends.push(u32::try_from(self.text.len()).expect("input names under 4 GiB in all"));
        number(self.ends.len() - 1)
    }

    fn get(&self, i: u32) -> &str {
        let i = i as usize;
        let start = i.checked_sub(1).map_or(0, |before| self.ends[before] as usize);
        &self.text[start..self.ends[i] as usize]
    }

    fn len(&self) -> usize {
        self.ends.len()
    }

    /// Gives back the room reserved for more strings.
    fn shrink(&mut self) {
        self.text.shrink_to_fit();
        self.ends.shrink_to_fit();
    }
}

/// Paths one after the other in one buffer, numbered from 0; a path that is not UTF-8 (rare) is
/// kept aside whole.
#[derive(Debug, Default, Clone)]
struct Paths {
    texts: Texts,
    /// The paths that are not UTF-8, by number (increasing).
    other: Vec<(u32, PathBuf)>,
}

impl Paths {
    fn push(&mut self, p: &Path) -> u32 {
        match p.to_str() {
            Some(s) => self.texts.push(s),
            None => {
                let i = self.texts.push("");
                self.other.push((i, p.to_owned()));
                i
            }
        }
    }

    fn get(&self, i: u32) -> &Path {
        match self.other.binary_search_by_key(&i, |(j, _)| *j) {
            Ok(k) => &self.other[k].1,
            Err(_) => Path::new(self.texts.get(i)),
        }
    }

    fn len(&self) -> usize {
        self.texts.len()
    }
}

/// `i` as a list number.
fn number(i: usize) -> u32 {
    u32::try_from(i).expect("fewer than 2^32 inputs")
}

/// The root number of a file named on the command line (not found in a folder).
const NAMED: u32 = u32::MAX;

/// Finds the documents under `paths`: files as given, folders recursed (in sorted order, each
/// real folder once: a symbolic link back to a folder already read is reported as skipped, so
/// a link loop cannot run away), `-` for standard input. The inputs come sorted by id.
///
/// Ids are unique across folders: the file stem when no other input has the same stem, else the
/// path relative to the folder named on the command line (`a/doc.txt`, `b/doc.txt`), else the
/// path as given; `#2`, `#3`... is appended if two inputs still collide.
pub fn discover(paths: &[PathBuf]) -> Discovery {
    let mut d = Discovery::default();
    let mut found = Paths::default();
    // Along `found`: the number of the folder named on the command line each file was found
    // under, or NAMED.
    let mut roots: Vec<u32> = Vec::new();
    let mut seen_dirs = HashSet::new();
    let mut stdin = false;
    for (root, p) in paths.iter().enumerate() {
        if p.as_os_str() == "-" {
            stdin = true;
        } else if p.is_dir() {
            walk(p, &mut found, &mut seen_dirs, &mut d);
            roots.resize(found.len(), number(root));
        } else if p.exists() || p.symlink_metadata().is_ok() {
            // A file named on the command line is read whatever its extension.
            found.push(p);
            roots.push(NAMED);
        } else {
            d.missing.push((p.clone(), "not found".into()));
        }
    }
    // A file's path relative to the folder it was found under.
    let rel = |f: u32| {
        let path = found.get(f);
        match roots[f as usize] {
            NAMED => path,
            root => path.strip_prefix(&paths[root as usize]).unwrap_or(path),
        }
    };
    // Sorted by path, then relative path; each file once.
    let mut files: Vec<u32> = (0..found.len()).map(number).collect();
    files.sort_by(|&a, &b| found.get(a).cmp(found.get(b)).then_with(|| rel(a).cmp(rel(b))));
    files.dedup_by(|a, b| found.get(*a) == found.get(*b));
    let ids = unique_ids(&files, &found, &rel);
    let entries = files.iter().enumerate().map(|(i, &f)| (number(i), f)).collect();
    drop(files);
    let mut inputs = Inputs { ids, paths: found, entries };
    if stdin {
        let taken: HashSet<&str> = (0..inputs.len()).map(|i| inputs.id(i)).collect();
        let id = (1..).map(|n| if n == 1 { "stdin".to_owned() } else { format!("stdin#{n}") });
        let id = id.into_iter().find(|i| !taken.contains(i.as_str())).unwrap_or_default();
        let at = inputs.ids.push(&id);
        inputs.entries.push((at, STDIN));
    }
    let Inputs { ids, paths, entries } = &mut inputs;
    entries.sort_by(|a, b| ids.get(a.0).cmp(ids.get(b.0)));
    // Held for the whole run: no room for growth.
    ids.shrink();
    paths.texts.shrink();
    d.inputs = inputs;
    d
}

/// One id per file of `files` (numbers in `found`, in order), unique: see [`discover`]. `rel`
/// gives a file's path relative to its folder.
fn unique_ids<'a>(files: &[u32], found: &'a Paths, rel: &dyn Fn(u32) -> &'a Path) -> Texts {
    let stem = |f: u32| -> Cow<'a, str> {
        found.get(f).file_stem().map_or(Cow::Borrowed("document"), |s| s.to_string_lossy())
    };
    let mut by_stem: HashMap<Cow<str>, usize> = HashMap::new();
    for &f in files {
        *by_stem.entry(stem(f)).or_default() += 1;
    }
    let mut first = Texts::default();
    for &f in files {
        let s = stem(f);
        if by_stem[&s] == 1 {
            first.push(&s);
        } else {
            first.push_with(|t| slash(rel(f), t));
        }
    }
    drop(by_stem);
    let mut by_first: HashMap<&str, usize> = HashMap::new();
    for i in 0..first.len() {
        *by_first.entry(first.get(number(i))).or_default() += 1;
    }
    let mut second = Texts::default();
    for (i, &f) in files.iter().enumerate() {
        let id = first.get(number(i));
        if by_first[id] == 1 {
            second.push(id);
        } else {
            second.push_with(|t| slash(found.get(f), t));
        }
    }
    drop(by_first);
    // Ids taken so far: borrowed from `second`, owned when a suffix was added.
    let mut taken: HashSet<Cow<str>> = HashSet::new();
    let mut ids = Texts::default();
    for i in 0..second.len() {
        let id = second.get(number(i));
        if taken.insert(Cow::Borrowed(id)) {
            ids.push(id);
            continue;
        }
        let mut n = 2;
        let mut candidate = format!("{id}#{n}");
        while taken.contains(candidate.as_str()) {
            n += 1;
            candidate = format!("{id}#{n}");
        }
        ids.push(&candidate);
        taken.insert(Cow::Owned(candidate));
    }
    ids
}

/// Appends the normal components of `p` joined by `/` to `out`.
fn slash(p: &Path, out: &mut String) {
    let mut sep = "";
    for c in p.components() {
        if let std::path::Component::Normal(s) = c {
            out.push_str(sep);
            out.push_str(&s.to_string_lossy());
            sep = "/";
        }
    }
}

fn walk(dir: &Path, files: &mut Paths, seen: &mut HashSet<PathBuf>, d: &mut Discovery) {
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
    // The folder's entries in one buffer, visited in sorted order.
    let mut here = Paths::default();
    for e in entries.flatten() {
        here.push(&e.path());
    }
    let mut order: Vec<u32> = (0..here.len()).map(number).collect();
    order.sort_by(|&a, &b| here.get(a).cmp(here.get(b)));
    for i in order {
        let p = here.get(i);
        if p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        if p.is_dir() {
            walk(p, files, seen, d);
        } else if has_document_extension(p) {
            files.push(p);
        } else {
            d.skipped.push((p.to_path_buf(), "unsupported extension".into()));
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
pub fn run(inputs: &Inputs, opts: &Options, tick: &(dyn Fn(&Processed) + Sync)) -> Vec<Processed> {
    let mut out = Vec::with_capacity(inputs.len());
    let _ = stream(inputs.iter().map(Ok), opts, tick, |p| {
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
/// The inputs come one by one (from memory, or read back from [`SpilledInputs`]): only a chunk
/// of them is held at a time. Stops at the first error of `inputs` or `sink`.
pub fn stream(
    inputs: impl IntoIterator<Item = std::io::Result<Input>>,
    opts: &Options,
    tick: &(dyn Fn(&Processed) + Sync),
    mut sink: impl FnMut(Processed) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let chunk = CHUNK_PER_THREAD * rayon::current_num_threads().max(1);
    let mut inputs = inputs.into_iter().peekable();
    while inputs.peek().is_some() {
        let part: Vec<Input> = inputs.by_ref().take(chunk).collect::<std::io::Result<_>>()?;
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

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(d: &Discovery) -> Vec<&str> {
        (0..d.inputs.len()).map(|i| d.inputs.id(i)).collect()
    }

    #[test]
    fn inputs_give_back_what_was_pushed() {
        let mut inputs = Inputs::default();
        let file = Input::File { id: "a/note".into(), path: PathBuf::from("/data/a/note.txt") };
        let stdin = Input::Stdin { id: "stdin".into() };
        inputs.push(&file);
        inputs.push(&stdin);
        inputs.push(&Input::File { id: String::new(), path: PathBuf::new() });
        assert_eq!(inputs.len(), 3);
        assert_eq!(inputs.id(0), "a/note");
        assert_eq!(inputs.get(0), file);
        assert_eq!(inputs.get(1), stdin);
        assert_eq!(inputs.get(2), Input::File { id: String::new(), path: PathBuf::new() });
        assert_eq!(inputs.iter().count(), 3);
    }

    #[cfg(unix)]
    #[test]
    fn a_path_that_is_not_utf8_is_kept_whole() {
        use std::os::unix::ffi::OsStrExt;
        let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"/data/caf\xe9.txt"));
        let mut inputs = Inputs::default();
        inputs.push(&Input::File { id: "x".into(), path: "/data/x.txt".into() });
        inputs.push(&Input::File { id: "cafe".into(), path: odd.clone() });
        inputs.push(&Input::File { id: "y".into(), path: "/data/y.txt".into() });
        assert_eq!(inputs.get(1), Input::File { id: "cafe".into(), path: odd });
        assert_eq!(inputs.get(2), Input::File { id: "y".into(), path: "/data/y.txt".into() });
    }

    #[test]
    fn spilled_inputs_read_back_in_order_and_their_file_goes_with_them() {
        let dir = tempfile::tempdir().unwrap();
        let mut inputs = Inputs::default();
        let mut expected = vec![
            Input::File { id: "a".into(), path: "/data/a.txt".into() },
            Input::Stdin { id: "stdin".into() },
            Input::File { id: "z/é\tx".into(), path: "/data/z/é\tx.md".into() },
        ];
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStrExt;
            let odd = PathBuf::from(std::ffi::OsStr::from_bytes(b"/data/caf\xe9.txt"));
            expected.push(Input::File { id: "zz".into(), path: odd });
        }
        for i in &expected {
            inputs.push(i);
        }
        let path = dir.path().join("inputs");
        let spilled = inputs.spill(&path).unwrap();
        assert_eq!(spilled.len(), expected.len());
        let back: Vec<Input> = spilled.read().unwrap().collect::<std::io::Result<_>>().unwrap();
        assert_eq!(back, expected);
        // Read twice: the file stays until the list is dropped.
        assert_eq!(spilled.read().unwrap().count(), expected.len());
        drop(spilled);
        assert!(!path.exists());
    }

    #[test]
    fn ids_are_stems_then_relative_paths_then_whole_paths_sorted() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (folder, name) in [
            ("one/a", "note.txt"),
            ("one/b", "note.md"),
            ("one", "other.html"),
            ("one", "table.pdf"),
            ("one", ".hidden.txt"),
            ("two/a", "note.txt"),
        ] {
            std::fs::create_dir_all(root.join(folder)).unwrap();
            std::fs::write(root.join(folder).join(name), "texte").unwrap();
        }
        let (one, two) = (root.join("one"), root.join("two"));
        let d = discover(&[two.clone(), one.clone(), PathBuf::from("-")]);
        // The stem "note" is shared, so those files take their relative paths; "a/note.txt" is
        // under both folders, so those two take their whole paths.
        let whole = |p: &Path| {
            let mut s = String::new();
            slash(p, &mut s);
            s
        };
        let (a1, a2) = (whole(&one.join("a/note.txt")), whole(&two.join("a/note.txt")));
        let mut expected = vec![a1.as_str(), a2.as_str(), "b/note.md", "other", "stdin"];
        expected.sort();
        assert_eq!(ids(&d), expected);
        let at = |id: &str| d.inputs.get(ids(&d).iter().position(|i| *i == id).unwrap());
        assert_eq!(at("other"), Input::File { id: "other".into(), path: one.join("other.html") });
        assert_eq!(at("stdin"), Input::Stdin { id: "stdin".into() });
        assert_eq!(d.skipped.len(), 1, "{:?}", d.skipped);
        assert!(d.skipped[0].0.ends_with("table.pdf"));
        assert!(d.missing.is_empty());
    }

    #[test]
    fn a_file_found_twice_is_read_once_and_a_missing_path_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        std::fs::write(dir.path().join("sub/note.txt"), "texte").unwrap();
        let named = dir.path().join("sub/note.txt");
        let d = discover(&[dir.path().to_path_buf(), named, dir.path().join("absent")]);
        assert_eq!(ids(&d), ["note"]);
        assert_eq!(d.missing.len(), 1);
    }

    #[test]
    fn ids_that_still_collide_take_a_number() {
        let mut found = Paths::default();
        for f in ["/x/a.txt", "/y/a.txt", "/z/a.txt"] {
            found.push(Path::new(f));
        }
        // One relative path for the three: their whole paths tell them apart.
        let ids = unique_ids(&[0, 1, 2], &found, &|_| Path::new("a.txt"));
        let got: Vec<&str> = (0..3).map(|i| ids.get(i)).collect();
        assert_eq!(got, ["x/a.txt", "y/a.txt", "z/a.txt"]);
        // "./a.txt" is "a.txt" once written with slashes; numbers go in file order, so the file
        // named "a.txt#2" finds its name taken.
        let mut found = Paths::default();
        for f in ["a.txt", "./a.txt", "a.txt#2"] {
            found.push(Path::new(f));
        }
        let ids = unique_ids(&[0, 1, 2], &found, &|f| found.get(f));
        let got: Vec<&str> = (0..3).map(|i| ids.get(i)).collect();
        assert_eq!(got, ["a.txt", "a.txt#2", "a.txt#2#2"]);
    }
}
