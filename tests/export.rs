//! SQLite and CSV outputs read by real clients (the `sqlite3` shell, Python's `csv` module), and
//! incremental runs: unchanged documents are skipped, changed, added and removed ones update the
//! database, an interrupted update leaves the previous database whole.
//!
//! The tests that need `sqlite3` or `python3` skip with a message when the tool is absent; CI
//! installs both (`.ci/run`).

mod common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command as Std;

use common::{cdv, read};

/// True when `tool` runs here; else says why the test is skipped.
fn have(tool: &str, test: &str) -> bool {
    let ok = Std::new(tool).arg("--version").output().is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("SKIPPED {test}: `{tool}` is not installed here (CI has it: see .ci/run)");
    }
    ok
}

/// Extracts `docs` into `out` with every format; returns stderr.
fn extract(docs: &Path, out: &Path, extra: &[&str]) -> String {
    let assert = cdv()
        .args(["extract", "--format", "jsonl,sqlite,csv", "-o"])
        .arg(out)
        .arg(docs)
        .args(extra)
        .assert()
        .success();
    String::from_utf8_lossy(&assert.get_output().stderr).into_owned()
}

/// Row counts of every table of the database, read with rusqlite.
fn counts(db: &Path) -> BTreeMap<String, i64> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let mut out = BTreeMap::new();
    for t in cdv::export::tables::TABLES {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM \"{}\"", t.name), [], |r| r.get(0))
            .unwrap();
        out.insert(t.name.to_owned(), n);
    }
    out
}

fn sqlite3(db: &Path, sql: &str) -> String {
    let out = Std::new("sqlite3").arg(db).arg(sql).output().unwrap();
    assert!(out.status.success(), "sqlite3: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

/// The fixture documents copied into a fresh folder, so a test may change them.
fn fixture_copy() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for e in std::fs::read_dir("fixtures/docs").unwrap().flatten() {
        std::fs::copy(e.path(), dir.path().join(e.file_name())).unwrap();
    }
    dir
}

#[test]
fn the_sqlite3_shell_opens_the_database_and_joins_contracts_to_documents() {
    if !have("sqlite3", "sqlite3 join") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    extract(Path::new("fixtures/docs"), out.path(), &["-q"]);
    let db = out.path().join("cdv.sqlite");
    assert_eq!(sqlite3(&db, "PRAGMA integrity_check").trim(), "ok");
    assert_eq!(sqlite3(&db, "PRAGMA foreign_keys = ON; PRAGMA foreign_key_check").trim(), "");
    // Every (contract, document) pair of contracts.jsonl, through the join.
    let mut expected = Vec::new();
    for line in read(&out.path().join("contracts.jsonl")).lines() {
        let c: serde_json::Value = serde_json::from_str(line).unwrap();
        for d in c["documents"].as_array().unwrap() {
            expected.push(format!("{}|{}", c["key"].as_str().unwrap(), d.as_str().unwrap()));
        }
    }
    expected.sort();
    let got = sqlite3(
        &db,
        "SELECT c.key, d.id FROM contracts c \
         JOIN contract_documents cd ON cd.contract_key = c.key \
         JOIN documents d ON d.id = cd.doc_id ORDER BY c.key, d.id",
    );
    assert_eq!(got.lines().collect::<Vec<_>>(), expected);
    assert!(!expected.is_empty());
    // Quartier communes by INSEE code, joined to their quartier and document.
    let joined = sqlite3(
        &db,
        "SELECT count(*) FROM quartier_communes qc \
         JOIN quartiers q ON q.doc_id = qc.doc_id AND q.idx = qc.quartier_idx \
         JOIN documents d ON d.id = q.doc_id WHERE qc.insee IS NOT NULL",
    );
    assert!(joined.trim().parse::<i64>().unwrap() > 100, "{joined}");
    // Evidence spans point into the clean text and name their rule.
    let ev = sqlite3(
        &db,
        "SELECT e.rule, e.text FROM people p JOIN evidence e \
         ON e.doc_id = p.doc_id AND e.idx = p.evidence_idx WHERE p.doc_id = 'd_03' ORDER BY p.idx LIMIT 1",
    );
    assert!(ev.starts_with("people."), "{ev}");
    let meta = sqlite3(&db, "SELECT value FROM meta WHERE key = 'schema_version'");
    assert_eq!(meta.trim(), cdv::export::tables::SCHEMA_VERSION.to_string());
    let indexes = sqlite3(&db, "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name");
    for name in [
        "territories_code",
        "quartier_communes_insee",
        "quartiers_qpv_code",
        "contracts_territory_code",
    ] {
        assert!(indexes.lines().any(|l| l == name), "index {name} in {indexes}");
    }
}

#[test]
fn python_csv_reads_every_table_with_the_database_columns_and_rows() {
    if !have("python3", "python csv") {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    extract(Path::new("fixtures/docs"), out.path(), &["-q"]);
    let script = r#"
import csv, json, pathlib, sys
out = {}
for p in sorted(pathlib.Path(sys.argv[1]).glob("*.csv")):
    with open(p, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f, strict=True))
    width = {len(r) for r in rows}
    assert len(width) == 1, (p.name, width)
    out[p.stem] = {"header": rows[0], "rows": len(rows) - 1}
print(json.dumps(out))
"#;
    let run =
        Std::new("python3").arg("-c").arg(script).arg(out.path().join("csv")).output().unwrap();
    assert!(run.status.success(), "python: {}", String::from_utf8_lossy(&run.stderr));
    let tables: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
    let counts = counts(&out.path().join("cdv.sqlite"));
    for t in cdv::export::tables::TABLES {
        let got = &tables[t.name];
        let header: Vec<&str> = t.columns.iter().map(|c| c.name).collect();
        assert_eq!(got["header"], serde_json::json!(header), "{}", t.name);
        assert_eq!(got["rows"].as_i64(), Some(counts[t.name]), "{} rows", t.name);
    }
    assert!(counts["evidence"] > 1000);
}

#[test]
fn reruns_keep_row_counts_and_process_only_what_changed() {
    let docs = fixture_copy();
    let out = tempfile::tempdir().unwrap();
    let db = out.path().join("cdv.sqlite");
    let n = std::fs::read_dir(docs.path()).unwrap().count();
    let first = extract(docs.path(), out.path(), &[]);
    assert!(first.contains(&format!("{n} inserted")), "{first}");
    let before = counts(&db);
    let jsonl = read(&out.path().join("documents.jsonl"));

    let second = extract(docs.path(), out.path(), &[]);
    assert!(second.contains(&format!("0 processed, {n} unchanged")), "{second}");
    assert!(second.contains(&format!("0 updated, 0 deleted, {n} unchanged")), "{second}");
    assert_eq!(counts(&db), before, "row counts after a re-run");
    assert_eq!(read(&out.path().join("documents.jsonl")), jsonl, "records reused byte for byte");

    // Touch one document: only it is processed again, and updated in place.
    let touched = docs.path().join("d_01.txt");
    let mut text = read(&touched);
    text.push_str("\nUne phrase ajoutée pour le test, sans fait nouveau.\n");
    std::fs::write(&touched, text).unwrap();
    let third = extract(docs.path(), out.path(), &[]);
    assert!(third.contains(&format!("1 processed, {} unchanged", n - 1)), "{third}");
    assert!(
        third.contains(&format!("0 inserted, 1 updated, 0 deleted, {} unchanged", n - 1)),
        "{third}"
    );
    assert_eq!(counts(&db)["documents"], before["documents"]);

    // Remove one, add one.
    std::fs::remove_file(docs.path().join("d_02.html")).unwrap();
    std::fs::write(
        docs.path().join("z_new.txt"),
        "Arras, le 4 juin 2024\n\nLe contrat de ville de la communauté urbaine d'Arras a été signé le 3 juin 2024.\n",
    )
    .unwrap();
    let fourth = extract(docs.path(), out.path(), &[]);
    assert!(fourth.contains("1 inserted, 0 updated, 1 deleted"), "{fourth}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let gone: i64 = conn
        .query_row("SELECT count(*) FROM evidence WHERE doc_id = 'd_02'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(gone, 0, "a removed document's facts go with it");

    // --full processes everything again; the database does not change.
    let fifth = extract(docs.path(), out.path(), &["--full"]);
    assert!(!fifth.contains("unchanged (reused)"), "{fifth}");
    assert!(fifth.contains(&format!("0 inserted, 0 updated, 0 deleted, {n} unchanged")), "{fifth}");
}

#[test]
fn an_interrupted_update_leaves_the_previous_database_whole() {
    let docs = fixture_copy();
    let out = tempfile::tempdir().unwrap();
    let db = out.path().join("cdv.sqlite");
    extract(docs.path(), out.path(), &["-q"]);
    let before = counts(&db);
    for f in ["d_01.txt", "f_01.txt"] {
        let p = docs.path().join(f);
        std::fs::write(&p, read(&p).replace("contrat", "Contrat")).unwrap();
    }
    // The run is killed (SIGKILL) while its transaction is open: the failpoint holds it there.
    let mut run = Std::new(env!("CARGO_BIN_EXE_cdv"))
        .env("CDV_FAILPOINT", "sqlite-mid-transaction")
        .args(["extract", "--format", "sqlite", "-q", "-o"])
        .arg(out.path())
        .arg(docs.path())
        .spawn()
        .unwrap();
    let journal = out.path().join("cdv.sqlite-journal");
    let started = std::time::Instant::now();
    while !journal.exists() {
        assert!(run.try_wait().unwrap().is_none(), "the run ended before the failpoint");
        assert!(started.elapsed().as_secs() < 120, "no open transaction after two minutes");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    run.kill().unwrap();
    assert!(!run.wait().unwrap().success());
    assert!(journal.exists(), "the run died with an open transaction");
    if have("sqlite3", "interrupted update (sqlite3 shell)") {
        assert_eq!(sqlite3(&db, "PRAGMA integrity_check").trim(), "ok");
        let n = sqlite3(&db, "SELECT count(*) FROM documents");
        assert_eq!(n.trim().parse::<i64>().unwrap(), before["documents"]);
    }
    assert_eq!(counts(&db), before, "the old database, whole");
    let again = extract(docs.path(), out.path(), &[]);
    assert!(again.contains("2 updated"), "{again}");
}

#[test]
fn export_reads_records_tolerantly_and_fills_qpv_codes() {
    let dir = tempfile::tempdir().unwrap();
    let doc = r#"{"id":"a","source":{"path":"a.txt","sha256":"00","bytes":3,"format":"text"},"quartiers":[{"name":"Les Pins","communes":[{"name":"Ville","insee":"99001"}],"status":"prioritaire","qpv_code":"QN99001M","evidence":{"span":[0,8],"text":"Les Pins","rule":"quartiers.list"}}],"a_future_field":[1,2]}"#;
    std::fs::write(dir.path().join("documents.jsonl"), format!("{doc}\n")).unwrap();
    std::fs::write(dir.path().join("contracts.jsonl"), "").unwrap();
    cdv().args(["export", "-q"]).arg(dir.path()).assert().success();
    let conn = rusqlite::Connection::open(dir.path().join("cdv.sqlite")).unwrap();
    let code: String = conn
        .query_row("SELECT qpv_code FROM quartiers WHERE doc_id = 'a'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(code, "QN99001M");
    let csv = read(&dir.path().join("csv/quartiers.csv"));
    assert!(csv.contains(",QN99001M,"), "{csv}");
}

#[test]
fn the_committed_table_schema_is_the_one_the_code_writes() {
    let path =
        Path::new("schema").join(format!("tables.v{}.md", cdv::export::tables::SCHEMA_VERSION));
    let now = cdv::export::tables::markdown();
    if std::env::var_os("CDV_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &now).unwrap();
    }
    assert_eq!(
        std::fs::read_to_string(&path).unwrap_or_default(),
        now,
        "{} is stale: regenerate it with CDV_UPDATE_SCHEMA=1 cargo test --test export",
        path.display()
    );
}

#[test]
fn changed_rule_data_processes_every_document_again() {
    let docs = tempfile::tempdir().unwrap();
    for f in ["d_01.txt", "d_03.md"] {
        std::fs::copy(Path::new("fixtures/docs").join(f), docs.path().join(f)).unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    extract(docs.path(), out.path(), &[]);
    assert!(extract(docs.path(), out.path(), &[]).contains("0 processed, 2 unchanged"));
    // The same boilerplate patterns plus a comment: other rule data, so nothing is reused.
    let rules = tempfile::tempdir().unwrap();
    let boilerplate = read(Path::new("rules/boilerplate.txt")) + "\n# a comment changes the hash\n";
    std::fs::write(rules.path().join("boilerplate.txt"), boilerplate).unwrap();
    let rerun = extract(docs.path(), out.path(), &["--rules", rules.path().to_str().unwrap()]);
    assert!(!rerun.contains("unchanged (reused)"), "{rerun}");
    assert!(rerun.contains("0 inserted, 0 updated, 0 deleted, 2 unchanged"), "{rerun}");
}
