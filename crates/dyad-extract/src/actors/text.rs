//! Small, allocation-free views of the words around a span: what precedes and follows it.
//!
//! These cues work from the text alone, so linking works before the syntax stage exists;
//! where the `words` layer is present, [`crate::actors`] asks it first.

/// The word or punctuation mark that ends just before `pos` (skipping spaces), as a byte
/// range, never crossing `floor`.
pub(crate) fn prev_word(text: &str, pos: usize, floor: usize) -> Option<(usize, usize)> {
    let head = &text[floor..pos];
    let trimmed = head.trim_end();
    if trimmed.is_empty() {
        return None;
    }
    let end = floor + trimmed.len();
    let last = trimmed.chars().next_back()?;
    if !is_word_char(last) {
        return Some((end - last.len_utf8(), end));
    }
    let start = trimmed.char_indices().rev().take_while(|(_, c)| is_word_char(*c)).last().map_or(0, |(i, _)| i);
    Some((floor + start, end))
}

/// The word or punctuation mark that starts just after `pos` (skipping spaces), never
/// crossing `ceil`.
pub(crate) fn next_word(text: &str, pos: usize, ceil: usize) -> Option<(usize, usize)> {
    let tail = &text[pos..ceil];
    let skipped = tail.len() - tail.trim_start().len();
    let start = pos + skipped;
    let rest = &text[start..ceil];
    let first = rest.chars().next()?;
    if !is_word_char(first) {
        return Some((start, start + first.len_utf8()));
    }
    let len = rest.char_indices().find(|(_, c)| !is_word_char(*c)).map_or(rest.len(), |(i, _)| i);
    Some((start, start + len))
}

/// Letters, digits and the marks inside words ("U.S." is handled by the lexicon).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '-'
}

/// True when only spaces (no line break) lie between `a` and `b`.
pub(crate) fn adjacent(text: &str, a: usize, b: usize) -> bool {
    a <= b && text[a..b].chars().all(|c| c == ' ' || c == '\u{a0}')
}

/// The possessive ending at `pos` ("'s", "’s", "'"), if any: its end.
pub(crate) fn possessive_after(text: &str, pos: usize) -> Option<usize> {
    let rest = &text[pos..];
    for p in ["'s", "\u{2019}s"] {
        if rest.starts_with(p) && !rest[p.len()..].starts_with(|c: char| c.is_alphanumeric()) {
            return Some(pos + p.len());
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn neighbours() {
        let t = "Moscow, however, denies it.";
        assert_eq!(next_word(t, 6, t.len()).map(|(a, b)| &t[a..b]), Some(","));
        assert_eq!(prev_word(t, 24, 0).map(|(a, b)| &t[a..b]), Some("denies"));
        assert_eq!(prev_word(t, 0, 0), None);
        assert_eq!(possessive_after("Russia's army", 6), Some(8));
        assert!(adjacent("US  Secretary", 2, 4));
    }
}
