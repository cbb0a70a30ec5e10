//! `figures.label`: a number given under a label that names what it counts, in fact sheets and
//! key-figure boxes.
//!
//! Finds: "Quartiers prioritaires (4)", "Signataires : 26", "Nombre de QPV : 7", "Population en
//! QPV : 11 950", and a number alone on its line under a label line ("Quartiers
//! prioritaires\n7", "Habitants concernés\n19 800"). The label must start with a head noun of
//! `rules/figures/heads.tsv`, after an optional "Nombre de"; a table row gives the label in the
//! cell before the number's ("| Quartiers prioritaires | 4 |"); its words refine the kind ("Quartiers en
//! veille active (3)" is `quartier_count`, "Habitants concernés" `population_qpv`). Does not find:
//! "Durée\n2015-2020" (not a head noun, not a number), "Contact presse\n0321790792", a number
//! followed by more text on its line (the other rules read it).

use std::ops::Range;
use std::sync::LazyLock;

use crate::rules::text::Regex;

use super::context::{cues, kind};
use super::head::HEAD;
use super::lexicon::{Class, head_class};
use super::number::numbers_of;
use super::{figure, unit};
use crate::rules::{Candidates, Doc, Rule};

/// The label rule.
pub struct Label;

/// This rule's id, in its evidence.
pub(super) const ID: &str = "figures.label";

static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^\W*(?:nombre\s+d(?:e\s+|['’]))?(?P<h>{})(?:$|[^\p{{L}}\d])",
        HEAD.as_str()
    ))
    .expect("valid regex")
});

/// The label of the number at `start..end` as a range of `text`, and where the mention ends
/// (after the closing parenthesis of "Quartiers prioritaires (4)"), if the number closes a
/// labelled line.
fn label_of(text: &str, start: usize, end: usize) -> Option<(Range<usize>, usize)> {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let before = &text[line_start..start];
    let after = text[end..line_end].trim();
    let b = before.trim_end();
    let (label, mention_end) = if after == ")" && b.ends_with('(') {
        (line_start..line_start + b.len() - 1, end + text[end..].find(')').map_or(0, |i| i + 1))
    } else if after.is_empty() && b.ends_with(':') {
        (line_start..line_start + b.len() - 1, end)
    } else if matches!(after, "" | "|") && b.ends_with('|') {
        // A table row: the cell before the number's ("| Population | 45 000 |").
        let cell_end = b.len() - 1;
        let cell_start = b[..cell_end].rfind('|').map_or(0, |i| i + 1);
        (line_start + cell_start..line_start + cell_end, end)
    } else if after.is_empty() && b.is_empty() && line_start > 0 {
        // The previous non-blank line.
        let above = text[..line_start - 1].trim_end();
        (above.rfind('\n').map_or(0, |i| i + 1)..above.len(), end)
    } else {
        return None;
    };
    let s = text[label.clone()].trim();
    let short = !s.is_empty() && s.split_whitespace().count() <= 6 && s.chars().count() <= 60;
    short.then_some((label, mention_end))
}

impl Rule for Label {
    fn id(&self) -> &'static str {
        ID
    }

    fn apply(&self, doc: &Doc, out: &mut Candidates) {
        let text = doc.text();
        for n in numbers_of(doc) {
            if n.year {
                continue;
            }
            let Some((label, end)) = label_of(text, n.range.start, n.num.end) else { continue };
            let a = label.start;
            let label = &text[label];
            let Some(h) = LABEL.captures(label).and_then(|c| c.name("h")) else { continue };
            let Some(class) = head_class(h.as_str()) else { continue };
            if class == Class::Years {
                continue;
            }
            let Some(k) = kind(class, &cues(label)) else { continue };
            let unit = unit(class, h.as_str());
            let start = a + (label.len() - label.trim_start().len());
            out.figures.push(figure(
                doc,
                start..end,
                self.id(),
                (n.value, n.approx),
                k,
                Some(unit),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::testing::{all, none, one};

    #[test]
    fn labels() {
        assert_eq!(
            one(&Label, "Quartiers prioritaires (4)\nRazimbaud (Narbonne)"),
            (4.0, "qpv_count".into(), false)
        );
        assert_eq!(one(&Label, "Quartiers en veille active (3)").1, "quartier_count");
        let f = crate::rules::figures::testing::run(&Label, "Quartiers prioritaires (4)\n");
        assert_eq!(f[0].text, "Quartiers prioritaires (4)");
        assert_eq!(one(&Label, "Signataires : 26\n").1, "partner_count");
        assert_eq!(one(&Label, "Nombre de quartiers prioritaires : 7").1, "qpv_count");
        assert_eq!(one(&Label, "Population : 45 000\n").1, "population");
        assert_eq!(one(&Label, "Population en QPV : 11 950\n").1, "population_qpv");
        all(
            &Label,
            "En bref\nQuartiers prioritaires\n7\nHabitants concernés\n19 800\nSignataires\n26\nDurée\n2015-2020",
            &[(7.0, "qpv_count"), (19800.0, "population_qpv"), (26.0, "partner_count")],
        );
        all(
            &Label,
            "| Indicateur | Valeur |\n| Population | 45 000 |\n| Quartiers prioritaires | 4\n| Population en QPV | 9 800 |",
            &[(45000.0, "population"), (4.0, "qpv_count"), (9800.0, "population_qpv")],
        );
    }

    #[test]
    fn not_labels() {
        none(&Label, "Contact presse\n0321790792");
        none(&Label, "Durée\n2015-2020");
        none(&Label, "Trois piliers\nLe contrat s'organise");
        none(&Label, "Habitants : 190 459 habitants dont 35 260 en QPV");
        none(&Label, "Cité 10\nSains-en-Gohelle");
        none(&Label, "Composition : 35 communes");
        none(&Label, "| Les Provinces | Cité 4 |\n| Budget | 2015 |");
    }
}
