//! The person-name recogniser: every place a text names a person, whatever the sentence.
//!
//! [`mentions`] is the API other families may use: it returns each [`NameMention`] with its
//! byte span, without looking at roles or verbs (the involvement rules of `people` decide from
//! the context what a mention is). A name is
//! - a given name of `rules/people/given_names.txt`, or initials ("J.-F."), and a family name,
//!   with its particle ("de la Tour", "Le Gall", "d'Estaing") and in any case ("GARNIER-LACOMBE");
//! - or the administrative order "HEMERY Cécile" (read "Cécile HEMERY");
//! - or a guessed pair of capitalised words whose first word is no known given name ("Aldebert
//!   Lebas"): marked [`NameMention::guessed`], it stands on its own only after a civility
//!   ("Mme Aldebert Lebas"); otherwise the caller must confirm it (the `people` grammar wants a
//!   role next to it or sure names around it).
//!
//! Scraped pages lose spaces and apostrophes: a given name glued to the word before
//! ("signatureJean Martinet") or its family name glued to it ("JeanMARTINET"), and a particle
//! that lost its apostrophe ("Anne dEstaing", "Anne d Estaing") are read too. Never a name: a
//! capitalised word alone, a pair after a place word ("rue Jean Jaurès", "cité Jacques
//! Duclos"), an article ("la Grâce de Dieu") or a preposition opening a complement ("président
//! de Troyes Champagne").
//!
//! The text should be the normalised view (plain apostrophes); offsets are bytes of that text.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{is_given, is_not_name, is_place_word, is_role_word};

/// A person named in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameMention {
    /// The name as a reader writes it: given name first, white space collapsed, a lost space
    /// restored ("Jean MARTINET" for "JeanMARTINET").
    pub name: String,
    /// Where the name stands (byte offsets of the text given to [`mentions`]).
    pub span: Range<usize>,
    /// The first word is no known given name: the context must confirm it is a person.
    pub guessed: bool,
}

/// Every person name of `text`, in text order, none overlapping another.
pub fn mentions(text: &str) -> Vec<NameMention> {
    names(text)
        .into_iter()
        .map(|n| NameMention { name: n.display, span: n.range, guessed: n.weak })
        .collect()
}

/// A capitalised token: a word (hyphenated parts may be lower case: "Saint-Étienne-du-Rouvray")
/// or initials ("J.-F.", "J.").
static TOKEN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b(?:\p{Lu}\.(?:-?\p{Lu}\.)*|\p{Lu}[\p{L}']*(?:-\p{L}[\p{L}']*)*)")
        .expect("valid regex")
});

/// White space within a name: spaces, or one line break.
const SP: &str = r"(?:[ \t]+|[ \t]*\n[ \t]*)";

/// A family name right after a given name, with its particle.
static FAMILY_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{SP}(?P<fam>(?:(?:de{SP}la|DE{SP}LA|De{SP}La|de|du|des|De|Du|Des|Le|La|DE|DU|DES|LE|LA|Van{SP}der|van{SP}der|VAN{SP}DER|Van|van|VAN|Von|von|VON|Ben|BEN|El|EL|Aït|Ait|AÏT|AIT|Abou|ABOU|Da|DA|Di|DI|Del|DEL|Mac|MAC|Ould|OULD|d){SP}|[dD]'|d)?(?P<core>\p{{Lu}}[\p{{L}}']*(?:-\p{{L}}[\p{{L}}']*)*))"
    ))
    .expect("valid regex")
});

/// A family name glued to its given name ("JeanMARTINET", "JeanMartinet").
static FAMILY_GLUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<fam>(?P<core>\p{Lu}[\p{L}']*(?:-\p{L}[\p{L}']*)*))").expect("valid regex")
});

/// A civility right before a name ("M. ", "Mme ", "Monsieur ").
static CIVILITY_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^\p{L}])(?:M\.|Mme|Mmes|MM\.|Madame|Monsieur)[ \t]+$").expect("valid regex")
});

/// A capitalised word that may stand glued after lower-case letters ("signatureJean").
static GLUED_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)*").expect("valid regex"));

/// A capitalised token of the text.
struct Tok<'a> {
    text: &'a str,
    range: Range<usize>,
    /// Cut out of a longer word whose spaces were lost ("signatureJean", "JeanMARTINET"): only
    /// a known given name counts there.
    glued: bool,
}

impl<'a> Tok<'a> {
    fn start(&self) -> usize {
        self.range.start
    }
    fn end(&self) -> usize {
        self.range.end
    }
    fn as_str(&self) -> &'a str {
        &self.text[self.range.clone()]
    }
}

/// The capitalised tokens of `text`, with those found inside words that lost their spaces: a
/// capital right after a lower-case letter ("signatureJean", "JeanMARTINET" gives "Jean" and
/// "MARTINET").
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let mut out: Vec<Tok> =
        TOKEN.find_iter(text).map(|m| Tok { text, range: m.range(), glued: false }).collect();
    let mut prev: Option<char> = None;
    for (i, c) in text.char_indices() {
        let starts_word = !prev.is_some_and(char::is_alphanumeric);
        let after_lower = prev.is_some_and(char::is_lowercase);
        prev = Some(c);
        if !c.is_uppercase() || !(after_lower || starts_word) {
            continue;
        }
        let Some(m) = GLUED_WORD.find(&text[i..]) else { continue };
        let range = i..i + m.end();
        // A word start only counts when the word goes on glued ("JeanMARTINET").
        let whole = out.iter().any(|t| t.range == range);
        let inside = text[range.end..].chars().next().is_some_and(char::is_alphabetic);
        if whole || starts_word && !inside {
            continue;
        }
        out.push(Tok { text, range, glued: true });
    }
    out.sort_by_key(|t| (t.range.start, std::cmp::Reverse(t.range.end)));
    out
}

/// Whether `particle core` is a family name made of a saint's name ("de Saint-Aubin", "DE
/// SAINTE-CROIX"): after "de", a hyphenated Saint- word names a person, not a place.
fn saint_family(particle: &str, core: &str) -> bool {
    let core = core.to_lowercase();
    particle.eq_ignore_ascii_case("de")
        && (core.starts_with("saint-") || core.starts_with("sainte-"))
        && core.len() > "sainte-".len()
}

/// Whether `core` is a hyphenated saint's name ("Saint-Cyr", "SAINTE-ROSE") whose other parts
/// are no function words.
fn saint_compound(core: &str) -> bool {
    let lower = core.to_lowercase();
    let rest = lower.strip_prefix("saint-").or_else(|| lower.strip_prefix("sainte-"));
    rest.is_some_and(|r| r.len() > 1 && r.split('-').all(|p| !is_not_name(p)))
}

/// Where a family name goes on when `core` is the single letter of one that lost its
/// apostrophe ("N GUYEN" for "N'GUYEN", "D Argens" for "D'Argens", "O Neill"): the next
/// capitalised word on the line.
fn lost_apostrophe(text: &str, end: usize, core: &str) -> Option<usize> {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t](?P<w>\p{Lu}[\p{L}']+(?:-\p{L}[\p{L}']*)*)").expect("valid regex")
    });
    if !matches!(core, "N" | "D" | "L" | "O") {
        return None;
    }
    let w = NEXT.captures(&text[end..])?.name("w")?;
    (!other_word(w.as_str())).then(|| end + w.end())
}

/// A given name after a family name in capitals ("HEMERY Cécile").
static GIVEN_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]+(?P<given>\p{Lu}\p{Ll}[\p{Ll}']*(?:-\p{Lu}\p{Ll}[\p{Ll}']*)*)\b")
        .expect("valid regex")
});

/// A name candidate.
pub(super) struct Name {
    pub range: Range<usize>,
    pub display: String,
    /// The first word is not a known given name: a role must confirm it.
    pub weak: bool,
}

/// Collapses runs of white space to one space.
pub(super) fn squeeze(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether `word` is written in capitals ("HEMERY", "GARNIER-LACOMBE").
pub(super) fn all_caps(word: &str) -> bool {
    word.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && word.chars().all(|c| !c.is_lowercase())
}

/// Whether `word` is written "Title" or "TITLE" (not "McDonald"-like mixed case is fine too).
fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Whether the token is initials ("J.-F.", "J."), not the civility "M.".
pub(super) fn initials(word: &str) -> bool {
    word.ends_with('.') && word != "M."
}

/// The word right before `at` on the same line, lower-cased; an elided word keeps its
/// apostrophe ("l'", "d'").
fn word_before(text: &str, at: usize) -> String {
    let head = &text[..at];
    let trimmed = head.trim_end_matches([' ', '\t']);
    if let Some(elided) = trimmed.strip_suffix('\'') {
        // "l'Anne", "d'Anne-Laure": the elided word.
        let w: String = elided.chars().rev().take_while(|c| c.is_alphabetic()).collect();
        return w.chars().rev().collect::<String>().to_lowercase() + "'";
    }
    let w: String = trimmed
        .chars()
        .rev()
        .take_while(|c| c.is_alphanumeric() || *c == '-' || *c == '.')
        .collect();
    w.chars().rev().collect::<String>().to_lowercase()
}

/// Whether the context before a pair at `at` rules it out as a person.
fn bad_context(text: &str, at: usize) -> bool {
    let before = word_before(text, at);
    matches!(
        before.as_str(),
        "le" | "la" | "les" | "du" | "des" | "au" | "aux" | "l'" | "un" | "une" | "ce" | "cette"
    ) || is_place_word(before.trim_end_matches('.'))
}

/// Whether the text after a pair makes it an item of a place list ("Charlotte Corday /
/// Plateau").
fn place_list_after(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches([' ', '\t']);
    rest.starts_with('/')
}

/// Where a name goes on when its "family name" `core` (ending at `end`) is a second given name
/// written without a hyphen: "Jean Pierre Martinet", "Thi Lan Nguyen".
fn second_given(text: &str, end: usize, particle: &str, core: &str) -> Option<usize> {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[ \t]+(?P<fam>(?:(?:de[ \t]+la|de|du|des|Le|La|Van[ \t]+der|Van|Von|Ben|El|Da|Di|Del|Mac|Ould)[ \t]+|[dD]')?(?P<core>\p{Lu}[\p{L}']*(?:-\p{L}[\p{L}']*)*))",
        )
        .expect("valid regex")
    });
    if !particle.is_empty() || !is_given(core) || all_caps(core) && core.len() > 1 {
        return None;
    }
    let caps = NEXT.captures(&text[end..])?;
    let next = caps.name("core")?.as_str();
    let blocked = is_given(next)
        || is_not_name(next)
        || is_role_word(next)
        || is_place_word(next)
        || ARTICLES.contains(&next.to_lowercase().as_str());
    (!blocked).then(|| end + caps.name("fam").map_or(0, |f| f.end()))
}

/// Where a name goes on when its family name has two words without a hyphen ("Anne Le Goff
/// Martin, rectrice", "Luis Garcia Lopez (maire)"): the second is a capitalised word that is no
/// given name, role, place or function word, and a role apposition follows it (a comma or a
/// parenthesis, then a role word), which shows the name ends there.
fn double_family(text: &str, end: usize) -> Option<usize> {
    static NEXT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"^[ \t]+(?P<w>\p{Lu}[\p{L}']*(?:-\p{L}[\p{L}']*)*)[ \t]*(?:,|\()[ \t]*(?:(?:le|la|Le|La)[ \t]+|[lL]')?(?P<role>[\p{L}-]+)",
        )
        .expect("valid regex")
    });
    let caps = NEXT.captures(&text[end..])?;
    let w = caps.name("w")?;
    let word = w.as_str();
    (!other_word(word) && is_role_word(caps.name("role")?.as_str())).then(|| end + w.end())
}

/// Whether `word` is a given name, a role, a place or a function word: no family name.
fn other_word(word: &str) -> bool {
    is_given(word)
        || is_not_name(word)
        || is_role_word(word)
        || is_place_word(word)
        || ARTICLES.contains(&word.to_lowercase().as_str())
}

/// The family name written before two given names, in the order of Vietnamese names
/// ("Nguyen Thi Lan"): a capitalised word right before `at` on the same line that is no given
/// name, role, place word or function word, and does not overlap an earlier name (`floor`).
fn family_first(text: &str, at: usize, floor: usize) -> Option<Range<usize>> {
    static BEFORE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?:^|[\s(,:;•|-])(?P<w>\p{Lu}[\p{Ll}']+)[ \t]+$").expect("valid regex")
    });
    let lo = text.ceil_char_boundary(at.saturating_sub(40).max(floor));
    let caps = BEFORE.captures(&text[lo..at])?;
    let w = caps.name("w")?;
    let word = w.as_str();
    let blocked = other_word(word) || bad_context(text, lo + w.start());
    (!blocked).then(|| lo + w.start()..lo + w.end())
}

/// The name candidates of `text` (see the module doc).
pub(super) fn names(text: &str) -> Vec<Name> {
    let tokens = tokens(text);
    let mut out: Vec<Name> = Vec::new();
    let mut consumed = 0;
    // Known given names and initials first, so that a guessed pair never hides a sure one.
    for tok in &tokens {
        if tok.start() < consumed {
            continue;
        }
        let word = tok.as_str();
        if (initials(word) || is_given(word)) && !bad_context(text, tok.start()) {
            let family = FAMILY_AT.captures(&text[tok.end()..]).or_else(|| {
                // "JeanMARTINET": the space between given and family name was lost.
                let glued = text[..tok.end()].chars().next_back().is_some_and(char::is_lowercase);
                glued.then(|| FAMILY_GLUED.captures(&text[tok.end()..])).flatten()
            });
            if let Some(caps) = family {
                let (Some(fam), Some(core)) = (caps.name("fam"), caps.name("core")) else {
                    continue;
                };
                let core = core.as_str();
                let end = tok.end() + fam.end();
                let particle = fam.as_str()[..fam.as_str().len() - core.len()].trim();
                // "Mathilde Saint-Cyr": a saint's name without a particle may be a family name
                // or a place ("Marie Saint-Denis" of a street): a role must confirm it.
                let saint = particle.is_empty() && saint_compound(core);
                if (!is_not_name(core) || saint_family(particle, core) || saint)
                    && !is_role_word(core)
                    && !(initials(word) && (is_given(core) || matches!(particle, "du" | "des")))
                    && !place_list_after(text, end)
                {
                    let (end, fam) = match second_given(text, end, particle, core) {
                        Some(longer) => (longer, &text[tok.end()..longer]),
                        None => (end, fam.as_str()),
                    };
                    let (end, fam) = match double_family(text, end) {
                        Some(longer) => (longer, &text[tok.end()..longer]),
                        None => (end, fam),
                    };
                    let (end, fam) = match lost_apostrophe(text, end, core) {
                        Some(longer) => (longer, &text[tok.end()..longer]),
                        None => (end, fam),
                    };
                    let mut start = tok.start();
                    let mut display = format!("{} {}", word, squeeze(fam));
                    if particle.is_empty()
                        && is_given(core)
                        && let Some(family) = family_first(text, tok.start(), consumed)
                    {
                        display = format!("{} {display}", &text[family.clone()]);
                        start = family.start;
                    }
                    let weak = saint && is_not_name(core);
                    out.push(Name { range: start..end, display, weak });
                    consumed = end;
                    continue;
                }
            }
        }
        if all_caps(word)
            && !is_not_name(word)
            && !bad_context(text, tok.start())
            && let Some(caps) = GIVEN_AFTER.captures(&text[tok.end()..])
        {
            let Some(given) = caps.name("given") else { continue };
            if is_given(given.as_str()) {
                let end = tok.end() + given.end();
                let display = format!("{} {}", given.as_str(), word);
                out.push(Name { range: tok.start()..end, display, weak: false });
                consumed = end;
            }
        }
    }
    // Then guessed pairs ("Thibaut Keller"), kept only if a role stands next to them.
    let sure: Vec<Range<usize>> = out.iter().map(|n| n.range.clone()).collect();
    for tok in tokens.iter().filter(|t| !t.glued) {
        let word = tok.as_str();
        let overlaps = |r: &Range<usize>| sure.iter().any(|s| s.start < r.end && r.start < s.end);
        if initials(word)
            || all_caps(word)
            || !capitalised(word)
            || word.contains('-') && !is_given(word)
            || is_not_name(word)
            || is_role_word(word)
            || is_place_word(word)
            || ARTICLES.contains(&word.to_lowercase().as_str())
            || bad_context(text, tok.start())
            || complement_position(text, tok.start())
            || party_position(text, tok.start())
        {
            continue;
        }
        let Some(caps) = FAMILY_AT.captures(&text[tok.end()..]) else { continue };
        let (Some(fam), Some(core)) = (caps.name("fam"), caps.name("core")) else { continue };
        let range = tok.start()..tok.end() + fam.end();
        let core = core.as_str();
        // "Germaine Apollinaire, maire de X": a family name that is also a given name, after
        // a given name the list leaves out, is a pair all the same when a role follows it.
        let role_after = ROLE_APPOSED.is_match(&text[range.end..]);
        if overlaps(&range)
            || is_not_name(core)
            || is_role_word(core)
            || is_given(core) && !role_after
            || fam.as_str().contains('\n')
        {
            continue;
        }
        let display = format!("{} {}", word, squeeze(fam.as_str()));
        // After a civility ("Mme Aldebert Lebas") a pair is a person whatever its given name.
        let weak = !CIVILITY_BEFORE.is_match(&text[..tok.start()]);
        out.push(Name { range, display, weak });
    }
    out.sort_by_key(|n| n.range.start);
    // A guessed pair overlapping another guessed pair: keep the first.
    let mut kept: Vec<Name> = Vec::new();
    for n in out {
        if kept.last().is_some_and(|k| k.range.end > n.range.start) {
            continue;
        }
        kept.push(n);
    }
    kept
}

/// A role in apposition right after a name: ", maire de", ", préfète", ", président".
static ROLE_APPOSED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*,\s*(?:maire|préfète?|président|présidente|sous-préfète?|adjointe?|vice-présidente?|conseill(?:er|ère)|députée?|sénat(?:eur|rice)|directeur|directrice)\b")
        .expect("valid regex")
});

/// Whether a guessed pair at `at` follows a preposition that opens a place or an organisation
/// ("président de Troyes Champagne", "à Saint Quentin"), not a cue ("en présence de").
fn complement_position(text: &str, at: usize) -> bool {
    static CUE_DE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:présence|côtés)\s+(?:de\s+|d')$").expect("valid regex")
    });
    matches!(word_before(text, at).as_str(), "de" | "d'" | "à" | "en")
        && !CUE_DE.is_match(&text[..at])
}

/// Whether a guessed pair at `at` stands where a signature block names a party ("Pour Plurial
/// Novilia, le directeur général", "au nom de Reims Habitat"): a body, not a person.
fn party_position(text: &str, at: usize) -> bool {
    static PARTY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?:\bpour|\bau\s+nom\s+de)[ \t]+$").expect("valid regex")
    });
    PARTY.is_match(&text[..at])
}

/// Capitalised function words that never open a name.
const ARTICLES: &[&str] = &[
    "madame",
    "mademoiselle",
    "maître",
    "docteur",
    "professeur",
    "monsieur",
    "m.",
    "mme",
    "mlle",
    "au",
    "aux",
    "ce",
    "cette",
    "ces",
    "d'",
    "de",
    "des",
    "du",
    "en",
    "et",
    "il",
    "ils",
    "la",
    "le",
    "les",
    "l'",
    "leur",
    "nos",
    "notre",
    "par",
    "pour",
    "sur",
    "un",
    "une",
    "vous",
    "nous",
];

#[cfg(test)]
mod tests {
    use super::*;

    /// `(name, spanned text, guessed)` of every mention of `text`.
    fn read(text: &str) -> Vec<(String, String, bool)> {
        mentions(text).into_iter().map(|m| (m.name, text[m.span].to_owned(), m.guessed)).collect()
    }

    /// Asserts that `text` names exactly `names` (sure ones), in order.
    #[track_caller]
    fn sure(text: &str, names: &[&str]) {
        let got: Vec<String> = read(text).into_iter().filter(|m| !m.2).map(|m| m.0).collect();
        assert_eq!(got, names, "{text:?}");
    }

    /// Asserts that `text` names nobody, not even a guessed pair.
    #[track_caller]
    fn nobody(text: &str) {
        assert!(read(text).is_empty(), "{text:?}: {:?}", read(text));
    }

    #[test]
    fn a_saint_s_name_as_family_name_is_guessed() {
        let got = read("Hier, Mathilde Saint-Cyr, maire de Reims, est venue.");
        assert_eq!(got, [("Mathilde Saint-Cyr".into(), "Mathilde Saint-Cyr".into(), true)]);
        let got = read("Hier, Lucien SAINTE-ROSE est venu.");
        assert_eq!(got.len(), 1);
        assert!(got[0].2, "guessed");
        // Not a saint's name alone, nor a place word after it.
        sure("Hier, Jean Saint est venu.", &[]);
    }

    #[test]
    fn a_party_of_a_signature_block_is_no_guessed_pair() {
        nobody("Pour Plurial Novilia, le directeur général");
        nobody("Au nom de Reims Habitat, la directrice");
        // A known given name after "pour" stays a name.
        sure("Pour Anne Brun, le contrat compte.", &["Anne Brun"]);
    }

    #[test]
    fn names_in_every_shape() {
        sure("Hier, Jean-François Martinet est venu.", &["Jean-François Martinet"]);
        sure("Hier, Marie-Hélène de la Tour est venue.", &["Marie-Hélène de la Tour"]);
        sure("Hier, Yves Le Gall est venu.", &["Yves Le Gall"]);
        // Upper-case particles of an upper-case family name.
        sure("Hier, Anne-Marie DE LA FONTAINE est venue.", &["Anne-Marie DE LA FONTAINE"]);
        sure("Hier, Yves LE GALL est venu.", &["Yves LE GALL"]);
        // Particles of Arabic, Berber, Dutch or Italian family names, in any case.
        sure("Hier, Nadia EL MANSOURI est venue.", &["Nadia EL MANSOURI"]);
        sure("Hier, Karim BEN SAÏD est venu.", &["Karim BEN SAÏD"]);
        sure("Hier, Samir Aït Oufella est venu.", &["Samir Aït Oufella"]);
        sure("Hier, Marco DI ROSA est venu.", &["Marco DI ROSA"]);
        sure("Hier, Julien VAN DER BERG est venu.", &["Julien VAN DER BERG"]);
        // A family name made of a saint's name after "de".
        sure("Hier, Xavier de Saint-Aubin est venu.", &["Xavier de Saint-Aubin"]);
        sure("Hier, Claire DE SAINTE-CROIX est venue.", &["Claire DE SAINTE-CROIX"]);
        sure("Hier, J.-F. Martinet est venu.", &["J.-F. Martinet"]);
        // A family name that lost its apostrophe.
        sure("Hier, Marc-Olivier N GUYEN est venu.", &["Marc-Olivier N GUYEN"]);
        sure("Hier, Awa N Diaye est venue.", &["Awa N Diaye"]);
        sure("Hier, Sean O Neill est venu.", &["Sean O Neill"]);
        sure("Hier, Marie L Hôte est venue.", &["Marie L Hôte"]);
        sure("Avec Paul Roche et Anne Brun.", &["Paul Roche", "Anne Brun"]);
    }

    #[test]
    fn upper_case_surnames_both_orders() {
        sure("Hier, Josiane RAMBERT-DUVAL est venue.", &["Josiane RAMBERT-DUVAL"]);
        sure("Contact : DURAND Hélène, chargée de mission", &["Hélène DURAND"]);
        sure("PAUL ROCHE, MAIRE DE LUNEL", &["PAUL ROCHE"]);
    }

    #[test]
    fn spans_cover_the_name() {
        let text = "Signé par Anne Brun hier.";
        let m = mentions(text);
        assert_eq!(m.len(), 1);
        assert_eq!(&text[m[0].span.clone()], "Anne Brun");
    }

    #[test]
    fn glued_words_of_scraped_pages() {
        // The space before the name was lost.
        assert_eq!(
            read("la signatureAnne Brun, maire"),
            vec![("Anne Brun".into(), "Anne Brun".into(), false)]
        );
        sure("en présence deMonsieur Paul Roche", &["Paul Roche"]);
        // The space between given and family name was lost.
        assert_eq!(
            read("signé par PaulROCHE, maire"),
            vec![("Paul ROCHE".into(), "PaulROCHE".into(), false)]
        );
        sure("avec AnneBrun hier", &["Anne Brun"]);
        // A capital glued inside a word that is no given name stays no name.
        nobody("la grandeVille Nouvelle est belle");
        nobody("le siteWeb Officiel");
    }

    #[test]
    fn lost_apostrophes_in_particles() {
        sure("avec Anne dEstaing hier", &["Anne dEstaing"]);
        sure("avec Anne d Estaing hier", &["Anne d Estaing"]);
        sure("avec Anne d'Estaing hier", &["Anne d'Estaing"]);
        nobody("avec le soutien dEurope hier");
    }

    #[test]
    fn two_word_family_names_before_a_role() {
        sure(
            "signé par Anne Le Goff Kervella, rectrice de l'académie.",
            &["Anne Le Goff Kervella"],
        );
        sure("Hier, Luis Garcia Lopez (maire de Sète) a parlé.", &["Luis Garcia Lopez"]);
        // No role after the second word, or the second word is a role or an institution.
        sure("Hier, Anne Brun Durand et Paul Roche ont parlé.", &["Anne Brun", "Paul Roche"]);
        sure("Avec Anne Brun Préfète, et Paul Roche.", &["Anne Brun", "Paul Roche"]);
        sure("Avec Anne Brun Métropole, présidente.", &["Anne Brun"]);
    }

    #[test]
    fn guessed_pairs_and_civilities() {
        assert_eq!(
            read("Hier, Aldebert Lebas est venu."),
            vec![("Aldebert Lebas".into(), "Aldebert Lebas".into(), true)]
        );
        sure("Hier, Mme Aldebert Lebas est venue.", &["Aldebert Lebas"]);
        sure("Hier, Monsieur Aldebert Lebas est venu.", &["Aldebert Lebas"]);
        // A family name that is also a given name ("Apollinaire") makes a pair before a role.
        assert_eq!(
            read("Hier, Aldebertine Apollinaire, maire de Kourou, a signé."),
            vec![("Aldebertine Apollinaire".into(), "Aldebertine Apollinaire".into(), true)]
        );
        nobody("Hier, Aldebertine Apollinaire a signé.");
        // A civility before a place or an institution does not make it a person.
        nobody("Monsieur le Préfet a signé.");
        nobody("M. Durand a signé.");
    }

    #[test]
    fn places_and_institutions_are_no_names() {
        nobody("Le quartier Saint-Pierre et la cité Jacques Duclos.");
        nobody("Rendez-vous avenue de Gaulle, rue Victor Hugo.");
        nobody("France Travail et la Région signent.");
        // A guessed pair at most, which the caller confirms or not.
        sure("La Métropole Rouen Normandie signe.", &[]);
        nobody("le président de Troyes Champagne signe");
    }
}
