//! A lenient, byte-level HTML tokenizer.
//!
//! It is not the WHATWG state machine: it recognises start and end tags with quoted, unquoted
//! and bare attributes, comments (including `--` inside them and the `<!-->` short forms),
//! doctypes, CDATA sections, processing instructions, and raw-text elements (`script`, `style`,
//! `noscript`, `template`, `textarea`, `title`, ...) whose content runs to the matching end tag
//! whatever it contains. Text and attribute values are returned raw; [`decode_entities`] turns
//! named (a common subset) and numeric character references into characters. The tokenizer
//! allocates nothing and cannot fail: malformed markup degrades into text or is skipped.

use std::borrow::Cow;

/// The element names the extractor distinguishes; everything else is [`Tag::Other`] (or
/// [`Tag::OtherVoid`] for unlisted void elements).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[allow(missing_docs)]
pub(crate) enum Tag {
    Text,
    Html,
    Head,
    Body,
    Title,
    Meta,
    Link,
    Base,
    Script,
    Style,
    Noscript,
    Template,
    Textarea,
    Iframe,
    Svg,
    Math,
    P,
    Div,
    A,
    Br,
    Hr,
    Img,
    H1,
    H2,
    H3,
    H4,
    H5,
    H6,
    Ul,
    Ol,
    Li,
    Dl,
    Dt,
    Dd,
    Table,
    Thead,
    Tbody,
    Tfoot,
    Tr,
    Td,
    Th,
    Caption,
    Blockquote,
    Pre,
    Article,
    Section,
    Main,
    Nav,
    Aside,
    Header,
    Footer,
    Form,
    Button,
    Input,
    Select,
    Option,
    Label,
    Figure,
    Figcaption,
    Time,
    Address,
    Details,
    Summary,
    Center,
    Dialog,
    Fieldset,
    Legend,
    Menu,
    Video,
    Audio,
    Object,
    Canvas,
    Xmp,
    Plaintext,
    Noembed,
    Noframes,
    Other,
    OtherVoid,
}

impl Tag {
    /// Classifies a tag name, ASCII case-insensitively.
    pub(crate) fn from_name(name: &[u8]) -> Tag {
        let mut buf = [0u8; 10];
        if name.len() > buf.len() {
            return Tag::Other;
        }
        for (d, s) in buf.iter_mut().zip(name) {
            *d = s.to_ascii_lowercase();
        }
        match buf.get(..name.len()).unwrap_or(&[]) {
            b"html" => Tag::Html,
            b"head" => Tag::Head,
            b"body" => Tag::Body,
            b"title" => Tag::Title,
            b"meta" => Tag::Meta,
            b"link" => Tag::Link,
            b"base" => Tag::Base,
            b"script" => Tag::Script,
            b"style" => Tag::Style,
            b"noscript" => Tag::Noscript,
            b"template" => Tag::Template,
            b"textarea" => Tag::Textarea,
            b"iframe" => Tag::Iframe,
            b"svg" => Tag::Svg,
            b"math" => Tag::Math,
            b"p" => Tag::P,
            b"div" => Tag::Div,
            b"a" => Tag::A,
            b"br" => Tag::Br,
            b"hr" => Tag::Hr,
            b"img" => Tag::Img,
            b"h1" => Tag::H1,
            b"h2" => Tag::H2,
            b"h3" => Tag::H3,
            b"h4" => Tag::H4,
            b"h5" => Tag::H5,
            b"h6" => Tag::H6,
            b"ul" => Tag::Ul,
            b"ol" => Tag::Ol,
            b"li" => Tag::Li,
            b"dl" => Tag::Dl,
            b"dt" => Tag::Dt,
            b"dd" => Tag::Dd,
            b"table" => Tag::Table,
            b"thead" => Tag::Thead,
            b"tbody" => Tag::Tbody,
            b"tfoot" => Tag::Tfoot,
            b"tr" => Tag::Tr,
            b"td" => Tag::Td,
            b"th" => Tag::Th,
            b"caption" => Tag::Caption,
            b"blockquote" => Tag::Blockquote,
            b"pre" => Tag::Pre,
            b"article" => Tag::Article,
            b"section" => Tag::Section,
            b"main" => Tag::Main,
            b"nav" => Tag::Nav,
            b"aside" => Tag::Aside,
            b"header" => Tag::Header,
            b"footer" => Tag::Footer,
            b"form" => Tag::Form,
            b"button" => Tag::Button,
            b"input" => Tag::Input,
            b"select" => Tag::Select,
            b"option" => Tag::Option,
            b"label" => Tag::Label,
            b"figure" => Tag::Figure,
            b"figcaption" => Tag::Figcaption,
            b"time" => Tag::Time,
            b"address" => Tag::Address,
            b"details" => Tag::Details,
            b"summary" => Tag::Summary,
            b"center" => Tag::Center,
            b"dialog" => Tag::Dialog,
            b"fieldset" => Tag::Fieldset,
            b"legend" => Tag::Legend,
            b"menu" => Tag::Menu,
            b"video" => Tag::Video,
            b"audio" => Tag::Audio,
            b"object" => Tag::Object,
            b"canvas" => Tag::Canvas,
            b"xmp" => Tag::Xmp,
            b"plaintext" => Tag::Plaintext,
            b"noembed" => Tag::Noembed,
            b"noframes" => Tag::Noframes,
            b"area" | b"col" | b"embed" | b"param" | b"source" | b"track" | b"wbr" | b"keygen" => Tag::OtherVoid,
            _ => Tag::Other,
        }
    }

    /// The lowercase name used to find the end of a raw-text element.
    fn raw_name(self) -> &'static [u8] {
        match self {
            Tag::Script => b"script",
            Tag::Style => b"style",
            Tag::Noscript => b"noscript",
            Tag::Template => b"template",
            Tag::Textarea => b"textarea",
            Tag::Title => b"title",
            Tag::Iframe => b"iframe",
            Tag::Xmp => b"xmp",
            Tag::Noembed => b"noembed",
            Tag::Noframes => b"noframes",
            _ => b"",
        }
    }

    /// Elements whose content is raw text up to the matching end tag.
    pub(crate) fn is_raw_text(self) -> bool {
        matches!(
            self,
            Tag::Script
                | Tag::Style
                | Tag::Noscript
                | Tag::Template
                | Tag::Textarea
                | Tag::Title
                | Tag::Iframe
                | Tag::Xmp
                | Tag::Noembed
                | Tag::Noframes
                | Tag::Plaintext
        )
    }

    /// Void elements never have content or an end tag.
    pub(crate) fn is_void(self) -> bool {
        matches!(self, Tag::Meta | Tag::Link | Tag::Base | Tag::Br | Tag::Hr | Tag::Img | Tag::Input | Tag::OtherVoid)
    }
}

/// One token. Text and attributes are raw slices of the source.
#[derive(Debug, PartialEq)]
pub(crate) enum Token<'a> {
    /// Character data between tags, entities not yet decoded.
    Text(&'a str),
    /// A start tag with its raw attribute region.
    Start {
        /// The element.
        tag: Tag,
        /// Everything between the name and the closing `>`.
        attrs: &'a str,
        /// Whether the tag ended with `/>`.
        self_closing: bool,
    },
    /// An end tag.
    End(Tag),
    /// The content of a raw-text element, emitted right after its start tag.
    RawText(&'a str),
}

/// Iterates over the tokens of a document.
pub(crate) struct Tokenizer<'a> {
    src: &'a str,
    pos: usize,
    raw: Option<Tag>,
}

/// Slices `s` without panicking; an invalid range gives `""`.
#[inline]
fn sub(s: &str, a: usize, b: usize) -> &str {
    s.get(a..b).unwrap_or("")
}

impl<'a> Tokenizer<'a> {
    /// Starts tokenizing `src` from its beginning.
    pub(crate) fn new(src: &'a str) -> Self {
        Tokenizer { src, pos: 0, raw: None }
    }

    /// Finds the end of a raw-text element's content: the `<` of `</name` followed by a space,
    /// `/` or `>`, or the end of input.
    fn raw_end(&self, name: &[u8]) -> usize {
        let b = self.src.as_bytes();
        let mut from = self.pos;
        if name.is_empty() {
            return b.len();
        }
        while let Some(off) = b.get(from..).and_then(|r| memchr::memchr(b'<', r)) {
            let at = from + off;
            from = at + 1;
            if b.get(at + 1) != Some(&b'/') {
                continue;
            }
            let n_end = at + 2 + name.len();
            let matches_name = b.get(at + 2..n_end).is_some_and(|n| n.eq_ignore_ascii_case(name));
            if matches_name && b.get(n_end).is_none_or(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>') {
                return at;
            }
        }
        b.len()
    }

    /// Moves past the first occurrence of `pat` at or after `from`, or to the end of input.
    fn skip_past(&mut self, from: usize, pat: &[u8]) {
        let b = self.src.as_bytes();
        self.pos = match b.get(from..).and_then(|r| memchr::memmem::find(r, pat)) {
            Some(off) => from + off + pat.len(),
            None => b.len(),
        };
    }
}

impl<'a> Iterator for Tokenizer<'a> {
    type Item = Token<'a>;

    fn next(&mut self) -> Option<Token<'a>> {
        let b = self.src.as_bytes();
        if let Some(tag) = self.raw.take() {
            let start = self.pos;
            let end = if tag == Tag::Plaintext { b.len() } else { self.raw_end(tag.raw_name()) };
            self.pos = end;
            if end > start {
                return Some(Token::RawText(sub(self.src, start, end)));
            }
        }
        loop {
            let start = self.pos;
            let first = *b.get(start)?;
            if first != b'<' {
                let end = b.get(start..).and_then(|r| memchr::memchr(b'<', r)).map_or(b.len(), |o| start + o);
                self.pos = end;
                return Some(Token::Text(sub(self.src, start, end)));
            }
            match b.get(start + 1).copied() {
                Some(c) if c.is_ascii_alphabetic() => {
                    let name_end = b
                        .get(start + 1..)
                        .and_then(|r| r.iter().position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>'))
                        .map_or(b.len(), |p| start + 1 + p);
                    let tag = Tag::from_name(b.get(start + 1..name_end).unwrap_or(&[]));
                    let Some(gt) = find_tag_end(b, name_end) else {
                        self.pos = b.len();
                        return None;
                    };
                    self.pos = gt + 1;
                    let self_closing = gt > name_end && b.get(gt - 1) == Some(&b'/');
                    if tag.is_raw_text() && !self_closing {
                        self.raw = Some(tag);
                    }
                    return Some(Token::Start { tag, attrs: sub(self.src, name_end, gt), self_closing });
                }
                Some(b'/') => match b.get(start + 2).copied() {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let name_end = b
                            .get(start + 2..)
                            .and_then(|r| r.iter().position(|c| c.is_ascii_whitespace() || *c == b'/' || *c == b'>'))
                            .map_or(b.len(), |p| start + 2 + p);
                        let tag = Tag::from_name(b.get(start + 2..name_end).unwrap_or(&[]));
                        let Some(gt) = find_tag_end(b, name_end) else {
                            self.pos = b.len();
                            return None;
                        };
                        self.pos = gt + 1;
                        return Some(Token::End(tag));
                    }
                    _ => self.skip_past(start + 2, b">"),
                },
                Some(b'!') => {
                    if b.get(start + 2..start + 4) == Some(b"--") {
                        // `<!-->` and `<!--->` are complete (empty) comments.
                        if b.get(start + 4) == Some(&b'>') {
                            self.pos = start + 5;
                        } else if b.get(start + 4..start + 6) == Some(b"->") {
                            self.pos = start + 6;
                        } else {
                            self.skip_comment(start + 4);
                        }
                    } else if b.get(start + 2..start + 9).is_some_and(|w| w.eq_ignore_ascii_case(b"[CDATA[")) {
                        self.skip_past(start + 9, b"]]>");
                    } else {
                        self.skip_past(start + 2, b">");
                    }
                }
                Some(b'?') => self.skip_past(start + 2, b">"),
                _ => {
                    // A lone `<` is text.
                    let end =
                        b.get(start + 1..).and_then(|r| memchr::memchr(b'<', r)).map_or(b.len(), |o| start + 1 + o);
                    self.pos = end;
                    return Some(Token::Text(sub(self.src, start, end)));
                }
            }
        }
    }
}

impl Tokenizer<'_> {
    /// Skips a comment body: it ends at `-->` or `--!>`.
    fn skip_comment(&mut self, from: usize) {
        let b = self.src.as_bytes();
        let mut at = from;
        while let Some(off) = b.get(at..).and_then(|r| memchr::memmem::find(r, b"--")) {
            let d = at + off;
            match b.get(d + 2) {
                Some(b'>') => {
                    self.pos = d + 3;
                    return;
                }
                Some(b'!') if b.get(d + 3) == Some(&b'>') => {
                    self.pos = d + 4;
                    return;
                }
                _ => at = d + 1,
            }
        }
        self.pos = b.len();
    }
}

/// One step of attribute scanning: where the attribute's name and value lie, and where to go on.
struct AttrStep {
    name: (usize, usize),
    value: (usize, usize),
    next: usize,
}

/// Scans one attribute starting at `i`. Returns `None` at `>` or at the end of input, with the
/// position reached in the `Err` case of the outer helpers.
fn scan_attr(b: &[u8], mut i: usize) -> Result<AttrStep, usize> {
    while b.get(i).is_some_and(|c| c.is_ascii_whitespace() || *c == b'/') {
        i += 1;
    }
    match b.get(i) {
        None | Some(b'>') => return Err(i),
        _ => {}
    }
    let name_start = i;
    i += 1;
    while b.get(i).is_some_and(|c| !c.is_ascii_whitespace() && !matches!(c, b'/' | b'>' | b'=')) {
        i += 1;
    }
    let name = (name_start, i);
    let mut j = i;
    while b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
        j += 1;
    }
    if b.get(j) != Some(&b'=') {
        return Ok(AttrStep { name, value: (i, i), next: i });
    }
    j += 1;
    while b.get(j).is_some_and(|c| c.is_ascii_whitespace()) {
        j += 1;
    }
    match b.get(j).copied() {
        Some(q @ (b'"' | b'\'')) => match b.get(j + 1..).and_then(|r| memchr::memchr(q, r)) {
            Some(off) => Ok(AttrStep { name, value: (j + 1, j + 1 + off), next: j + 2 + off }),
            None => Err(b.len()),
        },
        _ => {
            let start = j;
            while b.get(j).is_some_and(|c| !c.is_ascii_whitespace() && *c != b'>') {
                j += 1;
            }
            Ok(AttrStep { name, value: (start, j), next: j })
        }
    }
}

/// Finds the `>` that closes a tag whose attributes start at `i`, honouring quoted values.
fn find_tag_end(b: &[u8], mut i: usize) -> Option<usize> {
    loop {
        match scan_attr(b, i) {
            Ok(step) => i = step.next,
            Err(at) => return (at < b.len()).then_some(at),
        }
    }
}

/// Iterates over `(name, raw value)` pairs of a start tag's attribute region.
pub(crate) struct Attrs<'a> {
    src: &'a str,
    pos: usize,
}

/// Attributes of a raw attribute region as returned in [`Token::Start`].
pub(crate) fn attrs(src: &str) -> Attrs<'_> {
    Attrs { src, pos: 0 }
}

impl<'a> Iterator for Attrs<'a> {
    type Item = (&'a str, &'a str);

    fn next(&mut self) -> Option<(&'a str, &'a str)> {
        let step = scan_attr(self.src.as_bytes(), self.pos).ok()?;
        self.pos = step.next.max(self.pos + 1);
        Some((sub(self.src, step.name.0, step.name.1), sub(self.src, step.value.0, step.value.1)))
    }
}

/// Named references the decoder knows (a common subset, listed here by hand).
fn named_entity(name: &[u8]) -> Option<&'static str> {
    Some(match name {
        b"amp" | b"AMP" => "&",
        b"lt" | b"LT" => "<",
        b"gt" | b"GT" => ">",
        b"quot" | b"QUOT" => "\"",
        b"apos" => "'",
        b"nbsp" => "\u{a0}",
        b"shy" => "\u{ad}",
        b"ensp" | b"emsp" | b"thinsp" | b"hairsp" => " ",
        b"zwj" | b"zwnj" | b"lrm" | b"rlm" => "",
        b"ndash" => "\u{2013}",
        b"mdash" => "\u{2014}",
        b"minus" => "\u{2212}",
        b"hellip" => "\u{2026}",
        b"lsquo" => "\u{2018}",
        b"rsquo" => "\u{2019}",
        b"sbquo" => "\u{201a}",
        b"ldquo" => "\u{201c}",
        b"rdquo" => "\u{201d}",
        b"bdquo" => "\u{201e}",
        b"laquo" => "\u{ab}",
        b"raquo" => "\u{bb}",
        b"lsaquo" => "\u{2039}",
        b"rsaquo" => "\u{203a}",
        b"bull" => "\u{2022}",
        b"middot" => "\u{b7}",
        b"prime" => "\u{2032}",
        b"Prime" => "\u{2033}",
        b"copy" => "\u{a9}",
        b"reg" => "\u{ae}",
        b"trade" => "\u{2122}",
        b"deg" => "\u{b0}",
        b"plusmn" => "\u{b1}",
        b"times" => "\u{d7}",
        b"divide" => "\u{f7}",
        b"frac12" => "\u{bd}",
        b"frac14" => "\u{bc}",
        b"frac34" => "\u{be}",
        b"para" => "\u{b6}",
        b"sect" => "\u{a7}",
        b"cent" => "\u{a2}",
        b"pound" => "\u{a3}",
        b"euro" => "\u{20ac}",
        b"yen" => "\u{a5}",
        b"iexcl" => "\u{a1}",
        b"iquest" => "\u{bf}",
        b"dagger" => "\u{2020}",
        b"Dagger" => "\u{2021}",
        b"larr" => "\u{2190}",
        b"rarr" => "\u{2192}",
        b"uarr" => "\u{2191}",
        b"darr" => "\u{2193}",
        b"agrave" => "à",
        b"aacute" => "á",
        b"acirc" => "â",
        b"atilde" => "ã",
        b"auml" => "ä",
        b"aring" => "å",
        b"aelig" => "æ",
        b"ccedil" => "ç",
        b"egrave" => "è",
        b"eacute" => "é",
        b"ecirc" => "ê",
        b"euml" => "ë",
        b"igrave" => "ì",
        b"iacute" => "í",
        b"icirc" => "î",
        b"iuml" => "ï",
        b"ntilde" => "ñ",
        b"ograve" => "ò",
        b"oacute" => "ó",
        b"ocirc" => "ô",
        b"otilde" => "õ",
        b"ouml" => "ö",
        b"oslash" => "ø",
        b"ugrave" => "ù",
        b"uacute" => "ú",
        b"ucirc" => "û",
        b"uuml" => "ü",
        b"yacute" => "ý",
        b"yuml" => "ÿ",
        b"szlig" => "ß",
        b"Agrave" => "À",
        b"Aacute" => "Á",
        b"Acirc" => "Â",
        b"Atilde" => "Ã",
        b"Auml" => "Ä",
        b"Aring" => "Å",
        b"AElig" => "Æ",
        b"Ccedil" => "Ç",
        b"Egrave" => "È",
        b"Eacute" => "É",
        b"Ecirc" => "Ê",
        b"Iacute" => "Í",
        b"Ntilde" => "Ñ",
        b"Oacute" => "Ó",
        b"Ouml" => "Ö",
        b"Oslash" => "Ø",
        b"Uacute" => "Ú",
        b"Uuml" => "Ü",
        _ => return None,
    })
}

/// Maps a numeric character reference to a character, following the HTML rules for NUL,
/// surrogates, out-of-range values and the C1 range (read as windows-1252).
fn numeric_char(n: u32) -> char {
    if (0x80..=0x9f).contains(&n) {
        let byte = [n as u8];
        let (s, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(&byte);
        return s.chars().next().unwrap_or('\u{fffd}');
    }
    if n == 0 {
        return '\u{fffd}';
    }
    char::from_u32(n).unwrap_or('\u{fffd}')
}

/// Decodes character references in `raw`. Borrows when there are none.
pub(crate) fn decode_entities(raw: &str) -> Cow<'_, str> {
    let b = raw.as_bytes();
    let Some(first) = memchr::memchr(b'&', b) else {
        return Cow::Borrowed(raw);
    };
    let mut out = String::with_capacity(raw.len());
    out.push_str(sub(raw, 0, first));
    let mut i = first;
    while i < b.len() {
        // Here b[i] == '&'.
        let (consumed, repl) = decode_one(b, i);
        match repl {
            Some(Repl::Str(s)) => out.push_str(s),
            Some(Repl::Char(c)) => out.push(c),
            None => out.push('&'),
        }
        i += consumed;
        let next = b.get(i..).and_then(|r| memchr::memchr(b'&', r)).map_or(b.len(), |o| i + o);
        out.push_str(sub(raw, i, next));
        i = next;
    }
    Cow::Owned(out)
}

/// A decoded reference.
enum Repl {
    Str(&'static str),
    Char(char),
}

/// Decodes the reference at `b[i] == '&'`; returns bytes consumed and the replacement.
fn decode_one(b: &[u8], i: usize) -> (usize, Option<Repl>) {
    if b.get(i + 1) == Some(&b'#') {
        let hex = matches!(b.get(i + 2), Some(b'x' | b'X'));
        let start = if hex { i + 3 } else { i + 2 };
        let mut j = start;
        let mut n: u32 = 0;
        while let Some(&c) = b.get(j) {
            let d = if hex { (c as char).to_digit(16) } else { (c as char).to_digit(10) };
            let Some(d) = d else { break };
            n = n.saturating_mul(if hex { 16 } else { 10 }).saturating_add(d);
            j += 1;
        }
        if j == start {
            return (1, None);
        }
        if b.get(j) == Some(&b';') {
            j += 1;
        }
        return (j - i, Some(Repl::Char(numeric_char(n.min(0x11_0000)))));
    }
    let start = i + 1;
    let mut j = start;
    while b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) && j - start < 12 {
        j += 1;
    }
    let name = b.get(start..j).unwrap_or(&[]);
    match named_entity(name) {
        Some(s) if b.get(j) == Some(&b';') => (j + 1 - i, Some(Repl::Str(s))),
        // Legacy forms without `;` for the most common names.
        Some(s) if matches!(name, b"amp" | b"lt" | b"gt" | b"quot" | b"nbsp" | b"copy") => (j - i, Some(Repl::Str(s))),
        _ => (1, None),
    }
}
