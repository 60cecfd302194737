//! The NER tagger's word table: what it knows about words beyond its training sentences.
//!
//! Two parts, both keyed by hashes of normalised forms (lowercase, digits as `0`; see
//! [`crate::features`]), so the table holds no text:
//!
//! - **words**: for each word seen often enough in raw news text, three cluster ids (coarse,
//!   middle and fine k-means clusters of its context vectors, see [`crate::distrib`]) and how
//!   often it is written with a capital letter inside a sentence (a bucket);
//! - **names**: word sequences that are known names (countries, capitals, places,
//!   organisations and people of `lexicon/`, the towns and regions of its gazetteer, and the
//!   cities of news datelines), each with the entity types it may have. Gazetteer towns are a
//!   type of their own: many are also words or surnames ("Reading", "Jackson"), so the NER
//!   learns how far to trust them apart from the hand-written places. A sequence's prefixes
//!   are stored too (flagged), so that matching stops at the first word that continues no
//!   name.
//!
//! The table is built at training time from a TSV file written by `syntax wordtable` and is
//! stored inside the NER model file, so training and prediction see the same table.

use crate::codec::{Reader, Writer};
use crate::hash::{KeyMap, hash_str, mix};
use crate::{Error, Result};
use dyad_core::EntityLabel;
use std::path::Path;

/// Longest name, in words, that is matched.
pub(crate) const MAX_NAME_WORDS: usize = 6;
/// The name types a sequence can have, as bits.
pub(crate) const NAME_PER: u8 = 1;
pub(crate) const NAME_ORG: u8 = 2;
pub(crate) const NAME_LOC: u8 = 4;
/// A town or region of `lexicon/gazetteer.tsv`; an NER hit of label GPE (see [`WordTable::find_names`]).
pub(crate) const NAME_TOWN: u8 = 8;
/// Set on a sequence that begins a longer name.
const NAME_PREFIX: u8 = 0x80;

/// What the table knows of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordInfo {
    /// Cluster ids, coarse to fine (0: not in the table).
    pub clusters: [u16; 3],
    /// Capitalisation inside sentences: 0 never … 4 always, 5 too rare to say (0 also when
    /// the word is not in the table, with `clusters` all 0).
    pub caps: u8,
}

/// Word clusters, capitalisation statistics and known names. See the module doc.
#[derive(Clone, Debug, Default)]
pub struct WordTable {
    words: KeyMap<u64>,
    names: KeyMap<u8>,
}

/// Writes a map as its length, then `(key delta, value)` pairs in key order.
fn write_sorted<V: Copy>(w: &mut Writer, map: &KeyMap<V>, put: impl Fn(&mut Writer, V)) {
    let mut entries: Vec<(u32, V)> = map.iter().map(|(&k, &v)| (k, v)).collect();
    entries.sort_unstable_by_key(|e| e.0);
    w.varint(entries.len() as u64);
    let mut prev = 0u32;
    for (k, v) in entries {
        w.varint(u64::from(k - prev));
        put(w, v);
        prev = k;
    }
}

/// The 32-bit key of a normalised form's hash.
pub(crate) fn fold(h: u64) -> u32 {
    (h ^ (h >> 32)) as u32
}

/// The running hash of a word sequence: start from [`NAME_SEED`], add each word's
/// normalised-form hash.
pub(crate) const NAME_SEED: u64 = 0x6e61_6d65_7365_6564;

pub(crate) fn extend_name(h: u64, norm: u64) -> u64 {
    mix(h ^ norm).wrapping_add(0x9E37_79B9_7F4A_7C15)
}

fn pack(info: WordInfo) -> u64 {
    u64::from(info.clusters[0])
        | u64::from(info.clusters[1]) << 16
        | u64::from(info.clusters[2]) << 32
        | u64::from(info.caps) << 48
}

fn unpack(v: u64) -> WordInfo {
    WordInfo { clusters: [v as u16, (v >> 16) as u16, (v >> 32) as u16], caps: (v >> 48) as u8 }
}

impl WordTable {
    /// Number of words and of name sequences (prefixes included).
    pub fn size(&self) -> (usize, usize) {
        (self.words.len(), self.names.len())
    }

    /// What the table knows of the word whose normalised form hashes to `norm`.
    #[inline]
    pub(crate) fn word(&self, norm: u64) -> Option<WordInfo> {
        self.words.get(&fold(norm)).map(|&v| unpack(v))
    }

    /// Name types of the sequence hashed to `h` (see [`extend_name`]) and whether it begins a
    /// longer name.
    #[inline]
    pub(crate) fn name(&self, h: u64) -> Option<(u8, bool)> {
        self.names.get(&fold(h)).map(|&b| (b & !NAME_PREFIX, b & NAME_PREFIX != 0))
    }

    /// Adds a word (by its normalised form).
    pub(crate) fn add_word(&mut self, norm: &str, info: WordInfo) {
        self.words.insert(fold(hash_str(norm)), pack(info));
    }

    /// Adds a name: its words (normalised) and types.
    pub(crate) fn add_name(&mut self, words: &[&str], types: u8) {
        if words.is_empty() || words.len() > MAX_NAME_WORDS || types & NAME_PREFIX != 0 {
            return;
        }
        let mut h = NAME_SEED;
        for (i, w) in words.iter().enumerate() {
            h = extend_name(h, hash_str(w));
            let e = self.names.entry(fold(h)).or_insert(0);
            *e |= if i + 1 == words.len() { types } else { NAME_PREFIX };
        }
    }

    /// Reads the TSV file written by `syntax wordtable` ([`crate::distrib::write_table`]):
    /// `w<TAB>form<TAB>c1<TAB>c2<TAB>c3<TAB>caps` and `n<TAB>PER|ORG|LOC|TOWN<TAB>word word ...`
    /// lines, `#` comments. Forms and names are normalised here.
    pub fn read_tsv(path: &Path) -> Result<WordTable> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
        let mut t = WordTable::default();
        let mut norm = String::new();
        for (i, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let bad = || Error::training(format!("bad word table line {}", i + 1)).with_path(path);
            let f: Vec<&str> = line.split('\t').collect();
            match f.as_slice() {
                ["w", form, c1, c2, c3, caps] => {
                    let n = |s: &str| s.parse::<u16>().map_err(|_| bad());
                    crate::features::normalise(form, &mut norm);
                    let info = WordInfo { clusters: [n(c1)?, n(c2)?, n(c3)?], caps: n(caps)?.min(5) as u8 };
                    t.add_word(&norm, info);
                }
                ["n", label, name] => {
                    let types = match *label {
                        "PER" => NAME_PER,
                        "ORG" => NAME_ORG,
                        "LOC" => NAME_LOC,
                        "TOWN" => NAME_TOWN,
                        _ => return Err(bad()),
                    };
                    let words: Vec<String> = name
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(|w| {
                            crate::features::normalise(w, &mut norm);
                            norm.clone()
                        })
                        .collect();
                    let words: Vec<&str> = words.iter().map(String::as_str).collect();
                    t.add_name(&words, types);
                }
                _ => return Err(bad()),
            }
        }
        Ok(t)
    }

    /// Writes the table: word count, then sorted (key delta, packed info) pairs, then name
    /// count and sorted (key delta, bits) pairs.
    pub(crate) fn write(&self, w: &mut Writer) {
        write_sorted(w, &self.words, |w, v| w.varint(v));
        write_sorted(w, &self.names, |w, v| w.u8(v));
    }

    /// Reads what [`WordTable::write`] wrote.
    pub(crate) fn read(r: &mut Reader) -> Result<WordTable> {
        let mut t = WordTable::default();
        for part in 0..2 {
            let n = r.varint()? as usize;
            if n > r.remaining() {
                return Err(Error::model("word table count larger than the file"));
            }
            let mut key = 0u32;
            for i in 0..n {
                let delta = r.varint()?;
                if i > 0 && delta == 0 {
                    return Err(Error::model("repeated word table key"));
                }
                key = u32::try_from(u64::from(key) + delta).map_err(|_| Error::model("word table key out of range"))?;
                if part == 0 {
                    let v = r.varint()?;
                    if v >> 51 != 0 {
                        return Err(Error::model("bad word table entry"));
                    }
                    t.words.insert(key, v);
                } else {
                    t.names.insert(key, r.u8()?);
                }
            }
        }
        Ok(t)
    }

    /// The known names in a sentence, as gazetteer hits (every match, overlapping ones too).
    /// A gazetteer town is a hit of label GPE, a feature apart from the hand-written places'
    /// LOC.
    pub(crate) fn find_names(&self, norms: &[u64], out: &mut Vec<crate::ner::GazetteerHit>) {
        if self.names.is_empty() {
            return;
        }
        for start in 0..norms.len() {
            let mut h = NAME_SEED;
            for end in start + 1..=(start + MAX_NAME_WORDS).min(norms.len()) {
                h = extend_name(h, norms[end - 1]);
                let Some((types, more)) = self.name(h) else { break };
                for (bit, label) in [
                    (NAME_PER, EntityLabel::Per),
                    (NAME_ORG, EntityLabel::Org),
                    (NAME_LOC, EntityLabel::Loc),
                    (NAME_TOWN, EntityLabel::Gpe),
                ] {
                    if types & bit != 0 {
                        out.push(crate::ner::GazetteerHit { start, end, label });
                    }
                }
                if !more {
                    break;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norms(words: &[&str]) -> Vec<u64> {
        let mut s = String::new();
        words
            .iter()
            .map(|w| {
                crate::features::normalise(w, &mut s);
                hash_str(&s)
            })
            .collect()
    }

    #[test]
    fn names_match_whole_sequences_in_any_case() {
        let mut t = WordTable::default();
        t.add_name(&["new", "york"], NAME_LOC);
        t.add_name(&["new", "york", "times"], NAME_ORG);
        t.add_name(&["york"], NAME_LOC | NAME_PER);
        let mut hits = Vec::new();
        t.find_names(&norms(&["I", "read", "the", "New", "York", "TIMES", "in", "new", "york"]), &mut hits);
        let got: Vec<(usize, usize, EntityLabel)> = hits.iter().map(|h| (h.start, h.end, h.label)).collect();
        assert_eq!(
            got,
            vec![
                (3, 5, EntityLabel::Loc),
                (3, 6, EntityLabel::Org),
                (4, 5, EntityLabel::Per),
                (4, 5, EntityLabel::Loc),
                (7, 9, EntityLabel::Loc),
                (8, 9, EntityLabel::Per),
                (8, 9, EntityLabel::Loc),
            ]
        );
        hits.clear();
        t.find_names(&norms(&["new", "ideas"]), &mut hits);
        assert!(hits.is_empty(), "a prefix alone is no name");
    }

    #[test]
    fn tsv_lines_become_words_and_names() {
        let dir = std::env::temp_dir().join(format!("dyad-wordtable-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        let path = dir.join("words.tsv");
        let tsv = "# comment\nw\tKabul\t1\t2\t3\t4\nn\tLOC\tNew York\nn\tPER\tTom\nn\tTOWN\tTom\n";
        std::fs::write(&path, tsv).expect("write");
        let t = WordTable::read_tsv(&path).expect("reads");
        assert_eq!(t.word(hash_str("kabul")).map(|i| i.clusters), Some([1, 2, 3]));
        let mut hits = Vec::new();
        t.find_names(&norms(&["in", "NEW", "YORK", "tom"]), &mut hits);
        let labels: Vec<EntityLabel> = hits.iter().map(|h| h.label).collect();
        // A gazetteer town is a hit of its own label (GPE), apart from the hand-written places.
        assert_eq!(labels, [EntityLabel::Loc, EntityLabel::Per, EntityLabel::Gpe]);
        std::fs::write(&path, "n\tFOO\tNew York\n").expect("write");
        assert!(WordTable::read_tsv(&path).is_err(), "unknown label");
        std::fs::write(&path, "w\tKabul\tx\t2\t3\t4\n").expect("write");
        assert!(WordTable::read_tsv(&path).is_err(), "bad number");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn table_round_trips_and_rejects_damage() {
        let mut t = WordTable::default();
        t.add_word("kabul", WordInfo { clusters: [3, 40, 700], caps: 4 });
        t.add_word("the", WordInfo { clusters: [1, 2, 3], caps: 0 });
        t.add_name(&["kabul"], NAME_LOC);
        let mut w = Writer::default();
        t.write(&mut w);
        let bytes = w.into_bytes();
        let back = WordTable::read(&mut Reader::new(&bytes)).expect("reads back");
        assert_eq!(back.size(), (2, 1));
        let info = back.word(hash_str("kabul")).expect("known word");
        assert_eq!(info, WordInfo { clusters: [3, 40, 700], caps: 4 });
        assert_eq!(back.word(hash_str("kandahar")), None);
        for cut in 0..bytes.len() {
            assert!(WordTable::read(&mut Reader::new(&bytes[..cut])).is_err());
        }
    }
}
