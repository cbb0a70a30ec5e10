//! Rule family `territories`: the intercommunalities and communes a document names, and which of
//! them carries a contrat de ville.
//!
//! Carriers come first from the text's own words: the owner of "le contrat de ville de X"
//! (`territories.contract_of`), the subject of "X signe son contrat de ville"
//! (`territories.own_contract`), a fact sheet's "Collectivité pilote : X"
//! (`territories.pilot_field`). Only when none of those speaks does a sentence that reports a
//! signature of "le contrat de ville" name its carrier by the intercommunality or the "Ville de
//! X" it mentions (`territories.signing_sentence`). A territory told as a turn of a series of
//! signings ("C'est X qui ouvre la série", "Après X, c'était au tour de…") carries one more
//! contract beside the page's (`territories.in_turn`). Other intercommunalities are kept as
//! non-carrying mentions (`territories.epci_mention`).

mod contract_of;
mod epci_mention;
mod grammar;
mod in_turn;
mod main_epci;
mod ordinal;
mod own_contract;
mod pilot_field;
mod ranked;
mod sheet_title;
mod signing_sentence;
mod title_colon;

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{Candidates, Doc, Rule};
use crate::gazetteer;
use crate::names::fold;
use crate::record::Territory;

/// The rules of this family.
/// The rule ids of carriers told as one of a series of signings, which the merger reads: a
/// series' row or timeline entry, a turn ("C'est X qui ouvre la série"), a contract signed
/// before the page's own and named in passing.
pub use in_turn::{BEFORE_ID as IN_TURN_BEFORE_ID, ID as IN_TURN_ID};
pub use ranked::SERIES_ID;

pub const RULES: &[&dyn Rule] = &[
    &contract_of::ContractOf,
    &epci_mention::EpciMention,
    &in_turn::InTurn,
    &main_epci::MainEpci,
    &ordinal::Ordinal,
    &own_contract::OwnContract,
    &pilot_field::PilotField,
    &sheet_title::SheetTitle,
    &signing_sentence::SigningSentence,
    &title_colon::TitleColon,
];

/// A territory found at `range` of the normalised text; a name without a kind is a commune's,
/// unless it is an acronym ("CALL"): communes have none.
fn territory(
    doc: &Doc,
    range: Range<usize>,
    kind: Option<&str>,
    carries_contract: bool,
    rule: &str,
) -> Territory {
    let range = grammar::before_opener(doc.text(), range);
    // A title part cut at a spaced dash keeps no dash ("SAINT-BRIEUC ARMOR AGGLOMÉRATION -
    // CONTRAT DE VILLE").
    let kept =
        doc.text()[range.clone()].trim_end_matches([' ', '\t', '-', '–', '—', ',', ':', ';']);
    let range = range.start..range.start + kept.len();
    let name: String = doc.text()[range.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
    Territory {
        kind: kind
            .or_else(|| grammar::abbreviated_kind(&name))
            .unwrap_or(if name.chars().all(|c| c.is_uppercase()) { "EPCI" } else { "commune" })
            .to_owned(),
        code: None,
        carries_contract,
        evidence: doc.evidence(range, rule),
        name,
    }
}

/// Resolves this family's candidates: a territory named in a related-article link goes; a
/// fallback carrier (`territories.signing_sentence`,
/// `territories.sheet_title`, `territories.title_colon`, and last `territories.main_epci`) stands
/// only when no rule found a carrier in the text's own words; a carrier takes the shortest form
/// the document also uses for it (the long "Grand Paris Sud Seine-Essonne-Sénart" is "Grand
/// Paris Sud" in the rest of the text), an acronym the long form the text defines it by ("la
/// communauté urbaine Grand Besançon Métropole (GBM)"); duplicates of one span go. When no rule
/// found a carrier, the document-level resolvers of [`ranked`] choose one from the whole text.
pub fn resolve(doc: &Doc, out: &mut Candidates) {
    // The titles of related-article links ("Dans la même rubrique", "À lire aussi") name other
    // pages' contracts.
    let related: Vec<[usize; 2]> = super::figures::related_links(doc.text())
        .into_iter()
        .map(|r| doc.evidence(r, "").span)
        .collect();
    let inside = |s: [usize; 2]| related.iter().any(|r| r[0] <= s[0] && s[1] <= r[1]);
    out.territories.retain(|t| !inside(t.evidence.span));
    ranked::resolve(doc, out);
    for t in out.territories.iter_mut().filter(|t| t.carries_contract) {
        if let Some(long) = grammar::defined_acronym(doc.text(), &t.name) {
            t.name = long;
        }
    }
    // "la communauté de communes du Val fleuri (CCVF)": a name cut short by a lower-case word
    // is written by the acronym the text gives it.
    for t in out.territories.iter_mut().filter(|t| t.carries_contract) {
        if let Some(acronym) = acronym_after(doc.text(), &t.name) {
            t.name = acronym;
        }
    }
    // "le contrat de ville de Brest, conduit sous le pilotage de Brest métropole": the
    // intercommunality that steers a town's contract, the town among its members, carries it.
    for t in out.territories.iter_mut().filter(|t| t.carries_contract && t.kind == "commune") {
        if let Some((name, kind)) = piloting_epci(doc.text(), &t.name) {
            t.name = name;
            t.kind = kind.to_owned();
        }
    }
    // "la communauté de communes de la Moivre à la Coole", "le contrat de Lodévois et Larzac",
    // "du Gard rhodanien": the name goes on past "à", "et" or into a lower-case word when the
    // gazetteer knows the longer name.
    for t in out.territories.iter_mut().filter(|t| t.carries_contract) {
        if let Some(long) =
            with_place_after(doc.clean, t).or_else(|| with_dashed_tail(doc.clean, t))
        {
            t.name = long;
        }
    }
    // "le contrat de ville du Territoire de Marseille Provence": a métropole's territory is
    // named without the word.
    for t in out.territories.iter_mut().filter(|t| t.carries_contract) {
        if let Some(rest) = without_territory_word(&t.name) {
            t.name = rest;
        }
    }
    // "Communauté d'Agglomération Rochefort Océan" (a name read back from capitals keeps its
    // capitalised kind): a carrier goes by its short name.
    for t in out.territories.iter_mut().filter(|t| t.carries_contract) {
        if let Some(rest) = grammar::without_kind_prefix(&t.name) {
            t.name = rest.to_owned();
        }
    }
    // "CC Cœur de Lozère" in a running header, "la communauté de communes Cœur de Lozère" in the
    // prose: the abbreviated kind goes as the written-out one does.
    for t in out.territories.iter_mut().filter(|t| t.carries_contract) {
        if let Some(rest) = without_abbreviated_kind(doc.clean, &t.name) {
            t.name = rest;
        }
    }
    let short: Vec<Option<String>> = out
        .territories
        .iter()
        .map(|t| {
            if t.carries_contract {
                shortest_form(doc.clean, &t.name, &out.territories)
            } else {
                None
            }
        })
        .collect();
    for (t, short) in out.territories.iter_mut().zip(short) {
        if let Some(short) = short {
            t.name = short;
        }
    }
    // One name, one kind: the most telling any mention gives ("Forbach Porte de France" is a
    // commune's name by itself, a CA where the text says "la communauté d'agglomération").
    let rank = |k: &str| match k {
        "commune" => 0,
        "EPCI" => 1,
        _ => 2,
    };
    let keys: Vec<String> = out.territories.iter().map(|t| fold(&t.name)).collect();
    let kinds: Vec<String> = keys
        .iter()
        .map(|key| {
            let same = out.territories.iter().zip(&keys).filter(|(_, k)| *k == key);
            same.map(|(o, _)| o)
                .max_by_key(|o| (rank(&o.kind), std::cmp::Reverse(o.evidence.span)))
                .map_or_else(String::new, |o| o.kind.clone())
        })
        .collect();
    for (t, kind) in out.territories.iter_mut().zip(kinds) {
        t.kind = kind;
    }
    drop_quartier_carriers(&mut out.territories);
    // A neighbour that signed "le sien" carries a second contract: it takes no fallback's
    // place, nor gives way to a carrier named otherwise.
    let tier = |t: &Territory| fallback_tier(&t.evidence.rule);
    let neighbour = own_contract::is_neighbour;
    let ranked = out.territories.iter().filter(|t| t.carries_contract && !neighbour(t));
    if let Some(best) = ranked.map(tier).min() {
        out.territories.retain(|t| !t.carries_contract || neighbour(t) || tier(t) == best);
    }
    // A turn of a series that another rule read at the same place ("c'était au tour de X de
    // signer son contrat") keeps that rule's evidence.
    let found: Vec<[usize; 2]> = out
        .territories
        .iter()
        .filter(|t| t.carries_contract && !in_turn::is_turn(t))
        .map(|t| t.evidence.span)
        .collect();
    out.territories.retain(|t| !in_turn::is_turn(t) || !found.contains(&t.evidence.span));
    town_inside_its_epci(doc.clean, &mut out.territories);
    // The contracts a count says the page reports and the carriers found leave out.
    ranked::counted_rest(doc, out);
    for t in out.territories.iter_mut().filter(|t| t.kind == "commune") {
        if let Some(name) = with_swallowed_article(&t.name) {
            t.name = name;
        }
    }
    out.territories.sort_by(|a, b| {
        (a.evidence.span, !a.carries_contract).cmp(&(b.evidence.span, !b.carries_contract))
    });
    out.territories.dedup_by(|b, a| a.evidence.span == b.evidence.span && a.name == b.name);
}

/// A linked carrier written both as an acronym and in words ("la MEL", "la Métropole
/// européenne de Lille") goes by the form the page uses first: the headline's ("Quatre
/// communes dans TPM" makes the contract TPM's, a title naming "la Métropole européenne de
/// Lille (MEL)" the long form's). An acronym first met in parentheses right after its name
/// in words ("… de Lille (MEL)") was met in words: the words before it, as written, when the
/// gazetteer gives them the carrier's code. Other forms (a long and a short name in words)
/// are left as chosen. Runs after linking: forms are the same territory when they have the
/// same code.
pub fn first_written_form(clean: &str, territories: &mut [Territory]) {
    if !territories.iter().any(|t| t.carries_contract && t.code.is_some()) {
        return;
    }
    let lower = clean.to_lowercase();
    // Where each linked territory's name first stands, computed once per territory.
    let firsts: Vec<(usize, &Territory)> = territories
        .iter()
        .filter(|o| o.code.is_some())
        .map(|o| (first_at(clean, &lower, &o.name).unwrap_or(o.evidence.span[0]), o))
        .collect();
    let renames: Vec<Option<String>> = territories
        .iter()
        .map(|t| {
            let code = t.code.as_deref().filter(|_| t.carries_contract)?;
            let &(at, first) = firsts
                .iter()
                .filter(|(_, o)| o.code.as_deref() == Some(code))
                .min_by_key(|(at, _)| *at)?;
            let parenthesised = clean.get(..at).is_some_and(|b| b.trim_end().ends_with('('));
            let form = if grammar::is_acronym(&first.name) && parenthesised {
                words_before_parenthesis(clean, at, code)?
            } else {
                first.name.clone()
            };
            (form != t.name && grammar::is_acronym(&form) != grammar::is_acronym(&t.name))
                .then_some(form)
        })
        .collect();
    for (t, name) in territories.iter_mut().zip(renames) {
        if let Some(name) = name {
            t.name = name;
        }
    }
}

/// Folded words of a territory's name that are not its place: kinds of bodies, small words.
pub(crate) const NOT_PLACE: &[&str] = &[
    "agglo",
    "agglomeration",
    "ca",
    "cc",
    "cu",
    "communaute",
    "communes",
    "d",
    "de",
    "des",
    "du",
    "grand",
    "l",
    "la",
    "le",
    "les",
    "metropole",
    "pays",
    "urbaine",
    "ville",
];

/// "Le contrat de ville du Calaisis" beside "Cap Calaisis", "le contrat de ville de
/// l'agglomération montargoise" beside "l'Agglomération Montargoise et Rives du Loing (AME)": a
/// carrier the gazetteer does not know, by a name that is no commune's, département's or
/// région's, whose place words (its name without kinds of bodies and small words,
/// [`NOT_PLACE`]) all stand in the name of one intercommunality the page names and the
/// gazetteer knows, is that intercommunality: it takes its kind and code and keeps the name the
/// page gives the contract. So is an acronym the gazetteer does not know ("le contrat de ville
/// de la CoVe") beside the one linked intercommunality carrying a contract ("de la Communauté
/// d'agglomération Ventoux-Comtat-Venaissin"): communes have no acronyms. Several
/// intercommunalities that fit leave the carrier as it is. Runs after linking.
pub fn named_by_linked_epci(territories: &mut [Territory]) {
    let words = |name: &str| fold(name).split(' ').map(str::to_owned).collect::<Vec<String>>();
    let links: Vec<Option<(String, Option<String>)>> = territories
        .iter()
        .map(|t| {
            if !t.carries_contract || t.code.is_some() || !is_unknown_place(&t.name) {
                return None;
            }
            let epci = |o: &&Territory| {
                o.code.is_some()
                    && !matches!(o.kind.as_str(), "commune" | "departement" | "region" | "country")
            };
            if grammar::is_acronym(&t.name) {
                let carriers: Vec<&Territory> =
                    territories.iter().filter(|o| o.carries_contract).filter(epci).collect();
                let first = *carriers.first()?;
                let one = carriers.iter().all(|o| o.code == first.code);
                return one.then(|| (first.kind.clone(), first.code.clone()));
            }
            let place: Vec<String> =
                words(&t.name).into_iter().filter(|w| !NOT_PLACE.contains(&w.as_str())).collect();
            if place.is_empty() || place.iter().any(|w| w.chars().count() < 4) {
                return None;
            }
            let fits: Vec<&Territory> = territories
                .iter()
                .filter(epci)
                .filter(|o| place.iter().all(|w| words(&o.name).contains(w)))
                .collect();
            let first = *fits.first()?;
            let one = fits.iter().all(|o| o.code == first.code);
            one.then(|| (first.kind.clone(), first.code.clone()))
        })
        .collect();
    for (t, link) in territories.iter_mut().zip(links) {
        if let Some((kind, code)) = link {
            t.kind = kind;
            t.code = code;
        }
    }
}

/// "Le premier contrat de ville du Sud-Vendée" beside "porté par la communauté de communes du
/// Pays de Fontenay-le-Comte": a carrier no reference knows (no commune, intercommunality,
/// département, région or 2015 carrier, no acronym) is another name of the page's contract
/// when another carrier is one they know: it carries none of its own. A series of signings
/// keeps each of its territories. Runs after linking.
pub fn unknown_beside_known(territories: &mut [Territory]) {
    let series = |t: &Territory| t.evidence.rule == SERIES_ID || in_turn::is_turn(t);
    let known = |t: &Territory| t.code.is_some() || ranked::names_a_2015_carrier(&t.name);
    let carriers: Vec<&Territory> = territories.iter().filter(|t| t.carries_contract).collect();
    if carriers.iter().any(|t| series(t)) || !carriers.iter().any(|t| known(t)) {
        return;
    }
    let unknown: Vec<bool> = territories
        .iter()
        .map(|t| {
            t.carries_contract
                && !known(t)
                && !grammar::is_acronym(&t.name)
                && is_unknown_place(&t.name)
                && gazetteer::epci_named(&t.name).is_empty()
        })
        .collect();
    for (t, unknown) in territories.iter_mut().zip(unknown) {
        if unknown {
            t.carries_contract = false;
        }
    }
}

/// Whether the gazetteer knows `name` as no commune, département or région.
fn is_unknown_place(name: &str) -> bool {
    gazetteer::communes_named(name).is_empty()
        && gazetteer::departement_named(name).is_none()
        && gazetteer::region_named(name).is_none()
}

/// Where `name` first stands as whole words in the text, upper-case titles included: an
/// acronym as written in `clean`, other names in the text's lower case `lower` (an offset of
/// `lower` may differ from `clean`'s by a few bytes, enough to order first mentions).
fn first_at(clean: &str, lower: &str, name: &str) -> Option<usize> {
    let (hay, needle) = if grammar::is_acronym(name) {
        (clean, name.to_owned())
    } else {
        (lower, name.to_lowercase())
    };
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    hay.match_indices(&needle).map(|(i, _)| i).find(|&i| {
        !word(hay[..i].chars().next_back()) && !word(hay[i + needle.len()..].chars().next())
    })
}

/// The words right before the "(" that opens before `acronym` in `clean`, as written, when some
/// of their last words (at most eight, on the same line) are a name the gazetteer gives
/// `code`: the longest such name that opens with a capital (no article, no lower-case kind).
fn words_before_parenthesis(clean: &str, acronym: usize, code: &str) -> Option<String> {
    let before = clean.get(..acronym)?.trim_end().strip_suffix('(')?.trim_end();
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let words: Vec<&str> = line.split_whitespace().collect();
    (1..=words.len().min(8)).rev().find_map(|n| {
        let name = words[words.len() - n..].join(" ");
        let name = name.trim_start_matches(['«', '"', '(']).to_owned();
        let capitalised = name.chars().next().is_some_and(char::is_uppercase);
        (capitalised && gazetteer::epci_named(&name).iter().any(|e| e.siren == code))
            .then_some(name)
    })
}

/// The official name of the one commune `name` stands for when `name` lacks only its leading
/// article, which a contraction swallowed: "le contrat de ville du Mans" names "Le Mans", "au
/// Havre" "Le Havre", "des Mureaux" "Les Mureaux".
fn with_swallowed_article(name: &str) -> Option<String> {
    let [commune] = gazetteer::communes_named(name)[..] else { return None };
    let rest = ["Le ", "La ", "Les ", "L'", "L’"]
        .iter()
        .find_map(|article| commune.name.strip_prefix(article))?;
    (fold(rest) == fold(name)).then(|| commune.name.to_owned())
}

/// How far a carrier's rule is a fallback: 0 for a carrier named in the text's own words, 1 for
/// the sentence and title fallbacks, 2 for the main intercommunality.
fn fallback_tier(rule: &str) -> u8 {
    match rule {
        signing_sentence::ID | sheet_title::ID | title_colon::ID => 1,
        main_epci::ID => 2,
        _ => 0,
    }
}

/// The longest line read as a heading, in bytes.
const HEADING_BYTES: usize = 200;

/// Whether `span` of `clean` stands on a heading: a short line that no full stop ends.
fn heading_line(clean: &str, span: [usize; 2]) -> bool {
    let Some(line) = clean.get(..span[0]).map(|b| b.rfind('\n').map_or(0, |i| i + 1)) else {
        return false;
    };
    let end = clean
        .get(span[1]..)
        .map_or(clean.len(), |a| a.find('\n').map_or(clean.len(), |i| span[1] + i));
    let text = clean[line..end].trim_end();
    end - line <= HEADING_BYTES && !text.ends_with(['.', '!', '?', ';', ':', ','])
}

/// "Le contrat de ville d'Aurillac" in a title and "le contrat de ville de la communauté
/// d'agglomération du Bassin d'Aurillac" in the text are one contract: a town carrier whose name
/// is part of another carrier's, an intercommunality the gazetteer knows with the town among its
/// members, is that intercommunality (the law gives it the contract); so is a town that carried
/// no contract in 2015 beside the one intercommunality carrier of the page, when it belongs to
/// it or only a heading names it.
fn town_inside_its_epci(clean: &str, territories: &mut [Territory]) {
    let words = |name: &str| format!(" {} ", fold(name));
    let carriers: Vec<(String, String)> = territories
        .iter()
        .filter(|t| t.carries_contract && t.kind != "commune")
        .map(|t| (t.name.clone(), t.kind.clone()))
        .collect();
    for t in territories.iter_mut().filter(|t| t.carries_contract && t.kind == "commune") {
        let towns: Vec<&str> = gazetteer::communes_named(&t.name).iter().map(|c| c.insee).collect();
        let member = |name: &str| {
            gazetteer::epci_named(name).iter().any(|e| e.members.iter().any(|m| towns.contains(m)))
        };
        let inside =
            carriers.iter().find(|(name, _)| words(name).contains(&words(&t.name)) && member(name));
        // Else the page's one intercommunality carrier, when the town carried no contract of
        // its own in 2015 and belongs to it, or only a heading names the town as a carrier
        // ("le Département signe le contrat de ville de Drap" over "le contrat de ville de la
        // communauté de communes du Pays des Paillons"): a headline names a contract by its
        // town.
        let own_2015 = towns.iter().any(|insee| ranked::carried_in_2015(insee));
        let titled = heading_line(clean, t.evidence.span);
        let inside = inside.or(match carriers.as_slice() {
            [one] if !own_2015 && (titled || member(&one.0)) => Some(one),
            _ => None,
        });
        if let Some((name, kind)) = inside {
            t.name.clone_from(name);
            t.kind.clone_from(kind);
        }
    }
}

/// "Contrat de ville de Kermoysan" names a contract after one of its quartiers: a carrier
/// candidate that is a quartier prioritaire (a name of the official QPV list that is neither a
/// commune nor an intercommunality) is dropped when another carrier candidate is the commune of
/// that QPV, which carries the contract.
fn drop_quartier_carriers(territories: &mut Vec<Territory>) {
    let is_place = |name: &str| {
        !crate::gazetteer::communes_named(name).is_empty()
            || !crate::gazetteer::epci_named(name).is_empty()
    };
    let carriers: Vec<String> =
        territories.iter().filter(|t| t.carries_contract).map(|t| fold(&t.name)).collect();
    let commune_is_carrier = |insee: &str| {
        crate::gazetteer::commune(insee).is_some_and(|c| carriers.contains(&fold(c.name)))
    };
    territories.retain(|t| {
        if !t.carries_contract || is_place(&t.name) {
            return true;
        }
        let qpvs = crate::gazetteer::qpv::qpvs_named(&t.name);
        let quartier = qpvs.iter().any(|n| n.whole)
            && qpvs.iter().all(|n| n.qpv.communes.iter().any(|c| commune_is_carrier(c)));
        !quartier
    });
}

/// `t`'s name with the "à Place", "et Place" or lower-case word that follows its mention in the
/// clean text ("Moivre" → "Moivre à la Coole", "Lodévois" → "Lodévois et Larzac", "Gard" →
/// "Gard rhodanien"), when that longer name is an intercommunality's (of today, or a carrier of
/// 2015 since renamed: "Pays de Rhône et Ouvèze") and the shorter is not.
fn with_place_after(clean: &str, t: &Territory) -> Option<String> {
    static AT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[ \t]+(?:(à|et)[ \t]+((?:la[ \t]+|l'|l’)?\p{Lu}[\p{L}'’-]*)|(\p{Ll}[\p{L}'’-]+))",
        )
        .expect("valid regex")
    });
    // The official prefix a town's name kept ("communauté de communes de la Moivre") goes.
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^communauté[ \t]+(?:de[ \t]+communes|d'agglomération|urbaine)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|des[ \t]+|de[ \t]+|d')?")
            .expect("valid regex")
    });
    let caps = AT.captures(clean.get(t.evidence.span[1]..)?)?;
    if !t.evidence.text.ends_with(t.name.as_str()) || !gazetteer::epci_named(&t.name).is_empty() {
        return None;
    }
    let core = PREFIX.find(&t.name).map_or(t.name.as_str(), |m| &t.name[m.end()..]);
    let long = match (caps.get(1), caps.get(2), caps.get(3)) {
        (Some(link), Some(place), _) => format!("{core} {} {}", link.as_str(), place.as_str()),
        (.., Some(adjective)) => format!("{core} {}", adjective.as_str()),
        _ => return None,
    };
    let known = !gazetteer::epci_named(&long).is_empty()
        || ranked::names_a_2015_carrier(&long) && !ranked::names_a_2015_carrier(&t.name);
    known.then_some(long)
}

/// The name of carrier `t` gone on past a spaced dash in the clean text ("Villers-Cotterêts" →
/// "Villers-Cotterêts – Forêt de Retz", "Avranches" → "Avranches - Mont-Saint-Michel"), as
/// written, when that longer name is an intercommunality's (of today, or a carrier of 2015) and
/// the shorter is not: the longest such.
fn with_dashed_tail(clean: &str, t: &Territory) -> Option<String> {
    static DASHED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]+[–—-][ \t]+\p{Lu}[\p{L}'’-]*(?:(?:[ \t]+(?:de|du|des|la|le|les|de[ \t]+la)[ \t]+|[ \t]+d'|[ \t]+)\p{Lu}[\p{L}'’-]*){0,3}")
            .expect("valid regex")
    });
    let known =
        |name: &str| !gazetteer::epci_named(name).is_empty() || ranked::names_a_2015_carrier(name);
    if !t.evidence.text.ends_with(t.name.as_str()) || known(&t.name) {
        return None;
    }
    let tail = DASHED.find(clean.get(t.evidence.span[1]..)?)?.as_str();
    // Each end of a word of the tail (they come in order, the tail's own end last), the longest
    // first.
    let ends: Vec<usize> = tail
        .char_indices()
        .filter(|&(i, c)| !c.is_whitespace() && tail[i + c.len_utf8()..].starts_with([' ', '\t']))
        .map(|(i, c)| i + c.len_utf8())
        .chain([tail.len()])
        .collect();
    ends.into_iter().rev().map(|end| format!("{}{}", t.name, &tail[..end])).find(|long| known(long))
}

/// The intercommunality the text says steers or carries the contract ("sous le pilotage de X",
/// "piloté par X", "porté par X", "X porte le contrat"), as written, when the gazetteer knows it
/// and town `town` is one of its members.
fn piloting_epci(text: &str, town: &str) -> Option<(String, &'static str)> {
    static PILOTED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i:sous[ \t]+le[ \t]+pilotage|pilotée?|portée?)[ \t]+(?i:de|par)[ \t]+(?i:la[ \t]+|l'|l’|le[ \t]+)?(?P<name>{})",
            *grammar::NAME
        ))
        .expect("valid regex")
    });
    // The active voice: "Le Grand Chalon porte ce contrat", "Brest métropole pilote le contrat".
    static PILOTS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?P<name>{})[ \t]+(?:porte|pilote)[ \t]+(?:le|ce|ces|les)[ \t]+contrats?\b",
            *grammar::NAME
        ))
        .expect("valid regex")
    });
    let towns: Vec<&str> = gazetteer::communes_named(town).iter().map(|c| c.insee).collect();
    PILOTED.captures_iter(text).chain(PILOTS.captures_iter(text)).find_map(|caps| {
        let name = caps.name("name")?.as_str();
        let epci = gazetteer::epci_named(name)
            .into_iter()
            .find(|e| e.members.iter().any(|m| towns.contains(m)))?;
        Some((name.split_whitespace().collect::<Vec<_>>().join(" "), epci.record_kind()))
    })
}

/// The acronym the text gives `name` followed by one or two lower-case words ("Val fleuri
/// (CCVF)" → "CCVF"): the capitalised name stopped at the lower-case word, and the acronym is the
/// only whole name the text writes. The initials of the name's words and of the lower-case words
/// appear in the acronym, in order.
fn acronym_after(text: &str, name: &str) -> Option<String> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?P<lower>(?:[ \t]+\p{Ll}[\p{L}-]*){1,2})[ \t]*\((?P<acr>\p{Lu}{2,8})\)")
            .expect("valid regex")
    });
    if name.is_empty() {
        return None;
    }
    text.match_indices(name).find_map(|(at, _)| {
        let caps = AFTER.captures(&text[at + name.len()..])?;
        let acronym = caps.name("acr")?.as_str();
        let words = format!("{name} {}", caps.name("lower")?.as_str());
        let small = ["d", "de", "des", "du", "l", "la", "le", "les", "sur", "et"];
        let mut initials = words
            .split([' ', '\t', '\'', '’', '-'])
            .filter(|w| !w.is_empty() && !small.contains(&w.to_lowercase().as_str()))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_uppercase);
        let mut letters = acronym.chars();
        let ordered = initials.all(|i| letters.any(|a| a == i));
        ordered.then(|| acronym.to_owned())
    })
}

/// `name` without the abbreviated kind that opens it ("CC Cœur de Lozère" → "Cœur de Lozère",
/// "CA du Pays Vert" → "Pays Vert") when `clean` also writes the rest after its kind written out
/// ("la communauté de communes Cœur de Lozère"), the form whose kind a carrier's name drops
/// ([`grammar::without_kind_prefix`]). A page that only writes "CC X" keeps it.
fn without_abbreviated_kind(clean: &str, name: &str) -> Option<String> {
    static ABBREVIATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^{}[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|des[ \t]+|de[ \t]+|d')?\p{{Lu}}",
            *grammar::ABBREVIATIONS
        ))
        .expect("valid regex")
    });
    static WRITTEN_OUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bcommunaut[ée][ \t]+(?:de[ \t]+communes|d['’][ \t]*agglom[ée]ration|urbaine)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+|de[ \t]+|d['’])?$")
            .expect("valid regex")
    });
    let m = ABBREVIATED.find(name)?;
    let rest = &name[m.end() - m.as_str().chars().last()?.len_utf8()..];
    let written_out = clean.match_indices(rest).any(|(at, _)| {
        let before = &clean[clean.floor_char_boundary(at.saturating_sub(60))..at];
        WRITTEN_OUT.is_match(before)
    });
    written_out.then(|| rest.to_owned())
}

/// `name` without an opening "Territoire de / du / des" ("Territoire de Marseille Provence" →
/// "Marseille Provence"), when a capitalised name follows.
fn without_territory_word(name: &str) -> Option<String> {
    let rest = [
        "Territoire de la ",
        "Territoire de l'",
        "Territoire du ",
        "Territoire des ",
        "Territoire de ",
        "Territoire d'",
    ]
    .iter()
    .find_map(|p| name.strip_prefix(p))?;
    rest.chars().next().is_some_and(char::is_uppercase).then(|| rest.to_owned())
}

/// The shortest other name of `all` whose folded words open `name`'s, or that writes its final
/// "Agglomération" "Agglo" ("Montélimar Agglo"), with two words at least and without dropping a
/// kind word ("Perpignan Méditerranée Métropole" stays whole); not a mention that the rest of
/// `name` follows in `clean` (one writing of the long name, cut: "Pays de Rhône" in "Pays de
/// Rhône et Ouvèze").
fn shortest_form(clean: &str, name: &str, all: &[Territory]) -> Option<String> {
    let words = fold(name);
    let head = words.strip_suffix("agglomeration");
    let cut = |o: &Territory, f: &str| {
        let rest = words.get(f.len()..).unwrap_or("").trim();
        let end = o.evidence.span[1].min(clean.len());
        let after = &clean[end..clean.ceil_char_boundary(end + rest.len() * 2 + 8)];
        !rest.is_empty() && fold(after).starts_with(rest)
    };
    all.iter()
        .filter(|o| {
            let f = fold(&o.name);
            f.contains(' ')
                && f.len() < words.len()
                && (words.starts_with(&format!("{f} "))
                    || head.is_some_and(|h| f.strip_suffix("agglo") == Some(h)))
                && (grammar::word_kind(name).is_none() || grammar::word_kind(&o.name).is_some())
                && !cut(o, &f)
        })
        .min_by_key(|o| (o.name.len(), o.evidence.span))
        .map(|o| o.name.clone())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::record::Format;

    fn run(rules: &[&dyn Rule], text: &str, resolved: bool) -> Vec<Territory> {
        let resolve: Option<fn(&Doc, &mut Candidates)> = resolved.then_some(resolve);
        crate::rules::testing::run(rules, text, Format::Text, resolve).territories
    }

    /// `(name, kind)` of the carriers one rule finds in `text`.
    pub(in crate::rules::territories) fn carriers(
        rule: &dyn Rule,
        text: &str,
    ) -> Vec<(String, String)> {
        run(&[rule], text, false)
            .into_iter()
            .filter(|t| t.carries_contract)
            .map(|t| (t.name, t.kind))
            .collect()
    }

    /// Names of the carriers the whole family keeps for `text`.
    fn family(text: &str) -> Vec<String> {
        run(RULES, text, true).into_iter().filter(|t| t.carries_contract).map(|t| t.name).collect()
    }

    #[test]
    fn a_carrier_no_reference_knows_beside_a_known_one_is_no_contract_of_its_own() {
        let carriers = |found: &[Territory]| -> Vec<String> {
            found.iter().filter(|t| t.carries_contract).map(|t| t.name.clone()).collect()
        };
        // "le contrat de ville du Val Brumeux" beside "le contrat de ville de Vexin Centre".
        let mut found = vec![
            named("Val Brumeux", "commune", None, true, 10),
            named("Vexin Centre", "CA", Some("200000006"), true, 60),
        ];
        unknown_beside_known(&mut found);
        assert_eq!(carriers(&found), ["Vexin Centre"]);
        // A series keeps each territory; two unknown carriers, or an acronym, stay.
        let mut series = named("Val Brumeux", "commune", None, true, 10);
        series.evidence.rule = SERIES_ID.into();
        for mut found in [
            vec![series, named("Vexin Centre", "CA", Some("200000006"), true, 60)],
            vec![
                named("Val Brumeux", "commune", None, true, 10),
                named("Mont Brumeux", "commune", None, true, 60),
            ],
            vec![
                named("CVBX", "EPCI", None, true, 10),
                named("Vexin Centre", "CA", Some("200000006"), true, 60),
            ],
        ] {
            let before = carriers(&found);
            unknown_beside_known(&mut found);
            assert_eq!(carriers(&found), before);
        }
    }

    #[test]
    fn a_council_is_no_territory() {
        let text = "Le contrat de ville du Val d'Yerres a été signé. Pour le Département : M. le \
                    Président du Conseil départemental ; pour la Région : le Conseil régional.";
        let all: Vec<String> = run(RULES, text, true).into_iter().map(|t| t.name).collect();
        assert!(!all.iter().any(|n| n.starts_with("Conseil")), "{all:?}");
    }

    #[test]
    fn the_fallback_only_speaks_when_nothing_else_does() {
        let text = "Signé en mai par Luc Noir, président du Grand Alès, le contrat de ville \
                    réunit vingt partenaires.";
        assert_eq!(family(text), ["Grand Alès"]);
        let text = "Le contrat de ville de Lorient Agglomération a été signé hier. Signé en mai \
                    par Luc Noir, président du Grand Alès, le contrat de ville réunit vingt \
                    partenaires.";
        assert_eq!(family(text), ["Lorient Agglomération"]);
    }

    #[test]
    fn a_related_article_s_contract_is_not_the_page_s() {
        let text = "Le contrat de ville de Lorient Agglomération est signé.\n\nDans la même \
                    rubrique\nAlès : signature du contrat de ville du Grand Alès\n";
        assert_eq!(family(text), ["Lorient Agglomération"]);
        let text = "Le contrat de ville de Lorient Agglomération est signé.\n\nPlus au sud, \
                    signature du contrat de ville du Grand Alès.\n";
        assert_eq!(family(text), ["Lorient Agglomération", "Grand Alès"]);
    }

    #[test]
    fn a_town_keeps_the_article_a_contraction_swallowed() {
        let text = "Le contrat de ville du Mans a été signé ce lundi.";
        assert_eq!(family(text), ["Le Mans"]);
        let text = "Le contrat de ville de Mantes-la-Jolie a été signé ce lundi.";
        assert_eq!(family(text), ["Mantes-la-Jolie"]);
    }

    #[test]
    fn carriers_take_the_short_form_of_the_text() {
        let text = "Le contrat de ville de Grand Paris Sud Seine-Essonne-Sénart a été signé par \
                    Luc Noir, président de Grand Paris Sud.";
        assert_eq!(family(text), ["Grand Paris Sud"]);
        let text = "Le contrat de ville de Perpignan Méditerranée Métropole, présenté par Luc \
                    Noir, vice-président de Perpignan Méditerranée.";
        assert_eq!(family(text), ["Perpignan Méditerranée Métropole"]);
    }

    #[test]
    fn a_name_goes_on_past_a_place_the_gazetteer_knows() {
        let text = "Le contrat de ville de la communauté de communes de la Moivre à la Coole est \
                    signé.";
        assert_eq!(family(text), ["Moivre à la Coole"]);
        let text = "Le contrat de ville de Lorient Agglomération à Lorient est signé.";
        assert_eq!(family(text), ["Lorient Agglomération"]);
        // Past "et", the same way.
        let text = "Le contrat de ville de Larzac et Vallées a été signé hier.";
        assert_eq!(family(text), ["Larzac et Vallées"]);
        let text = "Le contrat de ville de Millau et Rodez a été signé hier.";
        assert!(!family(text).iter().any(|n| n.contains(" et ")), "{:?}", family(text));
        // A 2015 carrier renamed since, the same way.
        let text = "Le contrat de ville de la communauté de communes des Pays de Rhône et Ouvèze \
                    est signé.";
        assert_eq!(family(text), ["Pays de Rhône et Ouvèze"]);
        // Into a lower-case word, the same way.
        let text = "Le contrat de ville de l'agglomération du Gard rhodanien est signé.";
        assert_eq!(family(text), ["Gard rhodanien"]);
        let text = "Le contrat de ville de Vannes signé hier engage la ville.";
        assert_eq!(family(text), ["Vannes"]);
        // Past a spaced dash, as written, when the longer name carried a 2015 contract.
        let text = "Le contrat de ville de la communauté d'agglomération de Bar-le-Duc – Sud \
                    Meuse est signé.";
        assert_eq!(family(text), ["Bar-le-Duc – Sud Meuse"]);
        let text = "Le contrat de ville de Vannes – Ploërmel Communauté observe – est signé.";
        assert_eq!(family(text), ["Vannes"]);
    }

    #[test]
    fn a_count_of_contracts_completed_by_a_named_president() {
        let text = "Deux contrats de ville ont été conclus ce mois-ci.\n\nLe contrat de ville de \
                    Lorient Agglomération a été signé le 14 septembre.\n\nLe 18 septembre, la \
                    préfète était à Alès aux côtés de Paul Roche, président du Pays Grand \
                    Combien.";
        assert_eq!(family(text), ["Lorient Agglomération", "Pays Grand Combien"]);
        // A count the présidents named do not make up is left alone.
        let count = text.replace("Deux contrats", "Trois contrats");
        assert_eq!(family(&count), ["Lorient Agglomération"]);
    }

    #[test]
    fn agglo_is_the_short_form_of_agglomeration() {
        let text = "Le contrat de ville de Lorient agglomération est signé par Luc Noir, \
                    président de Lorient Agglo.";
        assert_eq!(family(text), ["Lorient Agglo"]);
        let text = "Le contrat de ville de Lorient Agglomération est signé. Le Grand Lorient Agglo \
                    observe.";
        assert_eq!(family(text), ["Lorient Agglomération"]);
    }

    #[test]
    fn an_acronym_carrier_takes_its_defined_long_form() {
        let text = "La communauté urbaine Grand Besançon Métropole (GBM) a signé. Le contrat de \
                    ville de GBM couvre cinq quartiers.";
        assert_eq!(family(text), ["Grand Besançon Métropole"]);
        assert_eq!(family("Le contrat de ville de la CALL couvre 21 quartiers."), ["CALL"]);
        let text = "Le contrat de ville de la Communauté intercommunale du Nord de La Réunion \
                    (CINOR) est signé. Le contrat de ville de la CINOR couvre 14 quartiers.";
        assert_eq!(family(text), ["CINOR"]);
    }

    #[test]
    fn scraped_and_upper_case_pages() {
        let text = "Le contrat de ville de la communauté d agglomération du Grand Narbonne est \
                    signé.";
        assert_eq!(family(text), ["Grand Narbonne"]);
        let text = "CONTRAT DE VILLE DE MONTAUBAN 2015/2020\n\nLe contrat a été signé hier. Le \
                    contrat de ville couvre deux quartiers.";
        assert_eq!(family(text), ["MONTAUBAN"]);
        // A long name whose kind is capitalised (as written, or read back from capitals) goes
        // by its short name; a town's name alone after the kind keeps it.
        let text = "La Communauté d'Agglomération Rochefort Océan a signé le contrat de ville.";
        assert_eq!(family(text), ["Rochefort Océan"]);
        let text = "La Communauté de Communes du Pays de Château-Gontier a signé le contrat de \
                    ville ce lundi.";
        assert_eq!(family(text), ["Pays de Château-Gontier"]);
        let text = "La Communauté Urbaine de Dunkerque a signé le contrat de ville.";
        assert_eq!(family(text), ["Communauté Urbaine de Dunkerque"]);
    }

    #[test]
    fn the_intercommunality_steering_a_towns_contract_carries_it() {
        let text = "Le contrat de ville de Brest est signé. Il a été conduit sous le pilotage de \
                    Brest métropole avec les communes.";
        assert_eq!(family(text), ["Brest métropole"]);
        // An intercommunality the town is not a member of leaves the town.
        let text = "Le contrat de ville de Brest est signé. Il a été conduit sous le pilotage de \
                    Lorient Agglomération avec les communes.";
        assert_eq!(family(text), ["Brest"]);
        let text = "Le contrat de ville de Brest est signé. Brest métropole porte ce contrat \
                    pour six ans.";
        assert_eq!(family(text), ["Brest métropole"]);
        // No word of steering: the town stays.
        let text = "Le contrat de ville de Brest est signé, avec Brest métropole.";
        assert_eq!(family(text), ["Brest"]);
    }

    #[test]
    fn a_town_named_inside_its_intercommunalitys_name_is_that_carrier() {
        let text = "Le contrat de ville d'Aurillac est signé\n\nLe contrat de ville de la \
                    communauté d'agglomération du Bassin d'Aurillac a été signé mardi.";
        assert_eq!(family(text), ["Bassin d'Aurillac"; 2]);
        // A town that is not a member, or whose name is not in the other's, stays apart.
        let text = "Le contrat de ville de Lorient est signé. Le contrat de ville de Vannes \
                    agglomération aussi.";
        assert_eq!(family(text), ["Lorient", "Vannes agglomération"]);
        // A member town beside the one intercommunality carrier of the page, when the town
        // carried no contract of its own in 2015 (Contes did not, Gagny did).
        let text = "Le contrat de ville de Contes est signé\n\nLe contrat de ville de la \
                    communauté de communes du Pays des Paillons a été signé lundi.";
        assert_eq!(family(text), ["Pays des Paillons"; 2]);
        let text = "Le contrat de ville de Gagny est signé\n\nLe contrat de ville de Grand \
                    Paris Grand Est a été signé lundi.";
        assert_eq!(family(text), ["Gagny", "Grand Paris Grand Est"]);
        // A town no member, named as a carrier only by a heading, beside the page's one
        // intercommunality carrier; in the text, it stays.
        let text = "Le Département signe le contrat de ville de Lunel\n\nLe contrat de ville \
                    de la communauté de communes du Pays des Paillons a été signé lundi.";
        assert_eq!(family(text), ["Pays des Paillons"; 2]);
        let text = "Signatures\n\nLe contrat de ville de Lunel est signé. Le contrat de ville de \
                    la communauté de communes du Pays des Paillons a été signé lundi.";
        assert_eq!(family(text), ["Lunel", "Pays des Paillons"]);
    }

    #[test]
    fn a_name_cut_by_a_lower_case_word_takes_its_acronym() {
        let text = "Le contrat de ville de la communauté de communes du Val fleuri (CCVF) est \
                    signé.";
        assert_eq!(family(text), ["CCVF"]);
        assert_eq!(acronym_after("du Val fleuri (CVF) et", "Val").as_deref(), Some("CVF"));
        // An acronym whose letters are not the name's, or none, leaves the name.
        assert_eq!(acronym_after("du Val fleuri (ANRU) et", "Val"), None);
        assert_eq!(acronym_after("du Val fleuri et", "Val"), None);
        assert_eq!(acronym_after("de Lorient (CALL)", "Lorient"), None);
    }

    /// The carriers' names after [`first_written_form`], the territories being every whole-word
    /// occurrence in `text` of `forms`, all with the intercommunality code `code`, those from
    /// byte `carrier_from` on carrying the contract.
    fn first_forms(text: &str, forms: &[&str], code: &str, carrier_from: usize) -> Vec<String> {
        let mut found: Vec<Territory> = Vec::new();
        for form in forms {
            for (at, _) in text.match_indices(form) {
                found.push(Territory {
                    name: (*form).to_owned(),
                    kind: "CA".into(),
                    code: Some(code.into()),
                    carries_contract: at >= carrier_from,
                    evidence: crate::record::Evidence {
                        span: [at, at + form.len()],
                        text: (*form).to_owned(),
                        rule: "test".into(),
                    },
                });
            }
        }
        first_written_form(text, &mut found);
        found.into_iter().filter(|t| t.carries_contract).map(|t| t.name).collect()
    }

    #[test]
    fn a_carrier_written_as_an_acronym_and_in_words_goes_by_the_first_form() {
        // The acronym first, in a heading: the acronym, whichever form the contract sentence
        // uses.
        let text = "Cinq quartiers dans la CAPV\nLa CAPV et l'État signent. Le contrat de ville de \
                    Porte du Vexin est signé.";
        assert_eq!(first_forms(text, &["CAPV", "Porte du Vexin"], "200000001", 60), ["CAPV"]);
        // The words first: the words.
        let text = "Porte du Vexin signe son contrat. Plus loin, la CAPV finance le contrat de la \
                    CAPV.";
        assert_eq!(
            first_forms(text, &["Porte du Vexin", "CAPV"], "200000001", 60),
            ["Porte du Vexin"]
        );
    }

    /// A territory named `name`, of kind `kind` and code `code`, found at `at`.
    fn named(name: &str, kind: &str, code: Option<&str>, carries: bool, at: usize) -> Territory {
        Territory {
            name: name.into(),
            kind: kind.into(),
            code: code.map(Into::into),
            carries_contract: carries,
            evidence: crate::record::Evidence {
                span: [at, at + name.len()],
                text: name.into(),
                rule: "test".into(),
            },
        }
    }

    #[test]
    fn a_carrier_named_by_its_place_word_is_the_intercommunality_holding_it() {
        let codes = |found: &[Territory]| -> Vec<Option<String>> {
            found.iter().map(|t| t.code.clone()).collect()
        };
        // "le contrat de ville du Vexinois" beside "Cap Vexinois Agglo": one body.
        let mut found = vec![
            named("Vexinois", "commune", None, true, 10),
            named("Cap Vexinois Agglo", "CA", Some("200000009"), false, 90),
        ];
        named_by_linked_epci(&mut found);
        assert_eq!(found[0].name, "Vexinois");
        assert_eq!((found[0].kind.as_str(), found[0].code.as_deref()), ("CA", Some("200000009")));
        // "l'agglomération vexinoise" beside the long name: the kind word is no place word.
        let mut found = vec![
            named("agglomération vexinoise", "CA", None, true, 10),
            named("Vexinoise et Rives du Ru", "CA", Some("200000008"), true, 60),
        ];
        named_by_linked_epci(&mut found);
        assert_eq!(codes(&found), [Some("200000008".into()), Some("200000008".into())]);
        // An acronym the gazetteer does not know beside the one linked carrier.
        let mut found = vec![
            named("CoVx", "EPCI", None, true, 10),
            named("Vexin Centre", "CA", Some("200000006"), true, 60),
        ];
        named_by_linked_epci(&mut found);
        assert_eq!(found[0].code.as_deref(), Some("200000006"));
        // Beside two linked carriers, or none carrying, it stays.
        for others in [
            vec![
                named("Vexin Centre", "CA", Some("200000006"), true, 60),
                named("Vexin Nord", "CC", Some("200000005"), true, 90),
            ],
            vec![named("Vexin Centre", "CA", Some("200000006"), false, 60)],
        ] {
            let mut found = vec![named("CoVx", "EPCI", None, true, 10)];
            found.extend(others);
            named_by_linked_epci(&mut found);
            assert_eq!(found[0].code, None);
        }
        // Two intercommunalities holding the word: no choice.
        let mut found = vec![
            named("Vexinois", "commune", None, true, 10),
            named("Cap Vexinois", "CA", Some("200000009"), false, 90),
            named("Vexinois Nord", "CC", Some("200000007"), false, 140),
        ];
        named_by_linked_epci(&mut found);
        assert_eq!(found[0].code, None);
        // A word missing from the other name, a commune of the gazetteer, or a commune as the
        // other name: no link.
        for (carrier, other, kind) in [
            ("Vexinois Sud", "Cap Vexinois", "CA"),
            ("Calais", "Grand Calais Terres et Mers", "CA"),
            ("Vexinois", "Vexinois-les-Bains", "commune"),
        ] {
            let mut found = vec![
                named(carrier, "commune", None, true, 10),
                named(other, kind, Some("1"), false, 90),
            ];
            named_by_linked_epci(&mut found);
            assert_eq!(found[0].code, None, "{carrier} / {other}");
        }
    }

    #[test]
    fn an_acronym_first_met_in_parentheses_was_met_in_words() {
        // The gazetteer's Métropole Européenne de Lille (SIREN 200093201), written with a lower
        // case adjective before its acronym.
        let text = "Le contrat de la Métropole européenne de Lille (MEL) est signé. La MEL le \
                    porte : contrat de ville de la MEL.";
        assert_eq!(first_forms(text, &["MEL"], "200093201", 80), ["Métropole européenne de Lille"]);
        // Words before the parenthesis the gazetteer does not give that code: the acronym stays.
        let text = "Le contrat des Communes Unies (MEL) est signé. Contrat de ville de la MEL.";
        assert_eq!(first_forms(text, &["MEL"], "200093201", 40), ["MEL"]);
    }

    #[test]
    fn a_metropoles_territory_is_named_without_the_word() {
        assert_eq!(
            without_territory_word("Territoire de Marseille Provence").as_deref(),
            Some("Marseille Provence")
        );
        assert_eq!(without_territory_word("Territoire de vie"), None);
        assert_eq!(without_territory_word("Marseille Provence"), None);
    }

    #[test]
    fn an_abbreviated_kind_goes_when_the_page_writes_it_out() {
        let clean = "CC Vallée des Lacs – contrat de ville – p. 2\nLa communauté de communes \
                     Vallée des Lacs porte le contrat.";
        assert_eq!(
            without_abbreviated_kind(clean, "CC Vallée des Lacs").as_deref(),
            Some("Vallée des Lacs")
        );
        let clean = "Le CA du Pays Vert signe. La Communauté d'agglomération du Pays Vert signe.";
        assert_eq!(
            without_abbreviated_kind(clean, "CA du Pays Vert").as_deref(),
            Some("Pays Vert")
        );
        // Only written abbreviated, in a table of signings: the page's own form stays.
        let clean =
            "12 juin | CC Vallée des Lacs | Luc Noir\n15 juin | CC du Pays Vert | Lou Blanc";
        assert_eq!(without_abbreviated_kind(clean, "CC Vallée des Lacs"), None);
        // Not an abbreviated kind.
        let clean = "Le CCAS Vallée des Lacs. La communauté de communes Vallée des Lacs.";
        assert_eq!(without_abbreviated_kind(clean, "CCAS Vallée des Lacs"), None);
    }

    #[test]
    fn one_name_one_kind() {
        let text = "Les contrats de ville de Forbach Porte de France et de Metz Métropole. La \
                    communauté d'agglomération Forbach Porte de France signe.";
        let kinds: Vec<(String, String)> =
            run(RULES, text, true).into_iter().map(|t| (t.name, t.kind)).collect();
        assert!(
            kinds.iter().all(|(n, k)| n != "Forbach Porte de France" || k == "CA"),
            "{kinds:?}"
        );
    }

    #[test]
    fn a_contract_named_after_its_quartier_is_carried_by_the_quartier_s_commune() {
        // "Empalot" is a QPV of Toulouse, neither a commune nor an intercommunality.
        let text = "Contrat de ville 2024-2030 d'Empalot\n\nLe contrat de ville de Toulouse est \
                    signé ce jeudi par le maire.";
        let names = family(text);
        assert!(names.iter().any(|n| n == "Toulouse"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("Empalot")), "{names:?}");
        // Without its commune among the candidates, the quartier's name stays.
        let alone = family("Le contrat de ville d'Empalot est signé ce jeudi.");
        assert!(alone.iter().any(|n| n.contains("Empalot")), "{alone:?}");
    }

    #[test]
    fn a_document_without_a_contract_has_no_carrier() {
        let text = "La Région Hauts-de-France renforce son action pour les nouveaux contrats de \
                    ville 2024-2030. Les 435 contrats de ville signés à partir de 2015 sont \
                    prolongés.";
        assert!(family(text).is_empty());
    }
}
