//! `dyad ingest`, `dyad query`, `dyad export` and `dyad run`: the event store.

use crate::drive;
use crate::inputs::{InputArgs, PipelineArgs};
use crate::output::finish_output;
use anyhow::Context;
use dyad::{Document, Input, Pipeline};
use dyad_store::{Bucket, EventRow, Filter, ParquetTable, Store};
use std::collections::HashSet;
use std::io::{BufWriter, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Where the store is.
#[derive(clap::Args)]
pub struct DbArgs {
    /// The store file (SQLite), created if missing.
    #[arg(long, value_name = "PATH", default_value = "dyad.db")]
    db: PathBuf,
}

/// Run the pipeline over articles and keep the results in the store.
///
/// Documents are added in transactions of --batch documents: a killed run leaves a
/// consistent store, and running the same command again finishes the job. A document
/// already stored (same id) is skipped, so ingesting twice changes nothing. Mentions of
/// the same event (same source and target actors, CAMEO code and modality, dates within
/// --window days) are merged across articles into one event with mention, source and
/// article counts; syndicated copies count as one source.
///
///   dyad ingest --db news.db saved-pages/ feed.xml CC-NEWS.warc.gz
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct IngestArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    pipeline: PipelineArgs,
    #[command(flatten)]
    db: DbArgs,
    /// Documents per transaction.
    #[arg(long, default_value_t = 64)]
    batch: usize,
    /// Mentions at most this many days apart can be one event.
    #[arg(long, value_name = "DAYS", default_value_t = 1)]
    window: u32,
}

pub fn ingest(args: IngestArgs) -> anyhow::Result<ExitCode> {
    let inputs = args.input.inputs("ingest")?;
    let mut store = Store::open(&args.db.db)?;
    store.window_days = args.window;
    let pipeline = args.pipeline.pipeline()?;
    let (failed, added) = ingest_into(&mut store, &pipeline, inputs, &args.input, args.batch.max(1))?;
    if !args.input.quiet {
        let (docs, events, mentions) = store.totals()?;
        eprintln!(
            "dyad: stored {} new documents ({} already stored), {} event mentions ({} new events); {} now holds {docs} documents, {events} events, {mentions} mentions",
            added.documents,
            added.already_stored,
            added.mentions,
            added.new_events,
            args.db.db.display()
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Runs the pipeline over `inputs` into `store`; returns the failures and what was added.
fn ingest_into(
    store: &mut Store,
    pipeline: &Pipeline,
    inputs: Vec<Input>,
    input: &InputArgs,
    batch: usize,
) -> anyhow::Result<(u64, dyad_store::Added)> {
    let stored: HashSet<String> = store.document_ids()?.into_iter().collect();
    let mut pending: Vec<Document> = Vec::with_capacity(batch);
    let mut added = dyad_store::Added::default();
    let mut skipped = 0u64;
    let add = |store: &mut Store, docs: &mut Vec<Document>, added: &mut dyad_store::Added| -> anyhow::Result<()> {
        let a = store.add(docs)?;
        added.documents += a.documents;
        added.already_stored += a.already_stored;
        added.mentions += a.mentions;
        added.new_events += a.new_events;
        docs.clear();
        Ok(())
    };
    let summary = drive::run(
        inputs,
        input.read_options(),
        &input.plan(),
        |articles| {
            // Articles already in the store are skipped (`None`), the others processed
            // together; the results go back in input order.
            let fresh: Vec<bool> = articles.iter().map(|a| !stored.contains(&a.id)).collect();
            let new = articles.into_iter().filter(|a| !stored.contains(&a.id)).collect();
            let mut done = pipeline.process_many(new).into_iter();
            fresh
                .into_iter()
                .map(|f| match f.then(|| done.next()).flatten() {
                    Some(doc) => doc.map(Some).map_err(|e| e.to_string()),
                    None => Ok(None),
                })
                .collect()
        },
        |doc| {
            match doc {
                Some(doc) => pending.push(doc),
                None => skipped += 1,
            }
            if pending.len() >= batch {
                add(store, &mut pending, &mut added)?;
            }
            Ok(true)
        },
    )?;
    add(store, &mut pending, &mut added)?;
    added.already_stored += skipped;
    Ok((summary.failed, added))
}

/// Which events: the filters shared by `query` and `export`.
#[derive(clap::Args)]
pub struct FilterArgs {
    /// Source actor code; end with * for a prefix (RUS*).
    #[arg(long)]
    source: Option<String>,
    /// Target actor code; end with * for a prefix.
    #[arg(long)]
    target: Option<String>,
    /// CAMEO code (041), root (19) or prefix (19*).
    #[arg(long)]
    cameo: Option<String>,
    /// Quad class: 1 verbal cooperation, 2 material cooperation, 3 verbal conflict, 4 material conflict.
    #[arg(long, value_parser = clap::value_parser!(u8).range(1..=4))]
    quad: Option<u8>,
    /// Modalities to keep, comma-separated [default: all].
    #[arg(long, value_delimiter = ',')]
    modality: Vec<String>,
    /// First event date (YYYY-MM-DD).
    #[arg(long)]
    from: Option<String>,
    /// Last event date (YYYY-MM-DD).
    #[arg(long)]
    to: Option<String>,
    /// Only background events (--historical true) or only current ones (false).
    #[arg(long)]
    historical: Option<bool>,
    /// Words an evidence sentence must contain.
    #[arg(long)]
    text: Option<String>,
    /// At most this many events (0: all).
    #[arg(long, default_value_t = 0)]
    limit: usize,
}

impl FilterArgs {
    fn filter(&self) -> Filter {
        Filter {
            source: self.source.clone(),
            target: self.target.clone(),
            cameo: self.cameo.clone(),
            quad_class: self.quad,
            modality: self.modality.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            historical: self.historical,
            text: self.text.clone(),
            limit: self.limit,
        }
    }
}

/// Ask the store: which events, how many per day or week, with their evidence.
///
///   dyad query --source 'RUS*' --target 'UKR*' --from 2022-02-01 --to 2022-02-28
///
///   dyad query --source RUSGOV --count-by day --format csv
///
///   dyad query --cameo 19 --evidence --limit 10
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct QueryArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Count events per time bucket and dyad (with mentions, Goldstein sum and quad classes) instead of listing them.
    #[arg(long, value_enum)]
    count_by: Option<BucketArg>,
    /// Print the sentence of every mention under each event.
    #[arg(long)]
    evidence: bool,
    /// table on a terminal, else jsonl.
    #[arg(long, value_enum)]
    format: Option<QueryFormat>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum BucketArg {
    Day,
    Week,
    Month,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum QueryFormat {
    Table,
    Jsonl,
    Csv,
}

fn open_existing(path: &Path) -> anyhow::Result<Store> {
    if !path.exists() {
        anyhow::bail!("{}: no such store; create one with dyad ingest --db {}", path.display(), path.display());
    }
    Ok(Store::open(path)?)
}

pub fn query(args: QueryArgs) -> anyhow::Result<ExitCode> {
    let store = open_existing(&args.db.db)?;
    let filter = args.filter.filter();
    let format =
        args.format.unwrap_or(if std::io::stdout().is_terminal() { QueryFormat::Table } else { QueryFormat::Jsonl });
    let mut out = BufWriter::new(std::io::stdout().lock());
    let result = (|| -> anyhow::Result<()> {
        if let Some(b) = args.count_by {
            let bucket = match b {
                BucketArg::Day => Bucket::Day,
                BucketArg::Week => Bucket::Week,
                BucketArg::Month => Bucket::Month,
            };
            let rows = store.counts(&filter, bucket)?;
            match format {
                QueryFormat::Jsonl => rows.iter().try_for_each(|r| writeln!(out, "{}", serde_json::to_string(r)?))?,
                QueryFormat::Csv | QueryFormat::Table => {
                    let sep = if format == QueryFormat::Csv { "," } else { "\t" };
                    writeln!(
                        out,
                        "{}",
                        ["bucket", "source", "target", "events", "mentions", "goldstein", "q1", "q2", "q3", "q4"]
                            .join(sep)
                    )?;
                    for r in &rows {
                        let q = r.quad.map(|n| n.to_string());
                        writeln!(
                            out,
                            "{}",
                            [
                                &r.bucket,
                                opt(&r.source),
                                opt(&r.target),
                                &r.events.to_string(),
                                &r.mentions.to_string(),
                                &format!("{:.1}", r.goldstein),
                                &q[0],
                                &q[1],
                                &q[2],
                                &q[3]
                            ]
                            .join(sep)
                        )?;
                    }
                }
            }
            return Ok(());
        }
        if format == QueryFormat::Csv {
            writeln!(
                out,
                "id,date,source,target,cameo,quad_class,goldstein,modality,historical,num_mentions,num_sources,num_articles"
            )?;
        }
        let mut n = 0u64;
        store.for_each_event(&filter, |e| {
            let e = &e;
            n += 1;
            match format {
                QueryFormat::Jsonl => {
                    if args.evidence {
                        let mut v = serde_json::to_value(e)?;
                        v["mentions"] = serde_json::to_value(store.mentions(e.id)?)?;
                        writeln!(out, "{v}")?;
                    } else {
                        writeln!(out, "{}", serde_json::to_string(e)?)?;
                    }
                }
                QueryFormat::Csv => writeln!(
                    out,
                    "{},{},{},{},{},{},{},{},{},{},{},{}",
                    e.id,
                    e.date.as_deref().unwrap_or(""),
                    opt(&e.source),
                    opt(&e.target),
                    e.cameo,
                    e.quad_class,
                    e.goldstein,
                    e.modality,
                    e.historical,
                    e.num_mentions,
                    e.num_sources,
                    e.num_articles
                )?,
                QueryFormat::Table => {
                    writeln!(out, "{}", table_row(e))?;
                    if args.evidence {
                        for m in store.mentions(e.id)? {
                            writeln!(
                                out,
                                "    {}: \"{}\"",
                                m.doc_id,
                                m.evidence.split_whitespace().collect::<Vec<_>>().join(" ")
                            )?;
                        }
                    }
                }
            }
            Ok::<(), anyhow::Error>(())
        })?;
        if format == QueryFormat::Table {
            out.flush()?;
            eprintln!("dyad: {n} events");
        }
        Ok(())
    })();
    finish_output(result.and_then(|_| Ok(out.flush()?)))
}

fn opt(s: &Option<String>) -> &str {
    s.as_deref().unwrap_or("-")
}

fn table_row(e: &EventRow) -> String {
    format!(
        "{:<10} {:<9} {:<9} {:<5} {:<13} {:>3} mentions {:>3} sources{}",
        e.date.as_deref().unwrap_or("?"),
        opt(&e.source),
        opt(&e.target),
        e.cameo,
        e.modality,
        e.num_mentions,
        e.num_sources,
        if e.historical { "  (historical)" } else { "" }
    )
}

/// Write the store's events in the formats other tools read.
///
/// gdelt: GDELT 2.0 Events TSV, the codebook's 61 columns in order, no header (geography
/// columns stay empty until places have coordinates); gdelt-mentions: GDELT 2.0 Mentions
/// TSV (16 columns); plover: PLOVER-style JSON lines with POLECAT's field names; jsonl:
/// dyad's events, each with all its mentions; parquet: one row per event, typed columns
/// (dates, counts, scores), zstd-compressed; parquet-mentions: one row per mention, joining
/// the events on event_id. The Parquet columns are documented in docs/parquet.md. Parquet
/// is binary: give --out, or send standard output to a file or a pipe, not a terminal.
///
///   dyad export --format gdelt --db news.db > events.tsv
///
///   dyad export --format plover --source 'RUS*' > russia.jsonl
///
///   dyad export --format parquet --db news.db --out events.parquet
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ExportArgs {
    #[command(flatten)]
    db: DbArgs,
    #[command(flatten)]
    filter: FilterArgs,
    /// Output format.
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// Write to this file instead of standard output.
    #[arg(long, value_name = "FILE")]
    out: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ExportFormat {
    Gdelt,
    GdeltMentions,
    Plover,
    Jsonl,
    Parquet,
    ParquetMentions,
}

pub fn export(args: ExportArgs) -> anyhow::Result<ExitCode> {
    let table = match args.format {
        ExportFormat::Parquet => Some(ParquetTable::Events),
        ExportFormat::ParquetMentions => Some(ParquetTable::Mentions),
        _ => None,
    };
    if table.is_some() && args.out.is_none() && std::io::stdout().is_terminal() {
        anyhow::bail!(
            "Parquet is binary and standard output is a terminal: give --out FILE, or redirect to a file or a pipe"
        );
    }
    let store = open_existing(&args.db.db)?;
    let filter = args.filter.filter();
    if let Some(table) = table {
        let n = export_parquet(&store, table, &filter, args.out.as_deref())?;
        eprintln!("dyad: exported {n} rows");
        return Ok(ExitCode::SUCCESS);
    }
    let mut out: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(BufWriter::new(std::fs::File::create(p).with_context(|| p.display().to_string())?)),
        None => Box::new(BufWriter::new(std::io::stdout().lock())),
    };
    let result = (|| -> anyhow::Result<u64> {
        let n = match args.format {
            ExportFormat::Gdelt => store.export_gdelt_events(&filter, &mut out)?,
            ExportFormat::GdeltMentions => store.export_gdelt_mentions(&filter, &mut out)?,
            ExportFormat::Plover => store.export_plover(&filter, &mut out)?,
            ExportFormat::Jsonl => store.export_jsonl(&filter, &mut out)?,
            ExportFormat::Parquet | ExportFormat::ParquetMentions => unreachable!("written above"),
        };
        out.flush()?;
        Ok(n)
    })();
    match result {
        Ok(n) => {
            eprintln!("dyad: exported {n} rows");
            Ok(ExitCode::SUCCESS)
        }
        Err(e) => finish_output(Err(e)),
    }
}

/// Writes a Parquet table to `out` or standard output. A file is written beside its final
/// name and renamed once complete, so a failed export never leaves a truncated file there.
fn export_parquet(store: &Store, table: ParquetTable, filter: &Filter, out: Option<&Path>) -> anyhow::Result<u64> {
    let Some(path) = out else {
        return Ok(store.export_parquet(table, filter, std::io::stdout())?);
    };
    let mut partial = path.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let written = (|| -> anyhow::Result<u64> {
        let file = std::fs::File::create(&partial).with_context(|| partial.display().to_string())?;
        let n = store.export_parquet(table, filter, file)?;
        std::fs::rename(&partial, path).with_context(|| path.display().to_string())?;
        Ok(n)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    written
}

/// The main job: ingest articles (by default the bundled samples) into the store and show
/// what an analyst wants to see first: top dyads, a timeline, quad classes, and events
/// with their evidence.
///
///   dyad run                       # the bundled sample articles into dyad.db
///
///   dyad run --db news.db pages/   # your own articles
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct RunArgs {
    #[command(flatten)]
    input: InputArgs,
    #[command(flatten)]
    pipeline: PipelineArgs,
    #[command(flatten)]
    db: DbArgs,
}

/// The sample articles, embedded so that `dyad run` works anywhere.
const SAMPLES: [(&str, &str); 2] = [
    ("articles.jsonl", include_str!("../../../samples/articles.jsonl")),
    ("call.txt", include_str!("../../../samples/call.txt")),
];

pub fn run(mut args: RunArgs) -> anyhow::Result<ExitCode> {
    let mut tmp = None;
    if args.input.inputs.is_empty() && args.input.jsonl.is_empty() {
        let dir = std::env::temp_dir().join(format!("dyad-samples-{}", std::process::id()));
        std::fs::create_dir_all(&dir)?;
        for (name, text) in SAMPLES {
            std::fs::write(dir.join(name), text)?;
        }
        eprintln!("dyad: no input given: using the {} bundled sample files", SAMPLES.len());
        args.input.inputs.push(dir.clone());
        args.input.date.get_or_insert(dyad_core::Published::parse("2022-02-13").expect("a valid date"));
        tmp = Some(dir);
    }
    let inputs = args.input.inputs("run")?;
    let mut store = Store::open(&args.db.db)?;
    let pipeline = args.pipeline.pipeline()?;
    let result = ingest_into(&mut store, &pipeline, inputs, &args.input, 64);
    if let Some(dir) = tmp {
        let _ = std::fs::remove_dir_all(dir);
    }
    let (failed, added) = result?;
    let (docs, events, mentions) = store.totals()?;
    let mut out = BufWriter::new(std::io::stdout().lock());
    let report = (|| -> anyhow::Result<()> {
        writeln!(
            out,
            "{}: {docs} documents, {events} events, {mentions} mentions ({} documents added now, {} already stored)\n",
            args.db.db.display(),
            added.documents,
            added.already_stored
        )?;
        let factual = Filter { modality: vec!["asserted".into(), "reported".into()], ..Filter::default() };
        let mut dyads: std::collections::BTreeMap<(String, String), (u64, u64)> = Default::default();
        let mut quads = [0u64; 4];
        // The first events in the store's order, shown with their evidence below.
        let mut first = Vec::new();
        store.for_each_event(&factual, |e| {
            let k = dyads.entry((opt(&e.source).to_string(), opt(&e.target).to_string())).or_default();
            k.0 += 1;
            k.1 += e.num_mentions;
            if (1..=4).contains(&e.quad_class) {
                quads[usize::from(e.quad_class) - 1] += 1;
            }
            if first.len() < 8 {
                first.push(e);
            }
            Ok::<(), anyhow::Error>(())
        })?;
        let mut top: Vec<_> = dyads.into_iter().collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        writeln!(out, "Top dyads (events that happened: asserted or reported)")?;
        for ((s, t), (n, m)) in top.iter().take(10) {
            writeln!(out, "  {s:<9} -> {t:<9} {n:>4} events {m:>4} mentions")?;
        }
        writeln!(out, "\nBy quad class")?;
        for (i, name) in
            ["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"].iter().enumerate()
        {
            writeln!(out, "  {} {name:<22} {:>4}", i + 1, quads[i])?;
        }
        writeln!(out, "\nTimeline (events per day)")?;
        let mut days: std::collections::BTreeMap<String, u64> = Default::default();
        for c in store.counts(&factual, Bucket::Day)? {
            *days.entry(c.bucket).or_default() += c.events;
        }
        for (day, n) in &days {
            writeln!(out, "  {day} {:<40} {n}", "#".repeat((*n).min(40) as usize))?;
        }
        writeln!(out, "\nEvents with evidence")?;
        for e in &first {
            writeln!(out, "  {}", table_row(e))?;
            if let Some(m) = store.mentions(e.id)?.first() {
                let sentence: String = m.evidence.split_whitespace().collect::<Vec<_>>().join(" ");
                writeln!(out, "      \"{sentence}\"")?;
            }
        }
        if first.is_empty() {
            writeln!(out, "  (none yet)")?;
        }
        writeln!(out, "\nMore: dyad query --db {} --evidence", args.db.db.display())?;
        Ok(())
    })();
    finish_output(report.and_then(|_| Ok(out.flush()?)))?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
