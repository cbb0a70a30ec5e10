//! Word tables more than one family reads, loaded once: French number words
//! (`rules/figures/number_words.tsv`), read by the figures family's number lexer and by the
//! territories family's count of contracts ("trois contrats de ville"); the ranks of a contract
//! in a series.

use std::sync::LazyLock;

use crate::data;

/// The ranks a contract of a series is told by ("le premier des contrats", "le second
/// contrat"), read by the territories family's ranked contract and by the merger, for which a
/// rank names one contract, not all of them.
pub(crate) const CONTRACT_RANKS: [&str; 7] =
    ["premier", "second", "deuxième", "troisième", "quatrième", "cinquième", "dernier"];

/// `(word, value)` of every number word, the word lower-cased, in the file's order.
pub(crate) static NUMBER_WORDS: LazyLock<Vec<(String, u32)>> = LazyLock::new(|| {
    data::rows("figures/number_words.tsv")
        .into_iter()
        .filter_map(|row| Some((row.first()?.to_lowercase(), row.get(1)?.parse().ok()?)))
        .collect()
});

/// The value of a number word in any case ("seize", "Quatre-vingt").
pub(crate) fn number_word(word: &str) -> Option<u32> {
    let w = word.to_lowercase();
    NUMBER_WORDS.iter().find(|(f, _)| *f == w).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_words_are_looked_up_in_any_case() {
        assert_eq!(number_word("Seize"), Some(16));
        assert_eq!(number_word("quatre-vingt"), Some(80));
        assert_eq!(number_word("DIX"), Some(10));
        assert_eq!(number_word("seizième"), None);
        assert_eq!(NUMBER_WORDS.len(), data::lines("figures/number_words.tsv").len());
    }
}
