//! Drops web boilerplate lines (cookie notices, breadcrumbs, "Précédent", menu leftovers).
//!
//! The patterns live in `rules/boilerplate.txt` so users can extend them (see [`crate::data`]).

use std::sync::LazyLock;

use regex::RegexSet;

static SET: LazyLock<RegexSet> =
    LazyLock::new(|| RegexSet::new(patterns()).expect("rules/boilerplate.txt holds valid regexes"));

/// The patterns of `rules/boilerplate.txt`: one regex a line, `#` comments and blank lines skipped.
pub fn patterns() -> Vec<String> {
    crate::data::lines("boilerplate.txt")
}

/// True when the whole line is boilerplate.
pub fn is_boilerplate(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && SET.is_match(t)
}

/// Removes boilerplate lines, keeping every other line as it is.
pub fn strip(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        if !is_boilerplate(line) {
            out.push_str(line);
        }
    }
    out
}
