//! `territories.sheet_title`: the intercommunality a fact sheet is about, from its title line.
//!
//! Finds a line that is nothing but an intercommunality's name ("Amiens Métropole",
//! "Communauté d'agglomération du Grand Narbonne") followed, within a few lines, by the
//! "Label : value" fields of a fact sheet ("Département : Somme", "Statut : Communauté
//! d'agglomération"). A fallback: the family's resolve step drops it when a rule found the
//! carrier in the text's own words. Does not find: a name inside prose, a title line without
//! fields after it, a menu entry.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{PREFIX, epci_mentions};
use super::territory;
use crate::rules::{Candidates, Doc, Rule, line_ranges};

/// The fact-sheet title rule.
pub struct SheetTitle;

pub(super) const ID: &str = "territories.sheet_title";

/// How many non-blank lines after the title may hold the first field.
const FIELDS_WITHIN: usize = 3;

/// A title's text before the name: only an official kind prefix.
static PREFIX_ONLY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})$", *PREFIX)).expect("valid regex"));

static FIELD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t*_-]*\p{Lu}[\p{L}' ]{2,30}?[ \t]*:[ \t]*\S").expect("valid regex")
});

impl Rule for SheetTitle {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let lines = line_ranges(text);
        for (i, r) in lines.iter().enumerate() {
            let (start, line) = (r.start, &text[r.clone()]);
            let fields = lines
                .iter()
                .skip(i + 1)
                .take(FIELDS_WITHIN)
                .any(|l| FIELD.is_match(&text[l.clone()]));
            if !fields {
                continue;
            }
            let body = line.trim_matches(|c: char| c.is_whitespace() || "#*_".contains(c));
            let Some(at) = line.find(body) else { continue };
            let mentions = epci_mentions(body);
            let Some((range, kind)) = mentions.last() else { continue };
            let whole = body[range.end..].trim().is_empty()
                && (range.start == 0 || PREFIX_ONLY.is_match(&body[..range.start]));
            if whole {
                let r = start + at + range.start..start + at + range.end;
                out.territories.push(territory(doc, r, Some(kind), true, ID));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn titles() {
        assert_eq!(
            carriers(&SheetTitle, "Précédent\n\nAmiens Métropole\n\nDépartement : Somme\n"),
            [("Amiens Métropole".into(), "CA".into())]
        );
        assert_eq!(
            carriers(
                &SheetTitle,
                "Communauté d'agglomération du Grand Narbonne\n\nDépartement : Aude\nStatut : CA\n"
            ),
            [("Grand Narbonne".into(), "CA".into())]
        );
    }

    #[test]
    fn not_titles() {
        for text in [
            "Amiens Métropole\n\nUn texte suivi de prose, sans champ.\n",
            "Le contrat de ville de Metz Métropole\nDépartement : Moselle\n",
        ] {
            assert!(carriers(&SheetTitle, text).is_empty(), "{text}");
        }
    }
}
