//! Rule family `orgs`: the organisations that sign a contrat de ville.
//!
//! The rules find lists of parties — after a signing cue in a sentence
//! ([`signatory_list::SignatoryList`]), under a heading or a line ending with a colon
//! ([`signatory_block::SignatoryBlock`]), in a table ([`signatory_table::SignatoryTable`]), in a
//! preamble "Aux côtés de l'État et de X" ([`parties::Parties`]) — and cut them into
//! organisations with the shared item grammar of [`items`]. Long forms with their abbreviation
//! ("la Communauté d'Agglomération de Lens-Liévin (CALL)") are found apart
//! ([`abbreviation::Abbreviation`]) as mentions. [`resolve`] links abbreviations, drops repeats,
//! and lets a document's formal list of signatories outrank its prose.

mod abbreviation;
mod items;
mod lexicon;
mod parties;
mod signatory_block;
mod signatory_list;
mod signatory_table;
mod text;

use std::ops::Range;

use super::{Candidates, Doc, Rule};
use crate::names::fold;
use crate::record::{OrgInvolvement, Organization};

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[
    &abbreviation::Abbreviation,
    &parties::Parties,
    &signatory_block::SignatoryBlock,
    &signatory_list::SignatoryList,
    &signatory_table::SignatoryTable,
];

/// Rules whose lists are a document's formal list of signatories.
const FORMAL: &[&str] = &[signatory_block::ID, signatory_table::ID];

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
/// a formal list of signatories (a heading list or a table of three or more), makes the
/// organisations its prose names as signing partners, not signatories.
pub fn resolve(_doc: &Doc, out: &mut Candidates) {
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
    if formal >= 3 {
        for o in &mut out.organizations {
            if o.involvement == OrgInvolvement::Signatory
                && !FORMAL.contains(&o.evidence.rule.as_str())
            {
                o.involvement = OrgInvolvement::Partner;
            }
        }
    }
    out.organizations.sort_by_key(|o| (o.evidence.span, o.involvement));
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
/// the strongest involvement and any kind or abbreviation either carries.
fn dedup(orgs: &mut Vec<Organization>) {
    let overlap = |a: [usize; 2], b: [usize; 2]| a[0] < b[1] && b[0] < a[1];
    let mut out: Vec<Organization> = Vec::with_capacity(orgs.len());
    for o in orgs.drain(..) {
        let key = fold(&o.name);
        match out
            .iter_mut()
            .find(|x| fold(&x.name) == key && overlap(x.evidence.span, o.evidence.span))
        {
            Some(x) => {
                if o.involvement < x.involvement {
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
    use crate::ingest::normalise::normalise;
    use crate::record::Format;

    /// The organisations `rule` finds in `text` (read as `format`), before resolution.
    pub fn run_as(rule: &dyn Rule, text: &str, format: Format) -> Vec<Organization> {
        let norm = normalise(text);
        let doc = Doc { id: "t", format, clean: text, norm: &norm };
        let mut out = Candidates::default();
        rule.apply(&doc, &mut out);
        for o in &out.organizations {
            let [a, b] = o.evidence.span;
            assert_eq!(text[a..b], o.evidence.text, "evidence of {:?}", o.name);
        }
        out.organizations
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
        let norm = normalise(text);
        let doc = Doc { id: "t", format: Format::Text, clean: text, norm: &norm };
        let mut out = Candidates::default();
        for rule in RULES {
            rule.apply(&doc, &mut out);
        }
        resolve(&doc, &mut out);
        out.organizations
    }
}

#[cfg(test)]
mod tests {
    use super::testing::family;
    use super::*;

    #[test]
    fn a_formal_list_outranks_the_prose() {
        let text = "Liste des signataires\n\nPréfecture du Nord ; Ville de Douai ; CAF du Nord ; Douaisis Agglo\n\n\
            Il a été signé en juin avec 30 partenaires engagés : l'État, la Région, le Département.\n";
        let orgs = family(text);
        let signing: Vec<&str> = orgs
            .iter()
            .filter(|o| o.involvement == OrgInvolvement::Signatory)
            .map(|o| o.name.as_str())
            .collect();
        assert_eq!(
            signing,
            ["Préfecture du Nord", "Ville de Douai", "CAF du Nord", "Douaisis Agglo"]
        );
        assert!(
            orgs.iter().any(|o| o.name == "Région" && o.involvement == OrgInvolvement::Partner)
        );
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
