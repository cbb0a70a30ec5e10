//! Prints the person names the recogniser (`cdv::rules::people::names::mentions`) finds in each
//! document, one JSON line per document: `{"id", "names": [...], "guessed": [...]}`.
//!
//! `cargo run --release --example name_mentions -- DOCS... > mentions.jsonl`, then
//! `scripts/people_recall.py --mentions mentions.jsonl` measures its recall of gold names.

use std::path::Path;

use anyhow::Context;
use cdv::ingest::{ingest, normalise::normalise};
use cdv::rules::people::names::mentions;

fn main() -> anyhow::Result<()> {
    let mut paths: Vec<std::path::PathBuf> = Vec::new();
    for arg in std::env::args().skip(1) {
        let p = Path::new(&arg);
        if p.is_dir() {
            for e in std::fs::read_dir(p)? {
                paths.push(e?.path());
            }
        } else {
            paths.push(p.to_path_buf());
        }
    }
    paths.sort();
    for path in paths {
        let bytes = std::fs::read(&path).with_context(|| path.display().to_string())?;
        let Ok(doc) = ingest(&bytes, Some(&path)) else { continue };
        let norm = normalise(&doc.clean);
        let found = mentions(&norm.text);
        let id = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let names: Vec<&str> =
            found.iter().filter(|m| !m.guessed).map(|m| m.name.as_str()).collect();
        let guessed: Vec<&str> =
            found.iter().filter(|m| m.guessed).map(|m| m.name.as_str()).collect();
        let line = serde_json::json!({"id": id, "names": names, "guessed": guessed});
        println!("{line}");
    }
    Ok(())
}
