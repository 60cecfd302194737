//! `dyad extract`: the whole pipeline over files, directories, stdin and JSONL, `dyad/1` out.

use crate::drive;
use crate::inputs::{InputArgs, PipelineArgs};
use crate::output::{Output, Shape};
use dyad_core::dyad1;
use std::process::ExitCode;

/// Run the whole pipeline and print dyad/1 JSON: sentences, entities, times, events.
///
/// Inputs are files, directories (walked recursively) and - for standard input; each
/// file's format (text, HTML, RSS/Atom, WARC, JSONL, gzip) is recognised by content.
/// Plain-text articles get their publication date from --date; pages, feed items and
/// records from their own metadata, else --date. Relative times ("on Saturday") are
/// resolved against that date; without one they stay unresolved.
///
/// Data goes to stdout, messages to stderr. A bad file or record is reported as
/// `dyad: PATH[:RECORD]: reason` and skipped; the exit status is 1 if any input failed.
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
    #[command(flatten)]
    input: InputArgs,

    #[command(flatten)]
    pipeline: PipelineArgs,

    /// json: one indented object per document (an array when there are several); jsonl: one line each.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,

    /// Include each document's text in the output (doc.text).
    #[arg(long)]
    text: bool,

    /// Include the token layer (tokens with their kind and words) and the words layer (POS tags, heads, relations).
    #[arg(long)]
    annotations: bool,

    /// Leave out events whose confidence is below this (0-1).
    #[arg(long, value_name = "C", default_value_t = 0.0)]
    min_confidence: f32,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Json,
    Jsonl,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = args.input.inputs("extract")?;
    let pipeline = args.pipeline.pipeline()?;
    let json = dyad1::Options { text: args.text, annotations: args.annotations };
    let format = args.format;
    let min_confidence = args.min_confidence;
    let mut out = Output::new(if format == Format::Json { Shape::JsonArray } else { Shape::Lines });
    let summary = drive::run(
        inputs,
        args.input.read_options(),
        &args.input.plan(),
        |articles| {
            let docs = pipeline.process_many(articles).into_iter();
            docs.map(|doc| {
                let mut doc = doc.map_err(|e| e.to_string())?;
                doc.events.retain(|e| e.confidence >= min_confidence);
                Ok(match format {
                    Format::Json => dyad1::to_json_pretty(&doc, json),
                    Format::Jsonl => dyad1::to_json(&doc, json),
                })
            })
            .collect()
        },
        |record| out.write(&record),
    )?;
    out.finish()?;
    Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
