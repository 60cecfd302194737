//! dyad's dictionaries: countries, people with dated roles, organisations and agents, as plain
//! data files, validated and compiled into one matcher.
//!
//! An event is only as good as its actors, and actors change: Obama left office, Kyiv used to
//! be spelt Kiev, a foreign minister becomes prime minister. Every fact here is one line of a
//! reviewable TSV file under the repository's `lexicon/` directory, with the period in which
//! it holds and a short source note, and every lookup takes a date.
//!
//! # Brief overview
//!
//! - [`Lexicon`] is the compiled whole: [`Lexicon::embedded`] (the files built into the
//!   binary) or [`Lexicon::with_user_dir`] (plus a user's files, whose terms override ours).
//!   [`Lexicon::find`] finds every term of a text in one Aho-Corasick pass (case-sensitive,
//!   on word boundaries, longest match); [`Lexicon::resolve`] and [`Lexicon::lookup`] say what
//!   a term means on a date.
//! - [`Entry`] is one fact (a country, a capital, a seat of power, a person's role, an
//!   organisation, an agent noun) with its CAMEO code, [`Kind`] and [`Validity`].
//! - [`Lexicon::gazetteer`] looks up a town or first-level region ("Lucknow", "Punjab") in the
//!   gazetteer generated from GeoNames: tens of thousands of names, never searched for in a
//!   text, only looked up for a name that NER already calls a place.
//! - [`LexiconError`] names the file and line of every problem: unknown code units,
//!   malformed dates, wrong column counts, one term naming two things over overlapping
//!   periods. [`check_dir`] reports them all for a user's directory.
//!
//! The one big design decision: people are stored as role records, not as actors. A person
//! is the set of lines with the same canonical name; on a date, the role that holds gives the
//! code, a role that ended gives the country's elite code (`USAELI` for Obama in 2022), and
//! nothing is ever "in office forever". The price is one line per role and term, and a
//! surname alone is only a weak hint that needs the context's support.
//!
//! # Not here
//!
//! No reading of documents and no linking (that is `dyad-extract`, which decides between the
//! meanings of a term in context: "Moscow" the city or the government), no network, and no
//! text copied from other projects' dictionaries: the files are written from facts.
//!
//! # Example
//!
//! ```
//! use dyad_lexicon::Lexicon;
//!
//! let lex = Lexicon::embedded()?;
//! let on = |d: &str| Some(d.parse().unwrap());
//! let now = lex.lookup("Lavrov", on("2022-02-12"));
//! assert_eq!(now[0].code.as_deref(), Some("RUSGOV"));
//! assert_eq!(lex.lookup("Joe Biden", on("2022-02-12"))[0].role.as_deref(), Some("President"));
//! assert_eq!(lex.lookup("Barack Obama", on("2022-02-12"))[0].code.as_deref(), Some("USAELI"));
//! let hits = lex.find("Chinese Foreign Minister Wang Yi flew to meet Sergey Lavrov.");
//! let texts: Vec<&str> = hits.iter().map(|h| lex.term_text(h.term)).collect();
//! assert_eq!(texts, ["Chinese", "Foreign Minister", "Wang Yi", "Sergey Lavrov"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

mod date;
mod embedded;
mod error;
mod gazetteer;
mod lexicon;
mod load;

pub use date::Validity;
pub use error::{ErrorKind, LexiconError, LexiconErrors};
pub use gazetteer::GazetteerPlace;
pub use lexicon::{
    AgentKind, Binding, Country, Entry, Hit, Kind, Lexicon, Origin, Resolution, Stats, Status, TermId, check_dir,
};
