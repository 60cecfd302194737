//! The crate's error type: what went wrong, and in which file and line when known.

use std::fmt;
use std::path::{Path, PathBuf};

/// What went wrong.
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing failed.
    Io(std::io::Error),
    /// A CoNLL-U or IOB2 input line could not be read.
    Format(String),
    /// A model file is damaged, of another kind or of another format version.
    Model(String),
    /// Training could not run (no data, too many classes).
    Training(String),
}

/// An error of dyad-syntax, with the file and line it concerns when known.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    path: Option<PathBuf>,
    line: Option<usize>,
}

impl Error {
    pub(crate) fn io(path: Option<&Path>, e: std::io::Error) -> Error {
        Error { kind: ErrorKind::Io(e), path: path.map(Path::to_path_buf), line: None }
    }

    pub(crate) fn format(line: usize, msg: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Format(msg.into()), path: None, line: Some(line) }
    }

    pub(crate) fn model(msg: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Model(msg.into()), path: None, line: None }
    }

    pub(crate) fn training(msg: impl Into<String>) -> Error {
        Error { kind: ErrorKind::Training(msg.into()), path: None, line: None }
    }

    /// The same error, naming `path` (unless it already names a file).
    pub fn with_path(mut self, path: &Path) -> Error {
        if self.path.is_none() {
            self.path = Some(path.to_path_buf());
        }
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    /// The file concerned, if known.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The 1-based input line concerned, if known.
    pub fn line(&self) -> Option<usize> {
        self.line
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.path, self.line) {
            (Some(p), Some(l)) => write!(f, "{}:{l}: ", p.display())?,
            (Some(p), None) => write!(f, "{}: ", p.display())?,
            (None, Some(l)) => write!(f, "line {l}: ")?,
            (None, None) => {}
        }
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Format(m) => write!(f, "bad CoNLL-U: {m}"),
            ErrorKind::Model(m) => write!(f, "bad model: {m}"),
            ErrorKind::Training(m) => write!(f, "cannot train: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

/// The crate's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
