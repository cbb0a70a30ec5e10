//! `cdv merge`.

use std::fs::File;
use std::io::{BufRead, BufReader, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use cdv::record::DocumentRecord;
use cdv::write::Staged;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Document records to merge (as written by `cdv extract`).
    #[arg(default_value = "output/documents.jsonl", value_name = "RECORDS")]
    records: Vec<PathBuf>,

    /// Where to write contracts.jsonl.
    #[arg(short, long, default_value = "output", value_name = "DIR")]
    output: PathBuf,
}

/// Where a record is: its id, the file it is in (an index into the files) and its line's byte
/// offset.
struct Located {
    id: String,
    file: usize,
    at: u64,
}

/// The records are read twice: once to check them and note where each one is, then one at a time
/// in id order into the merge, so memory holds their locations, not the records.
pub fn run(args: Args) -> Result<ExitCode> {
    let mut located = Vec::new();
    for (file, path) in args.records.iter().enumerate() {
        locate(path, file, &mut located)?;
    }
    // In id order, records with the same id in the order read (as `merge::across::contracts`).
    located.sort_by(|a, b| a.id.cmp(&b.id));
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("{}: cannot create output folder", args.output.display()))?;
    let path = args.output.join("contracts.jsonl");
    let spill = cdv::write::temporary(&path, "spill");
    let mut collector = cdv::merge::across::Collector::spilled(&spill)
        .with_context(|| format!("{}: cannot write", spill.display()))?;
    let mut readers = Vec::new();
    for p in &args.records {
        let file =
            File::open(p).with_context(|| format!("{}: cannot open records", p.display()))?;
        readers.push(BufReader::new(file));
    }
    for l in &located {
        let source = &args.records[l.file];
        let r = read_at(&mut readers[l.file], l.at)
            .with_context(|| format!("{}: cannot read", source.display()))?;
        collector
            .push(&r.id, &r.contracts)
            .with_context(|| format!("{}: cannot write", spill.display()))?;
    }
    let mut out =
        Staged::create(&path).with_context(|| format!("{}: cannot write", path.display()))?;
    let contracts = collector
        .finish(|c| out.line(&c))
        .with_context(|| format!("{}: cannot write", path.display()))?;
    cdv::write::commit(vec![out]).with_context(|| format!("{}: cannot write", path.display()))?;
    eprintln!("cdv: {} documents, {contracts} contracts -> {}", located.len(), path.display());
    Ok(ExitCode::SUCCESS)
}

/// Checks every record of `path` and notes where each one is.
fn locate(path: &Path, file: usize, located: &mut Vec<Located>) -> Result<()> {
    let f = File::open(path).with_context(|| format!("{}: cannot open records", path.display()))?;
    let mut reader = BufReader::new(f);
    let (mut at, mut line, mut n) = (0u64, String::new(), 0usize);
    loop {
        line.clear();
        let read = reader
            .read_line(&mut line)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        if read == 0 {
            return Ok(());
        }
        n += 1;
        if !line.trim().is_empty() {
            let r: DocumentRecord = serde_json::from_str(&line)
                .with_context(|| format!("{}:{n}: not a document record", path.display()))?;
            located.push(Located { id: r.id, file, at });
        }
        at += read as u64;
    }
}

/// The record on the line starting at byte `at`.
fn read_at(reader: &mut BufReader<File>, at: u64) -> std::io::Result<DocumentRecord> {
    reader.seek(SeekFrom::Start(at))?;
    let mut line = String::new();
    reader.read_line(&mut line)?;
    Ok(serde_json::from_str(&line)?)
}
