//! `orgs.parties`: the parties a sentence about a signature names in a preamble ("Aux côtés de
//! l'État et de Caen la Mer, ...", "Outre l'État et la Métropole, ...") or between "entre"
//! and the rest of the sentence ("signé entre l'État, la Région et la CALL").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::text::sentences;
use super::{push_signatories, trimmed};
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.parties";

/// Finds the parties named with "aux côtés de", "outre" or "entre" in a sentence about a
/// signature.
///
/// Finds: "Aux côtés de l'État, de la Région et de Forbach Porte de France, le Département ... ont
/// signé" → État, Région, Forbach Porte de France; "Outre l'État et Lorient Agglomération, ..."
/// → État, Lorient Agglomération; "le contrat signé entre l'État, la Métropole de Lyon et la
/// Région" → the three. The chain of parties runs while its items are joined by "de", "et" (and
/// articles after "entre"); a person named there with a role is no party ("aux côtés de Marc
/// Durand, président de la CALL").
///
/// Does not find: a preamble in a sentence that does not speak of signing ("Aux côtés de l'État,
/// la Région finance les actions").
pub struct Parties;

static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:co-?)?sign(?:é|ée|és|ées|ent|era|eront|ataire|ataires)\b|\bparaph|\bse\s+sont\s+(?:tous\s+|également\s+)?engagé|\bs['’]engagent\b")
        .expect("valid regex")
});

static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?P<kind>aux\s+côtés|au\s+côté|outre|entre)\s+").expect("valid regex")
});

/// A comma followed by a continuation of the chain.
static CONTINUES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:et\s+)?(?:de\s+|d'|du\s+|des\s+)").expect("valid regex")
});

static CONTINUES_ENTRE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:et\s+)?(?:l'|la\s+|le\s+|les\s+)?(?-i:\p{Lu})").expect("valid regex")
});

/// A role opening the next chunk ("président de la CALL"): the chain ended with a person.
static ROLE_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:sous-)?(?:préfète?|président|présidente|maire|recteur|rectrice|directeur|directrice|vice-présidente?|conseillère?|procureure?)\b")
        .expect("valid regex")
});

impl Rule for Parties {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(doc) {
            let s = &text[sentence.clone()];
            if !SIGNING.is_match(s) {
                continue;
            }
            let mut seen = Vec::new();
            for caps in OPENING.captures_iter(s) {
                let (Some(all), Some(kind)) = (caps.get(0), caps.name("kind")) else { continue };
                let entre = kind.as_str().eq_ignore_ascii_case("entre");
                let end = chain_end(s, all.end(), entre);
                let seg = trimmed(text, sentence.start + kind.start()..sentence.start + end);
                push_signatories(doc, items(text, seg, Mode::Explicit), ID, &mut seen, out);
            }
        }
    }
}

/// Where the chain of parties starting at `from` ends in `s`: at the first comma (or stop) not
/// followed by a continuation; a role after that comma is taken in so that the person before it
/// is known as one.
pub(super) fn chain_end(s: &str, from: usize, entre: bool) -> usize {
    let mut at = from;
    let mut seen_et = false;
    while let Some(off) = s[at..].find([',', ';', ':', '.', '(']) {
        let sep = at + off;
        seen_et |= s[at..sep].contains(" et ");
        let rest = &s[sep + 1..];
        let goes_on = !s[sep..].starts_with([';', ':', '.', '('])
            && !seen_et
            && (CONTINUES.is_match(rest) || (entre && CONTINUES_ENTRE.is_match(rest)));
        if !goes_on {
            if s[sep..].starts_with(',') && ROLE_NEXT.is_match(rest) {
                let role_end = rest.find([',', ';', '.']).map_or(s.len(), |e| sep + 1 + e);
                return role_end;
            }
            return sep;
        }
        at = sep + 1;
    }
    s.len()
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&Parties, text), expected, "{text:?}");
    }

    #[test]
    fn a_preamble_of_parties() {
        check(
            "Aux côtés de l'État, de la Région et de Forbach Porte de France, le Département de la Moselle et la CAF ont également signé ce contrat.",
            &["État", "Région", "Forbach Porte de France"],
        );
        check(
            "Outre l'État et la Métropole Rouen Normandie, le contrat a été signé par la Région.",
            &["État", "Métropole Rouen Normandie"],
        );
        check(
            "Le contrat a été signé entre l'État, la Métropole de Lyon et la Région, pour six ans.",
            &["État", "Métropole de Lyon", "Région"],
        );
    }

    #[test]
    fn persons_and_sentences_without_signature() {
        check(
            "Le maire a paraphé le document aux côtés de Marc Durand, président de la CALL, et du préfet.",
            &[],
        );
        check("Aux côtés de l'État, la Région finance les actions.", &[]);
    }
}
