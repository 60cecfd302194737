//! The named-entity tagger: greedy left-to-right BILOU tagging with an averaged perceptron.
//!
//! Each word gets `O` or one of `B-`, `I-`, `L-`, `U-` (begin, inside, last, unit) with an
//! entity type; only sequences that form whole spans are allowed. Features: the word, its
//! shape and affixes, the words and tags around it, the two previous decisions, and the hits
//! of an optional [`Gazetteer`], the hook through which `dyad-lexicon` will feed its name lists
//! in (a hit is a word range with an [`EntityLabel`], turned into BILOU-position features).

use crate::codec::{Reader, Writer};
use crate::features::{WordParts, intern, padding, word_parts};
use crate::hash::{hash_str, key};
use crate::perceptron::{Averaged, Weights, argmax_where};
use crate::tagger::PosTag;
use crate::{Error, Result};
use dyad_core::EntityLabel;

const KIND: u8 = 3;
const PAD: usize = 2;

/// A name found by a gazetteer: words `start..end` of the sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct GazetteerHit {
    /// First word.
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// What the list says the name is.
    pub label: EntityLabel,
}

/// A source of known names (countries, capitals, office holders, organisations).
///
/// The NER tagger asks it for the names in each sentence and uses the hits as features; a
/// model trained without a gazetteer ignores them. `dyad-lexicon` implements this.
pub trait Gazetteer: Send + Sync {
    /// Appends to `out` every name found in the sentence `words`.
    fn find(&self, words: &[&str], out: &mut Vec<GazetteerHit>);
}

/// An entity span predicted by the NER tagger.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NerSpan {
    /// First word (0-based).
    pub start: usize,
    /// One past the last word.
    pub end: usize,
    /// Entity type as trained (`PER`, `ORG`, `LOC`, ...).
    pub label: &'static str,
}

/// The named-entity tagger.
#[derive(Clone, Debug)]
pub struct NerTagger {
    labels: Vec<&'static str>,
    weights: Weights,
}

// Class c: 0 = O; 1 + 4k + p with p in B=0, I=1, L=2, U=3 for label k.
const B: usize = 0;
const I: usize = 1;
const L: usize = 2;
const U: usize = 3;

fn class(label: usize, pos: usize) -> usize {
    1 + 4 * label + pos
}

fn pos_of(c: usize) -> Option<(usize, usize)> {
    (c > 0).then(|| ((c - 1) / 4, (c - 1) % 4))
}

/// Whether class `c` may follow class `prev` at word `i` of `n`.
fn allowed(prev: usize, c: usize, i: usize, n: usize) -> bool {
    let last = i + 1 == n;
    let open = matches!(pos_of(prev), Some((_, B | I)));
    match (pos_of(prev), pos_of(c)) {
        (_, None) => !open,
        (Some((pl, B | I)), Some((l, p))) => l == pl && (p == I || p == L) && !(last && p == I),
        (_, Some((_, p))) => (p == B || p == U) && !(last && p == B),
    }
}

/// Sentence features, computed once.
pub(crate) struct NerContext {
    parts: Vec<WordParts>,
    xpos: Vec<u64>,
    upos: Vec<u64>,
    gaz: Vec<Vec<u64>>,
    hits: Vec<GazetteerHit>,
    scratch: String,
}

impl NerContext {
    pub(crate) fn new() -> NerContext {
        NerContext {
            parts: Vec::new(),
            xpos: Vec::new(),
            upos: Vec::new(),
            gaz: Vec::new(),
            hits: Vec::new(),
            scratch: String::new(),
        }
    }

    fn fill(&mut self, words: &[&str], tags: &[PosTag], gazetteer: Option<&dyn Gazetteer>) {
        self.parts.clear();
        self.xpos.clear();
        self.upos.clear();
        self.parts.extend([padding(1), padding(2)]);
        self.xpos.extend([1, 2]);
        self.upos.extend([1, 2]);
        for (i, w) in words.iter().enumerate() {
            self.parts.push(word_parts(w, &mut self.scratch));
            let t = tags.get(i).copied().unwrap_or(PosTag { upos: "_", xpos: "_" });
            self.xpos.push(hash_str(t.xpos));
            self.upos.push(hash_str(t.upos));
        }
        self.parts.extend([padding(3), padding(4)]);
        self.xpos.extend([3, 4]);
        self.upos.extend([3, 4]);
        self.gaz.iter_mut().for_each(Vec::clear);
        self.gaz.resize(words.len(), Vec::new());
        self.hits.clear();
        if let Some(g) = gazetteer {
            g.find(words, &mut self.hits);
            for h in &self.hits {
                if h.start >= h.end || h.end > words.len() {
                    continue;
                }
                let label = h.label as u64;
                for i in h.start..h.end {
                    let pos = if h.end - h.start == 1 {
                        U
                    } else if i == h.start {
                        B
                    } else if i + 1 == h.end {
                        L
                    } else {
                        I
                    };
                    self.gaz[i].push(label * 8 + pos as u64);
                }
            }
        }
    }

    fn features(&self, i: usize, prev: u64, prev2: u64, out: &mut Vec<u32>) {
        out.clear();
        let j = i + PAD;
        let w = &self.parts[j];
        let (m1, m2, p1, p2) = (&self.parts[j - 1], &self.parts[j - 2], &self.parts[j + 1], &self.parts[j + 2]);
        let x = &self.xpos;
        out.extend([
            key(0, &[]),
            key(1, &[w.form]),
            key(2, &[w.norm]),
            key(3, &[w.shape]),
            key(4, &[w.suffix[2]]),
            key(5, &[w.suffix[3]]),
            key(6, &[w.prefix[2]]),
            key(7, &[w.flags, (i == 0) as u64]),
            key(8, &[m1.norm]),
            key(9, &[p1.norm]),
            key(10, &[m2.norm]),
            key(11, &[p2.norm]),
            key(12, &[m1.shape, w.shape, p1.shape]),
            key(13, &[m1.form]),
            key(14, &[p1.form]),
            key(15, &[prev]),
            key(16, &[prev, w.form]),
            key(17, &[prev2, prev]),
            key(18, &[prev, w.shape]),
            key(19, &[self.upos[j]]),
            key(20, &[x[j]]),
            key(21, &[x[j - 1]]),
            key(22, &[x[j + 1]]),
            key(23, &[x[j - 1], x[j], x[j + 1]]),
            key(24, &[x[j], w.norm]),
            key(25, &[m1.norm, w.norm]),
            key(26, &[w.norm, p1.norm]),
            key(28, &[w.suffix[1]]),
            key(29, &[prev, x[j]]),
            key(30, &[w.shape, p1.shape]),
            key(31, &[m1.shape, w.shape]),
            key(32, &[p1.form, p2.norm]),
            key(33, &[m2.norm, m1.norm]),
            key(34, &[w.flags, m1.flags, p1.flags]),
        ]);
        if let Some(hits) = self.gaz.get(i) {
            for &h in hits {
                out.push(key(27, &[h]));
                out.push(key(35, &[h, prev]));
            }
        }
    }
}

impl NerTagger {
    /// The entity spans in a tagged sentence. `gazetteer`, when given, adds name-list features.
    pub fn predict(&self, words: &[&str], tags: &[PosTag], gazetteer: Option<&dyn Gazetteer>) -> Vec<NerSpan> {
        let mut ctx = NerContext::new();
        let classes = self.predict_classes(words, tags, gazetteer, &mut ctx);
        self.spans(&classes)
    }

    pub(crate) fn predict_classes(
        &self,
        words: &[&str],
        tags: &[PosTag],
        gazetteer: Option<&dyn Gazetteer>,
        ctx: &mut NerContext,
    ) -> Vec<usize> {
        let n = words.len();
        ctx.fill(words, tags, gazetteer);
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0i32; 1 + 4 * self.labels.len()];
        let mut out: Vec<usize> = Vec::with_capacity(n);
        let (mut prev, mut prev2) = (0usize, 0usize);
        for i in 0..n {
            ctx.features(i, prev as u64, prev2 as u64, &mut feats);
            self.weights.score(&feats, &mut scores);
            let c = argmax_where(&scores, |c| allowed(prev, c, i, n)).unwrap_or(0);
            out.push(c);
            prev2 = prev;
            prev = c;
        }
        out
    }

    pub(crate) fn spans(&self, classes: &[usize]) -> Vec<NerSpan> {
        classes_to_spans(classes)
            .into_iter()
            .map(|(start, end, l)| NerSpan { start, end, label: self.labels.get(l).copied().unwrap_or("MISC") })
            .collect()
    }

    /// The entity types the model knows.
    pub fn labels(&self) -> &[&'static str] {
        &self.labels
    }

    /// Number of stored features and weights.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        let names: Vec<String> = self.labels.iter().map(|s| s.to_string()).collect();
        w.strs(&names);
        self.weights.write(&mut w);
        w.into_bytes()
    }

    /// Reads a model written by [`NerTagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger> {
        let mut r = Reader::with_header(bytes, KIND)?;
        let labels: Vec<&'static str> = r.strs()?.into_iter().map(intern).collect();
        let weights = Weights::read(&mut r)?;
        r.finish()?;
        if weights.n_classes() != 1 + 4 * labels.len() {
            return Err(Error::model("NER weights and labels disagree"));
        }
        Ok(NerTagger { labels, weights })
    }
}

/// Word ranges and label indices of a class sequence.
fn classes_to_spans(classes: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &c) in classes.iter().enumerate() {
        match pos_of(c) {
            None => open = None,
            Some((l, U)) => {
                out.push((i, i + 1, l));
                open = None;
            }
            Some((l, B)) => open = Some((i, l)),
            Some((l, I)) => {
                if open.is_none_or(|o| o.1 != l) {
                    open = Some((i, l));
                }
            }
            Some((l, _)) => {
                let start = match open {
                    Some((s, ol)) if ol == l => s,
                    _ => i,
                };
                out.push((start, i + 1, l));
                open = None;
            }
        }
    }
    out
}

/// Entity spans `(start, end, label)` of an IOB2/IOB1/BIOES tag sequence; a bare label
/// continues a run of the same label.
pub(crate) fn tags_to_spans(tags: &[&str]) -> Vec<(usize, usize, String)> {
    let mut out: Vec<(usize, usize, String)> = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (prefix, label) = match t.split_once('-') {
            Some((p, l)) if p.len() == 1 => (p, l),
            _ => ("", *t),
        };
        if label == "O" || label.is_empty() || label == "_" {
            if let Some((s, l)) = open.take() {
                out.push((s, i, l));
            }
            continue;
        }
        let continues = matches!(&open, Some((_, l)) if l == label) && matches!(prefix, "I" | "L" | "E" | "");
        if !continues {
            if let Some((s, l)) = open.take() {
                out.push((s, i, l));
            }
            open = Some((i, label.to_string()));
        }
        if matches!(prefix, "L" | "E" | "U" | "S")
            && let Some((s, l)) = open.take()
        {
            out.push((s, i + 1, l));
        }
    }
    if let Some((s, l)) = open {
        out.push((s, tags.len(), l));
    }
    out
}

/// IOB2 tags (`B-PER`, `I-PER`, `O`) for `n` words from spans.
pub fn spans_to_iob2(spans: &[NerSpan], n: usize) -> Vec<String> {
    let mut tags = vec!["O".to_string(); n];
    for s in spans {
        for (i, tag) in tags.iter_mut().enumerate().take(s.end.min(n)).skip(s.start) {
            *tag = format!("{}-{}", if i == s.start { 'B' } else { 'I' }, s.label);
        }
    }
    tags
}

/// A training sentence for the NER tagger.
pub(crate) struct NerExample {
    pub words: Vec<String>,
    pub tags: Vec<PosTag>,
    pub spans: Vec<(usize, usize, String)>,
}

/// Trains an NER tagger; `dev_score` is called after each epoch with that epoch's frozen model.
pub(crate) fn train(
    train: &[NerExample],
    epochs: usize,
    seed: u64,
    prune: (f32, usize),
    mut dev_score: impl FnMut(usize, &NerTagger) -> f64,
) -> Result<(NerTagger, usize, f64)> {
    let mut names: Vec<String> = train.iter().flat_map(|s| s.spans.iter().map(|x| x.2.clone())).collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Err(Error::training("no entities in the training data"));
    }
    if 1 + 4 * names.len() > 255 {
        return Err(Error::training("too many entity types; at most 63 are supported"));
    }
    let labels: Vec<&'static str> = names.iter().map(|s| intern(s)).collect();
    let gold: Vec<Vec<usize>> = train
        .iter()
        .map(|s| {
            let mut g = vec![0; s.words.len()];
            for (start, end, l) in &s.spans {
                let k = labels.iter().position(|x| x == l).unwrap_or(0);
                let (start, end) = (*start, (*end).min(g.len()));
                if start >= end {
                    continue;
                }
                if end - start == 1 {
                    g[start] = class(k, U);
                } else {
                    g[start] = class(k, B);
                    for c in &mut g[start + 1..end - 1] {
                        *c = class(k, I);
                    }
                    g[end - 1] = class(k, L);
                }
            }
            g
        })
        .collect();
    let n_classes = 1 + 4 * labels.len();
    let mut model = Averaged::new(n_classes);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut ctx = NerContext::new();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; n_classes];
    let mut best: Option<(NerTagger, usize, f64)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let words: Vec<&str> = train[k].words.iter().map(String::as_str).collect();
            let n = words.len();
            ctx.fill(&words, &train[k].tags, None);
            let (mut prev, mut prev2) = (0usize, 0usize);
            for (i, &g) in gold[k].iter().enumerate() {
                ctx.features(i, prev as u64, prev2 as u64, &mut feats);
                model.tick();
                model.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |c| allowed(prev, c, i, n)).unwrap_or(0);
                model.update(g, guess, &feats);
                // Follow the model's own (always well-formed) decisions, as at prediction time.
                prev2 = prev;
                prev = guess;
            }
        }
        let ner = NerTagger { labels: labels.clone(), weights: model.freeze(prune.0, prune.1) };
        let score = dev_score(epoch, &ner);
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((ner, epoch, score));
        }
    }
    best.ok_or_else(|| Error::training("no epochs were run"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bilou_constraints_only_allow_whole_spans() {
        let (bp, ip, lp, up) = (class(0, B), class(0, I), class(0, L), class(0, U));
        let lo = class(1, L);
        assert!(allowed(0, bp, 0, 3));
        assert!(!allowed(0, ip, 0, 3));
        assert!(!allowed(0, lp, 0, 3));
        assert!(allowed(bp, ip, 1, 3));
        assert!(allowed(bp, lp, 1, 3));
        assert!(!allowed(bp, lo, 1, 3), "label must continue");
        assert!(!allowed(bp, 0, 1, 3), "an open span cannot end in O");
        assert!(!allowed(bp, ip, 2, 3), "the last word closes the span");
        assert!(!allowed(0, bp, 2, 3), "a span cannot open on the last word");
        assert!(allowed(lp, up, 2, 3));
    }

    #[test]
    fn tag_sequences_become_spans() {
        let tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "ORG", "O", "U-PER"];
        assert_eq!(
            tags_to_spans(&tags),
            vec![
                (0, 2, "PER".to_string()),
                (3, 4, "LOC".to_string()),
                (4, 5, "LOC".to_string()),
                (5, 7, "ORG".to_string()),
                (8, 9, "PER".to_string())
            ]
        );
        let bilou = [class(1, B), class(1, I), class(1, L), 0, class(0, U)];
        assert_eq!(classes_to_spans(&bilou), vec![(0, 3, 1), (4, 5, 0)]);
        let spans = [NerSpan { start: 1, end: 3, label: "ORG" }];
        assert_eq!(spans_to_iob2(&spans, 4), vec!["O", "B-ORG", "I-ORG", "O"]);
    }
}
