//! The committed JSON Schemas are the ones the types generate, and every fixture's output lines
//! validate against them.

use std::path::Path;

use cdv::pipeline::{self, Options};

#[test]
fn committed_schemas_match_the_types() {
    for (name, generated) in cdv::schema::files() {
        let path = Path::new("schema").join(&name);
        let committed = std::fs::read_to_string(&path).unwrap_or_else(|e| {
            panic!("{}: {e} (run `cdv schema --write schema`)", path.display())
        });
        let committed: serde_json::Value = serde_json::from_str(&committed).unwrap();
        assert_eq!(
            committed, generated,
            "{name} is stale: run `cargo run -- schema --write schema`"
        );
    }
}

#[test]
fn every_fixture_output_validates_against_the_schemas() {
    let docs_schema = jsonschema::JSONSchema::compile(&cdv::schema::documents()).unwrap();
    let contracts_schema = jsonschema::JSONSchema::compile(&cdv::schema::contracts()).unwrap();
    let mut records = Vec::new();
    let mut paths: Vec<_> =
        std::fs::read_dir("fixtures/docs").unwrap().flatten().map(|e| e.path()).collect();
    paths.sort();
    for path in paths.iter().filter(|p| cdv::batch::has_document_extension(p)) {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let record = pipeline::process_file(&id, path, &Options::default()).record;
        let value = serde_json::to_value(&record).unwrap();
        if let Err(errors) = docs_schema.validate(&value) {
            let msgs: Vec<String> =
                errors.map(|e| format!("{} at {}", e, e.instance_path)).collect();
            panic!("{id}: {msgs:?}");
        }
        records.push(record);
    }
    let contracts = cdv::merge::across::contracts(&records);
    for c in &contracts {
        let value = serde_json::to_value(c).unwrap();
        assert!(contracts_schema.is_valid(&value), "{}", c.key);
    }
}
