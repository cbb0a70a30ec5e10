//! Linking the names the rules found to official codes, with the gazetteer (`rules/gazetteer/`):
//! every territory to its SIREN (an intercommunality) or INSEE code (a commune, département or
//! région), every commune of a quartier to its INSEE code, and every quartier to its official
//! QPV code when the link is unambiguous (`rules::quartiers::link_codes`).
//!
//! A name several communes bear is decided by what the document is about, in this order: the
//! intercommunalities carrying its contracts, then the départements and régions it names (after
//! "du", "de la", "Département :"…) or those of communes it names without ambiguity. A name
//! still ambiguous keeps no code, and the record says so in a warning: a wrong code is worse
//! than none for a database that joins on it.

use std::collections::BTreeSet;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::gazetteer::{self, Epci, Link, LinkContext};
use crate::record::{Territory, Warning};
use crate::rules::{Candidates, Doc};

/// Links `c`'s territories and quartier communes in place; ambiguities become warnings.
pub fn link(doc: &Doc, c: &mut Candidates) {
    let mut ctx = LinkContext::default();
    for name in place_names(doc.text()) {
        if let Some(d) = gazetteer::departement_named(name) {
            ctx.add_departement(d);
        } else if let Some(r) = gazetteer::region_named(name)
            && !ctx.regions.iter().any(|x| x == r.code)
        {
            ctx.regions.push(r.code.to_owned());
        }
    }
    let mut ambiguous: BTreeSet<String> = BTreeSet::new();
    // Carriers first: their intercommunality is the strongest context.
    let mut order: Vec<usize> = (0..c.territories.len()).collect();
    order.sort_by_key(|&i| !c.territories[i].carries_contract);
    for i in order {
        if !link_territory(&mut c.territories[i], &mut ctx) {
            ambiguous.insert(c.territories[i].name.clone());
        }
    }
    // Two passes over the quartiers' communes: the communes linked without ambiguity in the
    // first tell the départements that decide the others in the second.
    for pass in 0..2 {
        for q in &mut c.quartiers {
            for commune in q.communes.iter_mut().filter(|k| k.insee.is_none()) {
                match gazetteer::link_commune(&commune.name, &ctx) {
                    Link::Unique(found) => {
                        commune.insee = Some(found.insee.to_owned());
                        ctx.add_commune(found);
                    }
                    Link::Ambiguous(_) if pass == 1 => {
                        ambiguous.insert(commune.name.clone());
                    }
                    _ => {}
                }
            }
        }
    }
    crate::rules::quartiers::link_codes(doc, &mut c.quartiers);
    crate::rules::territories::first_written_form(doc.clean, &mut c.territories);
    crate::rules::territories::named_by_linked_epci(&mut c.territories);
    crate::rules::territories::unknown_beside_known(&mut c.territories);
    for name in ambiguous {
        c.warnings.push(Warning {
            kind: "link.ambiguous".into(),
            message: format!(
                "\"{name}\" names several communes or intercommunalities the document does not \
                 tell apart; no code given"
            ),
            span: None,
        });
    }
}

/// Links one territory; false when its name stays ambiguous.
fn link_territory(t: &mut Territory, ctx: &mut LinkContext) -> bool {
    let epcis = gazetteer::epci_named(&t.name);
    let epcis: Vec<&Epci> = if epcis.len() > 1 {
        let near: Vec<&Epci> = epcis.iter().copied().filter(|e| in_context(e, ctx)).collect();
        if near.is_empty() { epcis } else { near }
    } else {
        epcis
    };
    match epcis.as_slice() {
        [one] => {
            t.code = Some(one.siren.to_owned());
            t.kind = one.record_kind().to_owned();
            if t.carries_contract {
                ctx.add_epci(one);
                if let Some(first) = one.members.first().and_then(|m| gazetteer::commune(m)) {
                    ctx.add_commune(first);
                }
            }
            return true;
        }
        [_, _, ..] => return false,
        [] => {}
    }
    if t.kind != "commune" {
        // "la communauté urbaine de Dunkerque", "l'Agglomération d'Agen": the intercommunality
        // of that kind the commune of that name belongs to.
        let town_name = core_town(&t.name).unwrap_or(&t.name);
        if let Link::Unique(town) = gazetteer::link_commune(town_name, ctx) {
            let of_kind: Vec<&Epci> = gazetteer::epcis_of_commune(town.insee)
                .into_iter()
                .filter(|e| t.kind == "EPCI" || e.record_kind() == t.kind)
                .collect();
            if let [one] = of_kind.as_slice() {
                t.code = Some(one.siren.to_owned());
                t.kind = one.record_kind().to_owned();
                if t.carries_contract {
                    ctx.add_epci(one);
                }
            }
        }
        return true;
    }
    if let Some(d) = gazetteer::departement_named(&t.name) {
        t.kind = "departement".into();
        t.code = Some(d.code.to_owned());
        t.carries_contract = false;
        return true;
    }
    if let Some(r) = gazetteer::region_named(&t.name) {
        t.kind = "region".into();
        t.code = Some(r.code.to_owned());
        t.carries_contract = false;
        return true;
    }
    match gazetteer::link_commune(&t.name, ctx) {
        Link::Unique(found) => {
            t.code = Some(found.insee.to_owned());
            ctx.add_commune(found);
            true
        }
        Link::Ambiguous(_) => false,
        Link::Unknown => true,
    }
}

/// The town an intercommunality's name is built on: "Agglomération d'Agen" → "Agen",
/// "Communauté de communes de Vire" → "Vire", "CA de Saintes" → "Saintes" (an abbreviated kind,
/// in capitals as `rules/territories/kinds.tsv` writes them).
fn core_town(name: &str) -> Option<&str> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:communauté\s+(?:d'agglomération|urbaine|de\s+communes)|agglomération|agglo|métropole|eurométropole|(?-i:CA|CdA|CC|CdC|CU))\s*(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')(?P<town>.+)$",
        )
        .expect("valid regex")
    });
    RE.captures(name).and_then(|c| c.name("town")).map(|m| m.as_str())
}

/// True when one of `e`'s member communes lies in a département of the context.
fn in_context(e: &Epci, ctx: &LinkContext) -> bool {
    e.members
        .iter()
        .filter_map(|m| gazetteer::commune(m))
        .any(|c| ctx.departements.iter().any(|d| d == c.departement))
}

/// Capitalised names after the words that introduce a département or région: "préfet du
/// Nord", "de la Seine-Maritime", "Département : Aude", "région Grand Est", "(Essonne)".
fn place_names(text: &str) -> impl Iterator<Item = &str> {
    static RE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:\b(?:du|de la|de l'|des|de|en|dans l'|dans le|dans la|région|Région|Département|département)\s*:?\s*|\()(?P<name>\p{Lu}[\p{L}'-]*(?:[ -](?:et[ -])?\p{Lu}[\p{L}'-]*)*)",
        )
        .expect("valid regex")
    });
    RE.captures_iter(text).filter_map(|c| c.name("name")).map(|m| m.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::normalise;
    use crate::record::{CommuneRef, Evidence, Format, Quartier, QuartierStatus};

    fn territory(name: &str, kind: &str, carries: bool) -> Territory {
        Territory {
            name: name.into(),
            kind: kind.into(),
            code: None,
            carries_contract: carries,
            evidence: Evidence { span: [0, 0], text: String::new(), rule: "t.t".into() },
        }
    }

    fn quartier(name: &str, communes: &[&str]) -> Quartier {
        Quartier {
            name: name.into(),
            communes: communes
                .iter()
                .map(|c| CommuneRef { name: (*c).into(), insee: None })
                .collect(),
            status: QuartierStatus::Prioritaire,
            list: None,
            qpv_code: None,
            qpv_link: None,
            evidence: Evidence { span: [0, 0], text: String::new(), rule: "t.t".into() },
        }
    }

    fn linked(text: &str, mut c: Candidates) -> Candidates {
        let norm = normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        link(&doc, &mut c);
        c
    }

    #[test]
    fn territories_get_their_codes() {
        let c = Candidates {
            territories: vec![
                territory("CALL", "EPCI", true),
                territory("Le Quesnoy", "commune", true),
                territory("Caen la Mer", "commune", false),
                territory("Seine-Maritime", "commune", true),
                territory("Dunkerque", "CU", true),
                territory("Agglomération d'Agen", "CA", false),
            ],
            ..Candidates::default()
        };
        let c = linked("Le préfet du Pas-de-Calais.", c);
        let got: Vec<(&str, &str, Option<&str>, bool)> = c
            .territories
            .iter()
            .map(|t| (t.name.as_str(), t.kind.as_str(), t.code.as_deref(), t.carries_contract))
            .collect();
        assert_eq!(got[0], ("CALL", "CA", Some("246200364"), true));
        assert_eq!(got[1], ("Le Quesnoy", "commune", Some("59481"), true));
        assert_eq!(got[2].1, "CU");
        assert_eq!(got[3], ("Seine-Maritime", "departement", Some("76"), false));
        assert_eq!(got[4], ("Dunkerque", "CU", Some("245900428"), true));
        assert_eq!(got[5].2, Some("200096956"), "{:?}", got[5]);
    }

    #[test]
    fn quartier_communes_follow_the_context() {
        let c = Candidates {
            territories: vec![territory("Valenciennes Métropole", "CA", true)],
            quartiers: vec![quartier("Cité Lecocq", &["Condé sur l'Escaut", "Anzin"])],
            ..Candidates::default()
        };
        let c = linked("Texte.", c);
        let codes: Vec<Option<&str>> =
            c.quartiers[0].communes.iter().map(|k| k.insee.as_deref()).collect();
        assert_eq!(codes, [Some("59153"), Some("59014")]);
        assert!(c.warnings.is_empty());
    }

    #[test]
    fn an_ambiguous_commune_keeps_no_code_and_warns() {
        let c = Candidates {
            quartiers: vec![quartier("Centre", &["Saint-Denis"])],
            ..Candidates::default()
        };
        let c = linked("Un texte sans lieu.", c);
        assert_eq!(c.quartiers[0].communes[0].insee, None);
        assert_eq!(c.warnings.len(), 1);
        assert_eq!(c.warnings[0].kind, "link.ambiguous");
        let c = Candidates {
            quartiers: vec![quartier("Centre", &["Saint-Denis"])],
            ..Candidates::default()
        };
        let c = linked("Le préfet de la Seine-Saint-Denis.", c);
        assert_eq!(c.quartiers[0].communes[0].insee.as_deref(), Some("93066"));
    }
}
