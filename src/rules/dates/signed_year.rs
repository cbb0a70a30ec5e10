//! `dates.signed_year`: the year a signature is dated by, when the text gives no finer date.
//!
//! Finds a bare year introduced by "en", "courant", "au cours de l'année", "dans le courant de
//! l'année", "durant l'année", "à la fin de l'année" in a clause whose nearest role cue is a
//! signature ("le contrat signé en 2015", "s'est doté au cours de l'année 2015 de trois contrats,
//! élaborés puis signés"), with year precision and the `signature` role (the family's resolve step
//! makes a deadline of a year after the document's date: "les contrats qui seront signés au cours
//! de l'année 2024"). The merger takes it only when no finer signature date speaks for the
//! contract. Does not find: a year of another role ("adopté en 2024", "en 2015, la ville
//! comptait…"), the start of a span of years ("en 2015-2020"), a month's year ("en juin 2015",
//! found by `dates.month_year`).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::YEAR;
use super::{context, mention};
use crate::record::{DateRole, Precision};
use crate::rules::{Candidates, Doc, Rule};

/// The signed-year rule.
pub struct SignedYear;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.signed_year";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:en|courant|au\s+cours\s+de\s+l'année|dans\s+le\s+courant\s+de\s+l'année|durant\s+l'année|(?:à\s+la\s+)?fin\s+(?:de\s+l'année|d'année))\s+(?P<y>{YEAR})\b"
    ))
    .expect("valid regex")
});

/// What after a year makes it the start of a span or a part of a longer number.
static SPAN_AFTER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-–—/]|à\s+\d|et\s+\d)").expect("valid regex"));

impl Rule for SignedYear {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let (Some(m), Some(y)) = (caps.get(0), caps.name("y")) else { continue };
            if SPAN_AFTER.is_match(&text[m.end()..]) {
                continue;
            }
            // A signing to come ("seront signés au cours de l'année 2024") is a deadline.
            let role = match context::point_role(text, &m.range()) {
                DateRole::Signature => DateRole::Signature,
                DateRole::Deadline if context::signing_to_come(text, &m.range()) => {
                    DateRole::Deadline
                }
                _ => continue,
            };
            let value = (y.as_str().to_owned(), Precision::Year);
            out.dates.push(mention(doc, m.range(), self.id(), value, None, role));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn signed_years() {
        assert_eq!(
            one(
                &SignedYear,
                "Le contrat de ville de la commune, signé en 2015, couvre deux quartiers."
            )
            .1,
            "2015"
        );
        assert_eq!(
            one(
                &SignedYear,
                "La ville s'est dotée au cours de l'année 2015 d'un contrat de ville, signé avec l'État."
            )
            .1,
            "2015"
        );
        assert_eq!(
            one(
                &SignedYear,
                "Le nouveau contrat, paraphé à la fin de l'année 2024, vise dix quartiers."
            )
            .1,
            "2024"
        );
        assert_eq!(one(&SignedYear, "Le contrat a été signé fin d'année 2025.").1, "2025");
    }

    #[test]
    fn not_signed_years() {
        none(&SignedYear, "Le contrat prendra fin à la fin de l'année 2030 sans avenant.");
        none(&SignedYear, "Le contrat a été adopté en 2024 par le conseil.");
        none(&SignedYear, "En 2015, la ville comptait trois quartiers.");
        none(&SignedYear, "Le contrat signé en 2015-2020 par le maire.");
    }
}
