//! Rule modules: each finds one pattern in the normalised document and emits candidates with
//! evidence.
//!
//! A rule is a stateless unit struct implementing [`Rule`], one per file under its family
//! (`dates/`, `figures/`, `people/`, `orgs/`, `quartiers/`, `territories/`), with a stable id
//! (`family.pattern`, e.g. `dates.dateline`) written into every evidence it produces. Rules build
//! their regexes once (`LazyLock`) and never read each other's output. After all rules ran, each
//! family may *resolve* its own candidates against the document (complete a year from the
//! dateline, link a commune to its INSEE code); reconciling across families is the merger's job.

pub mod dates;
pub mod figures;
pub mod orgs;
pub mod people;
pub mod quartiers;
pub mod territories;
pub mod text;

use std::ops::Range;
use std::sync::LazyLock;

use crate::ingest::normalise::NormText;
use crate::record::{
    DateMention, Evidence, Figure, Format, Organization, Person, Quartier, Territory, Title,
    Warning,
};

/// What a rule sees: the document's clean text and its normalised view.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub id: &'a str,
    pub format: Format,
    /// The clean text (evidence offsets point into it).
    pub clean: &'a str,
    /// The normalised view that rules match against.
    pub norm: &'a NormText,
}

impl<'a> Doc<'a> {
    /// The normalised text rules match against.
    pub fn text(&self) -> &'a str {
        &self.norm.text
    }

    /// The analyses of the normalised text shared by the rules of a family.
    pub fn analysis(&self) -> &'a crate::analysis::Analysis {
        &self.norm.analysis
    }

    /// The communes the normalised text names (folded once per text, on first use).
    pub fn named_communes(&self) -> &'a crate::gazetteer::qpv::NamedCommunes {
        self.norm
            .analysis
            .named_communes
            .get_or_init(|| crate::gazetteer::qpv::NamedCommunes::of(self.text()))
    }

    /// Evidence for the normalised range `range`, mapped back to the clean text.
    pub fn evidence(&self, range: Range<usize>, rule: &str) -> Evidence {
        let r = self.norm.to_clean(range);
        Evidence { span: [r.start, r.end], text: self.clean[r].to_owned(), rule: rule.to_owned() }
    }
}

/// Candidates emitted by the rules for one document, before the merger reconciles them.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub titles: Vec<Title>,
    pub dates: Vec<DateMention>,
    pub people: Vec<Person>,
    pub organizations: Vec<Organization>,
    pub territories: Vec<Territory>,
    pub quartiers: Vec<Quartier>,
    pub figures: Vec<Figure>,
    pub warnings: Vec<Warning>,
}

/// A rule module.
pub trait Rule: Send + Sync {
    /// Stable id, `family.pattern`, written into every evidence.
    fn id(&self) -> &'static str;
    /// Finds the rule's pattern in `doc` and pushes candidates to `out`.
    fn apply(&self, doc: &Doc, out: &mut Candidates);
}

/// A regex alternation of `forms`, longest first so that the leftmost-first engine prefers
/// "septembre" to "sept"; spaces match any run of white space.
pub(crate) fn alternation<'a>(forms: impl Iterator<Item = &'a str>) -> String {
    let mut forms: Vec<&str> = forms.collect();
    forms.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    forms.dedup();
    let alts: Vec<String> = forms.iter().map(|f| regex::escape(f).replace(' ', r"\s+")).collect();
    format!("(?:{})", alts.join("|"))
}

/// Paragraph ranges of `text`: runs of lines between blank lines, each line break included; for
/// HTML, where every block is a line, each line.
pub(crate) fn paragraph_ranges(text: &str, format: Format) -> Vec<Range<usize>> {
    let by_line = format == Format::Html;
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        if line.trim().is_empty() {
            if let Some(s) = start.take() {
                out.push(s..offset);
            }
        } else if by_line {
            out.push(offset..offset + line.len());
        } else if start.is_none() {
            start = Some(offset);
        }
        offset += line.len();
    }
    if let Some(s) = start {
        out.push(s..offset);
    }
    out
}

/// The stretch of `text` around `range` between the nearest of the ASCII separators `ends` before
/// it and the nearest after it, separators excluded: the line holding it with `&['\n']`, a
/// rough sentence with `&['.', '\n']`. `range` lies on character boundaries.
pub(crate) fn stretch_around(text: &str, range: Range<usize>, ends: &[char]) -> Range<usize> {
    let start = text[..range.start].rfind(ends).map_or(0, |i| i + 1);
    let end = text[range.end..].find(ends).map_or(text.len(), |i| range.end + i);
    start..end
}

/// The cells of a line laid out in columns, as a PDF's two-column page reads once converted to
/// text: the non-blank stretches between runs of three spaces or tabs or more, trimmed, as byte
/// ranges of `line`.
pub(crate) fn columns(line: &str) -> Vec<Range<usize>> {
    const GAP: usize = 3;
    let blank = |b: u8| b == b' ' || b == b'\t';
    let bytes = line.as_bytes();
    let mut out = Vec::new();
    let mut push = |r: Range<usize>| {
        let cell = &line[r.clone()];
        let lead = cell.len() - cell.trim_start().len();
        if !cell.trim().is_empty() {
            out.push(r.start + lead..r.start + cell.trim_end().len());
        }
    };
    let (mut start, mut i) = (0, 0);
    while i < bytes.len() {
        let run = bytes[i..].iter().take_while(|&&b| blank(b)).count();
        if run >= GAP {
            push(start..i);
            start = i + run;
        }
        i += run.max(1);
    }
    push(start..bytes.len());
    out
}

/// A table whose cells are parted by bars: an HTML table (the clean text joins its cells with
/// " | "), a Markdown pipe table, or a table flattened to text with " | " between its cells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct BarTable {
    /// Its rows, one line each without the trailing white space, Markdown separator rows
    /// ("|---|") included ([`is_separator_row`] tells them).
    pub rows: Vec<Range<usize>>,
    /// The last non-blank line before it, which often says what it lists.
    pub caption: Option<Range<usize>>,
}

/// The bar-parted tables of `text` ([`BarTable`]): runs of lines that open with a bar or hold two
/// " | " or more; a run whose first line opens with a bar always, another only with three rows or
/// more of the same number of cells (two menu lines one after the other are no table).
pub(crate) fn bar_tables(text: &str) -> Vec<BarTable> {
    let is_row =
        |line: &str| line.trim_start().starts_with('|') || line.matches(" | ").count() >= 2;
    let is_table = |rows: &[Range<usize>]| {
        let Some(first) = rows.first() else { return false };
        if text[first.clone()].trim_start().starts_with('|') {
            return true;
        }
        let width = table_cells(text, first.clone()).len();
        rows.len() >= 3 && rows.iter().all(|r| table_cells(text, r.clone()).len() == width)
    };
    let mut tables = Vec::new();
    let mut rows: Vec<Range<usize>> = Vec::new();
    let (mut caption, mut last_other) = (None, None);
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = offset..offset + line.trim_end().len();
        offset += line.len();
        if is_row(line) {
            if rows.is_empty() {
                caption = last_other.clone();
            }
            rows.push(content);
            continue;
        }
        if is_table(&rows) {
            tables.push(BarTable { rows: std::mem::take(&mut rows), caption: caption.take() });
        }
        rows.clear();
        if !line.trim().is_empty() {
            last_other = Some(content);
        }
    }
    if is_table(&rows) {
        tables.push(BarTable { rows, caption });
    }
    tables
}

/// Whether a table row is a Markdown separator row ("|---|:---:|").
pub(crate) fn is_separator_row(line: &str) -> bool {
    line.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The cells of the table row at `line`: the stretches between bars, trimmed, as byte ranges of
/// `text`; a leading and a trailing bar open and close no cell.
pub(crate) fn table_cells(text: &str, line: Range<usize>) -> Vec<Range<usize>> {
    let s = &text[line.clone()];
    let inner_start = s.len() - s.trim_start().trim_start_matches('|').len();
    let inner_end = s.trim_end().trim_end_matches('|').len().max(inner_start);
    let mut out = Vec::new();
    let mut at = line.start + inner_start;
    for piece in s[inner_start..inner_end].split('|') {
        let lead = piece.len() - piece.trim_start().len();
        out.push(at + lead..at + lead + piece.trim().len());
        at += piece.len() + 1;
    }
    out
}

/// Whether `gap` is what separates two names of a list: a comma, or "et" between spaces.
pub(crate) fn is_list_gap(gap: &str) -> bool {
    static LIST_GAP: LazyLock<text::Regex> = LazyLock::new(|| {
        text::Regex::new(r"^(?:[ \t]*,[ \t]*|[ \t]+et[ \t]+)$").expect("valid regex")
    });
    LIST_GAP.is_match(gap)
}

/// Every line of `text`, blank ones included, without its line break (`\n` or `\r\n`).
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        out.push(at..at + body.len());
        at += line.len();
    }
    out
}

/// The non-blank lines of `text`, trimmed.
pub(crate) fn line_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end();
        let lead = content.len() - content.trim_start().len();
        if !content.trim().is_empty() {
            out.push(offset + lead..offset + content.len());
        }
        offset += line.len();
    }
    out
}

/// Every rule, sorted by id.
pub fn registry() -> &'static [&'static dyn Rule] {
    static ALL: LazyLock<Vec<&'static dyn Rule>> = LazyLock::new(|| {
        let mut all: Vec<&'static dyn Rule> = [
            dates::RULES,
            figures::RULES,
            orgs::RULES,
            people::RULES,
            quartiers::RULES,
            territories::RULES,
            text::RULES,
        ]
        .concat();
        all.sort_by_key(|r| r.id());
        all
    });
    &ALL
}

/// The rule families, in the order their resolve steps run.
pub const FAMILIES: &[&str] =
    &["text", "dates", "figures", "people", "orgs", "quartiers", "territories"];

/// Runs every rule on `doc`, then each family's resolve step.
pub fn extract(doc: &Doc) -> Candidates {
    extract_families(doc, FAMILIES)
}

/// Runs only the rules of `families` (ids `family.*`), then those families' resolve steps: for
/// benchmarks and for debugging one family.
pub fn extract_families(doc: &Doc, families: &[&str]) -> Candidates {
    let mut out = Candidates::default();
    let wanted = |id: &str| families.iter().any(|f| id.split('.').next() == Some(f));
    for rule in registry().iter().filter(|r| wanted(r.id())) {
        rule.apply(doc, &mut out);
    }
    for family in FAMILIES.iter().filter(|f| families.contains(f)) {
        resolve_family(family, doc, &mut out);
    }
    out
}

/// The resolve step of `family` (one of [`FAMILIES`]; "text" has none).
pub fn resolve_family(family: &str, doc: &Doc, out: &mut Candidates) {
    match family {
        "dates" => dates::resolve(doc, out),
        "figures" => figures::resolve(doc, out),
        "people" => people::resolve(doc, out),
        "orgs" => orgs::resolve(doc, out),
        "quartiers" => quartiers::resolve(doc, out),
        "territories" => territories::resolve(doc, out),
        _ => {}
    }
}

#[cfg(test)]
pub(crate) mod testing {
    //! What every family's tests share: run some rules (and a resolve step) on a text.

    use super::*;
    use crate::ingest::normalise::normalise;

    /// The candidates `rules` find in `text` read as `format`, then resolved by `resolve`.
    pub fn run(
        rules: &[&dyn Rule],
        text: &str,
        format: Format,
        resolve: Option<fn(&Doc, &mut Candidates)>,
    ) -> Candidates {
        let norm = normalise(text);
        let doc = Doc { id: "t", format, clean: text, norm: &norm };
        let mut out = Candidates::default();
        for rule in rules {
            rule.apply(&doc, &mut out);
        }
        if let Some(resolve) = resolve {
            resolve(&doc, &mut out);
        }
        out
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn bar_tables_keep_tables_and_leave_menus() {
        let text = "Accueil | Actualités | Contact\nPlan du site | Presse | Emplois\n\n\
            Les quartiers :\n| Nom | Ville |\n|---|---|\n| Les Pins | Vierville |\n\nfin\n";
        let tables = super::bar_tables(text);
        assert_eq!(tables.len(), 1, "{tables:?}");
        let rows: Vec<Vec<&str>> = tables[0]
            .rows
            .iter()
            .filter(|r| !super::is_separator_row(&text[(*r).clone()]))
            .map(|r| super::table_cells(text, r.clone()).into_iter().map(|c| &text[c]).collect())
            .collect();
        assert_eq!(rows, vec![vec!["Nom", "Ville"], vec!["Les Pins", "Vierville"]]);
        assert_eq!(tables[0].caption.clone().map(|c| &text[c]), Some("Les quartiers :"));
    }

    #[test]
    fn columns_are_parted_by_three_blanks_or_more() {
        let line = "  Pour l'État,     Pour la Ville,\t\t\tPour la CAF  ";
        let cells: Vec<&str> = columns(line).into_iter().map(|r| &line[r]).collect();
        assert_eq!(cells, ["Pour l'État,", "Pour la Ville,", "Pour la CAF"]);
        let line = "le préfet  du Var";
        assert_eq!(columns(line), vec![Range { start: 0, end: line.len() }]);
        assert!(columns("    ").is_empty());
    }
    use super::*;

    #[test]
    fn rule_ids_are_unique_and_namespaced() {
        let ids: Vec<_> = registry().iter().map(|r| r.id()).collect();
        let mut dedup = ids.clone();
        dedup.dedup();
        assert_eq!(ids, dedup, "duplicate rule ids");
        for id in ids {
            let (family, pattern) = id.split_once('.').expect("id is family.pattern");
            assert!(!family.is_empty() && !pattern.is_empty(), "{id}");
            assert!(id.chars().all(|c| c.is_ascii_lowercase() || c == '_' || c == '.'), "{id}");
            assert!(FAMILIES.contains(&family), "{id}: unknown family");
        }
    }
}
