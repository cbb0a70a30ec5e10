//! Every fixture document through the whole pipeline: one JSON snapshot of its record, and the
//! evidence invariant `clean_text[span] == text` on every mention.

use std::path::{Path, PathBuf};

use cdv::pipeline::{self, Options};

fn fixture_docs() -> Vec<PathBuf> {
    docs_in("fixtures/docs")
}

fn docs_in(dir: &str) -> Vec<PathBuf> {
    let mut docs: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .flatten()
        .map(|e| e.path())
        .filter(|p| cdv::batch::has_document_extension(p))
        .collect();
    docs.sort();
    assert!(docs.len() >= 8, "{dir} holds the fixture documents");
    docs
}

fn id_of(p: &Path) -> String {
    p.file_stem().unwrap().to_string_lossy().into_owned()
}

#[test]
fn every_fixture_record_matches_its_snapshot() {
    for path in fixture_docs() {
        let id = id_of(&path);
        let processed = pipeline::process_file(&id, &path, &Options::default());
        assert!(processed.record.errors.is_empty(), "{id}: {:?}", processed.record.errors);
        insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
            insta::assert_json_snapshot!(id, processed.record);
        });
    }
}

#[test]
fn every_evidence_points_at_its_text_in_the_clean_text() {
    let mut checked = 0;
    // The held-out documents too: offsets must hold on text the rules were not written against.
    for path in fixture_docs().into_iter().chain(docs_in("fixtures/heldout/docs")) {
        let id = id_of(&path);
        let processed = pipeline::process_file(&id, &path, &Options::default());
        let clean = processed.clean.as_deref().expect("fixture is readable");
        for ev in processed.record.evidences() {
            let [start, end] = ev.span;
            let found = clean.get(start..end);
            assert_eq!(found, Some(ev.text.as_str()), "{id}: rule {} span {start}..{end}", ev.rule);
            checked += 1;
        }
    }
    assert!(checked > 0, "no evidence at all: the rules found nothing");
}

#[test]
fn nearly_every_quartier_commune_and_every_contract_territory_carries_its_code() {
    let (mut communes, mut coded) = (0, 0);
    let mut uncoded_territories = Vec::new();
    for path in fixture_docs() {
        let id = id_of(&path);
        let record = pipeline::process_file(&id, &path, &Options::default()).record;
        for q in &record.quartiers {
            communes += q.communes.len();
            coded += q.communes.iter().filter(|c| c.insee.is_some()).count();
        }
        for c in &record.contracts {
            if c.territory_code.is_none() {
                uncoded_territories.push(format!("{id}: {}", c.territory));
            }
        }
    }
    assert!(communes > 100, "the fixtures name communes in their quartier lists");
    let share = coded as f64 / communes as f64;
    assert!(share >= 0.95, "{coded} of {communes} quartier communes carry an INSEE code");
    assert!(uncoded_territories.is_empty(), "contracts without a code: {uncoded_territories:?}");
}
