//! Calendar arithmetic on plain integers, and [`Point`]: a date at some granularity
//! (day, week, month, quarter, year, ...) written as a TIMEX3 value.
//!
//! Everything here is checked: years stay in 1..=9999 (TIMEX3 writes four digits), and
//! an impossible date gives `None`, never a panic.

use crate::lexicon::{SEASONS, Unit};
use std::fmt;

/// A valid proleptic Gregorian date with a year in 1..=9999.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct Ymd {
    pub(crate) y: i32,
    pub(crate) m: u8,
    pub(crate) d: u8,
}

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Ymd {
    /// The date, if it exists.
    pub(crate) fn new(y: i32, m: u8, d: u8) -> Option<Ymd> {
        ((1..=9999).contains(&y) && (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd {
            y,
            m,
            d,
        })
    }

    /// Days since 1970-01-01 (after H. Hinnant's `days_from_civil`).
    pub(crate) fn to_days(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, if its year is in range.
    pub(crate) fn from_days(days: i64) -> Option<Ymd> {
        let z = days.checked_add(719_468)?;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let y = yoe + era * 400 + i64::from(m <= 2);
        Ymd::new(i32::try_from(y).ok()?, m, d)
    }

    pub(crate) fn add_days(self, n: i64) -> Option<Ymd> {
        Ymd::from_days(self.to_days().checked_add(n)?)
    }

    /// Adds months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29).
    pub(crate) fn add_months(self, n: i64) -> Option<Ymd> {
        let (y, m) = add_months(self.y, self.m, n)?;
        Ymd::new(y, m, self.d.min(days_in_month(y, m)))
    }

    /// ISO weekday: 1 = Monday ..= 7 = Sunday.
    pub(crate) fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (4).
        ((self.to_days() + 3).rem_euclid(7) + 1) as u8
    }

    /// ISO 8601 week-numbering year and week.
    pub(crate) fn iso_week(self) -> (i32, u8) {
        let thursday = self.add_days(4 - i64::from(self.weekday())).unwrap_or(self);
        let jan1 = Ymd { y: thursday.y, m: 1, d: 1 };
        let week = (thursday.to_days() - jan1.to_days()) / 7 + 1;
        (thursday.y, week as u8)
    }

    pub(crate) fn quarter(self) -> u8 {
        (self.m - 1) / 3 + 1
    }
}

/// Year and month `n` months after `y`-`m`.
pub(crate) fn add_months(y: i32, m: u8, n: i64) -> Option<(i32, u8)> {
    let total = i64::from(y).checked_mul(12)?.checked_add(i64::from(m) - 1)?.checked_add(n)?;
    let y = i32::try_from(total.div_euclid(12)).ok()?;
    let m = (total.rem_euclid(12) + 1) as u8;
    (1..=9999).contains(&y).then_some((y, m))
}

/// A date at some granularity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Point {
    Day(Ymd),
    Week(i32, u8),
    Weekend(i32, u8),
    Month(i32, u8),
    Season(i32, u8),
    Quarter(i32, u8),
    Half(i32, u8),
    Year(i32),
    /// The decade by its first three digits (199 for the 1990s).
    Decade(i32),
    /// The century by its first two digits (19 for 1900–1999).
    Century(i32),
}

fn year_ok(y: i32) -> Option<i32> {
    (1..=9999).contains(&y).then_some(y)
}

impl Point {
    /// The year, when the point lies inside one.
    pub(crate) fn year(self) -> Option<i32> {
        match self {
            Point::Day(d) => Some(d.y),
            Point::Week(y, _)
            | Point::Weekend(y, _)
            | Point::Month(y, _)
            | Point::Season(y, _)
            | Point::Quarter(y, _)
            | Point::Half(y, _)
            | Point::Year(y) => Some(y),
            Point::Decade(_) | Point::Century(_) => None,
        }
    }

    /// The week containing `d`.
    pub(crate) fn week_of(d: Ymd) -> Point {
        let (y, w) = d.iso_week();
        Point::Week(y, w)
    }

    /// `n` units from `d`, written at the unit's granularity ("two weeks ago" is a week).
    pub(crate) fn from_day(d: Ymd, unit: Unit, n: i64) -> Option<Point> {
        Some(match unit {
            Unit::Day => Point::Day(d.add_days(n)?),
            Unit::Week | Unit::Weekend => Point::week_of(d.add_days(n.checked_mul(7)?)?),
            Unit::Fortnight => Point::week_of(d.add_days(n.checked_mul(14)?)?),
            Unit::Month => {
                let (y, m) = add_months(d.y, d.m, n)?;
                Point::Month(y, m)
            }
            Unit::Quarter => {
                let (y, m) = add_months(d.y, d.m, n.checked_mul(3)?)?;
                Point::Quarter(y, (m - 1) / 3 + 1)
            }
            Unit::Year => Point::Year(year_ok(i32::try_from(i64::from(d.y).checked_add(n)?).ok()?)?),
            Unit::Decade => Point::Decade(i32::try_from((i64::from(d.y).checked_add(n.checked_mul(10)?)?) / 10).ok()?),
            Unit::Century => {
                Point::Century(i32::try_from((i64::from(d.y).checked_add(n.checked_mul(100)?)?) / 100).ok()?)
            }
            Unit::Hour | Unit::Minute | Unit::Second => Point::Day(d),
        })
    }

    /// This point moved by `n` units, keeping its own granularity where it can
    /// ("a year earlier" than 1989-Q3 is 1988-Q3).
    pub(crate) fn shift(self, unit: Unit, n: i64) -> Option<Point> {
        let months = match unit {
            Unit::Year => n.checked_mul(12)?,
            Unit::Quarter => n.checked_mul(3)?,
            Unit::Month => n,
            Unit::Decade => n.checked_mul(120)?,
            Unit::Century => n.checked_mul(1200)?,
            _ => 0,
        };
        let days = match unit {
            Unit::Day => n,
            Unit::Week | Unit::Weekend => n.checked_mul(7)?,
            Unit::Fortnight => n.checked_mul(14)?,
            _ => 0,
        };
        let ym = |y: i32, m: u8| add_months(y, m, months);
        Some(match self {
            Point::Day(d) => Point::Day(d.add_months(months)?.add_days(days)?),
            Point::Week(..) | Point::Weekend(..) if days == 0 && months != 0 => {
                let monday = self.first_day()?;
                let (y, w) = monday.add_months(months)?.iso_week();
                if matches!(self, Point::Weekend(..)) { Point::Weekend(y, w) } else { Point::Week(y, w) }
            }
            Point::Week(..) | Point::Weekend(..) => {
                let (y, w) = self.first_day()?.add_days(days)?.iso_week();
                if matches!(self, Point::Weekend(..)) { Point::Weekend(y, w) } else { Point::Week(y, w) }
            }
            Point::Month(y, m) if days == 0 => {
                let (y, m) = ym(y, m)?;
                Point::Month(y, m)
            }
            Point::Quarter(y, q) if days == 0 && months % 3 == 0 => {
                let (y, m) = ym(y, q * 3 - 2)?;
                Point::Quarter(y, (m - 1) / 3 + 1)
            }
            Point::Half(y, h) if days == 0 && months % 6 == 0 => {
                let (y, m) = ym(y, h * 6 - 5)?;
                Point::Half(y, (m - 1) / 6 + 1)
            }
            Point::Season(y, s) if days == 0 && months % 12 == 0 => {
                Point::Season(year_ok(i32::try_from(i64::from(y) + months / 12).ok()?)?, s)
            }
            Point::Year(y) if days == 0 && months % 12 == 0 => {
                Point::Year(year_ok(i32::try_from(i64::from(y) + months / 12).ok()?)?)
            }
            Point::Decade(d) if days == 0 && months % 120 == 0 => Point::Decade(d + (months / 120) as i32),
            Point::Century(c) if days == 0 && months % 1200 == 0 => Point::Century(c + (months / 1200) as i32),
            other => Point::from_day(other.first_day()?, unit, n)?,
        })
    }

    /// The first day of the point.
    pub(crate) fn first_day(self) -> Option<Ymd> {
        match self {
            Point::Day(d) => Some(d),
            Point::Week(y, w) | Point::Weekend(y, w) => {
                let jan4 = Ymd::new(y, 1, 4)?;
                let monday1 = jan4.add_days(1 - i64::from(jan4.weekday()))?;
                let monday = monday1.add_days(7 * (i64::from(w) - 1))?;
                if matches!(self, Point::Weekend(..)) { monday.add_days(5) } else { Some(monday) }
            }
            Point::Month(y, m) => Ymd::new(y, m, 1),
            Point::Season(y, s) => Ymd::new(y, [3, 6, 9, 12][usize::from(s.min(3))], 1),
            Point::Quarter(y, q) => Ymd::new(y, q * 3 - 2, 1),
            Point::Half(y, h) => Ymd::new(y, h * 6 - 5, 1),
            Point::Year(y) => Ymd::new(y, 1, 1),
            Point::Decade(d) => Ymd::new(d.checked_mul(10)?, 1, 1),
            Point::Century(c) => Ymd::new(c.checked_mul(100)?.max(1), 1, 1),
        }
    }
}

impl Point {
    /// The TIMEX3 value, written without the formatting machinery (this runs for every
    /// expression found).
    pub(crate) fn value(self) -> String {
        let mut s = String::with_capacity(13);
        // Zero-padded to `width` digits; years are 1..=9999, so no sign.
        let num = |s: &mut String, v: i32, width: usize| {
            let v = v.unsigned_abs();
            let digits = if v >= 1000 {
                4
            } else if v >= 100 {
                3
            } else if v >= 10 {
                2
            } else {
                1
            };
            for _ in digits..width {
                s.push('0');
            }
            let mut div = 10u32.pow(digits.max(1) as u32 - 1);
            while div > 0 {
                s.push(char::from(b'0' + ((v / div) % 10) as u8));
                div /= 10;
            }
        };
        match self {
            Point::Day(d) => {
                num(&mut s, d.y, 4);
                s.push('-');
                num(&mut s, i32::from(d.m), 2);
                s.push('-');
                num(&mut s, i32::from(d.d), 2);
            }
            Point::Week(y, w) | Point::Weekend(y, w) => {
                num(&mut s, y, 4);
                s.push_str("-W");
                num(&mut s, i32::from(w), 2);
                if matches!(self, Point::Weekend(..)) {
                    s.push_str("-WE");
                }
            }
            Point::Month(y, m) => {
                num(&mut s, y, 4);
                s.push('-');
                num(&mut s, i32::from(m), 2);
            }
            Point::Season(y, season) => {
                num(&mut s, y, 4);
                s.push('-');
                s.push_str(SEASONS[usize::from(season.min(3))]);
            }
            Point::Quarter(y, q) | Point::Half(y, q) => {
                num(&mut s, y, 4);
                s.push_str(if matches!(self, Point::Quarter(..)) { "-Q" } else { "-H" });
                num(&mut s, i32::from(q), 1);
            }
            Point::Year(y) => num(&mut s, y, 4),
            Point::Decade(d) => num(&mut s, d, 3),
            Point::Century(c) => num(&mut s, c, 2),
        }
        s
    }
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ymd(y: i32, m: u8, d: u8) -> Ymd {
        Ymd::new(y, m, d).unwrap()
    }

    #[test]
    fn day_numbers_round_trip_and_weekdays() {
        for days in [-719_000i64, -1, 0, 1, 19_000, 19_036, 2_900_000] {
            let d = Ymd::from_days(days).unwrap();
            assert_eq!(d.to_days(), days);
        }
        assert_eq!(ymd(2022, 2, 13).weekday(), 7);
        assert_eq!(ymd(2022, 2, 12).weekday(), 6);
        assert_eq!(ymd(2000, 1, 1).weekday(), 6);
    }

    #[test]
    fn leap_years_and_impossible_dates() {
        assert!(Ymd::new(2024, 2, 29).is_some());
        assert!(Ymd::new(2023, 2, 29).is_none());
        assert!(Ymd::new(1900, 2, 29).is_none());
        assert!(Ymd::new(2000, 2, 29).is_some());
        assert!(Ymd::new(2022, 2, 30).is_none());
        assert!(Ymd::new(99_999, 1, 1).is_none());
        assert_eq!(ymd(2024, 1, 31).add_months(1), Some(ymd(2024, 2, 29)));
        assert_eq!(ymd(2024, 2, 29).add_months(12), Some(ymd(2025, 2, 28)));
        assert_eq!(ymd(9999, 12, 31).add_days(1), None);
    }

    #[test]
    fn iso_weeks_at_year_edges() {
        assert_eq!(ymd(2021, 1, 3).iso_week(), (2020, 53));
        assert_eq!(ymd(2021, 1, 4).iso_week(), (2021, 1));
        assert_eq!(ymd(2024, 12, 30).iso_week(), (2025, 1));
        assert_eq!(Point::Week(2020, 53).first_day(), Some(ymd(2020, 12, 28)));
    }

    #[test]
    fn shifting_keeps_granularity() {
        assert_eq!(Point::Quarter(1989, 3).shift(Unit::Year, -1).unwrap().to_string(), "1988-Q3");
        assert_eq!(Point::Quarter(1989, 1).shift(Unit::Quarter, -1).unwrap().to_string(), "1988-Q4");
        assert_eq!(Point::Day(ymd(2024, 2, 29)).shift(Unit::Year, -1).unwrap().to_string(), "2023-02-28");
        assert_eq!(Point::Month(2022, 1).shift(Unit::Month, -1).unwrap().to_string(), "2021-12");
        assert_eq!(Point::Week(2021, 1).shift(Unit::Week, -1).unwrap().to_string(), "2020-W53");
        assert_eq!(Point::from_day(ymd(2022, 2, 13), Unit::Year, -8).unwrap().to_string(), "2014");
    }

    #[test]
    fn values_are_written_as_timex3() {
        let d = ymd(2022, 2, 3);
        let cases = [
            (Point::Day(d), "2022-02-03"),
            (Point::Day(ymd(987, 12, 31)), "0987-12-31"),
            (Point::Week(2022, 5), "2022-W05"),
            (Point::Weekend(2022, 52), "2022-W52-WE"),
            (Point::Month(2022, 11), "2022-11"),
            (Point::Season(1994, 3), "1994-WI"),
            (Point::Quarter(1989, 3), "1989-Q3"),
            (Point::Half(1991, 1), "1991-H1"),
            (Point::Year(33), "0033"),
            (Point::Decade(199), "199"),
            (Point::Decade(5), "005"),
            (Point::Century(19), "19"),
            (Point::Century(0), "00"),
        ];
        for (p, want) in cases {
            assert_eq!(p.value(), want);
        }
    }
}
