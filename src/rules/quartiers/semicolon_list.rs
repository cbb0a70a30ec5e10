//! `quartiers.semicolon_list`: groups of quartiers with their commune, separated by semicolons.
//!
//! Finds, in a paragraph that speaks of quartiers (or under a heading that does), a sentence of
//! two or more groups separated by ";", each naming its commune before ("À Lorient, le contrat
//! concerne le Bois-du-Château et Kervénanec ; à Lanester, Kerfréhour") or after ("Borny,
//! Bellecroix et Sablon Sud à Metz ; Saint-Éloy – Pré-Génie à Woippy ; Boileau, à cheval sur Metz
//! et Woippy") its names. The status comes from the sentence before the groups, else the
//! heading, else `prioritaire`.
//! Does not find: items with communes in parentheses (`quartiers.parenthesised`); a single group
//! ("Bellevue et Malakoff à Nantes", `quartiers.prose`); semicolon lists of partners.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    Known, PLACE, clean_name, communes, count_in, label, lists_something_else, plausible_name,
    quartier_paragraphs, speaks_of_quartiers, status_in, without_coda,
};
use super::{Item, List, emit};
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The semicolon-group rule.
pub struct SemicolonList;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.semicolon_list";

/// "à Lorient, names".
static COMMUNE_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^\s*[àÀ]\s+(?P<c>{PLACE})\s*,\s*(?P<names>.+?)\s*$"))
        .expect("valid regex")
});
/// "names à Metz", "name, à cheval sur Metz et Woippy".
static COMMUNE_LAST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?P<names>.+?)\s*,?\s+(?:à\s+cheval\s+sur|sur\s+les\s+communes\s+de|[àÀ])\s+(?P<c>{PLACE}(?:\s*(?:,|/|\bet\b)\s*{PLACE})*)\s*$"
    ))
    .expect("valid regex")
});
/// A verb introducing the names ("le contrat concerne", "il comprend").
static VERB: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^.*\b(?:concerne|concernent|comprend|comprennent|couvre|couvrent|retient|compte|regroupe|cible|vise)\s+").expect("valid regex")
});
static NAME_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*,\s*|\s+et\s+").expect("valid regex"));
static AT_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b[àÀ]\s+({PLACE})")).expect("valid regex"));
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.(?:\s+|$)").expect("valid regex"));

impl Rule for SemicolonList {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let known = Known::of(doc);
        for (para, heading) in quartier_paragraphs(doc) {
            let t = &text[para.clone()];
            if !t.contains(';') {
                continue;
            }
            let mut from = 0;
            let mut ends: Vec<usize> = SENTENCE_END.find_iter(t).map(|m| m.start()).collect();
            ends.push(t.len());
            for end in ends {
                if end < from {
                    continue;
                }
                let sentence = from..end;
                from = (end + 1).min(t.len());
                let s = &t[sentence.clone()];
                if !s.contains(';') || s.contains('(') {
                    continue;
                }
                // The groups start after the sentence's last colon before the first semicolon.
                let first_semi = s.find(';').unwrap_or(s.len());
                let body_start = s[..first_semi].rfind(':').map_or(0, |c| c + 1);
                let intro = &s[..body_start];
                if lists_something_else(intro) {
                    continue;
                }
                let Some(items) = groups(s, body_start, &known) else { continue };
                let status = status_in(intro)
                    .or_else(|| heading.and_then(status_in))
                    .unwrap_or(QuartierStatus::Prioritaire);
                let count = count_in(intro).or_else(|| heading.and_then(count_in));
                let at = para.start + sentence.start..para.start + sentence.start + body_start;
                let list = List {
                    status,
                    count,
                    label: label(intro).or_else(|| heading.and_then(label)),
                    at: if at.is_empty() { para.start..para.start + s.len() } else { at },
                };
                let base = para.start + sentence.start;
                let items = items
                    .into_iter()
                    .map(|mut it| {
                        it.range = base + it.range.start..base + it.range.end;
                        it
                    })
                    .collect();
                emit(doc, out, self.id(), &list, items);
            }
        }
    }
}

/// The items of the groups of `s` (from `body_start`), when every group names its commune and
/// there are at least two; ranges relative to `s`.
fn groups(s: &str, body_start: usize, known: &Known) -> Option<Vec<Item>> {
    // Bare names after a colon that speaks of quartiers take the introduction's commune, if
    // any ("situés à Brest : Bellevue ; Kerourien").
    let intro = &s[..body_start];
    let bare: Option<Vec<String>> = (body_start > 0 && speaks_of_quartiers(intro))
        .then(|| at_commune(intro, known).into_iter().collect());
    let mut items = Vec::new();
    let mut at = body_start;
    let mut n = 0;
    for group in s[body_start..].split(';') {
        let range = at..at + group.len();
        at += group.len() + 1;
        // "le quartier de la Tourre reste en veille active": a group's own status.
        let own_status = status_in(group);
        let group = without_coda(group);
        let (names, communes): (Vec<&str>, Vec<String>) =
            if let Some(c) = COMMUNE_FIRST.captures(group) {
                let (cm, names) = (c.name("c")?, c.name("names")?);
                let skip = VERB.find(names.as_str()).map_or(0, |m| m.end());
                (NAME_SEP.split(&names.as_str()[skip..]).collect(), communes(cm.as_str(), known)?)
            } else if let Some(c) = COMMUNE_LAST.captures(group) {
                let (names, cm) = (c.name("names")?, c.name("c")?);
                (NAME_SEP.split(names.as_str()).collect(), communes(cm.as_str(), known)?)
            } else if let Some(c) = &bare {
                // One name a group ("Arts et Fleurs" stays whole), but an enumeration with
                // commas ("A, B et C ; D").
                let names =
                    if group.contains(',') { NAME_SEP.split(group).collect() } else { vec![group] };
                (names, c.clone())
            } else {
                return None;
            };
        n += 1;
        for name in names {
            let name = clean_name(name);
            if !plausible_name(&name) || name.split_whitespace().count() > 6 {
                return None;
            }
            items.push(Item {
                range: range.start + leading_space(group)..range.start + group.len(),
                name,
                communes: communes.clone(),
                status: own_status,
            });
        }
    }
    (n >= 2).then_some(items)
}

/// The one commune an introduction names ("tous situés à Brest :").
fn at_commune(intro: &str, known: &Known) -> Option<String> {
    let found: Vec<String> = AT_PLACE
        .captures_iter(intro)
        .filter_map(|c| communes(c.get(1)?.as_str(), known))
        .flatten()
        .collect();
    match found.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

fn leading_space(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::quartiers::testing::{finds, none};

    #[test]
    fn communes_after_the_names() {
        finds(
            &SemicolonList,
            "Il concerne quatre quartiers : Nord, Vauban et Sud à Lille ; Alma à Roubaix ; Bourgogne, à cheval sur Tourcoing et Wattrelos.",
            &[
                "Nord @ Lille : prioritaire",
                "Vauban @ Lille : prioritaire",
                "Sud @ Lille : prioritaire",
                "Alma @ Roubaix : prioritaire",
                "Bourgogne @ Tourcoing/Wattrelos : prioritaire",
            ],
        );
    }

    #[test]
    fn a_summary_closing_the_groups_is_no_name() {
        finds(
            &SemicolonList,
            "Le contrat s'applique aux quartiers du territoire : à Vannes, Ménimur et Kercado ; à Séné, Kergrippe, soit trois quartiers et 9 000 habitants.",
            &[
                "Ménimur @ Vannes : prioritaire",
                "Kercado @ Vannes : prioritaire",
                "Kergrippe @ Séné : prioritaire",
            ],
        );
        // Nor is the verb the groups are the subject of; a capitalised "Est" is a name's.
        finds(
            &SemicolonList,
            "À Vannes, les quartiers Ménimur et Kercado sont concernés ; à Séné, Kergrippe Est.",
            &[
                "Ménimur @ Vannes : prioritaire",
                "Kercado @ Vannes : prioritaire",
                "Kergrippe Est @ Séné : prioritaire",
            ],
        );
        // Other words after a comma are no summary: the group is no list of names.
        none(
            &SemicolonList,
            "Le contrat s'applique aux quartiers du territoire : à Vannes, Ménimur et Kercado ; à Séné, Kergrippe, voir la carte jointe au contrat.",
        );
    }

    #[test]
    fn communes_before_the_names() {
        finds(
            &SemicolonList,
            "À Vannes, le contrat concerne le Ménimur et Kercado ; à Séné, Kergrippe.",
            &[
                "Ménimur @ Vannes : prioritaire",
                "Kercado @ Vannes : prioritaire",
                "Kergrippe @ Séné : prioritaire",
            ],
        );
    }

    #[test]
    fn the_heading_gives_the_status() {
        finds(
            &SemicolonList,
            "Quartiers en veille active\n\nLa Gare à Vierzon ; Le Clos à Bourges.",
            &["La Gare @ Vierzon : veille", "Le Clos @ Bourges : veille"],
        );
    }

    #[test]
    fn bare_names_take_the_commune_of_the_introduction() {
        finds(
            &SemicolonList,
            "Les trois quartiers prioritaires sont situés à Nantes : Bellevue ; Malakoff ; Les Dervallières.",
            &[
                "Bellevue @ Nantes : prioritaire",
                "Malakoff @ Nantes : prioritaire",
                "Les Dervallières @ Nantes : prioritaire",
            ],
        );
    }

    #[test]
    fn bare_names_without_commune() {
        finds(
            &SemicolonList,
            "Les quartiers prioritaires : Arts et Fleurs ; Le Buisson.",
            &["Arts et Fleurs @  : prioritaire", "Le Buisson @  : prioritaire"],
        );
        // An enumeration with commas in a group; a group with its own status.
        finds(
            &SemicolonList,
            "Trois quartiers sont retenus : Les Amandiers, La Source et Clos-Bruneau ; le quartier du Moulin reste en veille active.",
            &[
                "Les Amandiers @  : prioritaire",
                "La Source @  : prioritaire",
                "Clos-Bruneau @  : prioritaire",
                "Moulin @  : veille",
            ],
        );
    }

    #[test]
    fn a_demonym_names_the_town_of_the_items() {
        finds(
            &SemicolonList,
            "Le contrat de Brest métropole est signé. Trois quartiers brestois sont retenus : Bellevue, Kerourien et Pontanézen ; le quartier de Recouvrance reste en veille.",
            &[
                "Bellevue @ Brest : prioritaire",
                "Kerourien @ Brest : prioritaire",
                "Pontanézen @ Brest : prioritaire",
                "Recouvrance @ Brest : veille",
            ],
        );
        // A demonym of no town the text names, or a common adjective: no town.
        finds(
            &SemicolonList,
            "Trois quartiers anciens sont retenus : Bellevue, Kerourien et Pontanézen ; le quartier de Recouvrance reste en veille.",
            &[
                "Bellevue @  : prioritaire",
                "Kerourien @  : prioritaire",
                "Pontanézen @  : prioritaire",
                "Recouvrance @  : veille",
            ],
        );
    }

    #[test]
    fn not_a_list_of_quartiers() {
        none(&SemicolonList, "Les signataires : l'État à Paris ; la Région à Lille.");
        none(&SemicolonList, "Nous irons à Lille ; puis à Roubaix.");
        none(&SemicolonList, "Les quartiers : Bellevue (Nantes) ; Malakoff (Nantes).");
    }
}
