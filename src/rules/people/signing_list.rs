//! `people.signing_list`: the people listed under a signing heading, or after a colon that
//! closes a phrase about the signing.
//!
//! Finds: the block of lines under "Signataires :", "Les signataires du contrat", "Le contrat a
//! été signé par :", "Ont signé :", "Fait à Hyères, le 3 juin 2024", or under "Pour l'État"
//! after a text about a signing (bullets "- A, préfet du Var", lines "Préfet du Var : A",
//! table rows "| A | Préfet du Var", a name alone on its line with the role on the next, as in a
//! PDF signature block, "Pour l'État : A"), and a list after a colon inside a sentence about a
//! signing ("Ils étaient trois à la signature du contrat : A, B et C", "Le contrat a été signé
//! le 3 juin : pour l'État, A, préfet ; pour la Ville, B, maire"). Involvement `signatory`.
//! Does not find: a colon followed by a sentence ("Signature du contrat : A salue un accord"),
//! a signing to come ("sera signé par :"), the lines after the block ends (a line that is not
//! made of names and roles).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::cue::FUTURE_ANY;
use super::emit;
use super::grammar::{Mention, Parsed};
use super::lexicon::{ROLE_ANY, opens_with_role};
use crate::record::Involvement;
use crate::rules::{Candidates, Doc, Rule, columns, stretch_around};

/// The signing-list rule.
pub struct SigningList;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "people.signing_list";

/// How many lines a block reads at most.
const BLOCK_LINES: usize = 40;

/// A line that opens a block of signatories: a heading ("Les signataires", "Signataires du
/// contrat :") or a line about a signing that ends with a colon ("Ont signé le contrat :").
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?im)^[ \t#*_>•|-]*(?:(?:les|liste\s+des)\s+)?(?:signataires|signatures)\b[^\n.]{0,80}$|^[^\n]*\b(?:sign|paraph|contresign|cosign)[^\n]*:[ \t*_]*$|^[ \t*_]*(?:fait|signé)\s+[àa]\s+[^\n]{1,80}$",
    )
    .expect("valid regex")
});

/// A line naming the party that signs below it, in a signature block ("Pour l'État", "POUR LA
/// VILLE DE HYÈRES :", "Au nom du Département", "Pour la Ville de Hyères,", "Pour Agglopolys"
/// with no article); inside a block, it opens the next party's lines.
static PARTY_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?m)^[ \t•*|-]*(?:Pour|POUR|Au nom|AU NOM)[ \t]+(?:(?:de[ \t]+)?(?:l'|L'|la[ \t]+|LA[ \t]+|le[ \t]+|LE[ \t]+|les[ \t]+|LES[ \t]+)|du[ \t]+|DU[ \t]+|des[ \t]+|d'|D')?(?:\p{Lu}|(?i:ville|commune|communauté|métropole|région|département|état|préfecture|caisse|agglomération|office|conseil|bailleur|établissement))(?:[^\n.,;:]|\.\p{L}){0,80}[ \t]*(?:[,:][^\n.]{0,80})?$",
    )
        .expect("valid regex")
});

/// A word of signing ("signé", "signature", "paraphé").
static SIGNING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\b(?:sign|paraph|contresign|cosign)").expect("valid regex"));

/// How far before a party heading a signing word must stand.
const PARTY_REACH: usize = 3000;

/// A colon closing a phrase about a signing, inside a line: "à la signature du contrat : ".
static COLON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:signatures?|signataires?|sign[ée]e?s?|paraph[ée]e?s?|contresign[ée]e?s?|cosign[ée]e?s?)\b[^.:;!?\n«»]{0,80}:[ \t]*[^\s]",
    )
    .expect("valid regex")
});

/// The formula that closes a contract, "Fait à Hyères, le 3 juin 2024", wherever it stands in a
/// line: a PDF's signature page flattened onto one line goes on after it. A conversion that
/// lost the accents writes "Fait a Hyères".
static DONE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\bfait\s+[àa]\s+[^\n,.;:]{1,60}?,?\s+le\s+(?:\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})",
    )
    .expect("valid regex")
});

/// A line this long is not a signature block's line: text flattened onto one line.
const FLAT_LINE: usize = 160;

/// How far apart two names of a flattened signature block stand at most (a party, a role).
const FLAT_GAP: usize = 160;

/// A sentence's end between two names of a flattened block (not the "M." of a civility).
static SENTENCE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:\p{Ll}{2}|\d)[.!?](?:\s|$)|[!?]").expect("valid regex"));

/// What may open an item of a block: bullets, a table cell, the party signed for, an article.
static ITEM_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^[ \t•*–|-]*(?:(?:pour|au\s+nom\s+d(?:e|u|es|'))\s*[^,;:.()\n«»]{1,60}?\s*[,:]\s*)?(?:(?:le|la|M\.|Mme|Madame|Monsieur)\s+|l')?$",
    )
    .expect("valid regex")
});

/// What may close an item of a block: punctuation, a table cell, the party signed for.
static ITEM_TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^[ \t,;.|)*_]*(?:(?:pour|au\s+nom\s+d(?:e|u|es|'))[^\n]{0,60})?[ \t]*$")
        .expect("valid regex")
});

/// A line of a signature block that holds only the role of the name below it ("Le Préfet du
/// Var", "LA MAIRE DE HYÈRES"): a role word opens it, it is short and ends no sentence.
fn role_line(line: &str) -> bool {
    let line = line.trim().trim_start_matches(['-', '•', '*', '–', '|', ' ', '\t']);
    line.len() <= 80
        && !line.ends_with(['.', '!', '?', ':'])
        && line.split_whitespace().count() <= 14
        && opens_with_role(line)
}

/// The rest of a role run over a second line of a signature page's column: short and ending
/// with a comma, no sentence ("d'Agglomération de la Boucle,", "Familiales du Var,", "la
/// Vice-présidente déléguée,"); or, without a comma, a few words with no digit (a page number,
/// a date) and no sentence mark ("de la Nièvre", "Loire et Nohain").
fn role_rest(cell: &str) -> bool {
    let cell = cell.trim();
    let with_comma =
        cell.chars().count() <= 60 && cell.ends_with(',') && !cell.contains(['.', ';', ':']);
    let without = cell.split_whitespace().count() <= 8
        && !cell.contains(|c: char| c.is_ascii_digit() || matches!(c, '.' | ';' | ':' | '!' | '?'));
    with_comma || without
}

/// A short line with no name before the first item: a table header ("| Signataire |
/// Fonction"), a sub-heading.
const HEADER_LINES: usize = 2;

impl Rule for SigningList {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let p = Parsed::new(doc);
        // A mention read once: blocks under a heading and under each party's line overlap.
        let mut read: Vec<usize> = Vec::new();
        for heading in HEADING.find_iter(p.text) {
            if FUTURE_ANY.is_match(heading.as_str()) {
                continue;
            }
            let page = CLOSING.is_match(heading.as_str());
            for m in block(&p, heading.end(), page) {
                if !read.contains(&m.full.start) {
                    read.push(m.full.start);
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            }
        }
        for heading in PARTY_HEADING.find_iter(p.text) {
            let lo = p.text.ceil_char_boundary(heading.start().saturating_sub(PARTY_REACH));
            let before = &p.text[lo..heading.start()];
            if !SIGNING.is_match(before) || FUTURE_ANY.is_match(before) {
                continue;
            }
            // A block read from an earlier party's heading already holds this one's signer.
            for m in block(&p, heading.end(), false) {
                if !read.contains(&m.full.start) {
                    read.push(m.full.start);
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            }
        }
        for done in DONE_AT.find_iter(p.text) {
            for m in flat_block(&p, done.end()) {
                if !read.contains(&m.full.start) {
                    read.push(m.full.start);
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            }
        }
        for colon in COLON.find_iter(p.text) {
            let line = line_at(p.text, colon.start());
            if FUTURE_ANY.is_match(&p.text[line.start..colon.end()]) {
                continue;
            }
            let at = colon.end() - colon.as_str().chars().next_back().map_or(0, char::len_utf8);
            let listed = p.listed_from(at);
            let Some(last) = listed.last() else { continue };
            let rest = &p.text[last.full.end..];
            let ends = rest.trim_start_matches([' ', '\t', ')']).starts_with(['.', ';', '\n'])
                || rest.trim().is_empty();
            if listed.len() >= 2 || ends {
                for m in listed {
                    emit(doc, m, Involvement::Signatory, self.id(), out);
                }
            }
        }
    }
}

/// The line around `at`, without its line break.
fn line_at(text: &str, at: usize) -> Range<usize> {
    stretch_around(text, at..at, &['\n'])
}

/// The mentions of a signature block flattened onto the line of `from` (the end of "Fait à
/// Hyères, le 3 juin 2024"): "Le Préfet du Var Paul Roche Pour la Ville La Maire Anne Brun",
/// each name with a role read with it or standing before it, until a sentence ends or the
/// text between two names grows long. A short line is left to [`block`].
fn flat_block<'p>(p: &'p Parsed, from: usize) -> Vec<&'p Mention> {
    let text = p.text;
    let line = line_at(text, from);
    let mut out: Vec<&Mention> = Vec::new();
    if line.len() < FLAT_LINE {
        return out;
    }
    let mut prev = from;
    for m in p.mentions.iter().filter(|m| m.name_range.start >= from) {
        if m.name_range.start >= line.end {
            break;
        }
        let gap_end = if m.full.start >= prev { m.full.start } else { m.name_range.start };
        let gap = &text[prev..gap_end.max(prev)];
        if gap.len() > FLAT_GAP || SENTENCE_END.is_match(gap) {
            break;
        }
        // A role word anywhere ("Le Président de Grand Calais" before a name it was not read
        // with).
        if m.role.is_none() && !ROLE_ANY.is_match(gap) {
            break;
        }
        out.push(m);
        prev = m.full.end.max(m.name_range.end);
    }
    out
}

/// The closing formula of a contract as a heading line ("Fait à Hyères, le 3 juin 2024"): a
/// signature page follows.
static CLOSING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^[ \t*_]*(?:fait|signé)\s+[àa]\s").expect("valid regex"));

/// How many blank lines in a row end a block; on a signature page, the room left for the
/// signatures between a role and its name ([`SIGNATURE_BLANKS`]).
const BLOCK_BLANKS: usize = 2;
const SIGNATURE_BLANKS: usize = 5;

/// The mentions of the block of lines that starts after `from` (the end of a heading line);
/// `page`: the block is a signature page under a contract's closing formula, where roles stand
/// in columns, run over several lines, and blank lines leave room for the signatures.
fn block<'p>(p: &'p Parsed, from: usize, page: bool) -> Vec<&'p Mention> {
    let text = p.text;
    let mut out: Vec<&Mention> = Vec::new();
    let mut pos = text[from..].find('\n').map_or(text.len(), |n| from + n + 1);
    let (mut lines, mut headers, mut blanks) = (0, 0, 0);
    let max_blanks = if page { SIGNATURE_BLANKS } else { BLOCK_BLANKS };
    while pos < text.len() && lines < BLOCK_LINES {
        lines += 1;
        let line = line_at(text, pos);
        let next = (line.end + 1).min(text.len());
        if text[line.clone()].trim().is_empty() {
            blanks += 1;
            if blanks >= max_blanks {
                break;
            }
            pos = next;
            continue;
        }
        blanks = 0;
        // The mentions whose name stands on this line (a role may stand on the line above, or
        // in the column above on a two-column page).
        let items: Vec<&Mention> =
            p.mentions.iter().filter(|m| line.contains(&m.name_range.start)).collect();
        let (Some(first), Some(last)) = (items.first(), items.last()) else {
            let body = &text[line.clone()];
            let bullet = body.trim_start().starts_with(['-', '•', '*', '–', '|']);
            // A signature page's lines of parties or roles, maybe in columns ("Pour l'État,
            // <spaces> Pour la Ville,"), before or between its names.
            let page_line = columns(body).into_iter().all(|c| {
                let cell = &body[c];
                PARTY_HEADING.is_match(cell) || role_line(cell) || page && role_rest(cell)
            });
            if page_line {
            } else if out.is_empty() && headers < HEADER_LINES && line.len() < 80 {
                headers += 1;
            } else if !bullet || out.is_empty() {
                break;
            }
            pos = next;
            continue;
        };
        let tail_line = line_at(text, last.full.end.min(text.len()));
        let tail_end = tail_line.end.max(last.full.end);
        if !ITEM_HEAD.is_match(&text[line.start..first.full.start.max(line.start)])
            || !ITEM_TAIL.is_match(&text[last.full.end..tail_end])
        {
            break;
        }
        out.extend(items);
        pos = (tail_end + 1).min(text.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::people::testing::{finds, none};

    const S: Involvement = Involvement::Signatory;

    #[test]
    fn blocks_under_a_heading() {
        finds(
            &SigningList,
            "Signataires :\n- Paul Roche, préfet du Var\n- Anne Brun, maire de Hyères\n\nLe \
             contrat court jusqu'en 2030. Lucie Morin, maire de Toulon, salue l'accord.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SigningList,
            "Les signataires\n\n- Préfet du Var : Paul Roche\n- Maire de Hyères : Anne Brun\n",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SigningList,
            "Le contrat a été signé par :\n\nPaul Roche\nPréfet du Var\n\nAnne Brun\nMaire de \
             Hyères\n\nIl entre en vigueur.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        finds(
            &SigningList,
            "Ont signé le contrat :\nPour l'État : Paul Roche, préfet du Var\nPour la Ville : \
             Anne Brun, maire\nPaul Roche a rappelé l'enjeu.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn a_signature_page_in_two_columns() {
        // Roles in two columns, run over two lines, room left for the signatures.
        let page = "Fait a Tulle, le 3 juillet 2015, en six exemplaires.\n\n\n\
                    Le Préfet de la Corrèze,              Le Président de la Communauté\n\
                    \x20                                     d'agglomération de Tulle,\n\n\n\n\
                    Paul ROCHE                            Marc VIEL\n\n\n\
                    Le Maire de Tulle,                    Le Directeur de la Caisse\n\
                    \x20                                     d'allocations familiales,\n\n\n\n\
                    Anne BRUN                             Luc MORIN\n";
        finds(&SigningList, page, &["Paul ROCHE", "Marc VIEL", "Anne BRUN", "Luc MORIN"], S);
        // The rest of a role on its own line without a comma ("du Gard").
        let page = "Fait à Lunel, le 2 octobre 2015, en six exemplaires.\n\n\
                    La Préfète du Gard                 Le Président de la Communauté de communes\n\
                    \x20                                  Pays de Lunel\n\
                    Anne BRUN                          Marc VIEL\n\n\n\
                    Le Maire de Lunel                  Le Président du Conseil départemental\n\
                    \x20                                  du Gard\n\
                    Paul ROCHE                         Jean-Louis MORIN\n";
        finds(&SigningList, page, &["Anne BRUN", "Marc VIEL", "Paul ROCHE", "Jean-Louis MORIN"], S);
        // Without the closing formula, two blank lines still end a block.
        finds(
            &SigningList,
            "Signataires :\nPaul Roche, préfet du Var\n\n\n\nAnne Brun, maire de Hyères, a \
             parlé.\n",
            &["Paul Roche"],
            S,
        );
    }

    #[test]
    fn ranked_roles_in_a_block() {
        // A rank before the role word ("1er adjoint", "deuxième vice-présidente") keeps the
        // line an item of the block, and the lines after it too.
        finds(
            &SigningList,
            "Signataires présents :\n- M. ROCHE Paul, Préfet du Gard\n- M. VIEL Marc, 1er \
             adjoint au Maire de Lunel\n- Mme N'DIAYE Awa, Deuxième vice-présidente de la \
             Région\n- Mme BRUN Anne, Directrice de la CAF\n",
            &["Paul ROCHE", "Marc VIEL", "Awa N'DIAYE", "Anne BRUN"],
            S,
        );
        // A rank before a word that is no role is no role.
        none(&SigningList, "Signataires :\n- 1er quartier Paul Roche\n");
    }

    #[test]
    fn a_flattened_page_without_accents() {
        finds(
            &SigningList,
            "Avenant au contrat de ville 3 Fait a Laval, le 4 mars 2024 Pour l Etat, le Prefet de la Mayenne, Paul ROCHE Pour Laval Agglomeration, le President, Marc VIEL Pour la Ville de Laval, le Premier adjoint, par delegation du Maire, Luc BRUN Pour le Departement, le President Pour la CAF, la Directrice, Anne MORIN",
            &["Paul ROCHE", "Marc VIEL", "Luc BRUN", "Anne MORIN"],
            S,
        );
        // A line that only tells where something was made is no signature page.
        none(
            &SigningList,
            "Le rapport a ete fait a Laval par les services de la Ville de Laval, avec Paul ROCHE, habitant du quartier des Pommeraies, qui a souhaite temoigner longuement.",
        );
    }

    #[test]
    fn signature_blocks_by_party() {
        finds(
            &SigningList,
            "Le contrat a été signé le 3 juin 2024.\n\nPour l'État\nLe préfet du Var\nPaul \
             Roche\n\nPour la Ville\nLa maire de Hyères\nAnne Brun\n",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        none(&SigningList, "Le contrat.\n\nPour l'État\nLe préfet du Var\nPaul Roche\n");
        // A PDF's signature page in two columns, a party's line holding its signer's role.
        finds(
            &SigningList,
            "Fait à Hyères, le 3 juin 2024.\nPour l'État,                    Pour la Ville de Hyères,\nle préfet du Var                 la maire\nPaul Roche                       Anne Brun\nPour la Région, le vice-président,\nMarc Viel\n",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            S,
        );
        // A PDF's signature page: each party on its line, with a comma, its role, its signer.
        finds(
            &SigningList,
            "Fait à Hyères, le 3 juin 2024\n\nPour l'État,\nLe préfet du Var\nPaul Roche\n\nPour la communauté d'agglomération,\nLe président\nMarc Viel\n\nPour la Ville de Hyères,\nLa maire\nAnne Brun\n",
            &["Paul Roche", "Marc Viel", "Anne Brun"],
            S,
        );
        none(
            &SigningList,
            "Le contrat a été signé.\n\nPour en savoir plus\nPaul Roche, chargé de mission\n",
        );
    }

    #[test]
    fn blocks_after_the_place_of_signing() {
        finds(
            &SigningList,
            "Fait à Hyères, le 3 juin 2024\nLe Préfet du Var, Paul Roche\nLa Maire de Hyères, \
             Anne Brun\n",
            &["Paul Roche", "Anne Brun"],
            S,
        );
        // A PDF signature page: each role on its line, blank lines between.
        finds(
            &SigningList,
            "Fait à Hyères, le 3 juin 2024\n\nLe Préfet du Var\n\nPaul Roche\n\nLe Procureur de la \
             République près le tribunal judiciaire de Toulon,\nMarc Morel\n\nLA MAIRE DE \
             HYÈRES\n\nAnne Brun\n\nLe Président de la CAF du Var\n\nMarc Viel\n",
            &["Paul Roche", "Marc Morel", "Anne Brun", "Marc Viel"],
            S,
        );
        // A sentence after the block ends it, even when it opens with a role.
        finds(
            &SigningList,
            "Fait à Hyères, le 3 juin 2024\n\nLe Préfet du Var\n\nPaul Roche\n\nLe maire a \
             ensuite rappelé le rôle des habitants.\n\nAnne Brun\n",
            &["Paul Roche"],
            S,
        );
    }

    #[test]
    fn parties_named_without_an_article() {
        finds(
            &SigningList,
            "Fait à Blois, le 3 juin 2024\n\nPour l'État\nLe préfet\nPaul Roche\n\nPour \
             Agglopolys\nLe président\nMarc Viel\n\nPour Val Habitat\nLa directrice\nAnne \
             Brun\n",
            &["Paul Roche", "Marc Viel", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn signature_blocks_flattened_onto_one_line() {
        finds(
            &SigningList,
            "Contrat de ville de Blois. Fait à Blois, le 3 juin 2024 Pour l'État Le Préfet du \
             Loir-et-Cher Paul ROCHE Pour Agglopolys Le Président Marc VIEL Pour la Ville La \
             Maire Anne Brun",
            &["Paul ROCHE", "Marc VIEL", "Anne Brun"],
            S,
        );
        finds(
            &SigningList,
            "Le contrat comprend dix articles. Fait à Lunel, le 04/03/2024 La Préfète de \
             l'Hérault Anne Brun Le Président de Pays de Lunel Marc Viel Le document entre en \
             vigueur dès sa signature. Paul Roche, directeur, l'a rappelé.",
            &["Anne Brun", "Marc Viel"],
            S,
        );
        // A sentence after the formula, or names without any role, are no block.
        none(
            &SigningList,
            "Le contrat comprend dix articles et ses annexes, que chacun peut lire. Fait à \
             Lunel, le 4 mars 2024. Le texte a été relu par les services. Anne Brun et Marc \
             Viel en ont parlé.",
        );
    }

    #[test]
    fn table_rows() {
        use crate::ingest::normalise::normalise;
        use crate::record::Format;
        let text = "Les signataires\n| Signataire | Fonction\n| Paul Roche | Préfet du Var\n| Anne \
                    Brun | Maire de Hyères\nLe contrat court jusqu'en 2030.\n";
        let norm = normalise(text);
        let doc = Doc { id: "t", format: Format::Html, clean: text, norm: &norm };
        let mut out = Candidates::default();
        SigningList.apply(&doc, &mut out);
        let names: Vec<&str> = out.people.iter().map(|p| p.name.as_str()).collect();
        assert_eq!(names, ["Paul Roche", "Anne Brun"]);
    }

    #[test]
    fn lists_after_a_colon() {
        finds(
            &SigningList,
            "Ils étaient trois à la signature du contrat : Paul Roche, préfet du Var, Anne Brun, \
             maire de Hyères, et Marc Viel, président de l'agglomération.",
            &["Paul Roche", "Anne Brun", "Marc Viel"],
            S,
        );
        finds(
            &SigningList,
            "Le contrat a été signé le 3 juin : pour l'État, Paul Roche, préfet du Var ; pour la \
             communauté d'agglomération, Anne Brun, présidente.",
            &["Paul Roche", "Anne Brun"],
            S,
        );
    }

    #[test]
    fn not_lists_of_signatories() {
        none(&SigningList, "Signature du contrat : Paul Roche salue un engagement fort.");
        none(&SigningList, "Le contrat sera signé par :\n- Paul Roche, préfet du Var\n");
        none(&SigningList, "Les partenaires :\n- Paul Roche, préfet du Var\n");
        none(
            &SigningList,
            "Signataires : voir l'annexe.\n\nPaul Roche, préfet du Var, a salué le travail.",
        );
    }
}
