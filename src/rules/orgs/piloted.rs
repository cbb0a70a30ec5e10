//! `orgs.piloted`: the parties that steer a contract, named after a participle whose subject is
//! the contract ("le contrat de ville, copiloté par l'État et l'agglomération, ...").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::lexicon;
use super::text::sentences;
use super::{push_signatories, trimmed};
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.piloted";

/// Finds the organisations a contract is steered or carried by, listed after "piloté par",
/// "copiloté par", "porté par", "conduit (à deux voix) par", when the participle is the
/// contract's.
///
/// Finds: "Le contrat de ville, copiloté par l'État et Lorient Agglomération, court jusqu'en
/// 2030" → État, Lorient Agglomération; "Porté conjointement par la Ville de Gap et l'État, ce
/// contrat ..."; "Ce contrat est piloté par Rives Agglo et la préfecture". The list is read with
/// the explicit item grammar; one of its names at least must be of a known kind.
///
/// Does not find: a participle about another noun than the contract ("le contrat finance un
/// projet porté par l'association Cités Unies", "une action conduite par la CAF"), a list of no
/// known kind ("porté par les habitants").
pub struct Piloted;

/// The participle and its "par".
static PARTICIPLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:co-?)?(?:pilot|port|condui[st]?|anim)(?:é|ée|és|ées|t|te|ts)?\s+(?:(?:conjointement|ensemble|à\s+deux\s+voix|localement|notamment)\s+)?par\b")
        .expect("valid regex")
});

/// A contract as the participle's subject: right before it, opening its clause ("le contrat de
/// ville 2024-2030, copiloté par", "ce contrat est porté par"; not "la rédaction de ce contrat,
/// pilotée par").
static SUBJECT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[,;:])\s*(?:le|ce|ces|les|leur|son|cet|notre|un)\s+(?:nouveaux?\s+)?(?:contrats?|protocoles?)(?:\s+de\s+ville)?(?:\s+(?:\d{4}\s*[-–]\s*\d{4}|(?-i:\p{Lu})[\p{L}\-']*|de|du|des|la|le|l'\S+|d'\S+|«[^»]*»))*?\s*,?\s*(?:(?:qui\s+)?(?:est|sont|sera|seront|était|a\s+été|ont\s+été)\s+)?(?:(?:également|aussi|désormais|toujours)\s+)?$")
        .expect("valid regex")
});

/// A contract as the subject after an opening participle ("Piloté par A et B, le contrat ...").
static SUBJECT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^.;:]{0,200}?,\s*(?:le|ce|ces|les|leur|son)\s+(?:nouveaux?\s+)?(?:contrats?|protocoles?)\b")
        .expect("valid regex")
});

/// Where the list ends: the comma closing an opening participle's clause before the contract.
static CLAUSE_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:le|ce|ces|les|leur|son)\s+(?:nouveaux?\s+)?(?:contrats?|protocoles?)\b")
        .expect("valid regex")
});

/// Where a list after a participle is over: a verb, a clause, another participle.
static LIST_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i),\s*(?:(?:il|elle|ils|elles|qui|dont|et\s+qui)\b|\p{L}+(?:é|ée|és|ées)\b|(?:court|vise|fixe|cible|concerne|couvre|prévoit|définit|entre|repose)\b)|\s(?:afin|pour|autour|depuis|jusqu)\b")
        .expect("valid regex")
});

impl Rule for Piloted {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(doc) {
            let s = &text[sentence.clone()];
            let mut seen = Vec::new();
            for m in PARTICIPLE.find_iter(s) {
                let before = &s[..m.start()];
                let opening = before.trim().is_empty();
                let end = if opening {
                    // "Piloté par A et B, le contrat ...": up to the contract.
                    if !SUBJECT_AFTER.is_match(&s[m.end()..]) {
                        continue;
                    }
                    CLAUSE_END.find(&s[m.end()..]).map_or(s.len(), |c| m.end() + c.start())
                } else {
                    if !SUBJECT_BEFORE.is_match(before) {
                        continue;
                    }
                    LIST_END.find(&s[m.end()..]).map_or(s.len(), |c| m.end() + c.start())
                };
                let seg = trimmed(text, sentence.start + m.end()..sentence.start + end);
                let found = items(text, seg, Mode::Explicit);
                if !found.iter().any(|i| lexicon::kind(&i.name).is_some()) {
                    continue;
                }
                push_signatories(doc, found, ID, &mut seen, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&Piloted, text), expected, "{text:?}");
    }

    #[test]
    fn the_parties_steering_a_contract() {
        check(
            "Le contrat de ville, copiloté par l'État et Lorient Agglomération, court jusqu'en 2030.",
            &["État", "Lorient Agglomération"],
        );
        check(
            "Porté conjointement par la Ville de Gap et l'État, ce contrat fixe trois priorités.",
            &["Ville de Gap", "État"],
        );
        check(
            "Ce contrat est piloté par Rives Agglo et la préfecture de la Drôme.",
            &["Rives Agglo", "préfecture de la Drôme"],
        );
        check(
            "Conduit à deux voix par Rives Agglo et l'État, ce contrat de ville est né d'une longue concertation.",
            &["Rives Agglo", "État"],
        );
    }

    #[test]
    fn participles_of_other_nouns() {
        check("Le contrat finance un projet porté par l'association Cités Unies et la CAF.", &[]);
        check("Une action conduite par la CAF a été saluée.", &[]);
        check("La rédaction de ce contrat, pilotée par la Métropole et l'État, a duré un an.", &[]);
        check("Le contrat de ville, porté par les habitants et les associations, innove.", &[]);
        check("Piloté par la Région, le schéma régional fixe les priorités.", &[]);
    }
}
