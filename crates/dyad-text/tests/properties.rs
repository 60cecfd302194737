//! Properties that must hold for any input: spans on character boundaries, tokens and
//! sentences ordered, disjoint and covering every non-white-space character, multiword
//! splits inside their token, and normalisation offsets that map back within bounds.

use dyad_core::{Document, Layer};
use proptest::prelude::*;

/// Strings that stress the rules: words, abbreviations, quotes, dashes, full stops,
/// line breaks, non-Latin scripts, combining marks, controls and emoji.
fn text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("U.S.".to_string()),
        Just("a.m.".to_string()),
        Just("J.".to_string()),
        Just("Gen.".to_string()),
        Just("don't".to_string()),
        Just("Russia’s".to_string()),
        Just("parents'".to_string()),
        Just("...".to_string()),
        Just("3.5".to_string()),
        Just("100,000".to_string()),
        Just("9:15".to_string()),
        Just("non-stop".to_string()),
        Just("https://example.org/a_(b)".to_string()),
        Just("desk@example.org".to_string()),
        Just("Support Independent Journalism".to_string()),
        Just("#tag".to_string()),
        Just("'68".to_string()),
        Just("[...]".to_string()),
        Just("e\u{301}".to_string()),
        Just("\r\n".to_string()),
        Just("\u{feff}".to_string()),
        Just("👍🏽".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,5}",
        "[ \n\t.,;:!?'\"“”‘’«»()\\[\\]\\-–—/&@#$%…]{1,4}",
        "\\PC{1,6}",
        any::<String>(),
    ];
    prop::collection::vec((piece, prop_oneof![Just(""), Just(" "), Just("\n"), Just("\n\n")]), 0..40)
        .prop_map(|v| v.into_iter().map(|(p, s)| p + s).collect())
}

fn check_layers(raw: &str) -> Result<(), TestCaseError> {
    let mut doc = Document::new("p", raw).expect("short text");
    dyad_text::annotate(&mut doc);
    let text = doc.text();
    prop_assert!(doc.layers.contains(Layer::Sentences) && doc.layers.contains(Layer::Tokens));
    // Tokens: on char boundaries, non-empty, ordered, disjoint, no white space at the edges.
    let mut prev_end = 0;
    for t in &doc.tokens {
        let (a, b) = (t.span.start as usize, t.span.end as usize);
        prop_assert!(a < b && b <= text.len(), "token {a}..{b}");
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        prop_assert!(a >= prev_end, "tokens overlap or are out of order at {a}");
        prop_assert!(text[prev_end..a].chars().all(char::is_whitespace), "uncovered text before {a}");
        prop_assert!(!text[a..b].starts_with(char::is_whitespace) && !text[a..b].ends_with(char::is_whitespace));
        prop_assert!((t.word_split as usize) < b - a, "word_split {} of {:?}", t.word_split, &text[a..b]);
        let words: Vec<_> = t.words().collect();
        prop_assert!(words.iter().all(|w| text.is_char_boundary(w.start as usize)));
        prev_end = b;
    }
    prop_assert!(text[prev_end..].chars().all(char::is_whitespace), "uncovered text at the end");
    // Sentences: ordered, disjoint, trimmed, their token ranges tile the token layer.
    let mut next_token = 0u32;
    let mut prev_end = 0;
    for s in &doc.sentences {
        let (a, b) = (s.span.start as usize, s.span.end as usize);
        prop_assert!(a < b && a >= prev_end && b <= text.len());
        prop_assert!(text.is_char_boundary(a) && text.is_char_boundary(b));
        prop_assert!(text[prev_end..a].chars().all(char::is_whitespace));
        prop_assert!(!text[a..b].starts_with(char::is_whitespace) && !text[a..b].ends_with(char::is_whitespace));
        prop_assert_eq!(s.tokens.start, next_token);
        prop_assert!(s.tokens.end > s.tokens.start);
        let toks = &doc.tokens[s.tokens.start as usize..s.tokens.end as usize];
        prop_assert_eq!(toks[0].span.start as usize, a);
        prop_assert_eq!(toks[toks.len() - 1].span.end as usize, b);
        next_token = s.tokens.end;
        prev_end = b;
    }
    prop_assert_eq!(next_token as usize, doc.tokens.len());
    prop_assert!(text[prev_end..].chars().all(char::is_whitespace));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn layers_cover_the_text(raw in text()) {
        check_layers(&raw)?;
        check_layers(&dyad_text::normalize(&raw).text)?;
    }

    #[test]
    fn normalize_maps_back_within_bounds(raw in text()) {
        let n = dyad_text::normalize(&raw);
        let mut prev = 0;
        for (i, _) in n.text.char_indices().chain(std::iter::once((n.text.len(), ' '))) {
            let r = n.raw_offset(i);
            let e = n.raw_end(i);
            prop_assert!(r <= raw.len() && e <= raw.len());
            prop_assert!(raw.is_char_boundary(r) && raw.is_char_boundary(e), "offset {i} -> {r}/{e}");
            prop_assert!(r >= prev, "raw offsets go back at {i}");
            prev = r;
        }
        prop_assert_eq!(n.raw_offset(n.text.len()), raw.len());
        // Normalising twice changes nothing more.
        prop_assert_eq!(dyad_text::normalize(&n.text).text, n.text.clone());
        let clean = !n.text.contains('\r') && !n.text.contains('\u{feff}');
        prop_assert!(clean);
    }
}

#[test]
fn pathological_inputs_stay_linear_and_whole() {
    for raw in [
        "\"".repeat(100_000),
        ".".repeat(100_000),
        "a".repeat(100_000),
        "'".repeat(50_000) + &"\u{2019}".repeat(50_000),
        "-1".repeat(50_000),
        "1,000".repeat(20_000),
        "U.S.".repeat(25_000),
        "\n".repeat(100_000),
        "x@".repeat(50_000),
        "http://".repeat(10_000),
    ] {
        check_layers(&raw).expect("layers hold");
    }
}
