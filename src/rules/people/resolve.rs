//! The `people` family's resolve step: one candidate per mention, initials and roles completed.
//!
//! Several rules may reach the same mention (`people.role_name` names every one, a cue rule
//! gives it an involvement): the strongest involvement wins, signatory over present over quoted
//! or mentioned, except that a contact stays a contact. Then a name written with initials ("J.-F.
//! Cordet") takes the full name of another mention that matches it ("Jean-François Cordet"), and
//! a mention without a role takes the role of another mention of the same person. Mentions stay
//! distinct: the merger assigns each to the contract of its section.

use std::sync::LazyLock;

use super::EXCUSED;
use super::grammar::{Mention, Parsed};
use super::lexicon::RoleKind;
use crate::names::fold;
use crate::record::{Involvement, Person};
use crate::rules::text::Regex;
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

pub(super) fn resolve(doc: &Doc, out: &mut Candidates) {
    let mut people = std::mem::take(&mut out.people);
    people.sort_by(|a, b| {
        a.evidence.span.cmp(&b.evidence.span).then(rank(a.involvement).cmp(&rank(b.involvement)))
    });
    people.dedup_by(|later, first| later.evidence.span == first.evidence.span);
    companions(doc, &mut people);
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

/// What joins two items of one enumeration of people: a comma or a semicolon, "et", "ainsi
/// que", with the preposition the first item had repeated ("suivis par A, et par B", "en
/// compagnie de A et de B") and a civility or an article.
static ENUMERATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:[,;]\s*(?:(?:et|ainsi\s+que)\s+)?|(?:et|ainsi\s+que)\s+)(?:(?:par|de|du|avec)\s+|d')?(?:(?:M\.|Mme|Madame|Monsieur)\s+)?(?:(?:le|la)\s+|l')?$")
        .expect("valid regex")
});

/// An official named in the same enumeration as, and right after, a person at the signing takes
/// part as they do: "Autour de la table : A, préfet, B, maire de X, et C, premier adjoint au
/// maire de Y" (the cue rules read A and B as officials who sign, not the adjoint C), "A et B
/// ont signé, suivis par C, vice-présidente, et par D, premier adjoint". A person without a
/// role, with a role that is no office (a resident, a staff member), held no more or said to be
/// away stays mentioned.
fn companions(doc: &Doc, people: &mut [Person]) {
    let p = Parsed::new(doc);
    let text = p.text;
    let spans: Vec<([usize; 2], &Mention)> =
        p.mentions.iter().map(|m| (doc.evidence(m.full.clone(), "").span, m)).collect();
    let mention = |span: [usize; 2]| spans.iter().find(|(s, _)| *s == span).map(|(_, m)| *m);
    for i in 1..people.len() {
        let (before, rest) = people.split_at_mut(i);
        let (prev, here) = (&before[i - 1], &mut rest[0]);
        if here.involvement != Involvement::Mentioned
            || !matches!(prev.involvement, Involvement::Signatory | Involvement::Present)
        {
            continue;
        }
        let (Some(a), Some(b)) = (mention(prev.evidence.span), mention(here.evidence.span)) else {
            continue;
        };
        let official = b.role.as_ref().is_some_and(|r| r.kind == RoleKind::Official && !r.past);
        if official
            && a.full.end <= b.full.start
            && ENUMERATION.is_match(&text[a.full.end..b.full.start])
            && !EXCUSED.is_match(&text[b.full.end..])
        {
            here.involvement = Involvement::Present;
        }
    }
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
    fn officials_listed_after_people_at_the_signing() {
        for text in [
            "Le contrat a été signé lundi. Autour de la table : Paul Roche, préfet du Var, Anne \
             Brun, maire de Hyères, et Marc Viel, premier adjoint au maire de Toulon.",
            "Paul Roche, préfet du Var, et Anne Brun, maire de Hyères, ont posé les premières \
             signatures, suivis par Mme Lucie Morin, vice-présidente du Département, et par Marc Viel, \
             premier adjoint au maire de Toulon.",
        ] {
            let got = family(text);
            let viel = got.iter().find(|p| p.name == "Marc Viel").map(|p| p.involvement);
            assert_eq!(viel, Some(Involvement::Present), "{text:?}: {:?}", brief(&got));
        }
        // Not an official, not in the enumeration, or away.
        for text in [
            "Le contrat a été signé lundi. Autour de la table : Paul Roche, préfet du Var, Anne \
             Brun, maire de Hyères, et Marc Viel, habitant du quartier.",
            "Le contrat a été signé lundi. Autour de la table : Paul Roche, préfet du Var, Anne \
             Brun, maire de Hyères, et Marc Viel.",
            "Paul Roche, préfet du Var, a signé le contrat. Marc Viel, adjoint au maire, a \
             rappelé l'enjeu.",
            "Ont signé Paul Roche, préfet du Var, Anne Brun, maire de Hyères. Marc Viel, adjoint \
             au maire, était excusé.",
            "Le contrat a été signé lundi. Autour de la table : Paul Roche, préfet du Var, Anne \
             Brun, maire de Hyères, et Marc Viel, ancien adjoint au maire.",
        ] {
            let got = family(text);
            let viel = got.iter().find(|p| p.name == "Marc Viel").map(|p| p.involvement);
            assert_eq!(viel, Some(Involvement::Mentioned), "{text:?}: {:?}", brief(&got));
        }
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
