//! `dates.issue_line`: the document's own issue or update date, given by a cue.
//!
//! Finds: "Publié le 18/06/2024", "Article publié le 09/10/2023", "Publié le lundi 14 septembre
//! 2015", "Publié par Jeanne Martin le 3 mai 2024", "Fiche rédigée en janvier 2016", "Communiqué de presse du 3 juillet 2015", "Créé le 12
//! mars 2024", "Date : 12/03/2024" (role
//! `publication`, at the start of a line or after a separator such as "|" or "•", or, for the
//! cues only page chrome writes with a capital, "Publié le", "Mis en ligne le", "Paru le",
//! "Date de publication", anywhere on a line: after a sentence's end, or after a line break lost
//! when the page was flattened to one line), and "Mis à
//! jour le 02/07/2024", "modifié le 11 juillet 2024", "actualisé le ..." (role `update`, anywhere
//! on a line: an update date is never a publication date). Cues are listed in
//! `rules/dates/issue_cues.tsv`. Does not find: "publié" inside a sentence ("le décret publié le
//! 28 décembre 2023" is an event, found by `dates.absolute`).

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::alternation;
use super::{DATE, Parsed, mention};
use crate::data;
use crate::record::DateRole;
use crate::rules::{Candidates, Doc, Rule};

/// The issue-date rule.
pub struct IssueLine;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.issue_line";

struct Cues {
    regex: Regex,
    roles: Vec<(String, DateRole)>,
}

static CUES: LazyLock<Cues> = LazyLock::new(|| {
    let roles: Vec<(String, DateRole)> = data::rows("dates/issue_cues.tsv")
        .into_iter()
        .filter_map(|row| {
            let role = match row.first()?.as_str() {
                "publication" => DateRole::Publication,
                "update" => DateRole::Update,
                _ => return None,
            };
            Some((row.get(1)?.to_lowercase(), role))
        })
        .collect();
    let alts = alternation(roles.iter().map(|(c, _)| c.as_str()));
    let regex = Regex::new(&format!(
        r"(?i)\b(?P<cue>{alts})\s*(?:[:|•·–—-]\s*)?(?:par\s+(?-i:\p{{Lu}}[\p{{L}}'.-]*\s+){{1,4}})?(?:(?:le|en|du)\s*)?(?:[:–—-]\s*)?{}",
        *DATE
    ))
    .expect("valid regex");
    Cues { regex, roles }
});

/// The cues of `rules/dates/issue_cues.tsv` that tell an update ("Mis à jour", "Modifié").
pub(super) fn update_cues() -> impl Iterator<Item = &'static str> {
    CUES.roles.iter().filter(|(_, r)| *r == DateRole::Update).map(|(c, _)| c.as_str())
}

/// A byline before a comma: "Par la rédaction,", "Jeanne Martin,", "Le Courrier Picard,"; not
/// the subject of a sentence ("Le comité, créé le 3 mai").
static BYLINE_COMMA: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[\s*_#>]*(?:(?i:par)\s[^,\n]{1,40}|\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}),$",
    )
    .expect("valid regex")
});

/// Whether a publication cue at `start` opens its line, follows a separator, or follows the
/// page's update date ("Mis à jour le 19/06/2024 Publié le 18/06/2024").
fn opens_line(text: &str, start: usize) -> bool {
    let line = &text[text[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    let lead = line.trim_end_matches([' ', '\t', '*', '_', '#', '>']);
    lead.is_empty()
        || lead.ends_with(['|', '•', '·', '–', '—', '-'])
        || BYLINE_COMMA.is_match(lead)
        || CUES.regex.captures(lead).is_some_and(|c| {
            let role = c.name("cue").and_then(|cue| {
                let key = cue.as_str().to_lowercase();
                let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
                CUES.roles.iter().find(|(k, _)| *k == key).map(|(_, r)| *r)
            });
            role == Some(DateRole::Update) && c.get(0).is_some_and(|m| m.end() == lead.len())
        })
}

/// The cues that only page chrome writes with a capital: "Publié le", "Mis en ligne le", "Paru
/// le", "Date de publication :" (not "Créé le", which also opens a sentence about what was
/// created).
const CHROME_CUES: [&str; 8] = [
    "publié",
    "publiée",
    "paru",
    "parue",
    "mis en ligne",
    "mise en ligne",
    "article publié",
    "date de publication",
];

/// Whether a capitalised chrome cue at `cue` stands inside a line: after a sentence's end ("…
/// les quartiers. Mis en ligne le 18/03/2024."), or after a line break lost when the page was
/// flattened to one line ("… les habitants consultés Mis en ligne le 14/11/2022 Trois
/// réunions…"): a capital never opens these words inside a sentence, so the page's issue date
/// ran into the text either way.
fn chrome_in_line(text: &str, cue: std::ops::Range<usize>, key: &str) -> bool {
    let capital = text[cue].chars().next().is_some_and(char::is_uppercase);
    capital && CHROME_CUES.contains(&key)
}

impl Rule for IssueLine {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in CUES.regex.captures_iter(text) {
            let (Some(m), Some(cue)) = (caps.get(0), caps.name("cue")) else { continue };
            let Some(parsed) = Parsed::from_captures(&caps) else { continue };
            let key = cue.as_str().to_lowercase();
            let key = key.split_whitespace().collect::<Vec<_>>().join(" ");
            let Some(role) = CUES.roles.iter().find(|(c, _)| *c == key).map(|(_, r)| *r) else {
                continue;
            };
            if role == DateRole::Publication
                && !opens_line(text, m.start())
                && !chrome_in_line(text, cue.range(), &key)
            {
                continue;
            }
            out.dates.push(mention(doc, m.range(), self.id(), parsed.value(), None, role));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole::*;
    use crate::rules::dates::testing::{brief, none, one, run};

    #[test]
    fn publication_lines() {
        assert_eq!(one(&IssueLine, "Publié le 18/06/2024").1, "2024-06-18");
        assert_eq!(one(&IssueLine, "Article publié le 09/10/2023\n").2, Publication);
        assert_eq!(one(&IssueLine, "Article mis en ligne le 9 octobre 2023\n").1, "2023-10-09");
        assert_eq!(one(&IssueLine, "Article paru le 09.10.2023\n").1, "2023-10-09");
        assert_eq!(one(&IssueLine, "Publié le lundi 14 septembre 2015\n").1, "2015-09-14");
        assert_eq!(one(&IssueLine, "*Publié le 09/10/2023 · Actualités*").1, "2023-10-09");
        assert_eq!(one(&IssueLine, "Fiche rédigée en janvier 2016.").1, "2016-01");
        assert_eq!(one(&IssueLine, "Communiqué de presse du 3 juillet 2015").1, "2015-07-03");
        assert_eq!(one(&IssueLine, "Par Jean Dupont | Publié le 3 mai 2024").1, "2024-05-03");
        assert_eq!(one(&IssueLine, "Par la rédaction, publié le 3 mai 2024").1, "2024-05-03");
        assert_eq!(one(&IssueLine, "Jeanne Martin, publié le 3 mai 2024").1, "2024-05-03");
        assert_eq!(one(&IssueLine, "Publié le : 22/06/2015").1, "2015-06-22");
        assert_eq!(one(&IssueLine, "Date de publication : 22 juin 2015").1, "2015-06-22");
        assert_eq!(one(&IssueLine, "Mise à jour : 23/06/2015").2, Update);
        assert_eq!(one(&IssueLine, "Communiqué de presse – 22 juin 2015").1, "2015-06-22");
        assert_eq!(one(&IssueLine, "Communiqué de presse | 22/06/2015").1, "2015-06-22");
        assert_eq!(one(&IssueLine, "Paru le 12/03/2024").1, "2024-03-12");
        assert_eq!(one(&IssueLine, "Posté le 5 mai 2016").1, "2016-05-05");
        assert_eq!(one(&IssueLine, "Publié par Jeanne Martin le 5 mai 2016").1, "2016-05-05");
        assert_eq!(one(&IssueLine, "Mise en ligne : 12 mars 2024").1, "2024-03-12");
        // A page's creation date and a bare "Date" label in its chrome.
        assert_eq!(one(&IssueLine, "Créé le 12 mars 2024").1, "2024-03-12");
        assert_eq!(one(&IssueLine, "Actualités | Créée le 12/03/2024").1, "2024-03-12");
        assert_eq!(one(&IssueLine, "Date : 12/03/2024\n").1, "2024-03-12");
        assert_eq!(one(&IssueLine, "Date 12.03.2024\n").1, "2024-03-12");
        // The kind of item and its date, as news pages and agencies label them.
        assert_eq!(one(&IssueLine, "Actualité du 10 juillet 2015\n").1, "2015-07-10");
        assert_eq!(one(&IssueLine, "Brève – 4 avril 2024\n").1, "2024-04-04");
        assert_eq!(one(&IssueLine, "Dépêche du 03/07/2015 à 17h02").1, "2015-07-03");
        assert_eq!(one(&IssueLine, "Diffusé le 12 mars 2024").1, "2024-03-12");
        assert_eq!(one(&IssueLine, "Edité le 12/03/2024").1, "2024-03-12");
        // Words glued where a tag was lost.
        assert_eq!(one(&IssueLine, "Publié le18 juin 2024").1, "2024-06-18");
        // Page chrome run into the text after a sentence.
        let t = "Le contrat est signé par tous les partenaires. Mis en ligne le 18/03/2024.";
        assert_eq!(one(&IssueLine, t).1, "2024-03-18");
        let t = "Les quartiers y gagnent. Publié le 2 avril 2024 dans Actualités";
        assert_eq!(one(&IssueLine, t).1, "2024-04-02");
        // A page flattened to one line: the chrome cue after its title.
        let t =
            "Contrat de ville : les habitants consultés Mis en ligne le 14/11/2022 Trois réunions";
        assert_eq!(one(&IssueLine, t).1, "2022-11-14");
        let t = "Le contrat est signé Article publié le 8 juillet 2015 à 09h40 | Mise à jour";
        assert_eq!(one(&IssueLine, t).1, "2015-07-08");
        let t = "… sera revu dans deux ans. Date de publication : 11 février 2015, rédaction";
        assert_eq!(one(&IssueLine, t).1, "2015-02-11");
        let found = run(&IssueLine, "Mis à jour le 19/06/2024 Publié le 18/06/2024");
        let roles: Vec<_> = brief(&found).into_iter().map(|(_, v, _, r)| (v, r)).collect();
        assert_eq!(roles, [("2024-06-19".into(), Update), ("2024-06-18".into(), Publication)]);
    }

    #[test]
    fn update_lines_are_never_publications() {
        let found = run(&IssueLine, "Publié le 18/06/2024 • Mis à jour le 02/07/2024");
        let roles: Vec<_> = brief(&found).into_iter().map(|(_, v, _, r)| (v, r)).collect();
        assert_eq!(roles, [("2024-06-18".into(), Publication), ("2024-07-02".into(), Update)]);
        let found =
            run(&IssueLine, "Publié le 10 juillet 2024 à 18h45, modifié le 11 juillet 2024");
        assert_eq!(found[1].role, Update);
        assert_eq!(one(&IssueLine, "Mis à jour le 09/10/2023").2, Update);
        assert_eq!(one(&IssueLine, "Page actualisée le 3 mai 2024").2, Update);
    }

    #[test]
    fn not_issue_lines() {
        none(&IssueLine, "La liste a été publiée le 28 décembre 2023 au Journal officiel.");
        none(&IssueLine, "Publié le mois dernier.");
        none(&IssueLine, "Le rapport a paru le 3 mai 2016 chez un éditeur.");
        none(&IssueLine, "Publié par la mairie, le guide sort le 3 mai 2016.");
        none(&IssueLine, "Le plan, mis à jour en 2023, a été publié le 3 mai 2024.");
        none(&IssueLine, "Date de signature : 06/07/2015");
        none(&IssueLine, "Le comité, créé le 3 mai 2016, suit le contrat.");
        none(&IssueLine, "Le rapport, publié le 3 mai 2016, fait le bilan.");
        none(&IssueLine, "La date du 3 mai 2016 est retenue.");
        none(&IssueLine, "Le club est actif. Créé le 3 mai 2010, il compte cent membres.");
        none(&IssueLine, "Le guide est prêt. Il sera mis en ligne le 3 mai 2016.");
        none(&IssueLine, "Le guide, paru le 3 mai 2016 chez un éditeur, fait le point.");
        none(&IssueLine, "Le contrat a une date de publication fixée au 3 mai 2016.");
        none(&IssueLine, "Le film, diffusé le 3 mai 2016 en mairie, montre les quartiers.");
        none(&IssueLine, "Une actualité du 3 mai 2016 le rappelle.");
    }
}
