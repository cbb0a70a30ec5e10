//! `orgs.signing_for`: the parties of a signature page, each named on a line "Pour l'État," /
//! "Au nom de la Ville de X :" above (or before) the role and the name of who signs for it.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::push_signatories;
use crate::rules::{Candidates, Doc, Rule, columns, line_ranges};

pub(super) const ID: &str = "orgs.signing_for";

/// Finds the parties a signature page signs for.
///
/// Finds: "Fait à Lunel, le 4 mars 2024\nPour l'État,\nLe préfet\nPaul Roche\nPour la Ville de
/// Lunel,\nLa maire\nAnne Brun" → État, Ville de Lunel; "Pour la CAF de l'Hérault, le
/// directeur, Luc Viel" (party, role and signer on one line).
///
/// Does not find: a single line opening with "Pour" (a sentence: "Pour la Ville, c'est une
/// étape"), lines before any word of signing, a party line of a signing to come.
pub struct SigningFor;

/// A line opening with the party signed for, up to a comma, a colon or the line's end.
static PARTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t•*|-]*(?:Pour|POUR|Au\s+nom\s+d(?:e|u|es|')|AU\s+NOM\s+D(?:E|U|ES|'))[ \t]*(?P<party>(?:[^\n,;:.]|\.\p{L}){2,90}?)[ \t]*(?:[,:](?P<rest>[^\n]{0,120}))?$")
        .expect("valid regex")
});

/// What follows the party when the line is a sentence, not a signer ("Pour la Ville, c'est une
/// étape.").
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[.!?]\s*$|\b(?:c['’]est|est|sont|a|ont|il|elle|un|une)\b")
        .expect("valid regex")
});

/// A word of signing ("signé", "signature", "Fait à").
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sign|paraph)|(?m:^)[ \t]*fait\s+à\b").expect("valid regex")
});

/// A signing to come ("sera signé").
static FUTURE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sera|seront|va|vont|devrait|devraient)\s+(?:être\s+)?(?:co-?)?sign")
        .expect("valid regex")
});

/// How many party lines make a signature page.
const MIN_PARTIES: usize = 2;

/// How far before the first party line a word of signing must stand.
const REACH: usize = 3000;

impl Rule for SigningFor {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let lines: Vec<Range<usize>> = line_ranges(text)
            .into_iter()
            .flat_map(|line| {
                columns(&text[line.clone()])
                    .into_iter()
                    .map(move |c| line.start + c.start..line.start + c.end)
            })
            .filter_map(|cell| {
                let c = PARTY_LINE.captures(&text[cell.clone()])?;
                if c.name("rest").is_some_and(|r| SENTENCE.is_match(r.as_str())) {
                    return None;
                }
                c.name("party").map(|p| cell.start + p.start()..cell.start + p.end())
            })
            .collect();
        let Some(first) = lines.first() else { return };
        if lines.len() < MIN_PARTIES {
            return;
        }
        let before = &text[text.ceil_char_boundary(first.start.saturating_sub(REACH))..first.start];
        if !SIGNING.is_match(before) || FUTURE.is_match(before) {
            return;
        }
        let mut seen = Vec::new();
        for party in lines {
            let found = items(text, party, Mode::Explicit);
            if let [_] = found.as_slice() {
                push_signatories(doc, found, ID, &mut seen, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&SigningFor, text), expected, "{text:?}");
    }

    #[test]
    fn a_signature_page_one_party_a_line() {
        check(
            "Fait à Lunel, le 4 mars 2024\n\nPour l'État,\nLe préfet de l'Hérault\nPaul Roche\n\nPour la communauté de communes du Pays de Lunel,\nLe président\nMarc Viel\n\nPour la Ville de Lunel,\nLa maire\nAnne Brun\n",
            &["État", "communauté de communes du Pays de Lunel", "Ville de Lunel"],
        );
        check(
            "Le contrat a été signé le 4 mars.\nPour l'Etat, le préfet, Paul Roche\nPour la CAF de l'Hérault, le directeur, Luc Viel\nAU NOM DU DÉPARTEMENT DE L'HÉRAULT : Anne Brun\n",
            &["État", "CAF de l'Hérault", "DÉPARTEMENT DE L'HÉRAULT"],
        );
    }

    #[test]
    fn a_signature_page_in_two_columns() {
        check(
            "Fait à Lunel, le 4 mars 2024.\nPour l'État,                    Pour la Ville de Lunel,\nle préfet                      la maire\nPaul Roche                     Anne Brun\nPour Hérault Logement,         Pour la CAF de l'Hérault,\n",
            &["État", "Ville de Lunel", "Hérault Logement", "CAF de l'Hérault"],
        );
    }

    #[test]
    fn sentences_opening_with_pour_are_no_page() {
        check("Le contrat a été signé lundi.\nPour la Ville, c'est une étape importante.\n", &[]);
        check(
            "Le contrat a été signé lundi.\nPour la Ville, c'est une étape.\nPour la Région, un engagement de plus.\n",
            &[],
        );
        check(
            "Le contrat sera signé en juin.\nPour l'État,\nLe préfet\nPour la Ville,\nLa maire\n",
            &[],
        );
    }
}
