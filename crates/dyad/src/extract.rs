//! `dyad extract`: the whole pipeline over files, directories, stdin and JSONL, `dyad/1` out.

use anyhow::{Context, bail};
use dyad::{Article, Articles, Input, Pipeline, ReadOptions};
use dyad_core::{Published, dyad1};
use dyad_ingest::Fields;
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Run the whole pipeline and print dyad/1 JSON: sentences, entities, times, events.
///
/// Inputs are files, directories (walked recursively; `.jsonl` files inside are read as
/// records) and `-` for standard input. Plain-text articles get their publication date
/// from --date; JSONL records from their own date field, else --date. Relative times
/// ("on Saturday") are resolved against that date; without one they stay unresolved.
///
/// Data goes to stdout, messages to stderr. A bad file or record is reported as
/// `dyad: PATH[:LINE]: reason` and skipped; the exit status is 1 if any input failed.
///
/// Examples:
///
///   dyad extract --date 2022-02-13 article.txt
///
///   dyad extract --jsonl articles.jsonl --format jsonl > out.jsonl
///
///   cat story.txt | dyad extract --date 2024-06-01 -
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// Files, directories, or - for standard input.
    #[arg(value_name = "INPUT")]
    inputs: Vec<PathBuf>,

    /// A JSONL file of records with id, text and a date field; - for standard input. Repeatable.
    #[arg(long, value_name = "FILE")]
    jsonl: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD, or an ISO date-time) of inputs that carry none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    date: Option<Published>,

    /// json: one indented object per document (an array when there are several); jsonl: one line each.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Include each document's text in the output (doc.text).
    #[arg(long)]
    text: bool,

    /// Include the token layer (tokens with their kind and words).
    #[arg(long)]
    annotations: bool,

    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    threads: Option<usize>,

    /// Read invalid UTF-8 by replacing bad bytes with U+FFFD (with a warning) instead of rejecting the document.
    #[arg(long)]
    lossy: bool,

    /// JSONL field holding the record id.
    #[arg(long, value_name = "NAME", default_value = "id")]
    id_field: String,

    /// JSONL field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text")]
    text_field: String,

    /// JSONL field(s) holding the publication date, tried in order [default: published, date, doc_date].
    #[arg(long, value_name = "NAME")]
    date_field: Vec<String>,

    /// JSONL field holding the headline.
    #[arg(long, value_name = "NAME", default_value = "title")]
    title_field: String,

    /// JSONL field holding the URL.
    #[arg(long, value_name = "NAME", default_value = "url")]
    url_field: String,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

fn parse_date(s: &str) -> Result<Published, String> {
    Published::parse(s)
}

/// Documents handed to the thread pool at a time: enough to keep every core busy,
/// few enough that memory stays bounded on endless inputs.
const BATCH_PER_THREAD: usize = 16;

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = inputs(&args)?;
    let mut fields = Fields { id: args.id_field.clone(), text: args.text_field.clone(), ..Fields::default() };
    if !args.date_field.is_empty() {
        fields.date = args.date_field.clone();
    }
    fields.title = args.title_field.clone();
    fields.url = args.url_field.clone();
    let options = ReadOptions { lossy: args.lossy, date: args.date, fields };

    let threads = args.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get())).max(1);
    let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().context("starting worker threads")?;
    let pipeline = Pipeline::standard();
    let json = dyad1::Options { text: args.text, annotations: args.annotations };

    let mut out = Output::new(args.format);
    let progress = Progress::new();
    let mut articles = Articles::new(inputs, options);
    let mut failures = 0usize;
    let batch_size = threads * BATCH_PER_THREAD;
    loop {
        let mut batch: Vec<Article> = Vec::with_capacity(batch_size);
        for item in articles.by_ref() {
            match item {
                Ok(article) => {
                    for w in &article.warnings {
                        progress.message(&format!("dyad: {}: warning: {w}", article.origin));
                    }
                    batch.push(article);
                    if batch.len() == batch_size {
                        break;
                    }
                }
                Err(e) => {
                    failures += 1;
                    progress.message(&format!("dyad: {e}"));
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let results: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|a| {
                    let origin = a.origin.clone();
                    let bytes = a.text.len();
                    let rendered = pipeline.process(a).map(|doc| match args.format {
                        Format::Json => dyad1::to_json_pretty(&doc, json),
                        Format::Jsonl => dyad1::to_json(&doc, json),
                    });
                    (origin, bytes, rendered)
                })
                .collect()
        });
        for (origin, bytes, rendered) in results {
            match rendered {
                Ok(record) => {
                    if !out.write(&record)? {
                        return Ok(ExitCode::SUCCESS); // the reader went away (broken pipe)
                    }
                    progress.advance(bytes);
                }
                Err(e) => {
                    failures += 1;
                    progress.message(&format!("dyad: {origin}: {e}"));
                }
            }
        }
    }
    if !out.finish()? {
        return Ok(ExitCode::SUCCESS);
    }
    progress.finish(failures);
    Ok(if failures > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn inputs(args: &Args) -> anyhow::Result<Vec<Input>> {
    let mut inputs: Vec<Input> =
        args.inputs.iter().map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p.clone()) }).collect();
    inputs.extend(args.jsonl.iter().map(|p| Input::Jsonl((p.as_os_str() != "-").then(|| p.clone()))));
    if inputs.is_empty() {
        if std::io::stdin().is_terminal() {
            bail!("no input: give files, directories, --jsonl FILE, or - for standard input (see dyad extract --help)");
        }
        inputs.push(Input::Stdin);
    }
    Ok(inputs)
}

/// Writes records to stdout as JSON (an array when there are several) or JSONL.
/// Every write returns `false` once stdout is closed, so the run can stop quietly.
struct Output {
    format: Format,
    writer: BufWriter<std::io::Stdout>,
    written: usize,
    pending: Option<String>,
}

impl Output {
    fn new(format: Format) -> Output {
        Output { format, writer: BufWriter::with_capacity(1 << 16, std::io::stdout()), written: 0, pending: None }
    }

    fn write(&mut self, record: &str) -> anyhow::Result<bool> {
        let result = match self.format {
            Format::Jsonl => writeln!(self.writer, "{record}"),
            // Hold the first record back: only a second one tells whether an array is needed.
            Format::Json => match self.pending.replace(record.to_string()) {
                None if self.written == 0 => Ok(()),
                None => write!(self.writer, ",\n{record}").map(|_| self.pending = None),
                Some(first) => {
                    self.pending = None;
                    write!(self.writer, "[\n{first},\n{record}")
                }
            },
        };
        self.written += 1;
        ok_unless_closed(result)
    }

    fn finish(&mut self) -> anyhow::Result<bool> {
        let result = match (self.format, self.pending.take()) {
            (Format::Json, Some(only)) => writeln!(self.writer, "{only}"),
            (Format::Json, None) if self.written > 1 => writeln!(self.writer, "\n]"),
            (Format::Json, None) => writeln!(self.writer, "[]"),
            (Format::Jsonl, _) => Ok(()),
        };
        ok_unless_closed(result.and_then(|_| self.writer.flush()))
    }
}

fn ok_unless_closed(result: std::io::Result<()>) -> anyhow::Result<bool> {
    match result {
        Ok(()) => Ok(true),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
        Err(e) => Err(e).context("writing to standard output"),
    }
}

/// A progress line on a terminal (documents, MB, rate); nothing when stderr is a pipe.
struct Progress {
    bar: Option<ProgressBar>,
    started: Instant,
    docs: std::cell::Cell<u64>,
    bytes: std::cell::Cell<u64>,
}

impl Progress {
    fn new() -> Progress {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = ProgressBar::new_spinner();
            bar.set_style(
                ProgressStyle::with_template("{spinner} {pos} documents, {msg} [{elapsed_precise}]")
                    .expect("valid progress template"),
            );
            bar
        });
        Progress { bar, started: Instant::now(), docs: 0.into(), bytes: 0.into() }
    }

    fn advance(&self, bytes: usize) {
        self.docs.set(self.docs.get() + 1);
        self.bytes.set(self.bytes.get() + bytes as u64);
        if let Some(bar) = &self.bar {
            bar.inc(1);
            let mb = self.bytes.get() as f64 / 1e6;
            bar.set_message(format!("{mb:.1} MB, {:.2} MB/s", mb / self.started.elapsed().as_secs_f64()));
        }
    }

    fn message(&self, line: &str) {
        match &self.bar {
            Some(bar) => bar.println(line),
            None => eprintln!("{line}"),
        }
    }

    fn finish(&self, failures: usize) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
            let secs = self.started.elapsed().as_secs_f64();
            let mb = self.bytes.get() as f64 / 1e6;
            eprintln!(
                "dyad: {} documents, {mb:.1} MB in {secs:.2} s ({:.2} MB/s), {failures} failed",
                self.docs.get(),
                mb / secs.max(1e-9)
            );
        }
    }
}
