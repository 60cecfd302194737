//! Case restoration for texts written all in lower case or all in capitals.
//!
//! Every model of this crate, and the lexicon's name matcher after it, learnt that names are
//! capitalised. Some sources drop case altogether (the Times of India dump of
//! IndiaPoliceEvents is lower case throughout; old wire copy is in capitals), and on such a
//! text dyad found almost no entity and no event at all. [`CaseRestorer::restore`] gives such
//! a text back the capitals news would have written, from the word table the models carry
//! (how often news capitalises each word, and the known names of `lexicon/`, but for its
//! gazetteer's towns, many of which are words: "temple", "mobile"):
//!
//! - a known name of two or more words is capitalised word by word, its joiners ("of",
//!   "the", ...) left lower case inside it ("bank of england" → "Bank of England");
//! - a known name of one word, or a word news capitalises at least 70 % of the time inside
//!   sentences, is capitalised ("gujarat", "monday"); a one-word name that news mostly
//!   writes in lower case is left ("turkey" the bird is not at stake, "us" the pronoun is);
//! - a word of three letters or more that the table does not know at all is capitalised:
//!   what news text never writes often enough to be counted is mostly names ("gomtipur",
//!   "shukla"); a misspelt word comes out capitalised too, which is the price of it. Not when
//!   it ends as English inflections and derivations do ("riotous", "clamped": see
//!   [`COMMON_ENDINGS`]);
//! - the first word of each sentence (as the caller's text layer splits it) and of each line,
//!   the pronoun "i", and a single letter before a capitalised word (an initial) are
//!   capitalised;
//! - "us", "un", "eu" after "the" and a time zone after a clock time are written in capitals
//!   ("the US Treasury", "7:45 pm ET").
//!
//! Only ASCII letters change case, so the text keeps its length and every byte offset, and
//! a text written with normal case is never touched ([`casing`] decides).

use crate::features::normalise;
use crate::hash::hash_str;
use crate::wordtable::{MAX_NAME_WORDS, NAME_SEED, NAME_TOWN, WordTable, extend_name};

/// How a text uses case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Casing {
    /// Capitals where English puts them (or too little text to tell).
    Normal,
    /// (Almost) no capital letter at all.
    Lower,
    /// (Almost) every word in capitals.
    Upper,
}

/// Words looked at to decide a text's casing: enough to tell, and a bound on the cost for
/// long texts.
const CASING_SAMPLE: usize = 400;
/// Fewest words of two letters or more for a text to be called caseless: a short headline
/// in capitals is normal news.
const CASING_MIN_WORDS: usize = 8;

/// How `text` uses case, from its first few hundred words of ASCII letters.
///
/// Lower: fewer than one word of two letters or more in twenty starts with a capital (news
/// has one in ten or more: 9.3 % in the least capitalised of 447 GDELT articles; the
/// lower-cased Times of India articles have 0.9 % at the median), and most sentences open
/// in lower case (a single sentence of news can have one capital in twenty words: its
/// first). Upper: four words in five or more are all capitals.
pub fn casing(text: &str) -> Casing {
    let bytes = text.as_bytes();
    let (mut words, mut capitalised, mut capitals) = (0usize, 0usize, 0usize);
    let (mut starts, mut lower_starts) = (0usize, 0usize);
    let mut prev: Option<(usize, usize)> = None;
    for (s, e) in ascii_words(text) {
        let word = &bytes[s..e];
        let opens = match prev {
            None => true,
            Some((ps, pe)) => opens_sentence(&bytes[pe..s], pe - ps),
        };
        if opens {
            starts += 1;
            lower_starts += usize::from(word[0].is_ascii_lowercase());
        }
        prev = Some((s, e));
        if word.len() < 2 {
            continue;
        }
        words += 1;
        capitalised += usize::from(word[0].is_ascii_uppercase());
        capitals += usize::from(word.iter().all(u8::is_ascii_uppercase));
        if words == CASING_SAMPLE {
            break;
        }
    }
    if words < CASING_MIN_WORDS {
        Casing::Normal
    } else if capitalised * 20 < words && lower_starts * 3 >= starts * 2 {
        Casing::Lower
    } else if capitals * 5 >= words * 4 {
        Casing::Upper
    } else {
        Casing::Normal
    }
}

/// Whether byte `b` belongs to a word: an ASCII letter or digit, or any byte of a
/// non-ASCII character ("müller" is one word).
fn in_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// Byte ranges of the words of `text` (runs of [`in_word`] bytes) that start with an ASCII
/// letter.
fn ascii_words(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    word_ranges(text.as_bytes()).filter(|&(s, _)| text.as_bytes()[s].is_ascii_alphabetic())
}

/// Byte ranges of the runs of [`in_word`] bytes.
fn word_ranges(bytes: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() && !in_word(bytes[i]) {
            i += 1;
        }
        if i == bytes.len() {
            return None;
        }
        let start = i;
        while i < bytes.len() && in_word(bytes[i]) {
            i += 1;
        }
        Some((start, i))
    })
}

/// Lower-case words that stay lower case inside a name ("Bank of England", "Ali bin Hassan").
const JOINERS: &[&str] = &["of", "the", "and", "for", "on", "de", "du", "la", "le", "van", "von", "da", "del", "bin"];

/// Gives caseless texts their capitals back. See the module doc.
#[derive(Clone, Debug)]
pub struct CaseRestorer {
    table: WordTable,
}

/// What is known of one word of the text.
struct TextWord {
    start: usize,
    end: usize,
    /// Hash of the lower-case form, as the word table keys it.
    norm: u64,
    /// Whether only white space separates it from the word before.
    joined: bool,
    /// Whether it opens a sentence.
    opens: bool,
}

impl CaseRestorer {
    /// A restorer reading `table` (the NER model's, see [`crate::Models::case_restorer`]).
    pub fn new(table: WordTable) -> CaseRestorer {
        CaseRestorer { table }
    }

    /// `text` with capitals restored when it is caseless (`casing`, as [`casing`] tells it),
    /// else `None`. The result has the same length as `text`, byte for byte, and differs
    /// only in the case of ASCII letters. `sentence_starts` are the byte offsets where the
    /// text's sentences begin, as the text layer splits the text as written (its splitter
    /// knows that a caseless text opens sentences in lower case; a guess here would split it
    /// anew).
    pub fn restore(&self, text: &str, casing: Casing, sentence_starts: &[u32]) -> Option<String> {
        if casing == Casing::Normal {
            return None;
        }
        let mut bytes = text.as_bytes().to_vec();
        if casing == Casing::Upper {
            bytes.make_ascii_lowercase();
        }
        let words = text_words(&bytes, sentence_starts);
        let mut i = 0;
        while i < words.len() {
            let name = self.name_at(&words[i..]);
            if name > 1 {
                for (k, w) in words[i..i + name].iter().enumerate() {
                    if k == 0 || !JOINERS.contains(&word_str(&bytes, w)) {
                        bytes[w.start].make_ascii_uppercase();
                    }
                }
                i += name;
                continue;
            }
            let w = &words[i];
            let zone = i > 0 && after_clock_time(&bytes, &words[i - 1]) && is_zone(&bytes[w.start..w.end]);
            let acronym = i > 0 && w.joined && is_country_acronym(&bytes, &words[i - 1], w);
            if zone || acronym {
                bytes[w.start..w.end].make_ascii_uppercase();
                i += 1;
                continue;
            }
            let caps = self.table.word(w.norm).map(|info| info.caps);
            let capitalise = w.opens
                || &bytes[w.start..w.end] == b"i"
                || matches!(caps, Some(3 | 4))
                || (name == 1 && !matches!(caps, Some(0 | 1)))
                || (caps.is_none()
                    && w.end - w.start >= 3
                    && bytes[w.start].is_ascii_alphabetic()
                    && !has_common_ending(&bytes[w.start..w.end]));
            if capitalise {
                bytes[w.start].make_ascii_uppercase();
            }
            i += 1;
        }
        capitalise_initials(&mut bytes, &words);
        // Only ASCII letters changed case: the bytes are as valid UTF-8 as the text was.
        String::from_utf8(bytes).ok()
    }

    /// The number of words of the longest known name that starts `words[0]` (0 if none).
    fn name_at(&self, words: &[TextWord]) -> usize {
        let mut h = NAME_SEED;
        let mut longest = 0;
        for (k, w) in words.iter().take(MAX_NAME_WORDS).enumerate() {
            if k > 0 && !w.joined {
                break;
            }
            h = extend_name(h, w.norm);
            match self.table.name(h) {
                Some((types, prefix)) => {
                    // Gazetteer towns are no evidence of capitals: many are words ("temple", "mobile").
                    if types & !NAME_TOWN != 0 {
                        longest = k + 1;
                    }
                    if !prefix {
                        break;
                    }
                }
                None => break,
            }
        }
        longest
    }
}

/// Endings of English inflections and derivations. A word the table does not know that ends
/// in one is a rare common word ("riotous", "clamped", "stabbings"), not a name: names of
/// places and people ("gomtipur", "shukla", "limbayat") almost never end so.
const COMMON_ENDINGS: &[&[u8]] = &[
    b"ed", b"ing", b"ings", b"ous", b"ly", b"tion", b"tions", b"sion", b"sions", b"ment", b"ments", b"ness", b"ful",
    b"less", b"ive", b"ives", b"able", b"ible", b"ity", b"ities", b"ism", b"isms", b"ists",
];

/// Whether `word` (lower case) ends in one of [`COMMON_ENDINGS`] with at least three letters
/// before it.
fn has_common_ending(word: &[u8]) -> bool {
    COMMON_ENDINGS.iter().any(|e| word.len() >= e.len() + 3 && word.ends_with(e))
}

/// Country and union acronyms that are words in lower case ("us", "un"): capitals after
/// "the" ("the us state department"), where the pronoun cannot stand.
const COUNTRY_ACRONYMS: &[&[u8]] = &[b"us", b"uk", b"un", b"eu", b"uae", b"usa"];

fn is_country_acronym(bytes: &[u8], before: &TextWord, w: &TextWord) -> bool {
    bytes[before.start..before.end].eq_ignore_ascii_case(b"the") && COUNTRY_ACRONYMS.contains(&&bytes[w.start..w.end])
}

/// A single letter before a capitalised word is an initial ("b k singh" → "B K Singh"), right
/// to left so that a run of initials follows the name; "a" is left.
fn capitalise_initials(bytes: &mut [u8], words: &[TextWord]) {
    for k in (0..words.len().saturating_sub(1)).rev() {
        let (w, next) = (&words[k], &words[k + 1]);
        if w.end - w.start == 1
            && bytes[w.start].is_ascii_lowercase()
            && bytes[w.start] != b'a'
            && next.joined
            && bytes[next.start].is_ascii_uppercase()
        {
            bytes[w.start].make_ascii_uppercase();
        }
    }
}

/// Whether `word` ends a clock time: "am", "pm", the "m" of "a.m.", or minutes after a
/// colon ("23:45").
fn after_clock_time(bytes: &[u8], word: &TextWord) -> bool {
    let w = &bytes[word.start..word.end];
    let minutes = w.len() == 2 && w.iter().all(u8::is_ascii_digit) && word.start > 0 && bytes[word.start - 1] == b':';
    let meridiem = matches!(w, b"am" | b"pm")
        || (w == b"m" && word.start >= 2 && matches!(&bytes[word.start - 2..word.start], b"a." | b"p."));
    minutes || meridiem
}

/// Whether the lower-case word `w` is a time zone abbreviation ([`dyad_text::is_time_zone`]).
fn is_zone(w: &[u8]) -> bool {
    w.len() <= 4 && std::str::from_utf8(w).is_ok_and(|w| dyad_text::is_time_zone(&w.to_ascii_uppercase()))
}

fn word_str<'a>(bytes: &'a [u8], w: &TextWord) -> &'a str {
    std::str::from_utf8(&bytes[w.start..w.end]).unwrap_or("")
}

/// The words of a lower-cased text ([`word_ranges`]), with whether each opens a sentence:
/// the first word at or after each of `sentence_starts` (sorted byte offsets), and the first
/// word of each line.
fn text_words(bytes: &[u8], sentence_starts: &[u32]) -> Vec<TextWord> {
    let mut words: Vec<TextWord> = Vec::new();
    let mut norm = String::new();
    let mut prev_end = 0;
    let mut starts = sentence_starts.iter().map(|&s| s as usize).peekable();
    for (start, end) in word_ranges(bytes) {
        let gap = &bytes[prev_end..start];
        // A line's first word opens it too: headings ("sign up for alerts") stand alone
        // on their lines, and the splitter may join them to the next sentence.
        let mut opens = words.is_empty() || gap.contains(&b'\n');
        while starts.next_if(|&s| s < end).is_some() {
            opens = true;
        }
        let joined = !words.is_empty() && gap.iter().all(u8::is_ascii_whitespace);
        // Word ranges end at ASCII bytes or the text's end, so they are whole characters.
        normalise(std::str::from_utf8(&bytes[start..end]).unwrap_or(""), &mut norm);
        words.push(TextWord { start, end, norm: hash_str(&norm), joined, opens });
        prev_end = end;
    }
    words
}

/// Whether the characters between two words end a sentence: a ".", "!" or "?" (after a
/// word longer than one letter, for the full stop), then white space, with quotes and
/// brackets allowed around; or a blank line. A rough test, for [`casing`] alone: it runs on
/// every document, before the text layer exists.
fn opens_sentence(gap: &[u8], prev_len: usize) -> bool {
    if gap.windows(2).any(|w| w == b"\n\n") || gap.first() == Some(&b'\n') {
        return true;
    }
    let Some(stop) = gap.iter().position(|&b| matches!(b, b'.' | b'!' | b'?')) else { return false };
    if gap[stop] == b'.' && prev_len == 1 {
        return false;
    }
    let rest = &gap[stop + 1..];
    rest.iter().any(u8::is_ascii_whitespace)
        && rest.iter().all(|&b| b.is_ascii_whitespace() || matches!(b, b'"' | b'\'' | b')' | b'(' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::wordtable::{NAME_LOC, NAME_ORG, NAME_PER, WordInfo};

    /// `text` restored, with its sentences as the text layer splits them.
    fn restore(r: &CaseRestorer, text: &str) -> Option<String> {
        let mut doc = dyad_core::Document::new("t", text).unwrap();
        dyad_text::annotate(&mut doc);
        let starts: Vec<u32> = doc.sentences.iter().map(|s| s.span.start).collect();
        r.restore(text, casing(text), &starts)
    }

    fn restorer() -> CaseRestorer {
        let mut t = WordTable::default();
        let caps = |c| WordInfo { clusters: [1, 1, 1], caps: c };
        t.add_word("monday", caps(4));
        t.add_word("police", caps(1));
        t.add_word("us", caps(1));
        t.add_word("state", caps(2));
        for w in [
            "told", "that", "met", "the", "agree", "said", "and", "was", "calm", "capitals", "bank", "police",
            "curfew", "mob",
        ] {
            t.add_word(w, caps(0));
        }
        t.add_name(&["gujarat"], NAME_LOC);
        t.add_name(&["us"], NAME_LOC);
        t.add_name(&["bank", "of", "england"], NAME_ORG);
        t.add_name(&["narendra", "modi"], NAME_PER);
        CaseRestorer::new(t)
    }

    #[test]
    fn casing_tells_caseless_texts_from_news() {
        assert_eq!(casing("police in gujarat arrested twenty people on monday after the riots."), Casing::Lower);
        assert_eq!(casing("POLICE IN GUJARAT ARRESTED TWENTY PEOPLE ON MONDAY AFTER THE RIOTS."), Casing::Upper);
        assert_eq!(casing("Police in Gujarat arrested twenty people on Monday after the riots."), Casing::Normal);
        // Too short to tell: a headline.
        assert_eq!(casing("police arrest twenty"), Casing::Normal);
        // One long sentence of news: its only capital opens it.
        let sentence =
            "A keen guitarist, he played a concert there the same year and went on to record two albums with friends.";
        assert_eq!(casing(sentence), Casing::Normal);
        assert_eq!(casing(&sentence.to_ascii_lowercase()), Casing::Lower);
    }

    #[test]
    fn names_capitals_and_sentence_starts_come_back() {
        let r = restorer();
        let text =
            "police told us that narendra modi met the bank of england and the us state in gujarat on monday. i agree.";
        let out = restore(&r, text).expect("a lower-case text is restored");
        assert_eq!(
            out,
            "Police told us that Narendra Modi met the Bank of England and the US state in Gujarat on Monday. I agree."
        );
        assert_eq!(out.len(), text.len());
    }

    #[test]
    fn capitals_are_lowered_first() {
        let r = restorer();
        let out = restore(&r, "POLICE IN GUJARAT SAID ON MONDAY THAT THE STATE WAS CALM.").unwrap();
        assert_eq!(out, "Police in Gujarat said on Monday that the state was calm.");
    }

    #[test]
    fn normal_text_and_abbreviations_are_left() {
        let r = restorer();
        assert_eq!(restore(&r, "Police in Gujarat arrested twenty people on Monday after the riots."), None);
        // The "s." of "u.s." opens no sentence; names stop at punctuation.
        let out =
            restore(&r, "the u.s. police said modi, narendra and the bank met on monday in state capitals.").unwrap();
        assert_eq!(out, "The u.s. police said Modi, Narendra and the bank met on Monday in state capitals.");
    }

    #[test]
    fn a_line_opens_with_a_capital() {
        let r = restorer();
        let out =
            restore(&r, "the police said that the bank was calm\nthe bank told the police that it was calm.").unwrap();
        assert_eq!(out, "The police said that the bank was calm\nThe bank told the police that it was calm.");
    }

    #[test]
    fn time_zones_after_clock_times_are_capitals() {
        let r = restorer();
        let out =
            restore(&r, "the police said the bank was calm at 7:45 pm et (23:45 gmt) and at 9 p.m. ist.").unwrap();
        assert_eq!(out, "The police said the bank was calm at 7:45 pm ET (23:45 GMT) and at 9 p.m. IST.");
    }

    #[test]
    fn words_news_never_counted_are_taken_for_names() {
        let r = restorer();
        let out = restore(&r, "the police said that b k shukla was calm and told the bank in gomtipur.").unwrap();
        assert_eq!(out, "The police said that B K Shukla was calm and told the bank in Gomtipur.");
        // Unless they end as English words do: rare words stay lower case.
        let out = restore(&r, "the police clamped curfew on the riotous mob in limbayat.").unwrap();
        assert_eq!(out, "The police clamped curfew on the riotous mob in Limbayat.");
    }

    #[test]
    fn non_ascii_letters_keep_their_bytes() {
        let r = restorer();
        let text = "the police told the bank that señor müller was calm in gujarat and said so.";
        let out = restore(&r, text).unwrap();
        assert_eq!(out.len(), text.len());
        assert_eq!(out, "The police told the bank that Señor Müller was calm in Gujarat and said so.");
    }
}
