//! `figures.duration`: the length of the contract, in years (`duration_years`).
//!
//! Finds a number of years after one of the `before` words of `rules/figures/duration_cues.tsv` in
//! a sentence that names the contract: "le contrat fixe les engagements pour six ans", "les
//! contrats ... pendant les 5 prochaines années", "une convention d'une durée de 6 ans", "un
//! avenant en prolonge l'application jusqu'en 2022, soit deux années de plus", and in a sentence
//! opened by a pronoun whose noun, the sentence before, names the contract ("Le contrat a été signé
//! mardi. Il fixe pour six ans la feuille de route"), or by a noun that takes it up ("Le document
//! trace pour six ans ..."). Does not find: ages ("Lina, 19 ans"), delays and pasts ("il y a neuf
//! ans", "depuis vingt ans", "après trois ans"), durations in a sentence that does not name a
//! contract, more than twelve years. Also finds years named after the contract they measure
//! ("ces huit années de contractualisation"), not time elapsed ("après trois ans de contrat").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::context::sentence;
use super::figure;
use super::head::headed_of;
use super::lexicon::{Class, DURATION_CUES, DurationCue, alternation};
use crate::rules::{Candidates, Doc, Rule};

/// The duration rule.
pub struct Duration;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.duration";

/// The cues of `place`, as one alternation.
fn cues(place: DurationCue) -> String {
    alternation(DURATION_CUES.iter().filter(|(_, p)| *p == place).map(|(f, _)| f.as_str()))
}

static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}\s+(?:les\s+)?$", cues(DurationCue::Before)))
        .expect("valid regex")
});

/// Words after the duration's head that make it a term to come ("les 5 années à venir").
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s+{}\b", cues(DurationCue::After))).expect("valid regex")
});

/// A sentence opened by a pronoun, or by a noun that takes up the text just named ("Le
/// document", "Ce texte"): its subject is in the sentence before.
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\W*(?:Il|Elle|Ils|Elles|(?:Le|Ce)\s+(?:document|texte))\b").expect("valid regex")
});

static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}", cues(DurationCue::Subject))).expect("valid regex")
});

/// Years named after the contract they measure: "ces six années de contractualisation", "huit
/// ans de contrat de ville".
static OF_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s+(?:de\s+contractualisation|de\s+contrats?\s+de\s+ville|d['’]\s*application\s+du\s+contrat|d['’]\s*engagements?)\b")
        .expect("valid regex")
});

/// Time elapsed, not the contract's term: "après trois ans de contrat", "depuis six ans"; and a
/// person's or a body's own past ("ses dix ans d'engagement", "fort de huit ans d'engagement").
static ELAPSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:après|depuis|il\s+y\s+a|au\s+bout\s+de|en|ses|son|sa|leurs?|nos|fort\s+de|forte\s+de)\s+(?:les\s+|ces\s+)?$")
        .expect("valid regex")
});

impl Rule for Duration {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for h in headed_of(doc) {
            let n = &h.number;
            if h.class != Class::Years || n.value.fract() != 0.0 || !(1.0..=12.0).contains(&n.value)
            {
                continue;
            }
            let s = sentence(text, n.num.start);
            let of_contract = OF_CONTRACT.is_match(&text[h.head.end..])
                && !ELAPSED.is_match(&text[s.start..n.range.start]);
            let cued = (BEFORE.is_match(&text[s.start..n.range.start])
                || AFTER.is_match(&text[h.head.end..]))
                && names_contract(text, s);
            if !of_contract && !cued {
                continue;
            }
            let unit = Some(text[h.head.clone()].to_lowercase());
            let value = (n.value, n.approx);
            out.figures.push(figure(doc, h.range(), self.id(), value, "duration_years", unit));
        }
    }
}

/// Whether sentence `s` names the contract, itself or through the pronoun that opens it.
fn names_contract(text: &str, s: std::ops::Range<usize>) -> bool {
    if SUBJECT.is_match(&text[s.clone()]) {
        return true;
    }
    PRONOUN.is_match(&text[s.clone()])
        && s.start > 0
        && SUBJECT.is_match(&text[sentence(text, s.start - 1)])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, none, one};

    #[test]
    fn durations() {
        let t = "Le contrat, qui implique 21 quartiers, fixe les engagements pour six ans.";
        assert_eq!(one(&Duration, t), (6.0, "duration_years".into(), false));
        let t = "Ces contrats traduisent la politique de l'État pendant les 5 prochaines années.";
        assert_eq!(one(&Duration, t).0, 5.0);
        let t = "La convention, d'une durée de 6 ans, a été signée.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Le contrat a été signé mardi. Il fixe pour six ans, de 2024 à 2030, la feuille de route.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Cet avenant en prolonge l'application jusqu'en 2022, soit deux années de plus.";
        assert_eq!(one(&Duration, t).0, 2.0);
        let t = "Le contrat de ville est prolongé de trois ans par la loi de finances.";
        assert_eq!(one(&Duration, t).0, 3.0);
        let t = "Les contrats de ville ont été prorogés de deux ans par le Parlement.";
        assert_eq!(one(&Duration, t).0, 2.0);
        let t = "Tous les six ans, l'État et les communes signent un nouveau contrat.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Le contrat de ville a été signé hier. Le document fixe le cap pour 6 ans.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Le protocole est adopté. Ce texte engage les partenaires pour cinq ans.";
        assert_eq!(one(&Duration, t).0, 5.0);
        // The years named after the contract they measure.
        let t = "Ces neuf années de contractualisation ont appris beaucoup aux communes.";
        assert_eq!(one(&Duration, t).0, 9.0);
        let t = "Sept ans de contrat de ville ont changé le quartier.";
        assert_eq!(one(&Duration, t).0, 7.0);
        // The contract's action plan is the contract: its prolongation is the contract's.
        let t = "Un plan d'action sur cinq ans, prolongé de 2 ans";
        all(&Duration, t, &[(5.0, "duration_years"), (2.0, "duration_years")]);
        let t = "Le plan d'actions pour six ans est prêt.";
        assert_eq!(one(&Duration, t).0, 6.0);
        // The parties' commitment is the contract's term.
        let t = "Les partenaires se sont engagés pour cinq ans auprès des habitants.";
        assert_eq!(one(&Duration, t).0, 5.0);
        let t = "L'État et la ville s'engagent durant six années au service des quartiers.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Sept signatures pour six ans : le nouveau cadre des quartiers.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Les élus ont validé mardi six années d'engagements partagés.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Ils ont scellé cinq ans d'engagement réciproque.";
        assert_eq!(one(&Duration, t).0, 5.0);
        // A term to come, after its head; the contract's road map is the contract.
        let t =
            "Le nouveau contrat fixe les priorités des 6 années à venir, quartier par quartier.";
        assert_eq!(one(&Duration, t).0, 6.0);
        let t = "Les quartiers ont désormais leur feuille de route pour les sept ans à venir.";
        assert_eq!(one(&Duration, t).0, 7.0);
        let t = "Cette feuille de route vaut pour cinq ans.";
        assert_eq!(one(&Duration, t).0, 5.0);
    }

    #[test]
    fn not_durations() {
        none(&Duration, "Lina, 19 ans, attend des formations. Le contrat court jusqu'en 2030.");
        none(&Duration, "Le critère du contrat est le même qu'il y a neuf ans.");
        none(&Duration, "Un habitant du quartier depuis vingt ans salue le contrat.");
        none(&Duration, "Cité éducative : un bilan positif après trois ans.");
        none(&Duration, "Une aide pour six ans est prévue.");
        none(&Duration, "Le contrat prévoit une concession pour 99 ans.");
        none(&Duration, "Le maire a inauguré la crèche. Il la finance pour six ans.");
        none(&Duration, "Le contrat est signé. La crèche, elle, ouvrira pour six ans.");
        none(&Duration, "Tous les six ans, la commission révise la carte des aides.");
        none(&Duration, "Le plan de la crèche est prêt. Le document vaut pour six ans.");
        none(&Duration, "Après trois ans de contrat de ville, le bilan est mitigé.");
        none(&Duration, "Depuis cinq ans de contractualisation, rien n'a changé.");
        // Someone's own past commitment, or a signature that is no contract's.
        none(&Duration, "Fort de dix ans d'engagement associatif, il préside le conseil.");
        none(&Duration, "Elle salue ses huit ans d'engagement au centre social.");
        none(&Duration, "Après trois ans d'engagements, le bénévole passe la main.");
        none(&Duration, "Le registre de signatures restera ouvert pendant deux semaines.");
        none(&Duration, "Le club de foot a un nouveau sponsor pour trois ans.");
        // A term to come that is no contract's.
        none(&Duration, "Le gymnase sera rénové dans les 5 années à venir.");
        none(&Duration, "Le contrat est signé. La crèche ouvrira dans les trois ans à venir.");
        none(&Duration, "La route départementale sera refaite pour six ans.");
    }
}
