//! [`LexiconError`]: what is wrong with a dictionary file, and where.

use std::fmt;

/// What kind of problem a [`LexiconError`] reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The file or directory could not be read.
    Io,
    /// The header line names no known file format.
    Header,
    /// A line has the wrong number of columns or an empty required column.
    Columns,
    /// A date is not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, or a period ends before it starts.
    Date,
    /// An actor code contains a unit that no units file defines.
    Code,
    /// A value outside its closed set (label, kind).
    Value,
    /// The same term names two different things over overlapping periods.
    Overlap,
}

/// A problem in one line of one dictionary file. `Display` gives `file:line: message`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconError {
    /// The file, as given to the loader (`people/usa.tsv` or a user path).
    pub file: String,
    /// 1-based line number; 0 when the problem concerns the whole file.
    pub line: u32,
    /// The kind of problem.
    pub kind: ErrorKind,
    /// What is wrong, for the person who maintains the file.
    pub message: String,
}

impl LexiconError {
    pub(crate) fn new(file: &str, line: u32, kind: ErrorKind, message: impl Into<String>) -> LexiconError {
        LexiconError { file: file.to_string(), line, kind, message: message.into() }
    }
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.file, self.message)
        } else {
            write!(f, "{}:{}: {}", self.file, self.line, self.message)
        }
    }
}

impl std::error::Error for LexiconError {}

/// All the problems found while loading, in file and line order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LexiconErrors(pub Vec<LexiconError>);

impl fmt::Display for LexiconErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, e) in self.0.iter().enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{e}")?;
        }
        Ok(())
    }
}

impl std::error::Error for LexiconErrors {}
