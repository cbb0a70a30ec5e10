//! `dates.duration`: a period given by its length.
//!
//! Finds: "pour six ans", "pour une durée de 6 ans", "d'une durée de six ans", "sur six ans" (role `period` when the
//! sentence is about the contract: "le contrat fixe les engagements pour six ans"), and "les 5
//! prochaines années" (role `other`: the years of a policy, not the contract's stated term). The
//! start year is completed by the family's resolve step from the signature date, else the
//! document's date; end = start + length. Does not find: "six mois", "depuis neuf ans", "il y a
//! neuf ans", durations longer than twelve years.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{COUNT, count};
use super::{context, mention};
use crate::record::{DateRole, Precision};
use crate::rules::{Candidates, Doc, Rule};

/// The duration rule.
pub struct Duration;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.duration";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let n = COUNT.as_str();
    Regex::new(&format!(
        r"(?i)\b(?:(?:(?:pour|sur)\s+(?:une\s+(?:durée|période)\s+de\s+)?|d'une\s+durée\s+de\s+)(?P<n>{n})\s+ans|(?:les|des)\s+(?P<next>{n})\s+prochaines\s+années)\b"
    ))
    .expect("valid regex")
});

impl Rule for Duration {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            if years(m.as_str()).is_none() {
                continue;
            }
            let role = if caps.name("n").is_some() && context::is_contract_period(text, &m.range())
            {
                DateRole::Period
            } else {
                DateRole::Other
            };
            let pending = (String::new(), Precision::Year);
            out.dates.push(mention(doc, m.range(), self.id(), pending, None, role));
        }
    }
}

/// The length in years of a duration, read back from its text.
pub(super) fn years(text: &str) -> Option<i16> {
    let caps = RE.captures(text)?;
    let n = count(caps.name("n").or_else(|| caps.name("next"))?.as_str())?;
    i16::try_from(n).ok().filter(|n| (1..=12).contains(n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn durations() {
        let (t, _, role) = one(&Duration, "Le contrat fixe les engagements pour six ans.");
        assert_eq!((t.as_str(), role), ("pour six ans", DateRole::Period));
        assert_eq!(years(&t), Some(6));
        let (t, _, role) =
            one(&Duration, "L'État mènera cette politique pendant les 5 prochaines années.");
        assert_eq!((years(&t), role), (Some(5), DateRole::Other));
        assert_eq!(one(&Duration, "Une aide pour six ans est prévue.").2, DateRole::Other);
        assert_eq!(
            one(&Duration, "Le contrat de ville, d'une durée de 6 ans, a été signé.").0,
            "d'une durée de 6 ans"
        );
    }

    #[test]
    fn not_durations() {
        none(&Duration, "Les cookies sont conservés pour six mois.");
        none(&Duration, "Le critère est le même qu'il y a neuf ans.");
        none(&Duration, "Un habitant depuis vingt ans.");
        none(&Duration, "Une concession pour 99 ans.");
    }
}
