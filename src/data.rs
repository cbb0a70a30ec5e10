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
    fn every_rule_file_is_embedded_and_readable() {
        assert!(!EMBEDDED.is_empty());
        for (path, body) in EMBEDDED {
            assert!(!body.is_empty(), "rules/{path} is empty");
        }
    }
}
