//! The record `cdv` writes: one [`DocumentRecord`] per input document (`documents.jsonl`).
//!
//! These types are the contract with users (see `spec/record.md`): every field they load into a
//! database is declared here, and the published JSON Schema is generated from them. Every fact
//! carries an [`Evidence`]: a byte span into the document's *clean text*, the text found there,
//! and the id of the rule that produced it.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Where a fact was found: `clean_text[span[0]..span[1]] == text`.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct Evidence {
    /// Byte offsets `[start, end)` into the clean text.
    pub span: [usize; 2],
    /// The exact clean text at `span`.
    pub text: String,
    /// Stable id of the rule that found it, e.g. `dates.dateline`.
    pub rule: String,
}

/// How the input was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Source {
    /// The path as given on the command line (`-` for standard input).
    pub path: String,
    /// SHA-256 of the raw bytes, lowercase hex; empty when the file could not be read.
    pub sha256: String,
    /// Size of the raw input in bytes.
    pub bytes: u64,
    /// `text`, `markdown` or `html`.
    pub format: Format,
    /// The encoding the bytes were decoded from (`UTF-8`, `windows-1252`...); `null` when the
    /// bytes could not be decoded.
    pub encoding: Option<String>,
}

/// Input format, told from the extension and checked against the content.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
}

/// Precision of a date value.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Year,
}

/// What a date mention is about.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum DateRole {
    /// The document's own issue date (dateline, "Publié le").
    Publication,
    /// "Mis à jour le", "modifié le": never a publication date.
    Update,
    /// The signature of a contract.
    Signature,
    /// A period or span ("2015-2020", "pour six ans").
    Period,
    /// Another dated event (a council vote, a decree).
    Event,
    /// A deadline or expected date ("attendue au premier semestre 2024").
    Deadline,
    Other,
}

/// The document's issue date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Published {
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` following `precision`.
    pub date: String,
    pub precision: Precision,
    /// The dateline's place ("Lille"), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    pub evidence: Evidence,
}

/// A date or period mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct DateMention {
    /// The mention as written (normalised view).
    pub text: String,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` following `precision`; for a period, its start.
    pub value: String,
    pub precision: Precision,
    /// For a period, its end (same format as `value`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    pub role: DateRole,
    /// How a missing year was completed ("dateline", "weekday+period"...), when it was.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub inferred: Option<String>,
    pub evidence: Evidence,
}

/// How a person takes part in what the document reports.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Involvement {
    Signatory,
    Present,
    Contact,
    Quoted,
    Mentioned,
}

/// A named person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Person {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organization: Option<String>,
    pub involvement: Involvement,
    pub evidence: Evidence,
}

/// How an organisation takes part.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum OrgInvolvement {
    Signatory,
    Partner,
    Mentioned,
}

/// A named organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Organization {
    /// As written, without leading article.
    pub name: String,
    /// Normalised kind from `rules/orgs/kinds.tsv` (`etat`, `region`, `epci`, `caf`...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// The abbreviation linked to this name in the document ("CALL").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abbreviation: Option<String>,
    pub involvement: OrgInvolvement,
    pub evidence: Evidence,
}

/// A territory: an EPCI, a commune, a département, a region or a country.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Territory {
    pub name: String,
    /// `CA`, `CU`, `CC`, `Métropole`, `EPT`, `commune`, `departement`, `region`, `country`.
    pub kind: String,
    /// SIREN for an EPCI, INSEE code for a commune, code for a département or region.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// True when this territory carries a contract named in the document.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub carries_contract: bool,
    pub evidence: Evidence,
}

/// A commune named with a quartier.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct CommuneRef {
    pub name: String,
    /// INSEE code when the gazetteer links the name without ambiguity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub insee: Option<String>,
}

/// Status of a quartier.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum QuartierStatus {
    Prioritaire,
    Veille,
    Autre,
}

/// A neighbourhood named by the document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Quartier {
    pub name: String,
    pub communes: Vec<CommuneRef>,
    pub status: QuartierStatus,
    /// Which list the item came from (the list's heading or sentence, shortened).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list: Option<String>,
    /// The official code of the quartier prioritaire in the 2024 list ("QN05912M"), when the
    /// name and the commune designate one QPV without ambiguity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qpv_code: Option<String>,
    /// Why `qpv_code` was given: what agreed ("name and commune", "part of the name and
    /// commune", and for a document of the 2015 generation, that the code is the 2024
    /// successor's).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qpv_link: Option<String>,
    pub evidence: Evidence,
}

/// A quantity the document states about the policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Figure {
    /// The number; integral values are written without a fraction.
    #[serde(with = "crate::record::number")]
    #[schemars(with = "f64")]
    pub value: f64,
    /// "près de", "environ", "une cinquantaine"...
    pub approx: bool,
    /// One of the figure kinds of the gold vocabulary (`population`, `qpv_count`...).
    pub kind: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// What the figure is about ("France", "Valenciennes Métropole").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The figure as written.
    pub text: String,
    pub evidence: Evidence,
}

/// A value with the evidence that supports it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Sourced<T> {
    pub value: T,
    pub evidence: Vec<Evidence>,
}

/// A contract as the merger reconciles it within one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Contract {
    /// The carrying territory as written ("Valenciennes Métropole", "CALL").
    pub territory: String,
    /// `CA`, `CU`, `CC`, `Métropole`, `commune`... when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory_kind: Option<String>,
    /// SIREN of the EPCI or INSEE code of the commune, when the gazetteer knows it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory_code: Option<String>,
    /// `YYYY-MM-DD` or `YYYY-MM`.
    pub signed_on: Option<Sourced<String>>,
    /// `[first_year, last_year]`.
    pub period: Option<Sourced<[i32; 2]>>,
    pub signatories: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub quartiers: Vec<Quartier>,
    pub figures: Vec<Figure>,
    pub evidence: Vec<Evidence>,
}

/// A disagreement the merger found and did not hide.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Conflict {
    /// The field in disagreement (`signed_on`, `figures.qpv_count`...).
    pub field: String,
    /// The distinct values, headline first.
    pub values: Vec<serde_json::Value>,
    pub evidence: Vec<Evidence>,
    pub note: String,
}

/// Something the reader of the record should know.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema)]
pub struct Warning {
    /// Stable code, e.g. `quartiers.count_mismatch`, `dates.ambiguous_year`.
    pub kind: String,
    pub message: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub span: Option<[usize; 2]>,
}

/// Why a document could not be read (the record still exists).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct ErrorEntry {
    /// `io`, `empty`, `binary`, `encoding`, `too_large`, `no_text`, or `internal` (a bug of
    /// `cdv` on this document; the batch goes on).
    pub kind: String,
    pub message: String,
}

/// The document's headline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Title {
    pub text: String,
    pub evidence: Evidence,
}

/// One line of `documents.jsonl`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct DocumentRecord {
    /// File stem, stable across runs.
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

/// Where a merged value was found: a document and a span of its clean text.
#[derive(
    Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
pub struct SourceRef {
    /// The document's record id.
    pub doc: String,
    pub span: [usize; 2],
    pub rule: String,
}

/// A value merged across documents, with every place it was found.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Merged<T> {
    pub value: T,
    pub sources: Vec<SourceRef>,
}

/// A quartier merged across documents.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MergedQuartier {
    /// The name as first written (documents sorted by id); `names` lists every spelling.
    pub name: String,
    pub names: Vec<String>,
    pub communes: Vec<CommuneRef>,
    /// The headline status; a disagreement is in the contract's `conflicts`.
    pub status: QuartierStatus,
    /// The official QPV code the documents give (the first one; documents that disagree leave
    /// it out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qpv_code: Option<String>,
    pub sources: Vec<SourceRef>,
}

/// A figure merged across documents: one kind, the values each document gives.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct MergedFigure {
    pub kind: String,
    /// The headline value (the most precise: exact before approximate, then the first document).
    #[serde(with = "crate::record::number")]
    #[schemars(with = "f64")]
    pub value: f64,
    pub approx: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// `agree`, `approximate` (within 10 %) or `conflict`; `single` when one document gives it.
    pub agreement: String,
    pub sources: Vec<SourceRef>,
}

/// A disagreement across documents, each value with its sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ContractConflict {
    pub field: String,
    /// The distinct values, headline first, each with where it was found.
    pub values: Vec<Merged<serde_json::Value>>,
    /// Why the headline value was chosen, or what the disagreement means.
    pub note: String,
}

/// One line of `contracts.jsonl`: a contract (a territory and a generation) merged from every
/// document that reports on it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ContractRecord {
    /// `siren:<SIREN>/<generation>`, `insee:<code>/<generation>` or `name:<folded name>/<generation>`.
    pub key: String,
    /// The territory's headline name; every spelling is in `territory_names`.
    pub territory: String,
    pub territory_names: Vec<Merged<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory_kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub territory_code: Option<String>,
    /// `2015-2020`, `2024-2030`, or `unknown`.
    pub generation: String,
    /// The documents merged, sorted.
    pub documents: Vec<String>,
    pub signed_on: Option<Merged<String>>,
    pub period: Option<Merged<[i32; 2]>>,
    pub signatories: Vec<Merged<String>>,
    pub organizations: Vec<Merged<String>>,
    pub quartiers: Vec<MergedQuartier>,
    pub figures: Vec<MergedFigure>,
    pub conflicts: Vec<ContractConflict>,
}

impl DocumentRecord {
    /// A record with its id and source and no fact yet.
    pub fn empty(id: &str, source: Source) -> DocumentRecord {
        DocumentRecord {
            id: id.to_owned(),
            source,
            title: None,
            published: None,
            dates: vec![],
            people: vec![],
            organizations: vec![],
            territories: vec![],
            quartiers: vec![],
            figures: vec![],
            contracts: vec![],
            conflicts: vec![],
            warnings: vec![],
            errors: vec![],
        }
    }

    /// Every evidence of the record, in field order: what the invariant
    /// `clean_text[span] == text` is checked on.
    pub fn evidences(&self) -> Vec<&Evidence> {
        let mut out: Vec<&Evidence> = Vec::new();
        out.extend(self.title.iter().map(|t| &t.evidence));
        out.extend(self.published.iter().map(|p| &p.evidence));
        out.extend(self.dates.iter().map(|d| &d.evidence));
        out.extend(self.people.iter().map(|p| &p.evidence));
        out.extend(self.organizations.iter().map(|o| &o.evidence));
        out.extend(self.territories.iter().map(|t| &t.evidence));
        out.extend(self.quartiers.iter().map(|q| &q.evidence));
        out.extend(self.figures.iter().map(|f| &f.evidence));
        for c in &self.contracts {
            out.extend(&c.evidence);
            out.extend(c.signed_on.iter().flat_map(|s| &s.evidence));
            out.extend(c.period.iter().flat_map(|s| &s.evidence));
            out.extend(c.signatories.iter().map(|p| &p.evidence));
            out.extend(c.organizations.iter().map(|o| &o.evidence));
            out.extend(c.quartiers.iter().map(|q| &q.evidence));
            out.extend(c.figures.iter().map(|f| &f.evidence));
        }
        out.extend(self.conflicts.iter().flat_map(|c| &c.evidence));
        out
    }
}

/// Serialise an `f64` as an integer when it has no fraction, so `36000.0` reads `36000`.
pub mod number {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(value: &f64, s: S) -> Result<S::Ok, S::Error> {
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            s.serialize_i64(*value as i64)
        } else {
            s.serialize_f64(*value)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<f64, D::Error> {
        f64::deserialize(d)
    }

    /// The JSON number for `value`, integral when it has no fraction.
    pub fn to_json(value: f64) -> serde_json::Value {
        if value.fract() == 0.0 && value.abs() < 9.0e15 {
            serde_json::Value::from(value as i64)
        } else {
            serde_json::Value::from(value)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn integral_figures_have_no_fraction() {
        let ev = Evidence { span: [0, 6], text: "36 000".into(), rule: "figures.number".into() };
        let fig = Figure {
            value: 36000.0,
            approx: false,
            kind: "population_qpv".into(),
            unit: None,
            scope: None,
            year: None,
            text: "36 000".into(),
            evidence: ev.clone(),
        };
        let json = serde_json::to_string(&fig).unwrap();
        assert!(json.contains("\"value\":36000,"), "{json}");
        let half = Figure { value: 1.5, ..fig };
        assert!(serde_json::to_string(&half).unwrap().contains("\"value\":1.5,"));
    }
}
