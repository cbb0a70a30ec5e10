//! Rule family `orgs`: the organisations that sign a contrat de ville.
//!
//! The rules find lists of parties — after a signing cue in a sentence
//! ([`signatory_list::SignatoryList`]), under a heading or a line ending with a colon
//! ([`signatory_block::SignatoryBlock`]), in a table ([`signatory_table::SignatoryTable`]), in a
//! preamble "Aux côtés de l'État et de X" ([`parties::Parties`]), after a verb whose subject is
//! the contract ("il réunit l'État, la Région et la CAF", [`contract_parties::ContractParties`])
//! , in parentheses after "signataires" or "partenaires" ([`parenthesised::Parenthesised`]),
//! around "aux côtés de" with the contract's carrier as subject ([`alongside::Alongside`]), in
//! a contract's own preamble "ENTRE : l'État, représenté par ..." ([`between::Between`]), after
//! the participle steering the contract ("copiloté par l'État et X", [`piloted::Piloted`]), in
//! the sentence before "Chacun d'eux a signé" ([`each_signed::EachSigned`]), on a line made
//! only of their names ([`logo_wall::LogoWall`]), on a signature page "Pour l'État, le préfet"
//! ([`signing_for::SigningFor`])
//! — and cut them into
//! organisations with the shared item grammar of [`items`]. Long forms with their abbreviation
//! ("la Communauté d'Agglomération de Lens-Liévin (CALL)") are found apart
//! ([`abbreviation::Abbreviation`]) as mentions. [`resolve`] links abbreviations, drops repeats,
//! and lets a document's formal list of signatories outrank its prose.

mod abbreviation;
mod alongside;
pub(crate) mod between;
mod contract_parties;
mod each_signed;
mod items;
mod lexicon;
mod logo_wall;
mod parenthesised;
mod parties;
mod party_sentence;
mod piloted;
mod signatory_block;
mod signatory_list;
mod signatory_table;
mod signing_for;
mod text;

use std::ops::Range;

use super::{Candidates, Doc, Rule};
use crate::names::fold;
use crate::record::{OrgInvolvement, Organization, Person};

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[
    &abbreviation::Abbreviation,
    &alongside::Alongside,
    &between::Between,
    &contract_parties::ContractParties,
    &each_signed::EachSigned,
    &logo_wall::LogoWall,
    &parenthesised::Parenthesised,
    &parties::Parties,
    &party_sentence::PartySentence,
    &piloted::Piloted,
    &signatory_block::SignatoryBlock,
    &signatory_list::SignatoryList,
    &signatory_table::SignatoryTable,
    &signing_for::SigningFor,
];

/// Rules whose lists are a document's formal list of signatories.
const FORMAL: &[&str] = &[between::ID, signatory_block::ID, signatory_table::ID];

/// Rules that tie each party to the person who signs for it ("pour l'État, A, préfète ; pour
/// la Ville, sa maire B"): as sure as a formal list, so one does not outrank them (a page may
/// tell its main signers this way, then list "les autres partenaires" under a heading).
const SIGNED_FOR: &[&str] = &[signing_for::ID];

/// Pushes the signing organisations `found` by `rule`, skipping a name already found in the
/// same stretch (`seen` holds folded names).
fn push_signatories(
    doc: &Doc,
    found: Vec<items::Item>,
    rule: &str,
    seen: &mut Vec<String>,
    out: &mut Candidates,
) {
    for item in found {
        let key = fold(&item.name);
        if key.is_empty() || seen.contains(&key) {
            continue;
        }
        seen.push(key);
        out.organizations.push(organization(doc, item, rule, OrgInvolvement::Signatory));
    }
}

fn organization(
    doc: &Doc,
    item: items::Item,
    rule: &str,
    involvement: OrgInvolvement,
) -> Organization {
    Organization {
        name: item.name,
        kind: item.kind.map(str::to_owned),
        abbreviation: item.abbreviation,
        involvement,
        evidence: doc.evidence(item.range, rule),
    }
}

/// Resolves this family's candidates once every rule ran: links each name to its abbreviation
/// (both ways), drops an organisation found twice at the same place, and, when the document has
/// a formal list of signatories (a heading list or a table of three or more) and speaks of one
/// contract, makes the organisations its prose names as signing partners, not signatories.
pub fn resolve(doc: &Doc, out: &mut Candidates) {
    drop_related_links(doc, &mut out.organizations);
    drop_fallback_overlaps(&mut out.organizations);
    cut_trailing_people(&mut out.organizations, &out.people);
    link_abbreviations(&mut out.organizations);
    dedup(&mut out.organizations);
    drop_short_forms(&mut out.organizations);
    let formal = out
        .organizations
        .iter()
        .filter(|o| {
            o.involvement == OrgInvolvement::Signatory && FORMAL.contains(&o.evidence.rule.as_str())
        })
        .count();
    // With several contracts, a prose list may be another contract's: the merger's sections
    // decide.
    let mut contracts: Vec<String> =
        out.territories.iter().filter(|t| t.carries_contract).map(|t| fold(&t.name)).collect();
    contracts.sort();
    contracts.dedup();
    if formal >= 3 && contracts.len() <= 1 {
        let lists: Vec<usize> = out
            .organizations
            .iter()
            .filter(|o| FORMAL.contains(&o.evidence.rule.as_str()))
            .map(|o| o.evidence.span[0])
            .collect();
        let text = doc.text();
        // The kinds of the bodies the formal lists name: a party a sentence says signed ("l'État,
        // l'agglomération et la Ville ont signé") whose kind no list holds is one more party, not
        // the list's party named again.
        // The State signs as "l'État" or as its préfecture.
        let party = |k: &str| if k == "prefecture" { "etat".to_owned() } else { k.to_owned() };
        let listed: Vec<String> = out
            .organizations
            .iter()
            .filter(|o| FORMAL.contains(&o.evidence.rule.as_str()))
            .filter_map(|o| o.kind.as_deref().map(party))
            .collect();
        for o in &mut out.organizations {
            let rule = o.evidence.rule.as_str();
            let more = rule == signatory_list::ID
                && o.kind.as_deref().is_some_and(|k| k != "other" && !listed.contains(&party(k)));
            if o.involvement == OrgInvolvement::Signatory
                && !FORMAL.contains(&rule)
                && !SIGNED_FOR.contains(&rule)
                && !more
                && !opens_a_list(text, o.evidence.span[1], &lists)
            {
                o.involvement = OrgInvolvement::Partner;
            }
        }
    }
    out.organizations.sort_by_key(|o| (o.evidence.span, o.involvement));
}

/// Whether the sentence around the clean offset `end` (where a party's name ends) runs on to
/// the colon that opens one of the formal lists starting at `lists`: "signé par la communauté
/// de communes, la Ville de A et la Ville de B, aux côtés de :" then the list. Those parties
/// sign with the list, they are not prose the list outranks.
fn opens_a_list(text: &str, end: usize, lists: &[usize]) -> bool {
    lists.iter().filter(|&&at| at > end && at - end <= LEAD_IN_REACH).any(|&at| {
        let Some(gap) = text.get(end..at) else { return false };
        let Some((before, after)) = gap.rsplit_once(':') else { return false };
        !before.contains(['.', '!', '?', ';', ':'])
            && !before.contains("\n\n")
            && after.chars().filter(|c| c.is_alphabetic()).count() <= 3
    })
}

/// How far before a formal list's first party the sentence opening it may name its own
/// parties (bytes).
const LEAD_IN_REACH: usize = 300;

/// Names in the titles of related-article links ("Sur le même sujet" then "Roanne : Roannais
/// Agglomération signe à son tour") are other articles' parties: they go.
fn drop_related_links(doc: &Doc, orgs: &mut Vec<Organization>) {
    let links: Vec<[usize; 2]> = crate::rules::figures::related::related(doc.text())
        .into_iter()
        .map(|r| doc.evidence(r, "").span)
        .collect();
    orgs.retain(|o| {
        let [a, b] = o.evidence.span;
        !links.iter().any(|[s, e]| *s <= a && b <= *e)
    });
}

/// The fallback [`party_sentence::PartySentence`] stands only where no other rule read a name:
/// its candidates overlapping another rule's go.
fn drop_fallback_overlaps(orgs: &mut Vec<Organization>) {
    let read: Vec<[usize; 2]> = orgs
        .iter()
        .filter(|o| o.evidence.rule != party_sentence::ID)
        .map(|o| o.evidence.span)
        .collect();
    orgs.retain(|o| {
        o.evidence.rule != party_sentence::ID || !read.iter().any(|r| overlaps(*r, o.evidence.span))
    });
}

/// Cuts an organisation's name where the name of a person the people rules read begins: a
/// signature block flattened onto one line glues the signer and the role to the party ("Ville de
/// Lunel Pierre Durand, maire ; Caisse des dépôts Yves Morel"). The person's name opens with a
/// given name and is two to four words, which are, or end, a person's name the people family
/// read; a body named after a person ("Lycée Jean Moulin") keeps its name, as nobody of that
/// name is read as a person there.
fn cut_trailing_people(orgs: &mut [Organization], people: &[Person]) {
    let persons: Vec<String> = people.iter().map(|p| fold(&p.name)).collect();
    let is_person = |key: &str| {
        persons.iter().any(|p| p == key || p.strip_suffix(key).is_some_and(|s| s.ends_with(' ')))
    };
    for o in orgs.iter_mut() {
        let tokens: Vec<&str> = o.name.split_whitespace().collect();
        let Some(cut) = (1..tokens.len()).find(|i| {
            (2..=4).filter(|k| i + k <= tokens.len()).any(|k| {
                let run = tokens[*i..i + k].join(" ");
                lexicon::opens_with_given_name(&run) && is_person(&fold(&run))
            })
        }) else {
            continue;
        };
        let Some(at) = word_start(&o.evidence.text, tokens[cut]).filter(|at| *at > 0) else {
            continue;
        };
        let kept = o.evidence.text[..at]
            .trim_end_matches(|c: char| c.is_whitespace() || ",;:-–".contains(c));
        if kept.is_empty() {
            continue;
        }
        o.name = tokens[..cut].join(" ");
        o.evidence.span[1] = o.evidence.span[0] + kept.len();
        o.evidence.text = kept.to_owned();
    }
}

/// Where `word` first stands in `text` as a whole word ("Marc" in "Ville de Marcq-en-Barœul
/// Marc Dupont" is the fourth word, not the start of "Marcq").
fn word_start(text: &str, word: &str) -> Option<usize> {
    text.match_indices(word).map(|(at, _)| at).find(|&at| {
        !text[..at].ends_with(char::is_alphanumeric)
            && !text[at + word.len()..].starts_with(char::is_alphanumeric)
    })
}

/// Whether two evidence spans share a byte.
fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

/// Sets `abbreviation` on every organisation named by a long form or an abbreviation the
/// document links ("Communauté d'Agglomération de Lens-Liévin (CALL)" … "la CALL").
fn link_abbreviations(orgs: &mut [Organization]) {
    let pairs: Vec<(String, String, String)> = orgs
        .iter()
        .filter_map(|o| {
            Some((fold(&o.name), fold(o.abbreviation.as_ref()?), o.abbreviation.clone()?))
        })
        .collect();
    for o in orgs.iter_mut().filter(|o| o.abbreviation.is_none()) {
        let key = fold(&o.name);
        if let Some((_, _, abbr)) =
            pairs.iter().find(|(long, short, _)| *long == key || *short == key)
        {
            o.abbreviation = Some(abbr.clone());
        }
    }
}

/// Drops an organisation whose folded name and overlapping span repeat an earlier one, keeping
/// the strongest involvement (a formal list's evidence at equal involvement) and any kind or
/// abbreviation either carries.
fn dedup(orgs: &mut Vec<Organization>) {
    let mut out: Vec<Organization> = Vec::with_capacity(orgs.len());
    for o in orgs.drain(..) {
        let key = fold(&o.name);
        match out
            .iter_mut()
            .find(|x| fold(&x.name) == key && overlaps(x.evidence.span, o.evidence.span))
        {
            Some(x) => {
                // The stronger involvement wins; at equal involvement, a formal list's evidence
                // (a line under "Signataires" is also a wall of names).
                let formal = |o: &Organization| FORMAL.contains(&o.evidence.rule.as_str());
                if o.involvement < x.involvement
                    || (o.involvement == x.involvement && formal(&o) && !formal(x))
                {
                    x.involvement = o.involvement;
                    x.evidence = o.evidence;
                }
                if x.abbreviation.is_none() {
                    x.abbreviation = o.abbreviation;
                }
                if x.kind.is_none() {
                    x.kind = o.kind;
                }
            }
            None => out.push(o),
        }
    }
    *orgs = out;
}

/// Drops a signing organisation named by the abbreviation of another signing organisation of
/// the document ("la CAB" after "la Communauté d'agglomération du Boulonnais (CAB)"): one party,
/// named as the first list gives it.
fn drop_short_forms(orgs: &mut Vec<Organization>) {
    let signing = |o: &Organization| o.involvement == OrgInvolvement::Signatory;
    let long_forms: Vec<(String, usize)> = orgs
        .iter()
        .filter(|o| signing(o))
        .filter_map(|o| {
            let abbr = o.abbreviation.as_ref()?;
            (fold(abbr) != fold(&o.name)).then(|| (fold(abbr), o.evidence.span[0]))
        })
        .collect();
    orgs.retain(|o| {
        let key = fold(&o.name);
        !(signing(o)
            && long_forms.iter().any(|(abbr, at)| *abbr == key && *at < o.evidence.span[0]))
    });
}

/// `range` narrowed to exclude white space at both ends.
fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

#[cfg(test)]
pub(super) mod testing {
    //! Helpers for the rules' tests: run one rule, or the whole family, on a text.

    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    /// The organisations `rule` finds in `text` (read as `format`), before resolution.
    pub fn run_as(rule: &dyn Rule, text: &str, format: Format) -> Vec<Organization> {
        exact_evidence(text, testing::run(&[rule], text, format, None).organizations)
    }

    /// `orgs`, once checked that each evidence's text is the text at its span.
    #[track_caller]
    pub fn exact_evidence(text: &str, orgs: Vec<Organization>) -> Vec<Organization> {
        for o in &orgs {
            let [a, b] = o.evidence.span;
            assert_eq!(text[a..b], o.evidence.text, "evidence of {:?}", o.name);
        }
        orgs
    }

    /// The signing organisations' names `rule` finds in plain `text`.
    #[track_caller]
    pub fn signatories(rule: &dyn Rule, text: &str) -> Vec<String> {
        run_as(rule, text, Format::Text)
            .into_iter()
            .filter(|o| o.involvement == OrgInvolvement::Signatory)
            .map(|o| o.name)
            .collect()
    }

    /// The family's resolved organisations for plain `text`.
    pub fn family(text: &str) -> Vec<Organization> {
        testing::run(RULES, text, Format::Text, Some(resolve)).organizations
    }
}

#[cfg(test)]
mod tests {
    use super::testing::family;
    use super::*;

    /// The organisations' names, as [`with_people`] finds them, with their evidence's text.
    fn with_people_evidence(text: &str) -> Vec<(String, String)> {
        with_people_found(text).into_iter().map(|o| (o.name, o.evidence.text)).collect()
    }

    /// The organisations' names the orgs' and the people's rules find in plain `text`, after
    /// this family's resolve step.
    fn with_people(text: &str) -> Vec<String> {
        with_people_found(text).into_iter().map(|o| o.name).collect()
    }

    /// The orgs' and the people's rules on plain `text`, then this family's resolve step.
    fn with_people_found(text: &str) -> Vec<Organization> {
        let rules: Vec<&dyn Rule> =
            RULES.iter().chain(crate::rules::people::RULES).copied().collect();
        let out =
            crate::rules::testing::run(&rules, text, crate::record::Format::Text, Some(resolve));
        super::testing::exact_evidence(text, out.organizations)
    }

    #[test]
    fn a_signer_glued_to_the_party_is_cut_off() {
        let text = "Contrat de ville de Millau\n\nLe contrat de ville a été signé le 8 juillet 2015 par \
            les partenaires suivants : Ville de Millau Bernard Castel, maire ; Caisse des dépôts \
            Yves Morel ; Aveyron Habitat Jean-Luc Besson, directeur ; État Marie Dupuis, préfète.\n";
        let names = with_people(text);
        for party in ["Ville de Millau", "Caisse des dépôts", "Aveyron Habitat"] {
            assert!(names.iter().any(|n| n == party), "{party} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("Morel") || n.contains("Castel")), "{names:?}");
        // The given name is found as a word of its own, not inside the town's name.
        let text = "Contrat de ville de Roubaix\n\nLe contrat de ville a été signé le 8 juillet \
            2015 par les partenaires suivants : Ville de Marcq-en-Barœul Marc Dupont, maire ; \
            Caisse des dépôts Yves Morel.\n";
        let found = with_people_evidence(text);
        assert!(found.iter().any(|(n, e)| n == "Ville de Marcq-en-Barœul" && n == e), "{found:?}");
    }

    #[test]
    fn a_body_named_after_a_person_keeps_its_name() {
        let text = "Contrat de ville de Millau\n\nLe contrat de ville a été signé le 8 juillet 2015 par \
            les partenaires suivants : Ville de Millau ; Lycée Jean Moulin ; Caisse des dépôts.\n";
        let names = with_people(text);
        assert!(names.iter().any(|n| n == "Lycée Jean Moulin"), "{names:?}");
    }

    #[test]
    fn a_formal_list_outranks_the_prose() {
        // The prose names the list's parties again (the State, the town, the agglomeration):
        // partners, the list's names stand; a kind of party the list lacks (the Région) is one
        // more party.
        let text = "Liste des signataires\n\nPréfecture du Nord ; Ville de Douai ; CAF du Nord ; Douaisis Agglo\n\n\
            Il a été signé en juin avec 30 partenaires engagés : l'État, la Ville, la Région.\n";
        let orgs = family(text);
        let signing: Vec<&str> = orgs
            .iter()
            .filter(|o| o.involvement == OrgInvolvement::Signatory)
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(
            signing,
            ["Préfecture du Nord", "Ville de Douai", "CAF du Nord", "Douaisis Agglo", "Région"]
        );
        for name in ["État", "Ville"] {
            assert!(
                orgs.iter().any(|o| o.name == name && o.involvement == OrgInvolvement::Partner),
                "{name}: {orgs:?}"
            );
        }
    }

    #[test]
    fn the_sentence_opening_a_formal_list_names_parties_too() {
        let text = "Le contrat a été signé par la communauté de communes du Val d'Aire, la Ville de Nérac et la Ville de Barbaste, aux côtés de :\n\
            - l'État ;\n- la CAF de Lot-et-Garonne ;\n- France Travail ;\n- Habitalys.\n";
        let orgs = family(text);
        for name in ["Ville de Nérac", "Ville de Barbaste", "CAF de Lot-et-Garonne", "Habitalys"] {
            assert!(
                orgs.iter().any(|o| o.name == name && o.involvement == OrgInvolvement::Signatory),
                "{name}: {orgs:?}"
            );
        }
        // A sentence that ends before the list stays prose the list outranks, for the kinds
        // of party the list holds.
        let text = "La Ville de Nérac et la Ville de Barbaste ont signé en juin. Liste des signataires :\n\
            - l'État ;\n- la Ville de Nérac ;\n- la CAF de Lot-et-Garonne ;\n- Habitalys.\n";
        let orgs = family(text);
        assert!(
            orgs.iter()
                .any(|o| o.name == "Ville de Nérac" && o.involvement == OrgInvolvement::Partner),
            "{orgs:?}"
        );
    }

    #[test]
    fn a_formal_list_does_not_outrank_parties_signed_for() {
        let text = "Le contrat a été signé lundi. Ont signé : pour l'État, Anne Brun, préfète du Gers ; pour la Ville d'Auch, son maire Paul Roche.\n\n\
            Les autres partenaires ont signé ensuite :\n- la CAF du Gers\n- France Travail\n- Gers Habitat\n";
        let orgs = family(text);
        for name in ["État", "Ville d'Auch", "CAF du Gers", "France Travail"] {
            assert!(
                orgs.iter().any(|o| o.name == name && o.involvement == OrgInvolvement::Signatory),
                "{name}: {orgs:?}"
            );
        }
    }

    #[test]
    fn an_abbreviation_is_linked_to_the_list_name() {
        let text = "La Communauté d'Agglomération de Lens-Liévin (CALL) porte le contrat.\n\n\
            Le contrat a été signé par l'État, la CALL et la CAF du Pas-de-Calais.\n";
        let orgs = family(text);
        let call = orgs.iter().find(|o| o.name == "CALL").expect("CALL signs");
        assert_eq!(call.involvement, OrgInvolvement::Signatory);
        assert_eq!(call.abbreviation.as_deref(), Some("CALL"));
        let long =
            orgs.iter().find(|o| o.abbreviation.is_some() && o.name != "CALL").expect("long form");
        assert_eq!(long.involvement, OrgInvolvement::Mentioned);
    }

    #[test]
    fn a_short_form_after_its_long_form_is_one_party() {
        let text = "Les signataires : la Communauté d'agglomération du Boulonnais (CAB), la CAF.\n\n\
            Ont signé le contrat : l'État, la CAB.\n";
        let names: Vec<String> = family(text)
            .into_iter()
            .filter(|o| o.involvement == OrgInvolvement::Signatory)
            .map(|o| o.name)
            .collect();
        assert_eq!(names, ["Communauté d'agglomération du Boulonnais", "CAF", "État"]);
    }

    #[test]
    fn one_name_found_twice_at_one_place_is_one_organisation() {
        let text = "Aux côtés de l'État et de Caen la Mer, les partenaires ont signé le contrat : la CAF du Calvados.\n";
        let names: Vec<String> = family(text).into_iter().map(|o| o.name).collect();
        assert_eq!(names, ["État", "Caen la Mer", "CAF du Calvados"]);
    }
}

#[cfg(test)]
mod variants {
    //! Phrasings, layouts and names of the genre, each through the whole family.

    use super::testing::family;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        let found: Vec<String> = family(text)
            .into_iter()
            .filter(|o| o.involvement == OrgInvolvement::Signatory)
            .map(|o| o.name)
            .collect();
        let mut sorted = found.clone();
        sorted.sort();
        let mut expected = expected.to_vec();
        expected.sort_unstable();
        assert_eq!(sorted, expected, "{text:?}");
    }

    #[test]
    fn the_contract_as_subject() {
        check(
            "Conclu pour six ans, il réunit autour de la métropole l'État, la Région, le Département, la Caisse d'allocations familiales de l'Aisne, France Travail et les bailleurs sociaux.",
            &[
                "État",
                "Région",
                "Département",
                "Caisse d'allocations familiales de l'Aisne",
                "France Travail",
                "bailleurs sociaux",
            ],
        );
        check(
            "Le contrat de ville associe l'État, Caen la Mer et la CAF du Calvados.",
            &["État", "Caen la Mer", "CAF du Calvados"],
        );
        check(
            "Ce contrat rassemble la Ville de Laon, le Département de l'Aisne et Pôle emploi pour la période 2024-2030.",
            &["Ville de Laon", "Département de l'Aisne", "Pôle emploi"],
        );
        check(
            "Le nouveau contrat mobilise l'Agence régionale de santé, la CPAM de l'Oise et la Mission locale.",
            &["Agence régionale de santé", "CPAM de l'Oise", "Mission locale"],
        );
        check(
            "Le contrat engage l'État et Amiens Métropole pour six ans.",
            &["État", "Amiens Métropole"],
        );
        check(
            "Le contrat lie l'État, la Région et la Ville de Creil.",
            &["État", "Région", "Ville de Creil"],
        );
        check(
            "Le document fédère la Région Normandie, le rectorat et le parquet.",
            &["Région Normandie", "rectorat", "parquet"],
        );
    }

    #[test]
    fn the_contract_and_its_makers() {
        check(
            "Le contrat est le fruit d'un partenariat entre l'État, Lisieux Normandie et la CAF du Calvados.",
            &["État", "Lisieux Normandie", "CAF du Calvados"],
        );
        check(
            "Il a été élaboré avec l'État, la Région Normandie et le Département du Calvados.",
            &["État", "Région Normandie", "Département du Calvados"],
        );
        check(
            "Ce contrat est co-construit par la Ville de Lisieux et l'État.",
            &["Ville de Lisieux", "État"],
        );
        // made with people, or a document other than the contract
        check("Il a été élaboré avec les habitants et les associations du quartier.", &[]);
        check("Le diagnostic a été élaboré avec l'agence d'urbanisme et la Région.", &[]);
    }

    #[test]
    fn the_contract_as_subject_without_parties() {
        check("Le contrat de ville engage une quinzaine de partenaires pour six ans.", &[]);
        check("Le contrat mobilise les crédits de droit commun de l'État et de la Région.", &[]);
        check("Il engage la responsabilité de l'État.", &[]);
        check("La Région s'engage à financer les actions.", &[]);
        check("Le contrat associe les habitants et les associations aux décisions.", &[]);
    }

    #[test]
    fn signing_verbs_and_cues() {
        check(
            "Il a été signé par l'État, la Ville de Beauvais et l'Office public de l'habitat de l'Oise.",
            &["État", "Ville de Beauvais", "Office public de l'habitat de l'Oise"],
        );
        check(
            "Le contrat a été co-signé par la Région Hauts-de-France et la Caisse primaire d'assurance maladie (CPAM).",
            &["Région Hauts-de-France", "Caisse primaire d'assurance maladie"],
        );
        check(
            "L'État, la Communauté urbaine de Dunkerque et la CAF du Nord ont paraphé le document.",
            &["État", "Communauté urbaine de Dunkerque", "CAF du Nord"],
        );
        check(
            "Les signataires sont l'État, la Région Grand Est, la MSA et l'EPARECA.",
            &["État", "Région Grand Est", "MSA", "EPARECA"],
        );
        check(
            "Les signataires sont : l'État, Grand Besançon Métropole, la Ville de Besançon.",
            &["État", "Grand Besançon Métropole", "Ville de Besançon"],
        );
        check(
            "Partenaires du contrat : l'État, la Ville de Calais, la Chambre de commerce et d'industrie (CCI), la Chambre de métiers et de l'artisanat.",
            &[
                "État",
                "Ville de Calais",
                "Chambre de commerce et d'industrie",
                "Chambre de métiers et de l'artisanat",
            ],
        );
        check(
            "La Région, le Département du Nord et la CAF s'engagent aux côtés de l'État et de la Ville de Maubeuge.",
            &["Région", "Département du Nord", "CAF", "État", "Ville de Maubeuge"],
        );
        check(
            "Le contrat a été signé entre l'État, la Métropole Européenne de Lille et la Région.",
            &["État", "Métropole Européenne de Lille", "Région"],
        );
        check(
            "Le contrat a été signé le 4 mars 2024, en sous-préfecture, entre l'État, la communauté de communes du Pays de Lunel, la Ville de Lunel et Hérault Logement.",
            &[
                "État",
                "communauté de communes du Pays de Lunel",
                "Ville de Lunel",
                "Hérault Logement",
            ],
        );
        // "entre" two years, not parties
        check("Le premier contrat, signé entre 2015 et 2016, a été prolongé.", &[]);
    }

    #[test]
    fn inline_list_joiners() {
        check(
            "Le contrat a été signé par l'État, la Région mais aussi la CAF de la Somme, sans oublier la Banque des Territoires (groupe Caisse des Dépôts), de même que l'ANRU.",
            &["État", "Région", "CAF de la Somme", "Banque des Territoires", "ANRU"],
        );
        check(
            "Ont signé le contrat : l'État (représenté par le préfet), France Travail (ex-Pôle emploi), les organismes de sécurité sociale (CAF, CPAM, MSA) et l'Éducation nationale.",
            &["État", "France Travail", "CAF", "CPAM", "MSA", "Éducation nationale"],
        );
        check(
            "Le contrat a été signé par la Caisse d'allocations familiales (CAF) de la Somme, l'Agence régionale de santé (ARS) Hauts-de-France et la Caisse des Dépôts et Consignations.",
            &[
                "Caisse d'allocations familiales de la Somme",
                "Agence régionale de santé Hauts-de-France",
                "Caisse des Dépôts et Consignations",
            ],
        );
        check(
            "Le contrat a été signé par le tribunal judiciaire de Lille, la direction académique, la préfecture, Lille Habitat et la SA HLM Notre Logis.",
            &[
                "tribunal judiciaire de Lille",
                "direction académique",
                "préfecture",
                "Lille Habitat",
                "SA HLM Notre Logis",
            ],
        );
    }

    #[test]
    fn lists_under_a_heading() {
        check(
            "Signataires :\n- l'État ;\n- la Ville de Dieppe ;\n- la Caisse d'allocations familiales de Seine-Maritime ;\n- Sodineuf Habitat.\n\nLa suite.\n",
            &[
                "État",
                "Ville de Dieppe",
                "Caisse d'allocations familiales de Seine-Maritime",
                "Sodineuf Habitat",
            ],
        );
        check(
            "Ils ont signé :\n• la Région Occitanie\n• le Conseil départemental du Gard\n• Habitat du Gard\n\nLa suite du texte.\n",
            &["Région Occitanie", "Conseil départemental du Gard", "Habitat du Gard"],
        );
        check(
            "Les partenaires signataires\n\n1. L'État\n2. La Communauté d'agglomération de Chaumont\n3. La Mission locale du Nord Haute-Marne\n\nLa suite du texte.\n",
            &[
                "État",
                "Communauté d'agglomération de Chaumont",
                "Mission locale du Nord Haute-Marne",
            ],
        );
        check(
            "Signataires\n\n* Préfecture de la Marne\n* Grand Reims\n* Reims Habitat\n",
            &["Préfecture de la Marne", "Grand Reims", "Reims Habitat"],
        );
        check(
            "Les signataires du contrat\n\n– l'État\n– la Ville de Vierzon\n– la Chambre de métiers et de l'artisanat du Cher\n",
            &["État", "Ville de Vierzon", "Chambre de métiers et de l'artisanat du Cher"],
        );
    }

    #[test]
    fn layouts_and_shapes_seen_in_the_field() {
        check(
            "Signataires :\n   •  l'État ;\n   •  les villes de Lorient, Lanester,\n      Hennebont et Quéven ;\n   •  la Caisse des Dépôts (CDC) ;\n   •  Lorient Habitat et Bretagne Sud Habitat.\n\nLes moyens\n",
            &[
                "État",
                "Lorient",
                "Lanester",
                "Hennebont",
                "Quéven",
                "Caisse des Dépôts",
                "Lorient Habitat",
                "Bretagne Sud Habitat",
            ],
        );
        check(
            "Le contrat lie la Ville de Bourges à l'État, à la Région Centre-Val de Loire, au Département du Cher, à France Travail et à l'office public Val de Berry Habitat.",
            &[
                "Ville de Bourges",
                "État",
                "Région Centre-Val de Loire",
                "Département du Cher",
                "France Travail",
                "Val de Berry Habitat",
            ],
        );
        check(
            "Le préfet a paraphé le document aux côtés des maires des deux communes concernées : Pierre Lambert (Saint-Louis) et Martine Roux (Huningue).",
            &["préfet"],
        );
        check(
            "Le contrat est signé avec l'État, la Région et les bailleurs m2A Habitat et Néolia.",
            &["État", "Région", "m2A Habitat", "Néolia"],
        );
        check(
            "Signataires : État (préfecture de l'Yonne) ; Ville de Sens ; CAF de l'Yonne",
            &["État", "Ville de Sens", "CAF de l'Yonne"],
        );
        check(
            "L'État, la ville de Tonnerre, le Conseil départemental et Domanys en sont signataires.",
            &["État", "ville de Tonnerre", "Conseil départemental", "Domanys"],
        );
    }

    #[test]
    fn tables_of_partners() {
        check(
            "| Partenaire | Représentant |\n|---|---|\n| État | Préfète du Cher |\n| Ville de Bourges | Maire |\n| Val de Berry | Directeur |\n",
            &["État", "Ville de Bourges", "Val de Berry"],
        );
        check(
            "Les engagements\n| Structure | Engagement\n| CAF du Cher | Accès aux droits\n| France Travail | Emploi\n",
            &["CAF du Cher", "France Travail"],
        );
    }

    #[test]
    fn more_phrasings() {
        check(
            "Étaient signataires : la préfète de la Vienne, Grand Poitiers, la Ville de Poitiers et Ekidom.",
            &["préfète de la Vienne", "Grand Poitiers", "Ville de Poitiers", "Ekidom"],
        );
        check(
            "Le contrat de ville a été signé ce jeudi par l'État, représenté par le préfet Paul Martin, la Ville de Creil, représentée par son maire, et la CAF de l'Oise.",
            &["État", "Ville de Creil", "CAF de l'Oise"],
        );
        check(
            "Ont apposé leur signature : la Région Normandie, le Département de l'Orne, Orne Habitat.",
            &["Région Normandie", "Département de l'Orne", "Orne Habitat"],
        );
        check(
            "Outre la communauté d'agglomération, l'État, le Département et la Caisse d'allocations familiales ont signé le document.",
            &[
                "communauté d'agglomération",
                "État",
                "Département",
                "Caisse d'allocations familiales",
            ],
        );
        check(
            "Ce contrat a été élaboré avec les partenaires suivants : la Région, la CAF de l'Aube et Troyes Habitat.",
            &["Région", "CAF de l'Aube", "Troyes Habitat"],
        );
        check(
            "Ils ont signé le contrat : l'État, la Métropole Aix-Marseille-Provence, la Ville de Marseille, 13 Habitat et Logirem.",
            &[
                "État",
                "Métropole Aix-Marseille-Provence",
                "Ville de Marseille",
                "13 Habitat",
                "Logirem",
            ],
        );
        check(
            "Les signataires du contrat de ville\n\n| Partenaire | Représenté par |\n|---|---|\n| État | Préfète |\n| Ville de Tours | Maire |\n| Tours Habitat | Directeur |\n",
            &["État", "Ville de Tours", "Tours Habitat"],
        );
    }

    #[test]
    fn officials_by_their_office_alone() {
        check(
            "Mardi, la préfète, le maire de Sedan et le président d'Ardenne Métropole ont signé le contrat de ville.",
            &["préfète", "maire de Sedan", "président d'Ardenne Métropole"],
        );
        check(
            "Le contrat a été signé en présence du Sous-préfet et de tous les partenaires.",
            &["Sous-préfet"],
        );
        // the office of no one in particular, or held by a person named beside it
        check("Le maire et le président ont signé le contrat de ville.", &[]);
        check(
            "Le préfet, Paul Noël, a signé le contrat aux côtés de la CAF du Nord.",
            &["CAF du Nord"],
        );
    }

    #[test]
    fn lead_ins_and_openings_of_a_party() {
        check(
            "Le contrat a été signé par le sous-préfet et les représentants de la CAF de l'Orne, du Département et de la Région.",
            &["sous-préfet", "CAF de l'Orne", "Département", "Région"],
        );
        check(
            "Alençon, le 3 avril 2024 – La Communauté urbaine d'Alençon, l'État et la CAF de l'Orne ont signé le contrat de ville.",
            &["Communauté urbaine d'Alençon", "État", "CAF de l'Orne"],
        );
        check(
            "Signé en mai, le contrat est cosigné par 20 partenaires dont l'État, la Région Normandie et la CAF de l'Orne.",
            &["État", "Région Normandie", "CAF de l'Orne"],
        );
        check(
            "LE CONTRAT A ÉTÉ SIGNÉ PAR L'ÉTAT, LA RÉGION NORMANDIE ET LA VILLE D'ALENÇON.",
            &["État", "Région Normandie", "ville d'Alençon"],
        );
        check(
            "La Ville d'Argentan signe son contrat de ville avec l'État et la CAF de l'Orne le 2 avril 2024.",
            &["État", "CAF de l'Orne"],
        );
        check(
            "Le contrat, porté par la communauté de communes et signé par les villes de Flers et de Condé, court jusqu'en 2030.",
            &["communauté de communes", "Flers", "Condé"],
        );
        // a sign, not a signing; a count of partners with no list
        check("C'est un signe fort envoyé par l'État et la Région aux habitants.", &[]);
        check("Le contrat est cosigné par 20 partenaires dont la liste est en ligne.", &[]);
    }

    #[test]
    fn lists_after_a_count_a_presence_or_a_label() {
        check(
            "Le contrat de ville réunit 25 signataires, dont l'État, Agglopolys et la Ville de Blois.",
            &["État", "Agglopolys", "Ville de Blois"],
        );
        check(
            "Le contrat a été signé par 25 partenaires institutionnels. Parmi eux : l'État, Agglopolys, la Ville de Blois et la CAF.",
            &["État", "Agglopolys", "Ville de Blois", "CAF"],
        );
        check(
            "En présence du préfet, la Ville de Blois et la communauté d'agglomération de Blois ont signé lundi le contrat avec la Région et la CAF.",
            &["Ville de Blois", "communauté d'agglomération de Blois", "Région", "CAF"],
        );
        check(
            "Les acteurs du contrat de ville : l'État, Agglopolys, la Ville de Blois, la CAF de Loir-et-Cher.",
            &["État", "Agglopolys", "Ville de Blois", "CAF de Loir-et-Cher"],
        );
        // a signing to come; the people of a visit
        check("Le contrat sera signé en juin. Parmi eux : l'État et la Région.", &[]);
        check("Les acteurs du quartier : la Maison Pour Tous, le club de foot.", &[]);
    }

    #[test]
    fn more_ways_to_say_who_signed() {
        check(
            "Étaient présents pour la signature : le sous-préfet de Vire, le maire de Vire et la directrice de la CAF du Calvados.",
            &["sous-préfet de Vire", "maire de Vire", "directrice de la CAF du Calvados"],
        );
        check(
            "Le contrat a été signé par l'État et par Caen la Mer, puis par la Ville d'Hérouville.",
            &["État", "Caen la Mer", "Ville d'Hérouville"],
        );
        check(
            "L'État, Caen la Mer et la Ville de Caen en sont les principaux signataires, aux côtés de la CAF du Calvados.",
            &["État", "Caen la Mer", "Ville de Caen", "CAF du Calvados"],
        );
        // present for something else; the signatories of another thing
        check("Étaient présents pour la visite : le sous-préfet et la CAF du Calvados.", &[]);
        check("Les habitants en sont les principaux bénéficiaires.", &[]);
    }

    #[test]
    fn apostrophes_lost_by_a_conversion() {
        check(
            "Le contrat a été signé par l Etat, la Région Normandie, l Agence régionale de santé et la CAF de l Orne.",
            &["État", "Région Normandie", "Agence régionale de santé", "CAF de l'Orne"],
        );
        check(
            "Le contrat a été signé par lEtat, la Ville dAlençon et la CAF.",
            &["Etat", "Ville dAlençon", "CAF"],
        );
        // a lower-case word is no name, with or without its letter
        check("Le contrat a été signé par l ensemble des partenaires.", &[]);
    }

    #[test]
    fn a_signatory_in_apposition() {
        check(
            "La CAF de la Manche, signataire du contrat de ville, finance trois centres sociaux.",
            &["CAF de la Manche"],
        );
        check(
            "France Travail, également signataire de ce contrat, ouvre une antenne au Val.",
            &["France Travail"],
        );
        // a signatory of many contracts, or of another agreement
        check(
            "La Région, signataire des 21 contrats de ville de Normandie, finance la formation.",
            &[],
        );
        check("La CAF, signataire de la charte, ouvre une antenne.", &[]);
    }

    #[test]
    fn a_preamble_after_a_line_ending_with_between() {
        check(
            "Le présent contrat est conclu entre :\nL Etat, représenté par le préfet de l'Orne,\nLa Communauté urbaine d Alençon, représentée par son président,\nIl est convenu ce qui suit.",
            &["État", "Communauté urbaine d'Alençon"],
        );
        check(
            "Un écart se creuse entre\nles quartiers et le reste de la ville, représenté par la moyenne.",
            &[],
        );
    }

    #[test]
    fn a_page_cut_short_inside_its_list() {
        let opening = "Le quartier du Val vit une longue histoire. ".repeat(30);
        check(
            &format!(
                "{opening}Ont signé le contrat : l'État, la Ville de Lisieux, la Caisse des Dépôts, Calvados Habitat, la Cai"
            ),
            &["État", "Ville de Lisieux", "Caisse des Dépôts", "Calvados Habitat"],
        );
        // a short text ending with its list is whole
        check(
            "Ont signé le contrat : l'État, la Ville de Lisieux et Inolya",
            &["État", "Ville de Lisieux", "Inolya"],
        );
        check(
            "Ont signé le contrat : l'État, la Ville de Lisieux et l'ex-Pays d'Auge, les chambres consulaires.",
            &["État", "Ville de Lisieux", "ex-Pays d'Auge", "chambres consulaires"],
        );
    }

    #[test]
    fn the_place_of_the_signing_is_no_party() {
        check(
            "Lundi 3 juin, à la préfecture de Rodez, le préfet a signé le contrat de ville aux côtés de la CAF de l'Aveyron.",
            &["préfet", "CAF de l'Aveyron"],
        );
        check(
            "C'est à l'Hôtel de Région que la Région Occitanie, l'État et la CAF du Gard ont signé le contrat.",
            &["Région Occitanie", "État", "CAF du Gard"],
        );
        check(
            "Réunis dans les locaux de la CAF de la Drôme, l'État, Valence Romans Agglo et la Ville de Valence ont signé le contrat.",
            &["État", "Valence Romans Agglo", "Ville de Valence"],
        );
        check(
            "Le contrat a été signé à la Mairie de Vierzon par l'État et la Ville de Vierzon.",
            &["État", "Ville de Vierzon"],
        );
        check(
            "Vendredi, en préfecture, l'État, la Ville de Dax et la CAF des Landes ont signé le contrat.",
            &["État", "Ville de Dax", "CAF des Landes"],
        );
        check(
            "À la sous-préfecture de Vichy, l'État et Vichy Communauté ont signé le contrat.",
            &["État", "Vichy Communauté"],
        );
    }

    #[test]
    fn the_contracts_signed_are_not_their_parties() {
        check(
            "À la préfecture, le préfet a signé successivement les contrats de ville de Montluçon Communauté et de Vichy Communauté.",
            &["préfet"],
        );
        check(
            "Le préfet a signé hier les contrats de ville 2024-2030 de Grand Poitiers et de Grand Châtellerault avec la CAF de la Vienne.",
            &["préfet", "CAF de la Vienne"],
        );
        check(
            "Le préfet a officiellement signé le contrat de ville du Grand Dax aux côtés de la Ville de Dax.",
            &["préfet", "Ville de Dax"],
        );
    }

    #[test]
    fn a_party_said_to_be_a_signatory() {
        check("La CAF de la Lozère en est cosignataire.", &["CAF de la Lozère"]);
        check("France Travail est également signataire du contrat.", &["France Travail"]);
        check(
            "Le Grand Dax, l'État, la Ville de Dax et la CAF des Landes figurent parmi les 18 signataires.",
            &["Grand Dax", "État", "Ville de Dax", "CAF des Landes"],
        );
        check(
            "L'État, la Région et Mâcon Habitat comptent parmi les nombreux signataires du contrat.",
            &["État", "Région", "Mâcon Habitat"],
        );
        check("La Région Grand Est est signataire du contrat.", &["Région Grand Est"]);
        check(
            "La Région Normandie est signataire des 21 contrats de ville du territoire régional.",
            &[],
        );
        check("Le Département est signataire de tous les contrats du Calvados.", &[]);
    }

    #[test]
    fn partners_setting_goals_list_no_parties() {
        check(
            "Les partenaires se fixent trois priorités : l'emploi, la réussite des élèves de CP et de CE1 ; la tranquillité publique.",
            &[],
        );
        check(
            "Les partenaires du contrat retiennent quatre axes : la santé, l'ANRU, l'emploi et le cadre de vie.",
            &[],
        );
    }

    #[test]
    fn organisations_outside_a_signature() {
        check(
            "Ces actions sont financées par l'État et la Région, avec le soutien de la Banque des Territoires.",
            &[],
        );
        check("Le projet, financé par l'ANRU et la CAF, a été lancé en 2019.", &[]);
        check(
            "Marie Dupont, directrice de la CAF du Nord, a signé le contrat aux côtés de Paul Martin, président de la Métropole.",
            &[],
        );
        check(
            "Contact presse : Service communication de la préfecture de l'Oise – Liberté Égalité Fraternité",
            &[],
        );
        check("Les habitants, les associations et les acteurs locaux ont signé une charte.", &[]);
        check(
            "Les partenaires financeurs : l'État, la Région et l'ANRU ont apporté 12 millions d'euros au projet de rénovation.",
            &[],
        );
        check(
            "Accueil | Actualités | Partenaires | Contact\nLiberté Égalité Fraternité\nPréfecture de la Somme\n",
            &[],
        );
        check(
            "Le premier contrat, signé en 2015 avec l'État et la Région, avait été prolongé jusqu'en 2023.",
            &["État", "Région"],
        );
        check(
            "Avec le soutien de la Banque des Territoires, la Ville a signé une convention avec l'EPARECA pour le centre commercial.",
            &[],
        );
    }
}
