//! The `dyad/1` JSON form of an annotated [`Document`]: the only place that knows it.
//!
//! Inside dyad spans are byte ranges; here they become Unicode character offsets (end
//! exclusive), as the schema in `schema/dyad1.schema.json` says. The schema only grows
//! by new fields; a breaking change would be `dyad/2`.

use crate::{Document, Layer, Span};
use serde::Serialize;

/// The schema name written in every record.
pub const SCHEMA: &str = "dyad/1";

/// What to include beyond the always-present layers.
#[derive(Clone, Copy, Debug, Default)]
pub struct Options {
    /// Include `doc.text`.
    pub text: bool,
    /// Include the token layer (`tokens`).
    pub annotations: bool,
}

/// Serialises `doc` as one line of `dyad/1` JSON (no trailing newline).
pub fn to_json(doc: &Document, options: Options) -> String {
    serde_json::to_string(&Record::new(doc, options)).expect("dyad/1 records always serialise")
}

/// Serialises `doc` as indented `dyad/1` JSON.
pub fn to_json_pretty(doc: &Document, options: Options) -> String {
    serde_json::to_string_pretty(&Record::new(doc, options)).expect("dyad/1 records always serialise")
}

/// Maps byte offsets of one text to character offsets in O(1) plus a short scan.
///
/// It stores the character count at the start of every 64-byte block (1/16 of the
/// text's size in memory), then counts the characters in the rest of the block.
pub struct CharOffsets<'a> {
    text: &'a str,
    ascii: bool,
    blocks: Vec<u32>,
}

const BLOCK: usize = 64;

impl<'a> CharOffsets<'a> {
    /// Builds the index for `text`.
    pub fn new(text: &'a str) -> CharOffsets<'a> {
        if text.is_ascii() {
            return CharOffsets { text, ascii: true, blocks: Vec::new() };
        }
        let bytes = text.as_bytes();
        let mut blocks = Vec::with_capacity(bytes.len() / BLOCK + 1);
        let mut chars = 0u32;
        for chunk in bytes.chunks(BLOCK) {
            blocks.push(chars);
            chars += chunk.iter().filter(|&&b| !is_continuation(b)).count() as u32;
        }
        CharOffsets { text, ascii: false, blocks }
    }

    /// Character offset of byte offset `byte`, which must lie on a character boundary.
    pub fn char_offset(&self, byte: u32) -> u32 {
        if self.ascii {
            return byte;
        }
        let byte = byte as usize;
        let block = byte / BLOCK;
        let Some(&base) = self.blocks.get(block) else {
            return self.blocks.last().copied().unwrap_or(0)
                + self.text.as_bytes()[(self.blocks.len() - 1) * BLOCK..]
                    .iter()
                    .filter(|&&b| !is_continuation(b))
                    .count() as u32;
        };
        let from = block * BLOCK;
        base + self.text.as_bytes()[from..byte].iter().filter(|&&b| !is_continuation(b)).count() as u32
    }

    fn span(&self, span: Span) -> (u32, u32) {
        (self.char_offset(span.start), self.char_offset(span.end))
    }
}

fn is_continuation(b: u8) -> bool {
    b & 0xC0 == 0x80
}

#[derive(Serialize)]
struct Record<'a> {
    schema: &'static str,
    doc: Doc<'a>,
    layers: Vec<&'static str>,
    sentences: Vec<SentenceOut>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tokens: Option<Vec<TokenOut<'a>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<Vec<WordOut<'a>>>,
    entities: Vec<EntityOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    mentions: Vec<MentionOut<'a>>,
    timexes: Vec<TimexOut<'a>>,
    quantities: Vec<QuantityOut<'a>>,
    events: Vec<EventOut<'a>>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    diagnostics: Vec<DiagnosticOut<'a>>,
}

#[derive(Serialize)]
struct Doc<'a> {
    id: &'a str,
    url: Option<&'a str>,
    title: Option<&'a str>,
    published: Option<String>,
    source: Option<&'a str>,
    author: Option<&'a str>,
    language: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    duplicate_of: Option<DuplicateOut<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    text: Option<&'a str>,
}

#[derive(Serialize)]
struct DuplicateOut<'a> {
    id: &'a str,
    similarity: f32,
    exact: bool,
}

#[derive(Serialize)]
struct SentenceOut {
    start: u32,
    end: u32,
    boilerplate: bool,
}

#[derive(Serialize)]
struct TokenOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    kind: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    words: Option<[&'a str; 2]>,
}

#[derive(Serialize)]
struct MentionOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    entity: u32,
    kind: &'static str,
}

/// A syntactic word with its tags and its head (an index into `words`).
#[derive(Serialize)]
struct WordOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    upos: &'a str,
    xpos: &'a str,
    head: Option<u32>,
    deprel: &'a str,
}

#[derive(Serialize)]
struct EntityOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    label: &'static str,
    actor: Option<&'a str>,
    canonical: Option<&'a str>,
    role: Option<&'a str>,
}

#[derive(Serialize)]
struct TimexOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    value: Option<&'a str>,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    modifier: Option<&'a str>,
}

#[derive(Serialize)]
struct QuantityOut<'a> {
    start: u32,
    end: u32,
    text: &'a str,
    value: f64,
    unit: Option<&'a str>,
    qualifier: Option<&'a str>,
}

#[derive(Serialize)]
struct SpanText<'a> {
    start: u32,
    end: u32,
    text: &'a str,
}

#[derive(Serialize)]
struct ParticipantOut<'a> {
    code: Option<&'a str>,
    text: &'a str,
    start: u32,
    end: u32,
    entity: Option<u32>,
}

#[derive(Serialize)]
struct PloverOut<'a> {
    #[serde(rename = "type")]
    kind: &'a str,
    mode: Option<&'a str>,
}

#[derive(Serialize)]
struct TimeOut<'a> {
    start: &'a str,
    end: &'a str,
}

#[derive(Serialize)]
struct AttributionOut<'a> {
    text: &'a str,
    code: Option<&'a str>,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct PlaceOut<'a> {
    text: &'a str,
    country: Option<&'a str>,
    start: u32,
    end: u32,
}

#[derive(Serialize)]
struct EventOut<'a> {
    id: String,
    sentence: u32,
    start: u32,
    end: u32,
    trigger: SpanText<'a>,
    source: Option<ParticipantOut<'a>>,
    target: Option<ParticipantOut<'a>>,
    cameo: &'a str,
    root: &'a str,
    quad_class: u8,
    goldstein: f32,
    plover: Option<PloverOut<'a>>,
    date: Option<&'a str>,
    time: Option<TimeOut<'a>>,
    historical: bool,
    modality: &'static str,
    attribution: Option<AttributionOut<'a>>,
    place: Option<PlaceOut<'a>>,
    quantities: &'a [u32],
    confidence: f32,
}

#[derive(Serialize)]
struct DiagnosticOut<'a> {
    stage: &'static str,
    message: &'a str,
}

impl<'a> Record<'a> {
    fn new(doc: &'a Document, options: Options) -> Record<'a> {
        let text = doc.text();
        let chars = CharOffsets::new(text);
        let at = |span: Span| chars.span(span);
        let meta = &doc.meta;
        Record {
            schema: SCHEMA,
            doc: Doc {
                id: &doc.id,
                url: meta.url.as_deref(),
                title: meta.title.as_deref(),
                published: meta.published.map(|p| p.to_string()),
                source: meta.source.as_deref(),
                author: meta.author.as_deref(),
                language: meta.language.as_deref().unwrap_or("en"),
                duplicate_of: meta.duplicate_of.as_ref().map(|d| DuplicateOut {
                    id: &d.id,
                    similarity: d.similarity,
                    exact: d.exact,
                }),
                text: options.text.then_some(text),
            },
            layers: doc.layers.iter().map(Layer::as_str).collect(),
            sentences: doc
                .sentences
                .iter()
                .map(|s| {
                    let (start, end) = at(s.span);
                    SentenceOut { start, end, boilerplate: s.boilerplate }
                })
                .collect(),
            tokens: options.annotations.then(|| {
                doc.tokens
                    .iter()
                    .map(|t| {
                        let (start, end) = at(t.span);
                        let mut words = t.words().map(|w| w.slice(text));
                        let first = words.next().unwrap_or_default();
                        TokenOut {
                            start,
                            end,
                            text: t.span.slice(text),
                            kind: token_kind(t.kind),
                            words: words.next().map(|second| [first, second]),
                        }
                    })
                    .collect()
            }),
            words: (options.annotations && !doc.words.is_empty()).then(|| {
                doc.words
                    .iter()
                    .map(|w| {
                        let (start, end) = at(w.span);
                        WordOut {
                            start,
                            end,
                            text: w.span.slice(text),
                            upos: w.upos,
                            xpos: w.xpos,
                            head: w.head,
                            deprel: w.deprel,
                        }
                    })
                    .collect()
            }),
            entities: doc
                .entities
                .iter()
                .map(|e| {
                    let (start, end) = at(e.span);
                    EntityOut {
                        start,
                        end,
                        text: e.span.slice(text),
                        label: e.label.as_str(),
                        actor: e.actor.as_deref(),
                        canonical: e.canonical.as_deref(),
                        role: e.role.as_deref(),
                    }
                })
                .collect(),
            mentions: doc
                .mentions
                .iter()
                .map(|m| {
                    let (start, end) = at(m.span);
                    MentionOut { start, end, text: m.span.slice(text), entity: m.entity, kind: m.kind.as_str() }
                })
                .collect(),
            timexes: doc
                .timexes
                .iter()
                .map(|t| {
                    let (start, end) = at(t.span);
                    TimexOut {
                        start,
                        end,
                        text: t.span.slice(text),
                        kind: t.kind.as_str(),
                        value: t.value.as_deref(),
                        modifier: t.modifier.as_deref(),
                    }
                })
                .collect(),
            quantities: doc
                .quantities
                .iter()
                .map(|q| {
                    let (start, end) = at(q.span);
                    QuantityOut {
                        start,
                        end,
                        text: q.span.slice(text),
                        value: q.value,
                        unit: q.unit.as_deref(),
                        qualifier: q.qualifier.as_deref(),
                    }
                })
                .collect(),
            events: doc.events.iter().map(|e| event_out(doc, e, &at)).collect(),
            diagnostics: doc
                .diagnostics
                .iter()
                .map(|d| DiagnosticOut { stage: d.stage, message: &d.message })
                .collect(),
        }
    }
}

fn event_out<'a>(doc: &'a Document, e: &'a crate::Event, at: &impl Fn(Span) -> (u32, u32)) -> EventOut<'a> {
    let text = doc.text();
    let participant = |p: &'a crate::Participant| {
        let (start, end) = at(p.span);
        ParticipantOut { code: p.code.as_deref(), text: p.span.slice(text), start, end, entity: p.entity }
    };
    let (start, end) = at(e.span);
    let (t_start, t_end) = at(e.trigger);
    EventOut {
        id: event_id(doc, e),
        sentence: e.sentence,
        start,
        end,
        trigger: SpanText { start: t_start, end: t_end, text: e.trigger.slice(text) },
        source: e.source.as_ref().map(participant),
        target: e.target.as_ref().map(participant),
        cameo: &e.cameo,
        root: e.root(),
        quad_class: e.quad_class,
        goldstein: e.goldstein,
        plover: e.plover.as_ref().map(|p| PloverOut { kind: &p.kind, mode: p.mode.as_deref() }),
        date: e.date.as_deref(),
        time: e.time.as_ref().map(|(s, t)| TimeOut { start: s, end: t }),
        historical: e.historical,
        modality: e.modality.as_str(),
        attribution: e.attribution.as_ref().map(|a| {
            let (start, end) = at(a.span);
            AttributionOut { text: a.span.slice(text), code: a.code.as_deref(), start, end }
        }),
        place: e.place.as_ref().map(|p| {
            let (start, end) = at(p.span);
            PlaceOut { text: p.span.slice(text), country: p.country.as_deref(), start, end }
        }),
        quantities: &e.quantities,
        confidence: e.confidence,
    }
}

fn token_kind(kind: crate::TokenKind) -> &'static str {
    use crate::TokenKind::*;
    match kind {
        Word => "word",
        Number => "number",
        Punct => "punct",
        Symbol => "symbol",
        Url => "url",
        Email => "email",
    }
}

/// A stable event id: FNV-1a over the document id, the trigger's bytes, the code and
/// both actor codes, so the same input always gives the same id.
pub fn event_id(doc: &Document, e: &crate::Event) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes.iter().chain(&[0xff]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    eat(doc.id.as_bytes());
    eat(&e.trigger.start.to_le_bytes());
    eat(&e.trigger.end.to_le_bytes());
    eat(e.cameo.as_bytes());
    for p in [&e.source, &e.target] {
        eat(p.as_ref().and_then(|p| p.code.as_deref()).unwrap_or("").as_bytes());
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive_char_offset(text: &str, byte: usize) -> u32 {
        text[..byte].chars().count() as u32
    }

    #[test]
    fn mentions_are_written_only_when_present() {
        use crate::{Entity, EntityLabel, Mention, MentionKind};
        let mut doc = Document::new("m", "Blinken spoke. He left.").expect("short text");
        let options = Options::default();
        assert!(!to_json(&doc, options).contains("mentions"));
        doc.entities.push(Entity {
            span: Span::new(0, 7),
            label: EntityLabel::Per,
            actor: Some("USAGOV".into()),
            canonical: None,
            role: None,
        });
        doc.mentions.push(Mention { span: Span::new(15, 17), entity: 0, kind: MentionKind::Pronoun });
        let json = to_json(&doc, options);
        assert!(
            json.contains(r#""mentions":[{"start":15,"end":17,"text":"He","entity":0,"kind":"pronoun"}]"#),
            "{json}"
        );
    }

    #[test]
    fn char_offsets_on_mixed_text() {
        let text = "Zelenskyy met «Scholz» in Kyiv — 09:15 ET, 14:15 GMT. Ünïcödé 日本 🎉 end";
        let idx = CharOffsets::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            assert_eq!(idx.char_offset(b as u32), naive_char_offset(text, b), "byte {b}");
        }
    }

    proptest! {
        #[test]
        fn char_offsets_agree_with_counting(text in "\\PC{0,300}") {
            let idx = CharOffsets::new(&text);
            for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
                prop_assert_eq!(idx.char_offset(b as u32), naive_char_offset(&text, b));
            }
        }
    }
}
