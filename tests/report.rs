//! `cdv report` on the fixtures and on a hostile document, checked in headless Chromium: the
//! pages load, the evidence spans are highlighted `<mark>` elements with their rule, and markup
//! written in a document stays text.
//!
//! The Chromium checks skip with a message when `chromium` is absent; CI installs it (`.ci/run`).

mod common;

use std::path::Path;
use std::process::Command as Std;

use common::{cdv, read};

/// The DOM of `page` after headless Chromium loaded it, or `None` (with a message) when there is
/// no Chromium here.
fn dump_dom(page: &Path, test: &str) -> Option<String> {
    let profile = tempfile::tempdir().unwrap();
    let run = Std::new("chromium")
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", page.canonicalize().unwrap().display()))
        .output();
    match run {
        Err(_) => {
            eprintln!("SKIPPED {test}: `chromium` is not installed here (CI has it: see .ci/run)");
            None
        }
        Ok(o) => {
            assert!(o.status.success(), "chromium: {}", String::from_utf8_lossy(&o.stderr));
            Some(String::from_utf8(o.stdout).unwrap())
        }
    }
}

fn report(docs: &Path, out: &Path, emit_text: bool) {
    let mut extract = cdv();
    extract.args(["extract", "-q", "-o"]).arg(out).arg(docs);
    if emit_text {
        extract.arg("--emit-text");
    }
    extract.assert().success();
    cdv().args(["report", "-q"]).arg(out).assert().success();
}

#[test]
fn the_fixture_report_has_an_index_and_a_highlighted_page_per_document() {
    let out = tempfile::tempdir().unwrap();
    // Without --emit-text: the clean text is rebuilt from the unchanged sources.
    report(Path::new("fixtures/docs"), out.path(), false);
    let dir = out.path().join("report");
    let index = read(&dir.join("index.html"));
    let records = read(&out.path().join("documents.jsonl"));
    for line in records.lines() {
        let r: serde_json::Value = serde_json::from_str(line).unwrap();
        let id = r["id"].as_str().unwrap();
        assert!(index.contains(&format!("href=\"docs/{id}.html\"")), "{id} in the index");
        let page = read(&dir.join("docs").join(format!("{id}.html")));
        assert!(!page.contains("no clean text"), "{id}: clean text found");
        assert!(!page.contains("report.span"), "{id}: every span fits the clean text");
        if let Some(title) = r["title"]["evidence"]["rule"].as_str() {
            let highlighted = page
                .split("data-rule=\"")
                .skip(1)
                .any(|a| a.split('"').next().unwrap().split(' ').any(|r| r == title));
            assert!(highlighted, "{id}: title highlighted");
        }
    }
    let contracts = read(&out.path().join("contracts.jsonl")).lines().count();
    assert_eq!(index.matches("<tr id=").count(), contracts, "one index row per contract");

    let Some(dom) = dump_dom(&dir.join("docs/d_03.html"), "report in chromium") else { return };
    let marks = dom.matches("<mark class=\"hl f-").count();
    assert!(marks > 40, "{marks} highlighted spans in the DOM");
    for field in ["dates", "people", "orgs", "quartiers", "figures", "territories"] {
        assert!(dom.contains(&format!("class=\"hl f-{field}")), "{field} highlighted");
    }
    assert!(dom.contains("data-rule=\"people."), "rule ids on the spans");
    let Some(index_dom) = dump_dom(&dir.join("index.html"), "index in chromium") else { return };
    assert_eq!(index_dom.matches("<tr id=").count(), contracts);
}

#[test]
fn markup_in_a_document_stays_text() {
    let docs = tempfile::tempdir().unwrap();
    let hostile = "Arras, le 4 juin 2024\n\n\
        Le contrat de ville de la communauté urbaine d'Arras <script>document.title='pris'</script> \
        a été signé le 3 juin 2024 par le préfet du Pas-de-Calais.\n\
        \"><img src=x onerror=alert(1)> </pre></div><b>gras</b> &amp; <!-- commentaire -->\n";
    std::fs::write(docs.path().join("hostile.txt"), hostile).unwrap();
    let out = tempfile::tempdir().unwrap();
    report(docs.path(), out.path(), true);
    let page_path = out.path().join("report/docs/hostile.html");
    let page = read(&page_path);
    assert!(!page.contains("<script"), "no script element in the page");
    assert!(!page.contains("<img"), "no image element in the page");
    assert!(!page.contains("<b>gras"), "no markup from the document");
    assert!(page.contains("&lt;script&gt;document.title=&#39;pris&#39;&lt;/script&gt;"));
    assert!(page.contains("&amp;amp;"), "an entity in the text is shown as written");
    let Some(dom) = dump_dom(&page_path, "hostile page in chromium") else { return };
    assert!(!dom.contains("<script"), "no script element in the DOM");
    assert!(!dom.contains("<img"), "no image element in the DOM");
    assert!(!dom.contains("<b>"), "no bold element in the DOM");
    assert!(dom.contains("<title>hostile — cdv</title>"), "the title was not changed");
    assert!(dom.contains("&lt;script&gt;"), "the markup shows as text");
    assert!(dom.contains("<mark class=\"hl f-dates"), "the date is still highlighted");
}
