//! `territories.title_colon`: a title that pairs the contract with an intercommunality around a
//! colon or a dash.
//!
//! Finds, on one line (a heading, a page title): "Contrat de ville 2024-2030 : Angers Loire
//! Métropole et l'État s'engagent", "Contrat de ville – la CALL mobilise ses partenaires",
//! "Grand Paris Sud : un contrat de ville signé par deux préfets". The owner is an
//! intercommunality opening the other side of the colon (a kind word, a kind prefix or a name
//! the gazetteer knows). A fallback: the family's resolve step drops it when a rule found the
//! carrier in the text's own words. Does not find: a commune ("Contrat de ville : Hérouville
//! s'engage" is a city's page about an intercommunal contract), a title about contracts in the
//! plural, a colon inside a sentence of prose.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{QUALIFIER, epci_mentions};
use super::territory;
use crate::rules::{Candidates, Doc, Rule};

/// The title rule.
pub struct TitleColon;

pub(super) const ID: &str = "territories.title_colon";

/// "Contrat de ville [2024-2030] : rest" at the start of a line.
static CONTRACT_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?m)^[ \t#*_>]*(?i:contrat[ \t]+de[ \t]+ville){}*[ \t]*[:–—-][ \t]*(?P<rest>[^\n]+)",
        *QUALIFIER
    ))
    .expect("valid regex")
});

/// "Name : … contrat de ville …" on one line.
static NAME_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)^[ \t#*_>]*(?P<head>[^\n:–—]{2,80}?)[ \t]*[:–—][ \t]*(?P<rest>[^\n]*(?i:\b(?:le|un|son|leur|nouveau)[ \t]+contrat[ \t]+de[ \t]+ville)[^\n]*)")
        .expect("valid regex")
});

/// How far into its side of the colon the intercommunality may start (an article before it).
const OPENING: usize = 4;

impl Rule for TitleColon {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let sides = CONTRACT_FIRST
            .captures_iter(text)
            .filter_map(|c| c.name("rest"))
            .chain(NAME_FIRST.captures_iter(text).filter_map(|c| c.name("head")));
        for side in sides {
            let first = epci_mentions(side.as_str()).into_iter().next();
            if let Some((r, kind)) = first.filter(|(r, _)| r.start <= OPENING) {
                let range = side.start() + r.start..side.start() + r.end;
                out.territories.push(territory(doc, range, Some(kind), true, ID));
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
            carriers(
                &TitleColon,
                "# Contrat de ville 2024-2030 : Angers Loire Métropole et l'État s'engagent\n"
            ),
            [("Angers Loire Métropole".into(), "CU".into())]
        );
        assert_eq!(
            carriers(&TitleColon, "Grand Paris Sud : un contrat de ville signé par deux préfets\n"),
            [("Grand Paris Sud".into(), "CA".into())]
        );
        assert_eq!(
            carriers(&TitleColon, "Contrat de ville – la CALL mobilise ses partenaires\n"),
            [("CALL".into(), "CA".into())]
        );
    }

    #[test]
    fn not_titles() {
        for text in [
            "Contrat de ville 2024-2030 : Hérouville s'engage pour ses quartiers\n",
            "Contrats de ville : la Région Grand Est signataire\n",
            "Politique de la ville : les contrats de ville de nouvelle génération\n",
            "Il l'a dit : le contrat de ville de demain sera plus simple, selon Metz Métropole.\n",
        ] {
            assert!(carriers(&TitleColon, text).is_empty(), "{text}");
        }
    }
}
