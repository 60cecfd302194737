//! The dependency parser: greedy arc-hybrid transitions with labelled arcs, scored by an
//! averaged perceptron and trained with a dynamic oracle (the learner is allowed to follow its
//! own mistakes and is taught the best move from wherever it ends up).
//!
//! The transition system: a stack (starting with the artificial root, index 0), a buffer of
//! words, and three moves. SHIFT pushes the buffer front; LEFT(l) pops the stack top and makes
//! it a dependent of the buffer front; RIGHT(l) pops the stack top and makes it a dependent of
//! the item below it. RIGHT onto the root is allowed only as the very last move, so every tree
//! has exactly one root word.

use crate::codec::{Reader, Writer};
use crate::features::{WordParts, intern, normalise};
use crate::hash::{hash_str, key};
use crate::perceptron::{Averaged, ClassSums, Weights, argmax_where};
use crate::tagger::PosTag;
use crate::wordtable::WordTable;
use crate::{Error, Result};

/// Model kind of the parser's files (4 was a "split" parser with a separate relation model,
/// less accurate and no longer made or read).
const KIND: u8 = 2;
const NONE: usize = usize::MAX;

/// A predicted head and relation for one word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arc {
    /// 1-based index of the head word in the sentence, 0 for the root.
    pub head: usize,
    /// Dependency relation (`nsubj`, `obl:tmod`, `root`).
    pub deprel: &'static str,
}

/// The dependency parser: one model scores every move with its relation (SHIFT, LEFT(l),
/// RIGHT(l)). A model trained with a [`WordTable`] carries it in its file and adds features
/// on the word clusters of the stack and buffer words.
#[derive(Clone, Debug)]
pub struct Parser {
    labels: Vec<&'static str>,
    moves: Weights,
    table: Option<WordTable>,
}

/// A move of the transition system.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Move {
    Shift,
    Left(u16),
    Right(u16),
}

impl Move {
    fn from_class(c: usize, n_labels: usize) -> Move {
        if c == 0 {
            Move::Shift
        } else if c <= n_labels {
            Move::Left((c - 1) as u16)
        } else {
            Move::Right((c - 1 - n_labels) as u16)
        }
    }
}

/// A parser configuration over words `1..=n` (0 is the root).
pub(crate) struct State {
    n: usize,
    stack: Vec<usize>,
    next: usize,
    pub(crate) heads: Vec<usize>,
    pub(crate) labels: Vec<u16>,
    lefts: Vec<[usize; 2]>,
    rights: Vec<[usize; 2]>,
    n_left: Vec<u8>,
    n_right: Vec<u8>,
    left_set: Vec<u64>,
    right_set: Vec<u64>,
}

/// Which dependents of a word: those before it or those after it.
#[derive(Clone, Copy)]
enum Side {
    Left,
    Right,
}

/// Everything the features read of a word's dependents (see [`GroupSums`]).
#[derive(Clone, Copy, PartialEq, Eq)]
struct Dependents {
    word: usize,
    closest: [[usize; 2]; 2],
    counts: [u8; 2],
    label_sets: [u64; 2],
}

impl State {
    pub(crate) fn new(n: usize) -> State {
        State {
            n,
            stack: vec![0],
            next: 1,
            heads: vec![NONE; n + 1],
            labels: vec![0; n + 1],
            lefts: vec![[NONE; 2]; n + 1],
            rights: vec![[NONE; 2]; n + 1],
            n_left: vec![0; n + 1],
            n_right: vec![0; n + 1],
            left_set: vec![0; n + 1],
            right_set: vec![0; n + 1],
        }
    }

    /// The `k`-th outermost dependent of `x` on `side` (0: the outermost), or NONE.
    fn child(&self, x: usize, side: Side, k: usize) -> usize {
        match (x, side) {
            (NONE, _) => NONE,
            (_, Side::Left) => self.lefts[x][k],
            (_, Side::Right) => self.rights[x][k],
        }
    }

    /// How many dependents `x` has on `side` (99 for no word).
    fn valency(&self, x: usize, side: Side) -> u64 {
        match (x, side) {
            (NONE, _) => 99,
            (_, Side::Left) => u64::from(self.n_left[x]),
            (_, Side::Right) => u64::from(self.n_right[x]),
        }
    }

    /// The set of relations of `x`'s dependents on `side`, as bits (1 for no word).
    fn label_set(&self, x: usize, side: Side) -> u64 {
        match (x, side) {
            (NONE, _) => 1,
            (_, Side::Left) => self.left_set[x],
            (_, Side::Right) => self.right_set[x],
        }
    }

    /// The relation of `x` to its head (1000 for no word).
    fn label(&self, x: usize) -> u64 {
        if x == NONE { 1000 } else { u64::from(self.labels[x]) }
    }

    /// What the features read of `x`'s dependents, to tell whether a group's sum still holds.
    fn dependents(&self, x: usize) -> Dependents {
        if x == NONE {
            return Dependents { word: NONE, closest: [[NONE; 2]; 2], counts: [0; 2], label_sets: [0; 2] };
        }
        Dependents {
            word: x,
            closest: [self.lefts[x], self.rights[x]],
            counts: [self.n_left[x], self.n_right[x]],
            label_sets: [self.left_set[x], self.right_set[x]],
        }
    }

    pub(crate) fn is_terminal(&self) -> bool {
        self.next > self.n && self.stack.len() <= 1
    }

    pub(crate) fn s(&self, k: usize) -> usize {
        if k < self.stack.len() { self.stack[self.stack.len() - 1 - k] } else { NONE }
    }

    pub(crate) fn b(&self, k: usize) -> usize {
        if self.next + k <= self.n { self.next + k } else { NONE }
    }

    pub(crate) fn can_shift(&self) -> bool {
        self.next <= self.n
    }

    pub(crate) fn can_left(&self) -> bool {
        self.next <= self.n && self.stack.len() >= 2
    }

    pub(crate) fn can_right(&self) -> bool {
        self.stack.len() >= 3 || (self.stack.len() == 2 && self.next > self.n)
    }

    #[cfg(test)]
    pub(crate) fn is_valid(&self, m: Move) -> bool {
        match m {
            Move::Shift => self.can_shift(),
            Move::Left(_) => self.can_left(),
            Move::Right(_) => self.can_right(),
        }
    }

    fn attach(&mut self, head: usize, dep: usize, label: u16) {
        self.heads[dep] = head;
        self.labels[dep] = label;
        let bit = 1u64 << (label % 64);
        if dep < head {
            self.n_left[head] = self.n_left[head].saturating_add(1);
            self.left_set[head] |= bit;
            let l = &mut self.lefts[head];
            if l[0] == NONE || dep < l[0] {
                l[1] = l[0];
                l[0] = dep;
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
        } else {
            self.n_right[head] = self.n_right[head].saturating_add(1);
            self.right_set[head] |= bit;
            let r = &mut self.rights[head];
            if r[0] == NONE || dep > r[0] {
                r[1] = r[0];
                r[0] = dep;
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
        }
    }

    /// Applies a valid move.
    pub(crate) fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Move::Left(l) => {
                if let Some(s0) = self.stack.pop() {
                    self.attach(self.next, s0, l);
                }
            }
            Move::Right(l) => {
                if let Some(s0) = self.stack.pop() {
                    let s1 = self.s(0);
                    self.attach(s1, s0, l);
                }
            }
        }
    }

    /// The cost of each move type (SHIFT, LEFT, RIGHT) against gold heads: how many gold arcs
    /// it makes unreachable. Labels are handled by [`State::move_cost`].
    pub(crate) fn costs(&self, gold: &[usize]) -> [usize; 3] {
        let s0 = self.s(0);
        let s1 = self.s(1);
        let b0 = self.b(0);
        let in_buffer = |x: usize| x != NONE && x >= self.next && x <= self.n;
        let deps_in_buffer = |h: usize| (self.next..=self.n).filter(|&d| gold[d] == h).count();
        let mut shift = 0;
        if self.can_shift() {
            for &k in &self.stack {
                if gold[k] == b0 {
                    shift += 1;
                }
                if gold[b0] == k && k != s0 {
                    shift += 1;
                }
            }
        }
        let mut left = 0;
        if self.can_left() {
            left = deps_in_buffer(s0);
            let h = gold[s0];
            if h != b0 && (h == s1 || in_buffer(h)) {
                left += 1;
            }
        }
        let mut right = 0;
        if self.can_right() {
            right = deps_in_buffer(s0);
            let h = gold[s0];
            if h != s1 && in_buffer(h) {
                right += 1;
            }
        }
        [shift, left, right]
    }

    /// The cost of move `m` with labels: the arc cost plus one for a correct arc with a wrong
    /// label.
    pub(crate) fn move_cost(&self, m: Move, costs: &[usize; 3], gold: &[usize], gold_labels: &[u16]) -> usize {
        let s0 = self.s(0);
        match m {
            Move::Shift => costs[0],
            Move::Left(l) => costs[1] + usize::from(gold[s0] == self.b(0) && gold_labels[s0] != l),
            Move::Right(l) => costs[2] + usize::from(gold[s0] == self.s(1) && gold_labels[s0] != l),
        }
    }
}

/// Hashed parts of each word, index 0 being the root.
pub(crate) struct ParseContext {
    w: Vec<u64>,
    t: Vec<u64>,
    u: Vec<u64>,
    /// Coarse and middle word clusters (0: a word the table lacks), when there is a table.
    c: Vec<[u64; 2]>,
    clusters: bool,
    scratch: String,
}

impl ParseContext {
    pub(crate) fn new() -> ParseContext {
        ParseContext {
            w: Vec::new(),
            t: Vec::new(),
            u: Vec::new(),
            c: Vec::new(),
            clusters: false,
            scratch: String::new(),
        }
    }

    /// Computes the words' features. `parts`, when given, are the tagger's parts of the words
    /// (padded by two on each side): their `norm` is the hashed normalised word this needs.
    pub(crate) fn fill(
        &mut self,
        words: &[&str],
        tags: &[PosTag],
        parts: Option<&[WordParts]>,
        table: Option<&WordTable>,
    ) {
        let parts = parts.filter(|p| p.len() == words.len() + 4);
        self.w.clear();
        self.t.clear();
        self.u.clear();
        self.c.clear();
        self.w.push(1);
        self.t.push(1);
        self.u.push(1);
        self.c.push([1 << 20; 2]);
        for (i, word) in words.iter().enumerate() {
            let norm = match parts {
                Some(parts) => parts[i + 2].norm,
                None => {
                    normalise(word, &mut self.scratch);
                    hash_str(&self.scratch)
                }
            };
            self.w.push(norm);
            let tag = tags.get(i).copied().unwrap_or(PosTag { upos: "X", xpos: "_" });
            self.t.push(hash_str(tag.xpos));
            self.u.push(hash_str(tag.upos));
            if let Some(table) = table {
                let c = table.word(norm).map_or([0; 3], |info| info.clusters);
                self.c.push([u64::from(c[0]), u64::from(c[1])]);
            }
        }
        self.clusters = table.is_some();
    }

    fn w(&self, x: usize) -> u64 {
        if x == NONE { 2 } else { self.w[x] }
    }

    fn t(&self, x: usize) -> u64 {
        if x == NONE { 2 } else { self.t[x] }
    }

    fn u(&self, x: usize) -> u64 {
        if x == NONE { 2 } else { self.u[x] }
    }

    /// Coarse (0) or middle (1) cluster of word `x`.
    fn c(&self, x: usize, level: usize) -> u64 {
        if x == NONE { 1 << 21 } else { self.c[x][level] }
    }

    /// Every feature of the configuration, as training needs them. They fall in groups by
    /// what they read, so that a parse can keep the sums of the groups a move leaves as they
    /// were (see [`GroupSums`]).
    fn features(&self, st: &State, out: &mut Vec<u32>) {
        out.clear();
        self.buffer_features(st, out);
        self.front_children_features(st, out);
        self.stack_features(st, out);
        self.top_children_features(st, out);
        self.joint_features(st, out);
    }

    /// The words and tags of the first three buffer words, and the bias (template 0): the
    /// same until the next SHIFT. Word clusters (Koo et al. 2008), here and in the other
    /// groups, stand in for words too rare in the treebank to have weights of their own.
    fn buffer_features(&self, st: &State, out: &mut Vec<u32>) {
        let (b0, b1, b2) = (st.b(0), st.b(1), st.b(2));
        let (b0w, b0t, b1w, b1t) = (self.w(b0), self.t(b0), self.w(b1), self.t(b1));
        out.extend([
            key(0, &[]),
            key(7, &[b0w]),
            key(8, &[b0t]),
            key(9, &[b0w, b0t]),
            key(10, &[b1w]),
            key(11, &[b1t]),
            key(12, &[b1w, b1t]),
            key(13, &[self.t(b2)]),
            key(15, &[self.w(b2)]),
            key(27, &[b0t, b1t]),
            key(28, &[b0t, b1t, self.t(b2)]),
            key(69, &[self.u(b0), self.u(b1)]),
        ]);
        if self.clusters {
            out.extend([key(77, &[self.c(b0, 1)]), key(78, &[self.c(b1, 1)])]);
        }
    }

    /// The buffer front with its left dependents: the same until a SHIFT or a LEFT.
    fn front_children_features(&self, st: &State, out: &mut Vec<u32>) {
        let b0 = st.b(0);
        let (b0l1, b0l2) = (st.child(b0, Side::Left, 0), st.child(b0, Side::Left, 1));
        let (b0w, b0t) = (self.w(b0), self.t(b0));
        let lab = |x| st.label(x);
        out.extend([
            key(38, &[b0t, self.t(b0l1), self.t(b0l2)]),
            key(49, &[b0w, st.valency(b0, Side::Left)]),
            key(50, &[b0t, st.valency(b0, Side::Left)]),
            key(57, &[self.w(b0l1)]),
            key(58, &[self.t(b0l1)]),
            key(59, &[lab(b0l1)]),
            key(62, &[lab(b0l2)]),
            key(65, &[b0t, st.label_set(b0, Side::Left)]),
            key(74, &[b0t, lab(b0l1), lab(b0l2)]),
        ]);
    }

    /// The words and tags of the three top stack words: the same whenever the same three
    /// words are on top.
    fn stack_features(&self, st: &State, out: &mut Vec<u32>) {
        let (s0, s1, s2) = (st.s(0), st.s(1), st.s(2));
        let (s0w, s0t, s1w, s1t) = (self.w(s0), self.t(s0), self.w(s1), self.t(s1));
        out.extend([
            key(1, &[s0w]),
            key(2, &[s0t]),
            key(3, &[s0w, s0t]),
            key(4, &[s1w]),
            key(5, &[s1t]),
            key(6, &[s1w, s1t]),
            key(14, &[self.t(s2)]),
            key(23, &[s1t, s0t]),
            key(24, &[s1w, s0w]),
            key(25, &[s1t, s0w]),
            key(26, &[s1w, s0t]),
            key(31, &[self.t(s2), s1t, s0t]),
        ]);
        if self.clusters {
            out.extend([
                key(76, &[self.c(s0, 1)]),
                key(79, &[self.c(s1, 1)]),
                key(83, &[self.c(s1, 0), self.c(s0, 0)]),
            ]);
        }
    }

    /// The stack top with its dependents: the same until it is popped or given one.
    fn top_children_features(&self, st: &State, out: &mut Vec<u32>) {
        let s0 = st.s(0);
        let (s0l1, s0l2) = (st.child(s0, Side::Left, 0), st.child(s0, Side::Left, 1));
        let (s0r1, s0r2) = (st.child(s0, Side::Right, 0), st.child(s0, Side::Right, 1));
        let (s0w, s0t) = (self.w(s0), self.t(s0));
        let (vl, vr) = (st.valency(s0, Side::Left), st.valency(s0, Side::Right));
        let lab = |x| st.label(x);
        out.extend([
            key(36, &[s0t, self.t(s0l1), self.t(s0l2)]),
            key(37, &[s0t, self.t(s0r1), self.t(s0r2)]),
            key(45, &[s0w, vr]),
            key(46, &[s0t, vr]),
            key(47, &[s0w, vl]),
            key(48, &[s0t, vl]),
            key(51, &[self.w(s0l1)]),
            key(52, &[self.t(s0l1)]),
            key(53, &[lab(s0l1)]),
            key(54, &[self.w(s0r1)]),
            key(55, &[self.t(s0r1)]),
            key(56, &[lab(s0r1)]),
            key(60, &[lab(s0l2)]),
            key(61, &[lab(s0r2)]),
            key(63, &[s0w, st.label_set(s0, Side::Right)]),
            key(64, &[s0t, st.label_set(s0, Side::Left)]),
            key(68, &[s0t, st.label_set(s0, Side::Right)]),
            key(72, &[s0t, lab(s0l1), lab(s0l2)]),
            key(73, &[s0t, lab(s0r1), lab(s0r2)]),
        ]);
    }

    /// The features that join the stack and the buffer: they change with every move, so
    /// each costs a lookup per move. Twelve more (the word and tag pairs of the stack top and
    /// the buffer front, most of the distance features) were dropped in the thirteenth
    /// session: retrained without them, the parser scored higher on EWT dev (LAS 81.55 with
    /// seed 1, 81.64 with the shipped seed 2, against 81.21) and parsed a quarter faster, since
    /// the templates left already carry what they said.
    fn joint_features(&self, st: &State, out: &mut Vec<u32>) {
        let (w, t, u) = (|x| self.w(x), |x| self.t(x), |x| self.u(x));
        let (s0, s1, b0, b1) = (st.s(0), st.s(1), st.b(0), st.b(1));
        let s0l1 = st.child(s0, Side::Left, 0);
        let (b0l1, s1r1) = (st.child(b0, Side::Left, 0), st.child(s1, Side::Right, 0));
        let dist = if s0 == NONE || b0 == NONE {
            0
        } else {
            match b0 - s0 {
                d @ 1..=4 => d as u64,
                5..=9 => 5,
                _ => 6,
            }
        };
        let (s0w, s0t, s1t, b0w, b0t, b1t) = (w(s0), t(s0), t(s1), w(b0), t(b0), t(b1));
        out.extend([
            key(22, &[s0t, b0w]),
            key(29, &[s0t, b0t, b1t]),
            key(30, &[s1t, s0t, b0t]),
            key(32, &[s0t, t(s0l1), b0t]),
            key(34, &[s0t, b0t, t(b0l1)]),
            key(35, &[s1t, t(s1r1), s0t]),
            key(39, &[dist, s0w]),
            key(40, &[dist, s0t]),
            key(41, &[dist, b0w]),
            key(66, &[u(s0), u(b0)]),
            key(67, &[u(s1), u(s0), u(b0)]),
            key(70, &[st.label(s1r1), s1t]),
        ]);
        if self.clusters {
            out.extend([
                key(80, &[self.c(s0, 1), b0t]),
                key(81, &[s0t, self.c(b0, 1)]),
                key(82, &[self.c(s0, 0), self.c(b0, 0)]),
            ]);
        }
    }
}

/// A sum of weight rows and the inputs it was added up for.
struct Held<K> {
    inputs: Option<K>,
    sum: ClassSums,
}

impl<K> Default for Held<K> {
    fn default() -> Held<K> {
        Held { inputs: None, sum: ClassSums::default() }
    }
}

impl<K: PartialEq> Held<K> {
    /// True when the held sum was not added up for `inputs`.
    fn is_stale(&self, inputs: &K) -> bool {
        self.inputs.as_ref() != Some(inputs)
    }

    /// The sum for `inputs`, afresh from the rows found for its features.
    fn refill(&mut self, inputs: K, weights: &Weights, rows: &[u32]) {
        self.sum.clear(weights.n_classes());
        weights.add_found(rows, &mut self.sum);
        self.inputs = Some(inputs);
    }
}

/// The sums of the feature groups, kept between the moves of a parse (integer sums do not
/// depend on their order, so the scores are exactly those of all features at once). The
/// stack groups are kept per stack depth: a pop returns to the depth below, whose sums are
/// still there. A SHIFT changes every group; an arc (a pop) leaves the buffer words and the
/// words below the popped one as they were, a LEFT also the new top's dependents, a RIGHT
/// the buffer front's.
#[derive(Default)]
struct GroupSums {
    buffer: Held<usize>,
    front_children: Held<Dependents>,
    stack: Vec<Held<[usize; 3]>>,
    top_children: Vec<Held<Dependents>>,
    total: ClassSums,
    /// The rows found for the features of one move.
    rows: Vec<u32>,
}

impl GroupSums {
    /// Scores of every move in `st`. The features of every group that changed and of the
    /// joint group are looked up in one batch, so that all their cache misses overlap.
    fn score(&mut self, weights: &Weights, ctx: &ParseContext, st: &State, feats: &mut Vec<u32>, scores: &mut [i32]) {
        let n = scores.len();
        let depth = st.stack.len();
        if self.stack.len() <= depth {
            self.stack.resize_with(depth + 1, Held::default);
            self.top_children.resize_with(depth + 1, Held::default);
        }
        let (b0, s0) = (st.b(0), st.s(0));
        let (stack, top) = (&mut self.stack[depth], &mut self.top_children[depth]);
        let inputs = (st.next, st.dependents(b0), [s0, st.s(1), st.s(2)], st.dependents(s0));
        // Where each group's features end in `feats` (empty for a group still current).
        let mut ends = [0usize; 4];
        feats.clear();
        if self.buffer.is_stale(&inputs.0) {
            ctx.buffer_features(st, feats);
        }
        ends[0] = feats.len();
        if self.front_children.is_stale(&inputs.1) {
            ctx.front_children_features(st, feats);
        }
        ends[1] = feats.len();
        if stack.is_stale(&inputs.2) {
            ctx.stack_features(st, feats);
        }
        ends[2] = feats.len();
        if top.is_stale(&inputs.3) {
            ctx.top_children_features(st, feats);
        }
        ends[3] = feats.len();
        ctx.joint_features(st, feats);
        self.rows.resize(feats.len(), 0);
        weights.find_rows(feats, &mut self.rows);
        let rows = &self.rows;
        let group = |g: usize| &rows[if g == 0 { 0 } else { ends[g - 1] }..ends[g]];
        if ends[0] > 0 {
            self.buffer.refill(inputs.0, weights, group(0));
        }
        if ends[1] > ends[0] {
            self.front_children.refill(inputs.1, weights, group(1));
        }
        if ends[2] > ends[1] {
            stack.refill(inputs.2, weights, group(2));
        }
        if ends[3] > ends[2] {
            top.refill(inputs.3, weights, group(3));
        }
        self.total.set_sum(&[&self.buffer.sum, &self.front_children.sum, &stack.sum, &top.sum], n);
        weights.add_found(&rows[ends[3]..], &mut self.total);
        scores.copy_from_slice(&self.total.0[..n]);
    }
}

/// The best-scoring allowed class, ties to the lowest (as [`argmax_where`] gives), when
/// `allowed` says which of SHIFT (class 0), LEFT (1..=`nl`) and RIGHT (the rest) are valid.
/// Each move's classes are a run, so the run's maximum is found by a vectorised scan
/// instead of testing every class (3% of a parse's instructions).
fn best_move(scores: &[i32], nl: usize, allowed: [bool; 3]) -> Option<usize> {
    let runs = [0..1, 1..nl + 1, nl + 1..2 * nl + 1];
    let mut best: Option<(usize, i32)> = None;
    for (run, ok) in runs.into_iter().zip(allowed) {
        let Some(run_scores) = scores.get(run.clone()).filter(|_| ok) else { continue };
        let Some(&max) = run_scores.iter().max() else { continue };
        if best.is_some_and(|(_, b)| max <= b) {
            continue;
        }
        let at = run_scores.iter().position(|&s| s == max).unwrap_or(0);
        best = Some((run.start + at, max));
    }
    best.map(|b| b.0)
}

impl Parser {
    /// Parses a tagged sentence: one head and relation per word.
    pub fn predict(&self, words: &[&str], tags: &[PosTag]) -> Vec<Arc> {
        let mut ctx = ParseContext::new();
        self.predict_with(words, tags, None, &mut ctx)
    }

    pub(crate) fn predict_with(
        &self,
        words: &[&str],
        tags: &[PosTag],
        parts: Option<&[WordParts]>,
        ctx: &mut ParseContext,
    ) -> Vec<Arc> {
        let n = words.len();
        ctx.fill(words, tags, parts, self.table.as_ref());
        let nl = self.labels.len();
        let mut st = State::new(n);
        let mut feats = Vec::with_capacity(96);
        let mut scores = vec![0i32; 1 + 2 * nl];
        let mut sums = GroupSums::default();
        while !st.is_terminal() {
            let (sh, le, ri) = (st.can_shift(), st.can_left(), st.can_right());
            // Moves that need no scoring: SHIFT when only the root is on the stack, and the
            // last move, which attaches the one word left to the root (its relation is
            // `root` whatever the label).
            if sh && !le && !ri {
                st.apply(Move::Shift);
                continue;
            }
            if !sh && st.s(1) == 0 {
                st.apply(Move::Right(0));
                continue;
            }
            sums.score(&self.moves, ctx, &st, &mut feats, &mut scores);
            let Some(c) = best_move(&scores, nl, [sh, le, ri]) else { break };
            st.apply(Move::from_class(c, nl));
        }
        let root_label = self.labels.iter().position(|&l| l == "root");
        (1..=n)
            .map(|i| {
                let head = st.heads[i];
                if head == NONE || head == 0 {
                    // Never left without a head: the root's relation is always `root`.
                    Arc { head: if head == NONE { 0 } else { head }, deprel: "root" }
                } else {
                    let l = st.labels[i] as usize;
                    let deprel = self.labels.get(l).copied().unwrap_or("dep");
                    let deprel = if Some(l) == root_label { "dep" } else { deprel };
                    Arc { head, deprel }
                }
            })
            .collect()
    }

    /// Number of stored features and weights.
    pub fn size(&self) -> (usize, usize) {
        self.moves.size()
    }

    /// The mean of parsers trained on the same relations (different seeds, say): one parser
    /// that scores each move with the mean of their scores, its weights pruned to the
    /// `max_weights` largest (0: no limit).
    pub fn mean(parsers: &[Parser], max_weights: usize) -> Result<Parser> {
        let first = parsers.first().ok_or_else(|| Error::model("no parsers to average"))?;
        if parsers.iter().any(|p| p.labels != first.labels || p.table.is_some() != first.table.is_some()) {
            return Err(Error::model("parsers to average differ in relations or word table"));
        }
        let weights: Vec<&Weights> = parsers.iter().map(|p| &p.moves).collect();
        Ok(Parser {
            labels: first.labels.clone(),
            moves: Weights::mean(&weights, max_weights)?,
            table: first.table.clone(),
        })
    }

    /// Serialises the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut w = Writer::with_header(KIND);
        let names: Vec<String> = self.labels.iter().map(|s| s.to_string()).collect();
        w.strs(&names);
        self.moves.write(&mut w);
        if let Some(table) = &self.table {
            table.write(&mut w);
        }
        w.into_bytes()
    }

    /// Reads a model written by [`Parser::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Parser> {
        let mut r = Reader::with_header(bytes, KIND)?;
        let labels: Vec<&'static str> = r.strs()?.into_iter().map(intern).collect();
        let moves = Weights::read(&mut r)?;
        let table = if r.remaining() > 0 { Some(WordTable::read(&mut r)?) } else { None };
        r.finish()?;
        if moves.n_classes() != 1 + 2 * labels.len() {
            return Err(Error::model("parser weights and labels disagree"));
        }
        Ok(Parser { labels, moves, table })
    }
}

/// A training sentence for the parser.
pub(crate) struct ParseExample {
    pub words: Vec<String>,
    pub tags: Vec<PosTag>,
    /// Gold head of each word, index 0 unused (the root).
    pub heads: Vec<usize>,
    pub deprels: Vec<String>,
}

/// Trains a parser (with cluster features when given a word `table`); `dev_score` is called
/// after each epoch with that epoch's frozen model.
pub(crate) fn train(
    train: &[ParseExample],
    table: Option<&WordTable>,
    epochs: usize,
    seed: u64,
    prune: (f32, usize),
    explore: f64,
    mut dev_score: impl FnMut(usize, &Parser) -> f64,
) -> Result<(Parser, usize, f64)> {
    let mut names: Vec<String> = train.iter().flat_map(|s| s.deprels.iter().cloned()).collect();
    names.sort();
    names.dedup();
    if names.is_empty() {
        return Err(Error::training("no dependency relations in the training data"));
    }
    if 1 + 2 * names.len() > 255 {
        return Err(Error::training(format!("{} relations; at most 127 are supported", names.len())));
    }
    let labels: Vec<&'static str> = names.iter().map(|s| intern(s)).collect();
    let nl = labels.len();
    let gold_labels: Vec<Vec<u16>> = train
        .iter()
        .map(|s| {
            std::iter::once(0)
                .chain(s.deprels.iter().map(|d| labels.iter().position(|l| l == d).unwrap_or(0) as u16))
                .collect()
        })
        .collect();
    let mut model = Averaged::new(1 + 2 * nl);
    let mut order: Vec<usize> = (0..train.len()).collect();
    let mut rng = crate::train::Rng::new(seed);
    let mut ctx = ParseContext::new();
    let mut feats = Vec::new();
    let mut scores = vec![0f32; 1 + 2 * nl];
    let mut best: Option<(Parser, usize, f64)> = None;
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &k in &order {
            let ex = &train[k];
            let words: Vec<&str> = ex.words.iter().map(String::as_str).collect();
            let n = words.len();
            if ex.heads.len() != n + 1 || ex.heads.iter().skip(1).any(|&h| h > n) {
                continue;
            }
            ctx.fill(&words, &ex.tags, None, table);
            let gl = &gold_labels[k];
            let mut st = State::new(n);
            while !st.is_terminal() {
                ctx.features(&st, &mut feats);
                model.score(&feats, &mut scores);
                let costs = st.costs(&ex.heads);
                let (sh, le, ri) = (st.can_shift(), st.can_left(), st.can_right());
                let allowed = |c: usize| {
                    if c == 0 {
                        sh
                    } else if c <= nl {
                        le
                    } else {
                        ri
                    }
                };
                let cost = |c: usize| st.move_cost(Move::from_class(c, nl), &costs, &ex.heads, gl);
                let min = (0..scores.len()).filter(|&c| allowed(c)).map(cost).min().unwrap_or(0);
                let Some(pred) = argmax_where(&scores, allowed) else { break };
                let Some(best_gold) = argmax_where(&scores, |c| allowed(c) && cost(c) == min) else { break };
                model.tick();
                let pred_cost = cost(pred);
                if pred_cost > min {
                    model.update(best_gold, pred, &feats);
                }
                let follow = if pred_cost == min || (epoch > 1 && rng.next_f64() < explore) { pred } else { best_gold };
                st.apply(Move::from_class(follow, nl));
            }
        }
        let parser = Parser { labels: labels.clone(), moves: model.freeze(prune.0, prune.1), table: table.cloned() };
        let score = dev_score(epoch, &parser);
        if best.as_ref().is_none_or(|b| score > b.2) {
            best = Some((parser, epoch, score));
        }
    }
    best.ok_or_else(|| Error::training("no epochs were run"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::train::Rng;

    /// A random projective tree over `n` words: heads[0] unused.
    fn projective_tree(n: usize, rng: &mut Rng) -> Vec<usize> {
        let mut heads = vec![0; n + 1];
        // The root word, then its left and right spans.
        let r = 1 + (rng.next_u64() as usize) % n;
        heads[r] = 0;
        if r > 1 {
            build_span(1, r - 1, r, &mut heads, rng);
        }
        if r < n {
            build_span(r + 1, n, r, &mut heads, rng);
        }
        heads
    }

    fn build_span(lo: usize, hi: usize, head: usize, heads: &mut [usize], rng: &mut Rng) {
        let r = lo + (rng.next_u64() as usize) % (hi - lo + 1);
        heads[r] = head;
        if r > lo {
            build_span(lo, r - 1, r, heads, rng);
        }
        if r < hi {
            build_span(r + 1, hi, r, heads, rng);
        }
    }

    /// Follows the dynamic oracle's zero-cost moves, preferring `order`.
    fn oracle_parse(heads: &[usize], labels: &[u16], prefer_shift: bool) -> State {
        let n = heads.len() - 1;
        let mut st = State::new(n);
        let mut steps = 0;
        while !st.is_terminal() {
            steps += 1;
            assert!(steps <= 2 * n + 1, "too many moves");
            let costs = st.costs(heads);
            let s0 = st.s(0);
            let candidates = [
                Move::Shift,
                Move::Left(if s0 == NONE { 0 } else { labels[s0] }),
                Move::Right(if s0 == NONE { 0 } else { labels[s0] }),
            ];
            let order: [usize; 3] = if prefer_shift { [0, 1, 2] } else { [1, 2, 0] };
            let m = order
                .iter()
                .map(|&i| candidates[i])
                .find(|&m| st.is_valid(m) && st.move_cost(m, &costs, heads, labels) == 0)
                .expect("a zero-cost move exists on a projective tree");
            st.apply(m);
        }
        st
    }

    #[test]
    fn best_move_agrees_with_a_plain_argmax() {
        let mut rng = Rng::new(7);
        let nl = 5;
        for _ in 0..2000 {
            // Few distinct scores, so ties are common.
            let scores: Vec<i32> = (0..1 + 2 * nl).map(|_| (rng.next_u64() % 4) as i32).collect();
            let allowed =
                [rng.next_u64().is_multiple_of(2), rng.next_u64().is_multiple_of(2), rng.next_u64().is_multiple_of(2)];
            let class_allowed = |c: usize| {
                allowed[if c == 0 {
                    0
                } else if c <= nl {
                    1
                } else {
                    2
                }]
            };
            assert_eq!(best_move(&scores, nl, allowed), argmax_where(&scores, class_allowed), "{scores:?} {allowed:?}");
        }
    }

    #[test]
    fn every_oracle_sequence_rebuilds_projective_trees() {
        let mut rng = Rng::new(7);
        for trial in 0..500 {
            let n = 1 + trial % 25;
            let heads = projective_tree(n, &mut rng);
            let labels: Vec<u16> = (0..=n).map(|i| (i % 5) as u16).collect();
            for prefer_shift in [true, false] {
                let st = oracle_parse(&heads, &labels, prefer_shift);
                assert_eq!(&st.heads[1..], &heads[1..], "tree {heads:?}");
                assert_eq!(&st.labels[1..], &labels[1..]);
                assert_eq!(st.heads[1..].iter().filter(|&&h| h == 0).count(), 1, "one root");
            }
        }
    }

    #[test]
    fn any_valid_move_sequence_ends_in_a_single_rooted_tree() {
        let mut rng = Rng::new(3);
        for n in 0..30 {
            let mut st = State::new(n);
            while !st.is_terminal() {
                let moves: Vec<Move> =
                    [Move::Shift, Move::Left(1), Move::Right(2)].into_iter().filter(|&m| st.is_valid(m)).collect();
                assert!(!moves.is_empty(), "stuck");
                st.apply(moves[(rng.next_u64() as usize) % moves.len()]);
            }
            assert!(st.heads[1..].iter().all(|&h| h != NONE));
            assert_eq!(st.heads[1..].iter().filter(|&&h| h == 0).count(), usize::from(n > 0));
        }
    }
    /// The group sums kept between moves give exactly the scores of all features at once,
    /// on configurations of random move sequences (which reach stacks and dependents a
    /// trained parser rarely builds) over tagged sentences of our own.
    #[test]
    fn group_sums_score_as_all_features_at_once() {
        let models = crate::Models::embedded().expect("embedded models load");
        let (tagger, parser) = (models.tagger.expect("tagger"), models.parser.expect("parser"));
        let sentences = [
            "The ministers of both countries met in Oslo on Tuesday and agreed to resume the talks .",
            "Rebels said they had shot down a helicopter near the border , which the army denied .",
            "Why ?",
        ];
        let mut rng = Rng::new(11);
        let nl = parser.labels.len();
        for text in sentences {
            let words: Vec<&str> = text.split(' ').collect();
            let tags = tagger.predict(&words);
            let mut ctx = ParseContext::new();
            ctx.fill(&words, &tags, None, parser.table.as_ref());
            for _ in 0..20 {
                let mut st = State::new(words.len());
                let mut sums = GroupSums::default();
                let (mut feats, mut all) = (Vec::new(), Vec::new());
                let (mut kept, mut fresh) = (vec![0i32; 1 + 2 * nl], vec![0i32; 1 + 2 * nl]);
                while !st.is_terminal() {
                    sums.score(&parser.moves, &ctx, &st, &mut feats, &mut kept);
                    ctx.features(&st, &mut all);
                    parser.moves.score(&all, &mut fresh);
                    assert_eq!(kept, fresh, "{text}");
                    let label = (rng.next_u64() as usize % nl) as u16;
                    let moves: Vec<Move> = [Move::Shift, Move::Left(label), Move::Right(label)]
                        .into_iter()
                        .filter(|&m| st.is_valid(m))
                        .collect();
                    st.apply(moves[(rng.next_u64() as usize) % moves.len()]);
                }
            }
        }
    }
}
