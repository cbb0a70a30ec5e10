//! `figures.stated`: a number without a head noun whose subject says what it counts, through a
//! verb of `rules/figures/stating_verbs.txt`.
//!
//! Finds: "la population des quartiers prioritaires s'élève à 27 615" (`population_qpv`), "la
//! population de l'agglomération atteint 152 000" (`population`), "le nombre de quartiers
//! prioritaires est de 14" (`qpv_count`), "le nombre de signataires s'établit à 26"
//! (`partner_count`), "les habitants des quartiers prioritaires, au nombre de 6 200"
//! (`population_qpv`). The subject must stand in the number's sentence, at most 80 characters
//! before the verb, with no other number in between. Does not find: a number with its own head
//! noun (the other rules read it: "la population s'élève à 16 %" is a percent), a year ("la
//! population atteint son maximum en 1975"), a verb without such a subject ("le budget s'élève
//! à 12"), a number of years ("le nombre d'années est de 6").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::context::{cues, kind, sentence};
use super::head::{HEAD, headed_of};
use super::lexicon::{Class, STATING_VERBS, alternation, head_class};
use super::number::numbers_of;
use super::{figure, unit};
use crate::rules::{Candidates, Doc, Rule};

/// The stated-value rule.
pub struct Stated;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.stated";

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(STATING_VERBS.iter().map(String::as_str));
    Regex::new(&format!(
        r"(?i)\b(?:(?P<p>population)|nombre\s+(?:de\s+|d['’])(?P<h>{head})|(?P<a>{head}))\b[^\d.;:!?]{{0,80}}?(?:\s{verbs}|(?P<n>,\s*au\s+nombre\s+de|\s+sont\s+au\s+nombre\s+de)|(?P<t>\s*:|\s+sont))\s+$",
        head = HEAD.as_str()
    ))
    .expect("valid regex")
});

/// A total after a number: "au total", "en tout".
static TOTAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^\s*(?:au\s+total|en\s+tout)\b").expect("valid regex"));

impl Rule for Stated {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let with_head: Vec<usize> = headed_of(doc).iter().map(|h| h.number.num.start).collect();
        for n in numbers_of(doc) {
            if n.year || with_head.contains(&n.num.start) {
                continue;
            }
            let s = sentence(text, n.num.start);
            // An approximator may be the verb itself ("avoisine 12 000").
            let caps = [n.range.start, n.num.start]
                .into_iter()
                .find_map(|end| SUBJECT.captures(text.get(s.start..end)?));
            let Some(caps) = caps else { continue };
            // A bare head noun is a subject only with "au nombre de", or with a colon or "sont"
            // before a total ("les signataires : vingt-deux au total").
            let total = || TOTAL.is_match(&text[n.range.end..]);
            if caps.name("t").is_some() && !(caps.name("a").is_some() && total()) {
                continue;
            }
            let head = match caps.name("a") {
                Some(a) if caps.name("n").is_some() || caps.name("t").is_some() => Some(a),
                Some(_) => continue,
                None => caps.name("h"),
            };
            let (class, noun) = match (caps.name("p"), head) {
                (Some(p), _) => (Class::People, p.as_str()),
                (None, Some(h)) => match head_class(h.as_str()) {
                    Some(c) => (c, h.as_str()),
                    None => continue,
                },
                (None, None) => continue,
            };
            if class == Class::Years {
                continue;
            }
            let Some(all) = caps.get(0) else { continue };
            let subject = s.start + all.start()..n.num.start;
            let Some(k) = kind(class, &cues(&text[subject])) else { continue };
            let unit =
                if class == Class::People { "habitants".to_owned() } else { unit(class, noun) };
            let value = (n.value, n.approx);
            out.figures.push(figure(doc, n.range.clone(), self.id(), value, k, Some(unit)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{none, one};

    #[test]
    fn stated() {
        let t = "La population des quartiers prioritaires s'élève à 27 615.";
        assert_eq!(one(&Stated, t), (27615.0, "population_qpv".into(), false));
        let t = "En 2020, la population de l'agglomération atteint 152 000.";
        assert_eq!(one(&Stated, t), (152_000.0, "population".into(), false));
        let t = "La population vivant en QPV est estimée à environ 12 000.";
        assert_eq!(one(&Stated, t), (12000.0, "population_qpv".into(), true));
        let t = "La population concernée avoisine 9 000.";
        assert_eq!(one(&Stated, t), (9000.0, "population_qpv".into(), true));
        assert_eq!(one(&Stated, "Le nombre de quartiers prioritaires est de 14.").1, "qpv_count");
        assert_eq!(one(&Stated, "Le nombre de signataires s'établit à 26.").1, "partner_count");
        let t = "Les habitants des quartiers prioritaires, au nombre de 6 200, sont jeunes.";
        assert_eq!(one(&Stated, t), (6200.0, "population_qpv".into(), false));
        let t = "La CAF et la Région figurent parmi les signataires : vingt-deux au total.";
        assert_eq!(one(&Stated, t), (22.0, "partner_count".into(), false));
        let t = "Les partenaires sont au nombre de 31.";
        assert_eq!(one(&Stated, t), (31.0, "partner_count".into(), false));
    }

    #[test]
    fn not_stated() {
        none(&Stated, "La population des quartiers s'élève à 27 615 habitants.");
        none(&Stated, "La part de la population en QPV s'élève à 16 %.");
        none(&Stated, "La population atteint son maximum en 1975.");
        none(&Stated, "Le budget s'élève à 12.");
        none(&Stated, "Les habitants s'élève à 12.");
        none(&Stated, "Les projets, au nombre de 12, avancent.");
        none(&Stated, "Les signataires : 22 partenaires.");
        none(&Stated, "Les partenaires sont 12 à avoir signé.");
        none(&Stated, "Le nombre d'années est de 6.");
        none(&Stated, "La population de 2015, 12 000 personnes, s'élève à 14.");
    }
}
