//! The small word tables the scanner classifies words with: months, weekdays, units,
//! number words, time-zone abbreviations and the function words the rules look for.
//!
//! Classification lowercases a word into a stack buffer and runs one `match`, so no
//! word costs an allocation. Words longer than [`MAX_WORD`] bytes are never in a table.

/// Longest word any table holds, in bytes.
pub(crate) const MAX_WORD: usize = 14;

/// Calendar and clock units.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// TIMEX3 duration letter and whether it belongs after the `T`.
    pub(crate) fn letter(self) -> (&'static str, bool) {
        match self {
            Unit::Second => ("S", true),
            Unit::Minute => ("M", true),
            Unit::Hour => ("H", true),
            Unit::Day => ("D", false),
            Unit::Week | Unit::Fortnight => ("W", false),
            Unit::Weekend => ("WE", false),
            Unit::Month => ("M", false),
            Unit::Quarter => ("Q", false),
            Unit::Year => ("Y", false),
            Unit::Decade => ("DE", false),
            Unit::Century => ("CE", false),
        }
    }

    /// Order from coarse (0) to fine, for writing combined durations.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Unit::Century => 0,
            Unit::Decade => 1,
            Unit::Year => 2,
            Unit::Quarter => 3,
            Unit::Month => 4,
            Unit::Fortnight | Unit::Week => 5,
            Unit::Weekend => 6,
            Unit::Day => 7,
            Unit::Hour => 8,
            Unit::Minute => 9,
            Unit::Second => 10,
        }
    }
}

/// Which way a bare weekday or month points, from the verbs around it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Future,
}

/// The TIMEX3 vague references.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vague {
    Past,
    Present,
    Future,
}

impl Vague {
    pub(crate) fn value(self) -> &'static str {
        match self {
            Vague::Past => "PAST_REF",
            Vague::Present => "PRESENT_REF",
            Vague::Future => "FUTURE_REF",
        }
    }
}

/// Function words the rules test for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kw {
    The,
    A,
    Last,
    Next,
    This,
    Past,
    Previous,
    Coming,
    Following,
    Ago,
    Earlier,
    Later,
    Before,
    After,
    Since,
    Early,
    Late,
    Mid,
    Nearly,
    About,
    SomeWord,
    More,
    Less,
    Than,
    Over,
    Under,
    At,
    Least,
    Most,
    Up,
    To,
    No,
    Within,
    Every,
    Each,
    Per,
    Times,
    Once,
    Twice,
    Fiscal,
    /// "near", "short", "distant" before "term" or "future".
    Near,
    /// "term" ("the near term").
    Term,
    /// "full" or "calendar" before "year".
    Full,
    End,
    Beginning,
    Middle,
    Of,
    In,
    On,
    By,
    And,
    Or,
    So,
    Half,
    Few,
    Several,
    Couple,
    Many,
    Dozen,
    Dozens,
    Hundreds,
    Thousands,
    Millions,
    Tens,
    Local,
    Time,
    Noon,
    Midnight,
    Tonight,
    Long,
    Old,
    Same,
    That,
    From,
    Now,
    As,
    Estimated,
    Latest,
    Period,
    /// "corresponding", "comparable": the same stretch in another year.
    Corresponding,
    Other,
    Until,
    Around,
    Trading,
    These,
    Present,
    Future,
    Recent,
    Final,
    Right,
    /// "soon": a vague future right after a modal ("may soon").
    Soon,
}

/// What a word is to the rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub(crate) enum Lex {
    /// Not in any table.
    #[default]
    None,
    /// Month 1..=12; `true` for an abbreviation ("Feb").
    Month(u8, bool),
    /// ISO weekday 1 (Monday) ..= 7; `true` for a plural ("Mondays").
    Weekday(u8, bool),
    /// A unit; `true` for a plural.
    Unit(Unit, bool),
    /// A number word below one hundred.
    NumWord(u8),
    /// "hundred", "thousand", "million", "billion", "trillion".
    Scale(u64),
    /// "first" ..= "twelfth".
    Ordinal(u8),
    /// yesterday (-1), today (0), tomorrow (1).
    DayRel(i8),
    /// morning, afternoon, evening, night: index into [`PART_OF_DAY`].
    PartOfDay(u8),
    /// spring, summer, fall/autumn, winter: index into [`SEASONS`].
    Season(u8),
    /// A time-zone abbreviation: index into [`ZONES`](crate::zone::ZONES).
    Tz(u8),
    /// am (`false`) or pm (`true`), without dots ("a.m" keeps its inner dot).
    AmPm(bool),
    /// A one-word vague reference ("recently", "currently").
    Vague(Vague),
    /// A one-word SET ("daily", "annually").
    Set(Unit),
    /// A tense marker.
    Tense(Tense),
    /// A holiday: 0 Christmas, 1 Thanksgiving, 2 (US) Election Day, 3 Halloween,
    /// 4 Valentine's Day.
    Holiday(u8),
    /// "weeklong", "yearlong": one unit long.
    Lasting(Unit),
    /// "twenties" ..= "nineties": the decade's tens digit.
    DecadeWord(u8),
    /// A function word.
    Kw(Kw),
    /// A currency name ("dollars") with its ISO code.
    Currency(&'static str),
    /// A measurement unit ("km") with its canonical name.
    Measure(&'static str),
}

/// TIMEX3 part-of-day codes, indexed by [`Lex::PartOfDay`].
pub(crate) const PART_OF_DAY: [&str; 4] = ["MO", "AF", "EV", "NI"];
/// TIMEX3 season codes, indexed by [`Lex::Season`].
pub(crate) const SEASONS: [&str; 4] = ["SP", "SU", "FA", "WI"];

/// Classifies one word (letters only, maybe with inner dots). Case matters only for
/// time-zone abbreviations, which must be upper case ("ET", not "et").
pub(crate) fn classify(word: &str) -> Lex {
    classify_bytes(word.as_bytes())
}

/// [`classify`] on the bytes of a word.
#[inline]
pub(crate) fn classify_bytes(bytes: &[u8]) -> Lex {
    let n = bytes.len();
    if n > MAX_WORD || n == 0 {
        return Lex::None;
    }
    if n <= 5
        && bytes[0].is_ascii_uppercase()
        && bytes[n - 1].is_ascii_uppercase()
        && let Some(z) = crate::zone::abbreviation_bytes(bytes)
    {
        return Lex::Tz(z);
    }
    if !passes(&FILTER, bytes) {
        return Lex::None;
    }
    lookup(bytes)
}

/// True for a word (letters only) that can hold a time expression or a quantity
/// together: a month or weekday written with a capital, a unit, a number word, a
/// part of the day, a vague reference ("now", "recently"), a vague count ("dozens").
/// Every time expression and quantity the rules find contains a number or such a word;
/// function words, tense words and modifiers ("the", "said", "last", "more") are not.
pub(crate) fn is_anchor(word: &[u8]) -> bool {
    if word.len() > MAX_WORD || word.is_empty() || !passes(&ANCHOR_FILTER, word) {
        return false;
    }
    is_anchor_past_filter(word)
}

/// [`is_anchor`] for a word (1 ..= [`MAX_WORD`] bytes) already known to pass
/// [`may_be_anchor_ends`]: the table's answer alone.
pub(crate) fn is_anchor_past_filter(word: &[u8]) -> bool {
    match lookup(word) {
        Lex::Month(..) | Lex::Weekday(..) | Lex::Holiday(_) => word[0].is_ascii_uppercase(),
        lex => anchors(lex),
    }
}

/// The first test of [`is_anchor`] alone, from a word's length (1 ..= [`MAX_WORD`]) and
/// end letters: false means the word is certainly no anchor.
#[inline(always)]
pub(crate) fn may_be_anchor_ends(len: usize, first: u8, last: u8) -> bool {
    ANCHOR_FILTER[len * 32 + usize::from(first & 31)] & (1 << (last & 31)) != 0
}

/// Whether a word of class `lex` can be an anchor (months and weekdays if written with
/// a capital).
pub(crate) const fn anchor_class(lex: Lex) -> bool {
    anchors(lex)
}

/// The word classes of [`is_anchor`].
const fn anchors(lex: Lex) -> bool {
    match lex {
        Lex::None | Lex::Tense(_) | Lex::Currency(_) | Lex::Measure(_) | Lex::AmPm(_) | Lex::Tz(_) => false,
        Lex::Kw(k) => matches!(
            k,
            Kw::Now
                | Kw::Soon
                | Kw::Noon
                | Kw::Midnight
                | Kw::Tonight
                | Kw::Future
                | Kw::Present
                | Kw::Recent
                | Kw::Past
                | Kw::Term
                | Kw::Period
                | Kw::Half
                | Kw::Dozen
                | Kw::Dozens
                | Kw::Hundreds
                | Kw::Thousands
                | Kw::Millions
                | Kw::Tens
        ),
        _ => true,
    }
}

/// Prefilters: for each word length, a 32-bit set over the first letter's low five bits
/// holding the last letters' low five bits. Most words are in no table and stop here,
/// before any hashing. Both are built at compile time.
type Filter = [u32; (MAX_WORD + 1) * 32];

static FILTER: Filter = build_filter(false);
static ANCHOR_FILTER: Filter = build_filter(true);

const fn build_filter(anchors_only: bool) -> Filter {
    let mut f = [0u32; (MAX_WORD + 1) * 32];
    let mut i = 0;
    while i < TABLE.len() {
        let (w, lex) = TABLE[i];
        if !anchors_only || anchors(lex) {
            let b = w.as_bytes();
            f[b.len() * 32 + (b[0] & 31) as usize] |= 1 << (b[b.len() - 1] & 31);
        }
        i += 1;
    }
    f
}

/// Whether `word` (1 ..= [`MAX_WORD`] bytes) can be in the table behind `filter`. Letters
/// of either case have the same low five bits, so case does not matter.
#[inline]
fn passes(filter: &Filter, word: &[u8]) -> bool {
    let (first, last) = (word[0], word[word.len() - 1]);
    filter[word.len() * 32 + usize::from(first & 31)] & (1 << (last & 31)) != 0
}

/// The table's class of `word` (1 ..= [`MAX_WORD`] bytes, any case).
fn lookup(word: &[u8]) -> Lex {
    let k = key(word);
    let mut i = slot(k);
    loop {
        let found = KEYS[i];
        if found == k {
            return TABLE[usize::from(WORDS[i])].1;
        }
        if found == 0 {
            return Lex::None;
        }
        i = (i + 1) & (SLOTS - 1);
    }
}

/// A word of at most 16 bytes packed into one integer, lower case: the table's words
/// are lower-case letters and full stops, and setting bit 5 of every byte lowers a
/// capital and keeps a full stop.
#[inline]
fn key(word: &[u8]) -> u128 {
    let (head, tail) = word.split_at(word.len().min(8));
    u128::from(pack_lower(head)) | u128::from(pack_lower(&tail[..tail.len().min(8)])) << 64
}

/// Up to eight bytes as a little-endian integer with bit 5 of each set, from two
/// overlapping loads (a byte loop costs about four instructions a byte): the bytes
/// both loads hold are the same, so or-ing them is exact.
#[inline]
fn pack_lower(b: &[u8]) -> u64 {
    let n = b.len();
    let at = |i: usize, len: usize| -> u64 {
        let mut w = [0u8; 8];
        w[..len].copy_from_slice(&b[i..i + len]);
        u64::from_le_bytes(w)
    };
    let x = match n {
        0 => return 0,
        1 => u64::from(b[0]),
        2..=3 => at(0, 2) | at(n - 2, 2) << (8 * (n - 2)),
        4..=7 => at(0, 4) | at(n - 4, 4) << (8 * (n - 4)),
        _ => at(0, 8),
    };
    x | (0x2020_2020_2020_2020 >> (64 - 8 * n.min(8)))
}

const fn key_const(word: &[u8]) -> u128 {
    let mut k = 0u128;
    let mut i = 0;
    while i < word.len() {
        k |= ((word[i] | 0x20) as u128) << (8 * i);
        i += 1;
    }
    k
}

#[inline]
const fn slot(k: u128) -> usize {
    let x = (k as u64) ^ ((k >> 64) as u64).rotate_left(29);
    (x.wrapping_mul(0x9e37_79b9_7f4a_7c15) >> 54) as usize & (SLOTS - 1)
}

/// The word table: open addressing over packed keys, built at compile time; a lookup
/// is a multiply and one or two integer compares.
const SLOTS: usize = 1024;
static KEYS: [u128; SLOTS] = build_table().0;
/// Index into [`TABLE`] of each key's word.
static WORDS: [u16; SLOTS] = build_table().1;

const fn build_table() -> ([u128; SLOTS], [u16; SLOTS]) {
    let mut keys = [0u128; SLOTS];
    let mut words = [0u16; SLOTS];
    let mut n = 0;
    while n < TABLE.len() {
        let k = key_const(TABLE[n].0.as_bytes());
        let mut i = slot(k);
        while keys[i] != 0 && keys[i] != k {
            i = (i + 1) & (SLOTS - 1);
        }
        if keys[i] == 0 {
            keys[i] = k;
            words[i] = n as u16;
        }
        n += 1;
    }
    (keys, words)
}

/// Every word the rules know, lower case, with its class.
pub(crate) const TABLE: &[(&str, Lex)] = &[
    ("january", Lex::Month(1, false)),
    ("february", Lex::Month(2, false)),
    ("march", Lex::Month(3, false)),
    ("april", Lex::Month(4, false)),
    ("may", Lex::Month(5, false)),
    ("june", Lex::Month(6, false)),
    ("july", Lex::Month(7, false)),
    ("august", Lex::Month(8, false)),
    ("september", Lex::Month(9, false)),
    ("october", Lex::Month(10, false)),
    ("november", Lex::Month(11, false)),
    ("december", Lex::Month(12, false)),
    ("jan", Lex::Month(1, true)),
    ("feb", Lex::Month(2, true)),
    ("mar", Lex::Month(3, true)),
    ("apr", Lex::Month(4, true)),
    ("jun", Lex::Month(6, true)),
    ("jul", Lex::Month(7, true)),
    ("aug", Lex::Month(8, true)),
    ("sep", Lex::Month(9, true)),
    ("sept", Lex::Month(9, true)),
    ("oct", Lex::Month(10, true)),
    ("nov", Lex::Month(11, true)),
    ("dec", Lex::Month(12, true)),
    ("monday", Lex::Weekday(1, false)),
    ("tuesday", Lex::Weekday(2, false)),
    ("wednesday", Lex::Weekday(3, false)),
    ("thursday", Lex::Weekday(4, false)),
    ("friday", Lex::Weekday(5, false)),
    ("saturday", Lex::Weekday(6, false)),
    ("sunday", Lex::Weekday(7, false)),
    ("mondays", Lex::Weekday(1, true)),
    ("tuesdays", Lex::Weekday(2, true)),
    ("wednesdays", Lex::Weekday(3, true)),
    ("thursdays", Lex::Weekday(4, true)),
    ("fridays", Lex::Weekday(5, true)),
    ("saturdays", Lex::Weekday(6, true)),
    ("sundays", Lex::Weekday(7, true)),
    ("second", Lex::Unit(Unit::Second, false)),
    ("seconds", Lex::Unit(Unit::Second, true)),
    ("minute", Lex::Unit(Unit::Minute, false)),
    ("minutes", Lex::Unit(Unit::Minute, true)),
    ("hour", Lex::Unit(Unit::Hour, false)),
    ("hours", Lex::Unit(Unit::Hour, true)),
    ("day", Lex::Unit(Unit::Day, false)),
    ("days", Lex::Unit(Unit::Day, true)),
    ("week", Lex::Unit(Unit::Week, false)),
    ("weeks", Lex::Unit(Unit::Week, true)),
    ("weekend", Lex::Unit(Unit::Weekend, false)),
    ("weekends", Lex::Unit(Unit::Weekend, true)),
    ("fortnight", Lex::Unit(Unit::Fortnight, false)),
    ("month", Lex::Unit(Unit::Month, false)),
    ("months", Lex::Unit(Unit::Month, true)),
    ("quarter", Lex::Unit(Unit::Quarter, false)),
    ("quarters", Lex::Unit(Unit::Quarter, true)),
    ("year", Lex::Unit(Unit::Year, false)),
    ("years", Lex::Unit(Unit::Year, true)),
    ("decade", Lex::Unit(Unit::Decade, false)),
    ("decades", Lex::Unit(Unit::Decade, true)),
    ("century", Lex::Unit(Unit::Century, false)),
    ("centuries", Lex::Unit(Unit::Century, true)),
    ("zero", Lex::NumWord(0)),
    ("one", Lex::NumWord(1)),
    ("two", Lex::NumWord(2)),
    ("three", Lex::NumWord(3)),
    ("four", Lex::NumWord(4)),
    ("five", Lex::NumWord(5)),
    ("six", Lex::NumWord(6)),
    ("seven", Lex::NumWord(7)),
    ("eight", Lex::NumWord(8)),
    ("nine", Lex::NumWord(9)),
    ("ten", Lex::NumWord(10)),
    ("eleven", Lex::NumWord(11)),
    ("twelve", Lex::NumWord(12)),
    ("thirteen", Lex::NumWord(13)),
    ("fourteen", Lex::NumWord(14)),
    ("fifteen", Lex::NumWord(15)),
    ("sixteen", Lex::NumWord(16)),
    ("seventeen", Lex::NumWord(17)),
    ("eighteen", Lex::NumWord(18)),
    ("nineteen", Lex::NumWord(19)),
    ("twenty", Lex::NumWord(20)),
    ("thirty", Lex::NumWord(30)),
    ("forty", Lex::NumWord(40)),
    ("fifty", Lex::NumWord(50)),
    ("sixty", Lex::NumWord(60)),
    ("seventy", Lex::NumWord(70)),
    ("eighty", Lex::NumWord(80)),
    ("ninety", Lex::NumWord(90)),
    ("hundred", Lex::Scale(100)),
    ("thousand", Lex::Scale(1_000)),
    ("million", Lex::Scale(1_000_000)),
    ("billion", Lex::Scale(1_000_000_000)),
    ("bn", Lex::Scale(1_000_000_000)),
    ("trillion", Lex::Scale(1_000_000_000_000)),
    ("first", Lex::Ordinal(1)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("fifth", Lex::Ordinal(5)),
    ("sixth", Lex::Ordinal(6)),
    ("seventh", Lex::Ordinal(7)),
    ("eighth", Lex::Ordinal(8)),
    ("ninth", Lex::Ordinal(9)),
    ("tenth", Lex::Ordinal(10)),
    ("eleventh", Lex::Ordinal(11)),
    ("twelfth", Lex::Ordinal(12)),
    ("yesterday", Lex::DayRel(-1)),
    ("today", Lex::DayRel(0)),
    ("tomorrow", Lex::DayRel(1)),
    ("morning", Lex::PartOfDay(0)),
    ("mornings", Lex::PartOfDay(0)),
    ("afternoon", Lex::PartOfDay(1)),
    ("afternoons", Lex::PartOfDay(1)),
    ("evening", Lex::PartOfDay(2)),
    ("evenings", Lex::PartOfDay(2)),
    ("night", Lex::PartOfDay(3)),
    ("nights", Lex::PartOfDay(3)),
    ("overnight", Lex::PartOfDay(3)),
    ("spring", Lex::Season(0)),
    ("summer", Lex::Season(1)),
    ("fall", Lex::Season(2)),
    ("autumn", Lex::Season(2)),
    ("winter", Lex::Season(3)),
    ("am", Lex::AmPm(false)),
    ("a.m", Lex::AmPm(false)),
    ("pm", Lex::AmPm(true)),
    ("p.m", Lex::AmPm(true)),
    ("recently", Lex::Vague(Vague::Past)),
    ("lately", Lex::Vague(Vague::Past)),
    ("currently", Lex::Vague(Vague::Present)),
    ("nowadays", Lex::Vague(Vague::Present)),
    ("current", Lex::Vague(Vague::Present)),
    ("daily", Lex::Set(Unit::Day)),
    ("weekly", Lex::Set(Unit::Week)),
    ("monthly", Lex::Set(Unit::Month)),
    ("annually", Lex::Set(Unit::Year)),
    ("yearly", Lex::Set(Unit::Year)),
    ("hourly", Lex::Set(Unit::Hour)),
    ("hourlong", Lex::Lasting(Unit::Hour)),
    ("daylong", Lex::Lasting(Unit::Day)),
    ("weeklong", Lex::Lasting(Unit::Week)),
    ("monthlong", Lex::Lasting(Unit::Month)),
    ("yearlong", Lex::Lasting(Unit::Year)),
    ("decadelong", Lex::Lasting(Unit::Decade)),
    ("will", Lex::Tense(Tense::Future)),
    ("shall", Lex::Tense(Tense::Future)),
    ("ll", Lex::Tense(Tense::Future)),
    ("scheduled", Lex::Tense(Tense::Future)),
    ("upcoming", Lex::Tense(Tense::Future)),
    ("going", Lex::Tense(Tense::Future)),
    ("due", Lex::Tense(Tense::Future)),
    ("said", Lex::Tense(Tense::Past)),
    ("was", Lex::Tense(Tense::Past)),
    ("were", Lex::Tense(Tense::Past)),
    ("had", Lex::Tense(Tense::Past)),
    ("did", Lex::Tense(Tense::Past)),
    ("held", Lex::Tense(Tense::Past)),
    ("met", Lex::Tense(Tense::Past)),
    ("spoke", Lex::Tense(Tense::Past)),
    ("told", Lex::Tense(Tense::Past)),
    ("took", Lex::Tense(Tense::Past)),
    ("came", Lex::Tense(Tense::Past)),
    ("went", Lex::Tense(Tense::Past)),
    ("made", Lex::Tense(Tense::Past)),
    ("gave", Lex::Tense(Tense::Past)),
    ("began", Lex::Tense(Tense::Past)),
    ("left", Lex::Tense(Tense::Past)),
    ("sent", Lex::Tense(Tense::Past)),
    ("saw", Lex::Tense(Tense::Past)),
    ("won", Lex::Tense(Tense::Past)),
    ("lost", Lex::Tense(Tense::Past)),
    ("fell", Lex::Tense(Tense::Past)),
    ("rose", Lex::Tense(Tense::Past)),
    ("struck", Lex::Tense(Tense::Past)),
    ("fled", Lex::Tense(Tense::Past)),
    ("fought", Lex::Tense(Tense::Past)),
    ("brought", Lex::Tense(Tense::Past)),
    ("bought", Lex::Tense(Tense::Past)),
    ("sold", Lex::Tense(Tense::Past)),
    ("led", Lex::Tense(Tense::Past)),
    ("ran", Lex::Tense(Tense::Past)),
    ("wrote", Lex::Tense(Tense::Past)),
    ("thought", Lex::Tense(Tense::Past)),
    ("became", Lex::Tense(Tense::Past)),
    ("kept", Lex::Tense(Tense::Past)),
    ("found", Lex::Tense(Tense::Past)),
    ("got", Lex::Tense(Tense::Past)),
    ("stood", Lex::Tense(Tense::Past)),
    ("broke", Lex::Tense(Tense::Past)),
    ("chose", Lex::Tense(Tense::Past)),
    ("drove", Lex::Tense(Tense::Past)),
    ("flew", Lex::Tense(Tense::Past)),
    ("grew", Lex::Tense(Tense::Past)),
    ("knew", Lex::Tense(Tense::Past)),
    ("meant", Lex::Tense(Tense::Past)),
    ("paid", Lex::Tense(Tense::Past)),
    ("shot", Lex::Tense(Tense::Past)),
    ("spent", Lex::Tense(Tense::Past)),
    ("swore", Lex::Tense(Tense::Past)),
    ("threw", Lex::Tense(Tense::Past)),
    ("withdrew", Lex::Tense(Tense::Past)),
    ("sought", Lex::Tense(Tense::Past)),
    ("hit", Lex::Tense(Tense::Past)),
    ("says", Lex::Tense(Tense::Past)),
    ("been", Lex::Tense(Tense::Past)),
    ("christmas", Lex::Holiday(0)),
    ("thanksgiving", Lex::Holiday(1)),
    ("election", Lex::Holiday(2)),
    ("halloween", Lex::Holiday(3)),
    ("valentine", Lex::Holiday(4)),
    ("the", Lex::Kw(Kw::The)),
    ("a", Lex::Kw(Kw::A)),
    ("an", Lex::Kw(Kw::A)),
    ("last", Lex::Kw(Kw::Last)),
    ("next", Lex::Kw(Kw::Next)),
    ("this", Lex::Kw(Kw::This)),
    ("past", Lex::Kw(Kw::Past)),
    ("previous", Lex::Kw(Kw::Previous)),
    ("prior", Lex::Kw(Kw::Previous)),
    ("coming", Lex::Kw(Kw::Coming)),
    ("following", Lex::Kw(Kw::Following)),
    ("ago", Lex::Kw(Kw::Ago)),
    ("earlier", Lex::Kw(Kw::Earlier)),
    ("later", Lex::Kw(Kw::Later)),
    ("before", Lex::Kw(Kw::Before)),
    ("after", Lex::Kw(Kw::After)),
    ("since", Lex::Kw(Kw::Since)),
    ("early", Lex::Kw(Kw::Early)),
    ("late", Lex::Kw(Kw::Late)),
    ("mid", Lex::Kw(Kw::Mid)),
    ("nearly", Lex::Kw(Kw::Nearly)),
    ("almost", Lex::Kw(Kw::Nearly)),
    ("about", Lex::Kw(Kw::About)),
    ("approximately", Lex::Kw(Kw::About)),
    ("roughly", Lex::Kw(Kw::About)),
    ("circa", Lex::Kw(Kw::About)),
    ("around", Lex::Kw(Kw::Around)),
    ("some", Lex::Kw(Kw::SomeWord)),
    ("more", Lex::Kw(Kw::More)),
    ("less", Lex::Kw(Kw::Less)),
    ("fewer", Lex::Kw(Kw::Less)),
    ("than", Lex::Kw(Kw::Than)),
    ("over", Lex::Kw(Kw::Over)),
    ("under", Lex::Kw(Kw::Under)),
    ("at", Lex::Kw(Kw::At)),
    ("least", Lex::Kw(Kw::Least)),
    ("most", Lex::Kw(Kw::Most)),
    ("up", Lex::Kw(Kw::Up)),
    ("to", Lex::Kw(Kw::To)),
    ("no", Lex::Kw(Kw::No)),
    ("within", Lex::Kw(Kw::Within)),
    ("every", Lex::Kw(Kw::Every)),
    ("each", Lex::Kw(Kw::Each)),
    ("per", Lex::Kw(Kw::Per)),
    ("times", Lex::Kw(Kw::Times)),
    ("once", Lex::Kw(Kw::Once)),
    ("twice", Lex::Kw(Kw::Twice)),
    ("fiscal", Lex::Kw(Kw::Fiscal)),
    ("near", Lex::Kw(Kw::Near)),
    ("short", Lex::Kw(Kw::Near)),
    ("distant", Lex::Kw(Kw::Near)),
    ("term", Lex::Kw(Kw::Term)),
    ("twenties", Lex::DecadeWord(2)),
    ("thirties", Lex::DecadeWord(3)),
    ("forties", Lex::DecadeWord(4)),
    ("fifties", Lex::DecadeWord(5)),
    ("sixties", Lex::DecadeWord(6)),
    ("seventies", Lex::DecadeWord(7)),
    ("eighties", Lex::DecadeWord(8)),
    ("nineties", Lex::DecadeWord(9)),
    ("full", Lex::Kw(Kw::Full)),
    ("calendar", Lex::Kw(Kw::Full)),
    ("end", Lex::Kw(Kw::End)),
    ("beginning", Lex::Kw(Kw::Beginning)),
    ("start", Lex::Kw(Kw::Beginning)),
    ("middle", Lex::Kw(Kw::Middle)),
    ("of", Lex::Kw(Kw::Of)),
    ("in", Lex::Kw(Kw::In)),
    ("on", Lex::Kw(Kw::On)),
    ("by", Lex::Kw(Kw::By)),
    ("and", Lex::Kw(Kw::And)),
    ("or", Lex::Kw(Kw::Or)),
    ("so", Lex::Kw(Kw::So)),
    ("half", Lex::Kw(Kw::Half)),
    ("few", Lex::Kw(Kw::Few)),
    ("several", Lex::Kw(Kw::Several)),
    ("couple", Lex::Kw(Kw::Couple)),
    ("many", Lex::Kw(Kw::Many)),
    ("dozen", Lex::Kw(Kw::Dozen)),
    ("dozens", Lex::Kw(Kw::Dozens)),
    ("hundreds", Lex::Kw(Kw::Hundreds)),
    ("thousands", Lex::Kw(Kw::Thousands)),
    ("millions", Lex::Kw(Kw::Millions)),
    ("tens", Lex::Kw(Kw::Tens)),
    ("local", Lex::Kw(Kw::Local)),
    ("time", Lex::Kw(Kw::Time)),
    ("noon", Lex::Kw(Kw::Noon)),
    ("midday", Lex::Kw(Kw::Noon)),
    ("midnight", Lex::Kw(Kw::Midnight)),
    ("tonight", Lex::Kw(Kw::Tonight)),
    ("long", Lex::Kw(Kw::Long)),
    ("old", Lex::Kw(Kw::Old)),
    ("same", Lex::Kw(Kw::Same)),
    ("that", Lex::Kw(Kw::That)),
    ("from", Lex::Kw(Kw::From)),
    ("now", Lex::Kw(Kw::Now)),
    ("soon", Lex::Kw(Kw::Soon)),
    ("as", Lex::Kw(Kw::As)),
    ("estimated", Lex::Kw(Kw::Estimated)),
    ("latest", Lex::Kw(Kw::Latest)),
    ("period", Lex::Kw(Kw::Period)),
    ("corresponding", Lex::Kw(Kw::Corresponding)),
    ("comparable", Lex::Kw(Kw::Corresponding)),
    ("other", Lex::Kw(Kw::Other)),
    ("until", Lex::Kw(Kw::Until)),
    ("till", Lex::Kw(Kw::Until)),
    ("trading", Lex::Kw(Kw::Trading)),
    ("business", Lex::Kw(Kw::Trading)),
    ("working", Lex::Kw(Kw::Trading)),
    ("these", Lex::Kw(Kw::These)),
    ("present", Lex::Kw(Kw::Present)),
    ("future", Lex::Kw(Kw::Future)),
    ("recent", Lex::Kw(Kw::Recent)),
    ("final", Lex::Kw(Kw::Final)),
    ("right", Lex::Kw(Kw::Right)),
    ("dollars", Lex::Currency("USD")),
    ("dollar", Lex::Currency("USD")),
    ("usd", Lex::Currency("USD")),
    ("euros", Lex::Currency("EUR")),
    ("euro", Lex::Currency("EUR")),
    ("eur", Lex::Currency("EUR")),
    ("pounds", Lex::Currency("GBP")),
    ("gbp", Lex::Currency("GBP")),
    ("rubles", Lex::Currency("RUB")),
    ("roubles", Lex::Currency("RUB")),
    ("ruble", Lex::Currency("RUB")),
    ("rouble", Lex::Currency("RUB")),
    ("hryvnias", Lex::Currency("UAH")),
    ("hryvnia", Lex::Currency("UAH")),
    ("hryvnas", Lex::Currency("UAH")),
    ("yuan", Lex::Currency("CNY")),
    ("yen", Lex::Currency("JPY")),
    ("km", Lex::Measure("km")),
    ("kilometres", Lex::Measure("km")),
    ("kilometers", Lex::Measure("km")),
    ("kilometre", Lex::Measure("km")),
    ("kilometer", Lex::Measure("km")),
    ("miles", Lex::Measure("miles")),
    ("mile", Lex::Measure("miles")),
    ("metres", Lex::Measure("m")),
    ("meters", Lex::Measure("m")),
    ("metre", Lex::Measure("m")),
    ("meter", Lex::Measure("m")),
    ("kg", Lex::Measure("kg")),
    ("kilograms", Lex::Measure("kg")),
    ("kilogram", Lex::Measure("kg")),
    ("kilos", Lex::Measure("kg")),
    ("tonnes", Lex::Measure("tonnes")),
    ("tons", Lex::Measure("tonnes")),
    ("tonne", Lex::Measure("tonnes")),
    ("ton", Lex::Measure("tonnes")),
    ("barrels", Lex::Measure("barrels")),
    ("barrel", Lex::Measure("barrels")),
    ("percent", Lex::Measure("percent")),
    ("pct", Lex::Measure("percent")),
];

/// Lower-case ASCII comparison of a word with a literal.
pub(crate) fn is(word: &str, lower: &str) -> bool {
    word.eq_ignore_ascii_case(lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_classified_without_regard_to_case() {
        assert_eq!(classify("February"), Lex::Month(2, false));
        assert_eq!(classify("SATURDAY"), Lex::Weekday(6, false));
        assert_eq!(classify("years"), Lex::Unit(Unit::Year, true));
        assert_eq!(classify("a.m"), Lex::AmPm(false));
        assert_eq!(classify("troops"), Lex::None);
        assert_eq!(classify("ET"), Lex::Tz(crate::zone::abbreviation("ET").unwrap()));
        assert_eq!(classify("et"), Lex::None);
        assert_eq!(classify("averyveryverylongwordindeed"), Lex::None);
        assert_eq!(classify("Said"), Lex::Tense(Tense::Past));
        assert_eq!(classify("Ünïcödé"), Lex::None);
        // Every table word survives the prefilter.
        for (w, lex) in TABLE {
            assert_eq!(classify(w), *lex, "{w}");
        }
    }
}
