//! `figures.amount`: an amount in euros.
//!
//! Finds: "12 000 €", "850 000 euros", "2,4 millions d'euros", "1,2 million d'euros par an",
//! "avoisinent 600 millions d'euros", "3 M€", "250 k€", "12 MEUR", "1,5 Md€", "2 M d'euros". Does not find: amounts in other currencies,
//! a number followed by something else ("12 000 habitants").

use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::lexicon::Class;
use super::number::numbers_of;
use super::{figure, headed_figures};
use crate::rules::{Candidates, Doc, Rule};

/// The amount rule.
pub struct Amount;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.amount";

/// "M€", "Md€", "k€", "MEUR", "M d'euros" right after a number.
static SCALED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?P<s>Mds|Md|M|k|K)\s*(?:€|EUR\b|(?i:d['’]\s*)?euros?\b)")
        .expect("valid regex")
});

impl Rule for Amount {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        headed_figures(doc, out, self.id(), &[Class::Euros]);
        let text = doc.text();
        for n in numbers_of(doc) {
            let Some(caps) = SCALED.captures(&text[n.num.end..]) else { continue };
            let (Some(all), Some(s)) = (caps.get(0), caps.name("s")) else { continue };
            let factor = match s.as_str() {
                "Md" | "Mds" => 1e9,
                "M" => 1e6,
                _ => 1e3,
            };
            let range = n.range.start..n.num.end + all.end();
            let value = ((n.value * factor).round(), n.approx);
            out.figures.push(figure(doc, range, self.id(), value, "amount_eur", Some("€".into())));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, none, one};

    #[test]
    fn amounts() {
        assert_eq!(
            one(&Amount, "L'ANRU a alloué 12 000 € pour le quartier."),
            (12000.0, "amount_eur".into(), false)
        );
        assert_eq!(one(&Amount, "L'État consacre 850 000 euros de crédits.").0, 850000.0);
        assert_eq!(one(&Amount, "L'État consacre 2,4 millions d'euros.").0, 2_400_000.0);
        assert_eq!(one(&Amount, "mobilisera 1,2 million d'euros par an").0, 1_200_000.0);
        assert_eq!(
            one(&Amount, "Les crédits avoisinent 600 millions d'euros par an."),
            (600_000_000.0, "amount_eur".into(), true)
        );
        assert_eq!(one(&Amount, "une enveloppe de 3 M€").0, 3_000_000.0);
        assert_eq!(one(&Amount, "une aide de 250 k€").0, 250_000.0);
        assert_eq!(one(&Amount, "un budget de 12 MEUR par an").0, 12_000_000.0);
        assert_eq!(one(&Amount, "un plan de 1,5 Md€").0, 1_500_000_000.0);
        assert_eq!(one(&Amount, "une enveloppe de 2 M d'euros").0, 2_000_000.0);
        // The scaled unit glued to the number, as scraped pages often write it.
        assert_eq!(one(&Amount, "un fonds annuel de 2,5M€ pour les projets").0, 2_500_000.0);
        assert_eq!(one(&Amount, "soit 350M€ investis").0, 350_000_000.0);
        assert_eq!(one(&Amount, "une aide de 80k€").0, 80_000.0);
        assert_eq!(one(&Amount, "un plan de 1,2Md€").0, 1_200_000_000.0);
        assert_eq!(one(&Amount, "La Région engage 3 millions d'euros sur six ans.").0, 3e6);
        assert_eq!(one(&Amount, "La ville verse 450 000 € par an aux associations.").0, 450e3);
        // A range whose multiplier only its high end writes: both ends, the low one scaled.
        let ends = "une enveloppe de 12 à 15 millions d'euros";
        all(&Amount, ends, &[(12e6, "amount_eur"), (15e6, "amount_eur")]);
        all(
            &Amount,
            "entre 1,5 et 2 millions d'euros",
            &[(1.5e6, "amount_eur"), (2e6, "amount_eur")],
        );
        all(&Amount, "de 36 à 40 millions d’euros", &[(36e6, "amount_eur"), (40e6, "amount_eur")]);
        assert_eq!(one(&Amount, "en 2015, 40 millions d'euros").0, 40e6);
        // No-break and narrow no-break spaces are plain spaces in the normalised text.
        assert_eq!(one(&Amount, "un fonds doté de 12\u{a0}000\u{a0}€").0, 12000.0);
        let f = crate::rules::figures::testing::run(&Amount, "soit 1\u{202f}200\u{202f}000 euros.");
        assert_eq!(
            (f[0].value, f[0].evidence.text.as_str()),
            (1_200_000.0, "1\u{202f}200\u{202f}000 euros")
        );
    }

    #[test]
    fn not_amounts() {
        none(&Amount, "12 000 habitants");
        none(&Amount, "un budget de 12 000 dollars");
        none(&Amount, "les 3 Mdames du quartier");
        none(&Amount, "12 M habitants");
        none(&Amount, "le lot 12M du marché");
        none(&Amount, "Tél. 02 31 39 40 00 €");
    }
}
