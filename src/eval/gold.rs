//! Gold annotation files (`spec/gold-format.md`).

use std::path::Path;

use serde::Deserialize;

/// One gold file.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    pub id: String,
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub contracts: Vec<GoldContract>,
    #[serde(default)]
    pub figures: Vec<GoldFigure>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldContract {
    pub territory: String,
    #[serde(default)]
    pub signed_on: Option<String>,
    #[serde(default)]
    pub period: Option<[i32; 2]>,
    #[serde(default)]
    pub signatories: Vec<GoldSignatory>,
    #[serde(default)]
    pub organizations: Vec<String>,
    #[serde(default)]
    pub quartiers: Vec<GoldQuartier>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldSignatory {
    pub name: String,
    #[serde(default)]
    pub role: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldQuartier {
    pub name: String,
    #[serde(default)]
    pub communes: Vec<String>,
    #[serde(default)]
    pub status: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GoldFigure {
    pub value: f64,
    pub kind: String,
    #[serde(default)]
    pub scope: Option<String>,
}

/// Loads every `*.json` of `dir`, sorted by id.
pub fn load_gold_dir(dir: &Path) -> Result<Vec<Gold>, String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    let mut out = Vec::new();
    for p in paths {
        let text = std::fs::read_to_string(&p).map_err(|e| format!("{}: {e}", p.display()))?;
        let g: Gold = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", p.display()))?;
        out.push(g);
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}
