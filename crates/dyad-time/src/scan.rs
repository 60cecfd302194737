//! The scanner: yields words, numbers and punctuation with byte spans, each word
//! already classified by [`lexicon::classify`](crate::lexicon::classify), and a sentence
//! index per token.
//!
//! Two ways in. [`scan_windows`], used when `dyad-text` has run: one pass over the text
//! layer's tokens marks the few that can anchor a time expression or a quantity (about
//! one in thirty in news), and only short windows around them are scanned; the rest of
//! the text is never read. [`scan`], used otherwise: the whole text, with sentences
//! guessed. Both allocate one `Vec` per document and nothing per token, and give the
//! same tokens for the same stretch of text, so the rules see the same input either way
//! (the crate's tests and `timex_eval --full-scan` check that the output is the same).

use crate::lexicon::{Lex, MAX_WORD, classify_bytes};
use crate::rules::is_stretch_adjective;
use dyad_core::{Sentence, Token, TokenKind};

/// What kind of token.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, maybe with inner dots ("a.m", "U.S").
    Word,
    /// Digits with inner `,` `.` `:` followed by digits, maybe with a suffix ("1990s", "12th").
    Num,
    /// Any other character that is not white space.
    Punct,
}

/// A token: a byte range of the text with what the rules need to know about it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok {
    pub(crate) start: u32,
    pub(crate) end: u32,
    pub(crate) kind: Kind,
    pub(crate) lex: Lex,
    /// True when white space comes right before the token (or it starts the text).
    pub(crate) space_before: bool,
    /// The first character is upper case.
    pub(crate) upper: bool,
    /// Index of the sentence the token belongs to.
    pub(crate) sent: u32,
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphabetic()
}

/// The tokenizer proper: yields `(start, end, kind, space_before)` from byte `i` on,
/// starting no token at or after `stop` (a token begun before `stop` may run past it).
struct Lexer<'a> {
    text: &'a str,
    i: usize,
    stop: usize,
    space: bool,
}

impl<'a> Lexer<'a> {
    fn new(text: &'a str, from: usize, stop: usize) -> Lexer<'a> {
        let space = text[..from].chars().next_back().is_none_or(char::is_whitespace);
        Lexer { text, i: from, stop: stop.min(text.len()), space }
    }

    /// The next token, and whether a line break came before it.
    fn next(&mut self) -> Option<(usize, usize, Kind, bool, bool)> {
        let text = self.text;
        let bytes = text.as_bytes();
        let mut newline = false;
        let mut i = self.i;
        while i < self.stop {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_whitespace() {
                    newline |= b == b'\n';
                    self.space = true;
                    i += 1;
                    continue;
                }
                let start = i;
                let kind;
                if is_word_byte(b) {
                    i += 1;
                    while i < bytes.len() {
                        let c = bytes[i];
                        if is_word_byte(c) {
                            i += 1;
                        } else if c == b'.' && i + 1 < bytes.len() && is_word_byte(bytes[i + 1]) && i - start <= 3 {
                            // "a.m", "p.m", "U.S": short letter groups joined by dots.
                            i += 1;
                        } else if c >= 0x80 {
                            match text[i..].chars().next() {
                                Some(ch) if ch.is_alphabetic() => i += ch.len_utf8(),
                                _ => break,
                            }
                        } else {
                            break;
                        }
                    }
                    kind = Kind::Word;
                } else if b.is_ascii_digit() {
                    i += 1;
                    while i < bytes.len() {
                        let c = bytes[i];
                        // Separators stay inside a number only between digits: "40,000", "9:47".
                        let separator = matches!(c, b',' | b'.' | b':')
                            && i + 1 < bytes.len()
                            && bytes[i + 1].is_ascii_digit()
                            && bytes[i - 1].is_ascii_digit();
                        if c.is_ascii_digit() || separator {
                            i += 1;
                        } else {
                            break;
                        }
                    }
                    // Suffixes: "1990s", "12th", "1st", "2nd", "3rd" (kept only when no letter follows).
                    let rest = &bytes[i..];
                    let suffix = if rest.len() >= 2 && matches!(&rest[..2], b"th" | b"st" | b"nd" | b"rd") {
                        2
                    } else if !rest.is_empty() && rest[0] == b's' {
                        1
                    } else {
                        0
                    };
                    if suffix > 0 && rest.get(suffix).is_none_or(|c| !c.is_ascii_alphanumeric()) {
                        i += suffix;
                    }
                    kind = Kind::Num;
                } else {
                    i += 1;
                    kind = Kind::Punct;
                }
                self.i = i;
                let space = std::mem::replace(&mut self.space, false);
                return Some((start, i, kind, space, newline));
            }
            let ch = text[i..].chars().next()?;
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                self.space = true;
                i += len;
                continue;
            }
            let start = i;
            let kind = if ch.is_alphabetic() {
                i += len;
                while i < bytes.len() {
                    match text[i..].chars().next() {
                        Some(c) if c.is_alphabetic() => i += c.len_utf8(),
                        _ => break,
                    }
                }
                Kind::Word
            } else {
                i += len;
                Kind::Punct
            };
            self.i = i;
            let space = std::mem::replace(&mut self.space, false);
            return Some((start, i, kind, space, newline));
        }
        self.i = i;
        None
    }
}

/// A token of the lexer, classified.
#[inline(always)]
fn tok(text: &str, start: usize, end: usize, kind: Kind, space: bool, sent: u32) -> Tok {
    let lex = if kind == Kind::Word { classify_bytes(&text.as_bytes()[start..end]) } else { Lex::None };
    tok_of_class(text, start, end, kind, lex, space, sent)
}

/// A token whose class `lex` is already known.
#[inline(always)]
fn tok_of_class(text: &str, start: usize, end: usize, kind: Kind, lex: Lex, space: bool, sent: u32) -> Tok {
    let b = text.as_bytes()[start];
    let upper = if b < 0x80 {
        b.is_ascii_uppercase() || b.is_ascii_digit()
    } else {
        text[start..end].chars().next().is_some_and(char::is_uppercase)
    };
    Tok { start: start as u32, end: end as u32, kind, lex, space_before: space, upper, sent }
}

/// Scans all of `text` into tokens. Without `sentences`, sentence indices are guessed.
pub(crate) fn scan(text: &str, sentences: &[Sentence]) -> Vec<Tok> {
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut lexer = Lexer::new(text, 0, text.len());
    let mut sent = 0u32;
    // Sentence guessing: a break is pending after . ! ? and before the next capital
    // or digit; a line break always ends a sentence.
    let mut pending = false;
    while let Some((start, end, kind, space, newline)) = lexer.next() {
        let t = tok(text, start, end, kind, space, sent);
        let first = text[start..end].chars().next().unwrap_or(' ');
        if newline && !toks.is_empty() {
            // Lines are sentences or headings: the break is certain.
            sent += 1;
            pending = false;
        } else if pending && (t.upper || first == '"' || first == '\u{201c}') {
            // "Feb. 12", "U.S. officials": a period after an abbreviation does not end a
            // sentence before a number; before a capital we accept the occasional wrong split.
            let after_abbrev = toks.len() >= 2
                && toks[toks.len() - 2].kind == Kind::Word
                && matches!(toks[toks.len() - 2].lex, Lex::Month(_, true))
                && first.is_ascii_digit();
            if !after_abbrev {
                sent += 1;
            }
            pending = false;
        } else if pending && kind != Kind::Punct {
            pending = false;
        }
        toks.push(Tok { sent, ..t });
        if kind == Kind::Punct && matches!(text.as_bytes()[start], b'.' | b'!' | b'?') {
            pending = true;
        }
    }
    if !sentences.is_empty() {
        assign_sentences(&mut toks, sentences);
    }
    toks
}

/// A window grows from its anchor over up to this many text-layer tokens on each side
/// that can belong to an expression (see [`extends`]): "the end of the fiscal [year]",
/// "no more than a half-[hour]", "[thousands] of Russian soldiers", "[a week] or so ago".
const GROW_BEFORE: usize = 5;
const GROW_AFTER: usize = 3;
/// And then over this many more, whatever they are: the word a rule checks before an
/// expression ("in", "since", "soon" of "as soon as") and a quantity's noun with its
/// modifier after it ("Russian troops").
const MARGIN_BEFORE: usize = 1;
const MARGIN_AFTER: usize = 2;

/// Whether text-layer token `i` can sit inside an expression next to its anchor: a number,
/// a punctuation mark, a word of the time tables other than a tense marker ("the", "of",
/// "end", "more", "ago", "or", "so"), or a word that is not plain letters ("a.m.", "U.S.").
/// Growing before the anchor, see also [`stretch`].
#[inline(always)]
fn extends(bytes: &[u8], tokens: &[Token], i: usize, classes: &mut Classes) -> bool {
    let t = &tokens[i];
    match t.kind {
        TokenKind::Number | TokenKind::Punct | TokenKind::Symbol => true,
        TokenKind::Word => {
            classes.plain_word(bytes, tokens, i).is_none_or(|lex| !matches!(lex, Lex::None | Lex::Tense(_)))
        }
        TokenKind::Url | TokenKind::Email => false,
    }
}

/// Whether text-layer token `i`, where growth before an anchor would stop, is an adjective
/// the duration rule reads between a count and its unit ("an additional year", "a further
/// month"): the unit is the anchor, and the window must reach the "an". (Growing after an
/// anchor there is no need: the count is then an anchor itself, and the unit's own window
/// meets its window.)
#[inline(always)]
fn stretch(bytes: &[u8], tokens: &[Token], i: usize) -> bool {
    let t = &tokens[i];
    t.kind == TokenKind::Word && is_stretch_adjective(&bytes[t.span.start as usize..t.span.end as usize])
}

/// The classes of the text-layer words of plain letters classified last, by token
/// index. Growing a window tests and classifies the words around its anchor, and
/// making the window's tokens needs the same tests and classes: this keeps each word
/// to one of each. In a window longer than the slots, a word whose slot a later word
/// took is tested again, which costs time but changes nothing.
struct Classes {
    /// Token index plus one (0: empty) and class, in slot `index % SLOTS`: only words
    /// of plain letters are ever stored.
    slots: [(u32, Lex); Classes::SLOTS],
}

impl Classes {
    const SLOTS: usize = 64;

    fn new() -> Classes {
        Classes { slots: [(0, Lex::None); Classes::SLOTS] }
    }

    /// The class of text-layer word token `i` if it is plain letters, else `None`.
    #[inline(always)]
    fn plain_word(&mut self, bytes: &[u8], tokens: &[Token], i: usize) -> Option<Lex> {
        let slot = &mut self.slots[i % Classes::SLOTS];
        if slot.0 as usize != i + 1 {
            let (start, end) = (tokens[i].span.start as usize, tokens[i].span.end as usize);
            if !letters(bytes, start, end) {
                return None;
            }
            *slot = (i as u32 + 1, classify_bytes(&bytes[start..end]));
        }
        Some(slot.1)
    }
}

/// Scans only the windows of `text` around the text-layer tokens that can be part of
/// a time expression or a quantity (numbers, currency signs, and the words of
/// [`lexicon::is_anchor`](crate::lexicon::is_anchor)); everything else is skipped
/// unread. A zero-width punctuation token separates windows that are not contiguous,
/// so no rule reads across a gap. The tokens are the same as [`scan`] makes for the
/// same stretches of text.
pub(crate) fn scan_windows(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Tok> {
    let bytes = text.as_bytes();
    // The windows hold a sixth of a news text's tokens, but two fifths of a wire of
    // figures: room for half spares the regrowth in both.
    let mut toks: Vec<Tok> = Vec::with_capacity(tokens.len() / 2 + 16);
    let mut last_end: Option<usize> = None;
    let mut classes = Classes::new();
    let mut flush = |a: usize, b: usize, sent: u32, toks: &mut Vec<Tok>, classes: &mut Classes| {
        if last_end.is_some_and(|e| e != a)
            && let Some(prev) = toks.last().copied()
        {
            toks.push(Tok {
                start: prev.end,
                end: prev.end,
                kind: Kind::Punct,
                lex: Lex::None,
                space_before: true,
                upper: false,
                sent: prev.sent,
            });
        }
        last_end = Some(b);
        // A text-layer token of plain letters is one of ours as it stands; the lexer
        // splits the others ("a.m.", "year's", "2022-02-13") and may run on over the
        // next ones ("1,2"), which are then skipped.
        let mut pos = tokens[a].span.start as usize;
        for (i, t) in (a..b).zip(&tokens[a..b]) {
            let (start, end) = (t.span.start as usize, t.span.end as usize);
            if end <= pos {
                continue;
            }
            // (Not when a full stop and a letter follow a short word: the lexer joins
            // "now.It" as it joins "U.S".)
            let joined = end - start <= 3
                && bytes.get(end) == Some(&b'.')
                && bytes.get(end + 1).is_some_and(u8::is_ascii_alphabetic);
            if start >= pos
                && t.kind == TokenKind::Word
                && !joined
                && let Some(lex) = classes.plain_word(bytes, tokens, i)
            {
                let space = start == 0
                    || match bytes[start - 1] {
                        c if c < 0x80 => c.is_ascii_whitespace(),
                        _ => text[..start].chars().next_back().is_some_and(char::is_whitespace),
                    };
                toks.push(tok_of_class(text, start, end, Kind::Word, lex, space, sent));
                pos = end;
                continue;
            }
            let mut lexer = Lexer::new(text, pos.max(start), end);
            while let Some((start, end, kind, space, _)) = lexer.next() {
                toks.push(tok(text, start, end, kind, space, sent));
            }
            pos = pos.max(lexer.i);
        }
    };
    // One flat pass over the tokens: the sentence of an anchor is found by moving a
    // cursor forward, so a token that is no anchor costs only the anchor test.
    let mut window: Option<(usize, usize, usize)> = None;
    let mut si = 0;
    let mut from = 0;
    while let Some(t) = next_anchor(bytes, tokens, from) {
        from = t + 1;
        while sentences.get(si).is_some_and(|s| s.tokens.end as usize <= t) {
            si += 1;
        }
        let Some(s) = sentences.get(si) else { break };
        let (lo, hi) = (s.tokens.start as usize, (s.tokens.end as usize).min(tokens.len()));
        if t < lo {
            continue;
        }
        // A window never spans two sentences.
        if let Some((wa, wb, ws)) = window
            && ws != si
        {
            flush(wa, wb, ws as u32, &mut toks, &mut classes);
            window = None;
        }
        // (No need to grow into the window already open: the two merge.)
        let floor = window.map_or(lo, |(_, wb, _)| wb.max(lo));
        let mut a = t;
        while a > floor
            && t - a < GROW_BEFORE
            && (extends(bytes, tokens, a - 1, &mut classes) || stretch(bytes, tokens, a - 1))
        {
            a -= 1;
        }
        let mut a = a.saturating_sub(MARGIN_BEFORE).max(lo);
        // A dateline's date is read with the opening words before it ("NAIROBI, Aug. 7").
        if si == 0 && a < lo + 8 {
            a = lo;
        }
        let mut b = t + 1;
        while b < hi && b - t <= GROW_AFTER && extends(bytes, tokens, b, &mut classes) {
            b += 1;
        }
        let b = (b + MARGIN_AFTER).min(hi);
        window = match window {
            Some((wa, wb, _)) if a <= wb => Some((wa, b, si)),
            Some((wa, wb, ws)) => {
                flush(wa, wb, ws as u32, &mut toks, &mut classes);
                Some((a, b, si))
            }
            None => Some((a, b, si)),
        };
    }
    if let Some((a, b, s)) = window {
        flush(a, b, s as u32, &mut toks, &mut classes);
    }
    toks
}

/// The first token of `tokens[from..]` that [`is_anchor`]. A function of its own, so
/// that the loop over every token of the document keeps its few values in registers.
#[inline(never)]
fn next_anchor(bytes: &[u8], tokens: &[Token], from: usize) -> Option<usize> {
    let p = tokens.get(from..)?.iter().position(|t| is_anchor(bytes, t))?;
    Some(from + p)
}

/// A text-layer token that can be part of a time expression or a quantity. This runs on
/// every token of the document, so the common case (a plain word that is no anchor)
/// costs a few loads and one bit test.
#[inline(always)]
fn is_anchor(bytes: &[u8], t: &Token) -> bool {
    let (start, end) = (t.span.start as usize, t.span.end as usize);
    let Some(w) = bytes.get(start..end) else { return false };
    match t.kind {
        TokenKind::Word => word_is_anchor(bytes, start, end, t.word_split),
        TokenKind::Number => true,
        // $, ', and the UTF-8 of €, £ and ’ (most punctuation fails on its first byte).
        TokenKind::Symbol | TokenKind::Punct => {
            matches!(w.first(), Some(b'$' | b'\'' | 0xe2 | 0xc2))
                && matches!(w, b"$" | b"'" | [0xe2, 0x82, 0xac] | [0xc2, 0xa3] | [0xe2, 0x80, 0x99])
        }
        TokenKind::Url | TokenKind::Email => false,
    }
}

/// [`is_anchor`] for the word token `bytes[start..end]` (a valid range) with the
/// text layer's `word_split`.
#[inline(always)]
fn word_is_anchor(bytes: &[u8], start: usize, end: usize, split: u8) -> bool {
    let w = &bytes[start..end];
    let (Some(&first), Some(&last)) = (w.first(), w.last()) else { return false };
    let n = w.len();
    if split == 0 && ASCII_LETTER[usize::from(first)] & ASCII_LETTER[usize::from(last)] != 0 {
        if n <= MAX_WORD && crate::lexicon::may_be_anchor_ends(n, first, last) {
            return if letters(bytes, start, end) { crate::lexicon::is_anchor_past_filter(w) } else { parts(w) };
        }
        // Past the filter, only a word the text layer joined can hold an anchor:
        // after a prefix ("mid-March", "multi-year"), or before what looks like a
        // web domain ("Monday.In", "now.It", with their space missing). Letters
        // around digits ("A300's", "B52s") make a code, whose numbers count for
        // nothing (see `glued`).
        return n > 3 && joined(w) && parts(w);
    }
    parts(w)
}

/// 1 for the bytes of ASCII letters, else 0: two loads test both ends of a word at once.
static ASCII_LETTER: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = (b as u8).is_ascii_alphabetic() as u8;
        b += 1;
    }
    t
};

/// A letter-ended word (more than three bytes) with a hyphen after its second to fifth
/// letter, where the text layer keeps a prefix's hyphen, or a full stop before its last
/// two to four letters, where it keeps a domain's.
#[inline(always)]
fn joined(w: &[u8]) -> bool {
    let n = w.len();
    // Seven letters or more: all four hyphen places and all three full-stop places lie in
    // the word, and one four-byte load each tests them together.
    if n >= 7 {
        let four = |at: usize| u32::from_le_bytes(w[at..at + 4].try_into().unwrap_or([0; 4]));
        let has_zero = |x: u32| x.wrapping_sub(0x0101_0101) & !x & 0x8080_8080 != 0;
        // (The full stop's load reaches one byte past its places; that byte is made non-zero.)
        return has_zero(four(2) ^ 0x2d2d_2d2d) || has_zero((four(n - 5) ^ 0x2e2e_2e2e) | 0xff00_0000);
    }
    let at = |i: usize, c: u8| w.get(i) == Some(&c);
    let hyphen = at(2, b'-') || at(3, b'-') || (n > 5 && at(4, b'-')) || (n > 6 && at(5, b'-'));
    hyphen || at(n - 3, b'.') || (n > 4 && at(n - 4, b'.')) || (n > 5 && at(n - 5, b'.'))
}

/// Whether `bytes[start..end]` (not empty) are all ASCII letters, eight at a time.
#[inline(always)]
fn letters(bytes: &[u8], start: usize, end: usize) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    // Lower-cased, a letter lies in 0x61..=0x7a: adding 0x1f carries it into bit 7,
    // adding 0x05 must not. Any byte at or above 0x80 fails on its own bit 7 (a carry
    // out of it can only spoil lanes of a word that already fails).
    let ok = |x: u64| {
        let y = x | (0x20 * ONES);
        (!y & y.wrapping_add(0x1f * ONES) & !y.wrapping_add(0x05 * ONES) & (0x80 * ONES)) == 0x80 * ONES
    };
    let n = end - start;
    let load = |at: usize| bytes.get(at..at + 8).map(|b| u64::from_le_bytes(b.try_into().unwrap_or([0; 8])));
    match n {
        1..=8 => match load(start) {
            Some(x) => {
                let keep = u64::MAX >> (8 * (8 - n));
                ok((x & keep) | ((0x61 * ONES) & !keep))
            }
            None => bytes[start..end].iter().all(u8::is_ascii_alphabetic),
        },
        9..=16 => match (load(start), load(end - 8)) {
            (Some(x), Some(y)) => ok(x) && ok(y),
            _ => bytes[start..end].iter().all(u8::is_ascii_alphabetic),
        },
        _ => bytes[start..end].iter().all(u8::is_ascii_alphabetic),
    }
}

/// A word with a digit or an apostrophe, hyphen or full stop: "year's", "mid-March",
/// "Sept.", "A300" hold an anchor when they hold a digit or an anchor letter run.
fn parts(w: &[u8]) -> bool {
    w.iter().any(u8::is_ascii_digit)
        || w.split(|c| !c.is_ascii_alphabetic())
            .any(|p| (1..=MAX_WORD).contains(&p.len()) && crate::lexicon::is_anchor(p))
}

/// A number glued to a word: letters right before it ("A300", "FY2022", "Q3") or
/// right after it, unless those make a clock, unit or scale ("5pm", "5km", "2bn").
/// Such a number is part of a code or a name, never a time or a quantity.
pub(crate) fn glued(toks: &[Tok], i: usize) -> bool {
    let t = &toks[i];
    let before = i > 0 && toks[i - 1].kind == Kind::Word && toks[i - 1].end == t.start;
    let after = toks.get(i + 1).is_some_and(|n| {
        n.kind == Kind::Word
            && n.start == t.end
            && !matches!(
                n.lex,
                Lex::AmPm(_) | Lex::Tz(_) | Lex::Measure(_) | Lex::Scale(_) | Lex::Currency(_) | Lex::Unit(..)
            )
    });
    before || after
}

/// Replaces guessed sentence indices with those of the document's sentences.
fn assign_sentences(toks: &mut [Tok], sentences: &[Sentence]) {
    let mut s = 0usize;
    for t in toks.iter_mut() {
        while s + 1 < sentences.len() && t.start >= sentences[s + 1].span.start {
            s += 1;
        }
        t.sent = s as u32;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<&str> {
        scan(text, &[]).iter().map(|t| &text[t.start as usize..t.end as usize]).collect()
    }

    #[test]
    fn tokens_keep_numbers_clock_times_and_abbreviations_whole() {
        assert_eq!(
            words("At 9:47 a.m. ET, 40,000 soldiers (1.5%) in the 1990s on the 12th."),
            [
                "At", "9:47", "a.m", ".", "ET", ",", "40,000", "soldiers", "(", "1.5", "%", ")", "in", "the", "1990s",
                "on", "the", "12th", "."
            ]
        );
        assert_eq!(words("hour-long Kyiv\u{a0}time — ok"), ["hour", "-", "long", "Kyiv", "time", "—", "ok"]);
    }

    /// The anchor test's prefilters are built from the word table, so no anchor word of
    /// the table is ever filtered out: in lower case, capitalised, in capitals, alone
    /// and after a prefix the text layer keeps ("mid-").
    #[test]
    fn every_anchor_word_of_the_table_is_an_anchor() {
        let forms = |w: &str| {
            let cap = w[..1].to_uppercase() + &w[1..];
            [w.to_string(), cap.clone(), w.to_uppercase(), format!("mid-{cap}")]
        };
        let mut seen = 0;
        for (w, _) in crate::lexicon::TABLE {
            for form in forms(w) {
                let b = form.as_bytes();
                // The anchors among the forms: the word itself, or a prefix before it.
                let anchor = crate::lexicon::is_anchor(b) || (b.len() > 4 && joined(b) && parts(b));
                if !anchor {
                    continue;
                }
                // The text as the text layer leaves it, with a word after it.
                let text = format!("{form} and");
                assert!(word_is_anchor(text.as_bytes(), 0, form.len(), 0), "{form}");
                seen += 1;
            }
        }
        assert!(seen > 300, "{seen}");
    }

    #[test]
    fn sentences_are_guessed() {
        let text = "He left on Feb. 12. Then he came back.\nNew line";
        let toks = scan(text, &[]);
        let sent_of = |w: &str| toks.iter().find(|t| &text[t.start as usize..t.end as usize] == w).unwrap().sent;
        assert_eq!(sent_of("12"), 0);
        assert_eq!(sent_of("Then"), 1);
        assert_eq!(sent_of("New"), 2);
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;
    use dyad_core::Document;

    fn windows(text: &str) -> Vec<String> {
        let mut doc = Document::new("t", text).unwrap();
        dyad_text::annotate(&mut doc);
        scan_windows(doc.text(), &doc.tokens, &doc.sentences)
            .iter()
            .map(|t| doc.text()[t.start as usize..t.end as usize].to_string())
            .collect()
    }

    #[test]
    fn only_the_stretches_around_anchors_are_scanned() {
        assert!(windows("The delegation said it would consider the proposal carefully.").is_empty());
        // The window grows over words that can be part of an expression ("on", "that"),
        // then takes one more word before and two after.
        let got =
            windows("No news. Officials of the ministry said on Friday that nothing else had changed in the region.");
        assert_eq!(got, ["said", "on", "Friday", "that", "nothing", "else"]);
        // Separate windows in one sentence get a zero-width separator between them.
        let got = windows("Three envoys met, and after a long and tiring debate they left on Monday.");
        assert!(got.contains(&String::new()) && got.contains(&"Monday".to_string()) && got.len() < 12, "{got:?}");
    }

    #[test]
    fn numbers_inside_codes_are_neither_times_nor_quantities() {
        let mut doc = Document::new("t", "The A300's engines and 12 B52s flew on F16 routes in 2021.").unwrap();
        dyad_text::annotate(&mut doc);
        crate::annotate(&mut doc);
        let q: Vec<&str> = doc.quantities.iter().map(|q| doc.slice(q.span)).collect();
        let t: Vec<&str> = doc.timexes.iter().map(|t| doc.slice(t.span)).collect();
        assert_eq!(q, ["12"]);
        assert_eq!(t, ["2021"]);
    }
}
