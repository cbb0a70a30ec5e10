//! `cdv eval`: precision, recall and F1 of records against gold annotations.
//!
//! Scoring follows the gold format: per document, `published`; per contract matched by
//! territory, `signed_on`, `period`, the sets of signatory names, organisations, quartier names
//! and (quartier, commune) pairs; and the set of (value, kind) figures. Names are compared case-,
//! accent- and punctuation-insensitively ([`fold`]). Counts are summed over documents (micro
//! average); `overall` sums every field.

mod gold;
mod score;

pub use gold::{Gold, GoldContract, GoldFigure, GoldQuartier, GoldSignatory, load_gold_dir};
pub use score::{Counts, Detail, Report, evaluate, fold};
