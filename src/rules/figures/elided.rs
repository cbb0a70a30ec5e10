//! `figures.elided`: a number whose head noun is left out, after a connector of
//! `rules/figures/connectors.tsv`, read with the nearest head noun before it in its sentence.
//!
//! Finds: "190 459 habitants dont 35 260 en QPV" (35 260, `population_qpv`: a part keeps the
//! noun, its own clause gives the kind), "71 300 habitants [en QPV], dont 57 600 à Strasbourg" (a
//! part keeps the kind of the whole), "35 communes, dont 12 en politique de la ville"
//! (`commune_count`), "1 362 quartiers, contre 1 296 en 2015" (`qpv_count`), "une soixantaine
//! de quartiers sortent, tandis que près de 130 y font leur entrée" (`qpv_count`), "un habitant
//! sur dix parmi les 465 000 que compte le territoire" (`population`). Does not find: a number
//! with its own head noun (the other rules), a year, a number after any other word.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::context::{clause, cues, cues_at, kind, sentence};
use super::head::{HEAD, Headed, headed_of};
use super::lexicon::{CONNECTORS, Class, Cue, Link, alternation, connector, head_class, singular};
use super::number::numbers_of;
use super::status_split::part_kind;
use super::{figure, unit};
use crate::rules::{Candidates, Doc, Rule};

/// The elided-head rule.
pub struct Elided;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.elided";

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let conn = alternation(CONNECTORS.iter().map(|(f, _)| f.as_str()));
    Regex::new(&format!(r"(?i)\b(?P<c>{conn})\s+(?:(?:les|la|le)\s+|l['’])?$"))
        .expect("valid regex")
});

/// "sur les" / "parmi les" before a whole, then a comma and its part.
static PARTITIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sur|parmi)\s+(?:les|ces|ses|leurs)\s+(?P<w>[^,;:()]{2,80}),\s*$")
        .expect("valid regex")
});

/// A ratio after a singular noun ("habitant sur dix").
static RATIO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsur\s+\S+").expect("valid regex"));

static HEAD_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{}", HEAD.as_str())).expect("valid regex"));

impl Rule for Elided {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let all_headed = headed_of(doc);
        let with_head: Vec<usize> = all_headed.iter().map(|h| h.number.num.start).collect();
        let nums = numbers_of(doc);
        // The last number read as a part, with its connector and head noun: the next number
        // may continue its list.
        let mut last_part: Option<(usize, Link, Range<usize>)> = None;
        for (i, n) in nums.iter().enumerate() {
            // "dont 4 prioritaires et 7 de veille": parts of `figures.status_split`.
            if n.year || with_head.contains(&n.num.start) || part_kind(text, n).is_some() {
                continue;
            }
            let s = sentence(text, n.num.start);
            // The sentence may start inside the figure's own approximator ("près de" after a
            // cut): then nothing stands before it.
            let Some(before) = text.get(s.start..n.range.start) else { continue };
            let (link, referent) = if let Some(found) = after_connector(text, s.start, before) {
                found
            } else if let Some((_, link, referent)) = last_part
                .clone()
                .filter(|(p, _, _)| *p + 1 == i && continues_list(text, s.start, &nums[*p], n))
            {
                (link, referent)
            } else if let Some(head) = after_partitive(all_headed, s.start, before) {
                // Its own words must say what part it is ("210 000 vivent en QPV").
                let c = clause(text, n.num.start);
                if cues(&text[n.num.end.min(c.end)..c.end]).is_empty() {
                    continue;
                }
                (Link::Other, head)
            } else {
                continue;
            };
            last_part = Some((i, link, referent.clone()));
            let Some(class) = head_class(&text[referent.clone()]) else { continue };
            if class == Class::Years {
                continue;
            }
            let own = cues_at(text, n.num.start);
            let k = match (link, class) {
                (Link::Part, Class::People | Class::Persons)
                    if !own.iter().any(|c| {
                        matches!(c, Cue::Participant | Cue::Qpv | Cue::QpvPlace | Cue::Priority)
                    }) =>
                {
                    kind(class, &cues_at(text, referent.start))
                }
                (Link::Part, Class::Quartiers | Class::Sites)
                    if !own.contains(&Cue::OtherQuartier) && !own.contains(&Cue::Renewal) =>
                {
                    kind(class, &cues_at(text, referent.start))
                }
                _ => kind(class, &own),
            };
            let Some(k) = k else { continue };
            let unit = unit(class, &text[referent]);
            out.figures.push(figure(
                doc,
                n.range.clone(),
                self.id(),
                (n.value, n.approx),
                k,
                Some(unit),
            ));
        }
    }
}

/// The connector right before a number (`before` is its sentence up to it, from `start`) and
/// the nearest head noun before the connector, as a whole word: "190 459 habitants dont 35 260".
/// A singular head noun is a referent only in a ratio ("un habitant sur dix parmi les 465 000"),
/// not in "un contrat dont 12 sont signés".
fn after_connector(text: &str, start: usize, before: &str) -> Option<(Link, Range<usize>)> {
    let c = BEFORE.captures(before)?.name("c")?;
    let link = connector(c.as_str())?;
    let conn_at = start + c.start();
    let referent = HEAD_WORD
        .find_iter(&text[start..conn_at])
        .filter(|m| {
            !text[start + m.end()..].chars().next().is_some_and(char::is_alphanumeric)
                && (!singular(m.as_str()) || RATIO.is_match(&text[start + m.end()..conn_at]))
        })
        .last()?;
    Some((link, start + referent.start()..start + referent.end()))
}

/// "et" or a comma before the number.
static AND: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:\bet|,)\s+$").expect("valid regex"));

/// Whether `n` continues the list of parts that `prev` (a part, just before it) opened: "1 584
/// quartiers, dont 1 362 dans l'Hexagone et 222 outre-mer" (222 is a part too). Both in the
/// sentence that starts at `start`; between them a few words without a digit, then "et" or a
/// comma.
fn continues_list(
    text: &str,
    start: usize,
    prev: &super::number::Number,
    n: &super::number::Number,
) -> bool {
    prev.range.start >= start
        && text.get(prev.num.end..n.range.start).is_some_and(|between| {
            between.len() <= 60
                && !between.chars().any(|c| c.is_ascii_digit())
                && AND.is_match(between)
        })
}

/// The head noun of the whole a number is a part of, when a comma puts the number right after
/// "sur les" / "parmi les" and that whole: "Sur les 440 000 habitants de l'agglomération, plus
/// de 210 000 vivent en QPV".
fn after_partitive(headed: &[Headed], start: usize, before: &str) -> Option<Range<usize>> {
    let whole = PARTITIVE.captures(before)?.name("w")?;
    let at = start + whole.start();
    let h = headed.iter().find(|h| h.number.range.start == at)?;
    Some(h.head.clone())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, none, one};

    #[test]
    fn parts() {
        let t = "Habitants : 190 459 habitants dont 35 260 en QPV en 2013.";
        assert_eq!(one(&Elided, t), (35260.0, "population_qpv".into(), false));
        let t = "Les treize quartiers prioritaires comptent 71 300 habitants, dont 57 600 à Strasbourg.";
        assert_eq!(one(&Elided, t).1, "population_qpv");
        let t = "Population : 126 872 habitants (INSEE 2012), dont 11 950 résidant en quartier prioritaire";
        assert_eq!(one(&Elided, t).1, "population_qpv");
        let t = "Le territoire compte 52 communes, parmi lesquelles 7 relèvent de la politique de la ville.";
        assert_eq!(one(&Elided, t), (7.0, "commune_count".into(), false));
        let t = "Il réunit 310 000 habitants, parmi lesquels 41 500 vivent en QPV.";
        assert_eq!(one(&Elided, t), (41500.0, "population_qpv".into(), false));
        let t = "Composition : 39 communes, dont 3 concernées par la politique de la ville";
        assert_eq!(one(&Elided, t), (3.0, "commune_count".into(), false)); // Parts listed after the first one.
        let t = "Au total, 1 584 quartiers, dont 1 362 en métropole et 222 outre-mer.";
        all(&Elided, t, &[(1362.0, "qpv_count"), (222.0, "qpv_count")]);
        let t = "Le territoire compte 24 communes, dont 6 au nord, 4 au sud et 2 à l'est.";
        all(&Elided, t, &[(6.0, "commune_count"), (4.0, "commune_count"), (2.0, "commune_count")]);
        // Not after a number that is no part, nor past another figure.
        none(&Elided, "Le contrat compte 24 communes et 6 ans de travail derrière lui et 4 après.");
        let t = "On compte 24 communes, dont 6 au nord ; le budget atteint 2 000 et 3 000.";
        all(&Elided, t, &[(6.0, "commune_count")]);
    }

    #[test]
    fn others() {
        let t =
            "La géographie compte 1 362 quartiers en France, contre 1 296 dans la carte de 2015.";
        assert_eq!(one(&Elided, t), (1296.0, "qpv_count".into(), false));
        let t = "Une soixantaine de quartiers sortent du dispositif, tandis que près de 130 y font leur entrée.";
        assert_eq!(one(&Elided, t), (130.0, "qpv_count".into(), true));
        let t = "soit un habitant sur dix parmi les 465 000 que compte le territoire.";
        assert_eq!(one(&Elided, t), (465000.0, "population".into(), false));
    }

    #[test]
    fn not_elided() {
        none(&Elided, "190 459 habitants dont 35 260 habitants en QPV.");
        none(&Elided, "Un contrat dont 12 sont fiers.");
        none(&Elided, "36 000 habitants, contre 2015 auparavant.");
        none(&Elided, "La lutte contre 3 fléaux.");
        all(&Elided, "Les 12 signataires, dont 5 maires.", &[(5.0, "partner_count")]);
    }
}
