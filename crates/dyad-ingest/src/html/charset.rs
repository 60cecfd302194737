//! Character-set detection and decoding of HTML bytes into UTF-8.
//!
//! Order of evidence: a byte-order mark; then bytes that are valid UTF-8 and hold at least one
//! multi-byte sequence (pages saved by browsers keep their original `<meta charset>` but are
//! re-encoded as UTF-8, and real legacy-encoded text is almost never valid UTF-8 by accident);
//! then the caller's HTTP `charset`; then a `<meta charset>` or `http-equiv` declaration in the
//! first 1024 bytes; then UTF-8 if valid; else windows-1252. Decoding never fails: malformed
//! sequences become U+FFFD.

use std::borrow::Cow;

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// How far into the document a `<meta>` charset declaration is looked for.
const PRESCAN_BYTES: usize = 1024;

/// Decodes `bytes` to UTF-8 text, choosing the encoding as described in the module doc.
pub(crate) fn decode<'a>(bytes: &'a [u8], header_charset: Option<&str>) -> Cow<'a, str> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        let rest = bytes.get(bom_len..).unwrap_or(&[]);
        return enc.decode_without_bom_handling(rest).0;
    }
    let utf8 = std::str::from_utf8(bytes).ok();
    if let Some(s) = utf8
        && !s.is_ascii()
    {
        return Cow::Borrowed(s);
    }
    let declared = header_charset.and_then(label_to_encoding).or_else(|| prescan(bytes));
    match (declared, utf8) {
        (Some(enc), _) if enc != UTF_8 => enc.decode_without_bom_handling(bytes).0,
        (_, Some(s)) => Cow::Borrowed(s),
        (Some(_), None) => UTF_8.decode_without_bom_handling(bytes).0,
        (None, None) => WINDOWS_1252.decode_without_bom_handling(bytes).0,
    }
}

/// Maps a charset label to an encoding. UTF-16 labels in a document that has no BOM are
/// treated as UTF-8, as browsers do for `<meta>` declarations.
fn label_to_encoding(label: &str) -> Option<&'static Encoding> {
    let enc = Encoding::for_label(label.trim().trim_matches(|c| c == '"' || c == '\'').as_bytes())?;
    if enc == encoding_rs::UTF_16LE || enc == encoding_rs::UTF_16BE || enc == encoding_rs::REPLACEMENT {
        return Some(UTF_8);
    }
    Some(enc)
}

/// Looks for `charset=LABEL` inside a `<meta` tag among the first [`PRESCAN_BYTES`] bytes.
pub(crate) fn prescan(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = bytes.get(..PRESCAN_BYTES.min(bytes.len()))?;
    let mut from = 0;
    while let Some(off) = memchr::memchr(b'<', head.get(from..)?) {
        let start = from + off;
        from = start + 1;
        let is_meta = head.get(start + 1..start + 5).is_some_and(|t| t.eq_ignore_ascii_case(b"meta"));
        if !is_meta {
            continue;
        }
        let end = memchr::memchr(b'>', head.get(start..)?).map_or(head.len(), |e| start + e);
        let tag = head.get(start..end)?;
        if let Some(enc) = charset_in(tag) {
            return Some(enc);
        }
    }
    None
}

/// Finds `charset` followed by `=` and a label within one tag's bytes.
fn charset_in(tag: &[u8]) -> Option<&'static Encoding> {
    let mut i = 0;
    while i + 7 <= tag.len() {
        if tag.get(i..i + 7).is_some_and(|w| w.eq_ignore_ascii_case(b"charset")) {
            let mut j = i + 7;
            while tag.get(j).is_some_and(|b| b.is_ascii_whitespace()) {
                j += 1;
            }
            if tag.get(j) == Some(&b'=') {
                j += 1;
                while tag.get(j).is_some_and(|b| b.is_ascii_whitespace() || *b == b'"' || *b == b'\'') {
                    j += 1;
                }
                let k = tag
                    .get(j..)?
                    .iter()
                    .position(|b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b';' | b'/' | b'>'))
                    .map_or(tag.len(), |p| j + p);
                let label = std::str::from_utf8(tag.get(j..k)?).ok()?;
                return label_to_encoding(label);
            }
        }
        i += 1;
    }
    None
}
