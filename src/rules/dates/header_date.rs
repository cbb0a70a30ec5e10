//! `dates.header_date`: a date standing alone on a line at the top of a page.
//!
//! Finds, among the first lines of the document, a line that holds nothing but a complete date
//! ("22 juin 2015", "Lundi 22 juin 2015", "Le 09/10/2023", "*22/06/2015*", with its time: "Le
//! 03/04/2024 à 10h12", "Mercredi 18/06/2024"), or follows a short lead and a separator on it
//! ("Actualité | 18.06.2024", "Rédaction web, 18/06/2024"), or follows a byline and a dash
//! ("Par notre correspondant - 18/06/2024", "Par la rédaction – 18 juin 2024"), or opens a line of
//! page metadata with it ("2024-10-14 | Cohésion sociale | Lecture : 4 min"), or comes before a
//! dash and the update or the byline ("Le 05/04/2024 à 11h20 - Mis à jour le 06/04/2024",
//! "Jeudi 18 avril 2024 - Par Lucie Martin", "Le 01/07/2015 à 05:58 par Lucie Martin"): news
//! pages print
//! their issue date this way, so the role is `publication`. A first line that opens with a month
//! and its year before a dash ("Juin 2015 – Le premier contrat signé") gives the issue month.
//! A page flattened to one line (PDF text) has no lines to stand alone on: there the first
//! complete date of its top that a lost line break opens (no "le", "du", "depuis" before it) and
//! a capitalised word or a separator closes ("… pour les quartiers 20 mars 2024 Autour des
//! élus…") is its issue date. Does not find: a date inside a sentence, a date on a labelled
//! line ("Date de signature : 06/07/2015"), a year-less date, a date further down the page.

use std::sync::LazyLock;

use crate::rules::text::{Captures, Regex};

use super::{DATE, Parsed, mention};
use crate::record::DateRole;
use crate::rules::alternation;
use crate::rules::{Candidates, Doc, Rule};

/// The header-date rule.
pub struct HeaderDate;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.header_date";

/// How many non-empty lines count as the top of the page.
const TOP_LINES: usize = 12;

/// How many first non-empty lines may hold a newspaper's folio ([`FOLIO`]).
const FOLIO_LINES: usize = 2;

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^[\s*_#>]*(?:[^\n|·•,:;.!?]{{1,40}}?[ \t]*[|·•,][ \t]*|(?i:par)[ \t][^\n|·•,:;.!?]{{1,40}}?[ \t]+[-–—][ \t]*)?(?:le\s+)?(?:{wd}\s+)??(?P<date>{})(?:(?:,?\s+(?:à\s+|-\s+)?|T)\d{{1,2}}\s*[h:]\s*(?:\d\d)?(?::\d\d)?)?[\s*_.]*(?:$|[|·•][^\n]*$|[ \t]*[-–—][ \t]*(?:{updates}|par)\b[^\n]*$|[ \t]+par[ \t]+(?-i:\p{{Lu}})[^\n]*$)", *DATE, wd = *super::lexicon::WEEKDAY, updates = alternation(super::issue_line::update_cues())))
        .expect("valid regex")
});

/// A title opening with a month and its year ("Juin 2015 – Le premier contrat signé"): the
/// issue of a newsletter or a resource page.
static TITLE_MONTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^[\s*_#>]*(?P<date>{})[ \t]*[-–—:|][ \t]*\S", *DATE))
        .expect("valid regex")
});

/// In a page flattened to one line (PDF text), a complete date at its top that a lost line
/// break opens, with its time, then closes: a capitalised word, a separator or the end follows
/// ("… pour les quartiers 20 mars 2024 Autour des…", "… Le 03/04/2024 à 10h12 Le maire…").
static FLAT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\bLe[ \t]+)?(?:(?i:{wd})[ \t]+)?(?P<date>(?i:{}))(?:,?[ \t]+(?:à[ \t]+|-[ \t]+)?\d{{1,2}}[ \t]*[h:][ \t]*(?:\d\d)?)?[ \t]*(?:$|[|·•–—-]|\p{{Lu}})",
        *DATE,
        wd = *super::lexicon::WEEKDAY
    ))
    .expect("valid regex")
});

/// A printed newspaper's folio, as its PDF text gives it on an upper-case top line: the paper's
/// name, the issue's weekday and date, the page number, the section ("LE COURRIER DU NORD
/// MARDI 3 MARS 2015 12 DOUAI ET ENVIRONS", "JEUDI 2 JUILLET 2015 - 5"). The weekday and the
/// page number after the date tell it from an upper-case headline that dates an event
/// ("SIGNATURE DU CONTRAT LE MARDI 3 MARS 2015").
static FOLIO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[\s*_#>]*(?:[^\n]*?(?P<prev>[^\s\d]\S*)[ \t]+)??(?P<date>{})[ \t]*[-–—|·•]?[ \t]*\d{{1,3}}(?:[ \t]+[^\s\d:%€]\S*(?:[ \t]+\S+)*)?[ \t]*$",
        *DATE
    ))
    .expect("valid regex")
});

/// A magazine's running header with its issue number and month, on one of the first lines of its
/// PDF text ("12 VIVRE À X LE MAG N°22 JANVIER 2016", "Le Journal – n° 145 – mars 2024"): the
/// issue's month.
static ISSUE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:\bn°|\bnuméro)[ \t]*\d{{1,4}}\b[ \t]*[-–—|·•,]?[ \t]*(?P<date>{})[ \t]*(?:[-–—|·•][^\n]*)?$",
        *DATE
    ))
    .expect("valid regex")
});

/// Words that put a date of [`FOLIO`] inside a headline's sentence: the day of an event.
const FOLIO_NOT_AFTER: &[&str] =
    &["le", "du", "au", "ce", "dès", "depuis", "jusqu'au", "avant", "après", "pour", "et", "à"];

/// [`FOLIO`]'s date on an upper-case `line`, with its weekday, not after a linking word, nor
/// before a time ("10 H").
fn folio(line: &str) -> Option<(std::ops::Range<usize>, Parsed)> {
    if line.chars().any(char::is_lowercase) {
        return None;
    }
    let caps = FOLIO.captures(line)?;
    let date = caps.name("date")?;
    caps.name("wd")?;
    let prev = caps.name("prev").map(|p| p.as_str().to_lowercase());
    if prev.is_some_and(|p| FOLIO_NOT_AFTER.contains(&p.as_str())) {
        return None;
    }
    let rest = line[date.end()..].trim_start_matches([' ', '\t', '-', '–', '—', '|', '·', '•']);
    let after_number = rest.trim_start_matches(|c: char| c.is_ascii_digit()).trim_start();
    if after_number.starts_with(['H', 'h'])
        && !after_number.chars().nth(1).is_some_and(char::is_alphabetic)
        || after_number.to_lowercase().starts_with("heure")
    {
        return None;
    }
    let parsed = Parsed::from_captures(&caps)?;
    (parsed.year.is_some() && parsed.day.is_some()).then(|| (date.range(), parsed))
}

/// A signature line ("Fait à Reims, le 1/7/2024", "Signé à Blois,le 2 juillet 2015" with its
/// space lost): the day the contract was signed, not the page's issue date, even when the page
/// flattened from a PDF puts it among its first lines.
static SIGNED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[\s*_#>]*(?:fait|signée?)\s+(?:à|a)\s").expect("valid regex")
});

/// The heading of a block of links to other pages ("À lire aussi", "Sur le même sujet"): the
/// dates under it are those pages' dates.
static RELATED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s*_#>]*(?:à\s+(?:lire|découvrir|voir)\s+(?:aussi|également)|(?:lire|voir)\s+aussi|sur\s+le\s+même\s+(?:sujet|thème)|dans\s+la\s+même\s+rubrique|articles?\s+(?:similaires|liés|associés)|(?:nos\s+)?derniers\s+articles|les\s+plus\s+lus)\b",
    )
    .expect("valid regex")
});

impl Rule for HeaderDate {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let before = out.dates.len();
        self.by_line(doc, out);
        if out.dates.len() == before
            && let Some(top) = super::flat_top(text)
        {
            flat(doc, top, out);
        }
    }
}

impl HeaderDate {
    /// The dates standing alone on the first lines, or opening the first line.
    fn by_line(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let mut offset = 0;
        let mut seen = 0;
        let mut found = Vec::new();
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            if line.trim().is_empty() {
                continue;
            }
            seen += 1;
            if seen > TOP_LINES {
                break;
            }
            let line = line.trim_end_matches(['\n', '\r']);
            if RELATED.is_match(line) {
                break;
            }
            if seen == 1
                && let Some(caps) = TITLE_MONTH.captures(line)
                && let (Some(date), Some(parsed)) =
                    (caps.name("date"), Parsed::from_captures(&caps))
                && parsed.year.is_some()
                && parsed.day.is_none()
            {
                let range = start + date.start()..start + date.end();
                let role = DateRole::Publication;
                out.dates.push(mention(doc, range, self.id(), parsed.value(), None, role));
                continue;
            }
            if SIGNED_AT.is_match(line) {
                continue;
            }
            if seen <= FOLIO_LINES
                && let Some(caps) = ISSUE_NUMBER.captures(line)
                && let (Some(date), Some(parsed)) =
                    (caps.name("date"), Parsed::from_captures(&caps))
                && parsed.year.is_some()
            {
                found.push((start + date.start()..start + date.end(), parsed.value(), false));
                continue;
            }
            if seen <= FOLIO_LINES
                && let Some((date, parsed)) = folio(line)
            {
                found.push((start + date.start..start + date.end, parsed.value(), false));
                continue;
            }
            let Some(caps) = RE.captures(line) else { continue };
            let Some(date) = caps.name("date") else { continue };
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            if parsed.year.is_none() || parsed.day.is_none() {
                continue;
            }
            let range = start + date.start()..start + date.end();
            let row = line[date.end()..].contains('|');
            found.push((range, parsed.value(), row));
        }
        // Two rows or more of a table that open with a date ("3 juillet 2015 | Laon | …") are
        // a calendar's dates, not the page's.
        let calendar = found.iter().filter(|(_, _, row)| *row).count() >= 2;
        for (range, value, row) in found {
            if !(calendar && row) {
                let role = DateRole::Publication;
                out.dates.push(mention(doc, range, self.id(), value, None, role));
            }
        }
    }
}

/// [`FLAT`]'s first date in the `top` of a page flattened to one line.
fn flat(doc: &Doc, top: std::ops::Range<usize>, out: &mut Candidates) {
    let date = |c: &Captures| c.name("date").map(|d| d.range());
    if let Some((range, parsed)) = super::first_flat_date(doc.text(), top, &FLAT, date) {
        out.dates.push(mention(doc, range, ID, parsed.value(), None, DateRole::Publication));
    }
}

#[cfg(test)]
mod flat_tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    /// `text` after a long enough flattened opening for a page without its lines.
    fn flat(text: &str) -> String {
        let body = "Le contrat engage les partenaires de la ville pour les quartiers. ".repeat(8);
        format!("{text} {body}")
    }

    #[test]
    fn a_date_at_the_top_of_a_flattened_page() {
        let page =
            flat("Actualités Le contrat de ville signé 20 mars 2024 Autour des élus, le préfet");
        assert_eq!(one(&HeaderDate, &page).1, "2024-03-20");
        let page = flat("Le contrat de ville est signé Le 03/04/2024 à 10h12 Le maire a réuni");
        assert_eq!(one(&HeaderDate, &page).1, "2024-04-03");
        let page = flat("Par la rédaction – Mercredi 18 juin 2024 | Actualités Le maire signe");
        assert_eq!(one(&HeaderDate, &page).1, "2024-06-18");
    }

    #[test]
    fn not_a_date_at_the_top_of_a_flattened_page() {
        // Inside a sentence: after "le", "du", a comma; followed by lower case.
        none(&HeaderDate, &flat("Le maire a signé le 20 mars 2024 Le contrat est prêt."));
        none(&HeaderDate, &flat("Le contrat court depuis le 1er janvier 2015 La ville suit."));
        none(&HeaderDate, &flat("La loi du 21 février 2014 Le contrat suit la loi."));
        none(&HeaderDate, &flat("Signé à Blois, 20 mars 2024 Le contrat."));
        none(&HeaderDate, &flat("Le contrat signé 20 mars 2024 a engagé la ville."));
        // Beyond the top of the page.
        let deep = format!("{} 20 mars 2024 Autour des élus.", flat("Le contrat"));
        none(&HeaderDate, &deep);
    }
}

#[cfg(test)]
mod metadata_tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn a_title_opening_with_a_month() {
        let (_, value, role) = one(&HeaderDate, "Mars 2016 – Le contrat de ville est signé\n");
        assert_eq!((value.as_str(), role), ("2016-03", DateRole::Publication));
        none(&HeaderDate, "Actualités\nMars 2016 – Le contrat de ville est signé\n");
        none(&HeaderDate, "Mars 2016 a vu la signature du contrat\n");
    }

    #[test]
    fn a_date_and_time_before_a_byline_without_a_dash() {
        let page = "Pont-de-Vaux : le contrat est signé\nLe 01/07/2015 à 05:58 par Lucie Martin\n";
        let (_, value, role) = one(&HeaderDate, page);
        assert_eq!((value.as_str(), role), ("2015-07-01", DateRole::Publication));
        // "par" and a lower-case word: a sentence, not a byline.
        none(&HeaderDate, "Le 01/07/2015 à 05:58 par la préfète en personne.\n");
    }

    #[test]
    fn a_date_opening_a_metadata_line() {
        let (_, value, role) =
            one(&HeaderDate, "2024-10-14 | Cohésion sociale | Lecture : 4 min\n");
        assert_eq!((value.as_str(), role), ("2024-10-14", DateRole::Publication));
        none(&HeaderDate, "2024-10-14 : le contrat est signé à Besançon.\n");
    }

    #[test]
    fn a_newspaper_folio_on_the_first_line() {
        for (folio, date) in [
            ("LE COURRIER DU NORD MARDI 3 MARS 2015 12 DOUAI ET ENVIRONS", "2015-03-03"),
            ("L'ÉCHO DE LA VALLÉE – JEUDI 2 JUILLET 2015 – 5", "2015-07-02"),
            ("SAMEDI 14 NOVEMBRE 2015 21", "2015-11-14"),
        ] {
            let page = format!("{folio}\nLa ville signe son contrat de ville\n");
            assert_eq!(one(&HeaderDate, &page).1, date, "{folio}");
        }
        // An upper-case headline dating an event, a date without a weekday or a page number, a
        // time after the date.
        for headline in [
            "SIGNATURE DU CONTRAT LE MARDI 3 MARS 2015 12 PARTENAIRES",
            "LE COURRIER DU NORD 3 MARS 2015 12 DOUAI",
            "LE COURRIER DU NORD MARDI 3 MARS 2015 DOUAI",
            "RENDEZ-VOUS MARDI 3 MARS 2015 10 H EN MAIRIE",
            "Le Courrier mardi 3 mars 2015 12 Douai",
        ] {
            none(&HeaderDate, &format!("{headline}\nLa ville signe son contrat de ville\n"));
        }
    }

    #[test]
    fn a_magazine_header_with_its_issue_number() {
        for (header, date) in [
            ("8 VIVRE À LENS LE MAG N°41 MARS 2016", "2016-03"),
            ("Le Journal de la Ville – n° 145 – mars 2024 – page 6", "2024-03"),
        ] {
            let page = format!("{header}\nLa ville signe son contrat de ville\n");
            let (_, value, role) = one(&HeaderDate, &page);
            assert_eq!((value.as_str(), role), (date, DateRole::Publication), "{header}");
        }
        // Deep in the page, or a number that is no issue's.
        none(&HeaderDate, "Actualités\nLa ville signe\nLe contrat\nLE MAG N°41 MARS 2016\nSuite\n");
        none(&HeaderDate, "Le décret n° 2014-1750 de décembre 2014 fixe la liste\n");
    }

    #[test]
    fn dated_rows_of_a_table_are_a_calendar() {
        let page = "Les signatures\nDate | Territoire\n2 mars 2016 | Laval Agglomération\n\
                    9 mars 2016 | Ville de Sablé\n";
        none(&HeaderDate, page);
        let page = "Titre\n2 mars 2016 | Actualités\nLe contrat de ville est signé.\n";
        assert_eq!(one(&HeaderDate, page).1, "2016-03-02");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn dates_alone_at_the_top() {
        let page = "Actualités\n\nLundi 22 juin 2015\n\nLe contrat de ville est signé\n";
        assert_eq!(
            one(&HeaderDate, page),
            ("Lundi 22 juin 2015".into(), "2015-06-22".into(), DateRole::Publication)
        );
        assert_eq!(one(&HeaderDate, "Titre\n*Le 09/10/2023*\n").1, "2023-10-09");
        assert_eq!(one(&HeaderDate, "Titre\nLe 09/10/2023 à 10h12\n").1, "2023-10-09");
        assert_eq!(one(&HeaderDate, "Titre\n9 octobre 2023 - 18:30\n").1, "2023-10-09");
        assert_eq!(one(&HeaderDate, "Titre\n2023-10-09 18:30\n").1, "2023-10-09");
        assert_eq!(one(&HeaderDate, "Titre\nMercredi 18/06/2024\n").1, "2024-06-18");
        assert_eq!(one(&HeaderDate, "Titre\nActualité | 18.06.2024\n").1, "2024-06-18");
        assert_eq!(one(&HeaderDate, "Titre\nRédaction web, 18/06/2024\n").1, "2024-06-18");
        // Before a dash and the update or the byline.
        let t = "Titre\nPar Léa Roux\nLe 12/03/2024 à 09h40 - Mis à jour le 13/03/2024 à 10h02\n";
        assert_eq!(one(&HeaderDate, t).1, "2024-03-12");
        assert_eq!(
            one(&HeaderDate, "Titre\nMardi 9 avril 2024 – Par Paul Nadal\n").1,
            "2024-04-09"
        );
        assert_eq!(one(&HeaderDate, "Titre\nLens, le 3/7/2024\n").1, "2024-07-03");
        assert_eq!(one(&HeaderDate, "Titre\nil y a 3 jours | 18 juin 2024\n").1, "2024-06-18");
        // A byline, then a dash.
        assert_eq!(
            one(&HeaderDate, "Titre\nPar notre correspondant - 18/06/2024\n").1,
            "2024-06-18"
        );
        assert_eq!(one(&HeaderDate, "Titre\nPar la rédaction – 18 juin 2024\n").1, "2024-06-18");
    }

    #[test]
    fn not_header_dates() {
        none(&HeaderDate, "Date de signature : 06/07/2015\n");
        none(&HeaderDate, "Le contrat a été signé le 22 juin 2015.\n");
        none(&HeaderDate, "Caen, le 2 avril\n2 avril\n");
        none(&HeaderDate, "Titre\nFait à Lens,le 3/7/2024\n");
        none(&HeaderDate, "Titre\nSigné à Blois, le 2 juillet 2015\n");
        none(&HeaderDate, "Durée\n2015-2020\n");
        none(&HeaderDate, "Le 09/10/2023 à 10h12, le maire a signé le contrat.\n");
        none(&HeaderDate, "Le maire a signé le contrat, le 18/06/2024 à Blois.\n");
        none(&HeaderDate, "Signature du contrat de ville : 18/06/2024\n");
        none(&HeaderDate, "Signature du contrat de ville – 18/06/2024\n");
        none(&HeaderDate, "Parcours du contrat - 18/06/2024\n");
        // A calendar line: a date, a dash, then what happened.
        none(&HeaderDate, "Titre\n12 juin 2015 - Partage du diagnostic avec les habitants\n");
        none(&HeaderDate, "Le contrat est signé.\nÀ lire aussi...\n4 mars 2024\nUn autre sujet\n");
        none(&HeaderDate, "Le contrat est signé.\nSur le même sujet\n4 mars 2024\n");
        let deep = format!("{}22 juin 2015\n", "Une ligne.\n".repeat(TOP_LINES));
        none(&HeaderDate, &deep);
    }
}
