//! HTML to text lines with `scraper`.
//!
//! Page furniture is dropped (script, style, nav, header, footer, aside, form, cookie banners);
//! headings, paragraphs, list items and table rows become lines.

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
    let head = &head[..head.len().min(1024)];
    let lower = head.to_ascii_lowercase();
    lower.starts_with("<!doctype html") || lower.starts_with("<html") || lower.contains("<body")
}

const SKIPPED: &[&str] = &[
    "script", "style", "nav", "header", "footer", "aside", "form", "noscript", "template", "svg",
    "button", "iframe",
];

const BLOCKS: &[&str] = &[
    "p",
    "div",
    "li",
    "tr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "main",
    "ul",
    "ol",
    "table",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "br",
    "figcaption",
    "caption",
];

/// Converts an HTML page to clean text lines.
pub fn to_text(html: &str) -> PageText {
    let doc = Html::parse_document(html);
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|sel| doc.select(&sel).next())
        .map(|t| collapse(&t.text().collect::<String>()))
        .filter(|t| !t.is_empty());
    let mut out = String::new();
    walk(doc.root_element(), &mut out, 0);
    let text = out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n");
    PageText { text: if text.is_empty() { text } else { text + "\n" }, title, warnings: vec![] }
}

fn is_cookie_banner(el: &ElementRef) -> bool {
    let v = el.value();
    let mut attrs = v.id().unwrap_or("").to_ascii_lowercase();
    for c in v.classes() {
        attrs.push(' ');
        attrs.push_str(&c.to_ascii_lowercase());
    }
    ["cookie", "tarteaucitron", "consent", "rgpd", "gdpr"].iter().any(|k| attrs.contains(k))
}

fn walk(el: ElementRef, out: &mut String, depth: usize) {
    // Deeply nested pages stop descending rather than exhausting the stack.
    if depth > 512 {
        return;
    }
    for child in el.children() {
        match child.value() {
            Node::Text(t) => {
                let s = collapse_keep_edges(t);
                out.push_str(&s);
            }
            Node::Element(e) => {
                let name = e.name();
                let Some(child_el) = ElementRef::wrap(child) else { continue };
                if SKIPPED.contains(&name) || is_cookie_banner(&child_el) {
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.push('\n');
                }
                if matches!(name, "td" | "th") {
                    out.push_str(" | ");
                }
                walk(child_el, out, depth + 1);
                if block {
                    out.push('\n');
                }
            }
            _ => {}
        }
    }
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
