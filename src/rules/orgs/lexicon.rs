//! The vocabulary of the `orgs` family, read once from the plain files of `rules/orgs/`:
//! organisation kinds (`kinds.tsv`), known social landlords (`bailleurs.txt`), the words that
//! open a collective group (`generic.txt`), the words that open a body's name (`heads.txt`) and the roles of officials (`roles.tsv`).
//!
//! Every comparison is made on folded text ([`crate::names::fold`]: no case, accents or
//! punctuation), so a user writes the entries as they read them.

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::data;
use crate::names::fold;

/// `(folded pattern, kind)`, longest pattern first.
static KINDS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut kinds: Vec<(String, String)> = data::rows("orgs/kinds.tsv")
        .into_iter()
        .filter_map(|row| Some((words(row.first()?), row.get(1)?.clone())))
        .filter(|(p, k)| !p.is_empty() && !k.is_empty())
        .collect();
    kinds.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    kinds
});

/// Known bailleurs: `(name as written, folded name)`, longest first.
static BAILLEURS: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    let mut names: Vec<(String, String)> = data::lines("orgs/bailleurs.txt")
        .into_iter()
        .map(|l| {
            let f = words(&l);
            (l, f)
        })
        .collect();
    names.sort_by(|a, b| b.1.len().cmp(&a.1.len()).then(a.1.cmp(&b.1)));
    names
});

/// Known names holding " et " or a comma (bailleurs, kind patterns, the names of
/// intercommunalities without their kind, today's or 2015's: "beaune, côte et sud", "marne et
/// gondoire", "marne et chantereine"),
/// lowercased: " et " or a comma inside them joins no two parties.
pub(super) static JOINED: LazyLock<Vec<String>> = LazyLock::new(|| {
    let bailleurs = data::lines("orgs/bailleurs.txt");
    let kinds = data::rows("orgs/kinds.tsv").into_iter().filter_map(|r| r.first().cloned());
    // Today's intercommunalities, and the 2015 carriers merged since ("Marne et Chantereine").
    let carriers_2015 = data::rows("gazetteer/contrats_2015.tsv")
        .into_iter()
        .filter_map(|r| r.get(1).and_then(|n| epci_core(n)));
    let epcis =
        crate::gazetteer::epcis().iter().filter_map(|e| epci_core(e.name)).chain(carriers_2015);
    let mut joined: Vec<String> = bailleurs
        .into_iter()
        .chain(kinds)
        .filter(|n| n.contains(" et "))
        .chain(epcis.filter(|n| n.contains(" et ") || n.contains(", ")))
        .map(|n| n.to_lowercase())
        .collect();
    joined.sort();
    joined.dedup();
    joined
});

/// An intercommunality's official name without its kind and linking word, up to a second name
/// after a dash ("CA Beaune, Côte et Sud - Communauté Beaune-Chagny-Nolay" → "Beaune, Côte et
/// Sud").
fn epci_core(name: &str) -> Option<String> {
    let (_, rest) = name.split_once(' ')?;
    let rest = ["de la ", "de l'", "du ", "des ", "de ", "d'"]
        .iter()
        .find_map(|l| rest.strip_prefix(l))
        .unwrap_or(rest);
    let core = rest.split(" - ").next().unwrap_or(rest).trim();
    (core.split_whitespace().count() >= 3).then(|| core.to_owned())
}

static GENERIC: LazyLock<Vec<String>> =
    LazyLock::new(|| data::lines("orgs/generic.txt").iter().map(|l| words(l)).collect());

/// Common nouns that name one institution on their own ("le rectorat"), folded.
static ALONE: LazyLock<Vec<String>> =
    LazyLock::new(|| data::lines("orgs/alone.txt").iter().map(|l| words(l)).collect());

/// Words that open the name of a body ("fondation", "secours"), folded.
static HEADS: LazyLock<Vec<String>> =
    LazyLock::new(|| data::lines("orgs/heads.txt").iter().map(|l| words(l)).collect());

/// `(folded role, listed when unnamed)`, longest first.
static ROLES: LazyLock<Vec<(String, bool)>> = LazyLock::new(|| {
    let mut roles: Vec<(String, bool)> = data::rows("orgs/roles.tsv")
        .into_iter()
        .filter_map(|row| Some((words(row.first()?), row.get(1)? == "yes")))
        .collect();
    roles.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
    roles
});

/// Every folded word of the kind patterns, the common nouns alone and the bailleurs ("caisse",
/// "allocations", "familiales", "conseil", "départemental", "habitat"...).
static KIND_WORDS: LazyLock<std::collections::BTreeSet<String>> = LazyLock::new(|| {
    let patterns = KINDS.iter().map(|(p, _)| p.as_str());
    let alone = ALONE.iter().map(String::as_str);
    let bailleurs = BAILLEURS.iter().map(|(_, f)| f.as_str());
    patterns
        .chain(alone)
        .chain(bailleurs)
        .flat_map(str::split_whitespace)
        .map(str::to_owned)
        .collect()
});

/// Whether the lower-case word `word` may stand inside an organisation's name: a word of a kind
/// pattern, a common noun alone or a bailleur's name ("d'allocations", "départemental").
pub(super) fn is_kind_word(word: &str) -> bool {
    KIND_WORDS.contains(&words(word))
}

/// The folded words of `s`, without dropping a leading article (unlike [`fold`] on its own,
/// which would turn "La Poste" into "poste").
pub(super) fn words(s: &str) -> String {
    crate::names::fold_keep_article(s)
}

/// The kind of the organisation named `name`: the longest pattern of `kinds.tsv` found among its
/// words, `bailleur` for a known bailleur.
pub(super) fn kind(name: &str) -> Option<&'static str> {
    // Every pattern found among the words, in one pass; the first of `KINDS` wins.
    static FINDER: LazyLock<AhoCorasick> = LazyLock::new(|| {
        AhoCorasick::new(KINDS.iter().map(|(p, _)| format!(" {p} "))).expect("kind patterns")
    });
    let padded = format!(" {} ", words(name));
    let first = FINDER.find_overlapping_iter(&padded).map(|m| m.pattern().as_usize()).min();
    first.map(|i| KINDS[i].1.as_str()).or_else(|| is_bailleur(name).then_some("bailleur"))
}

/// Whether the kind pattern found in `name` opens it ("caisse d'allocations familiales du Nord",
/// not "contrat de ville de la Métropole").
pub(super) fn kind_opens(name: &str) -> bool {
    let folded = format!("{} ", words(name));
    KINDS.iter().any(|(p, _)| folded.strip_prefix(p.as_str()).is_some_and(|r| r.starts_with(' ')))
}

/// How many words the longest kind pattern opening `name` has (0 when none opens it):
/// "mission locale du Niortais" → 2.
pub(super) fn opening_words(name: &str) -> usize {
    let folded = format!("{} ", words(name));
    KINDS
        .iter()
        .filter(|(p, _)| folded.strip_prefix(p.as_str()).is_some_and(|r| r.starts_with(' ')))
        .map(|(p, _)| p.split(' ').count())
        .max()
        .unwrap_or(0)
}

/// Whether `name` is a known bailleur, or a known bailleur's branch: its name followed by a
/// capitalised place or region ("3F Centre Val de Loire", "CDC Habitat Sud-Ouest"), not by a
/// person ("Vilogia Paul Roux") nor by a lower-case word ("Vilogia signe").
pub(super) fn is_bailleur(name: &str) -> bool {
    let folded = words(name);
    if BAILLEURS.iter().any(|(_, f)| *f == folded) {
        return true;
    }
    let tokens: Vec<&str> = name.split_whitespace().collect();
    (1..tokens.len()).any(|cut| {
        let rest = tokens[cut..].join(" ");
        let head = words(&tokens[..cut].join(" "));
        tokens[cut].starts_with(char::is_uppercase)
            && tokens.len() - cut <= 4
            && !opens_with_given_name(&rest)
            && BAILLEURS.iter().any(|(_, f)| *f == head)
    })
}

/// Whether `name` opens with a collective word ("villes", "leurs partenaires", "18 communes").
pub(super) fn is_generic(name: &str) -> bool {
    let folded = words(name);
    let first = folded.split(' ').find(|w| !w.chars().all(|c| c.is_ascii_digit()));
    first.is_some_and(|w| GENERIC.iter().any(|g| g == w))
}

/// Whether `name` opens with a given name ("Martine Gewiss", "Jean-Luc Schaeffer"; a compound
/// when each part is one).
pub(super) fn opens_with_given_name(name: &str) -> bool {
    let Some(first) = name.split_whitespace().next() else { return false };
    let folded = fold(first);
    let mut parts = folded.split(' ').filter(|p| !p.is_empty()).peekable();
    parts.peek().is_some() && parts.all(|p| crate::rules::people::given_names().contains(p))
}

/// Whether `name` is a common noun that names one institution on its own in a list of parties
/// ("préfecture", "rectorat", "parquet"), unlike "l'agglomération" or "la métropole".
pub(super) fn is_alone(name: &str) -> bool {
    let folded = words(name);
    ALONE.contains(&folded)
}

/// Whether `name` opens with a word that opens the name of a body ("Fondation Abbé Pierre",
/// "Secours populaire", "Initiative Flandre"): a body's name, not a person's.
pub(super) fn opens_body(name: &str) -> bool {
    let folded = words(name);
    folded.split(' ').next().is_some_and(|w| HEADS.iter().any(|h| h == w))
}

/// An official's role opening `name`: `(plural, listed when unnamed)`. "préfète du Nord" →
/// `(false, true)`, "maires des communes" → `(true, true)`.
pub(super) fn role(name: &str) -> Option<(bool, bool)> {
    let folded = format!("{} ", words(name));
    ROLES.iter().find_map(|(r, listed)| {
        let rest = folded.strip_prefix(r.as_str())?;
        if rest.starts_with(' ') {
            Some((false, *listed))
        } else if rest.starts_with("s ") || rest.starts_with("x ") {
            Some((true, *listed))
        } else {
            None
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_keep_the_leading_article() {
        assert_eq!(words("La Poste"), "la poste");
        assert_eq!(words(" L’Office public de l'habitat "), "l office public de l habitat");
        assert_eq!(words("Les"), "les");
        assert_eq!(words(" – "), "");
    }

    const FILES: &[(&str, usize)] = &[
        ("orgs/alone.txt", 1),
        ("orgs/bailleurs.txt", 1),
        ("orgs/generic.txt", 1),
        ("orgs/heads.txt", 1),
        ("orgs/kinds.tsv", 2),
        ("orgs/roles.tsv", 2),
    ];

    #[test]
    fn data_files_parse_and_are_sorted() {
        for (file, columns) in FILES {
            data::check_table(file, *columns, false);
        }
        for row in data::rows("orgs/roles.tsv") {
            assert!(matches!(row[1].as_str(), "yes" | "no"), "roles.tsv: {row:?}");
        }
        assert_eq!(KINDS.len(), data::lines("orgs/kinds.tsv").len());
    }

    #[test]
    fn kinds_are_looked_up() {
        assert_eq!(kind("Caisse d’allocations familiales du Nord"), Some("caf"));
        assert_eq!(kind("CDC Habitat"), Some("bailleur"));
        assert_eq!(kind("CDC Nord-Pas-de-Calais"), Some("caisse_des_depots"));
        assert_eq!(kind("l'État"), Some("etat"));
        assert_eq!(kind("Un Toit pour Tous"), Some("bailleur"));
        assert_eq!(kind("Caen la Mer"), None);
        assert_eq!(kind("l'Inspection académique du Gers"), Some("education"));
        assert_eq!(kind("Maison de l'emploi et de la formation"), Some("other"));
        assert!(kind_opens("caisse d'allocations familiales"));
        assert!(!kind_opens("contrat de ville de la Métropole"));
        assert_eq!(opening_words("Mission locale du Niortais"), 2);
        assert_eq!(opening_words("ANRU"), 1);
        assert_eq!(opening_words("contrat de ville de la Métropole"), 0);
    }

    #[test]
    fn groups_and_roles_are_told() {
        assert!(is_generic("villes"));
        assert!(is_generic("18 communes concernées"));
        assert!(!is_generic("bailleurs sociaux"));
        assert_eq!(role("Préfète du Pas-de-Calais"), Some((false, true)));
        assert_eq!(role("sous-préfète d'Alès"), Some((false, true)));
        assert_eq!(role("maires des communes concernées"), Some((true, true)));
        assert_eq!(role("vice-président de la CALL"), Some((false, false)));
        assert_eq!(role("Préfecture de l'Aude"), None);
        assert!(opens_body("Fondation Abbé Pierre"));
        assert!(opens_body("Secours Populaire Français"));
        assert!(!opens_body("Anne Fondation"));
        assert!(!opens_body("Francis Maison"));
    }
}
