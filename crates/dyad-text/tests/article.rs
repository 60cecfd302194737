//! The acceptance shape of the seed article, on a wire story written for these tests:
//! a dateline sentence, nine news sentences one per line, then a donation appeal whose
//! heading and everything after it are boilerplate.

use dyad_core::{Document, Layer};

const STORY: &str = include_str!("fixtures/wire_story.txt");

fn annotated(text: &str) -> Document {
    let mut doc = Document::new("wire", dyad_text::normalize(text).text).expect("short text");
    dyad_text::annotate(&mut doc);
    doc
}

#[test]
fn one_sentence_per_news_line_then_a_boilerplate_tail() {
    let doc = annotated(STORY);
    let appeal = STORY.find("Support Independent Journalism").expect("fixture has the appeal");
    let news: Vec<&str> = STORY[..appeal].lines().collect();
    assert_eq!(news.len(), 9);
    let got: Vec<&str> = doc.sentences.iter().filter(|s| !s.boilerplate).map(|s| doc.slice(s.span)).collect();
    assert_eq!(got, news);
    for s in &doc.sentences {
        assert_eq!(s.boilerplate, s.span.start as usize >= appeal, "{:?}", doc.slice(s.span));
    }
    let tail: Vec<&str> = doc.sentences.iter().filter(|s| s.boilerplate).map(|s| doc.slice(s.span)).collect();
    assert_eq!(tail[0], "Support Independent Journalism");
    assert_eq!(tail[1], "We need your help.. every contribution keeps our reporting free");
    assert_eq!(tail.len(), 7);
    assert!(doc.layers.contains(Layer::Sentences) && doc.layers.contains(Layer::Tokens));
    assert!(doc.diagnostics.is_empty());
}

#[test]
fn tokens_of_the_story() {
    let doc = annotated(STORY);
    let first: Vec<&str> = doc.sentence_tokens(0).iter().take(12).map(|t| doc.slice(t.span)).collect();
    assert_eq!(
        first,
        [
            "Geneva",
            ":",
            "Indian",
            "Foreign",
            "Minister",
            "Priya",
            "R.",
            "Menon",
            "met",
            "her",
            "Chinese",
            "counterpart"
        ]
    );
    let words: Vec<&str> = doc.tokens.iter().map(|t| doc.slice(t.span)).collect();
    for w in ["India's", "9:30", "04:00", "20,000", "45", "minute", "forty", "five", "patrol", "point"] {
        assert!(words.contains(&w), "{w} should be a token");
    }
    let india = doc.tokens.iter().find(|t| doc.slice(t.span) == "India's").expect("India's");
    assert_eq!(india.word_split, 2);
    let spans: Vec<&str> = india.words().map(|s| doc.slice(s)).collect();
    assert_eq!(spans, ["India", "'s"]);
}

#[test]
fn the_same_story_with_crlf_and_a_bom() {
    let raw = format!("\u{feff}{}", STORY.replace('\n', "\r\n"));
    let norm = dyad_text::normalize(&raw);
    assert_eq!(norm.text, STORY);
    let doc = annotated(&raw);
    assert_eq!(doc.sentences.iter().filter(|s| !s.boilerplate).count(), 9);
    // The appeal heading maps back to the same words in the raw input.
    let heading = doc.sentences.iter().find(|s| s.boilerplate).expect("a boilerplate tail").span;
    let (a, b) = (norm.raw_offset(heading.start as usize), norm.raw_end(heading.end as usize));
    assert_eq!(&raw[a..b], "Support Independent Journalism");
}
