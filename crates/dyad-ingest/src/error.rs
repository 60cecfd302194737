//! Errors that name the file and record they come from.

use crate::Origin;
use std::fmt;

/// A source, or one record of it, could not be read. The reader moves on to the next one.
#[derive(Debug)]
pub struct Error {
    /// Where it happened.
    pub origin: Origin,
    /// What happened.
    pub kind: ErrorKind,
}

/// The ways reading can fail.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The operating system refused (missing file, permission denied, ...).
    Io(std::io::Error),
    /// The bytes are not UTF-8; `offset` is the first bad byte, counted from the start of
    /// the file or record. `--lossy` reads such input anyway.
    InvalidUtf8 {
        /// Offset of the first invalid byte.
        offset: usize,
    },
    /// A JSONL line is not a JSON object.
    Json(String),
    /// A JSONL record lacks its text field.
    MissingText {
        /// The field that was looked for.
        field: String,
    },
    /// A WARC archive is broken at this record (truncated, garbled header); the rest of
    /// the archive cannot be read.
    Warc(String),
    /// A feed could not be parsed.
    Feed(String),
    /// The text is too long for one document.
    TooLong(dyad_core::TextTooLong),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.origin)?;
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes and go on)")
            }
            ErrorKind::Json(e) => write!(f, "not a JSON object: {e}"),
            ErrorKind::MissingText { field } => write!(f, "record has no string field '{field}'"),
            ErrorKind::Warc(e) => write!(f, "WARC: {e}"),
            ErrorKind::Feed(e) => write!(f, "{e}"),
            ErrorKind::TooLong(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            ErrorKind::TooLong(e) => Some(e),
            _ => None,
        }
    }
}
