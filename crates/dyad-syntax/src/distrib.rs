//! Building the NER word table's source file from raw news text and dyad's name lists:
//! unsupervised word clusters and capitalisation statistics (from articles, one JSON object a
//! line with a `text` field), known names (from `lexicon/` and the cities of news datelines).
//!
//! Clusters: every word seen at least [`MIN_COUNT`] times gets a context vector (counts of the
//! most frequent words one and two places to its left and right, weighted by positive
//! pointwise mutual information), randomly projected to [`DIMS`] dimensions and normalised;
//! spherical k-means groups the words into fine clusters, and the fine clusters' centroids
//! are grouped again into middle and coarse ones. Everything is seeded: the same files give
//! the same table.

use crate::hash::{IdHasher, mix};
use crate::train::Rng;
use crate::{Error, Result};
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::io::Write;
use std::path::Path;

/// Words seen fewer times get no entry.
pub const MIN_COUNT: u32 = 4;
/// Dimensions of the projected context vectors.
const DIMS: usize = 384;
/// Context words: the most frequent ones.
const CONTEXT_WORDS: usize = 1000;
/// Clusters at each level, fine to coarse.
pub const CLUSTERS: [usize; 3] = [1024, 256, 64];

/// Splits news text into UD-like tokens: punctuation apart, hyphens and `'s` / `n't` split
/// off, `U.S.`-style abbreviations kept whole. `None` marks a sentence or paragraph break.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Option<String>>) {
    for para in text.split("\n\n") {
        out.push(None);
        for chunk in para.split_whitespace() {
            tokenize_chunk(chunk, out);
        }
    }
    out.push(None);
}

fn tokenize_chunk(chunk: &str, out: &mut Vec<Option<String>>) {
    const LEAD: &str = "\"'([{`<";
    const TRAIL: &str = "\"')]}.,;:!?>";
    let mut core = chunk;
    while let Some(c) = core.chars().next().filter(|c| LEAD.contains(*c)) {
        out.push(Some(c.to_string()));
        core = &core[c.len_utf8()..];
    }
    let mut trail = Vec::new();
    while let Some(c) = core.chars().next_back().filter(|c| TRAIL.contains(*c)) {
        let rest = &core[..core.len() - c.len_utf8()];
        // "U.S." and "J." keep their full stop.
        if c == '.' && (rest.contains('.') || (rest.chars().count() == 1 && rest.chars().all(char::is_uppercase))) {
            break;
        }
        trail.push(c);
        core = rest;
    }
    let mut suffix = None;
    for s in ["'s", "n't", "'S", "N'T"] {
        if core.len() > s.len() && core.ends_with(s) {
            suffix = Some(&core[core.len() - s.len()..]);
            core = &core[..core.len() - s.len()];
            break;
        }
    }
    let mut first = true;
    for part in core.split('-') {
        if !first {
            out.push(Some("-".to_string()));
        }
        first = false;
        if !part.is_empty() {
            out.push(Some(part.to_string()));
        }
    }
    if let Some(s) = suffix {
        out.push(Some(s.to_string()));
    }
    for c in trail.into_iter().rev() {
        out.push(Some(c.to_string()));
        if matches!(c, '.' | '!' | '?') {
            out.push(None);
        }
    }
}

/// The string value of `field` in one line of JSON (first occurrence at the top level is
/// assumed), with escapes undone.
pub(crate) fn json_string_field(line: &str, field: &str) -> Option<String> {
    let pat = format!("\"{field}\":");
    let at = line.find(&pat)? + pat.len();
    let rest = line[at..].trim_start();
    let rest = rest.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = rest.chars();
    while let Some(c) = chars.next() {
        match c {
            '"' => return Some(out),
            '\\' => match chars.next()? {
                'n' => out.push('\n'),
                't' => out.push('\t'),
                'r' => out.push('\r'),
                'b' | 'f' => out.push(' '),
                'u' => {
                    let hex: String = chars.by_ref().take(4).collect();
                    let mut code = u32::from_str_radix(&hex, 16).ok()?;
                    if (0xD800..0xDC00).contains(&code) {
                        let rest: String = chars.by_ref().take(6).collect();
                        let low = rest.strip_prefix("\\u").and_then(|h| u32::from_str_radix(h, 16).ok())?;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3ff);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{fffd}'));
                }
                other => out.push(other),
            },
            c => out.push(c),
        }
    }
    None
}

/// Counts gathered from the news text.
#[derive(Default)]
struct Counts {
    /// Occurrences of each normalised form.
    words: HashMap<String, u32>,
    /// Inside sentences: (capitalised, lowercase) occurrences of each normalised form.
    caps: HashMap<String, (u32, u32)>,
    /// Each document's normalised tokens, `None` at breaks.
    docs: Vec<Vec<Option<String>>>,
    /// Cities named in datelines (`CITY, Month Day -`), as written.
    datelines: HashMap<String, u32>,
}

fn read_news(paths: &[&Path]) -> Result<Counts> {
    let mut c = Counts::default();
    let mut tokens = Vec::new();
    let mut norm = String::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(Some(path), e))?;
        for line in text.lines() {
            let Some(body) = json_string_field(line, "text") else { continue };
            if let Some(city) = json_string_field(line, "dateline").and_then(|d| dateline_city(&d)) {
                *c.datelines.entry(city).or_default() += 1;
            }
            tokens.clear();
            tokenize(&body, &mut tokens);
            // Articles printed all in lower (or upper) case say nothing about capitals.
            let letters_first: Vec<bool> = tokens
                .iter()
                .flatten()
                .filter_map(|t| t.chars().next().filter(|c| c.is_alphabetic()).map(char::is_uppercase))
                .collect();
            let upper = letters_first.iter().filter(|&&u| u).count();
            let cased = upper * 50 >= letters_first.len() && upper * 10 <= letters_first.len() * 6;
            let mut doc = Vec::with_capacity(tokens.len());
            let mut initial = true;
            for t in &tokens {
                let Some(t) = t else {
                    initial = true;
                    doc.push(None);
                    continue;
                };
                crate::features::normalise(t, &mut norm);
                *c.words.entry(norm.clone()).or_default() += 1;
                let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
                if cased && !initial && !letters.is_empty() {
                    let all_upper = letters.len() > 1 && letters.iter().all(|c| c.is_uppercase());
                    let first_upper = t.chars().next().is_some_and(char::is_uppercase);
                    if !all_upper {
                        let e = c.caps.entry(norm.clone()).or_default();
                        if first_upper {
                            e.0 += 1;
                        } else if t.chars().next().is_some_and(char::is_lowercase) {
                            e.1 += 1;
                        }
                    }
                }
                initial = matches!(t.as_str(), "\"" | "'" | "(" | ":" | "-" | "--") && initial;
                doc.push(Some(norm.clone()));
            }
            c.docs.push(doc);
        }
    }
    Ok(c)
}

/// The city of a dateline such as `SALVADOR, Feb 26 -`, title-cased word by word.
fn dateline_city(d: &str) -> Option<String> {
    let city = d.split(',').next()?.trim();
    if city.is_empty() || city.len() > 40 || !city.chars().all(|c| c.is_alphabetic() || c == ' ' || c == '.') {
        return None;
    }
    Some(city.to_string())
}

/// Capitalisation bucket of (capitalised, lowercase) counts.
fn caps_bucket(cap: u32, low: u32) -> u8 {
    let n = cap + low;
    if n < 3 {
        return 5;
    }
    let r = f64::from(cap) / f64::from(n);
    match r {
        r if r < 0.05 => 0,
        r if r < 0.3 => 1,
        r if r < 0.7 => 2,
        r if r < 0.95 => 3,
        _ => 4,
    }
}

/// Spherical k-means over the rows of `points` (`n` × `dims`, unit length): cluster of every
/// row and the unit-length centroids. Starts from `k` distinct rows chosen by `rng`.
fn kmeans(points: &[f32], weights: &[f32], dims: usize, k: usize, iters: usize, rng: &mut Rng) -> (Vec<u32>, Vec<f32>) {
    let n = points.len() / dims;
    let k = k.min(n).max(1);
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut centroids: Vec<f32> = order[..k].iter().flat_map(|&i| points[i * dims..(i + 1) * dims].to_vec()).collect();
    let mut assign = vec![0u32; n];
    for _ in 0..iters {
        let mut changed = 0;
        for (i, a) in assign.iter_mut().enumerate() {
            let p = &points[i * dims..(i + 1) * dims];
            let mut best = (f32::MIN, 0u32);
            for (c, cent) in centroids.chunks_exact(dims).enumerate() {
                let dot: f32 = p.iter().zip(cent).map(|(x, y)| x * y).sum();
                if dot > best.0 {
                    best = (dot, c as u32);
                }
            }
            changed += usize::from(*a != best.1);
            *a = best.1;
        }
        let mut sums = vec![0f32; k * dims];
        for (i, &a) in assign.iter().enumerate() {
            let s = &mut sums[a as usize * dims..(a as usize + 1) * dims];
            for (x, y) in s.iter_mut().zip(&points[i * dims..(i + 1) * dims]) {
                *x += y * weights[i];
            }
        }
        for (c, s) in sums.chunks_exact_mut(dims).enumerate() {
            let norm = s.iter().map(|x| x * x).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (x, y) in centroids[c * dims..(c + 1) * dims].iter_mut().zip(s.iter()) {
                    *x = y / norm;
                }
            }
        }
        if changed == 0 {
            break;
        }
    }
    (assign, centroids)
}

/// Clusters of every word of `vocab` (indices into it in `docs_ids`), fine to coarse.
fn cluster_words(vocab_len: usize, docs_ids: &[Vec<Option<u32>>], seed: u64) -> Vec<[u16; 3]> {
    // Context ids: the CONTEXT_WORDS most frequent words (vocab is sorted by frequency), one
    // id for every other word and one for a break; times four positions.
    let ctx_n = CONTEXT_WORDS.min(vocab_len) + 2;
    let other = ctx_n as u32 - 2;
    let brk = ctx_n as u32 - 1;
    let ctx_id = |t: Option<u32>| match t {
        Some(w) if (w as usize) < ctx_n - 2 => w,
        Some(_) => other,
        None => brk,
    };
    let mut pairs: HashMap<u64, u32, BuildHasherDefault<IdHasher>> = HashMap::default();
    for doc in docs_ids {
        for (i, t) in doc.iter().enumerate() {
            let Some(w) = *t else { continue };
            if w == u32::MAX {
                continue;
            }
            for (slot, off) in [-2isize, -1, 1, 2].into_iter().enumerate() {
                let j = i as isize + off;
                let c = if j < 0 || j as usize >= doc.len() { brk } else { ctx_id(doc[j as usize]) };
                let f = slot as u64 * ctx_n as u64 + u64::from(c);
                *pairs.entry(u64::from(w) * (4 * ctx_n as u64) + f).or_default() += 1;
            }
        }
    }
    let n_feats = 4 * ctx_n;
    let mut row_sum = vec![0f64; vocab_len];
    let mut col_sum = vec![0f64; n_feats];
    let mut entries: Vec<(u32, u32, u32)> =
        pairs.iter().map(|(&k, &c)| ((k / n_feats as u64) as u32, (k % n_feats as u64) as u32, c)).collect();
    entries.sort_unstable();
    for &(w, f, c) in &entries {
        row_sum[w as usize] += f64::from(c);
        col_sum[f as usize] += f64::from(c);
    }
    // Context distribution smoothing (exponent 0.75), as in Levy et al. 2015.
    let smoothed: Vec<f64> = col_sum.iter().map(|c| c.powf(0.75)).collect();
    let total_smoothed: f64 = smoothed.iter().sum();
    // A fixed random ±1 vector per context feature.
    let proj: Vec<f32> = (0..n_feats * DIMS)
        .map(|i| if mix(seed ^ (i as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)) & 1 == 0 { 1.0 } else { -1.0 })
        .collect();
    let mut points = vec![0f32; vocab_len * DIMS];
    for &(w, f, c) in &entries {
        let pf = smoothed[f as usize] / total_smoothed;
        let pmi = (f64::from(c) / row_sum[w as usize] / pf).ln();
        if pmi <= 0.0 {
            continue;
        }
        let v = &mut points[w as usize * DIMS..(w as usize + 1) * DIMS];
        for (x, r) in v.iter_mut().zip(&proj[f as usize * DIMS..(f as usize + 1) * DIMS]) {
            *x += pmi as f32 * r;
        }
    }
    for v in points.chunks_exact_mut(DIMS) {
        let norm = v.iter().map(|x| x * x).sum::<f32>().sqrt().max(1e-6);
        v.iter_mut().for_each(|x| *x /= norm);
    }
    let mut rng = Rng::new(seed);
    let ones = vec![1f32; vocab_len];
    let (fine, centroids) = kmeans(&points, &ones, DIMS, CLUSTERS[0], 20, &mut rng);
    let mut sizes = vec![0f32; CLUSTERS[0]];
    for &a in &fine {
        sizes[a as usize] += 1.0;
    }
    let (mid, mid_centroids) = kmeans(&centroids, &sizes, DIMS, CLUSTERS[1], 30, &mut rng);
    let mut mid_sizes = vec![0f32; CLUSTERS[1]];
    for (c, &a) in mid.iter().enumerate() {
        mid_sizes[a as usize] += sizes[c];
    }
    let (coarse, _) = kmeans(&mid_centroids, &mid_sizes, DIMS, CLUSTERS[2], 30, &mut rng);
    fine.iter()
        .map(|&f| {
            let m = mid[f as usize];
            // Ids start at 1: 0 means "not in the table".
            [coarse[m as usize] as u16 + 1, m as u16 + 1, f as u16 + 1]
        })
        .collect()
}

/// Names of `lexicon/` with their types: countries and their capitals, places, seats of
/// power, organisations (label ORG; companies and news media too), people, and the
/// gazetteer's towns and regions (TOWN). Columns are found by their header names.
fn lexicon_names(dir: &Path, out: &mut Vec<(&'static str, String)>) -> Result<()> {
    let mut files: Vec<(std::path::PathBuf, &'static str)> = vec![
        (dir.join("countries.tsv"), "LOC"),
        (dir.join("places.tsv"), "LOC"),
        (dir.join("orgs.tsv"), "ORG"),
        (dir.join("companies.tsv"), "ORG"),
        (dir.join("media.tsv"), "ORG"),
        // parties.tsv is left out: its 550 names left UNER EWT dev F1 where it was (retrained
        // seeds 1-3: 0.6777, 0.6798, 0.6727), and a table that changes nothing is not shipped.
        (dir.join("gazetteer.tsv"), "TOWN"),
    ];
    let people = dir.join("people");
    let mut people_files: Vec<std::path::PathBuf> = std::fs::read_dir(&people)
        .map_err(|e| Error::io(Some(&people), e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
        .collect();
    people_files.sort();
    files.extend(people_files.into_iter().map(|p| (p, "PER")));
    for (path, label) in files {
        let text = std::fs::read_to_string(&path).map_err(|e| Error::io(Some(&path), e))?;
        let mut header: Vec<&str> = Vec::new();
        for line in text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let f: Vec<&str> = line.split('\t').collect();
            if header.is_empty() {
                header = f;
                continue;
            }
            let col = |name: &str| header.iter().position(|h| *h == name).and_then(|i| f.get(i)).copied();
            if col("label").is_some_and(|l| l != "ORG") {
                continue;
            }
            let mut names: Vec<&str> = Vec::new();
            names.extend(col("name"));
            names.extend(col("variants").into_iter().flat_map(|v| v.split('|')));
            names.extend(col("capital"));
            for n in names {
                let n = n.trim();
                if !n.is_empty() {
                    out.push((label, n.to_string()));
                }
            }
        }
    }
    Ok(())
}

/// Writes the word table's TSV (see [`crate::WordTable::read_tsv`]) from the news files and,
/// when given, the lexicon directory. Returns (words, names) written.
pub fn write_table(news: &[&Path], lexicon: Option<&Path>, seed: u64, out: &mut dyn Write) -> Result<(usize, usize)> {
    let counts = read_news(news)?;
    let mut vocab: Vec<(&String, u32)> =
        counts.words.iter().filter(|(_, c)| **c >= MIN_COUNT).map(|(w, &c)| (w, c)).collect();
    vocab.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
    let index: HashMap<&str, u32> = vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32)).collect();
    // u32::MAX: a word outside the vocabulary.
    let docs_ids: Vec<Vec<Option<u32>>> = counts
        .docs
        .iter()
        .map(|d| d.iter().map(|t| t.as_ref().map(|w| index.get(w.as_str()).copied().unwrap_or(u32::MAX))).collect())
        .collect();
    let clusters = cluster_words(vocab.len(), &docs_ids, seed);
    let io = |e| Error::io(None, e);
    writeln!(out, "# dyad NER word table: w form c1 c2 c3 caps / n LABEL words").map_err(io)?;
    for ((w, _), c) in vocab.iter().zip(&clusters) {
        let (cap, low) = counts.caps.get(*w).copied().unwrap_or((0, 0));
        writeln!(out, "w\t{w}\t{}\t{}\t{}\t{}", c[0], c[1], c[2], caps_bucket(cap, low)).map_err(io)?;
    }
    let mut names: Vec<(&'static str, String)> = Vec::new();
    if let Some(dir) = lexicon {
        lexicon_names(dir, &mut names)?;
    }
    // Cities of at least two datelines.
    names.extend(counts.datelines.iter().filter(|(_, c)| **c >= 2).map(|(city, _)| ("LOC", city.clone())));
    let mut tokens = Vec::new();
    let mut lines: Vec<String> = names
        .iter()
        .filter_map(|(label, name)| {
            tokens.clear();
            tokenize(name, &mut tokens);
            let words: Vec<&str> = tokens.iter().flatten().map(String::as_str).collect();
            (!words.is_empty()).then(|| format!("n\t{label}\t{}", words.join(" ")))
        })
        .collect();
    lines.sort();
    lines.dedup();
    for l in &lines {
        writeln!(out, "{l}").map_err(io)?;
    }
    Ok((vocab.len(), lines.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, &mut out);
        out.into_iter().map(|t| t.unwrap_or_else(|| "|".into())).collect()
    }

    #[test]
    fn news_tokens_look_like_ud_tokens() {
        assert_eq!(
            toks("The U.S. didn't sign Coca-Cola's deal (yet)."),
            [
                "|", "The", "U.S.", "did", "n't", "sign", "Coca", "-", "Cola", "'s", "deal", "(", "yet", ")", ".", "|",
                "|"
            ]
        );
    }

    #[test]
    fn json_fields_are_unescaped() {
        let line = r#"{"id": "a", "dateline": "KABUL, May 2 -", "text": "Line \"one\"\n\nCaf\u00e9 \ud83d\ude00"}"#;
        assert_eq!(json_string_field(line, "text").as_deref(), Some("Line \"one\"\n\nCafé 😀"));
        assert_eq!(json_string_field(line, "dateline").and_then(|d| dateline_city(&d)).as_deref(), Some("KABUL"));
        assert_eq!(json_string_field(line, "missing"), None);
    }

    #[test]
    fn caps_buckets_need_evidence() {
        assert_eq!(caps_bucket(1, 1), 5);
        assert_eq!(caps_bucket(0, 40), 0);
        assert_eq!(caps_bucket(20, 20), 2);
        assert_eq!(caps_bucket(99, 1), 4);
    }

    #[test]
    fn kmeans_separates_two_directions() {
        // Four unit vectors, two near each axis.
        let pts = [1.0, 0.0, 0.99, 0.14, 0.0, 1.0, 0.14, 0.99];
        let (a, _) = kmeans(&pts, &[1.0; 4], 2, 2, 10, &mut Rng::new(3));
        assert_eq!(a[0], a[1]);
        assert_eq!(a[2], a[3]);
        assert_ne!(a[0], a[2]);
    }
}
