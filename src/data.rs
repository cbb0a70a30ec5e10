//! Rule data: the plain files of `rules/` (patterns, vocabularies, gazetteer).
//!
//! Every file is compiled into the binary; a user who extends a vocabulary points `--rules DIR`
//! (or `CDV_RULES_DIR`) at a folder laid out like `rules/`, and each file found there replaces the
//! embedded one of the same path, without recompiling.

use std::borrow::Cow;
use std::path::PathBuf;
use std::sync::OnceLock;

include!(concat!(env!("OUT_DIR"), "/embedded_rules.rs"));

static OVERRIDE_DIR: OnceLock<Option<PathBuf>> = OnceLock::new();

/// Sets the folder whose files override the embedded rule data. Call once, before any rule runs;
/// later calls are ignored.
pub fn set_override_dir(dir: Option<PathBuf>) {
    let dir = dir.or_else(|| std::env::var_os("CDV_RULES_DIR").map(PathBuf::from));
    let _ = OVERRIDE_DIR.set(dir);
}

/// True when an override folder was given.
pub fn has_override() -> bool {
    matches!(OVERRIDE_DIR.get(), Some(Some(_)))
}

/// The text of the rule file at `rel` (e.g. `dates/months.tsv`), from the override folder when it
/// has the file, else the embedded copy.
///
/// # Panics
/// When no such file is embedded: rule code names its files at compile time, and a test loads
/// each of them.
pub fn text(rel: &str) -> Cow<'static, str> {
    if let Some(Some(dir)) = OVERRIDE_DIR.get()
        && let Ok(s) = std::fs::read_to_string(dir.join(rel))
    {
        return Cow::Owned(s);
    }
    match EMBEDDED.iter().find(|(p, _)| *p == rel) {
        Some((_, s)) => Cow::Borrowed(s),
        None => panic!("rule file rules/{rel} is not embedded"),
    }
}

/// A rule file of the override folder that cannot be used.
#[derive(Debug, thiserror::Error)]
#[error("{}:{line}: {why}", path.display())]
pub struct DataError {
    pub path: PathBuf,
    /// 1-based; 0 when the file as a whole is at fault.
    pub line: usize,
    pub why: String,
}

/// Checks every file of the override folder that replaces an embedded one: UTF-8 text, and for a
/// table (`.tsv`) the same number of non-empty tab-separated fields on every data line as the
/// embedded table has. Call it after [`set_override_dir`], before any rule runs: a bad file is
/// reported once with its path and line instead of failing every document.
pub fn validate_override() -> Result<(), DataError> {
    let Some(Some(dir)) = OVERRIDE_DIR.get() else { return Ok(()) };
    if !dir.is_dir() {
        return Err(DataError { path: dir.clone(), line: 0, why: "not a folder".into() });
    }
    for (rel, embedded) in EMBEDDED {
        let path = dir.join(rel);
        let bytes = match std::fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => continue,
            Err(e) => return Err(DataError { path, line: 0, why: format!("cannot read: {e}") }),
        };
        let text = match std::str::from_utf8(&bytes) {
            Ok(t) => t,
            Err(e) => {
                let line = 1 + bytes[..e.valid_up_to()].iter().filter(|&&b| b == b'\n').count();
                return Err(DataError { path, line, why: "not UTF-8 text".into() });
            }
        };
        if rel.ends_with(".tsv") {
            check_columns(&path, text, embedded)?;
        }
    }
    Ok(())
}

fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> + Clone {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

fn check_columns(path: &std::path::Path, text: &str, embedded: &str) -> Result<(), DataError> {
    let counts = data_lines(embedded).map(|(_, l)| l.split('\t').count());
    let (Some(min), Some(max)) = (counts.clone().min(), counts.max()) else { return Ok(()) };
    for (line, l) in data_lines(text) {
        let n = l.split('\t').count();
        if !(min..=max).contains(&n) {
            let expected = if min == max { min.to_string() } else { format!("{min} to {max}") };
            let why = format!("expected {expected} tab-separated fields, found {n} in {l:?}");
            return Err(DataError { path: path.to_owned(), line, why });
        }
        if l.split('\t').next().is_none_or(|f| f.trim().is_empty()) {
            let why = format!("an empty first field in {l:?}");
            return Err(DataError { path: path.to_owned(), line, why });
        }
    }
    Ok(())
}

/// The data lines of a rule file: trimmed, without blank lines and `#` comments.
pub fn lines(rel: &str) -> Vec<String> {
    text(rel)
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_owned)
        .collect()
}

/// The rows of a tab-separated rule file, each split on tabs.
pub fn rows(rel: &str) -> Vec<Vec<String>> {
    lines(rel).iter().map(|l| l.split('\t').map(|f| f.trim().to_owned()).collect()).collect()
}

/// Checks a rule table, for the families' tests: not empty, sorted in byte order without
/// duplicates, `columns` non-empty fields a row, and the first field in lower case when `lower`
/// (the families look words up lower-cased).
#[cfg(test)]
#[track_caller]
pub(crate) fn check_table(file: &str, columns: usize, lower: bool) {
    let lines = lines(file);
    assert!(!lines.is_empty(), "rules/{file} is empty");
    let mut sorted = lines.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(lines, sorted, "rules/{file} is not sorted (byte order) or has duplicates");
    for row in rows(file) {
        assert_eq!(row.len(), columns, "rules/{file}: {row:?}");
        assert!(row.iter().all(|f| !f.is_empty()), "rules/{file}: {row:?}");
        if lower {
            assert_eq!(row[0], row[0].to_lowercase(), "rules/{file}: {row:?} is not lower case");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_embedded_table_passes_its_own_check() {
        for (path, body) in EMBEDDED.iter().filter(|(p, _)| p.ends_with(".tsv")) {
            check_columns(std::path::Path::new(path), body, body).unwrap();
        }
        let bad = check_columns(std::path::Path::new("m.tsv"), "a\t1\n# note\nb\n", "x\t2\n");
        let e = bad.unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.to_string().starts_with("m.tsv:3: expected 2 tab-separated fields"), "{e}");
    }

    #[test]
    fn every_rule_file_is_embedded_and_readable() {
        assert!(!EMBEDDED.is_empty());
        for (path, body) in EMBEDDED {
            assert!(!body.is_empty(), "rules/{path} is empty");
        }
    }
}
