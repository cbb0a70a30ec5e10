//! `people.gathered`: the people a signing or its ceremony brought together.
//!
//! Finds: "La signature du contrat a réuni A, préfet, B, président de la CINOR, et les maires",
//! "La cérémonie rassemblait A et B". Involvement `signatory` when the subject is the signing
//! ("la signature", "le contrat signé"), `present` when it is a ceremony (`mentioned` for a role
//! that is not an official capacity). Does not find: the same verbs with another subject ("La
//! réunion a réuni A"), people after a quotation or a relative clause.

use super::cue::{GATHER, PRESENCE, list_end};
use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

use crate::rules::text::Regex;
use std::sync::LazyLock;

/// The gathering rule.
pub struct Gathered;

/// A subject that is the signing itself.
static SIGNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sign|paraph|contresign|cosign)").expect("valid regex"));

/// A subject that is a ceremony of signing.
static CEREMONY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcérémonie").expect("valid regex"));

impl Rule for Gathered {
    fn id(&self) -> &'static str {
        "people.gathered"
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        for verb in GATHER.find_iter(p.text) {
            let sentence = p.sentence(verb.start());
            let subject = &p.text[sentence.start..verb.start()];
            let involvement = if SIGNING.is_match(subject) {
                Involvement::Signatory
            } else if CEREMONY.is_match(subject) {
                Involvement::Present
            } else {
                continue;
            };
            let Some(from) = p.list_after(verb.end()) else { continue };
            let end = list_end(p.text, from, sentence.end, &[&PRESENCE]);
            for m in p.listed(from..end) {
                emit(doc, m, involvement, self.id(), out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    #[test]
    fn people_a_signing_gathered() {
        finds(
            &Gathered,
            "La signature du contrat de ville a réuni Paul Roche, préfet du Var, Anne Brun, \
             présidente de l'agglomération, et les maires des communes.",
            &["Paul Roche", "Anne Brun"],
            Involvement::Signatory,
        );
        finds(
            &Gathered,
            "La cérémonie rassemblait Paul Roche, député, et Anne Brun, sénatrice.",
            &["Paul Roche", "Anne Brun"],
            Involvement::Present,
        );
    }

    #[test]
    fn other_gatherings() {
        none(&Gathered, "La réunion publique a réuni Paul Roche, maire, et les habitants.");
        none(&Gathered, "La signature approche. Le forum a réuni Paul Roche, maire.");
    }
}
