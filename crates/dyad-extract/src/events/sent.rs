//! A sentence view for coding: its words (from the parse, or from tokens when there is no
//! parse), lower-cased forms, children lists, and the actor each word belongs to.

use super::lemma::candidates_of;
use super::markers;
use dyad_core::{Document, Entity, EntityLabel, Mention, Span};
use std::borrow::Cow;
use std::rc::Rc;

/// One word of the sentence.
#[derive(Clone, Debug)]
pub struct W<'a> {
    /// Bytes of the word.
    pub span: Span,
    /// Universal POS ("X" without a parse).
    pub upos: &'static str,
    /// Penn Treebank tag ("_" without a parse): it tells a finite verb from a bare one.
    pub xpos: &'static str,
    /// Head, local index.
    pub head: Option<usize>,
    /// Relation to the head.
    pub deprel: &'static str,
    /// Lower-cased form: the text itself when it has no capital (most words), a copy otherwise.
    pub lower: Cow<'a, str>,
    /// Dependents, local indices in order.
    pub children: Vec<usize>,
}

/// `word` in lower case, borrowed when it is already (ASCII without capitals): one copy
/// fewer for most words of a sentence.
fn lowered(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// Participles after "X-" that name who made or gave a thing, not who acts.
const MAKERS: &[&str] =
    &["made", "built", "designed", "produced", "manufactured", "supplied", "donated", "provided", "developed"];

/// An actor found at some words.
#[derive(Clone, Debug, PartialEq)]
pub struct ActorRef {
    /// Bytes naming it.
    pub span: Span,
    /// CAMEO code.
    pub code: Option<String>,
    /// Entity index.
    pub entity: Option<u32>,
    /// True when it comes from a pronoun or description (coreference), false for a name.
    pub via_mention: bool,
    /// Entity label (GPE, LOC, ...).
    pub label: Option<EntityLabel>,
}

/// The sentence as the coder sees it.
pub struct Sent<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Sentence index.
    pub index: usize,
    /// Words.
    pub words: Vec<W<'a>>,
    /// True when the words carry a dependency parse.
    pub parsed: bool,
    /// Actor of each word, if any.
    pub actor: Vec<Option<ActorRef>>,
    /// True when the sentence holds a conditional clause ("if", "unless", "should X ...").
    pub conditional: bool,
    /// Lemma candidates of each word (of the hyphenated word it ends too), computed once.
    pub forms: Vec<Rc<[String]>>,
}

impl<'a> Sent<'a> {
    /// Builds the view of sentence `index`.
    pub fn new(doc: &'a Document, index: usize) -> Sent<'a> {
        let s = &doc.sentences[index];
        let text = doc.text();
        let parsed_words = doc.sentence_words(index);
        let mut words: Vec<W<'a>> = Vec::new();
        let parsed = !parsed_words.is_empty() && parsed_words.iter().any(|w| w.deprel != "_");
        if !parsed_words.is_empty() {
            let base = doc.words.partition_point(|w| w.span.start < s.span.start);
            for w in parsed_words {
                let head = w.head.and_then(|h| (h as usize).checked_sub(base)).filter(|&h| h < parsed_words.len());
                words.push(W {
                    span: w.span,
                    upos: w.upos,
                    xpos: w.xpos,
                    head: if parsed { head } else { None },
                    deprel: w.deprel,
                    lower: lowered(w.span.slice(text)),
                    children: Vec::new(),
                });
            }
        } else {
            for t in doc.sentence_tokens(index) {
                for span in t.words() {
                    words.push(W {
                        span,
                        upos: "X",
                        xpos: "_",
                        head: None,
                        deprel: "_",
                        lower: lowered(span.slice(text)),
                        children: Vec::new(),
                    });
                }
            }
        }
        for i in 0..words.len() {
            if let Some(h) = words[i].head
                && h != i
            {
                words[h].children.push(i);
            }
        }
        // Only the entities and mentions that reach into the sentence can hold its words:
        // looking through those alone spares a scan of the whole document per word.
        let reaches = |e: Span| e.start <= s.span.end && e.end >= s.span.start;
        let entities: Vec<(usize, &Entity)> =
            doc.entities.iter().enumerate().filter(|(_, e)| reaches(e.span)).collect();
        let mentions: Vec<&Mention> = doc.mentions.iter().filter(|m| reaches(m.span)).collect();
        let mut actor: Vec<Option<ActorRef>> =
            words.iter().map(|w| actor_at(doc, &entities, &mentions, w.span)).collect();
        // "US-made missiles", "Iranian-built drones": who made a thing does nothing in the
        // sentence (unlike "a US-led coalition")
        for k in 0..words.len().saturating_sub(2) {
            if words[k + 1].lower == "-" && MAKERS.contains(&words[k + 2].lower.as_ref()) {
                actor[k] = None;
            }
        }
        let conditional = words.iter().enumerate().any(|(i, w)| {
            matches!(w.lower.as_ref(), "if" | "unless")
                || (w.lower == "should"
                    && (i == 0
                        || words[i - 1].lower == "that"
                        || words[i - 1].lower == ","
                        || (parsed
                            && words[i].deprel == "aux"
                            && words.get(i + 1).is_some_and(|n| n.deprel.starts_with("nsubj")))))
        });
        let mut sent = Sent { doc, index, words, parsed, actor, conditional, forms: Vec::new() };
        sent.forms = (0..sent.words.len())
            .map(|k| {
                let forms = candidates_of(&sent.words[k].lower);
                match sent.joined(k) {
                    Some(j) => forms.iter().chain(candidates_of(&j).iter()).cloned().collect(),
                    None => forms,
                }
            })
            .collect();
        sent
    }

    /// True when word `k` can be a form of one of the lemmas (`*`: any word).
    pub fn is_form(&self, k: usize, set: &[String]) -> bool {
        set.iter().any(|l| l == "*") || self.forms[k].iter().any(|f| set.contains(f))
    }

    /// Text of the sentence.
    pub fn text(&self) -> &'a str {
        self.doc.slice(self.doc.sentences[self.index].span)
    }

    /// Children of `i` with one of the relations (prefix match on "nmod" covers "nmod:poss").
    pub fn kids<'s>(&'s self, i: usize, rels: &'s [&'s str]) -> impl Iterator<Item = usize> + 's {
        self.words[i].children.iter().copied().filter(move |&c| rels.iter().any(|r| rel_is(self.words[c].deprel, r)))
    }

    /// The preposition of the phrase headed by `o`, also when the parser hung it on the
    /// noun's first modifier ("in police firing" with "in" on "police"); `None` for none.
    pub fn phrase_case(&self, o: usize) -> Option<String> {
        std::iter::once(o).chain(self.kids(o, &["compound", "amod"])).map(|k| self.case_of(k)).find(|c| !c.is_empty())
    }

    /// The prepositions (case/mark words) of an oblique or nominal modifier, joined ("out of").
    pub fn case_of(&self, i: usize) -> String {
        let mut parts: Vec<&str> = self.kids(i, &["case"]).map(|c| self.words[c].lower.as_ref()).collect();
        for c in self.kids(i, &["case"]).collect::<Vec<_>>() {
            for f in self.kids(c, &["fixed"]) {
                parts.push(self.words[f].lower.as_ref());
            }
        }
        // "out of Ukraine" is sometimes parsed with "out" as an adverb of the verb, just before;
        // so is "together with", "along with" (a companion, not a party: see `companion`).
        if parts.len() == 1
            && let Some(c) = self.kids(i, &["case"]).next()
            && c >= 1
            && let before = self.words[c - 1].lower.as_ref()
            && (matches!(before, "together" | "along") || (c + 1 == i && matches!(before, "out" | "away")))
        {
            return format!("{before} {}", parts[0]);
        }
        parts.join(" ")
    }

    /// The hyphenated word ending at `k` when the tokeniser split it ("de - escalate" →
    /// "de-escalate").
    pub fn joined(&self, k: usize) -> Option<String> {
        let (a, h) = (self.words.get(k.checked_sub(2)?)?, &self.words[k - 1]);
        (h.lower == "-" && a.span.end == h.span.start && h.span.end == self.words[k].span.start)
            .then(|| format!("{}-{}", a.lower, self.words[k].lower))
    }

    /// The complement verbs of `i`: its clausal complements and objects, and a "to" clause
    /// the parser hung on its object ("urged the opposition to end ...").
    pub fn complements(&self, i: usize) -> Vec<usize> {
        // (an adverbial clause only as the parser's reading of an infinitive or of the means,
        // "urged Russia to de-escalate by withdrawing troops": "threatened retaliation after
        // Belarus expelled diplomats" threatens no expulsion)
        let infinitive_or_bare =
            |a: usize| self.kids(a, &["mark"]).all(|m| matches!(self.words[m].lower.as_ref(), "to" | "by"));
        let mut out: Vec<usize> = self
            .kids(i, &["xcomp", "ccomp", "advcl", "obj"])
            .filter(|&k| self.words[k].deprel != "advcl" || infinitive_or_bare(k))
            .collect();
        for o in self.kids(i, &["obj"]).collect::<Vec<_>>() {
            out.extend(
                self.kids(o, &["acl"]).filter(|&a| self.kids(a, &["mark"]).any(|m| self.words[m].lower == "to")),
            );
        }
        out
    }

    /// True when word `k` lies inside a time expression ("on Sunday").
    /// True when word `k` belongs to a dateline opening the sentence: a few capitalised words
    /// (and commas) before a colon or dash ("Washington:", "KYIV, Ukraine —"). A dateline
    /// names where the story was filed, not who acted.
    pub fn is_dateline(&self, k: usize) -> bool {
        let Some(end) = self
            .words
            .iter()
            .take(5)
            .position(|w| matches!(w.lower.as_ref(), ":" | "\u{2014}" | "\u{2013}" | "-" | "--"))
        else {
            return false;
        };
        let capitalised = |w: &W| self.doc.slice(w.span).starts_with(|c: char| c.is_uppercase());
        k < end && end > 0 && self.words[..end].iter().all(|w| capitalised(w) || w.lower == ",")
    }

    pub fn is_time(&self, k: usize) -> bool {
        let w = self.words[k].span;
        self.doc.timexes.iter().any(|t| t.span.start <= w.start && w.end <= t.span.end)
    }

    /// The noun a quantifier stands for ("thousands of protesters" → "protesters"), else `i`.
    pub fn through_quantifier(&self, i: usize) -> usize {
        if markers::is_quantifier(&self.words[i].lower) {
            self.kids(i, &["nmod", "obl"]).next().unwrap_or(i)
        } else {
            i
        }
    }

    /// The goals of the action at `i`: heads of its "for", "against" and "over" phrases and of
    /// its object's; and the objects (or such phrases) of a verb of demanding under it
    /// ("rallied to demand the resignation", "a strike calling for new elections").
    pub fn goals(&self, i: usize) -> Vec<usize> {
        const GOAL_CASES: &[&str] = &["for", "against", "over"];
        let phrases = |k: usize| -> Vec<usize> {
            self.kids(k, &["obl", "nmod"])
                .filter(|&o| GOAL_CASES.contains(&self.case_of(o).as_str()))
                .map(|o| self.through_quantifier(o))
                .collect()
        };
        let mut out = phrases(i);
        for o in self.kids(i, &["obj", "nsubj:pass"]).collect::<Vec<_>>() {
            out.extend(phrases(self.through_quantifier(o)));
        }
        for v in self.kids(i, &["advcl", "xcomp", "acl", "ccomp"]).collect::<Vec<_>>() {
            if !self.forms[v].iter().any(|f| markers::DEMANDING.contains(&f.as_str())) {
                continue;
            }
            for o in self.kids(v, &["obj"]).collect::<Vec<_>>() {
                let o = self.through_quantifier(o);
                out.push(o);
                out.extend(phrases(o));
            }
            out.extend(phrases(v));
        }
        out
    }

    /// Subtree span of `i` (first to last byte).
    pub fn subtree(&self, i: usize) -> Span {
        let mut span = self.words[i].span;
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(n) = stack.pop() {
            seen += 1;
            if seen > self.words.len() {
                break;
            }
            span.start = span.start.min(self.words[n].span.start);
            span.end = span.end.max(self.words[n].span.end);
            stack.extend(self.words[n].children.iter().copied());
        }
        span
    }

    /// Span of the noun phrase headed by `i` without its clauses: the head with its
    /// determiners, modifiers, compounds, flat names and possessors.
    pub fn np_span(&self, i: usize) -> Span {
        let mut span = self.words[i].span;
        let mut stack = vec![(i, 0)];
        while let Some((n, d)) = stack.pop() {
            span.start = span.start.min(self.words[n].span.start);
            span.end = span.end.max(self.words[n].span.end);
            if d < 4 {
                for c in self.kids(n, &["det", "amod", "compound", "flat", "nmod:poss", "nummod", "case", "nmod"]) {
                    if self.words[c].deprel == "case" && n == i {
                        continue;
                    }
                    stack.push((c, d + 1));
                }
            }
        }
        span
    }

    /// Ancestors of `i`, nearest first (cycle-safe).
    pub fn ancestors(&self, i: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut n = i;
        while let Some(h) = self.words[n].head {
            if out.contains(&h) || h == i {
                break;
            }
            out.push(h);
            n = h;
        }
        out
    }

    /// Word index whose span starts at or covers byte `at`.
    pub fn word_at(&self, at: u32) -> Option<usize> {
        self.words.iter().position(|w| w.span.start <= at && at < w.span.end.max(w.span.start + 1))
    }

    /// The word that heads the words of `span` ("Korea" in "North Korea"): the first whose head
    /// lies outside it.
    pub fn head_in(&self, span: Span) -> Option<usize> {
        let inside = |k: usize| span.start <= self.words[k].span.start && self.words[k].span.end <= span.end;
        let mut k = self.word_at(span.start)?;
        for _ in 0..8 {
            match self.words[k].head {
                Some(h) if inside(h) => k = h,
                _ => return Some(k),
            }
        }
        Some(k)
    }

    /// The actors named in the phrase headed by `h`: the head's own actor, else its
    /// modifiers' ("Russian troops" → RUS + MIL), expanded over coordination.
    pub fn actors_in(&self, h: usize, depth: usize) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        self.collect(h, depth, &mut out);
        out.dedup_by(|a, b| a.span == b.span);
        out
    }

    fn collect(&self, h: usize, depth: usize, out: &mut Vec<ActorRef>) {
        let w = &self.words[h];
        if let Some(a) = &self.actor[h] {
            if !out.iter().any(|o| o.span == a.span) {
                out.push(a.clone());
            }
        } else if markers::is_quantifier(&w.lower) {
            for c in self.kids(h, &["nmod", "obl"]).collect::<Vec<_>>() {
                self.collect(c, depth, out);
            }
        } else if depth > 0 && !markers::is_relational(&w.lower) {
            // An appositive names the very actor ("His foreign minister, Sergei Lavrov"): it
            // goes before the modifiers, which name whom the head belongs to.
            let mut mods: Vec<usize> = self.kids(h, &["appos"]).collect();
            mods.extend(self.kids(h, &["amod", "compound", "nmod:poss", "nmod", "flat", "det:poss", "det"]));
            let before = out.len();
            for c in mods {
                if self.words[c].deprel == "det" && self.actor[c].is_none() {
                    continue;
                }
                // where the group stands is not whose it is ("forces and materiel around
                // Ukraine", "troops along the border with Poland")
                if self.words[c].deprel == "nmod" && markers::SPATIAL.contains(&self.case_of(c).as_str()) {
                    continue;
                }
                self.collect(c, depth - 1, out);
                if out.len() > before {
                    // "US and British activists": the modifier's conjuncts own the group too
                    if matches!(self.words[c].deprel, "amod" | "compound") {
                        for k in self.kids(c, &["conj"]).collect::<Vec<_>>() {
                            self.collect(k, depth - 1, out);
                        }
                    }
                    break;
                }
            }
            if out.len() > before
                && let Some(role) = markers::agent_role(&w.lower)
            {
                for a in &mut out[before..] {
                    // a country alone ("RUS") takes the role; a coded sector ("KENOPP") or a
                    // named group ("PSEREBHMS", "IGOWSTNAT") keeps its own code
                    if let Some(code) = &a.code
                        && code.len() == 3
                    {
                        a.code = Some(format!("{}{role}", &code[..3]));
                        a.span = span_of(a.span.start.min(w.span.start), a.span.end.max(w.span.end));
                    }
                }
            }
        }
        for c in self.kids(h, &["conj"]).collect::<Vec<_>>() {
            if matches!(self.words[c].upos, "NOUN" | "PROPN" | "PRON" | "X") && !self.misread_clause(c) {
                self.collect(c, depth, out);
            }
        }
    }

    /// True when noun `c` has a bare verb of its own as `acl`, a verb with no dependent at
    /// all: "rejected the plan, and a Russian invasion followed" parsed as a second object
    /// ("invasion") that "followed" modifies is a clause of its own, not a party.
    fn misread_clause(&self, c: usize) -> bool {
        self.kids(c, &["acl"]).any(|v| self.words[v].upos == "VERB" && self.words[v].children.is_empty())
    }

    /// True when word `k` lies inside the phrase of `i`'s own arguments: reached from `i` down
    /// the parse without passing through `i`'s subject or a clause of its own (a conjunct,
    /// parataxis, adverbial or clausal complement, relative clause). "rejected the plan and
    /// there followed a Russian invasion": "Russian" is no argument of "rejected".
    pub fn in_arguments(&self, i: usize, k: usize) -> bool {
        let mut n = k;
        for _ in 0..16 {
            let Some(h) = self.words[n].head else { return false };
            let rel = self.words[n].deprel;
            let own_clause = ["conj", "parataxis", "advcl", "ccomp", "csubj", "list", "discourse", "dislocated"]
                .iter()
                .any(|r| rel_is(rel, r))
                || rel == "acl:relcl";
            // "expressed willingness to cooperate with X" with the infinitive hung on the verb
            // whose object the noun `i` is: the clause right after a noun may be the noun's own
            if own_clause && self.infinitive_of_object(i, n, h) {
                return true;
            }
            // "accused Kyiv's allies": the possessor of a relational noun is no argument
            if own_clause || (markers::is_relational(&self.words[h].lower) && self.actor[h].is_none()) {
                return false;
            }
            // ("abducted ... since Russia's occupation of Crimea": a time adjunct holds none)
            let case = self.case_of(n);
            if h == i
                && (markers::TIME_ADJUNCTS.contains(&case.as_str()) || matches!(case.as_str(), "before" | "until"))
            {
                return false;
            }
            if h == i {
                return !rel_is(rel, "nsubj") && !rel_is(rel, "expl");
            }
            n = h;
        }
        false
    }

    /// True when `v`, a "to" infinitive that the parser made a clause of `h`, directly follows
    /// noun `i`, the object of `h` ("expressed willingness | to cooperate").
    fn infinitive_of_object(&self, i: usize, v: usize, h: usize) -> bool {
        let w = &self.words[v];
        (rel_is(w.deprel, "advcl") || rel_is(w.deprel, "xcomp"))
            && v == i + 2
            && self.words[i + 1].lower == "to"
            && self.words[i].head == Some(h)
            && rel_is(self.words[i].deprel, "obj")
    }

    /// The nearest actor right of `i`, within `limit` words, that is one of `i`'s arguments
    /// ([`Sent::in_arguments`]): the parsed form of the target window.
    pub fn argument_actor(&self, i: usize, limit: usize, not: Option<&str>) -> Option<ActorRef> {
        for j in (i + 1..self.words.len()).take(limit) {
            if self.words[j].lower == ";" {
                return None;
            }
            if let Some(a) = &self.actor[j]
                && a.code.is_some()
                && (not.is_none() || a.code.as_deref() != not)
                && (self.in_arguments(i, j) || self.phrase_after(i, j))
            {
                return Some(a.clone());
            }
        }
        None
    }

    /// True when word `j` ends a short noun phrase that directly follows `i` and holds a
    /// preposition ("talked with Chinese Foreign Minister ...", "helped the exiled dissidents
    /// from Egypt"): the surface shape of an argument, for sentences whose parse hangs the
    /// phrase elsewhere. No verb (but a participle before a noun), clause word or punctuation
    /// may stand between the two.
    pub fn phrase_after(&self, i: usize, j: usize) -> bool {
        if j <= i + 1 || j > i + 6 {
            return false;
        }
        let between = i + 1..j;
        let nominal = |k: usize| {
            matches!(self.words[k].upos, "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM" | "ADP")
                || (self.words[k].upos == "VERB"
                    && self.words[k].lower.ends_with("ed")
                    && self.words.get(k + 1).is_some_and(|n| matches!(n.upos, "NOUN" | "ADJ")))
        };
        between.clone().any(|k| self.words[k].upos == "ADP") && between.into_iter().all(nominal)
    }

    /// Nearest actor-bearing word left (`dir < 0`) or right of `i` within `limit` words.
    pub fn nearest_actor(&self, i: usize, left: bool, limit: usize, not: Option<&str>) -> Option<ActorRef> {
        let range: Box<dyn Iterator<Item = usize>> =
            if left { Box::new((0..i).rev()) } else { Box::new(i + 1..self.words.len()) };
        for (k, j) in range.enumerate() {
            if k >= limit || self.words[j].lower == ";" {
                return None;
            }
            if let Some(a) = &self.actor[j]
                && a.code.is_some()
                && (not.is_none() || a.code.as_deref() != not)
            {
                return Some(a.clone());
            }
        }
        None
    }
}

const PREPS: &[&str] = &[
    "with",
    "of",
    "to",
    "by",
    "for",
    "against",
    "from",
    "in",
    "on",
    "at",
    "near",
    "between",
    "over",
    "into",
    "toward",
    "towards",
    "about",
    "after",
    "amid",
    "according",
    "than",
    "like",
    "via",
    "among",
    "across",
    "inside",
    "outside",
];

impl ActorRef {
    /// An actor the sentence implies but names by no entity ("were arrested": the police; "killed
    /// five people in Kharkiv": its civilians), standing at the words that imply it.
    pub fn implied(span: Span, code: String) -> ActorRef {
        ActorRef { span, code: Some(code), entity: None, via_mention: false, label: None }
    }

    /// True for places without a government of their own (regions, facilities): they cannot act.
    pub fn is_place(&self) -> bool {
        matches!(self.label, Some(EntityLabel::Loc | EntityLabel::Fac))
    }

    /// True for a named place of any kind, a country or city included ("targeted Kyiv").
    pub fn names_place(&self) -> bool {
        matches!(self.label, Some(EntityLabel::Gpe | EntityLabel::Loc | EntityLabel::Fac))
    }
}

impl Sent<'_> {
    /// Subject-like actors left of word `i`: the nearest actor not governed by a preposition
    /// and not a possessor, with the actors coordinated with it ("Biden and Putin").
    /// `agents_only` passes over the subjects of passives too, which are done to: for a verb
    /// with no subject of its own ("four children were killed in tank shelling" does not make
    /// the children shell), not for a pronoun the window resolves ("ten fighters were killed
    /// when they attacked the base").
    pub fn subject_window(&self, i: usize, exclude: Option<Span>, agents_only: bool) -> Vec<ActorRef> {
        let mut out: Vec<ActorRef> = Vec::new();
        let mut j = i;
        let mut steps = 0;
        // ("arming the rebels, which it denies": an "it" before the verb is no plural group)
        let it_before = (0..i).rev().take(4).find(|&k| self.words[k].lower == "it");
        let plural_for_it = |a: &ActorRef| {
            it_before.is_some_and(|k| self.words[k].span.start >= a.span.end)
                && self.word_at(a.span.start).is_some_and(|w| matches!(self.words[w].xpos, "NNS" | "NNPS"))
        };
        let usable = |a: &ActorRef| {
            a.code.is_some() && !a.is_place() && !exclude.is_some_and(|e| e.contains(a.span)) && !plural_for_it(a)
        };
        while j > 0 && steps < 16 {
            j -= 1;
            steps += 1;
            if matches!(self.words[j].lower.as_ref(), ";" | "while" | "whereas") {
                break;
            }
            let Some(a) = self.actor[j].clone() else { continue };
            let first = self.word_at(a.span.start).unwrap_or(j).min(j);
            let last = self.words.iter().rposition(|w| w.span.end <= a.span.end).unwrap_or(j);
            let before_verb = last + 1 == i
                || self.words.get(last + 1).is_some_and(|w| matches!(w.upos, "AUX" | "VERB" | "ADV") || w.lower == ",");
            // A place after "in", "near", "at" is where the subject is, even right before the
            // verb, when the words before it name the subject ("Wagner fighters in Libya
            // distinguished themselves", "Russian airstrikes near Kharkiv kill"); alone, it
            // stands for it ("Miners in Chile struck").
            let located = first.checked_sub(1).is_some_and(|p| {
                matches!(self.words[p].lower.as_ref(), "in" | "near" | "at" | "outside" | "inside")
                    && (p.saturating_sub(3)..p).any(|k| self.actor[k].as_ref().is_some_and(|b| b.code.is_some()))
            });
            // ("the six people killed in police firing": a participle's noun is its patient;
            // not with an object of its own, "militants attacked a base", misparsed)
            let reduced_passive = self.words[i].deprel == "acl"
                && self.words[i].xpos == "VBN"
                && self.words[i].head.is_some_and(|h| (first..=last.max(first)).contains(&h))
                && self.kids(i, &["obj"]).all(|o| self.phrase_case(o).is_some());
            // ("2,537 people have been rounded up", the subject hung on a misread "have")
            let passive_i = self.kids(i, &["aux:pass"]).next().is_some();
            let subject_of_aux = |w: &W| {
                w.deprel == "nsubj"
                    && w.head.is_some_and(|h| self.words[h].deprel == "aux" && self.words[h].head == Some(i))
            };
            let patient = reduced_passive
                || (passive_i && self.words[first..=last.max(first)].iter().any(subject_of_aux))
                || agents_only && self.words[first..=last.max(first)].iter().any(|w| w.deprel == "nsubj:pass");
            // (an actor inside a phrase acts only right before the verb: "sanctions against
            // Russia, provided aid" has no Russian provider)
            let next_is_verb = before_verb && self.words.get(last + 1).is_none_or(|w| w.lower != ",");
            if !usable(&a)
                || located
                || patient
                || (self.governed(first) && !next_is_verb)
                || self.words.get(last + 1).is_some_and(|w| w.lower == "'s")
            {
                j = first;
                continue;
            }
            out.push(a);
            // coordination to the left: "A and B"
            let (mut k, mut saw_and, mut n) = (first, false, 0);
            while k > 0 && n < 8 {
                k -= 1;
                n += 1;
                let w = self.words[k].lower.as_ref();
                if w == "and" || w == "," {
                    saw_and |= w == "and";
                    continue;
                }
                if let Some(b) = self.actor[k].clone()
                    && saw_and
                    && usable(&b)
                    && !out.iter().any(|o| o.span == b.span)
                {
                    if !self.governed(self.word_at(b.span.start).unwrap_or(k)) {
                        out.push(b);
                    }
                    break;
                }
                if self.words[k].upos == "VERB" {
                    break;
                }
            }
            break;
        }
        out
    }

    /// True when word `first` is governed by a preposition (directly or over a determiner or adjective).
    fn governed(&self, first: usize) -> bool {
        let at = |k: Option<usize>| k.map(|k| self.words[k].lower.as_ref());
        let p1 = at(first.checked_sub(1));
        let p2 = at(first.checked_sub(2));
        let p3 = at(first.checked_sub(3));
        let is_prep = |w: Option<&str>| w.is_some_and(|w| PREPS.contains(&w));
        let is_det = |w: Option<&str>| {
            w.is_some_and(|w| {
                matches!(w, "the" | "a" | "an" | "its" | "his" | "her" | "their" | "two" | "both" | "some")
            })
        };
        is_prep(p1) || (is_det(p1) && is_prep(p2)) || (is_det(p2) && is_prep(p3))
    }

    /// Word range of a condition clause: from "if"/"unless" or an inverted "should" to the
    /// next comma.
    pub fn condition_clause(&self) -> Option<(usize, usize)> {
        let start = self.words.iter().enumerate().position(|(k, w)| {
            matches!(w.lower.as_ref(), "if" | "unless")
                || (w.lower == "should"
                    && (k == 0 || matches!(self.words[k - 1].lower.as_ref(), "that" | "," | "but" | "and"))
                    && self.words.get(k + 1).is_some_and(|n| n.upos != "VERB" && n.upos != "AUX"))
        })?;
        let end = (start + 1..self.words.len())
            .find(|&k| matches!(self.words[k].lower.as_ref(), "," | "then" | ";"))
            .unwrap_or(self.words.len());
        Some((start, end))
    }

    /// True when the noun at `i` is definite ("the call"): a determiner on it, or "the" among
    /// the eight words before it with no verb or punctuation between.
    pub fn definite(&self, i: usize) -> bool {
        if self.kids(i, &["det"]).any(|d| matches!(self.words[d].lower.as_ref(), "the" | "this" | "that")) {
            return true;
        }
        for k in (i.saturating_sub(8)..i).rev() {
            let w = &self.words[k];
            if matches!(w.lower.as_ref(), "the" | "this" | "that") {
                return true;
            }
            if matches!(w.lower.as_ref(), "a" | "an")
                || w.upos == "VERB"
                || w.upos == "PUNCT"
                || self.actor[k].is_some()
            {
                return false;
            }
        }
        false
    }

    /// The speaker next to a speech verb: an actor ending within five words before it, or
    /// starting within three words after it, with no punctuation or "that" between.
    pub fn adjacent_actor(&self, i: usize) -> Option<ActorRef> {
        for k in (i.saturating_sub(5)..i).rev() {
            if self.words[k].upos == "PUNCT" || matches!(self.words[k].lower.as_ref(), "," | "\"" | "that") {
                break;
            }
            if let Some(a) = self.actor[k].clone().filter(|a| a.code.is_some()) {
                return Some(a);
            }
        }
        // ("said Russia's foreign ministry", not "insisting that NATO ...": who comes after a
        // complementizer is what is said)
        for k in i + 1..(i + 4).min(self.words.len()) {
            if self.words[k].upos == "PUNCT" || self.words[k].lower == "that" {
                break;
            }
            if let Some(a) = self.actor[k].clone().filter(|a| a.code.is_some()) {
                return Some(a);
            }
        }
        None
    }

    /// True when the noun at `i` merely refers to an event: the object of a preposition or
    /// of a verb that is not a light verb (as opposed to the subject of "began", or the object
    /// of "launched").
    pub fn reference(&self, i: usize) -> bool {
        const LIGHT: &[&str] = &[
            "hold",
            "held",
            "launch",
            "launched",
            "begin",
            "began",
            "start",
            "started",
            "carry",
            "carried",
            "conduct",
            "conducted",
            "stage",
            "staged",
            "mount",
            "mounted",
            "have",
            "had",
            "make",
            "made",
            "order",
            "ordered",
            "announce",
            "announced",
            "continue",
            "continued",
            "resume",
            "resumed",
            "take",
            "took",
            "hold",
            "holds",
            "claim",
            "claimed",
        ];
        let w = &self.words[i];
        if self.parsed && w.head.is_some() {
            let rel = w.deprel;
            if rel_is(rel, "nsubj") || rel == "root" {
                return false;
            }
            if rel == "obj" {
                return !w.head.is_some_and(|h| LIGHT.contains(&self.words[h].lower.as_ref()));
            }
            return true;
        }
        // no parse: a preposition or a non-light verb shortly before the noun phrase
        for k in (i.saturating_sub(5)..i).rev() {
            let x = &self.words[k];
            if LIGHT.contains(&x.lower.as_ref()) {
                return false;
            }
            if PREPS.contains(&x.lower.as_ref()) || x.upos == "VERB" {
                return true;
            }
        }
        false
    }

    /// True when verb `i` follows "and" or a comma, over auxiliaries and adverbs ("and has sent").
    pub fn coordinated_vp(&self, i: usize) -> bool {
        let mut k = i;
        for _ in 0..4 {
            let Some(p) = k.checked_sub(1) else { return false };
            match self.words[p].lower.as_ref() {
                "and" | "," | "but" | "then" => return true,
                "has" | "have" | "had" | "also" | "later" | "further" | "was" | "were" | "is" | "are" | "be"
                | "been" | "subsequently" | "reportedly" | "allegedly" | "then," | "not" | "did" | "will" | "would" => {
                    k = p
                }
                _ => return false,
            }
        }
        false
    }
}

/// True when relation `rel` is `r` or a subtype of it ("nmod:poss" is an "nmod").
pub fn rel_is(rel: &str, r: &str) -> bool {
    rel == r || (rel.starts_with(r) && rel.as_bytes().get(r.len()) == Some(&b':'))
}

/// The actor at `span`: of a named entity holding it, else of a mention holding it. `entities`
/// and `mentions` are the document's (with their indices), in document order, or any part of
/// them that holds every one that contains `span`.
fn actor_at(doc: &Document, entities: &[(usize, &Entity)], mentions: &[&Mention], span: Span) -> Option<ActorRef> {
    let inside = |s: Span| s.start <= span.start && span.end <= s.end;
    if let Some(&(k, e)) = entities.iter().find(|(_, e)| e.actor.is_some() && inside(e.span)) {
        return Some(ActorRef {
            span: e.span,
            code: e.actor.clone(),
            entity: Some(k as u32),
            via_mention: false,
            label: Some(e.label),
        });
    }
    if let Some(m) = mentions.iter().find(|m| inside(m.span)) {
        let e = doc.entities.get(m.entity as usize)?;
        e.actor.as_ref()?;
        return Some(ActorRef {
            span: m.span,
            code: e.actor.clone(),
            entity: Some(m.entity),
            via_mention: true,
            label: Some(e.label),
        });
    }
    None
}

/// The span `start..end`.
pub fn span_of(start: u32, end: u32) -> Span {
    Span { start, end: end.max(start) }
}
