//! HTML to text lines with `scraper`.
//!
//! Page furniture is dropped (script, style, nav, header, footer, aside, form, cookie banners);
//! headings, paragraphs, list items and table rows become lines.

use std::sync::LazyLock;

use scraper::{ElementRef, Html, Node};

use crate::record::Warning;

/// The text of a page.
#[derive(Debug, Clone, Default)]
pub struct PageText {
    pub text: String,
    pub title: Option<String>,
    pub warnings: Vec<Warning>,
}

/// True when the text is an HTML document rather than prose that mentions a tag.
pub fn looks_like_html(text: &str) -> bool {
    let head = text.trim_start_matches('\u{FEFF}').trim_start();
    let head = &head[..head.floor_char_boundary(1024)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body")
}

/// Elements dropped with everything inside them.
const SKIPPED: &[&str] = &[
    "aside", "button", "footer", "form", "head", "header", "iframe", "nav", "noscript", "script",
    "select", "style", "svg", "template",
];

/// Elements that end a line before and after them.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "br",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "figcaption",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hr",
    "li",
    "main",
    "ol",
    "p",
    "section",
    "table",
    "tr",
    "ul",
];

static FURNITURE: LazyLock<Vec<String>> =
    LazyLock::new(|| crate::data::lines("html_furniture.txt"));

/// Pages nested deeper than this are read with their tags removed: the HTML parser's work grows
/// with the square of the depth, and no real page comes near it.
pub const MAX_DEPTH: usize = 2_000;

/// Void elements, and elements whose end tag may be left out (the parser closes them itself):
/// neither deepens the tree.
static NOT_NESTING: &[&str] = &[
    "area", "base", "br", "col", "colgroup", "dd", "dt", "embed", "hr", "img", "input", "li",
    "link", "meta", "option", "optgroup", "p", "param", "rp", "rt", "source", "tbody", "td",
    "tfoot", "th", "thead", "tr", "track", "wbr",
];

/// An upper estimate of the element nesting depth, in one pass over the tags.
pub fn estimate_depth(html: &str) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    let bytes = html.as_bytes();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        let end = html[at..].find('>').map_or(html.len(), |e| at + e);
        let tag = &html[at + 1..end.max(at + 1)];
        if tag.starts_with('/') {
            depth = depth.saturating_sub(1);
        } else if tag.starts_with(|c: char| c.is_ascii_alphabetic()) && !tag.ends_with('/') {
            let name: String = tag
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if !NOT_NESTING.contains(&name.as_str()) {
                depth += 1;
                max = max.max(depth);
            }
        }
        i = (end + 1).min(bytes.len());
    }
    max
}

static TAG: LazyLock<crate::rules::text::Regex> = LazyLock::new(|| {
    crate::rules::text::Regex::new(r"(?s)<!--.*?-->|<[^>]*>").expect("valid regex")
});

/// Converts an HTML page to clean text lines.
pub fn to_text(html: &str) -> PageText {
    let depth = estimate_depth(html);
    if depth > MAX_DEPTH {
        // Tags removed, entities decoded by parsing what is left (flat text parses in linear time).
        let flat = TAG.replace_all(html, "\n");
        let frag = Html::parse_fragment(&flat);
        let text: String = frag.root_element().text().collect();
        let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
        let joined = lines.join("\n");
        return PageText {
            text: if joined.is_empty() { joined } else { joined + "\n" },
            title: None,
            warnings: vec![Warning {
                kind: "ingest.html_too_deep".into(),
                message: format!(
                    "HTML nested about {depth} levels deep (over {MAX_DEPTH}): read with its tags removed"
                ),
                span: None,
            }],
        };
    }
    let doc = Html::parse_document(html);
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|sel| doc.select(&sel).next())
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let out = walk(doc.root_element());
    let text = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    PageText { text: if text.is_empty() { text } else { text + "\n" }, title, warnings: vec![] }
}

/// True when an id or class names page furniture (see `rules/html_furniture.txt`).
fn is_furniture(el: &ElementRef) -> bool {
    let v = el.value();
    let names = v.id().into_iter().chain(v.classes());
    names.map(str::to_ascii_lowercase).any(|name| {
        FURNITURE.iter().any(|w| {
            name == *w
                || name.starts_with(w.as_str()) && w.len() >= 8
                || name.split(['-', '_']).any(|part| part == w)
                || name.starts_with(&format!("{w}-"))
                || name.ends_with(&format!("-{w}"))
        })
    })
}

/// One step of the walk: enter a node, or leave an element (to close its line or cell).
enum Step<'a> {
    Enter(ego_tree::NodeRef<'a, Node>),
    Leave(bool),
}

/// Walks the tree with an explicit stack, so no nesting depth can overflow the call stack.
fn walk(root: ElementRef) -> String {
    let mut out = String::new();
    let mut stack: Vec<Step> = root.children().rev().map(Step::Enter).collect();
    while let Some(step) = stack.pop() {
        let node = match step {
            Step::Leave(block) => {
                if block {
                    out.push('\n');
                }
                continue;
            }
            Step::Enter(node) => node,
        };
        match node.value() {
            Node::Text(t) => out.push_str(&collapse_keep_edges(t)),
            Node::Element(e) => {
                let name = e.name();
                let Some(el) = ElementRef::wrap(node) else { continue };
                if SKIPPED.contains(&name) || is_furniture(&el) || e.attr("hidden").is_some() {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                if matches!(name, "td" | "th") {
                    out.push_str(" | ");
                }
                stack.push(Step::Leave(block));
                stack.extend(node.children().rev().map(Step::Enter));
            }
            _ => {}
        }
    }
    out
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Collapses runs of ASCII whitespace to one space, keeping no-break spaces as they are.
fn collapse_keep_edges(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut prev_space = false;
    for c in s.chars() {
        if c.is_ascii_whitespace() {
            if !prev_space {
                out.push(' ');
            }
            prev_space = true;
        } else {
            out.push(c);
            prev_space = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn furniture_is_dropped_and_body_blocks_are_lines() {
        let page = r#"<html><head><title>T | Site</title></head><body>
            <div id="tarteaucitronRoot"><p>Cookies ?</p></div>
            <div id="header"><ul class="acces-rapides"><li>Aller au contenu</li></ul></div>
            <p class="fil-ariane">Vous &ecirc;tes ici : Accueil</p>
            <main><h1>Le contrat</h1><p>Sign&eacute; le <strong>16 octobre</strong> 2015.</p>
            <ul><li>Bellevue</li><li>Kerourien</li></ul>
            <table><tr><td>Elsau</td><td>Strasbourg</td></tr></table>
            <dl><dt>Quartiers</dt><dd>7</dd></dl></main>
            <div class="share">Partager</div><footer>Mentions</footer></body></html>"#;
        let text = to_text(page);
        assert_eq!(text.title.as_deref(), Some("T | Site"));
        assert_eq!(
            text.text,
            "Le contrat\nSigné le 16 octobre 2015.\nBellevue\nKerourien\n| Elsau | Strasbourg\nQuartiers\n7\n"
        );
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let page = "<div>".repeat(100_000) + "fond &eacute;" + &"</div>".repeat(10);
        let text = to_text(&page);
        assert_eq!(text.text, "fond é\n");
        assert_eq!(text.warnings[0].kind, "ingest.html_too_deep");
        assert_eq!(estimate_depth("<div><p>a<br>b<img src=x/></p><p>c</p></div>"), 1);
        assert_eq!(estimate_depth("<div><div><span>x</span></div></div>"), 3);
        let sloppy = "<ul>".to_owned() + &"<li>item".repeat(5_000) + "</ul>";
        assert_eq!(estimate_depth(&sloppy), 1, "unclosed list items do not nest");
    }

    #[test]
    fn html_is_told_from_prose() {
        assert!(looks_like_html("<!DOCTYPE html><html>"));
        assert!(looks_like_html("  <html lang=fr>"));
        assert!(!looks_like_html("Le contrat <b>signé</b> hier"));
    }
}
