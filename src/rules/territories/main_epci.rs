//! `territories.main_epci`: the intercommunality a document about one signed contract is about,
//! when nothing else names the contract's owner.
//!
//! Finds, in a document with a sentence that speaks of a single contrat de ville ("le contrat
//! de ville", "un contrat de ville", "notre contrat de ville") and of its signature (signé,
//! signature, paraphé, adopté), not one to come ("sera signé", "en préparation"), the
//! intercommunality the document names most often (first mention on a
//! tie). The weakest of the family's fallbacks: the resolve step drops it when any other rule
//! found a carrier. Does not find: a document about contracts in general (only the plural), a
//! document without a signing word, a document naming no intercommunality.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{doc_epci_mentions, sentences};
use super::territory;
use crate::names::fold;
use crate::rules::{Candidates, Doc, Rule};

/// The main-intercommunality rule.
pub struct MainEpci;

pub(super) const ID: &str = "territories.main_epci";

static ONE_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:le|un|notre|ce|son|leur|nouveau)\s+contrat\s+de\s+ville\b")
        .expect("valid regex")
});

static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sign[ée]|signature|paraph[ée]|adopt[ée])").expect("valid regex")
});

/// A signature still to come: "sera signé", "doit être signé", "en préparation".
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sera|seront|doit\s+être|doivent\s+être|devra|devront|va\s+être|en\s+préparation|prochainement|attendue?)\b")
        .expect("valid regex")
});

impl Rule for MainEpci {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let signed = sentences(text).into_iter().any(|r| {
            let s = &text[r];
            ONE_CONTRACT.is_match(s) && SIGNING.is_match(s) && !FUTURE.is_match(s)
        });
        if !signed {
            return;
        }
        let mentions = doc_epci_mentions(doc);
        let mut counts: BTreeMap<String, (usize, usize)> = BTreeMap::new();
        for (i, (r, _)) in mentions.iter().enumerate() {
            let entry = counts.entry(fold(&text[r.clone()])).or_insert((0, i));
            entry.0 += 1;
        }
        let best = counts.values().max_by_key(|(n, first)| (*n, std::cmp::Reverse(*first)));
        if let Some(&(_, first)) = best {
            let (range, kind) = mentions[first].clone();
            out.territories.push(territory(doc, range, Some(kind), true, ID));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn the_most_named_intercommunality() {
        let text = "Le contrat de ville a été signé hier. Lorient Agglomération y consacre un \
                    million ; Quimperlé Communauté observe. Lorient Agglomération pilote.";
        assert_eq!(carriers(&MainEpci, text), [("Lorient Agglomération".into(), "CA".into())]);
    }

    #[test]
    fn no_single_signed_contract() {
        for text in [
            "Les contrats de ville ont été signés par Lorient Agglomération et d'autres.",
            "Le contrat de ville de demain, disait Lorient Agglomération.",
            "Le contrat de ville sera signé en juin. Lorient Agglomération le prépare.",
        ] {
            assert!(carriers(&MainEpci, text).is_empty(), "{text}");
        }
    }
}
