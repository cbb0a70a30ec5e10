//! Throughput and memory of the pipeline on a set of documents, stage by stage (`cdv bench`).
//!
//! The documents are read into memory first, so disk speed does not count. Each stage runs on
//! every document, one thread, round after round until the time budget is spent: ingest (decode,
//! HTML, boilerplate), normalisation, each rule family with its resolve step, the link stage
//! (gazetteer), the per-document merger. Then the whole pipeline runs on all threads, as
//! `cdv extract` does. Throughput is in MB/s of input bytes (MB = 10^6 bytes); the gazetteer's
//! one-time load is timed apart, and an untimed first pass builds the rules' regexes; peak memory is the process's resident high-water mark.

use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::ingest::{self, Ingested, normalise::normalise};
use crate::pipeline::{self, Options};
use crate::rules::{self, Doc, FAMILIES};
use crate::{gazetteer, merge};

/// One document to measure on.
pub struct Input {
    pub id: String,
    pub path: std::path::PathBuf,
    pub bytes: Vec<u8>,
}

/// The time one stage took over all documents, per round.
#[derive(Debug, Clone)]
pub struct Stage {
    pub name: String,
    /// Mean seconds per round (one pass over every document).
    pub seconds: f64,
    /// Input megabytes per second.
    pub mb_per_s: f64,
}

/// What [`run`] measured.
#[derive(Debug, Clone)]
pub struct Report {
    pub documents: usize,
    pub bytes: usize,
    pub rounds: usize,
    /// Seconds the gazetteer took to load on first use.
    pub gazetteer_load: f64,
    pub stages: Vec<Stage>,
    /// The whole pipeline on all threads.
    pub parallel: Stage,
    pub threads: usize,
    /// Peak resident memory in bytes, where the system tells it.
    pub peak_rss: Option<u64>,
}

/// Measures the pipeline on `inputs` for about `budget` (split among the stages).
pub fn run(inputs: &[Input], budget: Duration) -> Report {
    let bytes: usize = inputs.iter().map(|i| i.bytes.len()).sum();
    let started = Instant::now();
    let _ = gazetteer::communes_named("Paris");
    let _ = gazetteer::epci_named("Métropole du Grand Paris");
    let gazetteer_load = started.elapsed().as_secs_f64();

    let opts = Options::default();
    // One untimed pass builds every rule's regexes.
    for i in inputs {
        let _ = pipeline::process_bytes(&i.id, &i.id, &i.bytes, Some(&i.path), &opts);
    }
    // Stage inputs, computed once (documents that do not ingest are left out of later stages).
    let ingested: Vec<(&Input, Ingested)> = inputs
        .iter()
        .filter_map(|i| ingest::ingest(&i.bytes, Some(&i.path)).ok().map(|g| (i, g)))
        .collect();
    let normed: Vec<_> = ingested.iter().map(|(i, g)| (*i, g, normalise(&g.clean))).collect();

    let stage_count = FAMILIES.len() + 4;
    let per_stage = budget.div_f64(stage_count as f64 + 1.0);
    let mut stages = Vec::new();
    let mut rounds = usize::MAX;
    let mut measure = |name: &str, f: &mut dyn FnMut()| {
        let (seconds, n) = time(per_stage, f);
        rounds = rounds.min(n);
        stages.push(Stage { name: name.into(), seconds, mb_per_s: mb_per_s(bytes, seconds) });
    };
    measure("ingest", &mut || {
        for i in inputs {
            let _ = ingest::ingest(&i.bytes, Some(&i.path));
        }
    });
    measure("normalise", &mut || {
        for (_, g) in &ingested {
            let _ = normalise(&g.clean);
        }
    });
    for family in FAMILIES {
        measure(&format!("rules: {family}"), &mut || {
            for (i, g, norm) in &normed {
                let doc = Doc { id: &i.id, format: g.format, clean: &g.clean, norm };
                let _ = rules::extract_families(&doc, &[family]);
            }
        });
    }
    let extracted: Vec<_> = normed
        .iter()
        .map(|(i, g, norm)| {
            let doc = Doc { id: &i.id, format: g.format, clean: &g.clean, norm };
            rules::extract(&doc)
        })
        .collect();
    measure("link (gazetteer)", &mut || {
        for ((i, g, norm), cands) in normed.iter().zip(&extracted) {
            let doc = Doc { id: &i.id, format: g.format, clean: &g.clean, norm };
            let mut c = cands.clone();
            merge::link::link(&doc, &mut c);
        }
    });
    measure("merge (per document)", &mut || {
        for ((i, g, norm), cands) in normed.iter().zip(&extracted) {
            let doc = Doc { id: &i.id, format: g.format, clean: &g.clean, norm };
            let _ = merge::document(&doc, cands);
        }
    });
    let (seconds, n) = time(per_stage, &mut || {
        inputs.par_iter().for_each(|i| {
            let _ = pipeline::process_bytes(&i.id, &i.id, &i.bytes, Some(&i.path), &opts);
        });
    });
    rounds = rounds.min(n);
    Report {
        documents: inputs.len(),
        bytes,
        rounds,
        gazetteer_load,
        stages,
        parallel: Stage {
            name: "pipeline (all threads)".into(),
            seconds,
            mb_per_s: mb_per_s(bytes, seconds),
        },
        threads: rayon::current_num_threads(),
        peak_rss: peak_rss(),
    }
}

/// Runs `f` at least once and until `budget` is spent; mean seconds per run and the run count.
fn time(budget: Duration, f: &mut dyn FnMut()) -> (f64, usize) {
    let start = Instant::now();
    let mut n = 0;
    while n == 0 || start.elapsed() < budget {
        f();
        n += 1;
    }
    (start.elapsed().as_secs_f64() / n as f64, n)
}

fn mb_per_s(bytes: usize, seconds: f64) -> f64 {
    if seconds > 0.0 { bytes as f64 / 1e6 / seconds } else { f64::INFINITY }
}

/// The resident-memory high-water mark of this process (Linux `VmHWM`), in bytes.
fn peak_rss() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb * 1024)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_stage_is_measured_on_a_small_input() {
        let inputs = vec![Input {
            id: "a".into(),
            path: "a.txt".into(),
            bytes: "Lille, le 22 juin 2015\n\nLe contrat de ville de la CALL a été signé.\n"
                .as_bytes()
                .to_vec(),
        }];
        let r = run(&inputs, Duration::from_millis(50));
        assert_eq!(r.documents, 1);
        assert_eq!(r.stages.len(), FAMILIES.len() + 4);
        assert!(r.rounds >= 1);
        assert!(r.stages.iter().all(|s| s.seconds > 0.0 && s.mb_per_s > 0.0));
        assert!(r.parallel.mb_per_s > 0.0);
    }
}
