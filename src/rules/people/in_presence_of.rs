//! `people.in_presence_of`: the people present at a signing.
//!
//! Finds: "en présence de A, vice-présidente, et de B, conseiller départemental", "aux côtés de
//! A, président de l'agglomération, et du préfet", "accompagnée de A", when the paragraph (or the one
//! before) is about a signing ("signé", "signature", "paraphé", "cérémonie"). Involvement `present`, or
//! `mentioned` for a person whose role is not an official capacity ("habitante du quartier").
//! Does not find: "en présence de" in a paragraph that says nothing of a signing, people after a
//! later signing cue of the same sentence ("aux côtés du préfet ont signé A": those are
//! signatories), inside a quotation.

use super::cue::{PRESENCE, SIGN_ACTIVE, SIGN_BY, SIGNING_CONTEXT, SPEECH_AFTER_QUOTE, list_end};
use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

/// The presence rule.
pub struct InPresenceOf;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.in_presence_of";

impl Rule for InPresenceOf {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for cue in PRESENCE.find_iter(p.text) {
            if !SIGNING_CONTEXT.is_match(&p.text[p.signing_reach(cue.start())]) {
                continue;
            }
            let sentence = p.sentence(cue.start());
            let others = [&*SIGN_BY, &*SIGN_ACTIVE, &*SPEECH_AFTER_QUOTE];
            let end = list_end(p.text, cue.end(), sentence.end, &others);
            for m in p.listed(cue.end()..end) {
                emit(doc, m, Involvement::Present, self.id(), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none, run};

    const P: Involvement = Involvement::Present;

    /// A cue whose words a blank line parts ends past its sentence (a fuzzing find: the list
    /// after it was sliced backwards): no one is read, and nothing panics.
    #[test]
    fn a_cue_across_a_blank_line_lists_no_one() {
        none(&InPresenceOf, "La signature a eu lieu aux côtés\n\nde Paul Viel, maire.");
        none(&InPresenceOf, "Signature en présence\n\nde Lucie Morin.");
    }

    #[test]
    fn people_present_at_a_signing() {
        finds(
            &InPresenceOf,
            "La cérémonie s'est déroulée en présence de Lucie Morin, vice-présidente de la \
             métropole, et d'Anne-Laure Viel, conseillère départementale de l'Hérault.",
            &["Lucie Morin", "Anne-Laure Viel"],
            P,
        );
        finds(
            &InPresenceOf,
            "Paul Roche, maire, a paraphé le document aux côtés de Marc Viel, président de \
             l'agglomération, et du préfet.",
            &["Marc Viel"],
            P,
        );
        finds(
            &InPresenceOf,
            "Signé le mardi 4 juin, en présence de Paul Roche, Préfet du Var, Anne Brun, \
             Conseillère régionale, et des maires, le contrat fixe six ans d'engagements.",
            &["Paul Roche", "Anne Brun"],
            P,
        );
    }

    #[test]
    fn an_adverb_inside_the_cue() {
        finds(
            &InPresenceOf,
            "Le préfet a signé les contrats d'Arles et d'Orange aux côtés respectivement de \
             Lucie Morin et d'Anne-Laure Viel.",
            &["Lucie Morin", "Anne-Laure Viel"],
            P,
        );
        finds(
            &InPresenceOf,
            "Le document a été signé en présence notamment de Lucie Morin, députée.",
            &["Lucie Morin"],
            P,
        );
    }

    #[test]
    fn people_present_on_a_page_that_lost_its_accents() {
        for text in [
            "Le contrat a ete paraphe hier. Le departement etait represente par sa \
             vice-presidente chargee de l'insertion, Lucie Morin.",
            "La signature s'est deroulee en presence de Lucie Morin, conseillere regionale.",
            "Le maire a signe le contrat, accompagne par Lucie Morin, adjointe.",
        ] {
            finds(&InPresenceOf, text, &["Lucie Morin"], P);
        }
        // The present tense of the same verb says nothing of a presence.
        none(
            &InPresenceOf,
            "Le contrat a ete signe hier. Lucie Morin represente des habitants du quartier.",
        );
    }

    #[test]
    fn the_head_of_an_association_is_present_in_no_office() {
        finds(
            &InPresenceOf,
            "Le contrat a été signé en présence de Lucie Morin, présidente de l'association \
             Voisins Solidaires.",
            &["Lucie Morin"],
            Involvement::Mentioned,
        );
    }

    #[test]
    fn a_person_described_by_no_office_is_present_in_no_office() {
        for text in [
            "La cérémonie s'est tenue en présence de Lucas Ferreira, champion paralympique.",
            "Le contrat a été signé en présence de Nadia Morin, une habitante du quartier.",
            "Le contrat a été signé aux côtés de Marc Viel, artiste peintre, parrain du projet.",
        ] {
            finds(&InPresenceOf, text, &[text_name(text)], Involvement::Mentioned);
        }
        // A pronoun, a participle or an adverb after the comma describes nobody.
        for text in [
            "Le contrat a été signé en présence de Lucas Morin, venu de Paris.",
            "Le contrat a été signé en présence de Lucas Morin, lui-même ancien élu.",
            "Le contrat a été signé en présence de Lucas Morin, notamment.",
        ] {
            finds(&InPresenceOf, text, &["Lucas Morin"], P);
        }
    }

    /// The name of the person a test sentence is about.
    fn text_name(text: &str) -> &'static str {
        ["Lucas Ferreira", "Nadia Morin", "Marc Viel"]
            .into_iter()
            .find(|n| text.contains(n))
            .unwrap_or_default()
    }

    #[test]
    fn other_presence_cues() {
        finds(
            &InPresenceOf,
            "Le contrat a été signé par Marc Viel. Présent à ses côtés, Paul Roche, sous-préfet de Toulon, a salué le travail.",
            &["Paul Roche"],
            P,
        );
        finds(
            &InPresenceOf,
            "Le contrat a été signé lundi en présence notamment de Paul Roche, député du Var.",
            &["Paul Roche"],
            P,
        );
        finds(
            &InPresenceOf,
            "La cérémonie de signature, présidée par Paul Roche, préfet du Var, a réuni les maires.",
            &["Paul Roche"],
            P,
        );
        finds(
            &InPresenceOf,
            "Entouré de Paul Roche, maire de Hyères, le préfet a signé le contrat.",
            &["Paul Roche"],
            P,
        );
    }

    #[test]
    fn photo_captions() {
        finds(
            &InPresenceOf,
            "La signature du contrat de ville.\nDe gauche à droite : Paul Roche, préfet du Var, \
             Anne Brun, présidente de l'agglomération, et Marc Viel, maire de Hyères.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            P,
        );
        none(
            &InPresenceOf,
            "Le jury de l'exposition. De gauche à droite : Paul Roche, peintre, et Anne Brun.",
        );
    }

    #[test]
    fn not_present_at_a_signing() {
        none(&InPresenceOf, "Une réunion publique s'est tenue en présence de Paul Roche, maire.");
        none(
            &InPresenceOf,
            "Aux côtés du préfet ont également signé Anne Brun, présidente de la Métropole.",
        );
        let got = run(
            &InPresenceOf,
            "La signature a eu lieu en présence de Lucie Morin, habitante du quartier.",
        );
        assert_eq!(got[0].involvement, Involvement::Mentioned, "a resident is not official");
        let got = run(
            &InPresenceOf,
            "La signature a eu lieu en présence de Paul Roche, ancien maire de Sète.",
        );
        assert_eq!(got[0].involvement, Involvement::Mentioned, "a past role");
    }

    #[test]
    fn a_text_on_one_line_reaches_only_the_sentences_around() {
        let filler = "La ville mène des actions pour la jeunesse et l'emploi dans ses quartiers. "
            .repeat(40);
        let far = format!(
            "Le contrat de ville a été signé en mars. {filler}Le comité de suivi s'est réuni en \
             présence de Lucie Morin, sous-préfète."
        );
        none(&InPresenceOf, &far);
        let near = format!(
            "{filler}Le contrat de ville a été signé en mars. La cérémonie a eu lieu en présence \
             de Lucie Morin, sous-préfète."
        );
        finds(&InPresenceOf, &near, &["Lucie Morin"], P);
    }
}
