//! Times the text layer on one huge document, to show it stays linear: the news corpus
//! repeated (articles joined by blank lines) up to a size in MB.
//!
//! ```text
//! /usr/bin/time -v bigdoc NEWS.jsonl 200
//! ```

use dyad_core::Document;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: bigdoc NEWS.jsonl [MB]")?;
    let mb: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(200);
    let data = std::fs::read_to_string(&path).map_err(|e| format!("{path}: {e}"))?;
    let texts: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_owned))
        .collect();
    drop(data);
    if texts.is_empty() {
        return Err(format!("{path}: no texts").into());
    }
    let target = mb * 1_000_000;
    let mut big = String::with_capacity(target + 100_000);
    'fill: loop {
        for t in &texts {
            big.push_str(t);
            big.push_str("\n\n");
            if big.len() >= target {
                break 'fill;
            }
        }
    }
    drop(texts);
    let t0 = Instant::now();
    let norm = dyad_text::normalize(&big);
    let t_norm = t0.elapsed();
    drop(big);
    let mut doc = Document::new("big", norm.text)?;
    let t1 = Instant::now();
    dyad_text::annotate(&mut doc);
    let t_ann = t1.elapsed();
    let len = doc.text().len();
    let total = (t_norm + t_ann).as_secs_f64();
    println!(
        "{:.1} MB: normalize {:.2} s, annotate {:.2} s, total {:.2} s ({:.1} MB/s); {} sentences, {} tokens, {} boilerplate",
        len as f64 / 1e6,
        t_norm.as_secs_f64(),
        t_ann.as_secs_f64(),
        total,
        len as f64 / 1e6 / total,
        doc.sentences.len(),
        doc.tokens.len(),
        doc.sentences.iter().filter(|s| s.boilerplate).count()
    );
    Ok(())
}
