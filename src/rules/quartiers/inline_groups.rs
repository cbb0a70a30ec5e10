//! `quartiers.inline_groups`: a list of quartiers grouped by their commune whose line breaks
//! were lost, as a PDF's text reads on one long line: "... la liste des quartiers prioritaires :
//! Les Tilleuls à Castelbourg Le Moulin et Grand Pré à Vierzon Bel Air au Mesnil et à
//! Castelbourg ...".
//!
//! Finds, after a colon whose sentence speaks of quartiers, the run of groups "names à/au/aux
//! commune(s)", one after the other without separators: a group ends with its commune (the
//! longest run of capitalised words the gazetteer or the document knows as one, then more after
//! "et", "," or "/"), the next group's names start right after it. The names of a group are
//! split on "," and "et". The run ends at the first stretch that is not a group (a sentence, a
//! word that is not a commune after "à", a colon); it needs three groups to be read.
//! Does not find: lists under something else ("Les signataires :"), groups with a line break
//! between them (the line list reads those), "à" before a word that is not a commune.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    Known, clean_name, count_in, is_commune, label, last_sentence, lists_something_else,
    looks_like_sentence, plausible_name, speaks_of_quartiers, status_in,
};
use super::{Item, List, emit};
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The inline-groups rule.
pub struct InlineGroups;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.inline_groups";

/// How many groups a run needs to be read as a list.
const MIN_GROUPS: usize = 3;

/// "à", "au", "aux" before a capitalised word (or glued to it: "àTalence").
static AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|\s)(?:(?P<a>[àÀ])\s*|(?P<au>au|aux)\s+)\p{Lu}").expect("valid regex")
});
/// What joins two communes of one group: "et", "et à", ",", "/".
static JOIN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*(?:,|/)\s*|\s+et\s+(?:(?:à|au|aux)\s+)?)\p{Lu}").expect("valid regex")
});
/// What separates the names of one group.
static NAME_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*,\s*|\s+et\s+").expect("valid regex"));

impl Rule for InlineGroups {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let known = Known::of(doc);
        for (colon, _) in text.match_indices(':') {
            // The introduction starts after the line break or colon before it.
            let line_start = text[..colon].rfind(['\n', ':']).map_or(0, |i| i + 1);
            let intro = last_sentence(&text[line_start..colon]);
            if !speaks_of_quartiers(intro) || lists_something_else(intro) {
                continue;
            }
            let line_end = text[colon..].find('\n').map_or(text.len(), |i| colon + i);
            let items = groups(text, colon + 1..line_end, &known);
            let Some(first) = items.first() else { continue };
            let list = List {
                status: status_in(intro).unwrap_or(QuartierStatus::Prioritaire),
                label: label(intro),
                count: count_in(intro),
                at: colon - intro.len()..first.range.start,
            };
            emit(doc, out, self.id(), &list, items);
        }
    }
}

/// The items of the run of groups that opens `span` of `text`, when it holds at least
/// [`MIN_GROUPS`] groups; empty otherwise.
fn groups(text: &str, span: Range<usize>, known: &Known) -> Vec<Item> {
    let mut items = Vec::new();
    let mut count = 0;
    let mut from = span.start;
    while from < span.end {
        let rest = &text[from..span.end];
        let Some(at) = AT.captures(rest) else { break };
        let whole = at.get(0).expect("whole match");
        let names = &rest[..whole.start()];
        if names.contains([':', '.', ';', '(', ')']) || names.split_whitespace().count() > 10 {
            break;
        }
        let article = at.name("au").map(|a| if a.as_str() == "au" { "Le" } else { "Les" });
        let first = from + whole.end() - whole.as_str().chars().last().map_or(0, char::len_utf8);
        let Some((communes, end)) = commune_run(text, first..span.end, article, known) else {
            break;
        };
        let mut group = Vec::new();
        let mut at_name = from;
        for piece in NAME_SEP.split(names) {
            let offset = names[at_name - from..].find(piece).map_or(0, |i| i + at_name - from);
            let range = from + offset..from + offset + piece.len();
            at_name = range.end;
            let name = clean_name(piece);
            if !plausible_name(&name) || looks_like_sentence(piece) {
                group.clear();
                break;
            }
            group.push(Item { range, name, communes: communes.clone(), status: None });
        }
        if group.is_empty() {
            break;
        }
        items.extend(group);
        count += 1;
        from = end;
        // A list ends with its full stop.
        let after = text[from..span.end].trim_start();
        if after.starts_with(['.', ';']) {
            break;
        }
        from +=
            text[from..span.end].len() - text[from..span.end].trim_start_matches([',', ' ']).len();
    }
    if count < MIN_GROUPS {
        items.clear();
    }
    items
}

/// The communes that open `span` of `text` ("Castelbourg", "Bordeaux et Cenon", "Bègles,
/// Bordeaux", "Mérignac/Pessac", "Le Mesnil et à Castelbourg") with the end of the last; `None`
/// when the first is not a commune. `article` is the one "au"/"aux" stands for ("au Mesnil":
/// "Le Mesnil"). A commune after "," or "/" followed by "à" is the next group's name.
fn commune_run(
    text: &str,
    span: Range<usize>,
    article: Option<&str>,
    known: &Known,
) -> Option<(Vec<String>, usize)> {
    let (first, mut end) = commune_at(&text[span.start..span.end], article, known)?;
    let mut out = vec![first];
    end += span.start;
    while let Some(j) = JOIN.find(&text[end..span.end]) {
        let next = end + j.end() - j.as_str().chars().last().map_or(0, char::len_utf8);
        let Some((name, len)) = commune_at(&text[next..span.end], None, known) else { break };
        if AT.find(&text[next + len..span.end]).is_some_and(|m| m.start() == 0) {
            break;
        }
        out.push(name);
        end = next + len;
    }
    Some((out, end))
}

/// The commune that opens `rest`, and its length: the longest run of up to five words the
/// gazetteer knows as one (with `article` before it, when "au"/"aux" stood for it), else one word
/// the document names as a commune.
fn commune_at(rest: &str, article: Option<&str>, known: &Known) -> Option<(String, usize)> {
    let mut ends = Vec::new();
    let mut pos = 0;
    for word in rest.split(' ').take(5) {
        let cut = word.find(['/', '.', ',', ';', ':', ')', '(']).unwrap_or(word.len());
        if cut > 0 {
            ends.push(pos + cut);
        }
        if cut < word.len() {
            break;
        }
        pos += word.len() + 1;
    }
    let gazetteer =
        |n: &str| is_commune(n) || article.is_some_and(|a| is_commune(&format!("{a} {n}")));
    ends.iter()
        .rev()
        .find(|&&end| gazetteer(&rest[..end]))
        .or_else(|| ends.first().filter(|&&end| known.contains(&rest[..end])))
        .map(|&end| (rest[..end].to_owned(), end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::quartiers::testing::{finds, none};

    #[test]
    fn groups_run_on_after_the_colon() {
        finds(
            &InlineGroups,
            "Le décret fixe la liste des quartiers prioritaires : Les Tilleuls à Vierzon Le Moulin et Grand Pré à Bourges Bel Air au Bouscat et à Eysines La Source à Bordeaux et Cenon. La suite du texte.",
            &[
                "Les Tilleuls @ Vierzon : prioritaire",
                "Le Moulin @ Bourges : prioritaire",
                "Grand Pré @ Bourges : prioritaire",
                "Bel Air @ Bouscat/Eysines : prioritaire",
                "La Source @ Bordeaux/Cenon : prioritaire",
            ],
        );
    }

    #[test]
    fn veille_groups_with_commas() {
        finds(
            &InlineGroups,
            "Les quartiers en veille active : Les Prés, Bel Air à Bassens Le Port à Mérignac/Pessac Les Vignes à Floirac",
            &[
                "Les Prés @ Bassens : veille",
                "Bel Air @ Bassens : veille",
                "Le Port @ Mérignac/Pessac : veille",
                "Les Vignes @ Floirac : veille",
            ],
        );
    }

    #[test]
    fn not_short_runs_other_lists_or_prose() {
        none(
            &InlineGroups,
            "Les quartiers prioritaires : Les Tilleuls à Vierzon Le Moulin à Bourges. La suite.",
        );
        none(
            &InlineGroups,
            "Les signataires : La Région à Bordeaux La Ville à Bègles Le Port à Cenon",
        );
        none(
            &InlineGroups,
            "Les quartiers prioritaires : la Ville investit à Vierzon comme à Bourges et à Cenon.",
        );
    }
}
