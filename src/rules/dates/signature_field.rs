//! `dates.signature_field`: a labelled signature date, as fact sheets give it.
//!
//! Finds: "Date de signature : 30 juin 2015", "Date de signature : le 10 juillet 2015, à
//! l'hôtel d'agglomération", "Date de signature du contrat : 06/07/2015", "Signé le : 3 mai
//! 2016", "Signature : juillet 2015", and a fact box's label on its own line with the date
//! alone on the next ("Date de signature" / "26/06/2024", a `<dt>` and its `<dd>`). The span
//! holds the label, so that the merger can rank an explicit field above a date found in prose.
//! Role `signature`. Does not find: "signé le 30 juin 2015" in a sentence (`dates.absolute`
//! gives it the signature role), a label without a date ("Date de signature : à venir").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{DATE, Parsed, mention};
use crate::record::DateRole;
use crate::rules::{Candidates, Doc, Rule};

/// The labelled-signature rule.
pub struct SignatureField;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.signature_field";

static RE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?im)^[ \t*_#>•-]*(?:date\s+de\s+(?:la\s+)?signature(?:\s+du\s+contrat(?:\s+de\s+ville)?)?|sign[ée]e?(?:\s+le)?|signature)(?P<sep>\s*:\s*|[ \t]*\n[ \t]*)(?:le\s+)?{}(?P<eol>[ \t]*$)?",
        *DATE
    ))
    .expect("valid regex")
});

impl Rule for SignatureField {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            // Without a colon, the label is a line of its own and the date the whole next line.
            let colon = caps.name("sep").is_some_and(|s| s.as_str().contains(':'));
            if !colon && caps.name("eol").is_none() {
                continue;
            }
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            let lead = m.as_str().len()
                - m.as_str().trim_start_matches([' ', '\t', '*', '_', '#', '>', '•', '-']).len();
            let range = m.start() + lead..m.end();
            let role = DateRole::Signature;
            out.dates.push(mention(doc, range, self.id(), parsed.value(), None, role));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::dates::testing::{none, one};

    #[test]
    fn labelled_signature_dates() {
        assert_eq!(
            one(&SignatureField, "Date de signature : 30 juin 2015\n"),
            ("Date de signature : 30 juin 2015".into(), "2015-06-30".into(), DateRole::Signature)
        );
        assert_eq!(
            one(
                &SignatureField,
                "Date de signature : le 10 juillet 2015, à l'hôtel d'agglomération"
            )
            .1,
            "2015-07-10"
        );
        assert_eq!(
            one(&SignatureField, "Date de signature du contrat : 06/07/2015").1,
            "2015-07-06"
        );
        assert_eq!(one(&SignatureField, "- Signé le : 3 mai 2016").1, "2016-05-03");
        assert_eq!(one(&SignatureField, "Signature : juillet 2015").1, "2015-07");
        // A fact box's label and value on two lines.
        assert_eq!(
            one(
                &SignatureField,
                "Population\n4 100 habitants\nDate de signature\n14/05/2024\nDurée"
            )
            .1,
            "2024-05-14"
        );
    }

    #[test]
    fn not_labelled_signature_dates() {
        none(&SignatureField, "Date de signature : à venir");
        none(&SignatureField, "Le contrat a été signé le 30 juin 2015.");
        none(&SignatureField, "Contact : 03 20 12 34 56");
        // A heading over a line of prose that opens on a date.
        none(&SignatureField, "Signature\n12 mai 2015 : les partenaires se réunissent en mairie.");
    }
}
