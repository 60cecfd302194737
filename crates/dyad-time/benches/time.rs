//! Throughput of [`dyad_time::annotate`] on real news, read at run time from
//! `../shared/data/news_text/` (skipped when the files are missing; their text never
//! enters the repo).
//!
//! `cargo bench -p dyad-time --bench time`. Each group reports bytes per second and
//! asserts the number of time expressions found, so a rule change that alters the
//! output shows up here as well as in the scores.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_core::{Document, Published};
use std::hint::black_box;
use std::path::Path;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/news_text");

/// Expected timex counts: (file, documents taken, timexes).
const CORPORA: &[(&str, usize, usize)] =
    &[("ukraine_war_2022_2024_gdelt.jsonl", usize::MAX, 3409), ("reuters21578.jsonl", 3000, 14812)];

fn load(path: &Path, limit: usize) -> Option<Vec<Document>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut docs = Vec::new();
    for line in text.lines().take(limit) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(body) = v["text"].as_str() else { continue };
        let Ok(mut doc) = Document::new(v["id"].as_str().unwrap_or(""), body) else { continue };
        let date = ["date", "published", "doc_date"].iter().find_map(|k| v[*k].as_str());
        doc.meta.published = date.and_then(|d| Published::parse(d).ok());
        docs.push(doc);
    }
    Some(docs)
}

fn count(docs: &mut [Document]) -> usize {
    docs.iter_mut()
        .map(|d| {
            dyad_time::annotate(d);
            d.timexes.len()
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    for &(file, limit, expected) in CORPORA {
        let Some(mut docs) = load(&Path::new(DATA).join(file), limit) else {
            eprintln!("skipping {file}: not found under {DATA}");
            continue;
        };
        let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
        let found = count(&mut docs);
        eprintln!("{file}: {} documents, {bytes} bytes, {found} timexes", docs.len());
        if expected != 0 {
            assert_eq!(found, expected, "{file}: timex count changed; update CORPORA after checking the scores");
        }
        let mut group = c.benchmark_group("time");
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.bench_function(file, |b| b.iter(|| black_box(count(&mut docs))));
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
