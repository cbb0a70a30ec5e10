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
/// Also after a noun group for the parties ([`PARTNERS_SIGNED`]: "Les différents partenaires
/// l'ont signé") when the sentence before speaks of a contract.
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

/// A sentence opening with a noun group for the parties, then a signing verb ("Les différents
/// partenaires l'ont signé", "Ces signataires ont paraphé le contrat", "Les quatre partenaires
/// l'ont cosigné"): the parties of the sentence before when it speaks of a contract.
static PARTNERS_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:l(?:es|eurs)|ces)\s+(?:(?:différents|divers|nombreux|principaux|\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix)\s+)?(?:partenaires|signataires|parties|institutions)(?:\s+(?:concernés|concernées|associés|associées|impliqués|impliquées))?\s*,?\s+(?:(?:l['’])?(?:a|ont))\s+(?:\p{Ll}+\s+)?(?:co-?)?(?:sign|paraph)[ée]")
        .expect("valid regex")
});

/// A sentence about a contract.
static CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:contrats?|protocoles?)\b").expect("valid regex"));

impl Rule for EachSigned {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let all = sentences(doc);
        for pair in all.windows(2) {
            let [before, this] = pair else { continue };
            let this_text = &text[this.clone()];
            let named =
                PARTNERS_SIGNED.is_match(this_text) && CONTRACT.is_match(&text[before.clone()]);
            if !PRONOUN_SIGNED.is_match(this_text) && !named {
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
    fn parties_named_before_a_noun_group_that_signed() {
        check(
            "Le contrat de ville a été écrit sous le pilotage de Rodez Agglomération, avec l'État, les communes d'Onet-le-Château et de Luc-la-Primaube et les habitants. Les différents partenaires l'ont signé le 3 juillet.",
            &["Rodez Agglomération", "État", "Onet-le-Château", "Luc-la-Primaube"],
        );
        check(
            "La Région Occitanie, la CAF de l'Aveyron et le Département portent ce protocole. Les trois signataires l'ont paraphé en mairie.",
            &["Région Occitanie", "CAF de l'Aveyron", "Département"],
        );
    }

    #[test]
    fn a_noun_group_after_a_sentence_of_no_contract() {
        check(
            "La Région Occitanie et la CAF de l'Aveyron financent l'école. Les partenaires ont signé le contrat de ville.",
            &[],
        );
        check(
            "Le contrat de ville associe la Région Occitanie. Les partenaires se réunissent en juin.",
            &[],
        );
    }

    #[test]
    fn no_pronoun_or_no_signing() {
        check("L'État et la Région financent. La CAF a signé le contrat.", &[]);
        check("L'État et la Région financent. Chacun d'eux finance des actions.", &[]);
    }
}
