//! dyad turns news into political event data. This crate is its face: the [`Pipeline`]
//! that runs every stage over an article, and the `dyad` command built on it.
//!
//! # Brief overview
//!
//! - [`Pipeline`] is built once (dictionaries and models load once), shared across
//!   threads, and turns an [`Article`] into an annotated [`Document`].
//! - A [`Stage`] adds layers to a document. Each declares the layers it requires and
//!   assigns; [`Pipeline::new`] refuses an order in which a stage would run before what
//!   it needs.
//!
//! # Files dyad reads and writes
//!
//! - Input articles: plain text, directories, JSONL records (`dyad-ingest`, [`Articles`]).
//! - Output: `dyad/1` JSON or JSONL on stdout (`dyad_core::dyad1`), described by
//!   `schema/dyad1.schema.json` at the repository root.
//!
//! # Not here
//!
//! No annotation logic: stages live in their own crates (`dyad-text`, ...), and this
//! crate only wires them. The command-line parsing lives in `main.rs`.
//!
//! # Example
//!
//! ```
//! use dyad::{Article, Pipeline};
//!
//! let pipeline = Pipeline::standard()?;
//! let doc = pipeline.process(Article::from_text("a", "Blinken spoke with Lavrov. Talks went on."))?;
//! assert_eq!(doc.sentences.len(), 2);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod pipeline;

pub use dyad_core::{Document, Layer};
pub use dyad_ingest::{Article, Articles, Input, ReadOptions};
pub use pipeline::{BuildError, Failure, OrderError, Pipeline, Stage};
