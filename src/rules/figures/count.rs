//! `figures.count`: a count of neighbourhoods, communes, partners, participants, actions or
//! contracts, read from the head noun after the number.
//!
//! Finds: "14 quartiers prioritaires" (`qpv_count`; `quartier_count` when the clause says
//! "veille active", "sortent du dispositif", "en décrochage"), "35 communes" (`commune_count`),
//! "trente et un signataires", "une vingtaine de partenaires" (`partner_count`), "450
//! participants" (`participant_count`), "une cinquantaine d'actions", "85 fiches-actions"
//! (`action_count`), "six des huit contrats de ville" (`contract_count` 6 and 8), "un seul
//! quartier prioritaire" (1), "deux sites inscrits au NPNRU" (`quartier_count`: urban renewal,
//! "sites" and "secteurs" count only when the context says which neighbourhoods). Does not find:
//! counts of other things ("6 grandes orientations", "3 axes", "4 projets", "deux préfets"),
//! numbers in names ("Cité 10", "Fosse 11 12 13", "Habitat 62/59"), "un quartier" (an article).

use super::headed_figures;
use super::lexicon::Class;
use crate::rules::{Candidates, Doc, Rule};

/// The count rule.
pub struct Count;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.count";

const CLASSES: &[Class] = &[
    Class::Actions,
    Class::Communes,
    Class::Contracts,
    Class::Former,
    Class::Partners,
    Class::Projects,
    Class::Participants,
    Class::Quartiers,
    Class::Sites,
];

impl Rule for Count {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        headed_figures(doc, out, self.id(), CLASSES);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, none, one};

    #[test]
    fn counts() {
        let (v, k, _) = one(&Count, "Le contrat concerne quatorze quartiers prioritaires.");
        assert_eq!((v, k.as_str()), (14.0, "qpv_count"));
        assert_eq!(one(&Count, "Au total, 1300 quartiers ont été retenus en France.").0, 1300.0);
        assert_eq!(one(&Count, "Il couvre 15 QPV.").1, "qpv_count");
        let (v, k, approx) = one(&Count, "Une vingtaine de partenaires ont signé le contrat.");
        assert_eq!((v, k.as_str(), approx), (20.0, "partner_count", true));
        assert_eq!(one(&Count, "Le document réunit trente et un signataires.").0, 31.0);
        assert_eq!(
            one(&Count, "24 institutions et organismes se sont engagés.").1,
            "partner_count"
        );
        assert_eq!(one(&Count, "un programme d'une cinquantaine d'actions").1, "action_count");
        assert_eq!(one(&Count, "le point sur les 85 fiches-actions").1, "action_count");
        assert_eq!(one(&Count, "les maires des 19 communes engagées").1, "commune_count");
        assert_eq!(one(&Count, "Ils étaient 120 participants.").1, "participant_count");
        // Contributions to a consultation count the people who gave them.
        assert_eq!(
            one(&Count, "La concertation a recueilli 800 contributions.").1,
            "participant_count"
        );
        assert_eq!(one(&Count, "Ses cinq financeurs ont signé le contrat.").1, "partner_count");
        assert_eq!(one(&Count, "Au total, 14 entités ont signé.").1, "partner_count");
        // "premiers" may stand between the number and its head.
        assert_eq!(
            one(&Count, "Ses trois premiers contrats de ville datent de 2015.").1,
            "contract_count"
        );
        all(
            &Count,
            "Six des huit contrats du département sont signés.",
            &[(6.0, "contract_count"), (8.0, "contract_count")],
        );
        assert_eq!(
            one(&Count, "La géographie ramène à environ 1.300 le nombre de quartiers.").0,
            1300.0
        );
    }

    #[test]
    fn other_quartiers() {
        let t = "Deux autres quartiers, Kermoor et Le Bourg, restent suivis au titre de la veille active.";
        assert_eq!(one(&Count, t).1, "quartier_count");
        let t = "Une soixantaine de quartiers sortent du dispositif.";
        assert_eq!(one(&Count, t), (60.0, "quartier_count".into(), true));
    }

    #[test]
    fn sites_and_renewal() {
        let t = "Deux sites, Les Tilleuls et Le Moulin, sont par ailleurs inscrits au nouveau \
                 programme national de renouvellement urbain (NPNRU).";
        assert_eq!(one(&Count, t), (2.0, "quartier_count".into(), false));
        let t = "Trois quartiers relèvent du NPNRU.";
        assert_eq!(one(&Count, t).1, "quartier_count");
        let t = "Les 14 quartiers prioritaires bénéficient aussi de l'ANRU.";
        assert_eq!(one(&Count, t).1, "qpv_count");
        assert_eq!(one(&Count, "Il couvre 5 sites prioritaires.").1, "qpv_count");
        assert_eq!(one(&Count, "Un seul quartier prioritaire est concerné.").0, 1.0);
        none(&Count, "Le service est ouvert sur deux sites.");
        none(&Count, "Un quartier prioritaire est concerné.");
        none(&Count, "Les 14 quartier prioritaire.");
    }

    #[test]
    fn not_counts() {
        none(&Count, "Le contrat s'axe autour de 6 grandes orientations.");
        none(&Count, "Il se décline en 3 axes prioritaires et 4 projets.");
        none(&Count, "Cité 10 - Sains-en-Gohelle ; Les Blanches Laines / Fosse 11 12 13");
        none(&Count, "Signataires : Habitat 62/59 ; Habitat 76 ; 1001 Vies Habitat");
        none(&Count, "Un quartier sort de la liste.");
        none(&Count, "deux préfets l'ont paraphé");
        none(&Count, "le 1er quartier, le XXe arrondissement");
        // The last ones of a list are not a count.
        none(&Count, "Les deux derniers quartiers sont Les Prés et La Source.");
    }
}
