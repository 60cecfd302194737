//! Text normalisation with an offset map back to the raw input: NFC, no BOM, no stray
//! control characters, `\n` line ends.
//!
//! Quotes and dashes are deliberately left as they are: gold texts and source offsets
//! stay aligned, and the tokenizer and splitter treat the variants alike instead.

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// A normalised text and the way back from its byte offsets to the raw input's.
///
/// The map is a sparse, sorted list of change points. Between two points the text is
/// either copied (an offset maps to the point's raw offset plus the distance from the
/// point) or edited (every offset maps to the start of the raw stretch it came from).
/// Text that needed no change has no points at all and costs one allocation: the copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    points: Vec<Point>,
    raw_len: u32,
}

/// From `norm` on, normalised offsets map to `raw` (+ the distance, unless `edited`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Point {
    norm: u32,
    raw: u32,
    edited: bool,
}

impl Normalized {
    /// The byte offset in the raw input that normalised byte offset `offset` came from.
    ///
    /// Offsets inside an edited stretch (a composed character, a `\r\n`) map to the
    /// stretch's start; the text's end maps to the raw input's end. The result is always
    /// `<=` the raw length, and lies on a character boundary of the raw input.
    pub fn raw_offset(&self, offset: usize) -> usize {
        let raw_len = self.raw_len as usize;
        if offset >= self.text.len() {
            return raw_len;
        }
        let i = self.points.partition_point(|p| p.norm as usize <= offset);
        let raw = match i.checked_sub(1).map(|k| self.points[k]) {
            None => offset,
            Some(p) if p.edited => p.raw as usize,
            Some(p) => p.raw as usize + (offset - p.norm as usize),
        };
        raw.min(raw_len)
    }

    /// The raw byte offset for a normalised offset that *ends* a span (exclusive end).
    ///
    /// It differs from [`raw_offset`](Self::raw_offset) only where bytes were dropped
    /// right at `offset`: the end of a line before a dropped `\r` maps to just before the
    /// `\r`, so a raw span never takes in removed characters after it. An end inside an
    /// edited stretch maps to the stretch's end.
    pub fn raw_end(&self, offset: usize) -> usize {
        let raw_len = self.raw_len as usize;
        if offset >= self.text.len() && self.points.last().is_none_or(|p| (p.norm as usize) < offset) {
            return self.raw_offset(offset);
        }
        let i = self.points.partition_point(|p| (p.norm as usize) < offset);
        let raw = match i.checked_sub(1).map(|k| self.points[k]) {
            None => offset,
            Some(p) if p.edited => self.points.get(i).map_or(raw_len, |n| n.raw as usize),
            Some(p) => p.raw as usize + (offset - p.norm as usize),
        };
        raw.min(raw_len)
    }

    /// True when normalisation changed nothing.
    pub fn is_unchanged(&self) -> bool {
        self.points.is_empty() && self.text.len() == self.raw_len as usize
    }
}

/// Normalises `raw`: NFC, BOMs removed, C0/C1 control characters other than `\n` and
/// `\t` replaced by a space, `\r\n` and a lone `\r` turned into `\n`.
///
/// Already clean text (the usual case) is detected with one byte scan plus the
/// `unicode-normalization` quick check on its non-ASCII stretches, and copied as is.
/// Inputs longer than 4 GiB are not dyad documents; their offsets saturate.
pub fn normalize(raw: &str) -> Normalized {
    let raw_len = u32::try_from(raw.len()).unwrap_or(u32::MAX);
    if is_clean(raw) {
        return Normalized { text: raw.to_owned(), points: Vec::new(), raw_len };
    }
    let mut out = Normalizer { text: String::with_capacity(raw.len()), points: Vec::new() };
    let bytes = raw.as_bytes();
    let mut i = 0;
    // Start of the stretch of bytes that are copied as they are.
    let mut copy_from = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b == b'\r' || (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
                out.text.push_str(&raw[copy_from..i]);
                if b == b'\r' {
                    if bytes.get(i + 1) == Some(&b'\n') {
                        // Drop the `\r`: the `\n` that follows maps to itself.
                        out.shift(i + 1);
                    } else {
                        out.text.push('\n');
                    }
                } else {
                    out.text.push(' ');
                }
                i += 1;
                copy_from = i;
            } else {
                i += 1;
            }
            continue;
        }
        // A stretch of non-ASCII characters, up to the next ASCII byte, BOM or C1 control.
        let start = i;
        let mut end = i;
        let mut special = None;
        for (k, c) in raw[start..].char_indices() {
            if c.is_ascii() {
                break;
            }
            if c == '\u{feff}' || ('\u{80}'..='\u{9f}').contains(&c) {
                special = Some(c);
                break;
            }
            end = start + k + c.len_utf8();
        }
        if end > start {
            // The ASCII character before the stretch may compose with it ("e" + U+0301).
            let seg_start = if start > copy_from && bytes[start - 1].is_ascii_alphabetic() { start - 1 } else { start };
            let seg = &raw[seg_start..end];
            if is_nfc_quick(seg.chars()) != IsNormalized::Yes {
                let composed: String = seg.nfc().collect();
                if composed != seg {
                    out.text.push_str(&raw[copy_from..seg_start]);
                    out.edit(seg_start, &composed, end);
                    copy_from = end;
                }
            }
            i = end;
        }
        if let Some(c) = special {
            out.text.push_str(&raw[copy_from..i]);
            let len = c.len_utf8();
            if c == '\u{feff}' {
                out.shift(i + len);
            } else {
                out.edit(i, " ", i + len);
            }
            i += len;
            copy_from = i;
        }
    }
    out.text.push_str(&raw[copy_from..]);
    Normalized { text: out.text, points: out.points, raw_len }
}

/// The output being built and its change points.
struct Normalizer {
    text: String,
    points: Vec<Point>,
}

impl Normalizer {
    /// From the current output position on, output maps to raw `raw` (a deletion before it).
    fn shift(&mut self, raw: usize) {
        self.point(raw, false);
    }

    /// Appends `with` in place of raw bytes `raw..raw_end`.
    fn edit(&mut self, raw: usize, with: &str, raw_end: usize) {
        self.point(raw, true);
        self.text.push_str(with);
        self.point(raw_end, false);
    }

    fn point(&mut self, raw: usize, edited: bool) {
        let p = Point { norm: sat(self.text.len()), raw: sat(raw), edited };
        match self.points.last_mut() {
            Some(last) if last.norm == p.norm => *last = p,
            _ => self.points.push(p),
        }
    }
}

fn sat(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// True when `raw` needs no change at all.
///
/// One pass over the bytes; only the non-ASCII stretches (with the ASCII letter before
/// each, which could compose with it) go through the NFC quick check.
fn is_clean(raw: &str) -> bool {
    let bytes = raw.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f {
                return false;
            }
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && bytes[i] >= 0x80 {
            // U+0080..U+009F are C2 80..C2 9F; U+FEFF is EF BB BF.
            let b = bytes[i];
            if (b == 0xc2 && matches!(bytes.get(i + 1), Some(0x80..=0x9f)))
                || (b == 0xef && bytes.get(i + 1) == Some(&0xbb) && bytes.get(i + 2) == Some(&0xbf))
            {
                return false;
            }
            i += 1;
        }
        let from = if start > 0 && bytes[start - 1].is_ascii_alphabetic() { start - 1 } else { start };
        // Both ends are char boundaries: ASCII bytes or the text's ends.
        if is_nfc_quick(raw[from..i].chars()) != IsNormalized::Yes {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `raw` normalises to `text`, and each `(normalised, raw)` offset pair maps as given.
    fn check(raw: &str, text: &str, offsets: &[(usize, usize)]) {
        let n = normalize(raw);
        assert_eq!(n.text, text, "text of {raw:?}");
        for &(norm, want) in offsets {
            assert_eq!(n.raw_offset(norm), want, "offset {norm} of {raw:?}");
        }
    }

    #[test]
    fn span_ends() {
        let n = normalize("ab\r\ncd");
        assert_eq!((n.raw_offset(2), n.raw_end(2)), (3, 2));
        assert_eq!(n.raw_end(5), 6);
        let n = normalize("cafe\u{301}!");
        assert_eq!((n.raw_offset(3), n.raw_end(5)), (3, 6));
        assert_eq!(n.raw_end(4), 6);
        let n = normalize("a\r\n");
        assert_eq!((n.raw_end(1), n.raw_end(2)), (1, 3));
        assert_eq!(normalize("plain").raw_end(3), 3);
    }

    #[test]
    fn clean_text_is_copied() {
        let n = normalize("Talks resumed in Geneva. “Progress,” she said — twice.");
        assert!(n.is_unchanged());
        check("abc", "abc", &[(0, 0), (2, 2), (3, 3), (9, 3)]);
        check("", "", &[(0, 0)]);
    }

    #[test]
    fn line_ends() {
        check("a\r\nb", "a\nb", &[(0, 0), (1, 2), (2, 3), (3, 4)]);
        check("a\rb\r", "a\nb\n", &[(1, 1), (2, 2), (3, 3), (4, 4)]);
        check("\r\n\r\n", "\n\n", &[(0, 1), (1, 3), (2, 4)]);
    }

    #[test]
    fn controls_and_bom() {
        check("\u{feff}Kyiv", "Kyiv", &[(0, 3), (3, 6), (4, 7)]);
        check("a\u{0}b\u{7f}c", "a b c", &[(1, 1), (2, 2), (4, 4)]);
        check("a\u{85}b", "a b", &[(0, 0), (1, 1), (2, 3)]);
        check("tab\tkept", "tab\tkept", &[]);
        check("x\u{feff}y", "xy", &[(0, 0), (1, 4)]);
    }

    #[test]
    fn nfc() {
        // "Zelenskyy's café" with a combining acute accent: e + U+0301 becomes é.
        check("cafe\u{301} bar", "caf\u{e9} bar", &[(0, 0), (3, 3), (4, 3), (5, 6), (6, 7)]);
        check("\u{1e0b}\u{323}", "\u{1e0d}\u{307}", &[(0, 0), (3, 0), (5, 5)]);
        check("Ελλάδα", "Ελλάδα", &[(4, 4)]);
    }

    #[test]
    fn quotes_and_dashes_stay() {
        let raw = "‘No’ – «non» — \"nein\"";
        assert_eq!(normalize(raw).text, raw);
    }
}
