//! `people.gathered`: the people a signing or its ceremony brought together.
//!
//! Finds: "La signature du contrat a réuni A, préfet, B, président de la CINOR, et les maires",
//! "La cérémonie rassemblait A et B". Involvement `signatory` when the subject is the signing
//! ("la signature", "le contrat signé"), `present` when it is a ceremony (`mentioned` for a role
//! that is not an official capacity). Also the hosts who gathered a contract's partners: "A,
//! préfète, et B, président de l'agglomération, ont réuni les signataires du contrat", "A a
//! rassemblé autour d'elle les vingt partenaires engagés" (`present`), in a sentence about a
//! contract. And the people a sentence opening on a gathering in the passive lists, right after a
//! sentence that tells a signing or in one: "Le contrat a été signé vendredi. Étaient réunis
//! pour l'occasion A, sous-préfet, et B, maire" (`present`; cues `gather_opening` of
//! `rules/people/cues.tsv`). Does not find: the same verbs with another subject ("La réunion a
//! réuni A") or another object ("A a réuni les habitants"), people after a quotation or a
//! relative clause.

use super::cue::{ABOUT_CONTRACT, GATHER, PRESENCE, list_end};
use super::emit;
use super::grammar::Parsed;
use super::lexicon::{alternation, cues};
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

use crate::rules::text::Regex;
use std::sync::LazyLock;

/// The gathering rule.
pub struct Gathered;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.gathered";

/// A subject that is the signing itself.
static SIGNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sign|paraph|contresign|cosign)").expect("valid regex"));

/// A subject that is a ceremony of signing.
static CEREMONY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcérémonie").expect("valid regex"));

/// The object of a gathering whose subject hosts a contract's partners: "les partenaires",
/// "autour d'eux l'ensemble des signataires", "les représentants des 30 partenaires", a word or
/// two before ("hier", "ce matin").
static PARTNERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:\p{Ll}+\s+){0,2}?(?:autour\s+(?:d'(?:eux|elles?|elle)|de\s+(?:lui|soi))\s+)?(?:l'ensemble\s+des|tous\s+les|toutes\s+les|les|leurs|ses|des)\s+(?:représentant(?:e)?s\s+d(?:es|e|u)\s+)?(?:[\p{L}\d-]+\s+){0,2}?(?:partenaires|signataires|cosignataires)\b",
    )
    .expect("valid regex")
});

/// A gathering in the passive, with what may stand before its list: "Étaient réunis pour
/// l'occasion", "Étaient notamment présents autour de la table" (it counts where it opens a
/// sentence).
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{}(?:\s+(?:pour\s+l'occasion|à\s+cette\s+occasion|pour\s+la\s+circonstance|notamment|également|autour\s+de\s+la\s+table))*\b",
        alternation(cues("gather_opening"))
    ))
    .expect("valid regex")
});

impl Gathered {
    /// The people listed after a sentence-opening gathering ([`OPENING`]) when that sentence
    /// or the one before it tells a signing.
    fn opening_lists(&self, doc: &Doc, p: &Parsed, out: &mut Candidates) {
        for cue in OPENING.find_iter(p.text) {
            let sentence = p.sentence(cue.start());
            if !p.text[sentence.start..cue.start()].trim().is_empty() {
                continue;
            }
            let before = p.text[..sentence.start].trim_end();
            let previous = if before.is_empty() { 0..0 } else { p.sentence(before.len() - 1) };
            if !SIGNING.is_match(&p.text[previous]) && !SIGNING.is_match(&p.text[sentence.clone()])
            {
                continue;
            }
            let Some(from) = p.list_after(cue.end()) else { continue };
            let end = list_end(p.text, from, sentence.end, &[&PRESENCE]);
            for m in p.listed(from..end) {
                emit(doc, m, Involvement::Present, self.id(), out);
            }
        }
    }
}

impl Rule for Gathered {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for verb in GATHER.find_iter(p.text) {
            let sentence = p.sentence(verb.start());
            let subject = &p.text[sentence.start..verb.start()];
            let involvement = if SIGNING.is_match(subject) {
                Involvement::Signatory
            } else if CEREMONY.is_match(subject) {
                Involvement::Present
            } else {
                if PARTNERS.is_match(&p.text[verb.end()..])
                    && ABOUT_CONTRACT.is_match(&p.text[sentence.clone()])
                {
                    for m in p.listed_before(verb.start()) {
                        emit(doc, m, Involvement::Present, self.id(), out);
                    }
                }
                continue;
            };
            let Some(from) = p.list_after(verb.end()) else { continue };
            let end = list_end(p.text, from, sentence.end, &[&PRESENCE]);
            for m in p.listed(from..end) {
                emit(doc, m, involvement, self.id(), out);
            }
        }
        self.opening_lists(doc, &p, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    #[test]
    fn people_a_signing_gathered() {
        finds(
            &Gathered,
            "La signature du contrat de ville a réuni Paul Roche, préfet du Var, Anne Brun, \
             présidente de l'agglomération, et les maires des communes.",
            &["Paul Roche", "Anne Brun"],
            Involvement::Signatory,
        );
        finds(
            &Gathered,
            "La cérémonie rassemblait Paul Roche, député, et Anne Brun, sénatrice.",
            &["Paul Roche", "Anne Brun"],
            Involvement::Present,
        );
    }

    #[test]
    fn a_time_or_place_set_off_before_the_list() {
        finds(
            &Gathered,
            "La signature du contrat a réuni, jeudi 4 avril 2024, Paul Roche, préfet du Var, et \
             Anne Brun, maire de Hyères.",
            &["Paul Roche", "Anne Brun"],
            Involvement::Signatory,
        );
        finds(
            &Gathered,
            "La signature a rassemblé, à l'hôtel de ville, Anne Brun, maire de Hyères.",
            &["Anne Brun"],
            Involvement::Signatory,
        );
        // A person inside the commas is no time or place: the list does not start after them.
        none(
            &Gathered,
            "La signature a réuni, autour de Paul Roche, préfet, les partenaires du contrat.",
        );
    }

    #[test]
    fn hosts_who_gathered_the_partners() {
        for text in [
            "La préfète Anne Brun et Paul Roche, président de l'agglomération, ont réuni les \
             signataires du contrat de ville.",
            "Anne Brun, préfète, et Paul Roche, maire, avaient ainsi rassemblé autour d'eux les \
             représentants des trente partenaires engagés dans le contrat.",
            "Anne Brun et Paul Roche réunissaient hier l'ensemble des partenaires du nouveau \
             contrat.",
        ] {
            finds(&Gathered, text, &["Anne Brun", "Paul Roche"], Involvement::Present);
        }
    }

    #[test]
    fn people_gathered_at_a_signing_told_before() {
        finds(
            &Gathered,
            "Le contrat de ville a été signé jeudi à la mairie. Étaient réunis pour l'occasion \
             Paul Roche, sous-préfet de Dax, Anne Brun, présidente de l'agglomération, et Marc \
             Vidal, maire, en présence de Léa Costa, conseillère régionale.",
            &["Paul Roche", "Anne Brun", "Marc Vidal"],
            Involvement::Present,
        );
        finds(
            &Gathered,
            "La convention a été paraphée hier. Étaient présents : Paul Roche, préfet, et Anne \
             Brun, maire.",
            &["Paul Roche", "Anne Brun"],
            Involvement::Present,
        );
    }

    #[test]
    fn other_gatherings() {
        // A sentence-opening gathering without a signing told before it or in it.
        none(
            &Gathered,
            "Le forum des associations a eu lieu samedi. Étaient réunis Paul Roche, maire, et \
             Anne Brun, adjointe.",
        );
        none(&Gathered, "Anne Brun, maire, a réuni les habitants pour parler du contrat.");
        none(&Gathered, "Anne Brun, maire, a réuni les partenaires du festival d'été.");
        none(&Gathered, "La réunion publique a réuni Paul Roche, maire, et les habitants.");
        none(&Gathered, "La signature approche. Le forum a réuni Paul Roche, maire.");
    }
}
