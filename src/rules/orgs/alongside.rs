//! `orgs.alongside`: the body that carries a contract and the parties it works alongside, in a
//! sentence about the contract ("l'agglomération X, aux côtés de l'État, pilote le contrat de
//! ville", "la communauté d'agglomération X s'est engagée au côté de l'État dans un contrat de
//! ville").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Item, Mode, items};
use super::parties::chain_end;
use super::text::sentences;
use super::{lexicon, push_signatories, trimmed};
use crate::gazetteer;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.alongside";

/// Finds the carrier of a contract and the parties named after "aux côtés de", when the carrier
/// is the subject of the sentence.
///
/// Finds: "À Lunel, c'est l'agglomération Lunel Agglo qui, aux côtés de l'État, pilote le
/// contrat de ville" → Lunel Agglo, État; "Dès 2015, la Communauté d'agglomération du Pays Vert
/// s'est engagée au côté de l'État dans un contrat de ville" → both; "La Ville de Sète, aux
/// côtés de la Région et du Département, porte le contrat" → the three.
///
/// Does not find: a sentence that does not speak of a contract ("la Ville, aux côtés de l'État,
/// rénove l'école"), a subject of no known kind ("les habitants, aux côtés de l'État, ..."),
/// several subjects, persons ("Paul Martin, aux côtés du préfet, a signé" is the business of
/// the people rules).
pub struct Alongside;

/// The subject's link to "aux côtés de": a relative, a comma, or a reflexive "s'engager".
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\s+qui\s*,?\s*|\s*,\s*|\s+s['’](?:est|sont)\s+(?:\p{Ll}+\s+)?engagée?s?\s+|\s+s['’]engagen?t?\s+)(?P<side>aux?\s+côtés?\s+(?:de\s+l['’]|de\s+la\s+|du\s+|des\s+|de\s+|d['’]))")
        .expect("valid regex")
});

/// A sentence about the contract.
static CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcontrats?\s+de\s+ville\b").expect("valid regex"));

/// Where the subject's clause starts: after the last comma, "c'est", "que" or a colon.
static CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[,:;]\s*|\bc['’]est\s+|\bque\s+|\bqu['’]").expect("valid regex")
});

/// A lower-case head before the proper name of an intercommunality ("l'agglomération Lunel
/// Agglo").
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:agglomération|métropole|intercommunalité|communauté)\s+").expect("valid regex")
});

impl Rule for Alongside {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(doc) {
            let s = &text[sentence.clone()];
            if !CONTRACT.is_match(s) {
                continue;
            }
            let mut seen = Vec::new();
            for caps in CUE.captures_iter(s) {
                let (Some(all), Some(side)) = (caps.get(0), caps.name("side")) else { continue };
                let Some(subject) = subject(text, sentence.start, &s[..all.start()]) else {
                    continue;
                };
                let end = chain_end(s, side.end(), false);
                let seg = trimmed(text, sentence.start + side.start()..sentence.start + end);
                let parties = items(text, seg, Mode::Explicit);
                if parties.is_empty() {
                    continue;
                }
                push_signatories(doc, vec![subject], ID, &mut seen, out);
                push_signatories(doc, parties, ID, &mut seen, out);
            }
        }
    }
}

/// The one organisation of a known kind (or a known intercommunality) that ends `before`, the
/// text of the sentence (at `offset`) before the cue.
fn subject(text: &str, offset: usize, before: &str) -> Option<Item> {
    let from = CLAUSE.find_iter(before).last().map_or(0, |m| m.end());
    let seg = trimmed(text, offset + from..offset + before.len());
    let [one] = <[Item; 1]>::try_from(items(text, seg, Mode::Explicit)).ok()?;
    let mut one = one;
    if let Some(m) = HEAD.find(&one.name) {
        let rest = one.name[m.end()..].to_owned();
        if rest.starts_with(char::is_uppercase) && !gazetteer::epci_named(&rest).is_empty() {
            one.range.start += m.end();
            one.name = rest;
            one.kind = Some("epci");
        }
    }
    let known = lexicon::kind(&one.name).is_some() || !gazetteer::epci_named(&one.name).is_empty();
    known.then_some(one)
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&Alongside, text), expected, "{text:?}");
    }

    #[test]
    fn a_carrier_alongside_its_partners() {
        check(
            "À Lunel, c'est l'agglomération Lunel Agglo qui, aux côtés de l'État, pilote le contrat de ville du quartier.",
            &["Lunel Agglo", "État"],
        );
        check(
            "Dès 2015, la Communauté d'agglomération du Pays de Gex s'est engagée au côté de l'État dans un contrat de ville portant sur un quartier.",
            &["Communauté d'agglomération du Pays de Gex", "État"],
        );
        check(
            "La Ville de Sète, aux côtés de la Région et du Département, porte le contrat de ville.",
            &["Ville de Sète", "Région", "Département"],
        );
    }

    #[test]
    fn no_contract_or_no_known_subject() {
        check("La Ville, aux côtés de l'État, rénove l'école du quartier.", &[]);
        check("Les habitants, aux côtés de l'État, ont débattu du contrat de ville.", &[]);
        check("Paul Martin, aux côtés du préfet, a présenté le contrat de ville.", &[]);
    }
}
