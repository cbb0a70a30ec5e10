//! The command line: a thin clap layer over the library.

mod eval;
mod extract;
mod schema;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Turn French "contrats de ville" documents (press releases, fact sheets, web pages) into
/// evidence-backed JSON records.
#[derive(Debug, Parser)]
#[command(name = "cdv", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    /// Folder of rule data overriding the embedded `rules/` files of the same path (also
    /// CDV_RULES_DIR).
    #[arg(long, global = true, value_name = "DIR")]
    rules: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract one record per document into DIR/documents.jsonl (and DIR/contracts.jsonl).
    Extract(extract::Args),
    /// Score records against gold annotations: precision, recall and F1 per field.
    Eval(eval::Args),
    /// Print the JSON Schema of a documents.jsonl line, or write every schema file.
    Schema(schema::Args),
}

/// Runs the command line; the exit code is 0 on success, 2 when some input could not be read,
/// 1 on a fatal error.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    cdv::data::set_override_dir(cli.rules.clone());
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Schema(args) => schema::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("cdv: {e:#}");
            ExitCode::from(1)
        }
    }
}
