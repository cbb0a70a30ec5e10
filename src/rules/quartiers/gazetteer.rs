//! `quartiers.gazetteer`: a quartier prioritaire of the official 2024 list
//! (`rules/gazetteer/qpv.tsv`) named anywhere in the document, in one of the communes the
//! document names, whatever the sentence around it: prose lists ("à savoir : A, B et C"), lists
//! cut mid-way, names given one by one across a page.
//!
//! Every key of the list (whole names and their parts, see [`crate::gazetteer::qpv`]) is
//! searched in one pass. A hit counts when:
//! - one of its QPVs lies in a commune the document names (the name written in the text), and
//!   only one such QPV does ("Centre-Ville" of two named towns is left to the list rules);
//! - it is written as a name (a capital or a digit first);
//! - a name made only of common words (`rules/quartiers/gazetteer_generic.txt`: "Centre",
//!   "Gare", "Bourg") or that is also the name of a commune of the same département comes
//!   right after "quartier", "QPV" or "secteur";
//! - it is not part of a street, a building or an organisation ("rue Jean Jaurès", "collège
//!   Jean Jaurès", `rules/quartiers/gazetteer_not_before.txt` before it), nor of a longer
//!   proper name ("Plaine Commune": a capitalised word right after it).
//!
//! Neighbouring parts of the same QPV ("Palmer - Saraillère - 8 mai 45") make one item, named
//! as written; its communes are those of the QPV written next to it on its line ("Benauge
//! (Bordeaux)", "BÈGLES | Dorat"), else those of the QPV the document names. The status comes from the sentence, else from the nearest heading or sentence
//! before that speaks of quartiers, else `prioritaire`. The item carries the QPV's code; the
//! resolve step drops it when a list rule read the same quartier.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{collapse, is_direction, status_in};
use crate::data;
use crate::gazetteer::{self, qpv};
use crate::record::{CommuneRef, Quartier, QuartierStatus};
use crate::rules::{Candidates, Doc, Rule, stretch_around};

/// The gazetteer rule.
pub struct Gazetteer;

pub(super) const ID: &str = "quartiers.gazetteer";

/// How far back (bytes) a heading or sentence gives the status of a hit.
const STATUS_REACH: usize = 600;

static GENERIC: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
    data::lines("quartiers/gazetteer_generic.txt").iter().map(|l| qpv::fold(l)).collect()
});

/// "quartier", "QPV", "secteur" right before a name, with its small words.
static CUE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:quartiers?|qpv|secteurs?|cités?)\s+(?:prioritaires?\s+)?(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?[«\x22]?\s*(?:(?:le|la|les|l')\s*)?$",
    )
    .expect("valid regex")
});

/// "cité 2", "cités 12-14": a cité known by its number.
static NUMBERED_CITE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^cités?\s+\d").expect("valid regex"));

/// "le quartier des", "quartiers de la": the noun itself right before a name.
static QUARTIER_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bquartiers?\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*$").expect("valid regex")
});

/// A street, a building or an organisation named after the same words.
static NOT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<String> = data::lines("quartiers/not_names.txt")
        .iter()
        .chain(data::lines("quartiers/gazetteer_not_before.txt").iter())
        .map(|w| regex::escape(w).replace(' ', r"\s+"))
        .collect();
    // "maison de l'enfance du Biollay": the building's own complement may stand between.
    Regex::new(&format!(
        r"(?i)\b(?:{})\s+(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*\p{{Ll}}[\p{{L}}-]+\s+)?(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?(?:(?:le|la|les|l')\s*)?$",
        words.join("|")
    ))
    .expect("valid regex")
});

/// How two parts of one QPV's name stand together in the text.
#[derive(Clone, Copy, PartialEq)]
enum Join {
    /// A dash or a slash, with an article before the next part ("Palmer - La Saraillère"):
    /// one name as written.
    Name,
    /// A comma or "et" ("Palmer, La Saraillère"): one name only when the group is closed by
    /// its commune in parentheses ("Palmer, La Saraillère, 8 mai 45 (Cenon)"); else names
    /// listed one by one ("les quartiers de Nantes (Bellevue, Malakoff, ...)").
    List,
}

/// What stands between two parts of one name, if they may make one.
fn joins_parts(between: &str) -> Option<Join> {
    let mut t = between.trim();
    for article in ["les", "le", "la", "l'", "Les", "Le", "La", "L'"] {
        if let Some(rest) = t.strip_suffix(article)
            && (rest.is_empty() || rest.ends_with([' ', ',', '-', '–', '—', '/']))
        {
            t = rest.trim_end();
            break;
        }
    }
    if t.is_empty() || t == "&" || t.chars().all(|c| matches!(c, '-' | '–' | '—' | '/')) {
        Some(Join::Name)
    } else if matches!(t, "," | "et" | ", et") {
        Some(Join::List)
    } else {
        None
    }
}

/// One item: its place, its QPV, the hits it joins and whether a comma or "et" joins them.
struct Found {
    range: std::ops::Range<usize>,
    qpv: &'static qpv::Qpv,
    parts: Vec<std::ops::Range<usize>>,
    listed: bool,
}

/// The pieces of `range` separated by a comma or "et", when the name's parts are written as a
/// list; `[range]` when they are not (or when the official name holds them: "Bois et Prés").
fn comma_parts(
    text: &str,
    range: std::ops::Range<usize>,
    official: &str,
) -> Vec<std::ops::Range<usize>> {
    let written = &text[range.clone()];
    if official.contains(',') || format!(" {} ", qpv::fold(official)).contains(" et ") {
        return vec![range];
    }
    let mut parts = Vec::new();
    let mut start = 0;
    for (i, sep) in written
        .match_indices([','])
        .map(|(i, _)| (i, 1))
        .chain(written.match_indices(" et ").map(|(i, _)| (i, 4)))
    {
        parts.push(start..i);
        start = i + sep;
    }
    parts.push(start..written.len());
    parts.sort_by_key(|r| r.start);
    parts
        .into_iter()
        .map(|r| {
            let piece = &written[r.clone()];
            let lead = piece.len() - piece.trim_start().len();
            let trail = piece.len() - piece.trim_end().len();
            range.start + r.start + lead..range.start + r.end - trail
        })
        .filter(|r| !r.is_empty())
        .collect()
}

/// The hit and its closing parenthesis when the hit, one whole name, is written as its first
/// part followed by the others in parentheses ("Bords de Loire (Courlis, la Baratte)", the
/// folded text matching the name "Bords de Loire - Courlis - La Baratte" through the
/// parenthesis); `None` otherwise (a commune in parentheses is not part of the hit).
fn parenthesised_parts(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let written = &text[range.clone()];
    let open = written.find('(')?;
    if written[..open].trim().is_empty() || written[open..].contains(')') {
        return None;
    }
    let rest = &text[range.end..];
    let close = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    rest[close..].starts_with(')').then(|| range.start..range.end + close + 1)
}

/// The items of the hits: a group of parts joined by commas stays one item when its commune
/// follows in parentheses, else each part is one.
fn one_item_per_name(text: &str, found: Vec<Found>) -> Vec<Found> {
    let mut out = Vec::new();
    for f in found {
        let closed = text[f.range.end..].trim_start_matches([' ', '\t']).starts_with('(');
        if !f.listed || closed {
            out.push(f);
            continue;
        }
        // Dash-joined runs inside the group stay whole.
        let mut run: Option<std::ops::Range<usize>> = None;
        for part in f.parts {
            match run.as_mut() {
                Some(r) if joins_parts(&text[r.end..part.start]) == Some(Join::Name) => {
                    r.end = part.end;
                }
                _ => {
                    if let Some(r) = run.replace(part) {
                        out.push(Found {
                            range: r.clone(),
                            qpv: f.qpv,
                            parts: vec![r],
                            listed: false,
                        });
                    }
                }
            }
        }
        if let Some(r) = run {
            out.push(Found { range: r.clone(), qpv: f.qpv, parts: vec![r], listed: false });
        }
    }
    out
}

impl Rule for Gazetteer {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let mut hits = qpv::find_qpvs(text);
        for hit in &mut hits {
            hit.range.start = after_lower_article(text, hit.range.clone());
            hit.range = whole_compound(text, hit.range.clone());
        }
        if hits.is_empty() {
            return;
        }
        let named = doc.named_communes();
        let named_in_text = |insee: &str| named.contains(insee);
        // Each hit, with the one QPV it stands for in the document's communes and how it reads.
        let read: Vec<Option<(&qpv::Qpv, Reading)>> = hits
            .iter()
            .map(|hit| {
                let here: Vec<&qpv::Named> = hit
                    .named
                    .iter()
                    .filter(|n| n.qpv.communes.iter().any(|c| named_in_text(c)))
                    .collect();
                let mut codes: Vec<&str> = here.iter().map(|n| n.qpv.code).collect();
                codes.dedup();
                let [code] = codes.as_slice() else { return None };
                let q = here.iter().find(|n| n.qpv.code == *code).map(|n| n.qpv)?;
                Some((q, acceptable(text, hit)))
            })
            .collect();
        let mut found: Vec<Found> = Vec::new();
        for (i, hit) in hits.iter().enumerate() {
            let Some((q, reading)) = read[i] else { continue };
            if reading == Reading::No
                || (reading == Reading::InList && !listed_beside_a_name(text, &hits, &read, i))
            {
                continue;
            }
            // A neighbouring part of the same QPV extends the item.
            if let Some(last) = found.last_mut()
                && last.qpv.code == q.code
                && let Some(join) = text.get(last.range.end..hit.range.start).and_then(joins_parts)
            {
                last.range.end = hit.range.end;
                last.parts.push(hit.range.clone());
                last.listed |= join == Join::List;
                continue;
            }
            // The name's first part with the others in parentheses after it ("Bords de Loire
            // (Courlis, la Baratte)"): the whole name, the sectors of its first part.
            if let Some(range) = parenthesised_parts(text, hit.range.clone()) {
                found.push(Found {
                    range: range.clone(),
                    qpv: q,
                    listed: false,
                    parts: vec![range],
                });
                continue;
            }
            // One hit written as a list of the name's parts ("Bellevue, Malakoff").
            let parts = comma_parts(text, hit.range.clone(), q.name);
            found.push(Found { range: hit.range.clone(), qpv: q, listed: parts.len() > 1, parts });
        }
        let found = one_item_per_name(text, found);
        // The status each QPV was first given: a later mention whose own sentence says none
        // keeps it (a status read in an earlier sentence is about something else then).
        let mut first: Vec<(&str, QuartierStatus)> = Vec::new();
        for i in 0..found.len() {
            let (range, q) = (found[i].range.clone(), found[i].qpv);
            let (status, own) = status_at(text, range.start);
            let status = match first.iter().find(|(code, _)| *code == q.code) {
                Some(&(_, earlier)) if !own => earlier,
                Some(_) => status,
                None => {
                    first.push((q.code, status));
                    status
                }
            };
            // The communes written next to the name ("Benauge (Bordeaux)", "BÈGLES | Dorat"),
            // else those of the QPV the document names.
            let next = found.get(i + 1).map_or(text.len(), |n| n.range.start);
            let prev = i.checked_sub(1).map_or(0, |p| found[p].range.end);
            let after = line_window(text, range.end, next, true);
            let before = line_window(text, prev, range.start, false);
            // Each commune with the name the window gives it: its own, else a former one the
            // page still uses ("Éragny" for Éragny-sur-Oise).
            let near = |window: &str| {
                let w = format!(" {} ", qpv::fold(window));
                q.communes
                    .iter()
                    .filter_map(|c| {
                        let c = gazetteer::current_commune(c)?;
                        qpv::names_of(c)
                            .find(|n| w.contains(&format!(" {} ", qpv::fold(n))))
                            .map(|n| (c.insee, n))
                    })
                    .collect::<Vec<(&str, &str)>>()
            };
            let mut insee = near(after);
            if insee.is_empty() {
                insee = near(before);
            }
            // Else those of the QPV its paragraph names ("les quartiers de Nantes (A, B)"): a
            // commune named only elsewhere in the document is not given for this quartier.
            if insee.is_empty() {
                // The line holding the hit: a paragraph of the normalised text.
                insee = near(&text[stretch_around(text, range.clone(), &['\n'])]);
            }
            let communes = insee
                .iter()
                .map(|(code, name)| CommuneRef {
                    name: (*name).to_owned(),
                    insee: Some((*code).to_owned()),
                })
                .collect();
            // Written with parentheses, the name is given as the list writes it.
            let written = collapse(&text[range.clone()]);
            let name = if written.contains('(') { q.name.to_owned() } else { written };
            out.quartiers.push(Quartier {
                name,
                communes,
                status,
                list: None,
                qpv_code: Some(q.code.to_owned()),
                qpv_link: Some(format!(
                    "{} of the 2024 list, in a commune the document names",
                    q.name
                )),
                evidence: doc.evidence(range, ID),
            });
        }
    }
}

/// Whether hit `i` is an item of a list whose item just before or after it is a known quartier
/// of the same commune ("Rodrigues, Agen nord-est et le Pin", "tous à Châteauroux : Beaulieu,
/// Saint-Jean et Vaugirard"): a comma or "et" between them, nothing else.
fn listed_beside_a_name(
    text: &str,
    hits: &[qpv::Hit],
    read: &[Option<(&qpv::Qpv, Reading)>],
    i: usize,
) -> bool {
    let Some((q, _)) = read[i] else { return false };
    let same_commune = |j: usize| {
        read.get(j).copied().flatten().is_some_and(|(other, reading)| {
            reading == Reading::Name
                && other.code != q.code
                && other.communes.iter().any(|c| q.communes.contains(c))
        })
    };
    let listed = |from: usize, to: usize| {
        text.get(from..to).is_some_and(|between| {
            !between.contains('\n') && joins_parts(between) == Some(Join::List)
        })
    };
    (i > 0 && same_commune(i - 1) && listed(hits[i - 1].range.end, hits[i].range.start))
        || (same_commune(i + 1) && listed(hits[i].range.end, hits[i + 1].range.start))
}

/// Whether a folded key is made of common words only (`gazetteer_generic.txt`), or too short
/// to tell.
pub(super) fn is_generic(key: &str) -> bool {
    GENERIC.contains(key) || key.chars().count() < 4
}

/// Whether a folded phrase is only the common words of quartiers' names ("centre ville",
/// "gare", `gazetteer_generic.txt`).
pub(super) fn is_common_place(key: &str) -> bool {
    GENERIC.contains(key.trim())
}

/// The text between `from` and `to` on the line of the hit, at most 60 bytes from the hit:
/// after it when `after`, else before it.
fn line_window(text: &str, from: usize, to: usize, after: bool) -> &str {
    if after {
        let end = text.floor_char_boundary(to.min(from + 60)).max(from);
        let seg = text.get(from..end).unwrap_or("");
        seg.split('\n').next().unwrap_or("")
    } else {
        let start = text.ceil_char_boundary(from.max(to.saturating_sub(60))).min(to);
        let seg = text.get(start..to).unwrap_or("");
        seg.rsplit('\n').next().unwrap_or("")
    }
}

/// Whether a hit reads as a quartier's name where it stands.
/// Where the name of a hit starts: after a leading article written in lower case ("les
/// Vauvettes" for the QPV "Les Vauvettes"), which belongs to the sentence ("à Dreux, les
/// Rochelles et les Bâtes"), when a capital follows it; else the hit's start.
fn after_lower_article(text: &str, range: Range<usize>) -> usize {
    let written = &text[range.clone()];
    let named = |rest: &str| rest.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit());
    // "les quartiers Ouest" for the QPV "Quartiers Ouest": the descriptor is half the name;
    // "le quartier de la Noue" for "Quartier de la Noue": the name is "Noue".
    if let Some(rest) = lower_descriptor(written) {
        if is_direction(rest) {
            return range.start + descriptor_at(written);
        }
        if named(rest) {
            return range.end - rest.len();
        }
    }
    ["les ", "le ", "la ", "l'", "l’"]
        .iter()
        .find_map(|article| {
            let rest = written.strip_prefix(article)?;
            named(rest).then(|| range.end - rest.len())
        })
        .unwrap_or(range.start)
}

/// Where "quartier(s)" starts in `written`, after a lower-case article.
fn descriptor_at(written: &str) -> usize {
    ["les ", "le ", "la ", "l'", "l’"]
        .iter()
        .find_map(|a| written.strip_prefix(a).map(|rest| written.len() - rest.len()))
        .unwrap_or(0)
}

/// What follows a lower-case "quartier(s)" (and its article and "de") that opens a hit, when
/// one does.
fn lower_descriptor(written: &str) -> Option<&str> {
    let rest = &written[descriptor_at(written)..];
    let rest = rest.strip_prefix("quartiers ").or_else(|| rest.strip_prefix("quartier "))?;
    Some(
        ["de la ", "de l'", "de l’", "du ", "des ", "de ", "d'", "d’"]
            .iter()
            .find_map(|de| rest.strip_prefix(de))
            .unwrap_or(rest),
    )
}

/// The whole compound a hit is glued into by hyphens, without spaces, when the glued words are
/// capitalised ("Polognes-Lutèce-Bergerie" around the QPV "Lutèce - Bergerie"): the writer names
/// one quartier by the joined names, and a part of it is no item of its own. A compound that is
/// a commune's name ("Fontaine-Les-Dijon") is left as found.
fn whole_compound(text: &str, range: Range<usize>) -> Range<usize> {
    let glued = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().all(char::is_alphabetic)
    };
    let mut start = range.start;
    while let Some(head) = text[..start].strip_suffix('-') {
        let word_start = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(head.len(), |(i, _)| i);
        if !glued(&head[word_start..]) {
            break;
        }
        start = word_start;
    }
    let mut end = range.end;
    while let Some(tail) = text[end..].strip_prefix('-') {
        let len = tail.find(|c: char| !c.is_alphabetic()).unwrap_or(tail.len());
        if !glued(&tail[..len]) {
            break;
        }
        end += 1 + len;
    }
    if (start, end) == (range.start, range.end)
        || !gazetteer::communes_named(&text[start..end]).is_empty()
    {
        return range;
    }
    start..end
}

/// How a hit reads where it stands.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Reading {
    /// Not a quartier's name here (lower case, a street, part of a longer name).
    No,
    /// A name of common words, or a commune's too ("le Pin", "Beaulieu"): a quartier only as
    /// an item of a list whose neighbouring item is a known quartier of the same commune.
    InList,
    /// A quartier's name.
    Name,
}

fn acceptable(text: &str, hit: &qpv::Hit) -> Reading {
    let written = &text[hit.range.clone()];
    let named = lower_descriptor(written).filter(|rest| is_direction(rest)).unwrap_or(written);
    let start = text.floor_char_boundary(hit.range.start.saturating_sub(60));
    let before = &text[start..hit.range.start];
    let before = before.rsplit('\n').next().unwrap_or(before);
    // In lower case, a name is the sentence's words, unless it is a numbered cité ("la cité
    // 2", a mining town's quartier) or the page writes the quartier it announces in lower case
    // ("le quartier des hauts de la ville").
    let lower_named = NUMBERED_CITE.is_match(named)
        || (QUARTIER_BEFORE.is_match(before) && !is_generic(&hit.key) && named.contains(' '));
    if !named.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) && !lower_named
    {
        return Reading::No;
    }
    if NOT_BEFORE.is_match(before) {
        return Reading::No;
    }
    // Part of a longer proper name ("Plaine Commune", an intercommunality): a capitalised word
    // right after it, other than a commune of its QPVs.
    let next: String = text[hit.range.end..]
        .strip_prefix(' ')
        .map(|rest| rest.chars().take_while(|c| c.is_alphabetic() || *c == '-').collect())
        .unwrap_or_default();
    if next.chars().next().is_some_and(char::is_uppercase)
        && !next.chars().all(char::is_uppercase)
        && !hit.named.iter().flat_map(|n| n.qpv.communes.iter()).any(|c| {
            gazetteer::commune(c).is_some_and(|c| qpv::fold(c.name).starts_with(&qpv::fold(&next)))
        })
    {
        return Reading::No;
    }
    if after_proper_word(before, hit) {
        return Reading::No;
    }
    let generic = is_generic(&hit.key);
    // A commune of the same name near the QPVs (same département) makes the name ambiguous;
    // one far away ("Le Dorat" for the Dorat of Bègles) does not.
    let departements: Vec<&str> = hit
        .named
        .iter()
        .flat_map(|n| n.qpv.communes.iter())
        .filter_map(|c| gazetteer::commune(c))
        .map(|c| c.departement)
        .collect();
    let commune =
        gazetteer::communes_named(written).iter().any(|c| departements.contains(&c.departement));
    if !(generic || commune) || CUE_BEFORE.is_match(before) {
        Reading::Name
    } else {
        Reading::InList
    }
}

/// Whether the hit ends a longer proper name ("Vallée de la Cèze Cévennes", "Haute Provence"):
/// a capitalised word right before it, within its sentence, that is neither an article, a cue
/// ("Quartier", "Cité"), a commune of its QPVs nor a word of their names.
fn after_proper_word(before: &str, hit: &qpv::Hit) -> bool {
    let Some(head) = before.strip_suffix(' ') else { return false };
    let word: &str = head.rsplit([' ', '\t', '(', '«', '"', '\'', '’']).next().unwrap_or("");
    let prior = head[..head.len() - word.len()].trim_end();
    if !word.chars().next().is_some_and(char::is_uppercase)
        || word.chars().all(|c| !c.is_lowercase())
        || !word.chars().all(|c| c.is_alphabetic() || c == '-')
        || prior.is_empty()
        || prior.ends_with(['.', ':', ';', '!', '?', '•', '-', '–', '—', '|', '>', '*', '#'])
    {
        return false;
    }
    let folded = qpv::fold(word);
    const SMALL: &[&str] = &["le", "la", "les", "l", "du", "des", "de", "d", "au", "aux", "a"];
    if SMALL.contains(&folded.as_str())
        || CUE_BEFORE.is_match(&format!("{word} "))
        || folded.starts_with("quartier")
    {
        return false;
    }
    let of_its_qpvs = hit.named.iter().any(|n| {
        format!(" {} ", qpv::fold(n.qpv.name)).contains(&format!(" {folded} "))
            || n.qpv
                .communes
                .iter()
                .filter_map(|c| gazetteer::commune(c))
                .any(|c| format!(" {} ", qpv::fold(c.name)).contains(&format!(" {folded} ")))
    });
    !of_its_qpvs
}

/// The status of a hit at `at`: its sentence's, else that of the nearest line or sentence
/// before that speaks of a status, else `prioritaire`; and whether its own sentence gave it.
fn status_at(text: &str, at: usize) -> (QuartierStatus, bool) {
    let start = text.floor_char_boundary(at.saturating_sub(STATUS_REACH));
    let before = &text[start..at];
    let end = text[at..].find(['\n', '.']).map_or(text.len(), |i| at + i);
    let sentence_start = before.rfind(['\n', '.']).map_or(start, |i| start + i + 1);
    if let Some(s) = status_in(&text[sentence_start..end]) {
        return (s, true);
    }
    let earlier = before.rsplit(['\n', '.']).skip(1).find_map(status_in);
    (earlier.unwrap_or(QuartierStatus::Prioritaire), false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::quartiers::testing::{finds, none};

    #[test]
    fn a_quartier_named_by_its_position_keeps_its_descriptor() {
        // The list writes "Quartiers Ouest" (Montélimar), "Quartiers Sud-Est" (Saint-Étienne).
        finds(
            &Gazetteer,
            "À Montélimar, les quartiers Ouest sont rejoints par le centre ancien.",
            &["quartiers Ouest @ Montélimar : prioritaire"],
        );
        finds(
            &Gazetteer,
            "Saint-Étienne retient Montreynaud et les Quartiers Sud-Est.",
            &[
                "Montreynaud @ Saint-Étienne : prioritaire",
                "Quartiers Sud-Est @ Saint-Étienne : prioritaire",
            ],
        );
        // A direction in lower case is the sentence's.
        none(&Gazetteer, "À Montélimar, les quartiers ouest de la ville sont plus anciens.");
    }

    #[test]
    fn a_number_is_found_in_digits_or_in_words() {
        // The list writes "Les 3 Fontaines" (Saint-Jean-de-la-Ruelle).
        for text in [
            "Le contrat couvre les 3 Fontaines (Saint-Jean-de-la-Ruelle) et ses abords.",
            "Le contrat couvre Les Trois Fontaines (Saint-Jean-de-la-Ruelle) et ses abords.",
            "Le contrat couvre les Trois Fontaines (Saint-Jean-de-la-Ruelle) et ses abords.",
        ] {
            let got = crate::rules::quartiers::testing::brief(
                &crate::rules::quartiers::testing::run_as(
                    &Gazetteer,
                    text,
                    crate::record::Format::Text,
                )
                .quartiers,
            );
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert!(got[0].contains("fontaines @ saint-jean-de-la-ruelle"), "{text}: {got:?}");
        }
        none(&Gazetteer, "Le parc de Saint-Jean-de-la-Ruelle a trois fontaines en panne.");
    }

    #[test]
    fn a_building_named_after_a_quartier_is_no_mention_of_it() {
        // "Biollay" is a part of the QPV "Biollay - Bellevue" of Chambéry.
        none(&Gazetteer, "À Chambéry, la signature a eu lieu à la maison de l'enfance du Biollay.");
        finds(
            &Gazetteer,
            "À Chambéry, les habitants du Biollay ont été consultés.",
            &["Biollay @ Chambéry : prioritaire"],
        );
    }

    #[test]
    fn a_later_mention_without_a_status_of_its_own_keeps_the_first_one() {
        finds(
            &Gazetteer,
            "À Chambéry, le contrat retient les Hauts-de-Chambéry. La résidence voisine était suivie en veille. Un membre du conseil citoyen des Hauts-de-Chambéry a parlé.",
            &[
                "Hauts-de-Chambéry @ Chambéry : prioritaire",
                "Hauts-de-Chambéry @ Chambéry : prioritaire",
            ],
        );
    }

    #[test]
    fn a_known_quartier_of_a_named_commune_is_found_in_prose() {
        finds(
            &Gazetteer,
            "À Floirac, le contrat s'appuie sur les habitants de Palmer - Saraillère - 8 mai 45 et de Jean Jaurès.",
            &[
                "palmer - saraillère - 8 mai 45 @ floirac : prioritaire",
                "jean jaurès @ floirac : prioritaire",
            ],
        );
    }

    #[test]
    fn the_status_comes_from_the_sentence_or_the_heading() {
        finds(
            &Gazetteer,
            "Quartiers en veille active\nÀ Floirac, Dravemont reste suivi.",
            &["dravemont @ floirac : veille"],
        );
    }

    #[test]
    fn a_linking_word_before_the_name_is_the_sentence_s() {
        // "pour", "dans", "depuis" open no street: the name after them is the quartier's.
        finds(
            &Gazetteer,
            "Le maire de Fort-de-France a signé pour Haut Dillon.",
            &["haut dillon @ fort-de-france : prioritaire"],
        );
        finds(
            &Gazetteer,
            "À Toulouse, les jeunes du Grand Mirail se retrouvent dans les Izards.",
            &["grand mirail @ toulouse : prioritaire", "izards @ toulouse : prioritaire"],
        );
        // A street or a building before it still is one.
        none(&Gazetteer, "À Toulouse, la réunion se tient au collège des Izards.");
    }

    #[test]
    fn a_numbered_cite_or_a_quartier_announced_in_lower_case() {
        finds(
            &Gazetteer,
            "À Lens, les habitants de la cité 2 ont été consultés.",
            &["cité 2 @ lens : prioritaire"],
        );
        finds(
            &Gazetteer,
            "À Toulouse, le quartier du grand mirail a été rénové.",
            &["grand mirail @ toulouse : prioritaire"],
        );
        // Without the noun before it, lower-case words are the sentence's.
        none(&Gazetteer, "À Toulouse, un grand mirail a été posé.");
    }

    #[test]
    fn a_name_glued_to_the_et_of_its_list_is_one() {
        // The page lost the tags and spaces around the names ("<b>A</b>et<b>B</b>"); the
        // ingest split the words at the capital only.
        finds(
            &Gazetteer,
            "À Toulouse, deux quartiers restent :Izardset Grand Mirail.",
            &["izards @ toulouse : prioritaire", "grand mirail @ toulouse : prioritaire"],
        );
    }

    #[test]
    fn not_without_its_commune_nor_as_a_street_or_a_common_word() {
        // The commune is not named.
        none(&Gazetteer, "Les habitants de Dravemont sont invités à la réunion.");
        // A street, and lower case.
        none(&Gazetteer, "La réunion a lieu rue Jean Jaurès, à Floirac, près de la saraillère.");
        // Part of a longer name.
        none(&Gazetteer, "À Floirac, l'association Dravemont Solidaire a ouvert ses portes.");
        // The end of a longer name (an intercommunality).
        none(&Gazetteer, "À Floirac, la communauté Rives Dravemont signe aussi.");
        finds(
            &Gazetteer,
            "À Floirac, Saraillère - Dravemont.",
            &["saraillère - dravemont @ floirac : prioritaire"],
        );
        // Parts listed one by one are as many quartiers.
        finds(
            &Gazetteer,
            "À Floirac, Palmer, Saraillère (Floirac) et Jean Jaurès.",
            &["palmer, saraillère @ floirac : prioritaire", "jean jaurès @ floirac : prioritaire"],
        );
        finds(
            &Gazetteer,
            "À Floirac, Saraillère, Dravemont et Jean Jaurès.",
            &[
                "saraillère @ floirac : prioritaire",
                "dravemont @ floirac : prioritaire",
                "jean jaurès @ floirac : prioritaire",
            ],
        );
    }

    #[test]
    fn the_commune_only_when_its_line_names_it() {
        finds(
            &Gazetteer,
            "Floirac est une commune de la métropole.\nLe contrat soutient Dravemont.",
            &["dravemont @  : prioritaire"],
        );
    }

    #[test]
    fn a_name_after_a_lower_case_article_of_the_sentence() {
        // The official name starts with its article; the sentence writes it in lower case.
        finds(
            &Gazetteer,
            "Le contrat porte sur deux quartiers : à Dreux, les Rochelles et Dunant ; à Vernouillet, les Vauvettes.",
            &[
                "rochelles @ dreux : prioritaire",
                "dunant @ dreux : prioritaire",
                "vauvettes @ vernouillet : prioritaire",
            ],
        );
        // Lower case all through is still no name.
        none(&Gazetteer, "À Vernouillet, les vauvettes du jardin public ont fleuri.");
    }

    #[test]
    fn the_other_parts_of_a_name_in_parentheses_after_its_first() {
        // "Rêpes - Montmarin - Grand Grésil" of Vesoul, its sectors given after its first part.
        finds(
            &Gazetteer,
            "À Vesoul, le contrat couvre les Rêpes (Montmarin, Grand Grésil) et rien d'autre.",
            &["rêpes - montmarin - grand grésil @ vesoul : prioritaire"],
        );
        finds(
            &Gazetteer,
            "Quartiers de Vesoul : les Rêpes ( Montmarin , Grand Grésil ).",
            &["rêpes - montmarin - grand grésil @ vesoul : prioritaire"],
        );
        // A commune in parentheses is no part of the name; a part alone stays as written.
        finds(
            &Gazetteer,
            "Le quartier des Rêpes (Vesoul) est le seul retenu.",
            &["rêpes @ vesoul : prioritaire"],
        );
    }

    #[test]
    fn a_renamed_commune_under_its_former_name() {
        // Éragny is now Éragny-sur-Oise: pages still write the short name.
        finds(
            &Gazetteer,
            "À Pontoise : Marcouville. À Éragny : les Dix Arpents.",
            &["marcouville @ pontoise : prioritaire", "dix arpents @ éragny : prioritaire"],
        );
        finds(
            &Gazetteer,
            "Le quartier des Dix Arpents, à Éragny-sur-Oise, entre dans la liste.",
            &["dix arpents @ éragny-sur-oise : prioritaire"],
        );
        none(&Gazetteer, "À Pontoise, les Dix Arpents de la ferme sont à vendre.");
    }

    #[test]
    fn a_common_or_commune_name_as_an_item_of_a_list_of_known_quartiers() {
        // "Pin" (Agen) is too short to stand alone, "Beaulieu" is also a commune of the Indre:
        // beside a known quartier of the same commune, in a list, each is one.
        finds(
            &Gazetteer,
            "À Agen, le contrat vise Rodrigues - Barleté et le Pin.",
            &["rodrigues - barleté @ agen : prioritaire", "pin @ agen : prioritaire"],
        );
        finds(
            &Gazetteer,
            "Les quartiers retenus, tous à Châteauroux : Beaulieu, Vaugirard, et Saint-Jean.",
            &[
                "beaulieu @ châteauroux : prioritaire",
                "vaugirard @ châteauroux : prioritaire",
                "saint-jean @ châteauroux : prioritaire",
            ],
        );
        // Alone, or beside a quartier only in a sentence that is no list, still not.
        none(&Gazetteer, "À Agen, le Pin parasol du square a été replanté.");
        finds(
            &Gazetteer,
            "Le préfet, venu de Beaulieu, a rencontré à Châteauroux les habitants de Vaugirard.",
            &["vaugirard @ châteauroux : prioritaire"],
        );
    }

    #[test]
    fn a_part_glued_into_a_longer_compound_is_read_whole() {
        // "Lutèce - Bergerie" is a QPV of Valenton; the page joins it to a neighbour's name.
        finds(
            &Gazetteer,
            "À Valenton, un quartier unique, Polognes-Lutèce-Bergerie, est retenu.",
            &["polognes-lutèce-bergerie @ valenton : prioritaire"],
        );
        finds(
            &Gazetteer,
            "À Valenton, le quartier Lutèce-Bergerie-Polognes est retenu.",
            &["lutèce-bergerie-polognes @ valenton : prioritaire"],
        );
        // Spaced dashes, or a lower-case word after the hyphen, leave the hit as it is.
        finds(
            &Gazetteer,
            "À Valenton, le quartier Lutèce-Bergerie - Polognes est retenu.",
            &["lutèce-bergerie @ valenton : prioritaire"],
        );
    }

    #[test]
    fn after_an_article_a_cue_or_its_own_words() {
        finds(
            &Gazetteer,
            "À Floirac, le Quartier Dravemont et la Cité Jean Jaurès.",
            &["dravemont @ floirac : prioritaire", "jean jaurès @ floirac : prioritaire"],
        );
    }
}
