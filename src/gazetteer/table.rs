//! Reading the gazetteer files once, without allocating per field, and the sorted indexes the
//! lookups search.

use std::borrow::Cow;

use crate::data;

/// The text of a gazetteer file for the life of the program: the embedded copy, or the
/// override file's text, read once per table and kept.
pub(super) fn static_text(rel: &str) -> &'static str {
    match data::text(rel) {
        Cow::Borrowed(s) => s,
        Cow::Owned(s) => Box::leak(s.into_boxed_str()),
    }
}

/// Whether the gazetteer file at `rel` is the embedded copy, no override file replacing it: the
/// indexes `build.rs` made of the embedded tables then hold.
pub(super) fn is_embedded(rel: &str) -> bool {
    matches!(data::text(rel), Cow::Borrowed(_))
}

/// The first `N` tab-separated fields of each data line of a gazetteer file (no blank lines,
/// no `#` comments), trimmed; missing fields are empty.
pub(super) fn rows<const N: usize>(rel: &str) -> impl Iterator<Item = [&'static str; N]> {
    static_text(rel).lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| {
        let mut fields = [""; N];
        let mut rest = Some(l);
        for slot in &mut fields {
            let Some(r) = rest else { break };
            // A byte walk: a call to the `str` splitter per field cost more than the field.
            let (field, tail) = match r.bytes().position(|b| b == b'\t') {
                Some(at) => (&r[..at], Some(&r[at + 1..])),
                None => (r, None),
            };
            *slot = field.trim();
            rest = tail;
        }
        fields
    })
}

/// Keys to table rows: a sorted vector searched by bisection, built once.
///
/// A lookup first finds the keys that share the wanted key's first two bytes in `heads` (a
/// bisection over small integers), then bisects only those: a few string comparisons instead
/// of the sixteen a whole index of 40,000 names takes (the names of a text are looked up by
/// the thousand).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Index<K> {
    entries: Vec<(K, u32)>,
    /// For each distinct [`head`] of the keys, in order, the position of its first entry.
    heads: Vec<(u16, u32)>,
}

/// The first two bytes of `key`, a missing byte as 0: sorted keys have sorted heads (a
/// shorter key sorts before the keys it begins, and 0 before any byte).
fn head(key: &str) -> u16 {
    let b = key.as_bytes();
    (u16::from(b.first().copied().unwrap_or(0)) << 8) | u16::from(b.get(1).copied().unwrap_or(0))
}

impl Index<&'static str> {
    /// The index of entries made at run time (tables an override replaced), their keys kept
    /// for the life of the program as the tables are.
    pub(super) fn leaked(entries: Vec<(String, u32)>) -> Index<&'static str> {
        Index::new(entries.into_iter().map(|(k, i)| (&*k.leak(), i)).collect())
    }
}

/// The indexes `build.rs` wrote to `text`, in order: a line `key<TAB>row` per entry, sorted as
/// [`Index::new`] sorts, an empty line closing each index.
pub(super) fn built(text: &'static str) -> impl Iterator<Item = Index<&'static str>> {
    let mut lines = text.lines().peekable();
    std::iter::from_fn(move || {
        lines.peek()?;
        let entries = lines
            .by_ref()
            .take_while(|line| !line.is_empty())
            .filter_map(|line| {
                let (key, row) = line.split_once('\t')?;
                Some((key, row.parse().ok()?))
            })
            .collect();
        Some(Index::sorted(entries))
    })
}

impl<K: AsRef<str> + Ord> Index<K> {
    /// The index of `entries`, in any order, duplicates allowed.
    pub(super) fn new(mut entries: Vec<(K, u32)>) -> Index<K> {
        entries.sort_unstable();
        entries.dedup();
        Index::sorted(entries)
    }

    /// The index of `entries` already sorted and without duplicates, as [`Index::new`] leaves
    /// them (the indexes `build.rs` writes).
    fn sorted(entries: Vec<(K, u32)>) -> Index<K> {
        debug_assert!(entries.is_sorted_by(|a, b| a < b));
        let mut heads: Vec<(u16, u32)> = Vec::new();
        for (at, (k, _)) in (0u32..).zip(&entries) {
            let h = head(k.as_ref());
            if heads.last().is_none_or(|&(last, _)| last != h) {
                heads.push((h, at));
            }
        }
        Index { entries, heads }
    }

    /// The entries whose keys have the [`head`] of `key`.
    fn bucket(&self, key: &str) -> &[(K, u32)] {
        let h = head(key);
        let i = self.heads.partition_point(|&(x, _)| x < h);
        match self.heads.get(i) {
            Some(&(x, start)) if x == h => {
                let end = self.heads.get(i + 1).map_or(self.entries.len(), |&(_, e)| e as usize);
                &self.entries[start as usize..end]
            }
            _ => &[],
        }
    }

    /// The rows under `key`, in row order.
    pub(super) fn get(&self, key: &str) -> impl Iterator<Item = u32> + '_ {
        let bucket = self.bucket(key);
        let start = bucket.partition_point(|(k, _)| k.as_ref() < key);
        // A key has few rows: walked, not bisected again.
        let len = bucket[start..].iter().take_while(|(k, _)| k.as_ref() == key).count();
        bucket[start..start + len].iter().map(|&(_, i)| i)
    }

    /// Whether some row is under `key`.
    pub(super) fn contains(&self, key: &str) -> bool {
        self.get(key).next().is_some()
    }
}

#[cfg(test)]
mod tests {
    use super::{Index, rows, static_text};

    /// The fields of every row of every gazetteer file are the line's tab-separated pieces,
    /// trimmed, as many as asked (more than any file has: the missing ones empty).
    #[test]
    fn rows_are_the_tab_separated_fields_trimmed() {
        let expected = |line: &str| -> [String; 6] {
            let mut fields: [String; 6] = Default::default();
            for (slot, f) in fields.iter_mut().zip(line.split('\t')) {
                *slot = f.trim().to_owned();
            }
            fields
        };
        for rel in [
            "gazetteer/communes.tsv",
            "gazetteer/communes_anciennes.tsv",
            "gazetteer/communes_deleguees.tsv",
            "gazetteer/departements.tsv",
            "gazetteer/epci.tsv",
            "gazetteer/epci_aliases.tsv",
            "gazetteer/qpv.tsv",
            "gazetteer/regions.tsv",
        ] {
            let lines = static_text(rel).lines().filter(|l| !l.trim().is_empty());
            let lines: Vec<&str> = lines.filter(|l| !l.starts_with('#')).collect();
            let found: Vec<[&str; 6]> = rows::<6>(rel).collect();
            assert_eq!(found.len(), lines.len(), "{rel}");
            for (row, line) in found.iter().zip(&lines) {
                assert_eq!(row.map(str::to_owned), expected(line), "{rel}: {line:?}");
            }
        }
    }

    #[test]
    fn index_finds_every_row_of_a_key_once() {
        let index = Index::new(vec![("b", 2), ("a", 1), ("b", 0), ("b", 2), ("c", 3)]);
        assert_eq!(index.get("b").collect::<Vec<_>>(), [0, 2]);
        assert_eq!(index.get("a").collect::<Vec<_>>(), [1]);
        assert!(index.get("bb").next().is_none());
        assert!(index.contains("c") && !index.contains(""));
    }

    #[test]
    fn keys_sharing_their_first_bytes_or_shorter_are_told_apart() {
        let keys = ["", "a", "a b", "ab", "abc", "b", "ba", "été", "étés", "z"];
        let index = Index::new(keys.iter().zip(0..).map(|(k, i)| (*k, i)).collect());
        for (k, i) in keys.iter().zip(0..) {
            assert_eq!(index.get(k).collect::<Vec<_>>(), [i], "{k:?}");
        }
        for missing in ["aa", "abd", "c", "é", "\u{0}"] {
            assert!(!index.contains(missing), "{missing:?}");
        }
    }
}
