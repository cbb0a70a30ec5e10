//! One list line holding several quartiers grouped by their commune: "Les Tilleuls, Le Moulin
//! et Grand Pré à Castelbourg", "Les Forges à Vierzon, la Gare à Vierzon/Mehun", "Le Bourg au
//! Mesnil et à Castelbourg". The line list reads such a line as several items, each with the
//! commune its group names.
//!
//! A line is read this way only when every commune after "à", "au" or "aux" is one (the
//! gazetteer's or the document's) and the line holds more than one name; a list cut at the end
//! of an excerpt ("La Gare, Le Bourg à") leaves its last names without a commune. "L'Épine, Les
//! Vignes" without a commune, or "Centre à Vierzon" (one name), is left to the line list's
//! other readings.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{Known, clean_name, communes, is_commune, plausible_name};

/// "à", "au", "aux" before a commune ("à Vierzon", "au Mesnil", "àVierzon" where a line break
/// was lost), optionally after "et" ("au Mesnil et à Castelbourg").
static AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s+(?:et\s+)?(?:(?P<a>[àÀ])\s*|(?P<au>au|aux)\s+)(?:\p{Lu}|$)")
        .expect("valid regex")
});
static NAME_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*,\s*|\s+et\s+").expect("valid regex"));

/// One name of the line: where it stands in `body` and its communes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Grouped {
    pub range: Range<usize>,
    pub name: String,
    pub communes: Vec<String>,
}

/// The names of `body` grouped by their commune, when it holds more than one (or one before "au"
/// or a glued "à") and every commune given is one; `None` otherwise.
pub(super) fn line_groups(body: &str, known: &Known) -> Option<Vec<Grouped>> {
    // "Les Forges àVierzon": a lost space the line list's other readings do not mend.
    let glued = AT
        .captures_iter(body)
        .any(|c| c.name("a").is_some_and(|a| !body[a.end()..].starts_with(char::is_whitespace)));
    let ats: Vec<(Range<usize>, Option<&str>)> = AT
        .captures_iter(body)
        .filter_map(|c| {
            let m = c.get(0)?;
            // The match ends on the commune's first letter, which is not the connective's.
            let end = m.end()
                - m.as_str().chars().last().filter(|c| c.is_uppercase()).map_or(0, char::len_utf8);
            let article = c.name("au").map(|a| if a.as_str() == "au" { "Le" } else { "Les" });
            Some((m.start()..end, article))
        })
        .collect();
    if ats.is_empty() {
        return None;
    }
    let mut out: Vec<Grouped> = Vec::new();
    // Where the current group's names start in `out`.
    let mut group = 0;
    let mut names_start = 0;
    for (k, (at, article)) in ats.iter().enumerate() {
        let limit = ats.get(k + 1).map_or(body.len(), |(next, _)| next.start);
        let seg = &body[at.end..limit.max(at.end)];
        // The commune runs to the comma that opens the next group, else to the next "à".
        let (commune_text, next_names) = match (k + 1 < ats.len(), seg.find(',')) {
            (true, Some(comma)) => (&seg[..comma], at.end + comma + 1),
            (true, None) => (seg, limit),
            (false, _) => (seg, body.len()),
        };
        let from = names_start.min(at.start);
        let found = commune_list(commune_text, *article, known)?;
        if body[from..at.start].trim().is_empty() {
            // "au Mesnil et à Castelbourg": more communes of the group before.
            if out.is_empty() {
                return None;
            }
            for g in &mut out[group..] {
                g.communes.extend(found.iter().cloned());
            }
        } else {
            group = out.len();
            for (range, name) in split_names(&body[from..at.start], from)? {
                out.push(Grouped { range, name, communes: found.clone() });
            }
        }
        names_start = next_names;
    }
    // One name is the other readings' affair, unless they cannot read its commune.
    let unusual = glued || ats.iter().any(|(_, article)| article.is_some());
    (out.len() > 1 || unusual && !out.is_empty()).then_some(out)
}

/// The communes after "à" ("Vierzon", "Vierzon/Mehun", "Metz et Woippy"), the article of "au",
/// "aux" put back ("au Mesnil": "Le Mesnil"); empty at the end of an excerpt; `None` when one is
/// not a commune.
fn commune_list(text: &str, article: Option<&str>, known: &Known) -> Option<Vec<String>> {
    if text.trim().trim_end_matches(['.', ';', ',']).trim().is_empty() {
        return Some(Vec::new());
    }
    let whole = text.trim().trim_end_matches(['.', ';', ',']).trim();
    let mut found = if is_commune(whole) || known.contains(whole) {
        vec![whole.to_owned()]
    } else {
        communes(text, known)?
    };
    if let (Some(article), Some(first)) = (article, found.first_mut()) {
        let with = format!("{article} {first}");
        if is_commune(&with) || known.contains(&with) {
            *first = with;
        }
    }
    found.iter().all(|c| is_commune(c) || known.contains(c)).then_some(found)
}

/// The names of a group ("Les Tilleuls, le Moulin et Grand Pré"), with their ranges shifted by
/// `base`; `None` when one is not a plausible name.
fn split_names(names: &str, base: usize) -> Option<Vec<(Range<usize>, String)>> {
    let mut out = Vec::new();
    let mut from = 0;
    let mut pieces: Vec<Range<usize>> = Vec::new();
    for m in NAME_SEP.find_iter(names) {
        pieces.push(from..m.start());
        from = m.end();
    }
    pieces.push(from..names.len());
    for piece in pieces {
        let raw = &names[piece.clone()];
        let lead = raw.len() - raw.trim_start().len();
        let range = base + piece.start + lead..base + piece.start + raw.trim_end().len();
        let name = clean_name(raw);
        if !plausible_name(&name) || name.split_whitespace().count() > 6 {
            return None;
        }
        out.push((range, name));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn reads(body: &str, expected: &[&str]) {
        let got: Vec<String> = line_groups(body, &Known::default())
            .unwrap_or_default()
            .iter()
            .map(|g| {
                assert_eq!(clean_name(&body[g.range.clone()]), g.name, "range of {}", g.name);
                format!("{} @ {}", g.name, g.communes.join("/"))
            })
            .collect();
        assert_eq!(got, expected, "{body:?}");
    }

    #[test]
    fn names_grouped_before_their_commune() {
        reads(
            "Les Tilleuls, le Moulin et Grand Pré à Vierzon",
            &["Les Tilleuls @ Vierzon", "Moulin @ Vierzon", "Grand Pré @ Vierzon"],
        );
        reads(
            "Les Forges à Vierzon, la Gare à Bourges/Vierzon",
            &["Les Forges @ Vierzon", "Gare @ Bourges/Vierzon"],
        );
    }

    #[test]
    fn au_puts_the_article_back_and_a_lost_space_is_read() {
        reads(
            "Champ Fleuri, La Source au Havre et à Montivilliers",
            &["Champ Fleuri @ Le Havre/Montivilliers", "La Source @ Le Havre/Montivilliers"],
        );
        reads("La Gare, Le Bourg àVierzon", &["La Gare @ Vierzon", "Le Bourg @ Vierzon"]);
        reads("Les Forges àVierzon", &["Les Forges @ Vierzon"]);
        reads("Les Forges au Havre et à Montivilliers", &["Les Forges @ Le Havre/Montivilliers"]);
        reads("Les Forges à Saint-Georges-sur-la-Prée", &[]);
        reads(
            "Les Forges, Le Bourg à Ambarès-et-Lagrave",
            &["Les Forges @ Ambarès-et-Lagrave", "Le Bourg @ Ambarès-et-Lagrave"],
        );
    }

    #[test]
    fn a_list_cut_at_the_end_keeps_its_names() {
        reads("Le Bourg, La Gare à", &["Le Bourg @ ", "La Gare @ "]);
    }

    #[test]
    fn other_lines_are_left_alone() {
        // One name, no commune, a commune that is none, a sentence.
        reads("Centre ancien à Vierzon", &[]);
        reads("L'Épine, Les Vignes", &[]);
        reads("La Gare, Le Bourg à Machinchose", &[]);
        reads("Les habitants, les associations et les élus à Vierzon", &[]);
    }
}
