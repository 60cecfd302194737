//! WARC archives (`.warc`, `.warc.gz` with one gzip member per record as Common Crawl
//! writes them): a streaming record reader and the HTTP layer of response records.
//!
//! The reader is written here rather than taken from the `warc` crate because dyad needs
//! three things that crate does not give together: gzip members decoded by the fast
//! `flate2` decoder, a truncated last record reported as an error naming its number and
//! offset, and a record size limit so a corrupt length cannot exhaust memory.

use std::io::{self, BufRead, Read};

/// The largest record block dyad reads (256 MiB); larger ones are skipped as corrupt.
pub const MAX_BLOCK: u64 = 256 << 20;

/// One WARC record: the named headers dyad uses and the block.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct WarcRecord {
    /// `WARC-Type` (`response`, `resource`, `request`, `metadata`, `warcinfo`, ...).
    pub kind: String,
    /// `WARC-Target-URI`.
    pub target_uri: Option<String>,
    /// `WARC-Date`.
    pub date: Option<String>,
    /// `WARC-Record-ID`, without its angle brackets.
    pub record_id: Option<String>,
    /// `Content-Type` of the block.
    pub content_type: Option<String>,
    /// The block: for `response` records, an HTTP response with headers.
    pub block: Vec<u8>,
}

/// Why a record could not be read.
#[derive(Debug)]
pub enum WarcError {
    /// The stream is not WARC where a record should start.
    NotWarc(String),
    /// A header lacks or garbles `Content-Length`.
    BadLength(String),
    /// The stream ended inside a record.
    Truncated {
        /// Bytes the header announced.
        expected: u64,
        /// Bytes present.
        got: u64,
    },
    /// Reading or decompressing failed.
    Io(io::Error),
}

impl std::fmt::Display for WarcError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WarcError::NotWarc(line) => write!(f, "not a WARC record header: {line:?}"),
            WarcError::BadLength(v) => write!(f, "bad Content-Length {v:?}"),
            WarcError::Truncated { expected, got } => {
                write!(f, "truncated record: {got} of {expected} bytes before the end of the archive")
            }
            WarcError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// Reads WARC records one at a time from an uncompressed stream (wrap a `.warc.gz` in
/// `flate2::read::MultiGzDecoder` first).
pub struct WarcReader<R> {
    input: R,
    line: Vec<u8>,
    /// Set after an error that leaves the stream position unknown.
    broken: bool,
}

impl<R: BufRead> WarcReader<R> {
    /// A reader over `input`.
    pub fn new(input: R) -> WarcReader<R> {
        WarcReader { input, line: Vec::new(), broken: false }
    }

    /// The next record, `None` at the end; after an error the reader returns `None`.
    pub fn next_record(&mut self) -> Option<Result<WarcRecord, WarcError>> {
        if self.broken {
            return None;
        }
        let result = self.read_record();
        if matches!(result, Some(Err(_))) {
            self.broken = true;
        }
        result
    }

    fn read_line(&mut self) -> io::Result<usize> {
        self.line.clear();
        (&mut self.input).take(64 * 1024).read_until(b'\n', &mut self.line)
    }

    fn read_record(&mut self) -> Option<Result<WarcRecord, WarcError>> {
        // Skip the blank lines between records.
        loop {
            match self.read_line() {
                Ok(0) => return None,
                Ok(_) if self.line.iter().all(u8::is_ascii_whitespace) => continue,
                Ok(_) => break,
                Err(e) => return Some(Err(WarcError::Io(e))),
            }
        }
        if !self.line.starts_with(b"WARC/") {
            let shown = String::from_utf8_lossy(&self.line[..self.line.len().min(60)]).trim_end().to_string();
            return Some(Err(WarcError::NotWarc(shown)));
        }
        let mut record = WarcRecord::default();
        let mut length = None;
        loop {
            match self.read_line() {
                Ok(0) => return Some(Err(WarcError::Truncated { expected: length.unwrap_or(0), got: 0 })),
                Ok(_) => {}
                Err(e) => return Some(Err(WarcError::Io(e))),
            }
            let line = String::from_utf8_lossy(&self.line);
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                break;
            }
            let Some((name, value)) = line.split_once(':') else { continue };
            let value = value.trim().to_string();
            match name.trim().to_ascii_lowercase().as_str() {
                "warc-type" => record.kind = value,
                "warc-target-uri" => record.target_uri = Some(value.trim_matches(['<', '>']).to_string()),
                "warc-date" => record.date = Some(value),
                "warc-record-id" => record.record_id = Some(value.trim_matches(['<', '>']).to_string()),
                "content-type" => record.content_type = Some(value),
                "content-length" => match value.parse::<u64>() {
                    Ok(n) => length = Some(n),
                    Err(_) => return Some(Err(WarcError::BadLength(value))),
                },
                _ => {}
            }
        }
        let Some(length) = length else { return Some(Err(WarcError::BadLength("missing".into()))) };
        if length > MAX_BLOCK {
            return Some(Err(WarcError::BadLength(format!("{length} (over the {MAX_BLOCK}-byte limit)"))));
        }
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        match (&mut self.input).take(length).read_to_end(&mut block) {
            Ok(n) if (n as u64) < length => {
                return Some(Err(WarcError::Truncated { expected: length, got: n as u64 }));
            }
            Ok(_) => {}
            Err(e) => return Some(Err(WarcError::Io(e))),
        }
        record.block = block;
        Some(Ok(record))
    }
}

/// The parts of an HTTP response that dyad uses.
#[derive(Debug, PartialEq, Eq)]
pub struct HttpResponse<'a> {
    /// Status code (200, 404, ...).
    pub status: u16,
    /// `Content-Type` header, if any.
    pub content_type: Option<String>,
    /// The body, de-chunked when the response used chunked transfer encoding.
    pub body: std::borrow::Cow<'a, [u8]>,
}

/// Splits an HTTP response (the block of a WARC `response` record) into status, headers
/// and body. `None` when the block is not an HTTP response.
pub fn parse_http(block: &[u8]) -> Option<HttpResponse<'_>> {
    let head_end = find(block, b"\r\n\r\n").map(|i| (i, i + 4)).or_else(|| find(block, b"\n\n").map(|i| (i, i + 2)))?;
    let head = std::str::from_utf8(&block[..head_end.0]).ok()?;
    let mut lines = head.lines();
    let status_line = lines.next()?;
    if !status_line.starts_with("HTTP/") {
        return None;
    }
    let status = status_line.split_whitespace().nth(1)?.parse().ok()?;
    let mut content_type = None;
    let mut chunked = false;
    for line in lines {
        let Some((name, value)) = line.split_once(':') else { continue };
        match name.trim().to_ascii_lowercase().as_str() {
            "content-type" => content_type = Some(value.trim().to_string()),
            "transfer-encoding" => chunked = value.to_ascii_lowercase().contains("chunked"),
            _ => {}
        }
    }
    let body = &block[head_end.1..];
    let body = if chunked { dechunk(body).map_or(body.into(), Into::into) } else { body.into() };
    Some(HttpResponse { status, content_type, body })
}

/// Undoes chunked transfer encoding; `None` if the body is not validly chunked (some
/// archives store the decoded body but keep the header).
fn dechunk(mut body: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(body.len());
    loop {
        let line_end = find(body, b"\r\n")?;
        let size_text = std::str::from_utf8(&body[..line_end]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        body = &body[line_end + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(body.get(..size)?);
        body = body.get(size..)?.strip_prefix(b"\r\n").unwrap_or(body.get(size..)?);
    }
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// The `charset` parameter of a `Content-Type` value.
pub fn charset_of(content_type: &str) -> Option<&str> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches('"'))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(kind: &str, uri: &str, content_type: &str, block: &[u8]) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2022-02-13T10:00:00Z\r\n\
             WARC-Record-ID: <urn:uuid:{kind}-{}>\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\n\r\n",
            block.len(),
            block.len()
        )
        .into_bytes();
        r.extend_from_slice(block);
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(bytes).unwrap();
        e.finish().unwrap()
    }

    const PAGE: &[u8] = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><p>Hi</p></html>";

    #[test]
    fn reads_gzip_members_and_reports_truncation() {
        let mut archive = Vec::new();
        archive.extend(gzip(&record("warcinfo", "", "application/warc-fields", b"software: test\r\n")));
        archive.extend(gzip(&record("response", "https://example.org/a", "application/http; msgtype=response", PAGE)));
        archive.extend(gzip(&record(
            "response",
            "https://example.org/img",
            "application/http",
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG",
        )));
        let last = record("response", "https://example.org/b", "application/http", PAGE);
        archive.extend(gzip(&last[..last.len() - 30]));
        let mut reader = WarcReader::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(&archive[..])));
        let kinds: Vec<String> = (0..3).map(|_| reader.next_record().unwrap().unwrap().kind).collect();
        assert_eq!(kinds, ["warcinfo", "response", "response"]);
        match reader.next_record() {
            Some(Err(WarcError::Truncated { expected, got })) => assert!(got < expected),
            other => panic!("expected truncation, got {other:?}"),
        }
        assert!(reader.next_record().is_none(), "a broken stream ends");
    }

    #[test]
    fn http_layer_and_chunking() {
        let r = parse_http(PAGE).unwrap();
        assert_eq!((r.status, r.content_type.as_deref()), (200, Some("text/html; charset=utf-8")));
        assert_eq!(&*r.body, b"<html><p>Hi</p></html>");
        assert_eq!(charset_of("text/html; Charset=\"ISO-8859-1\""), Some("ISO-8859-1"));
        let chunked =
            b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<p>\r\n5\r\nHi</p\r\n1\r\n>\r\n0\r\n\r\n";
        assert_eq!(&*parse_http(chunked).unwrap().body, b"<p>Hi</p>");
        assert!(parse_http(b"not http").is_none());
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        for input in [&b"hello world\n"[..], b"WARC/1.0\r\nContent-Length: x\r\n\r\n", b"WARC/1.0\r\n", b"\xff\xfe\x00"]
        {
            let mut reader = WarcReader::new(input);
            assert!(matches!(reader.next_record(), Some(Err(_))), "{input:?}");
        }
        let huge = format!("WARC/1.0\r\nContent-Length: {}\r\n\r\n", MAX_BLOCK + 1);
        assert!(matches!(WarcReader::new(huge.as_bytes()).next_record(), Some(Err(WarcError::BadLength(_)))));
    }
}
