//! Reading a part a rule pattern repeats once, not at every copy (issue 12).
//!
//! Patterns built from word lists repeat a long part many times: the signing phrases write the
//! adverb gap `(?:(?:officiellement|…|hier)\s+)*` between their words, 45 copies of 400
//! characters in one pattern, and under `(?i)` the parser folds the case of every letter of
//! every copy (two thirds of that pattern's preparation). [`share`] replaces each part written
//! twice or more, under the same flags, by a placeholder (`\x{E000}+`, a private-use character
//! no pattern writes); the caller reads the lighter pattern, reads each shared part once (with
//! the flags in force where it stands), and [`substitute`] puts a copy of the part's tree where
//! each placeholder stands, rebuilding the nodes above it with the `regex_syntax` constructors
//! the parser uses.
//!
//! The tree is node for node the one the parser gives for the whole pattern (the test of every
//! rule pattern in `tests/regex_equivalence.rs` compares them): a shared part is a repetition
//! (`(?:…)*`) or a group holding an alternation, and is used only when its tree is a repetition
//! or an alternation. Like the placeholder (a repetition), such a tree is never merged into a
//! neighbouring literal, nor lifted as a common prefix, nor a single character an alternation
//! would fold into a class, so every node above it is built from the same children whichever of
//! the two stands there; an alternation in an alternation is flattened by the rebuild as by the
//! parser. A part holding a capture group is never shared (its group number depends on where it
//! stands).

use std::collections::HashMap;
use std::hash::{Hash, Hasher};

use regex_syntax::ast::{
    self, Ast, Flag, Flags, FlagsItemKind, GroupKind, RepetitionKind, RepetitionOp, Span,
};
use regex_syntax::hir::{Capture, Hir, HirKind, Look, Repetition};

/// The shortest part worth sharing, in bytes of the pattern.
const MIN_SHARED: usize = 96;

/// The first placeholder character; part `i` is `FIRST + i`.
const FIRST: u32 = 0xE000;

/// The most parts a pattern may share (the private-use characters U+E000 to U+F8FF).
const MAX_PARTS: usize = 0x1900;

/// The parts `share` took out of a pattern: each as a pattern of its own (the flags in force
/// where it stood, then its text), in the order of their placeholders, and how many
/// placeholders stand in the tree.
pub(super) struct Shared {
    pub(super) parts: Vec<String>,
    pub(super) placeholders: usize,
}

/// Replaces in `tree` every part written at least twice under the same flags by its
/// placeholder (see the module doc); `None` (the tree untouched) when no part repeats or the
/// pattern writes a placeholder character itself.
pub(super) fn share(tree: &mut Ast, pattern: &str) -> Option<Shared> {
    if pattern.len() < 2 * MIN_SHARED
        || pattern.contains(r"\b{")
        || pattern.chars().any(|c| (FIRST..FIRST + MAX_PARTS as u32).contains(&u32::from(c)))
    {
        return None;
    }
    let mut counts = HashMap::new();
    count(tree, pattern, &mut State::default(), &mut counts);
    if !counts.values().any(|&n| n > 1) {
        return None;
    }
    let mut taking =
        Taking { pattern, counts, index: HashMap::new(), shared: Vec::new(), placed: 0 };
    taking.take(tree, &mut State::default());
    let parts = taking.shared;
    (!parts.is_empty() && parts.len() <= MAX_PARTS)
        .then_some(Shared { parts, placeholders: taking.placed })
}

/// The flags in force at a point of the pattern, one bit each (see [`LETTERS`]), as the parser
/// tracks them: a `(?i)` holds to the end of its group (across the alternatives after it), a
/// `(?i:…)` inside it.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct State(u8);

/// The flags and how a pattern writes them.
const LETTERS: [(Flag, char); 7] = [
    (Flag::CaseInsensitive, 'i'),
    (Flag::MultiLine, 'm'),
    (Flag::DotMatchesNewLine, 's'),
    (Flag::SwapGreed, 'U'),
    (Flag::Unicode, 'u'),
    (Flag::CRLF, 'R'),
    (Flag::IgnoreWhitespace, 'x'),
];

impl Default for State {
    /// Unicode on, every other flag off.
    fn default() -> State {
        State(1 << 4)
    }
}

impl State {
    fn set(&mut self, flags: &Flags) {
        let mut on = true;
        for item in &flags.items {
            match &item.kind {
                FlagsItemKind::Negation => on = false,
                FlagsItemKind::Flag(flag) => {
                    if let Some(bit) = LETTERS.iter().position(|(f, _)| f == flag) {
                        if on {
                            self.0 |= 1 << bit;
                        } else {
                            self.0 &= !(1 << bit);
                        }
                    }
                }
            }
        }
    }

    fn unicode(self) -> bool {
        self.0 & (1 << 4) != 0
    }

    /// The flags written as a pattern's first item: `(?iu-msURx)` with every flag named.
    fn written(self) -> String {
        let (mut on, mut off) = (String::new(), String::new());
        for (bit, (_, letter)) in LETTERS.iter().enumerate() {
            if self.0 & (1 << bit) != 0 { on.push(*letter) } else { off.push(*letter) }
        }
        format!("(?{on}-{off})")
    }
}

/// The text of a part that may be shared: a repetition or a group holding an alternation, long
/// enough, under Unicode (a placeholder is a Unicode character).
fn candidate<'p>(tree: &Ast, pattern: &'p str, state: State) -> Option<&'p str> {
    let fits = match tree {
        Ast::Repetition(_) => true,
        Ast::Group(g) => {
            matches!(g.kind, GroupKind::NonCapturing(_)) && matches!(*g.ast, Ast::Alternation(_))
        }
        _ => false,
    };
    let span = tree.span();
    let text = pattern.get(span.start.offset..span.end.offset)?;
    (fits && state.unicode() && text.len() >= MIN_SHARED).then_some(text)
}

/// Counts, in text order, the candidate parts of `tree` by flags and text; returns whether
/// `tree` holds a capture group (a part holding one is not counted).
fn count<'p>(
    tree: &Ast,
    pattern: &'p str,
    state: &mut State,
    counts: &mut HashMap<Key<'p>, usize>,
) -> bool {
    let captures = match tree {
        Ast::Flags(set) => {
            state.set(&set.flags);
            false
        }
        Ast::Repetition(rep) => count(&rep.ast, pattern, state, counts),
        Ast::Group(group) => {
            let kept = *state;
            if let GroupKind::NonCapturing(flags) = &group.kind {
                state.set(flags);
            }
            let inner = count(&group.ast, pattern, state, counts);
            *state = kept;
            inner || !matches!(group.kind, GroupKind::NonCapturing(_))
        }
        Ast::Alternation(alt) => {
            alt.asts.iter().fold(false, |c, t| count(t, pattern, state, counts) | c)
        }
        Ast::Concat(cat) => {
            cat.asts.iter().fold(false, |c, t| count(t, pattern, state, counts) | c)
        }
        _ => false,
    };
    if !captures && let Some(text) = candidate(tree, pattern, *state) {
        *counts.entry(Key(*state, text)).or_default() += 1;
    }
    captures
}

/// A part by the flags in force where it stands and its text. Hashing reads the text's length
/// and ends only: the parts of a pattern nest, and hashing each whole would read the pattern
/// once per level; equal keys still compare the whole texts.
#[derive(PartialEq, Eq)]
struct Key<'p>(State, &'p str);

impl Hash for Key<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        const ENDS: usize = 16;
        let bytes = self.1.as_bytes();
        self.0.hash(state);
        bytes.len().hash(state);
        bytes[..ENDS.min(bytes.len())].hash(state);
        bytes[bytes.len().saturating_sub(ENDS)..].hash(state);
    }
}

/// The walk that replaces the repeated parts, outermost first.
struct Taking<'p> {
    pattern: &'p str,
    counts: HashMap<Key<'p>, usize>,
    /// The placeholder number of each part taken.
    index: HashMap<Key<'p>, usize>,
    shared: Vec<String>,
    placed: usize,
}

impl Taking<'_> {
    fn take(&mut self, tree: &mut Ast, state: &mut State) {
        if let Some(text) = candidate(tree, self.pattern, *state)
            && self.counts.get(&Key(*state, text)).is_some_and(|&n| n > 1)
        {
            let next = self.shared.len();
            let i = *self.index.entry(Key(*state, text)).or_insert(next);
            if i == next {
                self.shared.push(format!("{}{text}", state.written()));
            }
            if let Some(c) = char::from_u32(FIRST + i as u32) {
                *tree = placeholder(*tree.span(), c);
                self.placed += 1;
                return;
            }
        }
        match tree {
            Ast::Flags(set) => state.set(&set.flags),
            Ast::Repetition(rep) => self.take(&mut rep.ast, state),
            Ast::Group(group) => {
                let kept = *state;
                if let GroupKind::NonCapturing(flags) = &group.kind {
                    state.set(flags);
                }
                self.take(&mut group.ast, state);
                *state = kept;
            }
            Ast::Alternation(alt) => alt.asts.iter_mut().for_each(|t| self.take(t, state)),
            Ast::Concat(cat) => cat.asts.iter_mut().for_each(|t| self.take(t, state)),
            _ => {}
        }
    }
}

/// `(?:c\b{start-half})+`, at the place of the part it stands for. The assertion, which no
/// rule pattern writes, marks the nodes above a placeholder: their trees' properties hold it,
/// and [`rebuild`] leaves every other node as it is.
fn placeholder(span: Span, c: char) -> Ast {
    let lit = ast::Literal { span, kind: ast::LiteralKind::Verbatim, c };
    let mark = ast::Assertion { span, kind: ast::AssertionKind::WordBoundaryStartHalf };
    Ast::repetition(ast::Repetition {
        span,
        op: RepetitionOp { span, kind: RepetitionKind::OneOrMore },
        greedy: true,
        ast: Box::new(Ast::concat(ast::Concat {
            span,
            asts: vec![Ast::literal(lit), Ast::assertion(mark)],
        })),
    })
}

/// The assertion marking a placeholder (see [`placeholder`]).
const MARK: Look = Look::WordStartHalfUnicode;

/// The placeholder number of `hir`'s sub-tree when `hir` is a placeholder.
fn placeholder_of(rep: &Repetition) -> Option<usize> {
    let HirKind::Concat(items) = rep.sub.kind() else { return None };
    let [lit, mark] = items.as_slice() else { return None };
    if *mark.kind() != HirKind::Look(MARK) {
        return None;
    }
    let HirKind::Literal(lit) = lit.kind() else { return None };
    let mut chars = std::str::from_utf8(&lit.0).ok()?.chars();
    let (c, None) = (chars.next()?, chars.next()) else { return None };
    let i = u32::from(c).checked_sub(FIRST)? as usize;
    (i < MAX_PARTS && rep.min == 1 && rep.max.is_none()).then_some(i)
}

/// Whether a part's tree may stand where its placeholder stood (see the module doc).
pub(super) fn fits(part: &Hir) -> bool {
    matches!(part.kind(), HirKind::Repetition(_) | HirKind::Alternation(_))
}

/// `hir` with each placeholder replaced by a copy of its part, the nodes above rebuilt with the
/// parser's constructors; `None` when the placeholders found are not the `placeholders`
/// expected (one was merged with something: the caller then reads the whole pattern).
pub(super) fn substitute(hir: Hir, parts: &[Hir], placeholders: usize) -> Option<Hir> {
    let mut found = 0;
    let hir = rebuild(hir, parts, &mut found)?;
    (found == placeholders).then_some(hir)
}

fn rebuild(hir: Hir, parts: &[Hir], found: &mut usize) -> Option<Hir> {
    if !hir.properties().look_set().contains(MARK) {
        return Some(hir);
    }
    Some(match hir.into_kind() {
        HirKind::Repetition(rep) => {
            if let Some(i) = placeholder_of(&rep) {
                *found += 1;
                return parts.get(i).cloned();
            }
            let sub = Box::new(rebuild(*rep.sub, parts, found)?);
            Hir::repetition(Repetition { sub, ..rep })
        }
        HirKind::Capture(cap) => {
            let sub = Box::new(rebuild(*cap.sub, parts, found)?);
            Hir::capture(Capture { sub, ..cap })
        }
        HirKind::Concat(items) => {
            Hir::concat(items.into_iter().map(|h| rebuild(h, parts, found)).collect::<Option<_>>()?)
        }
        HirKind::Alternation(items) => Hir::alternation(
            items.into_iter().map(|h| rebuild(h, parts, found)).collect::<Option<_>>()?,
        ),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Empty => Hir::empty(),
    })
}

#[cfg(test)]
mod tests {
    use regex_syntax::ast::parse::Parser;
    use regex_syntax::hir::Hir;
    use regex_syntax::hir::translate::Translator;

    use super::super::fold::parse;
    use super::{MIN_SHARED, fits, share, substitute};

    /// A part of `MIN_SHARED` bytes or more: an alternation of words.
    fn words(first: &str) -> String {
        let mut alts = vec![first.to_owned()];
        let mut n = 0;
        while alts.join("|").len() + 4 < MIN_SHARED {
            alts.push(format!("mot{n}"));
            n += 1;
        }
        format!("(?:{})", alts.join("|"))
    }

    /// How many parts `pattern` shares and how many placeholders stand for them.
    fn shared(pattern: &str) -> Option<(usize, usize)> {
        let mut tree = Parser::new().parse(pattern).expect("valid");
        share(&mut tree, pattern).map(|s| (s.parts.len(), s.placeholders))
    }

    #[track_caller]
    fn same_tree(pattern: &str) {
        assert_eq!(parse(pattern).ok(), regex_syntax::parse(pattern).ok(), "{pattern:?}");
    }

    #[test]
    fn a_repeated_part_is_read_once_and_gives_the_parsers_tree() {
        let gap = format!(r"\s+(?:{}\s+)*", words("officiellement"));
        let pattern =
            format!(r"(?i)\b(?:ont{gap}signé|a{gap}paraphé{gap}le|tenu{gap}à{gap}signer)\b");
        // The repetition in the gap, five times under (?i).
        assert_eq!(shared(&pattern), Some((1, 5)));
        // The tree is the lighter pattern's with the part put back, not a second reading.
        let mut tree = Parser::new().parse(&pattern).expect("valid");
        let taken = share(&mut tree, &pattern).expect("shared");
        let light = Translator::new().translate(&pattern, &tree).expect("translates");
        let parts: Vec<Hir> = taken.parts.iter().map(|p| parse(p).expect("valid")).collect();
        assert!(parts.iter().all(fits));
        let whole = substitute(light, &parts, taken.placeholders).expect("every placeholder");
        assert_eq!(Ok(whole), regex_syntax::parse(&pattern));
        same_tree(&pattern);
    }

    #[test]
    fn parts_are_shared_only_under_the_same_flags_and_without_groups() {
        let w = words("ensemble");
        // Under (?i) once and without it once: two parts, one placeholder each, not shared.
        assert_eq!(shared(&format!("a{w}b(?i){w}c")), None);
        // A flag set in one alternative holds in the next ones, as the parser reads it.
        let p = format!("x{w}(?i)y|{w}z|{w}");
        assert_eq!(shared(&p), Some((1, 2)));
        same_tree(&p);
        // A part holding a capture group is never shared.
        let captured = format!("(?:(a)|{})", &w[3..w.len() - 1]);
        assert_eq!(shared(&format!("{captured}x{captured}")), None);
        // Under (?-u) nothing is shared.
        assert_eq!(shared(&format!("(?-u){w}x{w}")), None);
    }

    #[test]
    fn parts_next_to_literals_alternatives_and_repetitions_give_the_parsers_tree() {
        let w = words("signé");
        let star = format!("(?:{w}\\s+)*");
        for pattern in [
            // Next to literals a merge would join, as a whole alternative, flattened into its
            // parent alternation, under a repetition, in groups and with greed swapped.
            format!("ab{w}cd{w}ef"),
            format!("{w}|{w}|x|y"),
            format!("(?:a{w}|a{w}b|a{star}c)"),
            format!("(?i)(?:le{star}|la{star})x{star}"),
            format!("(?U)a{star}b{star}?"),
            format!("(?P<n>{w}){w}(x{star}){star}"),
            format!(r"(?x) a {w} b {w}  # comment"),
            format!("(?s).{w}(?m)^{w}$"),
            format!("(?:{w}){{0}}{w}(?:{w}){{1}}"),
        ] {
            same_tree(&pattern);
        }
    }
}
