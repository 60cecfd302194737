//! The closed word lists the tokenizer and splitter consult: abbreviations by how they
//! behave at a full stop, sentence-starting words, time zones, hyphen prefixes and
//! clitics. All lists are written for dyad; lookups are `match`es on a lower-cased
//! stack copy, so they allocate nothing.

/// How an abbreviation that ends in a full stop behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Abbrev {
    /// A title or place prefix before a name ("Gen.", "Sen.", "Mr.", "St."): never ends a sentence.
    Title,
    /// A single capital letter, an initial ("Antony J. Blinken").
    Initial,
    /// A month or weekday ("Feb.", "Wed."): usually followed by a day number.
    Date,
    /// "a.m." and "p.m.": a sentence ends after them unless a time zone follows.
    Time,
    /// Often the last word of a sentence ("Inc.", "Ltd.", "etc.", "Jr.").
    Final,
    /// Anything else with a full stop ("U.S.", "U.N.", "e.g.", "Calif.").
    General,
}

/// Lower-cases an ASCII word of at most 12 bytes into a stack buffer.
fn lower(word: &str, buf: &mut [u8; 12]) -> Option<usize> {
    let b = word.as_bytes();
    if b.len() > buf.len() || !b.is_ascii() {
        return None;
    }
    for (d, s) in buf.iter_mut().zip(b) {
        *d = s.to_ascii_lowercase();
    }
    Some(b.len())
}

/// Runs `f` on the lower-cased bytes of `word`; false for long or non-ASCII words.
fn with_lower(word: &str, f: impl FnOnce(&[u8]) -> bool) -> bool {
    let mut buf = [0u8; 12];
    match lower(word, &mut buf) {
        Some(n) => f(&buf[..n]),
        None => false,
    }
}

/// The class of `word` (without its final full stop) when a full stop after it belongs
/// to it. `next_is_digit` tells whether a digit follows the full stop and one space,
/// which turns "No" and "Sun" into abbreviations.
pub(crate) fn abbrev(word: &str, next_is_digit: bool) -> Option<Abbrev> {
    let b = word.as_bytes();
    match b {
        [] => return None,
        [c] if c.is_ascii_uppercase() => return Some(Abbrev::Initial),
        _ => {}
    }
    // Letters with inner full stops: "U.S", "a.m", "Ph.D", "e.g".
    if b.contains(&b'.') {
        return inner_dot_abbrev(word);
    }
    let capital = b[0].is_ascii_uppercase();
    let mut buf = [0u8; 12];
    let n = lower(word, &mut buf)?;
    let w = std::str::from_utf8(&buf[..n]).ok()?;
    let class = match w {
        "mr" | "mrs" | "ms" | "messrs" | "mmes" | "dr" | "drs" | "prof" | "gen" | "gens" | "sen" | "sens" | "rep"
        | "reps" | "gov" | "govs" | "lt" | "col" | "capt" | "cmdr" | "cdr" | "sgt" | "maj" | "adm" | "brig" | "cpl"
        | "pvt" | "rev" | "hon" | "pres" | "amb" | "atty" | "supt" | "det" | "insp" | "msgr" | "fr" | "st" | "mt"
        | "ft" | "sec" | "secy" | "lieut" | "cmdt" | "comdr" | "sr" | "jr" | "mme" | "mlle"
            if capital =>
        {
            if matches!(w, "sr" | "jr") {
                Abbrev::Final
            } else {
                Abbrev::Title
            }
        }
        "no" | "nos" | "vol" | "vols" | "fig" | "figs" | "pp" | "art" | "para" | "ch" | "sect" | "ed" | "eds"
        | "ext" | "tel" | "op" | "approx" | "ca" | "cf" | "vs" | "v"
            if next_is_digit || matches!(w, "vs" | "approx" | "cf") || (w == "v" && !capital) =>
        {
            Abbrev::Title
        }
        "jan" | "feb" | "mar" | "apr" | "jun" | "jul" | "aug" | "sep" | "sept" | "oct" | "nov" | "dec" | "mon"
        | "tue" | "tues" | "wed" | "thu" | "thur" | "thurs" | "fri" | "sat"
            if capital =>
        {
            Abbrev::Date
        }
        "sun" if capital && next_is_digit => Abbrev::Date,
        "inc" | "corp" | "ltd" | "co" | "cos" | "bros" | "plc" | "llc" | "esq" | "etc" | "al" => Abbrev::Final,
        "ave" | "blvd" | "rd" | "hwy" | "dept" | "depts" | "govt" | "univ" | "assn" | "esp" | "incl" | "misc"
        | "viz" | "yrs" | "hrs" | "mins" | "sq" | "lbs" | "oz" | "natl" | "intl" | "mfg" | "mgr" | "asst" | "assoc"
        | "attn" | "bldg" => Abbrev::General,
        // US states as newspapers abbreviate them; the ambiguous ones ("Ill", "Ind",
        // "Miss", "Wash", "La") are left out.
        "ala" | "ariz" | "ark" | "calif" | "colo" | "conn" | "del" | "fla" | "ga" | "kan" | "kans" | "ky" | "md"
        | "mass" | "mich" | "minn" | "mo" | "mont" | "neb" | "nev" | "okla" | "ore" | "pa" | "penn" | "tenn"
        | "tex" | "vt" | "va" | "wis" | "wyo"
            if capital =>
        {
            Abbrev::General
        }
        _ => return None,
    };
    Some(class)
}

/// "U.S", "a.m", "Ph.D", "e.g", "i.e": letter groups of one or two letters between full stops.
fn inner_dot_abbrev(word: &str) -> Option<Abbrev> {
    let mut groups = 0;
    for g in word.split('.') {
        if g.is_empty() || g.len() > 2 || !g.bytes().all(|b| b.is_ascii_alphabetic()) {
            return None;
        }
        groups += 1;
    }
    if groups < 2 {
        return None;
    }
    if word.eq_ignore_ascii_case("a.m") || word.eq_ignore_ascii_case("p.m") {
        return Some(Abbrev::Time);
    }
    if word.eq_ignore_ascii_case("e.g") || word.eq_ignore_ascii_case("i.e") || word.eq_ignore_ascii_case("c.f") {
        return Some(Abbrev::Title);
    }
    Some(Abbrev::General)
}

/// Capitalised words that very often begin a sentence and rarely follow "U.S." or an
/// initial inside a name: after an ambiguous abbreviation, they signal a new sentence.
pub(crate) fn is_strong_starter(word: &str) -> bool {
    let b = word.as_bytes();
    if b.is_empty() || !b[0].is_ascii_uppercase() {
        return false;
    }
    with_lower(word, |w| {
        matches!(
            w,
            b"the"
                | b"a"
                | b"an"
                | b"he"
                | b"she"
                | b"it"
                | b"they"
                | b"we"
                | b"i"
                | b"you"
                | b"this"
                | b"that"
                | b"these"
                | b"those"
                | b"there"
                | b"his"
                | b"her"
                | b"its"
                | b"their"
                | b"our"
                | b"my"
                | b"but"
                | b"and"
                | b"or"
                | b"so"
                | b"yet"
                | b"in"
                | b"on"
                | b"at"
                | b"for"
                | b"if"
                | b"when"
                | b"while"
                | b"after"
                | b"before"
                | b"as"
                | b"since"
                | b"although"
                | b"though"
                | b"however"
                | b"meanwhile"
                | b"also"
                | b"what"
                | b"why"
                | b"how"
                | b"who"
                | b"where"
                | b"which"
                | b"some"
                | b"many"
                | b"most"
                | b"all"
                | b"both"
                | b"each"
                | b"no"
                | b"not"
                | b"one"
                | b"two"
                | b"three"
                | b"then"
                | b"still"
                | b"now"
                | b"today"
                | b"during"
                | b"last"
                | b"earlier"
                | b"later"
                | b"according"
                | b"instead"
                | b"officials"
                | b"police"
                | b"authorities"
                | b"analysts"
                | b"critics"
                | b"experts"
                | b"people"
                | b"such"
                | b"other"
                | b"another"
                | b"more"
                | b"further"
                | b"under"
                | b"with"
                | b"without"
                | b"by"
                | b"from"
                | b"to"
                | b"of"
                | b"despite"
                | b"because"
                | b"unless"
                | b"until"
                | b"asked"
                | b"speaking"
                | b"is"
                | b"are"
                | b"was"
                | b"were"
                | b"will"
                | b"would"
                | b"can"
                | b"could"
                | b"should"
                | b"did"
                | b"does"
                | b"do"
                | b"has"
                | b"have"
                | b"had"
                | b"here"
                | b"let"
                | b"thus"
                | b"indeed"
                | b"besides"
                | b"moreover"
                | b"furthermore"
                | b"nevertheless"
                | b"nonetheless"
                | b"otherwise"
                | b"overall"
                | b"separately"
                | b"similarly"
                | b"finally"
                | b"first"
                | b"second"
                | b"third"
                | b"currently"
                | b"recently"
        )
    })
}

/// Words after "Inc." or "Jr." that continue a name rather than start a sentence.
pub(crate) fn is_title_noun(word: &str) -> bool {
    with_lower(word, |w| {
        matches!(
            w,
            b"ceo"
                | b"cfo"
                | b"coo"
                | b"chief"
                | b"chairman"
                | b"chairwoman"
                | b"chair"
                | b"president"
                | b"vice"
                | b"executive"
                | b"director"
                | b"founder"
                | b"head"
                | b"spokesman"
                | b"spokeswoman"
                | b"spokesperson"
                | b"shares"
                | b"stock"
                | b"unit"
                | b"subsidiary"
                | b"board"
        )
    })
}

/// Time-zone abbreviations that follow "a.m." / "p.m." inside a sentence, written in
/// capitals ("ET", "GMT").
pub fn is_time_zone(word: &str) -> bool {
    matches!(
        word,
        "ET" | "EST"
            | "EDT"
            | "CT"
            | "CST"
            | "CDT"
            | "MT"
            | "MST"
            | "MDT"
            | "PT"
            | "PST"
            | "PDT"
            | "AKST"
            | "HST"
            | "GMT"
            | "UTC"
            | "BST"
            | "WET"
            | "CET"
            | "CEST"
            | "EET"
            | "EEST"
            | "MSK"
            | "IST"
            | "PKT"
            | "JST"
            | "KST"
            | "HKT"
            | "SGT"
            | "AEST"
            | "AEDT"
            | "NZST"
            | "WIB"
            | "Z"
    )
}

/// Word-forming prefixes that keep their hyphen, as UD English does ("non-stop",
/// "anti-war", "e-mail", "co-workers", "mid-August", "re-elected").
pub(crate) fn is_hyphen_prefix(seg: &str) -> bool {
    with_lower(seg, |w| {
        matches!(
            w,
            b"non"
                | b"pre"
                | b"post"
                | b"anti"
                | b"pro"
                | b"co"
                | b"mid"
                | b"re"
                | b"ex"
                | b"multi"
                | b"semi"
                | b"sub"
                | b"neo"
                | b"cross"
                | b"counter"
                | b"inter"
                | b"intra"
                | b"over"
                | b"un"
                | b"mis"
                | b"socio"
                | b"psycho"
                | b"micro"
                | b"macro"
                | b"e"
                | b"bi"
                | b"tri"
                | b"uni"
                | b"pseudo"
                | b"ultra"
                | b"mega"
                | b"trans"
                | b"extra"
                | b"infra"
                | b"geo"
                | b"eco"
                | b"cyber"
        )
    })
}

/// Lower-case words that a hard-wrapped line may end with in mid-sentence.
pub(crate) fn is_continuation_word(word: &str) -> bool {
    matches!(
        word,
        "the"
            | "a"
            | "an"
            | "of"
            | "to"
            | "in"
            | "on"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "into"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "as"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "is"
            | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "said"
            | "says"
            | "told"
            | "has"
            | "have"
            | "had"
            | "will"
            | "would"
            | "not"
            | "than"
            | "about"
            | "after"
            | "before"
            | "over"
            | "under"
            | "between"
            | "against"
            | "said,"
    )
}

/// Number suffixes that stay on the number: "1990s", "3rd", "21st".
pub(crate) fn is_number_suffix(s: &str) -> bool {
    with_lower(s, |w| matches!(w, b"s" | b"th" | b"st" | b"nd" | b"rd"))
}

/// Byte length of the second syntactic word of a word without an apostrophe that UD
/// English splits in two ("cannot" = "can" + "not"; "gonna" = "gon" + "na"), else 0.
///
/// Called for every word, so it dispatches on length and first letter before comparing.
pub(crate) fn fused_split(word: &str) -> u8 {
    let b = word.as_bytes();
    if !(2..=8).contains(&b.len()) {
        return 0;
    }
    let candidates: &[(&str, u8)] = match (b.len(), b[0] | 0x20) {
        (2, b'i') => &[("im", 1)],
        (3, b'i') => &[("ive", 2)],
        (4, b'd') => &[("dont", 2)],
        (4, b'c') => &[("cant", 2)],
        (4, b'w') => &[("wont", 2)],
        (4, b'i') => &[("isnt", 2)],
        (4, b'a') => &[("aint", 2)],
        (5, b'd') => &[("didnt", 2)],
        (5, b'w') => &[("wasnt", 2), ("wanna", 2), ("whats", 1)],
        (5, b'a') => &[("arent", 2)],
        (5, b'h') => &[("hasnt", 2), ("hadnt", 2)],
        (5, b'g') => &[("gonna", 2), ("gotta", 2)],
        (5, b'y') => &[("youre", 2)],
        (5, b't') => &[("thats", 1)],
        (6, b'c') => &[("cannot", 3)],
        (6, b'd') => &[("doesnt", 2)],
        (6, b'w') => &[("werent", 2)],
        (6, b'h') => &[("havent", 2)],
        (6, b't') => &[("theyre", 2), ("theres", 1)],
        (7, b'w') => &[("wouldnt", 2)],
        (7, b'c') => &[("couldnt", 2)],
        (8, b's') => &[("shouldnt", 2)],
        _ => return 0,
    };
    candidates.iter().find(|(w, _)| b.eq_ignore_ascii_case(w.as_bytes())).map_or(0, |&(_, k)| k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations() {
        for (word, digit, want) in [
            ("Gen", false, Some(Abbrev::Title)),
            ("Sen", false, Some(Abbrev::Title)),
            ("gen", false, None),
            ("J", false, Some(Abbrev::Initial)),
            ("U.S", false, Some(Abbrev::General)),
            ("U.N", false, Some(Abbrev::General)),
            ("a.m", false, Some(Abbrev::Time)),
            ("P.M", false, Some(Abbrev::Time)),
            ("Feb", false, Some(Abbrev::Date)),
            ("No", true, Some(Abbrev::Title)),
            ("No", false, None),
            ("Sun", false, None),
            ("Inc", false, Some(Abbrev::Final)),
            ("etc", false, Some(Abbrev::Final)),
            ("google.com", false, None),
            ("Ukraine", false, None),
            ("", false, None),
        ] {
            assert_eq!(abbrev(word, digit), want, "{word}");
        }
    }

    #[test]
    fn word_lists() {
        assert!(is_strong_starter("The") && !is_strong_starter("the") && !is_strong_starter("State"));
        assert!(is_time_zone("ET") && !is_time_zone("The"));
        assert!(is_hyphen_prefix("non") && is_hyphen_prefix("Anti") && !is_hyphen_prefix("hour"));
        assert_eq!((fused_split("cannot"), fused_split("Gonna"), fused_split("cannon")), (3, 2, 0));
        assert!(is_number_suffix("th") && !is_number_suffix("am"));
    }
}
