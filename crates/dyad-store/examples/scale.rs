//! Query latency on a store of synthetic events, for BENCHMARKS.md.
//!
//!     cargo run --release -p dyad-store --example scale -- [EVENTS] [DB]
//!
//! Builds (once) a store holding EVENTS synthetic event mentions (default 1,000,000) drawn
//! from a fixed seed over 40 actors, 60 CAMEO codes and three years of dates, through
//! `Store::add` in batches of documents, then times the typical filters 50 times each and
//! prints p50 and p99 latency with the number of events each returns.

use dyad_core::{Document, Event, Modality, Participant, Published, Sentence, Span};
use dyad_store::{Bucket, Filter, Store};
use std::time::{Duration, Instant};

const ACTORS: [&str; 8] = ["USA", "RUS", "UKR", "CHN", "FRA", "DEU", "IRN", "ISR"];
const ROLES: [&str; 5] = ["GOV", "MIL", "REB", "MED", ""];
const CODES: [&str; 12] = ["010", "020", "036", "040", "042", "043", "057", "111", "112", "130", "173", "190"];

struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn actor(rng: &mut Rng) -> String {
    format!("{}{}", ACTORS[rng.next(ACTORS.len())], ROLES[rng.next(ROLES.len())])
}

fn build(store: &mut Store, events: usize) {
    let mut rng = Rng(0x2545_f491_4f6c_dd1d);
    let per_doc = 10;
    let started = Instant::now();
    let mut batch = Vec::new();
    for d in 0..events.div_ceil(per_doc) {
        let day = rng.next(3 * 365);
        let date = jiff::civil::date(2021, 1, 1).checked_add(jiff::Span::new().days(day as i64)).expect("in range");
        let text = format!("Synthetic story {d} with ten events about officials, troops and envoys.");
        let mut doc = Document::new(format!("syn{d:07}"), text.clone()).expect("short");
        doc.meta.published = Some(Published::date(date));
        doc.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..0, boilerplate: false });
        for i in 0..per_doc {
            let cameo = CODES[rng.next(CODES.len())];
            let (s, t) = (actor(&mut rng), actor(&mut rng));
            doc.events.push(Event {
                sentence: 0,
                span: Span::new(0, text.len()),
                trigger: Span::new(i, i + 1),
                source: Some(Participant { span: Span::new(0, 9), code: Some(s), entity: None }),
                target: Some(Participant { span: Span::new(10, 15), code: Some(t), entity: None }),
                cameo: cameo.into(),
                quad_class: 1 + (cameo.as_bytes()[1] - b'0') / 3,
                goldstein: 1.0,
                plover: None,
                date: Some(date.to_string()),
                time: None,
                historical: false,
                modality: if rng.next(10) == 0 { Modality::Reported } else { Modality::Asserted },
                attribution: None,
                place: None,
                quantities: vec![],
                confidence: 0.8,
            });
        }
        batch.push(doc);
        if batch.len() == 1000 {
            store.add(&batch).expect("add");
            batch.clear();
        }
    }
    store.add(&batch).expect("add");
    let secs = started.elapsed().as_secs_f64();
    eprintln!("built {events} mentions in {secs:.1} s ({:.0} mentions/s)", events as f64 / secs);
}

fn main() {
    let mut args = std::env::args().skip(1);
    let events: usize = args.next().map_or(1_000_000, |a| a.parse().expect("EVENTS is a number"));
    let path = args.next().unwrap_or_else(|| format!("/tmp/dyad-scale-{events}.db"));
    let mut store = Store::open(std::path::Path::new(&path)).expect("open");
    if store.totals().expect("totals").2 < events as u64 {
        build(&mut store, events);
    }
    let (docs, ev, mentions) = store.totals().expect("totals");
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("store {path}: {docs} documents, {ev} events, {mentions} mentions, {:.0} MB", size as f64 / 1e6);
    let f = |s: Option<&str>, t: Option<&str>, c: Option<&str>, from: Option<&str>, to: Option<&str>| Filter {
        source: s.map(Into::into),
        target: t.map(Into::into),
        cameo: c.map(Into::into),
        from: from.map(Into::into),
        to: to.map(Into::into),
        limit: 100,
        ..Filter::default()
    };
    let cases: Vec<(&str, Filter)> = vec![
        ("dyad exact", f(Some("RUSMIL"), Some("UKRMIL"), None, None, None)),
        ("source prefix + root", f(Some("RUS*"), None, Some("19"), None, None)),
        ("dyad + month", f(Some("RUSGOV"), Some("UKRGOV"), None, Some("2022-02-01"), Some("2022-02-28"))),
        ("code + week", f(None, None, Some("190"), Some("2022-02-21"), Some("2022-02-27"))),
    ];
    println!("{:<24} {:>8} {:>10} {:>10}", "query (limit 100)", "rows", "p50 ms", "p99 ms");
    for (name, filter) in &cases {
        let mut times: Vec<Duration> = Vec::new();
        let mut rows = 0;
        for _ in 0..50 {
            let t = Instant::now();
            rows = store.events(filter).expect("query").len();
            times.push(t.elapsed());
        }
        times.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        println!("{name:<24} {rows:>8} {:>10.2} {:>10.2}", ms(times[24]), ms(times[49]));
    }
    let t = Instant::now();
    let filter = Filter { source: Some("RUS*".into()), target: Some("UKR*".into()), ..Filter::default() };
    let n = store.counts(&filter, Bucket::Day).expect("counts").len();
    println!("{:<24} {n:>8} {:>10.2} {:>10}", "counts per day RUS*>UKR*", t.elapsed().as_secs_f64() * 1e3, "(once)");
}
