//! Coreference within a document: short names, definite descriptions and pronouns point back
//! to the entity they mean, so that later mentions carry the actor of the first.
//!
//! Rules, in text order, over a history of person mentions:
//!
//! - A shorter name ("Biden", "Motuzianyk") refers to the earlier entity of the same person
//!   (same canonical name, or same last word); an unknown one takes its actor.
//! - A description ("the Secretary", "the US president", "his Russian counterpart") refers to
//!   the latest person whose role contains its title and whose country matches its cue; a
//!   plural one ("the two leaders") to the last two (or N) distinct people.
//! - "he"/"she"/"his"/"her" refer to the nearest person before them in the same sentence, or,
//!   at the start of a sentence, to the first person of the nearest earlier sentence (the
//!   subject, in news style), passing over a woman for "he" and a man for "she" where their
//!   given names tell ([`super::gender`]); "its" (and "that it", not a dummy "that it is
//!   futile to") to the nearest country or organisation.
//! - "the alliance" refers to the latest alliance named within five sentences (NATO, the
//!   CSTO), "the bloc" to the latest bloc (the EU, ASEAN, BRICS, ...).
//! - "They" opening a sentence refers to the group of the sentence before ("Police reached the
//!   spot. They opened fire."), when that sentence names one group (police, protesters,
//!   troops) and no other actor before it.

use super::gender::{Gender, GivenNames};
use super::{Cand, Found};
use dyad_core::{Document, Entity, EntityLabel, Mention, MentionKind, Span};
use dyad_lexicon::{AgentKind, Kind, Lexicon};
use std::collections::HashMap;

const PERSON_PRONOUNS: &[&str] = &["he", "He", "him", "his", "His", "she", "She", "her", "Her", "hers"];
const DETERMINERS: &[&str] = &["the", "The", "his", "His", "her", "Her", "their", "Their"];
const NUMERALS: &[(&str, usize)] = &[("two", 2), ("both", 2), ("three", 3), ("four", 4)];

#[derive(Clone, Copy, Debug)]
struct Seen {
    /// Entity at the head of the chain.
    entity: u32,
    sentence: usize,
    /// Where the mention that brought it here starts and ends.
    span: Span,
}

/// Verbs of telling: in "X told Y (that) he ...", "he" is the teller X, not Y.
const TELLING: &[&str] =
    &["told", "tells", "assured", "assures", "informed", "informs", "promised", "promises", "warned", "warns"];

/// Verbs of saying: in "Moscow said that she began", with no person named before, "she" is
/// Moscow (translations keep the grammatical gender of countries).
const SAYING: &[&str] = &[
    "said",
    "says",
    "say",
    "announced",
    "announces",
    "claimed",
    "claims",
    "assured",
    "assures",
    "stated",
    "states",
    "insisted",
    "insists",
    "declared",
    "declares",
    "confirmed",
    "confirms",
    "warned",
    "warns",
    "added",
    "adds",
];

/// Alphabetic words of `text[from..to]` with their byte ranges.
fn words(text: &str, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
    let slice = &text[from..to];
    let mut it = slice.char_indices().peekable();
    std::iter::from_fn(move || {
        loop {
            let (i, c) = it.next()?;
            if c.is_alphabetic() {
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = it.peek() {
                    if d.is_alphanumeric() {
                        end = j + d.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
                return Some((from + i, from + end));
            }
        }
    })
}

pub(crate) fn resolve(
    lex: &Lexicon,
    given: &GivenNames,
    doc: &Document,
    found: &[Found],
    cands: Vec<Cand>,
) -> (Vec<Entity>, Vec<Mention>) {
    let text = doc.text();
    let mut entities: Vec<Entity> = cands.into_iter().map(|c| c.entity).collect();
    entities.sort_by_key(|e| (e.span.start, std::cmp::Reverse(e.span.end)));
    let mut mentions = Vec::new();
    let mut head: Vec<u32> = (0..entities.len() as u32).collect();

    // Short names.
    for i in 0..entities.len() {
        if entities[i].label != EntityLabel::Per {
            continue;
        }
        let own = &text[entities[i].span.range()];
        let own_last = own.rsplit(' ').next().unwrap_or(own);
        let earlier = (0..i).find(|&j| {
            let e = &entities[j];
            e.label == EntityLabel::Per
                && e.actor.is_some()
                && e.span.len() > entities[i].span.len()
                && match (&e.canonical, &entities[i].canonical) {
                    (Some(a), Some(b)) if entities[i].actor.is_some() => a == b,
                    _ => text[e.span.range()].rsplit(' ').next() == Some(own_last) && own.split(' ').count() == 1,
                }
        });
        if let Some(j) = earlier {
            if entities[i].actor.is_none() {
                let (actor, canonical, role) =
                    (entities[j].actor.clone(), entities[j].canonical.clone(), entities[j].role.clone());
                let e = &mut entities[i];
                e.actor = actor;
                e.canonical = canonical;
                e.role = role;
            }
            head[i] = head[j];
            mentions.push(Mention { span: entities[i].span, entity: head[j], kind: MentionKind::Name });
        }
    }

    // Descriptions and pronouns, in text order with the entities.
    let agent_at: HashMap<u32, &Found> =
        found.iter().filter(|f| matches!(f.kind, Kind::Agent(_))).map(|f| (f.hit.span.start, f)).collect();
    let mut people: Vec<Seen> = Vec::new();
    let mut things: Vec<Seen> = Vec::new();

    let mut next_entity = 0;
    // Without a sentence layer the whole text is one sentence.
    let whole = [Span::new(0, text.len())];
    let spans: Vec<Span> = if doc.sentences.is_empty() {
        whole.to_vec()
    } else {
        doc.sentences.iter().filter(|s| !s.boilerplate).map(|s| s.span).collect()
    };
    let sentence_of = |pos: u32| spans.partition_point(|s| s.end <= pos);
    // The actors of each sentence in order, and whether each is a group: for "They".
    let mut actors_by_sentence: Vec<Vec<(Seen, bool)>> = vec![Vec::new(); spans.len()];
    for (si, s) in spans.iter().enumerate() {
        let mut skip_to = 0;
        for (a, b) in words(text, s.start as usize, s.end as usize) {
            while next_entity < entities.len() && (entities[next_entity].span.start as usize) < b {
                let e = &entities[next_entity];
                if e.actor.is_some() {
                    let seen = Seen { entity: head[next_entity], sentence: sentence_of(e.span.start), span: e.span };
                    if let Some(list) = actors_by_sentence.get_mut(seen.sentence) {
                        list.push((seen, e.label == EntityLabel::Group));
                    }
                    // (a country named as where something happens, "a news conference in
                    // Poland", is no "it" or "its" of the sentence)
                    let possessor = text[e.span.end as usize..].starts_with(['\'', '\u{2019}']);
                    let located = e.label == EntityLabel::Gpe
                        && !possessor
                        && text[..e.span.start as usize]
                            .trim_end()
                            .rsplit(|c: char| !c.is_alphabetic())
                            .next()
                            .is_some_and(|w| matches!(w, "in" | "at" | "near" | "from" | "to" | "into" | "across"));
                    match e.label {
                        EntityLabel::Per => people.push(seen),
                        EntityLabel::Gpe | EntityLabel::Org | EntityLabel::Norp if !located => things.push(seen),
                        _ => {}
                    }
                }
                next_entity += 1;
            }
            if a < skip_to || entities.iter().any(|e| e.span.contains(Span::new(a, b))) {
                continue;
            }
            let w = &text[a..b];
            if DETERMINERS.contains(&w)
                && let Some((span, referents)) = description(lex, text, &entities, &agent_at, &people, b)
            {
                for r in &referents {
                    mentions.push(Mention {
                        span: Span::new(a, span.end as usize),
                        entity: *r,
                        kind: MentionKind::Description,
                    });
                }
                if referents.len() == 1 {
                    people.push(Seen { entity: referents[0], sentence: si, span: Span::new(a, span.end as usize) });
                }
                skip_to = span.end as usize;
                if !w.eq_ignore_ascii_case("his") && !w.eq_ignore_ascii_case("her") {
                    continue;
                }
            }
            // "the alliance" after NATO, "the bloc" after the EU: the latest such body
            if (w == "the" || w == "The")
                && let Some((end, codes)) = collective_noun(text, b)
                && let Some(r) = things.iter().rev().take_while(|t| t.sentence + 5 >= si).find(|t| {
                    entities[t.entity as usize].actor.as_deref().is_some_and(|c| codes.iter().any(|p| c.starts_with(p)))
                })
            {
                mentions.push(Mention { span: Span::new(a, end), entity: r.entity, kind: MentionKind::Description });
                skip_to = end;
                continue;
            }
            let first_word = text[s.start as usize..a].trim().is_empty();
            if w == "They" && first_word {
                // The one group of the sentence before, named before any other actor there.
                let before = si.checked_sub(1).and_then(|k| actors_by_sentence.get(k));
                if let Some(&[(group, true), ..]) = before.map(Vec::as_slice)
                    && before.is_some_and(|l| l.iter().filter(|(_, g)| *g).count() == 1)
                {
                    mentions.push(Mention { span: Span::new(a, b), entity: group.entity, kind: MentionKind::Pronoun });
                }
                continue;
            }
            let person = PERSON_PRONOUNS.contains(&w);
            let thing = w == "its"
                || w == "Its"
                || (w == "it" && text[..a].trim_end().ends_with(" that") && !expletive(text, b));
            if !person && !thing {
                continue;
            }
            let pool = if person { &people } else { &things };
            // ("he" is no woman, "she" no man, where their given names tell: see `gender`)
            let pronoun_gender =
                if w.starts_with(['s', 'S']) || w.eq_ignore_ascii_case("her") { Gender::Female } else { Gender::Male };
            let fits = |p: &Seen| {
                !person || given_gender(given, text, &entities[p.entity as usize]) != Some(pronoun_gender.other())
            };
            let referent = if person
                && !first_word
                && people.last().is_none_or(|p| p.sentence != si)
                && let Some(t) = saying_thing(text, &things, si, a, w)
            {
                Some(t)
            } else if !first_word && pool.last().is_some_and(|p| p.sentence == si) {
                // A person pronoun takes the nearest person that fits; "its" takes the first
                // country or organisation of its own clause, else of the sentence (usually its
                // subject): "Podolyak called it that — the term used by Russia to justify its
                // invasion". (With none that fits, no one: a "she" that translations use for a
                // country, "Zelensky ... when she fights", is no one of the sentences before.)
                if person {
                    told_subject(text, pool, si, a, w)
                        .filter(&fits)
                        .or_else(|| pool.iter().rev().take_while(|p| p.sentence == si).find(|p| fits(p)).copied())
                } else {
                    let clause = clause_start(text, s.start as usize, a);
                    let in_clause = pool.iter().find(|p| p.sentence == si && p.span.start as usize >= clause);
                    in_clause.or_else(|| pool.iter().find(|p| p.sentence == si)).copied()
                }
            } else {
                (1..=3)
                    .filter_map(|back| si.checked_sub(back))
                    .find_map(|k| pool.iter().find(|p| p.sentence == k && fits(p)).copied())
            };
            if let Some(r) = referent {
                mentions.push(Mention { span: Span::new(a, b), entity: r.entity, kind: MentionKind::Pronoun });
                if person && first_word {
                    people.push(Seen { entity: r.entity, sentence: si, span: Span::new(a, b) });
                }
            }
        }
    }
    mentions.sort_by_key(|m| (m.span.start, m.entity));
    (entities, mentions)
}

/// The gender that the given name of entity `e` tells: its canonical name's ("Putin" is
/// Vladimir Putin), else its own text's.
fn given_gender(given: &GivenNames, text: &str, e: &Entity) -> Option<Gender> {
    if e.label != EntityLabel::Per {
        return None;
    }
    given.of(e.canonical.as_deref().unwrap_or(&text[e.span.range()]))
}

/// "Biden told Zelensky (that) he will ...": a subject pronoun right after the one told is the
/// teller, the person before the verb of telling in the same sentence.
fn told_subject(text: &str, people: &[Seen], sentence: usize, at: usize, pronoun: &str) -> Option<Seen> {
    if !matches!(pronoun, "he" | "she") {
        return None;
    }
    let [.., teller, told] = people else { return None };
    if teller.sentence != sentence || told.sentence != sentence {
        return None;
    }
    let between = text.get(told.span.end as usize..at)?.trim();
    let before = text.get(teller.span.end as usize..told.span.start as usize)?.trim();
    // ("has told", "told Ukrainian President"): a few words, one of them the verb
    let words: Vec<&str> = before.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let telling = words.len() <= 4 && words.iter().any(|w| TELLING.contains(w));
    (matches!(between, "" | "that" | ",") && telling).then_some(*teller)
}

/// Whether the "it" ending at byte `end` is a dummy subject: "that it is futile to fight",
/// "that it was also a legitimate part of war for X to strike" (a form of "be", then within
/// four words an adjective or noun that takes a dummy subject); not "that it was ready to
/// talk", where "it" is whoever is ready.
fn expletive(text: &str, end: usize) -> bool {
    const DUMMY: &[&str] = &[
        "possible",
        "impossible",
        "futile",
        "pointless",
        "useless",
        "important",
        "necessary",
        "essential",
        "vital",
        "crucial",
        "difficult",
        "hard",
        "easy",
        "time",
        "clear",
        "unacceptable",
        "legitimate",
        "illegal",
        "wrong",
        "dangerous",
        "unfair",
        "natural",
        "worth",
    ];
    let mut words = text[end..].split_whitespace();
    matches!(words.next(), Some("is" | "was" | "'s"))
        && words.take(4).any(|w| DUMMY.contains(&w.trim_end_matches([',', '.', ';']).to_lowercase().as_str()))
}

/// Where the clause holding byte `at` starts, in the sentence starting at `sentence`: after
/// the last comma, semicolon, colon, bracket, dash or "that" before it.
fn clause_start(text: &str, sentence: usize, at: usize) -> usize {
    let before = &text[sentence..at];
    let after_mark = before.rfind([',', ';', ':', '(', '\u{2014}', '\u{2013}']).map(|k| k + 1);
    let after_that = before.rfind(" that ").map(|k| k + " that ".len());
    sentence + after_mark.max(after_that).unwrap_or(0)
}

/// "Moscow said this week that she began withdrawing", "Moscow assures that he begins": a
/// subject pronoun right after a country or body's verb of saying (and "that") is the country
/// or body, when the sentence names no person before it.
fn saying_thing(text: &str, things: &[Seen], sentence: usize, at: usize, pronoun: &str) -> Option<Seen> {
    if !matches!(pronoun, "he" | "she") {
        return None;
    }
    let speaker = things.iter().rev().find(|t| t.sentence == sentence && (t.span.end as usize) < at)?;
    let between = text.get(speaker.span.end as usize..at)?;
    let words: Vec<&str> = between.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).collect();
    let saying = words.len() <= 5 && words.iter().any(|w| SAYING.contains(w)) && words.last() == Some(&"that");
    (saying && !between.contains([',', ';', '"', '\u{201c}'])).then_some(*speaker)
}

/// Nouns that stand for a body named before ("the alliance" for NATO), right after a
/// determiner that ends at `pos`: where the noun ends, and the actor codes it may stand for.
fn collective_noun(text: &str, pos: usize) -> Option<(usize, &'static [&'static str])> {
    const NOUNS: [(&str, &[&str]); 2] = [
        ("alliance", &["IGOWSTNAT", "IGOCASCSO"]),
        ("bloc", &["IGOEUREEC", "IGOSEAASN", "IGOBRC", "IGOAFRAFU", "IGOCASCSO"]),
    ];
    let rest = text.get(pos..)?.strip_prefix(' ')?;
    NOUNS.iter().find_map(|(noun, codes)| {
        let after = rest.strip_prefix(noun)?;
        let ends = !after.starts_with(|c: char| c.is_alphanumeric() || c == '-');
        ends.then(|| (pos + 1 + noun.len(), *codes))
    })
}

/// A description starting after a determiner that ends at `pos`: its span (from `pos`) and the
/// entities it refers to.
fn description(
    lex: &Lexicon,
    text: &str,
    entities: &[Entity],
    agent_at: &HashMap<u32, &Found>,
    people: &[Seen],
    pos: usize,
) -> Option<(Span, Vec<u32>)> {
    let mut p = pos + 1;
    if !text[pos..].starts_with(' ') {
        return None;
    }
    let mut cue: Option<&str> = None;
    if let Some(e) = entities.iter().find(|e| e.span.start as usize == p && e.actor.is_some())
        && matches!(e.label, EntityLabel::Gpe | EntityLabel::Norp)
    {
        {
            cue = e.actor.as_deref().and_then(|c| c.get(..3));
            let end = e.span.end as usize;
            p = if text[end..].starts_with(' ') { end + 1 } else { end };
        }
    }
    let mut count = 1;
    if let Some(&(w, n)) = NUMERALS.iter().find(|(w, _)| text.get(p..).is_some_and(|t| t.starts_with(&format!("{w} "))))
    {
        count = n;
        p += w.len() + 1;
    }
    let f = agent_at.get(&(p as u32))?;
    let entry = lex.entry(lex.bindings(f.hit.term)[0].entry);
    let term = lex.term_text(f.hit.term).to_lowercase();
    let personal = matches!(f.kind, Kind::Agent(AgentKind::Title))
        || (f.kind == Kind::Agent(AgentKind::Sector) && (term.contains("minister") || term.contains("secretary")));
    if !personal {
        return None;
    }
    let end = f.hit.span.end as usize;
    // A title before a name is not a description.
    if text[end..].starts_with(' ') && text[end + 1..].starts_with(char::is_uppercase) {
        return None;
    }
    // (nor before a name in apposition, closed by a comma or the sentence's end: "the Minister
    // of Foreign Affairs, Zbigniew Rau, said"; not "with his counterpart, Marles thanked")
    let apposition = |e: &Entity| {
        let closed = text[e.span.end as usize..].trim_start_matches(['"', '\u{201d}']).starts_with([',', '.', ';']);
        e.span.start as usize == end + 2 && text[end..].starts_with(", ") && closed
    };
    if entities.iter().any(|e| e.label == EntityLabel::Per && (e.span.start as usize == end + 1 || apposition(e))) {
        return None;
    }
    let plural = count > 1 || term.ends_with('s');
    // "the President of Belarus" is the last president seen of that country; "the President
    // of the European Commission" names an office of a body, someone new, and "the leaders of
    // Japan and Australia" the people of the countries it lists.
    if text[end..].starts_with(" of ") {
        if plural {
            return None;
        }
        let after = end + " of ".len();
        let after = if text[after..].starts_with("the ") { after + "the ".len() } else { after };
        let country = entities.iter().find(|e| e.span.start as usize == after && e.label == EntityLabel::Gpe);
        cue = Some(country.and_then(|e| e.actor.as_deref()).and_then(|c| c.get(..3))?);
    }
    let span = Span::new(pos, end);
    if plural {
        let n = count.max(2);
        let mut out: Vec<u32> = Vec::new();
        for s in people.iter().rev() {
            if !out.contains(&s.entity) {
                out.push(s.entity);
            }
            if out.len() == n {
                break;
            }
        }
        out.reverse();
        return (out.len() == n).then_some((span, out));
    }
    let role_word = entry.role.as_deref().unwrap_or("").to_lowercase();
    let counterpart = term.starts_with("counterpart");
    let hit = people.iter().rev().find(|s| {
        let e = &entities[s.entity as usize];
        let role = e.role.as_deref().unwrap_or("").to_lowercase();
        let country_ok = cue.is_none_or(|c| e.actor.as_deref().is_some_and(|a| a.starts_with(c)));
        country_ok && (counterpart || role.contains(&term) || (!role_word.is_empty() && role.contains(&role_word)))
    })?;
    Some((span, vec![hit.entity]))
}
