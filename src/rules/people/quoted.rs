//! `people.quoted`: the people a quotation is attributed to.
//!
//! Finds: "« ... », a déclaré A", "« ... » a exposé A lors de la signature", "« ... », résume A,
//! membre du conseil citoyen", "A, maire, a déclaré : « ... »", "Selon A, habitante, « ... »". Involvement `quoted` (a person
//! also named as signing keeps that involvement at the other mention). Does not find: a verb of
//! speech without a quotation ("A a salué le travail"), a name inside the quotation.

use super::cue::{ATTRIBUTION, SPEECH_AFTER_QUOTE, SPEECH_BEFORE_QUOTE};
use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

/// The attributed-quotation rule.
pub struct Quoted;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.quoted";

impl Rule for Quoted {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for verb in SPEECH_AFTER_QUOTE.find_iter(p.text) {
            if let Some(m) = p.starting_at(verb.end()) {
                emit(doc, m, Involvement::Quoted, self.id(), out);
            }
        }
        for word in ATTRIBUTION.find_iter(p.text) {
            if let Some(m) = p.starting_at(word.end()) {
                emit(doc, m, Involvement::Quoted, self.id(), out);
            }
        }
        for verb in SPEECH_BEFORE_QUOTE.find_iter(p.text) {
            for m in p.listed_before(verb.start()) {
                emit(doc, m, Involvement::Quoted, self.id(), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const Q: Involvement = Involvement::Quoted;

    #[test]
    fn attributed_quotations() {
        finds(&Quoted, "« Un bon contrat », a déclaré Paul Roche.", &["Paul Roche"], Q);
        finds(
            &Quoted,
            "« Un bon contrat » a exposé Paul Roche lors de la signature.",
            &["Paul Roche"],
            Q,
        );
        finds(
            &Quoted,
            "« Du concret », résume Lucie Morin, membre du conseil citoyen du Mirail.",
            &["Lucie Morin"],
            Q,
        );
        finds(&Quoted, "Paul Roche, maire de Sète, a déclaré : « Enfin ! »", &["Paul Roche"], Q);
        finds(&Quoted, "Selon Lucie Morin, habitante, « rien ne change ».", &["Lucie Morin"], Q);
    }

    #[test]
    fn not_quotations() {
        none(&Quoted, "Paul Roche a salué le travail des associations.");
        none(&Quoted, "« Merci à Paul Roche », a déclaré la présidente.");
    }
}
