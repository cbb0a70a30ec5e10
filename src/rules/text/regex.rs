//! The one regex constructor every rule uses: the `regex` crate's matches, on its fast engines.
//!
//! French text defeats the `regex` crate's fast engines: a Unicode word boundary (`\b`) cannot be
//! run by the lazy DFA or the one-pass DFA on a haystack holding a non-ASCII byte (every "é"), so
//! each search of a pattern with a `\b` falls back to the PikeVM or the bounded backtracker, ten to
//! fifty times slower (issue 12). [`Regex`] keeps the pattern's exact meaning and finds candidates
//! with a *scan* regex whose word boundaries are ASCII ones:
//!
//! * a `\b` whose neighbour in the pattern can only be an ASCII letter, digit or `_` becomes
//!   `(?-u:\b)`; one whose neighbour can only be a non-ASCII word character ("é") becomes
//!   `(?-u:\B)`; a class mixing both (`(?i)s` is `[Ssſ]`) is split into alternatives;
//! * a `\b` whose neighbour is unknown (a class of non-word characters, an optional element ending
//!   the pattern) is dropped.
//!
//! Each replacement holds wherever the Unicode `\b` holds (the ASCII form only also holds next to
//! a non-ASCII letter: it sees a boundary between "é" and "f" in "préfet"), so every position
//! where the original pattern can start a match is one where the scan regex can: the scan regex
//! finds the leftmost candidate start, the original pattern, anchored there, confirms it (and
//! gives the match and its groups), or the scan goes on one character further. The results are
//! exactly the original pattern's, `find_iter` spans and groups included (tested on every
//! fixture), while the long walk over the text runs on the lazy DFA.
//!
//! A scan with a cue (a word such as "quartiers" or "signé") before its end is searched cut
//! after that cue ([`up_to_cue`]): its candidates are checked, anchored, on the whole scan's
//! forward lazy DFA before the pattern as written confirms them.
//!
//! Every pattern built is recorded ([`built`]) so that the equivalence test can replay all of
//! them. Rule files import this `Regex` instead of `regex::Regex`; a test rejects any source file
//! under `src/rules/` calling `regex::Regex::new` (see `tests` below).

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;
use std::ops::{Index, Range};
use std::panic::{RefUnwindSafe, UnwindSafe};
use std::sync::{Arc, LazyLock, Mutex, OnceLock};

use regex_automata::nfa::thompson::{self, WhichCaptures};
use regex_automata::util::captures::Captures as Slots;
use regex_automata::util::iter::Searcher;
use regex_automata::util::pool::Pool;
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input, MatchKind};
use regex_automata::{PatternID, PatternSet, hybrid, meta};
use regex_syntax::hir::{
    Capture, Class, ClassUnicode, ClassUnicodeRange, Hir, HirKind, Look, Repetition,
};

/// A compiled pattern with the `regex` crate's semantics (leftmost-first, Unicode), searched with
/// ASCII word boundaries and confirmed with the original pattern (see the module doc).
///
/// Nothing is parsed when the `Regex` is made: the pattern is parsed on its first search (most
/// rule patterns are reached by few documents, and a one-document run parsed hundreds it never
/// searched), and a pattern that does not parse panics there. Every pattern made is recorded
/// ([`built`]) and the equivalence test parses and compiles each of them.
#[derive(Clone)]
pub struct Regex {
    /// The pattern as written, shared with its engines (which parse it again when needed).
    pattern: Arc<str>,
    /// Shared by every `Regex` of the same pattern (several rules write the same one): it is
    /// parsed and compiled once.
    engines: Arc<OnceLock<Engines>>,
}

/// The engines of one pattern, made on its first search.
#[derive(Clone)]
struct Engines {
    /// The pattern as written: gives every reported match and group.
    exact: Engine,
    /// Present when the pattern has a Unicode word assertion: finds candidate starts.
    scan: Option<Engine>,
    /// Present when `scan` is cut after its cue ([`up_to_cue`]): the whole scan, which checks
    /// each candidate anchored on its forward lazy DFA before the pattern as written does.
    check: Option<Engine>,
    /// Whether the pattern has a Unicode word assertion.
    unicode_word: bool,
}

impl Engines {
    fn new(pattern: &Arc<str>) -> Result<Engines, regex::Error> {
        let hir = syntax_tree(pattern)?;
        let unicode_word = hir.properties().look_set().contains_word_unicode();
        let (scan, check) = match regex_scan(&hir) {
            None => (None, None),
            Some(light) => match up_to_cue(&light) {
                Some(cue) => (
                    Some(Engine::new(pattern.clone(), cue, Form::Scan, true)),
                    Some(Engine::new(pattern.clone(), light, Form::Check, false)),
                ),
                None => (Some(Engine::new(pattern.clone(), light, Form::Scan, true)), None),
            },
        };
        let exact = Engine::new(pattern.clone(), hir, Form::Exact, scan.is_none());
        Ok(Engines { exact, scan, check, unicode_word })
    }
}

/// The scan form of a pattern's tree (see [`convert`]) when the pattern has a Unicode word
/// assertion and the scan form has none left; `None` when the pattern as written is searched.
fn searched_scan(hir: &Hir) -> Option<Hir> {
    if !hir.properties().look_set().contains_word_unicode() {
        return None;
    }
    let (fast, _) = convert(hir);
    (!fast.properties().look_set().contains_word_unicode()).then_some(fast)
}

/// The scan a [`Regex`] searches: [`searched_scan`] made lighter ([`coarse`]). Only candidate
/// starts are asked of it, so a heavy element (a bounded repetition of a wide class unrolled a
/// hundred times, a list of adverbs repeated between every two words of fifty phrases) is
/// replaced by a light one that accepts more, and the pattern as written confirms each
/// candidate: the scan compiles, forwards and backwards, into a fraction of the states.
fn regex_scan(hir: &Hir) -> Option<Hir> {
    searched_scan(hir).map(coarse)
}

/// The shortest a cue ([`is_cue`]) may match, in bytes.
const CUE_BYTES: usize = 6;

/// The scan cut after its first cue, if it has one before its end: the elements of `hir` in
/// sequence up to the first that is a word or a list of words ([`is_cue`]: "quartiers",
/// "signé"), the rest dropped; each branch of an alternation cut alone. Every start of a match
/// of `hir` starts a match of the cut tree, so it finds every candidate `hir` finds, and more:
/// the whole scan checks each one anchored ([`Engines::check`]) before the pattern as written
/// does. The cut tree's automata, forwards and backwards, are a fraction of the whole scan's:
/// the lazy DFA's states made anew on each document's text, most of them in the long tail of a
/// pattern after its cue, were a fifth of a batch's instructions (issue 12). `None` when
/// nothing is cut, or when the whole scan can match the empty string (its check would then run
/// on the PikeVM, see [`Matcher`]).
fn up_to_cue(hir: &Hir) -> Option<Hir> {
    if hir.properties().minimum_len().is_none_or(|n| n == 0) {
        return None;
    }
    cut_after_cue(hir)
}

/// [`up_to_cue`] without its check of the empty match.
fn cut_after_cue(hir: &Hir) -> Option<Hir> {
    if let HirKind::Alternation(branches) = hir.kind() {
        let cut: Vec<Option<Hir>> = branches.iter().map(cut_after_cue).collect();
        if cut.iter().all(Option::is_none) {
            return None;
        }
        let branches = cut.into_iter().zip(branches).map(|(c, b)| c.unwrap_or_else(|| b.clone()));
        return Some(Hir::alternation(branches.collect()));
    }
    let mut items = Vec::new();
    sequence(hir, &mut items);
    let cue = items.iter().position(|i| is_cue(i))?;
    // The assertions right after the cue (its word boundary) are kept: they cost nothing and
    // keep "quartiersx" out.
    let looks = items[cue + 1..].iter().take_while(|i| matches!(i.kind(), HirKind::Look(_)));
    let end = cue + 1 + looks.count();
    (end < items.len()).then(|| Hir::concat(items[..end].iter().map(|&i| i.clone()).collect()))
}

/// The elements of `hir` in sequence, groups opened (a scan reports none) and nested
/// sequences flattened.
fn sequence<'h>(hir: &'h Hir, out: &mut Vec<&'h Hir>) {
    match hir.kind() {
        HirKind::Concat(items) => {
            for item in items {
                sequence(item, out);
            }
        }
        HirKind::Capture(c) => sequence(&c.sub, out),
        _ => out.push(hir),
    }
}

/// Whether `hir` is a word or a list of words (no repetition, classes of a few characters:
/// the case variants of a letter), each at least [`CUE_BYTES`] long, or written in one case
/// only and at least [`CASED_CUE_BYTES`] long ("QPV"): few places of a text start it.
fn is_cue(hir: &Hir) -> bool {
    fn few(ranges: impl Iterator<Item = u32>) -> bool {
        ranges.sum::<u32>() <= 4
    }
    /// Whether `hir` is made of literals and assertions, and of classes too when `classes`.
    fn wordlike(hir: &Hir, classes: bool) -> bool {
        match hir.kind() {
            HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => true,
            HirKind::Class(Class::Unicode(c)) => {
                classes
                    && few(c.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1))
            }
            HirKind::Class(Class::Bytes(c)) => {
                classes
                    && few(c.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1))
            }
            HirKind::Repetition(_) => false,
            HirKind::Capture(c) => wordlike(&c.sub, classes),
            HirKind::Concat(items) | HirKind::Alternation(items) => {
                items.iter().all(|i| wordlike(i, classes))
            }
        }
    }
    let long = |h: &Hir, n: usize| h.properties().minimum_len().is_some_and(|len| len >= n);
    match hir.kind() {
        HirKind::Alternation(branches) => branches.iter().all(is_cue),
        HirKind::Capture(c) => is_cue(&c.sub),
        _ => {
            (long(hir, CUE_BYTES) && wordlike(hir, true))
                || (long(hir, CASED_CUE_BYTES) && wordlike(hir, false))
        }
    }
}

/// The shortest a cue written in one case only may match, in bytes.
const CASED_CUE_BYTES: usize = 3;

/// A rough count of the NFA states `hir` compiles to (a bounded repetition is unrolled; a wide
/// class counts as a few states), up to `HEAVY + 1`: [`coarse`] only asks whether a weight
/// passes [`HEAVY`], so the count stops there instead of walking the whole tree at every level
/// of it (a long list of phrases was walked once per level, a tenth of a pattern's preparation).
fn weight(hir: &Hir) -> usize {
    const CAP: usize = HEAVY + 1;
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => 1,
        HirKind::Literal(lit) => lit.0.len().min(CAP),
        HirKind::Class(Class::Unicode(c)) => 1 + c.ranges().len().min(8),
        HirKind::Class(Class::Bytes(c)) => 1 + c.ranges().len().min(8),
        HirKind::Repetition(r) => {
            let copies = r.max.unwrap_or(r.min).max(1);
            weight(&r.sub).saturating_mul(usize::try_from(copies).unwrap_or(usize::MAX)).min(CAP)
        }
        HirKind::Capture(c) => weight(&c.sub),
        HirKind::Concat(items) | HirKind::Alternation(items) => {
            let mut sum = 0;
            for item in items {
                sum += weight(item);
                if sum >= CAP {
                    return CAP;
                }
            }
            sum
        }
    }
}

/// The weight (see [`weight`]) from which a repeated element is read as a run of its
/// characters, and from which a bounded repetition loses its upper bound.
const HEAVY: usize = 64;

/// A tree that matches wherever `hir` matches, and may match more, lighter to compile:
/// a repetition of a heavy element (`(?:adverb\s+)*`) becomes a run of the characters that
/// element can consume (`[\s'a-zé…]*`); a bounded repetition whose unrolled copies are heavy
/// (`[^.;]{0,100}`) loses its upper bound. Assertions inside a replaced element are dropped
/// (they only restrict), so every match of `hir` is a match of the result.
fn coarse(hir: Hir) -> Hir {
    if weight(&hir) <= HEAVY {
        return hir;
    }
    match hir.into_kind() {
        HirKind::Repetition(r) => {
            let min = if r.sub.properties().minimum_len() == Some(0) { 0 } else { r.min.min(1) };
            if weight(&r.sub) > HEAVY
                && let Some(chars) = characters(&r.sub)
            {
                let run = Hir::class(Class::Unicode(chars));
                return Hir::repetition(Repetition {
                    min,
                    max: None,
                    greedy: r.greedy,
                    sub: Box::new(run),
                });
            }
            let sub = coarse(*r.sub);
            let max = if weight(&sub).saturating_mul(r.max.unwrap_or(0) as usize) > HEAVY {
                None
            } else {
                r.max
            };
            let min = if max.is_none() { r.min.min(1) } else { r.min };
            Hir::repetition(Repetition { min, max, greedy: r.greedy, sub: Box::new(sub) })
        }
        HirKind::Capture(c) => Hir::capture(Capture { sub: Box::new(coarse(*c.sub)), ..c }),
        HirKind::Concat(items) => Hir::concat(items.into_iter().map(coarse).collect()),
        HirKind::Alternation(alts) => Hir::alternation(alts.into_iter().map(coarse).collect()),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Empty => Hir::empty(),
    }
}

/// Every character `hir` can consume, as one class; `None` for a byte class.
fn characters(hir: &Hir) -> Option<ClassUnicode> {
    let mut chars = Characters { low: [0; LOW_WORDS], high: Vec::new(), wide: Vec::new() };
    chars.collect(hir)?;
    Some(chars.class())
}

/// How many 64-bit words [`Characters`] keeps: the characters below U+0800 (two UTF-8 bytes).
const LOW_WORDS: usize = 32;

/// The characters of a tree being collected: those below U+0800 (the letters of French and
/// their case variants, met many times over in a list of words) as a set of bits, the others
/// as ranges. Sorting and merging every copy of every letter as a range cost more than the rest
/// of the scan's preparation. A class reaching past U+0800 is gathered once however many
/// times the tree holds it (a pattern writes `\p{L}` and its hundreds of ranges ten times).
struct Characters<'h> {
    low: [u64; LOW_WORDS],
    high: Vec<ClassUnicodeRange>,
    /// The classes reaching past U+0800 gathered so far.
    wide: Vec<&'h ClassUnicode>,
}

impl<'h> Characters<'h> {
    fn add(&mut self, start: char, end: char) {
        let limit = LOW_WORDS as u32 * 64;
        let (lo, hi) = (u32::from(start), u32::from(end));
        // The low part of the range, a word of bits at a time (a class of a Unicode pattern
        // spans hundreds of characters: `\s`, `[^.;]`).
        let mut c = lo;
        while c <= hi.min(limit - 1) {
            let last = hi.min(limit - 1).min(c | 63);
            let bits = last - c + 1;
            let mask = if bits == 64 { u64::MAX } else { ((1u64 << bits) - 1) << (c % 64) };
            self.low[(c / 64) as usize] |= mask;
            c = last + 1;
        }
        if hi >= limit {
            let from = char::from_u32(lo.max(limit)).unwrap_or(start);
            self.high.push(ClassUnicodeRange::new(from, end));
        }
    }

    fn collect(&mut self, hir: &'h Hir) -> Option<()> {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => {}
            HirKind::Literal(lit) => {
                for c in std::str::from_utf8(&lit.0).ok()?.chars() {
                    self.add(c, c);
                }
            }
            HirKind::Class(Class::Unicode(c)) => {
                let limit = LOW_WORDS as u32 * 64;
                if c.ranges().last().is_some_and(|r| u32::from(r.end()) >= limit) {
                    if self.wide.contains(&c) {
                        return Some(());
                    }
                    self.wide.push(c);
                }
                for r in c.iter() {
                    self.add(r.start(), r.end());
                }
            }
            HirKind::Class(Class::Bytes(_)) => return None,
            HirKind::Repetition(r) => self.collect(&r.sub)?,
            HirKind::Capture(c) => self.collect(&c.sub)?,
            HirKind::Concat(items) | HirKind::Alternation(items) => {
                for item in items {
                    self.collect(item)?;
                }
            }
        }
        Some(())
    }

    /// The class of every character collected: the low ones as their runs, in order, then the
    /// high ranges sorted and merged. The list given to the class is already canonical, so it
    /// is not sorted again, range by range (which cost most of the scan's preparation of a
    /// list of words).
    fn class(mut self) -> ClassUnicode {
        let mut ranges: Vec<ClassUnicodeRange> = Vec::new();
        let mut run: Option<(u32, u32)> = None;
        for (w, &word) in self.low.iter().enumerate() {
            let mut bits = word;
            let base = w as u32 * 64;
            while bits != 0 {
                let first = bits.trailing_zeros();
                let len = (!(bits >> first)).trailing_zeros();
                let (a, b) = (base + first, base + first + len - 1);
                run = match run {
                    Some((s, e)) if e + 1 == a => Some((s, b)),
                    Some((s, e)) => {
                        ranges.extend(low_range(s, e));
                        Some((a, b))
                    }
                    None => Some((a, b)),
                };
                bits = if first + len >= 64 { 0 } else { bits & !(((1u64 << len) - 1) << first) };
            }
        }
        if let Some((s, e)) = run {
            ranges.extend(low_range(s, e));
        }
        // The high ranges, sorted and merged: a pattern writing `\p{L}` ten times gives each
        // of its hundreds of ranges ten times.
        self.high.sort_unstable_by_key(|r| (r.start(), r.end()));
        for r in self.high {
            match ranges.last_mut() {
                Some(last) if u32::from(r.start()) <= u32::from(last.end()) + 1 => {
                    if r.end() > last.end() {
                        *last = ClassUnicodeRange::new(last.start(), r.end());
                    }
                }
                _ => ranges.push(r),
            }
        }
        ClassUnicode::new(ranges)
    }
}

/// The range of the low characters `s..=e` (below U+0800: every one is a `char`).
fn low_range(s: u32, e: u32) -> Option<ClassUnicodeRange> {
    Some(ClassUnicodeRange::new(char::from_u32(s)?, char::from_u32(e)?))
}

impl fmt::Debug for Regex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Regex").field(&self.pattern).finish()
    }
}

/// What the conversion did to one pattern's Unicode word assertions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Conversion {
    /// Unicode word assertions in the pattern.
    pub unicode: usize,
    /// Replaced by an ASCII assertion chosen from the neighbouring element.
    pub ascii: usize,
    /// Of those, replaced with the same meaning whatever the text (both neighbours known).
    pub exact: usize,
    /// Dropped (the neighbour could not tell): the scan regex accepts more there.
    pub dropped: usize,
}

/// A pattern compiled on its first search: most rule patterns run only on some documents (a
/// one-document run compiled all of them at start-up), and a confirming pattern runs only where
/// its scan pattern found a candidate.
///
/// Each pattern has two compiled forms. The *small* one has every Unicode class cut down to the
/// characters French text is written with ([`KEPT`]); on a haystack made only of those
/// characters it matches exactly as the whole pattern does (a class can only consume a character
/// of the haystack, and the cut keeps every such character it held), with automata several
/// times smaller: a Unicode `\w` or `\p{L}` spans hundreds of ranges in three- and four-byte
/// UTF-8, which the compiler, the lazy DFA's states and the PikeVM's tables all pay for. A
/// haystack holding any other character (an arrow, a CJK or mathematical letter, an emoji) is
/// searched with the whole pattern.
///
/// A syntax tree is only kept until its form is compiled (up to hundreds of kilobytes for a
/// case-insensitive pattern, tens of megabytes in all): the small form's is made with the
/// `Regex` and dropped once compiled, the whole one is parsed again from the pattern if a
/// haystack ever needs it.
struct Engine {
    pattern: Arc<str>,
    /// Which form of the pattern this is.
    form: Form,
    /// Whether the small form differs from the whole one: false when every class of the
    /// pattern already lies in [`KEPT`], and then one compiled form serves every haystack.
    /// Decided on the first compile: the pattern as written of a scanned pattern is only
    /// compiled once a candidate is found, and most documents give none to most patterns.
    cut: OnceLock<bool>,
    /// The syntax tree of the engine until the first compile asks for it, cut down to the
    /// small form's then if `cut` (see [`Engine::first`]).
    first_hir: Mutex<Option<Hir>>,
    /// Whether unanchored searches run on it (else only anchored confirmations).
    unanchored: bool,
    compiled: OnceLock<meta::Regex>,
    small: OnceLock<meta::Regex>,
    /// The forward lazy DFAs that answer [`Regex::is_match`] for a pattern searched as written
    /// (whole form, small form): see [`Matcher`].
    matchers: [OnceLock<Option<Matcher>>; 2],
}

impl Clone for Engine {
    fn clone(&self) -> Engine {
        let first_hir = self.first_hir.lock().ok().and_then(|h| h.clone());
        Engine {
            pattern: self.pattern.clone(),
            form: self.form,
            cut: self.cut.clone(),
            first_hir: Mutex::new(first_hir),
            unanchored: self.unanchored,
            compiled: self.compiled.clone(),
            small: self.small.clone(),
            matchers: self.matchers.clone(),
        }
    }
}

impl Engine {
    fn new(pattern: Arc<str>, hir: Hir, form: Form, unanchored: bool) -> Engine {
        Engine {
            pattern,
            form,
            cut: OnceLock::new(),
            first_hir: Mutex::new(Some(hir)),
            unanchored,
            compiled: OnceLock::new(),
            small: OnceLock::new(),
            matchers: [OnceLock::new(), OnceLock::new()],
        }
    }

    /// The whole syntax tree of this engine.
    fn hir(&self) -> Hir {
        whole_hir(&self.pattern, self.form)
    }

    /// The syntax tree kept for the first compiled form, taken.
    fn take_first(&self) -> Option<Hir> {
        self.first_hir.lock().ok().and_then(|mut h| h.take())
    }

    /// Whether the small form differs from the whole one, the kept tree being cut down to the
    /// small form's on the first call (see [`cut`]).
    fn is_cut(&self) -> bool {
        *self.cut.get_or_init(|| {
            let Ok(mut kept) = self.first_hir.lock() else { return cut(self.hir()).1 };
            let (first, changed) = cut(kept.take().unwrap_or_else(|| self.hir()));
            *kept = Some(first);
            changed
        })
    }

    /// Whether the pattern matches in `input` (searched unanchored, as written: no scan form),
    /// on the forward lazy DFA alone when it can tell (see [`Matcher`]), else on the compiled
    /// form.
    fn is_match(&self, input: Input<'_>, small: bool) -> bool {
        let cut = self.is_cut();
        let matcher = self.matchers[usize::from(small && cut)].get_or_init(|| {
            let hir = if !cut || !small {
                // The compiled form may have the kept tree yet: it is parsed again if needed.
                if cut { self.hir() } else { self.take_first().unwrap_or_else(|| self.hir()) }
            } else {
                self.take_first().unwrap_or_else(|| shrink(self.hir()))
            };
            Matcher::build(&hir)
        });
        match matcher.as_ref().and_then(|m| m.is_match(&input)) {
            Some(found) => found,
            None => self.get(small).is_match(input),
        }
    }

    /// The compiled form for haystacks made only of [`KEPT`] characters (`small`) or for any.
    fn get(&self, small: bool) -> &meta::Regex {
        // Building only fails past the size limits, which a parsed rule pattern never reaches:
        // the equivalence test builds every rule pattern.
        let build = |hir: &Hir| match build_with(hir, self.unanchored, self.form != Form::Exact) {
            Ok(re) => re,
            Err(e) => panic!("a rule pattern does not compile: {e}"),
        };
        if !self.is_cut() {
            self.compiled.get_or_init(|| build(&self.take_first().unwrap_or_else(|| self.hir())))
        } else if small {
            self.small
                .get_or_init(|| build(&self.take_first().unwrap_or_else(|| shrink(self.hir()))))
        } else {
            self.compiled.get_or_init(|| build(&self.hir()))
        }
    }
}

/// A pattern's forward lazy DFA, for [`Regex::is_match`] on a pattern searched as written (one
/// without a scan form). Whether a pattern matches needs no match start, no groups: the
/// `regex` crate's engines compile, besides the forward automaton, a reverse one and the
/// groups' states, which `is_match` never uses; a pattern only ever asked `is_match` (the
/// boilerplate lines, the tests of a word in a window) compiles about half as much. A pattern
/// that can match the empty string gets none (the `regex` crate does not report an empty match
/// inside a character, which the lazy DFA alone could).
struct Matcher {
    dfa: hybrid::dfa::DFA,
    /// Whether every match starts at the start of the text (`^`): the search is then
    /// anchored there, not walked through the whole text.
    anchored: bool,
    /// One cache per thread searching at a time, taken without a lock by the thread that
    /// made the pool (a candidate's check is asked thousands of times a document).
    caches: Pool<hybrid::dfa::Cache, CacheFn>,
}

/// How a [`Matcher`] makes a cache.
type CacheFn = Box<dyn Fn() -> hybrid::dfa::Cache + Send + Sync + UnwindSafe + RefUnwindSafe>;

fn cache_pool(dfa: &hybrid::dfa::DFA) -> Pool<hybrid::dfa::Cache, CacheFn> {
    let dfa = dfa.clone();
    Pool::new(Box::new(move || dfa.create_cache()))
}

impl Clone for Matcher {
    fn clone(&self) -> Matcher {
        Matcher { dfa: self.dfa.clone(), anchored: self.anchored, caches: cache_pool(&self.dfa) }
    }
}

/// An NFA compiler for automata asked only whether and which patterns match: no capture
/// states, no shrinking (it only pays for reverse automata), at most `size_limit` bytes.
fn capture_free_compiler(size_limit: usize) -> thompson::Compiler {
    let mut compiler = thompson::Compiler::new();
    compiler
        .configure(
            thompson::Config::new()
                .nfa_size_limit(Some(size_limit))
                .which_captures(WhichCaptures::None)
                .shrink(false),
        )
        .syntax(syntax_config());
    compiler
}

impl Matcher {
    fn build(hir: &Hir) -> Option<Matcher> {
        if hir.properties().minimum_len().is_none_or(|n| n == 0) {
            return None;
        }
        let nfa = capture_free_compiler(10 * (1 << 20)).build_from_hir(hir).ok()?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::DFA::config()
                    .match_kind(MatchKind::LeftmostFirst)
                    .cache_capacity(2 * (1 << 20))
                    .minimum_cache_clear_count(Some(3))
                    .minimum_bytes_per_state(Some(10)),
            )
            .build_from_nfa(nfa)
            .ok()?;
        let anchored = hir.properties().look_set_prefix().contains(Look::Start);
        let caches = cache_pool(&dfa);
        Some(Matcher { dfa, anchored, caches })
    }

    /// Whether the pattern matches in `input`; `None` when the lazy DFA gives up.
    fn is_match(&self, input: &Input<'_>) -> Option<bool> {
        let mut cache = self.caches.get();
        let mut input = input.clone().earliest(true);
        if self.anchored {
            input.set_anchored(Anchored::Yes);
        }
        self.dfa.try_search_fwd(&mut cache, &input).ok().map(|m| m.is_some())
    }
}

/// The characters the small engines know: Latin with its accents, the IPA and modifier letters
/// and the combining accents (U+0000–036F), the general punctuation (dashes, quotes, "…",
/// bullets, the narrow no-break space), currency signs ("€"), arrows, box drawing, geometric
/// shapes, symbols and dingbats (list bullets), the private use area (PDF bullets) and the
/// replacement character: every character of the 129 documents of our corpora (fixtures,
/// seeds, dev, real pages). Greek, Cyrillic or CJK letters, letter-like symbols and emoji send a
/// haystack to the whole patterns; each script left out makes the small automata of `\w` and
/// `\p{L}` smaller.
const KEPT: [(char, char); 7] = [
    ('\0', '\u{36F}'),
    ('\u{2000}', '\u{206F}'),
    ('\u{20A0}', '\u{20CF}'),
    ('\u{2190}', '\u{21FF}'),
    ('\u{2500}', '\u{27BF}'),
    ('\u{E000}', '\u{F8FF}'),
    ('\u{FFFD}', '\u{FFFD}'),
];

fn kept(c: u32) -> bool {
    KEPT.iter().any(|&(lo, hi)| (lo as u32..=hi as u32).contains(&c))
}

/// Whether every character of `hay` is one of [`KEPT`]: one pass over the bytes, decoding only
/// the characters from U+0340 on (lead byte 0xCD and above; French accented letters are below).
fn all_kept(hay: &[u8]) -> bool {
    let mut at = 0;
    while let Some(off) = hay.get(at..).and_then(first_lead_from_cd) {
        at += off;
        let (c, width) = match hay[at..] {
            [b0 @ 0xCD..=0xDF, b1, ..] => ((u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F), 2),
            [b0 @ 0xE0..=0xEF, b1, b2, ..] => (
                (u32::from(b0 & 0x0F) << 12) | (u32::from(b1 & 0x3F) << 6) | u32::from(b2 & 0x3F),
                3,
            ),
            _ => return false,
        };
        if !kept(c) {
            return false;
        }
        at += width;
    }
    true
}

/// The position of the first byte 0xCD or above in `bytes`, eight bytes at a time: every rule
/// search asks [`all_kept`] of its whole haystack, and a byte-by-byte walk over every text cost
/// as much as a tenth of a batch. A byte `b` is 0xCD or above when its high bit is set and its
/// low seven bits plus 0x33 reach 0x80 (0x4D + 0x33); the sum of a byte's low seven bits and 0x33
/// is at most 0xB2, so no carry crosses into the next byte of the word.
fn first_lead_from_cd(bytes: &[u8]) -> Option<usize> {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const ADD: u64 = 0x3333_3333_3333_3333;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    for (i, chunk) in chunks.by_ref().enumerate() {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        let found = ((w & LOW7) + ADD) & w & HIGH;
        if found != 0 {
            return Some(i * 8 + found.trailing_zeros() as usize / 8);
        }
    }
    let tail = bytes.len() - chunks.remainder().len();
    chunks.remainder().iter().position(|&b| b >= 0xCD).map(|p| tail + p)
}

/// Whether every character of `hay` from byte `start` on is one of [`KEPT`]: a search from
/// `start` only consumes those (what is before it is only looked at by word assertions, which
/// do not depend on the cut).
fn all_kept_from(hay: &str, start: usize) -> bool {
    all_kept(hay.as_bytes().get(start..).unwrap_or_default())
}

/// `hir` with every Unicode class cut down to [`KEPT`] (see [`Engine`]).
fn shrink(hir: Hir) -> Hir {
    cut(hir).0
}

/// `hir` with every Unicode class cut down to [`KEPT`], and whether any class reached outside
/// it (most case-insensitive words do not: `(?i)é` is `[Éé]`). Only the parts holding such a
/// class are taken apart and rebuilt; the others (most of a long list of cue words) are moved
/// whole, never copied nor rebuilt.
fn cut(hir: Hir) -> (Hir, bool) {
    if within_kept(&hir) {
        return (hir, false);
    }
    static KEPT_CLASS: LazyLock<ClassUnicode> = LazyLock::new(|| {
        ClassUnicode::new(KEPT.iter().map(|&(lo, hi)| ClassUnicodeRange::new(lo, hi)))
    });
    let many = |items: Vec<Hir>| -> (Vec<Hir>, bool) {
        let mut changed = false;
        let items = items
            .into_iter()
            .map(|h| {
                let (h, c) = cut(h);
                changed |= c;
                h
            })
            .collect();
        (items, changed)
    };
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) if !class_within_kept(&class) => {
            let mut small = class;
            small.intersect(&KEPT_CLASS);
            (Hir::class(Class::Unicode(small)), true)
        }
        HirKind::Capture(c) => {
            let (sub, changed) = cut(*c.sub);
            (Hir::capture(Capture { sub: Box::new(sub), ..c }), changed)
        }
        HirKind::Repetition(r) => {
            let (sub, changed) = cut(*r.sub);
            (Hir::repetition(Repetition { sub: Box::new(sub), ..r }), changed)
        }
        HirKind::Alternation(alts) => {
            let (alts, changed) = many(alts);
            (Hir::alternation(alts), changed)
        }
        HirKind::Concat(items) => {
            let (items, changed) = many(items);
            (Hir::concat(items), changed)
        }
        HirKind::Class(class) => (Hir::class(class), false),
        HirKind::Literal(lit) => (Hir::literal(lit.0), false),
        HirKind::Look(look) => (Hir::look(look), false),
        HirKind::Empty => (Hir::empty(), false),
    }
}

/// Whether every Unicode class of `hir` lies in [`KEPT`] (then [`cut`] leaves it as it is).
fn within_kept(hir: &Hir) -> bool {
    match hir.kind() {
        HirKind::Class(Class::Unicode(class)) => class_within_kept(class),
        HirKind::Capture(c) => within_kept(&c.sub),
        HirKind::Repetition(r) => within_kept(&r.sub),
        HirKind::Alternation(items) | HirKind::Concat(items) => items.iter().all(within_kept),
        HirKind::Class(Class::Bytes(_))
        | HirKind::Literal(_)
        | HirKind::Look(_)
        | HirKind::Empty => true,
    }
}

fn class_within_kept(class: &ClassUnicode) -> bool {
    class.ranges().iter().all(|r| KEPT.iter().any(|&(lo, hi)| lo <= r.start() && r.end() <= hi))
}

/// Every pattern made so far in this process, with its engines, made once.
static BUILT: LazyLock<Mutex<BTreeMap<String, Arc<OnceLock<Engines>>>>> =
    LazyLock::new(Mutex::default);

/// Every pattern built through [`Regex::new`] so far in this process, sorted.
pub fn built() -> Vec<String> {
    BUILT.lock().map(|b| b.keys().cloned().collect()).unwrap_or_default()
}

fn syntax_config() -> syntax::Config {
    syntax::Config::new().utf8(true)
}

/// The engine configuration of `regex::Regex::new`.
///
/// Without `unanchored`, for a pattern only searched anchored at a candidate start:
/// no lazy DFA (a Unicode word boundary stops it on French text anyway), no full DFA, and so no
/// reverse automaton (the `regex` crate builds one whenever either DFA is on, even one it then
/// does not use: turning the full DFA off too took a tenth of a one-document run's
/// instructions, 2.07 -> 1.87 G), which halves the compile time of a rule pattern; and no
/// bounded backtracker,
/// whose visited set (up to 256 KiB per pattern and thread) cost 25 MiB of a two-thread batch
/// for no speed: the one-pass DFA or the PikeVM confirms a candidate as fast.
///
/// A `scan` form only finds where candidates start: it keeps no group but the whole match (fewer
/// NFA states to compile and to walk), and gets no literal prefilter. Extracting the literals of
/// a scan form (mostly case-insensitive alternations of cue words) cost a tenth of a
/// one-document run's instructions, more than the prefilter then saved over a batch: without
/// it the lazy DFA walks the text (one document 2.34 -> 2.11 G instructions, a batch of 195
/// 8.30 -> 7.94 G). Patterns without a Unicode word assertion keep theirs.
fn build_with(hir: &Hir, unanchored: bool, scan: bool) -> Result<meta::Regex, regex::Error> {
    let captures = if scan { WhichCaptures::Implicit } else { WhichCaptures::All };
    let config = meta::Config::new()
        .nfa_size_limit(Some(10 * (1 << 20)))
        .hybrid_cache_capacity(2 * (1 << 20))
        .match_kind(MatchKind::LeftmostFirst)
        .utf8_empty(true)
        .hybrid(unanchored)
        .dfa(unanchored)
        .auto_prefilter(unanchored && !scan)
        .backtrack(unanchored)
        .which_captures(captures);
    meta::Builder::new().configure(config).syntax(syntax_config()).build_from_hir(hir).map_err(
        |e| match e.size_limit() {
            Some(limit) => regex::Error::CompiledTooBig(limit),
            None => regex::Error::Syntax(e.to_string()),
        },
    )
}

/// The whole syntax tree of a pattern parsed once already, in one of its forms.
fn whole_hir(pattern: &str, form: Form) -> Hir {
    let hir = syntax_tree(pattern).unwrap_or_else(|e| panic!("a rule pattern parsed once: {e}"));
    if form == Form::Exact {
        return hir;
    }
    let light = regex_scan(&hir).unwrap_or_else(|| convert(&hir).0);
    match form {
        Form::Scan => up_to_cue(&light).unwrap_or(light),
        _ => light,
    }
}

/// The forms of a pattern an [`Engine`] compiles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Form {
    /// The pattern as written.
    Exact,
    /// The scan that finds candidate starts (see [`convert`], [`coarse`], [`up_to_cue`]).
    Scan,
    /// The whole scan, when the scan is cut after its cue: checks a candidate anchored.
    Check,
}

/// The syntax tree the engines of `pattern` are built from: the meaning `regex::Regex::new`
/// gives it (a test checks it is the `regex` crate's own tree), parsed without folding its
/// Unicode property classes at each occurrence (see `fold.rs`).
pub fn syntax_tree(pattern: &str) -> Result<Hir, regex::Error> {
    super::fold::parse(pattern)
}

impl Regex {
    /// Compiles `pattern` with the syntax and meaning of `regex::Regex::new`.
    ///
    /// The pattern is parsed on its first search (see [`Regex`]); this never fails.
    pub fn new(pattern: &str) -> Result<Regex, regex::Error> {
        let engines = match BUILT.lock() {
            Ok(mut b) => b.entry(pattern.to_owned()).or_default().clone(),
            Err(_) => Arc::default(),
        };
        Ok(Regex { pattern: Arc::from(pattern), engines })
    }

    fn engines(&self) -> &Engines {
        self.engines.get_or_init(|| match Engines::new(&self.pattern) {
            Ok(engines) => engines,
            Err(e) => panic!("a rule pattern does not parse: {e}"),
        })
    }

    /// The pattern as written.
    pub fn as_str(&self) -> &str {
        &self.pattern
    }

    /// Whether the leftmost candidates are found on a fast engine (no Unicode word assertion
    /// left in the scan regex, or none in the pattern).
    pub fn is_fast(&self) -> bool {
        let e = self.engines();
        e.scan.is_some() || !e.unicode_word
    }

    /// The leftmost start in `input` where the pattern matches, with `confirm` run on the
    /// pattern anchored there (it returns whether it matched).
    fn leftmost(
        &self,
        input: &Input<'_>,
        small: bool,
        mut confirm: impl FnMut(&Input<'_>) -> bool,
    ) -> bool {
        let Some(scan) = &self.engines().scan else {
            return confirm(input);
        };
        let scan = scan.get(small);
        let hay = input.haystack();
        let mut at = input.start();
        while at <= input.end() {
            let span = input.clone().span(at..input.end()).earliest(false);
            let Some(candidate) = scan.search(&span) else {
                return false;
            };
            let start = candidate.start();
            let anchored = input.clone().span(start..input.end()).anchored(Anchored::Yes);
            let checked = self
                .engines()
                .check
                .as_ref()
                .is_none_or(|check| check.is_match(anchored.clone().earliest(true), small));
            if checked && confirm(&anchored) {
                return true;
            }
            // A candidate start is always a character boundary: step over that character.
            at = start + hay.get(start).map_or(1, |&b| utf8_width(b));
        }
        false
    }

    fn search(&self, input: &Input<'_>, small: bool) -> Option<regex_automata::Match> {
        let mut found = None;
        self.leftmost(input, small, |i| {
            found = self.engines().exact.get(small).search(i);
            found.is_some()
        });
        found
    }

    /// Whether the pattern matches in `input`, its groups then in `slots`. The slots are made
    /// on the first candidate, so a scanned pattern that finds none never compiles the pattern
    /// as written.
    fn search_slots(&self, input: &Input<'_>, small: bool, slots: &mut Option<Slots>) -> bool {
        self.leftmost(input, small, |i| {
            let exact = self.engines().exact.get(small);
            let slots = slots.get_or_insert_with(|| exact.create_captures());
            exact.search_captures(i, slots);
            slots.is_match()
        })
    }

    /// Whether the pattern matches somewhere in `hay`.
    pub fn is_match(&self, hay: &str) -> bool {
        let input = Input::new(hay).earliest(true);
        let small = all_kept(hay.as_bytes());
        match &self.engines().scan {
            None => self.engines().exact.is_match(input, small),
            Some(_) => self
                .leftmost(&input, small, |i| self.engines().exact.get(small).is_match(i.clone())),
        }
    }

    /// The leftmost-first match in `hay`.
    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.find_at(hay, 0)
    }

    /// The leftmost-first match in `hay` starting at or after `start` (assertions see the text
    /// before `start`).
    pub fn find_at<'h>(&self, hay: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(hay).span(start..hay.len());
        self.search(&input, all_kept_from(hay, start)).map(|m| Match::new(hay, m.range()))
    }

    /// The match that starts exactly at byte `start` of `hay`, if any (assertions see the text
    /// before `start`): what the pattern opened with `^` finds when `start` is 0, so one
    /// compiled pattern serves both the search for a word anywhere and the test for it at a
    /// given place. The scan form, where there is one, rejects most places without running the
    /// pattern as written (it accepts wherever the pattern can start a match).
    pub fn find_anchored<'h>(&self, hay: &'h str, start: usize) -> Option<Match<'h>> {
        let small = all_kept_from(hay, start);
        let input = Input::new(hay).span(start..hay.len()).anchored(Anchored::Yes);
        if let Some(scan) = &self.engines().scan {
            scan.get(small).search(&input.clone().earliest(true))?;
        }
        self.engines().exact.get(small).search(&input).map(|m| Match::new(hay, m.range()))
    }

    /// Every successive non-overlapping match in `hay`.
    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> Matches<'r, 'h> {
        Matches {
            re: self,
            hay,
            small: all_kept(hay.as_bytes()),
            it: Searcher::new(Input::new(hay)),
        }
    }

    /// The groups of the leftmost-first match in `hay`.
    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        self.captures_at(hay, 0)
    }

    /// The groups of the leftmost-first match starting at or after `start`.
    pub fn captures_at<'h>(&self, hay: &'h str, start: usize) -> Option<Captures<'h>> {
        let small = all_kept_from(hay, start);
        let mut slots = None;
        if !self.search_slots(&Input::new(hay).span(start..hay.len()), small, &mut slots) {
            return None;
        }
        slots.map(|slots| Captures { hay, slots })
    }

    /// The groups of every successive non-overlapping match in `hay`.
    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> CaptureMatches<'r, 'h> {
        let small = all_kept(hay.as_bytes());
        CaptureMatches { re: self, hay, small, it: Searcher::new(Input::new(hay)) }
    }

    /// The number of groups, the whole match included.
    pub fn captures_len(&self) -> usize {
        // Both forms have the same groups; the small one is the cheaper to build.
        self.engines().exact.get(true).captures_len()
    }

    /// The pieces of `hay` between the matches.
    pub fn split<'r, 'h>(&'r self, hay: &'h str) -> Split<'r, 'h> {
        Split { hay, finder: self.find_iter(hay), last: 0 }
    }

    /// `hay` with its first match replaced by `rep` (`$name` and `$1` expand to groups).
    pub fn replace<'h>(&self, hay: &'h str, rep: &str) -> Cow<'h, str> {
        self.replacen(hay, 1, rep)
    }

    /// `hay` with every match replaced by `rep` (`$name` and `$1` expand to groups).
    pub fn replace_all<'h>(&self, hay: &'h str, rep: &str) -> Cow<'h, str> {
        self.replacen(hay, 0, rep)
    }

    /// `hay` with its first `limit` matches (all when `limit` is 0) replaced by `rep`.
    pub fn replacen<'h>(&self, hay: &'h str, limit: usize, rep: &str) -> Cow<'h, str> {
        let mut out = String::new();
        let mut last = 0;
        let mut any = false;
        for (i, caps) in self.captures_iter(hay).enumerate() {
            if limit > 0 && i >= limit {
                break;
            }
            any = true;
            let whole = caps.range();
            out.push_str(&hay[last..whole.start]);
            caps.slots.interpolate_string_into(hay, rep, &mut out);
            last = whole.end;
        }
        if !any {
            return Cow::Borrowed(hay);
        }
        out.push_str(&hay[last..]);
        Cow::Owned(out)
    }
}

/// Which of many patterns may match a text, found in one pass over it: a rule that runs a long
/// list of patterns (one per name of a gazetteer) asks first, then runs only those that may
/// match. Never false where the pattern matches (the scan forms are searched).
pub struct AnyOf {
    /// The patterns, parsed only when a set is built (their scan forms are searched where
    /// they have one).
    sources: Vec<Arc<str>>,
    compiled: OnceLock<Option<Set>>,
    /// The same set with its classes cut down to [`KEPT`] (see [`Engine`]).
    small: OnceLock<Option<Set>>,
}

/// The patterns of an [`AnyOf`] as one forward lazy DFA, with its caches (one per thread
/// searching at a time). Only which patterns match is asked, never where: no reverse
/// automaton, capture states or literal prefilter to build, which the `meta` engine would.
struct Set {
    dfa: hybrid::dfa::DFA,
    caches: Mutex<Vec<hybrid::dfa::Cache>>,
}

impl Set {
    fn build(hirs: &[Hir]) -> Option<Set> {
        let nfa = capture_free_compiler(64 * (1 << 20)).build_many_from_hir(hirs).ok()?;
        let dfa = hybrid::dfa::DFA::builder()
            .configure(
                hybrid::dfa::DFA::config()
                    .match_kind(MatchKind::All)
                    .cache_capacity(16 * (1 << 20))
                    .unicode_word_boundary(true),
            )
            .build_from_nfa(nfa)
            .ok()?;
        Some(Set { dfa, caches: Mutex::default() })
    }

    /// Which patterns match in `hay`; `None` when the lazy DFA gives up (a Unicode word
    /// boundary next to a non-ASCII character, or a cache too often cleared).
    fn which(&self, hay: &str) -> Option<PatternSet> {
        let mut cache = self
            .caches
            .lock()
            .ok()
            .and_then(|mut c| c.pop())
            .unwrap_or_else(|| self.dfa.create_cache());
        let mut found = PatternSet::new(self.dfa.pattern_len());
        let searched =
            self.dfa.try_which_overlapping_matches(&mut cache, &Input::new(hay), &mut found);
        if let Ok(mut caches) = self.caches.lock() {
            caches.push(cache);
        }
        searched.ok().map(|()| found)
    }
}

impl AnyOf {
    pub fn new<'a>(patterns: impl IntoIterator<Item = &'a Regex>) -> AnyOf {
        let sources = patterns.into_iter().map(|r| r.pattern.clone()).collect();
        AnyOf { sources, compiled: OnceLock::new(), small: OnceLock::new() }
    }

    /// For each pattern, in order, whether it may match in `hay`.
    pub fn which(&self, hay: &str) -> Vec<bool> {
        let whole = || -> Vec<Hir> {
            self.sources
                .iter()
                .map(|p| {
                    let hir = syntax_tree(p)
                        .unwrap_or_else(|e| panic!("a rule pattern does not parse: {e}"));
                    searched_scan(&hir).unwrap_or(hir)
                })
                .collect()
        };
        let set = if all_kept(hay.as_bytes()) {
            self.small
                .get_or_init(|| Set::build(&whole().into_iter().map(shrink).collect::<Vec<_>>()))
        } else {
            self.compiled.get_or_init(|| Set::build(&whole()))
        };
        // A set too big to build, or a search given up: every pattern may match.
        let Some(found) = set.as_ref().and_then(|set| set.which(hay)) else {
            return vec![true; self.sources.len()];
        };
        (0..self.sources.len())
            .map(|i| PatternID::new(i).is_ok_and(|p| found.contains(p)))
            .collect()
    }
}

/// One match: its span in the haystack and its text.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(hay: &'h str, range: Range<usize>) -> Match<'h> {
        Match { hay, start: range.start, end: range.end }
    }

    pub fn start(&self) -> usize {
        self.start
    }

    pub fn end(&self) -> usize {
        self.end
    }

    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

impl fmt::Debug for Match<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Match")
            .field("start", &self.start)
            .field("end", &self.end)
            .field("string", &self.as_str())
            .finish()
    }
}

/// The groups of one match.
#[derive(Clone)]
pub struct Captures<'h> {
    hay: &'h str,
    slots: Slots,
}

impl<'h> Captures<'h> {
    /// Group `i` (0 is the whole match), when it took part in the match.
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.slots.get_group(i).map(|s| Match::new(self.hay, s.range()))
    }

    /// The group named `name`, when it took part in the match.
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.slots.get_group_by_name(name).map(|s| Match::new(self.hay, s.range()))
    }

    /// The number of groups, the whole match included.
    pub fn len(&self) -> usize {
        self.slots.group_len()
    }

    /// Never true: group 0 always exists.
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Every group in order, `None` for those that did not take part.
    pub fn iter(&self) -> impl Iterator<Item = Option<Match<'h>>> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }

    fn range(&self) -> Range<usize> {
        self.slots.get_match().map_or(0..0, |m| m.range())
    }
}

impl fmt::Debug for Captures<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<'h> Index<usize> for Captures<'h> {
    type Output = str;

    fn index(&self, i: usize) -> &str {
        self.get(i).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

impl<'h, 'n> Index<&'n str> for Captures<'h> {
    type Output = str;

    fn index(&self, name: &'n str) -> &str {
        self.name(name).map(|m| m.as_str()).unwrap_or_else(|| panic!("no group named '{name}'"))
    }
}

/// The iterator of [`Regex::find_iter`].
pub struct Matches<'r, 'h> {
    re: &'r Regex,
    hay: &'h str,
    small: bool,
    it: Searcher<'h>,
}

impl<'h> Iterator for Matches<'_, 'h> {
    type Item = Match<'h>;

    fn next(&mut self) -> Option<Match<'h>> {
        let re = self.re;
        let small = self.small;
        self.it
            .advance(|input| Ok(re.search(input, small)))
            .map(|m| Match::new(self.hay, m.range()))
    }
}

/// The iterator of [`Regex::captures_iter`].
pub struct CaptureMatches<'r, 'h> {
    re: &'r Regex,
    hay: &'h str,
    small: bool,
    it: Searcher<'h>,
}

impl<'h> Iterator for CaptureMatches<'_, 'h> {
    type Item = Captures<'h>;

    fn next(&mut self) -> Option<Captures<'h>> {
        let re = self.re;
        let small = self.small;
        let mut slots = None;
        self.it.advance(|input| {
            let found = re.search_slots(input, small, &mut slots);
            Ok(slots.as_ref().filter(|_| found).and_then(Slots::get_match))
        })?;
        slots.map(|slots| Captures { hay: self.hay, slots })
    }
}

/// The iterator of [`Regex::split`].
pub struct Split<'r, 'h> {
    hay: &'h str,
    finder: Matches<'r, 'h>,
    last: usize,
}

impl<'h> Iterator for Split<'_, 'h> {
    type Item = &'h str;

    fn next(&mut self) -> Option<&'h str> {
        match self.finder.next() {
            Some(m) => {
                let piece = &self.hay[self.last..m.start()];
                self.last = m.end();
                Some(piece)
            }
            None if self.last > self.hay.len() => None,
            None => {
                let piece = &self.hay[self.last..];
                self.last = self.hay.len() + 1;
                Some(piece)
            }
        }
    }
}

/// The length of the UTF-8 sequence starting with byte `b`.
fn utf8_width(b: u8) -> usize {
    match b {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

// ---------------------------------------------------------------------------------------------
// The conversion of Unicode word assertions.

/// Character categories, as bits: ASCII word character, other word character, non-word.
const ASCII_WORD: u8 = 1;
const OTHER_WORD: u8 = 2;
const NON_WORD: u8 = 4;
const ANY: u8 = ASCII_WORD | OTHER_WORD | NON_WORD;

fn char_category(c: char) -> u8 {
    if c.is_ascii_alphanumeric() || c == '_' {
        ASCII_WORD
    } else if regex_syntax::is_word_character(c) {
        OTHER_WORD
    } else {
        NON_WORD
    }
}

/// The classes of the three categories, in the order of the bits.
static CATEGORY_CLASSES: LazyLock<[ClassUnicode; 3]> = LazyLock::new(|| {
    let class = |p: &str| match syntax_tree(p).map(Hir::into_kind) {
        Ok(HirKind::Class(Class::Unicode(c))) => c,
        _ => ClassUnicode::empty(),
    };
    let ascii = class(r"[0-9A-Za-z_]");
    let mut other = class(r"\w");
    other.difference(&ascii);
    let mut non = class(r"\w");
    non.negate();
    [ascii, other, non]
});

/// `class` cut into its parts of each category, with their category bit.
fn split_class(class: &ClassUnicode) -> Vec<(u8, ClassUnicode)> {
    let mut out = Vec::new();
    for (i, cat) in CATEGORY_CLASSES.iter().enumerate() {
        let mut part = class.clone();
        part.intersect(cat);
        if !part.ranges().is_empty() {
            out.push((1 << i, part));
        }
    }
    out
}

/// The categories of the characters of `class`: a small class (a letter and its case
/// variants) is read character by character, a wide one cut by [`split_class`].
fn class_categories(class: &ClassUnicode) -> u8 {
    let size: u32 =
        class.ranges().iter().map(|r| u32::from(r.end()) - u32::from(r.start()) + 1).sum();
    if size <= 16 {
        class
            .ranges()
            .iter()
            .flat_map(|r| r.start()..=r.end())
            .fold(0, |acc, c| acc | char_category(c))
    } else {
        split_class(class).iter().fold(0, |acc, (cat, _)| acc | cat)
    }
}

/// The categories of the characters `hir` can begin with (`back`: end with), and whether it can
/// match the empty string (then what follows it may be next to the assertion too).
fn edge(hir: &Hir, back: bool) -> (u8, bool) {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => (0, true),
        HirKind::Literal(lit) => {
            let s = std::str::from_utf8(&lit.0).ok();
            let c = s.and_then(|s| if back { s.chars().next_back() } else { s.chars().next() });
            (c.map_or(ANY, char_category), false)
        }
        HirKind::Class(Class::Unicode(c)) => (class_categories(c), false),
        HirKind::Class(Class::Bytes(_)) => (ANY, false),
        HirKind::Repetition(r) => {
            let (cats, nullable) = edge(&r.sub, back);
            (cats, nullable || r.min == 0)
        }
        HirKind::Capture(c) => edge(&c.sub, back),
        HirKind::Concat(items) => sequence_edge(items, back),
        HirKind::Alternation(alts) => alts.iter().fold((0, false), |(cats, nullable), a| {
            let (c, n) = edge(a, back);
            (cats | c, nullable || n)
        }),
    }
}

/// [`edge`] of a sequence: its first elements (`back`: its last ones) up to one that cannot be
/// empty.
fn sequence_edge(items: &[Hir], back: bool) -> (u8, bool) {
    let mut cats = 0;
    let ordered: Box<dyn Iterator<Item = &Hir>> =
        if back { Box::new(items.iter().rev()) } else { Box::new(items.iter()) };
    for item in ordered {
        let (c, nullable) = edge(item, back);
        cats |= c;
        if !nullable {
            return (cats, false);
        }
    }
    (cats, true)
}

fn is_unicode_word(look: Look) -> bool {
    matches!(
        look,
        Look::WordUnicode
            | Look::WordUnicodeNegate
            | Look::WordStartUnicode
            | Look::WordEndUnicode
            | Look::WordStartHalfUnicode
            | Look::WordEndHalfUnicode
    )
}

/// The ASCII assertion that holds wherever `look` holds when the character on one side is of
/// category `cat` (a single bit), if there is one.
fn ascii_for(look: Look, cat: u8) -> Option<Look> {
    match (look, cat) {
        // `\b` next to an ASCII word character: the other side is not a word character, so not
        // an ASCII one either.
        (Look::WordUnicode, ASCII_WORD) => Some(Look::WordAscii),
        // `\b` next to "é" (whose bytes are not ASCII word bytes): the other side is not a word
        // character, so ASCII sees no boundary either.
        (Look::WordUnicode, OTHER_WORD) => Some(Look::WordAsciiNegate),
        // `\B` next to a non-word character: the other side is not a word character either.
        (Look::WordUnicodeNegate, NON_WORD) => Some(Look::WordAsciiNegate),
        _ => None,
    }
}

/// Whether [`push`] can put `look` into `hir`: `hir` cannot be empty, and each character
/// category it may begin (`back`: end) with next to `look` is reached through literals, classes,
/// groups, alternations, sequences and repetitions of at least one round.
fn pushable(look: Look, hir: &Hir, back: bool) -> bool {
    match hir.kind() {
        HirKind::Literal(_) => ascii_for(look, edge(hir, back).0).is_some(),
        HirKind::Class(Class::Unicode(_)) => true,
        HirKind::Capture(c) => pushable(look, &c.sub, back),
        HirKind::Alternation(alts) => alts.iter().all(|a| pushable(look, a, back)),
        HirKind::Concat(items) => {
            let i = if back { items.len().checked_sub(1) } else { Some(0) };
            i.and_then(|i| items.get(i))
                .is_some_and(|item| !edge(item, back).1 && pushable(look, item, back))
        }
        HirKind::Repetition(r) => {
            r.min >= 1
                && !edge(&r.sub, back).1
                && r.sub.properties().explicit_captures_len() == 0
                && pushable(look, &r.sub, back)
        }
        _ => false,
    }
}

/// `look` then `hir` (`back`: `hir` then `look`), with `look` replaced inside `hir` next to each
/// character category it may begin (end) with; `hir` is one [`pushable`] accepts. `dropped` is
/// set when some category has no ASCII replacement (the assertion is dropped there). `hir` is
/// taken apart and rebuilt along the replaced edge only: the rest of it is moved, not copied.
fn push(look: Look, hir: Hir, back: bool, dropped: &mut bool) -> Hir {
    let with = |assertion: Hir, item: Hir| {
        if back { Hir::concat(vec![item, assertion]) } else { Hir::concat(vec![assertion, item]) }
    };
    if let HirKind::Literal(_) = hir.kind() {
        return match ascii_for(look, edge(&hir, back).0) {
            Some(a) => with(Hir::look(a), hir),
            None => hir,
        };
    }
    match hir.into_kind() {
        HirKind::Class(Class::Unicode(class)) => {
            let mut alts = Vec::new();
            for (cat, part) in split_class(&class) {
                let item = Hir::class(Class::Unicode(part));
                match ascii_for(look, cat) {
                    Some(a) => alts.push(with(Hir::look(a), item)),
                    None => {
                        *dropped = true;
                        alts.push(item);
                    }
                }
            }
            Hir::alternation(alts)
        }
        HirKind::Capture(c) => {
            Hir::capture(Capture { sub: Box::new(push(look, *c.sub, back, dropped)), ..c })
        }
        HirKind::Alternation(alts) => {
            Hir::alternation(alts.into_iter().map(|a| push(look, a, back, dropped)).collect())
        }
        HirKind::Concat(mut items) => {
            let i = if back { items.len() - 1 } else { 0 };
            let item = std::mem::replace(&mut items[i], Hir::empty());
            items[i] = push(look, item, back, dropped);
            Hir::concat(items)
        }
        // Its first (last) round apart.
        HirKind::Repetition(r) => {
            let one = push(look, (*r.sub).clone(), back, dropped);
            let rest = Hir::repetition(Repetition {
                min: r.min - 1,
                max: r.max.map(|m| m - 1),
                greedy: r.greedy,
                sub: r.sub,
            });
            if back { Hir::concat(vec![rest, one]) } else { Hir::concat(vec![one, rest]) }
        }
        // Not reached: `pushable` accepts no other kind.
        kind => Hir::concat(vec![Hir::look(look), rebuild(kind)]),
    }
}

/// A tree from its kind.
fn rebuild(kind: HirKind) -> Hir {
    match kind {
        HirKind::Empty => Hir::empty(),
        HirKind::Literal(lit) => Hir::literal(lit.0),
        HirKind::Class(class) => Hir::class(class),
        HirKind::Look(look) => Hir::look(look),
        HirKind::Repetition(r) => Hir::repetition(r),
        HirKind::Capture(c) => Hir::capture(c),
        HirKind::Concat(items) => Hir::concat(items),
        HirKind::Alternation(alts) => Hir::alternation(alts),
    }
}

/// The scan form of `hir`: the same groups (so the engine picks the same search strategy), every
/// Unicode word assertion replaced by an ASCII one that holds wherever it holds, or dropped.
pub fn convert(hir: &Hir) -> (Hir, Conversion) {
    let mut conv = Conversion::default();
    let out = convert_in(hir, &mut conv);
    (out, conv)
}

fn convert_in(hir: &Hir, conv: &mut Conversion) -> Hir {
    // A part without a Unicode word assertion is copied as it is, not rebuilt node by node.
    if !hir.properties().look_set().contains_word_unicode() {
        return hir.clone();
    }
    match hir.kind() {
        HirKind::Look(look) if is_unicode_word(*look) => {
            // Alone (not in a sequence): nothing tells what is next to it.
            conv.unicode += 1;
            conv.dropped += 1;
            Hir::empty()
        }
        HirKind::Capture(c) => Hir::capture(Capture {
            index: c.index,
            name: c.name.clone(),
            sub: Box::new(convert_in(&c.sub, conv)),
        }),
        HirKind::Repetition(r) => Hir::repetition(Repetition {
            min: r.min,
            max: r.max,
            greedy: r.greedy,
            sub: Box::new(convert_in(&r.sub, conv)),
        }),
        HirKind::Alternation(alts) => {
            Hir::alternation(alts.iter().map(|a| convert_in(a, conv)).collect())
        }
        HirKind::Concat(items) => convert_sequence(items, conv),
        _ => hir.clone(),
    }
}

fn convert_sequence(items: &[Hir], conv: &mut Conversion) -> Hir {
    let mut out: Vec<Hir> = items
        .iter()
        .map(|h| match h.kind() {
            HirKind::Look(l) if is_unicode_word(*l) => h.clone(),
            _ => convert_in(h, conv),
        })
        .collect();
    for i in 0..out.len() {
        let HirKind::Look(look) = *out[i].kind() else { continue };
        if !is_unicode_word(look) {
            continue;
        }
        conv.unicode += 1;
        let (next, next_open) = sequence_edge(&out[i + 1..], false);
        let (prev, prev_open) = sequence_edge(&out[..i], true);
        let single = |c: u8| c.count_ones() == 1;
        // A side whose characters are all of one category decides.
        let decided = [(next, next_open, prev, prev_open), (prev, prev_open, next, next_open)]
            .into_iter()
            .find_map(|(cat, open, other, other_open)| {
                let a = ascii_for(look, cat).filter(|_| !open && single(cat))?;
                Some((a, !other_open && other & OTHER_WORD == 0))
            });
        if let Some((a, exact)) = decided {
            out[i] = Hir::look(a);
            conv.ascii += 1;
            conv.exact += usize::from(exact);
            continue;
        }
        // Else the neighbouring element, cut by category.
        let mut dropped = false;
        let pushed = [(i + 1, false), (i.wrapping_sub(1), true)]
            .into_iter()
            .find(|&(j, back)| out.get(j).is_some_and(|item| pushable(look, item, back)));
        match pushed {
            Some((j, back)) => {
                let item = std::mem::replace(&mut out[j], Hir::empty());
                out[j] = push(look, item, back, &mut dropped);
                out[i] = Hir::empty();
                conv.ascii += usize::from(!dropped);
                conv.dropped += usize::from(dropped);
            }
            None => {
                out[i] = Hir::empty();
                conv.dropped += 1;
            }
        }
    }
    Hir::concat(out)
}

/// The conversion applied to `pattern`, and the scan pattern its [`Regex`] searches printed
/// back (for reports and tests).
pub fn conversion(pattern: &str) -> Result<(String, Conversion), regex::Error> {
    let hir = syntax_tree(pattern)?;
    let (whole, conv) = convert(&hir);
    let fast = regex_scan(&hir).unwrap_or(whole);
    let mut printed = String::new();
    regex_syntax::hir::print::Printer::new()
        .print(&fast, &mut printed)
        .map_err(|e| regex::Error::Syntax(e.to_string()))?;
    Ok((printed, conv))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn same(pattern: &str, hay: &str) {
        let ours = Regex::new(pattern).expect("valid pattern");
        let theirs = regex::Regex::new(pattern).expect("valid pattern");
        let a: Vec<_> = ours.find_iter(hay).map(|m| m.range()).collect();
        let b: Vec<_> = theirs.find_iter(hay).map(|m| m.range()).collect();
        assert_eq!(a, b, "{pattern:?} on {hay:?}");
        assert_eq!(ours.is_match(hay), theirs.is_match(hay), "{pattern:?} on {hay:?}");
        let a: Vec<Vec<_>> = ours
            .captures_iter(hay)
            .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
            .collect();
        let b: Vec<Vec<_>> = theirs
            .captures_iter(hay)
            .map(|c| c.iter().map(|m| m.map(|m| m.range())).collect())
            .collect();
        assert_eq!(a, b, "{pattern:?} on {hay:?}");
        let a: Vec<_> = ours.split(hay).collect();
        let b: Vec<_> = theirs.split(hay).collect();
        assert_eq!(a, b, "{pattern:?} on {hay:?}");
        assert_eq!(ours.replace_all(hay, "<$0>"), theirs.replace_all(hay, "<$0>"));
    }

    const HAYS: &[&str] = &[
        "",
        "le préfet a signé.",
        "Le préfet de la Somme et la maire ont signé le contrat",
        "désigné, consigne, signé, signature; Élu à Ville-sur-Mer",
        "àVille été à fet prefet préfet fête",
        "ſign sign Kelvin \u{212A}elvin",
        "l'État, l’été et le rôle du contrôle",
        // Characters the small engines do not know: the whole patterns search these.
        "préfet → 𝔄lpha, ℌ été 😀 signé 中文 fin",
        "le Ǆ et l’𝐄tat : signé",
    ];

    #[test]
    fn matches_are_those_of_the_regex_crate() {
        let patterns = [
            r"\bfet\b",
            r"(?i)\bsign(?:é|ée|ent|ature)?\b",
            r"(?i)\b(?:le|la|les|du|de)\b",
            r"\bsigné\b",
            r"\bé\w*",
            r"(?i)\b[a-zé]+\b",
            r"\b\p{Lu}[\p{L}-]+",
            r"(?i)(?P<w>\b\w+)\s+(?P<n>\d+)?",
            r"\b",
            r"\B",
            r"[«\s]\b\w",
            r"(?i)(?:co-?)?\bsign",
            r"\bà\b",
            r"x*\b",
            r"(?i)\bkelvin\b",
        ];
        for p in patterns {
            for hay in HAYS {
                same(p, hay);
            }
        }
    }

    /// The characters of a tree, gathered as bits and runs, are the union of its classes and
    /// literals: runs that cross a 64-character word, touch U+0800, fill a whole word, or come
    /// from high ranges given out of order.
    #[test]
    fn characters_are_the_union_of_the_classes() {
        let patterns = [
            r"(?i)(?:ensemble|également|tour\s+à\s+tour)",
            r"[^.;]",
            r"[\x{3E}-\x{41}\x{7F}-\x{80}\x{7FE}-\x{801}]",
            r"[\x{40}-\x{7F}]x",
            r"(?:\p{L}|\x{10000}|\x{900}-)",
            r"(?:[\x{2000}-\x{2010}]|[\x{1000}-\x{1010}]|[\x{1005}-\x{1020}]|\x{7FF}\x{800})",
            r"\w+\s*\d",
            r"a",
        ];
        for p in patterns {
            let hir = regex_syntax::parse(p).expect("valid pattern");
            let mut expected = ClassUnicode::empty();
            let mut stack = vec![&hir];
            while let Some(h) = stack.pop() {
                match h.kind() {
                    HirKind::Literal(lit) => {
                        for c in std::str::from_utf8(&lit.0).expect("utf-8").chars() {
                            expected.union(&ClassUnicode::new([ClassUnicodeRange::new(c, c)]));
                        }
                    }
                    HirKind::Class(Class::Unicode(c)) => expected.union(c),
                    HirKind::Repetition(r) => stack.push(&r.sub),
                    HirKind::Capture(c) => stack.push(&c.sub),
                    HirKind::Concat(items) | HirKind::Alternation(items) => stack.extend(items),
                    _ => {}
                }
            }
            assert_eq!(characters(&hir), Some(expected), "{p}");
        }
    }

    #[test]
    fn the_scan_pattern_has_ascii_boundaries_next_to_known_characters() {
        let (scan, conv) = conversion(r"\bfet\b").expect("valid");
        assert!(!scan.contains(r"\b{") && scan.contains(r"(?-u:\b)"), "{scan}");
        assert_eq!((conv.unicode, conv.ascii, conv.dropped), (2, 2, 0));
        // Next to "é", the bytes are not ASCII word bytes: no ASCII boundary there.
        let (scan, conv) = conversion(r"\bsigné\b").expect("valid");
        assert!(scan.contains(r"(?-u:\B)"), "{scan}");
        assert_eq!(conv.dropped, 0);
        // Next to a space, nothing tells: dropped.
        let (_, conv) = conversion(r"\s\b").expect("valid");
        assert_eq!(conv.dropped, 1);
        // A case-insensitive "s" is [Ssſ]: split.
        let (_, conv) = conversion(r"(?i)\bsign").expect("valid");
        assert_eq!((conv.ascii, conv.dropped), (1, 0));
    }

    /// [`weight`] without its cap: the whole count, to compare sizes.
    fn full_weight(hir: &Hir) -> usize {
        match hir.kind() {
            HirKind::Empty | HirKind::Look(_) => 1,
            HirKind::Literal(lit) => lit.0.len(),
            HirKind::Class(Class::Unicode(c)) => 1 + c.ranges().len().min(8),
            HirKind::Class(Class::Bytes(c)) => 1 + c.ranges().len().min(8),
            HirKind::Repetition(r) => {
                let copies = r.max.unwrap_or(r.min).max(1);
                full_weight(&r.sub).saturating_mul(usize::try_from(copies).unwrap_or(usize::MAX))
            }
            HirKind::Capture(c) => full_weight(&c.sub),
            HirKind::Concat(items) | HirKind::Alternation(items) => {
                items.iter().map(full_weight).fold(0, usize::saturating_add)
            }
        }
    }

    #[test]
    fn weight_stops_past_heavy() {
        for p in [r"\bfet\b", r"[^.;:]{0,100}", r"(?i)(?:ainsi|aussi|également)\s+signé"] {
            let hir = syntax_tree(p).expect("valid");
            assert_eq!(weight(&hir), full_weight(&hir).min(HEAVY + 1), "{p}");
        }
    }

    #[test]
    fn heavy_elements_of_the_scan_are_made_light() {
        let weight_of = |p: &str| full_weight(&syntax_tree(p).expect("valid"));
        let scan_of =
            |p: &str| full_weight(&regex_scan(&syntax_tree(p).expect("valid")).expect("a scan"));
        // A bounded repetition of a wide class loses its bound.
        let bounded = r"(?i)\bsigné\b[^.;:]{0,100}?\bpar\b";
        assert!(scan_of(bounded) * 10 < weight_of(bounded));
        // A list of words repeated between the words of phrases becomes a run of letters.
        let words = "ainsi|aussi|conjointement|officiellement|solennellement|également";
        let gap = format!(r"\s+(?:(?:{words})\s+)*");
        let phrases = format!(r"(?i)\b(?:ont{gap}apposé{gap}leur{gap}signature|a{gap}signé)\b");
        assert!(scan_of(&phrases) * 3 < weight_of(&phrases));
        // A light pattern is searched as converted.
        assert_eq!(
            scan_of(r"\bfet\b"),
            full_weight(&convert(&syntax_tree(r"\bfet\b").expect("valid")).0)
        );
        for p in [bounded, phrases.as_str()] {
            for hay in HAYS.iter().chain(&[
                "le maire a signé hier, par la suite",
                "ils ont aussi conjointement apposé leur signature.",
                "Ils ont apposé leur accord",
            ]) {
                same(p, hay);
            }
        }
    }

    /// The scan is cut after its first cue (each branch of an alternation alone), and every
    /// search still finds what the `regex` crate finds: the whole scan checks the cut scan's
    /// candidates, and the pattern as written confirms them.
    #[test]
    fn the_scan_is_cut_after_its_cue() {
        let cut_of =
            |p: &str| up_to_cue(&regex_scan(&syntax_tree(p).expect("valid")).expect("a scan"));
        let matches = |cut: &Hir, hay: &str| {
            meta::Regex::new(&cut.to_string()).expect("the cut scan compiles").is_match(hay)
        };
        let single = r"\b(?i:le|du)\s+(?P<kind>(?i:quartier|secteur))\s+(?P<name>\p{Lu}\p{L}+)\b";
        let cut = cut_of(single).expect("cut after its cue");
        // The elements up to the cue are kept, those after it dropped.
        assert!(matches(&cut, "du secteur sans nom"));
        assert!(!matches(&cut, "un quartier"));
        // "QPV" is a cue written in one case.
        assert!(matches(&cut_of(r"\bles\s+QPV\s+\p{Lu}\p{L}+\b").expect("cut"), "les QPV et"));
        // Each branch of an alternation is cut alone.
        let both = r"(?:maire|préfet)\s+de\s+\p{Lu}\p{L}+\b|\ble\s+contrat\s+\p{Lu}\p{L}+\b";
        let cut = cut_of(both).expect("cut");
        assert!(matches(&cut, "le maire de la ville") && matches(&cut, "le contrat de ville"));
        // No cue, or nothing after it: the whole scan is searched.
        assert!(cut_of(r"\b\p{Lu}\p{L}+\s+(?:de|du)\s+\p{Lu}\p{L}+\b").is_none());
        assert!(cut_of(r"(?i)\ble\s+(?:quartier|secteur)\b").is_none());
        for p in [single, both] {
            assert!(Regex::new(p).expect("valid").engines().check.is_some(), "{p}");
            for hay in HAYS.iter().chain(&[
                "le quartier du Port, du secteur Nord et le quartier Bellevue à Brest",
                "Le maire de la commune, le préfet de Région et le contrat Villeneuve.",
                "du quartier é, du secteur Éole",
            ]) {
                same(p, hay);
            }
        }
    }

    /// An anchored search finds, at every place of every text, the match the `regex` crate's
    /// engine finds anchored there: the scan form never rejects a place where the pattern
    /// matches, and what is before the place is seen by the word assertions.
    #[test]
    fn anchored_matches_are_those_of_the_regex_crate() {
        let patterns = [
            r"\bfet\b",
            r"(?i)\bsign(?:é|ée|ent|ature)?\b",
            r"(?i)\b(?:(?:le|la)\s+|l')?(?:maire|préfète?|président)\b",
            r"\bé\w*",
            r"\b\p{Lu}[\p{L}-]+",
            r"[«\s]\b\w",
            r"\d+",
            r"\B",
            r"(?i)\bkelvin\b",
        ];
        for p in patterns {
            let ours = Regex::new(p).expect("valid pattern");
            let theirs = meta::Regex::new(p).expect("valid pattern");
            for hay in HAYS {
                for (at, _) in hay.char_indices().chain([(hay.len(), ' ')]) {
                    let input = Input::new(*hay).span(at..hay.len()).anchored(Anchored::Yes);
                    let expected = theirs.search(&input).map(|m| m.range());
                    let found = ours.find_anchored(hay, at).map(|m| m.range());
                    assert_eq!(found, expected, "{p:?} at {at} of {hay:?}");
                }
            }
        }
    }

    /// A pattern searched as written answers `is_match` on its forward lazy DFA alone, as the
    /// `regex` crate answers, anchored or not, on every text (with characters the small engines
    /// do not know too); one that can match the empty string keeps the compiled form.
    #[test]
    fn is_match_on_the_forward_automaton_is_that_of_the_regex_crate() {
        let patterns = [
            r"(?i)^(accueil|home)\s*(>|›|»|/|\|).{0,20}$",
            r"(?i)^[^.!?:«]{1,60}( (>|›|») [^.!?:«]{1,60}){1,6}$",
            r"\d+",
            r"(?m)^le\s",
            r"(?i)signé",
            r"é\p{L}+",
            r"\p{Lu}\p{Ll}+ \p{Lu}",
            r"(?i)ſ|k",
            r"[^.;]{5}$",
            r"x*",
        ];
        let hays = [HAYS, &["Accueil > Actualités > Le contrat", "accueil / x", "é", "   "]];
        for p in patterns {
            let ours = Regex::new(p).expect("valid pattern");
            let theirs = regex::Regex::new(p).expect("valid pattern");
            assert!(ours.engines().scan.is_none(), "{p}");
            for hay in hays.iter().flat_map(|h| h.iter()) {
                assert_eq!(ours.is_match(hay), theirs.is_match(hay), "{p:?} on {hay:?}");
            }
            let exact = &ours.engines().exact;
            let built = exact.matchers.iter().filter_map(|m| m.get()).collect::<Vec<_>>();
            assert!(!built.is_empty(), "{p}");
            assert_eq!(built.iter().all(|m| m.is_none()), p == "x*", "{p}");
        }
    }

    #[test]
    fn patterns_without_word_boundaries_need_no_scan() {
        assert!(Regex::new(r"\d+").expect("valid").engines().scan.is_none());
        assert!(Regex::new(r"\bx").expect("valid").engines().scan.is_some());
    }

    #[test]
    fn patterns_are_parsed_on_their_first_search() {
        // A pattern no other test nor rule writes: engines are shared by pattern.
        let re = Regex::new(r"(?i)\bmaire\b honoraire de test").expect("valid");
        assert!(re.engines.get().is_none());
        assert!(re.is_match("le Maire honoraire de test"));
        assert!(re.engines.get().is_some());
        // Another Regex of the same pattern finds them made.
        let same = Regex::new(r"(?i)\bmaire\b honoraire de test").expect("valid");
        assert!(same.engines.get().is_some());
        assert!(Arc::ptr_eq(&re.engines, &same.engines));
        // A pattern that does not parse is made, and fails on its first search.
        let bad = Regex::new(r"(unclosed").expect("made");
        let search = std::panic::catch_unwind(|| bad.is_match("x"));
        assert!(search.is_err());
    }

    #[test]
    fn any_of_tells_which_patterns_may_match() {
        let res: Vec<Regex> = [r"(?i)\bsigné\b", r"\bfet\b", r"\d+", r"(?i)\bmaire\b"]
            .iter()
            .map(|p| Regex::new(p).expect("valid"))
            .collect();
        let any = AnyOf::new(&res);
        for hay in HAYS {
            let which = any.which(hay);
            for (re, may) in res.iter().zip(which) {
                assert!(may || !re.is_match(hay), "{} on {hay:?}", re.as_str());
            }
        }
        assert_eq!(any.which("rien ici"), vec![false; 4]);
        assert_eq!(any.which("le maire a SIGNÉ"), vec![true, false, false, true]);
        // Beside an emoji the whole patterns are searched, with the same answer.
        assert_eq!(any.which("😀 le maire a SIGNÉ"), vec![true, false, false, true]);
    }

    #[test]
    fn small_engines_serve_only_haystacks_of_kept_characters() {
        assert!(all_kept("".as_bytes()));
        for b in 0..=255u8 {
            for at in 0..19 {
                let mut bytes = vec![b'a'; 19];
                bytes[at] = b;
                let want = (b >= 0xCD).then_some(at);
                assert_eq!(first_lead_from_cd(&bytes), want, "byte {b:#x} at {at}");
            }
        }
        assert!(all_kept("L’État – 12 € … « signé » • ▪ ✓ ➢ ƒ ʼ".as_bytes()));
        assert!(!all_kept("Ω".as_bytes()));
        assert!(!all_kept("Ж".as_bytes()));
        assert!(!all_kept("un ℓ".as_bytes()));
        assert!(all_kept("\u{F0B7} puce PDF, \u{FFFD}".as_bytes()));
        assert!(all_kept("flèche → ici".as_bytes()));
        assert!(!all_kept("un 😀".as_bytes()));
        assert!(!all_kept("中文".as_bytes()));
        assert!(!all_kept("𝔄".as_bytes()));
        // Cut classes keep every kept character they held and nothing else.
        let hir = syntax_tree(r"\w").expect("valid");
        let HirKind::Class(Class::Unicode(small)) = shrink(hir).kind().clone() else {
            panic!("a class");
        };
        for c in ['a', 'é', 'œ', 'ʼ', '_', '\u{203F}'] {
            assert!(small.iter().any(|r| (r.start()..=r.end()).contains(&c)), "{c}");
        }
        assert!(small.iter().all(|r| kept(r.start() as u32) && kept(r.end() as u32)));
        // A class wholly outside them can never match a kept haystack.
        let re = Regex::new(r"[\u{4E00}-\u{9FFF}]+").expect("valid");
        assert!(!re.is_match("rien de tel"));
        assert_eq!(re.find("un 中文 mot").map(|m| m.as_str()), Some("中文"));
    }
}
