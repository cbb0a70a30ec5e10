//! The intercommunalities table and its name indexes.

use super::Epci;
use super::communes::Communes;
use super::names;
use super::table::{Index, rows};

/// The intercommunalities, sorted by SIREN, with their name indexes.
pub(super) struct Epcis {
    pub(super) all: Vec<Epci>,
    /// Official names (kind spelt out) and aliases.
    by_name: Index<String>,
    /// Names without their kind, and without a leading article.
    by_core: Index<String>,
    /// Initialisms of the long name and of the name without its kind, acronyms.
    by_initials: Index<String>,
    /// Commune INSEE code → the intercommunalities it belongs to.
    pub(super) by_member: Index<&'static str>,
}

impl Epcis {
    pub(super) fn load(communes: &Communes) -> Epcis {
        let mut all: Vec<Epci> = rows::<4>("gazetteer/epci.tsv")
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
        let (mut by_name, mut by_core, mut by_initials, mut by_member) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        for (e, i) in all.iter().zip(0..) {
            by_member.extend(e.members.iter().map(|&m| (m, i)));
            let plain = names::without_parentheses(e.name);
            let long = names::expand_kind(&names::key(plain.as_deref().unwrap_or(e.name)));
            let core = names::core(&long);
            // A kind-less name that is a commune's ("Métropole de Lyon" → "Lyon", "Rennes
            // Métropole" → "Rennes") would turn the commune into the intercommunality: keep it
            // out.
            let short = core.into_iter().chain(names::without_trailing_kind(core.unwrap_or(&long)));
            for k in short.flat_map(|k| [k, names::bare(k)]) {
                if !communes.current.contains(k) {
                    by_core.push((k.to_owned(), i));
                }
            }
            by_initials.extend(core.and_then(names::initialism).map(|k| (k, i)));
            by_core.push((names::bare(&long).to_owned(), i));
            by_initials.extend(names::initialism(&long).map(|k| (k, i)));
            if let Some(acronym) = names::parenthesised_acronym(e.name) {
                by_initials.push((acronym.to_lowercase(), i));
            }
            by_name.push((long, i));
        }
        for [alias, siren] in rows::<2>("gazetteer/epci_aliases.tsv") {
            let Ok(i) = all.binary_search_by_key(&siren, |e| e.siren) else { continue };
            if names::is_acronym(alias) {
                by_initials.push((alias.to_lowercase(), i as u32));
            } else {
                by_name.push((names::expand_kind(&names::key(alias)), i as u32));
            }
        }
        Epcis {
            all,
            by_name: Index::new(by_name),
            by_core: Index::new(by_core),
            by_initials: Index::new(by_initials),
            by_member: Index::new(by_member),
        }
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
