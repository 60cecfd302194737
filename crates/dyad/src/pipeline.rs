//! The [`Pipeline`]: stages run in order over one document.

use dyad_core::{Diagnostic, Document, Layer, Layers, TextTooLong};
use dyad_ingest::Article;
use std::fmt;
use std::time::{Duration, Instant};

/// One step of the pipeline: adds layers to a document, never edits the text or the
/// layers of another stage, and never fails (problems go to `doc.diagnostics`).
pub trait Stage: Send + Sync {
    /// Short name for messages ("text").
    fn name(&self) -> &'static str;
    /// Layers that must exist before this stage runs.
    fn requires(&self) -> &'static [Layer];
    /// Layers this stage fills.
    fn assigns(&self) -> &'static [Layer];
    /// Annotates `doc`.
    fn process(&self, doc: &mut Document);
}

/// A stage would run before a stage that assigns a layer it requires.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrderError {
    /// The stage that would run too early.
    pub stage: &'static str,
    /// The layer nobody before it assigns.
    pub missing: Layer,
}

impl fmt::Display for OrderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "stage '{}' requires the {} layer, which no earlier stage assigns", self.stage, self.missing.as_str())
    }
}

impl std::error::Error for OrderError {}

/// The pipeline could not be built.
#[derive(Debug)]
pub enum BuildError {
    /// The stages are in an order that cannot work.
    Order(OrderError),
    /// An embedded model or dictionary could not be loaded.
    Model(String),
}

impl fmt::Display for BuildError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BuildError::Order(e) => write!(f, "{e}"),
            BuildError::Model(e) => write!(f, "loading an embedded model: {e}"),
        }
    }
}

impl std::error::Error for BuildError {}

/// Why a document came out of the pipeline without its annotations.
#[derive(Debug)]
pub enum Failure {
    /// The text is too long for a document.
    TooLong(TextTooLong),
    /// A stage panicked on the document: a bug in dyad. The other documents are unharmed.
    Panicked {
        /// The stage that panicked.
        stage: &'static str,
        /// The panic's message.
        message: String,
    },
}

impl fmt::Display for Failure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Failure::TooLong(e) => write!(f, "{e}"),
            Failure::Panicked { stage, message } => write!(
                f,
                "internal error in the {stage} stage, document skipped (a bug in dyad: please report it with \
                 this document): {message}"
            ),
        }
    }
}

impl std::error::Error for Failure {}

impl Failure {
    /// The failure of a document on which `stage` panicked, from what
    /// [`std::panic::catch_unwind`] caught.
    pub fn panicked(stage: &'static str, panic: Box<dyn std::any::Any + Send>) -> Failure {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        Failure::Panicked { stage, message }
    }
}

/// All of dyad's stages, built once and shared by every thread.
pub struct Pipeline {
    stages: Vec<Box<dyn Stage>>,
    /// A second handle on the event coder, for explanations.
    coder: Option<std::sync::Arc<dyad_extract::Coder>>,
    /// Gives texts written all in lower case or in capitals their capitals back before the
    /// document is built (the models and the lexicon find next to nothing in them).
    caser: Option<dyad_syntax::CaseRestorer>,
}

impl Pipeline {
    /// A pipeline of `stages`, run in the given order; refuses an order in which a stage
    /// requires a layer that no earlier stage assigns.
    pub fn new(stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, OrderError> {
        let mut available = Layers::default();
        for stage in &stages {
            if let Some(&missing) = stage.requires().iter().find(|l| !available.contains(**l)) {
                return Err(OrderError { stage: stage.name(), missing });
            }
            stage.assigns().iter().for_each(|l| available.insert(*l));
        }
        Ok(Pipeline { stages, coder: None, caser: None })
    }

    /// dyad's standard stages, in order, with the models and dictionaries embedded in the
    /// binary. Fails only if an embedded model is damaged.
    pub fn standard() -> Result<Pipeline, BuildError> {
        Pipeline::with_lexicon(None)
    }

    /// The standard stages, with the user's dictionary files in `lexicon` added to (and
    /// overriding) the embedded ones.
    pub fn with_lexicon(lexicon: Option<&std::path::Path>) -> Result<Pipeline, BuildError> {
        let syntax = dyad_syntax::Models::embedded().map_err(|e| BuildError::Model(e.to_string()))?;
        let caser = syntax.case_restorer();
        let actors = match lexicon {
            Some(dir) => dyad_extract::Actors::with_user_dir(dir),
            None => dyad_extract::Actors::embedded(),
        }
        .map_err(|e| BuildError::Model(e.to_string()))?;
        let coder = std::sync::Arc::new(dyad_extract::Coder::embedded().map_err(|e| BuildError::Model(e.to_string()))?);
        let stages: Vec<Box<dyn Stage>> = vec![
            Box::new(TextStage),
            Box::new(TimeStage),
            Box::new(SyntaxStage(syntax)),
            Box::new(ActorsStage(actors)),
            Box::new(EventsStage(std::sync::Arc::clone(&coder))),
        ];
        let mut pipeline = Pipeline::new(stages).map_err(BuildError::Order)?;
        pipeline.coder = Some(coder);
        pipeline.caser = caser;
        Ok(pipeline)
    }

    /// The same pipeline, annotating every text as written: no case restoration (`dyad
    /// extract --as-written`; `crates/dyad-syntax/train.sh` reads news this way, so that the
    /// parser's silver treebank does not change with the restorer).
    pub fn as_written(mut self) -> Pipeline {
        self.caser = None;
        self
    }

    /// Why the events stage coded (or did not code) each candidate event in `doc`, which
    /// must have been through this pipeline: for `dyad explain`.
    pub fn explain(&self, doc: &Document) -> Option<String> {
        self.coder.as_ref().map(|c| c.explain(doc))
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.stages.iter().map(|s| s.name())
    }

    /// Normalises the article's text, builds its document and runs every stage over it.
    pub fn process(&self, article: Article) -> Result<Document, Failure> {
        let mut docs = [self.document(article).map_err(Failure::TooLong)];
        self.run_stages(&mut docs, None);
        let [doc] = docs;
        doc
    }

    /// [`Pipeline::process`] for several articles, in the same order: each stage runs over
    /// every document before the next stage starts. A stage's code and tables then stay in
    /// the cache from one document to the next instead of being evicted by the other stages
    /// (the whole pipeline is about 10% faster on news in batches of 32 than one document
    /// at a time; see BENCHMARKS.md). A stage that panics on a document fails that
    /// document only.
    pub fn process_many(&self, articles: Vec<Article>) -> Vec<Result<Document, Failure>> {
        let mut docs = self.documents(articles);
        self.run_stages(&mut docs, None);
        docs
    }

    /// Like [`Pipeline::process_many`], adding the time each stage took to `spent` (one entry
    /// per stage, in order; normalisation counts with the first stage). For `dyad bench`.
    pub fn process_many_timed(&self, articles: Vec<Article>, spent: &mut [Duration]) -> Vec<Result<Document, Failure>> {
        let started = Instant::now();
        let mut docs = self.documents(articles);
        if let Some(first) = spent.first_mut() {
            *first += started.elapsed();
        }
        self.run_stages(&mut docs, Some(spent));
        docs
    }

    fn documents(&self, articles: Vec<Article>) -> Vec<Result<Document, Failure>> {
        articles.into_iter().map(|a| self.document(a).map_err(Failure::TooLong)).collect()
    }

    /// Runs every stage, in order, over every document not failed yet.
    fn run_stages(&self, docs: &mut [Result<Document, Failure>], mut spent: Option<&mut [Duration]>) {
        let mut last = Instant::now();
        for (i, stage) in self.stages.iter().enumerate() {
            for slot in docs.iter_mut() {
                let Ok(doc) = slot else { continue };
                // A bug in one stage must not take the other documents down with it.
                if let Err(panic) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| stage.process(doc))) {
                    *slot = Err(Failure::panicked(stage.name(), panic));
                }
            }
            if let Some(spent) = spent.as_deref_mut() {
                let now = Instant::now();
                if let Some(slot) = spent.get_mut(i) {
                    *slot += now - last;
                }
                last = now;
            }
        }
    }

    /// The article's document: its text normalised (and its capitals restored if it had
    /// none), its metadata kept, no layers yet.
    fn document(&self, article: Article) -> Result<Document, TextTooLong> {
        let mut doc = Document::new(article.id, dyad_text::normalize(&article.text).text)?;
        doc.meta = article.meta;
        let Some(caser) = &self.caser else { return Ok(doc) };
        match dyad_syntax::casing(doc.text()) {
            dyad_syntax::Casing::Normal => Ok(doc),
            casing => restore_case(caser, doc, casing),
        }
    }
}

/// `doc` with its capitals restored. A word opens a sentence where the text layer splits the
/// text as written: its splitter knows that a caseless text opens its sentences in lower
/// case, where a guess from full stops would capitalise words after abbreviations and "..".
/// The text layer itself is then computed anew on the restored text, as for any other.
fn restore_case(
    caser: &dyad_syntax::CaseRestorer,
    doc: Document,
    casing: dyad_syntax::Casing,
) -> Result<Document, TextTooLong> {
    let mut as_written = Document::new(String::new(), doc.text())?;
    dyad_text::annotate(&mut as_written);
    let starts: Vec<u32> = as_written.sentences.iter().map(|s| s.span.start).collect();
    let Some(text) = caser.restore(doc.text(), casing, &starts) else { return Ok(doc) };
    let written = if casing == dyad_syntax::Casing::Upper { "in capitals" } else { "in lower case" };
    let mut restored = Document::new(doc.id, text)?;
    restored.meta = doc.meta;
    restored.diagnostics.push(Diagnostic {
        stage: "text",
        message: format!(
            "the text is written {written}: capitals were restored from news word statistics before \
             annotation (same offsets; entity and evidence texts show the restored case)"
        ),
    });
    Ok(restored)
}

/// Sentences, tokens and boilerplate flags (`dyad-text`).
struct TextStage;

impl Stage for TextStage {
    fn name(&self) -> &'static str {
        "text"
    }
    fn requires(&self) -> &'static [Layer] {
        &[]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn process(&self, doc: &mut Document) {
        dyad_text::annotate(doc);
    }
}

/// Time expressions and quantities (`dyad-time`). It reads the text layer's tokens to
/// scan only the stretches around the words a time expression or quantity can hold.
struct TimeStage;

impl Stage for TimeStage {
    fn name(&self) -> &'static str {
        "time"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Timexes, Layer::Quantities]
    }
    fn process(&self, doc: &mut Document) {
        dyad_time::annotate(doc);
    }
}

/// POS tags, dependency parse and named entities (`dyad-syntax`).
struct SyntaxStage(dyad_syntax::Models);

impl Stage for SyntaxStage {
    fn name(&self) -> &'static str {
        "syntax"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Syntax, Layer::Entities]
    }
    fn process(&self, doc: &mut Document) {
        self.0.annotate(doc);
    }
}

/// Actors: entity linking on the document's date, metonymy, coreference (`dyad-extract`).
struct ActorsStage(dyad_extract::Actors);

impl Stage for ActorsStage {
    fn name(&self) -> &'static str {
        "actors"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Entities]
    }
    fn process(&self, doc: &mut Document) {
        self.0.annotate(doc);
    }
}

/// Events: CAMEO and PLOVER coding with modality, attribution, time and place (`dyad-extract`).
struct EventsStage(std::sync::Arc<dyad_extract::Coder>);

impl Stage for EventsStage {
    fn name(&self) -> &'static str {
        "events"
    }
    fn requires(&self) -> &'static [Layer] {
        &[Layer::Sentences, Layer::Tokens, Layer::Entities, Layer::Timexes]
    }
    fn assigns(&self) -> &'static [Layer] {
        &[Layer::Events]
    }
    fn process(&self, doc: &mut Document) {
        self.0.annotate(doc);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Needs(Layer);

    impl Stage for Needs {
        fn name(&self) -> &'static str {
            "needs"
        }
        fn requires(&self) -> &'static [Layer] {
            match self.0 {
                Layer::Tokens => &[Layer::Tokens],
                _ => &[Layer::Entities],
            }
        }
        fn assigns(&self) -> &'static [Layer] {
            &[Layer::Events]
        }
        fn process(&self, _: &mut Document) {}
    }

    #[test]
    fn order_is_checked() {
        assert!(Pipeline::new(vec![Box::new(TextStage), Box::new(Needs(Layer::Tokens))]).is_ok());
        let err = Pipeline::new(vec![Box::new(Needs(Layer::Tokens)), Box::new(TextStage)]).err().unwrap();
        assert_eq!(err, OrderError { stage: "needs", missing: Layer::Tokens });
        let err = Pipeline::new(vec![Box::new(TextStage), Box::new(Needs(Layer::Entities))]).err().unwrap();
        assert_eq!(err.to_string(), "stage 'needs' requires the entities layer, which no earlier stage assigns");
    }

    /// Panics on a text that says "boom"; otherwise notes that it ran.
    struct Fragile;

    impl Stage for Fragile {
        fn name(&self) -> &'static str {
            "fragile"
        }
        fn requires(&self) -> &'static [Layer] {
            &[Layer::Tokens]
        }
        fn assigns(&self) -> &'static [Layer] {
            &[Layer::Events]
        }
        fn process(&self, doc: &mut Document) {
            assert!(!doc.text().contains("boom"), "the text went boom");
            doc.diagnostics.push(Diagnostic { stage: "fragile", message: format!("{} tokens", doc.tokens.len()) });
        }
    }

    #[test]
    fn a_batch_keeps_its_order_and_a_panic_fails_only_its_document() {
        let pipeline = Pipeline::new(vec![Box::new(TextStage), Box::new(Fragile)]).unwrap();
        let texts = ["One two three.", "It went boom.", "Four five."];
        let articles = texts.iter().enumerate().map(|(i, t)| Article::from_text(format!("d{i}"), *t)).collect();
        let docs = pipeline.process_many(articles);
        assert_eq!(docs.len(), 3);
        let first = docs[0].as_ref().unwrap();
        assert_eq!((first.id.as_str(), first.diagnostics[0].message.as_str()), ("d0", "4 tokens"));
        match &docs[1] {
            Err(Failure::Panicked { stage, message }) => {
                assert_eq!((*stage, message.as_str()), ("fragile", "the text went boom"))
            }
            other => panic!("expected the fragile stage's panic, got {other:?}"),
        }
        assert!(docs[1].as_ref().unwrap_err().to_string().starts_with("internal error in the fragile stage"));
        assert_eq!(docs[2].as_ref().unwrap().id, "d2");
        // One document at a time, the same.
        let alone = pipeline.process(Article::from_text("d2", texts[2])).unwrap();
        assert_eq!(alone.diagnostics, docs[2].as_ref().unwrap().diagnostics);
    }
}
