//! The records as the exporters read them back: tolerant copies of the record types.
//!
//! `documents.jsonl` and `contracts.jsonl` are read with every field defaulted, so a file written
//! by an older or newer `cdv` (a field added, like a quartier's `qpv_code`) still loads; unknown
//! fields are ignored. Only what the tables and the report use is declared here.

use serde::Deserialize;

/// Where a fact was found.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(default)]
pub struct Evidence {
    pub span: [usize; 2],
    pub text: String,
    pub rule: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Source {
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub format: String,
    pub encoding: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Title {
    pub text: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Published {
    pub date: String,
    pub precision: String,
    pub place: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct DateMention {
    pub text: String,
    pub value: String,
    pub precision: String,
    pub end: Option<String>,
    pub role: String,
    pub inferred: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Person {
    pub name: String,
    pub role: Option<String>,
    pub organization: Option<String>,
    pub involvement: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Organization {
    pub name: String,
    pub kind: Option<String>,
    pub abbreviation: Option<String>,
    pub involvement: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Territory {
    pub name: String,
    pub kind: String,
    pub code: Option<String>,
    pub carries_contract: bool,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct CommuneRef {
    pub name: String,
    pub insee: Option<String>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Quartier {
    pub name: String,
    pub communes: Vec<CommuneRef>,
    pub status: String,
    /// The QPV code of the quartier (`QN05901M`...), when the record has one.
    pub qpv_code: Option<String>,
    pub list: Option<String>,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Figure {
    pub value: f64,
    pub approx: bool,
    pub kind: String,
    pub unit: Option<String>,
    pub scope: Option<String>,
    pub year: Option<i64>,
    pub text: String,
    pub evidence: Evidence,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Sourced<T> {
    pub value: T,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Contract {
    pub territory: String,
    pub territory_kind: Option<String>,
    pub territory_code: Option<String>,
    pub signed_on: Option<Sourced<String>>,
    pub period: Option<Sourced<[i32; 2]>>,
    pub signatories: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub quartiers: Vec<Quartier>,
    pub figures: Vec<Figure>,
    pub evidence: Vec<Evidence>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Conflict {
    pub field: String,
    pub values: Vec<serde_json::Value>,
    pub evidence: Vec<Evidence>,
    pub note: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Warning {
    pub kind: String,
    pub message: String,
    pub span: Option<[usize; 2]>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ErrorEntry {
    pub kind: String,
    pub message: String,
}

/// One line of `documents.jsonl`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Document {
    pub id: String,
    pub source: Source,
    pub title: Option<Title>,
    pub published: Option<Published>,
    pub dates: Vec<DateMention>,
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub territories: Vec<Territory>,
    pub quartiers: Vec<Quartier>,
    pub figures: Vec<Figure>,
    pub contracts: Vec<Contract>,
    pub conflicts: Vec<Conflict>,
    pub warnings: Vec<Warning>,
    pub errors: Vec<ErrorEntry>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct SourceRef {
    pub doc: String,
    pub span: [usize; 2],
    pub rule: String,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct Merged<T> {
    pub value: T,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MergedQuartier {
    pub name: String,
    pub names: Vec<String>,
    pub communes: Vec<CommuneRef>,
    pub status: String,
    pub qpv_code: Option<String>,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct MergedFigure {
    pub kind: String,
    pub value: f64,
    pub approx: bool,
    pub scope: Option<String>,
    pub agreement: String,
    pub sources: Vec<SourceRef>,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContractConflict {
    pub field: String,
    pub values: Vec<Merged<serde_json::Value>>,
    pub note: String,
}

/// One line of `contracts.jsonl`.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct ContractRecord {
    pub key: String,
    pub territory: String,
    pub territory_names: Vec<Merged<String>>,
    pub territory_kind: Option<String>,
    pub territory_code: Option<String>,
    pub generation: String,
    pub documents: Vec<String>,
    pub signed_on: Option<Merged<String>>,
    pub period: Option<Merged<[i32; 2]>>,
    pub signatories: Vec<Merged<String>>,
    pub organizations: Vec<Merged<String>>,
    pub quartiers: Vec<MergedQuartier>,
    pub figures: Vec<MergedFigure>,
    pub conflicts: Vec<ContractConflict>,
}
