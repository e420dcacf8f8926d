//! Normalized values and calendar arithmetic; TIMEX3 both ways (see [`Value`]).

use crate::error::{shorten, Error};
use chrono::{Datelike, Duration as Days, NaiveDate, NaiveDateTime, NaiveTime, Weekday};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// A part of the day, as TIMEX3 names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PartOfDay {
    /// `MO`: morning (утро).
    Morning,
    /// `MI`: midday (полдень).
    Midday,
    /// `AF`: afternoon, the daytime after noon (днём).
    Afternoon,
    /// `EV`: evening (вечер).
    Evening,
    /// `NI`: night (ночь).
    Night,
    /// `DT`: daytime as a whole.
    Daytime,
}

impl PartOfDay {
    /// The TIMEX3 code (`MO`, `MI`, `AF`, `EV`, `NI`, `DT`).
    pub fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Midday => "MI",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Daytime => "DT",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "MO" => PartOfDay::Morning,
            "MI" => PartOfDay::Midday,
            "AF" => PartOfDay::Afternoon,
            "EV" => PartOfDay::Evening,
            "NI" => PartOfDay::Night,
            "DT" => PartOfDay::Daytime,
            _ => return None,
        })
    }

    /// The 24-hour clock hour of an hour `h` said with this part of the day (11 in the
    /// evening is 23, 12 in the afternoon is 12); hours 0 and 13..=23 stand as they are.
    /// None for an hour the part cannot have (1 to 3 in the evening) or above 23.
    pub fn clock_hour(self, h: u32) -> Option<u32> {
        if h == 0 || h > 12 {
            return (h < 24).then_some(h);
        }
        Some(match self {
            PartOfDay::Morning => h % 12,
            PartOfDay::Afternoon | PartOfDay::Midday | PartOfDay::Daytime => {
                if h == 12 {
                    12
                } else {
                    h + 12
                }
            }
            PartOfDay::Evening => {
                if h < 4 {
                    return None;
                }
                (h % 12) + 12
            }
            PartOfDay::Night => {
                if h >= 9 {
                    (h % 12) + 12
                } else {
                    h
                }
            }
        })
    }

    /// A representative hour, used to order parts of a day among clock times.
    pub fn hour(self) -> u32 {
        match self {
            PartOfDay::Night => 0,
            PartOfDay::Morning => 6,
            PartOfDay::Midday | PartOfDay::Daytime => 12,
            PartOfDay::Afternoon => 15,
            PartOfDay::Evening => 20,
        }
    }
}

/// A season, as TIMEX3 names them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Season {
    /// `SP`: March to May.
    Spring,
    /// `SU`: June to August.
    Summer,
    /// `FA`: September to November.
    Fall,
    /// `WI`: December of the year before to February.
    Winter,
}

impl Season {
    /// The TIMEX3 code (`SP`, `SU`, `FA`, `WI`).
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    fn from_code(code: &str) -> Option<Self> {
        Some(match code {
            "SP" => Season::Spring,
            "SU" => Season::Summer,
            "FA" => Season::Fall,
            "WI" => Season::Winter,
            _ => return None,
        })
    }

    /// The season a date falls in, with the year the season is named by.
    pub fn of(date: NaiveDate) -> (i32, Season) {
        match date.month() {
            3..=5 => (date.year(), Season::Spring),
            6..=8 => (date.year(), Season::Summer),
            9..=11 => (date.year(), Season::Fall),
            12 => (date.year() + 1, Season::Winter),
            _ => (date.year(), Season::Winter),
        }
    }
}

/// A unit of time that amounts and durations count in, finest first (so `min` is the finer).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Unit {
    /// A second.
    Second,
    /// A minute.
    Minute,
    /// An hour.
    Hour,
    /// A day (a calendar day or twenty-four hours).
    Day,
    /// A week.
    Week,
    /// A month.
    Month,
    /// A quarter of a year (three months).
    Quarter,
    /// A year.
    Year,
}

impl Unit {
    /// The unit a half of this one is counted in (`half a year` is six months).
    pub fn finer(self) -> Unit {
        match self {
            Unit::Year => Unit::Month,
            Unit::Quarter | Unit::Month | Unit::Week => Unit::Day,
            Unit::Day => Unit::Hour,
            Unit::Hour => Unit::Minute,
            Unit::Minute | Unit::Second => Unit::Second,
        }
    }

    /// Half of this unit, in finer units.
    fn half(self) -> &'static [(Unit, u32)] {
        match self {
            Unit::Year => &[(Unit::Month, 6)],
            Unit::Quarter => &[(Unit::Day, 45)],
            Unit::Month => &[(Unit::Day, 15)],
            Unit::Week => &[(Unit::Day, 3), (Unit::Hour, 12)],
            Unit::Day => &[(Unit::Hour, 12)],
            Unit::Hour => &[(Unit::Minute, 30)],
            Unit::Minute => &[(Unit::Second, 30)],
            Unit::Second => &[],
        }
    }
}

/// A TIMEX3 duration: amounts of calendar and clock units (`P1Y6M`, `P2W`, `PT3H`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Duration {
    /// Years.
    pub years: u32,
    /// Months.
    pub months: u32,
    /// Weeks.
    pub weeks: u32,
    /// Days.
    pub days: u32,
    /// Hours.
    pub hours: u32,
    /// Minutes.
    pub minutes: u32,
    /// Seconds.
    pub seconds: u32,
}

impl Duration {
    /// No amount of anything.
    pub fn is_zero(&self) -> bool {
        *self == Duration::default()
    }

    /// One `unit` (a quarter is three months).
    pub fn one(unit: Unit) -> Duration {
        let mut d = Duration::default();
        let _ = d.add(unit, 1, false);
        d
    }

    /// Adds `n` units (plus a half when `half`); None on overflow, leaving the fields added
    /// so far. A quarter counts as three months; a half unit is written in finer units (one
    /// and a half hours is `PT1H30M`).
    pub fn add(&mut self, unit: Unit, n: u32, half: bool) -> Option<()> {
        let (whole, n) = match unit {
            Unit::Quarter => (Unit::Month, n.checked_mul(3)?),
            u => (u, n),
        };
        self.add_to(whole, n)?;
        if half {
            for &(u, v) in unit.half() {
                self.add_to(u, v)?;
            }
        }
        Some(())
    }

    /// Adds `v` to the field for unit `u` (quarters are months); None on overflow.
    fn add_to(&mut self, u: Unit, v: u32) -> Option<()> {
        let field = match u {
            Unit::Second => &mut self.seconds,
            Unit::Minute => &mut self.minutes,
            Unit::Hour => &mut self.hours,
            Unit::Day => &mut self.days,
            Unit::Week => &mut self.weeks,
            Unit::Month | Unit::Quarter => &mut self.months,
            Unit::Year => &mut self.years,
        };
        *field = field.checked_add(v)?;
        Some(())
    }
}

impl fmt::Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("P")?;
        for (n, u) in [(self.years, 'Y'), (self.months, 'M'), (self.weeks, 'W'), (self.days, 'D')] {
            if n > 0 {
                write!(f, "{n}{u}")?;
            }
        }
        if self.hours + self.minutes + self.seconds > 0 {
            f.write_str("T")?;
            for (n, u) in [(self.hours, 'H'), (self.minutes, 'M'), (self.seconds, 'S')] {
                if n > 0 {
                    write!(f, "{n}{u}")?;
                }
            }
        } else if self.is_zero() {
            f.write_str("0D")?;
        }
        Ok(())
    }
}

/// A normalized temporal value.
///
/// Normalized values in TIMEX3 (TimeML) form, both ways: `Value` writes its TIMEX3 string
/// with `Display` and reads it back with `FromStr`.
///
/// | value | TIMEX3 |
/// | --- | --- |
/// | a day | `2020-03-16` |
/// | a month, a year | `2020-03`, `2020` |
/// | an ISO week, its weekend | `2020-W12`, `2020-W12-WE` |
/// | a quarter, a half-year, a season | `2020-Q1`, `2020-H1`, `2020-SP` (`SU`, `FA`, `WI`) |
/// | a part of a day | `2020-03-17TMO` (`MI`, `AF`, `EV`, `NI`, `DT`) |
/// | a clock time on a day | `2020-03-20T17:00`, `2020-03-20T17:00:05` |
/// | an interval (inclusive ends) | `2020-03-16/2020-04-15` |
/// | a duration | `P14D`, `P2W`, `P1Y6M`, `PT3H`, `PT1H30M` |
/// | a weekly set | `XXXX-WXX-5` (Friday), `XXXX-WXX-WE` |
/// | deictic references | `PRESENT_REF`, `PAST_REF`, `FUTURE_REF` |
///
/// Winter belongs to the year in which it ends: `2021-WI` is December 2020 to February 2021.
///
/// ```
/// use khronika::Value;
/// let v: Value = "2020-03-16/2020-04-15".parse().unwrap();
/// assert_eq!(v.to_string(), "2020-03-16/2020-04-15");
/// assert_eq!(v.first_day().unwrap().to_string(), "2020-03-16");
/// assert!("2020-02-30".parse::<Value>().is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Value {
    /// A calendar day.
    Day(NaiveDate),
    /// A month of a year.
    Month {
        /// The year.
        year: i32,
        /// 1..=12.
        month: u32,
    },
    /// A year.
    Year(i32),
    /// An ISO week.
    Week {
        /// The ISO week-numbering year.
        year: i32,
        /// 1..=53.
        week: u32,
    },
    /// The Saturday and Sunday of an ISO week.
    Weekend {
        /// The ISO week-numbering year.
        year: i32,
        /// 1..=53.
        week: u32,
    },
    /// A quarter of a year.
    Quarter {
        /// The year.
        year: i32,
        /// 1..=4.
        quarter: u32,
    },
    /// A half of a year.
    Half {
        /// The year.
        year: i32,
        /// 1 or 2.
        half: u32,
    },
    /// A season of a year (winter belongs to the year it ends in).
    Season {
        /// The year.
        year: i32,
        /// Which season.
        season: Season,
    },
    /// A part of a day.
    PartOfDay {
        /// The day.
        date: NaiveDate,
        /// Which part.
        part: PartOfDay,
    },
    /// A clock time on a day, to the minute or the second.
    Time {
        /// The day.
        date: NaiveDate,
        /// The time of day.
        time: NaiveTime,
        /// Whether the seconds were given.
        seconds: bool,
    },
    /// From one value to another, both ends included.
    Interval(Box<Value>, Box<Value>),
    /// An amount of time (mentions of type DURATION, or SET for `ежедневно`).
    Duration(Duration),
    /// An unspecified number of units (`в течение нескольких часов`, `на протяжении многих
    /// лет`): TIMEX3 `PXD`, `PXW`, `PXM`, `PXY`, and with a `T` for the units of a day
    /// (`PTXH`, `PTXM`, `PTXS`), as `PT2H` is written; `PXQ` for quarters.
    VagueDuration(Unit),
    /// Every given weekday (1 = Monday ... 7 = Sunday): `XXXX-WXX-5`.
    EveryWeekday(u32),
    /// Every weekend: `XXXX-WXX-WE`.
    EveryWeekend,
    /// The present (`сейчас`).
    PresentRef,
    /// Some time in the past (`на днях`, `ранее`).
    PastRef,
    /// Some time in the future.
    FutureRef,
}

impl Value {
    /// A day from year, month, day, if it exists in the calendar.
    pub fn day(year: i32, month: u32, day: u32) -> Option<Value> {
        NaiveDate::from_ymd_opt(year, month, day).filter(|d| in_range(d.year())).map(Value::Day)
    }

    /// An interval from `a` to `b`. An interval given as an end stands for its own end on
    /// that side (its start as `a`, its end as `b`): an interval never nests.
    ///
    /// ```
    /// use khronika::Value;
    /// let days: Value = "2020-03-16/2020-03-18".parse().unwrap();
    /// let v = Value::interval(days, "2020-04-15".parse().unwrap());
    /// assert_eq!(v.to_string(), "2020-03-16/2020-04-15");
    /// ```
    pub fn interval(a: Value, b: Value) -> Value {
        let a = match a {
            Value::Interval(start, _) => *start,
            a => a,
        };
        let b = match b {
            Value::Interval(_, end) => *end,
            b => b,
        };
        Value::Interval(Box::new(a), Box::new(b))
    }

    /// Whether the value is fine enough for a day-by-day view (a chart's day axis, a daily
    /// panel): a day, a part of a day, a time, a week, a weekend, a month, or an interval of
    /// those.
    pub(crate) fn is_daily(&self) -> bool {
        match self {
            Value::Day(_)
            | Value::PartOfDay { .. }
            | Value::Time { .. }
            | Value::Week { .. }
            | Value::Weekend { .. }
            | Value::Month { .. } => true,
            Value::Interval(a, b) => a.is_daily() && b.is_daily(),
            _ => false,
        }
    }

    /// A week, month, quarter or year: its first day and its grain (what `в том же году`,
    /// `месяцем ранее` count from); None for every other value.
    pub(crate) fn period_start(&self) -> Option<(NaiveDate, Unit)> {
        let grain = match self {
            Value::Week { .. } => Unit::Week,
            Value::Month { .. } => Unit::Month,
            Value::Quarter { .. } => Unit::Quarter,
            Value::Year(_) => Unit::Year,
            _ => return None,
        };
        Some((self.first_day()?, grain))
    }

    /// The first calendar day the value covers (None for durations, sets and references).
    pub fn first_day(&self) -> Option<NaiveDate> {
        match self {
            Value::Day(d) | Value::PartOfDay { date: d, .. } | Value::Time { date: d, .. } => Some(*d),
            Value::Month { year, month } => NaiveDate::from_ymd_opt(*year, *month, 1),
            Value::Year(y) => NaiveDate::from_ymd_opt(*y, 1, 1),
            Value::Week { year, week } => NaiveDate::from_isoywd_opt(*year, *week, Weekday::Mon),
            Value::Weekend { year, week } => NaiveDate::from_isoywd_opt(*year, *week, Weekday::Sat),
            Value::Quarter { year, quarter } => {
                NaiveDate::from_ymd_opt(*year, quarter.checked_mul(3)?.checked_sub(2)?, 1)
            }
            Value::Half { year, half } => NaiveDate::from_ymd_opt(*year, half.checked_mul(6)?.checked_sub(5)?, 1),
            Value::Season { year, season } => match season {
                Season::Spring => NaiveDate::from_ymd_opt(*year, 3, 1),
                Season::Summer => NaiveDate::from_ymd_opt(*year, 6, 1),
                Season::Fall => NaiveDate::from_ymd_opt(*year, 9, 1),
                Season::Winter => NaiveDate::from_ymd_opt(year.checked_sub(1)?, 12, 1),
            },
            Value::Interval(a, _) => a.first_day(),
            _ => None,
        }
    }

    /// The last calendar day the value covers.
    pub fn last_day(&self) -> Option<NaiveDate> {
        let next_first = |y: i32, m: u32| -> Option<NaiveDate> {
            let (y, m) = match m {
                1..=11 => (y, m + 1),
                12 => (y.checked_add(1)?, 1),
                _ => return None,
            };
            NaiveDate::from_ymd_opt(y, m, 1)?.pred_opt()
        };
        match self {
            Value::Month { year, month } => next_first(*year, *month),
            Value::Year(y) => NaiveDate::from_ymd_opt(*y, 12, 31),
            Value::Week { year, week } | Value::Weekend { year, week } => {
                NaiveDate::from_isoywd_opt(*year, *week, Weekday::Sun)
            }
            Value::Quarter { year, quarter } => next_first(*year, quarter.checked_mul(3)?),
            Value::Half { year, half } => next_first(*year, half.checked_mul(6)?),
            Value::Season { year, season } => match season {
                Season::Spring => next_first(*year, 5),
                Season::Summer => next_first(*year, 8),
                Season::Fall => next_first(*year, 11),
                Season::Winter => next_first(*year, 2),
            },
            Value::Interval(_, b) => b.last_day(),
            other => other.first_day(),
        }
    }

    /// The moment the value starts, for ordering: a day at midnight, a part of a day at its
    /// representative hour, a clock time as it is.
    pub fn start(&self) -> Option<NaiveDateTime> {
        match self {
            Value::Time { date, time, .. } => Some(date.and_time(*time)),
            Value::PartOfDay { date, part } => date.and_hms_opt(part.hour(), 0, 0),
            Value::Interval(a, _) => a.start(),
            other => other.first_day().map(|d| d.and_time(NaiveTime::MIN)),
        }
    }

    /// The one day the value is on, when it is a day, a part of a day or a time on a day.
    pub fn on_day(&self) -> Option<NaiveDate> {
        match self {
            Value::Day(d) | Value::Time { date: d, .. } | Value::PartOfDay { date: d, .. } => Some(*d),
            _ => None,
        }
    }

    /// True for values that place something on the calendar (not durations, sets or
    /// `PRESENT_REF`-style references).
    pub fn is_calendar(&self) -> bool {
        self.first_day().is_some()
    }
}

/// Years TIMEX3 can write with four digits.
pub(crate) fn in_range(year: i32) -> bool {
    (0..=9999).contains(&year)
}

impl fmt::Display for Value {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ymd =
            |f: &mut fmt::Formatter<'_>, d: &NaiveDate| write!(f, "{:04}-{:02}-{:02}", d.year(), d.month(), d.day());
        match self {
            Value::Day(d) => ymd(f, d),
            Value::Month { year, month } => write!(f, "{year:04}-{month:02}"),
            Value::Year(y) => write!(f, "{y:04}"),
            Value::Week { year, week } => write!(f, "{year:04}-W{week:02}"),
            Value::Weekend { year, week } => write!(f, "{year:04}-W{week:02}-WE"),
            Value::Quarter { year, quarter } => write!(f, "{year:04}-Q{quarter}"),
            Value::Half { year, half } => write!(f, "{year:04}-H{half}"),
            Value::Season { year, season } => write!(f, "{year:04}-{}", season.code()),
            Value::PartOfDay { date, part } => {
                ymd(f, date)?;
                write!(f, "T{}", part.code())
            }
            Value::Time { date, time, seconds } => {
                ymd(f, date)?;
                if *seconds {
                    write!(f, "T{}", time.format("%H:%M:%S"))
                } else {
                    write!(f, "T{}", time.format("%H:%M"))
                }
            }
            Value::Interval(a, b) => write!(f, "{a}/{b}"),
            Value::Duration(d) => write!(f, "{d}"),
            Value::VagueDuration(u) => f.write_str(vague_code(*u)),
            Value::EveryWeekday(n) => write!(f, "XXXX-WXX-{n}"),
            Value::EveryWeekend => f.write_str("XXXX-WXX-WE"),
            Value::PresentRef => f.write_str("PRESENT_REF"),
            Value::PastRef => f.write_str("PAST_REF"),
            Value::FutureRef => f.write_str("FUTURE_REF"),
        }
    }
}

impl FromStr for Value {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self, Error> {
        let bad = |reason| Error::InvalidValue { found: shorten(s, 60), reason };
        match s {
            "PRESENT_REF" => return Ok(Value::PresentRef),
            "PAST_REF" => return Ok(Value::PastRef),
            "FUTURE_REF" => return Ok(Value::FutureRef),
            "XXXX-WXX-WE" => return Ok(Value::EveryWeekend),
            _ => {}
        }
        if let Some((a, b)) = s.split_once('/') {
            // Two ends, no more: a chain of `/` would also recurse once per `/`.
            if b.contains('/') {
                return Err(bad("an interval has two ends"));
            }
            let (a, b): (Value, Value) = (a.parse()?, b.parse()?);
            if !a.is_calendar() || !b.is_calendar() {
                return Err(bad("both ends of an interval must be calendar values"));
            }
            if b.last_day() < a.first_day() {
                return Err(bad("an interval cannot end before it starts"));
            }
            return Ok(Value::interval(a, b));
        }
        if let Some(rest) = s.strip_prefix("XXXX-WXX-") {
            return match digits(rest) {
                Some(n @ 1..=7) if rest.len() == 1 => Ok(Value::EveryWeekday(n)),
                _ => Err(bad("a weekly set names a weekday 1..7 or WE")),
            };
        }
        if let Some(&u) = VAGUE_UNITS.iter().find(|&&u| vague_code(u) == s) {
            return Ok(Value::VagueDuration(u));
        }
        if let Some(rest) = s.strip_prefix('P') {
            return parse_duration(rest)
                .map(Value::Duration)
                .ok_or_else(|| bad("expected a duration like P14D, P1Y6M, PT3H"));
        }
        parse_calendar(s).ok_or_else(|| bad("not a TIMEX3 date, time, interval, duration or set"))
    }
}

/// Every unit, for reading a vague duration back.
const VAGUE_UNITS: [Unit; 8] =
    [Unit::Second, Unit::Minute, Unit::Hour, Unit::Day, Unit::Week, Unit::Month, Unit::Quarter, Unit::Year];

/// The TIMEX3 value of an unspecified number of `unit`s.
fn vague_code(unit: Unit) -> &'static str {
    match unit {
        Unit::Second => "PTXS",
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day => "PXD",
        Unit::Week => "PXW",
        Unit::Month => "PXM",
        Unit::Quarter => "PXQ",
        Unit::Year => "PXY",
    }
}

fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

fn parse_duration(s: &str) -> Option<Duration> {
    let mut d = Duration::default();
    let (date, time) = match s.split_once('T') {
        Some((a, b)) => (a, Some(b)),
        None => (s, None),
    };
    let mut fill = |part: &str, units: &[char], time: bool| -> Option<()> {
        let mut n = String::new();
        let mut last = 0;
        for c in part.chars() {
            if c.is_ascii_digit() {
                n.push(c);
                continue;
            }
            let idx = units.iter().position(|&u| u == c)?;
            if idx < last || n.is_empty() {
                return None;
            }
            let v = digits(&n)?;
            n.clear();
            last = idx + 1;
            match (time, c) {
                (false, 'Y') => d.years = v,
                (false, 'M') => d.months = v,
                (false, 'W') => d.weeks = v,
                (false, 'D') => d.days = v,
                (true, 'H') => d.hours = v,
                (true, 'M') => d.minutes = v,
                (true, 'S') => d.seconds = v,
                _ => return None,
            }
        }
        n.is_empty().then_some(())
    };
    fill(date, &['Y', 'M', 'W', 'D'], false)?;
    if let Some(t) = time {
        if t.is_empty() {
            return None;
        }
        fill(t, &['H', 'M', 'S'], true)?;
    }
    if date.is_empty() && time.is_none() {
        return None;
    }
    Some(d)
}

fn parse_calendar(s: &str) -> Option<Value> {
    let year = digits(s.get(..4)?).filter(|_| s.as_bytes()[..4].iter().all(u8::is_ascii_digit))? as i32;
    let rest = &s[4..];
    if rest.is_empty() {
        return Some(Value::Year(year));
    }
    let rest = rest.strip_prefix('-')?;
    if let Some(season) = Season::from_code(rest) {
        return Some(Value::Season { year, season });
    }
    if let Some(w) = rest.strip_prefix('W') {
        let (num, we) = match w.split_once('-') {
            Some((n, "WE")) => (n, true),
            Some(_) => return None,
            None => (w, false),
        };
        let week = digits(num).filter(|_| num.len() == 2)?;
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon)?;
        return Some(if we { Value::Weekend { year, week } } else { Value::Week { year, week } });
    }
    if let Some(q) = rest.strip_prefix('Q') {
        let quarter = digits(q).filter(|q| (1..=4).contains(q) && rest.len() == 2)?;
        return Some(Value::Quarter { year, quarter });
    }
    if let Some(h) = rest.strip_prefix('H') {
        let half = digits(h).filter(|h| (1..=2).contains(h) && rest.len() == 2)?;
        return Some(Value::Half { year, half });
    }
    let month = digits(rest.get(..2)?).filter(|m| (1..=12).contains(m))?;
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some(Value::Month { year, month });
    }
    let rest = rest.strip_prefix('-')?;
    let day = digits(rest.get(..2)?)?;
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    let rest = &rest[2..];
    if rest.is_empty() {
        return Some(Value::Day(date));
    }
    let t = rest.strip_prefix('T')?;
    if let Some(part) = PartOfDay::from_code(t) {
        return Some(Value::PartOfDay { date, part });
    }
    let b = t.as_bytes();
    let two = |i: usize| -> Option<u32> { digits(t.get(i..i + 2)?) };
    let (hour, minute) = (two(0)?, two(3)?);
    if b.get(2) != Some(&b':') {
        return None;
    }
    let (second, seconds) = match t.len() {
        5 => (0, false),
        8 if b.get(5) == Some(&b':') => (two(6)?, true),
        _ => return None,
    };
    let time = NaiveTime::from_hms_opt(hour, minute, second)?;
    Some(Value::Time { date, time, seconds })
}

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

/// Can `day` be a day of `month` (1..=12)? With a year, 29 February needs a leap year;
/// without one it is kept (the year is checked once known).
pub(crate) fn valid_day(day: u32, month: u32, year: Option<i32>) -> bool {
    if !(1..=12).contains(&month) || day == 0 {
        return false;
    }
    let max = match month {
        2 => match year {
            Some(y) if NaiveDate::from_ymd_opt(y, 2, 29).is_none() => 28,
            _ => 29,
        },
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    day <= max
}

/// The days of a duration of whole days, weeks, months or years (at least one day) that end
/// on `end`: the window `end − duration .. end` (`за неделю` in a report published on 12
/// November is 5–12 November). None for a duration of hours or minutes, or outside the
/// calendar.
pub(crate) fn window_ending(d: &Duration, end: NaiveDate) -> Option<Value> {
    if d.hours != 0 || d.minutes != 0 || d.seconds != 0 || d.is_zero() {
        return None;
    }
    let months = d.years.checked_mul(12)?.checked_add(d.months)?;
    let start = end.checked_sub_months(chrono::Months::new(months))?;
    let start = add_days(start, -(i64::from(d.weeks) * 7 + i64::from(d.days)))?;
    Some(Value::interval(Value::Day(start), Value::Day(end)))
}

/// Adds whole days to a date, None outside the calendar.
pub(crate) fn add_days(date: NaiveDate, days: i64) -> Option<NaiveDate> {
    date.checked_add_signed(Days::try_days(days)?).filter(|d| in_range(d.year()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_end_on_their_day() {
        let end = NaiveDate::from_ymd_opt(2021, 11, 12).unwrap();
        let week = Duration::one(Unit::Week);
        assert_eq!(window_ending(&week, end).unwrap().to_string(), "2021-11-05/2021-11-12");
        assert_eq!(window_ending(&Duration::one(Unit::Month), end).unwrap().to_string(), "2021-10-12/2021-11-12");
        let mut ten = Duration::default();
        ten.add(Unit::Day, 10, false).unwrap();
        assert_eq!(window_ending(&ten, end).unwrap().to_string(), "2021-11-02/2021-11-12");
        assert!(window_ending(&Duration::one(Unit::Hour), end).is_none());
        assert!(window_ending(&Duration::default(), end).is_none());
        let mut huge = Duration::default();
        huge.add(Unit::Year, u32::MAX / 12, false).unwrap();
        assert!(window_ending(&huge, end).is_none());
    }

    #[test]
    fn round_trips() {
        for s in [
            "2020-03-16",
            "2020-03",
            "2020",
            "2020-W12",
            "2020-W12-WE",
            "2020-Q1",
            "2020-H2",
            "2020-SP",
            "2021-WI",
            "2020-03-17TMO",
            "2020-03-20T17:00",
            "2020-03-20T17:00:05",
            "2020-03-16/2020-04-15",
            "P14D",
            "P2W",
            "P1Y6M",
            "PT3H",
            "PT1H30M",
            "P1DT2H",
            "XXXX-WXX-5",
            "XXXX-WXX-WE",
            "PRESENT_REF",
            "PAST_REF",
            "FUTURE_REF",
            "0000",
            "9999-12-31",
        ] {
            let v: Value = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
            assert_eq!(v.to_string(), s);
        }
    }

    #[test]
    fn rejects_garbage() {
        for s in [
            "",
            "2020-13",
            "2020-02-30",
            "2020-W54",
            "2021-W53",
            "2020-Q5",
            "P",
            "PT",
            "P1H",
            "2020-03-20T24:00",
            "2020-03-20T9:00",
            "XXXX-WXX-8",
            "20",
            "2020-",
            "2020-03-16/P1D",
            "P1D2Y",
            "２０２０",
        ] {
            assert!(s.parse::<Value>().is_err(), "{s} should not parse");
        }
    }

    #[test]
    fn spans_of_periods() {
        let v: Value = "2021-WI".parse().unwrap();
        assert_eq!(v.first_day(), NaiveDate::from_ymd_opt(2020, 12, 1));
        assert_eq!(v.last_day(), NaiveDate::from_ymd_opt(2021, 2, 28));
        let w: Value = "2020-W12-WE".parse().unwrap();
        assert_eq!(w.first_day(), NaiveDate::from_ymd_opt(2020, 3, 21));
        let q: Value = "2020-Q1".parse().unwrap();
        assert_eq!(q.last_day(), NaiveDate::from_ymd_opt(2020, 3, 31));
    }
}
