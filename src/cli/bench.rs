//! `cdv bench`: how fast and how big the pipeline runs on a set of documents.

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use anyhow::{Context, Result, bail};
use cdv::batch::{self, Input};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files or folders to measure on (default: the bundled fixtures).
    #[arg(default_value = "fixtures/docs", value_name = "PATH")]
    paths: Vec<PathBuf>,

    /// About how long to measure, in seconds, shared among the stages.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS")]
    seconds: f64,

    /// Threads for the parallel run (default: one per core).
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
}

pub fn run(args: Args) -> Result<ExitCode> {
    if let Some(n) = args.jobs {
        rayon::ThreadPoolBuilder::new().num_threads(n.max(1)).build_global().ok();
    }
    let found = batch::discover(&args.paths);
    let mut inputs = Vec::new();
    for input in found.inputs.iter() {
        if let Input::File { id, path } = input {
            let bytes =
                std::fs::read(&path).with_context(|| format!("{}: cannot read", path.display()))?;
            inputs.push(cdv::bench::Input { id, path, bytes });
        }
    }
    if inputs.is_empty() {
        bail!("no document to measure on");
    }
    let budget = Duration::from_secs_f64(args.seconds.max(0.1));
    let r = cdv::bench::run(&inputs, budget);
    let mut out = format!(
        "{} documents, {:.2} MB, {} rounds at least per stage\n\
         gazetteer load (once): {:.1} ms\n\n{:<24} {:>12} {:>10}\n",
        r.documents,
        r.bytes as f64 / 1e6,
        r.rounds,
        r.gazetteer_load * 1e3,
        "stage (one thread)",
        "ms/round",
        "MB/s"
    );
    for s in r.stages.iter().chain([&r.parallel]) {
        out += &format!("{:<24} {:>12.2} {:>10.2}\n", s.name, s.seconds * 1e3, s.mb_per_s);
    }
    out += &format!(
        "\nthreads: {}; documents/s (all threads): {:.0}\npeak memory: {}\n",
        r.threads,
        r.documents as f64 / r.parallel.seconds,
        r.peak_rss.map_or("n/a".into(), |b| format!("{:.1} MiB", b as f64 / 1048576.0))
    );
    super::print(&out)?;
    Ok(ExitCode::SUCCESS)
}
