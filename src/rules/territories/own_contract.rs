//! `territories.own_contract`: an intercommunality that signs, adopts or presents *its*
//! contrat de ville.
//!
//! Finds, within one sentence or heading, an intercommunality followed by "son / sa / leur
//! (nouveau, futur, prochain) contrat de ville" (or "son contrat" alone in a document about
//! contrats de ville, "Valence Romans Agglo signe son contrat"): "Rennes Métropole signe son nouveau contrat de
//! ville", "le conseil communautaire de Perpignan Méditerranée Métropole a adopté le cadre de son
//! futur contrat de ville"; or that carries or steers the contract ("la communauté
//! d'agglomération du Cotentin porte le contrat de ville", "Douaisis Agglo pilote le contrat de
//! ville", "X est porteuse du contrat de ville", "X assure le pilotage du contrat de ville", "c'est
//! donc X qui en assure le pilotage" after a sentence about the contract). The carrier is the intercommunality named last before the
//! possessive, else the commune named "la Ville de X" ("La Ville de Lillers a signé son contrat
//! de ville"), else a commune of the gazetteer that is the sentence's subject, right before
//! its verb ("Kourou signe son contrat de ville", "Saint-Denis a adopté son contrat de ville":
//! some communes carry their own contract). Does not find: a région or a commune with "son action pour les contrats de ville",
//! plural generalities without a possessive.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::contract_of::{ANAPHORA, named_otherwise};
use super::grammar::{
    NAME, demonym_after, doc_epci_mentions, epci_mentions, is_acronym, noun_kind, sentences,
};
use super::signing_sentence::CITY;
use super::territory;
use crate::gazetteer;
use crate::rules::{Candidates, Doc, Rule};

/// The own-contract rule.
pub struct OwnContract;

const ID: &str = "territories.own_contract";

/// Rule id of an intercommunality that signed "le sien": its own contract beside the one the
/// page is about, so the page reports two, and a fallback carrier of the other one stays.
const NEIGHBOUR_ID: &str = "territories.own_contract_neighbour";

/// Whether `t` is a neighbour's own contract ([`NEIGHBOUR_ID`]), or one told as a turn of a
/// series of signings (`territories.in_turn`): a contract beside the page's.
pub(super) fn is_neighbour(t: &crate::record::Territory) -> bool {
    t.evidence.rule == NEIGHBOUR_ID || super::in_turn::is_turn(t)
}

/// An article before an intercommunality's common noun ("la communauté d'agglomération
/// bergeracoise", "l'agglomération tourangelle").
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:la|le|l'|l’)[ \t]*").expect("valid regex"));

static POSSESSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:(?:\b(?:son|sa|leurs?)\s+(?:(?:nouveau|nouveaux|futur|futurs|prochain|premier|propre)\s+)?|\b(?:porte|portent|portera|pilote|pilotent|pilotera|coordonne)\s+le\s+|\best\s+(?:porteuse|porteur|pilote|cheffe\s+de\s+file|chef\s+de\s+file)\s+du\s+|\b(?:assure|assurent|assurera)\s+(?:le\s+pilotage|le\s+portage|la\s+conduite)\s+du\s+)contrats?(?P<ville>\s+de\s+ville)?\b|\b(?:signé|paraphé|adopté)\s+(?:à\s+son\s+tour\s+|aussi\s+|déjà\s+)?le\s+sien\b|\bqui\s+en\s+(?:assure|assurent|assurera)\s+(?:le\s+pilotage|le\s+portage|la\s+conduite)\b)",
    )
    .expect("valid regex")
});

/// A name opening its sentence or heading and a verb of one to three lower-case words after it:
/// the subject of "… son contrat de ville" ("Kourou signe", "Saint-Denis a officiellement
/// adopté").
static SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s#]*(?P<name>{})[ \t]+(?:\p{{Ll}}[\p{{Ll}}'’-]*[ \t]+){{1,3}}$",
        *NAME
    ))
    .expect("valid regex")
});

/// A town before a colon or a dash, then "la Ville" or "la commune" as the subject of a verb of
/// one to three words: "Saint-Benoît : la Ville signe", "Tulle – la commune a adopté".
static TOWN_THEN_CITY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[.!?\n])[\s#]*(?P<name>{})[ \t]*[:–—-][ \t]*(?i:la)[ \t]+(?i:ville|commune|municipalité)[ \t]+(?:\p{{Ll}}[\p{{Ll}}'’-]*[ \t]+){{1,3}}$",
        *NAME
    ))
    .expect("valid regex")
});

static CONTRAT_DE_VILLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcontrats?\s+de\s+ville\b").expect("valid regex"));

/// "son contrat de travail", "son contrat d'objectifs": another contract.
static OTHER_CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s+(?:de|d'|du|des)\b").expect("valid regex"));

impl Rule for OwnContract {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        // "son contrat" alone is the contrat de ville in a document that names it so elsewhere.
        let about_contracts = CONTRAT_DE_VILLE.is_match(text);
        for sentence in sentences(text) {
            let s = &text[sentence.clone()];
            let Some(caps) = POSSESSIVE.captures(s) else { continue };
            let Some(own) = caps.get(0) else { continue };
            if caps.name("ville").is_none()
                && (!about_contracts || OTHER_CONTRACT.is_match(&s[own.end()..]))
            {
                continue;
            }
            let before = &s[..own.start()];
            let at = |r: std::ops::Range<usize>| sentence.start + r.start..sentence.start + r.end;
            let id = if own.as_str().ends_with("sien") { NEIGHBOUR_ID } else { ID };
            if let Some((r, kind)) = epci_mentions(before).into_iter().max_by_key(|(r, _)| r.start)
            {
                out.territories.push(territory(doc, at(r), Some(kind), true, id));
            } else if let Some((r, kind)) = page_acronym(doc, at(0..before.len())) {
                // "la CABA signe son contrat de ville": an acronym that only the rest of the
                // page tells as an intercommunality's (by the town it names).
                out.territories.push(territory(doc, r, Some(kind), true, id));
            } else if let Some((r, kind)) = demonym_subject(doc, before) {
                // "La communauté d'agglomération bergeracoise a signé le sien".
                out.territories.push(territory(doc, at(r), kind, true, id));
            } else if let Some(name) =
                CITY.captures_iter(before).filter_map(|c| c.name("name")).last()
            {
                // "La Ville de Lillers a signé son contrat de ville": a commune named as such.
                out.territories.push(territory(doc, at(name.range()), None, true, ID));
            } else if let Some(name) = TOWN_THEN_CITY.captures(before).and_then(|c| c.name("name"))
                && !gazetteer::communes_named(name.as_str()).is_empty()
            {
                // "Saint-Benoît : la Ville signe son contrat de ville": the town a heading
                // names before the colon.
                out.territories.push(territory(doc, at(name.range()), None, true, ID));
            } else if let Some(name) = SUBJECT.captures(before).and_then(|c| c.name("name"))
                && caps.name("ville").is_some()
                && !gazetteer::communes_named(name.as_str()).is_empty()
            {
                out.territories.push(territory(doc, at(name.range()), None, true, ID));
            }
        }
    }
}

/// The last intercommunality within `span` of the text that the grammar finds only with the
/// whole page in view, written as an acronym ("CABA", which the page's towns tell apart from the
/// other intercommunalities of those initials): its range and kind.
fn page_acronym(
    doc: &Doc,
    span: std::ops::Range<usize>,
) -> Option<(std::ops::Range<usize>, &'static str)> {
    doc_epci_mentions(doc)
        .iter()
        .filter(|(r, _)| span.start <= r.start && r.end <= span.end)
        .filter(|(r, _)| is_acronym(&doc.text()[r.clone()]))
        .max_by_key(|(r, _)| r.start)
        .cloned()
}

/// The last intercommunality `before` names by its common noun and its town's demonym ("la
/// communauté d'agglomération bergeracoise avait, elle, "), when the page does not also name it
/// by its proper name: its range in `before` and its kind.
fn demonym_subject(
    doc: &Doc,
    before: &str,
) -> Option<(std::ops::Range<usize>, Option<&'static str>)> {
    ARTICLE
        .find_iter(before)
        .filter_map(|article| {
            let rest = &before[article.end()..];
            let noun = ANAPHORA.find(rest)?;
            let (end, town) = demonym_after(&rest[noun.end()..])?;
            if named_otherwise(doc, town) {
                return None;
            }
            let kind = noun_kind(noun.as_str());
            Some((article.end()..article.end() + noun.end() + end, kind))
        })
        .last()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn owners() {
        assert_eq!(
            carriers(&OwnContract, "# Rennes Métropole signe son nouveau contrat de ville\n"),
            [("Rennes Métropole".into(), "Métropole".into())]
        );
        assert_eq!(
            carriers(
                &OwnContract,
                "Jeudi 5 octobre, le conseil communautaire de Perpignan Méditerranée Métropole a \
                 adopté le cadre stratégique de son futur contrat de ville."
            ),
            // The gazetteer knows its kind better than its name does.
            [("Perpignan Méditerranée Métropole".into(), "CU".into())]
        );
    }

    #[test]
    fn a_town_then_its_city() {
        assert_eq!(
            carriers(&OwnContract, "# Saint-Leu : la Ville signe son contrat de ville\n"),
            [("Saint-Leu".into(), "commune".into())]
        );
        // Not a town: the name before the colon must be a commune of the gazetteer.
        assert!(
            carriers(&OwnContract, "# Politique locale : la Ville signe son contrat de ville\n")
                .is_empty()
        );
    }

    #[test]
    fn who_steers_the_contract() {
        assert_eq!(
            carriers(
                &OwnContract,
                "Le contrat de ville relève de l'intercommunalité. C'est donc la communauté de \
                 communes du Sud Morvan qui en assure le pilotage, avec la ville."
            ),
            [("Sud Morvan".into(), "CC".into())]
        );
        assert_eq!(
            carriers(
                &OwnContract,
                "Depuis 2015, Lorient Agglomération assure le pilotage du contrat de ville."
            ),
            [("Lorient Agglomération".into(), "CA".into())]
        );
        // What the pronoun stands for must be the contract of a page about one.
        assert!(
            carriers(
                &OwnContract,
                "Le festival revient. C'est la communauté de communes du Sud Morvan qui en \
                 assure le pilotage."
            )
            .is_empty()
        );
    }

    #[test]
    fn an_acronym_the_rest_of_the_page_tells_apart() {
        // "CAGG" spells two intercommunalities' initials; the town the page names picks one.
        let text = "La CAGG signe son contrat de ville\n\nLe quartier des Tilleuls, à Guéret, en \
                    est le cœur.";
        assert_eq!(carriers(&OwnContract, text), [("CAGG".into(), "CA".into())]);
        let text = "La CAGG signe son contrat de ville\n\nLe quartier des Tilleuls en est le cœur.";
        assert!(carriers(&OwnContract, text).is_empty());
    }

    #[test]
    fn an_intercommunality_that_carries_or_steers_the_contract() {
        let text = "La communauté d'agglomération du Bocage porte le contrat de ville. Le maire \
                    de Vire a signé le document.";
        assert_eq!(carriers(&OwnContract, text).len(), 1);
        assert!(carriers(&OwnContract, text)[0].0.contains("Bocage"));
        let text = "Dans les quartiers, Rennes Métropole pilote le contrat de ville 2024-2030.";
        assert_eq!(carriers(&OwnContract, text)[0].0, "Rennes Métropole");
        let text = "Rennes Métropole est porteuse du contrat de ville.";
        assert_eq!(carriers(&OwnContract, text)[0].0, "Rennes Métropole");
        // Another contract, or no intercommunality before the verb.
        let text = "Le contrat de ville est signé. Rennes Métropole pilote le contrat de plan.";
        assert!(carriers(&OwnContract, text).is_empty());
        assert!(carriers(&OwnContract, "Le préfet porte le contrat de ville.").is_empty());
        // A commune named as such signs its own contract.
        let text = "La Ville de Lillers a signé son contrat de ville. Auchel et Burbure ont suivi.";
        assert_eq!(carriers(&OwnContract, text), [("Lillers".into(), "commune".into())]);
        let text = "La Ville de Lillers a signé son contrat de location du gymnase.";
        assert!(carriers(&OwnContract, text).is_empty());
    }

    #[test]
    fn a_commune_that_signs_its_own_contract() {
        let text = "Saint-Laurent-du-Maroni signe son contrat de ville\n\nLe maire a signé mardi.";
        assert_eq!(
            carriers(&OwnContract, text),
            [("Saint-Laurent-du-Maroni".into(), "commune".into())]
        );
        let text = "Matoury a officiellement adopté son propre contrat de ville pour six ans.";
        assert_eq!(carriers(&OwnContract, text), [("Matoury".into(), "commune".into())]);
        // Not a name the gazetteer knows as a commune, nor a subject further in the sentence.
        let text = "Solidarité Quartiers signe son contrat de ville.";
        assert!(carriers(&OwnContract, text).is_empty());
        let text = "Après Matoury, le préfet a signé son contrat de ville.";
        assert!(carriers(&OwnContract, text).is_empty());
    }

    #[test]
    fn son_contrat_alone() {
        let text = "Quartiers 2030 : Valence Romans Agglo signe son contrat\n\nLe contrat de ville \
                    engage l'État.";
        assert_eq!(carriers(&OwnContract, text), [("Valence Romans Agglo".into(), "CA".into())]);
        let text = "Le contrat de ville est signé. Metz Métropole renouvelle son contrat de \
                    délégation de service public.";
        assert!(carriers(&OwnContract, text).is_empty());
    }

    #[test]
    fn le_sien_signed_by_a_neighbour() {
        let text = "Le contrat de ville de Vire est signé. La communauté d'agglomération du \
                    Bocage avait, elle, signé le sien la veille.";
        let found = carriers(&OwnContract, text);
        assert_eq!(found.len(), 1);
        assert!(found[0].0.contains("Bocage"));
        // Not in a page about another kind of contract.
        let text = "Le bail est prêt. La communauté d'agglomération du Bocage a signé le sien.";
        assert!(carriers(&OwnContract, text).is_empty());
    }

    #[test]
    fn an_intercommunality_named_by_a_demonym_signs_its_own() {
        for (text, name) in [
            (
                "Le contrat de ville de Vire est signé. La communauté d'agglomération \
                 bergeracoise avait, elle, signé le sien trois jours plus tôt.",
                "communauté d'agglomération bergeracoise",
            ),
            (
                "Le contrat de ville de Vire est signé. L'agglomération tourangelle a déjà \
                 paraphé le sien.",
                "agglomération tourangelle",
            ),
            (
                "Mardi, la métropole lilloise signe son nouveau contrat de ville.",
                "métropole lilloise",
            ),
        ] {
            let found = carriers(&OwnContract, text);
            assert_eq!(found.len(), 1, "{text}");
            assert_eq!(found[0].0, name, "{text}");
        }
        // An adjective that names no town, or a page that names the intercommunality by its
        // proper name too.
        for text in [
            "Le contrat de ville de Vire est signé. La métropole voisine a signé le sien.",
            "Lille Métropole signe. La métropole lilloise a signé son contrat de ville.",
        ] {
            let found = carriers(&OwnContract, text);
            assert!(
                found.iter().all(|(n, _)| !n.contains("lilloise") && !n.contains("voisine")),
                "{text}"
            );
        }
    }

    #[test]
    fn not_owners() {
        for text in [
            "La Région Hauts-de-France renforce son action pour les nouveaux contrats de ville.",
            // The intercommunality of another sentence.
            "Metz Métropole accueille des entreprises. Le préfet signe son contrat de ville.",
        ] {
            assert!(carriers(&OwnContract, text).is_empty(), "{text}");
        }
    }
}
