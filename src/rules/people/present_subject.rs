//! `people.present_subject`: the people who are the subject of a verb of attendance at a
//! signing.
//!
//! Finds: "A, sous-préfète du Havre, y représentait le préfet", "A et B ont assisté à la
//! signature", "A, conseiller régional, était présent", and the inverted "Étaient également
//! présents : A, B", when the paragraph (or the one before) is about a signing.
//! Involvement `present` (`mentioned` for a role that is not an official capacity). Does not
//! find: the same verbs in a paragraph about something else, a subject separated from the verb
//! by a clause.

use std::sync::LazyLock;

use super::cue::{PRESENCE_VERB, SIGN_ACTIVE, SIGN_BY, SIGNING_CONTEXT, list_end};
use super::emit;
use super::grammar::Parsed;
use super::lexicon;
use crate::record::Involvement;
use crate::rules::text::Regex;
use crate::rules::{Candidates, Doc, Rule};

/// The occasion an inverted attendance verb may name before its subjects, after an adverb or
/// two: "Étaient également présents pour la signature A", "Assistaient aussi à la cérémonie du
/// contrat B", "Étaient là lors de la signature de la convention, C".
static OCCASION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[ \t]*(?:{}\s+)*(?:(?:pour|à|a|lors\s+de|au\s+cours\s+de|durant|pendant)\s+(?:la|cette|l')\s*(?:signature|cérémonie|ceremonie)\b)?(?:\s*(?:du|de\s+ce|de\s+la|de\s+l')\s*(?:contrat|convention|document|protocole)(?:\s+de\s+ville)?\b)?[ \t]*,?",
        lexicon::alternation(lexicon::cues("adverb"))
    ))
    .expect("valid regex")
});

/// The attendance-verb rule.
pub struct PresentSubject;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.present_subject";

impl Rule for PresentSubject {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for verb in PRESENCE_VERB.find_iter(p.text) {
            if !SIGNING_CONTEXT.is_match(&p.text[p.signing_reach(verb.start())]) {
                continue;
            }
            for m in p.listed_before(verb.start()) {
                emit(doc, m, Involvement::Present, self.id(), out);
            }
            let occasion = OCCASION.find(&p.text[verb.end()..]).map_or(0, |o| o.end());
            let after = p.list_after(verb.end() + occasion);
            if let Some(from) = after.or_else(|| p.list_after(verb.end())) {
                let sentence = p.sentence(verb.start());
                let end = list_end(p.text, from, sentence.end, &[&SIGN_BY, &SIGN_ACTIVE]);
                for m in p.listed(from..end) {
                    emit(doc, m, Involvement::Present, self.id(), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const P: Involvement = Involvement::Present;

    #[test]
    fn subjects_of_attendance() {
        finds(
            &PresentSubject,
            "Le contrat a été signé à Dieppe. Lucie Morin, sous-préfète de Dieppe, y \
             représentait le préfet.",
            &["Lucie Morin"],
            P,
        );
        finds(
            &PresentSubject,
            "Paul Roche et Anne Brun ont assisté à la signature.",
            &["Paul Roche", "Anne Brun"],
            P,
        );
    }

    #[test]
    fn inverted_attendance() {
        finds(
            &PresentSubject,
            "Le contrat a été signé hier. Étaient présents : Paul Roche, député, et Anne Brun, \
             conseillère régionale.",
            &["Paul Roche", "Anne Brun"],
            P,
        );
    }

    #[test]
    fn other_attendance_verbs() {
        for text in [
            "Le contrat a été signé hier. Paul Roche, député, et Anne Brun, sénatrice, ont assisté à la cérémonie.",
            "Le contrat a été signé hier. Paul Roche, député, et Anne Brun, sénatrice, participaient à la cérémonie.",
            "Le contrat a été signé hier. Étaient notamment présents Paul Roche, député, et Anne Brun, sénatrice.",
            "Le contrat a été signé hier. Se trouvaient là M. Paul Roche, député ; Mme Anne Brun, sénatrice.",
            "Le contrat a été signé hier. Etaient présents : Paul Roche, député ; Anne Brun, sénatrice.",
        ] {
            finds(&PresentSubject, text, &["Paul Roche", "Anne Brun"], P);
        }
    }

    #[test]
    fn inverted_attendance_naming_the_occasion() {
        for text in [
            "Le contrat a été paraphé hier.Etaient également présents pour la signature le \
             délégué du préfet, M. Paul Roche, ainsi que les deux adjointes chargées du sport et \
             de la culture, Mmes Anne Brun et Lucie Morin.",
            "Le contrat a été signé en mairie. Assistaient aussi à la cérémonie du contrat de \
             ville M. Paul Roche, député, Mme Anne Brun, sénatrice, et Lucie Morin, conseillère \
             régionale.",
            "Le document a été signé lundi. Étaient présents lors de la signature, Paul Roche, \
             sous-préfet, Anne Brun et Lucie Morin, adjointes au maire.",
        ] {
            finds(&PresentSubject, text, &["Paul Roche", "Anne Brun", "Lucie Morin"], P);
        }
        // Attendance at another occasion is none at the signing.
        none(
            &PresentSubject,
            "Le contrat a été signé lundi.\n\nÉtaient présents pour l'inauguration de l'école \
             Paul Roche et Anne Brun.",
        );
    }

    #[test]
    fn travelling_to_a_signing() {
        for text in [
            "Trois contrats ont été signés ce mois. Lundi, Anne Brun a fait le déplacement à Alès.",
            "Le contrat a été signé en mairie. Anne Brun, ministre, s'est rendue à Alès pour l'occasion.",
            "Pour la signature du contrat, Anne Brun s'est déplacée en personne.",
        ] {
            finds(&PresentSubject, text, &["Anne Brun"], P);
        }
    }

    #[test]
    fn not_attendance_at_a_signing() {
        none(&PresentSubject, "Lucie Morin, adjointe, représentait le maire au conseil.");
        none(&PresentSubject, "Anne Brun a fait le déplacement à Alès pour inaugurer l'école.");
        none(&PresentSubject, "Anne Brun, ministre, s'est rendue au salon de l'agriculture.");
    }
}
