//! `dyad explain`: one sentence through the whole pipeline, with the reasons.

use crate::inputs::PipelineArgs;
use dyad::Article;
use dyad_core::Published;
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
    println!("words (index, text, UPOS/XPOS, head, relation):");
    for (i, w) in doc.words.iter().enumerate() {
        let head = w.head.map_or("root".to_string(), |h| format!("{h} {}", doc.slice(doc.words[h as usize].span)));
        println!("  {i:>3} {:<16} {:<6}{:<5} -> {head:<22} {}", doc.slice(w.span), w.upos, w.xpos, w.deprel);
    }
    if !doc.timexes.is_empty() {
        println!("time expressions:");
        for t in &doc.timexes {
            println!(
                "  {:<24} {:<9} {}",
                doc.slice(t.span),
                t.kind.as_str(),
                t.value.as_deref().unwrap_or("(unresolved)")
            );
        }
    }
    println!("entities and actors:");
    for e in &doc.entities {
        println!(
            "  {:<32} {:<5} {:<10} {}",
            doc.slice(e.span),
            e.label.as_str(),
            e.actor.as_deref().unwrap_or("-"),
            e.role.as_deref().unwrap_or("")
        );
    }
    for m in &doc.mentions {
        println!("  {:<32} refers to {}", doc.slice(m.span), doc.slice(doc.entities[m.entity as usize].span));
    }
    if let Some(explanation) = pipeline.explain(&doc) {
        println!("events:\n{explanation}");
    }
    Ok(ExitCode::SUCCESS)
}
