//! `figures.population`: a number of inhabitants, typed by its clause.
//!
//! Finds: "190 459 habitants" (`population`), "36 000 habitants de 14 quartiers", "9 800
//! habitants y vivent", "neuf quartiers prioritaires où vivent 24 300 habitants", "Ils comptent
//! 12 800 habitants" after a sentence about the quartiers (`population_qpv`), "près de 600
//! personnes ont été mobilisées", "450 habitants ont participé aux ateliers" (`participant_count`),
//! and a capitalised plural with a verb of residence ("9 000 Alésiens vivent dans ces quartiers").
//! "personnes" is read only when its clause types it ("5,3 millions de personnes vivent dans ces
//! quartiers", "800 personnes consultées"); a group ("jeunes", "familles") only as people
//! consulted ("2 000 jeunes ont été consultés"). Does not find: "un habitant" (an article), "une
//! trentaine de personnes assistaient à la signature", numbers followed by another noun; and it
//! reads "L'agglomération de 190 000 habitants compte 14 quartiers" as the whole population (a
//! place noun after the number types it only behind a preposition).

use super::headed_figures;
use super::lexicon::Class;
use crate::rules::{Candidates, Doc, Rule};

/// The population rule.
pub struct Population;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.population";

impl Rule for Population {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        headed_figures(doc, out, self.id(), &[Class::Group, Class::People, Class::Persons]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{none, one};

    #[track_caller]
    fn kind(text: &str) -> String {
        one(&Population, text).1
    }

    #[test]
    fn population() {
        assert_eq!(
            one(&Population, "La ville compte 126 872 habitants."),
            (126872.0, "population".into(), false)
        );
        assert_eq!(kind("Environ 5,3 millions d'habitants en France."), "population");
        assert_eq!(kind("L'agglomération de 190 000 habitants compte 14 quartiers."), "population");
        assert_eq!(
            kind("Elle compte 36 000 habitants et mise sur la participation des habitants."),
            "population"
        );
    }

    #[test]
    fn population_qpv() {
        assert_eq!(kind("Le contrat concerne 36 000 habitants de 14 quartiers."), "population_qpv");
        assert_eq!(kind("Environ 9 800 habitants y vivent."), "population_qpv");
        assert_eq!(
            kind("Il concerne sept quartiers où vivent près de 36 000 habitants."),
            "population_qpv"
        );
        assert_eq!(
            kind("Le décret retient six quartiers. Ils comptent 12 800 habitants :"),
            "population_qpv"
        );
        assert_eq!(
            kind("Près de 9 000 Alésiens vivent dans ces cinq quartiers."),
            "population_qpv"
        );
        assert_eq!(
            kind("Seize quartiers prioritaires, près de 43 000 habitants"),
            "population_qpv"
        );
        assert_eq!(kind("Évry compte 36 000 habitants en quartier prioritaire."), "population_qpv"); // "secteur" names the quartiers as "quartier" does; a gathering verb and a demonym.
        assert_eq!(
            kind("Ces trois secteurs rassemblent environ 5 800 habitants."),
            "population_qpv"
        );
        assert_eq!(kind("Le secteur retenu compte 2 100 habitants."), "population_qpv");
        assert_eq!(
            kind("Quelque 4 300 habitants vivent dans ces deux périmètres."),
            "population_qpv"
        );
        assert_eq!(
            kind("Trois quartiers prioritaires, qui rassemblent environ 8 000 Auxerrois."),
            "population_qpv"
        );
        assert_eq!(kind("Les deux communes comptent 30 000 Montois."), "population");
    }

    #[test]
    fn a_territorys_own_inhabitants_in_a_sentence_about_quartiers() {
        assert_eq!(
            kind(
                "Sur les 40 communes de la communauté urbaine, qui réunit près de 190 000 habitants, seule la ville-centre compte des quartiers prioritaires."
            ),
            "population"
        );
        assert_eq!(
            kind(
                "Les quartiers prioritaires pèsent peu sur les quelque 250 000 habitants que compte la métropole."
            ),
            "population"
        );
        assert_eq!(
            kind(
                "Les quartiers prioritaires, qui comptent 12 000 habitants, sont au nombre de six."
            ),
            "population_qpv"
        );
    }

    #[test]
    fn participants() {
        let (v, k, approx) = one(&Population, "Près de 600 personnes ont été mobilisées.");
        assert_eq!((v, k.as_str(), approx), (600.0, "participant_count", true));
        assert_eq!(kind("Plus de 450 habitants ont participé aux ateliers."), "participant_count");
        assert_eq!(
            kind("Une démarche qui a recueilli l'avis de 800 personnes."),
            "participant_count"
        );
        assert_eq!(kind("Près de 2 000 jeunes ont été consultés en avril."), "participant_count");
        assert_eq!(kind("Quelque 150 familles ont participé aux ateliers."), "participant_count");
    }

    #[test]
    fn not_population() {
        none(&Population, "Un habitant sur dix vit en QPV.");
        none(&Population, "Près de 9 000 Alésiens sont venus.");
        none(&Population, "Tél. 02 31 39 40 00, habitants bienvenus.");
        none(&Population, "Une trentaine de personnes assistaient à la signature.");
        none(&Population, "Près de 3 000 jeunes vivent dans ces quartiers.");
        none(&Population, "Le dispositif accompagne 120 familles.");
    }
}
