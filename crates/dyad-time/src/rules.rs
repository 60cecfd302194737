//! The TIMEX3 rules: a left-to-right pass over the scanned tokens that, at each token
//! which can start a time expression, tries the rule families in a fixed order and keeps
//! the first match. Only the families whose first test the token's class can pass are
//! tried (a number is never a vague reference, a month name never a duration).
//!
//! Rule families, in the order tried after an optional modifier ("nearly", "early",
//! "the end of") and an optional "the":
//! clock times, explicit dates, relative dates, quarters and halves, durations (and the
//! dates they make with "ago"/"later"), years and decades, sets, vague references.
//!
//! Resolution keeps a small context: the document date, the last date the text set
//! (for "a year earlier", "the next day"), the last day (for a bare clock time), the
//! last quarter (for "the quarter") and the last explicit year (for "March 18" after
//! "In 2014 ..."). Nothing here reads the wall clock.

use crate::calendar::{Point, Ymd, days_in_month};
use crate::lexicon::{Kw, Lex, PART_OF_DAY, Tense, Unit, Vague, is};
use crate::scan::{Kind, Tok};
use crate::zone::{self, ZONES, Zone};
use dyad_core::TimexKind;

/// One time expression found, with token range and value.
#[derive(Clone, Debug)]
pub(crate) struct Found {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) kind: TimexKind,
    pub(crate) value: Option<String>,
    pub(crate) modifier: Option<&'static str>,
    /// First and one-past-last token.
    pub(crate) toks: (usize, usize),
}

/// A match of one rule: where it ends (token index, exclusive) and what it means.
#[derive(Clone, Debug)]
struct M {
    end: usize,
    kind: TimexKind,
    value: Option<String>,
    point: Option<Point>,
    modifier: Option<&'static str>,
    /// May be preceded by "the" ("the third quarter").
    the_ok: bool,
    /// How many sentences the year written here stays in force for later dates
    /// without a year: 0, 1 (this sentence: "in 2014") or 2 (and the next: "March 18, 2014").
    year_scope: u32,
    /// The value was derived from an earlier date ("a year earlier"): it does not
    /// become the text's reference date.
    derived: bool,
    /// The value is `point` written out, which waits until the match is kept.
    from_point: bool,
}

impl M {
    fn date(end: usize, point: Option<Point>) -> M {
        M {
            end,
            kind: TimexKind::Date,
            value: None,
            point,
            modifier: None,
            the_ok: false,
            year_scope: 0,
            derived: false,
            from_point: true,
        }
    }
    fn text(end: usize, kind: TimexKind, value: Option<String>) -> M {
        M {
            end,
            kind,
            value,
            point: None,
            modifier: None,
            the_ok: false,
            year_scope: 0,
            derived: false,
            from_point: false,
        }
    }
    fn the(mut self) -> M {
        self.the_ok = true;
        self
    }
}

/// The text layer's tokens and sentences of the document being tagged.
#[derive(Clone, Copy)]
pub(crate) struct Context<'a> {
    pub(crate) tokens: &'a [dyad_core::Token],
    pub(crate) sentences: &'a [dyad_core::Sentence],
}

/// A number of units: a figure, or vague ("several", "a few": X).
#[derive(Clone, Copy, Debug, PartialEq)]
enum Amount {
    N(f64),
    X,
}

/// The pass over one document.
pub(crate) struct Tagger<'a> {
    text: &'a str,
    toks: &'a [Tok],
    /// The text layer's tokens and sentences, when the document has them.
    ctx: Option<Context<'a>>,
    dct: Option<Ymd>,
    last_point: Option<(Point, u32)>,
    last_day: Option<(Ymd, u32)>,
    last_quarter: Option<(Point, u32)>,
    /// The first quarter the text named: a quarterly report's own quarter.
    first_quarter: Option<Point>,
    last_year: Option<(i32, u32)>,
    pub(crate) found: Vec<Found>,
    pub(crate) notes: Vec<String>,
}

/// Appends `v` as a TIMEX3 amount: whole numbers as integers ("6", not "6.0"). Written
/// by hand because the formatting machinery costs more than the rest of a duration rule.
fn push_num(s: &mut String, v: f64) {
    if v.fract() != 0.0 || v.abs() >= 1e15 {
        s.push_str(&v.to_string());
        return;
    }
    let n = v as i64;
    if n < 0 {
        s.push('-');
    }
    let mut digits = [0u8; 16];
    let mut i = digits.len();
    let mut u = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (u % 10) as u8;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    s.extend(digits[i..].iter().map(|&d| char::from(d)));
}

impl<'a> Tagger<'a> {
    pub(crate) fn new(text: &'a str, toks: &'a [Tok], dct: Option<Ymd>, ctx: Option<Context<'a>>) -> Tagger<'a> {
        Tagger {
            text,
            toks,
            ctx,
            dct,
            last_point: None,
            last_day: None,
            last_quarter: None,
            first_quarter: None,
            last_year: None,
            // About one scanned token in ten begins an expression in news text: room
            // for that many spares the vector's regrowth (a reallocation and a copy).
            found: Vec::with_capacity(toks.len() / 10 + 1),
            notes: Vec::new(),
        }
    }

    /// A wire dateline ("NAIROBI, Aug. 7 (Agency) --") dates the story: when it names a
    /// day up to three days before the publication date, relative expressions count
    /// from it ("Thursday" in a story filed on Thursday and published on Friday).
    fn dateline(&mut self) {
        let Some(dct) = self.dct else { return };
        let opening = self.text.len() - self.text.trim_start().len();
        if self.toks.first().is_none_or(|t| t.start as usize != opening) {
            return;
        }
        let Some(j) = (1..8.min(self.toks.len())).find(|&j| matches!(self.lex(j), Lex::Month(..))) else { return };
        if !self.punct(j - 1, ",") || !(0..j - 1).all(|i| self.upper(i) || self.punct(i, ",") || self.punct(i, ".")) {
            return;
        }
        let Some((m, k)) = self.month_at(j) else { return };
        let Some(d) = self.day_num(k) else { return };
        let mut k = k + 1;
        let mut year = None;
        if self.punct(k, ",")
            && let Some(y) = self.year4(k + 1)
        {
            year = Some(y);
            k += 2;
        }
        if !matches!(self.w(k), "(" | "-" | "\u{2014}" | "\u{2013}" | "_") {
            return;
        }
        let date = Ymd::new(year.unwrap_or(dct.y), m, d)
            .filter(|c| *c <= dct)
            .or_else(|| if year.is_none() { Ymd::new(dct.y - 1, m, d) } else { None });
        if let Some(date) = date
            && (0..=3).contains(&(dct.to_days() - date.to_days()))
        {
            self.dct = Some(date);
        }
    }

    pub(crate) fn run(&mut self) {
        self.dateline();
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            let t = &self.toks[i];
            let trigger = match t.kind {
                Kind::Num => !crate::scan::glued(self.toks, i),
                // A function word ("the", "at", "more") starts an expression only with a
                // core word or a number close behind ("the end of the year").
                Kind::Word => match t.lex {
                    Lex::Kw(_) => starts(t.lex) && (i..(i + 6).min(n)).any(|k| self.core_word(k)),
                    lex => starts(lex),
                },
                // "'90s"
                Kind::Punct => matches!(self.w(i), "'" | "\u{2019}") && self.is_num(i + 1) && self.tight(i + 1),
            };
            if trigger && let Some(m) = self.match_at(i) {
                let end = m.end.max(i + 1).min(n);
                let day = match m.point {
                    Some(Point::Day(d)) if self.day_num(end - 1) == Some(d.d) => Some(d),
                    _ => None,
                };
                self.record(i, end, m);
                i = end;
                // "April 24 and 25", "March 3-4": the second day takes the first one's month.
                if let Some(d) = day
                    && (self.kw(i, Kw::And) || self.kw(i, Kw::To) || self.hyphen(i))
                    && let Some(d2) = self.day_num(i + 1)
                    && d2 > d.d
                    && !matches!(self.lex(i + 2), Lex::Month(..) | Lex::Unit(..) | Lex::AmPm(_) | Lex::Measure(_))
                    && !self.punct(i + 2, "%")
                    && let Some(second) = Ymd::new(d.y, d.m, d2)
                {
                    let mut end = i + 2;
                    let k = if self.punct(end, ",") { end + 1 } else { end };
                    if self.year4(k) == Some(d.y) {
                        end = k + 1;
                    }
                    self.record(i + 1, end, M::date(end, Some(Point::Day(second))));
                    i = end;
                }
                continue;
            }
            i += 1;
        }
    }

    fn record(&mut self, start: usize, end: usize, m: M) {
        let sent = self.toks[start].sent;
        if let Some(p) = m.point.filter(|_| !m.derived)
            && (m.kind == TimexKind::Date || m.kind == TimexKind::Time)
        {
            self.last_point = Some((p, sent));
            match p {
                Point::Day(d) => self.last_day = Some((d, sent)),
                Point::Quarter(..) => {
                    self.last_quarter = Some((p, sent));
                    if self.first_quarter.is_none()
                        && self.dct.is_none_or(|d| p.year().is_some_and(|y| y == d.y || y + 1 == d.y))
                    {
                        self.first_quarter = Some(p);
                    }
                }
                _ => {}
            }
            if m.year_scope > 0
                && let Some(y) = p.year()
            {
                self.last_year = Some((y, sent + m.year_scope - 1));
            }
        }
        self.found.push(Found {
            start: self.toks[start].start,
            end: self.toks[end - 1].end,
            kind: m.kind,
            value: if m.from_point { m.point.map(Point::value) } else { m.value },
            modifier: m.modifier,
            toks: (start, end),
        });
    }

    // ------------------------------------------------------------------ token helpers

    /// Token `k` can hold the core of an expression: a number, or a word of the classes
    /// that time expressions are built around (what [`crate::lexicon::is_anchor`] admits).
    fn core_word(&self, k: usize) -> bool {
        self.toks.get(k).is_some_and(|t| match t.kind {
            Kind::Num => true,
            Kind::Word => crate::lexicon::anchor_class(t.lex),
            Kind::Punct => false,
        })
    }

    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn kw(&self, i: usize, k: Kw) -> bool {
        // A match, not `==` on `Lex`: that compares the payloads of every variant.
        matches!(self.lex(i), Lex::Kw(x) if x == k)
    }
    fn punct(&self, i: usize, p: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.w(i) == p
    }
    /// No white space before token `i`.
    fn tight(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| !t.space_before)
    }
    /// A hyphen joining tokens `i - 1` and `i + 1` ("hour-long").
    fn hyphen(&self, i: usize) -> bool {
        self.punct(i, "-") && self.tight(i) && self.tight(i + 1)
    }
    fn upper(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.upper)
    }
    fn is_num(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Num)
    }
    fn sent(&self, i: usize) -> u32 {
        self.toks.get(i).map_or(u32::MAX, |t| t.sent)
    }
    /// The token before `i`, in the same sentence, is one of `words`.
    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && self.sent(i - 1) == self.sent(i) && words.iter().any(|w| is(self.w(i - 1), w))
    }

    /// An integer written in digits, without separators; `None` for anything longer than 9 digits.
    fn int(&self, i: usize) -> Option<(u32, usize)> {
        if !self.is_num(i) {
            return None;
        }
        let s = self.w(i).as_bytes();
        if s.len() > 9 {
            return None;
        }
        let mut v = 0u32;
        for &b in s {
            if !b.is_ascii_digit() {
                return None;
            }
            v = v * 10 + u32::from(b - b'0');
        }
        Some((v, s.len()))
    }

    /// A day of the month: "12", "12th", "1st".
    fn day_num(&self, i: usize) -> Option<u8> {
        if !self.is_num(i) {
            return None;
        }
        let s = self.w(i);
        let digits = s.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        if digits.len() != s.len() && !matches!(&s[digits.len()..], "th" | "st" | "nd" | "rd") {
            return None;
        }
        let d: u8 = digits.parse().ok()?;
        (1..=31).contains(&d).then_some(d)
    }

    /// A four-digit year.
    fn year4(&self, i: usize) -> Option<i32> {
        // Four bytes or no year: most numbers are not parsed at all.
        if self.toks.get(i).is_none_or(|t| t.end - t.start != 4) {
            return None;
        }
        match self.int(i) {
            Some((v, 4)) if (1000..=2199).contains(&v) => Some(v as i32),
            _ => None,
        }
    }

    /// A number of units at `i`: digits, number words, "a"/"an", "a few", "several",
    /// "a couple of", "half a". Returns the amount and the next token.
    fn amount(&self, i: usize) -> Option<(Amount, usize)> {
        match self.lex(i) {
            Lex::NumWord(_) => {
                let (v, next) = self.word_number(i)?;
                // "three and a half", "three-and-a-half".
                if let Some(end) = self.and_a_half(next) {
                    return Some((Amount::N(v + 0.5), end));
                }
                Some((Amount::N(v), next))
            }
            Lex::Kw(Kw::A) => {
                if self.kw(i + 1, Kw::Few) {
                    Some((Amount::X, i + 2))
                } else if self.kw(i + 1, Kw::Couple) && self.kw(i + 2, Kw::Of) {
                    Some((Amount::N(2.0), i + 3))
                } else if self.kw(i + 1, Kw::Dozen) {
                    Some((Amount::N(12.0), i + 2))
                } else if self.kw(i + 1, Kw::Half) {
                    // "a half hour"
                    Some((Amount::N(0.5), i + 2))
                } else if matches!(self.lex(i + 1), Lex::Unit(Unit::Quarter, false)) {
                    // "a quarter century", "a quarter-century".
                    let k = if self.hyphen(i + 2) { i + 3 } else { i + 2 };
                    matches!(self.lex(k), Lex::Unit(Unit::Century, false))
                        .then_some((Amount::N(0.25), k))
                        .or(Some((Amount::N(1.0), i + 1)))
                } else if let Lex::Scale(s @ (100 | 1000)) = self.lex(i + 1) {
                    // "a hundred years"
                    Some((Amount::N(s as f64), i + 2))
                } else {
                    Some((Amount::N(1.0), i + 1))
                }
            }
            Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => Some((Amount::X, i + 1)),
            Lex::Kw(Kw::Half) if self.kw(i + 1, Kw::A) => Some((Amount::N(0.5), i + 2)),
            _ if self.is_num(i) => {
                let s = self.w(i);
                if s.len() > 12 || s.contains(':') || !s.bytes().all(|b| b.is_ascii_digit() || b == b'.' || b == b',') {
                    return None;
                }
                let mut buf = [0u8; 12];
                let mut n = 0;
                for b in s.bytes().filter(|&b| b != b',') {
                    buf[n] = b;
                    n += 1;
                }
                let v: f64 = std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?;
                // "2 1/2 years"
                if let (Some((a, _)), true, Some((b, _))) = (self.int(i + 1), self.punct(i + 2, "/"), self.int(i + 3))
                    && b != 0
                    && a < b
                    && self.tight(i + 2)
                    && self.tight(i + 3)
                {
                    return Some((Amount::N(v + f64::from(a) / f64::from(b)), i + 4));
                }
                Some((Amount::N(v), i + 1))
            }
            _ => None,
        }
    }

    /// A number in words: "eight", "twenty-four", "one hundred", "two thousand".
    fn word_number(&self, i: usize) -> Option<(f64, usize)> {
        let mut total = 0f64;
        let mut cur = 0f64;
        let mut j = i;
        let mut any = false;
        loop {
            match self.lex(j) {
                Lex::NumWord(n) => {
                    let n = f64::from(n);
                    if !any {
                        cur = n;
                    } else if (cur % 100.0 >= 20.0 && cur % 10.0 == 0.0 && n < 10.0)
                        || (cur >= 100.0 && cur % 100.0 == 0.0 && n < 100.0)
                    {
                        // "twenty-four", "one hundred five".
                        cur += n;
                    } else {
                        break;
                    }
                    any = true;
                    j += 1;
                }
                Lex::Scale(s) if any => {
                    let s = s as f64;
                    if s == 100.0 {
                        cur *= 100.0;
                    } else {
                        total += cur * s;
                        cur = 0.0;
                    }
                    j += 1;
                }
                _ => break,
            }
            if self.hyphen(j) && matches!(self.lex(j + 1), Lex::NumWord(_)) {
                j += 1;
            }
        }
        any.then_some((total + cur, j))
    }

    /// Where token `j` sits among the words tense is read from: its position and the
    /// bounds of its sentence. Those words are the text layer's tokens when the document
    /// has them (so tense reads the whole sentence even when only windows of it were
    /// scanned), else the scanner's own tokens.
    fn view_pos(&self, j: usize) -> (usize, usize, usize) {
        if let Some(ctx) = &self.ctx {
            let at = self.toks[j].start;
            let p = ctx.tokens.partition_point(|t| t.span.end <= at);
            if let Some(s) = ctx.sentences.get(self.toks[j].sent as usize) {
                return (p, s.tokens.start as usize, s.tokens.end as usize);
            }
            return (p, p, p + 1);
        }
        let sent = self.sent(j);
        let lo = (0..j).rev().take_while(|&i| self.sent(i) == sent).last().unwrap_or(j);
        let hi = (j..self.toks.len()).take_while(|&i| self.sent(i) == sent).last().map_or(j + 1, |i| i + 1);
        (j, lo, hi)
    }

    /// The word at position `p` of the tense view: its text, whether it is a word, and
    /// whether it starts with a capital. A text-layer token of two words ("didn't",
    /// "we'll") gives its first word, or its second when only that one is a marker.
    fn view_word(&self, p: usize, second: bool) -> Option<(&'a str, bool, bool)> {
        if let Some(ctx) = &self.ctx {
            let t = ctx.tokens.get(p)?;
            let mut words = t.words();
            let first = words.next()?;
            let span = if second { words.next()? } else { first };
            let w = span.slice(self.text);
            let w = if second { w.trim_start_matches(['\'', '\u{2019}']) } else { w };
            let word = t.kind == dyad_core::TokenKind::Word;
            return Some((w, word, w.chars().next().is_some_and(char::is_uppercase)));
        }
        if second {
            return None;
        }
        let t = self.toks.get(p)?;
        Some((self.w(p), t.kind == Kind::Word, t.upper))
    }

    /// The tense marker at position `p` of the tense view. Always: tense words, "ago",
    /// past participles ("announced"). With `ahead`, also the words that put an event
    /// ahead: plans and expectations ("plans to", "is expected"), "would", and an
    /// infinitive ("set to resume", "is to meet").
    fn view_marker(&self, p: usize, ahead: bool) -> Option<Tense> {
        let m = self.view_marker_of(p, ahead, false);
        if m.is_some() || self.ctx.is_none() {
            return m;
        }
        self.view_marker_of(p, ahead, true)
    }

    fn view_marker_of(&self, p: usize, ahead: bool, second: bool) -> Option<Tense> {
        let (w, word, upper) = self.view_word(p, second)?;
        if !word {
            return None;
        }
        match crate::lexicon::classify(w) {
            Lex::Tense(t) => return Some(t),
            Lex::Kw(Kw::Ago) => return Some(Tense::Past),
            Lex::Kw(Kw::To) if ahead => {
                let (next, word, upper) = self.view_word(p + 1, false)?;
                return (word
                    && !upper
                    && matches!(crate::lexicon::classify(next), Lex::None)
                    && !NOT_VERBS.iter().any(|n| is(next, n)))
                .then_some(Tense::Future);
            }
            Lex::None => {}
            _ => return None,
        }
        if ahead && FUTURE_VERBS.iter().any(|f| is(w, f)) {
            // "plans to", "hopes to"; not the noun ("set aside vacation plans").
            let noun_too = PLAN_WORDS.iter().any(|f| is(w, f));
            let to = || self.view_word(p + 1, false).is_some_and(|(n, _, _)| is(n, "to"));
            if !noun_too || to() {
                return Some(Tense::Future);
            }
        }
        // A participle after a determiner is an adjective ("a still unspecified date",
        // "the revised plan"), not a past-tense verb.
        let adjective = || {
            let det = |d: &str| DETERMINERS.iter().any(|x| is(d, x));
            let Some((prev, _, _)) = p.checked_sub(1).and_then(|q| self.view_word(q, false)) else { return false };
            det(prev)
                || (((prev.len() > 2 && prev.ends_with("ly")) || is(prev, "still"))
                    && p.checked_sub(2).and_then(|q| self.view_word(q, false)).is_some_and(|(d, _, _)| det(d)))
        };
        (w.len() >= 5
            && w.ends_with("ed")
            && !upper
            && !matches!(w, "united" | "indeed" | "based" | "proceed" | "succeed" | "exceed" | "need")
            && !adjective())
        .then_some(Tense::Past)
    }

    /// The nearest tense marker in the sentence of token `i`.
    fn tense(&self, i: usize) -> Option<Tense> {
        let (p, lo, hi) = self.view_pos(i);
        for d in 1..12usize {
            for q in [p.checked_sub(d), Some(p + d)].into_iter().flatten() {
                if (lo..hi).contains(&q)
                    && let Some(t) = self.view_marker(q, false)
                {
                    return Some(t);
                }
            }
        }
        None
    }

    /// The tense around token `j` as its clause gives it: a cue right before ("until
    /// Tuesday", "as soon as Monday"), else the nearest marker on the left in the
    /// sentence, else the nearest on the right.
    fn clause_tense(&self, j: usize) -> Option<Tense> {
        let sent = self.sent(j);
        // "Wednesday's ruling": what has a name already happened.
        if matches!(self.w(j + 1), "'" | "\u{2019}") && self.tight(j + 1) && is(self.w(j + 2), "s") {
            return Some(Tense::Past);
        }
        let mut k = j;
        if self.kw(k.wrapping_sub(1), Kw::On) {
            k -= 1;
        }
        // "postponed until Tuesday", "as soon as Monday"; not "Until Thursday, they had ...".
        let until = k > 1 && self.kw(k - 1, Kw::Until) && self.sent(k - 2) == sent && !self.kw(k - 2, Kw::Up);
        if until || (k > 1 && self.kw(k - 1, Kw::As) && self.prev_is(k - 1, &["soon"])) {
            return Some(Tense::Future);
        }
        let (p, lo, hi) = self.view_pos(j);
        let left = (p.saturating_sub(12).max(lo)..p).rev();
        let right = p + 1..hi.min(p + 12);
        // "will be paid", "to be completed": the participle takes its tense from the words before.
        let passive =
            |q: usize| q > lo && self.view_word(q - 1, false).is_some_and(|(w, _, _)| is(w, "be") || is(w, "being"));
        left.chain(right).find_map(|q| self.view_marker(q, true).filter(|t| *t == Tense::Future || !passive(q)))
    }

    /// A year the text itself set in this sentence or the one before, if it differs
    /// from the document's year.
    fn year_in_force(&self, i: usize) -> Option<i32> {
        let (y, s) = self.last_year?;
        let sent = self.sent(i);
        if s < sent || self.dct.is_some_and(|d| d.y == y) {
            return None;
        }
        // "joined in 1997 and will meet on March 12": a past year holds nothing to come.
        if self.dct.is_some_and(|d| y < d.y) && self.clause_tense(i) == Some(Tense::Future) {
            return None;
        }
        Some(y)
    }

    // ------------------------------------------------------------------ entry

    fn match_at(&mut self, i: usize) -> Option<M> {
        if let Some((modifier, j, duration_only)) = self.prefix_mod(i)
            && let Some(mut m) = self
                .core(j, false)
                .or_else(|| self.kw(j, Kw::The).then(|| self.core(j + 1, true).filter(|m| m.the_ok)).flatten())
        {
            let ok = if duration_only {
                m.kind == TimexKind::Duration
            } else if modifier == "APPROX" {
                // "about 7:15 p.m.", "around Nov. 1", "nearly four years (ago)"; not
                // "around Wednesday" or "almost daily".
                matches!(m.kind, TimexKind::Duration | TimexKind::Time)
                    || matches!(self.lex(j), Lex::Month(..) | Lex::NumWord(_) | Lex::Kw(Kw::A))
                    || self.is_num(j)
            } else {
                matches!(m.kind, TimexKind::Date | TimexKind::Time)
            };
            if ok {
                m.modifier = Some(modifier);
                return Some(m);
            }
        }
        if self.kw(i, Kw::The) {
            return self.core(i + 1, true).filter(|m| m.the_ok);
        }
        self.core(i, false)
    }

    /// Modifier words before a core: the TIMEX3 `mod`, where the core starts, and
    /// whether only a duration may follow.
    fn prefix_mod(&self, i: usize) -> Option<(&'static str, usize, bool)> {
        let next_is_amount = |j: usize| self.amount(j).is_some();
        Some(match self.lex(i) {
            Lex::Kw(Kw::Nearly) => ("APPROX", i + 1, false),
            Lex::Kw(Kw::About | Kw::Around) => ("APPROX", i + 1, false),
            Lex::Kw(Kw::SomeWord)
                if self.amount(i + 1).is_some_and(|(a, _)| a != Amount::X) && !self.kw(i + 1, Kw::A) =>
            {
                ("APPROX", i + 1, true)
            }
            Lex::Kw(Kw::More) if self.kw(i + 1, Kw::Than) => ("MORE_THAN", i + 2, true),
            Lex::Kw(Kw::Less) if self.kw(i + 1, Kw::Than) => ("LESS_THAN", i + 2, true),
            Lex::Kw(Kw::Under) if next_is_amount(i + 1) => ("LESS_THAN", i + 1, true),
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::Least) => ("EQUAL_OR_MORE", i + 2, true),
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::Most) => ("EQUAL_OR_LESS", i + 2, true),
            Lex::Kw(Kw::Up) if self.kw(i + 1, Kw::To) => ("EQUAL_OR_LESS", i + 2, true),
            Lex::Kw(Kw::No) if self.kw(i + 1, Kw::More) && self.kw(i + 2, Kw::Than) => ("EQUAL_OR_LESS", i + 3, true),
            Lex::Kw(Kw::Early) => ("START", i + 1, false),
            Lex::Kw(Kw::Late) => ("END", i + 1, false),
            Lex::Kw(Kw::Mid) => ("MID", if self.hyphen(i + 1) { i + 2 } else { i + 1 }, false),
            // "earlier this month"; but "earlier this week" and "earlier Friday" leave the
            // adverb out of the span, as TimeBank writes them.
            Lex::Kw(Kw::Earlier | Kw::Later)
                if matches!(self.lex(i + 1), Lex::Kw(Kw::This) | Lex::DayRel(_))
                    && !(self.kw(i + 1, Kw::This) && matches!(self.lex(i + 2), Lex::Unit(Unit::Week, false))) =>
            {
                (if self.kw(i, Kw::Earlier) { "START" } else { "END" }, i + 1, false)
            }
            Lex::Kw(Kw::Earlier | Kw::Later) if self.kw(i + 1, Kw::In) && self.kw(i + 2, Kw::The) => {
                (if self.kw(i, Kw::Earlier) { "START" } else { "END" }, i + 2, false)
            }
            Lex::Kw(Kw::The) => {
                let (m, j) = self.the_mod(i + 1)?;
                (m, j, false)
            }
            Lex::Kw(Kw::End | Kw::Beginning | Kw::Middle) if self.kw(i + 1, Kw::Of) => (self.edge_mod(i), i + 2, false),
            _ => return None,
        })
    }

    fn edge_mod(&self, i: usize) -> &'static str {
        match self.lex(i) {
            Lex::Kw(Kw::End) => "END",
            Lex::Kw(Kw::Beginning) => "START",
            _ => "MID",
        }
    }

    /// "the end of", "the early", "the mid-".
    fn the_mod(&self, i: usize) -> Option<(&'static str, usize)> {
        match self.lex(i) {
            Lex::Kw(Kw::End | Kw::Beginning | Kw::Middle) if self.kw(i + 1, Kw::Of) => Some((self.edge_mod(i), i + 2)),
            Lex::Kw(Kw::Early) => Some(("START", i + 1)),
            Lex::Kw(Kw::Late) => Some(("END", i + 1)),
            Lex::Kw(Kw::Mid) => Some(("MID", if self.hyphen(i + 1) { i + 2 } else { i + 1 })),
            _ => None,
        }
    }

    /// The rule families, in order, each only where the class of token `j` lets it
    /// match (see [`Tagger::families`]). `the` says a "the" came before.
    fn core(&mut self, j: usize, the: bool) -> Option<M> {
        let f = self.families(j);
        let tried = |family: u8| f & family != 0;
        if tried(CLOCK)
            && let Some(m) = self.clock(j)
        {
            return Some(m);
        }
        if tried(EXPLICIT)
            && let Some(m) = self.explicit_date(j)
        {
            return Some(m);
        }
        if tried(RELATIVE)
            && let Some(m) = self.relative(j, the)
        {
            return Some(m);
        }
        if tried(QUARTER)
            && let Some(m) = self.quarter(j, the)
        {
            return Some(m);
        }
        if tried(DURATION)
            && let Some(m) = self.duration(j, the)
        {
            return Some(m);
        }
        if tried(YEAR)
            && let Some(m) = self.year(j)
        {
            return Some(m);
        }
        if tried(SET)
            && let Some(m) = self.set(j)
        {
            return Some(m);
        }
        if tried(VAGUE) { self.vague(j, the) } else { None }
    }

    /// The rule families that can match at token `j`, as a set of bits: each family's
    /// own first test on that token (a month name, a number, "every", ...) gathered in
    /// one match, so that a start is tried with the one to five families its class
    /// allows instead of all eight.
    /// A family left out here would have returned `None` at once, with no side effect.
    fn families(&self, j: usize) -> u8 {
        let Some(t) = self.toks.get(j) else { return 0 };
        let amount = DURATION | SET;
        match t.kind {
            Kind::Num => CLOCK | EXPLICIT | DURATION | YEAR | SET,
            Kind::Punct if matches!(self.w(j), "'" | "\u{2019}") => YEAR,
            Kind::Punct => 0,
            // "Q3": the quarter rule reads the letter itself, whatever its class.
            Kind::Word if self.w(j) == "Q" => QUARTER,
            Kind::Word => match t.lex {
                Lex::Month(..) => EXPLICIT,
                Lex::Ordinal(_) => EXPLICIT | QUARTER | DURATION,
                Lex::Weekday(..) | Lex::DayRel(_) | Lex::Holiday(_) | Lex::PartOfDay(_) | Lex::Season(_) => RELATIVE,
                Lex::Unit(..) => RELATIVE | QUARTER | DURATION,
                Lex::NumWord(_) => RELATIVE | YEAR | amount,
                Lex::DecadeWord(_) => YEAR,
                Lex::Lasting(_) => DURATION,
                Lex::Set(_) => SET,
                Lex::Vague(_) => RELATIVE | VAGUE,
                Lex::Kw(k) => match k {
                    Kw::A | Kw::Half => CLOCK | amount,
                    Kw::Several | Kw::Few | Kw::Many => amount,
                    Kw::Noon | Kw::Midnight => CLOCK,
                    Kw::Tonight | Kw::That => RELATIVE,
                    Kw::This | Kw::Last | Kw::Next | Kw::Previous | Kw::Coming | Kw::Following => RELATIVE | DURATION,
                    Kw::Past => RELATIVE | DURATION | VAGUE,
                    Kw::Same => RELATIVE | QUARTER,
                    Kw::Full => RELATIVE,
                    Kw::Fiscal => RELATIVE | QUARTER | YEAR,
                    Kw::Corresponding | Kw::Period | Kw::Latest => QUARTER,
                    Kw::Final => QUARTER | DURATION,
                    Kw::Every | Kw::Each | Kw::Once | Kw::Twice => SET,
                    Kw::Now | Kw::Right | Kw::Soon | Kw::Recent | Kw::Future | Kw::These | Kw::Present | Kw::Near => {
                        VAGUE
                    }
                    _ => 0,
                },
                Lex::None | Lex::Scale(_) | Lex::Tz(_) | Lex::AmPm(_) | Lex::Tense(_) => 0,
                Lex::Currency(_) | Lex::Measure(_) => 0,
            },
        }
    }

    // ------------------------------------------------------------------ clock times

    fn clock(&mut self, j: usize) -> Option<M> {
        let (mut hour, minute, mut k) = if self.is_num(j) {
            let s = self.w(j);
            if let Some((h, rest)) = s.split_once(':') {
                let m = rest.split(':').next()?;
                if h.is_empty() || h.len() > 2 || m.len() != 2 {
                    return None;
                }
                let (h, m): (u8, u8) = (h.parse().ok()?, m.parse().ok()?);
                if h > 24 || m > 59 {
                    return None;
                }
                (h, m, j + 1)
            } else {
                let (v, digits) = self.int(j)?;
                if digits <= 2 && (1..=12).contains(&v) && matches!(self.lex(j + 1), Lex::AmPm(_)) {
                    (v as u8, 0, j + 1)
                } else if digits <= 2
                    && (1..=12).contains(&v)
                    && (self.oclock(j + 1).is_some() || self.in_the_part(j + 1).is_some())
                {
                    // "8 o'clock", "4 in the morning": both are read below.
                    (v as u8, 0, j + 1)
                } else if digits == 4 && matches!(self.lex(j + 1), Lex::Tz(_)) && v / 100 <= 23 && v % 100 <= 59 {
                    ((v / 100) as u8, (v % 100) as u8, j + 1)
                } else {
                    return None;
                }
            }
        } else if let Some(c) = self.spoken_clock(j) {
            c
        } else if matches!(self.lex(j), Lex::Kw(Kw::Noon)) {
            (12, 0, j + 1)
        } else if self.kw(j, Kw::Midnight) {
            (24, 0, j + 1)
        } else {
            return None;
        };
        let mut cued = !self.is_num(j) || self.prev_is(j, &["at", "by", "around", "about", "until", "before", "after"]);
        // "8 o'clock", then "in the morning" or "this morning": the half of the day.
        if let Some(end) = self.oclock(k) {
            k = end;
            cued = true;
        }
        let mut part_day = None;
        if let Some((end, p)) = self.in_the_part(k) {
            k = end;
            part_day = Some(p);
            cued = true;
        } else if self.kw(k, Kw::This)
            && let Lex::PartOfDay(p) = self.lex(k + 1)
            && !self.w(k + 1).ends_with('s')
        {
            k += 2;
            part_day = Some(p);
        }
        if let Some(p) = part_day
            && hour <= 12
        {
            // morning: a.m.; afternoon, evening, night: p.m. ("12 at night" aside).
            hour = match (p, hour) {
                (0, 12) => 0,
                (0, h) => h,
                (_, h) if h < 12 => h + 12,
                (_, h) => h,
            };
        }
        if let Lex::AmPm(pm) = self.lex(k) {
            if hour > 12 {
                return None;
            }
            hour = match (pm, hour) {
                (false, 12) => 0,
                (true, h) if h < 12 => h + 12,
                (_, h) => h,
            };
            k += 1;
            if self.punct(k, ".") && self.tight(k) && self.w(k - 1).contains('.') {
                k += 1;
            }
            cued = true;
        }
        let mut zone = None;
        if let Lex::Tz(z) = self.lex(k) {
            zone = ZONES.get(usize::from(z)).map(|(_, z)| *z);
            k += 1;
            cued = true;
        } else if self.kw(k, Kw::Local) && self.kw(k + 1, Kw::Time) {
            zone = self.place_zone(j);
            k += 2;
            cued = true;
        } else if self.kw(k + 1, Kw::Time)
            && self.upper(k)
            && let Some(z) = zone::place(self.w(k))
        {
            zone = Some(z);
            k += 2;
            cued = true;
        }
        if !cued {
            return None;
        }
        // A day right after: "10 p.m. Wednesday", "5 p.m. EST, Nov. 9"; or after a
        // parenthesis, which the span does not take: "10:35 a.m. (0735 GMT) Friday" dates
        // both clock times.
        let mut day = None;
        let mut after = if self.punct(k, ",") { k + 1 } else { k };
        let mut extend = true;
        if self.punct(after, ")") {
            after += 1;
            extend = false;
        } else if self.kw(after, Kw::On) && matches!(self.lex(after + 1), Lex::Weekday(_, false) | Lex::Month(..)) {
            // "5 p.m. on Nov. 22": the day dates the clock time; the spans stay apart.
            after += 1;
            extend = false;
        } else if self.punct(after, "(")
            && let Some(close) = (after + 1..after + 8).find(|&i| self.punct(i, ")"))
        {
            after = close + 1;
            extend = false;
        }
        if matches!(self.lex(after), Lex::Weekday(_, false) | Lex::DayRel(_) | Lex::Month(..))
            && let Some(m) = self.explicit_date(after).or_else(|| self.relative(after, false))
            && let Some(Point::Day(d)) = m.point
        {
            day = Some(d);
            if extend {
                k = m.end;
            }
        }
        let sent = self.sent(j);
        let day = day.or_else(|| self.last_day.filter(|(_, s)| s + 2 >= sent).map(|(d, _)| d)).or(self.dct);
        let value = match (day, zone) {
            (Some(d), Some(z)) if hour < 24 => zone::to_utc(d, hour, minute, z)
                .map(|u| format!("{}T{:02}:{:02}Z", Point::Day(u.date), u.hour, u.minute)),
            (Some(d), _) => Some(format!("{}T{hour:02}:{minute:02}", Point::Day(d))),
            (None, _) => Some(format!("XXXX-XX-XXT{hour:02}:{minute:02}")),
        };
        Some(M::text(k, TimexKind::Time, value))
    }

    /// "o'clock" (one token or "o", apostrophe, "clock") at `k`: the token after it.
    fn oclock(&self, k: usize) -> Option<usize> {
        if is(self.w(k), "o'clock") || is(self.w(k), "o\u{2019}clock") {
            return Some(k + 1);
        }
        (is(self.w(k), "o") && matches!(self.w(k + 1), "'" | "\u{2019}") && is(self.w(k + 2), "clock")).then_some(k + 3)
    }

    /// "in the morning" ("afternoon", "evening") at `k`: the token after it and the part
    /// of the day.
    fn in_the_part(&self, k: usize) -> Option<(usize, u8)> {
        if !(self.kw(k, Kw::In) && self.kw(k + 1, Kw::The)) {
            return None;
        }
        match self.lex(k + 2) {
            Lex::PartOfDay(p @ 0..=2) if !self.w(k + 2).ends_with('s') => Some((k + 3, p)),
            _ => None,
        }
    }

    /// "half past two", "a quarter past six", "a quarter to six": hour, minute, next token.
    fn spoken_clock(&self, j: usize) -> Option<(u8, u8, usize)> {
        let (minutes, k) = if self.kw(j, Kw::Half) {
            (30i32, j + 1)
        } else if self.kw(j, Kw::A) && matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter, false)) {
            (15, j + 2)
        } else {
            return None;
        };
        let sign = if is(self.w(k), "past") {
            1
        } else if self.kw(k, Kw::To) && minutes == 15 {
            -1
        } else {
            return None;
        };
        let hour = match self.lex(k + 1) {
            Lex::NumWord(h @ 1..=12) => i32::from(h),
            _ => match self.int(k + 1) {
                Some((h @ 1..=12, d)) if d <= 2 => h as i32,
                _ => return None,
            },
        };
        let total = hour * 60 + sign * minutes;
        Some(((total / 60) as u8, (total % 60) as u8, k + 2))
    }

    /// The zone of the place a "local time" at token `j` is read in: a place named after
    /// it in its sentence ("5 a.m. local time in Kyiv"), else the nearest one before it
    /// within about three sentences, else one in the text's opening words (a dateline).
    /// Read from the text, so it does not depend on which parts were scanned.
    fn place_zone(&self, j: usize) -> Option<Zone> {
        let sent = self.sent(j) as usize;
        let (here, from) = match &self.ctx {
            Some(ctx) => (
                ctx.sentences.get(sent).map_or(self.text.len(), |s| s.span.end as usize),
                ctx.sentences.get(sent.saturating_sub(3)).map_or(0, |s| s.span.start as usize),
            ),
            None => {
                let same = |i: &usize| self.toks[*i].sent as usize == sent;
                let near = |i: &usize| self.toks[*i].sent as usize + 3 >= sent;
                let last = (j..self.toks.len()).take_while(same).last().unwrap_or(j);
                let first = (0..j).rev().take_while(near).last().unwrap_or(j);
                (self.toks[last].end as usize, self.toks[first].start as usize)
            }
        };
        let at = self.toks[j].start as usize;
        let after = (self.toks[j].end as usize).min(here);
        let head = self.text.char_indices().nth(40).map_or(self.text.len(), |(i, _)| i);
        zone::place_in(&self.text[after..here], false)
            .or_else(|| zone::place_in(&self.text[from.min(at)..at], true))
            .or_else(|| zone::place_in(&self.text[..head], false))
    }

    // ------------------------------------------------------------------ explicit dates

    fn month_at(&self, j: usize) -> Option<(u8, usize)> {
        let Lex::Month(m, abbrev) = self.lex(j) else { return None };
        if !self.upper(j) {
            return None;
        }
        let mut k = j + 1;
        if abbrev && self.punct(k, ".") && self.tight(k) {
            k += 1;
        }
        Some((m, k))
    }

    fn explicit_date(&mut self, j: usize) -> Option<M> {
        // Month first: "Feb. 12, 2022", "February 2022", "February".
        if let Some((m, k)) = self.month_at(j) {
            if let Some(d) = self.day_num(k) {
                let k2 = if self.punct(k + 1, ",") { k + 2 } else { k + 1 };
                if let Some(y) = self.year4(k2) {
                    return Some(self.full_date(y, m, d, k2 + 1, j));
                }
                // "March 3-4, 2021": the year closes the range and dates both days.
                if (self.hyphen(k + 1) || self.kw(k + 1, Kw::And)) && self.day_num(k + 2).is_some() {
                    let k3 = if self.punct(k + 3, ",") { k + 4 } else { k + 3 };
                    if let Some(y) = self.year4(k3) {
                        return Some(self.full_date(y, m, d, k + 1, j));
                    }
                }
                // "March 3 next year": the year phrase belongs to the date.
                if let Some((y, end)) = self.year_phrase(k + 1) {
                    return Some(self.full_date(y, m, d, end, j));
                }
                return Some(self.month_day(m, d, k + 1, j));
            }
            let k2 = if self.punct(k, ",") || self.kw(k, Kw::Of) { k + 1 } else { k };
            if let Some((y, end)) = self.year4(k2).map(|y| (y, k2 + 1)).or_else(|| self.spoken_year(k2)) {
                let mut mm = M::date(end, Some(Point::Month(y, m)));
                mm.year_scope = 1;
                return Some(mm);
            }
            // "in February this year", "in April next year".
            if let Some((y, end)) = self.year_phrase(k) {
                return Some(M::date(end, Some(Point::Month(y, m))));
            }
            let Lex::Month(_, abbrev) = self.lex(j) else { return None };
            let ambiguous = matches!(m, 3 | 5) || abbrev;
            let cue = self.prev_is(
                j,
                &[
                    "in", "early", "late", "mid", "last", "next", "this", "since", "until", "by", "of", "during",
                    "from", "through", "before", "after", "-", "end", "each", "every", "the",
                ],
            );
            if ambiguous && !cue {
                return None;
            }
            let value = self.resolve_month(m, j, None);
            return Some(M::date(k, value));
        }
        // Day first: "12 February", "the 12th of February 2022", "the first of March".
        // Every such date goes on with "of" or a month name: the day is read only then
        // (most numbers of a wire story are amounts).
        let of = self.kw(j + 1, Kw::Of);
        let day = (of || matches!(self.lex(j + 1), Lex::Month(..)))
            .then(|| {
                self.day_num(j).or_else(|| match self.lex(j) {
                    Lex::Ordinal(n) if of && self.prev_is(j, &["the"]) => Some(n),
                    _ => None,
                })
            })
            .flatten();
        if let Some(d) = day {
            // "the 15th of next month".
            if of
                && let rel @ (Lex::Kw(Kw::Next) | Lex::Kw(Kw::Last) | Lex::Kw(Kw::This)) = self.lex(j + 2)
                && matches!(self.lex(j + 3), Lex::Unit(Unit::Month, false))
                && let Some(dct) = self.dct
            {
                let n = match rel {
                    Lex::Kw(Kw::Next) => 1,
                    Lex::Kw(Kw::Last) => -1,
                    _ => 0,
                };
                let (y, m) = match Point::from_day(dct, Unit::Month, n) {
                    Some(Point::Month(y, m)) => (y, m),
                    _ => return None,
                };
                let mut mm = self.full_date(y, m, d, j + 4, j).the();
                mm.year_scope = 0;
                return Some(mm);
            }
            let k = if of { j + 2 } else { j + 1 };
            if let Some((m, k2)) = self.month_at(k) {
                let k3 = if self.punct(k2, ",") { k2 + 1 } else { k2 };
                if let Some(y) = self.year4(k3) {
                    return Some(self.full_date(y, m, d, k3 + 1, j).the());
                }
                return Some(self.month_day(m, d, k2, j).the());
            }
        }
        // Numeric: 2022-02-13, 2/13/2022, 13/02/2022.
        if self.is_num(j) {
            let sep = self.w(j + 1);
            if (sep == "-" || sep == "/")
                && self.w(j + 3) == sep
                && (1..=4).all(|d| self.tight(j + d))
                && self.is_num(j + 2)
                && self.is_num(j + 4)
            {
                let (a, da) = self.int(j)?;
                let (b, db) = self.int(j + 2)?;
                let (c, dc) = self.int(j + 4)?;
                let (y, m, d) = if sep == "-" && da == 4 && db <= 2 && dc <= 2 {
                    (a, b, c)
                } else if sep == "/" && dc == 4 && da <= 2 && db <= 2 {
                    if a > 12 { (c, b, a) } else { (c, a, b) }
                } else {
                    return None;
                };
                let (y, m, d) = (y as i32, u8::try_from(m).ok()?, u8::try_from(d).ok()?);
                return Some(self.full_date(y, m, d, j + 5, j));
            }
        }
        None
    }

    /// "this year", "next year", "last year" at `k`: the year and the token after it.
    fn year_phrase(&self, k: usize) -> Option<(i32, usize)> {
        let rel = match self.lex(k) {
            Lex::Kw(Kw::This) => 0,
            Lex::Kw(Kw::Next) => 1,
            Lex::Kw(Kw::Last) => -1,
            _ => return None,
        };
        matches!(self.lex(k + 1), Lex::Unit(Unit::Year, false)).then_some((self.dct?.y + rel, k + 2))
    }

    /// A year in words: "nineteen ninety-seven".
    fn spoken_year(&self, j: usize) -> Option<(i32, usize)> {
        if let (Lex::NumWord(c @ 10..=20), Lex::NumWord(t)) = (self.lex(j), self.lex(j + 1))
            && t >= 10
        {
            let (rest, end) = self.word_number(j + 1)?;
            if rest < 100.0 {
                return Some((i32::from(c) * 100 + rest as i32, end));
            }
        }
        None
    }

    fn full_date(&mut self, y: i32, m: u8, d: u8, end: usize, start: usize) -> M {
        match Ymd::new(y, m, d) {
            Some(date) => {
                let mut mm = M::date(end, Some(Point::Day(date)));
                mm.year_scope = 1;
                mm
            }
            None => {
                self.notes.push(format!(
                    "'{}' is not a calendar date; left without a value",
                    &self.text[self.toks[start].start as usize..self.toks[end - 1].end as usize]
                ));
                M::date(end, None)
            }
        }
    }

    fn month_day(&mut self, m: u8, d: u8, end: usize, start: usize) -> M {
        if d > days_in_month(2000, m) {
            return self.full_date(2001, m, d, end, start);
        }
        let year = self.year_in_force(start).or_else(|| {
            let dct = self.dct?;
            let cand = |y: i32| Ymd::new(y, m, d);
            let this = cand(dct.y).map(|c| c.to_days() - dct.to_days());
            // The sentence is read only when its tense can change the year.
            let tense = match this {
                Some(diff) if diff < -300 || (160 < diff && diff <= 300) => self.clause_tense(start),
                _ => None,
            };
            // News looks back more than forward, but past-tense verbs surround future
            // dates too ("said talks will resume Jan. 14"): move to another year only
            // when the date would otherwise lie far away.
            // Measured on TimeBank/AQUAINT (tune split): a date more than about five
            // months ahead is last year's, one almost a year back is next year's.
            Some(match (tense, this) {
                // ... but never into next year in a past-tense clause ("bought it in March").
                (Some(Tense::Past), Some(diff)) if diff < -300 => dct.y,
                (Some(Tense::Future), Some(diff)) if diff > 160 && diff <= 300 => dct.y,
                (_, Some(diff)) if diff > 160 => dct.y - 1,
                (_, Some(diff)) if diff < -300 => dct.y + 1,
                _ => dct.y,
            })
        });
        match year {
            Some(y) => match Ymd::new(y, m, d) {
                Some(date) => M::date(end, Some(Point::Day(date))),
                None => self.full_date(y, m, d, end, start),
            },
            None => M::text(end, TimexKind::Date, Some(format!("XXXX-{m:02}-{d:02}"))),
        }
    }

    /// The year of a bare month: the text's year in force, else the document's, moved
    /// by tense or by "last"/"next".
    fn resolve_month(&self, m: u8, j: usize, rel: Option<i8>) -> Option<Point> {
        if rel.is_none()
            && let Some(y) = self.year_in_force(j)
        {
            return Some(Point::Month(y, m));
        }
        let dct = self.dct?;
        let y = match rel {
            Some(-1) => {
                // "last February" written in March is a year back: the month just gone
                // would be "last month".
                if m + 1 < dct.m { dct.y } else { dct.y - 1 }
            }
            Some(1) => {
                if m > dct.m {
                    dct.y
                } else {
                    dct.y + 1
                }
            }
            Some(_) => dct.y,
            None => {
                let diff = i32::from(m) - i32::from(dct.m);
                // As for month and day: measured on the tune split. Months close to the
                // document's keep its year whatever the tense: the sentence is not read.
                let tense = if diff > -8 && diff < 6 { None } else { self.clause_tense(j) };
                match tense {
                    Some(Tense::Past) if diff <= -8 => dct.y,
                    _ if diff > 9 => dct.y - 1,
                    Some(Tense::Future) if diff >= 6 => dct.y,
                    _ if diff >= 6 => dct.y - 1,
                    _ if diff <= -8 => dct.y + 1,
                    _ => dct.y,
                }
            }
        };
        (1..=9999).contains(&y).then_some(Point::Month(y, m))
    }

    // ------------------------------------------------------------------ relative dates

    fn weekday_date(&self, wd: u8, j: usize, rel: Option<i8>) -> Option<Ymd> {
        let dct = self.dct?;
        let cur = i64::from(dct.weekday());
        let wd = i64::from(wd);
        let back = (cur - wd).rem_euclid(7);
        let fwd = (wd - cur).rem_euclid(7);
        match rel {
            Some(-1) => dct.add_days(-(if back == 0 { 7 } else { back })),
            Some(1) => dct.add_days(if fwd == 0 { 7 } else { fwd }),
            // The document's own weekday is that day either way: the sentence is not read.
            _ if back == 0 => dct.add_days(0),
            _ => match self.clause_tense(j) {
                Some(Tense::Future) => dct.add_days(fwd),
                _ => dct.add_days(-back),
            },
        }
    }

    /// A day plus an optional part of day after it ("Monday morning").
    fn day_with_part(&self, d: Option<Ymd>, k: usize) -> M {
        self.day_with_part_as(d, k, false)
    }

    /// Like [`Tagger::day_with_part`]; with `plain`, "night" joins the span but not the
    /// value: a weekday's night, which runs past midnight, is dated by its day
    /// ("Wednesday night" is that Wednesday, as TimeBank writes it).
    fn day_with_part_as(&self, d: Option<Ymd>, k: usize, plain: bool) -> M {
        if let Lex::PartOfDay(p) = self.lex(k)
            && !self.w(k).ends_with('s')
        {
            if plain && p == 3 {
                return M::date(k + 1, d.map(Point::Day));
            }
            let value = d.map(|d| format!("{}T{}", Point::Day(d), PART_OF_DAY[usize::from(p)]));
            let mut m = M::text(k + 1, TimexKind::Time, value);
            m.point = d.map(Point::Day);
            return m;
        }
        M::date(k, d.map(Point::Day))
    }

    fn relative(&mut self, j: usize, the: bool) -> Option<M> {
        match self.lex(j) {
            Lex::DayRel(k) => {
                // "today's youth", "today's world": now in general, not a day.
                if k == 0
                    && matches!(self.w(j + 1), "'" | "\u{2019}")
                    && is(self.w(j + 2), "s")
                    && GENERIC_AFTER_TODAY.iter().any(|g| is(self.w(j + 3), g))
                {
                    return None;
                }
                let d = self.dct.and_then(|d| d.add_days(i64::from(k)));
                Some(self.day_with_part(d, j + 1))
            }
            Lex::Holiday(h) if self.upper(j) => {
                let mut end = j + 1;
                // "Valentine's Day": the possessive belongs to the name.
                if h == 4 && matches!(self.w(end), "'" | "\u{2019}") && is(self.w(end + 1), "s") {
                    end += 2;
                }
                let day_word = is(self.w(end), "day") && self.upper(end);
                // "Election Day" and "Valentine's Day" only with their "Day".
                if matches!(h, 2 | 4) && !day_word {
                    return None;
                }
                let (m, eve) = match h {
                    0 if is(self.w(end), "eve") => (12, true),
                    0 => (12, false),
                    3 => (10, false),
                    4 => (2, false),
                    _ => (11, false),
                };
                if is(self.w(end), "day") || is(self.w(end), "eve") {
                    end += 1;
                }
                let rel = match j.checked_sub(1).map(|p| self.lex(p)) {
                    Some(Lex::Kw(Kw::Last)) => -1,
                    Some(Lex::Kw(Kw::Next)) => 1,
                    _ => 0,
                };
                let day_in = |y: i32| -> Option<Ymd> {
                    if h == 0 {
                        Ymd::new(y, m, if eve { 24 } else { 25 })
                    } else if h == 3 {
                        Ymd::new(y, 10, 31)
                    } else if h == 4 {
                        Ymd::new(y, 2, 14)
                    } else if h == 2 {
                        // US Election Day: the Tuesday after the first Monday of November.
                        let first = Ymd::new(y, 11, 1)?;
                        let monday = (1 + 7 - i64::from(first.weekday())) % 7;
                        first.add_days(monday + 1)
                    } else {
                        // Thanksgiving (US): the fourth Thursday of November.
                        let first = Ymd::new(y, 11, 1)?;
                        let offset = (4 + 7 - i64::from(first.weekday())) % 7;
                        first.add_days(offset + 21)
                    }
                };
                let d = self.dct.and_then(|dct| {
                    let this = day_in(dct.y)?;
                    let y = match rel {
                        -1 if this >= dct => dct.y - 1,
                        1 if this <= dct => dct.y + 1,
                        0 if this.to_days() - dct.to_days() > 160 => dct.y - 1,
                        _ => dct.y,
                    };
                    day_in(y)
                });
                Some(M::date(end, d.map(Point::Day)))
            }
            Lex::Kw(Kw::Tonight) => {
                let mut m = M::text(j + 1, TimexKind::Time, self.dct.map(|d| format!("{}TNI", Point::Day(d))));
                m.point = self.dct.map(Point::Day);
                Some(m)
            }
            Lex::Weekday(wd, false) => {
                if !self.upper(j) {
                    return None;
                }
                // "Saturday, April 25": the date says which Saturday.
                let after = if self.punct(j + 1, ",") { j + 2 } else { j + 1 };
                if matches!(self.lex(after), Lex::Month(..)) || self.is_num(after) {
                    let date = self.explicit_date(after).filter(|m| matches!(m.point, Some(Point::Day(_))));
                    if let Some(m) = date {
                        return Some(m);
                    }
                }
                if self.dct.is_none() {
                    return Some(M::text(j + 1, TimexKind::Date, Some(format!("XXXX-WXX-{wd}"))));
                }
                let d = self.weekday_date(wd, j, None);
                Some(self.day_with_part_as(d, j + 1, true))
            }
            Lex::Weekday(wd, true) if self.upper(j) && self.prev_is(j, &["on"]) => {
                Some(M::text(j + 1, TimexKind::Set, Some(format!("XXXX-WXX-{wd}"))))
            }
            // "this past spring", "this past week": the one just gone.
            Lex::Kw(Kw::This) if self.kw(j + 1, Kw::Past) => self.relative_unit(j + 1, -1, false, the),
            Lex::Kw(k @ (Kw::This | Kw::Last | Kw::Next | Kw::Past | Kw::Previous | Kw::Coming | Kw::Following)) => {
                let rel: i8 = match k {
                    Kw::This => 0,
                    Kw::Last | Kw::Past | Kw::Previous => -1,
                    _ => 1,
                };
                // "the next day", "the following week", "the previous day": from the text's date.
                let anchored = the && matches!(k, Kw::Next | Kw::Following | Kw::Previous);
                self.relative_unit(j, rel, anchored, the)
            }
            Lex::Vague(Vague::Present) if is(self.w(j), "current") => {
                let k = if self.kw(j + 1, Kw::Fiscal) { j + 2 } else { j + 1 };
                let Lex::Unit(u @ (Unit::Year | Unit::Quarter | Unit::Month | Unit::Week), false) = self.lex(k) else {
                    return None;
                };
                let p = self.dct.and_then(|d| Point::from_day(d, u, 0));
                Some(M::date(k + 1, p).the())
            }
            Lex::Kw(Kw::That)
                if matches!(self.lex(j + 1), Lex::Unit(Unit::Year | Unit::Month | Unit::Quarter, false))
                    && self.last_point.is_some() =>
            {
                // "that year", "that quarter": the one the text spoke of last.
                let (p, _) = self.last_point?;
                let p = match self.lex(j + 1) {
                    Lex::Unit(Unit::Year, _) => p.year().map(Point::Year),
                    Lex::Unit(Unit::Month, _) => match p {
                        Point::Day(d) => Some(Point::Month(d.y, d.m)),
                        Point::Month(..) => Some(p),
                        _ => None,
                    },
                    _ => self.last_quarter.map(|(q, _)| q),
                };
                let mut m = M::date(j + 2, p).the();
                m.derived = true;
                Some(m)
            }
            Lex::Unit(Unit::Year, false)
                if (self.hyphen(j + 1) && self.kw(j + 2, Kw::End))
                    || self.kw(j + 1, Kw::End)
                    || (matches!(self.w(j + 1), "'" | "\u{2019}")
                        && is(self.w(j + 2), "s")
                        && self.kw(j + 3, Kw::End)) =>
            {
                // "by year-end", "at year end", "by year's end": the end of the text's year.
                let end = if self.kw(j + 1, Kw::End) {
                    j + 2
                } else if self.hyphen(j + 1) {
                    j + 3
                } else {
                    j + 4
                };
                let y = self.year_in_force(j).or(self.dct.map(|d| d.y));
                let mut m = M::date(end, y.map(Point::Year)).the();
                m.modifier = Some("END");
                m.derived = true;
                Some(m)
            }
            Lex::PartOfDay(p)
                if !self.w(j).ends_with('s')
                    && (self.prev_is(j, &["mid", "early", "late"])
                        || (self.hyphen(j.wrapping_sub(1)) && self.prev_is(j - 1, &["mid"]))) =>
            {
                // "by mid-afternoon", "early morning yesterday": a part of a day.
                let mut end = j + 1;
                let mut day = self.dct;
                if matches!(self.lex(j + 1), Lex::DayRel(_) | Lex::Weekday(_, false))
                    && let Some(m) = self.relative(j + 1, false)
                    && let Some(Point::Day(d)) = m.point
                {
                    day = Some(d);
                    end = m.end;
                }
                let value = day.map(|d| format!("{}T{}", Point::Day(d), PART_OF_DAY[usize::from(p)]));
                let mut m = M::text(end, TimexKind::Time, value);
                m.point = day.map(Point::Day);
                Some(m)
            }
            Lex::Kw(Kw::Same | Kw::That) if matches!(self.lex(j + 1), Lex::Unit(Unit::Day, false)) => {
                if self.kw(j, Kw::Same) && !the {
                    return None;
                }
                // The day the text spoke of last; when it last spoke of a longer stretch
                // ("that day" in a story about a year), a generic day: no expression.
                let p = self.last_point.map(|(p, _)| p).or(self.dct.map(Point::Day));
                let p = p.filter(|p| matches!(p, Point::Day(_)))?;
                Some(M::date(j + 2, Some(p)).the())
            }
            Lex::NumWord(1)
                if is(self.w(j), "one")
                    && matches!(self.lex(j + 1), Lex::Unit(Unit::Day, false))
                    && self.prev_is(j, &["will", "would", "could", "may", "might", "can", "should", "must"]) =>
            {
                // "will one day be": some day ahead, not a day long.
                Some(M::text(j + 2, TimexKind::Date, Some(Vague::Future.value().into())))
            }
            Lex::Unit(Unit::Day, false) if the && matches!(self.lex(j + 1), Lex::Kw(Kw::Before | Kw::After)) => {
                // "the day before", "the day after" (not followed by a noun).
                if matches!(self.toks.get(j + 2).map(|t| t.kind), Some(Kind::Word | Kind::Num)) {
                    return None;
                }
                let n = if self.kw(j + 1, Kw::Before) { -1 } else { 1 };
                let p = self.reference_point().and_then(|p| p.shift(Unit::Day, n));
                Some(M::date(j + 2, p).the())
            }
            Lex::Unit(Unit::Year, false)
                if the
                    && !self.hyphen(j + 1)
                    && !matches!(self.lex(j + 1), Lex::NumWord(_) | Lex::Kw(Kw::Of | Kw::Before | Kw::After))
                    && !self.is_num(j + 1)
                    && !matches!(self.w(j + 1), "'" | "\u{2019}") =>
            {
                Some(self.the_year(j))
            }
            Lex::Kw(Kw::Fiscal | Kw::Full) if the && matches!(self.lex(j + 1), Lex::Unit(Unit::Year, false)) => {
                Some(self.the_year(j + 1))
            }
            Lex::Unit(Unit::Week, false) if the && self.kw(j + 1, Kw::Of) => {
                // "the week of March 6".
                let m = self.explicit_date(j + 2)?;
                let Some(Point::Day(d)) = m.point else { return None };
                Some(M::date(m.end, Some(Point::week_of(d))).the())
            }
            Lex::Unit(Unit::Weekend, false) if the => {
                let d = self.dct.and_then(|d| {
                    let back = i64::from(d.weekday()) - 6;
                    // On a weekend day, that weekend; on a weekday, the one before,
                    // or the one to come in a future-tense sentence.
                    let sat = if back >= 0 || self.tense(j) == Some(Tense::Future) {
                        d.add_days(-back)
                    } else {
                        d.add_days(-back - 7)
                    }?;
                    Some(Point::Weekend(sat.iso_week().0, sat.iso_week().1))
                });
                Some(M::date(j + 1, d).the())
            }
            Lex::Unit(Unit::Year, false)
                if self.hyphen(j + 1) && matches!(self.lex(j + 2), Lex::Kw(Kw::Ago | Kw::Earlier)) =>
            {
                // "year-ago", "year-earlier" [quarter|period].
                let mut k = j + 3;
                let mut q = None;
                if let Lex::Ordinal(n @ 1..=4) = self.lex(k) {
                    q = Some(n);
                    k += 1;
                } else if matches!(self.lex(k), Lex::Unit(Unit::Second, false)) {
                    q = Some(2);
                    k += 1;
                }
                if matches!(self.lex(k), Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period)) {
                    k += 1;
                } else if q.is_some() {
                    return None;
                }
                let base = match q {
                    Some(q) => self.dct.map(|d| Point::Quarter(d.y, q)),
                    None => self.recent_quarter(j).or_else(|| self.dct.map(|d| Point::Year(d.y))),
                };
                let mut m = M::date(k, base.and_then(|p| p.shift(Unit::Year, -1))).the();
                m.derived = true;
                Some(m)
            }
            Lex::Season(s)
                if self.prev_is(j, &["in", "this", "last", "next", "early", "late", "mid", "the", "during"]) =>
            {
                // "the winter of 1994", "in summer 2021".
                let k = if self.kw(j + 1, Kw::Of) { j + 2 } else { j + 1 };
                if let Some((y, end)) = self.year4(k).map(|y| (y, k + 1)).or_else(|| self.spoken_year(k)) {
                    return Some(M::date(end, Some(Point::Season(y, s))).the());
                }
                let p = self.dct.map(|d| Point::Season(d.y, s));
                if the || !self.prev_is(j, &["this", "last", "next"]) { Some(M::date(j + 1, p).the()) } else { None }
            }
            _ => None,
        }
    }

    /// "the year" at `k` (after "the", maybe "fiscal" or "full"): a report's year ("for
    /// the year ended March 31") is a one-year duration, as TimeBank writes it; otherwise
    /// it is the year the text is in ("by the end of the year", "earlier in the year").
    fn the_year(&self, k: usize) -> M {
        let ended = |i: usize| ["ended", "ending", "ends"].iter().any(|w| is(self.w(i), w));
        if ended(k + 1) || (self.kw(k + 1, Kw::That) && ended(k + 2)) {
            return M::text(k + 1, TimexKind::Duration, Some("P1Y".into())).the();
        }
        let y = self.year_in_force(k).or(self.dct.map(|d| d.y));
        let mut m = M::date(k + 1, y.map(Point::Year)).the();
        m.derived = true;
        m
    }

    fn reference_point(&self) -> Option<Point> {
        self.last_point.map(|(p, _)| p).or(self.dct.map(Point::Day))
    }

    /// The date the text set in this sentence or the one before, if any.
    fn recent_point(&self, j: usize) -> Option<Point> {
        let sent = self.sent(j);
        self.last_point.filter(|(_, s)| s + 1 >= sent).map(|(p, _)| p)
    }

    /// The quarter the text named in the last three sentences, if it lies in the
    /// document's year or the year before (a quarter report's frame).
    fn recent_quarter(&self, j: usize) -> Option<Point> {
        let sent = self.sent(j);
        let (p, s) = self.last_quarter?;
        // A report names other quarters too ("a flat second quarter"); its frame stays the
        // quarter it opened with, unless this sentence named its own quarter.
        let p = if s == sent { p } else { self.first_quarter.unwrap_or(p) };
        let ok = s + 3 >= sent && self.dct.is_none_or(|d| p.year().is_some_and(|y| y == d.y || y + 1 == d.y));
        ok.then_some(p)
    }

    /// this/last/next/past/previous/coming/following + unit, weekday, month, season, part of day.
    fn relative_unit(&mut self, j: usize, rel: i8, anchored: bool, the: bool) -> Option<M> {
        let k = j + 1;
        match self.lex(k) {
            Lex::Unit(u, false) => {
                if u == Unit::Weekend {
                    let d = self.dct?;
                    let sat = d.add_days(6 - i64::from(d.weekday()))?.add_days(7 * i64::from(rel.min(0)))?;
                    let (y, w) = sat.iso_week();
                    return Some(M::date(k + 1, Some(Point::Weekend(y, w))).the());
                }
                if matches!(u, Unit::Hour | Unit::Minute | Unit::Second) {
                    return None;
                }
                // "last year's third quarter", "next year's first half", "last year's
                // quarter": a part of that year.
                if u == Unit::Year
                    && !anchored
                    && let Some(m) = self.year_part(k + 1, rel)
                {
                    return Some(m);
                }
                let p = if anchored {
                    self.reference_point().and_then(|p| match p {
                        Point::Day(d) => Point::from_day(d, u, i64::from(rel)),
                        other => other.shift(u, i64::from(rel)),
                    })
                } else {
                    self.dct.and_then(|d| Point::from_day(d, u, i64::from(rel)))
                };
                Some(M::date(k + 1, p).the())
            }
            Lex::Unit(_, true) if rel == 1 && self.kw(j, Kw::Coming) => {
                Some(M::text(k + 1, TimexKind::Date, Some(Vague::Future.value().into())).the())
            }
            Lex::Weekday(wd, false) if self.upper(k) => {
                let d = if rel == 0 { self.weekday_date(wd, j, None) } else { self.weekday_date(wd, j, Some(rel)) };
                Some(self.day_with_part(d, k + 1))
            }
            Lex::Month(m, false) if self.upper(k) => {
                let p = self.resolve_month(m, j, Some(rel));
                Some(M::date(k + 1, p))
            }
            Lex::Season(s) => {
                let d = self.dct?;
                let start = [3u8, 6, 9, 12][usize::from(s.min(3))];
                let cur = match d.m {
                    3..=5 => 0,
                    6..=8 => 1,
                    9..=11 => 2,
                    _ => 3,
                };
                let y = match rel {
                    0 => d.y,
                    -1 if start < d.m && cur != s => d.y,
                    -1 => d.y - 1,
                    _ if start > d.m => d.y,
                    _ => d.y + 1,
                };
                Some(M::date(k + 1, Some(Point::Season(y, s))))
            }
            Lex::PartOfDay(p) if !the => {
                let d = self.dct?.add_days(if p == 3 && rel == -1 { -1 } else { 0 })?;
                if rel == 1 {
                    return None;
                }
                let mut m =
                    M::text(k + 1, TimexKind::Time, Some(format!("{}T{}", Point::Day(d), PART_OF_DAY[usize::from(p)])));
                m.point = Some(Point::Day(d));
                Some(m)
            }
            _ => None,
        }
    }

    // ------------------------------------------------------------------ quarters and halves

    fn quarter(&mut self, j: usize, the: bool) -> Option<M> {
        // "Q3", "Q3 2022"
        if self.w(j) == "Q" && self.tight(j + 1) {
            let (q, _) = self.int(j + 1)?;
            if !(1..=4).contains(&q) {
                return None;
            }
            let y = self.year4(j + 2);
            return self.quarter_value(q as u8, y, j + if y.is_some() { 3 } else { 2 }, j, false);
        }
        // "the quarter a year ago", "the corresponding period last year", "the same
        // quarter of last year": the report's quarter (or year) one year back.
        if the {
            let noun = if matches!(self.lex(j), Lex::Kw(Kw::Corresponding | Kw::Same)) { j + 1 } else { j };
            if matches!(self.lex(noun), Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period))
                && let Some(end) = self.year_back(noun + 1)
            {
                let frame = self.recent_quarter(j).or_else(|| self.dct.map(|d| Point::Year(d.y)));
                let mut m = M::date(end, frame.and_then(|p| p.shift(Unit::Year, -1))).the();
                m.derived = true;
                return Some(m);
            }
        }
        // "the quarter", "the latest quarter", "the latest period".
        if the && matches!(self.lex(j), Lex::Unit(Unit::Quarter, false)) && !self.kw(j + 1, Kw::Of) {
            let p = self.recent_quarter(j).or_else(|| self.dct.and_then(|d| Point::from_day(d, Unit::Quarter, -1)));
            return Some(M::date(j + 1, p).the());
        }
        if the
            && self.kw(j, Kw::Latest)
            && matches!(self.lex(j + 1), Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period))
        {
            let p = self.dct.and_then(|d| Point::from_day(d, Unit::Quarter, -1));
            return Some(M::date(j + 2, p).the());
        }
        // "the fiscal first quarter"
        let j = if self.kw(j, Kw::Fiscal) && the { j + 1 } else { j };
        let ord = match self.lex(j) {
            Lex::Ordinal(n) => n,
            Lex::Unit(Unit::Second, false) => 2,
            Lex::Kw(Kw::Latest | Kw::Final) if the => 0,
            _ => return None,
        };
        let k = if self.hyphen(j + 1) { j + 2 } else { j + 1 };
        let half = self.kw(k, Kw::Half) || is(self.w(k), "half");
        let is_quarter = matches!(self.lex(k), Lex::Unit(Unit::Quarter, false));
        if !half && !is_quarter {
            // "the first nine months": a duration, left to the duration rule.
            return None;
        }
        if ord == 0 {
            let p = self.dct.and_then(|d| Point::from_day(d, Unit::Quarter, -1));
            return Some(M::date(k + 1, p).the());
        }
        let mut end = k + 1;
        let mut year = None;
        if (self.kw(end, Kw::Of) || self.punct(end, ","))
            && let Some(y) = self.year4(end + 1)
        {
            year = Some(y);
            end += 2;
        }
        if half {
            if ord > 2 {
                return None;
            }
            let y = year.or_else(|| self.dct.map(|d| if ord == 2 && d.m <= 6 { d.y - 1 } else { d.y }));
            let p = y.map(|y| Point::Half(y, ord));
            return Some(M::date(end, p).the());
        }
        if ord > 4 {
            return None;
        }
        self.quarter_value(ord, year, end, j, true)
    }

    /// After "last year" ("this", "next"): "'s third quarter", "'s first half" (of that
    /// year), "'s quarter", "'s period" (the report's quarter, that many years away) at `k`.
    fn year_part(&self, k: usize, rel: i8) -> Option<M> {
        if !(matches!(self.w(k), "'" | "\u{2019}") && self.tight(k) && is(self.w(k + 1), "s")) {
            return None;
        }
        let y = self.dct?.y + i32::from(rel);
        let k = k + 2;
        let ord = match self.lex(k) {
            Lex::Ordinal(n @ 1..=4) => Some(n),
            Lex::Unit(Unit::Second, false) => Some(2),
            _ => None,
        };
        let noun = if ord.is_some() { if self.hyphen(k + 1) { k + 2 } else { k + 1 } } else { k };
        let p = match (ord, self.lex(noun)) {
            (Some(n), Lex::Unit(Unit::Quarter, false)) => Point::Quarter(y, n),
            (Some(n @ 1..=2), _) if self.kw(noun, Kw::Half) || is(self.w(noun), "half") => Point::Half(y, n),
            // The report's own quarter, that many years away.
            (None, Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period)) => {
                self.recent_quarter(k)?.shift(Unit::Year, i64::from(rel))?
            }
            _ => return None,
        };
        let mut m = M::date(noun + 1, Some(p));
        m.derived = rel != 0;
        Some(m)
    }

    /// "a year ago", "a year earlier", "last year", "of last year", "the year before" at
    /// `k`: where the phrase ends.
    fn year_back(&self, k: usize) -> Option<usize> {
        let year = |i: usize| matches!(self.lex(i), Lex::Unit(Unit::Year, false));
        let k = if self.kw(k, Kw::Of) { k + 1 } else { k };
        if self.kw(k, Kw::A) && year(k + 1) && matches!(self.lex(k + 2), Lex::Kw(Kw::Ago | Kw::Earlier)) {
            return Some(k + 3);
        }
        if matches!(self.lex(k), Lex::Kw(Kw::Last | Kw::Previous | Kw::Past)) && year(k + 1) {
            return Some(k + 2);
        }
        (self.kw(k, Kw::The) && year(k + 1) && self.kw(k + 2, Kw::Before)).then_some(k + 3)
    }

    fn quarter_value(&self, q: u8, year: Option<i32>, end: usize, j: usize, the: bool) -> Option<M> {
        let y = year.or_else(|| self.year_in_force(j)).or_else(|| {
            let d = self.dct?;
            Some(if q > d.quarter() && self.tense(j) != Some(Tense::Future) { d.y - 1 } else { d.y })
        });
        let mut m = match y {
            Some(y) => M::date(end, Some(Point::Quarter(y, q))),
            None => M::text(end, TimexKind::Date, Some(format!("XXXX-Q{q}"))),
        };
        m.the_ok = the;
        Some(m)
    }

    // ------------------------------------------------------------------ durations

    /// One "amount unit" pair at `j`: amount, unit, plural, and the next token.
    fn amount_unit(&self, j: usize) -> Option<(Amount, Unit, usize, bool)> {
        // A figure ends at once ("2 1/2" aside): without a unit, a range or a hyphen after
        // it there is nothing to read, and parsing it is the costly part.
        if self.is_num(j)
            && !matches!(self.lex(j + 1), Lex::Unit(..) | Lex::Kw(Kw::To | Kw::Or | Kw::More | Kw::Trading))
            && !self.punct(j + 1, "-")
            && !self.is_num(j + 1)
        {
            return None;
        }
        let (a, mut k) = self.amount(j)?;
        // "two to three weeks", "12 or 18 months": the first figure.
        if matches!(self.lex(k), Lex::Kw(Kw::To | Kw::Or))
            && a != Amount::X
            && let Some((_, k2)) = self.amount(k + 1).filter(|(a2, _)| *a2 != Amount::X)
            && matches!(self.lex(k2), Lex::Unit(..))
        {
            k = k2;
        }
        let hyph = self.hyphen(k);
        if hyph {
            k += 1;
        }
        if self.kw(k, Kw::More) || self.kw(k, Kw::Trading) {
            k += 1;
        } else if a != Amount::X
            && matches!(self.lex(k + 1), Lex::Unit(..))
            && is_stretch_adjective(self.w(k).as_bytes())
        {
            // "four consecutive quarters", "two full days", "eight long years".
            k += 1;
        }
        let Lex::Unit(u, plural) = self.lex(k) else { return None };
        // "a second" is mostly the ordinal ("a second round"); "a second and a half" is not.
        if u == Unit::Second && !plural && !self.is_num(j) && self.and_a_half(k + 1).is_none() {
            return None;
        }
        // A singular unit goes with one ("1 year", "a day") or an adjective ("10-year");
        // "the 1988 second quarter" holds no duration.
        let mut hyph = hyph;
        if !plural && !hyph && matches!(a, Amount::N(v) if v > 1.0) {
            // "a two day rally", "a five year low": an adjective written without its hyphen.
            let next = self.toks.get(k + 1)?;
            if next.kind != Kind::Word || !matches!(next.lex, Lex::None) || next.upper {
                return None;
            }
            hyph = true;
        }
        if u == Unit::Quarter && self.kw(k + 1, Kw::Of) {
            return None;
        }
        // "a 10-year-old": an age, not a time; "a year-earlier period" is a date.
        if self.hyphen(k + 1) && matches!(self.lex(k + 2), Lex::Kw(Kw::Old | Kw::Ago | Kw::Earlier)) {
            return None;
        }
        // "52 years old", "a month old": an age.
        if self.kw(k + 1, Kw::Old) {
            return None;
        }
        Some((a, u, k + 1, hyph))
    }

    /// An amount ends right before `j`: a figure ("$1.76"), a scale ("$2 million") or a
    /// counted noun ("700 seats", "four flights"). A year is no amount ("In 2021 a year
    /// of drought began").
    fn rate_before(&self, j: usize) -> bool {
        if j == 0 || self.sent(j - 1) != self.sent(j) {
            return false;
        }
        let amount = |p: usize| {
            (self.is_num(p) && (self.year4(p).is_none() || p > 0 && matches!(self.w(p - 1), "$" | "€" | "£")))
                || matches!(self.lex(p), Lex::Scale(_) | Lex::NumWord(_))
        };
        let p = j - 1;
        if amount(p) {
            return true;
        }
        let t = &self.toks[p];
        let noun = t.kind == Kind::Word && !t.upper && matches!(t.lex, Lex::None | Lex::Unit(_, true));
        noun && p > 0 && self.sent(p - 1) == self.sent(p) && amount(p - 1)
    }

    /// Token `j` opens its sentence (after an opening quote, if any).
    fn opens_sentence(&self, j: usize) -> bool {
        let mut k = j;
        while k > 0 && self.sent(k - 1) == self.sent(j) && matches!(self.w(k - 1), "\"" | "``" | "'" | "\u{201c}") {
            k -= 1;
        }
        k == 0 || self.sent(k - 1) != self.sent(j)
    }

    /// "and a half" or "-and-a-half" at `k`: the token after it.
    fn and_a_half(&self, k: usize) -> Option<usize> {
        if self.kw(k, Kw::And) && self.kw(k + 1, Kw::A) && self.kw(k + 2, Kw::Half) {
            return Some(k + 3);
        }
        let hyphens = [k, k + 2, k + 4].iter().all(|&h| self.hyphen(h));
        (hyphens && self.kw(k + 1, Kw::And) && self.kw(k + 3, Kw::A) && self.kw(k + 5, Kw::Half)).then_some(k + 6)
    }

    fn duration(&mut self, j: usize, the: bool) -> Option<M> {
        // "a weeklong visit".
        if let Lex::Lasting(u) = self.lex(j) {
            return Some(M::text(j + 1, TimexKind::Duration, Some(duration_value(&[(Amount::N(1.0), u)]))));
        }
        // Unit-only forms: "hour-long", "years-long".
        if let Lex::Unit(u, plural) = self.lex(j) {
            if self.hyphen(j + 1) && self.kw(j + 2, Kw::Long) {
                let a = if plural { Amount::X } else { Amount::N(1.0) };
                return Some(M::text(j + 3, TimexKind::Duration, Some(duration_value(&[(a, u)]))));
            }
            // "the weeks ahead", "the months to come": a stretch of the future.
            if plural
                && the
                && self.sent(j + 1) == self.sent(j)
                && (is(self.w(j + 1), "ahead") || (is(self.w(j + 1), "to") && is(self.w(j + 2), "come")))
                && matches!(u, Unit::Year | Unit::Month | Unit::Week | Unit::Day | Unit::Decade)
            {
                let end = if is(self.w(j + 1), "ahead") { j + 2 } else { j + 3 };
                return Some(M::text(end, TimexKind::Duration, Some(duration_value(&[(Amount::X, u)]))).the());
            }
            if plural
                && (self.prev_is(j, &["for", "over", "within"])
                    // "the first time in years"; not "in years past".
                    || (self.prev_is(j, &["in"]) && !matches!(self.toks.get(j + 1).map(|t| t.kind), Some(Kind::Word))))
                && matches!(
                    u,
                    Unit::Year | Unit::Month | Unit::Week | Unit::Decade | Unit::Day | Unit::Hour | Unit::Minute
                )
            {
                return Some(M::text(j + 1, TimexKind::Duration, Some(duration_value(&[(Amount::X, u)]))));
            }
            return None;
        }
        // "the past two months", "the first nine months", "the next few days".
        let lead = matches!(
            self.lex(j),
            Lex::Kw(Kw::Past | Kw::Last | Kw::Next | Kw::Coming | Kw::Previous | Kw::Following | Kw::Final)
                | Lex::Ordinal(1)
        );
        let start = if lead { j + 1 } else { j };
        let (a, u, mut k, hyph) = self.amount_unit(start)?;
        if lead && a == Amount::N(1.0) && !self.is_num(start) {
            return None;
        }
        // "an hour-long call": the duration is "hour-long".
        if self.kw(start, Kw::A) && self.hyphen(k) && self.kw(k + 1, Kw::Long) {
            return None;
        }
        let mut parts = vec![(a, u)];
        // "two hours and five minutes", "two years, three months".
        while self.kw(k, Kw::And) || self.punct(k, ",") || self.hyphen(k) {
            // "a minute and a half", "a minute-and-a-half".
            if let Some(end) = self.and_a_half(k) {
                if let Some((Amount::N(v), _)) = parts.last().copied() {
                    parts.last_mut().expect("parts is not empty").0 = Amount::N(v + 0.5);
                    k = end;
                }
                break;
            }
            if self.hyphen(k) {
                break;
            }
            match self.amount_unit(k + 1) {
                Some((a2, u2, k2, false)) if u2.rank() > parts.last().map_or(0, |p| p.1.rank()) => {
                    parts.push((a2, u2));
                    k = k2;
                }
                _ => break,
            }
        }
        let mut modifier = None;
        if self.kw(k, Kw::Or) && self.kw(k + 1, Kw::So) {
            k += 2;
            modifier = Some("APPROX");
        }
        let value = duration_value(&parts);
        let mk = |end: usize, kind, value| {
            let mut m = M::text(end, kind, value);
            m.modifier = modifier;
            m
        };
        // "the past few months", "the last several quarters": a vague stretch of the past.
        if lead
            && a == Amount::X
            && parts.len() == 1
            && matches!(self.lex(j), Lex::Kw(Kw::Past | Kw::Last | Kw::Previous))
        {
            return Some(mk(k, TimexKind::Date, Some(Vague::Past.value().into())).the());
        }
        if lead || hyph {
            if hyph && self.hyphen(k) && self.kw(k + 1, Kw::Long) {
                k += 2;
            }
            let m = mk(k, TimexKind::Duration, Some(value));
            return Some(if lead { m.the() } else { m });
        }
        let single = (parts.len() == 1).then(|| parts[0]);
        // "$1.76 a year", "700 seats a week": a rate, not a stretch of time.
        if single.is_some() && self.kw(start, Kw::A) && !lead && self.rate_before(start) {
            let dated = matches!(self.lex(k), Lex::Kw(Kw::Ago | Kw::Earlier | Kw::Later | Kw::Before | Kw::After));
            if !dated {
                return None;
            }
        }
        // "two days ago", "a year earlier", "three weeks later", "two days from now".
        let dir = match self.lex(k) {
            Lex::Kw(Kw::Ago) => Some((-1i64, false, k + 1)),
            Lex::Kw(Kw::Earlier) if !self.kw(k + 1, Kw::Than) => Some((-1, true, k + 1)),
            Lex::Kw(Kw::Later) if !self.kw(k + 1, Kw::Than) => Some((1, true, k + 1)),
            Lex::Kw(Kw::From) if self.kw(k + 1, Kw::Now) => Some((1, false, k + 2)),
            Lex::Kw(Kw::Before | Kw::After)
                if !matches!(self.toks.get(k + 1).map(|t| t.kind), Some(Kind::Word | Kind::Num)) =>
            {
                Some((if self.kw(k, Kw::Before) { -1 } else { 1 }, true, k + 1))
            }
            _ => None,
        };
        // "three days later", "an hour earlier": as in TimeML, a measure with a signal, so a
        // DURATION (its date is `crate::duration_anchors`'s); "a year earlier" in a
        // report is its year (or quarter) all the same.
        if let (Some((_, true, end)), Some((_, Unit::Day | Unit::Hour | Unit::Minute | Unit::Week))) = (dir, single)
            && matches!(self.lex(k), Lex::Kw(Kw::Earlier | Kw::Later))
        {
            return Some(mk(end, TimexKind::Duration, Some(value)));
        }
        if let (Some((sign, anchored, end)), Some((amount, unit))) = (dir, single) {
            let point = match amount {
                Amount::N(v) if v.fract() == 0.0 && v.abs() < 1e6 => {
                    let n = sign * v as i64;
                    // In a report on a quarter, "a year ago" is that quarter a year before.
                    let frame = if unit == Unit::Year { self.recent_quarter(j) } else { None };
                    let base = if anchored { self.recent_point(j) } else { None };
                    match frame.or(base) {
                        Some(p) => p.shift(unit, n),
                        None => self.dct.and_then(|d| Point::from_day(d, unit, n)),
                    }
                }
                // "two and a half years ago": counted in the next finer unit (30 months).
                Amount::N(v) if v.abs() < 1e6 => {
                    // Within a day ("a minute and a half ago") the date is that day.
                    let finer = match unit {
                        Unit::Year => Some((12.0, Unit::Month)),
                        Unit::Decade => Some((10.0, Unit::Year)),
                        Unit::Century => Some((100.0, Unit::Year)),
                        Unit::Week => Some((7.0, Unit::Day)),
                        Unit::Hour | Unit::Minute | Unit::Second => Some((0.0, Unit::Day)),
                        _ => None,
                    };
                    let base = if anchored { self.recent_point(j) } else { None };
                    match (finer, base) {
                        (Some((k, _)), _) if (v * k).fract() != 0.0 => None,
                        (Some((k, u)), Some(Point::Day(d))) => Point::from_day(d, u, sign * (v * k) as i64),
                        (Some((k, u)), None) => self.dct.and_then(|d| Point::from_day(d, u, sign * (v * k) as i64)),
                        _ => None,
                    }
                }
                _ => None,
            };
            if point.is_none() && amount == Amount::X {
                let v = if sign < 0 { Vague::Past } else { Vague::Future };
                return Some(mk(end, TimexKind::Date, Some(v.value().into())));
            }
            let mut m = M::date(end, point);
            m.modifier = modifier;
            m.derived = true;
            return Some(m);
        }
        let m = mk(k, TimexKind::Duration, Some(value));
        // "the two hours and five minutes long session": "the" belongs to the noun.
        Some(if self.kw(k, Kw::Long) { m } else { m.the() })
    }

    // ------------------------------------------------------------------ years and decades

    fn year(&mut self, j: usize) -> Option<M> {
        let fiscal = self.kw(j, Kw::Fiscal);
        let j2 = if fiscal { j + 1 } else { j };
        // Spoken years: "nineteen ninety-six", "(the year) two thousand".
        if let Lex::NumWord(_) = self.lex(j2) {
            if let Some((y, end)) = self.spoken_year(j2) {
                return Some(M::date(end, Some(Point::Year(y))));
            }
            if self.prev_is(j2, &["year"]) {
                let (v, end) = self.word_number(j2)?;
                if (1000.0..=2100.0).contains(&v) {
                    return Some(M::date(end, Some(Point::Year(v as i32))));
                }
            }
            return None;
        }
        // "'90s"
        if matches!(self.w(j2), "'" | "\u{2019}") {
            let s = self.w(j2 + 1);
            if self.tight(j2 + 1) && s.len() == 3 && s.ends_with('s') {
                let v: i32 = s[..2].parse().ok()?;
                let decade = if v >= 20 { 190 + v / 10 } else { 200 + v / 10 };
                return Some(M::date(j2 + 2, Some(Point::Decade(decade))).the());
            }
            return None;
        }
        if let Lex::DecadeWord(d) = self.lex(j2) {
            // "the nineties": of the twentieth century.
            let ok = self.prev_is(j2, &["the", "early", "late", "mid", "-"]);
            return ok.then(|| M::date(j2 + 1, Some(Point::Decade(190 + i32::from(d)))).the());
        }
        if !self.is_num(j2) {
            return None;
        }
        let s = self.w(j2);
        // "the 20th century".
        if matches!(self.lex(j2 + 1), Lex::Unit(Unit::Century, false))
            && let Some(n) = s.strip_suffix("th").or_else(|| s.strip_suffix("st")).and_then(|n| n.parse::<i32>().ok())
            && (1..=99).contains(&n)
        {
            return Some(M::date(j2 + 2, Some(Point::Century(n - 1))).the());
        }
        if s.len() == 5 && s.ends_with('s') && s.as_bytes()[3] == b'0' {
            let v: i32 = s[..4].parse().ok()?;
            if (1000..=2190).contains(&v) {
                return Some(M::date(j2 + 1, Some(Point::Decade(v / 10))).the());
            }
            return None;
        }
        let y = self.year4(j2)?;
        // Not a year: "$2022", "2022 troops", "2022%", "1,500 km".
        if j2 > 0 && matches!(self.w(j2 - 1), "$" | "€" | "£" | "#" | "No") {
            return None;
        }
        match self.lex(j2 + 1) {
            // "the 1988 quarter", "the 1988 second quarter" are quarters; "2022 years" is not a year.
            Lex::Unit(Unit::Quarter, false) => {}
            Lex::Unit(Unit::Second, false) if matches!(self.lex(j2 + 2), Lex::Unit(Unit::Quarter, false)) => {}
            Lex::Scale(_) | Lex::Measure(_) | Lex::Currency(_) | Lex::Unit(..) => return None,
            _ => {}
        }
        if self.punct(j2 + 1, "%") || (self.is_num(j2 + 1) && !self.punct(j2 + 1, ",")) {
            return None;
        }
        let next = self.toks.get(j2 + 1);
        // "the 1992 protests", "post-1959 politics": a year before its noun.
        let attributive = || {
            (1900..=2100).contains(&y)
                && (self.prev_is(j2, &["the"])
                    || (j2 > 1 && self.hyphen(j2 - 1) && self.prev_is(j2 - 1, &["pre", "post"])))
        };
        if let Some(t) = next
            && t.kind == Kind::Word
            && matches!(t.lex, Lex::None)
            && !t.upper
            && self.w(j2 + 1).ends_with('s')
            && !fiscal
            && !attributive()
        {
            let w = self.w(j2 + 1);
            if !matches!(w, "was" | "is" | "has" | "as" | "elections" | "levels" | "figures" | "results") {
                return None;
            }
        }
        if !(1900..=2100).contains(&y)
            && !fiscal
            && !self.prev_is(j2, &["in", "since", "of", "by", "from", "until", "year", "the", "to", "and", "between"])
        {
            return None;
        }
        let mut k = j2 + 1;
        let ord = match self.lex(k) {
            Lex::Ordinal(n @ 1..=4) => Some(n),
            Lex::Unit(Unit::Second, false) => Some(2),
            _ => None,
        };
        if ord.is_some() {
            k += 1;
        }
        if matches!(self.lex(k), Lex::Unit(Unit::Quarter, false) | Lex::Kw(Kw::Period)) {
            let q = ord.or_else(|| match self.recent_quarter(j2) {
                Some(Point::Quarter(_, q)) => Some(q),
                _ => self.dct.and_then(|d| Point::from_day(d, Unit::Quarter, -1)).and_then(|p| match p {
                    Point::Quarter(_, q) => Some(q),
                    _ => None,
                }),
            });
            if let Some(q) = q {
                return Some(M::date(k + 1, Some(Point::Quarter(y, q))).the());
            }
        }
        let mut m = M::date(j2 + 1, Some(Point::Year(y)));
        // "In 2014, ... on March 18": a year that opens its clause frames the clause's days;
        // one inside a noun's modifier ("a plan approved in 1987") does not.
        let opens = j2 >= 2
            && self.prev_is(j2, &["in"])
            && (self.sent(j2 - 2) != self.sent(j2) || self.punct(j2 - 2, ",") || self.punct(j2 - 2, ";"));
        let first = j2 == 1 && self.prev_is(j2, &["in"]);
        m.year_scope = u32::from(opens || first);
        Some(m)
    }

    // ------------------------------------------------------------------ sets

    fn set(&mut self, j: usize) -> Option<M> {
        let set = |end: usize, value: String| Some(M::text(end, TimexKind::Set, Some(value)));
        match self.lex(j) {
            Lex::Set(u) => return set(j + 1, duration_value(&[(Amount::N(1.0), u)])),
            Lex::Kw(Kw::Every | Kw::Each) => {
                let mut k = j + 1;
                let mut n = 1.0;
                if self.kw(k, Kw::Other) {
                    n = 2.0;
                    k += 1;
                }
                match self.lex(k) {
                    Lex::Unit(u, false) => return set(k + 1, duration_value(&[(Amount::N(n), u)])),
                    Lex::Weekday(wd, _) => return set(k + 1, format!("XXXX-WXX-{wd}")),
                    Lex::Month(m, false) if self.upper(k) => return set(k + 1, format!("XXXX-{m:02}")),
                    Lex::PartOfDay(p) => return set(k + 1, format!("XXXX-XX-XXT{}", PART_OF_DAY[usize::from(p)])),
                    _ => {
                        if let Some((a, u, end, _)) = self.amount_unit(k) {
                            return set(end, duration_value(&[(a, u)]));
                        }
                    }
                }
            }
            _ => {}
        }
        // "twice a week", "three times a year", "once a month".
        let k = match self.lex(j) {
            Lex::Kw(Kw::Once | Kw::Twice) => j + 1,
            _ => {
                if self.is_num(j) && !self.kw(j + 1, Kw::Times) && !self.is_num(j + 1) {
                    return None;
                }
                let (_, k) = self.amount(j)?;
                if !self.kw(k, Kw::Times) {
                    return None;
                }
                k + 1
            }
        };
        if (self.kw(k, Kw::A) || self.kw(k, Kw::Per))
            && let Lex::Unit(u, false) = self.lex(k + 1)
        {
            return set(k + 2, duration_value(&[(Amount::N(1.0), u)]));
        }
        None
    }

    // ------------------------------------------------------------------ vague references

    fn vague(&mut self, j: usize, the: bool) -> Option<M> {
        let vague = |end: usize, v: Vague| Some(M::text(end, TimexKind::Date, Some(v.value().into())));
        match self.lex(j) {
            // "the then current price", "the then-current chief": the present of a past time.
            Lex::Vague(Vague::Present)
                if self.prev_is(j, &["then"]) || (self.hyphen(j.wrapping_sub(1)) && self.prev_is(j - 1, &["then"])) =>
            {
                vague(j + 1, Vague::Past)
            }
            Lex::Vague(v) => vague(j + 1, v),
            // "Now, he says, ...": opening its sentence before a comma, a discourse marker.
            Lex::Kw(Kw::Now) if self.punct(j + 1, ",") && self.opens_sentence(j) => None,
            Lex::Kw(Kw::Now) => vague(j + 1, Vague::Present),
            Lex::Kw(Kw::Right) if self.kw(j + 1, Kw::Now) => vague(j + 2, Vague::Present),
            // "may soon seek", "expects sales to soon grow", "soon will begin": the future;
            // not the conjunction ("as soon as") nor "soon after".
            Lex::Kw(Kw::Soon)
                if (self.prev_is(j, &["will", "would", "may", "might", "could", "should", "can", "must", "to"])
                    || (self.sent(j + 1) == self.sent(j) && matches!(self.w(j + 1), "will" | "would" | "may")))
                    && !matches!(self.lex(j + 1), Lex::Kw(Kw::As | Kw::After | Kw::Before | Kw::Than)) =>
            {
                vague(j + 1, Vague::Future)
            }
            Lex::Kw(Kw::Recent) => {
                if let Lex::Unit(u, true) = self.lex(j + 1) {
                    if matches!(u, Unit::Day | Unit::Year) {
                        return vague(j + 2, Vague::Past);
                    }
                    return Some(M::text(j + 2, TimexKind::Duration, Some(duration_value(&[(Amount::X, u)]))));
                }
                vague(j + 1, Vague::Past)
            }
            Lex::Kw(Kw::Future) if self.prev_is(j, &["in"]) => vague(j + 1, Vague::Future),
            Lex::Kw(Kw::These) if matches!(self.lex(j + 1), Lex::Unit(Unit::Day, true)) => vague(j + 2, Vague::Present),
            Lex::Kw(Kw::Present) if self.prev_is(j, &["at"]) || the => vague(j + 1, Vague::Present).map(M::the),
            // Not "the past three summers": a count of something follows.
            Lex::Kw(Kw::Past)
                if the
                    && !matches!(self.toks.get(j + 1).map(|t| t.lex), Some(Lex::Unit(..)))
                    && self.amount(j + 1).is_none() =>
            {
                vague(j + 1, Vague::Past).map(M::the)
            }
            Lex::Kw(Kw::Future) if the => vague(j + 1, Vague::Future).map(M::the),
            Lex::Kw(Kw::Near) if the && (self.kw(j + 1, Kw::Future) || self.kw(j + 1, Kw::Term)) => {
                // "the near future", "the short term".
                vague(j + 2, Vague::Future).map(M::the)
            }
            _ => None,
        }
    }
}

/// Adjectives between a count and its unit that leave the duration as it is ("four
/// consecutive quarters", "two full days", "an additional year").
const STRETCH_ADJECTIVES: &[&str] = &[
    "consecutive",
    "straight",
    "successive",
    "full",
    "whole",
    "long",
    "additional",
    "extra",
    "further",
    "solid",
    "entire",
];

/// Bit `n` set when some word of [`STRETCH_ADJECTIVES`] is `n` bytes long, and bit
/// `c - 'a'` when one begins with letter `c`: two bit tests before the list.
const STRETCH_MASKS: (u32, u32) = {
    let (mut lengths, mut firsts, mut i) = (0u32, 0u32, 0);
    while i < STRETCH_ADJECTIVES.len() {
        let w = STRETCH_ADJECTIVES[i].as_bytes();
        lengths |= 1 << w.len();
        firsts |= 1 << (w[0] - b'a');
        i += 1;
    }
    (lengths, firsts)
};

/// True for one of [`STRETCH_ADJECTIVES`], in any case ("further", "Additional").
#[inline(never)]
pub(crate) fn is_stretch_adjective(word: &[u8]) -> bool {
    let (lengths, firsts) = STRETCH_MASKS;
    let (n, first) = (word.len(), word.first().map_or(0, |c| (c | 0x20).wrapping_sub(b'a')));
    n < 32
        && lengths >> n & 1 != 0
        && first < 26
        && firsts >> first & 1 != 0
        && STRETCH_ADJECTIVES.iter().any(|w| word.eq_ignore_ascii_case(w.as_bytes()))
}

/// Verbs that put what follows ahead of the time of writing.
/// Words after which a participle is an adjective.
const DETERMINERS: &[&str] = &["a", "an", "the", "its", "his", "her", "their", "our", "this", "these", "those"];

/// Nouns after "today's" that make it now in general ("today's youth"), not a day.
const GENERIC_AFTER_TODAY: &[&str] = &["world", "youth", "society", "generation", "young", "children", "kids"];

/// Those of [`FUTURE_VERBS`] that are nouns too: they point ahead only before "to".
const PLAN_WORDS: &[&str] = &["plan", "plans", "hopes", "aims"];
const FUTURE_VERBS: &[&str] = &[
    "plan", "plans", "planning", "expect", "expects", "expected", "intend", "intends", "intended", "would", "hopes",
    "aims",
];

/// Lower-case words after "to" that are not verbs ("returned to work", "went to court").
const NOT_VERBS: &[&str] = &[
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "those",
    "them",
    "him",
    "me",
    "us",
    "work",
    "power",
    "office",
    "court",
    "death",
    "prison",
    "jail",
    "date",
    "justice",
    "reporters",
    "journalists",
    "school",
    "hospital",
    "parliament",
    "congress",
    "lawmakers",
];

/// The rule families, as bits of [`Tagger::families`].
const CLOCK: u8 = 1;
const EXPLICIT: u8 = 1 << 1;
const RELATIVE: u8 = 1 << 2;
const QUARTER: u8 = 1 << 3;
const DURATION: u8 = 1 << 4;
const YEAR: u8 = 1 << 5;
const SET: u8 = 1 << 6;
const VAGUE: u8 = 1 << 7;

/// True for the word classes that can start a time expression (function words such
/// as "of" or "and" cannot, and are skipped without trying the rules). Inlined: it
/// runs on every window token, and as a call it cost more than its test.
#[inline(always)]
fn starts(lex: Lex) -> bool {
    match lex {
        Lex::None | Lex::Tense(_) | Lex::Currency(_) | Lex::Measure(_) | Lex::Scale(_) | Lex::AmPm(_) | Lex::Tz(_) => {
            false
        }
        Lex::Kw(k) => !matches!(
            k,
            Kw::Of
                | Kw::In
                | Kw::On
                | Kw::By
                | Kw::And
                | Kw::Or
                | Kw::So
                | Kw::From
                | Kw::As
                | Kw::To
                | Kw::Than
                | Kw::Least
                | Kw::Most
                | Kw::Time
                | Kw::Long
                | Kw::Old
                | Kw::Local
                | Kw::Period
                | Kw::Estimated
                | Kw::Times
                | Kw::Trading
                | Kw::Ago
                | Kw::Before
                | Kw::After
                | Kw::Since
                | Kw::Until
                | Kw::Other
                | Kw::Dozens
                | Kw::Hundreds
                | Kw::Thousands
                | Kw::Millions
                | Kw::Tens
                | Kw::Near
                | Kw::Term
        ),
        _ => true,
    }
}

/// A TIMEX3 duration value from amount-unit pairs, coarse to fine: `P6Y`, `PT2H30M`, `PXD`.
fn duration_value(parts: &[(Amount, Unit)]) -> String {
    // The date part goes straight after the "P"; the time part, rarely there, after it.
    let mut date = String::with_capacity(8);
    date.push('P');
    let mut time = String::new();
    for &(a, u) in parts {
        let (mut a, mut u) = (a, u);
        // TIMEX3 writes quarters, decades and centuries in months and years.
        let scale = match u {
            Unit::Quarter => Some((3.0, Unit::Month)),
            Unit::Decade => Some((10.0, Unit::Year)),
            Unit::Century => Some((100.0, Unit::Year)),
            _ => None,
        };
        if let Some((k, to)) = scale {
            if let Amount::N(v) = a {
                a = Amount::N(v * k);
            }
            u = to;
        }
        // "2 1/2 years": P2Y6M; "5 1/2 hours": PT5H30M.
        if let Amount::N(v) = a
            && v.fract() != 0.0
            && v > 1.0
        {
            let whole = v.trunc();
            match u {
                Unit::Year => {
                    push_num(&mut date, whole);
                    date.push('Y');
                    push_num(&mut date, (v.fract() * 12.0).round());
                    date.push('M');
                    continue;
                }
                Unit::Day => {
                    push_num(&mut date, whole);
                    date.push('D');
                    push_num(&mut time, (v.fract() * 24.0).round());
                    time.push('H');
                    continue;
                }
                Unit::Hour => {
                    push_num(&mut time, whole);
                    time.push('H');
                    push_num(&mut time, (v.fract() * 60.0).round());
                    time.push('M');
                    continue;
                }
                _ => {}
            }
        }
        // Fractions of an hour or day read better one unit down ("half an hour" = PT30M).
        if let Amount::N(v) = a
            && v.fract() != 0.0
        {
            match u {
                Unit::Hour => (a, u) = (Amount::N((v * 60.0).round()), Unit::Minute),
                Unit::Day => (a, u) = (Amount::N((v * 24.0).round()), Unit::Hour),
                Unit::Year if (v * 12.0).fract() == 0.0 => (a, u) = (Amount::N(v * 12.0), Unit::Month),
                _ => {}
            }
        }
        let (letter, is_time) = u.letter();
        let target = if is_time { &mut time } else { &mut date };
        match a {
            Amount::N(v) => push_num(target, if u == Unit::Fortnight { v * 2.0 } else { v }),
            Amount::X => target.push('X'),
        }
        target.push_str(letter);
    }
    if !time.is_empty() {
        date.push('T');
        date.push_str(&time);
    }
    date
}

/// Parses a one-unit duration value ("P8Y", "PT3H", "P2W") into amount and unit.
pub(crate) fn parse_duration(value: &str) -> Option<(i64, Unit)> {
    let rest = value.strip_prefix('P')?;
    let (time, rest) = match rest.strip_prefix('T') {
        Some(r) => (true, r),
        None => (false, rest),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let n: i64 = rest[..digits].parse().ok()?;
    let unit = match (&rest[digits..], time) {
        ("Y", false) => Unit::Year,
        ("M", false) => Unit::Month,
        ("W", false) => Unit::Week,
        ("D", false) => Unit::Day,
        ("Q", false) => Unit::Quarter,
        ("DE", false) => Unit::Decade,
        ("CE", false) => Unit::Century,
        ("H", true) => Unit::Hour,
        ("M", true) => Unit::Minute,
        ("S", true) => Unit::Second,
        _ => return None,
    };
    Some((n, unit))
}
