//! Validity periods: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, open at either end.

use dyad_core::Date;

/// The period in which an entry holds, both ends inclusive; `None` is open.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Validity {
    /// First day, or open.
    pub from: Option<Date>,
    /// Last day, or open (still in office).
    pub to: Option<Date>,
}

impl Validity {
    /// Always valid.
    pub const ALWAYS: Validity = Validity { from: None, to: None };

    /// True when `date` lies in the period.
    pub fn contains(self, date: Date) -> bool {
        self.from.is_none_or(|f| f <= date) && self.to.is_none_or(|t| date <= t)
    }

    /// True when the two periods share a day.
    pub fn overlaps(self, other: Validity) -> bool {
        let starts_before_other_ends = match (self.from, other.to) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        let other_starts_before_end = match (other.from, self.to) {
            (Some(a), Some(b)) => a <= b,
            _ => true,
        };
        starts_before_other_ends && other_starts_before_end
    }
}

/// Parses a period boundary. `YYYY-MM` and `YYYY` mean the first day when `end` is false
/// and the last day when it is true. An empty string is an open end.
pub(crate) fn parse_bound(s: &str, end: bool) -> Result<Option<Date>, String> {
    let s = s.trim();
    if s.is_empty() {
        return Ok(None);
    }
    let bad = || format!("'{s}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
    let parts: Vec<&str> = s.split('-').collect();
    if parts.is_empty() || parts.len() > 3 || parts[0].len() != 4 || parts[1..].iter().any(|p| p.len() != 2) {
        return Err(bad());
    }
    let num = |p: &str| p.parse::<i16>().map_err(|_| bad());
    let year = num(parts[0])?;
    let month = parts.get(1).map(|p| num(p)).transpose()?;
    let day = parts.get(2).map(|p| num(p)).transpose()?;
    let month_i8 = |m: i16| i8::try_from(m).map_err(|_| bad());
    let date = match (month, day) {
        (None, _) => Date::new(year, if end { 12 } else { 1 }, if end { 31 } else { 1 }),
        (Some(m), None) => Date::new(year, month_i8(m)?, 1).map(|d| if end { d.last_of_month() } else { d }),
        (Some(m), Some(d)) => Date::new(year, month_i8(m)?, i8::try_from(d).map_err(|_| bad())?),
    };
    date.map(Some).map_err(|_| bad())
}

/// Parses both ends of a period and checks their order.
pub(crate) fn parse_period(from: &str, to: &str) -> Result<Validity, String> {
    let v = Validity { from: parse_bound(from, false)?, to: parse_bound(to, true)? };
    if let (Some(f), Some(t)) = (v.from, v.to)
        && t < f
    {
        return Err(format!("period ends ({to}) before it starts ({from})"));
    }
    Ok(v)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().unwrap()
    }

    #[test]
    fn bounds_widen_to_the_whole_month_or_year() {
        assert_eq!(parse_bound("2021-01", false), Ok(Some(d("2021-01-01"))));
        assert_eq!(parse_bound("2021-02", true), Ok(Some(d("2021-02-28"))));
        assert_eq!(parse_bound("2014", true), Ok(Some(d("2014-12-31"))));
        assert_eq!(parse_bound("", true), Ok(None));
        for bad in ["2021-13", "21-01-01", "2021-02-30", "yesterday", "2021/01/01", "2021-1-1"] {
            assert!(parse_bound(bad, false).is_err(), "{bad}");
        }
    }

    #[test]
    fn periods_contain_and_overlap() {
        let v = parse_period("2021-01-26", "2025-01-20").unwrap();
        assert!(v.contains(d("2022-02-12")));
        assert!(!v.contains(d("2025-01-21")));
        let open = parse_period("2025-01", "").unwrap();
        assert!(v.overlaps(open));
        assert!(!v.overlaps(parse_period("2025-01-21", "").unwrap()));
        assert!(parse_period("2022", "2021").is_err());
    }
}
