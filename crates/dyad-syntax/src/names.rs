//! Names parsed whole: a person's name with the titles before it ("Russian Foreign Minister
//! Sergei Lavrov") is given to the parser as one word, and its inner structure is written
//! by rule.
//!
//! Why: the parser learned from web text (UD EWT), which has few of news's long runs of
//! capitalised titles and names. Given "Chinese President Xi Jinping met Russian President
//! Vladimir Putin in Moscow." it made "Chinese" the root and "Russian" a clausal complement
//! of "met", so the event coder found neither who met nor whom. The same sentence with each
//! name as one word ("Jinping met Putin in Moscow.") is one it parses right. The NER tagger
//! runs first and marks the names; titles are the capitalised words before a name.

use crate::ner::NerSpan;
use crate::parser::Arc;
use crate::tagger::PosTag;

/// A name with its titles: words `start..end`; the name itself is `name..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct NameChunk {
    pub start: usize,
    pub name: usize,
    pub end: usize,
}

/// Words that are capitalised without being titles: they end a run of titles ("On Friday
/// President Biden": "Friday" is not one of his titles).
const NOT_TITLES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "mar.",
    "apr.",
    "jun.",
    "jul.",
    "aug.",
    "sep.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
    "i",
];

/// Titles written in lower case ("Ukrainian president Volodymyr Zelenskiy", "his Russian
/// counterpart Vladimir Putin"); capitalised words need no list.
const LOWER_CASE_TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "secretary",
    "chancellor",
    "premier",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "chief",
    "ambassador",
    "envoy",
    "general",
    "commander",
    "governor",
    "mayor",
    "senator",
    "adviser",
    "advisor",
    "deputy",
    "head",
    "king",
    "queen",
    "prince",
    "speaker",
    "chairman",
    "chairwoman",
    "director",
    "diplomat",
    "counterpart",
    "lawmaker",
    "opposition",
    "policy",
    "top",
    "former",
];

/// Forms of address and titles of rank that stand before a name without being part of it
/// ("Mr Osborne", "Pope Francis", "Emperor Meiji": the person is "Osborne", "Francis", "Meiji",
/// as UNER and CoNLL-2003 mark names). Not "Sheikh" or "Lady": they open many names ("Sheikh
/// Hasina", "Lady Gaga").
const HONORIFICS: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "miss",
    "dr",
    "dr.",
    "sir",
    "lord",
    "pope",
    "emperor",
    "empress",
    "princess",
    "rev",
    "rev.",
    "reverend",
    "gen.",
    "col.",
    "lt.",
    "sgt.",
    "capt.",
    "maj.",
    "adm.",
    "sen.",
    "rep.",
    "gov.",
    "prof.",
    "professor",
    "judge",
    "justice",
    "archbishop",
    "bishop",
    "cardinal",
    "rabbi",
    "imam",
    "ayatollah",
    "mullah",
    "colonel",
    "captain",
    "major",
    "admiral",
    "marshal",
    "sergeant",
    "lieutenant",
    "detective",
    "inspector",
    "constable",
    "officer",
    "coach",
    "dame",
    "doctor",
    "father",
];

/// Whether `w` is one of the words of `list`, in any case.
fn listed(list: &[&str], w: &str) -> bool {
    list.iter().any(|l| w.eq_ignore_ascii_case(l))
}

/// The words a span `i` of `entities` may grow over: from the end of the span before it to
/// the start of the one after it (or the sentence's `n` words).
fn room(entities: &[NerSpan], i: usize, n: usize) -> (usize, usize) {
    let floor = if i == 0 { 0 } else { entities[i - 1].end };
    (floor, entities.get(i + 1).map_or(n, |next| next.start))
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether `w` is a title of the list, in any case ("President", "minister").
fn is_title(w: &str) -> bool {
    listed(LOWER_CASE_TITLES, w)
}

/// Nouns of a person's trade or standing, written before the name in news ("economist Joel
/// Naroff", "champion Scott Hoch", "Democrat Walter Mondale"): no part of the name.
const ROLE_NOUNS: &[&str] = &[
    "champion",
    "economist",
    "analyst",
    "strategist",
    "striker",
    "goalkeeper",
    "fullback",
    "midfielder",
    "defender",
    "veteran",
    "actor",
    "actress",
    "singer",
    "writer",
    "author",
    "novelist",
    "journalist",
    "reporter",
    "correspondent",
    "lawyer",
    "attorney",
    "activist",
    "democrat",
    "republican",
    "rival",
    "challenger",
];

/// Whether `w` stands before a name without being part of it: a title, a form of address
/// ("Mr", "Pope") or a role noun ("economist"), in any case.
fn stands_before_a_name(w: &str) -> bool {
    is_title(w) || listed(HONORIFICS, w) || listed(ROLE_NOUNS, w)
}

/// Whether `w` is a capitalised word that is never a title (a weekday, a month).
fn never_title(w: &str) -> bool {
    listed(NOT_TITLES, w)
}

/// The last word among `words[range]` that `title` accepts.
fn last_title(words: &[&str], range: std::ops::Range<usize>, title: fn(&str) -> bool) -> Option<usize> {
    range.rev().find(|&k| title(words[k]))
}

/// Whether word `k` can be one of the titles before a name.
fn title_word(words: &[&str], tags: &[PosTag], k: usize) -> bool {
    let w = words[k];
    if !capitalised(w) {
        return LOWER_CASE_TITLES.contains(&w) && matches!(tags[k].upos, "NOUN" | "ADJ" | "PROPN");
    }
    if never_title(w) {
        return false;
    }
    match tags[k].upos {
        "PROPN" | "ADJ" => true,
        // A capitalised noun opening the sentence may be a plain word ("Police said").
        "NOUN" => k > 0,
        _ => false,
    }
}

/// Mends the NER tagger's spans before they are used: run-on spans cut, person spans
/// fitted to their names (see the two functions it calls).
pub(crate) fn mend_spans(words: &[&str], tags: &[PosTag], entities: &mut Vec<NerSpan>) {
    split_run_on_spans(words, tags, entities);
    organisations_by_their_head(words, entities);
    company_suffixes(words, entities);
    whole_place_names(words, entities);
    facilities_are_places(words, entities);
    trim_edges(words, entities);
    tidy_person_spans(words, tags, entities);
}

/// Words that make the name they head an organisation: "Rodale Press", "Ashdown Horse
/// Transport", "Ministry of Defence". "Bank" only before "of" ("Bank of Scotland"; not "West
/// Bank").
const ORGANISATION_HEADS: &[&str] = &[
    "inc",
    "inc.",
    "corp",
    "corp.",
    "corporation",
    "ltd",
    "ltd.",
    "llc",
    "co.",
    "company",
    "group",
    "press",
    "motorsports",
    "airlines",
    "airways",
    "party",
    "ministry",
    "department",
    "agency",
    "association",
    "council",
    "committee",
    "commission",
    "federation",
    "foundation",
    "institute",
    "union",
    "league",
    "club",
    "society",
    "authority",
    "services",
    "transport",
    "systems",
    "technologies",
    "holdings",
    "partners",
    "industries",
    "enterprises",
    "organization",
    "organisation",
];

/// Words that end the name of a building or a site ("City Hall", "Civic Center").
const FACILITY_HEADS: &[&str] = &[
    "Hall",
    "Auditorium",
    "Center",
    "Centre",
    "Stadium",
    "Arena",
    "Airport",
    "Station",
    "Bridge",
    "Museum",
    "Square",
    "Street",
    "Avenue",
    "Road",
    "Boulevard",
    "Base",
    "Tower",
    "Mall",
    "Theatre",
    "Theater",
    "Cathedral",
    "Mosque",
    "Palace",
    "Castle",
];

/// A "person" whose name ends in the word for a building or a site is that place: "City Hall",
/// "Orchestra Hall", "Civic Center".
fn facilities_are_places(words: &[&str], entities: &mut [NerSpan]) {
    for e in entities.iter_mut() {
        if e.label == "PER" && e.end <= words.len() && e.end > e.start + 1 && FACILITY_HEADS.contains(&words[e.end - 1])
        {
            e.label = "LOC";
        }
    }
}

/// Spans do not begin or end with a word of punctuation alone ("Bill Gottlieb :"), nor a
/// person's with a word without a letter ("P. Simmons 4-38" in a score table); a span of
/// nothing else is dropped.
fn trim_edges(words: &[&str], entities: &mut Vec<NerSpan>) {
    for e in entities.iter_mut() {
        if e.end > words.len() {
            continue;
        }
        let person = e.label == "PER";
        let edge = |k: usize| {
            let w = words[k];
            w.chars().all(|c| !c.is_alphanumeric()) || (person && !w.chars().any(char::is_alphabetic))
        };
        while e.start < e.end && edge(e.start) {
            e.start += 1;
        }
        while e.end > e.start && edge(e.end - 1) {
            e.end -= 1;
        }
    }
    entities.retain(|e| e.start < e.end);
}

/// Words that open a place's name before "of" ("Gulf of Mexico").
const PLACE_HEADS_BEFORE_OF: &[&str] = &["Gulf", "Bay", "Sea", "Strait", "Straits", "Lake", "Isle", "Cape", "Bight"];
/// Words that open a place's name ("Greater Noida", "Mount Kenya").
const PLACE_OPENERS: &[&str] = &["Greater", "Lake", "Mount", "Cape", "Port"];
/// Words that close a place's name ("Gaza Strip", "Florida Keys", "Golan Heights").
const PLACE_CLOSERS: &[&str] = &[
    "Strip",
    "Keys",
    "Island",
    "Islands",
    "River",
    "Valley",
    "Bay",
    "Sea",
    "Peninsula",
    "Mountains",
    "Coast",
    "Canal",
    "Heights",
    "Oblast",
    "Desert",
    "Basin",
    "Delta",
];

/// A place span takes in the geographic words its name is made with, where the tagger left
/// them out: "Gulf of | Mexico", "Greater | Noida", "Gaza | Strip".
fn whole_place_names(words: &[&str], entities: &mut [NerSpan]) {
    for i in 0..entities.len() {
        let e = entities[i];
        if e.label != "LOC" || e.end > words.len() {
            continue;
        }
        let (floor, ceiling) = room(entities, i, words.len());
        let mut start = e.start;
        if start >= floor + 2 && words[start - 1] == "of" && PLACE_HEADS_BEFORE_OF.contains(&words[start - 2]) {
            start -= 2;
        } else if start > floor && PLACE_OPENERS.contains(&words[start - 1]) {
            start -= 1;
        }
        let end = if e.end < ceiling && PLACE_CLOSERS.contains(&words[e.end]) { e.end + 1 } else { e.end };
        entities[i] = NerSpan { start, end, label: "LOC" };
    }
}

/// The legal forms written after a company's name and a comma ("Google, Inc.").
const COMPANY_SUFFIXES: &[&str] =
    &["inc", "inc.", "ltd", "ltd.", "llc", "corp", "corp.", "co.", "plc", "s.a.", "ag", "gmbh", "n.v."];

/// A name followed by a comma and a company's legal form takes both in and is an
/// organisation: "CCNG, Inc.", "Enron Broadband Services, Inc.".
fn company_suffixes(words: &[&str], entities: &mut [NerSpan]) {
    for i in 0..entities.len() {
        let e = entities[i];
        let (_, next_start) = room(entities, i, words.len());
        let suffix = |k: usize| words.get(k).is_some_and(|w| listed(COMPANY_SUFFIXES, w));
        if e.end + 2 <= next_start && words.get(e.end) == Some(&",") && suffix(e.end + 1) {
            entities[i] = NerSpan { start: e.start, end: e.end + 2, label: "ORG" };
        }
    }
}

/// A person or place span headed by one of [`ORGANISATION_HEADS`] (its last word, or the
/// word before its first "of") is an organisation.
fn organisations_by_their_head(words: &[&str], entities: &mut [NerSpan]) {
    let organisation = |e: &NerSpan| {
        let of = (e.start + 1..e.end).find(|&k| words[k] == "of");
        let head = words[of.unwrap_or(e.end) - 1];
        listed(ORGANISATION_HEADS, head) || (of.is_some() && head.eq_ignore_ascii_case("bank"))
    };
    for e in entities.iter_mut() {
        if matches!(e.label, "PER" | "LOC") && e.end <= words.len() && e.end > e.start + 1 && organisation(e) {
            e.label = "ORG";
        }
    }
}

/// Cuts entity spans that ran on over the clause ("Indian Prime Minister Narendra Modi will
/// visit Washington", "... Morawiecki and his Czech counterpart Petr Fiala"): a name holds
/// no lower-case verb, pronoun, adverb or subordinator, and no "and"/"or" before a
/// lower-case word. The pieces between such words that hold a capitalised word stay
/// entities of the same type, without "and", "or", "of" or "the" at their edges.
fn split_run_on_spans(words: &[&str], tags: &[PosTag], entities: &mut Vec<NerSpan>) {
    let breaks = |k: usize| {
        let lower = !capitalised(words[k]) && words[k].chars().next().is_some_and(char::is_alphabetic);
        lower
            && (matches!(tags[k].upos, "VERB" | "AUX" | "PRON" | "ADV" | "PART" | "SCONJ")
                || (matches!(words[k], "and" | "or")
                    && words.get(k + 1).is_some_and(|n| !capitalised(n) || tags[k + 1].upos == "PRON")))
    };
    let edge = |k: usize| matches!(words[k], "and" | "or" | "of" | "the" | "," | "'s" | "\u{2019}s");
    if !entities.iter().any(|e| e.end <= words.len() && (e.start..e.end).any(breaks)) {
        return;
    }
    let mut out = Vec::with_capacity(entities.len() + 2);
    for e in entities.iter() {
        if e.end > words.len() || !(e.start..e.end).any(breaks) {
            out.push(*e);
            continue;
        }
        let mut k = e.start;
        while k < e.end {
            let mut end = k;
            while end < e.end && !breaks(end) {
                end += 1;
            }
            let (mut a, mut b) = (k, end);
            while a < b && edge(a) {
                a += 1;
            }
            while b > a && edge(b - 1) {
                b -= 1;
            }
            if (a..b).any(|i| capitalised(words[i])) {
                out.push(NerSpan { start: a, end: b, label: e.label });
            }
            k = end + 1;
        }
    }
    *entities = out;
}

/// Mends the NER tagger's person spans where they disagree with the words around them: a
/// span that took in titles ("Chilean President Gabriel Boric") starts after the last
/// title word, and a span that stopped before the surname ("Gabriel | Boric") runs on over
/// the capitalised proper nouns after it (at most two, not into another entity). A span of
/// another type that ends in a title and a two-word name is a person.
fn tidy_person_spans(words: &[&str], tags: &[PosTag], entities: &mut [NerSpan]) {
    for i in 0..entities.len() {
        let e = entities[i];
        if e.end > words.len() || e.start >= e.end {
            continue;
        }
        // A title and then two or more capitalised proper nouns is a person whatever the
        // tagger called it ("Prime Minister Narendra Modi"; not "General Motors").
        let titled_person = last_title(words, e.start..e.end, is_title)
            .is_some_and(|t| e.end - t > 2 && (t + 1..e.end).all(|k| tags[k].upos == "PROPN" && capitalised(words[k])));
        if e.label != "PER" && !titled_person {
            continue;
        }
        let (floor, ceiling) = room(entities, i, words.len());
        let limit = ceiling.min(e.end + 2);
        let mut end = e.end;
        while end < limit && tags[end].upos == "PROPN" && capitalised(words[end]) && !never_title(words[end]) {
            end += 1;
        }
        let mut start = last_title(words, e.start..end - 1, stands_before_a_name).map_or(e.start, |k| k + 1);
        // A span that began at the surname ("Ross | Perot") takes in the one proper noun right
        // before it, unless that word is a title or belongs to another entity.
        if start == e.start && start > floor && given_name(words, tags, start - 1) {
            start -= 1;
        }
        entities[i] = NerSpan { start, end, label: "PER" };
    }
}

/// Whether word `k` can be the given name before a surname: an initial ("P.") or a
/// capitalised proper noun (not in capitals: a headline's words) that is no title (nor part
/// of a hyphenated one), form of address, weekday or month, and opens its run of capitalised
/// words ("Secretary of State | Antony Blinken": "State" belongs to the title).
fn given_name(words: &[&str], tags: &[PosTag], k: usize) -> bool {
    let w = words[k];
    if k > 0 && (capitalised(words[k - 1]) || words[k - 1] == "of") {
        return false;
    }
    let initial = w.len() == 2 && w.as_bytes()[0].is_ascii_uppercase() && w.ends_with('.');
    initial
        || (tags[k].upos == "PROPN"
            && capitalised(w)
            && w.chars().any(char::is_lowercase)
            && !w.split('-').any(stands_before_a_name)
            && !never_title(w))
}

/// Words of two letters that a headline in capitals writes like acronyms ("IS", "US" of "TALKS
/// IS OVER, US SAYS"): never taken for the acronym of a name ("Islamic State").
const CAPITALISED_WORDS: &[&str] = &[
    "is", "it", "as", "us", "at", "on", "in", "to", "or", "an", "be", "no", "so", "do", "we", "he", "me", "my", "up",
    "of", "if", "by", "go", "am",
];

/// The acronyms a document's names give ("Coalition Provisional Authority" → "CPA",
/// "Housing Authority of New Orleans" → "HANO"), to label the acronym where the text uses it
/// alone, in the same sentence ("... New Orleans (HANO)") or later.
#[derive(Default)]
pub(crate) struct Acronyms {
    known: Vec<(String, &'static str)>,
}

impl Acronyms {
    /// Forgets the acronyms of the document before.
    pub(crate) fn clear(&mut self) {
        self.known.clear();
    }

    /// Learns the acronyms of the sentence's organisation and place names of two words or
    /// more, then labels each word of two to eight capitals outside any entity that is one.
    pub(crate) fn apply(&mut self, words: &[&str], entities: &mut Vec<NerSpan>) {
        for e in entities.iter() {
            if matches!(e.label, "ORG" | "LOC") && e.end <= words.len() {
                let initials: String =
                    words[e.start..e.end].iter().filter(|w| capitalised(w)).filter_map(|w| w.chars().next()).collect();
                if initials.chars().count() >= 2 && !self.known.iter().any(|(a, _)| *a == initials) {
                    self.known.push((initials, e.label));
                }
            }
        }
        if self.known.is_empty() {
            return;
        }
        for (k, w) in words.iter().enumerate() {
            let capitals = (2..=8).contains(&w.len())
                && w.bytes().all(|b| b.is_ascii_uppercase())
                && !listed(CAPITALISED_WORDS, w);
            if !capitals || entities.iter().any(|e| (e.start..e.end).contains(&k)) {
                continue;
            }
            if let Some(&(_, label)) = self.known.iter().find(|(a, _)| a == w) {
                let at = entities.partition_point(|e| e.start < k);
                entities.insert(at, NerSpan { start: k, end: k + 1, label });
            }
        }
    }
}

/// The person names of `entities` of two words or more, or with titles before them,
/// in sentence order.
pub(crate) fn name_chunks(words: &[&str], tags: &[PosTag], entities: &[NerSpan]) -> Vec<NameChunk> {
    let mut chunks: Vec<NameChunk> = Vec::new();
    for e in entities {
        if e.label != "PER" || e.end > words.len() || e.start >= e.end {
            continue;
        }
        let floor = chunks.last().map_or(0, |c| c.end);
        let name = e.start;
        let mut start = e.start;
        while start > floor {
            let k = start - 1;
            if title_word(words, tags, k) {
                start = k;
            } else if words[k] == "of" && k > floor && title_word(words, tags, k - 1) && start < name {
                // "Secretary of State": "of" joins two titles.
                start = k;
            } else {
                break;
            }
        }
        if words[start] == "of" {
            start += 1;
        }
        if e.end - start >= 2 {
            chunks.push(NameChunk { start, name, end: e.end });
        }
    }
    chunks
}

/// The arcs of a chunk's own words, as UD English EWT writes them: the name's first word
/// heads the chunk and the rest of the name is `flat`; the titles form segments split by
/// "of" ("Secretary | of State"), each headed by its last word, whose other words are its
/// `amod` (adjectives) or `compound`; the first segment's head is the name's `nmod:desc`,
/// each later one the `nmod` of the one before, with "of" as its `case`. Heads are 1-based,
/// as in [`Arc`].
fn inner_arcs(words: &[&str], tags: &[PosTag], c: NameChunk, arcs: &mut [Arc]) {
    let name_head = c.name + 1;
    for arc in &mut arcs[c.name + 1..c.end] {
        *arc = Arc { head: name_head, deprel: "flat" };
    }
    // Head (1-based) of the segment before the current one, or the name for the first.
    let mut outer = (name_head, "nmod:desc");
    let mut seg = c.start;
    while seg < c.name {
        let end = (seg..c.name).find(|&k| words[k] == "of").unwrap_or(c.name);
        if end == seg {
            // "of" with no title before it: attach it to what follows.
            arcs[seg] = Arc { head: seg + 2, deprel: "case" };
            seg += 1;
            continue;
        }
        let head = end - 1;
        arcs[head] = Arc { head: outer.0, deprel: outer.1 };
        for k in seg..head {
            arcs[k] = Arc { head: head + 1, deprel: if tags[k].upos == "ADJ" { "amod" } else { "compound" } };
        }
        if seg > c.start && words[seg - 1] == "of" {
            arcs[seg - 1] = Arc { head: head + 1, deprel: "case" };
        }
        outer = (head + 1, "nmod");
        seg = end + 1;
    }
}

/// Parses the sentence with every chunk as one word, its last, through `parse`, then writes
/// back the arcs of the whole sentence. The chunk's head word takes the arc its stand-in got,
/// and whatever depended on the stand-in depends on the head.
pub(crate) fn parse_with_chunks(
    words: &[&str],
    tags: &[PosTag],
    chunks: &[NameChunk],
    parse: impl FnOnce(&[&str], &[PosTag]) -> Vec<Arc>,
) -> Vec<Arc> {
    // Original index of each word the parser sees, and the head word each stands for.
    let mut kept: Vec<(usize, usize)> = Vec::with_capacity(words.len());
    let mut next = chunks.iter().peekable();
    let mut k = 0;
    while k < words.len() {
        match next.peek() {
            Some(c) if c.start == k => {
                kept.push((c.end - 1, c.name));
                k = c.end;
                next.next();
            }
            _ => {
                kept.push((k, k));
                k += 1;
            }
        }
    }
    let short_words: Vec<&str> = kept.iter().map(|&(w, _)| words[w]).collect();
    let short_tags: Vec<PosTag> = kept.iter().map(|&(w, _)| tags[w]).collect();
    let short = parse(&short_words, &short_tags);
    let mut arcs = vec![Arc { head: 0, deprel: "dep" }; words.len()];
    for (&(_, stands_for), arc) in kept.iter().zip(&short) {
        let head = if arc.head == 0 { 0 } else { kept.get(arc.head - 1).map_or(0, |&(_, h)| h + 1) };
        arcs[stands_for] = Arc { head, deprel: arc.deprel };
    }
    for &c in chunks {
        inner_arcs(words, tags, c, &mut arcs);
    }
    arcs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(upos: &'static str) -> PosTag {
        PosTag { upos, xpos: "_" }
    }

    fn per(start: usize, end: usize) -> NerSpan {
        NerSpan { start, end, label: "PER" }
    }

    #[test]
    fn titles_join_the_name_they_precede() {
        let words = ["On", "Friday", "US", "Secretary", "of", "State", "Antony", "Blinken", "met", "Lavrov", "."];
        let tags =
            ["ADP", "PROPN", "PROPN", "PROPN", "ADP", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"].map(tag);
        let chunks = name_chunks(&words, &tags, &[per(6, 8), per(9, 10)]);
        assert_eq!(
            chunks,
            [NameChunk { start: 2, name: 6, end: 8 }],
            "the weekday stays out; a lone surname is no chunk"
        );
        let titles = ["US", "Secretary", "of", "Foreign", "Affairs", "Jane", "Roe"];
        let arcs = parse_with_chunks(
            &titles,
            &["PROPN", "PROPN", "ADP", "ADJ", "PROPN", "PROPN", "PROPN"].map(tag),
            &[NameChunk { start: 0, name: 5, end: 7 }],
            |w, _| vec![Arc { head: 0, deprel: "root" }; w.len()],
        );
        let got: Vec<(usize, &str)> = arcs.iter().map(|a| (a.head, a.deprel)).collect();
        assert_eq!(
            got,
            [(2, "compound"), (6, "nmod:desc"), (5, "case"), (5, "amod"), (2, "nmod"), (0, "root"), (6, "flat")]
        );
        let lower = ["his", "Russian", "counterpart", "Vladimir", "Putin"];
        let chunks = name_chunks(&lower, &["PRON", "ADJ", "NOUN", "PROPN", "PROPN"].map(tag), &[per(3, 5)]);
        assert_eq!(chunks, [NameChunk { start: 1, name: 3, end: 5 }], "a title in lower case from the list");
        let inside = ["Chilean", "President", "Gabriel", "Boric", "spoke", "Friday"];
        let tags = ["ADJ", "PROPN", "PROPN", "PROPN", "VERB", "PROPN"].map(tag);
        let mut spans = [per(0, 3)];
        tidy_person_spans(&inside, &tags, &mut spans);
        assert_eq!(spans, [per(2, 4)], "titles out of the name, the surname in");
        let chunks = name_chunks(&inside, &tags, &spans);
        assert_eq!(chunks, [NameChunk { start: 0, name: 2, end: 4 }]);
        let mut spans = [per(4, 5), NerSpan { start: 5, end: 6, label: "LOC" }];
        tidy_person_spans(&["a", "b", "c", "d", "Smith", "Paris"], &tags, &mut spans);
        assert_eq!(spans[0], per(4, 5), "not into the next entity");
        let mut spans = [per(0, 2), per(3, 5)];
        let words = ["Mr", "Osborne", "met", "Pope", "Francis"];
        tidy_person_spans(&words, &["PROPN", "PROPN", "VERB", "PROPN", "PROPN"].map(tag), &mut spans);
        assert_eq!(spans, [per(1, 2), per(4, 5)], "forms of address out of the name");
        let mut spans = [NerSpan { start: 0, end: 3, label: "LOC" }];
        tidy_person_spans(&["Lord", "Howe", "Island"], &["PROPN", "PROPN", "PROPN"].map(tag), &mut spans);
        assert_eq!(spans[0].label, "LOC", "a form of address does not make a person of a place");
        let words = ["Texas", "billionaire", "Ross", "Perot", "met", "Judge", "Roe", "and", "P.", "Johnson"];
        let mut spans = [per(3, 5)];
        let titled = ["Secretary", "of", "State", "Antony", "Blinken"];
        tidy_person_spans(&titled, &["PROPN", "ADP", "PROPN", "PROPN", "PROPN"].map(tag), &mut spans);
        assert_eq!(spans, [per(3, 5)], "a title's last word is no given name");
        let mut spans = [per(1, 2)];
        tidy_person_spans(
            &["Secretary-General", "Guterres", "spoke"],
            &["PROPN", "PROPN", "VERB"].map(tag),
            &mut spans,
        );
        assert_eq!(spans, [per(1, 2)], "nor a hyphenated title");
        let tags = ["PROPN", "NOUN", "PROPN", "PROPN", "VERB", "PROPN", "PROPN", "CCONJ", "PROPN", "PROPN"].map(tag);
        let mut spans = [NerSpan { start: 0, end: 1, label: "LOC" }, per(3, 4), per(6, 7), per(9, 10)];
        tidy_person_spans(&words, &tags, &mut spans);
        assert_eq!(&spans[1..], [per(2, 4), per(6, 7), per(8, 10)], "the given name in, a title out, an initial in");
        let mut spans = [NerSpan { start: 0, end: 1, label: "LOC" }, per(1, 2)];
        tidy_person_spans(&["Texas", "Perot"], &["PROPN", "PROPN"].map(tag), &mut spans);
        assert_eq!(spans[1], per(1, 2), "not over another entity");
        let mut acronyms = Acronyms::default();
        let org = |start, end| NerSpan { start, end, label: "ORG" };
        let words = ["the", "Housing", "Authority", "of", "New", "Orleans", "(", "HANO", ")", "met", "HUD"];
        let mut spans = vec![org(1, 6)];
        acronyms.apply(&words, &mut spans);
        assert_eq!(spans, [org(1, 6), org(7, 8)], "the acronym in the same sentence");
        let mut spans = vec![per(0, 1)];
        acronyms.apply(&["Smith", "left", "HANO", "."], &mut spans);
        assert_eq!(spans, [per(0, 1), org(2, 3)], "and in a later one");
        let mut spans = vec![org(0, 2)];
        acronyms.apply(&["Islamic", "State", "said", "IT", "IS", "OVER"], &mut spans);
        assert_eq!(spans, [org(0, 2)], "a headline's two-letter words are no acronyms");
        acronyms.clear();
        let mut spans = vec![];
        acronyms.apply(&["HANO", "said"], &mut spans);
        assert!(spans.is_empty(), "a new document knows none");
        let words = ["Rodale", "Press", "and", "the", "West", "Bank", "and", "Bank", "of", "Scotland"];
        let loc = |start, end| NerSpan { start, end, label: "LOC" };
        let mut spans = [loc(0, 2), loc(4, 6), loc(7, 10)];
        organisations_by_their_head(&words, &mut spans);
        let labels: Vec<&str> = spans.iter().map(|e| e.label).collect();
        assert_eq!(labels, ["ORG", "LOC", "ORG"], "a press and a bank are organisations, a bank of a river is not");
        let mut spans = [per(0, 1), NerSpan { start: 4, end: 5, label: "LOC" }];
        company_suffixes(&["CCNG", ",", "Inc.", "in", "Houston", ",", "Texas"], &mut spans);
        assert_eq!(spans, [NerSpan { start: 0, end: 3, label: "ORG" }, NerSpan { start: 4, end: 5, label: "LOC" }]);
        let words = ["the", "Gulf", "of", "Mexico", "and", "the", "Gaza", "Strip", "near", "Greater", "Noida"];
        let mut spans = [loc(3, 4), loc(6, 7), loc(10, 11)];
        whole_place_names(&words, &mut spans);
        assert_eq!(spans, [loc(1, 4), loc(6, 8), loc(9, 11)], "a place's geographic words join its name");
        let mut spans = vec![per(0, 2), per(3, 6), per(7, 8)];
        let words = ["City", "Hall", "and", "Bill", "Gottlieb", ":", "hi", ":"];
        facilities_are_places(&words, &mut spans);
        trim_edges(&words, &mut spans);
        assert_eq!(spans, [loc(0, 2), per(3, 5)], "a hall is a place; punctuation is no part of a name");
        let mut spans = vec![per(1, 4)];
        let words = ["by", "P.", "Simmons", "4-38"];
        trim_edges(&words, &mut spans);
        assert_eq!(spans, [per(1, 3)], "nor is a bowler's score");
        let mut spans = [per(0, 3)];
        let words = ["Economist", "Joel", "Naroff", "said"];
        tidy_person_spans(&words, &["NOUN", "PROPN", "PROPN", "VERB"].map(tag), &mut spans);
        assert_eq!(spans, [per(1, 3)], "a role noun is no part of a name");
        let words = [
            "Polish",
            "Prime",
            "Minister",
            "Jan",
            "Nowak",
            "and",
            "his",
            "Czech",
            "counterpart",
            "Petr",
            "Fiala",
            "met",
        ];
        let tags =
            ["ADJ", "PROPN", "PROPN", "PROPN", "PROPN", "CCONJ", "PRON", "ADJ", "NOUN", "PROPN", "PROPN", "VERB"]
                .map(tag);
        let mut spans = vec![NerSpan { start: 0, end: 11, label: "ORG" }];
        split_run_on_spans(&words, &tags, &mut spans);
        let ranges: Vec<(usize, usize)> = spans.iter().map(|e| (e.start, e.end)).collect();
        assert_eq!(ranges, [(0, 5), (7, 11)], "cut at 'and his', pieces kept");
        let mut whole = vec![NerSpan { start: 0, end: 3, label: "LOC" }];
        split_run_on_spans(&["Bosnia", "and", "Herzegovina"], &["PROPN", "CCONJ", "PROPN"].map(tag), &mut whole);
        assert_eq!((whole[0].start, whole[0].end), (0, 3), "'and' between names stays");
        let lower = ["Police", "arrested", "John", "Smith"];
        let chunks = name_chunks(&lower, &["NOUN", "VERB", "PROPN", "PROPN"].map(tag), &[per(2, 4)]);
        assert_eq!(chunks, [NameChunk { start: 2, name: 2, end: 4 }]);
    }

    #[test]
    fn the_parser_sees_one_word_per_chunk_and_the_arcs_come_back_whole() {
        // "Russian President Vladimir Putin met Xi ."
        let words = ["Russian", "President", "Vladimir", "Putin", "met", "Xi", "."];
        let tags = ["ADJ", "PROPN", "PROPN", "PROPN", "VERB", "PROPN", "PUNCT"].map(tag);
        let chunks = name_chunks(&words, &tags, &[per(2, 4), per(5, 6)]);
        let mut seen = Vec::new();
        let arcs = parse_with_chunks(&words, &tags, &chunks, |w, _| {
            seen = w.iter().map(|s| s.to_string()).collect();
            // Putin <-nsubj- met -obj-> Xi, met is the root.
            vec![
                Arc { head: 2, deprel: "nsubj" },
                Arc { head: 0, deprel: "root" },
                Arc { head: 2, deprel: "obj" },
                Arc { head: 2, deprel: "punct" },
            ]
        });
        assert_eq!(seen, ["Putin", "met", "Xi", "."]);
        let got: Vec<(usize, &str)> = arcs.iter().map(|a| (a.head, a.deprel)).collect();
        assert_eq!(
            got,
            [(2, "amod"), (3, "nmod:desc"), (5, "nsubj"), (3, "flat"), (0, "root"), (5, "obj"), (5, "punct")]
        );
    }
}
