//! Readers that turn what analysts have (files, directories, standard input, JSONL
//! records) into [`Article`]s: clean text plus metadata, ready for the pipeline.
//!
//! # Brief overview
//!
//! - [`Input`] names one source: a path (file or directory) or standard input.
//! - [`Articles`] walks the inputs in order and yields one [`Raw`] document (or an
//!   [`Error`]) at a time, streaming: JSONL and WARC files are read a record at a time, so
//!   memory stays bounded by the largest single document. [`Raw::decode`] turns a raw
//!   document into an [`Article`]; it is the costly half (HTML extraction) and runs on
//!   any thread.
//! - [`dedup::Deduper`] marks exact and near-duplicate articles across a run.
//! - [`Error`] says which file and which record failed, and why; the caller reports it
//!   and carries on with the next item.
//!
//! # Not here
//!
//! No annotation: an [`Article`]'s text is what the source holds, decoded and (for HTML)
//! extracted; Unicode normalisation and everything after it belong to later stages.
//!
//! # Example
//!
//! ```
//! use dyad_ingest::{Articles, Input, ReadOptions};
//!
//! let dir = std::env::temp_dir().join(format!("dyad-ingest-doc-{}", std::process::id()));
//! std::fs::create_dir_all(&dir)?;
//! std::fs::write(dir.join("call.txt"), "Blinken spoke with Lavrov on Saturday.")?;
//! let articles: Vec<_> = Articles::new(vec![Input::Path(dir.clone())], ReadOptions::default()).decoded().collect();
//! assert_eq!(articles.len(), 1);
//! assert_eq!(articles[0].as_ref().unwrap().id, "call");
//! # std::fs::remove_dir_all(&dir)?;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod article;
pub mod dedup;
mod error;
pub mod feed;
mod html;
pub use html::{HtmlArticle, extract_html};
mod jsonl;
mod read;
pub mod warc;

pub use article::{Article, Origin};
pub use error::{Error, ErrorKind};
pub use jsonl::Fields;
pub use read::{Articles, Format, Input, Raw, ReadOptions, sniff, total_size};
