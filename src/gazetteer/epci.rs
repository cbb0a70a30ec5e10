//! The intercommunalities table and its name indexes.

use super::Epci;
use super::communes::{self, Communes};
use super::names;
use super::table::{Index, built, is_embedded, rows};

/// The intercommunalities tables' files.
const FILES: [&str; 2] = ["gazetteer/epci.tsv", "gazetteer/epci_aliases.tsv"];

/// The name indexes `build.rs` made of the embedded tables with [`names::epci_entries`] (by
/// name, by core, by initials), then the index by member commune (see [`built`]).
const BUILT: &str = include_str!(concat!(env!("OUT_DIR"), "/epci_keys.txt"));

/// The intercommunalities, sorted by SIREN, with their name indexes.
#[derive(Debug, PartialEq, Eq)]
pub(super) struct Epcis {
    pub(super) all: Vec<Epci>,
    /// Official names (kind spelt out) and aliases.
    by_name: Index<&'static str>,
    /// Names without their kind, and without a leading article.
    by_core: Index<&'static str>,
    /// Initialisms of the long name and of the name without its kind, acronyms.
    by_initials: Index<&'static str>,
    /// Commune INSEE code → the intercommunalities it belongs to.
    pub(super) by_member: Index<&'static str>,
}

impl Epcis {
    pub(super) fn load(communes: &Communes) -> Epcis {
        let mut all: Vec<Epci> = rows::<4>(FILES[0])
            .filter(|r| !r[0].is_empty())
            .map(|[siren, name, kind, members]| Epci {
                siren,
                name,
                kind,
                members: members.split(',').filter(|m| !m.is_empty()).collect(),
            })
            .collect();
        all.sort_by_key(|e| e.siren);
        all.dedup_by_key(|e| e.siren);
        // The names without their kind depend on the communes' names.
        let embedded = FILES.iter().chain(&communes::FILES).all(|rel| is_embedded(rel));
        let mut indexes = built(BUILT);
        let mut next = || if embedded { indexes.next() } else { None };
        if let (Some(by_name), Some(by_core), Some(by_initials), Some(by_member)) =
            (next(), next(), next(), next())
        {
            return Epcis { all, by_name, by_core, by_initials, by_member };
        }
        Epcis::indexed(all, communes)
    }

    /// The intercommunalities `all` with the indexes made at run time.
    fn indexed(all: Vec<Epci>, communes: &Communes) -> Epcis {
        let aliases: Vec<(&str, u32)> = rows::<2>(FILES[1])
            .filter_map(|[alias, siren]| {
                let i = all.binary_search_by_key(&siren, |e| e.siren).ok()?;
                Some((alias, i as u32))
            })
            .collect();
        let [by_name, by_core, by_initials] = names::epci_entries(
            all.iter().zip(0..).map(|(e, i)| (e.name, i)),
            aliases.into_iter(),
            |k| communes.current.contains(k),
        )
        .map(Index::leaked);
        let by_member =
            all.iter().zip(0..).flat_map(|(e, i)| e.members.iter().map(move |&m| (m, i))).collect();
        Epcis { by_name, by_core, by_initials, by_member: Index::new(by_member), all }
    }

    /// The intercommunality of SIREN `siren`.
    pub(super) fn get(&self, siren: &str) -> Option<&Epci> {
        self.all.binary_search_by_key(&siren, |e| e.siren).ok().map(|i| &self.all[i])
    }

    /// The intercommunalities named `name`, sorted by SIREN.
    pub(super) fn named(&self, name: &str) -> Vec<&Epci> {
        let name = name.trim();
        let written = match name.split_once([' ', '\'', '’']) {
            Some(("la" | "La" | "le" | "Le" | "l" | "L", rest)) => rest.trim(),
            _ => name,
        };
        let mut rows: Vec<u32> = if names::is_acronym(written) {
            let rows: Vec<u32> = self.by_initials.get(&written.to_lowercase()).collect();
            if rows.is_empty() { self.by_name.get(&names::key(written)).collect() } else { rows }
        } else {
            // "la Communauté d'agglomération de …": the kind may follow an article.
            let key = names::key(name);
            let long = names::expand_kind(&key);
            let bare_long = names::expand_kind(names::bare(&key));
            let core = names::core(&bare_long);
            let mut keys = vec![long.as_str(), bare_long.as_str()];
            keys.extend(core);
            keys.extend(core.map(names::bare));
            keys.iter()
                .flat_map(|k| [&self.by_name, &self.by_core].map(|index| index.get(k).collect()))
                .find(|rows: &Vec<u32>| !rows.is_empty())
                .unwrap_or_default()
        };
        rows.sort_unstable();
        rows.dedup();
        rows.into_iter().map(|i| &self.all[i as usize]).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::super::communes::Communes;
    use super::Epcis;

    #[test]
    fn the_built_indexes_are_those_made_at_run_time() {
        let communes = Communes::load();
        let epcis = Epcis::load(&communes);
        let all = epcis.all.iter().map(|e| super::Epci { members: e.members.clone(), ..*e });
        assert_eq!(Epcis::indexed(all.collect(), &communes), epcis);
    }
}
