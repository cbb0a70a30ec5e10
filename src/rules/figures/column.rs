//! `figures.column`: the inhabitants of each quartier in a table's population column.
//!
//! Finds, in a table whose cells are parted by bars ([`crate::rules::bar_tables`]) and whose
//! header names a quartier column and a population column (`rules/figures/table_columns.tsv`:
//! "| Quartier | Commune | Habitants |"), the number that fills each body row's population
//! cell: that quartier's population (`population_qpv`), a "Total" row's the quartiers' together.
//! Does not find: a number in another column (an income, a share), a cell holding more than a
//! number ("12 000 environ en 2015"), tables without a quartier column (a population per
//! commune).

use std::sync::LazyLock;

use super::figure;
use super::number::numbers_of;
use crate::data;
use crate::names::fold;
use crate::rules::{Candidates, Doc, Rule, bar_tables, is_separator_row, table_cells};

/// The column rule.
pub struct Column;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.column";

/// What a table column holds, as its header says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Holds {
    Population,
    Quartier,
}

/// The header forms of `rules/figures/table_columns.tsv`, folded.
static HEADERS: LazyLock<Vec<(String, Holds)>> = LazyLock::new(|| {
    data::rows("figures/table_columns.tsv")
        .into_iter()
        .filter_map(|row| {
            let holds = match row.get(1)?.as_str() {
                "population" => Holds::Population,
                "quartier" => Holds::Quartier,
                _ => return None,
            };
            Some((fold(row.first()?), holds))
        })
        .collect()
});

/// What the column headed `header` holds: a form whose words open the header's.
fn holds(header: &str) -> Option<Holds> {
    let words = format!("{} ", fold(header));
    HEADERS.iter().find(|(form, _)| words.starts_with(&format!("{form} "))).map(|(_, h)| *h)
}

impl Rule for Column {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for table in bar_tables(text) {
            let rows: Vec<_> = table
                .rows
                .into_iter()
                .filter(|r| !is_separator_row(&text[r.clone()]))
                .map(|r| table_cells(text, r))
                .collect();
            let Some((header, body)) = rows.split_first() else { continue };
            let kinds: Vec<Option<Holds>> =
                header.iter().map(|c| holds(&text[c.clone()])).collect();
            let Some(column) = kinds.iter().position(|k| *k == Some(Holds::Population)) else {
                continue;
            };
            if !kinds.contains(&Some(Holds::Quartier)) {
                continue;
            }
            for row in body {
                let Some(cell) = row.get(column).filter(|c| !c.is_empty()) else { continue };
                let Some(n) =
                    numbers_of(doc).iter().find(|n| n.range == *cell && !n.year && !n.approx)
                else {
                    continue;
                };
                out.figures.push(figure(
                    doc,
                    cell.clone(),
                    self.id(),
                    (n.value, n.approx),
                    "population_qpv",
                    Some("habitants".to_owned()),
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::run;

    fn values(text: &str) -> Vec<(f64, String)> {
        run(&Column, text).into_iter().map(|f| (f.value, f.kind)).collect()
    }

    #[test]
    fn each_quartier_row_gives_its_population() {
        let text = "Les quartiers du contrat :\n\
            | Quartier | Commune | Habitants | Revenu médian |\n\
            | Les Pins | Vierville | 3 450 | 11 200 € |\n\
            | Grand Pré | Vierville | 1 820 | 10 900 € |\n\
            | Total | | 5 270 | |\n";
        let q = |v: f64| (v, "population_qpv".to_owned());
        assert_eq!(values(text), vec![q(3450.0), q(1820.0), q(5270.0)]);
    }

    #[test]
    fn a_table_flattened_to_text_is_read_too() {
        let text = "NOM DU QUARTIER | COMMUNE | POPULATION | PART\n\
            Les Pins  | Vierville | 3 450 | 12 %\n\
            Grand Pré | Vierville | 1 820 | 8 %\n";
        assert_eq!(values(text).len(), 2);
    }

    #[test]
    fn a_table_without_a_quartier_column_gives_nothing() {
        let text = "| Commune | Habitants |\n| Vierville | 23 450 |\n| Ormeaux | 8 120 |\n";
        assert!(values(text).is_empty());
    }

    #[test]
    fn a_cell_with_more_than_a_number_gives_nothing() {
        let text = "| Quartier | Habitants |\n| Les Pins | environ 3 450 en 2015 |\n";
        assert!(values(text).is_empty());
    }
}
