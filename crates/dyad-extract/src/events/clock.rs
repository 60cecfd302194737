//! Event times of day: [`dyad_core::Event::time`] from the clock times of the time layer.
//!
//! What is filled, and what is not (the honest part):
//!
//! - An event gets a time only from a TIME expression with a clock value that the date
//!   rules chose for it (its own clause's time, else the nearest in its sentence) and whose
//!   calendar day is the event's date ("met X at 9:15 am ET" → start = end =
//!   `2022-02-12T14:15:00Z`). A clock time the time layer put on another day than the one
//!   the event is dated to ("at 9 pm ET on Friday") is not trusted, and evening times west
//!   of UTC whose UTC instant falls on the next day are lost with them.
//! - Only zoned values are instants: "at 9:15 am ET" and "14:15 GMT" are, "at noon" and
//!   "9:30 pm local time" are not (the zone would have to be guessed from the place), so
//!   they give no time. Parts of the day ("Tuesday afternoon") give no time either.
//! - A range ("opened at 9:15 am ET ... closed at 10:40 am ET", "from 2 am to 5 am GMT")
//!   ends at the first later instant of the sentence introduced by an end word.
//! - The publication time is never an event's time: a story published at 09:00 says nothing
//!   of the hour its events happened, so an event dated by the publication date, the story's
//!   current date or an anchored duration has `time: None`.
//!
//! A definite mention of an event already coded ("the talks opened at 9:15 am ET") is not a
//! new event, but its clock time is given to the earlier event (see `code.rs`).

use super::sent::Sent;
use dyad_core::{Timex, TimexKind};

fn num(s: &str) -> Option<i64> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())).then(|| s.parse().ok()).flatten()
}

/// Days since 1970-01-01 of a civil date.
pub(super) fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

/// A zoned TIMEX3 clock value as a UTC instant `YYYY-MM-DDTHH:MM:SSZ`:
/// "2022-02-12T14:15Z" → "2022-02-12T14:15:00Z", "2022-02-12T17:15+03:00" →
/// "2022-02-12T14:15:00Z". `None` for dates, parts of the day ("2022-02-08TAF") and
/// clock times without a zone ("2022-02-13T21:30").
pub fn instant(value: &str) -> Option<String> {
    let (date, rest) = value.split_once('T')?;
    let mut d = date.split('-');
    let (y, m, dd) = (num(d.next()?)?, num(d.next()?)?, num(d.next()?)?);
    if d.next().is_some() || date.len() != 10 || !(1..=12).contains(&m) || !(1..=31).contains(&dd) {
        return None;
    }
    let zone_at = rest.find(['Z', '+', '-'])?;
    let (clock, zone) = rest.split_at(zone_at);
    let mut c = clock.split(':');
    let (h, mi) = (num(c.next()?)?, num(c.next()?)?);
    let sec = match c.next() {
        Some(x) => num(x.split('.').next()?)?,
        None => 0,
    };
    if c.next().is_some() || h > 24 || mi > 59 || sec > 60 {
        return None;
    }
    let offset_min = if zone == "Z" {
        0
    } else {
        let sign = if zone.starts_with('-') { -1 } else { 1 };
        let z = zone[1..].replace(':', "");
        let (zh, zm) = match z.len() {
            2 => (num(&z)?, 0),
            4 => (num(&z[..2])?, num(&z[2..])?),
            _ => return None,
        };
        sign * (zh * 60 + zm)
    };
    let minutes = days_from_civil(y, m, dd) * 1440 + h * 60 + mi - offset_min;
    let (yy, mm, d2) = civil_from_days(minutes.div_euclid(1440));
    let of_day = minutes.rem_euclid(1440);
    Some(format!("{yy:04}-{mm:02}-{d2:02}T{:02}:{:02}:{sec:02}Z", of_day / 60, of_day % 60))
}

/// Words that say a clock time ends a span ("until 5 pm", "closed at 10:40 am").
const END_WORDS: &[&str] = &[
    "until",
    "till",
    "til",
    "to",
    "through",
    "-",
    "–",
    "and",
    "end",
    "ended",
    "ends",
    "ending",
    "finished",
    "concluded",
];

/// The event's time from the timex its date was taken from (index into `doc.timexes`), on
/// the event's `date`: start and end instants, or `None` (see the module doc).
pub fn event_time(s: &Sent, chosen: Option<usize>, date: Option<&str>) -> Option<(String, String)> {
    let doc = s.doc;
    let t = doc.timexes.get(chosen?)?;
    let start = clock_instant(t)?;
    // the calendar day the value names must be the event's day
    if t.value.as_deref()?.get(..10) != Some(date?) {
        return None;
    }
    let sspan = doc.sentences.get(s.index)?.span;
    let text = doc.text();
    let end = doc
        .timexes
        .iter()
        .filter(|u| u.span.start >= t.span.end && u.span.end <= sspan.end)
        .filter_map(|u| clock_instant(u).map(|i| (u, i)))
        .filter(|(_, i)| *i > start)
        .find(|(u, _)| {
            // the last few words before the later time, within the same clause
            let before = &text[t.span.end as usize..u.span.start as usize];
            let words: Vec<String> = before
                .split(|c: char| c.is_whitespace() || c == '(' || c == ')')
                .filter(|w| !w.is_empty())
                .map(|w| w.trim_matches(',').to_lowercase())
                .collect();
            words.iter().rev().take(4).any(|w| END_WORDS.contains(&w.as_str()))
        })
        .map(|(_, i)| i);
    Some((start.clone(), end.unwrap_or(start)))
}

fn clock_instant(t: &Timex) -> Option<String> {
    if t.kind != TimexKind::Time {
        return None;
    }
    instant(t.value.as_deref()?)
}

#[cfg(test)]
mod tests {
    use super::instant;

    #[test]
    fn zoned_values_become_utc_instants() {
        assert_eq!(instant("2022-02-12T14:15Z").as_deref(), Some("2022-02-12T14:15:00Z"));
        assert_eq!(instant("2022-02-12T17:15+03:00").as_deref(), Some("2022-02-12T14:15:00Z"));
        assert_eq!(instant("2022-02-12T21:30-0500").as_deref(), Some("2022-02-13T02:30:00Z"));
        assert_eq!(instant("2022-03-01T01:15:30+02").as_deref(), Some("2022-02-28T23:15:30Z"));
        assert_eq!(instant("2024-01-01T00:10+01:00").as_deref(), Some("2023-12-31T23:10:00Z"));
    }

    #[test]
    fn dates_parts_of_day_and_local_times_are_not_instants() {
        for v in ["2022-02-12", "2022-02-08TAF", "2022-02-13T21:30", "2022-W06", "PT1H", "2022-02-12T25:00Z", ""] {
            assert_eq!(instant(v), None, "{v}");
        }
    }
}
