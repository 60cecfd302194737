//! Capitals, seats of power and country names: a place, or the government acting?
//!
//! "Moscow denies", "urged Beijing to step back", "Washington warned": the government.
//! "in Moscow", "flew to Kyiv", "Washington:" (a dateline), "Moscow time": a place. The
//! `words` layer decides when the syntax stage has run (a subject is an agent; an oblique or
//! nominal modifier with a preposition is a place); otherwise, and when the parse is silent,
//! the neighbouring words do.

use super::text::{next_word, prev_word};
use dyad_core::{Document, Span};

/// Words before a name that make it a place.
const PLACE_BEFORE: &[&str] = &[
    "in",
    "at",
    "from",
    "to",
    "into",
    "near",
    "outside",
    "inside",
    "around",
    "across",
    "toward",
    "towards",
    "via",
    "through",
    "between",
    "over",
    "visit",
    "visited",
    "visiting",
    "visits",
    "left",
    "leaving",
    "reached",
    "entered",
    "struck",
    "shelled",
    "bombed",
    "hit",
    "attacked",
    "targeted",
    "targeting",
    "captured",
    "fled",
    "arrived",
    "returned",
    "back",
    "within",
    "beyond",
    "throughout",
    "above",
];

/// Words after a name that make it a place.
const PLACE_AFTER: &[&str] = &[
    "region",
    "oblast",
    "province",
    "time",
    "metro",
    "airport",
    "suburbs",
    "suburb",
    "residents",
    "mayor",
    "city",
    "centre",
    "center",
    "streets",
    "street",
    "hospital",
    "university",
    "school",
    "district",
    "police",
    "-based",
    "based",
    "area",
    "office",
    "bureau",
    "correspondent",
    "court",
    "embassy",
    "stock",
    "exchange",
    "summit",
    "talks",
];

/// Participles of acts done to a place: their passive subject is the place ("Kyiv was shelled"),
/// where the passive subject of other verbs is the government ("Moscow was accused").
const DONE_TO_PLACES: &[&str] = &[
    "struck",
    "shelled",
    "bombed",
    "bombarded",
    "hit",
    "attacked",
    "pounded",
    "targeted",
    "raided",
    "captured",
    "recaptured",
    "retaken",
    "seized",
    "occupied",
    "invaded",
    "liberated",
    "besieged",
    "encircled",
    "surrounded",
    "blockaded",
    "destroyed",
    "damaged",
    "evacuated",
];

/// Dependency relations that make a word the agent of its clause.
const AGENT_DEPRELS: &[&str] = &["nsubj", "nsubj:pass", "csubj", "obl:agent"];

/// True when the name at `span` (inside sentence `sentence`) is a place, not an agent.
pub(crate) fn is_place(doc: &Document, span: Span, sentence: Span) -> bool {
    let text = doc.text();
    let (s, e) = (span.start as usize, span.end as usize);
    let (floor, ceil) = ((sentence.start as usize).min(s), (sentence.end as usize).max(e));
    if is_dateline(text, span, sentence) {
        return true;
    }
    if let Some(verdict) = from_parse(doc, span) {
        return verdict;
    }
    if text[e..].starts_with("-based") {
        return true;
    }
    let mut before = prev_word(text, s, floor);
    if let Some((a, b)) = before
        && matches!(&text[a..b], "the" | "The")
    {
        before = prev_word(text, a, floor);
    }
    if let Some((a, b)) = before {
        let w = text[a..b].to_ascii_lowercase();
        if PLACE_BEFORE.contains(&w.as_str()) {
            return true;
        }
    }
    if let Some((a, b)) = next_word(text, e, ceil) {
        let w = text[a..b].to_ascii_lowercase();
        if PLACE_AFTER.contains(&w.as_str()) {
            return true;
        }
    }
    false
}

/// True when the name at `span` is a dateline's place: "Washington:" or "KYIV —" at the start
/// of sentence `sentence`.
pub(crate) fn is_dateline(text: &str, span: Span, sentence: Span) -> bool {
    let (s, e) = (span.start as usize, span.end as usize);
    let (floor, ceil) = ((sentence.start as usize).min(s), (sentence.end as usize).max(e));
    if !text[floor..s].trim().is_empty() {
        return false;
    }
    next_word(text, e, ceil).is_some_and(|(a, b)| {
        let w = &text[a..b];
        w == ":" || w == "\u{2014}" || w == "\u{2013}" || (w == "-" && text[e..a].contains(' '))
    })
}

/// The parse's verdict, when the syntax layer covers the name: `Some(false)` for a subject,
/// `Some(true)` for an oblique or nominal modifier with a `case` dependent (a preposition).
fn from_parse(doc: &Document, span: Span) -> Option<bool> {
    if doc.words.is_empty() {
        return None;
    }
    let first = doc.words.partition_point(|w| w.span.start < span.start);
    let last = doc.words.partition_point(|w| w.span.start < span.end);
    let inside = first..last;
    // The head of the name: the word inside whose head lies outside.
    let head = inside.clone().find(|&i| doc.words[i].head.is_none_or(|h| !inside.contains(&(h as usize))))?;
    let w = &doc.words[head];
    if w.deprel == "nsubj:pass"
        && let Some(v) = w.head
        && DONE_TO_PLACES.iter().any(|p| p.eq_ignore_ascii_case(doc.slice(doc.words[v as usize].span)))
    {
        return Some(true);
    }
    if AGENT_DEPRELS.contains(&w.deprel) || w.deprel == "nmod:poss" {
        return Some(false);
    }
    let has_case = doc.words.iter().any(|d| d.head == Some(head as u32) && d.deprel == "case");
    if has_case && (w.deprel.starts_with("obl") || w.deprel.starts_with("nmod")) {
        return Some(true);
    }
    None
}
