//! JSON Schemas of the output lines, generated from the Rust types.
//!
//! The committed copies in `schema/` carry the format version in their file name
//! (`documents.v1.schema.json`); a test fails when the types change and the copies were not
//! regenerated (`cdv schema --write schema`), so the published schema is always the one the
//! code writes. Bump [`VERSION`] when a change breaks readers (a field removed or retyped).

use schemars::schema_for;

use crate::record::{ContractRecord, DocumentRecord};

/// The output format version, in the schema file names.
pub const VERSION: u32 = 1;

/// The schema of one line of `documents.jsonl`.
pub fn documents() -> serde_json::Value {
    serde_json::to_value(schema_for!(DocumentRecord)).unwrap_or_default()
}

/// The schema of one line of `contracts.jsonl`.
pub fn contracts() -> serde_json::Value {
    serde_json::to_value(schema_for!(ContractRecord)).unwrap_or_default()
}

/// The committed file names and their schemas.
pub fn files() -> Vec<(String, serde_json::Value)> {
    vec![
        (format!("documents.v{VERSION}.schema.json"), documents()),
        (format!("contracts.v{VERSION}.schema.json"), contracts()),
    ]
}
