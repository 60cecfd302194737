//! Event patterns: one line of `lexicon/events/*.tsv` each, parsed into [`Pattern`].
//!
//! A line is `code <TAB> v|n <TAB> lemmas <TAB> conditions <TAB> example sentence`. Lemmas
//! are alternatives separated by commas. Conditions are space-separated:
//!
//! - `obj=a,b` the object's head is a form of one of the lemmas (`obj=*`: any object);
//! - `P=T` the oblique (or nominal modifier) introduced by preposition `P` names the target;
//!   `P=a,b` requires such an oblique whose head is one of the lemmas; `by=S` names the source
//!   (nouns: "the invasion of Ukraine by Russia");
//! - `prt=out` requires the particle; `x=a,b` requires a complement verb ("threatened to attack");
//! - `mod=a,b` requires a modifier of a noun ("phone call"); `gov=a,b` requires the governing verb
//!   of a noun ("held talks"); `pred=a,b` requires the predicate of the noun ("the path remained open");
//! - `T=obj` the object is the target (the default for verbs); `T=-` never take the object;
//! - `sym`: a symmetric action (coordinated subjects give both directions);
//! - `notarget`: CAMEO allows the event without a target;
//! - `cond`: the trigger is the consequence of a condition ("if X ..., there will be a
//!   response"): a threat by the speaker against the subject of the condition.

use super::EventsError;

/// How a preposition's oblique is used by a pattern.
#[derive(Clone, Debug, PartialEq)]
pub enum PrepUse {
    /// Names the target.
    Target,
    /// Names the source.
    Source,
    /// Must be present, headed by one of these lemmas.
    Require(Vec<String>),
}

/// One event pattern.
#[derive(Clone, Debug)]
pub struct Pattern {
    /// CAMEO code.
    pub code: String,
    /// True for a nominal trigger ("invasion"), false for a verb.
    pub noun: bool,
    /// Trigger lemmas (alternatives).
    pub lemmas: Vec<String>,
    /// Required object lemmas.
    pub obj: Option<Vec<String>>,
    /// Prepositions the pattern uses.
    pub preps: Vec<(String, PrepUse)>,
    /// Required particle.
    pub prt: Option<Vec<String>>,
    /// Required complement verb.
    pub comp: Option<Vec<String>>,
    /// Required noun modifier.
    pub mods: Option<Vec<String>>,
    /// Required governing verb of a noun.
    pub gov: Option<Vec<String>>,
    /// Required predicate of a noun.
    pub pred: Option<Vec<String>>,
    /// Whether the object may name the target.
    pub target_obj: bool,
    /// Symmetric action.
    pub sym: bool,
    /// Target may be null.
    pub notarget: bool,
    /// Consequence of a condition: a threat.
    pub cond: bool,
    /// The test sentence of the pattern.
    pub example: String,
    /// `file:line` of the pattern.
    pub origin: String,
}

impl Pattern {
    /// How many constraints the pattern adds to its lemma: more is more specific.
    pub fn specificity(&self) -> usize {
        [
            self.obj.is_some(),
            self.prt.is_some(),
            self.comp.is_some(),
            self.mods.is_some(),
            self.gov.is_some(),
            self.pred.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count()
            + self.preps.iter().filter(|(_, u)| matches!(u, PrepUse::Require(_))).count()
            + usize::from(self.cond)
    }

    /// One-line description for `explain`.
    pub fn describe(&self) -> String {
        let mut s = format!("{} {} {}", self.code, if self.noun { "n" } else { "v" }, self.lemmas.join(","));
        if let Some(o) = &self.obj {
            s += &format!(" obj={}", o.join(","));
        }
        for (p, u) in &self.preps {
            match u {
                PrepUse::Target => s += &format!(" {p}=T"),
                PrepUse::Source => s += &format!(" {p}=S"),
                PrepUse::Require(l) => s += &format!(" {p}={}", l.join(",")),
            }
        }
        for (name, v) in
            [("prt", &self.prt), ("x", &self.comp), ("mod", &self.mods), ("gov", &self.gov), ("pred", &self.pred)]
        {
            if let Some(v) = v {
                s += &format!(" {name}={}", v.join(","));
            }
        }
        s + &format!(" ({})", self.origin)
    }
}

fn list(s: &str) -> Vec<String> {
    s.split(',').map(|w| w.trim().to_lowercase()).filter(|w| !w.is_empty()).collect()
}

/// Parses one pattern file; `file` names it in errors.
pub fn parse(file: &'static str, text: &str) -> Result<Vec<Pattern>, EventsError> {
    let mut out = Vec::new();
    for (n, raw) in text.lines().enumerate() {
        let line = n + 1;
        if raw.trim().is_empty() || raw.starts_with('#') {
            continue;
        }
        let bad = |m: String| EventsError { file, line, message: m };
        let cols: Vec<&str> = raw.split('\t').collect();
        if cols.len() != 5 {
            return Err(bad(format!("expected 5 tab-separated columns, found {}", cols.len())));
        }
        let code = cols[0].trim().to_string();
        if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
            return Err(bad(format!("'{code}' is not a CAMEO code")));
        }
        let noun = match cols[1].trim() {
            "v" => false,
            "n" => true,
            other => return Err(bad(format!("part of speech must be v or n, not '{other}'"))),
        };
        let mut p = Pattern {
            code,
            noun,
            lemmas: list(cols[2]),
            obj: None,
            preps: Vec::new(),
            prt: None,
            comp: None,
            mods: None,
            gov: None,
            pred: None,
            target_obj: !noun,
            sym: false,
            notarget: false,
            cond: false,
            example: cols[4].trim().to_string(),
            origin: format!("{file}:{line}"),
        };
        if p.lemmas.is_empty() {
            return Err(bad("no lemma".into()));
        }
        if p.example.is_empty() {
            return Err(bad("every pattern needs a test sentence".into()));
        }
        for c in cols[3].split_whitespace().filter(|c| *c != "-") {
            match c {
                "sym" => p.sym = true,
                "notarget" => p.notarget = true,
                "cond" => p.cond = true,
                "T=obj" => p.target_obj = true,
                "T=-" => p.target_obj = false,
                _ => {
                    let Some((k, v)) = c.split_once('=') else { return Err(bad(format!("unknown condition '{c}'"))) };
                    let v = list(v);
                    match k {
                        "obj" => p.obj = Some(v),
                        "prt" => p.prt = Some(v),
                        "x" => p.comp = Some(v),
                        "mod" => p.mods = Some(v),
                        "gov" => p.gov = Some(v),
                        "pred" => p.pred = Some(v),
                        prep if prep.chars().all(|c| c.is_ascii_lowercase() || c == '_') => {
                            let prep = prep.replace('_', " ");
                            let use_ = match v.as_slice() {
                                [t] if t == "t" => PrepUse::Target,
                                [s] if s == "s" => PrepUse::Source,
                                _ => PrepUse::Require(v),
                            };
                            p.preps.push((prep, use_));
                        }
                        _ => return Err(bad(format!("unknown condition '{c}'"))),
                    }
                }
            }
        }
        out.push(p);
    }
    Ok(out)
}
