//! Rule family `people`: who signed, in which capacity, and who else the document names.
//!
//! A shared grammar ([`grammar`]) reads names ("Jean-François Cordet", "Marie-Hélène de la
//! Tour", "HEMERY Cécile", "J.-F. Cordet") and the roles standing next to them ("préfet de la
//! région Nord – Pas-de-Calais, préfet du Nord", "le président de Lorient Agglomération, Gaël Le
//! Moing"), from the vocabularies of `rules/people/`. Each rule then finds one kind of cue and
//! gives the people it reaches an involvement: `people.signed_by` ("signé par A, B et C"),
//! `people.signed_subject` ("A, B et C ont signé", "ont également signé A"),
//! `people.in_presence_of` ("en présence de", "aux côtés de", at a signing),
//! `people.present_subject` ("A y représentait le préfet"), `people.preamble` (who represents
//! each party of a contract's preamble "ENTRE : l'État, représenté par A"),
//! `people.signing_table` (the column of a table of signings headed "Pour le Département",
//! "Signé par"), `people.signing_list` ("Signataires
//! :" and its block of lines, "à la signature du contrat : A, B et C"), `people.gathered` ("la
//! signature a réuni A, B"), `people.quoted` ("», résume A"),
//! `people.signing_context` (officials named in a paragraph about a signing, whatever its
//! sentences), `people.contact` ("Contact presse : A"), and `people.role_name` names every mention.
//! The names themselves come from [`names`], the recogniser other families may share.
//! [`resolve`] keeps one candidate per mention (the strongest involvement; a contact stays a
//! contact), completes initials and missing roles from the other mentions of the same person.

mod contact;
mod cue;
mod gathered;
mod grammar;
mod in_presence_of;
mod lexicon;
pub mod names;
mod preamble;
mod present_subject;
mod quoted;
mod resolve;
mod role_name;
mod signed_by;
mod signed_subject;
mod signing_context;
mod signing_list;
mod signing_table;

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{Candidates, Doc, Rule};
use crate::record::{Involvement, Person};
pub(crate) use grammar::Mention;
use lexicon::RoleKind;
pub(crate) use lexicon::{given_names, not_names};

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[
    &contact::Contact,
    &gathered::Gathered,
    &in_presence_of::InPresenceOf,
    &preamble::Preamble,
    &present_subject::PresentSubject,
    &quoted::Quoted,
    &role_name::RoleName,
    &signed_by::SignedBy,
    &signed_subject::SignedSubject,
    &signing_context::SigningContext,
    &signing_list::SigningList,
    &signing_table::SigningTable,
];

/// Resolves this family's candidates once every rule ran: one candidate per mention, initials
/// and roles completed from the person's other mentions.
pub fn resolve(doc: &Doc, out: &mut Candidates) {
    resolve::resolve(doc, out);
}

/// A person said right after the name to be away: "A, député (excusé)", "A, absente", "A,
/// empêchée, s'est fait représenter", "A, qui n'a pas pu venir", "A, dont la visite avait été
/// envisagée, a fait parvenir un message" (the cues of kind `absent`, after an optional
/// relative clause).
pub(super) static EXCUSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[ \t]*[,(]?[ \t]*(?:(?:qui|dont)\s[^.;:,()\n«»]{{0,80}}?[ \t]*,?[ \t]*)?(?:excusée?s?|absente?s?|{})(?:$|[^\w])",
        lexicon::alternation(lexicon::cues("absent"))
    ))
    .expect("valid regex")
});

/// What follows a person whom a vote authorises to sign: "autorisé son président, A, à le
/// signer" (with [`AUTHORISED_BEFORE`]): the signing is still to come.
static AUTHORISED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*,?[ \t]*à\s+(?:le\s+|la\s+|les\s+|l')?(?:co-?)?signer\b")
        .expect("valid regex")
});

/// "autorisé", "autorise", "autorisant" in the clause before the person: the vote that allows
/// the signing.
static AUTHORISED_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bautoris\p{L}*\b[^.;:!?«»\n]{0,80}$").expect("valid regex"));

/// Whether the person of mention `m` is the one a vote authorises to sign ("le conseil a
/// autorisé son président, A, à le signer"), not someone who signed.
fn authorised_to_sign(text: &str, m: &Mention) -> bool {
    let before = &text[text.floor_char_boundary(m.full.start.saturating_sub(100))..m.full.start];
    AUTHORISED_AFTER.is_match(&text[m.full.end..]) && AUTHORISED_BEFORE.is_match(before)
}

/// A noun in apposition right after a name: ", champion paralympique", ", une habitante".
static APPOSITION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*,[ \t]*(?:(?:le|la|un|une)[ \t]+|l')?(?P<w>\p{Ll}[\p{Ll}-]{2,})\b")
        .expect("valid regex")
});

/// Words that may follow a name's comma without describing the person: pronouns, conjunctions,
/// verbs, adverbs ("A, qui", "A, elle-même", "A, venue de Paris").
const NOT_DESCRIPTIONS: &[&str] = &[
    "ainsi",
    "alors",
    "aussi",
    "avait",
    "avec",
    "chacun",
    "chacune",
    "dont",
    "elle",
    "elle-même",
    "entre",
    "est",
    "était",
    "eux",
    "ils",
    "lui",
    "lui-même",
    "ont",
    "pour",
    "puis",
    "que",
    "qui",
    "sont",
    "tous",
    "toutes",
    "venu",
    "venue",
    "venues",
    "venus",
];

/// Whether the text after a name without a role describes the person by a noun that is no
/// office ("Lucas Ferreira, champion paralympique", "Nadia, une habitante"): someone present
/// in that capacity is no party's representative. An office after an indefinite article ("A,
/// un élu"), or in the plural after a list ("A et B, adjointes au maire"), still makes an
/// official.
fn described_otherwise(after: &str) -> bool {
    let Some(w) = APPOSITION.captures(after).and_then(|c| c.name("w")) else { return false };
    let w = w.as_str();
    // A role the names before share ("A et B, adjointes au maire") is in the plural.
    let singular = w.strip_suffix(['s', 'x']).unwrap_or(w);
    !NOT_DESCRIPTIONS.contains(&w)
        && lexicon::role_word(w)
            .or_else(|| lexicon::role_word(singular))
            .is_none_or(|r| r.kind != RoleKind::Official)
        && !["é", "ée", "és", "ées", "ant", "ment"].iter().any(|e| w.ends_with(e))
}

/// Pushes the person of mention `m` with `involvement`. A role held no more ("ancien maire"),
/// a person said to be away ("excusé") or one a vote authorises to sign makes a signatory or a
/// person present merely mentioned; so does a role that is not an
/// official capacity (a resident, a staff member) for a person present.
fn emit(doc: &Doc, m: &Mention, involvement: Involvement, rule: &str, out: &mut Candidates) {
    let past = m.role.as_ref().is_some_and(|r| r.past);
    let unofficial = m.role.as_ref().is_some_and(|r| r.kind != RoleKind::Official);
    let away = EXCUSED.is_match(&doc.text()[m.full.end..]) || authorised_to_sign(doc.text(), m);
    let described = m.role.is_none() && described_otherwise(&doc.text()[m.full.end..]);
    let involvement = match involvement {
        Involvement::Signatory | Involvement::Present if past || away => Involvement::Mentioned,
        Involvement::Present if unofficial || described => Involvement::Mentioned,
        other => other,
    };
    out.people.push(Person {
        name: m.name.clone(),
        role: m.role.as_ref().map(|r| r.text.clone()),
        organization: m.role.as_ref().and_then(|r| r.organization.clone()),
        involvement,
        evidence: doc.evidence(m.full.clone(), rule),
    });
}

#[cfg(test)]
mod tests {
    use super::EXCUSED;

    #[test]
    fn people_said_to_be_away() {
        for after in [
            " (excusé), ",
            ", empêchée, s'est fait représenter par son adjoint",
            " s'est fait représenter par le sous-préfet",
            ", qui n'a pas pu se déplacer, ",
            ", dont la visite avait été un temps envisagée, a fait parvenir un message",
            ", qui était retenu à Paris, n'avait pu venir",
            ", absente",
        ] {
            assert!(EXCUSED.is_match(after), "{after:?}");
        }
        for after in [
            ", qui a signé le contrat",
            ", préfet, a fait un discours",
            ", dont c'était la première signature, a salué l'accord",
            " a paraphé le document ; Paul Roche n'a pas pu venir",
        ] {
            assert!(!EXCUSED.is_match(after), "{after:?}");
        }
    }

    #[test]
    fn a_person_a_vote_authorises_to_sign_has_not_signed() {
        use super::testing::family;
        use crate::record::Involvement;
        let t = "Le conseil communautaire a approuvé le contrat de ville et autorisé son président, \
                 Paul Roche, à le signer. La signature aura lieu en juillet.";
        let got = family(t);
        assert!(got.iter().all(|p| p.involvement == Involvement::Mentioned), "{got:?}");
        let t = "Le conseil a autorisé la signature. Le contrat a été signé jeudi par Paul Roche, \
                 président de l'agglomération.";
        assert!(family(t).iter().any(|p| p.involvement == Involvement::Signatory));
    }
}

#[cfg(test)]
pub(super) mod testing {
    //! Helpers for the rules' tests: run one rule, or the whole family, on a sentence.

    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    /// The people `rule` finds in `text`, before resolution.
    pub fn run(rule: &dyn Rule, text: &str) -> Vec<Person> {
        testing::run(&[rule], text, Format::Text, None).people
    }

    /// The family's resolved people for `text`.
    pub fn family(text: &str) -> Vec<Person> {
        testing::run(RULES, text, Format::Text, Some(resolve)).people
    }

    /// `(name, involvement)` of each person.
    pub fn brief(people: &[Person]) -> Vec<(String, Involvement)> {
        people.iter().map(|p| (p.name.clone(), p.involvement)).collect()
    }

    /// Asserts that `rule` finds exactly `names` in `text`, with involvement `involvement`.
    #[track_caller]
    pub fn finds(rule: &dyn Rule, text: &str, names: &[&str], involvement: Involvement) {
        let got = brief(&run(rule, text));
        let want: Vec<(String, Involvement)> =
            names.iter().map(|n| ((*n).to_owned(), involvement)).collect();
        assert_eq!(got, want, "{text:?}");
    }

    /// Asserts that `rule` finds nobody in `text`.
    #[track_caller]
    pub fn none(rule: &dyn Rule, text: &str) {
        let got = brief(&run(rule, text));
        assert!(got.is_empty(), "{text:?}: {got:?}");
    }
}
