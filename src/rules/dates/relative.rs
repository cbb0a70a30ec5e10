//! `dates.relative`: a date given relative to the document's own date.
//!
//! Finds: "hier", "hier soir", "aujourd'hui", "ce jour", "la semaine dernière", "le mois
//! dernier", "l'an dernier" (listed with their offsets in `rules/dates/relative.tsv`), "en mai
//! dernier" (the last May before the document's date, month precision), "ce lundi" (the last
//! Monday up to the document's date) and "lundi dernier" (the Monday before it), with the role their
//! sentence gives them; a weekday alone ("a été signé vendredi", "Mardi, le maire a signé") is
//! read as "ce vendredi", only in a signing sentence. The value is pending until the family's resolve step computes it from
//! the document's date (or, for "en mai dernier" in an undated document, from the year of the
//! period it names). A month alone after "en" ("le contrat signé en septembre") is read the same
//! way as "en septembre dernier", but only in a signing sentence that tells a past signing.
//! Does not find: "l'an prochain", "dans les prochains jours", "en septembre 2015"
//! (`dates.month_year`).

use std::sync::LazyLock;

use crate::rules::text::{Captures, Match, Regex};
use jiff::ToSpan;
use jiff::civil::Date;

use super::lexicon::{MONTH, WEEKDAY, alternation, month, weekday};
use super::{context, mention};
use crate::data;
use crate::record::{DateRole, Precision};
use crate::rules::{Candidates, Doc, Rule};

/// The relative-date rule.
pub struct RelativeDate;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "dates.relative";

/// An expression of `rules/dates/relative.tsv`: unit, offset, precision.
struct Offset {
    expr: String,
    unit: String,
    count: i64,
    precision: Precision,
}

static OFFSETS: LazyLock<Vec<Offset>> = LazyLock::new(|| {
    data::rows("dates/relative.tsv")
        .into_iter()
        .filter_map(|row| {
            let precision = match row.get(3)?.as_str() {
                "day" => Precision::Day,
                "month" => Precision::Month,
                "year" => Precision::Year,
                _ => return None,
            };
            Some(Offset {
                expr: row.first()?.to_lowercase(),
                unit: row.get(1)?.clone(),
                count: row.get(2)?.parse().ok()?,
                precision,
            })
        })
        .collect()
});

/// The expressions of `rules/dates/relative.tsv` that tell the day before ("hier", "hier
/// soir").
pub(super) fn yesterday_forms() -> impl Iterator<Item = &'static str> {
    OFFSETS.iter().filter(|o| o.unit == "day" && o.count == -1).map(|o| o.expr.as_str())
}

static RE: LazyLock<Regex> = LazyLock::new(|| {
    let alts = alternation(OFFSETS.iter().map(|o| o.expr.as_str()));
    Regex::new(&format!(
        r"(?i)\b(?:(?P<rel>{alts})|(?:en\s+)?(?P<month>{month})\s+(?:derni(?:er|ère)|pass[ée]e?)|ce\s+(?P<wd>{wd})(?:\s+(?:matin|soir|après-midi))?|(?P<wdlast>{wd})\s+dernier|en\s+(?P<mbare>{month})|(?P<wdbare>{wd}))\b",
        month = *MONTH,
        wd = *WEEKDAY,
    ))
    .expect("valid regex")
});

/// Before a weekday that is a habit or the start of a span: "le mardi", "chaque jeudi", "du lundi".
static HABIT_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:le|les|chaque|tous\s+les|du|au|un|une|prochain)\s+$")
        .expect("valid regex")
});

/// A signing still to come before a weekday: "sera signé lundi", "doit être signé jeudi".
static FUTURE_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:sera|seront|signera|signeront|va|vont|doit|doivent|devra|devront|prévue?s?|programmée?s?)\b[^.!?\n]*$")
        .expect("valid regex")
});

/// A signing told as done, before a month alone: "signé en septembre", "paraphée en mai".
static SIGNED_BEFORE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)\b(?:(?:co-?|contre-?)?sign|paraph|scell|conclu)(?:é|ée|és|ées|u|ue|us|ues)\b[^.!?\n]*$")
        .expect("valid regex")
});

/// After a weekday that is not a past day of this week: "lundi prochain", "lundi au vendredi",
/// "mardi et jeudi" (a place after it is no span: "vendredi au centre social", "jeudi à la
/// mairie").
static NOT_PAST_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\s+(?:prochain|(?:au|et|ou)\s+(?:{wd})|de\s+chaque)\b",
        wd = *WEEKDAY
    ))
    .expect("valid regex")
});

/// After "la veille", what makes it the eve of something named or a watch: "de la signature",
/// "du vote", "d'un scrutin", "active".
static EVE_OF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:de|du|des|d['’]|active|territoriale|sociale|éducative)\b")
        .expect("valid regex")
});

impl Rule for RelativeDate {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for caps in RE.captures_iter(text) {
            let Some(m) = caps.get(0) else { continue };
            // "ce lundi 22 juin" is a date with its day (`dates.day_month`), not "ce lundi".
            if text[m.end()..].trim_start().starts_with(|c: char| c.is_ascii_digit()) {
                continue;
            }
            let precision = match (caps.name("rel"), month_in(&caps)) {
                (Some(rel), _) => match offset(rel.as_str()) {
                    Some(o) => o.precision,
                    None => continue,
                },
                (None, Some(_)) => Precision::Month,
                (None, None) => Precision::Day,
            };
            let mut role = context::point_role(text, &m.range());
            // A weekday alone in a sentence that tells nothing else, right before the sentence
            // that tells the signing: "C'est mardi, au centre social, que les stylos sont sortis.
            // Le préfet et le président ont apposé leurs signatures…".
            if caps.name("wdbare").is_some()
                && role == DateRole::Other
                && context::signing_told_next(text, &m.range())
            {
                role = DateRole::Signature;
            }
            // A weekday or a month alone dates only a signature, and not a habit or a span ("le
            // mardi", "chaque jeudi", "du lundi au vendredi") or the week or month to come
            // ("lundi prochain", "sera signé en septembre"); a month alone only a signing told
            // as done ("signé en septembre", not "une signature en octobre": a heading may
            // announce one).
            let before = &text[text.floor_char_boundary(m.start().saturating_sub(80))..m.start()];
            if (caps.name("wdbare").is_some() || caps.name("mbare").is_some())
                && (role != DateRole::Signature
                    || caps.name("mbare").is_some() && !SIGNED_BEFORE.is_match(before)
                    || HABIT_BEFORE.is_match(&text[..m.start()])
                    || FUTURE_BEFORE.is_match(before)
                    || NOT_PAST_AFTER.is_match(&text[m.end()..]))
            {
                continue;
            }
            // "la veille" is the day before the page's own only when it stands alone in a
            // signing sentence ("la cérémonie s'est tenue la veille au soir"), not the eve of
            // something named ("la veille de la signature") nor a quartier's watch ("la veille
            // active").
            if caps.name("rel").is_some_and(|r| r.as_str().to_lowercase().starts_with("la veille"))
                && (role != DateRole::Signature || EVE_OF.is_match(&text[m.end()..]))
            {
                continue;
            }
            let pending = (String::new(), precision);
            out.dates.push(mention(doc, m.range(), self.id(), pending, None, role));
        }
    }
}

/// The month of "en mai dernier" or of a month alone ("signé en mai").
fn month_in<'t>(caps: &Captures<'t>) -> Option<Match<'t>> {
    caps.name("month").or_else(|| caps.name("mbare"))
}

fn offset(expr: &str) -> Option<&'static Offset> {
    let key = expr.to_lowercase().split_whitespace().collect::<Vec<_>>().join(" ");
    OFFSETS.iter().find(|o| o.expr == key)
}

/// The value of the relative expression `text` seen from `reference`.
pub(super) fn complete(text: &str, reference: Date) -> Option<(String, Precision)> {
    let caps = RE.captures(text)?;
    if let Some(name) = month_in(&caps) {
        let m = month(name.as_str())?;
        // "en mai dernier" is before the document's month; a signing "en mai" told in May may
        // be of that very month.
        let this_year =
            reference.month() > m || (caps.name("mbare").is_some() && reference.month() == m);
        let year = if this_year { reference.year() } else { reference.year() - 1 };
        return Some((format!("{year:04}-{m:02}"), Precision::Month));
    }
    if let Some(wd) =
        caps.name("wd").or_else(|| caps.name("wdlast")).or_else(|| caps.name("wdbare"))
    {
        // "ce lundi", "lundi": the last Monday up to the document's date; "lundi dernier":
        // before it.
        let wd = weekday(wd.as_str())?;
        let inclusive = caps.name("wdlast").is_none();
        let date = if inclusive && reference.weekday() == wd {
            reference
        } else {
            reference.nth_weekday(-1, wd).ok()?
        };
        return Some((date.to_string(), Precision::Day));
    }
    let o = offset(caps.name("rel")?.as_str())?;
    let date = match o.unit.as_str() {
        "day" => reference.checked_add(o.count.days()).ok()?,
        "week" => reference.checked_add(o.count.weeks()).ok()?,
        "month" => reference.checked_add(o.count.months()).ok()?,
        "year" => reference.checked_add(o.count.years()).ok()?,
        _ => return None,
    };
    Some(format_at(date, o.precision))
}

/// The value of "en mai dernier" when only the year around it is known.
pub(super) fn complete_in_year(text: &str, year: i16) -> Option<(String, Precision)> {
    let caps = RE.captures(text)?;
    let m = month(month_in(&caps)?.as_str())?;
    Some((format!("{year:04}-{m:02}"), Precision::Month))
}

fn format_at(date: Date, precision: Precision) -> (String, Precision) {
    let value = match precision {
        Precision::Day => date.to_string(),
        Precision::Month => format!("{:04}-{:02}", date.year(), date.month()),
        Precision::Year => format!("{:04}", date.year()),
    };
    (value, precision)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::DateRole::*;
    use crate::rules::dates::testing::{none, one};

    #[track_caller]
    fn at(text: &str, reference: &str) -> String {
        let (t, _, _) = one(&RelativeDate, text);
        let date: Date = reference.parse().expect("test date");
        complete(&t, date).expect("resolves").0
    }

    #[test]
    fn relative_to_the_document_date() {
        assert_eq!(at("Le contrat a été signé hier soir à Lorient.", "2024-07-10"), "2024-07-09");
        assert_eq!(at("Il a été signé hier.", "2024-03-01"), "2024-02-29");
        assert_eq!(at("Aujourd'hui, le maire signe.", "2024-07-10"), "2024-07-10");
        assert_eq!(at("Signé en mai dernier par le préfet.", "2015-09-14"), "2015-05");
        assert_eq!(at("Signé en septembre dernier.", "2015-09-14"), "2014-09");
        assert_eq!(at("Le mois dernier, rien.", "2024-01-15"), "2023-12");
        assert_eq!(at("L'an dernier, rien.", "2024-01-15"), "2023");
        assert_eq!(at("Réunis la semaine dernière.", "2024-07-03"), "2024-06");
        assert_eq!(at("à ce jour", "2024-07-03"), "2024-07-03");
        assert_eq!(at("Le préfet a signé ce lundi le contrat.", "2024-06-26"), "2024-06-24");
        assert_eq!(at("Le préfet a signé ce mercredi matin.", "2024-06-26"), "2024-06-26");
        assert_eq!(at("Le contrat a été signé mercredi dernier.", "2024-06-26"), "2024-06-19");
        // A weekday alone in a signing sentence: the last such day up to the document's date.
        assert_eq!(
            at("Le contrat de ville a été signé vendredi en mairie.", "2015-07-04"),
            "2015-07-03"
        );
        assert_eq!(at("Jeudi, la présidente a signé le contrat.", "2024-03-14"), "2024-03-14");
        assert_eq!(at("Ils ont signé mardi soir le contrat de ville.", "2024-04-12"), "2024-04-09");
        // A place after the weekday is no span of days.
        assert_eq!(
            at(
                "Les élus se sont retrouvés vendredi au centre social pour signer le contrat.",
                "2024-07-08"
            ),
            "2024-07-05"
        );
        assert_eq!(
            at("Le contrat a été signé jeudi au siège de l'agglomération.", "2024-07-08"),
            "2024-07-04"
        );
        // A cleft sentence that gives the day, the next one telling the signing.
        assert_eq!(
            at(
                "C'est mardi, dans la salle des fêtes, que tout s'est joué. Le maire et la préfète \
                 ont apposé leurs signatures au bas du document.",
                "2015-07-03"
            ),
            "2015-06-30"
        );
        assert_eq!(
            at(
                "Lundi, tout le monde était là. Les partenaires ont paraphé le contrat.",
                "2024-03-14"
            ),
            "2024-03-11"
        );
        // "la veille" in a signing sentence: the day before the page's.
        assert_eq!(
            at("La signature a eu lieu la veille au soir à l'hôtel de ville.", "2015-07-11"),
            "2015-07-10"
        );
        assert_eq!(
            at("Le contrat a été paraphé la veille en préfecture.", "2024-05-02"),
            "2024-05-01"
        );
    }

    #[test]
    fn roles_and_pending_values() {
        assert_eq!(
            one(&RelativeDate, "Le contrat a été signé hier soir."),
            ("hier soir".into(), String::new(), Signature)
        );
        assert_eq!(
            complete_in_year("en mai dernier", 2015),
            Some(("2015-05".into(), Precision::Month))
        );
        assert_eq!(
            one(&RelativeDate, "Vallon-sur-Orge - signé en novembre."),
            ("en novembre".into(), String::new(), Signature)
        );
        assert_eq!(
            complete_in_year("en novembre", 2015),
            Some(("2015-11".into(), Precision::Month))
        );
    }

    #[test]
    fn not_relative_dates() {
        none(&RelativeDate, "La hiérarchie des normes.");
        none(&RelativeDate, "Le dernier mois de l'année.");
        none(&RelativeDate, "Le mai est un arbre.");
        none(&RelativeDate, "Le préfet a signé ce lundi 22 juin le contrat.");
        // A weekday alone outside a signing sentence, or a habit, a span, the week to come.
        none(&RelativeDate, "Le marché se tient jeudi sur la place.");
        none(&RelativeDate, "Le contrat sera signé lundi prochain en préfecture.");
        none(&RelativeDate, "Le contrat de ville sera signé lundi en préfecture.");
        none(&RelativeDate, "La signature du contrat est prévue jeudi à la mairie.");
        none(&RelativeDate, "Les permanences du contrat signé ont lieu le mardi.");
        none(&RelativeDate, "Le contrat signé est consultable du lundi au vendredi.");
        none(&RelativeDate, "Le contrat signé est consultable chaque jeudi.");
        none(&RelativeDate, "Le contrat signé est consultable lundi au vendredi.");
        // A weekday of a sentence that tells something else, or whose next sentence tells no
        // signing or gives its own day.
        none(&RelativeDate, "C'est jeudi que le marché revient. Le maire a inauguré la place.");
        none(
            &RelativeDate,
            "C'est mardi que tout a commencé. Les partenaires ont signé le 3 mai 2015.",
        );
        // "la veille" of something named, or a quartier's watch, or outside a signing sentence.
        none(&RelativeDate, "Le contrat a été signé la veille de l'élection municipale.");
        none(&RelativeDate, "Le quartier signataire reste sous la veille active de l'État.");
        none(&RelativeDate, "La veille, le conseil avait débattu du budget.");
        // A month alone outside a signing sentence, with its year, or still to come.
        none(&RelativeDate, "Les ateliers reprennent en septembre au centre social.");
        none(&RelativeDate, "Le contrat a été signé en septembre 2015.");
        none(&RelativeDate, "Le contrat sera signé en octobre par les partenaires.");
        none(&RelativeDate, "La signature du contrat est prévue en décembre.");
        none(&RelativeDate, "Le contrat signé en mai prochain liera neuf partenaires.");
        // A signature named by its noun: a heading may announce one to come.
        none(&RelativeDate, "Une signature en octobre\nLe préfet viendra à Luçon.");
        none(&RelativeDate, "La signature en octobre réunira neuf partenaires.");
    }
}
