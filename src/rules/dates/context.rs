//! What the words around a date say about it: the sentence it sits in, the role its nearest cue
//! gives it (`rules/dates/role_cues.tsv`), and whether a span of years is the contract's period
//! (`rules/dates/period_cues.tsv`).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::alternation;
use crate::data;
use crate::record::DateRole;

/// How far a sentence reaches on either side of a date, in bytes.
const REACH: usize = 300;

/// A regex matching any of `cues` at the start of a word, with the cue list it was built from.
fn cue_regex(cues: &[String]) -> Regex {
    Regex::new(&format!(r"(?i)\b{}", alternation(cues.iter().map(String::as_str))))
        .expect("valid regex")
}

struct Cues {
    regex: Regex,
    roles: Vec<(String, DateRole)>,
}

impl Cues {
    /// The role of a matched cue: that of the longest listed cue it starts with.
    fn role_of(&self, cue: &str) -> Option<DateRole> {
        let cue = cue.to_lowercase();
        self.roles
            .iter()
            .filter(|(c, _)| cue.starts_with(c.as_str()))
            .max_by_key(|(c, _)| c.len())
            .map(|(_, r)| *r)
    }
}

static ROLE_CUES: LazyLock<Cues> = LazyLock::new(|| {
    let roles: Vec<(String, DateRole)> = data::rows("dates/role_cues.tsv")
        .into_iter()
        .filter_map(|row| {
            let role = match row.first()?.as_str() {
                "signature" => DateRole::Signature,
                "event" => DateRole::Event,
                "deadline" => DateRole::Deadline,
                _ => return None,
            };
            Some((row.get(1)?.to_lowercase(), role))
        })
        .collect();
    let cues: Vec<String> = roles.iter().map(|(c, _)| c.clone()).collect();
    Cues { regex: cue_regex(&cues), roles }
});

static PERIOD_CONTRACT: LazyLock<Regex> = LazyLock::new(|| cue_regex(&period_cues("contract")));
static PERIOD_OTHER: LazyLock<Regex> = LazyLock::new(|| cue_regex(&period_cues("other")));

fn period_cues(kind: &str) -> Vec<String> {
    data::rows("dates/period_cues.tsv")
        .into_iter()
        .filter(|row| row.first().is_some_and(|k| k == kind))
        .filter_map(|row| row.get(1).map(|c| c.to_lowercase()))
        .collect()
}

/// Whether the character at `i` ends a sentence.
fn ends_sentence(text: &str, i: usize) -> bool {
    let mut rest = text[i..].chars();
    let Some(c) = rest.next() else { return true };
    let next = rest.next();
    match c {
        '!' | '?' | ';' | '|' | '•' | '·' => true,
        // "sept." inside a date is not an end; a dot followed by a space and a capital is.
        '.' => match next {
            None | Some('\n') => true,
            Some(' ') => rest.next().is_none_or(|c| c.is_uppercase() || c == '\n'),
            _ => false,
        },
        // A line break ends a block unless the line was wrapped inside a sentence.
        // A line break ends a block unless the line was wrapped inside a sentence: the next line
        // goes on in lower case or with a number ("a été signé le\n12 octobre 2015").
        '\n' => next.is_none_or(|c| !c.is_lowercase() && !c.is_ascii_digit()),
        _ => false,
    }
}

/// The sentence around `range`, at most [`REACH`] bytes either side. When the date stands alone
/// on its line (a "Durée" / "2015-2020" key-value layout), the previous line is included.
pub(super) fn sentence(text: &str, range: &Range<usize>) -> Range<usize> {
    let mut start = range.start;
    let floor = text.floor_char_boundary(range.start.saturating_sub(REACH));
    while start > floor {
        let prev = prev_char_start(text, start);
        if ends_sentence(text, prev) {
            break;
        }
        start = prev;
    }
    let mut end = range.end;
    let ceiling = text.floor_char_boundary(range.end + REACH);
    while end < ceiling && !ends_sentence(text, end) {
        end = next_char_end(text, end);
    }
    if text[start..end].trim() == text[range.clone()].trim() && start > 0 {
        let before = text[..start].trim_end();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        start = line_start;
    }
    if opens_after_lost_break(text, range) {
        start = start.max(range.start);
    }
    start..end
}

/// Whether the date at `range` opens with a capital right after a lower-case word of its line:
/// a sentence or a heading whose line break was lost when the page was flattened ("… les
/// engagements des partenaires De 2016 à 2022, le texte…"); inside a sentence a date opens in
/// lower case ("signé le 3 mai", "de 2015 à 2020").
fn opens_after_lost_break(text: &str, range: &Range<usize>) -> bool {
    // Words written in lower case inside a sentence, here with a capital: not a name
    // ("Engagements Quartiers 2030").
    static OPENING: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"^(?:(?:De|Du|Des|Le|La|Les|En|Entre|Depuis|Dès|Pour|Sur|Au|À|Jusqu)\b|(?i:{}|{})\b)",
            *super::lexicon::WEEKDAY,
            *super::lexicon::MONTH
        ))
        .expect("valid regex")
    });
    let date = &text[range.clone()];
    let before = text[..range.start].trim_end_matches([' ', '\t']);
    let after_word =
        before.len() < range.start && before.chars().next_back().is_some_and(char::is_lowercase);
    after_word && date.chars().next().is_some_and(char::is_uppercase) && OPENING.is_match(date)
}

fn prev_char_start(text: &str, i: usize) -> usize {
    text[..i].char_indices().next_back().map_or(0, |(j, _)| j)
}

fn next_char_end(text: &str, i: usize) -> usize {
    text[i..].chars().next().map_or(text.len(), |c| i + c.len_utf8())
}

/// The role given to a point date at `range` by the nearest role cue in its sentence; a cue
/// before the date is preferred to one after it at the same distance. `Other` when none.
pub(super) fn point_role(text: &str, range: &Range<usize>) -> DateRole {
    let s = sentence(text, range);
    if MADE_AT
        .is_match(&text[text.floor_char_boundary(range.start.saturating_sub(80))..range.start])
    {
        return not_a_signature(text, &s, range, DateRole::Signature);
    }
    // The date's own clause speaks first: "Le texte, approuvé par le conseil le 25 juin, a été
    // signé par…" dates the approval, not the signature.
    let before = &text[s.start..range.start];
    let after = &text[range.end..s.end];
    let clause_start = before.rfind(CLAUSE_END).map_or(s.start, |i| s.start + i + 1);
    let clause_end = after.find(CLAUSE_END).map_or(s.end, |i| range.end + i);
    let clause = clause_start..clause_end;
    if clause != s {
        let role = nearest_cue_role(text, &clause, range);
        if role != DateRole::Other {
            let role = gathering_to_sign(text, &s, role);
            return not_a_signature(text, &s, range, other_programme(text, &s, role));
        }
    }
    let role = gathering_to_sign(text, &s, nearest_cue_role(text, &s, range));
    not_a_signature(text, &s, range, other_programme(text, &s, role))
}

/// The place and day closing a signed act, right before the date: "Fait à Tulle, le", "Signé
/// à Saint-Lô le", also with the accent lost ("Fait a Niort, le") or inside a line that holds a
/// whole flattened page. The place opens with a capital; "fait à nouveau", "signé à
/// l'unanimité" are no places.
static MADE_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:\b[Ff]ait|\bFAIT|\b[Ss]ign[ée]e?s?|\bSIGN[ÉE]E?S?)\s+(?:à|a|À|A)\s+\p{Lu}[\p{L}'’ -]{1,40}?\s*,?\s*(?:(?:le|LE)\s*)?$",
    )
    .expect("valid regex")
});

/// A gathering of the parties, the only event cue of its sentence.
static GATHERING: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)^réuni").expect("valid regex"));

/// What the parties gathered for, when they gathered to sign or to commit themselves: a signing
/// verb or the signature they put ("l'ont revêtu de leur signature"; not the noun
/// "signataires"), or a commitment they seal, make concrete, formalise or
/// share ("venus sceller leur engagement", "réunis dans un même engagement", "pour s'engager").
static COMMITTING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:sign(?:er|é|ée|és|ées|ent|ons|aient|ait|atures?)\b|paraph|co-?sign|contresign|(?:scell|matérialis|formalis|officialis|concrétis)\w*\s+(?:leur|son|cet|ces|un|l['’])\s*engagement|dans\s+un(?:\s+même)?\s+engagement|engagement\s+commun|s['’]\s*engag(?:er|ent|eant)\b)",
    )
    .expect("valid regex")
});

/// A gathering that reviews or steers rather than signs: "réunis pour faire le bilan", "en
/// comité".
static REVIEWING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:bilan|point\s+d['’]étape|suivi|évaluation|comité|revue)\b")
        .expect("valid regex")
});

/// "Ce mardi 3 mai, la présidente a réuni les partenaires, venus sceller leur engagement": a
/// gathering cue nearest to the date, when it is the only event cue of the sentence and the
/// parties gathered to sign or commit, dates the signing.
fn gathering_to_sign(text: &str, s: &Range<usize>, role: DateRole) -> DateRole {
    if role != DateRole::Event {
        return role;
    }
    let sentence = &text[s.clone()];
    let mut events = ROLE_CUES
        .regex
        .find_iter(sentence)
        .filter(|m| ROLE_CUES.role_of(m.as_str()) == Some(DateRole::Event));
    let only_gathering = events.all(|m| GATHERING.is_match(m.as_str()));
    let committing = COMMITTING.is_match(sentence) || signed_next(text, s);
    if only_gathering && committing && !REVIEWING.is_match(sentence) {
        DateRole::Signature
    } else {
        role
    }
}

/// Whether the sentence right after the one of the date at `range` reports a signing and gives
/// no day of its own (see [`signed_next`]).
pub(super) fn signing_told_next(text: &str, range: &Range<usize>) -> bool {
    signed_next(text, &sentence(text, range))
}

/// Whether the sentence after `s` reports a signing and gives no day of its own: "La préfète a
/// réuni lundi les partenaires. Après un dernier tour de table, ils ont signé le contrat." (the
/// gathering's day is the signing's).
fn signed_next(text: &str, s: &Range<usize>) -> bool {
    static SIGNED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\b(?:ont|a|avons|ont\s+alors|a\s+alors)\s+(?:signé|paraphé|cosigné|co-signé|(?:apposé|mis|porté)\s+(?:leurs?|les|sa|son|ses)\s+(?:(?:premières?|premiers?|toutes?\s+premières?)\s+)?(?:signatures?|paraphes?))\b",
        )
        .expect("valid regex")
    });
    static DAY: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)\b(?:\d{{1,2}}(?:er)?\s+{}|{})\b|\b\d{{1,2}}/\d{{1,2}}/\d{{2,4}}\b",
            *super::lexicon::MONTH,
            *super::lexicon::WEEKDAY
        ))
        .expect("valid regex")
    });
    // The rest of the paragraph, at most [`REACH`] bytes: an abbreviation ("M. Durand") may cut
    // the next sentence short.
    let rest = text[s.end..].trim_start_matches(['.', '!', '?', '…', ';', ' ', '\t', '\n']);
    let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let next = &rest[..rest.floor_char_boundary(rest.len().min(REACH))];
    let Some(signed) = SIGNED.find(next) else { return false };
    // No day before the signing, nor in the rest of its sentence.
    let end =
        next[signed.end()..].find(['.', '!', '?', ';']).map_or(next.len(), |i| signed.end() + i);
    !DAY.is_match(&next[..end])
}

/// "la loi de programmation pour la ville du 21 février 2014": a law's date; "(lire notre
/// article du 18 février 2015)": a piece's.
static LAW_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:loi|décret|arrêté|ordonnance|circulaire|instruction)\b[^.;:()\n]{0,120}\bdu\s*$|\b(?:article|édition|numéro|lettre)\s+du\s*$",
    )
        .expect("valid regex")
});

/// The contract an avenant or a protocol amends, named with its own signing: "complète le
/// contrat de ville signé le 6 juillet 2015", "modifiant le contrat signé en juin 2015",
/// "avenant au contrat de ville du 2 juillet 2015", also with the accents lost ("signe le"). That
/// date is the amended contract's, not the act's.
static AMENDED_CONTRACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:compl[eè]t\p{L}*|modifi\p{L}*|amend\p{L}*|révis\p{L}*|revis\p{L}*|avenants?(?:\s+n°\s*\d+)?)\s+(?:le|au|du|l['’]|son|notre|ce)\s*contrat\b[^.;:()]{0,80}?(?:\bsign\p{L}*\s+(?:le\s+|en\s+)?|\bdu\s+)$",
    )
    .expect("valid regex")
});

/// "Un reportage signé Jean Dupont (avril 2015)": the byline of a piece, not a signature.
static SIGNED_PIECE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:reportage|article|photos?|texte|chronique|tribune|billet|dossier|vidéo|interview)\s+signée?s?\b",
    )
    .expect("valid regex")
});

/// A signing told in the future: "sera signé", "seront paraphés", "doit être signé",
/// "signera", "signeront", "va signer", "vont parapher"; a signature scheduled ("la signature
/// officielle est fixée au", "la signature est prévue le", "programmée pour"), one not yet
/// done ("la signature n'a pas encore eu lieu", "il n'est pas encore signé") or an authority
/// given to sign ("autorise le maire à signer", "mandate la présidente pour signer").
static FUTURE_SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?:(?:sera|seront|serait|seraient|doit|doivent|devra|devront|devrait|devraient|va|vont)\s+(?:(?:être|officiellement|donc|bien|prochainement)\s+){0,2}(?:sign|paraph|cosign|co-sign)(?:ée?s?|er)\b|(?:sign|paraph|cosign)(?:era|eront|erai[ts]|eraient)\b|signatures?\s+(?:\p{L}+\s+){0,3}(?:est|sont|sera|seront)\s+(?:\p{L}+\s+)?(?:fixée?s?|prévue?s?|programmée?s?|planifiée?s?)\b|(?:autoris|mandat|habilit)\p{L}*\s+(?:[\p{L}']+\s+){0,4}(?:à|pour)\s+signer\b|\bn['’]\s*(?:a|ont|est|sont|avait|avaient)\s+pas\s+encore\s+(?:été\s+)?(?:eu\s+lieu|sign|paraph|cosign)|\bsignatures?\s+(?:officielles?\s+)?(?:prévue?s?|attendue?s?|programmée?s?|annoncée?s?|à\s+la\s+rentrée|à\s+l['’]automne|à\s+venir)\b|\battend(?:ent)?\s+(?:encore\s+|toujours\s+)?(?:sa|leur)\s+signature\b)",
    )
    .expect("valid regex")
});

/// A signing told in the past: "a été signé", "ont signé", "a paraphé", "signé hier".
static PAST_SIGNING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:a|ont|avait|avaient|ai|avons|avez)\s+(?:(?:été|officiellement|bien|donc)\s+){0,2}(?:sign|paraph|cosign|co-sign)ée?s?\b")
        .expect("valid regex")
});

/// Whether `sentence` tells a signing in the future only.
fn told_in_future(sentence: &str) -> bool {
    FUTURE_SIGNING.is_match(sentence) && !PAST_SIGNING.is_match(sentence)
}

/// Whether the sentence of the date at `range` tells its signing in the future only (its role
/// then is a deadline).
pub fn signing_to_come(text: &str, range: &Range<usize>) -> bool {
    told_in_future(&text[sentence(text, range)])
}

/// A signature cue does not make a signature date of a law's date, nor of the date of a piece
/// signed by its author; a signing the sentence tells in the future only ("le contrat sera
/// signé le 2 juillet") has not happened: its date is a deadline.
fn not_a_signature(text: &str, s: &Range<usize>, range: &Range<usize>, role: DateRole) -> DateRole {
    if role != DateRole::Signature {
        return role;
    }
    let before = &text[s.start..range.start];
    let sentence = &text[s.clone()];
    if LAW_DATE.is_match(before) || SIGNED_PIECE.is_match(sentence) {
        DateRole::Other
    } else if AMENDED_CONTRACT.find(before).is_some_and(|m| !PAST_SIGNING.is_match(m.as_str())) {
        DateRole::Event
    } else if told_in_future(sentence) {
        DateRole::Deadline
    } else {
        role
    }
}

/// What ends a clause inside a sentence.
const CLAUSE_END: [char; 5] = [',', ';', ':', '(', ')'];

/// The role of the cue nearest to the date at `range` within `s`.
fn nearest_cue_role(text: &str, s: &Range<usize>, range: &Range<usize>) -> DateRole {
    let mut best: Option<(usize, DateRole)> = None;
    let mut consider = |dist: usize, cue: &str| {
        if let Some(role) = ROLE_CUES.role_of(cue)
            && best.is_none_or(|(d, _)| dist < d)
        {
            best = Some((dist, role));
        }
    };
    // "la salle du conseil municipal": the venue, not a council's sitting.
    let venue =
        |at: usize| VENUE.is_match(&text[text.floor_char_boundary(at.saturating_sub(20))..at]);
    for m in ROLE_CUES.regex.find_iter(&text[s.start..range.start]) {
        if !venue(s.start + m.start()) {
            consider(range.start - (s.start + m.end()), m.as_str());
        }
    }
    for m in ROLE_CUES.regex.find_iter(&text[range.end..s.end]) {
        // A cue after the date weighs a little less than one before it.
        if !venue(range.end + m.start()) {
            consider(m.start() + m.start() / 2 + 1, m.as_str());
        }
    }
    best.map_or(DateRole::Other, |(_, r)| r)
}

/// A room named after a body, right before the body's name: "la salle du", "salle des".
static VENUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bsalles?\s+(?:du|de\s+la|de\s+l['’]|des)\s*$").expect("valid regex")
});

/// A signature in a sentence about another programme than the contract is that programme's.
fn other_programme(text: &str, s: &Range<usize>, role: DateRole) -> DateRole {
    match role {
        // "Le protocole de préfiguration du renouvellement urbain a été signé le 26 septembre
        // 2016": the signature of another programme than the contract.
        DateRole::Signature
            if PERIOD_OTHER.is_match(&text[s.clone()]) && !CONTRACT.is_match(&text[s.clone()]) =>
        {
            DateRole::Event
        }
        role => role,
    }
}

static CONTRACT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?i)\bcontrat").expect("valid regex"));

/// Whether a span of years at `range` is a contract's period: a contract cue in its sentence
/// (or, when the sentence or the date's clause opens on a pronoun, "Il fixe jusqu'en 2030…",
/// "Signé en juin, il court jusqu'en 2030", in the sentence before)
/// and no other programme ("CUCS", "programme national...") named just before it in the same
/// clause.
pub(super) fn is_contract_period(text: &str, range: &Range<usize>) -> bool {
    if names_other_programme(text, range) {
        return false;
    }
    let s = sentence(text, range);
    if PERIOD_CONTRACT.is_match(&text[s.start..range.start])
        || PERIOD_CONTRACT.is_match(&text[range.end..s.end])
    {
        return true;
    }
    let opening = text[s.start..range.start].trim_start();
    // The pronoun may also open the date's clause after a participle that stands for the same
    // thing: "Approuvé par le conseil en juin, il engage ses signataires jusqu'en 2020".
    let clause = opening.rfind([',', ';']).map_or(opening, |i| opening[i + 1..].trim_start());
    let pronoun = PRONOUN.is_match(opening) || PRONOUN.is_match(clause);
    let last = text[..s.start].trim_end().char_indices().last().map(|(i, _)| i);
    pronoun && last.is_some_and(|at| PERIOD_CONTRACT.is_match(&text[sentence(text, &(at..at))]))
}

/// A sentence opening on a pronoun or a noun standing for the thing named before ("Il
/// fixe…", "Un document de 200 pages, qui engage…").
static PRONOUN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?i:il|elle|celui-ci|celle-ci|(?:ce|le|un)\s+document|(?:ce|le|un)\s+texte)\b")
        .expect("valid regex")
});

/// Whether another programme than the contract is named right before `range`, in its clause,
/// after any contract cue ("le contrat prend la suite du CUCS 2007-2014").
pub(super) fn names_other_programme(text: &str, range: &Range<usize>) -> bool {
    let s = sentence(text, range);
    let before = &text[s.start..range.start];
    let clause_start = before.rfind([',', ':', '(', '\n']).map_or(0, |i| i + 1);
    let clause = &before[clause_start..];
    let near = &clause[clause.floor_char_boundary(clause.len().saturating_sub(60))..];
    let last_other = PERIOD_OTHER.find_iter(near).last().map(|m| m.start());
    let last_contract = PERIOD_CONTRACT.find_iter(near).last().map(|m| m.start());
    last_other.is_some_and(|o| last_contract.is_none_or(|c| c < o))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_place_and_day_closing_an_act_date_its_signing() {
        for (s, d) in [
            ("Pages 9 Fait a Brive, le 4 mars 2019 Pour l'Etat, le préfet", "4 mars 2019"),
            ("La loi du 2 mai 2014 s'applique. Fait à Saint-Malo le 3 juin 2016", "3 juin 2016"),
            ("Annexe 4 SIGNÉ À VANNES, LE 8 JUILLET 2015", "8 JUILLET 2015"),
            ("Signée a Auch,le 1er avril 2024.", "1er avril 2024"),
        ] {
            assert_eq!(role(s, d), DateRole::Signature, "{s}");
        }
        for (s, d) in [
            ("Le bilan fait a nouveau le point le 4 mars 2019 en comité.", "4 mars 2019"),
            ("Il fait a nouveau, le 4 mars 2019, le tour des quartiers.", "4 mars 2019"),
            ("Le comité s'est réuni à Brive le 4 mars 2019.", "4 mars 2019"),
        ] {
            assert_ne!(role(s, d), DateRole::Signature, "{s}");
        }
    }

    #[test]
    fn a_council_authorising_the_signing_dates_a_vote_not_a_signing() {
        let s = "Le 12 mars 2024, les élus ont autorisé le maire à signer le contrat de ville.";
        assert_eq!(role(s, "12 mars 2024"), DateRole::Event);
        let s = "Le contrat, autorisé en conseil, a été signé le 9 juillet 2024 à la mairie.";
        assert_eq!(role(s, "9 juillet 2024"), DateRole::Signature);
    }

    #[test]
    fn the_signing_of_an_amended_contract_is_not_the_acts() {
        for (s, d) in [
            (
                "Ce protocole complète le contrat de ville signe le 6 juillet 2015.",
                "6 juillet 2015",
            ),
            (
                "L'avenant, modifiant le contrat unique signé en juin 2015, entre en vigueur.",
                "juin 2015",
            ),
            (
                "Avenant n° 2 au contrat de ville signé le 3 mai 2016 entre l'Etat et la ville.",
                "3 mai 2016",
            ),
        ] {
            assert_ne!(role(s, d), DateRole::Signature, "{s}");
        }
        for (s, d) in [
            ("Le contrat de ville a été signé le 6 juillet 2015 en préfecture.", "6 juillet 2015"),
            ("L'avenant au contrat a été signé le 3 mai 2019 par les partenaires.", "3 mai 2019"),
        ] {
            assert_eq!(role(s, d), DateRole::Signature, "{s}");
        }
    }

    #[test]
    fn a_laws_date_and_a_bylines_date_are_no_signatures() {
        let s = "Depuis la loi de programmation pour la ville du 21 février 2014, nos communes \
                 ont signé leurs contrats.";
        assert_eq!(role(s, "21 février 2014"), DateRole::Other);
        let s = "Vu la circulaire du 22 janvier 2019 signée du Premier ministre.";
        assert_eq!(role(s, "22 janvier 2019"), DateRole::Other);
        let s = "Le premier contrat signé (lire notre article du 2 mars 2015) est celui de Laval.";
        assert_eq!(role(s, "2 mars 2015"), DateRole::Other);
        let s = "Un reportage signé Jeanne Martin (avril 2015)";
        assert_eq!(role(s, "avril 2015"), DateRole::Other);
        let s = "Le contrat a été signé par le maire du 3 mai 2016 au matin.";
        assert_eq!(role(s, "3 mai 2016"), DateRole::Signature);
        let s = "Le contrat a été signé le 3 mai 2016 par le préfet.";
        assert_eq!(role(s, "3 mai 2016"), DateRole::Signature);
    }

    #[test]
    fn a_signing_told_in_the_future_is_a_deadline() {
        for s in [
            "Le contrat, approuvé en juin, sera signé le 2 juillet 2015 en préfecture.",
            "Les partenaires signeront le contrat le 2 juillet 2015.",
            "Le 2 juillet 2015, le contrat de ville doit être officiellement signé.",
            "Les contrats seront paraphés le 2 juillet 2015 à Guéret.",
            "Le préfet va signer le contrat le 2 juillet 2015.",
            "Le conseil autorise le maire à signer le contrat, dont la signature officielle est \
             fixée au 2 juillet 2015 en préfecture.",
            "La signature du contrat de ville est prévue le 2 juillet 2015 à la mairie.",
            "La présidente est mandatée pour signer le contrat le 2 juillet 2015.",
            "La signature n'a pas encore eu lieu : elle est programmée pour le 2 juillet 2015.",
            "Le contrat, qui n'avait pas encore été signé le 2 juillet 2015, attend la Région.",
            "Le texte devra être signé le 2 juillet 2015 par le sous-préfet.",
            "Signature prévue le 2 juillet 2015 à la préfecture.",
            "Adopté en juin, le contrat attend encore sa signature, le 2 juillet 2015.",
            "Le contrat de Redon : signature à la rentrée, le 2 juillet 2015 au plus tôt.",
        ] {
            assert_eq!(role(s, "2 juillet 2015"), DateRole::Deadline, "{s}");
        }
        for s in [
            "Le contrat a été signé le 2 juillet 2015 ; il sera évalué en 2018.",
            "Signé le 2 juillet 2015, le contrat sera suivi par un comité.",
            "La signature, prévue en juin, a été reportée : le contrat a été signé le 2 juillet \
             2015.",
            "Le préfet et le maire ont signé le 2 juillet 2015 le contrat qui sera signé par la \
             Région plus tard.",
        ] {
            assert_eq!(role(s, "2 juillet 2015"), DateRole::Signature, "{s}");
        }
    }

    #[track_caller]
    fn role(sentence: &str, date: &str) -> DateRole {
        let start = sentence.find(date).expect("date in sentence");
        point_role(sentence, &(start..start + date.len()))
    }

    #[track_caller]
    fn contract(sentence: &str, span: &str) -> bool {
        let start = sentence.find(span).expect("span in sentence");
        is_contract_period(sentence, &(start..start + span.len()))
    }

    #[test]
    fn the_dates_own_clause_speaks_first() {
        let s = "Le texte, approuvé par le conseil de territoire le 25 juin 2024, a été signé par \
                 le préfet.";
        assert_eq!(role(s, "25 juin 2024"), DateRole::Event);
        let s = "Mardi 14 mai, à la maison de quartier des Rosoirs, Pierre Durand, préfet de \
                 l'Yonne, et Marie Roux, présidente de la communauté d'agglomération de \
                 l'Auxerrois, ont signé le contrat de ville de l'agglomération.";
        assert_eq!(role(s, "Mardi 14 mai"), DateRole::Signature);
        assert_eq!(
            role("Le contrat a été signé le\n12 octobre 2015 à Dunkerque.", "12 octobre 2015"),
            DateRole::Signature
        );
    }

    #[test]
    fn the_end_of_a_signed_contract_is_no_signature() {
        let s = "Le premier contrat, signé en 2015, est arrivé à son terme le 31 mars 2023.";
        assert_eq!(role(s, "31 mars 2023"), DateRole::Deadline);
        let s = "Signée en 2016, la convention expire le 30 juin 2022.";
        assert_eq!(role(s, "30 juin 2022"), DateRole::Deadline);
        let s = "Le contrat signé avec l'État prend fin le 31 décembre 2030.";
        assert_eq!(role(s, "31 décembre 2030"), DateRole::Deadline);
        let s = "Le contrat prend effet à sa signature et s'achève le 31 décembre 2030.";
        assert_eq!(role(s, "31 décembre 2030"), DateRole::Deadline);
        // A signing verb nearer the date still speaks for it.
        let s = "Au terme de longs échanges, le contrat a été signé le 4 avril 2024.";
        assert_eq!(role(s, "4 avril 2024"), DateRole::Signature);
    }

    #[test]
    fn signing_synonyms() {
        let s = "Mardi 2 juillet, à l'espace culturel, l'État et leurs partenaires ont formalisé \
                 leur engagement.";
        assert_eq!(role(s, "Mardi 2 juillet"), DateRole::Signature);
        assert_eq!(
            role("Ils ont entériné le 3 juillet le protocole.", "3 juillet"),
            DateRole::Signature
        );
        let s = "Ce vendredi 5 avril, l'État et l'agglomération ont scellé le contrat.";
        assert_eq!(role(s, "vendredi 5 avril"), DateRole::Signature);
    }

    #[test]
    fn a_gathering_to_sign_or_commit_is_the_signing() {
        let s = "Ce jeudi 4 avril, le maire et le sous-préfet ont réuni autour d'eux trente \
                 partenaires, venus sceller leur engagement pour les quartiers.";
        assert_eq!(role(s, "jeudi 4 avril"), DateRole::Signature);
        let s = "Le 2 octobre 2015, la mairie, la CAF et la Région, réunies dans un même \
                 engagement, ont lancé le contrat.";
        assert_eq!(role(s, "2 octobre 2015"), DateRole::Signature);
        let s = "Les élus se sont réunis le 5 juin 2024 pour signer le contrat.";
        assert_eq!(role(s, "5 juin 2024"), DateRole::Signature);
        // The signature they put, as a noun.
        let s = "Réunis lundi 29 juin à la mairie, les partenaires l'ont revêtu de leur signature.";
        assert_eq!(role(s, "lundi 29 juin"), DateRole::Signature);
        let s = "Les élus se sont réunis le 5 juin 2024 pour la signature du contrat.";
        assert_eq!(role(s, "5 juin 2024"), DateRole::Signature);
        // A room named after the council is the venue, not a sitting of the council.
        let s = "Le 28 septembre 2015, la salle du conseil municipal accueillait la signature du \
                 contrat de ville.";
        assert_eq!(role(s, "28 septembre 2015"), DateRole::Signature);
        let s = "Le 28 septembre 2015, le conseil municipal a approuvé le contrat de ville.";
        assert_ne!(role(s, "28 septembre 2015"), DateRole::Signature);
        // A gathering to review, to steer or to vote is no signing.
        let s = "Les partenaires se sont réunis le 5 juin 2024 pour faire le bilan de leur \
                 engagement commun.";
        assert_eq!(role(s, "5 juin 2024"), DateRole::Event);
        let s = "Réuni le 5 juin 2024, le conseil communautaire a adopté le contrat et va \
                 signer la convention.";
        assert_eq!(role(s, "5 juin 2024"), DateRole::Event);
        let s = "Les 24 signataires se sont réunis le 3 mai 2016 pour la fête du quartier.";
        assert_eq!(role(s, "3 mai 2016"), DateRole::Event);
        let s = "Le 3 mai, le préfet a réuni les bailleurs sociaux à la mairie.";
        assert_eq!(role(s, "3 mai"), DateRole::Event);
    }

    #[test]
    fn a_gathering_followed_by_the_signing_dates_it() {
        let s = "Le préfet a réuni mardi 3 mai en mairie les partenaires du contrat de ville. \
                 Après un dernier échange, le préfet et la présidente ont signé le contrat.";
        assert_eq!(role(s, "mardi 3 mai"), DateRole::Signature);
        let s = "Le préfet a réuni mardi 3 mai en mairie les partenaires du contrat de ville. \
                 Le préfet et la présidente y ont apposé les premières signatures.";
        assert_eq!(role(s, "mardi 3 mai"), DateRole::Signature);
        // The next sentence gives its own day: the gathering stays an event.
        let s = "Le préfet a réuni mardi 3 mai en mairie les partenaires du contrat de ville. \
                 Le préfet et la présidente ont signé le contrat le 12 juin.";
        assert_eq!(role(s, "mardi 3 mai"), DateRole::Event);
        let s = "Le préfet a réuni mardi 3 mai en mairie les partenaires du contrat de ville. \
                 Après un mot de M. Durand, président, le préfet et lui ont signé le contrat.";
        assert_eq!(role(s, "mardi 3 mai"), DateRole::Signature);
        let s = "Le préfet, venu en mairie, a réuni mardi 3 mai les partenaires du contrat, en \
                 présence des maires.\nAprès un échange, ils ont signé le contrat.";
        assert_eq!(role(s, "mardi 3 mai"), DateRole::Signature);
        let s = "Le préfet a réuni mardi 3 mai en mairie les partenaires du contrat de ville. \
                 Ils feront le point en juin.";
        assert_eq!(role(s, "mardi 3 mai"), DateRole::Event);
    }

    #[test]
    fn a_date_opening_after_a_lost_line_break_opens_its_sentence() {
        // A heading run into the text of a page flattened to one line.
        let s = "Nos quartiers Le programme d'actions De 2024 à 2030, le contrat de ville fixe \
                 trois priorités.";
        assert!(contract(s, "De 2024 à 2030"));
        // Inside a sentence the date opens in lower case: the programme before it speaks.
        let s = "Le programme d'actions de 2024 à 2030 accompagne le contrat de ville.";
        assert!(!contract(s, "de 2024 à 2030"));
        // A capitalised name is no lost break.
        let s = "Le contrat de ville Engagements Quartiers 2030 est signé.";
        let start = s.find("Quartiers").expect("in s");
        assert!(!opens_after_lost_break(s, &(start..start + 14)));
        // An upper-case line has no lost break.
        let s = "LE CONTRAT EST SIGNÉ LE 12 MARS 2014";
        assert_eq!(role(s, "LE 12 MARS 2014"), DateRole::Signature);
    }

    #[test]
    fn a_pronoun_carries_the_contract_to_its_period() {
        let s = "Le contrat de ville a été paraphé hier. Il fixe jusqu'en 2030 les engagements.";
        assert!(contract(s, "jusqu'en 2030"));
        let s = "Le contrat de ville a été paraphé hier. Un document de cent pages, qui lie \
                 les signataires jusqu'en 2030.";
        assert!(contract(s, "jusqu'en 2030"));
        let s = "Le marché de travaux est attribué. Il court jusqu'en 2030.";
        assert!(!contract(s, "jusqu'en 2030"));
        // The pronoun opens the date's clause, after a participle.
        let s = "Le contrat de ville a été signé vendredi. Voté en juin par le conseil, il lie \
                 ses partenaires jusqu'en 2020.";
        assert!(contract(s, "jusqu'en 2020"));
        let s =
            "Le contrat de ville a été signé hier ; approuvé en juin, elle court jusqu'en 2030.";
        assert!(contract(s, "jusqu'en 2030"));
        let s = "Le marché de travaux est attribué. Notifié en mai, il court jusqu'en 2030.";
        assert!(!contract(s, "jusqu'en 2030"));
    }

    #[test]
    fn nearest_cue_gives_the_role() {
        assert_eq!(
            role("Le contrat a été signé le 3 mai 2015 à Douai.", "3 mai 2015"),
            DateRole::Signature
        );
        assert_eq!(
            role(
                "Le projet avait été approuvé par le conseil municipal le 2 mai 2015.",
                "2 mai 2015"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Mardi 3 mai, le conseil communautaire a adopté le cadre du contrat.",
                "Mardi 3 mai"
            ),
            DateRole::Event
        );
        assert_eq!(
            role(
                "Le lundi 7 mars, c'était au tour de Douai de signer son contrat.",
                "lundi 7 mars"
            ),
            DateRole::Signature
        );
        assert_eq!(
            role("La liste fixée par le décret du 2 mai 2023 change.", "2 mai 2023"),
            DateRole::Event
        );
        assert_eq!(
            role("Une signature est attendue au premier semestre 2024.", "premier semestre 2024"),
            DateRole::Deadline
        );
        assert_eq!(
            role("La fête du 3 mai 2015 a rassemblé 80 habitants.", "3 mai 2015"),
            DateRole::Other
        );
        let protocol = "Le protocole de préfiguration a été signé le 26 septembre 2016.";
        assert_eq!(role(protocol, "26 septembre 2016"), DateRole::Event);
        let both = "Le contrat de ville et la convention ANRU ont été signés le 3 mai 2016.";
        assert_eq!(role(both, "3 mai 2016"), DateRole::Signature);
        let meeting = "Les 24 signataires se sont réunis le 3 mai 2016 en comité.";
        assert_eq!(role(meeting, "3 mai 2016"), DateRole::Event);
        assert_eq!(role("Fait à Douai, le 3 mai 2016", "3 mai 2016"), DateRole::Signature);
    }

    #[test]
    fn the_sentence_stops_at_its_end() {
        let text = "Le contrat a été signé hier. La fête du 3 mai 2015 a eu lieu.";
        assert_eq!(role(text, "3 mai 2015"), DateRole::Other);
        let lines = "Signé en 2015\nFête le 4 mai 2016";
        assert_eq!(role(lines, "4 mai 2016"), DateRole::Other);
    }

    #[test]
    fn contract_periods_are_told_from_other_programmes() {
        assert!(contract("Le contrat de ville 2015-2020 de Douai.", "2015-2020"));
        assert!(contract("Conclu pour la période 2024-2030, il engage l'État.", "2024-2030"));
        assert!(contract("Durée\n2015-2020\n", "2015-2020"));
        assert!(!contract("Le contrat prend la suite du CUCS 2007-2014 de Douai.", "2007-2014"));
        assert!(!contract(
            "Ils sont concernés par le programme national de renouvellement urbain 2014-2024.",
            "2014-2024"
        ));
        assert!(contract("Le projet de contrat de ville 2015-2020 est prêt.", "2015-2020"));
        assert!(!contract("Les effectifs ont doublé entre 2010 et 2020.", "2010 et 2020"));
    }

    #[test]
    fn a_framework_agreement_is_the_contract_itself() {
        // The contract's own framework text, titled after it in upper case.
        assert!(contract(
            "CONTRAT DE VILLE DE MONTAUBAN : CONVENTION CADRE 2015-2020",
            "2015-2020"
        ));
        assert!(contract("La convention-cadre 2024-2030 a été adoptée.", "2024-2030"));
        // Another agreement named after it stays another programme's.
        assert!(!contract(
            "Le contrat de ville s'appuie sur la convention ANRU 2014-2024.",
            "2014-2024"
        ));
        assert!(!contract("La convention cadre de l'ANRU 2014-2024 est signée.", "2014-2024"));
    }
}
