//! `territories.signing_sentence`: the carrier of a contract whose signature a sentence reports
//! without naming its owner after "contrat de ville".
//!
//! Finds a sentence with a singular "le / un / notre / ce contrat de ville" and a signing word
//! (signé, signature, paraphé, adopté, conclu), and takes as carrier the intercommunality the
//! sentence names ("Signé en mai par …, président du Grand Alès, … le contrat de ville réunit")
//! or else the commune it names as "la Ville de X" ("Le contrat de ville signé avec la préfète va
//! permettre à la Ville de Lillers…"). A fallback: the family's resolve step drops it when
//! another rule found a carrier. Does not find: plural generalities ("les contrats de ville
//! signés depuis 2015"), a sentence without a signing word, a page title ("Contrat de ville |
//! Metz Métropole").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{NAME, epci_mentions, sentences};
use super::territory;
use crate::rules::{Candidates, Doc, Rule};

/// The signing-sentence rule.
pub struct SigningSentence;

pub(super) const ID: &str = "territories.signing_sentence";

static CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:le|un|notre|ce|votre)\s+(?:(?:nouveau|futur|premier)\s+)?contrat\s+de\s+ville\b",
    )
    .expect("valid regex")
});

static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sign[ée]|signature|paraph[ée]|adopt[ée]|conclu)").expect("valid regex")
});

pub(super) static CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:Ville|Commune|Mairie)[ \t]+(?:de[ \t]+|d'|du[ \t]+)(?P<name>{})",
        *NAME
    ))
    .expect("valid regex")
});

impl Rule for SigningSentence {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(text) {
            let s = &text[sentence.clone()];
            if !CONTRACT.is_match(s) || !SIGNING.is_match(s) {
                continue;
            }
            let at = |r: std::ops::Range<usize>| sentence.start + r.start..sentence.start + r.end;
            if let Some((r, kind)) = epci_mentions(s).into_iter().next() {
                out.territories.push(territory(doc, at(r), Some(kind), true, ID));
            } else if let Some(name) = CITY.captures(s).and_then(|c| c.name("name")) {
                out.territories.push(territory(doc, at(name.range()), None, true, ID));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn carriers_of_signed_contracts() {
        assert_eq!(
            carriers(
                &SigningSentence,
                "Signé en mai dernier par Luc Noir, président du Grand Alès, et Jean Blanc, \
                 maire d'Alès, le contrat de ville réunit vingt partenaires."
            ),
            [("Grand Alès".into(), "EPCI".into())]
        );
        assert_eq!(
            carriers(
                &SigningSentence,
                "Le contrat de ville signé avec Madame la Préfète va permettre à la Ville de \
                 Lillers de mettre en œuvre cinquante actions."
            ),
            [("Lillers".into(), "commune".into())]
        );
    }

    #[test]
    fn not_carriers() {
        for text in [
            "Les contrats de ville signés à partir de 2015 sont prolongés par la Ville de Paris.",
            "Le contrat de ville de Metz Métropole concerne sept quartiers.",
            "Contrat de ville | Metz Métropole",
        ] {
            assert!(carriers(&SigningSentence, text).is_empty(), "{text}");
        }
    }
}
