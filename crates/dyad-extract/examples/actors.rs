//! A command line over the actors stage, to measure it before the `dyad actors` subcommand
//! and the pipeline stage exist.
//!
//! ```text
//! actors extract [FILE | --jsonl FILE] [--date D] [--lexicon DIR] [--text] [--syntax] [--no-actors]
//!                [--entities-from DYAD1.jsonl]
//! actors lookup NAME [--date D] [--lexicon DIR]
//! actors check DIR
//! actors load
//! ```
//!
//! `extract` runs `dyad_text::annotate`, `dyad_time::annotate` and the actors stage and writes
//! dyad/1 JSONL to stdout; JSONL records carry `id`, `text` and `published`/`date`/`doc_date`.
//! `--syntax` also runs `dyad-syntax` (tags, parse and NER) before the actors stage;
//! `--no-actors` leaves the actors stage out (the NER baseline). `--entities-from` takes the NER entities of each document (by `doc.id`) from another dyad/1
//! run, e.g. `dyad extract` with the syntax stage, so linking can be measured on top of NER.
//! `load` prints the lexicon's load + compile time, resident memory and record counts.

use dyad_core::{Document, Entity, EntityLabel, Published, Span, dyad1};
use dyad_extract::{Actors, check_dir};
use std::collections::HashMap;
use std::io::{BufRead, BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn actors(args: &[String]) -> Result<Actors, String> {
    match flag(args, "--lexicon") {
        Some(dir) => Actors::with_user_dir(Path::new(dir)).map_err(|e| e.to_string()),
        None => Actors::embedded().map_err(|e| e.to_string()),
    }
}

fn label_of(s: &str) -> EntityLabel {
    EntityLabel::parse(s).unwrap_or(EntityLabel::Misc)
}

/// NER entities by document id from a dyad/1 JSONL file, with character offsets.
/// NER spans by document id: (start char, end char, label).
type NerByDoc = HashMap<String, Vec<(usize, usize, EntityLabel)>>;

fn read_entities(path: &str) -> Result<NerByDoc, String> {
    let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
    let mut out = HashMap::new();
    for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let id = v["doc"]["id"].as_str().unwrap_or_default().to_string();
        let ents = v["entities"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|e| {
                        Some((
                            e["start"].as_u64()? as usize,
                            e["end"].as_u64()? as usize,
                            label_of(e["label"].as_str()?),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        out.insert(id, ents);
    }
    Ok(out)
}

fn byte_of(text: &str, ch: usize) -> usize {
    text.char_indices().nth(ch).map_or(text.len(), |(b, _)| b)
}

fn extract(args: &[String]) -> Result<(), String> {
    let actors = actors(args)?;
    let date = flag(args, "--date").map(Published::parse).transpose()?;
    let ner = flag(args, "--entities-from").map(read_entities).transpose()?;
    let options = dyad1::Options { text: args.iter().any(|a| a == "--text"), annotations: false };
    let mut records: Vec<(String, String, Option<Published>)> = Vec::new();
    if let Some(path) = flag(args, "--jsonl") {
        let file = std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?;
        for (n, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line.map_err(|e| format!("{path}:{}: {e}", n + 1))?;
            if line.trim().is_empty() {
                continue;
            }
            let v: serde_json::Value = serde_json::from_str(&line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
            let id = v["id"].as_str().map_or_else(|| format!("{}", n + 1), str::to_string);
            let text = v["text"].as_str().unwrap_or_default().to_string();
            let published = ["published", "date", "doc_date"]
                .iter()
                .find_map(|k| v[*k].as_str())
                .and_then(|d| Published::parse_loose(d).ok())
                .or(date);
            records.push((id, text, published));
        }
    } else {
        let path = args.iter().find(|a| !a.starts_with("--") && !is_flag_value(args, a)).ok_or("no input file")?;
        let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
        let id = Path::new(path).file_stem().map_or("doc".into(), |s| s.to_string_lossy().into_owned());
        records.push((id, text, date));
    }
    let syntax = if args.iter().any(|a| a == "--syntax") {
        Some(dyad_syntax::Models::embedded().map_err(|e| e.to_string())?)
    } else {
        None
    };
    let run_actors = !args.iter().any(|a| a == "--no-actors");
    let mut out = BufWriter::new(std::io::stdout().lock());
    let start = Instant::now();
    let mut bytes = 0;
    let mut in_actors = 0.0;
    for (id, raw, published) in records {
        let text = dyad_text::normalize(&raw).text;
        bytes += text.len();
        let mut doc = Document::new(id, text).map_err(|e| e.to_string())?;
        doc.meta.published = published;
        dyad_text::annotate(&mut doc);
        dyad_time::annotate(&mut doc);
        if let Some(models) = &syntax {
            models.annotate(&mut doc);
        }
        if let Some(ents) = ner.as_ref().and_then(|m| m.get(&doc.id)) {
            let t = doc.text();
            doc.entities = ents
                .iter()
                .map(|&(s, e, label)| Entity {
                    span: Span::new(byte_of(t, s), byte_of(t, e)),
                    label,
                    actor: None,
                    canonical: None,
                    role: None,
                })
                .collect();
        }
        if run_actors {
            let t = Instant::now();
            actors.annotate(&mut doc);
            in_actors += t.elapsed().as_secs_f64();
        }
        writeln!(out, "{}", dyad1::to_json(&doc, options)).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    let secs = start.elapsed().as_secs_f64();
    eprintln!(
        "processed {bytes} bytes in {secs:.3} s ({:.1} MB/s, all stages); actors stage alone {in_actors:.3} s ({:.1} MB/s)",
        bytes as f64 / 1e6 / secs.max(1e-9),
        bytes as f64 / 1e6 / in_actors.max(1e-9)
    );
    Ok(())
}

fn is_flag_value(args: &[String], a: &String) -> bool {
    args.iter().position(|x| std::ptr::eq(x, a)).is_some_and(|i| {
        i > 0 && args[i - 1].starts_with("--") && !["--text", "--syntax", "--no-actors"].contains(&args[i - 1].as_str())
    })
}

fn lookup(args: &[String]) -> Result<(), String> {
    let actors = actors(args)?;
    let name = args.iter().find(|a| !a.starts_with("--") && !is_flag_value(args, a)).ok_or("no name")?;
    let date = flag(args, "--date").map(|d| d.parse().map_err(|e| format!("{d}: {e}"))).transpose()?;
    let found = actors.lookup(name, date);
    if found.is_empty() {
        println!("{name}: not in the lexicon");
    }
    for l in found {
        println!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            l.code.as_deref().unwrap_or("-"),
            l.canonical,
            l.role.as_deref().unwrap_or("-"),
            l.kind,
            l.status,
            l.valid,
            l.source
        );
    }
    Ok(())
}

fn check(args: &[String]) -> Result<(), String> {
    let dir = args.first().ok_or("no directory")?;
    match check_dir(Path::new(dir)) {
        Ok(s) => {
            println!("{dir}: ok: {s:?}");
            Ok(())
        }
        Err(errors) => {
            for e in &errors {
                eprintln!("{e}");
            }
            Err(format!("{} problems", errors.len()))
        }
    }
}

fn rss_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| s.lines().find(|l| l.starts_with("VmRSS:")).map(|l| l.to_string()))
        .and_then(|l| l.split_whitespace().nth(1).and_then(|n| n.parse().ok()))
        .unwrap_or(0)
}

fn load() -> Result<(), String> {
    let before = rss_kb();
    let start = Instant::now();
    let actors = Actors::embedded().map_err(|e| e.to_string())?;
    let once = start.elapsed();
    let after = rss_kb();
    let n = 10;
    let start = Instant::now();
    for _ in 0..n {
        drop(Actors::embedded().map_err(|e| e.to_string())?);
    }
    let mean = start.elapsed() / n;
    println!("load+compile: first {:.1} ms, mean of {n} {:.1} ms", once.as_secs_f64() * 1e3, mean.as_secs_f64() * 1e3);
    println!("resident memory: +{:.1} MB (VmRSS {before} kB -> {after} kB)", (after - before) as f64 / 1024.0);
    println!("{:?}", actors.lexicon().stats());
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rest = args.get(1..).unwrap_or(&[]);
    let result = match args.first().map(String::as_str) {
        Some("extract") => extract(rest),
        Some("lookup") => lookup(rest),
        Some("check") => check(rest),
        Some("load") => load(),
        _ => Err("usage: actors extract|lookup|check|load ... (see the file's doc)".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("actors: {e}");
            ExitCode::FAILURE
        }
    }
}
