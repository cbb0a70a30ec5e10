//! `figures.status_split`: a count of quartiers split by status, the parts without their noun.
//!
//! Finds: "14 quartiers (9 prioritaires et 5 en veille active)", "11 quartiers, dont 4
//! prioritaires et 7 de veille", "six quartiers : quatre prioritaires, deux en veille". A part
//! followed by "prioritaire(s)" is a `qpv_count`, a part followed by "en veille" / "de veille" a
//! `quartier_count`; the whole, split into priority and veille quartiers, counts all the
//! quartiers concerned (`quartier_count`, which the family's resolve step prefers to the
//! `qpv_count` the whole's own clause suggests). Needs a quartier noun ("quartiers", "QPV",
//! "secteurs", "sites") before the part in its sentence and the part right after "(", "dont",
//! ":", "," or "et". Does not find: "les 3 prioritaires du plan" (no quartier noun), "8
//! quartiers prioritaires" (a head noun of its own: `figures.count`), "en 2024 prioritaires".

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::context::sentence;
use super::figure;
use super::head::headed_of;
use super::lexicon::Class;
use super::number::{Number, numbers_of};
use crate::rules::{Candidates, Doc, Rule};

/// The status-split rule.
pub struct StatusSplit;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.status_split";

/// The status word right after a part.
static STATUS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]+(?:(?P<p>prioritaires?)|(?P<v>(?:en|de)[ \t]+veille))\b")
        .expect("valid regex")
});

/// What opens a part: a bracket, "dont", a colon, a comma or "et" right before the number.
static LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:\(|\bdont|:|,|\bet)\s*$").expect("valid regex"));

/// A quartier noun.
static NOUN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:quartiers|QPV|secteurs|sites)\b").expect("valid regex"));

/// What follows a whole that is split: a bracket, "dont" or a colon, then both statuses.
static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\(|,?\s*dont\b|:)[^.;()]{0,60}?(?:\bprioritaires?\b[^.;()]{0,60}?\bveille\b|\bveille\b[^.;()]{0,60}?\bprioritaires?\b)",
    )
    .expect("valid regex")
});

/// The kind of the part `n` of a split count of quartiers in `text`, if it is one.
pub(super) fn part_kind(text: &str, n: &Number) -> Option<&'static str> {
    if n.year {
        return None;
    }
    let caps = STATUS.captures(&text[n.num.end..])?;
    let s = sentence(text, n.range.start);
    let before = text.get(s.start..n.range.start)?;
    if !LEAD.is_match(before) || !NOUN.is_match(before) {
        return None;
    }
    Some(if caps.name("p").is_some() { "qpv_count" } else { "quartier_count" })
}

impl Rule for StatusSplit {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for n in numbers_of(doc) {
            let Some(kind) = part_kind(text, n) else { continue };
            let value = (n.value, n.approx);
            out.figures.push(figure(doc, n.range.clone(), self.id(), value, kind, None));
        }
        for h in headed_of(doc) {
            if matches!(h.class, Class::Quartiers | Class::Sites)
                && SPLIT.is_match(&text[h.head.end..])
            {
                let value = (h.number.value, h.number.approx);
                let unit = Some(text[h.head.clone()].to_lowercase());
                out.figures.push(figure(doc, h.range(), self.id(), value, "quartier_count", unit));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, family, none};

    #[test]
    fn parts_and_wholes() {
        all(
            &StatusSplit,
            "Le dispositif touche 14 quartiers (9 prioritaires et 5 en veille active).",
            &[(9.0, "qpv_count"), (5.0, "quartier_count"), (14.0, "quartier_count")],
        );
        all(
            &StatusSplit,
            "La ville compte 11 quartiers, dont 4 prioritaires et 7 de veille.",
            &[(4.0, "qpv_count"), (7.0, "quartier_count"), (11.0, "quartier_count")],
        );
        all(
            &StatusSplit,
            "Six quartiers : quatre prioritaires, deux en veille.",
            &[(4.0, "qpv_count"), (2.0, "quartier_count"), (6.0, "quartier_count")],
        );
    }

    #[test]
    fn the_family_keeps_the_whole_as_all_quartiers() {
        let got = family("La ville compte 9 quartiers dont 3 prioritaires et 6 de veille.");
        let got: Vec<(f64, &str)> = got.iter().map(|(v, k)| (*v, k.as_str())).collect();
        assert_eq!(got, vec![(3.0, "qpv_count"), (6.0, "quartier_count"), (9.0, "quartier_count")]);
    }

    #[test]
    fn not_status_splits() {
        none(&StatusSplit, "Le plan retient 3 prioritaires pour l'emploi.");
        none(&StatusSplit, "Il concerne 8 quartiers prioritaires.");
        none(&StatusSplit, "Le contrat compte 4 axes, dont 2 prioritaires.");
        none(&StatusSplit, "Les quartiers classés en 2024 prioritaires.");
        none(&StatusSplit, "La ville compte 5 quartiers prioritaires (dont 2 nouveaux).");
    }
}
