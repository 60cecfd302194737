//! The sentence splitter: decides, between each pair of tokens, whether a sentence ends.
//!
//! It works on tokens rather than characters, so "U.S.", "a.m." and "3.5" are already
//! whole and a full stop that is a token of its own is a real candidate. A candidate is a
//! terminal token (". ! ? ... …") or an abbreviation with its full stop, followed by any
//! closing quotes and brackets (which stay in the sentence). What follows decides:
//!
//! - after a terminal: a new sentence unless the next word starts in lower case or the
//!   next token is a comma, semicolon or colon;
//! - after an abbreviation, by its class: titles ("Gen.") never end a sentence; initials,
//!   "U.S."-like and date abbreviations only before a word that typically starts one
//!   ("The", "He", "But"); "a.m."/"p.m." before any capital but a time zone ("ET");
//!   "Inc."/"etc." before any capital that is not a title noun ("CEO");
//! - a blank line always ends a sentence; a single line break ends one when the line is a
//!   heading or a stand-alone line, not when prose is merely wrapped.
//!
//! Colons and dashes never end a sentence, so datelines ("Kyiv, Feb 12 (Reuters) -") stay
//! in the first sentence.

use crate::chars;
use crate::lexicon::{self, Abbrev};
use dyad_core::{Token, TokenKind};

/// What a token can do at a sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Terminal,
    Abbrev(Abbrev),
    Closer,
    Opener,
    Other,
}

/// Splits the tokens of `text` into sentences: returns the index of the first token of
/// every sentence but the first, ascending.
///
/// An abbreviation that ends a sentence keeps its full stop ("in the U.S." is one token,
/// as in GUM; EWT is inconsistent here).
pub(crate) fn split(text: &str, tokens: &[Token]) -> Vec<u32> {
    let mut s = Splitter { text, bytes: text.as_bytes(), tokens, wrapped: None };
    s.run()
}

struct Splitter<'a> {
    text: &'a str,
    bytes: &'a [u8],
    tokens: &'a [Token],
    /// Whether the text is hard-wrapped prose; computed when first needed.
    wrapped: Option<bool>,
}

impl Splitter<'_> {
    fn run(&mut self) -> Vec<u32> {
        let mut starts = Vec::new();
        // The terminal or abbreviation that may end the current sentence.
        let mut pending: Option<Role> = None;
        for t in 0..self.tokens.len() {
            let role = self.role(t);
            if t > 0 {
                let nl = self.newlines(t);
                let boundary = if nl >= 2 {
                    true
                } else if let Some(p) = pending {
                    if role == Role::Closer && nl == 0 {
                        // `."` and `.)` stay with the sentence they close.
                        continue;
                    }
                    self.decide(p, t, nl)
                } else {
                    nl == 1 && self.line_break(t)
                };
                if boundary {
                    starts.push(t as u32);
                }
            }
            pending = matches!(role, Role::Terminal | Role::Abbrev(_)).then_some(role);
        }
        starts
    }

    fn slice(&self, t: usize) -> &str {
        self.tokens[t].span.slice(self.text)
    }

    fn role(&self, t: usize) -> Role {
        let tok = self.tokens[t];
        let s = self.slice(t);
        match tok.kind {
            TokenKind::Punct => {
                let c = chars::first_char(s);
                if s.chars().all(chars::is_terminal) || s == "[...]" || s == "(...)" {
                    Role::Terminal
                } else if chars::is_closer(c) {
                    Role::Closer
                } else if chars::is_opener(c) && !(c != '(' && c != '[' && c != '{' && self.attached_closing(t)) {
                    Role::Opener
                } else if chars::is_ambiguous_quote(c) || chars::is_opener(c) {
                    // Attached to the word or full stop before it, a straight quote closes.
                    let closes = self.attached_closing(t);
                    if closes { Role::Closer } else { Role::Opener }
                } else {
                    Role::Other
                }
            }
            // Emoticons end with the sentence they follow: "Great place! :)"
            TokenKind::Symbol if s.len() > 1 && matches!(s.as_bytes()[0], b':' | b';' | b'=') => Role::Closer,
            TokenKind::Word if s.len() > 1 && s.ends_with('.') => {
                let next_is_digit = self.tokens.get(t + 1).is_some_and(|n| n.kind == TokenKind::Number);
                Role::Abbrev(lexicon::abbrev(&s[..s.len() - 1], next_is_digit).unwrap_or(Abbrev::General))
            }
            _ => Role::Other,
        }
    }

    /// Whether the quote at `t` is glued to the word or full stop before it and followed by
    /// white space or the end: a closing quote, whatever its shape (`said.“ Then`).
    fn attached_closing(&self, t: usize) -> bool {
        let tok = self.tokens[t];
        if t == 0 {
            return false;
        }
        if self.tokens[t - 1].span.end != tok.span.start {
            // `ready. "` with nothing after it on the line: a stray space before a closing quote.
            let line_ends = self.tokens.get(t + 1).is_none_or(|_| self.newlines(t + 1) > 0);
            let after_terminal = self.slice(t - 1).chars().all(chars::is_terminal);
            return line_ends && after_terminal && self.newlines(t) == 0;
        }
        let pc = chars::last_char(self.slice(t - 1));
        if chars::is_opener(pc) || chars::is_ambiguous_quote(pc) || chars::is_dash(pc) {
            return false;
        }
        // Straight quotes close when glued on the left; curly openers only when also free on the right.
        chars::is_ambiguous_quote(chars::first_char(self.slice(t)))
            || self.tokens.get(t + 1).is_none_or(|n| n.span.start > tok.span.end)
    }

    /// Line breaks in the white space before token `t` (2 means a paragraph break).
    fn newlines(&self, t: usize) -> usize {
        let gap = &self.bytes[self.tokens[t - 1].span.end as usize..self.tokens[t].span.start as usize];
        let mut n = 0;
        for (k, &b) in gap.iter().enumerate() {
            match b {
                b'\n' | 0x0b => n += 1,
                b'\r' if gap.get(k + 1) != Some(&b'\n') => n += 1,
                0x0c => n += 2,
                // U+2028 LINE SEPARATOR and U+2029 PARAGRAPH SEPARATOR: E2 80 A8 / A9.
                0xa8 if k >= 2 && gap[k - 2] == 0xe2 && gap[k - 1] == 0x80 => n += 1,
                0xa9 if k >= 2 && gap[k - 2] == 0xe2 && gap[k - 1] == 0x80 => n += 2,
                _ => {}
            }
        }
        n
    }

    /// The first token at or after `t` that is not an opening quote, bracket or dash.
    fn next_word(&self, t: usize) -> usize {
        let mut k = t;
        while k < self.tokens.len() && k < t + 4 {
            let tok = self.tokens[k];
            let c = chars::first_char(self.slice(k));
            let skip = tok.kind == TokenKind::Punct
                && (chars::is_opener(c) || chars::is_ambiguous_quote(c) || chars::is_dash(c) || c == '\u{2019}');
            if !skip {
                return k;
            }
            k += 1;
        }
        k.min(self.tokens.len().saturating_sub(1))
    }

    /// Whether a sentence ends before token `t`, after the candidate `p`.
    fn decide(&self, p: Role, t: usize, nl: usize) -> bool {
        let here = self.slice(t);
        if self.tokens[t].kind == TokenKind::Punct
            && (matches!(chars::first_char(here), ',' | ';' | ':' | '%') || here.chars().all(chars::is_terminal))
        {
            return false;
        }
        let w = self.next_word(t);
        let word = self.slice(w);
        let f = chars::first_char(word);
        let upper = f.is_uppercase();
        if f.is_lowercase() {
            // A lone full stop (not an ellipsis, not "?" in a quote) ends a sentence even
            // before lower case: informal text does not capitalise.
            if p != Role::Terminal || nl + self.gap(t) == 0 {
                return false;
            }
            let k = self.last_terminal(t);
            let term = self.slice(k);
            // "?" and "!" before lower case end a sentence only when no quote closes first:
            // `"Why?" he asked` goes on, `Why? nobody knows` does not.
            return term == "." || (k + 1 == t && !term.contains('.') && !term.contains('\u{2026}'));
        }
        if p == Role::Terminal && self.gap(t) == 0 && self.tokens[t].kind != TokenKind::Punct {
            // "Guaranty.doc", "Mc.Donalds": no space, no sentence end; but a lower-case word
            // glued to a capitalised one ("sanctions.The") is a lost space.
            return self.glued_sentence(t);
        }
        match p {
            Role::Abbrev(a) => {
                if nl >= 1 && (upper || f.is_numeric()) && !matches!(a, Abbrev::Title | Abbrev::Initial) {
                    return true;
                }
                match a {
                    Abbrev::Title => false,
                    Abbrev::Initial => lexicon::is_strong_starter(word) && word != "A" && word != "I",
                    Abbrev::Date | Abbrev::General => lexicon::is_strong_starter(word),
                    Abbrev::Time => upper && !lexicon::is_time_zone(word),
                    Abbrev::Final => upper && !lexicon::is_title_noun(word),
                }
            }
            _ => true,
        }
    }

    /// "conditionality.Recall", "in Poland.He", "NATO.He", "it.They": a full stop between a
    /// word that can end a sentence (or a closing quote glued to a word) and a capitalised
    /// word or a word in capitals, with no space around it; a quote closed after the full
    /// stop (`"safe."He`); or "?" / "!" glued to a capitalised word.
    fn glued_sentence(&self, t: usize) -> bool {
        if t < 2 || self.gap(t - 1) != 0 {
            return false;
        }
        let before = self.slice(t - 2);
        let after = self.slice(t).as_bytes();
        let term = self.slice(t - 1);
        // a capitalised word or a word in capitals ("borders.NATO")
        let capitalised_next = after.len() >= 2
            && after[0].is_ascii_uppercase()
            && (after[1].is_ascii_lowercase() || after.iter().all(u8::is_ascii_uppercase));
        if term == "?" || term == "!" {
            // "Ukraine?Dr. Smith": a question or exclamation glued to a capitalised word.
            return after.len() >= 2 && after[0].is_ascii_uppercase() && before.len() >= 2;
        }
        if matches!(term, "\"" | "\u{201d}") {
            // `all of Belarus."He accused`: the quote closes a sentence ended inside it.
            return t >= 3
                && matches!(self.slice(t - 2), "." | "?" | "!")
                && self.gap(t - 2) == 0
                && self.slice(t - 3).chars().all(char::is_alphabetic)
                && capitalised_next;
        }
        // A word that ends a sentence: of three letters or more, in lower case after its first
        // ("Poland", "Ławrow", "sanctions") or in capitals ("NATO"); of two, in lower case ("it",
        // not "Mc" of "Mc.Donalds" nor "Dr" of "Dr.Ruiz").
        let letters = before.chars().count();
        let ends_sentence = before.chars().all(char::is_alphabetic)
            && ((letters >= 3
                && (before.chars().skip(1).all(char::is_lowercase) || before.chars().all(char::is_uppercase)))
                || (letters == 2 && before.chars().all(char::is_lowercase)));
        // `"Tagesspiegel".He`: a closing quote glued to its word, then the full stop.
        let quote_closed = matches!(self.slice(t - 2), "\"" | "\u{201d}" | "\u{2019}")
            && t >= 3
            && self.gap(t - 2) == 0
            && self.slice(t - 3).chars().all(char::is_alphabetic);
        term == "." && (quote_closed || ends_sentence) && capitalised_next
    }

    /// Bytes of white space before token `t`.
    fn gap(&self, t: usize) -> usize {
        (self.tokens[t].span.start - self.tokens[t - 1].span.end) as usize
    }

    /// The terminal token before `t` (skipping closers).
    fn last_terminal(&self, t: usize) -> usize {
        let mut k = t - 1;
        while k > 0 && self.role(k) == Role::Closer {
            k -= 1;
        }
        k
    }

    /// Whether a single line break before token `t`, with no full stop before it, ends a
    /// sentence: yes after a heading or stand-alone line, no inside wrapped prose.
    fn line_break(&mut self, t: usize) -> bool {
        let prev = self.slice(t - 1);
        let last = chars::last_char(prev);
        if self.tokens[t - 1].kind == TokenKind::Punct
            && (matches!(last, ',' | ';' | '(' | '[' | '&' | '/' | '+')
                || chars::is_dash(last)
                || chars::is_opener(last))
        {
            return false;
        }
        if lexicon::is_continuation_word(prev) {
            return false;
        }
        let w = self.next_word(t);
        let f = chars::first_char(self.slice(w));
        if f.is_lowercase() {
            return false;
        }
        if !self.is_wrapped() {
            return true;
        }
        // In wrapped prose only a short line (a heading) ends without punctuation.
        self.line_len_before(t) < 50
    }

    /// Bytes from the start of the line to the end of token `t - 1` (at most 200).
    fn line_len_before(&self, t: usize) -> usize {
        let end = self.tokens[t - 1].span.end as usize;
        let from = end.saturating_sub(200);
        match self.bytes[from..end].iter().rposition(|&b| b == b'\n') {
            Some(k) => end - from - k - 1,
            None if from == 0 => end,
            None => 200,
        }
    }

    /// Whether the text is prose hard-wrapped at a fixed width: at least two long lines
    /// that end without punctuation and are continued in lower case on the next line.
    fn is_wrapped(&mut self) -> bool {
        if let Some(w) = self.wrapped {
            return w;
        }
        let mut evidence = 0;
        let mut line_start = 0;
        for (k, &b) in self.bytes.iter().enumerate() {
            if b != b'\n' {
                continue;
            }
            let line = &self.bytes[line_start..k];
            line_start = k + 1;
            let long = line.len() >= 40;
            let open_end = line.last().is_some_and(|c| c.is_ascii_alphanumeric() || *c == b',');
            let next_lower = self.bytes.get(k + 1).is_some_and(u8::is_ascii_lowercase);
            if long && open_end && next_lower {
                evidence += 1;
                if evidence >= 2 {
                    break;
                }
            }
        }
        let w = evidence >= 2;
        self.wrapped = Some(w);
        w
    }
}
