//! The vocabulary of the `figures` family, read once from the plain files of `rules/figures/`:
//! number words, approximators, head nouns and their classes, the cues that refine a kind, and
//! the regex fragments the grammars share.

use std::sync::LazyLock;

/// The number words, one table shared with the territories family.
pub(super) use crate::analysis::words::{NUMBER_WORDS, number_word};

use crate::data;

/// What a head noun counts. The kind of the figure follows from the class and, for inhabitants,
/// neighbourhoods and years, from the clause around it ([`super::context`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Class {
    Actions,
    Communes,
    Contracts,
    Euros,
    /// "zones urbaines sensibles", "ZUS": neighbourhoods of a former priority geography.
    Former,
    /// "jeunes", "familles": a group of people, counted only as people mobilised or consulted.
    Group,
    Partners,
    Participants,
    People,
    /// "personnes": inhabitants only when the context says which.
    Persons,
    Percent,
    /// "projets": actions only when the clause says they are funded or supported.
    Projects,
    Quartiers,
    /// "sites", "secteurs": neighbourhoods only when the context says which.
    Sites,
    Years,
}

impl Class {
    fn parse(s: &str) -> Option<Class> {
        Some(match s {
            "actions" => Class::Actions,
            "communes" => Class::Communes,
            "contracts" => Class::Contracts,
            "euros" => Class::Euros,
            "former" => Class::Former,
            "group" => Class::Group,
            "partners" => Class::Partners,
            "participants" => Class::Participants,
            "people" => Class::People,
            "persons" => Class::Persons,
            "percent" => Class::Percent,
            "projects" => Class::Projects,
            "quartiers" => Class::Quartiers,
            "sites" => Class::Sites,
            "years" => Class::Years,
            _ => return None,
        })
    }
}

/// What a cue word says about a figure's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Cue {
    /// Inhabitants counted as people mobilised or consulted.
    Participant,
    /// Inhabitants of the priority neighbourhoods.
    Qpv,
    /// A place noun saying the same, before the number or behind a preposition after it.
    QpvPlace,
    /// "prioritaire", "QPV": a [`Cue::QpvPlace`] that also says the neighbourhoods are priority
    /// ones, whatever else the clause says of them.
    Priority,
    /// Neighbourhoods that are not (or no longer) priority ones.
    OtherQuartier,
    /// Urban renewal (NPNRU, ANRU): neighbourhoods counted for renewal, not as priority ones,
    /// unless the clause says "prioritaires".
    Renewal,
    /// Funding or support ("financés", "soutenus", "au service de"): projects so counted are
    /// the contract's actions.
    Funded,
}

/// How a number without its head noun relates to the figure before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Link {
    /// A part of it ("dont"): keeps its kind unless its own clause says more.
    Part,
    /// Another figure of the same thing ("contre"): its own clause decides.
    Other,
}

/// `(form, value)` rows of a two-column rule file, the form lower-cased.
fn pairs<T>(rel: &str, parse: impl Fn(&str) -> Option<T>) -> Vec<(String, T)> {
    data::rows(rel)
        .into_iter()
        .filter_map(|row| Some((row.first()?.to_lowercase(), parse(row.get(1)?)?)))
        .collect()
}

fn words(rel: &str) -> Vec<String> {
    data::lines(rel)
}

pub(super) static ROUND_NUMBERS: LazyLock<Vec<(String, u32)>> =
    LazyLock::new(|| pairs("figures/round_numbers.tsv", |v| v.parse().ok()));
pub(super) static MULTIPLIERS: LazyLock<Vec<(String, f64)>> =
    LazyLock::new(|| pairs("figures/multipliers.tsv", |v| v.parse().ok()));
pub(super) static HEADS: LazyLock<Vec<(String, Class)>> =
    LazyLock::new(|| pairs("figures/heads.tsv", Class::parse));
pub(super) static CUES: LazyLock<Vec<(String, Cue)>> = LazyLock::new(|| {
    pairs("figures/cues.tsv", |v| match v {
        "participant" => Some(Cue::Participant),
        "qpv" => Some(Cue::Qpv),
        "qpv_place" => Some(Cue::QpvPlace),
        "priority" => Some(Cue::Priority),
        "other_quartier" => Some(Cue::OtherQuartier),
        "renewal" => Some(Cue::Renewal),
        "funded" => Some(Cue::Funded),
        _ => None,
    })
});
pub(super) static CONNECTORS: LazyLock<Vec<(String, Link)>> = LazyLock::new(|| {
    pairs("figures/connectors.tsv", |v| match v {
        "part" => Some(Link::Part),
        "other" => Some(Link::Other),
        _ => None,
    })
});
/// Where a duration cue stands: before the number, after its head, or anywhere in the sentence
/// (naming the contract).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum DurationCue {
    Before,
    After,
    Subject,
}
/// `(cue, place)`: words before or after a duration, or naming the contract in its sentence.
pub(super) static DURATION_CUES: LazyLock<Vec<(String, DurationCue)>> = LazyLock::new(|| {
    pairs("figures/duration_cues.tsv", |v| match v {
        "before" => Some(DurationCue::Before),
        "after" => Some(DurationCue::After),
        "subject" => Some(DurationCue::Subject),
        _ => None,
    })
});
pub(super) static ABBREVIATIONS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/abbreviations.txt"));
pub(super) static APPROXIMATORS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/approximators.txt"));
pub(super) static HEAD_ADJECTIVES: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/head_adjectives.txt"));
pub(super) static RATIO_NOUNS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/ratio_nouns.txt"));
pub(super) static RELATED_HEADINGS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/related_headings.txt"));
pub(super) static RESIDENCE_VERBS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/residence_verbs.txt"));
pub(super) static GATHERING_VERBS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/gathering_verbs.txt"));
pub(super) static STATING_VERBS: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/stating_verbs.txt"));
pub(super) static SCOPE_CUES: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/scope_cues.txt"));
pub(super) static SCOPE_STOP: LazyLock<Vec<String>> =
    LazyLock::new(|| words("figures/scope_stop.txt"));

/// A regex alternation of `forms`, longest first so that the leftmost-first engine prefers the
/// longest form; spaces match any run of white space, a `'` any apostrophe.
pub(super) fn alternation<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    let mut forms: Vec<&str> = forms.collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    let alts: Vec<String> =
        forms.iter().map(|f| regex::escape(f).replace(' ', r"\s+").replace('\'', "['’]")).collect();
    format!("(?:{})", alts.join("|"))
}

/// The value of a round-number noun ("vingtaine").
pub(super) fn round_number(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    ROUND_NUMBERS.iter().find(|(f, _)| *f == w).map(|(_, n)| *n)
}

/// The factor of a multiplier word ("millions").
pub(super) fn multiplier(word: &str) -> Option<f64> {
    let w = word.to_lowercase();
    MULTIPLIERS.iter().find(|(f, _)| *f == w).map(|(_, n)| *n)
}

/// The class of a head noun as matched (any case, any run of spaces).
pub(super) fn head_class(form: &str) -> Option<Class> {
    let f = form.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    HEADS.iter().find(|(h, _)| *h == f).map(|(_, c)| *c)
}

/// Whether the head noun `form` is the singular of another head noun ("quartier", "commune"):
/// it then follows only a number below two ("un seul quartier", "1 commune"), and is no
/// referent of a left-out head noun.
pub(super) fn singular(form: &str) -> bool {
    let f = form.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    ["s", "x"].iter().any(|end| {
        let plural = format!("{f}{end}");
        HEADS.iter().any(|(h, _)| *h == plural)
    })
}

/// The connector `word` ("dont", "tandis que"), if it is one.
pub(super) fn connector(word: &str) -> Option<Link> {
    let w = word.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    CONNECTORS.iter().find(|(f, _)| *f == w).map(|(_, l)| *l)
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILES: &[(&str, usize)] = &[
        ("figures/abbreviations.txt", 1),
        ("figures/approximators.txt", 1),
        ("figures/connectors.tsv", 2),
        ("figures/cues.tsv", 2),
        ("figures/duration_cues.tsv", 2),
        ("figures/gathering_verbs.txt", 1),
        ("figures/head_adjectives.txt", 1),
        ("figures/heads.tsv", 2),
        ("figures/multipliers.tsv", 2),
        ("figures/number_words.tsv", 2),
        ("figures/ratio_nouns.txt", 1),
        ("figures/related_headings.txt", 1),
        ("figures/residence_verbs.txt", 1),
        ("figures/round_numbers.tsv", 2),
        ("figures/scope_cues.txt", 1),
        ("figures/scope_stop.txt", 1),
        ("figures/stating_verbs.txt", 1),
        ("figures/table_columns.tsv", 2),
    ];

    #[test]
    fn data_files_parse_and_are_sorted() {
        for (file, columns) in FILES {
            data::check_table(file, *columns, *file != "figures/scope_stop.txt");
        }
        // Every row parsed: no unknown class, cue, mode or number.
        let n = |f: &str| data::lines(f).len();
        assert_eq!(HEADS.len(), n("figures/heads.tsv"));
        assert_eq!(CUES.len(), n("figures/cues.tsv"));
        assert_eq!(CONNECTORS.len(), n("figures/connectors.tsv"));
        assert_eq!(DURATION_CUES.len(), n("figures/duration_cues.tsv"));
        assert_eq!(NUMBER_WORDS.len(), n("figures/number_words.tsv"));
        assert_eq!(ROUND_NUMBERS.len(), n("figures/round_numbers.tsv"));
        assert_eq!(MULTIPLIERS.len(), n("figures/multipliers.tsv"));
    }

    #[test]
    fn words_are_looked_up() {
        assert_eq!(number_word("Seize"), Some(16));
        assert_eq!(number_word("quatre-vingt"), Some(80));
        assert_eq!(number_word("seizième"), None);
        assert_eq!(round_number("vingtaine"), Some(20));
        assert_eq!(multiplier("millions"), Some(1e6));
        assert_eq!(head_class("Quartiers"), Some(Class::Quartiers));
        assert_eq!(head_class("fiches  actions"), Some(Class::Actions));
        assert_eq!(head_class("orientations"), None);
        assert_eq!(head_class("sites"), Some(Class::Sites));
        assert!(singular("Quartier"));
        assert!(singular("commune"));
        assert!(!singular("quartiers"));
        assert!(!singular("population"));
        assert!(!singular("qpv"));
        assert_eq!(connector("tandis  que"), Some(Link::Other));
        assert_eq!(connector("dont"), Some(Link::Part));
    }
}
