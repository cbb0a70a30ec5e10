//! `people.signed_subject`: the people who are the subject of an active signing verb.
//!
//! Finds: "A, préfet du Gard, B, sous-préfète d'Alès, et C, président, ont signé le contrat",
//! "A, préfet du Nord, a signé", "A et B l'ont paraphé", "Le préfet, A, et le président, B, ont
//! signé", "A, préfet, et B, maire, ont conclu le contrat de ville" (a verb that signs only
//! with a contract for object), and the inverted subject "Aux côtés du préfet ont également signé A, président de la
//! Métropole, B, recteur, ainsi que les maires, parmi lesquels C", "Ont signé le contrat : A, B",
//! the subject after a gerund of signing ("En signant le contrat, A et B s'engagent pour six
//! ans"). Involvement `signatory`. Does not find: a passive "a été signé" (its subject
//! is the contract), a name separated from the verb by anything but the list ("A a rappelé que
//! le préfet a signé"), the object of the verb ("a signé le contrat avec A": see
//! `people.in_presence_of` for "aux côtés de").

use super::cue::{
    ABOUT_CONTRACT, CONTRACT_OBJECT, COSIGNER, LIST_CUT, PRESENCE, PRESENCE_GAP, SIGN_ACTIVE,
    is_object_signing, is_weak_signing, list_end,
};
use super::emit;
use super::grammar::{Mention, Parsed};
use crate::record::Involvement;
use crate::rules::text::Regex;
use crate::rules::{Candidates, Doc, Rule};
use std::sync::LazyLock;

/// The active-signing rule.
pub struct SignedSubject;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.signed_subject";

/// A gerund of signing and its object, up to the comma before the clause's subject: "En
/// signant ce contrat, ", "en paraphant hier le document, ".
static GERUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\ben\s+(?:co-?|contre-?)?(?:signant|paraphant)\b[^.;:!?«»\n]{0,120}?,\s*")
        .expect("valid regex")
});

impl Rule for SignedSubject {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for verb in SIGN_ACTIVE.find_iter(p.text) {
            let sentence = p.sentence(verb.start());
            if is_weak_signing(verb.as_str()) && !ABOUT_CONTRACT.is_match(&p.text[sentence.clone()])
            {
                continue;
            }
            if is_object_signing(verb.as_str()) && !CONTRACT_OBJECT.is_match(&p.text[verb.end()..])
            {
                continue;
            }
            for m in subjects(&p, verb.start()) {
                emit(doc, m, Involvement::Signatory, self.id(), out);
            }
            if let Some(from) = p.list_after(verb.end()) {
                let end = list_end(p.text, from, sentence.end, &[&PRESENCE]);
                for m in p.listed(from..end) {
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            } else if let Some(from) = cosigners(&p, verb.end(), sentence.end) {
                let end = list_end(p.text, from, sentence.end, &[&PRESENCE]);
                for m in p.listed(from..end) {
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            } else if p.text[sentence.start..verb.start()].trim().is_empty()
                && let Some(from) = inverted(&p, verb.end(), sentence.end)
            {
                for m in p.listed_from(from) {
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            }
        }
        for gerund in GERUND.find_iter(p.text) {
            for m in p.listed_from(gerund.end()) {
                emit(doc, m, Involvement::Signatory, self.id(), out);
            }
        }
    }
}

/// The subjects of a verb at `at`: the mentions listed before it, or, when those are the
/// companions of a presence cue ("A, préfet, accompagné de B, a signé"), the ones before the
/// cue.
fn subjects<'p>(p: &'p Parsed, at: usize) -> Vec<&'p Mention> {
    let listed = p.listed_before(at);
    let Some(first) = listed.first() else { return listed };
    match p.mention_before(first.full.start) {
        Some(prev) if PRESENCE_GAP.is_match(&p.text[prev.full.end..first.full.start]) => {
            p.listed_before(prev.full.end)
        }
        _ => listed,
    }
}

/// How much a sentence that opens with its signing verb may say before its inverted subject.
const INVERTED_REACH: usize = 120;

/// Where the inverted subject of a verb that opens its sentence starts, after what the verb
/// governs: "Ont ensuite mis leur paraphe au bas du document le maire, A, et B", "Ont signé
/// hier en mairie A et B". The first mention within a short stretch of one clause (no comma,
/// colon, semicolon or quote before it): the subject of such a sentence can only follow.
fn inverted(p: &Parsed, from: usize, sentence_end: usize) -> Option<usize> {
    static CLAUSE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[^,;:.!?«»()\n]*$").expect("valid regex"));
    let m = p.mentions.iter().find(|m| m.full.start >= from)?;
    let gap = &p.text[from..m.full.start];
    (m.full.start < sentence_end && gap.len() <= INVERTED_REACH && CLAUSE.is_match(gap))
        .then_some(m.full.start)
}

/// Where the people who sign with the verb's subject start: after "avec", "de même que",
/// "tout comme" later in the clause ("a signé le contrat avec le préfet, A").
fn cosigners(p: &Parsed, from: usize, sentence_end: usize) -> Option<usize> {
    let rest = &p.text[from..sentence_end.max(from)];
    let joint = COSIGNER.find(rest)?;
    let skipped = &rest[..joint.start()];
    if LIST_CUT.is_match(skipped) || PRESENCE.is_match(skipped) {
        return None;
    }
    let at = from + joint.end();
    p.starting_at(at).map(|_| at)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const S: Involvement = Involvement::Signatory;

    #[test]
    fn subjects_after_a_gerund_of_signing() {
        for text in [
            "En signant ce contrat, Paul Roche, préfet du Gard, et Anne Brun, maire d'Alès, \
             s'engagent pour six ans.",
            "En paraphant hier le document, Paul Roche et Anne Brun ont pris date.",
            "Il rappelle qu'en cosignant le contrat de ville, Paul Roche et Anne Brun ont pris \
             des engagements.",
        ] {
            finds(&SignedSubject, text, &["Paul Roche", "Anne Brun"], S);
        }
        none(&SignedSubject, "En signant ce contrat, l'État s'engage auprès des habitants.");
        none(&SignedSubject, "En signalant ce problème, Paul Roche a rendu service.");
    }

    #[test]
    fn subjects_with_their_town_or_party_in_brackets() {
        finds(
            &SignedSubject,
            "Les deux maires, Mme Anne Brun (Lunel) et M. Paul ROCHE (Sète), ont signé à leur tour.",
            &["Anne Brun", "Paul ROCHE"],
            S,
        );
        finds(
            &SignedSubject,
            "Anne Brun (Lunel), Paul Roche (Sète) et Lucie Morin (Agde) ont paraphé le document.",
            &["Anne Brun", "Paul Roche", "Lucie Morin"],
            S,
        );
        finds(
            &SignedSubject,
            "Anne Brun (PS) et Paul Roche (LR) l'ont signé hier.",
            &["Anne Brun", "Paul Roche"],
            S,
        );
        // The bracket does not join a name to a verb it is not the subject of.
        none(&SignedSubject, "Anne Brun (Lunel) a rappelé que le contrat était signé.");
        none(&SignedSubject, "Anne Brun (Lunel) salue les élus qui ont signé.");
    }

    #[test]
    fn subjects_who_added_their_signature() {
        finds(
            &SignedSubject,
            "Les maires de Lunel et de Sète, Paul Roche et Marc Viel, ont ajouté leur paraphe.",
            &["Paul Roche", "Marc Viel"],
            S,
        );
        finds(
            &SignedSubject,
            "Anne Brun, maire, a ajouté sa signature au bas du texte.",
            &["Anne Brun"],
            S,
        );
    }

    #[test]
    fn subjects_sharing_a_plural_role() {
        finds(
            &SignedSubject,
            "Paul Roche et Marc Viel, maires de Lunel et de Sète, l'ont également signé.",
            &["Paul Roche", "Marc Viel"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche et Anne Brun, respectivement préfet et présidente, ont signé hier.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        // A plural noun that is no role leaves them out.
        none(&SignedSubject, "Paul Roche et Marc Viel, habitants de Lunel, ont signé la pétition.");
    }

    #[test]
    fn subjects_of_signing_verbs() {
        finds(
            &SignedSubject,
            "Paul Roche, préfet du Gard, Anne Brun, sous-préfète d'Alès, et Marc Viel, président \
             de l'agglomération, ont signé ce document.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche, préfet de la région Occitanie, préfet de l'Hérault, a signé, ce lundi, le contrat.",
            &["Paul Roche"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche et Anne Brun l'ont paraphé hier.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SignedSubject,
            "Aux côtés du préfet ont également signé Anne Brun, présidente de la Métropole, \
             Marc Viel, recteur de l'académie, ainsi que les maires, parmi lesquels Lucie Morin, \
             maire de Sète.",
            &["Anne Brun", "Marc Viel", "Lucie Morin"],
            S,
        );
    }

    #[test]
    fn inverted_subjects_after_what_the_verb_governs() {
        for text in [
            "Ont ensuite mis leur paraphe au bas du document le préfet du Var, Paul Roche, et \
             la maire de Hyères, Anne Brun.",
            "Ont signé hier en mairie Paul Roche, préfet du Var, et Anne Brun, maire de Hyères.",
            "Ont également apposé leur signature sur le contrat Paul Roche et Anne Brun.",
        ] {
            finds(&SignedSubject, text, &["Paul Roche", "Anne Brun"], S);
        }
        // A comma or a colon ends the verb's clause before the names; the verb must open the
        // sentence.
        none(&SignedSubject, "Ont signé le contrat les partenaires, dont Paul Roche se félicite.");
        none(&SignedSubject, "Le texte qu'ont signé hier les partenaires plaît à Paul Roche.");
    }

    #[test]
    fn subjects_with_roles_first_and_colon_lists() {
        finds(
            &SignedSubject,
            "Le préfet du Cher, Paul Roche, et la présidente de l'agglomération, Anne Brun, ont signé.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SignedSubject,
            "Ont signé le contrat : Paul Roche, préfet du Cher, et Anne Brun, maire de Vierzon.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn other_signing_verbs() {
        let both = &["Paul Roche", "Anne Brun"];
        for text in [
            "Paul Roche, préfet du Var, et Anne Brun, maire de Hyères, ont apposé leur signature au bas du document.",
            "Paul Roche, préfet du Var, et Anne Brun, maire de Hyères, se sont engagés en signant le contrat.",
            "Paul Roche, préfet du Var, et Anne Brun, maire de Hyères, ont officialisé le contrat de ville lundi.",
            "Paul Roche, préfet du Var, et Anne Brun, maire, ont officiellement paraphé la convention.",
            "Paul Roche et Anne Brun figurent parmi les signataires.",
        ] {
            finds(&SignedSubject, text, both, S);
        }
        none(&SignedSubject, "Paul Roche, maire, et Anne Brun ont officialisé leur candidature.");
    }

    #[test]
    fn verbs_that_sign_a_contract_object() {
        let both = &["Paul Roche", "Anne Brun"];
        for text in [
            "Paul Roche, préfet du Var, et Anne Brun, maire de Hyères, ont conclu le contrat de ville mardi.",
            "Le préfet, Paul Roche, et la maire, Anne Brun, ont conclu le premier contrat de la journée.",
            "À 10 h, Paul Roche, maire, et Anne Brun, présidente de l'agglomération, ont formalisé leur engagement aux côtés du préfet.",
            "M. Paul Roche, préfet de l'Aude, et Mme Anne Brun, présidente de la communauté, ont entériné le 3\njuin dernier le protocole d'engagements.",
            "Paul Roche, préfet, et Anne Brun, maire, ont officiellement acté la convention.",
            "Paul Roche, sous-préfet, et Anne Brun, maire de Sète, concluent ce matin un nouveau contrat.",
        ] {
            finds(&SignedSubject, text, both, S);
        }
        none(
            &SignedSubject,
            "Paul Roche, maire de Hyères, a conclu la réunion en saluant le contrat.",
        );
        none(&SignedSubject, "Paul Roche, préfet du Var, a conclu son discours.");
        none(
            &SignedSubject,
            "Paul Roche, maire, et Anne Brun, adjointe, ont acté le principe d'une étude.",
        );
        none(&SignedSubject, "« Le contrat nous engage », a conclu Paul Roche, maire de Hyères.");
    }

    #[test]
    fn lists_closed_by_a_collective() {
        finds(
            &SignedSubject,
            "Le préfet, Paul Roche, la présidente de l'EPT, Anne Brun, et les maires des six \
             communes ont signé le contrat.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn cosigners_after_the_verb() {
        finds(
            &SignedSubject,
            "Le maire, Paul Roche, a signé le contrat de ville avec le préfet du Var, Anne Brun, lundi.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche, préfet du Var, a signé au nom de l'État le contrat de la communauté, avec son président, Anne Brun.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche, maire, a signé pour sa commune, de même que le directeur de la CAF, Marc Viel, et Anne Brun, rectrice.",
            &["Paul Roche", "Marc Viel", "Anne Brun"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche, préfet du Var, a signé le contrat en présence de Anne Brun, députée.",
            &["Paul Roche"],
            S,
        );
    }

    #[test]
    fn subjects_in_other_shapes() {
        finds(
            &SignedSubject,
            "C'est Mme Anne Brun, sous-préfète chargée de la politique de la ville, qui a paraphé le document.",
            &["Anne Brun"],
            S,
        );
        finds(
            &SignedSubject,
            "Paul Roche, préfet du Var, accompagné de Marc Viel, sous-préfet de Toulon, a signé le contrat.",
            &["Paul Roche"],
            S,
        );
        finds(
            &SignedSubject,
            "Mme la Préfète Anne Brun et M. le Maire Paul Roche ont signé le contrat de ville.",
            &["Anne Brun", "Paul Roche"],
            S,
        );
        finds(
            &SignedSubject,
            "Ont signé le contrat : pour l'État, Paul Roche, préfet du Var ; pour la Ville, Anne Brun, maire.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn narrative_tenses_and_relative_clauses() {
        for text in [
            "Le maire, Paul Roche, accueillait Mme Anne Brun, qui venait signer le contrat de ville.",
            "Ce matin-là, Mme Anne Brun signait le contrat de ville à la mairie.",
            "Mme Anne Brun, qui est venue apposer sa signature au bas du contrat, a visité le quartier.",
            "En 2015, Anne Brun signa le premier contrat de ville de l'agglomération.",
        ] {
            finds(&SignedSubject, text, &["Anne Brun"], S);
        }
        finds(
            &SignedSubject,
            "Pour la commune, a signé son député-maire Paul Roche, puis le préfet.",
            &["Paul Roche"],
            S,
        );
        none(&SignedSubject, "Anne Brun, qui venait saluer les habitants, a visité le quartier.");
        none(&SignedSubject, "Anne Brun signalait un retard dans le calendrier.");
    }

    #[test]
    fn not_subjects() {
        none(&SignedSubject, "Le contrat de Paul Roche a été signé hier.");
        none(&SignedSubject, "Paul Roche a rappelé que la Région a signé.");
        none(&SignedSubject, "La Ville a signé le contrat. Paul Roche, maire, a salué l'accord.");
    }
}
