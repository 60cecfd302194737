//! Quantities: counted amounts such as "more than 40,000 soldiers", "at least 12 people",
//! "dozens of protesters", "$1.5 billion", "2,000 km".
//!
//! A quantity is a number in digits or words, with an optional qualifier before it and
//! a unit after it: a currency (symbol or name), a measure ("km", "percent") or the
//! counted noun. Vague counts ("dozens of") get the smallest value they imply (24) and
//! the vague word as qualifier. Numbers inside time expressions are not quantities.

use crate::lexicon::{Kw, Lex};
use crate::scan::{Kind, Tok};
use dyad_core::{Quantity, Span};

struct Q<'a> {
    text: &'a str,
    toks: &'a [Tok],
}

impl<'a> Q<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| &self.text[t.start as usize..t.end as usize])
    }
    fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }
    fn kw(&self, i: usize, k: Kw) -> bool {
        // A match, not `==` on `Lex`: that compares the payloads of every variant.
        self.toks.get(i).is_some_and(|t| matches!(t.lex, Lex::Kw(x) if x == k))
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.toks.get(i).map(|t| t.kind)
    }

    fn qualifier(&self, i: usize) -> Option<(&'static str, usize)> {
        let w = |k: usize, s: &str| self.w(k).eq_ignore_ascii_case(s);
        Some(match self.lex(i) {
            Lex::Kw(Kw::More) if self.kw(i + 1, Kw::Than) => ("more than", i + 2),
            Lex::Kw(Kw::Over) => ("more than", i + 1),
            Lex::Kw(Kw::Less) if self.kw(i + 1, Kw::Than) => ("less than", i + 2),
            Lex::Kw(Kw::Under) => ("less than", i + 1),
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::Least) => ("at least", i + 2),
            Lex::Kw(Kw::At) if self.kw(i + 1, Kw::Most) => ("at most", i + 2),
            Lex::Kw(Kw::Up) if self.kw(i + 1, Kw::To) => ("up to", i + 2),
            Lex::Kw(Kw::No) if self.kw(i + 2, Kw::Than) && (self.kw(i + 1, Kw::More) || self.kw(i + 1, Kw::Less)) => {
                ("at most", i + 3)
            }
            Lex::Kw(Kw::As) if w(i + 1, "many") && self.kw(i + 2, Kw::As) => ("as many as", i + 3),
            Lex::Kw(Kw::A) if self.kw(i + 1, Kw::Estimated) => ("about", i + 2),
            Lex::Kw(Kw::About | Kw::Around | Kw::SomeWord) => ("about", i + 1),
            Lex::Kw(Kw::Nearly) => ("nearly", i + 1),
            _ => return None,
        })
    }

    /// A number at `i`: value, next token, and whether it was written in digits.
    fn number(&self, i: usize) -> Option<(f64, usize, bool)> {
        match self.lex(i) {
            Lex::NumWord(_) => {
                let mut total = 0f64;
                let mut cur = 0f64;
                let mut j = i;
                let mut any = false;
                loop {
                    match self.lex(j) {
                        Lex::NumWord(n) => {
                            let n = f64::from(n);
                            if !any
                                || (cur % 100.0 >= 20.0 && cur % 10.0 == 0.0 && n < 10.0)
                                || (cur % 100.0 == 0.0 && cur > 0.0 && n < 100.0)
                            {
                                cur += n;
                                any = true;
                            } else {
                                break;
                            }
                        }
                        Lex::Scale(s) if any => {
                            if s == 100 {
                                cur *= 100.0;
                            } else {
                                total += cur * s as f64;
                                cur = 0.0;
                            }
                        }
                        _ => break,
                    }
                    j += 1;
                    if self.w(j) == "-" && matches!(self.lex(j + 1), Lex::NumWord(_)) {
                        j += 1;
                    }
                }
                Some((total + cur, j, false))
            }
            _ if self.kind(i) == Some(Kind::Num) => {
                let s = self.w(i);
                if s.len() > 24 || !s.bytes().all(|b| b.is_ascii_digit() || b == b',' || b == b'.') {
                    return None;
                }
                let mut buf = [0u8; 24];
                let mut n = 0;
                for b in s.bytes().filter(|&b| b != b',') {
                    buf[n] = b;
                    n += 1;
                }
                let mut v: f64 = std::str::from_utf8(&buf[..n]).ok()?.parse().ok()?;
                let mut j = i + 1;
                if let Lex::Scale(s) = self.lex(j) {
                    v *= s as f64;
                    j += 1;
                }
                Some((v, j, true))
            }
            _ => None,
        }
    }

    /// The counted noun or unit at `k`, and the token after it.
    fn unit(&self, k: usize) -> Option<(String, usize)> {
        // The unit is in the number's sentence ("loss 125,000" ends a line; "Revs" does not count).
        if k == 0 || self.toks.get(k).is_none_or(|t| t.sent != self.toks[k - 1].sent) {
            return None;
        }
        match self.lex(k) {
            Lex::Measure(m) => return Some((m.to_string(), k + 1)),
            Lex::Currency(c) => return Some((c.to_string(), k + 1)),
            _ => {}
        }
        if self.w(k) == "%" {
            return Some(("percent".to_string(), k + 1));
        }
        if self.kind(k) != Some(Kind::Word) || !matches!(self.lex(k), Lex::None) {
            return None;
        }
        let w = self.w(k);
        if stop(w) {
            return None;
        }
        // "100,000 Russian troops", "12 more people": take the noun after one modifier
        // (the word lists last: they cost the most).
        let next = self.w(k + 1);
        let same_sentence = self.toks.get(k + 1).is_some_and(|t| t.sent == self.toks[k].sent);
        if same_sentence
            && self.kind(k + 1) == Some(Kind::Word)
            && matches!(self.lex(k + 1), Lex::None)
            && next.chars().next().is_some_and(char::is_lowercase)
            && (self.toks[k].upper || modifier(w))
            && !stop(next)
        {
            return Some((next.to_string(), k + 2));
        }
        if self.toks[k].upper {
            return None;
        }
        Some((w.to_string(), k + 1))
    }
}

/// Words that end a number's search for its noun ("12 of them", "5 to 6").
fn stop(word: &str) -> bool {
    lower(word, |w| {
        matches!(
            w,
            b"of"
                | b"and"
                | b"or"
                | b"to"
                | b"in"
                | b"on"
                | b"at"
                | b"is"
                | b"was"
                | b"were"
                | b"are"
                | b"for"
                | b"by"
                | b"with"
                | b"from"
                | b"per"
                | b"that"
                | b"who"
                | b"which"
                | b"as"
                | b"but"
                | b"have"
                | b"has"
                | b"had"
                | b"be"
                | b"will"
                | b"would"
                | b"said"
                | b"out"
                | b"than"
                | b"more"
                | b"a"
                | b"an"
                | b"the"
                | b"times"
        )
    })
}

/// Adjectives a counted noun can carry ("100,000 more troops", "12 civilian deaths").
fn modifier(word: &str) -> bool {
    lower(word, |w| {
        matches!(
            w,
            b"more"
                | b"other"
                | b"new"
                | b"additional"
                | b"armed"
                | b"civilian"
                | b"military"
                | b"foreign"
                | b"local"
                | b"young"
                | b"unarmed"
                | b"wounded"
                | b"displaced"
                | b"injured"
                | b"dead"
                | b"elderly"
                | b"innocent"
                | b"extra"
                | b"former"
                | b"combat"
        )
    })
}

/// `f` of `word` lower-cased (false for words longer than any in the lists).
fn lower(word: &str, f: impl Fn(&[u8]) -> bool) -> bool {
    let b = word.as_bytes();
    if b.len() > 10 {
        return false;
    }
    let mut buf = [0u8; 10];
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    f(&buf[..b.len()])
}

/// Finds the quantities in `toks`, skipping tokens inside the time expressions `taken`
/// (token ranges in text order).
pub(crate) fn find(text: &str, toks: &[Tok], taken: &[(usize, usize)]) -> Vec<Quantity> {
    let q = Q { text, toks };
    // Room for one quantity in sixteen scanned tokens spares the vector's regrowth (a
    // reallocation and a copy) in most texts, even the number-dense wire.
    let mut out = Vec::with_capacity(toks.len() / 16 + 1);
    let mut t = 0usize;
    let mut i = 0usize;
    while i < toks.len() {
        while t < taken.len() && taken[t].1 <= i {
            t += 1;
        }
        if t < taken.len() && taken[t].0 <= i {
            i = taken[t].1;
            continue;
        }
        let inside = |k: usize| t < taken.len() && taken[t].0 <= k && k < taken[t].1;
        let tok = &toks[i];
        let can_start = match tok.kind {
            Kind::Num => !crate::scan::glued(toks, i),
            // A number word, or a word that opens a qualifier or a vague count.
            Kind::Word => matches!(
                tok.lex,
                Lex::NumWord(_)
                    | Lex::Kw(
                        Kw::More
                            | Kw::Over
                            | Kw::Less
                            | Kw::Under
                            | Kw::At
                            | Kw::Up
                            | Kw::No
                            | Kw::As
                            | Kw::A
                            | Kw::About
                            | Kw::Around
                            | Kw::SomeWord
                            | Kw::Nearly
                            | Kw::Dozens
                            | Kw::Hundreds
                            | Kw::Thousands
                            | Kw::Millions
                            | Kw::Tens
                    )
            ),
            Kind::Punct => matches!(q.w(i), "$" | "€" | "£"),
        };
        if !can_start {
            i += 1;
            continue;
        }
        match q.at(i) {
            Some((end, mut quantity)) if !(i..end).any(inside) => {
                quantity.span = Span::new(toks[i].start as usize, toks[end - 1].end as usize);
                out.push(quantity);
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

impl Q<'_> {
    fn at(&self, i: usize) -> Option<(usize, Quantity)> {
        let (qualifier, mut j) = match self.qualifier(i) {
            Some((q, j)) => (Some(q), j),
            None => (None, i),
        };
        // Vague counts: "dozens of", "hundreds of", "tens of thousands of".
        let vague = match self.lex(j) {
            Lex::Kw(Kw::Dozens) => Some((24.0, "dozens", 1)),
            Lex::Kw(Kw::Hundreds) => Some((200.0, "hundreds", 1)),
            Lex::Kw(Kw::Thousands) => Some((2000.0, "thousands", 1)),
            Lex::Kw(Kw::Millions) => Some((2e6, "millions", 1)),
            Lex::Kw(Kw::Tens) if self.kw(j + 1, Kw::Of) && self.kw(j + 2, Kw::Thousands) => {
                Some((20_000.0, "tens of thousands", 3))
            }
            Lex::Kw(Kw::A) if self.kw(j + 1, Kw::Dozen) => Some((12.0, "a dozen", 2)),
            _ => None,
        };
        if let Some((value, word, len)) = vague {
            j += len;
            if self.kw(j, Kw::Of) {
                j += 1;
            }
            let (unit, end) = self.unit(j)?;
            let qualifier = qualifier.or(Some(word)).map(str::to_string);
            return Some((end, Quantity { span: Span::default(), value, unit: Some(unit), qualifier }));
        }
        let currency = match self.w(j) {
            "$" => Some("USD"),
            "€" => Some("EUR"),
            "£" => Some("GBP"),
            _ => None,
        };
        if currency.is_some() {
            j += 1;
        }
        let (value, k, digits) = self.number(j)?;
        if !value.is_finite() {
            return None;
        }
        if let Some(c) = currency {
            return Some((
                k,
                Quantity { span: Span::default(), value, unit: Some(c.into()), qualifier: qualifier.map(Into::into) },
            ));
        }
        match self.unit(k) {
            Some((unit, end)) => Some((
                end,
                Quantity { span: Span::default(), value, unit: Some(unit), qualifier: qualifier.map(Into::into) },
            )),
            None if digits => {
                Some((k, Quantity { span: Span::default(), value, unit: None, qualifier: qualifier.map(Into::into) }))
            }
            None => None,
        }
    }
}
