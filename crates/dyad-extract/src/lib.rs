//! dyad's extraction stages over an annotated [`Document`](dyad_core::Document): who the
//! actors are ([`actors`]) and what they did to whom ([`events`]: CAMEO and PLOVER coding
//! with modality, attribution, date and place; [`Coder`] is that stage).
//!
//! # Brief overview
//!
//! - [`Actors`] is the actors stage, built once ([`Actors::embedded`] or
//!   [`Actors::with_user_dir`]) and shared by every thread. [`Actors::annotate`] links every
//!   entity of a document to the CAMEO actor it stands for on the document's date (the
//!   publication date), adds the dictionary names NER missed, reads capitals and seats of
//!   power as governments when they act ("Moscow denies" → `RUSGOV`), and records coreference
//!   in [`Document::mentions`](dyad_core::Document::mentions) ("He reiterated" → Blinken).
//! - [`Actors::lookup`] and [`check_dir`] serve `dyad actors lookup` and `dyad actors check`.
//!
//! The one big design decision: the stage reads, never requires, the syntax stage. NER spans
//! and the `words` layer are used when present; without them the lexicon's matches and the
//! neighbouring words decide, so the stage works (less well) on text and tokens alone.
//!
//! # Not here
//!
//! No dictionaries (they are `dyad-lexicon`'s files), no tagging or parsing (`dyad-syntax`),
//! and no I/O beyond reading a user's dictionary directory.
//!
//! # Example
//!
//! ```
//! use dyad_core::{Document, Published};
//! use dyad_extract::Actors;
//!
//! let actors = Actors::embedded()?;
//! let mut doc = Document::new(
//!     "t",
//!     "Japanese Foreign Minister Yoshimasa Hayashi called Chinese Foreign Minister Wang Yi. \
//!      Beijing denies any plan to attack. He said the door remained open.",
//! )?;
//! doc.meta.published = Some(Published::parse("2022-02-13")?);
//! dyad_text::annotate(&mut doc); // sentences (the syntax stage, when run, adds NER and a parse)
//! actors.annotate(&mut doc);
//! let got: Vec<_> = doc.entities.iter().map(|e| (doc.slice(e.span), e.actor.as_deref())).collect();
//! assert!(got.contains(&("Yoshimasa Hayashi", Some("JPNGOV"))));
//! assert!(got.contains(&("Wang Yi", Some("CHNGOV"))));
//! assert!(got.contains(&("Beijing", Some("CHNGOV"))));
//! let he = doc.mentions.iter().find(|m| doc.slice(m.span) == "He").expect("He is resolved");
//! assert_eq!(doc.slice(doc.entities[he.entity as usize].span), "Yoshimasa Hayashi");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod actors;
pub mod events;

pub use actors::{Actors, Lookup, country_of};
pub use dyad_lexicon::{LexiconError, LexiconErrors, Stats, check_dir};
pub use events::{Coder, EventsError};
