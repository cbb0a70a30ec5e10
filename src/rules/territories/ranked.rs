//! The carrier of a contract chosen from the whole document, when no phrase names it.
//!
//! Many real pages report a contract without ever writing "le contrat de ville de X": a town's
//! page titled "Contrat de ville 2015-2020" that says "Vierzon" five times, an agglomeration's
//! page that names itself in its menus, a departmental page that lists "5 contrats de ville"
//! with their towns. Two resolvers speak for them, only when no rule of the family found a
//! carrier in the text's own words:
//!
//! - [`series`]: a sentence that counts contracts ("la signature de 5 contrats de ville … avec
//!   la Grande Agglomération Charleville-Sedan, Rethel, Revin…", "trois contrats de ville …
//!   réunissant la communauté d'agglomération X, Y et la communauté de communes Z") and names
//!   exactly that many territories gives one carrier per territory (`territories.series`); so
//!   does a timeline, a page about contracts in the plural that gives two territories or more
//!   each with its own day ("Montauban le 6 février, puis Quimperlé le 9 février").
//! - [`ranked`]: a document that reports one contract (the singular "contrat de ville",
//!   "Engagements Quartiers 2030", "contrat unique" at least twice, or once in its title) gets the
//!   best-ranked territory it names (`territories.ranked`). Evidence, summed per territory: each
//!   mention; a mention in the title; a mention in a sentence about the contract; a mention as
//!   what a président or maire heads ("le maire de Montauban"); being an
//!   intercommunality (the law gives them the contracts); having carried a contract in 2015
//!   (`rules/gazetteer/contrats_2015.tsv`). A commune named once, outside the title, never
//!   carries (an intercommunality may: the law makes it the carrier).
//!
//! Territories are the intercommunalities the family's grammar finds, the names of the 2015
//! carriers (which cover intercommunalities merged since: "Pays Grand Combien"), and the
//! communes of the gazetteer a capitalised name designates (more than 2,000 inhabitants, or a
//! 2015 carrier). Not territories: a département or région, a person's name, a name inside a
//! longer intercommunality name. A page about the policy in general ("tous les six ans, un
//! contrat de ville…", "les contrats de ville signés depuis 2015") reports no contract.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::{AnyOf, Regex};

use super::grammar::{
    CAP, OPENERS, never_carrier, sentences, without_abbreviation, without_kind_prefix, word_kind,
};
use super::territory;
use crate::analysis::words::{NUMBER_WORDS, number_word};
use crate::data;
use crate::gazetteer;
use crate::names::{fold, fold_keep_article};
use crate::record::{DateMention, DateRole, Precision, Territory};
use crate::rules::{Candidates, Doc};

/// Rule id of a carrier chosen from ranked evidence.
pub(super) const ID: &str = "territories.ranked";
/// Rule id of a carrier of a counted series of contracts.
pub const SERIES_ID: &str = "territories.series";

/// The singular contract a document reports.
static ONE_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?P<generic>une?|d'une?|chaque)\s+)?(?:contrat\s+(?:de\s+)?ville|contrat\s+unique|engagements\s+quartiers\s+2030|quartiers\s+2030|protocole\s+d'engagements\s+renforc[ée]s)\b",
    )
    .expect("valid regex")
});

/// "5 contrats de ville", "trois contrats de ville".
/// The number words are those of the shared table from two to ten.
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    let words: Vec<&str> = NUMBER_WORDS
        .iter()
        .filter(|(_, n)| COUNTED_WORDS.contains(n))
        .map(|(w, _)| w.as_str())
        .collect();
    Regex::new(&format!(
        r"(?i)\b(?P<n>\d{{1,2}}|{})\s+(?:nouveaux\s+|premiers\s+)?contrats\s+de\s+villes?\b",
        words.join("|")
    ))
    .expect("valid regex")
});

/// The values of the number words that count contracts in [`COUNTED`].
const COUNTED_WORDS: std::ops::RangeInclusive<u32> = 2..=10;

/// A signing verb right before "un contrat de ville": "venue signer", "a signé".
static SIGN_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:signer|signé|signe|signait|signaient|signent)[ \t]+$")
        .expect("valid regex")
});

/// A signature, an adoption or a prolongation reported as done: "a signé", "ont été signés",
/// "est signé", "a adopté", "a été approuvé", "a été prolongé", "ont scellé", up to two adverbs
/// after the auxiliary ("ont ensuite signé", "a tour à tour paraphé"); a mark put on the text
/// ("ont mis leur paraphe", "a apposé sa signature"); "signent", "paraphent", "la signature du",
/// or the contract's signatories ("ses signataires"). With "le contrat de ville" in the same
/// sentence, a report of one contract.
static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b{AUXILIARY}(?:{DONE}|adoptée?s?|approuvée?s?|prolongée?s?|prorogée?s?)\b|\b(?:signent|paraphent)\b|\bsignature\s+(?:officielle\s+)?du\b|\b(?:ses|les|leurs)\s+signataires\b",
    ))
    .expect("valid regex")
});

/// A signature told as done, the narrower part of [`SIGNED`] that speaks for a contract named
/// in another sentence: "ont paraphé le document", "a ensuite signé", "ont mis leur paraphe"
/// (not an adoption or an approval of another text, not "ses signataires").
static SIGNED_DONE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{AUXILIARY}(?:{DONE})\b|\b(?:signent|paraphent)\b"))
        .expect("valid regex")
});

/// The auxiliary of a past participle and up to two adverbs after it, for [`SIGNED`] and
/// [`SIGNED_DONE`]: "ont", "a été", "ont ensuite", "a tour à tour".
const AUXILIARY: &str = r"(?:(?:a|ont|avait|avaient)(?:\s+été)?|est|sont)\s+(?:(?:officiellement|solennellement|ensuite|également|aussi|enfin|déjà|conjointement|tour\s+à\s+tour)\s+){0,2}";

/// A signature put on a text, after [`AUXILIARY`]: "signé", "paraphée", "scellés", "mis leur
/// paraphe", "apposé sa signature".
const DONE: &str = r"signée?s?|paraphée?s?|scellée?s?|(?:mis|apposée?s?)\s+(?:leur|leurs|sa|son)\s+(?:paraphes?|signatures?|griffes?)";

/// A mention that defines the contract, not one that reports it: "Le contrat de ville est
/// l'outil de…", "le contrat de ville constitue le cadre…" (read from the mention on).
static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:contrat\s+(?:de\s+)?ville|contrat\s+unique)\s+(?:est|constitue|représente|demeure|reste)\s+(?:l'|le\s+|la\s+|un\s+|une\s+)(?:principal\s+|véritable\s+|nouvel?\s+|nouveau\s+)?(?:outil|cadre|instrument|document|dispositif|support|socle|pilier|levier)\b",
    )
    .expect("valid regex")
});

/// Before a mention that names the contracts' generation or asks what the contract is: "une
/// génération de contrats baptisée Engagements Quartiers 2030", "Qu'est-ce que le contrat de
/// ville ?".
static NAMED_OR_ASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\b(?:baptisée?s?|appelée?s?|nommée?s?|dénommée?s?|intitulée?s?|dite?s?)\s+(?:«\s*|\x22\s*)?|\bqu'est-ce\s+(?:que\s+(?:le\s+|la\s+|les\s+|l')|qu'une?\s+))$",
    )
    .expect("valid regex")
});

/// Whose head a person is: "président de", "maire de", "présidente du".
static HEAD_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:vice-)?(?:président|présidente|maire)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|de[ \t]+|d')$",
    )
    .expect("valid regex")
});

/// A mention listed among the partners of its sentence: "partenaires" before it, with no
/// stop between ("les partenaires associés à la démarche, dont la communauté d'agglomération
/// de X").
static PARTNER_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bpartenaires?\b[^.;:]*$").expect("valid regex"));

/// Contracts still to come: a count of them is a forecast, not a report of contracts.
static NOT_YET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:en\s+(?:cours\s+de\s+)?(?:préparation|élaboration|finalisation|discussion)|signera|signeront|seront\s+signés|s'apprête|à\s+venir|futurs)\b",
    )
    .expect("valid regex")
});

/// An intercommunality named by its kind and the demonym of its town ("la métropole
/// bordelaise", "l'agglomération nantaise", "la Métropole rennaise"), or all in capitals in an
/// upper-case title ("DE L'AGGLOMÉRATION NANTAISE").
static DEMONYM: LazyLock<Regex> = LazyLock::new(|| {
    let alternation = |words: &[&str], form: fn(&str) -> String| {
        words.iter().map(|w| form(w)).collect::<Vec<_>>().join("|").replace(' ', r"\s+")
    };
    let lower = |words: &[&str]| alternation(words, str::to_owned);
    // All in capitals, where a capital's accent may have been dropped.
    let upper = |words: &[&str]| alternation(words, |w| w.to_uppercase().replace('É', "[ÉE]"));
    let (kinds, endings) = (&DEMONYM_KINDS[..], &DEMONYM_ENDINGS[..]);
    // The demonyms of `rules/territories/demonyms.tsv`, read whatever their ending
    // ("tourangelle", "mancelle").
    let listed = data::rows("territories/demonyms.tsv");
    let listed: Vec<&str> = listed.iter().filter_map(|r| r.first()).map(String::as_str).collect();
    Regex::new(&format!(
        r"\b(?:la|l')\s*(?P<name>(?i:{})\s+(?:\p{{Ll}}+(?:{})|{}))\b|\b(?:LA|L')\s*(?P<upper>(?:{})\s+(?:\p{{Lu}}+(?:{})|{}))\b",
        lower(kinds),
        lower(endings),
        lower(&listed),
        upper(kinds),
        upper(endings),
        upper(&listed),
    ))
    .expect("valid regex")
});

/// The kinds of intercommunality [`DEMONYM`] reads before a demonym, in lower case.
const DEMONYM_KINDS: [&str; 7] = [
    "métropole",
    "agglomération",
    "agglo",
    "eurométropole",
    "communauté urbaine",
    "communauté d'agglomération",
    "communauté de communes",
];

/// The endings of the demonyms [`DEMONYM`] reads, in lower case.
const DEMONYM_ENDINGS: [&str; 12] = [
    "aise", "ais", "oise", "ienne", "éenne", "ine", "aine", "ane", "arde", "ote", "ésienne",
    "ousaine",
];

/// An intercommunality named by its capitalised kind alone ("l'Eurométropole", "la
/// Métropole", "l'Agglo"); what follows tells a bare kind from the start of a longer name.
static BARE_KIND: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:la|La|l'|L')[ \t]*(?P<name>Eurométropole|Métropole|Agglomération|Agglo|Communauté[ \t]+urbaine)\b(?P<next>[ \t]*[\p{L}']*)",
    )
    .expect("valid regex")
});

/// A capitalised kind word and its linking word, right before a name ("l'Agglomération de la
/// Région de Compiègne").
static KIND_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Agglomération|Métropole|Communauté)[ \t]+(?:de[ \t]+la|de|du|des)[ \t]+$")
        .expect("valid regex")
});

/// [`KIND_BEFORE`] in any case: before a core whose capitals a page in upper case lost ("DE
/// L'AGGLOMÉRATION DU CHOLETAIS", read back as common words).
static KIND_BEFORE_ANY_CASE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:agglom[ée]ration|m[ée]tropole|communaut[ée])[ \t]+(?:de[ \t]+la|de|du|des)[ \t]+$")
        .expect("valid regex")
});

/// "communauté d'" before an "agglomération": the kind is the community's, not a word of the
/// name ("COMMUNAUTÉ D'AGGLOMÉRATION DE SÉNART" is "Sénart").
static OF_COMMUNITY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcommunaut[ée][ \t]+d['’ ][ \t]*$").expect("valid regex"));

/// A 2015 carrier: its code, and the core of its name as a pattern.
struct Carrier2015 {
    code: String,
    pattern: Regex,
    /// The words of the pattern, each as [`case_folded`]: a text where the pattern matches
    /// holds them all once case-folded.
    words: Vec<String>,
}

/// The carriers of `rules/gazetteer/contrats_2015.tsv`.
static CARRIERS_2015: LazyLock<Vec<Carrier2015>> = LazyLock::new(|| {
    data::rows("gazetteer/contrats_2015.tsv")
        .into_iter()
        .filter_map(|r| {
            let [_, name, code, _] = r.as_slice() else { return None };
            let core = core_name(name)?;
            // The table abbreviates "Saint" ("CC d'AVRANCHES-MONT ST MICHEL"); pages spell it.
            let words: Vec<&str> = core
                .split(|c: char| c.is_whitespace() || c == '-' || c == '\'')
                .filter(|w| !w.is_empty())
                .map(|w| match w.to_lowercase().as_str() {
                    "st" => "Saint",
                    "ste" => "Sainte",
                    _ => w,
                })
                .collect();
            let escaped: Vec<String> = words.iter().map(|w| regex::escape(w)).collect();
            let pattern =
                Regex::new(&format!(r"(?i)\b{}\b", escaped.join(r"(?:\s*[-'’]\s*|\s+)"))).ok()?;
            let words = words.into_iter().filter_map(case_folded).collect();
            let named = Carrier2015 { code: code.clone(), pattern, words };
            Some(std::iter::once(named).chain(initialism_2015(name, code)))
        })
        .flatten()
        .collect()
});

/// A 2015 carrier the intercommunalities of today do not hold (merged or renamed since) as
/// its initialism written in capitals: "CAMY" for the "CA de Mantes en Yvelines", four letters
/// at least (the intercommunalities of today have theirs in the gazetteer).
fn initialism_2015(name: &str, code: &str) -> Option<Carrier2015> {
    use crate::gazetteer::names;
    if code.len() == 5 || gazetteer::epci(code).is_some() {
        return None;
    }
    let long = names::expand_kind(&names::key(name));
    let initials = names::initialism(&long)?.to_uppercase();
    if initials.chars().count() < 4 {
        return None;
    }
    let pattern = Regex::new(&format!(r"\b{initials}\b")).ok()?;
    let words = vec![initials.to_lowercase()];
    Some(Carrier2015 { code: code.to_owned(), pattern, words })
}

/// `text` with each letter in the lower case that every letter a `(?i)` pattern takes for it
/// shares ("É" and "é" give "é"; "S", "s" and the long "ſ" give "s"), so that a text where
/// such a pattern matches a word holds the word's case-folded form; `None` when a character's
/// case is not one this follows (the dotted and dotless Turkish i, a character outside the
/// Latin ranges that has a case, such as the Kelvin sign).
fn case_folded(text: &str) -> Option<String> {
    text.chars()
        .map(|c| match c {
            'ſ' => Some('s'),
            'İ' | 'ı' => None,
            _ if c.is_ascii() => Some(c.to_ascii_lowercase()),
            '\u{c0}'..='\u{24f}' => {
                let mut lower = c.to_lowercase();
                lower.next().filter(|_| lower.next().is_none())
            }
            _ => (c.to_lowercase().eq([c]) && c.to_uppercase().eq([c])).then_some(c),
        })
        .collect()
}

/// The 2015 carriers that may be named in `text`: those whose words the case-folded text all
/// holds; when the text cannot be case-folded (see [`case_folded`]), those the patterns' set
/// finds.
fn carriers_2015_in(text: &str) -> Vec<&'static Carrier2015> {
    let Some(folded) = case_folded(text) else {
        static CARRIER_SET: LazyLock<AnyOf> =
            LazyLock::new(|| AnyOf::new(CARRIERS_2015.iter().map(|c| &c.pattern)));
        let maybe = CARRIER_SET.which(text);
        return CARRIERS_2015.iter().zip(maybe).filter_map(|(c, may)| may.then_some(c)).collect();
    };
    CARRIERS_2015.iter().filter(|c| c.words.iter().all(|w| folded.contains(w.as_str()))).collect()
}

/// Whether `name` holds the name of a carrier of the 2015 contracts
/// (`rules/gazetteer/contrats_2015.tsv`), as written or in capitals.
pub(super) fn names_a_2015_carrier(name: &str) -> bool {
    !carriers_2015_in(name).is_empty()
}

/// The proper part of a 2015 carrier's name: without its kind ("CC du Pays Grand Combien" →
/// "Pays Grand Combien", "Communauté du Bocage Coutançais" → "Bocage Coutançais"), `None` when
/// too short to be told from a common word.
fn core_name(name: &str) -> Option<String> {
    static KIND: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)^(?:CA|CC|CU|CAPH|Communauté(?:\s+(?:d'agglomération|de\s+communes|urbaine))?|Métropole|Agglomération)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?",
        )
        .expect("valid regex")
    });
    static TAIL: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\s*\([^)]*\)\s*$").expect("valid regex"));
    let core = TAIL.replace(name, "");
    let core = KIND.replace(&core, "");
    let core = core.trim().trim_matches(|c| c == '\'' || c == '"');
    let letters = core.chars().filter(|c| c.is_alphabetic()).count();
    (letters >= 6 && core.chars().next().is_some_and(char::is_uppercase)).then(|| core.to_owned())
}

/// Codes of the 2015 carriers.
pub(super) fn carried_in_2015(code: &str) -> bool {
    static CODES: LazyLock<BTreeSet<String>> = LazyLock::new(|| {
        data::rows("gazetteer/contrats_2015.tsv")
            .into_iter()
            .filter_map(|r| r.get(2).cloned())
            .collect()
    });
    CODES.contains(code)
}

/// A territory named in the document.
#[derive(Debug, Clone)]
struct Mention {
    /// Range in the normalised text.
    range: Range<usize>,
    /// What tells two mentions of one territory: its code, else its folded name.
    key: String,
    kind: &'static str,
    /// Its code, when the gazetteer or the 2015 table knows it.
    code: Option<String>,
    /// Communes: the codes of the intercommunalities they belong to.
    parents: Vec<String>,
    /// Which source found it, the most trusted first: the family's grammar or the 2015 table
    /// (0), the gazetteer's communes (1), a name with a kind word the gazetteer does not know (2),
    /// a capitalised kind alone (3).
    tier: u8,
}

/// Adds the fallback carriers to `out` when it has none: a counted series first, else the
/// best-ranked territory of a document that reports one contract.
pub(super) fn resolve(doc: &Doc, out: &mut Candidates) {
    let neighbour = super::own_contract::is_neighbour;
    if out.territories.iter().any(|t| t.carries_contract && !neighbour(t)) {
        more_of_a_timeline(doc, out);
        return;
    }
    let titles = title_ranges(doc, out);
    let mentions = mentions(doc, out, &titles);
    let series = series(doc, &mentions, &days(doc, out), release_dateline(out));
    if !series.is_empty() {
        out.territories.extend(series);
    } else if let Some(t) = ranked(doc, &titles, &mentions, dated_signature(out)) {
        out.territories.push(t);
    }
}

/// Every territory mention of the document, sorted by position, without overlaps (the longer
/// intercommunality name wins over a commune inside it).
fn mentions(doc: &Doc, out: &Candidates, titles: &[[usize; 2]]) -> Vec<Mention> {
    let text = doc.text();
    let mut found: Vec<Mention> = Vec::new();
    // Intercommunalities the family's grammar found (clean spans mapped back by their text).
    for (range, kind) in super::grammar::doc_epci_mentions(doc) {
        let (range, kind) = (range.clone(), *kind);
        let name = &text[range.clone()];
        if never_carrier(name) || !proper_beside_kind(name) {
            continue;
        }
        let (key, code) = match gazetteer::epci_named(name).as_slice() {
            [one] => (one.siren.to_owned(), Some(one.siren.to_owned())),
            _ => match super::grammar::abbreviated_epci(name) {
                Some(one) => (one.siren.to_owned(), Some(one.siren.to_owned())),
                None => (fold(name), None),
            },
        };
        found.push(Mention { range, key, kind, code, parents: vec![], tier: 0 });
    }
    // An upper-case title names its intercommunality in capitals ("MONTLUÇON COMMUNAUTÉ –
    // FICHE TERRITOIRE"), which the grammar's capitalised names do not read: each part of the
    // title between separators that is an intercommunality's name.
    for part in upper_title_parts(doc, titles) {
        if let Some((range, one)) = upper_epci_in(text, part) {
            let (key, code) = (one.siren.to_owned(), Some(one.siren.to_owned()));
            let kind = one.record_kind();
            found.push(Mention { range, key, kind, code, parents: vec![], tier: 0 });
        }
    }
    // "la métropole bordelaise", "l'agglomération nantaise": a kind and a demonym.
    for caps in DEMONYM.captures_iter(text) {
        let Some(n) = caps.name("name").or_else(|| caps.name("upper")) else { continue };
        let lower = n.as_str().to_lowercase();
        let kind = if lower.contains("urbaine") {
            "CU"
        } else if lower.contains("communes") {
            "CC"
        } else if lower.contains("agglo") {
            "CA"
        } else {
            "Métropole"
        };
        let key = fold(n.as_str());
        found.push(Mention { range: n.range(), key, kind, code: None, parents: vec![], tier: 0 });
    }
    for c in carriers_2015_in(text) {
        for m in c.pattern.find_iter(text).filter(|m| !inside_compound(text, m.range())) {
            let kind = if c.code.len() == 5 { "commune" } else { "EPCI" };
            // "l'Agglomération de la Région de Compiègne", "l'Agglomération du Choletais": a core
            // that alone reads as a région, or a one-word core that names no town (a pays, a
            // demonym), keeps the capitalised kind word written before it, part of the name.
            let mut range = m.range();
            let one_word = !m.as_str().contains([' ', '-', '\'', '’']);
            let no_place = one_word && gazetteer::communes_named(m.as_str()).is_empty();
            let core = m.as_str();
            let uncased =
                !core.starts_with(char::is_uppercase) || !core.contains(char::is_lowercase);
            let kind_before = if uncased { &KIND_BEFORE_ANY_CASE } else { &KIND_BEFORE };
            if (never_carrier(m.as_str()) || no_place)
                && let Some(k) = kind_before.find(&text[..m.start()])
                && !(uncased && OF_COMMUNITY.is_match(&text[..k.start()]))
            {
                range.start = k.start();
            }
            let key = gazetteer::epci(&c.code).map_or_else(|| c.code.clone(), |e| e.siren.into());
            found.push(Mention {
                range,
                key,
                kind,
                code: Some(c.code.clone()),
                parents: vec![],
                tier: 0,
            });
        }
    }
    // Spans where a commune is no evidence of the carrier: people's names, and the lines of
    // quartier lists (there a commune places a quartier: "Bacalan (Bordeaux)").
    // A line longer than a list item is prose or a page flattened to one line (PDF text): there
    // only the clause around a quartier places it ("Bacalan (Bordeaux), Aubiers (Bordeaux)").
    // A paragraph of a few sentences hides the sentence that lists quartiers, not its others ("Le
    // maire de Vierzon a signé. Trois quartiers sont concernés : Clos du Roy, Forges").
    let mut not_here: Vec<[usize; 2]> = out.people.iter().map(|p| p.evidence.span).collect();
    for line in crate::rules::line_ranges(text) {
        let long = line.len() > LIST_LINE;
        // A table row ("Bacalan | Bordeaux") is a list item, not sentences.
        let parts: Vec<[usize; 2]> = if long || text[line.clone()].contains(['|', '\t']) {
            vec![]
        } else {
            sentences(&text[line.clone()])
                .into_iter()
                .map(|s| doc.evidence(line.start + s.start..line.start + s.end, ID).span)
                .collect()
        };
        let span = doc.evidence(line, ID).span;
        for q in out.quartiers.iter().map(|q| q.evidence.span) {
            if q[0] < span[0] || span[1] <= q[0] {
                continue;
            }
            if long {
                let clause = crate::rules::stretch_around(doc.clean, q[0]..q[1], CLAUSE_ENDS);
                not_here.push([clause.start, clause.end]);
            } else if parts.len() > 1 {
                not_here.extend(parts.iter().filter(|p| p[0] <= q[0] && q[0] < p[1]));
            } else {
                not_here.push(span);
                break;
            }
        }
    }
    // The folded names of the intercommunalities found so far (`None` for communes), in the
    // order of `found`, each folded once.
    let mut folded: Vec<Option<String>> = Vec::new();
    for m in super::grammar::doc_capitalised(doc) {
        let range = before_person(doc, m.clone(), &out.people);
        let name = &text[range.clone()];
        // An upper-case name outside the title is a table cell or a heading of a list, unless
        // its whole line is upper-case prose.
        let shouting = !name.chars().any(char::is_lowercase);
        if shouting
            && !within(doc.evidence(range.clone(), ID).span, titles)
            && !in_shouted_prose(text, range.start)
        {
            continue;
        }
        // A name with a kind word is an intercommunality, the town inside it ("Agglomération
        // Grand Saint-Dizier") no mention of its own; upper case runs the words of a line
        // together, and its town stays.
        let epci_kind = word_kind(name)
            .filter(|k| *k != "commune")
            .filter(|_| proper_beside_kind(name) && !never_carrier(name));
        // A name the gazetteer knows as an intercommunality's, and as no town's, without its kind
        // word ("Saumur Val de Loire", "Grand Narbonne").
        if epci_kind.is_none()
            && !shouting
            && !never_carrier(name)
            && gazetteer::communes_named(name).is_empty()
            && let [one] = gazetteer::epci_named(name).as_slice()
        {
            let (key, code) = (one.siren.to_owned(), Some(one.siren.to_owned()));
            let kind = one.record_kind();
            found.push(Mention { range, key, kind, code, parents: vec![], tier: 0 });
            continue;
        }
        let commune = commune_in(doc, range.clone(), &not_here)
            .filter(|c| epci_kind.is_none() || shouting || c.range == range);
        if let Some(mention) = commune {
            found.push(mention);
        } else if let Some(kind) = epci_kind {
            // An intercommunality the gazetteer does not know ("Grande Agglomération X").
            found.push(Mention {
                range: range.clone(),
                key: fold(name),
                kind,
                code: None,
                parents: vec![],
                tier: 2,
            });
        } else if let Some(long) = opened_by(text, name, &found, &mut folded) {
            // "sur ses terres d'Évry" beside "Évry Centre Essonne": a name that is no town of the
            // gazetteer and opens an intercommunality's name the page gives is a short mention
            // of it.
            let short = Mention { range: range.clone(), tier: 3, ..long.clone() };
            found.push(short);
        }
    }
    // A page that names its intercommunality only by its kind ("la présidente de
    // l'Eurométropole"): the kind alone is the name it uses, when no other intercommunality
    // is named.
    if found.iter().all(|m| m.kind == "commune") {
        found.extend(bare_kinds(text));
    }
    // "Communauté d'agglomération Creil Sud Oise" is written "Creil Sud Oise" as a carrier.
    for m in &mut found {
        m.range = without_prefix(text, m.range.clone());
        if m.kind != "commune" {
            m.range = with_listed_tail(text, m.range.clone());
        }
    }
    // The most trusted source first, the longest name first at each start; then drop what
    // overlaps a kept mention.
    found.sort_by_key(|m| (m.tier, m.range.start, std::cmp::Reverse(m.range.end)));
    let mut kept: Vec<Mention> = Vec::new();
    for m in found {
        if kept.iter().any(|k| k.range.start < m.range.end && m.range.start < k.range.end) {
            continue;
        }
        kept.push(m);
    }
    kept.sort_by_key(|m| m.range.start);
    kept
}

/// Whether `range` of `text` is part of a longer hyphenated name ("Cherbourg" in
/// "Cherbourg-en-Cotentin", "Étienne" in "Saint-Étienne").
fn inside_compound(text: &str, range: Range<usize>) -> bool {
    let after =
        text[range.end..].strip_prefix('-').is_some_and(|r| r.starts_with(char::is_alphabetic));
    let before =
        text[..range.start].strip_suffix('-').is_some_and(|r| r.ends_with(char::is_alphabetic));
    after || before
}

/// `range`, a capitalised name, cut before a person's name that starts inside it: a page
/// flattened to one line runs its title into the next line ("Vierzon Paul Marchal, maire").
fn before_person(doc: &Doc, range: Range<usize>, people: &[crate::record::Person]) -> Range<usize> {
    let text = doc.text();
    let span = doc.evidence(range.clone(), ID).span;
    let Some(person) =
        people.iter().find(|p| span[0] < p.evidence.span[0] && p.evidence.span[0] < span[1])
    else {
        return range;
    };
    let name = &text[range.clone()];
    match name.find(&format!(" {}", person.name)) {
        Some(at) => range.start..range.start + name[..at].trim_end().len(),
        None => range,
    }
}

/// The first intercommunality of `found` whose name opens with the words of `name`.
/// `folded` caches the folded names of `found` (`None` for communes), each folded once as
/// `found` grows.
fn opened_by<'a>(
    text: &str,
    name: &str,
    found: &'a [Mention],
    folded: &mut Vec<Option<String>>,
) -> Option<&'a Mention> {
    let new = &found[folded.len()..];
    folded.extend(new.iter().map(|o| (o.kind != "commune").then(|| fold(&text[o.range.clone()]))));
    let head = format!("{} ", fold(name));
    found
        .iter()
        .zip(folded.iter())
        .find_map(|(o, f)| f.as_deref().is_some_and(|f| f.starts_with(&head)).then_some(o))
}

/// The intercommunalities `text` names by their capitalised kind alone: not the start of a
/// longer name ("la Métropole de Lyon", "l'Agglomération Sud", "la Métropole européenne").
fn bare_kinds(text: &str) -> Vec<Mention> {
    let mut out = Vec::new();
    for caps in BARE_KIND.captures_iter(text) {
        let (Some(n), Some(next)) = (caps.name("name"), caps.name("next")) else { continue };
        let next = next.as_str().trim_start();
        let longer = next.chars().next().is_some_and(char::is_uppercase)
            || ["de", "du", "des", "d'", "européenne"].iter().any(|w| next.starts_with(w));
        if longer && !next.is_empty() {
            continue;
        }
        let kind = word_kind(n.as_str()).unwrap_or("CU");
        out.push(Mention {
            range: n.range(),
            key: fold(n.as_str()),
            kind,
            code: None,
            parents: vec![],
            tier: 3,
        });
    }
    out
}

/// True when `name` has a capitalised word besides its articles and kind words ("Grande
/// Agglomération Charleville-Sedan", not "La Métropole").
fn proper_beside_kind(name: &str) -> bool {
    const ARTICLES: [&str; 8] = ["la", "le", "les", "l", "de", "du", "des", "d"];
    name.split([' ', '\t', '\n', '\''])
        .filter(|w| !w.is_empty() && !ARTICLES.contains(&w.to_lowercase().as_str()))
        .filter(|w| word_kind(w).is_none())
        .any(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// `range` without the official kind prefix that opens it ([`without_kind_prefix`]).
fn without_prefix(text: &str, range: Range<usize>) -> Range<usize> {
    let name = &text[range.clone()];
    without_kind_prefix(name).map_or(range.clone(), |rest| range.end - rest.len()..range.end)
}

/// An intercommunality's name that goes on over ", X et Y" ("l'Agglomération Grand
/// Saint-Dizier, Der et Vallées" → "Grand Saint-Dizier, Der et Vallées"), when neither X nor Y
/// is a town (a commune of 2,000 inhabitants or more), an intercommunality or a région; the
/// opening capitalised "Agglomération" then is its kind, not part of the name. Otherwise
/// `range` as it is ("la Métropole de Lyon, Bron et Vénissieux" lists towns).
fn with_listed_tail(text: &str, range: Range<usize>) -> Range<usize> {
    static TAIL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"^,[ \t]*(?P<x>{CAP})[ \t]+et[ \t]+(?P<y>{CAP})\b"))
            .expect("valid regex")
    });
    static KIND_WORD: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^Agglomération[ \t]+\p{Lu}").expect("valid regex"));
    let Some(caps) = TAIL.captures(&text[range.end..]) else { return range };
    let (Some(x), Some(y)) = (caps.name("x"), caps.name("y")) else { return range };
    let place = |w: &str| {
        gazetteer::communes_named(w).iter().any(|c| c.population.is_none_or(|p| p >= 2000))
            || !gazetteer::epci_named(w).is_empty()
            || never_carrier(w)
    };
    if place(x.as_str()) || place(y.as_str()) {
        return range;
    }
    let start = if KIND_WORD.is_match(&text[range.clone()]) {
        range.start + "Agglomération".len()
    } else {
        range.start
    };
    let start = start + text[start..range.end].len() - text[start..range.end].trim_start().len();
    start..range.end + y.end()
}

/// True when the line around `at` is upper-case prose: eight words or more, no lower-case
/// letter, no table separator ("LE MAIRE DE VIERZON A SIGNÉ LE CONTRAT DE VILLE CE MATIN").
fn in_shouted_prose(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    let line = &text[start..end];
    line.split_whitespace().count() >= 8
        && !line.chars().any(char::is_lowercase)
        && !line.contains(['|', '\t'])
}

/// The commune an upper-case name designates among its runs of one to four words, the first
/// run from the left, the longest at each word ("LA VILLE DE VIERZON S'ENGAGE", "LE MAIRE DE
/// VIERZON ET LE PRÉFET ONT SIGNÉ"): upper-case text runs the town into the words around it. A
/// run opens the name, follows a word of [`PLACE_BEFORE`], or follows an elided "D'"
/// ("L'ARRONDISSEMENT D'ALÈS").
fn shouted_commune(doc: &Doc, range: &Range<usize>, people: &[[usize; 2]]) -> Option<Mention> {
    let text = doc.text();
    let mut words: Vec<Range<usize>> = Vec::new();
    let mut at = range.start;
    for w in text[range.clone()].split([' ', '\t', '\n']) {
        if !w.is_empty() {
            words.push(at..at + w.len());
        }
        at += w.len() + 1;
    }
    for i in 0..words.len().min(40) {
        let word = &text[words[i].clone()];
        let start = match word.strip_prefix("D'") {
            Some(rest) if !rest.is_empty() => words[i].end - rest.len(),
            _ if i == 0 || PLACE_BEFORE.contains(&&text[words[i - 1].clone()]) => words[i].start,
            _ => continue,
        };
        for n in (1..=4).rev() {
            let Some(last) = words.get(i + n - 1) else { continue };
            if let Some(m) = commune_named(doc, start..last.end, people) {
                return Some(m);
            }
        }
    }
    None
}

/// The words after which an upper-case run names a place ("LE MAIRE DE VIERZON", "À LIMOUX"):
/// elsewhere a run of upper-case prose is common words, some of which are also small towns'
/// names ("AU COURS DE", "SIGNÉS").
const PLACE_BEFORE: [&str; 4] = ["DE", "DU", "À", "A"];

/// The commune a capitalised name at `range` designates: the name itself or the name without
/// its first words ("À Toulouse", "CONTRAT DE VILLE DE VIERZON"), or a run of words of an
/// upper-case name ([`shouted_commune`]), a commune of more than 2,000 inhabitants or a 2015
/// carrier; not a département, a région, or part of a person's name.
fn commune_in(doc: &Doc, range: Range<usize>, people: &[[usize; 2]]) -> Option<Mention> {
    let shouting = !doc.text()[range.clone()].chars().any(char::is_lowercase);
    commune_from(doc, range.clone(), people)
        .or_else(|| shouting.then(|| shouted_commune(doc, &range, people)).flatten())
}

/// [`commune_in`] for one end of the name.
fn commune_from(doc: &Doc, range: Range<usize>, people: &[[usize; 2]]) -> Option<Mention> {
    let text = doc.text();
    let mut start = range.start;
    for _ in 0..6 {
        let name = text.get(start..range.end)?;
        let name = name.trim();
        if name.is_empty() {
            return None;
        }
        let here = start..start + name.len();
        if let Some(m) = commune_named(doc, here, people) {
            return Some(m);
        }
        // Next word.
        let skip = name.find([' ', '\t', '\n'])?;
        start += skip + 1;
        while text[start..].starts_with([' ', '\t', '\n']) {
            start += 1;
        }
    }
    None
}

fn commune_named(doc: &Doc, range: Range<usize>, people: &[[usize; 2]]) -> Option<Mention> {
    let name = doc.text().get(range.clone())?;
    if never_carrier(name) || !name.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let communes = gazetteer::communes_named(name);
    let big = communes.iter().copied().find(|c| {
        c.population.is_some_and(|p| p >= 2000) || carried_in_2015(c.insee) || c.parent.is_some()
    })?;
    // Asked once a commune is found: most names are none.
    if gazetteer::departement_named(name).is_some() || gazetteer::region_named(name).is_some() {
        return None;
    }
    // A commune whose name opens with an article ("Les Touches", "Le Havre") is written without
    // it only after a contracted preposition ("du Havre", "aux Touches"): elsewhere the bare word
    // is a common one ("les habitants sont touchés", capitalised by a restored upper-case run).
    let article = |n: &str| {
        let n = fold_keep_article(n);
        ["le ", "la ", "les ", "l "].iter().any(|a| n.starts_with(a))
    };
    if article(big.name) && !article(name) {
        let before = doc.text()[..range.start].trim_end();
        let word = before.rsplit([' ', '\t', '\n']).next().unwrap_or("").to_lowercase();
        if !["du", "au", "aux", "des"].contains(&word.as_str()) {
            return None;
        }
    }
    let span = doc.evidence(range.clone(), ID).span;
    if people.iter().any(|p| p[0] < span[1] && span[0] < p[1]) {
        return None;
    }
    let key = if communes.len() == 1 { big.insee.to_owned() } else { fold(name) };
    let parents = communes
        .iter()
        .flat_map(|c| gazetteer::epcis_of_commune(c.parent.unwrap_or(c.insee)))
        .map(|e| e.siren.to_owned())
        .collect();
    Some(Mention {
        range,
        key,
        kind: "commune",
        code: (communes.len() == 1).then(|| big.insee.to_owned()),
        parents,
        tier: 1,
    })
}

fn number(word: &str) -> Option<usize> {
    word.parse().ok().or_else(|| {
        let n = number_word(word).filter(|n| COUNTED_WORDS.contains(n))?;
        usize::try_from(n).ok()
    })
}

/// The sentences of `doc`, each line of a web page's sentence apart: a page's blocks are its
/// lines, and a title without a full stop does not run into the lead.
fn blocks(doc: &Doc) -> Vec<Range<usize>> {
    let text = doc.text();
    let by_line = doc.format == crate::record::Format::Html;
    sentences(text)
        .into_iter()
        .flat_map(|s| {
            let lines = if by_line { crate::rules::line_ranges(&text[s.clone()]) } else { vec![] };
            if lines.len() > 1 {
                lines.into_iter().map(|l| s.start + l.start..s.start + l.end).collect()
            } else {
                vec![s]
            }
        })
        .collect()
}

/// One carrier per territory of a sentence that counts contracts and names as many territories.
fn series(
    doc: &Doc,
    mentions: &[Mention],
    days: &[[usize; 2]],
    release: Option<[usize; 2]>,
) -> Vec<Territory> {
    let text = doc.text();
    for s in blocks(doc) {
        let sentence = &text[s.clone()];
        let Some(n) = COUNTED.captures(sentence).and_then(|c| number(c.name("n")?.as_str())) else {
            continue;
        };
        if n < 2 || NOT_YET.is_match(sentence) {
            continue;
        }
        let inside: Vec<&Mention> =
            mentions.iter().filter(|m| m.range.start >= s.start && m.range.end <= s.end).collect();
        // A commune inside a named intercommunality, or whose name opens the name of one named
        // with it ("Alès" beside "Alès Agglomération"), speaks for it, not for a contract of its
        // own.
        let epcis: Vec<&str> = inside
            .iter()
            .filter(|m| m.kind != "commune")
            .filter_map(|m| m.code.as_deref())
            .collect();
        let epci_names: Vec<String> = inside
            .iter()
            .filter(|m| m.kind != "commune")
            .map(|m| fold(&text[m.range.clone()]))
            .collect();
        let mut keys: Vec<&str> = Vec::new();
        let mut picked: Vec<&Mention> = Vec::new();
        for m in inside {
            let town = format!("{} ", fold(&text[m.range.clone()]));
            if m.kind == "commune"
                && (m.parents.iter().any(|p| epcis.contains(&p.as_str()))
                    || epci_names.iter().any(|e| e.starts_with(&town)))
            {
                continue;
            }
            if !keys.contains(&m.key.as_str()) {
                keys.push(&m.key);
                picked.push(m);
            }
        }
        // "deux contrats : celui de la communauté de communes A, mardi à Hirson, puis celui de
        // la communauté de communes B": when the towns make the count too many, the
        // intercommunalities named are the carriers.
        if picked.len() > n {
            picked.retain(|m| m.kind != "commune");
        }
        if picked.len() == n {
            return picked
                .into_iter()
                .map(|m| territory(doc, m.range.clone(), Some(m.kind), true, SERIES_ID))
                .collect();
        }
    }
    timeline(doc, mentions, days, release)
}

/// Rule id of a carrier that completes a counted series from the intercommunalities whose
/// président the page names.
const COUNTED_REST_ID: &str = "territories.counted_rest";

/// A page that counts the contracts it reports ("Deux contrats de ville ont été conclus ce
/// mois-ci", the first sentence that counts contracts, not to come) where the rules found fewer
/// carriers, at least one: the intercommunalities whose président the page names ("aux côtés de
/// X, président de la Communauté du Bocage Coutançais") and that carry none of the contracts
/// found complete the count, when they are exactly as many as the contracts missing.
pub(super) fn counted_rest(doc: &Doc, out: &mut Candidates) {
    static PRESIDENT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bprésidente?\s+(?:de\s+la\s+|de\s+l'|du\s+|d')(?:communauté\s+(?:(?:de\s+communes|d'agglomération|urbaine)\s+)?(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?)?$")
            .expect("valid regex")
    });
    let text = doc.text();
    // Folded names padded with spaces, so that one holds another only as whole words.
    let padded = |name: &str| format!(" {} ", fold(name));
    let mut carriers: Vec<String> =
        out.territories.iter().filter(|t| t.carries_contract).map(|t| padded(&t.name)).collect();
    carriers.sort();
    carriers.dedup();
    if carriers.is_empty() {
        return;
    }
    let counted = blocks(doc).into_iter().find_map(|s| {
        let sentence = &text[s];
        let n = COUNTED.captures(sentence).and_then(|c| number(c.name("n")?.as_str()))?;
        Some((n, NOT_YET.is_match(sentence)))
    });
    let Some((n, false)) = counted else { return };
    if n <= carriers.len() {
        return;
    }
    let mut rest: Vec<(String, Range<usize>, &'static str)> = Vec::new();
    for (r, kind) in super::grammar::doc_epci_mentions(doc) {
        let before = &text[text.floor_char_boundary(r.start.saturating_sub(60))..r.start];
        if !PRESIDENT_BEFORE.is_match(before) {
            continue;
        }
        let key = padded(&text[r.clone()]);
        let known = carriers.iter().any(|c| c.contains(&key) || key.contains(c.as_str()));
        // One intercommunality read twice ("Communauté du Bocage", "Bocage") is one.
        let again = rest.iter().any(|(k, ..)| k.contains(&key) || key.contains(k.as_str()));
        if !known && !again {
            rest.push((key, r.clone(), kind));
        }
    }
    if rest.len() == n - carriers.len() {
        for (_, r, kind) in rest {
            out.territories.push(territory(doc, r, Some(kind), true, COUNTED_REST_ID));
        }
    }
}

/// Clean spans of the days the dates family found: not the document's own date, nor the date of
/// a text ("le décret du 28 août 2015", "la circulaire du 22 janvier").
fn days(doc: &Doc, out: &Candidates) -> Vec<[usize; 2]> {
    out.dates
        .iter()
        .filter(|d| d.precision == Precision::Day && !d.value.is_empty())
        .filter(|d| !matches!(d.role, DateRole::Publication | DateRole::Update))
        .filter(|d| !crate::rules::dates::of_a_text(doc.clean, d))
        .map(|d| d.evidence.span)
        .collect()
}

/// The span of a press release's own dateline, when datelines of earlier days head parts of
/// the page below it ("Arras, le 10 juillet 2015" over "À Marquise, le vendredi 3 juillet … À
/// Étaples, le jeudi 9 juillet", no issue dates): its place is where the release was written,
/// no step of a timeline.
fn release_dateline(out: &Candidates) -> Option<[usize; 2]> {
    let datelines: Vec<&DateMention> =
        out.dates.iter().filter(|d| d.evidence.rule == crate::rules::dates::DATELINE_ID).collect();
    let first = datelines.iter().min_by_key(|d| d.evidence.span)?;
    let headings = datelines.len() > 1
        && first.role == DateRole::Publication
        && datelines.iter().all(|d| std::ptr::eq(*d, *first) || d.role != DateRole::Publication);
    headings.then_some(first.evidence.span)
}

/// Months, for the dates of a timeline.
const MONTHS: &str = "janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre";

/// A day date right after a territory: "Sénart, le 6 février", "Arras : lundi 9 février", "Le
/// Grand Narbonne a suivi le 14 mars", "c'est Agen qui a signé son contrat le 19 juin"; a day
/// told from the one before ("Laon, le lendemain", "Vannes, le vendredi suivant"); the row of a
/// list told with a participle or the noun, where a month alone dates it too ("Vierzon - signé
/// le 3 juillet", "Bourges : paraphé en septembre", "Issoudun – signature le mercredi 8 juillet").
static DATE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[ \t,:–|-]{{0,4}}(?:(?:(?:qui\s+)?(?:a|ont)\s+(?:suivi|signé|paraphé|fait\s+de\s+même)(?:\s+(?:son|leur|le)\s+contrat(?:\s+de\s+ville)?)?[ \t,]+)?(?:(?:(?:le|dès\s+le|depuis\s+le)\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{{1,2}}(?:er)?\s+(?:{MONTHS})|le\s+(?:lendemain|surlendemain|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+suivant))|(?:signée?|paraphée?|signature)[ \t]+(?:(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{{1,2}}(?:er)?\s+|en\s+)(?:{MONTHS}))\b"
    ))
    .expect("valid regex")
});

/// A date in the next cell of a table row that opens with a territory ("CA de Saintes | 04/04/2024",
/// "Rochefort Océan<TAB>ven. 29 mars", "Vierzon<TAB>juillet"): a table of signatures, one row a
/// contract. A cell is cut by a tab or a "|"; the date is numeric, or a day and a month, or a
/// month alone, with an abbreviated weekday or not.
static DATE_IN_NEXT_CELL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[ \t]*[\t|][ \t]*(?:(?:lun|mar|mer|jeu|ven|sam|dim)[a-z]*\.?[ \t]+)?(?:\d{{1,2}}[/.]\d{{1,2}}[/.](?:\d{{4}}|\d{{2}})|\d{{1,2}}(?:er)?[ \t]+(?:{MONTHS})|(?:{MONTHS}))\b"
    ))
    .expect("valid regex")
});

/// A day date right before a territory: "le 13 février à Limoux", "6 février : Sénart", "3 mars
/// 2016 | Laval Agglomération" (a row of a calendar), "le 9
/// février, ce fut le tour de Quimperlé", "le lendemain, au tour de la ville de Vannes", "le 30
/// juin celui de la communauté d'agglomération d'Hénin-Carvin", "le 2 juillet, ce fut le tour
/// de la communauté urbaine d'Arras".
static DATE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let of = r"(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')";
    let kind = format!(
        r"(?:la\s+ville\s+de\s+|(?:la\s+|l')?(?:communauté\s+(?:urbaine|d'agglomération|de\s+communes)|métropole|agglomération|agglo)\s+{of}|(?:la\s+)?communauté\s+de\s+l'|l')"
    );
    Regex::new(&format!(
        r"(?i)(?:\b\d{{1,2}}(?:er)?\s+(?:{MONTHS})(?:\s+\d{{4}})?|\ble\s+(?:lendemain|surlendemain))[ \t]*(?:[:,–|-][ \t]*)?(?:(?:(?:ce\s+fut|c'était|c'est)\s+)?(?:au|le)\s+tour\s+(?:de\s+|d'){kind}?|(?:à|avec|pour)[ \t]+{kind}?|(?:celui|celle)\s+(?:de\s+|d'){kind}?|{kind})?$"
    ))
    .expect("valid regex")
});

/// What joins a territory to the dated one before it in a timeline, which it follows in turn:
/// ", puis d'Ostricourt", ", puis à Laon", "et enfin de Chauny", "et pour finir avec la ville
/// de Bar" (its own day, if any, told elsewhere or not at all).
static CHAINED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t]*,?[ \t]*(?:puis|et[ \t]+enfin|enfin|et[ \t]+pour[ \t]+finir|ensuite)[ \t]*,?[ \t]*(?:(?:de|à|avec|par)[ \t]+|d['’][ \t]*|du[ \t]+)(?:(?:la[ \t]+)?ville[ \t]+(?:de[ \t]+|d['’][ \t]*))?$",
    )
    .expect("valid regex")
});

/// "À " opening a sentence (or a line), right before a place: "À Matoury, le maire a paraphé
/// le contrat", "… habitants. A Cayenne, le contrat a été signé".
static AT_PLACE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|[.!?;][ \t]*|\n[ \t]*)[AÀ][ \t]+$").expect("valid regex"));

/// The one contract of a place, in the rest of a sentence that opens with it: "le contrat",
/// "son contrat".
static THE_CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:le|son|leur)\s+contrat\b").expect("valid regex"));

/// How far after a place opening its sentence the signing of its contract may be told, in bytes.
const SIGNED_THERE_REACH: usize = 160;

/// The contracts in the plural: a page about several of them.
static PLURAL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcontrats\s+de\s+villes?\b").expect("valid regex"));

/// A timeline of signatures: a page about contracts in the plural that gives two territories
/// or more each with its own day ("Sénart le 6 février, Arras le 9, Limoux le 13 février"):
/// one carrier for each. A territory is dated by a day written right next to it, or by the one
/// day of its sentence when the sentence names no other territory ("Trois jours après, la
/// ministre était à Limoux"). Contracts still to come are no timeline.
fn timeline(
    doc: &Doc,
    mentions: &[Mention],
    days: &[[usize; 2]],
    release: Option<[usize; 2]>,
) -> Vec<Territory> {
    let text = doc.text();
    if !PLURAL.is_match(text) {
        return Vec::new();
    }
    let sentences = sentences(text);
    let sentence_of =
        |m: &Mention| sentences.iter().find(|s| s.start <= m.range.start && m.range.end <= s.end);
    // A town named in one sentence with its intercommunality ("à Cholet pour signer avec
    // l'Agglomération du Choletais") speaks for it.
    let inside = |o: &Mention, s: &Range<usize>| s.start <= o.range.start && o.range.end <= s.end;
    let member = |m: &Mention, s: &Range<usize>| {
        mentions.iter().any(|o| inside(o, s) && speaks_for(text, m, o))
    };
    let in_sentence = |m: &Mention| {
        let Some(s) = sentence_of(m) else { return false };
        let alone = !mentions.iter().any(|o| o.key != m.key && inside(o, s) && !member(o, s));
        let clean = doc.evidence(s.clone(), ID).span;
        alone
            && !member(m, s)
            && days.iter().filter(|d| clean[0] <= d[0] && d[1] <= clean[1]).count() == 1
    };
    let day_after = |m: &Mention| {
        let after = &text[m.range.end..text.ceil_char_boundary(m.range.end + 48)];
        DATE_AFTER.is_match(after) || DATE_IN_NEXT_CELL.is_match(after)
    };
    // "Fort-de-France et Le Lamentin, le 8 juillet", "Laon, Soissons et Chauny : 12 juin": the
    // names of a list share the day written after its last one.
    let listed_with_day = |m: &Mention| {
        let mut last = m;
        for next in mentions.iter().filter(|o| o.range.start >= m.range.end) {
            if !crate::rules::is_list_gap(&text[last.range.end..next.range.start]) {
                break;
            }
            last = next;
        }
        !std::ptr::eq(last, m) && day_after(last)
    };
    // "À Matoury, le maire a paraphé le contrat": a signing told at a place that opens its
    // sentence is that place's contract, dated or not.
    let signed_there = |m: &Mention| {
        let before =
            &text[text.floor_char_boundary(m.range.start.saturating_sub(8))..m.range.start];
        let rest = &text[m.range.end..text.ceil_char_boundary(m.range.end + SIGNED_THERE_REACH)];
        let rest = &rest[..rest.find(['.', '\n']).unwrap_or(rest.len())];
        AT_PLACE.is_match(before) && SIGNED_DONE.is_match(rest) && THE_CONTRACT.is_match(rest)
    };
    let dated = |m: &Mention| {
        // Wide enough for a kind before the name ("celui de la communauté d'agglomération d'").
        let before =
            &text[text.floor_char_boundary(m.range.start.saturating_sub(80))..m.range.start];
        day_after(m)
            || DATE_BEFORE.is_match(before)
            || in_sentence(m)
            || listed_with_day(m)
            || signed_there(m)
    };
    let mut keys: Vec<&str> = Vec::new();
    let mut picked: Vec<&Mention> = Vec::new();
    // The end of the last dated territory, which a chained one follows ([`CHAINED`]).
    let mut last_dated: Option<usize> = None;
    let in_release = |m: &Mention| {
        let clean = doc.evidence(m.range.clone(), ID).span;
        release.is_some_and(|r| r[0] <= clean[0] && clean[1] <= r[1])
    };
    for m in mentions.iter().filter(|m| !in_release(m)) {
        let chained = last_dated
            .is_some_and(|end| end <= m.range.start && CHAINED.is_match(&text[end..m.range.start]));
        if !(dated(m) || chained) {
            continue;
        }
        last_dated = Some(m.range.end);
        if keys.contains(&m.key.as_str()) {
            continue;
        }
        let future = sentence_of(m).is_some_and(|s| NOT_YET.is_match(&text[s.clone()]));
        if !future {
            keys.push(&m.key);
            picked.push(m);
        }
    }
    // A dated town whose intercommunality is dated too is that intercommunality's contract.
    let picked: Vec<&Mention> =
        picked.iter().copied().filter(|m| !picked.iter().any(|o| speaks_for(text, m, o))).collect();
    if picked.len() < 2 {
        return Vec::new();
    }
    // "à Évry" dated, "celui d'Évry Centre Essonne" further on: a town whose name opens the name
    // of an intercommunality the page gives stands for it; a dated town whose part of the page
    // (up to the next dated territory) names one intercommunality it belongs to is where that
    // intercommunality signed ("Bollène, lundi 29 juin" over "le contrat de la communauté de
    // communes Rhône Lez Provence").
    let ends: Vec<usize> =
        picked.iter().skip(1).map(|m| m.range.start).chain([text.len()]).collect();
    picked
        .into_iter()
        .zip(ends)
        .map(|(m, end)| {
            let town = fold(&text[m.range.clone()]);
            let longer = mentions.iter().find(|o| {
                let opens = fold(&text[o.range.clone()]).starts_with(&format!("{town} "));
                opens && ((m.kind == "commune" && o.kind != "commune") || o.key == m.key)
            });
            // Named by the longer mention, its evidence the dated one (the merger reads the
            // contract's day around it).
            let mut t = territory(doc, m.range.clone(), Some(m.kind), true, SERIES_ID);
            if let Some(o) = longer {
                t.name = text[o.range.clone()].split_whitespace().collect::<Vec<_>>().join(" ");
                t.kind = o.kind.to_owned();
            } else if let Some(o) = section_carrier(text, m, mentions, end) {
                let named = territory(doc, o.range.clone(), Some(o.kind), true, SERIES_ID);
                t.name = super::with_place_after(doc.clean, &named).unwrap_or(named.name);
                t.kind = o.kind.to_owned();
            }
            t
        })
        .collect()
}

/// The one intercommunality that town `town` belongs to among the mentions after it and before
/// `end`, when there is one (two or more: none).
fn section_carrier<'m>(
    text: &str,
    town: &Mention,
    mentions: &'m [Mention],
    end: usize,
) -> Option<&'m Mention> {
    let mut found = mentions.iter().filter(|o| {
        o.range.start >= town.range.end && o.range.end <= end && speaks_for(text, town, o)
    });
    let first = found.next()?;
    found.all(|o| o.key == first.key).then_some(first)
}

/// True when `town` is a commune that speaks for the intercommunality `epci`: one of its members
/// ("Cholet" in "Cholet Agglomération"), or a town whose name opens a word of the
/// intercommunality's name ("Cholet" and "l'Agglomération du Choletais", a carrier of 2015
/// merged since).
fn speaks_for(text: &str, town: &Mention, epci: &Mention) -> bool {
    if town.kind != "commune" || epci.kind == "commune" {
        return false;
    }
    if epci.code.as_ref().is_some_and(|c| town.parents.contains(c)) {
        return true;
    }
    let name = format!(" {}", fold(&text[epci.range.clone()]));
    name.contains(&format!(" {}", fold(&text[town.range.clone()])))
}

/// A timeline of signatures on a page where a phrase already named one carrier ("Le 10 juin, le
/// contrat de ville de Soissons est signé. Le 12 juin, ce fut le tour de Laon, puis de Chauny le
/// 15 juin"): the timeline's other territories carry contracts too, when there are two or more
/// of them (one dated town beside a named contract is more likely a place), or when they are
/// intercommunalities and the carrier, only guessed by a fallback, is dated in the timeline
/// too.
fn more_of_a_timeline(doc: &Doc, out: &mut Candidates) {
    let titles = title_ranges(doc, out);
    let mentions = mentions(doc, out, &titles);
    let carriers: Vec<String> = out
        .territories
        .iter()
        .filter(|t| t.carries_contract)
        .flat_map(|t| [fold(without_abbreviation(&t.name))].into_iter().chain(t.code.clone()))
        .collect();
    let (known, new): (Vec<Territory>, Vec<Territory>) =
        timeline(doc, &mentions, &days(doc, out), release_dateline(out)).into_iter().partition(
            |t| {
                let key = fold(without_abbreviation(&t.name));
                let code = gazetteer::communes_named(&t.name).first().map(|c| c.insee.to_owned());
                carriers.contains(&key) || code.is_some_and(|c| carriers.contains(&c))
            },
        );
    // A carrier that a fallback guessed and that is dated in the timeline itself ("Douaisis
    // Agglo, le 25 juin … Cœur d'Ostrevent, le 28 juin") makes one more intercommunality of the
    // same shape a second contract.
    let guessed = out
        .territories
        .iter()
        .filter(|t| t.carries_contract)
        .all(|t| super::fallback_tier(&t.evidence.rule) > 0);
    let one_more = guessed && !known.is_empty() && new.iter().all(|t| t.kind != "commune");
    if new.len() >= 2 || (one_more && !new.is_empty()) {
        // The dated carriers too, as the timeline's: a fallback carrier would give way to it.
        out.territories.extend(known);
        out.territories.extend(new);
    }
}

/// How many lines after an upper-case first line may continue it as one title.
const TITLE_LINES: usize = 4;

/// The longest line a list item or a title runs to, in bytes; a longer line is prose, or a page
/// flattened to one line.
const LIST_LINE: usize = 300;

/// What ends the clause of a quartier named in a long line.
const CLAUSE_ENDS: &[char] = &['.', ';', ':', ',', '|', '\n'];

/// How many words a title of a page flattened to one line may have at most.
const FLAT_TITLE_WORDS: usize = 20;

/// Where a line break was lost in text flattened to one line: a word ending in a lower-case
/// letter, a digit or closing punctuation, then a capitalised word that only opens a sentence or
/// a page's chrome ([`OPENERS`]: "… est partenaire Avec la signature", "… 2015/2020 Le
/// contrat"), not after a linking word ("à La Rochelle", "de Le Havre").
static LOST_BREAK: LazyLock<Regex> = LazyLock::new(|| {
    let openers: Vec<String> = OPENERS.iter().map(|o| regex::escape(o)).collect();
    Regex::new(&format!(r"(?P<last>[\p{{L}}'-]*[\p{{Ll}}\d»)!?])[ \t]+(?:{})\b", openers.join("|")))
        .expect("valid regex")
});

/// The words a lost break cannot follow: a place name's article or linking word goes on.
const LINKING: [&str; 16] = [
    "à", "de", "du", "des", "d'", "et", "ou", "avec", "pour", "par", "en", "sur", "dans", "chez",
    "au", "aux",
];

/// The end of the title of a page flattened to one line, starting at `start`: the first lost
/// line break ([`LOST_BREAK`]) or sentence end, within [`FLAT_TITLE_WORDS`] words.
fn flat_title_end(text: &str, start: usize) -> usize {
    // The end of the FLAT_TITLE_WORDS-th word (runs of spaces between words counted in).
    let mut words_end = start;
    let mut words = 0;
    for piece in text[start..].split_inclusive(char::is_whitespace) {
        if words == FLAT_TITLE_WORDS {
            break;
        }
        words += usize::from(!piece.trim().is_empty());
        words_end += piece.len();
    }
    let words_end = text[..words_end].trim_end().len().max(start);
    let head = &text[start..words_end];
    let lost = LOST_BREAK.captures_iter(head).find_map(|c| {
        let last = c.name("last")?;
        (!LINKING.contains(&last.as_str().to_lowercase().as_str())).then(|| last.end())
    });
    let sentence = sentences(head).first().map(|s| s.end).filter(|e| *e < head.len());
    start + lost.into_iter().chain(sentence).min().unwrap_or(head.len())
}

/// The non-blank lines of `text` ([`crate::rules::line_ranges`]), a first line longer than
/// [`LIST_LINE`] (a page flattened to one line) cut after its title ([`flat_title_end`]); an
/// upper-case first line stays whole (a title, or upper-case prose that names its territories in
/// capitals).
fn title_lines(text: &str) -> Vec<Range<usize>> {
    let mut lines = crate::rules::line_ranges(text);
    if let Some(first) = lines.first_mut()
        && first.len() > LIST_LINE
        && text[first.clone()].chars().any(char::is_lowercase)
    {
        first.end = flat_title_end(text, first.start);
    }
    lines
}

/// The first line's range, and the title's when the text rule found one. An upper-case first
/// line goes on over the upper-case lines right under it: a cover page's title broken over
/// lines ("CONTRAT DE VILLE" / "DE LA COMMUNAUTÉ D'AGGLOMÉRATION" / "DU GRAND GUÉRET" /
/// "2015-2020"), stopped by a blank line or a line with lower-case letters.
fn title_ranges(doc: &Doc, out: &Candidates) -> Vec<[usize; 2]> {
    let text = doc.text();
    let mut spans: Vec<[usize; 2]> = out.titles.iter().map(|t| t.evidence.span).collect();
    let lines = title_lines(text);
    if let Some(first) = lines.first() {
        let upper = |s: &str| !s.chars().any(char::is_lowercase);
        let mut end = first.end;
        if upper(&text[first.clone()]) {
            for line in lines.iter().skip(1).take(TITLE_LINES) {
                let one_break = text[end..line.start].matches('\n').count() == 1;
                if !one_break || !upper(&text[line.clone()]) || line.len() > 80 {
                    break;
                }
                end = line.end;
            }
        }
        spans.push(doc.evidence(first.start..end, ID).span);
    }
    spans
}

/// The parts of the upper-case lines of the titles, cut at dashes, bars, colons and slashes
/// (normalised-text ranges).
fn upper_title_parts(doc: &Doc, titles: &[[usize; 2]]) -> Vec<Range<usize>> {
    static PART: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"[^\n–—|:/•·]+").expect("valid regex"));
    let text = doc.text();
    let mut out = Vec::new();
    for line in title_lines(text) {
        let s = &text[line.clone()];
        if !within(doc.evidence(line.clone(), ID).span, titles) || s.chars().any(char::is_lowercase)
        {
            continue;
        }
        for m in PART.find_iter(s) {
            let part = m.as_str();
            let start = line.start + m.start() + (part.len() - part.trim_start().len());
            let end = line.start + m.start() + part.trim_end().len();
            if start < end {
                out.push(start..end);
            }
        }
    }
    out
}

/// The intercommunality an upper-case title part names: the whole part ("MONTLUÇON
/// COMMUNAUTÉ"), else its longest run of two words or more that names exactly one
/// ("LA COMMUNAUTE D'AGGLOMERATION DU GRAND GUERET S'ENGAGE" → its "COMMUNAUTE
/// D'AGGLOMERATION DU GRAND GUERET"), the leftmost of equal length, without an article the
/// official name lacks.
fn upper_epci_in(
    text: &str,
    part: Range<usize>,
) -> Option<(Range<usize>, &'static gazetteer::Epci)> {
    if let [one] = gazetteer::epci_named(&text[part.clone()]).as_slice() {
        return Some((part, one));
    }
    static WORD: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\S+").expect("valid regex"));
    let words: Vec<Range<usize>> = WORD
        .find_iter(&text[part.clone()])
        .map(|m| part.start + m.start()..part.start + m.end())
        .collect();
    for len in (2..words.len().min(UPPER_NAME_WORDS + 1)).rev() {
        for run in words.windows(len) {
            let range = run[0].start..run[len - 1].end;
            if let [one] = gazetteer::epci_named(&text[range.clone()]).as_slice() {
                // An article is the name's only when the official name has it ("Le Havre
                // Seine Métropole"; not "la communauté d'agglomération du Grand Guéret").
                let article = matches!(
                    fold_keep_article(&text[run[0].clone()]).as_str(),
                    "la" | "le" | "les"
                );
                let own = fold_keep_article(one.name)
                    .contains(&fold_keep_article(&text[run[0].start..run[1].end]));
                let start = if article && !own { run[1].start } else { range.start };
                return Some((start..range.end, one));
            }
        }
    }
    None
}

/// The most words an intercommunality's name takes in an upper-case title.
const UPPER_NAME_WORDS: usize = 8;

/// True when the clean `span` lies inside one of `ranges`.
fn within(span: [usize; 2], ranges: &[[usize; 2]]) -> bool {
    ranges.iter().any(|t| t[0] <= span[0] && span[1] <= t[1])
}

/// True when the dates family found the day of a signature ("Date de signature : 3 juillet
/// 2015", "signé le 12 mars"): a page that names a contract once then reports it.
fn dated_signature(out: &Candidates) -> bool {
    out.dates.iter().any(|d| d.role == DateRole::Signature && d.precision == Precision::Day)
}

/// True when the document reports one contract: the singular contract at least twice, once in
/// its title, once in a sentence that reports its signature ("le maire a signé le contrat de
/// ville"; not "le contrat de ville sera signé"), or once in a page that dates a signature
/// (`dated`: a fact sheet's "Contrat de ville 2015-2020" over "Date de signature : ..."), or
/// once in a page that tells a signature done in another sentence ("… le nouveau contrat de
/// ville. … Le préfet et le maire ont paraphé le document.").
fn reports_one_contract(doc: &Doc, titles: &[[usize; 2]], dated: bool) -> bool {
    let text = doc.text();
    let sentences = sentences(text);
    let told = |s: &Range<usize>, re: &Regex| {
        let sentence = &text[s.clone()];
        re.is_match(sentence) && !NOT_YET.is_match(sentence)
    };
    let signed = |at: usize| {
        sentences.iter().find(|s| s.start <= at && at < s.end).is_some_and(|s| told(s, &SIGNED))
    };
    let dated = dated || sentences.iter().any(|s| told(s, &SIGNED_DONE));
    let mut count = 0;
    for caps in ONE_CONTRACT.captures_iter(doc.text()) {
        let Some(m) = caps.get(0) else { continue };

        if let Some(generic) = caps.name("generic") {
            // "venue signer un contrat de ville": the signing of one contract is a report.
            let before =
                &doc.text()[doc.text().floor_char_boundary(generic.start().saturating_sub(24))
                    ..generic.start()];
            if generic.as_str().eq_ignore_ascii_case("un") && SIGN_BEFORE.is_match(before) {
                return true;
            }
            continue;
        }
        // A definition of the contract or the name of its generation reports none.
        let before = &text[text.floor_char_boundary(m.start().saturating_sub(40))..m.start()];
        if DEFINED.is_match(&text[m.start()..]) || NAMED_OR_ASKED.is_match(before) {
            continue;
        }
        let span = doc.evidence(m.range(), ID).span;
        if within(span, titles) || signed(m.start()) {
            return true;
        }
        count += 1;
    }
    count >= 2 || (count == 1 && dated)
}

/// The best-ranked territory of a document that reports one contract.
fn ranked(
    doc: &Doc,
    titles: &[[usize; 2]],
    mentions: &[Mention],
    dated: bool,
) -> Option<Territory> {
    if !reports_one_contract(doc, titles, dated) {
        return None;
    }
    let text = doc.text();
    let about_contract: Vec<Range<usize>> =
        sentences(text).into_iter().filter(|s| ONE_CONTRACT.is_match(&text[s.clone()])).collect();
    let distinct = mentions.iter().map(|m| m.key.as_str()).collect::<BTreeSet<_>>().len();
    let mut best: Option<(i32, usize)> = None;
    let mut near_epcis: Vec<usize> = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    for (i, m) in mentions.iter().enumerate() {
        if keys.contains(&m.key.as_str()) {
            continue;
        }
        keys.push(&m.key);
        let same: Vec<&Mention> = mentions.iter().filter(|o| o.key == m.key).collect();
        let in_title = same.iter().any(|o| within(doc.evidence(o.range.clone(), ID).span, titles));
        // A commune named once, outside the title, is only a place, unless the page names no
        // other territory; an intercommunality is the carrier the law designates, and may be
        // named once.
        if same.len() < 2 && !in_title && m.kind == "commune" && distinct > 1 {
            continue;
        }
        // Named in a sentence about the contract, and not only counted there among its
        // partners ("avec les partenaires, parmi lesquels l'agglomération de X", which worked
        // on the contract without carrying it).
        let near_contract = same.iter().any(|o| {
            about_contract.iter().any(|s| {
                s.start <= o.range.start
                    && o.range.end <= s.end
                    && !PARTNER_BEFORE.is_match(&text[s.start..o.range.start])
            })
        });
        let signer = same.iter().any(|o| {
            let before =
                &text[text.floor_char_boundary(o.range.start.saturating_sub(40))..o.range.start];
            HEAD_OF.is_match(before)
        });
        let mut score = same.len().min(5) as i32;
        score += if signer { 2 } else { 0 };
        score += if in_title { 3 } else { 0 };
        score += if near_contract { 2 } else { 0 };
        score += if m.kind == "commune" { 0 } else { 1 };
        score += if m.code.as_deref().is_some_and(carried_in_2015) { 1 } else { 0 };
        if best.is_none_or(|(b, _)| score > b) {
            best = Some((score, i));
        }
        // An intercommunality whose head the page names ("la présidente de Laval
        // Agglomération") is, like one named beside the contract, a party to it.
        if (near_contract || signer) && m.kind != "commune" {
            near_epcis.push(i);
        }
    }
    let (_, i) = best?;
    let i = of_the_same_name(text, mentions, i, &near_epcis).unwrap_or(i);
    let m = &mentions[i];
    let mut t = territory(doc, m.range.clone(), Some(m.kind), true, ID);
    if m.kind != "commune" && t.kind == "EPCI" {
        t.kind = m.kind.to_owned();
    }
    if let Some(epci) = of_bare_kind(text, mentions, m) {
        t.name = short_epci_name(epci.name).to_owned();
        t.code = Some(epci.siren.to_owned());
    }
    Some(t)
}

/// The intercommunality a capitalised kind alone stands for ("la Métropole", "l'Agglomération",
/// `mentions[best]`): the one of that kind that the communes the page names belong to, when one
/// holds more of their mentions than any other (a page of "la Métropole" that names Montpellier
/// three times is Montpellier Méditerranée Métropole's). Not "l'Eurométropole", which is how the
/// Strasbourg pages write their carrier's own name.
fn of_bare_kind(
    text: &str,
    mentions: &[Mention],
    best: &Mention,
) -> Option<&'static gazetteer::Epci> {
    if best.tier != 3 || fold(&text[best.range.clone()]) == "eurometropole" {
        return None;
    }
    let mut votes: Vec<(&'static gazetteer::Epci, usize)> = Vec::new();
    for m in mentions.iter().filter(|m| m.kind == "commune") {
        for epci in m.parents.iter().filter_map(|siren| gazetteer::epci(siren)) {
            if epci.record_kind() != best.kind {
                continue;
            }
            match votes.iter_mut().find(|(e, _)| e.siren == epci.siren) {
                Some((_, n)) => *n += 1,
                None => votes.push((epci, 1)),
            }
        }
    }
    votes.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
    match votes[..] {
        [(epci, _)] => Some(epci),
        [(epci, a), (_, b), ..] if a > b => Some(epci),
        _ => None,
    }
}

/// A gazetteer intercommunality's name without the abbreviated kind that opens it ("CA du
/// Bassin d'Aurillac" → "Bassin d'Aurillac"); names that hold their kind in words stay
/// ("Montpellier Méditerranée Métropole").
fn short_epci_name(name: &str) -> &str {
    static ABBREVIATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:CA|CC|CU)\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d')?")
            .expect("valid regex")
    });
    ABBREVIATED.find(name).map_or(name, |m| &name[m.end()..])
}

/// The intercommunality named after the best-ranked commune, `mentions[best]`, when the page
/// names it in a sentence about the contract or names its head ("Brest" and "Brest métropole",
/// "Laval" and "Laval Agglomération"): a town's page names its town more often, but the
/// intercommunality of the same name among the contract's words is the carrier the law
/// designates.
fn of_the_same_name(
    text: &str,
    mentions: &[Mention],
    best: usize,
    near: &[usize],
) -> Option<usize> {
    let commune = mentions.get(best).filter(|m| m.kind == "commune")?;
    let town = fold(&text[commune.range.clone()]);
    near.iter().copied().find(|&i| {
        let name = fold(&text[mentions[i].range.clone()]);
        name.split(' ')
            .collect::<Vec<_>>()
            .windows(town.split(' ').count())
            .any(|w| w.join(" ") == town)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    /// A flattened page whose words are parted by runs of spaces (a fuzzing find: the title's
    /// end was counted without them and fell inside an "ô").
    #[test]
    fn flat_title_end_counts_runs_of_spaces() {
        let words = "Le  contrat  de  ville  de  la  Drôme  est  signé";
        let text =
            format!("{words}     Le préfet  et  le  maire ont signé. {}", "Suite ".repeat(30));
        let end = flat_title_end(&text, 0);
        assert!(text.is_char_boundary(end));
        assert_eq!(&text[..end], words);
        let spread = format!("{}fin", "é  ".repeat(40));
        let end = flat_title_end(&spread, 0);
        assert!(spread.is_char_boundary(end));
        assert_eq!(spread[..end].split_whitespace().count(), FLAT_TITLE_WORDS);
    }

    #[test]
    fn case_folding() {
        assert_eq!(case_folded("Vallée de l’OISE, ſ Œ").as_deref(), Some("vallée de l’oise, s œ"));
        assert_eq!(case_folded("\u{212a}elvin"), None);
        assert_eq!(case_folded("İstanbul"), None);
        assert_eq!(case_folded("Ωmega"), None);
        assert_eq!(case_folded("2 € « » – 😀").as_deref(), Some("2 € « » – 😀"));
    }

    #[test]
    fn a_2015_carrier_merged_since_is_found_by_its_initialism() {
        // The CA de Mantes en Yvelines (2015) is no intercommunality of today.
        let found = initialism_2015("CA de Mantes en Yvelines", "247800014").expect("initialism");
        assert!(found.pattern.is_match("le territoire de la CAMY, ses quartiers"));
        assert!(!found.pattern.is_match("Camy"));
        assert!(!found.pattern.is_match("CAMYS"));
        let text = "Pour la CAMY : Paul Roche, président. Le contrat de ville a été signé.";
        assert!(carriers_2015_in(text).iter().any(|c| c.code == "247800014"));
        // A commune's code, an intercommunality of today, or fewer than four letters: none.
        assert!(initialism_2015("Mantes-la-Jolie", "78361").is_none());
        assert!(initialism_2015("CA de Lens-Liévin", "200033579").is_none());
        assert!(initialism_2015("CC de Millau", "241200000").is_none());
    }

    /// Every 2015 carrier named in a text (as written, in capitals, in lower case, with a long
    /// "ſ", glued to a curly apostrophe) is one the prefilter keeps, and so is every other
    /// carrier whose pattern matches there.
    #[test]
    fn carriers_2015_prefilter_keeps_every_match() {
        let cores: Vec<String> = data::rows("gazetteer/contrats_2015.tsv")
            .iter()
            .filter_map(|r| core_name(r.get(1)?))
            .collect();
        let mut found = 0;
        for core in &cores {
            let upper = core.to_uppercase();
            for form in [core.clone(), upper.replace('S', "ſ"), upper, core.to_lowercase()] {
                let text = format!("Le contrat de ville d’{form} est signé ce matin.");
                let kept = carriers_2015_in(&text);
                let matching: Vec<&Carrier2015> =
                    CARRIERS_2015.iter().filter(|c| c.pattern.is_match(&text)).collect();
                found += usize::from(!matching.is_empty());
                for c in matching {
                    assert!(kept.iter().any(|k| std::ptr::eq(*k, c)), "{} in {text}", c.code);
                }
            }
        }
        assert!(found > 4 * 300, "{found}");
    }

    /// The fallback carriers of `text` (no other rule run).
    #[track_caller]
    fn carriers(text: &str) -> Vec<String> {
        let out = testing::run(&[], text, Format::Text, Some(resolve));
        out.territories.into_iter().filter(|t| t.carries_contract).map(|t| t.name).collect()
    }

    /// The fallback carriers of `text`, the dates family run before.
    #[track_caller]
    fn carriers_dated(text: &str) -> Vec<String> {
        fn both(doc: &Doc, out: &mut Candidates) {
            crate::rules::dates::resolve(doc, out);
            resolve(doc, out);
        }
        let out = testing::run(crate::rules::dates::RULES, text, Format::Text, Some(both));
        out.territories.into_iter().filter(|t| t.carries_contract).map(|t| t.name).collect()
    }

    #[test]
    fn a_2015_carrier_inside_a_longer_hyphenated_name_is_not_named() {
        assert!(inside_compound("à Cherbourg-en-Cotentin, le", 3..12));
        assert!(inside_compound("à Saint-Étienne, le", 9..17));
        assert!(!inside_compound("à Cherbourg, le", 3..12));
        assert!(!inside_compound("Cherbourg - Octeville", 0..9));
    }

    #[test]
    fn an_upper_case_page_keeps_a_capitalised_kind_word_of_the_name() {
        let folded = |text: &str| carriers(text).iter().map(|c| fold(c)).collect::<Vec<_>>();
        let text = "Contrat de ville\n\nLE PRÉSIDENT DE L'AGGLOMÉRATION DU CHOLETAIS A SIGNÉ LE \
                    CONTRAT DE VILLE CE MATIN AVEC LE PRÉFET.\n\nLe contrat de ville couvre deux \
                    quartiers.";
        assert_eq!(folded(text), ["agglomeration du choletais"]);
        // The kind of a "communauté d'agglomération" is no word of the name.
        let text = "Contrat de ville\n\nLE PRÉSIDENT DE LA COMMUNAUTÉ D'AGGLOMÉRATION DE SÉNART \
                    A SIGNÉ LE CONTRAT DE VILLE CE MATIN AVEC LE PRÉFET.\n\nLe contrat de ville \
                    couvre deux quartiers.";
        assert_eq!(folded(text), ["senart"]);
    }

    #[test]
    fn a_town_named_throughout_a_contract_page_carries_it() {
        let text = "Le contrat de ville 2015-2020\n\nAvec la signature du contrat de ville, \
                    Montauban engage ses partenaires. Montauban compte deux quartiers.";
        assert_eq!(carriers(text), ["Montauban"]);
    }

    #[test]
    fn the_territory_whose_head_signs_outranks_a_place() {
        let text = "Le contrat de ville\n\nLe contrat de ville est signé à Montauban, salle de \
                    Montauban, par le maire de Quimperlé. Quimperlé compte un quartier.";
        assert_eq!(carriers(text), ["Quimperlé"]);
    }

    #[test]
    fn a_kind_alone_is_the_intercommunality_of_that_kind_the_page_s_towns_belong_to() {
        let text = "Politique de la ville\n\nLa Métropole pilote le contrat de ville 2015-2020. \
                    Le contrat de ville a été signé à l'hôtel de la Métropole. Les quartiers sont \
                    à Montpellier. Montpellier compte dix quartiers.";
        assert_eq!(carriers(text), ["Montpellier Méditerranée Métropole"]);
        let text = "Le contrat de ville\n\nL'Agglomération a signé le contrat de ville. \
                    L'Agglomération compte deux quartiers à Aurillac. Aurillac en est la \
                    ville-centre.";
        assert_eq!(carriers(text), ["Bassin d'Aurillac"]);
        // No town named, or the kind of none of their intercommunalities: the kind stays.
        let text = "Politique de la ville\n\nLa Métropole pilote le contrat de ville 2015-2020. \
                    Le contrat de ville a été signé à l'hôtel de la Métropole.";
        assert_eq!(carriers(text), ["Métropole"]);
        let text = "Politique de la ville\n\nLa Métropole pilote le contrat de ville 2015-2020. \
                    Le contrat de ville a été signé à l'hôtel de la Métropole. Aurillac suit.";
        assert_eq!(carriers(text), ["Métropole"]);
    }

    #[test]
    fn an_intercommunality_outranks_its_town() {
        let text = "Contrat de ville\n\nLe contrat de ville de notre territoire est porté par \
                    Lorient Agglomération. Lorient et Lanester y comptent des quartiers. \
                    Lorient Agglomération anime le contrat.";
        assert_eq!(carriers(text), ["Lorient Agglomération"]);
    }

    #[test]
    fn the_signing_of_one_contract_is_a_report() {
        let text = "Actualités\n\nLa ministre est venue à Montauban pour y signer un contrat de \
                    ville. Montauban attendait ce moment.";
        assert_eq!(carriers(text), ["Montauban"]);
        let text = "Actualités\n\nChaque intercommunalité doit élaborer un contrat de ville. \
                    Montauban attendait ce moment à Montauban.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn one_sentence_reporting_the_signature_is_a_report() {
        let text = "Actualités\n\nLe maire de Quimperlé a signé le contrat de ville le 3 mai \
                    avec le préfet.";
        assert_eq!(carriers(text), ["Quimperlé"]);
        let text = "Actualités\n\nLe contrat de ville a été signé hier à Quimperlé.";
        assert_eq!(carriers(text), ["Quimperlé"]);
        let text = "Actualités\n\nLe contrat de ville sera signé à Quimperlé en juin.";
        assert!(carriers(text).is_empty(), "not yet signed");
        let text = "Actualités\n\nLe contrat de ville fixe les priorités à Quimperlé.";
        assert!(carriers(text).is_empty(), "no signature reported");
    }

    #[test]
    fn one_contract_and_a_signature_told_elsewhere_is_a_report() {
        let text = "Actualités\n\nQuimperlé entre dans son nouveau contrat de ville. Mercredi, \
                    le maire et le préfet ont paraphé le document à Quimperlé.";
        assert_eq!(carriers(text), ["Quimperlé"]);
        let text = "Actualités\n\nQuimperlé entre dans son nouveau contrat de ville. Le maire \
                    et le préfet signeront le document à Quimperlé.";
        assert!(carriers(text).is_empty(), "a signature to come");
        let text = "Actualités\n\nQuimperlé entre dans son nouveau contrat de ville. Le maire \
                    présente le document à Quimperlé.";
        assert!(carriers(text).is_empty(), "no signature told");
        let text = "Actualités\n\nLes élus de Quimperlé ont adopté un plan. Ce plan n'est pas \
                    un contrat de ville.";
        assert!(carriers(text).is_empty(), "another text adopted");
    }

    #[test]
    fn a_signature_told_with_an_adverb_or_a_mark_is_a_report() {
        for told in [
            "Ont ensuite mis leur paraphe au bas du contrat de ville le maire et le préfet, à \
             Quimperlé.",
            "Le maire a également signé le contrat de ville, à Quimperlé.",
            "Le contrat de ville a été tour à tour paraphé à Quimperlé.",
            "À Quimperlé, le préfet a apposé sa signature sur le contrat de ville.",
            "Le maire et le préfet paraphent le contrat de ville à Quimperlé.",
        ] {
            assert_eq!(carriers(&format!("Actualités\n\n{told}")), ["Quimperlé"], "{told}");
        }
        for not_told in [
            "Le maire mettra son paraphe au bas du contrat de ville, à Quimperlé.",
            "Le contrat de ville a ensuite été présenté à Quimperlé.",
            "Le maire a mis le contrat de ville au cœur de sa campagne à Quimperlé.",
        ] {
            assert!(carriers(&format!("Actualités\n\n{not_told}")).is_empty(), "{not_told}");
        }
    }

    #[test]
    fn a_release_s_own_dateline_is_no_step_of_the_timeline_below_it() {
        fn both(doc: &Doc, out: &mut Candidates) {
            crate::rules::dates::resolve(doc, out);
            resolve(doc, out);
        }
        let rules: Vec<&dyn crate::rules::Rule> = crate::rules::dates::RULES
            .iter()
            .copied()
            .chain([&super::super::contract_of::ContractOf as &dyn crate::rules::Rule])
            .collect();
        let text = "Arras, le 10 juillet 2015\nDeux contrats de ville signés.\nÀ Marquise, le \
                    vendredi 3 juillet\nLa préfète a signé le contrat de ville de la communauté \
                    de communes de la Terre des Deux Caps.\nÀ Étaples, le jeudi 9 juillet\nLe \
                    sous-préfet a signé le contrat de ville de Mer et Terres d'Opale.\n";
        let out = testing::run(&rules, text, Format::Text, Some(both));
        let names: Vec<String> =
            out.territories.into_iter().filter(|t| t.carries_contract).map(|t| t.name).collect();
        assert_eq!(names, ["Terre des Deux Caps", "Mer et Terres d'Opale"]);
    }

    #[test]
    fn a_timeline_beside_a_named_contract_adds_its_territories() {
        let mut out = Candidates::default();
        let text = "Les contrats de ville du département\n\nLe 10 juin, le préfet a signé le \
                    contrat de ville de Soissons. Le 12 juin, ce fut le tour de Laon, puis de \
                    Chauny le 15 juin.";
        out.territories.push(Territory {
            name: "Soissons".into(),
            kind: "commune".into(),
            code: Some("02722".into()),
            carries_contract: true,
            evidence: crate::record::Evidence {
                span: [0, 0],
                text: String::new(),
                rule: "territories.contract_of".into(),
            },
        });
        let norm = crate::ingest::normalise::normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        more_of_a_timeline(&doc, &mut out);
        let names: Vec<&str> = out.territories.iter().map(|t| t.name.as_str()).collect();
        assert_eq!(names, ["Soissons", "Laon", "Chauny"]);
        // A town chained to a dated one ("puis d'X") follows it in the timeline.
        for text in [
            "Les contrats de ville du département\n\nLe 10 juin, le préfet a signé le contrat \
             de ville de Soissons. Le 12 juin, ce fut le tour de Laon, puis d'Hirson, et pour \
             finir de Chauny le 15 juin.",
            "Les contrats de ville du département\n\nLe 10 juin, le préfet a signé le contrat \
             de ville de Soissons. Le 12 juin, au tour de la ville de Laon, et enfin de la ville \
             d'Hirson.",
        ] {
            let norm = crate::ingest::normalise::normalise(text);
            let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
            out.territories.truncate(1);
            more_of_a_timeline(&doc, &mut out);
            let names: Vec<&str> = out.territories.iter().map(|t| t.name.as_str()).collect();
            assert!(names.contains(&"Hirson"), "{text}: {names:?}");
        }
        // Not a town named after an undated one, nor a place joined by another word.
        let text = "Les contrats de ville du département\n\nLe 10 juin, le préfet a signé le \
                    contrat de ville de Soissons. Le 12 juin, ce fut le tour de Laon, près \
                    d'Hirson ; puis de Chauny le 15 juin.";
        let norm = crate::ingest::normalise::normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        out.territories.truncate(1);
        more_of_a_timeline(&doc, &mut out);
        let names: Vec<&str> = out.territories.iter().map(|t| t.name.as_str()).collect();
        assert!(!names.contains(&"Hirson"), "{names:?}");
        // One dated town beside the named contract is only a place.
        let text = "Les contrats de ville du département\n\nLe contrat de ville de Soissons \
                    est signé. Une réunion s'est tenue à Laon le 12 juin.";
        let norm = crate::ingest::normalise::normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        out.territories.truncate(1);
        more_of_a_timeline(&doc, &mut out);
        assert_eq!(out.territories.len(), 1);
    }

    #[test]
    fn a_table_of_signatures_gives_one_contract_a_row() {
        // Tab-separated cells, a numeric day, a day and a month, a weekday abbreviated.
        let text = "Les trois contrats de ville du département\n\nTerritoire\tDate\tQuartiers\n\
                    CA de Saintes\t04/04/2024\tun quartier\n\
                    CA Rochefort Océan\t12 mars 2024\tdeux quartiers\n\
                    CdA de La Rochelle\tmar. 19.03.24\ttrois quartiers\n";
        let got = carriers_dated(text);
        for name in ["CA de Saintes", "CA Rochefort Océan", "CdA de La Rochelle"] {
            assert!(got.iter().any(|n| n == name), "{name}: {got:?}");
        }
        // Cells cut by "|", a month alone.
        let text = "Calendrier des contrats de ville\n\
                    | Grand Narbonne | 14 mars | signé |\n| Carcassonne Agglo | avril | signé |";
        assert_eq!(carriers_dated(text), ["Grand Narbonne", "Carcassonne Agglo"]);
        // A number in the next cell is no date; a date in prose after a name is no cell.
        let text = "Les contrats de ville du département\n\
                    CA de Saintes\t2 quartiers\nCA Rochefort Océan\t3 quartiers";
        assert!(carriers_dated(text).is_empty());
    }

    #[test]
    fn a_guessed_carrier_dated_in_a_timeline_brings_one_more_intercommunality() {
        let text = "Deux contrats de ville signés dans le département\n\nLorient \
                    Agglomération, le mardi 4 juin\nLe premier contrat a été signé.\n\
                    Quimperlé Communauté, le vendredi 7 juin\nLe second a suivi.";
        let carrier = |rule: &str| Territory {
            name: "Lorient Agglomération".into(),
            kind: "CA".into(),
            code: None,
            carries_contract: true,
            evidence: crate::record::Evidence {
                span: [0, 0],
                text: String::new(),
                rule: rule.into(),
            },
        };
        let norm = crate::ingest::normalise::normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        let run = |rule: &str| {
            let mut out = Candidates::default();
            out.territories.push(carrier(rule));
            more_of_a_timeline(&doc, &mut out);
            let names: Vec<String> = out.territories.iter().map(|t| t.name.clone()).collect();
            names
        };
        assert_eq!(
            run("territories.main_epci"),
            ["Lorient Agglomération", "Lorient Agglomération", "Quimperlé Communauté"]
        );
        // A carrier the text names itself keeps its one dated neighbour a place.
        assert_eq!(run("territories.contract_of"), ["Lorient Agglomération"]);
    }

    #[test]
    fn a_page_about_the_policy_in_general_gets_no_carrier() {
        let text = "La politique de la ville\n\nTous les six ans, l'État et les communes de \
                    Montauban et de Lorient bâtissent un contrat de ville. Montauban, Lorient.";
        assert!(carriers(text).is_empty());
        let text = "Les contrats de ville signés depuis 2015 à Montauban et à Lorient. \
                    Montauban et Lorient.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn a_page_that_dates_a_signature_reports_its_one_contract() {
        let text = "Fiche de territoire\nPolitique de la ville : contrat de ville 2015-2020\n\n\
                    Date de signature : 9 juin 2015\nDeux quartiers à Quimperlé. Quimperlé \
                    pilote l'ensemble.";
        assert_eq!(carriers_dated(text), ["Quimperlé"]);
        // Without a dated signature, one mention is no report.
        let text = "Fiche de territoire\nPolitique de la ville : contrat de ville 2015-2020\n\n\
                    Deux quartiers à Quimperlé. Quimperlé pilote l'ensemble.";
        assert!(carriers_dated(text).is_empty());
    }

    #[test]
    fn an_upper_case_title_names_its_intercommunality() {
        let text = "VICHY COMMUNAUTÉ – FICHE TERRITOIRE\nContrat de ville 2015-2020\n\n\
                    Le contrat de ville couvre Vichy, où Vichy compte trois quartiers, et \
                    Cusset.";
        assert_eq!(carriers(text), ["VICHY COMMUNAUTÉ"], "as written");
        // The name inside a longer title part, with its kind, without the accents.
        let text = "LA COMMUNAUTE D'AGGLOMERATION DU GRAND GUERET SIGNE

Le contrat de ville \
                    a été signé le 2 juillet 2015 avec l'Etat.";
        assert_eq!(carriers_dated(text), ["GRAND GUERET"]);
        let text = "CONTRAT DE VILLE : LE GRAND GUÉRET S'ENGAGE

Le contrat de ville a été \
                    signé le 2 juillet 2015 avec l'Etat.";
        assert_eq!(carriers_dated(text), ["GRAND GUÉRET"]);
        // A title naming no intercommunality gives none.
        let text = "LE GRAND SOIR DES QUARTIERS

Le contrat de ville a été signé le 2 juillet \
                    2015 avec l'Etat.";
        assert!(carriers_dated(text).is_empty());
        // Upper case outside the title is a table cell, not a title.
        let text = "Fiche\nContrat de ville 2015-2020\n\nVICHY COMMUNAUTÉ\nLe contrat de \
                    ville couvre Vichy, où Vichy compte trois quartiers.";
        assert_eq!(carriers(text), ["Vichy"]);
    }

    #[test]
    fn a_town_named_once_outside_the_title_does_not_carry() {
        let text = "Actualités\n\nLe contrat de ville est signé. Le contrat de ville couvre le \
                    centre. Photo : mairie de Montauban. Lire aussi : Lorient.";
        assert!(carriers(text).is_empty());
        let text = "Actualités\n\nLe contrat de ville est signé. Le contrat de ville couvre \
                    trois quartiers de Montauban.";
        assert_eq!(carriers(text), ["Montauban"], "the only town named");
    }

    #[test]
    fn an_upper_case_town_outside_the_title_is_a_table_cell() {
        let text = "Le contrat de ville\n\nLe contrat de ville de notre métropole.\n\
                    MONTAUBAN | Bourbaki |\nMONTAUBAN | Gloire |\n";
        assert!(carriers(text).is_empty());
        let text = "CONTRAT DE VILLE DE MONTAUBAN\n\nLe contrat de ville est signé.";
        assert_eq!(carriers(text), ["MONTAUBAN"]);
    }

    #[test]
    fn an_adopted_prolonged_or_signed_contract_is_reported() {
        let text = "Actualités\n\nLe conseil a adopté le contrat de ville. Montauban \
                    Agglomération en assure le pilotage.";
        assert_eq!(carriers(text), ["Montauban Agglomération"]);
        let text = "Actualités\n\nProlongé d'un an, le contrat de ville et ses signataires \
                    (État, Région, Montauban Agglomération) dressent le bilan.";
        assert_eq!(carriers(text), ["Montauban Agglomération"]);
        // The policy in general, a contract still to adopt.
        let text = "Actualités\n\nUn contrat de ville est adopté tous les six ans. Montauban \
                    Agglomération en parle.";
        assert!(carriers(text).is_empty());
        let text = "Actualités\n\nLe contrat de ville sera adopté en juin. Montauban \
                    Agglomération en parle.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn the_intercommunality_named_after_the_town_carries() {
        let text = "Ville de Montauban\n\nLes habitants de Montauban sont invités. Montauban \
                    compte trois quartiers. Le contrat de ville et ses signataires (État, \
                    Région, Ville de Montauban, Grand Montauban) font le bilan.";
        assert_eq!(carriers(text), ["Grand Montauban"]);
        // Another intercommunality, or one named outside the contract's sentences, does not.
        let text = "Ville de Montauban\n\nLes habitants de Montauban sont invités. Montauban \
                    compte trois quartiers. Le contrat de ville a été signé en mairie. Grand \
                    Montauban gère les transports.";
        assert_eq!(carriers(text), ["Montauban"]);
        // One whose head the page names, in any sentence.
        let text = "Ville de Montauban\n\nLes habitants de Montauban sont invités. Montauban \
                    compte trois quartiers. Le contrat de ville a été signé en mairie. Sur la \
                    photo, le président du Grand Montauban et le maire de Montauban.";
        assert_eq!(carriers(text), ["Grand Montauban"]);
    }

    #[test]
    fn an_intercommunality_counted_among_the_partners_does_not_take_its_town_s_contract() {
        let partner = "Quartiers : Montauban tient le cap\n\nLe maire de Montauban compte trois \
                       quartiers. Le travail a associé les partenaires, parmi lesquels le Grand \
                       Montauban, et fixé les enjeux du nouveau contrat de ville. Le contrat de \
                       ville a été signé en mairie.";
        assert_eq!(carriers(partner), ["Montauban"]);
        // Named beside the contract otherwise, it carries it.
        let party = "Quartiers : Montauban tient le cap\n\nLe maire de Montauban compte trois \
                     quartiers. Le travail du Grand Montauban a fixé les enjeux du nouveau \
                     contrat de ville. Le contrat de ville a été signé en mairie.";
        assert_eq!(carriers(party), ["Grand Montauban"]);
    }

    #[test]
    fn an_upper_case_title_broken_over_lines_is_one_title() {
        let text = "CONTRAT DE VILLE\nDE LA VILLE DE MONTAUBAN\n2015 - 2020\n\nLe présent \
                    contrat est conclu entre les partenaires.";
        assert_eq!(carriers(text), ["MONTAUBAN"]);
        let text = "CONTRAT DE VILLE 2024-2030\nMONTAUBAN\n\nPréambule";
        assert_eq!(carriers(text), ["MONTAUBAN"]);
        // A blank line or a line in lower case ends the title.
        let text = "CONTRAT DE VILLE\n\nMONTAUBAN\n\nPréambule";
        assert!(carriers(text).is_empty());
        let text = "CONTRAT DE VILLE\nLe document\nMONTAUBAN\n\nPréambule";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn upper_case_prose_and_titles_name_their_town() {
        let text = "Contrat de ville\n\nLE MAIRE DE MONTAUBAN ET LE PRÉFET ONT SIGNÉ LE \
                    CONTRAT DE VILLE CE MATIN EN MAIRIE.";
        assert_eq!(carriers(text), ["Montauban"]);
        let text = "CONTRAT DE VILLE : LA VILLE DE MONTAUBAN S'ENGAGE\n\nLe maire a signé le \
                    contrat de ville.";
        assert_eq!(carriers(text), ["MONTAUBAN"]);
        // A short upper-case line is a table cell or a heading.
        let text = "Le contrat de ville\n\nLe contrat de ville de notre métropole.\n\
                    MONTAUBAN SUD\nLe contrat de ville est signé.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn the_official_prefix_goes_a_capitalised_word_after_it_stays() {
        let text = "Le contrat de ville est signé par la Communauté d'agglomération Lorient \
                    Agglomération. Le contrat de ville de la Communauté de communes De Cèze \
                    Cévennes.";
        let t = "Deux contrats de ville : Communauté d'Agglomération Lorient Agglomération et \
                 Communauté de Communes De Cèze Cévennes.";
        assert_eq!(carriers(t), ["Lorient Agglomération", "De Cèze Cévennes"]);
        assert!(!carriers(text).is_empty());
    }

    #[test]
    fn the_communes_of_a_quartier_list_are_no_carriers() {
        let text = "Le contrat de ville\n\nLe contrat de ville couvre ces quartiers :\n                    - Bourbaki (Montauban)\n- Gloire (Montauban)\n- Arènes (Montauban)\n";
        let quartiers = ["Bourbaki", "Gloire", "Arènes"];
        let norm = crate::ingest::normalise::normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        let mut out = Candidates::default();
        for q in quartiers {
            let at = text.find(q).unwrap_or_default();
            out.quartiers.push(crate::record::Quartier {
                name: q.into(),
                communes: vec![],
                status: crate::record::QuartierStatus::Prioritaire,
                list: None,
                qpv_code: None,
                qpv_link: None,
                evidence: doc.evidence(at..at + q.len(), "quartiers.test"),
            });
        }
        resolve(&doc, &mut out);
        assert!(!out.territories.iter().any(|t| t.carries_contract), "{:?}", out.territories);
    }

    #[test]
    fn a_kind_and_a_demonym_name_an_intercommunality() {
        let text = "Le contrat de ville\n\nLes quartiers de la métropole bordelaise. Le contrat \
                    de ville de la métropole bordelaise couvre Bordeaux et Lormont.";
        assert_eq!(carriers(text), ["métropole bordelaise"]);
        let text = "Le contrat de ville\n\nLa métropole moderne signe le contrat de ville de \
                    Montauban. Montauban.";
        assert_eq!(carriers(text), ["Montauban"]);
        // A commune named with an article is no bare common word.
        let text = "Le contrat de ville 2015-2020\n\nLe contrat de ville de Montauban vise les \
                    habitants qui sont Touches par la crise.";
        assert_eq!(carriers(text), ["Montauban"]);
        // All in capitals, in an upper-case title.
        let text = "LES ÉLUS ENGAGÉS DANS LE CONTRAT DE VILLE DE L'AGGLOMÉRATION NANTAISE\n\nLe \
                    préfet a signé le contrat de ville avec les maires.";
        assert_eq!(carriers(text), ["AGGLOMÉRATION NANTAISE"]);
        let text = "CONTRAT DE VILLE DE LA MÉTROPOLE MODERNE À MONTAUBAN\n\nLe préfet a signé \
                    le contrat de ville.";
        assert_eq!(carriers(text), ["MONTAUBAN"]);
    }

    #[test]
    fn a_bare_capitalised_kind_names_the_only_intercommunality() {
        let text = "Le contrat de ville 2024-2030\n\nLa présidente de l'Eurométropole a réuni \
                    les partenaires du contrat de ville.";
        assert_eq!(carriers(text), ["Eurométropole"]);
        let text = "Contrat de ville\n\nL'Agglo signe le contrat de ville avec ses communes.";
        assert_eq!(carriers(text), ["Agglo"]);
    }

    #[test]
    fn a_kind_opening_a_name_or_beside_a_named_one_is_no_bare_kind() {
        let text = "Le contrat de ville\n\nLa présidente de la Métropole de Lyon signe le \
                    contrat de ville.";
        assert_ne!(carriers(text), ["Métropole"]);
        let text = "Le contrat de ville\n\nLe contrat de ville de Lorient Agglomération est \
                    signé ; la Métropole voisine observe.";
        assert_eq!(carriers(text), ["Lorient Agglomération"]);
        let text = "Le contrat de ville\n\nLe contrat de ville, dit la métropole, est signé.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn a_counted_series_gives_one_carrier_per_territory() {
        let text = "Le préfet a signé hier trois contrats de ville, avec Montauban, Lorient \
                    Agglomération et Quimperlé.";
        assert_eq!(carriers(text), ["Montauban", "Lorient Agglomération", "Quimperlé"]);
    }

    #[test]
    fn a_timeline_of_signatures_gives_one_carrier_per_dated_territory() {
        let text = "Les premiers contrats de ville sont signés : Montauban le 6 février, puis \
                    Quimperlé, le lundi 9 février, et le 13 février à Lorient Agglomération.";
        assert_eq!(carriers(text), ["Montauban", "Quimperlé", "Lorient Agglomération"]);
        // Intercommunalities named with their kind, and a verb between name and day.
        let text = "Trois contrats de ville signés. Douaisis Agglo a signé le 25 juin, puis le \
                    26 juin celui de la communauté d'agglomération du Boulonnais. Le 29 juin, ce \
                    fut le tour de la communauté urbaine d'Arras.";
        assert_eq!(carriers(text).len(), 3, "{:?}", carriers(text));
        // "c'est X qui a signé son contrat le …": the verb and its object between name and day.
        let text = "Les contrats de ville du département se signent. Après Montauban le 6 \
                    février, c'est Quimperlé qui a signé son contrat de ville le 9 février.";
        assert_eq!(carriers(text), ["Montauban", "Quimperlé"]);
        // Names listed before one day share it; a day told from the day before.
        let text = "Les contrats de ville de l'île\n\nMontauban et Quimperlé, le 8 juillet\n\
                    Les deux maires ont signé.\n\nLorient, le vendredi suivant\nLe maire a \
                    signé.";
        assert_eq!(carriers(text), ["Montauban", "Quimperlé", "Lorient"]);
        let text = "Les contrats de ville de l'île\n\nMontauban, Quimperlé et Lorient : 8 \
                    juillet\nLes trois maires ont signé.";
        assert_eq!(carriers(text), ["Montauban", "Quimperlé", "Lorient"]);
        // Names listed in a sentence without a day of their own.
        let text = "Les contrats de ville de l'île\n\nMontauban et Quimperlé ont des quartiers. \
                    Le 8 juillet, la ministre est venue.";
        assert!(carriers(text).is_empty(), "{:?}", carriers(text));
        // Rows of a list told with a participle or the noun, a month alone dating one.
        let text = "Les quatre contrats de ville du département\n\nMontauban - signé le 3 \
                    juillet en mairie.\nQuimperlé : paraphé en septembre.\nLorient Agglomération \
                    – signature le mercredi 8 juillet.";
        assert_eq!(carriers(text), ["Montauban", "Quimperlé", "Lorient Agglomération"]);
        let text = "Les contrats de ville du département\n\nMontauban - signalé en septembre.\n\
                    Quimperlé : une signature attendue.";
        assert!(carriers(text).is_empty(), "{:?}", carriers(text));
        // A town that signed another document is no carrier of a contract.
        let text = "Les contrats de ville du département se signent. Après Montauban le 6 \
                    février, c'est Quimperlé qui a signé son contrat de plan le 9 février.";
        assert!(carriers(text).len() < 2, "{:?}", carriers(text));
    }

    #[test]
    fn a_definition_of_the_contract_reports_none() {
        let text = "Qu'est-ce qu'un contrat de ville ?\n\nLe contrat de ville est l'outil de la \
                    politique de la ville. Une génération de contrats baptisée « Engagements \
                    Quartiers 2030 » leur succède. Lorient Agglomération et Montauban sont \
                    concernés.";
        assert!(carriers(text).is_empty(), "{:?}", carriers(text));
        // A title that names the contract reports it, a definition under it aside.
        let text = "Contrat de ville 2015-2020 : l'essentiel\nLe contrat de ville constitue le \
                    cadre de la politique de la ville. Montauban compte deux quartiers.";
        assert_eq!(carriers(text), ["Montauban"]);
    }

    #[test]
    fn a_calendar_table_dates_its_territories() {
        let text = "Les contrats de ville du département\nDate | Territoire | Quartiers\n3 \
                    juillet 2015 | Lorient Agglomération | Kervénanec\n10 juillet 2015 | \
                    Quimperlé | Kerjouanneau\n";
        assert_eq!(carriers_dated(text), ["Lorient Agglomération", "Quimperlé"]);
        // One dated row is no series.
        let text = "Les contrats de ville du département\nDate | Territoire\n3 juillet 2015 | \
                    Lorient Agglomération\n";
        assert!(carriers_dated(text).len() < 2);
    }

    #[test]
    fn a_town_speaks_for_its_intercommunality_in_a_timeline() {
        let text = "Le préfet a signé cette semaine deux contrats de ville. Le lundi 4 mars \
                    2024, il était à Cholet pour signer avec l'Agglomération du Choletais. Le \
                    mercredi 6 mars 2024, cap sur Saumur Val de Loire.";
        assert_eq!(carriers_dated(text), ["Agglomération du Choletais", "Saumur Val de Loire"]);
    }

    #[test]
    fn the_one_day_of_a_sentence_dates_its_territory() {
        let text = "Les premiers contrats de ville sont signés. La communauté d'agglomération \
                    de Lorient Agglomération a ouvert la série le 6 février 2015. Trois jours \
                    après, la ministre est venue apposer sa signature à Montauban. Vendredi 13, \
                    le préfet a fait le déplacement jusqu'à Quimperlé pour signer.";
        let found = carriers_dated(text);
        assert_eq!(found, ["Lorient Agglomération", "Montauban", "Quimperlé"]);
        // Two territories in the sentence: the day is no one's own.
        let text = "Les premiers contrats de ville sont signés. Le 6 février 2015, Montauban. \
                    Trois jours après, la ministre était à Quimperlé avec le maire de Lorient.";
        assert!(carriers_dated(text).is_empty());
        // The date of a text (a decree, a circular) dates no signature.
        let text = "Les contrats de ville sont signés. Le 6 février 2015, Montauban. Le décret \
                    du 28 août 2015 a créé Lorient Agglomération.";
        assert!(carriers_dated(text).is_empty());
    }

    #[test]
    fn a_dated_town_stands_for_the_intercommunality_named_after_it() {
        let text = "Les premiers contrats de ville sont signés. Le 6 février 2015, Montauban. \
                    Le 9 février, la ministre était à Lorient. Le contrat de Lorient \
                    Agglomération est le plus long.";
        assert_eq!(carriers_dated(text), ["Montauban", "Lorient Agglomération"]);
    }

    #[test]
    fn a_short_name_opening_an_intercommunalitys_stands_for_it() {
        // "Morvan" is no town; "Morvan Agglomération" is the page's intercommunality.
        let text = "Les premiers contrats de ville sont signés. Le 6 février 2015, Montauban. \
                    Le lendemain, la ministre était sur les terres du Morvan. Le contrat de \
                    Morvan Agglomération est le plus long.";
        assert_eq!(carriers_dated(text), ["Montauban", "Morvan Agglomération"]);
    }

    #[test]
    fn a_signing_told_at_a_place_that_opens_its_sentence_is_its_contract() {
        let text = "Trois contrats de ville sont en cours.\n\nÀ Montauban, le contrat a été signé \
                    le 6 février. À Quimperlé, la maire a ensuite paraphé le contrat avec le \
                    préfet. Lorient attend encore.";
        assert_eq!(carriers_dated(text), ["Montauban", "Quimperlé"]);
        // A place named in passing, or a signing of no contract, is none.
        let text = "Trois contrats de ville sont en cours.\n\nÀ Montauban, le contrat a été signé \
                    le 6 février. À Quimperlé, la maire a signé la convention. Lorient attend.";
        assert!(carriers_dated(text).is_empty());
    }

    #[test]
    fn one_dated_town_or_no_plural_is_no_timeline() {
        let text = "Les contrats de ville se signent : Montauban le 6 février. Lorient est \
                    prête.";
        assert!(carriers(text).is_empty());
        let text = "Le préfet était à Montauban le 6 février et à Quimperlé le 9 février.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn a_series_of_intercommunalities_with_the_towns_they_signed_in() {
        // One town too many for the count: the intercommunalities are the carriers.
        let text = "Le préfet a signé deux contrats de ville : celui du Pays Grand Combien, mardi \
                    à Montauban, puis celui de Lorient Agglomération, jeudi.";
        assert_eq!(carriers(text), ["Pays Grand Combien", "Lorient Agglomération"]);
        // Still too many: no series.
        let text = "Le préfet a signé deux contrats de ville : celui du Pays Grand Combien, \
                    celui de Lorient Agglomération et celui de Quimperlé Communauté.";
        assert_eq!(carriers(text), Vec::<String>::new());
    }

    #[test]
    fn contracts_still_to_come_are_no_series() {
        let text = "Deux contrats de ville sont en préparation, avec Montauban et Lorient \
                    Agglomération.";
        assert!(carriers(text).is_empty());
        let text = "Le préfet signera deux contrats de ville, avec Montauban et Quimperlé.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn a_count_that_disagrees_with_the_names_gives_no_series() {
        let text = "Le préfet signera huit contrats de ville avec les maires, dont celui de \
                    Montauban.";
        assert!(carriers(text).is_empty());
    }

    #[test]
    fn the_2015_carriers_name_merged_intercommunalities() {
        let text = "Deux contrats de ville ont été signés en 2015, par le Pays Grand Combien \
                    et par Montauban.";
        assert_eq!(carriers(text), ["Pays Grand Combien", "Montauban"]);
    }

    #[test]
    fn a_2015_carrier_abbreviated_in_the_table_is_read_spelt_out() {
        // The table writes "CC de l'Agglomération de St-Girons".
        assert!(names_a_2015_carrier("Agglomération de Saint-Girons"));
        assert!(!names_a_2015_carrier("Pays de Saint-Yrieix"));
    }

    #[test]
    fn a_2015_carrier_read_as_a_region_keeps_its_kind_word() {
        // The 2015 table knows the "CA de la Région de Compiègne".
        let text = "Contrat de ville\n\nLe contrat de ville est porté par l'Agglomération de la \
                    Région de Compiègne, qui a signé le contrat de ville.";
        assert_eq!(carriers(text), ["Agglomération de la Région de Compiègne"]);
        // Written with its kind word after "l'", a name is read as written, as the real gold
        // and the fixtures keep "Agglomération de la Région de Compiègne", "Agglomération du
        // Saint-Quentinois".
        let text = "Contrat de ville\n\nLe contrat de ville est porté par l'Agglomération du \
                    Pays Grand Combien, qui a signé le contrat de ville.";
        assert_eq!(carriers(text), ["Agglomération du Pays Grand Combien"]);
    }

    #[test]
    fn a_name_goes_on_over_a_listed_tail_of_non_places() {
        let text = "Contrat de ville\n\nLes élus de l'Agglomération Grand Morvan, Bois et \
                    Étangs ont adopté le contrat de ville. L'Agglomération Grand Morvan, Bois et \
                    Étangs le pilote.";
        assert_eq!(carriers(text), ["Grand Morvan, Bois et Étangs"]);
        // Towns after the comma are a list, not the name's tail.
        let text = "Contrat de ville\n\nLes élus de l'Agglomération Grand Morvan, Autun et \
                    Avallon ont adopté le contrat de ville. L'Agglomération Grand Morvan le \
                    pilote.";
        assert_eq!(carriers(text), ["Agglomération Grand Morvan"]);
    }

    /// `text` flattened to one line, as PDF text is: every line break a space.
    fn flattened(text: &str) -> String {
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn a_flattened_page_keeps_its_title_and_its_series() {
        let text = "Signature de trois contrats de ville : le département partenaire

Avec la                     signature, le 9 octobre, de trois contrats de ville, le département a fini                     la série, avec Lorient Agglomération, Quimperlé et Montauban. Les contrats                     de ville 2015-2020 couvrent aussi le quartier de Kervénanec à Lorient, où                     la rénovation urbaine a commencé, et celui de Bourbaki à Montauban. Les                     partenaires sont nombreux et engagés pour les habitants.";
        let expected = ["Lorient Agglomération", "Quimperlé", "Montauban"];
        assert_eq!(carriers(text), expected);
        assert_eq!(carriers(&flattened(text)), expected);
    }

    #[test]
    fn a_town_beside_a_quartier_in_a_long_line_is_only_there_a_place() {
        // The clause that places a quartier ("Bourbaki (Montauban)") is no evidence; the rest
        // of a long line is.
        let text = flattened(
            "Contrat de ville 2015-2020 : l'essentiel

Né de la loi de 2014, le contrat de              ville fixe le cadre. À Vierzon, douze quartiers en relèvent : Bourbaki (Montauban),              Gloire (Montauban), Arènes (Montauban). Le contrat de ville engage la ville de              Vierzon pour six ans, avec tous les partenaires de la politique de la ville.",
        );
        assert_eq!(carriers(&text), ["Vierzon"]);
    }

    #[test]
    fn a_flattened_title_ends_at_a_lost_line_break() {
        let text = "Le contrat de ville de Montauban est signé Avec la signature de ce jour,                     les partenaires s'engagent pour six ans dans les quartiers de la ville,                     avec des moyens nouveaux et une méthode partagée par tous les acteurs.";
        let end = flat_title_end(text, 0);
        assert_eq!(&text[..end], "Le contrat de ville de Montauban est signé");
        // A place name's article after a linking word is no break.
        let text = "Le contrat de ville signé à La Rochelle. La suite du texte.";
        assert_eq!(&text[..flat_title_end(text, 0)], "Le contrat de ville signé à La Rochelle.");
        // No break and no sentence end: at most twenty words.
        let text = "mot ".repeat(40);
        assert_eq!(text[..flat_title_end(&text, 0)].split_whitespace().count(), FLAT_TITLE_WORDS);
    }

    #[test]
    fn a_kind_word_makes_an_intercommunality_not_the_town_inside_it() {
        let text = "Contrat de ville

Les élus de l'Agglomération Grand Montauban ont adopté                     le contrat de ville. Les élus de l'Agglomération Grand Montauban le                     pilotent, avec la ville de Montauban.";
        assert_eq!(carriers(text), ["Agglomération Grand Montauban"]);
    }

    #[test]
    fn upper_case_prose_names_a_town_after_a_place_word() {
        let text = "Actualités\n\nLE PRÉFET EST VENU AU COURS DE LA JOURNÉE À MONTAUBAN SIGNER \
                    LE CONTRAT DE VILLE AVEC LE MAIRE DE MONTAUBAN.\n\nLe contrat de ville est signé.";
        // The ingest view restores the case of an upper-case sentence: the town reads "Montauban".
        assert_eq!(carriers(text), ["Montauban"]);
        // Common words that are also small towns' names are no town.
        let text = "Actualités\n\nLES CONTRATS SIGNÉS AU COURS DE LA JOURNÉE ONT ÉTÉ PRÉSENTÉS \
                    AUX HABITANTS.\n\nLe contrat de ville est signé.";
        assert!(carriers(text).is_empty(), "{:?}", carriers(text));
    }

    #[test]
    fn a_series_town_named_like_a_listed_intercommunality_is_that_one() {
        let text = "Le préfet a signé trois contrats de ville dans l'arrondissement de Lorient, \
                    avec Lorient Agglomération, Quimperlé Communauté et Montauban.";
        assert_eq!(carriers(text), ["Lorient Agglomération", "Quimperlé Communauté", "Montauban"]);
    }

    #[test]
    fn a_dated_town_stands_for_the_intercommunality_its_part_names() {
        let text = "Trois contrats de ville signés en Gironde\nPublié le 06/07/2015\nEn une \
                    semaine, trois territoires ont signé leur contrat de ville.\nLibourne, lundi \
                    29 juin\nLe sous-préfet a signé le contrat de la communauté d'agglomération du \
                    Libournais, avec son président.\nSainte-Foy-la-Grande, jeudi 2 juillet\nLe \
                    contrat de la communauté de communes du Pays Foyen a été signé en mairie.\n\
                    Blaye, vendredi 3 juillet\nLe maire a signé le contrat de sa ville, voisine \
                    de la communauté de communes du Pays Foyen.\n";
        assert_eq!(carriers(text), ["Libournais", "Pays Foyen", "Blaye"]);
    }

    #[test]
    fn core_names_of_2015_carriers() {
        assert_eq!(core_name("CC du Pays Grand Combien").as_deref(), Some("Pays Grand Combien"));
        assert_eq!(core_name("CC Val"), None);
    }
}
