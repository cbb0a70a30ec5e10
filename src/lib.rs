//! `cdv` turns French "contrats de ville" documents into evidence-backed records.
//!
//! The pipeline, one module a stage:
//! - [`ingest`]: bytes to clean text (decoding, HTML to lines, boilerplate removal), and the
//!   normalised view with its offset map ([`ingest::normalise`]);
//! - [`rules`]: rule modules, one pattern each, emitting candidates with evidence;
//! - [`merge`]: candidates to the record's facts, contracts and conflicts;
//! - [`pipeline`] runs one document through them, [`batch`] a folder in parallel;
//! - [`write`] writes output atomically; [`eval`] scores records against gold annotations;
//!   [`bench`] measures throughput per stage and peak memory;
//! - [`export`] turns the records into SQLite and CSV tables and keeps incremental runs;
//!   [`report`] renders them as a static HTML review report.
//!
//! The record itself is in [`record`]; rule data (patterns, vocabularies, gazetteer) in
//! [`data`].
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod analysis;
pub mod batch;
pub mod bench;
pub mod data;
pub mod eval;
pub mod export;
pub mod gazetteer;
pub mod ingest;
pub mod merge;
pub mod names;
pub mod pipeline;
pub mod record;
pub mod report;
pub mod rules;
pub mod schema;
pub mod sort;
pub mod write;
