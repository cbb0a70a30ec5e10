//! Writing output files atomically: to a temporary file in the same folder, synced, then renamed
//! into place, so an interrupted run never leaves a half-written file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use serde::Serialize;

/// The temporary files and folders of the running process that have not been renamed into place
/// yet: what [`remove_temporaries`] deletes when the run is interrupted.
static TEMPORARIES: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn temporaries() -> MutexGuard<'static, Vec<PathBuf>> {
    TEMPORARIES.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Test hook: whether the environment variable `CDV_FAILPOINT` names `point`, where a test wants
/// the run to stop for a while so it can interrupt or kill it there.
pub fn failpoint(point: &str) -> bool {
    std::env::var("CDV_FAILPOINT").is_ok_and(|v| v == point)
}

/// Records `path` as a temporary file or folder of this run.
pub fn register_temporary(path: &Path) {
    temporaries().push(path.to_owned());
}

/// Forgets `path` (renamed into place, or removed).
pub fn unregister_temporary(path: &Path) {
    temporaries().retain(|p| p != path);
}

/// Deletes every temporary file and folder of the run, for an interrupted run (Ctrl-C, SIGTERM)
/// about to exit: the previous outputs stay as they were and no `.partial` file is left behind.
/// It waits for a [`commit`] in progress to finish, so outputs are never half replaced.
pub fn remove_temporaries() {
    let mut list = temporaries();
    for p in list.drain(..) {
        if p.is_dir() {
            let _ = std::fs::remove_dir_all(&p);
        } else {
            let _ = std::fs::remove_file(&p);
        }
    }
}

/// Writes one JSON object per line to `path`, atomically.
pub fn jsonl<T: Serialize>(path: &Path, items: impl IntoIterator<Item = T>) -> std::io::Result<()> {
    atomic(path, |w| {
        for item in items {
            serde_json::to_writer(&mut *w, &item)?;
            w.write_all(b"\n")?;
        }
        Ok(())
    })
}

/// Writes `contents` to `path`, atomically.
pub fn bytes(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    atomic(path, |w| w.write_all(contents))
}

fn atomic(
    path: &Path,
    fill: impl FnOnce(&mut BufWriter<File>) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let result = (|| {
        let mut w = BufWriter::new(File::create(&tmp)?);
        fill(&mut w)?;
        let f = w.into_inner().map_err(|e| e.into_error())?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// An output file being written: its lines go to a temporary file beside it
/// (`.NAME.PID.partial`), which replaces the file only when [`commit`] is called with every staged
/// file of the run. Until then the previous output stays in place, whatever happens to the run
/// (an error, Ctrl-C, a kill): the temporary file holds what was done so far.
#[derive(Debug)]
pub struct Staged {
    path: PathBuf,
    tmp: PathBuf,
    out: Option<BufWriter<File>>,
}

impl Staged {
    /// Starts writing the replacement of `path`.
    pub fn create(path: &Path) -> std::io::Result<Staged> {
        let tmp = temporary(path, "partial");
        let file = File::create(&tmp)?;
        register_temporary(&tmp);
        Ok(Staged { path: path.to_owned(), tmp, out: Some(BufWriter::new(file)) })
    }

    /// The temporary file's path.
    pub fn temporary_path(&self) -> &Path {
        &self.tmp
    }

    /// Writes `item` as one JSON line.
    pub fn line<T: Serialize>(&mut self, item: &T) -> std::io::Result<()> {
        let w = self.writer()?;
        serde_json::to_writer(&mut *w, item)?;
        w.write_all(b"\n")
    }

    /// Pushes what was written so far to the temporary file, so a killed run leaves it there.
    pub fn flush(&mut self) -> std::io::Result<()> {
        self.writer()?.flush()
    }

    fn writer(&mut self) -> std::io::Result<&mut BufWriter<File>> {
        self.out.as_mut().ok_or_else(|| std::io::Error::other("output already finished"))
    }

    /// Flushes and syncs the temporary file.
    fn finish(&mut self) -> std::io::Result<()> {
        if let Some(w) = self.out.take() {
            let f = w.into_inner().map_err(|e| e.into_error())?;
            f.sync_all()?;
        }
        Ok(())
    }
}

impl Drop for Staged {
    fn drop(&mut self) {
        // Not committed: the temporary file goes, the previous output stays.
        if self.out.is_some() || self.tmp.exists() {
            self.out = None;
            let _ = std::fs::remove_file(&self.tmp);
        }
        unregister_temporary(&self.tmp);
    }
}

/// Finishes every staged file, then renames each into place: nothing is replaced unless every
/// file was written in full. On an error, the temporary files are removed and the previous
/// outputs kept.
pub fn commit(mut files: Vec<Staged>) -> std::io::Result<()> {
    for f in &mut files {
        f.finish().map_err(|e| with_path(&f.path, e))?;
        if f.path.is_dir() {
            let e = std::io::Error::other("a folder stands where the file goes");
            return Err(with_path(&f.path, e));
        }
    }
    // Held while renaming: an interrupted run waits for the renames rather than removing a
    // temporary file that is half-way into place.
    let mut list = temporaries();
    for f in &mut files {
        std::fs::rename(&f.tmp, &f.path).map_err(|e| with_path(&f.path, e))?;
        list.retain(|p| p != &f.tmp);
    }
    Ok(())
}

/// Replaces the folder `path` with the folder `staged` (renamed into place; the old one is
/// removed after).
pub fn replace_dir(staged: &Path, path: &Path) -> std::io::Result<()> {
    let old = temporary(path, "old");
    let had_old = path.exists();
    if had_old {
        std::fs::rename(path, &old)?;
    }
    std::fs::rename(staged, path)?;
    if had_old {
        std::fs::remove_dir_all(&old)?;
    }
    Ok(())
}

/// `DIR/.NAME.PID.SUFFIX` for `DIR/NAME`.
pub fn temporary(path: &Path, suffix: &str) -> PathBuf {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    dir.join(format!(".{name}.{}.{suffix}", std::process::id()))
}

fn with_path(path: &Path, e: std::io::Error) -> std::io::Error {
    std::io::Error::new(e.kind(), format!("{}: {e}", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_replaces_the_file_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.jsonl");
        jsonl(&p, [1, 2, 3]).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "1\n2\n3\n");
        jsonl(&p, ["a"]).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "\"a\"\n");
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(leftovers.len(), 1, "no temporary file left behind");
    }

    #[test]
    fn staged_files_replace_the_outputs_together_or_not_at_all() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.jsonl"), dir.path().join("b.jsonl"));
        std::fs::write(&a, "old a\n").unwrap();
        std::fs::write(&b, "old b\n").unwrap();
        {
            let mut sa = Staged::create(&a).unwrap();
            sa.line(&1).unwrap();
            sa.flush().unwrap();
            assert_eq!(std::fs::read_to_string(sa.temporary_path()).unwrap(), "1\n");
            // Dropped without commit: a failed run.
        }
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "old a\n");
        let mut sa = Staged::create(&a).unwrap();
        let mut sb = Staged::create(&b).unwrap();
        sa.line(&1).unwrap();
        sb.line(&2).unwrap();
        commit(vec![sa, sb]).unwrap();
        assert_eq!(std::fs::read_to_string(&a).unwrap(), "1\n");
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "2\n");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert_eq!(names.len(), 2, "no temporary file left behind");
    }
}
