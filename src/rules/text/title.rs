//! `text.title`: the document's headline.
//!
//! Finds: the first Markdown heading that is not a genre label ("Communiqué de presse"), else the
//! first line of an HTML page's main text that reads like a headline, else the first line of a
//! plain text that is neither a dateline nor a label (a genre, a dateline, a section such as
//! "Toute l'actualité"). Does not find: titles of menus or banners
//! (those lines are dropped at ingest).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::record;
use crate::rules::{Candidates, Doc, Rule};

/// The headline rule.
pub struct Title;

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(communiqu[ée] de presse|dossier de presse|(toute l['’]|toutes les )?actualit[ée]s?|contenu principal de la page|liberté.*fraternité|république française|(article )?publi[ée] le\b.*|mis à jour le\b.*|[\p{L} '-]+, le \d.*|.*, le \d{1,2}(er)? \p{L}+( \d{4})?|pr[ée]fet.*|contact.*)$",
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    #[track_caller]
    fn title(text: &str) -> Option<String> {
        testing::run(&[&Title], text, Format::Text, None).titles.into_iter().next().map(|t| t.text)
    }

    #[test]
    fn a_section_label_is_no_headline() {
        let text = "Toute l'actualité\n\nQuartiers : la ville de Guéret s'engage\n\nLe texte.";
        assert_eq!(title(text).as_deref(), Some("Quartiers : la ville de Guéret s'engage"));
        let text = "Toutes les actualités\nLe nouveau contrat de ville est signé\n";
        assert_eq!(title(text).as_deref(), Some("Le nouveau contrat de ville est signé"));
        // A headline about the news stays.
        let text = "Actualités du contrat de ville de Guéret\nLe texte.";
        assert_eq!(title(text).as_deref(), Some("Actualités du contrat de ville de Guéret"));
    }
}
