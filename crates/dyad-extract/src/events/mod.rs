//! The events stage: who did what to whom, coded in CAMEO (and PLOVER) with modality,
//! attribution, date and place, from a document annotated by the earlier stages.
//!
//! # Brief overview
//!
//! - [`Coder`] is built once ([`Coder::embedded`]) from the pattern files under
//!   `lexicon/events/`, the CAMEO table `lexicon/cameo.tsv` and the PLOVER crosswalk
//!   `lexicon/plover.tsv`, all compiled in with `include_str!`.
//! - [`Coder::annotate`] fills [`Document::events`]; [`Coder::explain`] says, word by word and
//!   candidate by candidate, why each event was coded or rejected (`dyad explain`).
//!
//! How a sentence is coded: every word whose lemma has patterns is a trigger candidate; the
//! most specific pattern whose conditions hold (object nouns, prepositions, particles,
//! complements, for nouns their modifiers and governing verb) wins. Source and target come from
//! the dependency parse (subject, object, obliques, passive "by", controllers, relative
//! clauses, coordination, possessors and demonyms of nouns), else from the nearest actors
//! left and right (the token window used when there is no parse). Modality comes from the
//! auxiliaries, negation, adverbs and governing words on the path from the trigger to the
//! clause that states it; attribution from speech verbs, "according to", statements "issued
//! by" and quotations (a verb the speech verb hangs on is the narrator's, unattributed; every
//! speaker the phrase names is a source of what they said); the date from the clause's own
//! time, else that of an infinitive it governs, else the sentence's, else an
//! anchored duration ("eight years after ..."), else the story's current date, else the
//! publication date. A zoned clock time on that date gives the event's `time` (start and
//! end instants in UTC); a publication time never does (`clock`).
//!
//! # Not here
//!
//! No entity linking (the actors stage), no parsing (`dyad-syntax`), no geocoding: a place
//! is its words and a country code.

mod clock;
mod code;
mod lemma;
mod markers;
mod patterns;
mod sent;
mod table;
#[cfg(test)]
mod tests;

pub use patterns::Pattern;

use dyad_core::{Document, Layer};
use std::collections::HashMap;
use std::fmt;

/// The embedded pattern files, by name.
const PATTERN_FILES: &[(&str, &str)] = &[
    ("events/statements.tsv", include_str!("../../../../lexicon/events/statements.tsv")),
    ("events/cooperation.tsv", include_str!("../../../../lexicon/events/cooperation.tsv")),
    ("events/conflict.tsv", include_str!("../../../../lexicon/events/conflict.tsv")),
];
const CAMEO: &str = include_str!("../../../../lexicon/cameo.tsv");
const PLOVER: &str = include_str!("../../../../lexicon/plover.tsv");

/// A fault in an events data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EventsError {
    /// File name (relative to `lexicon/`).
    pub file: &'static str,
    /// 1-based line.
    pub line: usize,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for EventsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicon/{}:{}: {}", self.file, self.line, self.message)
    }
}

impl std::error::Error for EventsError {}

/// Notes for `explain`; costs nothing when disabled.
pub(crate) struct Trace {
    enabled: bool,
    lines: Vec<String>,
}

impl Trace {
    fn note(&mut self, f: impl FnOnce() -> String) {
        if self.enabled {
            self.lines.push(f());
        }
    }
}

/// The event coder: patterns, CAMEO table and PLOVER crosswalk, loaded once and shared.
pub struct Coder {
    patterns: Vec<Pattern>,
    by_lemma: HashMap<String, Vec<usize>>,
    table: table::Table,
}

impl Coder {
    /// The coder with the embedded data files.
    pub fn embedded() -> Result<Coder, EventsError> {
        let mut patterns = Vec::new();
        for (name, text) in PATTERN_FILES {
            patterns.extend(patterns::parse(name, text)?);
        }
        Coder::new(patterns, CAMEO, PLOVER)
    }

    /// A coder from parsed patterns and the texts of the CAMEO table and PLOVER crosswalk.
    pub fn new(patterns: Vec<Pattern>, cameo: &str, plover: &str) -> Result<Coder, EventsError> {
        let table = table::Table::parse(cameo, plover)?;
        for p in &patterns {
            if table.get(&p.code).is_none() {
                let (file, line) = p.origin.rsplit_once(':').unwrap_or((&p.origin, "0"));
                return Err(EventsError {
                    file: if file.ends_with("statements.tsv") { "events/statements.tsv" } else { "events/*.tsv" },
                    line: line.parse().unwrap_or(0),
                    message: format!("{}: not a CAMEO code", p.code),
                });
            }
        }
        let mut by_lemma: HashMap<String, Vec<usize>> = HashMap::new();
        for (k, p) in patterns.iter().enumerate() {
            for l in &p.lemmas {
                by_lemma.entry(l.clone()).or_default().push(k);
            }
        }
        Ok(Coder { patterns, by_lemma, table })
    }

    /// The patterns, in file order.
    pub fn patterns(&self) -> &[Pattern] {
        &self.patterns
    }

    /// Number of CAMEO codes in the table.
    pub fn cameo_codes(&self) -> usize {
        self.table.len()
    }

    /// The CAMEO codes of the table that no pattern codes, in order.
    pub fn codes_without_pattern(&self) -> Vec<&str> {
        let mut out: Vec<&str> = self.table.codes().filter(|c| !self.patterns.iter().any(|p| p.code == *c)).collect();
        out.sort_unstable();
        out
    }

    /// Codes the events of `doc` into [`Document::events`] (replacing any) and marks the
    /// events layer. Boilerplate sentences are skipped. Never panics on any annotation.
    pub fn annotate(&self, doc: &mut Document) {
        let mut trace = Trace { enabled: false, lines: Vec::new() };
        doc.events = self.run(doc, &mut trace);
        doc.layers.insert(Layer::Events);
    }

    /// A report of how every sentence of `doc` was coded: words with tags, heads and actors,
    /// the attribution, each candidate trigger with the pattern that fired or why it was
    /// rejected, and how each field of each event was chosen. The document's entities and
    /// time expressions are not repeated here: `dyad explain` prints them above this report.
    pub fn explain(&self, doc: &Document) -> String {
        let mut trace = Trace { enabled: true, lines: Vec::new() };
        let events = self.run(doc, &mut trace);
        trace.lines.push(format!("{} event(s)", events.len()));
        let mut out = trace.lines.join("\n");
        out.push('\n');
        out
    }

    fn run(&self, doc: &Document, trace: &mut Trace) -> Vec<dyad_core::Event> {
        let mut ctx = code::Context::default();
        let text = doc.text();
        for a in dyad_time::duration_anchors(doc) {
            let (Some(value), Some(t)) = (a.value, doc.timexes.get(a.timex)) else { continue };
            // The anchored clause runs from "after"/"before" to the next clause boundary.
            let from = t.span.end as usize;
            let sentence_end =
                doc.sentences.iter().find(|s| s.span.contains(t.span)).map_or(text.len(), |s| s.span.end as usize);
            let rest = &text[from..sentence_end];
            let end = [", while", " while ", "; ", ", whereas", " whereas ", ", but ", " but "]
                .iter()
                .filter_map(|b| rest.find(b))
                .min()
                .map_or(sentence_end, |p| from + p);
            ctx.anchors.push((from as u32, end as u32, value));
        }
        let mut events = Vec::new();
        for (k, s) in doc.sentences.iter().enumerate() {
            if s.boilerplate {
                continue;
            }
            self.code_sentence(doc, k, &mut ctx, &mut events, trace);
        }
        events
    }
}
