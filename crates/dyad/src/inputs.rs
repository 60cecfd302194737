//! The input options shared by every command that reads articles.

use anyhow::bail;
use dyad::{Input, ReadOptions};
use dyad_core::Published;
use dyad_ingest::Fields;
use std::io::IsTerminal;
use std::path::PathBuf;

/// Where articles come from and how to read them.
#[derive(clap::Args)]
pub struct InputArgs {
    /// Files, directories, or - for standard input. Formats are recognised by content:
    /// plain text, HTML, RSS/Atom, WARC (.warc, .warc.gz), JSONL; .gz files are decompressed.
    #[arg(value_name = "INPUT")]
    pub inputs: Vec<PathBuf>,

    /// A JSONL file of records (id, text, a date field, title, url); - for standard input. Repeatable.
    #[arg(long, value_name = "FILE")]
    pub jsonl: Vec<PathBuf>,

    /// Publication date (YYYY-MM-DD, or an ISO date-time) of inputs that carry none.
    #[arg(long, value_name = "DATE", value_parser = parse_date)]
    pub date: Option<Published>,

    /// Worker threads [default: all cores].
    #[arg(long, value_name = "N")]
    pub threads: Option<usize>,

    /// Read invalid UTF-8 by replacing bad bytes with U+FFFD (with a warning) instead of rejecting the document.
    #[arg(long)]
    pub lossy: bool,

    /// Mark documents that repeat an earlier one (doc.duplicate_of): exact copies, and near copies from this
    /// similarity (Jaccard of 5-word shingles, 0-1) on. 0 turns marking off.
    #[arg(long, value_name = "SIMILARITY", default_value_t = 0.8)]
    pub dedup: f32,

    /// No progress bar and no closing summary; errors and warnings are still printed.
    #[arg(long, short)]
    pub quiet: bool,

    /// JSONL field holding the record id.
    #[arg(long, value_name = "NAME", default_value = "id", help_heading = "JSONL fields")]
    pub id_field: String,

    /// JSONL field holding the text.
    #[arg(long, value_name = "NAME", default_value = "text", help_heading = "JSONL fields")]
    pub text_field: String,

    /// JSONL field(s) holding the publication date, tried in order [default: published, date, doc_date].
    #[arg(long, value_name = "NAME", help_heading = "JSONL fields")]
    pub date_field: Vec<String>,

    /// JSONL field holding the headline.
    #[arg(long, value_name = "NAME", default_value = "title", help_heading = "JSONL fields")]
    pub title_field: String,

    /// JSONL field holding the URL.
    #[arg(long, value_name = "NAME", default_value = "url", help_heading = "JSONL fields")]
    pub url_field: String,
}

/// Options of the annotation pipeline.
#[derive(clap::Args)]
pub struct PipelineArgs {
    /// A directory of your own dictionary files (same TSV formats as lexicon/), added to the embedded
    /// ones; an entry with the same name overrides ours. Check it first with dyad actors check.
    #[arg(long, value_name = "DIR")]
    pub lexicon: Option<PathBuf>,

    /// Annotate every text as written: do not restore the capitals of a text written all in
    /// lower case or in capitals (which dyad otherwise does, and says so in the diagnostics).
    #[arg(long)]
    pub as_written: bool,
}

impl PipelineArgs {
    /// The pipeline these options describe.
    pub fn pipeline(&self) -> anyhow::Result<dyad::Pipeline> {
        let pipeline = dyad::Pipeline::with_lexicon(self.lexicon.as_deref())?;
        Ok(if self.as_written { pipeline.as_written() } else { pipeline })
    }
}

fn parse_date(s: &str) -> Result<Published, String> {
    Published::parse(s)
}

impl InputArgs {
    /// The inputs, reading standard input when none are given and it is not a terminal.
    pub fn inputs(&self, command: &str) -> anyhow::Result<Vec<Input>> {
        let mut inputs: Vec<Input> = self
            .inputs
            .iter()
            .map(|p| if p.as_os_str() == "-" { Input::Stdin } else { Input::Path(p.clone()) })
            .collect();
        inputs.extend(self.jsonl.iter().map(|p| Input::Jsonl((p.as_os_str() != "-").then(|| p.clone()))));
        if inputs.is_empty() {
            if std::io::stdin().is_terminal() {
                bail!(
                    "no input: give files, directories, --jsonl FILE, or - for standard input (see dyad {command} --help)"
                );
            }
            inputs.push(Input::Stdin);
        }
        Ok(inputs)
    }

    /// How to read them.
    pub fn read_options(&self) -> ReadOptions {
        let mut fields = Fields {
            id: self.id_field.clone(),
            text: self.text_field.clone(),
            title: self.title_field.clone(),
            url: self.url_field.clone(),
            ..Fields::default()
        };
        if !self.date_field.is_empty() {
            fields.date = self.date_field.clone();
        }
        ReadOptions { lossy: self.lossy, date: self.date, fields }
    }

    /// The loop's plan: threads, duplicate threshold, quietness.
    pub fn plan(&self) -> crate::drive::Plan {
        let threads = self.threads.unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
        crate::drive::Plan {
            threads: threads.max(1),
            dedup: (self.dedup > 0.0).then_some(self.dedup.min(1.0)),
            quiet: self.quiet,
        }
    }
}
