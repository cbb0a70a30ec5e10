//! Document-level text rules: the title.

mod title;

pub use title::Title;

use super::Rule;

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[&Title];
