//! `quartiers.line_list`: one quartier a line, under a heading or sentence about quartiers.
//!
//! Finds, after a line that ends with a colon or a Markdown heading, itself about quartiers (or
//! under a heading that is), the run of short lines that follow: "Name - Commune", "- **Name** —
//! Commune / Commune", "1. Name – Commune", "**Name** Commune" (the bold marks the name), "Name
//! (Commune)", or bare names ("Grand Parc ;") whose commune the introduction gives ("À
//! Hérouville-Saint-Clair, le contrat de ville couvre :", "tous situés à Brest :"). Only the last
//! dash before the commune is split, so names keep their own ("Cité 5 - Cité 11 - Grenay",
//! "Cévennes – Tamaris – Alès"); when some items of the run have no commune, a trailing segment
//! counts as one only when the document names it elsewhere or the run repeats it. The status
//! comes from the introduction, else the heading above it, else `prioritaire`.
//! A bulleted group ("- Grand Mirail :") is an item, and so are its nested items ("> Mirail
//! Université", "-- Reynerie").
//! A line of several names grouped by their commune ("La Gare, Le Bourg à Vierzon, Les Forges
//! à Bourges") gives one item a name ([`super::line_groups`]); an introduction cut by a line
//! break is read from the line where its sentence starts.
//! Does not find: lists introduced by something else ("Les signataires :", "Quatre priorités");
//! long lines (sentences).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::gazetteer::is_common_place;
use super::lexicon::{
    Known, PLACE, clean_name, collapse, communes, count_in, is_commune, label, line_ranges,
    lists_something_else, plausible_name, speaks_of_quartiers, status_in,
};
use super::line_groups::{Grouped, line_groups};
use super::{Item, List, emit};
use crate::names::fold;
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The line-list rule.
pub struct LineList;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.line_list";

/// A bullet; a round or square one may be glued to its item where a crawl lost the space
/// ("•les Planchettes").
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:(?:[-*•·▪◦–—+]|\d{1,2}[.)])\s+|[•▪◦]\s*)").expect("valid regex")
});
/// A nested item under a bulleted group: "> Name", "-- Name", "  - Name" after "- Group :".
static NESTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:>|--|o)\s+").expect("valid regex"));
static BOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\s*(?:[-*•]\s+)?(?:\*\*|__)(?P<b>[^*_]+?)(?:\*\*|__)\s*(?:[-–—:]\s*)?(?P<rest>.*)$",
    )
    .expect("valid regex")
});
static LAST_DASH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s[-–—]\s").expect("valid regex"));
/// A figure or a remark after the name: "Bellevue : 3 200 habitants", "Malakoff – 18 %",
/// "Le Bourg, nouvellement retenu".
static FIGURE_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\s*[:–—,]\s*|\s+-\s+)(?:(?:environ|près\s+de|plus\s+de)\s+)?(?:\d[\d\s.,]*\s*(?:habitants|hab\b|logements|résidents|personnes|ménages|%)|\p{Ll}{3,}\b).*$",
    )
    .expect("valid regex")
});
/// The other separators of a commune: "à" (after a comma or not), a comma, a spaced slash.
static OTHER_SPLIT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r",?\s+[àÀ]\s+|,\s+|\s/\s").expect("valid regex"));
static REMARK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*\(([^()]*)\)\s*$").expect("valid regex"));
static AT_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b[àÀ]\s+({PLACE})")).expect("valid regex"));

/// How an item line gives its commune.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Tail {
    /// No commune on the line.
    None,
    /// A bold name or a parenthesis: the communes are certain.
    Sure(Vec<String>),
    /// A last " - " segment that parses as communes: `whole` is the unsplit name.
    Maybe { communes: Vec<String>, whole: String },
    /// Several names grouped by their commune ("La Gare, Le Bourg à Vierzon"), ranges in the
    /// text.
    Groups(Vec<Grouped>),
}

#[derive(Debug, Clone)]
struct Line {
    range: Range<usize>,
    name: String,
    tail: Tail,
    /// The line ends with a full stop: the list ends with it.
    last: bool,
}

impl Rule for LineList {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let known = Known::of(doc);
        let lines: Vec<Range<usize>> = line_ranges(text);
        let mut i = 0;
        while i < lines.len() {
            let above = |h: usize| &text[lines[h].clone()];
            // An introduction cut by a line break ("... où s'appliquait la politique" over "de
            // la ville :") is read whole, from the line where its sentence starts.
            let joined = i.checked_sub(1).and_then(|h| continued(above(h), above(i)));
            let top = if joined.is_some() { i - 1 } else { i };
            let intro = joined.as_deref().unwrap_or(above(i));
            // The heading: the short line just above, else a Markdown heading a few lines up.
            let heading = top
                .checked_sub(1)
                .map(above)
                .filter(|h| h.split_whitespace().count() <= 12)
                .or_else(|| {
                    (top.saturating_sub(3)..top).rev().map(above).find(|h| h.starts_with('#'))
                });
            let colon = intro.trim_end().ends_with(':') || intro.trim_start().starts_with('#');
            // An HTML heading has lost its marks: a short line without final punctuation opens
            // a list too, when its items name their communes.
            let short_heading = intro.split_whitespace().count() <= 8
                && !intro.trim_end().ends_with(['.', ';', ',', '!', '?']);
            let about = speaks_of_quartiers(intro) || heading.is_some_and(speaks_of_quartiers);
            if !(colon || short_heading && speaks_of_quartiers(intro))
                || !about
                || lists_something_else(intro)
            {
                i += 1;
                continue;
            }
            let mut run: Vec<Line> = Vec::new();
            let mut j = i + 1;
            // A bulleted run ends at its first line without a bullet: the text goes on ("- A\n- B\n
            // Le secteur de C, au Tampon, sera suivi en veille active.").
            let bulleted = |range: &Range<usize>| {
                let line = &doc.text()[range.clone()];
                BULLET.is_match(line) || NESTED.is_match(line)
            };
            let bulleted_run = lines.get(j).is_some_and(bulleted);
            while let Some(range) = lines.get(j) {
                if !run.is_empty() && bulleted_run && !bulleted(range) {
                    break;
                }
                let Some(line) = item(doc, range.clone(), &known, !run.is_empty()) else { break };
                let last = line.last;
                run.push(line);
                j += 1;
                if last {
                    break;
                }
            }
            let with_communes = run.iter().filter(|l| l.tail != Tail::None).count();
            // Bare names under a heading that states a status ("Quartiers prioritaires"), itself
            // not one of a run of short lines (a menu): at least two short names.
            let after_text = top.checked_sub(1).is_none_or(|h| {
                let t = above(h);
                t.split_whitespace().count() > 8 || t.trim_end().ends_with(['.', '!', '?', ':'])
            });
            let names_under_status = status_in(intro).is_some()
                && after_text
                && run.len() >= 2
                && run.iter().all(|l| l.name.split_whitespace().count() <= 6);
            if run.is_empty()
                || !colon
                    && !names_under_status
                    && (with_communes < 2 || with_communes * 2 < run.len())
            {
                i += 1;
                continue;
            }
            let status = status_in(intro)
                .or_else(|| heading.and_then(status_in))
                .unwrap_or(QuartierStatus::Prioritaire);
            let count = count_in(intro).or_else(|| heading.and_then(count_in));
            let at_commune: Vec<String> = AT_PLACE
                .captures_iter(intro)
                .filter_map(|c| Some(collapse(c.get(1)?.as_str())))
                .collect();
            let list = List {
                status,
                count,
                label: label(intro).or_else(|| heading.and_then(label)),
                at: lines[i].clone(),
            };
            let items = decide(run, &known, at_commune.as_slice());
            emit(doc, out, self.id(), &list, items);
            i = j;
        }
    }
}

/// `prev` and `line` as one sentence, when `line` carries on the sentence of `prev` (it starts
/// in lower case after a line of several words without final punctuation).
fn continued(prev: &str, line: &str) -> Option<String> {
    let carries_on = line.chars().next().is_some_and(char::is_lowercase)
        && prev.split_whitespace().count() >= 6
        && !prev.trim_end().ends_with(['.', ':', ';', '!', '?'])
        && !prev.trim_start().starts_with('#');
    carries_on.then(|| format!("{} {}", prev.trim_end(), line.trim_start()))
}

/// Reads one line as a list item, or `None` when it is not one (a heading, a sentence, an
/// introduction).
fn item(doc: &Doc, range: Range<usize>, known: &Known, nested: bool) -> Option<Line> {
    let line = &doc.text()[range.clone()];
    // A bulleted group of a few words ("- Grand Mirail :") is an item whose parts follow as
    // nested items ("> Mirail Université"), once a run has started.
    let group = BULLET.is_match(line)
        && line.trim_end().ends_with(':')
        && line.split_whitespace().count() <= 6
        && !speaks_of_quartiers(line);
    if (line.trim_end().ends_with(':') && !group) || line.trim_start().starts_with(['#', '|']) {
        return None;
    }
    let (offset, body) = match BULLET.find(line).or_else(|| NESTED.find(line).filter(|_| nested)) {
        Some(m) => (m.end(), &line[m.end()..]),
        None if line.trim_start().starts_with('>') => return None,
        None => (0, line),
    };
    let body = if group { body.trim_end().trim_end_matches(':') } else { body };
    let trimmed = body.trim_end();
    let last = trimmed.ends_with('.') && !trimmed.ends_with("..");
    let body = trimmed.trim_end_matches(['.', ';', ',']).trim_end();
    // Several items on one line ("Beaulieu (Chartres) ; Les Clos (Chartres)") are the
    // semicolon and parenthesis rules' to split.
    if strip_remark(body).split_whitespace().count() > 14 || body.contains(';') {
        return None;
    }
    // A bold name in the Markdown source: the rest of the line is its communes. The clean line, from its start: the normalised view maps past a leading "**".
    let r = doc.norm.to_clean(range.clone());
    let line_start = doc.clean[..r.start].rfind('\n').map_or(0, |i| i + 1);
    let clean = &doc.clean[line_start..r.end];
    if let Some(c) = BOLD.captures(clean)
        && let (Some(b), Some(rest)) = (c.name("b"), c.name("rest"))
    {
        let rest = strip_remark(rest.as_str().trim().trim_end_matches(['.', ';', ',']).trim());
        let name = clean_name(b.as_str());
        if rest.is_empty() {
            return plausible_name(&name).then_some(Line { range, name, tail: Tail::None, last });
        }
        let communes = communes(rest, known)?;
        return plausible_name(&name).then_some(Line {
            range,
            name,
            tail: Tail::Sure(communes),
            last,
        });
    }
    if let Some(c) = REMARK.captures(body)
        && let (Some(all), Some(inner)) = (c.get(0), c.get(1))
    {
        let name = clean_name(&body[..all.start()]);
        let Some(communes) =
            communes(inner.as_str(), known).or_else(|| leading_communes(inner.as_str(), known))
        else {
            return bare(range, &body[..all.start()], known, last);
        };
        return plausible_name(&name).then_some(Line {
            range,
            name,
            tail: Tail::Sure(communes),
            last,
        });
    }
    if let Some(mut groups) = line_groups(body, known) {
        for g in &mut groups {
            g.range = range.start + offset + g.range.start..range.start + offset + g.range.end;
        }
        return Some(Line { range, name: clean_name(body), tail: Tail::Groups(groups), last });
    }
    bare(range, body, known, last)
}

/// A line without bold or parenthesis: "Name - Commune" or a bare name.
fn bare(range: Range<usize>, body: &str, known: &Known, last: bool) -> Option<Line> {
    let body = FIGURE_TAIL
        .find(body)
        .filter(|m| !place_part(m.as_str()))
        .map_or(body, |m| &body[..m.start()]);
    let whole = town_centre(body).unwrap_or_else(|| clean_name(body));
    let split = LAST_DASH.find_iter(body).last();
    let tail = split
        .and_then(|m| {
            let communes = communes(&body[m.end()..], known)?;
            let name = clean_name(&body[..m.start()]);
            plausible_name(&name).then_some((name, communes))
        })
        .or_else(|| {
            // "Bellevue, Nantes", "Les Dervallières à Nantes", "Château / Rezé": the commune
            // must be one.
            let m = OTHER_SPLIT.find_iter(body).last()?;
            let communes = communes(&body[m.end()..], known)?;
            if !communes.iter().all(|c| is_commune(c) || known.contains(c)) {
                return None;
            }
            let name = clean_name(&body[..m.start()]);
            plausible_name(&name).then_some((name, communes))
        });
    // A name and its communes may together be longer than a name alone.
    let plausible = plausible_name(&whole) || town_centre(&whole).is_some();
    if !plausible && (tail.is_none() || whole.split_whitespace().count() <= 12) {
        return None;
    }
    Some(match tail {
        Some((name, communes)) => Line { range, name, tail: Tail::Maybe { communes, whole }, last },
        None => {
            // A bare name is short: a longer line is a sentence.
            if whole.split_whitespace().count() > 7 {
                return None;
            }
            Line { range, name: whole, tail: Tail::None, last }
        }
    })
}

/// A town's centre written in lower case as an item ("le centre-ville ;", "le centre ancien"):
/// the name without its article, though names open with a capital elsewhere.
fn town_centre(body: &str) -> Option<String> {
    const CENTRES: [&str; 7] = [
        "centre ancien",
        "centre bourg",
        "centre historique",
        "centre ville",
        "coeur de ville",
        "coeur historique",
        "vieux centre",
    ];
    let name = collapse(body.trim().trim_end_matches(['.', ';', ',']).trim());
    let bare = ["le ", "la ", "l'", "l’"]
        .iter()
        .find_map(|a| name.strip_prefix(a))
        .unwrap_or(&name)
        .trim_start();
    CENTRES.contains(&fold(bare).as_str()).then(|| bare.to_owned())
}

/// The communes that open a parenthesis holding something else after them ("Saint-Herblain, 3
/// 200 habitants", "Rezé, QPV n° QN04402M").
fn leading_communes(inner: &str, known: &Known) -> Option<Vec<String>> {
    let first = inner.split([',', ';']).next()?;
    let found = communes(first, known)?;
    found.iter().all(|c| is_commune(c) || known.contains(c)).then_some(found)
}

/// Whether a lower-case tail after a dash is a part of the name made of the common words of
/// quartiers' names (`rules/quartiers/gazetteer_generic.txt`: "Cité Verte - centre-ville",
/// "Les Remparts – centre ancien"), not a remark ("Le Bourg - nouvellement retenu").
fn place_part(tail: &str) -> bool {
    let Some(rest) = tail.trim_start().strip_prefix(['-', '–', '—']) else { return false };
    is_common_place(&crate::gazetteer::qpv::fold(rest))
}

/// A trailing parenthesis that does not hold communes ("(nouvelle entrée dans ce contrat)").
fn strip_remark(s: &str) -> &str {
    match REMARK.captures(s).and_then(|c| c.get(0)) {
        Some(m) if !m.as_str().chars().nth(1).is_some_and(char::is_uppercase) => {
            s[..m.start()].trim()
        }
        _ => s,
    }
}

/// The items of a run: the last dash splits the commune off when every line has one, or when
/// the commune is known; bare names after a run of "Name - Commune" lines are headings, not
/// items; a name without commune takes the introduction's ("à Brest").
fn decide(run: Vec<Line>, known: &Known, intro_communes: &[String]) -> Vec<Item> {
    let n = run.len();
    let with = run.iter().filter(|l| l.tail != Tail::None).count();
    let all = with == n;
    let repeated = |c: &str| {
        run.iter()
            .filter(|l| match &l.tail {
                Tail::Maybe { communes, .. } | Tail::Sure(communes) => {
                    communes.iter().any(|x| fold(x) == fold(c))
                }
                Tail::Groups(groups) => {
                    groups.iter().flat_map(|g| &g.communes).any(|x| fold(x) == fold(c))
                }
                Tail::None => false,
            })
            .count()
            >= 2
    };
    let last_with = run.iter().rposition(|l| l.tail != Tail::None);
    let fallback: Vec<String> = match intro_communes {
        [one] => vec![one.clone()],
        _ => vec![],
    };
    let mut items = Vec::new();
    for (k, line) in run.iter().enumerate() {
        let (name, communes) = match &line.tail {
            Tail::Groups(groups) => {
                items.extend(groups.iter().map(|g| Item {
                    range: g.range.clone(),
                    name: g.name.clone(),
                    communes: g.communes.clone(),
                    status: None,
                }));
                continue;
            }
            Tail::Sure(c) => (line.name.clone(), c.clone()),
            Tail::Maybe { communes, whole } => {
                // Every line with a dash: the last parts are communes if the gazetteer knows
                // them ("Boucan – Cadet – Conodor" names no commune).
                if communes.iter().all(|c| known.contains(c) || repeated(c) || all && is_commune(c))
                {
                    (line.name.clone(), communes.clone())
                } else {
                    (whole.clone(), fallback.clone())
                }
            }
            Tail::None => {
                if with * 2 >= n && last_with.is_some_and(|l| k > l) {
                    continue;
                }
                (line.name.clone(), fallback.clone())
            }
        };
        items.push(Item { range: line.range.clone(), name, communes, status: None });
    }
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Format;
    use crate::rules::quartiers::testing::{finds, finds_as, none, run_as};

    #[test]
    fn dash_lines_under_a_sentence() {
        finds(
            &LineList,
            "Le contrat retient quatre quartiers prioritaires :\nLes Chênes – Nîmes\nPissevin – Valdegour – Nîmes\nCentre ancien – Beaucaire\nLa Moulinelle – Beaucaire\n",
            &[
                "Les Chênes @ Nîmes : prioritaire",
                "Pissevin – Valdegour @ Nîmes : prioritaire",
                "Centre ancien @ Beaucaire : prioritaire",
                "La Moulinelle @ Beaucaire : prioritaire",
            ],
        );
    }

    #[test]
    fn a_last_dash_part_that_is_no_commune_stays_in_the_name() {
        finds(
            &LineList,
            "À Capesterre, le contrat retient deux quartiers prioritaires :\n1. Bourg – Marigot – \
             Fonds Cacao\n2. Moulin – Belair – Routhiers\n",
            &[
                "Bourg – Marigot – Fonds Cacao @ Capesterre : prioritaire",
                "Moulin – Belair – Routhiers @ Capesterre : prioritaire",
            ],
        );
    }

    #[test]
    fn a_lower_case_place_part_after_a_dash_belongs_to_the_name() {
        finds(
            &LineList,
            "À Dole, le contrat retient deux quartiers :\n- Les Mesnils Pasteur - centre-ville ;\n- La Bedugue – centre ancien.\n",
            &[
                "Les Mesnils Pasteur - centre-ville @ Dole : prioritaire",
                "La Bedugue – centre ancien @ Dole : prioritaire",
            ],
        );
        // A remark after the dash is still no part of the name.
        finds(
            &LineList,
            "À Dole, le contrat retient deux quartiers :\n- Les Mesnils Pasteur - nouvellement retenu ;\n- La Bedugue - gare.\n",
            &["Les Mesnils Pasteur @ Dole : prioritaire", "La Bedugue - gare @ Dole : prioritaire"],
        );
    }

    #[test]
    fn a_town_centre_in_lower_case_is_an_item() {
        finds(
            &LineList,
            "Les quartiers prioritaires, tous situés à Dole :\n- le centre-ville ;\n- Mesnils Pasteur.\n",
            &["centre-ville @ Dole : prioritaire", "Mesnils Pasteur @ Dole : prioritaire"],
        );
        // Another lower-case line still ends the run.
        finds(
            &LineList,
            "Les quartiers prioritaires, tous situés à Dole :\n- Mesnils Pasteur ;\n- le port.\n",
            &["Mesnils Pasteur @ Dole : prioritaire"],
        );
    }

    #[test]
    fn a_bulleted_run_ends_at_a_line_without_a_bullet() {
        finds(
            &LineList,
            "Trois quartiers prioritaires sont retenus à Dole :\n- Mesnils Pasteur\n- La Bedugue\n\
             Le secteur des Paters, à Dole, sera suivi\n",
            &["Mesnils Pasteur @ Dole : prioritaire", "La Bedugue @ Dole : prioritaire"],
        );
    }

    #[test]
    fn bullets_glued_to_their_items_by_a_crawl() {
        finds(
            &LineList,
            "Le contrat de ville couvre à Dole deux quartiers :\n•les Mesnils Pasteur ;\n▪La Bedugue.\n",
            &["Mesnils Pasteur @ Dole : prioritaire", "La Bedugue @ Dole : prioritaire"],
        );
    }

    #[test]
    fn markdown_bold_lines_and_bullets() {
        finds_as(
            &LineList,
            "### 3 quartiers sur 4 villes\n\n**Cité 5 - Cité 11** - Grenay/ Douvrin\n\n**La Rotonde** Lens\n\n**Du 4/6** - Méricourt / Harnes (*nouvelle entrée*)\n",
            Format::Markdown,
            &[
                "Cité 5 - Cité 11 @ Grenay/Douvrin : prioritaire",
                "La Rotonde @ Lens : prioritaire",
                "Du 4/6 @ Méricourt/Harnes : prioritaire",
            ],
        );
        finds_as(
            &LineList,
            "Les quartiers prioritaires de la métropole :\n\n- **Le Mirail** — Toulouse\n- **Bagatelle** — Toulouse\n",
            Format::Markdown,
            &["Le Mirail @ Toulouse : prioritaire", "Bagatelle @ Toulouse : prioritaire"],
        );
    }

    #[test]
    fn bare_names_take_the_commune_of_the_introduction() {
        finds(
            &LineList,
            "Deux quartiers\nÀ Saint-Lô, le contrat de ville couvre :\nLa Dollée ;\nLe Val – Saint-Georges.\nCes quartiers regroupent 5 000 habitants.\n",
            &[
                "La Dollée @ Saint-Lô : prioritaire",
                "Le Val – Saint-Georges @ Saint-Lô : prioritaire",
            ],
        );
    }

    #[test]
    fn veille_list_and_count_warning() {
        let out = run_as(
            &LineList,
            "Cinq quartiers en veille active :\n1. Les Pins - Agde\n2. La Plage - Agde\n",
            Format::Text,
        );
        assert_eq!(
            crate::rules::quartiers::testing::brief(&out.quartiers),
            ["les pins @ agde : veille", "la plage @ agde : veille"]
        );
        assert_eq!(out.warnings.len(), 1, "5 announced, 2 listed");
    }

    #[test]
    fn a_heading_without_colon_opens_a_list_of_names_with_communes() {
        finds_as(
            &LineList,
            "Les quartiers prioritaires\nLe Mirail – Toulouse\nBagatelle – Toulouse\nLe programme d'actions\n",
            Format::Html,
            &["Le Mirail @ Toulouse : prioritaire", "Bagatelle @ Toulouse : prioritaire"],
        );
        none(&LineList, "Les quartiers\nLe Mirail\nBagatelle\n");
        none(&LineList, "Accueil\nQuartiers prioritaires\nContrat de ville\nConseils citoyens\n");
    }

    #[test]
    fn a_heading_with_a_status_opens_a_list_of_bare_names() {
        finds_as(
            &LineList,
            "Le contrat a été signé le 3 mai.\nLes quartiers prioritaires\nLe Mirail\nBagatelle\nLa Reynerie\nLe contrat prévoit des actions pour l'emploi des jeunes.\n",
            Format::Html,
            &[
                "Le Mirail @  : prioritaire",
                "Bagatelle @  : prioritaire",
                "La Reynerie @  : prioritaire",
            ],
        );
    }

    #[test]
    fn item_shapes_with_their_commune() {
        finds(
            &LineList,
            "Les quartiers prioritaires concernés sont :\n- Bellevue, Nantes\n- Les Dervallières à Nantes\n- Malakoff et Pré Gauchet, à Nantes\n- Château / Rezé\n- Le Sillon (Saint-Herblain, 3 200 habitants)\n- Plaisance – Orvault (QPV n° QN04407M)\n",
            &[
                "Bellevue @ Nantes : prioritaire",
                "Les Dervallières @ Nantes : prioritaire",
                "Malakoff et Pré Gauchet @ Nantes : prioritaire",
                "Château @ Rezé : prioritaire",
                "Le Sillon @ Saint-Herblain : prioritaire",
                "Plaisance @ Orvault : prioritaire",
            ],
        );
        finds(
            &LineList,
            "Les QPV retenus :\n1. Les Hauts de Saint-Aubin (Angers)\n2. Monplaisir (Angers)\n3. Cité 4/6 – Lens\n",
            &[
                "Les Hauts de Saint-Aubin @ Angers : prioritaire",
                "Monplaisir @ Angers : prioritaire",
                "Cité 4/6 @ Lens : prioritaire",
            ],
        );
    }

    #[test]
    fn figures_and_remarks_after_the_name() {
        finds(
            &LineList,
            "Quartiers prioritaires :\n- Bellevue : 3 200 habitants\n- Malakoff – 18 %\n- Le Bourg, nouvellement retenu\n- Le Val-d'Ajol\n- Centre-ville\n",
            &[
                "Bellevue @  : prioritaire",
                "Malakoff @  : prioritaire",
                "Le Bourg @  : prioritaire",
                "Le Val-d'Ajol @  : prioritaire",
                "Centre-ville @  : prioritaire",
            ],
        );
    }

    #[test]
    fn names_that_hold_dashes_slashes_and_commas_stay_whole() {
        finds(
            &LineList,
            "Quartiers prioritaires :\n- Cité 5 / Cité 11\n- Sainte-Anne – Saint-Joseph\n- L'Épine, Les Vignes\n",
            &[
                "Cité 5 / Cité 11 @  : prioritaire",
                "Sainte-Anne – Saint-Joseph @  : prioritaire",
                "L'Épine, Les Vignes @  : prioritaire",
            ],
        );
    }

    #[test]
    fn statuses_of_list_introductions() {
        finds(
            &LineList,
            "Les cinq quartiers prioritaires, dont deux inscrits au NPNRU :\n- Bellevue – Nantes\n- Malakoff – Nantes\n",
            &["Bellevue @ Nantes : prioritaire", "Malakoff @ Nantes : prioritaire"],
        );
        finds(
            &LineList,
            "Quartiers sortants :\n- La Gare – Vierzon\n- Le Bourg – Vierzon\n",
            &["La Gare @ Vierzon : autre", "Le Bourg @ Vierzon : autre"],
        );
        finds(
            &LineList,
            "Quartiers sortants, maintenus en veille active :\n- La Gare – Vierzon\n",
            &["La Gare @ Vierzon : veille"],
        );
        finds(
            &LineList,
            "Les territoires de veille :\n- La Gare – Vierzon\n",
            &["La Gare @ Vierzon : veille"],
        );
        finds(
            &LineList,
            "## Géographie prioritaire\n\nSont concernés :\n\n- La Gare – Vierzon\n",
            &["La Gare @ Vierzon : prioritaire"],
        );
    }

    #[test]
    fn equipment_streets_and_menus_are_not_quartiers() {
        finds(
            &LineList,
            "Les quartiers prioritaires :\n- Bellevue – Nantes\n- Maison de quartier Bellevue – Nantes\n- Rue de la Gare – Nantes\n",
            &["Bellevue @ Nantes : prioritaire"],
        );
        none(&LineList, "Nos quartiers :\nAccueil\nActualités\nContact\n");
    }

    #[test]
    fn a_line_of_several_items_is_not_one_item() {
        none(
            &LineList,
            "Le protocole reprend les quartiers prioritaires :\nLa Gare (Vierzon) ; Le Bourg (Vierzon) ; Les Forges (Vierzon) ;\nChaillot (Vierzon).\n",
        );
    }

    #[test]
    fn lists_of_something_else() {
        none(&LineList, "Les partenaires signataires des quartiers :\nl'État ;\nla Région ;\n");
        none(
            &LineList,
            "## Quatre priorités\n\n- Emploi et insertion : rapprocher les habitants.\n",
        );
        none(&LineList, "Contact :\nSandrine Durand – 02 32 76 50 14\n");
    }

    #[test]
    fn an_introduction_cut_by_a_line_break_and_lines_of_grouped_names() {
        finds(
            &LineList,
            "Le contrat couvre aussi les territoires de veille où s'appliquait jusqu'ici la politique\nde la ville :\nLes Forges, Le Bourg à Vierzon\nLa Gare et les Tilleuls à Bourges, le Moulin à Mehun-sur-Yèvre\nChamp Fleuri à Vierzon.\n",
            &[
                "Les Forges @ Vierzon : veille",
                "Le Bourg @ Vierzon : veille",
                "La Gare @ Bourges : veille",
                "Tilleuls @ Bourges : veille",
                "Moulin @ Mehun-sur-Yèvre : veille",
                "Champ Fleuri @ Vierzon : veille",
            ],
        );
        // A lower-case line after a list item is not the rest of an introduction.
        none(&LineList, "- Les Forges à Vierzon\nde la ville :\nLa Gare, Le Bourg à Vierzon\n");
    }

    #[test]
    fn a_group_and_its_nested_items_stay_in_the_run() {
        finds(
            &LineList,
            "À Castelbourg, cinq quartiers relèvent du dispositif :\n- Grand Pré :\n> Pré Haut\n> Pré Bas\n- Les Tilleuls\n- Le Moulin\n",
            &[
                "grand pré @ castelbourg : prioritaire",
                "pré haut @ castelbourg : prioritaire",
                "pré bas @ castelbourg : prioritaire",
                "les tilleuls @ castelbourg : prioritaire",
                "le moulin @ castelbourg : prioritaire",
            ],
        );
        // A quotation after a list is not an item of it.
        finds(
            &LineList,
            "À Castelbourg, les quartiers prioritaires :\n- Les Tilleuls\n- Le Moulin\n\n> « Nous attendions ce contrat depuis longtemps », dit une habitante.\n",
            &["les tilleuls @ castelbourg : prioritaire", "le moulin @ castelbourg : prioritaire"],
        );
    }
}
