//! `orgs.contract_parties`: the parties a contract gathers, named as the object of a verb whose
//! subject is the contract ("le contrat réunit l'État, la Région et la CAF"), or as the authors
//! of the commitments it records.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::lexicon;
use super::text::sentences;
use super::{push_signatories, trimmed};
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.contract_parties";

/// Finds the organisations a contract (or its signature) gathers, listed after a verb such as
/// "réunit", "associe", "rassemble", "mobilise", "engage", "lie", "fédère", "implique", or
/// naming its makers: "élaboré avec", "co-construit par", "le fruit d'un partenariat entre".
///
/// Finds: "Conclu pour six ans, il réunit autour de l'agglomération l'État, la Région, la CAF de
/// l'Aisne et les bailleurs sociaux" → État, Région, CAF de l'Aisne, bailleurs sociaux; "Le
/// contrat de ville associe l'État, Caen la Mer et la CAF du Calvados"; "la signature a réuni la
/// Ville de Laon et Pôle emploi". The list is read with the explicit item grammar, so "Caen la
/// Mer" counts, but one of its names at least must be of a known kind. A gathering "dans un même
/// engagement" keeps its list ("le programme a réuni dans un même engagement l'État, la Région
/// et la Ville"); the commitments a contract records name their parties too ("le contrat
/// consigne les engagements de la Ville, de l'État et de la CAF", two parties at least); so do
/// the steering of a contract and the help it gets ("ce contrat a été conduit sous le pilotage
/// de la Métropole, avec le concours de l'État et des communes de A, B et C").
///
/// Does not find: a verb whose object is no party ("le contrat mobilise les crédits de droit
/// commun de l'État", "il engage la responsabilité de l'État"), collective groups ("le contrat
/// engage une quinzaine de partenaires", "il associe les habitants"), a reflexive verb ("la Région
/// s'engage à financer"), a subject that is no contract ("la Région associe les communes").
pub struct ContractParties;

/// A contract subject, then its verb; `list` starts right after the verb.
static CUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:contrats?|protocoles?|conventions?|documents?|pactes?|accords?|programmes?|signature|cérémonie|il|ils|elle|celui-ci|ce\s+dernier)\b(?P<gap>[^.;:!?]{0,80}?)\s(?P<verb>(?:sous\s+le\s+(?:co-?)?pilotage|réunit|réunissent|réunira|associe|associent|associera|rassemble|rassemblent|rassemblera|mobilise|mobilisent|mobilisera|engage|engagent|engagera|lie|lient|liera|fédère|fédèrent|fédérera|implique|impliquent|impliquera)|(?:a|ont|avait|avaient)\s+(?:réuni|associé|rassemblé|mobilisé|engagé|fédéré|impliqué)|(?:a\s+été|ont\s+été|est|sont)\s+(?:co-?élaboré|élaboré|co-?construit|construit|conçu|préparé)e?s?\s+(?:conjointement\s+)?(?:avec|en\s+lien\s+avec)|(?:a\s+été|ont\s+été|est|sont)\s+co-?construite?s?\s+(?:conjointement\s+)?par|partenariat\s+(?:étroit\s+)?entre)\b(?:\s+(?:également|notamment|ainsi|aussi|désormais|officiellement|conjointement))*(?:\s+dans\s+(?:un|une|le|la)\s+(?:même\s+|seul\s+|seule\s+)?(?:engagement|projet|objectif|ambition|démarche|cadre|partenariat)(?:\s+communs?|\s+commune)?(?:\s*,)?)?",
    )
    .expect("valid regex")
});

/// The commitments a contract records, with the parties that made them: "le contrat consigne
/// les engagements pris par la Ville, l'État et la CAF", "les engagements de l'État et de la
/// Région y sont fixés"; `list` starts after "par" or at the article of the first party.
static COMMITMENTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bles\s+engagements\s+(?:respectifs\s+|réciproques\s+)?(?:(?:pris|portés|souscrits)\s+par\s+)?(?P<list>(?:de\s+la|de\s+l['’]|du|des|de|d['’]|par|l['’]|la|le|les)\b)")
        .expect("valid regex")
});

/// A sentence about a contract, for [`COMMITMENTS`].
static CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:contrats?|protocoles?|conventions?)\b").expect("valid regex")
});

/// The end of a passive clause whose subject is the contract, before "sous le pilotage de".
static PASSIVE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|\s(?:est|sont|sera|seront|était|étaient|a\s+été|ont\s+été)|,)(?:\s+\p{L}+(?:é|ée|és|ées|it|ite|its|ites))?\s*$")
        .expect("valid regex")
});

/// The contract's time between the verb and its list ("engage pour la période 2015-2020 l'État,
/// …", "lie pour six ans la Ville, …"): no party.
static SPAN_OF_TIME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:pour|sur|jusqu'en)\s+(?:la\s+période\s+|les\s+années\s+)?(?:(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)\d\d)?|(?:\d+|trois|quatre|cinq|six|sept|huit|dix)\s+ans)\s*,?")
        .expect("valid regex")
});

/// "autour de l'agglomération" between the verb and its list: the centre, not a party.
static AROUND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*autour\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')\s*\S+")
        .expect("valid regex")
});

/// Where the centre named after "autour de" ends: a comma, or the article of the first party.
static AROUND_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[^,]*?(?:,|\s(?:l'|la\s|le\s|les\s))").expect("valid regex")
});

/// What may stand between the verb and its first party: articles only.
static ARTICLES_ONLY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:\s|,|l'|la\b|le\b|les\b|des\b|du\b|de\b|d')*$").expect("valid regex")
});

/// "à" or "au" before the second party of "lier".
static TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\s(?:à\s+(?:la\s|l')|au\s|aux\s)").expect("valid regex"));

/// Where those merely present start, or the list is over.
static END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\ben\s+(?:présence|la\s+présence)\b|\s(?:afin|autour)\b").expect("valid regex")
});

impl Rule for ContractParties {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(doc) {
            let s = &text[sentence.clone()];
            let mut seen = Vec::new();
            for caps in CUE.captures_iter(s) {
                let (Some(gap), Some(verb), Some(all)) =
                    (caps.name("gap"), caps.name("verb"), caps.get(0))
                else {
                    continue;
                };
                // "sous le pilotage de": the contract's own steering, in a passive clause ("ce
                // contrat a été conduit sous le pilotage de"), not an action's.
                let steering = verb.as_str().to_lowercase().starts_with("sous");
                if (steering && !PASSIVE.is_match(gap.as_str()))
                    || reflexive(&s[..verb.start()])
                    || gap.as_str().contains(['«', '"'])
                    || other_antecedent(gap.as_str())
                {
                    continue;
                }
                let mut from = all.end();
                if let Some(m) = SPAN_OF_TIME.find(&s[from..]) {
                    from += m.end();
                }
                if let Some(m) = AROUND.find(&s[from..]) {
                    let centre = from + m.end();
                    let Some(e) = AROUND_END.find(&s[centre..]) else { continue };
                    let tail = e.as_str();
                    // Keep the article of the first party.
                    from = centre
                        + if tail.ends_with(',') {
                            e.end()
                        } else {
                            tail.char_indices()
                                .rfind(|c| c.1.is_whitespace())
                                .map_or(e.end(), |(w, c)| w + c.len_utf8())
                        };
                }
                let end = END.find(&s[from..]).map_or(s.len(), |m| from + m.start());
                let seg = trimmed(text, sentence.start + from..sentence.start + end);
                let mut found = items(text, seg.clone(), Mode::Explicit);
                // "lie la Ville à l'État, à la Région": the first party, then the others.
                if verb.as_str().to_lowercase().starts_with("li")
                    && let Some(m) = TO.find(&text[seg.clone()])
                {
                    found = items(text, seg.start..seg.start + m.start(), Mode::Explicit);
                    found.extend(items(text, seg.start + m.start()..seg.end, Mode::Explicit));
                }
                let Some(first) = found.iter().map(|i| i.range.start).min() else { continue };
                if first < seg.start || !ARTICLES_ONLY.is_match(&text[seg.start..first]) {
                    continue;
                }
                if !found.iter().any(|i| lexicon::kind(&i.name).is_some()) {
                    continue;
                }
                push_signatories(doc, found, ID, &mut seen, out);
            }
            if !CONTRACT.is_match(s) {
                continue;
            }
            for caps in COMMITMENTS.captures_iter(s) {
                let Some(list) = caps.name("list") else { continue };
                let from = list.start();
                let end = END.find(&s[from..]).map_or(s.len(), |m| from + m.start());
                let seg = trimmed(text, sentence.start + from..sentence.start + end);
                let found = items(text, seg, Mode::Explicit);
                // Two parties at least, one of a known kind: "les engagements de l'État pour les
                // quartiers" names the State's policy, not the contract's parties.
                if found.len() < 2 || !found.iter().any(|i| lexicon::kind(&i.name).is_some()) {
                    continue;
                }
                push_signatories(doc, found, ID, &mut seen, out);
            }
        }
    }
}

/// Whether the verb is that of a relative clause about another noun than the contract: "ce
/// contrat repose sur une gouvernance ouverte, qui rassemble ..." (the gap before "qui" holds a
/// clause of its own), not "le contrat de ville 2024-2030, qui réunit ...".
fn other_antecedent(gap: &str) -> bool {
    static RELATIVE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i),?\s+qui\s*$").expect("valid regex"));
    // "sur un partenariat", "dans une instance": a new noun phrase the relative may be about.
    static NEW_NOUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:sur|dans|par|avec|à|en|d')\s*(?:un|une|des)\b").expect("valid regex")
    });
    let Some(m) = RELATIVE.find(gap) else { return false };
    let before = &gap[..m.start()];
    before.split_whitespace().count() > 4 || NEW_NOUN.is_match(before)
}

/// Whether the verb ending `before` is reflexive ("la Région s'engage", "ils se mobilisent").
fn reflexive(before: &str) -> bool {
    let b = before.trim_end().to_lowercase();
    b.ends_with(" se") || b.ends_with("s'") || b.ends_with("s’") || b == "se"
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&ContractParties, text), expected, "{text:?}");
    }

    #[test]
    fn the_parties_a_contract_gathers() {
        check(
            "Conclu pour six ans, il réunit autour de l'agglomération l'État, la Région, la Caisse d'allocations familiales de l'Aisne et les bailleurs sociaux.",
            &["État", "Région", "Caisse d'allocations familiales de l'Aisne", "bailleurs sociaux"],
        );
        check(
            "Le contrat réunit autour de la communauté d'agglomération du Boulonnais, l'État, la Région et Pôle emploi.",
            &["État", "Région", "Pôle emploi"],
        );
        check(
            "Le contrat de ville associe l'État, Caen la Mer et la CAF du Calvados.",
            &["État", "Caen la Mer", "CAF du Calvados"],
        );
        // The contract's span of time between the verb and its parties.
        check(
            "Le document engage pour la période 2015-2020 l'État, la Région et la CAF de l'Ain.",
            &["État", "Région", "CAF de l'Ain"],
        );
        check("Il lie pour six ans la Ville et l'État.", &["Ville", "État"]);
        check(
            "La signature a réuni la Ville de Laon, le Département de l'Aisne et Pôle emploi.",
            &["Ville de Laon", "Département de l'Aisne", "Pôle emploi"],
        );
        check(
            "Ces contrats mobilisent également France Travail, la Mission locale et l'ARS.",
            &["France Travail", "Mission locale", "ARS"],
        );
        check(
            "Le contrat engage l'État et Amiens Métropole pour six ans.",
            &["État", "Amiens Métropole"],
        );
    }

    #[test]
    fn objects_that_are_no_parties() {
        check("Le contrat de ville engage une quinzaine de partenaires pour six ans.", &[]);
        check("Le contrat mobilise les crédits de droit commun de l'État et de la Région.", &[]);
        check("Il engage la responsabilité de l'État.", &[]);
        check("La Région s'engage à financer les actions du contrat.", &[]);
        check("Le contrat associe les habitants et les associations aux décisions.", &[]);
        check("La Région associe l'État et les communes à sa stratégie.", &[]);
        check("Le contrat engage Lens dans une démarche nouvelle.", &[]);
        check("Le contrat réunit 3 millions d'euros de crédits.", &[]);
        check(
            "Ce contrat s'appuie sur un comité de pilotage élargi qui réunit l'État, la Ville et la CAF.",
            &[],
        );
        check(
            "Elle repose sur un partenariat local qui associe l'État, les communes et les associations.",
            &[],
        );
        check("Il s'appuie sur un réseau qui réunit l'État et la CAF.", &[]);
    }

    #[test]
    fn the_parties_steering_the_contract() {
        check(
            "Élaboré avec les habitants, ce contrat de ville a été conduit sous le pilotage de la Métropole Aix-Marseille, avec le concours de l'État, et des communes de Martigues, Istres et la Ciotat.",
            &["Métropole Aix-Marseille", "État", "Martigues", "Istres", "Ciotat"],
        );
        check(
            "Le contrat finance une action menée sous le pilotage de la CAF et de la Ville.",
            &[],
        );
    }

    #[test]
    fn a_gathering_in_one_commitment() {
        check(
            "En juin, ce programme bâti avec les habitants a réuni dans un même engagement l'État, la Région, le Département et la Ville de Creil.",
            &["État", "Région", "Département", "Ville de Creil"],
        );
        check("Le programme a réuni dans un même élan les habitants et les associations.", &[]);
    }

    #[test]
    fn the_commitments_a_contract_records() {
        check(
            "Le contrat de ville consigne les engagements pris par la Ville, l'État et les partenaires afin d'agir.",
            &["Ville", "État"],
        );
        check(
            "Dans le contrat de ville sont consignés les engagements de la Ville de Millau, de l'État et de la CAF.",
            &["Ville de Millau", "État", "CAF"],
        );
        check("Le contrat de ville précise les engagements de l'État pour les quartiers.", &[]);
        check("Les engagements de l'État et de la Région pour l'emploi sont tenus.", &[]);
    }

    #[test]
    fn a_relative_clause_about_the_contract() {
        check(
            "Le contrat de ville 2024-2030, qui réunit l'État, la Région et la CAF, a été signé.",
            &["État", "Région", "CAF"],
        );
    }
}
