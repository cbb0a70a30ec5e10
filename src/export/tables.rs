//! The tables of the database and CSV outputs: their columns, keys and indexes, and the rows of
//! each record.
//!
//! One definition serves both formats, so the SQLite tables and the CSV files have the same
//! columns, and `schema/tables.v1.md` is generated from it (a test keeps the committed copy in
//! step). Document-level tables are keyed by the document id and the fact's position in its
//! record list (`idx`); contract-level tables by the contract key (`siren:<SIREN>/<generation>`,
//! the carrier's code and the generation). Bump [`SCHEMA_VERSION`] when a column is removed or
//! retyped.

use std::collections::{BTreeMap, HashMap};
use std::fmt::Write as _;

use super::model::{ContractRecord, Document, Evidence, SourceRef};

/// The version of the table layout, in the `meta` table and the schema file name.
pub const SCHEMA_VERSION: u32 = 1;

/// One value of a row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Cell {
        Cell::Text(s.to_owned())
    }
}
impl From<String> for Cell {
    fn from(s: String) -> Cell {
        Cell::Text(s)
    }
}
impl From<&String> for Cell {
    fn from(s: &String) -> Cell {
        Cell::Text(s.clone())
    }
}
impl From<Option<&String>> for Cell {
    fn from(s: Option<&String>) -> Cell {
        s.map_or(Cell::Null, |s| Cell::Text(s.clone()))
    }
}
impl From<&Option<String>> for Cell {
    fn from(s: &Option<String>) -> Cell {
        s.as_ref().map_or(Cell::Null, |s| Cell::Text(s.clone()))
    }
}
impl From<usize> for Cell {
    fn from(n: usize) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<u64> for Cell {
    fn from(n: u64) -> Cell {
        Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))
    }
}
impl From<i64> for Cell {
    fn from(n: i64) -> Cell {
        Cell::Int(n)
    }
}
impl From<i32> for Cell {
    fn from(n: i32) -> Cell {
        Cell::Int(i64::from(n))
    }
}
impl From<bool> for Cell {
    fn from(b: bool) -> Cell {
        Cell::Int(i64::from(b))
    }
}
impl From<f64> for Cell {
    fn from(x: f64) -> Cell {
        Cell::Real(x)
    }
}

/// A column: name, SQL type (`TEXT`, `INTEGER`, `REAL`), whether it may be NULL, what it holds.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub name: &'static str,
    pub ty: &'static str,
    pub nullable: bool,
    pub doc: &'static str,
}

/// A foreign key: these columns reference the primary key of `table`; rows go with the parent.
#[derive(Debug, Clone, Copy)]
pub struct ForeignKey {
    pub columns: &'static [&'static str],
    pub table: &'static str,
    pub references: &'static [&'static str],
}

/// Whether a table's rows come from `documents.jsonl` or `contracts.jsonl`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Meta,
    Document,
    Contract,
}

/// A table of the output.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub name: &'static str,
    pub doc: &'static str,
    pub level: Level,
    pub columns: &'static [Column],
    pub primary_key: &'static [&'static str],
    pub foreign_keys: &'static [ForeignKey],
    /// Indexed columns (one index each).
    pub indexes: &'static [&'static str],
}

const fn col(name: &'static str, ty: &'static str, doc: &'static str) -> Column {
    Column { name, ty, nullable: false, doc }
}
const fn opt(name: &'static str, ty: &'static str, doc: &'static str) -> Column {
    Column { name, ty, nullable: true, doc }
}

const DOC_ID: Column = col("doc_id", "TEXT", "the document's id (`documents.id`)");
const IDX: Column = col("idx", "INTEGER", "position in the record's list, from 0");
const EVIDENCE_IDX: Column =
    col("evidence_idx", "INTEGER", "the fact's evidence (`evidence.idx` of the same document)");
const TO_DOCUMENT: &[ForeignKey] =
    &[ForeignKey { columns: &["doc_id"], table: "documents", references: &["id"] }];
const KEY: Column = col("contract_key", "TEXT", "the contract's key (`contracts.key`)");
const TO_CONTRACT: &[ForeignKey] =
    &[ForeignKey { columns: &["contract_key"], table: "contracts", references: &["key"] }];

/// Every table, parents before children.
pub const TABLES: &[Table] = &[
    Table {
        name: "meta",
        doc: "About the file: `schema_version`, `cdv_version`, `rules_hash` (the rule data and build the records were made with).",
        level: Level::Meta,
        columns: &[col("key", "TEXT", "the property"), col("value", "TEXT", "its value")],
        primary_key: &["key"],
        foreign_keys: &[],
        indexes: &[],
    },
    Table {
        name: "documents",
        doc: "One row per document (`documents.jsonl` line).",
        level: Level::Document,
        columns: &[
            col("id", "TEXT", "the record id (file stem), stable across runs"),
            col("path", "TEXT", "the path as given to `cdv extract`"),
            col("sha256", "TEXT", "SHA-256 of the raw bytes"),
            col("bytes", "INTEGER", "size of the raw input"),
            col("format", "TEXT", "`text`, `markdown` or `html`"),
            opt("encoding", "TEXT", "the encoding the bytes were decoded from"),
            opt("title", "TEXT", "the headline"),
            opt("published", "TEXT", "issue date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`"),
            opt("published_precision", "TEXT", "`day`, `month` or `year`"),
            opt("published_place", "TEXT", "the dateline's place"),
            opt("published_evidence_idx", "INTEGER", "evidence of the issue date"),
            col(
                "record_sha256",
                "TEXT",
                "SHA-256 of the record's JSON line: a changed record has a new one",
            ),
        ],
        primary_key: &["id"],
        foreign_keys: &[],
        indexes: &["sha256"],
    },
    Table {
        name: "evidence",
        doc: "Every evidence of a document: `clean_text[start..end] == text`, found by `rule`.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            col("idx", "INTEGER", "evidence number within the document, from 0"),
            col(
                "field",
                "TEXT",
                "the table (or record field) of the fact: `people`, `contracts.signed_on`, `conflicts`...",
            ),
            col("item", "INTEGER", "the fact's `idx` in that table"),
            col("span_start", "INTEGER", "byte offset of the start in the clean text"),
            col("span_end", "INTEGER", "byte offset of the end (exclusive)"),
            col("text", "TEXT", "the clean text at the span"),
            col("rule", "TEXT", "the id of the rule that found it"),
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &["rule"],
    },
    Table {
        name: "dates",
        doc: "Every date or period mention.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("text", "TEXT", "the mention as written"),
            col("value", "TEXT", "the date, or a period's start"),
            col("precision", "TEXT", "`day`, `month` or `year`"),
            opt("end_value", "TEXT", "a period's end"),
            col("role", "TEXT", "publication, update, signature, period, event, deadline, other"),
            opt("inferred", "TEXT", "how a missing year was completed"),
            EVIDENCE_IDX,
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &[],
    },
    Table {
        name: "people",
        doc: "Named persons.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("name", "TEXT", "the person's name"),
            opt("role", "TEXT", "\"préfet du Nord\", \"maire\"..."),
            opt("organization", "TEXT", "the organisation the role is in"),
            col("involvement", "TEXT", "signatory, present, contact, quoted, mentioned"),
            EVIDENCE_IDX,
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &[],
    },
    Table {
        name: "organizations",
        doc: "Named organisations.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("name", "TEXT", "as written, without leading article"),
            opt("kind", "TEXT", "normalised kind (`etat`, `caf`, `epci`...)"),
            opt("abbreviation", "TEXT", "the abbreviation linked to the name"),
            col("involvement", "TEXT", "signatory, partner, mentioned"),
            EVIDENCE_IDX,
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &[],
    },
    Table {
        name: "territories",
        doc: "Territories named (EPCI, communes, départements...), with their official code.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("name", "TEXT", "as written"),
            col(
                "kind",
                "TEXT",
                "`CA`, `CU`, `CC`, `Métropole`, `EPT`, `commune`, `departement`, `region`, `country`",
            ),
            opt(
                "code",
                "TEXT",
                "SIREN of an EPCI, INSEE code of a commune, code of a département or région",
            ),
            col(
                "carries_contract",
                "INTEGER",
                "1 when the territory carries a contract named in the document",
            ),
            EVIDENCE_IDX,
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &["code"],
    },
    Table {
        name: "quartiers",
        doc: "Quartiers named by the document.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("name", "TEXT", "as written"),
            col("status", "TEXT", "prioritaire, veille, autre"),
            opt("qpv_code", "TEXT", "the QPV code, when the record has it"),
            col(
                "communes",
                "TEXT",
                "commune names, `; `-separated (one row each in `quartier_communes`)",
            ),
            col("insee", "TEXT", "their INSEE codes, `; `-separated, empty where unknown"),
            opt("list", "TEXT", "the list the quartier came from"),
            EVIDENCE_IDX,
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &["qpv_code"],
    },
    Table {
        name: "quartier_communes",
        doc: "The communes of each quartier, with their INSEE code.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            col("quartier_idx", "INTEGER", "the quartier (`quartiers.idx`)"),
            col("idx", "INTEGER", "position in the quartier's communes"),
            col("name", "TEXT", "the commune's name"),
            opt("insee", "TEXT", "its INSEE code, when linked without ambiguity"),
        ],
        primary_key: &["doc_id", "quartier_idx", "idx"],
        foreign_keys: &[ForeignKey {
            columns: &["doc_id", "quartier_idx"],
            table: "quartiers",
            references: &["doc_id", "idx"],
        }],
        indexes: &["insee"],
    },
    Table {
        name: "figures",
        doc: "Quantities stated about the policy.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("kind", "TEXT", "`population`, `qpv_count`, `amount_eur`..."),
            col("value", "REAL", "the number"),
            col("approx", "INTEGER", "1 for \"près de\", \"environ\"..."),
            opt("unit", "TEXT", "the unit"),
            opt("scope", "TEXT", "what the figure is about"),
            opt("year", "INTEGER", "the year it is for"),
            col("text", "TEXT", "the figure as written"),
            EVIDENCE_IDX,
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &["kind"],
    },
    Table {
        name: "conflicts",
        doc: "Disagreements within a document (evidence: `evidence.field = 'conflicts'`).",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("field", "TEXT", "the field in disagreement"),
            col("vals", "TEXT", "the distinct values, a JSON array, headline first"),
            col("note", "TEXT", "what the disagreement means"),
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &[],
    },
    Table {
        name: "warnings",
        doc: "Notes for the reader of a record.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col("kind", "TEXT", "stable code (`quartiers.count_mismatch`...)"),
            col("message", "TEXT", "the note"),
            opt("span_start", "INTEGER", "span start in the clean text, when there is one"),
            opt("span_end", "INTEGER", "span end"),
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &["kind"],
    },
    Table {
        name: "errors",
        doc: "Why a document could not be read.",
        level: Level::Document,
        columns: &[
            DOC_ID,
            IDX,
            col(
                "kind",
                "TEXT",
                "`io`, `empty`, `binary`, `encoding`, `too_large`, `no_text`, `internal`",
            ),
            col("message", "TEXT", "the cause"),
        ],
        primary_key: &["doc_id", "idx"],
        foreign_keys: TO_DOCUMENT,
        indexes: &[],
    },
    Table {
        name: "contracts",
        doc: "One row per contract across documents (`contracts.jsonl` line).",
        level: Level::Contract,
        columns: &[
            col(
                "key",
                "TEXT",
                "`siren:<SIREN>/<generation>`, `insee:<code>/<generation>` or `name:<folded name>/<generation>`",
            ),
            col("territory", "TEXT", "the carrier's headline name"),
            opt("territory_kind", "TEXT", "`CA`, `CU`, `CC`, `Métropole`, `commune`..."),
            opt("territory_code", "TEXT", "SIREN or INSEE code of the carrier"),
            col("generation", "TEXT", "`2015-2020`, `2024-2030` or `unknown`"),
            opt("signed_on", "TEXT", "signature date"),
            opt("period_start", "INTEGER", "first year"),
            opt("period_end", "INTEGER", "last year"),
            col("document_count", "INTEGER", "documents merged"),
            col("signatory_count", "INTEGER", "rows in `signatories`"),
            col("quartier_count", "INTEGER", "rows in `contract_quartiers`"),
            col("figure_count", "INTEGER", "rows in `contract_figures`"),
            col("conflict_count", "INTEGER", "rows in `contract_conflicts`"),
        ],
        primary_key: &["key"],
        foreign_keys: &[],
        indexes: &["territory_code"],
    },
    Table {
        name: "contract_documents",
        doc: "Which documents report on which contract.",
        level: Level::Contract,
        columns: &[KEY, DOC_ID],
        primary_key: &["contract_key", "doc_id"],
        foreign_keys: &[
            ForeignKey { columns: &["contract_key"], table: "contracts", references: &["key"] },
            ForeignKey { columns: &["doc_id"], table: "documents", references: &["id"] },
        ],
        indexes: &["doc_id"],
    },
    Table {
        name: "signatories",
        doc: "The signatories of each contract, merged across documents (role and organisation from the first source).",
        level: Level::Contract,
        columns: &[
            KEY,
            IDX,
            col("name", "TEXT", "the person's name"),
            opt("role", "TEXT", "their role, as the first source gives it"),
            opt("organization", "TEXT", "their organisation"),
        ],
        primary_key: &["contract_key", "idx"],
        foreign_keys: TO_CONTRACT,
        indexes: &[],
    },
    Table {
        name: "contract_organizations",
        doc: "The signing organisations of each contract, merged across documents.",
        level: Level::Contract,
        columns: &[
            KEY,
            IDX,
            col("name", "TEXT", "as first written"),
            opt("kind", "TEXT", "normalised kind, from the first source"),
        ],
        primary_key: &["contract_key", "idx"],
        foreign_keys: TO_CONTRACT,
        indexes: &[],
    },
    Table {
        name: "contract_quartiers",
        doc: "The quartiers of each contract, merged across documents.",
        level: Level::Contract,
        columns: &[
            KEY,
            IDX,
            col("name", "TEXT", "as first written"),
            col("names", "TEXT", "every spelling, `; `-separated"),
            col("status", "TEXT", "prioritaire, veille, autre"),
            opt("qpv_code", "TEXT", "the QPV code, when known"),
            col("communes", "TEXT", "commune names, `; `-separated"),
            col("insee", "TEXT", "their INSEE codes, `; `-separated, empty where unknown"),
        ],
        primary_key: &["contract_key", "idx"],
        foreign_keys: TO_CONTRACT,
        indexes: &["qpv_code"],
    },
    Table {
        name: "contract_figures",
        doc: "The figures of each contract, one per kind, merged across documents.",
        level: Level::Contract,
        columns: &[
            KEY,
            IDX,
            col("kind", "TEXT", "the figure kind"),
            col("value", "REAL", "the headline value"),
            col("approx", "INTEGER", "1 when approximate"),
            opt("scope", "TEXT", "what it is about"),
            col("agreement", "TEXT", "`single`, `agree`, `approximate` or `conflict`"),
        ],
        primary_key: &["contract_key", "idx"],
        foreign_keys: TO_CONTRACT,
        indexes: &[],
    },
    Table {
        name: "contract_conflicts",
        doc: "Disagreements across the documents of a contract.",
        level: Level::Contract,
        columns: &[
            KEY,
            IDX,
            col("field", "TEXT", "the field in disagreement"),
            col("vals", "TEXT", "the distinct values, a JSON array, headline first"),
            col("note", "TEXT", "why the headline value was chosen"),
        ],
        primary_key: &["contract_key", "idx"],
        foreign_keys: TO_CONTRACT,
        indexes: &[],
    },
    Table {
        name: "contract_sources",
        doc: "Where each merged value of a contract was found: a document and a span of its clean text.",
        level: Level::Contract,
        columns: &[
            KEY,
            col(
                "field",
                "TEXT",
                "`territory`, `signed_on`, `period`, `signatories`, `organizations`, `quartiers`, `figures` or `conflicts`",
            ),
            col("item", "INTEGER", "the value's `idx` in the field's table (0 for single values)"),
            IDX,
            DOC_ID,
            col("span_start", "INTEGER", "span start in that document's clean text"),
            col("span_end", "INTEGER", "span end"),
            col("rule", "TEXT", "the rule that found it"),
        ],
        primary_key: &["contract_key", "field", "item", "idx"],
        foreign_keys: &[
            ForeignKey { columns: &["contract_key"], table: "contracts", references: &["key"] },
            ForeignKey { columns: &["doc_id"], table: "documents", references: &["id"] },
        ],
        indexes: &["doc_id"],
    },
];

/// Rows by table name.
pub type Rows = BTreeMap<&'static str, Vec<Vec<Cell>>>;

/// The table definition called `name`.
pub fn table(name: &str) -> Option<&'static Table> {
    TABLES.iter().find(|t| t.name == name)
}

/// A document's rows in every document-level table; `record_sha256` is the hash of its JSON line.
pub fn document_rows(d: &Document, record_sha256: &str) -> Rows {
    let mut rows = Rows::new();
    let mut ev = EvidenceRows::new(&d.id);
    let id = || Cell::from(&d.id);
    let published_ev = d.published.as_ref().map(|p| ev.push("published", 0, &p.evidence));
    if let Some(t) = &d.title {
        ev.push("title", 0, &t.evidence);
    }
    rows.entry("documents").or_default().push(vec![
        id(),
        (&d.source.path).into(),
        (&d.source.sha256).into(),
        d.source.bytes.into(),
        (&d.source.format).into(),
        (&d.source.encoding).into(),
        d.title.as_ref().map(|t| &t.text).into(),
        d.published.as_ref().map(|p| &p.date).into(),
        d.published.as_ref().map(|p| &p.precision).into(),
        d.published.as_ref().and_then(|p| p.place.as_ref()).into(),
        published_ev.map_or(Cell::Null, Cell::from),
        record_sha256.into(),
    ]);
    for (i, x) in d.dates.iter().enumerate() {
        let e = ev.push("dates", i, &x.evidence);
        rows.entry("dates").or_default().push(vec![
            id(),
            i.into(),
            (&x.text).into(),
            (&x.value).into(),
            (&x.precision).into(),
            (&x.end).into(),
            (&x.role).into(),
            (&x.inferred).into(),
            e.into(),
        ]);
    }
    for (i, x) in d.people.iter().enumerate() {
        let e = ev.push("people", i, &x.evidence);
        rows.entry("people").or_default().push(vec![
            id(),
            i.into(),
            (&x.name).into(),
            (&x.role).into(),
            (&x.organization).into(),
            (&x.involvement).into(),
            e.into(),
        ]);
    }
    for (i, x) in d.organizations.iter().enumerate() {
        let e = ev.push("organizations", i, &x.evidence);
        rows.entry("organizations").or_default().push(vec![
            id(),
            i.into(),
            (&x.name).into(),
            (&x.kind).into(),
            (&x.abbreviation).into(),
            (&x.involvement).into(),
            e.into(),
        ]);
    }
    for (i, x) in d.territories.iter().enumerate() {
        let e = ev.push("territories", i, &x.evidence);
        rows.entry("territories").or_default().push(vec![
            id(),
            i.into(),
            (&x.name).into(),
            (&x.kind).into(),
            (&x.code).into(),
            x.carries_contract.into(),
            e.into(),
        ]);
    }
    for (i, x) in d.quartiers.iter().enumerate() {
        let e = ev.push("quartiers", i, &x.evidence);
        rows.entry("quartiers").or_default().push(vec![
            id(),
            i.into(),
            (&x.name).into(),
            (&x.status).into(),
            (&x.qpv_code).into(),
            join(x.communes.iter().map(|c| c.name.as_str())).into(),
            join(x.communes.iter().map(|c| c.insee.as_deref().unwrap_or(""))).into(),
            (&x.list).into(),
            e.into(),
        ]);
        for (j, c) in x.communes.iter().enumerate() {
            rows.entry("quartier_communes").or_default().push(vec![
                id(),
                i.into(),
                j.into(),
                (&c.name).into(),
                (&c.insee).into(),
            ]);
        }
    }
    for (i, x) in d.figures.iter().enumerate() {
        let e = ev.push("figures", i, &x.evidence);
        rows.entry("figures").or_default().push(vec![
            id(),
            i.into(),
            (&x.kind).into(),
            x.value.into(),
            x.approx.into(),
            (&x.unit).into(),
            (&x.scope).into(),
            x.year.map_or(Cell::Null, Cell::Int),
            (&x.text).into(),
            e.into(),
        ]);
    }
    for (i, c) in d.contracts.iter().enumerate() {
        for e in &c.evidence {
            ev.push("contracts", i, e);
        }
        for e in c.signed_on.iter().flat_map(|s| &s.evidence) {
            ev.push("contracts.signed_on", i, e);
        }
        for e in c.period.iter().flat_map(|s| &s.evidence) {
            ev.push("contracts.period", i, e);
        }
    }
    for (i, x) in d.conflicts.iter().enumerate() {
        for e in &x.evidence {
            ev.push("conflicts", i, e);
        }
        rows.entry("conflicts").or_default().push(vec![
            id(),
            i.into(),
            (&x.field).into(),
            serde_json::Value::from(x.values.clone()).to_string().into(),
            (&x.note).into(),
        ]);
    }
    for (i, x) in d.warnings.iter().enumerate() {
        rows.entry("warnings").or_default().push(vec![
            id(),
            i.into(),
            (&x.kind).into(),
            (&x.message).into(),
            x.span.map_or(Cell::Null, |s| s[0].into()),
            x.span.map_or(Cell::Null, |s| s[1].into()),
        ]);
    }
    for (i, x) in d.errors.iter().enumerate() {
        rows.entry("errors").or_default().push(vec![
            id(),
            i.into(),
            (&x.kind).into(),
            (&x.message).into(),
        ]);
    }
    rows.insert("evidence", ev.rows);
    rows
}

/// Numbers the evidence of one document as the facts are written.
struct EvidenceRows<'a> {
    doc: &'a str,
    rows: Vec<Vec<Cell>>,
}

impl<'a> EvidenceRows<'a> {
    fn new(doc: &'a str) -> Self {
        EvidenceRows { doc, rows: Vec::new() }
    }

    fn push(&mut self, field: &str, item: usize, e: &Evidence) -> usize {
        let idx = self.rows.len();
        self.rows.push(vec![
            self.doc.into(),
            idx.into(),
            field.into(),
            item.into(),
            e.span[0].into(),
            e.span[1].into(),
            (&e.text).into(),
            (&e.rule).into(),
        ]);
        idx
    }
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("; ")
}

/// A person's role and organisation, as a record gives them.
type RoleAndOrg<'a> = (&'a Option<String>, &'a Option<String>);

/// The rows of every contract-level table. `documents` gives the signatories' roles and the
/// organisations' kinds (looked up at the first source's span).
pub fn contract_rows(contracts: &[ContractRecord], documents: &[Document]) -> Rows {
    let mut people: HashMap<(&str, [usize; 2]), RoleAndOrg<'_>> = HashMap::new();
    let mut kinds: HashMap<(&str, [usize; 2]), &Option<String>> = HashMap::new();
    for d in documents {
        let persons = d.people.iter().chain(d.contracts.iter().flat_map(|c| &c.signatories));
        for p in persons {
            people.entry((&d.id, p.evidence.span)).or_insert((&p.role, &p.organization));
        }
        let orgs = d.organizations.iter().chain(d.contracts.iter().flat_map(|c| &c.organizations));
        for o in orgs {
            kinds.entry((&d.id, o.evidence.span)).or_insert(&o.kind);
        }
    }
    let mut rows = Rows::new();
    for c in contracts {
        let key = || Cell::from(&c.key);
        let mut sources = Vec::new();
        let mut add_sources = |field: &str, item: usize, refs: &[SourceRef]| {
            for (i, s) in refs.iter().enumerate() {
                sources.push(vec![
                    key(),
                    field.into(),
                    item.into(),
                    i.into(),
                    (&s.doc).into(),
                    s.span[0].into(),
                    s.span[1].into(),
                    (&s.rule).into(),
                ]);
            }
        };
        rows.entry("contracts").or_default().push(vec![
            key(),
            (&c.territory).into(),
            (&c.territory_kind).into(),
            (&c.territory_code).into(),
            (&c.generation).into(),
            c.signed_on.as_ref().map(|s| &s.value).into(),
            c.period.as_ref().map_or(Cell::Null, |p| p.value[0].into()),
            c.period.as_ref().map_or(Cell::Null, |p| p.value[1].into()),
            c.documents.len().into(),
            c.signatories.len().into(),
            c.quartiers.len().into(),
            c.figures.len().into(),
            c.conflicts.len().into(),
        ]);
        let mut docs = c.documents.clone();
        docs.sort();
        docs.dedup();
        for d in docs {
            rows.entry("contract_documents").or_default().push(vec![key(), d.into()]);
        }
        for (i, t) in c.territory_names.iter().enumerate() {
            add_sources("territory", i, &t.sources);
        }
        if let Some(s) = &c.signed_on {
            add_sources("signed_on", 0, &s.sources);
        }
        if let Some(p) = &c.period {
            add_sources("period", 0, &p.sources);
        }
        for (i, s) in c.signatories.iter().enumerate() {
            let found = s.sources.first().and_then(|r| people.get(&(r.doc.as_str(), r.span)));
            rows.entry("signatories").or_default().push(vec![
                key(),
                i.into(),
                (&s.value).into(),
                found.map_or(Cell::Null, |(role, _)| Cell::from(*role)),
                found.map_or(Cell::Null, |(_, org)| Cell::from(*org)),
            ]);
            add_sources("signatories", i, &s.sources);
        }
        for (i, o) in c.organizations.iter().enumerate() {
            let kind = o.sources.first().and_then(|r| kinds.get(&(r.doc.as_str(), r.span)));
            rows.entry("contract_organizations").or_default().push(vec![
                key(),
                i.into(),
                (&o.value).into(),
                kind.map_or(Cell::Null, |k| Cell::from(*k)),
            ]);
            add_sources("organizations", i, &o.sources);
        }
        for (i, q) in c.quartiers.iter().enumerate() {
            rows.entry("contract_quartiers").or_default().push(vec![
                key(),
                i.into(),
                (&q.name).into(),
                join(q.names.iter().map(String::as_str)).into(),
                (&q.status).into(),
                (&q.qpv_code).into(),
                join(q.communes.iter().map(|c| c.name.as_str())).into(),
                join(q.communes.iter().map(|c| c.insee.as_deref().unwrap_or(""))).into(),
            ]);
            add_sources("quartiers", i, &q.sources);
        }
        for (i, f) in c.figures.iter().enumerate() {
            rows.entry("contract_figures").or_default().push(vec![
                key(),
                i.into(),
                (&f.kind).into(),
                f.value.into(),
                f.approx.into(),
                (&f.scope).into(),
                (&f.agreement).into(),
            ]);
            add_sources("figures", i, &f.sources);
        }
        for (i, x) in c.conflicts.iter().enumerate() {
            let values: Vec<serde_json::Value> = x.values.iter().map(|v| v.value.clone()).collect();
            rows.entry("contract_conflicts").or_default().push(vec![
                key(),
                i.into(),
                (&x.field).into(),
                serde_json::Value::from(values).to_string().into(),
                (&x.note).into(),
            ]);
            let refs: Vec<SourceRef> = x.values.iter().flat_map(|v| v.sources.clone()).collect();
            add_sources("conflicts", i, &refs);
        }
        rows.entry("contract_sources").or_default().extend(sources);
    }
    rows
}

/// The tables documented in Markdown (the committed `schema/tables.v1.md`).
pub fn markdown() -> String {
    let mut out = format!(
        "# `cdv` tables, version {SCHEMA_VERSION}\n\n\
         Written by `cdv extract --format sqlite,csv` and `cdv export`: the SQLite database \
         `cdv.sqlite` holds these tables, and `csv/<table>.csv` holds the same columns (RFC 4180, \
         UTF-8, header row, CRLF line ends; NULL is an empty field). Generated from \
         `src/export/tables.rs`; do not edit by hand.\n\n\
         Document-level tables are rebuilt per document (upserted by id when the record \
         changed); contract-level tables are rebuilt on every run. Foreign keys cascade on \
         delete.\n"
    );
    for t in TABLES {
        let _ = write!(out, "\n## `{}`\n\n{}\n\n", t.name, t.doc);
        let _ = writeln!(out, "| column | type | null | what |\n|---|---|---|---|");
        for c in t.columns {
            let null = if c.nullable { "yes" } else { "" };
            let _ = writeln!(out, "| `{}` | {} | {} | {} |", c.name, c.ty, null, c.doc);
        }
        let _ = write!(out, "\nPrimary key: ({})", t.primary_key.join(", "));
        for fk in t.foreign_keys {
            let _ = write!(
                out,
                "; ({}) references `{}`({})",
                fk.columns.join(", "),
                fk.table,
                fk.references.join(", ")
            );
        }
        if !t.indexes.is_empty() {
            let _ = write!(out, "; indexed: {}", t.indexes.join(", "));
        }
        out.push_str(".\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_and_index_names_a_column() {
        for t in TABLES {
            let has = |c: &str| t.columns.iter().any(|x| x.name == c);
            for c in t.primary_key.iter().chain(t.indexes) {
                assert!(has(c), "{}.{c}", t.name);
            }
            for fk in t.foreign_keys {
                assert!(fk.columns.iter().all(|c| has(c)), "{}: {fk:?}", t.name);
                let parent = table(fk.table).expect("parent table");
                assert_eq!(parent.primary_key, fk.references, "{}: {fk:?}", t.name);
                let pos = TABLES.iter().position(|x| x.name == fk.table);
                assert!(pos < TABLES.iter().position(|x| x.name == t.name), "parents first");
            }
        }
    }

    #[test]
    fn rows_have_one_cell_a_column() {
        let line = r#"{"id":"a","source":{"path":"a.txt","sha256":"00","bytes":3,"format":"text"},
            "quartiers":[{"name":"Les Pins","communes":[{"name":"Ville","insee":"99001"}],
            "status":"prioritaire","qpv_code":"QN99001M","evidence":{"span":[0,8],"text":"Les Pins","rule":"quartiers.list"}}],
            "figures":[{"value":3,"approx":false,"kind":"qpv_count","text":"3","evidence":{"span":[9,10],"text":"3","rule":"figures.number"}}],
            "warnings":[{"kind":"w","message":"m"}],"some_new_field":true}"#;
        let d: Document = serde_json::from_str(line).unwrap();
        let rows = document_rows(&d, "ff");
        for (name, rows) in &rows {
            let t = table(name).unwrap();
            for r in rows {
                assert_eq!(r.len(), t.columns.len(), "{name}");
            }
        }
        assert_eq!(rows["quartiers"][0][4], Cell::Text("QN99001M".into()));
        assert_eq!(rows["quartier_communes"][0][4], Cell::Text("99001".into()));
        assert_eq!(rows["evidence"].len(), 2);
    }
}
