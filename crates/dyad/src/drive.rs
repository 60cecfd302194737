//! The loop shared by the commands that read documents: read in order, decode and
//! process in parallel batches, mark duplicates in input order, write in input order,
//! report progress on a terminal and a summary at the end.

use crate::progress::Progress;
use dyad::{Article, Articles, Input, ReadOptions};
use dyad_core::DuplicateOf;
use dyad_ingest::Origin;
use dyad_ingest::dedup::Deduper;
use rayon::prelude::*;
use std::time::Instant;

/// Documents handed to the thread pool at a time, per thread: enough to keep every core
/// busy, few enough that memory stays bounded on endless inputs.
const BATCH_PER_THREAD: usize = 16;

/// The message for a document whose processing panicked.
fn internal_error(panic: Box<dyn std::any::Any + Send>) -> String {
    let what = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "unknown panic".into());
    format!("internal error, document skipped (a bug in dyad: please report it with this document): {what}")
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

/// Reads `inputs`, runs `work` on every article (in parallel, keeping input order) and
/// hands each result to `emit`, which returns `false` to stop early (a closed pipe).
/// `work` returns `Err(message)` for a document that cannot be processed.
pub fn run<T: Send>(
    inputs: Vec<Input>,
    options: ReadOptions,
    plan: &Plan,
    work: impl Fn(Article) -> Result<T, String> + Sync,
    mut emit: impl FnMut(T) -> anyhow::Result<bool>,
) -> anyhow::Result<Summary> {
    let pool = rayon::ThreadPoolBuilder::new().num_threads(plan.threads).build()?;
    let progress = Progress::new(dyad_ingest::total_size(&inputs), plan.quiet);
    let mut articles = Articles::new(inputs, options.clone());
    let mut dedup = plan.dedup.map(Deduper::new);
    let mut summary = Summary::default();
    let started = Instant::now();
    let batch_size = plan.threads * BATCH_PER_THREAD;
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
                    .unwrap_or_else(|panic| Err(format!("{origin}: {}", internal_error(panic))))
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
        let results: Vec<(Origin, Result<T, String>)> = pool.install(|| {
            ready
                .into_par_iter()
                .map(|a| {
                    let origin = a.origin.clone();
                    // A bug in one stage must not take the other documents down with it.
                    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(a)))
                        .unwrap_or_else(|panic| Err(internal_error(panic)));
                    (origin, result)
                })
                .collect()
        });
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
