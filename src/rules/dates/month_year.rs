//! `dates.month_year`: a month and its year, without a day.
//!
//! Finds: "en juin 2015", "signé en juillet 2015", "JANVIER 2016", with month precision and the
//! role its sentence gives it. Does not find: a month inside a full date ("22 juin 2015" is
//! `dates.absolute`), a month without a year ("en mai dernier" is `dates.relative`), "Fiche
//! rédigée en janvier 2016" (`dates.issue_line` takes precedence).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{DATE, Parsed, context, mention};
use crate::rules::{Candidates, Doc, Rule};

/// The month rule.
pub struct MonthYear;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.month_year";

static RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", *DATE)).expect("valid regex"));

impl Rule for MonthYear {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            if caps.name("mm").is_none() {
                continue;
            }
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            let role = context::point_role(text, &m.range());
            out.dates.push(mention(doc, m.range(), self.id(), parsed.value(), None, role));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn months_with_a_year() {
        assert_eq!(
            one(&MonthYear, "Le contrat a été signé en juillet 2015 par 30 partenaires."),
            ("juillet 2015".into(), "2015-07".into(), Signature)
        );
        assert_eq!(one(&MonthYear, "Le quartier a changé en juin 2015.").1, "2015-06");
        assert_eq!(one(&MonthYear, "BILAN DE DÉCEMBRE 2016").1, "2016-12");
        assert_eq!(one(&MonthYear, "Point d'étape en sept. 2016.").1, "2016-09");
    }

    #[test]
    fn not_months() {
        none(&MonthYear, "La réunion du 22 juin 2015.");
        none(&MonthYear, "Signé en mai dernier.");
        none(&MonthYear, "Il y a 2015 habitants en mai.");
    }
}
