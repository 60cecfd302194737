//! Event patterns: one line of `lexicon/events/*.tsv` each, parsed into [`Pattern`].
//!
//! A line is `code <TAB> v|n <TAB> lemmas <TAB> conditions <TAB> test sentence [<TAB> expected]`.
//! Lemmas are alternatives separated by commas. The optional last column says which actors the
//! test sentence must give: `SRC>TGT` as code prefixes (`JPN>CHN` accepts `JPNGOV` → `CHNGOV`),
//! `SRC>-` for an event without a target, `SRC` to check the source only. Conditions are
//! space-separated:
//!
//! - `obj=a,b` the object's head is a form of one of the lemmas (`obj=*`: any object; `obj=-`:
//!   no object and no clause; `@actor` in the list: an object that is an actor or has one as
//!   its modifier, "struck Kyiv", "hit Russian positions"; `@place`: a named place); `x=-`: no
//!   complement ("called Putin", not "called Putin a ...");
//! - `P=T` the oblique (or nominal modifier) introduced by preposition `P` names the target;
//!   `P=a,b` requires such an oblique whose head is one of the lemmas (`when=a,b`: a "when"
//!   clause whose verb is one of them, "died when troops opened fire"); `by=S` names the source
//!   (nouns: "the invasion of Ukraine by Russia");
//! - `notobj=a,b` the object is none of these lemmas and no place ("defended Russia at the UN",
//!   not "defended its territory"); `no=against,from` no oblique with these prepositions;
//! - a verb with a particle the pattern does not name (`prt=`) is another verb ("call out");
//! - `prt=out` requires the particle; `x=a,b` requires a complement verb ("threatened to attack";
//!   `x=step_down`: the verb with its particle, not "step up");
//!   `xobj=a,b` requires the complement verb's object, or a modifier of it ("threatened to cut
//!   aid", "threatened to use nuclear weapons");
//! - `aim=a,b` requires the goal of the action: a "for", "against" or "over" phrase of the
//!   trigger or of its object ("protested for democracy", "the request for jets"), or the object
//!   of a verb of demanding under it ("rallied to demand the resignation of ...");
//! - `mod=a,b` requires a modifier: of a noun trigger ("phone call"); of a verb's object, up to
//!   two levels down ("military aid", "the lifting of the curfew"), or of a required oblique;
//! - `gov=a,b` requires the governing verb of a noun, as its object or oblique ("held talks",
//!   "went on hunger strike"); `pred=a,b` requires the predicate of the noun ("the path remained open");
//! - `T=obj` the object is the target (the default for verbs); `T=-` never take the object;
//!   `T=subj` the subject is the target, a `P=S` phrase the source ("received arms from X");
//! - `agent=a,b` the doer (the subject, or the "by" phrase of a passive) is a noun among these
//!   lemmas ("Russian missiles struck", not "sanctions hit" or "the storm struck"); `@actor` in
//!   the list admits an actor, a pronoun, and a clause without a parsed doer;
//! - `sym`: a symmetric action (coordinated subjects give both directions);
//! - `notarget`: CAMEO allows the event without a target;
//! - `what=a,b`: what is denied is a claim: an object (or passive subject) that is one of these
//!   lemmas or a pronoun, or a clause ("denied that ..."); no recipient ("denied Kyiv arms");
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
    /// Required object of the complement verb.
    pub comp_obj: Option<Vec<String>>,
    /// The object must be none of these lemmas, and no place.
    pub not_obj: Option<Vec<String>>,
    /// No oblique with one of these prepositions.
    pub no_preps: Option<Vec<String>>,
    /// The verb takes no object and no clause (`obj=-`: "protesters rallied", not
    /// "demonstrated its resolve" or "demonstrate that ...").
    pub no_obj: bool,
    /// The verb takes no complement (`x=-`: "called Putin", not "called Putin a war criminal").
    pub no_comp: bool,
    /// Required goal of the action.
    pub aim: Option<Vec<String>>,
    /// Required noun modifier.
    pub mods: Option<Vec<String>>,
    /// Required governing verb of a noun.
    pub gov: Option<Vec<String>>,
    /// Required doer: one of these nouns (`@actor`: or an actor, or a pronoun).
    pub agent: Option<Vec<String>>,
    /// Required predicate of a noun.
    pub pred: Option<Vec<String>>,
    /// Whether the object may name the target.
    pub target_obj: bool,
    /// The subject is the target (and a `P=S` phrase the source): "received aid from X".
    pub target_subj: bool,
    /// Symmetric action.
    pub sym: bool,
    /// Target may be null.
    pub notarget: bool,
    /// Consequence of a condition: a threat.
    pub cond: bool,
    /// What is denied must be one of these (a claim), a pronoun or a clause; no recipient.
    pub what: Option<Vec<String>>,
    /// The test sentence of the pattern.
    pub example: String,
    /// The source and target the test sentence must give, as code prefixes (`None`: unchecked;
    /// a target of `Some("-")`: no target).
    pub expect: Option<(String, Option<String>)>,
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
            self.comp_obj.is_some(),
            self.aim.is_some(),
            self.mods.is_some(),
            self.gov.is_some(),
            self.pred.is_some(),
            self.agent.is_some(),
        ]
        .iter()
        .filter(|b| **b)
        .count()
            + self.preps.iter().filter(|(_, u)| matches!(u, PrepUse::Require(_))).count()
            + usize::from(self.cond)
    }

    /// True for `x=*`: any verb with "to" ("asked Serbia to recognise Kosovo"), a request
    /// made of the trigger's object, whatever the request is.
    pub fn any_complement(&self) -> bool {
        self.comp.as_ref().is_some_and(|c| c.iter().any(|w| w == "*"))
    }

    /// How many of its constraints accept anything (`obj=*`, `on=*`).
    pub fn wildcards(&self) -> usize {
        let any = |v: &Vec<String>| v.iter().any(|w| w == "*");
        usize::from(self.obj.as_ref().is_some_and(any))
            + self.preps.iter().filter(|(_, u)| matches!(u, PrepUse::Require(v) if any(v))).count()
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
        for (name, v) in [
            ("prt", &self.prt),
            ("x", &self.comp),
            ("xobj", &self.comp_obj),
            ("aim", &self.aim),
            ("mod", &self.mods),
            ("gov", &self.gov),
            ("pred", &self.pred),
            ("agent", &self.agent),
        ] {
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
        if cols.len() != 5 && cols.len() != 6 {
            return Err(bad(format!("expected 5 or 6 tab-separated columns, found {}", cols.len())));
        }
        let expect = match cols.get(5).map(|c| c.trim()).filter(|c| !c.is_empty()) {
            None => None,
            Some(e) => {
                let (src, tgt) = match e.split_once('>') {
                    Some((a, b)) => (a.trim(), Some(b.trim().to_string())),
                    None => (e, None),
                };
                let unit = |c: &str| c.len() >= 3 && c.bytes().all(|b| b.is_ascii_uppercase());
                if !unit(src) || tgt.as_deref().is_some_and(|t| t != "-" && !unit(t)) {
                    return Err(bad(format!("'{e}' is not SOURCE>TARGET (code prefixes, '-' for no target)")));
                }
                Some((src.to_string(), tgt))
            }
        };
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
            comp_obj: None,
            not_obj: None,
            no_preps: None,
            no_obj: false,
            no_comp: false,
            aim: None,
            mods: None,
            gov: None,
            pred: None,
            agent: None,
            target_obj: !noun,
            target_subj: false,
            sym: false,
            notarget: false,
            cond: false,
            what: None,
            example: cols[4].trim().to_string(),
            expect,
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
                "obj=-" => p.no_obj = true,
                "x=-" => p.no_comp = true,
                "T=subj" => {
                    p.target_subj = true;
                    p.target_obj = false;
                }
                _ => {
                    let Some((k, v)) = c.split_once('=') else { return Err(bad(format!("unknown condition '{c}'"))) };
                    let v = list(v);
                    match k {
                        "obj" => p.obj = Some(v),
                        "notobj" => p.not_obj = Some(v),
                        "no" => p.no_preps = Some(v),
                        "prt" => p.prt = Some(v),
                        "x" => p.comp = Some(v),
                        "xobj" => p.comp_obj = Some(v),
                        "aim" => p.aim = Some(v),
                        "mod" => p.mods = Some(v),
                        "gov" => p.gov = Some(v),
                        "pred" => p.pred = Some(v),
                        "agent" => p.agent = Some(v),
                        "what" => p.what = Some(v),
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
