//! Selecting events, their mentions, and counts over time.

use crate::{Error, Store};
use rusqlite::types::Value;
use serde::Serialize;

/// Which events to select. Empty fields select everything.
#[derive(Clone, Debug, Default)]
pub struct Filter {
    /// Source actor code; a trailing `*` makes it a prefix (`RUS*`).
    pub source: Option<String>,
    /// Target actor code, same form.
    pub target: Option<String>,
    /// CAMEO code, or a 2-digit root, or a prefix ending in `*` (`19*`).
    pub cameo: Option<String>,
    /// Quad class, 1–4.
    pub quad_class: Option<u8>,
    /// Modalities to keep (`asserted`, `reported`, ...).
    pub modality: Vec<String>,
    /// First event date, `YYYY-MM-DD`.
    pub from: Option<String>,
    /// Last event date, `YYYY-MM-DD`.
    pub to: Option<String>,
    /// Only background (true) or only current (false) events.
    pub historical: Option<bool>,
    /// Words that one of the event's evidence sentences must contain (case-insensitive).
    pub text: Option<String>,
    /// At most this many events (0: no limit).
    pub limit: usize,
}

/// One event, with its counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventRow {
    /// The store's event id.
    pub id: i64,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// CAMEO code.
    pub cameo: String,
    /// CAMEO root.
    pub root: String,
    /// Quad class.
    pub quad_class: u8,
    /// Goldstein score.
    pub goldstein: f64,
    /// Event date (TIMEX3 form).
    pub date: Option<String>,
    /// Background event.
    pub historical: bool,
    /// Modality.
    pub modality: String,
    /// Mentions in all documents.
    pub num_mentions: u64,
    /// Distinct stories (syndicated copies count once).
    pub num_sources: u64,
    /// Distinct documents.
    pub num_articles: u64,
    /// Place of the first mention, if any.
    pub place: Option<String>,
    /// Document of the first mention.
    pub first_doc: String,
}

/// One sighting of an event in a document.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionRow {
    /// The document.
    pub doc_id: String,
    /// Its URL, if known.
    pub url: Option<String>,
    /// Its publication date, if known.
    pub published: Option<String>,
    /// Sentence index in the document.
    pub sentence: u32,
    /// The sentence.
    pub evidence: String,
    /// Trigger words.
    pub trigger: String,
    /// Source actor's words.
    pub source_text: Option<String>,
    /// Target actor's words.
    pub target_text: Option<String>,
    /// Modality of this mention.
    pub modality: String,
    /// Who said so.
    pub attribution: Option<String>,
    /// Confidence.
    pub confidence: f64,
}

/// Time buckets for counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// Calendar days.
    Day,
    /// ISO weeks (`2022-W07`).
    Week,
    /// Months.
    Month,
}

/// Events of one dyad in one time bucket.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CountRow {
    /// The bucket (`2022-02-12`, `2022-W06`, `2022-02`).
    pub bucket: String,
    /// Source actor code.
    pub source: Option<String>,
    /// Target actor code.
    pub target: Option<String>,
    /// Events.
    pub events: u64,
    /// Mentions of them.
    pub mentions: u64,
    /// Sum of their Goldstein scores.
    pub goldstein: f64,
    /// Events per quad class 1–4.
    pub quad: [u64; 4],
}

/// The order every event listing and export uses: most mentioned first, then by date.
pub(crate) const EVENT_ORDER: &str = "e.num_mentions DESC, e.date, e.id";

/// `column = value`, or for `PREFIX*` a range `PREFIX <= column < PREFIX⁺`, which (unlike
/// LIKE) lets SQLite use the index on the column.
fn code_condition(column: &str, value: &str, out: &mut Vec<String>, args: &mut Vec<Value>) {
    match value.strip_suffix('*') {
        Some("") => out.push(format!("{column} IS NOT NULL")),
        Some(prefix) => {
            out.push(format!("({column} >= ? AND {column} < ?)"));
            args.push(Value::Text(prefix.to_string()));
            args.push(Value::Text(format!("{prefix}\u{10ffff}")));
        }
        None => {
            out.push(format!("{column} = ?"));
            args.push(Value::Text(value.to_string()));
        }
    }
}

impl Filter {
    /// The `WHERE` clause (over `events e`) and its arguments.
    pub(crate) fn sql(&self) -> Result<(String, Vec<Value>), Error> {
        let mut conds = Vec::new();
        let mut args = Vec::new();
        if let Some(s) = &self.source {
            code_condition("e.source", s, &mut conds, &mut args);
        }
        if let Some(t) = &self.target {
            code_condition("e.target", t, &mut conds, &mut args);
        }
        if let Some(c) = &self.cameo {
            if !c.trim_end_matches('*').bytes().all(|b| b.is_ascii_digit()) {
                return Err(Error::BadQuery(format!("--cameo {c}: expected a CAMEO code such as 041, 19 or 19*")));
            }
            if c.len() == 2 {
                conds.push("e.root = ?".into());
                args.push(Value::Text(c.clone()));
            } else {
                code_condition("e.cameo", c, &mut conds, &mut args);
            }
        }
        if let Some(q) = self.quad_class {
            conds.push("e.quad_class = ?".into());
            args.push(Value::Integer(i64::from(q)));
        }
        if !self.modality.is_empty() {
            conds.push(format!("e.modality IN ({})", vec!["?"; self.modality.len()].join(", ")));
            args.extend(self.modality.iter().map(|m| Value::Text(m.clone())));
        }
        for (bound, op) in [(&self.from, ">="), (&self.to, "<=")] {
            if let Some(d) = bound {
                if d.len() != 10 || d.as_bytes()[4] != b'-' {
                    return Err(Error::BadQuery(format!("date {d}: expected YYYY-MM-DD")));
                }
                conds.push(format!("substr(e.date, 1, 10) {op} ?"));
                args.push(Value::Text(d.clone()));
            }
        }
        if let Some(h) = self.historical {
            conds.push("e.historical = ?".into());
            args.push(Value::Integer(i64::from(h)));
        }
        if let Some(t) = &self.text {
            conds.push("EXISTS (SELECT 1 FROM mentions m WHERE m.event_id = e.id AND m.evidence LIKE ?)".into());
            args.push(Value::Text(format!("%{t}%")));
        }
        let clause = if conds.is_empty() { String::new() } else { format!("WHERE {}", conds.join(" AND ")) };
        Ok((clause, args))
    }
}

impl Store {
    /// Events that pass `filter`, most mentioned first, then by date. This holds them all in
    /// memory: exports and long listings use [`Store::for_each_event`].
    pub fn events(&self, filter: &Filter) -> Result<Vec<EventRow>, Error> {
        let mut all = Vec::new();
        self.for_each_event(filter, |e| {
            all.push(e);
            Ok::<(), Error>(())
        })?;
        Ok(all)
    }

    /// Calls `each` with the events that pass `filter`, in the order of [`Store::events`],
    /// one row at a time: memory does not grow with the store, and `each` may query the
    /// store (for an event's mentions) while the rows are read. The first error stops it.
    pub fn for_each_event<E: From<Error>>(
        &self,
        filter: &Filter,
        mut each: impl FnMut(EventRow) -> Result<(), E>,
    ) -> Result<(), E> {
        let (clause, args) = filter.sql()?;
        let limit = if filter.limit > 0 { format!("LIMIT {}", filter.limit) } else { String::new() };
        let sql = format!(
            "SELECT e.id, e.source, e.target, e.cameo, e.root, e.quad_class, e.goldstein, e.date, e.historical,
                    e.modality, e.num_mentions, e.num_sources, e.num_articles, e.place, e.first_doc
             FROM events e {clause} ORDER BY {EVENT_ORDER} {limit}"
        );
        let mut stmt = self.conn.prepare(&sql).map_err(Error::from)?;
        let mut rows = stmt.query(rusqlite::params_from_iter(args)).map_err(Error::from)?;
        while let Some(r) = rows.next().map_err(Error::from)? {
            let row = (|| {
                Ok::<_, rusqlite::Error>(EventRow {
                    id: r.get(0)?,
                    source: r.get(1)?,
                    target: r.get(2)?,
                    cameo: r.get(3)?,
                    root: r.get(4)?,
                    quad_class: r.get(5)?,
                    goldstein: r.get(6)?,
                    date: r.get(7)?,
                    historical: r.get(8)?,
                    modality: r.get(9)?,
                    num_mentions: r.get::<_, i64>(10)? as u64,
                    num_sources: r.get::<_, i64>(11)? as u64,
                    num_articles: r.get::<_, i64>(12)? as u64,
                    place: r.get(13)?,
                    first_doc: r.get(14)?,
                })
            })()
            .map_err(Error::from)?;
            each(row)?;
        }
        Ok(())
    }

    /// Every mention of event `id`, in document order.
    pub fn mentions(&self, id: i64) -> Result<Vec<MentionRow>, Error> {
        let mut stmt = self.conn.prepare_cached(
            "SELECT m.doc_id, d.url, d.published, m.sentence, m.evidence, m.trigger, m.source_text, m.target_text,
                    m.modality, m.attribution, m.confidence
             FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1
             ORDER BY m.doc_id, m.sentence, m.start",
        )?;
        let rows = stmt.query_map([id], |r| {
            Ok(MentionRow {
                doc_id: r.get(0)?,
                url: r.get(1)?,
                published: r.get(2)?,
                sentence: r.get(3)?,
                evidence: r.get(4)?,
                trigger: r.get(5)?,
                source_text: r.get(6)?,
                target_text: r.get(7)?,
                modality: r.get(8)?,
                attribution: r.get(9)?,
                confidence: r.get(10)?,
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(Error::from)
    }

    /// Counts of the filtered events per time bucket and dyad, in time order.
    pub fn counts(&self, filter: &Filter, bucket: Bucket) -> Result<Vec<CountRow>, Error> {
        let (clause, args) = filter.sql()?;
        let key = match bucket {
            Bucket::Day => "substr(e.date, 1, 10)",
            Bucket::Month => "substr(e.date, 1, 7)",
            Bucket::Week => "strftime('%Y-W%W', substr(e.date, 1, 10))",
        };
        let dated = if clause.is_empty() {
            "WHERE length(e.date) >= 10".to_string()
        } else {
            format!("{clause} AND length(e.date) >= 10")
        };
        let sql = format!(
            "SELECT {key} AS b, e.source, e.target, count(*), sum(e.num_mentions), sum(e.goldstein),
                    sum(e.quad_class = 1), sum(e.quad_class = 2), sum(e.quad_class = 3), sum(e.quad_class = 4)
             FROM events e {dated} GROUP BY b, e.source, e.target ORDER BY b, count(*) DESC, e.source, e.target"
        );
        let mut stmt = self.conn.prepare(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(args), |r| {
            Ok(CountRow {
                bucket: r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                source: r.get(1)?,
                target: r.get(2)?,
                events: r.get::<_, i64>(3)? as u64,
                mentions: r.get::<_, i64>(4)? as u64,
                goldstein: r.get(5)?,
                quad: [
                    r.get::<_, i64>(6)? as u64,
                    r.get::<_, i64>(7)? as u64,
                    r.get::<_, i64>(8)? as u64,
                    r.get::<_, i64>(9)? as u64,
                ],
            })
        })?;
        rows.collect::<Result<_, _>>().map_err(Error::from)
    }
}
