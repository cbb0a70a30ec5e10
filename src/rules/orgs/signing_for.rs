//! `orgs.signing_for`: the parties of a signature page, each named on a line "Pour l'État," /
//! "Au nom de la Ville de X :" above (or before) the role and the name of who signs for it.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Item, Mode, items};
use super::push_signatories;
use super::signatory_list::FUTURE_SIGNING;
use crate::rules::{Candidates, Doc, Rule, columns, line_ranges};

pub(super) const ID: &str = "orgs.signing_for";

/// Finds the parties a signature page signs for.
///
/// Finds: "Fait à Lunel, le 4 mars 2024\nPour l'État,\nLe préfet\nPaul Roche\nPour la Ville de
/// Lunel,\nLa maire\nAnne Brun" → État, Ville de Lunel; "Pour la CAF de l'Hérault, le
/// directeur, Luc Viel" (party, role and signer on one line).
///
/// The same page flattened onto one line ("Fait à Laval, le 3 juin 2024 Pour l'État Le Préfet
/// Paul Roche Pour la Ville de Laval La Maire Anne Brun"): each party up to its signer's role.
/// A sentence naming the party someone signed for: "A a signé pour l'État".
///
/// Does not find: a single line opening with "Pour" (a sentence: "Pour la Ville, c'est une
/// étape"), lines before any word of signing, a party line of a signing to come.
pub struct SigningFor;

/// A line opening with the party signed for, up to a comma, a colon or the line's end.
static PARTY_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t•*|-]*(?:Pour|POUR|Au\s+nom\s+d(?:e|u|es|')|AU\s+NOM\s+D(?:E|U|ES|'))[ \t]*(?P<party>(?:[^\n,;:.]|\.\p{L}){2,90}?)[ \t]*(?:[,:](?P<rest>[^\n]{0,120}))?$")
        .expect("valid regex")
});

/// What follows the party when the line is a sentence, not a signer ("Pour la Ville, c'est une
/// étape.").
static SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)[.!?]\s*$|\b(?:c['’]est|est|sont|a|ont|il|elle|un|une)\b")
        .expect("valid regex")
});

/// A word of signing ("signé", "signature", "Fait à" opening a line or followed by its
/// place and date anywhere).
static SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sign|paraph)|(?m:^)[ \t]*fait\s+à\b|\bfait\s+[àa]\s+[^\n,.;:]{1,60},\s+le\b",
    )
    .expect("valid regex")
});

/// A party of a signature page flattened onto one line, up to the role of who signs for it:
/// "Pour la Ville de Laval Le Maire Paul Roche Pour Méduane Habitat Le Directeur ...", the
/// role maybe without its accents ("le Prefet").
static FLAT_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:Pour|POUR|Au\s+nom\s+d(?:e|u|es|')|AU\s+NOM\s+D(?:E|U|ES|'))[ \t]*(?P<party>(?:l'|l[ \t]|la[ \t]|le[ \t]|les[ \t]|L'|La[ \t]|Le[ \t]|LA[ \t]|LE[ \t])?\p{Lu}[^\n,;:.]{1,80}?)[ \t]*,?[ \t]+(?:Le|La|L'|LE|LA|le|la|l')[ \t]*(?i:sous-pr[ée]f|pr[ée]f|pr[ée]sident|vice-pr[ée]sident|maire|directeur|directrice|recteur|rectrice|procureur|d[ée]l[ée]gu|adjoint|premi[eè]re?\s+adjoint|conseill|secr[ée]taire|administrat)")
        .expect("valid regex")
});

/// A line this long is text flattened onto one line, not a line of a page.
const FLAT_LINE: usize = 160;

/// A person signing for a party in a sentence: "X a signé pour l'État", "paraphé au nom de la
/// Région": the party follows, up to a comma or the sentence's end.
static SIGNED_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:co-?)?(?:sign|paraph)(?:é|ée|és|ées|e|ent|ait|aient|er)\s+(?:le\s+(?:contrat|document)\s+|ce\s+contrat\s+)?(?:pour|au\s+nom\s+d(?:e|u|es|'))\s*(?P<party>[^\n,;:.!?]{2,80}?)(?:\s+(?:aux?\s+côtés|avec|en\s+présence|devant|lors|dans|le\s+\d|ce|cet|cette|et|puis|ainsi|qui|alors|par)\b|[\n,;:.!?]|$)")
        .expect("valid regex")
});

/// A signer's party named in a list of who signed: "Anne Brun, préfète, au nom de l'État ;",
/// "la conseillère départementale Anne Brun pour le Département de l'Ain ;", "pour la CAF de
/// l'Ain, son directeur Luc Viel", an item of a list opening with its party after a colon or
/// a semicolon ("Ont signé : pour l'État, A, préfète ; pour la Ville, sa maire B"): the party up
/// to a comma, a semicolon or the sentence's end.
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\b(?:au|Au)\s+nom\s+d(?:e\s+|u\s+|es\s+|['’]\s*|\s)|(?-i:\p{Lu}\p{L}+)\s+pour\s+|,\s*pour\s+|[;:]\s*[Pp]our\s+)(?P<party>[^\n,;:.!?()]{2,80}?)\s*(?P<end>[,;.]\s*(?P<next>son|sa|ses|leur|leurs)?\b|[;.]|$)")
        .expect("valid regex")
});

/// A sentence about signing, for [`ON_BEHALF`].
static SIGNING_SENTENCE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:co-?)?sign(?:é|ée|és|ées|ent|ature|atures|ataires?)\b|\bparaph|\bapposé")
        .expect("valid regex")
});

/// The party signed for written as a lower-case common noun that the page's own body goes by
/// ("a signé pour la ville", "au nom de l'agglomération"): a party as written, where a list would
/// not take the bare noun (see `items`).
static OWN_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:la\s+|l'\s*|le\s+)(?P<name>ville|commune|agglomération|agglo|métropole|intercommunalité|communauté)\s*$")
        .expect("valid regex")
});

/// How many party lines make a signature page.
const MIN_PARTIES: usize = 2;

/// How far before the first party line a word of signing must stand.
const REACH: usize = 3000;

impl Rule for SigningFor {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        let mut seen = Vec::new();
        signed_for(doc, &mut seen, out);
        on_behalf(doc, &mut seen, out);
        let flat: Vec<Range<usize>> = line_ranges(text)
            .into_iter()
            .filter(|line| line.len() >= FLAT_LINE)
            .flat_map(|line| flat_parties(text, line))
            .collect();
        parties(doc, flat, out);
        let lines: Vec<Range<usize>> = line_ranges(text)
            .into_iter()
            .flat_map(|line| {
                columns(&text[line.clone()])
                    .into_iter()
                    .map(move |c| line.start + c.start..line.start + c.end)
            })
            .filter_map(|cell| {
                let c = PARTY_LINE.captures(&text[cell.clone()])?;
                if c.name("rest").is_some_and(|r| SENTENCE.is_match(r.as_str())) {
                    return None;
                }
                c.name("party").map(|p| cell.start + p.start()..cell.start + p.end())
            })
            .collect();
        parties(doc, lines, out);
    }
}

/// The parties of signature page `line` flattened onto one line: each "Pour X" up to its
/// signer's role ([`FLAT_PARTY`]), or, when a page writes its blocks with commas, up to the
/// comma that ends it when the next "Pour" follows: that of a party without a signer ("Pour Promologis,
/// Pour la Caisse des Dépôts, ...") or of a delegation ("Pour la Région, Pour le Président et
/// par délégation, la Conseillère régionale, ..."), which is no party itself.
fn flat_parties(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    static OPENER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?:^|[ \t,;])(?:Pour|POUR|Au\s+nom\s+d(?:e|u|es|')|AU\s+NOM\s+D(?:E|U|ES|'))[ \t]+",
        )
        .expect("valid regex")
    });
    /// A delegation: the party's head signs through someone else.
    static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:le|la|l['’ ])\s*\p{L}+(?:[- ]\p{L}+)?\s+(?:et\s+par\s+délégation|empêchée?|absente?|par\s+délégation)\b|^ordre\b")
            .expect("valid regex")
    });
    let body = &text[line.clone()];
    let starts: Vec<(usize, usize)> =
        OPENER.find_iter(body).map(|m| (m.start(), m.end())).collect();
    let mut out = Vec::new();
    for (k, &(at, start)) in starts.iter().enumerate() {
        let end = starts.get(k + 1).map_or(body.len(), |&(next, _)| next);
        let seg = &body[start..end];
        // A party followed by nothing but its comma: the next "Pour" follows.
        let comma = seg.find(',').filter(|&c| c <= 90 && seg[c + 1..].trim().is_empty());
        // The party up to its signer's role, when the role comes before any comma.
        let by_role = FLAT_PARTY
            .captures(&body[at..end])
            .and_then(|c| c.name("party"))
            .map(|p| at + p.end() - start)
            .filter(|&e| comma.is_none_or(|c| e <= c));
        let Some(party_end) = by_role.or(comma) else { continue };
        let party = seg[..party_end].trim_end();
        if party.is_empty() || DELEGATION.is_match(party) {
            continue;
        }
        out.push(line.start + start..line.start + start + party.len());
    }
    out
}

/// Pushes the parties of a signature page whose party lines are `lines`: two or more, after a
/// word of signing.
fn parties(doc: &Doc, lines: Vec<Range<usize>>, out: &mut Candidates) {
    let text = doc.text();
    let Some(first) = lines.first() else { return };
    if lines.len() < MIN_PARTIES {
        return;
    }
    let before = &text[text.ceil_char_boundary(first.start.saturating_sub(REACH))..first.start];
    if !SIGNING.is_match(before) || FUTURE_SIGNING.is_match(before) {
        return;
    }
    let mut seen = Vec::new();
    for party in lines {
        let found = items(text, party, Mode::Explicit);
        if let [_] = found.as_slice() {
            push_signatories(doc, found, ID, &mut seen, out);
        }
    }
}

/// Pushes the parties a list of signers names for each of them ([`ON_BEHALF`]): a body of a
/// known kind, in a sentence about signing; after a bare comma, only when its signer follows
/// ("pour la CAF, son directeur ..."); as an item after a colon or a semicolon, when a comma
/// closes it (its signer follows). The page's own body named by a common noun ("pour l'agglo,
/// son président A") is taken as written.
fn on_behalf(doc: &Doc, seen: &mut Vec<String>, out: &mut Candidates) {
    let text = doc.text();
    for sentence in super::text::sentences(doc) {
        let s = &text[sentence.clone()];
        let signing = SIGNING_SENTENCE.is_match(s) && !FUTURE_SIGNING.is_match(s);
        if !signing && !in_signing_list(text, sentence.start) {
            continue;
        }
        for c in ON_BEHALF.captures_iter(s) {
            let (Some(all), Some(party)) = (c.get(0), c.name("party")) else { continue };
            let bare_comma = all.as_str().starts_with(',');
            // "A, conseillère régionale, pour la Région ;": the party closes its signer's item.
            let closes_item = c.name("end").is_some_and(|e| !e.as_str().starts_with(','));
            if bare_comma && c.name("next").is_none() && !closes_item {
                continue;
            }
            let item = all.as_str().starts_with([';', ':']);
            if item && !c.name("end").is_some_and(|e| e.as_str().starts_with(',')) {
                continue;
            }
            let range = sentence.start + party.start()..sentence.start + party.end();
            if let Some(own) = own_body(text, range.clone()) {
                push_signatories(doc, vec![own], ID, seen, out);
                continue;
            }
            let found = items(text, range, Mode::Loose);
            if let [one] = found.as_slice()
                && one.kind.is_some_and(|k| k != "other")
            {
                push_signatories(doc, found, ID, seen, out);
            }
        }
    }
}

/// Whether the clean offset `at` lies in an item of a bulleted list that a line about a signing
/// done opens ("Ont signé le contrat :" then "- A, conseillère régionale, pour la Région ;").
fn in_signing_list(text: &str, at: usize) -> bool {
    let bulleted = |line: &str| line.trim_start().starts_with(['-', '–', '•', '*']);
    let mut end = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if !bulleted(&text[end..line_end]) {
        return false;
    }
    while end > 0 {
        let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let line = &text[start..end - 1];
        if !bulleted(line) {
            let lead = line.trim_end();
            return lead.ends_with(':')
                && SIGNING_SENTENCE.is_match(lead)
                && !FUTURE_SIGNING.is_match(lead);
        }
        end = start;
    }
    false
}

/// The page's own body named by a common noun in `range` ("la ville", "l'agglo"), see
/// [`OWN_BODY`].
fn own_body(text: &str, range: Range<usize>) -> Option<Item> {
    let party = &text[range.clone()];
    let name = OWN_BODY.captures(party)?.name("name")?;
    let kind = if matches!(name.as_str(), "ville" | "commune") { "commune" } else { "epci" };
    Some(Item {
        range: range.start + name.start()..range.start + name.end(),
        name: name.as_str().to_owned(),
        kind: Some(kind),
        abbreviation: None,
    })
}

/// Pushes the party a sentence says someone signed for ("a signé pour l'État"): one body of a
/// known kind (not "signé pour six ans", "pour la période 2024-2030").
fn signed_for(doc: &Doc, seen: &mut Vec<String>, out: &mut Candidates) {
    let text = doc.text();
    for c in SIGNED_FOR.captures_iter(text) {
        let Some(party) = c.name("party") else { continue };
        let at = c.get(0).map_or(0, |m| m.start());
        if FUTURE_SIGNING
            .is_match(&text[text.floor_char_boundary(at.saturating_sub(40))..party.start()])
        {
            continue;
        }
        if let Some(item) = own_body(text, party.range()) {
            push_signatories(doc, vec![item], ID, seen, out);
            continue;
        }
        let found = items(text, party.range(), Mode::Loose);
        if let Some(first) = found.into_iter().next().filter(|i| i.kind.is_some()) {
            push_signatories(doc, vec![first], ID, seen, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&SigningFor, text), expected, "{text:?}");
    }

    #[test]
    fn a_party_closing_its_signer_s_item_in_a_list_of_signers() {
        check(
            "Ont signé le contrat :\n- Paul Roche, préfet du Gers ;\n- Anne Brun, conseillère \
             départementale, pour le Département du Gers ;\n- Luc Viel, conseiller régional, pour la \
             Région Occitanie.\n",
            &["Département du Gers", "Région Occitanie"],
        );
        // A list of signers to come, or no list at all.
        check(
            "Signeront le contrat :\n- Anne Brun, conseillère départementale, pour le Département \
             du Gers ;\n- Luc Viel, conseiller régional, pour la Région Occitanie.\n",
            &[] as &[&str],
        );
        check(
            "Les invités :\n- Anne Brun, conseillère départementale, pour le Département du Gers ;\n",
            &[] as &[&str],
        );
    }

    #[test]
    fn a_signature_page_one_party_a_line() {
        check(
            "Fait à Lunel, le 4 mars 2024\n\nPour l'État,\nLe préfet de l'Hérault\nPaul Roche\n\nPour la communauté de communes du Pays de Lunel,\nLe président\nMarc Viel\n\nPour la Ville de Lunel,\nLa maire\nAnne Brun\n",
            &["État", "communauté de communes du Pays de Lunel", "Ville de Lunel"],
        );
        check(
            "Le contrat a été signé le 4 mars.\nPour l'Etat, le préfet, Paul Roche\nPour la CAF de l'Hérault, le directeur, Luc Viel\nAU NOM DU DÉPARTEMENT DE L'HÉRAULT : Anne Brun\n",
            &["État", "CAF de l'Hérault", "DÉPARTEMENT DE L'HÉRAULT"],
        );
    }

    #[test]
    fn a_signature_page_in_two_columns() {
        check(
            "Fait à Lunel, le 4 mars 2024.\nPour l'État,                    Pour la Ville de Lunel,\nle préfet                      la maire\nPaul Roche                     Anne Brun\nPour Hérault Logement,         Pour la CAF de l'Hérault,\n",
            &["État", "Ville de Lunel", "Hérault Logement", "CAF de l'Hérault"],
        );
    }

    #[test]
    fn a_signature_page_flattened_onto_one_line() {
        check(
            "Contrat de ville. Fait à Laval, le 4 mars 2024 Pour l'Etat Le Préfet de la Mayenne Paul Roche Pour Laval Agglomération Le Président Marc Viel Pour la Ville de Laval La Maire Anne Brun Pour Méduane Habitat Le Directeur général Luc Viel",
            &["État", "Laval Agglomération", "Ville de Laval", "Méduane Habitat"],
        );
        // A page that lost its accents and apostrophes, each party closed by a comma.
        check(
            "Contrat de ville. Fait a Laval, le 4 mars 2024 Pour l Etat, le Prefet de la Mayenne, Paul ROCHE Pour Laval Agglomeration, le President, Marc VIEL Pour la Ville de Laval, le Premier adjoint, par delegation du Maire, Luc BRUN Pour le Departement de la Mayenne, le President Pour la CAF de la Mayenne, la Directrice, Anne MORIN",
            &[
                "État",
                "Laval Agglomeration",
                "Ville de Laval",
                "Departement de la Mayenne",
                "CAF de la Mayenne",
            ],
        );
        // Short lines are the line rule's; a flattened sentence with one "Pour" is no page.
        check(
            "Le contrat a été signé hier à Laval en présence des habitants du quartier et des associations qui ont contribué aux ateliers. Pour la Ville de Laval le maire a parlé d'un engagement fort.",
            &[],
        );
    }

    #[test]
    fn a_flattened_page_with_unsigned_parties_and_delegations() {
        check(
            "Fait à Laval, le 4 mars 2024, en dix exemplaires Pour l'Etat, Le Préfet, Paul Roche Pour la Région des Pays de la Loire, Pour la Présidente et par délégation, la Conseillère régionale, Anne Brun Pour Méduane Habitat, Pour la SEMI de Laval, Le Directeur, Luc Viel Pour le Procureur de la République, Pour le Procureur empêché, le Substitut, Marc Viel",
            &[
                "État",
                "Région des Pays de la Loire",
                "Méduane Habitat",
                "SEMI de Laval",
                "Procureur de la République",
            ],
        );
    }

    #[test]
    fn a_party_signed_for_in_a_sentence() {
        check("La préfète, Anne Brun, a signé pour l'État aux côtés du maire.", &["État"]);
        check("Marc Viel a signé au nom de la Région Occitanie.", &["Région Occitanie"]);
        check("Le maire, Paul Roche, a signé pour la ville.", &["ville"]);
        // A single territorial collectivity is a party of a known kind.
        check(
            "Anne Costa, conseillère exécutive, a signé pour la Collectivité de Corse.",
            &["Collectivité de Corse"],
        );
        check(
            "Anne Brun a paraphé au nom de l'agglomération, aux côtés du préfet.",
            &["agglomération"],
        );
        check("Le contrat est signé pour la vie des quartiers.", &[]);
        check("Le contrat est signé pour six ans.", &[]);
        check("Il a été signé pour la période 2024-2030.", &[]);
        check("Le contrat sera signé pour l'État par le préfet.", &[]);
    }

    #[test]
    fn the_party_of_each_signer_of_a_list() {
        check(
            "Ont signé : Anne Brun, préfète, au nom de l'État ; le maire Paul Roche ; la conseillère régionale Marie Viel pour la Région Occitanie ; et, pour la CAF de l'Hérault, son directeur Luc Viel.",
            &["État", "Région Occitanie", "CAF de l'Hérault"],
        );
        // Items opening with their party after a colon or a semicolon, the page's own body by
        // its common noun.
        check(
            "Ont signé : pour l'État, Anne Brun, préfète du Gers ; pour l'agglo, son président Paul Roche ; pour la Ville d'Auch, sa première adjointe Lucie Morin.",
            &["État", "agglo", "Ville d'Auch"],
        );
        check(
            "Le contrat a été paraphé par trois signataires: Pour la Région Occitanie, Marc Viel; Pour la CAF du Gers, la directrice Anne Brun.",
            &["Région Occitanie", "CAF du Gers"],
        );
        // No comma closing the item (no signer follows), or no signing.
        check("Le contrat a été signé ; pour la Région Occitanie rien ne change.", &[]);
        check(
            "Le bilan est clair : pour la Région Occitanie, un succès ; pour l'État, un pari.",
            &[],
        );
        // Not a body of a known kind, a period, no signing, or no signer after a bare comma.
        check("Le contrat a été signé pour six ans, au nom de la solidarité.", &[]);
        check("Anne Brun a parlé au nom de la Région Occitanie.", &[]);
        check(
            "Le contrat a été signé hier. Il vaut, pour la Région Occitanie, un engagement.",
            &[],
        );
    }

    #[test]
    fn sentences_opening_with_pour_are_no_page() {
        check("Le contrat a été signé lundi.\nPour la Ville, c'est une étape importante.\n", &[]);
        check(
            "Le contrat a été signé lundi.\nPour la Ville, c'est une étape.\nPour la Région, un engagement de plus.\n",
            &[],
        );
        check(
            "Le contrat sera signé en juin.\nPour l'État,\nLe préfet\nPour la Ville,\nLa maire\n",
            &[],
        );
    }
}
