//! `cdv eval`.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result, anyhow};
use cdv::eval;
use cdv::record::DocumentRecord;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of gold annotation files (`<id>.json`).
    #[arg(long, value_name = "DIR")]
    gold: PathBuf,

    /// The records to score.
    #[arg(default_value = "output/documents.jsonl", value_name = "RECORDS")]
    records: PathBuf,

    /// Print the report as JSON instead of a table.
    #[arg(long)]
    json: bool,

    /// Also list every missed and extra value, per document and field.
    #[arg(long)]
    details: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let gold = eval::load_gold_dir(&args.gold).map_err(|e| anyhow!(e))?;
    let file = std::fs::File::open(&args.records)
        .with_context(|| format!("{}: cannot open records", args.records.display()))?;
    let mut records = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}: cannot read", args.records.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let r: DocumentRecord = serde_json::from_str(&line).with_context(|| {
            format!("{}:{}: not a document record", args.records.display(), n + 1)
        })?;
        records.push(r);
    }
    let report = eval::evaluate(&gold, &records);
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if !args.details {
            if let Some(o) = value.as_object_mut() {
                o.remove("details");
            }
        }
        println!("{}", serde_json::to_string_pretty(&value)?);
    } else {
        if args.details {
            for d in &report.details {
                println!("{}\t{}\t{}\t{}", d.doc, d.field, d.kind, d.value);
            }
            println!();
        }
        print!("{}", report.table());
        if !report.missing_records.is_empty() {
            eprintln!(
                "cdv: no record for {} gold documents: {}",
                report.missing_records.len(),
                report.missing_records.join(", ")
            );
        }
        println!("{} documents", report.documents);
    }
    Ok(ExitCode::SUCCESS)
}
