//! Fuzz the HTML reader: any bytes, any declared charset, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let charset = match data.first() {
        Some(b) if b % 4 == 0 => Some("windows-1251"),
        Some(b) if b % 4 == 1 => Some("utf-16"),
        _ => None,
    };
    let page = dyad_ingest::extract_html(data, charset, Some("https://example.org/a"));
    assert!(page.text.len() <= data.len() * 4 + 16);
});
