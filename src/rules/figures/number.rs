//! The shared number lexer of the `figures` family (not a rule): every number of the text, in
//! digits or in words, with its approximator.
//!
//! Reads "36 000", "190 459", "1.300", "1 362" (a space or a dot between groups of three digits),
//! "2,4" (decimal comma), "1,2 million", "600 millions", "treize", "trente et un", "Vingt-sept",
//! "soixante-dix-sept", "deux cent mille", "une vingtaine" (20, approximate), "un seul", "une
//! seule" (1), and the approximators before them ("près de", "environ", "plus de", "quelque":
//! `rules/figures/approximators.txt`). No-break spaces are plain spaces in the normalised text.
//!
//! Leaves out what is not a quantity: a number glued to letters ("1er", "CE1", "rev3", "18h45")
//! other than a scaled euro unit ("4,3M€" is 4,3 before "M€"),
//! a number in a run of numbers ("02 31 39 40 00", "Fosse 11 12 13", "62/59", "3/15",
//! "09/10/2023", "2015-2020"), a number with a leading zero ("0321790792"), and "un"/"une" alone
//! (an article far more often than a count). A four-digit number from 1900 to 2099 is flagged as
//! a year; the rules give it a kind only when a head noun follows it.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    APPROXIMATORS, MULTIPLIERS, NUMBER_WORDS, ROUND_NUMBERS, alternation, multiplier, number_word,
    round_number,
};

/// A number found in the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Number {
    /// The whole mention: approximator, number, multiplier ("près de 1,2 million").
    pub range: Range<usize>,
    /// The number and its multiplier, without the approximator.
    pub num: Range<usize>,
    pub value: f64,
    pub approx: bool,
    /// A bare four-digit number from 1900 to 2099.
    pub year: bool,
    /// Written as an approximate round number ("une vingtaine").
    pub round: bool,
    /// Scaled by a multiplier word ("millions").
    pub scaled: bool,
}

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(NUMBER_WORDS.iter().map(|(f, _)| f.as_str()));
    let round = alternation(ROUND_NUMBERS.iter().map(|(f, _)| f.as_str()));
    let mult = alternation(MULTIPLIERS.iter().map(|(f, _)| f.as_str()));
    Regex::new(&format!(
        r"(?i)(?:(?P<single>\b(?:une?\s+|le\s+|la\s+|l')(?:seule?|unique)\b)|(?P<round>\b(?:une?)\s+{round}s?\b)|(?P<d>\d{{1,3}}(?:[ .]\d{{3}})+(?:,\d+)?|\d+(?:,\d+)?)|(?P<w>\b{words}(?:(?:\s+|-)(?:{words})|(?:\s+et\s+|-et-)(?:une?|onze))*\b))(?:\s+(?P<m>{mult})\b)?"
    ))
    .expect("valid regex")
});

static APPROX: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(APPROXIMATORS.iter().map(String::as_str));
    Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}])(?P<a>{alts})\s*$")).expect("valid regex")
});

/// A scaled euro unit glued to its number, which stays a quantity: "4,3M€", "250k€", "1,2Md€".
static GLUED_UNIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Mds?|M|k|K)\s*€").expect("valid regex"));

/// Every number of `text`, in order.
/// [`numbers`] of the whole text of `doc`, computed once per text and shared by the rules.
pub(super) fn numbers_of<'a>(doc: &super::Doc<'a>) -> &'a [Number] {
    doc.analysis().numbers.get_or_init(|| numbers(doc.text()))
}

pub(super) fn numbers(text: &str) -> Vec<Number> {
    let mut out = Vec::new();
    for caps in RE.captures_iter(text) {
        let Some(all) = caps.get(0) else { continue };
        let (value, round, year) = if caps.name("single").is_some() {
            (1.0, false, false)
        } else if let Some(m) = caps.name("round") {
            let Some(noun) = m.as_str().split_whitespace().last() else { continue };
            let Some(v) = round_number(noun.trim_end_matches(['s', 'S'])) else { continue };
            (f64::from(v), true, false)
        } else if let Some(m) = caps.name("d") {
            if !digits_stand_alone(text, m.range()) {
                continue;
            }
            let Some(v) = digits_value(m.as_str()) else { continue };
            let year = caps.name("m").is_none()
                && m.as_str().len() == 4
                && m.as_str().chars().all(|c| c.is_ascii_digit())
                && (1900.0..2100.0).contains(&v);
            (v, false, year)
        } else if let Some(m) = caps.name("w") {
            let Some(v) = words_value(m.as_str()) else { continue };
            (f64::from(v), false, false)
        } else {
            continue;
        };
        let factor = caps.name("m").and_then(|m| multiplier(m.as_str()));
        let value = match factor {
            Some(f) => (value * f).round(),
            None => value,
        };
        let start = all.start();
        let (range_start, approx_word) = approximator(text, start);
        out.push(Number {
            range: range_start..all.end(),
            num: start..all.end(),
            value,
            approx: round || approx_word,
            year,
            round,
            scaled: factor.is_some(),
        });
    }
    out
}

/// Where the approximator before `start` begins, if there is one.
pub(super) fn approximator(text: &str, start: usize) -> (usize, bool) {
    let from = text.floor_char_boundary(start.saturating_sub(40));
    match APPROX.captures(&text[from..start]).and_then(|c| c.name("a")) {
        Some(a) => (from + a.start(), true),
        None => (start, false),
    }
}

/// The value of a whole number written in digits or words ("10", "dix", "quatre").
pub(super) fn whole(s: &str) -> Option<u32> {
    if s.chars().all(|c| c.is_ascii_digit()) {
        return s.parse().ok();
    }
    words_value(s)
}

/// Whether a run of digits at `range` is a quantity of its own: not glued to letters, not one of
/// a run of numbers (phone numbers, codes, dates, spans), no leading zero.
fn digits_stand_alone(text: &str, range: Range<usize>) -> bool {
    let s = &text[range.clone()];
    if s.len() > 1 && s.starts_with('0') && !s.starts_with("0,") {
        return false;
    }
    if s.chars().filter(char::is_ascii_digit).count() > 12 {
        return false;
    }
    // A separator between this number and another digit: a run of numbers.
    let is_sep = |c: char| matches!(c, ' ' | '/' | '-' | '–' | '.' | ',');
    let mut before = text[..range.start].chars().rev();
    let glued_before = match before.next() {
        Some(c) if c.is_alphanumeric() || c == '_' => true,
        Some(c) if is_sep(c) => before.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    let mut after = text[range.end..].chars();
    let glued_after = match after.next() {
        Some(c) if c.is_alphanumeric() || c == '_' => !GLUED_UNIT.is_match(&text[range.end..]),
        Some(c) if is_sep(c) => after.next().is_some_and(|c| c.is_ascii_digit()),
        _ => false,
    };
    !glued_before && !glued_after
}

/// The value of "36 000", "1.300", "2,4".
fn digits_value(s: &str) -> Option<f64> {
    let (int, frac) = match s.split_once(',') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    let int: String = int.chars().filter(char::is_ascii_digit).collect();
    let v = match frac {
        Some(f) => format!("{int}.{f}").parse().ok()?,
        None => int.parse().ok()?,
    };
    Some(v)
}

/// The value of a run of number words ("trente et un", "quatre-vingt-dix-sept", "deux cent
/// mille"); `None` for "un"/"une" alone and for runs that do not make one number ("deux trois").
fn words_value(s: &str) -> Option<u32> {
    let tokens: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|t| !t.is_empty() && !t.eq_ignore_ascii_case("et"))
        .map(str::to_lowercase)
        .collect();
    if tokens.len() == 1 && matches!(tokens[0].as_str(), "un" | "une") {
        return None;
    }
    let (mut total, mut current) = (0u32, 0u32);
    let mut i = 0;
    while i < tokens.len() {
        // "quatre-vingt" is one word of the lexicon, split here by the hyphen.
        let joined = tokens.get(i + 1).and_then(|n| number_word(&format!("{}-{n}", tokens[i])));
        let (v, step) = match joined {
            Some(v) => (v, 2),
            None => (number_word(&tokens[i])?, 1),
        };
        i += step;
        match v {
            100 => {
                if current % 100 != 0 && current >= 100 {
                    return None;
                }
                current = current.max(1) * 100;
            }
            1000 => {
                total += current.max(1) * 1000;
                current = 0;
            }
            _ => {
                let tail = current % 100;
                if tail != 0 && !(tail % 10 == 0 && v < 20 && v < tail) {
                    return None;
                }
                current += v;
            }
        }
    }
    Some(total + current)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(text of the mention, value, approx)` of every number of `text`.
    fn found(text: &str) -> Vec<(String, f64, bool)> {
        numbers(text).into_iter().map(|n| (text[n.range].to_owned(), n.value, n.approx)).collect()
    }

    #[track_caller]
    fn one(text: &str, value: f64, approx: bool) {
        let f = found(text);
        assert_eq!(f.len(), 1, "{text:?}: {f:?}");
        assert_eq!((f[0].1, f[0].2), (value, approx), "{text:?}: {f:?}");
    }

    #[track_caller]
    fn none(text: &str) {
        let f = found(text);
        assert!(f.is_empty(), "{text:?}: {f:?}");
    }

    #[test]
    fn digits() {
        one("Le territoire compte 36 000 habitants.", 36000.0, false);
        one("soit 190 459 habitants", 190459.0, false);
        one("environ 1.300 quartiers", 1300.0, true);
        one("1300 quartiers ont été retenus", 1300.0, false);
        one("1 362 quartiers", 1362.0, false);
        one("un taux de 2,5 %", 2.5, false);
        one("Près de 43 000 personnes", 43000.0, true);
        one("Quelque 46 500 habitants", 46500.0, true);
        one("60% du revenu médian", 60.0, false);
    }

    #[test]
    fn multipliers() {
        one("l'État consacre 2,4 millions d'euros", 2_400_000.0, false);
        one("1,2 million d'euros par an", 1_200_000.0, false);
        one("avoisinent 600 millions d'euros", 600_000_000.0, true);
        one("Environ 5,3 millions de personnes", 5_300_000.0, true);
    }

    #[test]
    fn words() {
        one("treize quartiers", 13.0, false);
        one("Les neuf quartiers", 9.0, false);
        one("trente et un signataires", 31.0, false);
        one("Vingt-sept partenaires", 27.0, false);
        one("soixante-dix-sept communes", 77.0, false);
        one("quatre-vingt-dix personnes", 90.0, false);
        one("deux cent mille euros", 200_000.0, false);
        one("une vingtaine de partenaires", 20.0, true);
        one("Une cinquantaine d'actions", 50.0, true);
        one("un millier d'habitants", 1000.0, true);
        one("Un seul quartier est retenu", 1.0, false);
        one("une seule commune", 1.0, false);
        one("un unique quartier prioritaire", 1.0, false);
        one("c'est l'unique quartier prioritaire", 1.0, false);
        one("le seul quartier prioritaire", 1.0, false);
    }

    #[test]
    fn years_are_flagged() {
        let n = numbers("signé en 2015 pour");
        assert_eq!(n.len(), 1);
        assert!(n[0].year);
        assert!(!numbers("1300 quartiers")[0].year);
    }

    #[test]
    fn not_numbers() {
        none("Contact : 02 31 39 40 00");
        none("Tél. 0321790792");
        none("Les Blanches Laines / Fosse 11 12 13");
        none("Habitat 62/59 ; Du 3/15");
        none("le 1er juillet, à 18h45");
        none("en CE1 et rev3");
        none("Publié le 09/10/2023");
        none("pour la période 2015-2020");
        none("un habitant");
        none("une démarche");
        none("un seuil de revenu");
        none("le XXe siècle");
    }

    #[test]
    fn numbers_next_to_names_are_still_numbers() {
        // The rules decide: no head noun follows, so these give no figure.
        assert_eq!(found("Cité 10 - Sains-en-Gohelle").len(), 1);
        assert_eq!(found("les 3 cités").len(), 1);
    }
}
