//! The stand-off layers that stages add to a [`Document`](crate::Document).
//!
//! Every layer item points into the document's text with a [`Span`]; none holds a copy of
//! the text it covers. Items of one layer are kept in text order.

use crate::Span;
use std::ops::Range;

/// A sentence (or a heading, dateline line, or boilerplate line) of the document.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the sentence, without leading or trailing whitespace.
    pub span: Span,
    /// Indices into [`Document::tokens`](crate::Document::tokens) of the sentence's tokens.
    pub tokens: Range<u32>,
    /// True for publisher chrome (donation appeals, "Read more", copyright lines):
    /// later stages take nothing from such sentences.
    pub boilerplate: bool,
}

/// What kind of surface token a [`Token`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with inner apostrophes, hyphens or periods ("U.S.", "Blinken").
    Word,
    /// Digits, possibly with separators ("100,000", "3.5", "9:15", "1990s").
    Number,
    /// Punctuation (".", ",", quotes, brackets, dashes).
    Punct,
    /// Other symbols ("$", "%", "&", emoji).
    Symbol,
    /// A URL, kept whole.
    Url,
    /// An e-mail address, kept whole.
    Email,
}

/// A surface token: what a reader sees as one unit between spaces and punctuation.
///
/// Tokens follow the conventions of UD English EWT, whose multiword tokens ("don't",
/// "Russia's", "I'm") are one surface token made of two syntactic words; `word_split`
/// says where the second word starts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the token.
    pub span: Span,
    /// The kind of token.
    pub kind: TokenKind,
    /// Byte length of the token's second syntactic word when it is a multiword token
    /// (`don't` = `do` + `n't`: 3; `Russia's` = `Russia` + `'s`: 2), else 0.
    pub word_split: u8,
}

impl Token {
    /// The token's syntactic words: one span, or two for a multiword token.
    pub fn words(&self) -> impl Iterator<Item = Span> {
        let split = self.span.end - u32::from(self.word_split);
        let (first, second) = if self.word_split == 0 || split <= self.span.start {
            (self.span, None)
        } else {
            (Span { start: self.span.start, end: split }, Some(Span { start: split, end: self.span.end }))
        };
        std::iter::once(first).chain(second)
    }
}

/// A syntactic word (UD English EWT conventions) with its part-of-speech tags and its
/// dependency arc, as given by the syntax stage.
///
/// A [`Token`] holds one word, or two for a multiword token ([`Token::words`]). Tag and
/// relation names are `&'static str` because they come from a closed, model-defined set
/// (`"PROPN"`, `"NNP"`, `"nsubj"`); the stage interns them once per process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word {
    /// Bytes of the word.
    pub span: Span,
    /// Universal part of speech (`"PROPN"`).
    pub upos: &'static str,
    /// Penn Treebank tag (`"NNP"`).
    pub xpos: &'static str,
    /// Index into [`Document::words`](crate::Document::words) of the head word; `None` for the
    /// root of its sentence.
    pub head: Option<u32>,
    /// Universal Dependencies relation to the head (`"nsubj"`, `"root"`).
    pub deprel: &'static str,
}

/// Entity labels. The NER tagger gives PER/ORG/LOC/MISC; the lexicon refines them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntityLabel {
    /// A person.
    Per,
    /// An organisation.
    Org,
    /// A geo-political entity: a country, city or state with a government.
    Gpe,
    /// A place without a government of its own: a region, river, sea.
    Loc,
    /// A nationality, religious or political group ("Russian" as an adjective).
    Norp,
    /// A facility: a building, airport, bridge.
    Fac,
    /// A named event ("the Minsk talks").
    Event,
    /// A named law, treaty or agreement ("the Minsk agreement").
    Law,
    /// Any other name.
    Misc,
    /// A group named by a common noun that acts as an actor where it is ("police",
    /// "protesters", "civilians"): no name, so no NER label fits it.
    Group,
}

impl EntityLabel {
    /// The label as written in `dyad/1` ("PER", "GPE", ...).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Gpe => "GPE",
            EntityLabel::Loc => "LOC",
            EntityLabel::Norp => "NORP",
            EntityLabel::Fac => "FAC",
            EntityLabel::Event => "EVENT",
            EntityLabel::Law => "LAW",
            EntityLabel::Misc => "MISC",
            EntityLabel::Group => "GROUP",
        }
    }

    /// The label written `s` (as [`EntityLabel::as_str`] writes it; "PERSON" is read as PER).
    pub fn parse(s: &str) -> Option<EntityLabel> {
        Some(match s {
            "PER" | "PERSON" => EntityLabel::Per,
            "ORG" => EntityLabel::Org,
            "GPE" => EntityLabel::Gpe,
            "LOC" => EntityLabel::Loc,
            "NORP" => EntityLabel::Norp,
            "FAC" => EntityLabel::Fac,
            "EVENT" => EntityLabel::Event,
            "LAW" => EntityLabel::Law,
            "MISC" => EntityLabel::Misc,
            "GROUP" => EntityLabel::Group,
            _ => return None,
        })
    }
}

/// A named entity, possibly resolved to an actor.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Bytes of the mention.
    pub span: Span,
    /// Its label.
    pub label: EntityLabel,
    /// CAMEO actor code valid at the event's date ("USAGOV"), when resolved.
    pub actor: Option<String>,
    /// Canonical name of the actor ("Antony Blinken").
    pub canonical: Option<String>,
    /// The role that gives the code ("Secretary of State").
    pub role: Option<String>,
}

/// How a [`Mention`] refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// A personal or possessive pronoun ("He reiterated", "its troops").
    Pronoun,
    /// A title or definite description ("the Secretary", "the two leaders").
    Description,
    /// A shorter name of an entity named in full earlier ("Biden" after "Joe Biden").
    Name,
}

impl MentionKind {
    /// The name written in `dyad/1` ("pronoun", "description", "name").
    pub fn as_str(self) -> &'static str {
        match self {
            MentionKind::Pronoun => "pronoun",
            MentionKind::Description => "description",
            MentionKind::Name => "name",
        }
    }
}

/// A coreference link: words that refer to an entity of
/// [`Document::entities`](crate::Document::entities) named elsewhere, so that later stages
/// can find the actor of "He" or "the Secretary". A plural description ("the two leaders")
/// gives one mention per entity it refers to, with the same span.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mention {
    /// Bytes of the referring words.
    pub span: Span,
    /// Index into [`Document::entities`](crate::Document::entities) of the entity referred
    /// to: the first, fullest mention of it in the document.
    pub entity: u32,
    /// How it refers.
    pub kind: MentionKind,
}

/// TIMEX3 types.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TimexKind {
    /// A calendar date or period ("Saturday", "2014", "last week").
    Date,
    /// A time of day ("9:15 am ET").
    Time,
    /// A length of time ("two hours and five minutes").
    Duration,
    /// A recurring time ("every Monday").
    Set,
}

impl TimexKind {
    /// The TIMEX3 type name ("DATE", "TIME", "DURATION", "SET").
    pub fn as_str(self) -> &'static str {
        match self {
            TimexKind::Date => "DATE",
            TimexKind::Time => "TIME",
            TimexKind::Duration => "DURATION",
            TimexKind::Set => "SET",
        }
    }
}

/// A time expression with its TIMEX3 value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Timex {
    /// Bytes of the expression.
    pub span: Span,
    /// Its TIMEX3 type.
    pub kind: TimexKind,
    /// Normalised TIMEX3 value ("2022-02-12", "2022-02-12T14:15Z", "PT2H30M", "PAST_REF");
    /// `None` when it cannot be resolved (a relative date with no document date).
    pub value: Option<String>,
    /// TIMEX3 `mod` ("APPROX", "START", "MORE_THAN", ...).
    pub modifier: Option<String>,
}

/// A counted amount: "more than 40,000 soldiers".
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Bytes of the whole phrase.
    pub span: Span,
    /// The number.
    pub value: f64,
    /// The counted noun or unit ("troops", "USD", "km").
    pub unit: Option<String>,
    /// A qualifier ("more than", "at least", "about").
    pub qualifier: Option<String>,
}

/// Whether the text presents an event as having happened, and how.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Modality {
    /// Stated as fact.
    Asserted,
    /// Hearsay ("reportedly").
    Reported,
    /// Said not to have happened ("did not attack").
    Negated,
    /// Denied by a party ("Moscow denies it intends to ...").
    Denied,
    /// Possible, speculated ("may be considering", "a possible invasion").
    Hypothetical,
    /// Under a condition ("should Moscow pursue ..., it would ...").
    Conditional,
    /// Announced for the future ("will meet on Monday").
    Future,
    /// Intended or planned ("plans to").
    Intended,
}

impl Modality {
    /// The name written in `dyad/1`.
    pub fn as_str(self) -> &'static str {
        match self {
            Modality::Asserted => "asserted",
            Modality::Reported => "reported",
            Modality::Negated => "negated",
            Modality::Denied => "denied",
            Modality::Hypothetical => "hypothetical",
            Modality::Conditional => "conditional",
            Modality::Future => "future",
            Modality::Intended => "intended",
        }
    }

    /// True for the modalities that count as things that happened.
    pub fn is_factual(self) -> bool {
        matches!(self, Modality::Asserted | Modality::Reported)
    }
}

/// One side of an event: the words naming the actor, and the actor's code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Participant {
    /// Bytes of the actor's mention (with its title: "Japanese Foreign Minister Yoshimasa Hayashi").
    pub span: Span,
    /// CAMEO actor code, when known.
    pub code: Option<String>,
    /// Index into [`Document::entities`](crate::Document::entities), when the actor is an entity.
    pub entity: Option<u32>,
}

/// Who said or reported an event.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribution {
    /// Bytes of the attributing phrase ("the Japanese foreign ministry said").
    pub span: Span,
    /// The speaker's actor code, when known.
    pub code: Option<String>,
}

/// PLOVER event type and mode for an event's CAMEO code.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plover {
    /// PLOVER event type ("CONSULT").
    pub kind: String,
    /// PLOVER mode ("phone"), if any.
    pub mode: Option<String>,
}

/// Where an event took place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    /// Bytes of the place phrase ("in neighboring Belarus").
    pub span: Span,
    /// Country code (CAMEO) of the place, when known.
    pub country: Option<String>,
}

/// A coded event: who did what to whom, when, where, with what certainty.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// Index of the sentence the event comes from.
    pub sentence: u32,
    /// Bytes of the evidence (the clause that states the event).
    pub span: Span,
    /// Bytes of the trigger words ("spoke with").
    pub trigger: Span,
    /// Who acted.
    pub source: Option<Participant>,
    /// Who was acted upon; `None` where CAMEO allows no target.
    pub target: Option<Participant>,
    /// CAMEO event code ("041").
    pub cameo: String,
    /// CAMEO quad class (1 verbal cooperation .. 4 material conflict).
    pub quad_class: u8,
    /// Goldstein score of the code.
    pub goldstein: f32,
    /// PLOVER type and mode.
    pub plover: Option<Plover>,
    /// TIMEX3-style date of the event ("2022-02-12", "2014").
    pub date: Option<String>,
    /// Start and end instants, when the text gives times ("2022-02-12T14:15:00Z").
    pub time: Option<(String, String)>,
    /// True when the event lies well before the publication date (background).
    pub historical: bool,
    /// How the text presents the event.
    pub modality: Modality,
    /// Who said so.
    pub attribution: Option<Attribution>,
    /// Where it happened.
    pub place: Option<Place>,
    /// Indices into [`Document::quantities`](crate::Document::quantities).
    pub quantities: Vec<u32>,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

impl Event {
    /// The CAMEO root: the first two digits of the code.
    pub fn root(&self) -> &str {
        self.cameo.get(..2).unwrap_or(&self.cameo)
    }
}

#[cfg(test)]
mod tests {
    use super::EntityLabel;

    #[test]
    fn entity_labels_read_back_as_written() {
        use EntityLabel::*;
        for l in [Per, Org, Gpe, Loc, Norp, Fac, Event, Law, Misc, Group] {
            assert_eq!(EntityLabel::parse(l.as_str()), Some(l));
        }
        assert_eq!(EntityLabel::parse("PERSON"), Some(Per));
        assert_eq!(EntityLabel::parse("per"), None);
    }
}
