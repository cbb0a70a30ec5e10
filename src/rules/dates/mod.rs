//! Rule family `dates`: every date or period the document mentions, with its role.
//!
//! Grammars find absolute dates ("22 juin 2015", "09/10/2023", "2015-06-22"), year-less dates
//! ("ce lundi 22 juin"), months ("en janvier 2016"), relative dates ("hier soir", "en mai
//! dernier"), spans of years ("2015-2020", "entre 2015 et 2020"), open periods ("jusqu'en 2020"),
//! durations ("pour six ans") and named generations ("Quartiers 2030"). Datelines, "Publié le"
//! lines and a date alone at the top of a page give the document's own date; a "Date de
//! signature :" field gives the signature; the words around any other date give its role
//! (`rules/dates/role_cues.tsv`), and the words around a span of years tell the contract's period
//! from an older programme's (`rules/dates/period_cues.tsv`). A rule that cannot know a year yet emits a pending value
//! (`--06-22` for a year-less date, an empty value for a relative date or a duration), which
//! [`resolve`] completes from the document's context, recording how in `inferred`.

mod absolute;
mod context;
mod dateline;
mod day_month;
mod duration;
mod header_date;
mod issue_line;
mod lexicon;
mod month_year;
mod open_period;
mod programme;
mod relative;
mod resolve;
mod sequel;
mod signature_field;
mod signed_year;
mod year_part;
mod year_span;

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Captures;
use jiff::civil::{Date, Weekday};

use super::{Candidates, Doc, Rule};
use crate::record::{DateMention, DateRole, Precision};

/// The rules of this family.
/// The id of `dates.dateline`, whose mentions the merger reads as a series' headings.
pub use dateline::ID as DATELINE_ID;

pub const RULES: &[&dyn Rule] = &[
    &absolute::AbsoluteDate,
    &dateline::Dateline,
    &day_month::DayMonth,
    &duration::Duration,
    &header_date::HeaderDate,
    &issue_line::IssueLine,
    &month_year::MonthYear,
    &open_period::OpenPeriod,
    &programme::Programme,
    &relative::RelativeDate,
    &sequel::Sequel,
    &signature_field::SignatureField,
    &signed_year::SignedYear,
    &year_part::YearPart,
    &year_span::YearSpan,
];

/// Whether date `d` is the date of a text it follows ("le décret du 28 août 2015", "la
/// circulaire du 22 janvier"), not of an event: "du" right before it in the clean text `clean`.
pub fn of_a_text(clean: &str, d: &DateMention) -> bool {
    let before = clean.get(..d.evidence.span[0]).unwrap_or("").trim_end();
    before.get(before.len().saturating_sub(3)..).is_some_and(|t| t.eq_ignore_ascii_case(" du"))
}

/// Whether the sentence around a clean range tells its signing in the future only ("sera
/// signé", "la signature n'a pas encore eu lieu"), which the merger reads too.
pub use context::signing_to_come;

/// Resolves this family's candidates against the document once every rule ran: drops mentions
/// that another rule found more precisely, completes pending years and relative dates.
pub fn resolve(doc: &Doc, out: &mut Candidates) {
    resolve::resolve(doc, out);
}

/// The shared date grammar: a written date with an optional weekday and year, a numeric date
/// (`dd/mm/yyyy`, `dd.mm.yyyy`), an ISO date, or a month with its year.
pub(super) static DATE: LazyLock<String> = LazyLock::new(|| {
    use lexicon::{DAY, MONTH, WEEKDAY, YEAR};
    let (wd, month) = (WEEKDAY.as_str(), MONTH.as_str());
    format!(
        r"(?:(?:(?P<wd>{wd})\s+)?(?P<day>{DAY})\s+(?P<month>{month})(?:\s+(?P<year>{YEAR}))?\b|\b(?P<nd>[0-3]?\d)[/.](?P<nm>[01]?\d)[/.](?P<ny>{YEAR}|[12]\d)\b|\b(?P<iy>{YEAR})-(?P<im>[01]\d)-(?P<id>[0-3]\d)\b|\b(?P<mm>{month})\s+(?P<my>{YEAR})\b)"
    )
});

/// A date as the grammar read it, before its year is known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Parsed {
    pub weekday: Option<Weekday>,
    pub year: Option<i16>,
    pub month: i8,
    pub day: Option<i8>,
}

impl Parsed {
    /// Reads the captures of [`DATE`]; `None` for an impossible date ("31/02/2015").
    pub fn from_captures(caps: &Captures) -> Option<Parsed> {
        let num = |name: &str| caps.name(name).and_then(|m| m.as_str().parse::<i16>().ok());
        let parsed = if let Some(month) = caps.name("month") {
            Parsed {
                weekday: caps.name("wd").and_then(|m| lexicon::weekday(m.as_str())),
                year: num("year"),
                month: lexicon::month(month.as_str())?,
                day: Some(lexicon::day(caps.name("day")?.as_str())?),
            }
        } else if let Some(ny) = caps.name("ny") {
            // "12/04/24": a year of two digits is of this century.
            let short = ny.as_str().len() == 2;
            Parsed {
                weekday: None,
                year: num("ny").map(|y| if short { 2000 + y } else { y }),
                month: i8::try_from(num("nm")?).ok()?,
                day: Some(i8::try_from(num("nd")?).ok()?),
            }
        } else if caps.name("iy").is_some() {
            Parsed {
                weekday: None,
                year: num("iy"),
                month: i8::try_from(num("im")?).ok()?,
                day: Some(i8::try_from(num("id")?).ok()?),
            }
        } else {
            Parsed {
                weekday: None,
                year: num("my"),
                month: lexicon::month(caps.name("mm")?.as_str())?,
                day: None,
            }
        };
        parsed.valid().then_some(parsed)
    }

    /// Whether the day exists (in a leap year when the year is unknown).
    fn valid(&self) -> bool {
        let year = self.year.unwrap_or(2024);
        Date::new(year, self.month, self.day.unwrap_or(1)).is_ok()
    }

    /// The value: `YYYY-MM-DD`, `YYYY-MM`, or the pending `--MM-DD` when the year is unknown.
    pub fn value(&self) -> (String, Precision) {
        match (self.year, self.day) {
            (Some(y), Some(d)) => (format!("{y:04}-{:02}-{d:02}", self.month), Precision::Day),
            (Some(y), None) => (format!("{y:04}-{:02}", self.month), Precision::Month),
            (None, d) => (format!("--{:02}-{:02}", self.month, d.unwrap_or(1)), Precision::Day),
        }
    }
}

/// Whether a numeric date at `range` is part of a longer run of numbers (a phone number,
/// "06.12.34.56.78"), judged by the characters around it.
pub(super) fn inside_number_run(text: &str, range: &Range<usize>) -> bool {
    let before = text[..range.start].chars().next_back();
    if before.is_some_and(|c| c.is_ascii_digit() || matches!(c, '.' | '/')) {
        return true;
    }
    let mut after = text[range.end..].chars();
    matches!(after.next(), Some('.' | '/' | '-'))
        && after.next().is_some_and(|c| c.is_ascii_digit())
}

/// The longest first line a page that kept its line structure has, in bytes: a longer first
/// line is a page flattened to one line (PDF text), whose chrome and title run into its text.
const FLAT_LINE: usize = 300;

/// How far the chrome and title of a flattened page reach into it, in bytes.
const FLAT_TOP: usize = 400;

/// The top of a page flattened to one line: the first [`FLAT_TOP`] bytes of a first non-blank
/// line longer than [`FLAT_LINE`]; `None` for a page that kept its lines.
pub(super) fn flat_top(text: &str) -> Option<Range<usize>> {
    let first = crate::rules::line_ranges(text).into_iter().next()?;
    (first.len() > FLAT_LINE)
        .then(|| first.start..text.floor_char_boundary((first.start + FLAT_TOP).min(first.end)))
}

/// The words after which a date or a place goes on a sentence ("le", "du", "à", "depuis"):
/// what stands after them never opens a new line of page chrome.
const LINKING: [&str; 24] = [
    "à", "au", "aux", "avant", "après", "avec", "ce", "d'", "dans", "de", "depuis", "des", "dès",
    "du", "en", "entre", "et", "jusqu'au", "l'", "la", "le", "ou", "par", "pour",
];

/// The first match of `pattern` in the `top` of a page flattened to one line that gives a
/// complete date (day and year) at the start of a lost line (see [`after_lost_break`]): the
/// range `span` picks from the match (offsets of `top`'s slice), moved to `text` offsets, and
/// the date. Shared by the flattened forms of the header date and of the dateline.
pub(super) fn first_flat_date(
    text: &str,
    top: Range<usize>,
    pattern: &crate::rules::text::Regex,
    span: impl Fn(&Captures) -> Option<Range<usize>>,
) -> Option<(Range<usize>, Parsed)> {
    for caps in pattern.captures_iter(&text[top.clone()]) {
        let (Some(m), Some(range)) = (caps.get(0), span(&caps)) else { continue };
        let Some(parsed) = Parsed::from_captures(&caps) else { continue };
        if parsed.year.is_some()
            && parsed.day.is_some()
            && after_lost_break(&text[..top.start + m.start()])
        {
            return Some((top.start + range.start..top.start + range.end, parsed));
        }
    }
    None
}

/// Whether what stands before a date or a dateline in a flattened page, `before`, leaves it at
/// the start of a lost line: nothing, or a last word that is no linking word ("… pour les
/// quartiers 20 mars 2024 Autour…", not "… signé le 20 mars 2024").
pub(super) fn after_lost_break(before: &str) -> bool {
    let last = before.trim_end().rsplit(char::is_whitespace).next().unwrap_or("");
    let last = last.to_lowercase();
    !LINKING.contains(&last.as_str()) && !last.ends_with('\'') && !last.ends_with(',')
}

/// A date mention at `range` of the normalised text.
/// A span of years `first`–`last` found at `range`: the contract's period when its context says
/// so ([`context::is_contract_period`]), else another programme's (`other`).
pub(super) fn year_span(
    doc: &Doc,
    range: Range<usize>,
    rule: &str,
    first: i16,
    last: i16,
) -> DateMention {
    let role = if context::is_contract_period(doc.text(), &range) {
        DateRole::Period
    } else {
        DateRole::Other
    };
    let value = (format!("{first:04}"), Precision::Year);
    mention(doc, range, rule, value, Some(format!("{last:04}")), role)
}

pub(super) fn mention(
    doc: &Doc,
    range: Range<usize>,
    rule: &str,
    (value, precision): (String, Precision),
    end: Option<String>,
    role: DateRole,
) -> DateMention {
    DateMention {
        text: doc.text()[range.clone()].to_owned(),
        value,
        precision,
        end,
        role,
        inferred: None,
        evidence: doc.evidence(range, rule),
    }
}

#[cfg(test)]
pub(super) mod testing {
    //! Helpers for the rules' tests: run one rule, or the whole family, on a sentence.

    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    /// The mentions `rule` finds in `text`, before resolution.
    pub fn run(rule: &dyn Rule, text: &str) -> Vec<DateMention> {
        testing::run(&[rule], text, Format::Text, None).dates
    }

    /// The family's resolved mentions and warnings for `text`.
    pub fn family(text: &str) -> Candidates {
        testing::run(RULES, text, Format::Text, Some(resolve))
    }

    /// `(text, value, end, role)` of each mention, for compact assertions.
    pub fn brief(dates: &[DateMention]) -> Vec<(String, String, Option<String>, DateRole)> {
        dates.iter().map(|d| (d.text.clone(), d.value.clone(), d.end.clone(), d.role)).collect()
    }

    /// The one mention `rule` finds in `text`, as `(text, value, role)`.
    #[track_caller]
    pub fn one(rule: &dyn Rule, text: &str) -> (String, String, DateRole) {
        let found = run(rule, text);
        assert_eq!(found.len(), 1, "{text:?}: {:?}", brief(&found));
        (found[0].text.clone(), found[0].value.clone(), found[0].role)
    }

    /// Asserts that `rule` finds nothing in `text`.
    #[track_caller]
    pub fn none(rule: &dyn Rule, text: &str) {
        let found = run(rule, text);
        assert!(found.is_empty(), "{text:?}: {:?}", brief(&found));
    }
}
