//! Actors: every entity of a document linked to the CAMEO actor it stands for on the
//! document's date, with metonymy ("Moscow denies") and coreference ("He reiterated").
//!
//! [`Actors::annotate`] runs four steps over one document:
//!
//! 1. **Match**: one pass of the lexicon's matcher over the text ([`Lexicon::find`]); matches
//!    in boilerplate sentences are dropped.
//! 2. **Entities**: every NER entity is kept; a lexicon name that covers it is linked to it,
//!    and lexicon names where NER found nothing become new entities (a surname alone only
//!    with support: a title before it, its full name elsewhere, or one office-holder of that
//!    name on the date).
//! 3. **Codes** ([`link`]): people by their role on the date; countries, cities and regions
//!    by country (GPE/LOC); capitals and seats of power by metonymy ([`metonymy`]); titles
//!    and role nouns around a name ("Ukrainian army spokesman X" → `UKRMIL`) and after a
//!    country ("Russian troops" → `RUSMIL` on "Russian").
//! 4. **Coreference** ([`coref`]): short names, definite descriptions and pronouns become
//!    [`Mention`](dyad_core::Mention)s pointing at the entity they refer to, and short names
//!    take their antecedent's actor; "he" is no woman and "she" no man where a given name
//!    tells ([`gender`]).

mod coref;
mod gender;
mod link;
mod metonymy;
#[cfg(test)]
mod tests;
mod text;

use dyad_core::{Date, Document, Entity, Layer, Span};
use dyad_lexicon::{Hit, Kind, Lexicon, LexiconErrors, Status};
use std::path::Path;

/// The actors stage: the compiled lexicon, built once and shared by every thread.
#[derive(Clone, Debug)]
pub struct Actors {
    lex: Lexicon,
    /// What the given names of the lexicon's people tell of their gender, for "he" and "she".
    given: gender::GivenNames,
}

/// One meaning of a name on a date, as `dyad actors lookup` shows it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lookup {
    /// CAMEO actor code on the date, if any.
    pub code: Option<String>,
    /// Canonical name.
    pub canonical: String,
    /// Role on the date ("Minister of Foreign Affairs", "former President").
    pub role: Option<String>,
    /// What kind of entry it is ("person", "country", "capital", ...).
    pub kind: &'static str,
    /// Entity label ("PER", "GPE", ...).
    pub label: &'static str,
    /// Validity of the entry, `from..to` (open ends empty).
    pub valid: String,
    /// `current`, `former` or `before` (people), else `current`.
    pub status: &'static str,
    /// `file:line` of the entry.
    pub source: String,
}

/// A matched name with what the lexicon says about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    pub hit: Hit,
    pub kind: Kind,
    /// Every binding of the term is weak (a surname alone).
    pub weak: bool,
}

pub(crate) fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::Country => "country",
        Kind::Demonym => "demonym",
        Kind::Capital => "capital",
        Kind::Seat => "seat",
        Kind::City => "city",
        Kind::Region => "region",
        Kind::Person => "person",
        Kind::Org => "org",
        Kind::Agent(_) => "agent",
    }
}

impl Actors {
    /// The stage with the embedded lexicon.
    pub fn embedded() -> Result<Actors, LexiconErrors> {
        Ok(Actors::from_lexicon(Lexicon::embedded()?))
    }

    /// The stage with the embedded lexicon plus the user's files under `dir` (they override).
    pub fn with_user_dir(dir: &Path) -> Result<Actors, LexiconErrors> {
        Ok(Actors::from_lexicon(Lexicon::with_user_dir(dir)?))
    }

    /// The stage over an already compiled lexicon.
    pub fn from_lexicon(lex: Lexicon) -> Actors {
        let given = gender::GivenNames::from_lexicon(&lex);
        Actors { lex, given }
    }

    /// The compiled lexicon.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lex
    }

    /// Every meaning of `name` on `date` (all periods when `date` is `None`), for
    /// `dyad actors lookup`.
    pub fn lookup(&self, name: &str, date: Option<Date>) -> Vec<Lookup> {
        self.lex
            .lookup(name, date)
            .into_iter()
            .map(|r| {
                let e = r.entry;
                let show = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_default();
                Lookup {
                    code: r.code,
                    canonical: e.canonical.clone(),
                    role: r.role,
                    kind: kind_name(e.kind),
                    label: e.label.as_str(),
                    valid: format!("{}..{}", show(e.valid.from), show(e.valid.to)),
                    status: match r.status {
                        Status::Current => "current",
                        Status::Former => "former",
                        Status::Before => "before",
                    },
                    source: format!("{}:{}", self.lex.file_name(e.origin.file), e.origin.line),
                }
            })
            .collect()
    }

    /// Links every entity of `doc` to its actor on the document's date (publication date;
    /// without one, the most recent role of each person), adds the lexicon's names that NER
    /// missed, resolves metonymy and coreference (filling [`Document::mentions`]) and marks
    /// the entities layer. Reads sentences, tokens, the `words` layer when present and any
    /// NER entities already in the document; never fails.
    pub fn annotate(&self, doc: &mut Document) {
        let date = doc.meta.published.map(|p| p.date);
        let text = doc.text();
        let boiler: Vec<Span> = doc.sentences.iter().filter(|s| s.boilerplate).map(|s| s.span).collect();
        let found: Vec<Found> = self
            .lex
            .find(text)
            .into_iter()
            .filter(|h| !boiler.iter().any(|b| b.overlaps(h.span)))
            .filter_map(|hit| {
                let bs = self.lex.bindings(hit.term);
                let first = bs.first()?;
                let kind = self.lex.entry(first.entry).kind;
                Some(Found { hit, kind, weak: bs.iter().all(|b| b.weak) })
            })
            .collect();
        let mut found = found;
        // An NER span the matcher did not cover is looked up as a whole: the
        // matcher reports no overlapping names, so "President Xi" (a name of its own) hides
        // "Xi Jinping" in "President Xi Jinping". Headline capitals ("RUSSIA", "PUTIN") are
        // looked up in title case.
        for e in &doc.entities {
            let t = &text[e.span.range()];
            // A known name that covers the span already says what it is ("Minsk" of "Minsk
            // agreement").
            if t.len() < 3 || found.iter().any(|f| f.hit.span.contains(e.span)) {
                continue;
            }
            let capitals = !t.chars().any(char::is_lowercase);
            if capitals && found.iter().any(|f| f.hit.span.overlaps(e.span)) {
                continue;
            }
            // "Boko haram", "google": the NER found a name written otherwise than the dictionaries
            let term = self.lex.term(&lookup_key(t)).or_else(|| self.lex.term(&capitalise_words(t)));
            if let Some(term) = term {
                let bs = self.lex.bindings(term);
                if let Some(first) = bs.first() {
                    let kind = self.lex.entry(first.entry).kind;
                    found.push(Found { hit: Hit { span: e.span, term }, kind, weak: bs.iter().all(|b| b.weak) });
                }
            }
        }
        found.sort_by_key(|f| (f.hit.span.start, std::cmp::Reverse(f.hit.span.end)));
        let ner = std::mem::take(&mut doc.entities);
        let mut linker = link::Linker::new(&self.lex, doc, date, &found);
        linker.entities(ner);
        linker.codes();
        let (entities, mentions) = coref::resolve(&self.lex, &self.given, doc, &found, linker.finish());
        doc.entities = entities;
        doc.mentions = mentions;
        doc.layers.insert(Layer::Entities);
    }
}

/// A name as the dictionaries write it: a name in capitals ("RUSSIA", "NEW DELHI") in title
/// case, any other as it stands.
pub(crate) fn lookup_key(name: &str) -> std::borrow::Cow<'_, str> {
    if name.chars().any(char::is_lowercase) {
        return name.into();
    }
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c.flat_map(char::to_lowercase)).collect()).unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
        .into()
}

/// Each word with its first letter in capitals, the rest as written ("Boko haram" → "Boko Haram").
fn capitalise_words(name: &str) -> String {
    name.split(' ')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The country part of an actor code ("RUS" of "RUSGOV"), when it is a country.
pub fn country_of<'a>(lex: &Lexicon, code: &'a str) -> Option<&'a str> {
    code.get(..3).filter(|c| lex.country(c).is_some())
}

/// An entity under construction: the NER or lexicon entity, and what linked it.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    pub entity: Entity,
    /// Index into the found names of the lexicon match that names it.
    pub found: Option<usize>,
    /// True when the entity came from the NER stage.
    pub ner: bool,
    /// Person resolved through the lexicon on the date (not just by title).
    pub known: bool,
}
