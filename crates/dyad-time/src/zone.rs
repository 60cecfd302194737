//! Time zones: the abbreviations news writes ("ET", "GMT", "MSK"), the places a "local
//! time" can refer to, and the conversion of a wall-clock time to UTC through jiff's
//! bundled tz database (so daylight saving time is right without system zone files).

use crate::calendar::Ymd;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// Where a clock time is read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Zone {
    /// A fixed offset from UTC in minutes ("EST" is always UTC-5).
    Fixed(i32),
    /// An IANA zone, with its daylight saving rules ("ET" is New York time).
    Iana(&'static str),
}

/// The abbreviations, upper case as written, with their zones.
pub(crate) const ZONES: &[(&str, Zone)] = &[
    ("ET", Zone::Iana("America/New_York")),
    ("EST", Zone::Fixed(-300)),
    ("EDT", Zone::Fixed(-240)),
    ("CT", Zone::Iana("America/Chicago")),
    ("CST", Zone::Fixed(-360)),
    ("CDT", Zone::Fixed(-300)),
    ("MT", Zone::Iana("America/Denver")),
    ("MST", Zone::Fixed(-420)),
    ("MDT", Zone::Fixed(-360)),
    ("PT", Zone::Iana("America/Los_Angeles")),
    ("PST", Zone::Fixed(-480)),
    ("PDT", Zone::Fixed(-420)),
    ("GMT", Zone::Fixed(0)),
    ("UTC", Zone::Fixed(0)),
    ("UT", Zone::Fixed(0)),
    ("BST", Zone::Fixed(60)),
    ("WET", Zone::Fixed(0)),
    ("WEST", Zone::Fixed(60)),
    ("CET", Zone::Fixed(60)),
    ("CEST", Zone::Fixed(120)),
    ("EET", Zone::Fixed(120)),
    ("EEST", Zone::Fixed(180)),
    ("MSK", Zone::Iana("Europe/Moscow")),
    ("IST", Zone::Fixed(330)),
    ("PKT", Zone::Fixed(300)),
    ("JST", Zone::Fixed(540)),
    ("KST", Zone::Fixed(540)),
    ("HKT", Zone::Fixed(480)),
    ("SGT", Zone::Fixed(480)),
    ("AEST", Zone::Fixed(600)),
    ("AEDT", Zone::Fixed(660)),
    ("EAT", Zone::Fixed(180)),
    ("CAT", Zone::Fixed(120)),
    ("WAT", Zone::Fixed(60)),
    ("SAST", Zone::Fixed(120)),
];

/// Index into [`ZONES`] of an upper-case abbreviation.
#[cfg(test)]
pub(crate) fn abbreviation(word: &str) -> Option<u8> {
    abbreviation_bytes(word.as_bytes())
}

/// Index into [`ZONES`] of an upper-case abbreviation, as bytes.
pub(crate) fn abbreviation_bytes(word: &[u8]) -> Option<u8> {
    // Every abbreviation ends in T, C or K: most upper-case words stop here.
    if !matches!(word.last(), Some(b'T' | b'C' | b'K')) {
        return None;
    }
    ZONES.iter().position(|(a, _)| a.as_bytes() == word).map(|i| i as u8)
}

/// Places whose "local time" the rules can read: city or country name, IANA zone.
const PLACES: &[(&str, &str)] = &[
    ("Kyiv", "Europe/Kyiv"),
    ("Kiev", "Europe/Kyiv"),
    ("Ukraine", "Europe/Kyiv"),
    ("Kharkiv", "Europe/Kyiv"),
    ("Odesa", "Europe/Kyiv"),
    ("Odessa", "Europe/Kyiv"),
    ("Lviv", "Europe/Kyiv"),
    ("Moscow", "Europe/Moscow"),
    ("Russia", "Europe/Moscow"),
    ("Kremlin", "Europe/Moscow"),
    ("Minsk", "Europe/Minsk"),
    ("Belarus", "Europe/Minsk"),
    ("Washington", "America/New_York"),
    ("New York", "America/New_York"),
    ("London", "Europe/London"),
    ("Britain", "Europe/London"),
    ("Paris", "Europe/Paris"),
    ("France", "Europe/Paris"),
    ("Berlin", "Europe/Berlin"),
    ("Germany", "Europe/Berlin"),
    ("Brussels", "Europe/Brussels"),
    ("Warsaw", "Europe/Warsaw"),
    ("Poland", "Europe/Warsaw"),
    ("Geneva", "Europe/Zurich"),
    ("Rome", "Europe/Rome"),
    ("Madrid", "Europe/Madrid"),
    ("Ankara", "Europe/Istanbul"),
    ("Istanbul", "Europe/Istanbul"),
    ("Turkey", "Europe/Istanbul"),
    ("Jerusalem", "Asia/Jerusalem"),
    ("Israel", "Asia/Jerusalem"),
    ("Gaza", "Asia/Gaza"),
    ("Beirut", "Asia/Beirut"),
    ("Damascus", "Asia/Damascus"),
    ("Baghdad", "Asia/Baghdad"),
    ("Tehran", "Asia/Tehran"),
    ("Iran", "Asia/Tehran"),
    ("Kabul", "Asia/Kabul"),
    ("Islamabad", "Asia/Karachi"),
    ("Pakistan", "Asia/Karachi"),
    ("New Delhi", "Asia/Kolkata"),
    ("India", "Asia/Kolkata"),
    ("Beijing", "Asia/Shanghai"),
    ("China", "Asia/Shanghai"),
    ("Tokyo", "Asia/Tokyo"),
    ("Japan", "Asia/Tokyo"),
    ("Seoul", "Asia/Seoul"),
    ("Pyongyang", "Asia/Pyongyang"),
    ("Cairo", "Africa/Cairo"),
    ("Egypt", "Africa/Cairo"),
    ("Riyadh", "Asia/Riyadh"),
    ("Tbilisi", "Asia/Tbilisi"),
    ("Yerevan", "Asia/Yerevan"),
    ("Baku", "Asia/Baku"),
];

/// The zone of a place name exactly as written ("Kyiv"), if known.
pub(crate) fn place(name: &str) -> Option<Zone> {
    PLACES.iter().find(|(p, _)| *p == name).map(|(_, z)| Zone::Iana(z))
}

/// The zone of the first (or, with `last`, the last) place name in `text` written as a
/// whole word exactly as in the table ("Kyiv", "New York"), if any.
pub(crate) fn place_in(text: &str, last: bool) -> Option<Zone> {
    let bytes = text.as_bytes();
    let boundary = |i: usize| i == 0 || i >= bytes.len() || !bytes[i].is_ascii_alphanumeric();
    let mut best: Option<(usize, &str)> = None;
    for (name, zone) in PLACES {
        let mut found = text
            .match_indices(name)
            .map(|(i, _)| i)
            .filter(|&i| (i == 0 || boundary(i - 1)) && boundary(i + name.len()));
        let at = if last { found.last() } else { found.next() };
        if let Some(i) = at
            && best.is_none_or(|(b, _)| if last { i > b } else { i < b })
        {
            best = Some((i, zone));
        }
    }
    best.map(|(_, z)| Zone::Iana(z))
}

/// A UTC instant, to the minute.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Utc {
    pub(crate) date: Ymd,
    pub(crate) hour: u8,
    pub(crate) minute: u8,
}

/// Converts a wall-clock time on `date` in `zone` to UTC. `None` when the date is out
/// of range or the zone is unknown to the bundled database.
pub(crate) fn to_utc(date: Ymd, hour: u8, minute: u8, zone: Zone) -> Option<Utc> {
    let offset_minutes = match zone {
        Zone::Fixed(m) => m,
        Zone::Iana(name) => {
            let tz = TimeZone::get(name).ok()?;
            let y = i16::try_from(date.y).ok()?;
            let dt = DateTime::new(y, date.m as i8, date.d as i8, hour.min(23) as i8, minute as i8, 0, 0).ok()?;
            let zdt = dt.to_zoned_datetime(tz).ok()?;
            zdt.offset().seconds() / 60
        }
    };
    let total = i64::from(hour) * 60 + i64::from(minute) - i64::from(offset_minutes);
    let day_shift = total.div_euclid(24 * 60);
    let rem = total.rem_euclid(24 * 60);
    Some(Utc { date: date.add_days(day_shift)?, hour: (rem / 60) as u8, minute: (rem % 60) as u8 })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn every_abbreviation_is_found() {
        for (i, (a, _)) in ZONES.iter().enumerate() {
            assert_eq!(abbreviation(a), Some(i as u8), "{a}");
        }
    }

    #[test]
    fn eastern_time_follows_daylight_saving() {
        let et = ZONES[abbreviation("ET").unwrap() as usize].1;
        // Winter: UTC-5.
        assert_eq!(to_utc(ymd(2022, 2, 12), 11, 4, et), Some(Utc { date: ymd(2022, 2, 12), hour: 16, minute: 4 }));
        // Summer: UTC-4.
        assert_eq!(to_utc(ymd(2022, 7, 4), 11, 4, et), Some(Utc { date: ymd(2022, 7, 4), hour: 15, minute: 4 }));
        // 2022-03-13 is the US spring-forward day: 01:30 is still EST, 03:30 is EDT.
        assert_eq!(to_utc(ymd(2022, 3, 13), 1, 30, et).map(|u| u.hour), Some(6));
        assert_eq!(to_utc(ymd(2022, 3, 13), 3, 30, et).map(|u| u.hour), Some(7));
        // 2022-11-06 falls back: 00:30 is EDT, 02:30 is EST.
        assert_eq!(to_utc(ymd(2022, 11, 6), 0, 30, et).map(|u| u.hour), Some(4));
        assert_eq!(to_utc(ymd(2022, 11, 6), 2, 30, et).map(|u| u.hour), Some(7));
    }

    #[test]
    fn offsets_can_cross_midnight_and_year() {
        let pst = ZONES[abbreviation("PST").unwrap() as usize].1;
        assert_eq!(to_utc(ymd(2021, 12, 31), 20, 0, pst), Some(Utc { date: ymd(2022, 1, 1), hour: 4, minute: 0 }));
        let msk = ZONES[abbreviation("MSK").unwrap() as usize].1;
        assert_eq!(to_utc(ymd(2022, 1, 1), 1, 0, msk), Some(Utc { date: ymd(2021, 12, 31), hour: 22, minute: 0 }));
    }
}
