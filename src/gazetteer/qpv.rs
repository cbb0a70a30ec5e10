//! The quartiers prioritaires de la politique de la ville (QPV) in force since 2024, with their
//! official ANCT code and communes (`rules/gazetteer/qpv.tsv`), found the way documents write
//! them.
//!
//! A QPV is known under keys: its official name, and each part of a name made of several
//! ("Palmer - Saraillère - 8 mai 45 - Dravemont" is also "Saraillère"), each folded (case,
//! accents, hyphens and punctuation do not matter) and also without a leading article or
//! "quartier de" ("Quartier de l'Avenir" is also "Avenir"). [`qpvs_named`] looks a name up;
//! [`find_qpvs`] finds every key in a text in one multi-pattern pass (Aho-Corasick), on word
//! boundaries, the longest key winning where keys overlap. Homonyms ("Centre-Ville" exists in
//! dozens of communes) are the caller's to tell apart, by commune.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use super::table::rows;

/// A quartier prioritaire of the 2024 list.
#[derive(Debug, PartialEq, Eq)]
pub struct Qpv {
    /// The ANCT code ("QN05912M").
    pub code: &'static str,
    /// The official name, as the ANCT spells it.
    pub name: &'static str,
    /// The INSEE codes of its communes, sorted.
    pub communes: Vec<&'static str>,
}

/// A QPV a key designates, and whether the key is its whole name (or only a part of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Named {
    pub qpv: &'static Qpv,
    pub whole: bool,
}

/// A key found in a text: where, and the QPVs it designates.
#[derive(Debug, Clone)]
pub struct Hit {
    /// Byte range in the searched text (char boundaries).
    pub range: Range<usize>,
    /// The folded key.
    pub key: String,
    pub named: Vec<Named>,
}

struct Qpvs {
    all: Vec<Qpv>,
    /// Folded key → (QPV index, whole name).
    by_key: HashMap<String, Vec<(u32, bool)>>,
    /// The keys, in the matcher's pattern order.
    patterns: Vec<String>,
    matcher: AhoCorasick,
}

static QPVS: LazyLock<Qpvs> = LazyLock::new(|| {
    let all: Vec<Qpv> = rows::<3>("gazetteer/qpv.tsv")
        .filter(|[code, name, _]| !code.is_empty() && !name.is_empty())
        .map(|[code, name, communes]| Qpv {
            code,
            name,
            communes: communes.split(',').map(str::trim).filter(|c| !c.is_empty()).collect(),
        })
        .collect();
    let mut by_key: HashMap<String, Vec<(u32, bool)>> = HashMap::new();
    // Each name's keys, made once: the variants below are made from them.
    let keys: Vec<Vec<(String, bool)>> = all.iter().map(|q| keys_of(q.name)).collect();
    for (i, keys) in keys.iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (key, whole) in keys {
            let whole = *whole;
            let entry = by_key.entry(key.clone()).or_default();
            match entry.iter_mut().find(|(j, _)| *j == i) {
                Some(e) => e.1 |= whole,
                None => entry.push((i, whole)),
            }
        }
    }
    // A word of a name written in the other number ("Côte des Roses" for "Côtes des Roses"):
    // a key of the same QPV, unless it is a key of its own.
    let genuine: std::collections::HashSet<String> = by_key.keys().cloned().collect();
    for (i, keys) in keys.into_iter().enumerate() {
        let i = u32::try_from(i).unwrap_or(u32::MAX);
        for (key, whole) in keys {
            for variant in number_spelled(&key).into_iter().chain(numeral_spelled(&key)) {
                if genuine.contains(&variant) {
                    continue;
                }
                let entry = by_key.entry(variant).or_default();
                match entry.iter_mut().find(|(j, _)| *j == i) {
                    Some(e) => e.1 |= whole,
                    None => entry.push((i, whole)),
                }
            }
        }
    }
    let mut patterns: Vec<String> = by_key.keys().filter(|k| k.len() >= 3).cloned().collect();
    patterns.sort();
    let matcher = AhoCorasick::new(&patterns).expect("QPV keys build an automaton");
    Qpvs { all, by_key, patterns, matcher }
});

/// Words that introduce a quartier's name rather than belong to it.
const DESCRIPTORS: [&str; 2] = ["quartier", "quartiers"];
const ARTICLES: [&str; 7] = ["le", "la", "les", "l", "de", "du", "des"];

/// The keys of an official name: the whole name and its parts, each also without a leading
/// article or descriptor.
fn keys_of(name: &str) -> Vec<(String, bool)> {
    let mut out: Vec<(String, bool)> = Vec::new();
    let mut push = |key: String, whole: bool| {
        let bare = stripped(&key).to_owned();
        for k in [saint_spelled(&key), saint_spelled(&bare), vec![key, bare]].concat() {
            if !k.is_empty() && !out.iter().any(|(x, w)| *x == k && *w == whole) {
                out.push((k, whole));
            }
        }
    };
    push(fold(name), true);
    let parts = parts(name);
    if parts.len() > 1 {
        for p in parts {
            push(fold(p), false);
        }
    } else {
        for run in spaced_runs(name) {
            push(run, false);
        }
    }
    out
}

/// The shorter runs a writer may give of a name that lists places with spaces only ("Tardy
/// Tarentaize Beaubrun Couriot" written "Tarentaize-Beaubrun-Couriot"): the name without its
/// first or last place names, at least two words from a capitalised one, folded. Names of
/// fewer than three capitalised words, or holding small words ("de la"), have none.
fn spaced_runs(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let capital = |w: &&str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && !ARTICLES.contains(&fold(w).as_str())
            && !DESCRIPTORS.contains(&fold(w).as_str())
    };
    // "Le Clos de la Grande Salle" is one place's name, not a list of places.
    const SMALL: &[&str] = &["et", "d", "a", "au", "aux", "sur", "en", "sous", "les"];
    let small = fold(name).split(' ').skip(1).any(|w| ARTICLES.contains(&w) || SMALL.contains(&w));
    if small || words.iter().filter(|w| capital(w)).count() < 3 {
        return Vec::new();
    }
    let n = words.len();
    let mut out = Vec::new();
    for k in 1..n - 1 {
        if capital(&words[k]) {
            out.push(fold(&words[k..].join(" ")));
        }
        if capital(&words[n - 1 - k]) || words[n - 1 - k].chars().any(char::is_numeric) {
            out.push(fold(&words[..n - k].join(" ")));
        }
    }
    out
}

/// A folded key with "saint"/"sainte" written "st"/"ste", or the other way round ("St Julien"
/// of the list is written "Saint-Julien"), when it holds such a word; else nothing.
fn saint_spelled(key: &str) -> Vec<String> {
    const PAIRS: [(&str, &str); 4] =
        [("saint", "st"), ("sainte", "ste"), ("st", "saint"), ("ste", "sainte")];
    let words: Vec<&str> = key.split(' ').collect();
    if !words.iter().any(|w| PAIRS.iter().any(|(from, _)| w == from)) {
        return Vec::new();
    }
    let other = words
        .iter()
        .map(|w| PAIRS.iter().find(|(from, _)| w == from).map_or(*w, |(_, to)| *to))
        .collect::<Vec<_>>()
        .join(" ");
    vec![other]
}

/// A folded key of two words or more with one of its words written in the other number
/// ("cotes des roses" → "cote des roses", "cotes des rose"; "chateau" ↔ "chateaux"), one
/// variant per word of four letters or more that is no article or small word. Kept only where
/// it is no key of another name.
fn number_spelled(key: &str) -> Vec<String> {
    const SMALL: &[&str] = &["les", "des", "aux", "sous", "sur", "dans", "vers"];
    let words: Vec<&str> = key.split(' ').collect();
    if words.len() < 2 {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (j, w) in words.iter().enumerate() {
        if w.len() < 4 || !w.chars().all(|c| c.is_ascii_lowercase()) || SMALL.contains(w) {
            continue;
        }
        let other = if let Some(stem) = w.strip_suffix("eaux") {
            format!("{stem}eau")
        } else if w.ends_with("eau") {
            format!("{w}x")
        } else if ["ss", "is", "os", "us", "as", "ys", "x", "z"].iter().any(|e| w.ends_with(e)) {
            // "bois", "clos", "marais": the same in both numbers.
            continue;
        } else if let Some(stem) = w.strip_suffix('s') {
            stem.to_owned()
        } else {
            format!("{w}s")
        };
        let mut v = words.clone();
        v[j] = &other;
        out.push(v.join(" "));
    }
    out
}

/// A folded key with a number written in the other way, in digits or in words ("les 3
/// fontaines" ↔ "les trois fontaines", "quatre saisons" ↔ "4 saisons"), when it holds one from
/// two to twenty; "neuf" (also "new") is read only from its digit.
fn numeral_spelled(key: &str) -> Vec<String> {
    const WORDS: [&str; 19] = [
        "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
        "treize", "quatorze", "quinze", "seize", "dix sept", "dix huit", "dix neuf", "vingt",
    ];
    // Most names hold no number: tell them cheaply, before building any string.
    let number_like = |w: &str| {
        w.parse::<u8>().is_ok_and(|n| (2..=20).contains(&n))
            || (w != "neuf" && WORDS.iter().any(|n| n.split(' ').next() == Some(w)))
    };
    if !key.split(' ').any(number_like) {
        return Vec::new();
    }
    let padded = format!(" {key} ");
    let mut out = Vec::new();
    // "dix sept" before "dix".
    for (i, word) in WORDS.iter().enumerate().rev() {
        let digits = (i + 2).to_string();
        let (d, w) = (format!(" {digits} "), format!(" {word} "));
        if padded.contains(&d) {
            out.push(padded.replacen(&d, &w, 1).trim().to_owned());
        } else if *word != "neuf" && padded.contains(&w) {
            out.push(padded.replacen(&w, &d, 1).trim().to_owned());
        } else {
            continue;
        }
        break;
    }
    out
}

/// The parts of a name made of several: split at a spaced dash, an en or em dash, a slash, a
/// comma or " et ".
pub fn parts(name: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = name;
    'outer: loop {
        let seps = [" - ", " -", "- ", "–", "—", "/", ",", " et ", " & "];
        let first = seps.iter().filter_map(|s| rest.find(s).map(|i| (i, s.len()))).min();
        match first {
            Some((i, len)) => {
                let (head, tail) = (&rest[..i], &rest[i + len..]);
                if !head.trim().is_empty() {
                    out.push(head.trim());
                }
                rest = tail;
            }
            None => break 'outer,
        }
    }
    if !rest.trim().is_empty() {
        out.push(rest.trim());
    }
    out
}

/// A folded key without its leading descriptor and articles ("quartier de l avenir" →
/// "avenir"), when words remain.
fn stripped(key: &str) -> &str {
    let mut rest = key;
    loop {
        let Some((first, tail)) = rest.split_once(' ') else { return rest };
        if DESCRIPTORS.contains(&first) || ARTICLES.contains(&first) {
            rest = tail;
        } else {
            return rest;
        }
    }
}

/// `text` folded for matching (lower case, no accents, every run of other characters one
/// space, trimmed), with the byte offset in `text` of the character each folded byte comes
/// from.
pub fn fold_map(text: &str) -> (String, Vec<usize>) {
    let mut folded = String::with_capacity(text.len());
    let mut map = Vec::with_capacity(text.len());
    fold_chars(text, |at, d| {
        folded.push(d);
        map.extend(std::iter::repeat_n(at, d.len_utf8()));
    });
    (folded, map)
}

/// `text` folded for matching (see [`fold_map`]).
pub fn fold(text: &str) -> String {
    let mut folded = String::with_capacity(text.len());
    fold_chars(text, |_, d| folded.push(d));
    folded
}

/// Gives each char of `text` folded (see [`fold_map`]) to `push`, with the byte offset of the
/// char of `text` it comes from (for a space, the first char of the run it stands for).
fn fold_chars(text: &str, push: impl FnMut(usize, char)) {
    let mut out = Folded { push, gap: None, started: false };
    for (at, c) in text.char_indices() {
        match c {
            c if !c.is_alphanumeric() => out.other(at),
            c if c.is_ascii() => out.letter(at, c.to_ascii_lowercase()),
            'œ' | 'Œ' => "oe".chars().for_each(|d| out.letter(at, d)),
            'æ' | 'Æ' => "ae".chars().for_each(|d| out.letter(at, d)),
            _ => {
                for l in c.to_lowercase() {
                    unicode_normalization::char::decompose_canonical(l, |d| {
                        if !unicode_normalization::char::is_combining_mark(d) {
                            out.letter(at, d);
                        }
                    });
                }
            }
        }
    }
}

/// The folded chars given so far: a run of other characters after a letter is one space, given
/// once a letter follows it.
struct Folded<F> {
    push: F,
    /// The offset of the run of other characters since the last letter.
    gap: Option<usize>,
    /// Whether a letter was given.
    started: bool,
}

impl<F: FnMut(usize, char)> Folded<F> {
    fn letter(&mut self, at: usize, d: char) {
        if let Some(space) = self.gap.take() {
            (self.push)(space, ' ');
        }
        self.started = true;
        (self.push)(at, d);
    }

    fn other(&mut self, at: usize) {
        if self.started && self.gap.is_none() {
            self.gap = Some(at);
        }
    }
}

fn named_by(key: &str) -> Vec<Named> {
    let qpvs = &*QPVS;
    qpvs.by_key.get(key).map_or_else(Vec::new, |found| {
        found.iter().map(|&(i, whole)| Named { qpv: &qpvs.all[i as usize], whole }).collect()
    })
}

/// The QPVs `name` designates: by its whole name or one of its parts, with or without a
/// leading article or "quartier de".
pub fn qpvs_named(name: &str) -> Vec<Named> {
    let key = fold(name);
    let mut found = named_by(&key);
    let bare = stripped(&key);
    if found.is_empty() && bare != key {
        found = named_by(bare);
    }
    found
}

/// The QPV of code `code`.
pub fn qpv(code: &str) -> Option<&'static Qpv> {
    QPVS.all.iter().find(|q| q.code == code)
}

/// Every QPV key found in `text`, on word boundaries, in text order; where found keys overlap,
/// the longest one. A name's end is a space of the folded text, or the "et" that a page glued to
/// it when it lost the tags around the name (see [`glued_end`]).
pub fn find_qpvs(text: &str) -> Vec<Hit> {
    let qpvs = &*QPVS;
    let (folded, map) = fold_map(text);
    let bytes = folded.as_bytes();
    let mut found: Vec<(usize, usize, usize)> = qpvs
        .matcher
        .find_overlapping_iter(&folded)
        .filter(|m| m.start() == 0 || bytes[m.start() - 1] == b' ')
        .filter(|m| {
            m.end() == bytes.len()
                || bytes[m.end()] == b' '
                || map.get(m.end()).is_some_and(|&at| glued_end(text, at))
        })
        .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
        .collect();
    // Longest first, then keep those that overlap no kept one. A leading article does not
    // count: "la cité 2" is the QPV "Cité 2", not a "La Cité" followed by a number.
    let length = |(s, e, p): (usize, usize, usize)| {
        qpvs.patterns.get(p).map_or(e - s, |key| stripped(key).len())
    };
    found.sort_by_key(|&f| (std::cmp::Reverse(length(f)), std::cmp::Reverse(f.1 - f.0), f.0));
    let mut kept: Vec<(usize, usize, usize)> = Vec::new();
    for f in found {
        if !kept.iter().any(|k| f.0 < k.1 && k.0 < f.1) {
            kept.push(f);
        }
    }
    kept.sort_unstable();
    kept.into_iter()
        .filter_map(|(s, e, p)| {
            let start = *map.get(s)?;
            let last = *map.get(e.checked_sub(1)?)?;
            let end = last + text.get(last..)?.chars().next()?.len_utf8();
            let key = qpvs.patterns.get(p)?.clone();
            let named = named_by(&key);
            Some(Hit { range: start..end, key, named })
        })
        .collect()
}

/// Whether a name ending before byte `at` of `text`, inside a word, is glued to the "et" of a
/// list whose next item is capitalised ("<b>Perseigne</b>et<b>Courteille</b>" read as
/// "Perseigneet Courteille": the ingest splits the words at the capital, not at the "et").
fn glued_end(text: &str, at: usize) -> bool {
    text[..at].chars().next_back().is_some_and(char::is_lowercase)
        && text[at..]
            .strip_prefix("et")
            .map(|rest| rest.strip_prefix(' ').unwrap_or(rest))
            .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// The communes a text names, asked by INSEE code: a commune (or, for a commune déléguée, its
/// parent) is named when its name, folded like QPV names, stands in the folded text as whole
/// words.
#[derive(Debug)]
pub struct NamedCommunes {
    folded: String,
}

impl NamedCommunes {
    /// Folds `text` once for every later question.
    pub fn of(text: &str) -> NamedCommunes {
        NamedCommunes { folded: format!(" {} ", fold(text)) }
    }

    /// Whether the commune of INSEE code `insee` is named in the text, also after "au" or
    /// "aux" that hold its article ("au Pontet" for Le Pontet, "aux Mureaux" for Les Mureaux).
    pub fn contains(&self, insee: &str) -> bool {
        super::current_commune(insee).is_some_and(|current| {
            let named = |name: String| {
                let contracted = [("le ", "au "), ("les ", "aux ")].iter().any(|(article, to)| {
                    name.strip_prefix(article)
                        .is_some_and(|rest| self.folded.contains(&format!(" {to}{rest} ")))
                });
                contracted || self.folded.contains(&format!(" {name} "))
            };
            names_of(current).any(|n| named(fold(n)))
        })
    }
}

/// The names commune `c` goes by: its name, then the names it had before a renaming under the
/// same code (`communes_anciennes.tsv`).
pub fn names_of(c: &'static super::Commune) -> impl Iterator<Item = &'static str> {
    std::iter::once(c.name).chain(former_names(c.insee).iter().copied())
}

/// The former names of the commune of INSEE code `insee` when it was renamed under the same
/// code ("Éragny" for Éragny-sur-Oise); none for most communes.
fn former_names(insee: &str) -> &'static [&'static str] {
    RENAMED.get(insee).map_or(&[], Vec::as_slice)
}

/// The names a commune bore before it was renamed, by its INSEE code (the same code now):
/// pages still write the short name ("Éragny" for Éragny-sur-Oise).
static RENAMED: LazyLock<HashMap<&'static str, Vec<&'static str>>> = LazyLock::new(|| {
    let mut by_code: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
    for [insee, name, commune] in rows::<3>("gazetteer/communes_anciennes.tsv") {
        if insee == commune && !name.is_empty() {
            by_code.entry(commune).or_default().push(name);
        }
    }
    by_code
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_commune_with_an_article_is_named_after_au_or_aux() {
        let le_pontet = crate::gazetteer::communes_named("Le Pontet")[0].insee;
        assert!(NamedCommunes::of("Au Pontet, le secteur est retenu.").contains(le_pontet));
        assert!(NamedCommunes::of("Le Pontet signe.").contains(le_pontet));
        assert!(!NamedCommunes::of("Un pontet de bois.").contains(le_pontet));
    }

    #[test]
    fn a_renamed_commune_is_named_by_its_former_name_too() {
        // Éragny became Éragny-sur-Oise under the same code.
        let eragny = crate::gazetteer::communes_named("Éragny-sur-Oise")[0].insee;
        assert!(NamedCommunes::of("À Éragny, les habitants votent.").contains(eragny));
        assert!(NamedCommunes::of("Le maire d'Eragny-sur-Oise signe.").contains(eragny));
        assert!(!NamedCommunes::of("Les berges de l'Oise sont calmes.").contains(eragny));
    }

    #[test]
    fn the_file_parses_with_unique_codes_and_known_communes() {
        let qpvs = &*QPVS;
        assert!(qpvs.all.len() > 1500, "{}", qpvs.all.len());
        let mut codes: Vec<&str> = qpvs.all.iter().map(|q| q.code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), qpvs.all.len());
        for q in &qpvs.all {
            assert!(q.code.starts_with("QN"), "{}", q.code);
            assert!(!q.communes.is_empty(), "{}", q.code);
            for c in &q.communes {
                assert!(super::super::commune(c).is_some(), "{} {c}", q.code);
            }
        }
    }

    #[test]
    fn a_name_of_places_listed_with_spaces_is_found_without_its_first_or_last() {
        assert_eq!(
            spaced_runs("Tardy Tarentaize Beaubrun Couriot"),
            [
                "tarentaize beaubrun couriot",
                "tardy tarentaize beaubrun",
                "beaubrun couriot",
                "tardy tarentaize"
            ]
        );
        let code = |name: &str| -> Vec<&str> {
            qpvs_named(name).iter().filter(|n| !n.whole).map(|n| n.qpv.code).collect()
        };
        assert_eq!(code("Tarentaize-Beaubrun-Couriot"), ["QN04212M"]);
        assert_eq!(code("Canet - Arnavaux"), code("Canet Arnavaux"));
        // Names of two places, or of one place in several words, give no shorter run.
        assert!(spaced_runs("Bottière Pin Sec").len() == 2);
        assert!(spaced_runs("Le Clos de la Grande Salle").is_empty());
        assert!(spaced_runs("Petit Bard").is_empty());
    }

    #[test]
    fn names_are_found_whole_or_by_part_whatever_the_spelling() {
        let whole = qpvs_named("Grande Reyssouze Terre des Fleurs");
        assert!(whole.iter().any(|n| n.qpv.code == "QN00101M" && n.whole));
        let part = qpvs_named("la saraillere");
        assert!(part.iter().any(|n| n.qpv.communes.contains(&"33167") && !n.whole), "{part:?}");
        assert!(qpvs_named("Rue imaginaire des Tests").is_empty());
        // A name several communes share has several QPVs: the caller chooses by commune.
        assert!(qpvs_named("Centre-Ville").len() > 5);
    }

    #[test]
    fn saint_is_found_written_out_or_shortened() {
        // The list writes "St Armel"; pages write "Saint-Armel", and "St-Jacques" for the
        // list's "Saint-Jacques".
        assert!(qpvs_named("Saint-Armel").iter().any(|n| n.qpv.code == "QN05607M"));
        assert!(qpvs_named("St Armel").iter().any(|n| n.qpv.code == "QN05607M"));
        assert!(qpvs_named("St-Jacques").iter().any(|n| n.qpv.code == "QN06301M"));
        // Only the whole word: "Stade" is no "Saintade".
        assert_eq!(saint_spelled("stade du moulin"), Vec::<String>::new());
        assert_eq!(saint_spelled("la ste famille"), ["la sainte famille"]);
    }

    #[test]
    fn a_word_of_a_name_is_found_in_the_other_number() {
        // The list writes "Côtes des Roses - Bel Air"; a page writes "Côte des Roses".
        assert!(qpvs_named("Côte des Roses").iter().any(|n| n.qpv.code == "QN05707M"));
        assert!(qpvs_named("Côtes des Roses").iter().any(|n| n.qpv.code == "QN05707M"));
        assert_eq!(numeral_spelled("les 3 fontaines"), ["les trois fontaines"]);
        assert_eq!(numeral_spelled("quatre saisons"), ["4 saisons"]);
        assert_eq!(numeral_spelled("cite des dix sept arpents"), ["cite des 17 arpents"]);
        assert_eq!(numeral_spelled("port neuf"), Vec::<String>::new());
        assert_eq!(numeral_spelled("cite 4000"), Vec::<String>::new());
        assert_eq!(number_spelled("cotes des roses"), ["cote des roses", "cotes des rose"]);
        assert_eq!(number_spelled("beau chateau"), ["beaux chateau", "beau chateaux"]);
        assert_eq!(number_spelled("hauts chateaux"), ["haut chateaux", "hauts chateau"]);
        // One word, short words, words that do not change.
        assert_eq!(number_spelled("roses"), Vec::<String>::new());
        assert_eq!(number_spelled("val fleuri"), ["val fleuris"]);
        assert_eq!(number_spelled("les bois"), Vec::<String>::new());
        assert_eq!(number_spelled("grand clos"), ["grands clos"]);
    }

    #[test]
    fn folding_keeps_a_map_to_the_text() {
        let (folded, map) = fold_map("À l’Œuvre — Étoile");
        assert_eq!(folded, "a l oeuvre etoile");
        assert_eq!(map.len(), folded.len());
        assert_eq!(map[0], 0);
    }

    #[test]
    fn a_text_is_searched_in_one_pass_on_word_boundaries() {
        let text = "Les habitants de Grande Reyssouze – Terre des Fleurs, et d'ailleurs.";
        let hits = find_qpvs(text);
        let hit = hits.iter().find(|h| h.named.iter().any(|n| n.qpv.code == "QN00101M"));
        let hit = hit.expect("found");
        assert_eq!(&text[hit.range.clone()], "Grande Reyssouze – Terre des Fleurs");
        // Not inside a word.
        assert!(find_qpvs("Reyssouzeville").iter().all(|h| h.key != "reyssouze"));
        // Where keys overlap, the longer name wins, its article aside: "Cité 2" over "La Cité".
        let keys: Vec<String> = find_qpvs("Les habitants de la cité 2 se mobilisent.")
            .into_iter()
            .map(|h| h.key)
            .collect();
        assert!(keys.contains(&"cite 2".to_owned()), "{keys:?}");
    }

    #[test]
    fn a_name_glued_to_the_et_of_its_list_is_found() {
        // The tags around each name were dropped with the spaces.
        for text in ["Restent prioritaires :Palmeret Dravemont.", "À Cenon, PalmeretDravemont."] {
            let keys: Vec<String> = find_qpvs(text).into_iter().map(|h| h.key).collect();
            assert!(keys.contains(&"palmer".to_owned()), "{text}: {keys:?}");
        }
        // A word that goes on in lower case is another word: "palmeraie", "Palmeret de la
        // ville".
        assert!(find_qpvs("la palmeraie et Dravemont").iter().all(|h| h.key != "palmer"));
        assert!(find_qpvs("le Palmeret de la ville").iter().all(|h| h.key != "palmer"));
    }
}
