//! `territories.contract_of`: the territory named as the owner of a contrat de ville.
//!
//! Finds "le contrat de ville de Valenciennes Métropole", "Contrat de ville de la CALL", "le
//! contrat de ville 2024-2030 d'Alès Agglomération", "contrat de ville de la communauté
//! d'agglomération Caux Vallée de Seine" (the kind prefix is dropped from the name and gives the
//! kind), and the names coordinated after it ("les contrats de ville de Metz Métropole et de
//! Forbach Porte de France", "le contrat de ville de Le Quesnoy et celui de la communauté
//! d'agglomération de Valenciennes Métropole"), and the owner a contract is said carried by
//! ("le contrat de ville porté par la communauté de communes des Sablons"). When the owner is a
//! common noun standing for an intercommunality named before ("le contrat de ville de
//! l'agglomération"), the nearest intercommunality named earlier in the text is the owner.
//!
//! Does not find: a count of contracts of a larger area ("six des huit contrats de ville de la
//! Seine-Maritime"), a région or the State after "de" ("les contrats de ville de la Région"),
//! lower-case generalities ("les contrats de ville de nouvelle génération"), upper-case title
//! lines (the same names come in the text), a contract set as an example of the policy ("le
//! contrat de ville de X, par exemple, …", "à l'image du contrat de ville de X"): a page
//! explaining the policy names one to illustrate it, not to report on it.

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::grammar::{
    NAME, OF, PREFIX, QUALIFIER, any_demonym_after, demonym_after, doc_epci_mentions, joined_by_et,
    never_carrier, noun_kind, owner,
};
use super::{ranked, territory};
use crate::data;
use crate::gazetteer;
use crate::names::fold;
use crate::rules::{Candidates, Doc, Rule, alternation};

/// The contract-owner rule.
pub struct ContractOf;

const ID: &str = "territories.contract_of";

/// "contrat(s) de ville [2024-2030, intercommunal, « Quartiers 2030 »…] de/d'/du/de la", the
/// 2024 generation's name in place of "de ville": "le contrat Engagements Quartiers 2030 de",
/// and a contract named by its period alone (`bare`: "les contrats 2015-2020 de la communauté
/// de communes du X"), whose owner must then be written with its kind prefix.
static HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i:\b(?P<plural>contrats|contrat)(?:[ \t\n]+de[ \t\n]+ville{q}*|[ \t\n]+(?:«[ \t]*)?(?:engagements[ \t\n]+)?quartiers[ \t\n]+2030(?:[ \t]*»)?|(?P<bare>[ \t\n]+(?:19|20)\d\d[ \t]*[-–—/][ \t]*(?:19|20)\d\d)))[ \t\n]+{OF}",
        q = *QUALIFIER
    ))
    .expect("valid regex")
});

/// An owner right after the head: a long name with its kind prefix, or a short name.
static OWNER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{})?(?P<name>{})", *PREFIX, *NAME)).expect("valid regex")
});

/// A further coordinated owner: ", de X", " et de X", " et celui de la communauté … X", after the
/// short name the text gives the one before in parentheses ("du Libournais (la Cali) et de").
static MORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:[ \t]*\([^()\n]{{1,30}}\))?(?:[ \t]*,[ \t]*|[ \t\n]+et[ \t\n]+)(?:(?:celui|celle|ceux)[ \t\n]+)?{OF}(?:{})?(?P<name>{})",
        *PREFIX, *NAME
    ))
    .expect("valid regex")
});

/// A contract said carried by its owner: "le contrat de ville porté par la communauté de
/// communes des Sablons", "les contrats de ville pilotés par X".
static CARRIED_BY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bcontrats?[ \t\n]+de[ \t\n]+ville\b[^.;:\n]{0,40}?\b(?:porté|portés|piloté|pilotés|coordonné|coordonnés)[ \t\n]+par[ \t\n]+",
    )
    .expect("valid regex")
});

/// An anaphoric owner: "de l'agglomération", "de la communauté urbaine".
pub(super) static ANAPHORA: LazyLock<Regex> = LazyLock::new(|| {
    let nouns = data::lines("territories/anaphora.txt");
    Regex::new(&format!(r"^(?:{})\b", alternation(nouns.iter().map(String::as_str))))
        .expect("valid regex")
});

/// The name after an anaphoric noun: " de Saint-Omer", " du Douaisis".
static NAMED_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^[ \t\n]+{OF}(?P<name>{})", *NAME)).expect("valid regex")
});

/// A count right before "contrats": "huit contrats", "des 29 contrats".
static COUNTED: LazyLock<Regex> = LazyLock::new(|| {
    let words = data::rows("dates/numbers.tsv");
    let words = alternation(words.iter().filter_map(|r| r.first()).map(String::as_str));
    Regex::new(&format!(
        r"(?i)(?:\d+|\b{words}|\btous[ \t\n]+les|\bchacun[ \t\n]+des)[ \t\n]+(?:\p{{L}}+[ \t\n]+)?$"
    ))
    .expect("valid regex")
});

/// An example cue right before the head, in its clause: "Par exemple, le", "à l'image du",
/// "à l'instar du", "des contrats tels que le".
static EXAMPLE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)(?:\bpar\s+exemple\s*,?|\bà\s+titre\s+d'(?:exemple|illustration)\s*,?|\bà\s+l'(?:image|instar)|\btel(?:le)?s?\s+que)(?:\s+(?:le|les|la|l'|du|des|de|celui|ceux))*\s*$",
    )
    .expect("valid regex")
});

/// An example cue right after an owner: ", par exemple", "(par exemple)".
static EXAMPLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t]*[,(]?[ \t]*(?:par\s+exemple|à\s+titre\s+d'exemple)\b")
        .expect("valid regex")
});

/// Whether the head at `head` names its contract as an example: a cue in the 30 bytes before it,
/// or right after the owner ending at `owner_end`.
fn as_example(text: &str, head: usize, owner_end: usize) -> bool {
    let before = &text[text.floor_char_boundary(head.saturating_sub(30))..head];
    EXAMPLE_BEFORE.is_match(before) || EXAMPLE_AFTER.is_match(&text[owner_end..])
}

impl Rule for ContractOf {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for by in CARRIED_BY.find_iter(text) {
            if let Some(caps) = OWNER.captures(&text[by.end()..])
                && let (Some((r, kind)), Some(name)) = (owner(&caps), caps.name("name"))
                && !never_carrier(name.as_str())
            {
                let range = by.end() + r.start..by.end() + r.end;
                out.territories.push(territory(doc, range, kind, true, ID));
            }
        }
        for head in HEAD.captures_iter(text) {
            let Some(m) = head.get(0) else { continue };
            if m.as_str().starts_with("CONTRAT") {
                continue;
            }
            let plural = head.name("plural").is_some_and(|p| p.as_str().ends_with('s'));
            if plural && COUNTED.is_match(&text[..m.start()]) {
                continue;
            }
            let rest = &text[m.end()..];
            let bare = head.name("bare").is_some();
            if bare && OWNER.captures(rest).is_none_or(|c| c.name("prefix").is_none()) {
                continue;
            }
            if let Some(noun) = ANAPHORA.find(rest)
                && !OWNER.is_match(rest)
            {
                // "de l'agglomération tourangelle", "de la communauté d'agglomération
                // bergeracoise": the noun and a town's demonym are the name, as written.
                if let Some((end, town)) = demonym_after(&rest[noun.end()..])
                    && !as_example(text, m.start(), m.end() + noun.end() + end)
                {
                    let at = m.end();
                    let kind = noun_kind(noun.as_str());
                    let range = at + noun.start()..at + noun.end() + end;
                    // Named by its proper name too, the demonym is a second way of naming
                    // it: kept as a mention only (the name an earlier contract went by, "il
                    // succède au contrat de ville de l'agglomération tourangelle 2015-2020").
                    let carries = !named_otherwise(doc, town);
                    out.territories.push(territory(doc, range, kind, carries, ID));
                    if carries {
                        continue;
                    }
                }
                // "de l'agglomération de Saint-Omer": the common noun opens the name.
                let named = NAMED_AFTER.captures(&rest[noun.end()..]).and_then(|c| c.name("name"));
                match named {
                    Some(name)
                        if !never_carrier(name.as_str())
                            && !as_example(text, m.start(), m.end() + noun.end() + name.end()) =>
                    {
                        let at = m.end() + noun.end();
                        let kind = noun_kind(noun.as_str());
                        out.territories.push(territory(
                            doc,
                            at + name.start()..at + name.end(),
                            kind,
                            true,
                            ID,
                        ));
                    }
                    _ => antecedent(doc, m.start(), noun.as_str(), out),
                }
                continue;
            }
            let mut at = m.end();
            let mut re: &Regex = &OWNER;
            // Where the owner pushed last starts, and its index.
            let mut last: Option<(usize, usize)> = None;
            while let Some(caps) = re.captures(&text[at..]) {
                let (Some(all), Some(name)) = (caps.get(0), caps.name("name")) else { break };
                if bare && caps.name("prefix").is_none() {
                    break;
                }
                // "de la CC des Pays de L'Aigle et de la Marche": the owner before goes on over
                // "et de la X" when the longer name is an intercommunality's, of today or of 2015.
                if let Some((start, i)) = last
                    && std::ptr::eq(re, &*MORE)
                    && let Some(longer) = longer_name(text, start, at, &caps)
                {
                    let kind = out.territories[i].kind.clone();
                    out.territories[i] = territory(doc, longer, Some(&kind), true, ID);
                    at += all.end();
                    continue;
                }
                if let Some((r, kind)) = owner(&caps)
                    && !never_carrier(name.as_str())
                    && !as_example(text, m.start(), at + all.end())
                {
                    // "le contrat de ville du Bassin mussipontain": one common word and a
                    // demonym stand for the intercommunality the page names with that word.
                    let word_and_demonym = caps.name("prefix").is_none()
                        && !name.as_str().contains([' ', '\t', '-', '\'', '’'])
                        && any_demonym_after(&text[at + name.end()..]).is_some();
                    let range = if word_and_demonym {
                        named_with(doc, name.as_str()).map(|(r, k)| (r, Some(k)))
                    } else {
                        let range = at + r.start..at + r.end;
                        match joined_by_et(text, range.clone()) {
                            Some((end, longer)) => Some((range.start..end, Some(longer))),
                            None => Some((range, kind)),
                        }
                    };
                    if let Some((range, kind)) = range {
                        last = Some((range.start, out.territories.len()));
                        out.territories.push(territory(doc, range, kind, true, ID));
                    }
                }
                at += all.end();
                re = &MORE;
            }
        }
    }
}

/// Whether the page names, by its proper name, the intercommunality a demonym stands for:
/// one the demonym's town belongs to ("Laval Agglomération" for "l'agglomération lavalloise"),
/// or whose name is built on the town's ("Grand Tarbes" for "l'agglomération tarbaise"), or
/// any at all when the demonym's town is unknown. Then the demonym is a second way of
/// naming it and the proper name owns the contract.
pub(super) fn named_otherwise(doc: &Doc, town: Option<&str>) -> bool {
    let text = doc.text();
    doc_epci_mentions(doc).iter().any(|(r, _)| match town {
        None => true,
        Some(insee) => {
            let name = &text[r.clone()];
            let member = gazetteer::epci_named(name).iter().any(|e| e.members.contains(&insee));
            // A name the gazetteer does not know (a former one: "Grand Tarbes") built on the
            // town's name.
            let town = gazetteer::commune(insee).map(|c| fold(c.name)).unwrap_or_default();
            let built_on =
                !town.is_empty() && format!(" {} ", fold(name)).contains(&format!(" {town} "));
            member || built_on
        }
    })
}

/// The owner starting at `start` gone on to the end of the coordinated name `caps` matched at
/// `at` ("CC des Pays de L'Aigle" and " et de la Marche"), when the longer name is an
/// intercommunality's and joined by "et" alone, and the shorter is no carrier of 2015 while the
/// longer is, or the gazetteer knows the longer by name.
fn longer_name(
    text: &str,
    start: usize,
    at: usize,
    caps: &crate::rules::text::Captures,
) -> Option<std::ops::Range<usize>> {
    let (all, name) = (caps.get(0)?, caps.name("name")?);
    // "et de la", "et du", "et d'": not "et celui de la communauté de".
    let joined_by_et = matches!(
        all.as_str()[..name.start()].split_whitespace().collect::<Vec<_>>().as_slice(),
        ["et", "de" | "du" | "des" | "d'"] | ["et", "de", "la" | "l'"]
    );
    let (short, long) = (&text[start..at], &text[start..at + name.end()]);
    let known = !gazetteer::epci_named(long).is_empty()
        || ranked::names_a_2015_carrier(long) && !ranked::names_a_2015_carrier(short);
    (joined_by_et && !long.contains('\n') && known).then(|| start..at + name.end())
}

/// The one intercommunality the page names with `word` among its words ("Communauté de communes
/// du Bassin de Pont-à-Mousson" for "Bassin"), if exactly one.
fn named_with(doc: &Doc, word: &str) -> Option<(std::ops::Range<usize>, &'static str)> {
    let text = doc.text();
    let word = fold(word);
    let mut named = doc_epci_mentions(doc)
        .iter()
        .filter(|(r, _)| fold(&text[r.clone()]).split(' ').any(|w| w == word));
    let first = named.next()?;
    let same = |(r, _): &&(std::ops::Range<usize>, &str)| {
        fold(&text[r.clone()]) == fold(&text[first.0.clone()])
    };
    named.all(|m| same(&m)).then(|| first.clone())
}

/// The intercommunality named last before `before` (else first after it), as the owner of an
/// anaphoric contract; or the place the page last named with the same noun, when that comes
/// later ("Polynésie française – agglomération de Papeete" heading the paragraph that says "le
/// contrat de ville de l'agglomération", after another intercommunality's part).
fn antecedent(doc: &Doc, before: usize, noun: &str, out: &mut Candidates) {
    let text = doc.text();
    let mentions = doc_epci_mentions(doc);
    let found = mentions
        .iter()
        .filter(|(r, _)| r.end <= before)
        .max_by_key(|(r, _)| r.start)
        .or_else(|| mentions.iter().find(|(r, _)| r.start >= before))
        .cloned();
    let same_noun = NOUN_OF_NAME
        .captures_iter(&text[..before])
        .filter(|c| c.name("noun").is_some_and(|n| fold(n.as_str()) == fold(noun)))
        .filter_map(|c| c.name("name"))
        .filter(|n| !never_carrier(n.as_str()))
        .last();
    match (same_noun, found) {
        (Some(n), found) if found.as_ref().is_none_or(|(r, _)| r.end <= n.start()) => {
            out.territories.push(territory(doc, n.range(), noun_kind(noun), true, ID));
        }
        (_, Some((range, kind))) => {
            out.territories.push(territory(doc, range, Some(kind), true, ID));
        }
        _ => {}
    }
}

/// A lower-case kind noun and the place after it: "agglomération de Papeete", "communauté de
/// communes du Val de Sully".
static NOUN_OF_NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?P<noun>agglomération|métropole|communauté(?:[ \t]+d'agglomération|[ \t]+de[ \t]+communes|[ \t]+urbaine)?)[ \t]+{OF}(?P<name>{})",
        *NAME
    ))
    .expect("valid regex")
});

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::territories::tests::carriers;

    #[test]
    fn a_kind_and_a_demonym_own_the_contract_as_written() {
        for (text, name, kind) in [
            (
                "Il prend la suite du contrat de ville de l'agglomération tourangelle 2015-2020.",
                "agglomération tourangelle",
                "CA",
            ),
            (
                "Le contrat de ville de la communauté d'agglomération bergeracoise est signé.",
                "communauté d'agglomération bergeracoise",
                "CA",
            ),
            (
                "les élus ont voté le contrat de ville de la métropole lilloise",
                "métropole lilloise",
                "Métropole",
            ),
        ] {
            assert_eq!(carriers(&ContractOf, text), [(name.into(), kind.into())], "{text}");
        }
        // An adjective that names no town is no demonym: the antecedent stays the owner.
        let text = "Signé par Metz Métropole. Le contrat de ville de la métropole voisine attend.";
        assert_eq!(carriers(&ContractOf, text), [("Metz Métropole".into(), "Métropole".into())]);
        // The page names the intercommunality the demonym's town belongs to: that name owns it.
        let text = "Lille Métropole signe. Le contrat de ville de la métropole lilloise court.";
        assert_eq!(carriers(&ContractOf, text), [("Lille Métropole".into(), "Métropole".into())]);
        let text =
            "Vierzon Agglo signe. Le contrat de ville de l'agglomération vierzonnaise court.";
        assert_eq!(carriers(&ContractOf, text), [("Vierzon Agglo".into(), "CA".into())]);
    }

    #[test]
    fn an_owner_goes_on_over_et_de_la_when_the_longer_name_is_known() {
        let text = "La signature du contrat de ville de la CC des Pays de L'Aigle et de la Marche \
                    a eu lieu lundi.";
        assert_eq!(
            carriers(&ContractOf, text),
            [("CC des Pays de L'Aigle et de la Marche".into(), "CC".into())]
        );
        // Two carriers coordinated: each owns its contract.
        let text = "Les contrats de ville de Metz Métropole et de Forbach Porte de France.";
        assert_eq!(carriers(&ContractOf, text).len(), 2);
        let text = "Signés hier : le contrat de ville de Le Vigan et celui de la communauté \
                    d'agglomération de Metz Métropole.";
        assert_eq!(carriers(&ContractOf, text).len(), 2);
    }

    #[test]
    fn a_contract_carried_by_its_owner() {
        let text = "L'hôtel de ville accueillait la signature du contrat de ville porté par la \
                    Communauté de communes des Sablons.";
        // "Sablons" alone is also a commune's name: the prefix stays until the resolver.
        assert_eq!(
            carriers(&ContractOf, text),
            [("Communauté de communes des Sablons".into(), "CC".into())]
        );
        let text = "Le contrat de ville, piloté par Metz Métropole, est signé.";
        assert_eq!(carriers(&ContractOf, text), [("Metz Métropole".into(), "Métropole".into())]);
        // Carried by a person or a body of no territory: none.
        let text = "Le contrat de ville porté par la préfète et par Madame la Maire.";
        assert!(carriers(&ContractOf, text).is_empty());
    }

    #[test]
    fn the_agglomeration_is_the_one_last_named_with_that_noun() {
        let text = "Nièvre – communauté de communes Loire et Nohain\nLa préfète a signé.\n\n\
                    Polynésie – agglomération de Papeete\nLe haut-commissaire a signé le contrat \
                    de ville de l'agglomération avec le Pays.\n";
        assert_eq!(carriers(&ContractOf, text), [("Papeete".into(), "CA".into())]);
        // With no such noun and name after it, the intercommunality named last.
        let text = "La communauté de communes Loire et Nohain a voté.\nLe préfet a signé le \
                    contrat de ville de l'agglomération avec le Pays.\n";
        assert_eq!(carriers(&ContractOf, text), [("Loire".into(), "CC".into())]);
    }

    #[test]
    fn an_owner_goes_on_over_et_and_a_name_when_the_longer_is_a_carrier() {
        // "Mer" alone is a commune; "Mer et Terres d'Opale" carried a contract in 2015.
        let text = "La signature du contrat de ville de Mer et Terres d'Opale a eu lieu jeudi.";
        assert_eq!(carriers(&ContractOf, text), [("Mer et Terres d'Opale".into(), "EPCI".into())]);
        // Two names that make no known name together stay apart.
        let text = "Le contrat de ville de Metz Métropole et Forbach Porte de France.";
        assert_eq!(carriers(&ContractOf, text), [("Metz Métropole".into(), "Métropole".into())]);
    }

    #[test]
    fn a_common_word_and_a_demonym_stand_for_the_intercommunality_named_with_the_word() {
        let text = "Le contrat de ville du Pays lochois est signé. La communauté de communes \
                    Loches Sud Touraine et la communauté de communes du Pays de Loches signent.";
        let found = carriers(&ContractOf, text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].0.ends_with("Pays de Loches"), "{found:?}");
        // No intercommunality named with the word: no owner is made up.
        let text = "Le contrat de ville du Pays lochois est signé par Luc Noir.";
        assert_eq!(carriers(&ContractOf, text), []);
        // A town and a participle: the town owns it.
        let text = "Le contrat de ville de Lens signé hier engage la communauté d'agglomération \
                    de Lens-Liévin.";
        assert_eq!(carriers(&ContractOf, text)[0].0, "Lens");
    }

    #[test]
    fn owners_after_contrat_de_ville() {
        assert_eq!(
            carriers(&ContractOf, "Le contrat de ville de Metz Métropole a été signé lundi."),
            [("Metz Métropole".into(), "Métropole".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "Objectifs du nouveau Contrat de ville de la CALL."),
            [("CALL".into(), "EPCI".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "le contrat de ville 2024-2030 d'Alès Agglomération pour"),
            [("Alès Agglomération".into(), "CA".into())]
        );
        assert_eq!(
            carriers(
                &ContractOf,
                "le contrat de ville de la communauté d'agglomération Caux Vallée\nde Seine, pour"
            ),
            [("Caux Vallée de Seine".into(), "CA".into())]
        );
        // An official name that opens with its article.
        assert_eq!(
            carriers(&ContractOf, "le contrat de ville de la communauté de communes le Val Fleuri"),
            [("Val Fleuri".into(), "CC".into())]
        );
        assert!(
            carriers(&ContractOf, "le contrat de ville de la communauté de communes le plus")
                .is_empty()
        );
    }

    #[test]
    fn owners_after_the_2024_generations_name() {
        assert_eq!(
            carriers(&ContractOf, "le contrat Engagements Quartiers 2030 de Lorient Agglomération"),
            [("Lorient Agglomération".into(), "CA".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "le contrat « Quartiers 2030 » de l'Agglo du Pays de Dreux est"),
            [("Agglo du Pays de Dreux".into(), "CA".into())]
        );
        // Without the generation's name, "contrat de" names no contract of a territory.
        assert!(
            carriers(&ContractOf, "le contrat de Lorient Agglomération avec ses bailleurs")
                .is_empty()
        );
    }

    #[test]
    fn coordinated_owners() {
        assert_eq!(
            carriers(
                &ContractOf,
                "a signé le contrat de ville de Le Quesnoy et celui de la communauté \
                 d'agglomération de Valenciennes Métropole, les deux"
            ),
            [
                ("Le Quesnoy".into(), "commune".into()),
                ("Valenciennes Métropole".into(), "CA".into())
            ]
        );
        assert_eq!(
            carriers(
                &ContractOf,
                "signataire des nouveaux contrats de ville de Metz Métropole et de la \
                 communauté d'agglomération Forbach Porte de France, conclus"
            ),
            [
                ("Metz Métropole".into(), "Métropole".into()),
                ("Forbach Porte de France".into(), "CA".into())
            ]
        );
        // A contract named by its period, its owners written with their kind.
        assert_eq!(
            carriers(
                &ContractOf,
                "la signature des contrats 2015-2020 de la communauté d agglomération du \
                 Grand Dax et de la communauté de communes du Pays Tarusate."
            ),
            [("Grand Dax".into(), "CA".into()), ("Pays Tarusate".into(), "CC".into())]
        );
        // After the short name of the one before, in parentheses.
        assert_eq!(
            carriers(
                &ContractOf,
                "les contrats de ville de la communauté d'agglomération du Grand Dax (le \
                 Grand Dax) et de la communauté de communes du Seignanx sont signés."
            ),
            [("Grand Dax".into(), "CA".into()), ("Seignanx".into(), "CC".into())]
        );
    }

    #[test]
    fn owners_after_qualifiers_and_common_nouns() {
        assert_eq!(
            carriers(&ContractOf, "le contrat de ville intercommunal de Dunkerque Grand Littoral"),
            [("Dunkerque Grand Littoral".into(), "commune".into())]
        );
        assert_eq!(
            carriers(
                &ContractOf,
                "le contrat de ville « Quartiers 2030 » de Mulhouse Alsace Agglomération signé"
            ),
            [("Mulhouse Alsace Agglomération".into(), "CA".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "le contrat de ville de l'agglomération de Saint-Omer."),
            [("Saint-Omer".into(), "CA".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "le contrat de ville de la commune de Vierzon a été signé"),
            [("Vierzon".into(), "commune".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "le contrat de ville de la Communauté urbaine de Dunkerque est"),
            [("Communauté urbaine de Dunkerque".into(), "CU".into())]
        );
    }

    #[test]
    fn anaphoric_owner() {
        assert_eq!(
            carriers(
                &ContractOf,
                "Jean Dupont, président de Caen la Mer, a signé le nouveau contrat de ville de \
                 l'agglomération."
            ),
            [("Caen la Mer".into(), "EPCI".into())]
        );
        assert!(carriers(&ContractOf, "le contrat de ville de l'agglomération.").is_empty());
    }

    #[test]
    fn not_owners() {
        for text in [
            "six des huit contrats de ville de la Seine-Maritime sont signés",
            "La Région est signataire des 29 contrats de ville du territoire régional",
            "les contrats de ville de nouvelle génération",
            "La Région, partenaire de tous les contrats de ville du Grand Est",
            "les contrats de ville de la Région Hauts-de-France",
            "SIGNATURE DES CONTRATS DE VILLE DE LE QUESNOY ET DE VALENCIENNES",
            "Communiqué de presse\n\nLE CONTRAT DE VILLE DE LA COMMUNAUTÉ D'AGGLOMÉRATION DU \
             BOULONNAIS EST SIGNÉ\n",
            "le contrat de ville 2024-2030 : treize quartiers",
            // A contract named by its period alone needs an owner with its kind.
            "le contrat 2021-2027 de la Région Occitanie",
            "les contrats 2015-2020 de Dax et de Tarnos",
        ] {
            assert!(carriers(&ContractOf, text).is_empty(), "{text}");
        }
    }

    #[test]
    fn a_contract_given_as_an_example_is_no_owner() {
        for text in [
            "Chaque contrat fixe ses priorités. Le contrat de ville de Lorient \
             Agglomération, par exemple, vise d'abord l'emploi des jeunes.",
            "Par exemple, le contrat de ville de Brest métropole compte sept quartiers.",
            "D'autres territoires suivront, à l'image du contrat de ville de Grand Poitiers.",
            "Des documents tels que le contrat de ville de Metz Métropole durent six ans.",
        ] {
            assert!(carriers(&ContractOf, text).is_empty(), "{text}");
        }
        // A contract reported on, beside an example cue elsewhere in the sentence.
        assert_eq!(
            carriers(
                &ContractOf,
                "Le contrat de ville de Lorient Agglomération a été signé ; il vise par exemple \
                 l'emploi."
            ),
            [("Lorient Agglomération".into(), "CA".into())]
        );
        assert_eq!(
            carriers(&ContractOf, "comme le prévoit le contrat de ville de Metz Métropole, signé"),
            [("Metz Métropole".into(), "Métropole".into())]
        );
    }
}
