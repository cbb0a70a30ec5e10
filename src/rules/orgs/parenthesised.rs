//! `orgs.parenthesised`: the parties a sentence lists in parentheses after the word that names
//! them as signatories or partners.
//!
//! Finds: "ses signataires (Préfecture du Var – Région Sud – CAF du Var – Ville de Hyères) se
//! sont réunis", "le contrat associe ses partenaires financeurs (État, Région, Département)",
//! "douze organismes ont signé le contrat (bailleurs sociaux, CAF, France Travail, etc.)". The
//! items are cut on commas, semicolons and dashes standing between words (web pages flatten
//! lists that way), then read with the explicit grammar of [`super::items`].
//!
//! Does not find: parentheses that hold one item ("les signataires (26)", "les partenaires
//! (voir plus bas)"), parentheses after another word ("le quartier (Lunel)"), parentheses that
//! do not open right after the naming word's phrase.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{DASH_SEPARATOR, Mode, items};
use super::push_signatories;
use super::trimmed;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.parenthesised";

/// The parenthesised-list rule.
pub struct Parenthesised;

/// A word naming parties, its short complement, and the opening parenthesis.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:(?:co-?)?signataires|partenaires(?:\s+(?:financeurs|signataires|institutionnels|engagés))?)(?:\s+(?:du|de\s+ce|de\s+cette)\s+(?:nouveau\s+)?(?:contrat|protocole)\b[^()\n.;:,]{0,50}?)?|financeurs|(?:a|ont)\s+(?:\p{L}+\s+)?(?:co-?)?signé(?:\s+(?:le|ce|ces|les|leur)\s+(?:\p{L}+\s+)?(?:contrats?|protocoles?|documents?)(?:\s+de\s+ville)?)?)\s*\(")
        .expect("valid regex")
});

/// A separator between items: a comma, a semicolon, a dash with a space on one side at least.
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\s*[,;]\s*|{DASH_SEPARATOR}")).expect("valid regex"));

impl Rule for Parenthesised {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for open in OPENING.find_iter(text) {
            let from = open.end();
            let Some(close) = text[from..].find([')', '(', '\n']).map(|i| from + i) else {
                continue;
            };
            if !text[close..].starts_with(')') || close - from > 600 {
                continue;
            }
            let pieces = pieces(text, from..close);
            if pieces.len() < 2 {
                continue;
            }
            let mut seen = Vec::new();
            for piece in pieces {
                push_signatories(doc, items(text, piece, Mode::Explicit), ID, &mut seen, out);
            }
        }
    }
}

/// The items of the list in `range`, cut at separators.
fn pieces(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    for sep in SEPARATOR.find_iter(&text[range.clone()]) {
        out.push(start..range.start + sep.start());
        start = range.start + sep.end();
    }
    out.push(start..range.end);
    out.into_iter()
        .map(|r| trimmed(text, r))
        .filter(|r| !r.is_empty() && !text[r.clone()].eq_ignore_ascii_case("etc."))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::orgs::testing::signatories;

    #[test]
    fn lists_in_parentheses() {
        assert_eq!(
            signatories(
                &Parenthesised,
                "Ses signataires (Préfecture du Var – Région Sud – CAF du Var– Ville de Hyères) \
                 se sont réunis.",
            ),
            ["Préfecture du Var", "Région Sud", "CAF du Var", "Ville de Hyères"]
        );
        assert_eq!(
            signatories(
                &Parenthesised,
                "Le contrat associe ses partenaires financeurs (État, Région, Département).",
            ),
            ["État", "Région", "Département"]
        );
        assert_eq!(
            signatories(
                &Parenthesised,
                "Douze organismes ont signé le contrat (CAF, France Travail, etc.).",
            ),
            ["CAF", "France Travail"]
        );
    }

    #[test]
    fn after_the_contract_named() {
        assert_eq!(
            signatories(
                &Parenthesised,
                "Les signataires du contrat de ville de Gap (l'État, la Région, la CAF des Hautes-Alpes) se réuniront chaque année.",
            ),
            ["État", "Région", "CAF des Hautes-Alpes"]
        );
        assert!(
            signatories(
                &Parenthesised,
                "Les signataires du contrat de ville (2015) se sont revus."
            )
            .is_empty()
        );
    }

    #[test]
    fn other_parentheses() {
        assert!(signatories(&Parenthesised, "Les signataires (26) se sont réunis.").is_empty());
        assert!(
            signatories(&Parenthesised, "Les partenaires (voir plus bas) se sont réunis.")
                .is_empty()
        );
        assert!(
            signatories(&Parenthesised, "Le quartier (Lunel, Marsillargues) est prioritaire.")
                .is_empty()
        );
    }
}
