//! `quartiers.inline_bullets`: a list of quartiers whose bullets ("•") stand on one line, as
//! a web page's list reads once its line breaks are lost.
//!
//! Finds, after an introduction about quartiers (the text before the first bullet, else the
//! line above), "• Le Lac à Bordeaux• Champ de Courses au Bouscat et à Eysines• Bacalan": one
//! item a bullet, each with the communes written after "à" / "au" / "aux". A line the document
//! ends with, cut mid-way, loses its last item ("• Génicart• Alpil").
//! Does not find: one bullet alone on its line (the line-list rule reads those), bullets under
//! an introduction about something else ("Les signataires :"), items that are not names
//! ("• Rue de la Gare").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    PLACE, clean_name, collapse, count_in, first_sentence, label, last_sentence,
    lists_something_else, plausible_name, speaks_of_quartiers, status_in,
};
use super::{Item, List, emit};
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The inline-bullets rule.
pub struct InlineBullets;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.inline_bullets";

/// How many bullets a line needs to be read as a list.
const MIN_ITEMS: usize = 3;

/// "Name à X", "Name au X et à Y", "Name à X, Y et Z".
static ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?P<n>.+?)(?:\s+(?:[àÀ]|au|aux)\s+(?P<c>{PLACE}(?:\s*(?:,|et)\s*(?:(?:[àÀ]|au|aux)\s+)?{PLACE})*))?\s*[.;,]?$"
    ))
    .expect("valid regex")
});
/// The separators between the communes of one item.
static COMMUNE_SEP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*(?:,|\bet\b)\s*(?:(?:[àÀ]|au|aux)\s+)?").expect("valid regex")
});

impl Rule for InlineBullets {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let mut line_start = 0;
        let mut previous = "";
        for line in text.split_inclusive('\n') {
            let start = line_start;
            line_start += line.len();
            let body = line.trim_end_matches(['\n', '\r']);
            if body.trim().is_empty() {
                continue;
            }
            let bullets: Vec<usize> = body.match_indices('•').map(|(i, _)| i).collect();
            if bullets.len() < MIN_ITEMS {
                previous = body;
                continue;
            }
            // The words just before the bullets: on a page whose line breaks were lost, the
            // head is the whole text before them, and only its last sentence introduces them.
            let head = last_sentence(body[..bullets[0]].trim());
            let intro = if head.is_empty() { last_sentence(previous) } else { head };
            previous = body;
            if !speaks_of_quartiers(intro) || lists_something_else(intro) {
                continue;
            }
            let last_line = text[start + line.len()..].trim().is_empty();
            let cut = last_line && !body.trim_end().ends_with(['.', ';', ')', '»']);
            let mut items = Vec::new();
            let bounds: Vec<usize> = bullets.iter().copied().chain([body.len()]).collect();
            for (k, w) in bounds.windows(2).enumerate() {
                let from = w[0] + '•'.len_utf8();
                if cut && k + 2 == bounds.len() {
                    break;
                }
                let piece = body[from..w[1]].trim();
                // The last item of a line that goes on after the list ends with its sentence.
                let piece = if k + 2 == bounds.len() { first_sentence(piece) } else { piece };
                let Some(caps) = ITEM.captures(piece) else { continue };
                let name = clean_name(caps.name("n").map_or("", |m| m.as_str()));
                if !plausible_name(&name) || name.split_whitespace().count() > 8 {
                    continue;
                }
                let communes = caps
                    .name("c")
                    .map(|c| {
                        COMMUNE_SEP
                            .split(c.as_str())
                            .map(collapse)
                            .filter(|c| !c.is_empty())
                            .collect()
                    })
                    .unwrap_or_default();
                let lead = body[from..w[1]].len() - body[from..w[1]].trim_start().len();
                let at = start + from + lead;
                items.push(Item { range: at..at + piece.len(), name, communes, status: None });
            }
            let list = List {
                status: status_in(intro).unwrap_or(QuartierStatus::Prioritaire),
                label: label(intro),
                count: count_in(intro),
                at: start..start + body.len(),
            };
            emit(doc, out, self.id(), &list, items);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::quartiers::testing::{finds, none};

    #[test]
    fn bullets_on_one_line_after_an_introduction() {
        finds(
            &InlineBullets,
            "Les quartiers prioritaires de la métropole sont les suivants :\n• Les Aubiers à Bordeaux• Le Port au Bouscat et à Eysines• Grand Pré à Cenon• Bel Air à Floirac.\n",
            &[
                "Les Aubiers @ Bordeaux : prioritaire",
                "Le Port @ Bouscat/Eysines : prioritaire",
                "Grand Pré @ Cenon : prioritaire",
                "Bel Air @ Floirac : prioritaire",
            ],
        );
    }

    #[test]
    fn a_list_cut_by_the_end_of_the_text_loses_its_last_item() {
        finds(
            &InlineBullets,
            "Trois quartiers en veille active : • Le Moulin • La Source • Les Prés • Les Ch",
            &["Le Moulin @  : veille", "La Source @  : veille", "Les Prés @  : veille"],
        );
    }

    #[test]
    fn the_last_item_ends_with_its_sentence() {
        finds(
            &InlineBullets,
            "Quatre quartiers prioritaires : • Les Glycines • Le Vallon • La Butte • Les Sablons. Le bailleur rénove trois tours d'ici 2027.",
            &[
                "Les Glycines @  : prioritaire",
                "Le Vallon @  : prioritaire",
                "La Butte @  : prioritaire",
                "Les Sablons @  : prioritaire",
            ],
        );
        // The full stop of an abbreviated "Saint" ends no sentence.
        finds(
            &InlineBullets,
            "Trois quartiers prioritaires : • Le Parc • Les Fleurs • Cité St. Exupéry. Le bailleur rénove.",
            &[
                "Le Parc @  : prioritaire",
                "Les Fleurs @  : prioritaire",
                "Cité St. Exupéry @  : prioritaire",
            ],
        );
    }

    #[test]
    fn not_other_lists_nor_a_single_bullet() {
        none(
            &InlineBullets,
            "Les signataires du contrat :\n• La Préfecture• La Région• Le Département• La CAF.\n",
        );
        none(&InlineBullets, "Nos actions : • Emploi • Santé • Éducation • Culture.\n");
        none(&InlineBullets, "Les quartiers prioritaires :\n• Les Aubiers à Bordeaux\n");
        // A page whose line breaks were lost: only the last sentence before the bullets
        // introduces them.
        none(
            &InlineBullets,
            "Le contrat couvre les quartiers prioritaires de la ville. Notre action • Durée : 4 minutes • Publié le • Modifié le Une photo du quartier.",
        );
    }
}
