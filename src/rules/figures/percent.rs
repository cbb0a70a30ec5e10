//! `figures.percent`: a percentage.
//!
//! Finds: "60 %", "60%", "près de 8 %", "environ 50%", "25 pour cent". Does not find: a number
//! glued to a name ("rev3 %"), a ratio in words ("un habitant sur dix": `figures.ratio`).

use super::headed_figures;
use super::lexicon::Class;
use crate::rules::{Candidates, Doc, Rule};

/// The percentage rule.
pub struct Percent;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.percent";

impl Rule for Percent {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        headed_figures(doc, out, self.id(), &[Class::Percent]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, none, one};

    #[test]
    fn percents() {
        assert_eq!(
            one(&Percent, "inférieur à 60% du revenu médian"),
            (60.0, "percent".into(), false)
        );
        assert_eq!(one(&Percent, "60 % des crédits sont réservés").0, 60.0);
        assert_eq!(
            one(&Percent, "des aides directes d'environ 50%"),
            (50.0, "percent".into(), true)
        );
        assert_eq!(one(&Percent, "soit 25 pour cent de la population").0, 25.0);
        all(
            &Percent,
            "Le taux atteint 46 % dans les quartiers, contre 24 % pour la commune.",
            &[(46.0, "percent"), (24.0, "percent")],
        );
    }

    #[test]
    fn not_percents() {
        none(&Percent, "Un habitant sur dix.");
        none(&Percent, "Les 60 communes.");
    }
}
