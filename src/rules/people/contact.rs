//! `people.contact`: press and staff contacts.
//!
//! Finds: the people named in the block under a "Contact presse", "Contact :", "Relations
//! presse" label (on its line or the next ones, up to a blank line), and the people named in the
//! line and sentence that give an e-mail address or a phone number ("Élodie Marchand – 02 31 00
//! 00 00").
//! Involvement `contact`. Does not find: "contact" inside a sentence ("le contact avec les
//! habitants"), people of a paragraph that follows the contact block.

use super::cue::{CONTACT_LABEL, COORDINATES};
use super::emit;
use super::grammar::Parsed;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule};

/// The contact rule.
pub struct Contact;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.contact";

/// How far a contact block reaches after its label, at most.
const BLOCK_BYTES: usize = 300;
const BLOCK_LINES: usize = 3;

impl Rule for Contact {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        let text = p.text;
        let mut seen: Vec<usize> = Vec::new();
        let mut push = |m: &super::grammar::Mention, out: &mut Candidates| {
            if !seen.contains(&m.name_range.start) {
                seen.push(m.name_range.start);
                emit(doc, m, Involvement::Contact, self.id(), out);
            }
        };
        for label in CONTACT_LABEL.find_iter(text) {
            let rest = &text[label.end()..];
            let start = label.end() + (rest.len() - rest.trim_start().len());
            let mut end = start;
            for (n, line) in text[start..].split_inclusive('\n').enumerate() {
                if n >= BLOCK_LINES || line.trim().is_empty() || end - start > BLOCK_BYTES {
                    break;
                }
                end += line.len();
            }
            for m in p.within(start..end) {
                push(m, out);
            }
        }
        for found in COORDINATES.find_iter(text) {
            // The line of the address, within its sentence: a long HTML paragraph that ends
            // with a phone number does not make its signatories contacts.
            let line_start = text[..found.start()].rfind('\n').map_or(0, |i| i + 1);
            let line_end = text[found.end()..].find('\n').map_or(text.len(), |i| found.end() + i);
            let sentence = p.sentence(found.start());
            let range = line_start.max(sentence.start)..line_end.min(sentence.end);
            for m in p.within(range) {
                push(m, out);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const C: Involvement = Involvement::Contact;

    #[test]
    fn contact_blocks() {
        finds(&Contact, "Contact presse\nLucie Morin\nl.morin@agglo.fr\n", &["Lucie Morin"], C);
        finds(
            &Contact,
            "Contact : \n\nDURAND Hélène, chargée de mission, Métropole de Lyon.",
            &["Hélène DURAND"],
            C,
        );
        finds(&Contact, "Contact presse : Paul Roche – 04 67 00 00 00", &["Paul Roche"], C);
        finds(&Contact, "Paul Roche, service presse – p.roche@ville.fr", &["Paul Roche"], C);
    }

    #[test]
    fn not_contacts() {
        none(&Contact, "Le contact avec Paul Roche, maire, a été fructueux.");
        none(&Contact, "Contact presse : service communication\n\nPaul Roche, maire, a signé.");
        none(
            &Contact,
            "Le contrat a été signé par Paul Roche, préfet. Renseignements au 03 21 00 00 00.",
        );
    }
}
