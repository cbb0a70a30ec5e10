//! `cdv report`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Result;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output folder of `cdv extract` (documents.jsonl, contracts.jsonl, text/ when written).
    #[arg(default_value = "output", value_name = "OUT")]
    records: PathBuf,

    /// Where to write the report (default: OUT/report).
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,

    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let out = args.output.clone().unwrap_or_else(|| args.records.join("report"));
    let s = cdv::report::write(&args.records, &out)?;
    if !args.quiet {
        eprintln!(
            "cdv: {} document pages ({} without clean text), {} contracts -> {}",
            s.pages,
            s.without_text,
            s.contracts,
            out.join("index.html").display()
        );
    }
    Ok(ExitCode::SUCCESS)
}
