//! `territories.main_epci`: the intercommunality a document about one signed contract is about,
//! when nothing else names the contract's owner.
//!
//! Finds, in a document that speaks of a single contrat de ville ("le contrat de ville", "un
//! contrat de ville", "notre contrat de ville") and of its signature somewhere (signé,
//! signature, paraphé, adopté), the intercommunality it names most often (first mention on a
//! tie). The weakest of the family's fallbacks: the resolve step drops it when any other rule
//! found a carrier. Does not find: a document about contracts in general (only the plural), a
//! document without a signing word, a document naming no intercommunality.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::grammar::epci_mentions;
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

impl Rule for MainEpci {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        if !ONE_CONTRACT.is_match(text) || !SIGNING.is_match(text) {
            return;
        }
        let mentions = epci_mentions(text);
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
        ] {
            assert!(carriers(&MainEpci, text).is_empty(), "{text}");
        }
    }
}
