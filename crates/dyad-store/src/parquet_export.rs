//! Parquet export: the events table (one row per merged event) and the mentions table (one
//! row per sighting of an event in a document) as typed Arrow columns in zstd-compressed
//! Parquet.
//!
//! Rows stream from SQLite straight into Arrow builders; every [`BATCH_ROWS`] rows become a
//! record batch for the writer, which closes a row group every [`ROW_GROUP_ROWS`] rows (or
//! [`ROW_GROUP_BYTES`] of encoded data, whichever comes first). Memory therefore stays
//! bounded however many events the store holds. Events come in the order of the other
//! exports (most mentioned first, then by date and id), so `--limit` picks the same events.
//!
//! The columns are listed, with their meaning, in [`ParquetTable::columns`]; the same
//! descriptions are written into each field's Arrow metadata (`description`) and into
//! `docs/parquet.md`, which a test checks against the code.

use crate::export::country_of;
use crate::query::EVENT_ORDER;
use crate::{Error, Filter, Store};
use arrow_array::builder::{
    BooleanBuilder, Date32Builder, Float64Builder, Int64Builder, ListBuilder, StringBuilder,
    TimestampMillisecondBuilder, UInt8Builder, UInt32Builder,
};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_schema::{DataType, Field, Schema, SchemaRef, TimeUnit};
use parquet::arrow::ArrowWriter;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::WriterProperties;
use rusqlite::{Row, Statement};
use std::collections::HashMap;
use std::io::Write;
use std::sync::Arc;

/// Rows per Arrow record batch handed to the Parquet writer.
pub const BATCH_ROWS: usize = 8192;
/// Rows per Parquet row group, at most.
pub const ROW_GROUP_ROWS: usize = 131_072;
/// Encoded bytes per Parquet row group, at most (long evidence sentences reach it first).
pub const ROW_GROUP_BYTES: usize = 64 << 20;
/// The zstd level of every column chunk.
pub const ZSTD_LEVEL: i32 = 3;
/// The value of the `dyad.schema` key in each file's key-value metadata.
pub const PARQUET_SCHEMA: &str = "dyad-parquet/1";

/// Which table a Parquet export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ParquetTable {
    /// One row per merged event.
    Events,
    /// One row per mention of an event in a document.
    Mentions,
}

/// The Arrow type of a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnType {
    /// 64-bit signed integer.
    Int64,
    /// 8-bit unsigned integer.
    UInt8,
    /// 32-bit unsigned integer.
    UInt32,
    /// 64-bit float.
    Float64,
    /// true / false.
    Boolean,
    /// UTF-8 text.
    Utf8,
    /// Calendar date (days since 1970-01-01).
    Date32,
    /// Milliseconds since 1970-01-01T00:00:00Z, time zone UTC (Parquet's TIMESTAMP(MILLIS,
    /// UTC): seconds have no Parquet logical type, so other readers would see a bare integer).
    TimestampUtc,
    /// A list of non-null UTF-8 texts.
    Utf8List,
}

impl ColumnType {
    fn arrow(self) -> DataType {
        match self {
            ColumnType::Int64 => DataType::Int64,
            ColumnType::UInt8 => DataType::UInt8,
            ColumnType::UInt32 => DataType::UInt32,
            ColumnType::Float64 => DataType::Float64,
            ColumnType::Boolean => DataType::Boolean,
            ColumnType::Utf8 => DataType::Utf8,
            ColumnType::Date32 => DataType::Date32,
            ColumnType::TimestampUtc => DataType::Timestamp(TimeUnit::Millisecond, Some("UTC".into())),
            ColumnType::Utf8List => DataType::List(list_item()),
        }
    }

    /// The type as `docs/parquet.md` writes it.
    pub fn name(self) -> &'static str {
        match self {
            ColumnType::Int64 => "Int64",
            ColumnType::UInt8 => "UInt8",
            ColumnType::UInt32 => "UInt32",
            ColumnType::Float64 => "Float64",
            ColumnType::Boolean => "Boolean",
            ColumnType::Utf8 => "Utf8",
            ColumnType::Date32 => "Date32",
            ColumnType::TimestampUtc => "Timestamp(ms, UTC)",
            ColumnType::Utf8List => "List(Utf8)",
        }
    }
}

fn list_item() -> Arc<Field> {
    Arc::new(Field::new("item", DataType::Utf8, false))
}

/// One column of a Parquet table.
#[derive(Clone, Copy, Debug)]
pub struct Column {
    /// Column name.
    pub name: &'static str,
    /// Arrow type.
    pub kind: ColumnType,
    /// Whether the column can hold nulls.
    pub nullable: bool,
    /// What it means.
    pub description: &'static str,
}

const fn col(name: &'static str, kind: ColumnType, nullable: bool, description: &'static str) -> Column {
    Column { name, kind, nullable, description }
}

use ColumnType::{Boolean, Date32, Float64, Int64, TimestampUtc, UInt8, UInt32, Utf8, Utf8List};

/// The events table, in column order (the order [`EventColumns`] appends in).
const EVENT_COLUMNS: [Column; 29] = [
    col("event_id", Int64, false, "The store's event id (GLOBALEVENTID in the GDELT export); joins mentions.event_id"),
    col("event_date", Date32, true, "Day the event happened, when its date is a full calendar day"),
    col("event_date_timex", Utf8, true, "The event date as coded (TIMEX3 value: 2022-02-12, 2022-02, 2022-W07, ...)"),
    col("source_code", Utf8, true, "CAMEO code of the source actor (who acts), e.g. USAGOV"),
    col("source_text", Utf8, true, "Words naming the source actor in the first mention"),
    col("source_country", Utf8, true, "Country part (three letters) of source_code"),
    col("target_code", Utf8, true, "CAMEO code of the target actor (acted upon)"),
    col("target_text", Utf8, true, "Words naming the target actor in the first mention"),
    col("target_country", Utf8, true, "Country part (three letters) of target_code"),
    col("cameo", Utf8, false, "CAMEO event code (3 or 4 digits, leading zero kept), e.g. 041"),
    col("cameo_root", Utf8, false, "CAMEO root code (2 digits), e.g. 04"),
    col(
        "quad_class",
        UInt8,
        false,
        "1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict",
    ),
    col("goldstein", Float64, false, "Goldstein scale score of the CAMEO code, -10 to +10"),
    col("plover_type", Utf8, true, "PLOVER event type (CONSULT, ASSAULT, ...) of the first mention"),
    col("plover_mode", Utf8, true, "PLOVER mode (phone, visit, ...) of the first mention"),
    col("modality", Utf8, false, "asserted, reported, negated, denied, hypothetical, conditional, future or intended"),
    col("historical", Boolean, false, "True for a background event told as history, not news of the day"),
    col("num_mentions", UInt32, false, "Mentions of the event in all documents"),
    col("num_sources", UInt32, false, "Distinct stories mentioning it (syndicated copies count once)"),
    col("num_articles", UInt32, false, "Distinct documents mentioning it"),
    col("place", Utf8, true, "Where it happened, as the first mention words it"),
    col("place_country", Utf8, true, "Country code of the place, when known"),
    col("confidence", Float64, true, "Highest coder confidence among its mentions, 0 to 1"),
    col("first_seen", Date32, true, "Publication date of the earliest document mentioning it"),
    col("last_seen", Date32, true, "Publication date of the latest document mentioning it"),
    col("first_doc", Utf8, false, "Id of the document whose mention created the event"),
    col("url", Utf8, true, "URL of the first mention's document"),
    col("evidence", Utf8, true, "The first mention's sentence"),
    col("doc_ids", Utf8List, false, "Ids of every document mentioning it, sorted"),
];

/// The mentions table, in column order (the order [`MentionColumns`] appends in).
const MENTION_COLUMNS: [Column; 24] = [
    col("event_id", Int64, false, "The event this mention belongs to (events.event_id)"),
    col("doc_id", Utf8, false, "Id of the document"),
    col("mention_id", Utf8, false, "Stable id of the mention within its document (the dyad/1 event id)"),
    col("url", Utf8, true, "URL of the document"),
    col("publisher", Utf8, true, "Publisher or site name from the document's metadata"),
    col("published", Utf8, true, "Publication date and time as the document gives it (ISO 8601)"),
    col("published_date", Date32, true, "Publication date (publisher's calendar)"),
    col("published_utc", TimestampUtc, true, "Publication instant, when the document gives a time and a UTC offset"),
    col("sentence_index", UInt32, false, "Index of the sentence in the document, from 0"),
    col("start_char", UInt32, false, "Start of the event mention in the document text (Unicode characters)"),
    col("end_char", UInt32, false, "End of the event mention (exclusive, Unicode characters)"),
    col("trigger", Utf8, false, "The words that express the action"),
    col("source_text", Utf8, true, "Words naming the source actor"),
    col("target_text", Utf8, true, "Words naming the target actor"),
    col("modality", Utf8, false, "Modality of this mention (as events.modality)"),
    col("attribution", Utf8, true, "Who says so, as the text words it"),
    col("attribution_code", Utf8, true, "CAMEO actor code of the attributed speaker"),
    col("event_date", Date32, true, "Day of the event according to this mention, when a full day"),
    col("event_date_timex", Utf8, true, "The event date according to this mention (TIMEX3 value)"),
    col("place", Utf8, true, "Where it happened, as this mention words it"),
    col("confidence", Float64, false, "Coder confidence, 0 to 1"),
    col("evidence", Utf8, false, "The sentence"),
    col("event_start_utc", TimestampUtc, true, "When the event began, if the mention gives a clock time with a zone"),
    col("event_end_utc", TimestampUtc, true, "When the event ended (the start again for a single time)"),
];

impl ParquetTable {
    /// The table's columns, in file order.
    pub fn columns(self) -> &'static [Column] {
        match self {
            ParquetTable::Events => &EVENT_COLUMNS,
            ParquetTable::Mentions => &MENTION_COLUMNS,
        }
    }

    /// `events` or `mentions`.
    pub fn name(self) -> &'static str {
        match self {
            ParquetTable::Events => "events",
            ParquetTable::Mentions => "mentions",
        }
    }

    /// The Arrow schema of the table; each field carries its `description` as metadata.
    pub fn schema(self) -> SchemaRef {
        let fields: Vec<Field> = self
            .columns()
            .iter()
            .map(|c| {
                Field::new(c.name, c.kind.arrow(), c.nullable)
                    .with_metadata(HashMap::from([("description".to_string(), c.description.to_string())]))
            })
            .collect();
        let meta = HashMap::from([
            ("dyad.schema".to_string(), PARQUET_SCHEMA.to_string()),
            ("dyad.table".to_string(), self.name().to_string()),
        ]);
        Arc::new(Schema::new_with_metadata(fields, meta))
    }
}

/// A text column of a row, borrowed (no allocation).
fn text<'r>(row: &'r Row<'_>, i: usize) -> Result<Option<&'r str>, Error> {
    row.get_ref(i)?.as_str_or_null().map_err(|e| {
        Error::from(rusqlite::Error::FromSqlConversionFailure(i, rusqlite::types::Type::Text, Box::new(e)))
    })
}

fn count(row: &Row<'_>, i: usize) -> Result<u32, Error> {
    Ok(u32::try_from(row.get::<_, i64>(i)?.max(0)).unwrap_or(u32::MAX))
}

/// The pipeline scores in `f32`; SQLite keeps them as the nearest `f64`. Give the decimal
/// the pipeline meant (`0.8`, not `0.800000011920929`).
fn as_decimal(x: f64) -> f64 {
    let short = (x as f32).to_string();
    short.parse().unwrap_or(x)
}

/// Days from 1970-01-01 to a proleptic Gregorian date (no range checks).
fn days_from_civil(year: i32, month: u32, day: u32) -> i32 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = ((month + 9) % 12) as i32;
    let doy = (153 * mp + 2) / 5 + day as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The Date32 value of a text that starts with a full `YYYY-MM-DD` date (and may go on with a
/// time after `T` or a space); None for partial dates, weeks, seasons and anything else.
pub(crate) fn day_number(s: &str) -> Option<i32> {
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || (b.len() > 10 && b[10] != b'T' && b[10] != b' ') {
        return None;
    }
    if ![0, 1, 2, 3, 5, 6, 8, 9].iter().all(|&i| b[i].is_ascii_digit()) {
        return None;
    }
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0'));
    let (year, month, day) = (num(0..4), num(5..7), num(8..10));
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    (1..=days_in_month).contains(&day).then(|| days_from_civil(year as i32, month, day))
}

/// Seconds since the epoch of a publication time that has both a time and a UTC offset.
pub(crate) fn utc_seconds(published: &str) -> Option<i64> {
    let p = dyad_core::Published::parse(published).ok()?;
    let (t, offset) = (p.time?, p.offset?);
    let day = days_from_civil(i32::from(p.date.year()), p.date.month() as u32, p.date.day() as u32);
    let secs = i64::from(t.hour()) * 3600 + i64::from(t.minute()) * 60 + i64::from(t.second());
    Some(i64::from(day) * 86_400 + secs - i64::from(offset.seconds()))
}

/// The columns of the event query every Parquet export runs (indexes used below).
const EVENT_SELECT: &str = "e.id, e.source, e.target, e.cameo, e.root, e.quad_class, e.goldstein, e.date, e.historical,
    e.modality, e.num_mentions, e.num_sources, e.num_articles, e.place, e.place_country, e.plover_type,
    e.plover_mode, e.first_doc";

/// Mentions of one event, in the order the other exports list them.
const MENTION_SELECT: &str = "SELECT m.doc_id, m.mention_id, d.url, d.source, d.published, m.sentence, m.start,
    m.end, m.trigger, m.source_text, m.target_text, m.modality, m.attribution, m.attribution_code, m.date, m.place,
    m.confidence, m.evidence, m.time_start, m.time_end
    FROM mentions m JOIN documents d ON d.id = m.doc_id WHERE m.event_id = ?1
    ORDER BY m.doc_id, m.sentence, m.start";

/// Builders for one table: rows go in per event, arrays come out per batch.
trait Columns {
    /// Appends the rows for one event (`e`, a row of [`EVENT_SELECT`]); returns how many.
    fn push(&mut self, e: &Row<'_>, mentions: &mut Statement<'_>) -> Result<usize, Error>;
    /// The arrays built so far, in column order; the builders start over empty.
    fn finish(&mut self) -> Vec<ArrayRef>;
}

#[derive(Default)]
struct EventColumns {
    event_id: Int64Builder,
    event_date: Date32Builder,
    event_date_timex: StringBuilder,
    source_code: StringBuilder,
    source_text: StringBuilder,
    source_country: StringBuilder,
    target_code: StringBuilder,
    target_text: StringBuilder,
    target_country: StringBuilder,
    cameo: StringBuilder,
    cameo_root: StringBuilder,
    quad_class: UInt8Builder,
    goldstein: Float64Builder,
    plover_type: StringBuilder,
    plover_mode: StringBuilder,
    modality: StringBuilder,
    historical: BooleanBuilder,
    num_mentions: UInt32Builder,
    num_sources: UInt32Builder,
    num_articles: UInt32Builder,
    place: StringBuilder,
    place_country: StringBuilder,
    confidence: Float64Builder,
    first_seen: Date32Builder,
    last_seen: Date32Builder,
    first_doc: StringBuilder,
    url: StringBuilder,
    evidence: StringBuilder,
    doc_ids: Option<ListBuilder<StringBuilder>>,
    /// The previous mention's document, to list each document once.
    last_doc: String,
}

fn country(code: Option<&str>) -> Option<&str> {
    code.map(country_of).filter(|c| !c.is_empty())
}

impl Columns for EventColumns {
    fn push(&mut self, e: &Row<'_>, mentions: &mut Statement<'_>) -> Result<usize, Error> {
        let id: i64 = e.get(0)?;
        self.event_id.append_value(id);
        let (source, target) = (text(e, 1)?, text(e, 2)?);
        self.source_code.append_option(source);
        self.source_country.append_option(country(source));
        self.target_code.append_option(target);
        self.target_country.append_option(country(target));
        self.cameo.append_value(text(e, 3)?.unwrap_or_default());
        self.cameo_root.append_value(text(e, 4)?.unwrap_or_default());
        self.quad_class.append_value(u8::try_from(e.get::<_, i64>(5)?).unwrap_or(0));
        self.goldstein.append_value(as_decimal(e.get(6)?));
        let date = text(e, 7)?;
        self.event_date.append_option(date.and_then(day_number));
        self.event_date_timex.append_option(date);
        self.historical.append_value(e.get(8)?);
        self.modality.append_value(text(e, 9)?.unwrap_or_default());
        self.num_mentions.append_value(count(e, 10)?);
        self.num_sources.append_value(count(e, 11)?);
        self.num_articles.append_value(count(e, 12)?);
        self.place.append_option(text(e, 13)?);
        self.place_country.append_option(text(e, 14)?);
        self.plover_type.append_option(text(e, 15)?);
        self.plover_mode.append_option(text(e, 16)?);
        self.first_doc.append_value(text(e, 17)?.unwrap_or_default());

        // What the event's mentions say, in one pass over them.
        let doc_ids =
            self.doc_ids.get_or_insert_with(|| ListBuilder::new(StringBuilder::new()).with_field(list_item()));
        let (mut first, mut seen, mut confidence) = (true, None::<(i32, i32)>, None::<f64>);
        let mut rows = mentions.query([id])?;
        while let Some(m) = rows.next()? {
            let doc = text(m, 0)?.unwrap_or_default();
            if first || doc != self.last_doc {
                doc_ids.values().append_value(doc);
                self.last_doc.clear();
                self.last_doc.push_str(doc);
            }
            if first {
                self.url.append_option(text(m, 2)?);
                self.source_text.append_option(text(m, 9)?);
                self.target_text.append_option(text(m, 10)?);
                self.evidence.append_option(text(m, 17)?);
                first = false;
            }
            if let Some(day) = text(m, 4)?.and_then(day_number) {
                seen = Some(seen.map_or((day, day), |(lo, hi)| (lo.min(day), hi.max(day))));
            }
            let c: f64 = m.get(16)?;
            confidence = Some(confidence.map_or(c, |best| best.max(c)));
        }
        if first {
            for b in [&mut self.url, &mut self.source_text, &mut self.target_text, &mut self.evidence] {
                b.append_null();
            }
        }
        doc_ids.append(true);
        self.confidence.append_option(confidence.map(as_decimal));
        self.first_seen.append_option(seen.map(|s| s.0));
        self.last_seen.append_option(seen.map(|s| s.1));
        Ok(1)
    }

    fn finish(&mut self) -> Vec<ArrayRef> {
        let doc_ids =
            self.doc_ids.get_or_insert_with(|| ListBuilder::new(StringBuilder::new()).with_field(list_item()));
        vec![
            Arc::new(self.event_id.finish()),
            Arc::new(self.event_date.finish()),
            Arc::new(self.event_date_timex.finish()),
            Arc::new(self.source_code.finish()),
            Arc::new(self.source_text.finish()),
            Arc::new(self.source_country.finish()),
            Arc::new(self.target_code.finish()),
            Arc::new(self.target_text.finish()),
            Arc::new(self.target_country.finish()),
            Arc::new(self.cameo.finish()),
            Arc::new(self.cameo_root.finish()),
            Arc::new(self.quad_class.finish()),
            Arc::new(self.goldstein.finish()),
            Arc::new(self.plover_type.finish()),
            Arc::new(self.plover_mode.finish()),
            Arc::new(self.modality.finish()),
            Arc::new(self.historical.finish()),
            Arc::new(self.num_mentions.finish()),
            Arc::new(self.num_sources.finish()),
            Arc::new(self.num_articles.finish()),
            Arc::new(self.place.finish()),
            Arc::new(self.place_country.finish()),
            Arc::new(self.confidence.finish()),
            Arc::new(self.first_seen.finish()),
            Arc::new(self.last_seen.finish()),
            Arc::new(self.first_doc.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.evidence.finish()),
            Arc::new(doc_ids.finish()),
        ]
    }
}

struct MentionColumns {
    event_id: Int64Builder,
    doc_id: StringBuilder,
    mention_id: StringBuilder,
    url: StringBuilder,
    publisher: StringBuilder,
    published: StringBuilder,
    published_date: Date32Builder,
    published_utc: TimestampMillisecondBuilder,
    sentence_index: UInt32Builder,
    start_char: UInt32Builder,
    end_char: UInt32Builder,
    trigger: StringBuilder,
    source_text: StringBuilder,
    target_text: StringBuilder,
    modality: StringBuilder,
    attribution: StringBuilder,
    attribution_code: StringBuilder,
    event_date: Date32Builder,
    event_date_timex: StringBuilder,
    event_start_utc: TimestampMillisecondBuilder,
    event_end_utc: TimestampMillisecondBuilder,
    place: StringBuilder,
    confidence: Float64Builder,
    evidence: StringBuilder,
}

impl MentionColumns {
    fn new() -> MentionColumns {
        MentionColumns {
            event_id: Int64Builder::new(),
            doc_id: StringBuilder::new(),
            mention_id: StringBuilder::new(),
            url: StringBuilder::new(),
            publisher: StringBuilder::new(),
            published: StringBuilder::new(),
            published_date: Date32Builder::new(),
            published_utc: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            sentence_index: UInt32Builder::new(),
            start_char: UInt32Builder::new(),
            end_char: UInt32Builder::new(),
            trigger: StringBuilder::new(),
            source_text: StringBuilder::new(),
            target_text: StringBuilder::new(),
            modality: StringBuilder::new(),
            attribution: StringBuilder::new(),
            attribution_code: StringBuilder::new(),
            event_date: Date32Builder::new(),
            event_date_timex: StringBuilder::new(),
            event_start_utc: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            event_end_utc: TimestampMillisecondBuilder::new().with_timezone("UTC"),
            place: StringBuilder::new(),
            confidence: Float64Builder::new(),
            evidence: StringBuilder::new(),
        }
    }
}

impl Columns for MentionColumns {
    fn push(&mut self, e: &Row<'_>, mentions: &mut Statement<'_>) -> Result<usize, Error> {
        let id: i64 = e.get(0)?;
        let mut n = 0;
        let mut rows = mentions.query([id])?;
        while let Some(m) = rows.next()? {
            self.event_id.append_value(id);
            self.doc_id.append_value(text(m, 0)?.unwrap_or_default());
            self.mention_id.append_value(text(m, 1)?.unwrap_or_default());
            self.url.append_option(text(m, 2)?);
            self.publisher.append_option(text(m, 3)?);
            let published = text(m, 4)?;
            self.published.append_option(published);
            self.published_date.append_option(published.and_then(day_number));
            self.published_utc.append_option(published.and_then(utc_seconds).map(|s| s * 1000));
            self.sentence_index.append_value(count(m, 5)?);
            self.start_char.append_value(count(m, 6)?);
            self.end_char.append_value(count(m, 7)?);
            self.trigger.append_value(text(m, 8)?.unwrap_or_default());
            self.source_text.append_option(text(m, 9)?);
            self.target_text.append_option(text(m, 10)?);
            self.modality.append_value(text(m, 11)?.unwrap_or_default());
            self.attribution.append_option(text(m, 12)?);
            self.attribution_code.append_option(text(m, 13)?);
            let date = text(m, 14)?;
            self.event_date.append_option(date.and_then(day_number));
            self.event_date_timex.append_option(date);
            self.event_start_utc.append_option(text(m, 18)?.and_then(utc_seconds).map(|s| s * 1000));
            self.event_end_utc.append_option(text(m, 19)?.and_then(utc_seconds).map(|s| s * 1000));
            self.place.append_option(text(m, 15)?);
            self.confidence.append_value(as_decimal(m.get(16)?));
            self.evidence.append_value(text(m, 17)?.unwrap_or_default());
            n += 1;
        }
        Ok(n)
    }

    fn finish(&mut self) -> Vec<ArrayRef> {
        vec![
            Arc::new(self.event_id.finish()),
            Arc::new(self.doc_id.finish()),
            Arc::new(self.mention_id.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.publisher.finish()),
            Arc::new(self.published.finish()),
            Arc::new(self.published_date.finish()),
            Arc::new(self.published_utc.finish()),
            Arc::new(self.sentence_index.finish()),
            Arc::new(self.start_char.finish()),
            Arc::new(self.end_char.finish()),
            Arc::new(self.trigger.finish()),
            Arc::new(self.source_text.finish()),
            Arc::new(self.target_text.finish()),
            Arc::new(self.modality.finish()),
            Arc::new(self.attribution.finish()),
            Arc::new(self.attribution_code.finish()),
            Arc::new(self.event_date.finish()),
            Arc::new(self.event_date_timex.finish()),
            Arc::new(self.place.finish()),
            Arc::new(self.confidence.finish()),
            Arc::new(self.evidence.finish()),
            Arc::new(self.event_start_utc.finish()),
            Arc::new(self.event_end_utc.finish()),
        ]
    }
}

impl From<parquet::errors::ParquetError> for Error {
    fn from(e: parquet::errors::ParquetError) -> Error {
        match e {
            parquet::errors::ParquetError::External(inner) => match inner.downcast::<std::io::Error>() {
                Ok(io) => Error::Io(*io),
                Err(other) => Error::Parquet(other.to_string()),
            },
            e => Error::Parquet(e.to_string()),
        }
    }
}

impl From<arrow_schema::ArrowError> for Error {
    fn from(e: arrow_schema::ArrowError) -> Error {
        match e {
            arrow_schema::ArrowError::IoError(_, io) => Error::Io(io),
            e => Error::Parquet(e.to_string()),
        }
    }
}

impl Store {
    /// Writes the filtered events (or all their mentions) as one Parquet file to `out`,
    /// streaming: memory holds one record batch and one row group, not the table. Returns
    /// the number of rows written. The writer only appends, so `out` may be a pipe.
    pub fn export_parquet<W: Write + Send>(&self, table: ParquetTable, filter: &Filter, out: W) -> Result<u64, Error> {
        self.write_parquet(table, filter, out, BATCH_ROWS, ROW_GROUP_ROWS)
    }

    /// [`Store::export_parquet`] with other batch and row group sizes, for tests.
    pub(crate) fn write_parquet<W: Write + Send>(
        &self,
        table: ParquetTable,
        filter: &Filter,
        out: W,
        batch_rows: usize,
        row_group_rows: usize,
    ) -> Result<u64, Error> {
        let schema = table.schema();
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(ZstdLevel::try_new(ZSTD_LEVEL)?))
            .set_max_row_group_row_count(Some(row_group_rows.max(1)))
            .set_max_row_group_bytes(Some(ROW_GROUP_BYTES))
            .set_key_value_metadata(Some(vec![
                KeyValue::new("dyad.schema".into(), PARQUET_SCHEMA.to_string()),
                KeyValue::new("dyad.table".into(), table.name().to_string()),
            ]))
            .build();
        let mut writer = ArrowWriter::try_new(out, schema.clone(), Some(props))?;
        let mut columns: Box<dyn Columns> = match table {
            ParquetTable::Events => Box::<EventColumns>::default(),
            ParquetTable::Mentions => Box::new(MentionColumns::new()),
        };
        let (clause, args) = filter.sql()?;
        let limit = if filter.limit > 0 { format!("LIMIT {}", filter.limit) } else { String::new() };
        let sql = format!("SELECT {EVENT_SELECT} FROM events e {clause} ORDER BY {EVENT_ORDER} {limit}");
        let mut events = self.conn.prepare(&sql)?;
        let mut mentions = self.conn.prepare(MENTION_SELECT)?;
        let mut rows = events.query(rusqlite::params_from_iter(args))?;
        let (mut pending, mut total) = (0usize, 0u64);
        loop {
            let row = rows.next()?;
            if let Some(e) = row {
                pending += columns.push(e, &mut mentions)?;
            }
            if pending >= batch_rows.max(1) || (row.is_none() && pending > 0) {
                writer.write(&RecordBatch::try_new(schema.clone(), columns.finish())?)?;
                total += pending as u64;
                pending = 0;
            }
            if row.is_none() {
                break;
            }
        }
        // The footer, then every buffered byte: a write error (a full disk) is reported here,
        // not lost in a drop.
        writer.into_inner()?.flush()?;
        Ok(total)
    }
}
