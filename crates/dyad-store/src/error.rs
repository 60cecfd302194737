//! The store's errors: each says which file and what to do.

use std::fmt;
use std::path::PathBuf;

/// A store could not be opened, read or written.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// The file is not a dyad store (another SQLite database, or not SQLite at all).
    NotAStore {
        /// The file.
        path: PathBuf,
        /// What was found.
        found: String,
    },
    /// The store was written by a newer dyad, with a schema this one does not know.
    TooNew {
        /// The file.
        path: PathBuf,
        /// Its schema version.
        found: i64,
        /// The newest version this dyad reads.
        supported: i64,
    },
    /// SQLite reported an error (disk full, corrupt file, ...).
    Sqlite {
        /// The file, when known.
        path: Option<PathBuf>,
        /// SQLite's error.
        source: rusqlite::Error,
    },
    /// A query argument could not be used.
    BadQuery(String),
    /// Writing an export failed.
    Io(std::io::Error),
    /// The Parquet writer refused the data (a bug in the export, reported as such).
    Parquet(String),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::NotAStore { path, found } => {
                write!(f, "{}: not a dyad store ({found}); give another --db path", path.display())
            }
            Error::TooNew { path, found, supported } => write!(
                f,
                "{}: store schema version {found} is newer than this dyad reads ({supported}); upgrade dyad",
                path.display()
            ),
            Error::Sqlite { path: Some(p), source } => write!(f, "{}: {source}", p.display()),
            Error::Sqlite { path: None, source } => write!(f, "store: {source}"),
            Error::BadQuery(m) => write!(f, "{m}"),
            Error::Io(e) => write!(f, "{e}"),
            Error::Parquet(m) => write!(f, "Parquet export: {m}"),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Sqlite { source, .. } => Some(source),
            Error::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(source: rusqlite::Error) -> Error {
        Error::Sqlite { path: None, source }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Error {
        Error::Io(e)
    }
}
