//! Rule family `quartiers`: the neighbourhoods a contract covers, with their communes and status.
//!
//! Lists come in a handful of shapes, one rule each: items with their communes in parentheses
//! ("Cité Lecocq (Condé sur l'Escaut) ; Le Trieu (Fresnes-sur-Escaut)", `quartiers.parenthesised`),
//! groups of names with their commune separated by semicolons ("Borny et Bellecroix à Metz ;
//! Saint-Éloy à Woippy", `quartiers.semicolon_list`), one item a line ("Camus - Angres",
//! "- **Villejean** — Rennes", "Bellevue, Nantes", `quartiers.line_list`), bullets that stand on one line ("• Le Lac à
//! Bordeaux• Bacalan à Bordeaux", `quartiers.inline_bullets`), groups under their
//! commune ("Saint-Denis" over a list of names, "Lens : Cité 2, Cité 12", the gazetteer telling
//! communes, `quartiers.commune_groups`), table rows (`quartiers.table`) and prose ("le quartier
//! de Rochebelle, à Alès", "A et B, deux quartiers de X", `quartiers.prose`). The status of a list's items comes
//! from its heading or sentence (`rules/quartiers/status.tsv`): quartiers prioritaires, quartiers
//! en veille active, other sectors (NPNRU, "en décrochage"). A rule compares the items of a list
//! with the count its heading gives ("21 quartiers" over 15 items) and warns
//! (`quartiers.count_mismatch`) when they differ. [`resolve`] drops an item another rule found at
//! the same place and an NPNRU mention of a listed quartier, and gives a quartier without a
//! commune the one its context states (same name listed, "À Lens, ...", a demonym), or the
//! document's only town when no quartier of the document names its commune.
//!
//! Beyond list shapes, `quartiers.gazetteer` finds the quartiers prioritaires of the official
//! list (`rules/gazetteer/qpv.tsv`) that the document names in its communes, wherever they
//! stand; a list reading of the same quartier wins over it. A row or mention opened by a
//! quartier's official code (`quartiers.code_rows`) is that quartier, over any other reading. Once communes are linked,
//! [`link_codes`] gives every quartier the official code of its QPV (`qpv_code`) when name and
//! commune designate one.

mod code_rows;
mod codes;
mod commune_groups;
mod gazetteer;
mod inline_bullets;
mod inline_groups;
mod lexicon;
mod line_groups;
mod line_list;
mod parenthesised;
mod prose;
mod resolve;
mod semicolon_list;
mod table;

use std::ops::Range;
use std::sync::LazyLock;

use super::{Candidates, Doc, Rule};
use crate::record::{CommuneRef, Quartier, QuartierStatus, Warning};
use crate::rules::text::Regex;

/// The rules of this family.
pub const RULES: &[&dyn Rule] = &[
    &code_rows::CodeRows,
    &commune_groups::CommuneGroups,
    &gazetteer::Gazetteer,
    &inline_bullets::InlineBullets,
    &inline_groups::InlineGroups,
    &line_list::LineList,
    &parenthesised::Parenthesised,
    &prose::Prose,
    &semicolon_list::SemicolonList,
    &table::Table,
];

/// Resolves this family's candidates once every rule ran: one item per place, communes filled
/// from the context.
pub fn resolve(doc: &Doc, out: &mut Candidates) {
    resolve::resolve(doc, out);
}

/// Gives the quartiers their official QPV code where the link is unambiguous (see [`codes`]),
/// then an item without commune those of the other items of its list; run once their communes
/// are linked.
pub fn link_codes(doc: &Doc, quartiers: &mut [Quartier]) {
    codes::link_codes(doc.text(), doc.named_communes(), quartiers);
    resolve::communes_of_siblings(quartiers);
}

/// One item of a list, in the normalised text.
#[derive(Debug, Clone)]
pub(super) struct Item {
    pub range: Range<usize>,
    pub name: String,
    pub communes: Vec<String>,
    /// The item's own status (a table's "Statut" cell), over the list's.
    pub status: Option<QuartierStatus>,
}

/// What a list says about its items.
#[derive(Debug, Clone)]
pub(super) struct List {
    pub status: QuartierStatus,
    pub label: Option<String>,
    /// The number of quartiers the heading announces.
    pub count: Option<usize>,
    /// Where the count was read, for the warning.
    pub at: Range<usize>,
}

/// The town a demonym after "quartiers" names in `intro` ("les quartiers brestois", "trois
/// quartiers prioritaires orangeois"): the one commune the document writes whose name opens
/// with the demonym's stem (the word without its plural ending "ois", "ais", "iens", "ains",
/// "oises", "aises", "iennes" or "aines": "brest", "orange"), four letters at least.
fn demonym_town(text: &str, intro: &str) -> Option<String> {
    static AFTER: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"(?i)\bquartiers?\s+(?:prioritaires\s+)?(?P<d>\p{Ll}+)\b").expect("valid regex")
    });
    const ENDINGS: [&str; 8] = ["oises", "aises", "iennes", "aines", "ois", "ais", "iens", "ains"];
    let word = AFTER.captures(intro)?.name("d")?.as_str();
    let stem = ENDINGS.iter().find_map(|e| word.strip_suffix(e))?;
    if stem.chars().count() < 4 {
        return None;
    }
    let stem = crate::names::fold(stem);
    // From each capitalised word, the longest run of up to four words that is a commune.
    let words: Vec<&str> =
        text.split(|c: char| !(c.is_alphabetic() || c == '-' || c == '\'')).collect();
    let mut towns: Vec<String> = Vec::new();
    for (i, w) in words.iter().enumerate() {
        if !w.starts_with(char::is_uppercase) || !crate::names::fold(w).starts_with(&stem[..1]) {
            continue;
        }
        for k in (1..=4.min(words.len() - i)).rev() {
            let name = words[i..i + k].join(" ");
            if !crate::names::fold(&name).starts_with(&stem) {
                continue;
            }
            // One town however written ("Orange", "ORANGE"): its name in the gazetteer.
            if let [commune] = crate::gazetteer::communes_named(&name).as_slice() {
                if !towns.iter().any(|t| t == commune.name) {
                    towns.push(commune.name.to_owned());
                }
                break;
            }
        }
    }
    match towns.as_slice() {
        [one] => Some(one.clone()),
        _ => None,
    }
}

/// Pushes a list's items, and a `quartiers.count_mismatch` warning when the list and the count
/// its heading gives differ.
pub(super) fn emit(doc: &Doc, out: &mut Candidates, rule: &str, list: &List, items: Vec<Item>) {
    let n = items.len();
    if n == 0 {
        return;
    }
    // "Trois quartiers orangeois sont retenus : …": the town the demonym names, for the items
    // that name none.
    let town = items
        .iter()
        .any(|i| i.communes.is_empty())
        .then(|| demonym_town(doc.text(), &doc.text()[list.at.clone()]))
        .flatten();
    for mut item in items {
        if item.communes.is_empty()
            && let Some(town) = &town
        {
            item.communes.push(town.clone());
        }
        out.quartiers.push(Quartier {
            name: item.name,
            communes: item
                .communes
                .into_iter()
                .map(|name| CommuneRef { name, insee: None })
                .collect(),
            status: item.status.unwrap_or(list.status),
            list: list.label.clone(),
            qpv_code: None,
            qpv_link: None,
            evidence: doc.evidence(item.range, rule),
        });
    }
    if let Some(count) = list.count.filter(|&c| c != n) {
        let span = doc.evidence(list.at.clone(), rule).span;
        let what = list.label.as_deref().unwrap_or("a list of quartiers");
        out.warnings.push(Warning {
            kind: "quartiers.count_mismatch".into(),
            message: format!(
                "{what}: the text announces {count} quartiers but lists {n}; the list may be \
                 incomplete"
            ),
            span: Some(span),
        });
    }
}

#[cfg(test)]
pub(super) mod testing {
    //! Helpers for the rules' tests: run one rule, or the whole family, on a text.

    use super::*;
    use crate::record::Format;
    use crate::rules::testing;

    /// What `rule` finds in `text` (read as `format`), before resolution.
    pub fn run_as(rule: &dyn Rule, text: &str, format: Format) -> Candidates {
        testing::run(&[rule], text, format, None)
    }

    /// The family's resolved candidates for `text`.
    pub fn family(text: &str) -> Candidates {
        testing::run(RULES, text, Format::Text, Some(resolve))
    }

    /// `name @ commune/commune : status` of each quartier, for compact assertions.
    pub fn brief(qs: &[Quartier]) -> Vec<String> {
        qs.iter()
            .map(|q| {
                let communes: Vec<&str> = q.communes.iter().map(|c| c.name.as_str()).collect();
                format!("{} @ {} : {:?}", q.name, communes.join("/"), q.status).to_lowercase()
            })
            .collect()
    }

    /// Asserts that `rule` finds exactly `expected` (as [`brief`] writes them) in `text`.
    #[track_caller]
    pub fn finds(rule: &dyn Rule, text: &str, expected: &[&str]) {
        finds_as(rule, text, Format::Text, expected);
    }

    /// [`finds`] for a text read as `format`.
    #[track_caller]
    pub fn finds_as(rule: &dyn Rule, text: &str, format: Format, expected: &[&str]) {
        let got = brief(&run_as(rule, text, format).quartiers);
        let expected: Vec<String> = expected.iter().map(|e| e.to_lowercase()).collect();
        assert_eq!(got, expected, "{text:?}");
    }

    /// Asserts that `rule` finds nothing in `text`.
    #[track_caller]
    pub fn none(rule: &dyn Rule, text: &str) {
        finds(rule, text, &[]);
    }
}
