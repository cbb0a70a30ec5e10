//! `dates.sequel`: a day given relative to the date the text named just before.
//!
//! Finds: "Le lendemain, à Joigny, … a paraphé", "la veille", "le surlendemain", "deux jours plus
//! tard", "trois jours après", "une semaine plus tard" (listed in `rules/dates/sequels.tsv`),
//! with the role their sentence gives them. The value is pending until the family's resolve step
//! counts from the nearest earlier date of the text with a day. Does not find: a sequel followed
//! by its own date ("Deux jours plus tard, le mercredi 26 juin": that date is the mention), "le
//! lendemain matin" of an undated event (no earlier day to count from, dropped at resolve).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{COUNT, alternation, count};
use super::{DATE, context, mention};
use crate::data;
use crate::record::{DateRole, Precision};
use crate::rules::{Candidates, Doc, Rule};

/// The sequel rule.
pub struct Sequel;

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

/// A date of its own right after the sequel: "Deux jours plus tard, le mercredi 26 juin".
static OWN_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ \t,]*(?:(?i:le|ce)\s+)?(?i:{})", *DATE)).expect("valid regex")
});

impl Rule for Sequel {
    fn id(&self) -> &'static str {
        "dates.sequel"
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
    }
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
    fn not_sequels() {
        let text = "Lille, le 24 juin 2024\n\nDeux jours plus tard, le mercredi 26 juin, la \
                    préfète a signé.";
        let dates = brief(&family(text).dates);
        assert!(!dates.iter().any(|d| d.0.contains("plus tard")), "{dates:?}");
        let undated = brief(&family("Le lendemain, le préfet a signé le contrat.").dates);
        assert!(undated.is_empty(), "{undated:?}");
    }
}
