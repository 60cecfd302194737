//! `dyad explain`: one sentence through the whole pipeline, with the reasons.

use crate::inputs::PipelineArgs;
use crate::output::finish_output;
use dyad::Article;
use dyad_core::Published;
use std::fmt::Write as _;
use std::io::Write as _;
use std::process::ExitCode;

/// Show how dyad reads one sentence: tokens with tags and heads, entities and actors, and
/// each candidate event with the pattern that fired and why each field (modality,
/// attribution, date, actors) was chosen or the candidate rejected.
///
///   dyad explain "Beijing denies that it is preparing an offensive." --date 2022-02-13
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct Args {
    /// The sentence (or a short text).
    text: String,
    /// Publication date, for relative times and dated roles.
    #[arg(long, value_parser = Published::parse)]
    date: Option<Published>,
    #[command(flatten)]
    pipeline: PipelineArgs,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let pipeline = args.pipeline.pipeline()?;
    let mut article = Article::from_text("explain", args.text);
    article.meta.published = args.date;
    let doc = pipeline.process(article)?;
    // Written at once, so that a closed pipe (`| head`) ends the command quietly.
    let mut out = String::new();
    writeln!(out, "words (index, text, UPOS/XPOS, head, relation):")?;
    for (i, w) in doc.words.iter().enumerate() {
        let head = w.head.map_or("root".to_string(), |h| format!("{h} {}", doc.slice(doc.words[h as usize].span)));
        writeln!(out, "  {i:>3} {:<16} {:<6}{:<5} -> {head:<22} {}", doc.slice(w.span), w.upos, w.xpos, w.deprel)?;
    }
    if !doc.timexes.is_empty() {
        writeln!(out, "time expressions:")?;
        for t in &doc.timexes {
            writeln!(
                out,
                "  {:<24} {:<9} {}",
                doc.slice(t.span),
                t.kind.as_str(),
                t.value.as_deref().unwrap_or("(unresolved)")
            )?;
        }
    }
    writeln!(out, "entities and actors:")?;
    for e in &doc.entities {
        writeln!(
            out,
            "  {:<32} {:<5} {:<10} {}",
            doc.slice(e.span),
            e.label.as_str(),
            e.actor.as_deref().unwrap_or("-"),
            e.role.as_deref().unwrap_or("")
        )?;
    }
    for m in &doc.mentions {
        writeln!(out, "  {:<32} refers to {}", doc.slice(m.span), doc.slice(doc.entities[m.entity as usize].span))?;
    }
    if let Some(explanation) = pipeline.explain(&doc) {
        writeln!(out, "events:\n{explanation}")?;
    }
    finish_output(std::io::stdout().lock().write_all(out.as_bytes()).map_err(Into::into))
}
