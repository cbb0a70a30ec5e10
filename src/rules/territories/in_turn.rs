//! `territories.in_turn`: a territory told as one turn of a series of signings.
//!
//! Finds, in a sentence about signing (a signing word or "contrat"), the territory a series cue
//! places in the series: the one that opens or closes it ("C'est Agen Agglo qui ouvre la série
//! des signatures", "Vierzon ouvre le bal", "le Grand Dax ferme la marche"), the one whose turn
//! came ("ce fut au tour de la Ville de Blois de signer", "c'était au tour du Grand Dax"), and
//! the one signed before the page's own ("Après Marmande le 2 avril, c'était au tour de l'agglo
//! de signer": `territories.in_turn_before`, a contract named in passing, which claims no
//! paragraph of the page). The territory is an intercommunality the family's grammar reads, "la
//! Ville de X", or a commune of the gazetteer, written right against the cue. Each carries its
//! own contract beside the page's: it takes no fallback carrier's place, nor gives way to one.
//! Does not find: a cue without a territory against it ("c'était au tour de l'agglo"), a turn
//! still to come ("ce sera au tour de X"), a series of something else ("Après Paris, c'était au
//! tour de Lyon d'accueillir le salon").

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{NAMES, epci_mentions, never_carrier, sentences};
use super::signing_sentence::CITY;
use super::territory;
use crate::gazetteer;
use crate::rules::{Candidates, Doc, Rule};

/// The in-turn rule.
pub struct InTurn;

/// Rule id of a territory that opens, closes or takes its turn in the series.
pub const ID: &str = "territories.in_turn";

/// Rule id of a territory signed before the page's own contract, named in passing.
pub const BEFORE_ID: &str = "territories.in_turn_before";

/// Whether `t` was found by this rule.
pub(super) fn is_turn(t: &crate::record::Territory) -> bool {
    t.evidence.rule == ID || t.evidence.rule == BEFORE_ID
}

/// A series' opening or closing, right after its territory: "ouvre le bal", "a ouvert la
/// série", "inaugure la série", "ferme la marche", "clôt la série", with "qui" before when the
/// sentence opens with "C'est".
static OPENS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t,]*(?:qui[ \t]+)?(?:ouvre|ouvrent|a[ \t]+ouvert|inaugure|a[ \t]+inauguré|ferme|a[ \t]+fermé|clôt|clôture|a[ \t]+clos|a[ \t]+clôturé)[ \t]+(?:le[ \t]+bal|la[ \t]+série|la[ \t]+marche|le[ \t]+cycle|le[ \t]+ban)\b",
    )
    .expect("valid regex")
});

/// A turn that came, right before its territory: "ce fut au tour de", "c'était le tour d'",
/// "c'est au tour de la".
static TURN_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:ce[ \t]+fut|c'était|c’était|c'est|c’est|vint|est[ \t]+venu)[ \t]+(?:au|le)[ \t]+tour[ \t]+(?:de[ \t]+|d['’][ \t]*|du[ \t]+)(?:la[ \t]+|l['’][ \t]*)?$",
    )
    .expect("valid regex")
});

/// "Après" opening a sentence or a clause, right before the territory signed first.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[,;:\n])[ \t]*(?:Après|après|APRÈS)[ \t]+(?:la[ \t]+|l['’][ \t]*)?$")
        .expect("valid regex")
});

/// A turn told after "Après X": "c'était au tour de", "à son tour", "a suivi", "a emboîté le
/// pas".
static TURN_LATER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:au|le)[ \t]+tour[ \t]+d|\bà[ \t]+son[ \t]+tour\b|\bemboît|\ba[ \t]+suivi\b",
    )
    .expect("valid regex")
});

/// What tells a sentence is about signing contracts.
static SIGNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bsign|\bparaph|\bcontrats?\b").expect("valid regex"));

impl Rule for InTurn {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for sentence in sentences(text) {
            let s = &text[sentence.clone()];
            if !SIGNING.is_match(s) {
                continue;
            }
            let at = |r: Range<usize>| sentence.start + r.start..sentence.start + r.end;
            for (r, kind, from) in named(s) {
                let (before, after) = (&s[..from], &s[r.end..]);
                let id = if OPENS.is_match(after) || TURN_OF.is_match(before) {
                    ID
                } else if AFTER.is_match(before) && TURN_LATER.is_match(after) {
                    BEFORE_ID
                } else {
                    continue;
                };
                out.territories.push(territory(doc, at(r), kind, true, id));
            }
        }
    }
}

/// A territory of a sentence: its range, its kind (`None` for a commune), and where the words
/// that name it start ("Ville de" before a town's name).
type Named = (Range<usize>, Option<&'static str>, usize);

/// The territories `s` names: the intercommunalities of the family's grammar, "la Ville de X",
/// and the capitalised names of gazetteer communes that are not inside one of those.
fn named(s: &str) -> Vec<Named> {
    let mut out: Vec<Named> =
        epci_mentions(s).into_iter().map(|(r, k)| (r.clone(), Some(k), r.start)).collect();
    let overlaps = |r: &Range<usize>, out: &[Named]| {
        out.iter().any(|(o, ..)| o.start < r.end && r.start < o.end)
    };
    for caps in CITY.captures_iter(s) {
        let (Some(all), Some(name)) = (caps.get(0), caps.name("name")) else { continue };
        if !overlaps(&name.range(), &out) {
            out.push((name.range(), None, all.start()));
        }
    }
    for m in NAMES.find_iter(s) {
        // A capitalised word opening the sentence reads as the start of a name ("Après
        // Marmande"): the name, else what follows its first words.
        let name = m.as_str().trim_end();
        let starts = std::iter::once(0).chain(name.match_indices(' ').map(|(i, _)| i + 1));
        let commune = starts.take(3).find_map(|from| {
            let rest = &name[from..];
            let r = m.start() + from..m.start() + name.len();
            (!never_carrier(rest) && !gazetteer::communes_named(rest).is_empty()).then_some(r)
        });
        if let Some(r) = commune
            && !overlaps(&r, &out)
        {
            out.push((r.clone(), None, r.start));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    fn names(text: &str) -> Vec<String> {
        carriers(&InTurn, text).into_iter().map(|(n, _)| n).collect()
    }

    #[test]
    fn the_territory_that_opens_or_closes_the_series() {
        let text = "Lundi, c'est Lorient Agglomération qui ouvre la série : son contrat est paraphé \
                    en premier.";
        assert_eq!(names(text), ["Lorient Agglomération"]);
        assert_eq!(names("Contrats de ville : Vierzon ouvre le bal"), ["Vierzon"]);
        let text = "Le 30 juin, la Ville de Blois a fermé la marche en signant son contrat.";
        assert_eq!(names(text), ["Blois"]);
    }

    #[test]
    fn the_territory_whose_turn_came() {
        let text = "Le lendemain, ce fut au tour de Vannes agglomération de signer le contrat.";
        assert_eq!(names(text), ["Vannes agglomération"]);
        let text = "Mardi, c'était au tour de la Ville de Blois de parapher son contrat de ville.";
        assert_eq!(names(text), ["Blois"]);
    }

    #[test]
    fn the_territory_signed_before_the_pages_own() {
        let text = "Après Vierzon le 2 avril, c'était au tour de l'agglo de signer ce vendredi.";
        let found = carriers(&InTurn, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "Vierzon");
        let text = "Après Lorient Agglomération, le Pays de Vannes a signé à son tour son contrat.";
        assert_eq!(names(text), ["Lorient Agglomération"]);
    }

    #[test]
    fn not_in_turn() {
        // No territory against the cue, a turn to come, a series of something else.
        assert!(names("Ce vendredi, c'était au tour de l'agglo de signer le contrat.").is_empty());
        assert!(names("Ce sera au tour de Vierzon de signer son contrat en mai.").is_empty());
        let text = "Après Vierzon, c'était au tour de Blois d'accueillir le salon du livre.";
        assert!(names(text).is_empty());
        // "Après" without a turn told after it: a place visited.
        let text = "Après Vierzon, le préfet a signé le contrat à la préfecture.";
        assert!(names(text).is_empty());
        // A town inside a sentence, not against the cue.
        let text = "Le contrat de ville ouvre le bal des projets, dit le maire de Vierzon.";
        assert!(names(text).is_empty());
    }
}
