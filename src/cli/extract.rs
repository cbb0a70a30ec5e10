//! `cdv extract`.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use cdv::batch;
use cdv::pipeline::{Options, Processed};
use indicatif::{ProgressBar, ProgressStyle};

/// Batches at least this large show a progress bar (when stderr is a terminal).
const PROGRESS_MIN: usize = 20;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to read (folders are recursed for .txt .md .markdown .html .htm); `-` reads
    /// standard input.
    #[arg(required = true, value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// Output folder.
    #[arg(short, long, default_value = "output", value_name = "DIR")]
    output: PathBuf,

    /// Worker threads (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,

    /// Also write each document's clean text to DIR/text/<id>.txt (evidence spans point into it).
    #[arg(long)]
    emit_text: bool,

    /// Refuse inputs larger than this many bytes.
    #[arg(long, default_value_t = cdv::ingest::DEFAULT_MAX_BYTES, value_name = "BYTES")]
    max_bytes: u64,

    /// Print nothing but errors.
    #[arg(short, long)]
    quiet: bool,

    /// Output formats, comma-separated: jsonl (always written), sqlite (DIR/cdv.sqlite), csv
    /// (DIR/csv/<table>.csv).
    #[arg(long, value_delimiter = ',', default_value = "jsonl", value_name = "FORMATS")]
    format: Vec<cdv::export::OutputFormat>,

    /// Process every document again, even those unchanged since the last run into DIR.
    #[arg(long)]
    full: bool,
}

pub fn run(args: Args) -> Result<ExitCode> {
    let started = Instant::now();
    let found = batch::discover(&args.paths);
    for (path, why) in &found.skipped {
        if !args.quiet {
            eprintln!("cdv: {}: skipped ({why})", path.display());
        }
    }
    for (path, why) in &found.missing {
        eprintln!("cdv: {}: {why}", path.display());
    }
    std::fs::create_dir_all(&args.output)
        .with_context(|| format!("{}: cannot create output folder", args.output.display()))?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.jobs.unwrap_or(0))
        .build()
        .context("cannot start worker threads")?;
    let bar =
        (std::io::stderr().is_terminal() && !args.quiet && found.inputs.len() >= PROGRESS_MIN)
            .then(|| {
                let b = ProgressBar::new(found.inputs.len() as u64);
                b.set_style(
                    ProgressStyle::with_template("{elapsed_precise} [{bar:40}] {pos}/{len} {msg}")
                        .expect("valid template")
                        .progress_chars("=> "),
                );
                b
            });
    let opts = Options { max_bytes: args.max_bytes };
    let tick = |p: &Processed| {
        for e in &p.record.errors {
            let line = format!("cdv: {}: {} ({})", p.record.source.path, e.message, e.kind);
            match &bar {
                Some(b) => b.println(line),
                None => eprintln!("{line}"),
            }
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    // Incremental runs (issue 14): unchanged documents keep their previous record.
    let text_dir = args.emit_text.then(|| args.output.join("text"));
    let plan = pool.install(|| {
        cdv::export::incremental::plan(
            &args.output,
            &found.inputs,
            args.max_bytes,
            args.full,
            text_dir.as_deref(),
        )
    });
    let reused = plan.reused.len();
    if let Some(b) = &bar {
        b.inc(reused as u64);
    }
    let mut processed = pool.install(|| batch::run(&plan.todo, &opts, &tick));
    processed.extend(plan.reused);
    processed.sort_by(|a, b| a.record.id.cmp(&b.record.id));
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    if args.emit_text {
        let dir = args.output.join("text");
        std::fs::create_dir_all(&dir)
            .with_context(|| format!("{}: cannot create folder", dir.display()))?;
        for p in &processed {
            if let Some(clean) = &p.clean {
                let path = dir.join(format!("{}.txt", p.record.id));
                cdv::write::bytes(&path, clean.as_bytes())
                    .with_context(|| format!("{}: cannot write", path.display()))?;
            }
        }
    }
    let docs_path = args.output.join("documents.jsonl");
    cdv::write::jsonl(&docs_path, processed.iter().map(|p| &p.record))
        .with_context(|| format!("{}: cannot write", docs_path.display()))?;
    let records: Vec<_> = processed.iter().map(|p| p.record.clone()).collect();
    let contracts = cdv::merge::across::contracts(&records);
    let contracts_path = args.output.join("contracts.jsonl");
    cdv::write::jsonl(&contracts_path, &contracts)
        .with_context(|| format!("{}: cannot write", contracts_path.display()))?;
    // Incremental runs and database formats (issue 14).
    cdv::export::incremental::write_index(&args.output, args.max_bytes)
        .with_context(|| format!("{}: cannot write the index", args.output.display()))?;
    let exported = cdv::export::write_formats(&args.output, &args.output, &args.format)?;
    if !args.quiet && reused > 0 {
        eprintln!("cdv: {} processed, {reused} unchanged (reused)", processed.len() - reused);
    }
    if !args.quiet && !exported.to_string().is_empty() {
        eprintln!("cdv: {exported}");
    }
    let errors = processed.iter().filter(|p| p.failed()).count() + found.missing.len();
    if !args.quiet {
        eprintln!(
            "cdv: {} documents, {} errors, {} skipped, {} contracts, {:.2}s -> {}",
            processed.len(),
            errors,
            found.skipped.len(),
            contracts.len(),
            started.elapsed().as_secs_f64(),
            docs_path.display()
        );
    }
    Ok(if errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}
