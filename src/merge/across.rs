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

use std::collections::{BTreeMap, BTreeSet};
use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use serde_json::json;

use super::precedence::{dates_agree, figures_near, signature_key};
use crate::names::fold;
use crate::record::{
    CommuneRef, Contract, ContractConflict, ContractRecord, DocumentRecord, Evidence, Figure,
    Merged, MergedFigure, MergedQuartier, SourceRef,
};

fn source(doc: &str, ev: &Evidence) -> SourceRef {
    SourceRef { doc: doc.to_owned(), span: ev.span, rule: ev.rule.clone() }
}

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
            out.push(c);
            Ok(())
        })
        .expect("memory store cannot fail");
    out
}

/// The contracts of a batch's documents, collected as the documents come (in id order) and
/// merged at the end. [`Collector::spilled`] writes each document's contracts to a temporary
/// file and keeps only a short entry per contract (its key, folded territory name and document
/// id), so memory does not hold the batch's contracts; [`Collector::finish`] then reads each
/// group back, merges it and hands the records over one at a time.
pub struct Collector {
    store: Store,
    entries: Vec<Entry>,
}

/// What [`Collector`] keeps of each contract.
struct Entry {
    key: String,
    folded_name: String,
    doc: Box<str>,
    /// Where the contract is: an index into the memory store, or a byte offset in the file.
    at: u64,
}

enum Store {
    /// Each contract is taken out when its group is merged.
    Memory(Vec<Option<Contract>>),
    File {
        path: PathBuf,
        writer: Option<BufWriter<File>>,
        written: u64,
    },
}

impl Collector {
    /// A collector holding the contracts in memory.
    pub fn in_memory() -> Collector {
        Collector { store: Store::Memory(Vec::new()), entries: Vec::new() }
    }

    /// A collector spilling the contracts to the file `path` (created now, removed when the
    /// collector is dropped).
    pub fn spilled(path: &Path) -> std::io::Result<Collector> {
        let writer = BufWriter::new(File::create(path)?);
        crate::write::register_temporary(path);
        let store = Store::File { path: path.to_owned(), writer: Some(writer), written: 0 };
        Ok(Collector { store, entries: Vec::new() })
    }

    /// Adds the contracts of document `doc`; documents come in id order.
    pub fn push(&mut self, doc: &str, contracts: &[Contract]) -> std::io::Result<()> {
        debug_assert!(self.entries.last().is_none_or(|e| &*e.doc <= doc), "documents in id order");
        for c in contracts {
            let at = match &mut self.store {
                Store::Memory(list) => {
                    list.push(Some(c.clone()));
                    list.len() as u64 - 1
                }
                Store::File { writer, written, .. } => {
                    let w = writer.as_mut().ok_or_else(|| std::io::Error::other("finished"))?;
                    let line = serde_json::to_vec(c)?;
                    w.write_all(&line)?;
                    w.write_all(b"\n")?;
                    let at = *written;
                    *written += line.len() as u64 + 1;
                    at
                }
            };
            self.entries.push(Entry {
                key: key(c),
                folded_name: fold(&c.territory),
                doc: doc.into(),
                at,
            });
        }
        Ok(())
    }

    /// Merges the collected contracts and hands each contract record to `emit`, sorted by key.
    /// Returns how many there were.
    pub fn finish(
        mut self,
        mut emit: impl FnMut(ContractRecord) -> std::io::Result<()>,
    ) -> std::io::Result<usize> {
        let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
        for (i, e) in self.entries.iter().enumerate() {
            groups.entry(e.key.clone()).or_default().push(i);
        }
        join_name_keys(&mut groups, &self.entries);
        let mut reader = match &mut self.store {
            Store::File { path, writer, .. } => {
                if let Some(w) = writer.take() {
                    w.into_inner().map_err(|e| e.into_error())?;
                }
                Some(BufReader::new(File::open(&*path)?))
            }
            Store::Memory(_) => None,
        };
        let count = groups.len();
        for (k, members) in groups {
            let loaded: Vec<(&str, Contract)> = members
                .iter()
                .map(|&i| {
                    let e = &self.entries[i];
                    let c = match (&mut self.store, reader.as_mut()) {
                        (Store::Memory(list), _) => list[e.at as usize]
                            .take()
                            .ok_or_else(|| std::io::Error::other("a contract in two groups"))?,
                        (Store::File { .. }, Some(r)) => read_line_at(r, e.at)?,
                        (Store::File { .. }, None) => unreachable!("the file store has a reader"),
                    };
                    Ok((&*e.doc, c))
                })
                .collect::<std::io::Result<_>>()?;
            let refs: Vec<(&str, &Contract)> = loaded.iter().map(|(d, c)| (*d, c)).collect();
            emit(merge_group(k, &refs))?;
        }
        Ok(count)
    }
}

impl Drop for Collector {
    fn drop(&mut self) {
        if let Store::File { path, writer, .. } = &mut self.store {
            *writer = None;
            let _ = std::fs::remove_file(&*path);
            crate::write::unregister_temporary(path);
        }
    }
}

/// The contract serialised on the line starting at byte `at`.
fn read_line_at(r: &mut BufReader<File>, at: u64) -> std::io::Result<Contract> {
    r.seek(SeekFrom::Start(at))?;
    let mut line = String::new();
    r.read_line(&mut line)?;
    Ok(serde_json::from_str(&line)?)
}

/// A contract keyed by name joins a code-keyed group of the same generation whose territory
/// has the same folded name (one document named the territory in a form the gazetteer did not
/// link).
fn join_name_keys(groups: &mut BTreeMap<String, Vec<usize>>, entries: &[Entry]) {
    let name_keys: Vec<String> =
        groups.keys().filter(|k| k.starts_with("name:")).cloned().collect();
    for nk in name_keys {
        let Some((name, generation)) = nk.trim_start_matches("name:").rsplit_once('/') else {
            continue;
        };
        let target = groups
            .iter()
            .find(|(k, members)| {
                !k.starts_with("name:")
                    && k.ends_with(&format!("/{generation}"))
                    && members.iter().any(|&i| entries[i].folded_name == name)
            })
            .map(|(k, _)| k.clone());
        if let Some(t) = target
            && let Some(moved) = groups.remove(&nk)
            && let Some(dest) = groups.get_mut(&t)
        {
            dest.extend(moved);
            dest.sort_by(|&a, &b| entries[a].doc.cmp(&entries[b].doc));
        }
    }
}

/// Adds `(value, source)` to a list of merged values keyed by `fold`.
fn add_named(list: &mut Vec<Merged<String>>, value: &str, src: SourceRef) {
    let key = fold(value);
    match list.iter_mut().find(|m| fold(&m.value) == key) {
        Some(m) => {
            if !m.sources.contains(&src) {
                m.sources.push(src);
            }
        }
        None => list.push(Merged { value: value.to_owned(), sources: vec![src] }),
    }
}

fn merge_group(key: String, members: &[(&str, &Contract)]) -> ContractRecord {
    let first = members[0].1;
    let mut documents: Vec<String> = members.iter().map(|(d, _)| (*d).to_owned()).collect();
    documents.dedup();
    let mut names = Vec::new();
    let mut signatories = Vec::new();
    let mut organizations = Vec::new();
    for (doc, c) in members {
        for ev in &c.evidence {
            add_named(&mut names, &c.territory, source(doc, ev));
        }
        if c.evidence.is_empty() {
            add_named(
                &mut names,
                &c.territory,
                SourceRef { doc: (*doc).into(), span: [0, 0], rule: String::new() },
            );
        }
        for p in &c.signatories {
            add_named(&mut signatories, &p.name, source(doc, &p.evidence));
        }
        for o in &c.organizations {
            add_named(&mut organizations, &o.name, source(doc, &o.evidence));
        }
    }
    let mut conflicts = Vec::new();
    let signed_on = merge_signed_on(members, &mut conflicts);
    let period = merge_period(members, &mut conflicts);
    let quartiers = merge_quartiers(members, &mut conflicts);
    let figures = merge_figures(members, &mut conflicts);
    ContractRecord {
        key,
        territory: first.territory.clone(),
        territory_names: names,
        territory_kind: members.iter().find_map(|(_, c)| c.territory_kind.clone()),
        territory_code: members.iter().find_map(|(_, c)| c.territory_code.clone()),
        generation: generation(first),
        documents,
        signed_on,
        period,
        signatories,
        organizations,
        quartiers,
        figures,
        conflicts,
    }
}

fn merge_signed_on(
    members: &[(&str, &Contract)],
    conflicts: &mut Vec<ContractConflict>,
) -> Option<Merged<String>> {
    // One candidate per document: its headline signature date and the evidence behind it.
    let cands: Vec<(&str, &str, &Evidence)> = members
        .iter()
        .filter_map(|(doc, c)| {
            let s = c.signed_on.as_ref()?;
            Some((*doc, s.value.as_str(), s.evidence.first()?))
        })
        .collect();
    let best = cands.iter().min_by_key(|(doc, v, ev)| (signature_key(v, ev), *doc))?;
    let mut values: Vec<Merged<String>> = Vec::new();
    for (doc, v, ev) in &cands {
        let src = source(doc, ev);
        // Values that agree with the headline (equal, or a month the day refines) merge into it.
        let slot = if dates_agree(v, best.1) { best.1 } else { v };
        match values.iter_mut().find(|m| m.value == slot) {
            Some(m) => m.sources.push(src),
            None => values.push(Merged { value: slot.to_owned(), sources: vec![src] }),
        }
    }
    values.sort_by_key(|m| m.value != best.1);
    if values.len() > 1 {
        conflicts.push(ContractConflict {
            field: "signed_on".into(),
            values: values
                .iter()
                .map(|m| Merged { value: json!(m.value), sources: m.sources.clone() })
                .collect(),
            note: "documents give different signature dates; headline chosen by precedence: an \
                   explicit \"Date de signature\" field over a date in prose, a day over a month, \
                   then the first document"
                .into(),
        });
    }
    values.into_iter().next()
}

fn merge_period(
    members: &[(&str, &Contract)],
    conflicts: &mut Vec<ContractConflict>,
) -> Option<Merged<[i32; 2]>> {
    let mut values: Vec<Merged<[i32; 2]>> = Vec::new();
    for (doc, c) in members {
        let Some(p) = &c.period else { continue };
        let srcs: Vec<SourceRef> = p.evidence.iter().map(|e| source(doc, e)).collect();
        match values.iter_mut().find(|m| m.value == p.value) {
            Some(m) => m.sources.extend(srcs),
            None => values.push(Merged { value: p.value, sources: srcs }),
        }
    }
    if values.len() > 1 {
        conflicts.push(ContractConflict {
            field: "period".into(),
            values: values
                .iter()
                .map(|m| Merged { value: json!(m.value), sources: m.sources.clone() })
                .collect(),
            note: "documents give different periods; headline from the first document".into(),
        });
    }
    values.into_iter().next()
}

fn merge_quartiers(
    members: &[(&str, &Contract)],
    conflicts: &mut Vec<ContractConflict>,
) -> Vec<MergedQuartier> {
    let mut out: Vec<MergedQuartier> = Vec::new();
    // For each merged quartier, the status each source gave.
    let mut statuses: Vec<Vec<(crate::record::QuartierStatus, SourceRef)>> = Vec::new();
    // For each merged quartier, the QPV codes its sources give.
    let mut codes: Vec<Vec<String>> = Vec::new();
    for (doc, c) in members {
        for q in &c.quartiers {
            let src = source(doc, &q.evidence);
            let key = fold(&q.name);
            // The same name in two communes ("Centre-ville") is two quartiers.
            let same = |m: &MergedQuartier| {
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
            let idx = match out.iter().position(same) {
                Some(i) => i,
                None => {
                    out.push(MergedQuartier {
                        name: q.name.clone(),
                        names: vec![],
                        communes: vec![],
                        status: q.status,
                        qpv_code: None,
                        sources: vec![],
                    });
                    codes.push(vec![]);
                    statuses.push(vec![]);
                    out.len() - 1
                }
            };
            let m = &mut out[idx];
            if !m.names.contains(&q.name) {
                m.names.push(q.name.clone());
            }
            for commune in &q.communes {
                add_commune(&mut m.communes, commune);
            }
            m.sources.push(src.clone());
            statuses[idx].push((q.status, src));
            if let Some(code) = &q.qpv_code
                && !codes[idx].contains(code)
            {
                codes[idx].push(code.clone());
            }
        }
    }
    // One code among the sources is the quartier's; codes that disagree are none.
    for (m, c) in out.iter_mut().zip(&codes) {
        if let [one] = c.as_slice() {
            m.qpv_code = Some(one.clone());
        }
    }
    for (m, st) in out.iter().zip(&statuses) {
        let mut distinct: Vec<Merged<serde_json::Value>> = Vec::new();
        for (status, src) in st {
            let v = json!(status);
            match distinct.iter_mut().find(|d| d.value == v) {
                Some(d) => d.sources.push(src.clone()),
                None => distinct.push(Merged { value: v, sources: vec![src.clone()] }),
            }
        }
        // One document listing a quartier twice (a priority list and a renewal list) does not
        // disagree with itself.
        let docs: BTreeSet<&str> = st.iter().map(|(_, s)| s.doc.as_str()).collect();
        if distinct.len() > 1 && docs.len() > 1 {
            conflicts.push(ContractConflict {
                field: format!("quartiers[{}].status", m.name),
                values: distinct,
                note: "documents give the quartier different statuses; headline from the first \
                       document"
                    .into(),
            });
        }
    }
    out
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

/// Figures of the documents about one contract, by kind. Where several documents give a
/// territory-wide value of a kind, those values are compared: equal ones agree, near ones
/// (within [`figures_near`]) agree approximately, others conflict; the headline is the first
/// exact value. A document's territory-wide value of a kind is the largest one whose scope is
/// unstated or the contract's own: a sub-area's count ("deux quartiers hérouvillais") is a part
/// of it, and a figure about "France" or another commune is not about the contract. Every other
/// value is listed as it is, with its sources.
fn merge_figures(
    members: &[(&str, &Contract)],
    conflicts: &mut Vec<ContractConflict>,
) -> Vec<MergedFigure> {
    // kind -> document -> figures of that kind in that document.
    let mut by_kind: BTreeMap<&str, BTreeMap<&str, Vec<&Figure>>> = BTreeMap::new();
    for (doc, c) in members {
        for f in &c.figures {
            by_kind.entry(f.kind.as_str()).or_default().entry(doc).or_default().push(f);
        }
    }
    let territory: Vec<String> = members.iter().map(|(_, c)| fold(&c.territory)).collect();
    let own = |f: &Figure| {
        f.scope.as_ref().is_none_or(|s| {
            let s = fold(s);
            territory.iter().any(|t| s.contains(t.as_str()) || t.contains(s.as_str()))
        })
    };
    let mut out = Vec::new();
    for (kind, docs) in by_kind {
        let wide: Vec<(&str, &Figure)> = docs
            .iter()
            .filter_map(|(d, fs)| {
                let owned: Vec<&Figure> = fs.iter().copied().filter(|f| own(f)).collect();
                let single = owned.iter().all(|f| f.value == owned[0].value);
                let best = owned.iter().max_by(|a, b| a.value.total_cmp(&b.value));
                best.filter(|_| single || PART_WHOLE.contains(&kind)).map(|f| (*d, *f))
            })
            .collect();
        let mut rest: Vec<(&str, &Figure)> =
            docs.iter().flat_map(|(d, fs)| fs.iter().map(|f| (*d, *f))).collect();
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
            let compared =
                |d: &str, f: &Figure| wide.iter().any(|(wd, wf)| *wd == d && wf.value == f.value);
            let sources = rest
                .iter()
                .filter(|(d, f)| compared(d, f))
                .map(|(d, f)| source(d, &f.evidence))
                .collect();
            rest.retain(|(d, f)| !compared(d, f));
            out.push(MergedFigure {
                kind: kind.to_owned(),
                value: head.value,
                approx: head.approx,
                scope: head.scope.clone(),
                agreement: agreement.into(),
                sources,
            });
            if !all_equal {
                let mut values: Vec<Merged<serde_json::Value>> = Vec::new();
                for (d, f) in &wide {
                    let v = json!(crate::record::number::to_json(f.value));
                    match values.iter_mut().find(|m| m.value == v) {
                        Some(m) => m.sources.push(source(d, &f.evidence)),
                        None => {
                            values.push(Merged { value: v, sources: vec![source(d, &f.evidence)] })
                        }
                    }
                }
                values
                    .sort_by_key(|m| m.value != json!(crate::record::number::to_json(head.value)));
                let note = if all_near {
                    "approximate agreement: the values differ by at most 10 %; headline is the \
                     exact value"
                } else {
                    "documents give different values; headline is the first exact value"
                };
                conflicts.push(ContractConflict {
                    field: format!("figures.{kind}"),
                    values,
                    note: note.into(),
                });
            }
        }
        // Every other value, once, with its sources.
        let mut merged: Vec<(MergedFigure, BTreeSet<&str>)> = Vec::new();
        for (d, f) in rest {
            let src = source(d, &f.evidence);
            match merged.iter_mut().find(|(m, _)| m.value == f.value) {
                Some((m, in_docs)) => {
                    m.sources.push(src);
                    in_docs.insert(d);
                    if in_docs.len() > 1 {
                        m.agreement = "agree".into();
                    }
                }
                None => merged.push((
                    MergedFigure {
                        kind: kind.to_owned(),
                        value: f.value,
                        approx: f.approx,
                        scope: f.scope.clone(),
                        agreement: "single".into(),
                        sources: vec![src],
                    },
                    BTreeSet::from([d]),
                )),
            }
        }
        out.extend(merged.into_iter().map(|(m, _)| m));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{Figure, Format, Quartier, QuartierStatus, Source, Sourced};

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
                out.push(c);
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
}
