//! Fuzz the RSS/Atom reader: any bytes give items or an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = dyad_ingest::feed::read_feed(data);
});
