//! `orgs.abbreviation`: an organisation's long form followed by its abbreviation in
//! parentheses, so that the document's later "la CALL" is linked to it.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon;
use crate::record::{OrgInvolvement, Organization};
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.abbreviation";

/// Finds "Long Form (ABBR)" where the abbreviation's letters are the initials of the long form's
/// words (small words skipped, at most two other words skipped) and the long form has a known
/// kind.
///
/// Finds: "la Communauté d'Agglomération de Lens-Liévin (CALL)" → "Communauté d'Agglomération de
/// Lens-Liévin", abbreviation "CALL"; "la communauté d'agglomération Rouen-Elbeuf-Austreberthe
/// (CREA)". Emits a mention: whether it signs is the lists' business.
///
/// Does not find: an abbreviation of something that is no organisation ("quartiers prioritaires
/// de la politique de la ville (QPV)", "Projet territorial de cohésion sociale (PTCS)"), a
/// parenthesis whose letters do not match ("Valenciennes (Nord)").
pub struct Abbreviation;

static PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\((?P<abbr>\p{Lu}[\p{Lu}&]{1,9})\)").expect("valid regex"));

/// Small words an abbreviation skips.
const SMALL: &[&str] =
    &["de", "du", "des", "la", "le", "les", "l", "d", "et", "en", "à", "au", "aux", "pour", "sur"];

impl Rule for Abbreviation {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in PAREN.captures_iter(text) {
            let (Some(all), Some(abbr)) = (caps.get(0), caps.name("abbr")) else { continue };
            let before = text[..all.start()].trim_end();
            let Some(start) = long_form_start(before, abbr.as_str()) else { continue };
            let long = before[start..].split_whitespace().collect::<Vec<_>>().join(" ");
            if lexicon::kind(&long).is_none() || !lexicon::kind_opens(&long) {
                continue;
            }
            out.organizations.push(Organization {
                kind: lexicon::kind(&long).map(str::to_owned),
                name: long,
                abbreviation: Some(abbr.as_str().to_owned()),
                involvement: OrgInvolvement::Mentioned,
                evidence: doc.evidence(start..all.end(), ID),
            });
        }
    }
}

/// Where the long form of `abbr` starts at the end of `before`: walking back over its words
/// (cut on spaces, hyphens and apostrophes), each letter of the abbreviation, last first, must be
/// the initial of a word; small words and at most two others are skipped.
fn long_form_start(before: &str, abbr: &str) -> Option<usize> {
    let mut letters: Vec<char> =
        abbr.chars().filter(|c| c.is_alphabetic()).flat_map(char::to_lowercase).collect();
    let mut skips = 0;
    let mut end = before.len();
    let mut started = false;
    while !letters.is_empty() {
        let word_start = before[..end]
            .rfind(|c: char| c.is_whitespace() || c == '-' || c == '\'' || c == '’')
            .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
        let word = &before[word_start..end];
        if word.is_empty() || word.chars().any(|c| matches!(c, '.' | ',' | ';' | ':' | '(' | ')')) {
            return None;
        }
        let lower = word.to_lowercase();
        let initial = lower.chars().next()?;
        let want = *letters.last()?;
        if initial == want {
            letters.pop();
            started = true;
        } else if !SMALL.contains(&lower.as_str()) {
            skips += 1;
            if skips > 2 || !started {
                return None;
            }
        }
        if letters.is_empty() {
            return Some(word_start);
        }
        if word_start == 0 {
            return None;
        }
        end = word_start - 1;
        while end > 0 && !before.is_char_boundary(end) {
            end -= 1;
        }
        end = before[..end].trim_end_matches([' ', '-', '\'', '’']).len();
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::testing::run_as;
    use super::*;
    use crate::record::Format;

    #[track_caller]
    fn check(text: &str, expected: &[(&str, &str)]) {
        let found: Vec<(String, String)> = run_as(&Abbreviation, text, Format::Text)
            .into_iter()
            .map(|o| (o.name, o.abbreviation.unwrap_or_default()))
            .collect();
        let expected: Vec<(String, String)> =
            expected.iter().map(|(a, b)| ((*a).to_owned(), (*b).to_owned())).collect();
        assert_eq!(found, expected, "{text:?}");
    }

    #[test]
    fn a_long_form_and_its_abbreviation() {
        check(
            "Le contrat de la Communauté d'Agglomération de Lens-Liévin (CALL) est signé.",
            &[("Communauté d'Agglomération de Lens-Liévin", "CALL")],
        );
        check(
            "issue de la communauté d'agglomération Rouen-Elbeuf-Austreberthe (CREA), elle",
            &[("communauté d'agglomération Rouen-Elbeuf-Austreberthe", "CREA")],
        );
        check(
            "la Caisse d'allocations familiales (CAF) du Nord",
            &[("Caisse d'allocations familiales", "CAF")],
        );
    }

    #[test]
    fn other_parentheses_are_not_abbreviations() {
        check("les quartiers prioritaires de la politique de la ville (QPV)", &[]);
        check("le Projet territorial de cohésion sociale (PTCS) validé en 2011", &[]);
        check("à Valenciennes (NORD), le contrat", &[]);
    }
}
