//! `quartiers.code_rows`: a quartier written with its official code ("QN07204M", with or
//! without spaces inside: "QN 072 04 M") followed by its name, most often as the first cells of
//! a table row ("code, name, local name, commune(s), population").
//!
//! A code the official list of 2024 (`rules/gazetteer/qpv.tsv`) holds, followed by a name that
//! designates the same quartier prioritaire (its official name or a key of it, as the page
//! writes it), is that quartier: the name as written, the communes the row writes among the
//! QPV's (all of the QPV's when the row writes none) and the code. On a short line (a table row),
//! the item stands for the whole line, so that no other reading of the row's cells (a local
//! name, a commune read as a quartier) is kept beside it. A code whose written name designates
//! another quartier, or none (a name before the code: "Planoise (n° QN02503M)", a code alone in
//! prose), is left to the other rules: the page's name and commune stand. Codes of the 2015 list
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

/// Where the name right after the code stands in `after` (byte range), when it designates the
/// QPV of code `code` (the row's other cells may follow it on the same line): the official name
/// folded, else the longest run of words that is a key of that QPV (a part of its name, a word
/// in the other number: "Côte des Roses" for "Côtes des Roses - Bel Air").
fn written_name(after: &str, official: &str, code: &str) -> Option<std::ops::Range<usize>> {
    let target = qpv::fold(official);
    let lead = after.len() - after.trim_start_matches(CELL_GAP).len();
    let rest = &after[lead..];
    let mut keyed = None;
    for (i, c) in rest.char_indices() {
        if c == '\n' {
            break;
        }
        let end = i + c.len_utf8();
        let next_is_boundary = rest[end..].chars().next().is_none_or(|n| !n.is_alphanumeric());
        // A name ends at the end of a word, before any punctuation after it.
        if !c.is_alphanumeric() || !next_is_boundary {
            continue;
        }
        let folded = qpv::fold(&rest[..end]);
        if folded == target {
            return Some(lead..lead + end);
        }
        if folded.len() > target.len() + 4 {
            break;
        }
        if qpv::qpvs_named(&rest[..end]).iter().any(|n| n.qpv.code == code) {
            keyed = Some(lead..lead + end);
        }
    }
    keyed
}

/// The communes of `found` the line writes, as references; all of them when it writes none.
fn communes_of(found: &qpv::Qpv, line: &str) -> Vec<CommuneRef> {
    let all: Vec<&gazetteer::Commune> =
        found.communes.iter().filter_map(|c| gazetteer::current_commune(c)).collect();
    let written = qpv::NamedCommunes::of(line);
    let on_line: Vec<&gazetteer::Commune> =
        all.iter().copied().filter(|c| written.contains(c.insee)).collect();
    let chosen = if on_line.is_empty() { all } else { on_line };
    chosen
        .into_iter()
        .map(|c| CommuneRef { name: c.name.to_owned(), insee: Some(c.insee.to_owned()) })
        .collect()
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
            let Some(r) = written_name(after, found.name, found.code) else { continue };
            let (name, name_end) = (after[r.clone()].to_owned(), whole.end() + r.end);
            let line_start = text[..whole.start()].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[whole.end()..].find('\n').map_or(text.len(), |i| whole.end() + i);
            let range = if line_end - line_start <= ROW_LEN {
                line_start..line_end
            } else {
                whole.start()..name_end
            };
            // The communes the row writes, looked for after the name (a name may hold a
            // commune's name: "Centre-Ville de Vierzon").
            let communes = communes_of(found, &text[name_end..line_end.max(name_end)]);
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
        // Cells separated by bars, the code spaced, the name as the page writes it.
        finds(
            &CodeRows,
            "| QN 072 02 I | Chaoué Perrières | Allonnes |\n",
            &["Chaoué Perrières @ Allonnes : Prioritaire"],
        );
        // A key of the QPV in the other number, a colon after the code.
        finds(
            &CodeRows,
            "QN05707M : Côte des Roses, à Thionville\n",
            &["Côte des Roses @ Thionville : Prioritaire"],
        );
    }

    #[test]
    fn the_communes_are_those_the_row_writes() {
        // Bellevue-Carnac lies in Le Mans and Coulaines: a row naming one keeps that one.
        finds(
            &CodeRows,
            "QN07203M Bellevue-Carnac Coulaines 1 200\n",
            &["Bellevue-Carnac @ Coulaines : Prioritaire"],
        );
        finds(
            &CodeRows,
            "QN07203M Bellevue-Carnac 4 000 habitants\n",
            &["Bellevue-Carnac @ Coulaines/Le Mans : Prioritaire"],
        );
    }

    #[test]
    fn a_code_without_its_own_name_after_it_is_left_to_the_other_rules() {
        // The code alone in prose, a local name only, a name written before the code.
        none(
            &CodeRows,
            "Le quartier prioritaire QN07203M, à cheval sur deux communes, a vu son périmètre \
             s'étendre.",
        );
        none(&CodeRows, "| QN 072 02 I | Chaoué | Allonnes |\n");
        none(&CodeRows, "- Les Sablons (code QN07205M)\n");
        // A name of another quartier after the code: the code and the name disagree.
        none(&CodeRows, "QN07204M Bellevue-Carnac Le Mans\n");
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
