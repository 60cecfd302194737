//! Store tests on real SQLite files in a temporary directory.

use crate::{Bucket, Error, Filter, Store, schema};
use dyad_core::{Document, DuplicateOf, Event, Modality, Participant, Published, Sentence, Span};
use std::path::PathBuf;

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dyad-store-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("test.db")
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
    let mut store = Store::open(&scratch("merge")).unwrap();
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

#[test]
fn filters_and_counts() {
    let mut store = Store::open_in_memory().unwrap();
    store
        .add(&[
            doc("a", "2022-02-12", "USAGOV", "RUSGOV", "041"),
            doc("b", "2022-02-14", "RUSMIL", "UKRMIL", "190"),
            doc("c", "2022-03-01", "RUSGOV", "UKRGOV", "112"),
        ])
        .unwrap();
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
