//! Deterministic order for every list of a record: by evidence position, then by value, so the
//! same input always gives the same bytes whatever the rules' or threads' order.

use crate::record::DocumentRecord;

/// Sorts every list of `r` by evidence start, end and rule, and removes exact duplicates.
pub fn record(r: &mut DocumentRecord) {
    r.dates.sort_by(|a, b| a.evidence.cmp(&b.evidence).then(a.value.cmp(&b.value)));
    r.dates.dedup();
    r.people.sort_by(|a, b| a.evidence.cmp(&b.evidence).then(a.name.cmp(&b.name)));
    r.people.dedup();
    r.organizations.sort_by(|a, b| a.evidence.cmp(&b.evidence).then(a.name.cmp(&b.name)));
    r.organizations.dedup();
    r.territories.sort_by(|a, b| a.evidence.cmp(&b.evidence).then(a.name.cmp(&b.name)));
    r.territories.dedup();
    r.quartiers.sort_by(|a, b| a.evidence.cmp(&b.evidence).then(a.name.cmp(&b.name)));
    r.quartiers.dedup();
    r.figures.sort_by(|a, b| {
        a.evidence.cmp(&b.evidence).then(a.kind.cmp(&b.kind)).then(a.value.total_cmp(&b.value))
    });
    r.figures.dedup();
    r.warnings.sort();
    r.warnings.dedup();
}
