//! Parsing a rule pattern without case-folding its Unicode property classes at every
//! occurrence (issue 12).
//!
//! Under `(?i)` the `regex` crate's parser folds every Unicode class it meets: `(?i)\p{L}`
//! walks the case mappings of its 677 ranges and sorts the result, about a hundred times the
//! cost of `\p{L}` itself, and a bracket holding one (`(?i)[\p{L}'’-]`) is folded twice (the
//! class, then the bracket). Rule patterns write `\p{L}` under `(?i)` dozens of times.
//!
//! A property class folds to itself and a few more characters (`\p{L}` gains U+0345, the
//! combining iota, whose fold is a letter). [`parse`] reads the pattern's syntax tree, and
//! replaces each such class under `(?i)` by `(?-i:[\p{L}\x{345}])`: the class and the
//! characters folding adds, with case-insensitivity off, which the parser reads without
//! folding. The added characters are worked out once per class name, by the parser itself
//! (fold, then subtract the class). A bracket under `(?i)` holding such a class becomes a
//! bracket under `(?-i)` holding every item already folded (a literal or range by its folds,
//! `\w`, `\d`, `\s` as they are: they are closed under folding). The tree given is the one
//! `regex_syntax` gives for the pattern as written, node for node (a test compares them for
//! every rule pattern): only the work differs.
//!
//! A class whose fold adds many ranges (`(?i)\p{Lu}` adds the lowercase letters) is left to the
//! parser: adding hundreds of ranges one by one costs more than folding.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use regex_syntax::ast::{
    self, Ast, ClassBracketed, ClassSet, ClassSetItem, ClassSetRange, ClassSetUnion,
    ClassUnicodeKind, Flag, Flags, FlagsItem, FlagsItemKind, Group, GroupKind, LiteralKind, Span,
};
use regex_syntax::hir::translate::Translator;
use regex_syntax::hir::{Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind};

use super::shared::{fits, share, substitute};

/// The most ranges folding may add to a class for it to be replaced (see the module doc).
const MAX_ADDED: usize = 8;

/// The syntax tree of `pattern`, as `regex_syntax::parse` gives it (the configuration of
/// `regex::Regex::new`), its Unicode property classes under `(?i)` read without folding them
/// again (see the module doc).
pub(super) fn parse(pattern: &str) -> Result<Hir, regex::Error> {
    let error = |e: &dyn std::fmt::Display| regex::Error::Syntax(e.to_string());
    let mut tree = ast::parse::Parser::new().parse(pattern).map_err(|e| error(&e))?;
    let shared = share(&mut tree, pattern);
    rewrite(&mut tree, &mut Flagged { insensitive: false, unicode: true });
    let hir = Translator::new().translate(pattern, &tree).map_err(|e| error(&e))?;
    let Some(shared) = shared else { return Ok(hir) };
    let parts = shared.parts.iter().map(|p| part_tree(p)).collect::<Result<Vec<_>, _>>()?;
    if parts.iter().all(fits)
        && let Some(hir) = substitute(hir, &parts, shared.placeholders)
    {
        // A debug build checks every shared pattern it meets against the parser's own tree
        // (the tests check those the fixtures build).
        debug_assert_eq!(Ok(&hir), regex_syntax::parse(pattern).as_ref(), "{pattern:?}");
        return Ok(hir);
    }
    let mut tree = ast::parse::Parser::new().parse(pattern).map_err(|e| error(&e))?;
    rewrite(&mut tree, &mut Flagged { insensitive: false, unicode: true });
    Translator::new().translate(pattern, &tree).map_err(|e| error(&e))
}

/// The tree of a part patterns share (see `shared.rs`), read once in the process: the same
/// part (the adverb gap, a run of names) stands in several patterns.
fn part_tree(part: &str) -> Result<Hir, regex::Error> {
    static PARTS: LazyLock<Mutex<HashMap<String, Hir>>> = LazyLock::new(Mutex::default);
    if let Some(hir) = PARTS.lock().ok().and_then(|parts| parts.get(part).cloned()) {
        return Ok(hir);
    }
    let hir = parse(part)?;
    if let Ok(mut parts) = PARTS.lock() {
        parts.insert(part.to_owned(), hir.clone());
    }
    Ok(hir)
}

/// The flags in force at a point of the pattern, as the parser tracks them: a `(?i)` holds to
/// the end of its group, a `(?i:…)` inside it.
struct Flagged {
    insensitive: bool,
    unicode: bool,
}

impl Flagged {
    fn set(&mut self, flags: &Flags) {
        let mut on = true;
        for item in &flags.items {
            match item.kind {
                FlagsItemKind::Negation => on = false,
                FlagsItemKind::Flag(Flag::CaseInsensitive) => self.insensitive = on,
                FlagsItemKind::Flag(Flag::Unicode) => self.unicode = on,
                FlagsItemKind::Flag(_) => {}
            }
        }
    }

    fn folds_classes(&self) -> bool {
        self.insensitive && self.unicode
    }
}

/// Replaces, in text order (a `(?i)` acts on what follows it), the classes of `tree` that
/// would be folded (see the module doc).
fn rewrite(tree: &mut Ast, flags: &mut Flagged) {
    match tree {
        Ast::Flags(set) => flags.set(&set.flags),
        Ast::ClassUnicode(class) if flags.folds_classes() => {
            let mut items = Vec::new();
            if push_property(class, &mut items).is_some() {
                *tree = sensitive(class.span, false, items);
            }
        }
        Ast::ClassBracketed(bracket) if flags.folds_classes() => {
            if let Some(items) = folded_items(bracket) {
                *tree = sensitive(bracket.span, bracket.negated, items);
            }
        }
        Ast::Repetition(rep) => rewrite(&mut rep.ast, flags),
        Ast::Group(group) => {
            let kept = (flags.insensitive, flags.unicode);
            if let GroupKind::NonCapturing(set) = &group.kind {
                flags.set(set);
            }
            rewrite(&mut group.ast, flags);
            (flags.insensitive, flags.unicode) = kept;
        }
        Ast::Alternation(alt) => alt.asts.iter_mut().for_each(|t| rewrite(t, flags)),
        Ast::Concat(cat) => cat.asts.iter_mut().for_each(|t| rewrite(t, flags)),
        _ => {}
    }
}

/// `(?-i:[items])`, negated as the bracket it replaces was (the parser folds a bracket before
/// negating it, and the items are folded already).
fn sensitive(span: Span, negated: bool, items: Vec<ClassSetItem>) -> Ast {
    let off = |kind| FlagsItem { span, kind };
    let flags = Flags {
        span,
        items: vec![off(FlagsItemKind::Negation), off(FlagsItemKind::Flag(Flag::CaseInsensitive))],
    };
    let union = ClassSetUnion { span, items };
    let bracket =
        ClassBracketed { span, negated, kind: ClassSet::Item(ClassSetItem::Union(union)) };
    Ast::group(Group {
        span,
        kind: GroupKind::NonCapturing(flags),
        ast: Box::new(Ast::class_bracketed(bracket)),
    })
}

/// The items of a bracket under `(?i)` holding a property class, each folded; `None` for a
/// bracket without one (cheap to fold) or with an item this does not fold (a nested bracket,
/// a set operation, an ASCII class, a negated or widely folding property).
fn folded_items(bracket: &ClassBracketed) -> Option<Vec<ClassSetItem>> {
    let items = match &bracket.kind {
        ClassSet::Item(ClassSetItem::Union(union)) => union.items.as_slice(),
        ClassSet::Item(item) => std::slice::from_ref(item),
        ClassSet::BinaryOp(_) => return None,
    };
    if !items.iter().any(|i| matches!(i, ClassSetItem::Unicode(_))) {
        return None;
    }
    let mut out = Vec::new();
    for item in items {
        match item {
            ClassSetItem::Literal(lit) => push_ranges(lit.span, &folds(lit.c, lit.c), &mut out),
            ClassSetItem::Range(r) => push_ranges(r.span, &folds(r.start.c, r.end.c), &mut out),
            ClassSetItem::Perl(_) => out.push(item.clone()),
            ClassSetItem::Unicode(class) => push_property(class, &mut out)?,
            _ => return None,
        }
    }
    Some(out)
}

/// Pushes a property class and the characters folding adds to it; `None` (nothing pushed)
/// for a negated class or one whose fold adds more than [`MAX_ADDED`] ranges.
fn push_property(class: &ast::ClassUnicode, out: &mut Vec<ClassSetItem>) -> Option<()> {
    if class.is_negated() {
        return None;
    }
    let added = added_by_folding(&class.kind)?;
    out.push(ClassSetItem::Unicode(class.clone()));
    push_ranges(class.span, &added, out);
    Some(())
}

/// The ranges `(?i)` adds to the property class `kind`, worked out once per class by the
/// parser; `None` when they are more than [`MAX_ADDED`].
fn added_by_folding(kind: &ClassUnicodeKind) -> Option<Vec<ClassUnicodeRange>> {
    static ADDED: LazyLock<Mutex<HashMap<String, Option<Vec<ClassUnicodeRange>>>>> =
        LazyLock::new(Mutex::default);
    let written = match kind {
        ClassUnicodeKind::OneLetter(c) => format!(r"\p{c}"),
        ClassUnicodeKind::Named(name) => format!(r"\p{{{name}}}"),
        ClassUnicodeKind::NamedValue { .. } => return None,
    };
    let class = |pattern: &str| match regex_syntax::parse(pattern).map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(class))) => Some(class),
        _ => None,
    };
    let mut added = ADDED.lock().ok()?;
    added
        .entry(written)
        .or_insert_with_key(|written| {
            let mut folded = class(&format!("(?i){written}"))?;
            folded.difference(&class(written)?);
            (folded.ranges().len() <= MAX_ADDED).then(|| folded.ranges().to_vec())
        })
        .clone()
}

/// The characters `start..=end` and their case variants, as ranges.
fn folds(start: char, end: char) -> Vec<ClassUnicodeRange> {
    let mut class = ClassUnicode::new([ClassUnicodeRange::new(start, end)]);
    class.case_fold_simple();
    class.ranges().to_vec()
}

fn push_ranges(span: Span, ranges: &[ClassUnicodeRange], out: &mut Vec<ClassSetItem>) {
    let lit = |c| ast::Literal { span, kind: LiteralKind::Verbatim, c };
    for r in ranges {
        out.push(if r.start() == r.end() {
            ClassSetItem::Literal(lit(r.start()))
        } else {
            ClassSetItem::Range(ClassSetRange { span, start: lit(r.start()), end: lit(r.end()) })
        });
    }
}

#[cfg(test)]
mod tests {
    use super::parse;

    #[track_caller]
    fn same_tree(pattern: &str) {
        assert_eq!(parse(pattern).ok(), regex_syntax::parse(pattern).ok(), "{pattern:?}");
    }

    #[test]
    fn property_classes_under_case_insensitivity_give_the_parsers_tree() {
        for pattern in [
            r"(?i)\p{L}+",
            r"(?i)[\p{L}'’-]*\b",
            r"(?i)[^\p{L}\s]",
            r"(?i)[a-zé\p{L}\d]",
            r"(?i)\p{M}|\p{N}",
            r"(?i)\p{Lu}[\p{Ll}]",
            r"(?i)\P{L}[\P{L}x]\p{^L}",
            r"(?i)[\p{L}&&[a-z]][[:alpha:]\p{L}]",
            r"(?i:\p{L})\p{L}(?i)a(?-i)\p{L}|\p{L}",
            r"a(?i)b|\p{L}(?:(?-i)\p{L})\p{L}",
            r"(?i)(?-u:[a-z])(?-u)a(?u)\p{L}",
            r"\p{L}(?i)(?P<x>\p{L}(?-i)\p{L})\p{L}",
            r"(?i)\p{Greek}\p{Script=Latin}\pL",
        ] {
            same_tree(pattern);
        }
    }

    #[test]
    fn a_fold_adding_few_characters_is_rewritten_and_one_adding_many_is_not() {
        use regex_syntax::ast::ClassUnicodeKind::{Named, OneLetter};
        // \p{L} gains the combining iota only; \p{Lu} gains the lowercase letters.
        let letters = super::added_by_folding(&OneLetter('L')).expect("few added");
        assert_eq!(
            letters.iter().map(|r| (r.start(), r.end())).collect::<Vec<_>>(),
            [('\u{345}', '\u{345}')]
        );
        assert_eq!(super::added_by_folding(&Named("Lu".into())), None);
    }
}
