//! The context of a figure (not a rule): its sentence and clause, the cue words that refine its
//! kind, the territory and year it is about.
//!
//! A sentence ends at `.`, `!`, `?`, a blank line, or a line break before a line that starts like
//! a new one (capital, digit, bullet): text hard-wrapped by a PDF converter stays one sentence. A
//! clause is a stretch of a sentence between `;`, `:` and the connectors of
//! `rules/figures/connectors.tsv` ("dont", "contre"...), so that in "190 459 habitants dont 35 260
//! en QPV" the cue "QPV" belongs to the second number only.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::head::head_after;
use super::lexicon::{
    ABBREVIATIONS, CONNECTORS, CUES, Class, Cue, RESIDENCE_VERBS, SCOPE_CUES, SCOPE_STOP,
    alternation,
};
use super::number::{approximator, numbers};

/// A line that ends with a word no sentence ends with (a preposition, an article, an
/// approximator): the next line continues it ("où vivent près de\n60 000 habitants").
static OPEN_END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}])(?:de|d['’]|des|du|à|au|aux|le|la|les|l['’]|un|une|et|ou|dont|soit|sur|par|pour|avec|en|dans|entre|environ|près|plus|moins|quelque|presque|quasiment|que|qui|où)[ \t]*$",
    )
    .expect("valid regex")
});

/// An abbreviation of `rules/figures/abbreviations.txt` right before a full stop, which then
/// ends no sentence ("45 000 hab. dont 8 000 en QPV").
static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(ABBREVIATIONS.iter().map(String::as_str));
    Regex::new(&format!(r"(?i)(?:^|[^\p{{L}}]){alts}$")).expect("valid regex")
});

/// Whether a sentence ends right after the character `c` at byte `i`.
fn ends_sentence(text: &str, i: usize, c: char) -> bool {
    let rest = &text[i + c.len_utf8()..];
    match c {
        '.' => {
            rest.chars().next().is_none_or(char::is_whitespace)
                && !ABBREVIATION.is_match(&text[text.floor_char_boundary(i.saturating_sub(12))..i])
        }
        '!' | '?' => rest.chars().next().is_none_or(char::is_whitespace),
        '\n' => {
            if OPEN_END.is_match(&text[text.floor_char_boundary(i.saturating_sub(30))..i]) {
                return false;
            }
            let mut lines = rest.split('\n');
            let next = lines.next().unwrap_or("").trim_start();
            match next.chars().next() {
                None => true,
                Some(n) => {
                    n.is_uppercase()
                        || n.is_ascii_digit()
                        || matches!(n, '-' | '*' | '•' | '#' | '|' | '>' | '«')
                }
            }
        }
        _ => false,
    }
}

/// The sentence around byte `pos`.
pub(super) fn sentence(text: &str, pos: usize) -> Range<usize> {
    let pos = pos.min(text.len());
    let mut start = 0;
    for (i, c) in text[..pos].char_indices().rev() {
        if ends_sentence(text, i, c) {
            start = i + c.len_utf8();
            break;
        }
    }
    let mut end = text.len();
    for (i, c) in text[pos..].char_indices() {
        if ends_sentence(text, pos + i, c) {
            end = pos + i;
            break;
        }
    }
    start..end
}

static SPLIT: LazyLock<Regex> = LazyLock::new(|| {
    let conn = alternation(CONNECTORS.iter().map(|(f, _)| f.as_str()));
    Regex::new(&format!(r"(?i)[;:]|\b{conn}\b")).expect("valid regex")
});

/// The clause around byte `pos`: its sentence cut at `;`, `:` and connectors (a connector opens
/// the clause it introduces).
pub(super) fn clause(text: &str, pos: usize) -> Range<usize> {
    let s = sentence(text, pos);
    let (mut start, mut end) = (s.start, s.end);
    for m in SPLIT.find_iter(&text[s.clone()]) {
        let (a, b) = (s.start + m.start(), s.start + m.end());
        let is_punct = m.as_str() == ";" || m.as_str() == ":";
        if b <= pos {
            start = if is_punct { b } else { a };
        } else if a > pos {
            end = a;
            break;
        }
    }
    start..end
}

static CUE: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(CUES.iter().map(|(f, _)| f.as_str()));
    Regex::new(&format!(r"(?i)\b{alts}")).expect("valid regex")
});

/// The cue matched as `m`.
fn cue_of(m: &str) -> Option<Cue> {
    let w = m.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    CUES.iter().find(|(f, _)| *f == w).map(|(_, c)| *c)
}

/// The cues found anywhere in `text`.
pub(super) fn cues(text: &str) -> BTreeSet<Cue> {
    CUE.find_iter(text).filter_map(|m| cue_of(m.as_str())).collect()
}

/// "Ils"/"Elles" opening a clause, or the "y" of "on y recense" (the place just named), also
/// behind a short adverbial and its comma ("Ensemble, ils abritent", "Au total, elles comptent").
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:[\p{L}'’]+(?:\s+[\p{L}'’]+)?\s*,\s*)?(?:ils|elles|on\s+y)\b")
        .expect("valid regex")
});

/// "Il"/"Elle" opening a clause before a verb of holding people: "Il regroupe environ 1 200
/// habitants", "Elle compte 2 000 habitants".
static SINGULAR_PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\W*(?:[\p{L}'’]+(?:\s+[\p{L}'’]+)?\s*,\s*)?(?:il|elle)\s+(?:compte|regroupe|rassemble|réunit|abrite|accueille|totalise|concentre|héberge)\b")
        .expect("valid regex")
});

/// The cues of the sentence before sentence `s` when it speaks of a quartier and of no
/// territory as a whole ("Le quartier des Tilleuls, à X, fait son entrée. Il regroupe 1 200
/// habitants."): the singular pronoun's noun is the quartier. Nothing otherwise ("La
/// communauté compte un quartier. Elle compte 30 000 habitants.").
fn one_quartier_before(text: &str, s: Range<usize>) -> BTreeSet<Cue> {
    static WHOLE: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(&format!(r"(?i)\b(?:{TERRITORY})\b")).expect("valid regex"));
    if s.start == 0 {
        return BTreeSet::new();
    }
    let prev = &text[sentence(text, s.start - 1)];
    let found = cues(prev);
    if found.contains(&Cue::QpvPlace) && !WHOLE.is_match(prev) { found } else { BTreeSet::new() }
}

/// A preposition or a verb of residence at most three words before a place noun: "de 14
/// quartiers", "dans les neuf quartiers", "en QPV", "dans l'un des 199 quartiers", "habitent un
/// quartier prioritaire", "1 200 secteurs classés comme quartiers prioritaires".
static PREPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(RESIDENCE_VERBS.iter().map(String::as_str));
    Regex::new(&format!(
        r"(?i)(?:\b(?:de|des|du|dans|en|aux?|sur|comme|{verbs})\s+|\bd['’])(?:[\p{{L}}\d'’-]+\s+){{0,3}}$"
    ))
    .expect("valid regex")
});

/// The number and its head noun, with at most one more word: "prioritaire" right after them
/// qualifies the head noun ("14 quartiers prioritaires", "5 sites prioritaires").
static OWN_NOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\S+(?:\s\d{3})*(?:\s+[\p{L}-]+){1,2}\s+$").expect("valid regex")
});

/// "avec" right before a number of people, and [`CONSULTING`] before it in the clause ("la
/// concertation menée avec plus de 300 habitants"): the people consulted.
static WITH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bavec\s*$").expect("valid regex"));

/// A consultation of the inhabitants, as a noun.
static CONSULTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:concertations?|consultations?|ateliers?|réunions?\s+publiques?|enquêtes?|questionnaires?|diagnostics?\s+en\s+marchant)\b")
        .expect("valid regex")
});

/// "auprès de" right before a number of people: the people a survey or a consultation reached.
static AUPRES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bauprès\s+(?:de\s+|d['’]\s*)$").expect("valid regex"));

/// The cues of the clause of the number at `pos`. After the number, a place noun counts only
/// behind a preposition ("36 000 habitants de 14 quartiers", not "190 000 habitants, compte 14
/// quartiers"), and no cue counts past a comma that opens another number without a head noun,
/// the subject of what follows ("Sur les 440 000 habitants du territoire, 210 000 vivent en
/// QPV"). A clause opened by "Ils"/"Elles" also reads the sentence before it, where the
/// pronoun's noun is ("Ils comptent 12 800 habitants"); a clause opened by a colon also reads
/// what the colon explains ("Population des quartiers prioritaires : 27 615 habitants", "Un seul
/// quartier prioritaire est concerné : la Madeleine, qui compte 1 450 habitants"). A number
/// right after "auprès de" counts people reached ("une enquête menée auprès de 250 habitants").
pub(super) fn cues_at(text: &str, pos: usize) -> BTreeSet<Cue> {
    let c = clause(text, pos);
    let (limit, next) = later_numbers(text, pos, c.end);
    let mut set = BTreeSet::new();
    for m in CUE.find_iter(&text[c.clone()]) {
        let at = c.start + m.start();
        let Some(cue) = cue_of(m.as_str()) else { continue };
        if at > limit {
            continue;
        }
        let place = matches!(cue, Cue::QpvPlace | Cue::Priority);
        if place && at > pos {
            let behind = &text[text.floor_char_boundary(at.saturating_sub(40)).max(pos)..at];
            let own_noun = cue == Cue::Priority && OWN_NOUN.is_match(&text[pos..at]);
            if !PREPOSITION.is_match(behind) && !own_noun {
                continue;
            }
        } else if at > next {
            // "4 quartiers prioritaires et 2 quartiers de veille": the later number's.
            continue;
        }
        set.insert(cue);
    }
    if PRONOUN.is_match(&text[c.clone()]) {
        set.extend(antecedent_cues(text, sentence(text, c.start)));
    } else if SINGULAR_PRONOUN.is_match(&text[c.clone()]) {
        set.extend(one_quartier_before(text, sentence(text, c.start)));
    }
    if let Some(explained) = before_colon(text, &c) {
        set.extend(cues(&text[explained]));
    }
    let (from, _) = approximator(text, pos);
    let just_before = &text[text.floor_char_boundary(from.saturating_sub(20))..from];
    if AUPRES.is_match(just_before)
        || WITH.is_match(just_before) && CONSULTING.is_match(&text[c.start..from])
    {
        set.insert(Cue::Participant);
    }
    // "la communauté urbaine, qui réunit près de 295 000 habitants", "les 290 000 habitants que
    // compte la métropole": the territory's own inhabitants, whatever the sentence says of its
    // quartiers.
    let after = &text[pos..text.floor_char_boundary((pos + 80).min(text.len()))];
    if WHOLE_BEFORE.is_match(&text[text.floor_char_boundary(from.saturating_sub(80))..from])
        || WHOLE_AFTER.is_match(after)
    {
        set.retain(|c| !matches!(c, Cue::Qpv | Cue::QpvPlace | Cue::Priority));
    }
    set
}

/// A territory noun and its relative clause right before a number: "la communauté urbaine, qui
/// réunit", "l'agglomération qui compte".
static WHOLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:{TERRITORY})(?:\s+\p{{Ll}}+)?\s*,?\s+qui\s+(?:réunit|compte|rassemble|regroupe|totalise)\s*$"
    ))
    .expect("valid regex")
});
/// A number, its head and "que compte la métropole": the territory's inhabitants.
static WHOLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[\d\s\u{{a0}}\u{{202f}}.,]+\s*(?:millions?\s+d['’]\s*)?habitants\s+(?:que|qu['’])\s*(?:compte|réunit|rassemble|regroupe)\s+(?:la|le|l['’]|son|sa)\s*(?:{TERRITORY})\b"
    ))
    .expect("valid regex")
});
/// The nouns of a territory as a whole.
const TERRITORY: &str = r"communauté|métropole|agglomération|agglo|intercommunalité|ville|commune|territoire|département";

/// The most items a list between a pronoun and its noun may have.
const MAX_ITEMS: usize = 30;

/// The cues of the sentence before sentence `s`, where a pronoun's noun is; when that sentence
/// is an item of a list without cues ("Bonnecousse (Mazamet)."), the items are passed back to
/// the sentence that introduces the list ("Quatre quartiers sont concernés :\n... Ils
/// comptent 7 400 habitants").
pub(super) fn antecedent_cues(text: &str, s: Range<usize>) -> BTreeSet<Cue> {
    let before = |s: &Range<usize>| (s.start > 0).then(|| sentence(text, s.start - 1));
    let is_item = |r: &Range<usize>| {
        let t = text[r.clone()].trim();
        !t.contains('\n') && !t.ends_with(':') && t.split_whitespace().count() <= 12
    };
    let Some(mut prev) = before(&s) else { return BTreeSet::new() };
    let found = cues(&text[prev.clone()]);
    if !found.is_empty() || !is_item(&prev) {
        return found;
    }
    for _ in 0..MAX_ITEMS {
        let Some(p) = before(&prev).filter(|p| p.start < prev.start) else { break };
        prev = p;
        if !is_item(&prev) {
            return if text[prev.clone()].trim_end().ends_with(':') {
                cues(&text[prev])
            } else {
                BTreeSet::new()
            };
        }
    }
    BTreeSet::new()
}

/// Where the cues of the number at `pos` stop: before a comma that opens another number without
/// a head noun (the subject of what follows), else at `end`; and where the next number with a
/// head noun of its own starts (after it, only a place behind a preposition is still the first
/// number's: "36 000 habitants de 14 quartiers"), else `end`.
fn later_numbers(text: &str, pos: usize, end: usize) -> (usize, usize) {
    let Some(rest) = text.get(pos..end) else { return (end, end) };
    let mut next = end;
    for n in &numbers(rest) {
        if n.num.start == 0 || n.year {
            continue;
        }
        let headed = head_after(rest, n).is_some();
        if headed {
            next = next.min(pos + n.range.start);
        } else if rest[..n.range.start].trim_end().ends_with(',') {
            return (pos + rest[..n.range.start].trim_end().len() - 1, next);
        }
    }
    (end, next)
}

/// The stretch a colon that opens clause `c` explains: the sentence's text before the colon, back
/// to the previous `;` or `:`.
fn before_colon(text: &str, c: &Range<usize>) -> Option<Range<usize>> {
    let s = sentence(text, c.start);
    let head = text.get(s.start..c.start)?;
    let colon = head.trim_end().strip_suffix(':')?;
    let from = colon.rfind([';', ':']).map_or(0, |i| i + 1);
    Some(s.start + from..s.start + colon.len())
}

/// The kind of a figure of `class` whose clause has `cues`; `None` for years (durations are the
/// duration rule's), for "personnes" or "sites" that the context does not type, and for groups
/// ("jeunes") not counted as people consulted.
pub(super) fn kind(class: Class, cues: &BTreeSet<Cue>) -> Option<&'static str> {
    let has = |c: Cue| cues.contains(&c);
    let qpv = has(Cue::Qpv) || has(Cue::QpvPlace) || has(Cue::Priority);
    let other = has(Cue::OtherQuartier) || (has(Cue::Renewal) && !has(Cue::Priority));
    Some(match class {
        Class::Actions => "action_count",
        // "120 projets soutenus" are the contract's actions; "4 projets de renouvellement
        // urbain", the renewal programme's; "3 axes et 4 projets", its outline.
        Class::Projects if has(Cue::Funded) && !has(Cue::Renewal) => "action_count",
        Class::Projects => return None,
        Class::Communes => "commune_count",
        Class::Contracts => "contract_count",
        Class::Euros => "amount_eur",
        Class::Former => "quartier_count",
        Class::Partners => "partner_count",
        Class::Participants => "participant_count",
        Class::Percent => "percent",
        Class::People | Class::Persons | Class::Group if has(Cue::Participant) => {
            "participant_count"
        }
        Class::People | Class::Persons if qpv => "population_qpv",
        Class::People => "population",
        Class::Persons | Class::Group => return None,
        Class::Quartiers if other => "quartier_count",
        Class::Quartiers => "qpv_count",
        Class::Sites if other || has(Cue::Renewal) => "quartier_count",
        Class::Sites if qpv => "qpv_count",
        Class::Sites | Class::Years => return None,
    })
}

static SCOPE: LazyLock<Regex> = LazyLock::new(|| {
    let cues = alternation(SCOPE_CUES.iter().map(String::as_str));
    let word = r"\p{Lu}[\p{L}'’-]*";
    Regex::new(&format!(
        r"(?:^|[^\p{{L}}])(?i:{cues})\s*(?P<n>{word}(?:\s+(?:(?:de|du|des|la|le|sur|lès|en)\s+|l')?{word})*)"
    ))
    .expect("valid regex")
});

/// The territory named after a scope preposition at the start of `text` (at most `slack` bytes
/// in), e.g. "en France", "du Pas-de-Calais".
fn scope_in(text: &str, slack: usize) -> Option<String> {
    let c = SCOPE.captures(text)?;
    let n = c.name("n")?;
    if c.get(0)?.start() > slack {
        return None;
    }
    let n = n.as_str().trim_end_matches(['\'', '’', '-']);
    let first = n.split([' ', '\'', '’']).next().unwrap_or(n);
    (!SCOPE_STOP.iter().any(|s| s == first) && n.chars().count() > 1).then(|| n.to_owned())
}

static OPENING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?P<o>[^,]{2,60}),").expect("valid regex"));

/// What the figure at `range` is about: a territory named right after it in its clause ("1 300
/// quartiers ont été retenus en France"), else one that opens its sentence ("Dans les
/// Hauts-de-France, ...", "À Alès, ...").
pub(super) fn scope(text: &str, range: &Range<usize>) -> Option<String> {
    let c = clause(text, range.start);
    let after = &text[range.end.min(c.end)..c.end];
    scope_in(after, 45).or_else(|| {
        let s = sentence(text, range.start);
        let o = OPENING.captures(&text[s.start..range.start.max(s.start)])?.name("o")?;
        scope_in(o.as_str(), 2)
    })
}

static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:^|[^\p{L}'’])(?:en|pour|année|insee|recensement(?:\s+de\s+la\s+population)?)\s+(?P<y>(?:19|20)\d\d)\b(?P<after>\s*(?:[-–/]|et\s+\d|à\s+\d))?",
    )
    .expect("valid regex")
});

/// The year the figure at `range` is stated for ("en 2013", "INSEE 2012"), in its clause.
pub(super) fn year(text: &str, range: &Range<usize>) -> Option<i32> {
    let c = clause(text, range.start);
    YEAR.captures_iter(&text[c])
        .filter(|caps| caps.name("after").is_none())
        .find_map(|caps| caps.name("y")?.as_str().parse().ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn sentence_of(text: &str, word: &str) -> String {
        let pos = text.find(word).expect("word in text");
        text[sentence(text, pos)].to_owned()
    }

    #[track_caller]
    fn clause_of(text: &str, word: &str) -> String {
        let pos = text.find(word).expect("word in text");
        text[clause(text, pos)].trim().to_owned()
    }

    #[test]
    fn sentences() {
        let t = "Le contrat est signé. Il concerne 1.300 quartiers\nprioritaires dans le pays.\nContact";
        assert_eq!(
            sentence_of(t, "1.300"),
            " Il concerne 1.300 quartiers\nprioritaires dans le pays"
        );
        let t = "Quartiers prioritaires\n7\nHabitants concernés";
        assert_eq!(sentence_of(t, "7"), "7");
        let t = "Ils concernent 23 quartiers, où vivent près de\n60 000 Ligériens.";
        assert_eq!(sentence_of(t, "60"), t.trim_end_matches('.'));
        let t = "La ville compte 45 000 hab. dont 8 000 en QPV.";
        assert_eq!(sentence_of(t, "8 000"), t.trim_end_matches('.'));
        let t = "Le contrat associe l'État et\nSaint-Étienne Métropole.";
        assert_eq!(sentence_of(t, "Saint"), t.trim_end_matches('.'));
    }

    #[test]
    fn clauses() {
        let t = "Habitants : 190 459 habitants dont 35 260 en QPV en 2013.";
        assert_eq!(clause_of(t, "190"), "190 459 habitants");
        assert_eq!(clause_of(t, "35"), "dont 35 260 en QPV en 2013");
        let t = "Une soixantaine de quartiers sortent, tandis que près de 130 y entrent.";
        assert_eq!(clause_of(t, "130"), "tandis que près de 130 y entrent");
    }

    #[test]
    fn kinds_from_cues() {
        let k = |t: &str, class| kind(class, &cues_at(t, 0));
        assert_eq!(k("36 000 habitants de 14 quartiers", Class::People), Some("population_qpv"));
        assert_eq!(k("190 459 habitants", Class::People), Some("population"));
        assert_eq!(k("600 personnes ont été mobilisées", Class::People), Some("participant_count"));
        assert_eq!(k("9 800 habitants y vivent", Class::People), Some("population_qpv"));
        assert_eq!(k("deux quartiers en veille active", Class::Quartiers), Some("quartier_count"));
        assert_eq!(
            k("une soixantaine de quartiers sortent", Class::Quartiers),
            Some("quartier_count")
        );
        assert_eq!(k("14 quartiers", Class::Quartiers), Some("qpv_count"));
        // Sectors named as what they are classed as.
        let t = "1 200 secteurs classés comme quartiers prioritaires";
        assert_eq!(k(t, Class::Sites), Some("qpv_count"));
        assert_eq!(k("1 200 secteurs classés comme zones humides", Class::Sites), None);
        assert_eq!(k("1 200 secteurs, une carte comme les autres", Class::Sites), None);
        assert_eq!(k("pour six ans", Class::Years), None);
        assert_eq!(
            k("190 000 habitants, elle compte 14 quartiers", Class::People),
            Some("population")
        );
        assert_eq!(
            k("46 500 habitants vivent dans les neuf quartiers", Class::People),
            Some("population_qpv")
        );
        assert_eq!(k("36 000 habitants en QPV", Class::People), Some("population_qpv"));
        assert_eq!(k("30 personnes étaient présentes", Class::Persons), None);
        assert_eq!(k("800 personnes consultées", Class::Persons), Some("participant_count"));
        assert_eq!(k("2 000 jeunes ont été consultés", Class::Group), Some("participant_count"));
        assert_eq!(k("2 000 jeunes vivent dans les quartiers", Class::Group), None);
        assert_eq!(
            k("36 000 habitants et la participation des habitants", Class::People),
            Some("population")
        );
    }

    #[test]
    fn pronouns_read_the_sentence_before() {
        let t = "Le décret retient six quartiers. Ils comptent 12 800 habitants.";
        let pos = t.find("12").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv")); // Behind a short adverbial.
        let t = "Le premier quartier longe le canal ; le second borde la gare. Ensemble, ils \
                 abritent 5 150 habitants.";
        let pos = t.find("5 150").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv"));
        let t = "Le décret retient six quartiers. Au total, elles comptent 9 000 habitants.";
        let pos = t.find("9 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv"));
        // Not a pronoun, or a sentence before that speaks of no quartier.
        let t = "Le décret retient six quartiers. Ensemble, les villes comptent 90 000 habitants.";
        let pos = t.find("90 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
        let t = "Les deux villes se touchent. Ensemble, elles comptent 90 000 habitants.";
        let pos = t.find("90 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
        // "y": the place the sentence before names.
        let t = "La ville compte trois quartiers prioritaires : Gare, Bourg, Forges. On y recense \
                 près de 11 000 habitants.";
        let pos = t.find("11 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv"));
        let t = "Le contrat porte sur sept quartiers. Aujourd'hui, on y dénombre 8 400 résidents.";
        let pos = t.find("8 400").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv"));
        let t = "La ville longe la Loire. On y recense 48 000 habitants.";
        let pos = t.find("48 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
        // "avec" after a consultation: the people consulted.
        let t = "Les enjeux, issus de la concertation menée avec plus de 300 habitants, portent \
                 sur l'eau.";
        let pos = t.find("300").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("participant_count"));
        let t = "La ville, avec 30 000 habitants, signe son contrat.";
        let pos = t.find("30 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
        // "Il"/"Elle": the quartier the sentence before names, not a territory as a whole.
        let t = "Le quartier des Tilleuls, à Vitré, fait son entrée. Il regroupe 1 200 habitants.";
        let pos = t.find("1 200").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv"));
        let t = "La communauté compte un quartier prioritaire. Elle compte 30 000 habitants.";
        let pos = t.find("30 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
        let t = "Le contrat est signé. Il regroupe 30 000 habitants.";
        let pos = t.find("30 000").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
    }

    #[test]
    fn pronouns_after_a_list_read_its_introduction() {
        let t = "Trois quartiers prioritaires sont concernés :\nLa Gare (Vierzon) ;\nLe Bourg \
                 (Vierzon) ;\nLes Forges (Vierzon).\nIls comptent 6 100 habitants.";
        let pos = t.find("6 100").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population_qpv"));
        let t =
            "Le contrat concerne le quartier.\nLa ville est en fête.\nElle compte 6 100 habitants.";
        let pos = t.find("6 100").expect("number");
        assert_eq!(kind(Class::People, &cues_at(t, pos)), Some("population"));
    }

    #[test]
    fn scopes_and_years() {
        let t = "1300 quartiers ont été retenus en France.";
        assert_eq!(scope(t, &(0..14)), Some("France".into()));
        let t = "1 514 quartiers prioritaires ont été définis en France métropolitaine.";
        assert_eq!(scope(t, &(0..15)), Some("France".into()));
        let t = "48 communes du Pas-de-Calais sont concernées.";
        assert_eq!(scope(t, &(0..11)), Some("Pas-de-Calais".into()));
        let t = "35 260 habitants en QPV en 2013.";
        assert_eq!(scope(t, &(0..16)), None);
        assert_eq!(year(t, &(0..16)), Some(2013));
        let t = "12 millions d'euros sur la période 2024-2030.";
        assert_eq!(year(t, &(0..19)), None);
        let t = "Valable jusqu'en 2030, il concerne deux quartiers.";
        assert_eq!(year(t, &(35..49)), None);
        let t = "Dans les Hauts-de-France, près d'un habitant sur dix réside en QPV.";
        assert_eq!(scope(t, &(26..52)), Some("Hauts-de-France".into()));
        let t = "Les bailleurs et la Banque des Territoires signent ; 12 communes sont concernées.";
        assert_eq!(scope(t, &(53..64)), None);
    }
}
