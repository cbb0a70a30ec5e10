//! `cdv merge`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Document records to merge (as written by `cdv extract`).
    #[arg(default_value = "output/documents.jsonl", value_name = "RECORDS")]
    records: Vec<PathBuf>,

    /// Where to write contracts.jsonl.
    #[arg(short, long, default_value = "output", value_name = "DIR")]
    output: PathBuf,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut records = Vec::new();
    for path in &args.records {
        records.extend(super::read_records(path)?);
    }
    let contracts = cdv::merge::across::contracts(&records);
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("{}: cannot create output folder", args.output.display()))?;
    let path = args.output.join("contracts.jsonl");
    cdv::write::jsonl(&path, &contracts)
        .with_context(|| format!("{}: cannot write", path.display()))?;
    eprintln!(
        "cdv: {} documents, {} contracts -> {}",
        records.len(),
        contracts.len(),
        path.display()
    );
    Ok(ExitCode::SUCCESS)
}
