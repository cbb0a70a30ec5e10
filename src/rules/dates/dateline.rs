//! `dates.dateline`: the place and date a press release opens with.
//!
//! Finds, at the start of a line (after Markdown emphasis or heading marks): "Lille, le 22 juin
//! 2015", "LILLE, LE 22 JUIN 2015", "Lille, lundi 22 juin 2015", "Arras – 3 mars 2016", "**Rennes, le 28 juin 2024 – Communiqué de presse**", "*Évry-Courcouronnes, le 23 mai
//! 2024*", "Caen, le 2 avril" (year pending, completed by the family's resolve step), also in
//! the right-hand column of a PDF letterhead ("Service communication      Dunkerque, le 13
//! octobre 2015"). The role
//! is always `publication`. Does not find: a place and date inside a sentence ("Il est né à
//! Lille, le 3 mai"), "Publié le" lines (`dates.issue_line`).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{DATE, Parsed, mention};
use crate::record::DateRole;
use crate::rules::{Candidates, Doc, Rule};

/// The dateline rule.
pub struct Dateline;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.dateline";

/// A place name: capitalised words, with the small words of French place names between them
/// ("Saint-Étienne-du-Rouvray", "Le Havre", "Boulogne sur Mer").
const PLACE: &str = r"\p{Lu}[\p{L}'-]*(?:[ \t](?:(?:sur|sous|lès|lez|les|le|la|de|du|des|en|aux)[ \t])?\p{Lu}[\p{L}'-]*){0,4}";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^(?:[^\n]*?[ \t]{{4}}|[ \t*_#>]*(?i:communiqué|information|dossier)s?[ \t]+de[ \t]+presse[ \t]*[—–:-][ \t]*)?[ \t*_#>]*(?P<place>{PLACE})(?:,|[ \t][–—-])[ \t]+(?i:le[ \t]+)?(?i:{})",
        *DATE
    ))
    .expect("valid regex")
});

impl Rule for Dateline {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        for caps in RE.captures_iter(doc.text()) {
            let (Some(m), Some(place)) = (caps.get(0), caps.name("place")) else { continue };
            if caps.name("mm").is_some() {
                continue;
            }
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            let range = place.start()..m.end();
            out.dates.push(mention(
                doc,
                range,
                self.id(),
                parsed.value(),
                None,
                DateRole::Publication,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[track_caller]
    fn dateline(text: &str) -> (String, String) {
        let (t, v, role) = one(&Dateline, text);
        assert_eq!(role, DateRole::Publication);
        (t, v)
    }

    #[test]
    fn datelines() {
        assert_eq!(
            dateline("Lille, le 22 juin 2015\n"),
            ("Lille, le 22 juin 2015".into(), "2015-06-22".into())
        );
        assert_eq!(dateline("      Douai, le 3 juillet 2015\n").1, "2015-07-03");
        assert_eq!(dateline("**Brest, le 28 juin 2024 – Communiqué de presse**").1, "2024-06-28");
        assert_eq!(dateline("*Évry-Courcouronnes, le 23 mai 2024*").1, "2024-05-23");
        assert_eq!(dateline("Caen, le 2 avril\n").1, "--04-02");
        assert_eq!(dateline("Arras, le 09/10/2023").1, "2023-10-09");
        assert_eq!(dateline("LILLE, LE 22 JUIN 2015").1, "2015-06-22");
        assert_eq!(dateline("Lille, lundi 22 juin 2015").1, "2015-06-22");
        assert_eq!(dateline("Boulogne-sur-Mer – 3 mars 2016").1, "2016-03-03");
        let letterhead = "Service de la communication          Dunkerque, le 13 octobre 2015\n";
        assert_eq!(dateline(letterhead).1, "2015-10-13");
        let after_kind = "*Communiqué de presse — Chalon-sur-Saône, le 4 juillet 2024*\n";
        assert_eq!(dateline(after_kind).1, "2024-07-04");
    }

    #[test]
    fn not_datelines() {
        none(&Dateline, "Le maire est né à Lille, le 3 mai 1960.");
        none(&Dateline, "Publié le 22 juin 2015");
        none(&Dateline, "Lille, le quartier de Fives");
        none(&Dateline, "Lens, 21 quartiers et 19 communes");
        none(&Dateline, "Il habite à Lille, le 3 mai 1960 il signait.");
    }
}
