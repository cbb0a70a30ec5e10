//! `territories.epci_mention`: the intercommunalities a document names, carrying a contract or
//! not.
//!
//! Finds names with an official kind prefix ("la communauté d'agglomération du Grand Narbonne"
//! → "Grand Narbonne", CA), short names with a kind word ("Metz Métropole", "Lorient
//! Agglomération", "l'Eurométropole de Strasbourg"), and names after "président(e) de" ("président
//! du Grand Alès"). Does not find: a région, a département or the State after "président de"
//! ("présidente de la Région Bretagne"), upper-case headings, lower-case common nouns ("la
//! métropole").

use super::grammar::doc_epci_mentions;
use super::territory;
use crate::rules::{Candidates, Doc, Rule};

/// The intercommunality-mention rule.
pub struct EpciMention;

const ID: &str = "territories.epci_mention";

impl Rule for EpciMention {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        for (range, kind) in doc_epci_mentions(doc) {
            out.territories.push(territory(doc, range.clone(), Some(kind), false, ID));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    #[track_caller]
    fn names(text: &str) -> Vec<(String, String, bool)> {
        let out = testing::run(&[&EpciMention], text, Format::Text, None);
        out.territories.into_iter().map(|t| (t.name, t.kind, t.carries_contract)).collect()
    }

    #[test]
    fn mentions() {
        assert_eq!(
            names("Communauté d'agglomération du Grand Narbonne\nDépartement : Aude"),
            [("Grand Narbonne".into(), "CA".into(), false)]
        );
        assert_eq!(
            names("avec Metz Métropole et le président de Forbach Porte de France."),
            [
                ("Metz Métropole".into(), "Métropole".into(), false),
                ("Forbach Porte de France".into(), "EPCI".into(), false)
            ]
        );
    }

    #[test]
    fn a_name_opening_with_its_kind_word_after_an_elided_article() {
        assert_eq!(
            names("Lundi, l'Agglomération du Pays de Flers a signé."),
            [("Agglomération du Pays de Flers".into(), "CA".into(), false)]
        );
        // A name after an elided article that does not open with its kind word: a building.
        assert!(names("Rendez-vous à l'Hôtel de Rennes Métropole lundi.").is_empty());
        // After "d'" the capitalised word goes on a longer name.
        assert_eq!(
            names("La Communauté d'Agglomération du Pays de Flers a signé."),
            [("Pays de Flers".into(), "CA".into(), false)]
        );
    }

    #[test]
    fn an_abbreviated_kind_before_a_name_joined_by_et() {
        assert_eq!(
            names("Le président de la CC Mer et Terres d'Opale a signé."),
            [("CC Mer et Terres d'Opale".into(), "CC".into(), false)]
        );
    }

    #[test]
    fn not_mentions() {
        for text in [
            "la présidente de la Région Bretagne",
            "le président de la République",
            "RENNES MÉTROPOLE",
            "LA COMMUNAUTÉ D'AGGLOMÉRATION DU BOULONNAIS EST SIGNÉE",
            "les habitants de la métropole",
            "le président du conseil départemental",
            "La Métropole et l'Agglomération",
            "le président de la Métropole",
            "Président de la Communauté d'Agglomération",
            "le pôle Solidarités de la Métropole",
            "Statut : Communauté d'agglomération\nSiège : Narbonne",
        ] {
            assert!(names(text).is_empty(), "{text}");
        }
    }
}
