//! The averaged perceptron shared by the three models: a sparse trainable form and a compact,
//! quantised, read-only form that is what ships.
//!
//! Training keeps, for each feature key, a short list of (class, weight, running total, last
//! update) entries, so memory grows with the number of non-zero weights, not with
//! features × classes. [`Weights`] is the frozen form: averaged weights quantised to `i16`
//! with one scale per model, entries below a pruning threshold dropped, and an open-addressing
//! table from feature key to its entries.

use crate::codec::{Reader, Writer};
use crate::hash::KeyMap;
use crate::hints::{huge_vec, prefetch};
use crate::{Error, Result};

#[derive(Clone, Copy)]
struct Entry {
    class: u16,
    weight: i32,
    total: i64,
    stamp: u32,
}

/// A trainable averaged perceptron over hashed features.
pub(crate) struct Averaged {
    n_classes: usize,
    feats: KeyMap<Vec<Entry>>,
    clock: u32,
}

impl Averaged {
    /// An empty model over `n_classes` classes.
    pub(crate) fn new(n_classes: usize) -> Averaged {
        Averaged { n_classes, feats: KeyMap::default(), clock: 0 }
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`.
    pub(crate) fn score(&self, feats: &[u32], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        self.add_scores(feats, scores);
    }

    /// Adds the current (not averaged) weights of `feats` to `scores`, which it does not clear.
    pub(crate) fn add_scores(&self, feats: &[u32], scores: &mut [f32]) {
        for f in feats {
            if let Some(entries) = self.feats.get(f) {
                for e in entries {
                    scores[e.class as usize] += e.weight as f32;
                }
            }
        }
    }

    /// Advances the clock by one training instance.
    pub(crate) fn tick(&mut self) {
        self.clock += 1;
    }

    /// Rewards `truth` and penalises `guess` on `feats` (nothing when they are equal).
    pub(crate) fn update(&mut self, truth: usize, guess: usize, feats: &[u32]) {
        if truth == guess {
            return;
        }
        self.adjust(&[(truth, 1), (guess, -1)], feats);
    }

    /// Adds each `(class, delta)` to the weights of `feats`.
    pub(crate) fn adjust(&mut self, changes: &[(usize, i32)], feats: &[u32]) {
        for &f in feats {
            let entries = self.feats.entry(f).or_default();
            for &(class, delta) in changes {
                let e = match entries.iter().position(|e| e.class as usize == class) {
                    Some(i) => &mut entries[i],
                    None => {
                        entries.push(Entry { class: class as u16, weight: 0, total: 0, stamp: self.clock });
                        entries.last_mut().expect("just pushed")
                    }
                };
                e.total += i64::from(self.clock - e.stamp) * i64::from(e.weight);
                e.stamp = self.clock;
                e.weight += delta;
            }
        }
    }

    /// The averaged weights, quantised and pruned: entries whose averaged magnitude is below
    /// `prune` are dropped, and then all but the `max_weights` largest (0: no limit).
    pub(crate) fn freeze(&self, prune: f32, max_weights: usize) -> Weights {
        let clock = f64::from(self.clock.max(1));
        let average = |e: &Entry| {
            let total = e.total + i64::from(self.clock - e.stamp) * i64::from(e.weight);
            (total as f64 / clock) as f32
        };
        let rows = self.feats.iter().map(|(&k, entries)| (k, entries.iter().map(|e| (e.class, average(e))).collect()));
        quantise(self.n_classes, rows.collect(), prune, max_weights)
    }
}

/// Rows of `f32` weights made into [`Weights`]: entries whose magnitude is below `prune` are
/// dropped, and then all but the `max_weights` largest (0: no limit); the rest are scaled to
/// `i16` by one scale for the model.
fn quantise(n_classes: usize, rows: Vec<(u32, Vec<(u16, f32)>)>, prune: f32, max_weights: usize) -> Weights {
    let mut prune = prune;
    if max_weights > 0 {
        let mut all: Vec<f32> = rows.iter().flat_map(|r| r.1.iter().map(|e| e.1.abs())).collect();
        if all.len() > max_weights {
            let k = all.len() - max_weights;
            let (_, kth, _) = all.select_nth_unstable_by(k, f32::total_cmp);
            // Keep the weights strictly above the cut (ties at the cut go, for determinism).
            prune = prune.max(f32::from_bits(kth.to_bits() + 1));
        }
    }
    let mut kept: Vec<(u32, Vec<(u16, f32)>)> = Vec::with_capacity(rows.len());
    let mut max = 0f32;
    for (k, row) in rows {
        let mut row: Vec<(u16, f32)> = row.into_iter().filter(|&(_, w)| w.abs() >= prune && w != 0.0).collect();
        if row.is_empty() {
            continue;
        }
        row.sort_by_key(|&(c, _)| c);
        for &(_, w) in &row {
            max = max.max(w.abs());
        }
        kept.push((k, row));
    }
    kept.sort_by_key(|r| r.0);
    let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
    let rows = kept
        .into_iter()
        .map(|(k, row)| {
            let q: Vec<(u16, i16)> = row
                .into_iter()
                .map(|(c, w)| (c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
                .filter(|&(_, q)| q != 0)
                .collect();
            (k, q)
        })
        .filter(|(_, q)| !q.is_empty())
        .collect();
    Weights::from_rows(n_classes, scale, rows)
}

/// Frozen, quantised weights: what a shipped model holds.
#[derive(Clone, Debug)]
pub(crate) struct Weights {
    n_classes: usize,
    scale: f32,
    /// Open-addressing table of `[key, start of the row in entries << 8 | entry count]`; key 0
    /// marks an empty slot (a feature whose key is 0 is stored in `zero`). A key's home slot
    /// is given by its high bits, so rows read in key order fill the table front to back.
    slots: Vec<[u32; 2]>,
    zero: u32,
    mask: usize,
    shift: u32,
    /// Entries of sparse rows: class in the high 16 bits, weight in the low 16.
    entries: Vec<u32>,
    /// Dense rows, for rows with many entries: `n_classes` weights each, padded with zeros
    /// to a whole number of [`LANES`] so that adding them up is vectorised on any x86-64
    /// (a loop over a row of unknown length was not: it cost 145 instructions a row, now
    /// 20). They are few, so they are kept as `i32` to spare the widening. A slot whose
    /// count is 0 points to dense row `start`.
    dense: Vec<i32>,
    n_feats: usize,
}

const NO_ROW: u32 = u32::MAX;

/// Features looked up together: up to this many cache misses in flight, more than a core
/// can track.
const IN_FLIGHT: usize = 64;

/// Width of the blocks dense rows are added in: two SSE2 or one AVX2 register of `i32`.
const LANES: usize = 8;

/// Scores of every class (below 256, checked when a model is read, so that a class byte
/// indexes it without a bounds check), as [`Weights::add_rows`] adds them up.
#[derive(Clone)]
pub(crate) struct ClassSums(pub(crate) [i32; 256]);

impl Default for ClassSums {
    fn default() -> ClassSums {
        ClassSums([0; 256])
    }
}

impl ClassSums {
    /// Sets the first `n` classes to 0 (the others are never written: no row reaches them).
    #[inline]
    pub(crate) fn clear(&mut self, n: usize) {
        self.0[..n.div_ceil(LANES) * LANES].fill(0);
    }

    /// Sets the first `n` classes to the sum of `parts` (the others are left as they are:
    /// no row reaches them).
    #[inline]
    pub(crate) fn set_sum(&mut self, parts: &[&ClassSums], n: usize) {
        let n = n.div_ceil(LANES) * LANES;
        let sum = &mut self.0[..n];
        sum.fill(0);
        for part in parts {
            for (s, &x) in sum.iter_mut().zip(&part.0[..n]) {
                *s += x;
            }
        }
    }
}

impl Weights {
    fn from_rows(n_classes: usize, scale: f32, rows: Vec<(u32, Vec<(u16, i16)>)>) -> Weights {
        let mut w = Weights::with_capacity(n_classes, scale, rows.len(), rows.iter().map(|r| r.1.len()).sum());
        for (k, row) in rows {
            w.push_row(k, row.iter().copied());
        }
        w
    }

    /// Empty tables for `n_rows` rows of at most `n_entries` entries in all. The buffers are
    /// sized for the most the rows can need and placed on huge pages (see [`huge_vec`]), which
    /// spares the CPU most address-translation misses when lookups jump around them; building
    /// them in place spares a copy of every table at load time.
    fn with_capacity(n_classes: usize, scale: f32, n_rows: usize, n_entries: usize) -> Weights {
        let cap = (n_rows + n_rows / 2).next_power_of_two().max(16);
        let mut slots = huge_vec(cap);
        slots.resize(cap, [0, NO_ROW]);
        let stride = n_classes.div_ceil(LANES) * LANES;
        // A dense row holds at least a quarter of the classes (see `push_row`).
        let most_dense_rows = n_entries / n_classes.div_ceil(4).max(1);
        Weights {
            n_classes,
            scale,
            slots,
            zero: NO_ROW,
            mask: cap - 1,
            shift: 32 - cap.trailing_zeros(),
            entries: huge_vec(n_entries),
            dense: huge_vec(most_dense_rows.saturating_mul(stride)),
            n_feats: 0,
        }
    }

    /// Length of a dense row: the classes rounded up to whole blocks of [`LANES`].
    fn stride(&self) -> usize {
        self.n_classes.div_ceil(LANES) * LANES
    }

    /// Adds the row of feature `key`.
    fn push_row(&mut self, key: u32, row: impl Iterator<Item = (u16, i16)>) {
        let start = self.entries.len();
        self.entries.extend(row.take(255).map(|(c, q)| pack_entry(c, q)));
        self.file_row(key, start);
    }

    /// Files the entries pushed since `start` as the row of feature `key`. Rows with at least
    /// a quarter of the classes are moved to dense rows, the others stay (class, weight)
    /// entries. (For the NER tagger's 13 classes, a dense row is one cache line added in four
    /// instructions, where four entries took 20.)
    fn file_row(&mut self, key: u32, start: usize) {
        let len = self.entries.len() - start;
        if len == 0 {
            return;
        }
        let stride = self.stride();
        if start >= 1 << 24 || self.dense.len() >= stride << 24 {
            // Row offsets are 24 bits: a model this large drops its remaining features rather
            // than pointing at the wrong rows.
            self.entries.truncate(start);
            return;
        }
        let packed = if len * 4 >= self.n_classes {
            let index = self.dense.len() / stride;
            self.dense.resize(self.dense.len() + stride, 0);
            for e in self.entries.drain(start..) {
                if let Some(w) = self.dense.get_mut(index * stride + (e >> 16) as usize) {
                    *w = i32::from(e as u16 as i16);
                }
            }
            (index as u32) << 8
        } else {
            ((start as u32) << 8) | len as u32
        };
        self.insert(key, packed);
        self.n_feats += 1;
    }

    /// The (class, weight) pairs of a row.
    fn row(&self, packed: u32) -> Vec<(u8, i16)> {
        let start = (packed >> 8) as usize;
        let len = (packed & 0xff) as usize;
        if len == 0 {
            let stride = self.stride();
            let dense = self.dense.get(start * stride..(start + 1) * stride).unwrap_or(&[]);
            dense.iter().enumerate().filter(|(_, w)| **w != 0).map(|(c, &w)| (c as u8, w as i16)).collect()
        } else {
            let entries = self.entries.get(start..start + len).unwrap_or(&[]);
            entries.iter().map(|&e| ((e >> 16) as u8, e as u16 as i16)).collect()
        }
    }

    fn insert(&mut self, key: u32, packed: u32) {
        if key == 0 {
            self.zero = packed;
            return;
        }
        let mut i = self.home(key);
        loop {
            if self.slots[i][0] == 0 {
                self.slots[i] = [key, packed];
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    #[inline]
    fn home(&self, key: u32) -> usize {
        (u64::from(key) >> self.shift) as usize & self.mask
    }

    #[inline]
    fn find(&self, key: u32) -> u32 {
        if key == 0 {
            return self.zero;
        }
        let mut i = self.home(key);
        loop {
            let [k, p] = self.slots[i];
            if k == key {
                return p;
            }
            if k == 0 {
                return NO_ROW;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Number of classes.
    pub(crate) fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features and of stored weights.
    pub(crate) fn size(&self) -> (usize, usize) {
        (self.n_feats, self.entries.len() + self.dense.iter().filter(|&&w| w != 0).count())
    }

    /// Scores of every class for `feats`, in quantised units (compare, don't interpret).
    #[inline]
    pub(crate) fn score(&self, feats: &[u32], scores: &mut [i32]) {
        let mut sum = ClassSums::default();
        self.add_rows(feats, &mut sum);
        for (s, &x) in scores.iter_mut().zip(&sum.0) {
            *s = x;
        }
    }

    /// Adds the rows of `feats` to `sum`. Integer sums are exact in any order, so a caller
    /// may keep the sum of some features and add the others later.
    #[inline]
    pub(crate) fn add_rows(&self, feats: &[u32], sum: &mut ClassSums) {
        let mut rows = [NO_ROW; IN_FLIGHT];
        for chunk in feats.chunks(IN_FLIGHT) {
            self.find_chunk(chunk, &mut rows[..chunk.len()]);
            self.add_found(&rows[..chunk.len()], sum);
        }
    }

    /// The rows of `feats` (as [`Weights::add_found`] reads them) into `rows`, of the same
    /// length. Scoring waits on memory, not arithmetic: the home slot of every feature is
    /// prefetched first, so that their cache misses overlap, then the rows found are
    /// prefetched, [`IN_FLIGHT`] features at a time: give one call all the features at hand.
    #[inline]
    pub(crate) fn find_rows(&self, feats: &[u32], rows: &mut [u32]) {
        for (feats, rows) in feats.chunks(IN_FLIGHT).zip(rows.chunks_mut(IN_FLIGHT)) {
            self.find_chunk(feats, rows);
        }
    }

    /// [`Weights::find_rows`] for at most [`IN_FLIGHT`] features.
    #[inline]
    fn find_chunk(&self, feats: &[u32], rows: &mut [u32]) {
        // Start loading every home slot first. Prefetches, unlike loads, retire at once,
        // so dozens of misses are in flight together.
        for &f in feats {
            prefetch(&self.slots[self.home(f)]);
        }
        for (r, &f) in rows.iter_mut().zip(feats) {
            *r = self.find(f);
        }
        // The same for the first entry of every row found.
        let stride = self.stride();
        for &p in rows.iter() {
            if p != NO_ROW {
                let start = (p >> 8) as usize;
                if p & 0xff == 0 {
                    self.dense.get(start * stride).map(prefetch);
                } else {
                    self.entries.get(start).map(prefetch);
                }
            }
        }
    }

    /// Adds rows found by [`Weights::find_rows`] to `sum`.
    #[inline]
    pub(crate) fn add_found(&self, rows: &[u32], sum: &mut ClassSums) {
        let sum = &mut sum.0;
        let stride = self.stride();
        for &p in rows {
            if p == NO_ROW {
                continue;
            }
            let start = (p >> 8) as usize;
            let len = (p & 0xff) as usize;
            if len == 0 {
                let Some(row) = self.dense.get(start * stride..(start + 1) * stride) else { continue };
                for (s, w) in sum.chunks_exact_mut(LANES).zip(row.chunks_exact(LANES)) {
                    for (s, &w) in s.iter_mut().zip(w) {
                        *s += w;
                    }
                }
                continue;
            }
            let Some(entries) = self.entries.get(start..start + len) else { continue };
            for &e in entries {
                sum[usize::from((e >> 16) as u8)] += i32::from(e as u16 as i16);
            }
        }
    }

    /// The mean of models over the same classes, pruned and quantised as [`Averaged::freeze`]
    /// does. Scores are linear in the weights, so the mean model scores every move with the
    /// mean of the models' scores: an ensemble at the cost of one model (less what pruning
    /// drops).
    pub(crate) fn mean(models: &[&Weights], max_weights: usize) -> Result<Weights> {
        let n_classes = models.first().map(|m| m.n_classes).ok_or_else(|| Error::model("no models to average"))?;
        if models.iter().any(|m| m.n_classes != n_classes) {
            return Err(Error::model("models to average have different classes"));
        }
        let mut sums: KeyMap<Vec<(u16, f32)>> = KeyMap::default();
        for m in models {
            let share = m.scale / models.len() as f32;
            for (key, packed) in m
                .slots
                .iter()
                .filter(|s| s[0] != 0)
                .map(|s| (s[0], s[1]))
                .chain((m.zero != NO_ROW).then_some((0, m.zero)))
            {
                let row = sums.entry(key).or_default();
                for (c, q) in m.row(packed) {
                    let c = u16::from(c);
                    match row.iter_mut().find(|e| e.0 == c) {
                        Some(e) => e.1 += f32::from(q) * share,
                        None => row.push((c, f32::from(q) * share)),
                    }
                }
            }
        }
        Ok(quantise(n_classes, sums.into_iter().collect(), 0.0, max_weights))
    }

    /// Writes the weights: classes, scale, then rows sorted by key with delta-coded keys.
    pub(crate) fn write(&self, out: &mut Writer) {
        let mut rows: Vec<(u32, u32)> = self.slots.iter().filter(|s| s[0] != 0).map(|s| (s[0], s[1])).collect();
        if self.zero != NO_ROW {
            rows.push((0, self.zero));
        }
        rows.sort_by_key(|r| r.0);
        out.varint(self.n_classes as u64);
        out.f32(self.scale);
        out.varint(rows.len() as u64);
        let mut prev = 0u32;
        for (k, p) in rows {
            out.varint(u64::from(k - prev));
            prev = k;
            let row = self.row(p);
            out.u8(row.len() as u8);
            for (c, w) in row {
                out.u8(c);
                out.i16(w);
            }
        }
    }

    /// Reads what [`Weights::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Result<Weights> {
        let n_classes = r.varint()? as usize;
        if n_classes == 0 || n_classes > 255 {
            return Err(Error::model(format!("bad class count {n_classes}")));
        }
        let scale = r.f32()?;
        let n = r.varint()? as usize;
        if n > r.remaining() {
            return Err(Error::model("feature count larger than the file"));
        }
        // Every entry takes three bytes of the file: the rest of it bounds the entry count.
        let mut w = Weights::with_capacity(n_classes, scale, n, r.remaining() / 3);
        let mut key = 0u32;
        for i in 0..n {
            let delta = r.varint()?;
            key = u32::try_from(u64::from(key) + delta).map_err(|_| Error::model("feature key out of range"))?;
            if i > 0 && delta == 0 {
                return Err(Error::model("repeated feature key"));
            }
            let len = r.u8()? as usize;
            // A row's entries are read as one slice (class byte, then the weight as
            // `Writer::i16` writes it) straight into the table: a model holds a million of
            // them, and reading them one checked field at a time was most of the load time.
            let start = w.entries.len();
            for entry in r.take(3 * len)?.chunks_exact(3) {
                if entry[0] as usize >= n_classes {
                    return Err(Error::model("class index out of range"));
                }
                w.entries.push(pack_entry(u16::from(entry[0]), i16::from_le_bytes([entry[1], entry[2]])));
            }
            w.file_row(key, start);
        }
        Ok(w)
    }
}

/// A sparse row's entry: the class in the high 16 bits, the weight in the low 16.
#[inline]
fn pack_entry(class: u16, weight: i16) -> u32 {
    (u32::from(class) << 16) | u32::from(weight as u16)
}

/// Index of the best class, ties to the lowest index (as [`argmax_where`] with every class
/// allowed gives), found by a maximum and a search that both vectorise.
pub(crate) fn argmax(scores: &[i32]) -> Option<usize> {
    let max = scores.iter().copied().max()?;
    scores.iter().position(|&s| s == max)
}

/// Index of the best class among those `allowed`, ties to the lowest index.
pub(crate) fn argmax_where<T: PartialOrd + Copy>(scores: &[T], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best: Option<(usize, T)> = None;
    for (i, &s) in scores.iter().enumerate() {
        if !allowed(i) {
            continue;
        }
        match best {
            Some((_, b)) if s <= b => {}
            _ => best = Some((i, s)),
        }
    }
    best.map(|b| b.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        let mut m = Averaged::new(3);
        let data: [(&[u32], usize); 3] = [(&[1, 10], 0), (&[2, 10], 1), (&[3, 10, 0], 2)];
        let mut scores = vec![0f32; 3];
        for _ in 0..5 {
            for (feats, gold) in data {
                m.tick();
                m.score(feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap_or(0);
                m.update(gold, guess, feats);
            }
        }
        let w = m.freeze(0.0, 0);
        let mut q = vec![0i32; 3];
        for (feats, gold) in data {
            w.score(feats, &mut q);
            assert_eq!(argmax_where(&q, |_| true), Some(gold));
        }
        let mut out = Writer::default();
        w.write(&mut out);
        let bytes = out.into_bytes();
        let back = Weights::read(&mut Reader::new(&bytes)).expect("reads back");
        assert_eq!(back.size(), w.size());
        for (feats, _) in data {
            let mut a = vec![0i32; 3];
            w.score(feats, &mut a);
            back.score(feats, &mut q);
            assert_eq!(a, q);
        }
    }

    #[test]
    fn the_mean_of_models_scores_with_the_mean_of_their_scores() {
        let n_classes = 13;
        let models: Vec<Weights> = [5u64, 6]
            .into_iter()
            .map(|seed| {
                let mut m = Averaged::new(n_classes);
                let mut rng = crate::train::Rng::new(seed);
                for _ in 0..400 {
                    let feats: Vec<u32> =
                        (0..6).map(|i| (rng.next_u64() % if i < 2 { 10 } else { 300 }) as u32).collect();
                    m.tick();
                    let a = (rng.next_u64() % n_classes as u64) as usize;
                    let b = (rng.next_u64() % n_classes as u64) as usize;
                    m.update(a, b, &feats);
                }
                m.freeze(0.0, 0)
            })
            .collect();
        let mean = Weights::mean(&[&models[0], &models[1]], 0).expect("same classes");
        let feats: Vec<u32> = (0..300).collect();
        let mut got = vec![0i32; n_classes];
        mean.score(&feats, &mut got);
        let mut want = vec![0f32; n_classes];
        for m in &models {
            let mut q = vec![0i32; n_classes];
            m.score(&feats, &mut q);
            for (w, q) in want.iter_mut().zip(q) {
                *w += q as f32 * m.scale / 2.0;
            }
        }
        // Equal up to rounding: half a quantisation step per weight summed.
        for (g, w) in got.iter().zip(&want) {
            assert!((*g as f32 * mean.scale - w).abs() <= 300.0 * mean.scale, "{g} against {w}");
        }
        assert!(Weights::mean(&[&models[0], &Averaged::new(3).freeze(0.0, 0)], 0).is_err());
        // Pruned to a budget, it keeps no more weights than asked.
        assert!(Weights::mean(&[&models[0], &models[1]], 50).expect("same classes").size().1 <= 50);
    }

    #[test]
    fn sparse_and_dense_rows_score_like_plain_sums() {
        for n_classes in [3usize, 13, 40] {
            let mut m = Averaged::new(n_classes);
            let mut rng = crate::train::Rng::new(5);
            for _ in 0..400 {
                // Features 0-9 come back often (dense rows), the others rarely (sparse ones).
                let feats: Vec<u32> = (0..6).map(|i| (rng.next_u64() % if i < 2 { 10 } else { 300 }) as u32).collect();
                m.tick();
                let a = (rng.next_u64() % n_classes as u64) as usize;
                let b = (rng.next_u64() % n_classes as u64) as usize;
                m.update(a, b, &feats);
            }
            let w = m.freeze(0.0, 0);
            assert!(!w.dense.is_empty(), "{n_classes} classes: some rows are dense");
            if n_classes > 3 {
                assert!(!w.entries.is_empty(), "{n_classes} classes: some rows are sparse");
            }
            let feats: Vec<u32> = (0..300).collect();
            let mut got = vec![0i32; n_classes];
            w.score(&feats, &mut got);
            let mut want = vec![0i32; n_classes];
            for &f in &feats {
                let p = w.find(f);
                if p != NO_ROW {
                    for (c, q) in w.row(p) {
                        want[c as usize] += i32::from(q);
                    }
                }
            }
            assert_eq!(got, want);
        }
    }

    #[test]
    fn truncated_weights_are_an_error_not_a_panic() {
        let mut m = Averaged::new(2);
        m.tick();
        m.update(0, 1, &[5, 6, 7]);
        let mut out = Writer::default();
        m.freeze(0.0, 0).write(&mut out);
        let bytes = out.into_bytes();
        for cut in 0..bytes.len() {
            assert!(Weights::read(&mut Reader::new(&bytes[..cut])).is_err());
        }
    }

    #[test]
    fn argmax_respects_the_filter() {
        assert_eq!(argmax_where(&[3, 9, 1], |i| i != 1), Some(0));
        assert_eq!(argmax_where(&[3, 9, 1], |_| false), None);
        for scores in [&[3, 9, 1, 9][..], &[-2, -2], &[5], &[]] {
            assert_eq!(argmax(scores), argmax_where(scores, |_| true), "{scores:?}");
        }
    }
}
