//! What the text says, before resolution: temporal expressions as the grammar reads them.
//!
//! An [`Expr`] keeps what is written and nothing more: `16 марта` is a day and a month with
//! no year; `вчера` is one day before the reference. The [resolver](crate::resolve) turns it
//! into a [`Value`](crate::Value) against the publication date, the previous mention and the
//! sentence's tense.

use crate::mention::Mod;
use crate::value::{valid_day, Duration, PartOfDay, Season, Unit};
use std::ops::Range;

/// A match of a language's grammar: the tokens it covers, what they say, and the mod a
/// preposition gave it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Token indices covered (end exclusive).
    pub tokens: Range<usize>,
    /// The expression.
    pub expr: Expr,
    /// The mod from a preposition (`до` → BEFORE), if any.
    pub modifier: Option<Mod>,
}

/// A part of a larger period (`в начале марта`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Portion {
    /// Its start.
    Start,
    /// Its middle.
    Mid,
    /// Its end.
    End,
}

/// Which way a clause's verbs point in time: the language's tense cues find it, the
/// resolver uses it for year-less dates and bare weekdays.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    /// Past forms (`ввели`, `выявлено`).
    Past,
    /// Future forms (`будет`, `продлится`, `введут`).
    Future,
}

/// A year as written: a number, a shift from the publication year, or two digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearRef {
    /// `2020`, `2020 года`.
    Absolute(i32),
    /// `прошлого года` (-1), `этого года` (0), `следующего года` (+1).
    Shift(i32),
    /// `16.03.20`, `авг 96`: the century comes from the publication year.
    TwoDigit(u32),
}

/// A holiday whose date moves from year to year.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Feast {
    /// Orthodox Easter (computed for 1900..=2099).
    OrthodoxEaster,
    /// Eid al-Fitr, `Ораза айт`: the date Kazakhstan's Muslim Board announced, for the years
    /// of the resolver's table.
    EidAlFitr,
    /// Eid al-Adha, `Курбан айт`: the date Kazakhstan's government set, for the years of the
    /// resolver's table.
    EidAlAdha,
}

/// A time of day on the clock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Clock {
    /// 0..=23.
    pub hour: u32,
    /// 0..=59.
    pub minute: u32,
    /// Seconds, when written.
    pub second: Option<u32>,
}

/// Where a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Base {
    /// The publication time (`3 дня назад`, `через неделю`).
    Publication,
    /// The latest date mentioned before (`спустя три дня`, `на следующий день`).
    Previous,
}

/// An unresolved temporal expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Expr {
    /// A day of a month, or a whole month when `day` is None; the year when written.
    Date {
        /// 1..=31, None for a month.
        day: Option<u32>,
        /// 1..=12.
        month: u32,
        /// The year, when written.
        year: Option<YearRef>,
    },
    /// A year.
    Year(YearRef),
    /// A day counted from the publication day (`сегодня` 0, `вчера` -1).
    Deictic(i32),
    /// The present moment (`сейчас`, `в настоящее время`).
    Present,
    /// Some recent day (`на днях`).
    Recently,
    /// Some time soon (`в ближайшее время`): FUTURE_REF.
    Soon,
    /// A clock time with no day of its own.
    Clock(Clock),
    /// A day and a clock time on it.
    At(Box<Expr>, Clock),
    /// A part of a day: of the given day, or of the publication day.
    PartOfDay(Option<Box<Expr>>, PartOfDay),
    /// From one expression to another, ends included.
    Range(Box<Expr>, Box<Expr>),
    /// An amount of time before or after a base (`3 дня назад`, `через две недели`).
    Offset {
        /// How much.
        amount: Duration,
        /// The finest unit written, which sets the value's granularity.
        unit: Unit,
        /// -1 for before, +1 for after.
        sign: i32,
        /// What it counts from.
        base: Base,
    },
    /// A calendar unit shifted from the publication's (`на прошлой неделе`, `в этом году`).
    Shifted {
        /// Week, month, quarter or year.
        unit: Unit,
        /// -1, 0, +1.
        shift: i32,
    },
    /// A weekend: of a week shifted from the publication's (`в эти выходные` 0, `в прошлые
    /// выходные` -1), or, for a bare `в выходные`, the one the sentence's tense points to.
    Weekend(Option<i32>),
    /// A weekday; `shift` is None for a bare weekday (`в понедельник`), resolved by tense.
    Weekday {
        /// 1 = Monday ... 7 = Sunday.
        day: u32,
        /// The week relative to the publication's, when written (`в прошлую пятницу`).
        shift: Option<i32>,
        /// `ближайший`: the first occurrence on or after the publication day.
        upcoming: bool,
    },
    /// A season, of a written or implied year.
    Season(Season, Option<YearRef>),
    /// A season shifted from the publication's (`прошлой зимой`).
    SeasonShifted(Season, i32),
    /// A quarter (1..=4) of a written or implied year.
    Quarter(u32, Option<YearRef>),
    /// A half (1 or 2) of a written or implied year.
    Half(u32, Option<YearRef>),
    /// The start, middle or end of a period (`в начале марта`).
    Portion(Portion, Box<Expr>),
    /// The first or second half of a month (`в первой половине апреля`).
    HalfOf(u32, Box<Expr>),
    /// The first, second or third ten days of a month (`в первой декаде апреля`).
    Decade(u32, Box<Expr>),
    /// An amount of time (`на 14 дней`).
    Duration(Duration),
    /// An unspecified number of units (`в течение нескольких часов`): a vague DURATION,
    /// approximate.
    VagueDuration(Unit),
    /// A repeated time (`ежедневно`, `по пятницам`), already in value form.
    Set(crate::value::Value),
    /// A window that ends or starts at publication (`за последние 7 дней`, `в ближайшие 10 дней`).
    Window {
        /// How long.
        amount: Duration,
        /// The unit written.
        unit: Unit,
        /// True for a window that ends at publication.
        back: bool,
    },
    /// The day before the expression (`накануне 8 Марта`); alone, the day before publication.
    DayBefore(Option<Box<Expr>>),
    /// A day counted from the latest date mentioned before (`в тот же день` 0, `на следующий день` +1).
    Anaphor(i32),
    /// A holiday whose date moves (`Пасха`, `Курбан айт`), of a written or implied year.
    Feast(Feast, Option<YearRef>),
    /// A clock time with the time zone the text names (`10:00 МСК`): the expression and
    /// the zone's offset in minutes east of UTC.
    Zoned(Box<Expr>, i32),
    /// Text shaped like a date that names no day (`31 февраля`, `31.02.2020`): the grammar
    /// consumes it so that no part of it is read as something else, and emits nothing.
    Invalid,
}

impl Expr {
    /// Boxes an expression.
    pub fn boxed(self) -> Box<Expr> {
        Box::new(self)
    }

    /// `n` units as a duration; None on overflow.
    pub fn amount(unit: Unit, n: u32) -> Option<Expr> {
        let mut d = Duration::default();
        d.add(unit, n, false)?;
        Some(Expr::Duration(d))
    }

    /// Does the expression hold a date that does not exist (`31 февраля`)?
    pub fn contains_invalid(&self) -> bool {
        match self {
            Expr::Invalid => true,
            Expr::At(a, _) | Expr::Zoned(a, _) | Expr::Portion(_, a) | Expr::HalfOf(_, a) | Expr::Decade(_, a) => {
                a.contains_invalid()
            }
            Expr::PartOfDay(Some(a), _) | Expr::DayBefore(Some(a)) => a.contains_invalid(),
            Expr::Range(a, b) => a.contains_invalid() || b.contains_invalid(),
            _ => false,
        }
    }

    /// Is the expression a weekday or a weekend, alone or with a part of the day or a clock
    /// time (`в пятницу`, `к вечеру четверга`, `в субботу в 11:00`)? Its direction from the
    /// reference day is the clause's tense to take, whatever bounds it.
    pub fn is_weekday_like(&self) -> bool {
        match self {
            Expr::Weekday { .. } | Expr::Weekend(_) => true,
            Expr::PartOfDay(Some(a), _) | Expr::At(a, _) => matches!(**a, Expr::Weekday { .. } | Expr::Weekend(_)),
            _ => false,
        }
    }

    /// Does the expression name a time on the clock (a clock time, a day with one, or a
    /// range with one), to which a time zone can apply?
    pub fn has_clock(&self) -> bool {
        match self {
            Expr::Clock(_) | Expr::At(..) => true,
            Expr::Range(a, b) => a.has_clock() || b.has_clock(),
            _ => false,
        }
    }

    /// Can the expression be an end of a range of days or periods?
    fn is_day_end(&self) -> bool {
        matches!(
            self,
            Expr::Date { .. }
                | Expr::At(..)
                | Expr::Deictic(_)
                | Expr::Weekday { .. }
                | Expr::Year(_)
                | Expr::PartOfDay(..)
                | Expr::Shifted { .. }
                | Expr::Feast(..)
        )
    }

    /// Combines two ends into a range, letting the first borrow what it lacks from the
    /// second (`с 16 по 22 марта`, `10 августа - 12 сентября 2013`, `с 10 до 11 утра`).
    ///
    /// A bare number as the first end is a `Date` with month 0: with a clock time as the
    /// second end it is an hour (taking the second's half of the day), with a day it is a
    /// day of the second's month. None when the ends cannot make a range.
    pub fn range(a: Expr, b: Expr) -> Option<Expr> {
        let a = match (a, &b) {
            (Expr::Date { day: Some(hour), month: 0, .. }, Expr::Clock(c)) => {
                if hour > 24 {
                    return None;
                }
                // The second end's part of the day applies to the first: `с 10 до 11 вечера`.
                let shift = if c.hour >= 12 && hour < 12 && c.hour - 12 >= hour { 12 } else { 0 };
                Expr::Clock(Clock { hour: (hour + shift) % 24, minute: 0, second: None })
            }
            (Expr::Date { day, month: 0, .. }, Expr::Date { month, year, day: Some(_) }) => {
                if !YearRef::valid_day(day?, *month, *year) {
                    return None;
                }
                Expr::Date { day, month: *month, year: *year }
            }
            (Expr::Date { month: 0, .. }, _) => return None,
            (Expr::Date { day, month, year: None }, Expr::Date { year: Some(y), .. }) => {
                Expr::Date { day, month, year: Some(*y) }
            }
            (a, _) => a,
        };
        let compatible = matches!((&a, &b), (Expr::Clock(_), Expr::Clock(_))) || (a.is_day_end() && b.is_day_end());
        compatible.then(|| Expr::Range(a.boxed(), b.boxed()))
    }
}

impl YearRef {
    /// Can `day` be a day of `month` in this year, when written? A year-less or relative
    /// 29 February is kept and checked once the year is known.
    pub fn valid_day(day: u32, month: u32, year: Option<YearRef>) -> bool {
        let absolute = match year {
            Some(YearRef::Absolute(y)) => Some(y),
            _ => None,
        };
        valid_day(day, month, absolute)
    }
}
