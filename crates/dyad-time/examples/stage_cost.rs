//! Runs one stage over a news corpus a number of times, for counting its cost with a
//! profiler or `valgrind --tool=callgrind` (instruction counts do not depend on what
//! else the machine is doing, unlike times).
//!
//! ```text
//! stage_cost FILE.jsonl MODE [REPEAT]     # MODE: none | text | time | full
//! ```
//!
//! Every mode first reads the JSONL records (`text`, `date`; at most 3,000), normalises
//! each text and runs `dyad-text` once, as the pipeline does before the time stage.
//! Then `text` runs `dyad_text::annotate` REPEAT more times, `time` runs
//! `dyad_time::annotate` REPEAT times (windows around anchor words, as in the
//! pipeline), `full` runs `dyad_time::annotate_scanning_everything` REPEAT times, and
//! `none` nothing: the cost of a mode minus that of `none` is the cost of REPEAT runs.

use dyad_core::{Document, Published};
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(path), Some(mode)) = (args.first(), args.get(1)) else {
        eprintln!("usage: stage_cost FILE.jsonl none|text|time|full [REPEAT]");
        return ExitCode::from(2);
    };
    let repeat: usize = args.get(2).and_then(|r| r.parse().ok()).unwrap_or(1);
    let data = match std::fs::read_to_string(path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("{path}: {e}");
            return ExitCode::FAILURE;
        }
    };
    let mut docs = Vec::new();
    for line in data.lines().take(3000) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let Some(text) = v["text"].as_str() else { continue };
        let Ok(mut doc) = Document::new("doc", dyad_text::normalize(text).text) else { continue };
        let date = ["date", "published", "doc_date"].iter().find_map(|k| v[*k].as_str());
        doc.meta.published = date.and_then(|d| Published::parse(d).ok());
        dyad_text::annotate(&mut doc);
        docs.push(doc);
    }
    let run: fn(&mut Document) = match mode.as_str() {
        "none" => |_| {},
        "text" => dyad_text::annotate,
        "time" => dyad_time::annotate,
        "full" => dyad_time::annotate_scanning_everything,
        other => {
            eprintln!("unknown mode {other}");
            return ExitCode::from(2);
        }
    };
    let start = Instant::now();
    for _ in 0..repeat {
        docs.iter_mut().for_each(run);
    }
    let per_run = start.elapsed().as_secs_f64() * 1e3 / repeat.max(1) as f64;
    let timexes: usize = docs.iter().map(|d| d.timexes.len()).sum();
    eprintln!("{} documents, mode {mode}: {per_run:.2} ms per run ({timexes} timexes)", docs.len());
    ExitCode::SUCCESS
}
