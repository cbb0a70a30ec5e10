//! `dates.year_span`: a span of years.
//!
//! Finds: "2015-2020", "2024 – 2030", "2024 > 2030", "entre 2015 et 2020", "de 2015 à 2020", "qui court de
//! 2024 à 2030". Value = first year, end = last year, precision year. The role is `period` when
//! the sentence is about the contract ("contrat de ville 2015-2020", "conclu pour la période
//! 2024-2030", a "Durée" label), and `other` for another programme named right before it ("CUCS
//! 2007-2014", "programme national de renouvellement urbain 2014-2024") or no contract cue at all.
//! Does not find: spans running backwards or longer than 15 years, phone numbers, "Habitat
//! 62/59".

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::YEAR;
use super::year_span as span_mention;
use crate::rules::{Candidates, Doc, Rule};

/// The span-of-years rule.
pub struct YearSpan;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.year_span";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:entre\s+(?P<a1>{YEAR})\s+et\s+(?P<b1>{YEAR})|(?:de\s+)?(?P<a2>{YEAR})\s*(?:[-–—/>→]|\bà\b|\bau\b)\s*(?P<b2>{YEAR}))\b"
    ))
    .expect("valid regex")
});

/// Two years with the dash between them lost (a PDF or a scraped banner drops it), right after a
/// word that announces a span: "pour la période 2024 2030", "CONTRAT DE VILLE 2024 2030".
static BARE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:période|contrat\s+de\s+ville|contrat|programmation)[ \t]+(?P<a>{YEAR})[ \t]+(?P<b>{YEAR})\b"
    ))
    .expect("valid regex")
});

/// The fewest years a span with its dash lost covers: two years in a row are a list of years.
const BARE_MIN_YEARS: i16 = 3;

impl Rule for YearSpan {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            let year = |a: &str, b: &str| {
                caps.name(a).or_else(|| caps.name(b)).and_then(|y| y.as_str().parse::<i16>().ok())
            };
            let (Some(first), Some(last)) = (year("a1", "a2"), year("b1", "b2")) else { continue };
            if last <= first || last - first > 15 {
                continue;
            }
            // "12/2015-2020" or "2015-2020-01": part of another number.
            if text[..m.start()].ends_with(|c: char| c.is_ascii_digit() || c == '/')
                || text[m.end()..].starts_with(['-', '/'])
            {
                continue;
            }
            out.dates.push(span_mention(doc, m.range(), self.id(), first, last));
        }
        for caps in BARE.captures_iter(text) {
            let (Some(a), Some(b)) = (caps.name("a"), caps.name("b")) else { continue };
            let (Ok(first), Ok(last)) = (a.as_str().parse::<i16>(), b.as_str().parse::<i16>())
            else {
                continue;
            };
            if !(BARE_MIN_YEARS..=15).contains(&(last - first))
                || text[b.end()..].starts_with(['-', '/', ',', '.'])
                    && text[b.end() + 1..].starts_with(|c: char| c.is_ascii_digit())
            {
                continue;
            }
            out.dates.push(span_mention(doc, a.start()..b.end(), self.id(), first, last));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole;
    use crate::rules::dates::testing::{brief, none, run};

    #[track_caller]
    fn span(text: &str) -> (String, String, String, DateRole) {
        let found = brief(&run(&YearSpan, text));
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        let (t, v, e, r) = found[0].clone();
        (t, v, e.unwrap_or_default(), r)
    }

    #[test]
    fn contract_periods() {
        assert_eq!(
            span("Le contrat de ville 2015-2020 de Douai."),
            ("2015-2020".into(), "2015".into(), "2020".into(), DateRole::Period)
        );
        assert_eq!(span("Contrat de ville 2024 – 2030 : treize quartiers").1, "2024");
        // An arrow between the years, as page banners write it.
        assert_eq!(span("Le contrat de ville 2024 > 2030 est signé.").3, DateRole::Period);
        assert_eq!(span("Contrat de ville 2024→2030").1, "2024");
        assert_eq!(span("Conclu pour la période 2024—2030, il engage l'État.").3, DateRole::Period);
        assert_eq!(
            span("Ce contrat, qui court de 2024 à 2030, met l'accent sur l'emploi.").0,
            "de 2024 à 2030"
        );
        assert_eq!(
            span("Le contrat prévoit des actions entre 2015 et 2020.").0,
            "entre 2015 et 2020"
        );
        assert_eq!(span("Durée\n2015-2020\n").3, DateRole::Period);
        // The dash lost between the years, after a word that announces a span.
        assert_eq!(
            span("Les partenaires s'engagent pour la période 2024 2030 dans les quartiers.").0,
            "2024 2030"
        );
        assert_eq!(span("CONTRAT DE VILLE 2024 2030 DE L'AGGLOMÉRATION").3, DateRole::Period);
    }

    #[test]
    fn other_spans() {
        assert_eq!(
            span("Le contrat prend la suite du CUCS 2007-2014 de Douai.").3,
            DateRole::Other
        );
        assert_eq!(
            span("Le quartier relève du programme national de renouvellement urbain 2014-2024.").3,
            DateRole::Other
        );
        assert_eq!(span("Le chômage a baissé entre 2015 et 2020.").3, DateRole::Other);
    }

    #[test]
    fn not_spans() {
        none(&YearSpan, "Tél. : 03 20 12 34 56");
        none(&YearSpan, "Habitat 62/59 et Cité 10");
        none(&YearSpan, "de 2030 à 2015");
        none(&YearSpan, "entre 1950 et 2020");
        none(&YearSpan, "Le 2015-06-22 à Douai.");
        // Two years without a dash and without a word announcing a span; years in a row.
        none(&YearSpan, "Les chiffres de 2024 2030 logements sont connus.");
        none(&YearSpan, "Le contrat 2024 2025 a été prolongé.");
        none(&YearSpan, "Bilan de la période 2015 2020,5 % de hausse.");
    }
}
