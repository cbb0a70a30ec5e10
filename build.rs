//! Embeds every file of `rules/` into the binary, so `cdv` runs without a data folder while the
//! files stay plain text that users read and extend (and override at run time with `--rules`).

use std::fmt::Write as _;
use std::path::Path;

use sha2::{Digest, Sha256};

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
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("embedded_rules.rs");
    std::fs::write(dest, out).unwrap();
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
