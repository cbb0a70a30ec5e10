//! `quartiers.code_rows`: a quartier written with its official code ("QN07204M", with or
//! without spaces inside: "QN 072 04 M"), most often as the first cell of a table row ("code,
//! name, local name, commune(s), population"), sometimes in prose ("le QPV QN07204M").
//!
//! A code the official list of 2024 (`rules/gazetteer/qpv.tsv`) holds is that quartier
//! prioritaire, whatever the row's other cells say: its official name (as written right after
//! the code when it is, else as the list spells it), its communes and its code. On a short line
//! (a table row), the item stands for the whole line, so that no other reading of the row's
//! cells (a local name, a commune read as a quartier) is kept beside it. Codes of the 2015 list
//! ("QP059012") are not in our data and are left to the other rules.

use std::sync::LazyLock;

use crate::gazetteer::{self, qpv};
use crate::record::{CommuneRef, Quartier, QuartierStatus};
use crate::rules::text::Regex;
use crate::rules::{Candidates, Doc, Rule};

/// The code-row rule.
pub struct CodeRows;

pub(super) const ID: &str = "quartiers.code_rows";

/// Longest line (bytes) read as one table row.
const ROW_LEN: usize = 240;

/// A 2024 QPV code: "QN", the département (3 characters: "072", "02A", "974"), two digits, a
/// letter; spaces may stand between the pieces.
static CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\bQN ?([0-9][0-9AB][0-9]) ?([0-9]{2}) ?([A-Z])\b").expect("valid regex")
});

/// Separators between a code and the next cell.
const CELL_GAP: [char; 7] = [' ', '\t', '|', ':', '-', '–', '—'];

/// Where the name right after the code stands in `after` (byte range), when it spells the
/// official name (the row's other cells may follow it on the same line).
fn written_name(after: &str, official: &str) -> Option<std::ops::Range<usize>> {
    let target = qpv::fold(official);
    let lead = after.len() - after.trim_start_matches(CELL_GAP).len();
    let rest = &after[lead..];
    for (i, c) in rest.char_indices() {
        if c == '\n' {
            break;
        }
        let end = i + c.len_utf8();
        let folded = qpv::fold(&rest[..end]);
        let next_is_boundary = rest[end..].chars().next().is_none_or(|n| !n.is_alphanumeric());
        if next_is_boundary && folded == target {
            return Some(lead..lead + end);
        }
        if folded.len() > target.len() + 1 {
            break;
        }
    }
    None
}

impl Rule for CodeRows {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for m in CODE.captures_iter(text) {
            let whole = m.get(0).expect("match");
            let code = format!("QN{}{}{}", &m[1], &m[2], &m[3]);
            let Some(found) = qpv::qpv(&code) else { continue };
            let after = &text[whole.end()..];
            let (name, name_end) = match written_name(after, found.name) {
                Some(r) => (after[r.clone()].to_owned(), whole.end() + r.end),
                None => (found.name.to_owned(), whole.end()),
            };
            let line_start = text[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[whole.end()..].find('\n').map_or(text.len(), |i| whole.end() + i);
            let range = if line_end - line_start <= ROW_LEN {
                line_start..line_end
            } else {
                whole.start()..name_end
            };
            let communes = found
                .communes
                .iter()
                .filter_map(|c| gazetteer::current_commune(c))
                .map(|c| CommuneRef { name: c.name.to_owned(), insee: Some(c.insee.to_owned()) })
                .collect();
            out.quartiers.push(Quartier {
                name,
                communes,
                status: QuartierStatus::Prioritaire,
                list: None,
                qpv_code: Some(found.code.to_owned()),
                qpv_link: Some(format!("the code {} written in the text", found.code)),
                evidence: doc.evidence(range, ID),
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::{brief, family, finds, none};
    use super::*;

    #[test]
    fn a_table_row_opened_by_a_known_code_is_that_quartier() {
        finds(
            &CodeRows,
            "Code Nom Commune Habitants\nQN07204M Ronceray - Glonnières - Vauguyon Le Mans 8 000\n",
            &["Ronceray - Glonnières - Vauguyon @ Le Mans : Prioritaire"],
        );
        // Cells separated by bars, the code spaced, the local name first.
        finds(
            &CodeRows,
            "| QN 072 02 I | Chaoué | Allonnes |\n",
            &["Chaoué-Perrières @ Allonnes : Prioritaire"],
        );
    }

    #[test]
    fn a_code_in_prose_gives_the_official_name_and_communes() {
        finds(
            &CodeRows,
            "Le quartier prioritaire QN07203M, à cheval sur deux communes, a vu son périmètre \
             s'étendre.",
            &["Bellevue-Carnac @ Coulaines/Le Mans : Prioritaire"],
        );
    }

    #[test]
    fn unknown_codes_and_other_shapes_are_not_quartiers() {
        // A code the list does not hold, a 2015 code, a reference of another kind.
        none(&CodeRows, "QN07299M Quartier inconnu Le Mans\n");
        none(&CodeRows, "QP072004 Ronceray Le Mans\n");
        none(&CodeRows, "La référence AQN07204MX du marché public.\n");
    }

    #[test]
    fn the_row_item_replaces_the_other_readings_of_its_cells() {
        let got = brief(
            &family(
                "Les quartiers prioritaires du Mans :\nQN07205M Sablons - Bords de l'Huisne \
                 Les Sablons Le Mans 7 000 inchangé\nQN07206M Epine Les Maillets - Epine Le \
                 Mans 2 000 réduit\n",
            )
            .quartiers,
        );
        assert_eq!(
            got,
            [
                "sablons - bords de l'huisne @ le mans : prioritaire",
                "epine @ le mans : prioritaire"
            ]
        );
    }
}
