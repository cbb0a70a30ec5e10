//! The gazetteer against the corpus: how many of the communes the gold annotations place
//! quartiers in `link_commune` links to exactly one commune, given the context a document gives
//! (the intercommunality of its contracts, the départements of its communes that are unique by
//! name), and how long the first lookup takes.
//!
//! The corpus measure reads `/work/shared/corpus` and is ignored by default:
//! `cargo test --test gazetteer -- --ignored --nocapture`.

use std::path::Path;
use std::time::Instant;

use cdv::gazetteer::{Link, LinkContext, communes_named, epci_named, link_commune};

#[test]
fn first_lookup_time() {
    let start = Instant::now();
    let found = communes_named("Condé-sur-l'Escaut").len();
    let communes = start.elapsed();
    let start = Instant::now();
    let epcis = epci_named("CALL").len();
    let epci = start.elapsed();
    let start = Instant::now();
    for _ in 0..1000 {
        communes_named("Saint-Denis");
    }
    let lookups = start.elapsed();
    assert_eq!((found, epcis), (1, 1));
    eprintln!(
        "gazetteer: communes loaded in {communes:?}, EPCI in {epci:?}, 1000 lookups in {lookups:?}"
    );
}

/// The commune names of the gold's quartiers, per document, with the document's territories.
fn gold_communes(dir: &Path) -> Vec<(String, Vec<String>, Vec<String>)> {
    let mut docs = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else { return docs };
    let mut paths: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| p.extension().is_some_and(|e| e == "json")) {
        let Ok(text) = std::fs::read_to_string(path) else { continue };
        let Ok(gold) = serde_json::from_str::<serde_json::Value>(&text) else { continue };
        let contracts = gold["contracts"].as_array().cloned().unwrap_or_default();
        let territories =
            contracts.iter().filter_map(|c| c["territory"].as_str().map(str::to_owned)).collect();
        let mut communes: Vec<String> = contracts
            .iter()
            .flat_map(|c| c["quartiers"].as_array().cloned().unwrap_or_default())
            .flat_map(|q| q["communes"].as_array().cloned().unwrap_or_default())
            .filter_map(|c| c.as_str().map(str::to_owned))
            .collect();
        communes.sort();
        communes.dedup();
        docs.push((path.display().to_string(), territories, communes));
    }
    docs
}

#[test]
#[ignore = "reads /work/shared/corpus"]
fn gold_communes_link_uniquely() {
    let root = Path::new("/work/shared/corpus");
    let (mut total, mut unique, mut without_context) = (0, 0, 0);
    for split in ["seeds", "dev"] {
        for (doc, territories, communes) in gold_communes(&root.join(split).join("gold")) {
            let mut ctx = LinkContext::default();
            for t in &territories {
                match epci_named(t).as_slice() {
                    [epci] => ctx.epcis.push(epci.siren.to_owned()),
                    found => eprintln!("{doc}: territory {t:?}: {} EPCI", found.len()),
                }
            }
            for name in &communes {
                if let [c] = communes_named(name).as_slice() {
                    ctx.departements.push(c.departement.to_owned());
                }
            }
            for name in &communes {
                total += 1;
                if link_commune(name, &LinkContext::default()).unique().is_some() {
                    without_context += 1;
                }
                match link_commune(name, &ctx) {
                    Link::Unique(c) => {
                        unique += 1;
                        let in_epci = cdv::gazetteer::epcis_of_commune(c.insee)
                            .iter()
                            .any(|e| ctx.epcis.iter().any(|s| s == e.siren));
                        if !ctx.epcis.is_empty() && !in_epci {
                            eprintln!("{doc}: {name:?} → {} {}, outside the EPCI", c.insee, c.name);
                        }
                    }
                    other => eprintln!("{doc}: {name:?}: {other:?}"),
                }
            }
        }
    }
    let rate = if total == 0 { 1.0 } else { unique as f64 / total as f64 };
    eprintln!(
        "gazetteer: {unique}/{total} gold communes linked uniquely ({:.1}%), \
         {without_context} without context",
        rate * 100.0
    );
    assert!(total == 0 || rate >= 0.95, "{unique}/{total}");
}
