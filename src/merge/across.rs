//! Across documents: one [`ContractRecord`] per contract, merged from every document that reports
//! on it (`contracts.jsonl`).
//!
//! A contract is keyed by its territory's official code (SIREN of the EPCI, else INSEE code of
//! the commune, else the folded name) and its generation (2015-2020 or 2024-2030, from its period
//! or signature date), so the same territory's two generations stay two contracts. Each field
//! lists its sources; equal values merge; near-equal figures are reported as an approximate
//! agreement; different signature dates and counts stay side by side as conflicts with the rule
//! that chose the headline ([`super::precedence`]). Records are taken in id order and every map
//! is ordered, so the output does not depend on file order or threads.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::ser::{Serialize, SerializeStruct, Serializer};
use serde_json::json;

use super::precedence::{dates_agree, figures_near, signature_key};
use super::spool::{List, Rec, Spool, Store};
use crate::names::fold;
use crate::record::{
    CommuneRef, Contract, ContractRecord, DocumentRecord, Evidence, QuartierStatus,
};

/// The generation of a contract from its period's first year, else its signature year.
pub fn generation(c: &Contract) -> String {
    let year = c
        .period
        .as_ref()
        .map(|p| p.value[0])
        .or_else(|| c.signed_on.as_ref().and_then(|s| s.value.get(..4)?.parse().ok()));
    match year {
        Some(y) if (2014..2023).contains(&y) => "2015-2020".into(),
        Some(y) if (2023..=2030).contains(&y) => "2024-2030".into(),
        Some(y) => y.to_string(),
        None => "unknown".into(),
    }
}

/// The key of a contract: official code when known, else folded name; with its generation.
pub fn key(c: &Contract) -> String {
    let id = match (&c.territory_code, c.territory_kind.as_deref()) {
        (Some(code), Some("commune")) => format!("insee:{code}"),
        (Some(code), _) if code.len() == 5 => format!("insee:{code}"),
        (Some(code), _) => format!("siren:{code}"),
        (None, _) => format!("name:{}", fold(&c.territory)),
    };
    format!("{id}/{}", generation(c))
}

/// Merges the contracts of `records` (in any order) into one record per contract, sorted by key.
pub fn contracts(records: &[DocumentRecord]) -> Vec<ContractRecord> {
    let mut sorted: Vec<&DocumentRecord> = records.iter().collect();
    sorted.sort_by(|a, b| a.id.cmp(&b.id));
    let mut collector = Collector::in_memory();
    for r in sorted {
        collector.push(&r.id, &r.contracts).expect("memory store cannot fail");
    }
    let mut out = Vec::new();
    collector
        .finish(|c| {
            out.push(c.record());
            Ok(())
        })
        .expect("memory store cannot fail");
    out
}

/// The contracts of a batch's documents, collected as the documents come (in id order) and
/// merged at the end. [`Collector::spilled`] writes each document's contracts (with the
/// document's id) to a temporary file and keeps only a short entry per contract (its key and
/// folded territory name, both interned, and the document's rank), so memory does not hold the
/// batch's contracts; [`Collector::finish`] then reads each group back one copy at a time into a
/// [`Group`] and hands the merged contracts over one at a time.
pub struct Collector {
    store: Copies,
    /// Where the merged contracts' sources go (with the file store), and its path.
    spool: Option<(Arc<Spool>, PathBuf)>,
    entries: Vec<Entry>,
    keys: Interner,
    names: Interner,
    /// The last document pushed and its rank (documents come in id order).
    last_doc: Option<(Box<str>, u32)>,
}

/// What [`Collector`] keeps of each contract.
struct Entry {
    /// The contract's key, in [`Collector::keys`].
    key: u32,
    /// Its territory's folded name, in [`Collector::names`].
    name: u32,
    /// The rank of its document among the documents pushed: ranks order like the ids.
    doc: u32,
    /// Where the contract is: an index into the memory store, or a byte offset in the file.
    at: u64,
}

/// Distinct strings, each numbered once.
#[derive(Default)]
struct Interner {
    ids: HashMap<Box<str>, u32>,
    list: Vec<Box<str>>,
}

impl Interner {
    fn id(&mut self, s: &str) -> u32 {
        if let Some(&i) = self.ids.get(s) {
            return i;
        }
        let i = u32::try_from(self.list.len()).expect("fewer than 2^32 distinct strings");
        self.ids.insert(s.into(), i);
        self.list.push(s.into());
        i
    }
}

enum Copies {
    /// Each contract, with its document's id, is taken out when its group is merged.
    Memory(Vec<Option<(Box<str>, Contract)>>),
    /// One line per contract: `[document id, contract]`.
    File { path: PathBuf, writer: Option<BufWriter<File>>, written: u64 },
}

impl Collector {
    /// A collector holding the contracts in memory.
    pub fn in_memory() -> Collector {
        Collector::with(Copies::Memory(Vec::new()), None)
    }

    /// A collector spilling the contracts to the file `path`, and the sources of the contract
    /// being merged to `path.sources` (both created now, removed when the collector is dropped).
    pub fn spilled(path: &Path) -> std::io::Result<Collector> {
        crate::write::register_temporary(path);
        let writer = BufWriter::new(File::create(path)?);
        let mut sources = path.as_os_str().to_owned();
        sources.push(".sources");
        let sources = PathBuf::from(sources);
        crate::write::register_temporary(&sources);
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(true)
            .open(&sources);
        let store = Copies::File { path: path.to_owned(), writer: Some(writer), written: 0 };
        let mut c = Collector::with(store, None);
        c.spool = Some((Arc::new(Spool::new(file?)), sources));
        Ok(c)
    }

    fn with(store: Copies, spool: Option<(Arc<Spool>, PathBuf)>) -> Collector {
        Collector {
            store,
            spool,
            entries: Vec::new(),
            keys: Interner::default(),
            names: Interner::default(),
            last_doc: None,
        }
    }

    /// Adds the contracts of document `doc`; documents come in id order.
    pub fn push(&mut self, doc: &str, contracts: &[Contract]) -> std::io::Result<()> {
        if contracts.is_empty() {
            return Ok(());
        }
        let rank = match &self.last_doc {
            Some((last, rank)) if **last == *doc => *rank,
            Some((last, rank)) => {
                debug_assert!(**last < *doc, "documents in id order");
                rank + 1
            }
            None => 0,
        };
        self.last_doc = Some((doc.into(), rank));
        for c in contracts {
            let at = match &mut self.store {
                Copies::Memory(list) => {
                    list.push(Some((doc.into(), c.clone())));
                    list.len() as u64 - 1
                }
                Copies::File { writer, written, .. } => {
                    let w = writer.as_mut().ok_or_else(|| std::io::Error::other("finished"))?;
                    let line = serde_json::to_vec(&(doc, c))?;
                    w.write_all(&line)?;
                    w.write_all(b"\n")?;
                    let at = *written;
                    *written += line.len() as u64 + 1;
                    at
                }
            };
            let key = self.keys.id(&key(c));
            let name = self.names.id(&fold(&c.territory));
            self.entries.push(Entry { key, name, doc: rank, at });
        }
        Ok(())
    }

    /// Merges the collected contracts and hands each to `emit` (to write it), sorted by key.
    /// Returns how many there were.
    pub fn finish(
        mut self,
        mut emit: impl FnMut(&MergedContract) -> std::io::Result<()>,
    ) -> std::io::Result<usize> {
        let mut by_key: Vec<Vec<u32>> = vec![Vec::new(); self.keys.list.len()];
        for (i, e) in self.entries.iter().enumerate() {
            by_key[e.key as usize].push(i as u32);
        }
        let mut groups: BTreeMap<Box<str>, Vec<u32>> =
            self.keys.list.iter().cloned().zip(by_key).collect();
        join_name_keys(&mut groups, &self.entries, &self.names);
        let mut reader = match &mut self.store {
            Copies::File { path, writer, .. } => {
                if let Some(w) = writer.take() {
                    w.into_inner().map_err(|e| e.into_error())?;
                }
                Some(BufReader::new(File::open(&*path)?))
            }
            Copies::Memory(_) => None,
        };
        let spool = self.spool.as_ref().map(|(s, _)| Arc::clone(s));
        let count = groups.len();
        for (k, members) in groups {
            if let Some(s) = &spool {
                s.clear()?;
            }
            let mut group = Group::with_spool(k.into(), spool.clone());
            for i in members {
                let at = self.entries[i as usize].at;
                let (doc, c) = match (&mut self.store, reader.as_mut()) {
                    (Copies::Memory(list), _) => list[at as usize]
                        .take()
                        .ok_or_else(|| std::io::Error::other("a contract in two groups"))?,
                    (Copies::File { .. }, Some(r)) => read_line_at(r, at)?,
                    (Copies::File { .. }, None) => unreachable!("the file store has a reader"),
                };
                group.add(&doc, &c)?;
            }
            emit(&group.finish()?)?;
        }
        Ok(count)
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        if let Copies::File { path, writer, .. } = &mut self.store {
            *writer = None;
            let _ = std::fs::remove_file(&*path);
            crate::write::unregister_temporary(path);
        }
        if let Some((_, path)) = self.spool.take() {
            let _ = std::fs::remove_file(&path);
            crate::write::unregister_temporary(&path);
        }
    }
}

/// The document id and contract serialised on the line starting at byte `at`.
fn read_line_at(r: &mut BufReader<File>, at: u64) -> std::io::Result<(Box<str>, Contract)> {
    r.seek(SeekFrom::Start(at))?;
    let mut line = String::new();
    r.read_line(&mut line)?;
    Ok(serde_json::from_str(&line)?)
}

/// A contract keyed by name joins a code-keyed group of the same generation whose territory
/// has the same folded name (one document named the territory in a form the gazetteer did not
/// link): the first such group in key order.
fn join_name_keys(groups: &mut BTreeMap<Box<str>, Vec<u32>>, entries: &[Entry], names: &Interner) {
    // The folded names of each code-keyed group, in key order. A name-keyed group that joins
    // one brings no new name (its members all have the name it is keyed by), so these stay true.
    let coded: Vec<(Box<str>, HashSet<u32>)> = groups
        .iter()
        .filter(|(k, _)| !k.starts_with("name:"))
        .map(|(k, members)| {
            (k.clone(), members.iter().map(|&i| entries[i as usize].name).collect())
        })
        .collect();
    let name_keys: Vec<Box<str>> =
        groups.keys().filter(|k| k.starts_with("name:")).cloned().collect();
    for nk in name_keys {
        let Some((name, generation)) = nk.trim_start_matches("name:").rsplit_once('/') else {
            continue;
        };
        let Some(&name) = names.ids.get(name) else { continue };
        let suffix = format!("/{generation}");
        let target =
            coded.iter().find(|(k, in_group)| k.ends_with(&suffix) && in_group.contains(&name));
        if let Some((t, _)) = target
            && let Some(moved) = groups.remove(&nk)
            && let Some(dest) = groups.get_mut(t)
        {
            dest.extend(moved);
            dest.sort_by_key(|&i| entries[i as usize].doc);
        }
    }
}

/// Where a merged value was found, as a [`Group`] keeps it: a
/// [`SourceRef`](crate::record::SourceRef) whose document and rule are numbers in the group's
/// [`Tables`] (24 bytes, nothing allocated). A contract that thousands of documents report on
/// has hundreds of thousands of sources: held as `SourceRef`s (two strings each) they took
/// about 40 MiB of a 100,000-file run, and still 10-20 MiB as `Src`s in memory; the lists of
/// them are now mostly on disk ([`Store`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Src {
    /// The document, in [`Tables::documents`].
    doc: u32,
    /// The rule, in [`Tables::rules`].
    rule: u32,
    span: [usize; 2],
}

impl Rec for Src {
    const SIZE: usize = 24;

    fn doc(&self) -> u32 {
        self.doc
    }

    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.doc.to_le_bytes());
        out.extend_from_slice(&self.rule.to_le_bytes());
        out.extend_from_slice(&(self.span[0] as u64).to_le_bytes());
        out.extend_from_slice(&(self.span[1] as u64).to_le_bytes());
    }

    fn get(b: &[u8]) -> Src {
        let n = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let wide = |i: usize| (u64::from(n(i)) | (u64::from(n(i + 4)) << 32)) as usize;
        Src { doc: n(0), rule: n(4), span: [wide(8), wide(16)] }
    }
}

/// A group's documents (in id order, so their numbers order like their ids) and rules, and its
/// lists of sources.
#[derive(Default)]
struct Tables {
    documents: Vec<String>,
    rules: Interner,
    sources: Store<Src>,
}

impl Tables {
    fn src(&mut self, doc: u32, ev: &Evidence) -> Src {
        Src { doc, rule: self.rules.id(&ev.rule), span: ev.span }
    }
}

/// A merged value and its sources: [`Merged`](crate::record::Merged) with compact sources, a
/// list in the group's [`Tables::sources`].
#[derive(Debug, Clone)]
struct Vals<T> {
    value: T,
    sources: List,
}

/// Adds `(value, source)` to a list of merged values keyed by `fold`. Sources come in document
/// order, so a source already listed is among the last ones, of the same document (which the
/// list keeps in memory).
fn add_named(
    sources: &mut Store<Src>,
    list: &mut Vec<Vals<String>>,
    value: &str,
    src: Src,
) -> std::io::Result<()> {
    let key = fold(value);
    match list.iter_mut().find(|m| fold(&m.value) == key) {
        Some(m) => {
            let tail = sources.tail(m.sources);
            let listed = tail.iter().rev().take_while(|s| s.doc == src.doc).any(|s| *s == src);
            if !listed {
                sources.push(m.sources, src)?;
            }
        }
        None => list.push(Vals { value: value.to_owned(), sources: sources.one(src)? }),
    }
    Ok(())
}

/// One contract's record, merged from its copies fed one at a time in document order
/// ([`Group::add`]); it keeps only the values and sources the record lists, never the copies,
/// and the sources compact ([`Src`]). Where a headline depends on every copy (the best signature
/// date, the documents' territory names for a figure's scope), the candidates are kept and
/// decided in [`Group::finish`].
#[derive(Default)]
struct Group {
    key: String,
    /// The first copy's territory name and generation.
    first: Option<(String, String)>,
    tables: Tables,
    names: Vec<Vals<String>>,
    kind: Option<String>,
    code: Option<String>,
    signatories: Vec<Vals<String>>,
    organizations: Vec<Vals<String>>,
    signed_on: SignedOn,
    period: Vec<Vals<[i32; 2]>>,
    quartiers: Quartiers,
    figures: Figures,
}

impl Group {
    #[cfg(test)]
    fn new(key: String) -> Group {
        Group::with_spool(key, None)
    }

    /// A group whose lists of sources and figures write their older entries to `spool`.
    fn with_spool(key: String, spool: Option<Arc<Spool>>) -> Group {
        let mut g = Group { key, ..Group::default() };
        g.tables.sources = Store::new(spool.clone());
        g.figures.seen = Store::new(spool);
        g
    }

    /// Adds the copy `c` of the contract reported by document `doc` (documents in id order).
    fn add(&mut self, doc: &str, c: &Contract) -> std::io::Result<()> {
        let documents = &mut self.tables.documents;
        debug_assert!(documents.last().is_none_or(|d| d.as_str() <= doc), "id order");
        self.first.get_or_insert_with(|| (c.territory.clone(), generation(c)));
        if documents.last().is_none_or(|d| d != doc) {
            documents.push(doc.to_owned());
        }
        let d = u32::try_from(documents.len() - 1).expect("fewer than 2^32 documents");
        let t = &mut self.tables;
        for ev in &c.evidence {
            let src = t.src(d, ev);
            add_named(&mut t.sources, &mut self.names, &c.territory, src)?;
        }
        if c.evidence.is_empty() {
            let src = Src { doc: d, rule: t.rules.id(""), span: [0, 0] };
            add_named(&mut t.sources, &mut self.names, &c.territory, src)?;
        }
        for p in &c.signatories {
            let src = t.src(d, &p.evidence);
            add_named(&mut t.sources, &mut self.signatories, &p.name, src)?;
        }
        for o in &c.organizations {
            let src = t.src(d, &o.evidence);
            add_named(&mut t.sources, &mut self.organizations, &o.name, src)?;
        }
        if self.kind.is_none() {
            self.kind.clone_from(&c.territory_kind);
        }
        if self.code.is_none() {
            self.code.clone_from(&c.territory_code);
        }
        self.signed_on.add(t, d, c);
        if let Some(p) = &c.period {
            let list = match self.period.iter().find(|m| m.value == p.value) {
                Some(m) => m.sources,
                None => {
                    let list = t.sources.list();
                    self.period.push(Vals { value: p.value, sources: list });
                    list
                }
            };
            for e in &p.evidence {
                let src = t.src(d, e);
                t.sources.push(list, src)?;
            }
        }
        self.quartiers.add(t, d, c)?;
        self.figures.add(t, d, c)
    }

    /// The merged contract, with its conflicts (signature date, period, quartiers, figures).
    fn finish(mut self) -> std::io::Result<MergedContract> {
        let mut conflicts = Vec::new();
        let t = &mut self.tables.sources;
        let signed_on = self.signed_on.finish(t, &mut conflicts)?;
        let period = finish_period(self.period, &mut conflicts);
        let quartiers = self.quartiers.finish(t, &mut conflicts)?;
        let figures = self.figures.finish(t, &mut conflicts)?;
        let (territory, generation) = self.first.unwrap_or_default();
        Ok(MergedContract {
            key: self.key,
            territory,
            names: self.names,
            kind: self.kind,
            code: self.code,
            generation,
            signed_on,
            period,
            signatories: self.signatories,
            organizations: self.organizations,
            quartiers,
            figures,
            conflicts,
            tables: self.tables,
        })
    }
}

/// A merged contract, as [`Collector::finish`] hands it over: the fields of [`ContractRecord`]
/// with compact sources. It serialises to the JSON of that record (one line of
/// `contracts.jsonl`), each source written from the tables as it comes, so the line is never
/// built whole in memory; [`MergedContract::record`] gives the record itself.
pub struct MergedContract {
    key: String,
    territory: String,
    names: Vec<Vals<String>>,
    kind: Option<String>,
    code: Option<String>,
    generation: String,
    signed_on: Option<Vals<String>>,
    period: Option<Vals<[i32; 2]>>,
    signatories: Vec<Vals<String>>,
    organizations: Vec<Vals<String>>,
    quartiers: Vec<QuartierVals>,
    figures: Vec<FigureVals>,
    conflicts: Vec<ConflictVals>,
    /// The documents (the record's `documents`) and rules the sources are numbered in.
    tables: Tables,
}

impl MergedContract {
    /// The contract record (built whole: for tests and small batches).
    pub fn record(&self) -> ContractRecord {
        let json = serde_json::to_value(self).expect("a merged contract serialises");
        serde_json::from_value(json).expect("a merged contract reads back as a record")
    }
}

/// [`MergedQuartier`](crate::record::MergedQuartier) with compact sources.
struct QuartierVals {
    name: String,
    names: Vec<String>,
    communes: Vec<CommuneRef>,
    status: QuartierStatus,
    qpv_code: Option<String>,
    sources: List,
}

/// [`MergedFigure`](crate::record::MergedFigure) with compact sources.
struct FigureVals {
    kind: String,
    value: f64,
    approx: bool,
    scope: Option<String>,
    agreement: &'static str,
    sources: List,
}

/// [`ContractConflict`](crate::record::ContractConflict) with compact sources.
struct ConflictVals {
    field: String,
    values: Vec<Vals<serde_json::Value>>,
    note: String,
}

/// A part of a [`MergedContract`] with the tables its sources are numbered in: it serialises as
/// the matching part of [`ContractRecord`] (same fields in the same order, absent options
/// skipped the same way).
struct With<'a, T> {
    t: &'a Tables,
    item: &'a T,
}

impl<'a, T> With<'a, T> {
    fn of<U>(&self, item: &'a U) -> With<'a, U> {
        With { t: self.t, item }
    }
}

/// [`SourceRef`](crate::record::SourceRef) as it is written.
#[derive(serde::Serialize)]
struct SourceOut<'a> {
    doc: &'a str,
    span: [usize; 2],
    rule: &'a str,
}

impl Serialize for With<'_, Src> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let Src { doc, rule, span } = *self.item;
        let (doc, rule) = (&self.t.documents[doc as usize], &self.t.rules.list[rule as usize]);
        SourceOut { doc, span, rule }.serialize(s)
    }
}

impl Serialize for With<'_, List> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{Error, SerializeSeq};
        let mut seq = s.serialize_seq(None)?;
        for block in self.t.sources.blocks(*self.item) {
            for src in block.map_err(S::Error::custom)?.iter() {
                seq.serialize_element(&self.of(src))?;
            }
        }
        seq.end()
    }
}

impl<'a, T> Serialize for With<'a, Vec<T>>
where
    With<'a, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.item.iter().map(|item| self.of(item)))
    }
}

impl<'a, T> Serialize for With<'a, Option<T>>
where
    With<'a, T>: Serialize,
{
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self.item {
            Some(item) => s.serialize_some(&self.of(item)),
            None => s.serialize_none(),
        }
    }
}

impl<T: Serialize> Serialize for With<'_, Vals<T>> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut st = s.serialize_struct("Merged", 2)?;
        st.serialize_field("value", &self.item.value)?;
        st.serialize_field("sources", &self.of(&self.item.sources))?;
        st.end()
    }
}

/// Writes an optional field as `#[serde(skip_serializing_if = "Option::is_none")]` does.
fn field_if<T: Serialize, S: SerializeStruct>(
    st: &mut S,
    name: &'static str,
    value: &Option<T>,
) -> Result<(), S::Error> {
    match value {
        Some(_) => st.serialize_field(name, value),
        None => st.skip_field(name),
    }
}

impl Serialize for With<'_, QuartierVals> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let q = self.item;
        let mut st = s.serialize_struct("MergedQuartier", 6)?;
        st.serialize_field("name", &q.name)?;
        st.serialize_field("names", &q.names)?;
        st.serialize_field("communes", &q.communes)?;
        st.serialize_field("status", &q.status)?;
        field_if(&mut st, "qpv_code", &q.qpv_code)?;
        st.serialize_field("sources", &self.of(&q.sources))?;
        st.end()
    }
}

/// A figure's value, written as [`crate::record::number`] writes it.
struct Number(f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        crate::record::number::serialize(&self.0, s)
    }
}

impl Serialize for With<'_, FigureVals> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let f = self.item;
        let mut st = s.serialize_struct("MergedFigure", 6)?;
        st.serialize_field("kind", &f.kind)?;
        st.serialize_field("value", &Number(f.value))?;
        st.serialize_field("approx", &f.approx)?;
        field_if(&mut st, "scope", &f.scope)?;
        st.serialize_field("agreement", f.agreement)?;
        st.serialize_field("sources", &self.of(&f.sources))?;
        st.end()
    }
}

impl Serialize for With<'_, ConflictVals> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let k = self.item;
        let mut st = s.serialize_struct("ContractConflict", 3)?;
        st.serialize_field("field", &k.field)?;
        st.serialize_field("values", &self.of(&k.values))?;
        st.serialize_field("note", &k.note)?;
        st.end()
    }
}

impl Serialize for MergedContract {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let w = With { t: &self.tables, item: self };
        let mut st = s.serialize_struct("ContractRecord", 14)?;
        st.serialize_field("key", &self.key)?;
        st.serialize_field("territory", &self.territory)?;
        st.serialize_field("territory_names", &w.of(&self.names))?;
        field_if(&mut st, "territory_kind", &self.kind)?;
        field_if(&mut st, "territory_code", &self.code)?;
        st.serialize_field("generation", &self.generation)?;
        st.serialize_field("documents", &self.tables.documents)?;
        st.serialize_field("signed_on", &w.of(&self.signed_on))?;
        st.serialize_field("period", &w.of(&self.period))?;
        st.serialize_field("signatories", &w.of(&self.signatories))?;
        st.serialize_field("organizations", &w.of(&self.organizations))?;
        st.serialize_field("quartiers", &w.of(&self.quartiers))?;
        st.serialize_field("figures", &w.of(&self.figures))?;
        st.serialize_field("conflicts", &w.of(&self.conflicts))?;
        st.end()
    }
}

/// Each document's headline signature date, the best of them chosen by
/// [`signature_key`] then the first document.
#[derive(Default)]
struct SignedOn {
    /// One candidate per copy that has a date: its value and source.
    candidates: Vec<(String, Src)>,
    /// The best candidate so far (an index into `candidates`) and its evidence.
    best: Option<(usize, Evidence)>,
}

impl SignedOn {
    fn add(&mut self, t: &mut Tables, doc: u32, c: &Contract) {
        let Some(s) = &c.signed_on else { return };
        let Some(ev) = s.evidence.first() else { return };
        // Document numbers order like the ids.
        let better = self.best.as_ref().is_none_or(|(i, best_ev)| {
            let (best, best_src) = &self.candidates[*i];
            (signature_key(&s.value, ev), doc) < (signature_key(best, best_ev), best_src.doc)
        });
        if better {
            self.best = Some((self.candidates.len(), ev.clone()));
        }
        self.candidates.push((s.value.clone(), t.src(doc, ev)));
    }

    fn finish(
        self,
        sources: &mut Store<Src>,
        conflicts: &mut Vec<ConflictVals>,
    ) -> std::io::Result<Option<Vals<String>>> {
        let Some((i, _)) = self.best else { return Ok(None) };
        let best = self.candidates[i].0.clone();
        let mut values: Vec<Vals<String>> = Vec::new();
        for (v, src) in self.candidates {
            // Values that agree with the headline (equal, or a month the day refines) merge
            // into it.
            let slot = if dates_agree(&v, &best) { best.clone() } else { v };
            match values.iter_mut().find(|m| m.value == slot) {
                Some(m) => sources.push(m.sources, src)?,
                None => values.push(Vals { value: slot, sources: sources.one(src)? }),
            }
        }
        values.sort_by_key(|m| m.value != best);
        if values.len() > 1 {
            conflicts.push(conflict(
                "signed_on",
                &values,
                "documents give different signature dates; headline chosen by precedence: an \
                 explicit \"Date de signature\" field over a date in prose, a day over a month, \
                 then the first document",
            ));
        }
        Ok(values.into_iter().next())
    }
}

fn finish_period(
    values: Vec<Vals<[i32; 2]>>,
    conflicts: &mut Vec<ConflictVals>,
) -> Option<Vals<[i32; 2]>> {
    if values.len() > 1 {
        conflicts.push(conflict(
            "period",
            &values,
            "documents give different periods; headline from the first document",
        ));
    }
    values.into_iter().next()
}

/// The conflict of `field` between the merged `values`, the headline first (their lists of
/// sources shared: nothing is added to them after).
fn conflict<T: Serialize>(field: &str, values: &[Vals<T>], note: &str) -> ConflictVals {
    ConflictVals {
        field: field.into(),
        values: values.iter().map(|m| Vals { value: json!(m.value), sources: m.sources }).collect(),
        note: note.into(),
    }
}

/// The quartiers of the copies, merged as they come.
#[derive(Default)]
struct Quartiers {
    out: Vec<QuartierVals>,
    /// For each merged quartier, the status each of its sources gave (along its `sources`).
    statuses: Vec<Vec<QuartierStatus>>,
    /// For each merged quartier, the QPV codes its sources give.
    codes: Vec<Vec<String>>,
}

impl Quartiers {
    fn add(&mut self, t: &mut Tables, doc: u32, c: &Contract) -> std::io::Result<()> {
        for q in &c.quartiers {
            let src = t.src(doc, &q.evidence);
            let key = fold(&q.name);
            // The same name in two communes ("Centre-ville") is two quartiers.
            let same = |m: &QuartierVals| {
                m.names.iter().any(|n| fold(n) == key)
                    && (m.communes.is_empty()
                        || q.communes.is_empty()
                        || q.communes.iter().any(|c| {
                            m.communes.iter().any(|k| {
                                fold(&k.name) == fold(&c.name)
                                    || (k.insee.is_some() && k.insee == c.insee)
                            })
                        }))
            };
            let idx = match self.out.iter().position(same) {
                Some(i) => i,
                None => {
                    self.out.push(QuartierVals {
                        name: q.name.clone(),
                        names: vec![],
                        communes: vec![],
                        status: q.status,
                        qpv_code: None,
                        sources: t.sources.list(),
                    });
                    self.codes.push(vec![]);
                    self.statuses.push(vec![]);
                    self.out.len() - 1
                }
            };
            let m = &mut self.out[idx];
            if !m.names.contains(&q.name) {
                m.names.push(q.name.clone());
            }
            for commune in &q.communes {
                add_commune(&mut m.communes, commune);
            }
            t.sources.push(m.sources, src)?;
            self.statuses[idx].push(q.status);
            if let Some(code) = &q.qpv_code
                && !self.codes[idx].contains(code)
            {
                self.codes[idx].push(code.clone());
            }
        }
        Ok(())
    }

    fn finish(
        self,
        sources: &mut Store<Src>,
        conflicts: &mut Vec<ConflictVals>,
    ) -> std::io::Result<Vec<QuartierVals>> {
        let mut out = self.out;
        // One code among the sources is the quartier's; codes that disagree are none.
        for (m, c) in out.iter_mut().zip(&self.codes) {
            if let [one] = c.as_slice() {
                m.qpv_code = Some(one.clone());
            }
        }
        for (m, st) in out.iter().zip(&self.statuses) {
            // The distinct statuses, in the order of their first source.
            let mut distinct: Vec<QuartierStatus> = Vec::new();
            for status in st {
                if !distinct.contains(status) {
                    distinct.push(*status);
                }
            }
            if distinct.len() < 2 {
                continue;
            }
            // One document listing a quartier twice (a priority list and a renewal list) does
            // not disagree with itself.
            let (mut first_doc, mut many_docs) = (None, false);
            sources.each(m.sources, |src| match first_doc {
                None => first_doc = Some(src.doc),
                Some(d) => many_docs |= d != src.doc,
            })?;
            if many_docs {
                let lists: Vec<List> = distinct.iter().map(|_| sources.list()).collect();
                let mut statuses = st.iter();
                let mut i = 0;
                while let Some(block) = sources.block(m.sources, i) {
                    i += 1;
                    for src in block? {
                        let Some(status) = statuses.next() else { break };
                        let k = distinct.iter().position(|d| d == status).unwrap_or(0);
                        sources.push(lists[k], src)?;
                    }
                }
                let values = distinct
                    .iter()
                    .zip(lists)
                    .map(|(status, list)| Vals { value: json!(status), sources: list })
                    .collect();
                conflicts.push(ConflictVals {
                    field: format!("quartiers[{}].status", m.name),
                    values,
                    note: "documents give the quartier different statuses; headline from the \
                           first document"
                        .into(),
                });
            }
        }
        Ok(out)
    }
}

fn add_commune(list: &mut Vec<CommuneRef>, c: &CommuneRef) {
    let key = fold(&c.name);
    match list
        .iter_mut()
        .find(|x| fold(&x.name) == key || (x.insee.is_some() && x.insee == c.insee))
    {
        Some(x) => {
            if x.insee.is_none() {
                x.insee.clone_from(&c.insee);
            }
        }
        None => list.push(c.clone()),
    }
}

/// Kinds whose smaller values in a document are parts of its largest one (a sub-area's
/// quartiers, inhabitants, partners). Elsewhere ("71 communes" in the intercommunality, "14
/// communes" concerned) two values are two facts, and a document is compared only when it gives
/// one value of the kind.
const PART_WHOLE: &[&str] =
    &["participant_count", "partner_count", "population", "population_qpv", "qpv_count"];

/// A figure of a copy, as the merge needs it (a record of the group's figure [`Store`]).
#[derive(Debug, Clone, Copy)]
struct FigureSeen {
    /// Its document's number.
    doc: u32,
    value: f64,
    approx: bool,
    /// Its scope in [`Figures::scopes`], or [`NO_SCOPE`].
    scope: u32,
    source: Src,
}

/// The scope number of a figure without a scope.
const NO_SCOPE: u32 = u32::MAX;

impl Rec for FigureSeen {
    const SIZE: usize = 17 + Src::SIZE;

    fn doc(&self) -> u32 {
        self.doc
    }

    fn put(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.doc.to_le_bytes());
        out.extend_from_slice(&self.value.to_bits().to_le_bytes());
        out.push(u8::from(self.approx));
        out.extend_from_slice(&self.scope.to_le_bytes());
        self.source.put(out);
    }

    fn get(b: &[u8]) -> FigureSeen {
        let n = |i: usize| u32::from_le_bytes([b[i], b[i + 1], b[i + 2], b[i + 3]]);
        let bits = u64::from(n(4)) | (u64::from(n(8)) << 32);
        FigureSeen {
            doc: n(0),
            value: f64::from_bits(bits),
            approx: b[12] != 0,
            scope: n(13),
            source: Src::get(&b[17..]),
        }
    }
}

/// Figures of the documents about one contract, by kind. Where several documents give a
/// territory-wide value of a kind, those values are compared: equal ones agree, near ones
/// (within [`figures_near`]) agree approximately, others conflict; the headline is the first
/// exact value. A document's territory-wide value of a kind is the largest one whose scope is
/// unstated or the contract's own: a sub-area's count ("deux quartiers hérouvillais") is a part
/// of it, and a figure about "France" or another commune is not about the contract. Every other
/// value is listed as it is, with its sources.
#[derive(Default)]
struct Figures {
    /// kind -> the figures of that kind, document after document (numbers order like ids).
    by_kind: BTreeMap<String, List>,
    seen: Store<FigureSeen>,
    scopes: Interner,
    /// The copies' folded territory names, each once: a scope naming one is the contract's own.
    territories: Vec<String>,
}

impl Figures {
    fn add(&mut self, t: &mut Tables, doc: u32, c: &Contract) -> std::io::Result<()> {
        let territory = fold(&c.territory);
        if !self.territories.contains(&territory) {
            self.territories.push(territory);
        }
        for f in &c.figures {
            let seen = FigureSeen {
                doc,
                value: f.value,
                approx: f.approx,
                scope: f.scope.as_ref().map_or(NO_SCOPE, |s| self.scopes.id(s)),
                source: t.src(doc, &f.evidence),
            };
            let list = match self.by_kind.get(&f.kind) {
                Some(list) => *list,
                None => {
                    let list = self.seen.list();
                    self.by_kind.insert(f.kind.clone(), list);
                    list
                }
            };
            self.seen.push(list, seen)?;
        }
        Ok(())
    }

    fn finish(
        self,
        sources: &mut Store<Src>,
        conflicts: &mut Vec<ConflictVals>,
    ) -> std::io::Result<Vec<FigureVals>> {
        let territory = self.territories;
        // Whether each scope is the contract's own.
        let own_scope: Vec<bool> = self
            .scopes
            .list
            .iter()
            .map(|s| {
                let s = fold(s);
                territory.iter().any(|t| s.contains(t.as_str()) || t.contains(s.as_str()))
            })
            .collect();
        let own = |f: &FigureSeen| f.scope == NO_SCOPE || own_scope[f.scope as usize];
        let scope = |f: &FigureSeen| {
            (f.scope != NO_SCOPE).then(|| self.scopes.list[f.scope as usize].to_string())
        };
        let mut out = Vec::new();
        for (kind, &list) in &self.by_kind {
            let kind = kind.as_str();
            // Each document's territory-wide value of the kind, in document order.
            let mut wide: Vec<(u32, FigureSeen)> = Vec::new();
            let mut of_doc: Vec<FigureSeen> = Vec::new();
            let mut close = |fs: &mut Vec<FigureSeen>| {
                let owned: Vec<&FigureSeen> = fs.iter().filter(|f| own(f)).collect();
                let single = owned.iter().all(|f| f.value == owned[0].value);
                let best = owned.iter().max_by(|a, b| a.value.total_cmp(&b.value));
                if let Some(f) = best.filter(|_| single || PART_WHOLE.contains(&kind)) {
                    wide.push((f.doc, **f));
                }
                fs.clear();
            };
            for block in self.seen.blocks(list) {
                for f in block?.iter() {
                    if of_doc.last().is_some_and(|last| last.doc != f.doc) {
                        close(&mut of_doc);
                    }
                    of_doc.push(*f);
                }
            }
            close(&mut of_doc);
            // Whether `f` is its document's compared value (`wide` has one per document, in
            // document order).
            let compared = |f: &FigureSeen| {
                wide.len() > 1
                    && wide
                        .binary_search_by_key(&f.doc, |(d, _)| *d)
                        .is_ok_and(|i| wide[i].1.value == f.value)
            };
            let mut head_sources = None;
            if wide.len() > 1 {
                let head = wide.iter().find(|(_, f)| !f.approx).unwrap_or(&wide[0]).1;
                let all_equal = wide.iter().all(|(_, f)| f.value == head.value);
                let all_near = wide.iter().all(|(_, f)| figures_near(kind, f.value, head.value));
                let agreement = if all_equal {
                    "agree"
                } else if all_near {
                    "approximate"
                } else {
                    "conflict"
                };
                let head_list = sources.list();
                head_sources = Some(head_list);
                out.push(FigureVals {
                    kind: kind.to_owned(),
                    value: head.value,
                    approx: head.approx,
                    scope: scope(&head),
                    agreement,
                    sources: head_list,
                });
                if !all_equal {
                    let mut values: Vec<Vals<serde_json::Value>> = Vec::new();
                    for (_, f) in &wide {
                        let v = json!(crate::record::number::to_json(f.value));
                        match values.iter_mut().find(|m| m.value == v) {
                            Some(m) => sources.push(m.sources, f.source)?,
                            None => values.push(Vals { value: v, sources: sources.one(f.source)? }),
                        }
                    }
                    values.sort_by_key(|m| {
                        m.value != json!(crate::record::number::to_json(head.value))
                    });
                    let note = if all_near {
                        "approximate agreement: the values differ by at most 10 %; headline is \
                         the exact value"
                    } else {
                        "documents give different values; headline is the first exact value"
                    };
                    conflicts.push(ConflictVals {
                        field: format!("figures.{kind}"),
                        values,
                        note: note.into(),
                    });
                }
            }
            // The compared values' sources, then every other value, once, with its sources
            // (and the first document giving it).
            let mut merged: Vec<(FigureVals, u32)> = Vec::new();
            for block in self.seen.blocks(list) {
                for f in block?.iter() {
                    if let Some(head_list) = head_sources
                        && compared(f)
                    {
                        sources.push(head_list, f.source)?;
                        continue;
                    }
                    match merged.iter_mut().find(|(m, _)| m.value == f.value) {
                        Some((m, first_doc)) => {
                            sources.push(m.sources, f.source)?;
                            if *first_doc != f.doc {
                                m.agreement = "agree";
                            }
                        }
                        None => merged.push((
                            FigureVals {
                                kind: kind.to_owned(),
                                value: f.value,
                                approx: f.approx,
                                scope: scope(f),
                                agreement: "single",
                                sources: sources.one(f.source)?,
                            },
                            f.doc,
                        )),
                    }
                }
            }
            out.extend(merged.into_iter().map(|(m, _)| m));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Figure, Format, Merged, Quartier, QuartierStatus, Source, Sourced};

    fn ev(at: usize, text: &str, rule: &str) -> Evidence {
        Evidence { span: [at, at + text.len()], text: text.into(), rule: rule.into() }
    }

    fn figure(kind: &str, value: f64, approx: bool, at: usize) -> Figure {
        Figure {
            value,
            approx,
            kind: kind.into(),
            unit: None,
            scope: None,
            year: None,
            text: value.to_string(),
            evidence: ev(at, "n", "figures.test"),
        }
    }

    fn quartier(name: &str, status: QuartierStatus, at: usize) -> Quartier {
        Quartier {
            name: name.into(),
            communes: vec![CommuneRef { name: "Anzin".into(), insee: Some("59014".into()) }],
            status,
            list: None,
            qpv_code: None,
            qpv_link: None,
            evidence: ev(at, name, "quartiers.test"),
        }
    }

    fn contract(
        signed: (&str, &str, &str),
        figures: Vec<Figure>,
        quartiers: Vec<Quartier>,
    ) -> Contract {
        Contract {
            territory: "Valenciennes Métropole".into(),
            territory_kind: Some("CA".into()),
            territory_code: Some("245901160".into()),
            signed_on: Some(Sourced {
                value: signed.0.into(),
                evidence: vec![ev(40, signed.1, signed.2)],
            }),
            period: None,
            signatories: vec![],
            organizations: vec![],
            quartiers,
            figures,
            evidence: vec![ev(0, "Valenciennes Métropole", "territories.contract_territory")],
        }
    }

    fn record(id: &str, contracts: Vec<Contract>) -> DocumentRecord {
        let source = Source {
            path: id.into(),
            sha256: String::new(),
            bytes: 0,
            format: Format::Text,
            encoding: None,
        };
        DocumentRecord { contracts, ..DocumentRecord::empty(id, source) }
    }

    fn two_documents() -> Vec<DocumentRecord> {
        let press = record(
            "000_press",
            vec![contract(
                ("2015-06-22", "ce lundi 22 juin", "dates.weekday_day_month"),
                vec![
                    figure("population_qpv", 36000.0, false, 100),
                    figure("qpv_count", 14.0, false, 120),
                ],
                vec![quartier("Verrerie – Square République", QuartierStatus::Prioritaire, 200)],
            )],
        );
        let sheet = record(
            "001_sheet",
            vec![contract(
                ("2015-06-30", "Date de signature : 30 juin 2015", "dates.signature_field"),
                vec![
                    figure("population_qpv", 35260.0, false, 300),
                    figure("qpv_count", 15.0, false, 320),
                ],
                vec![quartier("Verrerie - Square Republique", QuartierStatus::Veille, 400)],
            )],
        );
        vec![sheet, press]
    }

    #[test]
    fn two_documents_on_one_contract_merge_with_their_conflicts() {
        let merged = contracts(&two_documents());
        assert_eq!(merged.len(), 1);
        let c = &merged[0];
        assert_eq!(c.key, "siren:245901160/2015-2020");
        assert_eq!(c.documents, ["000_press", "001_sheet"]);
        let signed = c.signed_on.as_ref().unwrap();
        assert_eq!(signed.value, "2015-06-30", "the explicit field wins");
        let conflict = c.conflicts.iter().find(|k| k.field == "signed_on").expect("date conflict");
        assert_eq!(conflict.values.len(), 2);
        assert_eq!(conflict.values[0].value, "2015-06-30");
        assert_eq!(conflict.values[1].value, "2015-06-22");
        assert_eq!(conflict.values[1].sources[0].doc, "000_press");

        let pop = c.figures.iter().find(|f| f.kind == "population_qpv").unwrap();
        assert_eq!(pop.agreement, "approximate");
        assert_eq!(pop.sources.len(), 2);
        let qpv = c.figures.iter().find(|f| f.kind == "qpv_count").unwrap();
        assert_eq!(qpv.agreement, "conflict");
        assert!(c.conflicts.iter().any(|k| k.field == "figures.qpv_count" && k.values.len() == 2));

        assert_eq!(c.quartiers.len(), 1, "the two spellings are one quartier");
        assert_eq!(c.quartiers[0].names.len(), 2);
        assert!(c.conflicts.iter().any(|k| k.field.ends_with(".status")));
    }

    #[test]
    fn one_name_in_two_communes_is_two_quartiers_and_one_document_does_not_disagree_with_itself() {
        let in_commune = |name: &str, commune: &str, status, at| {
            let mut q = quartier(name, status, at);
            q.communes = vec![CommuneRef { name: commune.into(), insee: None }];
            q
        };
        let signed = ("2015-06-22", "22 juin", "dates.test");
        let a = record(
            "a",
            vec![contract(
                signed,
                vec![],
                vec![
                    in_commune(
                        "Centre-ville",
                        "Condé-sur-l'Escaut",
                        QuartierStatus::Prioritaire,
                        10,
                    ),
                    in_commune("Centre-ville", "Condé-sur-l'Escaut", QuartierStatus::Autre, 90),
                ],
            )],
        );
        let b = record(
            "b",
            vec![contract(
                signed,
                vec![],
                vec![in_commune("Centre-ville", "Denain", QuartierStatus::Veille, 10)],
            )],
        );
        let merged = contracts(&[a, b]);
        let c = &merged[0];
        assert_eq!(c.quartiers.len(), 2, "{:?}", c.quartiers);
        assert!(!c.conflicts.iter().any(|k| k.field.ends_with(".status")), "{:?}", c.conflicts);
    }

    #[test]
    fn the_output_does_not_depend_on_input_order() {
        let a = contracts(&two_documents());
        let mut reversed = two_documents();
        reversed.reverse();
        let b = contracts(&reversed);
        assert_eq!(serde_json::to_string(&a).unwrap(), serde_json::to_string(&b).unwrap());
    }

    #[test]
    fn a_spilled_collection_merges_like_one_in_memory_and_removes_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spill");
        let mut docs = two_documents();
        docs.sort_by(|a, b| a.id.cmp(&b.id));
        let mut spilled = Collector::spilled(&path).unwrap();
        for d in &docs {
            spilled.push(&d.id, &d.contracts).unwrap();
        }
        let mut out = Vec::new();
        let n = spilled
            .finish(|c| {
                out.push(c.record());
                Ok(())
            })
            .unwrap();
        assert_eq!(n, out.len());
        assert_eq!(
            serde_json::to_string(&out).unwrap(),
            serde_json::to_string(&contracts(&docs)).unwrap()
        );
        assert!(!path.exists(), "the spill file is removed");
    }

    #[test]
    fn a_contract_of_many_copies_spooled_to_disk_merges_like_one_in_memory() {
        // Enough copies that every list of sources writes blocks to the spool file.
        let mut docs = Vec::new();
        for round in 0..700 {
            for mut d in three_disagreeing_documents() {
                d.id = format!("{round:04}/{}", d.id);
                docs.push(d);
            }
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spill");
        let mut spilled = Collector::spilled(&path).unwrap();
        for d in &docs {
            spilled.push(&d.id, &d.contracts).unwrap();
        }
        let mut lines = Vec::new();
        spilled
            .finish(|c| {
                lines.push(serde_json::to_string(c)?);
                Ok(())
            })
            .unwrap();
        let in_memory: Vec<String> =
            contracts(&docs).iter().map(|c| serde_json::to_string(c).unwrap()).collect();
        assert_eq!(lines, in_memory);
        assert!(lines[0].len() > 1_000_000, "{}", lines[0].len());
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().flatten().collect();
        assert!(left.is_empty(), "the spill files are removed: {left:?}");
    }

    #[test]
    fn two_generations_of_one_territory_stay_two_contracts() {
        let old = record(
            "a",
            vec![contract(("2015-05", "en mai dernier", "dates.relative"), vec![], vec![])],
        );
        let new = record(
            "b",
            vec![contract(("2024-07-11", "le jeudi 11 juillet", "dates.x"), vec![], vec![])],
        );
        let merged = contracts(&[old, new]);
        assert_eq!(merged.len(), 2);
        assert!(merged.iter().all(|c| c.conflicts.is_empty()));
    }

    #[test]
    fn agreeing_month_and_day_are_no_conflict() {
        let a = record(
            "a",
            vec![contract(
                ("2015-07", "signé en juillet 2015", "dates.month_year"),
                vec![],
                vec![],
            )],
        );
        let b = record(
            "b",
            vec![contract(("2015-07-06", "le 6 juillet 2015", "dates.day"), vec![], vec![])],
        );
        let merged = contracts(&[a, b]);
        assert_eq!(merged[0].signed_on.as_ref().unwrap().value, "2015-07-06");
        assert_eq!(merged[0].signed_on.as_ref().unwrap().sources.len(), 2);
        assert!(merged[0].conflicts.is_empty());
    }

    /// Three documents on one contract (own words) that disagree on the signature date, the
    /// period, a figure and a quartier's status and code.
    fn three_disagreeing_documents() -> Vec<DocumentRecord> {
        let copy = |signed, period: [i32; 2], figures, quartiers| {
            let mut c = contract(signed, figures, quartiers);
            c.period = Some(Sourced { value: period, evidence: vec![ev(60, "2015-2020", "p")] });
            c
        };
        let coded = |name: &str, status, code: &str, at| {
            let mut q = quartier(name, status, at);
            q.qpv_code = Some(code.into());
            q
        };
        let mut france = figure("population", 66_000_000.0, false, 140);
        france.scope = Some("France".into());
        let mut rounded = figure("population_qpv", 36000.0, true, 100);
        rounded.text = "environ 36 000".into();
        vec![
            record(
                "a_note",
                vec![copy(
                    ("2015-07", "signé en juillet", "dates.month_year"),
                    [2015, 2020],
                    vec![figure("population_qpv", 36000.0, false, 100), france],
                    vec![coded("Les Tilleuls", QuartierStatus::Prioritaire, "QP059001", 200)],
                )],
            ),
            record(
                "b_sheet",
                vec![copy(
                    ("2015-06-30", "Date de signature : 30 juin 2015", "dates.signature_field"),
                    [2015, 2020],
                    vec![figure("population_qpv", 35260.0, false, 300)],
                    vec![coded("les tilleuls", QuartierStatus::Veille, "QP059002", 400)],
                )],
            ),
            record(
                "c_article",
                vec![copy(
                    ("2015-07-06", "le lundi 6 juillet", "dates.weekday_day_month"),
                    [2014, 2020],
                    vec![rounded],
                    vec![],
                )],
            ),
        ]
    }

    #[test]
    fn copies_fed_one_at_a_time_give_the_all_at_once_record() {
        let docs = three_disagreeing_documents();
        let mut group = Group::new("siren:245901160/2015-2020".into());
        for d in &docs {
            group.add(&d.id, &d.contracts[0]).unwrap();
        }
        let merged = group.finish().unwrap();
        let line = serde_json::to_string(&merged).unwrap();
        assert_eq!(line, serde_json::to_string(&contracts(&docs)[0]).unwrap());
        let c = merged.record();
        assert_eq!(serde_json::to_string(&c).unwrap(), line, "the record writes the same line");
        // The values the merge gave when it held every copy at once (main 7838143).
        assert_eq!(c.documents, ["a_note", "b_sheet", "c_article"]);
        assert_eq!(c.territory_names.len(), 1);
        assert_eq!(c.territory_names[0].sources.len(), 3);
        let signed = c.signed_on.as_ref().unwrap();
        assert_eq!(signed.value, "2015-06-30", "the explicit field wins over earlier documents");
        assert_eq!(signed.sources[0].doc, "b_sheet");
        let period = c.period.as_ref().unwrap();
        assert_eq!(period.value, [2015, 2020]);
        assert_eq!(period.sources.len(), 2);
        let fields: Vec<&str> = c.conflicts.iter().map(|k| k.field.as_str()).collect();
        assert_eq!(
            fields,
            ["signed_on", "period", "quartiers[Les Tilleuls].status", "figures.population_qpv"]
        );
        let dates: Vec<&serde_json::Value> =
            c.conflicts[0].values.iter().map(|v| &v.value).collect();
        assert_eq!(dates, [&json!("2015-06-30"), &json!("2015-07"), &json!("2015-07-06")]);
        assert_eq!(c.conflicts[1].values[1].value, json!([2014, 2020]));
        assert_eq!(c.quartiers.len(), 1);
        assert_eq!(c.quartiers[0].names, ["Les Tilleuls", "les tilleuls"]);
        assert_eq!(c.quartiers[0].status, QuartierStatus::Prioritaire);
        assert_eq!(c.quartiers[0].qpv_code, None, "two codes disagree");
        let statuses = &c.conflicts[2].values;
        assert_eq!(
            (statuses[0].value.clone(), statuses[1].value.clone()),
            (json!("prioritaire"), json!("veille"))
        );
        let kinds: Vec<(&str, f64, &str, usize)> = c
            .figures
            .iter()
            .map(|f| (f.kind.as_str(), f.value, f.agreement.as_str(), f.sources.len()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("population", 66_000_000.0, "single", 1),
                ("population_qpv", 36000.0, "approximate", 3)
            ]
        );
        let values = &c.conflicts[3].values;
        assert_eq!(values[0].value, json!(36000));
        let docs_of = |m: &Merged<serde_json::Value>| {
            m.sources.iter().map(|s| s.doc.clone()).collect::<Vec<_>>()
        };
        assert_eq!(docs_of(&values[0]), ["a_note", "c_article"]);
        assert_eq!(docs_of(&values[1]), ["b_sheet"]);
    }

    #[test]
    fn sources_are_kept_compact_and_written_in_full() {
        assert_eq!(std::mem::size_of::<Src>(), 24);
        let docs = three_disagreeing_documents();
        let mut group = Group::new("siren:245901160/2015-2020".into());
        for d in &docs {
            group.add(&d.id, &d.contracts[0]).unwrap();
        }
        let merged = group.finish().unwrap();
        assert_eq!(merged.tables.documents, ["a_note", "b_sheet", "c_article"]);
        let rules: Vec<&str> = merged.tables.rules.list.iter().map(|r| &**r).collect();
        assert_eq!(
            rules,
            [
                "territories.contract_territory",
                "dates.month_year",
                "p",
                "quartiers.test",
                "figures.test",
                "dates.signature_field",
                "dates.weekday_day_month"
            ]
        );
        let line = serde_json::to_string(&merged).unwrap();
        let period = r#""period":{"value":[2015,2020],"sources":[{"doc":"a_note","span":[60,69],"rule":"p"},{"doc":"b_sheet","span":[60,69],"rule":"p"}]}"#;
        assert!(line.contains(period), "{line}");
        let names = r#""territory_names":[{"value":"Valenciennes Métropole","sources":[{"doc":"a_note","span":[0,23],"rule":"territories.contract_territory"},"#;
        assert!(line.contains(names), "{line}");
    }

    #[test]
    fn a_name_keyed_copy_joins_the_coded_group_of_its_name_in_document_order() {
        let mut docs = three_disagreeing_documents();
        let unlinked = &mut docs[1].contracts[0];
        unlinked.territory_code = None;
        let merged = contracts(&docs);
        assert_eq!(merged.len(), 1, "{:?}", merged.iter().map(|c| &c.key).collect::<Vec<_>>());
        assert_eq!(merged[0].documents, ["a_note", "b_sheet", "c_article"]);
        assert_eq!(merged[0].signed_on.as_ref().unwrap().value, "2015-06-30");
    }
}
