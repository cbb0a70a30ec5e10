//! The official code of each quartier (`qpv_code`), from the QPV list of 2024
//! (`rules/gazetteer/qpv.tsv`), once its communes are linked to their INSEE codes.
//!
//! A quartier gets the code of the one QPV that its name designates (the whole official name,
//! one part of a name made of several, or several parts of the same one: "Benauge - Henri
//! Sellier"; in a 2024 document, also a name joining one QPV's name with words the list does
//! not know, "Maurepas – Gros-Chêne") in one of its communes; a quartier written without its commune, of the one such
//! QPV in the communes the document names. A name that leaves two QPVs, or none, gets no code: a
//! wrong code is worse than none. Quartiers en veille are not in the list of 2024 and get none.
//! A quartier linked without a commune takes the communes of its QPV that the document names.
//!
//! A document of the 2015 generation names the quartiers of the 2015 list, whose codes are not
//! in our data; most carry on in 2024 under the same name in the same commune, and get the 2024
//! code, the `qpv_link` saying so.

use super::gazetteer::ID as GAZETTEER;
use crate::gazetteer::{self, qpv};
use crate::record::{CommuneRef, Quartier, QuartierStatus};

/// The QPVs a quartier's name designates: by the whole name, else by every part of it (the
/// QPVs all its parts designate), else by the name without a second name in parentheses
/// ("Risler (Neudorf)").
pub(super) fn designated(name: &str) -> Vec<qpv::Named> {
    let found = qpv::qpvs_named(name);
    if !found.is_empty() {
        return found;
    }
    if let Some((head, _)) = name.split_once('(')
        && name.trim_end().ends_with(')')
        && !head.trim().is_empty()
    {
        return designated(head.trim());
    }
    let parts = qpv::parts(name);
    if parts.len() < 2 {
        return found;
    }
    let mut common: Option<Vec<qpv::Named>> = None;
    for part in parts {
        let here: Vec<qpv::Named> =
            qpv::qpvs_named(part).into_iter().map(|n| qpv::Named { whole: false, ..n }).collect();
        common = Some(match common {
            None => here,
            Some(c) => {
                c.into_iter().filter(|n| here.iter().any(|h| h.qpv.code == n.qpv.code)).collect()
            }
        });
    }
    common.unwrap_or_default()
}

/// Whether the document is of the 2015 generation: it names years of that contract (2014 to
/// 2022) and none of the next (2023 to 2030).
fn of_2015_generation(text: &str) -> bool {
    let years: Vec<u32> = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .collect();
    years.iter().any(|y| (2014..=2022).contains(y))
        && !years.iter().any(|y| (2023..=2030).contains(y))
}

/// Gives each quartier of `qs` its QPV code when the link is unambiguous; `text` is the
/// document's text, `named` the communes it names.
pub fn link_codes(text: &str, named: &qpv::NamedCommunes, qs: &mut [Quartier]) {
    if qs.is_empty() {
        return;
    }
    let named_in_text = |insee: &str| named.contains(insee);
    let old = of_2015_generation(text);
    for q in qs.iter_mut() {
        if q.status == QuartierStatus::Veille {
            continue;
        }
        if q.evidence.rule == GAZETTEER {
            if old && let Some(link) = &mut q.qpv_link {
                link.push_str("; a document of the 2015 generation: the 2024 successor's code");
            }
            continue;
        }
        if q.qpv_code.is_some() {
            continue;
        }
        let mut found = designated(&q.name);
        if found.is_empty() && !old {
            // A 2024 document may join a quartier's name with a neighbour's the list does not
            // keep ("Maurepas – Gros-Chêne"): the QPVs some part designates, when none of the
            // others designates another one (checked against the commune below).
            found = qpv::parts(&q.name)
                .into_iter()
                .flat_map(qpv::qpvs_named)
                .map(|n| qpv::Named { whole: false, ..n })
                .collect();
        }
        if found.is_empty() {
            continue;
        }
        let insee: Vec<&str> = q
            .communes
            .iter()
            .filter_map(|c| c.insee.as_deref())
            .flat_map(|i| {
                let parent = gazetteer::commune(i).and_then(|c| c.parent);
                std::iter::once(i).chain(parent)
            })
            .collect();
        let (mut here, by): (Vec<&qpv::Named>, &str) = if insee.is_empty() {
            if !q.communes.is_empty() {
                // Communes written but not linked: the name alone does not decide.
                continue;
            }
            let here = found.iter().filter(|n| n.qpv.communes.iter().any(|c| named_in_text(c)));
            (here.collect(), "a commune the document names")
        } else {
            let here = found.iter().filter(|n| n.qpv.communes.iter().any(|c| insee.contains(c)));
            (here.collect(), "its commune")
        };
        here.sort_by_key(|n| n.qpv.code);
        here.dedup_by_key(|n| n.qpv.code);
        let [one] = here.as_slice() else { continue };
        let how = if one.whole { "the name" } else { "part of the name" };
        let mut link = format!("{how} ({}) and {by} agree", one.qpv.name);
        if old {
            link.push_str(
                "; a document of the 2015 generation: the 2024 quartier of the same name and \
                 commune",
            );
        }
        q.qpv_code = Some(one.qpv.code.to_owned());
        q.qpv_link = Some(link);
        // A quartier written without its commune takes the QPV's communes the document names.
        if q.communes.is_empty() {
            q.communes = one
                .qpv
                .communes
                .iter()
                .filter(|c| named_in_text(c))
                .filter_map(|c| gazetteer::current_commune(c))
                .map(|c| CommuneRef { name: c.name.to_owned(), insee: Some(c.insee.to_owned()) })
                .collect();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Evidence;

    fn quartier(name: &str, commune: Option<(&str, &str)>, status: QuartierStatus) -> Quartier {
        Quartier {
            name: name.into(),
            communes: commune
                .map(|(n, i)| CommuneRef { name: n.into(), insee: Some(i.into()) })
                .into_iter()
                .collect(),
            status,
            list: None,
            qpv_code: None,
            qpv_link: None,
            evidence: Evidence { span: [0, 0], text: String::new(), rule: "quartiers.test".into() },
        }
    }

    fn link(text: &str, qs: &mut [Quartier]) {
        link_codes(text, &qpv::NamedCommunes::of(text), qs);
    }

    #[test]
    fn a_name_and_its_commune_give_the_code() {
        let mut qs = vec![
            quartier("Jean-Jaurès", Some(("Floirac", "33167")), QuartierStatus::Prioritaire),
            quartier("Saraillère", Some(("Floirac", "33167")), QuartierStatus::Prioritaire),
            // Not in that commune.
            quartier("Jean Jaurès", Some(("Cenon", "33119")), QuartierStatus::Prioritaire),
            // En veille: not in the 2024 list.
            quartier("Jean Jaurès", Some(("Floirac", "33167")), QuartierStatus::Veille),
        ];
        link("Le contrat 2024-2030 de Floirac et Cenon.", &mut qs);
        let codes: Vec<Option<&str>> = qs.iter().map(|q| q.qpv_code.as_deref()).collect();
        assert_eq!(codes, [Some("QN03314M"), Some("QN03312M"), None, None]);
        assert!(qs[1].qpv_link.as_deref().is_some_and(|l| l.starts_with("part of the name")));
    }

    #[test]
    fn a_second_name_in_parentheses_is_left_out() {
        let mut qs = vec![quartier(
            "Risler (Les Jardins)",
            Some(("Strasbourg", "67482")),
            QuartierStatus::Prioritaire,
        )];
        link("Le contrat 2024-2030 de Strasbourg.", &mut qs);
        assert_eq!(qs[0].qpv_code.as_deref(), Some("QN06723N"));
    }

    #[test]
    fn a_2024_name_joined_with_an_unknown_neighbour_keeps_the_code() {
        let mut qs = vec![quartier(
            "Jean Jaurès – Quartier Imaginaire",
            Some(("Floirac", "33167")),
            QuartierStatus::Prioritaire,
        )];
        link("Le contrat 2024-2030.", &mut qs);
        assert_eq!(qs[0].qpv_code.as_deref(), Some("QN03314M"));
        // Not in a 2015 document: the name must agree.
        let mut qs = vec![quartier(
            "Jean Jaurès – Quartier Imaginaire",
            Some(("Floirac", "33167")),
            QuartierStatus::Prioritaire,
        )];
        link("Le contrat 2015-2020.", &mut qs);
        assert_eq!(qs[0].qpv_code, None);
    }

    #[test]
    fn a_2015_document_says_the_code_is_the_successor_s() {
        let mut qs =
            vec![quartier("Jean Jaurès", Some(("Floirac", "33167")), QuartierStatus::Prioritaire)];
        link("Le contrat 2015-2020 est signé.", &mut qs);
        assert_eq!(qs[0].qpv_code.as_deref(), Some("QN03314M"));
        assert!(qs[0].qpv_link.as_deref().is_some_and(|l| l.contains("2015 generation")));
    }

    #[test]
    fn without_a_commune_only_in_the_communes_the_document_names() {
        let mut qs = vec![quartier("Centre-Ville", None, QuartierStatus::Prioritaire)];
        link("Un quartier sans commune.", &mut qs);
        assert_eq!(qs[0].qpv_code, None);
        let mut qs = vec![quartier("Dravemont", None, QuartierStatus::Prioritaire)];
        link("À Floirac, le contrat de 2024.", &mut qs);
        assert_eq!(qs[0].qpv_code.as_deref(), Some("QN03312M"));
        // It takes the QPV's commune the document names (not Cenon, which it does not).
        let communes: Vec<&str> = qs[0].communes.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(communes, ["Floirac"]);
    }
}
