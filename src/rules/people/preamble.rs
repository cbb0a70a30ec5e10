//! `people.preamble`: the people who represent the parties of a contract's own preamble
//! ("ENTRE : l'État, représenté par M. A, préfet de l'Ain ; la commune de X, représentée par
//! Mme B, maire ; ..."): they sign it.
//!
//! Finds the persons named after each "représenté(e) par" of the preamble, up to the next party
//! (the preamble is found as [`crate::rules::orgs::between`] finds it). Involvement `signatory`.
//! Does not find: an unnamed representative ("représentée par sa directrice"), "représenté par"
//! outside a preamble (the presence rules' business), anything after the preamble's end ("il
//! est convenu ce qui suit").

use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::orgs::between::{preambles, representatives};
use crate::rules::{Candidates, Doc, Rule};

/// The preamble rule.
pub struct Preamble;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.preamble";

impl Rule for Preamble {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for block in preambles(p.text) {
            for range in representatives(p.text, block) {
                for m in p.listed(range) {
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const S: Involvement = Involvement::Signatory;

    #[test]
    fn the_representatives_of_the_parties() {
        finds(
            &Preamble,
            "CONTRAT DE VILLE\n\nENTRE :\n\nL'État, représenté par M. Paul Roche, préfet de l'Ain ;\n\nLa commune de Belley, représentée par Mme Anne Brun, maire ;\n\nLa CAF de l'Ain, représentée par sa directrice ;\n\nIl est convenu ce qui suit.\n\nLe quartier, représenté par Lucie Morin, a été consulté.\n",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn represented_outside_a_preamble() {
        none(&Preamble, "Le maire, représenté par Lucie Morin, a visité le quartier.");
    }
}
