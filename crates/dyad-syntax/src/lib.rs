//! dyad's syntax stage: part-of-speech tags, dependency trees and named entities from small,
//! fast models that dyad trains itself and ships inside the binary.
//!
//! # Brief overview
//!
//! - [`Models`] holds the three models, loads the embedded ones ([`Models::embedded`]) and
//!   is the stage's face: [`Models::annotate`] fills a [`Document`]'s syntax layer
//!   ([`Document::words`]) and adds PER/ORG/LOC entities; [`Models::parse_conllu`] tags and
//!   parses CoNLL-U on gold tokens; [`Models::analyse`] is the pure prediction on one
//!   sentence's words, which the other two only write out.
//! - [`Tagger`] (UPOS + PTB XPOS as one joint class), [`Parser`] (arc-hybrid transitions,
//!   labelled) and [`NerTagger`] (BILOU spans) are averaged perceptrons over hashed features,
//!   the first two greedy, the NER tagger searching a narrow beam (two sequences for the
//!   shipped model) and trained on whole sentences; [`Gazetteer`] is the hook through which name lists become NER features, and a
//!   [`WordTable`] (word clusters and capitalisation learnt from raw news by
//!   [`write_word_table`], names from `lexicon/`) is stored in each model trained with it
//!   (the shipped tagger and NER tagger).
//!   The shipped NER model [reads documents](NerTagger::reads_documents): the labels it gave
//!   a word earlier in the same document are features, so [`Models::annotate`] and
//!   [`Models::parse_conllu`] (`# newdoc`) read a document's sentences in order.
//! - News names people by their titles ("Russian Foreign Minister Sergei Lavrov"), which the
//!   treebank the parser learnt from rarely does: the NER tagger runs before the parser, its
//!   person spans are mended (titles out, a cut-off surname in), and each name with the titles
//!   before it is parsed as one word, its inner arcs written by rule (`names.rs`;
//!   [`Models::with_whole_names`] turns this off).
//! - [`train_tagger`], [`train_parser`] and [`train_ner`] train them from UD / UNER files,
//!   printing each epoch's dev score and keeping the best epoch; [`conllu`] reads and writes
//!   the files. `train.sh` retrains the shipped models, the parser also on a silver treebank
//!   of news sentences that two parsers parse alike (`silver.py`).
//!
//! The one big design decision: every model is a linear model over hashed sparse
//! features, frozen into a compact file (averaged weights quantised to `i16` with one scale
//! per model, near-zero weights pruned, feature keys delta-coded). This trades a few points of
//! accuracy against neural parsers for hundreds of thousands of words a second on one core,
//! no GPU and a few megabytes of weights.
//!
//! # Not here
//!
//! No tokenisation or sentence splitting (`dyad-text` gives the tokens; multiword tokens are
//! split with [`dyad_core::Token::words`]), no entity linking to actors, no event coding. The
//! model files under `models/` are produced by the training functions (the `syntax` example is
//! a thin command line over them) from UD English EWT and UNER English EWT only.
//!
//! # Example
//!
//! ```
//! use dyad_core::{Document, Sentence, Span, Token, TokenKind};
//! use dyad_syntax::Models;
//!
//! let text = "Blinken spoke with Lavrov on Saturday.";
//! let mut doc = Document::new("seed", text)?;
//! let mut start = 0;
//! for piece in ["Blinken", " ", "spoke", " ", "with", " ", "Lavrov", " ", "on", " ", "Saturday", "."] {
//!     if piece != " " {
//!         let kind = if piece == "." { TokenKind::Punct } else { TokenKind::Word };
//!         doc.tokens.push(Token { span: Span::new(start, start + piece.len()), kind, word_split: 0 });
//!     }
//!     start += piece.len();
//! }
//! doc.sentences.push(Sentence { span: Span::new(0, text.len()), tokens: 0..7, boilerplate: false });
//!
//! let models = Models::embedded()?;
//! models.annotate(&mut doc);
//! assert_eq!(doc.words.len(), 7);
//! let spoke = doc.words[1];
//! assert_eq!((spoke.upos, spoke.deprel, spoke.head), ("VERB", "root", None));
//! assert_eq!(doc.words[0].deprel, "nsubj");
//! assert!(doc.entities.iter().any(|e| doc.slice(e.span) == "Lavrov"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod codec;
pub mod conllu;
mod distrib;
mod error;
mod features;
mod hash;
mod hints;
mod mends;
mod names;
mod ner;
mod parser;
mod perceptron;
mod tagger;
mod train;
mod truecase;
mod wordtable;

pub use distrib::write_table as write_word_table;
pub use error::{Error, ErrorKind, Result};
pub use ner::{Gazetteer, GazetteerHit, NerSpan, NerTagger, spans_to_iob2};
pub use parser::{Arc, Parser};
pub use tagger::{PosTag, Tagger};
pub use train::{TrainOptions, Trained, train_ner, train_parser, train_tagger};
pub use truecase::{CaseRestorer, Casing, casing};
pub use wordtable::WordTable;

use dyad_core::{Document, Entity, EntityLabel, Layer, Span, Word};
use std::io::{BufRead, Write};
use std::sync::Arc as Shared;

/// The embedded model files (empty until a model has been trained and committed).
static EMBEDDED_TAGGER: &[u8] = include_bytes!("../models/tagger.bin");
static EMBEDDED_PARSER: &[u8] = include_bytes!("../models/parser.bin");
static EMBEDDED_NER: &[u8] = include_bytes!("../models/ner.bin");

/// The syntax stage's models: tagger, parser and NER tagger, each optional.
#[derive(Clone, Default)]
pub struct Models {
    /// The part-of-speech tagger; without it nothing is annotated.
    pub tagger: Option<Tagger>,
    /// The dependency parser.
    pub parser: Option<Parser>,
    /// The named-entity tagger.
    pub ner: Option<NerTagger>,
    gazetteer: Option<Shared<dyn Gazetteer>>,
    /// Whether NER spans are mended and a person's name with its titles is parsed as one
    /// word (see `names.rs`).
    whole_names: bool,
}

impl std::fmt::Debug for Models {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Models")
            .field("tagger", &self.tagger.is_some())
            .field("parser", &self.parser.is_some())
            .field("ner", &self.ner.is_some())
            .field("gazetteer", &self.gazetteer.is_some())
            .field("whole_names", &self.whole_names)
            .finish()
    }
}

/// The analysis of one sentence's words: what [`Models::analyse`] predicts.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// One tag pair per word (empty without a tagger).
    pub tags: Vec<PosTag>,
    /// One head and relation per word (empty without a parser).
    pub arcs: Vec<Arc>,
    /// Entity spans over the words (empty without an NER tagger).
    pub entities: Vec<NerSpan>,
}

/// The three models' working buffers, reused from sentence to sentence.
struct Scratch {
    tag: tagger::TagContext,
    parse: parser::ParseContext,
    ner: ner::NerContext,
    acronyms: names::Acronyms,
}

impl Scratch {
    fn new() -> Scratch {
        Scratch {
            tag: tagger::TagContext::new(),
            parse: parser::ParseContext::new(),
            ner: ner::NerContext::new(),
            acronyms: names::Acronyms::default(),
        }
    }

    /// Starts a new document: the NER tagger's memory and the acronyms are forgotten.
    fn new_document(&mut self) {
        self.ner.new_document();
        self.acronyms.clear();
    }
}

/// Sizes of the embedded model files in bytes: tagger, parser, NER.
pub fn embedded_sizes() -> [usize; 3] {
    [EMBEDDED_TAGGER.len(), EMBEDDED_PARSER.len(), EMBEDDED_NER.len()]
}

impl Models {
    /// The models embedded in the binary. A model whose file is empty (not trained yet) is
    /// absent; a damaged file is an error.
    pub fn embedded() -> Result<Models> {
        Models::from_bytes(EMBEDDED_TAGGER, EMBEDDED_PARSER, EMBEDDED_NER)
    }

    /// Models from file contents; an empty slice leaves that model out.
    pub fn from_bytes(tagger: &[u8], parser: &[u8], ner: &[u8]) -> Result<Models> {
        Ok(Models {
            tagger: (!tagger.is_empty()).then(|| Tagger::from_bytes(tagger)).transpose()?,
            parser: (!parser.is_empty()).then(|| Parser::from_bytes(parser)).transpose()?,
            ner: (!ner.is_empty()).then(|| NerTagger::from_bytes(ner)).transpose()?,
            gazetteer: None,
            whole_names: true,
        })
    }

    /// The same models; with `whole` false, names and titles are parsed word by word as
    /// the treebank has them, rather than as one word (the default: see `names.rs`).
    pub fn with_whole_names(mut self, whole: bool) -> Models {
        self.whole_names = whole;
        self
    }

    /// A restorer of capitals for texts written all in lower case or all in capitals, on
    /// the word table of the NER model (else the tagger's); `None` if neither has one.
    pub fn case_restorer(&self) -> Option<CaseRestorer> {
        let table =
            self.ner.as_ref().and_then(|n| n.word_table()).or(self.tagger.as_ref().and_then(|t| t.word_table()));
        table.cloned().map(CaseRestorer::new)
    }

    /// The same models, with NER features from `gazetteer`.
    pub fn with_gazetteer(mut self, gazetteer: Shared<dyn Gazetteer>) -> Models {
        self.gazetteer = Some(gazetteer);
        self
    }

    /// Tags, parses and finds the entities of one sentence's words. Pure: writes nothing.
    pub fn analyse(&self, words: &[&str]) -> Analysis {
        self.analyse_with(words, &mut Scratch::new())
    }

    /// [`Models::analyse`] with working buffers kept from sentence to sentence. The three
    /// models share the tagger's word parts (shape, affixes, normalised form), computed once.
    fn analyse_with(&self, words: &[&str], scratch: &mut Scratch) -> Analysis {
        let Some(tagger) = &self.tagger else { return Analysis::default() };
        let mut tags: Vec<PosTag> =
            tagger.predict_ids(words, &mut scratch.tag).into_iter().map(|c| tagger.class(c)).collect();
        tagger::mend_tenses(words, &mut tags, |w| tagger.can_be_verb(w));
        let parts = Some(scratch.tag.parts());
        // Entities first: the parser is given each person's name, with its titles, as one word.
        // A document-reading tagger remembers its own labels, before the mending: the
        // histories it was trained on are unmended too.
        let entities = self.ner.as_ref().map(|n| {
            let classes = n.predict_classes(words, &tags, parts, self.gazetteer.as_deref(), &mut scratch.ner);
            let mut spans = n.spans(&classes);
            if self.whole_names {
                names::mend_spans(words, &tags, &mut spans);
                scratch.acronyms.apply(words, &mut spans);
            }
            spans
        });
        let chunks = match &entities {
            Some(e) if self.whole_names => names::name_chunks(words, &tags, e),
            _ => Vec::new(),
        };
        let arcs = self.parser.as_ref().map(|p| {
            let mut arcs = if chunks.is_empty() {
                p.predict_with(words, &tags, parts, &mut scratch.parse)
            } else {
                // The tagger's word parts are per original word: the shortened sentence's
                // words are normalised again by the parser (a few dozen instructions a word).
                names::parse_with_chunks(words, &tags, &chunks, |w, t| p.predict_with(w, t, None, &mut scratch.parse))
            };
            mends::mend_parse(words, &tags, &mut arcs);
            arcs
        });
        Analysis { tags, arcs: arcs.unwrap_or_default(), entities: entities.unwrap_or_default() }
    }

    /// Annotates every non-boilerplate sentence of `doc`, in order, as one document (an NER
    /// model that [reads documents](NerTagger::reads_documents) sees the sentences before
    /// each one): replaces the syntax layer
    /// ([`Document::words`], from each token's [`words`](dyad_core::Token::words)) and adds the
    /// NER entities (PER/ORG/LOC/MISC, no actor) to `doc.entities`, kept in text order.
    pub fn annotate(&self, doc: &mut Document) {
        if self.tagger.is_none() {
            return;
        }
        let mut scratch = Scratch::new();
        let mut words: Vec<Word> = Vec::with_capacity(doc.tokens.len() + doc.tokens.len() / 8);
        let mut entities: Vec<Entity> = Vec::new();
        let text = doc.text();
        for sentence in &doc.sentences {
            if sentence.boilerplate {
                continue;
            }
            let r = sentence.tokens.start as usize..sentence.tokens.end as usize;
            let Some(tokens) = doc.tokens.get(r) else { continue };
            let spans: Vec<Span> = tokens.iter().flat_map(|t| t.words()).collect();
            if spans.is_empty() {
                continue;
            }
            let forms: Vec<&str> = spans.iter().map(|s| text.get(s.range()).unwrap_or("")).collect();
            let a = self.analyse_with(&forms, &mut scratch);
            let base = words.len() as u32;
            for (i, span) in spans.iter().enumerate() {
                let tag = a.tags.get(i).copied().unwrap_or(PosTag { upos: "X", xpos: "_" });
                let (head, deprel) = match a.arcs.get(i) {
                    Some(arc) if arc.head > 0 && arc.head <= spans.len() => {
                        (Some(base + arc.head as u32 - 1), arc.deprel)
                    }
                    Some(arc) => (None, arc.deprel),
                    None => (None, "_"),
                };
                words.push(Word { span: *span, upos: tag.upos, xpos: tag.xpos, head, deprel });
            }
            for e in &a.entities {
                let (Some(first), Some(last)) = (spans.get(e.start), spans.get(e.end.saturating_sub(1))) else {
                    continue;
                };
                entities.push(Entity {
                    span: Span { start: first.start, end: last.end },
                    label: entity_label(e.label),
                    actor: None,
                    canonical: None,
                    role: None,
                });
            }
        }
        doc.words = words;
        doc.layers.insert(Layer::Syntax);
        if self.ner.is_some() {
            doc.entities.extend(entities);
            doc.entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
            doc.layers.insert(Layer::Entities);
        }
    }

    /// Reads CoNLL-U (or UNER IOB2) with gold tokens and sentences from `input` and writes
    /// CoNLL-U with predicted UPOS, XPOS, HEAD, DEPREL and `NER=` tags in MISC. Returns the
    /// number of sentences written. A `# newdoc` comment starts a new document (see
    /// [`NerTagger::reads_documents`]); without any, the whole input is one document.
    pub fn parse_conllu(&self, input: impl BufRead, mut output: impl Write) -> Result<usize> {
        let mut n = 0;
        let mut scratch = Scratch::new();
        for sentence in conllu::Reader::new(input) {
            let mut sentence = sentence?;
            if train::opens_document(&sentence) {
                scratch.new_document();
            }
            let forms: Vec<String> = sentence.words.iter().map(|w| w.form.clone()).collect();
            let forms: Vec<&str> = forms.iter().map(String::as_str).collect();
            let a = self.analyse_with(&forms, &mut scratch);
            let iob = self.ner.as_ref().map(|_| spans_to_iob2(&a.entities, forms.len()));
            for (i, w) in sentence.words.iter_mut().enumerate() {
                if let Some(t) = a.tags.get(i) {
                    w.upos = t.upos.to_string();
                    w.xpos = t.xpos.to_string();
                }
                if let Some(arc) = a.arcs.get(i) {
                    w.head = Some(arc.head);
                    w.deprel = arc.deprel.to_string();
                }
                if let Some(tags) = &iob {
                    w.ner = tags.get(i).cloned();
                }
            }
            conllu::write_sentence(&mut output, &sentence).map_err(|e| Error::io(None, e))?;
            n += 1;
        }
        output.flush().map_err(|e| Error::io(None, e))?;
        Ok(n)
    }
}

/// The document label of a trained entity type; unknown types become MISC.
fn entity_label(label: &str) -> EntityLabel {
    EntityLabel::parse(label).unwrap_or(EntityLabel::Misc)
}
