//! Restoring the case of upper-case text for the rules (issue 10: a title, a heading or a whole
//! paragraph scraped in capitals hides its names from every rule that looks for capitalised
//! words).
//!
//! A *run* is a stretch of at least [`MIN_RUN`] upper-case words of two letters or more within a
//! line, with no lower-case word between them and one common word at least ("CONTRAT DE VILLE :
//! LE PRÉFET DE L'OISE A SIGNÉ"). A surname in capitals after a given name ("Jean DUPONT"), an
//! acronym ("la CAF"), a list of acronyms ("SHLMR, SIDR, SEDRE") is no run, nor is a heading (a
//! line all in capitals without a full stop), which the rules read as a title. In a run, each
//! word is written as running French text writes it:
//!
//! 1. an acronym stays in capitals: listed in `rules/ingest/acronyms.txt`, written in capitals
//!    elsewhere in the document, or without a vowel ("QPV");
//! 2. a place of the gazetteer (commune, intercommunality, département, région), one word or
//!    several ("BRUAY-SUR-ESCAUT", "LE QUESNOY", "NANTES MÉTROPOLE"), is written as place names
//!    are: each word capitalised but the particles ("Bruay-sur-Escaut");
//! 3. a word of `rules/ingest/lower_words.txt` or `rules/people/not_names.txt` is lower case;
//! 4. a word the document writes elsewhere, outside any run, takes the case it has there
//!    (mostly capitalised in the middle of sentences: a name; mostly lower case: a common word);
//! 5. a given name (`rules/people/given_names.txt`) or a civility is capitalised, and so are the
//!    one or two words after it that are no common word: its surname ("Paul-Henri Morvan", "Armelle
//!    Le Goff Martin");
//! 6. a kind word of an intercommunality ("communauté", "agglomération", "métropole", "grand")
//!    next to a capitalised place is capitalised ("Communauté d'agglomération de Sénart",
//!    "Grand Saint-Dizier");
//! 7. any other word is lower case, and the first word of a sentence or a line is capitalised.
//!
//! A wrongly capitalised common word costs little (names compare without case); the rules that
//! read capitalised words as names are guarded by the lists of step 3.

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::sync::LazyLock;

use unicode_normalization::UnicodeNormalization;

use super::normalise::Edit;
use crate::data;
use crate::gazetteer;
use crate::names::fold_keep_article;
use crate::rules::people::{given_names, not_names};

/// The fewest upper-case words of two letters or more that make a run.
const MIN_RUN: usize = 3;

/// The most words of one place name looked up in the gazetteer.
const MAX_PLACE_WORDS: usize = 6;

/// A one-word commune is taken for a place from this population on (small communes bear common
/// words as names: "Signes", "Mars").
const MIN_POPULATION: u32 = 2000;

static ACRONYMS: LazyLock<HashSet<String>> =
    LazyLock::new(|| data::lines("ingest/acronyms.txt").iter().map(|l| fold(l)).collect());
static COMMON_WORDS: LazyLock<HashSet<String>> =
    LazyLock::new(|| data::lines("ingest/lower_words.txt").iter().map(|l| fold(l)).collect());

/// Whether the folded word `key` is written in lower case: a common word, or a word that never
/// makes a family name (the people family's list, folded there without a leading article: no
/// listed word starts with one, so the keys are the same).
fn lower_word(key: &str) -> bool {
    COMMON_WORDS.contains(key) || not_names().contains(key)
}

/// Civilities before a name ("MONSIEUR", "MME").
const CIVILITIES: &[&str] = &["m", "madame", "mademoiselle", "mlle", "mme", "monsieur", "mr"];
/// Particles inside a person's or a place's name ("Le Goff", "El Amrani", "Bruay-sur-Escaut").
const PARTICLES: &[&str] = &[
    "au", "aux", "ben", "d", "da", "de", "del", "des", "di", "du", "el", "en", "et", "l", "la",
    "le", "les", "les", "lez", "sous", "sur", "van", "von",
];
/// Words that open an intercommunality's name before a place ("Communauté d'agglomération de
/// Sénart", "Grand Reims", "Pays de Lunel") or follow it ("Nantes Métropole", "Lorient Agglo").
const KIND_WORDS: &[&str] = &[
    "agglo",
    "agglomeration",
    "communaute",
    "eurometropole",
    "grand",
    "grande",
    "metropole",
    "pays",
];

/// A word of the clean text: letters (with their combining marks), and hyphens between letters.
#[derive(Debug, Clone)]
struct Word {
    range: Range<usize>,
    /// No lower-case letter, or one among capitals.
    upper: bool,
    letters: usize,
}

/// How a word of a run is written in the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Form {
    Keep,
    Lower,
    Capital,
    /// A word of a place name; `first` when it opens the name.
    Place {
        first: bool,
    },
}

fn fold(s: &str) -> String {
    fold_keep_article(s)
}

fn is_word_char(c: char) -> bool {
    c.is_alphabetic() || unicode_normalization::char::is_combining_mark(c)
}

fn words(clean: &str) -> Vec<Word> {
    let mut out = Vec::new();
    let mut chars = clean.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_alphabetic() {
            continue;
        }
        let (mut lower, mut letters, mut end) =
            (usize::from(c.is_lowercase()), 1, i + c.len_utf8());
        while let Some(&(j, d)) = chars.peek() {
            if is_word_char(d) {
                lower += usize::from(d.is_lowercase());
                letters += usize::from(d.is_alphabetic());
            } else if d == '-' && clean[j + 1..].chars().next().is_some_and(char::is_alphabetic) {
            } else {
                break;
            }
            end = j + d.len_utf8();
            chars.next();
        }
        // A converter may leave one accented letter in lower case ("MéTROPOLE").
        let upper = lower == 0 || (letters >= 4 && lower == 1 && !c.is_lowercase());
        out.push(Word { range: i..end, upper, letters });
    }
    out
}

/// Whether the word at `at` opens a sentence or a line: only spaces, quotes, brackets or list
/// marks since the text's start, a line break or a full stop.
fn opens_sentence(clean: &str, at: usize) -> bool {
    let before = clean[..at].trim_end_matches(|c: char| {
        matches!(c, ' ' | '\t' | '\u{a0}' | '«' | '"' | '\'' | '(' | '-' | '–' | '—' | '•' | '*')
    });
    before.is_empty() || before.ends_with(['\n', '.', '!', '?'])
}

/// The sequences of at least [`MIN_RUN`] upper-case words of `words` within a line, as index
/// ranges, each with whether it is a run to restore (not a heading, not a surname after a
/// capitalised word).
fn runs(clean: &str, words: &[Word]) -> Vec<(Range<usize>, bool)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !words[i].upper {
            i += 1;
            continue;
        }
        let start = i;
        i += 1;
        while i < words.len()
            && words[i].upper
            && !clean[words[i - 1].range.end..words[i].range.start].contains('\n')
        {
            i += 1;
        }
        let long = words[start..i].iter().filter(|w| w.letters >= 2).count();
        // French text has its small words ("de", "la", "et"); a list of acronyms has none
        // ("SHLMR, SIDR, SEDRE").
        let prose =
            words[start..i].iter().any(|w| COMMON_WORDS.contains(&fold(&clean[w.range.clone()])));
        if long < MIN_RUN || !prose {
            continue;
        }
        // "Jean-Pierre DE LA FONTAINE": a surname in capitals after a capitalised word.
        let after_name = start > 0 && {
            let prev = &words[start - 1];
            let gap = &clean[prev.range.end..words[start].range.start];
            gap.chars().all(|c| c == ' ')
                && clean[prev.range.clone()].chars().next().is_some_and(char::is_uppercase)
        };
        let heading = is_heading(clean, &words[start].range, &words[i - 1].range);
        // Capitals followed by running text on their line are a lead-in the rules read as such
        // ("CONTRAT DE VILLE ENTRE : l'État, ..."): a run reaches its line's end.
        let rest = &clean[words[i - 1].range.end..];
        let lead_in =
            rest[..rest.find('\n').unwrap_or(rest.len())].chars().any(char::is_alphabetic);
        let heading = heading || lead_in;
        let surname = after_name && long <= MIN_RUN;
        out.push((start..i, !heading && !surname));
    }
    out
}

/// Whether the words from `first` to `last` fill their line, without a sentence's full stop: a
/// heading in capitals, which the rules read as such (a title naming an intercommunality in
/// capitals, "MONTLUÇON COMMUNAUTÉ – FICHE TERRITOIRE").
fn is_heading(clean: &str, first: &Range<usize>, last: &Range<usize>) -> bool {
    let start = clean[..first.start].rfind('\n').map_or(0, |n| n + 1);
    let end = clean[last.end..].find('\n').map_or(clean.len(), |n| last.end + n);
    let line = &clean[start..end];
    let lower = line.chars().filter(|c| c.is_lowercase()).count();
    let upper = line.chars().filter(|c| c.is_uppercase()).count();
    lower * 10 <= upper && !line.contains(['.', '!', '?'])
}

/// How the document writes a word outside the runs: in the middle of a sentence, capitalised
/// (and the first such form) or in lower case; in capitals.
#[derive(Debug, Default)]
struct Usage {
    capital: usize,
    lower: usize,
    form: Option<Range<usize>>,
    upper: usize,
}

fn usage(clean: &str, words: &[Word], runs: &[(Range<usize>, bool)]) -> HashMap<String, Usage> {
    let mut out: HashMap<String, Usage> = HashMap::new();
    let mut in_run = vec![false; words.len()];
    for (r, _) in runs {
        in_run[r.clone()].iter_mut().for_each(|b| *b = true);
    }
    for (w, _) in words.iter().zip(&in_run).filter(|(_, r)| !**r) {
        let text = &clean[w.range.clone()];
        let u = out.entry(fold(text)).or_default();
        if w.upper {
            u.upper += usize::from(w.letters >= 2);
        } else if text.chars().next().is_some_and(char::is_lowercase) {
            u.lower += 1;
        } else if !opens_sentence(clean, w.range.start) {
            u.capital += 1;
            u.form.get_or_insert(w.range.clone());
        }
    }
    out
}

/// Whether `name` is a place of the gazetteer; `one_word` for a name without space nor hyphen,
/// which must be a commune of some size, a département or a région (a name of several words
/// may also be an intercommunality's or the whole name of a quartier prioritaire); `article` for a name opening
/// with a particle, which must be a commune's name with its article ("Le Quesnoy", not "l'Oise").
fn is_place(name: &str, one_word: bool, article: bool) -> bool {
    let communes = gazetteer::communes_named(name);
    if article {
        return !communes.is_empty();
    }
    let commune = if one_word {
        communes.iter().any(|c| c.population.is_some_and(|p| p >= MIN_POPULATION))
    } else {
        !communes.is_empty()
    };
    commune
        || gazetteer::departement_named(name).is_some()
        || gazetteer::region_named(name).is_some()
        || (!one_word && !gazetteer::epci_named(name).is_empty())
        || (!one_word && gazetteer::qpv::qpvs_named(name).iter().any(|q| q.whole))
}

/// `Some(i + 1)` when the word `word` (at index `i`) joins names by hyphens and one of them
/// is a place (see [`is_place`]), none a common word or a particle: an intercommunality or a
/// pair of towns named after two of them ("CHARLEVILLE-SEDAN", "LENS-LIÉVIN"), which the
/// gazetteer does not know as one name.
fn joined_places(word: &str, i: usize) -> Option<usize> {
    let parts: Vec<String> = word.split('-').map(fold).collect();
    let named = parts.len() > 1
        && parts
            .iter()
            .all(|p| p.chars().count() >= 3 && !lower_word(p) && !PARTICLES.contains(&p.as_str()))
        && word.split('-').any(|p| p.chars().count() >= 4 && is_place(p, true, false));
    named.then_some(i + 1)
}

/// The gap between two words of one name: spaces, an apostrophe, or a comma for the long names
/// of intercommunalities ("Grand Saint-Dizier, Der et Vallées").
fn joins_name(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\'' | '\u{2019}' | ','))
}

/// Whether only spaces (or a civility's period) stand between two words of a person's name.
fn tight(gap: &str) -> bool {
    !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '.'))
}

/// The longest place name starting at word `i` of the run `run`, as its end (exclusive).
fn place_at(clean: &str, words: &[Word], run: &Range<usize>, i: usize) -> Option<usize> {
    let last = run.end.min(i + MAX_PLACE_WORDS);
    let mut end = i + 1;
    while end < last && joins_name(&clean[words[end - 1].range.end..words[end].range.start]) {
        end += 1;
    }
    (i + 1..=end).rev().find(|&j| {
        let span = &clean[words[i].range.start..words[j - 1].range.end];
        let content = words[i..j].iter().any(|w| {
            let key = fold(&clean[w.range.clone()]);
            !lower_word(&key) && !PARTICLES.contains(&key.as_str())
        });
        if !content {
            return false;
        }
        let one_word = j == i + 1 && !span.contains('-');
        if j > i + 1 && span.contains(',') && gazetteer::epci_named(span).is_empty() {
            return false;
        }
        let article = PARTICLES.contains(&fold(&clean[words[i].range.clone()]).as_str());
        is_place(span, one_word, article)
    })
}

/// The case-restoring edits of the upper-case runs of `clean` (see the module doc).
pub(super) fn case_edits(clean: &str, edits: &mut Vec<Edit>) {
    let words = words(clean);
    let runs = runs(clean, &words);
    if !runs.iter().any(|(_, restore)| *restore) {
        return;
    }
    let usage = usage(clean, &words, &runs);
    for (run, _) in runs.iter().filter(|(_, restore)| *restore) {
        let forms = run_forms(clean, &words, run, &usage);
        for (i, form) in run.clone().zip(forms) {
            let w = &words[i];
            let text = &clean[w.range.clone()];
            let mut new = match form {
                Form::Keep => text.to_owned(),
                Form::Lower => text.to_lowercase(),
                Form::Capital => capitalised(text),
                Form::Place { first } => place_case(text, first),
            };
            if let Some(u) = usage.get(&fold(text))
                && form == Form::Capital
                && let Some(seen) = &u.form
            {
                new = like(text, &clean[seen.clone()]);
            }
            if form != Form::Keep && opens_sentence(clean, w.range.start) {
                new = capitalised_first(&new);
            }
            if new != text {
                edits.push(Edit { range: w.range.clone(), with: new.nfc().collect() });
            }
        }
    }
}

/// The form of each word of `run` (see the module doc).
fn run_forms(
    clean: &str,
    words: &[Word],
    run: &Range<usize>,
    usage: &HashMap<String, Usage>,
) -> Vec<Form> {
    let text = |i: usize| &clean[words[i].range.clone()];
    let gap = |i: usize| &clean[words[i - 1].range.end..words[i].range.start];
    let mut forms = vec![Form::Lower; run.len()];
    let mut i = run.start;
    // Words of a person's name still expected after a given name or a civility.
    let mut surname = 0usize;
    while i < run.end {
        let key = fold(text(i));
        let k = i - run.start;
        if i > run.start && !tight(gap(i)) {
            surname = 0;
        }
        let written_so = usage.get(&key).is_some_and(|u| u.upper > 0 && u.capital + u.lower == 0);
        let vowelless = words[i].letters >= 2 && !key.contains(['a', 'e', 'i', 'o', 'u', 'y']);
        if ACRONYMS.contains(&key) || (vowelless && !lower_word(&key)) {
            forms[k] = Form::Keep;
            surname = 0;
            i += 1;
            continue;
        }
        // A place before a word the document writes in capitals elsewhere: a title in capitals
        // ("VIERZON") is no sign of an acronym.
        if let Some(end) = place_at(clean, words, run, i).or_else(|| joined_places(text(i), i)) {
            for (n, f) in forms[k..end - run.start].iter_mut().enumerate() {
                *f = Form::Place { first: n == 0 };
            }
            surname = 0;
            i = end;
            continue;
        }
        if written_so && !lower_word(&key) {
            forms[k] = Form::Keep;
            surname = 0;
            i += 1;
            continue;
        }
        let is_lower = lower_word(&key);
        let seen = usage.get(&key).filter(|u| u.capital + u.lower > 0);
        let given = !is_lower && key.split(' ').all(|p| given_names().contains(p));
        let civility = CIVILITIES.contains(&key.as_str());
        if key == "etat" {
            // The State, a party to every contract, is written "l'État".
            forms[k] = Form::Capital;
            surname = 0;
            i += 1;
            continue;
        }
        let particle = PARTICLES.contains(&key.as_str());
        forms[k] = if given || civility {
            surname = 2;
            Form::Capital
        } else if surname > 0 && particle {
            // A particle belongs to the name only before a word of the name.
            let next = (i + 1 < run.end && tight(gap(i + 1)))
                .then(|| fold(text(i + 1)))
                .is_some_and(|n| !lower_word(&n));
            if next {
                Form::Capital
            } else {
                surname = 0;
                Form::Lower
            }
        } else if surname > 0 && !is_lower {
            surname -= 1;
            Form::Capital
        } else {
            surname = 0;
            match seen {
                Some(u) if !is_lower && u.capital > u.lower => Form::Capital,
                _ => Form::Lower,
            }
        };
        i += 1;
    }
    kind_words(clean, words, run, &mut forms);
    forms
}

/// Capitalises the kind words of step 6 (see the module doc): next to a capitalised place or
/// name, through particles and other kind words.
fn kind_words(clean: &str, words: &[Word], run: &Range<usize>, forms: &mut [Form]) {
    let is_kind = |i: usize| KIND_WORDS.contains(&fold(&clean[words[i].range.clone()]).as_str());
    let named = |f: Form| matches!(f, Form::Place { .. } | Form::Capital | Form::Keep);
    for i in run.clone() {
        let k = i - run.start;
        if forms[k] != Form::Lower || !is_kind(i) {
            continue;
        }
        let before = k > 0 && named(forms[k - 1]) && forms[k - 1] != Form::Keep && {
            joins_name(&clean[words[i - 1].range.end..words[i].range.start])
        };
        // Through "de communes" too ("Communauté de communes du Pays de …"), which stays lower
        // case.
        let between = |j: usize| {
            let key = fold(&clean[words[j].range.clone()]);
            is_kind(j) || key == "communes" || PARTICLES.contains(&key.as_str())
        };
        let mut j = i + 1;
        while j < run.end && between(j) {
            j += 1;
        }
        let after = j < run.end && j > i && named(forms[j - run.start]);
        if before || after {
            forms[k] = Form::Capital;
        }
    }
}

/// `word` lower case but the first letter of each of its parts ("MAX-ANDRÉ" → "Max-André").
fn capitalised(word: &str) -> String {
    let parts: Vec<String> =
        word.split('-').map(|p| capitalised_first(&p.to_lowercase())).collect();
    parts.join("-")
}

/// `word` with its first letter in capitals.
fn capitalised_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A place name's word as place names are written: each part capitalised but the particles
/// after the first; a particle that does not open the name stays lower case too ("LE QUESNOY"
/// → "Le Quesnoy", "BRUAY-SUR-ESCAUT" → "Bruay-sur-Escaut", "BOULOGNE SUR MER").
fn place_case(word: &str, first: bool) -> String {
    let mut out = String::with_capacity(word.len());
    for (n, part) in word.split('-').enumerate() {
        if n > 0 {
            out.push('-');
        }
        let lower = part.to_lowercase();
        if (n > 0 || !first) && PARTICLES.contains(&fold(&lower).as_str()) {
            out.push_str(&lower);
        } else {
            out.push_str(&capitalised_first(&lower));
        }
    }
    out
}

/// `word` written with the case of `seen`, the same word as the document writes it elsewhere,
/// letter by letter (accents may differ: "LETARD", "Létard"); capitalised when the two differ in
/// length.
fn like(word: &str, seen: &str) -> String {
    if word.chars().count() != seen.chars().count() {
        return capitalised(word);
    }
    word.chars()
        .zip(seen.chars())
        .flat_map(|(c, s)| {
            let up: Vec<char> = if s.is_uppercase() {
                c.to_uppercase().collect()
            } else {
                c.to_lowercase().collect()
            };
            up
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::normalise::normalise;
    use super::super::normalise::testing::{maps_back, unchanged, view};

    #[test]
    fn an_upper_case_paragraph_is_written_as_running_text() {
        view(
            "LE PRÉFET DE L'OISE ET PAUL-HENRI MORVAN, AU NOM DU DÉPARTEMENT, ONT SIGNÉ.",
            "Le préfet de l'Oise et Paul-Henri Morvan, au nom du département, ont signé.",
        );
        view(
            "LA SIGNATURE A EU LIEU À BOULOGNE-SUR-MER ET AU QUESNOY AVEC NANTES MÉTROPOLE.",
            "La signature a eu lieu à Boulogne-sur-Mer et au Quesnoy avec Nantes Métropole.",
        );
        // Common words that also name a town of some size stay common words.
        view(
            "LES ACTES SIGNÉS AU COURS DU MOIS ONT DU SENS POUR LA RUE ET LA MER.",
            "Les actes signés au cours du mois ont du sens pour la rue et la mer.",
        );
        view(
            "MADAME ARMELLE LE GOFF MARTIN EST VENUE. LE QPV ET LA CAF SUIVENT.",
            "Madame Armelle Le Goff Martin est venue. Le QPV et la CAF suivent.",
        );
    }

    #[test]
    fn the_document_tells_how_it_writes_a_word() {
        view(
            "LA SIGNATURE DU CONTRAT PAR CORALINE VARNAUD EST PRÉVUE.\nCoraline Varnaud préside le GPRU.",
            "La signature du contrat par Coraline Varnaud est prévue.\nCoraline Varnaud préside le GPRU.",
        );
        view(
            "LE GPRU SIGNE LE CONTRAT DE LA COMMUNE.\nLe GPRU est là.",
            "Le GPRU signe le contrat de la commune.\nLe GPRU est là.",
        );
    }

    #[test]
    fn kind_words_next_to_a_place_are_capitalised() {
        view(
            "LES ÉLUS DE LA COMMUNAUTÉ D'AGGLOMÉRATION DE MONTÉLIMAR ET DU GRAND REIMS ONT VOTÉ.",
            "Les élus de la Communauté d'Agglomération de Montélimar et du Grand Reims ont voté.",
        );
    }

    #[test]
    fn a_place_in_a_title_in_capitals_is_still_a_place() {
        view(
            "RENNES\nLE MAIRE DE RENNES A SIGNÉ LE CONTRAT DE VILLE AVEC L'ÉTAT.",
            "RENNES\nLe maire de Rennes a signé le contrat de ville avec l'État.",
        );
    }

    #[test]
    fn quartiers_and_communities_of_communes_keep_their_names() {
        view(
            "LES HABITANTS DE GRANDE REYSSOUZE TERRE DES FLEURS ET DE PETIT BARD PERGOLA VOTENT.",
            "Les habitants de Grande Reyssouze Terre des Fleurs et de Petit Bard Pergola votent.",
        );
        view(
            "LA COMMUNAUTÉ DE COMMUNES DU PAYS DE LUNEL A SIGNÉ LE CONTRAT.",
            "La Communauté de communes du Pays de Lunel a signé le contrat.",
        );
    }

    #[test]
    fn towns_joined_by_a_hyphen_are_a_name() {
        view(
            "LE CONTRAT DE LA GRANDE AGGLOMÉRATION NANTES-ANGERS EST SIGNÉ AVEC VANNES.",
            "Le contrat de la Grande Agglomération Nantes-Angers est signé avec Vannes.",
        );
        // Hyphenated common words stay common words, and so do unknown compounds.
        view(
            "LE CONTRAT SERA SIGNÉ CET APRÈS-MIDI PAR LE PORTE-PAROLE DU GROUPE MACHIN-TRUC.",
            "Le contrat sera signé cet après-midi par le porte-parole du groupe machin-truc.",
        );
    }

    #[test]
    fn capitals_that_are_no_run_stay() {
        unchanged("Le préfet Jean DUPONT a signé avec la CAF et le QPV.");
        unchanged("Jean-Pierre DE LA FONTAINE a signé.");
        unchanged("Partenaires : SHLMR, SIDR, SEDRE et la ville.");
        unchanged("CONTRAT DE VILLE DE LA MÉTROPOLE – FICHE TERRITOIRE\nLe texte suit.");
        unchanged("Le préfet a signé le contrat de ville.");
    }

    #[test]
    fn word_lists_are_sorted_lower_case() {
        crate::data::check_table("ingest/acronyms.txt", 1, true);
        crate::data::check_table("ingest/lower_words.txt", 1, true);
    }

    #[test]
    fn restored_words_map_back() {
        let clean = "LA SIGNATURE À BOULOGNE-SUR-MER DU CONTRAT.";
        maps_back(clean, "Boulogne-sur-Mer", "BOULOGNE-SUR-MER");
        let n = normalise(clean);
        let at = n.text.find("signature").expect("restored word");
        assert_eq!(&clean[n.to_clean(at..at + 3)], "SIGNATURE");
        assert_eq!(n.to_clean(0..n.text.len()), 0..clean.len());
    }
}
