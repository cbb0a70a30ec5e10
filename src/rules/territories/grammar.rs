//! The grammar the `territories` rules share: a territory's proper name, the kind prefixes of
//! official long names ("communauté d'agglomération de …"), the kind words inside short names
//! ("… Métropole", "… Agglomération"), and which names of a document are intercommunalities.
//! Vocabularies live in `rules/territories/`.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::data;
use crate::gazetteer;
use crate::names::fold;
use crate::rules::Doc;
use crate::rules::alternation;

/// A capitalised word, hyphen- or apostrophe-joined parts included ("Hérouville-Saint-Clair",
/// "Condé-sur-l'Escaut", "CALL").
pub(super) const CAP: &str = r"\p{Lu}[\p{L}\p{M}]*(?:['-]\p{L}[\p{L}\p{M}]*)*";
/// The small words between the capitalised words of a French place name.
const LINK: &str = r"(?:de|du|des|la|le|les|sur|sous|en|lès|lez|aux|au)";
/// The lower-case compass words inside a name, between two capitalised words ("Valence Romans
/// sud Rhône-Alpes", "Pays nord Bassin"); "est" is left out, it is far more often the verb.
const COMPASS: &str = r"(?:nord|sud|ouest)";
/// Spaces on one line.
const SP: &str = r"[ \t]+";
/// White space inside a name: spaces, or one line break (a name wrapped by a PDF conversion),
/// only before a small word: a capitalised word on the next line starts something else.
const WS: &str = r"(?:[ \t]+|[ \t]*\n[ \t]*)";

/// `(how, form, kind)` rows of `rules/territories/kinds.tsv`.
static KINDS: LazyLock<Vec<(String, String, String)>> = LazyLock::new(|| {
    data::rows("territories/kinds.tsv")
        .into_iter()
        .filter_map(|r| match r.as_slice() {
            // An abbreviation keeps its case: "CA" is one, "ca" is not.
            [how, form, kind] if how == "abbrev" => Some((how.clone(), form.clone(), kind.clone())),
            [how, form, kind] => Some((how.clone(), form.to_lowercase(), kind.clone())),
            _ => None,
        })
        .collect()
});

/// The abbreviated kinds of `rules/territories/kinds.tsv` ("CA", "CC", "CdA"…), as a regex
/// alternation matched in their case.
pub(super) static ABBREVIATIONS: LazyLock<String> = LazyLock::new(|| {
    alternation(KINDS.iter().filter(|(h, ..)| h == "abbrev").map(|(_, f, _)| f.as_str()))
});

/// A territory's proper name: capitalised words joined by the small words of place names or a
/// lower-case compass word, and the lower-case kind words that end short names ("Brest
/// métropole").
pub(super) static NAME: LazyLock<String> = LazyLock::new(|| {
    let words = alternation(KINDS.iter().filter(|(h, ..)| h == "word").map(|(_, f, _)| f.as_str()));
    format!(
        r"{CAP}(?:(?:{WS}{LINK})+{SP}{CAP}|{SP}{COMPASS}{SP}{CAP}|{SP}{CAP}|(?:{WS}{LINK})*{SP}[dl]'{CAP}|{SP}{words}\b)*"
    )
});

/// Capitalised words that only open a sentence, a question or a page's chrome ("Le", "Avec",
/// "Qu'est-ce", "Publié"): after a capitalised word they follow a line break lost when the page
/// was flattened to one line ("Rennes Métropole Le contrat…"), and end the name before them.
pub(super) const OPENERS: [&str; 41] = [
    "Le",
    "La",
    "Les",
    "L'",
    "Un",
    "Une",
    "Ce",
    "Cet",
    "Cette",
    "Ces",
    "Il",
    "Elle",
    "Ils",
    "Elles",
    "On",
    "Nous",
    "Avec",
    "Depuis",
    "Dans",
    "Au",
    "Aux",
    "À",
    "Pour",
    "Par",
    "Lors",
    "Après",
    "Avant",
    "Selon",
    "Chaque",
    "Mis",
    "Mise",
    "Publié",
    "Publiée",
    "Paru",
    "Parue",
    "Article",
    "Qu'est-ce",
    "Quels",
    "Quelles",
    "Comment",
    "Pourquoi",
];

/// `range` of `text`, a name, cut before the first word of [`OPENERS`] that follows a
/// capitalised word of it ("Rennes Métropole Le" → "Rennes Métropole"; "Pays de La Châtre"
/// stays: "La" follows a linking word; "Paris Ouest La Défense" stays, the gazetteer knowing it).
pub(super) fn before_opener(text: &str, range: Range<usize>) -> Range<usize> {
    let name = &text[range.clone()];
    // Upper case writes every word with a capital ("DÉPLACEMENT À LIMOUX"): no opener there.
    if !name.chars().any(char::is_lowercase) {
        return range;
    }
    let mut prev_capital = false;
    let mut at = 0;
    for word in name.split_inclusive(char::is_whitespace) {
        let bare = word.trim_end();
        if bare.is_empty() {
            at += word.len();
            continue;
        }
        let opener = OPENERS.iter().any(|o| {
            bare == *o || (o.ends_with('\'') && bare.starts_with(o) && bare.len() > o.len())
        });
        // "Paris Ouest La Défense": an intercommunality's name that holds an opener stays.
        if at > 0 && prev_capital && opener && gazetteer::epci_named(name).is_empty() {
            let end = range.start + name[..at].trim_end().len();
            return range.start..end;
        }
        prev_capital = bare.starts_with(char::is_uppercase);
        at += word.len();
    }
    range
}

/// [`NAME`] compiled once for the family, without capture groups, so the fast engines run over
/// the whole text.
pub(super) static NAMES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&NAME).expect("valid regex"));

/// The contract qualifiers of `rules/territories/qualifiers.txt`, a period or a quoted name,
/// between "contrat de ville" and its owner.
pub(super) static QUALIFIER: LazyLock<String> = LazyLock::new(|| {
    let words = data::lines("territories/qualifiers.txt");
    format!(
        r#"(?:{WS}(?:(?:19|20)\d\d[ \t]*[-–—][ \t]*(?:19|20)\d\d|«[^»\n]{{1,40}}»|"[^"\n]{{1,40}}"|(?i:{})\b))"#,
        alternation(words.iter().map(String::as_str))
    )
});

/// The official kind prefix of a long name, with its article and linking word: "la communauté
/// d'agglomération de ", "Communauté urbaine du ", "communauté de communes le " (an official
/// name that opens with its article: "le Cœur du Pithiverais").
pub(super) static PREFIX: LazyLock<String> = LazyLock::new(|| {
    let prefixes =
        alternation(KINDS.iter().filter(|(h, ..)| h == "prefix").map(|(_, f, _)| f.as_str()));
    format!(
        r"(?i:(?:la{WS}|l'|une?{WS})?(?P<prefix>{prefixes})(?:{WS}(?:de{WS}la|de{WS}l'|du|des|de)|{WS}d'|{WS}(?-i:le|la|les){WS})?[ \t]*)"
    )
});

/// `name` without an official "Communauté d'agglomération de" / "communauté de communes du" /
/// "Communauté urbaine de" that opens it, in any case and with or without accents ("COMMUNAUTE
/// URBAINE" of a page whose capitals lost them, "Communauté d'Agglomération" restored from
/// capitals): the short name a carrier goes by ("Rochefort Océan"). `None` when nothing opens
/// it, or when what remains is only a town's name (the "Communauté urbaine de Dunkerque" is no
/// "Dunkerque"). A capitalised word after the prefix stays ("Communauté de communes De Cèze
/// Cévennes" → "De Cèze Cévennes").
pub(super) fn without_kind_prefix(name: &str) -> Option<&str> {
    static PREFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?i:communaut[ée][ \t]+(?:d['’ ]?[ \t]*agglom[ée]ration|de[ \t]+communes|urbaine|d['’ ]?[ \t]*agglo))[ \t]+(?:de la[ \t]+|de l'|du[ \t]+|des[ \t]+|de[ \t]+|d')?",
        )
        .expect("valid regex")
    });
    // In capitals the linking word cannot be told from a capitalised name's first word: it goes.
    static UPPER_LINK: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:DE[ \t]+LA[ \t]+|DE[ \t]+L['’]|DU[ \t]+|DES[ \t]+|DE[ \t]+|D['’])")
            .expect("valid regex")
    });
    let mut end = PREFIX.find(name)?.end();
    if !name.chars().any(char::is_lowercase)
        && let Some(link) = UPPER_LINK.find(&name[end..])
    {
        end += link.end();
    }
    let rest = &name[end..];
    // A village that shares the name ("Val de Drôme", 900 inhabitants, in another département)
    // carries no contract: a quartier prioritaire needs a town.
    let town =
        gazetteer::communes_named(rest).iter().any(|c| c.population.is_none_or(|p| p >= 2000))
            && gazetteer::epci_named(rest).is_empty();
    // "communauté d'agglomération bergeracoise": a lower-case demonym is no name by itself.
    let adjective = rest.starts_with(char::is_lowercase);
    (!rest.trim().is_empty() && !town && !adjective).then_some(rest)
}

/// The linking words after "contrat de ville": "de la ", "de l'", "du ", "d'"...
pub(super) const OF: &str =
    r"(?:de[ \t\n]+la[ \t\n]+|de[ \t\n]+l'|du[ \t\n]+|des[ \t\n]+|de[ \t\n]+|d')";

/// The kind an intercommunality's common noun stands for, as a prefix ("communauté urbaine" →
/// `CU`) or as a kind word ("métropole").
pub(super) fn noun_kind(noun: &str) -> Option<&'static str> {
    prefix_kind(noun).or_else(|| word_kind(noun))
}

/// The kind a prefix stands for ("communauté urbaine" → `CU`).
pub(super) fn prefix_kind(prefix: &str) -> Option<&'static str> {
    let p = prefix.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    KINDS.iter().find(|(h, f, _)| h == "prefix" && *f == p).map(|(.., k)| kind_static(k))
}

/// The long form the text gives an acronym, "la communauté urbaine Grand Besançon Métropole
/// (GBM)" → "Grand Besançon Métropole" for "GBM", without its kind prefix; `None` when `name`
/// is no acronym or the text never spells it out.
pub(super) fn defined_acronym(text: &str, name: &str) -> Option<String> {
    if !is_acronym(name) {
        return None;
    }
    // Built once: a name followed by any parenthesised acronym; the right one is picked below.
    static DEFINED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?:{})?(?P<name>{})[ \t]*\((?P<acr>[^()\s]{{2,8}})\)",
            *PREFIX, *NAME
        ))
        .expect("valid regex")
    });
    let caps =
        DEFINED.captures_iter(text).find(|c| c.name("acr").is_some_and(|a| a.as_str() == name))?;
    let found = caps.name("name")?;
    // "la Communauté intercommunale du Nord de La Réunion (CINOR)": "Nord de La Réunion" is the
    // tail of a longer official name, not a name of its own; the acronym stays.
    static LINKED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)\b(?:du|de|des|d'|l')\s*$").expect("valid regex"));
    let tail = caps.name("prefix").is_none() && LINKED.is_match(&text[..found.start()]);
    let long = found.as_str().split_whitespace().collect::<Vec<_>>().join(" ");
    (long != name && !tail).then_some(long)
}

/// Whether `name` is written as an acronym ("MEL", "TPM", "CALL", "CdA"): one word of at most
/// eight characters with two capitals or more.
pub(super) fn is_acronym(name: &str) -> bool {
    !name.contains(char::is_whitespace)
        && name.chars().count() <= 8
        && name.chars().filter(|c| c.is_uppercase()).count() >= 2
}

/// The owner a match of `PREFIX? NAME` names, as a range of the matched haystack and a kind: the
/// name alone ("la communauté d'agglomération de Valenciennes Métropole" → "Valenciennes
/// Métropole", CA), or with its prefix when the name alone is a commune's ("la Communauté
/// urbaine de Dunkerque" → "Communauté urbaine de Dunkerque": "Dunkerque" is the town).
pub(super) fn owner(
    caps: &crate::rules::text::Captures,
) -> Option<(Range<usize>, Option<&'static str>)> {
    let name = caps.name("name")?;
    let prefix = caps.name("prefix");
    let kind = prefix.and_then(|p| prefix_kind(p.as_str())).or_else(|| word_kind(name.as_str()));
    let town =
        |n: &str| !gazetteer::communes_named(n).is_empty() && gazetteer::epci_named(n).is_empty();
    match prefix {
        Some(p) if kind != Some("commune") && town(name.as_str()) => {
            Some((p.start()..name.end(), kind))
        }
        _ => Some((name.range(), kind)),
    }
}

/// The kind an abbreviated kind opening `name` gives ("CA de Saintes", "CdA de La Rochelle",
/// "CC du Pays Foyen" → `CA`, `CA`, `CC`), when the gazetteer knows the place after it, as an
/// intercommunality's name or a commune's: "CA" alone, a "CC" before a word no place bears
/// ("le CA de l'Office", a board; "CU Urbanisme") are no territory. The abbreviations are the
/// `abbrev` rows of `rules/territories/kinds.tsv`, matched in their case.
pub(super) fn abbreviated_kind(name: &str) -> Option<&'static str> {
    let (first, rest) = name.split_once([' ', '\t', '\n'])?;
    let kind = abbreviation_kind(first)?;
    let place = without_link(rest.trim_start());
    let known = !place.is_empty()
        && place.starts_with(char::is_uppercase)
        && (!gazetteer::epci_named(name).is_empty()
            || !gazetteer::epci_named(place).is_empty()
            || !gazetteer::communes_named(place).is_empty());
    known.then_some(kind)
}

/// The kind an abbreviated kind stands for ("CdA" → `CA`): an `abbrev` row of
/// `rules/territories/kinds.tsv`, matched in its case.
fn abbreviation_kind(word: &str) -> Option<&'static str> {
    KINDS.iter().find(|(h, f, _)| h == "abbrev" && f == word).map(|(.., k)| kind_static(k))
}

/// A territory's `name` without an abbreviated kind before a capitalised name ("CC Mer et
/// Terres d'Opale" → "Mer et Terres d'Opale"), else `name`.
pub(super) fn without_abbreviation(name: &str) -> &str {
    let Some((first, rest)) = name.split_once([' ', '\t', '\n']) else { return name };
    let abbreviated = abbreviation_kind(first).is_some();
    let place = without_link(rest.trim_start());
    if abbreviated && place.starts_with(char::is_uppercase) { place } else { name }
}

/// The one intercommunality an abbreviated name stands for ("CA de Saintes": the communauté
/// d'agglomération the commune of Saintes belongs to; "CA Rochefort Océan": the one of that
/// name), if the gazetteer tells it.
pub(super) fn abbreviated_epci(name: &str) -> Option<&'static gazetteer::Epci> {
    let kind = abbreviated_kind(name)?;
    let rest = name.split_once([' ', '\t', '\n'])?.1.trim_start();
    let place = without_link(rest);
    let of_kind = |e: &&gazetteer::Epci| e.record_kind() == kind;
    // The official names write the kind "CA", "CC", "CU": "CdA de La Rochelle" is "CA de La
    // Rochelle".
    let official = format!("{kind} {rest}");
    for named in [name, &official, place].map(gazetteer::epci_named) {
        if let [one] = named.into_iter().filter(of_kind).collect::<Vec<_>>().as_slice() {
            return Some(one);
        }
    }
    // The intercommunality of that kind a commune of that name belongs to, when only one of
    // the communes so named belongs to one of that kind.
    let mut of_towns: Vec<&'static gazetteer::Epci> = gazetteer::communes_named(place)
        .iter()
        .flat_map(|town| gazetteer::epcis_of_commune(town.insee))
        .filter(of_kind)
        .collect();
    of_towns.dedup_by_key(|e| e.siren);
    match of_towns[..] {
        [one] => Some(one),
        _ => None,
    }
}

/// `name` without the linking word that opens it ("de La Rochelle" → "La Rochelle", "du Pays
/// Foyen" → "Pays Foyen", "d'Agen" → "Agen").
fn without_link(name: &str) -> &str {
    for link in ["de la ", "de l'", "du ", "des ", "de ", "d'", "d’"] {
        if let Some(rest) = name.strip_prefix(link) {
            return rest.trim_start();
        }
    }
    name
}

/// The demonyms of `rules/territories/demonyms.tsv`: `(demonym, INSEE code of its town)`.
static DEMONYMS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    data::rows("territories/demonyms.tsv")
        .into_iter()
        .filter_map(|r| match r.as_slice() {
            [demonym, insee, _] => Some((demonym.clone(), insee.clone())),
            _ => None,
        })
        .collect()
});

/// The feminine endings of demonyms the list lacks ("la métropole lilloise", "l'agglomération
/// creilloise"); an intercommunality's kind is a feminine noun.
const DEMONYM_ENDINGS: [&str; 10] =
    ["aise", "oise", "ienne", "éenne", "ine", "aine", "ane", "arde", "ésienne", "ousaine"];

/// Common adjectives with a demonym's ending that name no town ("l'agglomération voisine",
/// "la métropole européenne", "l'agglomération urbaine").
const NOT_DEMONYMS: [&str; 14] = [
    "ancienne",
    "certaine",
    "contemporaine",
    "courtoise",
    "européenne",
    "humaine",
    "lointaine",
    "moyenne",
    "prochaine",
    "quotidienne",
    "souveraine",
    "urbaine",
    "voisine",
    "parisienne",
];

/// The length of the demonym opening `rest` after white space ("  tourangelle 2015" → the
/// bytes up to the end of "tourangelle"), and the INSEE code of its town when the list knows it:
/// a word of `rules/territories/demonyms.tsv`, or a lower-case word with a demonym's ending that
/// is no common adjective.
pub(super) fn demonym_after(rest: &str) -> Option<(usize, Option<&'static str>)> {
    let word_start = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    if word_start == 0 {
        return None;
    }
    let word_len = rest[word_start..]
        .find(|c: char| !(c.is_alphabetic() || c == '-'))
        .unwrap_or(rest.len() - word_start);
    let word = &rest[word_start..word_start + word_len];
    if !word.starts_with(char::is_lowercase) {
        return None;
    }
    if let Some((_, insee)) = DEMONYMS.iter().find(|(d, _)| d == word) {
        return Some((word_start + word_len, Some(insee.as_str())));
    }
    let ending = DEMONYM_ENDINGS.iter().any(|e| word.len() > e.len() + 2 && word.ends_with(e));
    (ending && !NOT_DEMONYMS.contains(&word)).then_some((word_start + word_len, None))
}

/// [`demonym_after`] for a masculine noun ("le Bassin mussipontain", "le Pays lochois"): the
/// length of a lower-case word opening `rest` after white space that is a feminine demonym or
/// has a masculine demonym's ending, and is no common adjective or noun with that ending.
pub(super) fn any_demonym_after(rest: &str) -> Option<usize> {
    const ENDINGS: [&str; 7] = ["ais", "ois", "ien", "éen", "ain", "ard", "in"];
    const NOT_MASCULINE: [&str; 7] =
        ["matin", "chemin", "besoin", "jardin", "terrain", "demain", "lendemain"];
    if let Some((end, _)) = demonym_after(rest) {
        return Some(end);
    }
    let word_start = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    let word = rest[word_start..].split(|c: char| !(c.is_alphabetic() || c == '-')).next()?;
    // The masculine of a common adjective the feminine list holds ("ancienne" → "ancien").
    let masculine = |n: &str| {
        n.strip_suffix("enne")
            .map(|s| format!("{s}en"))
            .or_else(|| n.strip_suffix('e').map(str::to_owned))
    };
    let common = NOT_DEMONYMS.iter().filter_map(|n| masculine(n)).any(|m| m == word)
        || NOT_MASCULINE.contains(&word);
    let ending = ENDINGS.iter().any(|e| word.len() > e.len() + 2 && word.ends_with(e));
    (word_start > 0 && word.starts_with(char::is_lowercase) && ending && !common)
        .then_some(word_start + word.len())
}

/// The kind a short name's own words give ("Metz Métropole" → `Métropole`), or the
/// abbreviated kind that opens it ("CA de Saintes" → `CA`, see [`abbreviated_kind`]), if any.
pub(super) fn word_kind(name: &str) -> Option<&'static str> {
    if let Some(kind) = abbreviated_kind(name) {
        return Some(kind);
    }
    let lower = name.to_lowercase();
    lower.split(|c: char| !c.is_alphanumeric()).find_map(kind_word)
}

/// The kind a kind word of `rules/territories/kinds.tsv` stands for ("métropole" →
/// `Métropole`), `lower` in lower case.
fn kind_word(lower: &str) -> Option<&'static str> {
    KINDS.iter().find(|(h, f, _)| h == "word" && f == lower).map(|(.., k)| kind_static(k))
}

/// Kinds are a closed set: hand out `'static` strings.
fn kind_static(k: &str) -> &'static str {
    match k {
        "CA" => "CA",
        "CU" => "CU",
        "CC" => "CC",
        "Métropole" => "Métropole",
        "EPT" => "EPT",
        "commune" => "commune",
        _ => "EPCI",
    }
}

/// True when `name` opens with a word that never names a contract's carrier (a région, the
/// State...), or is only a common noun ("Communauté" before a lower-case "intercommunale").
pub(super) fn never_carrier(name: &str) -> bool {
    static FIRST: LazyLock<Vec<String>> =
        LazyLock::new(|| data::lines("territories/not_carriers.txt"));
    static GENERIC: LazyLock<Vec<String>> =
        LazyLock::new(|| data::lines("territories/anaphora.txt"));
    let lower = name.to_lowercase();
    let first = lower.split([' ', '\'', '-']).next().unwrap_or("");
    FIRST.iter().any(|f| f == first) || GENERIC.contains(&lower)
}

/// [`epci_mentions`] of the document's whole text, found once per text and shared by the rules.
pub(super) fn doc_epci_mentions<'a>(doc: &Doc<'a>) -> &'a [(Range<usize>, &'static str)] {
    doc.analysis()
        .epci_mentions
        .get_or_init(|| epci_mentions_among(doc.text(), doc_capitalised(doc)))
}

/// The matches of [`NAMES`] in the whole text of `doc`, found once for the family.
pub(super) fn doc_capitalised<'a>(doc: &Doc<'a>) -> &'a [Range<usize>] {
    doc.analysis().capitalised.get_or_init(|| {
        let text = doc.text();
        NAMES.find_iter(text).map(|m| before_opener(text, m.range())).collect()
    })
}

/// Ranges of the intercommunality names in `text`, with their kind when the name tells it.
pub(super) fn epci_mentions(text: &str) -> Vec<(Range<usize>, &'static str)> {
    let names: Vec<Range<usize>> =
        NAMES.find_iter(text).map(|m| before_opener(text, m.range())).collect();
    epci_mentions_among(text, &names)
}

/// [`epci_mentions`], the matches of [`NAMES`] in `text` given.
fn epci_mentions_among(text: &str, names: &[Range<usize>]) -> Vec<(Range<usize>, &'static str)> {
    static PREFIXED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"{}(?P<name>{})", *PREFIX, *NAME)).expect("valid regex")
    });
    static PRESIDENT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"(?i:vice-)?(?i:président|présidente){WS}{OF}(?P<name>{})", *NAME))
            .expect("valid regex")
    });
    let mut out: Vec<(Range<usize>, &'static str)> = Vec::new();
    // The text folded once, for the towns that tell an acronym shared by several
    // intercommunalities apart.
    let folded = std::cell::OnceCell::new();
    for caps in PREFIXED.captures_iter(text) {
        let (Some(p), Some(n)) = (caps.name("prefix"), caps.name("name")) else { continue };
        let kind = prefix_kind(p.as_str()).unwrap_or("EPCI");
        if !never_carrier(n.as_str()) && kind != "commune" {
            out.push((before_opener(text, n.range()), kind));
        }
    }
    for caps in PRESIDENT.captures_iter(text) {
        let Some(n) = caps.name("name") else { continue };
        // "président de la C2A": a name cut inside a word is none.
        if text[n.end()..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let lone_kind =
            !n.as_str().contains(char::is_whitespace) && word_kind(n.as_str()).is_some();
        let only_prefix = prefix_kind(without_article(n.as_str(), n.range()).0).is_some();
        if !never_carrier(n.as_str())
            && !lone_kind
            && !only_prefix
            && !PREFIXED.is_match(n.as_str())
        {
            let range = before_opener(text, n.range());
            out.push((range.clone(), word_kind(&text[range]).unwrap_or("EPCI")));
        }
    }
    for n in names {
        let before = &text[..n.start];
        // "l'Agglomération du Pays de Flers": after an elided article a name that opens with
        // its kind word stands alone ("l'Hôtel de Rennes Métropole" is a building); after "d'"
        // or a letter it is the end of a longer word or name.
        let elided = ["l'", "L'", "l’", "L’"]
            .iter()
            .any(|a| before.strip_suffix(a).is_some_and(|b| !b.ends_with(char::is_alphanumeric)))
            && opens_with_kind_word(&text[n.clone()]);
        let glued =
            before.chars().next_back().is_some_and(|c| c.is_alphabetic() || c == '\'' || c == '-');
        if glued && !elided {
            continue;
        }
        let (name, range) = without_article(&text[n.clone()], n.clone());
        if let Some(kind) = gazetteer_kind(name) {
            out.push((range, kind));
            continue;
        }
        if let Some((tail, kind)) = known_tail(name) {
            out.push((range.end - tail.len()..range.end, kind));
            continue;
        }
        if let Some(kind) = abbreviated_kind(name) {
            out.push((range, kind));
            continue;
        }
        if let Some(kind) = acronym_of_named_town(name, || {
            folded.get_or_init(|| format!(" {} ", fold(text))).as_str()
        }) {
            out.push((range, kind));
            continue;
        }
        if let Some(kind) = word_kind(name)
            && short_name(name)
            && !never_carrier(name)
            && !PREFIXED.is_match(name)
            && name.chars().any(char::is_lowercase)
        {
            out.push((range, kind));
        }
    }
    // "CC Mer et Terres d'Opale": an abbreviated kind before a name that goes on over "et".
    for (range, _) in &mut out {
        let name = &text[range.clone()];
        if without_abbreviation(name) != name
            && let Some((end, _)) = joined_by_et(text, range.clone())
        {
            range.end = end;
        }
    }
    // An upper-case heading is no name: its words cannot be told apart.
    out.retain(|(r, _)| {
        let name = &text[r.clone()];
        !name.contains(char::is_whitespace) || name.chars().any(char::is_lowercase)
    });
    out.sort_by_key(|(r, _)| (r.start, r.end));
    out.dedup_by(|b, a| a.0 == b.0);
    out
}

/// Where the name at `range` ends when it goes on over " et " and a capitalised name, and
/// the longer name is an intercommunality's the gazetteer knows, or a 2015 carrier's when the
/// shorter is none ("Mer et Terres d'Opale", where "Mer" is a commune; "Marne et Chantereine"),
/// and the shorter is no intercommunality's name: else `None` ("Metz Métropole et Forbach Porte
/// de France" are two). With the end, the longer name's kind: the gazetteer's when it knows one
/// intercommunality by it, else "EPCI".
pub(super) fn joined_by_et(text: &str, range: Range<usize>) -> Option<(usize, &'static str)> {
    static ET_NAME: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"^{SP}et{SP}(?:{})", *NAME)).expect("valid regex"));
    let more = ET_NAME.find(&text[range.end..])?;
    let end = range.end + more.end();
    let (short, long) = (&text[range.clone()], &text[range.start..end]);
    if !gazetteer::epci_named(short).is_empty() {
        // The shorter is a name of its own; the resolver names it in full when the page
        // writes more of it ([`super::with_place_after`]).
        return None;
    }
    let today = gazetteer::epci_named(long);
    let known = !today.is_empty()
        || super::ranked::names_a_2015_carrier(long) && !super::ranked::names_a_2015_carrier(short);
    let kind = match today.as_slice() {
        [one] => one.record_kind(),
        _ => "EPCI",
    };
    known.then_some((end, kind))
}

/// The kind of the intercommunality an acronym shared by several of them stands for on this
/// page: the one whose centre town (its most populous member) the page names, when only one
/// of them has it named. "CABA" spells the initials of more than one communauté
/// d'agglomération (du Bassin d'Aurillac, and others); a page that names Aurillac means the
/// first. `folded` gives the page's folded text, spaced at both ends. An acronym the
/// gazetteer gives one intercommunality is read by [`gazetteer_kind`]; an acronym that is no
/// intercommunality's, or whose towns the page does not name, is none.
fn acronym_of_named_town<'t>(name: &str, folded: impl FnOnce() -> &'t str) -> Option<&'static str> {
    let letters = name.chars().count();
    if !(3..=8).contains(&letters) || !name.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let candidates = gazetteer::epci_named(name);
    if candidates.len() < 2 || never_carrier(name) {
        return None;
    }
    let folded = folded();
    let mut named = candidates.iter().filter(|e| {
        gazetteer::epci_members(e.siren)
            .into_iter()
            .max_by_key(|c| c.population)
            .is_some_and(|town| folded.contains(&format!(" {} ", fold(town.name))))
    });
    match (named.next(), named.next()) {
        (Some(one), None) => Some(one.record_kind()),
        _ => None,
    }
}

/// The kind of the one intercommunality the gazetteer knows by `name` ("Caen la Mer" → CU),
/// for names of two words or more, or acronyms of three letters or more ("CALL").
fn gazetteer_kind(name: &str) -> Option<&'static str> {
    let acronym = name.len() >= 3 && name.chars().all(|c| c.is_uppercase());
    if !name.contains(char::is_whitespace) && !acronym {
        return None;
    }
    match gazetteer::epci_named(name).as_slice() {
        [one] => Some(one.record_kind()),
        _ => None,
    }
}

/// The end of `name` that the gazetteer knows as one intercommunality, of two words or more,
/// when words before it are not part of it: a menu's items glued before the name ("Contact
/// Rodez Agglomération"), a heading's words ("Conseil Communautaire Metz Métropole"). Tried
/// only when `name` as a whole is unknown, from the longest end. The word before the end must
/// not be one that names are made of ("Grand Lorient Agglo", "Pays de Lorient Agglo" are
/// other names than "Lorient Agglo").
fn known_tail(name: &str) -> Option<(&str, &'static str)> {
    name.match_indices(' ').find_map(|(i, _)| {
        let tail = &name[i + 1..];
        let before = name[..i].rsplit(' ').next().unwrap_or_default();
        if !tail.contains(' ') || NAME_WORDS.contains(&fold(before).as_str()) {
            return None;
        }
        let tail = without_article(tail, 0..tail.len()).0;
        gazetteer_kind(tail).map(|kind| (tail, kind))
    })
}

/// Words that intercommunalities' names are made of before a town's name, folded.
const NAME_WORDS: &[&str] = &[
    "grand", "grande", "grands", "petit", "petite", "pays", "val", "vallee", "vallees", "coeur",
    "portes", "porte", "haut", "haute", "hauts", "bas", "basse", "nord", "sud", "est", "ouest",
    "saint", "sainte", "mont", "monts", "terres", "terre", "rives", "rive", "plaine", "cote",
    "cotes", "de", "du", "des", "la", "le", "les", "l'", "d'", "et", "sur", "en",
];

/// `name` without a leading capitalised article ("La Métropole Rouen Normandie"), and its range.
fn without_article(name: &str, range: Range<usize>) -> (&str, Range<usize>) {
    for article in ["La ", "Le ", "Les ", "L'"] {
        if let Some(rest) = name.strip_prefix(article)
            && rest.starts_with(char::is_uppercase)
            && !town_with_article(name, rest)
        {
            return (rest, range.start + article.len()..range.end);
        }
    }
    (name, range)
}

/// Whether the article opening `name` belongs to the town named first ("La Roche-sur-Yon
/// Agglomération", "Le Mans Métropole"): the article and the next word are, letter for letter,
/// the official name of a commune of the gazetteer (whose lookup reads "Le Grand Chalon" as
/// "Grand Chalon", which keeps no article).
fn town_with_article(name: &str, rest: &str) -> bool {
    let first = rest.split_whitespace().next().unwrap_or(rest);
    let town = name[..name.len() - rest.len() + first.len()].to_lowercase();
    gazetteer::communes_named(&town).iter().any(|c| c.name.to_lowercase() == town)
}

/// Whether `name`'s first word is a kind word of `rules/territories/kinds.tsv` ("Agglomération
/// du Pays de Flers", "Eurométropole de Strasbourg").
fn opens_with_kind_word(name: &str) -> bool {
    kind_word(&name.split_whitespace().next().unwrap_or("").to_lowercase()).is_some()
}

/// True when a name with a kind word is an intercommunality's short name: the kind word opens
/// it ("Métropole Rouen Normandie", "Eurométropole de Strasbourg") or ends it right after a
/// capitalised word ("Metz Métropole", "Brest métropole"), and is not all of it ("la
/// Métropole", "Solidarités de la Métropole" are not names).
fn short_name(name: &str) -> bool {
    const DETERMINERS: [&str; 9] =
        ["la", "le", "les", "une", "cette", "notre", "votre", "leur", "sa"];
    let words: Vec<&str> = name.split_whitespace().collect();
    let is_kind = |w: &str| kind_word(&w.to_lowercase()).is_some();
    match words.as_slice() {
        [] | [_] => false,
        [first, ..] if is_kind(first) => true,
        // "Dinan Communauté", not "La communauté" (an article, no name).
        [.., before, last] => {
            is_kind(last)
                && before.starts_with(char::is_uppercase)
                && !DETERMINERS.contains(&before.to_lowercase().as_str())
        }
    }
}

/// Sentence ranges of `text`: cut after ".", "!" or "?" followed by white space and a capital
/// letter or a line break (not after an initial or "M."), at blank lines and at "|" (a table cell
/// or a page title's separator).
pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    static END: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:[.!?…]+[ \t]*(?:\n|[ \t](?:[«\p{Lu}\d]))|\n[ \t]*\n|\|)")
            .expect("valid regex")
    });
    static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:\b\p{Lu}|\bMM?|\bMmes?|\bDr|\bSt|\bSte)$").expect("valid regex")
    });
    let mut out = Vec::new();
    let mut start = 0;
    for m in END.find_iter(text) {
        if m.as_str().starts_with('.') && ABBREVIATION.is_match(&text[..m.start()]) {
            continue;
        }
        let end =
            m.start() + m.as_str().find(|c: char| c.is_whitespace() || c == '|').unwrap_or(m.len());
        if end > start {
            out.push(start..end);
        }
        start =
            m.start() + m.as_str().trim_end_matches(|c: char| !c.is_whitespace() && c != '|').len();
        start = start.max(end);
    }
    if start < text.len() {
        out.push(start..text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_acronym_of_several_intercommunalities_is_the_one_whose_town_the_text_names() {
        // "CAGG" spells both the CA du Grand Guéret and the CA Gaillac-Graulhet.
        let found = |t: &str| {
            epci_mentions(t).into_iter().map(|(r, k)| (t[r].to_owned(), k)).collect::<Vec<_>>()
        };
        assert_eq!(found("La CAGG rénove une école à Guéret."), [("CAGG".to_owned(), "CA")]);
        assert!(found("La CAGG rénove une école.").is_empty());
        assert!(found("La CAGG rénove une école à Guéret comme à Gaillac.").is_empty());
    }

    #[test]
    fn a_community_named_without_its_legal_kind() {
        // "communauté" alone before a proper name is an intercommunality of unknown kind.
        let found = |t: &str| {
            epci_mentions(t).into_iter().map(|(r, k)| (t[r].to_owned(), k)).collect::<Vec<_>>()
        };
        assert!(
            found("La communauté du Val de Sarthe (CVS) a signé mardi.")
                .contains(&("Val de Sarthe".to_owned(), "EPCI"))
        );
        assert_eq!(
            found("La communauté d'agglomération du Val de Sarthe a signé."),
            [("Val de Sarthe".to_owned(), "CA")]
        );
        assert!(found("La communauté éducative se mobilise.").is_empty());
        // "Communauté" ending a short name, after a proper name, not after an article.
        assert_eq!(
            found("Le contrat signé par Loudéac Communauté en 2015."),
            [("Loudéac Communauté".to_owned(), "EPCI")]
        );
        assert!(found("La communauté rurale a voté.").is_empty());
    }

    #[test]
    fn a_name_ends_before_a_sentence_opener() {
        let cut = |t: &str| t[before_opener(t, 0..t.len())].to_owned();
        assert_eq!(cut("Rennes Métropole Le"), "Rennes Métropole");
        assert_eq!(cut("Rennes Métropole Qu'est-ce"), "Rennes Métropole");
        assert_eq!(cut("Vierzon Avec"), "Vierzon");
        assert_eq!(cut("Vierzon L'Agglo"), "Vierzon");
        // An article opening the name, or after a linking word, is the name's.
        assert_eq!(cut("Le Havre Seine Métropole"), "Le Havre Seine Métropole");
        assert_eq!(cut("Pays de La Châtre"), "Pays de La Châtre");
        assert_eq!(cut("Lorient Agglomération"), "Lorient Agglomération");
        assert_eq!(cut("LE DÉPLACEMENT À LIMOUX"), "LE DÉPLACEMENT À LIMOUX");
        // An intercommunality's name that holds an opener.
        assert_eq!(cut("Paris Ouest La Défense"), "Paris Ouest La Défense");
        assert_eq!(cut("Paris Ouest La"), "Paris Ouest");
    }
    use crate::names::fold;

    fn name_at(text: &str) -> Option<Range<usize>> {
        static RE: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(&format!("^(?:{})", *NAME)).expect("valid regex"));
        RE.find(text).map(|m| 0..m.end())
    }

    #[track_caller]
    fn name(text: &str) -> &str {
        &text[name_at(text).expect("a name")]
    }

    #[test]
    fn names_stop_where_the_proper_name_ends() {
        assert_eq!(name("Metz Métropole a été signé"), "Metz Métropole");
        assert_eq!(name("Caen la Mer et ses partenaires"), "Caen la Mer");
        assert_eq!(name("Brest métropole fixe"), "Brest métropole");
        assert_eq!(name("Caux Vallée de Seine, pour"), "Caux Vallée de Seine");
        assert_eq!(name("Caux Vallée\nde Seine signent"), "Caux Vallée\nde Seine");
        assert_eq!(name("Condé-sur-l'Escaut (Nord)"), "Condé-sur-l'Escaut");
        assert_eq!(name("Le Quesnoy et celui de"), "Le Quesnoy");
        assert_eq!(name("CALL est ainsi"), "CALL");
        assert_eq!(name("Alès Agglomération pour la période"), "Alès Agglomération");
        assert!(name_at("la métropole").is_none());
        assert_eq!(name("Val Garonne sud Gascogne signe"), "Val Garonne sud Gascogne");
        assert_eq!(name("Monts nord Vallée, pour"), "Monts nord Vallée");
        assert_eq!(name("Romans au sud de Valence"), "Romans");
        assert_eq!(name("Arras sud et le reste"), "Arras");
        assert_eq!(name("Lens est Signataire"), "Lens");
    }

    #[test]
    fn words_glued_before_a_known_intercommunality_are_not_its_name() {
        let names = |text: &str| -> Vec<String> {
            epci_mentions(text).into_iter().map(|(r, _)| fold(&text[r])).collect()
        };
        assert_eq!(
            names("Accueil Se déplacer Contact Lorient Agglomération\n"),
            ["lorient agglomeration"]
        );
        assert_eq!(names("Conseil Communautaire Metz Métropole du 3 mai"), ["metz metropole"]);
        // A word that names are made of stays with the name.
        assert!(
            !names("Accueil Le Grand Lorient Agglo observe.").contains(&"lorient agglo".into())
        );
        // A name the gazetteer does not know keeps its words.
        assert_eq!(names("Signé avec Vallée Basse Agglomération."), ["vallee basse agglomeration"]);
    }

    #[test]
    fn intercommunalities_of_a_text() {
        let text = "Signé par Luc Noir, président du Grand Alès, et Jean Blanc, maire d'Alès. \
                    La communauté d'agglomération du Pays de Mormal et Lorient Agglomération \
                    aussi ; la présidente de la Région Bretagne était là.";
        let names: Vec<String> =
            epci_mentions(text).into_iter().map(|(r, _)| fold(&text[r])).collect();
        assert!(names.iter().any(|n| n == "grand ales"), "{names:?}");
        assert!(names.iter().any(|n| n == "pays de mormal"), "{names:?}");
        assert!(names.iter().any(|n| n == "lorient agglomeration"), "{names:?}");
        assert!(!names.iter().any(|n| n.contains("region")), "{names:?}");
        assert!(!names.iter().any(|n| n == "ales"), "{names:?}");
        let text = "Signé avec Caen la Mer et la CALL, à Caen.";
        let names: Vec<String> =
            epci_mentions(text).into_iter().map(|(r, _)| fold(&text[r])).collect();
        assert_eq!(names, ["caen la mer", "call"]);
        // The article of a town's name stays; an article before a kind word goes.
        let text = "Ont signé La Roche-sur-Yon Agglomération, puis La Métropole Rouen Normandie.";
        let names: Vec<&str> = epci_mentions(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert!(names.contains(&"La Roche-sur-Yon Agglomération"), "{names:?}");
        assert!(names.contains(&"Métropole Rouen Normandie"), "{names:?}");
        let text = "Ont signé Le Grand Chalon et Le Mans Métropole.";
        let names: Vec<&str> = epci_mentions(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert!(names.contains(&"Grand Chalon"), "{names:?}");
        assert!(names.contains(&"Le Mans Métropole"), "{names:?}");
    }

    #[test]
    fn abbreviated_kinds_before_a_known_place() {
        assert_eq!(abbreviated_kind("CA de Saintes"), Some("CA"));
        assert_eq!(abbreviated_kind("CdA de La Rochelle"), Some("CA"));
        assert_eq!(abbreviated_kind("CA Rochefort Océan"), Some("CA"));
        assert_eq!(abbreviated_kind("CU d'Alençon"), Some("CU"));
        assert_eq!(abbreviated_kind("CC du Pays Foyen"), Some("CC"));
        assert_eq!(abbreviated_kind("CdC des Portes de Romilly sur Seine"), Some("CC"));
        assert_eq!(abbreviated_kind("CDC des Pays de L'Aigle"), Some("CC"));
        // A board ("le CA de l'Office"), a lower-case word, a place no gazetteer knows, the
        // abbreviation alone or in lower case.
        for name in [
            "CA de l'Office",
            "CA du Conseil",
            "CA de Quelquepart-Imaginaire",
            "CA",
            "ca de Saintes",
            "CU Urbanisme",
            "CA du mois",
            // The Caisse des dépôts' initials before a name no place bears.
            "CDC Habitat",
        ] {
            assert_eq!(abbreviated_kind(name), None, "{name}");
        }
        assert_eq!(abbreviated_epci("CA de Saintes").map(|e| e.siren), Some("200036473"));
        assert_eq!(abbreviated_epci("CdA de La Rochelle").map(|e| e.siren), Some("241700434"));
        assert_eq!(abbreviated_epci("CA du Conseil").map(|e| e.siren), None);
        let text = "Signé par la CA de Saintes et la CdA de La Rochelle ; le CA de l'Office \
                    s'est réuni, le CA du mois aussi.";
        let names: Vec<&str> = epci_mentions(text).into_iter().map(|(r, _)| &text[r]).collect();
        assert_eq!(names, ["CA de Saintes", "CdA de La Rochelle"]);
    }

    #[test]
    fn demonyms_after_a_kind() {
        fn read(rest: &str) -> Option<(&str, Option<&'static str>)> {
            demonym_after(rest).map(|(end, insee)| (&rest[..end], insee))
        }
        assert_eq!(read(" tourangelle 2015-2020"), Some((" tourangelle", Some("37261"))));
        assert_eq!(read(" bergeracoise, elle"), Some((" bergeracoise", Some("24037"))));
        assert_eq!(read(" mancelle"), Some((" mancelle", Some("72181"))));
        // A demonym the list lacks, read by its ending.
        assert_eq!(read(" montmorillonnaise a signé"), Some((" montmorillonnaise", None)));
        for rest in [
            " voisine",
            " urbaine",
            " européenne de Lille",
            " nouvelle",
            " Rennaise",
            "lilloise",
            " elle-même",
            " mais aussi",
        ] {
            assert_eq!(read(rest), None, "{rest}");
        }
    }

    #[test]
    fn kinds_from_prefixes_and_words() {
        assert_eq!(prefix_kind("Communauté  urbaine"), Some("CU"));
        assert_eq!(word_kind("Metz Métropole"), Some("Métropole"));
        assert_eq!(word_kind("Eurométropole de Strasbourg"), Some("Métropole"));
        assert_eq!(word_kind("Lorient Agglomération"), Some("CA"));
        assert_eq!(word_kind("Le Quesnoy"), None);
        assert!(never_carrier("Région Grand Est"));
        assert!(!never_carrier("Grand Narbonne"));
        assert!(never_carrier("Communauté"));
        assert!(!never_carrier("Communauté urbaine de Dunkerque"));
    }

    #[test]
    fn masculine_and_feminine_demonyms() {
        assert_eq!(any_demonym_after(" mussipontain a signé"), Some(" mussipontain".len()));
        assert_eq!(any_demonym_after(" lochois"), Some(" lochois".len()));
        assert_eq!(any_demonym_after(" tourangelle"), Some(" tourangelle".len()));
        for not in [" urbain", " voisin", " ancien", " matin", " signé", " Lochois", "lochois"] {
            assert_eq!(any_demonym_after(not), None, "{not}");
        }
    }

    #[test]
    fn kind_prefixes_in_any_case() {
        assert_eq!(
            without_kind_prefix("Communauté d'Agglomération Rochefort Océan"),
            Some("Rochefort Océan")
        );
        assert_eq!(
            without_kind_prefix("COMMUNAUTE D'AGGLOMERATION DU GRAND VILLENEUVOIS"),
            Some("GRAND VILLENEUVOIS")
        );
        assert_eq!(without_kind_prefix("communauté de communes du Val fleuri"), Some("Val fleuri"));
        // A town alone after the kind, no kind, or nothing after it.
        assert_eq!(without_kind_prefix("Communauté urbaine de Dunkerque"), None);
        // A village shares the name: the intercommunality's name stays.
        assert_eq!(
            without_kind_prefix("communauté de communes du Val de Drôme"),
            Some("Val de Drôme")
        );
        // A demonym is no name by itself.
        assert_eq!(without_kind_prefix("communauté d'agglomération bergeracoise"), None);
        assert_eq!(without_kind_prefix("Communauté urbaine arrageoise"), None);
        assert_eq!(without_kind_prefix("Grand Narbonne"), None);
        assert_eq!(without_kind_prefix("Communauté urbaine "), None);
    }

    #[test]
    fn sentence_cuts() {
        let text = "M. Dupont a signé. Le contrat court.\nTitre sans point\n\nAutre | cellule";
        let cut: Vec<&str> = sentences(text).into_iter().map(|r| text[r].trim()).collect();
        assert_eq!(
            cut,
            ["M. Dupont a signé.", "Le contrat court.", "Titre sans point", "Autre", "cellule"]
        );
    }

    #[test]
    fn data_files_are_sorted() {
        for (file, columns) in [
            ("territories/anaphora.txt", 1),
            ("territories/demonyms.tsv", 3),
            ("territories/kinds.tsv", 3),
            ("territories/not_carriers.txt", 1),
            ("territories/pilot_fields.txt", 1),
            ("territories/qualifiers.txt", 1),
        ] {
            data::check_table(file, columns, file != "territories/kinds.tsv");
        }
    }
}
