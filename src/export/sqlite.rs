//! SQLite output (`cdv.sqlite`): the tables of [`super::tables`], written in one transaction.
//!
//! A new database is built in a temporary file renamed into place. An existing one (of the same
//! schema version) is updated in one transaction: a document whose record changed (its
//! `record_sha256`) is deleted (its facts go with it, by cascade) and inserted again, a document
//! gone from the records is deleted, unchanged documents are left alone, and the contract tables
//! are rebuilt. An interrupted run never commits, so the previous database stays whole (SQLite
//! rolls the journal back on the next open).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use rusqlite::{Connection, Transaction, params, types::Value};

use super::tables::{Cell, Level, Rows, SCHEMA_VERSION, TABLES, Table};

/// What an update did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Changes {
    pub inserted: usize,
    pub updated: usize,
    pub deleted: usize,
    pub unchanged: usize,
    pub contracts: usize,
}

/// One document's rows and the hash that tells whether it changed.
pub struct DocRows {
    pub id: String,
    pub record_sha256: String,
    pub rows: Rows,
}

/// Test hook: with `CDV_FAILPOINT=sqlite-mid-transaction`, the update stops for a minute in the
/// middle of its transaction (after the first document written), so a test can kill the process
/// there and show the old database survives.
const FAILPOINT: &str = "sqlite-mid-transaction";

/// Writes or updates the database at `path`.
pub fn write(
    path: &Path,
    docs: &[DocRows],
    contracts: &Rows,
    meta: &[(&str, String)],
) -> rusqlite::Result<Changes> {
    if path.exists() {
        match Connection::open(path).and_then(|c| schema_version(&c).map(|v| (c, v))) {
            Ok((mut conn, Some(v))) if v == SCHEMA_VERSION.to_string() => {
                return update(&mut conn, docs, contracts, meta);
            }
            _ => {} // another layout or not a database: built anew below
        }
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    let _ = std::fs::remove_file(&tmp);
    let result = (|| {
        let mut conn = Connection::open(&tmp)?;
        conn.execute_batch(&ddl())?;
        let changes = update(&mut conn, docs, contracts, meta)?;
        conn.close().map_err(|(_, e)| e)?;
        Ok(changes)
    })();
    match result {
        Ok(changes) => match std::fs::rename(&tmp, path) {
            Ok(()) => Ok(changes),
            Err(e) => {
                let _ = std::fs::remove_file(&tmp);
                Err(rusqlite::Error::ToSqlConversionFailure(Box::new(e)))
            }
        },
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn schema_version(conn: &Connection) -> rusqlite::Result<Option<String>> {
    let exists: i64 = conn.query_row(
        "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta'",
        [],
        |r| r.get(0),
    )?;
    if exists == 0 {
        return Ok(None);
    }
    let mut stmt = conn.prepare("SELECT value FROM meta WHERE key = 'schema_version'")?;
    let mut rows = stmt.query([])?;
    Ok(match rows.next()? {
        Some(r) => Some(r.get(0)?),
        None => None,
    })
}

fn update(
    conn: &mut Connection,
    docs: &[DocRows],
    contracts: &Rows,
    meta: &[(&str, String)],
) -> rusqlite::Result<Changes> {
    conn.execute_batch("PRAGMA foreign_keys = ON")?;
    let tx = conn.transaction()?;
    let mut changes = Changes::default();
    let old: BTreeMap<String, String> = {
        let mut stmt = tx.prepare("SELECT id, record_sha256 FROM documents")?;
        let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // Contracts go first: they reference documents, and are rebuilt whole.
    tx.execute("DELETE FROM contracts", [])?;
    let new: BTreeSet<&str> = docs.iter().map(|d| d.id.as_str()).collect();
    for id in old.keys().filter(|id| !new.contains(id.as_str())) {
        tx.execute("DELETE FROM documents WHERE id = ?1", params![id])?;
        changes.deleted += 1;
    }
    let mut written = 0;
    for d in docs {
        match old.get(&d.id) {
            Some(sha) if *sha == d.record_sha256 => {
                changes.unchanged += 1;
                continue;
            }
            Some(_) => {
                tx.execute("DELETE FROM documents WHERE id = ?1", params![d.id])?;
                changes.updated += 1;
            }
            None => changes.inserted += 1,
        }
        insert(&tx, &d.rows, Level::Document)?;
        written += 1;
        if written == 1 && crate::write::failpoint(FAILPOINT) {
            std::thread::sleep(std::time::Duration::from_secs(60));
            std::process::abort();
        }
    }
    insert(&tx, contracts, Level::Contract)?;
    changes.contracts = contracts.get("contracts").map_or(0, Vec::len);
    tx.execute("DELETE FROM meta", [])?;
    let mut all = vec![("schema_version", SCHEMA_VERSION.to_string())];
    all.extend(meta.iter().map(|(k, v)| (*k, v.clone())));
    for (k, v) in all {
        tx.execute("INSERT INTO meta VALUES (?1, ?2)", params![k, v])?;
    }
    tx.commit()?;
    Ok(changes)
}

fn insert(tx: &Transaction<'_>, rows: &Rows, level: Level) -> rusqlite::Result<()> {
    for t in TABLES.iter().filter(|t| t.level == level) {
        let Some(rows) = rows.get(t.name) else { continue };
        let marks = vec!["?"; t.columns.len()].join(", ");
        let mut stmt =
            tx.prepare_cached(&format!("INSERT INTO \"{}\" VALUES ({marks})", t.name))?;
        for row in rows {
            stmt.execute(rusqlite::params_from_iter(row.iter().map(value)))?;
        }
    }
    Ok(())
}

fn value(c: &Cell) -> Value {
    match c {
        Cell::Null => Value::Null,
        Cell::Int(i) => Value::Integer(*i),
        Cell::Real(x) => Value::Real(*x),
        Cell::Text(s) => Value::Text(s.clone()),
    }
}

/// The `CREATE TABLE` and `CREATE INDEX` statements of every table.
pub fn ddl() -> String {
    let mut out = String::new();
    for t in TABLES {
        create(&mut out, t);
    }
    out
}

fn create(out: &mut String, t: &Table) {
    let q =
        |names: &[&str]| names.iter().map(|n| format!("\"{n}\"")).collect::<Vec<_>>().join(", ");
    let _ = writeln!(out, "CREATE TABLE \"{}\" (", t.name);
    for c in t.columns {
        let null = if c.nullable { "" } else { " NOT NULL" };
        let _ = writeln!(out, "  \"{}\" {}{null},", c.name, c.ty);
    }
    let _ = write!(out, "  PRIMARY KEY ({})", q(t.primary_key));
    for fk in t.foreign_keys {
        let _ = write!(
            out,
            ",\n  FOREIGN KEY ({}) REFERENCES \"{}\" ({}) ON DELETE CASCADE",
            q(fk.columns),
            fk.table,
            q(fk.references)
        );
    }
    out.push_str("\n);\n");
    for c in t.indexes {
        let _ = writeln!(out, "CREATE INDEX \"{0}_{1}\" ON \"{0}\" (\"{1}\");", t.name, c);
    }
    // Child tables are searched by their parent key on every cascade.
    for fk in t.foreign_keys {
        if fk.columns != &t.primary_key[..fk.columns.len().min(t.primary_key.len())] {
            let name = fk.columns.join("_");
            if !t.indexes.contains(&name.as_str()) {
                let _ = writeln!(
                    out,
                    "CREATE INDEX \"{0}_fk_{name}\" ON \"{0}\" ({1});",
                    t.name,
                    q(fk.columns)
                );
            }
        }
    }
}
