//! `cdv eval`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Result, anyhow};
use cdv::eval;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder of gold annotation files (`<id>.json`); repeat it to score several folders at
    /// once (`--gold seeds/gold --gold dev/gold`).
    #[arg(long, value_name = "DIR", required = true)]
    gold: Vec<PathBuf>,

    /// The records to score (several files are read as one).
    #[arg(default_value = "output/documents.jsonl", value_name = "RECORDS")]
    records: Vec<PathBuf>,

    /// Print the report as JSON instead of a table.
    #[arg(long)]
    json: bool,

    /// Also list every missed and extra value, per document and field.
    #[arg(long)]
    details: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let mut gold = Vec::new();
    for dir in &args.gold {
        gold.extend(eval::load_gold_dir(dir).map_err(|e| anyhow!(e))?);
    }
    let mut records = Vec::new();
    for path in &args.records {
        records.extend(super::read_records(path)?);
    }
    let report = eval::evaluate(&gold, &records);
    let mut out = String::new();
    if args.json {
        let mut value = serde_json::to_value(&report)?;
        if !args.details
            && let Some(o) = value.as_object_mut()
        {
            o.remove("details");
        }
        out = serde_json::to_string_pretty(&value)? + "\n";
    } else {
        if args.details {
            for d in &report.details {
                out += &format!("{}\t{}\t{}\t{}\n", d.doc, d.field, d.kind, d.value);
            }
            out.push('\n');
        }
        out += &report.table();
        if !report.missing_records.is_empty() {
            eprintln!(
                "cdv: no record for {} gold documents: {}",
                report.missing_records.len(),
                report.missing_records.join(", ")
            );
        }
        out += &format!("{} documents\n", report.documents);
    }
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
