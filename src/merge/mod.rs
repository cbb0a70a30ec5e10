//! The merger: reconciles the rules' candidates into the document record's facts and contracts.
//!
//! First version: the publication date is the earliest `publication` date mention; each
//! territory a rule marked as carrying a contract becomes a contract with the document's
//! signature date, period, signatories, signing organisations, quartiers and figures.

pub mod across;
pub mod precedence;

use crate::record::{
    Contract, DateRole, Involvement, OrgInvolvement, Precision, Published, Sourced,
};
use crate::rules::{Candidates, Doc};

/// The merger's output for one document.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub published: Option<Published>,
    pub contracts: Vec<Contract>,
    pub conflicts: Vec<crate::record::Conflict>,
    pub warnings: Vec<crate::record::Warning>,
}

/// Reconciles one document's candidates.
pub fn document(_doc: &Doc, c: &Candidates) -> Merged {
    let mut merged = Merged::default();
    let mut pubs: Vec<_> = c.dates.iter().filter(|d| d.role == DateRole::Publication).collect();
    pubs.sort_by_key(|d| d.evidence.span[0]);
    merged.published = pubs.first().map(|d| Published {
        date: d.value.clone(),
        precision: d.precision,
        place: None,
        evidence: d.evidence.clone(),
    });
    let signed = c
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Signature && d.precision != Precision::Year)
        .min_by_key(|d| d.evidence.span[0]);
    let period = c
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Period && d.end.is_some())
        .min_by_key(|d| d.evidence.span[0]);
    for t in c.territories.iter().filter(|t| t.carries_contract) {
        if merged.contracts.iter().any(|k: &Contract| k.territory == t.name) {
            continue;
        }
        merged.contracts.push(Contract {
            territory: t.name.clone(),
            territory_kind: Some(t.kind.clone()),
            territory_code: t.code.clone(),
            signed_on: signed
                .map(|d| Sourced { value: d.value.clone(), evidence: vec![d.evidence.clone()] }),
            period: period.and_then(|d| {
                let a = d.value.get(..4)?.parse().ok()?;
                let b = d.end.as_ref()?.get(..4)?.parse().ok()?;
                Some(Sourced { value: [a, b], evidence: vec![d.evidence.clone()] })
            }),
            signatories: c
                .people
                .iter()
                .filter(|p| matches!(p.involvement, Involvement::Signatory | Involvement::Present))
                .cloned()
                .collect(),
            organizations: c
                .organizations
                .iter()
                .filter(|o| o.involvement == OrgInvolvement::Signatory)
                .cloned()
                .collect(),
            quartiers: c.quartiers.clone(),
            figures: c.figures.clone(),
            evidence: vec![t.evidence.clone()],
        });
    }
    merged
}
