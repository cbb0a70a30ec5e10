//! Embeds every file of `rules/` into the binary, so `cdv` runs without a data folder while the
//! files stay plain text that users read and extend (and override at run time with `--rules`).

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

// The gazetteer's lookup keys, made here with the very code the program uses at run time.
#[allow(dead_code)]
#[path = "src/gazetteer/names.rs"]
mod gazetteer_names;
#[allow(dead_code)]
#[path = "src/names.rs"]
mod names;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("rules");
    println!("cargo:rerun-if-changed=rules");
    let mut files = Vec::new();
    collect(&root, &root, &mut files);
    files.sort();
    let mut out = String::from(
        "/// Every file of `rules/`, by path relative to it.\npub static EMBEDDED: &[(&str, &str)] = &[\n",
    );
    for rel in &files {
        let abs = root.join(rel);
        println!("cargo:rerun-if-changed={}", abs.display());
        writeln!(out, "    ({rel:?}, include_str!({:?})),", abs.display().to_string()).unwrap();
    }
    out.push_str("];\n");
    // What the executable's behaviour depends on besides the rule files: the sources and the
    // locked dependencies. Incremental runs compare it instead of hashing the executable.
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut sources = Vec::new();
    collect_sources(&manifest.join("src"), &mut sources);
    sources.push(manifest.join("Cargo.lock"));
    sources.sort();
    let mut h = Fnv::default();
    for path in &sources {
        println!("cargo:rerun-if-changed={}", path.display());
        h.write(path.strip_prefix(manifest).unwrap_or(path).to_string_lossy().as_bytes());
        h.write(&std::fs::read(path).unwrap_or_default());
    }
    writeln!(
        out,
        "/// A fingerprint of the sources and locked dependencies this build was made from."
    )
    .unwrap();
    let fingerprint = format!("{:016x}", h.0);
    writeln!(out, "pub const BUILD_FINGERPRINT: &str = \"{fingerprint}\";").unwrap();
    // The rule-data hash of the embedded files (see `export::incremental::rules_hash`), which
    // every run writes: hashed here once rather than on each run.
    let mut sha = Sha256::new();
    sha.update(format!("cdv {}\n", env!("CARGO_PKG_VERSION")));
    for rel in &files {
        sha.update(rel.as_bytes());
        sha.update([0]);
        sha.update(std::fs::read(root.join(rel)).unwrap());
        sha.update([0]);
    }
    sha.update(fingerprint.as_bytes());
    let hash: String = sha.finalize().iter().map(|b| format!("{b:02x}")).collect();
    writeln!(
        out,
        "/// The rule-data hash of the embedded rule files and this build's fingerprint."
    )
    .unwrap();
    writeln!(out, "pub const EMBEDDED_RULES_HASH: &str = \"{hash}\";").unwrap();
    let out_dir = std::env::var("OUT_DIR").unwrap();
    let dest = Path::new(&out_dir).join("embedded_rules.rs");
    std::fs::write(dest, out).unwrap();
    gazetteer_indexes(&root, Path::new(&out_dir));
}

/// The first `N` tab-separated fields of each data line of a gazetteer file, trimmed: the
/// reading of `gazetteer::table::rows`.
fn rows<const N: usize>(text: &str) -> impl Iterator<Item = [&str; N]> {
    text.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')).map(|l| {
        let mut fields = [""; N];
        for (slot, f) in fields.iter_mut().zip(l.split('\t')) {
            *slot = f.trim();
        }
        fields
    })
}

/// The name indexes of the embedded gazetteer tables, made with the functions the program runs
/// on overridden tables (`gazetteer::names::commune_entries`, `epci_entries`), written as
/// `gazetteer::table::built` reads them: `commune_keys.txt` (current names by key, by key
/// without article, the same two for former names) and `epci_keys.txt` (by name, by core, by
/// initials, by member commune). Folding and sorting 40,000 names took a tenth of a
/// one-document run.
fn gazetteer_indexes(root: &Path, out_dir: &Path) {
    use gazetteer_names::{Entries, commune_entries, epci_entries};
    let read = |rel: &str| std::fs::read_to_string(root.join(rel)).unwrap();
    // The rows of `Communes::load` and `Epcis::load`: sorted by code, the first row of a code
    // kept (a stable sort, then a dedup).
    let communes = read("gazetteer/communes.tsv");
    let mut named: Vec<(&str, &str)> =
        rows::<6>(&communes).filter(|r| !r[0].is_empty()).map(|r| (r[0], r[1])).collect();
    named.sort_by_key(|&(code, _)| code);
    named.dedup_by_key(|&mut (code, _)| code);
    let (deleguees, anciennes) =
        (read("gazetteer/communes_deleguees.tsv"), read("gazetteer/communes_anciennes.tsv"));
    let former: Vec<(&str, u32)> = rows::<3>(&deleguees)
        .chain(rows::<3>(&anciennes))
        .filter_map(|[_, name, commune]| {
            Some((name, named.binary_search_by_key(&commune, |&(code, _)| code).ok()? as u32))
        })
        .collect();
    let [by_key, by_dropped] =
        commune_entries(named.iter().zip(0..).map(|(&(_, name), i)| (name, i))).map(sorted);
    let former = commune_entries(former.into_iter()).map(sorted);
    let has = |list: &Entries, key: &str| {
        list.get(list.partition_point(|(k, _)| k.as_str() < key)).is_some_and(|(k, _)| k == key)
    };
    let is_commune = |key: &str| has(&by_key, key) || has(&by_dropped, key);
    let epci = read("gazetteer/epci.tsv");
    let mut epcis: Vec<[&str; 4]> = rows::<4>(&epci).filter(|r| !r[0].is_empty()).collect();
    epcis.sort_by_key(|r| r[0]);
    epcis.dedup_by_key(|r| r[0]);
    let aliases = read("gazetteer/epci_aliases.tsv");
    let aliases = rows::<2>(&aliases).filter_map(|[alias, siren]| {
        Some((alias, epcis.binary_search_by_key(&siren, |r| r[0]).ok()? as u32))
    });
    let names = epcis.iter().zip(0..).map(|(r, i)| (r[1], i));
    let [by_name, by_core, by_initials] = epci_entries(names, aliases, is_commune).map(sorted);
    let by_member = sorted(
        epcis
            .iter()
            .zip(0..)
            .flat_map(|(r, i)| {
                r[3].split(',').filter(|m| !m.is_empty()).map(move |m| (m.to_owned(), i))
            })
            .collect(),
    );
    let write = |file: &str, lists: &[&Entries]| {
        let mut out = String::new();
        for list in lists {
            for (key, row) in *list {
                writeln!(out, "{key}\t{row}").unwrap();
            }
            out.push('\n');
        }
        std::fs::write(out_dir.join(file), out).unwrap();
    };
    let [former_key, former_dropped] = &former;
    write("commune_keys.txt", &[&by_key, &by_dropped, former_key, former_dropped]);
    write("epci_keys.txt", &[&by_name, &by_core, &by_initials, &by_member]);
}

/// `entries` sorted and without duplicates, as `gazetteer::table::Index::new` keeps them.
fn sorted(mut entries: gazetteer_names::Entries) -> gazetteer_names::Entries {
    entries.sort_unstable();
    entries.dedup();
    entries
}

fn collect(root: &Path, dir: &Path, files: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect(root, &path, files);
        } else if path
            .extension()
            .is_some_and(|e| matches!(e.to_str(), Some("txt" | "tsv" | "csv")))
        {
            let rel = path.strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
            files.push(rel);
        }
    }
}

fn collect_sources(dir: &Path, files: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            collect_sources(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// 64-bit FNV-1a: stable across Rust versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for b in bytes {
            self.0 ^= u64::from(*b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
        // Separates consecutive writes ("ab" + "c" differs from "a" + "bc").
        self.0 ^= 0xff;
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}
