//! `quartiers.commune_groups`: quartiers grouped under their commune, one group a heading or a
//! line.
//!
//! Finds, under a line about quartiers (one of the three lines above the first group: a heading,
//! a colon, a sentence such as "Quelque 9 000 habitants vivent dans les six quartiers
//! prioritaires :"), runs of groups that name their commune first:
//! - a commune on a line of its own ("Saint-Denis", "### Lens", "**À Liévin**", "Commune de
//!   Harnes :"), then its quartiers one a line ("Le Chaudron", "- Cité 12 ;");
//! - a commune and its quartiers on one line ("Lens : Cité 2, Cité 12 et Grande Résidence",
//!   "- À Liévin : Marichelles ; Vent de Bise", "Sur la commune de Harnes : Bellevue.").
//!
//! A line of its own is a commune when the gazetteer knows it and it is the run's first group,
//! or it carries heading marks, or the document names it as a commune elsewhere, or it shares a
//! département with the run's first commune: a quartier that bears a commune's name ("Primat",
//! "Colombier") stays an item. The status comes from the line about quartiers (else the heading
//! above it), else `prioritaire`.
//! Does not find: groups whose "commune" is not one ("Priorités : emploi, santé"); runs that are
//! not under a line about quartiers; lists of signatories by commune ("Les signataires :").

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    Known, PLACE, clean_name, collapse, count_in, departements, is_commune, label, line_ranges,
    lists_something_else, looks_like_sentence, plausible_name, speaks_of_quartiers, status_in,
};
use super::{Item, List, emit};
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The commune-groups rule.
pub struct CommuneGroups;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.commune_groups";

/// How many lines above the first group the line about quartiers may be.
const INTRO_REACH: usize = 3;

static BULLET: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:[-*•·▪◦–—+]|\d{1,2}[.)])\s+").expect("valid regex"));
/// Markdown heading and bold marks around a line.
static MARKS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:#{1,6}\s*)?(?:\*\*|__)?").expect("valid regex"));
/// What may stand before a commune: "À", "Commune de", "Sur la commune de", "Ville de".
const LOCATIVE: &str = r"(?:[àÀ]\s+|(?i:(?:sur|dans|pour)\s+la\s+(?:commune|ville)\s+(?:de\s+|d')|(?:commune|ville)\s+(?:de\s+|d')|pour\s+))";
/// A line that is only a commune (its marks stripped): "Lens", "À Lens :", "Commune de Lens".
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?P<loc>{LOCATIVE})?(?P<c>{PLACE})\s*(?:\*\*|__)?\s*(?P<colon>:)?$"))
        .expect("valid regex")
});
/// A commune (or two joined by "et", sharing the quartiers) and a colon opening its quartiers on
/// the same line: "À Lens : ", "Lens et Liévin : ".
static INLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:^|[;.]\s+)(?:\*\*|__)?(?P<loc>{LOCATIVE})?(?P<c>{PLACE}(?:\s+et\s+{PLACE})?)\s*(?:\*\*|__)?\s*:\s+"
    ))
    .expect("valid regex")
});
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.\s+\p{Lu}").expect("valid regex"));
static NAME_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*[,;]\s*|\s+et\s+").expect("valid regex"));

/// One line of a run.
#[derive(Debug)]
enum Line {
    /// A commune alone; `marked` when heading marks, a locative or a colon make it a heading.
    Heading { commune: String, marked: bool },
    /// A commune and its quartiers: `(name, range)`.
    Inline(Vec<(String, Vec<String>, Range<usize>)>),
    /// A quartier's name.
    Name(String),
}

impl Rule for CommuneGroups {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let known = Known::of(doc);
        let lines = line_ranges(text);
        let mut i = 0;
        while i < lines.len() {
            let Some(intro) = intro_above(text, &lines, i) else {
                i += 1;
                continue;
            };
            let (items, next) = run(text, &lines, i, &known);
            if items.is_empty() {
                i += 1;
                continue;
            }
            let intro_text = &text[lines[intro].clone()];
            let heading = intro
                .checked_sub(1)
                .map(|h| &text[lines[h].clone()])
                .filter(|h| h.split_whitespace().count() <= 12);
            let list = List {
                status: status_in(intro_text)
                    .or_else(|| heading.and_then(status_in))
                    .unwrap_or(QuartierStatus::Prioritaire),
                label: label(intro_text).or_else(|| heading.and_then(label)),
                count: count_in(intro_text).or_else(|| heading.and_then(count_in)),
                at: lines[intro].clone(),
            };
            emit(doc, out, self.id(), &list, items);
            i = next;
        }
    }
}

/// The line about quartiers among the few above line `i`, or line `i` itself ("À Lens : Cité 2
/// et Cité 12. À Liévin, les quartiers ..."), when line `i` may open a run.
fn intro_above(text: &str, lines: &[Range<usize>], i: usize) -> Option<usize> {
    (i.saturating_sub(INTRO_REACH)..=i).rev().find(|&k| {
        let t = &text[lines[k].clone()];
        speaks_of_quartiers(t) && !lists_something_else(t)
    })
}

/// The items of the run of groups that starts at line `first`, and the line after the run.
///
/// A run whose only commune stands unmarked on its line, and that the document names nowhere
/// else, is a list of names, not a group ("Bellevue", "Malakoff" under "Quartiers :").
fn run(text: &str, lines: &[Range<usize>], first: usize, known: &Known) -> (Vec<Item>, usize) {
    let mut items: Vec<Item> = Vec::new();
    let mut deps: Vec<&str> = Vec::new();
    // The current group's commune, how many items it has, and the heading's line.
    let mut current: Option<(String, usize, usize)> = None;
    let mut previous: Option<String> = None;
    let mut headings = 0;
    let mut sure = false;
    // The last line ended with a full stop: only a new group may follow.
    let mut stopped = false;
    let mut j = first;
    while let Some(range) = lines.get(j) {
        let Some(line) = read(text, range.clone(), known) else { break };
        if stopped
            && !matches!(&line, Line::Inline(_))
            && !matches!(&line, Line::Heading { commune, marked } if *marked || known.contains(commune))
        {
            break;
        }
        let opens = |c: &str, marked: bool, deps: &[&str]| {
            deps.is_empty()
                || marked
                || known.contains(c)
                || departements(c).iter().any(|d| deps.contains(d))
        };
        let empty = current.as_ref().is_some_and(|(_, n, _)| *n == 0);
        match line {
            Line::Heading { commune, marked } if opens(&commune, marked, &deps) => {
                if empty {
                    break;
                }
                sure |= marked || known.contains(&commune);
                headings += 1;
                deps.extend(departements(&commune));
                previous = current.take().map(|(c, ..)| c);
                current = Some((commune, 0, j));
            }
            Line::Inline(group) => {
                if empty {
                    break;
                }
                sure = true;
                headings += 1;
                for (name, communes, r) in group {
                    deps.extend(communes.iter().flat_map(|c| departements(c)));
                    items.push(Item { range: r, name, communes, status: None });
                }
                previous = None;
                current = None;
            }
            Line::Heading { commune: name, .. } | Line::Name(name) => {
                let Some((commune, n, at)) = current.as_mut() else { break };
                // The first item's evidence reaches back to its commune's heading.
                let start = if *n == 0 { lines[*at].start } else { range.start };
                *n += 1;
                items.push(Item {
                    range: start..range.end,
                    name,
                    communes: vec![commune.clone()],
                    status: None,
                });
            }
        }
        j += 1;
        stopped = text[range.clone()].trim_end().ends_with('.')
            && current.as_ref().is_none_or(|(_, n, _)| *n != 0);
    }
    // A last commune without items is the previous group's last quartier ("Saint-Pierre").
    if let Some((name, 0, at)) = current {
        headings -= 1;
        j = at;
        if let Some(commune) = previous {
            items.push(Item {
                range: lines[at].clone(),
                name,
                communes: vec![commune],
                status: None,
            });
            j = at + 1;
        }
    }
    if !sure && headings < 2 {
        return (Vec::new(), first + 1);
    }
    (items, j)
}

/// Reads one line of a run, or `None` when it ends the run (a sentence, an introduction).
fn read(text: &str, range: Range<usize>, known: &Known) -> Option<Line> {
    let line = &text[range.clone()];
    if line.trim_start().starts_with(['>', '|']) {
        return None;
    }
    let body_start = BULLET.find(line).map_or(0, |m| m.end());
    let marks = MARKS.find(&line[body_start..]).map_or(0, |m| m.end());
    let marked_by_marks = marks > 0;
    let body_at = body_start + marks;
    let body = line[body_at..].trim_end().trim_end_matches(['.', ';', ',']).trim_end();
    if let Some(c) = HEADING.captures(body)
        && let Some(cm) = c.name("c")
    {
        let commune = collapse(cm.as_str().trim_end_matches(['*', '_']));
        if is_commune(&commune) || known.is_town(&commune) {
            let marked = marked_by_marks || c.name("loc").is_some() || c.name("colon").is_some();
            return Some(Line::Heading { commune, marked });
        }
    }
    if line.trim_end().ends_with(':') {
        return None;
    }
    if let Some(group) = inline(&line[body_at..], range.start + body_at, known) {
        return Some(Line::Inline(group));
    }
    if looks_like_sentence(line) {
        return None;
    }
    let name = clean_name(body.trim_end_matches(['*', '_']));
    (plausible_name(&name) && name.split_whitespace().count() <= 8).then_some(Line::Name(name))
}

/// The groups of a line that names communes before colons ("Lens : Cité 2, Cité 12 ; À Liévin :
/// Marichelles"), every name with its range; `at` is where `body` starts in the text.
#[allow(clippy::type_complexity)]
fn inline(
    body: &str,
    at: usize,
    known: &Known,
) -> Option<Vec<(String, Vec<String>, Range<usize>)>> {
    let town = |c: &str| is_commune(c) || known.is_town(c);
    let heads: Vec<(usize, usize, Vec<String>)> = INLINE
        .captures_iter(body)
        .filter_map(|c| {
            let (all, cm) = (c.get(0)?, c.name("c")?);
            let whole = collapse(cm.as_str());
            // A commune whose name holds "et" stays one; else each of two joined must be one.
            let communes = if town(&whole) {
                vec![whole]
            } else {
                let parts: Vec<String> = whole.split(" et ").map(str::to_owned).collect();
                if parts.len() != 2 || !parts.iter().all(|p| town(p)) {
                    return None;
                }
                parts
            };
            Some((all.start(), all.end(), communes))
        })
        .collect();
    if heads.first().is_none_or(|(start, ..)| *start > 0) {
        return None;
    }
    let mut out = Vec::new();
    for (k, (_, names_start, communes)) in heads.iter().enumerate() {
        let names_end = heads.get(k + 1).map_or(body.len(), |(s, ..)| *s);
        let names = body[*names_start..names_end].trim_end();
        // The names end with their sentence.
        let names = SENTENCE_END.find(names).map_or(names, |m| &names[..m.start()]);
        let names = names.trim_end_matches(['.', ';', ',', ' ']);
        let mut from = *names_start;
        for piece in NAME_SEP.split(names) {
            let offset = body[from..].find(piece).map_or(from, |o| from + o);
            from = offset + piece.len();
            let name = clean_name(piece);
            if name.is_empty() {
                continue;
            }
            if !plausible_name(&name) || name.split_whitespace().count() > 6 {
                return None;
            }
            out.push((name, communes.clone(), at + offset..at + offset + piece.len()));
        }
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Format;
    use crate::rules::quartiers::testing::{finds, finds_as, none};

    #[test]
    fn communes_as_headings_over_names() {
        finds_as(
            &CommuneGroups,
            "Les quartiers\nPrès de 20 000 habitants vivent dans les cinq quartiers prioritaires de l'agglomération.\nCalais\nLe Beau-Marais\nFort-Nieulay\nBoulogne-sur-Mer\nTransition\nLe Chemin Vert\nSaint-Pierre\nLa signature a eu lieu en mairie.\n",
            Format::Html,
            &[
                "Le Beau-Marais @ Calais : prioritaire",
                "Fort-Nieulay @ Calais : prioritaire",
                "Transition @ Boulogne-sur-Mer : prioritaire",
                "Le Chemin Vert @ Boulogne-sur-Mer : prioritaire",
                "Saint-Pierre @ Boulogne-sur-Mer : prioritaire",
            ],
        );
    }

    #[test]
    fn a_quartier_named_like_a_far_commune_stays_an_item() {
        // "Primat" is a commune of the Ardennes, far from Lille and Roubaix.
        finds_as(
            &CommuneGroups,
            "Quartiers prioritaires\nLille\nMoulins\nPrimat\nRoubaix\nL'Alma\n",
            Format::Html,
            &[
                "Moulins @ Lille : prioritaire",
                "Primat @ Lille : prioritaire",
                "L'Alma @ Roubaix : prioritaire",
            ],
        );
    }

    #[test]
    fn markdown_headings_and_bullets() {
        finds_as(
            &CommuneGroups,
            "## Les quartiers en veille active\n\n### À Lens\n\n- Cité 12 ;\n- Grande Résidence.\n\n### À Liévin\n\n- Marichelles\n",
            Format::Markdown,
            &[
                "Cité 12 @ Lens : veille",
                "Grande Résidence @ Lens : veille",
                "Marichelles @ Liévin : veille",
            ],
        );
    }

    #[test]
    fn bold_communes_over_bullets() {
        finds_as(
            &CommuneGroups,
            "Les quartiers prioritaires du contrat :\n\n**Grenay**\n- Cité 5\n- Cité 11\n\n**Loos-en-Gohelle** :\n- Cité 12 - Cité des Provinces\n",
            Format::Markdown,
            &[
                "Cité 5 @ Grenay : prioritaire",
                "Cité 11 @ Grenay : prioritaire",
                "Cité 12 - Cité des Provinces @ Loos-en-Gohelle : prioritaire",
            ],
        );
    }

    #[test]
    fn a_commune_and_its_quartiers_on_one_line() {
        finds(
            &CommuneGroups,
            "Les quartiers prioritaires concernés sont :\n- Lens : Cité 2, Cité 12 et Grande Résidence ;\n- À Liévin : Marichelles ; Vent de Bise\n- Sur la commune de Harnes : Bellevue.\n",
            &[
                "Cité 2 @ Lens : prioritaire",
                "Cité 12 @ Lens : prioritaire",
                "Grande Résidence @ Lens : prioritaire",
                "Marichelles @ Liévin : prioritaire",
                "Vent de Bise @ Liévin : prioritaire",
                "Bellevue @ Harnes : prioritaire",
            ],
        );
        finds(
            &CommuneGroups,
            "La nouvelle géographie prioritaire compte trois quartiers :\nÀ Lens : Cité 2 et Cité 12 ; à Liévin : Marichelles.\n",
            &[
                "Cité 2 @ Lens : prioritaire",
                "Cité 12 @ Lens : prioritaire",
                "Marichelles @ Liévin : prioritaire",
            ],
        );
        // Two communes sharing a quartier; a lower-case housing word opening a name.
        finds(
            &CommuneGroups,
            "Le contrat retient quatre quartiers prioritaires :\n- Lens : Grande Résidence\n- Harnes et Loison-sous-Lens : Les Hauts de Loison\n- Liévin : cité Riaumont, Vent de Bise\n",
            &[
                "Grande Résidence @ Lens : prioritaire",
                "Les Hauts de Loison @ Harnes/Loison-sous-Lens : prioritaire",
                "cité Riaumont @ Liévin : prioritaire",
                "Vent de Bise @ Liévin : prioritaire",
            ],
        );
    }

    #[test]
    fn a_group_in_a_paragraph_about_quartiers() {
        finds(
            &CommuneGroups,
            "À Lens : Cité 2, Cité 12 et Grande Résidence. À Liévin, les quartiers Marichelles et Vent de Bise sont concernés.\n",
            &[
                "Cité 2 @ Lens : prioritaire",
                "Cité 12 @ Lens : prioritaire",
                "Grande Résidence @ Lens : prioritaire",
            ],
        );
    }

    #[test]
    fn not_groups_of_quartiers() {
        none(&CommuneGroups, "Les priorités du contrat :\nÉducation : Réussite éducative, CLAS\n");
        none(
            &CommuneGroups,
            "Les signataires des quartiers :\nLens : Sylvain Robert\nLiévin : Laurent Duporge\n",
        );
        none(&CommuneGroups, "Quartiers prioritaires\nLens\nLe contrat a été signé hier.\n");
        none(&CommuneGroups, "Il a visité Lens hier.\nLens\nCité 12\n");
    }
}
