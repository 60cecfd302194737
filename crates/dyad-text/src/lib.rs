//! dyad's text layer: normalisation, sentences, surface tokens and boilerplate flags.
//!
//! # Brief overview
//!
//! - [`normalize`] turns raw article text into the text a [`Document`] holds (NFC, no
//!   BOM, no stray control characters, `\n` line ends) and returns it as [`Normalized`],
//!   which maps every byte offset back to the raw input.
//! - [`annotate`] fills a document's [`Sentence`](dyad_core::Sentence) and
//!   [`Token`](dyad_core::Token) layers: news-grade sentence boundaries ("Antony J.
//!   Blinken", "U.S.", "9:15 a.m. ET", datelines), UD English EWT surface tokens
//!   ("don't" is one token of two words, "hour-long" is three tokens), and
//!   `boilerplate` flags on donation appeals, "Read more" lines and copyright notices.
//!
//! The one big decision: the splitter works on tokens, not characters. The tokenizer
//! already knows that "U.S." and "3.5" are whole, so every full stop the splitter sees is
//! either a token of its own or the end of a known abbreviation, and the splitter only has
//! to decide what the next word means. Both run in one forward pass each over the bytes,
//! with no regular expressions and no allocation per token; word lists are `match`es.
//!
//! Quote and dash variants (’ “ ” « » – —) are not rewritten anywhere: offsets stay
//! aligned with the source and with gold data, and both passes treat them like their
//! ASCII forms.
//!
//! # Not here
//!
//! No reading of files or HTML (that is `dyad-ingest`), no part-of-speech tags, lemmas or
//! entities (later stages). [`annotate`] never fails and never panics: what it cannot
//! handle well (control characters left in the text) it reports in
//! [`Document::diagnostics`](dyad_core::Document::diagnostics).
//!
//! # Example
//!
//! ```
//! use dyad_core::Document;
//!
//! let raw = "Gen. Mark Milley met U.S. envoys at 9 a.m. ET on Monday. They didn't talk long.";
//! let mut doc = Document::new("example", dyad_text::normalize(raw).text)?;
//! dyad_text::annotate(&mut doc);
//!
//! let sentences: Vec<&str> = doc.sentences.iter().map(|s| doc.slice(s.span)).collect();
//! assert_eq!(sentences, ["Gen. Mark Milley met U.S. envoys at 9 a.m. ET on Monday.", "They didn't talk long."]);
//! let second: Vec<&str> = doc.sentence_tokens(1).iter().map(|t| doc.slice(t.span)).collect();
//! assert_eq!(second, ["They", "didn't", "talk", "long", "."]);
//! assert_eq!(doc.sentence_tokens(1)[1].word_split, 3); // did + n't
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

#![deny(missing_docs)]

mod boilerplate;
mod chars;
mod lexicon;
mod normalize;
mod split;
mod tokenize;

pub use lexicon::is_time_zone;
pub use normalize::{Normalized, normalize};

use dyad_core::{Diagnostic, Document, Layer, Sentence, Span};

/// Fills `doc.sentences` and `doc.tokens` (replacing any already there) and marks both
/// layers as computed.
///
/// Tokens are in text order and every sentence's `tokens` range indexes them. Sentences
/// have no leading or trailing white space, and every character of the text that is not
/// white space belongs to exactly one token and one sentence; boilerplate sentences are
/// kept, with `boilerplate: true`.
pub fn annotate(doc: &mut Document) {
    let text = doc.text();
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let controls = tokenize::tokenize(text, &mut tokens);
    let starts = split::split(text, &tokens);
    let mut sentences = Vec::with_capacity(starts.len() + 1);
    let mut first = 0u32;
    for end in starts.iter().copied().chain(std::iter::once(tokens.len() as u32)) {
        if end > first {
            let span = Span { start: tokens[first as usize].span.start, end: tokens[end as usize - 1].span.end };
            sentences.push(Sentence { span, tokens: first..end, boilerplate: false });
        }
        first = end;
    }
    boilerplate::mark(text, &tokens, &mut sentences);
    let diagnostic = (controls > 0).then(|| Diagnostic {
        stage: "text",
        message: format!(
            "the text holds {controls} control character(s); they were kept as symbol tokens \
             (dyad_text::normalize replaces them with spaces)"
        ),
    });
    doc.tokens = tokens;
    doc.sentences = sentences;
    doc.diagnostics.extend(diagnostic);
    doc.layers.insert(Layer::Sentences);
    doc.layers.insert(Layer::Tokens);
}

#[cfg(test)]
mod tests;
