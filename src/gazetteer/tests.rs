use super::*;
use crate::data;

/// The INSEE codes of the communes named `name`.
fn codes(name: &str) -> Vec<&'static str> {
    communes_named(name).iter().map(|c| c.insee).collect()
}

#[track_caller]
fn commune_is(name: &str, insee: &str) {
    assert_eq!(codes(name), [insee], "{name:?}");
}

#[track_caller]
fn epci_is(name: &str, siren: &str) {
    let found: Vec<&str> = epci_named(name).iter().map(|e| e.siren).collect();
    assert_eq!(found, [siren], "{name:?}");
}

#[track_caller]
fn no_epci(name: &str) {
    let found: Vec<&str> = epci_named(name).iter().map(|e| e.name).collect();
    assert!(found.is_empty(), "{name:?} found {found:?}");
}

fn ctx(epcis: &[&str], departements: &[&str], regions: &[&str]) -> LinkContext {
    let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    LinkContext { epcis: own(epcis), departements: own(departements), regions: own(regions) }
}

#[test]
fn commune_exact_name() {
    commune_is("Condé-sur-l'Escaut", "59153");
    commune_is("Valenciennes", "59606");
    let c = commune("59153").unwrap();
    assert_eq!((c.name, c.departement, c.region), ("Condé-sur-l'Escaut", "59", "32"));
    assert!(c.population.is_some_and(|p| p > 5000));
    assert_eq!(c.parent, None);
}

#[test]
fn commune_ignores_case_accents_hyphens_apostrophes() {
    commune_is("Condé sur l'Escaut", "59153");
    commune_is("Conde-sur-l’Escaut", "59153");
    commune_is("CONDÉ SUR L'ESCAUT", "59153");
    commune_is("Bruay-sur-l’Escaut", "59112");
    commune_is("Cuxac d'Aude", "11116");
    commune_is("Evry Courcouronnes", "91228");
}

#[test]
fn commune_saint_abbreviations() {
    commune_is("St-Étienne-du-Rouvray", "76575");
    commune_is("St Etienne du Rouvray", "76575");
    commune_is("Ste-Foy-lès-Lyon", "69202");
    commune_is("Hérouville St-Clair", "14327");
}

#[test]
fn commune_article_is_optional_but_exact_first() {
    commune_is("Le Quesnoy", "59481");
    commune_is("Grand-Quevilly", "76322");
    commune_is("Le Grand-Quevilly", "76322");
    commune_is("Petit Quevilly", "76498");
    commune_is("La Grand-Combe", "30132");
    commune_is("Les Mureaux", "78440");
}

#[test]
fn commune_deleguee_gives_its_current_commune() {
    let found = communes_named("Notre-Dame-de-Gravenchon");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Port-Jérôme-sur-Seine");
}

#[test]
fn a_departement_in_parentheses_chooses() {
    commune_is("Saint-Denis (93)", "93066");
    commune_is("Saint-Denis (La Réunion)", "97411");
    commune_is("Lens (Pas-de-Calais)", "62498");
    assert!(communes_named("Saint-Denis (59)").is_empty(), "no Saint-Denis in the Nord");
    assert_eq!(codes("Château-Chinon (Ville)"), ["58062"]);
    assert_eq!(codes("Château-Chinon").len(), 2);
}

#[test]
fn context_is_built_from_what_the_document_names() {
    let mut ctx = LinkContext::default();
    ctx.add_commune(commune("59606").unwrap());
    ctx.add_commune(commune("59014").unwrap());
    ctx.add_departement(departement("62").unwrap());
    ctx.add_epci(epci("245901160").unwrap());
    assert_eq!(ctx.departements, ["59", "62"]);
    assert_eq!(ctx.regions, ["32"]);
    assert_eq!(ctx.epcis, ["245901160"]);
}

#[test]
fn former_names_give_the_current_commune() {
    commune_is("Oissel", "76484");
    assert_eq!(commune("76484").map(|c| c.name), Some("Oissel-sur-Seine"));
    // "Évry" is a commune of the Yonne now, and was the name of Évry-Courcouronnes (91).
    commune_is("Évry", "89162");
    let link = link_commune("Evry", &ctx(&[], &["91"], &[]));
    assert_eq!(link.unique().map(|c| c.insee), Some("91228"));
    let link = link_commune("Évry", &LinkContext::default());
    assert_eq!(link.unique().map(|c| c.insee), Some("89162"), "current names first");
}

#[test]
fn arrondissements_municipaux() {
    commune_is("Paris 19e Arrondissement", "75119");
    commune_is("Paris 19ème", "75119");
    commune_is("Marseille 1er arrondissement", "13201");
    assert_eq!(commune("75119").and_then(|c| c.parent), Some("75056"));
    commune_is("Paris", "75056");
}

#[test]
fn commune_unknown_names() {
    assert!(communes_named("Valenciennes Métropole").is_empty());
    assert!(communes_named("Quartier de la Chasse Royale").is_empty());
    assert!(communes_named("").is_empty());
    assert_eq!(link_commune("Atlantis-sur-Mer", &LinkContext::default()), Link::Unknown);
}

#[test]
fn homonyms_are_ambiguous_without_context() {
    let Link::Ambiguous(found) = link_commune("Saint-Denis", &LinkContext::default()) else {
        panic!("Saint-Denis is not ambiguous")
    };
    assert!(found.iter().any(|c| c.insee == "93066"));
    assert!(found.iter().any(|c| c.insee == "97411"));
    // Occitanie has two.
    let Link::Ambiguous(found) = link_commune("Sainte-Marie", &ctx(&[], &[], &["76"])) else {
        panic!("Sainte-Marie in Occitanie is not ambiguous")
    };
    assert_eq!(found.iter().map(|c| c.insee).collect::<Vec<_>>(), ["32388", "65391"]);
}

#[test]
fn homonyms_are_resolved_by_context() {
    let link = link_commune("Saint-Denis", &ctx(&[], &["93"], &[]));
    assert_eq!(link.unique().map(|c| c.insee), Some("93066"));
    let link = link_commune("St Denis", &ctx(&[], &[], &["04"]));
    assert_eq!(link.unique().map(|c| c.insee), Some("97411"));
    let link = link_commune("Sainte-Marie", &ctx(&[], &["972"], &[]));
    assert_eq!(link.unique().map(|c| c.insee), Some("97228"));
    // Plaine Commune (EPT) holds Saint-Denis (93).
    let link = link_commune("Saint-Denis", &ctx(&["200057867"], &["11"], &[]));
    assert_eq!(link.unique().map(|c| c.insee), Some("93066"));
    // A context naming none of the homonyms leaves them all.
    assert!(matches!(link_commune("Saint-Denis", &ctx(&[], &["59"], &[])), Link::Ambiguous(_)));
    // A unique name needs no context, and a wrong one does not hide it.
    let link = link_commune("Anzin", &ctx(&[], &["13"], &[]));
    assert_eq!(link.unique().map(|c| c.insee), Some("59014"));
}

#[test]
fn epci_official_and_short_names() {
    epci_is("Valenciennes Métropole", "245901160");
    epci_is("Communauté d'agglomération Valenciennes Métropole", "245901160");
    epci_is("la Communauté d'Agglomération de Valenciennes Métropole", "245901160");
    epci_is("l'Agglomération du Grand Narbonne", "241100593");
    epci_is("CALL", "246200364");
    epci_is("Lens-Liévin", "246200364");
    epci_is("Communauté d'Agglomération de Lens-Liévin", "246200364");
    epci_is("Métropole Rouen Normandie", "200023414");
    epci_is("Caux Vallée de Seine", "200010700");
    epci_is("Caux Seine Agglo", "200010700");
    epci_is("Eurométropole de Strasbourg", "246700488");
    epci_is("Caen la Mer", "200065597");
    epci_is("Communauté urbaine Caen la Mer", "200065597");
    epci_is("Grand Narbonne", "241100593");
    epci_is("Le Grand Narbonne", "241100593");
    epci_is("Rennes Métropole", "243500139");
    epci_is("Alès Agglomération", "200066918");
    epci_is("Grand Alès", "200066918");
    epci_is("Metz Métropole", "200039865");
    epci_is("Forbach Porte de France", "245700372");
    epci_is("Grand Paris Sud", "200059228");
    epci_is("Brest métropole", "242900314");
    epci_is("Lorient Agglomération", "200042174");
    epci_is("Lorient Agglo", "200042174");
    epci_is("Perpignan Méditerranée Métropole", "200027183");
    epci_is("Communauté de communes du Pays de Mormal", "200043321");
    epci_is("Pays de Mormal", "200043321");
    let ccpm: Vec<&str> = epci_named("CCPM").iter().map(|e| e.siren).collect();
    assert!(ccpm.len() > 1 && ccpm.contains(&"200043321"), "initialisms may be shared");
    epci_is("Plaine Commune", "200057867");
    epci_is("MEL", "200093201");
    // Without the kind that closes the name, when that is not a commune's name.
    epci_is("Agglomération du Douaisis", "200044618");
    epci_is("Grand Besançon", "242500361");
    epci_is("Perpignan Méditerranée", "200027183");
}

#[test]
fn epci_names_that_are_not() {
    no_epci("Valenciennes");
    no_epci("Rennes");
    no_epci("Carcassonne");
    no_epci("Lyon");
    no_epci("call");
    no_epci("Métropole");
    no_epci("Communauté d'agglomération");
    no_epci("");
    assert_eq!(epci_named("Métropole de Lyon").first().map(|e| e.kind), Some("MET69"));
}

#[test]
fn epci_members_and_communes() {
    let members = epci_members("246200364");
    assert!(members.iter().any(|c| c.name == "Liévin"));
    assert_eq!(members.len(), epci("246200364").unwrap().members.len());
    let of_saint_denis: Vec<&str> = epcis_of_commune("93066").iter().map(|e| e.kind).collect();
    assert_eq!(of_saint_denis, ["METRO", "EPT"]);
    assert!(epci_members("000000000").is_empty());
}

#[test]
fn departements_and_regions() {
    assert_eq!(departement_named("Pas-de-Calais").map(|d| d.code), Some("62"));
    assert_eq!(departement_named("Pas de Calais").map(|d| d.code), Some("62"));
    assert_eq!(departement_named("Nord").map(|d| d.code), Some("59"));
    assert_eq!(departement_named("département du Nord").map(|d| d.code), Some("59"));
    assert_eq!(departement_named("la Réunion").map(|d| d.code), Some("974"));
    assert_eq!(departement_named("Seine-St-Denis").map(|d| d.code), Some("93"));
    assert_eq!(departement_named("Hauts-de-France"), None);
    assert_eq!(departement("2A").map(|d| d.name), Some("Corse-du-Sud"));
    assert_eq!(region_named("Grand Est").map(|r| r.code), Some("44"));
    assert_eq!(region_named("région Hauts-de-France").map(|r| r.code), Some("32"));
    assert_eq!(region_named("Nord"), None);
    assert_eq!(region("28").map(|r| r.name), Some("Normandie"));
}

/// The gazetteer files: present, sorted (byte order), each row with its columns and codes
/// that other tables know.
#[test]
fn gazetteer_files_are_sorted_and_parse() {
    for (rel, columns) in [
        // Trailing empty fields are trimmed.
        ("gazetteer/communes.tsv", 4..=6),
        ("gazetteer/communes_anciennes.tsv", 3..=3),
        ("gazetteer/communes_deleguees.tsv", 4..=4),
        ("gazetteer/departements.tsv", 3..=3),
        ("gazetteer/epci.tsv", 4..=4),
        ("gazetteer/epci_aliases.tsv", 2..=2),
        ("gazetteer/regions.tsv", 2..=2),
    ] {
        let lines = data::lines(rel);
        assert!(!lines.is_empty(), "{rel} is empty");
        assert!(lines.windows(2).all(|w| w[0] < w[1]), "{rel} is not sorted or has duplicates");
        for row in data::rows(rel) {
            assert!(columns.contains(&row.len()), "{rel}: {row:?}");
            assert!(row.iter().take(2).all(|f| !f.is_empty()), "{rel}: {row:?}");
        }
    }
    for row in data::rows("gazetteer/epci_aliases.tsv") {
        assert!(epci(&row[1]).is_some(), "epci_aliases.tsv: unknown SIREN {}", row[1]);
    }
    for rel in ["gazetteer/communes_anciennes.tsv", "gazetteer/communes_deleguees.tsv"] {
        for row in data::rows(rel) {
            assert!(commune(&row[2]).is_some(), "{rel}: unknown commune {}", row[2]);
        }
    }
    for d in DEPARTEMENTS.iter() {
        assert!(region(d.region).is_some(), "département {} of no région", d.code);
    }
    for c in &COMMUNES.all {
        assert!(departement(c.departement).is_some(), "commune {} of no département", c.insee);
    }
    for e in &EPCIS.all {
        assert!(!e.members.is_empty(), "EPCI {} has no members", e.siren);
        for m in &e.members {
            assert!(commune(m).is_some(), "EPCI {}: unknown member {m}", e.siren);
        }
    }
}
