//! Per document: the rules' candidates become the record's publication date, contracts and
//! conflicts.
//!
//! Contracts are the distinct territories a rule marked as carrying one. With one contract,
//! every fact of the document is its. With several (a préfecture release about two signatures),
//! facts are assigned by *section*: the text is cut into paragraphs; a paragraph that names one
//! contract's territory is about that contract, and so are the paragraphs after it that name none
//! (a heading "Caux Vallée de Seine : deux quartiers" opens such a section); a paragraph that
//! names several, or speaks of the contracts in the plural ("ces contrats", "les deux
//! contrats"), is about all of them, and so is everything before the first named one. Facts
//! stated for the contracts in general thus go to each. An organisation that *is* one contract's
//! territory ("la communauté d'agglomération de Valenciennes Métropole"), or the
//! intercommunality of a commune carrying one ("la communauté de communes du Pays de Mormal" for
//! Le Quesnoy's), goes to that contract only. People named before the first sentence naming a
//! contract go to each contract only when the document has one, or when their sentence speaks
//! of the contracts together: on a page about a series of signatures they are one signing's.
//!
//! Headline values follow [`super::precedence`]; a disagreement within a contract (two signature
//! dates that do not refine each other, a list and a count that differ) is kept in `conflicts[]`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;
use serde_json::json;

use super::precedence::choose_signature;
use crate::analysis::words::CONTRACT_RANKS;
use crate::gazetteer;
use crate::names::fold;
use crate::record::{
    CommuneRef, Conflict, Contract, DateMention, DateRole, Evidence, Figure, Involvement,
    OrgInvolvement, Organization, Person, Precision, Published, Quartier, QuartierStatus, Sourced,
    Territory, Warning,
};
use crate::rules::territories::{IN_TURN_BEFORE_ID, IN_TURN_ID, NOT_PLACE, SERIES_ID};
use crate::rules::{
    Candidates, Doc, dates, is_list_gap, line_ranges, paragraph_ranges, stretch_around,
};

/// The merger's output for one document.
#[derive(Debug, Clone, Default)]
pub struct Merged {
    pub published: Option<Published>,
    pub contracts: Vec<Contract>,
    pub conflicts: Vec<Conflict>,
    pub warnings: Vec<Warning>,
}

/// Words about the contracts together: "ces contrats", "les quatre contrats", "les 4 contrats",
/// "chacun des contrats", "chacun des cinq documents", "l'ensemble des conventions", what is
/// said of each signing of a series ("se sont engagés à chaque fois", "pour chacun d'entre
/// eux", "à chaque signature"). Not a part
/// of a larger count ("six des huit contrats du département" is about the département's).
static PLURAL_CONTRACTS: LazyLock<Regex> = LazyLock::new(|| {
    const COUNT: &str = r"(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|\d{1,2}|premiers|nouveaux)\s+";
    Regex::new(&format!(
        r"(?i)\b(?:ces|les|deux|trois|leurs|des)\s+(?:deux\s+|trois\s+|premiers\s+|nouveaux\s+)?contrats\b|\b(?:ces|les|leurs)\s+{COUNT}contrats\b|\b(?:chacun|chacune|l'ensemble)\s+des\s+(?:{COUNT})?(?:contrats|conventions|documents)\b|\b(?:à\s+)?chaque\s+(?:fois|signature|contrat)\b|\bpour\s+chacun(?:e)?\s+d['’]entre\s+(?:eux|elles)\b"
    ))
    .expect("valid regex")
});

/// Whether `text` speaks of the contracts together ([`PLURAL_CONTRACTS`]), not of one of them
/// by its rank ("le premier des contrats de ville du département", "l'un des contrats").
fn plural_contracts(text: &str) -> bool {
    PLURAL_CONTRACTS.find_iter(text).any(|m| {
        let lead = m.as_str().split_whitespace().next().unwrap_or("").to_lowercase();
        let before = text[..m.start()].split_whitespace().next_back().unwrap_or("").to_lowercase();
        let one_of =
            CONTRACT_RANKS.contains(&before.as_str()) || matches!(before.as_str(), "un" | "l'un");
        !(lead == "des" && one_of)
    })
}

/// A paragraph about many contracts ("les 29 contrats de ville du Grand Est couvrent 107
/// quartiers"): its counts are not one contract's.
static MANY_CONTRACTS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:\d+|tous\s+les|des|les|ces)\s+(?:\S+\s+)?contrats\b")
        .expect("valid regex")
});

/// Which contracts a paragraph is about.
#[derive(Debug, Clone, PartialEq, Eq)]
enum About {
    All,
    One(usize),
}

/// Reconciles one document's candidates.
pub fn document(doc: &Doc, c: &Candidates) -> Merged {
    let mut merged = Merged { published: published(c), ..Merged::default() };
    let territories = carrying_territories(c);
    if territories.is_empty() {
        return merged;
    }
    let sections = Sections::new(doc, &territories, &turns(c, &territories));
    let paragraphs = paragraph_ranges(doc.clean, doc.format);
    let about_many = |span: [usize; 2]| {
        let i = paragraphs.partition_point(|r| r.end <= span[0]);
        paragraphs.get(i).is_some_and(|r| MANY_CONTRACTS.is_match(&doc.clean[r.clone()]))
    };
    let opening = opening_end(doc.clean, &territories);
    let paired = respective_pairs(doc.clean, c, &territories);
    // In a series of signatures, each contract's own day, read once for all of them.
    let series = territories.iter().any(|o| SERIES_RULES.contains(&o.evidence.rule.as_str()));
    let own_days: Option<Vec<Option<Sourced<String>>>> = series
        .then(|| territories.iter().map(|t| own_day(doc.clean, c, t, &territories)).collect());
    for (i, t) in territories.iter().enumerate() {
        let mine = |span: [usize; 2]| sections.is_about(span[0], i);
        let mine_fact = |span: [usize; 2]| sections.fact_is_about(doc.clean, span[0], i);
        let mine_people = |span: [usize; 2]| match paired.iter().find(|(at, _)| *at == span[0]) {
            Some(&(_, j)) => j == i,
            None => {
                sections.person_is_about(doc.clean, span[0], i)
                    && !untied(doc.clean, opening, span[0])
            }
        };
        let own_section = |span: [usize; 2]| sections.is_only_about(span[0], i);
        let contract = build_contract(
            doc.clean,
            c,
            t,
            (&territories, i, own_days.as_deref()),
            (&mine, &mine_fact, &mine_people, &own_section),
            &mut merged.conflicts,
        );
        count_conflicts(&contract, &about_many, &mut merged.conflicts);
        merged.contracts.push(contract);
    }
    if let [only] = &mut merged.contracts[..]
        && only.signed_on.is_none()
    {
        only.signed_on = reported_day(doc.clean, c, merged.published.as_ref());
    }
    if let [only] = &mut merged.contracts[..]
        && let Some(earlier) = earlier_generation(doc.clean, c, only)
    {
        merged.contracts.push(earlier);
    }
    merged
}

/// "respectivement", which pairs a list of people with a list of places in order.
static RESPECTIVELY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\brespectivement\b").expect("valid regex"));

/// The people a sentence with "respectivement" pairs with its contracts, as (start of the
/// person's span, contract index): "le préfet a signé les contrats d'Arles et d'Orange, aux
/// côtés respectivement de A et de B" (A signs Arles's, B Orange's); "A et B, respectivement
/// maires d'Arles et d'Orange, ont signé". The people after the word are paired when they are
/// as many as the contracts the sentence names, else the nearest as many before it.
fn respective_pairs(text: &str, c: &Candidates, territories: &[&Territory]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for word in RESPECTIVELY.find_iter(text) {
        let sentence = stretch_around(text, word.start()..word.start(), SENTENCE_ENDS);
        let folded = format!(" {} ", fold(&text[sentence.clone()]));
        let mut named: Vec<(usize, usize)> = territories
            .iter()
            .enumerate()
            .filter_map(|(i, t)| Some((folded.find(&format!(" {} ", fold(&t.name)))?, i)))
            .collect();
        named.sort_unstable();
        let mut people: Vec<&Person> = c
            .people
            .iter()
            .filter(|p| sentence.contains(&p.evidence.span[0]))
            .filter(|p| matches!(p.involvement, Involvement::Signatory | Involvement::Present))
            .collect();
        people.sort_by_key(|p| p.evidence.span[0]);
        people.dedup_by_key(|p| fold(&p.name));
        let (before, after): (Vec<&Person>, Vec<&Person>) =
            people.into_iter().partition(|p| p.evidence.span[0] < word.start());
        let n = named.len();
        let listed = if after.len() == n {
            &after[..]
        } else if before.len() >= n {
            &before[before.len() - n..]
        } else {
            continue;
        };
        if n < 2 {
            continue;
        }
        out.extend(listed.iter().zip(&named).map(|(p, &(_, i))| (p.evidence.span[0], i)));
    }
    out
}

/// A page that tells a signing in the past: "ont signé", "a été signé", "la signature", "six
/// signatures", "en signant", "ont paraphé", "mis leur paraphe", "apposé leur paraphe", "ont
/// scellé le contrat" (not "signataires", not "signeront").
static SIGNING_TOLD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sign(?:é|ée|és|ées|èrent|atures?|ant)|paraph(?:é|ée|és|èrent|es?)|apposé|scellé)(?:$|[^\w])",
    )
    .expect("valid regex")
});

/// How many days before its issue date a page reports an event as news.
const NEWS_REACH: i64 = 7;

/// The day of the signing a news page reports without tying it to a verb of signing ("Mercredi
/// 8 juillet, les partenaires se sont retrouvés…", "Ce vendredi, l'État et l'agglomération ont
/// scellé le contrat", "l'agglo a mis hier la dernière main à son contrat"): on a page that
/// tells a signing and names no signature date, the first day it gives that is no event of
/// another kind (a vote, a meeting) nor a text's date, and falls in the week before the page's
/// issue date. Not on a page that tells the signing only as to come ("la signature n'a pas
/// encore eu lieu", "il devra être signé").
fn reported_day(
    text: &str,
    c: &Candidates,
    published: Option<&Published>,
) -> Option<Sourced<String>> {
    let issued: jiff::civil::Date =
        published.filter(|p| p.precision == Precision::Day)?.date.parse().ok()?;
    // A signing told only in sentences that put it in the future has not happened yet.
    if !SIGNING_TOLD.find_iter(text).any(|m| !dates::signing_to_come(text, &m.range())) {
        return None;
    }
    let d = c.dates.iter().find(|d| {
        d.role == DateRole::Other
            && d.precision == Precision::Day
            && !dates::of_a_text(text, d)
            && d.value
                .parse::<jiff::civil::Date>()
                .is_ok_and(|day| (0..=NEWS_REACH).contains(&i64::from((issued - day).get_days())))
    })?;
    Some(Sourced { value: d.value.clone(), evidence: vec![d.evidence.clone()] })
}

/// The first year of the 2024 generation of contracts (Engagements Quartiers 2030).
const NEW_GENERATION: i32 = 2023;

/// A page about one territory's contract that also gives the period of its previous generation
/// ("Prenant le relais du contrat 2015-2023, le nouveau contrat 2024-2030…") reports two
/// contracts of that territory: the new one keeps every fact, the earlier one gets its period,
/// a signature date of its years if any, and the quartiers (the new contract carries them on)
/// but those the 2024 geography created. An earlier contract the page only names in passing, by
/// the day it was signed ("il remplace le contrat signé le 3 juillet 2015"), gets no quartiers:
/// the page lists the new contract's.
/// The new contract's headline period and signature are those of its own generation.
fn earlier_generation(text: &str, c: &Candidates, contract: &mut Contract) -> Option<Contract> {
    let periods: Vec<(&DateMention, [i32; 2])> = c
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Period)
        .filter_map(|d| {
            let a = d.value.get(..4)?.parse().ok()?;
            let b = d.end.as_ref()?.get(..4)?.parse().ok()?;
            Some((d, [a, b]))
        })
        .collect();
    let new = periods.iter().find(|(_, [a, _])| *a >= NEW_GENERATION)?;
    let old = periods.iter().find(|(_, [a, b])| *a < NEW_GENERATION && *b < NEW_GENERATION + 2);
    // Without its period, the earlier contract is named by the day it was signed ("il remplace
    // le contrat signé le 3 juillet 2015, prorogé jusqu'au 31 décembre 2023"), its period then
    // that signature's year to the end the page gives it.
    // A month names it too ("le premier contrat, signé en juillet 2015, avait été prolongé…"),
    // and so does a year before the new generation's ("en 2015, un contrat avait été signé"):
    // the page's own contract is of the new generation, so that signature is an earlier one's.
    // A day or month names it before a year does.
    let old_signed = c
        .dates
        .iter()
        .filter(|d| {
            d.role == DateRole::Signature && year(&d.value).is_some_and(|y| y < NEW_GENERATION)
        })
        .min_by_key(|d| d.precision == Precision::Year);
    let described = old.is_some();
    let old = match (old, old_signed) {
        (Some((d, span)), _) => (*d, *span),
        (None, Some(signed)) => {
            let first = year(&signed.value)?;
            let end = c.dates.iter().find_map(|d| {
                // "prorogé jusqu'au 31 décembre 2023", "arrivé à son terme le 31 décembre
                // 2023": a day or a year that ends a span.
                let before = text.get(..d.evidence.span[0]).unwrap_or("");
                let until = d.text.to_lowercase().starts_with("jusqu") || ENDED_ON.is_match(before);
                let b = year(d.end.as_deref().or(until.then_some(d.value.as_str()))?)?;
                (d.role != DateRole::Period && first < b && b < NEW_GENERATION + 2)
                    .then_some((d, [first, b]))
            });
            end.unwrap_or((signed, [first, 0]))
        }
        (None, None) => return None,
    };
    let written = old.0;
    let old = if described { prolonged(text, c, old) } else { old };
    contract.period = Some(Sourced { value: new.1, evidence: vec![new.0.evidence.clone()] });
    let of_old = |v: &str| year(v).is_some_and(|y| y < NEW_GENERATION.max(old.1[1] + 1));
    let mut signed_on = None;
    if contract.signed_on.as_ref().is_some_and(|s| of_old(&s.value)) {
        signed_on = contract.signed_on.take();
        // The new contract's own signature, when the page gives one.
        contract.signed_on = c
            .dates
            .iter()
            .filter(|d| d.role == DateRole::Signature && !of_old(&d.value))
            .min_by_key(|d| (d.precision != Precision::Day, d.evidence.span[0]))
            .map(|d| Sourced { value: d.value.clone(), evidence: vec![d.evidence.clone()] });
    }
    if signed_on.is_none() {
        signed_on = old_signed
            .map(|d| Sourced { value: d.value.clone(), evidence: vec![d.evidence.clone()] });
    }
    let period =
        (old.1[1] > 0).then(|| Sourced { value: old.1, evidence: vec![old.0.evidence.clone()] });
    let own_name = if described {
        old_contract_name(text, c, written, &contract.territory)
    } else {
        old_signed.and_then(|d| old_signer_name(text, c, d, &contract.territory))
    };
    let (territory, territory_kind, territory_code) = match own_name {
        Some(t) => (t.name.clone(), Some(t.kind.clone()), t.code.clone()),
        None => (
            contract.territory.clone(),
            contract.territory_kind.clone(),
            contract.territory_code.clone(),
        ),
    };
    Some(Contract {
        territory,
        territory_kind,
        territory_code,
        signed_on,
        period,
        signatories: vec![],
        organizations: vec![],
        quartiers: contract
            .quartiers
            .iter()
            .filter(|q| described && !new_in_2024(q))
            .cloned()
            .collect(),
        figures: vec![],
        evidence: vec![old.0.evidence.clone()],
    })
}

/// "contrat(s) de ville de [la, l', du]" right before an owner, or "contrat de ville" right
/// before a period.
static CONTRACT_OF_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\bcontrats?[ \t\n]+de[ \t\n]+ville[ \t\n]+{OF_WORDS}?$"))
        .expect("valid regex")
});
static CONTRACT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcontrats?[ \t\n]+de[ \t\n]+ville[ \t\n]+$").expect("valid regex")
});
/// What links a period to the owner after it: " de ", " du ", " de l'".
static OF_AFTER_PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^[ \t\n]+{OF_WORDS}$")).expect("valid regex"));
/// "de la ", "de l'", "du ", "des ", "de ", "d'" before an owner's name.
const OF_WORDS: &str =
    r"(?:de[ \t]+la[ \t]+|de[ \t]+l['’][ \t]*|du[ \t]+|des[ \t]+|de[ \t]+|d['’][ \t]*)";

/// The territory the page names the earlier contract after, when it is another than the new
/// contract's `new` (not a longer or shorter form of it): the owner written with the earlier
/// period, "le contrat de ville de l'agglomération tourangelle 2015-2020" or "le contrat de
/// ville 2015-2020 de Saint-Herblain". Each generation keeps the name the page gives it.
fn old_contract_name<'a>(
    text: &str,
    c: &'a Candidates,
    period: &DateMention,
    new: &str,
) -> Option<&'a Territory> {
    let [from, to] = period.evidence.span;
    let words = |n: &str| fold(n).split(' ').map(str::to_owned).collect::<Vec<_>>();
    let new_words = words(new);
    c.territories.iter().find(|t| {
        let [a, b] = t.evidence.span;
        let before = |at: usize| &text[text.floor_char_boundary(at.saturating_sub(40))..at];
        let owner_then_period = b <= from
            && text.get(b..from).is_some_and(|gap| gap.trim().is_empty())
            && CONTRACT_OF_BEFORE.is_match(before(a));
        let period_then_owner = to <= a
            && text.get(to..a).is_some_and(|gap| OF_AFTER_PERIOD.is_match(gap))
            && CONTRACT_BEFORE.is_match(before(from));
        // A shorter or longer form of the new carrier's name is that carrier, unless it is a
        // town's ("le contrat de ville de Toulon 2015-2023" before the métropole's).
        let mine = words(&t.name);
        let town = !gazetteer::communes_named(&t.name).is_empty()
            && gazetteer::epci_named(&t.name).is_empty();
        let same = mine == new_words
            || !town
                && (mine.iter().all(|w| new_words.contains(w))
                    || new_words.iter().all(|w| mine.contains(w)));
        (owner_then_period || period_then_owner) && !same
    })
}

/// The intercommunality that signed the earlier contract, when the sentence of its signature
/// `signed` names it after "par" as another than the new contract's `new`: "Le précédent
/// contrat avait été signé le 10 juillet 2015 par l'ancienne communauté de communes le Cœur du
/// Pithiverais" (a carrier merged since).
fn old_signer_name<'a>(
    text: &str,
    c: &'a Candidates,
    signed: &DateMention,
    new: &str,
) -> Option<&'a Territory> {
    static BY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bpar\s+(?:l['’]\s*|la\s+|le\s+)?(?:(?:ancienne?|ex-?)\s*)?(?:communauté\s+(?:de\s+communes|d['’ ]\s*agglomération|urbaine)\s+)?(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’]|le|la|les)\s*)?$")
            .expect("valid regex")
    });
    let end =
        stretch_around(text, signed.evidence.span[0]..signed.evidence.span[1], &['.', '\n']).end;
    let new_key = fold(new);
    c.territories.iter().filter(|t| t.kind != "commune").find(|t| {
        let [a, b] = t.evidence.span;
        a >= signed.evidence.span[1]
            && b <= end
            && fold(&t.name) != new_key
            && BY.is_match(
                &text[text.floor_char_boundary(a.saturating_sub(80)).max(signed.evidence.span[1])
                    ..a],
            )
    })
}

/// The earlier contract's period `old` carried on to the end its prolongation gives, when the
/// page tells it right after ("le contrat 2015-2020, prorogé par avenant jusqu'au 31 décembre
/// 2023" is [2015, 2023]); a later end told without a prolongation ("le contrat 2015-2020 ;
/// le suivant court jusqu'en 2030") is not its.
fn prolonged<'a>(
    text: &str,
    c: &'a Candidates,
    old: (&'a DateMention, [i32; 2]),
) -> (&'a DateMention, [i32; 2]) {
    let (from, [a, b]) = old;
    c.dates
        .iter()
        .filter(|d| d.role != DateRole::Period && d.evidence.span[0] >= from.evidence.span[1])
        .filter(|d| d.evidence.span[0] - from.evidence.span[1] <= PROLONGATION_REACH)
        .filter(|d| {
            let before = text.get(..d.evidence.span[0]).unwrap_or("");
            d.text.to_lowercase().starts_with("jusqu") || ENDED_ON.is_match(before)
        })
        .filter(|d| {
            PROLONGED.is_match(text.get(from.evidence.span[1]..d.evidence.span[0]).unwrap_or(""))
        })
        .find_map(|d| {
            let y = year(d.end.as_deref().unwrap_or(&d.value))?;
            (b < y && y < NEW_GENERATION + 2).then_some((d, [a, y]))
        })
        .unwrap_or(old)
}

/// Whether quartier `q` is a QPV created by the 2024 geography: its ANCT code ends in "N"
/// ("nouveau"; the other letters mark quartiers kept from the earlier list, whole or redrawn),
/// so no contract of the earlier generation held it.
fn new_in_2024(q: &Quartier) -> bool {
    q.qpv_code.as_deref().is_some_and(|code| code.starts_with("QN") && code.ends_with('N'))
}

/// The earliest of the most precise publication date mentions (a "Publié le 3 mai 2016" line
/// beats a title's "Mai 2016 –").
fn published(c: &Candidates) -> Option<Published> {
    let rank = |p: Precision| match p {
        Precision::Day => 0,
        Precision::Month => 1,
        _ => 2,
    };
    c.dates
        .iter()
        .filter(|d| d.role == DateRole::Publication)
        .min_by_key(|d| (rank(d.precision), d.evidence.span[0]))
        .map(|d| Published {
            date: d.value.clone(),
            precision: d.precision,
            place: None,
            evidence: d.evidence.clone(),
        })
}

/// A prolongation of the contract: "prorogé", "prolongée", "la prorogation".
static PROLONGED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:prorog|prolong)").expect("valid regex"));

/// The year a date value ("2023", "2023-12-31") opens with.
fn year(value: &str) -> Option<i32> {
    value.get(..4).and_then(|y| y.parse().ok())
}

/// A contract's end told before its day: "a pris fin le", "s'est achevé le", "a expiré en",
/// "prend fin au".
static ENDED_ON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:pris|prend|prendra|prenait)\s+fin|\bs'est\s+(?:achevée?|terminée?|clos|close)|\bexpiré|\béchu|\barriv(?:ant|ée?|e|ait|era)\s+à\s+(?:son\s+)?(?:terme|échéance|expiration))\s+(?:le|au|en|fin)?\s*$",
    )
    .expect("valid regex")
});

/// How far before a period a prolongation may be told, in bytes.
const PROLONGATION_REACH: usize = 200;

/// How near a day must be to a territory of a series to be its own, in bytes.
const OWN_DAY_REACH: usize = 48;

/// "Le 12 juin, ce fut le tour de X", "le lendemain, au tour de X", "le 30 juin celui de X": the
/// day is the next territory's.
static TURN_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[\s,]*(?:(?:(?:ce\s+fut|c'était|c'est|puis|et)\s+)?(?:au|le)\s+tour\s+d|(?:celui|celle)\s+d)",
    )
    .expect("valid regex")
});

/// A day written for the territory after it: "le 9 juillet pour la communauté de communes du
/// Pays Fléchois", "le 13 février à Lorient", "le 4 mars avec Flers Agglo" (six words at most, no
/// punctuation, between the day and the name).
static FOR_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*(?:pour|avec|à|au|par|chez)[ \t]+(?:[^\s,.;:!?]+[ \t]+){0,6}$")
        .expect("valid regex")
});

/// A word that tells a territory follows the one before it in turn: "puis", "ensuite", "et
/// enfin", "et pour finir".
static CHAIN_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:puis|ensuite|enfin|pour[ \t]+finir)\b").expect("valid regex")
});

/// How far a territory told "puis de X" may follow the one before it, in bytes.
const CHAIN_REACH: usize = 40;

/// The month of a territory of a series that has no day of its own and follows the one before
/// it in turn, when the territories before and after it were signed the same month ("le 23
/// juin à Caudry, puis à Hirson, et le 26 juin à Laon": Hirson's contract was signed in June;
/// not a row of a list that names its own month in words the dates do not read). Its evidence
/// is the earlier day's.
fn between_days(
    text: &str,
    c: &Candidates,
    t: &Territory,
    all: &[&Territory],
) -> Option<Sourced<String>> {
    let at = t.evidence.span[0];
    let before = all.iter().filter(|o| o.evidence.span[1] <= at).max_by_key(|o| o.evidence.span);
    let after = all.iter().filter(|o| o.evidence.span[0] > at).min_by_key(|o| o.evidence.span);
    let (before, after) = (before?, after?);
    let gap = text.get(before.evidence.span[1]..at)?;
    if gap.len() > CHAIN_REACH || gap.contains(['.', '\n']) || !CHAIN_WORD.is_match(gap) {
        return None;
    }
    let a = own_day(text, c, before, all)?;
    let b = own_day(text, c, after, all)?;
    let month = a.value.get(..7)?;
    (a.value.len() == 10 && b.value.get(..7) == Some(month))
        .then(|| Sourced { value: month.to_owned(), evidence: a.evidence })
}

/// The day written right next to a territory of a series of signatures ("Montauban le 6
/// février, Quimperlé le 9 février"; "le 13 février à Lorient"): that contract's signature. A
/// day belongs to the territory just before it in its sentence, else to the one just after it;
/// "ce fut le tour de X", "le 9 juillet pour X" give it to the one after.
fn own_day(
    text: &str,
    c: &Candidates,
    t: &Territory,
    all: &[&Territory],
) -> Option<Sourced<String>> {
    let between = |a: usize, b: usize| text.get(a..b).unwrap_or("");
    let owner = |ds: usize, de: usize| -> Option<[usize; 2]> {
        let before = all
            .iter()
            .map(|o| o.evidence.span)
            .filter(|o| o[1] <= ds && ds - o[1] <= OWN_DAY_REACH)
            .filter(|o| !ends_sentence(between(o[1], ds)))
            .max_by_key(|o| o[1]);
        let after = all
            .iter()
            .map(|o| o.evidence.span)
            .filter(|o| o[0] >= de && o[0] - de <= OWN_DAY_REACH)
            .min_by_key(|o| o[0]);
        if after.is_some_and(|a| {
            TURN_OF.is_match(between(de, a[0])) || FOR_NEXT.is_match(between(de, a[0]))
        }) {
            return after;
        }
        before.or(after)
    };
    let days = || {
        c.dates
            .iter()
            .filter(|d| d.precision == Precision::Day)
            .filter(|d| matches!(d.role, DateRole::Signature | DateRole::Event | DateRole::Other))
    };
    let sourced =
        |d: &DateMention| Sourced { value: d.value.clone(), evidence: vec![d.evidence.clone()] };
    // "Le Tampon, jeudi 2 juillet" heading the territory's part of the page: a dateline whose
    // place is the territory, below the page's own date (the first dateline is the page's).
    let [ts, te] = t.evidence.span;
    let page_dated_before = |at: usize| {
        c.dates.iter().any(|d| d.role == DateRole::Publication && d.evidence.span[0] < at)
    };
    if let Some(d) = c.dates.iter().find(|d| {
        let [ds, de] = d.evidence.span;
        d.evidence.rule == dates::DATELINE_ID
            && d.precision == Precision::Day
            && ds <= ts
            && te <= de
            && page_dated_before(ds)
    }) {
        return Some(sourced(d));
    }
    let near = days()
        .filter(|d| owner(d.evidence.span[0], d.evidence.span[1]) == Some(t.evidence.span))
        .min_by_key(|d| d.evidence.span[0].abs_diff(t.evidence.span[0]));
    if let Some(d) = near {
        return Some(sourced(d));
    }
    // "Fort-de-France et Le Lamentin, le 8 juillet": the names of a list share the day written
    // after its last one.
    let mut last = t.evidence.span;
    while let Some(next) = all
        .iter()
        .map(|o| o.evidence.span)
        .filter(|o| o[0] >= last[1] && is_list_gap(between(last[1], o[0])))
        .min_by_key(|o| o[0])
    {
        last = next;
    }
    if last != t.evidence.span
        && let Some(d) =
            days().find(|d| owner(d.evidence.span[0], d.evidence.span[1]) == Some(last))
    {
        return Some(sourced(d));
    }
    // "Trois jours après, la ministre était à Limoux": the one day of the territory's sentence,
    // when the sentence names no other territory of the series.
    let Range { start, end } = stretch_around(text, ts..te, &['.', '\n', ';']);
    let inside = |span: [usize; 2]| start <= span[0] && span[1] <= end;
    let sentence = format!(" {} ", fold(text.get(start..end)?));
    let other =
        |o: &&&Territory| o.evidence.span != t.evidence.span && fold(&o.name) != fold(&t.name);
    if all.iter().filter(other).any(|o| sentence.contains(&format!(" {} ", fold(&o.name)))) {
        return None;
    }
    // Not the date of a text ("le décret du 28 août 2015").
    let mut own = days().filter(|d| inside(d.evidence.span) && !dates::of_a_text(text, d));
    match (own.next(), own.next()) {
        (Some(d), None) => Some(sourced(d)),
        _ => None,
    }
}

/// The rules of a carrier told as one of a series of signings, each with its own day.
const SERIES_RULES: [&str; 3] = [SERIES_ID, IN_TURN_ID, IN_TURN_BEFORE_ID];

/// The rule of a contract the page names in passing, signed before its own ("Après Marmande le
/// 2 avril, c'était au tour de l'agglo"): its name claims no paragraph of the page.
const PASSING_RULE: &str = IN_TURN_BEFORE_ID;

/// The rule of a territory a series cue names as its turn ("C'est X qui ouvre la série").
const TURN_RULE: &str = IN_TURN_ID;

/// Where a series cue names a contract's territory as its turn: (contract index, clean offset),
/// every such mention of `territories`' names among the candidates.
fn turns(c: &Candidates, territories: &[&Territory]) -> Vec<(usize, usize)> {
    c.territories
        .iter()
        .filter(|t| t.carries_contract && t.evidence.rule == TURN_RULE)
        .filter_map(|t| {
            let i = territories.iter().position(|o| fold(&o.name) == fold(&t.name))?;
            Some((i, t.evidence.span[0]))
        })
        .collect()
}

/// An abbreviated weekday and its dot ("ven. 29 mars"), which ends no sentence.
static WEEKDAY_DOT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:lun|mar|mer|jeu|ven|sam|dim)\.").expect("valid regex"));

/// True when the gap `gap` between a territory and a day ends a sentence or a line: a full stop
/// (not an abbreviated weekday's, "CA de Saintes | ven. 29 mars") or a line break.
fn ends_sentence(gap: &str) -> bool {
    gap.contains('\n') || WEEKDAY_DOT.replace_all(gap, "").contains('.')
}

/// True when the sentence of series territory `t` tells its signing as still to come ("le
/// contrat de Saint-Paul, qui couvre six quartiers, sera signé le 10 juillet"): a deadline day
/// there, and no other territory of the series. That contract has no signature yet, and takes
/// none from the days around it.
fn signing_to_come(text: &str, c: &Candidates, t: &Territory, all: &[&Territory]) -> bool {
    let [ts, te] = t.evidence.span;
    let Range { start, end } = stretch_around(text, ts..te, &['.', '\n', ';']);
    let Some(sentence) = text.get(start..end) else { return false };
    let sentence = format!(" {} ", fold(sentence));
    let other = all.iter().any(|o| {
        o.evidence.span != t.evidence.span
            && fold(&o.name) != fold(&t.name)
            && sentence.contains(&format!(" {} ", fold(&o.name)))
    });
    !other
        && c.dates.iter().any(|d| {
            d.role == DateRole::Deadline && start <= d.evidence.span[0] && d.evidence.span[1] <= end
        })
}

/// One territory per contract: the first mention of each distinct (folded) name or code; an
/// acronym made of another carrier's initials ("MPM" after "Marseille Provence Métropole") is
/// that carrier.
fn carrying_territories(c: &Candidates) -> Vec<&Territory> {
    let mut out: Vec<&Territory> = Vec::new();
    let mut sorted: Vec<&Territory> = c.territories.iter().filter(|t| t.carries_contract).collect();
    sorted.sort_by_key(|t| t.evidence.span[0]);
    for t in sorted {
        let same = |o: &&Territory| {
            fold(&o.name) == fold(&t.name)
                || (o.code.is_some() && o.code == t.code)
                || initials_of(&t.name, &o.name)
                || initials_of(&o.name, &t.name)
        };
        if !out.iter().any(same) {
            out.push(t);
        }
    }
    out
}

/// True when `acronym` is written in capitals and spells the initials of `name`'s words, small
/// words left out ("MPM", "Marseille Provence métropole"), three letters at least.
fn initials_of(acronym: &str, name: &str) -> bool {
    let letters = acronym.chars().count();
    if letters < 3 || !acronym.chars().all(char::is_uppercase) {
        return false;
    }
    const SMALL: [&str; 9] = ["de", "du", "des", "la", "le", "les", "et", "d", "l"];
    let initials: String = name
        .split([' ', '-', '\''])
        .filter(|w| !w.is_empty() && !SMALL.contains(w))
        .filter_map(|w| w.chars().next())
        .flat_map(char::to_uppercase)
        .collect();
    initials == acronym
}

/// Where the opening of a document about several contracts ends: the start of the first
/// sentence (or line) naming one of them (0 when the document has one contract). A sentence, not
/// a line: a page whose line breaks were lost is one line, and its opening still ends where a
/// contract is first named.
fn opening_end(text: &str, territories: &[&Territory]) -> usize {
    if territories.len() < 2 {
        return 0;
    }
    let names: Vec<String> = territories.iter().map(|t| format!(" {} ", fold(&t.name))).collect();
    line_ranges(text)
        .into_iter()
        .flat_map(|r| sentence_starts(text, r))
        .find(|r| {
            let folded = format!(" {} ", fold(&text[r.clone()]));
            names.iter().any(|n| folded.contains(n.as_str()))
        })
        .map_or(text.len(), |r| r.start)
}

/// The sentences of the line `line`: cut after a full stop, an exclamation or a question mark
/// followed by a space.
fn sentence_starts(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    static END: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"[.!?]\s+").expect("valid regex"));
    let mut out = Vec::new();
    let mut start = line.start;
    for m in END.find_iter(&text[line.clone()]) {
        out.push(start..line.start + m.start() + 1);
        start = line.start + m.end();
    }
    out.push(start..line.end);
    out
}

/// The marks that end a sentence, or a line read as one (a table's row, a timeline's line).
const SENTENCE_ENDS: &[char] = &['.', '!', '?', '\n'];

/// Whether the clean offset `at` lies before `opening` ends, in a sentence that does not speak of
/// the contracts together: what is said there ("le préfet a signé aux côtés de la présidente")
/// is about one signing the text has not tied to each contract of the series.
fn untied(text: &str, opening: usize, at: usize) -> bool {
    if at >= opening {
        return false;
    }
    !plural_contracts(&text[stretch_around(text, at..at, SENTENCE_ENDS)])
}

/// The document cut into paragraphs, each about one contract or all of them.
struct Sections {
    /// Clean-text range of each paragraph and what it is about.
    paragraphs: Vec<(Range<usize>, About)>,
    /// The contracts' territories, folded and padded with spaces.
    names: Vec<String>,
    /// Each territory's place word, folded and padded: the first word of its name that is not
    /// a kind of body or a small word (" evry " of "Evry Centre Essonne", " toulon " of
    /// "Métropole Toulon Provence Méditerranée").
    heads: Vec<Option<String>>,
    /// Per paragraph: whether it is about its contract because it tells that contract's turn in
    /// a series ([`turns`]), though it may speak of the series' contracts too.
    turned: Vec<bool>,
}

/// The longest paragraph read as a heading: "Hirson, mardi 7 juillet".
const HEADING_CHARS: usize = 60;

/// The place word of a territory's name, if it has one of four letters or more.
fn head_word(name: &str) -> Option<String> {
    let folded = fold(name);
    let head = folded.split(' ').find(|w| !w.is_empty() && !NOT_PLACE.contains(w))?;
    (head.chars().count() >= 4).then(|| format!(" {head} "))
}

/// Each territory's communes as the gazetteer knows them (an intercommunality's members, a
/// commune itself), folded and padded with spaces.
fn territory_towns(territories: &[&Territory]) -> Vec<Vec<String>> {
    territories
        .iter()
        .map(|t| {
            territory_communes(t)
                .unwrap_or_default()
                .iter()
                .filter_map(|insee| gazetteer::commune(insee))
                .map(|c| format!(" {} ", fold(c.name)))
                .collect()
        })
        .collect()
}

/// The one contract whose territory holds a town `text` names (`towns`: see
/// [`territory_towns`]), if only one does.
fn by_town(towns: &[Vec<String>], text: &str) -> Vec<usize> {
    let folded = format!(" {} ", fold(text));
    let holding: Vec<usize> = (0..towns.len())
        .filter(|&i| towns[i].iter().any(|t| folded.contains(t.as_str())))
        .collect();
    if holding.len() == 1 { holding } else { vec![] }
}

impl Sections {
    /// `turns`: where a series cue names a contract's territory as its turn ([`turns`]).
    fn new(doc: &Doc, territories: &[&Territory], turns: &[(usize, usize)]) -> Sections {
        // A contract named in passing names no paragraph: a name no text holds.
        let passing = |t: &Territory| t.evidence.rule == PASSING_RULE;
        let names: Vec<String> = territories
            .iter()
            .map(|t| if passing(t) { "\0".to_owned() } else { format!(" {} ", fold(&t.name)) })
            .collect();
        let heads = territories
            .iter()
            .map(|t| if passing(t) { None } else { head_word(&t.name) })
            .collect();
        let mut sections = Sections { paragraphs: Vec::new(), names, heads, turned: Vec::new() };
        // Each territory's communes, folded and padded, gathered only when a heading asks.
        let towns = std::cell::OnceCell::new();
        let mut current = About::All;
        // Per paragraph: whether it is a heading that names no contract, and whether it names
        // one contract itself.
        let mut bare_heading: Vec<bool> = Vec::new();
        let mut names_one: Vec<Option<usize>> = Vec::new();
        for range in paragraph_ranges(doc.clean, doc.format) {
            let text = &doc.clean[range.clone()];
            let (mut named, plural) = sections.named(text, false);
            let short = text.trim().chars().count() <= HEADING_CHARS;
            // "Hirson, mardi 7 juillet": a heading that names one contract's place word or a
            // town of one contract's territory opens that contract's part.
            if named.is_empty() && !plural && short {
                named = match sections.named(text, true).0 {
                    one if one.len() == 1 => one,
                    _ => by_town(towns.get_or_init(|| territory_towns(territories)), text),
                };
            }
            // A list's last item ("Domanys.") ends with its punctuation; a heading does not.
            let unpunctuated = !text.trim_end().ends_with(['.', ';', ',', ':']);
            bare_heading.push(short && unpunctuated && named.is_empty() && !plural);
            names_one.push(match named[..] {
                [one] if !plural => Some(one),
                _ => None,
            });
            // "C'est X qui ouvre la série": the paragraph
            // that tells one contract's turn is about that contract, whatever else it names.
            let mut turned = turns.iter().filter(|(_, at)| range.contains(at)).map(|(i, _)| *i);
            let turn = match (turned.next(), turned.next()) {
                (Some(i), None) => Some(i),
                _ => None,
            };
            let about = if let Some(i) = turn {
                About::One(i)
            } else if plural || named.len() > 1 {
                About::All
            } else if let [one] = named[..] {
                About::One(one)
            } else {
                current.clone()
            };
            if plural || !named.is_empty() || turn.is_some() {
                current = about.clone();
            }
            sections.paragraphs.push((range, about));
            sections.turned.push(turn.is_some());
        }
        // "À Étaples, le jeudi 9 juillet" over a paragraph that names the contract of Mer et
        // Terres d'Opale alone: a heading that names no contract opens the part of the one its
        // next paragraph names.
        for i in 0..sections.paragraphs.len().saturating_sub(1) {
            if bare_heading[i]
                && !sections.turned[i]
                && let Some(j) = names_one[i + 1]
            {
                sections.paragraphs[i].1 = About::One(j);
            }
        }
        sections
    }

    /// The contracts whose territory `text` names (or, `by_place_word`, its place word: see
    /// [`head_word`]), and whether it speaks of the contracts together ("ces contrats").
    fn named(&self, text: &str, by_place_word: bool) -> (Vec<usize>, bool) {
        let folded = format!(" {} ", fold(text));
        // A place word inside another territory's full name names that one only ("Caux" of
        // "CC Caux-Austreberthe" in "Fécamp Caux Littoral Agglomération").
        let mut rest = folded.clone();
        for name in self.names.iter().filter(|n| folded.contains(n.as_str())) {
            rest = rest.replace(name.as_str(), " ");
        }
        let named = (0..self.names.len())
            .filter(|&i| {
                folded.contains(&self.names[i])
                    || by_place_word
                        && self.heads[i].as_ref().is_some_and(|h| rest.contains(h.as_str()))
            })
            .collect();
        (named, plural_contracts(text))
    }

    /// The index of the paragraph holding (or following) the clean offset `at`.
    fn paragraph_at(&self, at: usize) -> usize {
        self.paragraphs.partition_point(|(r, _)| r.end <= at)
    }

    /// True when a person named at the clean offset `at` is at contract `i`'s signing: as
    /// [`Self::is_about`], except in a paragraph that names several contracts' territories (a
    /// series told in one paragraph: "X signed first; two days later came Y, where the minister
    /// signed"; a page flattened onto one line). There the person is the contract's whose
    /// territory (or its place word: "à Evry" for "Evry Centre Essonne", unless the sentence
    /// names one territory in full) their sentence names,
    /// else the one the paragraph named last before it; a person named before any, or in a
    /// sentence naming several, is at each. A line break ends a sentence here too: the rows of
    /// a table of signings have no full stop.
    fn person_is_about(&self, text: &str, at: usize, i: usize) -> bool {
        let idx = self.paragraph_at(at);
        let Some((range, about)) = self.paragraphs.get(idx) else { return true };
        if let About::One(j) = about {
            return *j == i;
        }
        // Whether the paragraph also speaks of the contracts together is left to its sentences:
        // a flattened page is one paragraph, where such a sentence says nothing of the others.
        if self.named(&text[range.clone()], true).0.len() < 2 {
            return true;
        }
        let end = stretch_around(text, at..at, SENTENCE_ENDS).end.min(range.end);
        let mut current = About::All;
        let mut from = range.start;
        while from < end {
            let stop = text[from..end].find(SENTENCE_ENDS).map_or(end, |k| from + k + 1);
            // A territory's full name outweighs another's place word in the same sentence: the
            // place word may stand in a person's role ("le sous-préfet de Lens" on the line of
            // "Hénin-Carvin"), the full name says which contract the sentence is about.
            // Not when the other's name holds the full name ("Montauban" in "Grand Montauban"):
            // both are then named alike.
            let by_name = self.named(&text[from..stop], false);
            let by_word = self.named(&text[from..stop], true);
            let found = match by_name {
                (ref named, false)
                    if let [one] = named[..]
                        && by_word.0.iter().all(|&k| {
                            k == one || !self.names[k].contains(self.names[one].trim())
                        }) =>
                {
                    by_name
                }
                _ => by_word,
            };
            match found {
                (_, true) => current = About::All,
                (named, false) if named.len() > 1 => current = About::All,
                (named, false) if named.len() == 1 => current = About::One(named[0]),
                _ => {}
            }
            from = stop;
        }
        current == About::All || current == About::One(i)
    }

    /// True when a fact written at the clean offset `at` (a date, a quartier) belongs to
    /// contract `i`. A line or sentence that names exactly one contract's territory gives its
    /// facts to that contract, whatever the paragraph: a row of a calendar of signings ("5
    /// octobre | Métropole X | quartiers A et B"), one line of a timeline ("Mardi 23 juin :
    /// signature à Y"), "à Z, le quartier C". In a paragraph about all the contracts, the
    /// territory's place word is enough ("à Evry" for "Evry Centre Essonne"). Otherwise as
    /// [`Self::is_about`].
    fn fact_is_about(&self, text: &str, at: usize, i: usize) -> bool {
        if self.names.len() > 1 {
            let idx = self.paragraph_at(at);
            let by_place_word = !matches!(self.paragraphs.get(idx), Some((_, About::One(_))));
            let unit = stretch_around(text, at..at, SENTENCE_ENDS);
            // "X ouvre la série (des contrats)": in a paragraph
            // about one contract's turn, a sentence about the series' contracts gives its facts
            // to each.
            if self.turned.get(idx).copied().unwrap_or(false)
                && plural_contracts(&text[unit.clone()])
            {
                return true;
            }
            if let (named, false) = self.named(&text[unit], by_place_word)
                && let [one] = named[..]
            {
                return one == i;
            }
        }
        self.is_about(at, i)
    }

    /// True when the clean offset `at` lies in a paragraph about contract `i` alone.
    fn is_only_about(&self, at: usize, i: usize) -> bool {
        let idx = self.paragraph_at(at);
        matches!(self.paragraphs.get(idx), Some((_, About::One(j))) if *j == i)
    }

    /// True when the clean offset `at` lies in a paragraph about contract `i` (or all).
    fn is_about(&self, at: usize, i: usize) -> bool {
        let idx = self.paragraph_at(at);
        match self.paragraphs.get(idx) {
            Some((_, About::One(j))) => *j == i,
            _ => true,
        }
    }
}

/// Whether a fact at a clean-text span belongs to the contract being built.
type Owns<'a> = &'a dyn Fn([usize; 2]) -> bool;

/// A contract's own day in a series of signatures ([`own_day`]), if it has one.
type OwnDay = Option<Sourced<String>>;

fn build_contract(
    text: &str,
    c: &Candidates,
    t: &Territory,
    (all, i, own_days): (&[&Territory], usize, Option<&[OwnDay]>),
    (mine, mine_fact, mine_people, own_section): (Owns<'_>, Owns<'_>, Owns<'_>, Owns<'_>),
    conflicts: &mut Vec<Conflict>,
) -> Contract {
    let signatures: Vec<&DateMention> = c
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Signature)
        .filter(|d| mine_fact(d.evidence.span))
        .collect();
    // In a series of signatures every contract, the one a phrase named too ("Enfin, le 8 mars,
    // X a paraphé son contrat"), takes the day written next to it.
    // `own_days` is given in a series only.
    // A day that another contract of the series owns (written right next to its territory) is
    // not this one's: "Après Marmande le 2 avril, c'était au tour de l'agglo de signer ce
    // vendredi".
    let others_days: Vec<[usize; 2]> = own_days
        .iter()
        .flat_map(|days| all.iter().zip(days.iter()))
        .filter(|(o, _)| o.evidence.span != t.evidence.span)
        .filter_map(|(_, d)| d.as_ref())
        .flat_map(|d| d.evidence.iter().map(|e| e.span))
        .collect();
    let signatures: Vec<&DateMention> =
        signatures.into_iter().filter(|d| !others_days.contains(&d.evidence.span)).collect();
    let own_day = own_days
        .and_then(|days| days.get(i).cloned().flatten().or_else(|| between_days(text, c, t, all)));
    let to_come = own_days.is_some() && own_day.is_none() && signing_to_come(text, c, t, all);
    // Of several contracts, one whose own part of the page tells its signing only as to come
    // ("celui du Pays d'Uzès attend encore sa signature, prévue en septembre") and dates no
    // signature there takes none from the parts it shares.
    let awaits = all.len() > 1 && !signatures.iter().any(|d| own_section(d.evidence.span)) && {
        // Each signing its part tells: whether it is told as to come.
        let told: Vec<bool> = SIGNING_TOLD
            .find_iter(text)
            .filter(|m| own_section([m.start(), m.end()]))
            .map(|m| dates::signing_to_come(text, &m.range()))
            .collect();
        !told.is_empty() && told.iter().all(|&to_come| to_come)
    };
    let to_come = to_come || awaits;
    let signed_on = own_day.or_else(|| {
        if to_come {
            return None;
        }
        choose_signature(&signatures).map(|(best, disagree)| {
            // A bare year is only a fallback ("le contrat signé en 2015" names the previous
            // generation's): it does not contradict a finer date.
            let disagree: Vec<&DateMention> = disagree
                .into_iter()
                .filter(|d| d.precision != Precision::Year || best.precision == Precision::Year)
                .collect();
            if !disagree.is_empty() {
                let mut values = vec![json!(best.value)];
                let mut evidence = vec![best.evidence.clone()];
                for d in &disagree {
                    if !values.contains(&json!(d.value)) {
                        values.push(json!(d.value));
                    }
                    evidence.push(d.evidence.clone());
                }
                conflicts.push(Conflict {
                    field: format!("contracts[{}].signed_on", t.name),
                    values,
                    evidence,
                    note: "the document gives several signature dates; headline chosen by \
                       precedence (explicit field, then day over month, then first in the text)"
                        .into(),
                });
            }
            Sourced { value: best.value.clone(), evidence: vec![best.evidence.clone()] }
        })
    });
    let mut periods: Vec<(&DateMention, [i32; 2])> = c
        .dates
        .iter()
        .filter(|d| d.role == DateRole::Period && mine_fact(d.evidence.span))
        .filter_map(|d| {
            let a = d.value.get(..4)?.parse().ok()?;
            let b = d.end.as_ref()?.get(..4)?.parse().ok()?;
            Some((d, [a, b]))
        })
        .collect();
    // A period the page writes with both its years ("de 2015 à 2020") beats one computed from a
    // duration or an end year ("pour six ans", "jusqu'en 2020"): the computation guesses the
    // first year and how the years are counted.
    periods.sort_by_key(|(d, _)| (d.inferred.is_some(), d.evidence.span[0]));
    let period = periods.first().map(|&(first, [a, b])| {
        // "La durée du contrat est prorogée jusqu'en 2022 ; il couvre ainsi la période de 2015 à
        // 2022": a prolongation the page tells gives the contract its longer period.
        let prolonged = |d: &DateMention| {
            let from =
                text.floor_char_boundary(d.evidence.span[0].saturating_sub(PROLONGATION_REACH));
            PROLONGED.is_match(text.get(from..d.evidence.span[1]).unwrap_or(""))
        };
        let (d, span) = periods
            .iter()
            .filter(|(d, [x, y])| *x == a && *y > b && prolonged(d))
            .max_by_key(|(_, [_, y])| *y)
            .map_or((first, [a, b]), |&(d, span)| (d, span));
        Sourced { value: span, evidence: vec![d.evidence.clone()] }
    });
    let others: Vec<String> =
        all.iter().enumerate().filter(|(j, _)| *j != i).map(|(_, o)| fold(&o.name)).collect();
    let own_codes = family_codes(t);
    let other_codes: Vec<String> = all
        .iter()
        .enumerate()
        .filter(|(j, _)| *j != i)
        .flat_map(|(_, o)| family_codes(o))
        .filter(|c| !own_codes.contains(c))
        .collect();
    Contract {
        territory: t.name.clone(),
        territory_kind: Some(t.kind.clone()),
        territory_code: t.code.clone(),
        signed_on,
        period,
        signatories: signatories(c, mine_people),
        organizations: organizations(
            c,
            mine,
            (&t.name, t.code.as_deref()),
            (&others, &other_codes),
            &|span| all.len() == 1 || own_section(span),
        ),
        quartiers: quartiers(c, mine_fact).into_iter().filter(|q| !elsewhere(q, i, all)).collect(),
        figures: c.figures.iter().filter(|f| mine(f.evidence.span)).cloned().collect(),
        evidence: vec![t.evidence.clone()],
    }
}

/// Signatory and present people, one per folded name, the first mention's evidence, a role
/// filled from any mention.
fn signatories(c: &Candidates, mine: &dyn Fn([usize; 2]) -> bool) -> Vec<Person> {
    let mut out: Vec<Person> = Vec::new();
    let mut people: Vec<&Person> = c.people.iter().collect();
    people.sort_by_key(|p| p.evidence.span[0]);
    for p in people {
        if !matches!(p.involvement, Involvement::Signatory | Involvement::Present)
            || !mine(p.evidence.span)
        {
            continue;
        }
        let key = fold(&p.name);
        match out.iter_mut().find(|o| fold(&o.name) == key) {
            Some(o) => {
                if o.role.is_none() {
                    o.role.clone_from(&p.role);
                }
                if p.involvement == Involvement::Signatory {
                    o.involvement = Involvement::Signatory;
                }
            }
            None => out.push(p.clone()),
        }
    }
    out
}

/// Signing organisations, one per folded name; one that names another contract's territory
/// belongs to that contract only. An official listed by role ("le préfet", "préfète du Cher")
/// is dropped when the document names the person who holds it (a person's role is that role or
/// opens with it): the person signs, and the office lives only in the role. "La Ville" beside
/// "la Ville de Blois" in Blois's contract, "la Région" beside "la Région Grand Est", are that
/// one party, named in full. On a page about several contracts, a party named by its kind alone
/// ("l'Agglomération", "la Ville", "le président de la métropole") outside a section about one
/// of them is each signing's own carrier, not one party: it is given to none.
fn organizations(
    c: &Candidates,
    mine: &dyn Fn([usize; 2]) -> bool,
    (territory, code): (&str, Option<&str>),
    (others, other_codes): (&[String], &[String]),
    own_section: &dyn Fn([usize; 2]) -> bool,
) -> Vec<Organization> {
    let mut out: Vec<Organization> = Vec::new();
    let mut orgs: Vec<&Organization> = c.organizations.iter().collect();
    orgs.sort_by_key(|o| o.evidence.span[0]);
    let roles: Vec<String> = c.people.iter().filter_map(|p| Some(fold(p.role.as_ref()?))).collect();
    for o in orgs {
        if o.involvement != OrgInvolvement::Signatory || !mine(o.evidence.span) {
            continue;
        }
        let key = fold(&o.name);
        if is_bare_kind(&key) && !own_section(o.evidence.span) {
            continue;
        }
        // The holder's role may say more ("préfète de l'Aisne, préfète de région") or less
        // ("Le préfet, Paul Noël": the office alone).
        let held = |r: &String| {
            *r == key || r.starts_with(&format!("{key} ")) || key.starts_with(&format!("{r} "))
        };
        if is_office(&key) && roles.iter().any(held) {
            continue;
        }
        let padded = format!(" {key} ");
        if others.iter().any(|n| padded.contains(&format!(" {n} ")))
            || epci_code(&o.name).is_some_and(|code| other_codes.contains(&code))
        {
            continue;
        }
        if !out.iter().any(|x| fold(&x.name) == key) {
            out.push(o.clone());
        }
    }
    let keys: Vec<String> = out.iter().map(|o| fold(&o.name)).collect();
    let own = fold(territory);
    let place = head_word(territory);
    let centre = code.and_then(centre_town).map(|c| format!(" {}", fold(c)));
    out.retain(|o| {
        let key = fold(&o.name);
        let full = [format!("{key} de {own}"), format!("{key} d {own}"), format!("{key} {own}")];
        // "la Région" beside "la Région Grand Est": one party, named in full. Several towns or
        // intercommunalities may sign: "la Ville" beside "la Ville de Laon" in another town's
        // contract is two parties, unless a word of the longer name shares its stem with the
        // carrier's place word ("Ville de Cholet" in "Agglomération du Choletais") or the
        // longer name is the carrier's centre town ("Ville de Blois" in Agglopolys's contract).
        let longer = format!("{key} ");
        let same = |k: &String| {
            !SEVERAL.contains(&key.as_str())
                || place.as_ref().is_none_or(|p| k.split(' ').any(|w| same_stem(w, p.trim())))
                || centre.as_ref().is_some_and(|c| k.ends_with(c.as_str()))
        };
        key.contains(' ')
            || !keys.iter().any(|k| full.contains(k) || k.starts_with(&longer) && same(k))
    });
    out
}

/// The name of the carrier's centre town: the commune itself, or an intercommunality's most
/// populous member.
fn centre_town(code: &str) -> Option<&'static str> {
    if let Some(c) = gazetteer::commune(code) {
        return Some(c.name);
    }
    gazetteer::epci_members(code).into_iter().max_by_key(|c| c.population).map(|c| c.name)
}

/// Folded bare kinds of party that a contract may have several of (towns, intercommunalities).
const SEVERAL: &[&str] = &["ville", "commune", "agglomeration", "metropole", "communaute"];

/// Whether the folded name `key` is a kind of carrier without its place, or the office of its
/// head ("agglomeration", "la ville", "president de l agglomeration", "maire de la commune").
fn is_bare_kind(key: &str) -> bool {
    const KINDS: &[&str] = &[
        "agglomeration",
        "agglo",
        "ville",
        "commune",
        "communes",
        "metropole",
        "communaute",
        "communaute d agglomeration",
        "communaute de communes",
        "communaute urbaine",
        "intercommunalite",
        "epci",
    ];
    const HEADS: &[&str] =
        &["president", "presidente", "maire", "vice president", "vice presidente"];
    let mut rest = key;
    for head in HEADS {
        if let Some(r) = rest.strip_prefix(head).and_then(|r| r.strip_prefix(" de ")) {
            rest = r;
            break;
        }
    }
    for article in ["la ", "l ", "le ", "les ", "des ", "du "] {
        if let Some(r) = rest.strip_prefix(article) {
            rest = r;
            break;
        }
    }
    KINDS.contains(&rest)
}

/// Whether two folded place words share a stem of four letters or more ("cholet",
/// "choletais").
fn same_stem(a: &str, b: &str) -> bool {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count() >= 4
}

/// Whether the folded name `key` is an official's office ("prefet", "prefete du cher", "sous
/// prefet", "maire de lure"), the names of a party listed by role.
fn is_office(key: &str) -> bool {
    const OFFICES: &[&str] = &[
        "maire",
        "prefet",
        "prefete",
        "sous prefet",
        "sous prefete",
        "recteur",
        "rectrice",
        "procureur",
        "procureure",
    ];
    OFFICES.iter().any(|o| key == *o || key.starts_with(&format!("{o} ")))
}

/// Quartiers, one per folded name and status (a name repeated in "Lire aussi" links or in two
/// lists stays one).
fn quartiers(c: &Candidates, mine: &dyn Fn([usize; 2]) -> bool) -> Vec<Quartier> {
    let mut out: Vec<Quartier> = Vec::new();
    let mut qs: Vec<&Quartier> = c.quartiers.iter().collect();
    qs.sort_by_key(|q| q.evidence.span[0]);
    for q in qs {
        if !mine(q.evidence.span) {
            continue;
        }
        let key = fold(&q.name);
        match out.iter_mut().find(|x| fold(&x.name) == key && x.status == q.status) {
            Some(x) => {
                if x.qpv_code.is_none() && q.qpv_code.is_some() {
                    x.qpv_code.clone_from(&q.qpv_code);
                    x.qpv_link.clone_from(&q.qpv_link);
                }
                for commune in &q.communes {
                    if !x.communes.iter().any(|k| fold(&k.name) == fold(&commune.name)) {
                        x.communes.push(commune.clone());
                    }
                }
            }
            None => out.push(q.clone()),
        }
    }
    out
}

/// Whether quartier `q` lies outside the territory of contract `i` and another contract of the
/// document may hold it: in a document about several contracts ("Rethel", "Revin" and an
/// agglomeration), a quartier of the agglomeration's town is not Rethel's. Only when the
/// gazetteer knows the contract's communes and those of the quartier.
fn elsewhere(q: &Quartier, i: usize, all: &[&Territory]) -> bool {
    let Some(t) = all.get(i) else { return false };
    let Some(own) = territory_communes(t) else { return false };
    let codes: Vec<&str> = q.communes.iter().filter_map(commune_code).collect();
    if codes.is_empty() || codes.len() < q.communes.len() || codes.iter().any(|c| own.contains(c)) {
        return false;
    }
    all.iter().filter(|o| fold(&o.name) != fold(&t.name)).any(|o| {
        territory_communes(o).is_none_or(|theirs| codes.iter().any(|c| theirs.contains(c)))
    })
}

/// The INSEE codes of a territory's communes, when the gazetteer knows them: a commune's own,
/// an intercommunality's members.
fn territory_communes(t: &Territory) -> Option<Vec<&'static str>> {
    let code = t.code.as_deref()?;
    if t.kind == "commune" {
        return gazetteer::commune(code).map(|c| vec![c.insee]);
    }
    let members: Vec<&'static str> =
        gazetteer::epci_members(code).iter().map(|c| c.insee).collect();
    (!members.is_empty()).then_some(members)
}

/// The INSEE code of a quartier's commune: the linked one, else that of the one commune of its
/// name (an arrondissement stands for its commune).
fn commune_code(c: &CommuneRef) -> Option<&'static str> {
    let one = match &c.insee {
        Some(insee) => gazetteer::commune(insee)?,
        None => match gazetteer::communes_named(&c.name).as_slice() {
            [one] => *one,
            _ => return None,
        },
    };
    Some(one.parent.unwrap_or(one.insee))
}

/// The codes that stand for a contract's territory: its own, and for a commune the
/// intercommunalities it belongs to (Le Quesnoy's contract is also the CC du Pays de Mormal's
/// affair, not Valenciennes Métropole's).
fn family_codes(t: &Territory) -> Vec<String> {
    let mut codes: Vec<String> = t.code.iter().cloned().collect();
    if t.kind == "commune"
        && let Some(insee) = &t.code
    {
        codes.extend(gazetteer::epcis_of_commune(insee).iter().map(|e| e.siren.to_owned()));
    }
    codes
}

/// The SIREN of the one intercommunality an organisation's name designates, if any.
fn epci_code(name: &str) -> Option<String> {
    match gazetteer::epci_named(name).as_slice() {
        [one] => Some(one.siren.to_owned()),
        _ => None,
    }
}

/// A full list beats a count: when the contract lists its priority quartiers and a `qpv_count`
/// figure of the same contract says otherwise, the list is the headline and the count a conflict.
/// A count in a paragraph about many contracts (a région's total) is not the contract's.
fn count_conflicts(
    contract: &Contract,
    about_many: &dyn Fn([usize; 2]) -> bool,
    conflicts: &mut Vec<Conflict>,
) {
    let listed: Vec<&Quartier> =
        contract.quartiers.iter().filter(|q| q.status == QuartierStatus::Prioritaire).collect();
    if listed.is_empty() {
        return;
    }
    let n = linked_count(&listed);
    let counts: Vec<&Figure> = contract
        .figures
        .iter()
        .filter(|f| f.kind == "qpv_count" && f.value != n as f64 && !f.approx)
        .filter(|f| f.value != listed.len() as f64)
        .filter(|f| !about_many(f.evidence.span))
        .collect();
    if counts.is_empty() {
        return;
    }
    let mut evidence: Vec<Evidence> = listed.iter().map(|q| q.evidence.clone()).collect();
    evidence.extend(counts.iter().map(|f| f.evidence.clone()));
    let mut values = vec![json!(n)];
    for f in &counts {
        let v = crate::record::number::to_json(f.value);
        if !values.contains(&v) {
            values.push(v);
        }
    }
    conflicts.push(Conflict {
        field: format!("contracts[{}].quartiers.count", contract.territory),
        values,
        evidence,
        note: "the listed priority quartiers (headline) and a stated count differ; the list may \
               be partial, or the count cover another perimeter"
            .into(),
    });
}

/// How many QPVs a list of priority quartiers names: the quartiers linked to one QPV count once
/// per code (two parts of one QPV listed apart are one QPV), the others once each.
fn linked_count(listed: &[&Quartier]) -> usize {
    let mut codes: Vec<&str> = listed.iter().filter_map(|q| q.qpv_code.as_deref()).collect();
    let unlinked = listed.len() - codes.len();
    codes.sort_unstable();
    codes.dedup();
    codes.len() + unlinked
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::normalise::normalise;
    use crate::record::{CommuneRef, Format};

    const TWO: &str = "Metz, le 27 juin 2024\n\n\
        La Région signe les contrats de Metz Métropole et de Forbach Porte de France, pour la période 2024-2030.\n\n\
        Le contrat de Metz Métropole a été signé le lundi 24 juin par Laurent Castagné, préfet.\n\n\
        Il concerne Borny à Metz.\n\n\
        Forbach Porte de France : quatre quartiers\n\n\
        Le mercredi 26 juin, Roland Weiss, président, a signé. Wiesberg (Forbach).\n\n\
        Ces contrats associent l'État, la communauté d'agglomération Forbach Porte de France et la CAF.\n";

    fn ev(text: &str, needle: &str, rule: &str) -> Evidence {
        let at = text.find(needle).unwrap_or_else(|| panic!("{needle} not in text"));
        Evidence { span: [at, at + needle.len()], text: needle.into(), rule: rule.into() }
    }

    fn territory(text: &str, name: &str) -> Territory {
        Territory {
            name: name.into(),
            kind: "CA".into(),
            code: None,
            carries_contract: true,
            evidence: ev(text, name, "territories.test"),
        }
    }

    fn date(text: &str, needle: &str, value: &str, role: DateRole) -> DateMention {
        DateMention {
            text: needle.into(),
            value: value.into(),
            precision: super::super::precedence::precision_of(value),
            end: (role == DateRole::Period).then(|| "2030".to_owned()),
            role,
            inferred: None,
            evidence: ev(text, needle, "dates.test"),
        }
    }

    fn person(text: &str, name: &str) -> Person {
        Person {
            name: name.into(),
            role: None,
            organization: None,
            involvement: Involvement::Signatory,
            evidence: ev(text, name, "people.test"),
        }
    }

    fn org(text: &str, name: &str) -> Organization {
        Organization {
            name: name.into(),
            kind: None,
            abbreviation: None,
            involvement: OrgInvolvement::Signatory,
            evidence: ev(text, name, "orgs.test"),
        }
    }

    fn quartier(text: &str, name: &str, commune: &str) -> Quartier {
        Quartier {
            name: name.into(),
            communes: vec![CommuneRef { name: commune.into(), insee: None }],
            status: QuartierStatus::Prioritaire,
            list: None,
            qpv_code: None,
            qpv_link: None,
            evidence: ev(text, name, "quartiers.test"),
        }
    }

    fn qpv_count(text: &str, needle: &str, value: f64) -> Figure {
        Figure {
            value,
            approx: false,
            kind: "qpv_count".into(),
            unit: None,
            scope: None,
            year: None,
            text: needle.into(),
            evidence: ev(text, needle, "figures.test"),
        }
    }

    fn merge(text: &str, c: &Candidates) -> Merged {
        let norm = normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        document(&doc, c)
    }

    fn two_contract_candidates() -> Candidates {
        let t = TWO;
        Candidates {
            territories: vec![
                territory(t, "Metz Métropole"),
                territory(t, "Forbach Porte de France"),
            ],
            dates: vec![
                date(t, "27 juin 2024", "2024-06-27", DateRole::Publication),
                date(t, "2024-2030", "2024", DateRole::Period),
                date(t, "lundi 24 juin", "2024-06-24", DateRole::Signature),
                date(t, "mercredi 26 juin", "2024-06-26", DateRole::Signature),
            ],
            people: vec![person(t, "Laurent Castagné"), person(t, "Roland Weiss")],
            organizations: vec![
                org(t, "État"),
                org(t, "communauté d'agglomération Forbach Porte de France"),
                org(t, "CAF"),
            ],
            quartiers: vec![quartier(t, "Borny", "Metz"), quartier(t, "Wiesberg", "Forbach")],
            ..Candidates::default()
        }
    }

    #[test]
    fn each_contract_gets_the_facts_of_its_section() {
        let m = merge(TWO, &two_contract_candidates());
        assert_eq!(m.published.as_ref().unwrap().date, "2024-06-27");
        let [metz, forbach] = &m.contracts[..] else { panic!("two contracts: {:?}", m.contracts) };
        assert_eq!(metz.signed_on.as_ref().unwrap().value, "2024-06-24");
        assert_eq!(forbach.signed_on.as_ref().unwrap().value, "2024-06-26");
        assert_eq!(
            metz.signatories.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Laurent Castagné"]
        );
        assert_eq!(
            forbach.signatories.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
            ["Roland Weiss"]
        );
        assert_eq!(metz.quartiers.len(), 1);
        assert_eq!(metz.quartiers[0].name, "Borny");
        assert_eq!(forbach.quartiers[0].name, "Wiesberg");
        assert!(m.conflicts.is_empty(), "{:?}", m.conflicts);
    }

    #[test]
    fn a_contract_told_by_its_rank_is_not_all_of_them() {
        let t = "Deux contrats signés\n\nLundi, le préfet a signé le premier des contrats de \
                 ville du département avec Anne Brun, présidente de Metz Métropole.\n\nJeudi, \
                 il a signé avec Paul Roche, président de Forbach Porte de France, le second \
                 contrat.\n";
        let c = Candidates {
            territories: vec![
                territory(t, "Metz Métropole"),
                territory(t, "Forbach Porte de France"),
            ],
            people: vec![person(t, "Anne Brun"), person(t, "Paul Roche")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names: Vec<Vec<&str>> = m
            .contracts
            .iter()
            .map(|k| k.signatories.iter().map(|p| p.name.as_str()).collect())
            .collect();
        assert_eq!(names, [vec!["Anne Brun"], vec!["Paul Roche"]]);
    }

    #[test]
    fn a_heading_naming_no_contract_opens_the_part_of_the_one_below_it() {
        let t = "Deux contrats signés\n\nÀ Lunel, le vendredi 3 juillet\n\nLa préfète a signé \
                 le contrat de ville de Metz Métropole.\n\nÀ Sète, le jeudi 9 juillet\n\nLe \
                 sous-préfet a signé le contrat de ville de Forbach Porte de France.\n";
        let c = Candidates {
            territories: vec![
                territory(t, "Metz Métropole"),
                territory(t, "Forbach Porte de France"),
            ],
            dates: vec![
                date(t, "À Lunel, le vendredi 3 juillet", "2015-07-03", DateRole::Signature),
                date(t, "À Sète, le jeudi 9 juillet", "2015-07-09", DateRole::Signature),
            ],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let days: Vec<Option<&str>> =
            m.contracts.iter().map(|k| k.signed_on.as_ref().map(|d| d.value.as_str())).collect();
        assert_eq!(days, [Some("2015-07-03"), Some("2015-07-09")]);
        // A list's last item before the next contract's heading is no heading.
        let t = "Deux contrats signés\n\nLa préfète a signé le contrat de ville de Metz \
                 Métropole.\n\nSignataires :\n\nla Région ;\n\nDomanys.\n\nForbach Porte de \
                 France\n\nLe sous-préfet a signé le contrat de ville de Forbach Porte de \
                 France.\n";
        let c = Candidates {
            territories: vec![
                territory(t, "Metz Métropole"),
                territory(t, "Forbach Porte de France"),
            ],
            organizations: vec![org(t, "Domanys")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let orgs: Vec<usize> = m.contracts.iter().map(|k| k.organizations.len()).collect();
        assert_eq!(orgs, [1, 0]);
    }

    #[test]
    fn a_heading_naming_a_member_town_opens_its_contract_part() {
        let t = "Deux contrats de ville, de Metz Métropole et de Forbach Porte de France, sont \
                 signés.\n\nWoippy, lundi 24 juin\n\nLe préfet a signé aux côtés de Laurent \
                 Castagné.\n\nStiring-Wendel, mercredi 26 juin\n\nRoland Weiss, président, a \
                 signé.\n";
        let coded = |name: &str| Territory {
            code: gazetteer::epci_named(name).first().map(|e| e.siren.to_owned()),
            ..territory(t, name)
        };
        let c = Candidates {
            territories: vec![coded("Metz Métropole"), coded("Forbach Porte de France")],
            people: vec![person(t, "Laurent Castagné"), person(t, "Roland Weiss")],
            ..Candidates::default()
        };
        assert!(c.territories.iter().all(|t| t.code.is_some()), "{:?}", c.territories);
        let m = merge(t, &c);
        let names = |k: &Contract| k.signatories.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        let [metz, forbach] = &m.contracts[..] else { panic!("two contracts: {:?}", m.contracts) };
        assert_eq!(names(metz), ["Laurent Castagné"]);
        assert_eq!(names(forbach), ["Roland Weiss"]);
    }

    #[test]
    fn people_of_an_opening_go_to_each_contract_only_when_tied_to_them() {
        // How many signatories each contract of Arles and Orange gets from Jeanne Morel.
        let signatories = |t: &str| {
            let c = Candidates {
                territories: vec![territory(t, "Arles"), territory(t, "Orange")],
                people: vec![person(t, "Jeanne Morel")],
                ..Candidates::default()
            };
            merge(t, &c).contracts.iter().map(|k| k.signatories.len()).collect::<Vec<_>>()
        };
        // The first signing of a series, told before any contract is named: its people are not
        // every contract's.
        let t = "La tournée des signatures commence.\n            Mardi, le préfet a signé aux côtés de Jeanne Morel, présidente.\n            Il a ensuite signé à Arles, puis à Orange.\n";
        assert_eq!(signatories(t), [0, 0]);
        // The same page with its line breaks lost: the opening ends at the first sentence
        // naming a contract.
        let t = "La tournée des signatures commence. Mardi, le préfet a signé aux côtés de Jeanne Morel, présidente. Il a ensuite signé à Arles, puis à Orange.\n";
        assert_eq!(signatories(t), [0, 0]);
        // A sentence about the contracts together ties its people to each.
        let t = "Mardi, Jeanne Morel a signé les deux contrats de ville.\n            Ils concernent Arles et Orange.\n";
        assert_eq!(signatories(t), [1, 1]);
        // Whatever the count, or the word for the documents.
        for t in [
            "En une semaine, Jeanne Morel a signé les cinq contrats de l'île.\nArles et Orange \
             en sont.\n",
            "Le Département, représenté par Jeanne Morel, a paraphé chacun des 4 documents.\n\
             Arles et Orange en sont.\n",
        ] {
            assert_eq!(signatories(t), [1, 1], "{t}");
        }
        // With one contract, the opening is its.
        let t = "Mardi, le préfet a signé aux côtés de Jeanne Morel.\nLe contrat d'Arles.\n";
        let c = Candidates {
            territories: vec![territory(t, "Arles")],
            people: vec![person(t, "Jeanne Morel")],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].signatories.len(), 1);
    }

    #[test]
    fn people_of_a_table_of_signings_go_to_their_row_s_contract() {
        // Rows without a full stop: each line is the unit, as a sentence is in prose.
        let t = "Calendrier des signatures\n5 mars | Arles | Jeanne Morel, préfète\n6 mars | \
            Orange | Paul Viel, maire\n";
        let c = Candidates {
            territories: vec![territory(t, "Arles"), territory(t, "Orange")],
            people: vec![person(t, "Jeanne Morel"), person(t, "Paul Viel")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names = |k: &Contract| k.signatories.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&m.contracts[0]), ["Jeanne Morel"]);
        assert_eq!(names(&m.contracts[1]), ["Paul Viel"]);
    }

    #[test]
    fn respectively_pairs_people_with_contracts_in_order() {
        let names = |k: &Contract| k.signatories.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        for (t, people) in [
            (
                "Paul Viel a signé les contrats d'Arles et d'Orange, aux côtés respectivement de \
                 Jeanne Morel et de Luc Roux.\n",
                ["Paul Viel", "Jeanne Morel", "Luc Roux"],
            ),
            (
                "Paul Viel, préfet, Jeanne Morel et Luc Roux, respectivement maires d'Arles et \
                 d'Orange, ont signé.\n",
                ["Paul Viel", "Jeanne Morel", "Luc Roux"],
            ),
        ] {
            let c = Candidates {
                territories: vec![territory(t, "Arles"), territory(t, "Orange")],
                people: people.iter().map(|n| person(t, n)).collect(),
                ..Candidates::default()
            };
            let m = merge(t, &c);
            assert_eq!(names(&m.contracts[0]), ["Paul Viel", "Jeanne Morel"], "{t}");
            assert_eq!(names(&m.contracts[1]), ["Paul Viel", "Luc Roux"], "{t}");
        }
        // Without the word, a sentence naming both contracts gives its people to each.
        let t = "Paul Viel a signé les contrats d'Arles et d'Orange, aux côtés de Jeanne Morel et \
            de Luc Roux.\n";
        let c = Candidates {
            territories: vec![territory(t, "Arles"), territory(t, "Orange")],
            people: ["Paul Viel", "Jeanne Morel", "Luc Roux"]
                .iter()
                .map(|n| person(t, n))
                .collect(),
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert!(m.contracts.iter().all(|k| k.signatories.len() == 3), "{:?}", m.contracts);
    }

    #[test]
    fn a_place_word_inside_another_territory_s_name_names_that_one_only() {
        // "Caux" is the place word of "CC Caux Nord", and a word of the other row's territory.
        let t = "Calendrier des signatures\n5 mars | CC Caux Nord | Lalande (Yvetot)\n6 mars | \
            Fécamp Caux Agglomération | Ramberge (Fécamp)\n";
        let c = Candidates {
            territories: vec![
                territory(t, "CC Caux Nord"),
                territory(t, "Fécamp Caux Agglomération"),
            ],
            quartiers: vec![quartier(t, "Lalande", "Yvetot"), quartier(t, "Ramberge", "Fécamp")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names = |k: &Contract| k.quartiers.iter().map(|q| q.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&m.contracts[0]), ["Lalande"]);
        assert_eq!(names(&m.contracts[1]), ["Ramberge"]);
    }

    #[test]
    fn people_of_a_series_told_in_one_paragraph_go_to_their_sentence_s_contract() {
        let t = "Arles a signé la première, lundi. Deux jours plus tard vint le tour d'Orange, où \
            Jeanne Morel, ministre, est venue signer. Le lendemain, Paul Viel était à Nîmes. Il y \
            retrouvait Luc Roux, préfet.\n";
        let c = Candidates {
            territories: vec![territory(t, "Arles"), territory(t, "Orange"), territory(t, "Nîmes")],
            people: vec![person(t, "Jeanne Morel"), person(t, "Paul Viel"), person(t, "Luc Roux")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names = |k: &Contract| k.signatories.iter().map(|p| p.name.clone()).collect::<Vec<_>>();
        assert!(m.contracts[0].signatories.is_empty(), "{:?}", m.contracts[0]);
        assert_eq!(names(&m.contracts[1]), ["Jeanne Morel"]);
        assert_eq!(names(&m.contracts[2]), ["Paul Viel", "Luc Roux"]);
        // A sentence names a territory by its place word.
        let t = "Arles et Orange Sud Agglomération signent. Arles a signé lundi. Le lendemain, \
            Jeanne Morel était à Orange.\n";
        let c = Candidates {
            territories: vec![territory(t, "Arles"), territory(t, "Orange Sud Agglomération")],
            people: vec![person(t, "Jeanne Morel")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert!(m.contracts[0].signatories.is_empty(), "{:?}", m.contracts[0]);
        assert_eq!(m.contracts[1].signatories.len(), 1);
        // A territory named in full outweighs another's place word in a person's role.
        let t = "Deux contrats sont signés. À Sète, le contrat de Sète Agglopôle a été signé par \
            Paul Viel. À Agde, le contrat d'Hérault Méditerranée a été signé par le sous-préfet \
            de Sète, Jeanne Morel.\n";
        let c = Candidates {
            territories: vec![territory(t, "Sète Agglopôle"), territory(t, "Hérault Méditerranée")],
            people: vec![person(t, "Paul Viel"), person(t, "Jeanne Morel")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert_eq!(names(&m.contracts[0]), ["Paul Viel"]);
        assert_eq!(names(&m.contracts[1]), ["Jeanne Morel"]);
        // A sentence that names several, or speaks of the contracts together, is each one's.
        for t in [
            "Arles signe lundi, Orange mardi. Jeanne Morel a signé à Arles comme à Orange.\n",
            "Arles signe lundi, Orange mardi. Jeanne Morel a signé ces contrats.\n",
        ] {
            let c = Candidates {
                territories: vec![territory(t, "Arles"), territory(t, "Orange")],
                people: vec![person(t, "Jeanne Morel")],
                ..Candidates::default()
            };
            let m = merge(t, &c);
            assert!(m.contracts.iter().all(|k| k.signatories.len() == 1), "{t}: {:?}", m.contracts);
        }
        // A paragraph that also speaks of the contracts together (a page flattened onto one
        // line) still gives each person to their sentence's contract.
        let t = "Les premiers contrats de ville sont signés. Arles a signé lundi. Le lendemain, \
            Jeanne Morel était à Orange. Ces contrats couvrent dix quartiers.\n";
        let c = Candidates {
            territories: vec![territory(t, "Arles"), territory(t, "Orange")],
            people: vec![person(t, "Jeanne Morel")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert!(m.contracts[0].signatories.is_empty(), "{:?}", m.contracts[0]);
        assert_eq!(m.contracts[1].signatories.len(), 1);
    }

    #[test]
    fn a_quartier_of_one_contract_s_town_is_not_the_other_towns() {
        // A release about a town's contract and an agglomeration's, in one paragraph: the
        // quartier of the agglomeration's town is not the other town's.
        let t = "Les contrats de ville de Vierzon et de la communauté d'agglomération Bourges Plus \
            sont signés ; la Gare, à Bourges, en fait partie.\n";
        let mut vierzon = territory(t, "Vierzon");
        vierzon.kind = "commune".into();
        vierzon.code = Some("18279".into());
        let c = Candidates {
            territories: vec![vierzon, territory(t, "Bourges Plus")],
            quartiers: vec![quartier(t, "Gare", "Bourges")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let [vierzon, bourges] = &m.contracts[..] else { panic!("two: {:?}", m.contracts) };
        assert!(vierzon.quartiers.is_empty(), "{:?}", vierzon.quartiers);
        assert_eq!(bourges.quartiers.len(), 1);
        // In Vierzon itself, it stays.
        let mut c = c;
        c.quartiers = vec![quartier(t, "Gare", "Vierzon")];
        let m = merge(t, &c);
        assert!(m.contracts.iter().all(|k| k.quartiers.len() == 1), "{:?}", m.contracts);
    }

    #[test]
    fn facts_for_the_contracts_in_general_go_to_each() {
        let m = merge(TWO, &two_contract_candidates());
        for c in &m.contracts {
            assert_eq!(c.period.as_ref().map(|p| p.value), Some([2024, 2030]), "{}", c.territory);
        }
        let names =
            |c: &Contract| c.organizations.iter().map(|o| o.name.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&m.contracts[0]),
            ["État", "CAF"],
            "Forbach's own EPCI is not Metz's partner"
        );
        assert_eq!(
            names(&m.contracts[1]),
            ["État", "communauté d'agglomération Forbach Porte de France", "CAF"]
        );
        // What is said of each signing of the series.
        let t = TWO.replace(
            "Ces contrats associent l'État, la communauté d'agglomération Forbach Porte de France et \
             la CAF.",
            "Aux côtés de l'État, la CAF et la Banque des Territoires ont signé à chaque fois.",
        );
        let mut c = two_contract_candidates();
        c.organizations = vec![org(&t, "État"), org(&t, "CAF"), org(&t, "Banque des Territoires")];
        let m = merge(&t, &c);
        for k in &m.contracts {
            assert_eq!(names(k), ["État", "CAF", "Banque des Territoires"], "{}", k.territory);
        }
    }

    #[test]
    fn an_explicit_signature_field_beats_prose_and_the_difference_is_a_conflict() {
        let t = "Signé le lundi 22 juin à Valenciennes.\n\nDate de signature : 30 juin 2015\n";
        let mut field =
            date(t, "Date de signature : 30 juin 2015", "2015-06-30", DateRole::Signature);
        field.evidence.rule = "dates.signature_field".into();
        let c = Candidates {
            territories: vec![Territory {
                evidence: ev(t, "Valenciennes", "territories.test"),
                ..territory(t, "Valenciennes")
            }],
            dates: vec![date(t, "lundi 22 juin", "2015-06-22", DateRole::Signature), field],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert_eq!(m.contracts[0].signed_on.as_ref().unwrap().value, "2015-06-30");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].values, vec![json!("2015-06-30"), json!("2015-06-22")]);
    }

    #[test]
    fn a_list_beats_a_count_and_the_difference_is_a_conflict() {
        let t = "Le contrat de ville de Lens concerne 3 quartiers : A (Lens) ; B (Lens).\n";
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            quartiers: vec![quartier(t, "A", "Lens"), quartier(t, "B", "Lens")],
            figures: vec![qpv_count(t, "3", 3.0)],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert_eq!(m.contracts[0].quartiers.len(), 2, "the list is the headline");
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].values, vec![json!(2), json!(3)]);
    }

    fn coded(text: &str, name: &str, code: &str) -> Quartier {
        Quartier { qpv_code: Some(code.into()), ..quartier(text, name, "Lens") }
    }

    #[test]
    fn two_parts_of_one_qpv_listed_apart_agree_with_a_count_of_one() {
        let t = "Le contrat de ville de Lens concerne 1 quartier : Nord (Lens) ; Sud (Lens).\n";
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            quartiers: vec![coded(t, "Nord", "QN06201M"), coded(t, "Sud", "QN06201M")],
            figures: vec![qpv_count(t, "1", 1.0)],
            ..Candidates::default()
        };
        assert!(merge(t, &c).conflicts.is_empty(), "two names of one QPV are one QPV");
    }

    #[test]
    fn the_linked_count_that_differs_from_the_stated_one_is_a_conflict() {
        let t = "Le contrat de ville de Lens concerne 4 quartiers : Nord (Lens) ; Sud (Lens) ; \
                 Est (Lens).\n";
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            quartiers: vec![
                coded(t, "Nord", "QN06201M"),
                coded(t, "Sud", "QN06201M"),
                quartier(t, "Est", "Lens"),
            ],
            figures: vec![qpv_count(t, "4", 4.0)],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert_eq!(m.conflicts.len(), 1);
        assert_eq!(m.conflicts[0].values, vec![json!(2), json!(4)], "the linked count first");
    }

    #[test]
    fn an_office_whose_holder_is_named_is_no_organisation() {
        let t = "Le préfet a signé le contrat de ville de Douai avec la CAF. Paul Noël, préfet du \
                 Nord, a salué la Ville de Douai, la Ville et le Département.\n";
        let mut prefect = person(t, "Paul Noël");
        prefect.role = Some("préfet du Nord".into());
        let mut douai = territory(t, "Douai");
        douai.kind = "commune".into();
        let orgs = ["préfet", "CAF", "Ville de Douai", "Ville", "Département"];
        let c = Candidates {
            territories: vec![douai.clone()],
            people: vec![prefect],
            organizations: orgs.iter().map(|n| org(t, n)).collect(),
            ..Candidates::default()
        };
        let names = |m: &Merged| -> Vec<String> {
            m.contracts[0].organizations.iter().map(|o| o.name.clone()).collect()
        };
        // the préfet is named: his office is no party; "la Ville" is the Ville de Douai
        assert_eq!(names(&merge(t, &c)), ["CAF", "Ville de Douai", "Département"]);
        // nobody holds the office by name: the unnamed official is listed by role
        let c = Candidates {
            territories: vec![douai],
            organizations: orgs.iter().map(|n| org(t, n)).collect(),
            ..Candidates::default()
        };
        assert_eq!(names(&merge(t, &c)), ["préfet", "CAF", "Ville de Douai", "Département"]);
        // The holder named by the office alone ("Le maire, Anne Brun"), or by a longer role.
        let t = "Le préfet du Nord et le maire de Douai ont signé avec la CAF. Le maire, Anne Brun, \
                 et Paul Noël, préfet du Nord et de la région, ont parlé. Le maire de Lille aussi.\n";
        let mut mayor = person(t, "Anne Brun");
        mayor.role = Some("maire".into());
        let mut prefect = person(t, "Paul Noël");
        prefect.role = Some("préfet du Nord et de la région".into());
        let c = Candidates {
            territories: vec![territory(t, "Douai")],
            people: vec![mayor, prefect],
            organizations: ["préfet du Nord", "maire de Douai", "CAF"]
                .iter()
                .map(|n| org(t, n))
                .collect(),
            ..Candidates::default()
        };
        assert_eq!(names(&merge(t, &c)), ["CAF"]);
    }

    #[test]
    fn a_bare_town_beside_another_town_named_in_full_is_two_parties() {
        let t = "Soissons, Laonnois : ont signé la Ville, l'Agglomération, la Ville de Laon et \
                 l'agglomération de Chauny, puis la Région et la Région Grand Est.\n";
        let names = |carrier: &str| -> Vec<String> {
            let c = Candidates {
                territories: vec![territory(t, carrier)],
                organizations: [
                    "Ville",
                    "Agglomération",
                    "Ville de Laon",
                    "agglomération de Chauny",
                ]
                .iter()
                .chain(&["Région", "Région Grand Est"])
                .map(|n| org(t, n))
                .collect(),
                ..Candidates::default()
            };
            merge(t, &c).contracts[0].organizations.iter().map(|o| o.name.clone()).collect()
        };
        // In Soissons's contract the bare ones are Soissons's own; one Région only.
        assert_eq!(
            names("Soissons"),
            [
                "Ville",
                "Agglomération",
                "Ville de Laon",
                "agglomération de Chauny",
                "Région Grand Est"
            ]
        );
        // In Laon's contract "la Ville" is the Ville de Laon, and so in the Laonnois's.
        for carrier in ["Laon", "Laonnois"] {
            assert_eq!(
                names(carrier),
                ["Agglomération", "Ville de Laon", "agglomération de Chauny", "Région Grand Est"]
            );
        }
    }

    #[test]
    fn a_party_named_by_its_kind_alone_is_nobodys_on_a_page_of_several_contracts() {
        let t = "Les contrats de ville de Vierzon et de Bourges sont signés. Chaque fois, la \
                 Métropole, l'Agglo, le président de la communauté, la maire de la ville et la \
                 CAF ont paraphé le document, avec la Ville de Bourges.\n";
        let orgs = [
            "Métropole",
            "Agglo",
            "président de la communauté",
            "maire de la ville",
            "CAF",
            "Ville de Bourges",
        ];
        let c = Candidates {
            territories: vec![territory(t, "Vierzon"), territory(t, "Bourges")],
            organizations: orgs.iter().map(|n| org(t, n)).collect(),
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names = |i: usize| -> Vec<String> {
            m.contracts[i].organizations.iter().map(|o| o.name.clone()).collect()
        };
        assert_eq!(names(0), ["CAF"]);
        assert_eq!(names(1), ["CAF", "Ville de Bourges"]);
        // One contract: the bare kind is its own carrier, a party.
        let c = Candidates {
            territories: vec![territory(t, "Vierzon")],
            organizations: orgs.iter().map(|n| org(t, n)).collect(),
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].organizations.len(), 6);
        // In a section about one of them, the bare kind is that one's.
        let t = "Les contrats de ville de Vierzon et de Bourges sont signés.\n\nA Bourges, la \
                 Ville et la CAF ont signé.\n";
        let c = Candidates {
            territories: vec![territory(t, "Vierzon"), territory(t, "Bourges")],
            organizations: ["Ville", "CAF"].iter().map(|n| org(t, n)).collect(),
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert!(m.contracts[0].organizations.is_empty());
        assert_eq!(m.contracts[1].organizations.len(), 2);
    }

    #[test]
    fn a_bare_town_beside_the_carriers_centre_town_is_one_party() {
        let t = "Ont signé : l'État, Plaine Commune, la Ville de Saint-Denis et la Ville \
                 d'Aubervilliers. La Ville et Plaine Commune pilotent le contrat.\n";
        let mut carrier = territory(t, "Plaine Commune");
        carrier.code = Some("200057867".into());
        let c = Candidates {
            territories: vec![carrier],
            organizations: [
                "État",
                "Plaine Commune",
                "Ville de Saint-Denis",
                "Ville d'Aubervilliers",
                "Ville",
            ]
            .iter()
            .map(|n| org(t, n))
            .collect(),
            ..Candidates::default()
        };
        let names: Vec<String> =
            merge(t, &c).contracts[0].organizations.iter().map(|o| o.name.clone()).collect();
        // Saint-Denis is Plaine Commune's most populous member: "la Ville" is the Ville de
        // Saint-Denis.
        assert_eq!(
            names,
            ["État", "Plaine Commune", "Ville de Saint-Denis", "Ville d'Aubervilliers"]
        );
    }

    #[test]
    fn a_communes_intercommunality_goes_to_the_communes_contract_only() {
        let t = "Le préfet a signé les contrats de ville de Le Quesnoy et de Valenciennes \
                 Métropole (la communauté de communes du Pays de Mormal, l'État).\n";
        let mut quesnoy = territory(t, "Le Quesnoy");
        quesnoy.kind = "commune".into();
        quesnoy.code = Some("59481".into());
        let mut valenciennes = territory(t, "Valenciennes Métropole");
        valenciennes.code = Some("245901160".into());
        let c = Candidates {
            territories: vec![quesnoy, valenciennes],
            organizations: vec![org(t, "communauté de communes du Pays de Mormal"), org(t, "État")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names = |i: usize| -> Vec<String> {
            m.contracts[i].organizations.iter().map(|o| o.name.clone()).collect()
        };
        assert_eq!(names(0), ["communauté de communes du Pays de Mormal", "État"]);
        assert_eq!(names(1), ["État"]);
    }

    #[test]
    fn a_regional_total_is_no_count_of_the_contract() {
        let t = "Le contrat de ville de Lens concerne : A (Lens) ; B (Lens).\n\n\
                 La Région signe les 29 contrats de ville, qui couvrent 107 quartiers.\n";
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            quartiers: vec![quartier(t, "A", "Lens"), quartier(t, "B", "Lens")],
            figures: vec![qpv_count(t, "107 quartiers", 107.0)],
            ..Candidates::default()
        };
        assert!(merge(t, &c).conflicts.is_empty());
    }

    #[test]
    fn a_precise_issue_date_beats_a_titles_month() {
        let t = "Mai 2016 – Le contrat est signé\nPublié le 3 mai 2016\n";
        let c = Candidates {
            dates: vec![
                date(t, "Mai 2016", "2016-05", DateRole::Publication),
                date(t, "3 mai 2016", "2016-05-03", DateRole::Publication),
            ],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).published.map(|p| p.date).as_deref(), Some("2016-05-03"));
    }

    /// The signing day of each contract merged from `t`, where Montauban and Quimperlé are
    /// territories of a series and "6 février" and "9 février" dates.
    fn timeline_days(t: &str) -> Vec<Option<String>> {
        series_days(t, &["Montauban", "Quimperlé"])
    }

    /// The signing days the merge gives the territories `names` of a series, with the days of
    /// 6 and 9 February in `t`.
    fn series_days(t: &str, names: &[&str]) -> Vec<Option<String>> {
        let c = Candidates {
            territories: names.iter().map(|n| in_series(t, n)).collect(),
            dates: vec![
                date(t, "6 février", "2015-02-06", DateRole::Other),
                date(t, "9 février", "2015-02-09", DateRole::Other),
            ],
            ..Candidates::default()
        };
        signing_days(t, &c)
    }

    /// Territory `name` of `t`, told as one of a series of signings.
    fn in_series(t: &str, name: &str) -> Territory {
        let mut a = territory(t, name);
        a.evidence.rule = SERIES_ID.into();
        a
    }

    /// Each merged contract's signing day, in the merger's order.
    fn signing_days(t: &str, c: &Candidates) -> Vec<Option<String>> {
        merge(t, c)
            .contracts
            .iter()
            .map(|c| c.signed_on.as_ref().map(|s| s.value.clone()))
            .collect()
    }

    #[test]
    fn a_territory_told_in_turn_between_two_days_of_a_month_gets_the_month() {
        let days = |t: &str| series_days(t, &["Montauban", "Hirson", "Quimperlé"]);
        let t = "Les contrats : le 6 février à Montauban, puis à Hirson, et Quimperlé le 9 \
                 février.\n";
        assert_eq!(days(t)[1].as_deref(), Some("2015-02"));
        let t = "Les contrats : le 6 février à Montauban, et enfin d'Hirson ; Quimperlé le 9 \
                 février.\n";
        assert_eq!(days(t)[1].as_deref(), Some("2015-02"));
        // A row of its own, not told in turn: no month guessed.
        let t = "Les contrats :\nle 6 février à Montauban.\nHirson - en mars.\nQuimperlé le 9 \
                 février.\n";
        assert_eq!(days(t)[1], None);
    }

    #[test]
    fn a_dateline_heading_a_territory_s_part_gives_its_day() {
        let series = in_series;
        let dateline = |t: &str, needle: &str, value: &str| {
            let mut d = date(t, needle, value, DateRole::Publication);
            d.evidence.rule = dates::DATELINE_ID.into();
            d
        };
        let days = |t: &str, first: &str| {
            let c = Candidates {
                territories: vec![series(t, "Montauban"), series(t, "Quimperlé")],
                dates: vec![
                    date(t, first, "2015-02-12", DateRole::Publication),
                    dateline(t, "Montauban, vendredi 6 février", "2015-02-06"),
                    dateline(t, "Quimperlé, lundi 9 février", "2015-02-09"),
                ],
                ..Candidates::default()
            };
            signing_days(t, &c)
        };
        let t = "Publié le 12 février 2015\nDeux contrats signés\nMontauban, vendredi 6 février\n\
                 Le préfet a signé avec le maire.\nQuimperlé, lundi 9 février\nLa maire a signé.\n";
        assert_eq!(
            days(t, "Publié le 12 février 2015"),
            [Some("2015-02-06".to_owned()), Some("2015-02-09".to_owned())]
        );
        // The page's own dateline, at its top, is its date, not its town's signing day.
        let t = "Montauban, le 7 février 2015\nMontauban et Quimperlé ont signé leurs contrats.\n";
        let c = Candidates {
            territories: vec![series(t, "Montauban"), series(t, "Quimperlé")],
            dates: vec![dateline(t, "Montauban, le 7 février 2015", "2015-02-07")],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].signed_on, None);
    }

    #[test]
    fn each_territory_of_a_timeline_gets_its_own_day() {
        let both = [Some("2015-02-06".to_owned()), Some("2015-02-09".to_owned())];
        let t = "Les contrats de ville : Montauban le 6 février, Quimperlé le 9 février.\n";
        assert_eq!(timeline_days(t), both);
        let t = "Le 6 février, Montauban signe. Le 9 février, ce fut le tour de Quimperlé.\n";
        assert_eq!(
            timeline_days(t),
            both,
            "a day after a sentence's end, before 'ce fut le tour de', is the next territory's"
        );
        let t = "Le 6 février, Montauban signe. Le 9 février, la ministre est venue signer \
                 en personne, devant tous les élus, à Quimperlé.\n";
        assert_eq!(timeline_days(t), both, "the one day of a sentence naming one territory");
        let t = "Les signatures : le 6 février pour Montauban, le 9 février pour la ville de \
                 Quimperlé.\n";
        assert_eq!(timeline_days(t), both, "a day 'pour X' is the next territory's");
        let t = "Montauban a signé le 6 février à la préfecture, Quimperlé le 9 février.\n";
        assert_eq!(timeline_days(t), both, "a place that is no territory does not carry the day");
        let t = "Le 6 février, Montauban signe. Le 9 février, la ministre qui venait de \
                 Montauban est venue signer, devant tous les élus, à Quimperlé.\n";
        assert_eq!(
            timeline_days(t),
            [Some("2015-02-06".to_owned()), None],
            "a sentence naming two territories gives its day to neither by the sentence"
        );
    }

    #[test]
    fn the_names_of_a_list_share_the_day_written_after_the_last() {
        let days = |t: &str| series_days(t, &["Hirson", "Montauban", "Quimperlé"]);
        let t = "Les contrats de ville :\nHirson et Montauban, le 6 février\nQuimperlé, le 9 \
                 février\n";
        assert_eq!(days(t)[0].as_deref(), Some("2015-02-06"));
        let t = "Les contrats de ville : Hirson, Montauban le 6 février, Quimperlé le 9 février.\n";
        assert_eq!(days(t)[0].as_deref(), Some("2015-02-06"));
        // Not a list: a sentence ends between the names.
        let t = "Les contrats de ville : Hirson signe. Montauban le 6 février, Quimperlé le 9 \
                 février.\n";
        assert_eq!(days(t)[0], None);
    }

    #[test]
    fn an_abbreviated_weekday_ends_no_sentence() {
        let both = [Some("2015-02-06".to_owned()), Some("2015-02-09".to_owned())];
        let t =
            "Agglomération | Signé le\nMontauban | ven. 6 février\nQuimperlé | lun. 9 février\n";
        assert_eq!(timeline_days(t), both);
        let t = "Montauban\tven. 6 février\nQuimperlé\tlun. 9 février\n";
        assert_eq!(timeline_days(t), both);
    }

    #[test]
    fn a_contract_whose_signing_is_to_come_takes_no_other_day() {
        let days = |t: &str, role: DateRole| {
            let c = Candidates {
                territories: vec![in_series(t, "Montauban"), in_series(t, "Quimperlé")],
                dates: vec![
                    date(t, "6 février", "2015-02-06", DateRole::Signature),
                    date(t, "9 février", "2015-02-09", role),
                ],
                ..Candidates::default()
            };
            signing_days(t, &c)
        };
        let t = "Deux contrats ont été signés le 6 février à la préfecture, dont celui de \
                 Montauban. Le contrat de Quimperlé, qui couvre trois quartiers, sera signé \
                 sur place le 9 février.";
        assert_eq!(days(t, DateRole::Deadline), [Some("2015-02-06".to_owned()), None]);
        // A day told as done is the contract's.
        let t = "Deux contrats ont été signés le 6 février à la préfecture, dont celui de \
                 Montauban. Le contrat de Quimperlé, qui couvre trois quartiers, a été signé \
                 sur place le 9 février.";
        assert_eq!(
            days(t, DateRole::Signature),
            [Some("2015-02-06".to_owned()), Some("2015-02-09".to_owned())]
        );
    }

    #[test]
    fn a_contract_whose_own_part_awaits_its_signing_takes_no_shared_day() {
        let days = |t: &str| {
            let c = Candidates {
                territories: vec![territory(t, "Vierzon"), territory(t, "Issoudun")],
                dates: vec![date(t, "mercredi 8 juillet", "2015-07-08", DateRole::Signature)],
                ..Candidates::default()
            };
            signing_days(t, &c)
        };
        let t = "Deux contrats de ville ont été présentés mercredi 8 juillet.\n\nVierzon\n\nLe \
                 contrat de Vierzon a été signé en mairie.\n\nIssoudun\n\nLe contrat \
                 d'Issoudun, adopté en conseil, sera signé en septembre.\n";
        assert_eq!(days(t), [Some("2015-07-08".to_owned()), None]);
        let t = "Deux contrats de ville ont été présentés mercredi 8 juillet.\n\nVierzon\n\nLe \
                 contrat de Vierzon a été signé en mairie.\n\nIssoudun\n\nLe contrat \
                 d'Issoudun a été signé dans la foulée.\n";
        assert_eq!(days(t), [Some("2015-07-08".to_owned()), Some("2015-07-08".to_owned())]);
    }

    #[test]
    fn a_contract_named_in_passing_gets_its_day_and_nothing_else() {
        let t = "Contrat de ville : Lorient Agglomération signe\nAprès Vierzon le 6 février, \
                 c'était au tour de l'agglo de signer ce 9 février. Ont signé : Jean Noir.\n";
        let mut passing = territory(t, "Vierzon");
        passing.evidence.rule = "territories.in_turn_before".into();
        let c = Candidates {
            territories: vec![territory(t, "Lorient Agglomération"), passing],
            dates: vec![
                date(t, "6 février", "2015-02-06", DateRole::Signature),
                date(t, "9 février", "2015-02-09", DateRole::Signature),
            ],
            people: vec![person(t, "Jean Noir")],
            ..Candidates::default()
        };
        let merged = merge(t, &c);
        let days: Vec<Option<&str>> = merged
            .contracts
            .iter()
            .map(|c| c.signed_on.as_ref().map(|s| s.value.as_str()))
            .collect();
        assert_eq!(days, [Some("2015-02-09"), Some("2015-02-06")]);
        let people: Vec<usize> = merged.contracts.iter().map(|c| c.signatories.len()).collect();
        assert_eq!(people, [1, 0]);
        // Named as any carrier, the town claims its paragraph.
        let c = Candidates {
            territories: vec![territory(t, "Lorient Agglomération"), territory(t, "Vierzon")],
            people: vec![person(t, "Jean Noir")],
            ..Candidates::default()
        };
        let people: Vec<usize> =
            merge(t, &c).contracts.iter().map(|c| c.signatories.len()).collect();
        assert_eq!(people, [0, 1]);
    }

    #[test]
    fn an_acronym_of_a_carriers_initials_is_that_carrier() {
        assert!(initials_of("MPM", "Marseille Provence Métropole"));
        assert!(initials_of("TPM", "Toulon Provence Méditerranée"));
        assert!(initials_of("MPM", "Marseille Provence métropole"));
        assert!(!initials_of("MEL", "Marseille Provence Métropole"));
        assert!(!initials_of("Mpm", "Marseille Provence Métropole"));
        let t = "Le contrat de ville de Marseille Provence Métropole, dit contrat de ville de MPM.";
        let c = Candidates {
            territories: vec![territory(t, "Marseille Provence Métropole"), territory(t, "MPM")],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts.len(), 1);
    }

    #[test]
    fn an_earlier_contract_named_by_its_signature_day() {
        let t = "Le contrat 2024-2030 remplace le contrat signé le 3 juillet 2015, prorogé \
                 jusqu'au 31 décembre 2023. Fait à Laval, le 5 juillet 2024.\n";
        let mut new = date(t, "2024-2030", "2024", DateRole::Period);
        new.end = Some("2030".into());
        let mut end = date(t, "jusqu'au 31 décembre 2023", "2015", DateRole::Other);
        end.end = Some("2023".into());
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![
                new,
                date(t, "3 juillet 2015", "2015-07-03", DateRole::Signature),
                end,
                date(t, "5 juillet 2024", "2024-07-05", DateRole::Signature),
            ],
            ..Candidates::default()
        };
        assert_eq!(
            periods_and_days(t, &c),
            [
                (Some([2024, 2030]), Some("2024-07-05".into())),
                (Some([2015, 2023]), Some("2015-07-03".into()))
            ]
        );
    }

    #[test]
    fn an_earlier_contract_named_by_its_signature_month() {
        let t = "Le nouveau contrat de Laval court jusqu'en 2030. Le premier, signé en juin 2015, avait \
                 été prolongé jusqu'à la fin de l'année 2023. Les partenaires l'ont signé hier.\n";
        let mut new = date(t, "jusqu'en 2030", "2024", DateRole::Period);
        new.end = Some("2030".into());
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![
                new,
                date(t, "juin 2015", "2015-06", DateRole::Signature),
                date(t, "jusqu'à la fin de l'année 2023", "2023", DateRole::Other),
                date(t, "hier", "2024-04-16", DateRole::Signature),
            ],
            ..Candidates::default()
        };
        assert_eq!(
            periods_and_days(t, &c),
            [
                (Some([2024, 2030]), Some("2024-04-16".into())),
                (Some([2015, 2023]), Some("2015-06".into()))
            ]
        );
        // A year alone names no earlier contract.
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![date(t, "2015", "2015", DateRole::Signature)],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts.len(), 1);
    }

    #[test]
    fn an_earlier_period_prolonged_to_a_told_end() {
        let periods = |t: &str| {
            let period = |needle: &str, start: &str, end: &str| {
                let mut d = date(t, needle, start, DateRole::Period);
                d.end = Some(end.into());
                d
            };
            let c = Candidates {
                territories: vec![territory(t, "Laval")],
                dates: vec![
                    period("2024-2030", "2024", "2030"),
                    period("2015-2020", "2015", "2020"),
                    date(t, "jusqu'au 31 décembre 2023", "2023", DateRole::Other),
                ],
                ..Candidates::default()
            };
            periods_and_days(t, &c)
        };
        assert_eq!(
            periods(
                "Le contrat de Laval 2024-2030 prend la suite du contrat 2015-2020, prorogé par \
                 avenant jusqu'au 31 décembre 2023.\n"
            ),
            [(Some([2024, 2030]), None), (Some([2015, 2023]), None)]
        );
        // Without a prolongation, the later end is not the earlier contract's.
        assert_eq!(
            periods(
                "Le contrat de Laval 2024-2030 prend la suite du contrat 2015-2020 ; le dispositif \
                 court jusqu'au 31 décembre 2023.\n"
            ),
            [(Some([2024, 2030]), None), (Some([2015, 2020]), None)]
        );
    }

    #[test]
    fn an_earlier_period_prolonged_to_an_end_told_as_done() {
        let periods = |t: &str, end: &str| {
            let mut earlier = date(t, "2015-2020", "2015", DateRole::Period);
            earlier.end = Some("2020".into());
            let c = Candidates {
                territories: vec![territory(t, "Laval")],
                dates: vec![
                    date(t, "2024-2030", "2024", DateRole::Period),
                    earlier,
                    date(t, end, "2023-12-31", DateRole::Other),
                ],
                ..Candidates::default()
            };
            periods_and_days(t, &c)
        };
        // The earlier contract's last year, for each way of telling its end.
        let cases = [
            (
                "Le contrat 2015-2020 de Laval, prolongé deux fois, a pris fin le 31 décembre 2023.",
                2023,
            ),
            ("Le contrat 2015-2020 de Laval, prorogé, s'est achevé le 31 décembre 2023.", 2023),
            // A day told for something else, or an end told without a prolongation.
            (
                "Le contrat 2015-2020 de Laval, prolongé deux fois, a été évalué le 31 décembre 2023.",
                2020,
            ),
            ("Le contrat 2015-2020 de Laval a pris fin le 31 décembre 2023.", 2020),
        ];
        for (told, last) in cases {
            let t = format!("{told} Le suivant, 2024-2030, prend le relais.\n");
            let got = periods(&t, "31 décembre 2023");
            assert_eq!(got, [(Some([2024, 2030]), None), (Some([2015, last]), None)], "{told}");
        }
    }

    #[test]
    fn an_earlier_contract_named_by_its_signing_day_ends_where_it_was_prolonged_to() {
        let t = "Le contrat 2024-2030 de Laval prend le relais du contrat signé le 3 juillet 2015, \
                 prorogé jusqu'au 31 décembre 2023.\n";
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![
                date(t, "2024-2030", "2024", DateRole::Period),
                date(t, "3 juillet 2015", "2015-07-03", DateRole::Signature),
                date(t, "jusqu'au 31 décembre 2023", "2023", DateRole::Other),
            ],
            ..Candidates::default()
        };
        assert_eq!(
            periods_and_days(t, &c),
            [(Some([2024, 2030]), None), (Some([2015, 2023]), Some("2015-07-03".into()))]
        );
    }

    #[test]
    fn a_news_page_s_day_of_a_told_signing() {
        let candidates = |t: &str| Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![
                date(t, "Publié le 12 mars 2024", "2024-03-12", DateRole::Publication),
                date(t, "Mardi 11 mars", "2024-03-11", DateRole::Other),
            ],
            ..Candidates::default()
        };
        let t = "Publié le 12 mars 2024\nMardi 11 mars, à Laval, le préfet et le président ont \
                 signé le contrat.\n";
        let c = candidates(t);
        let day =
            |c: &Candidates| merge(t, c).contracts[0].signed_on.as_ref().map(|s| s.value.clone());
        assert_eq!(day(&c).as_deref(), Some("2024-03-11"));
        // A month before the page, or a page that tells no signing: no signature day.
        let mut far = c.clone();
        far.dates[1].value = "2024-02-11".into();
        assert_eq!(day(&far), None);
        let t = "Publié le 12 mars 2024\nMardi 11 mars, à Laval, le préfet et le président ont \
                 présenté le contrat.\n";
        assert_eq!(merge(t, &candidates(t)).contracts[0].signed_on, None);
        // A signing told only as to come.
        let t = "Publié le 12 mars 2024\nMardi 11 mars, à Laval, le conseil a débattu. La \
                 signature n'a pas encore eu lieu : le contrat sera signé en avril.\n";
        assert_eq!(merge(t, &candidates(t)).contracts[0].signed_on, None);
        // A signing told by its noun in the plural, a gerund, a mark put on the text.
        for told in [
            "Mardi 11 mars, à Laval : quatre signatures pour le contrat.\n",
            "Mardi 11 mars, à Laval, le préfet a ouvert la séance en signant le contrat.\n",
            "Mardi 11 mars, à Laval, le maire a mis son paraphe au bas du contrat.\n",
        ] {
            let t = format!("Publié le 12 mars 2024\n{told}");
            let signed = merge(&t, &candidates(&t)).contracts[0].signed_on.clone();
            assert_eq!(signed.map(|s| s.value).as_deref(), Some("2024-03-11"), "{told}");
        }
    }

    /// Each merged contract's period and signature day, in the merger's order.
    fn periods_and_days(t: &str, c: &Candidates) -> Vec<(Option<[i32; 2]>, Option<String>)> {
        merge(t, c)
            .contracts
            .iter()
            .map(|k| {
                (k.period.as_ref().map(|p| p.value), k.signed_on.as_ref().map(|s| s.value.clone()))
            })
            .collect()
    }

    #[test]
    fn a_told_prolongation_gives_the_longer_period() {
        let t = "Le contrat de ville de Laval 2015-2020 est prorogé. Il couvre ainsi la période \
                 de 2015 à 2022.\n";
        let period = |t: &str, needle: &str, end: &str| {
            let mut d = date(t, needle, "2015", DateRole::Period);
            d.end = Some(end.into());
            d
        };
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![period(t, "2015-2020", "2020"), period(t, "de 2015 à 2022", "2022")],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].period.as_ref().map(|p| p.value), Some([2015, 2022]));
        let t = "Le contrat de ville de Laval 2015-2020 est signé. Il couvre la période de 2015 à \
                 2022.\n";
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![period(t, "2015-2020", "2020"), period(t, "de 2015 à 2022", "2022")],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].period.as_ref().map(|p| p.value), Some([2015, 2020]));
    }

    #[test]
    fn a_period_written_with_both_years_beats_a_computed_one() {
        let t = "Le contrat de ville de Laval, signé le 2 juillet 2015, vaut pour une durée de six \
                 ans, de 2015 à 2020.\n";
        let mut computed = date(t, "pour une durée de six ans", "2015", DateRole::Period);
        computed.end = Some("2021".into());
        computed.inferred = Some("signature date+duration".into());
        let mut written = date(t, "de 2015 à 2020", "2015", DateRole::Period);
        written.end = Some("2020".into());
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![computed.clone(), written],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].period.as_ref().map(|p| p.value), Some([2015, 2020]));
        // Alone, the computed period stands.
        let c = Candidates {
            territories: vec![territory(t, "Laval")],
            dates: vec![computed],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts[0].period.as_ref().map(|p| p.value), Some([2015, 2021]));
    }

    #[test]
    fn a_page_on_both_generations_reports_both_contracts() {
        let t = "Le contrat de ville de Lens 2015-2023 a pris fin. Le nouveau contrat 2024-2030 \
                 a été signé le 3 mai 2024.\n";
        let mut old = date(t, "2015-2023", "2015", DateRole::Period);
        old.end = Some("2023".into());
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            dates: vec![
                old,
                date(t, "2024-2030", "2024", DateRole::Period),
                date(t, "3 mai 2024", "2024-05-03", DateRole::Signature),
            ],
            ..Candidates::default()
        };
        assert_eq!(
            periods_and_days(t, &c),
            [(Some([2024, 2030]), Some("2024-05-03".into())), (Some([2015, 2023]), None)]
        );
        let t = "Le contrat de ville de Lens 2024-2030 a été signé le 3 mai 2024.\n";
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            dates: vec![date(t, "2024-2030", "2024", DateRole::Period)],
            ..Candidates::default()
        };
        assert_eq!(merge(t, &c).contracts.len(), 1, "one generation, one contract");
    }

    #[test]
    fn an_earlier_contract_told_by_its_signing_year_and_its_end() {
        let generations = |t: &str, end_role: DateRole| {
            let end = date(t, "31 décembre 2023", "2023-12-31", end_role);
            let signed = date(t, "en 2015", "2015", DateRole::Signature);
            let c = Candidates {
                territories: vec![territory(t, "Lens")],
                dates: vec![date(t, "2024-2030", "2024", DateRole::Period), signed, end],
                ..Candidates::default()
            };
            periods_and_days(t, &c)
        };
        let t = "Le contrat 2024-2030 de Lens succède à celui qu'on avait signé en 2015, arrivé \
                 à son terme le 31 décembre 2023.\n";
        assert_eq!(
            generations(t, DateRole::Deadline),
            [(Some([2024, 2030]), None), (Some([2015, 2023]), Some("2015".into()))]
        );
        // An end told without an ending verb is not the earlier contract's ("une réunion le 31
        // décembre 2023").
        let t = "Le contrat 2024-2030 de Lens succède à celui signé en 2015 ; une réunion le 31 \
                 décembre 2023.\n";
        assert_eq!(
            generations(t, DateRole::Other),
            [(Some([2024, 2030]), None), (None, Some("2015".into()))]
        );
    }

    #[test]
    fn an_earlier_contract_signed_by_a_former_intercommunality_takes_its_name() {
        let names = |t: &str, other: &str| {
            let mut mention = territory(t, other);
            mention.carries_contract = false;
            let c = Candidates {
                territories: vec![territory(t, "Pays de Laval"), mention],
                dates: vec![
                    date(t, "2024-2030", "2024", DateRole::Period),
                    date(t, "9 juillet 2015", "2015-07-09", DateRole::Signature),
                ],
                ..Candidates::default()
            };
            merge(t, &c).contracts.into_iter().map(|c| c.territory).collect::<Vec<_>>()
        };
        let t = "Le contrat 2024-2030 du Pays de Laval est signé. Le précédent avait été signé \
                 le 9 juillet 2015 par l'ancienne communauté de communes des Coëvrons.\n";
        assert_eq!(names(t, "Coëvrons"), ["Pays de Laval", "Coëvrons"]);
        // Named in the sentence, but not as the signer: the new carrier's name.
        let t = "Le contrat 2024-2030 du Pays de Laval est signé. Le précédent avait été signé \
                 le 9 juillet 2015, avant la fusion avec les Coëvrons.\n";
        assert_eq!(names(t, "Coëvrons"), ["Pays de Laval", "Pays de Laval"]);
    }

    #[test]
    fn an_earlier_contract_keeps_the_name_the_page_gives_it() {
        let names = |t: &str, old_text: &str, other: &str| {
            let mut old = date(t, old_text, "2015", DateRole::Period);
            old.end = Some("2020".into());
            let mut mention = territory(t, other);
            mention.carries_contract = false;
            let c = Candidates {
                territories: vec![territory(t, "Vire Métropole"), mention],
                dates: vec![date(t, "2024-2030", "2024", DateRole::Period), old],
                ..Candidates::default()
            };
            merge(t, &c).contracts.into_iter().map(|c| c.territory).collect::<Vec<_>>()
        };
        // The owner written with the earlier period, before it or after it.
        let t = "Le contrat de ville de Vire Métropole 2024-2030 prend la suite du contrat de \
                 ville de l'agglomération viroise 2015-2020.\n";
        assert_eq!(
            names(t, "2015-2020", "agglomération viroise"),
            ["Vire Métropole", "agglomération viroise"]
        );
        let t = "Vire Métropole signe son contrat 2024-2030, qui remplace le contrat de ville \
                 2015-2020 de Bocage Normand.\n";
        assert_eq!(names(t, "2015-2020", "Bocage Normand"), ["Vire Métropole", "Bocage Normand"]);
        // A name in the same sentence but not the earlier contract's owner, or a shorter form
        // of the new carrier's: the new carrier's name.
        let t = "Vire Métropole signe son contrat 2024-2030 avec Bocage Normand ; l'ancien \
                 contrat 2015-2020 a pris fin.\n";
        assert_eq!(names(t, "2015-2020", "Bocage Normand"), ["Vire Métropole", "Vire Métropole"]);
        let t = "Le contrat de ville de Vire Métropole 2024-2030 succède au contrat de ville de \
                 Vire Métropole 2015-2020.\n";
        assert_eq!(names(t, "2015-2020", "Vire Métropole"), ["Vire Métropole", "Vire Métropole"]);
        let t = "Le contrat de ville de Vire Métropole 2024-2030 succède au contrat de ville de \
                 la Métropole 2015-2020.\n";
        assert_eq!(names(t, "2015-2020", "Métropole"), ["Vire Métropole", "Vire Métropole"]);
        // A town the intercommunality's name holds: the town carried the earlier contract.
        let t = "Le contrat de ville de Vire Métropole 2024-2030 succède au contrat de ville de \
                 Toulon 2015-2020.\n";
        assert_eq!(names(t, "2015-2020", "Toulon"), ["Vire Métropole", "Toulon"]);
    }

    #[test]
    fn no_carrying_territory_means_no_contract() {
        let t = "La Région adopte son cadre 2024-2030.\n";
        let c = Candidates {
            dates: vec![date(t, "2024-2030", "2024", DateRole::Period)],
            ..Candidates::default()
        };
        assert!(merge(t, &c).contracts.is_empty());
    }

    #[test]
    fn a_line_or_sentence_naming_one_contract_gives_it_its_facts() {
        // A calendar of signings: one row per contract, with its day and its quartiers.
        let t = "Calendrier\n\
                 Date | Territoire | Quartiers\n\
                 4 mai 2015 | Vire Agglo | Les Tilleuls (Vire)\n\
                 9 juin 2015 | Lisieux Normandie | Hauteville (Lisieux)\n";
        let c = Candidates {
            territories: vec![territory(t, "Vire Agglo"), territory(t, "Lisieux Normandie")],
            dates: vec![
                date(t, "4 mai 2015", "2015-05-04", DateRole::Signature),
                date(t, "9 juin 2015", "2015-06-09", DateRole::Signature),
            ],
            quartiers: vec![
                quartier(t, "Les Tilleuls", "Vire"),
                quartier(t, "Hauteville", "Lisieux"),
            ],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let got: Vec<(Option<String>, Vec<String>)> = m
            .contracts
            .iter()
            .map(|k| {
                (
                    k.signed_on.as_ref().map(|s| s.value.clone()),
                    k.quartiers.iter().map(|q| q.name.clone()).collect(),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some("2015-05-04".into()), vec!["Les Tilleuls".to_owned()]),
                (Some("2015-06-09".into()), vec!["Hauteville".to_owned()]),
            ]
        );
        // A timeline told in sentences of one paragraph.
        let t = "Lundi 4 mai : signature avec Vire Agglo. Mardi 9 juin : signature avec Lisieux \
                 Normandie.\n";
        let c = Candidates {
            territories: vec![territory(t, "Vire Agglo"), territory(t, "Lisieux Normandie")],
            dates: vec![
                date(t, "Lundi 4 mai", "2015-05-04", DateRole::Signature),
                date(t, "Mardi 9 juin", "2015-06-09", DateRole::Signature),
            ],
            ..Candidates::default()
        };
        let days: Vec<Option<String>> = merge(t, &c)
            .contracts
            .iter()
            .map(|k| k.signed_on.as_ref().map(|s| s.value.clone()))
            .collect();
        assert_eq!(days, [Some("2015-05-04".into()), Some("2015-06-09".into())]);
        // A sentence naming both, or neither, gives its facts to each.
        let t = "Vire Agglo et Lisieux Normandie ont signé le 4 mai 2015.\n";
        let c = Candidates {
            territories: vec![territory(t, "Vire Agglo"), territory(t, "Lisieux Normandie")],
            dates: vec![date(t, "4 mai 2015", "2015-05-04", DateRole::Signature)],
            ..Candidates::default()
        };
        assert!(merge(t, &c).contracts.iter().all(|k| k.signed_on.is_some()));
    }

    #[test]
    fn the_earlier_generation_holds_no_quartier_created_in_2024() {
        let t = "Le contrat de ville de Lens 2015-2023 a pris fin. Le nouveau contrat 2024-2030 \
                 couvre Nord et Sud.\n";
        let mut old = date(t, "2015-2023", "2015", DateRole::Period);
        old.end = Some("2023".into());
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            dates: vec![old, date(t, "2024-2030", "2024", DateRole::Period)],
            quartiers: vec![coded(t, "Nord", "QN06201M"), coded(t, "Sud", "QN06202N")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        let names = |k: &Contract| k.quartiers.iter().map(|q| q.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&m.contracts[0]), ["Nord", "Sud"]);
        assert_eq!(
            names(&m.contracts[1]),
            ["Nord"],
            "a quartier new in 2024 is the new contract's"
        );
    }

    #[test]
    fn an_earlier_contract_named_in_passing_holds_no_quartier() {
        let t = "Le contrat de ville de Lens 2024-2030 remplace celui signé le 2 juillet 2015. \
                 Il couvre Nord et Sud.\n";
        let c = Candidates {
            territories: vec![territory(t, "Lens")],
            dates: vec![
                date(t, "2024-2030", "2024", DateRole::Period),
                date(t, "2 juillet 2015", "2015-07-02", DateRole::Signature),
            ],
            quartiers: vec![coded(t, "Nord", "QN06201M"), coded(t, "Sud", "QN06202M")],
            ..Candidates::default()
        };
        let m = merge(t, &c);
        assert_eq!(m.contracts.len(), 2, "{:?}", m.contracts);
        assert_eq!(m.contracts[0].quartiers.len(), 2);
        assert!(m.contracts[1].quartiers.is_empty(), "{:?}", m.contracts[1].quartiers);
        assert_eq!(m.contracts[1].signed_on.as_ref().map(|s| s.value.as_str()), Some("2015-07-02"));
    }
}
