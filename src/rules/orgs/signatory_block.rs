//! `orgs.signatory_block`: the organisations listed under a heading of signatories, or under a
//! line ending with a colon that speaks of signing, one a line, as bullets or as a `;` list.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::party_sentence::proper;
use super::push_signatories;
use super::text::{bullet, lines};
use crate::gazetteer;
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.signatory_block";

/// The evidence of the parties under a bare heading of partners ([`PARTNERS`]): not a formal
/// list of signatories, so the prose's signing partners are not outranked by a wall of logos.
const PARTNERS_ID: &str = "orgs.signatory_block.partners";

/// The evidence of the names of a sentence under a heading: prose, not a formal list.
const SENTENCE_ID: &str = "orgs.signatory_block.sentence";

/// Finds a document's formal list of signatories.
///
/// Finds: "Liste des signataires" / "Signataires" / "Les partenaires signataires" /
/// "Partenaires du dispositif" followed by
/// "Préfecture de l'Aude ; Grand Narbonne ; Ville de Narbonne", or by one organisation a line
/// ("l'État ;", "la Région Bretagne ;"); "Une quarantaine de signataires se sont engagés, parmi
/// lesquels :" followed by bullets ("- la Région Île-de-France ;"). Items are read with the
/// explicit grammar of [`super::items`]: any capitalised name counts, persons with their roles
/// do not ("- Nolwenn Le Bras, préfète de la région Bretagne ;").
///
/// Under the heading, a sentence gives its names of a known kind ("L'État, la Région et la CAF
/// travaillent ensemble.").
///
/// Does not find: a heading followed by a figure ("Signataires" / "26"), a sentence naming fewer
/// than two bodies of a known kind; the
/// lines after the list ends (a blank line after plain lines, a heading, a long line, a line
/// ending with a full stop).
pub struct SignatoryBlock;

/// A heading that announces the signatories.
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:#+\s*)?(?:la\s+)?(?:liste\s+des\s+|les\s+)?(?:(?:partenaires\s+|membres\s+|organismes\s+)?(?:co-?)?signataires|partenaires\s+engagés|partenaires\s+du\s+(?:contrat|protocole|dispositif)(?:\s+de\s+ville)?|ils\s+ont\s+signé|qui\s+a\s+signé\s*\?)(?:\s+du\s+(?:contrat|protocole)(?:\s+de\s+ville)?)?\s*:?\s*$")
        .expect("valid regex")
});

/// A bare heading of partners ("Partenaires", "Nos partenaires", "Les partenaires du projet"),
/// as over a wall of logos flattened into lines: only names of a known kind follow it as
/// parties (not "Contact", "Mentions légales").
static PARTNERS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:#+\s*)?(?:nos\s+|les\s+|ses\s+|leurs\s+)?(?:principaux\s+)?partenaires(?:\s+(?:institutionnels|du\s+projet|de\s+la\s+démarche))?\s*:?\s*$")
        .expect("valid regex")
});

/// A line ending with a colon that speaks of signing.
static INTRO: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\b(?:co-?)?sign(?:é|ée|és|ées|ent|ataires)\b|\bparaph|\bpartenaires\b|\bse\s+sont\s+engagés\b).{0,150}:\s*$")
        .expect("valid regex")
});

/// Whether the last sentence of `line` is an [`INTRO`]: in "Il succède au contrat signé en
/// 2015 par ses partenaires. Il concerne cinq quartiers :" the colon opens quartiers, the word of
/// signing belongs to the sentence before.
fn intro(line: &str) -> bool {
    static SENTENCE_END: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{2}[.!?]\s+\p{Lu}").expect("valid regex"));
    let start = SENTENCE_END.find_iter(line).last().map_or(0, |m| m.end() - 1);
    let start = line.floor_char_boundary(start);
    INTRO.is_match(&line[start..])
}

/// The heading of [`HEADING`] inside a line whose breaks were lost ("... ses partenaires
/// financiers. Partenaires du dispositif - L'État - Région Occitanie - ..."), then the first
/// list marker.
static INLINE_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[.!?»]\s+)(?:la\s+)?(?:liste\s+des\s+|les\s+)?(?:(?:partenaires\s+|membres\s+|organismes\s+)?(?:co-?)?signataires|partenaires\s+engagés|partenaires\s+du\s+(?:contrat|protocole|dispositif)(?:\s+de\s+ville)?|ils\s+ont\s+signé)(?:\s+du\s+(?:contrat|protocole)(?:\s+de\s+ville)?)?[ \t]*:?[ \t]+(?P<m>[-•·▪–])[ \t]+")
        .expect("valid regex")
});

/// A sentence's end inside the last item of an inline block: the text that follows the list.
static ITEM_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[.!?]\s+\p{Lu}").expect("valid regex"));

/// How many items an inline block needs.
const INLINE_MIN_ITEMS: usize = 3;

/// The parties of a block of signatories written on one line ("Signataires - l'État - la
/// Région Bretagne - Rennes Métropole"): the items between the markers the first one repeats,
/// the last one cut where a sentence follows it.
fn inline_blocks(doc: &Doc, out: &mut Candidates) {
    let text = doc.text();
    for caps in INLINE_HEADING.captures_iter(text) {
        let (Some(whole), Some(marker)) = (caps.get(0), caps.name("m")) else { continue };
        let line_end = text[whole.end()..].find('\n').map_or(text.len(), |e| whole.end() + e);
        let sep = format!(" {} ", marker.as_str());
        let mut bounds = vec![whole.end()];
        let mut at = whole.end();
        while let Some(k) = text[at..line_end].find(&sep) {
            at += k + sep.len();
            bounds.push(at);
        }
        if bounds.len() < INLINE_MIN_ITEMS {
            continue;
        }
        let mut seen = Vec::new();
        for (k, &start) in bounds.iter().enumerate() {
            let mut end = bounds.get(k + 1).map_or(line_end, |&next| next - sep.len());
            if k + 1 == bounds.len() {
                end = ITEM_END.find(&text[start..end]).map_or(end, |m| start + m.start() + 1);
            }
            let piece = text[start..end].trim();
            if piece.chars().count() > 150 || prose(piece) {
                break;
            }
            push_signatories(doc, items(text, start..end, Mode::Explicit), ID, &mut seen, out);
        }
    }
}

/// The evidence of the members of a group that a sentence says signed, listed under it
/// ([`GROUP_SIGNED`]): a part of the parties, not a formal list of all of them.
const GROUP_ID: &str = "orgs.signatory_block.group";

/// A sentence on its own line saying that a plural or counted group signed, its members in the
/// bullets under it, without a colon: "Ces 11 communes ont signé le contrat de ville", "Les
/// communes suivantes l'ont paraphé.", "Les six partenaires suivants sont signataires".
static GROUP_SIGNED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:ces|les|leurs)\s+(?:(?:\d+|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingt)\s+)?(?P<group>communes|villes|municipalités|partenaires|signataires|collectivités|institutions)(?:\s+(?:suivantes|suivants|concernées|concernés|membres|partenaires))?\s+(?:(?:l['’])?(?:ont|avaient)\s+(?:(?:également|aussi|toutes|tous|conjointement)\s+)?(?:co-?)?(?:signé|paraphé)|(?:sont|étaient)\s+(?:toutes\s+|tous\s+)?(?:co-?)?signataires)\b[^.:;!?]{0,120}[.!]?\s*$")
        .expect("valid regex")
});

/// Where a bullet's name ends before what it is told about ("Firminy : trois quartiers",
/// "Rive-de-Gier – Centre-ville").
static NAME_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?::|\s[–—-]\s|\()").expect("valid regex"));

/// The members of a group that signed ([`GROUP_SIGNED`]), one a bullet right under the
/// sentence: each bullet's name up to a colon or a dash, names joined by a slash apart ("A /
/// B : ..."); a group of communes keeps the names of communes of the gazetteer only.
fn group_blocks(doc: &Doc, lines: &[Range<usize>], out: &mut Candidates) {
    let text = doc.text();
    for (i, line) in lines.iter().enumerate() {
        let Some(caps) = GROUP_SIGNED.captures(&text[line.clone()]) else { continue };
        let towns = caps.name("group").is_some_and(|g| {
            ["communes", "villes", "municipalités"].contains(&g.as_str().to_lowercase().as_str())
        });
        let mut seen = Vec::new();
        let mut found = Vec::new();
        for next in &lines[i + 1..] {
            let body = &text[next.clone()];
            if body.trim().is_empty() {
                if found.is_empty() {
                    continue;
                }
                break;
            }
            let marker = bullet(body);
            if marker == 0 {
                break;
            }
            let start = next.start + marker;
            let end = NAME_END.find(&text[start..next.end]).map_or(next.end, |m| start + m.start());
            let mut at = start;
            for part in text[start..end].split('/') {
                let range = at..at + part.len();
                at += part.len() + 1;
                for item in items(text, range, Mode::Explicit) {
                    if !towns || !gazetteer::communes_named(&item.name).is_empty() {
                        found.push(item);
                    }
                }
            }
        }
        push_signatories(doc, found, GROUP_ID, &mut seen, out);
    }
}

impl Rule for SignatoryBlock {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        inline_blocks(doc, out);
        group_blocks(doc, &lines(doc.text()), out);
        let text = doc.text();
        let lines = lines(text);
        let opens = |i: usize| {
            let l = &text[lines[i].clone()];
            HEADING.is_match(l)
                || PARTNERS.is_match(l)
                || (l.len() < 300 && intro(l))
                || (l.trim_end().ends_with(':') && intro(&wrapped_intro(text, &lines, i)))
                || bodies_follow(text, &lines, i)
        };
        let mut i = 0;
        while i < lines.len() {
            if !opens(i) {
                i += 1;
                continue;
            }
            let unnamed = !HEADING.is_match(&text[lines[i].clone()])
                && !intro(&text[lines[i].clone()])
                && !intro(&wrapped_intro(text, &lines, i));
            let (mode, id) = if PARTNERS.is_match(&text[lines[i].clone()]) || unnamed {
                (Mode::Loose, PARTNERS_ID)
            } else {
                (Mode::Explicit, ID)
            };
            let mut seen = Vec::new();
            let mut j = i + 1;
            let mut bullets = false;
            let mut found_any = false;
            while j < lines.len() {
                let line = lines[j].clone();
                let body = &text[line.clone()];
                let trimmed = body.trim();
                if trimmed.is_empty() {
                    j += 1;
                    continue;
                }
                if opens(j) && !found_any {
                    break;
                }
                if trimmed.starts_with('|') {
                    // A table: the business of `orgs.signatory_table`.
                    break;
                }
                // A table's header row under the heading ("Signataire | Représenté par").
                if !found_any && HEADER_ROW.is_match(trimmed) {
                    j += 1;
                    continue;
                }
                let marker = bullet(body);
                let mut content = line.start + marker..line.end;
                // A bullet wrapped on indented lines ("•  les villes de A, B,\n      C et D ;").
                if marker > 0 {
                    while let Some(next) = lines.get(j + 1) {
                        let next_body = &text[next.clone()];
                        let open = !text[content.clone()].trim_end().ends_with([';', '.']);
                        if open
                            && next_body.starts_with([' ', '\t'])
                            && !next_body.trim().is_empty()
                            && bullet(next_body) == 0
                        {
                            content.end = next.end;
                            j += 1;
                        } else {
                            break;
                        }
                    }
                }
                // A sentence right under the heading ("Les partenaires du contrat\n\nL'État,
                // la Région et la CAF travaillent ensemble."): its names of a known kind.
                if marker == 0
                    && !found_any
                    && trimmed.ends_with('.')
                    && trimmed.split_whitespace().count() > 6
                    && !prose(trimmed)
                {
                    let known: Vec<_> = items(text, content, Mode::Loose)
                        .into_iter()
                        .filter(|i| i.kind.is_some_and(|k| k != "other") && proper(&i.name))
                        .collect();
                    if known.len() >= 2 {
                        push_signatories(doc, known, SENTENCE_ID, &mut seen, out);
                    }
                    break;
                }
                if marker == 0 && !bullets && body.matches(';').count() >= 2 {
                    push_signatories(doc, items(text, content, mode), id, &mut seen, out);
                    break;
                }
                if trimmed.starts_with('#') || trimmed.chars().count() > 400 || prose(trimmed) {
                    break;
                }
                if bullets && marker == 0 {
                    break;
                }
                let found = items(text, content, mode);
                // A signer's line ("M. Paul ROUX, préfet de l'Orne") names a person, no party,
                // and the list goes on with the next line.
                if marker == 0 && found.is_empty() && signer_line(trimmed) {
                    j += 1;
                    continue;
                }
                if marker == 0 && (found.is_empty() || trimmed.chars().count() > 150) {
                    break;
                }
                bullets = marker > 0;
                found_any |= !found.is_empty();
                push_signatories(doc, found, id, &mut seen, out);
                if marker == 0 && trimmed.ends_with('.') {
                    break;
                }
                j += 1;
            }
            i = j.max(i + 1);
        }
    }
}

/// A table's header row: column names only ("Signataire | Représenté par", "Organisme |
/// Fonction | Nom").
static HEADER_ROW: LazyLock<Regex> = LazyLock::new(|| {
    let cell = r"(?:signataires?|signatures?|représentée?s?\s+par|partenaires?|organismes?|structures?|institutions?|fonctions?|qualités?|noms?|rôles?)";
    Regex::new(&format!(r"(?i)^\|?\s*{cell}(?:\s*\|\s*{cell})+\s*\|?$")).expect("valid regex")
});

/// How many bullets a colon must open, bodies of a known kind for the most part, to be read as
/// a list of parties without a word of signing ([`bodies_follow`]).
const BODIES_MIN: usize = 4;

/// Whether line `i` ends with a colon and opens bullets that name bodies of a known kind, at
/// least [`BODIES_MIN`] of them and three in four ("... qui en approuvent les orientations :\n•
/// l'État ;\n• la Ville de Gex ;\n• la CAF de l'Ain ;\n• France Travail."): the parties of a
/// contract whose introduction a conversion mangled. Not a list of funders ("financé par :").
fn bodies_follow(text: &str, lines: &[Range<usize>], i: usize) -> bool {
    let l = text[lines[i].clone()].trim_end();
    if !l.ends_with(':') || l.len() > 300 || super::signatory_list::FUNDING.is_match(l) {
        return false;
    }
    let (mut bullets, mut bodies) = (0, 0);
    for line in lines[i + 1..].iter().take(20) {
        let body = &text[line.clone()];
        if body.trim().is_empty() {
            if bullets > 0 {
                break;
            }
            continue;
        }
        let marker = bullet(body);
        if marker == 0 {
            break;
        }
        bullets += 1;
        let found = items(text, line.start + marker..line.end, Mode::Loose);
        if found.iter().any(|o| o.kind.is_some() && proper(&o.name)) {
            bodies += 1;
        }
    }
    bullets >= BODIES_MIN && bodies * 4 >= bullets * 3
}

/// The sentence that line `i` (ending with a colon) closes, when a PDF conversion wrapped it
/// on up to three lines ("Le contrat est conclu entre les parte-\nnaires suivants :"): the
/// lines joined, a word cut by a hyphen at a line's end made whole again.
fn wrapped_intro(text: &str, lines: &[Range<usize>], i: usize) -> String {
    let mut first = i;
    while first > 0 && i - first < 2 {
        let prev = text[lines[first - 1].clone()].trim();
        if prev.is_empty() || prev.ends_with(['.', '!', '?', ':', ';']) {
            break;
        }
        first -= 1;
    }
    let mut out = String::new();
    for line in &lines[first..=i] {
        let l = text[line.clone()].trim();
        if out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic) {
            out.pop();
        } else if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(l);
    }
    if out.len() < 300 { out } else { String::new() }
}

/// Whether `line` is a signer's line of a list of signatories: a person and his or her role
/// set off by a comma ("Mme Anne PETIT, maire d'Alençon", "Paul Roux, Directeur de la CAF"),
/// short, one sentence.
fn signer_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split(',').map(str::trim).collect();
    line.chars().count() <= 150
        && (2..=3).contains(&parts.len())
        && !prose(line)
        && parts[1..].iter().any(|p| super::lexicon::role(p).is_some_and(|(plural, _)| !plural))
}

/// Whether a line of the block is prose, not a party: a question, several sentences ("Samedi
/// 3 mai : atelier au centre social. Thème : la santé ?"), an article of the contract's text
/// ("Article 1 : Sont concernés ..."), a sentence telling a signing to come ("Au total, 14
/// partenaires s'engagent, dont l'ARS, qui signera le document en juin.": not yet parties).
fn prose(line: &str) -> bool {
    static TO_COME: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:co-?|contre-?)?(?:sign|paraph)(?:era|eront|erait|eraient)\b|\b(?:sera|seront|va|vont|devrait|devraient|doit|doivent)\s+(?:(?:être|bientôt|prochainement)\s+)*(?:co-?)?(?:sign|paraph)")
            .expect("valid regex")
    });
    static SENTENCES: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\p{Ll}{2}[.!]\s+\p{Lu}\p{Ll}").expect("valid regex"));
    static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:article|art\.)\s+(?:premier|\d+|[ivx]+)\b").expect("valid regex")
    });
    // "Il s'articule autour de trois piliers.": a sentence opening with a pronoun.
    static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Il|Elle|Ils|Elles|On|Nous|Ce|Cet|Cette|Ces|Celui-ci|Celle-ci)\s+\p{Ll}")
            .expect("valid regex")
    });
    line.contains('?')
        || SENTENCES.is_match(line)
        || ARTICLE.is_match(line)
        || PRONOUN.is_match(line)
        || TO_COME.is_match(line)
}

#[cfg(test)]
mod tests {
    use super::super::testing::{run_as, signatories};
    use super::*;
    use crate::record::Format;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&SignatoryBlock, text), expected, "{text:?}");
    }

    #[test]
    fn a_table_under_a_heading_without_its_header_nor_parties_to_come() {
        check(
            "Les signataires\nSignataire | Représenté par\nEtat | Mme Anne Brun, préfète du Gers\nVille d'Auch | M. Paul Roche, maire\nTerre et Mer Habitat | M. Luc Viel, directeur\nAu total, 9 partenaires s'engagent, dont l'ARS Occitanie, qui signera le document en juin.\n",
            &["État", "Ville d'Auch", "Terre et Mer Habitat"],
        );
    }

    #[test]
    fn signers_lines_before_unnamed_offices() {
        check(
            "Liste des signataires :\nM. ROUX Paul, Préfet de l'Orne\nMme Anne Petit, maire d'Alençon\nLe Directeur de la CAF de l'Orne\nLa Directrice générale d'Orne Habitat\n\nLe contrat court jusqu'en 2030.\n",
            &["Directeur de la CAF de l'Orne", "Directrice générale d'Orne Habitat"],
        );
        check(
            "Ont signé le contrat :\nPaul Roux, directeur territorial de France Travail\nla Région Normandie\n",
            &["Région Normandie"],
        );
        // Lines of prose under the heading end the list.
        check(
            "Les signataires\nLe maire, Anne Petit, a salué le travail. Le préfet a conclu.\nla Région Normandie\n",
            &[],
        );
    }

    #[test]
    fn a_semicolon_list_under_a_heading() {
        check(
            "Liste des signataires\n\nPréfecture du Gard ; Grand Alès ; Mairie d'Alès ; Maire de Salindres ; CAF du Gard ; Chambre de métiers et de l'artisanat ; Maisons et Cités – Soginorpa ; Procureur de la République près le TGI d'Alès\n\nQuartiers concernés\n",
            &[
                "Préfecture du Gard",
                "Grand Alès",
                "Mairie d'Alès",
                "Maire de Salindres",
                "CAF du Gard",
                "Chambre de métiers et de l'artisanat",
                "Maisons et Cités – Soginorpa",
                "Procureur de la République près le TGI d'Alès",
            ],
        );
    }

    #[test]
    fn the_members_of_a_group_that_signed() {
        check(
            "Le contrat couvre 9 quartiers.\n\nCes 3 communes ont signé le contrat de ville\n\n• Montbéliard : La Petite Hollande, Les Batteries\n• Audincourt / Valentigney : Les Champs-Montants\n\nLe contrat court jusqu'en 2030.\n",
            &["Montbéliard", "Audincourt", "Valentigney"],
        );
        check(
            "Les partenaires suivants l'ont paraphé.\n- la Région Grand Est – pilote du volet emploi\n- la CAF du Doubs\n",
            &["Région Grand Est", "CAF du Doubs"],
        );
        check(
            "Les communes suivantes sont signataires\n- Le Creusot (2 quartiers)\n- Montceau-les-Mines\n",
            &["Le Creusot", "Montceau-les-Mines"],
        );
    }

    #[test]
    fn no_group_that_signed_or_no_towns() {
        // The group did not sign, or its bullets are not communes.
        check("Ces 3 communes comptent des quartiers\n• Montbéliard : La Petite Hollande\n", &[]);
        check(
            "Ces communes ont signé le contrat de ville\n• Les Batteries : 900 habitants\n• Centre social : 12 ateliers\n",
            &[],
        );
        check(
            "Ces 3 communes ont signé le contrat de ville.\nMontbéliard compte deux quartiers.\n",
            &[],
        );
    }

    #[test]
    fn a_block_on_one_line() {
        check(
            "La Ville agit avec ses partenaires. Partenaires du dispositif - Région Occitanie - Conseil départemental du Gard - Caisse d'allocations familiales du Gard. Le mot du maire nous dit tout.",
            &[
                "Région Occitanie",
                "Conseil départemental du Gard",
                "Caisse d'allocations familiales du Gard",
            ],
        );
        check(
            "Les signataires - Région Occitanie - Nos actions pour les quartiers sont nombreuses.",
            &[],
        );
    }

    #[test]
    fn partners_of_the_scheme() {
        check(
            "Partenaires du dispositif\n\n- Région Occitanie\n- Conseil départemental du Gard\n\nLe mot du maire\n",
            &["Région Occitanie", "Conseil départemental du Gard"],
        );
    }

    #[test]
    fn one_organisation_a_line() {
        let html = "Les partenaires signataires\nl'État ;\nQuimper Bretagne Occidentale et la Ville de Quimper ;\nles bailleurs Finistère Habitat et Douarnenez Habitat ;\nainsi que d'autres partenaires institutionnels et associatifs.\nTrois piliers\n";
        let names: Vec<String> =
            run_as(&SignatoryBlock, html, Format::Html).into_iter().map(|o| o.name).collect();
        assert_eq!(
            names,
            [
                "État",
                "Quimper Bretagne Occidentale",
                "Ville de Quimper",
                "Finistère Habitat",
                "Douarnenez Habitat"
            ]
        );
    }

    #[test]
    fn bullets_after_an_intro_line() {
        check(
            "Une trentaine de signataires se sont engagés, parmi lesquels :\n- la Région Île-de-France ;\n- les Départements du Val-d'Oise et des Yvelines ;\n- les bailleurs Val d'Oise Habitat et CDC Habitat.\n\nLa suite du texte.\n",
            &[
                "Région Île-de-France",
                "Département du Val-d'Oise",
                "Département des Yvelines",
                "Val d'Oise Habitat",
                "CDC Habitat",
            ],
        );
    }

    #[test]
    fn other_headings_and_html_items() {
        check(
            "## Les partenaires du contrat de ville\n\nl'État\nla Ville de Montluçon\nMontluçon Habitat\n\n## Les quartiers\n",
            &["État", "Ville de Montluçon", "Montluçon Habitat"],
        );
        let html = "Partenaires engagés\nla Région Auvergne-Rhône-Alpes ;\nle Département de l'Allier ;\nla CAF de l'Allier.\nLe contrat court jusqu'en 2030.\n";
        let names: Vec<String> =
            run_as(&SignatoryBlock, html, Format::Html).into_iter().map(|o| o.name).collect();
        assert_eq!(
            names,
            ["Région Auvergne-Rhône-Alpes", "Département de l'Allier", "CAF de l'Allier"]
        );
        check("Partenaires\nContact\nMentions légales\n", &[]);
    }

    #[test]
    fn a_wall_of_partners_gives_the_names_of_a_known_kind() {
        let text = "Nos partenaires\nPréfecture de la Manche\nRégion Normandie\nCAF de la Manche\nSaint-Lô Agglo\n\nLa suite du texte.\n";
        assert_eq!(
            signatories(&SignatoryBlock, text),
            ["Préfecture de la Manche", "Région Normandie", "CAF de la Manche", "Saint-Lô Agglo"]
        );
        let rules: Vec<String> = run_as(&SignatoryBlock, text, Format::Text)
            .into_iter()
            .map(|o| o.evidence.rule)
            .collect();
        assert!(rules.iter().all(|r| r == PARTNERS_ID), "no formal list: {rules:?}");
        check("Les partenaires\nBoulangerie du Port\nLe Café des Arts\n", &[]);
        check("Partenaires\nContact\nMentions légales\n", &[]);
    }

    #[test]
    fn persons_figures_and_sentences_are_not_lists() {
        check(
            "## Les signataires\n\nLe contrat a été signé par :\n\n- **Anne Morel**, préfète de la région Bretagne, préfète du Morbihan ;\n- **Yves Le Gall**, vice-présidente de Lorient Agglomération déléguée à la cohésion sociale et à la politique de la ville ;\n- Yves Le Gall, président de Lorient Agglomération.\n",
            &[],
        );
        check("Signataires\n26\nDurée\n2015-2020\n", &[]);
        check(
            "Les signataires du contrat s'accordent sur ce qui suit :\n\nArticle 1 : Sont concernés par le contrat les quartiers suivants :\n",
            &[],
        );
        check(
            "Deux rencontres sont ouvertes aux habitants et aux partenaires :\n- Lundi 4 mai : atelier à la Maison Pour Tous. Thème : Vivre ensemble, qu'en pensez-vous ?\n- Mardi 5 mai : balade au parc. Sujet : Mieux se déplacer.\n",
            &[],
        );
        check(
            "Les signataires\nLe contrat engage ses signataires pour six ans, avec un comité de pilotage annuel.\n",
            &[],
        );
        check(
            "Partenaires du contrat :\n\nL'État suit la démarche avec attention depuis le début.\n",
            &[],
        );
        check(
            "Les partenaires du contrat :\n- la Région ;\n- la CAF.\n\nIl s'articule autour de trois piliers.\n",
            &["Région", "CAF"],
        );
    }

    #[test]
    fn an_introduction_wrapped_on_several_lines() {
        check(
            "Le présent contrat est conclu entre les parte-\nnaires suivants, qui en partagent les orien-\ntations :\n• l'État ;\n• la Ville de Gex ;\n• la CAF de l'Ain.\n",
            &["État", "Ville de Gex", "CAF de l'Ain"],
        );
        // a wrapped sentence about something else
        check(
            "Le contrat fixe les objectifs sui-\nvants :\n• l'emploi ;\n• la Santé ;\n• le Logement.\n",
            &[],
        );
    }

    #[test]
    fn bullets_of_bodies_after_a_colon() {
        check(
            "Le texte est approuvé par les membres suivants, qui en partagent les orientations :\n• l'État ;\n• la Ville de Gex ;\n• le Département de l'Ain ;\n• la CAF de l'Ain ;\n• France Travail.\n",
            &["État", "Ville de Gex", "Département de l'Ain", "CAF de l'Ain", "France Travail"],
        );
        // too few, funders, or not bodies
        check("Il réunit :\n• l'État ;\n• la Ville de Gex ;\n• la CAF.\n", &[]);
        check(
            "Les actions sont financées par :\n• l'État ;\n• la Ville de Gex ;\n• le Département de l'Ain ;\n• la CAF de l'Ain.\n",
            &[],
        );
        check(
            "Trois axes structurent le contrat :\n• l'emploi ;\n• la santé ;\n• le cadre de vie ;\n• la Ville apaisée.\n",
            &[],
        );
    }

    #[test]
    fn a_sentence_under_the_heading() {
        check(
            "Les partenaires du contrat de ville\n\nL'État, la Région Centre-Val de Loire, le Département du Cher et la CAF du Cher, aux côtés de la Ville de Vierzon.\n",
            &[
                "État",
                "Région Centre-Val de Loire",
                "Département du Cher",
                "CAF du Cher",
                "Ville de Vierzon",
            ],
        );
    }

    #[test]
    fn a_colon_of_another_sentence_than_the_signing() {
        // The word of signing is in the sentence before the colon: the lines are quartiers.
        check(
            "Il remplace le contrat signé en 2015 par la Ville et ses partenaires. Il vise trois quartiers, où vivent 9 000 habitants :\n- Le Mas et Les Pins à Lunel ;\n- Saint Roch à Sète.\n",
            &[],
        );
        check(
            "Il remplace le contrat de 2015. Le nouveau texte est signé par :\n- l'État ;\n- la Ville de Lunel ;\n- la CAF de l'Hérault.\n",
            &["État", "Ville de Lunel", "CAF de l'Hérault"],
        );
    }
}
