//! A thin command line over dyad-syntax, until `dyad train` / `dyad parse` expose the same calls.
//!
//! ```text
//! syntax train tagger|parser|ner --train F --dev F --out F [--epochs N] [--seed S] [--prune P]
//!              [--max-weights N] [--tagger F] [--jackknife K] [--jackknife-epochs N] [--explore P]
//!              [--words F]       # word table written by `syntax wordtable` (any model)
//!              [--jackknife K --tag-train F]  # NER: training tags from K jackknife taggers
//!                                # trained on the POS treebank F
//!              [--document]      # NER: labels and case of earlier occurrences of a word in the
//!                                # document so far (`# newdoc` comments)
//!              [--forget P]      # NER, --document: read this share of the training sentences
//!                                # as if each opened its document
//!              [--beam N]        # NER: partial sequences kept at each word (default 2)
//! syntax mean --out F [--max-weights N] PARSER.bin...
//!                                # one parser scoring with the mean of the parsers' scores
//! syntax wordtable --out F [--lexicon DIR] [--seed S] NEWS.jsonl...
//!                                # word clusters and capitalisation from raw news, names from the lexicon
//! syntax parse --conllu [--tagger F] [--parser F] [--ner F] [--word-by-word] < in.conllu > out.conllu
//!                                # --word-by-word: names and titles not parsed as one word
//! syntax bench FILE.conllu [--repeat N] [--tagger F] [--parser F] [--ner F] [--word-by-word]
//!                                # load time (embedded) and words/s of tagger + parser + NER
//! ```
//! Model files not given on the command line are the embedded ones.

use dyad_syntax::{Models, Tagger, TrainOptions};
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("syntax: {e}");
            ExitCode::from(2)
        }
    }
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn parse_flag<T: std::str::FromStr>(args: &[String], name: &str, default: T) -> Result<T, String> {
    match flag(args, name) {
        Some(v) => v.parse().map_err(|_| format!("{name}: cannot read '{v}'")),
        None => Ok(default),
    }
}

fn read_model(path: Option<&str>, embedded: impl Fn() -> Vec<u8>) -> Result<Vec<u8>, String> {
    match path {
        Some(p) => std::fs::read(p).map_err(|e| format!("{p}: {e}")),
        None => Ok(embedded()),
    }
}

fn load_models(args: &[String]) -> Result<Models, String> {
    let embedded = Models::embedded().map_err(|e| e.to_string())?;
    let tagger =
        read_model(flag(args, "--tagger"), || embedded.tagger.as_ref().map(Tagger::to_bytes).unwrap_or_default())?;
    let parser = read_model(flag(args, "--parser"), || {
        embedded.parser.as_ref().map(dyad_syntax::Parser::to_bytes).unwrap_or_default()
    })?;
    let ner = read_model(flag(args, "--ner"), || {
        embedded.ner.as_ref().map(dyad_syntax::NerTagger::to_bytes).unwrap_or_default()
    })?;
    let models = Models::from_bytes(&tagger, &parser, &ner).map_err(|e| e.to_string())?;
    Ok(models.with_whole_names(!args.iter().any(|a| a == "--word-by-word")))
}

fn run(args: &[String]) -> Result<(), String> {
    match args.first().map(String::as_str) {
        Some("train") => {
            let what = args.get(1).map(String::as_str).unwrap_or("");
            let train = PathBuf::from(flag(args, "--train").ok_or("--train is required")?);
            let dev = PathBuf::from(flag(args, "--dev").ok_or("--dev is required")?);
            let out = PathBuf::from(flag(args, "--out").ok_or("--out is required")?);
            let d = TrainOptions::default();
            let tagger = match flag(args, "--tagger") {
                Some(p) => Some(
                    Tagger::from_bytes(&std::fs::read(p).map_err(|e| format!("{p}: {e}"))?)
                        .map_err(|e| format!("{p}: {e}"))?,
                ),
                None if what != "tagger" => Models::embedded().map_err(|e| e.to_string())?.tagger,
                None => None,
            };
            let options = TrainOptions {
                epochs: parse_flag(args, "--epochs", d.epochs)?,
                seed: parse_flag(args, "--seed", d.seed)?,
                prune: parse_flag(args, "--prune", d.prune)?,
                max_weights: parse_flag(args, "--max-weights", d.max_weights)?,
                explore: parse_flag(args, "--explore", d.explore)?,
                jackknife: parse_flag(args, "--jackknife", d.jackknife)?,
                jackknife_epochs: parse_flag(args, "--jackknife-epochs", d.jackknife_epochs)?,
                tagger,
                word_table: match flag(args, "--words") {
                    Some(p) => Some(dyad_syntax::WordTable::read_tsv(p.as_ref()).map_err(|e| e.to_string())?),
                    None => None,
                },
                ner_tag_train: flag(args, "--tag-train").map(PathBuf::from),
                ner_document: args.iter().any(|a| a == "--document"),
                ner_forget: parse_flag(args, "--forget", d.ner_forget)?,
                ner_beam: parse_flag(args, "--beam", d.ner_beam)?,
            };
            let started = Instant::now();
            let trained = match what {
                "tagger" => dyad_syntax::train_tagger(&train, &dev, &options),
                "parser" => dyad_syntax::train_parser(&train, &dev, &options),
                "ner" => dyad_syntax::train_ner(&train, &dev, &options),
                _ => return Err("train what? tagger, parser or ner".into()),
            }
            .map_err(|e| e.to_string())?;
            std::fs::write(&out, &trained.bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            eprintln!(
                "wrote {} ({} bytes; epoch {}, dev {:.2}) in {:.0} s",
                out.display(),
                trained.bytes.len(),
                trained.best_epoch,
                trained.dev_score,
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Some("mean") => {
            // syntax mean --out OUT [--max-weights N] A.bin B.bin ...: the mean of parsers.
            let out = PathBuf::from(flag(args, "--out").ok_or("--out is required")?);
            let max_weights: usize = parse_flag(args, "--max-weights", 1_000_000)?;
            let mut parsers = Vec::new();
            let mut rest = args[1..].iter();
            while let Some(a) = rest.next() {
                if a.starts_with("--") {
                    rest.next();
                } else {
                    let bytes = std::fs::read(a).map_err(|e| format!("{a}: {e}"))?;
                    parsers.push(dyad_syntax::Parser::from_bytes(&bytes).map_err(|e| format!("{a}: {e}"))?);
                }
            }
            let mean = dyad_syntax::Parser::mean(&parsers, max_weights).map_err(|e| e.to_string())?;
            let bytes = mean.to_bytes();
            std::fs::write(&out, &bytes).map_err(|e| format!("{}: {e}", out.display()))?;
            eprintln!("wrote {} ({} bytes, the mean of {} parsers)", out.display(), bytes.len(), parsers.len());
            Ok(())
        }
        Some("wordtable") => {
            let out = PathBuf::from(flag(args, "--out").ok_or("--out is required")?);
            let lexicon = flag(args, "--lexicon").map(PathBuf::from);
            let seed: u64 = parse_flag(args, "--seed", 1)?;
            let mut news: Vec<PathBuf> = Vec::new();
            let mut rest = args[1..].iter();
            while let Some(a) = rest.next() {
                if a.starts_with("--") {
                    rest.next();
                } else {
                    news.push(PathBuf::from(a));
                }
            }
            if news.is_empty() {
                return Err("wordtable: no news files".into());
            }
            let started = Instant::now();
            let news: Vec<&std::path::Path> = news.iter().map(PathBuf::as_path).collect();
            let mut buf = Vec::new();
            let (words, names) =
                dyad_syntax::write_word_table(&news, lexicon.as_deref(), seed, &mut buf).map_err(|e| e.to_string())?;
            std::fs::write(&out, &buf).map_err(|e| format!("{}: {e}", out.display()))?;
            eprintln!(
                "wrote {} ({words} words, {names} names) in {:.0} s",
                out.display(),
                started.elapsed().as_secs_f64()
            );
            Ok(())
        }
        Some("parse") => {
            let models = load_models(args)?;
            let stdin = std::io::stdin();
            let stdout = std::io::stdout();
            let n = models
                .parse_conllu(BufReader::new(stdin.lock()), BufWriter::new(stdout.lock()))
                .map_err(|e| e.to_string())?;
            eprintln!("parsed {n} sentences");
            Ok(())
        }
        Some("bench") => {
            let path = args.get(1).ok_or("bench FILE.conllu")?;
            let repeat: usize = parse_flag(args, "--repeat", 3)?;
            let t = Instant::now();
            let embedded = Models::embedded().map_err(|e| e.to_string())?;
            let load = t.elapsed();
            let models = if args.iter().any(|a| matches!(a.as_str(), "--tagger" | "--parser" | "--ner")) {
                load_models(args)?
            } else {
                embedded.with_whole_names(!args.iter().any(|a| a == "--word-by-word"))
            };
            let sizes = dyad_syntax::embedded_sizes();
            println!(
                "load: {:.1} ms (tagger {} B, parser {} B, ner {} B)",
                load.as_secs_f64() * 1e3,
                sizes[0],
                sizes[1],
                sizes[2]
            );
            let sents = dyad_syntax::conllu::read_file(path.as_ref()).map_err(|e| e.to_string())?;
            let forms: Vec<Vec<String>> =
                sents.iter().map(|s| s.words.iter().map(|w| w.form.clone()).collect()).collect();
            let n_words: usize = forms.iter().map(Vec::len).sum();
            let mut best = f64::MAX;
            let mut best_cpu = f64::MAX;
            let mut check = 0usize;
            for _ in 0..repeat {
                let t = Instant::now();
                let cpu = cpu_seconds();
                for f in &forms {
                    let words: Vec<&str> = f.iter().map(String::as_str).collect();
                    let a = models.analyse(&words);
                    check += a.tags.len() + a.arcs.len() + a.entities.len();
                }
                best = best.min(t.elapsed().as_secs_f64());
                if let (Some(a), Some(b)) = (cpu, cpu_seconds()) {
                    best_cpu = best_cpu.min(b - a);
                }
            }
            // Each model alone (CPU time, best of the same number of passes), the parser and
            // the NER tagger given the tagger's tags: where the time goes.
            let sentences: Vec<Vec<&str>> = forms.iter().map(|f| f.iter().map(String::as_str).collect()).collect();
            if let Some(tagger) = &models.tagger {
                let tags: Vec<_> = sentences.iter().map(|w| tagger.predict(w)).collect();
                // Five passes per timing: one pass of a fast model is too short for the
                // kernel's CPU clock.
                const PASSES: usize = 5;
                let mut stage = |name: &str, run: &dyn Fn(usize) -> usize| {
                    let mut best = f64::MAX;
                    for _ in 0..repeat {
                        let Some(a) = cpu_seconds() else { return };
                        check += (0..PASSES).flat_map(|_| 0..sentences.len()).map(run).sum::<usize>();
                        let Some(b) = cpu_seconds() else { return };
                        best = best.min(b - a);
                    }
                    println!("  {name}: {:.0} words/s of CPU time", (PASSES * n_words) as f64 / best);
                };
                stage("tagger", &|i| tagger.predict(&sentences[i]).len());
                if let Some(parser) = &models.parser {
                    stage("parser", &|i| parser.predict(&sentences[i], &tags[i]).len());
                }
                if let Some(ner) = &models.ner {
                    stage("ner", &|i| ner.predict(&sentences[i], &tags[i], None).len());
                }
            }
            let cpu = if best_cpu < f64::MAX { format!("{:.0}", n_words as f64 / best_cpu) } else { "n/a".into() };
            println!(
                "{} sentences, {n_words} words: {:.0} words/s wall clock, {cpu} words/s of CPU time, one thread \
                 (best of {repeat}; check {check})",
                sents.len(),
                n_words as f64 / best
            );
            Ok(())
        }
        _ => Err("usage: syntax train tagger|parser|ner ... | syntax parse --conllu | syntax bench FILE".into()),
    }
}

/// CPU time of this thread in seconds (Linux `/proc/thread-self/schedstat`), so that a busy
/// machine does not count against the figure.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: f64 = stat.split_whitespace().next()?.parse().ok()?;
    Some(ns / 1e9)
}
