//! The report's HTML: escaping, the highlighted clean text, the document and index pages.

use std::collections::BTreeSet;
use std::fmt::Write as _;

use crate::export::model::{ContractRecord, Document, Evidence};

/// Escapes text for HTML content and double- or single-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The file name of a document's page: the id with every byte outside `[A-Za-z0-9_-]` (and a
/// dot) written `~xx`, so any id gives one safe, distinct name.
pub fn page_name(id: &str) -> String {
    let mut out = String::new();
    for b in id.bytes() {
        if b.is_ascii_alphanumeric() || b == b'_' || b == b'-' {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "~{b:02x}");
        }
    }
    out + ".html"
}

/// The fields spans are coloured by, with their legend label.
const FIELDS: &[(&str, &str)] = &[
    ("title", "title"),
    ("dates", "dates"),
    ("people", "people"),
    ("orgs", "organisations"),
    ("quartiers", "quartiers"),
    ("figures", "figures"),
    ("territories", "territories"),
    ("conflict", "conflicts"),
    ("warning", "warnings"),
];

/// One span to highlight.
#[derive(Debug, Clone)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    /// One of the [`FIELDS`] keys.
    pub field: &'static str,
    pub rule: String,
    /// What was found, for the hover text.
    pub label: String,
}

/// Every span of a record, by field.
pub fn spans(d: &Document) -> Vec<Span> {
    let mut out = Vec::new();
    let mut add = |field: &'static str, e: &Evidence, label: String| {
        out.push(Span { start: e.span[0], end: e.span[1], field, rule: e.rule.clone(), label });
    };
    if let Some(t) = &d.title {
        add("title", &t.evidence, "title".into());
    }
    if let Some(p) = &d.published {
        add("dates", &p.evidence, format!("published: {}", p.date));
    }
    for x in &d.dates {
        add("dates", &x.evidence, format!("date ({}): {}", x.role, x.value));
    }
    for x in &d.people {
        let role = x.role.as_deref().map(|r| format!(", {r}")).unwrap_or_default();
        add("people", &x.evidence, format!("person ({}): {}{role}", x.involvement, x.name));
    }
    for x in &d.organizations {
        let kind = x.kind.as_deref().unwrap_or("?");
        add("orgs", &x.evidence, format!("organisation ({kind}, {}): {}", x.involvement, x.name));
    }
    for x in &d.territories {
        let code = x.code.as_deref().unwrap_or("no code");
        add("territories", &x.evidence, format!("territory ({}, {code}): {}", x.kind, x.name));
    }
    for x in &d.quartiers {
        let communes: Vec<&str> = x.communes.iter().map(|c| c.name.as_str()).collect();
        add(
            "quartiers",
            &x.evidence,
            format!("quartier ({}): {} [{}]", x.status, x.name, communes.join(", ")),
        );
    }
    for x in &d.figures {
        add(
            "figures",
            &x.evidence,
            format!("figure ({}): {}", x.kind, crate::export::csv::number(x.value)),
        );
    }
    for x in &d.conflicts {
        for e in &x.evidence {
            add("conflict", e, format!("conflict on {}: {}", x.field, x.note));
        }
    }
    for w in &d.warnings {
        if let Some([start, end]) = w.span {
            out.push(Span {
                start,
                end,
                field: "warning",
                rule: w.kind.clone(),
                label: format!("warning: {}", w.message),
            });
        }
    }
    out
}

/// The clean text as HTML, each evidence span in a `<mark>` (class `f-<field>`, `data-rule` the
/// rule ids, `title` what was found). Overlapping spans split the text into segments; a segment
/// takes the colour of its shortest span and lists every rule. Returns the HTML and the spans that
/// do not fit the text (out of range, not on a char boundary, or another text there).
pub fn highlight(text: &str, spans: &[Span]) -> (String, Vec<Span>) {
    let (good, bad): (Vec<&Span>, Vec<&Span>) = spans.iter().partition(|s| {
        s.start < s.end
            && s.end <= text.len()
            && text.is_char_boundary(s.start)
            && text.is_char_boundary(s.end)
    });
    let mut cuts: BTreeSet<usize> = BTreeSet::from([0, text.len()]);
    for s in &good {
        cuts.insert(s.start);
        cuts.insert(s.end);
    }
    let cuts: Vec<usize> = cuts.into_iter().collect();
    let mut out = String::with_capacity(text.len() * 2);
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        let piece = escape(&text[a..b]);
        let covering: Vec<&&Span> = good.iter().filter(|s| s.start <= a && s.end >= b).collect();
        let Some(main) = covering.iter().min_by_key(|s| s.end - s.start) else {
            out.push_str(&piece);
            continue;
        };
        let mut class = format!("hl f-{}", main.field);
        if main.field != "conflict" && covering.iter().any(|s| s.field == "conflict") {
            class.push_str(" in-conflict");
        }
        let rules: BTreeSet<&str> = covering.iter().map(|s| s.rule.as_str()).collect();
        let rules: Vec<&str> = rules.into_iter().collect();
        let mut labels: Vec<String> =
            covering.iter().map(|s| format!("{} [{}]", s.label, s.rule)).collect();
        labels.dedup();
        let _ = write!(
            out,
            "<mark class=\"{class}\" data-field=\"{}\" data-rule=\"{}\" title=\"{}\">{piece}</mark>",
            main.field,
            escape(&rules.join(" ")),
            escape(&labels.join("\n")),
        );
    }
    (out, bad.into_iter().cloned().collect())
}

const CSS: &str = "
:root{--dates:#ffe08a;--people:#b6e3ff;--orgs:#c8f2c2;--quartiers:#f6c6f0;--figures:#ffd0b0;
--territories:#d9ccff;--title:#e8e8e8;--conflict:#ff8a80;--warning:#ffd54f}
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1d1d1f;background:#fafafa}
header{padding:14px 24px;background:#23395b;color:#fff}
header a{color:#cfe1ff}
header h1{margin:4px 0;font-size:21px}
header .meta{margin:0;font-size:13px;opacity:.85}
.legend{padding:8px 24px;border-bottom:1px solid #ddd;background:#fff;font-size:13px}
.chip{display:inline-block;padding:1px 8px;margin:2px 4px 2px 0;border-radius:10px}
.page{display:grid;grid-template-columns:minmax(0,3fr) minmax(0,2fr);gap:20px;padding:16px 24px}
h2{font-size:16px;margin:8px 0}
.text{white-space:pre-wrap;background:#fff;border:1px solid #ddd;border-radius:6px;padding:14px 16px;font-size:14.5px;line-height:1.65}
mark.hl{border-radius:3px;padding:0 1px;color:inherit}
mark.hl:hover{outline:2px solid #23395b}
.f-title{background:var(--title)}.f-dates{background:var(--dates)}.f-people{background:var(--people)}
.f-orgs{background:var(--orgs)}.f-quartiers{background:var(--quartiers)}.f-figures{background:var(--figures)}
.f-territories{background:var(--territories)}.f-conflict{background:var(--conflict)}
.f-warning{background:none;text-decoration:underline wavy #d08700}
.in-conflict{box-shadow:inset 0 -3px 0 #e53935}
aside section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:10px 14px;margin-bottom:12px}
table{border-collapse:collapse;width:100%;font-size:13.5px}
th,td{text-align:left;vertical-align:top;padding:3px 8px 3px 0;border-bottom:1px solid #eee;overflow-wrap:anywhere}
th{white-space:nowrap}
.flag{display:inline-block;padding:0 7px;border-radius:9px;font-size:12px;font-weight:600}
.flag.conflict{background:#ffcdd2;color:#b71c1c}.flag.warning{background:#fff3c4;color:#7a5b00}
.flag.error{background:#b71c1c;color:#fff}.flag.ok{background:#e0f2e9;color:#1b5e20}
pre.json{white-space:pre-wrap;word-break:break-word;font-size:12px;max-height:60vh;overflow:auto}
.wide{padding:16px 24px}
";

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{}</title>\n<style>{CSS}</style>\n</head>\n<body>\n",
        escape(title)
    )
}

fn flag(kind: &str, n: usize) -> String {
    if n == 0 {
        String::new()
    } else {
        format!("<span class=\"flag {kind}\">{n} {kind}{}</span>", if n > 1 { "s" } else { "" })
    }
}

/// One document's page.
pub fn document_page(
    d: &Document,
    clean: Option<&str>,
    record_json: &str,
    contracts: &[ContractRecord],
) -> String {
    let title = d.title.as_ref().map_or(d.id.as_str(), |t| t.text.as_str());
    let mut out = head(&format!("{} — cdv", d.id));
    let published = d.published.as_ref().map_or("no date", |p| p.date.as_str());
    let _ = writeln!(
        out,
        "<header><a href=\"../index.html\">&larr; all contracts and documents</a>\
         <h1>{}</h1><p class=\"meta\">{} · published {} · {} · {} bytes</p></header>",
        escape(title),
        escape(&d.id),
        escape(published),
        escape(&d.source.path),
        d.source.bytes
    );
    let spans = spans(d);
    out.push_str("<div class=\"legend\">");
    for (key, label) in FIELDS {
        let n = spans.iter().filter(|s| s.field == *key).count();
        let _ = write!(out, "<span class=\"chip f-{key}\">{label} {n}</span>");
    }
    out.push_str(" · hover a highlight for its rule</div>\n<main class=\"page\">\n<section>\n<h2>Clean text</h2>\n");
    let mut bad = Vec::new();
    match clean {
        Some(text) => {
            let (html, misfits) = highlight(text, &spans);
            bad = misfits;
            let _ = writeln!(out, "<div class=\"text\" id=\"text\">{html}</div>");
        }
        None => out.push_str(
            "<p><span class=\"flag warning\">no clean text</span> neither <code>text/&lt;id&gt;.txt</code> \
             (written by <code>cdv extract --emit-text</code>) nor the unchanged source file was found.</p>\n",
        ),
    }
    out.push_str("</section>\n<aside>\n");
    record_panel(&mut out, d, &bad, contracts);
    let _ = writeln!(
        out,
        "<section><details><summary>The record (JSON)</summary><pre class=\"json\">{}</pre></details></section>",
        escape(record_json)
    );
    out.push_str("</aside>\n</main>\n</body>\n</html>\n");
    out
}

fn record_panel(out: &mut String, d: &Document, bad: &[Span], contracts: &[ContractRecord]) {
    out.push_str("<section><h2>Record</h2><table>");
    let row = |out: &mut String, k: &str, v: &str| {
        let _ = write!(out, "<tr><th>{k}</th><td>{}</td></tr>", escape(v));
    };
    if let Some(p) = &d.published {
        row(out, "published", &format!("{} ({})", p.date, p.precision));
    }
    row(
        out,
        "format",
        &format!("{} · {}", d.source.format, d.source.encoding.as_deref().unwrap_or("?")),
    );
    row(out, "sha256", &d.source.sha256);
    let counts = format!(
        "{} dates · {} people · {} organisations · {} territories · {} quartiers · {} figures",
        d.dates.len(),
        d.people.len(),
        d.organizations.len(),
        d.territories.len(),
        d.quartiers.len(),
        d.figures.len()
    );
    row(out, "facts", &counts);
    out.push_str("</table></section>\n");
    for (i, c) in d.contracts.iter().enumerate() {
        let _ =
            write!(out, "<section><h2>Contract {}: {}</h2><table>", i + 1, escape(&c.territory));
        if let Some(k) = &c.territory_kind {
            row(out, "kind", k);
        }
        if let Some(code) = &c.territory_code {
            row(out, "code", code);
        }
        if let Some(s) = &c.signed_on {
            row(out, "signed on", &s.value);
        }
        if let Some(p) = &c.period {
            row(out, "period", &format!("{}–{}", p.value[0], p.value[1]));
        }
        let people: Vec<String> = c
            .signatories
            .iter()
            .map(|p| match &p.role {
                Some(r) => format!("{} ({r})", p.name),
                None => p.name.clone(),
            })
            .collect();
        if !people.is_empty() {
            row(out, "signatories", &people.join("; "));
        }
        let orgs: Vec<&str> = c.organizations.iter().map(|o| o.name.as_str()).collect();
        if !orgs.is_empty() {
            row(out, "organisations", &orgs.join("; "));
        }
        let qs: Vec<&str> = c.quartiers.iter().map(|q| q.name.as_str()).collect();
        if !qs.is_empty() {
            row(out, "quartiers", &qs.join("; "));
        }
        out.push_str("</table></section>\n");
    }
    let merged: Vec<&ContractRecord> =
        contracts.iter().filter(|c| c.documents.contains(&d.id)).collect();
    if !merged.is_empty() {
        out.push_str("<section><h2>Merged into</h2><ul>");
        for c in merged {
            let _ = write!(
                out,
                "<li><a href=\"../index.html#{}\">{}</a> ({})</li>",
                escape(&anchor(&c.key)),
                escape(&c.territory),
                escape(&c.generation)
            );
        }
        out.push_str("</ul></section>\n");
    }
    if !d.conflicts.is_empty() {
        out.push_str("<section><h2><span class=\"flag conflict\">conflicts</span></h2><ul>");
        for c in &d.conflicts {
            let values: Vec<String> = c.values.iter().map(ToString::to_string).collect();
            let _ = write!(
                out,
                "<li><b>{}</b>: {} — {}</li>",
                escape(&c.field),
                escape(&values.join(" / ")),
                escape(&c.note)
            );
        }
        out.push_str("</ul></section>\n");
    }
    if !d.warnings.is_empty() || !bad.is_empty() {
        out.push_str("<section><h2><span class=\"flag warning\">warnings</span></h2><ul>");
        for w in &d.warnings {
            let _ = write!(out, "<li><code>{}</code> {}</li>", escape(&w.kind), escape(&w.message));
        }
        for s in bad {
            let _ = write!(
                out,
                "<li><code>report.span</code> evidence {}..{} of <code>{}</code> does not fit the clean text</li>",
                s.start,
                s.end,
                escape(&s.rule)
            );
        }
        out.push_str("</ul></section>\n");
    }
    if !d.errors.is_empty() {
        out.push_str("<section><h2><span class=\"flag error\">errors</span></h2><ul>");
        for e in &d.errors {
            let _ = write!(out, "<li><code>{}</code> {}</li>", escape(&e.kind), escape(&e.message));
        }
        out.push_str("</ul></section>\n");
    }
}

/// A contract's conflicts: a flag that opens on each field, its values and the note.
fn conflict_cell(c: &ContractRecord) -> String {
    if c.conflicts.is_empty() {
        return String::new();
    }
    let mut out =
        format!("<details><summary>{}</summary><ul>", flag("conflict", c.conflicts.len()));
    for x in &c.conflicts {
        let values: Vec<String> = x
            .values
            .iter()
            .map(|v| {
                let docs: BTreeSet<&str> = v.sources.iter().map(|s| s.doc.as_str()).collect();
                let docs: Vec<&str> = docs.into_iter().collect();
                format!("{} ({})", v.value, docs.join(", "))
            })
            .collect();
        let _ = write!(
            out,
            "<li><b>{}</b>: {} — {}</li>",
            escape(&x.field),
            escape(&values.join(" / ")),
            escape(&x.note)
        );
    }
    out.push_str("</ul></details>");
    out
}

fn anchor(key: &str) -> String {
    key.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect()
}

/// The index: contracts, then documents.
pub fn index_page(documents: &[&Document], contracts: &[ContractRecord]) -> String {
    let mut out = head("cdv report");
    let _ = writeln!(
        out,
        "<header><h1>cdv report</h1><p class=\"meta\">{} contracts · {} documents · generated by cdv {}</p></header>\n<div class=\"wide\">",
        contracts.len(),
        documents.len(),
        env!("CARGO_PKG_VERSION")
    );
    out.push_str(
        "<h2>Contracts</h2>\n<table id=\"contracts\"><tr><th>territory</th><th>code</th><th>generation</th>\
         <th>signed on</th><th>period</th><th>signatories</th><th>quartiers</th><th>figures</th>\
         <th>conflicts</th><th>sources</th></tr>\n",
    );
    for c in contracts {
        let kind = c
            .territory_kind
            .as_deref()
            .map(|k| format!(" <small>({})</small>", escape(k)))
            .unwrap_or_default();
        let period =
            c.period.as_ref().map(|p| format!("{}–{}", p.value[0], p.value[1])).unwrap_or_default();
        let sources: Vec<String> = c
            .documents
            .iter()
            .map(|id| format!("<a href=\"docs/{}\">{}</a>", escape(&page_name(id)), escape(id)))
            .collect();
        let _ = writeln!(
            out,
            "<tr id=\"{}\"><td>{}{kind}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&anchor(&c.key)),
            escape(&c.territory),
            escape(c.territory_code.as_deref().unwrap_or("")),
            escape(&c.generation),
            escape(c.signed_on.as_ref().map_or("", |s| s.value.as_str())),
            period,
            c.signatories.len(),
            c.quartiers.len(),
            c.figures.len(),
            conflict_cell(c),
            sources.join(", ")
        );
    }
    out.push_str("</table>\n<h2>Documents</h2>\n<table id=\"documents\"><tr><th>id</th><th>title</th><th>published</th>\
                  <th>people</th><th>organisations</th><th>quartiers</th><th>figures</th><th>flags</th></tr>\n");
    for d in documents {
        let flags = [
            flag("conflict", d.conflicts.len()),
            flag("warning", d.warnings.len()),
            flag("error", d.errors.len()),
        ]
        .join(" ");
        let _ = writeln!(
            out,
            "<tr><td><a href=\"docs/{}\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&page_name(&d.id)),
            escape(&d.id),
            escape(d.title.as_ref().map_or("", |t| t.text.as_str())),
            escape(d.published.as_ref().map_or("", |p| p.date.as_str())),
            d.people.len(),
            d.organizations.len(),
            d.quartiers.len(),
            d.figures.len(),
            flags.trim()
        );
    }
    out.push_str("</table>\n</div>\n</body>\n</html>\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn span(start: usize, end: usize, field: &'static str, rule: &str) -> Span {
        Span { start, end, field, rule: rule.into(), label: "x".into() }
    }

    #[test]
    fn escaping_is_exact() {
        assert_eq!(
            escape("<b a=\"1\" c='2'>&amp;</b>"),
            "&lt;b a=&quot;1&quot; c=&#39;2&#39;&gt;&amp;amp;&lt;/b&gt;"
        );
        assert_eq!(escape("Métropole"), "Métropole");
    }

    #[test]
    fn hostile_text_stays_text() {
        let text = "Signé <script>alert(1)</script> le 3 mai 2024 \"><img src=x onerror=alert(2)>";
        let (html, bad) = highlight(text, &[span(0, 6, "dates", "dates.x\"><script>")]);
        assert!(bad.is_empty());
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(html.contains("data-rule=\"dates.x&quot;&gt;&lt;script&gt;\""));
    }

    #[test]
    fn overlapping_spans_take_the_shortest_colour_and_every_rule() {
        let text = "le maire de Lille signe";
        let spans =
            [span(3, 17, "people", "people.role"), span(12, 17, "territories", "territories.name")];
        let (html, _) = highlight(text, &spans);
        assert_eq!(
            html,
            "le <mark class=\"hl f-people\" data-field=\"people\" data-rule=\"people.role\" title=\"x [people.role]\">maire de </mark>\
             <mark class=\"hl f-territories\" data-field=\"territories\" data-rule=\"people.role territories.name\" title=\"x [people.role]\nx [territories.name]\">Lille</mark> signe"
        );
    }

    #[test]
    fn spans_off_the_text_or_inside_a_char_are_reported_not_cut() {
        let text = "Évry";
        let (html, bad) =
            highlight(text, &[span(1, 3, "quartiers", "q"), span(0, 40, "dates", "d")]);
        assert_eq!(html, "Évry");
        assert_eq!(bad.len(), 2);
    }

    #[test]
    fn page_names_are_safe_and_distinct() {
        assert_eq!(page_name("d_01"), "d_01.html");
        assert_eq!(page_name("../x"), "~2e~2e~2fx.html");
        assert_ne!(page_name("a b"), page_name("a_b"));
        assert_eq!(page_name("\"><x"), "~22~3e~3cx.html");
    }
}
