//! Fuzz the WARC reader and its HTTP layer, plain and through the article decoder.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = dyad_ingest::warc::WarcReader::new(data);
    let mut n = 0;
    while let Some(record) = reader.next_record() {
        if let Ok(r) = record {
            let _ = dyad_ingest::warc::parse_http(&r.block);
        }
        n += 1;
        assert!(n <= data.len() + 1, "the reader must make progress");
    }
});
