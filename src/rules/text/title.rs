//! `text.title`: the document's headline.
//!
//! Finds: the first Markdown heading that is not a genre label ("Communiqué de presse"), else the
//! first line of an HTML page's main text that reads like a headline, else the first line of a
//! plain text that is neither a dateline nor a label. Does not find: titles of menus or banners
//! (those lines are dropped at ingest).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::record;
use crate::rules::{Candidates, Doc, Rule};

/// The headline rule.
pub struct Title;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(communiqu[ée] de presse|dossier de presse|contenu principal de la page|liberté.*fraternité|république française|(article )?publi[ée] le\b.*|mis à jour le\b.*|[\p{L} '-]+, le \d.*|.*, le \d{1,2}(er)? \p{L}+( \d{4})?|pr[ée]fet.*|contact.*)$",
    )
    .expect("valid regex")
});

impl Rule for Title {
    fn id(&self) -> &'static str {
        "text.title"
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            let start = offset;
            offset += line.len();
            let trimmed = line.trim();
            let bare = trimmed.trim_start_matches('#').trim().trim_matches('*').trim();
            if bare.chars().filter(|c| c.is_alphabetic()).count() < 12 || LABEL.is_match(bare) {
                continue;
            }
            if bare.len() > 300 {
                break;
            }
            let lead = line.find(bare).unwrap_or(0);
            let ev = doc.evidence(start + lead..start + lead + bare.len(), self.id());
            out.titles.push(record::Title { text: bare.to_owned(), evidence: ev });
            return;
        }
    }
}
