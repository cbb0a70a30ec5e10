//! `quartiers.table`: one quartier a table row.
//!
//! Finds the rows of a table (an HTML table, whose cells the clean text joins with " | ", a
//! Markdown pipe table, or a table flattened to text with " | " between cells) whose header
//! names a quartier column ("Quartier", "Nom du quartier"), or whose caption speaks of
//! quartiers: the name from that column (else the first), the communes from a "Commune(s)"
//! column (else the second, when it holds communes), several names of one cell apart ("Cité 2,
//! Cité 12 et Grande Résidence"), the status from a "Statut" column ("Prioritaire", "Veille
//! active"), else the caption, else `prioritaire`.
//! Does not find: tables of something else (figures, partners) under a caption that does not
//! speak of quartiers.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    Known, clean_name, communes, count_in, is_commune, label, plausible_name, speaks_of_quartiers,
    status_in,
};
use super::{Item, List, emit};
use crate::names::fold;
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule, bar_tables, is_separator_row, table_cells};

/// The table rule.
pub struct Table;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.table";

impl Rule for Table {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let known = Known::of(doc);
        for table in bar_tables(doc.text()) {
            self.table(doc, out, &known, &table.rows, table.caption);
        }
    }
}

/// The cells of a table line, trimmed.
fn cells(text: &str, line: Range<usize>) -> Vec<&str> {
    table_cells(text, line).into_iter().map(|c| &text[c]).collect()
}

static CELL_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[;,]\s*").expect("valid regex"));
static LAST_AND: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s+et\s+").expect("valid regex"));

/// A cell's names after a count that introduces them ("16 quartiers dans 12 communes, dont A
/// et B"), and its commune in parentheses at the end ("A, B (Dieppe)"), a list cut short
/// ("A, B...") ending the names.
static CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?P<dont>.*?,\s*dont\s+)?(?P<names>.*?)\s*(?:\.\.\.|…)?\s*(?:\((?P<c>[^()]+)\))?\s*$",
    )
    .expect("valid regex")
});

/// The names of a cell: one, or several separated by commas or semicolons, the last two joined
/// by "et" ("Cité 2, Cité 12 et Grande Résidence"). "Arts et Fleurs" alone is one name, unless
/// `several` (names after "dont": "16 quartiers, dont A et B").
fn names(cell: &str, several: bool) -> Vec<String> {
    let mut pieces: Vec<&str> = CELL_SEP.split(cell).filter(|p| !p.trim().is_empty()).collect();
    if (pieces.len() > 1 || several)
        && let Some(last) = pieces.pop()
    {
        pieces.extend(LAST_AND.split(last));
    }
    pieces.into_iter().map(clean_name).collect()
}

impl Table {
    fn table(
        &self,
        doc: &Doc,
        out: &mut Candidates,
        known: &Known,
        rows: &[Range<usize>],
        caption: Option<Range<usize>>,
    ) {
        let text = doc.text();
        let caption_text = caption.clone().map(|r| &text[r]);
        let Some(first) = rows.first() else { return };
        let header: Vec<String> = cells(text, first.clone()).iter().map(|c| fold(c)).collect();
        let find = |words: &[&str]| {
            header.iter().position(|h| words.iter().any(|w| h.split(' ').any(|x| x.starts_with(w))))
        };
        let name_col = find(&["quartier", "qpv", "secteur"]);
        let commune_col = find(&["commune", "ville"]);
        let status_col = find(&["statut", "status", "type"]);
        let about = name_col.is_some() || caption_text.is_some_and(speaks_of_quartiers);
        if !about {
            return;
        }
        let has_header = name_col.is_some() || commune_col.is_some();
        let name_col = name_col.unwrap_or(0);
        let commune_col = commune_col.or(if has_header { None } else { Some(1) });
        let status = caption_text.and_then(status_in).unwrap_or(QuartierStatus::Prioritaire);
        let mut items = Vec::new();
        for row in rows.iter().skip(usize::from(has_header)) {
            if is_separator_row(&text[row.clone()]) {
                continue;
            }
            let cells = cells(text, row.clone());
            let Some(cell) = cells.get(name_col) else { continue };
            // "A, B (Dieppe)": the cell's own commune, when no column gives one.
            let parts = CELL.captures(cell);
            let own =
                parts.as_ref().and_then(|p| p.name("c")).and_then(|c| communes(c.as_str(), known));
            let mut communes = commune_col
                .and_then(|c| cells.get(c))
                .and_then(|c| communes(c, known))
                .unwrap_or_default();
            let cell = match (&parts, own) {
                (Some(p), Some(own)) if known.contains(&own[0]) || is_commune(&own[0]) => {
                    if communes.is_empty() {
                        communes = own;
                    }
                    p.name("names").map_or(*cell, |m| m.as_str())
                }
                (Some(p), _) if p.name("c").is_none() => {
                    p.name("names").map_or(*cell, |m| m.as_str())
                }
                _ => cell,
            };
            let status = status_col.and_then(|c| cells.get(c)).and_then(|c| status_in(c));
            let several = parts.as_ref().is_some_and(|p| p.name("dont").is_some());
            for name in names(cell, several) {
                if plausible_name(&name) {
                    let communes = communes.clone();
                    items.push(Item { range: row.clone(), name, communes, status });
                }
            }
        }
        let list = List {
            status,
            label: caption_text.and_then(label),
            count: caption_text.and_then(count_in),
            at: caption.unwrap_or_else(|| first.clone()),
        };
        emit(doc, out, self.id(), &list, items);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Format;
    use crate::rules::quartiers::testing::{finds_as, none};

    #[test]
    fn rows_with_a_header() {
        finds_as(
            &Table,
            "Quartiers du contrat\n| Quartier | Commune(s) | Statut\n| Les Izards | Toulouse | Prioritaire\n| Val d'Aran | Colomiers, Blagnac | Veille active\n",
            Format::Html,
            &["Les Izards @ Toulouse : prioritaire", "Val d'Aran @ Colomiers/Blagnac : veille"],
        );
    }

    #[test]
    fn markdown_table_without_quartier_header_under_a_caption() {
        finds_as(
            &Table,
            "Les quartiers en veille active :\n\n| Le Lac | Bordeaux |\n|---|---|\n| Saige | Pessac |\n",
            Format::Markdown,
            &["Le Lac @ Bordeaux : veille", "Saige @ Pessac : veille"],
        );
    }

    #[test]
    fn a_commune_column_first_and_several_quartiers_a_cell() {
        finds_as(
            &Table,
            "| Commune | Quartiers prioritaires |\n|---|---|\n| Lens | Cité 2, Cité 12 et Grande Résidence |\n| Liévin | Arts et Fleurs |\n",
            Format::Markdown,
            &[
                "Cité 2 @ Lens : prioritaire",
                "Cité 12 @ Lens : prioritaire",
                "Grande Résidence @ Lens : prioritaire",
                "Arts et Fleurs @ Liévin : prioritaire",
            ],
        );
    }

    #[test]
    fn a_table_flattened_to_text() {
        finds_as(
            &Table,
            "Calendrier\nDate | Territoire | Quartiers prioritaires\n2 mai 2015 | Agglo de Lens | Cité 2, Cité 12, Grande Résidence... (Lens)\n9 mai 2015 | Liévin Agglo | 12 quartiers dans 8 communes, dont Noroit et Calonne (Liévin)\n",
            Format::Text,
            &[
                "Cité 2 @ Lens : prioritaire",
                "Cité 12 @ Lens : prioritaire",
                "Grande Résidence @ Lens : prioritaire",
                "Noroit @ Liévin : prioritaire",
                "Calonne @ Liévin : prioritaire",
            ],
        );
        // A menu line is no table, nor two (a menu and a footer); nor are rows of something else.
        none(&Table, "Accueil | Quartiers | Contact\nLe contrat a été signé.\n");
        none(&Table, "Accueil | Quartiers | Contact\nPlan du site | Mentions | Aide\n");
        none(
            &Table,
            "Date | Lieu | Signataires\n2 mai | Lens | Le préfet, le maire\n3 mai | Arras | La maire\n",
        );
    }

    #[test]
    fn tables_of_something_else() {
        none(&Table, "Chiffres clés\n| Habitants | 12 000\n| Signataires | 26\n");
    }
}
