//! The family's resolve step: one item per place, and a commune for a quartier named without
//! one.
//!
//! Two rules may read the same words ("le quartier « Chasse royale » (Valenciennes)" is a
//! parenthesised item and a prose mention): the list rules win over prose, and among list rules
//! the more structured one (commune groups, table, then line list, then parentheses, then
//! semicolon groups); a commune group replaces any other reading of its lines (its commune
//! heading read as a quartier). A quartier without a commune takes, in order: the commune of
//! the same name listed elsewhere; the commune opening its sentence ("À Lens, les quartiers A
//! et B"); the commune of the quartier listed just before it when the sentence uses its demonym
//! ("Les sept quartiers sont situés à Brest : ... Deux autres quartiers brestois, Kérinou et
//! ..."); the only town the document names ("maire d'Alès", "À Alès, ..."), when no quartier of
//! the document names its commune.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{Known, PLACE, collapse, count_in, is_commune};
use crate::gazetteer::qpv::fold as qpv_fold;
use crate::names::fold;
use crate::record::{CommuneRef, Quartier, QuartierStatus};
use crate::rules::{Candidates, Doc, stretch_around};

/// How far back (bytes) a quartier without commune looks for the one listed before it.
const INHERIT_REACH: usize = 300;

/// Rank of a rule: lower wins when two items overlap.
fn rank(rule: &str) -> u8 {
    match rule {
        super::code_rows::ID => 0,
        super::commune_groups::ID => 1,
        super::table::ID => 2,
        super::line_list::ID => 3,
        super::parenthesised::ID => 4,
        super::semicolon_list::ID => 5,
        super::gazetteer::ID => 7,
        _ => 6,
    }
}

fn overlap(a: &Quartier, b: &Quartier) -> bool {
    let (a, b) = (a.evidence.span, b.evidence.span);
    a[0] < b[1] && b[0] < a[1]
}

/// Whether `better` (of a better rank) overlapping `worse` replaces it: the same name, or a
/// prose mention, or any reading of lines that a commune group or a table row explains (its
/// commune heading read as a quartier by a line list, a cell's names read as one), or a row that
/// a QPV code opens.
fn replaces(better: &Quartier, worse: &Quartier) -> bool {
    // A hit spelling a whole official name is not replaced by a list item holding a part of it
    // ("les Bords de Loire (Courlis, la Baratte)" listed as "Bords de Loire"): the item takes
    // the whole name (see [`drop_read_elsewhere`]).
    let part_of_whole = || {
        official_name(worse).is_some_and(|full| {
            let name = qpv_fold(&better.name);
            strict_part(&full, &name)
        })
    };
    overlap(better, worse)
        && !part_of_whole()
        && rank(&better.evidence.rule) < rank(&worse.evidence.rule)
        && (fold(&better.name) == fold(&worse.name)
            || worse.evidence.rule == super::prose::ID
            || worse.evidence.rule == super::gazetteer::ID
            || better.evidence.rule == super::code_rows::ID
            || better.evidence.rule == super::commune_groups::ID
            || better.evidence.rule == super::table::ID)
}

pub(super) fn resolve(doc: &Doc, out: &mut Candidates) {
    let mut qs = std::mem::take(&mut out.quartiers);
    // The titles of related articles ("Nos articles sur le même sujet", "À lire aussi", the
    // headings of `rules/figures/related_headings.txt`) name quartiers of other articles.
    let links: Vec<[usize; 2]> = crate::rules::figures::related_links(doc.text())
        .into_iter()
        .map(|r| doc.evidence(r, "").span)
        .collect();
    qs.retain(|q| {
        let [start, end] = q.evidence.span;
        !links.iter().any(|l| l[0] <= start && end <= l[1])
    });
    split_by_hits(&mut qs);
    finish_cut_names(doc.clean, &mut qs);
    qs.sort_by_key(|q| (q.evidence.span[0], rank(&q.evidence.rule)));
    let mut kept: Vec<Quartier> = Vec::new();
    for q in qs {
        if kept.iter().any(|k| replaces(k, &q)) {
            continue;
        }
        // A better reading of the same words found later in the sort order.
        kept.retain(|k| !replaces(&q, k));
        kept.push(q);
    }
    drop_read_elsewhere(&mut kept);
    drop_without_noun(&mut kept);
    drop_dash_parts(&mut kept);
    join_parts(doc.clean, &mut kept);
    dedup_hits(&mut kept);
    placed_by_qpv(doc, &mut kept);
    fill_communes(doc, &mut kept);
    // An NPNRU mention of a quartier listed as prioritaire or veille (same name, same commune)
    // is not another quartier.
    let listed: Vec<(String, Vec<String>)> = kept
        .iter()
        .filter(|q| q.status != QuartierStatus::Autre)
        .map(|q| (fold(&q.name), folded_communes(q)))
        .collect();
    kept.retain(|q| {
        let (name, own) = (fold(&q.name), folded_communes(q));
        q.status != QuartierStatus::Autre
            || !listed.iter().any(|(n, c)| {
                *n == name && (c.is_empty() || own.is_empty() || c.iter().any(|x| own.contains(x)))
            })
    });
    out.quartiers = kept;
}

/// The folded names of a quartier's communes, in order.
fn folded_communes(q: &Quartier) -> Vec<String> {
    q.communes.iter().map(|c| fold(&c.name)).collect()
}

/// Drops "Nord" read from "le quartier Nord" when a list read "Quartier Nord" (an official name
/// that holds the noun) in the same commune: one quartier.
fn drop_without_noun(kept: &mut Vec<Quartier>) {
    let whole: Vec<(String, Vec<String>)> = kept
        .iter()
        .filter_map(|q| {
            fold(&q.name)
                .strip_prefix("quartier ")
                .map(|rest| (rest.to_owned(), folded_communes(q)))
        })
        .collect();
    kept.retain(|q| {
        let own = folded_communes(q);
        !whole.iter().any(|(n, c)| *n == fold(&q.name) && (own.is_empty() || *c == own))
    });
}

/// Drops a quartier named by one part of another's name written with a spaced dash ("le
/// quartier du Clos Morcel" in a headline, "le quartier prioritaire Clos Morcel –
/// Brillat-Savarin" in the text) in the same commune, or where either has none: one quartier,
/// by its whole name. Not a part that is itself the name of a QPV.
fn drop_dash_parts(kept: &mut Vec<Quartier>) {
    let wholes: Vec<(Vec<String>, Vec<String>)> = kept
        .iter()
        .filter_map(|q| {
            let spaced =
                q.name.replace(['\u{a0}', '\t'], " ").replace(" –", " -").replace(" —", " -");
            let parts: Vec<String> = spaced.split(" - ").map(fold).collect();
            (parts.len() > 1).then(|| (parts, folded_communes(q)))
        })
        .collect();
    if wholes.is_empty() {
        return;
    }
    kept.retain(|q| {
        let (name, own) = (fold(&q.name), folded_communes(q));
        let part = wholes.iter().any(|(parts, c)| {
            parts.contains(&name)
                && (own.is_empty() || c.is_empty() || own.iter().any(|x| c.contains(x)))
        });
        // "Péricentre" and "Fonderie - Péricentre" are two QPV of Mulhouse.
        !part || crate::gazetteer::qpv::qpvs_named(&q.name).iter().any(|n| n.whole)
    });
}

/// Ends a prose item where the known quartier it runs into ends: prose reads capitalised words,
/// so a name going on in lower case ("le secteur Centre - Cité verte", the QPV "Cité verte")
/// is cut where the gazetteer's hit is not.
fn finish_cut_names(clean: &str, qs: &mut [Quartier]) {
    let hits: Vec<[usize; 2]> = qs
        .iter()
        .filter(|q| q.evidence.rule == super::gazetteer::ID)
        .map(|q| q.evidence.span)
        .collect();
    for q in qs.iter_mut().filter(|q| q.evidence.rule == super::prose::ID) {
        let [start, end] = q.evidence.span;
        let Some(last) = q.name.split_whitespace().last() else { continue };
        let Some(&[_, hit_end]) = hits.iter().find(|h| start <= h[0] && h[0] < end && end < h[1])
        else {
            continue;
        };
        let written = q.evidence.text.trim_end();
        let Some(more) = clean.get(start + written.len()..hit_end) else { continue };
        if !written.ends_with(last) || more.contains('\n') {
            continue;
        }
        q.name = collapse(&format!("{}{more}", q.name));
        q.evidence.text = format!("{written}{more}");
        q.evidence.span[1] = hit_end;
    }
}

/// Small words that may stand in a list item beside the quartiers and communes it holds.
const GLUE: &[&str] =
    &["a", "au", "aux", "et", "en", "de", "du", "des", "la", "le", "les", "l", "d", "sur", "dans"];

/// Drops a list item that the gazetteer shows to be misread: a known quartier glued to its
/// communes ("BASSENS | Quartier de l'Avenir", "Quartier Champ de course au Bouscat et"), or
/// several glued with a commune between them ("Benauge (Bordeaux), Henri-Sellier et Léo
/// Lagrange"), or a commune read as the quartier and the quartier as its commune ("Blagnac
/// (Barradels)"). An item whose name is itself a reading of the quartier, or that joins names
/// without a commune ("Cordon - Arago"), stays. The gazetteer's items stand for it.
fn split_by_hits(qs: &mut Vec<Quartier>) {
    let is_hit = |q: &Quartier| q.evidence.rule == super::gazetteer::ID;
    let hits: Vec<&Quartier> = qs.iter().filter(|q| is_hit(q)).collect();
    let misread = |item: &Quartier| -> bool {
        let [start, end] = item.evidence.span;
        let name = format!(" {} ", qpv_fold(&item.name));
        let near: Vec<&&Quartier> = hits
            .iter()
            .filter(|h| h.evidence.span[0] >= start && h.evidence.span[1] <= end)
            .collect();
        let communes_of = |hs: &[&&Quartier]| -> Vec<String> {
            hs.iter()
                .filter_map(|h| h.qpv_code.as_deref())
                .filter_map(crate::gazetteer::qpv::qpv)
                .flat_map(|q| q.communes.iter())
                .filter_map(|c| crate::gazetteer::commune(c))
                .map(|c| qpv_fold(c.name))
                .collect()
        };
        // "Blagnac (Barradels)": the item is a commune of the QPV its "commune" names.
        let swapped: Vec<&&Quartier> = near
            .iter()
            .copied()
            .filter(|h| item.communes.iter().any(|c| qpv_fold(&c.name) == qpv_fold(&h.name)))
            .collect();
        if !swapped.is_empty() && communes_of(&swapped).iter().any(|c| format!(" {c} ") == name) {
            return true;
        }
        let inside: Vec<&&Quartier> = near
            .iter()
            .copied()
            .filter(|h| name.contains(&format!(" {} ", qpv_fold(&h.name))))
            .collect();
        if inside.is_empty() {
            return false;
        }
        let designated = super::codes::designated(&item.name);
        if inside
            .iter()
            .any(|h| designated.iter().any(|n| Some(n.qpv.code) == h.qpv_code.as_deref()))
        {
            return false;
        }
        // What the name holds besides the quartiers: communes of theirs, and small words.
        let mut rest = name.clone();
        for h in &inside {
            rest = rest.replacen(&format!(" {} ", qpv_fold(&h.name)), "  ", 1);
        }
        let communes = communes_of(&inside);
        let words: Vec<&str> = rest.split_whitespace().collect();
        let is_commune_word = |w: &str| communes.iter().any(|c| c.split(' ').any(|x| x == w));
        words.iter().any(|w| is_commune_word(w) && !GLUE.contains(w))
            && words
                .iter()
                .all(|w| GLUE.contains(w) || is_commune_word(w) || super::gazetteer::is_generic(w))
    };
    let drop: Vec<bool> = qs.iter().map(|q| !is_hit(q) && misread(q)).collect();
    let mut i = 0;
    qs.retain(|_| {
        i += 1;
        !drop[i - 1]
    });
}

/// One gazetteer item per name and status: a later mention of the same quartier, or of a part
/// of a name already given ("Saraillère" after "Palmer - Saraillère"), is not another one; nor is
/// a part of a name the document gives in full further on (a lead naming "Saint-Jacques" before
/// the list gives "Saint-Jean - Saint-Jacques").
fn dedup_hits(kept: &mut Vec<Quartier>) {
    let full: Vec<(String, Option<String>, QuartierStatus)> = kept
        .iter()
        .filter(|q| q.evidence.rule == super::gazetteer::ID)
        .map(|q| (fold(&q.name), q.qpv_code.clone(), q.status))
        .collect();
    let mut seen: Vec<(String, Option<String>, QuartierStatus)> = Vec::new();
    kept.retain(|q| {
        if q.evidence.rule != super::gazetteer::ID {
            return true;
        }
        let name = fold(&q.name);
        let part_of_later = full.iter().any(|(n, code, status)| {
            *status == q.status && *code == q.qpv_code && strict_part(n, &name)
        });
        if part_of_later {
            return false;
        }
        let again = seen.iter().any(|(n, code, status)| {
            *status == q.status
                && (*n == name
                    || (*code == q.qpv_code && format!(" {n} ").contains(&format!(" {name} "))))
        });
        if !again {
            seen.push((name, q.qpv_code.clone(), q.status));
        }
        !again
    });
}

/// What may stand between two parts of one quartier's name written as a list: a comma, "et",
/// a slash, with an article before the next part ("Saint-Pierre et la Milliaire").
static PART_JOINER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\s*,\s*(?:et\s+)?|\s+(?:et|&)\s+|\s*/\s*)(?:(?:la|le|les)\s+|l['’]\s*)?$")
        .expect("valid regex")
});

/// A verb or noun that makes what follows one place ("le second réunit A et B", "le grand
/// ensemble de A, B et C", "un secteur regroupant A et B").
static GATHERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:réuni(?:t|ssant)|regroup(?:e|ant)|rassembl(?:e|ant)|englob(?:e|ant)|associ(?:e|ant)|ensemble\s+(?:formé\s+par|de|du|des))\s+(?:(?:les|le|la|l'|l’|des|du|de)\s*)?$",
    )
    .expect("valid regex")
});

/// Items of one QPV written one after the other as a list ("Vaugirard, Saint-Christophe et
/// les Rocheforts" for the QPV "Vaugirard - Saint Christophe - Les Rocheforts") are one
/// quartier, named as written from the first part to the last, when the sentence says so: a
/// verb or noun that gathers them before the first ("le second réunit Saint-Pierre et la
/// Milliaire"), or a count of quartiers its items match only once the parts are joined
/// ("Les trois quartiers : la Croix et la Ville Oger, le Plateau et Waron" — four hits, three
/// QPVs). Without such a cue, parts listed apart stay apart ("les quartiers retenus : le
/// Chemin-Bas et le Clos d'Orville, ..." may list two places of one QPV as two quartiers).
fn join_parts(clean: &str, kept: &mut Vec<Quartier>) {
    kept.sort_by_key(|q| q.evidence.span[0]);
    let same = |a: &Quartier, b: &Quartier| {
        a.qpv_code.is_some()
            && a.qpv_code == b.qpv_code
            && a.status == b.status
            && a.communes.iter().map(|c| fold(&c.name)).eq(b.communes.iter().map(|c| fold(&c.name)))
            && a.evidence.span[1] <= b.evidence.span[0]
            && clean
                .get(a.evidence.span[1]..b.evidence.span[0])
                .is_some_and(|between| PART_JOINER.is_match(between))
    };
    // Runs of parts: index of the first and the last item of each run of two or more.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < kept.len() {
        let mut j = i;
        while j + 1 < kept.len() && same(&kept[j], &kept[j + 1]) {
            j += 1;
        }
        if j > i {
            runs.push((i, j));
        }
        i = j + 1;
    }
    let sentence = |at: usize, end: usize| stretch_around(clean, at..end, &['.', '!', '?', '\n']);
    let cued: Vec<(usize, usize)> = runs
        .iter()
        .copied()
        .filter(|&(a, b)| {
            let (from, to) = (kept[a].evidence.span[0], kept[b].evidence.span[1]);
            let Some(s) = clean.get(..from).map(|_| sentence(from, to)) else { return false };
            if GATHERS.is_match(&clean[s.start..from]) {
                return true;
            }
            let Some(count) = count_in(&clean[s.start..from]) else { return false };
            // The names the sentence lists, each run of parts counted once.
            let mut names: Vec<String> = kept
                .iter()
                .filter(|q| s.start <= q.evidence.span[0] && q.evidence.span[1] <= s.end)
                .map(|q| fold(&q.name))
                .collect();
            names.dedup();
            let parts_in: usize = runs
                .iter()
                .filter(|&&(x, _)| {
                    s.start <= kept[x].evidence.span[0] && kept[x].evidence.span[0] < s.end
                })
                .map(|&(x, y)| y - x)
                .sum();
            names.len() != count && names.len().checked_sub(parts_in) == Some(count)
        })
        .collect();
    for &(a, b) in cued.iter().rev() {
        let (from, to) = (kept[a].evidence.span[0], kept[b].evidence.span[1]);
        let written = clean[from..to].to_owned();
        let first = &mut kept[a];
        first.name = collapse(&written);
        first.evidence.text = written;
        first.evidence.span[1] = to;
        kept.drain(a + 1..=b);
    }
}

/// Whether the folded name `part` stands, as whole words, in the longer folded name `whole`
/// ("saraillere" in "palmer saraillere").
fn strict_part(whole: &str, part: &str) -> bool {
    whole.len() > part.len() && format!(" {whole} ").contains(&format!(" {part} "))
}

/// The folded official name of the QPV a gazetteer item stands for, when the item is written
/// as that whole name and the name has several words.
fn official_name(q: &Quartier) -> Option<String> {
    if q.evidence.rule != super::gazetteer::ID {
        return None;
    }
    let qpv = crate::gazetteer::qpv::qpv(q.qpv_code.as_deref()?)?;
    let name = qpv_fold(&q.name);
    (name == qpv_fold(qpv.name) && name.contains(' ')).then_some(name)
}

/// Drops a gazetteer item when a list rule read the same quartier elsewhere: the same name, or
/// a name that designates its QPV ("Benauge - Henri Sellier" listed, "Benauge" named further
/// on).
fn drop_read_elsewhere(kept: &mut Vec<Quartier>) {
    let is_hit = |q: &Quartier| q.evidence.rule == super::gazetteer::ID;
    // A quartier the document also calls by its full official name ("le quartier des Rêpes,
    // classé sous le nom de « Rêpes - Montmarin - Grand Grésil »") is that name: the shorter
    // reading gives way to it.
    let official: Vec<(Quartier, String)> =
        kept.iter().filter_map(|q| Some((q.clone(), official_name(q)?))).collect();
    // For a listed item that is a part of a whole name the document gives: the whole name
    // when it is written over the item ("les Bords de Loire (Courlis, la Baratte)" listed as
    // "Bords de Loire"), the item then taking it with its list's status; else none, the item
    // giving way to the whole name named elsewhere.
    let whole_of = |q: &Quartier| -> Option<Option<String>> {
        if is_hit(q) {
            return None;
        }
        let name = qpv_fold(&q.name);
        let designated = super::codes::designated(&q.name);
        let wholes: Vec<&Quartier> = official
            .iter()
            .filter(|(hit, full)| {
                designated.iter().any(|n| hit.qpv_code.as_deref() == Some(n.qpv.code))
                    && strict_part(full, &name)
            })
            .map(|(hit, _)| hit)
            .collect();
        wholes.first()?;
        Some(wholes.iter().find(|hit| overlap(hit, q)).map(|hit| hit.name.clone()))
    };
    let wholes: Vec<Option<Option<String>>> = kept.iter().map(whole_of).collect();
    let mut keep = Vec::with_capacity(kept.len());
    for (q, whole) in kept.iter_mut().zip(wholes) {
        keep.push(!matches!(whole, Some(None)));
        if let Some(Some(name)) = whole {
            q.name = name;
        }
    }
    let mut keep = keep.into_iter();
    kept.retain(|_| keep.next().unwrap_or(true));
    let listed: Vec<(String, Vec<String>)> = kept
        .iter()
        .filter(|q| !is_hit(q))
        .map(|q| {
            let codes =
                super::codes::designated(&q.name).into_iter().map(|n| n.qpv.code.to_owned());
            (fold(&q.name), codes.collect())
        })
        .collect();
    // A listed name that holds the hit's ("Maurepas – Gros-Chêne" for a later "Maurepas",
    // "Cité des Ailes" for "Ailes").
    let holds = |listed: &str, hit: &str| {
        format!(" {} ", qpv_fold(listed)).contains(&format!(" {} ", qpv_fold(hit)))
    };
    let names: Vec<String> = kept.iter().filter(|q| !is_hit(q)).map(|q| q.name.clone()).collect();
    kept.retain(|q| {
        !is_hit(q)
            || !listed.iter().zip(&names).any(|((name, codes), listed_name)| {
                *name == fold(&q.name)
                    || q.qpv_code.as_ref().is_some_and(|c| codes.contains(c))
                    || holds(listed_name, &q.name)
            })
    });
}

/// Gives a commune to the quartiers named without one, in order of confidence: the same name
/// listed elsewhere with its commune; the commune that opens the sentence ("À Lens, les
/// quartiers A et B"); the commune of the quartier listed just before, when the sentence calls
/// it by its demonym ("deux autres quartiers brestois"); the document's only town, when no
/// quartier of the document names its commune (a document that names some leaves the others
/// without on purpose: "Le quartier des Brichères reste suivi en veille active").
fn fill_communes(doc: &Doc, kept: &mut [Quartier]) {
    let known = Known::of(doc);
    let any_commune =
        kept.iter().any(|q| !q.communes.is_empty() && q.evidence.rule != super::gazetteer::ID);
    for i in 0..kept.len() {
        if !kept[i].communes.is_empty() {
            continue;
        }
        // The same name listed with one commune set only ("Centre-ville" of three towns is not).
        let mut same: Vec<&Vec<CommuneRef>> = kept
            .iter()
            .filter(|k| !k.communes.is_empty() && fold(&k.name) == fold(&kept[i].name))
            .map(|k| &k.communes)
            .collect();
        same.dedup_by(|a, b| a.iter().map(|c| fold(&c.name)).eq(b.iter().map(|c| fold(&c.name))));
        let same_name = match same.as_slice() {
            [one] => Some((*one).clone()),
            _ => None,
        };
        let start = kept[i].evidence.span[0];
        let opening =
            opening_commune(doc.clean, start).map(|name| vec![CommuneRef { name, insee: None }]);
        let evidence = &kept[i].evidence.text;
        let previous = kept[..i]
            .iter()
            .rev()
            .find(|p| p.evidence.span[1] + INHERIT_REACH >= start && !p.communes.is_empty())
            .filter(|p| p.communes.len() == 1 && demonym_in(evidence, &p.communes[0].name))
            .map(|p| p.communes.clone());
        // "Les quartiers orléanais de La Source et de l'Argonne": a known quartier whose
        // sentence calls it by the demonym of its QPV's commune.
        let demonym =
            kept[i].qpv_code.as_deref().and_then(crate::gazetteer::qpv::qpv).and_then(|qpv| {
                let sentence = sentence_at(doc.clean, kept[i].evidence.span);
                let mut of: Vec<CommuneRef> = qpv
                    .communes
                    .iter()
                    .filter_map(|c| crate::gazetteer::commune(c))
                    .filter(|c| demonym_in(sentence, c.name))
                    .map(|c| CommuneRef { name: c.name.to_owned(), insee: None })
                    .collect();
                of.dedup_by(|a, b| a.name == b.name);
                (of.len() == 1).then_some(of)
            });
        let town = || {
            known
                .only_town()
                .filter(|_| !any_commune)
                .map(|t| vec![CommuneRef { name: t.to_owned(), insee: None }])
        };
        if let Some(c) = same_name.or(opening).or(previous).or(demonym).or_else(town) {
            kept[i].communes = c;
        }
    }
}

/// An item of a list whose other items all lie in one set of communes lies there too ("Trois
/// quartiers bergeracois : Rive Gauche, le centre-ville et le secteur nord", the first two
/// quartiers of Bergerac by their QPV codes); run once codes give known quartiers their
/// communes. Items of one list share the list's evidence.
pub(super) fn communes_of_siblings(qs: &mut [Quartier]) {
    for i in 0..qs.len() {
        if !qs[i].communes.is_empty() {
            continue;
        }
        let siblings: Vec<&Quartier> = qs
            .iter()
            .filter(|k| {
                k.evidence.span == qs[i].evidence.span
                    && k.evidence.rule == qs[i].evidence.rule
                    && k.evidence.rule != super::gazetteer::ID
                    && !k.communes.is_empty()
            })
            .collect();
        let Some(first) = siblings.first() else { continue };
        if siblings.iter().all(|k| folded_communes(k) == folded_communes(first)) {
            qs[i].communes = first.communes.clone();
        }
    }
}

/// A quartier placed in a district that is no commune ("Kervénanec, à Keryado", the old
/// village a town absorbed) takes the commune of the one QPV of the 2024 list its name
/// designates among the communes the document names; a commune the gazetteer knows stays.
fn placed_by_qpv(doc: &Doc, kept: &mut [Quartier]) {
    // The communes of the text the rules read (a window of a long document, not its whole clean
    // text: once per window would make long documents quadratic), folded on first use.
    for q in kept.iter_mut() {
        if q.communes.is_empty() || q.communes.iter().any(|c| is_commune(&c.name)) {
            continue;
        }
        let named = doc.named_communes();
        let mut qpvs: Vec<&crate::gazetteer::qpv::Qpv> = crate::gazetteer::qpv::qpvs_named(&q.name)
            .into_iter()
            .map(|n| n.qpv)
            .filter(|qpv| qpv.communes.iter().any(|c| named.contains(c)))
            .collect();
        qpvs.dedup_by_key(|qpv| qpv.code);
        let [qpv] = qpvs.as_slice() else { continue };
        let communes: Vec<CommuneRef> = qpv
            .communes
            .iter()
            .filter_map(|c| crate::gazetteer::commune(c))
            .map(|c| CommuneRef { name: c.name.to_owned(), insee: None })
            .collect();
        if !communes.is_empty() {
            q.communes = communes;
        }
    }
}

/// "À Lens, ", "Au Pontet, ", "Sur la commune de Liévin, ", "Dans la ville de Harnes, " opening a sentence.
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?:[àÀ]|(?P<au>Aux?)\b|(?:[Ss]ur|[Dd]ans|[Pp]our)\s+la\s+(?:commune|ville)\s+(?:de|d'))\s*(?P<c>{PLACE})\s*,"
    ))
    .expect("valid regex")
});

/// The commune that opens the sentence holding `at` in the clean text, when the gazetteer
/// knows it.
fn opening_commune(clean: &str, at: usize) -> Option<String> {
    let at = (0..=at.min(clean.len())).rev().find(|&i| clean.is_char_boundary(i))?;
    // The sentence is looked for in the last 2 KiB only: a search back to the start of a long
    // document for each quartier would make it quadratic.
    let from = clean.floor_char_boundary(at.saturating_sub(2048));
    let before = &clean[from..at];
    let start = from
        + [". ", ".\n", "\n\n", "! ", "? ", ":\n"]
            .iter()
            .filter_map(|p| before.rfind(p).map(|i| i + p.len()))
            .max()
            .unwrap_or(0);
    let caps = OPENING.captures(&clean[start..at])?;
    let c = caps.name("c")?;
    // "Au Pontet, ": the article the preposition holds ("Le Pontet").
    let name = match caps.name("au").map(|m| m.as_str()) {
        Some("Au") => format!("Le {}", collapse(c.as_str())),
        Some(_) => format!("Les {}", collapse(c.as_str())),
        None => collapse(c.as_str()),
    };
    is_commune(&name).then_some(name)
}

/// The sentence of the clean text around `span`, within 600 bytes each side.
fn sentence_at(clean: &str, span: [usize; 2]) -> &str {
    let (at, end) = (span[0].min(clean.len()), span[1].min(clean.len()));
    let from = clean.floor_char_boundary(at.saturating_sub(600));
    let to = clean.floor_char_boundary((end + 600).min(clean.len()));
    let (Some(before), Some(after)) = (clean.get(from..at), clean.get(end..to)) else {
        return "";
    };
    let start = [". ", ".\n", "\n"]
        .iter()
        .filter_map(|p| before.rfind(p).map(|i| from + i + p.len()))
        .max()
        .unwrap_or(from);
    let stop =
        [". ", ".\n", "\n"].iter().filter_map(|p| after.find(p)).min().map_or(to, |i| end + i);
    clean.get(start..stop).unwrap_or("")
}

/// Whether `text` holds a lower-case demonym of `commune` ("brestois" for Brest, "quimpérois"
/// for Quimper, "lensoises" for Lens): a word that starts like the commune's first word and
/// ends like a demonym.
fn demonym_in(text: &str, commune: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "ois", "oise", "oises", "ais", "aise", "aises", "ien", "iens", "ienne", "iennes", "ain",
        "ains", "aine", "aines", "een", "eens", "eenne", "eennes",
    ];
    let folded = fold(commune);
    let Some(stem) = folded.split([' ', '-']).find(|w| w.len() >= 3) else { return false };
    let stem: String = stem.chars().take(4).collect();
    text.split(|c: char| !c.is_alphabetic()).any(|word| {
        let w = fold(word);
        word.chars().next().is_some_and(char::is_lowercase)
            && w.len() > stem.len() + 2
            && w.starts_with(&stem)
            && ENDINGS.iter().any(|e| w.ends_with(e))
    })
}

#[cfg(test)]
mod tests {
    use crate::rules::quartiers::testing::{brief, family};

    #[test]
    fn quartiers_in_the_titles_of_related_articles_are_left_out() {
        let text = "À Chambéry, le contrat retient les Hauts-de-Chambéry.\n\nÀ lire aussi\nLe Biollay : la crèche rouvre\nChambéry : un marché au Biollay\n\nContact";
        let out = family(text);
        assert_eq!(brief(&out.quartiers), ["hauts-de-chambéry @ chambéry : prioritaire"]);
        let text = "À Chambéry, le contrat retient les Hauts-de-Chambéry.\nSur le même thème : Biollay, la crèche rouvre\n";
        let out = family(text);
        assert_eq!(brief(&out.quartiers), ["hauts-de-chambéry @ chambéry : prioritaire"]);
        // Outside such a block the same title is the document's own.
        let text = "À Chambéry, le contrat retient les Hauts-de-Chambéry.\nLe Biollay : la crèche rouvre ; le quartier reste suivi.\n";
        let out = family(text);
        assert_eq!(out.quartiers.len(), 2);
    }

    #[test]
    fn parts_of_one_qpv_are_one_quartier_when_the_sentence_says_so() {
        // A count the items match only once the parts are joined.
        let out = family(
            "Les trois quartiers prioritaires sont à Saint-Brieuc : la Croix Saint-Lambert et la \
             Ville Oger, le Plateau et Waron - Point du Jour.",
        );
        let got = brief(&out.quartiers);
        assert!(
            got.contains(
                &"croix saint-lambert et la ville oger @ saint-brieuc : prioritaire".into()
            ),
            "{got:?}"
        );
        assert_eq!(got.len(), 3, "{got:?}");
        let out = family(
            "Deux quartiers de Thionville restent prioritaires : Saint-Pierre, la Milliaire et la \
             Côte des Roses.",
        );
        let got = brief(&out.quartiers);
        // (The sentence gives no commune to a list after its colon: a gap of the prose rule.)
        assert!(got.contains(&"saint-pierre, la milliaire @  : prioritaire".into()), "{got:?}");
        // A verb or noun that gathers them.
        let out = family(
            "À Thionville, le second secteur regroupe Saint-Pierre et la Milliaire, au nord.",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["saint-pierre et la milliaire @ thionville : prioritaire"]
        );
        let out = family(
            "À Châteauroux, le grand ensemble de Vaugirard, Saint-Christophe et les Rocheforts \
             sera rénové.",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["vaugirard, saint-christophe et les rocheforts @ châteauroux : prioritaire"]
        );
    }

    #[test]
    fn parts_of_one_qpv_listed_without_a_cue_stay_apart() {
        // No count, no gathering word: the page lists two places.
        let out = family(
            "À Nîmes, les habitants du Chemin-Bas d'Avignon et du Clos d'Orville ont été consultés.",
        );
        assert_eq!(out.quartiers.len(), 2, "{:?}", brief(&out.quartiers));
        // A count the parts already match: they are the quartiers counted.
        let out = family("À Thionville, deux secteurs sont suivis : Saint-Pierre et la Milliaire.");
        assert_eq!(out.quartiers.len(), 2, "{:?}", brief(&out.quartiers));
        // Parts of two QPVs are never one.
        let out = family("À Châteauroux, le grand ensemble de Vaugirard et Beaulieu sera rénové.");
        assert_eq!(out.quartiers.len(), 2, "{:?}", brief(&out.quartiers));
    }

    #[test]
    fn a_part_of_a_dashed_name_named_alone_is_that_quartier() {
        let out = family(
            "Le quartier du Pré Vert sera accompagné.\n\nLe contrat vise le quartier \
             prioritaire Pré Vert – Les Tilleuls, où vivent 900 habitants.",
        );
        let names: Vec<String> = brief(&out.quartiers);
        assert!(names.iter().all(|n| !n.starts_with("pré vert @")), "{names:?}");
        assert!(names.iter().any(|n| n.starts_with("pré vert – les tilleuls @")), "{names:?}");
        // A part that is a QPV's whole name is that other QPV (Mulhouse has both).
        let out = family(
            "À Mulhouse, le contrat retient deux quartiers : Péricentre et Fonderie - Péricentre.",
        );
        assert_eq!(out.quartiers.len(), 2, "{:?}", brief(&out.quartiers));
    }

    #[test]
    fn au_opening_a_sentence_holds_the_communes_article() {
        let out = family("Au Pontet, c'est le secteur Joffre qui est retenu.");
        assert_eq!(brief(&out.quartiers), ["joffre @ le pontet : prioritaire"]);
        let out = family("Au total, c'est le secteur Joffre qui est retenu.");
        assert_eq!(brief(&out.quartiers), ["joffre @  : prioritaire"]);
    }

    #[test]
    fn a_known_quartier_takes_the_commune_its_demonym_names() {
        let out = family(
            "Orléans Métropole signe. Les quartiers orléanais de La Source et de l'Argonne restent \
             retenus.\n\nLa signature a eu lieu à la mairie de Saint-Jean-de-la-Ruelle.",
        );
        let got = brief(&out.quartiers);
        assert!(got.contains(&"la source @ orléans : prioritaire".to_owned()), "{got:?}");
        let out = family(
            "Orléans Métropole signe. Les quartiers de La Source et de l'Argonne restent \
             retenus.\n\nLa signature a eu lieu à la mairie de Saint-Jean-de-la-Ruelle.",
        );
        let got = brief(&out.quartiers);
        assert!(!got.iter().any(|q| q.starts_with("la source @ orléans")), "{got:?}");
    }

    #[test]
    fn a_district_that_is_no_commune_gives_way_to_the_qpvs_commune() {
        let out = family(
            "Le contrat de ville de Bourg-en-Bresse couvre le quartier de la Croix Blanche, à \
             Vieux-Moulinet, et d'autres secteurs.",
        );
        assert_eq!(brief(&out.quartiers), ["croix blanche @ bourg-en-bresse : prioritaire"]);
        let out = family(
            "Le contrat de ville de Bourg-en-Bresse couvre le quartier de la Croix Blanche, à \
             Viriat, et d'autres secteurs.",
        );
        assert_eq!(brief(&out.quartiers), ["croix blanche @ viriat : prioritaire"], "a commune");
    }

    #[test]
    fn a_part_of_a_name_given_in_full_further_on_is_no_other_quartier() {
        // The lead names a piece of the QPV, the list its full name.
        let out = family(
            "Saint-Jacques et Vaugirard attendaient ce jour. Les quartiers sont à Châteauroux : \
             Saint-Jean - Saint-Jacques et Vaugirard.",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "saint-jean - saint-jacques @ châteauroux : prioritaire",
                "vaugirard @ châteauroux : prioritaire"
            ]
        );
        // Two QPVs of which neither name holds the other both stay.
        let out = family("À Châteauroux, Saint-Jacques puis Beaulieu, Vaugirard.");
        let got = brief(&out.quartiers);
        assert!(got.contains(&"saint-jacques @ châteauroux : prioritaire".to_owned()), "{got:?}");
    }

    #[test]
    fn a_list_item_written_with_its_sectors_in_parentheses_is_the_whole_name() {
        // The list reads "Rêpes"; the parentheses give the rest of the official name.
        let out = family(
            "Les quartiers retenus à Vesoul :\n- les Rêpes (Montmarin, Grand Grésil).\n- la \
             Gare.\n",
        );
        let got = brief(&out.quartiers);
        assert!(
            got.contains(&"rêpes - montmarin - grand grésil @ vesoul : prioritaire".to_owned()),
            "{got:?}"
        );
        assert!(!got.iter().any(|q| q.starts_with("rêpes @")), "{got:?}");
        // Other words in the parentheses: the item stays as listed.
        let out =
            family("Les quartiers retenus à Vesoul :\n- les Rêpes (Vesoul).\n- Grand Grésil.\n");
        let got = brief(&out.quartiers);
        assert!(got.iter().any(|q| q.starts_with("rêpes @ vesoul")), "{got:?}");
    }

    #[test]
    fn a_name_read_in_prose_goes_on_to_the_end_of_the_known_quartier() {
        // "Centre Verdun - Cité verte" of Verdun; prose stops at the lower-case word.
        let out = family("À Verdun, le secteur Centre - Cité verte a sa feuille de route.");
        assert_eq!(brief(&out.quartiers), ["centre - cité verte @ verdun : prioritaire"]);
        // A lower-case word that is no part of a known name ends the name as before.
        let out = family("À Verdun, le secteur Centre - Cité jardin a sa feuille de route.");
        assert_eq!(brief(&out.quartiers), ["centre - cité @ verdun : prioritaire"]);
    }

    #[test]
    fn the_full_official_name_beats_a_part_of_it() {
        let out = family(
            "À Vesoul, le contrat vise le quartier des Rêpes, classé prioritaire sous le nom de \
             « Rêpes - Montmarin - Grand Grésil ».",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["rêpes - montmarin - grand grésil @ vesoul : prioritaire"]
        );
        // Without the official name, the name as written stays.
        let out = family("À Vesoul, le contrat vise le quartier des Rêpes.");
        assert_eq!(brief(&out.quartiers), ["rêpes @ vesoul : prioritaire"]);
    }

    #[test]
    fn an_official_name_holding_the_noun_is_read_whole_and_once() {
        // The official list names "Le Quartier Nord" in Villeneuve-Saint-Georges.
        let out = family(
            "À Villeneuve-Saint-Georges, trois quartiers prioritaires sont retenus : le centre \
             ancien, le quartier Nord et le Triage. Les locataires du quartier Nord ont parlé.",
        );
        let names = brief(&out.quartiers);
        assert!(
            names.contains(&"quartier nord @ villeneuve-saint-georges : prioritaire".into()),
            "{names:?}"
        );
        assert!(!names.iter().any(|n| n.starts_with("nord ")), "{names:?}");
        // Elsewhere, "le quartier des Lilas" is the Lilas.
        let out =
            family("À Vitré, deux quartiers sont retenus : le quartier des Lilas et la Gare.");
        assert!(brief(&out.quartiers).contains(&"lilas @ vitré : prioritaire".into()));
    }

    #[test]
    fn a_list_reading_beats_prose_on_the_same_words() {
        let out = family("NPNRU : le quartier « Les Ormes » (Dreux) est concerné.");
        assert_eq!(brief(&out.quartiers), ["les ormes @ dreux : autre"]);
    }

    #[test]
    fn a_quartier_without_commune_takes_the_one_listed_before_by_its_demonym() {
        let out = family(
            "Les quartiers prioritaires\nLes deux quartiers sont situés à Quimper :\nKermoysan\nPenhars\nDeux autres quartiers quimpérois, Ergué et Moulin Vert, restent suivis en veille active.\n",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "kermoysan @ quimper : prioritaire",
                "penhars @ quimper : prioritaire",
                "ergué @ quimper : veille",
                "moulin vert @ quimper : veille",
            ]
        );
        let out = family(
            "Le contrat porte sur les quartiers des Rosoirs et de Saint-Siméon, à Auxerre. Le quartier des Brichères reste suivi en veille active.",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "rosoirs @ auxerre : prioritaire",
                "saint-siméon @ auxerre : prioritaire",
                "brichères @  : veille",
            ]
        );
    }

    #[test]
    fn or_the_same_name_listed_with_its_commune() {
        let out = family(
            "Quartiers prioritaires :\n- Frais Marais – Douai\n- Cité Bruno – Dechy\n\nLe quartier Frais Marais sera suivi au titre de la veille active.\n\nRenouvellement urbain : le quartier Cité Bruno est retenu au titre du NPNRU.",
        );
        // The NPNRU mention of a listed quartier is dropped.
        assert_eq!(
            brief(&out.quartiers),
            [
                "frais marais @ douai : prioritaire",
                "cité bruno @ dechy : prioritaire",
                "frais marais @ douai : veille",
            ]
        );
    }

    #[test]
    fn or_the_commune_opening_the_sentence() {
        let out = family(
            "Sur la commune de Liévin, les quartiers Marichelles et Vent de Bise sont retenus.",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["marichelles @ liévin : prioritaire", "vent de bise @ liévin : prioritaire"]
        );
    }

    #[test]
    fn or_the_only_town_of_the_document() {
        let out = family(
            "Signé par le maire d'Alès.\n\nLes quartiers des Prés Saint-Jean, de Tamaris et du centre-ville sont concernés.",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "prés saint-jean @ alès : prioritaire",
                "tamaris @ alès : prioritaire",
                "centre-ville @ alès : prioritaire",
            ]
        );
        // A title naming the town over the next line's first word.
        let out = family(
            "Contrat de ville d'Alès\nLe maire d'Alès a signé.\n\nLes quartiers des Prés Saint-Jean et de Tamaris sont concernés.",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["prés saint-jean @ alès : prioritaire", "tamaris @ alès : prioritaire"]
        );
        // "contrat de ville de X" names a town only when X is a commune: an intercommunality
        // carrying the contract is no quartier's commune.
        let out = family(
            "Le contrat de ville d'Alès a été signé.\n\nLes quartiers des Prés Saint-Jean et de Tamaris sont concernés.",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["prés saint-jean @ alès : prioritaire", "tamaris @ alès : prioritaire"]
        );
        let out = family(
            "Le contrat de ville de Douaisis Agglo a été signé.\n\nLes quartiers des Prés Saint-Jean et de Tamaris sont concernés.",
        );
        assert_eq!(
            brief(&out.quartiers),
            ["prés saint-jean @  : prioritaire", "tamaris @  : prioritaire"]
        );
        // Not when the document names the communes of its quartiers.
        let out = family(
            "Signé par le maire de Vierzon.\n\nLe contrat couvre les quartiers du Colombier et du Clos-du-Roy, à Vierzon. Le secteur de Bois-d'Yèvre reste en veille active.",
        );
        assert_eq!(
            brief(&out.quartiers),
            [
                "colombier @ vierzon : prioritaire",
                "clos-du-roy @ vierzon : prioritaire",
                "bois-d'yèvre @  : veille",
            ]
        );
    }
}
