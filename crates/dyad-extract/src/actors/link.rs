//! From names to codes: lexicon matches and NER spans become entities, each with the actor it
//! stands for on the date, its canonical name and role; titles and role nouns around a name
//! make an actor of it.

use super::text::{adjacent, next_word, possessive_after, prev_word};
use super::{Cand, Found, metonymy};
use dyad_core::{Date, Document, Entity, EntityLabel, Span};
use dyad_lexicon::{AgentKind, Entry, GazetteerPlace, Kind, Lexicon, Resolution, Status};
use std::collections::{HashMap, HashSet};

/// Nouns of acts that a group word before them names the doer of ("police firing").
const GROUP_ACTS: &[&str] = &[
    "firing",
    "fire",
    "raid",
    "raids",
    "attack",
    "attacks",
    "crackdown",
    "action",
    "operation",
    "operations",
    "shelling",
    "strike",
    "strikes",
    "offensive",
    "assault",
    "lathi-charge",
    "lathicharge",
    "excesses",
    "brutality",
    "bullets",
    "bullet",
];

/// Words that may sit inside a title chain without changing it.
const FILLERS: &[&str] = &[
    "deputy",
    "Deputy",
    "acting",
    "Acting",
    "former",
    "Former",
    "top",
    "Top",
    "chief",
    "Chief",
    "senior",
    "Senior",
    "then",
    "then-",
    "outgoing",
    "Outgoing",
    "new",
    "New",
    "interim",
    "Interim",
    "incoming",
    "Incoming",
    "first",
    "First",
    "First Deputy",
    "Vice",
    "vice",
    "ex-",
    "late",
];

/// Words that end a body's name ("Foreign Ministry", "Armed Forces"): such a title after a
/// country is an organisation of its own.
const BODY_HEADS: &[&str] = &[
    "Ministry",
    "Forces",
    "Force",
    "Navy",
    "Army",
    "Parliament",
    "Court",
    "Office",
    "Guard",
    "Service",
    "Services",
    "Police",
    "Council",
    "Staff",
    "Military",
    "Government",
    "Cabinet",
    "Guards",
    "Intelligence",
];

/// Types of the groups that take the country of the place they are in (see
/// `Linker::local_groups`): police, protesters, civilians, refugees, rebels and militants,
/// criminal gangs. Not troops: an army fights abroad as often as at home.
const LOCAL_GROUPS: &[&str] = &["COP", "OPP", "CVL", "REF", "REB", "CRM"];

/// Words that make troops a government's own, fighting at home ("government forces",
/// "regime troops", "security forces"): such troops are local too, unlike an army named by
/// its country.
const HOME_FORCES: &[&str] = &["government ", "pro-government ", "regime ", "security "];

/// Prepositions before a name that make it the place where something happens.
const LOCATIVE: &[&str] = &["in", "at", "near", "outside", "across", "around", "of", "into", "inside", "throughout"];

/// Number words that count people ("twelve people").
const COUNT_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
    "thirty", "forty", "fifty", "hundred", "thousand", "dozen", "several", "many",
];

/// CAMEO's country part for an actor whose country is unknown ("---COP").
const UNKNOWN_COUNTRY: &str = "---";

/// What countries a sentence's places lie in.
enum Places {
    None,
    One(String),
    Several,
}

/// A direction naming part of a place ("Eastern" of "Eastern Ukraine").
fn is_compass(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    let w = w.strip_prefix("the ").unwrap_or(&w);
    let w = w.strip_suffix("ern").unwrap_or(w);
    matches!(w, "north" | "south" | "east" | "west" | "northeast" | "northwest" | "southeast" | "southwest" | "central")
}

/// The position after one space at `pos`, or `pos` itself.
fn skip_space(text: &str, pos: usize) -> usize {
    if text[pos..].starts_with(' ') { pos + 1 } else { pos }
}

/// Rank of a role when a person holds several on one date (lower wins).
fn role_rank(role: &str) -> u8 {
    let r = role.to_ascii_lowercase();
    if r.starts_with("president")
        || r.contains("prime minister")
        || r.starts_with("chancellor")
        || r.contains("king")
        || r.contains("supreme leader")
        || r.contains("secretary-general")
        || r.contains("secretary general")
        || r.starts_with("emir")
        || r.starts_with("queen")
    {
        0
    } else if r.contains("foreign") || r.contains("secretary of state") || r.contains("defen") {
        1
    } else {
        2
    }
}

/// A title chain around a name: a country (or organisation) cue and the agent words.
#[derive(Clone, Debug)]
pub(crate) struct Chain {
    /// The candidate that gives the country or organisation.
    pub cue: Option<usize>,
    /// Found-name indices of the agent terms, in text order.
    pub agents: Vec<usize>,
    /// "former" in the chain.
    pub former: bool,
}

pub(crate) struct Linker<'a> {
    lex: &'a Lexicon,
    doc: &'a Document,
    text: &'a str,
    date: Option<Date>,
    found: &'a [Found],
    cands: Vec<Cand>,
    agent_end: HashMap<u32, usize>,
    agent_start: HashMap<u32, usize>,
}

impl<'a> Linker<'a> {
    pub(crate) fn new(lex: &'a Lexicon, doc: &'a Document, date: Option<Date>, found: &'a [Found]) -> Linker<'a> {
        let mut agent_end = HashMap::new();
        let mut agent_start = HashMap::new();
        for (i, f) in found.iter().enumerate() {
            if matches!(f.kind, Kind::Agent(_)) {
                agent_end.insert(f.hit.span.end, i);
                agent_start.insert(f.hit.span.start, i);
            }
        }
        Linker { lex, doc, text: doc.text(), date, found, cands: Vec::new(), agent_end, agent_start }
    }

    pub(crate) fn finish(self) -> Vec<Cand> {
        self.cands
    }

    fn entry_of(&self, f: usize) -> &'a Entry {
        let lex: &'a Lexicon = self.lex;
        lex.entry(lex.bindings(self.found[f].hit.term)[0].entry)
    }

    fn sentence_of(&self, span: Span) -> Span {
        let s = &self.doc.sentences;
        let i = s.partition_point(|x| x.span.end <= span.start);
        s.get(i).map_or(Span::new(0, self.text.len()), |x| x.span)
    }

    /// Step 2: NER entities plus the lexicon names NER missed.
    pub(crate) fn entities(&mut self, ner: Vec<Entity>) {
        let found = self.found;
        let mut used = vec![false; found.len()];
        let mut cands = Vec::with_capacity(ner.len() + found.len());
        for e in ner {
            let mut c = Cand { entity: e, found: None, ner: true, known: false };
            let span = c.entity.span;
            let mut inside = Vec::new();
            let mut crosses_agent = false;
            for (i, f) in found.iter().enumerate() {
                if !f.hit.span.overlaps(span) {
                    continue;
                }
                if matches!(f.kind, Kind::Agent(_)) {
                    crosses_agent = true;
                    continue;
                }
                used[i] = true;
                if f.hit.span == span {
                    c.found = Some(i);
                } else if span.contains(f.hit.span) {
                    inside.push(i);
                } else if f.hit.span.contains(span) && !f.weak {
                    // NER found part of a name the lexicon knows whole ("Biden" of "Joe Biden").
                    c.entity.span = f.hit.span;
                    c.found = Some(i);
                }
            }
            if c.found.is_none() && crosses_agent && inside.len() > 1 {
                let people: Vec<usize> =
                    inside.iter().copied().filter(|&i| found[i].kind == Kind::Person && !found[i].weak).collect();
                if let [p] = people[..] {
                    c.entity.span = found[p].hit.span;
                    c.found = Some(p);
                    // The other names (a country before the title) stand on their own.
                    inside.iter().filter(|&&i| i != p).for_each(|&i| used[i] = false);
                }
            }
            if c.found.is_none() && inside.len() == 1 {
                let f = &found[inside[0]];
                let lead = &self.text[span.start as usize..f.hit.span.start as usize];
                let tail_empty = f.hit.span.end == span.end;
                // NER ran on into lower-case words ("United Nations for food"): the name ends
                // where the lexicon's does.
                let tail_lower = self.text[f.hit.span.end as usize..span.end as usize]
                    .strip_prefix(' ')
                    .is_some_and(|t| t.starts_with(|ch: char| ch.is_lowercase()));
                // (a one-word name, a surname, stands for the known person only at the end of
                // the name and after that person's own given name or initial: "Henry Kissinger"
                // is not Ariel Henry, "Hunter Biden" not Joe Biden)
                let one_word = !self.text[f.hit.span.range()].contains(' ');
                let ends_name =
                    matches!(&self.text[f.hit.span.end as usize..span.end as usize], "" | "'" | "'s" | "’" | "’s");
                let person_in_per = c.entity.label == EntityLabel::Per
                    && f.kind == Kind::Person
                    && (!(f.weak || one_word) || (ends_name && self.given_name_fits(lead, inside[0])));
                // "the Ukraine", "Eastern Ukraine", "southern Iraq": part of a known place is in its country
                let part_of_place = tail_empty
                    && matches!(f.kind, Kind::Country | Kind::Capital | Kind::City | Kind::Region)
                    && is_compass(lead.trim());
                if person_in_per || (tail_empty && matches!(lead.trim(), "the" | "The")) || part_of_place {
                    c.found = Some(inside[0]);
                } else if tail_lower && matches!(lead.trim(), "" | "the" | "The") && !f.weak {
                    c.entity.span = f.hit.span;
                    c.found = Some(inside[0]);
                } else if crosses_agent && !f.weak {
                    // A title swallowed by NER ("State Antony J. Blinken", "counterpart Vladimir
                    // Putin"): the lexicon's name is the entity.
                    c.entity.span = f.hit.span;
                    c.found = Some(inside[0]);
                }
            }
            if !cands.iter().any(|o: &Cand| o.entity.span == c.entity.span) {
                cands.push(c);
            }
        }
        // Full names anywhere in the document support their surnames.
        let mut named: HashSet<&str> = HashSet::new();
        for f in found.iter().filter(|f| f.kind == Kind::Person && !f.weak) {
            for b in self.lex.bindings(f.hit.term) {
                named.insert(&self.lex.entry(b.entry).canonical);
            }
        }
        for (i, f) in found.iter().enumerate() {
            if used[i] || matches!(f.kind, Kind::Agent(_)) {
                continue;
            }
            if cands.iter().any(|c: &Cand| c.entity.span.overlaps(f.hit.span)) {
                continue;
            }
            if f.weak && !self.surname_supported(i, &named) {
                continue;
            }
            let e = self.entry_of(i);
            cands.push(Cand {
                entity: Entity { span: f.hit.span, label: e.label, actor: None, canonical: None, role: None },
                found: Some(i),
                ner: false,
                known: false,
            });
        }
        cands.sort_by_key(|c| (c.entity.span.start, std::cmp::Reverse(c.entity.span.end)));
        self.cands = cands;
    }

    /// Whether the words before a surname inside a name (`lead`) fit the known person of hit
    /// `f`. Titles ("Gen", "Pres.") and particles ("von der") do not count. A given name fits
    /// when it begins as the person's does (spellings vary: "Aleksander" and "Alexander",
    /// "Pat" and "Patrick"); initials alone fit when the first is the given name's.
    fn given_name_fits(&self, lead: &str, f: usize) -> bool {
        const TITLES: [&str; 16] = [
            "gen",
            "pres",
            "president",
            "gov",
            "sen",
            "rep",
            "mr",
            "mrs",
            "ms",
            "dr",
            "lt",
            "col",
            "adm",
            "maj",
            "capt",
            "sgt",
        ];
        const PARTICLES: [&str; 8] = ["von", "der", "van", "de", "la", "le", "bin", "al"];
        let canonical = &self.entry_of(f).canonical;
        let given: Vec<char> = canonical.split_whitespace().next().unwrap_or("").to_lowercase().chars().collect();
        let words: Vec<String> = lead
            .split(|c: char| c.is_whitespace() || c == '-')
            .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase())
            .filter(|w| !w.is_empty() && !TITLES.contains(&w.as_str()) && !PARTICLES.contains(&w.as_str()))
            .collect();
        let (full, initials): (Vec<&String>, Vec<&String>) = words.iter().partition(|w| w.chars().count() > 1);
        if !full.is_empty() {
            return full.iter().any(|w| w.chars().take(2).eq(given.iter().copied().take(2)));
        }
        initials.first().is_none_or(|i| i.chars().next() == given.first().copied())
    }

    /// A surname alone is a person when a title precedes it, its full name is in the
    /// document, or exactly one person of that name holds an office on the date.
    fn surname_supported(&self, f: usize, named: &HashSet<&str>) -> bool {
        let hit = self.found[f].hit;
        let bs = self.lex.bindings(hit.term);
        if bs.iter().any(|b| named.contains(self.lex.entry(b.entry).canonical.as_str())) {
            return true;
        }
        let before = self.text[..hit.span.start as usize].trim_end_matches(' ').len() as u32;
        if before < hit.span.start && self.agent_end.contains_key(&before) {
            return true;
        }
        let Some(date) = self.date else { return false };
        let current: HashSet<&str> = self
            .lex
            .resolve(hit.term, Some(date))
            .into_iter()
            .filter(|r| r.status == Status::Current)
            .map(|r| r.entry.canonical.as_str())
            .collect();
        current.len() == 1
    }

    /// Step 3: codes, labels and roles.
    pub(crate) fn codes(&mut self) {
        let chosen_people = self.choose_people();
        for i in 0..self.cands.len() {
            let Some(f) = self.cands[i].found else { continue };
            let kind = self.found[f].kind;
            match kind {
                Kind::Person => {
                    if let Some(r) = self.best_person(f, &chosen_people) {
                        let c = &mut self.cands[i];
                        c.entity.label = EntityLabel::Per;
                        c.entity.actor = r.code.clone();
                        c.entity.canonical = Some(r.entry.canonical.clone());
                        c.entity.role = r.role.clone();
                        c.known = r.status == Status::Current;
                    }
                }
                Kind::Agent(_) => {}
                _ => {
                    let Some(r) = self.pick(f) else { continue };
                    let e = r.entry;
                    let country = self.lex.country(e.code.as_deref().unwrap_or("")).map(|c| c.name.clone());
                    let span = self.cands[i].entity.span;
                    let place = matches!(kind, Kind::Capital | Kind::Seat)
                        && metonymy::is_place(self.doc, span, self.sentence_of(span));
                    let c = &mut self.cands[i];
                    c.entity.actor = r.code.clone();
                    c.entity.canonical = Some(e.canonical.clone());
                    c.entity.label = e.label;
                    match kind {
                        Kind::Capital if !place => {
                            c.entity.actor = r.code.as_ref().map(|code| format!("{code}GOV"));
                            c.entity.canonical = country.or(Some(e.canonical.clone()));
                            c.entity.role = Some("government".into());
                        }
                        Kind::Seat if place => c.entity.label = EntityLabel::Fac,
                        Kind::Demonym => c.entity.canonical = country,
                        Kind::Org if c.ner && c.entity.label == EntityLabel::Org && e.label == EntityLabel::Misc => {}
                        _ => {}
                    }
                }
            }
        }
        self.gazetteer_places();
        self.home_parties();
        self.titles();
        self.local_groups();
    }

    /// A seat of power that names another country's body in a story about one country is
    /// that country's party of the same name, when the dictionaries know "NAME party": in an
    /// Indian story "Congress" is the Indian National Congress, not the US legislature.
    fn home_parties(&mut self) {
        let lex: &'a Lexicon = self.lex;
        let seats: Vec<usize> = (0..self.cands.len())
            .filter(|&i| self.cands[i].found.is_some_and(|f| self.found[f].kind == Kind::Seat))
            .collect();
        if seats.is_empty() {
            return;
        }
        // The country the story's places (gazetteer towns included) and demonyms name most.
        let named = self.countries_of(&[EntityLabel::Gpe, EntityLabel::Loc, EntityLabel::Norp]);
        let Some(home) =
            named.into_iter().max_by_key(|&(country, n)| (n, std::cmp::Reverse(country))).map(|(c, _)| c.to_string())
        else {
            return;
        };
        for i in seats {
            let c = &self.cands[i];
            let Some(code) = c.entity.actor.as_deref() else { continue };
            if super::country_of(lex, code) == Some(home.as_str()) {
                continue;
            }
            let name = super::lookup_key(&self.text[c.entity.span.range()]).into_owned();
            let party = ["party", "Party"]
                .iter()
                .filter_map(|p| lex.term(&format!("{name} {p}")))
                .flat_map(|t| lex.bindings(t))
                .map(|b| lex.entry(b.entry))
                .find(|e| {
                    e.code.as_deref().is_some_and(|code| code.starts_with(home.as_str()) && code.ends_with("PTY"))
                });
            if let Some(e) = party {
                let c = &mut self.cands[i];
                c.entity.actor = e.code.clone();
                c.entity.canonical = Some(e.canonical.clone());
                c.entity.label = EntityLabel::Org;
                c.entity.role = None;
            }
        }
    }

    /// NER places that the hand-written lexicon does not know, looked up in the gazetteer:
    /// "Lucknow" is a place in `IND`. Of the places of one name in several countries
    /// ("Hyderabad"), the one in the country the document names most, else the largest. A
    /// dateline's place counts even when NER in capitals took it for a person ("LUCKNOW:").
    fn gazetteer_places(&mut self) {
        let lex: &'a Lexicon = self.lex;
        // (candidate, where the place ends when an agent follows it inside the span, rows)
        let mut places: Vec<(usize, Option<u32>, Vec<GazetteerPlace<'a>>)> = Vec::new();
        for (i, c) in self.cands.iter().enumerate() {
            if !c.ner || c.found.is_some() || c.entity.actor.is_some() {
                continue;
            }
            let span = c.entity.span;
            let place = matches!(c.entity.label, EntityLabel::Loc | EntityLabel::Gpe)
                || metonymy::is_dateline(self.text, span, self.sentence_of(span));
            let split = self.place_before_agent(span);
            if !place && split.is_none() {
                continue;
            }
            let rows = lex.gazetteer(&super::lookup_key(&self.text[span.range()]));
            if !rows.is_empty() {
                places.push((i, None, rows));
                continue;
            }
            // NER took a place's police or army as one name ("Punjab Police", "Uttar Pradesh
            // Police", of any label): the place alone here, and the title chain adds the rest.
            // Only a region, or a town the document names as a place on its own: a word before
            // a body is more often no place at all ("Apex court" is no court of Apex, NC).
            if let Some(place_end) = split {
                let name = &self.text[span.start as usize..place_end as usize];
                let rows = lex.gazetteer(&super::lookup_key(name));
                let named_alone = || {
                    self.cands.iter().any(|o| {
                        o.ner
                            && matches!(o.entity.label, EntityLabel::Loc | EntityLabel::Gpe)
                            && &self.text[o.entity.span.range()] == name
                    })
                };
                if rows.iter().any(|p| p.source.ends_with("region")) || (!rows.is_empty() && named_alone()) {
                    places.push((i, Some(place_end), rows));
                }
            }
        }
        if places.is_empty() {
            return;
        }
        let mut named = self.named_countries();
        for (_, _, rows) in &places {
            if let [only] = rows[..] {
                *named.entry(only.code).or_insert(0) += 1;
            }
        }
        for (i, place_end, rows) in places {
            let count = |p: &GazetteerPlace<'_>| named.get(p.code).copied().unwrap_or(0);
            // the first of the most named (max_by_key would take the last)
            let best = rows.iter().fold(&rows[0], |best, p| if count(p) > count(best) { p } else { best });
            let c = &mut self.cands[i].entity;
            if let Some(end) = place_end {
                c.span.end = end;
            }
            c.actor = Some(best.code.to_string());
            c.canonical = Some(best.name.to_string());
            c.label = EntityLabel::Loc;
        }
    }

    /// Where the place ends in an NER span that runs on into an agent term ("Punjab
    /// Police": after "Punjab"), when one ends the span after a space.
    fn place_before_agent(&self, span: Span) -> Option<u32> {
        let &a = self.agent_end.get(&span.end)?;
        let start = self.found[a].hit.span.start;
        let place_end = self.text[..start as usize].trim_end_matches(' ').len() as u32;
        (place_end > span.start && place_end < start).then_some(place_end)
    }

    /// A place that only the gazetteer knows: an NER place with a country and no lexicon entry.
    fn is_gazetteer_place(&self, c: &Cand) -> bool {
        c.ner
            && c.found.is_none()
            && c.entity.label == EntityLabel::Loc
            && c.entity.actor.as_deref().is_some_and(|a| self.lex.country(a).is_some())
    }

    /// How often the document names each country by its name, demonym, capital or a place of
    /// the hand-written lexicon.
    fn named_countries(&self) -> HashMap<&'a str, usize> {
        let lex: &'a Lexicon = self.lex;
        let mut named = HashMap::new();
        for c in &self.cands {
            let Some(f) = c.found else { continue };
            if !matches!(self.found[f].kind, Kind::Country | Kind::Demonym | Kind::Capital | Kind::City | Kind::Region)
            {
                continue;
            }
            for b in lex.bindings(self.found[f].hit.term) {
                if let Some(country) = lex.entry(b.entry).code.as_deref().and_then(|code| super::country_of(lex, code))
                {
                    *named.entry(country).or_insert(0) += 1;
                }
            }
        }
        named
    }

    /// Group nouns that act where they are: "Police arrested 30 protesters in Athens" is
    /// GRCCOP against GRCOPP. The lexicon gives the group's type; its country is the one
    /// country that the sentence's places name (a dateline's place aside; a country that acts,
    /// "Russia attacks civilians", is no place). With several there is no actor; with none,
    /// the country of the story's dateline when most of the story's places lie in it ("police
    /// arrested 30 people" in a story filed from Ahmedabad about Gujarat), else `---` for an
    /// unknown country ("protesters marched": `---OPP`). Not for rebels and fighters a possessive
    /// makes someone's ("its fighters", "their rebels"): they stay without one. A government's
    /// own troops ("government forces") are local as well: see [`HOME_FORCES`].
    /// Only groups of [`LOCAL_GROUPS`] ("people" only when counted: see [`Linker::counted`]), and only when no name
    /// says whose group it is ("Islamic State militants" are the Islamic State's).
    fn local_groups(&mut self) {
        let mut groups = Vec::new();
        // Computed for the first group that needs it.
        let mut home: Option<Option<String>> = None;
        for (a, f) in self.found.iter().enumerate() {
            if !matches!(f.kind, Kind::Agent(AgentKind::Group | AgentKind::Sector)) {
                continue;
            }
            let span = f.hit.span;
            let term = &self.text[span.range()];
            let home_forces =
                || HOME_FORCES.iter().any(|h| term.len() > h.len() && term[..h.len()].eq_ignore_ascii_case(h));
            let local = |c: &&str| LOCAL_GROUPS.contains(c) || (*c == "MIL" && home_forces());
            let Some(code) = self.entry_of(a).code.as_deref().filter(local) else { continue };
            let sentence = self.sentence_of(span);
            // The candidates of the sentence (they are sorted by start): every test below
            // looks at those alone, so a long document costs no more per word than a short one.
            let near = self.cands_in(sentence);
            if (term.eq_ignore_ascii_case("people") || term.eq_ignore_ascii_case("persons"))
                && !self.counted(span, sentence)
                || near.iter().any(|c| c.entity.span.overlaps(span))
                || self.modifies_a_noun(span)
            {
                continue;
            }
            // A word before it that names or qualifies it ("Kenyan police", "Hamas's police",
            // "the city's residents") leaves it to the title chains, or to nobody. Before
            // police, a name that no dictionary knows is a place too small for them ("Abids
            // police", "Grand Bahama police"): the local police, in the sentence's or the
            // story's country. (Before other groups such a name is as often a party or a
            // movement: "Labor opposition leader", "Basque separatists".)
            let before = prev_word(self.text, span.start as usize, sentence.start as usize);
            let named_before = before.is_some_and(|(b, e)| {
                let w = &self.text[b..e];
                let known = || {
                    near.iter().any(|c| {
                        c.entity.actor.is_some() && c.entity.span.start as usize <= b && c.entity.span.end as usize >= e
                    })
                };
                (w.starts_with(char::is_uppercase) && b > sentence.start as usize && (code != "COP" || known()))
                    || w == "s"
            });
            if named_before || self.named_group(near, span) {
                continue;
            }
            // "its fighters", "their rebels": someone's, whom the sentence may not name.
            let owned = before.is_some_and(|(b, e)| {
                matches!(self.text[b..e].to_ascii_lowercase().as_str(), "its" | "their" | "his" | "her" | "our")
            });
            let from = self.country_from(near, span);
            let country = match from.map_or_else(|| self.country_of_sentence(near, sentence), Places::One) {
                Places::One(country) => country,
                Places::None => match home.get_or_insert_with(|| self.home_country()) {
                    Some(home) => home.clone(),
                    // Whose police or protesters they are is unknown, that they are police
                    // or protesters is not (CAMEO's "---" for an unknown country).
                    None if code != "REB" || !owned => UNKNOWN_COUNTRY.to_string(),
                    None => continue,
                },
                Places::Several => continue,
            };
            groups.push(Cand {
                entity: Entity {
                    span,
                    label: EntityLabel::Group,
                    actor: Some(format!("{country}{code}")),
                    canonical: None,
                    role: Some(term.to_lowercase()),
                },
                found: Some(a),
                ner: false,
                known: false,
            });
        }
        self.cands.extend(groups);
        self.cands.sort_by_key(|c| (c.entity.span.start, std::cmp::Reverse(c.entity.span.end)));
    }

    /// True when a count comes right before the noun at `span`: "200 persons", "twelve
    /// people", "thousands of people". Counted people are the ones something happened to
    /// or who did something ("police arrested 200 persons"); "people" alone rarely are
    /// ("people say").
    fn counted(&self, span: Span, sentence: Span) -> bool {
        let floor = sentence.start as usize;
        let Some((b, e)) = prev_word(self.text, span.start as usize, floor) else { return false };
        let word = self.text[b..e].to_ascii_lowercase();
        let is_count = |w: &str| {
            w.bytes().all(|c| c.is_ascii_digit() || c == b',')
                || COUNT_WORDS.contains(&w)
                || ["hundreds", "thousands", "dozens", "scores", "millions", "tens"].contains(&w)
        };
        if word == "of" {
            return prev_word(self.text, b, floor)
                .is_some_and(|(b, e)| is_count(&self.text[b..e].to_ascii_lowercase()));
        }
        is_count(&word)
    }

    /// True when a name among `near` says whose group the noun at `span` is: right before it,
    /// perhaps with an acronym in brackets between ("Islamic State (IS) militants"), or after
    /// "of" or "from" ("militants of the Kurdistan Workers Party").
    fn named_group(&self, near: &[Cand], span: Span) -> bool {
        let (start, end) = (span.start as usize, span.end as usize);
        let before = near.iter().any(|c| {
            let gap = self.text.get(c.entity.span.end as usize..start).unwrap_or("x").trim();
            c.entity.span.end as usize <= start
                && (gap.is_empty() || (gap.starts_with('(') && gap.ends_with(')') && gap.len() <= 12))
        });
        let tail = self.text.get(end..(end + 40).min(self.text.len())).unwrap_or("");
        let of = [" of ", " from "].iter().find(|p| tail.starts_with(*p)).map(|p| end + p.len());
        let after = of.is_some_and(|from| {
            near.iter().any(|c| {
                let s = c.entity.span.start as usize;
                c.entity.label == EntityLabel::Org && s >= from && s <= from + 36
            })
        });
        before || after || self.named_in_phrase(near, span)
    }

    /// True when a name with an actor modifies the noun at `span` from further left in its own
    /// phrase ("al-Shabab mujahideen movement fighters", "Houthi rebel fighters"), or a
    /// machine does ("jet fighters").
    fn named_in_phrase(&self, near: &[Cand], span: Span) -> bool {
        let words = &self.doc.words;
        let at = words.partition_point(|w| w.span.start < span.start);
        if words.get(at).is_none_or(|w| w.span != span) {
            return false;
        }
        // The words left of the noun whose heads lead to it without leaving its left side.
        let reaches = |mut i: usize| {
            for _ in 0..4 {
                match words[i].head.map(|h| h as usize) {
                    Some(h) if h == at => return true,
                    Some(h) if h != i && h < at => i = h,
                    _ => return false,
                }
            }
            false
        };
        let mut first = at;
        while first > 0 && reaches(first - 1) {
            first -= 1;
        }
        if first == at {
            return false;
        }
        let (from, to) = (words[first].span.start, span.start);
        let machine = self.text[words[at - 1].span.range()].eq_ignore_ascii_case("jet");
        let sentence = self.sentence_of(span);
        machine
            || near.iter().any(|c| {
                let e = c.entity.span;
                c.entity.actor.is_some()
                    && e.start >= from
                    && e.end <= to
                    && !metonymy::is_dateline(self.text, e, sentence)
            })
    }

    /// The country a group comes from, named right after it ("dissidents from Myanmar",
    /// "refugees from Syria"): a country, or a place with its country.
    fn country_from(&self, near: &[Cand], span: Span) -> Option<String> {
        let end = span.end as usize;
        let tail = self.text.get(end..)?;
        let from = end + tail.strip_prefix(" from ").map(|_| " from ".len())?;
        let skip = if self.text[from..].starts_with("the ") { 4 } else { 0 };
        let c = near.iter().find(|c| c.entity.span.start as usize == from + skip)?;
        if !matches!(c.entity.label, EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Norp) {
            return None;
        }
        super::country_of(self.lex, c.entity.actor.as_deref()?).map(str::to_string)
    }

    /// True when the parse makes the word at `span` a modifier of another noun ("civilian
    /// drones", "the opposition policy"): then it names no group. (Unless that noun is an act
    /// the group does: "police firing", "an army raid".)
    fn modifies_a_noun(&self, span: Span) -> bool {
        let words = &self.doc.words;
        let at = words.partition_point(|w| w.span.start < span.start);
        let acts = |h: Option<u32>| {
            h.and_then(|h| words.get(h as usize))
                .is_some_and(|h| GROUP_ACTS.iter().any(|a| a.eq_ignore_ascii_case(&self.text[h.span.range()])))
        };
        words
            .get(at)
            .filter(|w| w.span == span)
            .is_some_and(|w| (matches!(w.deprel, "compound" | "amod") || w.upos == "ADJ") && !acts(w.head))
    }

    /// The candidates that start inside `sentence`.
    fn cands_in(&self, sentence: Span) -> &[Cand] {
        let lo = self.cands.partition_point(|c| c.entity.span.start < sentence.start);
        let hi = self.cands.partition_point(|c| c.entity.span.start < sentence.end);
        &self.cands[lo..hi.max(lo)]
    }

    /// The country of the story's dateline (a place opening its first sentence, "Ahmedabad:"),
    /// when at least half of the document's places with a country lie in it.
    fn home_country(&self) -> Option<String> {
        let first = self.doc.sentences.first()?.span;
        let dateline = self.cands_in(first).iter().find(|c| {
            matches!(c.entity.label, EntityLabel::Gpe | EntityLabel::Loc)
                && metonymy::is_dateline(self.text, c.entity.span, first)
        })?;
        let home = super::country_of(self.lex, dateline.entity.actor.as_deref()?)?;
        let counts = self.countries_of(&[EntityLabel::Gpe, EntityLabel::Loc]);
        let at_home = counts.get(home).copied().unwrap_or(0);
        (at_home * 2 >= counts.values().sum::<usize>()).then(|| home.to_string())
    }

    /// How many entities of the `labels` lie in each country, by their actor codes
    /// (gazetteer places included).
    fn countries_of(&self, labels: &[EntityLabel]) -> HashMap<&str, usize> {
        let mut counts = HashMap::new();
        for c in self.cands.iter().filter(|c| labels.contains(&c.entity.label)) {
            if let Some(country) = c.entity.actor.as_deref().and_then(|code| super::country_of(self.lex, code)) {
                *counts.entry(country).or_insert(0) += 1;
            }
        }
        counts
    }

    /// The countries that the places among `near` (a name after "in", "near", "of" ...)
    /// lie in.
    fn country_of_sentence(&self, near: &[Cand], sentence: Span) -> Places {
        let mut country: Option<&str> = None;
        for c in near {
            if !sentence.contains(c.entity.span) || !matches!(c.entity.label, EntityLabel::Gpe | EntityLabel::Loc) {
                continue;
            }
            // A place where things happen, not a country acting ("Russia attacks civilians"),
            // nor a dateline's place ("ATHENS —"), which no preposition precedes.
            // (past an article: "in the Gaza Strip", "in the United States")
            let floor = sentence.start as usize;
            let at = prev_word(self.text, c.entity.span.start as usize, floor)
                .and_then(|(b, e)| {
                    if self.text[b..e].eq_ignore_ascii_case("the") {
                        prev_word(self.text, b, floor)
                    } else {
                        Some((b, e))
                    }
                })
                .map(|(b, e)| self.text[b..e].to_lowercase());
            if !at.is_some_and(|w| LOCATIVE.contains(&w.as_str())) {
                continue;
            }
            let Some(code) = c.entity.actor.as_deref() else { continue };
            let Some(here) = super::country_of(self.lex, code) else { continue };
            match country {
                Some(other) if other != here => return Places::Several,
                _ => country = Some(here),
            }
        }
        country.map_or(Places::None, |c| Places::One(c.to_string()))
    }

    /// The people named in full in the document (their surnames refer to them).
    fn choose_people(&self) -> HashSet<String> {
        self.cands
            .iter()
            .filter_map(|c| c.found)
            .filter(|&f| self.found[f].kind == Kind::Person && !self.found[f].weak)
            .flat_map(|f| {
                self.lex.bindings(self.found[f].hit.term).iter().map(|b| self.lex.entry(b.entry).canonical.clone())
            })
            .collect()
    }

    fn best_person(&self, f: usize, chosen: &HashSet<String>) -> Option<Resolution<'a>> {
        let lex: &'a Lexicon = self.lex;
        let mut rs = lex.resolve(self.found[f].hit.term, self.date);
        if self.found[f].weak {
            let in_doc: Vec<Resolution<'a>> =
                rs.iter().filter(|r| chosen.contains(&r.entry.canonical)).cloned().collect();
            if !in_doc.is_empty() {
                rs = in_doc;
            } else {
                let people: HashSet<&str> =
                    rs.iter().filter(|r| r.status == Status::Current).map(|r| r.entry.canonical.as_str()).collect();
                if people.len() > 1 {
                    return None;
                }
                if people.len() == 1 {
                    rs.retain(|r| r.status == Status::Current);
                } else {
                    // Nobody of that name in office: a unique former office-holder.
                    let all: HashSet<&str> = rs.iter().map(|r| r.entry.canonical.as_str()).collect();
                    if all.len() != 1 {
                        return None;
                    }
                }
            }
        }
        let status_rank = |s: Status| match s {
            Status::Current => 0,
            Status::Former => 1,
            Status::Before => 2,
        };
        if self.date.is_none() {
            return rs.into_iter().max_by_key(|r| r.entry.valid.from);
        }
        rs.into_iter().min_by_key(|r| (status_rank(r.status), role_rank(r.role.as_deref().unwrap_or(""))))
    }

    /// The meaning of a non-person name on the date.
    fn pick(&self, f: usize) -> Option<Resolution<'a>> {
        let lex: &'a Lexicon = self.lex;
        let rs = lex.resolve(self.found[f].hit.term, self.date);
        if rs.is_empty() {
            // A thing that no longer exists (the Soviet Union) or not yet: still that thing.
            return lex.resolve(self.found[f].hit.term, None).into_iter().next_back();
        }
        if self.date.is_some() { rs.into_iter().next() } else { rs.into_iter().next_back() }
    }

    /// The candidate (not a person) that ends at byte `end`, possibly before a possessive.
    fn cue_ending_at(&self, end: u32) -> Option<usize> {
        let mut ends = vec![end];
        let t = &self.text[..end as usize];
        for p in ["'s", "\u{2019}s"] {
            if let Some(rest) = t.strip_suffix(p) {
                ends.push(rest.len() as u32);
            }
        }
        self.cands.iter().position(|c| {
            ends.contains(&c.entity.span.end)
                && c.found.is_some_and(|f| {
                    matches!(self.found[f].kind, Kind::Country | Kind::Demonym | Kind::Capital | Kind::Org | Kind::Seat)
                })
                && c.entity.actor.is_some()
        })
    }

    /// The title chain that ends right before `pos`.
    fn chain_before(&self, pos: u32) -> Option<Chain> {
        let mut p = pos as usize;
        let mut chain = Chain { cue: None, agents: Vec::new(), former: false };
        loop {
            let q = self.text[..p].trim_end_matches([' ', '\u{a0}']).len();
            if q == p && p != pos as usize {
                break;
            }
            if let Some(&a) = self.agent_end.get(&(q as u32)) {
                chain.agents.insert(0, a);
                p = self.found[a].hit.span.start as usize;
                continue;
            }
            if let Some(k) = self.cue_ending_at(q as u32) {
                chain.cue = Some(k);
                break;
            }
            match prev_word(self.text, q, 0) {
                Some((a, b)) if FILLERS.contains(&&self.text[a..b]) => {
                    chain.former |= self.text[a..b].eq_ignore_ascii_case("former") || &self.text[a..b] == "ex-";
                    p = a;
                }
                _ => break,
            }
        }
        (!chain.agents.is_empty()).then_some(chain)
    }

    /// The appositive title after a name: ", Russia's foreign minister," / ", the US envoy,".
    fn chain_after(&self, end: u32) -> Option<Chain> {
        let e = end as usize;
        let rest = &self.text[e..];
        if !rest.starts_with(", ") {
            return None;
        }
        let mut p = e + 2;
        if let Some((a, b)) = next_word(self.text, p, self.text.len())
            && matches!(&self.text[a..b], "the" | "a" | "an")
        {
            p = skip_space(self.text, b);
        }
        let mut chain = Chain { cue: None, agents: Vec::new(), former: false };
        if let Some(k) = self.cands.iter().position(|c| c.entity.span.start as usize == p && c.entity.actor.is_some()) {
            let c = &self.cands[k];
            if c.found.is_some_and(|f| matches!(self.found[f].kind, Kind::Country | Kind::Demonym | Kind::Org)) {
                chain.cue = Some(k);
                let ce = c.entity.span.end as usize;
                p = skip_space(self.text, possessive_after(self.text, ce).unwrap_or(ce));
            }
        }
        while let Some(&a) = self.agent_start.get(&(p as u32)) {
            chain.agents.push(a);
            p = skip_space(self.text, self.found[a].hit.span.end as usize);
        }
        (!chain.agents.is_empty() && chain.cue.is_some()).then_some(chain)
    }

    /// Code and role that a chain gives: the cue's country with the sector of the chain
    /// (a sector word wins over a title: "army spokesman" is MIL).
    fn chain_code(&self, chain: &Chain) -> (Option<String>, String) {
        let agent = chain
            .agents
            .iter()
            .copied()
            .find(|&a| self.found[a].kind == Kind::Agent(AgentKind::Sector))
            .or_else(|| chain.agents.last().copied());
        let first = chain.agents[0];
        let last = *chain.agents.last().unwrap_or(&first);
        let role =
            self.text[self.found[first].hit.span.start as usize..self.found[last].hit.span.end as usize].to_string();
        let Some(agent) = agent else { return (None, role) };
        let acode = self.entry_of(agent).code.clone().unwrap_or_default();
        // The cue's code as linked in this document ("Congress" is India's party in an Indian
        // story), and whether the chain keeps it whole: an organisation's, or one with a sector
        // already ("Congress spokesman" is USALEG, "Pentagon spokesman" USAMIL). A gazetteer
        // place has its country's code, and a capital's government is only what the capital
        // stands for alone ("Kyiv's forces" are UKRMIL).
        let cue_code = chain.cue.and_then(|k| {
            let c = &self.cands[k];
            let code = c.entity.actor.clone().or_else(|| c.found.and_then(|f| self.entry_of(f).code.clone()))?;
            let kind = c.found.map(|f| self.found[f].kind);
            let place = matches!(kind, Some(Kind::Capital | Kind::City | Kind::Region | Kind::Country | Kind::Demonym));
            let whole = (code.len() > 3 && !place) || kind == Some(Kind::Org);
            Some((code, whole))
        });
        let code = match cue_code {
            Some((base, true)) => Some(base),
            Some((base, _)) if chain.former => Some(format!("{}ELI", &base[..3.min(base.len())])),
            Some((base, _)) if acode.len() == 3 => Some(format!("{}{acode}", &base[..3.min(base.len())])),
            Some(_) => Some(acode),
            None if acode.len() > 3 => Some(acode),
            None => None,
        };
        (code, role)
    }

    /// The seat right after country `i`'s name (at byte `p`, a possessive skipped) when the
    /// lexicon gives it another country: the update that makes it this country's body of the
    /// same sector.
    fn seat_of_another_country(&self, i: usize, p: usize) -> Option<(usize, Option<String>, String, Option<u32>)> {
        let q = skip_space(self.text, p);
        if !adjacent(self.text, p, q) {
            return None;
        }
        let country = self.cands[i].entity.actor.clone()?;
        let k = self.cands.iter().position(|c| c.entity.span.start as usize == q)?;
        let seat = self.cands[k].found.filter(|&f| self.found[f].kind == Kind::Seat)?;
        let code = self.entry_of(seat).code.clone()?;
        let (home, sector) = (code.get(..3)?, code.get(3..6)?);
        if country.len() != 3 || home == country {
            return None;
        }
        let role = self.text[self.cands[k].entity.span.range()].to_string();
        Some((k, Some(format!("{country}{sector}")), role, None))
    }

    /// Titles and role nouns: persons without a current lexicon role take their title's code,
    /// and a country directly followed by role nouns stands for that part of its state.
    fn titles(&mut self) {
        let mut updates: Vec<(usize, Option<String>, String, Option<u32>)> = Vec::new();
        for i in 0..self.cands.len() {
            let c = &self.cands[i];
            let kind = c.found.map(|f| self.found[f].kind);
            let is_person = c.entity.label == EntityLabel::Per && matches!(kind, None | Some(Kind::Person));
            if is_person {
                let chain = self.chain_before(c.entity.span.start).or_else(|| self.chain_after(c.entity.span.end));
                if let Some(chain) = chain {
                    let (code, role) = self.chain_code(&chain);
                    if let Some(k) = chain.cue
                        && self.cands[k]
                            .found
                            .is_some_and(|f| matches!(self.found[f].kind, Kind::Country | Kind::Demonym))
                    {
                        updates.push((k, code.clone(), role.clone(), None));
                    }
                    if !c.known && code.is_some() {
                        updates.push((i, code, role, None));
                    }
                }
                continue;
            }
            // A place's police or officials are its country's ("Karachi police": PAKCOP).
            let place = matches!(kind, Some(Kind::Capital | Kind::City | Kind::Region)) || self.is_gazetteer_place(c);
            if !place && !matches!(kind, Some(Kind::Country | Kind::Demonym)) {
                continue;
            }
            // Country followed by role nouns: "Russian troops", "Ukraine's army", "Russian Defence Ministry".
            let e = c.entity.span.end as usize;
            let mut p = possessive_after(self.text, e).unwrap_or(e);
            let mut agents = Vec::new();
            loop {
                let q = p + (self.text[p..].len() - self.text[p..].trim_start_matches([' ', '\u{a0}']).len());
                if !adjacent(self.text, p, q) {
                    break;
                }
                match self.agent_start.get(&(q as u32)) {
                    Some(&a) => {
                        agents.push(a);
                        p = self.found[a].hit.span.end as usize;
                    }
                    None => break,
                }
            }
            if agents.is_empty() {
                // "the Polish Senate", "Poland's Senate": a seat that the lexicon gives another
                // country ("Senate" is the US one) is this country's body of the same kind.
                if !place && let Some(update) = self.seat_of_another_country(i, p) {
                    updates.push(update);
                }
                continue;
            }
            // A place's role noun that modifies another noun ("Kiev intelligence support",
            // "anti-Kyiv separatist insurgency") or begins a name ("Lugansk People's Republic")
            // is no body of the place.
            let tail = self.found[*agents.last().unwrap_or(&agents[0])].hit.span;
            let names_more = self.text[tail.end as usize..]
                .strip_prefix("'s ")
                .or_else(|| self.text[tail.end as usize..].strip_prefix("\u{2019}s "))
                .is_some_and(|t| t.starts_with(char::is_uppercase));
            if place && (self.modifies_a_noun(tail) || names_more) {
                continue;
            }
            let chain = Chain { cue: Some(i), agents: agents.clone(), former: false };
            let (code, role) = self.chain_code(&chain);
            let last = *agents.last().unwrap_or(&agents[0]);
            let last_span = self.found[last].hit.span;
            let body = BODY_HEADS.iter().any(|h| self.text[last_span.range()].ends_with(h))
                && self.text[self.found[agents[0]].hit.span.range()].starts_with(char::is_uppercase)
                && possessive_after(self.text, e).is_none();
            let person_follows = self.cands.iter().any(|o| {
                o.entity.label == EntityLabel::Per
                    && adjacent(self.text, last_span.end as usize, o.entity.span.start as usize)
            });
            // A place and its role nouns are one body ("Godhra police"): a place alone cannot act.
            let extend = ((body || place) && !person_follows).then_some(last_span.end);
            updates.push((i, code, role, extend));
        }
        for (i, code, role, extend) in updates {
            let c = &mut self.cands[i];
            if code.is_some() {
                c.entity.actor = code;
            }
            if c.entity.label == EntityLabel::Per && c.entity.canonical.is_none() {
                c.entity.canonical = Some(self.text[c.entity.span.range()].to_string());
            }
            c.entity.role = Some(role);
            if let Some(end) = extend {
                c.entity.span.end = end;
                c.entity.label = EntityLabel::Org;
            }
        }
    }
}
