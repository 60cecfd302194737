//! A command line over the events stage, to measure it before the pipeline wires it in.
//!
//! ```text
//! events extract [FILE | --jsonl FILE] [--date D] [--text] [--min-confidence X]
//! events explain "SENTENCE" [--date D]
//! events bench --jsonl FILE [--limit N]
//! ```
//!
//! `extract` runs text → time → syntax (`dyad_syntax::Models::embedded`) → actors → events
//! and writes dyad/1 JSONL to stdout; JSONL records carry `id`, `text` and
//! `published`/`date`/`doc_date`. `bench` times the syntax stage and the coder apart.

use dyad_core::{Document, Published, dyad1};
use dyad_extract::{Actors, Coder};
use dyad_syntax::Models;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::{Duration, Instant};

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn is_flag_value(args: &[String], i: usize) -> bool {
    i > 0 && args[i - 1].starts_with("--") && args[i - 1] != "--text"
}

fn positional(args: &[String]) -> Option<&str> {
    (0..args.len()).find(|&i| !args[i].starts_with("--") && !is_flag_value(args, i)).map(|i| args[i].as_str())
}

type Record = (String, String, Option<Published>);

fn records(args: &[String]) -> Result<Vec<Record>, String> {
    let date = flag(args, "--date").map(Published::parse).transpose()?;
    let mut out = Vec::new();
    if let Some(path) = flag(args, "--jsonl") {
        let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
            let id = match &v["id"] {
                serde_json::Value::String(s) => s.clone(),
                serde_json::Value::Null => format!("{}", n + 1),
                other => other.to_string(),
            };
            let text = v["text"].as_str().unwrap_or_default().to_string();
            let published = ["published", "date", "doc_date"]
                .iter()
                .find_map(|k| v[*k].as_str())
                .and_then(|d| Published::parse_loose(d).ok())
                .or(date);
            out.push((id, text, published));
        }
    } else {
        let path = positional(args).ok_or("no input file")?;
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let id = Path::new(path).file_stem().map_or("doc".into(), |s| s.to_string_lossy().into_owned());
        out.push((id, text, date));
    }
    Ok(out)
}

struct Stages {
    models: Models,
    actors: Actors,
    coder: Coder,
}

impl Stages {
    fn load() -> Result<Stages, String> {
        Ok(Stages {
            models: Models::embedded().map_err(|e| e.to_string())?,
            actors: Actors::embedded().map_err(|e| e.to_string())?,
            coder: Coder::embedded().map_err(|e| e.to_string())?,
        })
    }

    /// Runs every stage; returns the time spent in syntax and in coding.
    fn run(&self, id: &str, raw: &str, published: Option<Published>) -> Result<(Document, [Duration; 2]), String> {
        let text = dyad_text::normalize(raw).text;
        let mut doc = Document::new(id, text).map_err(|e| e.to_string())?;
        doc.meta.published = published;
        dyad_text::annotate(&mut doc);
        dyad_time::annotate(&mut doc);
        let t0 = Instant::now();
        self.models.annotate(&mut doc);
        let t1 = Instant::now();
        self.actors.annotate(&mut doc);
        let t2 = Instant::now();
        self.coder.annotate(&mut doc);
        let t3 = Instant::now();
        Ok((doc, [t1 - t0, t3 - t2]))
    }
}

fn extract(args: &[String]) -> Result<(), String> {
    let stages = Stages::load()?;
    let min: f32 = flag(args, "--min-confidence").map_or(Ok(0.0), str::parse).map_err(|e| format!("{e}"))?;
    let options = dyad1::Options { text: args.iter().any(|a| a == "--text"), annotations: false };
    let mut out = BufWriter::new(std::io::stdout().lock());
    for (id, raw, published) in records(args)? {
        let (mut doc, _) = stages.run(&id, &raw, published)?;
        doc.events.retain(|e| e.confidence >= min);
        writeln!(out, "{}", dyad1::to_json(&doc, options)).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())
}

fn explain(args: &[String]) -> Result<(), String> {
    let stages = Stages::load()?;
    let arg = positional(args).ok_or("no sentence")?;
    let text = if Path::new(arg).is_file() {
        std::fs::read_to_string(arg).map_err(|e| format!("{arg}: {e}"))?
    } else {
        arg.to_string()
    };
    let sentence = text.as_str();
    let date = flag(args, "--date").map(Published::parse).transpose()?;
    let (doc, _) = stages.run("explain", sentence, date)?;
    print!("{}", stages.coder.explain(&doc));
    Ok(())
}

fn bench(args: &[String]) -> Result<(), String> {
    let stages = Stages::load()?;
    let limit: usize = flag(args, "--limit").map_or(Ok(usize::MAX), str::parse).map_err(|e| format!("{e}"))?;
    let (mut syntax, mut coding, mut events, mut docs) = (Duration::ZERO, Duration::ZERO, 0, 0);
    for (id, raw, published) in records(args)?.into_iter().take(limit) {
        let (doc, [s, c]) = stages.run(&id, &raw, published)?;
        syntax += s;
        coding += c;
        events += doc.events.len();
        docs += 1;
    }
    let (s, c) = (syntax.as_secs_f64(), coding.as_secs_f64());
    println!(
        "{docs} documents, {events} events; syntax {s:.3} s, coding {c:.3} s ({:.1}% of syntax)",
        100.0 * c / s.max(1e-9)
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("extract") => extract(&args[1..]),
        Some("explain") => explain(&args[1..]),
        Some("bench") => bench(&args[1..]),
        _ => Err("usage: events extract|explain|bench ...".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("events: {e}");
            ExitCode::FAILURE
        }
    }
}
