//! Throughput benchmarks on the bundled fixtures (`cargo bench`).
//!
//! - `dates+figures`: the dates and figures rule families on the normalised fixture texts, in
//!   MB/s of clean text;
//! - `pipeline`: every fixture from raw bytes to record (ingest, normalise, all rules, merger),
//!   in MB/s of input.

use std::path::PathBuf;

use cdv::ingest::{self, normalise::normalise};
use cdv::pipeline::{self, Options};
use cdv::rules::{self, Doc};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn fixtures() -> Vec<(String, PathBuf, Vec<u8>)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir("fixtures/docs")
        .expect("run from the package root")
        .flatten()
        .map(|e| e.path())
        .filter(|p| cdv::batch::has_document_extension(p))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let id = p.file_stem().unwrap().to_string_lossy().into_owned();
            let bytes = std::fs::read(&p).unwrap();
            (id, p, bytes)
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let docs = fixtures();
    let ingested: Vec<(String, ingest::Ingested)> = docs
        .iter()
        .map(|(id, p, b)| (id.clone(), ingest::ingest(b, Some(p)).expect("fixture reads")))
        .collect();
    let normed: Vec<_> = ingested.iter().map(|(id, i)| (id, i, normalise(&i.clean))).collect();
    let clean_bytes: usize = ingested.iter().map(|(_, i)| i.clean.len()).sum();

    let mut g = c.benchmark_group("dates+figures");
    g.throughput(Throughput::Bytes(clean_bytes as u64));
    g.bench_function("fixtures", |b| {
        b.iter(|| {
            let mut n = 0;
            for (id, i, norm) in &normed {
                let doc = Doc { id, format: i.format, clean: &i.clean, norm };
                let cands = rules::extract_families(&doc, &["dates", "figures"]);
                n += cands.dates.len() + cands.figures.len();
            }
            n
        })
    });
    g.finish();

    let raw_bytes: usize = docs.iter().map(|(_, _, b)| b.len()).sum();
    let mut g = c.benchmark_group("pipeline");
    g.throughput(Throughput::Bytes(raw_bytes as u64));
    g.bench_function("fixtures", |b| {
        b.iter(|| {
            docs.iter()
                .map(|(id, p, bytes)| {
                    pipeline::process_bytes(id, "bench", bytes, Some(p), &Options::default())
                        .record
                        .figures
                        .len()
                })
                .sum::<usize>()
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
