//! `territories.pilot_field`: a fact sheet's field naming the territory that carries the
//! contract.
//!
//! Finds, at the start of a line, a label of `rules/territories/pilot_fields.txt` followed by
//! ":" and a name: "Collectivité pilote : Grand Narbonne – direction de la Cohésion sociale",
//! "EPCI porteur : Communauté urbaine de Dunkerque". Does not find: the label inside prose, a
//! field whose value is not a proper name ("Collectivité pilote : à désigner").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{NAME, PREFIX, never_carrier, owner};
use super::territory;
use crate::data;
use crate::rules::{Candidates, Doc, Rule, alternation};

/// The pilot-field rule.
pub struct PilotField;

const ID: &str = "territories.pilot_field";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let labels = data::lines("territories/pilot_fields.txt");
    Regex::new(&format!(
        r"(?m)^[ \t*_#>-]*(?i:{})[ \t*_]*:[ \t*_]*(?:{})?(?P<name>{})",
        alternation(labels.iter().map(String::as_str)),
        *PREFIX,
        *NAME
    ))
    .expect("valid regex")
});

impl Rule for PilotField {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        for caps in RE.captures_iter(doc.text()) {
            let Some(name) = caps.name("name") else { continue };
            let Some((range, kind)) = owner(&caps) else { continue };
            if never_carrier(name.as_str()) {
                continue;
            }
            let kind = kind.or(Some("EPCI"));
            out.territories.push(territory(doc, range, kind, true, ID));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn fields() {
        assert_eq!(
            carriers(
                &PilotField,
                "Siège : Narbonne\nCollectivité pilote : Grand Narbonne – direction de la \
                 Cohésion sociale\n"
            ),
            [("Grand Narbonne".into(), "EPCI".into())]
        );
        assert_eq!(
            carriers(&PilotField, "EPCI porteur : Communauté urbaine de Dunkerque\n"),
            [("Communauté urbaine de Dunkerque".into(), "CU".into())]
        );
    }

    #[test]
    fn not_fields() {
        for text in [
            "La collectivité pilote : Grand Narbonne, disait-on.",
            "Collectivité pilote : à désigner\n",
            "Collectivité pilote : État\n",
        ] {
            assert!(carriers(&PilotField, text).is_empty(), "{text}");
        }
    }
}
