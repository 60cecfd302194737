//! dyad's document model: one article's text and the stand-off layers stages add to it.
//!
//! # Brief overview
//!
//! - [`Document`] owns the text (never edited once built) and one `Vec` per layer:
//!   [`Sentence`]s, [`Token`]s, [`Word`]s, [`Entity`]s, [`Timex`]es, [`Quantity`]s and [`Event`]s.
//! - Every layer item points into the text with a [`Span`], a byte range. No item copies
//!   the text it covers.
//! - [`dyad1`] is the one module that knows the output schema: it turns byte spans into
//!   character offsets and writes `dyad/1` JSON.
//!
//! # Not here
//!
//! No I/O, no parsing of input formats, no annotation logic: readers live in
//! `dyad-ingest`, stages in `dyad-text`, `dyad-time` and later crates. This crate can
//! therefore not fail except on a text too long for 32-bit spans.
//!
//! # Example
//!
//! ```
//! use dyad_core::{dyad1, Document, Sentence, Span};
//!
//! let mut doc = Document::new("seed", "Blinken spoke with Lavrov.")?;
//! doc.sentences.push(Sentence { span: Span::new(0, 26), tokens: 0..0, boilerplate: false });
//! doc.layers.insert(dyad_core::Layer::Sentences);
//! let json = dyad1::to_json(&doc, dyad1::Options::default());
//! assert!(json.starts_with(r#"{"schema":"dyad/1","doc":{"id":"seed""#));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod document;
pub mod dyad1;
mod layers;
mod span;

pub use document::{Diagnostic, Document, DuplicateOf, Layer, Layers, Metadata, Published, TextTooLong};
pub use jiff::civil::Date;
pub use layers::{
    Attribution, Entity, EntityLabel, Event, Mention, MentionKind, Modality, Participant, Place, Plover, Quantity,
    Sentence, Timex, TimexKind, Token, TokenKind, Word,
};
pub use span::Span;
