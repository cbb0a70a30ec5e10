//! The family's resolve step: keep one mention per stretch of text, then complete what the rules
//! left pending from the document's own context.
//!
//! Year-less dates take the year that puts them on or before the document's date (dateline or
//! "Publié le"), checked against their weekday; in an undated document, a weekday picks the one
//! year that fits near the period the document names ("2024-2030", "Quartiers 2030") or near
//! its other dates, and, with nothing dated around it, a signature's weekday picks the one
//! signing year of the two generations of contracts that fits. Relative dates are computed from
//! the document's date. Open periods and durations start in the year of the signature (else of
//! the document). How each value was completed is written in `inferred`; a year that stays a guess raises a
//! `dates.ambiguous_year` warning.

use std::collections::BTreeSet;

use jiff::civil::{Date, Weekday};

use super::{
    absolute, context, dateline, day_month, duration, header_date, issue_line, lexicon, month_year,
    open_period, programme, relative, sequel, signature_field, year_part, year_span,
};
use crate::record::{DateMention, DateRole, Precision, Warning};
use crate::rules::{Candidates, Doc};

/// Rules in order of precedence when their mentions overlap: the rule that knows more about a
/// stretch of text (a dateline is also a date) keeps it.
const PRECEDENCE: &[&str] = &[
    dateline::ID,
    issue_line::ID,
    signature_field::ID,
    header_date::ID,
    // An end day of the contract ("jusqu'au 31 décembre 2030") is its period's last year.
    open_period::ID,
    absolute::ID,
    month_year::ID,
    day_month::ID,
    year_span::ID,
    programme::ID,
    duration::ID,
    year_part::ID,
    relative::ID,
    sequel::ID,
];

pub(super) fn resolve(doc: &Doc, out: &mut Candidates) {
    dedupe(&mut out.dates);
    told_yesterday(doc, out);
    promote_lone_span(doc, out);
    complete_year_less(out);
    complete_relative(out);
    complete_sequels(out);
    future_signatures_are_deadlines(out);
    complete_periods(out);
    out.dates.retain(|d| !is_pending(d));
    out.dates.sort_by_key(|d| (d.evidence.span[0], d.evidence.span[1]));
}

fn rank(d: &DateMention) -> usize {
    PRECEDENCE.iter().position(|r| *r == d.evidence.rule).unwrap_or(PRECEDENCE.len())
}

/// Drops every mention overlapping one of a rule with precedence over it.
fn dedupe(dates: &mut Vec<DateMention>) {
    dates.sort_by_key(|d| (rank(d), d.evidence.span[0]));
    let mut kept: Vec<DateMention> = Vec::with_capacity(dates.len());
    for d in dates.drain(..) {
        let [s, e] = d.evidence.span;
        if !kept.iter().any(|k| k.evidence.span[0] < e && s < k.evidence.span[1]) {
            kept.push(d);
        }
    }
    kept.sort_by_key(|d| d.evidence.span[0]);
    *dates = kept;
}

/// When no span of years was said to be the contract's, the first span that names no other
/// programme and starts near the document's date is taken as the period ("les quartiers vont
/// bénéficier entre 2015 et 2020 d'un soutien renforcé" in a page about the contract).
fn promote_lone_span(doc: &Doc, out: &mut Candidates) {
    if out.dates.iter().any(|d| d.role == DateRole::Period && d.end.is_some()) {
        return;
    }
    let year = document_date(&out.dates).map(|(d, _)| d.year());
    let lone = out.dates.iter_mut().find(|d| {
        let [s, e] = d.evidence.span;
        d.evidence.rule == year_span::ID
            && !context::names_other_programme(doc.clean, &(s..e))
            && parts(&d.value).is_some_and(|(y, _, _)| year.is_none_or(|r| (r - y).abs() <= 1))
    });
    if let Some(d) = lone {
        d.role = DateRole::Period;
    }
}

/// "Réuni hier mercredi 18 octobre 2017, le comité…": a news page that tells a full day as
/// "hier" was written the day after. Only when the page gives no publication date of its own;
/// the day after becomes it, with `inferred` saying why.
fn told_yesterday(doc: &Doc, out: &mut Candidates) {
    static HIER: std::sync::LazyLock<crate::rules::text::Regex> = std::sync::LazyLock::new(|| {
        let forms = crate::rules::alternation(super::relative::yesterday_forms());
        crate::rules::text::Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?:{forms})[ \t]*,?[ \t]*$"))
            .expect("valid regex")
    });
    if out.dates.iter().any(|d| d.role == DateRole::Publication) {
        return;
    }
    let yesterday = out.dates.iter().find(|d| {
        d.precision == Precision::Day
            && !is_pending(d)
            && doc.clean.get(..d.evidence.span[0]).is_some_and(|b| {
                HIER.is_match(&b[b.floor_char_boundary(b.len().saturating_sub(40))..])
            })
    });
    let Some(d) = yesterday else { return };
    let Some((y, Some(m), Some(day))) = parts(&d.value) else { return };
    let Some(next) = Date::new(y, m, day).ok().and_then(|t| t.tomorrow().ok()) else { return };
    let mut published = d.clone();
    published.value = next.to_string();
    published.role = DateRole::Publication;
    published.inferred = Some("the day after a day the page tells as \"hier\"".into());
    out.dates.push(published);
}

fn is_pending(d: &DateMention) -> bool {
    d.value.is_empty() || d.value.starts_with("--")
}

/// `(year, month, day)` of a complete value.
fn parts(value: &str) -> Option<(i16, Option<i8>, Option<i8>)> {
    let mut it = value.split('-');
    let year = it.next()?.parse().ok()?;
    let month = it.next().and_then(|m| m.parse().ok());
    let day = it.next().and_then(|d| d.parse().ok());
    Some((year, month, day))
}

/// The document's own date: its first complete publication mention, as a day (the last day of
/// the month for a month-precision date), with that precision.
fn document_date(dates: &[DateMention]) -> Option<(Date, Precision)> {
    dates.iter().filter(|d| d.role == DateRole::Publication && !is_pending(d)).find_map(|d| {
        let (y, m, day) = parts(&d.value)?;
        match (m, day) {
            (Some(m), Some(day)) => Some((Date::new(y, m, day).ok()?, Precision::Day)),
            (Some(m), None) => Some((Date::new(y, m, 1).ok()?.last_of_month(), Precision::Month)),
            _ => None,
        }
    })
}

/// Years the document's context points to: the starts of the contract periods it names, else
/// the years of its complete dates, in text order.
fn anchor_years(dates: &[DateMention]) -> Vec<i16> {
    let periods: Vec<i16> = dates
        .iter()
        .filter(|d| d.role == DateRole::Period && d.end.is_some() && !is_pending(d))
        .filter_map(|d| parts(&d.value).map(|p| p.0))
        .collect();
    if !periods.is_empty() {
        return periods;
    }
    dates
        .iter()
        .filter(|d| d.precision != Precision::Year && !is_pending(d))
        .filter_map(|d| parts(&d.value).map(|p| p.0))
        .collect()
}

/// The years in which the contracts were signed: the 2015 generation's (late 2014 to 2016) and
/// the 2024 generation's (late 2023 to 2025).
const SIGNING_YEARS: [i16; 6] = [2014, 2015, 2016, 2023, 2024, 2025];

fn fits(year: i16, month: i8, day: i8, weekday: Weekday) -> bool {
    Date::new(year, month, day).is_ok_and(|d| d.weekday() == weekday)
}

fn warn(out: &mut Vec<Warning>, d: &DateMention, why: &str) {
    out.push(Warning {
        kind: "dates.ambiguous_year".into(),
        message: format!("\"{}\": {why}", d.text),
        span: Some(d.evidence.span),
    });
}

fn set_year(d: &mut DateMention, year: i16, how: &str) {
    if let Some(rest) = d.value.strip_prefix("--") {
        d.value = format!("{year:04}-{rest}");
        d.inferred = Some(how.to_owned());
    }
}

/// A (month, day) pair as a day of a year of twelve 31-day months.
fn month_index((m, d): (i8, i8)) -> i32 {
    i32::from(m - 1) * 31 + i32::from(d)
}

/// Days between two (month, day) pairs, around the year's end if shorter.
fn days_apart(a: (i8, i8), b: (i8, i8)) -> i32 {
    let diff = (month_index(a) - month_index(b)).abs();
    diff.min(372 - diff)
}

fn month_day(d: &DateMention) -> Option<(i8, i8)> {
    let rest = d.value.strip_prefix("--")?;
    let (m, day) = rest.split_once('-')?;
    Some((m.parse().ok()?, day.parse().ok()?))
}

/// Completes year-less dates: first from the document's date or from a weekday, then from the
/// dates completed so far, the period, or nearby dates.
fn complete_year_less(out: &mut Candidates) {
    let reference = document_date(&out.dates);
    let anchors = anchor_years(&out.dates);
    let mut warnings = Vec::new();
    for d in out.dates.iter_mut() {
        let Some((m, day)) = month_day(d) else { continue };
        let weekday = lexicon::weekday_in(&d.text);
        if let Some((r, _)) = reference {
            // A signature after the document's own date is last year's; any other date up to
            // six months after it (a deadline, a meeting) is still to come this year.
            let after = (m, day) > (r.month(), r.day());
            // Up to six months ahead, counted forward from the document's date: a day earlier
            // in the same month is past, not eleven months ahead.
            let ahead = (month_index((m, day)) - month_index((r.month(), r.day()))).rem_euclid(372);
            let upcoming = day_month::upcoming(&d.text).unwrap_or(
                matches!(d.role, DateRole::Deadline | DateRole::Event | DateRole::Other)
                    && ahead <= 186,
            );
            let base = match (after, upcoming) {
                (true, false) => r.year() - 1,
                (false, true) if (m, day) < (r.month(), r.day()) => r.year() + 1,
                _ => r.year(),
            };
            match weekday {
                None => set_year(d, base, "publication date"),
                Some(w) if fits(base, m, day, w) => set_year(d, base, "publication date+weekday"),
                Some(w) => match [base - 1, base + 1].into_iter().find(|&y| fits(y, m, day, w)) {
                    Some(y) => set_year(d, y, "weekday near publication date"),
                    None => {
                        set_year(d, base, "publication date");
                        warn(&mut warnings, d, "the weekday fits no year near the document date");
                    }
                },
            }
        } else if let Some(w) = weekday
            && !anchors.is_empty()
        {
            let years: BTreeSet<i16> = anchors
                .iter()
                .flat_map(|&a| [a, a - 1, a + 1])
                .filter(|&y| fits(y, m, day, w))
                .collect();
            let first = anchors[0];
            if let Some(&y) = years.iter().min_by_key(|&&y| ((y - first).abs(), y)) {
                set_year(d, y, "weekday+period");
                if years.len() > 1 {
                    warn(&mut warnings, d, "the weekday fits several years near the period");
                }
            }
        } else if let Some(w) = weekday
            && anchors.is_empty()
            && d.role == DateRole::Signature
        {
            // Nothing dated around it: the one signing year of the two generations of
            // contracts whose calendar puts that weekday on that day.
            let mut years = SIGNING_YEARS.into_iter().filter(|&y| fits(y, m, day, w));
            if let (Some(y), None) = (years.next(), years.next()) {
                set_year(d, y, "weekday+generation");
            }
        }
    }
    // Second pass: what the first one completed is context too.
    let done: Vec<(i8, i8, i16)> = out
        .dates
        .iter()
        .filter(|d| d.inferred.is_some() && d.precision == Precision::Day)
        .filter_map(|d| {
            let (y, m, day) = parts(&d.value)?;
            Some((m?, day?, y))
        })
        .collect();
    let complete: Vec<(usize, i16)> = out
        .dates
        .iter()
        .filter(|d| !is_pending(d) && d.precision != Precision::Year)
        .filter_map(|d| Some((d.evidence.span[0], parts(&d.value)?.0)))
        .collect();
    let anchors = anchor_years(&out.dates);
    for d in out.dates.iter_mut() {
        let Some((m, day)) = month_day(d) else { continue };
        let start = d.evidence.span[0];
        let near = done.iter().min_by_key(|(dm, dd, _)| days_apart((*dm, *dd), (m, day)));
        if let Some(&(dm, dd, y)) =
            near.filter(|(dm, dd, _)| days_apart((*dm, *dd), (m, day)) <= 45)
        {
            let how = if (dm, dd) == (m, day) { "same date in document" } else { "nearby date" };
            // Across a new year: "le 2 janvier" next to "lundi 30 décembre 2024" is in 2025.
            let y = match (dm, m) {
                (12, 1) => y + 1,
                (1, 12) => y - 1,
                _ => y,
            };
            set_year(d, y, how);
        } else if let Some(&(_, y)) =
            complete.iter().rev().find(|(s, _)| *s < start && start - *s < 200)
        {
            set_year(d, y, "nearby date");
        } else if let Some(&y) = done.first().map(|(_, _, y)| y).or(anchors.first()) {
            set_year(d, y, "document context");
            warn(&mut warnings, d, "year taken from the document's other dates");
        } else {
            warn(&mut warnings, d, "no year in the document");
        }
    }
    out.warnings.extend(warnings);
}

/// Computes relative dates from the document's date, or "en mai dernier" from the period's
/// first year in an undated document.
fn complete_relative(out: &mut Candidates) {
    let reference = document_date(&out.dates);
    let anchors = anchor_years(&out.dates);
    let mut warnings = Vec::new();
    for d in out.dates.iter_mut().filter(|d| d.evidence.rule == relative::ID) {
        let value = match reference {
            Some((r, Precision::Day)) => {
                relative::complete(&d.text, r).map(|v| (v, "publication date"))
            }
            Some((r, _)) if d.precision == Precision::Month => relative::complete(&d.text, r)
                .filter(|_| r.day() > 1)
                .map(|v| (v, "publication date")),
            _ => anchors
                .first()
                .and_then(|&y| relative::complete_in_year(&d.text, y))
                .map(|v| (v, "period")),
        };
        match value {
            Some(((v, p), how)) => {
                d.value = v;
                d.precision = p;
                d.inferred = Some(how.into());
            }
            // "Aujourd'hui, neuf quartiers..." in an undated page says nothing worth a warning.
            None if d.role == DateRole::Other => {}
            None => warn(&mut warnings, d, "relative date in a document without a date"),
        }
    }
    out.warnings.extend(warnings);
}

/// Sequels ("le lendemain") count from the nearest earlier day of the text; with none, they stay
/// pending and are dropped.
fn complete_sequels(out: &mut Candidates) {
    out.dates.sort_by_key(|d| d.evidence.span[0]);
    for i in 0..out.dates.len() {
        if out.dates[i].evidence.rule != sequel::ID {
            continue;
        }
        let anchor = out.dates[..i].iter().rev().find(|d| sequel::is_anchor(d));
        let value = anchor.and_then(|a| {
            let date: Date = a.value.parse().ok()?;
            sequel::date_from(&out.dates[i].text, date)
        });
        if let Some(date) = value {
            out.dates[i].value = date.to_string();
            out.dates[i].inferred = Some("previous date".into());
        }
    }
}

/// A signature dated after the document that reports it has not happened yet: "la signature
/// aura lieu le 12 avril prochain" is a deadline.
fn future_signatures_are_deadlines(out: &mut Candidates) {
    let Some((reference, precision)) = document_date(&out.dates) else { return };
    let reference = match precision {
        Precision::Day => reference.to_string(),
        _ => format!("{:04}-{:02}", reference.year(), reference.month()),
    };
    for d in out.dates.iter_mut().filter(|d| d.role == DateRole::Signature && !is_pending(d)) {
        let n = d.value.len().min(reference.len());
        if d.value[..n] > reference[..n] {
            d.role = DateRole::Deadline;
        }
    }
}

/// Gives open periods and durations their first year: the signature's, else the document's.
fn complete_periods(out: &mut Candidates) {
    let signature = out
        .dates
        .iter()
        .find(|d| d.role == DateRole::Signature && !is_pending(d))
        .and_then(|d| parts(&d.value))
        .map(|p| (p.0, "signature date"));
    let start = signature
        .or_else(|| document_date(&out.dates).map(|(d, _)| (d.year(), "publication date")));
    for d in out.dates.iter_mut().filter(|d| d.value.is_empty()) {
        match d.evidence.rule.as_str() {
            open_period::ID => {
                let Some(end) = open_period::end_year(&d.text) else { continue };
                match start.filter(|(s, _)| (1..=10).contains(&(end - s))) {
                    Some((s, how)) => {
                        d.value = format!("{s:04}");
                        d.end = Some(format!("{end:04}"));
                        d.inferred = Some(how.into());
                    }
                    None => {
                        d.value = format!("{end:04}");
                        d.end = None;
                        d.role = DateRole::Other;
                    }
                }
            }
            duration::ID => {
                let (Some(n), Some((s, how))) = (duration::years(&d.text), start) else { continue };
                d.value = format!("{s:04}");
                d.end = Some(format!("{:04}", s + n));
                d.inferred = Some(format!("{how}+duration"));
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::record::DateRole::{self, *};
    use crate::rules::dates::testing::family;

    /// `(text, value, end, role, inferred)` of a resolved mention.
    type Row = (String, String, Option<String>, DateRole, Option<String>);

    /// The resolved mentions of `text`.
    fn resolved(text: &str) -> Vec<Row> {
        family(text)
            .dates
            .into_iter()
            .map(|d| (d.text, d.value, d.end, d.role, d.inferred))
            .collect()
    }

    #[track_caller]
    fn value_of(text: &str, mention: &str) -> (String, DateRole, Option<String>) {
        let all = resolved(text);
        let found = all.iter().find(|d| d.0 == mention);
        let d = found.unwrap_or_else(|| panic!("{mention:?} not in {all:?}"));
        (d.1.clone(), d.3, d.4.clone())
    }

    #[test]
    fn year_from_the_dateline() {
        let text =
            "Douai, le 3 juillet 2015\n\nLe préfet a signé ce mercredi 1er juillet le contrat.";
        assert_eq!(
            value_of(text, "mercredi 1er juillet"),
            ("2015-07-01".into(), Signature, Some("publication date+weekday".into()))
        );
        assert_eq!(value_of(text, "Douai, le 3 juillet 2015").1, Publication);
    }

    #[test]
    fn a_day_told_as_yesterday_dates_the_page() {
        let publication = |text: &str| -> Vec<String> {
            resolved(text).into_iter().filter(|d| d.3 == Publication).map(|d| d.1).collect()
        };
        for text in [
            "Réunis hier mardi 31 octobre 2017, les partenaires ont signé le contrat.",
            "Le comité s'est tenu hier soir, jeudi 31 octobre 2017, à la mairie.",
            "Hier 31 octobre 2017 fut un jour de signature.",
        ] {
            assert_eq!(publication(text), ["2017-11-01"], "{text}");
        }
        // "hier" elsewhere in the sentence, a word ending in "hier", or a page with its own
        // publication date: no day after.
        for text in [
            "Hier, le maire l'a dit ; le contrat sera signé le 31 octobre 2017.",
            "Le cahier 31 octobre 2017 est paru.",
            "Publié le 2 novembre 2017\nRéunis hier mercredi 1er novembre 2017, les élus ont signé.",
        ] {
            assert!(publication(text).iter().all(|p| p != "2017-11-01"), "{text}");
        }
    }

    #[test]
    fn year_before_a_january_dateline() {
        let text = "Publié le 5 janvier 2016\nLe contrat a été signé le 18 décembre.";
        assert_eq!(value_of(text, "18 décembre").0, "2015-12-18");
    }

    #[test]
    fn upcoming_dates_stay_in_the_year() {
        let text = "Publié le 18 juin 2024\nLe comité de pilotage se réunira le 5 octobre.";
        assert_eq!(value_of(text, "5 octobre").0, "2024-10-05");
        let text = "Publié le 18 juin 2024\nLe contrat a été signé le 5 octobre.";
        assert_eq!(value_of(text, "5 octobre").0, "2023-10-05");
        let text = "Publié le 18 juin 2024\nLe contrat sera signé le 5 avril prochain.";
        assert_eq!(value_of(text, "5 avril prochain").0, "2025-04-05");
        let text = "Publié le 18 juin 2024\nLe comité se réunira le 5 octobre dernier.";
        assert_eq!(value_of(text, "5 octobre dernier").0, "2023-10-05");
        // A day earlier in the document's month is past, not next year's.
        let text = "Publié le 18 juin 2024\nLe 10 juin, la ville de Sainteville a tenu sa fête.";
        assert_eq!(value_of(text, "10 juin").0, "2024-06-10");
        let text = "Publié le 18 juin 2024\nLe forum se tiendra le 25 juin.";
        assert_eq!(value_of(text, "25 juin").0, "2024-06-25");
    }

    #[test]
    fn signatures_to_come_are_deadlines() {
        let text =
            "Publié le 18 juin 2024\nLa signature du contrat aura lieu le 5 juillet prochain.";
        assert_eq!(value_of(text, "5 juillet prochain").0, "2024-07-05");
        assert_eq!(value_of(text, "5 juillet prochain").1, Deadline);
        let text = "Publié le 18 juin 2024\nLe contrat sera signé le 2 septembre 2024.";
        assert_eq!(value_of(text, "2 septembre 2024").1, Deadline);
        let text = "Publié le 18 juin 2024\nLe contrat a été signé en juin 2024.";
        assert_eq!(value_of(text, "juin 2024").1, Signature);
    }

    #[test]
    fn year_from_weekday_and_period() {
        let text =
            "Arras, le 2 avril\n\nLe contrat de ville 2024-2030 a été signé ce mardi 2 avril.";
        assert_eq!(
            value_of(text, "mardi 2 avril"),
            ("2024-04-02".into(), Signature, Some("weekday+period".into()))
        );
        assert_eq!(value_of(text, "Arras, le 2 avril").0, "2024-04-02");
        let text =
            "Arras, le 3 avril\n\nLe contrat de ville 2024-2030 a été signé ce mardi 2 avril.";
        assert_eq!(value_of(text, "Arras, le 3 avril").0, "2024-04-03");
        assert!(family(text).warnings.is_empty());
        assert!(family(text).warnings.is_empty());
    }

    #[test]
    fn year_from_weekday_alone_when_one_generation_fits() {
        // Tuesday 14 May: only 2024 among the signing years.
        let text = "Le contrat de ville de Sens a été signé mardi 14 mai en mairie.";
        assert_eq!(
            value_of(text, "mardi 14 mai"),
            ("2024-05-14".into(), Signature, Some("weekday+generation".into()))
        );
        // Monday 6 July: 2015; the contract's end year is no anchor of its signature.
        let text = "Le contrat a été signé le lundi 6 juillet. Il court jusqu'en 2020.";
        assert_eq!(value_of(text, "lundi 6 juillet").0, "2015-07-06");
        // Wednesday 2 July fits 2014 and 2025: no year; Friday 2 July fits none.
        let text = "Le contrat a été signé le mercredi 2 juillet.";
        assert!(resolved(text).iter().all(|d| d.0 != "mercredi 2 juillet"));
        let text = "Le contrat a été signé le vendredi 2 juillet.";
        assert!(resolved(text).iter().all(|d| d.0 != "vendredi 2 juillet"));
        // A meeting is no signature: its year stays unknown.
        let text = "Le comité de pilotage s'est réuni le mardi 14 mai.";
        assert!(resolved(text).iter().all(|d| d.0 != "mardi 14 mai"));
    }

    #[test]
    fn year_from_weekday_and_named_generation() {
        let text = "Lens, le 24 septembre\n\nQuartiers 2030 : le contrat de ville.\n\nSigné le mardi 24 septembre, le contrat fixe les engagements pour six ans.";
        assert_eq!(value_of(text, "mardi 24 septembre").0, "2024-09-24");
        assert_eq!(value_of(text, "Lens, le 24 septembre").0, "2024-09-24");
        let all = resolved(text);
        let six = all.iter().find(|d| d.0 == "pour six ans").expect("duration");
        assert_eq!((six.1.as_str(), six.2.as_deref(), six.3), ("2024", Some("2030"), Period));
    }

    #[test]
    fn ambiguous_year_is_warned() {
        let text = "Signé le 2 avril, le contrat de ville.";
        let out = family(text);
        assert!(out.dates.is_empty(), "{:?}", out.dates);
        assert_eq!(out.warnings[0].kind, "dates.ambiguous_year");
        let text = "Le contrat de ville 2024-2030 a été signé le 2 avril.";
        let out = family(text);
        assert_eq!(value_of(text, "2 avril").0, "2024-04-02");
        assert_eq!(out.warnings.len(), 1, "{:?}", out.warnings);
    }

    #[test]
    fn nearby_full_date_gives_the_year() {
        let text = "Fondée par un arrêté du 22 décembre 2000, qui a pris effet le 31 décembre.";
        assert_eq!(value_of(text, "31 décembre").0, "2000-12-31");
    }

    #[test]
    fn relative_dates_and_open_periods() {
        let text = "Contrat de ville : six quartiers engagés jusqu'en 2030\nPublié le 10 juillet 2024 à 18h45, modifié le 11 juillet 2024\n\nLe contrat a été signé hier soir.";
        assert_eq!(
            value_of(text, "hier soir"),
            ("2024-07-09".into(), Signature, Some("publication date".into()))
        );
        let all = resolved(text);
        let open = all.iter().find(|d| d.0 == "jusqu'en 2030").expect("open period");
        assert_eq!((open.1.as_str(), open.2.as_deref(), open.3), ("2024", Some("2030"), Period));
        assert_eq!(value_of(text, "modifié le 11 juillet 2024").1, Update);
    }

    #[test]
    fn last_month_in_an_undated_document() {
        let text = "Le quartier va bénéficier entre 2015 et 2020 d'aides. Le contrat de ville a été signé en mai dernier.";
        assert_eq!(
            value_of(text, "en mai dernier"),
            ("2015-05".into(), Signature, Some("period".into()))
        );
    }

    #[test]
    fn only_an_update_date_is_no_publication() {
        let out = family("Mis à jour le 09/10/2023\nLe contrat de ville 2024-2030.");
        assert!(out.dates.iter().all(|d| d.role != Publication), "{:?}", out.dates);
    }

    #[test]
    fn a_press_release_of_our_own() {
        let text = "PRÉFET DU PAS-DE-CALAIS\n\nArras, le 8 juillet 2015\n\nCOMMUNIQUÉ DE PRESSE\n\n\
            Le préfet a signé, ce lundi 6 juillet, le contrat de ville de la communauté \
            d'agglomération, conclu pour la période 2015-2020. Il prend la suite du CUCS \
            2007-2014. Le projet avait été approuvé par le conseil communautaire le 25 juin. \
            La liste des quartiers a été fixée par le décret du 30 décembre 2014.\n\n\
            Contact presse : 03 21 21 20 00 – 06.12.34.56.78\n\
            Horaires : du lundi au vendredi, de 9 h à 17 h. Cookies conservés pour six mois.\n";
        let all = resolved(text);
        let got: Vec<_> = all.iter().map(|d| (d.0.as_str(), d.1.as_str(), d.3)).collect();
        assert_eq!(
            got,
            [
                ("Arras, le 8 juillet 2015", "2015-07-08", Publication),
                ("lundi 6 juillet", "2015-07-06", Signature),
                ("2015-2020", "2015", Period),
                ("2007-2014", "2007", Other),
                ("25 juin", "2015-06-25", Event),
                ("30 décembre 2014", "2014-12-30", Event),
            ]
        );
    }

    #[test]
    fn a_fact_sheet_of_our_own() {
        let text = "Communauté d'agglomération\n\nCONTRAT DE VILLE 2015-2020\n\n\
            Date de signature : 06/07/2015\n\nLe contrat a été signé en juillet 2015 par \
            28 partenaires. Habitat 62/59 ; Cité 10.\n\nMis à jour le 12/01/2016\n";
        let all = resolved(text);
        let got: Vec<_> = all.iter().map(|d| (d.0.as_str(), d.1.as_str(), d.3)).collect();
        assert_eq!(
            got,
            [
                ("2015-2020", "2015", Period),
                ("Date de signature : 06/07/2015", "2015-07-06", Signature),
                ("juillet 2015", "2015-07", Signature),
                ("Mis à jour le 12/01/2016", "2016-01-12", Update),
            ]
        );
    }

    #[test]
    fn older_periods_are_not_the_contract_period() {
        let all =
            resolved("CONTRAT DE VILLE 2015-2020\nLe contrat prend la suite du CUCS 2007-2014.");
        let roles: Vec<_> = all.iter().map(|d| (d.0.as_str(), d.3)).collect();
        assert_eq!(roles, [("2015-2020", Period), ("2007-2014", Other)]);
    }
}
