//! `dyad parse` and `dyad train`: the syntax models, for the people who maintain them.

use anyhow::Context;
use dyad_syntax::{Models, Tagger, TrainOptions, WordTable};
use std::io::{BufReader, BufWriter};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Tag and parse CoNLL-U with gold tokens and sentences (stdin to stdout).
///
/// Writes the same sentences with predicted UPOS, XPOS, HEAD and DEPREL, and NER tags in
/// MISC (NER=B-PER), for scoring with a CoNLL-U scorer:
///
///   dyad parse --conllu < en_ewt-ud-test.conllu > predicted.conllu
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct ParseArgs {
    /// Read and write CoNLL-U (the only format so far; the flag is required so that others can come).
    #[arg(long, required = true)]
    conllu: bool,
}

pub fn parse(_args: ParseArgs) -> anyhow::Result<ExitCode> {
    let models = Models::embedded().context("loading the embedded syntax models")?;
    let n = models
        .parse_conllu(BufReader::new(std::io::stdin().lock()), BufWriter::new(std::io::stdout().lock()))
        .context("parsing CoNLL-U from standard input")?;
    eprintln!("dyad: parsed {n} sentences");
    Ok(ExitCode::SUCCESS)
}

/// Train a syntax model on CoNLL-U (tagger, parser) or IOB2/CoNLL-U (NER) files.
///
/// Training is reproducible: the same data, options and seed give the same bytes. Every
/// epoch's dev score is printed; the best epoch's weights are kept, pruned and quantised,
/// and written to --out. To ship a model, copy it over crates/dyad-syntax/models/ and
/// rebuild (commit new weights only when a reported figure improves);
/// crates/dyad-syntax/train.sh retrains all three shipped models in one go.
///
///   dyad train tagger --train en_ewt-ud-train.conllu --dev en_ewt-ud-dev.conllu --out tagger.bin \
///       --words ner-words.tsv
///
///   dyad train parser --train ... --dev ... --out parser.bin --jackknife 4
///
///   dyad train ner --train ... --dev ... --out ner.bin --words ner-words.tsv \
///       --jackknife 5 --tag-train en_ewt-ud-train.conllu --document --forget 0.5
#[derive(clap::Args)]
#[command(verbatim_doc_comment)]
pub struct TrainArgs {
    /// Which model.
    #[arg(value_enum)]
    model: Model,
    /// Training file.
    #[arg(long, value_name = "FILE")]
    train: PathBuf,
    /// Development file, scored after every epoch.
    #[arg(long, value_name = "FILE")]
    dev: PathBuf,
    /// Where to write the model.
    #[arg(long, value_name = "FILE")]
    out: PathBuf,
    /// Passes over the training data.
    #[arg(long, default_value_t = TrainOptions::default().epochs)]
    epochs: usize,
    /// Seed for shuffling and exploration.
    #[arg(long, default_value_t = TrainOptions::default().seed)]
    seed: u64,
    /// Drop averaged weights smaller than this in magnitude.
    #[arg(long, default_value_t = TrainOptions::default().prune)]
    prune: f32,
    /// Keep at most this many weights (0: no limit).
    #[arg(long, default_value_t = TrainOptions::default().max_weights)]
    max_weights: usize,
    /// Parser: probability of following its own wrong move while training (dynamic oracle).
    #[arg(long, default_value_t = TrainOptions::default().explore)]
    explore: f64,
    /// Parser: train on tags predicted by taggers trained on the other K-1 folds (0: gold tags).
    #[arg(long, value_name = "K", default_value_t = TrainOptions::default().jackknife)]
    jackknife: usize,
    /// Epochs of each jackknife tagger.
    #[arg(long, default_value_t = TrainOptions::default().jackknife_epochs)]
    jackknife_epochs: usize,
    /// Tagger model whose tags the parser and NER use [default: the embedded one].
    #[arg(long, value_name = "FILE")]
    tagger: Option<PathBuf>,
    /// Word table (clusters, capitalisation, known names) written by the `syntax` example's
    /// `wordtable` command; it is stored inside the model (the shipped tagger and NER have one).
    #[arg(long, value_name = "FILE")]
    words: Option<PathBuf>,
    /// NER, with --jackknife K: the POS treebank the tagger was trained on; NER training
    /// sentences found in it get tags from K jackknife taggers that did not see them.
    #[arg(long, value_name = "FILE")]
    tag_train: Option<PathBuf>,
    /// NER: read the document so far (documents start at `# newdoc` comments): the labels
    /// given to earlier occurrences of a word and how they were capitalised.
    #[arg(long)]
    document: bool,
    /// NER, with --document: read this share of the training sentences as if each opened its
    /// document (an empty memory), so that the model also does without.
    #[arg(long, value_name = "P", default_value_t = TrainOptions::default().ner_forget)]
    forget: f64,
    /// NER: how many partial sequences the tagger keeps at each word, in training and in the
    /// model it writes (1: greedy).
    #[arg(long, value_name = "N", default_value_t = TrainOptions::default().ner_beam)]
    beam: usize,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Model {
    Tagger,
    Parser,
    Ner,
}

pub fn train(args: TrainArgs) -> anyhow::Result<ExitCode> {
    let tagger = match &args.tagger {
        Some(p) => Some(Tagger::from_bytes(&std::fs::read(p).with_context(|| p.display().to_string())?)?),
        None if args.model != Model::Tagger => Models::embedded()?.tagger,
        None => None,
    };
    let options = TrainOptions {
        epochs: args.epochs,
        seed: args.seed,
        prune: args.prune,
        max_weights: args.max_weights,
        explore: args.explore,
        tagger,
        jackknife: args.jackknife,
        jackknife_epochs: args.jackknife_epochs,
        word_table: match &args.words {
            Some(p) => Some(WordTable::read_tsv(p).with_context(|| p.display().to_string())?),
            None => None,
        },
        ner_tag_train: args.tag_train.clone(),
        ner_document: args.document,
        ner_forget: args.forget,
        ner_beam: args.beam,
    };
    let started = Instant::now();
    let trained = match args.model {
        Model::Tagger => dyad_syntax::train_tagger(&args.train, &args.dev, &options),
        Model::Parser => dyad_syntax::train_parser(&args.train, &args.dev, &options),
        Model::Ner => dyad_syntax::train_ner(&args.train, &args.dev, &options),
    }?;
    std::fs::write(&args.out, &trained.bytes).with_context(|| args.out.display().to_string())?;
    eprintln!(
        "dyad: wrote {} ({} bytes; best epoch {}, dev {:.2}) in {:.0} s",
        args.out.display(),
        trained.bytes.len(),
        trained.best_epoch,
        trained.dev_score,
        started.elapsed().as_secs_f64()
    );
    Ok(ExitCode::SUCCESS)
}
