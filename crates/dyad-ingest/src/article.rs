//! What a reader produces: one article's text, metadata and where it came from.

use dyad_core::Metadata;
use std::fmt;
use std::path::PathBuf;

/// One document as read from its source, before any annotation.
#[derive(Clone, Debug, PartialEq)]
pub struct Article {
    /// Identifier: the record's id, or the file name without its extensions.
    pub id: String,
    /// The text, decoded to UTF-8 but otherwise as the source holds it.
    pub text: String,
    /// Title, date, URL and the like, as far as the source gives them.
    pub meta: Metadata,
    /// Where the article came from, for messages.
    pub origin: Origin,
    /// Things worth telling the user that did not stop the article from being read
    /// (bytes replaced under `--lossy`, an empty file, an unreadable date).
    pub warnings: Vec<String>,
}

impl Article {
    /// An article made in memory, with no metadata: for tests and library callers.
    pub fn from_text(id: impl Into<String>, text: impl Into<String>) -> Article {
        Article {
            id: id.into(),
            text: text.into(),
            meta: Metadata::default(),
            origin: Origin { path: None, record: None },
            warnings: Vec::new(),
        }
    }
}

/// A file (or standard input) and, for multi-record files, the record number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Origin {
    /// The file; `None` for standard input.
    pub path: Option<PathBuf>,
    /// 1-based line number of a JSONL record.
    pub record: Option<u64>,
}

impl fmt::Display for Origin {
    /// `path`, `path:line`, `<stdin>` or `<stdin>:line`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.path {
            Some(p) => write!(f, "{}", p.display())?,
            None => f.write_str("<stdin>")?,
        }
        if let Some(r) = self.record {
            write!(f, ":{r}")?;
        }
        Ok(())
    }
}
