//! The family's resolve step: one item per place, and a commune for a quartier named without
//! one.
//!
//! Two rules may read the same words ("le quartier « Chasse royale » (Valenciennes)" is a
//! parenthesised item and a prose mention): the list rules win over prose, and among list rules
//! the more structured one (table, then line list, then parentheses, then semicolon groups). A
//! quartier without a commune takes the commune of the quartier listed just before it ("Les
//! sept quartiers sont situés à Brest : ... Kerbernier. Deux autres quartiers, Kérinou et ...")
//! or, failing that, the only town the document names ("maire d'Alès", "À Alès, ...").

use super::lexicon::Known;
use crate::names::fold;
use crate::record::{CommuneRef, Quartier};
use crate::rules::{Candidates, Doc};

/// How far back (bytes) a quartier without commune looks for the one listed before it.
const INHERIT_REACH: usize = 300;

/// Rank of a rule: lower wins when two items overlap.
fn rank(rule: &str) -> u8 {
    match rule {
        "quartiers.commune_groups" => 0,
        "quartiers.table" => 1,
        "quartiers.line_list" => 2,
        "quartiers.parenthesised" => 3,
        "quartiers.semicolon_list" => 4,
        _ => 5,
    }
}

fn overlap(a: &Quartier, b: &Quartier) -> bool {
    let (a, b) = (a.evidence.span, b.evidence.span);
    a[0] < b[1] && b[0] < a[1]
}

/// Whether `better` (of a better rank) overlapping `worse` replaces it: the same name, or a
/// prose mention, or any reading of lines that a commune group explains (its commune heading
/// read as a quartier by a line list).
fn replaces(better: &Quartier, worse: &Quartier) -> bool {
    overlap(better, worse)
        && rank(&better.evidence.rule) < rank(&worse.evidence.rule)
        && (fold(&better.name) == fold(&worse.name)
            || worse.evidence.rule == "quartiers.prose"
            || better.evidence.rule == "quartiers.commune_groups")
}

pub(super) fn resolve(doc: &Doc, out: &mut Candidates) {
    let mut qs = std::mem::take(&mut out.quartiers);
    qs.sort_by_key(|q| (q.evidence.span[0], rank(&q.evidence.rule)));
    let mut kept: Vec<Quartier> = Vec::new();
    for q in qs {
        if kept.iter().any(|k| replaces(k, &q)) {
            continue;
        }
        // A better reading of the same words found later in the sort order.
        kept.retain(|k| !replaces(&q, k));
        kept.push(q);
    }
    let known = Known::of(doc);
    for i in 0..kept.len() {
        if !kept[i].communes.is_empty() {
            continue;
        }
        let start = kept[i].evidence.span[0];
        let previous = kept[..i]
            .iter()
            .rev()
            .find(|p| p.evidence.span[1] + INHERIT_REACH >= start && !p.communes.is_empty())
            .filter(|p| p.communes.len() == 1)
            .map(|p| p.communes.clone());
        let communes = previous.or_else(|| {
            known.only_town().map(|t| vec![CommuneRef { name: t.to_owned(), insee: None }])
        });
        if let Some(c) = communes {
            kept[i].communes = c;
        }
    }
    out.quartiers = kept;
}

#[cfg(test)]
mod tests {
    use crate::rules::quartiers::testing::{brief, family};

    #[test]
    fn a_list_reading_beats_prose_on_the_same_words() {
        let out = family("NPNRU : le quartier « Les Ormes » (Dreux) est concerné.");
        assert_eq!(brief(&out.quartiers), ["les ormes @ dreux : autre"]);
    }

    #[test]
    fn a_quartier_without_commune_takes_the_one_listed_before() {
        let out = family(
            "Les quartiers prioritaires\nLes deux quartiers sont situés à Quimper :\nKermoysan\nPenhars\nDeux autres quartiers, Ergué et Moulin Vert, restent suivis en veille active.\n",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "kermoysan @ quimper : prioritaire",
                "penhars @ quimper : prioritaire",
                "ergué @ quimper : veille",
                "moulin vert @ quimper : veille",
            ]
        );
    }

    #[test]
    fn or_the_only_town_of_the_document() {
        let out = family(
            "Signé par le maire d'Alès.\n\nLes quartiers des Prés Saint-Jean, de Tamaris et du centre-ville sont concernés.",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "prés saint-jean @ alès : prioritaire",
                "tamaris @ alès : prioritaire",
                "centre-ville @ alès : prioritaire",
            ]
        );
    }
}
