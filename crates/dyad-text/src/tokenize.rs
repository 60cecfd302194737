//! The tokenizer: surface tokens as UD English EWT draws them, found in one forward scan
//! over the bytes.
//!
//! The text is cut at white space into chunks; a chunk holding a URL or an e-mail address
//! keeps it whole, and the rest of each chunk is cut into words, numbers, punctuation and
//! symbols. Words keep their inner apostrophes ("don't", "O'Neill": EWT multiword tokens
//! are one surface token), number separators ("100,000", "3.5", "9:15", "9/11"), the
//! full stops of abbreviations ("U.S.", "a.m.", "Gen.") and the hyphen of word-forming
//! prefixes ("non-stop", "e-mail"); other hyphens are tokens of their own ("hour - long").
//! Every non-white-space character ends up in exactly one token.

use crate::chars::{self, Class};
use crate::lexicon;
use dyad_core::{Token, TokenKind};

/// Appends the tokens of `text` to `out`, in text order, and returns how many control
/// characters (other than white space) the text holds.
pub(crate) fn tokenize(text: &str, out: &mut Vec<Token>) -> usize {
    let mut t = Tokenizer { text, bytes: text.as_bytes(), out, controls: 0 };
    t.run();
    t.controls
}

/// Bytes seen in a chunk that call for the URL and e-mail checks.
#[derive(Clone, Copy, Default)]
struct Marks {
    colon: bool,
    dot: bool,
    at: bool,
}

struct Tokenizer<'a> {
    text: &'a str,
    bytes: &'a [u8],
    out: &'a mut Vec<Token>,
    controls: usize,
}

impl Tokenizer<'_> {
    /// The character at byte `i` (a char boundary) and its length; U+0000 past the end.
    #[inline]
    fn char_at(&self, i: usize) -> (char, usize) {
        match self.bytes.get(i) {
            None => ('\0', 0),
            Some(&b) if b < 0x80 => (b as char, 1),
            Some(_) => self.text[i..].chars().next().map_or(('\0', 0), |c| (c, c.len_utf8())),
        }
    }

    /// The character before byte `i`.
    #[inline]
    fn char_before(&self, i: usize) -> char {
        match i.checked_sub(1).map(|k| self.bytes[k]) {
            None => '\0',
            Some(b) if b < 0x80 => b as char,
            Some(_) => chars::last_char(&self.text[..i]),
        }
    }

    fn push(&mut self, start: usize, end: usize, kind: TokenKind, word_split: u8) {
        self.out.push(Token { span: (start..end).into(), kind, word_split });
    }

    fn run(&mut self) {
        let n = self.bytes.len();
        let mut i = 0;
        while i < n {
            let b = self.bytes[i];
            if matches!(b, b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c) {
                i += 1;
                continue;
            }
            // Fast path: a plain ASCII word or number with white space (or the end) after it,
            // which is most tokens of running text.
            if b.is_ascii_alphanumeric() {
                let mut j = i + 1;
                while j < n && self.bytes[j].is_ascii_alphanumeric() {
                    j += 1;
                }
                if j == n || matches!(self.bytes[j], b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c) {
                    let word = &self.bytes[i..j];
                    if !b.is_ascii_digit() {
                        let split = lexicon::fused_split(&self.text[i..j]);
                        self.push(i, j, TokenKind::Word, split);
                        i = j;
                        continue;
                    }
                    if word.iter().all(u8::is_ascii_digit) {
                        self.push(i, j, TokenKind::Number, 0);
                        i = j;
                        continue;
                    }
                }
            }
            let (c, len) = self.char_at(i);
            if b >= 0x80 && chars::class(c) == Class::Space {
                i += len;
                continue;
            }
            let (end, marks) = self.chunk_end(i);
            self.chunk(i, end, marks);
            i = end;
        }
    }

    /// The first white-space byte at or after `i` (or the end of the text), and which of
    /// the bytes that can start a URL or e-mail address (`:`, `.`, `@`) the chunk holds.
    fn chunk_end(&self, mut i: usize) -> (usize, Marks) {
        let n = self.bytes.len();
        let mut marks = Marks::default();
        while i < n {
            let b = self.bytes[i];
            if b < 0x80 {
                match b {
                    b' ' | b'\n' | b'\t' | b'\r' | 0x0b | 0x0c => return (i, marks),
                    b':' => marks.colon = true,
                    b'.' => marks.dot = true,
                    b'@' => marks.at = true,
                    _ => {}
                }
                i += 1;
            } else {
                let (c, len) = self.char_at(i);
                if c.is_whitespace() {
                    return (i, marks);
                }
                i += len;
            }
        }
        (n, marks)
    }

    /// Tokenizes one white-space-free chunk, keeping a URL or e-mail address in it whole.
    fn chunk(&mut self, start: usize, end: usize, marks: Marks) {
        let s = &self.bytes[start..end];
        if s.len() >= 5 && (marks.colon || marks.dot || marks.at) {
            if (marks.colon || marks.dot)
                && let Some((us, ue)) = self.find_url(start, end)
            {
                self.pieces(start, us);
                self.push(us, ue, TokenKind::Url, 0);
                self.pieces(ue, end);
                return;
            }
            if marks.at
                && let Some((es, ee)) = self.find_email(start, end)
            {
                self.pieces(start, es);
                self.push(es, ee, TokenKind::Email, 0);
                self.pieces(ee, end);
                return;
            }
        }
        if self.emoticon(start, end) {
            self.push(start, end, TokenKind::Symbol, 0);
            return;
        }
        self.pieces(start, end);
    }

    /// A URL in the chunk: a scheme ("https://") or a "www." start, up to the chunk's end
    /// less trailing punctuation.
    fn find_url(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let s = &self.bytes[start..end];
        let begin = if let Some(k) = find(s, b"mailto:") {
            k
        } else if let Some(k) = find(s, b"://") {
            let scheme = s[..k].iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
            if scheme < 2 || k + 3 >= s.len() {
                return None;
            }
            k - scheme
        } else {
            let k = (0..s.len().saturating_sub(4)).find(|&k| s[k..k + 4].eq_ignore_ascii_case(b"www."))?;
            if k > 0 && s[k - 1].is_ascii_alphanumeric() {
                return None;
            }
            k
        };
        let url = &s[begin..];
        let opens = url.iter().filter(|&&b| b == b'(').count();
        let mut closes = url.iter().filter(|&&b| b == b')').count();
        let mut e = end;
        loop {
            let c = chars::last_char(&self.text[start + begin..e]);
            let strip = match c {
                ')' if closes > opens => {
                    closes -= 1;
                    true
                }
                '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | ']' | '}' | '>' => true,
                c => chars::is_closer(c) && c != ')',
            };
            if !strip || e - c.len_utf8() <= start + begin + 4 {
                break;
            }
            e -= c.len_utf8();
        }
        Some((start + begin, e))
    }

    /// An e-mail address around the chunk's first "@".
    fn find_email(&self, start: usize, end: usize) -> Option<(usize, usize)> {
        let s = &self.bytes[start..end];
        let at = s.iter().position(|&b| b == b'@')?;
        let local = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-');
        let mut ls = at - s[..at].iter().rev().take_while(|b| local(b)).count();
        while ls < at && !s[ls].is_ascii_alphanumeric() {
            ls += 1;
        }
        let domain = |b: &u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-');
        let mut de = at + 1 + s[at + 1..].iter().take_while(|b| domain(b)).count();
        while de > at + 1 && !s[de - 1].is_ascii_alphanumeric() {
            de -= 1;
        }
        let dom = &s[at + 1..de];
        let tld = dom.iter().rev().take_while(|b| b.is_ascii_alphabetic()).count();
        if ls == at || tld < 2 || tld == dom.len() || dom[dom.len() - tld - 1] != b'.' {
            return None;
        }
        Some((start + ls, start + de))
    }

    /// A chunk that is a whole emoticon (":)", ";-)", ":D").
    fn emoticon(&self, start: usize, end: usize) -> bool {
        matches!(
            &self.bytes[start..end],
            b":)" | b":(" | b":-)" | b":-(" | b";)" | b";-)" | b":D" | b":-D" | b":P" | b":p" | b"=)" | b":'(" | b"^_^"
        )
    }

    /// Cuts `start..end` (no white space in it) into word, number, punctuation and symbol tokens.
    fn pieces(&mut self, start: usize, end: usize) {
        let mut i = start;
        while i < end {
            let (c, len) = self.char_at(i);
            i = match chars::class(c) {
                Class::Word => self.word(i, end),
                Class::Punct => self.punct(i, c, len, end),
                Class::Symbol => self.symbol(i, c, len, end),
                // Not produced inside a chunk; step over it rather than loop.
                Class::Space => i + len.max(1),
            };
        }
    }

    /// A run of punctuation: "...", "?!", "--", "**" and "''" are one token each; also
    /// hashtags and handles ("#news", "@potus"), elisions ("[...]") and years ("'68").
    fn punct(&mut self, i: usize, c: char, len: usize, end: usize) -> usize {
        let mut j = i + len;
        let rest = &self.bytes[j..end];
        let alnum_run = rest.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_').count();
        let glued = i > 0 && self.char_before(i).is_alphanumeric();
        if matches!(c, '#' | '@') && alnum_run > 0 && rest[0].is_ascii_alphanumeric() && !glued {
            self.push(i, j + alnum_run, TokenKind::Word, 0);
            return j + alnum_run;
        }
        if matches!(c, '[' | '(') && (rest.starts_with(b"...]") || rest.starts_with(b"...)")) {
            self.push(i, j + 4, TokenKind::Punct, 0);
            return j + 4;
        }
        if matches!(c, '\'' | '\u{2019}') && !glued && alnum_run >= 2 && rest[..2].iter().all(u8::is_ascii_digit) {
            let tail = &rest[2..alnum_run];
            if tail.is_empty() || tail == b"s" {
                self.push(i, j + alnum_run, TokenKind::Number, 0);
                return j + alnum_run;
            }
        }
        if matches!(c, '.' | '!' | '?') {
            while j < end && matches!(self.bytes[j], b'.' | b'!' | b'?') {
                j += 1;
            }
        } else if matches!(c, '-' | '*' | '=' | '_' | '~' | '#' | '\'' | '`' | '\u{2026}' | '\u{2014}' | '\u{2013}') {
            loop {
                let (d, dl) = self.char_at(j);
                if j >= end || d != c {
                    break;
                }
                j += dl;
            }
        }
        self.push(i, j, TokenKind::Punct, 0);
        j
    }

    /// A symbol, with any variation selectors, skin tones and joined symbols after it.
    fn symbol(&mut self, i: usize, c: char, len: usize, end: usize) -> usize {
        if c.is_control() {
            self.controls += 1;
        }
        let mut j = i + len;
        while j < end {
            let (d, dl) = self.char_at(j);
            if !chars::is_symbol_extender(d) {
                break;
            }
            j += dl;
            if d == '\u{200d}' && j < end {
                let (e, el) = self.char_at(j);
                if chars::class(e) == Class::Symbol {
                    j += el;
                }
            }
        }
        self.push(i, j, TokenKind::Symbol, 0);
        j
    }

    /// A word or number starting at `i`; returns where it ends.
    fn word(&mut self, i: usize, end: usize) -> usize {
        let start = i;
        let mut j = i;
        // Start of the current segment: after the last inner full stop or hyphen.
        let mut seg = i;
        let mut phone = false;
        let mut apostrophe = false;
        loop {
            while j < end {
                let b = self.bytes[j];
                if b.is_ascii_alphanumeric() {
                    j += 1;
                    continue;
                }
                if b < 0x80 {
                    break;
                }
                let (c, len) = self.char_at(j);
                if chars::class(c) != Class::Word {
                    break;
                }
                j += len;
            }
            if j >= end || j == start {
                break;
            }
            let (c, len) = self.char_at(j);
            let prev = self.char_before(j);
            let (next, _) = if j + len < end { self.char_at(j + len) } else { ('\0', 0) };
            let joins = match c {
                c if chars::is_apostrophe(c) => prev.is_alphanumeric() && next.is_alphabetic(),
                '.' => {
                    (prev.is_ascii_digit() && next.is_ascii_digit())
                        || (prev.is_alphabetic() && next.is_alphabetic() && self.inner_dot(seg, j, j + 1, end))
                }
                ',' => prev.is_ascii_digit() && self.three_digits(j + 1, end),
                ':' | '/' => prev.is_ascii_digit() && next.is_ascii_digit(),
                '&' => {
                    j - start <= 3
                        && self.bytes[start..j].iter().all(u8::is_ascii_uppercase)
                        && next.is_ascii_uppercase()
                }
                '_' => prev.is_alphanumeric() && next.is_alphanumeric(),
                '-' | '\u{2010}' | '\u{2011}' => {
                    let segment = &self.text[seg..j];
                    if next.is_alphanumeric() && segment.bytes().all(|b| b.is_ascii_alphabetic()) {
                        lexicon::is_hyphen_prefix(segment)
                    } else if next.is_ascii_digit() && segment.bytes().all(|b| b.is_ascii_digit()) {
                        let digits =
                            |k: usize| self.bytes[k.min(end)..end].iter().take_while(|b| b.is_ascii_digit()).count();
                        let ahead = digits(j + 1);
                        // 713-853-3989, 555-0199, 1-800-..., ZIP+4 20006-3700; not 200-250.
                        let third = self.bytes.get(j + 1 + ahead) == Some(&b'-') && digits(j + 2 + ahead) == 4;
                        phone = phone
                            || (segment.len() == 3 && (ahead == 4 || (ahead == 3 && third)))
                            || (segment.len() == 5 && ahead == 4)
                            || (segment == "1" && ahead == 3);
                        phone
                    } else {
                        false
                    }
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += len;
            apostrophe |= chars::is_apostrophe(c);
            if matches!(c, '.' | '-' | '\u{2010}' | '\u{2011}') {
                seg = j;
            }
        }
        if j == start {
            // A lone format character or similar that no rule took: one token.
            let (_, len) = self.char_at(j);
            self.push(start, start + len.max(1), TokenKind::Symbol, 0);
            return start + len.max(1);
        }
        // Numbers keep "s", "th", "st", "nd", "rd"; units and "am"/"pm" are split off.
        if self.bytes[start].is_ascii_digit() {
            let word = &self.bytes[start..j];
            if let Some(p) = word.iter().position(u8::is_ascii_alphabetic) {
                let suffix = &self.text[start + p..j];
                let letters_only = suffix.bytes().all(|b| b.is_ascii_alphabetic());
                let cut = letters_only
                    && !lexicon::is_number_suffix(suffix)
                    && (suffix.bytes().all(|b| b.is_ascii_lowercase())
                        || suffix.eq_ignore_ascii_case("am")
                        || suffix.eq_ignore_ascii_case("pm"));
                if cut && word[..p].iter().all(|b| b.is_ascii_digit() || matches!(b, b'.' | b',' | b':')) {
                    self.push(start, start + p, TokenKind::Number, 0);
                    return start + p;
                }
            }
        }
        let (after, after_len) = self.char_at(j);
        let last = self.bytes[j - 1];
        // Plural possessive: "parents' homes" is one token, as in UD English.
        if chars::is_apostrophe(after) && after != '`' && matches!(last, b's' | b'S') {
            let (follow, _) = self.char_at(j + after_len);
            if follow == '\0' || follow.is_whitespace() {
                self.push(start, j + after_len, TokenKind::Word, 0);
                return j + after_len;
            }
        }
        // Currency prefixes: "US$", "HK$", "A$".
        if after == '$' && j - start <= 3 && self.bytes[start..j].iter().all(u8::is_ascii_uppercase) {
            self.push(start, j + 1, TokenKind::Symbol, 0);
            return j + 1;
        }
        // A full stop that belongs to an abbreviation or an initial.
        if self.bytes.get(j) == Some(&b'.') && self.bytes.get(j + 1) != Some(&b'.') {
            let word = &self.text[start..j];
            let next_is_digit = match self.bytes.get(j + 1) {
                Some(b' ') => self.bytes.get(j + 2).is_some_and(u8::is_ascii_digit),
                Some(b) => b.is_ascii_digit(),
                None => false,
            };
            if word.bytes().all(|b| b.is_ascii_alphabetic() || b == b'.')
                && lexicon::abbrev(word, next_is_digit).is_some()
            {
                self.push(start, j + 1, TokenKind::Word, 0);
                return j + 1;
            }
        }
        let word = &self.text[start..j];
        let first = chars::first_char(word);
        if first.is_numeric() {
            self.push(start, j, TokenKind::Number, 0);
        } else {
            let split = if apostrophe { clitic_split(word) } else { lexicon::fused_split(word) };
            self.push(start, j, TokenKind::Word, split);
        }
        j
    }

    /// Whether a full stop at `dot` joins two letter groups: "U.S", "e.g", "Ph.D",
    /// "nytimes.com". `seg` is where the group before it starts.
    fn inner_dot(&self, seg: usize, dot: usize, after: usize, end: usize) -> bool {
        let before = &self.bytes[seg..dot];
        let next = self.bytes[after..end].iter().take_while(|b| b.is_ascii_alphabetic()).count();
        let next_end = after + next;
        if before.len() <= 2 && (1..=2).contains(&next) && before.iter().all(u8::is_ascii_alphabetic) {
            return true;
        }
        let ends_word = self.char_at(next_end).0;
        // ("with Ukraine.In the evening": of the domain endings, "In" is also a word that
        // starts a sentence glued to the last; web text writes "Newsfeeds.Com", "Us.Net")
        let tld = &self.bytes[after..next_end];
        next >= 2 && !ends_word.is_alphanumeric() && tld != b"In" && is_tld(tld)
    }

    /// Whether exactly three digits follow at `i` (then no digit): "100,000".
    fn three_digits(&self, i: usize, end: usize) -> bool {
        let run = self.bytes[i.min(end)..end].iter().take_while(|b| b.is_ascii_digit()).count();
        run == 3
    }
}

/// Top-level domains common enough in news to join "reuters.com" into one token.
fn is_tld(s: &[u8]) -> bool {
    let mut buf = [0u8; 4];
    if s.len() > 4 {
        return false;
    }
    for (d, c) in buf.iter_mut().zip(s) {
        *d = c.to_ascii_lowercase();
    }
    matches!(
        &buf[..s.len()],
        b"com"
            | b"org"
            | b"net"
            | b"gov"
            | b"edu"
            | b"mil"
            | b"int"
            | b"info"
            | b"io"
            | b"uk"
            | b"ru"
            | b"ua"
            | b"de"
            | b"fr"
            | b"eu"
            | b"in"
            | b"cn"
            | b"jp"
            | b"au"
            | b"ca"
            | b"us"
            | b"tv"
            | b"biz"
            | b"doc"
            | b"docx"
            | b"pdf"
            | b"ppt"
            | b"pptx"
            | b"xls"
            | b"xlsx"
            | b"csv"
            | b"txt"
            | b"htm"
            | b"html"
            | b"jpg"
            | b"jpeg"
            | b"png"
            | b"gif"
            | b"vcf"
            | b"zip"
            | b"mp3"
            | b"mp4"
    )
}

/// Byte length of a clitic that UD English makes a second word: "n't", "'s", "'m",
/// "'d", "'re", "'ve", "'ll" (with any apostrophe), or a fused form ("cannot", "gonna").
fn clitic_split(word: &str) -> u8 {
    let b = word.as_bytes();
    let n = b.len();
    // The apostrophe before the last `k` ASCII letters, if any: its start and length.
    let apostrophe_before = |k: usize| -> Option<usize> {
        let pos = n.checked_sub(k)?;
        let before = &word[..pos];
        let c = chars::last_char(before);
        (chars::is_apostrophe(c) && before.len() > c.len_utf8()).then_some(c.len_utf8())
    };
    let suffix_is = |k: usize, s: &str| n >= k && b[n - k..].eq_ignore_ascii_case(s.as_bytes());
    if suffix_is(1, "t")
        && let Some(a) = apostrophe_before(1)
    {
        let pos = n - 1 - a;
        if pos >= 2 && b[pos - 1].eq_ignore_ascii_case(&b'n') {
            return (a + 2) as u8;
        }
    }
    for s in ["s", "m", "d", "re", "ve", "ll"] {
        if suffix_is(s.len(), s)
            && let Some(a) = apostrophe_before(s.len())
        {
            let base = &word[..n - s.len() - a];
            return if chars::last_char(base).is_alphabetic() { (a + s.len()) as u8 } else { 0 };
        }
    }
    lexicon::fused_split(word)
}

/// The first occurrence of `needle` in `hay`.
fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Tokenizes `input` and compares the tokens, joined by " | ", with `expected`.
    /// A multiword token shows its split as "do+n't".
    fn check(input: &str, expected: &str) {
        let mut tokens = Vec::new();
        tokenize(input, &mut tokens);
        let got: Vec<String> = tokens
            .iter()
            .map(|t| {
                let s = t.span.slice(input);
                if t.word_split == 0 {
                    s.to_string()
                } else {
                    let k = s.len() - usize::from(t.word_split);
                    format!("{}+{}", &s[..k], &s[k..])
                }
            })
            .collect();
        assert_eq!(got.join(" | "), expected, "input: {input:?}");
    }

    #[test]
    fn words_and_punctuation() {
        check("Talks resumed, officials said.", "Talks | resumed | , | officials | said | .");
        check("(Reuters) - Kyiv", "( | Reuters | ) | - | Kyiv");
        check("\"No,\" she said; 'maybe'.", "\" | No | , | \" | she | said | ; | ' | maybe | ' | .");
        check("“Yes” — he said…", "“ | Yes | ” | — | he | said | …");
        check("Wait... what?! Really!!", "Wait | ... | what | ?! | Really | !!");
        check("", "");
        check("   \n\t ", "");
    }

    #[test]
    fn contractions_are_one_surface_token() {
        check("I don't know", "I | do+n't | know");
        check("it’s Russia's", "it+’s | Russia+'s");
        check("can't won't I'm we've they'll she'd", "ca+n't | wo+n't | I+'m | we+'ve | they+'ll | she+'d");
        check("cannot gonna dont im", "can+not | gon+na | do+nt | i+m");
        check("O'Neill 1990's parents' cars", "O'Neill | 1990's | parents' | cars");
        check("'the others' said", "' | the | others' | said");
        check("the 'Wars', in '68 and the ’90s", "the | ' | Wars | ' | , | in | '68 | and | the | ’90s");
    }

    #[test]
    fn hyphens() {
        check("in 'quasi-state of war'", "in | ' | quasi | - | state | of | war | '");
        check("an hour-long call", "an | hour | - | long | call");
        check("non-stop e-mail anti-war co-workers", "non-stop | e-mail | anti-war | co-workers");
        check("pro-Russian mid-August", "pro-Russian | mid-August");
        check("call 713-853-3989 or 1-800-555-0199", "call | 713-853-3989 | or | 1-800-555-0199");
        check("in 2014-2015, 3-4 times", "in | 2014 | - | 2015 | , | 3 | - | 4 | times");
        check("200-250 or 555-0199, DC 20006-3700", "200 | - | 250 | or | 555-0199 | , | DC | 20006-3700");
        check("Ukraine -- again", "Ukraine | -- | again");
    }

    #[test]
    fn numbers() {
        check("more than 40,000 soldiers", "more | than | 40,000 | soldiers");
        check("$1.5 billion, 3.5%", "$ | 1.5 | billion | , | 3.5 | %");
        check("at 9:15 on 9/11/2001", "at | 9:15 | on | 9/11/2001");
        check("the 1990s, 3rd and 21st", "the | 1990s | , | 3rd | and | 21st");
        check("at 7am, 10pm and 5km", "at | 7 | am | , | 10 | pm | and | 5 | km");
        check("1,2 and 12,34", "1 | , | 2 | and | 12 | , | 34");
    }

    #[test]
    fn abbreviations_keep_their_full_stop() {
        check("U.S. and U.N. officials", "U.S. | and | U.N. | officials");
        check("Antony J. Blinken", "Antony | J. | Blinken");
        check("Gen. Mark Milley, Sen. Smith", "Gen. | Mark | Milley | , | Sen. | Smith");
        check("at 11 a.m. ET, e.g., Inc. and Corp.", "at | 11 | a.m. | ET | , | e.g. | , | Inc. | and | Corp.");
        check("No. 10 and no. said No.", "No. | 10 | and | no | . | said | No | .");
        check("Feb. 12, St. Petersburg", "Feb. | 12 | , | St. | Petersburg");
        check("said.The end", "said | . | The | end");
        check("Ph.D. etc...", "Ph.D. | etc | ...");
    }

    #[test]
    fn urls_and_emails() {
        check("see https://example.org/a?b=1.", "see | https://example.org/a?b=1 | .");
        check("(https://example.org/x_(y)).", "( | https://example.org/x_(y) | ) | .");
        check("at www.example.com, or", "at | www.example.com | , | or");
        check("mail desk@example.co.uk.", "mail | desk@example.co.uk | .");
        check("on example.com today", "on | example.com | today");
        check("on Example.COM and Newsfeeds.Com", "on | Example.COM | and | Newsfeeds.Com");
        // "In" after the full stop starts a sentence, though it spells a domain
        check("with Ukraine.In the evening", "with | Ukraine | . | In | the | evening");
        check("@handle and a@b", "@handle | and | a | @ | b");
        check(
            "#StandWithUkraine, write mailto:desk@example.org",
            "#StandWithUkraine | , | write | mailto:desk@example.org",
        );
        check("see report.pdf or [...] US$5", "see | report.pdf | or | [...] | US$ | 5");
    }

    #[test]
    fn symbols_and_scripts() {
        check("AT&T and R&D", "AT&T | and | R&D");
        check("Київ і Москва", "Київ | і | Москва");
        check("👍🏽 ok :)", "👍🏽 | ok | :)");
        check("a\u{0}b", "a | \u{0} | b");
        check("£5 €10", "£ | 5 | € | 10");
    }
}
