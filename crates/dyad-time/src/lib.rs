//! When things happened, and how many: TIMEX3 time expressions and quantities for dyad
//! documents.
//!
//! GDELT dates every event by the day it crawled the article, so "six years after the
//! army seized the port" in a 2022 story becomes a 2022 seizure. This crate finds the time
//! expressions of a text with their spans and normalises them to TIMEX3 values against
//! the document's publication date, and finds the counted amounts beside them.
//!
//! # Brief overview
//!
//! - [`annotate`] fills [`Document::timexes`] and [`Document::quantities`] (text order)
//!   and marks both layers. It reads the text, the publication date
//!   (`doc.meta.published`) and, when `dyad-text` has run, its sentences and tokens.
//! - Each [`Timex`](dyad_core::Timex) carries a TIMEX3 type and value: `DATE`
//!   (`2022-02-12`, `2022-W06`, `2014`, `PAST_REF`), `TIME` (`2022-02-12T14:15Z`, in UTC
//!   when the text names a zone), `DURATION` (`PT2H30M`, `P6Y`) or `SET` (`P1W`,
//!   `XXXX-WXX-1`), and a `mod` (`APPROX`, `START`, `MORE_THAN`, ...).
//! - [`duration_anchors`] gives, for "N years after/before X", the date of X
//!   ("nearly six years after the army seized the port" in a 2022 story: about `2016`),
//!   for the event stage.
//!
//! The one big design decision: a hand-written scanner with small word tables and
//! ordered rule families, instead of regular expressions; the price is that each new
//! pattern is code, not data. The time layer runs after the text layer, and most of a
//! news text holds no time expression: so one pass over the text layer's tokens picks
//! the anchors (numbers, month and weekday names, units, "now", "dozens", ...) with a
//! bit test per word against tables built at compile time, and only short windows
//! around them are scanned and given to the rules. Without the text layer, the whole
//! text is scanned; the output is the same.
//!
//! Resolution: bare weekdays and months take their direction from their clause: the
//! nearest tense marker on the left, else on the right ("said on Monday" looks back;
//! "will meet on Monday", "set to resume Monday", "postponed until Monday" look ahead),
//! reading the text layer's tokens of the whole sentence; a wire dateline ("KYIV,
//! March 3 (Agency) --") dates its story; "a year earlier", "the next day" and
//! bare clock times are anchored to the last date the text itself set; clock times with
//! a zone ("9:15 am ET") are converted to UTC with jiff's bundled tz database, so
//! daylight saving time is right without system zone files. Without a publication date,
//! relative expressions keep their span but get no value (or an underspecified one such
//! as `XXXX-WXX-6`): nothing is ever guessed from the wall clock.
//!
//! # Not here
//!
//! No event dating (the event stage combines these timexes with its triggers), no
//! sentence splitting (it reads `dyad-text`'s sentences when present and guesses
//! otherwise), no I/O and no wall clock. Impossible dates ("February 30") are found
//! without a value and reported in [`Document::diagnostics`]; nothing panics.
//!
//! # Example
//!
//! ```
//! use dyad_core::{Document, Published};
//!
//! let mut doc = Document::new(
//!     "seed",
//!     "The two envoys held an hour-long meeting Saturday. It opened at 9:15 am ET (14:15 GMT). \
//!      The dispute returns nearly six years after the army seized the port.",
//! )?;
//! doc.meta.published = Some(Published::parse("2022-02-13")?);
//! dyad_time::annotate(&mut doc);
//! let got: Vec<_> = doc
//!     .timexes
//!     .iter()
//!     .map(|t| (doc.slice(t.span), t.value.as_deref().unwrap_or("-"), t.modifier.as_deref()))
//!     .collect();
//! assert_eq!(
//!     got,
//!     [
//!         ("hour-long", "PT1H", None),
//!         ("Saturday", "2022-02-12", None),
//!         ("9:15 am ET", "2022-02-12T14:15Z", None),
//!         ("14:15 GMT", "2022-02-12T14:15Z", None),
//!         ("nearly six years", "P6Y", Some("APPROX")),
//!     ]
//! );
//! let anchors = dyad_time::duration_anchors(&doc);
//! assert_eq!(anchors[0].value.as_deref(), Some("2016"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod calendar;
mod lexicon;
mod quantity;
mod rules;
mod scan;
mod zone;

#[cfg(test)]
mod tests;

use calendar::{Point, Ymd};
use dyad_core::{Diagnostic, Document, Layer, Span, Timex, TimexKind};

/// Finds the time expressions and quantities of `doc` and stores them in
/// [`Document::timexes`] and [`Document::quantities`], in text order, replacing any
/// earlier content of both layers, and marks both layers as computed.
///
/// Relative expressions are resolved against `doc.meta.published`; without it they get
/// no value (or an underspecified one). Problems (an impossible date) go to
/// [`Document::diagnostics`] with stage `"time"`.
pub fn annotate(doc: &mut Document) {
    annotate_as(doc, true);
}

/// [`annotate`], scanning the whole text even when the text layer's tokens would let it
/// scan only the windows around the words that can be part of a time expression. The
/// output is the same; this exists to check that it is.
#[doc(hidden)]
pub fn annotate_scanning_everything(doc: &mut Document) {
    annotate_as(doc, false);
}

fn annotate_as(doc: &mut Document, windows: bool) {
    let dct =
        doc.meta.published.and_then(|p| Ymd::new(i32::from(p.date.year()), p.date.month() as u8, p.date.day() as u8));
    let text = doc.text();
    let ctx = (doc.layers.contains(Layer::Tokens) && !doc.tokens.is_empty() && !doc.sentences.is_empty())
        .then_some(rules::Context { tokens: &doc.tokens, sentences: &doc.sentences });
    let toks = match ctx {
        Some(c) if windows => scan::scan_windows(text, c.tokens, c.sentences),
        _ => scan::scan(text, &doc.sentences),
    };
    let mut tagger = rules::Tagger::new(text, &toks, dct, ctx);
    tagger.run();
    let taken: Vec<(usize, usize)> = tagger.found.iter().map(|f| f.toks).collect();
    let quantities = quantity::find(text, &toks, &taken);
    let timexes: Vec<Timex> = tagger
        .found
        .drain(..)
        .map(|f| Timex {
            span: Span { start: f.start, end: f.end },
            kind: f.kind,
            value: f.value,
            modifier: f.modifier.map(str::to_string),
        })
        .collect();
    let notes = std::mem::take(&mut tagger.notes);
    doc.timexes = timexes;
    doc.quantities = quantities;
    doc.diagnostics.extend(notes.into_iter().map(|message| Diagnostic { stage: "time", message }));
    doc.layers.insert(Layer::Timexes);
    doc.layers.insert(Layer::Quantities);
}

/// Which way a duration points from the time it is measured from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AnchorRelation {
    /// "six years **after** the army seized the port": the anchored event lies that long before.
    After,
    /// "two days **before** the vote": the anchored event lies that long after.
    Before,
    /// "three days **later**, the talks resumed": what follows lies that long after the
    /// date the text set last.
    Later,
    /// "a day **earlier**, the envoy had left": what follows lies that long before it.
    Earlier,
}

/// The date a duration anchors: in "nearly six years after the army seized the port", the
/// duration `P8Y` anchors the annexation at about `2014` (for a 2022 story).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DurationAnchor {
    /// Index into [`Document::timexes`] of the `DURATION`.
    pub timex: usize,
    /// "after" or "before".
    pub relation: AnchorRelation,
    /// TIMEX3 value of the anchored event's date, at the duration's granularity
    /// (`2014` for years, `2022-02` for months, `2022-02-10` for days); `None` without
    /// a reference date.
    pub value: Option<String>,
    /// The duration's `mod` ("APPROX" for "nearly"), which applies to the anchored date too.
    pub modifier: Option<String>,
}

/// For every `DURATION` in `doc.timexes` followed by "after" or "before" and a clause,
/// or ending in "later" or "earlier" ("three days later"), the date of the anchored event.
///
/// The reference is the last full date in the same sentence before the duration
/// ("On Friday, two days after the attack, ...": Friday), for "later"/"earlier" also in
/// the sentence before, else the publication date.
/// Call after [`annotate`].
pub fn duration_anchors(doc: &Document) -> Vec<DurationAnchor> {
    let text = doc.text();
    let dct =
        doc.meta.published.and_then(|p| Ymd::new(i32::from(p.date.year()), p.date.month() as u8, p.date.day() as u8));
    let mut out = Vec::new();
    for (k, t) in doc.timexes.iter().enumerate() {
        if t.kind != TimexKind::Duration {
            continue;
        }
        let after = text[t.span.end as usize..].trim_start();
        let word: &str = after.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let own = &text[t.span.start as usize..t.span.end as usize];
        let last: &str = own.rsplit(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        let relation = if word.eq_ignore_ascii_case("after") {
            AnchorRelation::After
        } else if word.eq_ignore_ascii_case("before") {
            AnchorRelation::Before
        } else if last.eq_ignore_ascii_case("later") {
            AnchorRelation::Later
        } else if last.eq_ignore_ascii_case("earlier") {
            AnchorRelation::Earlier
        } else {
            continue;
        };
        // "Three days later": from the last day the text set, in this sentence or the one
        // before; "six years after X": from the last day of this sentence.
        let own_start = sentence_start(doc, t.span.start as usize);
        let from = match relation {
            AnchorRelation::Later | AnchorRelation::Earlier => {
                sentence_start(doc, own_start.saturating_sub(1)).min(own_start)
            }
            _ => own_start,
        };
        let reference = doc.timexes[..k]
            .iter()
            .rev()
            .take_while(|p| p.span.start as usize >= from)
            .find_map(|p| p.value.as_deref().and_then(parse_day))
            .or(dct);
        let value = t.value.as_deref().and_then(rules::parse_duration).and_then(|(n, unit)| {
            let sign = if matches!(relation, AnchorRelation::After | AnchorRelation::Earlier) { -1 } else { 1 };
            Point::from_day(reference?, unit, sign * n).map(|p| p.to_string())
        });
        out.push(DurationAnchor { timex: k, relation, value, modifier: t.modifier.clone() });
    }
    out
}

/// Start of the sentence holding byte `at`: from `doc.sentences`, else the last ". "
/// or line break before it.
fn sentence_start(doc: &Document, at: usize) -> usize {
    if let Some(s) = doc.sentences.iter().rev().find(|s| s.span.start as usize <= at) {
        return s.span.start as usize;
    }
    let before = &doc.text()[..at];
    before.rfind(['\n']).max(before.rfind(". ")).map_or(0, |p| p + 1)
}

fn parse_day(v: &str) -> Option<Ymd> {
    let b = v.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    Ymd::new(v.get(..4)?.parse().ok()?, v.get(5..7)?.parse().ok()?, v.get(8..10)?.parse().ok()?)
}
