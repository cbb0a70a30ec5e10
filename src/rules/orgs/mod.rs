//! Rule family `orgs`.

use super::{Candidates, Doc, Rule};

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[];

/// Resolves this family's candidates against the document once every rule ran.
pub fn resolve(_doc: &Doc, _out: &mut Candidates) {}
