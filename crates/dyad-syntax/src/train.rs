//! Training entry points: read the treebank files, train for a number of epochs over a shuffled
//! order fixed by the seed, print the dev score of every epoch to stderr, and keep the best
//! epoch's frozen (quantised, pruned) model, which is exactly what gets written and shipped.
//!
//! Same data, same options: same bytes. Nothing here depends on a clock, a thread count or the
//! iteration order of a hash map.

use crate::conllu::{self, ConlluSentence};
use crate::ner::{self, NerExample, NerTagger};
use crate::parser::{self, ParseContext, ParseExample, Parser};
use crate::tagger::{self, PosTag, TagContext, TagExample, Tagger};
use crate::wordtable::WordTable;
use crate::{Error, Result};
use std::path::Path;

/// A small deterministic random number generator (xorshift64*).
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(crate::hash::mix(seed ^ 0x5DEE_CE66_D1CE_4E5B) | 1)
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub(crate) fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub(crate) fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Options of a training run.
#[derive(Clone, Debug)]
pub struct TrainOptions {
    /// Passes over the training data; the best epoch on dev is kept.
    pub epochs: usize,
    /// Seed of the shuffling (and of the parser's exploration).
    pub seed: u64,
    /// Averaged weights with a smaller magnitude are dropped from the shipped model.
    pub prune: f32,
    /// At most this many weights are kept (the largest); 0 for no limit.
    pub max_weights: usize,
    /// Parser only: probability of following its own wrong move during training (from epoch 2).
    pub explore: f64,
    /// Tagger whose predicted tags the parser is evaluated on and the NER tagger uses.
    pub tagger: Option<Tagger>,
    /// Parser: train on tags predicted by taggers trained on the other `jackknife` − 1 parts of
    /// the training data (0 or 1: train on gold tags). NER, with [`TrainOptions::ner_tag_train`]:
    /// the same for the NER training sentences found in that treebank.
    pub jackknife: usize,
    /// Epochs of each jackknife tagger.
    pub jackknife_epochs: usize,
    /// Word clusters, capitalisation statistics and known names to use as features, stored
    /// in the model (the tagger reads the clusters and capitalisation, the parser the
    /// clusters, the NER tagger all three).
    pub word_table: Option<WordTable>,
    /// NER only, with `jackknife` > 1: the POS treebank (CoNLL-U) that the tagger was trained
    /// on. NER training sentences that are also in it are tagged by jackknife taggers that did
    /// not see them, so that training tags are as noisy as the tags seen at prediction time.
    pub ner_tag_train: Option<std::path::PathBuf>,
    /// NER only: read the document so far (documents start at `# newdoc` comments): the
    /// labels given to earlier occurrences of a word and how they were capitalised. In
    /// training, those labels come from 5 models trained on the other documents.
    pub ner_document: bool,
    /// NER only, with document features: the share of training sentences read as if they
    /// opened their document (with an empty memory), chosen afresh each epoch with the seed.
    pub ner_forget: f64,
    /// NER only: how many partial sequences the tagger keeps at each word, in training (with
    /// early update) and in the model it writes. 2 doubles the work of greedy tagging (1) for
    /// 4 points of F1 on UNER EWT dev; wider beams gained nothing more (BENCHMARKS.md).
    pub ner_beam: usize,
}

impl Default for TrainOptions {
    fn default() -> TrainOptions {
        TrainOptions {
            epochs: 10,
            seed: 1,
            prune: 0.05,
            max_weights: 0,
            explore: 0.9,
            tagger: None,
            jackknife: 0,
            jackknife_epochs: 5,
            word_table: None,
            ner_tag_train: None,
            ner_document: false,
            ner_forget: 0.0,
            ner_beam: 2,
        }
    }
}

/// A trained model and how it scored.
#[derive(Clone, Debug)]
pub struct Trained {
    /// The model file's bytes.
    pub bytes: Vec<u8>,
    /// The epoch that was kept.
    pub best_epoch: usize,
    /// Its dev score (UPOS accuracy, LAS or entity F1, in percent).
    pub dev_score: f64,
}

fn read(path: &Path) -> Result<Vec<ConlluSentence>> {
    let sents = conllu::read_file(path)?;
    if sents.is_empty() {
        return Err(Error::training("no sentences").with_path(path));
    }
    Ok(sents)
}

fn tag_examples(sents: &[ConlluSentence]) -> Vec<TagExample> {
    sents
        .iter()
        .map(|s| TagExample {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            tags: s.words.iter().map(|w| (w.upos.clone(), w.xpos.clone())).collect(),
        })
        .collect()
}

/// UPOS and XPOS accuracy (percent) of `tagger` on gold sentences.
pub(crate) fn tag_accuracy(tagger: &Tagger, gold: &[ConlluSentence]) -> (f64, f64) {
    let mut ctx = TagContext::new();
    let (mut n, mut upos, mut xpos) = (0usize, 0usize, 0usize);
    for s in gold {
        let forms = s.forms();
        for (c, w) in tagger.predict_ids(&forms, &mut ctx).into_iter().zip(&s.words) {
            let t = tagger.class(c);
            n += 1;
            upos += usize::from(t.upos == w.upos);
            xpos += usize::from(t.xpos == w.xpos);
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    (pct(upos), pct(xpos))
}

/// Trains the part-of-speech tagger on CoNLL-U files.
pub fn train_tagger(train_path: &Path, dev_path: &Path, options: &TrainOptions) -> Result<Trained> {
    let train = tag_examples(&read(train_path)?);
    let dev = read(dev_path)?;
    eprintln!("tagger: {} training sentences, {} dev sentences", train.len(), dev.len());
    let (model, best_epoch, dev_score) = tagger::train(
        &train,
        options.word_table.as_ref(),
        options.epochs,
        options.seed,
        (options.prune, options.max_weights),
        |e, m| {
            let (upos, xpos) = tag_accuracy(m, &dev);
            let (f, w) = m.size();
            eprintln!("epoch {e}: dev UPOS {upos:.2}% XPOS {xpos:.2}% ({f} features, {w} weights)");
            upos
        },
    )?;
    eprintln!("kept epoch {best_epoch}: dev UPOS {dev_score:.2}%");
    Ok(Trained { bytes: model.to_bytes(), best_epoch, dev_score })
}

fn gold_tags(s: &ConlluSentence) -> Vec<PosTag> {
    s.words
        .iter()
        .map(|w| PosTag { upos: crate::features::intern(&w.upos), xpos: crate::features::intern(&w.xpos) })
        .collect()
}

/// Unlabelled and labelled attachment scores (percent, universal relation for LAS) of `parser`
/// on gold sentences, with tags from `tagger` or gold tags.
pub(crate) fn attachment(parser: &Parser, tagger: Option<&Tagger>, gold: &[ConlluSentence]) -> (f64, f64) {
    let mut ctx = ParseContext::new();
    let (mut n, mut uas, mut las) = (0usize, 0usize, 0usize);
    for s in gold {
        let forms = s.forms();
        let tags = match tagger {
            Some(t) => t.predict(&forms),
            None => gold_tags(s),
        };
        for (a, w) in parser.predict_with(&forms, &tags, None, &mut ctx).into_iter().zip(&s.words) {
            n += 1;
            if Some(a.head) == w.head {
                uas += 1;
                let universal = |d: &str| d.split(':').next().unwrap_or("").to_string();
                las += usize::from(universal(a.deprel) == universal(&w.deprel));
            }
        }
    }
    let pct = |k: usize| 100.0 * k as f64 / n.max(1) as f64;
    (pct(uas), pct(las))
}

/// Trains the dependency parser on CoNLL-U files.
pub fn train_parser(train_path: &Path, dev_path: &Path, options: &TrainOptions) -> Result<Trained> {
    let train_sents = read(train_path)?;
    let dev = read(dev_path)?;
    eprintln!("parser: {} training sentences, {} dev sentences", train_sents.len(), dev.len());
    let tags: Vec<Vec<PosTag>> = if options.jackknife > 1 {
        jackknife_tags(&train_sents, options)?
    } else {
        train_sents.iter().map(gold_tags).collect()
    };
    let train: Vec<ParseExample> = train_sents
        .iter()
        .zip(tags)
        .map(|(s, tags)| ParseExample {
            words: s.words.iter().map(|w| w.form.clone()).collect(),
            tags,
            heads: std::iter::once(0).chain(s.words.iter().map(|w| w.head.unwrap_or(usize::MAX))).collect(),
            deprels: s.words.iter().map(|w| w.deprel.clone()).collect(),
        })
        .collect();
    let tagger = options.tagger.as_ref();
    let (model, best_epoch, dev_score) = parser::train(
        &train,
        options.word_table.as_ref(),
        options.epochs,
        options.seed,
        (options.prune, options.max_weights),
        options.explore,
        |e, m| {
            let (uas, las) = attachment(m, tagger, &dev);
            let (f, w) = m.size();
            let which = if tagger.is_some() { "predicted" } else { "gold" };
            eprintln!("epoch {e}: dev UAS {uas:.2}% LAS {las:.2}% ({which} tags; {f} features, {w} weights)");
            las
        },
    )?;
    eprintln!("kept epoch {best_epoch}: dev LAS {dev_score:.2}%");
    Ok(Trained { bytes: model.to_bytes(), best_epoch, dev_score })
}

/// Tags of every training sentence, each predicted by a tagger that did not see it.
fn jackknife_tags(sents: &[ConlluSentence], options: &TrainOptions) -> Result<Vec<Vec<PosTag>>> {
    let k = options.jackknife;
    let mut out: Vec<Vec<PosTag>> = vec![Vec::new(); sents.len()];
    for fold in 0..k {
        let train: Vec<TagExample> = tag_examples(
            &sents.iter().enumerate().filter(|(i, _)| i % k != fold).map(|(_, s)| s.clone()).collect::<Vec<_>>(),
        );
        // Trained like the tagger whose tags they stand in for, with its word table if it has one.
        let (tagger, _, _) = tagger::train(
            &train,
            options.tagger.as_ref().and_then(Tagger::word_table),
            options.jackknife_epochs,
            options.seed,
            (options.prune, options.max_weights),
            |_, _| 0.0,
        )?;
        let mut ctx = TagContext::new();
        for (i, s) in sents.iter().enumerate().filter(|(i, _)| i % k == fold) {
            let forms = s.forms();
            out[i] = tagger.predict_ids(&forms, &mut ctx).into_iter().map(|c| tagger.class(c)).collect();
        }
        eprintln!("jackknife: fold {} of {k} tagged", fold + 1);
    }
    Ok(out)
}

/// Whether a sentence opens a document (`# newdoc` comment).
pub(crate) fn opens_document(s: &ConlluSentence) -> bool {
    s.lines.iter().any(|l| matches!(l, conllu::Line::Comment(c) if c.starts_with("# newdoc")))
}

fn ner_examples(sents: &[ConlluSentence], tagger: Option<&Tagger>) -> Vec<NerExample> {
    let mut doc = 0;
    sents
        .iter()
        .enumerate()
        .map(|(i, s)| {
            if i > 0 && opens_document(s) {
                doc += 1;
            }
            let forms = s.forms();
            let tags = tagger.map(|t| t.predict(&forms)).unwrap_or_default();
            let gold: Vec<&str> = s.words.iter().map(|w| w.ner.as_deref().unwrap_or("O")).collect();
            NerExample {
                words: s.words.iter().map(|w| w.form.clone()).collect(),
                tags,
                spans: ner::tags_to_spans(&gold),
                doc,
                history: Vec::new(),
            }
        })
        .collect()
}

/// The classes `ner` predicts for examples, a document's sentences in order.
fn predict_examples<'a>(ner: &'a NerTagger, examples: &'a [NerExample]) -> impl Iterator<Item = Vec<usize>> + 'a {
    let mut ctx = ner::NerContext::new();
    examples.iter().enumerate().map(move |(k, ex)| {
        if k == 0 || examples[k - 1].doc != ex.doc {
            ctx.new_document();
        }
        let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
        ner.predict_classes(&words, &ex.tags, None, None, &mut ctx)
    })
}

/// Exact-span entity precision, recall and F1 (percent) of `ner` on examples.
pub(crate) fn entity_f1(ner: &NerTagger, gold: &[NerExample]) -> (f64, f64, f64) {
    let (mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize);
    for (ex, classes) in gold.iter().zip(predict_examples(ner, gold)) {
        let pred = ner.spans(&classes);
        n_pred += pred.len();
        n_gold += ex.spans.len();
        for p in &pred {
            tp += usize::from(ex.spans.iter().any(|g| g.0 == p.start && g.1 == p.end && g.2 == p.label));
        }
    }
    let p = 100.0 * tp as f64 / n_pred.max(1) as f64;
    let r = 100.0 * tp as f64 / n_gold.max(1) as f64;
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

/// Trains the NER tagger on IOB2 (or CoNLL-U with `NER=` in MISC) files.
pub fn train_ner(train_path: &Path, dev_path: &Path, options: &TrainOptions) -> Result<Trained> {
    let tagger = options.tagger.as_ref();
    let mut train = ner_examples(&read(train_path)?, tagger);
    if let Some(path) = &options.ner_tag_train {
        if options.jackknife < 2 {
            return Err(Error::training("jackknifed NER training tags need a jackknife of 2 or more folds"));
        }
        let treebank = read(path)?;
        let tags = jackknife_tags(&treebank, options)?;
        let index: std::collections::HashMap<Vec<&str>, usize> =
            treebank.iter().enumerate().map(|(i, s)| (s.forms(), i)).collect();
        let mut found = 0;
        for ex in &mut train {
            let forms: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            if let Some(&i) = index.get(&forms) {
                ex.tags = tags[i].clone();
                found += 1;
            }
        }
        eprintln!("ner: {found} of {} training sentences have jackknifed tags", train.len());
    }
    let document = if options.ner_document { ner::DOC_LABELS | ner::DOC_CASE } else { 0 };
    if options.ner_document {
        history_folds(&mut train, options)?;
    }
    let dev = ner_examples(&read(dev_path)?, tagger);
    eprintln!(
        "ner: {} training sentences, {} dev sentences, {} tags",
        train.len(),
        dev.len(),
        if tagger.is_some() { "predicted" } else { "no" }
    );
    let (model, best_epoch, dev_score) = ner::train(
        &train,
        options.word_table.as_ref(),
        ner::Reading { document, forget: options.ner_forget, beam: options.ner_beam },
        options.epochs,
        options.seed,
        (options.prune, options.max_weights),
        |e, m| {
            let (p, r, f) = entity_f1(m, &dev);
            let (nf, nw) = m.size();
            eprintln!("epoch {e}: dev P {p:.2}% R {r:.2}% F1 {f:.2}% ({nf} features, {nw} weights)");
            f
        },
    )?;
    eprintln!("kept epoch {best_epoch}: dev F1 {dev_score:.2}%");
    Ok(Trained { bytes: model.to_bytes(), best_epoch, dev_score })
}

/// How many models give the training sentences the labels that later sentences of their
/// document remember: each is trained on the documents of the other folds, so that the labels
/// are as noisy as the tagger's own labels of new text.
const HISTORY_FOLDS: usize = 5;
/// Epochs of each of those models.
const HISTORY_EPOCHS: usize = 8;

/// Fills [`NerExample::history`] of every training sentence with the classes given by a model
/// trained on the documents of the other folds (documents `d` with `d % folds` != the fold).
fn history_folds(train: &mut [NerExample], options: &TrainOptions) -> Result<()> {
    let k = HISTORY_FOLDS;
    let mut history: Vec<Vec<usize>> = vec![Vec::new(); train.len()];
    for fold in 0..k {
        let (inside, outside): (Vec<usize>, Vec<usize>) = (0..train.len()).partition(|&i| train[i].doc % k == fold);
        let rest: Vec<NerExample> = outside.iter().map(|&i| train[i].clone()).collect();
        let held: Vec<NerExample> = inside.iter().map(|&i| train[i].clone()).collect();
        // Without the labels of the document (they are what this model is to provide); the
        // last epoch is kept, there being no dev set to choose by.
        let (model, _, _) = ner::train(
            &rest,
            options.word_table.as_ref(),
            ner::Reading { document: ner::DOC_CASE, forget: options.ner_forget, beam: options.ner_beam },
            HISTORY_EPOCHS,
            options.seed,
            (options.prune, options.max_weights),
            |e, _| e as f64,
        )?;
        for (&i, classes) in inside.iter().zip(predict_examples(&model, &held)) {
            history[i] = classes;
        }
        eprintln!("ner: history fold {} of {k} predicted", fold + 1);
    }
    for (ex, h) in train.iter_mut().zip(history) {
        ex.history = h;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newdoc_comments_number_the_documents() {
        let text = "# newdoc id = a\n1\tVela\tB-ORG\n2\tsold\tO\n\n1\tVela\tB-ORG\n2\tgrew\tO\n\n\
                    # newdoc id = b\n1\tthey\tO\n2\tleft\tO\n";
        let sents: Vec<ConlluSentence> =
            conllu::Reader::new(text.as_bytes()).collect::<Result<_>>().expect("reads the sentences");
        assert_eq!(sents.iter().map(opens_document).collect::<Vec<_>>(), vec![true, false, true]);
        let train = ner_examples(&sents, None);
        assert_eq!(train.iter().map(|e| e.doc).collect::<Vec<_>>(), vec![0, 0, 1]);
        let docs: Vec<_> = ner::documents(&train);
        assert_eq!(docs, vec![0..2, 2..3]);
    }
}
