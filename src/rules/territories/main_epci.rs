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
            match own_commune(doc, &text[range.clone()]) {
                Some(town) => out.territories.push(territory(doc, town, None, true, ID)),
                None => out.territories.push(territory(doc, range, Some(kind), true, ID)),
            }
        }
    }
}

/// The one member commune of intercommunality `name` that carried a contract of its own in 2015
/// (as the communes of La Réunion did) and that `text` names: its first mention. Where the
/// communes carry their contracts, the intercommunality signs beside the commune ("Daniel
/// Técher, maire, et Maurice Lauret, président de la Cirest, ont signé"), and the contract is
/// the commune's.
fn own_commune(doc: &Doc, name: &str) -> Option<std::ops::Range<usize>> {
    let text = doc.text();
    // "Cirest" is the "CIREST" of the official name.
    let mut found = crate::gazetteer::epci_named(name);
    if found.is_empty() && !name.contains(char::is_whitespace) {
        found = crate::gazetteer::epci_named(&name.to_uppercase());
    }
    let [epci] = found[..] else { return None };
    let folded = format!(" {} ", fold(text));
    let named: Vec<&str> = crate::gazetteer::epci_members(epci.siren)
        .into_iter()
        .filter(|c| super::ranked::carried_in_2015(c.insee))
        .map(|c| c.name)
        .filter(|n| folded.contains(&format!(" {} ", fold(n))))
        .collect();
    let [town] = named[..] else { return None };
    // Its first mention: as the gazetteer writes it, else a capitalised name that folds to it.
    if let Some(at) = text.find(town) {
        return Some(at..at + town.len());
    }
    let key = fold(town);
    super::grammar::doc_capitalised(doc).iter().find(|r| fold(&text[(*r).clone()]) == key).cloned()
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
    fn a_member_commune_that_carries_its_own_contract() {
        // The communes of La Réunion carried their contracts in 2015; the intercommunality
        // signs beside them.
        let text = "Le contrat de ville a été signé hier à Saint-André. Le maire de Saint-André \
                    et le président de la Cirest ont signé ; la Cirest accompagne la commune.";
        assert_eq!(carriers(&MainEpci, text), [("Saint-André".into(), "commune".into())]);
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
