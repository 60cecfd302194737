//! dyad's event store: one SQLite file that keeps documents, entities, events and every
//! mention of an event, merges mentions of the same real-world event across articles, and
//! answers queries and exports in the formats analysts' tools read.
//!
//! # Brief overview
//!
//! - [`Store`] opens (creating or migrating) a store file and adds annotated
//!   [`Document`](dyad_core::Document)s in transactions: [`Store::add`] is idempotent (a
//!   document already stored is skipped) and crash-safe (a batch is committed whole or not
//!   at all, so a killed run leaves a consistent file and a rerun finishes the job).
//! - Events are GDELT-like: mentions of one source actor doing one CAMEO action to one
//!   target within a date window are one event with `num_mentions`, `num_sources` and
//!   `num_articles`, updated as new mentions arrive.
//! - [`Filter`] selects events; [`Store::for_each_event`] walks them one row at a time, so
//!   that [`export`] (GDELT 2.0 Events and Mentions TSV, PLOVER-style JSON, dyad JSONL) runs
//!   in constant memory whatever the store's size; [`Store::export_parquet`] writes the events
//!   or the mentions as typed, zstd-compressed Parquet ([`ParquetTable`], schema in
//!   `docs/parquet.md`).
//!
//! # Not here
//!
//! No annotation: the store takes finished documents. No network server.
//!
//! # Example
//!
//! ```
//! use dyad_store::{Filter, Store};
//!
//! let mut store = Store::open_in_memory()?;
//! let doc = dyad_core::Document::new("a", "Nothing happened.")?;
//! assert_eq!(store.add(&[doc])?.documents, 1);
//! assert!(store.events(&Filter::default())?.is_empty());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod error;
pub mod export;
mod parquet_export;
mod query;
mod schema;
mod store;
#[cfg(test)]
mod tests;

pub use error::Error;
pub use parquet_export::{
    BATCH_ROWS, Column, ColumnType, PARQUET_SCHEMA, ParquetTable, ROW_GROUP_BYTES, ROW_GROUP_ROWS, ZSTD_LEVEL,
};
pub use query::{Bucket, CountRow, EventRow, Filter, MentionRow};
pub use schema::SCHEMA_VERSION;
pub use store::{Added, Store};
