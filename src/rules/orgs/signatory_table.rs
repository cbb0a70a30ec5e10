//! `orgs.signatory_table`: the organisations of a table of signatories (HTML tables reach the
//! clean text as lines of cells joined with " | ").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::push_signatories;
use super::text::lines;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.signatory_table";

/// Finds the organisations of a table of signatories.
///
/// Finds: a table whose header names a column "Signataire(s)", "Partenaire(s)", "Organisme",
/// "Organisation" or "Institution" (the organisations are that column), or a table right under a heading or
/// caption naming the signatories (the organisations are the first column). Each cell is read
/// with the explicit item grammar, so a person's name with a role is not an organisation.
///
/// Does not find: other tables (quartiers, figures); a table whose caption speaks of something
/// else.
pub struct SignatoryTable;

static COLUMN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:co-?)?signataires?|^partenaires?|^organismes?|^organisations?|^institutions?|^structures?")
        .expect("valid regex")
});

static CAPTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsignataires\b").expect("valid regex"));

/// The byte ranges of the cells of a table row ("| A | B | C").
fn cells(text: &str, line: std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = line.start;
    for (i, c) in text[line.clone()].char_indices() {
        if c == '|' {
            out.push(start..line.start + i);
            start = line.start + i + 1;
        }
    }
    out.push(start..line.end);
    out.into_iter().filter(|r| !text[r.clone()].trim().is_empty()).collect()
}

impl Rule for SignatoryTable {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let lines = lines(text);
        let is_row = |i: usize| text[lines[i].clone()].trim_start().starts_with('|');
        let mut i = 0;
        while i < lines.len() {
            if !is_row(i) {
                i += 1;
                continue;
            }
            let first = i;
            while i < lines.len() && is_row(i) {
                i += 1;
            }
            let header = cells(text, lines[first].clone());
            let named = header.iter().position(|c| COLUMN.is_match(text[c.clone()].trim()));
            let captioned = (first.saturating_sub(3)..first).any(|k| {
                text[lines[k].clone()].len() < 200 && CAPTION.is_match(&text[lines[k].clone()])
            });
            let (column, body) = match (named, captioned) {
                (Some(c), _) => (c, first + 1),
                (None, true) => (0, first),
                (None, false) => continue,
            };
            let mut seen = Vec::new();
            for row in &lines[body..i] {
                if let Some(cell) = cells(text, row.clone()).get(column) {
                    push_signatories(
                        doc,
                        items(text, cell.clone(), Mode::Explicit),
                        ID,
                        &mut seen,
                        out,
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::run_as;
    use super::*;
    use crate::record::Format;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let names: Vec<String> =
            run_as(&SignatoryTable, text, Format::Html).into_iter().map(|o| o.name).collect();
        assert_eq!(names, expected, "{text:?}");
    }

    #[test]
    fn the_signatory_column_of_a_table() {
        check(
            "Les engagements\n| Signataire | Représenté par\n| État | Anne Morel, préfète\n| Région Bretagne | Loïc Durand\n| Lorient Habitat | Jean Le Goff\n",
            &["État", "Région Bretagne", "Lorient Habitat"],
        );
        check(
            "Les signataires du contrat\n| la Communauté d'agglomération du Douaisis (CAD) | Christian Poiret\n| la CAF du Nord | Marc Petit\n",
            &["Communauté d'agglomération du Douaisis", "CAF du Nord"],
        );
    }

    #[test]
    fn a_heading_over_a_table_leaves_it_to_the_table_rule() {
        let html = "Signataires du contrat\n| Signataire | Représenté par\n| État | Ziad Khoury, préfet de l'Aisne\n| Clésence | Patrick Dufour\n";
        let block = run_as(&super::super::signatory_block::SignatoryBlock, html, Format::Html);
        assert!(block.is_empty(), "{block:?}");
        check(html, &["État", "Clésence"]);
    }

    #[test]
    fn an_organisation_column() {
        check(
            "Les partenaires engagés\n| Organisation | Engagement principal\n| État | Crédits spécifiques\n| Ville de Mâcon | Équipements\n| Mâcon Habitat | Gestion de proximité\n",
            &["État", "Ville de Mâcon", "Mâcon Habitat"],
        );
    }

    #[test]
    fn other_tables_are_not_lists_of_signatories() {
        check(
            "Quartiers du contrat\n| Quartier | Commune(s) | Statut\n| Hautepierre | Strasbourg | Prioritaire\n",
            &[],
        );
    }
}
