//! `cdv schema`.

use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::{Context, Result};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write every schema file into DIR instead of printing the documents schema.
    #[arg(long, value_name = "DIR")]
    write: Option<PathBuf>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    match args.write {
        Some(dir) => {
            std::fs::create_dir_all(&dir)
                .with_context(|| format!("{}: cannot create", dir.display()))?;
            for (name, schema) in cdv::schema::files() {
                let path = dir.join(name);
                let text = serde_json::to_string_pretty(&schema)? + "\n";
                cdv::write::bytes(&path, text.as_bytes())
                    .with_context(|| format!("{}: cannot write", path.display()))?;
            }
        }
        None => super::print(&(serde_json::to_string_pretty(&cdv::schema::documents())? + "\n"))?,
    }
    Ok(ExitCode::SUCCESS)
}
