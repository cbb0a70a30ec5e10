//! Rule family `figures`: the quantities a document states about the policy, typed in the gold
//! vocabulary (`population`, `population_qpv`, `qpv_count`, `quartier_count`, `commune_count`,
//! `partner_count`, `participant_count`, `action_count`, `contract_count`, `amount_eur`,
//! `percent`, `duration_years`).
//!
//! A shared lexer ([`number`]) reads numbers in digits or words with their approximators; the
//! head noun after a number ([`head`], `rules/figures/heads.tsv`) says what it counts, and cue
//! words of its clause ([`context`], `rules/figures/cues.tsv`) refine the kind: inhabitants of
//! the priority neighbourhoods, people consulted, neighbourhoods in "veille active". Rules cover
//! a number with its head noun (`figures.count`, `figures.population`, `figures.amount`,
//! `figures.percent`), a duration of the contract (`figures.duration`), a ratio read as a
//! percentage (`figures.ratio`), a number whose head noun is left out after "dont"/"contre"
//! (`figures.elided`), a number under a label ("Quartiers prioritaires (4)", `figures.label`),
//! and a number whose subject says what it counts ("la population des quartiers prioritaires
//! s'élève à 27 615", `figures.stated`), and each quartier's inhabitants in a table's population
//! column (`figures.column`).
//! Counts of other things ("6 grandes orientations", "4 projets"), years, dates, phone numbers,
//! codes and street numbers are not figures.

mod amount;
mod column;
mod context;
mod count;
mod duration;
mod elided;
mod head;
mod label;
mod lexicon;
mod number;
mod percent;
mod population;
mod ratio;
pub(crate) mod related;
mod stated;
mod status_split;

pub(crate) use head::Headed;
pub(crate) use number::Number;
pub(crate) use related::related as related_links;
use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::{Candidates, Doc, Rule};
use crate::record::Figure;
use lexicon::{Class, NUMBER_WORDS, alternation};

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[
    &amount::Amount,
    &column::Column,
    &count::Count,
    &duration::Duration,
    &elided::Elided,
    &label::Label,
    &percent::Percent,
    &population::Population,
    &ratio::Ratio,
    &stated::Stated,
    &status_split::StatusSplit,
];

/// Resolves this family's candidates against the document once every rule ran: a figure read as
/// the whole population is dropped when the same value is also read, elsewhere in the document,
/// as the population of the priority neighbourhoods (a headline "5,3 millions d'habitants" over
/// "5,3 millions de personnes vivent dans ces quartiers"); and a population of fewer than
/// [`MIN_POPULATION`] is a group of people ("un conseil citoyen de 12 habitants"), not a
/// territory's; a count of quartiers split into priority and veille ones counts them all
/// (`figures.status_split`), whatever its own clause suggests. Figures in the titles of related-article links ("Lire aussi : Cher : quatre
/// contrats de ville en préparation") are other articles' and are dropped.
pub fn resolve(doc: &Doc, out: &mut Candidates) {
    let links: Vec<[usize; 2]> =
        related::related(doc.text()).into_iter().map(|r| doc.evidence(r, "").span).collect();
    out.figures.retain(|f| {
        let [a, b] = f.evidence.span;
        !links.iter().any(|[s, e]| *s <= a && b <= *e)
    });
    let qpv: Vec<f64> =
        out.figures.iter().filter(|f| f.kind == "population_qpv").map(|f| f.value).collect();
    out.figures.retain(|f| f.kind != "population" || !qpv.contains(&f.value));
    out.figures.retain(|f| {
        !matches!(f.kind.as_str(), "population" | "population_qpv") || f.value >= MIN_POPULATION
    });
    // A count split into priority and veille quartiers counts them all.
    let split: Vec<[usize; 2]> = out
        .figures
        .iter()
        .filter(|f| f.evidence.rule == status_split::ID && f.kind == "quartier_count")
        .map(|f| f.evidence.span)
        .collect();
    out.figures.retain(|f| f.kind != "qpv_count" || !split.contains(&f.evidence.span));
}

/// The smallest number of inhabitants read as a population.
const MIN_POPULATION: f64 = 100.0;

/// A figure found at `range` of the normalised text, with the scope and year its context states.
fn figure(
    doc: &Doc,
    range: Range<usize>,
    rule: &str,
    (value, approx): (f64, bool),
    kind: &str,
    unit: Option<String>,
) -> Figure {
    let text = doc.text();
    Figure {
        value,
        approx,
        kind: kind.to_owned(),
        unit,
        scope: context::scope(text, &range),
        year: context::year(text, &range),
        text: text[range.clone()].to_owned(),
        evidence: doc.evidence(range, rule),
    }
}

/// The unit of a figure of `class` whose head noun is `head`.
fn unit(class: Class, head: &str) -> String {
    match class {
        Class::Euros => "€".to_owned(),
        Class::Percent => "%".to_owned(),
        _ => head.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase(),
    }
}

/// "sur cinq" after a number and its head noun, with no head noun of its own: a proportion ("dans
/// trois quartiers sur cinq", "deux habitants sur trois"), not a count. "21 quartiers sur 19
/// villes" and "1,2 M€ sur six ans" are counts.
static PROPORTION: LazyLock<Regex> = LazyLock::new(|| {
    let words = alternation(NUMBER_WORDS.iter().map(|(f, _)| f.as_str()));
    Regex::new(&format!(r"(?i)^(?:\s+\p{{Ll}}[\p{{L}}-]*)?\s+sur\s+(?:\d+|{words})\b"))
        .expect("valid regex")
});

/// A head noun right at the start.
static HEAD_NEXT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)^\s+(?:autres\s+)?{}\b", head::HEAD.as_str())).expect("valid regex")
});

/// Whether the head noun ending at `end` is followed by the denominator of a proportion.
fn proportion(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    PROPORTION.find(rest).is_some_and(|m| !HEAD_NEXT.is_match(&rest[m.end()..]))
}

/// Pushes a figure for every number of `doc` whose head noun is of one of `classes`, typed by the
/// cues of its clause; not the part of a proportion.
fn headed_figures(doc: &Doc, out: &mut Candidates, rule: &str, classes: &[Class]) {
    let text = doc.text();
    for h in head::headed_of(doc) {
        if !classes.contains(&h.class) || proportion(text, h.head.end) {
            continue;
        }
        let cues = context::cues_at(text, h.number.num.start);
        let Some(kind) = context::kind(h.class, &cues) else { continue };
        let unit = unit(h.class, &text[h.head.clone()]);
        // A range gives both its ends ("12 à 15 millions d'euros": 12 and 15 millions).
        if let Some(low) = range_low(text, &h.number) {
            let n = (low, h.number.approx);
            out.figures.push(figure(doc, h.range(), rule, n, kind, Some(unit.clone())));
        }
        let n = (h.number.value, h.number.approx);
        out.figures.push(figure(doc, h.range(), rule, n, kind, Some(unit)));
    }
}

/// "12 à 15", "entre 2 et 3" right before a scaled number.
static RANGE_LOW: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:^|[^\d,])(?P<low>\d+(?:,\d+)?)\s*(?:à|-|–|et)\s*$").expect("valid regex")
});

/// The low end of a range whose multiplier only its high end writes ("12 à 15 millions
/// d'euros": 12 millions), scaled like the high end.
fn range_low(text: &str, n: &Number) -> Option<f64> {
    if !n.scaled {
        return None;
    }
    let parse = |s: &str| s.replace(' ', "").replace(',', ".").parse::<f64>().ok();
    let high_digits: String = text[n.num.clone()]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == ' ')
        .collect();
    let high = parse(high_digits.trim())?;
    let before = &text[text.floor_char_boundary(n.range.start.saturating_sub(30))..n.range.start];
    let low = parse(RANGE_LOW.captures(before)?.name("low")?.as_str())?;
    (high > 0.0 && low < high).then(|| n.value * low / high)
}

#[cfg(test)]
pub(super) mod testing {
    //! Helpers for the rules' tests: run one rule, or the whole family, on a sentence.

    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    /// The figures `rule` finds in `text`.
    pub fn run(rule: &dyn Rule, text: &str) -> Vec<Figure> {
        testing::run(&[rule], text, Format::Text, None).figures
    }

    /// The family's resolved figures for `text`, as `(value, kind)`.
    pub fn family(text: &str) -> Vec<(f64, String)> {
        let out = testing::run(RULES, text, Format::Text, Some(resolve));
        let mut v: Vec<(f64, String)> =
            out.figures.into_iter().map(|f| (f.value, f.kind)).collect();
        v.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        v.dedup();
        v
    }

    /// `(value, kind)` of each figure, for compact assertions.
    pub fn brief(figures: &[Figure]) -> Vec<(f64, String)> {
        figures.iter().map(|f| (f.value, f.kind.clone())).collect()
    }

    /// The one figure `rule` finds in `text`, as `(value, kind, approx)`.
    #[track_caller]
    pub fn one(rule: &dyn Rule, text: &str) -> (f64, String, bool) {
        let found = run(rule, text);
        assert_eq!(found.len(), 1, "{text:?}: {:?}", brief(&found));
        (found[0].value, found[0].kind.clone(), found[0].approx)
    }

    /// Asserts that `rule` finds nothing in `text`.
    #[track_caller]
    pub fn none(rule: &dyn Rule, text: &str) {
        let found = run(rule, text);
        assert!(found.is_empty(), "{text:?}: {:?}", brief(&found));
    }

    /// Asserts that `rule` finds exactly `expected` `(value, kind)` figures in `text`.
    #[track_caller]
    pub fn all(rule: &dyn Rule, text: &str, expected: &[(f64, &str)]) {
        let found = brief(&run(rule, text));
        let expected: Vec<(f64, String)> =
            expected.iter().map(|(v, k)| (*v, (*k).to_owned())).collect();
        assert_eq!(found, expected, "{text:?}");
    }
}

#[cfg(test)]
mod tests {
    use super::testing::family;

    #[test]
    fn a_press_release() {
        let t = "Le contrat de ville de l'agglomération a été signé ce lundi 22 juin 2015 par \
                 trente et un partenaires, pour six ans. Il concerne 36 000 habitants de 14 \
                 quartiers prioritaires, répartis sur 12 communes. Près de 600 personnes ont été \
                 consultées. L'État y consacre 1,8 million d'euros en 2015.\n\nContact : \
                 02 31 39 40 00";
        let found = family(t);
        let got: Vec<(f64, &str)> = found.iter().map(|(v, k)| (*v, k.as_str())).collect();
        assert_eq!(
            got,
            vec![
                (6.0, "duration_years"),
                (12.0, "commune_count"),
                (14.0, "qpv_count"),
                (31.0, "partner_count"),
                (600.0, "participant_count"),
                (36000.0, "population_qpv"),
                (1_800_000.0, "amount_eur"),
            ]
        );
    }

    #[test]
    fn a_headline_population_gives_way_to_the_qpv_one() {
        let t = "Environ 5,3 millions d'habitants\n\nEnviron 5,3 millions de personnes vivent dans \
                 ces quartiers.";
        assert_eq!(family(t), vec![(5_300_000.0, "population_qpv".to_owned())]);
    }

    #[track_caller]
    fn has(text: &str, value: f64, kind: &str) {
        let found = family(text);
        assert!(found.iter().any(|(v, k)| *v == value && k == kind), "{text:?}: {found:?}");
    }

    #[track_caller]
    fn lacks(text: &str, value: f64, kind: &str) {
        let found = family(text);
        assert!(!found.iter().any(|(v, k)| *v == value && k == kind), "{text:?}: {found:?}");
    }

    #[test]
    fn related_links_are_other_articles() {
        let t = "Le contrat couvre 3 quartiers prioritaires.\n\n*Lire aussi : [Indre : quatre \
                 contrats de ville en préparation](#)*\n";
        assert_eq!(family(t), vec![(3.0, "qpv_count".to_owned())]);
        let t = "Le contrat couvre 3 quartiers prioritaires.\n\nÀ lire aussi\nDouze communes \
                 signent leur contrat\n\nContact";
        assert_eq!(family(t), vec![(3.0, "qpv_count".to_owned())]);
    }

    #[test]
    fn a_colon_explains_what_comes_before_it() {
        has(
            "Population des quartiers prioritaires : 27 615 habitants\n",
            27615.0,
            "population_qpv",
        );
        has(
            "Un seul quartier prioritaire est concerné : les Acacias, à Sens, qui compte 1 450 \
             habitants.",
            1450.0,
            "population_qpv",
        );
        has("Un seul quartier prioritaire est concerné : les Acacias.", 1.0, "qpv_count");
        has("Population municipale : 152 480 habitants (recensement 2012)", 152480.0, "population");
        has("Chiffres clés : 48 000 habitants ; 4 quartiers prioritaires.", 48000.0, "population");
    }

    #[test]
    fn people_reached_by_a_consultation() {
        has("un diagnostic réalisé en 2015 auprès de 420 habitants.", 420.0, "participant_count");
        has("la consultation menée auprès de près de 250 habitants", 250.0, "participant_count");
        has("Les réunions publiques ont rassemblé 300 personnes.", 300.0, "participant_count");
        has("Plus de 700 habitants ont répondu au questionnaire.", 700.0, "participant_count");
        has("1 200 habitants ont pris part aux ateliers.", 1200.0, "participant_count");
        has("un diagnostic auquel ont contribué 350 habitants", 350.0, "participant_count");
        has(
            "Plus de 200 habitants se sont impliqués dans la démarche.",
            200.0,
            "participant_count",
        );
        has("La ville, auprès de laquelle vivent 40 000 habitants.", 40000.0, "population");
    }

    #[test]
    fn a_whole_then_its_part() {
        let t = "Sur les 440 000 habitants de l'agglomération, plus de 210 000 vivent dans l'un \
                 des vingt-six quartiers prioritaires, soit 48 % de la population.";
        assert_eq!(
            family(t),
            vec![
                (26.0, "qpv_count".to_owned()),
                (48.0, "percent".to_owned()),
                (210_000.0, "population_qpv".to_owned()),
                (440_000.0, "population".to_owned()),
            ]
        );
        let t = "Parmi les 35 communes, 7 sont concernées par la politique de la ville.";
        has(t, 7.0, "commune_count");
        has(t, 35.0, "commune_count");
        // A part that its own words do not type is left out.
        lacks("Sur les 440 000 habitants, 210 000 ont moins de 30 ans.", 210_000.0, "population");
    }

    #[test]
    fn residents_named_after_their_place() {
        let t = "Ils concerneront 23 quartiers prioritaires, contre 26 en 2015, où vivent près de\n\
                 60 000 Ligériens, soit 8 % de la population.";
        has(t, 60000.0, "population_qpv");
        has(t, 23.0, "qpv_count");
        has(t, 26.0, "qpv_count");
        has("Près de 9 000 Alésiens vivent dans ces quartiers.", 9000.0, "population_qpv");
        has("Environ 4 800 Vierzonnais y vivent.", 4800.0, "population_qpv");
        assert!(family("Environ 4 800 Vierzonnais y travaillent.").is_empty());
        assert!(family("où travaillent 60 000 Ligériens").is_empty());
    }

    #[test]
    fn common_phrasings() {
        let cases: &[(&str, &[(f64, &str)])] = &[
            (
                "Au total, 12 500 personnes résident dans les QPV de l'agglomération.",
                &[(12500.0, "population_qpv")],
            ),
            (
                "La population des quartiers prioritaires s'élève à 27 615 habitants.",
                &[(27615.0, "population_qpv")],
            ),
            (
                "Le territoire compte 86 000 habitants, soit 21 % de la population.",
                &[(21.0, "percent"), (86000.0, "population")],
            ),
            (
                "Les quartiers prioritaires regroupent 18 400 habitants, soit 21 % de la population.",
                &[(21.0, "percent"), (18400.0, "population_qpv")],
            ),
            (
                "9 300 habitants, soit près d'un tiers de la population, vivent en QPV.",
                &[(9300.0, "population_qpv")],
            ),
            ("Le QPV de la Ferme compte 2 300 habitants.", &[(2300.0, "population_qpv")]),
            (
                "Avec 14 000 habitants en QPV, la ville est concernée.",
                &[(14000.0, "population_qpv")],
            ),
            (
                "La ville de 45 000 habitants compte 2 QPV où vivent 8 000 personnes.",
                &[(2.0, "qpv_count"), (8000.0, "population_qpv"), (45000.0, "population")],
            ),
            ("L'État apporte une enveloppe de 2,5 M€ au contrat.", &[(2_500_000.0, "amount_eur")]),
            (
                "L'enveloppe atteint 4,2 millions d'euros par an, dont 1,1 million pour l'emploi.",
                &[(1_100_000.0, "amount_eur"), (4_200_000.0, "amount_eur")],
            ),
            ("Six quartiers relèvent de la géographie prioritaire.", &[(6.0, "qpv_count")]),
            ("Huit communes sont concernées par le contrat.", &[(8.0, "commune_count")]),
            (
                "Le contrat compte 32 signataires et 85 actions.",
                &[(32.0, "partner_count"), (85.0, "action_count")],
            ),
            ("Le plan d'action comprend 45 mesures.", &[(45.0, "action_count")]),
            (
                "Il concerne 4 quartiers prioritaires et 2 quartiers de veille.",
                &[(2.0, "quartier_count"), (4.0, "qpv_count")],
            ),
            ("Deux quartiers d'intérêt régional bénéficient du NPNRU.", &[(2.0, "quartier_count")]),
            ("Près de 40 % des habitants des quartiers ont moins de 25 ans.", &[(40.0, "percent")]),
            ("Un taux de chômage de 27,5 % dans les QPV.", &[(27.5, "percent")]),
            (
                "Ce contrat de ville, d'une durée de six ans, a été signé.",
                &[(6.0, "duration_years")],
            ),
            (
                "Plus de 500 habitants ont été associés à l'élaboration du contrat.",
                &[(500.0, "participant_count")],
            ),
            (
                "Plus de 500 personnes ont assisté aux réunions publiques.",
                &[(500.0, "participant_count")],
            ),
            (
                "La ville compte 45 000 hab. dont 8 000 en QPV.",
                &[(8000.0, "population_qpv"), (45000.0, "population")],
            ),
            (
                "Quelque 6 000 habitants, soit 15 % de la population, habitent un quartier prioritaire.",
                &[(15.0, "percent"), (6000.0, "population_qpv")],
            ),
            ("Une enveloppe de 2 millions €.", &[(2_000_000.0, "amount_eur")]),
            ("Budget : 1,2 M€/an", &[(1_200_000.0, "amount_eur")]),
            (
                "Le nouveau contrat couvre 9 quartiers, contre 11 auparavant.",
                &[(9.0, "qpv_count"), (11.0, "qpv_count")],
            ),
            (
                "Chiffres clés\n- 14 quartiers prioritaires\n- 36 000 habitants en QPV\n- 12 communes\n",
                &[(12.0, "commune_count"), (14.0, "qpv_count"), (36000.0, "population_qpv")],
            ),
            ("Tél. : 03 28 23 59 59 – 59386 DUNKERQUE CEDEX 1", &[]),
            ("Dans trois quartiers sur cinq, le centre social ferme à 18 h.", &[]),
            ("Deux habitants sur trois ont moins de 30 ans.", &[]),
            (
                "Le contrat couvre 21 quartiers sur 19 communes.",
                &[(19.0, "commune_count"), (21.0, "qpv_count")],
            ),
            ("L'État apporte 1,2 M€ sur six ans.", &[(1_200_000.0, "amount_eur")]),
            ("Rendez-vous le 12 mars à 18 h, 3 rue de la Paix, pour les 200 ans.", &[]),
            // Projects funded or supported are the contract's actions; the renewal programme's
            // are not, nor an outline's.
            (
                "Un fonds annuel de 2 M€ finance 120 projets portés par des associations.",
                &[(120.0, "action_count"), (2_000_000.0, "amount_eur")],
            ),
            ("L'appel à projets a retenu 45 projets cette année.", &[(45.0, "action_count")]),
            ("Le contrat s'organise en 3 piliers et 12 projets.", &[]),
            ("L'agglomération bénéficiera de 3 projets de renouvellement urbain.", &[]),
            // Inhabitants the policy reaches live in its quartiers.
            (
                "En tout, ce sont 18 000 habitants de l'agglomération qui sont touchés.",
                &[(18000.0, "population_qpv")],
            ),
            ("La ville touche 18 000 euros de dotation.", &[(18000.0, "amount_eur")]),
            // The former geography's zones are no priority quartiers, and leave the new ones be.
            (
                "Les 751 zones urbaines sensibles cèdent la place à 1 300 quartiers prioritaires.",
                &[(751.0, "quartier_count"), (1300.0, "qpv_count")],
            ),
            ("On comptait 12 ZUS dans le département.", &[(12.0, "quartier_count")]),
            // What the contract bears on is its priority neighbourhoods.
            (
                "L'agglomération a signé un contrat de ville portant sur deux secteurs : les \
                 Acacias et le Val.",
                &[(2.0, "qpv_count")],
            ),
            ("Le débat portera sur deux thèmes et 300 euros de frais.", &[(300.0, "amount_eur")]),
            // Quartiers to be rebuilt are no count of the priority ones.
            (
                "L'enveloppe servira à requalifier trois quartiers anciens.",
                &[(3.0, "quartier_count")],
            ),
            ("Trois quartiers prioritaires seront requalifiés.", &[(3.0, "qpv_count")]),
        ];
        for (text, expected) in cases {
            let got = family(text);
            let want: Vec<(f64, String)> =
                expected.iter().map(|(v, k)| (*v, (*k).to_owned())).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }

    #[test]
    fn a_small_group_is_no_population() {
        assert!(family("Le conseil citoyen réunit 12 habitants tirés au sort.").is_empty());
    }
}
