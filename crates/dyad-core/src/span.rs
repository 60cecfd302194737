//! Byte ranges into a document's text.

use std::ops::Range;

/// A half-open byte range `start..end` into [`Document::text`](crate::Document::text).
///
/// Inside dyad every span is a byte range, because that is what slicing a `&str` needs
/// and what matchers produce. Only the `dyad/1` edge ([`crate::dyad1`]) converts to
/// Unicode character offsets. `u32` keeps layers small; a document is limited to
/// [`Span::MAX_TEXT_LEN`] bytes, which [`Document::new`](crate::Document::new) checks.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: u32,
    /// One past the last byte of the span.
    pub end: u32,
}

impl Span {
    /// The longest text a document may hold (4 GiB - 1 byte).
    pub const MAX_TEXT_LEN: usize = u32::MAX as usize;

    /// A span from `start` to `end`. Panics in debug builds if `start > end`.
    pub fn new(start: usize, end: usize) -> Span {
        debug_assert!(start <= end, "span start {start} after end {end}");
        Span { start: start as u32, end: end as u32 }
    }

    /// The span as a `usize` range, for slicing.
    pub fn range(self) -> Range<usize> {
        self.start as usize..self.end as usize
    }

    /// Length in bytes.
    pub fn len(self) -> usize {
        (self.end - self.start) as usize
    }

    /// True when the span covers no bytes.
    pub fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// True when `other` lies entirely inside this span.
    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The text this span selects in `text`.
    pub fn slice(self, text: &str) -> &str {
        &text[self.range()]
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}
