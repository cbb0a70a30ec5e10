//! The name and role grammar the `people` rules share (not a rule itself).
//!
//! A *name* is a given name from `rules/people/given_names.txt` (or an initial, "J.-F.") and a
//! family name, with its particle ("de la Tour", "Le Gall") and in any case ("GARNIER-LACOMBE");
//! the administrative order "HEMERY Cécile" is read too and written "Cécile HEMERY". A pair whose
//! first word is not a known given name ("Thibaut Keller") counts only when a role stands next to
//! it. A capitalised word alone is never a person, nor a pair after a place word ("rue Jean
//! Jaurès", "cité Jacques Duclos") or an article ("la Grâce de Dieu").
//!
//! A *role* opens with a word of `rules/people/roles.tsv` and runs over its complement ("préfet
//! de la région Nord – Pas-de-Calais, préfet du Nord", "président de Caen la Mer et maire de
//! Caen") until a clause ends: a verb, a relative pronoun, a new name, punctuation that does not
//! lead to another role. It stands after the name (", préfet du Gard", "(maire de Lens)") or
//! before it ("le préfet du Morbihan, Arnaud Kerbiriou"). A *mention* is a name with its role.
//!
//! The helpers below also cut the text into sentences and paragraphs, which the rules use as the
//! reach of a cue.

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{self, ROLE, ROLE_ANY, RoleKind, RoleOrg, cues, is_role_word};
pub(super) use super::names::squeeze;
use super::names::{Name, names};
use crate::record::Format;
use crate::rules::Doc;

/// A role as the text gives it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Role {
    /// The role, white space collapsed ("préfet de la région Normandie, préfet du Calvados").
    pub text: String,
    pub range: Range<usize>,
    pub kind: RoleKind,
    pub organization: Option<String>,
    /// "ancien maire", "alors préfète": the role is held no more.
    pub past: bool,
}

/// A named person at one place of the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Mention {
    /// Given name first, as written otherwise ("Pierre-Étienne GARNIER-LACOMBE").
    pub name: String,
    pub name_range: Range<usize>,
    pub role: Option<Role>,
    /// The name and its role.
    pub full: Range<usize>,
}

/// A document read by the grammar: its mentions and its sentence boundaries.
pub(super) struct Parsed<'a> {
    pub text: &'a str,
    pub html: bool,
    pub mentions: &'a [Mention],
    /// Offsets where a sentence starts (0 included), sorted.
    breaks: &'a [usize],
}

impl<'a> Parsed<'a> {
    pub fn new(doc: &Doc<'a>) -> Parsed<'a> {
        let text = doc.text();
        let html = doc.format == Format::Html;
        // Computed by the first rule of the family that asks, shared by the others.
        let (mentions, breaks) = doc.analysis().people[usize::from(html)].get_or_init(|| {
            let mentions = mentions(text, html);
            let starts: Vec<usize> = mentions.iter().map(|m| m.full.start).collect();
            let breaks = sentence_breaks(text, html, &starts);
            (mentions, breaks)
        });
        Parsed { text, html, mentions, breaks }
    }

    /// The sentence around offset `at`.
    pub fn sentence(&self, at: usize) -> Range<usize> {
        let i = self.breaks.partition_point(|&b| b <= at);
        let start = self.breaks.get(i.wrapping_sub(1)).copied().unwrap_or(0);
        let end = self.breaks.get(i).copied().unwrap_or(self.text.len());
        start..end
    }

    /// The paragraph around offset `at`: between blank lines, or the line for HTML. A paragraph
    /// of one line longer than [`LONG_PARAGRAPH`] is a text whose line breaks were lost (a PDF's
    /// text on one line): its paragraph is then the sentence of `at` with the two before it.
    pub fn paragraph(&self, at: usize) -> Range<usize> {
        let whole = paragraph(self.text, at, self.html);
        if whole.len() <= LONG_PARAGRAPH || self.text[whole.clone()].trim().contains('\n') {
            return whole;
        }
        let i = self.breaks.partition_point(|&b| b <= at);
        let start = i.checked_sub(3).and_then(|k| self.breaks.get(k)).copied().unwrap_or(0);
        let end = self.breaks.get(i).copied().unwrap_or(self.text.len());
        start.max(whole.start)..end.min(whole.end)
    }

    /// The text a cue at `at` must share with a word of signing to be about the signing: its
    /// paragraph and the one before (a heading or a first sentence may carry the "signé").
    pub fn signing_reach(&self, at: usize) -> Range<usize> {
        let here = self.paragraph(at);
        let before = self.text[..here.start].trim_end();
        let start = if before.is_empty() { here.start } else { self.paragraph(before.len()).start };
        start..here.end
    }

    /// The mentions whose name starts in `range`.
    pub fn within(&self, range: Range<usize>) -> impl Iterator<Item = &Mention> {
        self.mentions.iter().filter(move |m| range.contains(&m.name_range.start))
    }

    /// The mentions a cue's list reaches in `range`, less a last one that opens a line as the
    /// subject of a new clause ("Ont signé :\nA, préfet\nB a rappelé l'enjeu": not B).
    pub fn listed(&self, range: Range<usize>) -> Vec<&Mention> {
        static NEW_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[ \t]*,?[ \t]*(?:a|ont|avait|avaient|est|sont)\s+\p{Ll}")
                .expect("valid regex")
        });
        let mut out: Vec<&Mention> = self.within(range).collect();
        if let Some(last) = out.last() {
            let line_start = self.text[..last.full.start].rfind('\n').map_or(0, |p| p + 1);
            let opens_line = self.text[line_start..last.full.start].trim().is_empty();
            if out.len() > 1 && opens_line && NEW_CLAUSE.is_match(&self.text[last.full.end..]) {
                out.pop();
            }
        }
        out
    }

    /// The mention that starts at `at` (its role may come first), allowing an article before.
    pub fn starting_at(&self, at: usize) -> Option<&Mention> {
        let rest = &self.text[at..];
        let skip = LEAD.find(rest).map_or(0, |m| m.end());
        self.mentions.iter().find(|m| m.full.start == at + skip)
    }

    /// Where a list that follows a verb at `at` starts: a mention right after it ("ont signé
    /// A, B"), after a short time or place set off by commas ("a réuni, mardi 4 juin, A, B";
    /// "a réuni, en mairie, A"), or after a colon closing the verb's clause ("ont signé le
    /// contrat : A, B").
    pub fn list_after(&self, at: usize) -> Option<usize> {
        static COLON: LazyLock<Regex> =
            LazyLock::new(|| Regex::new(r"^[^.;:«»\n]{0,80}:").expect("valid regex"));
        static SET_OFF: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^[ \t]*,[ \t]*(?:\p{Ll}|\d|[ÀA]\s|Lundi|Mardi|Mercredi|Jeudi|Vendredi|Samedi|Dimanche)[^,.;:«»()\n]{1,48},[ \t]*")
                .expect("valid regex")
        });
        if self.starting_at(at).is_some() {
            return Some(at);
        }
        if let Some(gap) = SET_OFF.find(&self.text[at..])
            && self.within(at..at + gap.end()).next().is_none()
            && self.starting_at(at + gap.end()).is_some()
        {
            return Some(at + gap.end());
        }
        let colon = COLON.find(&self.text[at..])?;
        self.starting_at(at + colon.end()).map(|_| at + colon.end())
    }

    /// The mentions listed from `at` on: the first starts at `at` (see [`Self::starting_at`]),
    /// each next one is joined to the one before by a comma, "et", "ainsi que", a semicolon.
    pub fn listed_from(&self, at: usize) -> Vec<&Mention> {
        let Some(first) = self.starting_at(at) else { return Vec::new() };
        let mut out = vec![first];
        let mut end = first.full.end;
        while let Some(next) = self.mentions.iter().find(|m| m.full.start >= end) {
            if !LIST_GAP.is_match(&self.text[end..next.full.start]) {
                break;
            }
            out.push(next);
            end = next.full.end;
        }
        out
    }

    /// The last mention that ends at or before `at`.
    pub fn mention_before(&self, at: usize) -> Option<&Mention> {
        self.mentions.iter().rev().find(|m| m.full.end <= at)
    }

    /// The mentions listed just before `at` ("A, préfet, B, maire, et C, président, ont
    /// signé"): the last one ends at `at` (a comma or "y"/"l'" between), each earlier one is
    /// joined to the next by a comma, "et" or "ainsi que".
    pub fn listed_before(&self, at: usize) -> Vec<&Mention> {
        let mut out = Vec::new();
        let mut end = at;
        let mut gap: &Regex = &SUBJECT_GAP;
        while let Some(m) = self
            .mentions
            .iter()
            .rev()
            .find(|m| m.full.end <= end && gap.is_match(&self.text[m.full.end..end]))
        {
            out.push(m);
            end = m.full.start;
            gap = &LIST_GAP;
        }
        out.reverse();
        out
    }
}

/// What may stand before a mention that a cue introduces: a list bullet or a table cell, the
/// party the person signs for ("pour l'État, ", "au nom de la Ville : "), an article or a
/// possessive ("son président, A").
static LEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^[\s:•*–|-]*{PARTY}?(?:(?:M\.|Mme|Madame|Monsieur)\s+)?(?:(?:le|la|les|son|sa|ses|leur|leurs)\s+|l')?"
    ))
    .expect("valid regex")
});

/// The party a listed signatory signs for: "pour l'État, ", "Pour la Ville de Hyères : ",
/// "au nom du Département, ".
const PARTY: &str = r"(?:(?i:pour|au\s+nom\s+d(?:e|u|es|'))\s*[^,;:.()\n«»]{1,60}?\s*[,:]\s*)";

/// A short aside in brackets after a name that its mention did not take for a role: the
/// town or the party of the person ("A (Sedan) et B (Lens) ont signé", "A (PS), B (LR)").
const ASIDE: &str = r"(?:\s*\([^()\n.;:«»]{1,60}\))?";

/// Between the last subject and its verb: a comma, "y" ("y représentait"), "l'" ("l'ont
/// signé"), "qui" ("C'est A qui a signé"), a collective closing the list ("A, B et les maires
/// des communes ont signé"), a role the subjects share ("A et B, maires de X et de Y, l'ont
/// signé", "A et B, respectivement préfet et maire, ont signé").
static SUBJECT_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^{ASIDE}[\s,]*(?:(?:respectivement\s+|(?i:maires|présidente?s|vice-présidente?s|préfète?s|sous-préfète?s|adjointe?s|directeurs|directrices|représentante?s|élus|élues)\b)[^,.;:«»()]{{0,100}}?[\s,]*)?(?:(?:et|ainsi\s+que)\s+(?:les|des|leurs|ses|plusieurs|l'ensemble\s+des|tous\s+les)\s+[^,.;:«»()]{{1,80}}?[\s,]*)?(?:qui\s+)?(?:(?:y|en|l'y)\s+|l')?\s*$",
    ))
    .expect("valid regex")
});

/// Between two listed mentions.
static LIST_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        &format!(r"^{ASIDE}\s*(?:[,;]|[,;]?\s*(?:et|ou|ainsi\s+que|de\s+même\s+que|tout\s+comme))\s*[•*–-]?\s*{PARTY}?(?:(?:M\.|Mme|Madame|Monsieur)\s+)?(?:(?:le|la)\s+|l')?$"),
    )
    .expect("valid regex")
});

/// A role right after a name: ", préfet du Gard", " (maire de Lens)", ", ancienne maire", a
/// table cell ("| préfet du Gard"), a dash or a colon, or the next line when the name stands
/// alone on its line (the layout of a signature block); a participle needs no comma ("A
/// représentant le Département").
static ROLE_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:[ \t]*(?P<open>,|\(|\||:)\s*|[ \t]+[–—-][ \t]+|[ \t]*(?P<nl>\n)[ \t]*|(?P<bare>[ \t]+))(?:(?:le|la)\s+|l')?(?P<past>{}[\s-]+)?(?P<role>{})\b",
        lexicon::alternation(cues("past")),
        *ROLE
    ))
    .expect("valid regex")
});

/// An article closing the gap before a role word ("…, la ", "… l'").
static ARTICLE_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)(?:\ble|\bla|\bl')\s*$").expect("valid regex"));

/// A role word glued by a hyphen to the role word that follows ("député-" of "député-maire").
static ROLE_HYPHEN_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)\b{}-$", *ROLE)).expect("valid regex"));

/// A past cue right before a role word ("ancien ", "ex-").
static PAST_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b{}[\s-]+$", lexicon::alternation(cues("past"))))
        .expect("valid regex")
});

/// Words that end a role's complement: verbs, pronouns, conjunctions, time adverbs.
const STOP_WORDS: &[&str] = &[
    "a",
    "afin",
    "ainsi",
    "alors",
    "après",
    "au cours",
    "aujourd'hui",
    "autre",
    "autres",
    "avait",
    "avaient",
    "avant",
    "avec",
    "car",
    "ce",
    "ces",
    "cet",
    "cette",
    "dans",
    "depuis",
    "donc",
    "durant",
    "elle",
    "elles",
    "est",
    "est-il",
    "était",
    "étaient",
    "hier",
    "il",
    "ils",
    "lors",
    "lui",
    "mais",
    "ne",
    "nombreuses",
    "nombreux",
    "nous",
    "on",
    "ont",
    "ou",
    "par",
    "pendant",
    "plusieurs",
    "puis",
    "que",
    "qui",
    "se",
    "selon",
    "sera",
    "seront",
    "sont",
    "tout",
    "toute",
    "venu",
    "venue",
    "venues",
    "venus",
    "vous",
    "y",
];

/// Elided words that open a clause ("qu'il", "s'est", "n'a").
const STOP_ELISIONS: &[&str] = &["c'", "j'", "n'", "qu'", "s'"];

/// Nouns in "-ait" that a role's complement may hold ("chargée du suivi et du retrait").
const AIT_NOUNS: &[&str] = &[
    "attrait", "bienfait", "extrait", "fait", "forfait", "lait", "portrait", "retrait", "souhait",
    "trait",
];

/// Words that open a new person after a role: "Madame", "Monsieur", "Mme".
const CIVILITIES: &[&str] = &["madame", "mesdames", "messieurs", "mme", "monsieur"];

/// Whether a lower-case word is a finite verb that ends a role and opens the clause's predicate:
/// an imperfect or conditional ("accueillait", "recevaient", "serait"), a one-word speech verb
/// ("souligne", "rappelle") or a signing verb in the present ("signe", "paraphent").
fn ends_role(lower: &str) -> bool {
    static VERBS: LazyLock<Vec<&'static str>> = LazyLock::new(|| {
        cues("speech").chain(cues("sign_present")).filter(|c| !c.contains(' ')).collect()
    });
    let imperfect = lower.chars().count() > 4
        && (lower.ends_with("ait") || lower.ends_with("aient"))
        && !AIT_NOUNS.contains(&lower);
    imperfect || VERBS.contains(&lower)
}

/// Every mention of `text`.
pub(super) fn mentions(text: &str, html: bool) -> Vec<Mention> {
    let all = names(text);
    // A guessed pair stands only with a role right after it, read as if it were no name.
    let sure: Vec<usize> = all.iter().filter(|n| !n.weak).map(|n| n.range.start).collect();
    let sure_ranges: Vec<Range<usize>> =
        all.iter().filter(|n| !n.weak).map(|n| n.range.clone()).collect();
    let names: Vec<Name> = all
        .into_iter()
        .filter(|n| {
            !n.weak
                || !ends_complement(text, n, &sure, html)
                    && (role_after(text, n.range.clone(), &sure, html).is_some()
                        || weak_role_before(text, 0, n, &sure, html).is_some()
                        || between_names(text, &n.range, &sure_ranges))
        })
        .collect();
    let starts: Vec<usize> = names.iter().map(|n| n.range.start).collect();
    let mut out: Vec<Mention> = Vec::new();
    for n in names {
        let after = role_after(text, n.range.clone(), &starts, html);
        let floor = out.last().map_or(0, |m: &Mention| m.full.end);
        let before = || role_before(text, floor, n.range.start, &starts, html);
        let role = if n.weak {
            after.clone().or_else(|| weak_role_before(text, floor, &n, &starts, html))
        } else {
            after.clone().or_else(before)
        };
        if role.is_none() && n.weak && !between_names(text, &n.range, &sure_ranges) {
            continue;
        }
        let shared = if role.is_none() { shared_role(text, &n.range) } else { None };
        let full = match (&after, &role, &shared) {
            (Some((r, end)), ..) => n.range.start..(*end).max(r.range.end),
            (None, Some((r, _)), _) => r.range.start..n.range.end,
            (None, None, Some((r, end))) => r.range.start..*end,
            (None, None, None) => n.range.clone(),
        };
        let role = role.or(shared);
        out.push(Mention {
            name: n.display,
            name_range: n.range,
            role: role.map(|(r, _)| r),
            full,
        });
    }
    out
}

/// A role in the plural before a list of names, each with its town in parentheses: "les deux
/// maires concernés, Anne Brun (Lunel) et Marc Viel (Mauguio)" gives each "maire de" its town.
/// The role's range is the plural phrase's; the mention ends after the parenthesis.
fn shared_role(text: &str, name: &Range<usize>) -> Option<(Role, usize)> {
    static PLURAL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\b(?:les|des|aux|ses|leurs)[ \t]+(?:\p{L}+[ \t]+)?(?P<w>maires)(?:[ \t]+\p{Ll}+)?[ \t]*[,:][ \t]*(?P<list>[^.;:]*)$")
            .expect("valid regex")
    });
    // What stands between the plural and this name: earlier items, each a name and its town.
    static ITEMS: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:[^.;:()\n]{3,60}\([^()\n]{2,40}\)[ \t]*(?:,|et\b)[ \t]*)*$")
            .expect("valid regex")
    });
    static TOWN: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*\([ \t]*(?P<t>[^()\n]{2,40}?)[ \t]*\)").expect("valid regex")
    });
    // The plural stands before the first item only: the items before this one are read over.
    let lo = text.ceil_char_boundary(name.start.saturating_sub(200));
    let window = text.get(lo..name.start)?;
    // Most names have no plural role before them: a plain search rules them out first.
    if !window.as_bytes().windows(6).any(|w| w.eq_ignore_ascii_case(b"maires")) {
        return None;
    }
    let caps = PLURAL.captures(window)?;
    let (w, list) = (caps.name("w")?, caps.name("list")?);
    if !ITEMS.is_match(list.as_str()) {
        return None;
    }
    let town = TOWN.captures(&text[name.end..])?;
    let (t, end) = (town.name("t")?, name.end + town.get(0)?.end());
    if crate::gazetteer::communes_named(t.as_str()).is_empty() {
        return None;
    }
    let written = format!("maire de {}", squeeze(t.as_str()));
    let row = lexicon::role_word("maire")?;
    // The first item's mention opens with the plural; a later one's with its own name.
    let first = list.as_str().trim().is_empty();
    let range =
        if first { lo + caps.get(0)?.start()..lo + w.end() } else { name.start..name.start };
    let role = Role {
        text: written,
        range,
        kind: row.kind,
        organization: Some(squeeze(t.as_str())),
        past: false,
    };
    Some((role, end))
}

/// Whether a guessed pair ends the complement of a role written right before it, with no comma
/// between ("le président de l'agglomération Arles Crau Camargue Montagnette, le maire"): the
/// pair is the end of a place's or a body's name, not a person. A bare role word before it
/// ("la ministre Ysolde Karamek") leaves it a name.
fn ends_complement(text: &str, n: &Name, stops: &[usize], html: bool) -> bool {
    let mut stops = stops.to_vec();
    stops.push(n.range.start);
    role_before(text, 0, n.range.start, &stops, html).is_some_and(|(role, end)| {
        text[end..n.range.start].chars().all(|c| c == ' ' || c == '\t')
            && lexicon::role_word(&role.text).is_none()
    })
}

/// Whether a guessed pair is an item of a list of sure names: joined to a sure name before it
/// and to one after it ("A, Aldebert Lebas et B"), or closing the list after "et" ("A, B et
/// Aldebert Lebas.").
fn between_names(text: &str, n: &Range<usize>, sure: &[Range<usize>]) -> bool {
    static LAST: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]*(?:[.;)]|\n|$)").expect("valid regex"));
    let before = sure.iter().rev().find(|s| s.end <= n.start);
    let after = sure.iter().find(|s| s.start >= n.end);
    let Some(before) = before else { return false };
    let gap_before = &text[before.end..n.start];
    if !LIST_GAP.is_match(gap_before) {
        return false;
    }
    match after {
        Some(after) if LIST_GAP.is_match(&text[n.end..after.start]) => true,
        _ => gap_before.contains("et") && LAST.is_match(&text[n.end..]),
    }
}

/// The role before a guessed pair, in the shapes that leave no doubt it names a person: a comma
/// apposition that the pair closes ("le préfet du Morbihan, Arnaud Kerbiriou, et ..."), or a
/// bare role word right before it ("la ministre Ysolde Karamek a signé", "le préfet M. Arnaud
/// Kerbiriou").
fn weak_role_before(
    text: &str,
    floor: usize,
    n: &Name,
    stops: &[usize],
    html: bool,
) -> Option<(Role, usize)> {
    static CLOSED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"^[ \t]*(?:[,.;]|et\b)").expect("valid regex"));
    static BARE_GAP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]+(?:(?:M\.|Mme|Madame|Monsieur)[ \t]+)?$").expect("valid regex")
    });
    let mut stops = stops.to_vec();
    stops.push(n.range.start);
    let (role, end) = role_before(text, floor, n.range.start, &stops, html)?;
    let gap = &text[end..n.range.start];
    let apposition = gap.contains(',') && CLOSED.is_match(&text[n.range.end..]);
    let bare = BARE_GAP.is_match(gap) && lexicon::role_word(&role.text).is_some();
    (apposition || bare).then_some((role, end))
}

/// The role after the name ending at `at`, and where the mention ends (after a closing
/// parenthesis).
fn role_after(
    text: &str,
    name: Range<usize>,
    stops: &[usize],
    html: bool,
) -> Option<(Role, usize)> {
    static ALONE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t•*–|-]*(?:(?:M\.|Mme|Madame|Monsieur)\s+)?$").expect("valid regex")
    });
    let at = name.end;
    let caps = ROLE_AFTER.captures(&text[at..])?;
    if caps.name("nl").is_some() {
        let line_start = text[..name.start].rfind('\n').map_or(0, |p| p + 1);
        if !ALONE.is_match(&text[line_start..name.start]) {
            return None;
        }
    }
    let word = caps.name("role")?;
    if caps.name("bare").is_some() && !word.as_str().to_lowercase().starts_with("représentant") {
        return None;
    }
    let past = caps.name("past").is_some();
    let start = at + word.start();
    let end = role_end(text, at + word.end(), stops, html);
    // ", la maire de Hyères Anne Brun": a role with its article that runs into the next name
    // is that name's.
    let next = end + (text[end..].len() - text[end..].trim_start().len());
    if ARTICLE_END.is_match(&text[at..start])
        && (stops.contains(&next) || role_first_list(text, &name, end, stops, html))
    {
        return None;
    }
    let role = make_role(text, start..end, word.as_str(), past)?;
    let mut full_end = end;
    if caps.name("open").is_some_and(|o| o.as_str() == "(") {
        let rest = &text[end..];
        let close = rest.len() - rest.trim_start().len();
        if rest[close..].starts_with(')') {
            full_end = end + close + 1;
        }
    }
    Some((role, full_end))
}

/// Whether the role with its article that ends at `end`, after the name `name`, opens the
/// next item of a list written role first: the name itself follows its role set off by a comma
/// and a name follows this role after a comma ("le maire d'Auxerre, A, le préfet de l'Yonne, B,
/// et le président, C": the préfet is B). A name written first ("A, le préfet du Var, a signé")
/// keeps its role.
fn role_first_list(
    text: &str,
    name: &Range<usize>,
    end: usize,
    stops: &[usize],
    html: bool,
) -> bool {
    static NEXT_ITEM: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^[ \t]*,[ \t]*(?:(?:M\.|Mme|Madame|Monsieur)[ \t]+)?").expect("valid regex")
    });
    NEXT_ITEM.find(&text[end..]).is_some_and(|gap| stops.contains(&(end + gap.end())))
        && role_before(text, 0, name.start, stops, html)
            .is_some_and(|(_, role_end)| text[role_end..name.start].contains(','))
}

/// The role ending right before the name at `at` ("le préfet du Morbihan, Arnaud Kerbiriou"),
/// starting after `floor`.
fn role_before(
    text: &str,
    floor: usize,
    at: usize,
    stops: &[usize],
    html: bool,
) -> Option<(Role, usize)> {
    // The mention before may reach past `at` (its role read after it took this name's words).
    let lo = text.ceil_char_boundary(at.saturating_sub(200).max(floor));
    let window = text.get(lo..at)?;
    let found: Vec<crate::rules::text::Match> = ROLE_ANY.find_iter(window).collect();
    for (i, w) in found.iter().enumerate().rev() {
        let end = role_end(text, lo + w.end(), stops, html);
        if end > at || !BEFORE_GAP.is_match(&text[end..at]) {
            continue;
        }
        // Role words in a row ("la Maire Adjointe déléguée à la cohésion sociale"): the role
        // opens with the first.
        let mut w = w;
        for prev in found[..i].iter().rev() {
            if !window[prev.end()..w.start()].chars().all(|c| c == ' ' || c == '\t') {
                break;
            }
            w = prev;
        }
        let mut start = lo + w.start();
        // A compound of two roles ("député-maire de Lunel", "Maire-conseiller régional"): the
        // role opens with the first.
        let mut word = w.as_str();
        if let Some(first) = ROLE_HYPHEN_BEFORE.find(&text[lo..start]) {
            start = lo + first.start();
            word = first.as_str().trim_end_matches('-');
        }
        let past = PAST_BEFORE.is_match(&text[..start]);
        return make_role(text, start..end, word, past).map(|r| (r, end));
    }
    None
}

/// Between a role and the name it precedes.
static BEFORE_GAP: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^[ \t]*(?:[,:|][ \t]*|[ \t][–—-][ \t]+)?\n?[ \t]*\|?[ \t]*(?:(?:M\.|Mme|Madame|Monsieur)\s+)?$")
        .expect("valid regex")
});

fn make_role(text: &str, range: Range<usize>, word: &str, past: bool) -> Option<Role> {
    let row = lexicon::role_word(word)?;
    let written = squeeze(&text[range.clone()]);
    let organization = match row.org {
        RoleOrg::State => Some("État".to_owned()),
        RoleOrg::Complement => complement(&written[squeeze(word).len().min(written.len())..]),
        RoleOrg::None => None,
    };
    // The head of an association or a club holds no office at a signing.
    let kind = if ASSOCIATION.is_match(&written) { RoleKind::Resident } else { row.kind };
    Some(Role { text: written, range, kind, organization, past })
}

/// A role's complement naming an association, a club, a collective or a residents' body
/// ("présidente de l'association Femmes Relais", "président du club de football", "présidente
/// du conseil citoyen de Saint-Pierre", "président d un comité de quartier").
static ASSOCIATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:de\s+l'|de\s+l\s+|d'une?\s+|d\s+une?\s+|du\s+|de\s+la\s+|des\s+)(?:association|amicale|club|collectif|conseils?\s+citoyens?|comités?\s+de\s+(?:quartier|locataires|résidents)|comités?\s+des\s+fêtes)\b",
    )
    .expect("valid regex")
});

/// The organisation a role's complement names: "de la CALL en charge de..." → "CALL".
fn complement(rest: &str) -> Option<String> {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s*(?:de\s+la\s+|de\s+l'|de\s+|du\s+|des\s+|d'|chez\s+)")
            .expect("valid regex")
    });
    static CUT: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r",|\s+(?:chargée?|déléguée?|en\s+charge|et)\b").expect("valid regex")
    });
    let m = LEAD.find(rest)?;
    let body = &rest[m.end()..];
    let body = CUT.find(body).map_or(body, |c| &body[..c.start()]).trim();
    (!body.is_empty()).then(|| body.to_owned())
}

/// A line that opens a new item of a signature block: "Pour la Ville : ", "Au nom de l'État".
static PARTY_LINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Pour|POUR|Au nom d)\b").expect("valid regex"));

/// A new sentence whose break a flattened page lost: a capitalised article or pronoun before a
/// lower-case word or a number ("directrice de la CAF Le document", "maire de Vesoul La
/// signature"; not "maire de La Rochelle").
static RESTART: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Le|La|Les|Ce|Cet|Cette|Ces|Il|Elle|Ils|Elles|On|Un|Une|Dans|Depuis|Lors|Après|Avec|Selon|Ainsi|Enfin)[ \t]+(?:\p{Ll}|\d)|L'\p{Ll})")
        .expect("valid regex")
});

/// Where a role's complement ends, reading from `from` (the end of the role word).
fn role_end(text: &str, from: usize, stops: &[usize], html: bool) -> usize {
    let limit = (from + 220).min(text.len());
    let mut end = from;
    let mut i = from;
    while i < limit {
        let rest = &text[i..];
        let j = i + (rest.len() - rest.trim_start_matches([' ', '\t']).len());
        if j >= limit || stops.contains(&j) && j > from {
            break;
        }
        let Some(c) = text[j..].chars().next() else { break };
        match c {
            '\n' => {
                let next = text[j + 1..].trim_start_matches([' ', '\t']);
                let hard_break = text[..j].ends_with("  ");
                if html
                    || hard_break
                    || PARTY_LINE.is_match(next)
                    || !next.chars().next().is_some_and(char::is_alphabetic)
                    || stops.contains(&(text.len() - next.len()))
                {
                    break;
                }
                i = j + 1;
            }
            ',' => {
                let after = j + 1;
                let next = text[after..].trim_start();
                if lexicon::opens_with_role(next) && !stops.contains(&(text.len() - next.len())) {
                    i = after;
                } else {
                    break;
                }
            }
            '–' | '-' => {
                let after = j + c.len_utf8();
                let next = text[after..].trim_start_matches([' ', '\t']);
                if next.len() < text[after..].len()
                    && next.chars().next().is_some_and(char::is_uppercase)
                    && !stops.contains(&(text.len() - next.len()))
                {
                    i = text.len() - next.len();
                } else {
                    break;
                }
            }
            c if c.is_alphabetic() => {
                let len = text[j..]
                    .find(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
                    .unwrap_or(text.len() - j);
                let word = &text[j..j + len];
                let lower = word.to_lowercase();
                if lower == "et" {
                    if !continues_after_et(&text[j + len..]) {
                        break;
                    }
                } else if word.starts_with(char::is_lowercase)
                    && (STOP_WORDS.contains(&lower.as_str()) || ends_role(&lower))
                    || CIVILITIES.contains(&lower.as_str())
                    || RESTART.is_match(&text[j..])
                    || (lower == "m" && text[j + len..].starts_with('.'))
                    || STOP_ELISIONS.iter().any(|e| lower.starts_with(e))
                    || (lower == "en" && text[j + len..].trim_start().starts_with("présence"))
                    || (lower == "aux" && text[j + len..].trim_start().starts_with("côtés"))
                {
                    break;
                } else {
                    end = j + len;
                }
                i = j + len;
            }
            _ => break,
        }
    }
    end
}

/// Whether a role goes on after "et": "et maire de Caen", "et à la politique de la ville", not
/// "et des maires", "et Olivier Lehmann".
fn continues_after_et(rest: &str) -> bool {
    static PREP: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^\s+(?:(?:à|au|aux)\s|(?:de\s+la\s+|de\s+l'|des\s+|du\s+|de\s+|d')(?P<w>\p{Ll}[\p{L}-]*))")
            .expect("valid regex")
    });
    if lexicon::role_opening(rest.trim_start()).is_some() {
        return true;
    }
    match PREP.captures(rest) {
        Some(caps) => caps.name("w").is_none_or(|w| {
            !is_role_word(w.as_str()) && !STOP_WORDS.contains(&w.as_str().to_lowercase().as_str())
        }),
        None => false,
    }
}

/// Offsets where sentences start.
///
/// A line break ends a sentence in HTML (every block is a line) and a blank line does in text,
/// unless the list goes on: the line ends with ":", "," or ";", the next one is a bullet, or
/// both lines open with a mention (`mentions`: where mentions start), as the items of an HTML
/// list of signatories do.
fn sentence_breaks(text: &str, html: bool, mentions: &[usize]) -> Vec<usize> {
    let mut out = vec![0];
    for (i, c) in text.char_indices() {
        match c {
            '.' | '!' | '?' | '…' => {
                let after = i + c.len_utf8();
                let next = text[after..].chars().next();
                if !next.is_none_or(char::is_whitespace) {
                    continue;
                }
                if c == '.' && abbreviation_before(text, i) {
                    continue;
                }
                out.push(after);
            }
            '\n' => {
                let next_line = text[i + 1..].trim_start_matches([' ', '\t', '\r']);
                let blank = next_line.starts_with('\n');
                if !(html || blank) {
                    continue;
                }
                let prev = text[..i].trim_end().chars().next_back();
                let line_start = text[..i].rfind('\n').map_or(0, |p| p + 1);
                let opens = |from: usize| {
                    let line = &text[from..];
                    let skip =
                        line.len() - line.trim_start_matches([' ', '\t', '-', '•', '|', '*']).len();
                    mentions.contains(&(from + skip))
                };
                let next_start = text.len() - next_line.len();
                let continuing = matches!(prev, Some(':' | ',' | ';'))
                    || next_line.trim_start().starts_with(['-', '•', '*', '–'])
                        && !matches!(prev, Some('.'))
                    || !blank && opens(line_start) && opens(next_start);
                if !continuing {
                    out.push(i + 1);
                }
            }
            _ => {}
        }
    }
    out.dedup();
    out
}

/// Whether the dot at `i` closes an initial or a civility ("J.", "M.", "Mme.").
fn abbreviation_before(text: &str, i: usize) -> bool {
    let word: String = text[..i].chars().rev().take_while(|c| c.is_alphabetic()).collect();
    let word: String = word.chars().rev().collect();
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || matches!(word.as_str(), "Mme" | "Mlle" | "Dr" | "St" | "Ste" | "av" | "bd" | "cf")
}

/// The paragraph around `at`.
/// The length (bytes) beyond which a paragraph on one line is read as a text whose line breaks
/// were lost: a paragraph proper is shorter.
const LONG_PARAGRAPH: usize = 1000;

fn paragraph(text: &str, at: usize, html: bool) -> Range<usize> {
    let sep = if html { "\n" } else { "\n\n" };
    let head = &text[..at.min(text.len())];
    let start = if html { head.rfind('\n').map_or(0, |p| p + 1) } else { blank_line_before(head) };
    let end = if html {
        text[at..].find(sep).map_or(text.len(), |p| at + p)
    } else {
        blank_line_after(text, at)
    };
    start..end
}

static BLANK: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\n[ \t\r]*\n").expect("valid regex"));

fn blank_line_before(head: &str) -> usize {
    BLANK.find_iter(head).last().map_or(0, |m| m.end())
}

fn blank_line_after(text: &str, at: usize) -> usize {
    BLANK.find(&text[at..]).map_or(text.len(), |m| at + m.start())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(name, role)` of every mention of `text`.
    fn read(text: &str) -> Vec<(String, Option<String>)> {
        mentions(text, false).into_iter().map(|m| (m.name, m.role.map(|r| r.text))).collect()
    }

    #[track_caller]
    fn one(text: &str, name: &str, role: Option<&str>) {
        assert_eq!(read(text), vec![(name.to_owned(), role.map(str::to_owned))], "{text:?}");
    }

    #[track_caller]
    fn none(text: &str) {
        assert!(read(text).is_empty(), "{text:?}: {:?}", read(text));
    }

    /// Spaces lost in a scraped page: the mention before a name may reach past the next
    /// name's start (a fuzzing find: the role search then sliced backwards).
    #[test]
    fn overlapping_mentions_of_glued_text_do_not_panic() {
        for text in ["P H,Préfet dMarcelB", "M L,Présidente dAnneB,Maire dLucC", "A B,Maire dJeanD"]
        {
            let _ = read(text);
        }
    }

    #[test]
    fn names_compound_particles_capitals_initials() {
        one("Ce jour, Jean-François Martinet a parlé.", "Jean-François Martinet", None);
        one("Ce jour, Marie-Hélène de la Tour a parlé.", "Marie-Hélène de la Tour", None);
        one("Ce jour, Yves Le Gall a parlé.", "Yves Le Gall", None);
        one("Ce jour, Josiane RAMBERT-DUVAL a parlé.", "Josiane RAMBERT-DUVAL", None);
        one("Ce jour, J.-F. Martinet a parlé.", "J.-F. Martinet", None);
        one(
            "Contact : DURAND Hélène, chargée de mission",
            "Hélène DURAND",
            Some("chargée de mission"),
        );
    }

    #[test]
    fn not_names() {
        none("Le quartier Saint-Pierre et la cité Jacques Duclos.");
        none("Rendez-vous avenue de Gaulle, rue Victor Hugo.");
        none("Le conseil citoyen de la Grâce de Dieu se réunit.");
        none("France Travail et la Région signent.");
        none("La Métropole Rouen Normandie signe.");
        none("Monsieur le Préfet a signé.");
        none("M. Durand a signé.");
        none("Le bailleur S.A. du Hainaut signe.");
    }

    #[test]
    fn roles_after_and_before() {
        one(
            "Yves Marchal, préfet de la région Picardie – Val-de-Somme, préfet de l'Oise, a signé.",
            "Yves Marchal",
            Some("préfet de la région Picardie – Val-de-Somme, préfet de l'Oise"),
        );
        one(
            "avec Gilles Perrin, président de Troyes Champagne et maire de Troyes, et d'autres.",
            "Gilles Perrin",
            Some("président de Troyes Champagne et maire de Troyes"),
        );
        one(
            "avec Sonia Morel, vice-présidente déléguée à la jeunesse et à la politique de la ville.",
            "Sonia Morel",
            Some("vice-présidente déléguée à la jeunesse et à la politique de la ville"),
        );
        one(
            "signé par le préfet de l'Indre, Hugues Delorme, hier.",
            "Hugues Delorme",
            Some("préfet de l'Indre"),
        );
        one(
            "Anne Brun, vice-présidente en charge de la jeunesse et des maires des communes.",
            "Anne Brun",
            Some("vice-présidente en charge de la jeunesse"),
        );
        one(
            "Anne Brun, préfète de la région Grand Est, a signé.",
            "Anne Brun",
            Some("préfète de la région Grand Est"),
        );
        one(
            "avec Lucie Morin (conseillère régionale) hier",
            "Lucie Morin",
            Some("conseillère régionale"),
        );
        one(
            "en présence de Ulrik Hartmann, conseiller régional, qui représentait le président.",
            "Ulrik Hartmann",
            Some("conseiller régional"),
        );
        one(
            "avec Paul Roche, maire de Sainte-Marie-aux-Mines\net d'autres.",
            "Paul Roche",
            Some("maire de Sainte-Marie-aux-Mines"),
        );
    }

    #[test]
    fn a_guessed_pair_needs_a_role() {
        one(
            "signé par Ulrik Hartmann, conseiller régional.",
            "Ulrik Hartmann",
            Some("conseiller régional"),
        );
        none("Hier, Ulrik Hartmann a parlé.");
        one(
            "signé par le préfet de l'Indre, Ulrik Hartmann, et par le maire.",
            "Ulrik Hartmann",
            Some("préfet de l'Indre"),
        );
        none("aux côtés du maire de Lunel Ulrik Hartmann a parlé.");
        one(
            "La préfète de région, Madame Lucie Morin, était représentée.",
            "Lucie Morin",
            Some("préfète de région"),
        );
        none("Caux Vallée de Seine : deux quartiers.");
    }

    #[test]
    fn roles_in_other_layouts() {
        one("| Paul Roche | Préfet du Var", "Paul Roche", Some("Préfet du Var"));
        one("Paul Roche\nPréfet du Var\n", "Paul Roche", Some("Préfet du Var"));
        one("- Préfet du Var : Paul Roche\n", "Paul Roche", Some("Préfet du Var"));
        one("M. le préfet Paul Roche a signé.", "Paul Roche", Some("préfet"));
        one("Paul Roche – maire de Hyères\n", "Paul Roche", Some("maire de Hyères"));
        // A name inside a sentence does not take the next line as its role.
        one("hier avec Paul Roche\nmaire de Hyères", "Paul Roche", None);
    }

    #[test]
    fn a_role_ends_at_the_verb_or_the_next_civility() {
        let role = |t: &str| read(t).into_iter().next().and_then(|(_, r)| r);
        // An imperfect, a one-word speech verb, a present signing verb.
        for (t, want) in [
            ("Paul Roche, maire de Lunel recevait hier le ministre.", "maire de Lunel"),
            (
                "Anne Brun, présidente du Département accueillaient ensemble",
                "présidente du Département",
            ),
            ("Paul Roche, maire de Lunel souligne l'effort.", "maire de Lunel"),
            ("Paul Roche, maire de Lunel signe le contrat.", "maire de Lunel"),
            ("Paul Roche, préfet du Var saluait Madame la maire.", "préfet du Var"),
        ] {
            assert_eq!(role(t).as_deref(), Some(want), "{t:?}");
        }
        // A civility opens the next person.
        assert_eq!(
            role("Paul Roche, maire de Lunel Madame Anne Brun").as_deref(),
            Some("maire de Lunel")
        );
        // Nouns in "-ait" and longer complements go on.
        assert_eq!(
            role("Anne Brun, conseillère déléguée au portrait du territoire, a parlé.").as_deref(),
            Some("conseillère déléguée au portrait du territoire")
        );
        assert_eq!(
            role("Paul Roche, vice-président délégué aux solidarités, a parlé.").as_deref(),
            Some("vice-président délégué aux solidarités")
        );
    }

    #[test]
    fn a_role_ends_where_a_flattened_page_starts_a_sentence() {
        let role = |t: &str| read(t).into_iter().next().and_then(|(_, r)| r);
        for (t, want) in [
            ("Anne Brun, directrice de la CAF Le document a trois axes.", "directrice de la CAF"),
            ("Paul Roche, maire de Lunel La signature a eu lieu hier.", "maire de Lunel"),
            ("Paul Roche, préfet du Var Le 3 mars, il a signé.", "préfet du Var"),
            ("Paul Roche, maire de Lunel L'agglomération suivra.", "maire de Lunel"),
            (
                "Anne Brun, présidente du Département Ces actions débuteront.",
                "présidente du Département",
            ),
        ] {
            assert_eq!(role(t).as_deref(), Some(want), "{t:?}");
        }
        // An article of a place's or a body's name goes on.
        for (t, want) in [
            ("Paul Roche, maire de La Rochelle, a signé.", "maire de La Rochelle"),
            (
                "Anne Brun, présidente de Le Mans Métropole, a signé.",
                "présidente de Le Mans Métropole",
            ),
            (
                "Anne Brun, présidente de la communauté de communes Les Portes du Lac, a signé.",
                "présidente de la communauté de communes Les Portes du Lac",
            ),
        ] {
            assert_eq!(role(t).as_deref(), Some(want), "{t:?}");
        }
    }

    #[test]
    fn a_guessed_pair_after_a_bare_role_word() {
        one("Hier, la ministre Ysolde Karamek a signé.", "Ysolde Karamek", Some("ministre"));
        one("Le préfet M. Ulrik Hartmann était là.", "Ulrik Hartmann", Some("préfet"));
        // A role with a complement needs its comma; no role, no guess.
        assert!(read("le président de Caux Vallée Maritime a signé.").is_empty());
        assert!(read("Hier, Ysolde Karamek a signé.").is_empty());
        // The end of a body's name after its role, before the next role: no person.
        assert!(
            read("signé par le président de l'agglomération Val Morin Serre Haute, le maire.")
                .is_empty()
        );
        assert!(read("avec la présidente du pays Caux Vallée Ouest, la préfète.").is_empty());
    }

    #[test]
    fn role_words_in_a_row_before_the_name() {
        one(
            "Pour la Ville, la Maire Adjointe déléguée à la cohésion sociale Fatima Benali",
            "Fatima Benali",
            Some("Maire Adjointe déléguée à la cohésion sociale"),
        );
        // Role words apart keep the nearest.
        one(
            "Le maire a reçu la déléguée du préfet, Fatima Benali.",
            "Fatima Benali",
            Some("déléguée du préfet"),
        );
    }

    #[test]
    fn compound_roles_before_the_name() {
        one(
            "Hier, le député-maire de Lunel, Paul Roche, a parlé.",
            "Paul Roche",
            Some("député-maire de Lunel"),
        );
        one(
            "Pour la commune a signé son Maire-conseiller régional Paul Roche.",
            "Paul Roche",
            Some("Maire-conseiller régional"),
        );
        // A hyphen that joins no role word is not part of the role.
        one("Hier, Saint-Préfet, maire Paul Roche, a parlé.", "Paul Roche", Some("maire"));
    }

    #[test]
    fn a_participle_role_without_comma() {
        one(
            "Étaient là Paul Roche représentant le Département.",
            "Paul Roche",
            Some("représentant le Département"),
        );
        // Other role words need their comma.
        one("Étaient là Paul Roche maire de Lunel.", "Paul Roche", None);
    }

    #[test]
    fn names_of_many_origins() {
        for name in [
            "Gwenola Le Bihan",
            "Iñaki Etcheverry",
            "Ousmane Diallo",
            "Fatoumata Keïta",
            "João Pereira",
            "Ghjuvan Santoni",
            "Jean Pierre Martinet",
            "Thi Lan Nguyen",
            "Nguyen Thi Lan",
        ] {
            one(&format!("Hier, {name} a parlé."), name, None);
        }
        one(
            "Hier, Mathilde Saint-Cyr, maire de Reims, a parlé.",
            "Mathilde Saint-Cyr",
            Some("maire de Reims"),
        );
        none("Rendez-vous place Jean Saint-Cyr, à Reims.");
        none("Au groupe scolaire Paul Langevin et au centre social Louise Michel.");
        none("Le stade municipal Jean Bouin, le collège Anne Frank.");
    }

    #[test]
    fn a_guessed_pair_between_sure_names() {
        let got = read("signé par Anne Brun, Aldebert Lebas et Paul Roche.");
        assert_eq!(got.len(), 3, "{got:?}");
        let got = read("signé par Anne Brun, Paul Roche et Aldebert Lebas.");
        assert_eq!(got.len(), 3, "{got:?}");
        none("Aldebert Lebas et Caux Vallée signent.");
    }

    #[test]
    fn lists_split_at_each_name() {
        let got = read(
            "Paul Roche, maire de Lunel, Anne Brun, présidente de l'agglomération, et Marc Viel, recteur de l'académie, ont signé.",
        );
        assert_eq!(
            got,
            vec![
                ("Paul Roche".into(), Some("maire de Lunel".into())),
                ("Anne Brun".into(), Some("présidente de l'agglomération".into())),
                ("Marc Viel".into(), Some("recteur de l'académie".into())),
            ]
        );
    }

    #[test]
    fn organisations_from_roles() {
        let m =
            mentions("Anne Brun, présidente de la CALL en charge de la jeunesse, a signé.", false);
        assert_eq!(m[0].role.as_ref().and_then(|r| r.organization.clone()), Some("CALL".into()));
        let m = mentions("Paul Roche, préfet du Var, a signé.", false);
        assert_eq!(m[0].role.as_ref().and_then(|r| r.organization.clone()), Some("État".into()));
        let m = mentions("Paul Roche, ancien maire de Lunel, a signé.", false);
        assert!(m[0].role.as_ref().is_some_and(|r| r.past));
        // The head of an association or a residents' body holds no office.
        for text in [
            "Anne Brun, présidente de l'association Femmes Relais, a parlé.",
            "Anne Brun, présidente du conseil citoyen de Saint-Pierre, a parlé.",
            "Anne Brun, présidente d un comité de quartier, a parlé.",
        ] {
            let m = mentions(text, false);
            assert_eq!(m[0].role.as_ref().map(|r| r.kind), Some(RoleKind::Resident), "{text:?}");
        }
        let m = mentions("Anne Brun, présidente du conseil départemental, a parlé.", false);
        assert_eq!(m[0].role.as_ref().map(|r| r.kind), Some(RoleKind::Official));
    }

    #[test]
    fn sentences_and_paragraphs() {
        let t = "Signé par :\n\n- A ;\n- Bruno.\n\nAutre. Phrase de J. Dupont ici.";
        let norm = crate::ingest::normalise::normalise(t);
        let doc = Doc { id: "t", format: Format::Text, clean: t, norm: &norm };
        let p = Parsed::new(&doc);
        assert_eq!(&t[p.sentence(0)], "Signé par :\n\n- A ;\n- Bruno.");
        assert_eq!(&t[p.sentence(t.find("Phrase").unwrap())], " Phrase de J. Dupont ici.");
        assert_eq!(&t[p.paragraph(t.find("Autre").unwrap())], "Autre. Phrase de J. Dupont ici.");
    }

    #[test]
    fn a_role_with_its_article_before_the_next_name_is_that_name_s() {
        let m = mentions(
            "Signé par le préfet du Var Paul Roche, la maire de Hyères Anne Brun et le président \
             de la CAF Marc Viel.",
            false,
        );
        let roles: Vec<(&str, Option<&str>)> =
            m.iter().map(|m| (m.name.as_str(), m.role.as_ref().map(|r| r.text.as_str()))).collect();
        assert_eq!(
            roles,
            [
                ("Paul Roche", Some("préfet du Var")),
                ("Anne Brun", Some("maire de Hyères")),
                ("Marc Viel", Some("président de la CAF"))
            ]
        );
        // The role after a name keeps its article when no name follows it.
        let m = mentions("Paul Roche, le préfet du Var, a signé.", false);
        assert_eq!(m[0].role.as_ref().map(|r| r.text.as_str()), Some("préfet du Var"));
        // A list written role first, each role with its article.
        for text in [
            "Ont signé : le maire de Lunel, Paul Roche, le préfet du Var, Anne Brun, le président \
             de l'agglomération, Marc Viel, et la rectrice, Lucie Morin.",
            "Ont ensuite signé le président de l'agglomération, Paul Roche, la préfète du Var, \
             Mme Anne Brun, le maire de Lunel, M. Marc Viel, ainsi que Lucie Morin, rectrice.",
        ] {
            let m = mentions(text, false);
            let roles: Vec<Option<&str>> =
                m.iter().map(|m| m.role.as_ref().map(|r| r.text.as_str())).collect();
            assert_eq!(roles.len(), 4, "{text:?}");
            assert!(roles.iter().all(Option::is_some), "{text:?}: {roles:?}");
            assert_eq!(m[1].role.as_ref().map(|r| r.kind), Some(RoleKind::Official));
            assert!(roles[1].is_some_and(|r| r.contains("préf")), "{text:?}: {roles:?}");
        }
        // A name written first keeps the role after it, a name following or not.
        let m = mentions("Paul Roche, le préfet du Var, Anne Brun et Marc Viel ont signé.", false);
        assert_eq!(m[0].role.as_ref().map(|r| r.text.as_str()), Some("préfet du Var"));
    }
}
