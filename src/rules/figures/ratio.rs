//! `figures.ratio`: a ratio in words read as a percentage ("un habitant sur dix" = 10 %).
//!
//! Finds "un(e) NOUN ... sur N" where NOUN is one of `rules/figures/ratio_nouns.txt`, with at
//! most four words between the noun and "sur": "près d'un habitant sur dix" (10, approximate),
//! "plus d'un habitant de l'agglomération sur quatre" (25), "une famille sur cinq" (20). Does not
//! find: "un regard sur deux quartiers" (not a ratio noun), "21 quartiers sur 19 villes" (not
//! "un").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::figure;
use super::lexicon::{NUMBER_WORDS, RATIO_NOUNS, alternation};
use super::number::{approximator, whole};
use crate::rules::{Candidates, Doc, Rule};

/// The ratio rule.
pub struct Ratio;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.ratio";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = alternation(RATIO_NOUNS.iter().map(String::as_str));
    let words = alternation(NUMBER_WORDS.iter().map(|(f, _)| f.as_str()));
    Regex::new(&format!(
        r"(?i)\b(?P<one>une?)\s+{nouns}s?(?:\s+[\p{{L}}'’-]+){{0,4}}?\s+sur\s+(?P<den>\d+|{words})\b"
    ))
    .expect("valid regex")
});

impl Rule for Ratio {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let (Some(all), Some(one), Some(den)) =
                (caps.get(0), caps.name("one"), caps.name("den"))
            else {
                continue;
            };
            let Some(d) = whole(den.as_str()).filter(|d| (2..=100).contains(d)) else { continue };
            let (start, approx) = approximator(text, one.start());
            let value = (100.0 / f64::from(d)).round();
            let unit = Some("%".to_owned());
            out.figures.push(figure(
                doc,
                start..all.end(),
                self.id(),
                (value, approx),
                "percent",
                unit,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{none, one};

    #[test]
    fn ratios() {
        let t = "Dans la région, près d'un habitant sur dix réside dans l'un des 199 quartiers.";
        assert_eq!(one(&Ratio, t), (10.0, "percent".into(), true));
        let t = "Près de 98 000 personnes y vivent, soit plus d'un habitant de l'agglomération sur quatre.";
        assert_eq!(one(&Ratio, t), (25.0, "percent".into(), true));
        assert_eq!(one(&Ratio, "Une famille sur 5 est concernée.").0, 20.0);
    }

    #[test]
    fn not_ratios() {
        none(&Ratio, "Il porte un regard sur deux quartiers.");
        none(&Ratio, "21 quartiers sur 19 villes");
        none(&Ratio, "un habitant sur le palier");
    }
}
