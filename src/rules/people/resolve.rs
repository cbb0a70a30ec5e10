//! The `people` family's resolve step: one candidate per mention, initials and roles completed.
//!
//! Several rules may reach the same mention (`people.role_name` names every one, a cue rule
//! gives it an involvement): the strongest involvement wins, signatory over present over quoted
//! or mentioned, except that a contact stays a contact. Then a name written with initials ("J.-F.
//! Cordet") takes the full name of another mention that matches it ("Jean-François Cordet"), and
//! a mention without a role takes the role of another mention of the same person. Mentions stay
//! distinct: the merger assigns each to the contract of its section.

use crate::names::fold;
use crate::record::Involvement;
use crate::rules::{Candidates, Doc};

/// Rank of an involvement when several rules reach one mention (lower wins).
fn rank(i: Involvement) -> u8 {
    match i {
        Involvement::Contact => 0,
        Involvement::Signatory => 1,
        Involvement::Present => 2,
        Involvement::Quoted => 3,
        Involvement::Mentioned => 4,
    }
}

pub(super) fn resolve(_doc: &Doc, out: &mut Candidates) {
    let mut people = std::mem::take(&mut out.people);
    people.sort_by(|a, b| {
        a.evidence.span.cmp(&b.evidence.span).then(rank(a.involvement).cmp(&rank(b.involvement)))
    });
    people.dedup_by(|later, first| later.evidence.span == first.evidence.span);
    let names: Vec<String> = people.iter().map(|p| p.name.clone()).collect();
    for p in &mut people {
        if let Some(full) = names.iter().find(|n| expands(&p.name, n)) {
            p.name.clone_from(full);
        }
    }
    let roles: Vec<(String, Option<String>, Option<String>)> = people
        .iter()
        .filter(|p| p.role.is_some())
        .map(|p| (fold(&p.name), p.role.clone(), p.organization.clone()))
        .collect();
    for p in people.iter_mut().filter(|p| p.role.is_none()) {
        let key = fold(&p.name);
        if let Some((_, role, org)) = roles.iter().find(|(k, _, _)| *k == key) {
            p.role.clone_from(role);
            p.organization.clone_from(org);
        }
    }
    out.people = people;
}

/// Whether `full` spells out the initials of `short`: "J.-F. Cordet" → "Jean-François Cordet".
fn expands(short: &str, full: &str) -> bool {
    let Some((initials, family)) = short.split_once(' ') else { return false };
    if !initials.ends_with('.') || short == full {
        return false;
    }
    let Some((given, full_family)) = full.split_once(' ') else { return false };
    if given.ends_with('.') || fold(family) != fold(full_family) {
        return false;
    }
    let letters: Vec<char> = initials.chars().filter(|c| c.is_uppercase()).collect();
    let firsts: Vec<char> = given.split('-').filter_map(|g| g.chars().next()).collect();
    letters == firsts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{brief, family};

    #[test]
    fn the_strongest_involvement_wins_per_mention() {
        let got = brief(&family(
            "Paul Roche, préfet du Var, a signé le contrat. « Un beau jour », a déclaré Paul Roche.",
        ));
        assert_eq!(
            got,
            vec![
                ("Paul Roche".to_owned(), Involvement::Signatory),
                ("Paul Roche".to_owned(), Involvement::Quoted),
            ]
        );
    }

    #[test]
    fn a_contact_stays_a_contact() {
        let got = brief(&family("Contact presse : Lucie Morin a signé – 04 67 00 00 00"));
        assert_eq!(got, vec![("Lucie Morin".to_owned(), Involvement::Contact)]);
    }

    #[test]
    fn initials_and_roles_are_completed() {
        let people = family(
            "Jean-François Martinet, préfet du Nord, a signé. J.-F. Martinet a salué le travail.",
        );
        assert_eq!(people[1].name, "Jean-François Martinet");
        assert_eq!(people[1].role.as_deref(), Some("préfet du Nord"));
        assert_eq!(people[1].involvement, Involvement::Mentioned);
    }

    #[test]
    fn initials_match_only_their_letters() {
        assert!(expands("J.-F. Cordet", "Jean-François Cordet"));
        assert!(expands("J. Cordet", "Jacques Cordet"));
        assert!(!expands("J.-F. Cordet", "Jean Cordet"));
        assert!(!expands("J. Cordet", "Jacques Morel"));
    }
}
