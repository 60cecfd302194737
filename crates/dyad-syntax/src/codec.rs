//! The byte codec of model files: little-endian numbers, LEB128 varints, length-prefixed
//! strings. Reading checks every bound, so a damaged file is an error, never a panic.
//!
//! A model file is `DYSYN` + format version (1 byte) + model kind (1 byte), then the model's
//! own sections (class names, lexicon, [`Weights`](crate::perceptron::Weights)).

use crate::{Error, Result};

/// Magic bytes at the start of every model file.
pub(crate) const MAGIC: &[u8; 5] = b"DYSYN";
/// Format version written by this code.
pub(crate) const VERSION: u8 = 1;

/// Appends encoded values to a byte buffer.
#[derive(Default)]
pub(crate) struct Writer {
    buf: Vec<u8>,
}

impl Writer {
    /// A writer that starts with the file header for model `kind`.
    pub(crate) fn with_header(kind: u8) -> Writer {
        let mut w = Writer::default();
        w.buf.extend_from_slice(MAGIC);
        w.buf.push(VERSION);
        w.buf.push(kind);
        w
    }

    pub(crate) fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }

    pub(crate) fn i16(&mut self, v: i16) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub(crate) fn varint(&mut self, mut v: u64) {
        loop {
            let b = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.buf.push(b);
                return;
            }
            self.buf.push(b | 0x80);
        }
    }

    pub(crate) fn str(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }

    pub(crate) fn strs(&mut self, v: &[String]) {
        self.varint(v.len() as u64);
        for s in v {
            self.str(s);
        }
    }

    pub(crate) fn into_bytes(self) -> Vec<u8> {
        self.buf
    }
}

/// Reads encoded values from a byte slice.
pub(crate) struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn new(buf: &'a [u8]) -> Reader<'a> {
        Reader { buf, pos: 0 }
    }

    /// A reader past the header, after checking magic, version and kind.
    pub(crate) fn with_header(buf: &'a [u8], kind: u8) -> Result<Reader<'a>> {
        Ok(Reader::with_header_of(buf, &[kind])?.0)
    }

    /// [`Reader::with_header`] for a file of any of the model `kinds`; returns the kind found.
    pub(crate) fn with_header_of(buf: &'a [u8], kinds: &[u8]) -> Result<(Reader<'a>, u8)> {
        let mut r = Reader::new(buf);
        let magic = r.take(MAGIC.len())?;
        if magic != MAGIC {
            return Err(Error::model("not a dyad-syntax model file"));
        }
        let version = r.u8()?;
        if version != VERSION {
            return Err(Error::model(format!("model format version {version}, expected {VERSION}")));
        }
        let k = r.u8()?;
        if !kinds.contains(&k) {
            return Err(Error::model(format!("model kind {k}, expected {kinds:?}")));
        }
        Ok((r, k))
    }

    pub(crate) fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8]> {
        if n > self.remaining() {
            return Err(Error::model("model file is truncated"));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub(crate) fn u8(&mut self) -> Result<u8> {
        Ok(self.take(1)?[0])
    }

    pub(crate) fn f32(&mut self) -> Result<f32> {
        let b = self.take(4)?;
        Ok(f32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// A LEB128 varint of at most ten bytes. (Read over the slice rather than byte by checked
    /// byte: the weight tables hold a million of them, and they were a fifth of load time.)
    #[inline]
    pub(crate) fn varint(&mut self) -> Result<u64> {
        let rest = &self.buf[self.pos..];
        let mut v = 0u64;
        for (i, &b) in rest.iter().take(10).enumerate() {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.pos += i + 1;
                return Ok(v);
            }
        }
        Err(Error::model(if rest.len() < 10 { "model file is truncated" } else { "varint too long" }))
    }

    pub(crate) fn str(&mut self) -> Result<&'a str> {
        let n = self.varint()? as usize;
        let b = self.take(n)?;
        std::str::from_utf8(b).map_err(|_| Error::model("string is not UTF-8"))
    }

    pub(crate) fn strs(&mut self) -> Result<Vec<&'a str>> {
        let n = self.varint()? as usize;
        if n > self.remaining() {
            return Err(Error::model("string count larger than the file"));
        }
        (0..n).map(|_| self.str()).collect()
    }

    /// Fails unless every byte was read.
    pub(crate) fn finish(&self) -> Result<()> {
        if self.remaining() != 0 {
            return Err(Error::model("trailing bytes after the model"));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_round_trip() {
        let mut w = Writer::with_header(7);
        w.varint(0);
        w.varint(300);
        w.varint(u64::MAX);
        w.i16(-5);
        w.f32(1.5);
        w.strs(&["a".into(), "éé".into()]);
        let bytes = w.into_bytes();
        let mut r = Reader::with_header(&bytes, 7).expect("header");
        assert_eq!(r.varint().ok(), Some(0));
        assert_eq!(r.varint().ok(), Some(300));
        assert_eq!(r.varint().ok(), Some(u64::MAX));
        assert_eq!(
            r.take(2).ok().map(|b| i16::from_le_bytes([b[0], b[1]])),
            Some(-5),
            "i16 as the weight rows hold it"
        );
        assert_eq!(r.f32().ok(), Some(1.5));
        assert_eq!(r.strs().ok(), Some(vec!["a", "éé"]));
        assert!(r.finish().is_ok());
        assert!(Reader::with_header(&bytes, 8).is_err());
        assert!(Reader::with_header(b"DYS", 7).is_err());
    }

    #[test]
    fn cut_or_endless_varints_are_errors() {
        let message = |bytes: &[u8]| Reader::new(bytes).varint().err().map(|e| e.to_string());
        assert!(message(&[0x80, 0x80]).is_some_and(|m| m.contains("truncated")));
        assert!(message(&[]).is_some_and(|m| m.contains("truncated")));
        assert!(message(&[0xff; 11]).is_some_and(|m| m.contains("too long")));
        let mut r = Reader::new(&[0xac, 0x02, 0x05]);
        assert_eq!((r.varint().ok(), r.remaining()), (Some(300), 1), "stops after the last byte of the varint");
    }
}
