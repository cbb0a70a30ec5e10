//! The item grammar the list rules share: a stretch of text that lists the parties of a contract
//! ("la Région Bretagne, le Département du Finistère, France Travail et les bailleurs Archipel
//! Habitat et Néotoa") becomes the organisations it names.
//!
//! The stretch is cut on `;`, `,`, `…` and bullets (not inside parentheses), then on " et " when
//! what follows opens a new name (not in "Chambre de métiers et de l'artisanat" nor in a known
//! bailleur such as "Maisons et Cités"). Each item loses its lead-in words ("ainsi que par les",
//! "aux côtés de", "Madame la") and what follows a verb, then is judged:
//! - an official's role ("préfète du Pas-de-Calais") is listed when no person's name stands next
//!   to it and it is singular ("les maires des communes" is a collective group);
//! - a person's name next to a role is not an organisation;
//! - a collective group ("les villes", "leurs partenaires") is not;
//! - a name with a known kind (`kinds.tsv`) or a known bailleur is; so is any name after a
//!   bailleur lead-in ("les bailleurs Moselis et Batigère");
//! - in an explicit list (a heading, a colon, "signé avec", "aux côtés de"), any capitalised name
//!   is ("Caen la Mer"); in a loose one (a sentence whose verb says its subjects signed), only
//!   names of a known kind are.
//!
//! A plural head shared by two complements is distributed: "les CAF de l'Essonne et de
//! Seine-et-Marne" → "CAF de l'Essonne", "CAF de Seine-et-Marne".

use std::collections::HashMap;
use std::ops::Range;
use std::sync::LazyLock;

use aho_corasick::AhoCorasick;

use crate::rules::text::Regex;

use super::lexicon;
use crate::gazetteer;
use crate::rules::people::names;

/// How a list was introduced, which decides how much a name must prove.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Mode {
    /// A heading, a colon, "signé avec", "aux côtés de": any capitalised name is a party.
    Explicit,
    /// The subjects of a signing verb: only names of a known kind.
    Loose,
}

/// An organisation found in a list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Item {
    /// Byte range in the normalised text (what the evidence points at).
    pub range: Range<usize>,
    /// The name as written, without article, white space collapsed.
    pub name: String,
    pub kind: Option<&'static str>,
    pub abbreviation: Option<String>,
}

/// A piece of the list before judgement.
#[derive(Debug, Clone)]
struct Piece {
    range: Range<usize>,
    /// A name built from a distributed plural head ("CAF de l'Essonne").
    built: Option<String>,
    /// After a bailleur lead-in ("les bailleurs X, Y et Z").
    bailleur: bool,
    /// The lead-in was "les"/"des": a plural group.
    plural: bool,
    /// The raw piece ends with a person's name ("... aux côtés de Marc Durand").
    person_tail: bool,
    /// The raw piece went on after a verb ("préfet ont signé Paul Martin"): its tail is no
    /// complement of the name.
    cut: bool,
    /// Joined to the previous piece by "et" (a new party), not by a comma (an apposition).
    after_et: bool,
    /// After "à": maybe a place ("signé à la préfecture").
    to: bool,
}

/// The body that steers a piece of work ("sous le pilotage de la Métropole", "sous l'égide de
/// l'État"), a party like those listed with it.
const STEERED: &str = r"(?i:sous\s+(?:le|la|l')\s*(?:co-?)?(?:pilotage|conduite|houlette|égide|coordination|responsabilité|impulsion)\s+(?:conjointe?\s+)?(?:de\s+la|de\s+l'|du|des|de|d'))";

static LEAD_IN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:[-*•·–—>:]+\s*|(?:et|ou\s+encore|ou|puis|{STEERED}|c[ôo]té|(?-i:POUR|Pour|AU\s+NOM\s+D(?:E|U|ES|')|Au\s+nom\s+d(?:e|u|es|'))|avec\s+pour\s+partenaires?|avec\s+le\s+(?:concours|soutien)|avec\s+l'appui|en\s+(?:partenariat|lien|collaboration|association|concertation|coopération|liaison|co-?construction)\s+(?:étroite?\s+)?avec|conjointement\s+avec|avec|par|outre|en\s+plus|entre|dont|notamment|enfin|également|aussi|ainsi\s+qu'|ainsi\s+que|mais\s+aussi|mais\s+également|sans\s+oublier|de\s+même\s+qu'|de\s+même\s+que|tout\s+comme|ou\s+encore|à\s+savoir|en\s+particulier|y\s+compris|aux\s+côtés|au\s+côté|autour|parmi\s+(?:lesquels|lesquelles|eux|elles)|(?:sign|paraph|cosign|contresign)ée?s?\s+par|(?:suivi|rejoint|accompagné|soutenu|appuyé)e?s?\s+(?:par|de)|(?:les\s+|des\s+|le\s+|la\s+)?(?:représentant(?:e|s|es)?|directeurs|directrices|dirigeants|responsables)\s+(?:de\s+la|de\s+l'|du|des|de|d'))\b\s*)",
    ))
    .expect("valid regex")
});

/// "à" before a party ("le contrat lie la Ville à l'État, à la Région").
static TO: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^à\s+(?:la\s+|l'|les\s+)?").expect("valid regex"));

static ARTICLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^(?:(?P<hon>madame\s+la|monsieur\s+le|mme|m\.)\s+|(?P<art>(?:de\s+la|la|le|du|de|au)\s+|(?:de\s+l'|l'|d')\s*|(?:de\s+)?(?-i:[ld])\s+)|(?P<pl>les|des|aux)\s+)",
    )
    .expect("valid regex")
});

/// A list's heading glued to its first item when a page lost its tags ("Signatairesl'État",
/// "PARTENAIRESRégion Normandie"): the heading word is dropped.
static GLUED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<h>(?:Signataires|SIGNATAIRES|Partenaires|PARTENAIRES|Signatures|SIGNATURES)[ \t]*:?[ \t]*)(?:\p{Lu}|[ld]')")
        .expect("valid regex")
});

/// An article glued to the name its lost apostrophe joined it to ("lEtat", "dAlençon").
static GLUED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ld][AEIOUYÉÈÊÂÎÔ]\p{Ll}").expect("valid regex"));

static BAILLEUR_LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:bailleurs?|organismes?\s+hlm|offices?\s+hlm|offices?\s+publics?(?:\s+de\s+l'habitat)?)(?:\s+(?:sociaux|social|publics|hlm))?\s+(?P<next>(?-i:\p{Lu})|\d|(?-i:\p{Ll}+\d+\p{Lu}))")
        .expect("valid regex")
});

/// Where an item stops: a verb or a clause after the name ("... va permettre à la Ville"), or
/// a new sentence whose break a flattened page lost: a capitalised article or pronoun before a
/// lower-case word or a number ("... de Vesoul Le 3 mars", "... la CAF Les actions"; not "Le
/// Mans", "La Rochelle").
static STOP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\s(?:Le|La|Les|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Un|Une|Dans|Depuis|Lors|Après|Avec|Selon|Ainsi|Enfin)\s+(?:\p{Ll}|\d)|\sL'\p{Ll}|\s(?:en|y)\s+(?:sont|est|ont|a|seront|sera|étaient|était)\b|\s(?:représentée?s?\s+par|en\s+la\s+personne\s+d|par\s+la\s+voix\s+d)|\s(?:va|vont|a|ont|est|sont|sera|seront|avait|avaient|[ée]tait|[ée]taient|qui|que|afin|lors|dans|depuis|pendant|durant|ce|cette|leur|leurs)\b|\s(?:qu|s)'|\sse\s|\sen\s+présence\b|\s(?:le|au)\s+(?:nouveau|contrat|document|titre|sein)\b|\spour\s+(?:la\s+période|les\s+\d|\d|six|cinq|sept|huit|dix|une\s+durée|(?:co-?)?signer|parapher|officialiser|sceller|agir|mener|favoriser|améliorer|renforcer|lutter|réduire|accompagner|développer|soutenir)\b|\s(?:autour|jusqu)\b|\sau\s+moment\b|\set\s+\p{Ll}+(?:é|ée|és|ées)\s+par\b|\s(?:le\s+|ce\s+)?(?:\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)|(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\b)|\sen\s+tête\b|\sen\s+faveur\b|\spar\s+(?:son|sa|ses|leur|leurs)\s|\s\p{Ll}+[^m\s'’]ent\s+(?:aussi|également|encore|désormais|ensemble|parmi|au|aux|à|dans|le|la|les|l['’]|leur|leurs|sa|son|ses|ce|cet|cette|ces)\b|\ssur\s+(?:la\s+période|\d|six|cinq)\b",
    )
    .expect("valid regex")
});

static ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?P<abbr>\p{Lu}[\p{Lu}\d&.\-]{1,11})\)\s*$").expect("valid regex")
});

static MID_ABBREVIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\s*\((?P<abbr>\p{Lu}[\p{Lu}\d&.\-]{1,11})\)\s+").expect("valid regex")
});

/// Plural heads a list of complements shares.
const HEADS_PLURAL: &str = r"départements|régions|caf|caisses\s+d'allocations\s+familiales|villes|communes|municipalités|mairies|conseils\s+départementaux|conseils\s+régionaux|académies|cpam|préfectures";

static PLURAL_HEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:et\s+|ainsi\s+que\s+)?(?:les|des)\s+(?P<head>{HEADS_PLURAL})\s+(?P<a>(?:de\s+la|de\s+l'|du|des|de|d')\s*[^,;]+?)\s+et\s+(?P<b>(?:de\s+la|de\s+l'|du|des|de|d')\s*[^,;]+)$"
    ))
    .expect("valid regex")
});

/// A building or room after "à" names where the signing took place ("à la préfecture d'Albi",
/// "à l'Hôtel de Région", "à la Maison de quartier"), not a party.
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:sous-)?préfecture|mairie|h[ôo]tel|siège|locaux|salle|salons?|maison|palais|espace|médiathèque|centre\s+(?:social|culturel|socio-?culturel|de\s+congrès))\b")
        .expect("valid regex")
});

static DATE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre|le\s+\d)\b")
        .expect("valid regex")
});

/// A heading, a link label or a caption taken for a name: it opens with a year ("2018 Le
/// bilan", "2024-2030 aux côtés de la CAF"), with a verb of a link ("Découvrir les actions",
/// "Télécharger le contrat"), with an event ("Signature du contrat de X par Y"), a time
/// adverbial ("Après une dernière réunion des services") or a preposition opening a sentence
/// ("Sur les 40 communes de la communauté urbaine"), or it speaks
/// of the contracts themselves ("L'évaluation des contrats de ville"), or it is a table's
/// column header ("Signataire | Représenté par", "Organisme | Fonction").
static NOT_A_BODY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:(?:19|20)\d{2}\b|(?:découvr|consult|télécharg|accéd|retrouv|cliqu|partag|imprim)\p{L}*\b|(?:lire|voir)\s|(?:signature|inauguration|lancement|présentation)\s+(?:du|de|des|d')\b|(?:après|avant|lors|depuis|pendant|durant|dès|grâce|sur|dans|parmi|selon|chez)\s)|\bcontrats?\s+de\s+ville\b|^(?:signataires?|signatures?|représentée?s?\s+par|partenaires?|organismes?|structures?|institutions?|fonctions?|qualités?|noms?|rôles?)$")
        .expect("valid regex")
});

/// "l'ex-Pays de Lunel": a former body, named as it was.
static FORMER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^ex[\s-]+\p{Lu}").expect("valid regex"));

/// Whether `name` is "services de l'État": the State, named so.
fn state_services(name: &str) -> bool {
    lexicon::words(name) == "services de l etat"
}

/// An agreement or a part of one, not a party ("Contrat 2024-2030", "la convention", "Article
/// premier", "Annexe 2"), or a photo credit ("Photo J. Martin").
static AGREEMENT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:contrats?|protocoles?|conventions?|avenants?|articles?\s+(?:\d|premier|unique)|annexes?|chapitres?\s+\d|préambule|photos?|crédits?\s+photos?)\b")
        .expect("valid regex")
});

/// Plural groups a list may name as one party among named ones ("l'État, la Région, les
/// bailleurs, les chambres consulaires et les associations").
static PLURAL_PARTY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:bailleurs(?:\s+sociaux)?|associations|chambres\s+consulaires)$")
        .expect("valid regex")
});

/// A [`PLURAL_PARTY`] group followed by what places or qualifies it: "bailleurs sociaux de ces
/// quartiers", "bailleurs implantés sur ces territoires", "associations du territoire",
/// "associations locales", "associations œuvrant dans les quartiers".
static PLACED_GROUP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?P<head>bailleurs(?:\s+sociaux)?|associations|chambres\s+consulaires)\s+(?:de\s+(?:ces|ses|leurs|nos|notre|la\s+ville|l'agglomération)\b|du\s+(?:territoire|quartier|département|bassin)\b|des\s+(?:(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|\d+|autres|différents|nombreux)\s+)?quartiers\b|sur\s|dans\s|locaux\b|locales\b|partenaires\b|(?:implant|présent|concern|intervenant|œuvrant|agissant|présents|impliqu)\p{L}*)")
        .expect("valid regex")
});

/// Lower-case words that may open an organisation's name when it has a known kind ("direction
/// des services départementaux de l'Éducation nationale").
const HEADS: &[&str] = &[
    "agence",
    "caisse",
    "centre",
    "chambre",
    "communaute",
    "conseil",
    "delegation",
    "direction",
    "etablissement",
    "federation",
    "fondation",
    "groupement",
    "mission",
    "office",
    "service",
    "syndicat",
    "union",
];

/// Particles of a person's or a place's name.
const PARTICLES: &[&str] = &["de", "du", "d'", "des", "la", "le", "van", "von", "ben", "el", "di"];

/// The organisations listed in `text[seg]`.
pub(super) fn items(text: &str, seg: Range<usize>, mode: Mode) -> Vec<Item> {
    let mut pieces = Vec::new();
    let mut nested = Vec::new();
    let mut bailleur = false;
    let mut parts = Vec::new();
    for chunk in chunks(text, seg) {
        let mut next = Some(chunk);
        while let Some(chunk) = next.take() {
            let (main, rest) = expand_parentheses(text, chunk, &mut nested);
            parts.extend(head_inside(text, main));
            next = rest;
        }
    }
    // The singular of a plural head whose complements go on in the next chunks ("les villes de
    // Dunkerque, Grande-Synthe et Gravelines").
    let mut head: Option<&'static str> = None;
    for chunk in parts {
        let chunk = after_opening(text, after_colon(text, chunk, &mut bailleur));
        // "En l'absence du préfet, c'est la sous-préfète qui a signé": who was away or stood in
        // for is no party of the list.
        if chunk.is_empty() || STOOD_IN_FOR.is_match(&text[chunk.clone()]) {
            continue;
        }
        if let Some(built) = distribute(text, chunk.clone()) {
            pieces.extend(built);
            bailleur = false;
            head = None;
            continue;
        }
        if let Some(singular) = head {
            match continued(text, chunk.clone(), singular, &mut bailleur) {
                Some(built) => {
                    pieces.extend(built);
                    continue;
                }
                None => head = None,
            }
        }
        if let Some((singular, built)) = opened(text, chunk.clone()) {
            pieces.extend(built);
            head = Some(singular);
            bailleur = false;
            continue;
        }
        for part in split_et(text, chunk) {
            let part = before_group_for(text, after_person_for(text, part));
            let first = pieces.is_empty();
            let piece = clean(text, part.clone(), &mut bailleur);
            pieces.push(match first.then(|| subject_tail(text, &part, &piece)).flatten() {
                Some(tail) => tail,
                None => piece,
            });
        }
    }
    let mut out = judge(text, &pieces, mode);
    out.extend(nested);
    out
}

/// A chunk telling who was away or whose place was taken: "en l'absence du préfet", "en
/// remplacement de la maire", "à la place du président".
static STOOD_IN_FOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:en\s+l['’]\s*absence|en\s+remplacement|à\s+la\s+place)\s+d(?:e|u|es|['’])")
        .expect("valid regex")
});

/// A chunk cut before a plural head that opens after " et " ("Vire Normandie et les villes de
/// Condé et de Flers"), so that the head's complements are distributed.
fn head_inside(text: &str, chunk: Range<usize>) -> Vec<Range<usize>> {
    static INSIDE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\s(?:et|ainsi\s+que)\s+(?:les|des)\s+(?:{HEADS_PLURAL})\s+(?:de|d'|du|des)\b"
        ))
        .expect("valid regex")
    });
    match INSIDE.find(&text[chunk.clone()]) {
        Some(m) if m.start() > 0 => {
            let at = chunk.start + m.start();
            vec![trim(text, chunk.start..at), trim(text, at..chunk.end)]
        }
        _ => vec![chunk],
    }
}

/// The ranges between top-level separators.
fn chunks(text: &str, seg: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[seg.clone()];
    let mut out = Vec::new();
    let mut depth = 0i32;
    let mut start = 0;
    let bytes = s.as_bytes();
    // A comma inside a known name ("Beaune, Côte et Sud") separates nothing.
    let protected = protected_names(s);
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' => depth = (depth - 1).max(0),
            ',' if protected.iter().any(|p| p.contains(&i)) => {}
            ',' if depth == 0 => {
                let digits = i > 0
                    && bytes[i - 1].is_ascii_digit()
                    && bytes.get(i + 1).is_some_and(u8::is_ascii_digit);
                if !digits {
                    out.push(seg.start + start..seg.start + i);
                    start = i + 1;
                }
            }
            ';' | '…' | '•' | '|' if depth == 0 => {
                out.push(seg.start + start..seg.start + i);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    out.push(seg.start + start..seg.end);
    out.into_iter()
        .flat_map(|r| flattened(text, r))
        .flat_map(|r| at_party_heading(text, r))
        .map(|r| trim(text, r))
        .filter(|r| !r.is_empty())
        .collect()
}

/// A dash between two items of a flattened list: an en or em dash, or a hyphen with a space on
/// one side at least (not the hyphen of "Saint-Pol-sur-Mer").
pub(super) const DASH_SEPARATOR: &str = r"\s*[–—]\s*|\s+-\s*|\s*-\s+";

/// A list flattened by a web page with dashes or slashes between its items ("État – Région –
/// CAF", "CAF / CPAM / MSA"): cut there when the chunk holds two such separators or more, so
/// that one dash inside a name ("Maisons et Cités – Soginorpa") or one slash between two names
/// of one body ("Pôle emploi / France Travail") stays whole.
fn flattened(text: &str, chunk: Range<usize>) -> Vec<Range<usize>> {
    static DASH: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(DASH_SEPARATOR).expect("valid regex"));
    static SLASH: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\s*/\s*").expect("valid regex"));
    let s = &text[chunk.clone()];
    // Not inside parentheses: "(CAF – CPAM – MSA)" is read by the parenthesis' own pass.
    let outside = |at: usize| s[..at].matches('(').count() <= s[..at].matches(')').count();
    for re in [&*DASH, &*SLASH] {
        let cuts: Vec<Range<usize>> =
            re.find_iter(s).filter(|m| outside(m.start())).map(|m| m.range()).collect();
        // A leading marker ("- la Région") is no separator between two items.
        let between = cuts.iter().filter(|c| !s[..c.start].trim().is_empty()).count();
        if between >= 2 {
            let mut out = Vec::new();
            let mut start = 0;
            for c in cuts {
                out.push(chunk.start + start..chunk.start + c.start);
                start = c.end;
            }
            out.push(chunk.start + start..chunk.end);
            return out;
        }
    }
    vec![chunk]
}

/// A chunk of a signature page flattened onto one line that runs from a signer into the next
/// party's heading ("Paul ROCHE POUR LA VILLE DE LUNEL"): cut before "Pour" / "Au nom de"
/// when a person's name ends the text before it.
fn at_party_heading(text: &str, chunk: Range<usize>) -> Vec<Range<usize>> {
    static HEADING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(?:POUR|Pour|AU\s+NOM\s+D|Au\s+nom\s+d)(?:\s+|')(?:(?:L'|L\s|LA\s|LE\s|LES\s|l'|la\s|le\s|les\s|U\s|E\s|ES\s|u\s|e\s|es\s)\s*)?\p{Lu}")
            .expect("valid regex")
    });
    let s = &text[chunk.clone()];
    let mut out = Vec::new();
    let mut start = 0;
    for m in HEADING.find_iter(s) {
        // Only after a signer's name ("... Paul ROCHE POUR ..."), not inside a heading in
        // capitals ("L'AISNE S'ENGAGE POUR L'AVENIR").
        let tokens: Vec<&str> = s[start..m.start()].split_whitespace().collect();
        let signer = (2..=4.min(tokens.len())).any(|k| {
            let tail = tokens[tokens.len() - k..].join(" ");
            is_person_shape(&tail) && lexicon::opens_with_given_name(&tail)
        });
        if !signer {
            continue;
        }
        out.push(chunk.start + start..chunk.start + m.start());
        start = m.start();
    }
    out.push(chunk.start + start..chunk.end);
    out
}

/// `range` without surrounding white space.
fn trim(text: &str, range: Range<usize>) -> Range<usize> {
    let s = &text[range.clone()];
    let start = range.start + (s.len() - s.trim_start().len());
    let end = range.end - (s.len() - s.trim_end().len());
    start..end.max(start)
}

/// A parenthesis that lists members ("les intercommunalités (la CC du Pays de Mormal, la CA de
/// Valenciennes Métropole)") or comments on a name ("France Travail (ex-Pôle emploi)") gives its
/// own items and is cut from the chunk, whose part after it ("(CAF, CPAM) et l'ARS") is returned
/// apart; an abbreviation ("(CALL)") stays.
fn expand_parentheses(
    text: &str,
    chunk: Range<usize>,
    nested: &mut Vec<Item>,
) -> (Range<usize>, Option<Range<usize>>) {
    let s = &text[chunk.clone()];
    let Some(open) = s.find('(') else { return (chunk, None) };
    let mut depth = 0;
    let mut close = None;
    for (i, c) in s[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    close = Some(open + i);
                    break;
                }
            }
            _ => {}
        }
    }
    // An unclosed parenthesis (a text cut short: "... Territoires (CG") is no part of the name.
    let Some(close) = close else { return (trim(text, chunk.start..chunk.start + open), None) };
    let inner = chunk.start + open + 1..chunk.start + close;
    if ABBREVIATION.is_match(&s[open..=close]) {
        return (chunk, None);
    }
    // Members of a group ("les organismes sociaux (CAF, CPAM)"), not a comment on one name ("État
    // (préfecture du Nord)", "Jean Durand (Illzach)").
    let before_at = s[..open].rfind(':').map_or(0, |c| c + 1);
    let before = trim(text, chunk.start + before_at..chunk.start + open);
    let head = clean(text, before, &mut false);
    let head_name = collapse(&text[head.range.clone()]);
    let group =
        (head.plural || lexicon::is_generic(&head_name)) && lexicon::role(&head_name).is_none();
    let several = text[inner.clone()].contains([',', ';']) || text[inner.clone()].contains(" et ");
    // "l'État et ses services (préfecture, DDTM, ...)": the parts of a party already listed.
    let parts_of_one = lexicon::words(&head_name).split(' ').any(|w| w == "services");
    if (group || several) && !parts_of_one {
        nested.extend(items(text, inner, Mode::Explicit));
    }
    let rest = trim(text, chunk.start + close + 1..chunk.end);
    (trim(text, chunk.start..chunk.start + open), (!rest.is_empty()).then_some(rest))
}

/// "les bailleurs sociaux présents dans les quartiers : Rouen Habitat" → the part after the
/// colon; a bailleur lead-in before it marks what follows.
fn after_colon(text: &str, chunk: Range<usize>, bailleur: &mut bool) -> Range<usize> {
    let s = &text[chunk.clone()];
    match s.find(':') {
        Some(at) => {
            if lexicon::words(&s[..at]).contains("bailleur") {
                *bailleur = true;
            }
            trim(text, chunk.start + at + 1..chunk.end)
        }
        None => chunk,
    }
}

/// A part without the person who signs for the party it names ("Anne Brun pour Lunel", "et M.
/// Paul Roche pour la Région"): the name before "pour" opens with a given name.
fn after_person_for(text: &str, part: Range<usize>) -> Range<usize> {
    static PERSON_FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:et\s+)?(?:(?:M\.|Mme|Madame|Monsieur)\s+)?(?P<name>\p{Lu}[\p{L}'-]*(?:\s+(?:de\s+|du\s+|le\s+|la\s+)?\p{Lu}[\p{L}'-]*){1,3})\s+pour\s+")
            .expect("valid regex")
    });
    let s = &text[part.clone()];
    match PERSON_FOR
        .captures(s)
        .filter(|c| c.name("name").is_some_and(|n| lexicon::opens_with_given_name(n.as_str())))
        .and_then(|c| c.get(0))
    {
        Some(m) if m.end() < s.len() => trim(text, part.start + m.end()..part.end),
        _ => part,
    }
}

/// A part without the group it stands for after it ("Sainte-Barbe pour les bailleurs", "la
/// FNARS pour les associations"): the party is the body before "pour".
fn before_group_for(text: &str, part: Range<usize>) -> Range<usize> {
    static GROUP_FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\s+pour\s+les\s+(?:bailleurs|partenaires|organismes|collectivités|associations|acteurs)\b[^,;]*$")
            .expect("valid regex")
    });
    match GROUP_FOR.find(&text[part.clone()]) {
        Some(m) if m.start() > 0 => trim(text, part.start..part.start + m.start()),
        _ => part,
    }
}

/// A chunk without what opens it before its first party: a press release's dateline ("le 4
/// avril 2024 – la Région", "Laon, 4 avril – l'État") or a counted group of partners that the
/// list details ("22 partenaires dont l'État", "de nombreux acteurs, notamment la CAF").
fn after_opening(text: &str, chunk: Range<usize>) -> Range<usize> {
    static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:le\s+)?(?:(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche)\s+)?\d{1,2}(?:er)?\s+(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)(?:\s+\d{4})?\s*(?:[–—-]|:)\s*")
            .expect("valid regex")
    });
    static DETAILED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:[^,;]{0,30}\s)?(?:partenaires|signataires|acteurs|institutions|organismes|structures|collectivités)\b[^,;]{0,40}?\s(?:dont|notamment|parmi\s+(?:lesquels|lesquelles|eux|elles))\s+")
            .expect("valid regex")
    });
    let s = &text[chunk.clone()];
    match DATELINE.find(s).or_else(|| DETAILED.find(s)) {
        Some(m) if m.end() < s.len() => trim(text, chunk.start + m.end()..chunk.end),
        _ => chunk,
    }
}

/// The singular of a plural head ("villes" → "Ville").
fn singular(head: &str) -> Option<&'static str> {
    Some(match head.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "départements" => "Département",
        "régions" => "Région",
        "caf" => "CAF",
        "caisses d'allocations familiales" => "Caisse d'allocations familiales",
        "villes" => "Ville",
        "communes" => "Commune",
        "municipalités" => "Municipalité",
        "mairies" => "Mairie",
        "conseils départementaux" => "Conseil départemental",
        "conseils régionaux" => "Conseil régional",
        "académies" => "Académie",
        "cpam" => "CPAM",
        "préfectures" => "Préfecture",
        _ => return None,
    })
}

/// The name a distributed plural head gives with one of its complements: the commune itself
/// for the communes of a list, named as the text names them ("les villes de Laon et du Teil" →
/// "Laon", "Le Teil"); the singular head and its complement otherwise ("CAF de l'Essonne").
fn build(singular: &str, complement: &str) -> String {
    static DE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?P<la>de\s+la\s+)|(?P<l>de\s+l'\s*)|(?P<le>du\s+)|(?P<les>des\s+)|de\s+|d'\s*)")
            .expect("valid regex")
    });
    let complement = collapse(complement);
    if !COMMUNE_HEADS.contains(&singular) {
        return format!("{singular} {complement}");
    }
    let Some(caps) = DE.captures(&complement) else { return complement };
    let rest = caps.get(0).map_or(complement.as_str(), |m| &complement[m.end()..]);
    let article = ["la", "l", "le", "les"].into_iter().find(|a| caps.name(a).is_some());
    match article {
        Some("la") => format!("La {rest}"),
        Some("l") => format!("L'{rest}"),
        Some("le") => format!("Le {rest}"),
        Some("les") => format!("Les {rest}"),
        _ => rest.to_owned(),
    }
}

/// Singular heads whose complements are communes.
const COMMUNE_HEADS: &[&str] = &["Ville", "Commune", "Municipalité", "Mairie"];

/// A plural head with two complements, distributed.
fn distribute(text: &str, chunk: Range<usize>) -> Option<Vec<Piece>> {
    let caps = PLURAL_HEAD.captures(&text[chunk.clone()])?;
    let singular = singular(caps.name("head")?.as_str())?;
    // "les communes de A et de B et les habitants": the second complement ends before a new
    // party opening with its article.
    static NEXT_PARTY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(?:et|ainsi\s+que)\s+(?:les|des|la|le|l')\s*").expect("valid regex")
    });
    let mut out = Vec::new();
    let mut tail = None;
    for name in ["a", "b"] {
        let m = caps.name(name)?;
        let mut range = trim(text, chunk.start + m.start()..chunk.start + m.end());
        if name == "b"
            && let Some(next) = NEXT_PARTY.find(&text[range.clone()])
        {
            tail = Some(trim(text, range.start + next.start()..range.end));
            range = trim(text, range.start..range.start + next.start());
        }
        let complement = strip_trailing(&text[range.clone()]);
        out.push(Piece {
            built: Some(build(singular, complement)),
            range,
            bailleur: false,
            plural: false,
            person_tail: false,
            cut: false,
            after_et: name == "b",
            to: false,
        });
    }
    if let Some(tail) = tail {
        out.push(Piece { after_et: true, ..clean(text, tail, &mut false) });
    }
    Some(out)
}

/// A plural head with one complement that a list goes on with in the next chunks ("les villes
/// de Dunkerque, Grande-Synthe, ..."): the singular head, and the first piece ("Ville de
/// Dunkerque").
fn opened(text: &str, chunk: Range<usize>) -> Option<(&'static str, Vec<Piece>)> {
    static OPENED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)^(?:et\s+|ainsi\s+que\s+)?(?:les|des)\s+(?P<head>{HEADS_PLURAL})\s+(?P<a>(?:de\s+la\s+|de\s+l'|de|du|des|d')\s*(?-i:\p{{Lu}})[^,;]*)$"
        ))
        .expect("valid regex")
    });
    let caps = OPENED.captures(&text[chunk.clone()])?;
    let singular = singular(caps.name("head")?.as_str())?;
    let m = caps.name("a")?;
    let all = strip_trailing(m.as_str());
    let complement = all.find(" et ").map_or(all, |at| &all[..at]);
    let at = chunk.start + m.start();
    let range = trim(text, at..at + complement.len());
    let built = Some(build(singular, complement));
    let mut out = vec![Piece { built, ..piece(range) }];
    if complement.len() < all.len() {
        let mut no_bailleur = false;
        out.extend(continued(
            text,
            at + complement.len()..at + all.len(),
            singular,
            &mut no_bailleur,
        )?);
    }
    Some((singular, out))
}

/// The next complements of an opened plural head: bare names ("Grande-Synthe", "d'Avion",
/// "Loon-Plage et Saint-Pol-sur-Mer"), each made "Ville de X"; `None` when the chunk is a new
/// party ("la Région").
fn continued(
    text: &str,
    chunk: Range<usize>,
    singular: &str,
    bailleur: &mut bool,
) -> Option<Vec<Piece>> {
    static BARE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:(?:et|ou)\s+)?(?P<de>de\s+la\s+|de\s+l'|de\s+|d'|du\s+|des\s+)?(?P<name>\p{Lu}[^,;]*)$")
            .expect("valid regex")
    });
    let mut out = Vec::new();
    let parts = split_et(text, chunk);
    let last = parts.len().saturating_sub(1);
    let mut bare = true;
    for (i, part) in parts.into_iter().enumerate() {
        let caps = BARE.captures(&text[part.clone()]);
        let article = caps.as_ref().and_then(|c| c.name("de")).map_or("", |m| m.as_str());
        let found = caps
            .as_ref()
            .and_then(|c| c.name("name"))
            .map(|m| (m, strip_trailing(m.as_str())))
            .filter(|(_, name)| {
                lexicon::kind(name).is_none() && name.split_whitespace().count() <= 4
            });
        let Some((m, name)) = found.filter(|_| bare) else {
            // "d'Avion ainsi que la CAF": the list goes on with a new party.
            if i == 0 {
                return None;
            }
            bare = false;
            out.push(clean(text, part, bailleur));
            continue;
        };
        let range = trim(text, part.start + m.start()..part.start + m.start() + name.len());
        let de = if !article.is_empty() && !article.trim().eq_ignore_ascii_case("de") {
            article
        } else if name.starts_with(['A', 'E', 'I', 'O', 'U', 'É', 'Â', 'Î', 'Y', 'H']) {
            "d'"
        } else {
            "de "
        };
        out.push(Piece {
            built: Some(build(singular, &format!("{de}{name}"))),
            after_et: i > 0 && i == last,
            ..piece(range)
        });
    }
    Some(out)
}

/// A plain piece over `range`.
fn piece(range: Range<usize>) -> Piece {
    Piece {
        range,
        built: None,
        bailleur: false,
        plural: false,
        person_tail: false,
        cut: false,
        after_et: false,
        to: false,
    }
}

/// The chunk cut at each " et " that opens a new name.
fn split_et(text: &str, chunk: Range<usize>) -> Vec<Range<usize>> {
    static ET: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(r"\s(?:(?i:et)|(?:ainsi|de\s+même)\s+qu(?:e\s|')|mais\s+(?:aussi|également)|sans\s+oublier|tout\s+comme|ou\s+encore|en\s+(?:partenariat|lien|collaboration|association|concertation|coopération|liaison|co-?construction)\s+(?:étroite?\s+)?avec|conjointement\s+avec|avec\s+(?:le\s+(?:soutien|concours)|l['’]appui|l['’]aide)\s+d(?:e|u|es)\b|,?\s*{STEERED})\s*"))
                .expect("valid regex")
    });
    let s = &text[chunk.clone()];
    let protected: Vec<Range<usize>> = protected_names(s);
    let mut out = Vec::new();
    let mut start = 0;
    for m in ET.find_iter(s) {
        if protected.iter().any(|p| p.start < m.start() && m.end() <= p.end) {
            continue;
        }
        if m.as_str().trim().eq_ignore_ascii_case("et")
            && one_name_with_et(&s[start..], m.start() - start)
        {
            continue;
        }
        if !m.as_str().trim().eq_ignore_ascii_case("et") || opens_name(&s[m.end()..]) {
            out.push(trim(text, chunk.start + start..chunk.start + m.start()));
            start = m.start();
        }
    }
    out.push(trim(text, chunk.start + start..chunk.end));
    out.into_iter().filter(|r| !r.is_empty()).collect()
}

/// Whether the " et " at `at` of `s` (what is left of a chunk) joins two words of one
/// landlord's name ("Terre et Baie Habitat", "Mer et Golfe Habitat"): a single bare capitalised
/// word of no known kind before it, and after it a short rest that ends the chunk and makes the
/// whole a bailleur. Not "l'État et Gard Habitat" (an article, a known kind before), not
/// "Dunkerque et Gravelines", not "Alpha et l'OPAC 38" (an article opens the second name).
fn one_name_with_et(s: &str, at: usize) -> bool {
    let left = s[..at].trim();
    let whole = s.trim();
    let rest =
        s[at..].trim_start().strip_prefix("et").or_else(|| s[at..].trim_start().strip_prefix("ET"));
    let Some(rest) = rest else { return false };
    let second = rest.trim_start().to_lowercase();
    let opens_article = ["l'", "l’", "le ", "la ", "les "].iter().any(|a| second.starts_with(a));
    !opens_article
        && !left.contains(char::is_whitespace)
        && !left.contains('\'')
        && left.chars().next().is_some_and(char::is_uppercase)
        && left.chars().skip(1).any(char::is_lowercase)
        && lexicon::kind(left).is_none()
        && rest.split_whitespace().count() <= 3
        && lexicon::kind(whole) == Some("bailleur")
        && lexicon::kind(rest.trim()) == Some("bailleur")
}

/// Byte ranges of `s` holding a known bailleur or kind whose name contains " et " ("Maisons et
/// Cités", "Caisse des Dépôts et Consignations").
///
/// Every name is looked for in one pass (this ran one substring search per name, about a tenth
/// of a batch's instructions): all occurrences, overlapping ones included, then for each name
/// its occurrences that do not overlap an earlier kept one of the same name, as a search name
/// by name, each resumed after its last find, keeps them.
fn protected_names(s: &str) -> Vec<Range<usize>> {
    static FINDER: LazyLock<Option<AhoCorasick>> =
        LazyLock::new(|| AhoCorasick::new(lexicon::JOINED.iter()).ok());
    let lower = s.to_lowercase();
    let mut out = Vec::new();
    if lower.len() != s.len() {
        return out;
    }
    let Some(finder) = FINDER.as_ref() else {
        return out;
    };
    // Per name, where its last kept occurrence ends (occurrences of one name come in order).
    let mut ends: HashMap<usize, usize> = HashMap::new();
    for m in finder.find_overlapping_iter(&lower) {
        let end = ends.entry(m.pattern().as_usize()).or_insert(0);
        if m.start() >= *end {
            out.push(m.range());
            *end = m.end();
        }
    }
    out
}

/// Whether the text after " et " opens a new name: a capital or a digit once articles and
/// prepositions are gone, a name of a known kind, or a collective group ("de nombreux
/// partenaires"); not "de l'artisanat".
fn opens_name(rest: &str) -> bool {
    let mut r = rest.trim_start();
    if let Some(m) = TO.find(r) {
        r = &r[m.end()..];
    }
    // "signé par l'État et par la Région".
    if let Some(after) = r.strip_prefix("par ") {
        r = after.trim_start();
    }
    // "la Région et enfin le Département", "l'État et bien sûr la Ville".
    static ADVERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:enfin|aussi|également|surtout|puis|naturellement|évidemment|bien\s+sûr|bien\s+entendu)\s*,?\s+")
            .expect("valid regex")
    });
    if let Some(m) = ADVERB.find(r) {
        r = &r[m.end()..];
    }
    while let Some(m) = ARTICLE.find(r) {
        if m.is_empty() {
            break;
        }
        r = &r[m.end()..];
    }
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|\d+)\s+|(?:une\s+)?(?:dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|centaine)\s+(?:de\s+|d'))")
            .expect("valid regex")
    });
    let first = r.chars().next();
    // "et des cinq présidents de syndicat", "et une quinzaine de partenaires": a counted
    // group of officials or partners.
    let uncounted = COUNT.find(r).map_or(r, |m| &r[m.end()..]);
    first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || FORMER.is_match(r)
        || lexicon::role(uncounted).is_some()
        || lexicon::is_generic(uncounted)
        || lexicon::kind_opens(r)
        || lexicon::is_generic(r)
        || lexicon::role(r).is_some()
        || BAILLEUR_LEAD.is_match(r)
        || OFFICE.is_match(r)
}

/// A housing office named after its lower-case word: "l'office Auvergne Habitat" (the word
/// stays in the name, unlike a [`BAILLEUR_LEAD`]'s).
static OFFICE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^office\s+\p{Lu}").expect("valid regex"));

/// The first piece of a list may carry the clause before it ("les aides viendront de l'État"):
/// when it is no name, the State, a region or a département that ends it ("État"), not another
/// name ("le contrat de ville de la Métropole").
fn subject_tail(text: &str, part: &Range<usize>, piece: &Piece) -> Option<Piece> {
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s(?:de\s+l'|de\s+la\s+|du\s+|de\s+|d')\p{Lu}").expect("valid regex")
    });
    let name = collapse(&text[piece.range.clone()]);
    if name.chars().next().is_some_and(char::is_uppercase) && lexicon::kind(&name).is_some() {
        return None;
    }
    if lexicon::kind_opens(&name) || lexicon::is_bailleur(&name) || state_services(&name) {
        return None;
    }
    let s = &text[part.clone()];
    let at = OPENING
        .find_iter(s)
        .last()
        .map(|m| m.start() + m.as_str().chars().next().map_or(1, char::len_utf8))?;
    let mut no_bailleur = false;
    let tail = clean(text, part.start + at..part.end, &mut no_bailleur);
    let tail_name = collapse(&text[tail.range.clone()]);
    let capital = tail_name.chars().next().is_some_and(char::is_uppercase);
    let institution = matches!(lexicon::kind(&tail_name), Some("etat" | "region" | "departement"));
    (capital && institution && lexicon::kind_opens(&tail_name)).then_some(tail)
}

/// Whether `s` opens with the capitalised article of a town's name ("Le Mans Métropole", "La
/// Roche-sur-Yon Agglomération", "Les Mureaux"): the article and the next word are, letter for
/// letter, the name of a commune of the gazetteer. Such an article is part of the name.
fn town_article(s: &str) -> bool {
    static TOWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:Le|La|Les|LE|LA|LES)[ \t]+\p{Lu}[\p{L}'’-]*").expect("valid regex")
    });
    let Some(m) = TOWN.find(s) else { return false };
    let town = m.as_str().split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    gazetteer::communes_named(&town).iter().any(|c| c.name.to_lowercase() == town)
}

/// A piece without its lead-in, what follows a verb, and trailing punctuation.
fn clean(text: &str, part: Range<usize>, bailleur: &mut bool) -> Piece {
    let mut start = part.start;
    let mut end = part.end;
    let mut plural = false;
    let mut fresh = false;
    let mut lead = false;
    let mut to = false;
    loop {
        let s = &text[start..end];
        if let Some(m) = TO.find(s).filter(|m| {
            m.as_str().trim_end().len() > 2 || s[m.end()..].starts_with(char::is_uppercase)
        }) {
            to = true;
            start += m.end();
        } else if let Some(m) = LEAD_IN.find(s).filter(|m| !m.is_empty()) {
            if !m.as_str().trim().eq_ignore_ascii_case("et") {
                fresh = true;
            }
            start += m.end();
        } else if let Some(c) = ARTICLE
            .captures(s)
            .filter(|c| c.get(0).is_some_and(|m| !m.is_empty()))
            .filter(|_| !town_article(s))
        {
            fresh = true;
            plural |= c.name("pl").is_some();
            start += c.get(0).map_or(0, |m| m.end());
        } else if let Some(h) = GLUED_HEADING.captures(s).and_then(|c| c.name("h")) {
            // "Signatairesl'État": a heading glued to the first item when its tags were lost.
            fresh = true;
            start += h.end();
        } else if GLUED.is_match(s) {
            // "lEtat", "dAlençon": an article glued when its apostrophe was lost.
            fresh = true;
            start += 1;
        } else if let Some(next) = BAILLEUR_LEAD.captures(s).and_then(|c| c.name("next")) {
            lead = true;
            start += next.start();
        } else {
            break;
        }
    }
    start += represented(&text[start..end]);
    if lead {
        *bailleur = true;
        plural = false;
    } else if fresh {
        *bailleur = false;
    }
    let s = &text[start..end];
    let raw_tail = person_tail(s);
    let cut = STOP.find(s).map(|m| m.start());
    if let Some(at) = cut {
        end = start + at;
    }
    let s = &text[start..end];
    end = start + strip_trailing(s).len();
    // "les bailleurs sociaux de ces quartiers", "les bailleurs implantés sur le territoire": the
    // group as a party, without what places it.
    if plural && let Some(c) = PLACED_GROUP.captures(&text[start..end]) {
        end = start + c.name("head").map_or(0, |h| h.end());
    }
    // "et du préfet" opens a new party; "et maire de Brest" goes on with the same person.
    let raw = text[part.start..part.end].trim_start();
    let after_et = raw.to_lowercase().starts_with("et ")
        && raw.get(3..).is_some_and(|rest| lexicon::role(rest.trim_start()).is_none());
    Piece {
        range: start..end,
        built: None,
        bailleur: *bailleur,
        plural,
        person_tail: raw_tail,
        cut: cut.is_some(),
        after_et,
        to,
    }
}

/// "Jeanne Morel représentant la Région", "Paul Ribot, le président de l'agglomération": a
/// piece that opens with a person's name and the party he or she stands for is that party;
/// returns how many bytes of `s` to skip (0 when `s` is not shaped so).
fn represented(s: &str) -> usize {
    static FOR: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^\s*,?\s*(?:représentante?\s+(?:le\s+|la\s+|l['’]\s*)|(?:le\s+|la\s+)?(?:vice-)?présidente?\s+(?:de\s+la\s+|de\s+l['’]\s*|du\s+|de\s+))",
        )
        .expect("valid regex")
    });
    // The words `FOR` needs, looked for before the names are.
    if !s.contains("représent") && !s.contains("présid") {
        return 0;
    }
    let Some(first) = names::mentions(s).into_iter().next() else { return 0 };
    if !s[..first.span.start].trim().is_empty() {
        return 0;
    }
    let rest = &s[first.span.end..];
    match FOR.find(rest) {
        Some(m) if rest[m.end()..].chars().next().is_some_and(char::is_alphabetic) => {
            first.span.end + m.end()
        }
        _ => 0,
    }
}

/// `s` without trailing punctuation and white space.
fn strip_trailing(s: &str) -> &str {
    let mut t = s.trim_end();
    loop {
        let next =
            t.trim_end_matches(['.', ',', ';', ':', '…', '»', '«', '"', '*', '!', '?']).trim_end();
        let next = next.strip_suffix(" etc").unwrap_or(next).trim_end();
        // "porté par l'agglomération et | a été signé": a conjunction left by the cut; "le
        // bailleur Moselis y | ont apposé": a clitic of the verb.
        let next = [" et", " ou", " y", " en"]
            .iter()
            .find_map(|c| next.strip_suffix(c))
            .unwrap_or(next)
            .trim_end();
        if next.len() == t.len() {
            return t;
        }
        t = next;
    }
}

/// White space runs made single spaces.
fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The kind of `name`: from `kinds.tsv`, or `epci` for a known intercommunality named without
/// its kind ("Grand Poitiers", "Caen la Mer").
fn known_kind(name: &str) -> Option<&'static str> {
    lexicon::kind(name).or_else(|| {
        let capital = name.chars().next().is_some_and(char::is_uppercase);
        (capital && !gazetteer::epci_named(name).is_empty()).then_some("epci")
    })
}

/// Whether `s` ends with a person's name: two capitalised words or more, with particles between.
fn person_tail(s: &str) -> bool {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let mut caps = 0;
    let mut taken = Vec::new();
    for t in tokens.iter().rev() {
        let t = t.trim_matches([',', '.', ';', ':']);
        let particle = PARTICLES.contains(&t.to_lowercase().as_str());
        let capital = t.chars().next().is_some_and(char::is_uppercase);
        if capital && !particle {
            caps += 1;
        } else if !particle {
            break;
        }
        taken.push(t);
    }
    taken.reverse();
    let name = taken.join(" ");
    caps >= 2
        && known_kind(&name).is_none()
        && !lexicon::is_bailleur(&name)
        && is_person_shape(&name)
}

/// Whether the role `name` goes on with the name of the person who holds it ("présidente de
/// l'agglomération Anne Morel"): its last two to four words are a person's name that opens with
/// a given name (not "président de Grand Ouest Agglo").
fn ends_with_person(name: &str) -> bool {
    let tokens: Vec<&str> = name.split_whitespace().collect();
    (2..=4).filter(|k| *k < tokens.len()).any(|k| {
        let tail = tokens[tokens.len() - k..].join(" ");
        is_person_shape(&tail) && lexicon::opens_with_given_name(&tail)
    })
}

/// Whether `s` is shaped like a person's name: 2 to 5 words, each capitalised or a particle.
fn is_person_shape(s: &str) -> bool {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    if !(2..=5).contains(&tokens.len()) {
        return false;
    }
    let caps = tokens.iter().filter(|t| t.chars().next().is_some_and(char::is_uppercase)).count();
    let ok = tokens.iter().all(|t| {
        t.chars().next().is_some_and(char::is_uppercase)
            || PARTICLES.contains(&t.to_lowercase().as_str())
    });
    ok && caps >= 2 && !tokens.iter().any(|t| t.chars().any(|c| c.is_ascii_digit()))
}

/// "Gérard MORVAN": a capitalised first name and an upper-case surname.
fn is_first_last(s: &str) -> bool {
    let tokens: Vec<&str> = s.split_whitespace().collect();
    let [first, rest @ ..] = tokens.as_slice() else { return false };
    let title = |t: &str| {
        let mut cs = t.chars();
        cs.next().is_some_and(char::is_uppercase) && cs.any(char::is_lowercase)
    };
    let upper = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    title(first) && !rest.is_empty() && rest.iter().all(|t| upper(t))
}

/// "SEMI de Tarbes": an upper-case first word before a name in lower case, an abbreviation
/// heading a body's name (a person writes the family name in capitals, not the given name alone:
/// "Semi" is a given name too).
fn acronym_head(s: &str) -> bool {
    let mut tokens = s.split_whitespace();
    let upper = |t: &str| {
        t.chars().filter(|c| c.is_alphabetic()).count() >= 2
            && t.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
    };
    tokens.next().is_some_and(upper)
        && tokens.any(|t| t.chars().next().is_some_and(char::is_uppercase) && !upper(t))
}

/// "BGE Nord", "CDAD du Nord", "UDAF de la Somme": an abbreviation, then a place (not a given
/// name: "DUPONT Jean" is a person written surname first).
fn abbreviation_first(s: &str) -> bool {
    let mut tokens = s.split_whitespace();
    let (Some(first), Some(next)) = (tokens.next(), tokens.next()) else { return false };
    let letters = first.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && first.chars().all(|c| c.is_uppercase() || c == '&' || c == '-')
        && !lexicon::opens_with_given_name(next)
}

/// "CALL", "CCAS": one upper-case word, an organisation's abbreviation.
fn is_acronym(s: &str) -> bool {
    let letters = s.chars().filter(|c| c.is_alphabetic()).count();
    !s.contains(' ')
        && (2..=8).contains(&letters)
        && s.chars().all(|c| c.is_uppercase() || c == '&')
}

/// Whether the role `name` goes on with the body it serves ("préfet de l'Orne", "procureur
/// près le tribunal"), maybe after one or two qualifiers of the office ("directeur territorial
/// de Pôle emploi", "directrice générale adjointe de Creusalis"): a role alone ("le directeur",
/// "directeur territorial") names no body.
fn role_complement(name: &str) -> bool {
    let links = |w: &str| {
        let w = w.to_lowercase();
        w == "de"
            || w == "du"
            || w == "des"
            || w.starts_with("d'")
            || w.starts_with("d’")
            || w == "près"
    };
    let qualifier = |w: &str| {
        w.chars().count() > 3 && w.chars().all(|c| c.is_lowercase() || c == '-') && !links(w)
    };
    name.split_whitespace()
        .skip(1)
        .take(3)
        .scan(true, |open, w| {
            let was = *open;
            *open = was && qualifier(w);
            was.then_some(w)
        })
        .any(links)
}

/// What a piece is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    /// An official's role: listed when singular, unnamed and `listed`.
    Role {
        plural: bool,
        listed: bool,
        complement: bool,
    },
    /// Shaped like a person's name (dropped when a role stands next to it).
    PersonLike,
    /// Opens with a given name ("Martine Gewiss"): a person, never an organisation.
    Person,
    /// A capitalised name of no known kind in a loose list: a party only among proven ones
    /// ("l'État, la CAF et Domanys en sont signataires").
    Unproven,
    Org,
    Reject,
}

/// Whether the lower-case opening word `w` is a brand token: a short word with a capital or a
/// digit inside ("m2A", "eQuilibre"), not a crawl's glued article ("l'État", "deLa Région").
fn mixed_brand(w: &str) -> bool {
    let mut chars = w.chars();
    let head: String = chars.by_ref().take_while(|c| c.is_lowercase()).collect();
    w.chars().all(char::is_alphanumeric)
        && (1..=2).contains(&head.chars().count())
        && !["de", "la", "le", "du", "l", "d"].contains(&head.as_str())
        && w.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
}

fn classify(name: &str, piece: &Piece, mode: Mode) -> Class {
    let words = name.split_whitespace().count();
    if name.is_empty() || DATE_WORD.is_match(name) || NOT_A_BODY.is_match(name) {
        return Class::Reject;
    }
    // One of the communes of a distributed head ("les villes de Laon et Soissons").
    if piece.built.is_some() {
        return Class::Org;
    }
    if let Some((plural, listed)) = lexicon::role(name) {
        return Class::Role { plural, listed, complement: role_complement(name) };
    }
    if words > 14 || AGREEMENT.is_match(name) {
        return Class::Reject;
    }
    // "les bailleurs", "les associations" as one party of an explicit list of named ones.
    if mode == Mode::Explicit && piece.plural && PLURAL_PARTY.is_match(name) {
        return Class::Unproven;
    }
    if state_services(name) {
        return Class::Org;
    }
    if lexicon::is_generic(name) {
        return Class::Reject;
    }
    // "les bailleurs" alone is a party only when a list names it among others.
    if mode == Mode::Loose && piece.plural && lexicon::words(name).starts_with("bailleurs") {
        return Class::Reject;
    }
    if piece.to && VENUE.is_match(name) {
        return Class::Reject;
    }
    let kind = known_kind(name);
    let first = name.chars().next().unwrap_or(' ');
    // "m2A Habitat" after "les bailleurs": a brand written in lower case.
    // So is a short token mixing cases or digits ("m2A Habitat", "eQuilibre Logement") when the
    // name holds a kind word: no common noun is written that way.
    let brand = name.split_whitespace().next().is_some_and(|w| {
        w.chars().any(char::is_uppercase) && (piece.bailleur || (mixed_brand(w) && kind.is_some()))
    });
    if first.is_lowercase() && !brand && !FORMER.is_match(name) {
        let head = lexicon::words(name);
        let head = head.split(' ').next().unwrap_or_default();
        // "le bailleur historique du quartier" set off after a name: a description of that
        // party (a landlord goes by its own name), not another one.
        if head == "bailleur" {
            return Class::Reject;
        }
        // A lone common noun ("l'agglomération", "la métropole") names no one in particular.
        let opens = lexicon::kind_opens(name) || (HEADS.contains(&head) && kind.is_some());
        return if (opens && words > 1) || (lexicon::is_alone(name) && !piece.to) {
            Class::Org
        } else {
            Class::Reject
        };
    }
    if is_first_last(name) && kind.is_none() {
        return Class::PersonLike;
    }
    // "à Joigny" is a place; "à France Travail" a party.
    if piece.to && kind.is_none() && !piece.bailleur {
        return Class::Reject;
    }
    // "Fondation Abbé Pierre", "BGE Nord", "CDAD du Nord": capitalised like a person's name, but
    // opening with a word that opens a body's name or with an abbreviation before a place.
    let body_like = lexicon::opens_body(name) || abbreviation_first(name);
    if kind.is_none()
        && !body_like
        && is_person_shape(name)
        && lexicon::opens_with_given_name(name)
        && !acronym_head(name)
    {
        return Class::Person;
    }
    // A count ("21 quartiers de l'agglomération"), not a name ("1001 Vies Habitat").
    let mut tokens = name.split_whitespace();
    if let (Some(a), Some(b)) = (tokens.next(), tokens.next())
        && a.chars().all(|c| c.is_ascii_digit())
        && b.chars().next().is_some_and(char::is_lowercase)
        && !lexicon::is_bailleur(name)
    {
        return Class::Reject;
    }
    if !first.is_alphanumeric() {
        return Class::Reject;
    }
    if kind.is_some() || piece.bailleur || lexicon::is_bailleur(name) || is_acronym(name) {
        return Class::Org;
    }
    if first.is_ascii_digit() {
        return Class::Reject;
    }
    if is_person_shape(name) && !body_like {
        return if mode == Mode::Explicit && words <= 6 {
            Class::PersonLike
        } else {
            Class::Reject
        };
    }
    match mode {
        Mode::Explicit if words <= 8 => Class::Org,
        Mode::Loose if words <= 4 && !piece.plural => Class::Unproven,
        _ => Class::Reject,
    }
}

/// The length from which a text may be a page stored cut short.
const CUT_PAGE: usize = 1000;

/// Whether piece `i` stands apart from the piece before it, after a semicolon or a line break:
/// a list of one party an item ("M. Paul Roux, préfet de l'Orne ; le directeur de la CAF de
/// l'Orne"), where a role is a new item, not in apposition to the role before it.
fn own_line(text: &str, pieces: &[Piece], i: usize) -> bool {
    i.checked_sub(1)
        .and_then(|before| text.get(pieces[before].range.end..pieces[i].range.start))
        .is_some_and(|gap| gap.contains(['\n', ';']))
}

/// The pieces judged together (a role and the person next to it decide each other).
fn judge(text: &str, pieces: &[Piece], mode: Mode) -> Vec<Item> {
    let named_pieces: Vec<(String, Option<String>)> = pieces
        .iter()
        .map(|p| {
            let raw = p.built.clone().unwrap_or_else(|| collapse(&text[p.range.clone()]));
            match ABBREVIATION.captures(&raw) {
                Some(c) => {
                    let at = c.get(0).map_or(raw.len(), |m| m.start());
                    (raw[..at].to_owned(), c.name("abbr").map(|m| m.as_str().to_owned()))
                }
                // "Caisse d'allocations familiales (CAF) de la Somme": the name goes on.
                None => match MID_ABBREVIATION.captures(&raw) {
                    Some(c) => {
                        let (Some(all), abbr) = (c.get(0), c.name("abbr")) else {
                            return (raw, None);
                        };
                        let name = format!(
                            "{} {}",
                            raw[..all.start()].trim_end(),
                            raw[all.end()..].trim_start()
                        );
                        (name.trim().to_owned(), abbr.map(|m| m.as_str().to_owned()))
                    }
                    None => (raw, None),
                },
            }
        })
        .collect();
    let classes: Vec<Class> =
        pieces.iter().zip(&named_pieces).map(|(p, (n, _))| classify(n, p, mode)).collect();
    let is_role = |i: usize| matches!(classes.get(i), Some(Class::Role { .. }));
    let is_person = |i: usize| {
        matches!(classes.get(i), Some(Class::PersonLike | Class::Person))
            || pieces.get(i).is_some_and(|p| p.person_tail && (!is_role(i) || p.cut))
    };
    // A role belongs to the person next to it, and so does a role in apposition to that role
    // ("Paul Martin, préfet de région, préfet du Nord"); a role after "et" is a new party, and
    // so is a person after "et" ("le sous-préfet et Paul Roux, maire": the office is unnamed).
    let mut named = vec![false; pieces.len()];
    for i in 0..pieces.len() {
        if is_role(i) {
            let joined = !pieces[i].after_et;
            // ... but not one standing on a line of its own, a new item of a list.
            let apposed = i > 0 && !own_line(text, pieces, i) && is_role(i - 1) && named[i - 1];
            named[i] = (i > 0 && joined && (is_person(i - 1) || apposed))
                || is_person(i + 1) && !pieces[i + 1].after_et
                || ends_with_person(&named_pieces[i].0);
        }
    }
    for i in (0..pieces.len()).rev() {
        if is_role(i)
            && !named[i]
            && i + 1 < pieces.len()
            && is_role(i + 1)
            && named[i + 1]
            && !pieces[i + 1].after_et
            && !own_line(text, pieces, i + 1)
        {
            named[i] = true;
        }
    }
    let proven = classes.iter().filter(|c| **c == Class::Org).count();
    let mut out = Vec::new();
    for (i, (piece, (name, abbreviation))) in pieces.iter().zip(named_pieces).enumerate() {
        let before = i.checked_sub(1);
        let keep = match classes[i] {
            // "le préfet" alone names the office of the département; "le maire" alone names
            // no one in particular.
            Class::Role { plural, listed, complement } => {
                !plural && listed && (complement || lexicon::is_alone(&name)) && !named[i]
            }
            Class::PersonLike => {
                let near = before.is_some_and(is_role) || is_role(i + 1);
                !near && !is_first_last(&name)
            }
            Class::Org => true,
            Class::Unproven => i > 0 && proven >= 2,
            Class::Person | Class::Reject => false,
        };
        // A page stored cut short (its first 2,000 characters or so) ends inside its list
        // ("..., la CAF, la Cai"): a one-word fragment of no known kind at the very end of a
        // long text is no name.
        let cut_short = text.len() >= CUT_PAGE
            && text[piece.range.end..].trim().is_empty()
            && text[..piece.range.end].trim_end().ends_with(char::is_alphanumeric)
            && piece.built.is_none()
            && !name.contains(' ')
            && known_kind(&name).is_none()
            && !lexicon::is_bailleur(&name);
        if keep && !cut_short {
            let commune = piece.built.is_some().then_some("commune");
            let kind = lexicon::kind(&name)
                .or(piece.bailleur.then_some("bailleur"))
                .or(commune)
                .or(Some("other"));
            out.push(Item { range: piece.range.clone(), name, kind, abbreviation });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn names(list: &str, mode: Mode) -> Vec<String> {
        items(list, 0..list.len(), mode).into_iter().map(|i| i.name).collect()
    }

    #[track_caller]
    fn check(list: &str, mode: Mode, expected: &[&str]) {
        assert_eq!(names(list, mode), expected, "{list:?}");
    }

    #[test]
    fn a_person_standing_for_a_party_gives_the_party() {
        assert_eq!(
            &"Paul Ribot, le président de l'agglomération"
                [represented("Paul Ribot, le président de l'agglomération")..],
            "agglomération"
        );
        assert_eq!(
            &"Jeanne Morel représentant le Département"
                [represented("Jeanne Morel représentant le Département")..],
            "Département"
        );
        // no person first, or no party after the name: nothing skipped
        assert_eq!(represented("la Région représentant les communes"), 0);
        assert_eq!(represented("Jeanne Morel, adjointe au maire"), 0);
        assert_eq!(represented("Caisse d'allocations familiales"), 0);
    }

    #[test]
    fn a_flattened_signature_page_is_cut_at_each_party() {
        check(
            "POUR L'ÉTAT, le Préfet, Paul ROCHE POUR LUNEL AGGLOMÉRATION, le Président, Marc VIEL POUR LA VILLE DE LUNEL, la Maire, Anne BRUN",
            Mode::Explicit,
            &["ÉTAT", "LUNEL AGGLOMÉRATION", "VILLE DE LUNEL"],
        );
        // A heading in capitals is not cut at its "POUR".
        let heading = "L'AISNE S'ENGAGE POUR L'AVENIR DE SES QUARTIERS";
        assert_eq!(at_party_heading(heading, 0..heading.len()).len(), 1);
        // A lower-case "pour" inside a sentence names whom a person stands for, no party.
        check("Anne Brun et, pour Gallargues, le premier adjoint, Marc Viel", Mode::Explicit, &[]);
    }

    #[test]
    fn a_name_opening_with_cote_keeps_it_and_a_time_clause_ends_it() {
        check(
            "la CAF, Côte d'Armor Habitat et la Caisse des dépôts",
            Mode::Explicit,
            &["CAF", "Côte d'Armor Habitat", "Caisse des dépôts"],
        );
        check("Côté partenaires, la CAF et Pôle emploi", Mode::Explicit, &["CAF", "Pôle emploi"]);
        check("les représentants de l'État au moment des signatures", Mode::Explicit, &["État"]);
    }

    #[test]
    fn an_item_ends_where_a_flattened_page_starts_a_sentence() {
        check(
            "l'État et la communauté d'agglomération de Vesoul Le 3 mars, elles ont signé",
            Mode::Explicit,
            &["État", "communauté d'agglomération de Vesoul"],
        );
        check(
            "l'État, la Région et la CAF Les actions porteront sur l'emploi",
            Mode::Explicit,
            &["État", "Région", "CAF"],
        );
        check(
            "la Ville et l'Agglomération L'accord vaut six ans",
            Mode::Explicit,
            &["Ville", "Agglomération"],
        );
        // A town's own article stays: "Le Mans" is a commune, "Le Département" no town.
        check(
            "l'État, Le Mans Métropole, La Roche-sur-Yon Agglomération et Le Département",
            Mode::Explicit,
            &["État", "Le Mans Métropole", "La Roche-sur-Yon Agglomération", "Département"],
        );
        // An article that opens a place's or a body's name stays.
        check(
            "la Ville de La Rochelle et la communauté de communes Les Portes du Lac",
            Mode::Explicit,
            &["Ville de La Rochelle", "communauté de communes Les Portes du Lac"],
        );
    }

    #[test]
    fn an_approximate_count_of_partners_after_et_is_a_group() {
        check(
            "l'État, la Ville, l'Agglomération et une quinzaine de partenaires",
            Mode::Explicit,
            &["État", "Ville", "Agglomération"],
        );
        check("la Région et une vingtaine d'acteurs locaux", Mode::Explicit, &["Région"]);
        // A body's name after "et" stays whole.
        check(
            "la Chambre de métiers et de l'artisanat et la CAF",
            Mode::Explicit,
            &["Chambre de métiers et de l'artisanat", "CAF"],
        );
    }

    #[test]
    fn the_person_who_signs_for_a_party_is_no_part_of_its_name() {
        check(
            "Anne Brun pour Lunel, Paul Roche pour Sète et M. Marc Viel pour la Région",
            Mode::Explicit,
            &["Lunel", "Sète", "Région"],
        );
        // Nor the group it stands for.
        check(
            "la CAF, Moselis et Sainte-Barbe pour les bailleurs",
            Mode::Explicit,
            &["CAF", "Moselis", "Sainte-Barbe"],
        );
        // A body whose name holds "pour" keeps it.
        check(
            "Action Logement, Fondation pour le Logement",
            Mode::Explicit,
            &["Action Logement", "Fondation pour le Logement"],
        );
    }

    #[test]
    fn a_heading_glued_to_the_first_item_is_dropped() {
        check("Signatairesl'État, la Région et la CAF", Mode::Explicit, &["État", "Région", "CAF"]);
        check("PARTENAIRESRégion Normandie, la CAF", Mode::Explicit, &["Région Normandie", "CAF"]);
    }

    #[test]
    fn known_bailleurs_shaped_like_names_are_bodies() {
        // A landlord's brand may read like a given name and a surname: the list of bailleurs
        // knows it, in a loose list as in an explicit one.
        check(
            "l'État, la CAF du Cher, France Loire et Val de Berry",
            Mode::Loose,
            &["État", "CAF du Cher", "France Loire", "Val de Berry"],
        );
        check(
            "la Ville, Polygone et Plurial Novilia",
            Mode::Explicit,
            &["Ville", "Polygone", "Plurial Novilia"],
        );
        // A person's name of the same shape, not in the list, is no body.
        check("l'État, la CAF du Cher et France Morel", Mode::Loose, &["État", "CAF du Cher"]);
        // A brand and a landlord with its article are two bodies.
        check(
            "la CAF de l'Ain, Dynacité et l'OPAC 38",
            Mode::Explicit,
            &["CAF de l'Ain", "Dynacité", "OPAC 38"],
        );
        // Who was away is no party.
        check(
            "En l'absence du préfet, la sous-préfète, la CAF du Gers et Gers Habitat",
            Mode::Loose,
            &["sous-préfète", "CAF du Gers", "Gers Habitat"],
        );
        // A housing office after "et", named by its lower-case word.
        check(
            "la CAF de l'Ain, la mission locale Cœur de Bresse et l'office Ain Habitat",
            Mode::Explicit,
            &["CAF de l'Ain", "mission locale Cœur de Bresse", "office Ain Habitat"],
        );
    }

    #[test]
    fn participles_opening_a_list_are_dropped() {
        check(
            "suivis par le Département du Gard, la Région et la CAF",
            Mode::Loose,
            &["Département du Gard", "Région", "CAF"],
        );
        check("rejoints par la CPAM du Gard", Mode::Loose, &["CPAM du Gard"]);
        check("paraphés par la Région Occitanie", Mode::Loose, &["Région Occitanie"]);
    }

    #[test]
    fn headings_and_link_labels_are_no_bodies() {
        check(
            "2024-2030 aux côtés de la CAF, la Région et Habitat 76",
            Mode::Explicit,
            &["Région", "Habitat 76"],
        );
        check(
            "Découvrir les actions menées, la CAF et la Région",
            Mode::Explicit,
            &["CAF", "Région"],
        );
        check(
            "Signature du contrat de Lunel par Anne Brun, la Ville de Lunel",
            Mode::Explicit,
            &["Ville de Lunel"],
        );
        check(
            "Après une dernière réunion des services de la Région, l'État et la CAF",
            Mode::Explicit,
            &["État", "CAF"],
        );
        check(
            "L'évaluation des contrats de ville, l'État et la CAF",
            Mode::Explicit,
            &["État", "CAF"],
        );
        // A year inside a name, or a name that merely opens with a digit, stays.
        check("1001 Vies Habitat et la Région", Mode::Explicit, &["1001 Vies Habitat", "Région"]);
    }

    #[test]
    fn a_list_is_cut_and_its_lead_ins_dropped() {
        check(
            "les Villes de Lens, d'Avion ainsi que la CAF",
            Mode::Loose,
            &["Lens", "Avion", "CAF"],
        );
        check(
            "les villes de Dunkerque, Grande-Synthe, Gravelines, Loon-Plage et Saint-Pol-sur-Mer ;",
            Mode::Explicit,
            &["Dunkerque", "Grande-Synthe", "Gravelines", "Loon-Plage", "Saint-Pol-sur-Mer"],
        );
        check(
            "les communes de Lens et Liévin, la Région",
            Mode::Explicit,
            &["Lens", "Liévin", "Région"],
        );
        check(
            "les municipalités de la Madeleine, du Teil et des Mureaux",
            Mode::Explicit,
            &["La Madeleine", "Le Teil", "Les Mureaux"],
        );
        check("à la préfecture, entre l'État et la CAF", Mode::Explicit, &["État", "CAF"]);
        check(
            "la Région Bretagne, le Département du Finistère, France Travail et les bailleurs Archipel Habitat et Néotoa.",
            Mode::Loose,
            &[
                "Région Bretagne",
                "Département du Finistère",
                "France Travail",
                "Archipel Habitat",
                "Néotoa",
            ],
        );
        check(
            "Aux côtés de l'État, de la Région et de Forbach Porte de France, le Département de la Moselle",
            Mode::Explicit,
            &["État", "Région", "Forbach Porte de France", "Département de la Moselle"],
        );
        check(
            "Autour de l'État et de Lunel Agglo, la Région Occitanie",
            Mode::Explicit,
            &["État", "Lunel Agglo", "Région Occitanie"],
        );
        check(
            "l'Agence régionale de santé, ainsi que par les bailleurs sociaux présents dans les quartiers : Rouen Habitat, Habitat 76 et Quevilly Habitat",
            Mode::Loose,
            &["Agence régionale de santé", "Rouen Habitat", "Habitat 76", "Quevilly Habitat"],
        );
    }

    #[test]
    fn lists_flattened_with_dashes_or_slashes() {
        check(
            "État – Région Normandie – CAF du Calvados - Caen la Mer – Ville d'Hérouville",
            Mode::Explicit,
            &["État", "Région Normandie", "CAF du Calvados", "Caen la Mer", "Ville d'Hérouville"],
        );
        check(
            "la CAF / la CPAM / la MSA / France Travail",
            Mode::Explicit,
            &["CAF", "CPAM", "MSA", "France Travail"],
        );
        // one dash or one slash joins the parts of one name
        check(
            "Pôle emploi / France Travail ; Maisons et Cités – Soginorpa ; Ville de Saint-Pol-sur-Mer",
            Mode::Explicit,
            &[
                "Pôle emploi / France Travail",
                "Maisons et Cités – Soginorpa",
                "Ville de Saint-Pol-sur-Mer",
            ],
        );
    }

    #[test]
    fn names_holding_et_stay_whole() {
        check(
            "CCI Grand Hainaut ; Chambre des métiers et de l'artisanat ; Maisons et Cités – Soginorpa ; S.A. du Hainaut",
            Mode::Explicit,
            &[
                "CCI Grand Hainaut",
                "Chambre des métiers et de l'artisanat",
                "Maisons et Cités – Soginorpa",
                "S.A. du Hainaut",
            ],
        );
        check(
            "Brest métropole et la Ville de Brest ;",
            Mode::Explicit,
            &["Brest métropole", "Ville de Brest"],
        );
    }

    #[test]
    fn groups_are_dropped_and_plural_heads_distributed() {
        check(
            "les villes, les intercommunalités (la communauté de communes du Pays de Mormal, la communauté d'agglomération du Douaisis), le Département et la Région et les bailleurs sociaux.",
            Mode::Explicit,
            &[
                "Département",
                "Région",
                "bailleurs sociaux",
                "communauté de communes du Pays de Mormal",
                "communauté d'agglomération du Douaisis",
            ],
        );
        check(
            "les Départements de l'Essonne et de Seine-et-Marne ; les CAF du Val-d'Oise et des Yvelines",
            Mode::Explicit,
            &[
                "Département de l'Essonne",
                "Département de Seine-et-Marne",
                "CAF du Val-d'Oise",
                "CAF des Yvelines",
            ],
        );
        check(
            "18 partenaires institutionnels, d'autres partenaires et associatifs, les 12 communes concernées",
            Mode::Explicit,
            &[],
        );
    }

    #[test]
    fn roles_are_listed_only_when_unnamed() {
        check(
            "Madame la Préfète de l'Oise et de nombreux partenaires",
            Mode::Explicit,
            &["Préfète de l'Oise"],
        );
        check(
            "le document aux côtés de Paul Martin, président de l'agglomération, et du préfet de la Somme",
            Mode::Loose,
            &["préfet de la Somme"],
        );
        check(
            "le préfet de l'Orne, Jean Durand, et le président de Flers Agglo, Marie Petit, ainsi que les maires de Flers et de Tinchebray",
            Mode::Loose,
            &[],
        );
        check(
            "Paul DUPONT, président de la CALL, Anne Leroy, directrice de la CAF",
            Mode::Explicit,
            &[],
        );
        check("Paul Martin, préfet de la région Normandie, préfet de l'Orne", Mode::Loose, &[]);
        check(
            "Paul Martin, président de Brest métropole et maire de Brest, et du préfet du Finistère",
            Mode::Loose,
            &["préfet du Finistère"],
        );
        check(
            "l'agglomération, la métropole et la caisse d'allocations familiales",
            Mode::Explicit,
            &["caisse d'allocations familiales"],
        );
        check("préfet de la région Normandie, préfet de l'Orne, Paul Martin", Mode::Loose, &[]);
        check(
            "Aux côtés du préfet ont également signé Paul MARTIN, président de la Métropole du Grand Nancy",
            Mode::Explicit,
            &[],
        );
        check(
            "la Région Grand Est, l'ARS Grand Est",
            Mode::Loose,
            &["Région Grand Est", "ARS Grand Est"],
        );
        check(
            "le procureur de la République près le tribunal judiciaire de Laval",
            Mode::Loose,
            &["procureur de la République près le tribunal judiciaire de Laval"],
        );
    }

    #[test]
    fn a_party_working_with_others_is_cut_from_them() {
        check(
            "la Communauté urbaine en partenariat avec l'État, la Région et la CAF",
            Mode::Loose,
            &["Communauté urbaine", "État", "Région", "CAF"],
        );
        check(
            "la Ville de Cholet, en lien étroit avec la CAF de Maine-et-Loire et France Travail",
            Mode::Loose,
            &["Ville de Cholet", "CAF de Maine-et-Loire", "France Travail"],
        );
        check("la Métropole conjointement avec l'État", Mode::Explicit, &["Métropole", "État"]);
        check(
            "la Communauté de communes avec le soutien de la Région Bretagne",
            Mode::Loose,
            &["Communauté de communes", "Région Bretagne"],
        );
        // A body's own name holding "avec" stays whole.
        check(
            "Agir avec Pôle emploi, la CAF et l'État",
            Mode::Explicit,
            &["Agir avec Pôle emploi", "CAF", "État"],
        );
    }

    #[test]
    fn bodies_capitalised_like_names_are_bodies() {
        check(
            "l'État, la Ville, la Fondation Abbé Pierre, BGE Nord et la CAF",
            Mode::Loose,
            &["État", "Ville", "Fondation Abbé Pierre", "BGE Nord", "CAF"],
        );
        check(
            "l'État, la CAF, le Secours Populaire Français et le CDAD du Nord",
            Mode::Loose,
            &["État", "CAF", "Secours Populaire Français", "CDAD du Nord"],
        );
        check(
            "la Région, le Département, Initiative Flandre, le Cottage Social des Flandres",
            Mode::Explicit,
            &["Région", "Département", "Initiative Flandre", "Cottage Social des Flandres"],
        );
        // People stay people, written either way round.
        check("l'État, la CAF, Anne Maison et DUPONT Jean", Mode::Loose, &["État", "CAF"]);
        check("l'État, la CAF, Marc Lefort", Mode::Loose, &["État", "CAF"]);
    }

    #[test]
    fn a_role_with_qualifiers_before_its_body_is_listed() {
        check(
            "le directeur territorial de France Travail et la directrice générale de Domanys",
            Mode::Loose,
            &["directeur territorial de France Travail", "directrice générale de Domanys"],
        );
        check(
            "la directrice générale adjointe des services de la CAF",
            Mode::Explicit,
            &["directrice générale adjointe des services de la CAF"],
        );
        // The office alone names no body; a named holder signs.
        check(
            "le directeur territorial, la CAF de l'Yonne et l'ARS",
            Mode::Explicit,
            &["CAF de l'Yonne", "ARS"],
        );
        check("Luc Bon, directeur régional de France Travail", Mode::Explicit, &[]);
    }

    #[test]
    fn a_role_on_its_own_line_is_a_new_item() {
        check(
            "M. Paul ROUX, préfet de l'Orne ; Le directeur de la CAF de l'Orne ; La directrice générale d'Orne Habitat",
            Mode::Explicit,
            &["directeur de la CAF de l'Orne", "directrice générale d'Orne Habitat"],
        );
        check(
            "Mme Anne Petit, maire d'Alençon ; la directrice de la CPAM de l'Orne",
            Mode::Explicit,
            &["directrice de la CPAM de l'Orne"],
        );
        // On one line, a role after a named role is that person's other office.
        check("M. Paul ROUX, préfet de région, préfet de l'Orne", Mode::Explicit, &[]);
    }

    #[test]
    fn a_role_with_its_holder_named_after_it() {
        check(
            "la préfète de l'Orne Claire Dubois, le président de Flers Agglo Marc Leroy et la CAF de l'Orne",
            Mode::Loose,
            &["CAF de l'Orne"],
        );
        check(
            "le président de Grand Ouest Agglo",
            Mode::Loose,
            &["président de Grand Ouest Agglo"],
        );
    }

    #[test]
    fn a_plural_head_after_et_is_distributed() {
        check(
            "l'État, Vire Normandie et les villes de Condé et de Flers",
            Mode::Explicit,
            &["État", "Vire Normandie", "Condé", "Flers"],
        );
    }

    #[test]
    fn an_intercommunality_named_with_a_comma_and_et_is_one_party() {
        check(
            "l'État, la communauté d'agglomération Beaune, Côte et Sud, la Ville de Beaune et la CAF",
            Mode::Explicit,
            &["État", "communauté d'agglomération Beaune, Côte et Sud", "Ville de Beaune", "CAF"],
        );
        check(
            "l'État, Marne et Gondoire Agglomération et la Région",
            Mode::Explicit,
            &["État", "Marne et Gondoire Agglomération", "Région"],
        );
        // A 2015 carrier merged since: its name holds "et" too.
        check(
            "l'État, la communauté d'agglomération Marne et Chantereine et la Région",
            Mode::Explicit,
            &["État", "communauté d'agglomération Marne et Chantereine", "Région"],
        );
        // Two parties that merely sit side by side stay two.
        check(
            "l'État, la Ville de Beaune et la Région",
            Mode::Explicit,
            &["État", "Ville de Beaune", "Région"],
        );
    }

    #[test]
    fn officials_named_by_their_role_are_no_parties() {
        // "les maires de Lure et de Vesoul": persons by their role; no party is named by it.
        for list in [
            "l'État, les maires de Lure et de Vesoul",
            "la Région et les directeurs de la CAF et de la CPAM",
        ] {
            let found = names(list, Mode::Explicit);
            assert!(!found.is_empty(), "{list:?}");
            assert!(
                found.iter().all(|n| !n.starts_with("maire") && !n.starts_with("directeur")),
                "{list:?}: {found:?}"
            );
        }
    }

    #[test]
    fn loose_lists_need_a_known_kind() {
        check("Les aides viendront de l'État, de la Région", Mode::Loose, &["État", "Région"]);
        check("Jeudi 4 avril, la Ville de Flers", Mode::Loose, &["Ville de Flers"]);
        check(
            "Caen la Mer, l'État et leurs partenaires le nouveau contrat",
            Mode::Explicit,
            &["Caen la Mer", "État"],
        );
        check(
            "Caen la Mer, l'État et leurs partenaires le nouveau contrat",
            Mode::Loose,
            &["Caen la Mer", "État"],
        );
        check("Lens Avenir, l'État et leurs partenaires", Mode::Loose, &["État"]);
        check("le contrat de ville de la Métropole a été signé", Mode::Loose, &[]);
    }

    #[test]
    fn a_brand_in_lower_case_with_a_kind_word_is_a_body() {
        check(
            "l'État, la CAF, eQuilibre Logement et Domanys",
            Mode::Loose,
            &["État", "CAF", "eQuilibre Logement", "Domanys"],
        );
        check(
            "avec la Région, m2A Habitat, la CAF",
            Mode::Explicit,
            &["Région", "m2A Habitat", "CAF"],
        );
        // A lower-case word without a kind word, or a glued article, names no one.
        check("l'État, iPhone Store, la CAF", Mode::Loose, &["État", "CAF"]);
        check("l'État, deLa Région, la CAF", Mode::Loose, &["État", "CAF"]);
    }

    #[test]
    fn a_known_bailleur_with_its_region_is_that_bailleur() {
        check(
            "l'État, la CAF, Vilogia Hauts-de-France et CDC Habitat Sud-Ouest",
            Mode::Loose,
            &["État", "CAF", "Vilogia Hauts-de-France", "CDC Habitat Sud-Ouest"],
        );
        check(
            "la CAF, l'État et 3F Centre Val de Loire",
            Mode::Loose,
            &["CAF", "État", "3F Centre Val de Loire"],
        );
        // A person after the bailleur's name is its representative, not a branch.
        assert!(!lexicon::is_bailleur("Vilogia Paul Roux"));
        assert!(!lexicon::is_bailleur("Vilogia signe"));
        assert!(lexicon::is_bailleur("Seqens Île-de-France"));
    }

    #[test]
    fn a_rank_is_no_part_of_the_name() {
        check(
            "Grand Lac et la préfecture de la Savoie en tête",
            Mode::Explicit,
            &["Grand Lac", "préfecture de la Savoie"],
        );
    }

    #[test]
    fn the_services_of_a_party_are_no_parties() {
        check(
            "l'État et ses services (préfecture, DDETS, rectorat) ; la Région Bretagne",
            Mode::Explicit,
            &["État", "Région Bretagne"],
        );
        // members of a group are
        check(
            "les organismes sociaux (CAF, CPAM) et la Région",
            Mode::Explicit,
            &["Région", "CAF", "CPAM"],
        );
    }

    #[test]
    fn a_parenthesis_cut_short_is_dropped() {
        check(
            "la Région ; l'Agence nationale de la cohésion des territoires (AN",
            Mode::Explicit,
            &["Région", "Agence nationale de la cohésion des territoires"],
        );
    }

    #[test]
    fn who_represents_a_party_is_cut_from_its_name() {
        check(
            "Grand Lac représentée par sa présidente Anne Morel, la ville de Pornic par la voix de son maire Paul Roux, le Département en la personne de Luc Vidal",
            Mode::Explicit,
            &["Grand Lac", "ville de Pornic", "Département"],
        );
    }

    #[test]
    fn plural_groups_named_as_parties() {
        check(
            "l'État, le Conseil régional, les bailleurs et les associations",
            Mode::Explicit,
            &["État", "Conseil régional", "bailleurs", "associations"],
        );
        // What places the group goes.
        check(
            "la Région, le Département et les bailleurs sociaux de ces quartiers",
            Mode::Explicit,
            &["Région", "Département", "bailleurs sociaux"],
        );
        check(
            "la CAF, l'ARS ainsi que les bailleurs présents sur le territoire",
            Mode::Explicit,
            &["CAF", "ARS", "bailleurs"],
        );
        check(
            "l'État, la Ville et les associations locales",
            Mode::Explicit,
            &["État", "Ville", "associations"],
        );
        // A named body keeps its complement.
        check(
            "l'État et l'association des bailleurs sociaux de la Loire",
            Mode::Explicit,
            &["État", "association des bailleurs sociaux de la Loire"],
        );
        // alone, or in a loose list, they are no party
        check("les associations", Mode::Explicit, &[]);
        check("l'État, la Région et les associations", Mode::Loose, &["État", "Région"]);
    }

    #[test]
    fn the_services_of_the_state_are_the_state() {
        check(
            "les services de l'État et la Ville",
            Mode::Explicit,
            &["services de l'État", "Ville"],
        );
        check("les services de la Ville", Mode::Explicit, &[]);
    }

    #[test]
    fn an_agreement_is_no_party() {
        check("le Contrat 2024 – 2030, la Région", Mode::Explicit, &["Région"]);
        check("la Convention cadre et la CAF", Mode::Explicit, &["CAF"]);
    }

    #[test]
    fn an_abbreviation_is_kept_apart() {
        let list = "la Communauté d'Agglomération de Lens-Liévin (CALL), la CAF";
        let found = items(list, 0..list.len(), Mode::Explicit);
        assert_eq!(found[0].name, "Communauté d'Agglomération de Lens-Liévin");
        assert_eq!(found[0].abbreviation.as_deref(), Some("CALL"));
        assert_eq!(found[0].kind, Some("epci"));
    }
}
