//! `dates.absolute`: a complete date in the running text.
//!
//! Finds: "22 juin 2015", "lundi 22 juin 2015", "1er juillet 2015", "30 sept. 2015",
//! "22 JUIN 2015", "09/10/2023", "06.07.2015", "2015-06-22"; its role comes from the nearest cue
//! in its sentence ("signé le" → signature, "approuvé par le conseil" → event, "décret du" →
//! event, "attendue" → deadline, else other). Does not find: phone numbers ("03 20 12 34 56",
//! "06.12.34.56.78"), impossible dates ("31/02/2015"), dates without a year (`dates.day_month`),
//! datelines and "Publié le" lines (`dates.dateline`, `dates.issue_line` take precedence).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{DATE, Parsed, context, inside_number_run, mention};
use crate::rules::{Candidates, Doc, Rule};

/// The complete-date rule.
pub struct AbsoluteDate;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.absolute";

static RE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("(?i){}", *DATE)).expect("valid regex"));

impl Rule for AbsoluteDate {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            if parsed.year.is_none() || parsed.day.is_none() {
                continue;
            }
            let numeric = caps.name("ny").is_some() || caps.name("iy").is_some();
            if numeric && inside_number_run(text, &m.range()) {
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

    #[track_caller]
    fn value(text: &str) -> String {
        one(&AbsoluteDate, text).1
    }

    #[test]
    fn written_dates() {
        assert_eq!(value("La réunion du 22 juin 2015 a eu lieu à Douai."), "2015-06-22");
        assert_eq!(value("Il s'est tenu le 1er juillet 2015."), "2015-07-01");
        assert_eq!(value("Ce lundi 22 juin 2015, rien."), "2015-06-22");
        assert_eq!(value("Rendez-vous le 30 sept. 2015 au matin."), "2015-09-30");
        assert_eq!(value("Réunion le 12 janv. 2016."), "2016-01-12");
        assert_eq!(value("FAIT À DOUAI LE 22 JUIN 2015"), "2015-06-22");
        assert_eq!(value("Le 3 février 2024, rien."), "2024-02-03");
    }

    #[test]
    fn numeric_dates() {
        assert_eq!(value("Date de signature : 06/07/2015"), "2015-07-06");
        assert_eq!(value("Séance du 09/10/2023."), "2023-10-09");
        assert_eq!(value("Séance du 2015-06-22."), "2015-06-22");
        assert_eq!(value("Séance du 06.07.2015."), "2015-07-06");
        // A year of two digits, as bylines and short notes write it.
        assert_eq!(value("Le contrat a été signé le 12/04/24 en mairie."), "2024-04-12");
        assert_eq!(value("Publié le 03.06.15 à 10h"), "2015-06-03");
    }

    #[test]
    fn roles_come_from_the_sentence() {
        assert_eq!(one(&AbsoluteDate, "Le contrat a été signé le 30 juin 2015.").2, Signature);
        assert_eq!(one(&AbsoluteDate, "Date de signature : 30 juin 2015").2, Signature);
        assert_eq!(
            one(&AbsoluteDate, "Il a été approuvé par le conseil métropolitain le 29 juin 2015.").2,
            Event
        );
        assert_eq!(
            one(&AbsoluteDate, "La carte fixée par le décret du 28 décembre 2023.").2,
            Event
        );
        assert_eq!(one(&AbsoluteDate, "La Métropole a été créée le 1er janvier 2015.").2, Event);
        assert_eq!(one(&AbsoluteDate, "La fête de quartier du 4 mai 2015 a plu.").2, Other);
    }

    #[test]
    fn not_dates() {
        none(&AbsoluteDate, "Tél. : 03 20 12 34 56");
        none(&AbsoluteDate, "Portable : 06.12.34.56.78");
        none(&AbsoluteDate, "Portable : 06.12.24.56.78");
        none(&AbsoluteDate, "Version 1.2.35 du logiciel.");
        none(&AbsoluteDate, "Le score de 12/04/31 reste rare.");
        none(&AbsoluteDate, "Cité 10 - Sains-en-Gohelle ; Habitat 62/59");
        none(&AbsoluteDate, "Le 31/02/2015 n'existe pas.");
        none(&AbsoluteDate, "Ouvert du lundi au vendredi de 9 h à 17 h.");
        none(&AbsoluteDate, "Signé le mardi 24 septembre.");
        none(&AbsoluteDate, "Fiche rédigée en janvier 2016.");
    }
}
