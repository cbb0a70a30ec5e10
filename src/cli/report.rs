//! `cdv report`.
use anyhow::Result;
use std::path::PathBuf;
use std::process::ExitCode;
#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(default_value = "output", value_name = "OUT")]
    records: PathBuf,
}
pub fn run(args: Args) -> Result<ExitCode> {
    cdv::report::write(&args.records, &args.records)?;
    Ok(ExitCode::SUCCESS)
}
