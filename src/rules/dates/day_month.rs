//! `dates.day_month`: a date written without its year.
//!
//! Finds: "ce lundi 22 juin", "le mardi 24 septembre", "Jeudi 5 octobre", "le 26 juin", with the
//! role its sentence gives it (see `dates.absolute`). The value is pending (`--06-22`) until the
//! family's resolve step completes the year from the document's date, a period it names, other
//! dates, and checks it against the weekday. Does not find: dates with a year
//! (`dates.absolute`), datelines (`dates.dateline`), recurring days ("le premier mardi de chaque
//! mois"), opening hours ("du lundi au vendredi").

use std::sync::LazyLock;

use regex::Regex;

use super::{DATE, Parsed, context, mention};
use crate::rules::{Candidates, Doc, Rule};

/// The year-less date rule.
pub struct DayMonth;

static RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", *DATE)).expect("valid regex"));

impl Rule for DayMonth {
    fn id(&self) -> &'static str {
        "dates.day_month"
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            if parsed.year.is_some() || parsed.day.is_none() {
                continue;
            }
            // "12 000 mai" is not a date: the day must not continue a number.
            if text[..m.start()].trim_end_matches(' ').ends_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
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
    fn year_less_dates_are_pending() {
        assert_eq!(
            one(&DayMonth, "Le préfet a signé, ce lundi 22 juin, le contrat de ville."),
            ("lundi 22 juin".into(), "--06-22".into(), Signature)
        );
        assert_eq!(
            one(&DayMonth, "Jeudi 5 octobre, le conseil communautaire a adopté le cadre."),
            ("Jeudi 5 octobre".into(), "--10-05".into(), Event)
        );
        assert_eq!(one(&DayMonth, "Signé le mardi 24 septembre au centre culturel.").1, "--09-24");
        assert_eq!(one(&DayMonth, "ce mercredi 1er juillet, à l'hôtel").1, "--07-01");
        assert_eq!(one(&DayMonth, "Le 29 février, rien.").1, "--02-29");
    }

    #[test]
    fn not_year_less_dates() {
        none(&DayMonth, "Signé le mardi 24 septembre 2024.");
        none(&DayMonth, "Le conseil se réunit le premier mardi de chaque mois.");
        none(&DayMonth, "Ouvert du lundi au vendredi, de 8 h 30 à 17 h.");
        none(&DayMonth, "Le 31 avril n'existe pas.");
        none(&DayMonth, "Tél. : 03 20 12 34 56");
    }
}
