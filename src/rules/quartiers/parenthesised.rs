//! `quartiers.parenthesised`: quartiers followed by their communes in parentheses.
//!
//! Finds, in a paragraph that speaks of quartiers (or under a heading that does), every
//! "Name (Commune[, Commune])" item: semicolon lists after a colon ("14 quartiers prioritaires :
//! Verrerie – Square République (Anzin) ; Zone intercommunale des rives de l'Escaut (Anzin,
//! Beuvrages)"), comma lists in prose ("Bleuze Borne (Anzin), Centre-ville (Condé-sur-l'Escaut)
//! et Bassin minier (Condé-sur-l'Escaut)"), quoted names sharing one commune ("les quartiers
//! « Dutemple », « Faubourg de Cambrai » (Valenciennes)"). An item's name runs back to the
//! previous item, semicolon, colon or sentence start; it keeps its own punctuation ("Quatre-Chasse
//! – Poudrière – Cuvinot"). The status comes from the words before the items ("Quartiers en
//! veille active (anciennement en CUCS) :"), else the heading, else `prioritaire`.
//! Does not find: a parenthesis that is not a list of communes ("(4)", "(QPV)", "(anciennement
//! en CUCS)"); a parenthesised place in a paragraph that does not speak of quartiers ("à l'hôtel
//! d'agglomération (Narbonne)").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    Known, clean_name, common_noun_phrase, communes, count_in, is_commune, label, last_sentence,
    looks_like_sentence, names_a_qpv, plausible_name, qpv_code_of, quartier_paragraphs,
    speaks_of_quartiers, status_in,
};
use super::{Item, List, emit};
use crate::record::QuartierStatus;
use crate::rules::{Candidates, Doc, Rule};

/// The parenthesised-list rule.
pub struct Parenthesised;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "quartiers.parenthesised";

static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(([^()\n]*(?:\n[^()\n]*)?)\)").expect("valid regex"));
static QUOTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"«\s*([^«»]+?)\s*»|"([^"]+)""#).expect("valid regex"));
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\.(?:\s|$)").expect("valid regex"));
/// After a parenthesis, the commune of its item, maybe after more items in parentheses: " à
/// Strasbourg", " et Risler (Neudorf) à Strasbourg".
static COMMUNE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[ \t]*(?:,|et)[ \t]+[^(),.;:\n]{1,60}\([^()\n]*\))*[ \t]+[àÀ][ \t]+\p{Lu}")
        .expect("valid regex")
});
static LEADING_LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[\s,;:]*(?:(?:et|ainsi\s+que|ou|puis)\s+)?").expect("valid regex")
});

/// Small words that may sit inside a name between capitalised words.
const PARTICLES: &[&str] =
    &["de", "du", "des", "la", "le", "les", "l'", "d'", "aux", "sur", "en", "et", "–", "-", "/"];

impl Rule for Parenthesised {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let known = Known::of(doc);
        for (para, heading) in quartier_paragraphs(doc) {
            let t = &text[para.clone()];
            // Each list, its items, and whether its words gave its status.
            let mut lists: Vec<(List, Vec<Item>, bool)> = Vec::new();
            let mut prev_end = 0;
            for m in PAREN.captures_iter(t) {
                let (Some(all), Some(inner)) = (m.get(0), m.get(1)) else { continue };
                let gap_start = prev_end;
                prev_end = all.end();
                let start = segment_start(t, gap_start, all.start());
                let segment = &t[start..all.start()];
                // "Colomiers (En Jacca / Val d'Aran)": a commune, its quartiers in parentheses.
                let swapped = reversed(segment, inner.as_str());
                let read = match &swapped {
                    Some((commune, _)) => Some(vec![commune.clone()]),
                    None => communes(inner.as_str(), &known),
                };
                let Some(communes) = read else { continue };
                // "l'agence d'urbanisme de la région de Lorient (Audelor)": a body of a place
                // and its abbreviation.
                if swapped.is_none()
                    && !communes.iter().any(|c| is_commune(c))
                    && of_a_body(&segment[..capitalised_tail(segment)])
                {
                    continue;
                }
                // "le Plateau (Europe, Balzac)": the other parts of one official name, no
                // communes (the gazetteer rule reads the whole name).
                if swapped.is_none() && parts_of_one_name(doc, segment, inner.as_str()) {
                    continue;
                }
                // "Jura (Citadelle) et Risler (Neudorf) à Strasbourg": the commune follows, the
                // parentheses hold second names.
                if swapped.is_none()
                    && !communes.iter().any(|c| is_commune(c))
                    && COMMUNE_AFTER.is_match(&t[all.end()..])
                {
                    continue;
                }
                let before = &t[gap_start..start];
                // A new intro between two items ("... . Quartiers en veille active :") opens a
                // new list.
                if lists.is_empty() || status_in(before).is_some() {
                    let intro = &t[..start];
                    let intro = if lists.is_empty() { intro } else { before };
                    let own = status_in(intro);
                    let status = own
                        .or_else(|| heading.and_then(status_in))
                        .unwrap_or(QuartierStatus::Prioritaire);
                    let count = count_in(intro)
                        .or_else(|| lists.is_empty().then(|| heading.and_then(count_in)).flatten());
                    let label = label(last_sentence(intro)).or_else(|| heading.and_then(label));
                    let at = para.start + gap_start..para.start + start;
                    let at = if at.is_empty() { para.start..para.start + all.end() } else { at };
                    let stated = own.is_some() || heading.and_then(status_in).is_some();
                    lists.push((List { status, label, count, at }, Vec::new(), stated));
                }
                let Some((_, items, _)) = lists.last_mut() else { continue };
                if let Some((_, names)) = swapped {
                    for name in names.into_iter().filter(|n| plausible_name(n)) {
                        items.push(Item {
                            range: para.start + start..para.start + all.end(),
                            name,
                            communes: communes.clone(),
                            status: None,
                        });
                    }
                    continue;
                }
                let items_of_segment = names(segment).into_iter().flat_map(|(name, range)| {
                    // "Marcouville et Les Tilleuls (Pontoise)": two quartiers of one commune when
                    // one side is an official name and the whole is no part of one ("Cité Air
                    // et Lumières", "Arts et Fleurs" stay whole).
                    match pair(&name) {
                        Some((a, b))
                            if crate::gazetteer::qpv::qpvs_named(&name).is_empty()
                                && (names_a_qpv(doc, &a) || names_a_qpv(doc, &b)) =>
                        {
                            vec![(a, range.clone()), (b, range)]
                        }
                        // "Mireuil, Port-Neuf (La Rochelle)": each a whole official name of
                        // its own QPV, as many quartiers.
                        _ => match official_names(doc, &name) {
                            Some(names) => names.into_iter().map(|n| (n, range.clone())).collect(),
                            None => vec![(name, range)],
                        },
                    }
                });
                for (name, range) in items_of_segment {
                    // "Les bailleurs sociaux (Tours Habitat, ...)": bodies, not quartiers ("Les
                    // floralies (Marly)", a name written in lower case, has its commune).
                    let bodies =
                        common_noun_phrase(&name) && !communes.iter().any(|c| is_commune(c));
                    // "l'Office public de l'habitat (OPH)": a body and its abbreviation; "s'y
                    // joignent les communes voisines (A, B)": a clause, not a name.
                    let abbreviated = abbreviates(inner.as_str(), &name);
                    if plausible_name(&name)
                        && !bodies
                        && !abbreviated
                        && !looks_like_sentence(&name)
                    {
                        items.push(Item {
                            range: para.start + start + range.start..para.start + all.end(),
                            name,
                            communes: communes.clone(),
                            status: None,
                        });
                    }
                }
            }
            for (mut list, items, stated) in lists {
                // "Le quartier de Bellevue (Sainte-Suzanne), sorti de la géographie prioritaire,
                // est placé en veille active": the rest of the sentence tells.
                if !stated && let Some(last) = items.last() {
                    let after = &text[last.range.end..para.end];
                    let end = SENTENCE_END.find(after).map_or(after.len(), |m| m.start());
                    if let Some(status) = status_in(&after[..end]) {
                        list.status = status;
                    }
                }
                emit(doc, out, self.id(), &list, items);
            }
        }
    }
}

/// Whether the name ending `segment` and the names in the parentheses after it make together
/// the whole official name of a QPV of a commune the document names ("le Plateau (Europe,
/// Balzac)" for "Le Plateau - Europe - Balzac").
fn parts_of_one_name(doc: &Doc, segment: &str, inner: &str) -> bool {
    let probe = format!("{} {}", segment.trim_end(), inner.trim());
    let named = doc.named_communes();
    crate::gazetteer::qpv::find_qpvs(&probe).iter().any(|hit| {
        hit.range.start < segment.trim_end().len()
            && hit.range.end == probe.len()
            && hit.named.iter().any(|n| n.whole && n.qpv.communes.iter().any(|c| named.contains(c)))
    })
}

/// The end of a body's name before its town ("l'agence d'urbanisme de Vannes (Audev)",
/// "la Métropole de Lille (MEL)"): the parenthesis is the body's abbreviation, not the town's
/// quartiers, unless the noun is the quartiers' ("les quartiers de Colomiers (...)").
static OF_A_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[\s'’])(?P<noun>\p{L}+)\s+(?:de|du|des|d['’])\s*(?:la\s+|l['’])?$")
        .expect("valid regex")
});

/// Whether the text before a town ends with "<noun> de" where the noun is no word of the
/// quartiers ([`OF_A_BODY`]).
fn of_a_body(before: &str) -> bool {
    const OWN: &[&str] = &[
        "quartier",
        "quartiers",
        "secteur",
        "secteurs",
        "cité",
        "cités",
        "ville",
        "commune",
        "prioritaire",
        "prioritaires",
        "active",
        "veille",
        "qpv",
    ];
    OF_A_BODY.captures(before).and_then(|c| c.name("noun")).is_some_and(|n| {
        let noun = n.as_str().to_lowercase();
        !OWN.contains(&noun.as_str())
    })
}

/// Whether `inner`, one word that is no commune, is the abbreviation of `name`: its letters are
/// the initials of the name's words, small words aside, in order, from the first ("Caisse
/// d'allocations familiales" for "Caf", "Agence nationale pour la rénovation urbaine" for
/// "ANRU").
fn abbreviates(inner: &str, name: &str) -> bool {
    const SMALL: &[&str] = &[
        "l", "d", "de", "du", "des", "la", "le", "les", "et", "a", "au", "aux", "en", "pour", "sur",
    ];
    let inner = inner.trim();
    let letters: Vec<char> = crate::names::fold_keep_article(inner).chars().collect();
    if inner.contains(char::is_whitespace)
        || !(2..=8).contains(&letters.len())
        || !letters.iter().all(|c| c.is_alphabetic())
        || is_commune(inner)
    {
        return false;
    }
    let folded = crate::names::fold_keep_article(name);
    let initials: Vec<char> = folded
        .split(' ')
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    if initials.first() != letters.first() {
        return false;
    }
    let mut rest = initials.iter();
    letters.iter().all(|l| rest.any(|i| i == l))
}

/// An all-capitals word of up to six letters ("MEL", "CALL"): an abbreviation, not a quartier.
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !s.contains(' ') && (2..=6).contains(&letters.len()) && letters.iter().all(|c| c.is_uppercase())
}

/// The reversed reading of "Commune (Quartier / Quartier)": when the capitalised words before
/// the parenthesis are a commune of the gazetteer and the parenthesis is none, that commune and
/// the names the parenthesis lists (split at slashes, semicolons, commas and "et").
fn reversed(segment: &str, inner: &str) -> Option<(String, Vec<String>)> {
    static SPLIT: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[ \t]*(?:/|;|,)[ \t]*|[ \t]+et[ \t]+").expect("valid regex"));
    let tail = capitalised_tail(segment);
    let commune = clean_name(&segment[tail..]);
    if commune.is_empty()
        || !is_commune(&commune)
        || is_commune(inner.trim())
        || is_acronym(inner.trim())
        || of_a_body(&segment[..tail])
    {
        return None;
    }
    let names: Vec<String> =
        SPLIT.split(inner).map(clean_name).filter(|n| !n.is_empty() && !is_commune(n)).collect();
    (!names.is_empty()).then_some((commune, names))
}

/// Where the name before a parenthesis at `end` starts: after the last semicolon, colon,
/// sentence end or heading line in `t[from..end]`.
fn segment_start(t: &str, from: usize, end: usize) -> usize {
    let gap = &t[from..end];
    let mut start = 0;
    for (i, c) in gap.char_indices() {
        let next = gap[i + c.len_utf8()..].trim_start().chars().next();
        let cut = match c {
            // A tab ends a table's cell ("CA du Littoral\t03/2024\tBellevue (Nantes)").
            ';' | ':' | '\t' => true,
            '.' => gap[i + 1..].starts_with([' ', '\n']) && next.is_some_and(char::is_uppercase),
            // A line break ends a heading ("Quartiers en veille active") but not a wrapped
            // line of the list.
            '\n' => {
                let line = gap[start..i].trim();
                speaks_of_quartiers(line)
                    || line.ends_with(':')
                    || line.chars().any(|c| c.is_ascii_digit())
            }
            _ => false,
        };
        if cut {
            start = i + c.len_utf8();
        }
    }
    let rest = &gap[start..];
    let skip = LEADING_LINK.find(rest).map_or(0, |m| m.end());
    from + start + skip
}

/// The names of one item (`segment` is the text before its parenthesis), with their ranges in
/// `segment`: the quoted names when there are some, else the segment cleaned, else its
/// capitalised tail ("16 000 € pour la Cité Carpeaux" → "Cité Carpeaux").
fn names(segment: &str) -> Vec<(String, std::ops::Range<usize>)> {
    let quoted: Vec<(String, std::ops::Range<usize>)> = QUOTED
        .captures_iter(segment)
        .filter_map(|c| {
            let m = c.get(1).or_else(|| c.get(2))?;
            Some((clean_name(m.as_str()), m.range()))
        })
        .collect();
    if !quoted.is_empty() {
        return quoted;
    }
    let name = clean_name(segment);
    if name.chars().next().is_some_and(char::is_uppercase) {
        return vec![(name, 0..segment.len())];
    }
    let tail = capitalised_tail(segment);
    let name = clean_name(&segment[tail..]);
    if name.is_empty() { vec![] } else { vec![(name, tail..segment.len())] }
}

/// The names of `name` when it lists with commas (and a last "et") whole official names of
/// distinct QPVs of the communes the document names ("Mireuil, Villeneuve-Les-Salines et
/// Port-Neuf"); `None` otherwise: the parts of one QPV's name ("Palmer, Saraillère") stay one
/// item, and so does a list holding any other name.
fn official_names(doc: &Doc, name: &str) -> Option<Vec<String>> {
    if !name.contains(',') {
        return None;
    }
    let (head, last) = name.rsplit_once(" et ").unwrap_or((name, ""));
    let pieces: Vec<String> = head
        .split(',')
        .chain(std::iter::once(last))
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_owned)
        .collect();
    let mut codes: Vec<&str> = Vec::new();
    for p in &pieces {
        if !names_a_qpv(doc, p) {
            return None;
        }
        codes.push(qpv_code_of(doc, p)?);
    }
    let n = codes.len();
    codes.sort_unstable();
    codes.dedup();
    (n > 1 && codes.len() == n).then_some(pieces)
}

/// The two names of `name` when it is "A et B", each side beginning with a capital (an article
/// aside on the second: "Bellevue et les Tilleuls"), the first not ending with a particle
/// ("Cité de la Paix et de l'Amitié" stays one name).
fn pair(name: &str) -> Option<(String, String)> {
    let (a, b) = name.split_once(" et ")?;
    let (a, b) = (a.trim(), b.trim());
    if b.contains(" et ") {
        return None;
    }
    let article = ["le ", "la ", "les ", "l'", "l’", "Le ", "La ", "Les ", "L'", "L’"];
    let b_bare = article.iter().find_map(|p| b.strip_prefix(p)).unwrap_or(b);
    let capital = |s: &str| s.chars().next().is_some_and(char::is_uppercase);
    let last = a.rsplit(' ').next().unwrap_or("");
    if !capital(a) || !capital(b_bare) || PARTICLES.contains(&last) {
        return None;
    }
    Some((a.to_string(), clean_name(b)))
}

/// Start of the longest run of capitalised words and particles ending `segment`.
fn capitalised_tail(segment: &str) -> usize {
    let trimmed = segment.trim_end();
    let mut start = trimmed.len();
    let mut pos = trimmed.len();
    for word in trimmed.split(' ').rev() {
        let word_start = pos - word.len();
        pos = word_start.saturating_sub(1);
        if word.is_empty() {
            continue;
        }
        let capital = word.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || word.starts_with("l'") && word[2..].starts_with(char::is_uppercase)
            || word.starts_with("d'") && word[2..].starts_with(char::is_uppercase);
        if capital {
            start = word_start;
        } else if !PARTICLES.contains(&word) {
            break;
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::quartiers::testing::{finds, none, run_as};

    #[test]
    fn a_common_noun_before_bodies_in_parentheses_is_no_quartier() {
        none(
            &Parenthesised,
            "Quartiers : les bailleurs sociaux (Vannes Golfe Habitat, Bretagne Sud Habitat) s'engagent.",
        );
        finds(
            &Parenthesised,
            "Quartiers en veille active : Les tilleuls (Marly) ; Cité Kuhlmann (Odomez).",
            &["Les tilleuls @ Marly : veille", "Cité Kuhlmann @ Odomez : veille"],
        );
    }

    #[test]
    fn a_body_before_its_abbreviation_is_no_quartier() {
        none(
            &Parenthesised,
            "Les quartiers sont choisis par l'Observatoire national de la pauvreté urbaine (ONPU) chaque année.",
        );
        none(
            &Parenthesised,
            "Dans les quartiers, la Caisse d'allocations familiales (Caf) finance les centres sociaux.",
        );
        assert!(abbreviates(
            "Insee",
            "Institut national de la statistique et des études économiques"
        ));
        assert!(!abbreviates("Bron", "Terraillon"));
        assert!(!abbreviates("Vaulx-en-Velin", "Mas du Taureau"));
        finds(
            &Parenthesised,
            "Quartiers prioritaires : Croix Rouge (Reims) ; Orgemont (Épinay-sur-Seine).",
            &["Croix Rouge @ Reims : prioritaire", "Orgemont @ Épinay-sur-Seine : prioritaire"],
        );
    }

    #[test]
    fn official_names_listed_with_commas_before_one_commune() {
        finds(
            &Parenthesised,
            "Deux quartiers prioritaires pour la ville : Perseigne, Courteille (Alençon).",
            &["Perseigne @ Alençon : prioritaire", "Courteille @ Alençon : prioritaire"],
        );
        // A table flattened to cells: the name starts after the last tab.
        finds(
            &Parenthesised,
            "Quartiers prioritaires par contrat\nCU d'Alençon\tmai 2024\tPerseigne, Courteille (Alençon)\tsigné",
            &["Perseigne @ Alençon : prioritaire", "Courteille @ Alençon : prioritaire"],
        );
        // Another name among them: one item, as written.
        finds(
            &Parenthesised,
            "Deux quartiers prioritaires pour la ville : Perseigne, Les Jardins Fleuris (Alençon).",
            &["Perseigne, Les Jardins Fleuris @ Alençon : prioritaire"],
        );
    }

    #[test]
    fn two_quartiers_joined_by_et_before_one_commune() {
        finds(
            &Parenthesised,
            "Sept quartiers sont retenus : Marcouville et Les Tilleuls (Pontoise), Le Haut-Bois (Oignies).",
            &[
                "Marcouville @ Pontoise : prioritaire",
                "Les Tilleuls @ Pontoise : prioritaire",
                "Le Haut-Bois @ Oignies : prioritaire",
            ],
        );
        finds(
            &Parenthesised,
            "Les quartiers prioritaires : Gare-Nord et Louvrais (Pontoise) et Bas-Rhin (Molsheim).",
            &[
                "Gare-Nord @ Pontoise : prioritaire",
                "Louvrais @ Pontoise : prioritaire",
                "Bas-Rhin @ Molsheim : prioritaire",
            ],
        );
        // No side is an official name: one name.
        finds(
            &Parenthesised,
            "Quartiers prioritaires : Cité Soleil et Lune (Marly) ; Le Haut-Bois (Oignies).",
            &["Cité Soleil et Lune @ Marly : prioritaire", "Le Haut-Bois @ Oignies : prioritaire"],
        );
        assert_eq!(pair("Cité de la Paix et de l'Amitié"), None);
        assert_eq!(pair("Rue des Arts et métiers"), None);
    }

    #[test]
    fn a_clause_before_a_list_of_communes_is_no_quartier() {
        none(
            &Parenthesised,
            "Les quartiers de la ville centre sont concernés. Viennent ensuite les autres villes signataires (Bron, Vénissieux et Rillieux-la-Pape).",
        );
        none(
            &Parenthesised,
            "Pour les quartiers, s'y associent aussi les communes voisines (Anzin, Beuvrages).",
        );
        finds(
            &Parenthesised,
            "Les quartiers du contrat : Centre ancien (Beaucaire) et Les Cités des fleurs (Tarascon).",
            &[
                "Centre ancien @ Beaucaire : prioritaire",
                "Les Cités des fleurs @ Tarascon : prioritaire",
            ],
        );
    }

    #[test]
    fn a_commune_with_its_quartiers_in_parentheses() {
        finds(
            &Parenthesised,
            "Trois quartiers prioritaires sont situés à Lanester (Kerfréhour / Petit Paris) et Hennebont (Kerihouais).",
            &[
                "Kerfréhour @ Lanester : prioritaire",
                "Petit Paris @ Lanester : prioritaire",
                "Kerihouais @ Hennebont : prioritaire",
            ],
        );
        finds(
            &Parenthesised,
            "Deux quartiers prioritaires : Kerfréhour (Lanester) et Kerihouais (Hennebont).",
            &["Kerfréhour @ Lanester : prioritaire", "Kerihouais @ Hennebont : prioritaire"],
        );
    }

    #[test]
    fn the_other_parts_of_an_official_name_in_parentheses_are_no_communes() {
        // "Le Plateau - Europe - Balzac" is a QPV of Saint-Brieuc (and Balzac a commune of the
        // Charente): the gazetteer rule reads it whole.
        finds(
            &Parenthesised,
            "Les quartiers prioritaires : Waron (Saint-Brieuc) ; le Plateau (Europe, Balzac).",
            &["Waron @ Saint-Brieuc : prioritaire"],
        );
        finds(
            &Parenthesised,
            "Les quartiers prioritaires : Waron (Saint-Brieuc) ; le Plateau (Saint-Brieuc).",
            &["Waron @ Saint-Brieuc : prioritaire", "Plateau @ Saint-Brieuc : prioritaire"],
        );
    }

    #[test]
    fn a_figure_in_parentheses_is_no_quartier() {
        // "Verdun" is also a commune: its parenthesis holds a figure, not a quartier.
        none(
            &Parenthesised,
            "Le contrat concerne les quartiers Pasteur (1 200 habitants), Verdun (2 000 habitants) et Gambetta.",
        );
    }

    #[test]
    fn a_semicolon_list_after_a_colon() {
        finds(
            &Parenthesised,
            "2 quartiers prioritaires : Verrerie – Square République (Anzin) ; Cité Lecocq (Condé sur l'Escaut)",
            &[
                "Verrerie – Square République @ Anzin : prioritaire",
                "Cité Lecocq @ Condé sur l'Escaut : prioritaire",
            ],
        );
    }

    #[test]
    fn several_communes_in_one_item() {
        finds(
            &Parenthesised,
            "Quartiers prioritaires : Zone des rives (Anzin, Beuvrages / Marly) ; Coron des 120 (Valenciennes / Anzin) ; Blanc Misseron (Crespin Quiévrechain).\n\nLes mairies de Crespin et de Quiévrechain signent.",
            &[
                "Zone des rives @ Anzin/Beuvrages/Marly : prioritaire",
                "Coron des 120 @ Valenciennes/Anzin : prioritaire",
                "Blanc Misseron @ Crespin Quiévrechain : prioritaire",
            ],
        );
    }

    #[test]
    fn known_communes_written_side_by_side_are_two() {
        finds(
            &Parenthesised,
            "Quartiers en veille : Le Bosquet (Crespin) ; La Gare (Quiévrechain) ; Blanc Misseron (Crespin Quiévrechain)",
            &[
                "Le Bosquet @ Crespin : veille",
                "La Gare @ Quiévrechain : veille",
                "Blanc Misseron @ Crespin/Quiévrechain : veille",
            ],
        );
    }

    #[test]
    fn the_heading_gives_the_status_and_a_new_intro_opens_a_new_list() {
        finds(
            &Parenthesised,
            "Quartiers en veille active\nLa Source (Orléans) ; Les Blossières (Orléans)\n\nAutres quartiers : NPNRU : Le quartier d'intérêt national Argonne (Orléans)",
            &[
                "La Source @ Orléans : veille",
                "Les Blossières @ Orléans : veille",
                "Argonne @ Orléans : autre",
            ],
        );
    }

    #[test]
    fn prose_with_commas_and_quoted_names() {
        finds(
            &Parenthesised,
            "PRU : L'ANRU a alloué 12 000 € pour le quartier « Les Ormes » (Dreux), 30 000 € pour les quartiers « Chamards », « Bâtes » (Dreux), 5 000 € pour la Cité Perrin (Vernouillet).",
            &[
                "Les Ormes @ Dreux : autre",
                "Chamards @ Dreux : autre",
                "Bâtes @ Dreux : autre",
                "Cité Perrin @ Vernouillet : autre",
            ],
        );
    }

    #[test]
    fn the_rest_of_the_sentence_gives_the_status() {
        finds(
            &Parenthesised,
            "Le quartier de Bellevue (Sainte-Suzanne), sorti de la géographie prioritaire, est placé en veille active. Le reste suit.",
            &["Bellevue @ Sainte-Suzanne : veille"],
        );
    }

    #[test]
    fn the_count_is_compared_with_the_list() {
        let out = run_as(
            &Parenthesised,
            "Trois quartiers prioritaires : Bellevue (Nantes) ; Malakoff (Nantes)",
            crate::record::Format::Text,
        );
        assert_eq!(out.quartiers.len(), 2);
        assert_eq!(out.warnings.len(), 1);
        assert_eq!(out.warnings[0].kind, "quartiers.count_mismatch");
        let out = run_as(
            &Parenthesised,
            "Deux quartiers prioritaires : Bellevue (Nantes) ; Malakoff (Nantes)",
            crate::record::Format::Text,
        );
        assert!(out.warnings.is_empty());
    }

    #[test]
    fn parentheses_that_are_not_communes_or_not_about_quartiers() {
        none(
            &Parenthesised,
            "Date de signature : le 10 juillet, à l'hôtel d'agglomération (Narbonne)",
        );
        none(&Parenthesised, "Les quartiers prioritaires (QPV) et les quartiers en veille (4).");
        none(&Parenthesised, "Quartiers en veille active (anciennement en CUCS) :");
        // Second names in parentheses, the commune after them: the prose rule reads them.
        none(
            &Parenthesised,
            "Deux quartiers prioritaires : Gare (Nord) et Mistral (Colline) à Sète.",
        );
        // A body of a place and its abbreviation.
        none(
            &Parenthesised,
            "Les quartiers prioritaires sont suivis par l'agence d'urbanisme de la région de Lorient (Audelor) et la Métropole de Lyon (ML).",
        );
    }
}
