//! Runs [`dyad_time::annotate`] over TempEval-style JSONL (`id`, `doc_date`, `text`) or
//! over one plain-text article, and writes `dyad/1` JSONL for `score.py timex` / `seed`,
//! until `dyad extract` can do it.
//!
//! ```text
//! timex_eval [--split all|tune|dev] [--gold] FILE.jsonl...   # TempEval records
//! timex_eval --article FILE.txt --date 2022-02-13            # one article, id "seed-article"
//! ```
//!
//! As in the pipeline, `dyad-text` runs first (the texts are not normalised, so offsets stay
//! those of the gold); `--no-text` runs the time layer alone, on its own scan of the text;
//! `--full-scan` runs `dyad-text` first but makes the time layer scan the whole text
//! instead of the windows around its anchor words (the output must not change).
//!
//! `--split` keeps a deterministic part of the records: `dev` holds the documents whose
//! FNV-1a hash of the id is 0 mod 5 (about a fifth, never tuned on), `tune` the rest.
//! `--gold` writes the selected input records unchanged instead, so the scorer can be
//! given the same split of the gold.

use dyad_core::{Document, Published, dyad1};
use std::io::{BufWriter, Write};
use std::process::ExitCode;

fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325, |h, b| (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3))
}

/// True when the document `id` belongs to the held-out dev split.
fn is_dev(id: &str) -> bool {
    fnv(id).is_multiple_of(5)
}

/// How to run the time layer.
#[derive(Clone, Copy, PartialEq)]
enum Mode {
    /// As in the pipeline: the text layer first (sentences, tokens), then the time layer.
    Pipeline,
    /// The text layer first, then the time layer scanning the whole text.
    FullScan,
    /// The time layer alone, on its own scan of the text.
    Alone,
}

fn annotate(doc: &mut Document, mode: Mode) {
    if mode != Mode::Alone {
        dyad_text::annotate(doc);
    }
    if mode == Mode::FullScan {
        dyad_time::annotate_scanning_everything(doc);
    } else {
        dyad_time::annotate(doc);
    }
}

fn main() -> ExitCode {
    let mut split = "all".to_string();
    let mut gold = false;
    let mut article = None;
    let mut date = None;
    let mut files = Vec::new();
    let mut mode = Mode::Pipeline;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--split" => split = args.next().unwrap_or_default(),
            "--gold" => gold = true,
            "--article" => article = args.next(),
            "--date" => date = args.next(),
            "--no-text" => mode = Mode::Alone,
            "--full-scan" => mode = Mode::FullScan,
            _ => files.push(a),
        }
    }
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let options = dyad1::Options { text: true, annotations: false };
    let mut failed = false;

    if let Some(path) = article {
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                return ExitCode::FAILURE;
            }
        };
        let Ok(mut doc) = Document::new("seed-article", text) else {
            eprintln!("{path}: too long");
            return ExitCode::FAILURE;
        };
        doc.meta.published = date.as_deref().and_then(|d| Published::parse(d).ok());
        annotate(&mut doc, mode);
        let _ = writeln!(out, "{}", dyad1::to_json(&doc, options));
        return ExitCode::SUCCESS;
    }

    for path in &files {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{path}: {e}");
                failed = true;
                continue;
            }
        };
        for (n, line) in text.lines().enumerate() {
            let v: serde_json::Value = match serde_json::from_str(line) {
                Ok(v) => v,
                Err(e) => {
                    eprintln!("{path}:{}: {e}", n + 1);
                    failed = true;
                    continue;
                }
            };
            let id = v["id"].as_str().unwrap_or_default();
            let keep = match split.as_str() {
                "dev" => is_dev(id),
                "tune" => !is_dev(id),
                _ => true,
            };
            if !keep {
                continue;
            }
            if gold {
                let _ = writeln!(out, "{line}");
                continue;
            }
            let Ok(mut doc) = Document::new(id, v["text"].as_str().unwrap_or_default()) else {
                eprintln!("{path}:{}: text too long", n + 1);
                failed = true;
                continue;
            };
            let published = ["doc_date", "published", "date"].iter().find_map(|k| v[*k].as_str());
            doc.meta.published = published.and_then(|d| Published::parse(d).ok());
            annotate(&mut doc, mode);
            let _ = writeln!(out, "{}", dyad1::to_json(&doc, options));
        }
    }
    let _ = out.flush();
    if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS }
}
