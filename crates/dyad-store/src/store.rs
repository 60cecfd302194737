//! Opening a store and adding documents to it.

use crate::{Error, schema};
use dyad_core::{Document, Event, dyad1};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::path::{Path, PathBuf};

/// An open store file.
pub struct Store {
    pub(crate) conn: Connection,
    path: Option<PathBuf>,
    /// Mentions of the same actors and action at most this many days apart are one event.
    pub window_days: u32,
}

/// What one [`Store::add`] call stored.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Added {
    /// Documents newly stored.
    pub documents: u64,
    /// Documents skipped because the store already held them.
    pub already_stored: u64,
    /// Event mentions stored.
    pub mentions: u64,
    /// Of those, mentions that created a new event (the rest joined an existing one).
    pub new_events: u64,
}

impl Store {
    /// Opens the store at `path`, creating it or bringing its schema up to date.
    pub fn open(path: &Path) -> Result<Store, Error> {
        let sqlite = |source| Error::Sqlite { path: Some(path.to_path_buf()), source };
        let mut conn = Connection::open(path).map_err(sqlite)?;
        // WAL keeps readers going during ingest; NORMAL sync is still crash-safe in WAL mode
        // (a power cut can lose the last commit, never corrupt the file).
        conn.busy_timeout(std::time::Duration::from_secs(10)).map_err(sqlite)?;
        let journal: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0)).map_err(|e| match e {
            rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
                Error::NotAStore { path: path.to_path_buf(), found: "not an SQLite file".into() }
            }
            e => sqlite(e),
        })?;
        let _ = journal;
        conn.pragma_update(None, "synchronous", "NORMAL").map_err(sqlite)?;
        conn.pragma_update(None, "foreign_keys", "ON").map_err(sqlite)?;
        schema::migrate(&mut conn, path)?;
        Ok(Store { conn, path: Some(path.to_path_buf()), window_days: 1 })
    }

    /// A store in memory, for tests and one-off runs.
    pub fn open_in_memory() -> Result<Store, Error> {
        let mut conn = Connection::open_in_memory()?;
        schema::migrate(&mut conn, Path::new(":memory:"))?;
        Ok(Store { conn, path: None, window_days: 1 })
    }

    fn context(&self, source: rusqlite::Error) -> Error {
        Error::Sqlite { path: self.path.clone(), source }
    }

    /// True when a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool, Error> {
        self.conn
            .query_row("SELECT 1 FROM documents WHERE id = ?1", [id], |_| Ok(()))
            .optional()
            .map(|r| r.is_some())
            .map_err(|e| self.context(e))
    }

    /// Adds `docs` in one transaction: all of them or, on error, none. Documents whose id
    /// is already stored are skipped, so adding the same input twice changes nothing.
    pub fn add(&mut self, docs: &[Document]) -> Result<Added, Error> {
        let window = i64::from(self.window_days);
        let tx = self.conn.transaction().map_err(|e| Error::Sqlite { path: self.path.clone(), source: e })?;
        let mut added = Added::default();
        for doc in docs {
            let exists = tx.query_row("SELECT 1 FROM documents WHERE id = ?1", [&doc.id], |_| Ok(())).optional()?;
            if exists.is_some() {
                added.already_stored += 1;
                continue;
            }
            // One character index per document, shared by its entities and mentions.
            let chars = dyad1::CharOffsets::new(doc.text());
            insert_document(&tx, doc, &chars)?;
            for event in &doc.events {
                added.mentions += 1;
                added.new_events += u64::from(insert_mention(&tx, doc, &chars, event, window)?);
            }
            added.documents += 1;
        }
        tx.commit().map_err(|e| Error::Sqlite { path: self.path.clone(), source: e })?;
        Ok(added)
    }

    /// Ids of every stored document.
    pub fn document_ids(&self) -> Result<Vec<String>, Error> {
        let mut stmt = self.conn.prepare("SELECT id FROM documents").map_err(|e| self.context(e))?;
        let ids = stmt.query_map([], |r| r.get(0)).map_err(|e| self.context(e))?;
        ids.collect::<Result<_, _>>().map_err(|e| self.context(e))
    }

    /// Numbers of documents, events and mentions stored.
    pub fn totals(&self) -> Result<(u64, u64, u64), Error> {
        let count = |table: &str| -> Result<u64, Error> {
            self.conn
                .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get::<_, i64>(0))
                .map(|n| n as u64)
                .map_err(|e| self.context(e))
        };
        Ok((count("documents")?, count("events")?, count("mentions")?))
    }
}

fn insert_document(tx: &Transaction, doc: &Document, chars: &dyad1::CharOffsets<'_>) -> Result<(), Error> {
    let m = &doc.meta;
    tx.execute(
        "INSERT INTO documents (id, url, title, source, published, fingerprint, duplicate_of, text)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            doc.id,
            m.url,
            m.title,
            m.source,
            m.published.map(|p| p.to_string()),
            fingerprint(doc.text()),
            m.duplicate_of.as_ref().map(|d| d.id.as_str()),
            doc.text()
        ],
    )?;
    let mut stmt = tx.prepare_cached(
        "INSERT INTO entities (doc_id, idx, start, end, text, label, actor, canonical, role)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for (i, e) in doc.entities.iter().enumerate() {
        stmt.execute(params![
            doc.id,
            i as i64,
            chars.char_offset(e.span.start),
            chars.char_offset(e.span.end),
            doc.slice(e.span),
            e.label.as_str(),
            e.actor,
            e.canonical,
            e.role
        ])?;
    }
    Ok(())
}

/// Stores one mention and attaches it to an existing event (same actors, code and modality,
/// date within the window) or a new one. Returns true when it created the event.
fn insert_mention(
    tx: &Transaction,
    doc: &Document,
    chars: &dyad1::CharOffsets<'_>,
    e: &Event,
    window_days: i64,
) -> Result<bool, Error> {
    let source = e.source.as_ref().and_then(|p| p.code.clone());
    let target = e.target.as_ref().and_then(|p| p.code.clone());
    let modality = e.modality.as_str();
    let existing: Option<i64> = tx
        .query_row(
            "SELECT id FROM events
             WHERE source IS ?1 AND target IS ?2 AND cameo = ?3 AND modality = ?4
               AND (date IS ?5 OR (length(?5) = 10 AND length(date) = 10
                    AND abs(julianday(date) - julianday(?5)) <= ?6))
             ORDER BY abs(coalesce(julianday(date) - julianday(?5), 0)), id LIMIT 1",
            params![source, target, e.cameo, modality, e.date, window_days],
            |r| r.get(0),
        )
        .optional()?;
    let created = existing.is_none();
    let event_id = match existing {
        Some(id) => id,
        None => {
            tx.execute(
                "INSERT INTO events (source, target, cameo, root, quad_class, goldstein, date, historical, modality,
                                     num_mentions, num_sources, num_articles, first_doc, place, place_country,
                                     plover_type, plover_mode)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 0, 0, 0, ?10, ?11, ?12, ?13, ?14)",
                params![
                    source,
                    target,
                    e.cameo,
                    e.root(),
                    e.quad_class,
                    f64::from(e.goldstein),
                    e.date,
                    e.historical,
                    modality,
                    doc.id,
                    e.place.as_ref().map(|p| doc.slice(p.span)),
                    e.place.as_ref().and_then(|p| p.country.clone()),
                    e.plover.as_ref().map(|p| p.kind.clone()),
                    e.plover.as_ref().and_then(|p| p.mode.clone())
                ],
            )?;
            tx.last_insert_rowid()
        }
    };
    let sentence = doc.sentences.get(e.sentence as usize).map_or(e.span, |s| s.span);
    tx.execute(
        "INSERT OR IGNORE INTO mentions (doc_id, mention_id, event_id, sentence, start, end, trigger, source_text,
                                         target_text, modality, attribution, attribution_code, date, confidence,
                                         evidence, place, time_start, time_end)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)",
        params![
            doc.id,
            dyad1::event_id(doc, e),
            event_id,
            e.sentence,
            chars.char_offset(e.span.start),
            chars.char_offset(e.span.end),
            doc.slice(e.trigger),
            e.source.as_ref().map(|p| doc.slice(p.span)),
            e.target.as_ref().map(|p| doc.slice(p.span)),
            modality,
            e.attribution.as_ref().map(|a| doc.slice(a.span)),
            e.attribution.as_ref().and_then(|a| a.code.clone()),
            e.date,
            f64::from(e.confidence),
            doc.slice(sentence),
            e.place.as_ref().map(|p| doc.slice(p.span)),
            e.time.as_ref().map(|t| t.0.as_str()),
            e.time.as_ref().map(|t| t.1.as_str()),
        ],
    )?;
    // Counts are recomputed from the mentions, so they stay exact however mentions arrive.
    // A source is a story: syndicated copies (documents marked as duplicates) count once.
    tx.execute(
        "UPDATE events SET
            num_mentions = (SELECT count(*) FROM mentions WHERE event_id = ?1),
            num_articles = (SELECT count(DISTINCT doc_id) FROM mentions WHERE event_id = ?1),
            num_sources = (SELECT count(DISTINCT coalesce(d.duplicate_of, d.id))
                           FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1)
         WHERE id = ?1",
        [event_id],
    )?;
    Ok(created)
}

/// A short hash of a text, to tell edited re-posts from identical ones.
fn fingerprint(text: &str) -> String {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3));
    format!("{h:016x}")
}
