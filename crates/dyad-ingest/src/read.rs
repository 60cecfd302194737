//! Walking the inputs: files, directories, standard input and JSONL streams.

use crate::jsonl::parse_record;
use crate::{Article, Error, ErrorKind, Fields, Origin};
use dyad_core::{Metadata, Published};
use std::collections::VecDeque;
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One source of articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory. Directories are walked recursively in name order, hidden
    /// entries skipped; files ending in `.jsonl` or `.ndjson` are read as JSONL, others
    /// as plain text.
    Path(PathBuf),
    /// Standard input, as one plain-text article.
    Stdin,
    /// A JSONL file, or standard input when `None`, whatever its name.
    Jsonl(Option<PathBuf>),
}

/// How to read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Replace invalid UTF-8 with U+FFFD and warn, instead of rejecting the document.
    pub lossy: bool,
    /// Publication date of articles whose source gives none.
    pub date: Option<Published>,
    /// JSONL field names.
    pub fields: Fields,
}

/// Iterator over the articles of a list of inputs, in input order.
///
/// Each item is one article or one error; after an error the iterator goes on with the
/// next record or file, so one bad input never hides the others.
pub struct Articles {
    pending: VecDeque<Pending>,
    current: Option<JsonlStream>,
    options: ReadOptions,
}

enum Pending {
    Path(PathBuf),
    Stdin,
    Jsonl(Option<PathBuf>),
}

struct JsonlStream {
    reader: Box<dyn BufRead + Send>,
    path: Option<PathBuf>,
    stem: String,
    line: u64,
    buf: Vec<u8>,
}

impl Articles {
    /// Articles from `inputs`, read lazily.
    pub fn new(inputs: Vec<Input>, options: ReadOptions) -> Articles {
        let pending = inputs
            .into_iter()
            .map(|i| match i {
                Input::Path(p) => Pending::Path(p),
                Input::Stdin => Pending::Stdin,
                Input::Jsonl(p) => Pending::Jsonl(p),
            })
            .collect();
        Articles { pending, current: None, options }
    }

    fn next_record(&mut self) -> Option<Result<Article, Error>> {
        let stream = self.current.as_mut()?;
        loop {
            stream.buf.clear();
            stream.line += 1;
            let origin = Origin { path: stream.path.clone(), record: Some(stream.line) };
            match stream.reader.read_until(b'\n', &mut stream.buf) {
                Ok(0) => {
                    self.current = None;
                    return None;
                }
                Ok(_) => {}
                Err(e) => {
                    self.current = None;
                    return Some(Err(Error { origin, kind: ErrorKind::Io(e) }));
                }
            }
            if stream.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let (line, warning) = match decode(std::mem::take(&mut stream.buf), self.options.lossy) {
                Ok(decoded) => decoded,
                Err(kind) => return Some(Err(Error { origin, kind })),
            };
            let fallback_id = format!("{}:{}", stream.stem, stream.line);
            let record = parse_record(&line, origin, &self.options.fields, fallback_id, self.options.date);
            return Some(record.map(|mut a| {
                a.warnings.extend(warning);
                a
            }));
        }
    }

    fn open(&mut self, pending: Pending) -> Option<Result<Article, Error>> {
        match pending {
            Pending::Stdin => {
                let mut bytes = Vec::new();
                let origin = Origin { path: None, record: None };
                Some(match std::io::stdin().lock().read_to_end(&mut bytes) {
                    Ok(_) => self.plain_text("stdin".into(), bytes, origin),
                    Err(e) => Err(Error { origin, kind: ErrorKind::Io(e) }),
                })
            }
            Pending::Jsonl(None) => {
                self.current = Some(JsonlStream::new(Box::new(BufReader::new(std::io::stdin())), None));
                None
            }
            Pending::Jsonl(Some(path)) => match File::open(&path) {
                Ok(f) => {
                    self.current = Some(JsonlStream::new(Box::new(BufReader::new(f)), Some(path)));
                    None
                }
                Err(e) => Some(Err(io_error(path, e))),
            },
            Pending::Path(path) => match std::fs::metadata(&path) {
                Err(e) => Some(Err(io_error(path, e))),
                Ok(m) if m.is_dir() => match list_dir(&path) {
                    Ok(children) => {
                        for child in children.into_iter().rev() {
                            self.pending.push_front(Pending::Path(child));
                        }
                        None
                    }
                    Err(e) => Some(Err(io_error(path, e))),
                },
                Ok(_) if is_jsonl_name(&path) => self.open(Pending::Jsonl(Some(path))),
                Ok(_) => Some(match std::fs::read(&path) {
                    Ok(bytes) => {
                        let origin = Origin { path: Some(path.clone()), record: None };
                        self.plain_text(file_stem(&path), bytes, origin)
                    }
                    Err(e) => Err(io_error(path, e)),
                }),
            },
        }
    }

    fn plain_text(&self, id: String, bytes: Vec<u8>, origin: Origin) -> Result<Article, Error> {
        let (text, warning) =
            decode(bytes, self.options.lossy).map_err(|kind| Error { origin: origin.clone(), kind })?;
        let mut warnings: Vec<String> = warning.into_iter().collect();
        if text.trim().is_empty() {
            warnings.push("empty document".into());
        }
        let meta = Metadata { published: self.options.date, ..Metadata::default() };
        Ok(Article { id, text, meta, origin, warnings })
    }
}

impl Iterator for Articles {
    type Item = Result<Article, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.current.is_some() {
                if let Some(item) = self.next_record() {
                    return Some(item);
                }
                continue;
            }
            let pending = self.pending.pop_front()?;
            if let Some(item) = self.open(pending) {
                return Some(item);
            }
        }
    }
}

impl JsonlStream {
    fn new(reader: Box<dyn BufRead + Send>, path: Option<PathBuf>) -> JsonlStream {
        let stem = path.as_deref().map_or_else(|| "stdin".to_string(), file_stem);
        JsonlStream { reader, path, stem, line: 0, buf: Vec::new() }
    }
}

/// Decodes UTF-8; with `lossy`, replaces bad sequences and returns a warning saying how many.
fn decode(bytes: Vec<u8>, lossy: bool) -> Result<(String, Option<String>), ErrorKind> {
    match String::from_utf8(bytes) {
        Ok(s) => Ok((s, None)),
        Err(e) if lossy => {
            let offset = e.utf8_error().valid_up_to();
            let bytes = e.into_bytes();
            let bad = bad_sequences(&bytes);
            let text = String::from_utf8_lossy(&bytes).into_owned();
            Ok((text, Some(format!("replaced {bad} invalid UTF-8 sequence(s), the first at byte {offset}"))))
        }
        Err(e) => Err(ErrorKind::InvalidUtf8 { offset: e.utf8_error().valid_up_to() }),
    }
}

fn bad_sequences(mut bytes: &[u8]) -> usize {
    let mut count = 0;
    while let Err(e) = std::str::from_utf8(bytes) {
        count += 1;
        let skip = e.valid_up_to() + e.error_len().unwrap_or(bytes.len() - e.valid_up_to());
        bytes = &bytes[skip..];
    }
    count
}

fn io_error(path: PathBuf, e: std::io::Error) -> Error {
    Error { origin: Origin { path: Some(path), record: None }, kind: ErrorKind::Io(e) }
}

/// Visible children of a directory, sorted by name so runs are reproducible.
fn list_dir(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut children = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        children.push(entry.path());
    }
    children.sort();
    Ok(children)
}

fn is_jsonl_name(path: &Path) -> bool {
    matches!(path.extension().and_then(|e| e.to_str()), Some("jsonl" | "ndjson"))
}

/// The file name without its extensions: `article.txt` and `article.txt.gz` give `article`.
/// Only short alphanumeric suffixes count as extensions, so `2022.02.13-report.txt`
/// keeps its dots.
pub(crate) fn file_stem(path: &Path) -> String {
    let mut name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    for _ in 0..2 {
        match name.rfind('.') {
            Some(dot) if dot > 0 && is_extension(&name[dot + 1..]) => name.truncate(dot),
            _ => break,
        }
    }
    name
}

fn is_extension(s: &str) -> bool {
    (1..=6).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems() {
        for (path, stem) in [
            ("a/article.txt", "article"),
            ("article.txt.gz", "article"),
            ("2022.02.13-report.txt", "2022.02.13-report"),
            ("README", "README"),
            (".hidden", ".hidden"),
        ] {
            assert_eq!(file_stem(Path::new(path)), stem, "{path}");
        }
    }

    #[test]
    fn decode_strict_and_lossy() {
        let bytes = b"ok \xff\xfe then \xc3".to_vec();
        match decode(bytes.clone(), false) {
            Err(ErrorKind::InvalidUtf8 { offset }) => assert_eq!(offset, 3),
            other => panic!("{other:?}"),
        }
        let (text, warning) = decode(bytes, true).unwrap();
        assert_eq!(text, "ok \u{fffd}\u{fffd} then \u{fffd}");
        assert_eq!(warning.unwrap(), "replaced 3 invalid UTF-8 sequence(s), the first at byte 3");
    }
}
