//! `cdv export`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;
use cdv::export::OutputFormat;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Folder holding documents.jsonl and contracts.jsonl (as written by `cdv extract`).
    #[arg(default_value = "output", value_name = "DIR")]
    records: PathBuf,

    /// Where to write the outputs (default: the records folder).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,

    /// Formats to write, comma-separated: sqlite (DIR/cdv.sqlite), csv (DIR/csv/<table>.csv).
    #[arg(long, value_delimiter = ',', default_value = "sqlite,csv", value_name = "FORMATS")]
    format: Vec<OutputFormat>,

    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let out = args.output.as_ref().unwrap_or(&args.records);
    let summary = cdv::export::write_formats(&args.records, out, &args.format)?;
    if !args.quiet {
        eprintln!("cdv: {summary} -> {}", out.display());
    }
    Ok(ExitCode::SUCCESS)
}
