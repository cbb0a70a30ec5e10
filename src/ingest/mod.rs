//! Ingest: from raw bytes to the document's *clean text*.
//!
//! Decoding (BOM, UTF-8, legacy encodings, binary detection) happens once here, at the edge; HTML
//! becomes lines of text; web boilerplate lines (cookie notices, breadcrumbs, menu leftovers)
//! are dropped with patterns kept in `rules/boilerplate.txt`. Everything downstream reads the
//! clean text or its normalised view ([`normalise`]), never the raw bytes.

pub mod boilerplate;
mod case;
pub mod decode;
pub mod html;
pub mod normalise;
mod repair;

use std::path::Path;

use thiserror::Error;

use crate::record::{Format, Warning};

/// Inputs larger than this are refused unless the caller raises the limit.
pub const DEFAULT_MAX_BYTES: u64 = 16 * 1024 * 1024;

/// Why a document could not be read. Its [`kind`](IngestError::kind) becomes `errors[].kind`.
#[derive(Debug, Error)]
pub enum IngestError {
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file")]
    Empty,
    #[error("binary content ({0}), not a text document")]
    Binary(String),
    #[error("undecodable bytes: {0}")]
    Encoding(String),
    #[error("file is {size} bytes, over the {limit}-byte limit (raise it with --max-bytes)")]
    TooLarge { size: u64, limit: u64 },
    #[error("no text left after removing markup and boilerplate")]
    NoText,
}

impl IngestError {
    /// The stable kind written to `errors[].kind`.
    pub fn kind(&self) -> &'static str {
        match self {
            IngestError::Io(_) => "io",
            IngestError::Empty => "empty",
            IngestError::Binary(_) => "binary",
            IngestError::Encoding(_) => "encoding",
            IngestError::TooLarge { .. } => "too_large",
            IngestError::NoText => "no_text",
        }
    }
}

/// A decoded document, ready for normalisation.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub format: Format,
    /// `UTF-8`, `windows-1252`...
    pub encoding: String,
    /// The clean text: decoded, HTML turned to lines, boilerplate lines dropped.
    pub clean: String,
    /// The `<title>` or first heading, when the format tells one.
    pub title: Option<String>,
    pub warnings: Vec<Warning>,
}

/// Tells the format from the file extension, then checks the content: a `.txt` that is really
/// an HTML page is read as HTML.
pub fn detect_format(path: Option<&Path>, text: &str) -> Format {
    let ext =
        path.and_then(|p| p.extension()).and_then(|e| e.to_str()).map(|e| e.to_ascii_lowercase());
    let by_ext = match ext.as_deref() {
        Some("html" | "htm" | "xhtml") => Some(Format::Html),
        Some("md" | "markdown") => Some(Format::Markdown),
        Some("txt" | "text") => Some(Format::Text),
        _ => None,
    };
    if html::looks_like_html(text) {
        return Format::Html;
    }
    by_ext.unwrap_or(Format::Text)
}

/// Reads raw bytes into an [`Ingested`] document.
pub fn ingest(bytes: &[u8], path: Option<&Path>) -> Result<Ingested, IngestError> {
    if bytes.is_empty() {
        return Err(IngestError::Empty);
    }
    let mut decoded = decode::decode(bytes)?;
    if decoded.text.contains('\r') {
        // One line-end convention for every format: CRLF (Windows) and lone CR (old Mac) become LF.
        decoded.text = decoded.text.replace("\r\n", "\n").replace('\r', "\n");
    }
    let format = detect_format(path, &decoded.text);
    let mut warnings = decoded.warnings;
    let (text, title) = match format {
        Format::Html => {
            let page = html::to_text(&decoded.text);
            warnings.extend(page.warnings);
            (page.text, page.title)
        }
        Format::Text | Format::Markdown => (decoded.text, None),
    };
    let clean = boilerplate::strip(&text);
    if clean.trim().is_empty() {
        if format == Format::Html {
            // An empty page is still a page: the record says so, the batch goes on.
            warnings.push(Warning {
                kind: "ingest.no_text".into(),
                message: "no text left after removing markup and boilerplate".into(),
                span: None,
            });
        } else if bytes.iter().all(|b| b.is_ascii_whitespace()) {
            return Err(IngestError::Empty);
        }
    }
    Ok(Ingested { format, encoding: decoded.encoding, clean, title, warnings })
}
