//! `dyad article`: the ingest stage alone, clean article text and metadata out.

use crate::drive;
use crate::inputs::InputArgs;
use crate::output::{Output, Shape};
use serde::Serialize;
use std::process::ExitCode;

/// Print the clean article body and metadata of each document, nothing more.
///
/// For people who only want clean text, as they use trafilatura's command line: HTML
/// pages (body extracted; navigation, ads, related links, comments and banners
/// dropped), RSS/Atom feeds, WARC archives (.warc, .warc.gz), JSONL and plain text, in
/// files or directories, gzip-compressed or not.
///
/// jsonl writes one object per document: id (the file name without its extensions, or
/// the record id), url, title, published, author, language, text (paragraphs separated
/// by blank lines; the title is not part of it), and duplicate_of when the document
/// repeats an earlier one. text writes the bodies alone, separated by blank lines.
///
/// Examples:
///
///   dyad article page.html
///
///   dyad article --format text saved-pages/ | less
///
///   dyad article CC-NEWS-20240101.warc.gz > articles.jsonl
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,

    /// jsonl: one JSON object per document; text: the bodies alone.
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Jsonl,
    Text,
}

/// One line of `dyad article --format jsonl`.
#[derive(Serialize)]
struct Record<'a> {
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<String>,
    author: Option<&'a str>,
    language: Option<&'a str>,
    source: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<Duplicate<'a>>,
    text: &'a str,
}

#[derive(Serialize)]
struct Duplicate<'a> {
    id: &'a str,
    similarity: f32,
    exact: bool,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let inputs = args.input.inputs("article")?;
    let format = args.format;
    let mut out = Output::new(if format == Format::Text { Shape::Text } else { Shape::Lines });
    let summary = drive::run(
        inputs,
        args.input.read_options(),
        &args.input.plan(),
        drive::each(|a| {
            Ok(match format {
                Format::Text => a.text,
                Format::Jsonl => {
                    let m = &a.meta;
                    let record = Record {
                        id: &a.id,
                        url: m.url.as_deref(),
                        title: m.title.as_deref(),
                        published: m.published.map(|p| p.to_string()),
                        author: m.author.as_deref(),
                        language: m.language.as_deref(),
                        source: m.source.as_deref(),
                        duplicate_of: m.duplicate_of.as_ref().map(|d| Duplicate {
                            id: &d.id,
                            similarity: d.similarity,
                            exact: d.exact,
                        }),
                        text: &a.text,
                    };
                    serde_json::to_string(&record).map_err(|e| e.to_string())?
                }
            })
        }),
        |record| out.write(&record),
    )?;
    out.finish()?;
    Ok(if summary.failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
