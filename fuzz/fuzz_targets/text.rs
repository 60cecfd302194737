//! Fuzz the text and time layers: any UTF-8 text is split, tokenised and scanned for
//! time expressions with every span on character boundaries, in order, inside the text.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(raw) = std::str::from_utf8(data) else { return };
    let text = dyad_text::normalize(raw).text;
    let Ok(mut doc) = dyad_core::Document::new("fuzz", text) else { return };
    doc.meta.published = dyad_core::Published::parse("2022-02-13").ok();
    dyad_text::annotate(&mut doc);
    dyad_time::annotate(&mut doc);
    let t = doc.text();
    let spans = doc
        .sentences
        .iter()
        .map(|s| s.span)
        .chain(doc.tokens.iter().map(|x| x.span))
        .chain(doc.timexes.iter().map(|x| x.span))
        .chain(doc.quantities.iter().map(|x| x.span));
    for s in spans {
        assert!(s.start <= s.end && (s.end as usize) <= t.len());
        assert!(t.is_char_boundary(s.start as usize) && t.is_char_boundary(s.end as usize));
    }
});
