//! The store's tables and their migrations. The version lives in SQLite's `user_version`;
//! the `dyad_meta` table marks the file as a dyad store.

use crate::Error;
use rusqlite::Connection;
use std::path::Path;

/// The schema version this dyad writes and reads.
pub const SCHEMA_VERSION: i64 = 4;

/// Migrations, in order: `MIGRATIONS[i]` takes a store from version `i` to `i + 1`.
const MIGRATIONS: [&str; 4] = [
    // 1: documents, entities, events, mentions.
    "CREATE TABLE dyad_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
     INSERT INTO dyad_meta VALUES ('application', 'dyad');
     CREATE TABLE documents (
        id TEXT PRIMARY KEY, url TEXT, title TEXT, source TEXT, published TEXT,
        fingerprint TEXT NOT NULL, duplicate_of TEXT, text TEXT NOT NULL);
     CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id), idx INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, text TEXT NOT NULL, label TEXT NOT NULL,
        actor TEXT, canonical TEXT, role TEXT, PRIMARY KEY (doc_id, idx));
     CREATE TABLE events (
        id INTEGER PRIMARY KEY, source TEXT, target TEXT, cameo TEXT NOT NULL, root TEXT NOT NULL,
        quad_class INTEGER NOT NULL, goldstein REAL NOT NULL, date TEXT, historical INTEGER NOT NULL,
        modality TEXT NOT NULL, num_mentions INTEGER NOT NULL, num_sources INTEGER NOT NULL,
        num_articles INTEGER NOT NULL, first_doc TEXT NOT NULL);
     CREATE INDEX events_dyad ON events (source, target, cameo, modality, date);
     CREATE TABLE mentions (
        doc_id TEXT NOT NULL REFERENCES documents(id), mention_id TEXT NOT NULL,
        event_id INTEGER NOT NULL REFERENCES events(id), sentence INTEGER NOT NULL,
        start INTEGER NOT NULL, end INTEGER NOT NULL, trigger TEXT NOT NULL,
        source_text TEXT, target_text TEXT, modality TEXT NOT NULL, attribution TEXT,
        attribution_code TEXT, date TEXT, confidence REAL NOT NULL, evidence TEXT NOT NULL,
        PRIMARY KEY (doc_id, mention_id));
     CREATE INDEX mentions_event ON mentions (event_id);",
    // 2: place and PLOVER type/mode of the event (the first mention's), place per mention.
    "ALTER TABLE events ADD COLUMN place TEXT;
     ALTER TABLE events ADD COLUMN place_country TEXT;
     ALTER TABLE events ADD COLUMN plover_type TEXT;
     ALTER TABLE events ADD COLUMN plover_mode TEXT;
     ALTER TABLE mentions ADD COLUMN place TEXT;",
    // 3: indexes for the filters without actors (by code or root over a date range).
    "CREATE INDEX events_code_date ON events (cameo, date);
     CREATE INDEX events_root_date ON events (root, date);
     CREATE INDEX events_date ON events (date);",
    // 4: the instants a mention gives the event (UTC, from a clock time with a zone).
    "ALTER TABLE mentions ADD COLUMN time_start TEXT;
     ALTER TABLE mentions ADD COLUMN time_end TEXT;",
];

/// Brings `conn` to [`SCHEMA_VERSION`], refusing foreign and newer files.
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), Error> {
    let sqlite = |source| Error::Sqlite { path: Some(path.to_path_buf()), source };
    let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).map_err(|e| match e {
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            Error::NotAStore { path: path.to_path_buf(), found: "not an SQLite file".into() }
        }
        e => sqlite(e),
    })?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0)).map_err(sqlite)?;
    if version == 0 && tables > 0 {
        return Err(Error::NotAStore {
            path: path.to_path_buf(),
            found: format!("an SQLite database with {tables} other objects"),
        });
    }
    if version > 0 {
        let app: Option<String> =
            conn.query_row("SELECT value FROM dyad_meta WHERE key = 'application'", [], |r| r.get(0)).ok();
        if app.as_deref() != Some("dyad") {
            return Err(Error::NotAStore {
                path: path.to_path_buf(),
                found: format!("user_version {version} but no dyad marker"),
            });
        }
    }
    if version > SCHEMA_VERSION {
        return Err(Error::TooNew { path: path.to_path_buf(), found: version, supported: SCHEMA_VERSION });
    }
    for (i, sql) in MIGRATIONS.iter().enumerate().skip(version as usize) {
        let tx = conn.transaction().map_err(sqlite)?;
        tx.execute_batch(sql).map_err(sqlite)?;
        tx.pragma_update(None, "user_version", (i + 1) as i64).map_err(sqlite)?;
        tx.commit().map_err(sqlite)?;
    }
    Ok(())
}

/// Builds a store at an older version, for migration tests.
#[cfg(test)]
pub(crate) fn create_at_version(conn: &mut Connection, version: usize) {
    for (i, sql) in MIGRATIONS.iter().enumerate().take(version) {
        conn.execute_batch(sql).unwrap();
        conn.pragma_update(None, "user_version", (i + 1) as i64).unwrap();
    }
}
