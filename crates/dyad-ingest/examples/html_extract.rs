//! Dev tool: extract article text and metadata from a directory of `.html` / `.html.gz` pages.
//!
//! Usage: `html_extract DIR [OUT.jsonl|-] [RUNS]` (stdout when no output path or `-` is given). Writes one JSON
//! object per page, `{"id", "text", "title", "published", "author", "language", "url"}`, the id
//! being the file name without extensions, in file-name order. Every page is read and
//! decompressed first; stderr then gets the time spent in `extract_html` alone (one thread),
//! and pages per second: wall-clock, and, on Linux, the CPU time of the extracting thread
//! (`/proc/thread-self/schedstat`), which stays honest when other jobs share the cores. With
//! `RUNS` > 1 the extraction is repeated and one line is printed per run.

use std::io::{Read, Write};
use std::path::PathBuf;
use std::time::Instant;

use dyad_ingest::{HtmlArticle, extract_html};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let dir = PathBuf::from(args.next().ok_or("usage: html_extract DIR [OUT.jsonl|-] [RUNS]")?);
    let out_path = args.next().filter(|p| p != "-").map(PathBuf::from);
    let runs: usize = match args.next() {
        Some(r) => r.to_str().and_then(|r| r.parse().ok()).ok_or("RUNS must be a number")?,
        None => 1,
    };

    let mut pages: Vec<(String, Vec<u8>)> = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(&dir)?.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        let (id, gz) = if let Some(id) = name.strip_suffix(".html.gz") {
            (id, true)
        } else if let Some(id) = name.strip_suffix(".html") {
            (id, false)
        } else {
            continue;
        };
        let raw = std::fs::read(&path)?;
        let bytes = if gz {
            let mut v = Vec::with_capacity(raw.len() * 6);
            flate2::read::GzDecoder::new(raw.as_slice()).read_to_end(&mut v)?;
            v
        } else {
            raw
        };
        pages.push((id.to_string(), bytes));
    }

    let total_bytes: usize = pages.iter().map(|(_, b)| b.len()).sum();
    let mut results: Vec<HtmlArticle> = Vec::new();
    for _ in 0..runs.max(1) {
        let cpu0 = thread_cpu_seconds();
        let start = Instant::now();
        results = pages.iter().map(|(_, b)| extract_html(b, None, None)).collect();
        let secs = start.elapsed().as_secs_f64();
        let cpu = thread_cpu_seconds().zip(cpu0).map(|(b, a)| b - a);
        eprintln!(
            "pages: {}  MB: {:.1}  seconds: {:.3}  pages/s: {:.0}  MB/s: {:.1}  cpu_seconds: {}",
            pages.len(),
            total_bytes as f64 / 1e6,
            secs,
            pages.len() as f64 / secs.max(1e-9),
            total_bytes as f64 / 1e6 / secs.max(1e-9),
            cpu.map_or_else(|| "n/a".to_string(), |c| format!("{c:.3}")),
        );
    }

    let mut out: Box<dyn Write> = match &out_path {
        Some(p) => Box::new(std::io::BufWriter::new(std::fs::File::create(p)?)),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    for ((id, _), a) in pages.iter().zip(&results) {
        let rec = serde_json::json!({
            "id": id,
            "text": a.text,
            "title": a.title,
            "published": a.published,
            "author": a.author,
            "language": a.language,
            "url": a.url,
        });
        writeln!(out, "{rec}")?;
    }
    out.flush()?;
    Ok(())
}

/// CPU time of the calling thread in seconds (Linux `schedstat`), if the kernel reports it.
fn thread_cpu_seconds() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = s.split_whitespace().next()?.parse().ok()?;
    (ns > 0.0).then_some(ns / 1e9)
}
