//! Repairs of the scraping defects of the genre, made once in the normalised view so that every
//! rule family reads the repaired text (issues 9 and 10, "robust to scraped text").
//!
//! Each repair returns [`Edit`]s of the clean text; [`super::normalise::normalise`] applies them
//! through the offset map, so evidence spans still point at the text as scraped.
//!
//! - [`elision_edits`]: an apostrophe lost between an elided article or pronoun and its word
//!   ("l Etat", "d agglomération", "qu il", "jusqu en 2030") is put back ("l'Etat");
//! - [`spacing_edits`]: the space lost after a sentence or clause mark between two words
//!   ("signé.Le préfet", "2024,la commune") is put back;
//! - [`glued_year_edits`]: the space lost between a year and the capitalised word after it,
//!   where a tag ended ("Publié le 3 mars 2024Le contrat"), is put back;
//! - [`glued_word_edits`]: the space lost between two words where a tag ended, a lower-case
//!   letter glued to the capital of the next word ("Se déplacerEntreprendreContactRodez
//!   agglomération", "lundi 22 juinCluses"), is put back;
//! - [`accent_edits`]: a capital's accent dropped where it is certain ("Etat" → "État", "A
//!   découvrir" at a sentence's start → "À découvrir") is put back.

use std::sync::LazyLock;

use super::normalise::Edit;
use crate::data;
use crate::rules::text::Regex;
use std::collections::HashSet;

/// A lone elision form, a space, and the first letter of the next word (a vowel, h or y, as
/// French elides before them). Capital "L" and "D" are listed but checked (see
/// [`capital_elides`]); other capital letters are list labels or initials ("annexes C et D").
static ELISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\b(?:[ldjmnstc]|qu|jusqu|lorsqu|puisqu|quoiqu|presqu|aujourd|[LD]|[Qq]u|QU|[Jj]usqu|JUSQU|[Ll]orsqu|LORSQU|[Pp]uisqu|PUISQU|[Qq]uoiqu|QUOIQU|[Pp]resqu|PRESQU|[Aa]ujourd|AUJOURD)( )([aeiouyhàâäéèêëîïôöûüœæAEIOUYHÀÂÄÉÈÊËÎÏÔÖÛÜŒÆ])",
    )
    .expect("valid regex")
});

/// Letters that are also units after a number ("10 s après", "150 m au nord", "3 t environ").
const UNITS: &[&str] = &["m", "s", "t"];

/// Puts back the apostrophe lost between an elided form and the next word: "l Etat" → "l'Etat",
/// "d agglomération" → "d'agglomération", "qu il" → "qu'il", "jusqu en" → "jusqu'en",
/// "Villeneuve-d Ascq" → "Villeneuve-d'Ascq".
///
/// Not repaired: a letter after a number when it is a unit ("10 s après"), a letter after a
/// period or an apostrophe, capital letters other than "L" and "D" (list labels, initials), and
/// a capital "L" or "D" in the middle of a sentence before a lower-case word ("les annexes C et
/// D ont"), see [`capital_elides`].
pub(super) fn elision_edits(clean: &str, edits: &mut Vec<Edit>) {
    for c in ELISION.captures_iter(clean) {
        let (Some(all), Some(space), Some(next)) = (c.get(0), c.get(1), c.get(2)) else {
            continue;
        };
        let form = &clean[all.start()..space.start()];
        let before = clean[..all.start()].chars().next_back();
        if before.is_some_and(|b| matches!(b, '.' | '\'' | '\u{2019}')) {
            continue;
        }
        let previous = clean[..all.start()].trim_end_matches([' ', '\t']);
        if UNITS.contains(&form) && previous.ends_with(|p: char| p.is_ascii_digit()) {
            continue;
        }
        if matches!(form, "L" | "D") && !capital_elides(previous, next.as_str()) {
            continue;
        }
        if form.eq_ignore_ascii_case("aujourd")
            && !clean[next.start()..].get(..3).is_some_and(|w| w.eq_ignore_ascii_case("hui"))
        {
            continue;
        }
        edits.push(Edit { range: space.range(), with: "'".into() });
    }
}

/// Whether a lone capital "L" or "D" before a word is an elided article: the next word is
/// capitalised ("L Etat", "D AGGLOMERATION") or the letter opens a sentence, a line or a list
/// item ("L agglomération a signé", "D ici 2030"). `previous` is the text before the letter,
/// spaces trimmed.
fn capital_elides(previous: &str, next: &str) -> bool {
    if next.chars().next().is_some_and(char::is_uppercase) {
        return !previous.ends_with(|p: char| p.is_ascii_digit());
    }
    previous.chars().next_back().is_none_or(|p| {
        matches!(p, '\n' | '.' | '!' | '?' | ':' | '(' | '«' | '"' | '-' | '–' | '—' | '•' | '*')
    })
}

/// A sentence or clause mark glued between a word and the next word.
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}\d]([.,;:!?])\p{L}").expect("valid regex"));

/// Abbreviations written with a period before a capitalised name ("St.Denis"): no space is put.
const ABBREVIATIONS: &[&str] = &["st", "ste"];

/// Civilities written with a period before a name: a space is put ("M.Dupont" → "M. Dupont").
const CIVILITIES: &[&str] = &["M", "MM", "Mme", "Mlle"];

/// Puts back the space lost after a mark between two words: "signé.Le préfet" → "signé. Le
/// préfet", "2024,la commune" → "2024, la commune", "habitants;les" → "habitants; les",
/// "M.Dupont" → "M. Dupont".
///
/// A full stop (or "!", "?") needs a lower-case letter before it and a capitalised word after
/// it, as a sentence's end does: "ville.fr", "J.Dupont" (initials), "Loge.GBM" (a brand) and
/// "3.5" stay. A comma, semicolon or
/// colon needs a letter or a digit before it and a letter after it: "3,5" stays. Nothing changes
/// in a web or e-mail address ("www.ville.fr", "contact@agglo.fr", "https://…").
pub(super) fn spacing_edits(clean: &str, edits: &mut Vec<Edit>) {
    let mut at = 0;
    while let Some(c) = GLUED.captures_at(clean, at) {
        let (Some(all), Some(mark)) = (c.get(0), c.get(1)) else { break };
        // The next word may itself be followed by a glued mark: search from it.
        at = mark.end();
        let token_start = after_last(&clean[..mark.start()], |c| {
            c.is_whitespace() || matches!(c, '(' | '"' | '«' | '<')
        });
        let token_end =
            clean[mark.end()..].find(char::is_whitespace).map_or(clean.len(), |i| mark.end() + i);
        let token = &clean[token_start..token_end];
        if token.contains(['@', '/']) || token.to_lowercase().contains("www.") {
            continue;
        }
        let word = &clean[token_start..mark.start()];
        let word = &word[after_last(word, |c| !c.is_alphanumeric())..];
        let before = clean[..mark.start()].chars().next_back().unwrap_or(' ');
        let mut next = clean[mark.end()..].chars();
        let after = next.next().unwrap_or(' ');
        // A capitalised word opens a sentence; capitals glued to a word name a brand ("Loge.GBM").
        let capitalised = after.is_uppercase() && !next.next().is_some_and(char::is_uppercase);
        let glued = match mark.as_str() {
            "." | "!" | "?" => {
                capitalised
                    && (before.is_lowercase() || CIVILITIES.contains(&word))
                    && !ABBREVIATIONS.contains(&word.to_lowercase().as_str())
            }
            _ => all.as_str().starts_with(|c: char| c.is_alphanumeric()),
        };
        if glued {
            edits.push(Edit { range: mark.range(), with: format!("{} ", mark.as_str()) });
        }
    }
}

/// A year standing alone (no letter or digit glued before it) and a capitalised word glued
/// after it.
static GLUED_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}\p{N}])((?:19|20)[0-9]{2})\p{Lu}\p{Ll}").expect("valid regex")
});

/// Puts back the space lost between a year and the word after it when a tag ended between
/// them: a byline or a date line glued to the first sentence ("Publié le 3 mars 2024Le
/// contrat", "12/05/2015Mis à jour"). Only a capital followed by a lower-case letter opens a
/// word: "2024EQ" or "2030S" (codes) and "A2024Le", "n°20245Le" (a year inside a token) stay.
pub(super) fn glued_year_edits(clean: &str, edits: &mut Vec<Edit>) {
    for c in GLUED_YEAR.captures_iter(clean) {
        if let Some(year) = c.get(1) {
            edits.push(Edit { range: year.range(), with: format!("{} ", year.as_str()) });
        }
    }
}

/// A word holding a lower-case letter glued to a capital: "déplacerEntreprendreContactRodez",
/// "juinCluses", "GrandAngoulême".
static GLUED_WORDS: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[\p{L}'’]*\p{Ll}\p{Lu}[\p{L}'’]*").expect("valid regex"));

/// The names of the gazetteer's files written with a capital inside a word ("GrandAngoulême",
/// "ViennAgglo"): the brands of some intercommunalities, which [`glued_word_edits`] keeps whole.
static INNER_CAPITAL_NAMES: LazyLock<HashSet<String>> = LazyLock::new(|| {
    EPCI_FILES
        .iter()
        .chain(PLACE_FILES)
        .flat_map(|file| {
            let text = data::text(file);
            GLUED_WORDS.find_iter(&text).map(|m| m.as_str().to_owned()).collect::<Vec<_>>()
        })
        .collect()
});

/// The words of the intercommunalities' names, folded ("dromardeche" of "CC Porte de
/// Dromardèche"): a glued word that folds to one of them is a brand written with an inner
/// capital ("DrômArdèche"), which [`glued_word_edits`] keeps whole as well.
static FOLDED_BRAND_WORDS: LazyLock<HashSet<String>> = LazyLock::new(|| {
    EPCI_FILES
        .iter()
        .flat_map(|file| {
            let text = data::text(file);
            crate::names::fold_keep_article(&text)
                .split(' ')
                .filter(|w| w.len() >= 6)
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .collect()
});

/// The gazetteer's files of intercommunalities' names, today's and 2015's.
const EPCI_FILES: &[&str] =
    &["gazetteer/epci.tsv", "gazetteer/epci_aliases.tsv", "gazetteer/contrats_2015.tsv"];

/// The gazetteer's other files of names: communes and quartiers.
const PLACE_FILES: &[&str] = &["gazetteer/communes.tsv", "gazetteer/qpv.tsv"];

/// Puts back the space lost between two words where a tag ended: a menu whose items were
/// glued ("Se déplacerEntreprendreContactRodez agglomération" → "Se déplacer Entreprendre
/// Contact Rodez agglomération"), a heading glued to the first word of the next block ("lundi
/// 22 juinCluses" → "lundi 22 juin Cluses", "la ligneAgglomération" → "la ligne
/// Agglomération").
///
/// A word is parted before a capital that follows a lower-case letter and opens a lower-case
/// word, when the part before it holds three letters or more, or is a two-letter word of
/// [`SMALL_WORDS`] ("deLyon"). Not parted: a brand of two short parts ("CoVe"); a name written so in
/// the gazetteer, as some intercommunalities brand themselves ("GrandAngoulême",
/// "ViennAgglo"); an elided article or a single letter before the capital ("l'AdC", "iPhone");
/// capitals that open an acronym ("maCAF").
pub(super) fn glued_word_edits(clean: &str, edits: &mut Vec<Edit>) {
    for word in GLUED_WORDS.find_iter(clean) {
        let token = word.as_str();
        if INNER_CAPITAL_NAMES.contains(token)
            || FOLDED_BRAND_WORDS.contains(&crate::names::fold_keep_article(token))
        {
            continue;
        }
        let chars: Vec<(usize, char)> = token.char_indices().collect();
        let mut part_start = 0;
        for k in 1..chars.len().saturating_sub(1) {
            let ((before_at, before), (at, capital), (_, next)) =
                (chars[k - 1], chars[k], chars[k + 1]);
            if !(before.is_lowercase() && capital.is_uppercase() && next.is_lowercase()) {
                continue;
            }
            let part = &token[part_start..at];
            let part = &part[after_last(part, |c| matches!(c, '\'' | '’'))..];
            let letters = part.chars().count();
            if letters >= 3 || letters == 2 && SMALL_WORDS.contains(&part.to_lowercase().as_str()) {
                let start = word.start() + before_at;
                edits.push(Edit { range: start..word.start() + at, with: format!("{before} ") });
            }
            part_start = at;
        }
    }
}

/// The two-letter words a glued word may open with ("etLa", "deLyon", "auCentre"): articles,
/// prepositions, conjunctions and pronouns.
const SMALL_WORDS: &[&str] =
    &["au", "ce", "de", "du", "en", "et", "il", "la", "le", "ne", "ou", "sa", "se", "un"];

/// "Etat" and "Etats": the noun is only ever written with its accent.
static ETAT: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\bE(tats?)\b").expect("valid regex"));

/// A lone capital "A" and the lower-case word after it.
static LONE_A: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b(A) (\p{Ll}+)").expect("valid regex"));

/// Puts back a capital's accent dropped where only the accented form is French: "l'Etat" →
/// "l'État"; a lone "A" opening a sentence or a line before a lower-case word is the
/// preposition, as the verb has its subject before it ("A découvrir aussi", "A partir de
/// 2024" → "À découvrir aussi", "À partir de 2024"). Not repaired: "A. Dupont", "A) le
/// quartier", "A et B", a lone "A" inside a sentence.
pub(super) fn accent_edits(clean: &str, edits: &mut Vec<Edit>) {
    for m in ETAT.find_iter(clean) {
        edits.push(Edit { range: m.start()..m.start() + 1, with: "É".into() });
    }
    for c in LONE_A.captures_iter(clean) {
        let (Some(a), Some(next)) = (c.get(1), c.get(2)) else { continue };
        let before = clean[..a.start()].trim_end_matches([' ', '\t']);
        let opens = before.is_empty() || before.ends_with(['\n', '.', '!', '?']);
        if opens && !matches!(next.as_str(), "et" | "ou") {
            edits.push(Edit { range: a.range(), with: "À".into() });
        }
    }
}

/// The offset just after the last character of `s` that `is`, or 0.
fn after_last(s: &str, is: impl Fn(char) -> bool) -> usize {
    s.char_indices().rev().find(|&(_, c)| is(c)).map_or(0, |(i, c)| i + c.len_utf8())
}

#[cfg(test)]
mod tests {
    use super::super::normalise::testing::{maps_back, unchanged, view};

    #[test]
    fn words_glued_where_a_tag_ended_are_parted() {
        view(
            "AccueilVivre iciSe déplacerEntreprendreContactMontbrison agglomération",
            "Accueil Vivre ici Se déplacer Entreprendre Contact Montbrison agglomération",
        );
        view("Lundi 14 marsAnnonay : la signature", "Lundi 14 mars Annonay : la signature");
        view(
            "signé au siège de la ville.Retour à la listeAgenda",
            "signé au siège de la ville. Retour à la liste Agenda",
        );
        maps_back("Se déplacerContact", "Contact", "Contact");
    }

    #[test]
    fn names_written_with_an_inner_capital_stay() {
        unchanged("le contrat de GrandAngoulême et de ViennAgglo");
        // The gazetteer writes "Porte de Dromardèche": the page's brand, accented and with an
        // inner capital, folds to that word.
        unchanged("le contrat de Porte de DrômArdèche est signé");
        view("le contrat de la DrômeArdèche", "le contrat de la Drôme Ardèche");
        unchanged("l'AdC, maCAF et un iPhone");
        // Two short parts that are no words: a brand.
        unchanged("le contrat de la CoVe et de la CoBa");
        // A small word glued to the next is parted.
        view("les quartiers deLyon", "les quartiers de Lyon");
    }

    #[test]
    fn lost_apostrophes_are_put_back() {
        view(
            "la signature de l Etat et d Aubervilliers",
            "la signature de l'État et d'Aubervilliers",
        );
        view(
            "le président d agglomération, qu il préside",
            "le président d'agglomération, qu'il préside",
        );
        view(
            "valable jusqu en 2030, lorsqu elle sera revue",
            "valable jusqu'en 2030, lorsqu'elle sera revue",
        );
        view("il s engage et n oublie pas l habitat", "il s'engage et n'oublie pas l'habitat");
        view("c est aujourd hui que j y pense", "c'est aujourd'hui que j'y pense");
        view("à Villeneuve-d Ascq, l ANRU", "à Villeneuve-d'Ascq, l'ANRU");
        view("QU IL SIGNE JUSQU EN 2030", "QU'IL SIGNE JUSQU'EN 2030");
    }

    #[test]
    fn capital_l_and_d_only_where_they_elide() {
        view(
            "L agglomération a signé.\nD ici 2030, L Etat paie.",
            "L'agglomération a signé.\nD'ici 2030, L'État paie.",
        );
        view("CONTRAT D AGGLOMERATION", "CONTRAT D'AGGLOMERATION");
        view("- L objectif est clair", "- L'objectif est clair");
        unchanged("les annexes C et D ont été signées");
        unchanged("la catégorie D est visée, le type L aussi");
    }

    #[test]
    fn letters_that_are_not_elisions_stay() {
        unchanged("à 150 m au nord, 10 s après, 3 t environ");
        unchanged("J. Dupont et M. Martin");
        unchanged("a) habitat b) emploi");
        unchanged("le pôle C est ouvert, M Aubry et J Ernest");
        unchanged("avril et juin, le sol est dur");
        unchanged("l'État et d'Amiens");
    }

    #[test]
    fn lost_spaces_after_marks_are_put_back() {
        view("Le contrat est signé.Le préfet était là", "Le contrat est signé. Le préfet était là");
        view(
            "En 2024,la commune signe;les bailleurs aussi",
            "En 2024, la commune signe; les bailleurs aussi",
        );
        view(
            "Présents:la préfète,M.Dupont et l'ANRU,la CAF",
            "Présents: la préfète, M. Dupont et l'ANRU, la CAF",
        );
        view("signé!Bravo à tous", "signé! Bravo à tous");
        view("Statut\u{a0}: rédigé,l’agglo\u{a0}:Nord", "Statut : rédigé, l'agglo :Nord");
    }

    #[test]
    fn glued_marks_that_are_not_lost_spaces_stay() {
        unchanged("voir www.ville-exemple.fr ou contact@agglo.fr et https://exemple.fr/page,index");
        unchanged("un taux de 3,5 % et 1.200 habitants, J.Dupont, St.Denis");
        unchanged("le fichier contrat.pdf et le site agglo.fr, le bailleur Loge.GBM");
        unchanged("à 10:30, rue X.");
    }

    #[test]
    fn a_year_glued_to_the_next_sentence_is_parted() {
        view("Publié le 3 mars 2024Le conseil a voté", "Publié le 3 mars 2024 Le conseil a voté");
        view("Mis en ligne : 12/05/2015Mis à jour", "Mis en ligne : 12/05/2015 Mis à jour");
        view("2019Signature à Lyon", "2019 Signature à Lyon");
        unchanged("le label 2024EQ, la route A2024Le, le n°20245Lu et 1850Ab");
        maps_back("mars 2024Le conseil", "2024 Le", "2024Le");
        maps_back("mars 2024Le conseil", "Le conseil", "Le conseil");
    }

    #[test]
    fn dropped_capital_accents_are_put_back() {
        view("avec l'Etat et les Etats membres", "avec l'État et les États membres");
        view(
            "A découvrir aussi\nLe texte. A partir de 2024",
            "À découvrir aussi\nLe texte. À partir de 2024",
        );
        unchanged("non : ETAT, Etatique, A. Dupont, A) le quartier");
        unchanged("A et B signent, le plan A est prêt");
        maps_back("l'Etat", "l'État", "l'Etat");
    }

    #[test]
    fn repaired_apostrophes_map_back() {
        maps_back("avec l Etat", "l'État", "l Etat");
        maps_back("avec l Etat", "État", "Etat");
        maps_back("jusqu en 2030", "jusqu'en 2030", "jusqu en 2030");
        maps_back("signé.Le préfet", "signé. Le", "signé.Le");
        maps_back("signé.Le préfet", "Le préfet", "Le préfet");
    }
}
