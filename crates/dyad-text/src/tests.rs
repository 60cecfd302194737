//! Data-driven tests of the whole text layer: sentences, tokens and boilerplate flags.

use super::*;

/// Annotates `input` and compares its sentences, one per line (boilerplate ones
/// prefixed with "B| "), with `expected`.
fn check(input: &str, expected: &str) {
    let mut doc = Document::new("t", input).expect("short text");
    annotate(&mut doc);
    let got: Vec<String> = doc
        .sentences
        .iter()
        .map(|s| format!("{}{}", if s.boilerplate { "B| " } else { "" }, doc.slice(s.span)))
        .collect();
    let want: Vec<&str> = expected.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(got, want, "input: {input:?}");
}

#[test]
fn smoke() {
    check("Hello there. General Kenobi!", "Hello there.\nGeneral Kenobi!");
}
