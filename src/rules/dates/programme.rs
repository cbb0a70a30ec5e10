//! `dates.programme`: a named contract generation whose name implies its period.
//!
//! Finds the names of `rules/dates/programmes.tsv` ("Quartiers 2030" → 2024-2030), with role
//! `period` when the sentence is about a contract ("le contrat de ville « Quartiers 2030 »") and
//! `other` otherwise. Does not find: a bare year ("en 2030").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::alternation;
use super::year_span;
use crate::data;
use crate::rules::{Candidates, Doc, Rule};

/// The named-generation rule.
pub struct Programme;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.programme";

static PROGRAMMES: LazyLock<Vec<(String, i16, i16)>> = LazyLock::new(|| {
    data::rows("dates/programmes.tsv")
        .into_iter()
        .filter_map(|row| {
            Some((row.first()?.clone(), row.get(1)?.parse().ok()?, row.get(2)?.parse().ok()?))
        })
        .collect()
});

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(PROGRAMMES.iter().map(|(n, _, _)| n.as_str()));
    Regex::new(&format!(r"(?i)\b{alts}\b")).expect("valid regex")
});

impl Rule for Programme {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for m in RE.find_iter(text) {
            let key = m.as_str().to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
            let Some((_, first, last)) = PROGRAMMES.iter().find(|(n, _, _)| *n == key) else {
                continue;
            };
            out.dates.push(year_span(doc, m.range(), self.id(), *first, *last));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole;
    use crate::rules::dates::testing::{brief, none, run};

    #[test]
    fn named_generations() {
        let found = brief(&run(
            &Programme,
            "Signé ce vendredi, le contrat de ville « Quartiers 2030 » engage l'État.",
        ));
        assert_eq!(
            found,
            [("Quartiers 2030".into(), "2024".into(), Some("2030".into()), DateRole::Period)]
        );
        let found = run(&Programme, "Engagement QUARTIERS 2030 : une ambition nationale.");
        assert_eq!(found[0].role, DateRole::Other);
    }

    #[test]
    fn not_named_generations() {
        none(&Programme, "Les quartiers en 2030 seront rénovés.");
        none(&Programme, "Quartiers 20300");
    }
}
