//! Lookup keys for gazetteer names: the forms under which a commune, an intercommunality, a
//! département or a région is found, whatever the way a document writes it.
//!
//! A key is [`fold_keep_article`] (lowercase, no accents, punctuation as single spaces: "Condé sur
//! l'Escaut" and "Condé-sur-l’Escaut" agree) with a few spelling variants made equal: "St"/"Ste"
//! for "Saint"/"Sainte", "lez" for "lès", "2ème" for "2e". The bare key also drops a leading
//! article ("Grand-Quevilly" finds "Le Grand-Quevilly"); lookups try the key with its article
//! first, so "Le Quesnoy" finds Le Quesnoy and nothing else.
//!
//! Intercommunalities are also found by their name without its kind ("CA de Lens - Liévin" under
//! "Lens Liévin", "Métropole Rouen Normandie" under "Rouen Normandie") and by the initials of
//! their long name ("CALL" for Communauté d'Agglomération de Lens-Liévin).

use crate::names::fold_keep_article;

/// The articles a name may start with.
const ARTICLES: [&str; 4] = ["le", "la", "les", "l"];

/// Words left out of initialisms ("Communauté d'Agglomération de Lens-Liévin" = "CALL").
const SMALL_WORDS: [&str; 16] = [
    "a", "au", "aux", "d", "de", "des", "du", "en", "et", "l", "la", "le", "les", "sous", "sur",
    "un",
];

/// The lookup key of a name, its leading article kept.
pub fn key(name: &str) -> String {
    let folded = fold_keep_article(name);
    let plain = |(i, w): (usize, &str)| {
        let variant = matches!(w, "st" | "ste" | "sts" | "stes") || (i > 0 && w == "lez");
        !variant && ordinal(w).is_none()
    };
    if folded.split(' ').enumerate().all(plain) {
        return folded;
    }
    let mut out = String::with_capacity(folded.len() + 8);
    for (i, word) in folded.split(' ').filter(|w| !w.is_empty()).enumerate() {
        if i > 0 {
            out.push(' ');
        }
        match word {
            "st" => out.push_str("saint"),
            "ste" => out.push_str("sainte"),
            "sts" => out.push_str("saints"),
            "stes" => out.push_str("saintes"),
            "lez" if i > 0 => out.push_str("les"),
            w => match ordinal(w) {
                Some(n) => {
                    out.push_str(n);
                    out.push('e');
                }
                None => out.push_str(w),
            },
        }
    }
    out
}

/// The digits of an ordinal word ("19e", "19eme", "1er", "1ere"), the form arrondissements take.
fn ordinal(word: &str) -> Option<&str> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[digits.len()..];
    let is_ordinal = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(suffix, "e" | "eme" | "er" | "ere");
    is_ordinal.then_some(digits)
}

/// A key without its leading article, when more words follow ("le grand quevilly" →
/// "grand quevilly").
pub fn bare(key: &str) -> &str {
    match key.split_once(' ') {
        Some((first, rest)) if ARTICLES.contains(&first) => rest,
        _ => key,
    }
}

/// The name without a parenthesised part ("Château-Chinon (Ville)" → "Château-Chinon"), when it
/// has one.
pub fn without_parentheses(name: &str) -> Option<String> {
    let open = name.find('(')?;
    let close = name[open..].find(')').map_or(name.len(), |c| open + c + 1);
    let rest = format!("{} {}", &name[..open], &name[close..]);
    let rest = rest.split_whitespace().collect::<Vec<_>>().join(" ");
    (!rest.is_empty()).then_some(rest)
}

/// The parenthesised acronyms of a name ("CC de l'Est Lyonnais (CCEL)" → "CCEL").
pub fn parenthesised_acronym(name: &str) -> Option<&str> {
    parenthesised(name).filter(|inner| is_acronym(inner))
}

/// What a name gives in its first parentheses, trimmed.
fn parenthesised(name: &str) -> Option<&str> {
    let open = name.find('(')?;
    name[open + 1..].split(')').next().map(str::trim)
}

/// The other name an official name gives in parentheses, when it is words, not an acronym:
/// "CA de la Presqu'île de Guérande Atlantique (Cap Atlantique)" is also "Cap Atlantique".
pub fn parenthesised_name(name: &str) -> Option<&str> {
    parenthesised(name).filter(|inner| {
        inner.contains(' ') && inner.starts_with(char::is_uppercase) && !is_acronym(inner)
    })
}

/// Whether `s` as written looks like an acronym: one word of at least three capital letters
/// ("CALL", "MEL", "CCPM").
pub fn is_acronym(s: &str) -> bool {
    s.chars().count() >= 3 && s.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
}

/// Intercommunality kinds, as the keys of the words that may open a name: abbreviations first
/// expanded by [`expand_kind`], then stripped by [`core`].
const KIND_WORDS: [&str; 10] = [
    "communaute d agglomeration",
    "communaute de communes",
    "communaute des communes",
    "communaute urbaine",
    "communaute",
    "etablissement public territorial",
    "agglomeration",
    "eurometropole",
    "metropole",
    "ept",
];

/// The words linking a kind to the name ("CA *de la* Porte du Hainaut").
const LINKS: [&str; 6] = ["de la ", "de l ", "du ", "des ", "de ", "d "];

/// An intercommunality key with an abbreviated kind spelt out ("ca de lens lievin" →
/// "communaute d agglomeration de lens lievin", "lorient agglo" → "lorient agglomeration").
pub fn expand_kind(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 24);
    for (i, word) in key.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        out.push_str(match (i, word) {
            (0, "ca") => "communaute d agglomeration",
            (0, "cc") => "communaute de communes",
            (0, "cu") => "communaute urbaine",
            (_, "agglo") => "agglomeration",
            (_, w) => w,
        });
    }
    out
}

/// An intercommunality key without the kind that opens it and the article that follows
/// ("communaute d agglomeration de lens lievin" → "lens lievin", "metropole rouen normandie" →
/// "rouen normandie"), or `None` when it opens with no kind or nothing is left.
pub fn core(key: &str) -> Option<&str> {
    let mut rest = key;
    let mut stripped = false;
    'strip: loop {
        for kind in KIND_WORDS {
            if let Some(after) = rest.strip_prefix(kind).and_then(|r| r.strip_prefix(' ')) {
                rest = LINKS.iter().find_map(|l| after.strip_prefix(l)).unwrap_or(after);
                stripped = true;
                continue 'strip;
            }
        }
        break;
    }
    (stripped && !rest.is_empty()).then_some(rest)
}

/// An intercommunality key without the kind that closes it ("grand besancon metropole" →
/// "grand besancon", "douaisis agglomeration" → "douaisis"), when something is left.
pub fn without_trailing_kind(key: &str) -> Option<&str> {
    ["agglomeration", "metropole", "communaute"]
        .iter()
        .find_map(|kind| key.strip_suffix(kind)?.strip_suffix(' '))
        .filter(|rest| !rest.is_empty())
}

/// The initials of a key's words, small words left out ("communaute d agglomeration de lens
/// lievin" → "call"), when there are at least three.
pub fn initialism(key: &str) -> Option<String> {
    let initials: String = key
        .split(' ')
        .filter(|w| !SMALL_WORDS.contains(w))
        .filter_map(|w| w.chars().next())
        .collect();
    (initials.chars().count() >= 3).then_some(initials)
}

/// The entries of a name index: a key and the table row it finds.
pub type Entries = Vec<(String, u32)>;

/// The entries of the communes' name indexes for `(name, row)` pairs, unsorted: every name's key
/// (article kept) and its variants, a name also without a parenthesised part ("Château-Chinon
/// (Ville)") and an arrondissement without the word "arrondissement" ("Paris 19e"); then the
/// keys of names that open with an article, without it ("grand quevilly"). `build.rs` makes
/// the embedded tables' indexes with it.
pub fn commune_entries<'a>(named: impl Iterator<Item = (&'a str, u32)>) -> [Entries; 2] {
    let (mut by_key, mut by_dropped) = (Vec::new(), Vec::new());
    for (name, i) in named {
        let whole = key(name);
        if let Some(short) = without_parentheses(name) {
            by_key.push((key(&short), i));
        }
        if let Some(short) = whole.strip_suffix(" arrondissement") {
            by_key.push((short.to_owned(), i));
        }
        let dropped = bare(&whole);
        if dropped.len() < whole.len() {
            by_dropped.push((dropped.to_owned(), i));
        }
        by_key.push((whole, i));
    }
    [by_key, by_dropped]
}

/// The entries of the intercommunalities' name indexes, unsorted: official names (kind spelt
/// out) and aliases; names without their kind and without a leading article (unless
/// `is_commune` says a commune bears that key: "Métropole de Lyon" → "Lyon" would turn the
/// commune into the intercommunality); initialisms and acronyms. `epcis` gives each official
/// name with its row, `aliases` each alias with the row of its intercommunality. `build.rs`
/// makes the embedded tables' indexes with it.
pub fn epci_entries<'a>(
    epcis: impl Iterator<Item = (&'a str, u32)>,
    aliases: impl Iterator<Item = (&'a str, u32)>,
    is_commune: impl Fn(&str) -> bool,
) -> [Entries; 3] {
    let (mut by_name, mut by_core, mut by_initials) = (Vec::new(), Vec::new(), Vec::new());
    for (name, i) in epcis {
        let plain = without_parentheses(name);
        let long = expand_kind(&key(plain.as_deref().unwrap_or(name)));
        let core = core(&long);
        let short = core.into_iter().chain(without_trailing_kind(core.unwrap_or(&long)));
        for k in short.flat_map(|k| [k, bare(k)]) {
            if !is_commune(k) {
                by_core.push((k.to_owned(), i));
            }
        }
        by_initials.extend(core.and_then(initialism).map(|k| (k, i)));
        by_core.push((bare(&long).to_owned(), i));
        by_initials.extend(initialism(&long).map(|k| (k, i)));
        if let Some(acronym) = parenthesised_acronym(name) {
            by_initials.push((acronym.to_lowercase(), i));
        } else if let Some(other) = parenthesised_name(name) {
            by_name.push((expand_kind(&key(other)), i));
        }
        by_name.push((long, i));
    }
    for (alias, i) in aliases {
        if is_acronym(alias) {
            by_initials.push((alias.to_lowercase(), i));
        } else {
            by_name.push((expand_kind(&key(alias)), i));
        }
    }
    [by_name, by_core, by_initials]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn same(a: &str, b: &str) {
        assert_eq!(key(a), key(b), "{a:?} vs {b:?}");
    }

    #[test]
    fn keys_ignore_spelling_variants() {
        same("Condé sur l'Escaut", "Condé-sur-l’Escaut");
        same("St-Étienne-du-Rouvray", "Saint-Etienne-du-Rouvray");
        same("Ste Marie", "Sainte-Marie");
        same("Aulnoy-lès-Valenciennes", "Aulnoy-lez-Valenciennes");
        same("Paris 19ème", "Paris 19e");
        same("Marseille 1er", "Marseille 1ère");
        assert_ne!(key("Le Quesnoy"), key("Quesnoy"));
        assert_eq!(key("Lez"), "lez", "a first word is not a preposition");
    }

    #[test]
    fn a_name_in_parentheses_is_another_name_an_acronym_an_initialism() {
        let [by_name, _, by_initials] = epci_entries(
            [
                ("CA de la Presqu'île de Guérande Atlantique (Cap Atlantique)", 0),
                ("CA Porte de l'Isère (CAPI)", 1),
                ("CC du Cordais et du Causse (4 C)", 2),
            ]
            .into_iter(),
            std::iter::empty(),
            |_| false,
        );
        assert!(by_name.contains(&("cap atlantique".to_owned(), 0)), "{by_name:?}");
        assert!(by_initials.contains(&("capi".to_owned(), 1)), "{by_initials:?}");
        // Not a name: a number and a letter.
        assert!(!by_name.iter().any(|(k, i)| *i == 2 && k.starts_with('4')), "{by_name:?}");
    }

    #[test]
    fn bare_drops_a_leading_article_only() {
        assert_eq!(bare("le grand quevilly"), "grand quevilly");
        assert_eq!(bare("l isle adam"), "isle adam");
        assert_eq!(bare("bully les mines"), "bully les mines");
        assert_eq!(bare("les"), "les");
    }

    #[test]
    fn parentheses() {
        assert_eq!(
            without_parentheses("Château-Chinon (Ville)").as_deref(),
            Some("Château-Chinon")
        );
        assert_eq!(without_parentheses("Lens"), None);
        assert_eq!(parenthesised_acronym("CC de l'Est Lyonnais (CCEL)"), Some("CCEL"));
        assert_eq!(parenthesised_acronym("Bors (Canton de Tude-et-Lavalette)"), None);
    }

    #[test]
    fn kinds_are_expanded_and_stripped() {
        assert_eq!(expand_kind("ca de lens lievin"), "communaute d agglomeration de lens lievin");
        assert_eq!(expand_kind("caen la mer"), "caen la mer");
        assert_eq!(expand_kind("lorient agglo"), "lorient agglomeration");
        assert_eq!(core("communaute d agglomeration de lens lievin"), Some("lens lievin"));
        assert_eq!(
            core("communaute d agglomeration communaute paris saclay"),
            Some("paris saclay")
        );
        assert_eq!(core("metropole rouen normandie"), Some("rouen normandie"));
        assert_eq!(core("communaute de communes du pays de mormal"), Some("pays de mormal"));
        assert_eq!(core("communaute d agglomeration le grand narbonne"), Some("le grand narbonne"));
        assert_eq!(core("rennes metropole"), None);
        assert_eq!(without_trailing_kind("grand besancon metropole"), Some("grand besancon"));
        assert_eq!(without_trailing_kind("douaisis agglomeration"), Some("douaisis"));
        assert_eq!(without_trailing_kind("metropole"), None);
        assert_eq!(without_trailing_kind("tours metropole val de loire"), None);
        assert_eq!(core("metropole"), None);
    }

    #[test]
    fn initialisms_skip_small_words() {
        assert_eq!(
            initialism("communaute d agglomeration de lens lievin").as_deref(),
            Some("call")
        );
        assert_eq!(initialism("metropole europeenne de lille").as_deref(), Some("mel"));
        assert_eq!(initialism("de la mer"), None);
    }
}
