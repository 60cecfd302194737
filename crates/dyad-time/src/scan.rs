//! The scanner: one pass over the text that yields words, numbers and punctuation with
//! byte spans, each word already classified by [`lexicon::classify`](crate::lexicon::classify),
//! and a rough sentence index per token.
//!
//! The scanner is the only part that touches every byte; it allocates one `Vec` per
//! document and nothing per token. When the document already has sentences (from
//! `dyad-text`), their boundaries replace the scanner's guesses.

use crate::lexicon::{Lex, classify};
use dyad_core::Sentence;

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

/// Scans `text` into tokens.
pub(crate) fn scan(text: &str, sentences: &[Sentence]) -> Vec<Tok> {
    let bytes = text.as_bytes();
    let mut toks: Vec<Tok> = Vec::with_capacity(text.len() / 5 + 1);
    let mut i = 0usize;
    let mut space = true;
    let mut sent = 0u32;
    // Sentence guessing: a break is pending after . ! ? and before the next capital
    // or digit; a line break always ends a sentence.
    let mut pending_break = false;
    let mut hard_break = false;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            if b.is_ascii_whitespace() {
                if b == b'\n' && !toks.is_empty() {
                    // Lines are sentences or headings: the break is certain.
                    hard_break = true;
                }
                space = true;
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
                    // Separators stay inside a number only between digits: "100,000", "11:04".
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
            push(&mut toks, text, start, i, kind, space, &mut sent, &mut pending_break, &mut hard_break);
            if kind == Kind::Punct && matches!(b, b'.' | b'!' | b'?') {
                pending_break = true;
            }
            space = false;
        } else {
            let Some(ch) = text[i..].chars().next() else { break };
            let len = ch.len_utf8();
            if ch.is_whitespace() {
                space = true;
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
            push(&mut toks, text, start, i, kind, space, &mut sent, &mut pending_break, &mut hard_break);
            space = false;
        }
    }
    if !sentences.is_empty() {
        assign_sentences(&mut toks, sentences);
    }
    toks
}

#[allow(clippy::too_many_arguments)]
fn push(
    toks: &mut Vec<Tok>,
    text: &str,
    start: usize,
    end: usize,
    kind: Kind,
    space: bool,
    sent: &mut u32,
    pending: &mut bool,
    hard: &mut bool,
) {
    let s = &text[start..end];
    let first = s.chars().next().unwrap_or(' ');
    let upper = first.is_uppercase() || first.is_ascii_digit();
    if *hard {
        *sent += 1;
        *hard = false;
        *pending = false;
    } else if *pending && (upper || first == '"' || first == '\u{201c}') {
        // "Feb. 12", "U.S. officials": a period after an abbreviation does not end a
        // sentence before a number; before a capital we accept the occasional wrong split.
        let after_abbrev = toks.len() >= 2
            && toks[toks.len() - 2].kind == Kind::Word
            && matches!(toks[toks.len() - 2].lex, Lex::Month(_, true))
            && first.is_ascii_digit();
        if !after_abbrev {
            *sent += 1;
        }
        *pending = false;
    } else if *pending && kind != Kind::Punct {
        *pending = false;
    }
    let lex = if kind == Kind::Word { classify(s) } else { Lex::None };
    toks.push(Tok { start: start as u32, end: end as u32, kind, lex, space_before: space, upper, sent: *sent });
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
            words("At 11:04 a.m. ET, 100,000 troops (1.5%) in the 1990s on the 12th."),
            [
                "At", "11:04", "a.m", ".", "ET", ",", "100,000", "troops", "(", "1.5", "%", ")", "in", "the", "1990s",
                "on", "the", "12th", "."
            ]
        );
        assert_eq!(words("hour-long Kyiv\u{a0}time — ok"), ["hour", "-", "long", "Kyiv", "time", "—", "ok"]);
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
