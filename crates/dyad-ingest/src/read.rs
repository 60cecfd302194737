//! Walking the inputs: files (plain, gzip-compressed), directories, standard input, and
//! the formats found inside them: plain text, HTML, RSS/Atom feeds, WARC archives, JSONL.

use crate::feed::read_feed;
use crate::jsonl::parse_record;
use crate::warc::{WarcReader, charset_of, parse_http};
use crate::{Article, Error, ErrorKind, Fields, Origin};
use dyad_core::{Metadata, Published};
use std::collections::{BTreeMap, VecDeque};
use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// One source of articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file or a directory. Directories are walked recursively in name order, hidden
    /// entries skipped. Each file's format is recognised from its content (gzip is
    /// undone first): WARC, RSS/Atom, HTML, JSONL, else plain text.
    Path(PathBuf),
    /// Standard input, recognised like a file.
    Stdin,
    /// A JSONL file, or standard input when `None`, whatever its name or content.
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

/// The formats a file can hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text: one article.
    Text,
    /// An HTML page: one article, its body extracted.
    Html,
    /// An RSS, Atom or RDF feed: one article per item.
    Feed,
    /// A WARC archive: one article per HTML response record.
    Warc,
    /// JSON Lines: one article per record.
    Jsonl,
}

/// Iterator over the documents of a list of inputs, in input order.
///
/// Reading is split in two so that the costly half can run in parallel: this iterator
/// does the sequential part (walking directories, reading files, splitting JSONL lines,
/// WARC records and feed items) and yields [`Raw`] documents; [`Raw::decode`] does the
/// rest (UTF-8 checks, JSON parsing, HTML extraction) and may run on any thread.
///
/// Each item is one document or one error; after an error the iterator goes on with the
/// next record or file, so one bad input never hides the others. Records that are not
/// articles (a WARC request, an image response) are counted in [`Articles::skipped`].
pub struct Articles {
    pending: VecDeque<Pending>,
    current: Option<Stream>,
    ready: VecDeque<Result<Raw, Error>>,
    options: ReadOptions,
    skipped: BTreeMap<&'static str, u64>,
    consumed: Arc<AtomicU64>,
}

/// A document read but not yet decoded: see [`Articles`].
pub struct Raw {
    origin: Origin,
    id: String,
    body: Body,
}

enum Body {
    Text(Vec<u8>),
    JsonlLine(Vec<u8>),
    Html { bytes: Vec<u8>, charset: Option<String>, url: Option<String>, date: Option<Published> },
    Done(Article),
}

impl Raw {
    /// Where the document comes from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    /// Decodes, parses or extracts the document's text and metadata.
    pub fn decode(self, options: &ReadOptions) -> Result<Article, Error> {
        let Raw { origin, id, body } = self;
        match body {
            Body::Done(article) => Ok(article),
            Body::Text(bytes) => plain_text(id, bytes, origin, options),
            Body::Html { bytes, charset, url, date } => {
                Ok(html_article(bytes, charset.as_deref(), url.as_deref(), id, origin, date.or(options.date)))
            }
            Body::JsonlLine(bytes) => {
                let (text, warning) =
                    decode(bytes, options.lossy).map_err(|kind| Error { origin: origin.clone(), kind })?;
                parse_record(&text, origin, &options.fields, id, options.date).map(|mut a| {
                    a.warnings.extend(warning);
                    a
                })
            }
        }
    }
}

enum Pending {
    Path(PathBuf),
    Stdin,
    Jsonl(Option<PathBuf>),
}

type Source = Box<dyn BufRead + Send>;

enum Stream {
    Jsonl { reader: Source, path: Option<PathBuf>, stem: String, line: u64, buf: Vec<u8> },
    Warc { reader: WarcReader<Source>, path: Option<PathBuf>, stem: String, record: u64 },
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
        let consumed = Arc::new(AtomicU64::new(0));
        Articles { pending, current: None, ready: VecDeque::new(), options, skipped: BTreeMap::new(), consumed }
    }

    /// Bytes read from files so far (compressed bytes for gzip files), for progress:
    /// compare with [`total_size`] of the inputs.
    pub fn consumed(&self) -> u64 {
        self.consumed.load(Ordering::Relaxed)
    }

    /// The same documents, decoded one after the other on this thread.
    pub fn decoded(self) -> impl Iterator<Item = Result<Article, Error>> {
        let options = self.options.clone();
        self.map(move |raw| raw.and_then(|r| r.decode(&options)))
    }

    /// Records passed over because they hold no article, by reason.
    pub fn skipped(&self) -> &BTreeMap<&'static str, u64> {
        &self.skipped
    }

    fn skip(&mut self, reason: &'static str) {
        *self.skipped.entry(reason).or_default() += 1;
    }

    /// The next item of the open JSONL or WARC stream; `None` when it is exhausted.
    fn next_from_stream(&mut self) -> Option<Result<Raw, Error>> {
        loop {
            let item = match self.current.as_mut()? {
                Stream::Jsonl { reader, path, stem, line, buf } => {
                    buf.clear();
                    *line += 1;
                    let origin = Origin { path: path.clone(), record: Some(*line) };
                    match reader.read_until(b'\n', buf) {
                        Ok(0) => None,
                        Err(e) => Some(Err(Error { origin, kind: ErrorKind::Io(e) })),
                        Ok(_) if buf.iter().all(u8::is_ascii_whitespace) => continue,
                        Ok(_) => Some(Ok(Raw {
                            origin,
                            id: format!("{stem}:{line}"),
                            body: Body::JsonlLine(std::mem::take(buf)),
                        })),
                    }
                }
                Stream::Warc { reader, path, stem, record } => {
                    *record += 1;
                    let origin = Origin { path: path.clone(), record: Some(*record) };
                    match reader.next_record() {
                        None => None,
                        Some(Err(e)) => Some(Err(Error { origin, kind: ErrorKind::Warc(e.to_string()) })),
                        Some(Ok(r)) => {
                            let fallback = format!("{stem}:{record}");
                            match warc_article(r, origin, fallback) {
                                Ok(raw) => Some(Ok(raw)),
                                Err(reason) => {
                                    self.skip(reason);
                                    continue;
                                }
                            }
                        }
                    }
                }
            };
            if item.is_none() {
                self.current = None;
            }
            return item;
        }
    }

    /// Opens one pending input: queues a directory's children, starts a stream, or reads a
    /// whole document into `ready`.
    fn open(&mut self, pending: Pending) {
        let (path, forced_jsonl) = match pending {
            Pending::Path(path) => (Some(path), false),
            Pending::Stdin => (None, false),
            Pending::Jsonl(path) => (path, true),
        };
        let origin = Origin { path: path.clone(), record: None };
        if let Some(p) = &path {
            match std::fs::metadata(p) {
                Err(e) => return self.ready.push_back(Err(Error { origin, kind: ErrorKind::Io(e) })),
                Ok(m) if m.is_dir() => {
                    match list_dir(p) {
                        Ok(children) => {
                            children.into_iter().rev().for_each(|c| self.pending.push_front(Pending::Path(c)))
                        }
                        Err(e) => self.ready.push_back(Err(Error { origin, kind: ErrorKind::Io(e) })),
                    }
                    return;
                }
                Ok(_) => {}
            }
        }
        let mut source = match open_source(path.as_deref(), &self.consumed) {
            Ok(s) => s,
            Err(e) => return self.ready.push_back(Err(Error { origin, kind: ErrorKind::Io(e) })),
        };
        let stem = path.as_deref().map_or_else(|| "stdin".to_string(), file_stem);
        let format = if forced_jsonl {
            Format::Jsonl
        } else {
            match source.fill_buf() {
                Ok(head) => sniff(path.as_deref(), head),
                Err(e) => return self.ready.push_back(Err(Error { origin, kind: ErrorKind::Io(e) })),
            }
        };
        match format {
            Format::Jsonl => {
                self.current = Some(Stream::Jsonl { reader: source, path, stem, line: 0, buf: Vec::new() })
            }
            Format::Warc => {
                self.current = Some(Stream::Warc { reader: WarcReader::new(source), path, stem, record: 0 })
            }
            Format::Text | Format::Html | Format::Feed => {
                // Start at the file's size: a doubling buffer would hold up to twice a large page.
                let size = path.as_deref().and_then(|p| std::fs::metadata(p).ok()).map_or(0, |m| m.len());
                let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0).saturating_add(1));
                if let Err(e) = source.read_to_end(&mut bytes) {
                    return self.ready.push_back(Err(Error { origin, kind: ErrorKind::Io(e) }));
                }
                match format {
                    Format::Text => self.ready.push_back(Ok(Raw { origin, id: stem, body: Body::Text(bytes) })),
                    Format::Html => {
                        let body = Body::Html { bytes, charset: None, url: None, date: None };
                        self.ready.push_back(Ok(Raw { origin, id: stem, body }))
                    }
                    _ => self.feed(&bytes, origin),
                }
            }
        }
    }

    fn feed(&mut self, bytes: &[u8], origin: Origin) {
        match read_feed(bytes) {
            Err(message) => self.ready.push_back(Err(Error { origin, kind: ErrorKind::Feed(message) })),
            Ok(items) => {
                for (n, item) in items.into_iter().enumerate() {
                    let origin = Origin { path: origin.path.clone(), record: Some(n as u64 + 1) };
                    let mut warnings = Vec::new();
                    let published = item.published.as_deref().and_then(|d| date_or_warn(d, &mut warnings));
                    if item.text.trim().is_empty() {
                        warnings.push("empty document".into());
                    }
                    let meta = Metadata {
                        url: item.url,
                        title: item.title,
                        published: published.or(self.options.date),
                        author: item.author,
                        ..Metadata::default()
                    };
                    let article =
                        Article { id: item.id.clone(), text: item.text, meta, origin: origin.clone(), warnings };
                    self.ready.push_back(Ok(Raw { origin, id: item.id, body: Body::Done(article) }));
                }
            }
        }
    }
}

fn plain_text(id: String, bytes: Vec<u8>, origin: Origin, options: &ReadOptions) -> Result<Article, Error> {
    let (text, warning) = decode(bytes, options.lossy).map_err(|kind| Error { origin: origin.clone(), kind })?;
    let mut warnings: Vec<String> = warning.into_iter().collect();
    if text.trim().is_empty() {
        warnings.push("empty document".into());
    }
    let meta = Metadata { published: options.date, ..Metadata::default() };
    Ok(Article { id, text, meta, origin, warnings })
}

impl Iterator for Articles {
    type Item = Result<Raw, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.ready.pop_front() {
                return Some(item);
            }
            if self.current.is_some() {
                if let Some(item) = self.next_from_stream() {
                    return Some(item);
                }
                continue;
            }
            let pending = self.pending.pop_front()?;
            self.open(pending);
        }
    }
}

/// A buffered reader over a file or stdin, gzip undone when the bytes start with its magic.
fn open_source(path: Option<&Path>, consumed: &Arc<AtomicU64>) -> std::io::Result<Source> {
    let mut raw: Source = match path {
        Some(p) => {
            let file = Counting { inner: File::open(p)?, count: Arc::clone(consumed) };
            Box::new(BufReader::with_capacity(1 << 16, file))
        }
        None => Box::new(BufReader::with_capacity(1 << 16, std::io::stdin())),
    };
    if raw.fill_buf()?.starts_with(&[0x1f, 0x8b]) {
        return Ok(Box::new(BufReader::with_capacity(1 << 16, flate2::read::MultiGzDecoder::new(raw))));
    }
    Ok(raw)
}

/// Counts the bytes read through it, for progress reporting.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Total size in bytes of the files under `inputs` (directories walked as [`Articles`]
/// walks them); `None` when an input is standard input.
pub fn total_size(inputs: &[Input]) -> Option<u64> {
    let mut total = 0;
    let mut stack: Vec<PathBuf> = Vec::new();
    for input in inputs {
        match input {
            Input::Path(p) | Input::Jsonl(Some(p)) => stack.push(p.clone()),
            Input::Stdin | Input::Jsonl(None) => return None,
        }
    }
    while let Some(path) = stack.pop() {
        match std::fs::metadata(&path) {
            Ok(m) if m.is_dir() => stack.extend(list_dir(&path).unwrap_or_default()),
            Ok(m) => total += m.len(),
            Err(_) => {}
        }
    }
    Some(total)
}

/// Recognises a format from the first bytes (after gzip), helped by the file name.
pub fn sniff(path: Option<&Path>, head: &[u8]) -> Format {
    let name = path.and_then(|p| p.file_name()).map(|n| n.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    let name = name.strip_suffix(".gz").unwrap_or(&name);
    let text = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let start = text.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(text.len());
    let text = &text[start..];
    let lower: Vec<u8> = text.iter().take(2048).map(u8::to_ascii_lowercase).collect();
    let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
    if text.starts_with(b"WARC/") {
        Format::Warc
    } else if name.ends_with(".txt") || name.ends_with(".text") {
        Format::Text
    } else if name.ends_with(".jsonl") || name.ends_with(".ndjson") {
        Format::Jsonl
    } else if lower.starts_with(b"<") && (has(b"<rss") || has(b"<feed") || has(b"<rdf:rdf")) && !has(b"<html") {
        Format::Feed
    } else if name.ends_with(".html")
        || name.ends_with(".htm")
        || (lower.starts_with(b"<")
            && (has(b"<html")
                || has(b"<!doctype html")
                || has(b"<head")
                || has(b"<body")
                || has(b"<p")
                || has(b"<div")))
    {
        Format::Html
    } else if text.starts_with(b"{") && first_line_is_object(text) {
        Format::Jsonl
    } else {
        Format::Text
    }
}

fn first_line_is_object(text: &[u8]) -> bool {
    let line = text.split(|&b| b == b'\n').next().unwrap_or_default();
    serde_json::from_slice::<serde_json::Value>(line).is_ok_and(|v| v.is_object())
}

/// An article from an HTML page; the page's own metadata wins over what the caller knows.
fn html_article(
    bytes: Vec<u8>,
    charset: Option<&str>,
    url: Option<&str>,
    id: String,
    origin: Origin,
    date: Option<Published>,
) -> Article {
    let page = crate::html::extract_html_owned(bytes, charset, url);
    let mut warnings = Vec::new();
    let published = page.published.as_deref().and_then(|d| date_or_warn(d, &mut warnings));
    if page.text.trim().is_empty() {
        warnings.push("no article text found in the page".into());
    }
    let meta = Metadata {
        url: page.url.or_else(|| url.map(str::to_string)),
        title: page.title,
        published: published.or(date),
        source: page.site_name,
        author: page.author,
        language: page.language,
        duplicate_of: None,
    };
    Article { id, text: page.text, meta, origin, warnings }
}

/// A document from a WARC record, or the reason the record holds none.
fn warc_article(r: crate::warc::WarcRecord, origin: Origin, fallback_id: String) -> Result<Raw, &'static str> {
    let is_html = |ct: &str| {
        let ct = ct.to_ascii_lowercase();
        ct.starts_with("text/html") || ct.starts_with("application/xhtml")
    };
    let date = r.date.as_deref().and_then(|d| Published::parse_loose(d).ok());
    let id = r.record_id.clone().unwrap_or(fallback_id);
    let html = |bytes: Vec<u8>, charset: Option<&str>| Raw {
        origin: origin.clone(),
        id: id.clone(),
        body: Body::Html { bytes, charset: charset.map(str::to_string), url: r.target_uri.clone(), date },
    };
    match r.kind.as_str() {
        "response" => {
            let http = parse_http(&r.block).ok_or("WARC response without an HTTP response")?;
            if !(200..300).contains(&http.status) {
                return Err("WARC response with a non-2xx status");
            }
            let content_type = http.content_type.as_deref().unwrap_or("text/html");
            if !is_html(content_type) {
                return Err("WARC response that is not HTML");
            }
            Ok(html(http.body.into_owned(), charset_of(content_type)))
        }
        "resource" if r.content_type.as_deref().is_some_and(is_html) => {
            let charset = r.content_type.as_deref().and_then(charset_of);
            Ok(html(r.block.clone(), charset))
        }
        "request" => Err("WARC request record"),
        "warcinfo" | "metadata" => Err("WARC warcinfo or metadata record"),
        _ => Err("WARC record of another type"),
    }
}

fn date_or_warn(raw: &str, warnings: &mut Vec<String>) -> Option<Published> {
    match Published::parse_loose(raw) {
        Ok(p) => Some(p),
        Err(e) => {
            warnings.push(format!("publication date: {e}; ignored"));
            None
        }
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
