//! `people.signed_by`: the people named after "signé par" and its variants.
//!
//! Finds: "Le contrat a été signé par A, préfet du Var, B, président de l'agglomération, et C,
//! maire de Hyères", "signé le lundi 3 juin à Toulon, par A", "Signé en mai dernier par A",
//! "signé par le préfet du Var, A, et par le président, B", a bulleted list after "signé par :",
//! a list after "Les signataires sont". Involvement `signatory`. Does not find: people after a
//! later "en présence de" in the same sentence (`people.in_presence_of`), inside a quotation or
//! a relative clause ("signé par A, qui a remercié B"), or after "par" in another sentence.

use super::cue::{FUTURE_BEFORE, PRESENCE, SIGN_BY, SPEECH_AFTER_QUOTE, list_end};
use std::sync::LazyLock;

use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::text::Regex;
use crate::rules::{Candidates, Doc, Rule};

/// The "signé par" rule.
pub struct SignedBy;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.signed_by";

impl Rule for SignedBy {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for cue in SIGN_BY.find_iter(p.text) {
            if future(p.text, cue.start()) || byline(p.text, cue.end()) {
                continue;
            }
            let sentence = p.sentence(cue.start());
            let stop = sentence.end.max(cue.end());
            let end = list_end(p.text, cue.end(), stop, &[&PRESENCE, &SPEECH_AFTER_QUOTE]);
            for m in p.listed(cue.end()..end) {
                emit(doc, m, Involvement::Signatory, self.id(), out);
            }
        }
    }
}

/// Whether the signing at `at` is to come: "sera signé par", "doit être signé par".
fn future(text: &str, at: usize) -> bool {
    let lo = text.ceil_char_boundary(at.saturating_sub(60));
    FUTURE_BEFORE.is_match(&text[lo..at])
}

/// Whether the "par" ending at `at` opens a byline ("…contrat de ville signé\nPar Jean Dupont",
/// "Publié le 02/07/2015 à 05h00 | Par Jean Dupont"): written "Par" at the start of a line,
/// after a separator (a bar, a bullet, a dash) or on a line that dates the publication.
fn byline(text: &str, at: usize) -> bool {
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:publié|mis\s+à\s+jour|modifié|mise\s+en\s+ligne)\b")
            .expect("valid regex")
    });
    let head = &text[..at];
    let Some(before) = head.strip_suffix("Par") else { return false };
    let line = &before[before.rfind('\n').map_or(0, |p| p + 1)..];
    let line = line.trim_end_matches([' ', '\t']);
    line.is_empty() || line.ends_with(['|', '•', '·', '–', '—', '-']) || DATED.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none, run};

    const S: Involvement = Involvement::Signatory;

    #[test]
    fn lists_after_signe_par() {
        finds(
            &SignedBy,
            "Le contrat a été signé par Paul Roche, préfet du Var, Anne Brun, présidente de \
             l'agglomération, et Marc Viel, maire de Hyères. Il concerne six quartiers.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            S,
        );
        finds(
            &SignedBy,
            "Il a été signé le lundi 3 juin à la mairie, à Toulon, par Paul Roche, préfet du Var.",
            &["Paul Roche"],
            S,
        );
        finds(
            &SignedBy,
            "Signé en mai dernier par Paul Roche, sous-préfet de Brignoles, le contrat réunit vingt partenaires.",
            &["Paul Roche"],
            S,
        );
        finds(
            &SignedBy,
            "Le document a été signé par le préfet du Var, Paul Roche, et par le président de \
             Toulon Provence, Hugues Delorme, ainsi que par les maires.",
            &["Paul Roche", "Hugues Delorme"],
            S,
        );
        finds(
            &SignedBy,
            "Le contrat a été signé par :\n\n- Paul Roche, préfet du Var ;\n- Anne Brun, \
             présidente de la métropole.\n\nLa signature s'est tenue en mairie.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn the_signatures_are_those_of() {
        finds(
            &SignedBy,
            "Pour l'État, les signatures sont celles de Paul Roche, préfet du Var, de Anne Brun, \
             rectrice de l'académie, et de Marc Viel, directeur de l'agence régionale de santé.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            S,
        );
    }

    #[test]
    fn html_list_items() {
        use crate::ingest::normalise::normalise;
        use crate::record::Format;
        let text = "Le contrat a été signé par :\nPaul Roche, préfet du Var\nAnne Brun, maire de Hyères\nLes quartiers\nLucie Morin, habitante\n";
        let norm = normalise(text);
        let doc = Doc { id: "t", format: Format::Html, clean: text, norm: &norm };
        let mut out = Candidates::default();
        SignedBy.apply(&doc, &mut out);
        let names: Vec<&str> = out.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Paul Roche", "Anne Brun"]);
    }

    #[test]
    fn other_passive_shapes() {
        let both = &["Paul Roche", "Anne Brun"];
        for text in [
            "Le contrat a été signé conjointement par Paul Roche, préfet du Var, et Anne Brun, maire.",
            "Le contrat a été signé ce lundi entre Paul Roche, préfet du Var, et Anne Brun, maire.",
            "La signature, par Paul Roche, préfet du Var, et Anne Brun, maire, du contrat a eu lieu lundi.",
            "Parmi les signataires figurent Paul Roche, préfet du Var, et Anne Brun, maire de Hyères.",
            "Le contrat a été cosigné par M. Paul Roche (préfet du Var) et Mme Anne Brun (maire de Hyères).",
            "Le contrat a été ratifié lundi par le préfet Paul Roche et la maire Anne Brun.",
        ] {
            finds(&SignedBy, text, both, S);
        }
    }

    #[test]
    fn a_page_that_lost_its_accents() {
        finds(
            &SignedBy,
            "Le document a ete paraphe par le prefet du Var, Paul Roche, et par le maire de \
             Hyeres, Anne Brun.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        none(&SignedBy, "C est un signe fort envoye par la Region a Paul Roche, maire.");
    }

    #[test]
    fn signings_to_come_and_bylines() {
        none(&SignedBy, "Le contrat sera signé par Paul Roche, préfet du Var, le 3 juin.");
        none(&SignedBy, "Le contrat doit être officiellement signé par Paul Roche, préfet du Var.");
        none(&SignedBy, "Le nouveau contrat de ville signé\nPar Paul Roche\nPublié le 3 juin");
        none(
            &SignedBy,
            "Le contrat de ville enfin signé\nPublié le 02/07/2015 à 05h00 | Par Anne Brun",
        );
        none(&SignedBy, "Le contrat est signé\nMis à jour le 3 juin Par Anne Brun");
        none(&SignedBy, "Le contrat est signé • Par Anne Brun, le 3 juin");
        // A signing by a person in the body of a sentence stays one.
        finds(
            &SignedBy,
            "Le contrat est signé, le 3 juin, Par Anne Brun, maire.",
            &["Anne Brun"],
            S,
        );
        let got = run(&SignedBy, "Signé par Anne Brun, maire, et Paul Roche, député (excusé).");
        assert_eq!(got[1].involvement, Involvement::Mentioned, "an excused person");
    }

    #[test]
    fn not_signatories() {
        finds(
            &SignedBy,
            "Il a été signé par Paul Roche, préfet du Var, en présence de Anne Brun, maire.",
            &["Paul Roche"],
            S,
        );
        none(&SignedBy, "Le contrat a été signé par la Région. Paul Roche, préfet, a parlé.");
        none(&SignedBy, "Il a été signé par trente partenaires, a rappelé Paul Roche, préfet.");
        none(&SignedBy, "Signé le 3 juin, le contrat fixe les priorités de Paul Roche, maire.");
    }
}
