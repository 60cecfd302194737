//! Splits documents into sentences and tokens with dyad or a baseline, for the shared
//! `score.py segments` scorer.
//!
//! ```text
//! segment --splitter dyad|uax29|sentencex [DOCS.jsonl|-] > OUT.jsonl
//! ```
//!
//! DOCS.jsonl is what `score.py docs-from-conllu` writes (`id` and `text` are read);
//! each output line is `{"doc": {"id", "text"}, "sentences": [{"start", "end",
//! "boilerplate"}], "tokens": [{"start", "end"}]}` with character offsets, as in dyad/1.
//! The baselines are the UAX #29 sentence bounds of `unicode-segmentation` (tokens: its
//! non-space word bounds) and the `sentencex` crate (no tokens). The time spent splitting
//! goes to stderr.

use dyad_core::Document;
use dyad_core::dyad1::CharOffsets;
use serde_json::{Value, json};
use std::io::{BufRead, BufWriter, Write};
use std::time::{Duration, Instant};
use unicode_segmentation::UnicodeSegmentation;

/// Byte spans of sentences and tokens, and boilerplate flags.
#[derive(Default)]
struct Segments {
    sentences: Vec<(usize, usize, bool)>,
    tokens: Vec<(usize, usize)>,
}

fn dyad(id: &str, text: &str) -> Segments {
    let norm = dyad_text::normalize(text);
    let Ok(mut doc) = Document::new(id, norm.text.clone()) else {
        return Segments::default();
    };
    dyad_text::annotate(&mut doc);
    let raw = |s: dyad_core::Span| (norm.raw_offset(s.start as usize), norm.raw_end(s.end as usize));
    Segments {
        sentences: doc.sentences.iter().map(|s| (raw(s.span).0, raw(s.span).1, s.boilerplate)).collect(),
        tokens: doc.tokens.iter().map(|t| raw(t.span)).collect(),
    }
}

/// Trims white space off `start..end` of `text`.
fn trimmed(text: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    let s = &text[start..end];
    let t = s.trim_start();
    let a = start + (s.len() - t.len());
    let b = a + t.trim_end().len();
    (b > a).then_some((a, b))
}

fn uax29(text: &str) -> Segments {
    let sentences = text
        .split_sentence_bound_indices()
        .filter_map(|(i, s)| trimmed(text, i, i + s.len()))
        .map(|(a, b)| (a, b, false))
        .collect();
    let tokens =
        text.split_word_bound_indices().filter(|(_, w)| !w.trim().is_empty()).map(|(i, w)| (i, i + w.len())).collect();
    Segments { sentences, tokens }
}

fn sentencex(text: &str) -> Segments {
    let sentences = sentencex::get_sentence_boundaries("en", text)
        .iter()
        .filter_map(|b| trimmed(text, b.start_byte, b.end_byte.min(text.len())))
        .map(|(a, b)| (a, b, false))
        .collect();
    Segments { sentences, tokens: Vec::new() }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut splitter = String::from("dyad");
    let mut input = String::from("-");
    while let Some(a) = args.next() {
        match a.as_str() {
            "--splitter" => splitter = args.next().ok_or("--splitter needs a value")?,
            "-h" | "--help" => {
                eprintln!("usage: segment --splitter dyad|uax29|sentencex [DOCS.jsonl|-] > OUT.jsonl");
                return Ok(());
            }
            _ => input = a,
        }
    }
    let split: fn(&str, &str) -> Segments = match splitter.as_str() {
        "dyad" => dyad,
        "uax29" => |_, t| uax29(t),
        "sentencex" => |_, t| sentencex(t),
        other => return Err(format!("unknown splitter {other:?}: use dyad, uax29 or sentencex").into()),
    };
    let reader: Box<dyn BufRead> = if input == "-" {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::io::BufReader::new(std::fs::File::open(&input).map_err(|e| format!("{input}: {e}"))?))
    };
    let mut out = BufWriter::new(std::io::stdout().lock());
    let (mut docs, mut bytes, mut spent) = (0usize, 0usize, Duration::ZERO);
    for (n, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(&line).map_err(|e| format!("{input}:{}: {e}", n + 1))?;
        let id = rec["id"].as_str().unwrap_or_default();
        let text = rec["text"].as_str().unwrap_or_default();
        let t0 = Instant::now();
        let seg = split(id, text);
        spent += t0.elapsed();
        docs += 1;
        bytes += text.len();
        let chars = CharOffsets::new(text);
        let c = |b: usize| chars.char_offset(b as u32);
        let sentences: Vec<Value> =
            seg.sentences.iter().map(|&(a, b, bp)| json!({"start": c(a), "end": c(b), "boilerplate": bp})).collect();
        let tokens: Vec<Value> = seg.tokens.iter().map(|&(a, b)| json!({"start": c(a), "end": c(b)})).collect();
        let mut rec = json!({"doc": {"id": id, "text": text}, "sentences": sentences});
        if !tokens.is_empty() {
            rec["tokens"] = Value::Array(tokens);
        }
        serde_json::to_writer(&mut out, &rec)?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    let secs = spent.as_secs_f64();
    eprintln!(
        "{splitter}: {docs} docs, {bytes} bytes, {:.3} ms splitting, {:.1} MB/s",
        secs * 1e3,
        bytes as f64 / 1e6 / secs.max(1e-9)
    );
    Ok(())
}
