//! `people.signing_table`: the people of a table's column that says who signed.
//!
//! Finds: the names in the column of a table (cells parted by " | " or by tabs) whose header
//! cell names the party signed for or the signing itself ("Pour le Département", "Pour l'État",
//! "Au nom de la Ville", "Signé par", "Signataire", "Élu signataire", "Représentant"), one row
//! per signing: "3 juillet | Agglo du Pays de Dole | Anne Brun". Involvement `signatory`; the
//! merger gives each to the contract its row names.
//! Does not find: names in the other columns, nor in a column headed by something else
//! ("Contact", "Chef de projet"), nor in the lines after the table (a line without the
//! separator ends it).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule, lines};

/// The signing-table rule.
pub struct SigningTable;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.signing_table";

/// How many rows a table reads at most.
const ROWS: usize = 60;

/// A header cell naming who signs in its column: the party ("Pour le Département", "Au nom de
/// l'État"), or the signing ("Signé par", "Signataire(s)", "Élu(e) signataire", "Représentant").
static HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?:pour|au\s+nom\s+d(?:e|u|es|'))\s*(?:l'|la\s+|le\s+|les\s+)?\p{L}[^|\t]{0,60}|(?:co-?)?sign(?:é|e|ée|ee)s?\s+(?:par|pour)\b[^|\t]{0,40}|(?:(?:élu|elu|élue|elue)e?s?\s+)?(?:co-?)?signataires?(?:\s+[^|\t]{0,40})?|représentante?s?(?:\s+[^|\t]{0,40})?)$",
    )
    .expect("valid regex")
});

/// The cells of the line `line` of `text`, parted by `sep`, trimmed (empty cells kept, so that
/// the columns stay in place; a border "|" at either end is no cell).
fn cells(text: &str, line: Range<usize>, sep: char) -> Vec<Range<usize>> {
    let body = &text[line.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in body.char_indices() {
        if c == sep {
            out.push(start..i);
            start = i + c.len_utf8();
        }
    }
    out.push(start..body.len());
    if sep == '|' {
        if out.first().is_some_and(|r| body[r.clone()].trim().is_empty()) {
            out.remove(0);
        }
        if out.last().is_some_and(|r| body[r.clone()].trim().is_empty()) {
            out.pop();
        }
    }
    out.into_iter()
        .map(|r| {
            // A blank cell is an empty range at its end.
            let cell = &body[r.clone()];
            let lead = cell.len() - cell.trim_start().len();
            let end = line.start + r.start + cell.trim_end().len().max(lead);
            line.start + r.start + lead..end
        })
        .collect()
}

impl Rule for SigningTable {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        let text = p.text;
        if !text.contains(['|', '\t']) {
            return;
        }
        let lines = lines(text);
        let mut read: Vec<usize> = Vec::new();
        for (i, header) in lines.iter().enumerate() {
            for sep in ['|', '\t'] {
                let heads = cells(text, header.clone(), sep);
                if heads.len() < 2 {
                    continue;
                }
                let Some(col) = heads.iter().position(|h| HEADER.is_match(&text[h.clone()])) else {
                    continue;
                };
                for row in lines.iter().skip(i + 1).take(ROWS) {
                    let row_cells = cells(text, row.clone(), sep);
                    if row_cells.len() < 2 {
                        break;
                    }
                    let Some(cell) = row_cells.get(col) else { continue };
                    for m in p.within(cell.clone()) {
                        if !read.contains(&m.name_range.start) {
                            read.push(m.name_range.start);
                            emit(doc, m, Involvement::Signatory, self.id(), out);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const S: Involvement = Involvement::Signatory;

    /// A header with a blank cell made only of a multi-byte space (a fuzzing find: the cell's
    /// range was inverted) is read, not a panic.
    #[test]
    fn a_blank_header_cell_is_an_empty_range() {
        let text = "Date |\u{a0}\u{202f}| Pour la Ville\n3 mai | x | Lucie Morin\n";
        let heads = cells(text, 0..text.find('\n').unwrap(), '|');
        assert_eq!(heads.len(), 3);
        assert!(heads.iter().all(|h| h.start <= h.end && text.get(h.clone()).is_some()));
        assert_eq!(&text[heads[1].clone()], "");
        finds(&SigningTable, text, &["Lucie Morin"], S);
    }

    #[test]
    fn the_column_of_the_party_signed_for() {
        finds(
            &SigningTable,
            "Les signatures\nDate | Territoire | Quartiers | Pour le Département\n3 juillet | \
             Agglo de Dole | Les Mesnils (Dole) | Anne Brun\n10 juillet | ECLA | La Marjorie | \
             Paul Roche, vice-président\n\nLe Département y consacre un million.",
            &["Anne Brun", "Paul Roche"],
            S,
        );
        finds(
            &SigningTable,
            "Agglomération\tSigné le\tÉlu signataire\nCA de Saintes\t04.04.24\tLucie Morin\nCA \
             Royan\t12/04/2024\tMarc Viel, conseiller départemental\n",
            &["Lucie Morin", "Marc Viel"],
            S,
        );
        finds(
            &SigningTable,
            "| Commune | Signé par |\n| Arles | Jeanne Morel, maire |\n| Orange | Paul Viel |\n",
            &["Jeanne Morel", "Paul Viel"],
            S,
        );
    }

    #[test]
    fn other_columns_and_tables() {
        // A column about something else.
        none(
            &SigningTable,
            "Quartier | Commune | Chef de projet\nLes Mesnils | Dole | Anne Brun\nLa Marjorie | \
             Lons | Paul Roche\n",
        );
        // The names of another column of a table of signings.
        none(&SigningTable, "Date | Lieu | Pour l'État\n3 juillet | salle Paul Roche | \n");
        // The lines after the table.
        none(
            &SigningTable,
            "Date | Pour la Région\n3 juillet | \nAnne Brun, présidente, a salué l'accord.\n",
        );
    }
}
