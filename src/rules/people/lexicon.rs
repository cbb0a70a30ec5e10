//! The vocabulary of the `people` family, read once from the plain files of `rules/people/`:
//! given names, role words, cue words, and the words that rule a capitalised pair out as a name.

use std::collections::HashSet;
use std::sync::LazyLock;

use crate::rules::text::{Match, Regex};

use crate::data;
use crate::names::fold;

/// What a role says about its holder's capacity at a signing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RoleKind {
    /// An elected official, a State or institution officer: may be present in that capacity.
    Official,
    /// A staff member (chargée de mission, responsable).
    Staff,
    /// A resident, a member of a citizens' council.
    Resident,
}

/// Which organisation a role names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum RoleOrg {
    /// The State ("préfet").
    State,
    /// The words after "de" ("président de la Métropole Rouen Normandie").
    Complement,
    None,
}

/// One row of `rules/people/roles.tsv`.
#[derive(Debug, Clone)]
pub(super) struct RoleWord {
    pub form: String,
    pub kind: RoleKind,
    pub org: RoleOrg,
}

/// Folded given names ("jean francois").
static GIVEN: LazyLock<HashSet<String>> =
    LazyLock::new(|| data::lines("people/given_names.txt").iter().map(|l| fold(l)).collect());

/// Folded words that never make a family name.
static NOT_NAMES: LazyLock<HashSet<String>> =
    LazyLock::new(|| data::lines("people/not_names.txt").iter().map(|l| fold(l)).collect());

/// Folded words that make the capitalised pair after them a place.
static PLACE_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| data::lines("people/place_words.txt").iter().map(|l| fold(l)).collect());

pub(super) static ROLES: LazyLock<Vec<RoleWord>> = LazyLock::new(|| {
    data::rows("people/roles.tsv")
        .into_iter()
        .filter_map(|row| {
            let kind = match row.get(1)?.as_str() {
                "official" => RoleKind::Official,
                "staff" => RoleKind::Staff,
                "resident" => RoleKind::Resident,
                _ => return None,
            };
            let org = match row.get(2)?.as_str() {
                "état" => RoleOrg::State,
                "complement" => RoleOrg::Complement,
                _ => RoleOrg::None,
            };
            Some(RoleWord { form: row.first()?.to_lowercase(), kind, org })
        })
        .collect()
});

/// `(kind, cue)` rows of `rules/people/cues.tsv`.
static CUES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    data::rows("people/cues.tsv")
        .into_iter()
        .filter_map(|row| Some((row.first()?.clone(), row.get(1)?.to_lowercase())))
        .collect()
});

/// The cues of one kind.
pub(super) fn cues(kind: &str) -> impl Iterator<Item = &'static str> {
    CUES.iter().filter(move |(k, _)| k == kind).map(|(_, c)| c.as_str())
}

/// A regex alternation of `forms` (see [`escape`]), longest first so that the leftmost-first engine prefers
/// "vice-présidente" to "vice-président"; spaces match any white space.
pub(super) fn alternation<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    let mut forms: Vec<&str> = forms.collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    let alts: Vec<String> = forms.iter().map(|f| escape(f).replace(' ', r"\s+")).collect();
    format!("(?:{})", alts.join("|"))
}

/// `form` escaped for a regex, its initial "é" matching a capital that lost its accent too
/// ("Etaient présents", "Elue municipale").
pub(super) fn escape(form: &str) -> String {
    match form.strip_prefix('é') {
        Some(rest) => format!("[ée]{}", regex::escape(rest)),
        None => regex::escape(form),
    }
}

/// The rank written before a role word ("1er adjoint", "première adjointe", "2e vice-président",
/// "troisième adjoint au maire"): the role is the role word's, whatever the rank.
const ORDINAL: &str = r"(?:1(?:er|re|ère|ere)|premi(?:er|ère|ere)|\d{1,2}(?:e|è|ème|eme)|second|seconde|(?:deux|trois|quatr|cinqu|six|sept|huit|neuv|dix)i[èe]me)";

/// A rank before a role word, at the start of a text (see [`ORDINAL`]).
static ORDINAL_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)^{ORDINAL}\s+")).expect("valid regex"));

/// Any role word, as a regex fragment (use with `(?i)`), maybe after its rank ("1er adjoint").
/// Its accented letters also match the bare letter, as a conversion that lost the accents
/// writes them ("Prefet", "Presidente", "Deleguee").
pub(super) static ROLE: LazyLock<String> = LazyLock::new(|| {
    let mut forms: Vec<&str> = ROLES.iter().map(|r| r.form.as_str()).collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    let alts: Vec<String> =
        forms.iter().map(|f| accentless(&regex::escape(f)).replace(' ', r"\s+")).collect();
    format!(r"(?:{ORDINAL}\s+)?(?:{})", alts.join("|"))
});

/// A regex fragment whose accented letters also match their bare letter ("é" → "[ée]").
fn accentless(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    for c in pattern.chars() {
        match fold(&c.to_string()).as_str() {
            bare if bare.len() == 1 && !c.is_ascii() && c.is_alphabetic() => {
                out.push('[');
                out.push(c);
                out.push_str(bare);
                out.push(']');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Any role word (see [`ROLE`]), maybe after its rank. The tests for a role at a given place
/// ([`role_opening`], [`opens_with_role`]) anchor this pattern there rather than compile the
/// long role alternation again behind a `^` (each copy cost a one-document run about 2 % of
/// its instructions).
pub(super) static ROLE_ANY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{}\b", *ROLE)).expect("valid regex"));

/// The role word that opens `text` (what `(?i)^ROLE\b` finds): every rank and role word begins
/// with a word character (see the tests), so the `\b` opening [`ROLE_ANY`] holds at the start
/// whenever a role follows.
pub(super) fn role_opening(text: &str) -> Option<Match<'_>> {
    ROLE_ANY.find_anchored(text, 0)
}

/// Whether a role word opens `text`, after an optional article ("le", "la", "l'"): what
/// `(?i)^(?:(?:le|la)\s+|l')?ROLE\b` matches. After the article the `\b` opening
/// [`ROLE_ANY`] holds (a space or an apostrophe, then a word character), and the article's
/// `\s+` is the longest run: a role word never starts with a space.
pub(super) fn opens_with_role(text: &str) -> bool {
    static ARTICLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"(?i)^(?:(?:le|la)\s+|l')").expect("valid regex"));
    ARTICLE.find(text).is_some_and(|a| ROLE_ANY.find_anchored(text, a.end()).is_some())
        || role_opening(text).is_some()
}

/// The role word `form` was matched as ("Vice-Présidente" → its row; "1er adjoint" → the row
/// of "adjoint" unless the rank is listed with it).
pub(super) fn role_word(form: &str) -> Option<&'static RoleWord> {
    let key: String = form.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    let find = |key: &str| {
        ROLES.iter().find(|r| r.form == key).or_else(|| {
            // A form that lost its accents ("prefete").
            let bare = fold(key);
            ROLES.iter().find(|r| fold(&r.form) == bare)
        })
    };
    find(&key).or_else(|| {
        let rank = ORDINAL_AT.find(&key)?;
        find(&key[rank.end()..])
    })
}

/// Whether `word` is a role word or its plural ("maires", "présidents").
pub(super) fn is_role_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let singular = w.strip_suffix(['s', 'x']).unwrap_or(&w);
    ROLES.iter().any(|r| r.form == w || r.form == singular)
}

/// The folded given names of `rules/people/given_names.txt`, the one copy of the list that the
/// orgs family and the ingest's case restoration read too.
pub(crate) fn given_names() -> &'static HashSet<String> {
    &GIVEN
}

/// The folded words of `rules/people/not_names.txt`, the one copy of the list that the ingest's
/// case restoration reads too.
pub(crate) fn not_names() -> &'static HashSet<String> {
    &NOT_NAMES
}

/// Whether `word` (one token, possibly compound) is a given name: listed, or each of its
/// hyphenated parts listed ("Marie-Hélène").
pub(super) fn is_given(word: &str) -> bool {
    let key = fold(word);
    if key.is_empty() {
        return false;
    }
    GIVEN.contains(&key) || (key.contains(' ') && key.split(' ').all(|p| GIVEN.contains(p)))
}

/// Whether `word` can never be part of a person's name.
pub(super) fn is_not_name(word: &str) -> bool {
    let key = fold(word);
    NOT_NAMES.contains(&key) || key.split(' ').any(|p| NOT_NAMES.contains(p))
}

/// Whether `word` makes the capitalised pair after it a place ("rue", "Cité").
pub(super) fn is_place_word(word: &str) -> bool {
    PLACE_WORDS.contains(&fold(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The anchored role tests find what the patterns they replace found, `(?i)^ROLE\b` and
    /// `(?i)^(?:(?:le|la)\s+|l')?ROLE\b`: on every role form (as listed, capitalised and in
    /// capitals, after an article, a rank or another word, followed by what may follow a role)
    /// and on every line of the fixtures, from its start and after each comma.
    #[test]
    fn anchored_role_tests_match_the_patterns_they_replace() {
        let bare = Regex::new(&format!(r"(?i)^{}\b", *ROLE)).expect("valid regex");
        let with_article =
            Regex::new(&format!(r"(?i)^(?:(?:le|la)\s+|l')?{}\b", *ROLE)).expect("valid regex");
        let mut texts: Vec<String> = Vec::new();
        for role in ROLES.iter() {
            // What anchoring relies on: a role word starts with a word character.
            assert!(role.form.starts_with(char::is_alphanumeric), "{:?}", role.form);
            let mut chars = role.form.chars();
            let capitalised: String =
                chars.next().into_iter().flat_map(char::to_uppercase).chain(chars).collect();
            for form in [role.form.clone(), capitalised, role.form.to_uppercase()] {
                for before in
                    ["", "le ", "La  ", "l'", "L'", "le\n", "les ", "1er ", "la 2e ", "ex "]
                {
                    for after in ["", " de Lens", ", maire", "s", "-maire", "é"] {
                        texts.push(format!("{before}{form}{after}"));
                    }
                }
            }
        }
        let mut files: Vec<_> = std::fs::read_dir("fixtures/docs")
            .expect("fixtures")
            .map(|e| e.expect("fixture").path())
            .collect();
        files.sort();
        for path in files {
            // Some fixtures are in a legacy encoding: their other characters still count.
            let bytes = std::fs::read(&path).expect("fixture");
            let text = String::from_utf8_lossy(&bytes);
            for line in text.lines() {
                texts.push(line.to_owned());
                for (i, _) in line.match_indices(',') {
                    texts.push(line[i + 1..].trim_start().to_owned());
                }
            }
        }
        let mut found = 0;
        for text in &texts {
            let expected = bare.find(text).map(|m| m.range());
            assert_eq!(role_opening(text).map(|m| m.range()), expected, "{text:?}");
            assert_eq!(opens_with_role(text), with_article.is_match(text), "{text:?}");
            found += usize::from(expected.is_some());
        }
        assert!(found > 1000, "only {found} texts open with a role");
    }

    #[test]
    fn data_files_parse_and_are_sorted() {
        for (file, columns) in [
            ("people/cues.tsv", 2),
            ("people/given_names.txt", 1),
            ("people/not_names.txt", 1),
            ("people/place_words.txt", 1),
            ("people/roles.tsv", 3),
        ] {
            data::check_table(file, columns, true);
        }
        assert_eq!(ROLES.len(), data::lines("people/roles.tsv").len(), "bad role kind");
    }

    #[test]
    fn words_are_looked_up() {
        assert!(is_given("Jean-François"));
        assert!(is_given("MARIE-HÉLÈNE"));
        assert!(is_given("Gwenaëlle"));
        assert!(!is_given("Saint-Pierre"));
        assert!(!is_given("France"));
        assert!(is_given("Armande"));
        assert!(is_given("Bérengère"));
        assert!(!is_given("Lorraine"));
        assert!(!is_given("Avril"));
        assert!(is_role_word("maires"));
        assert_eq!(role_word("Prefete").map(|r| r.form.as_str()), Some("préfète"));
        let role = Regex::new(&format!(r"(?i)^{}$", *ROLE)).expect("valid regex");
        assert!(role.is_match("Presidente"));
        assert!(role.is_match("vice-présidente"));
        assert!(!role.is_match("Presidence"));
        assert!(is_role_word("Préfète"));
        assert!(!is_role_word("bailleurs"));
        assert_eq!(role_word("Vice-Président").map(|r| r.kind), Some(RoleKind::Official));
        // A rank before the role word.
        for ranked in ["1er adjoint", "Première Adjointe", "2e vice-présidente", "3ème adjoint"]
        {
            assert!(role.is_match(ranked), "{ranked}");
            assert_eq!(role_word(ranked).map(|r| r.kind), Some(RoleKind::Official), "{ranked}");
        }
        assert_eq!(
            role_word("1er vice-président").map(|r| r.form.as_str()),
            Some("1er vice-président")
        );
        assert!(!role.is_match("1er quartier"));
        assert_eq!(
            role_word("Premier ministre").map(|r| r.form.as_str()),
            Some("premier ministre")
        );
        assert!(is_place_word("Cité"));
        assert!(is_not_name("Métropole"));
        assert!(cues("speech").any(|c| c == "résume"));
    }
}
