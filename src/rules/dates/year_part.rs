//! `dates.year_part`: a part of a year.
//!
//! Finds: "au premier semestre 2024", "deuxième trimestre 2025", "fin 2023", "début 2024",
//! "mi-2024", with year precision and the role its sentence gives it ("une signature attendue au
//! premier semestre 2024" → deadline). Does not find: a bare year ("en 2024"), "fin juin"
//! (no year).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::YEAR;
use super::{context, mention};
use crate::record::Precision;
use crate::rules::{Candidates, Doc, Rule};

/// The part-of-year rule.
pub struct YearPart;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.year_part";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?:(?:premier|second|deuxième|troisième|quatrième|1er|2e|3e|4e)\s+(?:semestre|trimestre)\s+(?:de\s+)?|(?:fin|début)\s+(?:d'année\s+)?|mi-)(?P<y>{YEAR})\b"
    ))
    .expect("valid regex")
});

impl Rule for YearPart {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let (Some(m), Some(y)) = (caps.get(0), caps.name("y")) else { continue };
            let role = context::point_role(text, &m.range());
            let value = (y.as_str().to_owned(), Precision::Year);
            out.dates.push(mention(doc, m.range(), self.id(), value, None, role));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn parts_of_years() {
        assert_eq!(
            one(
                &YearPart,
                "Le document doit encore être discuté avant une signature attendue au premier semestre 2024."
            ),
            ("premier semestre 2024".into(), "2024".into(), Deadline)
        );
        assert_eq!(one(&YearPart, "Les contrats prolongés jusqu'à fin 2023 s'arrêtent.").1, "2023");
        assert_eq!(one(&YearPart, "La révision est prévue mi-2025.").1, "2025");
    }

    #[test]
    fn not_parts_of_years() {
        none(&YearPart, "Le chantier reprend fin juin.");
        none(&YearPart, "En 2024, rien.");
    }
}
