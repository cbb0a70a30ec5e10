//! Writing output files atomically: to a temporary file in the same folder, synced, then renamed
//! into place, so an interrupted run never leaves a half-written file.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::Path;

use serde::Serialize;

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
}
