//! The command line: a thin clap layer over the library.

mod bench;
mod eval;
mod export;
mod extract;
mod merge;
mod report;
mod schema;

use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{Context, Result};
use cdv::record::DocumentRecord;
use clap::{Parser, Subcommand};

/// Turn French "contrats de ville" documents (press releases, fact sheets, web pages) into
/// evidence-backed JSON records.
#[derive(Debug, Parser)]
#[command(
    name = "cdv",
    version,
    about,
    long_about = None,
    propagate_version = true,
    after_help = "Examples:\n  \
        cdv extract fixtures/docs -o output          records of a folder\n  \
        cdv extract page.html --emit-text -o out     one file, with its clean text\n  \
        cat note.txt | cdv extract - -o out          standard input\n  \
        cdv eval --gold fixtures/gold output/documents.jsonl\n\n\
        Exit status: 0 all inputs read, 2 some could not be (their records carry errors[]), 1 fatal."
)]
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
    /// Merge document records into one record per contract (DIR/contracts.jsonl); `extract`
    /// already does this for the documents it reads.
    Merge(merge::Args),
    /// Print the JSON Schema of a documents.jsonl line, or write every schema file.
    Schema(schema::Args),
    /// Measure throughput per stage (MB/s) and peak memory on a set of documents.
    Bench(bench::Args),
    /// Convert existing records (documents.jsonl, contracts.jsonl) to SQLite and CSV.
    Export(export::Args),
    /// Write a static HTML review report: contracts index, one page per document.
    Report(report::Args),
}

/// Runs the command line; the exit code is 0 on success, 2 when some input could not be read,
/// 1 on a fatal error.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    cdv::data::set_override_dir(cli.rules.clone());
    if let Err(e) = check_rule_data() {
        eprintln!("cdv: {e:#}");
        return ExitCode::from(1);
    }
    // Ctrl-C or SIGTERM: drop the run's temporary files; the previous outputs stay in place.
    let _ = ctrlc::set_handler(|| {
        cdv::write::remove_temporaries();
        eprintln!("cdv: interrupted: outputs left as they were before this run");
        std::process::exit(130);
    });
    let result = match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Eval(args) => eval::run(args),
        Command::Schema(args) => schema::run(args),
        Command::Merge(args) => merge::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Export(args) => export::run(args),
        Command::Report(args) => report::run(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("cdv: {e:#}");
            ExitCode::from(1)
        }
    }
}

/// Checks the user's rule data (`--rules DIR`), when there is some, before any command runs.
fn check_rule_data() -> Result<()> {
    if !cdv::data::has_override() {
        return Ok(());
    }
    cdv::data::validate_override().context("rule data")?;
    cdv::pipeline::check_rule_data()
        .map_err(|why| anyhow::anyhow!("rule data: the rules fail with these files: {why}"))
}

/// Writes `text` to standard output; a reader that went away (`cdv eval | head`) is not an error.
fn print(text: &str) -> Result<()> {
    use std::io::Write;
    match std::io::stdout().lock().write_all(text.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// Reads a `documents.jsonl` file.
fn read_records(path: &Path) -> Result<Vec<DocumentRecord>> {
    let file = std::fs::File::open(path)
        .with_context(|| format!("{}: cannot open records", path.display()))?;
    let mut records = Vec::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.with_context(|| format!("{}: cannot read", path.display()))?;
        if line.trim().is_empty() {
            continue;
        }
        let r: DocumentRecord = serde_json::from_str(&line)
            .with_context(|| format!("{}:{}: not a document record", path.display(), n + 1))?;
        records.push(r);
    }
    Ok(records)
}
