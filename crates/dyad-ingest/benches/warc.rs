//! Throughput of the WARC reader on a generated archive (`.warc.gz`, one gzip member per
//! record, as Common Crawl writes them): records only, and records through the whole
//! ingest (HTTP layer, charset, article extraction). The archive is built in memory from
//! a fixed seed, so the bench needs no data outside the repository.
//!
//!     cargo bench -p dyad-ingest --bench warc

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dyad_ingest::warc::WarcReader;
use dyad_ingest::{Articles, Input, ReadOptions};
use std::io::Write;

const RECORDS: usize = 600;

/// A deterministic pseudo-random word stream (xorshift), so pages differ but runs agree.
struct Words(u64);

impl Words {
    fn next(&mut self) -> &'static str {
        const WORDS: [&str; 24] = [
            "the",
            "minister",
            "said",
            "talks",
            "would",
            "resume",
            "in",
            "Geneva",
            "after",
            "troops",
            "moved",
            "near",
            "border",
            "on",
            "Saturday",
            "and",
            "officials",
            "warned",
            "of",
            "sanctions",
            "against",
            "Moscow",
            "Kyiv",
            "Washington",
        ];
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        WORDS[(self.0 % WORDS.len() as u64) as usize]
    }
}

fn page(words: &mut Words, n: usize) -> String {
    let mut body = String::new();
    for p in 0..8 {
        body.push_str("<p>");
        for _ in 0..60 {
            body.push_str(words.next());
            body.push(' ');
        }
        body.push_str("</p>\n");
        if p == 3 {
            body.push_str("<div class=\"related\"><a href=\"/x\">Related story</a> <a href=\"/y\">More</a></div>\n");
        }
    }
    format!(
        "<!doctype html><html lang=\"en\"><head><title>Story {n}</title>\
         <meta property=\"article:published_time\" content=\"2022-02-13T10:00:00Z\"></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Story {n}</h1>{body}\
         </article><footer>Copyright 2022 Example News</footer></body></html>"
    )
}

fn archive() -> Vec<u8> {
    let mut words = Words(0x9e37_79b9_7f4a_7c15);
    let mut out = Vec::new();
    for n in 0..RECORDS {
        let html = page(&mut words, n);
        let http = format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{html}");
        let record = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://news.example/{n}\r\n\
             WARC-Date: 2022-02-13T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{n:08}>\r\n\
             Content-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n{http}\r\n\r\n",
            http.len()
        );
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(record.as_bytes()).expect("in-memory gzip");
        out.extend(gz.finish().expect("in-memory gzip"));
    }
    out
}

fn bench(c: &mut Criterion) {
    let gz = archive();
    let raw_len = {
        let mut r = WarcReader::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(&gz[..])));
        let mut len = 0;
        while let Some(rec) = r.next_record() {
            len += rec.expect("generated records are valid").block.len();
        }
        len
    };
    let mut group = c.benchmark_group("warc");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(raw_len as u64));
    group.bench_function("records", |b| {
        b.iter(|| {
            let mut r = WarcReader::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(&gz[..])));
            let mut n = 0;
            while let Some(rec) = r.next_record() {
                rec.expect("valid");
                n += 1;
            }
            assert_eq!(n, RECORDS);
        })
    });
    let path = std::env::temp_dir().join(format!("dyad-bench-{}.warc.gz", std::process::id()));
    std::fs::write(&path, &gz).expect("temp file");
    group.bench_function("articles", |b| {
        b.iter(|| {
            let articles = Articles::new(vec![Input::Path(path.clone())], ReadOptions::default()).decoded();
            let n = articles.filter(|a| a.as_ref().is_ok_and(|a| !a.text.is_empty())).count();
            assert_eq!(n, RECORDS);
        })
    });
    group.finish();
    let _ = std::fs::remove_file(&path);
}

criterion_group!(benches, bench);
criterion_main!(benches);
