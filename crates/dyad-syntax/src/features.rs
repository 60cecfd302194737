//! Per-word feature parts shared by the tagger and the NER tagger: normalised form, shape,
//! affixes and flags, each already hashed, computed once per word.

use crate::hash::{hash_bytes, hash_str, mix};
use std::sync::Mutex;

/// Hashed parts of one word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordParts {
    /// The form as written.
    pub form: u64,
    /// Lowercased, digits mapped to `0`.
    pub norm: u64,
    /// Word shape: `Xx`, `d,d`, `X.X.` (runs of one class collapsed).
    pub shape: u64,
    /// Prefixes of 1..=3 characters of the normalised form.
    pub prefix: [u64; 3],
    /// Suffixes of 1..=4 characters of the normalised form.
    pub suffix: [u64; 4],
    /// Bit flags: see the `FLAG_` constants.
    pub flags: u64,
}

pub(crate) const FLAG_UPPER_INITIAL: u64 = 1;
pub(crate) const FLAG_ALL_UPPER: u64 = 2;
pub(crate) const FLAG_DIGIT: u64 = 4;
pub(crate) const FLAG_HYPHEN: u64 = 8;
pub(crate) const FLAG_NO_LETTER: u64 = 16;

/// Parts of the padding words before the first and after the last word.
pub(crate) fn padding(which: u64) -> WordParts {
    let h = mix(0xdead_beef ^ which);
    WordParts { form: h, norm: h, shape: h, prefix: [h; 3], suffix: [h; 4], flags: 32 + which }
}

/// The normalised form: lowercase, every digit replaced by `0`.
pub(crate) fn normalise(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        if c.is_ascii_digit() {
            out.push('0');
        } else if c.is_ascii() {
            out.push(c.to_ascii_lowercase());
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Computes the parts of `word`; `scratch` is reused between calls.
pub(crate) fn word_parts(word: &str, scratch: &mut String) -> WordParts {
    normalise(word, scratch);
    let norm = scratch.as_str();
    let mut shape = [0u8; 24];
    let mut shape_len = 0;
    let mut flags = 0;
    let (mut letters, mut uppers) = (0usize, 0usize);
    for (i, c) in word.chars().enumerate() {
        let s = if c.is_uppercase() {
            uppers += 1;
            letters += 1;
            if i == 0 {
                flags |= FLAG_UPPER_INITIAL;
            }
            b'X'
        } else if c.is_alphabetic() {
            letters += 1;
            b'x'
        } else if c.is_numeric() {
            flags |= FLAG_DIGIT;
            b'd'
        } else if c.is_ascii() {
            if c == '-' {
                flags |= FLAG_HYPHEN;
            }
            c as u8
        } else {
            b'?'
        };
        if shape_len < shape.len() && (shape_len == 0 || shape[shape_len - 1] != s) {
            shape[shape_len] = s;
            shape_len += 1;
        }
    }
    if letters == 0 {
        flags |= FLAG_NO_LETTER;
    } else if uppers == letters && letters > 1 {
        flags |= FLAG_ALL_UPPER;
    }
    // The first one to three and the last one to four characters (the whole word when it is
    // shorter), found from the character boundaries at each end without collecting them all.
    let mut ends = norm.char_indices().map(|(i, _)| i).skip(1).chain(std::iter::repeat(norm.len()));
    let mut prefix = [0u64; 3];
    for (k, p) in prefix.iter_mut().enumerate() {
        let end = ends.next().unwrap_or(norm.len());
        *p = hash_bytes(&norm.as_bytes()[..end]) ^ (k as u64 + 1);
    }
    let mut starts = norm.char_indices().rev().map(|(i, _)| i).chain(std::iter::repeat(0));
    let mut suffix = [0u64; 4];
    for (k, s) in suffix.iter_mut().enumerate() {
        let start = starts.next().unwrap_or(0);
        *s = hash_bytes(&norm.as_bytes()[start..]) ^ ((k as u64 + 1) << 8);
    }
    WordParts {
        form: hash_str(word),
        norm: hash_str(norm),
        shape: hash_bytes(&shape[..shape_len]),
        prefix,
        suffix,
        flags,
    }
}

/// Returns a `'static` copy of `s`, allocating it at most once per process. Used for the
/// handful of tag and label names that annotations point to.
pub(crate) fn intern(s: &str) -> &'static str {
    static POOL: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut pool = match POOL.lock() {
        Ok(p) => p,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(&found) = pool.iter().find(|&&p| p == s) {
        return found;
    }
    let leaked: &'static str = Box::leak(s.to_string().into_boxed_str());
    pool.push(leaked);
    leaked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_capture_shape_affixes_and_flags() {
        let mut s = String::new();
        let a = word_parts("Blinken", &mut s);
        let b = word_parts("blinken", &mut s);
        assert_eq!(a.norm, b.norm);
        assert_ne!(a.form, b.form);
        assert_ne!(a.shape, b.shape);
        assert_eq!(a.flags & FLAG_UPPER_INITIAL, FLAG_UPPER_INITIAL);
        let c = word_parts("Putin", &mut s);
        assert_eq!(a.shape, c.shape, "both are Xx");
        assert_eq!(word_parts("1,990", &mut s).norm, word_parts("2,024", &mut s).norm);
        let d = word_parts("talks", &mut s);
        let e = word_parts("walks", &mut s);
        assert_eq!(d.suffix[2], e.suffix[2]);
        assert_eq!(d.suffix[3], e.suffix[3], "alks");
        assert_ne!(d.prefix[0], e.prefix[0]);
        assert_eq!(word_parts("U.S.", &mut s).flags & FLAG_ALL_UPPER, FLAG_ALL_UPPER);
        assert_eq!(word_parts("--", &mut s).flags & FLAG_NO_LETTER, FLAG_NO_LETTER);
        // Short and non-ASCII words do not panic.
        for w in ["", "é", "Ünal", "😀x"] {
            let _ = word_parts(w, &mut s);
        }
    }

    #[test]
    fn interning_returns_one_copy() {
        let a = intern("NOUN");
        let b = intern(&String::from("NOUN"));
        assert!(std::ptr::eq(a, b));
    }
}
