//! Document-level text rules (the title), and the regex type every rule builds its patterns
//! with ([`Regex`], see `regex.rs`).

mod fold;
mod regex;
mod shared;
mod title;

pub use self::regex::{AnyOf, Captures, Match, Regex, built, conversion, syntax_tree};
pub use title::Title;

use super::Rule;

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[&Title];
