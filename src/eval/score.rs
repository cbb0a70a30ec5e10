//! Matching records to gold and counting true positives, false positives and false negatives.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::gold::{Gold, GoldContract};
pub use crate::names::fold;
use crate::record::{Contract, DocumentRecord};

/// The fields scored, in table order.
pub const FIELDS: &[&str] = &[
    "published",
    "contracts",
    "signed_on",
    "period",
    "signatories",
    "organizations",
    "quartiers",
    "quartier_communes",
    "figures",
];

/// True positives, false positives, false negatives of one field.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub tp: usize,
    pub fp: usize,
    #[serde(rename = "fn")]
    pub fn_: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            if self.tp + self.fp + self.fn_ == 0 { 1.0 } else { 0.0 }
        } else {
            2.0 * p * r / (p + r)
        }
    }
    fn add(&mut self, o: Counts) {
        self.tp += o.tp;
        self.fp += o.fp;
        self.fn_ += o.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

/// One miss: a gold value not found (`missing`) or a predicted value not in gold (`extra`).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Detail {
    pub doc: String,
    pub field: String,
    pub kind: &'static str,
    pub value: String,
}

/// The result of an evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    pub documents: usize,
    /// Gold documents with no record.
    pub missing_records: Vec<String>,
    pub fields: BTreeMap<String, Counts>,
    pub overall: Counts,
    pub details: Vec<Detail>,
}

impl Report {
    /// The counts of a field (zero when absent).
    pub fn field(&self, name: &str) -> Counts {
        self.fields.get(name).copied().unwrap_or_default()
    }

    /// A plain-text table, one row a field, then `overall`.
    pub fn table(&self) -> String {
        let mut s = format!(
            "{:<18} {:>5} {:>5} {:>5} {:>7} {:>7} {:>7}\n",
            "field", "tp", "fp", "fn", "P", "R", "F1"
        );
        let row = |name: &str, c: Counts| {
            format!(
                "{:<18} {:>5} {:>5} {:>5} {:>7.3} {:>7.3} {:>7.3}\n",
                name,
                c.tp,
                c.fp,
                c.fn_,
                c.precision(),
                c.recall(),
                c.f1()
            )
        };
        for f in FIELDS {
            s += &row(f, self.field(f));
        }
        s += &row("overall", self.overall);
        s
    }
}

#[derive(Default)]
struct Acc {
    fields: BTreeMap<String, Counts>,
    details: Vec<Detail>,
}

impl Acc {
    fn sets(&mut self, doc: &str, field: &str, gold: BTreeSet<String>, pred: BTreeSet<String>) {
        let c = self.fields.entry(field.to_owned()).or_default();
        for g in &gold {
            if pred.contains(g) {
                c.tp += 1;
            } else {
                c.fn_ += 1;
                self.details.push(Detail {
                    doc: doc.into(),
                    field: field.into(),
                    kind: "missing",
                    value: g.clone(),
                });
            }
        }
        for p in pred.difference(&gold) {
            c.fp += 1;
            self.details.push(Detail {
                doc: doc.into(),
                field: field.into(),
                kind: "extra",
                value: p.clone(),
            });
        }
    }

    fn single(&mut self, doc: &str, field: &str, gold: Option<String>, pred: Option<String>) {
        self.sets(doc, field, gold.into_iter().collect(), pred.into_iter().collect());
    }
}

/// Scores `records` against `gold`. Records without gold are ignored; gold without a record
/// counts every gold fact as missed.
pub fn evaluate(gold: &[Gold], records: &[DocumentRecord]) -> Report {
    let by_id: BTreeMap<&str, &DocumentRecord> =
        records.iter().map(|r| (r.id.as_str(), r)).collect();
    let mut acc = Acc::default();
    let mut report = Report::default();
    for g in gold {
        let rec = by_id.get(g.id.as_str()).copied();
        if rec.is_none() {
            report.missing_records.push(g.id.clone());
        }
        report.documents += 1;
        score_document(&mut acc, g, rec);
    }
    for f in FIELDS {
        acc.fields.entry((*f).to_owned()).or_default();
    }
    for c in acc.fields.values() {
        report.overall.add(*c);
    }
    acc.details.sort();
    report.fields = acc.fields;
    report.details = acc.details;
    report
}

fn score_document(acc: &mut Acc, g: &Gold, rec: Option<&DocumentRecord>) {
    let doc = g.id.as_str();
    acc.single(
        doc,
        "published",
        g.published.clone(),
        rec.and_then(|r| r.published.as_ref()).map(|p| p.date.clone()),
    );
    let figures = |it: &mut dyn Iterator<Item = (f64, &str)>| -> BTreeSet<String> {
        it.map(|(v, k)| format!("{} {k}", fmt_num(v))).collect()
    };
    let gold_figs = figures(&mut g.figures.iter().map(|f| (f.value, f.kind.as_str())));
    let pred_figs =
        figures(&mut rec.into_iter().flat_map(|r| &r.figures).map(|f| (f.value, f.kind.as_str())));
    acc.sets(doc, "figures", gold_figs, pred_figs);

    let preds: Vec<&Contract> = rec.map(|r| r.contracts.iter().collect()).unwrap_or_default();
    let pairs = match_contracts(&g.contracts, &preds);
    let mut used = vec![false; preds.len()];
    for (gi, gc) in g.contracts.iter().enumerate() {
        let pc = pairs.iter().find(|(a, _)| *a == gi).map(|(_, b)| {
            used[*b] = true;
            preds[*b]
        });
        score_contract(acc, doc, Some(gc), pc);
    }
    for (i, pc) in preds.iter().enumerate() {
        if !used[i] {
            score_contract(acc, doc, None, Some(pc));
        }
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 { format!("{}", v as i64) } else { format!("{v}") }
}

/// Pairs gold and predicted contracts by territory: equal folded names first, then one name's
/// words contained in the other's.
fn match_contracts(gold: &[GoldContract], preds: &[&Contract]) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    let mut g_used = vec![false; gold.len()];
    let mut p_used = vec![false; preds.len()];
    let words = |s: &str| fold(s).split(' ').map(str::to_owned).collect::<BTreeSet<_>>();
    for pass in 0..2 {
        for (gi, gc) in gold.iter().enumerate() {
            if g_used[gi] {
                continue;
            }
            for (pi, pc) in preds.iter().enumerate() {
                if p_used[pi] {
                    continue;
                }
                let ok = if pass == 0 {
                    fold(&gc.territory) == fold(&pc.territory)
                } else {
                    let (a, b) = (words(&gc.territory), words(&pc.territory));
                    a.is_subset(&b) || b.is_subset(&a)
                };
                if ok {
                    pairs.push((gi, pi));
                    g_used[gi] = true;
                    p_used[pi] = true;
                    break;
                }
            }
        }
    }
    pairs
}

fn score_contract(acc: &mut Acc, doc: &str, g: Option<&GoldContract>, p: Option<&Contract>) {
    let label = g
        .map(|g| g.territory.clone())
        .or_else(|| p.map(|p| p.territory.clone()))
        .unwrap_or_default();
    acc.single(doc, "contracts", g.map(|g| fold(&g.territory)), p.map(|p| fold(&p.territory)));
    let tag = |v: String| format!("{label}: {v}");
    acc.single(
        doc,
        "signed_on",
        g.and_then(|g| g.signed_on.clone()).map(tag),
        p.and_then(|p| p.signed_on.as_ref()).map(|s| tag(s.value.clone())),
    );
    acc.single(
        doc,
        "period",
        g.and_then(|g| g.period).map(|[a, b]| tag(format!("{a}-{b}"))),
        p.and_then(|p| p.period.as_ref()).map(|s| tag(format!("{}-{}", s.value[0], s.value[1]))),
    );
    let set = |it: Vec<String>| it.into_iter().map(|s| tag(fold(&s))).collect::<BTreeSet<_>>();
    acc.sets(
        doc,
        "signatories",
        set(g.map(|g| g.signatories.iter().map(|s| s.name.clone()).collect()).unwrap_or_default()),
        set(p.map(|p| p.signatories.iter().map(|s| s.name.clone()).collect()).unwrap_or_default()),
    );
    acc.sets(
        doc,
        "organizations",
        set(g.map(|g| g.organizations.clone()).unwrap_or_default()),
        set(p
            .map(|p| p.organizations.iter().map(|o| o.name.clone()).collect())
            .unwrap_or_default()),
    );
    acc.sets(
        doc,
        "quartiers",
        set(g.map(|g| g.quartiers.iter().map(|q| q.name.clone()).collect()).unwrap_or_default()),
        set(p.map(|p| p.quartiers.iter().map(|q| q.name.clone()).collect()).unwrap_or_default()),
    );
    let pairs = |it: Vec<(String, String)>| {
        it.into_iter()
            .map(|(q, c)| tag(format!("{} @ {}", fold(&q), fold(&c))))
            .collect::<BTreeSet<_>>()
    };
    acc.sets(
        doc,
        "quartier_communes",
        pairs(
            g.map(|g| {
                g.quartiers
                    .iter()
                    .flat_map(|q| q.communes.iter().map(|c| (q.name.clone(), c.clone())))
                    .collect()
            })
            .unwrap_or_default(),
        ),
        pairs(
            p.map(|p| {
                p.quartiers
                    .iter()
                    .flat_map(|q| q.communes.iter().map(|c| (q.name.clone(), c.name.clone())))
                    .collect()
            })
            .unwrap_or_default(),
        ),
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_give_f1() {
        let c = Counts { tp: 8, fp: 2, fn_: 2 };
        assert!((c.f1() - 0.8).abs() < 1e-9);
        assert_eq!(Counts::default().f1(), 1.0);
        assert_eq!(Counts { tp: 0, fp: 1, fn_: 0 }.f1(), 0.0);
    }
}
