//! The named-entity tagger: left-to-right BILOU tagging by beam search with a structured
//! averaged perceptron.
//!
//! Each word gets `O` or one of `B-`, `I-`, `L-`, `U-` (begin, inside, last, unit) with an
//! entity type; only sequences that form whole spans are allowed. The tagger keeps the best
//! few partial sequences (the model's beam width, 2 for the shipped model) rather than only
//! the best one, and is trained on whole sequences with early update (Collins and Roark
//! 2004): when the gold sequence falls out of the beam, the gold prefix is rewarded and the
//! beam's best prefix penalised. Trained word by word instead (greedy), the model learns to
//! trust its previous decisions as if they were gold; on UNER EWT dev that cost 4 points of
//! F1. Features: the word, its
//! shape and affixes, the words and tags around it, the two previous decisions, the first and
//! last words of the run of capitalised words it is in ("the Water Supply Corporation": every
//! word of it sees "corporation"), and the hits of an optional [`Gazetteer`] (a hit is a word range with an [`EntityLabel`], turned into
//! BILOU-position features). A model trained with a [`WordTable`] carries it in its file and
//! adds the word's and its neighbours' clusters, the word's capitalisation in news text, and
//! the table's known names as gazetteer hits.
//!
//! A model trained with document features ([`DOC_LABELS`], [`DOC_CASE`]) also reads the
//! document so far, sentence after sentence: the labels it gave the earlier occurrences of a
//! word (Ratinov and Roth's "prediction history") and how they were capitalised. In training,
//! those labels come from models that did not see the document (`NerExample::history`),
//! since the model's own labels of its training data are better than it will do elsewhere.

use crate::codec::{Reader, Writer};
use crate::features::{FLAG_ALL_UPPER, FLAG_NO_LETTER, FLAG_UPPER_INITIAL, WordParts, intern, padding, word_parts};
use crate::hash::{hash_str, key};
use crate::perceptron::{Averaged, ClassSums, Weights};
use crate::tagger::PosTag;
use crate::wordtable::{WordInfo, WordTable};
use crate::{Error, Result};
use dyad_core::EntityLabel;

const KIND: u8 = 3;
/// The file kind of an NER model with a flags byte after the header (greedy, as [`KIND`]).
const KIND_FLAGS: u8 = 5;
/// The file kind of an NER model with a flags byte and a beam width after the header (see
/// [`NerTagger::to_bytes`]).
const KIND_BEAM: u8 = 6;
/// The widest beam a model may ask for.
pub(crate) const MAX_BEAM: usize = 16;
/// Document flag: the model reads the labels it gave earlier occurrences of a word in the
/// document.
pub(crate) const DOC_LABELS: u8 = 1;
/// Document flag: the model reads how earlier occurrences of a word in the document were
/// capitalised.
pub(crate) const DOC_CASE: u8 = 2;
const DOC_ALL: u8 = DOC_LABELS | DOC_CASE;
const PAD: usize = 2;
/// Lower-case words that can sit inside a name between capitalised words.
const JOINERS: [&str; 7] = ["of", "and", "&", "for", "the", "'s", "-"];

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
    /// Word clusters, capitalisation statistics and known names, when trained with them.
    table: Option<WordTable>,
    /// What the model reads of the document so far ([`DOC_LABELS`], [`DOC_CASE`]).
    document: u8,
    /// How many partial sequences the tagger keeps (1: greedy).
    beam: usize,
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

/// Whether class `c` may follow class `prev` at word `i` of `n`: the rule [`followers`]
/// enumerates quickly.
#[cfg(test)]
fn allowed(prev: usize, c: usize, i: usize, n: usize) -> bool {
    let last = i + 1 == n;
    let open = matches!(pos_of(prev), Some((_, B | I)));
    match (pos_of(prev), pos_of(c)) {
        (_, None) => !open,
        (Some((pl, B | I)), Some((l, p))) => l == pl && (p == I || p == L) && !(last && p == I),
        (_, Some((_, p))) => (p == B || p == U) && !(last && p == B),
    }
}

/// Calls `f` with each class that may follow `prev` (as [`allowed`] says), lowest first,
/// visiting only those (two inside an entity, half of them outside) instead of testing all.
fn followers(prev: usize, last: bool, n_classes: usize, mut f: impl FnMut(usize)) {
    match pos_of(prev) {
        Some((l, B | I)) => {
            if !last {
                f(1 + 4 * l + I);
            }
            f(1 + 4 * l + L);
        }
        _ => {
            f(0);
            for l in 0..(n_classes - 1) / 4 {
                if !last {
                    f(1 + 4 * l + B);
                }
                f(1 + 4 * l + U);
            }
        }
    }
}

/// What a beam search asks of a model: class scores as sums in three steps, so that what
/// sequences share is looked up once: the features of the word (shared by every sequence in
/// the beam), those of the previous class (shared by the sequences that end in it), and the
/// feature of the two previous classes.
trait ClassScorer {
    /// Starts a word with the features every sequence shares.
    fn start_word(&mut self, word: &[u32]);
    /// Adds the features of a previous class to the word's.
    fn after(&mut self, previous: &[u32]);
    /// The scores of every class for one sequence: the sums so far plus `two_classes`.
    fn scores(&mut self, two_classes: &[u32], out: &mut [f64]);
}

/// The class sums a frozen model's scorer fills, kept between sentences (a kilobyte each).
#[derive(Default)]
struct FrozenSums {
    word: ClassSums,
    previous: ClassSums,
    sum: ClassSums,
}

/// Scores from a shipped (frozen) model.
struct FrozenScorer<'a> {
    weights: &'a Weights,
    sums: &'a mut FrozenSums,
}

impl ClassScorer for FrozenScorer<'_> {
    fn start_word(&mut self, word: &[u32]) {
        self.sums.word.clear(self.weights.n_classes());
        self.weights.add_rows(word, &mut self.sums.word);
    }

    fn after(&mut self, previous: &[u32]) {
        self.sums.previous.set_sum(&[&self.sums.word], self.weights.n_classes());
        self.weights.add_rows(previous, &mut self.sums.previous);
    }

    fn scores(&mut self, two_classes: &[u32], out: &mut [f64]) {
        let n = self.weights.n_classes();
        let FrozenSums { previous, sum, .. } = &mut *self.sums;
        sum.set_sum(&[previous], n);
        self.weights.add_rows(two_classes, sum);
        for (o, &x) in out.iter_mut().zip(&sum.0[..n]) {
            *o = f64::from(x);
        }
    }
}

/// Scores from the model being trained (its current weights, not averaged).
struct TrainingScorer<'a> {
    model: &'a Averaged,
    word: Vec<f32>,
    previous: Vec<f32>,
    sum: Vec<f32>,
}

impl ClassScorer for TrainingScorer<'_> {
    fn start_word(&mut self, word: &[u32]) {
        self.model.score(word, &mut self.word);
    }

    fn after(&mut self, previous: &[u32]) {
        self.previous.clone_from(&self.word);
        self.model.add_scores(previous, &mut self.previous);
    }

    fn scores(&mut self, two_classes: &[u32], out: &mut [f64]) {
        self.sum.clone_from(&self.previous);
        self.model.add_scores(two_classes, &mut self.sum);
        for (o, &x) in out.iter_mut().zip(&self.sum) {
            *o = f64::from(x);
        }
    }
}

/// A partial sequence in the beam: its score, its last class, the item it extends (index in
/// [`Beam::items`]) and whether it is the gold sequence so far (in training).
#[derive(Clone, Copy)]
struct Item {
    score: f64,
    class: u8,
    parent: u32,
    gold: bool,
}

/// The beam search's working memory, kept between sentences.
#[derive(Default)]
struct Beam {
    /// The items kept at each word, word after word: `items[0]` is the empty sequence before
    /// the first word, and the items of word `i` begin at `starts[i + 1]`.
    items: Vec<Item>,
    starts: Vec<usize>,
    candidates: Vec<Item>,
    word: Vec<u32>,
    previous_class: Vec<u32>,
    scores: Vec<f64>,
}

/// Finds the best well-formed class sequence of the sentence in `ctx`, keeping `width` partial
/// sequences at each word, and writes it to `out`. With `gold`, stops early at the first word
/// where the gold sequence falls out of the beam; returns how many words `out` covers.
fn beam_search(
    ctx: &mut NerContext,
    width: usize,
    n_classes: usize,
    scorer: &mut impl ClassScorer,
    gold: Option<&[usize]>,
    out: &mut Vec<usize>,
) -> usize {
    let n = ctx.parts.len().saturating_sub(2 * PAD);
    let width = width.max(1);
    let mut beam = std::mem::take(&mut ctx.beam);
    beam.items.clear();
    beam.starts.clear();
    beam.scores.resize(n_classes, 0.0);
    out.clear();
    // Word -1: one empty sequence whose last class is O.
    beam.items.push(Item { score: 0.0, class: 0, parent: u32::MAX, gold: true });
    beam.starts.push(0);
    let mut covered = n;
    for i in 0..n {
        let (from, to) = (*beam.starts.last().unwrap_or(&0), beam.items.len());
        beam.starts.push(to);
        ctx.word_features(i, &mut beam.word);
        scorer.start_word(&beam.word);
        beam.candidates.clear();
        let mut scored_after = usize::MAX;
        for k in from..to {
            let item = beam.items[k];
            let prev = usize::from(item.class);
            let prev2 = if item.parent == u32::MAX { 0 } else { usize::from(beam.items[item.parent as usize].class) };
            // Sequences ending in the same class are often next to each other in the beam.
            if prev != scored_after {
                ctx.previous_class_features(i, prev as u64, &mut beam.previous_class);
                scorer.after(&beam.previous_class);
                scored_after = prev;
            }
            scorer.scores(&[two_classes_feature(prev2 as u64, prev as u64)], &mut beam.scores);
            let scores = &beam.scores;
            let best = &mut beam.candidates;
            followers(prev, i + 1 == n, n_classes, |c| {
                let score = item.score + scores[c];
                // The best `width` so far, best first; among equal scores the earlier sequence
                // and the lower class stay ahead, as a greedy tagger's ties go to the lowest class.
                if best.len() == width && best.last().is_some_and(|b| b.score >= score) {
                    return;
                }
                let at = best.partition_point(|b| b.score >= score);
                let gold = item.gold && gold.is_some_and(|g| g.get(i) == Some(&c));
                best.insert(at, Item { score, class: c as u8, parent: k as u32, gold });
                best.truncate(width);
            });
        }
        beam.items.extend_from_slice(&beam.candidates);
        if gold.is_some() && !beam.candidates.iter().any(|c| c.gold) {
            covered = i + 1;
            break;
        }
    }
    // The best item of the last word reached, back to the start.
    let mut k = *beam.starts.last().unwrap_or(&0);
    if n > 0 {
        out.resize(covered, 0);
        for slot in out.iter_mut().rev() {
            let item = beam.items[k];
            *slot = usize::from(item.class);
            k = item.parent as usize;
        }
    }
    ctx.beam = beam;
    covered
}

/// The feature of the classes given to the two words before.
fn two_classes_feature(prev2: u64, prev: u64) -> u32 {
    key(17, &[prev2, prev])
}

/// Sentence features, computed once.
pub(crate) struct NerContext {
    parts: Vec<WordParts>,
    xpos: Vec<u64>,
    upos: Vec<u64>,
    gaz: Vec<Vec<u64>>,
    hits: Vec<GazetteerHit>,
    scratch: String,
    /// Word table entries of the words (with padding), when the model has a table.
    info: Vec<WordInfo>,
    norms: Vec<u64>,
    table: bool,
    /// For each word, the run of capitalised words it belongs to (`start..end`; empty if none).
    runs: Vec<(u32, u32)>,
    /// Hashed norms of the lower-case words that may join capitalised words into one name.
    joiners: [u64; 7],
    /// Which document features are on (set from the model for each sentence).
    document: u8,
    /// What the document so far says about each word (by hashed normalised form).
    memory: DocMemory,
    beam: Beam,
    /// The frozen model's class sums (a kilobyte each: kept, not made for every sentence).
    sums: Box<FrozenSums>,
}

/// Per word of a document (keyed by its hashed normalised form): the labels the tagger gave
/// its earlier occurrences and how they were written. Bits 0-7: `O` (bit 0) or entity label
/// `k` (bit 1 + k, the last bit shared by labels 6 and up); bit 8: capitalised (not all
/// capitals) after a sentence's first word; bit 9: all lower-case; bit 10: all capitals.
#[derive(Default)]
pub(crate) struct DocMemory {
    map: std::collections::HashMap<u64, u16, std::hash::BuildHasherDefault<NormHasher>>,
}

const SEEN_CAPITALISED: u16 = 1 << 8;
const SEEN_LOWER: u16 = 1 << 9;
const SEEN_ALL_CAPS: u16 = 1 << 10;

/// The normalised forms are hashed already: the map uses their bits as they are.
#[derive(Default)]
pub(crate) struct NormHasher(u64);

impl std::hash::Hasher for NormHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }
    fn write_u64(&mut self, v: u64) {
        self.0 = v;
    }
}

impl DocMemory {
    fn get(&self, norm: u64) -> u16 {
        self.map.get(&norm).copied().unwrap_or(0)
    }

    /// Records one occurrence: its class (0 for `O`), its flags and whether it opens the
    /// sentence. Words without a letter (numbers, punctuation) are not remembered.
    fn add(&mut self, norm: u64, class: usize, flags: u64, first: bool) {
        if flags & FLAG_NO_LETTER != 0 {
            return;
        }
        let label = match pos_of(class) {
            None => 1,
            Some((l, _)) => 2u16 << l.min(6),
        };
        let case = if flags & FLAG_ALL_UPPER != 0 {
            SEEN_ALL_CAPS
        } else if flags & FLAG_UPPER_INITIAL != 0 {
            if first { 0 } else { SEEN_CAPITALISED }
        } else {
            SEEN_LOWER
        };
        *self.map.entry(norm).or_insert(0) |= label | case;
    }

    /// Records a whole sentence, given each word's norm and flags and its class, as
    /// [`NerContext::remember`] does word by word.
    fn add_sentence(&mut self, words: &[(u64, u64)], classes: &[usize]) {
        for (i, &(norm, flags)) in words.iter().enumerate() {
            self.add(norm, classes.get(i).copied().unwrap_or(0), flags, i == 0);
        }
    }
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
            info: Vec::new(),
            norms: Vec::new(),
            table: false,
            runs: Vec::new(),
            joiners: JOINERS.map(hash_str),
            document: 0,
            memory: DocMemory::default(),
            beam: Beam::default(),
            sums: Box::default(),
        }
    }

    /// Starts a new document: forgets what earlier sentences said about their words.
    pub(crate) fn new_document(&mut self) {
        self.memory.map.clear();
    }

    /// Remembers the classes given to the sentence's words (with document features on), for
    /// the sentences after it.
    fn remember(&mut self, classes: &[usize]) {
        if self.document == 0 {
            return;
        }
        for (i, &class) in classes.iter().enumerate() {
            let p = &self.parts[PAD + i];
            self.memory.add(p.norm, class, p.flags, i == 0);
        }
    }

    /// Finds the runs of capitalised words, joined by "of", "and", "&", "for", "the", "'s" or a
    /// hyphen when a capitalised word follows ("Bank of the Rockies", "Ray 's Pizza").
    fn find_runs(&mut self, n: usize) {
        self.runs.clear();
        self.runs.resize(n, (0, 0));
        let caps = |p: &WordParts| p.flags & (FLAG_UPPER_INITIAL | FLAG_ALL_UPPER) != 0;
        let mut i = 0;
        while i < n {
            if !caps(&self.parts[PAD + i]) {
                i += 1;
                continue;
            }
            let start = i;
            let mut end = i + 1;
            loop {
                let mut k = end;
                while k < n && k - end < 2 && self.joiners.contains(&self.parts[PAD + k].norm) {
                    k += 1;
                }
                if k < n && caps(&self.parts[PAD + k]) {
                    end = k + 1;
                } else {
                    break;
                }
            }
            self.runs[start..end].fill((start as u32, end as u32));
            i = end;
        }
    }

    /// Computes the sentence's features. `parts`, when given, are the words' parts as the
    /// tagger computed them (padded the same way), which spares computing them twice.
    fn fill(
        &mut self,
        words: &[&str],
        tags: &[PosTag],
        parts: Option<&[WordParts]>,
        gazetteer: Option<&dyn Gazetteer>,
        table: Option<&WordTable>,
    ) {
        self.parts.clear();
        self.xpos.clear();
        self.upos.clear();
        self.xpos.extend([1, 2]);
        self.upos.extend([1, 2]);
        match parts {
            Some(parts) if parts.len() == words.len() + 2 * PAD => self.parts.extend_from_slice(parts),
            _ => {
                self.parts.extend([padding(1), padding(2)]);
                self.parts.extend(words.iter().map(|w| word_parts(w, &mut self.scratch)));
                self.parts.extend([padding(3), padding(4)]);
            }
        }
        for i in 0..words.len() {
            let t = tags.get(i).copied().unwrap_or(PosTag { upos: "_", xpos: "_" });
            self.xpos.push(hash_str(t.xpos));
            self.upos.push(hash_str(t.upos));
        }
        self.xpos.extend([3, 4]);
        self.upos.extend([3, 4]);
        self.find_runs(words.len());
        self.gaz.iter_mut().for_each(Vec::clear);
        self.gaz.resize(words.len(), Vec::new());
        self.hits.clear();
        self.table = table.is_some();
        self.info.clear();
        if let Some(t) = table {
            let pad = |k: u16| WordInfo { clusters: [u16::MAX - k; 3], caps: 6 };
            self.info.extend([pad(1), pad(2)]);
            self.norms.clear();
            self.norms.extend(self.parts[PAD..PAD + words.len()].iter().map(|p| p.norm));
            self.info.extend(self.norms.iter().map(|&n| t.word(n).unwrap_or_default()));
            self.info.extend([pad(3), pad(4)]);
            t.find_names(&self.norms, &mut self.hits);
        }
        if let Some(g) = gazetteer {
            g.find(words, &mut self.hits);
        }
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

    /// The features of word `i` that depend on the classes given to the two words before it.
    fn history_features(&self, i: usize, prev: u64, prev2: u64, out: &mut Vec<u32>) {
        self.previous_class_features(i, prev, out);
        out.push(two_classes_feature(prev2, prev));
    }

    /// The features of word `i` that depend on the class given to the word before it only.
    fn previous_class_features(&self, i: usize, prev: u64, out: &mut Vec<u32>) {
        out.clear();
        let j = i + PAD;
        let w = &self.parts[j];
        out.extend([
            key(15, &[prev]),
            key(16, &[prev, w.form]),
            key(18, &[prev, w.shape]),
            key(29, &[prev, self.xpos[j]]),
        ]);
        if let Some(hits) = self.gaz.get(i) {
            out.extend(hits.iter().map(|&h| key(35, &[h, prev])));
        }
    }

    /// The features of word `i` that do not depend on earlier decisions: the same for every
    /// sequence in the beam.
    fn word_features(&self, i: usize, out: &mut Vec<u32>) {
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
            key(19, &[self.upos[j]]),
            key(20, &[x[j]]),
            key(21, &[x[j - 1]]),
            key(22, &[x[j + 1]]),
            key(23, &[x[j - 1], x[j], x[j + 1]]),
            key(24, &[x[j], w.norm]),
            key(25, &[m1.norm, w.norm]),
            key(26, &[w.norm, p1.norm]),
            key(28, &[w.suffix[1]]),
            key(30, &[w.shape, p1.shape]),
            key(31, &[m1.shape, w.shape]),
            key(32, &[p1.form, p2.norm]),
            key(33, &[m2.norm, m1.norm]),
            key(34, &[w.flags, m1.flags, p1.flags]),
        ]);
        let caps = w.flags & (FLAG_UPPER_INITIAL | FLAG_ALL_UPPER);
        if let Some(&(start, end)) = self.runs.get(i)
            && end > start + 1
        {
            // A name of several words: its last word ("Department", "Inc.") and first word
            // ("The", "Bank") tell its type to every word of it.
            let (start, end) = (start as usize, end as usize);
            let at = if i == start {
                0
            } else if i + 1 == end {
                1
            } else {
                2
            };
            let last = self.parts[PAD + end - 1].norm;
            out.extend([
                key(50, &[last, at]),
                key(51, &[self.parts[PAD + start].norm, at]),
                key(52, &[(end - start).min(5) as u64, at]),
            ]);
            if self.table {
                out.push(key(53, &[u64::from(self.info[PAD + end - 1].clusters[1]), at]));
            }
        }
        if let Some(hits) = self.gaz.get(i) {
            for &h in hits {
                out.push(key(27, &[h]));
                if self.table {
                    out.push(key(46, &[h, caps]));
                }
            }
        }
        if self.document != 0 && w.flags & FLAG_NO_LETTER == 0 {
            let seen = self.memory.get(w.norm);
            // Earlier occurrences in the document: the labels they were given and how they
            // were written ("APPLE" in a headline, "Apple" in the text).
            if self.document & DOC_LABELS != 0 {
                out.push(key(60, &[u64::from(seen & 0xff), caps]));
            }
            if self.document & DOC_CASE != 0 {
                out.push(key(61, &[u64::from(seen >> 8), caps, (i == 0) as u64]));
            }
        }
        if self.table {
            let c = |k: usize, level: usize| u64::from(self.info[k].clusters[level]);
            let f = &self.info[j];
            out.extend([
                key(37, &[c(j, 1)]),
                key(38, &[c(j, 2)]),
                key(39, &[u64::from(f.caps), caps, (i == 0) as u64]),
                key(40, &[c(j - 1, 1)]),
                key(41, &[c(j + 1, 1)]),
                key(42, &[c(j - 1, 2)]),
                key(43, &[c(j + 1, 2)]),
            ]);
        }
    }
}

impl NerTagger {
    /// The entity spans in a tagged sentence. `gazetteer`, when given, adds name-list features.
    pub fn predict(&self, words: &[&str], tags: &[PosTag], gazetteer: Option<&dyn Gazetteer>) -> Vec<NerSpan> {
        let mut ctx = NerContext::new();
        let classes = self.predict_classes(words, tags, None, gazetteer, &mut ctx);
        self.spans(&classes)
    }

    pub(crate) fn predict_classes(
        &self,
        words: &[&str],
        tags: &[PosTag],
        parts: Option<&[WordParts]>,
        gazetteer: Option<&dyn Gazetteer>,
        ctx: &mut NerContext,
    ) -> Vec<usize> {
        ctx.fill(words, tags, parts, gazetteer, self.table.as_ref());
        ctx.document = self.document;
        let mut sums = std::mem::take(&mut ctx.sums);
        let mut scorer = FrozenScorer { weights: &self.weights, sums: &mut sums };
        let mut out = Vec::with_capacity(words.len());
        beam_search(ctx, self.beam, self.weights.n_classes(), &mut scorer, None, &mut out);
        ctx.sums = sums;
        ctx.remember(&out);
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

    /// The model's word table (clusters, capitalisation, known names), if it was trained with one.
    pub fn word_table(&self) -> Option<&WordTable> {
        self.table.as_ref()
    }

    /// Whether the model reads the document so far: the labels it gave earlier occurrences of
    /// a word and how they were capitalised. Such a model is given a document's sentences in
    /// order ([`crate::Models::annotate`] does), and its predictions for a sentence depend on
    /// the sentences before it in the same document.
    pub fn reads_documents(&self) -> bool {
        self.document != 0
    }

    /// How many partial sequences the tagger keeps at each word (1: greedy).
    pub fn beam_width(&self) -> usize {
        self.beam
    }

    /// Serialises the model: kind 6, whose header is followed by the document flags and the
    /// beam width, one byte each. (Kinds 3, without flags, and 5, with flags, are greedy
    /// models of earlier versions; they are still read.)
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND_BEAM);
        w.u8(self.document);
        w.u8(self.beam as u8);
        let names: Vec<String> = self.labels.iter().map(|s| s.to_string()).collect();
        w.strs(&names);
        self.weights.write(&mut w);
        if let Some(t) = &self.table {
            t.write(&mut w);
        }
        w.into_bytes()
    }

    /// Reads a model written by [`NerTagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<NerTagger> {
        let (mut r, kind) = Reader::with_header_of(bytes, &[KIND, KIND_FLAGS, KIND_BEAM])?;
        let flags = if kind == KIND { 0 } else { r.u8()? };
        if flags & !DOC_ALL != 0 {
            return Err(Error::model(format!("unknown NER model flags {flags:#x}")));
        }
        let beam = if kind == KIND_BEAM { usize::from(r.u8()?) } else { 1 };
        if !(1..=MAX_BEAM).contains(&beam) {
            return Err(Error::model(format!("NER beam width {beam} is not between 1 and {MAX_BEAM}")));
        }
        let labels: Vec<&'static str> = r.strs()?.into_iter().map(intern).collect();
        let weights = Weights::read(&mut r)?;
        let table = if r.remaining() > 0 { Some(WordTable::read(&mut r)?) } else { None };
        r.finish()?;
        if weights.n_classes() != 1 + 4 * labels.len() {
            return Err(Error::model("NER weights and labels disagree"));
        }
        Ok(NerTagger { labels, weights, table, document: flags, beam })
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
#[derive(Clone)]
pub(crate) struct NerExample {
    pub words: Vec<String>,
    pub tags: Vec<PosTag>,
    pub spans: Vec<(usize, usize, String)>,
    /// The document the sentence belongs to: consecutive examples with the same number are
    /// one document, in order.
    pub doc: usize,
    /// With [`DOC_LABELS`]: the classes that later sentences of the document remember for
    /// these words, from a model that did not see this document (see [`train`]).
    pub history: Vec<usize>,
}

/// Each word's hashed normalised form and flags, as [`NerContext::remember`] reads them.
fn norms_and_flags(words: &[String]) -> Vec<(u64, u64)> {
    let mut scratch = String::new();
    words
        .iter()
        .map(|w| {
            let p = word_parts(w, &mut scratch);
            (p.norm, p.flags)
        })
        .collect()
}

/// The examples' documents as index ranges (runs of the same [`NerExample::doc`]).
pub(crate) fn documents(examples: &[NerExample]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=examples.len() {
        if i == examples.len() || examples[i].doc != examples[start].doc {
            out.push(start..i);
            start = i;
        }
    }
    out
}

/// What an NER model reads and how it searches (see [`train`]).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reading {
    /// Document features: [`DOC_LABELS`], [`DOC_CASE`], both or none.
    pub document: u8,
    /// With document features: the share of training sentences read with an empty memory.
    pub forget: f64,
    /// How many partial sequences the tagger keeps at each word.
    pub beam: usize,
}

/// The early update of a structured perceptron: rewards the gold classes and penalises the
/// guessed ones over the words both cover, where they or the two classes before differ.
fn early_update(model: &mut Averaged, ctx: &NerContext, gold: &[usize], guess: &[usize], feats: &mut Vec<u32>) {
    if gold == guess {
        return;
    }
    let before = |seq: &[usize], t: usize, back: usize| if t >= back { seq[t - back] } else { 0 };
    for t in 0..gold.len().min(guess.len()) {
        let (g, g1, g2) = (gold[t], before(gold, t, 1), before(gold, t, 2));
        let (p, p1, p2) = (guess[t], before(guess, t, 1), before(guess, t, 2));
        if (g, g1, g2) == (p, p1, p2) {
            continue;
        }
        ctx.word_features(t, feats);
        model.update(g, p, feats);
        ctx.history_features(t, g1 as u64, g2 as u64, feats);
        model.adjust(&[(g, 1)], feats);
        ctx.history_features(t, p1 as u64, p2 as u64, feats);
        model.adjust(&[(p, -1)], feats);
    }
}

/// Trains an NER tagger; `dev_score` is called after each epoch with that epoch's frozen model.
/// With `document` flags ([`DOC_LABELS`], [`DOC_CASE`]), the model reads the document so far;
/// with [`DOC_LABELS`], every example must carry its [`NerExample::history`].
pub(crate) fn train(
    train: &[NerExample],
    table: Option<&WordTable>,
    reading: Reading,
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
    let Reading { document, forget, beam } = reading;
    if document & !DOC_ALL != 0 {
        return Err(Error::training("document features: 1 (labels), 2 (case), or both"));
    }
    if !(1..=MAX_BEAM).contains(&beam) {
        return Err(Error::training(format!("the beam width must be between 1 and {MAX_BEAM}")));
    }
    if document & DOC_LABELS != 0 && train.iter().any(|e| e.history.len() != e.words.len()) {
        return Err(Error::training("document labels need the history of every training sentence"));
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
    // What a sentence sees of its document does not depend on the model being trained (the
    // labels are given in advance), so sentences are shuffled one by one, as without document
    // features, and the memory of the sentences before each is replayed. Per sentence: the
    // first sentence of its document, and each word's norm and flags.
    let mut doc_start = vec![0; train.len()];
    let mut memo: Vec<Vec<(u64, u64)>> = Vec::new();
    if document != 0 {
        for r in documents(train) {
            doc_start[r.clone()].fill(r.start);
        }
        memo = train.iter().map(|e| norms_and_flags(&e.words)).collect();
    }
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut forget_rng = crate::train::Rng::new(seed ^ 0xF0_4E_75);
    let mut ctx = NerContext::new();
    let mut feats = Vec::new();
    let mut guess = Vec::new();
    let mut best: Option<(NerTagger, usize, f64)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let words: Vec<&str> = train[k].words.iter().map(String::as_str).collect();
            if document != 0 {
                // Some sentences start with an empty memory, as if they opened their document,
                // so that the model also learns to do without (a single sentence, a headline).
                ctx.new_document();
                let start = if forget > 0.0 && forget_rng.next_f64() < forget { k } else { doc_start[k] };
                for j in start..k {
                    ctx.memory.add_sentence(&memo[j], &train[j].history);
                }
            }
            ctx.fill(&words, &train[k].tags, None, None, table);
            ctx.document = document;
            let gold = &gold[k];
            let mut scorer =
                TrainingScorer { model: &model, word: vec![0.0; n_classes], previous: Vec::new(), sum: Vec::new() };
            let covered = beam_search(&mut ctx, beam, n_classes, &mut scorer, Some(gold), &mut guess);
            for _ in 0..covered {
                model.tick();
            }
            early_update(&mut model, &ctx, &gold[..covered], &guess, &mut feats);
        }
        let ner = NerTagger {
            labels: labels.clone(),
            weights: model.freeze(prune.0, prune.1),
            table: table.cloned(),
            document,
            beam,
        };
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

    const N_CLASSES: usize = 1 + 4 * 3;

    /// Every feature of word `i` after classes `prev2`, `prev`.
    fn features(ctx: &NerContext, i: usize, prev: usize, prev2: usize) -> Vec<u32> {
        let (mut word, mut history) = (Vec::new(), Vec::new());
        ctx.word_features(i, &mut word);
        ctx.history_features(i, prev as u64, prev2 as u64, &mut history);
        word.extend(history);
        word
    }

    /// Scores from a table of pseudo-random weights per feature and class, with few distinct
    /// values so that ties are common.
    #[derive(Default)]
    struct HashScorer {
        word: Vec<f64>,
        previous: Vec<f64>,
    }

    impl HashScorer {
        fn add(feats: &[u32], out: &mut [f64]) {
            for &f in feats {
                for (c, o) in out.iter_mut().enumerate() {
                    let mut h = crate::train::Rng::new(u64::from(f) * 31 + c as u64 + 1);
                    *o += (h.next_u64() % 5) as f64;
                }
            }
        }
    }

    impl ClassScorer for HashScorer {
        fn start_word(&mut self, word: &[u32]) {
            self.word = vec![0.0; N_CLASSES];
            HashScorer::add(word, &mut self.word);
        }

        fn after(&mut self, previous: &[u32]) {
            self.previous.clone_from(&self.word);
            HashScorer::add(previous, &mut self.previous);
        }

        fn scores(&mut self, two_classes: &[u32], out: &mut [f64]) {
            out.copy_from_slice(&self.previous);
            HashScorer::add(two_classes, out);
        }
    }

    /// Every well-formed class sequence of `n` words.
    fn sequences(n: usize) -> Vec<Vec<usize>> {
        let mut out = vec![Vec::new()];
        for i in 0..n {
            out = out
                .into_iter()
                .flat_map(|s: Vec<usize>| {
                    let prev = s.last().copied().unwrap_or(0);
                    (0..N_CLASSES).filter(move |&c| allowed(prev, c, i, n)).map(move |c| {
                        let mut t = s.clone();
                        t.push(c);
                        t
                    })
                })
                .collect();
        }
        out
    }

    #[test]
    fn followers_are_the_allowed_classes_lowest_first() {
        for prev in 0..N_CLASSES {
            for (i, n) in [(0, 3), (1, 3), (2, 3), (0, 1)] {
                let mut listed = Vec::new();
                followers(prev, i + 1 == n, N_CLASSES, |c| listed.push(c));
                let plain: Vec<usize> = (0..N_CLASSES).filter(|&c| allowed(prev, c, i, n)).collect();
                assert_eq!(listed, plain, "after {prev} at {i} of {n}");
            }
        }
    }

    #[test]
    fn a_beam_as_wide_as_all_sequences_finds_the_best_and_a_beam_of_one_is_greedy() {
        let words = ["Mr", "Quillon", "of", "Tarvo"];
        let mut ctx = NerContext::new();
        ctx.fill(&words, &[], None, None, None);
        // A sequence's score, every feature of every word summed at once.
        let total = |ctx: &NerContext, seq: &[usize]| {
            let mut sum = 0.0;
            for (i, &c) in seq.iter().enumerate() {
                let before = |k: usize| if i >= k { seq[i - k] } else { 0 };
                let mut out = vec![0.0; N_CLASSES];
                HashScorer::add(&features(ctx, i, before(1), before(2)), &mut out);
                sum += out[c];
            }
            sum
        };
        let all = sequences(words.len());
        let best = all.iter().map(|s| total(&ctx, s)).fold(f64::MIN, f64::max);
        let mut out = Vec::new();
        let covered = beam_search(&mut ctx, all.len(), N_CLASSES, &mut HashScorer::default(), None, &mut out);
        assert_eq!(covered, words.len());
        assert_eq!(total(&ctx, &out), best, "{out:?}");
        // Width 1: at each word the best class that may follow the one before.
        let mut greedy: Vec<usize> = Vec::new();
        for i in 0..words.len() {
            let (prev, prev2) = (greedy.last().copied().unwrap_or(0), if i >= 2 { greedy[i - 2] } else { 0 });
            let mut scores = vec![0.0; N_CLASSES];
            HashScorer::add(&features(&ctx, i, prev, prev2), &mut scores);
            let mut pick: Option<usize> = None;
            followers(prev, i + 1 == words.len(), N_CLASSES, |c| {
                if pick.is_none_or(|p| scores[c] > scores[p]) {
                    pick = Some(c);
                }
            });
            greedy.push(pick.expect("a class may always follow"));
        }
        beam_search(&mut ctx, 1, N_CLASSES, &mut HashScorer::default(), None, &mut out);
        assert_eq!(out, greedy);
    }

    #[test]
    fn training_search_stops_where_the_gold_sequence_leaves_the_beam() {
        /// Prefers O everywhere, then a unit of label 1.
        struct Outside;
        impl ClassScorer for Outside {
            fn start_word(&mut self, _: &[u32]) {}
            fn after(&mut self, _: &[u32]) {}
            fn scores(&mut self, _: &[u32], out: &mut [f64]) {
                out.fill(0.0);
                out[0] = 2.0;
                out[class(1, U)] = 1.0;
            }
        }
        let mut ctx = NerContext::new();
        ctx.fill(&["they", "met", "Quillon", "staff"], &[], None, None, None);
        let gold = [0, 0, class(1, U), 0];
        let mut out = Vec::new();
        let covered = beam_search(&mut ctx, 1, N_CLASSES, &mut Outside, Some(&gold), &mut out);
        assert_eq!((covered, out.as_slice()), (3, &[0, 0, 0][..]), "the third word is where it went wrong");
        let gold = [0, 0, 0, class(1, U)];
        let covered = beam_search(&mut ctx, 2, N_CLASSES, &mut Outside, Some(&gold), &mut out);
        assert_eq!((covered, out.as_slice()), (4, &[0; 4][..]), "the second place in the beam keeps the gold");
        ctx.fill(&[], &[], None, None, None);
        assert_eq!(beam_search(&mut ctx, 2, N_CLASSES, &mut Outside, Some(&[]), &mut out), 0);
        assert!(out.is_empty());
    }

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
    fn word_table_features_follow_clusters_and_names() {
        use crate::wordtable::NAME_LOC;
        let mut table = WordTable::default();
        table.add_word("kabul", WordInfo { clusters: [1, 2, 3], caps: 4 });
        table.add_word("herat", WordInfo { clusters: [1, 2, 3], caps: 4 });
        table.add_name(&["herat"], NAME_LOC);
        let mut ctx = NerContext::new();
        let mut feats = |words: &[&str], table: Option<&WordTable>| {
            ctx.fill(words, &[], None, None, table);
            features(&ctx, 1, 0, 0)
        };
        let kabul = feats(&["in", "Kabul", "today"], Some(&table));
        let herat = feats(&["in", "Herat", "today"], Some(&table));
        let plain = feats(&["in", "Herat", "today"], None);
        let cluster = key(38, &[3]);
        let hit = key(27, &[EntityLabel::Loc as u64 * 8 + U as u64]);
        assert!(kabul.contains(&cluster) && herat.contains(&cluster), "same cluster, same feature");
        assert!(herat.contains(&hit) && !kabul.contains(&hit), "only the listed name is a hit");
        assert!(!plain.contains(&cluster) && !plain.contains(&hit), "no table, no table features");
        assert_eq!(plain.len() + 7, feats(&["in", "Kabul", "today"], Some(&table)).len());
    }

    #[test]
    fn capitalised_runs_join_over_short_lower_case_words() {
        let words =
            ["They", "met", "the", "Bank", "of", "the", "Rockies", "with", "Ray", "'s", "Pizza", "in", "Denver"];
        let mut ctx = NerContext::new();
        ctx.fill(&words, &[], None, None, None);
        assert_eq!(ctx.runs[0], (0, 1), "a capitalised word alone is a run of one");
        assert_eq!(ctx.runs[1], (0, 0), "a lower-case word is in no run");
        assert_eq!(ctx.runs[2], (0, 0), "'the' before a name is not part of it");
        assert!(ctx.runs[3..7].iter().all(|&r| r == (3, 7)), "Bank of the Rockies: {:?}", ctx.runs);
        assert_eq!(ctx.runs[7], (0, 0), "'with' joins nothing");
        assert!(ctx.runs[8..11].iter().all(|&r| r == (8, 11)), "Ray 's Pizza: {:?}", ctx.runs);
        assert_eq!(ctx.runs[12], (12, 13));
        ctx.fill(&["Housing", "and", "Urban", "Development"], &[], None, None, None);
        assert_eq!(ctx.runs, vec![(0, 4); 4], "'and' between capitalised words joins them");
        ctx.fill(&["Apples", "and", "pears"], &[], None, None, None);
        assert_eq!(ctx.runs, vec![(0, 1), (0, 0), (0, 0)], "a joiner needs a capitalised word after it");
        ctx.fill(&["Paris", "of", "the", "and", "Rome"], &[], None, None, None);
        assert_eq!(ctx.runs, vec![(0, 1), (0, 0), (0, 0), (0, 0), (4, 5)], "at most two joiners in a row");
    }

    #[test]
    fn every_word_of_a_name_sees_its_last_word() {
        let mut ctx = NerContext::new();
        let mut first_word = |words: &[&str]| {
            ctx.fill(words, &[], None, None, None);
            features(&ctx, 1, 0, 0)
        };
        let housing = first_word(&["the", "Housing", "Development", "Corporation", "said"]);
        let water = first_word(&["the", "Water", "Supply", "Corporation", "said"]);
        let lower = first_word(&["the", "water", "supply", "corporation", "said"]);
        let last = key(50, &[hash_str("corporation"), 0]);
        assert!(housing.contains(&last) && water.contains(&last), "same last word, same feature");
        assert!(!lower.contains(&last), "lower-case words form no name");
        assert_eq!(lower.len() + 3, housing.len(), "three run features without a word table");
    }

    #[test]
    fn a_model_keeps_its_word_table() {
        use crate::wordtable::NAME_PER;
        let mut table = WordTable::default();
        table.add_word("met", WordInfo { clusters: [1, 1, 1], caps: 0 });
        table.add_name(&["anna", "berg"], NAME_PER);
        let ex = |words: &[&str], spans: Vec<(usize, usize, String)>| NerExample {
            words: words.iter().map(|w| w.to_string()).collect(),
            tags: Vec::new(),
            spans,
            doc: 0,
            history: Vec::new(),
        };
        let data = [
            ex(&["Anna", "Berg", "met", "Tom", "."], vec![(0, 2, "PER".into()), (3, 4, "PER".into())]),
            ex(&["Tom", "met", "Oslo", "staff"], vec![(0, 1, "PER".into()), (2, 3, "LOC".into())]),
        ];
        let (model, _, _) =
            train(&data, Some(&table), Reading { document: 0, forget: 0.0, beam: 2 }, 5, 1, (0.0, 0), |_, _| 0.0)
                .expect("trains");
        assert_eq!(model.word_table().map(WordTable::size), Some((1, 2)));
        let bytes = model.to_bytes();
        let back = NerTagger::from_bytes(&bytes).expect("reads back");
        assert_eq!(back.to_bytes(), bytes);
        assert_eq!(
            back.predict(&["Anna", "Berg", "met", "Tom"], &[], None),
            model.predict(&["Anna", "Berg", "met", "Tom"], &[], None)
        );
        for cut in [bytes.len() - 1, bytes.len() - 3] {
            assert!(NerTagger::from_bytes(&bytes[..cut]).is_err(), "a cut table is an error");
        }
    }

    #[test]
    fn document_features_see_earlier_sentences_of_the_same_document() {
        let (caps_initial, all_caps) = (FLAG_UPPER_INITIAL, FLAG_UPPER_INITIAL | FLAG_ALL_UPPER);
        let mut ctx = NerContext::new();
        let first_word = |ctx: &mut NerContext, words: &[&str]| {
            ctx.fill(words, &[], None, None, None);
            ctx.document = DOC_LABELS | DOC_CASE;
            features(ctx, 0, 0, 0)
        };
        // "Quillon" is tagged as entity 1 in mid-sentence, "Tarvo" opens its sentence.
        first_word(&mut ctx, &["Tarvo", "met", "Quillon", "staff"]);
        ctx.remember(&[0, 0, class(1, U), 0]);
        let quillon = first_word(&mut ctx, &["QUILLON", "hires"]);
        assert!(quillon.contains(&key(60, &[2 << 1, all_caps])), "label 1 given before");
        let seen = u64::from(SEEN_CAPITALISED >> 8);
        assert!(quillon.contains(&key(61, &[seen, all_caps, 1])), "capitalised inside a sentence before");
        let tarvo = first_word(&mut ctx, &["tarvo", "left"]);
        assert!(tarvo.contains(&key(60, &[1, 0])), "tagged O before");
        assert!(tarvo.contains(&key(61, &[0, 0, 1])), "a sentence's first word tells nothing of its case");
        let unseen = first_word(&mut ctx, &["Varnel", "left"]);
        assert!(unseen.contains(&key(60, &[0, caps_initial])), "a new word has no history");
        ctx.new_document();
        let again = first_word(&mut ctx, &["QUILLON", "hires"]);
        assert!(again.contains(&key(60, &[0, all_caps])), "a new document forgets");
        ctx.fill(&["QUILLON", "hires"], &[], None, None, None);
        ctx.document = 0;
        let off = features(&ctx, 0, 0, 0);
        assert_eq!(off.len() + 2, again.len(), "two document features, only when asked for");
    }

    #[test]
    fn replaying_a_document_remembers_what_reading_it_does() {
        let sentences: [(&[&str], &[usize]); 3] = [
            (&["Tarvo", "met", "Quillon", "staff", "."], &[class(0, U), 0, class(1, U), 0, 0]),
            (&["QUILLON", "and", "the", "Tarvo", "Group"], &[class(1, U), 0, 0, class(2, B), class(2, L)]),
            (&["quillon", "grew", "in", "2019"], &[0, 0, 0, 0]),
        ];
        let mut ctx = NerContext::new();
        let mut replayed = DocMemory::default();
        for (words, classes) in sentences {
            ctx.fill(words, &[], None, None, None);
            ctx.document = DOC_LABELS;
            ctx.remember(classes);
            let owned: Vec<String> = words.iter().map(|w| w.to_string()).collect();
            replayed.add_sentence(&norms_and_flags(&owned), classes);
        }
        assert_eq!(replayed.map, ctx.memory.map);
        let quillon = replayed.get(hash_str("quillon"));
        assert_eq!(quillon & 0xff, 1 | 2 << 1, "tagged O and label 1");
        assert_eq!(quillon & !0xff, SEEN_CAPITALISED | SEEN_ALL_CAPS | SEEN_LOWER);
        assert_eq!(replayed.get(hash_str("2019")), 0, "words without letters are not remembered");
    }

    #[test]
    fn a_document_model_keeps_its_flags_and_its_labels_need_a_history() {
        let ex = |words: &[&str], spans: Vec<(usize, usize, String)>, doc: usize| NerExample {
            words: words.iter().map(|w| w.to_string()).collect(),
            tags: Vec::new(),
            spans,
            doc,
            history: Vec::new(),
        };
        let mut data = [
            ex(&["Anna", "Berg", "met", "Tom", "."], vec![(0, 2, "PER".into()), (3, 4, "PER".into())], 0),
            ex(&["Tom", "met", "Oslo", "staff"], vec![(0, 1, "PER".into()), (2, 3, "LOC".into())], 0),
            ex(&["Oslo", "is", "cold"], vec![(0, 1, "LOC".into())], 1),
        ];
        assert_eq!(documents(&data), vec![0..2, 2..3]);
        let no_history =
            train(&data, None, Reading { document: DOC_LABELS, forget: 0.0, beam: 2 }, 2, 1, (0.0, 0), |_, _| 0.0);
        assert!(no_history.is_err(), "document labels are read from a history");
        for e in &mut data {
            e.history = vec![0; e.words.len()];
        }
        let (model, _, _) = train(
            &data,
            None,
            Reading { document: DOC_LABELS | DOC_CASE, forget: 0.0, beam: 2 },
            5,
            1,
            (0.0, 0),
            |_, _| 0.0,
        )
        .expect("trains");
        assert!(model.reads_documents());
        let bytes = model.to_bytes();
        assert_eq!(bytes[6..9], [KIND_BEAM, DOC_LABELS | DOC_CASE, 2]);
        let back = NerTagger::from_bytes(&bytes).expect("reads back");
        assert!(back.reads_documents());
        assert_eq!(back.to_bytes(), bytes);
        let (plain, _, _) =
            train(&data, None, Reading { document: 0, forget: 0.0, beam: 2 }, 5, 1, (0.0, 0), |_, _| 0.0)
                .expect("trains");
        assert!(!plain.reads_documents());
        assert_eq!(plain.to_bytes()[6..9], [KIND_BEAM, 0, 2]);
        let (case_only, _, _) =
            train(&data, None, Reading { document: DOC_CASE, forget: 0.0, beam: 3 }, 2, 1, (0.0, 0), |_, _| 0.0)
                .expect("trains");
        let case_bytes = case_only.to_bytes();
        assert_eq!(case_bytes[6..9], [KIND_BEAM, DOC_CASE, 3]);
        assert_eq!(NerTagger::from_bytes(&case_bytes).expect("reads back").beam_width(), 3);
        let mut bad = bytes.clone();
        bad[7] = 0x80;
        assert!(NerTagger::from_bytes(&bad).is_err(), "unknown flags are an error");
        for width in [0, MAX_BEAM as u8 + 1] {
            bad.clone_from(&bytes);
            bad[8] = width;
            assert!(NerTagger::from_bytes(&bad).is_err(), "a beam of {width} is an error");
        }
        // Greedy models of earlier versions: kind 5 (flags, no width) and kind 3 (neither).
        let mut kind5 = bytes.clone();
        kind5[6] = KIND_FLAGS;
        kind5.remove(8);
        let old = NerTagger::from_bytes(&kind5).expect("kind 5 reads");
        assert_eq!((old.beam_width(), old.reads_documents()), (1, true));
        let mut kind3 = plain.to_bytes();
        kind3[6] = KIND;
        kind3.drain(7..9);
        assert_eq!(NerTagger::from_bytes(&kind3).expect("kind 3 reads").beam_width(), 1);
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
