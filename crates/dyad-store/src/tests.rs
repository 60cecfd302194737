//! Store tests on real SQLite files in a temporary directory.

use crate::{Bucket, Error, Filter, Store, schema};
use dyad_core::{Document, DuplicateOf, Event, Modality, Participant, Published, Sentence, Span};
use std::path::{Path, PathBuf};

/// A database path in a fresh temporary directory, which goes when the value is dropped:
/// keep it alive as long as the files in it are used.
struct Scratch {
    dir: PathBuf,
    db: PathBuf,
}

impl std::ops::Deref for Scratch {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.db
    }
}

impl AsRef<Path> for Scratch {
    fn as_ref(&self) -> &Path {
        &self.db
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

fn scratch(name: &str) -> Scratch {
    let dir = std::env::temp_dir().join(format!("dyad-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    Scratch { db: dir.join("test.db"), dir }
}

/// A one-sentence document with one event of `cameo` from `source` to `target` on `date`.
fn doc(id: &str, date: &str, source: &str, target: &str, cameo: &str) -> Document {
    let text = format!("{source} officials met {target} envoys today in a story numbered {id}.");
    let mut d = Document::new(id, text.clone()).unwrap();
    d.meta.published = Published::parse(date).ok();
    d.meta.url = Some(format!("https://news.example/{id}"));
    d.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..0, boilerplate: false });
    let at = |w: &str| {
        let s = text.find(w).unwrap();
        Span::new(s, s + w.len())
    };
    d.events.push(Event {
        sentence: 0,
        span: Span::new(0, text.len()),
        trigger: at("met"),
        source: Some(Participant { span: at(source), code: Some(source.into()), entity: None }),
        target: Some(Participant { span: at(target), code: Some(target.into()), entity: None }),
        cameo: cameo.into(),
        quad_class: 1,
        goldstein: 1.0,
        plover: Some(dyad_core::Plover { kind: "CONSULT".into(), mode: Some("visit".into()) }),
        date: Some(date.into()),
        time: None,
        historical: false,
        modality: Modality::Asserted,
        attribution: None,
        place: None,
        quantities: vec![],
        confidence: 0.8,
    });
    d
}

#[test]
fn re_ingest_changes_nothing() {
    let path = scratch("idempotent");
    let docs = [doc("a", "2022-02-12", "USAGOV", "RUSGOV", "041"), doc("b", "2022-02-13", "RUSGOV", "UKRGOV", "112")];
    let mut store = Store::open(&path).unwrap();
    let first = store.add(&docs).unwrap();
    assert_eq!((first.documents, first.mentions, first.new_events), (2, 2, 2));
    let totals = store.totals().unwrap();
    drop(store);
    let mut store = Store::open(&path).unwrap();
    let again = store.add(&docs).unwrap();
    assert_eq!((again.documents, again.already_stored, again.mentions), (0, 2, 0));
    assert_eq!(store.totals().unwrap(), totals);
}

#[test]
fn mentions_merge_across_articles_within_the_window() {
    let db = scratch("merge");
    let mut store = Store::open(&db).unwrap();
    let mut copy = doc("c", "2022-02-13", "USAGOV", "RUSGOV", "041");
    copy.meta.duplicate_of = Some(DuplicateOf { id: "b".into(), similarity: 0.9, exact: false });
    store
        .add(&[
            doc("a", "2022-02-12", "USAGOV", "RUSGOV", "041"),
            doc("b", "2022-02-13", "USAGOV", "RUSGOV", "041"),
            copy,
            doc("d", "2022-02-20", "USAGOV", "RUSGOV", "041"),
            doc("e", "2022-02-12", "USAGOV", "RUSGOV", "042"),
        ])
        .unwrap();
    let events = store.events(&Filter { cameo: Some("041".into()), ..Filter::default() }).unwrap();
    assert_eq!(events.len(), 2, "the 20th is outside the one-day window: {events:#?}");
    let top = &events[0];
    assert_eq!((top.num_mentions, top.num_articles, top.num_sources), (3, 3, 2), "the syndicated copy is one source");
    assert_eq!(top.date.as_deref(), Some("2022-02-12"));
    assert_eq!(store.mentions(top.id).unwrap().len(), 3);
}

/// An in-memory store of three events: two with a Russian source, one in March.
fn three_events() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    store
        .add(&[
            doc("a", "2022-02-12", "USAGOV", "RUSGOV", "041"),
            doc("b", "2022-02-14", "RUSMIL", "UKRMIL", "190"),
            doc("c", "2022-03-01", "RUSGOV", "UKRGOV", "112"),
        ])
        .unwrap();
    store
}

#[test]
fn filters_and_counts() {
    let store = three_events();
    let f = |source: &str| Filter { source: Some(source.into()), ..Filter::default() };
    assert_eq!(store.events(&f("RUS*")).unwrap().len(), 2);
    assert_eq!(store.events(&f("RUS")).unwrap().len(), 0, "without * a code is exact");
    let root = Filter { cameo: Some("19".into()), ..Filter::default() };
    assert_eq!(store.events(&root).unwrap()[0].cameo, "190");
    let feb = Filter { from: Some("2022-02-13".into()), to: Some("2022-02-28".into()), ..Filter::default() };
    assert_eq!(store.events(&feb).unwrap().len(), 1);
    let text = Filter { text: Some("numbered c".into()), ..Filter::default() };
    assert_eq!(store.events(&text).unwrap()[0].cameo, "112");
    let months = store.counts(&Filter::default(), Bucket::Month).unwrap();
    let buckets: Vec<&str> = months.iter().map(|c| c.bucket.as_str()).collect();
    assert_eq!(buckets, ["2022-02", "2022-02", "2022-03"]);
    assert!(matches!(store.events(&Filter { cameo: Some("x1".into()), ..Filter::default() }), Err(Error::BadQuery(_))));
}

#[test]
fn events_stream_in_order_and_an_error_stops_them() {
    let store = three_events();
    let all = store.events(&Filter::default()).unwrap();
    let mut streamed = Vec::new();
    store
        .for_each_event(&Filter::default(), |e| {
            // The store can be queried while the rows are read (exports fetch mentions).
            let mentions = store.mentions(e.id)?;
            streamed.push((e.id, mentions.len()));
            Ok::<(), Error>(())
        })
        .unwrap();
    assert_eq!(streamed, all.iter().map(|e| (e.id, 1)).collect::<Vec<_>>());
    let mut seen = 0;
    let stopped = store.for_each_event(&Filter::default(), |_| {
        seen += 1;
        Err(Error::BadQuery("enough".into()))
    });
    assert!(matches!(stopped, Err(Error::BadQuery(_))));
    assert_eq!(seen, 1, "the first error ends the walk");
}

#[test]
fn migrates_an_older_store_keeping_its_data() {
    let path = scratch("migrate");
    {
        let mut conn = rusqlite::Connection::open(&path).unwrap();
        schema::create_at_version(&mut conn, 1);
        conn.execute("INSERT INTO documents (id, fingerprint, text) VALUES ('old', '0', 'An old document.')", [])
            .unwrap();
    }
    let mut store = Store::open(&path).unwrap();
    let version: i64 = store.conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
    assert_eq!(version, schema::SCHEMA_VERSION);
    assert!(store.contains("old").unwrap());
    store.add(&[doc("new", "2022-02-12", "USAGOV", "RUSGOV", "041")]).unwrap();
    assert_eq!(store.totals().unwrap(), (2, 1, 1));
}

#[test]
fn foreign_newer_and_garbage_files_are_refused() {
    let foreign = scratch("foreign");
    rusqlite::Connection::open(&foreign).unwrap().execute_batch("CREATE TABLE recipes (name TEXT);").unwrap();
    let e = Store::open(&foreign).err().unwrap();
    assert!(matches!(e, Error::NotAStore { .. }), "{e}");
    assert!(e.to_string().contains("not a dyad store"), "{e}");

    let garbage = scratch("garbage");
    std::fs::write(&garbage, vec![0x42u8; 8192]).unwrap();
    assert!(matches!(Store::open(&garbage), Err(Error::NotAStore { .. })));

    let newer = scratch("newer");
    drop(Store::open(&newer).unwrap());
    rusqlite::Connection::open(&newer).unwrap().pragma_update(None, "user_version", 99).unwrap();
    let e = Store::open(&newer).err().unwrap();
    assert!(e.to_string().contains("schema version 99 is newer"), "{e}");
}

#[test]
fn a_full_disk_fails_the_batch_and_keeps_what_was_stored() {
    let path = scratch("full");
    let mut store = Store::open(&path).unwrap();
    store.add(&[doc("kept", "2022-02-12", "USAGOV", "RUSGOV", "041")]).unwrap();
    // Cap the file at its current size: the next batch cannot grow it, as on a full disk.
    let pages: i64 = store.conn.query_row("PRAGMA page_count", [], |r| r.get(0)).unwrap();
    store.conn.pragma_update(None, "max_page_count", pages).unwrap();
    let big: Vec<Document> = (0..200)
        .map(|i| {
            let mut d = doc(&format!("big{i}"), "2022-02-12", "USAGOV", "RUSGOV", "041");
            d.meta.title = Some("x".repeat(4000));
            d
        })
        .collect();
    let e = store.add(&big).expect_err("the capped store must refuse the batch");
    assert!(e.to_string().contains("full"), "{e}");
    assert_eq!(store.totals().unwrap(), (1, 1, 1), "the failed batch left nothing behind");
    drop(store);
    assert!(Store::open(&path).unwrap().contains("kept").unwrap());
}

#[test]
fn gdelt_export_has_the_codebook_columns() {
    let mut store = Store::open_in_memory().unwrap();
    store.add(&[doc("a", "2022-02-12", "USAGOV", "RUSGOV", "041")]).unwrap();
    let mut events = Vec::new();
    assert_eq!(store.export_gdelt_events(&Filter::default(), &mut events).unwrap(), 1);
    let row = String::from_utf8(events).unwrap();
    let cols: Vec<&str> = row.trim_end_matches('\n').split('\t').collect();
    assert_eq!(cols.len(), 61);
    assert_eq!((cols[1], cols[5], cols[7], cols[12], cols[26]), ("20220212", "USAGOV", "USA", "GOV", "041"));
    assert_eq!(cols[60], "https://news.example/a");
    let mut mentions = Vec::new();
    store.export_gdelt_mentions(&Filter::default(), &mut mentions).unwrap();
    assert_eq!(String::from_utf8(mentions).unwrap().trim_end_matches('\n').split('\t').count(), 16);
    let mut plover = Vec::new();
    store.export_plover(&Filter::default(), &mut plover).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&plover).unwrap();
    assert_eq!((v["event_type"].as_str(), v["actor_country"].as_str()), (Some("CONSULT"), Some("USA")));
}

mod parquet {
    use super::{doc, scratch};
    use crate::parquet_export::{day_number, utc_seconds};
    use crate::{Filter, ParquetTable, Store};
    use arrow_array::cast::AsArray;
    use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampMillisecondType, UInt8Type, UInt32Type};
    use arrow_array::{Array, RecordBatch};
    use dyad_core::{Modality, Published};
    use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;

    /// 2022-02-12 as a Date32 (days since 1970-01-01).
    const FEB_12: i32 = 19_035;

    /// Three documents: two mention the same call (merged into one event), the third a
    /// negated, historical attack with a month-only date, no target and no URL.
    fn store() -> Store {
        let mut store = Store::open_in_memory().unwrap();
        let mut a = doc("a", "2022-02-12", "USAGOV", "RUSGOV", "041");
        a.meta.published = Some(Published::parse("2022-02-12T18:30:00+02:00").unwrap());
        a.meta.source = Some("Example Wire".into());
        a.events[0].goldstein = 1.9;
        a.events[0].confidence = 0.85;
        a.events[0].time = Some(("2022-02-12T14:15:00Z".into(), "2022-02-12T15:40:00Z".into()));
        let b = doc("b", "2022-02-13", "USAGOV", "RUSGOV", "041");
        let mut c = doc("c", "2022-02", "RUSMIL", "UKRMIL", "190");
        c.meta.url = None;
        let e = &mut c.events[0];
        (e.target, e.plover, e.quad_class, e.goldstein) = (None, None, 4, -10.0);
        (e.historical, e.modality) = (true, Modality::Negated);
        store.add(&[a, b, c]).unwrap();
        store
    }

    /// Writes `table` to a file and reads it back: the batches and the number of row groups.
    fn round_trip(
        store: &Store,
        table: ParquetTable,
        filter: &Filter,
        sizes: (usize, usize),
    ) -> (u64, Vec<RecordBatch>, usize) {
        let dir = scratch(&format!("parquet-{}-{}-{}", table.name(), sizes.0, sizes.1));
        let path = dir.with_extension("parquet");
        let file = std::fs::File::create(&path).unwrap();
        let n = store.write_parquet(table, filter, file, sizes.0, sizes.1).unwrap();
        let builder = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap();
        let groups = builder.metadata().num_row_groups();
        let kv = builder.metadata().file_metadata().key_value_metadata().cloned().unwrap_or_default();
        assert!(kv.iter().any(|k| k.key == "dyad.schema" && k.value.as_deref() == Some(crate::PARQUET_SCHEMA)));
        assert!(kv.iter().any(|k| k.key == "dyad.table" && k.value.as_deref() == Some(table.name())));
        assert_eq!(builder.schema().fields(), table.schema().fields(), "the file's Arrow schema is the documented one");
        let batches = builder.with_batch_size(1 << 16).build().unwrap().collect::<Result<Vec<_>, _>>().unwrap();
        (n, batches, groups)
    }

    /// The one batch a small file reads back as.
    fn one(batches: &[RecordBatch]) -> RecordBatch {
        assert_eq!(batches.len(), 1, "the reader fills a batch across row groups");
        batches[0].clone()
    }

    #[test]
    fn events_read_back_with_types_values_and_nulls() {
        let store = store();
        let expected = store.events(&Filter::default()).unwrap();
        assert_eq!(expected.len(), 2);
        let (n, batches, groups) = round_trip(&store, ParquetTable::Events, &Filter::default(), (1, 1));
        assert_eq!((n, groups), (2, 2), "one row group per event with row groups of one row");
        let t = one(&batches);
        assert_eq!(t.num_rows(), 2);
        let col = |name: &str| t.column_by_name(name).unwrap_or_else(|| panic!("no column {name}")).clone();
        let ids = col("event_id");
        let ids = ids.as_primitive::<Int64Type>();
        assert_eq!(ids.values().to_vec(), expected.iter().map(|e| e.id).collect::<Vec<_>>(), "the query's order");
        let date = col("event_date");
        let date = date.as_primitive::<Date32Type>();
        assert_eq!((date.value(0), date.is_null(1)), (FEB_12, true), "a month-only date is no day");
        let timex = col("event_date_timex");
        assert_eq!((timex.as_string::<i32>().value(0), timex.as_string::<i32>().value(1)), ("2022-02-12", "2022-02"));
        let s = |name: &str, row: usize| -> Option<String> {
            let c = col(name);
            let c = c.as_string::<i32>();
            (!c.is_null(row)).then(|| c.value(row).to_string())
        };
        assert_eq!(s("source_code", 0).as_deref(), Some("USAGOV"));
        assert_eq!(s("source_country", 0).as_deref(), Some("USA"));
        assert_eq!(s("source_text", 0).as_deref(), Some("USAGOV"));
        assert_eq!((s("target_code", 1), s("target_country", 1), s("target_text", 1)), (None, None, None));
        assert_eq!((s("cameo", 1).as_deref(), s("cameo_root", 1).as_deref()), (Some("190"), Some("19")));
        assert_eq!((s("plover_type", 0).as_deref(), s("plover_mode", 0).as_deref()), (Some("CONSULT"), Some("visit")));
        assert_eq!(s("plover_type", 1), None);
        assert_eq!((s("modality", 0).as_deref(), s("modality", 1).as_deref()), (Some("asserted"), Some("negated")));
        assert_eq!((s("url", 0).as_deref(), s("url", 1)), (Some("https://news.example/a"), None));
        assert!(s("evidence", 0).unwrap().contains("numbered a"));
        assert_eq!(s("first_doc", 1).as_deref(), Some("c"));
        let historical = col("historical");
        assert_eq!((historical.as_boolean().value(0), historical.as_boolean().value(1)), (false, true));
        let quad = col("quad_class");
        assert_eq!(quad.as_primitive::<UInt8Type>().values().to_vec(), [1, 4]);
        let f = |name: &str| col(name).as_primitive::<Float64Type>().values().to_vec();
        assert_eq!(f("goldstein"), [1.9, -10.0], "the coder's decimals, not f32 noise");
        assert_eq!(f("confidence"), [0.85, 0.8], "the best mention's confidence");
        let u = |name: &str| col(name).as_primitive::<UInt32Type>().values().to_vec();
        assert_eq!((u("num_mentions"), u("num_articles"), u("num_sources")), (vec![2, 1], vec![2, 1], vec![2, 1]));
        let seen = |name: &str| {
            let c = col(name);
            let c = c.as_primitive::<Date32Type>();
            (c.value(0), c.is_null(1))
        };
        assert_eq!(seen("first_seen"), (FEB_12, true), "the local publication date; c has no full date");
        assert_eq!(seen("last_seen"), (FEB_12 + 1, true));
        let docs = col("doc_ids");
        let docs = docs.as_list::<i32>();
        let first = docs.value(0);
        let first: Vec<&str> = first.as_string::<i32>().iter().map(Option::unwrap).collect();
        assert_eq!(first, ["a", "b"]);
        assert_eq!(docs.value(1).len(), 1);
    }

    #[test]
    fn mentions_read_back_one_row_per_mention() {
        let store = store();
        let (n, batches, groups) = round_trip(&store, ParquetTable::Mentions, &Filter::default(), (2, 2));
        assert_eq!((n, groups), (3, 2));
        let t = one(&batches);
        assert_eq!(t.num_rows(), 3);
        let events = store.events(&Filter::default()).unwrap();
        let event_ids = t.column_by_name("event_id").unwrap().as_primitive::<Int64Type>().values().to_vec();
        assert_eq!(event_ids, [events[0].id, events[0].id, events[1].id], "grouped by event, in the events' order");
        let docs =
            t.column_by_name("doc_id").unwrap().as_string::<i32>().iter().map(Option::unwrap).collect::<Vec<_>>();
        assert_eq!(docs, ["a", "b", "c"]);
        let utc = t.column_by_name("published_utc").unwrap();
        let utc = utc.as_primitive::<TimestampMillisecondType>();
        assert_eq!(
            utc.value(0),
            (i64::from(FEB_12) * 86_400 + 16 * 3600 + 30 * 60) * 1000,
            "18:30 at +02:00 is 16:30Z"
        );
        assert!(utc.is_null(1) && utc.is_null(2), "a date alone is no instant");
        let (start, end) = (t.column_by_name("event_start_utc").unwrap(), t.column_by_name("event_end_utc").unwrap());
        let (start, end) =
            (start.as_primitive::<TimestampMillisecondType>(), end.as_primitive::<TimestampMillisecondType>());
        let at = |h: i64, m: i64| (i64::from(FEB_12) * 86_400 + h * 3600 + m * 60) * 1000;
        assert_eq!((start.value(0), end.value(0)), (at(14, 15), at(15, 40)), "the event's instants are stored");
        assert!(start.is_null(1) && end.is_null(2), "no clock time, no instant");
        let published = t.column_by_name("published_date").unwrap().as_primitive::<Date32Type>().clone();
        assert_eq!((published.value(0), published.value(1), published.is_null(2)), (FEB_12, FEB_12 + 1, true));
        let publisher = t.column_by_name("publisher").unwrap().as_string::<i32>().clone();
        assert_eq!((publisher.value(0), publisher.is_null(1)), ("Example Wire", true));
        let text = store.conn.query_row("SELECT text FROM documents WHERE id = 'a'", [], |r| r.get::<_, String>(0));
        let end = t.column_by_name("end_char").unwrap().as_primitive::<UInt32Type>().value(0);
        assert_eq!(end as usize, text.unwrap().chars().count(), "character offsets of the mention");
        let trigger = t.column_by_name("trigger").unwrap().as_string::<i32>().value(2).to_string();
        assert_eq!(trigger, "met");
        let confidence = t.column_by_name("confidence").unwrap().as_primitive::<Float64Type>().values().to_vec();
        assert_eq!(confidence, [0.85, 0.8, 0.8]);
    }

    #[test]
    fn filters_limit_and_an_empty_store() {
        let store = store();
        let negated = Filter { modality: vec!["negated".into()], ..Filter::default() };
        let (n, _, _) = round_trip(&store, ParquetTable::Events, &negated, (8192, 1000));
        assert_eq!(n, 1);
        let top = Filter { limit: 1, ..Filter::default() };
        let (n, batches, _) = round_trip(&store, ParquetTable::Mentions, &top, (8192, 1000));
        assert_eq!((n, batches[0].num_rows()), (2, 2), "--limit counts events; their mentions all come");

        let empty = Store::open_in_memory().unwrap();
        let dir = scratch("parquet-empty");
        let path = dir.with_extension("parquet");
        let file = std::fs::File::create(&path).unwrap();
        assert_eq!(empty.export_parquet(ParquetTable::Events, &Filter::default(), file).unwrap(), 0);
        let reader = ParquetRecordBatchReaderBuilder::try_new(std::fs::File::open(&path).unwrap()).unwrap();
        assert_eq!(reader.metadata().file_metadata().num_rows(), 0, "an empty store is a valid, empty file");
    }

    #[test]
    fn dates_and_instants() {
        assert_eq!(day_number("1970-01-01"), Some(0));
        assert_eq!(day_number("1969-12-31"), Some(-1));
        assert_eq!(day_number("2000-03-01"), Some(11_017));
        assert_eq!(day_number("2022-02-12"), Some(FEB_12));
        assert_eq!(day_number("2022-02-12T14:15"), Some(FEB_12));
        assert_eq!(day_number("2024-02-29"), Some(19_782));
        for no in ["2023-02-29", "2022-13-01", "2022-00-10", "2022-02", "2022-W07", "2022-02-12X", "+022-02-12", ""] {
            assert_eq!(day_number(no), None, "{no}");
        }
        assert_eq!(utc_seconds("1970-01-01T01:00:00+01:00"), Some(0));
        assert_eq!(utc_seconds("2022-02-12T14:15:00Z"), Some(i64::from(FEB_12) * 86_400 + 14 * 3600 + 15 * 60));
        assert_eq!(utc_seconds("2022-02-12T14:15:00"), None, "a local time without offset is no instant");
        assert_eq!(utc_seconds("2022-02-12"), None);
    }

    /// docs/parquet.md lists every column of both tables with its type and nullability.
    #[test]
    fn the_schema_page_matches_the_code() {
        let page = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/parquet.md")).unwrap();
        for table in [ParquetTable::Events, ParquetTable::Mentions] {
            let heading = format!("## The `{}` table", table.name());
            let section = page.split(&heading).nth(1).unwrap_or_else(|| panic!("no heading {heading}"));
            let section = section.split("\n## ").next().unwrap();
            let rows: Vec<Vec<&str>> = section
                .lines()
                .filter(|l| l.starts_with("| `"))
                .map(|l| l.trim_matches('|').split(" | ").map(str::trim).collect())
                .collect();
            let documented: Vec<(String, String, String)> =
                rows.iter().map(|r| (r[0].trim_matches('`').to_string(), r[1].to_string(), r[2].to_string())).collect();
            let code: Vec<(String, String, String)> = table
                .columns()
                .iter()
                .map(|c| (c.name.to_string(), c.kind.name().to_string(), if c.nullable { "yes" } else { "no" }.into()))
                .collect();
            assert_eq!(documented, code, "docs/parquet.md, {heading}: name | type | nullable, in file order");
        }
    }
}
