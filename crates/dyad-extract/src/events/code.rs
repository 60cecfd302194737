//! The coder proper: triggers → patterns → arguments → modality, attribution, time, place.

use super::clock;
use super::markers::{self, SPEECH, STATEMENT_NOUNS};
use super::patterns::{Pattern, PrepUse};
use super::sent::{ActorRef, Sent, rel_is, span_of};
use super::{Coder, Trace};
use dyad_core::{Attribution, Document, Event, Modality, Participant, Place, Plover, Span, TimexKind};

/// Whom a sentence's words are attributed to, as the coder uses it: the attributing phrase,
/// the first speaker's code (what the output's attribution shows) and every speaker the
/// phrase names ("Russia and China said they would veto it": both would).
#[derive(Clone, Debug)]
pub struct Speech {
    pub span: Span,
    pub code: Option<String>,
    pub speakers: Vec<ActorRef>,
    /// The speech verb, when the attribution is one: (sentence, word). A quotation carries
    /// its attribution into the sentences it spans, where the verb is no word of theirs.
    verb: Option<(usize, usize)>,
}

impl Speech {
    fn new(span: Span, speakers: &[ActorRef], verb: Option<(usize, usize)>) -> Speech {
        Speech { span, code: speakers.first().and_then(|a| a.code.clone()), speakers: speakers.to_vec(), verb }
    }

    /// The speech verb, when it is a word of sentence `s`.
    fn verb_in(&self, s: &Sent) -> Option<usize> {
        self.verb.filter(|&(k, _)| k == s.index).map(|(_, v)| v)
    }

    /// Whether the trigger at word `w` governs the speech verb, which only follows it:
    /// "France accused Rwanda ..., but said ...", "Ukraine denounced the tactics, saying
    /// ...", "X pledged to increase aid and announced ...". The attribution's phrase runs
    /// from the speaker to the speech verb and so holds the trigger, which is no part of the
    /// saying. The speech verb must be a clause of its own (coordinated, adverbial or loosely
    /// joined), not the complement of the trigger ("helps explain").
    fn follows(&self, s: &Sent, w: usize) -> bool {
        let Some(mut n) = self.verb_in(s) else { return false };
        if !matches!(s.words[n].deprel, "conj" | "advcl" | "parataxis") {
            return false;
        }
        for _ in 0..6 {
            let Some(h) = s.words[n].head else { return false };
            if h == w {
                return true;
            }
            n = h;
        }
        false
    }

    /// The speakers as sources of the words they said, each at its own mention: the first,
    /// and those named with it that have a code of their own.
    fn as_sources(&self) -> Vec<ActorRef> {
        let first = self.speakers.first().into_iter().cloned();
        let others = self.speakers.iter().skip(1).filter(|a| a.code.is_some() && a.code != self.code).cloned();
        first.chain(others).collect()
    }

    /// The attribution written to the output.
    fn output(&self) -> Attribution {
        Attribution { span: self.span, code: self.code.clone() }
    }
}

/// Per-document state carried from sentence to sentence.
#[derive(Default)]
pub struct Context {
    /// Date of the story's current events, carried to sentences without their own time.
    pub narrative: Option<String>,
    /// Anchored durations: (byte where the anchored clause starts, where it ends, date).
    pub anchors: Vec<(u32, u32, String)>,
    /// Attribution of an open quotation, inherited by the sentences inside it.
    pub quote: Option<Speech>,
}

/// A matched trigger before arguments are resolved.
struct Cand<'p> {
    word: usize,
    pattern: &'p Pattern,
    /// The verb that carries subject, time and modality: the trigger, or a noun's light verb.
    clause: usize,
}

/// Whether two codes name the same party for pattern `p`: the same code or, in appeals,
/// intents, consultations, material cooperation and aid, and reduced relations and sanctions
/// (CAMEO 02-04, 06, 07, 16), a country and a part of its state ("RUSGOV" visiting "RUS",
/// "UKRGOV" aiding "UKR", "CANGOV" sanctioning "CAN": a misread argument far more often than
/// an event). Statements (a president's sympathy for his own country), verbal
/// support ("rallied support for Ukraine"), yielding, force, arrests and protest within one
/// country ("IRQMIL" withdrawing from an Iraqi town, "INDCOP" lifting a curfew) are events, and
/// "USALEG" and "USAGOV" are two parties in any case.
fn same_party(p: &Pattern, a: &Option<String>, b: &Option<String>) -> bool {
    let (Some(a), Some(b)) = (a.as_deref(), b.as_deref()) else { return false };
    let parts_are_one_party = matches!(p.code.get(..2), Some("02" | "03" | "04" | "06" | "07" | "16"));
    let country_and_part = |c: &str, d: &str| c.len() == 3 && !c.starts_with('-') && d.starts_with(c);
    // ("a potential Russian invasion as Russian forces prepare": a country does not fight its
    // own state's forces; its rebels or civilians it may, and its forces may retake its land)
    let force = matches!(p.code.get(..2), Some("18" | "19" | "20"));
    let own_state =
        country_and_part(a, b) && b.get(3..).is_some_and(|t| ["MIL", "GOV", "COP"].iter().any(|x| t.starts_with(x)));
    a == b || (parts_are_one_party && (country_and_part(a, b) || country_and_part(b, a))) || (force && own_state)
}

/// Whether verb `v` gives its object a name or a description ("called Putin a killer",
/// "called the strikes an act of barbarism"): two objects, or an object and a nominal
/// complement. Such a "call" is neither a phone call nor a called strike.
fn names_something(s: &Sent, v: usize) -> bool {
    s.kids(v, &["obj", "iobj"]).nth(1).is_some()
        || (s.kids(v, &["obj"]).next().is_some()
            && s.kids(v, &["xcomp"]).any(|x| matches!(s.words[x].upos, "NOUN" | "PROPN" | "ADJ")))
}

/// Nouns of hostile acts: whoever such an act is done to is not the one helped by supporting it.
const HOSTILE_ACTS: &[&str] = &[
    "aggression",
    "annexation",
    "attack",
    "attacks",
    "blockade",
    "bombing",
    "bombardment",
    "confiscation",
    "crackdown",
    "embargo",
    "expulsion",
    "invasion",
    "isolation",
    "occupation",
    "offensive",
    "prosecution",
    "sanctions",
    "seizure",
    "shelling",
    "strikes",
    "war",
];

/// Whether `a` is what an appeal or a cooperative act (CAMEO 02-08) at word `i` is against,
/// not whom it is addressed to or for: a phrase with "against" lies between them ("supporting
/// sanctions against Russia", "help them defend against Russia"), or a hostile act done to it
/// ("to support the invasion of Ukraine"). A statement (01) may well be about its adversary
/// ("considers sanctions against Iran").
/// A demand, a condemnation or a rejection (10-12) of a hostile act is aimed at its doer, not
/// at whom it is done to ("condemned the invasion of Ukraine by Russia").
fn opposed_party(s: &Sent, p: &Pattern, i: usize, a: &ActorRef) -> bool {
    let cooperative = matches!(p.code.get(..2), Some("02" | "03" | "04" | "05" | "06" | "07" | "08"));
    if !cooperative && !matches!(p.code.get(..2), Some("10" | "11" | "12")) {
        return false;
    }
    // A pattern about ending a hostile act names it as its object (or its complement's):
    // easing sanctions on (or against) a country, lifting a blockade on it, is done for it.
    let ends_hostile_act = |set: &Option<Vec<String>>| {
        set.as_ref().is_some_and(|set| set.iter().any(|o| HOSTILE_ACTS.contains(&o.as_str())))
    };
    if ends_hostile_act(&p.obj) || ends_hostile_act(&p.comp_obj) {
        return false;
    }
    let Some(mut n) = s.word_at(a.span.start) else { return false };
    let mut child: Option<usize> = None;
    let mut agent = false;
    for _ in 0..8 {
        if n == i {
            return false;
        }
        let case = s.case_of(n);
        if cooperative && case == "against" {
            return true;
        }
        agent |= case == "by";
        // (who does the hostile act, "Russia's war", "the Russian invasion", "the war
        // unleashed by Russia", is helped by it)
        if let Some(c) = child
            && HOSTILE_ACTS.contains(&s.words[n].lower.as_ref())
        {
            return !agent && !matches!(s.words[c].deprel, "nmod:poss" | "amod" | "compound");
        }
        child = Some(n);
        match s.words[n].head {
            Some(h) => n = h,
            None => return false,
        }
    }
    false
}

/// Who does the hostile act named at word `t`, the object of trigger `i`, by a "by" phrase
/// below it ("the shelling of Kharkiv by Russian forces", with "by" on the noun or on its "of"
/// phrase) or hung on the active trigger after it ("condemned the invasion of Ukraine by
/// Russia").
fn hostile_act_agent(s: &Sent, i: usize, t: usize) -> Vec<ActorRef> {
    if !HOSTILE_ACTS.contains(&s.words[t].lower.as_ref()) {
        return Vec::new();
    }
    let below = |k: usize| s.kids(k, &["nmod", "obl"]).collect::<Vec<_>>();
    let mut phrases: Vec<usize> = below(t);
    let deeper: Vec<usize> = phrases.iter().flat_map(|&k| below(k)).collect();
    phrases.extend(deeper);
    if !is_passive(s, i) {
        phrases.extend(below(i).into_iter().filter(|&b| b > t));
    }
    phrases.into_iter().filter(|&b| s.case_of(b) == "by").flat_map(|b| s.actors_in(b, 2)).collect()
}

/// Whether verb `v` is in the passive voice (a passive subject or auxiliary).
fn is_passive(s: &Sent, v: usize) -> bool {
    s.kids(v, &["nsubj:pass", "aux:pass"]).next().is_some() || adjectival_passive(s, v) || headline_agent(s, v)
}

/// "Zelensky welcomed by standing ovations in the European Parliament": a bare past
/// participle with an agent phrase and no auxiliary is a headline's passive, whatever the
/// parser made of the noun before it.
fn headline_agent(s: &Sent, v: usize) -> bool {
    s.words[v].xpos == "VBN"
        && s.kids(v, &["obl:agent"]).next().is_some()
        && s.kids(v, &["aux", "aux:pass", "cop"]).next().is_none()
}

/// "children who are being expelled", "they were tortured", tagged as adjectives with a
/// form of "be" for their copula: a participle in -ed after "be" is a passive whatever its
/// tag, unless it is a state of mind that governs what follows ("he was prepared to meet",
/// "determined to win").
fn adjectival_passive(s: &Sent, v: usize) -> bool {
    let w = &s.words[v];
    w.upos == "ADJ"
        && w.lower.ends_with("ed")
        && s.kids(v, &["cop"]).any(|c| any_form(s, c, &["be"]))
        && s.kids(v, &["xcomp"]).next().is_none()
        && markers::governing(forms(s, v)).is_none()
}

/// Whether `v` is a past participle that describes a noun ("individuals indicted by the
/// court", "areas occupied by Russia"): a fact of its own, whatever governs the noun (not
/// an infinitive: "the next to be invaded").
fn describes_noun(s: &Sent, v: usize) -> bool {
    s.parsed
        && s.words[v].deprel == "acl"
        && s.words[v].xpos == "VBN"
        && !s.kids(v, &["mark"]).any(|m| s.words[m].lower == "to")
}

/// Whether verb `v` has a "by" phrase (a passive's agent; `obl` takes in `obl:agent`).
fn has_by_phrase(s: &Sent, v: usize) -> bool {
    s.kids(v, &["obl"]).any(|o| s.case_of(o) == "by")
}

/// Whether verb `n` is an infinitive governed by `clause` through open complements (`xcomp`)
/// alone ("helping Moscow | to start").
fn infinitive_below(s: &Sent, n: usize, clause: usize) -> bool {
    let mut k = n;
    for _ in 0..4 {
        let Some(h) = s.words[k].head else { return false };
        if s.words[k].deprel != "xcomp" {
            return false;
        }
        if h == clause {
            return true;
        }
        k = h;
    }
    false
}

/// The preposition of the phrase that holds actor `a` (a possessive "'s" passed over), found
/// by climbing the parse from the actor; none when the climb reaches `stop` first.
fn phrase_case(s: &Sent, a: &ActorRef, stop: Option<usize>) -> Option<String> {
    let mut n = s.word_at(a.span.start)?;
    for _ in 0..8 {
        if Some(n) == stop {
            return None;
        }
        let case = s.case_of(n);
        if !case.is_empty() && case != "'s" && case != "’s" {
            return Some(case);
        }
        n = s.words[n].head?;
    }
    None
}

/// Is actor `a` in a "together with" or "along with" phrase: beside the one who acts, not a
/// party to the act ("ready to fight together with the Russians")?
fn companion(s: &Sent, a: &ActorRef) -> bool {
    phrase_case(s, a, None).is_some_and(|c| c.starts_with("together ") || c.starts_with("along "))
}

fn other_preposition(s: &Sent, p: &Pattern, i: usize, a: &ActorRef) -> bool {
    let named: Vec<&str> =
        p.preps.iter().filter(|(_, u)| matches!(u, PrepUse::Target)).map(|(w, _)| w.as_str()).collect();
    if named.is_empty() {
        return false;
    }
    let Some(case) = phrase_case(s, a, Some(i)) else { return false };
    // (only a spatial one: "for Ukraine" or "with France" still names a party)
    let spatial = matches!(
        case.as_str(),
        "over" | "across" | "through" | "above" | "near" | "in" | "inside" | "around" | "along" | "past" | "via"
    );
    spatial && !named.iter().any(|w| case == *w || case.split(' ').any(|c| c == *w))
}

/// True when a "would" on the trigger at `i` is a reported "will": its clause (through
/// complements and conjuncts) is what a past-tense verb of announcing reports ("Israel announced it
/// would free the prisoners", "Russia said it would withdraw"), in a sentence with no condition.
/// A quotation before its speech verb ("We would have to respond," he said) is the
/// speaker's own words, not reported speech.
fn reported_will(s: &Sent, i: usize) -> bool {
    if s.conditional || !s.parsed {
        return false;
    }
    let mut child = i;
    for h in s.ancestors(i) {
        match s.words[child].deprel {
            // (after the verb: a quotation before it keeps its own "would")
            "ccomp" => return h < child && any_form(s, h, markers::ANNOUNCING) && s.words[h].xpos == "VBD",
            "xcomp" | "conj" => child = h,
            _ => return false,
        }
    }
    false
}

/// True when word `k` is the "not" of "not only ... (but)", which negates nothing.
fn not_only(s: &Sent, k: usize) -> bool {
    s.words[k].lower == "not" && s.words.get(k + 1).is_some_and(|w| w.lower == "only")
}

/// True when word `n` is a first-person pronoun: in reported words, the speaker.
fn first_person(s: &Sent, n: usize) -> bool {
    matches!(s.words[n].lower.as_ref(), "i" | "we" | "us" | "me")
}

/// True when word `n` is a personal pronoun in the subject case.
fn personal_pronoun(s: &Sent, n: usize) -> bool {
    matches!(s.words[n].lower.as_ref(), "i" | "we" | "he" | "she" | "it" | "they")
}

/// True when actor `a` is the "its" that owns the object of trigger `i` ("Russia launched its
/// invasion"), or the side named on an attack launched ("launched a Ukrainian offensive", not
/// "repelled a Russian attack"): the agent's own, never a party of its own. "His" and "their" often point
/// elsewhere ("voters praised his boldness").
fn owns_object(s: &Sent, i: usize, a: &ActorRef) -> bool {
    s.kids(i, &["obj"]).any(|o| {
        s.kids(o, &["nmod:poss"]).any(|k| s.words[k].lower == "its" && s.words[k].span == a.span)
            || (any_form(s, i, &["launch", "begin", "start", "mount", "carry", "conduct", "stage", "wage"])
                && any_form(s, o, markers::ATTACK_NOUNS)
                && s.kids(o, &["amod", "compound"]).any(|k| s.words[k].span == a.span))
    })
}

/// Is verb `v` a participle that modifies a noun ("a statement released on Tuesday", "drones
/// supplied by Iran", "people accused of ...")? Such a participle is a passive whose subject is
/// that noun. (Not when the noun is the root: that is a sentence the parser read as a phrase.)
fn reduced_relative(s: &Sent, v: usize) -> bool {
    let w = &s.words[v];
    w.deprel == "acl"
        && w.head.is_some_and(|h| s.words[h].deprel != "root")
        && !w.lower.ends_with("ing")
        && !w.lower.ends_with('s')
        && forms(s, v).len() > 1
        && s.kids(v, &["nsubj", "nsubj:pass", "mark"]).next().is_none()
        // (an "object" with a preposition is a misparsed phrase: "killed in police firing")
        && s.kids(v, &["obj"]).all(|o| s.phrase_case(o).is_some())
}

/// "the arrested workers": a past participle before the noun it describes (not the second
/// half of a hyphenated modifier, "the rebel-held capital").
fn attributive_participle(s: &Sent, v: usize) -> bool {
    let hyphenated = v >= 1 && s.words[v - 1].lower == "-" && s.words[v - 1].span.end == s.words[v].span.start;
    s.words[v].deprel == "amod" && s.words[v].xpos == "VBN" && !hyphenated
}

/// "Police were able to arrest 39": what someone was able to do was done (unlike "is able to").
fn was_able(s: &Sent, k: usize) -> bool {
    let past = |j: usize| matches!(s.words[j].lower.as_ref(), "was" | "were");
    s.words[k].lower == "able" && (s.kids(k, &["cop"]).any(past) || k.checked_sub(1).is_some_and(past))
}

/// A governing word that sets no modality here: "was able to" (done), or "due to" before a
/// noun, a cause and not a schedule ("died due to police firing", not "is due to visit"; an
/// actor is no verb, however tagged: "police" in text without capitals).
fn not_a_cue(s: &Sent, k: usize) -> bool {
    let due_to_cause = s.words[k].lower == "due"
        && s.words.get(k + 1).is_some_and(|w| w.lower == "to")
        && (k + 2 < s.words.len() && (s.words[k + 2].xpos != "VB" || s.actor[k + 2].is_some()));
    was_able(s, k) || due_to_cause
}

/// Is word `o` an actor, or modified by one ("Russian positions", "Ukraine's ports")?
fn names_actor(s: &Sent, o: usize) -> bool {
    s.actor[o].is_some() || s.kids(o, &["amod", "compound", "nmod:poss"]).any(|k| s.actor[k].is_some())
}

/// "slandering and attacking China", "attacked Western policy", "attacked Biden over the
/// withdrawal": the verb "attack" used of words (CAMEO 111, not 180), by its coordinated
/// verbs, its object or an "over" phrase.
fn verbal_attack(s: &Sent, i: usize) -> bool {
    let w = &s.words[i];
    let coordinated = w.head.filter(|_| w.deprel == "conj").into_iter().chain(s.kids(i, &["conj"]));
    if coordinated.into_iter().any(|k| any_form(s, k, markers::CRITICISING)) {
        return true;
    }
    // (not a time or a place: "attacked Israel over the holiday", "attacked over Kyiv")
    let over = s.kids(i, &["obl"]).any(|o| {
        s.case_of(o) == "over"
            && !s.is_time(o)
            && s.actor[o].is_none()
            && !any_form(
                s,
                o,
                &["weekend", "night", "holiday", "holidays", "period", "course", "day", "week", "month", "year"],
            )
    });
    let stance = s
        .kids(i, &["obj"])
        .any(|o| std::iter::once(o).chain(s.kids(o, &["conj"])).any(|k| any_form(s, k, markers::STANCES)));
    over || stance
}

/// Whether the trigger at `i` is in a finite clause set beside the speech verb `v` ("X
/// announced ..., while [Israel] is evacuating ..."), with no subject in the parse: a clause
/// of its own, whose missed subject is someone else, not the speaker (unlike "announced aid
/// while visiting Kyiv", which has no subject of its own).
fn finite_clause_beside(s: &Sent, i: usize, v: usize) -> bool {
    let mut n = i;
    for h in s.ancestors(i) {
        let finite = s.kids(n, &["aux"]).next().is_some() || matches!(s.words[n].xpos, "VBD" | "VBZ" | "VBP");
        if s.words[n].deprel == "advcl"
            && finite
            && s.kids(n, &["nsubj", "nsubj:pass", "expl"]).next().is_none()
            && s.kids(n, &["mark"]).any(|m| {
                matches!(s.words[m].lower.as_ref(), "while" | "whereas" | "although" | "though" | "as" | "because")
            })
        {
            return true;
        }
        if h == v {
            break;
        }
        n = h;
    }
    false
}

/// Whether speech verb `v` speaks for the clause of word `i`: the clauses below it ("X said
/// it would send troops"), the clause it hangs from ("troops will be sent, X said") and,
/// since the parse often hangs a loosely joined speech verb on a neighbour, the clauses
/// below that ("he laid a wreath, saying ..., and offered condolences"); not a clause
/// elsewhere ("When I met him, his fear was that people would think ...": "think", the
/// complement of "meant", does not speak for "met").
fn speaks_for(s: &Sent, i: usize, v: usize) -> bool {
    if !s.parsed || i == v || s.ancestors(v).contains(&i) {
        return true;
    }
    let above_i = s.ancestors(i);
    let loosely_joined = matches!(s.words[v].deprel, "advcl" | "advcl:relcl" | "parataxis" | "conj");
    above_i.contains(&v) || (loosely_joined && s.words[v].head.is_some_and(|h| above_i.contains(&h)))
}

fn is_verb(upos: &str) -> bool {
    matches!(upos, "VERB" | "AUX" | "X")
}

fn is_noun(upos: &str) -> bool {
    matches!(upos, "NOUN" | "PROPN" | "X")
}

/// A word tagged NOUN that reads as a verb: not after a determiner, adjective, number, noun
/// or possessive ("Moscow, however, denies").
fn verb_like(s: &Sent, i: usize) -> bool {
    let Some(prev) = i.checked_sub(1).map(|k| &s.words[k]) else { return false };
    !matches!(prev.upos, "DET" | "ADJ" | "NUM" | "NOUN" | "ADP")
        && !matches!(
            prev.lower.as_ref(),
            "his" | "her" | "its" | "their" | "our" | "my" | "your" | "'s" | "\u{2019}s" | "the" | "a" | "an"
        )
}

fn forms<'s>(s: &'s Sent, i: usize) -> &'s [String] {
    &s.forms[i]
}

fn any_form(s: &Sent, i: usize, set: &[&str]) -> bool {
    forms(s, i).iter().any(|f| set.contains(&f.as_str()))
}

/// Who reports a sentence by name, found once per sentence: "according to X" and a closing
/// "..., X reports." Both give the attribution and keep their actors out of the targets.
struct Reporters {
    according_to: Option<(Span, Vec<ActorRef>)>,
    final_report: Option<(Span, Vec<ActorRef>)>,
}

impl Reporters {
    fn of(s: &Sent) -> Reporters {
        Reporters { according_to: according_to(s), final_report: final_report(s) }
    }

    /// The spans of the reporting phrases.
    fn spans(&self) -> Vec<Span> {
        self.according_to.iter().chain(&self.final_report).map(|(span, _)| *span).collect()
    }
}

/// "according to X": the phrase's span, up to the next comma or the sentence's end, and the
/// actors in it.
fn according_to(s: &Sent) -> Option<(Span, Vec<ActorRef>)> {
    let i = s.words.windows(2).position(|p| p[0].lower == "according" && p[1].lower == "to")?;
    let mut end = i + 2;
    while end < s.words.len() && !matches!(s.words[end].lower.as_ref(), "," | ";" | ".") {
        end += 1;
    }
    let last = end.saturating_sub(1).max(i + 1);
    let actors = (i + 2..end).filter_map(|k| s.actor[k].clone()).collect();
    Some((span_of(s.words[i].span.start, s.words[last].span.end), actors))
}

/// A reporting clause closing the sentence after a comma, read from the words alone: "...,
/// Garowe Online reports." The tagger can take such a verb for a plural noun and the parser
/// then joins the speaker to the clause's last object, so that the outlet became a victim.
/// Returns the clause's span and the actors in it (none: no attribution).
fn final_report(s: &Sent) -> Option<(Span, Vec<ActorRef>)> {
    let is_closing = |w: &str| matches!(w, "." | "!" | "\"" | "'" | "\u{201d}" | "\u{2019}");
    let v = s.words.iter().rposition(|w| !is_closing(&w.lower))?;
    // a verb written in lower case: "the United States." is no "state"
    if !any_form(s, v, SPEECH) || !s.doc.slice(s.words[v].span).starts_with(|c: char| c.is_lowercase()) {
        return None;
    }
    let comma = s.words[..v].iter().rposition(|w| w.lower == ",")?;
    if v - comma < 2 || v - comma > 7 {
        return None;
    }
    let mut speaker: Vec<ActorRef> = Vec::new();
    for k in comma + 1..v {
        if let Some(a) = &s.actor[k]
            && !speaker.iter().any(|o| o.span == a.span)
        {
            speaker.push(a.clone());
        }
    }
    (!speaker.is_empty()).then(|| (span_of(s.words[comma + 1].span.start, s.words[v].span.end), speaker))
}

/// The actors of the attack an oblique of `clause` names ("in a Russian missile strike", "in
/// police firing"): who acted, for a victim's verb. They are the attack's own actor or its
/// modifiers' ("an attack by rebel forces"), never the place it hit or happened in ("a
/// suicide attack in Kabul", "an attack on a police post").
fn attackers(s: &Sent, clause: usize, trace: &mut Trace) -> Vec<ActorRef> {
    let attacker_word = |m: &usize| s.words[*m].deprel != "nmod" || matches!(s.case_of(*m).as_str(), "by" | "from");
    // (an "obj" too: "killed in police firing" read with "firing" as a verb)
    for o in s.kids(clause, &["obl", "nmod", "advcl", "obj"]) {
        // (a gerund's preposition is its "mark": "in firing by the police")
        let case = s.phrase_case(o).or_else(|| s.kids(o, &["mark"]).next().map(|m| s.words[m].lower.to_string()));
        // ("succumbed to the police firing": "to" after a verb of dying)
        let attack = matches!(case.as_deref(), Some("in" | "during" | "by" | "to"))
            && (any_form(s, o, markers::ATTACK_NOUNS)
                // "in Israeli tank shelling", parsed with "shelling" on "tank"
                || s.kids(o, &["acl", "compound"]).any(|k| any_form(s, k, markers::ATTACK_NOUNS)));
        if !attack {
            continue;
        }
        let found = match &s.actor[o] {
            Some(a) => vec![a.clone()],
            // ("in firing by the police": a gerund's "by" phrase too)
            None => s
                .kids(o, &["amod", "compound", "nmod:poss", "flat", "nmod", "obl"])
                .filter(|m| s.words[*m].deprel != "obl" || s.case_of(*m) == "by")
                .filter(attacker_word)
                .map(|m| s.actors_in(m, 1))
                .find(|found| !found.is_empty())
                .unwrap_or_default(),
        };
        if !found.is_empty() {
            trace.note(|| format!("  source: the attack '{}'", s.words[o].lower));
            return found;
        }
    }
    // "killed in police firing" with the phrase hung elsewhere by the parser: the words
    // right after the verb, a preposition, a doer and an attack noun
    let mut k = clause + 1;
    if !s.words.get(k).is_some_and(|w| matches!(w.lower.as_ref(), "in" | "by" | "during")) {
        return Vec::new();
    }
    k += 1;
    if s.words.get(k).is_some_and(|w| w.lower == "the") {
        k += 1;
    }
    match (s.actor.get(k).cloned().flatten(), s.words.get(k + 1)) {
        (Some(a), Some(_)) if a.code.is_some() && any_form(s, k + 1, markers::ATTACK_NOUNS) => {
            trace.note(|| format!("  source: the attack '{}', right after the verb", s.words[k + 1].lower));
            vec![a]
        }
        _ => Vec::new(),
    }
}

/// "two killed in police firing", "and five injured": a participle of a verb that always
/// takes an object, with neither an object nor any auxiliary, is a passive with its "were"
/// left out, as headlines and lists of casualties write it.
fn headline_passive(s: &Sent, v: usize) -> bool {
    s.words[v].xpos == "VBN"
        && any_form(s, v, &["kill", "injure", "wound", "arrest", "detain"])
        && s.kids(v, &["aux", "aux:pass", "cop"]).next().is_none()
        // (an "object" after a preposition is a phrase misread: "two killed in police firing")
        && (s.words.get(v + 1).is_some_and(|w| w.upos == "ADP") || s.kids(v, &["obj"]).next().is_none())
}

/// "killed in firing by the police": a gerund without a subject of its own has its "by"
/// phrase for doer, not the subject of the verb above it.
fn gerund_agent(s: &Sent, g: usize) -> Option<Vec<ActorRef>> {
    if s.words[g].xpos != "VBG" || s.kids(g, &["nsubj"]).next().is_some() {
        return None;
    }
    let agent: Vec<ActorRef> =
        s.kids(g, &["obl"]).filter(|&o| s.case_of(o) == "by").flat_map(|o| s.actors_in(o, 2)).collect();
    (!agent.is_empty()).then_some(agent)
}

/// "One person was killed when the police fired", "two died when troops opened fire": the doer of
/// a passive killing with no agent of its own, or of a death, is the one who fires or shoots in
/// its "when" or "as" clause.
fn shooter_of_the_killed(s: &Sent, c: &Cand) -> Option<ActorRef> {
    let v = c.word;
    if !s.parsed || c.pattern.noun || !c.pattern.code.starts_with("19") {
        return None;
    }
    let killed = any_form(s, v, &["kill"]) && is_passive(s, v) && !has_by_phrase(s, v);
    if !killed && !any_form(s, v, &["die"]) {
        return None;
    }
    let firing = s.kids(v, &["advcl"]).find(|&k| {
        s.kids(k, &["mark", "advmod"]).any(|m| matches!(s.words[m].lower.as_ref(), "when" | "as"))
            && any_form(s, k, &["fire", "shoot", "open"])
    })?;
    let subject = s.kids(firing, &["nsubj"]).next()?;
    // (the actor may be the subject's modifier: "Indian troops")
    s.actors_in(subject, 1).into_iter().find(|a| a.code.is_some())
}

/// Whether word `k` lies inside a nominal argument of verb `i`, as a noun or adjective of the
/// phrase ("rumour mongers were nabbed") or in a relative clause ("pilgrims who tried to sneak
/// in were arrested"): it does not govern the verb. (A verb inside the phrase that is no
/// relative clause is more often a misparse of the clause above.)
fn in_argument_of(s: &Sent, k: usize, i: usize) -> bool {
    if !s.parsed || !is_verb(s.words[i].upos) {
        return false;
    }
    let (mut n, mut relative) = (k, false);
    for _ in 0..12 {
        let Some(h) = s.words[n].head else { return false };
        relative |= s.words[n].deprel == "acl:relcl";
        if h == i {
            let argument = ["nsubj", "obj", "iobj", "obl"].iter().any(|r| rel_is(s.words[n].deprel, r));
            return argument && (relative || !is_verb(s.words[k].upos));
        }
        n = h;
    }
    false
}

/// The country of the sources when all are its police (`---` for police of no named country).
fn police_country(sources: &[ActorRef]) -> Option<String> {
    let codes: Vec<&str> = sources.iter().map(|a| a.code.as_deref()).collect::<Option<_>>()?;
    let country = codes.first()?.get(..3)?;
    codes.iter().all(|c| c.get(..3) == Some(country) && c.get(3..) == Some("COP")).then(|| country.to_string())
}

/// The civilians of the source's country, when the arrested (the object, or the subject of a
/// passive) are a name no dictionary knows, people named only as such or a count, and the
/// source is a country's own body (police, courts, government, army, intelligence).
fn arrested_civilians(s: &Sent, held: &[usize], sources: &[ActorRef]) -> Option<String> {
    if !s.parsed {
        return None;
    }
    // (a name, people named only as such, or a count: "28 pilgrims"; or a personal pronoun
    // the actors stage did not resolve: "they were detained", or "those who ..."; or any common noun, which an
    // arrest makes a person, "arrested a public notary", save the things one may arrest or
    // hold: "helped to arrest the deteriorating situation", "talks were held")
    let person = |v: usize| {
        matches!(s.words[v].upos, "PROPN" | "NUM")
            || any_form(s, v, markers::VICTIM_NOUNS)
            || s.kids(v, &["nummod"]).next().is_some()
            || matches!(s.words[v].lower.as_ref(), "they" | "them" | "he" | "him" | "she" | "her")
            // ("detained those who were shouting slogans")
            || (s.words[v].lower == "those" && s.words.get(v + 1).is_some_and(|w| w.lower == "who"))
            || (s.words[v].upos == "NOUN" && !any_form(s, v, markers::HELD_THINGS))
    };
    if !held.iter().any(|&v| person(v)) {
        return None;
    }
    let code = sources.first()?.code.as_deref()?;
    let (country, sector) = (code.get(..3)?, code.get(3..)?);
    let state = ["COP", "JUD", "GOV", "MIL", "SPY"].iter().any(|t| sector.starts_with(t));
    // ("---": police of a country the text does not name hold that country's people)
    let a_country = (country == "---" || country.bytes().all(|b| b.is_ascii_uppercase()))
        && !matches!(country, "IGO" | "NGO" | "IMG" | "MNC");
    (state && a_country).then(|| format!("{country}CVL"))
}

/// True when actor `a`, a platform or an outlet, is where something was said or posted, not
/// a party to it: "said on Telegram", "wrote on his Facebook page", "posted on messaging app
/// Telegram".
fn is_medium(s: &Sent, a: &ActorRef) -> bool {
    // a platform or an outlet ("commenting on Russia" is about Russia)
    if !a.code.as_deref().is_some_and(|c| c.ends_with("BUS") || c.ends_with("MED")) {
        return false;
    }
    let Some(first) = s.word_at(a.span.start) else { return false };
    // up to three words between the preposition and the name ("his official", "messaging app")
    let Some(on) = (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&k| k + 4 > first)
        .find(|&k| matches!(s.words[k].lower.as_ref(), "on" | "via"))
    else {
        return false;
    };
    let between_plain = (on + 1..first).all(|k| s.doc.slice(s.words[k].span).chars().all(char::is_lowercase));
    let posted = on
        .checked_sub(1)
        .is_some_and(|v| any_form(s, v, SPEECH) || any_form(s, v, &["post", "write", "publish", "tweet", "share"]));
    between_plain && posted
}

/// The speech verb reporting the that-clause headed by `h` ("said that ... were moving"),
/// also when the parser hung the clause on a word between them ("said on Tuesday that ...",
/// parsed as a relative clause of "Tuesday").
fn reporting_verb(s: &Sent, h: usize) -> Option<usize> {
    // (with "that", or a bare clausal complement: "said it sees Nato as a threat")
    if !s.kids(h, &["mark"]).any(|m| s.words[m].lower == "that") && s.words[h].deprel != "ccomp" {
        return None;
    }
    let g = s.words[h].head?;
    if any_form(s, g, SPEECH) {
        return Some(g);
    }
    s.words[g].head.filter(|&gg| any_form(s, gg, SPEECH))
}

/// Window of words right of `i` (no parse).
fn window(s: &Sent, from: usize, n: usize) -> impl Iterator<Item = usize> {
    (from..s.words.len()).take(n)
}

impl Coder {
    /// Does `p` match at word `i`? Returns the clause head on success, or why not.
    fn matches(&self, s: &Sent, i: usize, p: &Pattern) -> Result<usize, String> {
        let w = &s.words[i];
        // "thanks to the efforts of ..." is a preposition, whatever the tagger made of it
        if w.lower == "thanks" && s.words.get(i + 1).is_some_and(|n| n.lower == "to") {
            return Err("'thanks to' is a preposition".into());
        }
        // "veto-wielding members", "sanctions-hit economies": the first half of a hyphenated
        // modifier (joined without spaces) names what kind of thing its noun is
        let joined = |a: usize, b: usize| s.words[a].span.end == s.words[b].span.start;
        if s.words.get(i + 2).is_some_and(|n| n.lower.ends_with("ing") || n.lower.ends_with("ed"))
            && s.words[i + 1].lower == "-"
            && joined(i, i + 1)
            && joined(i + 1, i + 2)
        {
            return Err(format!("'{}' opens a hyphenated modifier", w.lower));
        }
        let closed =
            matches!(w.upos, "ADP" | "DET" | "PRON" | "CCONJ" | "SCONJ" | "PART" | "NUM" | "SYM" | "INTJ" | "PUNCT");
        if s.parsed && p.noun && !is_noun(w.upos) && !closed {
            return Err(format!("'{}' is {} here, the pattern wants a noun", w.lower, w.upos));
        }
        // a noun in a nominal slot of the parse ("suspended aid"), with a determiner or
        // modifier ("our partners") or coordinated with a noun ("allies and partners") is not a verb
        let nominal_slot = ["obj", "iobj", "obl", "nmod"].iter().any(|r| rel_is(w.deprel, r))
            || s.kids(i, &["det", "nmod:poss", "amod", "nummod"]).next().is_some()
            || (w.deprel == "conj" && w.head.is_some_and(|h| is_noun(s.words[h].upos)));
        // ("Armed Forces": a capitalised word inside the sentence is a name's)
        let capitalised = i > 0 && s.doc.slice(w.span).starts_with(|c: char| c.is_uppercase());
        // (an adjective in -ed before its noun modifies it: "armed attack", "alleged plot")
        let modifier = w.upos == "ADJ" && s.parsed && w.deprel == "amod";
        // ("police had to fire 8 rounds" tagged as "to" + noun: after "had to", "need to" comes
        // a verb)
        let obliged = i >= 2
            && s.words[i - 1].lower == "to"
            && matches!(
                s.words[i - 2].lower.as_ref(),
                "have" | "has" | "had" | "having" | "need" | "needs" | "needed" | "ought" | "forced" | "compelled"
            );
        let verbal = (w.upos == "NOUN" || (w.upos == "ADJ" && w.lower.ends_with("ed")))
            && !modifier
            && ((verb_like(s, i) && !(s.parsed && nominal_slot)) || obliged)
            && !capitalised;
        if s.parsed && !p.noun && !is_verb(w.upos) && !closed && !verbal {
            return Err(format!("'{}' is {} here, the pattern wants a verb", w.lower, w.upos));
        }
        if !s.parsed {
            if p.agent.is_some() {
                return Err("the pattern's doer needs a parse".into());
            }
            return self.matches_window(s, i, p).map(|_| i);
        }
        // The word window stands in for a parse that missed a phrase, not for one that found
        // another object ("announced a new election bloc" is no "obj=elections").
        let other_object = p.obj.as_ref().is_some_and(|set| {
            let named = |k: usize| s.is_form(k, set);
            // (a passive's subject is its object: "talks were held" holds no leaders)
            let mut objects = s.kids(i, &["obj", "nsubj:pass"]).map(|o| s.through_quantifier(o)).peekable();
            objects.peek().is_some() && objects.all(|o| !named(o) && !s.kids(o, &["compound"]).any(named))
        });
        if let Some(why) = self.sense_veto(s, i, p) {
            return Err(why);
        }
        match self.matches_parse(s, i, p) {
            Ok(c) => Ok(c),
            Err(why) if other_object => Err(why),
            Err(why) => match self.matches_window(s, i, p) {
                Ok(()) => Ok(if p.noun {
                    w.head
                        .filter(|&h| is_verb(s.words[h].upos) && matches!(w.deprel, "obj" | "nsubj" | "nsubj:pass"))
                        .unwrap_or(i)
                } else {
                    i
                }),
                Err(_) => Err(why),
            },
        }
    }

    /// True when word `k` is a noun that a pattern accepted by `which` codes as an event
    /// ("invasion", "arrest").
    fn names_an_event(&self, s: &Sent, k: usize, which: impl Fn(&Pattern) -> bool) -> bool {
        forms(s, k).iter().any(|f| {
            self.by_lemma
                .get(f)
                .is_some_and(|v| v.iter().any(|&id| self.patterns[id].noun && which(&self.patterns[id])))
        })
    }

    /// A sense the parse rules out, whatever the word window says: an "as" predicate, a
    /// particle the pattern does not name, an excluded object or phrase.
    fn sense_veto(&self, s: &Sent, i: usize, p: &Pattern) -> Option<String> {
        // "called the invasion a 'crisis'", "described X as ...": an "as" predicate is a complement
        if p.no_comp && s.kids(i, &["obl", "advcl"]).any(|o| s.case_of(o) == "as") {
            return Some("the pattern wants no complement ('as' phrase)".into());
        }
        if p.no_comp && names_something(s, i) {
            return Some("the pattern wants no complement (a second object)".into());
        }
        // "called Putin “the war criminal of Moscow”": a quotation right after the object names it
        if p.no_comp && (i + 2..=i + 3).any(|k| s.words.get(k).is_some_and(|w| matches!(w.lower.as_ref(), "“" | "‘")))
        {
            return Some("the pattern wants no complement (a quoted name)".into());
        }
        // "seized the opportunity", "an opportunity that Putin is seizing": a chance taken is no
        // property seized
        let chance = |k: usize| {
            matches!(
                s.words[k].lower.as_ref(),
                "opportunity" | "opportunities" | "chance" | "chances" | "moment" | "initiative" | "momentum"
            )
        };
        if any_form(s, i, &["seize"])
            && (s.kids(i, &["obj"]).any(chance)
                || (rel_is(s.words[i].deprel, "acl") && s.words[i].head.is_some_and(chance)))
        {
            return Some("'seize' an opportunity is an idiom".into());
        }
        // "the US should demonstrate that ...": a country (not its people) that demonstrates
        // shows something; it does not rally
        if any_form(s, i, &["demonstrate"])
            && let Some((n, false)) = self.subject(s, i, 0)
            && s.actor[n].as_ref().is_some_and(|a| a.label == Some(dyad_core::EntityLabel::Gpe))
        {
            return Some("a country that demonstrates shows something".into());
        }
        // "the so-called referendums" name something; nobody calls anyone
        if s.words[i].lower == "called"
            && i >= 1
            && (s.words[i - 1].lower == "so" || (i >= 2 && s.words[i - 1].lower == "-" && s.words[i - 2].lower == "so"))
        {
            return Some("'so-called' is an adjective".into());
        }
        // "pull fuel tanks and field hospitals closer to Ukraine's border": what is moved closer
        // is no retreat
        if p.code == "0874"
            && window(s, i + 1, 10)
                .take_while(|&k| !matches!(s.words[k].lower.as_ref(), "," | ";" | "."))
                .any(|k| matches!(s.words[k].lower.as_ref(), "closer" | "nearer"))
        {
            return Some("moved closer, not back".into());
        }
        // "She called the Iranian attack unprecedented", misparsed: an act is nobody to call
        if !p.noun
            && p.code == "041"
            && s.kids(i, &["obj"]).any(|o| s.actor[o].is_none() && self.names_an_event(s, o, |_| true))
        {
            return Some("the object is an act, not someone to call".into());
        }
        // "if Putin learns that ..., we will pay a much higher price": a price the speaker's own
        // side pays is a fear, not a threat
        if p.cond
            && p.noun
            && let Some(h) = s.words[i].head.filter(|_| s.words[i].deprel == "obj")
            && s.kids(h, &["nsubj"]).any(|n| first_person(s, n))
        {
            return Some("the speaker's own side bears the consequence".into());
        }
        // "called the strikes an act of barbarism" is no called strike
        if p.noun
            && p.gov.is_some()
            && let Some(h) = s.words[i].head.filter(|&h| names_something(s, h))
        {
            return Some(format!("'{}' names or describes its object here", s.words[h].lower));
        }
        // "called out Moscow", "backed down": a particle the pattern does not name makes
        // another verb
        if !p.noun
            && p.prt.is_none()
            && let Some(k) = s.kids(i, &["compound:prt"]).next()
        {
            return Some(format!("particle '{}' makes another verb", s.words[k].lower));
        }
        if let Some(not) = &p.not_obj
            && s.kids(i, &["obj"]).any(|o| s.is_form(o, not) || s.actor[o].as_ref().is_some_and(|a| a.is_place()))
        {
            return Some(format!("object is one of {} or a place", not.join("|")));
        }
        // "denied the reports", "denied that ...", not "denied Kyiv long-range missiles" nor
        // "the relations were denied by the war": what is denied must be a claim
        if let Some(what) = &p.what {
            let claim = |k: usize| {
                let k = s.through_quantifier(k);
                // (or an event itself: "denied any aggression", "denied stealing grain")
                let event_noun = self.names_an_event(s, k, |_| true);
                s.is_form(k, what)
                    || (matches!(s.words[k].upos, "PRON" | "VERB") && s.actor[k].is_none())
                    || (event_noun && s.actor[k].is_none())
            };
            if s.kids(i, &["iobj"]).next().is_some() {
                return Some("a recipient ('deny X something') makes another sense".into());
            }
            if let Some(o) = s.kids(i, &["obj"]).find(|&o| !claim(o)) {
                return Some(format!("what is denied, '{}', is no claim", s.words[o].lower));
            }
            if let Some(n) = s.kids(i, &["nsubj:pass"]).find(|&n| !claim(n)) {
                return Some(format!("what is denied, '{}', is no claim", s.words[n].lower));
            }
        }
        // (a veto, so that the word window cannot stand in for it)
        // ("six persons were picked up": an arrest with nobody named is the police's, as
        // `unnamed_police` gives)
        let unnamed_arrest = p.code == "173" && is_passive(s, i) && !has_by_phrase(s, i);
        if let Some(set) = &p.agent
            && !p.noun
            && !unnamed_arrest
            && !self.doer_fits(s, i, set)
        {
            return Some(format!("the doer is not one of {}", set.join("|")));
        }
        // (the parser may read the phrase as an infinitive: "held to account")
        if let Some(no) = &p.no_preps
            && std::iter::once(i).chain(s.kids(i, &["obj"])).any(|h| {
                s.kids(h, &["obl", "advcl", "nmod"]).any(|o| no.contains(&s.case_of(o)))
                    || s.kids(h, &["xcomp"])
                        .any(|x| s.kids(x, &["mark"]).any(|m| no.iter().any(|n| *n == s.words[m].lower.as_ref())))
            })
        {
            return Some(format!("a '{}' phrase makes another sense", no.join("|")));
        }
        None
    }

    /// Parse-based matching.
    fn matches_parse(&self, s: &Sent, i: usize, p: &Pattern) -> Result<usize, String> {
        let w = &s.words[i];
        let head_ok = |set: &Vec<String>, k: usize| s.is_form(k, set);
        if p.no_obj && s.kids(i, &["obj", "ccomp", "xcomp"]).next().is_some() {
            return Err("the pattern wants no object or clause".into());
        }
        if p.no_comp && s.kids(i, &["ccomp", "xcomp"]).next().is_some() {
            return Err("the pattern wants no complement".into());
        }
        if let Some(obj) = &p.obj {
            // (of two objects, "send Ukraine fresh aid" read as two, the one the pattern names)
            // (and their conjuncts: "defied the rain and a police ban", "sent food and weapons")
            let objects: Vec<usize> = s
                .kids(i, &["obj", "nsubj:pass"])
                .flat_map(|o| std::iter::once(o).chain(s.kids(o, &["conj"])))
                .map(|o| s.through_quantifier(o))
                .collect();
            let named = |o: usize| head_ok(obj, o) || s.kids(o, &["compound"]).any(|c| head_ok(obj, c));
            let o = objects.iter().copied().find(|&o| named(o)).or(objects.first().copied());
            match o {
                // "the alert level": a compound names the object as well as its head
                Some(o) if head_ok(obj, o) || s.kids(o, &["compound"]).any(|c| head_ok(obj, c)) => {}
                // "struck Kyiv", "hit Russian positions": `@actor` accepts an object that names one,
                // `@place` one that is a named place ("targeted Kyiv", not "targeted Russian banks")
                // ("invited Florida Governor Ron DeSantis": a title's actor names its holder)
                Some(o)
                    if obj.iter().any(|w| w == "@actor")
                        && (names_actor(s, o) || s.kids(o, &["nmod:desc", "appos"]).any(|k| names_actor(s, k))) => {}
                Some(o)
                    if obj.iter().any(|w| w == "@place") && s.actor[o].as_ref().is_some_and(ActorRef::names_place) => {}
                Some(o) => return Err(format!("object '{}' is not one of {}", s.words[o].lower, obj.join(","))),
                None => return Err("no object".into()),
            }
        }
        for (prep, u) in &p.preps {
            if let PrepUse::Require(set) = u {
                // the trigger's phrases, and its object's ("lifted restrictions on the internet")
                let mut phrases: Vec<usize> = s.kids(i, &["obl", "nmod", "advcl", "xcomp"]).collect();
                if !p.noun {
                    for o in s.kids(i, &["obj"]).collect::<Vec<_>>() {
                        phrases.extend(s.kids(o, &["nmod"]));
                    }
                }
                let found = phrases.into_iter().any(|o| {
                    let o2 = if markers::is_quantifier(&s.words[o].lower) {
                        s.kids(o, &["nmod", "obl"]).next().unwrap_or(o)
                    } else {
                        o
                    };
                    // "on Sunday" is a time, not the phrase a pattern asks for
                    let any = set.iter().any(|w| w == "*");
                    // (a clause's "when" stands for a preposition: "died when police fired")
                    let marked = prep == "when"
                        && s.words[o].deprel == "advcl"
                        && s.kids(o, &["mark", "advmod"]).any(|m| s.words[m].lower == "when");
                    (s.case_of(o) == *prep || s.case_of(o).split(' ').any(|c| c == prep) || marked)
                        && (head_ok(set, o) || head_ok(set, o2))
                        && !(any && s.is_time(o))
                });
                if !found {
                    return Err(format!("no '{prep} {}' phrase", set.join("|")));
                }
            }
        }
        if let Some(prt) = &p.prt
            && !s.kids(i, &["compound:prt", "advmod", "obl"]).any(|c| head_ok(prt, c) || prt.contains(&s.case_of(c)))
        {
            return Err(format!("no particle {}", prt.join("|")));
        }
        // (`x=step_down`: the complement verb with its particle; `x=*`: any verb with "to",
        // "asked Serbia to recognise", not "asked about the war" or "asked if")
        let comp_fits = |set: &Vec<String>, c: usize| {
            set.iter().any(|e| match e.split_once('_') {
                _ if e == "*" => s.kids(c, &["mark"]).any(|m| s.words[m].lower == "to"),
                Some((verb, prt)) => {
                    forms(s, c).iter().any(|f| f == verb)
                        && s.kids(c, &["compound:prt", "advmod"]).any(|k| s.words[k].lower == prt)
                }
                None => forms(s, c).iter().any(|f| f == e),
            })
        };
        if let Some(comp) = &p.comp
            && !s.complements(i).into_iter().any(|c| comp_fits(comp, c))
        {
            return Err(format!("no complement {}", comp.join("|")));
        }
        if let Some(set) = &p.comp_obj {
            let found = s
                .complements(i)
                .into_iter()
                .filter(|&c| p.comp.as_ref().is_none_or(|comp| comp_fits(comp, c)))
                .flat_map(|c| s.kids(c, &["obj", "nsubj:pass"]).map(|o| s.through_quantifier(o)).collect::<Vec<_>>())
                .any(|o| head_ok(set, o) || s.kids(o, &["amod", "compound"]).any(|m| head_ok(set, m)));
            if !found {
                return Err(format!("no complement object {}", set.join("|")));
            }
        }
        if let Some(aim) = &p.aim {
            let mut at = vec![i];
            if p.noun
                && let Some(h) = w.head
                && is_verb(s.words[h].upos)
            {
                at.push(h);
            }
            if !at.iter().any(|&k| s.goals(k).into_iter().any(|g| head_ok(aim, g))) {
                return Err(format!("no goal {}", aim.join("|")));
            }
        }
        if let Some(mods) = &p.mods {
            let ok = if p.noun {
                s.kids(i, &["amod", "compound", "nmod"]).any(|c| head_ok(mods, c))
            } else {
                // a verb: modifiers of its object (two levels down) or of a required oblique
                let mut heads: Vec<usize> =
                    s.kids(i, &["obj", "nsubj:pass"]).map(|o| s.through_quantifier(o)).collect();
                let mut direct: Vec<usize> = Vec::new();
                // a required phrase the parser hung on the object ("killed three commanders in
                // an air strike" with "in an air strike" on "commanders")
                let mut phrases: Vec<usize> = s.kids(i, &["obl", "nmod"]).collect();
                for o in s.kids(i, &["obj"]).collect::<Vec<_>>() {
                    phrases.extend(s.kids(o, &["nmod"]));
                }
                for o in phrases {
                    let case = s.case_of(o);
                    if p.preps.iter().any(|(prep, u)| matches!(u, PrepUse::Require(_)) && case == *prep) {
                        heads.push(o);
                    } else if case == "for" {
                        // "rejected the request of X for a loan" with "for a loan" on the verb
                        direct.push(o);
                    }
                }
                // "of", "for" and "to" phrases say what the noun is ("the lifting of the curfew",
                // "a request for jets", "an end to the protests"); "from", "in", "by" do not
                let mods_of = |h: usize| -> Vec<usize> {
                    s.kids(h, &["amod", "compound", "nmod"])
                        .filter(|&c| match s.words[c].deprel {
                            "nmod:poss" => false,
                            r if rel_is(r, "nmod") => matches!(s.case_of(c).as_str(), "of" | "for" | "to"),
                            _ => true,
                        })
                        .collect()
                };
                let deep = |c: usize| head_ok(mods, c) || mods_of(c).into_iter().any(|g| head_ok(mods, g));
                heads.iter().any(|&h| mods_of(h).into_iter().any(deep)) || direct.into_iter().any(deep)
            };
            if !ok {
                return Err(format!("no modifier {}", mods.join("|")));
            }
        }
        let mut clause = i;
        if p.noun {
            if let Some(h) = w.head
                && (matches!(w.deprel, "obj" | "nsubj:pass")
                    || (rel_is(w.deprel, "obl") && is_verb(s.words[h].upos))
                    || rel_is(w.deprel, "nsubj"))
            {
                clause = h;
            }
            if let Some(gov) = &p.gov {
                match w.head {
                    Some(h) if (w.deprel == "obj" || rel_is(w.deprel, "obl")) && head_ok(gov, h) => {}
                    // "400 arrests have been made": the subject of the passive, for arrests only,
                    // whose maker nobody named is the police (`unnamed_police`); other passives
                    // ("meetings were held") would take a source from the word window. Not "his
                    // arrest was made possible".
                    Some(h)
                        if w.deprel == "nsubj:pass"
                            && p.code == "173"
                            && head_ok(gov, h)
                            && s.kids(h, &["xcomp", "ccomp"]).next().is_none() => {}
                    _ => return Err(format!("not the object of {}", gov.join("|"))),
                }
            }
            if let Some(pred) = &p.pred {
                let ok = w.head.is_some_and(|h| {
                    rel_is(w.deprel, "nsubj")
                        && (head_ok(pred, h) || s.kids(h, &["xcomp", "acomp", "obj"]).any(|c| head_ok(pred, c)))
                });
                if !ok {
                    return Err(format!("not the subject of {}", pred.join("|")));
                }
            }
        }
        if p.cond && !s.conditional {
            return Err("no condition in the sentence".into());
        }
        if p.cond {
            let v = if p.noun { clause } else { i };
            let has_modal =
                s.kids(v, &["aux"]).any(|a| matches!(s.words[a].lower.as_ref(), "would" | "will" | "'ll" | "'d"));
            if !has_modal {
                return Err("the consequence has no 'would' or 'will'".into());
            }
            // "when the costs of the war change voters' minds": a consequence that acts on
            // something of its own is a cause the sentence describes, not a threat; nor is a
            // noun inside the condition itself
            if p.noun && rel_is(w.deprel, "nsubj") && s.kids(clause, &["obj"]).next().is_some() {
                return Err("the consequence is the subject of a transitive verb".into());
            }
            if s.condition_clause().is_some_and(|(a, b)| a <= i && i < b) {
                return Err("the consequence lies inside the condition".into());
            }
        }
        Ok(clause)
    }

    /// Is the doer of `clause` (its subject, or a passive's "by" phrase) one of `set` ("Russian
    /// missiles struck", not "sanctions hit")? `@actor` in the set admits an actor or a
    /// pronoun, and a clause whose doer the parse does not give (the source search decides).
    fn doer_fits(&self, s: &Sent, clause: usize, set: &[String]) -> bool {
        let any_actor = set.iter().any(|w| w == "@actor");
        let fits = |n: usize| {
            let n = s.through_quantifier(n);
            (any_actor && (s.actor[n].is_some() || s.words[n].upos == "PRON"))
                || s.is_form(n, set)
                || s.kids(n, &["compound"]).any(|c| s.is_form(c, set))
        };
        let w = &s.words[clause];
        match self.subject(s, clause, 0) {
            Some((n, false)) => fits(n),
            // "sanctions hitting Russian interests": a participle's doer is the noun it modifies
            None if rel_is(w.deprel, "acl") && w.lower.ends_with("ing") => w.head.is_some_and(fits),
            Some((_, true)) => {
                let mut by = s.kids(clause, &["obl"]).filter(|&o| s.case_of(o) == "by").peekable();
                if by.peek().is_none() { any_actor } else { by.all(fits) }
            }
            None => any_actor,
        }
    }

    /// Token-window matching when there is no parse.
    fn matches_window(&self, s: &Sent, i: usize, p: &Pattern) -> Result<(), String> {
        let right = |set: &Vec<String>, n: usize| window(s, i + 1, n).any(|k| s.is_form(k, set));
        // ("for" is often tagged SCONJ)
        let next_is_prep = s.words.get(i + 1).is_some_and(|w| matches!(w.upos, "ADP" | "SCONJ"));
        // (with tags, any object starts a noun phrase: "returning home" has none)
        let no_phrase_next = s.parsed
            && s.words.get(i + 1).is_none_or(|w| !matches!(w.upos, "DET" | "NOUN" | "PROPN" | "PRON" | "NUM" | "ADJ"));
        // `@actor`, `@place`: the phrase right after the trigger, before any preposition or
        // punctuation, names one ("called Putin", not "called for talks with Putin")
        let named_right = |set: &Vec<String>| {
            let (actor, place) = (set.iter().any(|w| w == "@actor"), set.iter().any(|w| w == "@place"));
            window(s, i + 1, 5)
                .take_while(|&k| !matches!(s.words[k].upos, "ADP" | "SCONJ" | "PUNCT" | "VERB"))
                .any(|k| s.actor[k].as_ref().is_some_and(|a| actor || (place && a.names_place())))
        };
        // (an agent phrase holds no object: "a rally held by protesters")
        let object_right = |set: &Vec<String>| {
            window(s, i + 1, 5).take_while(|&k| s.words[k].lower != "by").any(|k| s.is_form(k, set))
        };
        if let Some(obj) = &p.obj
            && ((!object_right(obj) && !named_right(obj))
                || (obj.iter().any(|o| o == "*") && (next_is_prep || no_phrase_next)))
        {
            return Err(format!("no {} within five words", obj.join("|")));
        }
        for (prep, u) in &p.preps {
            if let PrepUse::Require(set) = u {
                let any = set.iter().any(|w| w == "*");
                // a phrase of any head must follow closely; a named head may be further away
                let at = window(s, i + 1, if any { 4 } else { 8 }).find(|&k| s.words[k].lower == *prep);
                // "on=*": the phrase's first word after any determiner, and not a time ("on Sunday")
                let first =
                    |k: usize| window(s, k + 1, 3).find(|&j| !matches!(s.words[j].lower.as_ref(), "the" | "a" | "an"));
                let ok = at.is_some_and(|k| {
                    if any {
                        first(k).is_some_and(|j| s.words[j].upos != "PUNCT" && !s.is_time(j))
                    } else {
                        window(s, k + 1, 5).any(|j| s.is_form(j, set))
                    }
                });
                if !ok {
                    return Err(format!("no '{prep} {}' close enough", set.join("|")));
                }
            }
        }
        if let Some(prt) = &p.prt
            && !right(prt, 6)
        {
            return Err(format!("no particle {}", prt.join("|")));
        }
        if p.no_obj
            && s.words.get(i + 1).is_some_and(|n| {
                !matches!(
                    n.lower.as_ref(),
                    "," | "." | ";" | "in" | "on" | "at" | "against" | "outside" | "near" | "for" | "over" | "across"
                )
            })
        {
            return Err("the pattern wants no object".into());
        }
        // (`x=*`: a "to" and its verb, with no preposition before it: "asked China to provide",
        // not "asked about his refusal to hold talks")
        let infinitive = || {
            window(s, i + 1, 5)
                .take_while(|&k| !matches!(s.words[k].upos, "ADP" | "SCONJ" | "PUNCT"))
                .any(|k| s.words[k].lower == "to" && s.words.get(k + 1).is_some_and(|n| is_verb(n.upos)))
        };
        if let Some(comp) = &p.comp
            && !(if p.any_complement() { infinitive() } else { right(comp, 3) })
        {
            return Err(format!("no complement {}", comp.join("|")));
        }
        if let Some(set) = &p.comp_obj
            && !right(set, 8)
        {
            return Err(format!("no complement object {} within eight words", set.join("|")));
        }
        if let Some(set) = &p.aim
            && !right(set, 12)
        {
            return Err(format!("no goal {} within twelve words", set.join("|")));
        }
        let left = |set: &Vec<String>, n: usize| (i.saturating_sub(n)..i).any(|k| s.is_form(k, set));
        if let Some(m) = &p.mods
            && !(if p.noun { left(m, 3) } else { right(m, 5) })
        {
            return Err(format!("no modifier {}", m.join("|")));
        }
        if let Some(g) = &p.gov
            && !left(g, 10)
        {
            return Err(format!("no governing {}", g.join("|")));
        }
        if let Some(pr) = &p.pred
            && !right(pr, 6)
        {
            return Err(format!("no predicate {}", pr.join("|")));
        }
        if p.cond && !s.conditional {
            return Err("no condition in the sentence".into());
        }
        if p.cond
            && !(i.saturating_sub(12)..i).any(|k| matches!(s.words[k].lower.as_ref(), "would" | "will" | "'ll" | "'d"))
        {
            return Err("the consequence has no 'would' or 'will'".into());
        }
        Ok(())
    }

    /// Triggers of the sentence: for each word, the most specific matching pattern.
    fn candidates<'p>(&'p self, s: &Sent, trace: &mut Trace) -> Vec<Cand<'p>> {
        let mut out = Vec::new();
        let mut consumed = vec![false; s.words.len()];
        for i in 0..s.words.len() {
            // "so-called", "self-defence", "non-aggression": the prefix makes it no event
            if let Some((pre, _)) = s.words[i].lower.split_once('-')
                && matches!(pre, "so" | "self" | "non" | "well" | "ill" | "once" | "anti")
            {
                continue;
            }
            let mut ids: Vec<usize> = Vec::new();
            for f in forms(s, i) {
                if let Some(v) = self.by_lemma.get(f) {
                    ids.extend(v.iter().copied());
                }
            }
            ids.sort_unstable();
            ids.dedup();
            if ids.is_empty() {
                continue;
            }
            // ("lathi-charge" is no "charge": a lemma matched by the hyphenated whole wins)
            let whole = s.joined(i).map(|j| super::lemma::candidates_of(&j));
            let by_whole = |p: &Pattern| whole.as_ref().is_some_and(|w| p.lemmas.iter().any(|l| w.contains(l)));
            let mut best: Option<(usize, &Pattern)> = None;
            for id in ids {
                let p = &self.patterns[id];
                match self.matches(s, i, p) {
                    Ok(clause) => {
                        trace.note(|| format!("  '{}' fits {}", s.words[i].lower, p.describe()));
                        // the hyphenated whole's pattern wins; then the more specific pattern;
                        // at equal specificity, the one with fewer wildcards ("obj=property" over
                        // "obj=*"), then the finer code (a sub-code over its parent), then the first
                        let key = |p: &Pattern| {
                            (by_whole(p), p.specificity(), std::cmp::Reverse(p.wildcards()), p.code.len())
                        };
                        if best.is_none_or(|(_, b)| key(p) > key(b)) {
                            best = Some((clause, p));
                        }
                    }
                    Err(why) => trace.note(|| format!("  '{}' rejects {}: {why}", s.words[i].lower, p.describe())),
                }
            }
            if let Some((clause, p)) = best {
                out.push(Cand { word: i, pattern: p, clause });
            }
        }
        // A noun that is the required object of a verb trigger belongs to that verb's event.
        for c in &out {
            if !c.pattern.noun && c.pattern.obj.is_some() {
                for o in s.kids(c.word, &["obj", "nsubj:pass"]) {
                    consumed[o] = true;
                }
            }
        }
        out.retain(|c| {
            let keep = !(c.pattern.noun && consumed[c.word]);
            if !keep {
                trace.note(|| format!("  '{}' is the object of a verb trigger: coded there", s.words[c.word].lower));
            }
            keep
        });
        out
    }

    /// Subject of verb `v`: its own, a coordinated verb's, a controller's, or the noun a
    /// relative clause modifies. Returns (word, passive).
    fn subject(&self, s: &Sent, v: usize, depth: usize) -> Option<(usize, bool)> {
        if depth > 6 {
            return None;
        }
        // Several subjects (a dateline parsed as one): the nearest to the verb. A date or a
        // dateline parsed as the subject, with the real one in apposition, gives way to it;
        // without one it is no subject ("lawmakers Tuesday endorsed").
        let not_agent = |n: usize| s.is_time(n) || s.is_dateline(n);
        let subjects: Vec<usize> = s
            .kids(v, &["nsubj", "csubj"])
            .map(|n| if not_agent(n) { s.kids(n, &["appos"]).next().unwrap_or(n) } else { n })
            .filter(|&n| !not_agent(n))
            .collect();
        // (of several, one that names an actor before one that names none: "the deputy head of
        // the Chinese ministry Le Yucheng blamed", "Azerbaijani artillery hit" read as two)
        let names_none = |n: usize| s.actors_in(n, 2).is_empty() && s.words[n].upos != "PRON";
        if let Some(n) = subjects.into_iter().min_by_key(|&n| (names_none(n), n.abs_diff(v))) {
            let passive = s.words[n].deprel.ends_with(":pass") || adjectival_passive(s, v) || headline_agent(s, v);
            if markers::is_relative(&s.words[n].lower)
                && let Some(h) = s.words[v].head
            {
                // ("relations between the US and China, which has refused": the name right
                // before the relative pronoun, wherever the parser hung the clause)
                let before = n.checked_sub(if n >= 2 && s.words[n - 1].lower == "," { 2 } else { 1 });
                if let Some(b) = before.filter(|&b| b != h && s.actor[b].as_ref().is_some_and(|a| a.code.is_some())) {
                    return Some((b, passive));
                }
                return Some((h, passive));
            }
            return Some((n, passive));
        }
        // "Donbas, occupied by Russia" read as a conjunct: a participle with an agent phrase
        // and no subject or auxiliary of its own is a passive of the noun before its comma
        if s.words[v].xpos == "VBN"
            && v >= 2
            && s.words[v - 1].lower == ","
            && is_noun(s.words[v - 2].upos)
            && s.kids(v, &["obl:agent"]).next().is_some()
            && s.kids(v, &["aux", "aux:pass"]).next().is_none()
        {
            return Some((v - 2, true));
        }
        let h = s.words[v].head?;
        // "called on Russia to withdraw", "appealed to Moscow to halt": the one called on is
        // the controller of the infinitive, not the caller (and "called for Russia to")
        if matches!(s.words[v].deprel, "xcomp" | "advcl")
            && s.kids(v, &["mark"]).any(|m| s.words[m].lower == "to")
            && let Some(o) = s.kids(h, &["obl"]).find(|&o| {
                o > h
                    && o < v
                    && match s.case_of(o).as_str() {
                        "on" | "upon" => any_form(s, h, markers::CALL_ON),
                        "to" => any_form(s, h, &["appeal"]),
                        // "called for Russia to return the children": the subject of a
                        // "for ... to" infinitive is the noun right before its "to"
                        "for" => s.kids(v, &["mark"]).any(|m| m == o + 1 && s.words[m].lower == "to"),
                        _ => false,
                    }
            })
        {
            return Some((o, false));
        }
        // "prevented the West from helping Ukraine", "barred Russia from taking part": the
        // object is the one kept from acting; "provoked Ukraine into attacking", the one made to;
        // "warned Israel against providing arms", the one warned
        if matches!(s.words[v].deprel, "xcomp" | "advcl")
            && s.kids(v, &["mark"]).any(|m| match s.words[m].lower.as_ref() {
                "from" | "into" => true,
                "against" => any_form(s, h, &["warn", "caution", "advise"]),
                _ => false,
            })
            && let Some(o) = s.kids(h, &["obj"]).find(|&o| o > h && o < v)
        {
            return Some((o, false));
        }
        // "thanked Poland for helping", "sanctioned Iran for helping Russia", "lashing out at the
        // United States for supplying weapons": whom a verb thanks, blames or punishes for doing
        // something did it
        if s.words[v].deprel == "advcl"
            && s.words[v].xpos == "VBG"
            && s.kids(v, &["mark"]).any(|m| s.words[m].lower == "for")
            && let Some(o) = s.kids(h, &["obj", "obl"]).find(|&o| {
                o > h
                    && o < v
                    && !s.actors_in(o, 2).is_empty()
                    && (s.words[o].deprel == "obj" || matches!(s.case_of(o).as_str(), "at" | "with"))
            })
        {
            return Some((o, false));
        }
        // "responded to the presence surrounding Ukraine by deploying troops", with the means
        // hung on the participle: a means is of the clause's doer, not of what the participle
        // describes
        if s.words[v].deprel == "advcl"
            && s.words[v].xpos == "VBG"
            && s.kids(v, &["mark"]).any(|m| s.words[m].lower == "by")
            && s.words[h].deprel == "acl"
            && matches!(s.words[h].xpos, "VBG" | "VBN")
            && let Some(g) = s.words[h].head.and_then(|n| s.words[n].head).filter(|&g| is_verb(s.words[g].upos))
        {
            return self.subject(s, g, depth + 1);
        }
        // "agreed with Russia launching the attack", "prepared for Russia potentially striking":
        // a gerund right after an oblique noun (adverbs aside) has that noun for its subject
        if matches!(s.words[v].deprel, "xcomp" | "advcl")
            && s.words[v].lower.ends_with("ing")
            && let Some(o) = s
                .kids(h, &["obl"])
                .find(|&o| o < v && (o + 1..v).all(|k| s.words[k].upos == "ADV") && is_noun(s.words[o].upos))
        {
            return Some((o, false));
        }
        match s.words[v].deprel {
            // "X said that the troops were advancing and urged leaders to act": a speech act
            // coordinated into a reported that-clause is the speaker's own (the parser often
            // hangs it there), so it takes the speaker, not the reported clause's subject
            "conj" => {
                let speech_act = any_form(s, v, SPEECH) || any_form(s, v, markers::DEMANDING);
                let g = speech_act.then(|| reporting_verb(s, h)).flatten();
                // the voice is the conjunct's own ("was reckless ... and was condemned by X"),
                // or shared by a bare participle ("was stopped and arrested")
                let bare_participle = s.words[v].xpos == "VBN" && s.kids(v, &["aux"]).next().is_none();
                self.subject(s, g.unwrap_or(h), depth + 1)
                    .map(|(n, passive)| (n, is_passive(s, v) || (passive && bare_participle)))
            }
            // "foiled an attempt to kill X", "a Russian plot to assassinate Y": the infinitive of
            // a noun is done by the noun's agent (its possessor or demonym), not by the clause's
            // subject; the noun stands for it when it names none
            // (the parser may read the noun as an adjective with an xcomp: "Ukraine's right to")
            "acl" | "xcomp"
                if !is_verb(s.words[h].upos)
                    && !s.words[h].lower.ends_with("ing")
                    && s.kids(v, &["mark"]).any(|m| s.words[m].lower == "to")
                    && any_form(s, h, markers::ATTEMPT_NOUNS) =>
            {
                // (its possessor or demonym, or an "of" phrase: "the refusal of Yanukovych to sign")
                let of = |k: usize| s.words[k].deprel == "nmod" && s.case_of(k) == "of";
                if let Some(k) = s
                    .kids(h, &["nmod:poss", "amod", "nmod"])
                    .find(|&k| s.actor[k].is_some() && (s.words[k].deprel != "nmod" || of(k)))
                {
                    return Some((k, false));
                }
                // "made another attempt to reach a deal": the light verb's subject tries (not
                // "blocked efforts to condemn X": those are someone else's)
                // ("declared his readiness to send troops": a possessive pronoun is the subject's)
                let own = s.kids(h, &["nmod:poss"]).find(|&k| s.words[k].upos == "PRON");
                match (s.words[h].deprel, s.words[h].head) {
                    ("obj", Some(g)) if own.is_some() || any_form(s, g, markers::LIGHT_TRY) => {
                        self.subject(s, g, depth + 1).map(|(n, _)| (n, false))
                    }
                    // ("asked about his refusal to hold talks": a pronoun the actors stage did
                    // not resolve leaves the subject to the speaker or the source window)
                    _ if own.is_some() => None,
                    _ => Some((h, false)),
                }
            }
            "xcomp" => {
                // "urged Moscow to withdraw", "asked Germany to send": the object controls;
                // else the subject does, as after "promised Kyiv to send".
                // (an object left of the verb is a relative pronoun or a misparse, no controller)
                // ("had no plans to meet X" read with the infinitive on "had": a plan is no controller)
                if !any_form(s, h, markers::SUBJECT_CONTROL)
                    && let Some(o) = s.kids(h, &["obj", "iobj"]).find(|&o| {
                        o > h && !markers::is_relative(&s.words[o].lower) && !any_form(s, o, markers::ATTEMPT_NOUNS)
                    })
                {
                    Some((o, false))
                } else {
                    self.subject(s, h, depth + 1).map(|(n, _)| (n, false))
                }
            }
            // "held talks ..., offering support", "to discuss", "after meeting X": an adverbial
            // clause without a subject of its own shares its head's
            // (a passive's subject does what an adverbial clause says, "accused of helping
            // Moscow", "arrested after attacking police"; not its purpose, "was designed to
            // underline": that is the hidden agent's)
            "advcl" => {
                let purpose = s.kids(v, &["mark"]).any(|m| s.words[m].lower == "to");
                // "urged the EU to resume talks" with the infinitive read as a purpose: whom
                // an appeal is made to controls it, as in the xcomp reading
                if purpose
                    && any_form(s, h, markers::OBJECT_CONTROL)
                    && let Some(o) =
                        s.kids(h, &["obj", "iobj"]).find(|&o| o > h && o < v && !s.actors_in(o, 2).is_empty())
                {
                    return Some((o, false));
                }
                self.subject(s, h, depth + 1).map(|(n, passive)| (n, passive && purpose))
            }
            "acl" if reduced_relative(s, v) => Some((h, true)),
            // "police firing in Surat", "Russian soldiers returning home": an active participle
            // right after an actor's noun is that actor's doing (not "countries helping
            // Ukraine", "the intention of attacking")
            "acl"
                if s.words[v].xpos == "VBG" && h + 1 == v && s.actor[h].as_ref().is_some_and(|a| a.code.is_some()) =>
            {
                Some((h, false))
            }
            // "The Georgian opposition promised ...", parsed as a phrase whose root is the noun:
            // the noun is the subject
            "acl" if s.words[h].deprel == "root" && is_noun(s.words[h].upos) && h < v => Some((h, false)),
            _ => None,
        }
    }

    /// The speaker of the speech verb governing clause `v` ("X made clear that ..."), if any.
    fn speaker(&self, s: &Sent, v: usize) -> Vec<ActorRef> {
        let mut n = v;
        for _ in 0..4 {
            let Some(h) = s.words[n].head else { break };
            if matches!(s.words[n].deprel, "ccomp" | "parataxis" | "xcomp" | "conj")
                && (any_form(s, h, SPEECH) || any_form(s, h, &["make", "warn", "reiterate"]))
                && let Some((subj, _)) = self.subject(s, h, 0)
            {
                let a = s.actors_in(subj, 2);
                if !a.is_empty() {
                    return a;
                }
            }
            n = h;
        }
        Vec::new()
    }

    /// Sources and targets of a candidate, with notes.
    fn arguments(
        &self,
        s: &Sent,
        c: &Cand,
        attribution: Option<&Speech>,
        reporters: &[Span],
        prev: &[ActorRef],
        trace: &mut Trace,
    ) -> (Vec<ActorRef>, Vec<ActorRef>, bool) {
        let p = c.pattern;
        let i = c.word;
        let mut sources = Vec::new();
        let mut targets = Vec::new();
        let mut used_window = false;
        let mut agentless = false;
        // The parsed subject of the trigger's clause (active voice): when the parse names one,
        // no other word of the sentence may stand in for it.
        let mut parse_subject: Option<usize> = None;
        // The clause's subject as parsed, an unresolved pronoun too ("it signals a readiness").
        let mut clause_subject: Option<usize> = None;
        if s.parsed {
            let mut target_words: Vec<usize> = Vec::new();
            let obliques = |k: usize| s.kids(k, &["obl", "nmod", "advcl"]).collect::<Vec<_>>();
            for o in obliques(i) {
                let case = s.case_of(o);
                for (prep, u) in &p.preps {
                    let hit = case == *prep || case.split(' ').any(|w| w == prep);
                    // ("fight together with the Russians": beside them, not against them)
                    let companion = case.starts_with("together ") || case.starts_with("along ");
                    match u {
                        PrepUse::Target if hit && !companion => target_words.push(o),
                        PrepUse::Source if hit => sources.extend(s.actors_in(o, 2)),
                        _ => {}
                    }
                }
                // ("fighting between rebels and troops": a gerund names the act as a noun does)
                if (p.noun || s.words[i].xpos == "VBG") && case == "between" {
                    let both = s.actors_in(o, 2);
                    if both.len() >= 2 {
                        sources.push(both[0].clone());
                        targets.push(both[1].clone());
                    }
                }
            }
            // A phrase the pattern names, hung by the parser one level down ("deployed troops
            // to Belarus" with "to Belarus" on "troops").
            let wants =
                |u: &PrepUse| p.preps.iter().any(|(_, x)| std::mem::discriminant(x) == std::mem::discriminant(u));
            let (want_t, want_s) = (wants(&PrepUse::Target), wants(&PrepUse::Source));
            if (want_t && target_words.is_empty()) || (want_s && sources.is_empty()) {
                let inner: Vec<usize> = s.kids(i, &["obj", "obl", "nmod"]).collect();
                for h in inner {
                    for o in obliques(h) {
                        let case = s.case_of(o);
                        for (prep, u) in &p.preps {
                            let hit = case == *prep || case.split(' ').any(|w| w == prep);
                            match u {
                                PrepUse::Target if hit && want_t => target_words.push(o),
                                PrepUse::Source if hit && want_s => sources.extend(s.actors_in(o, 2)),
                                _ => {}
                            }
                        }
                    }
                }
            }
            if p.noun {
                for m in s.kids(i, &["nmod:poss", "amod", "compound"]) {
                    if sources.is_empty() {
                        sources.extend(s.actors_in(m, 0));
                    }
                }
                for o in obliques(i) {
                    let case = s.case_of(o);
                    if p.preps.is_empty()
                        && matches!(
                            case.as_str(),
                            "of" | "against" | "on" | "with" | "to" | "toward" | "towards" | "into"
                        )
                    {
                        target_words.push(o);
                    }
                    if case == "by" && sources.is_empty() {
                        sources.extend(s.actors_in(o, 2));
                    }
                }
                // "held talks with Zelensky": the partner's phrase may hang on the verb that
                // governs the noun rather than on the noun.
                if p.preps.is_empty()
                    && s.words[i].deprel == "obj"
                    && let Some(g) = s.words[i].head.filter(|&g| is_verb(s.words[g].upos))
                {
                    target_words.extend(obliques(g).into_iter().filter(|&o| s.case_of(o) == "with"));
                }
                // "the annexation of Crimea by Russia", "the attack on Israel by Hamas" with
                // "by" attached to the target: a name takes no agent of its own
                let holds_target = |o: usize| matches!(s.case_of(o).as_str(), "of" | "on" | "against" | "to");
                for o in obliques(i).into_iter().filter(|&o| holds_target(o)) {
                    for b in obliques(o) {
                        if sources.is_empty() && s.case_of(b) == "by" {
                            sources.extend(s.actors_in(b, 2));
                        }
                    }
                }
                // "refused to condemn the invasion of Ukraine by Russia" with "by" hung on the
                // verb whose object the noun is: an active verb takes no agent phrase, so the
                // one after its object is the noun's
                if sources.is_empty()
                    && rel_is(s.words[i].deprel, "obj")
                    && let Some(g) = s.words[i].head
                    && !is_passive(s, g)
                {
                    for b in obliques(g).into_iter().filter(|&b| b > i && s.case_of(b) == "by") {
                        sources.extend(s.actors_in(b, 2));
                    }
                }
            }
            let w = &s.words[i];
            let reduced = !p.noun && reduced_relative(s, i);
            let (subj, passive) = match self.subject(s, c.clause, 0) {
                _ if reduced => (w.head, true),
                // (a subject the dictionaries know, "the police arrested about 50", acts)
                Some((n, pass)) => (Some(n), pass || (headline_passive(s, c.clause) && s.actor[n].is_none())),
                // ("were released yesterday by Putin", the subject misparsed elsewhere: still a
                // passive, whose "by" phrase names the doer)
                // ("including 30 killed in police firing", the count misparsed: a headline passive
                // whose phrase follows it, with no object but a verb misread as one; not a verb
                // that shares a coordinated verb's subject, "and killed, injured or captured 5,000
                // troops", nor one with an object, "killed at least 25 soldiers")
                None => {
                    let phrase_next = s.words.get(c.clause + 1).is_some_and(|w| w.upos == "ADP")
                        && s.kids(c.clause, &["obj"]).all(|o| is_verb(s.words[o].upos));
                    (
                        None,
                        (is_passive(s, c.clause) && has_by_phrase(s, c.clause))
                            || (phrase_next && headline_passive(s, c.clause)),
                    )
                }
            };
            let noun_subject = p.noun && c.clause != i && rel_is(s.words[i].deprel, "nsubj");
            // "helped prevent future attacks on Israel", "condemned the invasion": the subject
            // of a verb that does not carry out the attack it governs is not its doer
            let onlooker = p.noun
                && matches!(p.code.get(..2), Some("18" | "19" | "20"))
                && p.gov.is_none()
                && c.clause != i
                && rel_is(s.words[i].deprel, "obj")
                && !any_form(s, c.clause, markers::ATTACK_DOING);
            // (a personal pronoun the actors stage left unresolved is no subject to trust or to
            // block: the window does the coreference, "X said they will ...")
            // (nor is the parse's subject of a verb trigger the parser read as a noun, "arrest
            // warrants": its arguments there are the window's)
            clause_subject = subj.filter(|_| !passive);
            parse_subject = clause_subject.filter(|&n| {
                let unresolved_pronoun = s.actor[n].is_none() && personal_pronoun(s, n);
                !unresolved_pronoun && (p.noun || is_verb(s.words[i].upos))
            });
            if p.target_subj {
                // "Ukraine received weapons from Germany": the subject receives.
                if let Some(n) = subj.filter(|_| !passive) {
                    target_words.push(n);
                }
                // "three soldiers died in an Israeli strike": the attack names who acted
                if sources.is_empty() && matches!(p.code.get(..2), Some("18" | "19" | "20")) {
                    sources.extend(attackers(s, c.clause, trace));
                }
                agentless = sources.is_empty();
            } else if onlooker {
                trace.note(|| format!("  '{}' does not carry out the attack: no source", s.words[c.clause].lower));
                agentless = sources.is_empty();
            } else if sources.is_empty() && !noun_subject {
                if passive {
                    for o in obliques(c.clause) {
                        // "killed by the Malaysia Airlines flight crash": an accident has no agent
                        if s.case_of(o) == "by" && !any_form(s, o, markers::ACCIDENT_NOUNS) {
                            sources.extend(s.actors_in(o, 2));
                        }
                    }
                    // "were killed in a Russian missile strike": the attack names who acted
                    if sources.is_empty() && matches!(p.code.get(..2), Some("18" | "19" | "20")) {
                        sources.extend(attackers(s, c.clause, trace));
                    }
                    // "X was condemned" without "by": the source is not named, and no actor
                    // left of the verb (inside its subject) may stand in for it
                    agentless = sources.is_empty() && subj.is_some();
                    if let Some(n) = subj
                        && p.target_obj
                    {
                        target_words.insert(0, n);
                    }
                } else if let Some(agent) = gerund_agent(s, c.clause) {
                    sources = agent;
                } else if let Some(n) = subj {
                    // (the noun of "an attempt to kill" is the agent only as a named actor)
                    let noun_agent = matches!(s.words[c.clause].deprel, "acl" | "xcomp")
                        && s.words[c.clause].head == Some(n)
                        && !is_verb(s.words[n].upos)
                        && !s.words[n].lower.ends_with("ing")
                        && any_form(s, n, markers::ATTEMPT_NOUNS);
                    // ("Russia's invasion helped unite NATO", "the arrest of Putin would help
                    // Ukraine": a hostile act that helps or yields is a cause; whose act it is,
                    // or whom it is done to, gives no aid, unlike "Russian aid helped Syria")
                    let cause = matches!(p.code.get(..2), Some("03" | "04" | "05" | "06" | "07" | "08" | "09"))
                        && s.actor[n].is_none()
                        && is_noun(s.words[n].upos)
                        && self.names_an_event(s, n, |q| q.code.as_str() >= "10");
                    if cause {
                        trace.note(|| format!("  '{}' is an act, not its doer: no source", s.words[n].lower));
                        agentless = true;
                    } else {
                        sources.extend(s.actors_in(n, if noun_agent { 0 } else { 2 }));
                    }
                    // "The US, Russia, and Switzerland met", parsed as two subjects: a subject
                    // right after "and" shares the verb with the subjects before it
                    if n > 0 && matches!(s.words[n - 1].lower.as_ref(), "and" | ",") {
                        for k in s.kids(c.clause, &["nsubj"]).filter(|&k| k < n && !s.is_time(k)).collect::<Vec<_>>() {
                            sources.extend(s.actors_in(k, 2));
                        }
                    }
                }
            }
            // the speaker stands for a subject only when the subject is the speaker ("we will
            // help", said X), not for any subject without an actor ("the move would help")
            if sources.is_empty()
                && (noun_subject
                    || p.pred.is_some()
                    || subj.is_some_and(|n| s.actor[n].is_none() && first_person(s, n)))
            {
                let sp = self.speaker(s, c.clause);
                if !sp.is_empty() {
                    trace.note(|| "  source: the speaker of the governing speech verb".to_string());
                    sources = sp;
                }
            }
            if !p.noun && p.target_obj && !passive {
                target_words.extend(s.kids(i, &["obj", "iobj"]));
                // "killed, injured or captured 5,000 troops": coordinated verbs share the
                // object of the last one
                if s.kids(i, &["obj", "iobj", "ccomp", "xcomp"]).next().is_none() {
                    let mut k = i + 1;
                    while k < s.words.len()
                        && (matches!(s.words[k].lower.as_ref(), "," | "and" | "or")
                            || (is_verb(s.words[k].upos) || s.words[k].upos == "ADJ")
                                && s.kids(k, &["obj"]).next().is_none()
                                && s.kids(k, &["nsubj", "aux"]).next().is_none())
                    {
                        k += 1;
                    }
                    if k > i + 1
                        && k < s.words.len()
                        && is_verb(s.words[k].upos)
                        && matches!(s.words[k - 1].lower.as_ref(), "and" | "or")
                        && s.kids(k, &["nsubj", "aux"]).next().is_none()
                    {
                        target_words.extend(s.kids(k, &["obj"]));
                    }
                }
            }
            let target_case = |o: usize| {
                matches!(s.case_of(o).as_str(), "against" | "with" | "to" | "on" | "toward" | "towards" | "into")
            };
            if !p.noun && !p.target_subj && p.preps.iter().all(|(_, u)| !matches!(u, PrepUse::Target)) {
                target_words.extend(obliques(i).into_iter().filter(|&o| target_case(o)));
            }
            // "refused to release the British tanker": the complement's object or phrase
            // (not for a request, `x=*`: "asked creditors to lend to Ukraine" asks the creditors)
            if !p.noun && !p.any_complement() && (p.comp.is_some() || p.comp_obj.is_some()) {
                for c in s.complements(i) {
                    if p.comp.as_ref().is_some_and(|set| !s.is_form(c, set)) {
                        continue;
                    }
                    target_words.extend(s.kids(c, &["obj"]));
                    target_words.extend(obliques(c).into_iter().filter(|&o| target_case(o) || s.case_of(o) == "from"));
                }
            }
            let source_codes: Vec<Option<String>> = sources.iter().map(|a| a.code.clone()).collect();
            for t in target_words {
                // where a meeting or signing took place ("signed an agreement in Istanbul") is
                // no party to it
                let places: Vec<dyad_core::Span> = if p.sym {
                    s.kids(t, &["nmod", "obl"])
                        .filter(|&c| matches!(s.case_of(c).as_str(), "in" | "at" | "near"))
                        .map(|c| s.subtree(c))
                        .collect()
                } else {
                    Vec::new()
                };
                // "rally Western support and outlast Russia": what is given or sought ("support")
                // names its recipient inside its own phrase, not as a name conjoined with it
                let beside: Vec<dyad_core::Span> = if p.obj.as_ref().is_some_and(|set| s.is_form(t, set)) {
                    let names = |c: usize| s.actor[c].is_some() || s.kids(c, &["appos"]).any(|a| s.actor[a].is_some());
                    s.kids(t, &["conj"]).filter(|&c| names(c)).map(|c| s.subtree(c)).collect()
                } else {
                    Vec::new()
                };
                let found: Vec<ActorRef> = s
                    .actors_in(t, 2)
                    .into_iter()
                    .filter(|a| !beside.iter().any(|b| b.start <= a.span.start && a.span.end <= b.end))
                    .filter(|a| !owns_object(s, i, a))
                    .filter(|a| !source_codes.iter().any(|c| same_party(p, c, &a.code)))
                    .filter(|a| !places.iter().any(|pl| pl.start <= a.span.start && a.span.end <= pl.end))
                    .filter(|a| !opposed_party(s, p, i, a))
                    .collect();
                if !found.is_empty() {
                    targets.extend(found);
                    break;
                }
                // "condemned the shelling of Kharkiv by Russian forces": the doer is the target
                if matches!(p.code.get(..2), Some("10" | "11" | "12")) {
                    let doer = hostile_act_agent(s, i, t);
                    if !doer.is_empty() {
                        targets.extend(doer);
                        break;
                    }
                }
            }
        }
        let inside_attr =
            |a: &ActorRef| attribution.is_some_and(|at| at.span.start <= a.span.start && a.span.end <= at.span.end);
        if p.cond {
            // A conditional warning: the speaker threatens the subject of the condition.
            sources.clear();
            targets.clear();
            if let Some(at) = attribution.filter(|at| at.code.is_some()) {
                trace.note(|| format!("  source: the speaker, '{}'", s.doc.slice(at.span)));
                sources.extend(at.as_sources());
            } else if let warner = self.speaker(s, c.clause)
                && !warner.is_empty()
            {
                // "the White House warned that Beijing would bear the consequences if ...": who
                // warns is the subject of the warning verb, not of the consequence
                trace.note(|| "  source: the subject of the warning verb".to_string());
                sources = warner;
            } else if let Some((k, _)) = s.condition_clause() {
                // "Biden warned that if ...": the subject before the condition speaks.
                sources = s.subject_window(k, None, false);
                trace.note(|| "  source: the subject before the condition".to_string());
            }
            // "Beijing would bear the consequences if ...": whoever is to bear them is threatened
            let bearer = (p.noun && c.clause != i)
                .then(|| self.subject(s, c.clause, 0))
                .flatten()
                .map(|(n, _)| s.actors_in(n, 1))
                .and_then(|a| a.into_iter().find(|a| a.code.is_some() && !sources.iter().any(|x| x.code == a.code)));
            if let Some(a) = bearer {
                trace.note(|| format!("  target: who is to bear the consequence, '{}'", s.doc.slice(a.span)));
                targets.push(a);
            } else if let Some(k) = s.words.iter().position(|w| matches!(w.lower.as_ref(), "if" | "unless" | "should"))
                && let Some(a) = s.nearest_actor(k, false, 5, None)
            {
                trace.note(|| format!("  target: the subject of the condition, '{}'", s.doc.slice(a.span)));
                targets.push(a);
            }
            return (sources, targets, true);
        }
        sources.retain(|a| !inside_attr(a) && !a.is_place());
        // who reports the sentence is no target of its events, wherever the parse hung the phrase
        targets.retain(|a| !reporters.iter().any(|r| r.start <= a.span.start && a.span.end <= r.end));
        // (not when the parse makes the speaker the verb's subject, "X said that ... and urged
        // Y": the speaker acts, as the speaker fallback below gives)
        let speaker_subject =
            parse_subject.is_some_and(|n| attribution.is_some_and(|at| at.span.contains(s.words[n].span)));
        if sources.is_empty() && !p.noun && !prev.is_empty() && s.coordinated_vp(i) && !speaker_subject {
            trace.note(|| "  source: shared with the coordinated verb before".to_string());
            sources = prev.to_vec();
        }
        // With a parse, the window stands in only for a verb whose clause has no subject of its
        // own: a noun's source is its possessor, demonym or "by" phrase, or its light verb's subject.
        let window_source = !s.parsed || (!p.noun && parse_subject.is_none()) || (p.noun && p.gov.is_some());
        // ("said that it is possible to attack X", "know it is futile to fight": an impersonal
        // "it" leaves the doer unsaid, for the window and the speaker alike)
        let impersonal = s.parsed
            && matches!(s.words[i].deprel, "xcomp" | "csubj")
            && s.words[i].head.is_some_and(|h| s.kids(h, &["expl"]).next().is_some());
        // The noun a participle trigger modifies ("forces arriving", "the world siding with").
        let participle_noun =
            s.words[i].head.filter(|_| s.parsed && !p.noun && s.words[i].deprel == "acl" && s.words[i].xpos == "VBG");
        // ("signs of escalation, including new forces arriving at the border": a participle
        // of a noun that names agents has them for doers, named in that noun's phrase or not
        // at all, whoever stands further left; "a French force fighting insurgents" is French)
        let agents_doing =
            participle_noun.filter(|&h| markers::agent_role(&s.words[h].lower).is_some()).map(|h| s.np_span(h));
        if sources.is_empty() && !agentless && window_source && !impersonal {
            let mut found = s.subject_window(i, attribution.map(|a| a.span), clause_subject.is_none());
            if let Some(agents) = agents_doing {
                found.retain(|a| agents.contains(a.span));
            }
            if !found.is_empty() {
                trace.note(|| {
                    format!(
                        "  source by window: nearest subject-like actor(s) on the left, '{}'",
                        s.doc.slice(found[0].span)
                    )
                });
                sources = found;
                used_window = true;
            }
        }
        // the speaker of reported words acts only in the first person ("we are sending ..."), or
        // for a verb without a parsed subject; never for a noun ("X said the attack ...")
        let speaker_source = !s.parsed
            || p.pred.is_some()
            // "Germany announced military aid": the light verb's subject speaks (not a third
            // person the actors stage could not resolve: "it signals a readiness")
            || (p.noun
                && p.gov.is_some()
                && clause_subject.is_none_or(|n| {
                    first_person(s, n) || attribution.is_some_and(|at| at.span.contains(s.words[n].span))
                }))
            // (or when the subject is the speaker: "X said after meeting Y")
            || (!p.noun && (speaker_subject || parse_subject.is_none_or(|n| first_person(s, n))));
        // ("much of the world siding with Ukraine, the Pope insisted": a participle's doer is
        // the noun it modifies, actor or not, never the speaker)
        let participle_of_noun = participle_noun.is_some_and(|h| {
            is_noun(s.words[h].upos) && !attribution.is_some_and(|at| at.span.contains(s.words[h].span))
        });
        if sources.is_empty()
            && !p.target_subj
            && !agentless
            && speaker_source
            && !participle_of_noun
            && !impersonal
            && let Some(at) = attribution.filter(|at| at.code.is_some())
            && !at.verb_in(s).is_some_and(|v| finite_clause_beside(s, i, v) || !speaks_for(s, i, v))
            // ("..., according to AFP": a news outlet that reports the words did not say them)
            && !(at.verb.is_none() && at.code.as_deref().is_some_and(|c| c.ends_with("MED")))
        {
            trace.note(|| format!("  source: the speaker of the reported words, '{}'", s.doc.slice(at.span)));
            sources.extend(at.as_sources());
            used_window = true;
        }
        let not = sources.first().and_then(|a| a.code.clone());
        // (a request is made of its object, when it has one: "asked lenders to lend to Ghana";
        // so is an appeal: "urged foreign colleagues to avoid calling Russia's invasion a
        // crisis" is made of the colleagues)
        let infinitive = |v: usize| s.kids(v, &["mark"]).any(|m| s.words[m].lower == "to");
        let appeal = p.code.starts_with("02")
            && (s.kids(i, &["xcomp"]).next().is_some()
                || s.kids(i, &["obj"]).any(|o| s.kids(o, &["acl"]).any(infinitive)));
        let request_of_object = (p.any_complement() || appeal) && s.kids(i, &["obj"]).next().is_some();
        // ("will help defund Russia's war machine": help to do something against someone is
        // no help to them; "help stabilise Ukraine's economy" is)
        let help_to_act = s.parsed
            && p.code.starts_with("07")
            && s.kids(i, &["obj", "iobj"]).next().is_none()
            && s.kids(i, &["xcomp", "ccomp"]).any(|k| any_form(s, k, markers::HOSTILE_AIMS));
        if targets.is_empty()
            && !p.notarget
            && !p.sym
            && !request_of_object
            && !help_to_act
            && let Some(a) = if s.parsed && p.pred.is_none() && (p.noun || is_verb(s.words[i].upos)) {
                // with a parse, only an actor inside the trigger's own arguments
                s.argument_actor(i, 14, not.as_deref())
            } else {
                s.nearest_actor(i, false, 14, not.as_deref())
            }
            .filter(|a| !inside_attr(a) && !owns_object(s, i, a) && !opposed_party(s, p, i, a))
            // aid "from" someone comes from them ("military backing from North Korea"); a demand
            // "from" someone is made of them, and is not checked here
            .filter(|a| {
                let aid = p.code.starts_with("07") && !p.target_subj;
                !(aid && s.parsed && s.head_in(a.span).is_some_and(|k| s.case_of(k) == "from"))
            })
            // a pattern that names its target's preposition ("flew to X") takes no phrase with
            // another one ("flew over Moldovan airspace")
            .filter(|a| !s.parsed || !other_preposition(s, p, i, a))
            .filter(|a| !s.parsed || !companion(s, a))
        {
            {
                trace.note(|| format!("  target by window: nearest actor on the right, '{}'", s.doc.slice(a.span)));
                targets.push(a);
                used_window = true;
            }
        }
        // "met with Syrian President ...", the phrase hung elsewhere by the parser: the actor
        // right after the preposition the pattern names for its target
        if targets.is_empty()
            && s.parsed
            && let Some(next) = s.words.get(i + 1)
            && p.preps.iter().any(|(prep, u)| matches!(u, PrepUse::Target) && *prep == next.lower)
            && let Some(j) = (i + 2..(i + 7).min(s.words.len())).find(|&j| s.actor[j].is_some())
            && s.phrase_after(i, j)
            && let Some(a) = s.actor[j].clone().filter(|a| a.code.is_some() && !inside_attr(a))
            && !sources.iter().any(|x| x.code == a.code)
        {
            trace.note(|| format!("  target: the phrase after '{}', '{}'", next.lower, s.doc.slice(a.span)));
            targets.push(a);
        }
        // an actor is not its own target (a source found by window after the targets), nor is
        // one named inside the source's phrase ("any government, including Russia")
        targets.retain(|t| {
            (t.code.is_none() || !sources.iter().any(|a| same_party(p, &a.code, &t.code)))
                && !sources.iter().any(|a| a.span.contains(t.span))
        });
        if p.target_subj && !s.parsed {
            // the window found the subject on the left and the giver on the right
            std::mem::swap(&mut sources, &mut targets);
        }
        (sources, targets, used_window)
    }

    /// Modality of a candidate, and the cue that decided it.
    fn modality(&self, s: &Sent, c: &Cand) -> (Modality, String) {
        let mut found: Vec<(Modality, String)> = Vec::new();
        let i = c.word;
        // "said it would withdraw": a "would" that reports a "will" is the future of then
        let would = |m: Modality, w: &str| {
            if m == Modality::Hypothetical && matches!(w, "would" | "'d") && reported_will(s, i) {
                Modality::Future
            } else {
                m
            }
        };
        // "Russia's invasion", "its aggression": a possessed event noun names a known event; the
        // verbs above it ("called for a tribunal over", "did not define ... as war") say
        // nothing of whether it happened (only a denial does, or the noun's own modifiers)
        let definite_noun =
            c.pattern.noun && c.pattern.gov.is_none() && s.parsed && s.kids(i, &["nmod:poss"]).next().is_some();
        if c.pattern.cond {
            return (Modality::Asserted, "a conditional warning is a threat made now; its content is not coded".into());
        }
        // "agreed with Russia launching the attack": a gerund with its own subject is a fact the
        // governing verb judges, not a plan of that verb's subject
        // "foiled an attempt to kill X": the attempt was made and failed; what it aimed at,
        // under it, did not happen
        let foiled_attempt =
            |h: usize, child: usize| any_form(s, h, markers::FOILING) && any_form(s, child, markers::ATTEMPT_NOUNS);
        let own_subject = |g: usize| {
            s.parsed
                && matches!(s.words[g].deprel, "advcl" | "xcomp")
                && s.words[g].lower.ends_with("ing")
                && s.words[g].head.is_some_and(|h| s.kids(h, &["obl"]).any(|o| o + 1 == g && is_noun(s.words[o].upos)))
        };
        if let Some((a, b)) = s.condition_clause()
            && a <= i
            && i < b
        {
            found.push((Modality::Conditional, "inside a condition ('if', 'unless', 'should X ...')".into()));
        }
        {
            // Token window: cues among the six words before the trigger, within its clause.
            let mut k = i;
            let mut n = 0;
            // ("did not rule out sending": what is not excluded may be)
            let mut excluded = false;
            // ("obligated to arrest individuals indicted by the court": a participle's clause
            // starts after the noun it describes; what governs the noun's verb is not its own)
            let participle_noun = s.words[i].head.filter(|&h| describes_noun(s, i) && h < i);
            while k > 0 && n < 6 {
                k -= 1;
                n += 1;
                if Some(k) == participle_noun {
                    break;
                }
                let w = s.words[k].lower.as_ref();
                excluded |= any_form(s, k, markers::EXCLUDING);
                // "Had Russia invaded, ...", "believe that had he been detained": an inverted
                // "had" opening a clause is a condition that was not met
                if w == "had"
                    && s.words.get(k + 1).is_some_and(|n| matches!(n.upos, "PROPN" | "NOUN" | "PRON" | "DET"))
                    && (k == 0 || matches!(s.words[k - 1].lower.as_ref(), "," | "that" | "and" | "but"))
                {
                    found.push((Modality::Conditional, "an inverted 'had' opens the clause".into()));
                }
                // ("warned during a visit to Australia": what a time adjunct says happened is no
                // part of what the words before it govern, as in the parse's climb below)
                if markers::TIME_ADJUNCTS.contains(&w) {
                    break;
                }
                // ("was foiled by the police who fired 20 rounds": a relative pronoun starts the
                // trigger's clause; the words before it govern the noun it follows)
                if matches!(w, "who" | "which" | "whom" | "whose") {
                    break;
                }
                // ("but accused China": a "but" right before the trigger starts its clause too;
                // "we do not hear - Lavrov regretted": so does a dash)
                // (not a hyphen: "no-fly zone")
                let spaced = k > 0 && s.words[k - 1].span.end < s.words[k].span.start;
                let clause_mark = matches!(w, "-" | "\u{2013}" | "\u{2014}") && spaced;
                if (matches!(w, "," | ";" | "but" | "while" | "and") || clause_mark)
                    && (n > 1 || w == "but" || clause_mark)
                {
                    break;
                }
                // "will not invade and occupy" shares its auxiliary; "would not remain passive
                // and threatened to ..." cannot: a finite verb after "and" has none before it
                if w == "and" && matches!(s.words[i].xpos, "VBD" | "VBZ" | "VBP") {
                    break;
                }
                // "instead of cracking down", "rather than negotiate": what was done in its place
                // is the news; this did not happen
                if k + 1 == i
                    && k > 0
                    && matches!((s.words[k - 1].lower.as_ref(), w), ("instead", "of") | ("rather", "than"))
                {
                    found.push((Modality::Negated, format!("'{} {w}' before the trigger", s.words[k - 1].lower)));
                }
                // "May 20" is a date, not a modal; "not only ... but" no negation
                if let Some(m) = markers::auxiliary(w, s.conditional)
                    .filter(|_| !s.is_time(k) && !not_only(s, k))
                    .filter(|_| !(definite_noun && c.pattern.noun))
                {
                    let m = if m == Modality::Negated && excluded { Modality::Hypothetical } else { would(m, w) };
                    found.push((m, format!("'{w}' before the trigger")));
                }
                if let Some(m) = markers::governing(forms(s, k))
                    && !not_a_cue(s, k)
                    && !in_argument_of(s, k, i)
                    && !(any_form(s, k, &["commit", "perpetrate"])
                        && s.words.get(k + 1).is_none_or(|n| n.lower != "to"))
                    && !(m == Modality::Intended && own_subject(i))
                    && !foiled_attempt(k, i)
                    && (!definite_noun || m == Modality::Denied)
                {
                    found.push((would(m, w), format!("'{w}' governs the trigger")));
                }
                if c.pattern.noun
                    && let Some(m) = markers::adjective(w)
                {
                    found.push((m, format!("'{w}' modifies the trigger")));
                }
            }
        }
        if s.parsed {
            let own_cues = |k: usize, found: &mut Vec<(Modality, String)>, with_neg: bool, noun: bool| {
                for a in s.words[k].children.iter().copied() {
                    let w = &s.words[a];
                    let rel = w.deprel;
                    if matches!(rel, "aux" | "advmod" | "mark" | "neg" | "det" | "aux:pass" | "cop")
                        && !not_only(s, a)
                        && let Some(m) = markers::auxiliary(&w.lower, s.conditional)
                    {
                        if m == Modality::Negated && !with_neg {
                            continue;
                        }
                        if rel == "det" && m != Modality::Negated {
                            continue;
                        }
                        if rel == "mark" && m != Modality::Conditional {
                            continue;
                        }
                        // "should Moscow pursue": an inverted "should" is a condition.
                        let m = if w.lower == "should"
                            && a < k
                            && s.words.get(a + 1).is_some_and(|n| rel_is(n.deprel, "nsubj"))
                        {
                            Modality::Conditional
                        } else if m == Modality::Negated && k != i && any_form(s, k, markers::EXCLUDING) {
                            // "did not exclude", "did not rule out": what is not excluded may be
                            Modality::Hypothetical
                        } else {
                            would(m, &w.lower)
                        };
                        found.push((m, format!("'{}' ({rel}) on '{}'", w.lower, s.words[k].lower)));
                    }
                    if noun
                        && matches!(rel, "amod" | "compound")
                        && let Some(m) = markers::adjective(&w.lower)
                    {
                        found.push((m, format!("'{}' modifies '{}'", w.lower, s.words[k].lower)));
                    }
                }
            };
            let start = if c.pattern.cond { s.words[c.clause].head.unwrap_or(c.clause) } else { i };
            if !c.pattern.cond {
                own_cues(i, &mut found, true, c.pattern.noun);
            }
            let mut child = start;
            let chain: Vec<usize> = if c.pattern.cond {
                std::iter::once(start).chain(s.ancestors(start)).collect()
            } else {
                s.ancestors(i)
            };
            let mut via_conj = false;
            for h in chain {
                if h == child && c.pattern.cond {
                    // the speech verb above a conditional warning: its own cues only
                    own_cues(h, &mut found, true, false);
                    if any_form(s, h, SPEECH) {
                        break;
                    }
                    continue;
                }
                let rel = s.words[child].deprel;
                if matches!(rel, "parataxis" | "acl:relcl" | "root" | "list" | "discourse") {
                    break;
                }
                // An arc across ", but" or ";" joins two clauses: cues of the other clause do not apply.
                let (lo, hi) = (child.min(h), child.max(h));
                if (lo + 1..hi).any(|k| matches!(s.words[k].lower.as_ref(), "but" | ";" | "while" | "whereas")) {
                    break;
                }
                let marked = |word: &str| s.kids(child, &["mark"]).any(|m| s.words[m].lower == word);
                if describes_noun(s, child) {
                    break;
                }
                // "pledged to stand with Ukraine after holding talks with Zelensky": what a time
                // adjunct says happened did happen, whatever governs the clause it hangs on
                // "will visit Poland on Tuesday before travelling to Germany": a time adjunct
                // of a clause still to come is to come too
                if (rel_is(rel, "obl") || rel == "advcl")
                    && ["before", "after", "until"].iter().any(|w| marked(w) || s.case_of(child) == *w)
                    && s.kids(h, &["aux"]).any(|a| matches!(s.words[a].lower.as_ref(), "will" | "shall" | "'ll"))
                {
                    found.push((Modality::Future, format!("a time adjunct of '{}', still to come", s.words[h].lower)));
                    break;
                }
                // (not "week after week", a repetition)
                if (rel_is(rel, "obl") || rel_is(rel, "nmod") || rel == "advcl")
                    && !(child >= 2 && s.words[child - 2].lower == s.words[child].lower)
                    && let case = s.case_of(child)
                    && markers::TIME_ADJUNCTS.iter().any(|w| marked(w) || case == *w)
                {
                    break;
                }
                // "dissuaded Putin from invading", "kept Russia from taking part": kept from acting
                // (not a range: "delivering an approach to our challenges, from tackling
                // Russia's aggression to managing competition")
                if matches!(rel, "advcl" | "xcomp")
                    && marked("from")
                    && s.kids(h, &["obj"]).any(|o| o < child)
                    && any_form(s, h, markers::KEEPING_FROM)
                {
                    found.push((
                        Modality::Negated,
                        format!("'{}' keeps its object from '{}'", s.words[h].lower, s.words[child].lower),
                    ));
                }
                // "Putin's effort to seize land": what an attempt aims at
                if matches!(rel, "acl" | "xcomp")
                    && !is_verb(s.words[h].upos)
                    && !s.words[h].lower.ends_with("ing")
                    && marked("to")
                    && any_form(s, h, markers::ATTEMPT_NOUNS)
                {
                    found.push((
                        Modality::Intended,
                        format!("'{}' aims at '{}'", s.words[h].lower, s.words[child].lower),
                    ));
                }
                // "gave the police 20 days to arrest him", "on the way to arrest them": what one
                // has time or a chance to do is yet to be done (other nouns' infinitives are
                // often purposes the parser hung on the object: "fired tear gas to disperse")
                if rel == "acl"
                    && marked("to")
                    && any_form(
                        s,
                        h,
                        &["day", "week", "month", "hour", "time", "deadline", "way", "chance", "opportunity"],
                    )
                {
                    found.push((
                        Modality::Intended,
                        format!("'{}' is yet to be done by '{}'", s.words[child].lower, s.words[h].lower),
                    ));
                }
                // ("provoked Ukraine into attacking": a result the verb above brought about, and
                // what governs that verb governs it too)
                let result = marked("into");
                // ("an operation aimed at taking him hostage": what is aimed at is intended)
                let aimed_at = marked("at") && any_form(s, h, &["aim", "target"]);
                if rel == "advcl" && !marked("to") && !result && !aimed_at {
                    break;
                }
                // "went on to commend", "proceeded to sign": an aspectual verb's infinitive is
                // what was done next, not a purpose
                // ("resorted to firing", "turned to shelling": a gerund after a verb's "to" is
                // no infinitive, and what one resorts to is done; "open to meeting" is not)
                // ("acted swiftly to arrest": what one acted to do is what one did)
                // ("used North Korean missiles to strike Ukraine": what something was used for was
                // done with it)
                let aspectual = any_form(s, h, &["proceed", "continue", "manage", "resume", "act", "use", "employ"])
                    || (any_form(s, h, &["go", "move"])
                        && s.kids(h, &["advmod", "compound:prt"])
                            .any(|k| matches!(s.words[k].lower.as_ref(), "on" | "ahead")))
                    || (s.words[child].xpos == "VBG" && is_verb(s.words[h].upos));
                if rel == "advcl" && !aspectual && !result {
                    found.push((Modality::Intended, format!("'{}' is a purpose clause", s.words[child].lower)));
                }
                let own_subject = own_subject(child);
                via_conj |= rel == "conj";
                if definite_noun {
                    if let Some(m) = markers::governing(forms(s, h)).filter(|m| *m == Modality::Denied) {
                        found.push((m, format!("'{}' denies '{}'", s.words[h].lower, s.words[child].lower)));
                    }
                    if any_form(s, h, SPEECH) {
                        break;
                    }
                    child = h;
                    continue;
                }
                // "committed atrocities": the object of "commit" is done, not intended
                if rel != "conj"
                    && !(rel == "obj" && any_form(s, h, &["commit", "perpetrate"]))
                    && !not_a_cue(s, h)
                    && let Some(m) = markers::governing(forms(s, h))
                    && !(own_subject && m == Modality::Intended)
                    && !foiled_attempt(h, child)
                {
                    found.push((
                        would(m, &s.words[h].lower),
                        format!("'{}' governs '{}'", s.words[h].lower, s.words[child].lower),
                    ));
                }
                // "was still open to peace talks": what one is open to may come
                if s.words[h].upos == "ADJ" && s.words[h].lower == "open" && s.case_of(child) == "to" {
                    found.push((Modality::Hypothetical, format!("'open to' governs '{}'", s.words[child].lower)));
                }
                // "has not joined sanctions since the annexation": a negation does not reach
                // into an oblique or a noun's modifier
                // ("the invasion is not a territorial dispute": a nominal predicate's negation
                // says what its subject is not, not that it did not happen)
                let named_as = rel_is(rel, "nsubj") && is_noun(s.words[h].upos) && s.kids(h, &["cop"]).next().is_some();
                let reaches = !via_conj && rel != "conj" && !rel_is(rel, "obl") && !rel_is(rel, "nmod") && !named_as;
                own_cues(h, &mut found, reaches, is_noun(s.words[h].upos));
                if any_form(s, h, SPEECH) {
                    break;
                }
                child = h;
            }
        }
        // "not a single activist has been arrested", "nobody was detained": a subject that
        // counts none of its kind negates what is said of it
        if s.parsed && !c.pattern.noun {
            for n in s.kids(c.clause, &["nsubj", "nsubj:pass"]) {
                let phrase = s.subtree(n);
                let words: Vec<usize> =
                    (0..s.words.len()).filter(|&k| phrase.contains(s.words[k].span) && k <= n).collect();
                let not_one = words.windows(2).any(|w| {
                    s.words[w[0]].lower == "not" && matches!(s.words[w[1]].lower.as_ref(), "a" | "one" | "single")
                });
                if not_one || matches!(s.words[n].lower.as_ref(), "nobody" | "none" | "no-one") {
                    found.push((Modality::Negated, format!("the subject '{}' counts none", s.words[n].lower)));
                }
            }
        }
        // "will impose sanctions in case of an invasion", "announced sanctions in the event of
        // an invasion": what is to happen if something else does (a threat or a statement is
        // made now, "considering sanctions in case of": not for 01 and 13)
        let in_case = |k: usize| {
            s.kids(k, &["obl", "nmod"]).any(|o| {
                matches!(s.words[o].lower.as_ref(), "case" | "event")
                    && s.case_of(o) == "in"
                    && s.kids(o, &["nmod"]).any(|n| s.case_of(n) == "of")
            })
        };
        if s.parsed
            && !matches!(c.pattern.code.get(..2), Some("01" | "13"))
            && (in_case(c.clause) || in_case(i) || s.kids(i, &["obj"]).any(in_case))
        {
            found.push((Modality::Conditional, "'in case of' / 'in the event of'".into()));
        }
        // "UN chief to visit Ukraine": a headline's bare infinitive announces what will happen
        if s.parsed
            && s.words[c.clause].deprel == "root"
            && s.kids(c.clause, &["mark"]).any(|m| s.words[m].lower == "to")
            && s.kids(c.clause, &["aux"]).next().is_none()
        {
            found.push((Modality::Future, "a headline's 'to' infinitive".into()));
        }
        // "stopped supporting Ukraine": what is stopped no longer happens; "will not stop
        // supporting Ukraine": a stop negated is a going on; "must stop supporting Russia",
        // "will stop flying": a stop yet to come says it goes on now
        if i >= 1 && s.words[i].lower.ends_with("ing") && any_form(s, i - 1, &["stop", "cease", "quit"]) {
            if found.iter().any(|(m, _)| *m == Modality::Negated) {
                found.retain(|(m, _)| *m != Modality::Negated);
            } else if found.is_empty() {
                found.push((Modality::Negated, format!("'{}' ends it", s.words[i - 1].lower)));
            } else {
                found.clear();
            }
        }
        found.sort_by_key(|(m, _)| markers::rank(*m));
        found.into_iter().next().unwrap_or((Modality::Asserted, "no cue: stated as fact".into()))
    }

    /// The sentence's attribution: a speech verb with its speaker, "according to X", or a
    /// statement "issued by X".
    /// A speech verb in `events` (a trigger that reports no clause, or whose pattern names its
    /// object: "commented on the election", "declared a ceasefire") is an event, not an attribution.
    fn attribution(&self, s: &Sent, events: &[usize], reporters: &Reporters) -> Option<Speech> {
        if let Some((span, a)) = &reporters.according_to {
            return Some(Speech::new(*span, a, None));
        }
        for i in 0..s.words.len() {
            // ("their reported involvement", "the announced talks": a participle after a
            // determiner modifies its noun and says nothing)
            let attributive = s.words[i].deprel == "amod" && i > 0 && matches!(s.words[i - 1].upos, "DET" | "PRON");
            if !any_form(s, i, SPEECH)
                || (s.parsed && (!is_verb(s.words[i].upos) || attributive))
                || events.contains(&i)
            {
                continue;
            }
            let (mut speaker, mut span) = (Vec::new(), s.words[i].span);
            // (a parsed speaker the dictionaries do not know leaves no place for a neighbour:
            // "police officials said nearly 500 people ..." was not said by the people)
            let mut unknown_speaker = false;
            if s.parsed {
                // "the victory was announced": a passive subject is what was said, not who said it.
                if let Some((n, _)) = self.subject(s, i, 0).filter(|(_, passive)| !passive) {
                    // (nor does a "he" or "she" that coreference left unresolved: "citizenship
                    // after he said" was not said by Russia)
                    let unresolved_person = matches!(s.words[n].lower.as_ref(), "he" | "she") && s.actor[n].is_none();
                    unknown_speaker = n < i && (s.words[n].upos != "PRON" || unresolved_person);
                    if any_form(s, n, STATEMENT_NOUNS) || s.words[i].lower == "read" {
                        for k in s.kids(i, &["obj", "nsubj"]).chain(std::iter::once(n)).collect::<Vec<_>>() {
                            for a in s.kids(k, &["acl", "nmod", "acl:relcl"]).collect::<Vec<_>>() {
                                let st2 = s.subtree(a);
                                let found = s.actors_in(a, 3);
                                let found = if found.is_empty() {
                                    (0..s.words.len())
                                        .filter(|&j| {
                                            st2.start <= s.words[j].span.start && s.words[j].span.end <= st2.end
                                        })
                                        .filter_map(|j| s.actor[j].clone())
                                        .collect()
                                } else {
                                    found
                                };
                                if !found.is_empty() {
                                    speaker = found;
                                    span = span_of(span.start.min(s.subtree(k).start), span.end.max(st2.end));
                                }
                            }
                        }
                    } else {
                        speaker = s.actors_in(n, 2);
                        let np = s.np_span(n);
                        span = span_of(span.start.min(np.start), span.end.max(np.end));
                    }
                }
                if speaker.is_empty() {
                    for o in s.kids(i, &["obj"]).collect::<Vec<_>>() {
                        if any_form(s, o, STATEMENT_NOUNS) {
                            let st = s.subtree(o);
                            let found: Vec<ActorRef> = (0..s.words.len())
                                .filter(|&j| st.start <= s.words[j].span.start && s.words[j].span.end <= st.end)
                                .filter_map(|j| s.actor[j].clone())
                                .collect();
                            if !found.is_empty() {
                                speaker = found;
                                span = span_of(span.start.min(st.start), span.end.max(st.end));
                            }
                        }
                    }
                }
                // "said in a statement": keep the medium with the speaker.
                for o in s.kids(i, &["obl"]).collect::<Vec<_>>() {
                    if s.case_of(o) == "in" && any_form(s, o, STATEMENT_NOUNS) {
                        span.end = span.end.max(s.words[o].span.end);
                    }
                }
            }
            // ("we told the Americans": who is told, after the verb, is no speaker)
            let telling = any_form(s, i, &["tell", "inform", "assure", "brief", "warn"]);
            if speaker.is_empty()
                && !unknown_speaker
                && let Some(a) = s.adjacent_actor(i).filter(|a| !(telling && a.span.start > s.words[i].span.start))
            {
                span = span_of(span.start.min(a.span.start), span.end.max(a.span.end));
                speaker.push(a);
            }
            if !speaker.is_empty() {
                return Some(Speech::new(span, &speaker, Some((s.index, i))));
            }
        }
        reporters.final_report.as_ref().map(|(span, speaker)| Speech::new(*span, speaker, None))
    }

    /// Date of a candidate: (value, how chosen, from an explicit time of this sentence, the
    /// time expression it was taken from).
    fn date(
        &self,
        s: &Sent,
        c: &Cand,
        ctx: &Context,
        attribution: Option<&Speech>,
    ) -> (Option<String>, String, bool, Option<usize>) {
        let doc = s.doc;
        let trig = s.words[c.word].span;
        if let Some((_, _, v)) = ctx.anchors.iter().find(|(a, b, _)| *a <= trig.start && trig.start < *b) {
            return (Some(v.clone()), "anchored duration ('... after X did Y')".into(), false, None);
        }
        let usable: Vec<(usize, &dyad_core::Timex, String)> = own_timexes(s, attribution)
            .filter(|(_, t)| matches!(t.kind, TimexKind::Date | TimexKind::Time))
            .filter_map(|(k, t)| date_part(t.value.as_deref()?).map(|d| (k, t, d)))
            .collect();
        // After its own time, the time of an infinitive the trigger governs ("helping Moscow
        // to start the invasion in February 2022"), before one of another clause ("after the
        // elections in 2020").
        let mut below: Vec<bool> = vec![false; usable.len()];
        if s.parsed {
            let clause = c.clause;
            for (u, (k, t, d)) in usable.iter().enumerate() {
                let Some(w) = s.word_at(t.span.start) else { continue };
                // climb from the timex to its first verb (or the trigger noun)
                let mut n = w;
                let mut guard = 0;
                while let Some(h) = s.words[n].head {
                    guard += 1;
                    if guard > 20 || h == c.word || is_verb(s.words[h].upos) && s.words[h].upos != "AUX" {
                        n = h;
                        break;
                    }
                    n = h;
                }
                if n == clause || n == c.word {
                    let (d, k) = phrase_day(s, &usable, *k, d);
                    return (Some(d), format!("own time '{}'", doc.slice(t.span)), true, Some(k));
                }
                below[u] = infinitive_below(s, n, clause);
            }
        }
        let nearest = |below_only: bool| {
            usable
                .iter()
                .zip(&below)
                .filter(|(_, below)| !below_only || **below)
                .map(|(u, _)| u)
                .min_by_key(|(_, t, _)| t.span.start.abs_diff(trig.start))
        };
        if let Some((k, t, d)) = nearest(true) {
            let (d, k) = phrase_day(s, &usable, *k, d);
            return (Some(d), format!("time of an infinitive it governs '{}'", doc.slice(t.span)), true, Some(k));
        }
        if let Some((k, t, d)) = nearest(false) {
            let (d, k) = phrase_day(s, &usable, *k, d);
            return (Some(d), format!("nearest time in the sentence '{}'", doc.slice(t.span)), true, Some(k));
        }
        // "Two decades ago, the US invaded Iraq": a past decade or century has no day to give,
        // and the publication day would be a false one
        if let Some(t) = past_period(s, attribution) {
            return (None, format!("a past decade or century '{}': no day", doc.slice(t.span)), false, None);
        }
        // "In World War II, Stalin's secret police destroyed the dam": a past era, likewise
        if let Some(era) = past_era(s.text()) {
            return (None, format!("a past era '{era}': no day"), false, None);
        }
        if let Some(d) = &ctx.narrative {
            return (Some(d.clone()), "the story's current date, from an earlier sentence".into(), false, None);
        }
        // (a published time of day is not the event's: `time` stays empty, see `clock`)
        match doc.meta.published {
            Some(p) => (Some(p.date.to_string()), "publication date".into(), false, None),
            None => (None, "no date".into(), false, None),
        }
    }

    /// Codes one sentence.
    pub(super) fn code_sentence(
        &self,
        doc: &Document,
        index: usize,
        ctx: &mut Context,
        out: &mut Vec<Event>,
        trace: &mut Trace,
    ) {
        let s = Sent::new(doc, index);
        trace.note(|| format!("sentence {index}: {}", s.text()));
        if trace.enabled {
            for (k, w) in s.words.iter().enumerate() {
                let a = s.actor[k]
                    .as_ref()
                    .and_then(|a| a.code.clone())
                    .map(|c| format!("  actor={c}"))
                    .unwrap_or_default();
                trace.note(|| {
                    format!(
                        "  {k:>3} {:<16} {:<6} head={:<4} {:<12}{a}",
                        doc.slice(w.span),
                        w.upos,
                        w.head.map_or("-".into(), |h| h.to_string()),
                        w.deprel
                    )
                });
            }
        }
        let cands = self.candidates(&s, trace);
        let speech_events: Vec<usize> = cands
            .iter()
            .filter(|c| {
                !c.pattern.noun
                    && (c.pattern.obj.as_ref().is_some_and(|o| !o.iter().any(|w| w == "*"))
                        || (s.parsed && s.kids(c.word, &["ccomp", "parataxis"]).next().is_none()))
            })
            .map(|c| c.word)
            .collect();
        // Who reports the sentence: "according to X", "..., X reports."
        let reported = Reporters::of(&s);
        let mut attribution = self.attribution(&s, &speech_events, &reported);
        let reporters = reported.spans();
        let sspan = doc.sentences[index].span;
        let text = doc.text();
        // Quotations: a sentence opening a quote that closes in a later sentence hands the
        // attribution found there back; sentences inside inherit it.
        let opens = text[sspan.range()].starts_with(['"', '\u{201c}']);
        if attribution.is_none() && !opens {
            attribution = ctx.quote.clone();
        }
        if opens && attribution.is_none() {
            // look ahead for the closing sentence's speaker
            for k in index + 1..(index + 6).min(doc.sentences.len()) {
                let s2 = Sent::new(doc, k);
                let closes = s2.text().contains(['"', '\u{201d}']);
                if closes {
                    attribution = self.attribution(&s2, &[], &Reporters::of(&s2));
                    break;
                }
            }
        }
        let quote_open = text[sspan.range()].matches(['"', '\u{201c}', '\u{201d}']).count() % 2 == 1;
        ctx.quote = if quote_open && opens {
            attribution.clone()
        } else if quote_open {
            None
        } else {
            ctx.quote.take().filter(|_| false)
        };
        if let Some(a) = &attribution {
            trace.note(|| format!("  attribution: '{}' → {}", doc.slice(a.span), a.code.as_deref().unwrap_or("?")));
        }
        let mut explicit_date: Option<String> = None;
        let mut prev_sources: Vec<ActorRef> = Vec::new();
        for c in &cands {
            let p = c.pattern;
            let word = s.words[c.word].span;
            trace.note(|| {
                format!(
                    "  candidate '{}' → {} ({}) by {}",
                    doc.slice(word),
                    p.code,
                    self.table.name(&p.code).unwrap_or("?"),
                    p.describe()
                )
            });
            // A trigger that governs the speech verb is the narrator's own statement: the
            // saying is not its attribution, and the speaker's phrase holds its arguments.
            let said: Option<&Speech> = match attribution.as_ref() {
                Some(a) if a.span.start <= word.start && word.end <= a.span.end => {
                    if !a.follows(&s, c.word) {
                        trace.note(|| "    rejected: the trigger is part of the attribution".into());
                        continue;
                    }
                    trace.note(|| "    the trigger governs the speech verb: not attributed".into());
                    None
                }
                other => other,
            };
            // Event coreference: "the call" after a call was coded is the same event.
            if p.noun && s.definite(c.word) && out.iter().any(|e| e.cameo.get(..2) == p.code.get(..2)) {
                trace.note(|| "    rejected: a definite mention of an event already coded (event coreference)".into());
                // "the talks opened at 9:15 am ET": the mention's clock time is the earlier event's
                let (_, _, explicit, timex) = self.date(&s, c, ctx, said);
                let root = p.code.get(..2);
                let last = out.iter().rev().find(|e| e.cameo.get(..2) == root).map(|e| e.sentence);
                for e in out.iter_mut().filter(|e| Some(e.sentence) == last && e.cameo.get(..2) == root) {
                    if e.time.is_none()
                        && explicit
                        && let Some(t) = clock::event_time(&s, timex, e.date.as_deref())
                    {
                        trace.note(|| {
                            format!("    time {} – {} given to the event of sentence {}", t.0, t.1, e.sentence)
                        });
                        e.time = Some(t);
                    }
                }
                continue;
            }
            // "bombs with a record of killing civilians", "a history of invading its
            // neighbours": a habit, no event
            if c.word >= 2
                && s.words[c.word - 1].lower == "of"
                && matches!(
                    s.words[c.word - 2].lower.as_ref(),
                    "record" | "history" | "habit" | "practice" | "tradition"
                )
            {
                trace.note(|| {
                    format!("    rejected: a {} of doing it is a habit, not an event", s.words[c.word - 2].lower)
                });
                continue;
            }
            let (mut sources, mut targets, used_window) = self.arguments(&s, c, said, &reporters, &prev_sources, trace);
            sources.retain(|a| !is_medium(&s, a));
            targets.retain(|a| !is_medium(&s, a));
            // (a verb without a source passes none on: "prompting Western countries to send
            // weapons and aid" has no coded sender, and the invader before is none)
            if !p.noun {
                prev_sources.clone_from(&sources);
            }
            if sources.is_empty()
                && let Some(police) = self.unnamed_police(&s, c)
            {
                trace.note(|| format!("    source: nobody named arrests, so the police do, {:?}", police.code));
                sources.push(police);
            }
            if sources.is_empty()
                && let Some(shooter) = shooter_of_the_killed(&s, c)
            {
                trace.note(|| format!("    source: who fired when they were killed, '{}'", s.doc.slice(shooter.span)));
                sources.push(shooter);
            }
            if sources.is_empty() {
                trace.note(|| "    rejected: no actor as source".into());
                continue;
            }
            // "DJI is pulling out of Russia": a company or an outlet leaving a country is no
            // military retreat
            if p.code == "0874"
                && sources.iter().all(|a| a.code.as_deref().is_some_and(|c| c.ends_with("BUS") || c.ends_with("MED")))
            {
                trace.note(|| "    rejected: a company or outlet that leaves does not retreat militarily".into());
                continue;
            }
            let root = &p.code[..2];
            let may_lack_target = p.notarget || matches!(root, "01" | "14" | "15" | "16") || p.code == "154";
            if targets.is_empty() && matches!(root, "18" | "19" | "20") && !p.noun {
                // "killed five civilians in Kharkiv": victims named only as people are the
                // civilians of the place's country (the source's own country excepted)
                // ("three others died in police firing": the subject of dying is its victim)
                let victim_rels: &[&str] = if p.target_subj || headline_passive(&s, c.word) {
                    &["obj", "nsubj:pass", "nsubj"]
                } else {
                    &["obj", "nsubj:pass"]
                };
                // ("three men killed in police firing": the noun a participle describes; an
                // "object" with a preposition, or a verb, is a phrase misread)
                let mut victims: Vec<usize> = if s.parsed {
                    s.kids(c.word, victim_rels)
                        .filter(|&v| s.kids(v, &["case"]).next().is_none() && !is_verb(s.words[v].upos))
                        .chain(s.words[c.word].head.filter(|_| describes_noun(&s, c.word)))
                        .collect()
                } else {
                    Vec::new()
                };
                // ("including 30 killed in police firing" with the count hung elsewhere and
                // "firing" read as the verb's object: the number right before a headline passive)
                if victims.is_empty()
                    && s.parsed
                    && headline_passive(&s, c.word)
                    && c.word > 0
                    && s.words[c.word - 1].upos == "NUM"
                {
                    victims.push(c.word - 1);
                }
                let civilian = victims.iter().any(|&v| any_form(&s, s.through_quantifier(v), markers::VICTIM_NOUNS));
                // (a counted subject of dying or of a headline passive, "three others died",
                // "and two killed"; never an object, "fired 20 rounds")
                let counted_subject =
                    |v: usize| s.words[v].deprel == "nsubj" && s.kids(v, &["nummod"]).next().is_some();
                // (whoever died in an attack is its victim, counted or not: "more members of the
                // community died in the police firing")
                let died = |v: usize| p.target_subj && s.words[v].deprel == "nsubj" && is_noun(s.words[v].upos);
                let counted = victims.iter().any(|&v| s.words[v].upos == "NUM" || counted_subject(v) || died(v));
                if (civilian || counted)
                    && let Some(pl) = self.place(&s, c, &targets)
                    && let Some(country) = pl.country
                    && sources.iter().all(|a| a.code.as_deref().and_then(|c| c.get(..3)) != Some(country.as_str()))
                {
                    let code = if civilian { format!("{country}CVL") } else { country };
                    trace.note(|| format!("    target: the people of the place, {code}"));
                    targets.push(ActorRef::implied(pl.span, code));
                } else if (civilian || counted)
                    && let Some(country) = police_country(&sources)
                {
                    // "police fired, killing one": whom a country's police kill, where no place
                    // says otherwise, are its civilians
                    let code = format!("{country}CVL");
                    trace.note(|| format!("    target: the people the police shot, {code}"));
                    let v = victims.first().copied().unwrap_or(c.word);
                    targets.push(ActorRef::implied(s.words[v].span, code));
                }
            }
            // ("arrested about 40 students in Dhaka": where they were held is no one held)
            // (nor is who keeps them: "remanded to police custody")
            let held_somewhere = |t: &ActorRef| {
                let head = s.head_in(t.span);
                (t.names_place()
                    && head.is_some_and(|k| matches!(s.case_of(k).as_str(), "in" | "at" | "near" | "from")))
                    || head.and_then(|k| s.words[k].head).is_some_and(|h| any_form(&s, h, markers::CUSTODY))
                    // (the same, parsed with "police" as a verb)
                    || s.words.iter().position(|w| w.span.start >= t.span.end).is_some_and(|k| any_form(&s, k, markers::CUSTODY))
            };
            if p.code == "173" && !p.noun && !targets.is_empty() && targets.iter().all(held_somewhere) {
                let held = self.held_people(&s, c.word);
                let named: Vec<ActorRef> = held.iter().filter_map(|&h| s.actor[h].clone()).collect();
                if !named.is_empty() || arrested_civilians(&s, &held, &sources).is_some() {
                    trace.note(|| "    where the arrested are held, or who holds them, is no target".to_string());
                    targets = named;
                }
            }
            // (for repression, only a pattern that has a target: "dispersed the crowd", not the
            // tear gas "used" or "fired", whose patterns are `notarget`)
            let done_to_people = p.code == "173" || (p.code == "175" && !p.notarget);
            if targets.is_empty() && done_to_people && !p.noun {
                // "the police arrested Meena Patil", "... arrested 20 people": a person the
                // dictionaries do not know, or people named only as such, arrested by a
                // country's police, courts or government are that country's civilians (and
                // so are those the police beat or tear-gas: "lathi-charged VHP activists").
                let held = self.held_people(&s, c.word);
                if let Some(code) = arrested_civilians(&s, &held, &sources) {
                    trace.note(|| format!("    target: the arrested are civilians of the source's country, {code}"));
                    let held = held.first().copied().unwrap_or(c.word);
                    targets.push(ActorRef::implied(s.words[held].span, code));
                }
            }
            // "police fired ten rounds in the air", "police opened fire": police firing or
            // shooting at nobody named is repression (175), which CAMEO allows without a target;
            // an army's or rebels' firing at nobody named stays uncoded.
            let firing = |l: &String| matches!(l.as_str(), "fire" | "shoot");
            let police_firing = targets.is_empty()
                && !p.noun
                && matches!(p.code.as_str(), "190" | "193")
                && (p.lemmas.iter().any(firing) || p.obj.as_ref().is_some_and(|o| o.iter().any(firing)))
                && sources.iter().all(|a| a.code.as_deref().is_some_and(|c| c.ends_with("COP")));
            let verbal = p.code == "180" && !p.noun && s.parsed && verbal_attack(&s, c.word);
            let code: &str = if police_firing {
                "175"
            } else if verbal {
                "111"
            } else {
                &p.code
            };
            if police_firing {
                trace.note(|| "    police firing at nobody named: 175".into());
            } else if verbal {
                trace.note(|| "    an attack in words: 111".into());
            } else if targets.is_empty() && !may_lack_target && !p.sym {
                trace.note(|| format!("    rejected: no actor as target, and CAMEO {} needs one", p.code));
                continue;
            }
            let (modality, why) = self.modality(&s, c);
            trace.note(|| format!("    modality: {} ({why})", modality.as_str()));
            // "since Russia's invasion", "condemned the invasion": a nominal reference to an
            // event as a fact already known is not a report of it; a possible, planned or
            // denied one still says something about it.
            if p.noun && p.gov.is_none() && !p.cond && p.pred.is_none() && modality.is_factual() && s.reference(c.word)
            {
                trace.note(|| "    rejected: a nominal reference to an event, not a report of it".into());
                continue;
            }
            let (date, how, explicit, timex) = self.date(&s, c, ctx, said);
            trace.note(|| format!("    date: {} ({how})", date.as_deref().unwrap_or("none")));
            let time = clock::event_time(&s, timex, date.as_deref());
            if let Some((a, b)) = &time {
                trace.note(|| format!("    time: {a} – {b}"));
            }
            if explicit && modality.is_factual() {
                explicit_date.clone_from(&date);
            }
            // (a dated story's event without a date is one of a past decade or century: see `date`)
            let historical = is_historical(date.as_deref(), doc) || (date.is_none() && doc.meta.published.is_some());
            let place = self.place(&s, c, &targets);
            // A show of force "in Belarus" or "near the border with Ukraine" is aimed at the
            // place's country when no other target is named (the source's own country excepted).
            if targets.is_empty()
                && root == "15"
                && let Some(pl) = &place
                && let Some(country) = &pl.country
                && sources.iter().all(|a| a.code.as_deref().and_then(|c| c.get(..3)) != Some(country.as_str()))
            {
                trace.note(|| format!("    target: the country of the place, {country}"));
                targets.push(ActorRef::implied(pl.span, country.clone()));
            }
            let mut pairs: Vec<(ActorRef, Option<ActorRef>)> = Vec::new();
            if p.sym && targets.is_empty() && (2..=3).contains(&sources.len()) {
                // coordinated parties ("Russia and Ukraine signed ...") are each other's targets
                for a in &sources {
                    for b in &sources {
                        if a.span != b.span && a.code != b.code {
                            pairs.push((a.clone(), Some(b.clone())));
                        }
                    }
                }
                trace.note(|| "    symmetric: coordinated actors give both directions".into());
            }
            if pairs.is_empty() && targets.is_empty() {
                if p.sym && !may_lack_target {
                    trace.note(|| "    rejected: a symmetric action with only one actor".into());
                    continue;
                }
                pairs.extend(sources.iter().map(|a| (a.clone(), None)));
            } else if pairs.is_empty() {
                for a in &sources {
                    for b in &targets {
                        if a.code != b.code || a.code.is_none() {
                            pairs.push((a.clone(), Some(b.clone())));
                        }
                    }
                }
            }
            let Some(entry) = self.table.get(code) else { continue };
            let plover = self.table.plover(code).map(|(t, m)| Plover { kind: t.into(), mode: m.map(Into::into) });
            for (a, b) in pairs {
                let dup = out.iter().any(|e| {
                    e.sentence == index as u32
                        && e.cameo == code
                        && e.source.as_ref().and_then(|x| x.code.as_ref()) == a.code.as_ref()
                        && e.target.as_ref().and_then(|x| x.code.as_ref()) == b.as_ref().and_then(|b| b.code.as_ref())
                });
                if dup {
                    trace.note(|| "    duplicate of an event already coded in this sentence".into());
                    continue;
                }
                let mut span = word;
                for sp in [Some(a.span), b.as_ref().map(|b| b.span)].into_iter().flatten() {
                    span = span_of(span.start.min(sp.start), span.end.max(sp.end));
                }
                if s.parsed && !p.noun {
                    for o in s.kids(c.word, &["obj"]) {
                        let st = s.subtree(o);
                        span = span_of(span.start.min(st.start), span.end.max(st.end));
                    }
                }
                let quantities = doc
                    .quantities
                    .iter()
                    .enumerate()
                    .filter(|(_, q)| span.start <= q.span.start && q.span.end <= span.end)
                    .map(|(k, _)| k as u32)
                    .collect();
                let confidence = confidence(&s, c, p, &a, b.as_ref(), used_window);
                trace.note(|| {
                    format!(
                        "    EVENT {} {} → {} ({}), confidence {confidence}",
                        code,
                        a.code.as_deref().unwrap_or("?"),
                        b.as_ref().and_then(|b| b.code.as_deref()).unwrap_or("none"),
                        modality.as_str()
                    )
                });
                out.push(Event {
                    sentence: index as u32,
                    span,
                    trigger: word,
                    source: Some(Participant { span: a.span, code: a.code.clone(), entity: a.entity }),
                    target: b.map(|b| Participant { span: b.span, code: b.code.clone(), entity: b.entity }),
                    cameo: code.to_string(),
                    quad_class: entry.quad_class,
                    goldstein: entry.goldstein,
                    plover: plover.clone(),
                    date: date.clone(),
                    time: time.clone(),
                    historical,
                    modality,
                    // (never a phrase holding the trigger: such a trigger was rejected, or left
                    // without attribution, above)
                    attribution: said.map(Speech::output),
                    place: place.clone(),
                    quantities,
                    confidence,
                });
            }
        }
        if let Some(d) = explicit_date
            && !is_historical(Some(&d), doc)
        {
            ctx.narrative = Some(d);
        }
    }

    /// Place: a locative oblique of the clause ("in Belarus", "along the border with Poland").
    /// Who is held by arrest verb `v`: its object or passive subject; the noun a participle
    /// modifies ("51 people arrested"); the passive subject it shares with the verb it is
    /// coordinated with ("were stopped at the border and arrested").
    fn held_people(&self, s: &Sent, v: usize) -> Vec<usize> {
        let mut held: Vec<usize> = s.kids(v, &["obj", "nsubj:pass"]).collect();
        // ("arrested about 50 activists", parsed with "about" as a preposition)
        let approximate = |o: &usize| {
            matches!(s.case_of(*o).as_str(), "about" | "around" | "over" | "nearly" | "some")
                && s.kids(*o, &["nummod"]).next().is_some()
        };
        // ("arrested among others three corporators", the object misread as that phrase's)
        let among_others = |o: &usize| s.case_of(*o) == "among" && s.words[*o].lower == "others";
        if held.is_empty() {
            held.extend(s.kids(v, &["obl"]).filter(|o| approximate(o) || among_others(o)));
        }
        // ("2,537 people have been rounded up", with the subject hung on a misread "have")
        if held.is_empty() && is_passive(s, v) {
            let auxiliaries: Vec<usize> = s.kids(v, &["aux"]).collect();
            held.extend(auxiliaries.into_iter().flat_map(|a| s.kids(a, &["nsubj"]).collect::<Vec<_>>()));
        }
        if held.is_empty() {
            // ("the arrested workers": the noun a participle before it describes)
            if reduced_relative(s, v) || attributive_participle(s, v) {
                held.extend(s.words[v].head);
            } else if s.words[v].deprel == "conj"
                && let Some((n, passive)) = self.subject(s, v, 0)
                && (passive || is_passive(s, v))
            {
                held.push(n);
            }
        }
        held.into_iter().map(|k| s.through_quantifier(k)).collect()
    }

    /// "Five activists were arrested in Minsk": an arrest or detention (or a use of tear gas,
    /// water cannon, dispersal) in the passive with nobody named to make it is the police's,
    /// those of the country where it happened when the sentence names the place (`---COP`
    /// otherwise). The source points at the trigger, the word that implies it. (Jailing,
    /// charging and sentencing are the courts': not here.)
    fn unnamed_police(&self, s: &Sent, c: &Cand) -> Option<ActorRef> {
        let p = c.pattern;
        // ("432 arrests have been made": the light verb of a nominal arrest stands for it)
        let v = if p.noun && p.code == "173" && s.words[c.word].deprel == "nsubj:pass" {
            s.words[c.word].head.filter(|&h| any_form(s, h, &["make"])).unwrap_or(c.word)
        } else {
            c.word
        };
        let nominal_arrest = v != c.word;
        let arrest = (!p.noun || nominal_arrest)
            && match p.code.as_str() {
                "173" => {
                    nominal_arrest
                        || any_form(
                            s,
                            v,
                            &[
                                "arrest",
                                "detain",
                                "apprehend",
                                "nab",
                                "round",
                                "book",
                                "place",
                                "put",
                                "hold",
                                "pick",
                                "take",
                                // ("was remanded to police custody": held by the police)
                                "remand",
                            ],
                        )
                }
                // ("tear-gas shells were lobbed": tear gas is the police's)
                "175" => true,
                _ => false,
            };
        let by = has_by_phrase(s, v);
        // (or coordinated with a passive: "were stopped at the border and arrested")
        let conj_passive = s.words[v].deprel == "conj"
            && s.kids(v, &["nsubj"]).next().is_none()
            && s.words[v].head.is_some_and(|h| is_passive(s, h));
        // (or a participle before its noun: "the arrested workers"; not the second half of a
        // hyphenated modifier, "the rebel-held capital")
        let attributive = attributive_participle(s, v);
        let passive = is_passive(s, v) || reduced_relative(s, v) || conj_passive || attributive;
        if !(s.parsed && arrest && passive && !by) {
            return None;
        }
        // (the place even when the window took it for the target)
        let country = self.place(s, c, &[]).and_then(|pl| pl.country).unwrap_or_else(|| "---".into());
        Some(ActorRef::implied(s.words[v].span, format!("{country}COP")))
    }

    fn place(&self, s: &Sent, c: &Cand, targets: &[ActorRef]) -> Option<Place> {
        if !s.parsed {
            return None;
        }
        // (and a phrase's own place: "taken into custody in Ahmedabad")
        let objects: Vec<usize> = s.kids(c.word, &["obj", "obl"]).collect();
        for head in [c.word, c.clause].into_iter().chain(objects) {
            for o in s.kids(head, &["obl", "nmod"]).collect::<Vec<_>>() {
                let case = s.case_of(o);
                if !matches!(
                    case.as_str(),
                    "in" | "near" | "at" | "inside" | "outside" | "across" | "along" | "into" | "on"
                ) {
                    continue;
                }
                let st = s.subtree(o);
                let ents: Vec<&dyad_core::Entity> = s
                    .doc
                    .entities
                    .iter()
                    .filter(|e| st.start <= e.span.start && e.span.end <= st.end)
                    .filter(|e| {
                        matches!(
                            e.label,
                            dyad_core::EntityLabel::Gpe | dyad_core::EntityLabel::Loc | dyad_core::EntityLabel::Fac
                        )
                    })
                    .collect();
                let has_place_word = any_form(
                    s,
                    o,
                    &[
                        "border",
                        "region",
                        "city",
                        "capital",
                        "area",
                        "town",
                        "village",
                        "frontier",
                        "coast",
                        "east",
                        "west",
                        "north",
                        "south",
                        "outskirts",
                        "part",
                        "suburb",
                        "province",
                        "oblast",
                        "district",
                        "territory",
                        "airspace",
                        "waters",
                        "port",
                        "base",
                        "square",
                        "street",
                    ],
                );
                // the place is the phrase's head ("in Belarus", "near the border"), not a name
                // inside another noun ("in the event of an attack on the port")
                let head_is_place = s.doc.entities.iter().any(|e| {
                    e.span.contains(s.words[o].span)
                        && matches!(
                            e.label,
                            dyad_core::EntityLabel::Gpe | dyad_core::EntityLabel::Loc | dyad_core::EntityLabel::Fac
                        )
                });
                if !has_place_word && (ents.is_empty() || !head_is_place) {
                    continue;
                }
                if targets.iter().any(|t| st.start <= t.span.start && t.span.end <= st.end) && case != "near" {
                    continue;
                }
                let country =
                    ents.iter().rev().find_map(|e| e.actor.as_deref()).and_then(|a| a.get(..3)).map(str::to_string);
                // from the preposition on (no dash or quote before it)
                let start = s.kids(o, &["case"]).map(|k| s.words[k].span.start).min().unwrap_or(st.start);
                return Some(Place { span: span_of(start, st.end), country });
            }
        }
        None
    }
}

/// Confidence of an event, in [0.2, 0.95], from its evidence. Calibrated on the even lines of
/// the GSR records and reported on the odd ones (`eval/confidence.py`, BENCHMARKS.md): a
/// higher value is meant to mean a higher share of right events, nothing more.
///
/// - pattern specificity: +0.05 per condition beyond the lemma, at most two (conditions show
///   that the pattern fits its context, but the finest sub-codes are also the most often wrong);
/// - parse agreement: +0.15 when the arguments come from the dependency parse, not the word
///   window; −0.10 when the source is more than twelve words from the trigger, −0.05 in a
///   sentence of more than forty words (where the parser is weakest);
/// - actor certainty: +0.10 for a source named in the sentence (not a pronoun or a short
///   name resolved from earlier), +0.10 for a named target (an event with both sides).
fn confidence(s: &Sent, c: &Cand, p: &Pattern, a: &ActorRef, b: Option<&ActorRef>, used_window: bool) -> f32 {
    let mut x = 0.40 + 0.05 * p.specificity().min(2) as f32;
    if s.parsed && !used_window {
        x += 0.15;
    }
    if !a.via_mention {
        x += 0.10;
    }
    if b.is_some() {
        x += 0.10;
    }
    if s.word_at(a.span.start).is_some_and(|k| k.abs_diff(c.word) > 12) {
        x -= 0.10;
    }
    if s.words.len() > 40 {
        x -= 0.05;
    }
    (x.clamp(0.2, 0.95) * 100.0).round() / 100.0
}

/// A date and a clock time in one phrase ("at 9:15 am ET on Saturday", "on Saturday at
/// noon"): the DATE expression gives the day, the TIME expression the time of day, whichever
/// of the two the date rules chose. Neighbours are separated by nothing but spaces, commas,
/// brackets, "on" or "at". Returns the day and the expression to take a time from (`k`
/// itself when it has no neighbour of the other kind).
fn phrase_day(s: &Sent, usable: &[(usize, &dyad_core::Timex, String)], k: usize, day: &str) -> (String, usize) {
    let text = s.doc.text();
    let Some((_, t, _)) = usable.iter().find(|(j, _, _)| *j == k) else { return (day.to_string(), k) };
    let partner = usable.iter().filter(|(j, u, _)| *j != k && u.kind != t.kind).find(|(_, u, _)| {
        let (a, b) = if u.span.start >= t.span.end { (t.span.end, u.span.start) } else { (u.span.end, t.span.start) };
        a <= b
            && text[a as usize..b as usize]
                .to_lowercase()
                .split(|c: char| c.is_whitespace() || matches!(c, ',' | '(' | ')'))
                .all(|w| matches!(w, "" | "on" | "at"))
    });
    match (t.kind, partner) {
        (TimexKind::Time, Some((_, u, d))) if u.kind == TimexKind::Date && d.len() == 10 => (d.clone(), k),
        (TimexKind::Date, Some((j, u, _))) if u.kind == TimexKind::Time && day.len() == 10 => (day.to_string(), *j),
        _ => (day.to_string(), k),
    }
}

/// The calendar-date part of a TIMEX3 value ("2022-02-12T14:15Z" → "2022-02-12", "2014" → "2014").
pub fn date_part(v: &str) -> Option<String> {
    let b = v.as_bytes();
    let digits = |r: std::ops::Range<usize>| b.get(r).is_some_and(|x| x.iter().all(u8::is_ascii_digit));
    if digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10) {
        Some(v[..10].to_string())
    } else if digits(0..4) && (b.len() == 4 || (b.get(4) == Some(&b'-') && digits(5..7) && b.len() == 7)) {
        Some(v.to_string())
    } else {
        None
    }
}

/// A decade or century named in sentence `s` (outside the attribution) that ended before the
/// publication: "in the 1960s" (`196`), "two decades ago" (`200` in 2023), "the 19th century".
fn past_period<'d>(s: &Sent<'d>, attribution: Option<&Speech>) -> Option<&'d dyad_core::Timex> {
    let published = i64::from(s.doc.meta.published?.date.year());
    own_timexes(s, attribution).map(|(_, t)| t).find(|t| {
        let Some(v) = t.value.as_deref().filter(|v| v.bytes().all(|b| b.is_ascii_digit())) else { return false };
        // the first year after the period: decade 196 → 1970, century 19 → 2000
        let after = match v.len() {
            3 => v.parse::<i64>().ok().map(|d| (d + 1) * 10),
            2 => v.parse::<i64>().ok().map(|c| (c + 1) * 100),
            _ => None,
        };
        t.kind == TimexKind::Date && after.is_some_and(|a| a <= published)
    })
}

/// The past era a sentence opens with as its time, if any.
fn past_era(text: &str) -> Option<&'static str> {
    // (the longest opening, "during the great patriotic war ,", is 32 characters)
    let lower = text.trim_start().chars().take(40).collect::<String>().to_lowercase();
    let rest = lower.strip_prefix("in ").or_else(|| lower.strip_prefix("during "))?;
    markers::PAST_ERAS
        .iter()
        .copied()
        .find(|era| rest.strip_prefix(era).is_some_and(|after| after.starts_with(',') || after.starts_with(" ,")))
}

/// The time expressions of sentence `s` (with their indexes) outside the attribution: the
/// times of its events, not of the saying.
fn own_timexes<'d>(s: &Sent<'d>, attribution: Option<&Speech>) -> impl Iterator<Item = (usize, &'d dyad_core::Timex)> {
    let sspan = s.doc.sentences[s.index].span;
    let said = attribution.map(|a| a.span);
    s.doc.timexes.iter().enumerate().filter(move |(_, t)| {
        sspan.start <= t.span.start
            && t.span.end <= sspan.end
            && !said.is_some_and(|a| a.start <= t.span.start && t.span.end <= a.end)
    })
}

/// True when the period `date` names ends more than 60 days before the publication date.
pub fn is_historical(date: Option<&str>, doc: &Document) -> bool {
    let (Some(d), Some(p)) = (date, doc.meta.published) else { return false };
    let y: i64 = d.get(..4).and_then(|x| x.parse().ok()).unwrap_or(0);
    let m: Option<i64> = d.get(5..7).and_then(|x| x.parse().ok());
    let dd: Option<i64> = d.get(8..10).and_then(|x| x.parse().ok());
    let end = match (m, dd) {
        (Some(m), Some(dd)) => clock::days_from_civil(y, m, dd),
        (Some(m), None) => clock::days_from_civil(y, m, 28),
        _ => clock::days_from_civil(y, 12, 31),
    };
    let pubd = clock::days_from_civil(i64::from(p.date.year()), i64::from(p.date.month()), i64::from(p.date.day()));
    pubd - end > 60
}
