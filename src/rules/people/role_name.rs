//! `people.role_name`: every named person, with the role standing next to the name.
//!
//! Finds: "Paul Roche, maire de Sète", "le préfet de l'Hérault, Hugues Delorme", "Lucie Morin
//! (conseillère régionale)", and a known given name with its family name alone ("Paul Roche a
//! salué le travail"). Involvement `mentioned`: the cue rules give the stronger ones, and
//! [`super::resolve`] keeps the strongest per mention. Does not find: a capitalised pair whose
//! first word is no known given name and that no role confirms ("Caux Vallée"), a street or a
//! quartier named after a person ("rue Jean Jaurès", "cité Jacques Duclos").

use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

/// The every-mention rule.
pub struct RoleName;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.role_name";

impl Rule for RoleName {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for m in p.mentions {
            emit(doc, m, Involvement::Mentioned, self.id(), out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none, run};

    const M: Involvement = Involvement::Mentioned;

    #[test]
    fn every_mention() {
        finds(&RoleName, "Paul Roche a salué le travail.", &["Paul Roche"], M);
        let got = run(&RoleName, "le préfet de l'Hérault, Hugues Delorme, était là");
        assert_eq!(got[0].role.as_deref(), Some("préfet de l'Hérault"));
        assert_eq!(got[0].organization.as_deref(), Some("État"));
        assert_eq!(got[0].evidence.text, "préfet de l'Hérault, Hugues Delorme");
    }

    #[test]
    fn a_plural_role_before_names_with_their_towns() {
        let got = run(
            &RoleName,
            "Le préfet a signé, suivi des deux maires concernés, Anne Brun (Lunel) et Marc Viel \
             (Mauguio).",
        );
        let roles: Vec<(&str, Option<&str>)> =
            got.iter().map(|p| (p.name.as_str(), p.role.as_deref())).collect();
        assert_eq!(
            roles,
            [("Anne Brun", Some("maire de Lunel")), ("Marc Viel", Some("maire de Mauguio"))]
        );
        // Not after a sentence break, nor without the towns in parentheses.
        for text in [
            "Les maires sont venus. Anne Brun (Lunel) a parlé.",
            "les deux maires concernés, Anne Brun et Marc Viel, ont signé.",
        ] {
            assert!(run(&RoleName, text).iter().all(|p| p.role.is_none()), "{text}");
        }
    }

    #[test]
    fn not_people() {
        none(&RoleName, "Quartier Charlotte Corday / Plateau, rue Jean Jaurès.");
        none(&RoleName, "Caux Vallée de Seine : deux quartiers.");
    }
}
