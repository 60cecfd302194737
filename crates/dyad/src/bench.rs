//! `dyad bench`: the whole pipeline on real corpora, per stage and in total, on 1 and on N
//! threads, with peak memory and events per document.

use crate::drive::CHUNK;
use anyhow::{Context, bail};
use dyad::{Article, Articles, Input, Pipeline, ReadOptions};
use dyad_store::Store;
use rayon::prelude::*;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Measure dyad's speed on a corpus: per stage (1 thread) and whole pipeline (1 and N threads).
///
/// Reads the corpus once into memory (the "ingest" stage: reading and decoding the files),
/// then runs the pipeline over it and adds every document to a store in memory (the
/// "store" stage: SQLite, events merged across articles as `dyad ingest` does). Prints MB/s
/// and documents/s per stage, the total from text to events on 1 and on N threads with the
/// speed-up, peak resident memory, and events and entities per document. --repeat K makes
/// the corpus K times longer, to check that cost grows linearly (ingest reads it once).
///
///   dyad bench ../shared/data/news_text/ukraine_war_2022_2024_gdelt.jsonl
///
///   dyad bench corpus.jsonl --threads 2 --repeat 10
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Corpus files or directories (JSONL records with id, text, date; or any input dyad reads).
    #[arg(value_name = "INPUT", required = true)]
    inputs: Vec<PathBuf>,
    /// Threads for the parallel run [default: all cores].
    #[arg(long)]
    threads: Option<usize>,
    /// Use the corpus this many times over.
    #[arg(long, default_value_t = 1)]
    repeat: usize,
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let options = ReadOptions::default();
    let inputs = args.inputs.iter().map(|p| Input::Path(p.clone())).collect();
    let mut corpus: Vec<Article> = Vec::new();
    let read = Instant::now();
    for item in Articles::new(inputs, options).decoded() {
        corpus.push(item.context("reading the corpus")?);
    }
    let read = read.elapsed().as_secs_f64();
    let (read_mb, read_docs) = (corpus.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6, corpus.len() as f64);
    if corpus.is_empty() {
        bail!("the corpus is empty");
    }
    let base = corpus.clone();
    for k in 1..args.repeat.max(1) {
        corpus.extend(base.iter().cloned().map(|mut a| {
            a.id = format!("{}~{k}", a.id);
            a
        }));
    }
    let mb = corpus.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    let docs = corpus.len() as f64;
    let load = Instant::now();
    let pipeline = Pipeline::standard()?;
    let load = load.elapsed();
    let names: Vec<&str> = pipeline.stage_names().collect();
    println!(
        "corpus: {} documents, {mb:.2} MB of text; pipeline built in {:.0} ms",
        corpus.len(),
        load.as_secs_f64() * 1e3
    );

    // One thread, per stage; the store's time is kept apart from the pipeline's.
    let mut spent = vec![Duration::ZERO; names.len()];
    let (mut events, mut entities, mut tokens) = (0usize, 0usize, 0usize);
    let mut store = Store::open_in_memory()?;
    let mut storing = Duration::ZERO;
    let started = Instant::now();
    for chunk in corpus.chunks(CHUNK) {
        let mut done = Vec::with_capacity(chunk.len());
        for doc in pipeline.process_many_timed(chunk.to_vec(), &mut spent) {
            let doc = doc?;
            events += doc.events.len();
            entities += doc.entities.len();
            tokens += doc.tokens.len();
            done.push(doc);
        }
        let t = Instant::now();
        store.add(&done)?;
        storing += t.elapsed();
    }
    let one = (started.elapsed() - storing).as_secs_f64();
    let row = |name: &str, s: f64, mb: f64, docs: f64| {
        println!("{name:<10} {s:>10.3} {:>10.2} {:>12.0}", mb / s.max(1e-9), docs / s.max(1e-9));
    };
    println!("\n{:<10} {:>10} {:>10} {:>12}", "stage", "seconds", "MB/s", "docs/s");
    row("ingest", read, read_mb, read_docs);
    for (name, d) in names.iter().zip(&spent) {
        row(name, d.as_secs_f64(), mb, docs);
    }
    row("store", storing.as_secs_f64(), mb, docs);
    println!(
        "{:<10} {one:>10.3} {:>10.2} {:>12.0}   (1 thread, text to events, {:.0} tokens/s)",
        "total",
        mb / one,
        docs / one,
        tokens as f64 / one
    );

    // N threads, whole pipeline.
    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build()?;
    let started = Instant::now();
    let n: usize = pool.install(|| {
        corpus
            .par_chunks(CHUNK)
            .map(|chunk| pipeline.process_many(chunk.to_vec()).iter().flatten().map(|d| d.events.len()).sum::<usize>())
            .sum()
    });
    let many = started.elapsed().as_secs_f64();
    assert_eq!(n, events, "the parallel run must find the same events");
    // With one thread the second run is the same work without the per-stage clocks: a
    // second measure of one core, not a speed-up.
    let note = if threads == 1 {
        format!("1 thread again, without stage clocks: {:.2}x the first run", one / many)
    } else {
        format!("{threads} threads, speed-up {:.2}x", one / many)
    };
    println!("{:<10} {many:>10.3} {:>10.2} {:>12.0}   ({note})", "total", mb / many, docs / many);
    println!(
        "\nevents per document {:.2}, entities per document {:.2}, peak memory {}",
        events as f64 / docs,
        entities as f64 / docs,
        peak_rss_mb().map_or("unknown".into(), |m| format!("{m:.0} MB"))
    );
    Ok(ExitCode::SUCCESS)
}
