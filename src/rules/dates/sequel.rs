//! `dates.sequel`: a day given relative to the date the text named just before.
//!
//! Finds: "Le lendemain, à Joigny, … a paraphé", "la veille", "le surlendemain", "deux jours plus
//! tard", "trois jours après", "une semaine plus tard" (listed in `rules/dates/sequels.tsv`), and
//! a weekday with a day number but no month ("Vendredi 13, la ministre signe à Limoux": the
//! first such day after the date before, the weekday agreeing), a weekday told as the next one
//! ("le vendredi suivant", "le jeudi d'après": the first such weekday after the date before), with
//! the role their sentence gives them. The value is pending until the family's resolve step counts from the nearest
//! earlier date of the text with a day. Does not find: a sequel followed
//! by its own date ("Deux jours plus tard, le mercredi 26 juin": that date is the mention), "le
//! lendemain matin" of an undated event (no earlier day to count from, dropped at resolve).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{COUNT, DAY, WEEKDAY, alternation, count};
use super::{DATE, context, lexicon, mention};
use crate::data;
use crate::record::{DateRole, Precision};
use crate::rules::{Candidates, Doc, Rule};
use jiff::civil::Date;

/// The sequel rule.
pub struct Sequel;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.sequel";

static SEQUELS: LazyLock<Vec<(String, i64)>> = LazyLock::new(|| {
    data::rows("dates/sequels.tsv")
        .into_iter()
        .filter_map(|r| Some((r.first()?.to_lowercase(), r.get(1)?.parse().ok()?)))
        .collect()
});

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(SEQUELS.iter().map(|(e, _)| e.as_str()));
    Regex::new(&format!(
        r"(?i)\b(?:(?P<named>{alts})|(?P<n>{})\s+jours\s+(?:plus\s+tard|après))\b",
        *COUNT
    ))
    .expect("valid regex")
});

/// A weekday and a day number without a month: "Vendredi 13,", "le mardi 4, à Blois". Not a
/// time ("lundi 9 h", "lundi 9h30"), a count ("mardi 3 000 personnes"), a range ("du lundi 3 au
/// vendredi 7") or a date with its month (that is `dates.day_month`'s).
static WEEKDAY_DAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<weekday>{})[ \t]+(?P<day>{DAY})\b(?P<next>[ \t]*[\p{{L}}\d]*)",
        *WEEKDAY
    ))
    .expect("valid regex")
});

/// A weekday told as the one after the date before: "le vendredi suivant", "le jeudi d'après",
/// "mardi suivant". Not "la semaine suivante" (no day), nor a weekday with its own date
/// ("le vendredi suivant, 10 juillet": that date is the mention).
static NEXT_WEEKDAY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:le[ \t]+)?(?P<weekday>{})[ \t]+(?:suivant|d['’]après)\b",
        *WEEKDAY
    ))
    .expect("valid regex")
});

/// A date of its own right after the sequel: "Deux jours plus tard, le mercredi 26 juin".
static OWN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ \t,]*(?:(?i:le|ce)\s+)?(?i:{})", *DATE)).expect("valid regex")
});

impl Rule for Sequel {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for m in RE.find_iter(text) {
            if OWN_DATE.is_match(&text[m.end()..]) {
                continue;
            }
            let role = context::point_role(text, &m.range());
            let pending = (String::new(), Precision::Day);
            out.dates.push(mention(doc, m.range(), self.id(), pending, None, role));
        }
        for m in NEXT_WEEKDAY.find_iter(text) {
            if OWN_DATE.is_match(&text[m.end()..]) {
                continue;
            }
            let role = context::point_role(text, &m.range());
            let pending = (String::new(), Precision::Day);
            out.dates.push(mention(doc, m.range(), self.id(), pending, None, role));
        }
        for caps in WEEKDAY_DAY.captures_iter(text) {
            let (Some(day), Some(next)) = (caps.name("day"), caps.name("next")) else { continue };
            let next = next.as_str().trim_start();
            let word = next.to_lowercase();
            if lexicon::month(&word).is_some()
                || next.starts_with(|c: char| c.is_ascii_digit())
                || matches!(word.as_str(), "heures" | "heure" | "au")
                || word.strip_prefix('h').is_some_and(|m| m.chars().all(|c| c.is_ascii_digit()))
            {
                continue;
            }
            let range = caps.get(0).map_or(day.range(), |m| m.start()..day.end());
            let role = context::point_role(text, &range);
            let pending = (String::new(), Precision::Day);
            out.dates.push(mention(doc, range, self.id(), pending, None, role));
        }
    }
}

/// The date `text` names when it is a weekday and a day number ("Vendredi 13"): the first day of
/// that number after `anchor`, within two months, on that weekday.
fn next_weekday_day(text: &str, anchor: Date) -> Option<Date> {
    let caps = WEEKDAY_DAY.captures(text)?;
    let weekday = lexicon::weekday(caps.name("weekday")?.as_str())?;
    let day = lexicon::day(caps.name("day")?.as_str())?;
    (1..=62)
        .filter_map(|n| anchor.checked_add(jiff::Span::new().days(n)).ok())
        .find(|d| d.day() == day && d.weekday() == weekday)
}

/// The date the sequel `text` names, counted from `anchor`: an offset in days ("le lendemain"),
/// a weekday and a day number ("Vendredi 13"), or the next weekday ("le vendredi suivant": the
/// first such weekday after `anchor`, within a week).
pub(super) fn date_from(text: &str, anchor: Date) -> Option<Date> {
    if let Some(days) = offset(text) {
        return anchor.checked_add(jiff::Span::new().days(days)).ok();
    }
    if let Some(caps) = NEXT_WEEKDAY.captures(text) {
        let weekday = lexicon::weekday(caps.name("weekday")?.as_str())?;
        return (1..=7)
            .filter_map(|n| anchor.checked_add(jiff::Span::new().days(n)).ok())
            .find(|d| d.weekday() == weekday);
    }
    next_weekday_day(text, anchor)
}

/// The offset in days of the sequel expression `text`.
pub(super) fn offset(text: &str) -> Option<i64> {
    let caps = RE.captures(text)?;
    if let Some(n) = caps.name("n") {
        return count(n.as_str()).map(i64::from);
    }
    let key = caps.name("named")?.as_str().to_lowercase();
    let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
    SEQUELS.iter().find(|(e, _)| *e == key).map(|(_, o)| *o)
}

/// Whether a mention of this rule may count from `d`: a day that is not the document's own date.
pub(super) fn is_anchor(d: &crate::record::DateMention) -> bool {
    d.precision == Precision::Day
        && !d.value.is_empty()
        && !matches!(d.role, DateRole::Publication | DateRole::Update)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{brief, family};
    use super::*;

    #[test]
    fn sequels_count_from_the_previous_day() {
        let text = "Auxerre, le 17 mai 2024\n\nMardi 14 mai, le préfet a signé le contrat de \
                    ville de l'Auxerrois. Le lendemain, à Joigny, la préfète a paraphé celui du \
                    Jovinien.";
        let dates = brief(&family(text).dates);
        assert!(
            dates.contains(&(
                "Le lendemain".into(),
                "2024-05-15".into(),
                None,
                DateRole::Signature
            )),
            "{dates:?}"
        );
        assert_eq!(offset("trois jours après"), Some(3));
        assert_eq!(offset("la veille"), Some(-1));
    }

    #[test]
    fn a_weekday_and_a_day_number_follow_the_date_before() {
        let text = "Le contrat de Vierzon est signé le 6 février 2015. Vendredi 13, la ministre \
                    signe celui de Blois. Le lendemain, le préfet signe à Tours.";
        let dates = brief(&family(text).dates);
        assert!(dates.iter().any(|d| d.0 == "Vendredi 13" && d.1 == "2015-02-13"), "{dates:?}");
        assert!(dates.iter().any(|d| d.0 == "Le lendemain" && d.1 == "2015-02-14"), "{dates:?}");
        // The weekday must agree: no Thursday 13 in the two months after 6 February 2015.
        let text = "Le contrat est signé le 6 février 2015. Jeudi 13, la ministre signe.";
        let dates = brief(&family(text).dates);
        assert!(!dates.iter().any(|d| d.0.contains("Jeudi")), "{dates:?}");
    }

    #[test]
    fn a_weekday_told_as_the_next_one_follows_the_date_before() {
        // 8 July 2015 was a Wednesday: the Friday after is the 10th.
        let text = "Le contrat de Lorient est signé le mercredi 8 juillet 2015.\nVannes et Auray, \
                    le vendredi suivant\nLe préfet a signé les deux contrats.";
        let dates = brief(&family(text).dates);
        assert!(
            dates.iter().any(|d| d.0 == "le vendredi suivant" && d.1 == "2015-07-10"),
            "{dates:?}"
        );
        let text = "Le 3 mars 2024, la maire signe à Blois. Le jeudi d'après, le préfet signe le \
                    contrat de Tours.";
        let dates = brief(&family(text).dates);
        assert!(
            dates.iter().any(|d| d.0 == "Le jeudi d'après" && d.1 == "2024-03-07"),
            "{dates:?}"
        );
        // No earlier day, no date; "la semaine suivante" is no day; a weekday with its own date
        // is that date.
        let undated = brief(&family("Le vendredi suivant, le préfet a signé le contrat.").dates);
        assert!(undated.is_empty(), "{undated:?}");
        let text = "Signé le 3 mars 2024 à Blois, puis la semaine suivante à Tours.";
        let dates = brief(&family(text).dates);
        assert!(!dates.iter().any(|d| d.0.contains("suivante")), "{dates:?}");
        let text = "Signé le 3 mars 2024 à Blois, puis le vendredi suivant, 8 mars 2024, à Tours.";
        let dates = brief(&family(text).dates);
        assert!(!dates.iter().any(|d| d.0.contains("suivant")), "{dates:?}");
    }

    #[test]
    fn weekdays_with_a_month_an_hour_or_a_count_are_not_sequels() {
        let text = "Le contrat est signé le 6 février 2015. Vendredi 13 février, la ministre \
                    signe. Rendez-vous lundi 9 h. Mardi 3 000 personnes défilent.";
        let dates = brief(&family(text).dates);
        assert!(!dates.iter().any(|d| d.0 == "Vendredi 13"), "{dates:?}");
        assert!(!dates.iter().any(|d| d.0.starts_with("lundi 9")), "{dates:?}");
        assert!(!dates.iter().any(|d| d.0.starts_with("Mardi 3")), "{dates:?}");
    }

    #[test]
    fn not_sequels() {
        let text = "Lille, le 24 juin 2024\n\nDeux jours plus tard, le mercredi 26 juin, la \
                    préfète a signé.";
        let dates = brief(&family(text).dates);
        assert!(!dates.iter().any(|d| d.0.contains("plus tard")), "{dates:?}");
        let undated = brief(&family("Le lendemain, le préfet a signé le contrat.").dates);
        assert!(undated.is_empty(), "{undated:?}");
    }
}
