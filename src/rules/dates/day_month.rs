//! `dates.day_month`: a date written without its year.
//!
//! Finds: "ce lundi 22 juin", "le mardi 24 septembre", "Jeudi 5 octobre", "le 26 juin", with the
//! role its sentence gives it (see `dates.absolute`). The value is pending (`--06-22`) until the
//! family's resolve step completes the year from the document's date, a period it names, other
//! dates, and checks it against the weekday. Does not find: dates with a year
//! (`dates.absolute`), datelines (`dates.dateline`), recurring days ("le premier mardi de chaque
//! mois"), opening hours ("du lundi au vendredi").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{DATE, Parsed, context, mention};
use crate::rules::{Candidates, Doc, Rule};

/// The year-less date rule.
pub struct DayMonth;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.day_month";

static RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", *DATE)).expect("valid regex"));

static SIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s+(?:prochain|dernier)\b").expect("valid regex"));

/// Whether the mention says its date is still to come ("le 5 octobre prochain"): `Some(true)`,
/// past ("le 30 juin dernier"): `Some(false)`, or neither.
pub(super) fn upcoming(text: &str) -> Option<bool> {
    let last = text.split_whitespace().last()?.to_lowercase();
    match last.as_str() {
        "prochain" => Some(true),
        "dernier" => Some(false),
        _ => None,
    }
}

impl Rule for DayMonth {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            if parsed.year.is_some() || parsed.day.is_none() {
                continue;
            }
            // "12 000 mai" is not a date: the day must not continue a number. A weekday opens
            // the date and ends any number before it ("… à l'horizon 2030 Lundi 25 mars", a
            // page flattened to one line).
            if m.as_str().starts_with(|c: char| c.is_ascii_digit())
                && text[..m.start()].trim_end_matches(' ').ends_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            // "le 5 octobre prochain", "le 30 juin dernier": the word says on which side of the
            // document's date it falls; keep it in the mention for the resolve step.
            let end = SIDE.find(&text[m.end()..]).map_or(m.end(), |s| m.end() + s.end());
            let range = m.start()..end;
            let role = context::point_role(text, &range);
            out.dates.push(mention(doc, range, self.id(), parsed.value(), None, role));
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
        let (t, _, _) = one(&DayMonth, "Il sera signé le 5 octobre prochain.");
        assert_eq!((t.as_str(), upcoming(&t)), ("5 octobre prochain", Some(true)));
        assert_eq!(upcoming(&one(&DayMonth, "Signé le 30 juin dernier.").0), Some(false));
        // A title's year run into the next line's weekday (a page flattened to one line).
        assert_eq!(
            one(&DayMonth, "Contrat de ville 2024-2030 Lundi 25 mars, l'agglo a signé.").1,
            "--03-25"
        );
    }

    #[test]
    fn not_year_less_dates() {
        none(&DayMonth, "Signé le mardi 24 septembre 2024.");
        none(&DayMonth, "Le conseil se réunit le premier mardi de chaque mois.");
        none(&DayMonth, "Ouvert du lundi au vendredi, de 8 h 30 à 17 h.");
        none(&DayMonth, "Le 31 avril n'existe pas.");
        none(&DayMonth, "Tél. : 03 20 12 34 56");
        none(&DayMonth, "Le lot 2 15 mars est vendu.");
    }
}
