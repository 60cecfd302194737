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
    /// A holiday: 0 Christmas, 1 Thanksgiving.
    Holiday(u8),
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
    let bytes = word.as_bytes();
    if bytes.len() > MAX_WORD || bytes.is_empty() {
        return Lex::None;
    }
    if bytes.len() <= 5
        && bytes.iter().all(u8::is_ascii_uppercase)
        && let Some(z) = crate::zone::abbreviation(word)
    {
        return Lex::Tz(z);
    }
    let mut buf = [0u8; MAX_WORD];
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let Ok(w) = std::str::from_utf8(&buf[..bytes.len()]) else {
        return Lex::None;
    };
    use Kw::*;
    use Lex::Kw as K;
    match w {
        "january" => Lex::Month(1, false),
        "february" => Lex::Month(2, false),
        "march" => Lex::Month(3, false),
        "april" => Lex::Month(4, false),
        "may" => Lex::Month(5, false),
        "june" => Lex::Month(6, false),
        "july" => Lex::Month(7, false),
        "august" => Lex::Month(8, false),
        "september" => Lex::Month(9, false),
        "october" => Lex::Month(10, false),
        "november" => Lex::Month(11, false),
        "december" => Lex::Month(12, false),
        "jan" => Lex::Month(1, true),
        "feb" => Lex::Month(2, true),
        "mar" => Lex::Month(3, true),
        "apr" => Lex::Month(4, true),
        "jun" => Lex::Month(6, true),
        "jul" => Lex::Month(7, true),
        "aug" => Lex::Month(8, true),
        "sep" | "sept" => Lex::Month(9, true),
        "oct" => Lex::Month(10, true),
        "nov" => Lex::Month(11, true),
        "dec" => Lex::Month(12, true),
        "monday" => Lex::Weekday(1, false),
        "tuesday" => Lex::Weekday(2, false),
        "wednesday" => Lex::Weekday(3, false),
        "thursday" => Lex::Weekday(4, false),
        "friday" => Lex::Weekday(5, false),
        "saturday" => Lex::Weekday(6, false),
        "sunday" => Lex::Weekday(7, false),
        "mondays" => Lex::Weekday(1, true),
        "tuesdays" => Lex::Weekday(2, true),
        "wednesdays" => Lex::Weekday(3, true),
        "thursdays" => Lex::Weekday(4, true),
        "fridays" => Lex::Weekday(5, true),
        "saturdays" => Lex::Weekday(6, true),
        "sundays" => Lex::Weekday(7, true),
        "second" => Lex::Unit(Unit::Second, false),
        "seconds" => Lex::Unit(Unit::Second, true),
        "minute" => Lex::Unit(Unit::Minute, false),
        "minutes" => Lex::Unit(Unit::Minute, true),
        "hour" => Lex::Unit(Unit::Hour, false),
        "hours" => Lex::Unit(Unit::Hour, true),
        "day" => Lex::Unit(Unit::Day, false),
        "days" => Lex::Unit(Unit::Day, true),
        "week" => Lex::Unit(Unit::Week, false),
        "weeks" => Lex::Unit(Unit::Week, true),
        "weekend" => Lex::Unit(Unit::Weekend, false),
        "weekends" => Lex::Unit(Unit::Weekend, true),
        "fortnight" => Lex::Unit(Unit::Fortnight, false),
        "month" => Lex::Unit(Unit::Month, false),
        "months" => Lex::Unit(Unit::Month, true),
        "quarter" => Lex::Unit(Unit::Quarter, false),
        "quarters" => Lex::Unit(Unit::Quarter, true),
        "year" => Lex::Unit(Unit::Year, false),
        "years" => Lex::Unit(Unit::Year, true),
        "decade" => Lex::Unit(Unit::Decade, false),
        "decades" => Lex::Unit(Unit::Decade, true),
        "century" => Lex::Unit(Unit::Century, false),
        "centuries" => Lex::Unit(Unit::Century, true),
        "zero" => Lex::NumWord(0),
        "one" => Lex::NumWord(1),
        "two" => Lex::NumWord(2),
        "three" => Lex::NumWord(3),
        "four" => Lex::NumWord(4),
        "five" => Lex::NumWord(5),
        "six" => Lex::NumWord(6),
        "seven" => Lex::NumWord(7),
        "eight" => Lex::NumWord(8),
        "nine" => Lex::NumWord(9),
        "ten" => Lex::NumWord(10),
        "eleven" => Lex::NumWord(11),
        "twelve" => Lex::NumWord(12),
        "thirteen" => Lex::NumWord(13),
        "fourteen" => Lex::NumWord(14),
        "fifteen" => Lex::NumWord(15),
        "sixteen" => Lex::NumWord(16),
        "seventeen" => Lex::NumWord(17),
        "eighteen" => Lex::NumWord(18),
        "nineteen" => Lex::NumWord(19),
        "twenty" => Lex::NumWord(20),
        "thirty" => Lex::NumWord(30),
        "forty" => Lex::NumWord(40),
        "fifty" => Lex::NumWord(50),
        "sixty" => Lex::NumWord(60),
        "seventy" => Lex::NumWord(70),
        "eighty" => Lex::NumWord(80),
        "ninety" => Lex::NumWord(90),
        "hundred" => Lex::Scale(100),
        "thousand" => Lex::Scale(1_000),
        "million" => Lex::Scale(1_000_000),
        "billion" | "bn" => Lex::Scale(1_000_000_000),
        "trillion" => Lex::Scale(1_000_000_000_000),
        "first" => Lex::Ordinal(1),
        "third" => Lex::Ordinal(3),
        "fourth" => Lex::Ordinal(4),
        "fifth" => Lex::Ordinal(5),
        "sixth" => Lex::Ordinal(6),
        "seventh" => Lex::Ordinal(7),
        "eighth" => Lex::Ordinal(8),
        "ninth" => Lex::Ordinal(9),
        "tenth" => Lex::Ordinal(10),
        "eleventh" => Lex::Ordinal(11),
        "twelfth" => Lex::Ordinal(12),
        "yesterday" => Lex::DayRel(-1),
        "today" => Lex::DayRel(0),
        "tomorrow" => Lex::DayRel(1),
        "morning" | "mornings" => Lex::PartOfDay(0),
        "afternoon" | "afternoons" => Lex::PartOfDay(1),
        "evening" | "evenings" => Lex::PartOfDay(2),
        "night" | "nights" | "overnight" => Lex::PartOfDay(3),
        "spring" => Lex::Season(0),
        "summer" => Lex::Season(1),
        "fall" | "autumn" => Lex::Season(2),
        "winter" => Lex::Season(3),
        "am" | "a.m" => Lex::AmPm(false),
        "pm" | "p.m" => Lex::AmPm(true),
        "recently" | "lately" => Lex::Vague(Vague::Past),
        "currently" | "nowadays" | "current" => Lex::Vague(Vague::Present),
        "daily" => Lex::Set(Unit::Day),
        "weekly" => Lex::Set(Unit::Week),
        "monthly" => Lex::Set(Unit::Month),
        "annually" | "yearly" => Lex::Set(Unit::Year),
        "hourly" => Lex::Set(Unit::Hour),
        "will" | "shall" | "ll" | "scheduled" | "upcoming" | "going" | "due" => Lex::Tense(Tense::Future),
        "said" | "was" | "were" | "had" | "did" | "held" | "met" | "spoke" | "told" | "took" | "came" | "went"
        | "made" | "gave" | "began" | "left" | "sent" | "saw" | "won" | "lost" | "fell" | "rose" | "struck"
        | "fled" | "fought" | "brought" | "bought" | "sold" | "led" | "ran" | "wrote" | "thought" | "became"
        | "kept" | "found" | "got" | "stood" | "broke" | "chose" | "drove" | "flew" | "grew" | "knew" | "meant"
        | "paid" | "shot" | "spent" | "swore" | "threw" | "withdrew" | "sought" | "hit" | "says" | "been" => {
            Lex::Tense(Tense::Past)
        }
        "christmas" => Lex::Holiday(0),
        "thanksgiving" => Lex::Holiday(1),
        "the" => K(The),
        "a" | "an" => K(A),
        "last" => K(Last),
        "next" => K(Next),
        "this" => K(This),
        "past" => K(Past),
        "previous" | "prior" => K(Previous),
        "coming" => K(Coming),
        "following" => K(Following),
        "ago" => K(Ago),
        "earlier" => K(Earlier),
        "later" => K(Later),
        "before" => K(Before),
        "after" => K(After),
        "since" => K(Since),
        "early" => K(Early),
        "late" => K(Late),
        "mid" => K(Mid),
        "nearly" | "almost" => K(Nearly),
        "about" | "approximately" | "roughly" | "circa" => K(About),
        "around" => K(Around),
        "some" => K(SomeWord),
        "more" => K(More),
        "less" => K(Less),
        "fewer" => K(Less),
        "than" => K(Than),
        "over" => K(Over),
        "under" => K(Under),
        "at" => K(At),
        "least" => K(Least),
        "most" => K(Most),
        "up" => K(Up),
        "to" => K(To),
        "no" => K(No),
        "within" => K(Within),
        "every" => K(Every),
        "each" => K(Each),
        "per" => K(Per),
        "times" => K(Times),
        "once" => K(Once),
        "twice" => K(Twice),
        "fiscal" => K(Fiscal),
        "end" => K(End),
        "beginning" | "start" => K(Beginning),
        "middle" => K(Middle),
        "of" => K(Of),
        "in" => K(In),
        "on" => K(On),
        "by" => K(By),
        "and" => K(And),
        "or" => K(Or),
        "so" => K(So),
        "half" => K(Half),
        "few" => K(Few),
        "several" => K(Several),
        "couple" => K(Couple),
        "many" => K(Many),
        "dozen" => K(Dozen),
        "dozens" => K(Dozens),
        "hundreds" => K(Hundreds),
        "thousands" => K(Thousands),
        "millions" => K(Millions),
        "tens" => K(Tens),
        "local" => K(Local),
        "time" => K(Time),
        "noon" | "midday" => K(Noon),
        "midnight" => K(Midnight),
        "tonight" => K(Tonight),
        "long" => K(Long),
        "old" => K(Old),
        "same" => K(Same),
        "that" => K(That),
        "from" => K(From),
        "now" => K(Now),
        "as" => K(As),
        "estimated" => K(Estimated),
        "latest" => K(Latest),
        "period" => K(Period),
        "other" => K(Other),
        "until" | "till" => K(Until),
        "trading" | "business" | "working" => K(Trading),
        "these" => K(These),
        "present" => K(Present),
        "future" => K(Future),
        "recent" => K(Recent),
        "final" => K(Final),
        "right" => K(Right),
        "dollars" | "dollar" | "usd" => Lex::Currency("USD"),
        "euros" | "euro" | "eur" => Lex::Currency("EUR"),
        "pounds" | "gbp" => Lex::Currency("GBP"),
        "rubles" | "roubles" | "ruble" | "rouble" => Lex::Currency("RUB"),
        "hryvnias" | "hryvnia" | "hryvnas" => Lex::Currency("UAH"),
        "yuan" => Lex::Currency("CNY"),
        "yen" => Lex::Currency("JPY"),
        "km" | "kilometres" | "kilometers" | "kilometre" | "kilometer" => Lex::Measure("km"),
        "miles" | "mile" => Lex::Measure("miles"),
        "metres" | "meters" | "metre" | "meter" => Lex::Measure("m"),
        "kg" | "kilograms" | "kilogram" | "kilos" => Lex::Measure("kg"),
        "tonnes" | "tons" | "tonne" | "ton" => Lex::Measure("tonnes"),
        "barrels" | "barrel" => Lex::Measure("barrels"),
        "percent" | "pct" => Lex::Measure("percent"),
        _ => Lex::None,
    }
}

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
    }
}
