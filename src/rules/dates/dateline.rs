//! `dates.dateline`: the place and date a press release opens with.
//!
//! Finds, at the start of a line (after Markdown emphasis or heading marks): "Lille, le 22 juin
//! 2015", "LILLE, LE 22 JUIN 2015", "Lille, lundi 22 juin 2015", "Arras – 3 mars 2016", "**Rennes, le 28 juin 2024 – Communiqué de presse**", "*Évry-Courcouronnes, le 23 mai
//! 2024*", "Caen, le 2 avril" (year pending, completed by the family's resolve step), also in
//! the right-hand column of a PDF letterhead ("Service communication      Dunkerque, le 13
//! octobre 2015"). In a page flattened to one line (PDF text), a place and complete date near its
//! top that a lost line break opens and a capitalised word or a dash closes ("Communiqué de
//! presse Lille, le 22 juin 2015 Le préfet…"). The role is always `publication`. Does not find: a place and date inside a sentence ("Il est né à
//! Lille, le 3 mai"), "Publié le" lines (`dates.issue_line`).

use std::sync::LazyLock;

use crate::rules::text::{Captures, Regex};

use super::{DATE, Parsed, mention};
use crate::record::DateRole;
use crate::rules::{Candidates, Doc, Rule};

/// The dateline rule.
pub struct Dateline;

/// This rule's id, in its evidence.
pub const ID: &str = "dates.dateline";

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

/// In a page flattened to one line (PDF text), a place and a complete date at its top that a
/// lost line break opens and a capitalised word, a dash or the end closes ("Communiqué de
/// presse Lille, le 22 juin 2015 Le préfet…").
static FLAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?P<place>{PLACE}),[ \t]+(?i:le[ \t]+)?(?i:{})[ \t]*(?:$|[–—-]|\p{{Lu}})",
        *DATE
    ))
    .expect("valid regex")
});

impl Rule for Dateline {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let before = out.dates.len();
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
        if out.dates.len() == before
            && let Some(top) = super::flat_top(doc.text())
        {
            flat(doc, top, out);
        }
    }
}

/// [`FLAT`]'s first dateline in the `top` of a page flattened to one line.
fn flat(doc: &Doc, top: std::ops::Range<usize>, out: &mut Candidates) {
    let text = doc.text();
    let place_to_end = |c: &Captures| Some(c.name("place")?.start()..c.get(0)?.end());
    if let Some((range, parsed)) = super::first_flat_date(text, top, &FLAT, place_to_end) {
        let range = range.start..range.start + text[range.clone()].trim_end().len();
        out.dates.push(mention(doc, range, ID, parsed.value(), None, DateRole::Publication));
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

    /// `text` after a long enough flattened opening for a page without its lines.
    fn flat(text: &str) -> String {
        let body = "Le contrat engage les partenaires de la ville pour les quartiers. ".repeat(8);
        format!("{text} {body}")
    }

    #[test]
    fn datelines_of_a_flattened_page() {
        let page = flat("Communiqué de presse Lille, le 22 juin 2015 Le préfet a signé");
        assert_eq!(dateline(&page).1, "2015-06-22");
        let page = flat("Préfecture du Nord Douai, le 3 juillet 2015 – Signature du contrat");
        assert_eq!(dateline(&page).1, "2015-07-03");
    }

    #[test]
    fn not_datelines_of_a_flattened_page() {
        none(&Dateline, &flat("Le maire est né à Lille, le 3 mai 1960 Le préfet a signé"));
        none(&Dateline, &flat("Les élus de Lille, le 3 mai 2015 Le préfet a signé"));
        none(&Dateline, &flat("Le contrat est signé à Lille, le 3 mai 2015, par le préfet"));
        none(&Dateline, &flat("Le contrat. Lille, le 3 mai 2015, le préfet a signé"));
        let deep = format!("{} Lille, le 3 mai 2015 Le préfet.", flat("Le contrat"));
        none(&Dateline, &deep);
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
