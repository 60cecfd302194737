//! Exact and near-duplicate documents across a whole run.
//!
//! Exact duplicates share a hash of their text with case, punctuation and whitespace
//! removed. Near duplicates (a wire story syndicated with a different headline, byline
//! or closing line) are found with MinHash over 5-word shingles: 64 hash functions,
//! banded 16 × 4 for candidate lookup, and a candidate counts when its estimated Jaccard
//! similarity reaches the threshold. With 16 bands of 4 rows, a pair at similarity 0.8
//! is looked at with probability 0.9998, and a pair at 0.3 with 0.12, so lookups stay
//! cheap. Documents are compared in input order: the first of a group is the original.

use std::collections::HashMap;

const HASHES: usize = 64;
const BANDS: usize = 16;
const ROWS: usize = HASHES / BANDS;
const SHINGLE: usize = 5;
/// Documents with fewer words than this are only checked for exact duplicates: their
/// shingle sets are too small for a meaningful similarity.
const MIN_WORDS: usize = 20;

/// A document found to repeat an earlier one.
#[derive(Clone, Debug, PartialEq)]
pub struct Duplicate {
    /// Id of the earlier document (the original of the group).
    pub of: String,
    /// Estimated Jaccard similarity of their 5-word shingles (1.0 for exact duplicates).
    pub similarity: f32,
    /// True when the normalised texts are identical.
    pub exact: bool,
}

/// Remembers every document seen and says which new ones repeat an earlier one.
pub struct Deduper {
    threshold: f32,
    exact: HashMap<u64, u32>,
    bands: HashMap<(u8, u64), Vec<u32>>,
    signatures: Vec<[u32; HASHES]>,
    ids: Vec<String>,
    /// For each remembered document, the original of its group (itself when original).
    originals: Vec<u32>,
}

impl Deduper {
    /// A deduplicator; `threshold` is the Jaccard similarity (0–1] from which two
    /// documents are near duplicates.
    pub fn new(threshold: f32) -> Deduper {
        Deduper {
            threshold: threshold.clamp(f32::MIN_POSITIVE, 1.0),
            exact: HashMap::new(),
            bands: HashMap::new(),
            signatures: Vec::new(),
            ids: Vec::new(),
            originals: Vec::new(),
        }
    }

    /// Checks `text` against every earlier document, then remembers it.
    pub fn check(&mut self, id: &str, text: &str) -> Option<Duplicate> {
        let words: Vec<u64> = words(text).collect();
        let index = self.ids.len() as u32;
        self.ids.push(id.to_string());
        let exact_key = words.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, w| mix(h ^ w));
        if let Some(&first) = self.exact.get(&exact_key) {
            let original = self.originals[first as usize];
            self.originals.push(original);
            self.signatures.push([u32::MAX; HASHES]);
            return Some(Duplicate { of: self.ids[original as usize].clone(), similarity: 1.0, exact: true });
        }
        self.exact.insert(exact_key, index);
        let signature = if words.len() >= MIN_WORDS { minhash(&words) } else { [u32::MAX; HASHES] };
        let mut best: Option<(u32, f32)> = None;
        if words.len() >= MIN_WORDS {
            for band in 0..BANDS {
                let key = (band as u8, band_key(&signature, band));
                if let Some(candidates) = self.bands.get(&key) {
                    for &c in candidates {
                        let s = similarity(&signature, &self.signatures[c as usize]);
                        if s >= self.threshold && best.is_none_or(|(b, bs)| s > bs || (s == bs && c < b)) {
                            best = Some((c, s));
                        }
                    }
                }
            }
            for band in 0..BANDS {
                self.bands.entry((band as u8, band_key(&signature, band))).or_default().push(index);
            }
        }
        self.signatures.push(signature);
        match best {
            Some((c, s)) => {
                let original = self.originals[c as usize];
                self.originals.push(original);
                Some(Duplicate { of: self.ids[original as usize].clone(), similarity: s, exact: false })
            }
            None => {
                self.originals.push(index);
                None
            }
        }
    }
}

/// Hashes of the lower-cased alphanumeric words of `text`.
fn words(text: &str) -> impl Iterator<Item = u64> + '_ {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(|w| w.chars().flat_map(char::to_lowercase).fold(0x8422_2325_cbf2_9ce4u64, |h, c| mix(h ^ c as u64)))
}

/// The MinHash signature of a document's shingles. Most of a run's deduplication time is
/// the 64 hashes of every shingle; on CPUs with AVX-512 (64-bit multiplies in vector
/// registers) the same code is compiled for them and does eight at a time. The signature is
/// the same either way.
fn minhash(words: &[u64]) -> [u32; HASHES] {
    #[cfg(target_arch = "x86_64")]
    if std::arch::is_x86_feature_detected!("avx512f") && std::arch::is_x86_feature_detected!("avx512dq") {
        #[allow(unsafe_code)]
        // SAFETY: the CPU has just been found to have the features the function is compiled for.
        return unsafe { minhash_avx512(words) };
    }
    minhash_of(words)
}

#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn minhash_avx512(words: &[u64]) -> [u32; HASHES] {
    minhash_of(words)
}

#[inline(always)]
fn minhash_of(words: &[u64]) -> [u32; HASHES] {
    let mut signature = [u32::MAX; HASHES];
    for shingle in words.windows(SHINGLE) {
        let h = shingle.iter().fold(0u64, |h, w| mix(h.rotate_left(17) ^ w));
        for (i, slot) in signature.iter_mut().enumerate() {
            let v = (mix(h ^ SEEDS[i]) >> 32) as u32;
            *slot = (*slot).min(v);
        }
    }
    signature
}

fn band_key(signature: &[u32; HASHES], band: usize) -> u64 {
    signature[band * ROWS..(band + 1) * ROWS].iter().fold(0u64, |h, v| mix(h ^ u64::from(*v)))
}

fn similarity(a: &[u32; HASHES], b: &[u32; HASHES]) -> f32 {
    a.iter().zip(b).filter(|(x, y)| x == y).count() as f32 / HASHES as f32
}

/// A 64-bit finaliser (splitmix64's): spreads every input bit over the output.
#[inline(always)]
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Fixed seeds, so signatures (and thus results) are the same on every run.
const SEEDS: [u64; HASHES] = {
    let mut seeds = [0u64; HASHES];
    let mut i = 0;
    let mut state = 0x0dd5_eed5_u64;
    while i < HASHES {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        seeds[i] = state;
        i += 1;
    }
    seeds
};

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Russia's foreign minister said on Tuesday that Moscow would respond to any expansion \
        of the alliance, as leaders gathered in the Lithuanian capital for a two-day summit focused on \
        Ukraine's future membership, air defence pledges and the long-delayed accession of Sweden.";

    #[test]
    fn exact_ignores_case_punctuation_and_spacing() {
        let mut d = Deduper::new(0.8);
        assert_eq!(d.check("a", STORY), None);
        let shouted = STORY.to_uppercase().replace(',', " ; ");
        assert_eq!(d.check("b", &shouted), Some(Duplicate { of: "a".into(), similarity: 1.0, exact: true }));
    }

    #[test]
    fn near_duplicates_link_to_the_group_original() {
        let mut d = Deduper::new(0.6);
        assert_eq!(d.check("wire", STORY), None);
        let syndicated = format!("VILNIUS (Agencies) - {STORY} Reporting by staff.");
        let dup = d.check("copy", &syndicated).expect("a syndicated copy is a near duplicate");
        assert!(!dup.exact && dup.of == "wire" && dup.similarity >= 0.6, "{dup:?}");
        let again = format!("{syndicated} Editing by desk.");
        assert_eq!(d.check("copy2", &again).map(|d| d.of), Some("wire".into()));
        let other = "Heavy rain flooded the river valley overnight, forcing hundreds of families to leave \
            their homes while emergency services set up shelters in schools and sports halls nearby.";
        assert_eq!(d.check("other", other), None);
    }

    #[test]
    fn the_signature_is_the_same_on_every_cpu() {
        // Whichever code `minhash` picks for this CPU gives the portable code's signature.
        let words: Vec<u64> = words(STORY).collect();
        assert!(words.len() > SHINGLE);
        assert_eq!(minhash(&words), minhash_of(&words));
        assert_eq!(minhash(&words[..SHINGLE]), minhash_of(&words[..SHINGLE]));
    }

    #[test]
    fn short_texts_only_match_exactly() {
        let mut d = Deduper::new(0.5);
        assert_eq!(d.check("a", "Talks ended."), None);
        assert_eq!(d.check("b", "Talks ended today."), None);
        assert!(d.check("c", "talks ENDED").is_some());
    }
}
