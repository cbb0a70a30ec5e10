//! `cdv extract`.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::{Context, Result};
use cdv::batch;
use cdv::pipeline::{Options, Processed};
use cdv::write::Staged;
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

    /// Seconds the rules may spend on one document (0: no limit). Past it, the rules stop
    /// starting new windows of that document and its record carries a `pipeline.time_budget`
    /// warning saying what was not read.
    #[arg(long, default_value_t = cdv::pipeline::DEFAULT_TIME_BUDGET_SECS as f64, value_name = "SECONDS")]
    time_budget: f64,

    /// Size of the windows the rules read a long document in (bytes of clean text).
    #[arg(long, default_value_t = cdv::pipeline::DEFAULT_WINDOW_BYTES, value_name = "BYTES", hide = true)]
    window_bytes: usize,

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
    let mut found = batch::discover(&args.paths);
    for (path, why) in &found.skipped {
        if !args.quiet {
            eprintln!("cdv: {}: skipped ({why})", path.display());
        }
    }
    for (path, why) in &found.missing {
        eprintln!("cdv: {}: {why}", path.display());
    }
    if !found.missing.is_empty() {
        // A mistyped path must not replace yesterday's output with a partial one.
        eprintln!(
            "cdv: nothing written: fix the paths above ({} kept as they were)",
            args.output.display()
        );
        return Ok(ExitCode::from(2));
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
    let opts = Options {
        max_bytes: args.max_bytes,
        time_budget: (args.time_budget > 0.0).then(|| Duration::from_secs_f64(args.time_budget)),
        window_bytes: args.window_bytes,
    };
    let text_dir = args.output.join("text");
    let staged_text = cdv::write::temporary(&text_dir, "partial");
    if args.emit_text {
        std::fs::create_dir_all(&staged_text)
            .with_context(|| format!("{}: cannot create folder", staged_text.display()))?;
        cdv::write::register_temporary(&staged_text);
    }
    let text_failed = std::sync::Mutex::new(None::<anyhow::Error>);
    let tick = |p: &Processed| {
        for e in &p.record.errors {
            let line = format!("cdv: {}: {} ({})", p.record.source.path, e.message, e.kind);
            match &bar {
                Some(b) => b.println(line),
                None => eprintln!("{line}"),
            }
        }
        if args.emit_text
            && let Some(clean) = &p.clean
            && let Err(e) = write_text(&staged_text, &p.record.id, clean)
            && let Ok(mut slot) = text_failed.lock()
        {
            slot.get_or_insert(e);
        }
        if let Some(b) = &bar {
            b.inc(1);
        }
    };
    let docs_path = args.output.join("documents.jsonl");
    let contracts_path = args.output.join("contracts.jsonl");
    // Incremental runs: unchanged documents keep their previous record (and clean text). The
    // plan holds the inputs from now on: one list of them in memory, not two.
    let inputs = std::mem::take(&mut found.inputs);
    let mut plan = pool.install(|| {
        cdv::export::incremental::plan(
            &args.output,
            inputs,
            args.max_bytes,
            args.full,
            args.emit_text.then_some(text_dir.as_path()),
        )
    });
    // The inputs to process wait in a temporary file, read back a chunk at a time.
    let inputs_path = cdv::write::temporary(&docs_path, "inputs");
    let todo = std::mem::take(&mut plan.todo)
        .spill(&inputs_path)
        .with_context(|| format!("{}: cannot write", inputs_path.display()))?;
    let reused_count = plan.reused.len();
    if let Some(b) = &bar {
        b.inc(reused_count as u64);
    }
    let mut reused = plan.reused.iter().peekable();
    let mut docs = Staged::create(&docs_path)
        .with_context(|| format!("{}: cannot write", docs_path.display()))?;
    // Records are written as documents finish, in id order (the inputs and the reused records
    // both come sorted by id); the cross-document merge keeps only each document's contracts, so
    // memory does not grow with the batch.
    let spill = cdv::write::temporary(&contracts_path, "spill");
    let mut collector = cdv::merge::across::Collector::spilled(&spill)
        .with_context(|| format!("{}: cannot write", spill.display()))?;
    let (mut count, mut errors) = (0usize, found.missing.len());
    // `reused`: the record comes from the previous run, its clean text from its folder.
    let mut write = |p: Processed, reused: bool| -> std::io::Result<()> {
        if reused && args.emit_text {
            copy_text(&text_dir, &staged_text, &p.record.id)?;
        }
        count += 1;
        errors += usize::from(p.failed());
        docs.line(&p.record)?;
        collector.push(&p.record.id, &p.record.contracts)?;
        if count.is_multiple_of(FLUSH_EVERY) {
            docs.flush()?;
        }
        if count == 1 && cdv::write::failpoint(FAILPOINT) {
            docs.flush()?;
            std::thread::sleep(Duration::from_secs(60));
        }
        Ok(())
    };
    let todo_inputs =
        todo.read().with_context(|| format!("{}: cannot read", inputs_path.display()))?;
    let written = pool.install(|| {
        batch::stream(todo_inputs, &opts, &tick, |p| {
            while let Some(r) = reused.next_if(|r| r.id < p.record.id) {
                write(plan.record(r)?, true)?;
            }
            write(p, false)
        })
    });
    let written = written.and_then(|()| reused.try_for_each(|r| write(plan.record(r)?, true)));
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    written.with_context(|| format!("{}: cannot write", docs.temporary_path().display()))?;
    drop(todo);
    if let Some(e) = text_failed.into_inner().ok().flatten() {
        let _ = std::fs::remove_dir_all(&staged_text);
        return Err(e);
    }
    let mut contracts_out = Staged::create(&contracts_path)
        .with_context(|| format!("{}: cannot write", contracts_path.display()))?;
    let contracts = collector
        .finish(|c| contracts_out.line(&c))
        .with_context(|| format!("{}: cannot write", contracts_path.display()))?;
    cdv::write::commit(vec![docs, contracts_out]).context("cannot replace the outputs")?;
    if args.emit_text {
        cdv::write::replace_dir(&staged_text, &text_dir)
            .with_context(|| format!("{}: cannot replace", text_dir.display()))?;
        cdv::write::unregister_temporary(&staged_text);
    }
    // Incremental runs and database formats: both read the outputs just put in place.
    cdv::export::incremental::write_index(&args.output, args.max_bytes)
        .with_context(|| format!("{}: cannot write the index", args.output.display()))?;
    let exported = cdv::export::write_formats(&args.output, &args.output, &args.format)?;
    if !args.quiet && reused_count > 0 {
        eprintln!("cdv: {} processed, {reused_count} unchanged (reused)", count - reused_count);
    }
    if !args.quiet && !exported.to_string().is_empty() {
        eprintln!("cdv: {exported}");
    }
    if !args.quiet {
        eprintln!(
            "cdv: {} documents, {} errors, {} skipped, {} contracts, {:.2}s -> {}",
            count,
            errors,
            found.skipped.len(),
            contracts,
            started.elapsed().as_secs_f64(),
            docs_path.display()
        );
    }
    Ok(if errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS })
}

/// Test hook: with `CDV_FAILPOINT=extract-after-first-record`, the run stops for a minute after
/// its first record is written, so a test can interrupt it there.
const FAILPOINT: &str = "extract-after-first-record";

/// Records written between two flushes of `documents.jsonl`'s temporary file.
const FLUSH_EVERY: usize = 64;

/// Copies the clean text of a reused document `id` from the previous run's `from` folder into
/// the staged `to` folder.
fn copy_text(from: &Path, to: &Path, id: &str) -> std::io::Result<()> {
    let target = to.join(format!("{id}.txt"));
    if let Some(parent) = target.parent() {
        std::fs::create_dir_all(parent)?;
    }
    std::fs::copy(from.join(format!("{id}.txt")), target).map(drop)
}

/// Writes the clean text of document `id` to `dir/<id>.txt` (an id with `/` gets sub-folders).
fn write_text(dir: &Path, id: &str, clean: &str) -> Result<()> {
    let path = dir.join(format!("{id}.txt"));
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("{}: cannot create folder", parent.display()))?;
    }
    std::fs::write(&path, clean.as_bytes())
        .with_context(|| format!("{}: cannot write", path.display()))
}
