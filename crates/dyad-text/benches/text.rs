//! Throughput of the text layer (normalize + annotate) on real news articles.
//!
//! Reads `shared/data/news_text/ukraine_war_2022_2024_gdelt.jsonl` (beside the repository)
//! at run time, or the file named by `DYAD_BENCH_NEWS`; prints a note and skips when it is
//! missing. Run: `cargo bench -p dyad-text --bench text`.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_core::Document;
use std::hint::black_box;
use std::path::PathBuf;

/// Articles of the news corpus, or `None` when it is not there.
fn articles() -> Option<Vec<String>> {
    let path = std::env::var_os("DYAD_BENCH_NEWS").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/news_text/ukraine_war_2022_2024_gdelt.jsonl")
    });
    let data = std::fs::read_to_string(&path).ok()?;
    let texts = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    Some(texts)
}

/// Sentences and tokens of all articles after normalize + annotate.
fn run(texts: &[String]) -> (usize, usize) {
    let (mut sentences, mut tokens) = (0, 0);
    for t in texts {
        let norm = dyad_text::normalize(t);
        let Ok(mut doc) = Document::new("bench", norm.text) else { continue };
        dyad_text::annotate(&mut doc);
        sentences += doc.sentences.len();
        tokens += doc.tokens.len();
    }
    (sentences, tokens)
}

fn text_layer(c: &mut Criterion) {
    let Some(texts) = articles() else {
        eprintln!("dyad-text bench: news corpus not found (set DYAD_BENCH_NEWS); skipped");
        return;
    };
    let bytes: usize = texts.iter().map(String::len).sum();
    let counts = run(&texts);
    eprintln!("dyad-text bench: {} articles, {bytes} bytes, {} sentences, {} tokens", texts.len(), counts.0, counts.1);
    assert!(counts.0 > texts.len() && counts.1 > bytes / 10, "too few sentences or tokens: {counts:?}");
    let mut group = c.benchmark_group("text");
    group.throughput(Throughput::Bytes(bytes as u64));
    group.sample_size(20);
    group.bench_function("normalize+annotate/gdelt-ukraine", |b| {
        b.iter(|| {
            let got = run(black_box(&texts));
            assert_eq!(got, counts);
            got
        })
    });
    group.bench_function("normalize/gdelt-ukraine", |b| {
        b.iter(|| texts.iter().map(|t| dyad_text::normalize(black_box(t)).text.len()).sum::<usize>())
    });
    group.finish();
}

criterion_group!(benches, text_layer);
criterion_main!(benches);
