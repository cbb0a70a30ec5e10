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

/// Capitalised words that open a sentence with its day, not a place: "Hier, jeudi 27 juin, le
/// quartier est entré …", "Ce jeudi 3 juillet, …".
const TIME_WORDS: [&str; 8] =
    ["Hier", "Avant-hier", "Aujourd'hui", "Aujourd’hui", "Demain", "Ce", "Depuis", "Dès"];

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
            if caps.name("mm").is_some() || TIME_WORDS.contains(&place.as_str()) {
                continue;
            }
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            let range = place.start()..m.end();
            // Below the page's own dateline, one of an earlier day heads a part of the page
            // about what happened there ("Arras, le 10 juillet 2015" … "À Marquise, le
            // vendredi 3 juillet"): no second issue date, but an event, the signing when the
            // sentence after it tells one ("… a signé le contrat").
            let value = parsed.value();
            let heading =
                out.dates[before..].first().is_some_and(|own| earlier(&value.0, &own.value));
            let role = match heading {
                false => DateRole::Publication,
                true if signing_below(doc.text(), range.end) => DateRole::Signature,
                true => DateRole::Event,
            };
            out.dates.push(mention(doc, range, self.id(), value, None, role));
        }
        if out.dates.len() == before
            && let Some(top) = super::flat_top(doc.text())
        {
            flat(doc, top, out);
        }
    }
}

/// Whether the paragraph below a heading ending at `end` tells a signing done ("Mme X a signé
/// le contrat", "qui a représenté l'État lors de la signature du contrat", "ont apposé leur
/// signature"), not one to come ("la signature du contrat est prévue").
fn signing_below(text: &str, end: usize) -> bool {
    static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:(?:a|ont)\s+(?:\p{L}+\s+)?(?:signé|paraphé|cosigné|apposé)|lors\s+de\s+la\s+signature)(?:[^\p{L}]|$)",
        )
        .expect("valid regex")
    });
    let rest = text[end..].trim_start_matches([' ', '\t', '\n']);
    let paragraph = &rest[..rest.find('\n').unwrap_or(rest.len())];
    SIGNED.find(paragraph).is_some_and(|m| !super::context::signing_to_come(paragraph, &m.range()))
}

/// Whether the day `value` ("2015-07-03", or "--07-03" with its year pending) comes before
/// `own`'s; a pending year compares the month and day.
fn earlier(value: &str, own: &str) -> bool {
    let day = |v: &str| v.len() == 10 || v.len() == 7 && v.starts_with("--");
    if !day(value) || !day(own) {
        return false;
    }
    let month_day = |v: &str| v[v.len() - 5..].to_owned();
    if value.len() == 7 || own.len() == 7 { month_day(value) < month_day(own) } else { value < own }
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

    #[test]
    fn a_day_opening_a_sentence_is_no_dateline() {
        none(&Dateline, "Hier, jeudi 27 juin, le quartier est entré dans le dispositif.\n");
        none(&Dateline, "Aujourd'hui, le 3 juillet 2015, la préfète signe.\n");
    }

    #[test]
    fn datelines_of_earlier_days_below_the_page_s_own_head_its_parts() {
        let roles = |text: &str| -> Vec<(String, DateRole)> {
            let out =
                crate::rules::testing::run(&[&Dateline], text, crate::record::Format::Text, None);
            out.dates.into_iter().map(|d| (d.value, d.role)).collect()
        };
        let text = "Arras, le 10 juillet 2015\nDeux contrats.\nÀ Marquise, le vendredi 3 juillet\n\
                    La préfète a signé le contrat de ville.\nÀ Étaples, le jeudi 9 juillet\n\
                    Les partenaires se sont réunis.\n";
        let found = roles(text);
        assert_eq!(found[0].1, DateRole::Publication);
        assert_eq!(found[1].1, DateRole::Signature, "a signing told below it");
        assert_eq!(found[2].1, DateRole::Event, "no signing told below it");
        // The same day again (a page's header and footer) stays the page's date; a later
        // day too.
        let text = "Arras, le 10 juillet 2015\nLe contrat.\nArras, le 10 juillet 2015\n";
        assert!(roles(text).iter().all(|(_, r)| *r == DateRole::Publication));
        let text = "Arras, le 10 juillet 2015\nLe contrat.\nLille, le 12 juillet 2015\n";
        assert!(roles(text).iter().all(|(_, r)| *r == DateRole::Publication));
        // A signing to come is none.
        let text = "Arras, le 10 juillet 2015\nDeux contrats.\nÀ Marquise, le vendredi 3 juillet\n\
                    La préfète a présenté le contrat, qui sera signé en septembre.\n";
        assert_eq!(roles(text)[1].1, DateRole::Event);
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
