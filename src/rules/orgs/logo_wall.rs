//! `orgs.logo_wall`: a line that is nothing but organisation names between separators, as a
//! page's wall of partner logos flattened into text ("État | Région Normandie | CAF de l'Orne").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{DASH_SEPARATOR, Mode, items};
use super::push_signatories;
use super::text::lines;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.logo_wall";

/// Finds the partners of a line made only of their names.
///
/// Finds: "État | Région Normandie | Département de l'Orne | CAF de l'Orne", "Préfecture de la
/// Manche • Saint-Lô Agglo • Manche Habitat", "État – Ville d'Alençon – CAF de l'Orne": three
/// pieces or more, every one of them (all but one at most) a name of a known kind, two of them
/// named in full (more than one word).
///
/// Does not find: a menu or a footer ("Accueil | Actualités | Mairie | Contact", "Préfecture de
/// l'Orne | Mentions légales | Accessibilité"), a sentence with dashes, a line of two names, a
/// line announcing its list with a colon ("Signataires : État ; Ville de Dreux ; ...").
pub struct LogoWall;

/// Where two pieces of the wall meet: a pipe, a bullet, a middle dot, a semicolon, a dash
/// between spaces, a slash.
static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"\s*[|•·;]\s*|{DASH_SEPARATOR}|\s+/\s+")).expect("valid regex")
});

/// The least number of pieces a wall holds.
const LEAST: usize = 3;

impl Rule for LogoWall {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for line in lines(text) {
            let body = &text[line.clone()];
            // A colon announces its list: the business of the heading and sentence rules.
            if body.len() > 400 || body.contains(':') || body.trim_end().ends_with(['.', '?', '!'])
            {
                continue;
            }
            let pieces = SEPARATOR.split(body).filter(|p| !p.trim().is_empty()).count();
            if pieces < LEAST {
                continue;
            }
            let found = items(text, line.clone(), Mode::Loose);
            let full = found.iter().filter(|i| i.name.split_whitespace().count() > 1).count();
            let known = found.iter().filter(|i| i.kind.is_some_and(|k| k != "other")).count();
            if found.len() >= LEAST && found.len() + 1 >= pieces && full >= 2 && known + 1 >= pieces
            {
                push_signatories(doc, found, ID, &mut Vec::new(), out);
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
        assert_eq!(signatories(&LogoWall, text), expected, "{text:?}");
    }

    #[test]
    fn walls_of_names() {
        check(
            "Le contrat a été signé.\nÉtat | Région Normandie | Département de l'Orne | CAF de l'Orne\n",
            &["État", "Région Normandie", "Département de l'Orne", "CAF de l'Orne"],
        );
        check(
            "Préfecture de la Manche • Saint-Lô Agglo • Ville de Saint-Lô\n",
            &["Préfecture de la Manche", "Saint-Lô Agglo", "Ville de Saint-Lô"],
        );
        check(
            "État – Ville d'Alençon – CAF de l'Orne – Orne Habitat\n",
            &["État", "Ville d'Alençon", "CAF de l'Orne", "Orne Habitat"],
        );
    }

    #[test]
    fn menus_footers_and_sentences_are_no_walls() {
        check("Accueil | Actualités | Mairie | Contact\n", &[]);
        check("Préfecture de l'Orne | Mentions légales | Accessibilité | Plan du site\n", &[]);
        check("La Région – qui finance – et le Département de l'Orne.\n", &[]);
        check("État | Région Normandie\n", &[]);
        check("Mairie | Région | État\n", &[]);
        check("Signataires : État ; Chartres métropole ; Ville de Chartres ; CAF\n", &[]);
    }
}
