//! The compiled [`Lexicon`]: entries, the terms that name them, and one Aho-Corasick matcher.

use crate::date::Validity;
use crate::error::{ErrorKind, LexiconError, LexiconErrors};
use crate::gazetteer::{GazetteerPlace, Table};
use crate::load::{self, Format, Record, multi};
use aho_corasick::{AhoCorasick, MatchKind};
use dyad_core::{Date, EntityLabel, Span};
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// What an entry is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A country or territory by name ("Ukraine", "U.S.").
    Country,
    /// A demonym or adjective of a country ("Russian", "Ukrainians").
    Demonym,
    /// A capital city: a place, or its government by metonymy ("Moscow").
    Capital,
    /// A seat of power that stands for an office ("the Kremlin", "White House").
    Seat,
    /// Another city, with its country.
    City,
    /// A region without a government of its own, with its country ("Crimea").
    Region,
    /// A person, one entry per dated role.
    Person,
    /// An organisation, armed group, medium, or a named law or treaty (by its label).
    Org,
    /// A role noun or title ("troops", "foreign minister").
    Agent(AgentKind),
}

/// How an agent term combines with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum AgentKind {
    /// A body that fixes the sector ("army", "police", "foreign ministry"): wins over titles.
    Sector,
    /// A title or function ("foreign minister", "spokesman", "president").
    Title,
    /// A group noun that is an actor in itself ("troops", "rebels", "protesters").
    Group,
}

/// Where an entry comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Origin {
    /// Index of the file (see [`Lexicon::file_name`]).
    pub file: u16,
    /// 1-based line.
    pub line: u32,
}

/// One fact of the lexicon: a thing, its CAMEO code and the period in which it holds.
#[derive(Clone, Debug, PartialEq)]
pub struct Entry {
    /// What it is.
    pub kind: Kind,
    /// CAMEO actor code ("USAGOV"); for agents it may be a bare type ("MIL"). `None` for
    /// names that are no actor (laws, treaties).
    pub code: Option<String>,
    /// Canonical name ("Antony Blinken", "Russia").
    pub canonical: String,
    /// The role that gives the code ("Secretary of State").
    pub role: Option<String>,
    /// Entity label of a mention of it.
    pub label: EntityLabel,
    /// When it holds.
    pub valid: Validity,
    /// File and line.
    pub origin: Origin,
}

/// A country or territory with its codes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Country {
    /// CAMEO code ("RUS").
    pub code: String,
    /// ISO 3166-1 alpha-2.
    pub iso2: String,
    /// ISO 3166-1 alpha-3.
    pub iso3: String,
    /// FIPS 10-4 (for GDELT export).
    pub fips: String,
    /// English short name.
    pub name: String,
    /// Capital.
    pub capital: String,
}

/// Index of a term (a surface string) in the lexicon.
pub type TermId = u32;

/// A term's link to an entry. Weak links (a surname alone) are used only with support from
/// the context: an NER person span, a title, or an earlier full name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Binding {
    /// Index of the entry ([`Lexicon::entry`]).
    pub entry: u32,
    /// True for a surname derived from the full name.
    pub weak: bool,
}

/// A term found in a text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Bytes of the match.
    pub span: Span,
    /// The term matched.
    pub term: TermId,
}

/// How a resolution relates to the date asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// The entry holds on that date.
    Current,
    /// A person whose last role ended before the date: coded as the country's elite (`ELI`).
    Former,
    /// A person whose first role starts after the date: coded by country only.
    Before,
}

/// What a term means on a date.
#[derive(Clone, Debug, PartialEq)]
pub struct Resolution<'a> {
    /// The entry behind it (for a former official, the last role held).
    pub entry: &'a Entry,
    /// The code on that date.
    pub code: Option<String>,
    /// The role on that date ("former Secretary of State").
    pub role: Option<String>,
    /// How it relates to the date.
    pub status: Status,
    /// True when only a weak binding (a surname) gave it.
    pub weak: bool,
}

/// Record counts of a loaded lexicon.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Files read.
    pub files: usize,
    /// Code units (3-letter CAMEO pieces) known.
    pub units: usize,
    /// Countries and territories.
    pub countries: usize,
    /// Capitals, seats of power, cities and regions.
    pub places: usize,
    /// Role records of people.
    pub roles: usize,
    /// Distinct people.
    pub people: usize,
    /// Organisations and named laws.
    pub orgs: usize,
    /// Agent terms (role nouns and titles), before case variants.
    pub agents: usize,
    /// Distinct surface terms in the matcher.
    pub terms: usize,
    /// Gazetteer rows (towns and regions; one per name and country), generated and listed.
    pub gazetteer: usize,
}

/// dyad's dictionaries, compiled: look terms up, find them in a text, resolve them on a date.
#[derive(Clone, Debug)]
pub struct Lexicon {
    files: Vec<String>,
    entries: Vec<Entry>,
    terms: Vec<String>,
    bindings: Vec<Vec<Binding>>,
    by_text: HashMap<String, TermId>,
    countries: Vec<Country>,
    by_code: HashMap<String, usize>,
    units: HashSet<String>,
    matcher: AhoCorasick,
    /// Gazetteer rows of the dictionary files (a user's among them): they win over `gazetteer`.
    listed_places: Table,
    /// The generated gazetteer (`lexicon/gazetteer.tsv`), when embedded.
    gazetteer: Table,
    stats: Stats,
}

struct Builder {
    files: Vec<String>,
    entries: Vec<Entry>,
    terms: Vec<String>,
    bindings: Vec<Vec<Binding>>,
    by_text: HashMap<String, TermId>,
    claimed: HashSet<TermId>,
    countries: Vec<Country>,
    units: HashSet<String>,
    /// (name, country code, source) of every gazetteer row.
    listed_places: Vec<(String, String, String)>,
    stats: Stats,
    errors: Vec<LexiconError>,
}

fn label_of(s: &str) -> Option<EntityLabel> {
    EntityLabel::parse(s).filter(|&l| l != EntityLabel::Group)
}

/// Case forms of an agent term: as written, first letter up, every word up.
fn case_forms(term: &str) -> Vec<String> {
    fn up(w: &str) -> String {
        let mut c = w.chars();
        c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
    }
    let mut out = vec![term.to_string(), up(term)];
    let small = ["of", "for", "and", "the", "on", "de"];
    let title: Vec<String> = term
        .split(' ')
        .enumerate()
        .map(|(i, w)| if i > 0 && small.contains(&w) { w.to_string() } else { up(w) })
        .collect();
    out.push(title.join(" "));
    out.sort();
    out.dedup();
    out
}

impl Builder {
    fn new() -> Builder {
        Builder {
            files: Vec::new(),
            entries: Vec::new(),
            terms: Vec::new(),
            bindings: Vec::new(),
            by_text: HashMap::new(),
            claimed: HashSet::new(),
            countries: Vec::new(),
            units: HashSet::new(),
            listed_places: Vec::new(),
            stats: Stats::default(),
            errors: Vec::new(),
        }
    }

    fn bind(&mut self, text: &str, entry: u32, weak: bool, user: bool) {
        if text.is_empty() {
            return;
        }
        let id = match self.by_text.get(text) {
            Some(&id) => id,
            None => {
                let id = self.terms.len() as TermId;
                self.terms.push(text.to_string());
                self.bindings.push(Vec::new());
                self.by_text.insert(text.to_string(), id);
                id
            }
        };
        if user && self.claimed.insert(id) {
            // A user file that names a term replaces what the embedded files say about it.
            self.bindings[id as usize].clear();
        }
        let b = &mut self.bindings[id as usize];
        if !b.iter().any(|x| x.entry == entry) {
            b.push(Binding { entry, weak });
        }
    }

    fn push(&mut self, e: Entry) -> u32 {
        self.entries.push(e);
        self.entries.len() as u32 - 1
    }

    fn check_code(&mut self, file: &str, line: u32, code: &str) -> bool {
        let ok = !code.is_empty()
            && code.len().is_multiple_of(3)
            && code.bytes().all(|b| b.is_ascii_uppercase())
            && code.as_bytes().chunks(3).all(|c| std::str::from_utf8(c).is_ok_and(|u| self.units.contains(u)));
        if !ok {
            self.errors.push(LexiconError::new(
                file,
                line,
                ErrorKind::Code,
                format!(
                    "unknown actor code '{code}' (each 3-letter unit must be defined in a units or countries file)"
                ),
            ));
        }
        ok
    }

    /// First pass over a file: the code units it defines.
    fn units_of(&mut self, records: &[Record<'_>]) {
        for r in records {
            match r.format {
                Format::Units => {
                    self.units.insert(r.cols[0].to_string());
                }
                Format::Countries => {
                    self.units.insert(r.cols[0].to_string());
                }
                _ => {}
            }
        }
    }

    fn add(&mut self, file: &str, file_idx: u16, records: &[Record<'_>], user: bool) {
        for r in records {
            let origin = Origin { file: file_idx, line: r.line };
            let c = &r.cols;
            match r.format {
                Format::Units => self.stats.units += 1,
                Format::Countries => {
                    self.stats.countries += 1;
                    let (code, name) = (c[0], c[4]);
                    if !self.check_code(file, r.line, code) {
                        continue;
                    }
                    self.countries.push(Country {
                        code: code.to_string(),
                        iso2: c[1].to_string(),
                        iso3: c[2].to_string(),
                        fips: c[3].to_string(),
                        name: name.to_string(),
                        capital: c[7].to_string(),
                    });
                    let base = Entry {
                        kind: Kind::Country,
                        code: Some(code.to_string()),
                        canonical: name.to_string(),
                        role: None,
                        label: EntityLabel::Gpe,
                        valid: r.valid,
                        origin,
                    };
                    let e = self.push(base.clone());
                    for t in std::iter::once(name).chain(multi(c[5])) {
                        self.bind(t, e, false, user);
                    }
                    let d = self.push(Entry { kind: Kind::Demonym, label: EntityLabel::Norp, ..base.clone() });
                    for t in multi(c[6]) {
                        self.bind(t, d, false, user);
                    }
                    if !c[7].is_empty() {
                        let cap = self.push(Entry { kind: Kind::Capital, canonical: c[7].to_string(), ..base });
                        self.bind(c[7], cap, false, user);
                    }
                }
                Format::Places => {
                    self.stats.places += 1;
                    let (kind, label) = match c[2] {
                        "capital" => (Kind::Capital, EntityLabel::Gpe),
                        "seat" => (Kind::Seat, EntityLabel::Org),
                        "city" => (Kind::City, EntityLabel::Gpe),
                        "region" => (Kind::Region, EntityLabel::Loc),
                        "gazetteer" => {
                            // Looked up, never searched for: see `crate::gazetteer`.
                            if self.check_code(file, r.line, c[3]) {
                                for t in std::iter::once(c[0]).chain(multi(c[1])) {
                                    self.listed_places.push((t.to_string(), c[3].to_string(), c[6].to_string()));
                                }
                            }
                            continue;
                        }
                        other => {
                            self.errors.push(LexiconError::new(
                                file,
                                r.line,
                                ErrorKind::Value,
                                format!("unknown place kind '{other}' (capital, seat, city, region or gazetteer)"),
                            ));
                            continue;
                        }
                    };
                    if !self.check_code(file, r.line, c[3]) {
                        continue;
                    }
                    let e = self.push(Entry {
                        kind,
                        code: Some(c[3].to_string()),
                        canonical: c[0].to_string(),
                        role: None,
                        label,
                        valid: r.valid,
                        origin,
                    });
                    for t in std::iter::once(c[0]).chain(multi(c[1])) {
                        self.bind(t, e, false, user);
                    }
                }
                Format::People => {
                    self.stats.roles += 1;
                    if !self.check_code(file, r.line, c[2]) {
                        continue;
                    }
                    let e = self.push(Entry {
                        kind: Kind::Person,
                        code: Some(c[2].to_string()),
                        canonical: c[0].to_string(),
                        role: Some(c[3].to_string()),
                        label: EntityLabel::Per,
                        valid: r.valid,
                        origin,
                    });
                    let mut explicit: Vec<&str> = std::iter::once(c[0]).chain(multi(c[1])).collect();
                    for t in &explicit {
                        self.bind(t, e, false, user);
                    }
                    // Family name first in these countries' usage: the last word is a given name.
                    let family_first =
                        ["CHN", "TWN", "PRK", "KOR", "VNM", "KHM", "MMR"].iter().any(|p| c[2].starts_with(p));
                    let has_short = family_first || explicit.iter().any(|t| !t.contains(' '));
                    if let Some(surname) = c[0].rsplit(' ').next().filter(|s| s.len() > 2 && *s != c[0])
                        && !has_short
                        && !explicit.contains(&surname)
                    {
                        explicit.push(surname);
                        self.bind(surname, e, true, user);
                    }
                }
                Format::Orgs => {
                    self.stats.orgs += 1;
                    let Some(label) = label_of(c[3]) else {
                        self.errors.push(LexiconError::new(
                            file,
                            r.line,
                            ErrorKind::Value,
                            format!("unknown label '{}' (ORG, LAW, EVENT, MISC, NORP, FAC)", c[3]),
                        ));
                        continue;
                    };
                    let code = match c[2] {
                        "" | "-" => None,
                        code if self.check_code(file, r.line, code) => Some(code.to_string()),
                        _ => continue,
                    };
                    let e = self.push(Entry {
                        kind: Kind::Org,
                        code,
                        canonical: c[0].to_string(),
                        role: None,
                        label,
                        valid: r.valid,
                        origin,
                    });
                    for t in std::iter::once(c[0]).chain(multi(c[1])) {
                        self.bind(t, e, false, user);
                    }
                }
                Format::Agents => {
                    self.stats.agents += 1;
                    let kind = match c[3] {
                        "sector" => AgentKind::Sector,
                        "title" => AgentKind::Title,
                        "group" => AgentKind::Group,
                        other => {
                            self.errors.push(LexiconError::new(
                                file,
                                r.line,
                                ErrorKind::Value,
                                format!("unknown agent kind '{other}' (sector, title or group)"),
                            ));
                            continue;
                        }
                    };
                    if !self.check_code(file, r.line, c[2]) {
                        continue;
                    }
                    let e = self.push(Entry {
                        kind: Kind::Agent(kind),
                        code: Some(c[2].to_string()),
                        canonical: c[0].to_string(),
                        role: Some(if c[4].is_empty() { c[0] } else { c[4] }.to_string()),
                        label: EntityLabel::Misc,
                        valid: Validity::ALWAYS,
                        origin,
                    });
                    for t in std::iter::once(c[0]).chain(multi(c[1])) {
                        for form in case_forms(t) {
                            self.bind(&form, e, false, user);
                        }
                    }
                }
            }
        }
    }

    /// Two strong bindings of one term to different things over overlapping periods.
    fn check_overlaps(&mut self) {
        for (t, bs) in self.bindings.iter().enumerate() {
            let strong: Vec<&Entry> = bs.iter().filter(|b| !b.weak).map(|b| &self.entries[b.entry as usize]).collect();
            for (i, a) in strong.iter().enumerate() {
                for b in &strong[..i] {
                    let same_thing = a.canonical == b.canonical
                        || (a.code == b.code && matches!(a.kind, Kind::Country | Kind::Demonym | Kind::Capital))
                        || (matches!(a.kind, Kind::Agent(_)) && a.code == b.code);
                    if same_thing || !a.valid.overlaps(b.valid) {
                        continue;
                    }
                    self.errors.push(LexiconError::new(
                        &self.files[a.origin.file as usize],
                        a.origin.line,
                        ErrorKind::Overlap,
                        format!(
                            "term '{}' names '{}' here and '{}' at {}:{} over overlapping periods",
                            self.terms[t], a.canonical, b.canonical, self.files[b.origin.file as usize], b.origin.line
                        ),
                    ));
                }
            }
        }
    }
}

fn boundary_ok(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let first = text[start..end].chars().next();
    let last = text[start..end].chars().next_back();
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    (!alnum(before) || !alnum(first)) && (!alnum(after) || !alnum(last))
}

impl Lexicon {
    /// Compiles dictionary sources: `(file name, text)` pairs, embedded ones first; a term
    /// named in a `user` source replaces the embedded meaning of that term.
    pub fn from_sources(embedded: &[(&str, &str)], user: &[(String, String)]) -> Result<Lexicon, LexiconErrors> {
        let mut b = Builder::new();
        let mut parsed = Vec::new();
        for (name, text) in
            embedded.iter().map(|(n, t)| (*n, *t)).chain(user.iter().map(|(n, t)| (n.as_str(), t.as_str())))
        {
            let records = load::parse(name, text, &mut b.errors);
            b.units_of(&records);
            parsed.push((name, records));
        }
        for (i, (name, records)) in parsed.iter().enumerate() {
            b.files.push(name.to_string());
            b.add(name, i as u16, records, i >= embedded.len());
        }
        b.stats.files = parsed.len();
        b.check_overlaps();
        if !b.errors.is_empty() {
            return Err(LexiconErrors(b.errors));
        }
        let matcher = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(&b.terms)
            .map_err(|e| LexiconErrors(vec![LexiconError::new("lexicon", 0, ErrorKind::Value, e.to_string())]))?;
        let mut stats = b.stats;
        stats.people =
            b.entries.iter().filter(|e| e.kind == Kind::Person).map(|e| &e.canonical).collect::<HashSet<_>>().len();
        stats.terms = b.terms.len();
        let listed_places = Table::from_rows(b.listed_places);
        stats.gazetteer = listed_places.len();
        let by_code = b.countries.iter().enumerate().map(|(i, c)| (c.code.clone(), i)).collect();
        Ok(Lexicon {
            files: b.files,
            entries: b.entries,
            terms: b.terms,
            bindings: b.bindings,
            by_text: b.by_text,
            countries: b.countries,
            by_code,
            units: b.units,
            matcher,
            listed_places,
            gazetteer: Table::default(),
            stats,
        })
    }

    /// The dictionaries embedded in the binary (the repository's `lexicon/` directory).
    pub fn embedded() -> Result<Lexicon, LexiconErrors> {
        Lexicon::from_sources(crate::embedded::FILES, &[]).map(Lexicon::with_embedded_gazetteer)
    }

    fn with_embedded_gazetteer(mut self) -> Lexicon {
        self.gazetteer = Table::new(std::borrow::Cow::Borrowed(crate::embedded::GAZETTEER));
        self.stats.gazetteer += self.gazetteer.len();
        self
    }

    /// The embedded dictionaries plus every `*.tsv` file under `dir` (walked in name order,
    /// skipping `tests/` and `tools/`), whose terms override the embedded ones.
    pub fn with_user_dir(dir: &Path) -> Result<Lexicon, LexiconErrors> {
        let user = read_dir(dir).map_err(|e| LexiconErrors(vec![e]))?;
        Lexicon::from_sources(crate::embedded::FILES, &user).map(Lexicon::with_embedded_gazetteer)
    }

    /// Record counts.
    pub fn stats(&self) -> &Stats {
        &self.stats
    }

    /// The name of file `index` of an [`Origin`].
    pub fn file_name(&self, index: u16) -> &str {
        self.files.get(index as usize).map_or("?", String::as_str)
    }

    /// Entry `index`.
    pub fn entry(&self, index: u32) -> &Entry {
        &self.entries[index as usize]
    }

    /// Every entry, in file and line order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The term with exactly this text.
    pub fn term(&self, text: &str) -> Option<TermId> {
        self.by_text.get(text).copied()
    }

    /// The text of a term.
    pub fn term_text(&self, term: TermId) -> &str {
        &self.terms[term as usize]
    }

    /// The entries a term names.
    pub fn bindings(&self, term: TermId) -> &[Binding] {
        &self.bindings[term as usize]
    }

    /// The country with this CAMEO code.
    pub fn country(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }

    /// Every country, in file order.
    pub fn countries(&self) -> &[Country] {
        &self.countries
    }

    /// True when `unit` is a known 3-letter code unit.
    pub fn is_unit(&self, unit: &str) -> bool {
        self.units.contains(unit)
    }

    /// Every term occurrence in `text` on word boundaries, case-sensitive, longest first and
    /// without overlaps, in text order: one Aho-Corasick pass.
    pub fn find(&self, text: &str) -> Vec<Hit> {
        let mut hits: Vec<Hit> = self
            .matcher
            .find_overlapping_iter(text)
            .filter(|m| boundary_ok(text, m.start(), m.end()))
            .map(|m| Hit { span: Span::new(m.start(), m.end()), term: m.pattern().as_u32() })
            .collect();
        hits.sort_by_key(|h| (h.span.start, std::cmp::Reverse(h.span.end)));
        let mut end = 0;
        hits.retain(|h| {
            let keep = h.span.start >= end;
            if keep {
                end = h.span.end;
            }
            keep
        });
        hits
    }

    /// The gazetteer's places of this name, the most populous first; rows of the dictionary
    /// files (a user's) replace the generated ones of the same name.
    pub fn gazetteer(&self, name: &str) -> Vec<GazetteerPlace<'_>> {
        let listed: Vec<GazetteerPlace<'_>> = self.listed_places.lookup(name).collect();
        if listed.is_empty() { self.gazetteer.lookup(name).collect() } else { listed }
    }

    /// Problems of the embedded gazetteer file (rows out of order, malformed rows, unknown
    /// country codes), each with its line: it is not validated at load, so a test checks it.
    pub fn gazetteer_problems(&self) -> Vec<String> {
        let mut out: Vec<String> =
            self.gazetteer.problems().into_iter().map(|(i, p)| format!("row {}: {p}", i + 1)).collect();
        out.extend(
            self.gazetteer.codes().filter(|c| self.country(c).is_none()).map(|c| format!("unknown country code {c}")),
        );
        out
    }

    /// What `term` means on `date` (every meaning when `date` is `None`). People are
    /// resolved by their roles: current roles, else the last role as a former official
    /// (`ELI`), else the country alone before their first role.
    pub fn resolve(&self, term: TermId, date: Option<Date>) -> Vec<Resolution<'_>> {
        let mut out = Vec::new();
        let mut people: Vec<&str> = Vec::new();
        for b in self.bindings(term) {
            let e = self.entry(b.entry);
            if e.kind == Kind::Person {
                if !people.contains(&e.canonical.as_str()) {
                    people.push(&e.canonical);
                }
                continue;
            }
            if date.is_none_or(|d| e.valid.contains(d)) {
                out.push(Resolution {
                    entry: e,
                    code: e.code.clone(),
                    role: e.role.clone(),
                    status: Status::Current,
                    weak: b.weak,
                });
            }
        }
        for person in people {
            let roles: Vec<(&Entry, bool)> = self
                .bindings(term)
                .iter()
                .map(|b| (self.entry(b.entry), b.weak))
                .filter(|(e, _)| e.kind == Kind::Person && e.canonical == person)
                .collect();
            let Some(date) = date else {
                out.extend(roles.iter().map(|(e, weak)| Resolution {
                    entry: e,
                    code: e.code.clone(),
                    role: e.role.clone(),
                    status: Status::Current,
                    weak: *weak,
                }));
                continue;
            };
            let current: Vec<_> = roles.iter().filter(|(e, _)| e.valid.contains(date)).collect();
            if !current.is_empty() {
                out.extend(current.iter().map(|(e, weak)| Resolution {
                    entry: e,
                    code: e.code.clone(),
                    role: e.role.clone(),
                    status: Status::Current,
                    weak: *weak,
                }));
                continue;
            }
            let former =
                roles.iter().filter(|(e, _)| e.valid.to.is_some_and(|t| t < date)).max_by_key(|(e, _)| e.valid.to);
            if let Some((e, weak)) = former {
                let country = e.code.as_deref().map(|c| &c[..3]).filter(|c| self.by_code.contains_key(*c));
                out.push(Resolution {
                    entry: e,
                    code: country.map(|c| format!("{c}ELI")),
                    role: e.role.as_ref().map(|r| format!("former {r}")),
                    status: Status::Former,
                    weak: *weak,
                });
            } else if let Some((e, weak)) = roles.first() {
                let country = e.code.as_deref().map(|c| &c[..3]).filter(|c| self.by_code.contains_key(*c));
                out.push(Resolution {
                    entry: e,
                    code: country.map(str::to_string),
                    role: None,
                    status: Status::Before,
                    weak: *weak,
                });
            }
        }
        out
    }

    /// [`Lexicon::resolve`] by name: the exact term, else any term equal to it ignoring case.
    pub fn lookup(&self, name: &str, date: Option<Date>) -> Vec<Resolution<'_>> {
        let name = name.trim();
        if let Some(t) = self.term(name) {
            return self.resolve(t, date);
        }
        let lower = name.to_lowercase();
        let mut ids: Vec<TermId> =
            self.by_text.iter().filter(|(k, _)| k.to_lowercase() == lower).map(|(_, v)| *v).collect();
        ids.sort_unstable();
        ids.into_iter().flat_map(|t| self.resolve(t, date)).collect()
    }
}

/// Reads every `*.tsv` file under `dir` in name order, skipping `tests/` and `tools/`.
pub(crate) fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, LexiconError> {
    fn walk(dir: &Path, out: &mut Vec<std::path::PathBuf>) -> Result<(), LexiconError> {
        let io = |e: std::io::Error| LexiconError::new(&dir.display().to_string(), 0, ErrorKind::Io, e.to_string());
        let mut entries: Vec<_> = std::fs::read_dir(dir).map_err(io)?.collect::<Result<_, _>>().map_err(io)?;
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            if p.is_dir() {
                if !p.file_name().is_some_and(|n| n == "tests" || n == "tools") {
                    walk(&p, out)?;
                }
            } else if p.extension().is_some_and(|x| x == "tsv") {
                out.push(p);
            }
        }
        Ok(())
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths)?;
    paths
        .into_iter()
        .map(|p| {
            let name = p.display().to_string();
            std::fs::read_to_string(&p)
                .map(|t| (name.clone(), t))
                .map_err(|e| LexiconError::new(&name, 0, ErrorKind::Io, e.to_string()))
        })
        .collect()
}

/// Loads the embedded dictionaries plus the user files under `dir` and reports every
/// problem (file and line), or the record counts of the user files.
pub fn check_dir(dir: &Path) -> Result<Stats, Vec<LexiconError>> {
    let user = read_dir(dir).map_err(|e| vec![e])?;
    let n = user.len();
    let both = Lexicon::from_sources(crate::embedded::FILES, &user).map_err(|e| e.0)?;
    let only = Lexicon::from_sources(crate::embedded::FILES, &[]).map_err(|e| e.0)?;
    let (a, b) = (both.stats(), only.stats());
    Ok(Stats {
        files: n,
        units: a.units - b.units,
        countries: a.countries - b.countries,
        places: a.places - b.places,
        roles: a.roles - b.roles,
        people: a.people.saturating_sub(b.people),
        orgs: a.orgs - b.orgs,
        agents: a.agents - b.agents,
        terms: a.terms.saturating_sub(b.terms),
        gazetteer: a.gazetteer - b.gazetteer,
    })
}
