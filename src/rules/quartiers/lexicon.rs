//! The vocabulary and shared grammar of the `quartiers` family: list cues and statuses
//! (`rules/quartiers/status.tsv`), counts written as words (`rules/quartiers/numbers.tsv`),
//! generic uses of "quartier" (`rules/quartiers/not_before.txt`), the shape of a commune name,
//! and the communes a document names.

use std::collections::BTreeSet;
use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use crate::data;
use crate::names::fold;
use crate::record::QuartierStatus;
use crate::rules::Doc;

/// A commune name: capitalised words joined by spaces or hyphens, with the small words of French
/// place names between them ("Condé sur l'Escaut", "Saint-Étienne-du-Rouvray", "Le Grand-Quevilly").
pub(super) const PLACE: &str = r"(?:[Ll]['’]|[Dd]['’])?\p{Lu}[\p{L}'’-]*(?:[ \t\n]+(?:(?:sur|sous|lès|lez|les|le|la|de|du|des|en|aux)[ \t\n]+)*(?:[ld]['’])?\p{Lu}[\p{L}'’-]*){0,4}";

/// A word of a neighbourhood's name: capitalised ("Cité", "Val-aux-Grès", "l'Ill") or a number
/// ("Cité 10", "Fosse 11").
const NAME_WORD: &str = r"(?:[ld]['’])?(?:\p{Lu}[\p{L}'’-]*|\d+[\p{L}/]*)";

/// A neighbourhood's name in prose: capitalised words, the small words between them, dashes
/// ("Cité Fénelon – Les Aulnes", "Faubourg du Soleil", "Prés Saint-Jean").
pub(super) static NAME: LazyLock<String> = LazyLock::new(|| {
    format!(
        r"{NAME_WORD}(?:(?:[ \t]+|[ \t]*[–—-][ \t]*|[ \t]*/[ \t]*)(?:(?:de|du|des|la|le|les|aux|sur|en)[ \t]+)*{NAME_WORD})*"
    )
});

/// `(kind, cue)` rows of `status.tsv`.
static CUES: LazyLock<Vec<(String, String)>> = LazyLock::new(|| {
    data::rows("quartiers/status.tsv")
        .into_iter()
        .filter_map(|row| Some((row.first()?.clone(), row.get(1)?.to_lowercase())))
        .collect()
});

/// A case-insensitive regex matching any of the cues of `kinds` as whole words.
fn cue_regex(kinds: &[&str]) -> Regex {
    let mut cues: Vec<&str> =
        CUES.iter().filter(|(k, _)| kinds.contains(&k.as_str())).map(|(_, c)| c.as_str()).collect();
    cues.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let alts: Vec<String> = cues.iter().map(|c| regex::escape(c).replace(' ', r"\s+")).collect();
    Regex::new(&format!(r"(?i)\b(?:{})\b", alts.join("|"))).expect("valid regex")
}

static ASIDE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\(\s*dont\b[^()]*\)|\bdont\b[^,:;()]*").expect("valid regex"));
static VEILLE: LazyLock<Regex> = LazyLock::new(|| cue_regex(&["veille"]));
static AUTRE: LazyLock<Regex> = LazyLock::new(|| cue_regex(&["autre"]));
static PRIORITAIRE: LazyLock<Regex> = LazyLock::new(|| cue_regex(&["prioritaire"]));
static LISTE: LazyLock<Regex> =
    LazyLock::new(|| cue_regex(&["liste", "prioritaire", "veille", "autre"]));
static NON: LazyLock<Regex> = LazyLock::new(|| cue_regex(&["non"]));

/// The status `text` (a list's heading or sentence) gives its items: veille beats the others
/// ("sort de la liste des quartiers prioritaires ... veille active"); between autre and
/// prioritaire the first cue wins ("Les quartiers prioritaires, dont deux retenus au NPNRU :" is
/// the prioritaire list, "Les quartiers NPNRU, tous prioritaires :" is not).
pub(super) fn status_in(text: &str) -> Option<QuartierStatus> {
    if VEILLE.is_match(text) {
        return Some(QuartierStatus::Veille);
    }
    // A part of the list singled out ("dont trois au titre du NPNRU", "(dont 2 en NPNRU)") does
    // not make the list NPNRU's.
    let main = ASIDE.replace_all(text, " ");
    let autre = AUTRE.find(&main).map(|m| m.start());
    match (autre, PRIORITAIRE.find(&main).map(|m| m.start())) {
        (Some(a), Some(p)) if p < a => Some(QuartierStatus::Prioritaire),
        (Some(_), _) => Some(QuartierStatus::Autre),
        (None, Some(_)) => Some(QuartierStatus::Prioritaire),
        (None, None) => None,
    }
}

/// Whether `text` speaks of quartiers (a list of them may follow).
pub(super) fn speaks_of_quartiers(text: &str) -> bool {
    LISTE.is_match(text)
}

/// Whether `text` introduces a list of something else (signatories, partners).
pub(super) fn lists_something_else(text: &str) -> bool {
    NON.is_match(text)
}

static NUMBERS: LazyLock<Vec<(String, usize)>> = LazyLock::new(|| {
    data::rows("quartiers/numbers.tsv")
        .into_iter()
        .filter_map(|row| Some((row.first()?.to_lowercase(), row.get(1)?.parse().ok()?)))
        .collect()
});

/// A count of quartiers, in digits or in words ("21", "seize").
pub(super) static COUNT_WORD: LazyLock<String> = LazyLock::new(|| {
    let mut words: Vec<&str> = NUMBERS.iter().map(|(w, _)| w.as_str()).collect();
    words.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    let alts: Vec<String> = words.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect();
    format!(r"(?:\d{{1,3}}|{})", alts.join("|"))
});

static COUNT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\b(?P<n>{})\s+(?:autres\s+|nouveaux\s+)?(?:quartiers|QPV|secteurs)\b|\bquartiers[^()\n]{{0,40}}\((?P<p>\d{{1,3}})\)",
        *COUNT_WORD
    ))
    .expect("valid regex")
});

/// The number of quartiers `text` announces ("21 quartiers", "seize quartiers prioritaires",
/// "Quartiers prioritaires (4)"), the first one.
pub(super) fn count_in(text: &str) -> Option<usize> {
    let caps = COUNT.captures(text)?;
    let n = caps.name("n").or_else(|| caps.name("p"))?.as_str();
    let folded: String = n.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
    n.parse().ok().or_else(|| NUMBERS.iter().find(|(w, _)| *w == folded).map(|(_, v)| *v))
}

static NOT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = data::lines("quartiers/not_before.txt")
        .iter()
        .map(|c| regex::escape(c).replace(' ', r"\s+"))
        .collect();
    Regex::new(&format!(r"(?i)\b(?:{})\s+(?:(?:de|du|des|au|aux)\s+)?$", alts.join("|")))
        .expect("valid regex")
});

/// Whether the text just before a "quartier" makes it a generic noun ("maison de quartier").
pub(super) fn generic_before(before: &str) -> bool {
    let start = before.len().saturating_sub(40);
    let start = (start..before.len()).find(|&i| before.is_char_boundary(i)).unwrap_or(0);
    NOT_BEFORE.is_match(&before[start..])
}

static PLACE_FULL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{PLACE}$")).expect("valid regex"));
static COMMUNE_SEP: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\s*(?:/|,|&|\bet\b)\s*").expect("valid regex"));

/// The communes of `text` ("Anzin, Beuvrages", "Grenay/ Loos-en-Gohelle", "Valenciennes /
/// Anzin", "Metz et Woippy"), or `None` when a piece does not look like a commune ("4",
/// "anciennement en CUCS", "QPV"). Two known communes written side by side ("Crespin
/// Quiévrechain") are two.
pub(super) fn communes(text: &str, known: &Known) -> Option<Vec<String>> {
    let text = text.trim().trim_end_matches(['.', ';', ',']).trim();
    if text.is_empty() {
        return None;
    }
    let mut out = Vec::new();
    for piece in COMMUNE_SEP.split(text) {
        let piece = collapse(piece);
        if piece.is_empty() {
            continue;
        }
        if !PLACE_FULL.is_match(&piece) || is_acronym(&piece) || piece.split(' ').count() > 5 {
            return None;
        }
        match known.split(&piece) {
            Some(parts) => out.extend(parts),
            None => out.push(piece),
        }
    }
    (!out.is_empty()).then_some(out)
}

/// An all-capitals word of up to six letters ("QPV", "CALL", "NPNRU"): an abbreviation, not a
/// commune.
fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !s.contains(' ') && letters.len() <= 6 && letters.iter().all(|c| c.is_uppercase())
}

/// The communes a document names outside any list: "(Anzin)", "Mairie de Crespin", "maire
/// d'Alès", "à Lillebonne" (folded).
#[derive(Debug, Clone, Default)]
pub(super) struct Known {
    names: BTreeSet<String>,
    /// Communes named as a town ("maire d'Alès", "Ville de Rouen", "À Alès,").
    towns: Vec<String>,
}

static KNOWN_PAREN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\(\s*({PLACE})\s*\)")).expect("valid regex"));
static KNOWN_TOWN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:\b(?i:mairie|maire|ville|commune)\s+(?:de\s+|d'|du\s+)|(?m:^)\s*À\s+)(?P<t>{PLACE})"
    ))
    .expect("valid regex")
});
/// "contrat(s) de ville de" right before a [`KNOWN_TOWN`] name.
static CONTRACT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\bcontrats?\s+de\s+ville\s+(?:de\s+|d'|du\s+)$").expect("valid regex")
});
static KNOWN_AT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"\b[àÀ]\s+({PLACE})")).expect("valid regex"));

/// A place name that runs over a line break ("Contrat de ville de Montargis" over "Le maire
/// ..."): its first line when that is a commune and the whole is none.
fn within_line(place: &str) -> &str {
    match place.split_once('\n') {
        Some((head, _)) if is_commune(head.trim()) && !is_commune(&collapse(place)) => head.trim(),
        _ => place,
    }
}

impl Known {
    /// The communes named in `doc`.
    pub fn of(doc: &Doc) -> Known {
        let text = doc.text();
        let mut known = Known::default();
        for c in KNOWN_PAREN.captures_iter(text).filter_map(|c| c.get(1)) {
            known.names.insert(fold(c.as_str()));
        }
        for c in KNOWN_TOWN.captures_iter(text).filter_map(|c| c.name("t")) {
            let name = collapse(within_line(c.as_str()));
            // "le contrat de ville de Douaisis Agglo": "ville" is the contract's, and what follows
            // is its carrier, a town only when it is a commune.
            let before = &text[..c.start()];
            if CONTRACT_BEFORE.is_match(before) && !is_commune(&name) {
                continue;
            }
            known.names.insert(fold(&name));
            if !known.towns.iter().any(|t| fold(t) == fold(&name)) {
                known.towns.push(name);
            }
        }
        for c in KNOWN_AT.captures_iter(text).filter_map(|c| c.get(1)) {
            known.names.insert(fold(c.as_str()));
        }
        known
    }

    /// Whether `name` is a commune of the document.
    pub fn contains(&self, name: &str) -> bool {
        self.names.contains(&fold(name))
    }

    /// Whether `name` is named as a town ("maire d'Alès", "la ville de Le Quesnoy").
    pub fn is_town(&self, name: &str) -> bool {
        self.towns.iter().any(|t| fold(t) == fold(name))
    }

    /// The one town the document names, when it names exactly one.
    pub fn only_town(&self) -> Option<&str> {
        match self.towns.as_slice() {
            [one] => Some(one),
            _ => None,
        }
    }

    /// "Crespin Quiévrechain" as two known communes.
    fn split(&self, piece: &str) -> Option<Vec<String>> {
        if !piece.contains(' ') {
            return None;
        }
        let words: Vec<&str> = piece.split(' ').collect();
        let mut out = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let j = (i + 1..=words.len())
                .rev()
                .filter(|&j| j - i < words.len())
                .find(|&j| self.contains(&words[i..j].join(" ")))?;
            out.push(words[i..j].join(" "));
            i = j;
        }
        (out.len() > 1).then_some(out)
    }
}

/// `s` with runs of white space made one space, trimmed.
pub(super) fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

static DESCRIPTOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?i:le|la|les|l')\s*(?i:quartiers?|secteurs?)|quartiers?|secteurs?)(?:\s+d'intérêt\s+(?:national|régional))?(?:\s+(?:prioritaires?|suivants?))?(?:\s*,)?\s+(?:(?:de\s+la|de\s+l'|du|des|de|d')\s*)?",
    )
    .expect("valid regex")
});
static ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:les|le|la|l')\s*").expect("valid regex"));
static CAPITAL_ARTICLE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:Les|Le|La)\s+").expect("valid regex"));

/// A name as a list gives it, cleaned: white space collapsed, list punctuation and quotes
/// trimmed, a leading descriptor ("le quartier d'intérêt national", "les quartiers") and a
/// lower-case article dropped. "Quartier du Blanc Misseron" and "Le Trieu" stay whole.
/// A list's end without the summary that may close it ("…, soit six quartiers et 9 000
/// habitants", "…, représentant 12 % de la population", "…, au total"): an apposition after a
/// comma, never part of a quartier's name; nor the verb the list is the subject of ("A et B
/// sont concernés"; in lower case: "Quartier Est" is a name).
pub(super) fn without_coda(list: &str) -> &str {
    static CODA: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"(?i)\s*,\s*(?:soit|représentant|regroupant|rassemblant|totalisant|comptant|au\s+total|pour\s+un\s+total)\b",
        )
        .expect("valid regex")
    });
    static VERB: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(
            r"\s+(?:sont|seront|est|sera|restent|reste|demeurent|bénéficient|bénéficieront|entrent|figurent)(?:\s|$)",
        )
        .expect("valid regex")
    });
    let list = CODA.find(list).map_or(list, |m| &list[..m.start()]);
    VERB.find(list).map_or(list, |m| &list[..m.start()])
}

pub(super) fn clean_name(s: &str) -> String {
    let mut name = collapse(s);
    name = name
        .trim_matches(|c: char| {
            c.is_whitespace() || matches!(c, ';' | ',' | '.' | ':' | '«' | '»' | '"' | '*' | '|')
        })
        .to_owned();
    if let Some(m) = DESCRIPTOR.find(&name) {
        let rest = &name[m.end()..];
        if is_direction(rest) {
            // "les Quartiers Ouest", "le secteur nord": the descriptor is half the name.
            let kept = ARTICLE.find(&name).map_or(0, |a| a.end());
            name = name[kept..].to_owned();
        } else if rest.chars().next().is_some_and(|c| c.is_uppercase() || c == '«' || c == '"') {
            name = rest.trim_matches(|c: char| c.is_whitespace() || "«»\"".contains(c)).to_owned();
        }
    }
    // "la Briqueterie", "La cité des Lilas": the article is not the name's.
    if let Some(m) = ARTICLE.find(&name).or_else(|| CAPITAL_ARTICLE.find(&name)) {
        let rest = &name[m.end()..];
        let lowered = m.as_str().starts_with(char::is_lowercase);
        if lowered && rest.starts_with(char::is_uppercase) || housing_lead(rest) {
            name = rest.to_owned();
        }
    }
    name
}

/// Whether `s` is only a position in a town ("Ouest", "Sud-Est", "nord"): after "quartiers" or
/// "secteur" it makes the name with the descriptor ("les Quartiers Ouest", "le secteur nord"),
/// as the official list writes "Quartiers Sud-Est".
pub(super) fn is_direction(s: &str) -> bool {
    static DIRECTION: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^(?:nord|sud)(?:[- ](?:est|ouest))?$|^(?:est|ouest)$")
            .expect("valid regex")
    });
    DIRECTION.is_match(s.trim())
}

static NOT_NAME: LazyLock<Regex> = LazyLock::new(|| {
    let alts: Vec<String> = data::lines("quartiers/not_names.txt")
        .iter()
        .chain(data::lines("quartiers/sentence_openers.txt").iter())
        .map(|c| regex::escape(c).replace(' ', r"\s+"))
        .collect();
    Regex::new(&format!(r"(?i)^(?:{})(?:\s|$)", alts.join("|"))).expect("valid regex")
});

/// "En" before capitalised words only: the Occitan article of a place's name ("En Sabatier",
/// "En Gineste"), not "En 2024" or "En effet" that open a sentence.
static OCCITAN_EN: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^En\s+\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*$").expect("valid regex")
});

/// Whether `name` can be a neighbourhood's name: starts with a capital or a digit, a few words,
/// not a bare cue ("Quartiers prioritaires"), no address or e-mail, not a number alone, not a
/// street, an equipment, an organisation or a menu item (`rules/quartiers/not_names.txt`: "Rue
/// de la Gare", "Centre social Agora", "Accueil"), nor a sentence opened by a pronoun or a linking
/// word (`rules/quartiers/sentence_openers.txt`: "Ils restent suivis").
pub(super) fn plausible_name(name: &str) -> bool {
    let words = name.split_whitespace().count();
    let bare_cue = speaks_of_quartiers(name) && status_in(name).is_some();
    let odd = name.contains('@')
        || name.contains("http")
        || NOT_NAME.is_match(name) && !OCCITAN_EN.is_match(name);
    // A number alone is a street number or a figure ("5, rue Pleyel"), not a name; nor is a
    // figure with its unit ("2 000 habitants", "45 %").
    static FIGURE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)^\d[\d \u{a0}\u{202f}.,]*\s*(?:%|€|habitants?|logements?|ménages|personnes|familles|jeunes|euros?|millions?|milliards?|hectares?|ha)\b")
            .expect("valid regex")
    });
    // A count of quartiers is no quartier's name ("Arles : 3 quartiers", "Bron : un QPV",
    // "deux quartiers prioritaires"); "Cité des 4000", "Trois Cités" are names.
    // The number words are those of the shared table from one to twelve.
    static COUNT: LazyLock<Regex> = LazyLock::new(|| {
        let words = crate::analysis::words::NUMBER_WORDS
            .iter()
            .filter(|(_, n)| (1..=12).contains(n))
            .map(|(w, _)| w.as_str());
        Regex::new(&format!(
            r"(?i)^(?:[^:]*:\s*)?(?:\d+|{})\s+(?:quartiers?|QPV|sites?\s+prioritaires?)\b",
            crate::rules::alternation(words)
        ))
        .expect("valid regex")
    });
    // A month and its year date a document ("Document définitif - juillet 2015"); a day
    // before them names a place after a day ("Cité du 8 Mai 1945").
    static DATED: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)(?P<before>\S*)\s*\b(?:janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre|novembre|décembre|decembre)\s+(?:19|20)\d\d\b")
            .expect("valid regex")
    });
    let dated = DATED.captures_iter(name).any(|c| {
        !c.name("before").is_some_and(|b| b.as_str().chars().any(|ch| ch.is_ascii_digit()))
    });
    let number = !name.chars().any(char::is_alphabetic)
        || FIGURE.is_match(name)
        || COUNT.is_match(name)
        || dated;
    (name.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || housing_lead(name))
        && (1..=12).contains(&words)
        && !bare_cue
        && !odd
        && !number
}

/// Whether `name` opens with a housing word in lower case before a proper name or a number:
/// "cité Bruno", "cités de la Briqueterie", "résidence Les Tilleuls", "cité 12" (pages and the
/// official list write these names so); "cité éducative" or "résidence principale" are not.
fn housing_lead(name: &str) -> bool {
    static LEAD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"^(?:cités?|résidences?)\s+(?:(?:de\s+la|de\s+l'|de\s+l’|des|du|de|d'|d’)\s*)?[\p{Lu}\d]")
            .expect("valid regex")
    });
    LEAD.is_match(name)
}

/// Whether `name` is the whole name of a quartier prioritaire of the 2024 list
/// (`rules/gazetteer/qpv.tsv`) in one of the communes the document names: a strong item
/// whatever its words ("Médiathèque", a building's name too).
pub(super) fn names_a_qpv(doc: &Doc, name: &str) -> bool {
    let named = doc.named_communes();
    crate::gazetteer::qpv::qpvs_named(name)
        .iter()
        .any(|n| n.whole && n.qpv.communes.iter().any(|c| named.contains(c)))
}

/// The code of the one quartier prioritaire of the 2024 list that `name` designates (its whole
/// name or a part of it) in the communes the document names; `None` when none or several.
pub(super) fn qpv_code_of(doc: &Doc, name: &str) -> Option<&'static str> {
    let named = doc.named_communes();
    let mut codes: Vec<&'static str> = crate::gazetteer::qpv::qpvs_named(name)
        .iter()
        .filter(|n| n.qpv.communes.iter().any(|c| named.contains(c)))
        .map(|n| n.qpv.code)
        .collect();
    codes.dedup();
    match codes.as_slice() {
        [one] => Some(one),
        _ => None,
    }
}

/// Whether `name` is a common noun phrase, its article aside ("Les bailleurs sociaux", "les
/// services"): no word of it is capitalised.
pub(super) fn common_noun_phrase(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let first = words.next().unwrap_or("");
    let article = ["le", "la", "les", "l'", "l’"].iter().any(|a| first.eq_ignore_ascii_case(a));
    let rest: Vec<&str> = if article { words.collect() } else { name.split_whitespace().collect() };
    !rest.is_empty() && rest.iter().all(|w| w.chars().next().is_some_and(char::is_lowercase))
}

/// Whether a list line reads as a sentence, not a name: more than one lower-case word besides
/// the small words of names, and they are most of its words ("La signature a eu lieu en
/// mairie"), or five words or more ending with a full stop. "Centre ancien" and "Cité des
/// 4000" are names.
pub(super) fn looks_like_sentence(line: &str) -> bool {
    const SMALL: &[&str] =
        &["de", "du", "des", "la", "le", "les", "aux", "au", "sur", "en", "et", "à", "sous", "lès"];
    let words: Vec<&str> = line.split_whitespace().collect();
    let lower = words
        .iter()
        .filter(|w| {
            let w = ["l'", "d'", "l’", "d’"].iter().find_map(|p| w.strip_prefix(p)).unwrap_or(w);
            w.chars().next().is_some_and(char::is_lowercase) && !SMALL.contains(&w)
        })
        .count();
    lower > 1 && lower * 2 > words.len() || words.len() >= 5 && line.trim_end().ends_with('.')
}

/// Whether `name` is the name of a French commune (the gazetteer's).
pub(super) fn is_commune(name: &str) -> bool {
    !crate::gazetteer::communes_named(name).is_empty()
}

/// The départements of the communes named `name`.
pub(super) fn departements(name: &str) -> Vec<&'static str> {
    crate::gazetteer::communes_named(name).iter().map(|c| c.departement).collect()
}

pub(super) use crate::rules::line_ranges;

/// Paragraphs of the normalised text: runs of lines between blank lines; for HTML, where every
/// block is a line, each line.
pub(super) fn paragraphs(doc: &Doc) -> Vec<Range<usize>> {
    let text = doc.text();
    crate::rules::paragraph_ranges(text, doc.format)
        .into_iter()
        .map(|r| r.start..r.start + text[r].trim_end().len())
        .filter(|r| !r.is_empty())
        .collect()
}

/// The paragraph before paragraph `i`, when it is a short heading (a line of at most a dozen
/// words).
/// The paragraphs that speak of quartiers, or sit under a heading that does, with that
/// heading: where the list rules look.
pub(super) fn quartier_paragraphs<'a>(doc: &Doc<'a>) -> Vec<(Range<usize>, Option<&'a str>)> {
    let text = doc.text();
    let paras = paragraphs(doc);
    (0..paras.len())
        .map(|i| (paras[i].clone(), heading_before(text, &paras, i)))
        .filter(|(p, heading)| {
            speaks_of_quartiers(&text[p.clone()]) || heading.is_some_and(speaks_of_quartiers)
        })
        .collect()
}

pub(super) fn heading_before<'a>(
    text: &'a str,
    paras: &[Range<usize>],
    i: usize,
) -> Option<&'a str> {
    let prev = paras.get(i.checked_sub(1)?)?;
    let t = &text[prev.clone()];
    (!t.contains('\n') && t.split_whitespace().count() <= 12).then_some(t)
}

/// A list's label: its heading or sentence, Markdown marks and a final colon dropped, at most
/// 100 characters.
pub(super) fn label(s: &str) -> Option<String> {
    let s = collapse(s);
    let s =
        s.trim_start_matches(['#', '*', '>', ' ']).trim_end_matches([':', ' ', '*', ',']).trim();
    if s.chars().count() < 3 {
        return None;
    }
    if s.chars().count() <= 100 {
        return Some(s.to_owned());
    }
    let cut: String = s.chars().take(99).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(a, _)| a);
    Some(format!("{cut}…"))
}

/// The last sentence of `s` (the words just before a list).
pub(super) fn last_sentence(s: &str) -> &str {
    let t = s.trim_end();
    let start = sentence_ends(t).last().map_or(0, |i| i + 2);
    &t[start..]
}

/// The first sentence of `s`: up to its first ". " before a capital (the mark kept), or all
/// of `s`. The last item of a list whose line breaks were lost runs into the next sentence.
pub(super) fn first_sentence(s: &str) -> &str {
    sentence_ends(s).next().map_or(s, |i| &s[..=i])
}

/// Where the sentences of `s` end: each ".", "!" or "?" followed by a space and a capital,
/// but not the full stop of an initial or a title ("Cité St. Martin", "M. Durand").
fn sentence_ends(s: &str) -> impl Iterator<Item = usize> + '_ {
    const TITLES: [&str; 6] = ["St", "Ste", "Mme", "Mlle", "Dr", "Mgr"];
    s.char_indices().filter_map(move |(i, c)| {
        let rest = &s[i + c.len_utf8()..];
        let next = rest.strip_prefix(' ')?.chars().next();
        let word = s[..i].rsplit(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
        let abbreviated = c == '.' && (word.chars().count() == 1 || TITLES.contains(&word));
        (matches!(c, '.' | '!' | '?') && !abbreviated && next.is_some_and(char::is_uppercase))
            .then_some(i)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_files_parse_and_are_sorted() {
        for (file, columns) in [
            ("quartiers/status.tsv", 2),
            ("quartiers/numbers.tsv", 2),
            ("quartiers/not_before.txt", 1),
            ("quartiers/not_names.txt", 1),
            ("quartiers/sentence_openers.txt", 1),
        ] {
            data::check_table(file, columns, true);
        }
        for (kind, _) in CUES.iter() {
            assert!(
                ["prioritaire", "veille", "autre", "liste", "non"].contains(&kind.as_str()),
                "status.tsv: unknown kind {kind}"
            );
        }
        assert_eq!(NUMBERS.len(), data::lines("quartiers/numbers.tsv").len());
    }

    #[test]
    fn statuses_follow_the_cues() {
        assert_eq!(status_in("14 quartiers prioritaires :"), Some(QuartierStatus::Prioritaire));
        assert_eq!(
            status_in("Quartiers en veille active (anciennement en CUCS) :"),
            Some(QuartierStatus::Veille)
        );
        assert_eq!(
            status_in("Le quartier sort de la liste des quartiers prioritaires."),
            Some(QuartierStatus::Veille)
        );
        assert_eq!(
            status_in("NPNRU : le quartier d'intérêt national"),
            Some(QuartierStatus::Autre)
        );
        assert_eq!(status_in("Les quartiers en décrochage"), Some(QuartierStatus::Autre));
        assert_eq!(
            status_in("Cinq quartiers, dont trois au titre du NPNRU, sont prioritaires :"),
            Some(QuartierStatus::Prioritaire)
        );
        assert_eq!(status_in("Les quartiers (dont deux en NPNRU) :"), None);
        assert_eq!(
            status_in("Les quartiers en renouvellement urbain (NPNRU) :"),
            Some(QuartierStatus::Autre)
        );
        assert_eq!(status_in("Quartiers sortants :"), Some(QuartierStatus::Autre));
        assert_eq!(status_in("Il s'agit des quartiers suivants :"), None);
        assert_eq!(status_in("un dossier prudent"), None);
    }

    #[test]
    fn counts_are_read_in_digits_and_words() {
        assert_eq!(count_in("21 quartiers sur 19 villes"), Some(21));
        assert_eq!(count_in("retient seize quartiers sur le territoire"), Some(16));
        assert_eq!(count_in("Deux autres quartiers brestois"), Some(2));
        assert_eq!(count_in("Quartiers prioritaires (4)"), Some(4));
        assert_eq!(count_in("Les quartiers suivants :"), None);
    }

    #[test]
    fn communes_are_split_and_checked() {
        let k = Known::default();
        assert_eq!(
            communes("Anzin, Beuvrages, Bruay-sur-l'Escaut", &k),
            Some(vec!["Anzin".into(), "Beuvrages".into(), "Bruay-sur-l'Escaut".into()])
        );
        assert_eq!(
            communes("Grenay/ Loos-en-Gohelle", &k),
            Some(vec!["Grenay".into(), "Loos-en-Gohelle".into()])
        );
        assert_eq!(communes("Condé sur l'Escaut", &k), Some(vec!["Condé sur l'Escaut".into()]));
        assert_eq!(communes("Metz et Woippy", &k), Some(vec!["Metz".into(), "Woippy".into()]));
        assert_eq!(communes("4", &k), None);
        assert_eq!(communes("anciennement en CUCS", &k), None);
        assert_eq!(communes("QPV", &k), None);
    }

    #[test]
    fn known_communes_split_a_pair_written_side_by_side() {
        let mut k = Known::default();
        k.names.insert(fold("Crespin"));
        k.names.insert(fold("Quiévrechain"));
        assert_eq!(
            communes("Crespin Quiévrechain", &k),
            Some(vec!["Crespin".into(), "Quiévrechain".into()])
        );
        assert_eq!(communes("Le Petit-Quevilly", &k), Some(vec!["Le Petit-Quevilly".into()]));
    }

    #[test]
    fn names_lose_descriptors_and_lowercase_articles_only() {
        assert_eq!(clean_name(" Le quartier d'intérêt national Chasse Royale"), "Chasse Royale");
        assert_eq!(clean_name("les quartiers d'intérêt régional Bleuze Borne"), "Bleuze Borne");
        assert_eq!(clean_name("Quartier du Blanc Misseron"), "Quartier du Blanc Misseron");
        assert_eq!(clean_name("Quartier Nord"), "Quartier Nord");
        assert_eq!(clean_name("les Quartiers Ouest"), "Quartiers Ouest");
        assert_eq!(clean_name("le secteur nord"), "secteur nord");
        assert_eq!(clean_name("les quartiers Sud-Est,"), "quartiers Sud-Est");
        assert_eq!(clean_name("le secteur Nordine Saïdi"), "Nordine Saïdi");
        assert_eq!(clean_name("les quartiers Estienne"), "Estienne");
        assert_eq!(clean_name("la Cité Carpeaux"), "Cité Carpeaux");
        assert_eq!(clean_name("Le Trieu ;"), "Le Trieu");
        assert_eq!(clean_name("« Dutemple »"), "Dutemple");
        assert!(!plausible_name("Quartiers prioritaires"));
        assert!(!plausible_name("contact@agglo.fr"));
        assert!(plausible_name("3 cités"));
        assert!(plausible_name("Cité 10"));
        // A street number, an organisation, the contract itself.
        assert!(!plausible_name("12"));
        assert!(!plausible_name("Commissariat général à la ville"));
        assert!(!plausible_name("Contrat de ville"));
        assert!(plausible_name("En Sabatier"));
        assert!(!plausible_name("En 2024"));
        assert!(!plausible_name("En effet"));
        assert!(!plausible_name("Agence nationale des quartiers"));
        // A count of quartiers, in figures or in words.
        assert!(!plausible_name("8 quartiers"));
        assert!(!plausible_name("1 quartier"));
        assert!(!plausible_name("Deux quartiers prioritaires"));
        assert!(!plausible_name("3 QPV"));
        assert!(!plausible_name("Istres : 2 quartiers"));
        assert!(plausible_name("Trois Cités"));
        assert!(plausible_name("Quartier 2000"));
        // The heading of one of a contract's pillars.
        assert!(!plausible_name("Premier pilier : cohésion sociale"));
        assert!(!plausible_name("Pilier 2 - cadre de vie"));
        assert!(plausible_name("Les Piliers"));
        // A housing word in lower case before a proper name or a number.
        assert!(plausible_name("cité Marceau"));
        assert!(!plausible_name("Document définitif - juillet 2015"));
        assert!(!plausible_name("Version de mars 2024"));
        assert!(plausible_name("Cité du 8 Mai 1945"));
        // A page number left by a PDF.
        assert!(!plausible_name("3 -"));
        assert!(plausible_name("cités de la Tuilerie"));
        assert!(plausible_name("résidence Les Acacias"));
        assert!(plausible_name("cité 7"));
        assert!(!plausible_name("cité éducative"));
        assert!(!plausible_name("résidence principale"));
        assert!(!plausible_name("cité de la réussite"));
    }
}
