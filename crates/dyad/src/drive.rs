//! The loop shared by the commands that read documents: read in order, decode and
//! process in parallel batches, mark duplicates in input order, write in input order,
//! report progress on a terminal and a summary at the end.

use crate::progress::Progress;
use dyad::{Article, Articles, Failure, Input, ReadOptions};
use dyad_core::DuplicateOf;
use dyad_ingest::Origin;
use dyad_ingest::dedup::Deduper;
use rayon::prelude::*;
use std::time::Instant;

/// Documents one thread works on together: the pipeline runs each stage over all of them
/// before the next ([`dyad::Pipeline::process_many`]), which keeps each stage's code and
/// tables in the cache. Batches of 32 are about as fast as any larger batch, and memory
/// stays bounded on endless inputs.
pub const CHUNK: usize = 32;

/// The message for a document whose processing panicked in `step`.
fn internal_error(step: &'static str, panic: Box<dyn std::any::Any + Send>) -> String {
    Failure::panicked(step, panic).to_string()
}

/// Adapts work on one article at a time to [`run`], which hands out chunks of articles.
pub fn each<T>(
    work: impl Fn(Article) -> Result<T, String> + Sync,
) -> impl Fn(Vec<Article>) -> Vec<Result<T, String>> + Sync {
    move |articles| {
        articles
            .into_iter()
            .map(|a| {
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(a)))
                    .unwrap_or_else(|panic| Err(internal_error("work", panic)))
            })
            .collect()
    }
}

/// What the loop does besides reading.
pub struct Plan {
    /// Worker threads.
    pub threads: usize,
    /// Near-duplicate threshold; `None` turns duplicate marking off.
    pub dedup: Option<f32>,
    /// Print nothing on stderr but errors and warnings.
    pub quiet: bool,
}

/// Counts for the closing summary.
#[derive(Default)]
pub struct Summary {
    pub written: u64,
    pub failed: u64,
    pub duplicates: u64,
    pub bytes: u64,
}

/// Reads `inputs`, runs `work` on chunks of up to [`CHUNK`] articles (chunks in parallel,
/// input order kept) and hands each result to `emit`, which returns `false` to stop early
/// (a closed pipe). `work` returns one result per article, in order: `Err(message)` for a
/// document that cannot be processed.
pub fn run<T: Send>(
    inputs: Vec<Input>,
    options: ReadOptions,
    plan: &Plan,
    work: impl Fn(Vec<Article>) -> Vec<Result<T, String>> + Sync,
    mut emit: impl FnMut(T) -> anyhow::Result<bool>,
) -> anyhow::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(plan.threads).build()?;
    let progress = Progress::new(dyad_ingest::total_size(&inputs), plan.quiet);
    let mut articles = Articles::new(inputs, options.clone());
    let mut dedup = plan.dedup.map(Deduper::new);
    let mut summary = Summary::default();
    let started = Instant::now();
    let batch_size = plan.threads * CHUNK;
    loop {
        let mut batch = Vec::with_capacity(batch_size);
        for item in articles.by_ref() {
            match item {
                Ok(raw) => {
                    batch.push(raw);
                    if batch.len() == batch_size {
                        break;
                    }
                }
                Err(e) => {
                    summary.failed += 1;
                    progress.message(&format!("dyad: {e}"));
                }
            }
        }
        if batch.is_empty() {
            break;
        }
        let decoded: Vec<_> = pool.install(|| {
            batch
                .into_par_iter()
                .map(|raw| {
                    let origin = raw.origin().clone();
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                        raw.decode(&options).map_err(|e| e.to_string())
                    }))
                    .unwrap_or_else(|panic| Err(format!("{origin}: {}", internal_error("reading", panic))))
                })
                .collect()
        });
        let mut ready: Vec<Article> = Vec::with_capacity(decoded.len());
        for item in decoded {
            match item {
                Ok(mut article) => {
                    for w in &article.warnings {
                        progress.message(&format!("dyad: {}: warning: {w}", article.origin));
                    }
                    if let Some(d) = &mut dedup {
                        article.meta.duplicate_of = d.check(&article.id, &article.text).map(|d| DuplicateOf {
                            id: d.of,
                            similarity: d.similarity,
                            exact: d.exact,
                        });
                        summary.duplicates += u64::from(article.meta.duplicate_of.is_some());
                    }
                    summary.bytes += article.text.len() as u64;
                    ready.push(article);
                }
                Err(e) => {
                    summary.failed += 1;
                    progress.message(&format!("dyad: {e}"));
                }
            }
        }
        let origins: Vec<Origin> = ready.iter().map(|a| a.origin.clone()).collect();
        let chunks: Vec<Vec<Article>> = chunked(ready, CHUNK);
        let results: Vec<Result<T, String>> = pool.install(|| {
            chunks
                .into_par_iter()
                .flat_map_iter(|chunk| {
                    let n = chunk.len();
                    // A bug must not take the other documents down with it; the pipeline
                    // already keeps a panic to its document, this is the last resort.
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(chunk))).unwrap_or_else(|panic| {
                        let message = internal_error("work", panic);
                        (0..n).map(|_| Err(message.clone())).collect()
                    })
                })
                .collect()
        });
        let results = origins.into_iter().zip(results);
        for (origin, result) in results {
            match result {
                Ok(value) => {
                    if !emit(value)? {
                        return Ok(summary);
                    }
                    summary.written += 1;
                }
                Err(e) => {
                    summary.failed += 1;
                    progress.message(&format!("dyad: {origin}: {e}"));
                }
            }
        }
        progress.update(summary.written, summary.bytes, articles.consumed());
    }
    progress.finish();
    if !plan.quiet {
        let secs = started.elapsed().as_secs_f64();
        let mb = summary.bytes as f64 / 1e6;
        let mut line = format!(
            "dyad: {} documents ({mb:.2} MB of text) in {secs:.2} s, {:.2} MB/s; {} failed",
            summary.written,
            mb / secs.max(1e-9),
            summary.failed
        );
        if plan.dedup.is_some() {
            line += &format!("; {} duplicates", summary.duplicates);
        }
        for (reason, n) in articles.skipped() {
            line += &format!("; skipped {n} {reason}");
        }
        eprintln!("{line}");
    }
    Ok(summary)
}

/// `items` cut into vectors of at most `size`, in order.
fn chunked<T>(items: Vec<T>, size: usize) -> Vec<Vec<T>> {
    let mut chunks = Vec::with_capacity(items.len().div_ceil(size));
    let mut items = items.into_iter().peekable();
    while items.peek().is_some() {
        chunks.push(items.by_ref().take(size).collect());
    }
    chunks
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_keep_every_item_in_order() {
        assert_eq!(chunked((0..7).collect(), 3), vec![vec![0, 1, 2], vec![3, 4, 5], vec![6]]);
        assert!(chunked(Vec::<u8>::new(), 3).is_empty());
    }

    #[test]
    fn each_turns_a_panic_into_that_articles_error() {
        let work = each(|a: Article| if a.text == "boom" { panic!("went boom") } else { Ok(a.id) });
        let out = work(vec![Article::from_text("a", "fine"), Article::from_text("b", "boom")]);
        assert_eq!(out[0], Ok("a".to_string()));
        assert!(out[1].as_ref().unwrap_err().contains("went boom"));
    }
}
