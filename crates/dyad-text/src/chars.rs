//! Character classes shared by the tokenizer and the splitter.
//!
//! Curly and guillemet quotes, typographic apostrophes and the dash family are classed
//! with their ASCII forms here, so no other code needs to know the variants.

/// How the tokenizer treats a character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Class {
    /// Unicode `White_Space`: separates tokens, belongs to no token.
    Space,
    /// Letters, digits, marks and anything else that forms words (CJK, format characters).
    Word,
    /// Punctuation: each is a token of its own, except the runs the tokenizer merges.
    Punct,
    /// Symbols: currency, maths, arrows, emoji, control characters.
    Symbol,
}

/// The class of `c`.
#[inline]
pub(crate) fn class(c: char) -> Class {
    if c.is_ascii() {
        return ASCII[c as usize];
    }
    let u = c as u32;
    if c.is_whitespace() {
        return Class::Space;
    }
    match u {
        // Latin-1 punctuation: ¡ § « ¶ · » ¿
        0xa1 | 0xa7 | 0xab | 0xb6 | 0xb7 | 0xbb | 0xbf => Class::Punct,
        // Latin-1 symbols: ¢ £ ¤ ¥ ¦ ¨ © ¬ ® ¯ ° ± ´ ¸ × ÷ and the C1 controls.
        0x80..=0x9f | 0xa2..=0xa6 | 0xa8 | 0xa9 | 0xac | 0xae | 0xaf | 0xb0 | 0xb1 | 0xb4 | 0xb8 | 0xd7 | 0xf7 => {
            Class::Symbol
        }
        // General punctuation, minus the zero-width and format characters 200B-200F, 2060-206F.
        0x2010..=0x2027 | 0x2030..=0x205e => Class::Punct,
        // Currency, letterlike (™ ℃), number forms, arrows, maths, technical, box drawing,
        // shapes, miscellaneous symbols, dingbats, braille, supplemental arrows and symbols.
        0x20a0..=0x20cf | 0x2100..=0x214f | 0x2190..=0x2bff => Class::Symbol,
        // CJK and full-width punctuation.
        0x3001..=0x303f | 0xff01..=0xff0f | 0xff1a..=0xff20 | 0xff3b..=0xff40 | 0xff5b..=0xff65 => Class::Punct,
        // Emoji and pictographs, mahjong and playing cards.
        0x1f000..=0x1faff => Class::Symbol,
        _ => Class::Word,
    }
}

const W: Class = Class::Word;
const S: Class = Class::Space;
const P: Class = Class::Punct;
const Y: Class = Class::Symbol;

/// Classes of the 128 ASCII characters. Controls other than whitespace are symbols.
static ASCII: [Class; 128] = [
    // 0x00-0x0f: controls; \t \n \v \f \r are space.
    Y, Y, Y, Y, Y, Y, Y, Y, Y, S, S, S, S, S, Y, Y, //
    // 0x10-0x1f: controls (0x1c-0x1f are not Unicode White_Space).
    Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, Y, //
    //  ' ' !  "  #  $  %  &  '  (  )  *  +  ,  -  .  /
    S, P, P, P, Y, P, P, P, P, P, P, Y, P, P, P, P, //
    // 0-9 : ; < = > ?
    W, W, W, W, W, W, W, W, W, W, P, P, Y, Y, Y, P, //
    // @ A-O
    P, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, //
    // P-Z [ \ ] ^ _
    W, W, W, W, W, W, W, W, W, W, W, P, P, P, Y, P, //
    // ` a-o
    P, W, W, W, W, W, W, W, W, W, W, W, W, W, W, W, //
    // p-z { | } ~ DEL
    W, W, W, W, W, W, W, W, W, W, W, P, Y, P, Y, Y, //
];

/// Apostrophes: ' ’ ` ʼ (and the prime-like ′ that OCR produces).
#[inline]
pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '`' | '\u{2bc}' | '\u{2032}')
}

/// Quotes and brackets that only ever open.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(c, '(' | '[' | '{' | '\u{201c}' | '\u{2018}' | '\u{ab}' | '\u{2039}' | '\u{201e}' | '\u{201a}')
}

/// Quotes and brackets that only ever close.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(c, ')' | ']' | '}' | '\u{201d}' | '\u{2019}' | '\u{bb}' | '\u{203a}')
}

/// Quotes that open or close depending on the spaces around them: " ' `
#[inline]
pub(crate) fn is_ambiguous_quote(c: char) -> bool {
    matches!(c, '"' | '\'' | '`')
}

/// The hyphen and dash family: - ‐ ‑ ‒ – — ― −
#[inline]
pub(crate) fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}'..='\u{2015}' | '\u{2212}')
}

/// Sentence-final punctuation: . ! ? … and their full-width forms.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '\u{2026}' | '\u{203c}' | '\u{2047}'..='\u{2049}' | '\u{3002}' | '\u{ff01}' | '\u{ff1f}'
    )
}

/// Characters that join the symbol before them: variation selectors, the zero-width
/// joiner, skin tones, keycaps and emoji tags.
#[inline]
pub(crate) fn is_symbol_extender(c: char) -> bool {
    matches!(c, '\u{fe00}'..='\u{fe0f}' | '\u{200d}' | '\u{20e3}' | '\u{1f3fb}'..='\u{1f3ff}' | '\u{e0020}'..='\u{e007f}')
}

/// The first character of `s` (U+0000 for an empty string).
#[inline]
pub(crate) fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or('\0')
}

/// The last character of `s` (U+0000 for an empty string).
#[inline]
pub(crate) fn last_char(s: &str) -> char {
    s.chars().next_back().unwrap_or('\0')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        for (c, want) in [
            ('a', Class::Word),
            ('Ж', Class::Word),
            ('7', Class::Word),
            ('\u{301}', Class::Word),
            ('\u{200b}', Class::Word),
            (' ', Class::Space),
            ('\u{a0}', Class::Space),
            ('\u{2028}', Class::Space),
            ('\u{3000}', Class::Space),
            ('.', Class::Punct),
            ('\u{201c}', Class::Punct),
            ('\u{2014}', Class::Punct),
            ('\u{ab}', Class::Punct),
            ('$', Class::Symbol),
            ('\u{20ac}', Class::Symbol),
            ('\u{1f600}', Class::Symbol),
            ('\u{0}', Class::Symbol),
        ] {
            assert_eq!(class(c), want, "{c:?}");
        }
        assert!(is_dash('\u{2013}') && is_dash('-') && !is_dash('_'));
        assert!(is_apostrophe('\u{2019}') && is_closer('\u{2019}') && is_opener('\u{2018}'));
    }
}
