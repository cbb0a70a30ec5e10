//! `dates.open_period`: a period given by its last year only.
//!
//! Finds: "jusqu'en 2020", "jusqu'à fin 2023", "à l'horizon 2050", "d'ici 2030". The end is the
//! year written; the start is completed by the family's resolve step from the document's
//! signature date, else its own date. The role is `period` when the sentence is about the
//! contract ("le contrat de ville fixe jusqu'en 2020 les priorités"), else `other` ("une société
//! décarbonée à l'horizon 2050", and the end of a prolongation: "prolongé jusqu'en 2023"). The end may be written as a day ("le contrat court jusqu'au 31
//! décembre 2030"): in a sentence about the contract it is the period's last year; elsewhere it
//! is left to the absolute date ("inscriptions jusqu'au 15 mars 2024" is a deadline). Does not
//! find: "jusqu'au 30 juin" (a date), "depuis 2015".

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{DAY, MONTH, YEAR};
use super::{context, mention};
use crate::record::{DateRole, Precision};
use crate::rules::{Candidates, Doc, Rule};

/// The open-period rule.
pub struct OpenPeriod;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.open_period";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:jusqu(?:'|\s)(?:en|à|au)|à\s+l'horizon|à\s+l'échéance|d'ici(?:\s+à)?)\s+(?:(?:la\s+)?fin\s+(?:de\s+l'année\s+)?|(?P<day>{DAY}\s+{month}\s+))?(?P<y>{YEAR})\b",
        month = *MONTH
    ))
    .expect("valid regex")
});

/// A prolongation right before the end year: "prolongé jusqu'en 2023", "prorogation du contrat
/// jusqu'à fin 2023".
static PROLONGED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:prolong|prorog)\p{L}*\b[^.;:!?\n]{0,40}$").expect("valid regex")
});

impl Rule for OpenPeriod {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let (Some(m), Some(y)) = (caps.get(0), caps.name("y")) else { continue };
            let before = &text[text.floor_char_boundary(m.start().saturating_sub(60))..m.start()];
            let role = if PROLONGED.is_match(before) {
                // The end of a prolongation: the contract began years before the document.
                DateRole::Other
            } else if context::is_contract_period(text, &m.range()) {
                DateRole::Period
            } else if caps.name("day").is_some() {
                continue;
            } else {
                DateRole::Other
            };
            let pending = (String::new(), Precision::Year);
            out.dates.push(mention(
                doc,
                m.range(),
                self.id(),
                pending,
                Some(y.as_str().into()),
                role,
            ));
        }
    }
}

/// The year an open period ends, read back from its text.
pub(super) fn end_year(text: &str) -> Option<i16> {
    RE.captures(text)?.name("y")?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn open_periods() {
        assert_eq!(
            one(&OpenPeriod, "Le contrat de ville de Brest fixe jusqu'en 2020 les priorités."),
            ("jusqu'en 2020".into(), String::new(), DateRole::Period)
        );
        assert_eq!(
            one(&OpenPeriod, "Contrat de ville : six quartiers engagés jusqu'en 2030").2,
            DateRole::Period
        );
        assert_eq!(
            one(&OpenPeriod, "Une société décarbonée à l'horizon 2050 est l'objectif.").2,
            DateRole::Other
        );
        // A signing verb stands for the contract: "ont paraphé le texte qui les lie jusqu'en 2030".
        assert_eq!(
            one(&OpenPeriod, "Les élus ont paraphé le texte qui les liera jusqu'en 2030.").2,
            DateRole::Period
        );
        assert_eq!(end_year("jusqu'à fin 2023"), Some(2023));
        assert_eq!(
            one(
                &OpenPeriod,
                "Le contrat de ville engage les signataires jusqu'au 31 décembre 2030."
            )
            .0,
            "jusqu'au 31 décembre 2030"
        );
        assert_eq!(end_year("jusqu'au 31 décembre 2030"), Some(2030));
    }

    #[test]
    fn not_open_periods() {
        none(&OpenPeriod, "Ouvert jusqu'au 30 juin.");
        // The end of a prolongation is no period of the contract.
        let t = "Prolongé jusqu'en 2023, le contrat de ville arrive à son terme.";
        assert_eq!(one(&OpenPeriod, t).2, DateRole::Other);
        let t = "La prorogation du contrat de ville jusqu'à fin 2023 est actée.";
        assert_eq!(one(&OpenPeriod, t).2, DateRole::Other);
        none(&OpenPeriod, "Le quartier est suivi depuis 2015.");
        none(&OpenPeriod, "Les inscriptions à l'atelier sont ouvertes jusqu'au 15 mars 2024.");
    }
}
