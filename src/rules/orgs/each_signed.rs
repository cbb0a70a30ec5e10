//! `orgs.each_signed`: the organisations of a sentence that the next one says signed, through a
//! pronoun ("La Métropole et ses partenaires, l'État et la Région, mènent cette politique.
//! Chacun d'eux a signé le contrat de ville.").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::push_signatories;
use super::text::sentences;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.each_signed";

/// Finds the organisations of a known kind named in the sentence before one that opens with a
/// pronoun for them and a signing verb.
///
/// Finds: "La Ville de Gex et les communes voisines portent la politique de la ville, avec pour
/// partenaires l'État et la Région. Chacun d'eux a signé le contrat." → Ville de Gex, État,
/// Région; "... Tous ont signé le contrat de ville."
///
/// Does not find: a signing sentence whose subject is named ("La CAF a signé le contrat"), a
/// pronoun sentence without a signing verb ("Chacun d'eux finance des actions"), names of no
/// known kind in the sentence before.
pub struct EachSigned;

/// A sentence opening with a pronoun for the parties, then a signing verb.
static PRONOUN_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:chacune?\s+d['’](?:eux|elles)|tou(?:te)?s|tous\s+ces\s+partenaires|ces\s+partenaires|ils|elles)\s+(?:(?:l['’])?(?:a|ont))\s+(?:\p{Ll}+\s+)?(?:co-?)?sign[ée]")
        .expect("valid regex")
});

impl Rule for EachSigned {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let all = sentences(doc);
        for pair in all.windows(2) {
            let [before, this] = pair else { continue };
            if !PRONOUN_SIGNED.is_match(&text[this.clone()]) {
                continue;
            }
            let mut seen = Vec::new();
            push_signatories(doc, items(text, before.clone(), Mode::Loose), ID, &mut seen, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&EachSigned, text), expected, "{text:?}");
    }

    #[test]
    fn parties_named_before_a_pronoun_that_signed() {
        check(
            "La Ville de Gex et les communes voisines portent la politique de la ville, avec pour partenaires l'État, la Région et d'autres institutions. Chacun d'eux a signé le contrat de ville.",
            &["Ville de Gex", "État", "Région"],
        );
        check(
            "Le Département, la CAF de l'Ain et France Travail se sont mobilisés. Tous ont signé le contrat.",
            &["Département", "CAF de l'Ain", "France Travail"],
        );
    }

    #[test]
    fn no_pronoun_or_no_signing() {
        check("L'État et la Région financent. La CAF a signé le contrat.", &[]);
        check("L'État et la Région financent. Chacun d'eux finance des actions.", &[]);
    }
}
