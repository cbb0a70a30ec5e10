//! The cross-document merger on fixtures that describe one contract twice: a préfecture release
//! and an intercommunality fact sheet (Rouen, 2015), a press release and a city page (Caen la
//! Mer, 2024), and one territory under two names and two generations (Grand Alès 2015, Alès
//! Agglomération 2024). The expected values are the conflicts the development corpus documents
//! (see `fixtures/README.md`).

mod common;

use common::{cdv, read};
use serde_json::Value;

/// The contract records `cdv extract` writes for `files` of `fixtures/docs`.
fn contracts(files: &[&str]) -> Vec<Value> {
    let out = tempfile::tempdir().unwrap();
    let mut cmd = cdv();
    cmd.arg("extract").arg("-q").arg("-o").arg(out.path());
    for f in files {
        cmd.arg(format!("fixtures/docs/{f}"));
    }
    cmd.assert().success();
    let text = read(&out.path().join("contracts.jsonl"));
    text.lines().map(|l| serde_json::from_str(l).expect("a JSON line")).collect()
}

#[track_caller]
fn only<'a>(all: &'a [Value], territory: &str) -> &'a Value {
    let found: Vec<&Value> = all.iter().filter(|c| c["territory"] == territory).collect();
    assert_eq!(found.len(), 1, "one {territory} contract in {all:#?}");
    found[0]
}

/// The conflict on `field` of a contract record.
#[track_caller]
fn conflict<'a>(contract: &'a Value, field: &str) -> &'a Value {
    contract["conflicts"]
        .as_array()
        .and_then(|cs| cs.iter().find(|c| c["field"] == field))
        .unwrap_or_else(|| panic!("no {field} conflict in {:#}", contract["conflicts"]))
}

/// The values of a conflict with the documents that give each.
fn sides(conflict: &Value) -> Vec<(Value, Vec<String>)> {
    conflict["values"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let docs = v["sources"].as_array().unwrap().iter();
            (v["value"].clone(), docs.map(|s| s["doc"].as_str().unwrap().to_owned()).collect())
        })
        .collect()
}

#[test]
fn rouen_release_and_fact_sheet_merge_with_their_conflicts() {
    let all = contracts(&["d_01.txt", "d_09.txt"]);
    let rouen = only(&all, "Métropole Rouen Normandie");
    assert_eq!(rouen["documents"], serde_json::json!(["d_01", "d_09"]));
    assert_eq!(rouen["generation"], "2015-2020");
    // The fact sheet's explicit "Date de signature" field beats the release's prose date.
    assert_eq!(rouen["signed_on"]["value"], "2015-07-06");
    assert_eq!(
        sides(conflict(rouen, "signed_on")),
        [
            (Value::from("2015-07-06"), vec!["d_09".to_owned()]),
            (Value::from("2015-07-01"), vec!["d_01".to_owned()])
        ]
    );
    let period = &rouen["period"];
    assert_eq!(period["value"], serde_json::json!([2015, 2020]));
    assert_eq!(period["sources"].as_array().unwrap().len(), 2, "both documents support it");
    // Counts that differ conflict; populations within 10 % agree approximately.
    let qpv = sides(conflict(rouen, "figures.qpv_count"));
    assert_eq!(qpv.len(), 2, "{qpv:?}");
    assert!(qpv.contains(&(Value::from(16), vec!["d_01".to_owned()])), "{qpv:?}");
    assert!(qpv.contains(&(Value::from(15), vec!["d_09".to_owned()])), "{qpv:?}");
    let population = conflict(rouen, "figures.population_qpv");
    assert!(population["note"].as_str().unwrap().starts_with("approximate"), "{population:#}");
    let merged = rouen["figures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["kind"] == "population_qpv" && f["agreement"] == "approximate")
        .expect("an approximate population_qpv");
    assert_eq!(merged["value"], 41870, "the exact value is the headline");
    // One quartier, two statuses.
    assert_eq!(
        sides(conflict(rouen, "quartiers[Fieschi].status")),
        [
            (Value::from("prioritaire"), vec!["d_01".to_owned()]),
            (Value::from("veille"), vec!["d_09".to_owned()])
        ]
    );
    // Quartiers spelled two ways ("Château Blanc" / "Château-Blanc") are one, from both.
    let chateau = rouen["quartiers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["name"].as_str().unwrap().starts_with("Château"))
        .expect("Château Blanc");
    assert_eq!(chateau["sources"].as_array().unwrap().len(), 2);
    // Caux Vallée de Seine, the release's second contract, stays its own.
    let caux = only(&all, "Caux Vallée de Seine");
    assert_eq!(caux["documents"], serde_json::json!(["d_01"]));
}

#[test]
fn caen_release_and_city_page_disagree_on_the_day() {
    let all = contracts(&["d_03.md", "d_04.html"]);
    let caen = only(&all, "Caen la Mer");
    assert_eq!(caen["documents"], serde_json::json!(["d_03", "d_04"]));
    assert_eq!(caen["signed_on"]["value"], "2024-04-02");
    assert_eq!(
        sides(conflict(caen, "signed_on")),
        [
            (Value::from("2024-04-02"), vec!["d_03".to_owned()]),
            (Value::from("2024-04-04"), vec!["d_04".to_owned()])
        ]
    );
    let qpv = sides(conflict(caen, "figures.qpv_count"));
    assert_eq!(
        qpv,
        [(Value::from(9), vec!["d_03".to_owned()]), (Value::from(10), vec!["d_04".to_owned()])]
    );
}

#[test]
fn one_territory_two_generations_stay_two_contracts() {
    let all = contracts(&["d_07.html", "d_12.txt"]);
    assert_eq!(all.len(), 2, "{all:#?}");
    let old = only(&all, "Grand Alès");
    let new = only(&all, "Alès Agglomération");
    assert_eq!(old["generation"], "2015-2020");
    assert_eq!(new["generation"], "2024-2030");
    assert!(old["conflicts"].as_array().unwrap().is_empty());
}

#[test]
fn the_merge_does_not_depend_on_the_order_of_inputs() {
    let a = contracts(&["d_01.txt", "d_09.txt", "d_03.md", "d_04.html"]);
    let b = contracts(&["d_04.html", "d_09.txt", "d_03.md", "d_01.txt"]);
    assert_eq!(a, b);
}
