//! Head nouns (not a rule): what a number counts, read from the words right after it.
//!
//! After the number may come "le nombre de" ("environ 1.300 le nombre de quartiers"), "de"/"d'"
//! after a round number or a multiplier ("une vingtaine de partenaires", "2,4 millions
//! d'euros"), an opening quotation mark ("12 « quartiers prioritaires »"), adjectives of `rules/figures/head_adjectives.txt` ("deux autres quartiers"), then a
//! head noun of `rules/figures/heads.tsv`. "six des huit contrats" gives both numbers the head of
//! the second. A capitalised plural followed or preceded by a verb of residence ("9 000 Alésiens
//! vivent", "6 300 Agenais y vivent", "où vivent 60 000 Ligériens", "qui rassemblent 8 000
//! Auxerrois") counts inhabitants. A singular head noun ("quartier")
//! follows only a number below two ("un seul quartier").

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::{
    Class, GATHERING_VERBS, HEAD_ADJECTIVES, HEADS, RESIDENCE_VERBS, alternation, head_class,
    singular,
};
use super::number::{Number, numbers};

/// A number with its head noun.
#[derive(Debug, Clone)]
pub(crate) struct Headed {
    pub number: Number,
    pub class: Class,
    /// The head noun.
    pub head: Range<usize>,
}

impl Headed {
    /// The mention, approximator to head noun.
    pub fn range(&self) -> Range<usize> {
        self.number.range.start..self.head.end
    }
}

/// The head-noun alternation.
pub(super) static HEAD: LazyLock<String> =
    LazyLock::new(|| alternation(HEADS.iter().map(|(f, _)| f.as_str())));

/// The head right after a number: `de` is only allowed after a round number or a multiplier.
static AFTER: LazyLock<Regex> = LazyLock::new(|| {
    let adj = alternation(HEAD_ADJECTIVES.iter().map(String::as_str));
    Regex::new(&format!(
        r"(?i)^(?:\s+le\s+nombre\s+d(?:e\s+|'))?(?P<de>\s*(?:de\s+|d'))?(?:\s+{adj})*\s*(?:[«\x22“]\s*)?(?P<h>{})",
        HEAD.as_str()
    ))
    .expect("valid regex")
});

static RESIDENT: LazyLock<Regex> = LazyLock::new(|| {
    let verbs = alternation(RESIDENCE_VERBS.iter().map(String::as_str));
    Regex::new(&format!(r"^[ \t]+(?P<h>\p{{Lu}}\p{{Ll}}+s)[ \t]+(?i:y[ \t]+)?(?i:{verbs})\b"))
        .expect("valid regex")
});

/// A capitalised plural right after a number ("60 000 Ligériens").
static DEMONYM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[ \t]+(?P<h>\p{Lu}\p{Ll}+s)\b").expect("valid regex"));

/// A verb of residence right before a number ("où vivent", "y résident"), or one that gathers
/// people (`rules/figures/gathering_verbs.txt`: "qui rassemblent", "comptent").
static RESIDING: LazyLock<Regex> = LazyLock::new(|| {
    let verbs =
        alternation(RESIDENCE_VERBS.iter().chain(GATHERING_VERBS.iter()).map(String::as_str));
    Regex::new(&format!(r"(?i)\b{verbs}\s+$")).expect("valid regex")
});

static OF: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"(?i)^\s+des\s+$").expect("valid regex"));

/// The class and range of the head noun after `n`, if any.
pub(super) fn head_after(text: &str, n: &Number) -> Option<(Class, Range<usize>)> {
    let rest = &text[n.num.end..];
    if let Some(caps) = AFTER.captures(rest) {
        let h = caps.name("h")?;
        let de_ok = caps.name("de").is_none() || n.round || n.scaled;
        let whole_word = !rest[h.end()..].chars().next().is_some_and(char::is_alphanumeric);
        // A head on the next line belongs to it only as a wrapped continuation ("32
        // quartiers\nprioritaires" is fine, "7\nHabitants concernés" is a new line of a box).
        let new_line = rest[..h.start()].contains('\n')
            && h.as_str().chars().next().is_some_and(|c| !c.is_lowercase());
        let number_ok = n.value < 2.0 || !singular(h.as_str());
        if de_ok && whole_word && !new_line && number_ok {
            let class = head_class(h.as_str())?;
            return Some((class, n.num.end + h.start()..n.num.end + h.end()));
        }
    }
    let h = match RESIDENT.captures(rest) {
        Some(caps) => caps.name("h")?,
        None => {
            let from = text.floor_char_boundary(n.range.start.saturating_sub(40));
            if !RESIDING.is_match(&text[from..n.range.start]) {
                return None;
            }
            DEMONYM.captures(rest)?.name("h")?
        }
    };
    Some((Class::People, n.num.end + h.start()..n.num.end + h.end()))
}

/// [`headed`] of the whole text of `doc`, computed once per text and shared by the rules.
pub(super) fn headed_of<'a>(doc: &super::Doc<'a>) -> &'a [Headed] {
    doc.analysis().headed.get_or_init(|| headed(doc.text()))
}

/// Every number of `text` that has a head noun, in order. Years have none unless a head noun
/// directly follows them ("2000 habitants").
pub(super) fn headed(text: &str) -> Vec<Headed> {
    let nums = numbers(text);
    let mut out = Vec::new();
    for (i, n) in nums.iter().enumerate() {
        let found = head_after(text, n).or_else(|| {
            // "six des huit contrats": the head of the second number.
            let next = nums.get(i + 1)?;
            if next.approx || !OF.is_match(text.get(n.num.end..next.range.start)?) {
                return None;
            }
            head_after(text, next)
        });
        if let Some((class, head)) = found {
            out.push(Headed { number: n.clone(), class, head });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `(head text, class)` of every headed number in `text`.
    fn heads(text: &str) -> Vec<(f64, String, Class)> {
        headed(text)
            .into_iter()
            .map(|h| (h.number.value, text[h.head.clone()].to_owned(), h.class))
            .collect()
    }

    #[test]
    fn heads_are_found() {
        assert_eq!(heads("36 000 habitants"), vec![(36000.0, "habitants".into(), Class::People)]);
        assert_eq!(heads("60%")[0].2, Class::Percent);
        assert_eq!(heads("60 pour cent")[0].2, Class::Percent);
        assert_eq!(heads("12 000 €")[0].2, Class::Euros);
        assert_eq!(heads("2,4 millions d'euros")[0].2, Class::Euros);
        assert_eq!(heads("une vingtaine de partenaires")[0].2, Class::Partners);
        assert_eq!(heads("Deux autres quartiers brestois")[0].2, Class::Quartiers);
        assert_eq!(heads("environ 1.300 le nombre de quartiers")[0].2, Class::Quartiers);
        assert_eq!(heads("les 85 fiches-actions du contrat")[0].2, Class::Actions);
        assert_eq!(heads("Près de 9 000 Alésiens vivent ici")[0].2, Class::People);
        assert_eq!(heads("où vivent près de 60 000 Ligériens, soit")[0].2, Class::People);
        assert_eq!(heads("où résident 4 000 Vierzonnais.")[0].2, Class::People);
        // A verb that gathers people before the number.
        assert_eq!(
            heads("trois quartiers qui rassemblent environ 8 000 Auxerrois")[1].2,
            Class::People
        );
        assert_eq!(heads("Les deux communes comptent 30 000 Montois.")[1].2, Class::People);
        assert_eq!(heads("Un seul quartier prioritaire")[0].2, Class::Quartiers);
        assert_eq!(heads("1 commune")[0].2, Class::Communes);
        assert_eq!(heads("Deux sites sont inscrits")[0].2, Class::Sites);
        // A head noun in quotation marks.
        assert_eq!(heads("on compte 12 « quartiers prioritaires »")[0].2, Class::Quartiers);
        let both = heads("six des huit contrats de ville");
        assert_eq!(both.len(), 2);
        assert_eq!((both[0].0, both[0].2), (6.0, Class::Contracts));
        assert_eq!((both[1].0, both[1].2), (8.0, Class::Contracts));
    }

    #[test]
    fn no_head() {
        assert!(heads("6 grandes orientations").is_empty());
        assert!(heads("Cité 10 - Sains-en-Gohelle").is_empty());
        assert!(heads("les 3 cités").is_empty());
        assert!(heads("36 000 de quartiers").is_empty());
        assert!(heads("12 quartiersnord").is_empty());
        assert!(heads("Près de 9 000 Alésiens sont venus").is_empty());
        assert!(heads("où vivent 60 000 personnes âgées").len() == 1);
        assert!(heads("où travaillent 60 000 Ligériens").is_empty());
        assert!(heads("le stade accueille 8 000 Auxerrois").is_empty());
        assert!(heads("ils visitent 12 Musées").is_empty());
        assert!(heads("les 14 quartier").is_empty());
        assert!(heads("le numéro 12 « Grandes orientations »").is_empty());
        assert!(heads("en 2024 Lyon").is_empty());
        assert!(
            heads("Quartiers prioritaires\n7\nHabitants concernés\n19 800\nSignataires").is_empty()
        );
        assert_eq!(heads("Au total, 32\nquartiers sont recensés").len(), 1);
    }
}
