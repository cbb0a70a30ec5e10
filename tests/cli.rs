//! The `cdv` binary on folders: output layout, determinism across `--jobs`, bad input.

mod common;

use common::{cdv, read};

#[test]
fn extract_writes_one_sorted_record_per_fixture() {
    let out = tempfile::tempdir().unwrap();
    let assert = cdv().args(["extract", "fixtures/docs", "-o"]).arg(out.path()).assert().success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("documents, 0 errors"), "summary line: {stderr}");
    let text = read(&out.path().join("documents.jsonl"));
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().to_owned()
        })
        .collect();
    let docs = std::fs::read_dir("fixtures/docs")
        .unwrap()
        .flatten()
        .filter(|e| cdv::batch::has_document_extension(&e.path()))
        .count();
    assert_eq!(ids.len(), docs);
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "records sorted by id");
}

#[test]
fn output_is_byte_identical_whatever_the_jobs() {
    let one = tempfile::tempdir().unwrap();
    let two = tempfile::tempdir().unwrap();
    for (dir, jobs) in [(&one, "1"), (&two, "2")] {
        cdv()
            .args(["extract", "fixtures/docs", "--jobs", jobs, "-q", "-o"])
            .arg(dir.path())
            .assert()
            .success();
    }
    for file in ["documents.jsonl", "contracts.jsonl"] {
        let (a, b) = (one.path().join(file), two.path().join(file));
        assert_eq!(read(&a), read(&b), "{file} differs between --jobs 1 and --jobs 2");
    }
}

#[test]
fn output_is_byte_identical_whatever_the_input_order() {
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir("fixtures/docs")
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| cdv::batch::has_document_extension(p))
        .collect();
    files.sort();
    files.truncate(12);
    let mut outputs = Vec::new();
    for order in 0..3 {
        match order {
            1 => files.reverse(),
            2 => files.rotate_left(5),
            _ => {}
        }
        let out = tempfile::tempdir().unwrap();
        cdv()
            .args(["extract", "-q", "--jobs", "2", "-o"])
            .arg(out.path())
            .args(&files)
            .assert()
            .success();
        outputs.push((
            read(&out.path().join("documents.jsonl")),
            read(&out.path().join("contracts.jsonl")),
        ));
    }
    assert!(outputs.windows(2).all(|w| w[0] == w[1]), "output depends on the input order");
}

#[test]
fn emit_text_writes_the_clean_text_evidence_points_into() {
    let out = tempfile::tempdir().unwrap();
    extract_d02(out.path(), &["--emit-text"]);
    let clean = read(&out.path().join("text/d_02.txt"));
    let record: serde_json::Value =
        serde_json::from_str(read(&out.path().join("documents.jsonl")).lines().next().unwrap())
            .unwrap();
    assert!(!clean.contains('<'), "no markup left in the clean text");
    let title = &record["title"]["evidence"];
    let (s, e) =
        (title["span"][0].as_u64().unwrap() as usize, title["span"][1].as_u64().unwrap() as usize);
    assert_eq!(&clean[s..e], title["text"].as_str().unwrap());
}

#[test]
fn stdin_is_read_with_a_dash() {
    let out = tempfile::tempdir().unwrap();
    cdv()
        .args(["extract", "-", "-q", "-o"])
        .arg(out.path())
        .write_stdin("Lille, le 22 juin 2015\n\nLe contrat de ville de Valenciennes Métropole a été signé.\n")
        .assert()
        .success();
    let text = read(&out.path().join("documents.jsonl"));
    let record: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(record["id"], "stdin");
    assert_eq!(record["source"]["path"], "-");
}

#[test]
fn bad_inputs_get_records_with_errors_and_the_batch_goes_on() {
    let input = tempfile::tempdir().unwrap();
    let dir = input.path();
    std::fs::write(dir.join("a_good.txt"), "Lille, le 22 juin 2015\nUn contrat de ville.\n")
        .unwrap();
    std::fs::write(dir.join("b_empty.txt"), b"").unwrap();
    std::fs::write(dir.join("c_binary.txt"), b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10").unwrap();
    // Bytes no encoding detector turns into French text: C1 controls and invalid UTF-8 sequences.
    let mut garbage = Vec::new();
    for i in 0..4000u32 {
        garbage.push((i % 7) as u8 + 1);
        garbage.push(0x80 + (i % 31) as u8);
    }
    std::fs::write(dir.join("d_garbage.txt"), &garbage).unwrap();
    std::fs::write(dir.join("e_large.txt"), "x".repeat(400_000)).unwrap();
    let nested = "<div>".repeat(50_000) + "Texte au fond" + &"<p>non fermé".repeat(100);
    std::fs::write(dir.join("f_nested.html"), nested).unwrap();
    std::fs::create_dir(dir.join("g_folder.txt")).unwrap();
    std::fs::write(dir.join("h_notes.pdf"), b"%PDF-1.4").unwrap();

    let out = tempfile::tempdir().unwrap();
    let assert = cdv()
        .args(["extract", "--max-bytes", "300000", "-o"])
        .arg(out.path())
        .arg(dir)
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    let text = read(&out.path().join("documents.jsonl"));
    let records: Vec<serde_json::Value> =
        text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let kind = |id: &str| -> Option<String> {
        let r =
            records.iter().find(|r| r["id"] == id).unwrap_or_else(|| panic!("no record for {id}"));
        r["errors"].get(0).map(|e| e["kind"].as_str().unwrap().to_owned())
    };
    assert_eq!(kind("a_good"), None);
    assert_eq!(kind("b_empty").as_deref(), Some("empty"));
    assert_eq!(kind("c_binary").as_deref(), Some("binary"));
    assert!(
        matches!(kind("d_garbage").as_deref(), Some("encoding" | "binary")),
        "{:?}",
        kind("d_garbage")
    );
    assert_eq!(kind("e_large").as_deref(), Some("too_large"));
    assert_eq!(kind("f_nested"), None, "deep HTML is read, not a crash");
    assert!(records.iter().all(|r| r["id"] != "g_folder"), "folders are recursed, not read");
    assert!(stderr.contains("h_notes.pdf: skipped (unsupported extension)"), "{stderr}");
    for id in ["b_empty", "c_binary", "e_large"] {
        assert!(stderr.contains(id), "stderr names {id}: {stderr}");
    }
}

#[test]
fn an_unreadable_path_gets_a_record_with_an_io_error() {
    let dir = tempfile::tempdir().unwrap();
    // A link to nothing is listed like a file but cannot be read (root reads any file, so a
    // permission test would not fail here).
    let broken = dir.path().join("broken.txt");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &broken).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = cdv().args(["extract", "-o"]).arg(out.path()).arg(&broken).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("broken.txt: cannot read"), "{stderr}");
    let text = read(&out.path().join("documents.jsonl"));
    let record: serde_json::Value = serde_json::from_str(text.lines().next().unwrap()).unwrap();
    assert_eq!(record["id"], "broken");
    assert_eq!(record["errors"][0]["kind"], "io");
}

#[test]
fn a_missing_path_fails_the_run_and_keeps_the_previous_outputs() {
    let out = tempfile::tempdir().unwrap();
    extract_d02(out.path(), &[]);
    let before = read(&out.path().join("documents.jsonl"));
    let contracts = read(&out.path().join("contracts.jsonl"));
    assert_eq!(before.lines().count(), 1);
    let assert = cdv()
        .args(["extract", "fixtures/docs/d_02.html", "fixtures/docs/no-such-file.txt", "-o"])
        .arg(out.path())
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("no-such-file.txt: not found"), "{stderr}");
    assert!(stderr.contains("nothing written"), "{stderr}");
    assert_eq!(read(&out.path().join("documents.jsonl")), before);
    assert_eq!(read(&out.path().join("contracts.jsonl")), contracts);
    let names = names_in(out.path());
    // The outputs of the first run (the index of incremental runs among them), nothing else.
    assert_eq!(
        names,
        ["contracts.jsonl", "documents.jsonl", "index.json"],
        "no temporary file left"
    );
}

/// A successful quiet run of `extract` on one fixture (`d_02.html`) into `out`.
fn extract_d02(out: &std::path::Path, extra: &[&str]) {
    cdv()
        .args(["extract", "fixtures/docs/d_02.html", "-q", "-o"])
        .arg(out)
        .args(extra)
        .assert()
        .success();
}

/// The names in folder `dir`, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[cfg(unix)]
#[test]
fn an_interrupted_run_keeps_the_previous_outputs_and_leaves_no_temporary_file() {
    let out = tempfile::tempdir().unwrap();
    extract_d02(out.path(), &["--emit-text"]);
    let before = read(&out.path().join("documents.jsonl"));
    let contracts = read(&out.path().join("contracts.jsonl"));
    let listing = names_in(out.path());
    // The failpoint holds the run after its first record, with every temporary file open.
    let mut run = std::process::Command::new(env!("CARGO_BIN_EXE_cdv"))
        .env("CDV_FAILPOINT", "extract-after-first-record")
        .args(["extract", "fixtures/docs", "--emit-text", "--full", "-q", "-o"])
        .arg(out.path())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = std::time::Instant::now();
    // The staged documents.jsonl holds a record: the run is at the failpoint.
    let staged_bytes = |dir: &std::path::Path| -> u64 {
        names_in(dir)
            .iter()
            .filter(|n| n.starts_with(".documents.jsonl.") && n.ends_with(".partial"))
            .filter_map(|n| std::fs::metadata(dir.join(n)).ok())
            .map(|m| m.len())
            .sum()
    };
    while staged_bytes(out.path()) == 0 {
        assert!(run.try_wait().unwrap().is_none(), "the run ended before the failpoint");
        assert!(started.elapsed().as_secs() < 120, "no record written after two minutes");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    let status =
        std::process::Command::new("kill").args(["-INT", &run.id().to_string()]).status().unwrap();
    assert!(status.success());
    let output = run.wait_with_output().unwrap();
    assert_eq!(output.status.code(), Some(130));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("interrupted"), "{stderr}");
    assert_eq!(read(&out.path().join("documents.jsonl")), before);
    assert_eq!(read(&out.path().join("contracts.jsonl")), contracts);
    assert_eq!(names_in(out.path()), listing, "no temporary file left");
    assert_eq!(names_in(&out.path().join("text")), ["d_02.txt"]);
}

#[test]
fn an_output_that_cannot_be_written_replaces_nothing() {
    let out = tempfile::tempdir().unwrap();
    extract_d02(out.path(), &[]);
    let before = read(&out.path().join("documents.jsonl"));
    // contracts.jsonl cannot be replaced: a non-empty folder stands in its place.
    let contracts = out.path().join("contracts.jsonl");
    std::fs::remove_file(&contracts).unwrap();
    std::fs::create_dir(&contracts).unwrap();
    std::fs::write(contracts.join("x"), "x").unwrap();
    cdv().args(["extract", "fixtures/docs", "-q", "-o"]).arg(out.path()).assert().code(1);
    assert_eq!(read(&out.path().join("documents.jsonl")), before, "documents.jsonl kept");
}

#[test]
fn same_stems_in_different_folders_get_different_ids() {
    let input = tempfile::tempdir().unwrap();
    for folder in ["a", "b"] {
        std::fs::create_dir(input.path().join(folder)).unwrap();
        std::fs::write(
            input.path().join(folder).join("note.txt"),
            format!("Note {folder}\n\nLe contrat de ville a été signé le 2 juillet 2024.\n"),
        )
        .unwrap();
    }
    std::fs::write(input.path().join("other.txt"), "Une autre note.\n").unwrap();
    let out = tempfile::tempdir().unwrap();
    cdv()
        .args(["extract", "--emit-text", "-q", "-o"])
        .arg(out.path())
        .arg(input.path())
        .assert()
        .success();
    let text = read(&out.path().join("documents.jsonl"));
    let ids: Vec<String> = text
        .lines()
        .map(|l| {
            serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap().into()
        })
        .collect();
    assert_eq!(ids, ["a/note.txt", "b/note.txt", "other"]);
    assert!(read(&out.path().join("text/a/note.txt.txt")).starts_with("Note a"));
    assert!(read(&out.path().join("text/b/note.txt.txt")).starts_with("Note b"));
}

#[test]
fn a_symlink_loop_is_read_once() {
    let input = tempfile::tempdir().unwrap();
    let sub = input.path().join("sub");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(sub.join("doc.txt"), "Le contrat de ville de Lens a été signé.\n").unwrap();
    std::os::unix::fs::symlink(input.path(), sub.join("loop")).unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = cdv()
        .args(["extract", "-o"])
        .arg(out.path())
        .arg(input.path())
        .timeout(std::time::Duration::from_secs(60))
        .assert()
        .success();
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("folder already read"), "{stderr}");
    assert_eq!(read(&out.path().join("documents.jsonl")).lines().count(), 1);
}

#[test]
fn rule_data_with_a_malformed_file_is_refused_at_start_naming_the_file_and_line() {
    let rules = tempfile::tempdir().unwrap();
    std::fs::create_dir(rules.path().join("dates")).unwrap();
    std::fs::write(rules.path().join("dates/months.tsv"), "janvier\t1\nfévrier sans colonne\n")
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let assert = cdv()
        .args(["--rules"])
        .arg(rules.path())
        .args(["extract", "fixtures/docs/d_02.html", "-o"])
        .arg(out.path())
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).into_owned();
    assert!(stderr.contains("months.tsv:2"), "{stderr}");
    assert!(!out.path().join("documents.jsonl").exists());
}

#[test]
fn eval_prints_a_table_and_json() {
    let out = tempfile::tempdir().unwrap();
    cdv().args(["extract", "fixtures/docs", "-q", "-o"]).arg(out.path()).assert().success();
    let records = out.path().join("documents.jsonl");
    let table = cdv().args(["eval", "--gold", "fixtures/gold"]).arg(&records).assert().success();
    let stdout = String::from_utf8_lossy(&table.get_output().stdout).into_owned();
    for field in [
        "published",
        "signed_on",
        "period",
        "signatories",
        "organizations",
        "quartiers",
        "figures",
        "overall",
    ] {
        assert!(stdout.lines().any(|l| l.starts_with(field)), "row {field} in\n{stdout}");
    }
    let json =
        cdv().args(["eval", "--json", "--gold", "fixtures/gold"]).arg(&records).assert().success();
    let v: serde_json::Value = serde_json::from_slice(&json.get_output().stdout).unwrap();
    let gold = std::fs::read_dir("fixtures/gold").unwrap().count();
    assert_eq!(v["documents"], gold);
    // Several gold folders and record files are read as one.
    let held = tempfile::tempdir().unwrap();
    cdv()
        .args(["extract", "fixtures/heldout/docs", "-q", "-o"])
        .arg(held.path())
        .assert()
        .success();
    let both = cdv()
        .args(["eval", "--json", "--gold", "fixtures/gold", "--gold", "fixtures/heldout/gold"])
        .arg(&records)
        .arg(held.path().join("documents.jsonl"))
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&both.get_output().stdout).unwrap();
    let held_gold = std::fs::read_dir("fixtures/heldout/gold").unwrap().count();
    assert_eq!(v["documents"], gold + held_gold);
    assert!(v["missing_records"].as_array().is_none_or(|m| m.is_empty()), "{v}");
    assert!(v["fields"]["figures"]["tp"].is_u64());
}
