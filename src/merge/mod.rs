//! The merger: reconciles the rules' candidates into facts users load, never hiding a
//! disagreement.
//!
//! - [`document`]: per document, the publication date and the contracts (territory, signature
//!   date, period, signatories, organisations, quartiers, figures), with `conflicts[]`;
//! - [`across`]: across documents, one record per contract (`contracts.jsonl`);
//! - [`link`]: names to official codes (SIREN, INSEE) with the gazetteer, before the rest;
//! - [`precedence`]: which candidate becomes a headline value, in one place;
//! - `spool`: the merge's long lists of sources, kept mostly on disk.

pub mod across;
mod document;
pub mod link;
pub mod precedence;
mod spool;

pub use document::{Merged, document};
