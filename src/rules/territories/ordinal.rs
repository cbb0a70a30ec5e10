//! `territories.ordinal`: a contract told by its rank in a series of signings, with the one
//! intercommunality its sentence names.
//!
//! Finds "le préfet a signé le premier des contrats de ville du département avec X, président
//! de la communauté d'agglomération de l'Albigeois", "il y a retrouvé Y, président de la
//! communauté d'agglomération de Castres-Mazamet, pour signer le second contrat": a sentence
//! with a ranked contract ("le premier / second / deuxième / troisième / dernier (des)
//! contrat(s)") that names exactly one intercommunality; that intercommunality carries a
//! contract. Does not find: a sentence naming two intercommunalities or none, a rank of
//! something else ("le premier adjoint", "la première fois"), a ranked contract in a sentence
//! without a signing word ("le second contrat est en cours de rédaction") or with a negation
//! ("ce n'est pas X qui a signé le premier contrat").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{doc_epci_mentions, sentences};
use super::territory;
use crate::analysis::words::CONTRACT_RANKS;
use crate::rules::{Candidates, Doc, Rule};

/// The ordinal-contract rule.
pub struct Ordinal;

const ID: &str = "territories.ordinal";

/// A ranked contract: "le premier des contrats", "le second contrat", "du troisième contrat de
/// ville".
static RANKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:le|du|au)\s+(?:{})\s+(?:des\s+(?:\p{{L}}+\s+)?contrats|contrat)\b",
        CONTRACT_RANKS.join("|")
    ))
    .expect("valid regex")
});

/// A negation: "ce n'est pas X qui a signé le premier contrat".
static NEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bn['’]\s*\p{L}+\s+pas\b|\bne\s+\p{L}+\s+pas\b|\bpas\s+davantage\b")
        .expect("valid regex")
});

/// A signing word of the sentence.
static SIGNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sign|paraph)\p{L}*").expect("valid regex"));

impl Rule for Ordinal {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        if !RANKED.is_match(text) {
            return;
        }
        let mentions = doc_epci_mentions(doc);
        for s in sentences(text) {
            let sentence = &text[s.clone()];
            if !RANKED.is_match(sentence)
                || !SIGNING.is_match(sentence)
                || NEGATION.is_match(sentence)
            {
                continue;
            }
            let mut inside = mentions.iter().filter(|(r, _)| s.start <= r.start && r.end <= s.end);
            if let (Some((range, kind)), None) = (inside.next(), inside.next()) {
                out.territories.push(territory(doc, range.clone(), Some(kind), true, ID));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn a_ranked_contract_and_its_one_intercommunality() {
        let text = "Lundi, le préfet a signé le premier des contrats de ville du département avec \
                    Anne Brun, présidente de la communauté d'agglomération de l'Albigeois. \
                    Jeudi, il a retrouvé Paul Roche, président de la communauté d'agglomération \
                    de Castres-Mazamet, pour signer le second contrat.";
        assert_eq!(
            carriers(&Ordinal, text),
            [("Albigeois".into(), "CA".into()), ("Castres-Mazamet".into(), "CA".into())]
        );
    }

    #[test]
    fn no_rank_no_signing_or_two_intercommunalities() {
        for text in [
            "Le premier adjoint de la communauté d'agglomération de l'Albigeois a signé.",
            "Le second contrat de la communauté d'agglomération de l'Albigeois est en cours de rédaction.",
            "Le préfet a signé le premier contrat avec la communauté d'agglomération de l'Albigeois \
             et la communauté d'agglomération de Castres-Mazamet.",
            "Ce n'est pas la communauté d'agglomération de l'Albigeois qui a signé le premier \
             contrat.",
        ] {
            assert!(carriers(&Ordinal, text).is_empty(), "{text}");
        }
    }
}
