//! The communes table and its name indexes.

use super::Commune;
use super::names;
use super::table::{Index, built, is_embedded, rows};

/// The communes tables' files.
pub(super) const FILES: [&str; 3] = [
    "gazetteer/communes.tsv",
    "gazetteer/communes_deleguees.tsv",
    "gazetteer/communes_anciennes.tsv",
];

/// The name indexes `build.rs` made of the embedded tables with [`names::commune_entries`]:
/// the current names' two indexes, then the former names' (see [`built`]).
const BUILT: &str = include_str!(concat!(env!("OUT_DIR"), "/commune_keys.txt"));

/// Name key → commune rows, for the names of one kind (current, or former).
#[derive(Debug, PartialEq, Eq)]
pub(super) struct NameIndex {
    /// Every name's key, article kept, and its variants.
    pub(super) by_key: Index<&'static str>,
    /// The keys of names that open with an article, without it ("grand quevilly").
    pub(super) by_dropped: Index<&'static str>,
}

impl NameIndex {
    /// The index of `(name, row)` pairs (see [`names::commune_entries`]).
    fn new<'a>(named: impl Iterator<Item = (&'a str, u32)>) -> NameIndex {
        let [by_key, by_dropped] = names::commune_entries(named).map(Index::leaked);
        NameIndex { by_key, by_dropped }
    }

    /// The next two indexes of `built`.
    fn built(built: &mut impl Iterator<Item = Index<&'static str>>) -> Option<NameIndex> {
        Some(NameIndex { by_key: built.next()?, by_dropped: built.next()? })
    }

    /// The rows under `key`, else (`bare` being `key` without its article) under `bare` with or
    /// without an article, sorted.
    fn get(&self, key: &str, bare: &str) -> Vec<u32> {
        let mut rows: Vec<u32> = self.by_key.get(key).collect();
        if rows.is_empty() {
            rows.extend(self.by_key.get(bare));
            rows.extend(self.by_dropped.get(bare));
            rows.sort_unstable();
            rows.dedup();
        }
        rows
    }

    /// Whether some name has `key`, with or without its article.
    pub(super) fn contains(&self, key: &str) -> bool {
        self.by_key.contains(key) || self.by_dropped.contains(key)
    }
}

/// The communes, sorted by INSEE code, with their name indexes.
pub(super) struct Communes {
    pub(super) all: Vec<Commune>,
    /// The [`code_key`] of each commune of `all`, in the same order (sorted as `all` is), when
    /// every code has one: a lookup by code then bisects integers, not strings.
    codes: Option<Vec<u64>>,
    pub(super) current: NameIndex,
    /// Names of communes déléguées and associées and former names, to the current commune.
    former: NameIndex,
}

impl Communes {
    pub(super) fn load() -> Communes {
        let mut all: Vec<Commune> = rows::<6>(FILES[0])
            .filter(|r| !r[0].is_empty())
            .map(|[insee, name, departement, region, population, parent]| Commune {
                insee,
                name,
                departement,
                region,
                population: population.parse().ok(),
                parent: Some(parent).filter(|p| !p.is_empty()),
            })
            .collect();
        all.sort_by_key(|c| c.insee);
        all.dedup_by_key(|c| c.insee);
        let built_indexes = || {
            let mut indexes = built(BUILT);
            Some((NameIndex::built(&mut indexes)?, NameIndex::built(&mut indexes)?))
        };
        let (current, former) = FILES
            .iter()
            .all(|rel| is_embedded(rel))
            .then(built_indexes)
            .flatten()
            .unwrap_or_else(|| Communes::indexes(&all));
        let codes = all.iter().map(|c| code_key(c.insee)).collect();
        Communes { all, codes, current, former }
    }

    /// The name indexes of the current communes `all` and of the former communes.
    fn indexes(all: &[Commune]) -> (NameIndex, NameIndex) {
        let current = NameIndex::new(all.iter().zip(0..).map(|(c, i)| (c.name, i)));
        let find = |insee: &str| all.binary_search_by_key(&insee, |c| c.insee).ok();
        let former: Vec<(&str, u32)> = rows::<3>(FILES[1])
            .chain(rows::<3>(FILES[2]))
            .filter_map(|[_, name, commune]| Some((name, find(commune)? as u32)))
            .collect();
        (current, NameIndex::new(former.into_iter()))
    }

    /// The commune of INSEE code `insee`.
    pub(super) fn get(&self, insee: &str) -> Option<&Commune> {
        let at = match &self.codes {
            // No code of the table is without a key: a code without one is none of them.
            Some(codes) => codes.binary_search(&code_key(insee)?).ok(),
            None => self.all.binary_search_by_key(&insee, |c| c.insee).ok(),
        };
        at.map(|i| &self.all[i])
    }

    /// The communes bearing `name` now (under its key with its article, else without), and the
    /// current communes of the former communes of that name that are not among them.
    pub(super) fn named(&self, name: &str) -> (Vec<&Commune>, Vec<&Commune>) {
        let key = names::key(name);
        let bare = names::bare(&key);
        let current = self.current.get(&key, bare);
        let mut former = self.former.get(&key, bare);
        former.retain(|i| !current.contains(i));
        let communes = |rows: Vec<u32>| rows.into_iter().map(|i| &self.all[i as usize]).collect();
        (communes(current), communes(former))
    }
}

/// A code of up to eight bytes, none of them NUL, as a number that sorts as the code does (its
/// bytes big-endian, zeros after a shorter code) and is the same only for the same code; `None`
/// for any other code. INSEE codes are five characters ("59153", "2A004").
fn code_key(code: &str) -> Option<u64> {
    let b = code.as_bytes();
    (b.len() <= 8 && !b.contains(&0)).then(|| {
        b.iter().zip((0..8).rev()).fold(0u64, |k, (&x, shift)| k | (u64::from(x) << (8 * shift)))
    })
}

#[cfg(test)]
mod tests {
    use super::{BUILT, Communes, NameIndex, built, code_key};

    #[test]
    fn code_keys_sort_as_the_codes_and_tell_them_apart() {
        let mut codes = ["59153", "2A004", "2B033", "01001", "97411", "7505", "750561", ""];
        codes.sort_unstable();
        let keys: Vec<u64> = codes.iter().map(|c| code_key(c).unwrap()).collect();
        assert!(keys.is_sorted_by(|a, b| a < b), "{keys:?}");
        assert_eq!(code_key("123456789"), None);
        assert_eq!(code_key("1\0"), None);
        let communes = Communes::load();
        assert!(communes.codes.is_some());
        assert_eq!(communes.get("59153").map(|c| c.insee), Some("59153"));
        for c in communes.all.iter().step_by(97) {
            assert_eq!(communes.get(c.insee).map(|x| x.insee), Some(c.insee));
        }
        assert!(communes.get("5915").is_none() && communes.get("591530").is_none());
    }

    #[test]
    fn the_built_indexes_are_those_made_at_run_time() {
        let communes = Communes::load();
        let (current, former) = Communes::indexes(&communes.all);
        let mut indexes = built(BUILT);
        assert_eq!(NameIndex::built(&mut indexes), Some(current));
        assert_eq!(NameIndex::built(&mut indexes), Some(former));
        assert!(indexes.next().is_none());
        assert!(communes.current.contains("le quesnoy") && communes.current.contains("quesnoy"));
    }
}
