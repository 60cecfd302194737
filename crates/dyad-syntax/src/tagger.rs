//! The part-of-speech tagger: a greedy left-to-right averaged perceptron that predicts UPOS and
//! PTB XPOS together, as one joint class (`NOUN NN`, `AUX VBZ`), so the two never disagree.
//!
//! Features: the word, its normalised form, shape, prefixes and suffixes; the words and
//! suffixes around it; the two previous predicted tags; and a lexicon feature, the set of
//! tags each frequent training word was seen with ("ambiguity class"), for the word and its
//! neighbours, which stands in for the tags of words not yet tagged. A tagger trained with a
//! [`WordTable`] carries it in its file and adds the word's and its neighbours' clusters and
//! how often news writes the word capitalised: what it knows of words its treebank never had
//! ("invade" is a verb like "attack"; "Moscow" is a name, even after "should").

use crate::codec::{Reader, Writer};
use crate::features::{WordParts, intern, padding, word_parts};
use crate::hash::{IdHasher, hash_str, key};
use crate::perceptron::{Averaged, Weights, argmax, argmax_where};
use crate::wordtable::{WordInfo, WordTable};
use crate::{Error, Result};
use std::collections::{BTreeMap, HashMap};
use std::hash::BuildHasherDefault;

const KIND: u8 = 1;

/// A predicted part-of-speech tag pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PosTag {
    /// Universal part of speech (`PROPN`).
    pub upos: &'static str,
    /// Penn Treebank tag (`NNP`).
    pub xpos: &'static str,
}

/// The part-of-speech tagger.
#[derive(Clone, Debug)]
pub struct Tagger {
    classes: Vec<PosTag>,
    /// Ambiguity classes: lists of class indices.
    ambiguity: Vec<Vec<u16>>,
    /// Normalised word → 1-based ambiguity class.
    lexicon: Lexicon,
    weights: Weights,
    table: Option<WordTable>,
}

/// The training words' ambiguity classes, by normalised form (what the model file holds) and
/// by the hash of that form, which every word's [`WordParts::norm`] already is: a lookup
/// hashes and compares no string.
#[derive(Clone, Debug, Default)]
pub(crate) struct Lexicon {
    words: HashMap<String, u32>,
    by_norm: HashMap<u64, u32, BuildHasherDefault<IdHasher>>,
}

impl Lexicon {
    fn new(words: HashMap<String, u32>) -> Lexicon {
        let by_norm = words.iter().map(|(w, &amb)| (hash_str(w), amb)).collect();
        Lexicon { words, by_norm }
    }

    /// The 1-based ambiguity class of the word whose normalised form hashes to `norm`.
    fn get(&self, norm: u64) -> Option<u32> {
        self.by_norm.get(&norm).copied()
    }
}

/// Everything a sentence's features need, computed once.
pub(crate) struct TagContext {
    parts: Vec<WordParts>,
    amb: Vec<u64>,
    /// Word table entries of the words (with padding), when the model has a table.
    info: Vec<WordInfo>,
    scratch: String,
}

const PAD: usize = 2;

impl TagContext {
    pub(crate) fn new() -> TagContext {
        TagContext { parts: Vec::new(), amb: Vec::new(), info: Vec::new(), scratch: String::new() }
    }

    /// The words' parts, with two padding entries on each side, as the last fill left them:
    /// the NER tagger and the parser read the same ones.
    pub(crate) fn parts(&self) -> &[WordParts] {
        &self.parts
    }

    fn fill(&mut self, words: &[&str], lexicon: &Lexicon, table: Option<&WordTable>) {
        self.parts.clear();
        self.amb.clear();
        self.info.clear();
        self.parts.extend([padding(1), padding(2)]);
        self.amb.extend([u64::MAX - 1, u64::MAX - 2]);
        for w in words {
            let p = word_parts(w, &mut self.scratch);
            self.parts.push(p);
            self.amb.push(lexicon.get(p.norm).map_or(0, u64::from));
        }
        self.parts.extend([padding(3), padding(4)]);
        self.amb.extend([u64::MAX - 3, u64::MAX - 4]);
        if let Some(t) = table {
            let pad = |k: u16| WordInfo { clusters: [u16::MAX - k; 3], caps: 6 };
            self.info.extend([pad(1), pad(2)]);
            self.info.extend(self.parts[PAD..PAD + words.len()].iter().map(|p| t.word(p.norm).unwrap_or_default()));
            self.info.extend([pad(3), pad(4)]);
        }
    }

    /// Features of word `i` given the classes of the two words before it.
    fn features(&self, i: usize, prev: u64, prev2: u64, out: &mut Vec<u32>) {
        out.clear();
        let j = i + PAD;
        let w = &self.parts[j];
        let (m1, m2, p1, p2) = (&self.parts[j - 1], &self.parts[j - 2], &self.parts[j + 1], &self.parts[j + 2]);
        let (a0, am1, ap1, ap2) = (self.amb[j], self.amb[j - 1], self.amb[j + 1], self.amb[j + 2]);
        out.extend([
            key(0, &[]),
            key(1, &[w.norm]),
            key(2, &[w.form]),
            key(3, &[w.suffix[0]]),
            key(4, &[w.suffix[1]]),
            key(5, &[w.suffix[2]]),
            key(6, &[w.suffix[3]]),
            key(7, &[w.prefix[0]]),
            key(8, &[w.prefix[1]]),
            key(9, &[w.prefix[2]]),
            key(10, &[w.shape]),
            key(11, &[m1.norm]),
            key(12, &[p1.norm]),
            key(13, &[m2.norm]),
            key(14, &[p2.norm]),
            key(15, &[prev]),
            key(16, &[prev2, prev]),
            key(17, &[prev, w.norm]),
            key(18, &[m1.suffix[2]]),
            key(19, &[p1.suffix[2]]),
            key(20, &[a0]),
            key(21, &[am1]),
            key(22, &[ap1]),
            key(23, &[ap2]),
            key(24, &[a0, ap1]),
            key(25, &[prev, ap1]),
            key(26, &[prev, a0]),
            key(27, &[w.norm, p1.norm]),
            key(28, &[m1.norm, w.norm]),
            key(29, &[m1.shape, w.shape]),
            key(30, &[p1.shape]),
            key(31, &[w.flags, (i == 0) as u64]),
            key(32, &[prev, w.suffix[2]]),
            key(33, &[w.norm, ap1]),
            key(34, &[a0, ap1, ap2]),
            key(35, &[prev, a0, ap1]),
            key(36, &[w.shape, p1.shape, p2.shape]),
        ]);
        if !self.info.is_empty() {
            let c = |k: usize, level: usize| u64::from(self.info[k].clusters[level]);
            out.extend([
                key(37, &[c(j, 2)]),
                key(38, &[c(j, 1)]),
                key(39, &[c(j - 1, 1)]),
                key(40, &[c(j + 1, 1)]),
                key(41, &[prev, c(j, 1)]),
                key(42, &[u64::from(self.info[j].caps), w.flags, (i == 0) as u64]),
            ]);
        }
    }
}

impl Tagger {
    /// Tags a sentence's words.
    pub fn predict(&self, words: &[&str]) -> Vec<PosTag> {
        let mut ctx = TagContext::new();
        self.predict_ids(words, &mut ctx).into_iter().map(|c| self.classes[c]).collect()
    }

    /// The class index of each word.
    pub(crate) fn predict_ids(&self, words: &[&str], ctx: &mut TagContext) -> Vec<usize> {
        ctx.fill(words, &self.lexicon, self.table.as_ref());
        let mut feats = Vec::with_capacity(48);
        let mut scores = vec![0i32; self.classes.len()];
        let mut out: Vec<usize> = Vec::with_capacity(words.len());
        for (i, word) in words.iter().enumerate() {
            let prev = class_part(out.len().checked_sub(1).map(|k| out[k]));
            let prev2 = class_part(out.len().checked_sub(2).map(|k| out[k]));
            ctx.features(i, prev, prev2, &mut feats);
            self.weights.score(&feats, &mut scores);
            // A plain word the training data did not know is never given a closed class: those
            // words are all in the lexicon ("froze" is no preposition). Spelling variants of
            // closed-class words ("n`t", "’m") are not plain words.
            let free = ctx.amb[i + PAD] != 0 || !word.chars().all(char::is_alphabetic);
            let best = if free { argmax(&scores) } else { argmax_where(&scores, |c| is_open(self.classes[c].upos)) };
            out.push(best.unwrap_or(0));
        }
        out
    }

    /// Whether the training data saw `word` (lower case) as a verb of the present or the base
    /// form, or never saw it: what [`mend_present_tense`] may make a verb.
    pub(crate) fn can_be_verb(&self, word: &str) -> bool {
        let Some(amb) = self.lexicon.get(hash_str(word)) else { return true };
        let tags = self.ambiguity.get((amb as usize).wrapping_sub(1)).map_or(&[][..], Vec::as_slice);
        tags.iter().any(|&c| self.classes.get(usize::from(c)).is_some_and(|t| matches!(t.xpos, "VB" | "VBP" | "VBZ")))
    }

    /// The tag pair of class `c`.
    pub(crate) fn class(&self, c: usize) -> PosTag {
        self.classes[c]
    }

    /// Number of stored features and weights.
    pub fn size(&self) -> (usize, usize) {
        self.weights.size()
    }

    /// The model's word table, if it was trained with one.
    pub(crate) fn word_table(&self) -> Option<&WordTable> {
        self.table.as_ref()
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        let names: Vec<String> = self.classes.iter().map(|t| format!("{}\t{}", t.upos, t.xpos)).collect();
        w.strs(&names);
        w.varint(self.ambiguity.len() as u64);
        for a in &self.ambiguity {
            w.varint(a.len() as u64);
            for &c in a {
                w.varint(u64::from(c));
            }
        }
        let sorted: BTreeMap<&String, &u32> = self.lexicon.words.iter().collect();
        w.varint(sorted.len() as u64);
        for (word, &amb) in sorted {
            w.str(word);
            w.varint(u64::from(amb));
        }
        self.weights.write(&mut w);
        if let Some(t) = &self.table {
            t.write(&mut w);
        }
        w.into_bytes()
    }

    /// Reads a model written by [`Tagger::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger> {
        let mut r = Reader::with_header(bytes, KIND)?;
        let classes = r
            .strs()?
            .into_iter()
            .map(|s| {
                let (u, x) = s.split_once('\t').unwrap_or((s, "_"));
                PosTag { upos: intern(u), xpos: intern(x) }
            })
            .collect::<Vec<_>>();
        let n_amb = r.varint()? as usize;
        if n_amb > r.remaining() {
            return Err(Error::model("ambiguity class count larger than the file"));
        }
        let mut ambiguity = Vec::with_capacity(n_amb);
        for _ in 0..n_amb {
            let n = r.varint()? as usize;
            if n > classes.len() {
                return Err(Error::model("ambiguity class too long"));
            }
            ambiguity.push((0..n).map(|_| r.varint().map(|v| v as u16)).collect::<Result<Vec<_>>>()?);
        }
        let n_words = r.varint()? as usize;
        if n_words > r.remaining() {
            return Err(Error::model("lexicon size larger than the file"));
        }
        let mut lexicon = HashMap::with_capacity(n_words);
        for _ in 0..n_words {
            let word = r.str()?.to_string();
            let amb = r.varint()? as u32;
            lexicon.insert(word, amb);
        }
        let weights = Weights::read(&mut r)?;
        let table = if r.remaining() > 0 { Some(WordTable::read(&mut r)?) } else { None };
        r.finish()?;
        if weights.n_classes() != classes.len() {
            return Err(Error::model("tagger weights and classes disagree"));
        }
        Ok(Tagger { classes, ambiguity, lexicon: Lexicon::new(lexicon), weights, table })
    }
}

/// Tags of words that can be the subject right before a verb.
const SUBJECT_TAGS: &[&str] = &["NN", "NNS", "NNP", "NNPS", "PRP"];
/// Tags of words that can open the object right after a verb.
const OBJECT_TAGS: &[&str] = &["DT", "CD", "NN", "NNS", "NNP", "NNPS", "PRP$", "PRP", "JJ"];
/// Tags of the words of a noun phrase.
const NOUN_PHRASE_TAGS: &[&str] = &["DT", "CD", "NN", "NNS", "NNP", "NNPS", "PRP$", "PRP", "JJ", "JJR", "JJS", "POS"];
/// Words that open a subordinate clause with its subject right after them (also read by the
/// parse mends, `mends.rs`).
pub(crate) const SUBORDINATORS: &[&str] = &[
    "as", "after", "when", "while", "because", "before", "since", "until", "though", "although", "where", "whereas",
    "once",
];

/// The tense mends below, in order, over the sentence before its closing reporting clause
/// (computed once: neither mend can change that clause's tags), then the bare verbs after
/// modals over the whole sentence.
pub(crate) fn mend_tenses(words: &[&str], tags: &mut [PosTag], can_be_verb: impl Fn(&str) -> bool) {
    let end = reporting_tail(words, tags);
    mend_past_tense(words, tags, end);
    mend_present_tense(words, tags, end, can_be_verb);
    mend_bare_verbs(words, tags);
}

/// Mends a bare verb after a modal that the tagger took for an adjective ("Israel would free
/// 150 prisoners", "will open talks": JJ for VB): a modal right before it and the opening of
/// a noun phrase right after it (a determiner, a number, a pronoun, a plural or proper noun)
/// leave no reading as an adjective (the training data may know the word as an adjective only:
/// "free" is never a verb in UD English EWT's training set).
fn mend_bare_verbs(words: &[&str], tags: &mut [PosTag]) {
    for i in 1..tags.len() {
        let opens =
            tags.get(i + 1).is_some_and(|t| matches!(t.xpos, "DT" | "CD" | "PRP$" | "PRP" | "NNS" | "NNP" | "NNPS"));
        if tags[i - 1].xpos == "MD" && tags[i].xpos == "JJ" && opens && words[i].bytes().all(|b| b.is_ascii_lowercase())
        {
            tags[i] = PosTag { upos: "VERB", xpos: "VB" };
        }
    }
}

/// Mends the tagger's commonest error on news: the past tense of a verb between its subject
/// and its object tagged as a participle ("Morrison praised Zelenskiy", "... as security
/// forces used tear gas": VBN for VBD), which the parser then reads as a reduced relative
/// clause and the event coder loses. A participle whose word before is a noun or pronoun and
/// whose word after opens a noun phrase becomes VBD
///
/// - in a sentence with no finite verb at all and no auxiliary before it: a sentence needs
///   one, and a real participle there would leave it without (only the first is mended). A
///   closing ", officials said." does not count: it reports the sentence, whose own verb is
///   still missing ("Syrian rebels engaged Filipino peacekeepers ..., officials said.");
/// - when only a noun phrase stands between it and a subordinator ("after Chinese forces held
///   drills", "where the Russians detained civilians") and no finite verb follows it in the
///   clause ("after a deal agreed last month lifted the ban" keeps its participle).
///
/// Words in capitals (a headline "... REVEALED AMID ...") are left as they are. Only words
/// before `end` are read as the sentence (see [`reporting_tail`]).
fn mend_past_tense(words: &[&str], tags: &mut [PosTag], end: usize) {
    let mut verbless = !tags[..end].iter().any(is_finite);
    let mut aux_before = false;
    for i in 0..end {
        // (an adjective in -ed there is the same verb: "troops wounded two soldiers")
        let adjective_in_ed = tags[i].xpos == "JJ" && words.get(i).is_some_and(|w| w.len() > 4 && w.ends_with("ed"));
        let candidate = i > 0
            && ((tags[i].xpos == "VBN" && tags[i].upos == "VERB") || (adjective_in_ed && verbless))
            && SUBJECT_TAGS.contains(&tags[i - 1].xpos)
            && tags.get(i + 1).is_some_and(|t| OBJECT_TAGS.contains(&t.xpos))
            && words.get(i).is_some_and(|w| w.bytes().any(|b| b.is_ascii_lowercase()));
        let mend = candidate
            && ((verbless && !aux_before) || (opens_subordinate_clause(words, tags, i) && !finite_after(tags, i)));
        aux_before |= tags[i].upos == "AUX";
        if mend {
            tags[i] = PosTag { upos: "VERB", xpos: "VBD" };
            verbless = false;
        }
    }
}

/// Verbs that report what the rest of a sentence says.
const REPORTING_VERBS: &[&str] =
    &["said", "says", "say", "told", "added", "reported", "stated", "announced", "confirmed", "claimed", "wrote"];

/// Where a closing reporting clause begins (", defense and military officials said."), at
/// its comma; the length of the sentence when it has none. The clause is at most eight
/// words: a noun phrase, perhaps joined by "and", then a reporting verb in a finite tense.
fn reporting_tail(words: &[&str], tags: &[PosTag]) -> usize {
    let n = tags.len();
    let Some(comma) = words.iter().rposition(|&w| w == ",") else { return n };
    let mut tail = (comma + 1..n).filter(|&k| tags[k].upos != "PUNCT");
    let Some(verb) = tail.next_back() else { return n };
    let reports = REPORTING_VERBS.iter().any(|r| words[verb].eq_ignore_ascii_case(r)) && is_finite(&tags[verb]);
    let subject = tail.clone().count();
    let subject_only = subject > 0 && tail.all(|k| NOUN_PHRASE_TAGS.contains(&tags[k].xpos) || tags[k].xpos == "CC");
    if reports && subject_only && subject < 8 { comma } else { n }
}

/// Mends a present tense that the tagger took for a noun (NN or NNS for VBP or VBZ), in a
/// sentence whose main clause has no finite verb, as headlines and their echoes do: "Russian
/// airstrikes near Kharkiv kill 11 civilians", "The row flares again eight years after Iraq
/// annexed Kuwait". The word must follow a noun, agree with a subject before it (a plural noun
/// for the bare form, the singular noun right before it for the form in -s), come before a
/// determiner, number, adjective, pronoun or adverb (a noun there would go on a compound:
/// "police station attack"), stand outside any subordinate clause, and be a word the training
/// data saw as a verb, or did not see at all (`can_be_verb`). Only the first is mended: a
/// sentence needs one finite verb. As in [`mend_past_tense`], only words before `end` count.
fn mend_present_tense(words: &[&str], tags: &mut [PosTag], end: usize, can_be_verb: impl Fn(&str) -> bool) {
    let main_finite = (0..end).any(|k| is_finite(&tags[k]) && !in_subordinate_clause(words, tags, k));
    if main_finite {
        return;
    }
    // A bare form needs a plural subject, which may end before a phrase ("airstrikes near
    // Kharkiv kill"); a form in -s follows its singular subject.
    let mut plural_before = false;
    for i in 1..end {
        plural_before |= matches!(tags[i - 1].xpos, "NNS" | "NNPS");
        let word = words[i];
        let plural_noun = word.len() > 3 && word.ends_with('s') && !word.ends_with("ss");
        let tag = match (tags[i].xpos, tags[i - 1].xpos) {
            ("NN", "NN" | "NNS" | "NNP" | "NNPS") if !plural_noun && plural_before => "VBP",
            ("NNS", "NN" | "NNP") if plural_noun => "VBZ",
            _ => continue,
        };
        // Not a bare noun next: "station attack" goes on a compound, "kill 11" has an object.
        let next_opens = tags.get(i + 1).is_some_and(|t| matches!(t.xpos, "CD" | "DT" | "PRP$" | "PRP" | "JJ" | "RB"));
        if next_opens
            && word.bytes().all(|b| b.is_ascii_lowercase())
            && !in_subordinate_clause(words, tags, i)
            && can_be_verb(word)
        {
            tags[i] = PosTag { upos: "VERB", xpos: tag };
            return;
        }
    }
}

/// Whether word `k` follows a subordinator with only a noun phrase (and auxiliaries or
/// adverbs) between them: "after [Iraq] annexed", "while [Baghdad] has blamed".
fn in_subordinate_clause(words: &[&str], tags: &[PosTag], k: usize) -> bool {
    after_subordinator(words, tags, k, |t| NOUN_PHRASE_TAGS.contains(&t.xpos) || t.upos == "AUX" || t.xpos == "RB")
        .is_some()
}

/// Whether the words before `i` are a noun phrase right after a subordinator.
fn opens_subordinate_clause(words: &[&str], tags: &[PosTag], i: usize) -> bool {
    after_subordinator(words, tags, i, |t| NOUN_PHRASE_TAGS.contains(&t.xpos)).is_some_and(|phrase| phrase > 0)
}

/// How many words right before `i` are words `between` may stand between a subordinator and
/// its clause's verb, when a subordinator comes right before them.
fn after_subordinator(words: &[&str], tags: &[PosTag], i: usize, between: impl Fn(&PosTag) -> bool) -> Option<usize> {
    let n = tags[..i].iter().rev().take_while(|t| between(t)).count();
    (i > n && words.get(i - n - 1).is_some_and(|w| SUBORDINATORS.iter().any(|s| w.eq_ignore_ascii_case(s))))
        .then_some(n)
}

/// Whether a finite verb follows word `i` before the clause ends (punctuation or a conjunction).
fn finite_after(tags: &[PosTag], i: usize) -> bool {
    tags[i + 1..].iter().take_while(|t| t.upos != "PUNCT" && t.upos != "CCONJ").any(is_finite)
}

/// A finite verb or modal: past, present, or "will".
fn is_finite(t: &PosTag) -> bool {
    matches!(t.xpos, "VBD" | "VBZ" | "VBP" | "MD")
}

/// Whether a UPOS tag is an open class (new words join it) rather than a closed one.
fn is_open(upos: &str) -> bool {
    !matches!(upos, "ADP" | "AUX" | "CCONJ" | "DET" | "PART" | "PRON" | "SCONJ")
}

fn class_part(c: Option<usize>) -> u64 {
    c.map_or(u64::MAX, |c| c as u64)
}

/// A training sentence for the tagger: words and their gold tag pairs.
pub(crate) struct TagExample {
    pub words: Vec<String>,
    pub tags: Vec<(String, String)>,
}

/// Trains a tagger (with word table features when given a `table`); calls `dev_score` after
/// each epoch with the frozen model of that epoch and keeps the best one.
pub(crate) fn train(
    train: &[TagExample],
    table: Option<&WordTable>,
    epochs: usize,
    seed: u64,
    prune: (f32, usize),
    mut dev_score: impl FnMut(usize, &Tagger) -> f64,
) -> Result<(Tagger, usize, f64)> {
    // Classes, in first-seen order of a sorted list so that they do not depend on file order.
    let mut names: Vec<(String, String)> = train.iter().flat_map(|s| s.tags.iter().cloned()).collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Err(Error::training("no tagged words in the training data"));
    }
    if names.len() > 255 {
        return Err(Error::training(format!("{} tag pairs; at most 255 are supported", names.len())));
    }
    let index: HashMap<&(String, String), usize> = names.iter().enumerate().map(|(i, n)| (n, i)).collect();
    let classes: Vec<PosTag> = names.iter().map(|(u, x)| PosTag { upos: intern(u), xpos: intern(x) }).collect();
    let gold: Vec<Vec<usize>> = train.iter().map(|s| s.tags.iter().map(|t| index[t]).collect()).collect();

    // Lexicon: words seen at least twice, with the tags that make up at least 5% of their uses.
    let mut counts: HashMap<String, BTreeMap<usize, u32>> = HashMap::new();
    let mut norm = String::new();
    for (s, g) in train.iter().zip(&gold) {
        for (w, &c) in s.words.iter().zip(g) {
            crate::features::normalise(w, &mut norm);
            *counts.entry(norm.clone()).or_default().entry(c).or_default() += 1;
        }
    }
    let mut amb_index: BTreeMap<Vec<u16>, u32> = BTreeMap::new();
    let mut word_amb: Vec<(String, Vec<u16>)> = Vec::new();
    for (word, tags) in counts {
        let total: u32 = tags.values().sum();
        if total < 2 {
            continue;
        }
        let set: Vec<u16> = tags.iter().filter(|&(_, &n)| n * 20 >= total).map(|(&c, _)| c as u16).collect();
        amb_index.insert(set.clone(), 0);
        word_amb.push((word, set));
    }
    let ambiguity: Vec<Vec<u16>> = amb_index.keys().cloned().collect();
    for (i, v) in amb_index.values_mut().enumerate() {
        *v = i as u32 + 1;
    }
    let lexicon = Lexicon::new(word_amb.into_iter().map(|(w, set)| (w, amb_index[&set])).collect());

    let mut model = Averaged::new(classes.len());
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut ctx = TagContext::new();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; classes.len()];
    let mut best: Option<(Tagger, usize, f64)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let words: Vec<&str> = train[k].words.iter().map(String::as_str).collect();
            ctx.fill(&words, &lexicon, table);
            let mut prev = u64::MAX;
            let mut prev2 = u64::MAX;
            for (i, &g) in gold[k].iter().enumerate() {
                ctx.features(i, prev, prev2, &mut feats);
                model.tick();
                model.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                model.update(g, guess, &feats);
                prev2 = prev;
                prev = guess as u64;
            }
        }
        let tagger = Tagger {
            classes: classes.clone(),
            ambiguity: ambiguity.clone(),
            lexicon: lexicon.clone(),
            weights: model.freeze(prune.0, prune.1),
            table: table.cloned(),
        };
        let score = dev_score(epoch, &tagger);
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((tagger, epoch, score));
        }
    }
    best.ok_or_else(|| Error::training("no epochs were run"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_participle_between_subject_and_object_of_a_verbless_sentence_is_past_tense() {
        let tag = |spec: &str| -> Vec<PosTag> {
            spec.split(' ')
                .map(|t| {
                    let (upos, xpos) = t.split_once('/').unwrap();
                    PosTag { upos: intern(upos), xpos: intern(xpos) }
                })
                .collect()
        };
        let mended = |words: &str, spec: &str| {
            let words: Vec<&str> = words.split(' ').collect();
            let mut tags = tag(spec);
            mend_tenses(&words, &mut tags, |_| false);
            tags.iter().map(|t| t.xpos).collect::<Vec<_>>().join(" ")
        };
        assert_eq!(
            mended("Police used water cannon .", "NOUN/NNS VERB/VBN NOUN/NN NOUN/NN PUNCT/."),
            "NNS VBD NN NN ."
        );
        // A finite verb elsewhere: the participle is one ("the man arrested yesterday was freed").
        assert_eq!(
            mended("The man arrested yesterday was freed", "DET/DT NOUN/NN VERB/VBN NOUN/NN AUX/VBD VERB/VBN"),
            "DT NN VBN NN VBD VBN"
        );
        // After an auxiliary, before no object, or a headline in capitals: left.
        assert_eq!(mended("It has been used", "PRON/PRP AUX/VBZ AUX/VBN VERB/VBN"), "PRP VBZ VBN VBN");
        assert_eq!(
            mended("Three people killed in blast", "NUM/CD NOUN/NNS VERB/VBN ADP/IN NOUN/NN"),
            "CD NNS VBN IN NN"
        );
        assert_eq!(mended("POLICE USED GAS", "NOUN/NNS VERB/VBN NOUN/NN"), "NNS VBN NN");
        // An adjective in -ed between them is the same verb; "the wounded soldiers" is not.
        assert_eq!(mended("Troops wounded two soldiers", "NOUN/NNS ADJ/JJ NUM/CD NOUN/NNS"), "NNS VBD CD NNS");
        assert_eq!(
            mended("They saw the wounded soldiers", "PRON/PRP VERB/VBD DET/DT ADJ/JJ NOUN/NNS"),
            "PRP VBD DT JJ NNS"
        );
        // A subordinate clause: its subject, then the participle.
        assert_eq!(
            mended(
                "They fled as security forces used tear gas",
                "PRON/PRP VERB/VBD SCONJ/IN NOUN/NN NOUN/NNS VERB/VBN NOUN/NN NOUN/NN"
            ),
            "PRP VBD IN NN NNS VBD NN NN"
        );
        // Unless a finite verb follows in the clause: "a deal agreed last month lifted ...".
        assert_eq!(
            mended(
                "It left after a deal agreed last month lifted it",
                "PRON/PRP VERB/VBD SCONJ/IN DET/DT NOUN/NN VERB/VBN ADJ/JJ NOUN/NN VERB/VBD PRON/PRP"
            ),
            "PRP VBD IN DT NN VBN JJ NN VBD PRP"
        );
        // A modal, then an adjective, then a noun phrase: the adjective is the verb.
        assert_eq!(
            mended("Chad would free 40 prisoners", "PROPN/NNP AUX/MD ADJ/JJ NUM/CD NOUN/NNS"),
            "NNP MD VB CD NNS"
        );
        assert_eq!(mended("It will be free", "PRON/PRP AUX/MD AUX/VB ADJ/JJ"), "PRP MD VB JJ");
        assert_eq!(mended("Trade would free up", "NOUN/NN AUX/MD ADJ/JJ ADP/RP"), "NN MD JJ RP");
    }

    #[test]
    fn a_closing_reporting_clause_leaves_the_sentence_verbless() {
        let pairs: &[(&str, &str, &str)] = &[
            ("Rebels", "NOUN", "NNS"),
            ("engaged", "VERB", "VBN"),
            ("the", "DET", "DT"),
            ("peacekeepers", "NOUN", "NNS"),
            (",", "PUNCT", ","),
            ("military", "ADJ", "JJ"),
            ("officials", "NOUN", "NNS"),
            ("said", "VERB", "VBD"),
            (".", "PUNCT", "."),
        ];
        let words: Vec<&str> = pairs.iter().map(|p| p.0).collect();
        let tags = || pairs.iter().map(|p| PosTag { upos: p.1, xpos: p.2 }).collect::<Vec<_>>();
        let mut mended = tags();
        mend_tenses(&words, &mut mended, |_| false);
        assert_eq!(mended[1].xpos, "VBD");
        // A closing clause that says more than who reported keeps its verb in count.
        let mut words = words.clone();
        words[7] = "left";
        let mut kept = tags();
        mend_tenses(&words, &mut kept, |_| false);
        assert_eq!(kept[1].xpos, "VBN");
    }

    #[test]
    fn a_present_tense_taken_for_a_noun_in_a_verbless_main_clause_is_a_verb() {
        let tagged = |pairs: &[(&'static str, &'static str)]| -> (Vec<&'static str>, Vec<PosTag>) {
            let words = pairs.iter().map(|p| p.0).collect();
            let tags = pairs
                .iter()
                .map(|p| PosTag { upos: if p.1.starts_with('V') { "VERB" } else { "X" }, xpos: p.1 })
                .collect();
            (words, tags)
        };
        let verbs = |w: &str| w != "prices";
        let xpos = |tags: &[PosTag]| tags.iter().map(|t| t.xpos).collect::<Vec<_>>();
        // A plural subject before a phrase: the bare form.
        let (words, mut tags) = tagged(&[
            ("Russian", "JJ"),
            ("airstrikes", "NNS"),
            ("near", "IN"),
            ("Kharkiv", "NNP"),
            ("kill", "NN"),
            ("11", "CD"),
            ("civilians", "NNS"),
        ]);
        mend_tenses(&words, &mut tags, verbs);
        assert_eq!(xpos(&tags)[4], "VBP");
        // The form in -s after its singular subject; the finite verbs of the sentence are in
        // subordinate clauses.
        let (words, mut tags) = tagged(&[
            ("The", "DT"),
            ("row", "NN"),
            ("flares", "NNS"),
            ("again", "RB"),
            ("after", "IN"),
            ("Iraq", "NNP"),
            ("annexed", "VBD"),
            ("Kuwait", "NNP"),
        ]);
        mend_tenses(&words, &mut tags, verbs);
        assert_eq!(xpos(&tags)[2], "VBZ");
        // Left alone: a main clause with its own finite verb, a noun the training data never
        // saw as a verb, a compound at the end, a word in capitals.
        for pairs in [
            &[("Oil", "NN"), ("prices", "NNS"), ("rose", "VBD"), ("sharply", "RB")][..],
            &[("The", "DT"), ("oil", "NN"), ("prices", "NNS"), ("this", "DT"), ("week", "NN")][..],
            &[("Police", "NNS"), ("station", "NN"), ("attack", "NN")][..],
            &[("Police", "NNS"), ("BLOCK", "NN"), ("the", "DT"), ("road", "NN")][..],
        ] {
            let (words, mut tags) = tagged(pairs);
            let before = xpos(&tags);
            mend_tenses(&words, &mut tags, verbs);
            assert_eq!(xpos(&tags), before, "{words:?}");
        }
    }

    #[test]
    fn unknown_plain_words_get_no_closed_class() {
        // After "Union" this tiny treebank only ever has a preposition, so context alone says
        // ADP for whatever follows; a word the lexicon lacks must still get an open class.
        let sentence = |words: &[&str], tags: &[(&str, &str)]| TagExample {
            words: words.iter().map(|w| w.to_string()).collect(),
            tags: tags.iter().map(|&(u, x)| (u.to_string(), x.to_string())).collect(),
        };
        let (det, propn, adp, noun, verb, punct) =
            (("DET", "DT"), ("PROPN", "NNP"), ("ADP", "IN"), ("NOUN", "NNS"), ("VERB", "VBD"), ("PUNCT", "."));
        let mut train_set = Vec::new();
        for _ in 0..3 {
            for prep in ["of", "in", "at", "on", "by", "to", "for", "from"] {
                train_set.push(sentence(&["The", "Union", prep, "states", "."], &[det, propn, adp, noun, punct]));
            }
            train_set.push(sentence(&["The", "states", "met", "."], &[det, noun, verb, punct]));
        }
        let (tagger, _, _) = train(&train_set, None, 5, 1, (0.0, 0), |_, _| 0.0).expect("trains");
        let tags = tagger.predict(&["The", "Union", "froze", "aid", "."]);
        assert!(is_open(tags[2].upos), "an unknown word got {:?}", tags[2]);
        // Known words keep their closed classes, and so do spellings with other characters.
        assert_eq!(tagger.predict(&["The", "Union", "by", "states", "."])[2].upos, "ADP");
        assert!(!is_open(tagger.predict(&["The", "Union", "o'", "states", "."])[2].upos));
    }

    #[test]
    fn word_table_features_follow_clusters_and_capitalisation() {
        let mut table = WordTable::default();
        table.add_word("invade", WordInfo { clusters: [1, 2, 3], caps: 0 });
        table.add_word("annex", WordInfo { clusters: [1, 2, 3], caps: 0 });
        table.add_word("moscow", WordInfo { clusters: [4, 5, 6], caps: 4 });
        let lexicon = Lexicon::default();
        let mut ctx = TagContext::new();
        let mut feats = |words: &[&str], i: usize, table: Option<&WordTable>| {
            ctx.fill(words, &lexicon, table);
            let mut out = Vec::new();
            ctx.features(i, 0, 0, &mut out);
            out
        };
        let invade = feats(&["they", "invade"], 1, Some(&table));
        let annex = feats(&["they", "annex"], 1, Some(&table));
        let plain = feats(&["they", "invade"], 1, None);
        let cluster = key(38, &[2]);
        assert!(invade.contains(&cluster) && annex.contains(&cluster), "same cluster, same feature");
        assert!(!plain.contains(&cluster) && plain.len() < invade.len(), "no table, no table features");
        let moscow = feats(&["should", "Moscow"], 1, Some(&table));
        let caps = key(42, &[4, crate::features::FLAG_UPPER_INITIAL, 0]);
        assert!(moscow.contains(&caps), "a word news always capitalises says so");
    }
}
