//! `orgs.between`: the parties of a contract's own preamble, "ENTRE : l'État, représenté par
//! ... ; la commune de X, représentée par ... ; ...", laid out one party a line or a paragraph,
//! or flattened on one line by a PDF-to-text conversion (apostrophes and accents lost).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::items::{Mode, items};
use super::{push_signatories, trimmed};
use crate::rules::{Candidates, Doc, Rule};

pub(super) const ID: &str = "orgs.between";

/// Finds the parties listed after "ENTRE" in a contract's preamble, each named before
/// "représenté(e) par".
///
/// Finds: "ENTRE :\nL'État, représenté par M. X, préfet de l'Ain ;\nLa commune de Belley,
/// représentée par Mme Y, maire ;\n..." → État, commune de Belley; the same flattened on one
/// line without apostrophes ("ENTRE : L Etat, represente par ... ; la commune de Belley,
/// representee par ..."); "Entre l'État, représenté par le préfet, et la Ville de Gex,
/// représentée par son maire, il est convenu ce qui suit".
///
/// Does not find: "entre" in a sentence with no party represented ("un écart entre les
/// quartiers et la ville"), the persons who represent the parties (the people rules' business),
/// what follows the end of the preamble ("il est convenu", "préambule", "article 1").
pub struct Between;

/// The opening of the preamble: "ENTRE" in capitals, "Entre" opening a line or before a colon,
/// "Entre les soussignés" anywhere (a flattened PDF), or a line ending with the contract
/// "conclu entre :" / "passé entre" (the parties on the next lines).
static OPENING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?m)\bENTRE\b\s*:?|^[ \t]*Entre\b\s*:?|\bEntre\s*:|\b(?i:entre\s+les\s+(?:soussignés|soussignes|parties|signataires))\b\s*:?|\b(?i:conclue?s?|passée?s?|établie?s?|signée?s?)\s+(?i:entre)\s*:?[ \t]*$")
        .expect("valid regex")
});

/// Where the preamble ends.
static END: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bil\s+(?:a\s+été|est)\s+convenu|\bpr[ée]ambule\b|\barticle\s+(?:1|premier)\b|\bvu\s+la\s+loi\b|\n[ \t]*\n[ \t]*\n")
        .expect("valid regex")
});

/// "représenté(e) par", with or without accents: the party's name comes before it.
static REPRESENTED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i),?\s*repr[ée]sent[ée]e?s?\s+par\b").expect("valid regex"));

/// Where one party ends and the next starts: a semicolon, a line break, ", et", "ET".
static SEPARATOR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r";|\n|,\s*et\s+|\bET\b\s*:?").expect("valid regex"));

/// An article whose apostrophe was lost ("L Etat", "l Agence").
static BARE_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[Ll]|[Dd])\s+(?:\p{Lu}|[aeiouAEIOU])").expect("valid regex"));

/// An article glued to the name when its apostrophe was lost ("LEtat", "LAgence").
static GLUED_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[LD][AEIOUÉ]\p{Ll}").expect("valid regex"));

impl Rule for Between {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for block in preambles(text) {
            let mut seen = Vec::new();
            for piece in pieces(text, block.clone()) {
                let Some(cut) = REPRESENTED.find(&text[piece.clone()]) else {
                    push_signatories(doc, bare_party(text, piece), ID, &mut seen, out);
                    continue;
                };
                let mut name = trimmed(text, piece.start..piece.start + cut.start());
                if let Some(m) = BARE_ARTICLE.find(&text[name.clone()]) {
                    // Skip the lone letter and its space; keep the name's first letter.
                    let first =
                        text[name.start + m.start()..].chars().next().map_or(1, char::len_utf8);
                    name.start += first;
                    name = trimmed(text, name);
                }
                if GLUED_ARTICLE.is_match(&text[name.clone()]) {
                    name.start += 1;
                }
                let found = items(text, name, Mode::Explicit);
                if let [one] = found.as_slice() {
                    push_signatories(doc, vec![one.clone()], ID, &mut seen, out);
                }
                let tail = piece.start + cut.end()..piece.end;
                if let Some((_, after)) = trailing_parties(text, tail) {
                    push_signatories(doc, after, ID, &mut seen, out);
                }
            }
        }
    }
}

/// A party of the preamble listed without its representative, among represented ones ("- la
/// CAF de l'Ain ;", "France Travail,"): a piece that is one name of a known kind and nothing
/// else but its article, a list marker and its closing punctuation (not "d'une part", not "Vu la
/// délibération du Conseil départemental"). Two such names joined by "et" are two parties
/// ("Ain Habitat et Dynacité,"); a description set off after them ("..., bailleurs sociaux,")
/// or a sub-unit ("Pôle emploi, Direction territoriale de l'Ain,") belongs to them.
fn bare_party(text: &str, piece: Range<usize>) -> Vec<super::items::Item> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\s*(?:[-•–*]\s*)?(?:(?:l['’]|la\s+|le\s+|les\s+|l\s+)\s*)?$")
            .expect("valid regex")
    });
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^(?:\s*,\s*(?:\p{Ll}[^,;.]*|(?i:direction|délégation|agence)\s[^,;.]*))?[\s,;.]*$",
        )
        .expect("valid regex")
    });
    static BETWEEN: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^\s*(?:,|,?\s*et)\s*$").expect("valid regex"));
    static SUB_UNIT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:direction|délégation|agence)\s").expect("valid regex")
    });
    if text[piece.clone()].chars().count() > 120 {
        return Vec::new();
    }
    // A sub-unit follows its body ("Pôle emploi, Direction territoriale"); a piece that opens
    // with "Agence" names a body of its own ("L'Agence régionale de santé ;").
    let found: Vec<_> = items(text, piece.clone(), Mode::Loose)
        .into_iter()
        .enumerate()
        .filter(|(k, i)| {
            (*k == 0 || !SUB_UNIT.is_match(&i.name)) && !i.name.starts_with(char::is_lowercase)
        })
        .map(|(_, i)| i)
        .collect();
    let (Some(first), Some(last)) = (found.first(), found.last()) else { return Vec::new() };
    let sound = found.len() <= 2
        && found.iter().all(known_party)
        && found.windows(2).all(|w| BETWEEN.is_match(&text[w[0].range.end..w[1].range.start]))
        && BEFORE.is_match(&text[piece.start..first.range.start])
        && AFTER.is_match(&text[last.range.end..piece.end]);
    if sound { found } else { Vec::new() }
}

/// The parties listed without a representative after a represented one, in a preamble
/// flattened with commas only: "L Etat, représenté par M. A, Préfet de l Aude, Le Procureur de
/// la République près le TGI de Narbonne, La Ville, représentée par ..." leaves the prosecutor
/// in the State's representative stretch `tail`. A party there opens a comma-separated part
/// (not the first) with a capitalised article and is a proper name of a known kind; the
/// representative's role after the name has no article ("Préfet de l Aude"). Returns where
/// the representative stretch ends (the comma before the first party) and the parties.
fn trailing_parties(text: &str, tail: Range<usize>) -> Option<(usize, Vec<super::items::Item>)> {
    static OPENS_PARTY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:Le|La|Les|L['’]|L(?:\s|[AEIOUÉ]))\s*\p{Lu}").expect("valid regex")
    });
    let s = &text[tail.clone()];
    for (comma, _) in s.match_indices(',') {
        let start = tail.start + comma + 1;
        if !OPENS_PARTY.is_match(&text[start..tail.end]) {
            continue;
        }
        let found = items(text, start..tail.end, Mode::Loose);
        let joined = found.windows(2).all(|w| {
            let gap = text[w[0].range.end..w[1].range.start].trim();
            gap.is_empty() || gap == "," || gap == "et" || gap == ", et"
        });
        if !found.is_empty() && joined && found.iter().all(known_party) {
            return Some((tail.start + comma, found));
        }
    }
    None
}

/// Whether `item` is a proper name of a known institutional kind ("Procureur de la République
/// près le TGI de Tarbes", "Ville de Gex"), not a description or a body of no known kind.
fn known_party(item: &super::items::Item) -> bool {
    item.kind.is_some_and(|k| k != "other")
        && !item.name.starts_with(char::is_lowercase)
        && super::party_sentence::proper(&item.name)
}

/// The preambles of `text` that list parties represented by someone: the stretch after "ENTRE"
/// up to its end. Shared with the people rule that finds who represents each party.
pub(crate) fn preambles(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(open) = OPENING.find_at(text, from) {
        from = open.end();
        let limit = text.floor_char_boundary(open.end() + 3000);
        let end = END.find(&text[open.end()..limit]).map_or(limit, |m| open.end() + m.start());
        if REPRESENTED.is_match(&text[open.end()..end]) {
            out.push(open.end()..end);
            from = end.max(from);
        }
    }
    out
}

/// The stretches of the preamble `block` that name who represents a party: from after each
/// "représenté(e) par" to the end of that party. Shared with the people rule.
pub(crate) fn representatives(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    pieces(text, block)
        .into_iter()
        .filter_map(|piece| {
            let cut = REPRESENTED.find(&text[piece.clone()])?;
            let tail = piece.start + cut.end()..piece.end;
            let end = trailing_parties(text, tail.clone()).map_or(tail.end, |(end, _)| end);
            Some(tail.start..end)
        })
        .collect()
}

/// The parties of the preamble in `block`, cut at separators.
fn pieces(text: &str, block: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = block.start;
    for sep in SEPARATOR.find_iter(&text[block.clone()]) {
        if sep.as_str() == "\n"
            && wrapped(
                &text[block.start..block.start + sep.start()],
                &text[block.start + sep.end()..block.end],
            )
        {
            continue;
        }
        out.push(start..block.start + sep.start());
        start = block.start + sep.end();
    }
    out.push(start..block.end);
    out.into_iter()
        .flat_map(|r| by_comma(text, r))
        .map(|r| trimmed(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Whether the line break between `before` and `after` only wraps a party's line, as a PDF
/// conversion does: the line ends on "représenté(e) par" or a hyphen cutting a word, or the
/// next line opens with a civility ("représentée par sa directrice,\nMme A", "représentée
/// par\nson président, M. B", "délibé-\nration"). A line that ends a party and a next one
/// that opens another ("La Commune de X, ...", "la Région, ...") stay apart.
fn wrapped(before: &str, after: &str) -> bool {
    static ENDS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:repr[ée]sent[ée]e?s?\s+par|\p{L}-)[ \t]*$").expect("valid regex")
    });
    static GOES_ON: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]*(?:M\.|Mme|Madame|Monsieur)\s").expect("valid regex"));
    ENDS.is_match(before) || GOES_ON.is_match(after)
}

/// A piece naming several parties separated by commas only ("L'État, représenté par M. X,
/// préfet, la Ville d'Albi, représentée par Mme Y, maire, ..."), as a PDF conversion leaves
/// them: cut at the last comma before each "représenté(e) par" after the first.
fn by_comma(text: &str, piece: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[piece.clone()];
    let cuts: Vec<(usize, usize)> =
        REPRESENTED.find_iter(s).map(|m| (m.start(), m.end())).collect();
    let mut out = Vec::new();
    let mut start = 0;
    for pair in cuts.windows(2) {
        let [(_, prev_end), (next, _)] = pair else { continue };
        // The comma ending the previous representative, before the next party's name.
        if let Some(comma) = s[*prev_end..*next].rfind(',') {
            let at = prev_end + comma;
            out.push(piece.start + start..piece.start + at);
            start = at + 1;
        }
    }
    out.push(piece.start + start..piece.end);
    out
}

#[cfg(test)]
mod tests {
    use super::super::testing::signatories;
    use super::*;

    #[track_caller]
    fn check(text: &str, expected: &[&str]) {
        assert_eq!(signatories(&Between, text), expected, "{text:?}");
    }

    #[test]
    fn a_preamble_opened_mid_line() {
        check(
            "CONTRAT DE VILLE DE SEES Entre les soussignés : L Etat, représenté par le Préfet de l Orne, La Ville de Sées, représentée par son Maire, Orne Habitat, représenté par son Directeur, Il a été convenu ce qui suit : Article 1",
            &["État", "Ville de Sées", "Orne Habitat"],
        );
        check(
            "Contrat de ville. Entre : l'État, représenté par le préfet, et la Ville de Gex, représentée par son maire ; il est convenu ce qui suit.",
            &["État", "Ville de Gex"],
        );
        // "entre" in a sentence: no preamble.
        check(
            "Les écarts entre les quartiers, représentés par les conseils citoyens, et la ville restent forts.",
            &[],
        );
    }

    #[test]
    fn a_preamble_one_party_a_line() {
        check(
            "CONTRAT DE VILLE 2024-2030\n\nENTRE :\n\nL'État, représenté par M. Paul Roche, préfet de l'Ain ;\n\nLa commune de Belley, représentée par Mme Anne Brun, maire ;\n\nLa communauté de communes Bugey Sud, représentée par M. Marc Viel, président ;\n\nLa Caisse d'allocations familiales de l'Ain, représentée par sa directrice ;\n\nIl est convenu ce qui suit.\n\nLa Région, représentée par son président.\n",
            &[
                "État",
                "commune de Belley",
                "communauté de communes Bugey Sud",
                "Caisse d'allocations familiales de l'Ain",
            ],
        );
    }

    #[test]
    fn a_preamble_with_wrapped_lines() {
        let text = "CONTRAT DE VILLE\n\nENTRE\n\nL Etat, représenté par Monsieur Paul ROCHE, Préfet du Gard,\n\nLa Communauté d agglomération d Alès, représentée par\nson Président, M. Marc VIEL, habilité par délibé-\nration du conseil,\n\nLa Caisse d Allocations Familiales du Gard, représentée par sa Directrice,\nMme Anne BRUN,\n\nd autre part,\n\nVu la loi";
        check(
            text,
            &[
                "État",
                "Communauté d'agglomération d'Alès",
                "Caisse d'Allocations Familiales du Gard",
            ],
        );
        let people = crate::rules::testing::run(
            crate::rules::people::RULES,
            text,
            crate::record::Format::Text,
            None,
        )
        .people;
        for name in ["Paul ROCHE", "Marc VIEL", "Anne BRUN"] {
            assert!(
                people
                    .iter()
                    .any(|p| p.name == name
                        && p.involvement == crate::record::Involvement::Signatory),
                "{name}: {people:?}"
            );
        }
        // Parties without a representative: two landlords and their description, a body and
        // its sub-unit.
        check(
            "ENTRE\n\nL Etat, représenté par Monsieur Paul ROCHE, Préfet du Gard,\n\nGard Habitat et Alès Habitat, bailleurs sociaux,\n\nPôle emploi, Direction territoriale du Gard,\n\nd autre part,\n\nVu la loi",
            &["État", "Gard Habitat", "Alès Habitat", "Pôle emploi"],
        );
        // A body of its own opening with "Agence" or "Caisse", without its representative.
        check(
            "ENTRE LES SOUSSIGNÉS :\nL'État, représenté par le préfet ;\nL'Agence régionale de santé ;\nLa Caisse de sécurité sociale de Mayotte ;\nPôle emploi.\n\nPréambule",
            &[
                "État",
                "Agence régionale de santé",
                "Caisse de sécurité sociale de Mayotte",
                "Pôle emploi",
            ],
        );
        // Two parties a line each, the second opening with a capital, stay two.
        check(
            "ENTRE\nL'État, représenté par M. Paul Roche, préfet\nLa Ville d'Alès, représentée par Mme Anne Brun, maire\nIl est convenu ce qui suit.",
            &["État", "Ville d'Alès"],
        );
    }

    #[test]
    fn a_preamble_flattened_on_one_line() {
        check(
            "CONTRAT DE VILLE ENTRE : L Etat, represente par M. Paul Roche, prefet de l Ain ; la commune de Belley, representee par Mme Anne Brun, maire ; la Caisse d allocations familiales de l Ain, representee par sa directrice ; IL EST CONVENU CE QUI SUIT",
            &["État", "commune de Belley", "Caisse d'allocations familiales de l'Ain"],
        );
    }

    #[test]
    fn a_preamble_flattened_with_commas_only() {
        check(
            "CONTRAT DE VILLE 2024-2030 ENTRE LEtat, représenté par Monsieur Paul Roche, Préfet de la Drôme, La Communauté dagglomération Rives Agglo, représentée par Madame Anne Brun, Présidente, La Ville de Crest, représentée par Monsieur Marc Viel, Maire, ET Il a été convenu ce qui suit",
            &["Etat", "Communauté dagglomération Rives Agglo", "Ville de Crest"],
        );
    }

    #[test]
    fn a_preamble_in_one_sentence() {
        check(
            "Entre l'État, représenté par le préfet de l'Ain, et la Ville de Gex, représentée par son maire, il est convenu ce qui suit.",
            &["État", "Ville de Gex"],
        );
    }

    #[test]
    fn parties_listed_without_their_representative() {
        check(
            "Entre les soussignés :\n- l'État, représenté par le préfet du Gers ;\n- la Ville d'Auch, représentée par son maire ;\n- le Conseil départemental du Gers ;\n- la CAF du Gers ;\n- France Travail.\n\nVu la délibération du Conseil départemental du Gers ;\nIl est convenu ce qui suit.",
            &[
                "État",
                "Ville d'Auch",
                "Conseil départemental du Gers",
                "CAF du Gers",
                "France Travail",
            ],
        );
        // Words of the preamble that are no party.
        check(
            "ENTRE\nL'État, représenté par le préfet du Gers, d'une part,\nET\nLes communes signataires, d'autre part,\nAprès avis du Conseil départemental du Gers,\nIl est convenu ce qui suit.",
            &["État"],
        );
    }

    #[test]
    fn an_office_listed_by_its_long_title() {
        // The public prosecutor signs as an office, named with the court it serves.
        check(
            "ENTRE :\nL'État, représenté par Mme Julie Morel, préfète du Jura,\nLe Procureur de la République près le Tribunal judiciaire de Dole,\nLa CAF du Jura, représentée par sa directrice,\nIl est convenu ce qui suit.",
            &[
                "État",
                "Procureur de la République près le Tribunal judiciaire de Dole",
                "CAF du Jura",
            ],
        );
        check(
            "ENTRE L Etat, représenté par M. Paul Roche, Préfet de l Aude, Le Procureur de la République près le Tribunal de Grande Instance de Narbonne, la Ville de Narbonne, représentée par son maire, Il est convenu ce qui suit",
            &[
                "État",
                "Procureur de la République près le Tribunal de Grande Instance de Narbonne",
                "Ville de Narbonne",
            ],
        );
        // After a representative, his role has no article; a capitalised name of no known kind
        // is no party either.
        check(
            "ENTRE L Etat, représenté par M. Paul Roche, Préfet de l Aude, Le Grand Quartier Nord, la Ville de Narbonne, représentée par son maire, Il est convenu ce qui suit",
            &["État", "Ville de Narbonne"],
        );
        // A person who is the prosecutor signs; the office is no party then.
        check(
            "ENTRE :\nL'État, représenté par Mme Julie Morel, préfète du Jura,\nM. Marc Viel, procureur de la République près le tribunal judiciaire de Dole,\nIl est convenu ce qui suit.",
            &["État"],
        );
    }

    #[test]
    fn entre_without_represented_parties() {
        check("Entre 2015 et 2023, l'écart entre les quartiers et la ville s'est creusé.", &[]);
        check("Le contrat a été signé entre l'État et la Ville, représentée par son maire.", &[]);
    }
}
