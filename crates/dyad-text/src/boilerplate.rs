//! Boilerplate in plain text: donation and subscription appeals, "Read more", "Follow us
//! on", "Click here", copyright lines, share buttons, wire credits, and teaser paragraphs for
//! other articles ("Other Topics of Interest <headline> <first lines>").
//!
//! A sentence is looked at only when one of its tokens is a trigger word ("subscribe",
//! "copyright", "share", ...), so clean news costs one cheap pass over the tokens. A
//! stand-alone appeal heading ("Support our newsroom", "Donate") in the tail of the document
//! (the last third, or the last 2,000 bytes) marks itself and everything after it;
//! elsewhere only the matching line itself is marked.

use crate::chars;
use dyad_core::{Sentence, Token};

/// How far from the end a stand-alone appeal heading starts the boilerplate tail.
const TAIL_BYTES: usize = 2000;

/// Longest sentence that can be boilerplate (appeals and credits are short).
const MAX_LEN: usize = 400;

/// Flags the boilerplate sentences of `text`.
pub(crate) fn mark(text: &str, tokens: &[Token], sentences: &mut [Sentence]) {
    let mut lower = String::new();
    for i in 0..sentences.len() {
        let s = &sentences[i];
        if s.span.len() > MAX_LEN {
            continue;
        }
        let toks = &tokens[s.tokens.start as usize..s.tokens.end as usize];
        if !toks.iter().any(|t| is_trigger(t.span.slice(text))) {
            continue;
        }
        lower.clear();
        lower.extend(s.span.slice(text).chars().map(|c| if c == '\u{2019}' { '\'' } else { c.to_ascii_lowercase() }));
        let standalone = is_standalone(text, s);
        let words = toks.len();
        // A teaser paragraph for other articles ("Other Topics of Interest <headline> <first
        // lines>"): the lead and the rest of its paragraph.
        if opens_line(text, s) && RELATED_LEADS.iter().any(|p| lower.starts_with(p)) {
            let mut end = i + 1;
            while end < sentences.len()
                && !text[sentences[end - 1].span.end as usize..sentences[end].span.start as usize].contains('\n')
            {
                end += 1;
            }
            for s in &mut sentences[i..end] {
                s.boilerplate = true;
            }
            continue;
        }
        // A heading: short, capitalised, alone on its line, no full stop or question mark.
        let heading = standalone
            && words <= 8
            && chars::first_char(s.span.slice(text)).is_uppercase()
            && !matches!(chars::last_char(&lower), '.' | '?' | ',' | ';' | ':');
        if heading && is_appeal_heading(&lower) {
            let start = s.span.start as usize;
            if text.len() - start <= TAIL_BYTES || start * 3 >= text.len() * 2 {
                for s in &mut sentences[i..] {
                    s.boilerplate = true;
                }
                return;
            }
            sentences[i].boilerplate = true;
            continue;
        }
        if is_chrome(&lower) || (standalone && words <= 12 && is_chrome_line(&lower)) {
            sentences[i].boilerplate = true;
        }
    }
}

/// Words that may start or make up boilerplate; a sentence without one is not looked at.
///
/// Called for every token of every short sentence, so it dispatches on length and first
/// letter before comparing.
fn is_trigger(tok: &str) -> bool {
    let b = tok.as_bytes();
    if b.len() < 4 {
        return tok == "\u{a9}";
    }
    let candidates: &[&str] = match (b.len(), b[0] | 0x20) {
        (4, b'r') => &["read"],
        (4, b's') => &["sign"],
        (5, b'c') => &["click"],
        (5, b's') => &["share"],
        (6, b'd') => &["donate"],
        (6, b'f') => &["follow"],
        (6, b'r') => &["rights"],
        (6, b'm') => &["member"],
        (6, b't') => &["topics"],
        (7, b's') => &["support"],
        (7, b'r') => &["related"],
        (7, b'e') => &["editing"],
        (7, b'w') => &["writing"],
        (7, b't') => &["twitter"],
        (8, b'd') => &["donation", "download"],
        (8, b'w') => &["whatsapp"],
        (8, b't') => &["telegram"],
        (8, b'f') => &["facebook"],
        (9, b's') => &["subscribe", "sponsored"],
        (9, b'c') => &["copyright"],
        (9, b'r') => &["reporting"],
        (10, b's') => &["subscriber"],
        (10, b'n') => &["newsletter"],
        (10, b'm') => &["membership"],
        (11, b'n') => &["newsletters"],
        (11, b'r') => &["recommended"],
        (12, b's') => &["subscription"],
        (12, b'c') => &["contribution"],
        (13, b'a') => &["advertisement"],
        _ => return false,
    };
    candidates.iter().any(|w| b.eq_ignore_ascii_case(w.as_bytes()))
}

/// Leads of a paragraph that only points to other articles.
const RELATED_LEADS: [&str; 6] = [
    "other topics of interest",
    "more topics of interest",
    "related articles",
    "related stories",
    "related coverage",
    "related news",
];

/// True when the sentence starts a line.
fn opens_line(text: &str, s: &Sentence) -> bool {
    let before = text[..s.span.start as usize].trim_end_matches([' ', '\t']);
    before.is_empty() || before.ends_with('\n')
}

/// True when the sentence is alone on its line(s).
fn is_standalone(text: &str, s: &Sentence) -> bool {
    let after = text[s.span.end as usize..].trim_start_matches([' ', '\t']);
    opens_line(text, s) && (after.is_empty() || after.starts_with('\n'))
}

/// A heading that asks readers for money or a subscription.
fn is_appeal_heading(s: &str) -> bool {
    const APPEALS: [&str; 13] = [
        "support our ",
        "support independent journalism",
        "support quality journalism",
        "support us",
        "support the ",
        "donate",
        "make a donation",
        "make a contribution",
        "become a member",
        "become a supporter",
        "become a subscriber",
        "subscribe now",
        "subscribe to ",
    ];
    APPEALS.iter().any(|p| s.contains(p))
}

/// Phrases that mark a sentence as chrome wherever it stands.
fn is_chrome(s: &str) -> bool {
    const CHROME: [&str; 14] = [
        "all rights reserved",
        "\u{a9}",
        "(c) 20",
        "click here",
        "follow us on",
        "sign up for our",
        "sign up to our",
        "subscribe to our",
        "share this article",
        "share on facebook",
        "share on twitter",
        "share on whatsapp",
        "this article was originally published",
        "download our app",
    ];
    CHROME.iter().any(|p| s.contains(p))
}

/// Line starts that mark a short stand-alone line as chrome.
fn is_chrome_line(s: &str) -> bool {
    const STARTS: [&str; 22] = [
        "read more",
        "read also",
        "related:",
        "related articles",
        "related stories",
        "related news",
        "advertisement",
        "copyright",
        "subscribe",
        "newsletter",
        "sign up",
        "share this",
        "share on",
        "share:",
        "follow us",
        "recommended for you",
        "sponsored",
        "donate",
        "reporting by",
        "editing by",
        "writing by",
        "additional reporting",
    ];
    STARTS.iter().any(|p| s.starts_with(p)) || chars::first_char(s) == '\u{a9}'
}
