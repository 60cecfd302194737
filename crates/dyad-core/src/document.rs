//! The [`Document`]: one article's text, its metadata and every layer the stages add.

use crate::{Entity, Event, Mention, Quantity, Sentence, Span, Timex, Token, Word};
use jiff::civil::{Date, DateTime, Time};
use jiff::tz::Offset;
use std::fmt;

/// One article: its text (never edited after construction) and the stand-off layers
/// that stages fill in, in pipeline order.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Identifier: a file name without extensions, or a record id.
    pub id: String,
    text: String,
    /// What is known about the article besides its text.
    pub meta: Metadata,
    /// Sentences in text order.
    pub sentences: Vec<Sentence>,
    /// Surface tokens in text order.
    pub tokens: Vec<Token>,
    /// Syntactic words with tags and dependency arcs, in text order (the syntax layer).
    pub words: Vec<Word>,
    /// Named entities in text order.
    pub entities: Vec<Entity>,
    /// Coreference links (pronouns, descriptions, short names) to entities, in text order;
    /// filled with the entities layer by the actors stage.
    pub mentions: Vec<Mention>,
    /// Time expressions in text order.
    pub timexes: Vec<Timex>,
    /// Quantities in text order.
    pub quantities: Vec<Quantity>,
    /// Events in text order.
    pub events: Vec<Event>,
    /// Which layers have been computed, so "no entities" differs from "NER not run".
    pub layers: Layers,
    /// Problems met while annotating; annotation never fails, it reports.
    pub diagnostics: Vec<Diagnostic>,
}

/// A document's text is too long for 32-bit spans.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextTooLong {
    /// Length of the rejected text in bytes.
    pub len: usize,
}

impl fmt::Display for TextTooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "text of {} bytes is longer than the {} bytes a document may hold", self.len, Span::MAX_TEXT_LEN)
    }
}

impl std::error::Error for TextTooLong {}

impl Document {
    /// A document with the given id and text and no layers.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Result<Document, TextTooLong> {
        let text = text.into();
        if text.len() > Span::MAX_TEXT_LEN {
            return Err(TextTooLong { len: text.len() });
        }
        Ok(Document { id: id.into(), text, ..Document::default() })
    }

    /// The document's text. Every span of every layer indexes into it.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The words of the syntax layer that lie in sentence `index` (empty if there are none).
    pub fn sentence_words(&self, index: usize) -> &[Word] {
        let Some(s) = self.sentences.get(index) else { return &[] };
        let start = self.words.partition_point(|w| w.span.start < s.span.start);
        let end = self.words.partition_point(|w| w.span.start < s.span.end);
        &self.words[start..end.max(start)]
    }

    /// The tokens of sentence `index`.
    pub fn sentence_tokens(&self, index: usize) -> &[Token] {
        let r = &self.sentences[index].tokens;
        &self.tokens[r.start as usize..r.end as usize]
    }
}

/// What is known about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Metadata {
    /// Where the article was found.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, the anchor for relative time expressions.
    pub published: Option<Published>,
    /// Publisher or file the article came from.
    pub source: Option<String>,
    /// Author or byline.
    pub author: Option<String>,
    /// Language tag ("en").
    pub language: Option<String>,
    /// Set when the article repeats an earlier one of the same run.
    pub duplicate_of: Option<DuplicateOf>,
}

/// The earlier article that this one repeats (a syndicated copy, a re-post).
#[derive(Clone, Debug, PartialEq)]
pub struct DuplicateOf {
    /// Id of the original article.
    pub id: String,
    /// Estimated similarity of their texts, 1.0 for exact copies.
    pub similarity: f32,
    /// True when the normalised texts are identical.
    pub exact: bool,
}

/// A publication date, with a time and a UTC offset when the source gives them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Published {
    /// Calendar date in the publisher's clock.
    pub date: Date,
    /// Local time of day, if known.
    pub time: Option<Time>,
    /// UTC offset of `time`, if known.
    pub offset: Option<Offset>,
}

impl Published {
    /// A date with no time.
    pub fn date(date: Date) -> Published {
        Published { date, time: None, offset: None }
    }

    /// Parses the date forms that news metadata uses: `2022-02-13`, `2022-02-13T09:00:00`,
    /// `2022-02-13 09:00:00`, `2022-02-13T09:00:00Z`, `2022-02-13T09:00:00+02:00`.
    pub fn parse(s: &str) -> Result<Published, String> {
        let s = s.trim();
        let bad = |why: &str| format!("'{s}' is not a date (expected YYYY-MM-DD[THH:MM[:SS][Z|±HH:MM]]): {why}");
        if s.len() <= 10 {
            let date: Date = s.parse().map_err(|e: jiff::Error| bad(&e.to_string()))?;
            return Ok(Published::date(date));
        }
        // Split off a trailing zone designator, then parse the civil part.
        let (civil, offset) = if let Some(rest) = s.strip_suffix(['Z', 'z']) {
            (rest, Some(Offset::UTC))
        } else if let Some(pos) = s.get(10..).and_then(|t| t.rfind(['+', '-'])).map(|p| p + 10) {
            let zone = &s[pos..];
            let sign: i32 = if zone.starts_with('-') { -1 } else { 1 };
            let digits: String = zone[1..].chars().filter(|c| c.is_ascii_digit()).collect();
            if digits.len() != 4 && digits.len() != 2 {
                return Err(bad("unreadable UTC offset"));
            }
            let hours: i32 = digits[..2].parse().map_err(|_| bad("unreadable UTC offset"))?;
            let minutes: i32 = digits.get(2..).map_or(Ok(0), str::parse).map_err(|_| bad("unreadable UTC offset"))?;
            let offset = Offset::from_seconds(sign * (hours * 3600 + minutes * 60)).map_err(|e| bad(&e.to_string()))?;
            (&s[..pos], Some(offset))
        } else {
            (s, None)
        };
        let civil = civil.replacen(' ', "T", 1);
        let dt: DateTime = civil.parse().map_err(|e: jiff::Error| bad(&e.to_string()))?;
        Ok(Published { date: dt.date(), time: Some(dt.time()), offset })
    }

    /// Like [`Published::parse`], and also reads what web pages and feeds write:
    /// fractional seconds (`2019-11-05T10:00:00.000Z`), RFC 2822 (`Tue, 5 Nov 2019 10:00:00
    /// +0000`), and a leading ISO date followed by anything (`2019-11-05 at noon`).
    pub fn parse_loose(s: &str) -> Result<Published, String> {
        let s = s.trim();
        if let Ok(p) = Published::parse(s) {
            return Ok(p);
        }
        // Drop fractional seconds: "…T10:00:00.123+01:00" → "…T10:00:00+01:00".
        if let Some(dot) = s.get(19..).filter(|t| t.starts_with('.')).map(|_| 19) {
            let digits = s[dot + 1..].bytes().take_while(u8::is_ascii_digit).count();
            let trimmed = format!("{}{}", &s[..dot], &s[dot + 1 + digits..]);
            if let Ok(p) = Published::parse(&trimmed) {
                return Ok(p);
            }
        }
        if let Ok(zoned) = jiff::fmt::rfc2822::parse(s) {
            let offset = zoned.offset();
            let dt = zoned.datetime();
            return Ok(Published { date: dt.date(), time: Some(dt.time()), offset: Some(offset) });
        }
        if let Some(date) = s.get(..10).and_then(|d| d.parse::<Date>().ok()) {
            return Ok(Published::date(date));
        }
        Published::parse(s)
    }
}

impl fmt::Display for Published {
    /// ISO 8601: the date alone, or date, time to the second and the offset (`Z` for UTC).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date)?;
        if let Some(t) = self.time {
            write!(f, "T{:02}:{:02}:{:02}", t.hour(), t.minute(), t.second())?;
            match self.offset {
                Some(o) if o == Offset::UTC => f.write_str("Z")?,
                Some(o) => {
                    let secs = o.seconds();
                    let sign = if secs < 0 { '-' } else { '+' };
                    let secs = secs.abs();
                    write!(f, "{sign}{:02}:{:02}", secs / 3600, secs % 3600 / 60)?
                }
                None => {}
            }
        }
        Ok(())
    }
}

/// The layers a document can carry.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// Sentences and boilerplate flags.
    Sentences,
    /// Surface tokens.
    Tokens,
    /// Syntactic words with part-of-speech tags and dependency arcs.
    Syntax,
    /// Named entities.
    Entities,
    /// Time expressions.
    Timexes,
    /// Quantities.
    Quantities,
    /// Events.
    Events,
}

impl Layer {
    /// Every layer, in pipeline order.
    pub const ALL: [Layer; 7] = [
        Layer::Sentences,
        Layer::Tokens,
        Layer::Syntax,
        Layer::Entities,
        Layer::Timexes,
        Layer::Quantities,
        Layer::Events,
    ];

    /// The layer's name in `dyad/1`.
    pub fn as_str(self) -> &'static str {
        match self {
            Layer::Sentences => "sentences",
            Layer::Tokens => "tokens",
            Layer::Syntax => "syntax",
            Layer::Entities => "entities",
            Layer::Timexes => "timexes",
            Layer::Quantities => "quantities",
            Layer::Events => "events",
        }
    }
}

/// The set of layers a document carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Layers(u8);

impl Layers {
    /// Marks `layer` as computed.
    pub fn insert(&mut self, layer: Layer) {
        self.0 |= 1 << layer as u8;
    }

    /// True when `layer` has been computed.
    pub fn contains(self, layer: Layer) -> bool {
        self.0 & (1 << layer as u8) != 0
    }

    /// The computed layers, in pipeline order.
    pub fn iter(self) -> impl Iterator<Item = Layer> {
        Layer::ALL.into_iter().filter(move |l| self.contains(*l))
    }
}

/// A problem met while annotating a document. Stages report; they do not fail.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    /// The stage that reports it ("text", "time").
    pub stage: &'static str,
    /// What happened, for a person.
    pub message: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_forms_round_trip() {
        for (input, shown) in [
            ("2022-02-13", "2022-02-13"),
            ("2022-01-25T09:00:00Z", "2022-01-25T09:00:00Z"),
            ("1987-02-26T15:01:01", "1987-02-26T15:01:01"),
            ("1987-02-26 15:01:01", "1987-02-26T15:01:01"),
            ("2022-02-13T09:15:00-05:00", "2022-02-13T09:15:00-05:00"),
            ("2022-02-13T09:15+0530", "2022-02-13T09:15:00+05:30"),
        ] {
            let p = Published::parse(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(p.to_string(), shown, "{input}");
        }
    }

    #[test]
    fn loose_forms_from_pages_and_feeds() {
        for (input, shown) in [
            ("2019-11-05T10:00:00.000Z", "2019-11-05T10:00:00Z"),
            ("2019-11-05T10:00:00.123456+01:00", "2019-11-05T10:00:00+01:00"),
            ("Tue, 5 Nov 2019 10:00:00 +0000", "2019-11-05T10:00:00Z"),
            ("Sun, 13 Feb 2022 09:30:00 -0500", "2022-02-13T09:30:00-05:00"),
            ("2019-11-05 at noon", "2019-11-05"),
        ] {
            let p = Published::parse_loose(input).unwrap_or_else(|e| panic!("{input}: {e}"));
            assert_eq!(p.to_string(), shown, "{input}");
        }
        assert!(Published::parse_loose("last Tuesday").is_err());
    }

    #[test]
    fn published_rejects_nonsense() {
        for input in ["", "yesterday", "2022-02-30", "2022-13-01", "99999-01-01", "2022-02-13T25:00"] {
            assert!(Published::parse(input).is_err(), "{input} should not parse");
        }
    }

    #[test]
    fn sentence_words_are_found_by_span() {
        let mut doc = Document::new("t", "A b. C d.").expect("short text");
        doc.sentences.push(Sentence { span: Span::new(0, 4), tokens: 0..0, boilerplate: false });
        doc.sentences.push(Sentence { span: Span::new(5, 9), tokens: 0..0, boilerplate: false });
        for (s, e) in [(0, 1), (2, 3), (3, 4), (5, 6), (7, 8), (8, 9)] {
            doc.words.push(Word { span: Span::new(s, e), upos: "X", xpos: "X", head: None, deprel: "dep" });
        }
        assert_eq!(doc.sentence_words(0).len(), 3);
        assert_eq!(doc.sentence_words(1)[0].span, Span::new(5, 6));
        assert!(doc.sentence_words(2).is_empty());
    }

    #[test]
    fn layers_remember_what_ran() {
        let mut l = Layers::default();
        assert!(!l.contains(Layer::Entities));
        l.insert(Layer::Entities);
        l.insert(Layer::Sentences);
        assert_eq!(l.iter().collect::<Vec<_>>(), vec![Layer::Sentences, Layer::Entities]);
    }
}
