//! The gazetteer: French communes, intercommunalities (EPCI, and the EPT of the Grand Paris),
//! départements and régions with their official codes, so that names found in documents can be
//! linked to them (INSEE code of a commune, SIREN of an intercommunality).
//!
//! The tables are the files of `rules/gazetteer/` (built from the Etalab package
//! `@etalab/decoupage-administratif`, see the README there), read once, on first use. Names are
//! matched through the keys of [`names`]: case, accents, hyphens, apostrophes, "St"/"Saint" and a
//! leading article do not matter, except that a name written with its article is first looked up
//! with it ("Le Quesnoy").
//!
//! - [`communes_named`], [`link_commune`] (with a [`LinkContext`] of what the document already
//!   tells: its intercommunality, départements, régions), [`commune`];
//! - [`epci_named`] (official names, names without their kind, initialisms, the aliases of
//!   `rules/gazetteer/epci_aliases.tsv`), [`epcis_of_commune`], [`epci`];
//! - [`departement_named`], [`departement`], [`region_named`], [`region`];
//! - [`qpv`]: the quartiers prioritaires of 2024 with their ANCT codes (`qpv::qpvs_named`,
//!   `qpv::find_qpvs`).

mod communes;
mod epci;
pub mod names;
pub mod qpv;
mod table;

use std::sync::LazyLock;

use communes::Communes;
use epci::Epcis;
use table::rows;

/// A current commune, or an arrondissement municipal of Paris, Lyon or Marseille.
#[derive(Debug, PartialEq, Eq)]
pub struct Commune {
    /// The INSEE code ("59153").
    pub insee: &'static str,
    /// The official name ("Condé-sur-l'Escaut").
    pub name: &'static str,
    /// The département's code ("59", "2A", "974").
    pub departement: &'static str,
    /// The région's code ("32").
    pub region: &'static str,
    /// The legal population, when the source gives it.
    pub population: Option<u32>,
    /// For an arrondissement municipal, the INSEE code of its commune ("75056" for Paris).
    pub parent: Option<&'static str>,
}

/// An intercommunality: an EPCI à fiscalité propre or an établissement public territorial.
#[derive(Debug, PartialEq, Eq)]
pub struct Epci {
    /// The SIREN number ("246200364").
    pub siren: &'static str,
    /// The official name ("CA de Lens - Liévin").
    pub name: &'static str,
    /// The kind as the source gives it: `CA`, `CC`, `CU`, `METRO`, `MET69` (Métropole de Lyon)
    /// or `EPT`.
    pub kind: &'static str,
    /// The INSEE codes of the member communes, sorted.
    pub members: Vec<&'static str>,
}

impl Epci {
    /// The kind as records write it: `CA`, `CC`, `CU`, `EPT`, `Métropole` (for `METRO` and
    /// `MET69`), `EPCI` for anything else.
    pub fn record_kind(&self) -> &'static str {
        match self.kind {
            "METRO" | "MET69" => "Métropole",
            "CA" => "CA",
            "CU" => "CU",
            "CC" => "CC",
            "EPT" => "EPT",
            _ => "EPCI",
        }
    }
}

/// A département.
#[derive(Debug, PartialEq, Eq)]
pub struct Departement {
    /// The code ("59", "2A", "974").
    pub code: &'static str,
    /// The name ("Nord").
    pub name: &'static str,
    /// The région's code.
    pub region: &'static str,
}

/// A région.
#[derive(Debug, PartialEq, Eq)]
pub struct Region {
    /// The code ("32").
    pub code: &'static str,
    /// The name ("Hauts-de-France").
    pub name: &'static str,
}

/// What a document already tells about where its communes are, to choose among homonyms.
#[derive(Debug, Default, Clone)]
pub struct LinkContext {
    /// SIRENs of the intercommunalities the document is about (the contract's territory).
    pub epcis: Vec<String>,
    /// Codes of the départements the document is about (named, or those of communes already
    /// linked without ambiguity).
    pub departements: Vec<String>,
    /// Codes of the régions the document is about.
    pub regions: Vec<String>,
}

impl LinkContext {
    /// Adds an intercommunality the document is about.
    pub fn add_epci(&mut self, epci: &Epci) {
        add(&mut self.epcis, epci.siren);
    }

    /// Adds the département and région of a commune the document is about.
    pub fn add_commune(&mut self, commune: &Commune) {
        add(&mut self.departements, commune.departement);
        add(&mut self.regions, commune.region);
    }

    /// Adds a département the document is about, and its région.
    pub fn add_departement(&mut self, departement: &Departement) {
        add(&mut self.departements, departement.code);
        add(&mut self.regions, departement.region);
    }
}

/// Adds `code` to `codes` once.
fn add(codes: &mut Vec<String>, code: &str) {
    if !code.is_empty() && !codes.iter().any(|c| c == code) {
        codes.push(code.to_owned());
    }
}

/// The outcome of linking a name to a commune.
#[derive(Debug, PartialEq, Eq)]
pub enum Link {
    /// One commune has the name (in the context).
    Unique(&'static Commune),
    /// Several do and the context does not choose: the caller leaves the code out and warns.
    Ambiguous(Vec<&'static Commune>),
    /// None does.
    Unknown,
}

impl Link {
    /// The commune, when the link is unique.
    pub fn unique(&self) -> Option<&'static Commune> {
        match self {
            Link::Unique(c) => Some(c),
            _ => None,
        }
    }
}

static COMMUNES: LazyLock<Communes> = LazyLock::new(Communes::load);

static EPCIS: LazyLock<Epcis> = LazyLock::new(|| Epcis::load(&COMMUNES));

static DEPARTEMENTS: LazyLock<Vec<Departement>> = LazyLock::new(|| {
    rows::<3>("gazetteer/departements.tsv")
        .map(|[code, name, region]| Departement { code, name, region })
        .collect()
});

static REGIONS: LazyLock<Vec<Region>> = LazyLock::new(|| {
    rows::<2>("gazetteer/regions.tsv").map(|[code, name]| Region { code, name }).collect()
});

/// The lookup key of each département's and région's name, computed once.
static DEPARTEMENT_KEYS: LazyLock<Vec<String>> = LazyLock::new(|| {
    DEPARTEMENTS.iter().map(|d| names::bare(&names::key(d.name)).to_owned()).collect()
});
static REGION_KEYS: LazyLock<Vec<String>> =
    LazyLock::new(|| REGIONS.iter().map(|r| names::bare(&names::key(r.name)).to_owned()).collect());

/// The current communes named `name` (and the arrondissements municipaux, "Paris 19e"), sorted
/// by INSEE code. A name no current commune bears but a former one did, or a commune déléguée
/// does ("Notre-Dame-de-Gravenchon", "Oissel"), gives the current commune holding it.
///
/// A département in parentheses after a name no commune bears with it chooses among the
/// communes of the name without it: "Saint-Denis (93)", "Lens (Pas-de-Calais)".
pub fn communes_named(name: &str) -> Vec<&'static Commune> {
    let (current, former) = named(name);
    if current.is_empty() { former } else { current }
}

/// The communes bearing `name` now, and those that bore it or hold a commune déléguée of that
/// name (see [`communes_named`]).
fn named(name: &str) -> (Vec<&'static Commune>, Vec<&'static Commune>) {
    let (current, former) = COMMUNES.named(name);
    if !current.is_empty() || !former.is_empty() {
        return (current, former);
    }
    let qualified = names::without_parentheses(name).zip(name.split_once('('));
    let Some((plain, (_, qualifier))) = qualified else { return (current, former) };
    let qualifier = qualifier.split(')').next().unwrap_or_default().trim();
    let Some(dep) = departement(qualifier).or_else(|| departement_named(qualifier)) else {
        return (current, former);
    };
    let (mut current, mut former) = COMMUNES.named(&plain);
    current.retain(|c| c.departement == dep.code);
    former.retain(|c| c.departement == dep.code);
    (current, former)
}

/// The commune of INSEE code `insee`.
pub fn commune(insee: &str) -> Option<&'static Commune> {
    COMMUNES.get(insee)
}

/// The commune of INSEE code `insee` as it is today: a delegated or former commune gives the
/// commune it belongs to.
pub fn current_commune(insee: &str) -> Option<&'static Commune> {
    commune(insee).map(|c| c.parent.and_then(commune).unwrap_or(c))
}

/// Links `name` to a commune: among the communes of that name, those of the context's
/// intercommunalities, else of its départements, else of its régions; [`Link::Ambiguous`] when
/// the context leaves several.
///
/// A former name counts too, below the current ones: "Évry" is a commune of the Yonne, and the
/// former name of Évry-Courcouronnes (Essonne), which a context in the Essonne chooses.
pub fn link_commune(name: &str, ctx: &LinkContext) -> Link {
    let (current, former) = named(name);
    let mut found: Vec<&Commune> = current.iter().chain(&former).copied().collect();
    if found.len() > 1 {
        let in_epci = |c: &&Commune| {
            epcis_of_commune(c.parent.unwrap_or(c.insee))
                .iter()
                .any(|e| ctx.epcis.iter().any(|s| s == e.siren))
        };
        let in_departement = |c: &&Commune| ctx.departements.iter().any(|d| d == c.departement);
        let in_region = |c: &&Commune| ctx.regions.iter().any(|r| r == c.region);
        let is_current = |c: &&Commune| current.contains(c);
        let filters: [&dyn Fn(&&Commune) -> bool; 4] =
            [&in_epci, &in_departement, &in_region, &is_current];
        for keep in filters {
            let kept: Vec<&Commune> = found.iter().copied().filter(keep).collect();
            if !kept.is_empty() {
                found = kept;
            }
            if found.len() == 1 {
                break;
            }
        }
    }
    match found.len() {
        0 => Link::Unknown,
        1 => Link::Unique(found[0]),
        _ => Link::Ambiguous(found),
    }
}

/// The intercommunalities named `name`, sorted by SIREN: by their official name ("CA de Lens -
/// Liévin", "Communauté d'agglomération de Lens-Liévin"), their name without its kind
/// ("Lens-Liévin", "Grand Narbonne"), an initialism written in capitals ("CALL"), or an alias
/// of `rules/gazetteer/epci_aliases.tsv` ("Grand Alès").
pub fn epci_named(name: &str) -> Vec<&'static Epci> {
    EPCIS.named(name)
}

/// Every intercommunality of the gazetteer.
pub fn epcis() -> &'static [Epci] {
    &EPCIS.all
}

/// The intercommunality of SIREN `siren`.
pub fn epci(siren: &str) -> Option<&'static Epci> {
    EPCIS.get(siren)
}

/// The members of the intercommunality of SIREN `siren`, as communes.
pub fn epci_members(siren: &str) -> Vec<&'static Commune> {
    epci(siren).map_or_else(Vec::new, |e| e.members.iter().filter_map(|m| commune(m)).collect())
}

/// The intercommunalities commune `insee` belongs to (its EPCI, and its EPT in the Grand
/// Paris), sorted by SIREN.
pub fn epcis_of_commune(insee: &str) -> Vec<&'static Epci> {
    let epcis = &*EPCIS;
    epcis.by_member.get(insee).map(|i| &epcis.all[i as usize]).collect()
}

/// A territory name without the word that introduces it ("département du Nord" → "Nord").
fn without_cue<'a>(key: &'a str, cue: &str) -> &'a str {
    let Some(rest) = key.strip_prefix(cue).and_then(|r| r.strip_prefix(' ')) else {
        return key;
    };
    ["de la ", "de l ", "du ", "des ", "de ", "d "]
        .iter()
        .find_map(|l| rest.strip_prefix(l))
        .unwrap_or(rest)
}

/// The département named `name` ("Nord", "Pas-de-Calais", "département de la Seine-Maritime").
pub fn departement_named(name: &str) -> Option<&'static Departement> {
    let key = names::key(name);
    let key = names::bare(without_cue(&key, "departement"));
    DEPARTEMENT_KEYS.iter().position(|k| k == key).map(|i| &DEPARTEMENTS[i])
}

/// The département of code `code`.
pub fn departement(code: &str) -> Option<&'static Departement> {
    DEPARTEMENTS.iter().find(|d| d.code == code)
}

/// The région named `name` ("Grand Est", "Hauts-de-France", "région Normandie").
pub fn region_named(name: &str) -> Option<&'static Region> {
    let key = names::key(name);
    let key = names::bare(without_cue(&key, "region"));
    REGION_KEYS.iter().position(|k| k == key).map(|i| &REGIONS[i])
}

/// The région of code `code`.
pub fn region(code: &str) -> Option<&'static Region> {
    REGIONS.iter().find(|r| r.code == code)
}

#[cfg(test)]
mod tests;
