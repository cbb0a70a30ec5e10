//! CSV output: one RFC 4180 file per table (`csv/<table>.csv`), UTF-8, a header row, CRLF line
//! ends, fields quoted when they hold a comma, a quote or a line end; NULL is an empty field.

use std::fmt::Write as _;
use std::path::Path;

use super::tables::{Cell, Rows, TABLES};

/// Writes every table to `dir/<table>.csv` (each file atomically); returns the files written.
pub fn write(dir: &Path, rows: &Rows) -> std::io::Result<usize> {
    std::fs::create_dir_all(dir)?;
    let mut n = 0;
    for t in TABLES {
        let mut out = String::new();
        let header: Vec<String> = t.columns.iter().map(|c| field(c.name)).collect();
        out.push_str(&header.join(","));
        out.push_str("\r\n");
        for row in rows.get(t.name).into_iter().flatten() {
            let cells: Vec<String> = row.iter().map(cell).collect();
            out.push_str(&cells.join(","));
            out.push_str("\r\n");
        }
        crate::write::bytes(&dir.join(format!("{}.csv", t.name)), out.as_bytes())?;
        n += 1;
    }
    Ok(n)
}

/// One value as a CSV field.
pub fn cell(c: &Cell) -> String {
    match c {
        Cell::Null => String::new(),
        Cell::Int(i) => i.to_string(),
        Cell::Real(x) => number(*x),
        Cell::Text(s) => field(s),
    }
}

/// A number without a fraction when it has none (`36000`, not `36000.0`).
pub fn number(x: f64) -> String {
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        format!("{}", x as i64)
    } else {
        let mut s = String::new();
        let _ = write!(s, "{x}");
        s
    }
}

/// A text field, quoted (quotes doubled) when it must be.
pub fn field(s: &str) -> String {
    if s.contains([',', '"', '\r', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("dit \"oui\""), "\"dit \"\"oui\"\"\"");
        assert_eq!(field("deux\nlignes"), "\"deux\nlignes\"");
        assert_eq!(cell(&Cell::Null), "");
        assert_eq!(cell(&Cell::Real(36000.0)), "36000");
        assert_eq!(cell(&Cell::Real(1.5)), "1.5");
    }
}
