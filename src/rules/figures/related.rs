//! Related-article links (not a rule): the stretches of text under a heading of
//! `rules/figures/related_headings.txt` ("Lire aussi : ...", "À lire aussi" then a list of
//! titles), whose figures belong to other articles.
//!
//! A heading with text after it on its line covers that line ("*Lire aussi : [Cher : quatre
//! contrats de ville en préparation](#)*"); a heading alone on its line covers the lines after
//! it (blank lines right after it skipped) up to the next blank line, at most
//! [`MAX_LINES`] short lines. Does not cover: a heading in the middle of a line ("le lecteur
//! pourra lire aussi le rapport de 2015"), a long paragraph after a heading.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{RELATED_HEADINGS, alternation};

/// The most lines a heading alone on its line covers.
const MAX_LINES: usize = 8;

/// The longest line (in characters) read as a link title.
const MAX_TITLE: usize = 160;

static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(RELATED_HEADINGS.iter().map(String::as_str));
    Regex::new(&format!(r"(?im)^[\s*_#>•|-]*{alts}\b(?P<rest>[^\n]*)$")).expect("valid regex")
});

/// The stretches of `text` that list related articles.
pub(crate) fn related(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for caps in HEADING.captures_iter(text) {
        let (Some(all), Some(rest)) = (caps.get(0), caps.name("rest")) else { continue };
        if rest.as_str().chars().any(char::is_alphanumeric) {
            out.push(all.range());
            continue;
        }
        let mut end = all.end();
        let mut pos = all.end();
        let mut taken = 0;
        for line in text[all.end()..].split_inclusive('\n') {
            let blank = line.trim().is_empty();
            let line_start = pos;
            pos += line.len();
            if line_start == all.end() {
                // The rest of the heading's own line.
                continue;
            }
            if blank {
                if taken == 0 {
                    continue;
                }
                break;
            }
            if taken == MAX_LINES || line.trim().chars().count() > MAX_TITLE {
                break;
            }
            taken += 1;
            end = line_start + line.trim_end().len();
        }
        out.push(all.start()..end);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn covered(text: &str) -> Vec<&str> {
        related(text).into_iter().map(|r| text[r].trim()).collect()
    }

    #[test]
    fn headings() {
        let t = "Le contrat est signé.\n\n*Lire aussi : [Cher : quatre contrats](#)*\n\nFin.";
        assert_eq!(covered(t), vec!["*Lire aussi : [Cher : quatre contrats](#)*"]);
        let t = "Fin du texte.\n\n**À lire aussi**\n\n- [Trois quartiers en chantier](/a)\n- [Deux écoles](/b)\n\nContact";
        assert_eq!(
            covered(t),
            vec!["**À lire aussi**\n\n- [Trois quartiers en chantier](/a)\n- [Deux écoles](/b)"]
        );
        let t = "Sur le même sujet\nDouze communes signent\nLe NPNRU à mi-parcours\n\nPartager";
        assert_eq!(covered(t).len(), 1);
        assert!(covered(t)[0].ends_with("mi-parcours"));
        let t = "Le contrat est signé.\nÀ découvrir aussi...\n2 mars 2024\nUn marché 100 % local\n\nFin";
        assert_eq!(covered(t).len(), 1);
        assert!(covered(t)[0].ends_with("100 % local"));
    }

    #[test]
    fn not_headings() {
        assert!(covered("Le lecteur pourra lire aussi le rapport de 2015.").is_empty());
        assert!(covered("Voyez le bilan. Lire la suite").is_empty());
        let long = format!("À lire aussi\n{}\n", "mot ".repeat(60));
        assert!(covered(&long).is_empty() || covered(&long)[0] == "À lire aussi");
    }
}
