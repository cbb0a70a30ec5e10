//! The rules' regex type gives exactly the `regex` crate's matches (issue 12).
//!
//! `cdv::rules::text::Regex` finds candidates with ASCII word boundaries and confirms them with
//! the pattern as written. This test runs the pipeline over every fixture (which builds the
//! rules' lazily compiled regexes), then replays every pattern built on the fixtures' clean and
//! normalised texts (once more with an emoji, which the small engines do not know), each of their
//! lines, and sentences with accented letters at word edges:
//! `find_iter` spans and every group of `captures_iter` must be those of `regex::Regex`, and the
//! scan pattern must accept a match at every start where the pattern as written matches. Each
//! pattern's syntax tree, which the engines are built from, must be the one `regex_syntax`
//! parses (the rules' parser skips refolding property classes, see `fold.rs`).

use std::path::PathBuf;

use cdv::ingest::normalise::normalise;
use cdv::pipeline::{self, Options};
use cdv::rules::text::{Regex, built, conversion, syntax_tree};
use regex_automata::{Anchored, Input, meta};

/// Word edges next to accented letters, glued words, apostrophes, case folds (ſ, K).
const EDGES: &[&str] = &[
    "",
    "préfet prefet fet refet",
    "signé. signée, signés; signature: désigné, consigne",
    "été, Été, à, À, Élu, élue, où",
    "àVille ÀVille éVille Villeà",
    "l'État, l’État, d'une, qu'à, aujourd'hui",
    "Le 3 mai 2024, la maire de Saint-Éloi et le préfet ont signé le contrat de ville 2024-2030.",
    "Les quartiers Les Érables (Ville-Haute) et Côte-Rôtie ; 12 000 habitants, 1,5 M€",
    "ſigné \u{212A}m Straße œuvre Œuvre cœur",
    "M. Jean Dupré, président de l'agglomération, et Mme Anne Lefèvre, sous-préfète",
    "«Cité» — quartier n°3 : 45 % de logements sociaux",
    // Characters outside those the small engines know (the whole patterns search these).
    "Le 3 mai 2024 😀 la maire de Saint-Éloi et le préfet ont signé le contrat de ville 2024-2030.",
    "M. Jean 𝐃upré, président de l'agglomération ⟶ quartier 中 Les Érables : 12 000 habitants",
    "Le maire Ωmega et Mme Жанна Éloi ont signé ℓe contrat — quartier Côte-Rôtie, 1ᵉʳ mai 2024",
];

/// The documents under `dir`, found as `cdv extract` finds them.
fn docs(dir: &str) -> Vec<PathBuf> {
    let found = cdv::batch::discover(&[PathBuf::from(dir)]);
    assert!(found.missing.is_empty(), "{dir}: {:?}", found.missing);
    found
        .inputs
        .iter()
        .filter_map(|i| match i {
            cdv::batch::Input::File { path, .. } => Some(path),
            cdv::batch::Input::Stdin { .. } => None,
        })
        .collect()
}

fn spans(re: &regex::Regex, hay: &str) -> Vec<Vec<Option<(usize, usize)>>> {
    re.captures_iter(hay)
        .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
        .collect()
}

fn our_spans(re: &Regex, hay: &str) -> Vec<Vec<Option<(usize, usize)>>> {
    re.captures_iter(hay)
        .map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect())
        .collect()
}

#[test]
fn every_rule_regex_matches_like_the_regex_crate_on_the_fixtures() {
    let mut hays: Vec<String> = EDGES.iter().map(|s| s.to_string()).collect();
    for path in docs("fixtures/docs").into_iter().chain(docs("fixtures/heldout/docs")) {
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let processed = pipeline::process_file(&id, &path, &Options::default());
        let clean = processed.clean.expect("fixture is readable");
        let norm = normalise(&clean).text;
        // The whole normalised text once more with a character the small engines do not know.
        hays.push(format!("{norm} \u{1F600}"));
        for text in [clean, norm] {
            hays.extend(text.lines().filter(|l| !l.trim().is_empty()).map(str::to_owned));
            hays.push(text);
        }
    }
    hays.sort();
    hays.dedup();
    let patterns = built();
    assert!(patterns.len() > 200, "the pipeline built only {} patterns", patterns.len());
    let (mut with_unicode_word, mut dropped) = (0, 0);
    for pattern in &patterns {
        let ours = Regex::new(pattern).expect("built once already");
        let theirs = regex::Regex::new(pattern).expect("valid for the regex crate");
        // The engines are built from the very tree the regex crate's parser gives.
        let tree = syntax_tree(pattern).expect("parses");
        assert_eq!(Ok(tree), regex_syntax::parse(pattern), "{pattern:?}: another syntax tree");
        let (scan, conv) = conversion(pattern).expect("converts");
        assert!(ours.is_fast(), "{pattern}: scan regex left with a Unicode word boundary");
        if conv.unicode > 0 {
            with_unicode_word += 1;
        }
        dropped += conv.dropped;
        let scan = meta::Regex::new(&scan).expect("the scan pattern compiles");
        for hay in &hays {
            let expected: Vec<_> = theirs.find_iter(hay).map(|m| m.range()).collect();
            let found: Vec<_> = ours.find_iter(hay).map(|m| m.range()).collect();
            assert_eq!(found, expected, "{pattern:?} on {hay:?}");
            assert_eq!(ours.is_match(hay), theirs.is_match(hay), "{pattern:?} on {hay:?}");
            if ours.captures_len() > 1 {
                assert_eq!(our_spans(&ours, hay), spans(&theirs, hay), "{pattern:?} on {hay:?}");
            }
            // The scan regex accepts every start the pattern accepts.
            for m in &expected {
                let at = Input::new(hay).span(m.start..hay.len()).anchored(Anchored::Yes);
                assert!(
                    scan.is_match(at),
                    "{pattern:?}: scan misses the match at {m:?} in {hay:?}"
                );
            }
        }
    }
    eprintln!(
        "{} patterns checked on {} texts: {} had a Unicode word boundary, all now searched on \
         ASCII boundaries ({} boundaries dropped where no neighbour told)",
        patterns.len(),
        hays.len(),
        with_unicode_word,
        dropped
    );
}

/// No rule builds a `regex::Regex` itself: every pattern goes through `cdv::rules::text::Regex`.
#[test]
fn no_source_file_builds_a_regex_crate_regex_directly() {
    let bad = regex::Regex::new(r"regex::(?:Regex|RegexBuilder)\b|use regex::\{[^}]*\bRegex\b")
        .expect("valid pattern");
    let mut offenders = Vec::new();
    let mut stack = vec![PathBuf::from("src")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display())) {
            let path = entry.expect("readable entry").path();
            if path.is_dir() {
                stack.push(path);
                continue;
            }
            if path.extension().is_none_or(|e| e != "rs") || path.ends_with("rules/text/regex.rs") {
                continue;
            }
            let text = std::fs::read_to_string(&path).expect("readable source");
            for (n, line) in text.lines().enumerate() {
                let code = line.split("//").next().unwrap_or("");
                if bad.is_match(code) {
                    offenders.push(format!("{}:{}: {}", path.display(), n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        offenders.is_empty(),
        "build regexes with cdv::rules::text::Regex:\n{}",
        offenders.join("\n")
    );
}
