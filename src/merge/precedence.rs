//! Which candidate becomes a field's headline value, in one place.
//!
//! Signature dates, within a document and across documents, rank by:
//! 1. an explicit field ("Date de signature : 30 juin 2015") over a date found in prose or a
//!    dateline;
//! 2. a day over a month over a year ("signé le 6 juillet" over "signé en juillet 2015");
//! 3. on a tie, the first document (by id), then the first in the text.
//!
//! Two dates *disagree* only when neither contains the other: "2015-07" and "2015-07-06" agree
//! (the day refines the month); "2015-06-22" and "2015-06-30" disagree and become a conflict.
//!
//! Lists beat counts: a quartier list is the contract's quartiers even when a count says
//! otherwise (the quartiers rules warn about the mismatch). Figures keep their scope.

use std::cmp::Reverse;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::record::{DateMention, Evidence, Precision};

static EXPLICIT_FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)date\s+de\s+(la\s+)?signature\s*:|sign[ée]\s*:").expect("valid regex")
});

/// True when the evidence is an explicit "Date de signature :" field.
pub fn is_explicit_field(ev: &Evidence) -> bool {
    ev.rule.contains("field") || EXPLICIT_FIELD.is_match(&ev.text)
}

/// The precision of a `YYYY[-MM[-DD]]` value.
pub fn precision_of(value: &str) -> Precision {
    match value.len() {
        10 => Precision::Day,
        7 => Precision::Month,
        _ => Precision::Year,
    }
}

/// The sort key of a signature candidate: smaller is better.
pub fn signature_key(value: &str, ev: &Evidence) -> impl Ord {
    let precision = match precision_of(value) {
        Precision::Day => 0,
        Precision::Month => 1,
        Precision::Year => 2,
    };
    (Reverse(is_explicit_field(ev)), precision)
}

/// True when two date values agree: equal, or one refines the other ("2015-07" / "2015-07-06").
pub fn dates_agree(a: &str, b: &str) -> bool {
    a.starts_with(b) || b.starts_with(a)
}

/// The headline signature among `mentions` (best by [`signature_key`], then first in the text),
/// and the mentions that disagree with it.
pub fn choose_signature<'a>(
    mentions: &[&'a DateMention],
) -> Option<(&'a DateMention, Vec<&'a DateMention>)> {
    let best = mentions
        .iter()
        .copied()
        .min_by_key(|d| (signature_key(&d.value, &d.evidence), d.evidence.span[0]))?;
    let disagree =
        mentions.iter().copied().filter(|d| !dates_agree(&d.value, &best.value)).collect();
    Some((best, disagree))
}

/// True when two figures of kind `kind` are near-equal: quantities (populations, amounts,
/// participants, percentages) within 10 % of the larger — a press release's "36 000 habitants"
/// and a fact sheet's "35 260" approximately agree. Counts of discrete things (quartiers,
/// communes, contracts, signatories, years) are near only when equal: 14 and 15 QPV disagree.
pub fn figures_near(kind: &str, a: f64, b: f64) -> bool {
    let quantity = matches!(
        kind,
        "population" | "population_qpv" | "amount_eur" | "participant_count" | "percent"
    );
    if !quantity {
        return a == b;
    }
    let big = a.abs().max(b.abs());
    big == 0.0 || (a - b).abs() / big <= 0.10
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole;

    fn mention(value: &str, text: &str, rule: &str, at: usize) -> DateMention {
        DateMention {
            text: text.into(),
            value: value.into(),
            precision: precision_of(value),
            end: None,
            role: DateRole::Signature,
            inferred: None,
            evidence: Evidence {
                span: [at, at + text.len()],
                text: text.into(),
                rule: rule.into(),
            },
        }
    }

    #[test]
    fn an_explicit_field_beats_a_dateline_day() {
        let prose = mention("2015-06-22", "ce lundi 22 juin", "dates.weekday_day_month", 10);
        let field =
            mention("2015-06-30", "Date de signature : 30 juin 2015", "dates.day_month_year", 500);
        let (best, disagree) = choose_signature(&[&prose, &field]).unwrap();
        assert_eq!(best.value, "2015-06-30");
        assert_eq!(disagree.len(), 1);
        assert_eq!(disagree[0].value, "2015-06-22");
    }

    #[test]
    fn a_day_beats_a_month_and_they_agree() {
        let month = mention("2015-07", "signé en juillet 2015", "dates.month_year", 10);
        let day = mention("2015-07-06", "le 6 juillet 2015", "dates.day_month_year", 90);
        let (best, disagree) = choose_signature(&[&month, &day]).unwrap();
        assert_eq!(best.value, "2015-07-06");
        assert!(disagree.is_empty(), "the day refines the month");
    }

    #[test]
    fn on_a_tie_the_first_in_the_text_wins() {
        let a = mention("2024-06-24", "le lundi 24 juin", "dates.weekday_day_month", 10);
        let b = mention("2024-06-26", "le mercredi 26 juin", "dates.weekday_day_month", 90);
        assert_eq!(choose_signature(&[&b, &a]).unwrap().0.value, "2024-06-24");
    }

    #[test]
    fn near_figures_are_within_ten_percent() {
        assert!(figures_near("population_qpv", 36000.0, 35260.0));
        assert!(figures_near("population_qpv", 43000.0, 41870.0));
        assert!(!figures_near("population_qpv", 24300.0, 30000.0));
        assert!(!figures_near("qpv_count", 9.0, 10.0), "counts agree only when equal");
        assert!(!figures_near("commune_count", 12.0, 18.0));
        assert!(figures_near("qpv_count", 14.0, 14.0));
    }
}
