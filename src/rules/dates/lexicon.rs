//! The vocabulary of the `dates` family (month, weekday and number words, cue lists), read once
//! from the plain files of `rules/dates/`, and the regex fragments the grammars share.

use std::sync::LazyLock;

use jiff::civil::Weekday;

use crate::data;
pub(super) use crate::rules::alternation;

/// A day of the month as written: "1er", "01", "22".
pub(super) const DAY: &str = r"(?:1er|1ᵉʳ|[0-3]?\d)";
/// A year of the contracts' era.
pub(super) const YEAR: &str = r"(?:19|20)\d\d";

/// `(form, value)` rows of a two-column rule file.
fn pairs<T>(rel: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<(String, T)> {
    data::rows(rel)
        .into_iter()
        .filter_map(|row| {
            let form = row.first()?.to_lowercase();
            let value = parse(row.get(1)?)?;
            Some((form, value))
        })
        .collect()
}

static MONTHS: LazyLock<Vec<(String, i8)>> = LazyLock::new(|| {
    pairs("dates/months.tsv", |v| v.parse().ok().filter(|m| (1..=12).contains(m)))
});

static WEEKDAYS: LazyLock<Vec<(String, Weekday)>> = LazyLock::new(|| {
    pairs("dates/weekdays.tsv", |v| Weekday::from_monday_one_offset(v.parse().ok()?).ok())
});

static NUMBERS: LazyLock<Vec<(String, i32)>> =
    LazyLock::new(|| pairs("dates/numbers.tsv", |v| v.parse().ok()));

/// Month names; an abbreviation ("sept", "janv") may carry its dot.
pub(super) static MONTH: LazyLock<String> = LazyLock::new(|| {
    let mut forms: Vec<String> = Vec::new();
    for (form, n) in MONTHS.iter() {
        let abbreviated = MONTHS
            .iter()
            .any(|(f, m)| m == n && f.len() > form.len() && f.starts_with(form.as_str()));
        forms.push(if abbreviated { format!("{}.", form) } else { form.clone() });
        forms.push(form.clone());
    }
    let mut forms: Vec<&str> = forms.iter().map(String::as_str).collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    let alts: Vec<String> = forms.iter().map(|f| regex::escape(f)).collect();
    format!("(?:{})", alts.join("|"))
});

/// Weekday names.
pub(super) static WEEKDAY: LazyLock<String> =
    LazyLock::new(|| alternation(WEEKDAYS.iter().map(|(f, _)| f.as_str())));

/// A small count, in digits or in words.
pub(super) static COUNT: LazyLock<String> = LazyLock::new(|| {
    format!(r"(?:\d{{1,2}}|{})", alternation(NUMBERS.iter().map(|(f, _)| f.as_str())))
});

/// The month number of a month word ("Sept.", "JUIN").
pub(super) fn month(word: &str) -> Option<i8> {
    let w = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS.iter().find(|(f, _)| *f == w).map(|(_, m)| *m)
}

/// The weekday named by `word`.
pub(super) fn weekday(word: &str) -> Option<Weekday> {
    let w = word.trim().to_lowercase();
    WEEKDAYS.iter().find(|(f, _)| *f == w).map(|(_, d)| *d)
}

/// The first weekday named in `text`.
pub(super) fn weekday_in(text: &str) -> Option<Weekday> {
    text.split(|c: char| !c.is_alphabetic()).find_map(weekday)
}

/// The day number of "1er", "01", "22".
pub(super) fn day(word: &str) -> Option<i8> {
    let digits: String = word.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok().filter(|d| (1..=31).contains(d))
}

/// A count in digits or words ("six", "5").
pub(super) fn count(word: &str) -> Option<i32> {
    let w = word.trim().to_lowercase();
    w.parse().ok().or_else(|| NUMBERS.iter().find(|(f, _)| *f == w).map(|(_, n)| *n))
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, usize)] = &[
        ("dates/issue_cues.tsv", 2),
        ("dates/months.tsv", 2),
        ("dates/numbers.tsv", 2),
        ("dates/period_cues.tsv", 2),
        ("dates/programmes.tsv", 3),
        ("dates/relative.tsv", 4),
        ("dates/role_cues.tsv", 2),
        ("dates/weekdays.tsv", 2),
    ];

    #[test]
    fn data_files_parse_and_are_sorted() {
        for (file, columns) in FILES {
            data::check_table(file, *columns, true);
        }
        assert_eq!(MONTHS.len(), data::lines("dates/months.tsv").len(), "bad month number");
        assert_eq!(WEEKDAYS.len(), 7);
    }

    #[test]
    fn words_are_looked_up() {
        assert_eq!(month("Sept."), Some(9));
        assert_eq!(month("JUIN"), Some(6));
        assert_eq!(month("févr"), Some(2));
        assert_eq!(month("juinet"), None);
        assert_eq!(weekday("Mardi"), Some(Weekday::Tuesday));
        assert_eq!(weekday_in("ce mercredi 1er juillet"), Some(Weekday::Wednesday));
        assert_eq!(day("1er"), Some(1));
        assert_eq!(day("32"), None);
        assert_eq!(count("six"), Some(6));
        assert_eq!(count("5"), Some(5));
    }
}
