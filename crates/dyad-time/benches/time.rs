//! Throughput of [`dyad_time::annotate`] on real news, read at run time from
//! `../shared/data/news_text/` (skipped when the files are missing; their text never
//! enters the repo), next to the text layer it follows in the pipeline.
//!
//! `cargo bench -p dyad-time --bench time`. Documents are prepared as the pipeline
//! prepares them (text normalised, `dyad-text` sentences and tokens) before timing.
//! For each corpus the group times three things on the same documents, so their ratio
//! is measured under the same machine load:
//!
//! - `text`: what the pipeline's text stage does (normalise, then `dyad_text::annotate`);
//! - `time`: `dyad_time::annotate` on documents that have the text layer, as in the
//!   pipeline (it scans only the windows around its anchor words);
//! - `time-full-scan`: the same, scanning the whole text (for comparison).
//!
//! Each group asserts the number of time expressions found, so a rule change that alters
//! the output shows up here as well as in the scores.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_core::{Document, Published};
use std::hint::black_box;
use std::path::Path;

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data/news_text");

/// Expected timex counts: (file, documents taken, timexes).
const CORPORA: &[(&str, usize, usize)] =
    &[("ukraine_war_2022_2024_gdelt.jsonl", usize::MAX, 3433), ("reuters21578.jsonl", 3000, 14988)];

/// Raw texts with their dates.
fn load(path: &Path, limit: usize) -> Option<Vec<(String, Option<Published>)>> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut docs = Vec::new();
    for line in text.lines().take(limit) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(body) = v["text"].as_str() else { continue };
        let date = ["date", "published", "doc_date"].iter().find_map(|k| v[*k].as_str());
        docs.push((body.to_string(), date.and_then(|d| Published::parse(d).ok())));
    }
    Some(docs)
}

/// The text stage of the pipeline: a normalised document with sentences and tokens.
fn text_stage(raw: &str, date: Option<Published>) -> Option<Document> {
    let mut doc = Document::new("bench", dyad_text::normalize(raw).text).ok()?;
    doc.meta.published = date;
    dyad_text::annotate(&mut doc);
    Some(doc)
}

fn count(docs: &mut [Document], annotate: fn(&mut Document)) -> usize {
    docs.iter_mut()
        .map(|d| {
            annotate(d);
            d.timexes.len()
        })
        .sum()
}

fn bench(c: &mut Criterion) {
    for &(file, limit, expected) in CORPORA {
        let Some(raw) = load(&Path::new(DATA).join(file), limit) else {
            eprintln!("skipping {file}: not found under {DATA}");
            continue;
        };
        let mut docs: Vec<Document> = raw.iter().filter_map(|(t, d)| text_stage(t, *d)).collect();
        let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
        let found = count(&mut docs, dyad_time::annotate);
        let full = count(&mut docs, dyad_time::annotate_scanning_everything);
        eprintln!("{file}: {} documents, {bytes} bytes, {found} timexes", docs.len());
        assert_eq!(found, full, "{file}: the windowed scan and the full scan disagree");
        if expected != 0 {
            assert_eq!(found, expected, "{file}: timex count changed; update CORPORA after checking the scores");
        }
        let mut group = c.benchmark_group(file);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.sample_size(20);
        group.bench_function("text", |b| {
            b.iter(|| {
                raw.iter().filter_map(|(t, d)| text_stage(black_box(t), *d)).map(|d| d.tokens.len()).sum::<usize>()
            })
        });
        group.bench_function("time", |b| b.iter(|| black_box(count(&mut docs, dyad_time::annotate))));
        group.bench_function("time-full-scan", |b| {
            b.iter(|| black_box(count(&mut docs, dyad_time::annotate_scanning_everything)))
        });
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);
