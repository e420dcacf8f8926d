//! Resolution: an [`Expr`] and its anchors (publication time, the latest date mentioned
//! before it, the sentence's tense) become a [`Value`].
//!
//! The policies a user may want to change are values of [`ResolveOptions`], not constants:
//! [`YearPolicy`] says which year a year-less date takes, `use_tense` whether the
//! sentence's tense may override it, [`Prefer`] which way an undecided date goes, and
//! [`RelativeGrain`] the granularity of `через неделю`.

use crate::document::Published;
use crate::expr::{Base, Clock, Expr, Feast, Portion, Tense, YearRef};
use crate::mention::{Anchor, Mod, TimexType};
use crate::value::{add_days, in_range, Duration, PartOfDay, Season, Unit, Value};
use chrono::{Datelike, Months, NaiveDate, NaiveDateTime, NaiveTime, TimeDelta, Timelike};

/// Which year a date written without one (`16 марта`, `в мае`) takes.
///
/// ```
/// use khronika::{Document, Extractor, ResolveOptions, YearPolicy};
/// use chrono::NaiveDate;
/// let doc = Document::new(NaiveDate::from_ymd_opt(2021, 1, 5).unwrap(), "Итоги 30 декабря.");
/// let nearest = Extractor::default().extract(&doc);
/// assert_eq!(nearest[0].value.to_string(), "2020-12-30");
/// let same_year = Extractor::new(ResolveOptions { year_policy: YearPolicy::PublicationYear, ..Default::default() });
/// assert_eq!(same_year.extract(&doc)[0].value.to_string(), "2021-12-30");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum YearPolicy {
    /// The occurrence nearest the publication date (the default; what news annotators do):
    /// `30 декабря` in an article of 5 January 2021 is 2020-12-30.
    #[default]
    Nearest,
    /// The publication year, always.
    PublicationYear,
    /// The latest occurrence on or before the publication date.
    Past,
    /// The first occurrence on or after the publication date.
    Future,
}

/// Which way a date goes when neither the text nor the sentence's tense says: a year-less
/// date (`30 декабря`) or month (`в марте`; the publication's own month is not yet past), a
/// bare weekday (`в понедельник`), a bare season (`зимой`) and a holiday (`к Новому году`),
/// under [`YearPolicy::Nearest`]. Like dateparser's `PREFER_DATES_FROM` and chrono's
/// `forwardDate`. A tense in the sentence still decides (`ввели 30 декабря` is past whatever
/// the preference), and so does a date with a written year earlier in the sentence.
///
/// ```
/// use khronika::{Document, Extractor, Prefer, ResolveOptions};
/// use chrono::NaiveDate;
/// let doc = Document::new(NaiveDate::from_ymd_opt(2020, 4, 15).unwrap(), "Итоги 10 апреля.");
/// let value = |prefer| {
///     let e = Extractor::new(ResolveOptions { prefer, ..Default::default() });
///     e.extract(&doc)[0].value.to_string()
/// };
/// assert_eq!(value(Prefer::Nearest), "2020-04-10");
/// assert_eq!(value(Prefer::Past), "2020-04-10");
/// assert_eq!(value(Prefer::Future), "2021-04-10");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Prefer {
    /// The occurrence nearest the publication (the default; what news annotators do).
    #[default]
    Nearest,
    /// The latest occurrence on or before the publication day.
    Past,
    /// The first occurrence on or after the publication day.
    Future,
}

impl Prefer {
    /// The name the command line and a corpus line use: `nearest`, `past`, `future`.
    pub fn as_str(self) -> &'static str {
        match self {
            Prefer::Nearest => "nearest",
            Prefer::Past => "past",
            Prefer::Future => "future",
        }
    }
}

impl std::str::FromStr for Prefer {
    type Err = crate::error::Error;
    /// `nearest`, `past` or `future`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "nearest" => Ok(Prefer::Nearest),
            "past" => Ok(Prefer::Past),
            "future" => Ok(Prefer::Future),
            _ => Err(crate::error::Error::unknown("preference", s, "nearest past future")),
        }
    }
}

/// The granularity of an amount of time counted from the publication (`через неделю`,
/// `месяц назад`, `через 3 дня`).
///
/// ```
/// use khronika::{Document, Extractor, RelativeGrain, ResolveOptions};
/// use chrono::NaiveDate;
/// let doc = Document::new(NaiveDate::from_ymd_opt(2020, 4, 15).unwrap(), "Итоги подведут через неделю.");
/// let value = |relative_grain| {
///     let e = Extractor::new(ResolveOptions { relative_grain, ..Default::default() });
///     e.extract(&doc)[0].value.to_string()
/// };
/// assert_eq!(value(RelativeGrain::Unit), "2020-W17");
/// assert_eq!(value(RelativeGrain::Instant), "2020-04-22");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RelativeGrain {
    /// The unit counted in, as TIMEX3 writes it (the default): `через неделю` is the week a
    /// week after publication, `месяц назад` the month before.
    #[default]
    Unit,
    /// The day exactly that far away (Duckling's and chrono's reading): `через неделю` is
    /// the day seven days after publication. Hours, minutes and seconds keep their time of
    /// day when the publication has one, as under [`RelativeGrain::Unit`].
    Instant,
}

impl RelativeGrain {
    /// The name the command line uses: `unit`, `day`.
    pub fn as_str(self) -> &'static str {
        match self {
            RelativeGrain::Unit => "unit",
            RelativeGrain::Instant => "day",
        }
    }
}

impl std::str::FromStr for RelativeGrain {
    type Err = crate::error::Error;
    /// `unit` or `day` (the command line's names).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "unit" => Ok(RelativeGrain::Unit),
            "day" => Ok(RelativeGrain::Instant),
            _ => Err(crate::error::Error::unknown("relative grain", s, "unit day")),
        }
    }
}

/// What a window of the last day (`за сутки`, `за последние сутки`, `за минувшие 24 часа`)
/// stands for: daily statistics are reported with it.
///
/// ```
/// use khronika::{Document, Extractor, PastDay, ResolveOptions};
/// use chrono::NaiveDate;
/// let doc = Document::new(NaiveDate::from_ymd_opt(2020, 4, 15).unwrap(), "За сутки выявлено 52 случая.");
/// let value = |past_day| {
///     let e = Extractor::new(ResolveOptions { past_day, ..Default::default() });
///     e.extract(&doc)[0].value.to_string()
/// };
/// assert_eq!(value(PastDay::Window), "2020-04-14/2020-04-15");
/// assert_eq!(value(PastDay::ReportDay), "2020-04-15");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum PastDay {
    /// The interval from the day before publication to the publication day, as TIMEX3
    /// reads a window that ends now (the default).
    #[default]
    Window,
    /// The publication day: the day the figures are reported for, as many annotators of
    /// daily statistics date them. Longer windows (`за последние 7 дней`) stay intervals.
    ReportDay,
}

impl PastDay {
    /// The name the command line uses: `window`, `report`.
    pub fn as_str(self) -> &'static str {
        match self {
            PastDay::Window => "window",
            PastDay::ReportDay => "report",
        }
    }
}

impl std::str::FromStr for PastDay {
    type Err = crate::error::Error;
    /// `window` or `report` (the command line's names).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "window" => Ok(PastDay::Window),
            "report" => Ok(PastDay::ReportDay),
            _ => Err(crate::error::Error::unknown("past day", s, "window report")),
        }
    }
}

/// The resolver's policies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ResolveOptions {
    /// Which year a year-less date takes.
    pub year_policy: YearPolicy,
    /// Let the sentence's tense override [`YearPolicy::Nearest`] and pick the direction of a
    /// bare weekday: a past-tense sentence with a month after the publication month goes to
    /// the previous year, a future-tense one with a month before it to the next year
    /// (HeidelTime's rule). On by default.
    pub use_tense: bool,
    /// Which way a year-less date, a bare weekday or a holiday goes when the tense does not
    /// say ([`Prefer::Nearest`] by default).
    pub prefer: Prefer,
    /// The granularity of an amount counted from the publication ([`RelativeGrain::Unit`]
    /// by default).
    pub relative_grain: RelativeGrain,
    /// What a window of the last day (`за сутки`) stands for ([`PastDay::Window`] by
    /// default).
    pub past_day: PastDay,
}

impl Default for ResolveOptions {
    fn default() -> Self {
        ResolveOptions {
            year_policy: YearPolicy::Nearest,
            use_tense: true,
            prefer: Prefer::Nearest,
            relative_grain: RelativeGrain::Unit,
            past_day: PastDay::Window,
        }
    }
}

/// What the resolver knows around one mention.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    /// The publication time.
    pub published: Published,
    /// The latest day mentioned before, in the document.
    pub previous: Option<NaiveDate>,
    /// The latest year, month or week mentioned before, in the document, when it came after
    /// that day: its first day and its grain. `в том же году`, `годом позже`, `месяцем
    /// ранее` count from it when their unit is at least that grain.
    pub previous_period: Option<(NaiveDate, Unit)>,
    /// The latest day mentioned before, in the same sentence (for clock times).
    pub sentence_day: Option<NaiveDate>,
    /// The tense of the verbs nearest the mention.
    pub tense: Option<Tense>,
    /// The latest day with a written year earlier in the same sentence, which lends its
    /// year to the year-less dates after it.
    pub sentence_year_date: Option<NaiveDate>,
}

/// A resolved expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The value.
    pub value: Value,
    /// Its TIMEX3 type.
    pub kind: TimexType,
    /// The mod, after combining the preposition's with the expression's own.
    pub modifier: Option<Mod>,
    /// What the value was anchored to.
    pub anchor: Anchor,
    /// The time zone the text names, in minutes east of UTC ([`Expr::Zoned`]).
    pub offset: Option<i32>,
}

/// Resolves expressions under a set of [`ResolveOptions`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Resolver {
    options: ResolveOptions,
}

struct Out {
    value: Value,
    anchor: Anchor,
    modifier: Option<Mod>,
}

impl Out {
    fn new(value: Value, anchor: Anchor) -> Option<Out> {
        Some(Out { value, anchor, modifier: None })
    }
}

/// Days after publication a year-less day told in the past tense is read as this year's
/// whatever the story (the next day: a report filed late at night).
const PAST_TENSE_DAYS_AHEAD: i64 = 1;
/// Days from publication beyond which the latest day the text dated is another year's story.
const NARRATIVE_DAYS: i64 = 183;

impl Resolver {
    /// A resolver with these options.
    pub fn new(options: ResolveOptions) -> Self {
        Resolver { options }
    }

    /// The options in force.
    pub fn options(&self) -> ResolveOptions {
        self.options
    }

    /// Resolves `expr` with the mod its preposition gave (`до` → BEFORE). None when the
    /// expression names nothing that exists (`29 февраля` in a common year) or nothing
    /// TIMEX3 can write (a year outside 0000..=9999).
    pub fn resolve(&self, expr: &Expr, modifier: Option<Mod>, ctx: &Context) -> Option<Resolved> {
        self.resolve_any(expr, modifier, ctx).filter(|r| writable(&r.value))
    }

    fn resolve_any(&self, expr: &Expr, modifier: Option<Mod>, ctx: &Context) -> Option<Resolved> {
        // A zone changes no value: the time stays the local time written.
        if let Expr::Zoned(inner, offset) = expr {
            return self.resolve_any(inner, modifier, ctx).map(|r| Resolved { offset: Some(*offset), ..r });
        }
        // `до конца марта`: up to and including the last day; `с начала года`: from the first.
        if let (Expr::Portion(p, of), Some(m)) = (expr, modifier) {
            let inner = self.value(of, ctx)?;
            let edge = match (p, m) {
                (Portion::End, Mod::Before | Mod::OnOrBefore) => Some((inner.value.last_day()?, Mod::OnOrBefore)),
                (Portion::Start, Mod::OnOrAfter | Mod::After) => Some((inner.value.first_day()?, Mod::OnOrAfter)),
                _ => None,
            };
            if let Some((day, m)) = edge {
                return Some(Resolved {
                    value: Value::Day(day),
                    kind: TimexType::Date,
                    modifier: Some(m),
                    anchor: inner.anchor,
                    offset: None,
                });
            }
        }
        let out = self.value(expr, ctx)?;
        let kind = match (expr, &out.value) {
            (Expr::Duration(_) | Expr::VagueDuration(_), _) => TimexType::Duration,
            (Expr::Set(_), _) => TimexType::Set,
            (_, v) if is_time(v) => TimexType::Time,
            _ => TimexType::Date,
        };
        Some(Resolved { value: out.value, kind, modifier: modifier.or(out.modifier), anchor: out.anchor, offset: None })
    }

    fn value(&self, expr: &Expr, ctx: &Context) -> Option<Out> {
        let publ = ctx.published.day();
        match expr {
            Expr::Date { day, month, year } => {
                let (y, anchor) = match year {
                    Some(y) => self.year(*y, ctx)?,
                    None => self.year_for(*month, *day, ctx)?,
                };
                match day {
                    Some(d) => Out::new(Value::day(y, *month, *d)?, anchor),
                    None => Out::new(Value::Month { year: y, month: *month }, anchor),
                }
            }
            Expr::Year(y) => {
                let (y, anchor) = self.year(*y, ctx)?;
                Out::new(Value::Year(y), anchor)
            }
            Expr::Deictic(n) => Out::new(Value::Day(add_days(publ, *n as i64)?), Anchor::Publication),
            Expr::Present => Out::new(Value::PresentRef, Anchor::Publication),
            Expr::Recently => {
                Some(Out { value: Value::PastRef, anchor: Anchor::Publication, modifier: Some(Mod::Approx) })
            }
            Expr::Soon => Out::new(Value::FutureRef, Anchor::Publication),
            Expr::Clock(c) => {
                let (date, anchor) = match ctx.sentence_day {
                    Some(d) => (d, Anchor::Previous),
                    None => (publ, Anchor::Publication),
                };
                Out::new(time_value(date, *c)?, anchor)
            }
            Expr::At(day, c) => {
                let d = self.value(day, ctx)?;
                let date = d.value.on_day()?;
                Out::new(time_value(date, *c)?, d.anchor)
            }
            Expr::PartOfDay(None, part) => {
                let date = if *part == PartOfDay::Night && self.tense(ctx) == Some(Tense::Past) {
                    add_days(publ, -1)?
                } else {
                    publ
                };
                Out::new(Value::PartOfDay { date, part: *part }, Anchor::Publication)
            }
            Expr::PartOfDay(Some(day), part) => {
                let d = self.value(day, ctx)?;
                Out::new(Value::PartOfDay { date: d.value.on_day()?, part: *part }, d.anchor)
            }
            Expr::Range(a, b) => self.range(a, b, ctx),
            Expr::Offset { amount, unit, sign, base } => {
                // A year, month or week mentioned after the latest day anchors the offset; an
                // offset finer than it (`неделей позже` after `в 2018 году`) keeps its grain,
                // since no day of it is known.
                let (previous, coarsest) = match ctx.previous_period {
                    Some((d, grain)) if matches!(base, Base::Previous) => (Some(d), grain),
                    _ => (ctx.previous, Unit::Second),
                };
                let (from, anchor) = match (base, previous) {
                    (Base::Previous, Some(d)) => (d.and_time(NaiveTime::MIN), Anchor::Previous),
                    _ => (ctx.published.moment(), Anchor::Publication),
                };
                let at = shift_moment(from, amount, *sign)?;
                let timed = ctx.published.time().is_some() && anchor == Anchor::Publication;
                let unit = match self.options.relative_grain {
                    RelativeGrain::Instant if *unit > Unit::Day => Unit::Day,
                    _ => *unit,
                };
                Out::new(at_granularity(at, unit.max(coarsest), timed)?, anchor)
            }
            Expr::Shifted { unit, shift } => Out::new(shifted_unit(publ, *unit, *shift)?, Anchor::Publication),
            Expr::Weekend(shift) => {
                let date = match shift {
                    Some(s) => add_days(publ, 7 * *s as i64)?,
                    None => match self.tense(ctx) {
                        Some(Tense::Past) if publ.weekday().number_from_monday() < 6 => add_days(publ, -7)?,
                        _ => publ,
                    },
                };
                let w = date.iso_week();
                Out::new(Value::Weekend { year: w.year(), week: w.week() }, Anchor::Publication)
            }
            Expr::Weekday { day, shift, upcoming } => {
                let today = publ.weekday().number_from_monday() as i64;
                let target = *day as i64;
                let date = match (shift, upcoming) {
                    (_, true) => add_days(publ, (target - today).rem_euclid(7))?,
                    (Some(s), _) => add_days(publ, target - today + 7 * *s as i64)?,
                    (None, _) => {
                        let back = (today - target).rem_euclid(7);
                        let forward = (target - today).rem_euclid(7);
                        let days = match (self.tense(ctx), self.options.prefer) {
                            (Some(Tense::Past), _) | (None, Prefer::Past) => -back,
                            (Some(Tense::Future), _) | (None, Prefer::Future) => forward,
                            (None, _) if back <= forward => -back,
                            (None, _) => forward,
                        };
                        add_days(publ, days)?
                    }
                };
                Out::new(Value::Day(date), Anchor::Publication)
            }
            Expr::Season(s, Some(y)) => {
                let (year, anchor) = self.year(*y, ctx)?;
                Out::new(Value::Season { year, season: *s }, anchor)
            }
            Expr::Season(s, None) => Out::new(self.season(*s, None, ctx)?, Anchor::Publication),
            Expr::SeasonShifted(s, shift) => Out::new(self.season(*s, Some(*shift), ctx)?, Anchor::Publication),
            Expr::Quarter(q, y) => {
                let (year, anchor) = self.part_year(*y, *q, 4, ctx)?;
                Out::new(Value::Quarter { year, quarter: *q }, anchor)
            }
            Expr::Half(h, y) => {
                let (year, anchor) = self.part_year(*y, *h, 2, ctx)?;
                Out::new(Value::Half { year, half: *h }, anchor)
            }
            Expr::Portion(p, of) => {
                let inner = self.value(of, ctx)?;
                let m = match p {
                    Portion::Start => Mod::Start,
                    Portion::Mid => Mod::Mid,
                    Portion::End => Mod::End,
                };
                Some(Out { value: inner.value, anchor: inner.anchor, modifier: Some(m) })
            }
            Expr::HalfOf(h, of) => {
                let inner = self.value(of, ctx)?;
                let value = match inner.value {
                    Value::Month { .. } => {
                        let first = inner.value.first_day()?;
                        let last = inner.value.last_day()?;
                        let mid = add_days(first, 14)?;
                        if *h == 1 {
                            Value::interval(Value::Day(first), Value::Day(mid))
                        } else {
                            Value::interval(Value::Day(mid.succ_opt()?), Value::Day(last))
                        }
                    }
                    Value::Year(year) => Value::Half { year, half: *h },
                    _ => return None,
                };
                Out::new(value, inner.anchor)
            }
            Expr::Decade(n, of) => {
                let inner = self.value(of, ctx)?;
                let (first, last) = (inner.value.first_day()?, inner.value.last_day()?);
                if !matches!(inner.value, Value::Month { .. }) {
                    return None;
                }
                let start = add_days(first, 10 * (*n as i64 - 1))?;
                let end = if *n == 3 { last } else { add_days(start, 9)? };
                Out::new(Value::interval(Value::Day(start), Value::Day(end)), inner.anchor)
            }
            Expr::Duration(d) => Out::new(Value::Duration(*d), Anchor::Publication),
            Expr::VagueDuration(u) => {
                Some(Out { value: Value::VagueDuration(*u), anchor: Anchor::Publication, modifier: Some(Mod::Approx) })
            }
            Expr::Set(v) => Out::new(v.clone(), Anchor::Publication),
            Expr::Window { amount, unit, back } => {
                if *back && self.options.past_day == PastDay::ReportDay && is_one_day(amount) {
                    return Out::new(Value::Day(publ), Anchor::Publication);
                }
                let now = ctx.published.moment();
                let timed = ctx.published.time().is_some() && *unit <= Unit::Hour;
                let other = shift_moment(now, amount, if *back { -1 } else { 1 })?;
                let (a, b) = if *back { (other, now) } else { (now, other) };
                let value = if timed {
                    Value::interval(time_value(a.date(), clock_of(a))?, time_value(b.date(), clock_of(b))?)
                } else {
                    Value::interval(Value::Day(a.date()), Value::Day(b.date()))
                };
                Out::new(value, Anchor::Publication)
            }
            Expr::DayBefore(None) => Out::new(Value::Day(add_days(publ, -1)?), Anchor::Publication),
            Expr::DayBefore(Some(e)) => {
                let inner = self.value(e, ctx)?;
                Out::new(Value::Day(add_days(inner.value.first_day()?, -1)?), inner.anchor)
            }
            Expr::Anaphor(n) => {
                // After a year, month or week (`в 2018 году`, `неделей позже`), no day is
                // known: the shifted day keeps that grain.
                if let Some((d, grain)) = ctx.previous_period {
                    let day = add_days(d, *n as i64)?;
                    return Out::new(at_granularity(day.and_time(NaiveTime::MIN), grain, false)?, Anchor::Previous);
                }
                let (from, anchor) = match ctx.previous {
                    Some(d) => (d, Anchor::Previous),
                    None => (publ, Anchor::Publication),
                };
                Out::new(Value::Day(add_days(from, *n as i64)?), anchor)
            }
            Expr::Zoned(e, _) => self.value(e, ctx),
            Expr::Feast(f, Some(y)) => {
                let (year, anchor) = self.year(*y, ctx)?;
                Out::new(Value::Day(feast_day(*f, year)?), anchor)
            }
            Expr::Feast(f, None) => Out::new(Value::Day(self.feast_near(*f, ctx)?), Anchor::Publication),
            Expr::Invalid => None,
        }
    }

    fn tense(&self, ctx: &Context) -> Option<Tense> {
        if self.options.use_tense {
            ctx.tense
        } else {
            None
        }
    }

    /// The year of the `n`-th of `parts` parts of a year (a quarter, a half): written, or
    /// the publication year unless the tense points past a part not yet begun (or to a
    /// future part already over).
    fn part_year(&self, y: Option<YearRef>, n: u32, parts: u32, ctx: &Context) -> Option<(i32, Anchor)> {
        if let Some(y) = y {
            return self.year(y, ctx);
        }
        let publ = ctx.published.day();
        let current = (publ.month() - 1) * parts / 12 + 1;
        let year = match self.tense(ctx) {
            Some(Tense::Past) if n > current => publ.year() - 1,
            Some(Tense::Future) if n < current => publ.year() + 1,
            _ => publ.year(),
        };
        Some((year, Anchor::Publication))
    }

    fn year(&self, y: YearRef, ctx: &Context) -> Option<(i32, Anchor)> {
        let py = ctx.published.day().year();
        let (year, anchor) = match y {
            YearRef::Absolute(y) => (y, Anchor::Absolute),
            YearRef::Shift(s) => (py.checked_add(s)?, Anchor::Publication),
            YearRef::TwoDigit(n) => {
                let y = 2000 + n as i32;
                (if y <= py + 20 { y } else { y - 100 }, Anchor::Absolute)
            }
        };
        in_range(year).then_some((year, anchor))
    }

    /// The year a year-less `day month` takes under the policy and the tense.
    /// The year a year-less `day month` takes, and what it was anchored to: the publication,
    /// or the earlier date of the same sentence that lent its year.
    ///
    /// A whole month (`day` None) is not over while it lasts: under [`Prefer::Future`] the
    /// publication's own month is this year's (`в апреле` published 15 April).
    fn year_for(&self, month: u32, day: Option<u32>, ctx: &Context) -> Option<(i32, Anchor)> {
        let whole_month = day.is_none();
        let day = day.unwrap_or(1);
        // A date with its own year earlier in the sentence lends it (`19 марта 2001, 20 марта`):
        // the year-less date takes the occurrence nearest to that date, tense aside.
        let (reference, lent) = match ctx.sentence_year_date {
            Some(d) => (d, true),
            None => (ctx.published.day(), false),
        };
        let ry = reference.year();
        let candidates = [ry - 1, ry, ry + 1];
        // Where the day falls in each candidate year, even when that year lacks it (29
        // February counts as 1 March for the distance; the year is checked at the end).
        let position =
            |y: i32| NaiveDate::from_ymd_opt(y, month, 1)?.checked_add_signed(TimeDelta::try_days(day as i64 - 1)?);
        let distance = |y: i32| position(y).map_or(i64::MAX, |d| (d - reference).num_days().abs());
        let last = |y: i32| match whole_month {
            true => Value::Month { year: y, month }.last_day(),
            false => position(y),
        };
        let policy = if lent { YearPolicy::Nearest } else { self.options.year_policy };
        let year = match policy {
            YearPolicy::PublicationYear => ry,
            YearPolicy::Past => *candidates.iter().rev().find(|&&y| position(y).is_some_and(|d| d <= reference))?,
            YearPolicy::Future => *candidates.iter().find(|&&y| last(y).is_some_and(|d| d >= reference))?,
            YearPolicy::Nearest => {
                let nearest = *candidates.iter().min_by_key(|&&y| distance(y))?;
                let month_index = |y: i32| y * 12 + month as i32;
                let publication = ry * 12 + reference.month() as i32;
                // A day still to come in the publication's month, told in the past tense
                // (`16 марта ввели`, published 13 March 2021), is a decision's future day as
                // often as not (`запретили 9 мая`); after a day the text dated over half a
                // year away (`Год назад, 13 марта 2020 года, ...`), it is that story's day.
                let after_publication =
                    |y: i32| position(y).is_some_and(|d| (d - reference).num_days() > PAST_TENSE_DAYS_AHEAD);
                let narrative = ctx.previous.filter(|p| (*p - reference).num_days().abs() > NARRATIVE_DAYS);
                let distance_to = |y: i32, p: NaiveDate| position(y).map_or(i64::MAX, |d| (d - p).num_days().abs());
                let on_or_before = |y: &&i32| position(**y).is_some_and(|d| d <= reference);
                let on_or_after = |y: &&i32| last(**y).is_some_and(|d| d >= reference);
                match (lent, self.tense(ctx), self.options.prefer) {
                    (false, Some(Tense::Past), _) if month_index(nearest) > publication => nearest - 1,
                    (false, Some(Tense::Past), _) if after_publication(nearest) && narrative.is_some() => narrative
                        .and_then(|p| candidates.iter().copied().min_by_key(|&y| distance_to(y, p)))
                        .unwrap_or(nearest),
                    (false, Some(Tense::Future), _) if month_index(nearest) < publication => nearest + 1,
                    (false, None, Prefer::Past) => *candidates.iter().rev().find(on_or_before)?,
                    (false, None, Prefer::Future) => *candidates.iter().find(on_or_after)?,
                    _ => nearest,
                }
            }
        };
        // The chosen year must have the day: `29 февраля` in an article of 2013 names nothing.
        let anchor = if lent { Anchor::Previous } else { Anchor::Publication };
        NaiveDate::from_ymd_opt(year, month, day).filter(|_| in_range(year)).map(|_| (year, anchor))
    }

    /// The occurrence of a moving holiday that the tense, else the preference, picks: the
    /// publication year's, or the one before or after it across the publication day. None
    /// when a date the choice needs is not known (a lunar date outside the table): the next
    /// date known is never taken instead.
    fn feast_near(&self, f: Feast, ctx: &Context) -> Option<NaiveDate> {
        let publ = ctx.published.day();
        let this = feast_day(f, publ.year())?;
        let other = || feast_day(f, publ.year() + if this <= publ { 1 } else { -1 });
        let past = || if this <= publ { Some(this) } else { other() };
        let future = || if this >= publ { Some(this) } else { other() };
        match (self.tense(ctx), self.options.prefer) {
            (Some(Tense::Past), _) | (None, Prefer::Past) => past(),
            (Some(Tense::Future), _) | (None, Prefer::Future) => future(),
            _ => {
                let o = other()?;
                let far = |d: NaiveDate| (d - publ).num_days().abs();
                Some(if far(o) < far(this) { o } else { this })
            }
        }
    }

    fn season(&self, s: Season, shift: Option<i32>, ctx: &Context) -> Option<Value> {
        let order = |s: Season| match s {
            Season::Winter => 0,
            Season::Spring => 1,
            Season::Summer => 2,
            Season::Fall => 3,
        };
        let (cy, cs) = Season::of(ctx.published.day());
        let current = cy * 4 + order(cs);
        let same_year = cy * 4 + order(s);
        let candidates = [same_year - 4, same_year, same_year + 4];
        let idx = match shift {
            Some(-1) => *candidates.iter().rev().find(|&&c| c < current)?,
            Some(1) => *candidates.iter().find(|&&c| c > current)?,
            // The tense, else the preference, decides a bare season (`зимой`), as a year-less date.
            _ => match (self.tense(ctx), self.options.prefer) {
                (Some(Tense::Past), _) | (None, Prefer::Past) if shift.is_none() => {
                    *candidates.iter().rev().find(|&&c| c <= current)?
                }
                (Some(Tense::Future), _) | (None, Prefer::Future) if shift.is_none() => {
                    *candidates.iter().find(|&&c| c >= current)?
                }
                _ => *candidates.iter().min_by_key(|&&c| ((c - current).abs(), c < current))?,
            },
        };
        let year = idx.div_euclid(4);
        in_range(year).then_some(Value::Season { year, season: s })
    }

    fn range(&self, a: &Expr, b: &Expr, ctx: &Context) -> Option<Out> {
        let ra = self.value(a, ctx)?;
        // The second end of a clock range takes the first end's day.
        let mut ctx_b = *ctx;
        if let Some(d) = ra.value.on_day() {
            ctx_b.sentence_day = Some(d);
        }
        let mut rb = self.value(b, &ctx_b)?;
        // Weekday ranges run forward from the first (`с понедельника по пятницу`).
        if let (Expr::Weekday { .. }, Expr::Weekday { day, .. }, Some(first)) = (a, b, ra.value.on_day()) {
            let forward = (*day as i64 - first.weekday().number_from_monday() as i64).rem_euclid(7);
            rb.value = Value::Day(add_days(first, forward)?);
        }
        let (sa, sb) = (ra.value.start()?, rb.value.start()?);
        if sb < sa {
            // A year-less end before its start is its first occurrence after the start: the
            // next year in `с 20 декабря по 10 января`, and the start's year's next one in
            // `с 28 декабря 2020 года по 10 января` whatever the publication year.
            let years = [sa.year(), sa.year() + 1].into_iter().filter(|y| in_range(*y));
            let after = |d: NaiveDate| d.and_time(NaiveTime::MIN) >= sa;
            rb.value = match (&rb.value, rb.anchor) {
                (Value::Day(d), Anchor::Publication) => {
                    Value::Day(years.clone().find_map(|y| d.with_year(y).filter(|e| after(*e)))?)
                }
                (Value::Month { month, .. }, Anchor::Publication) => {
                    let year = years.clone().find(|&y| NaiveDate::from_ymd_opt(y, *month, 1).is_some_and(after))?;
                    Value::Month { year, month: *month }
                }
                // `с 22:00 до 06:00`: a clock range over midnight ends the next day.
                (Value::Time { date, time, seconds }, _) if matches!(b, Expr::Clock(_)) && *date == sa.date() => {
                    Value::Time { date: add_days(*date, 1)?, time: *time, seconds: *seconds }
                }
                _ => return None,
            };
        }
        let anchor =
            if ra.anchor == Anchor::Absolute && rb.anchor == Anchor::Absolute { Anchor::Absolute } else { ra.anchor };
        Out::new(Value::interval(ra.value, rb.value), anchor)
    }
}

/// The day of a moving holiday in `year`, when known.
///
/// Orthodox Easter: Meeus's Julian algorithm, moved to the Gregorian calendar by the 13
/// days the calendars differ by from 1900 to 2099 (None outside those years).
///
/// Ораза айт and Курбан айт in Kazakhstan, 2019–2023 (None in any other year: a lunar date
/// is never extrapolated). Курбан айт is a public holiday whose date the Government sets
/// each year by decree (постановление Правительства Республики Казахстан «Об установлении
/// даты праздника Курбан айт», under the Law «О праздниках в Республике Казахстан»); the
/// dates of Ораза айт are those the Spiritual Administration of Muslims of Kazakhstan (ДУМК)
/// announced with each year's Ramadan timetable. Checked against the regional sanitary
/// decrees published for the holiday in 2020 (31 July – 2 August) and 2021 (20–22 July) and
/// against ДУМК's announcements for 2022 (2 May) and 2023 (21 April).
pub fn feast_day(f: Feast, year: i32) -> Option<NaiveDate> {
    const EID_AL_FITR: [(i32, u32, u32); 5] = [(2019, 6, 4), (2020, 5, 24), (2021, 5, 13), (2022, 5, 2), (2023, 4, 21)];
    const EID_AL_ADHA: [(i32, u32, u32); 5] =
        [(2019, 8, 11), (2020, 7, 31), (2021, 7, 20), (2022, 7, 9), (2023, 6, 28)];
    let table = match f {
        Feast::OrthodoxEaster => {
            if !(1900..=2099).contains(&year) {
                return None;
            }
            let (a, b, c) = (year % 4, year % 7, year % 19);
            let d = (19 * c + 15) % 30;
            let e = (2 * a + 4 * b - d + 34) % 7;
            let month = (d + e + 114) / 31;
            let day = (d + e + 114) % 31 + 1;
            let julian = NaiveDate::from_ymd_opt(year, month as u32, day as u32)?;
            return add_days(julian, 13);
        }
        Feast::EidAlFitr => &EID_AL_FITR,
        Feast::EidAlAdha => &EID_AL_ADHA,
    };
    let &(_, month, day) = table.iter().find(|(y, ..)| *y == year)?;
    NaiveDate::from_ymd_opt(year, month, day)
}

/// Can TIMEX3 write the value: are all its years in 0000..=9999? (The ISO week of
/// 0000-01-01 belongs to year -1; a day after 9999-12-31 is in year 10000.)
fn writable(v: &Value) -> bool {
    match v {
        Value::Day(d) | Value::PartOfDay { date: d, .. } | Value::Time { date: d, .. } => in_range(d.year()),
        Value::Month { year, .. }
        | Value::Year(year)
        | Value::Week { year, .. }
        | Value::Weekend { year, .. }
        | Value::Quarter { year, .. }
        | Value::Half { year, .. }
        | Value::Season { year, .. } => in_range(*year),
        Value::Interval(a, b) => writable(a) && writable(b),
        _ => true,
    }
}

fn is_time(v: &Value) -> bool {
    match v {
        Value::Time { .. } | Value::PartOfDay { .. } => true,
        Value::Interval(a, b) => is_time(a) && is_time(b),
        _ => false,
    }
}

fn time_value(date: NaiveDate, c: Clock) -> Option<Value> {
    let time = NaiveTime::from_hms_opt(c.hour, c.minute, c.second.unwrap_or(0))?;
    Some(Value::Time { date, time, seconds: c.second.is_some() })
}

fn clock_of(at: NaiveDateTime) -> Clock {
    Clock { hour: at.hour(), minute: at.minute(), second: None }
}

/// Moves a moment by a duration forward (`sign` > 0) or back; None outside the calendar.
fn shift_moment(at: NaiveDateTime, d: &Duration, sign: i32) -> Option<NaiveDateTime> {
    let months = d.years.checked_mul(12)?.checked_add(d.months)?;
    let mut at = if sign > 0 {
        at.checked_add_months(Months::new(months))?
    } else {
        at.checked_sub_months(Months::new(months))?
    };
    let secs = (d.weeks as i64 * 7 + d.days as i64) * 86_400
        + d.hours as i64 * 3600
        + d.minutes as i64 * 60
        + d.seconds as i64;
    let delta = TimeDelta::try_seconds(secs)?;
    at = if sign > 0 { at.checked_add_signed(delta)? } else { at.checked_sub_signed(delta)? };
    in_range(at.year()).then_some(at)
}

/// A moment at the granularity of the unit it was counted in.
fn at_granularity(at: NaiveDateTime, unit: Unit, timed: bool) -> Option<Value> {
    let d = at.date();
    Some(match unit {
        Unit::Year => Value::Year(d.year()),
        Unit::Quarter => Value::Quarter { year: d.year(), quarter: (d.month() - 1) / 3 + 1 },
        Unit::Month => Value::Month { year: d.year(), month: d.month() },
        Unit::Week => {
            let w = d.iso_week();
            Value::Week { year: w.year(), week: w.week() }
        }
        Unit::Day => Value::Day(d),
        Unit::Hour | Unit::Minute | Unit::Second if timed => {
            Value::Time { date: d, time: at.time(), seconds: unit == Unit::Second }
        }
        _ => Value::Day(d),
    })
}

/// The unit containing the publication day, shifted by `shift` units.
fn shifted_unit(publ: NaiveDate, unit: Unit, shift: i32) -> Option<Value> {
    Some(match unit {
        Unit::Week => {
            let w = add_days(publ, 7 * shift as i64)?.iso_week();
            Value::Week { year: w.year(), week: w.week() }
        }
        Unit::Month => {
            let idx = publ.year() * 12 + publ.month() as i32 - 1 + shift;
            Value::Month { year: idx.div_euclid(12), month: idx.rem_euclid(12) as u32 + 1 }
        }
        Unit::Quarter => {
            let idx = publ.year() * 4 + (publ.month() as i32 - 1) / 3 + shift;
            Value::Quarter { year: idx.div_euclid(4), quarter: idx.rem_euclid(4) as u32 + 1 }
        }
        Unit::Year => Value::Year(publ.year() + shift),
        Unit::Day => Value::Day(add_days(publ, shift as i64)?),
        _ => return None,
    })
    .filter(|v| v.first_day().is_some_and(|d| in_range(d.year())))
}

/// A duration of exactly one day: a day or 24 hours (the window `за сутки` reports over).
fn is_one_day(amount: &Duration) -> bool {
    let day = Duration { days: 1, ..Duration::default() };
    let hours = Duration { hours: 24, ..Duration::default() };
    *amount == day || *amount == hours
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preference_decides_months_and_seasons() {
        let publ = NaiveDate::from_ymd_opt(2020, 4, 15).unwrap();
        let ctx = Context {
            published: Published::date(publ),
            previous: None,
            previous_period: None,
            sentence_day: None,
            tense: None,
            sentence_year_date: None,
        };
        let value = |prefer, expr: &Expr| {
            let r = Resolver::new(ResolveOptions { prefer, ..Default::default() });
            r.resolve(expr, None, &ctx).map(|r| r.value.to_string())
        };
        let month = |m| Expr::Date { day: None, month: m, year: None };
        // The publication's month is this year's under every preference.
        for prefer in [Prefer::Nearest, Prefer::Past, Prefer::Future] {
            assert_eq!(value(prefer, &month(4)).as_deref(), Some("2020-04"), "{prefer:?}");
        }
        assert_eq!(value(Prefer::Future, &month(3)).as_deref(), Some("2021-03"));
        assert_eq!(value(Prefer::Past, &month(5)).as_deref(), Some("2019-05"));
        let winter = Expr::Season(Season::Winter, None);
        assert_eq!(value(Prefer::Nearest, &winter).as_deref(), Some("2020-WI"));
        assert_eq!(value(Prefer::Future, &winter).as_deref(), Some("2021-WI"));
        assert_eq!(value(Prefer::Past, &Expr::Season(Season::Summer, None)).as_deref(), Some("2019-SU"));
    }

    #[test]
    fn orthodox_easter_and_the_table_of_eids() {
        let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        for (y, m, d) in
            [(2000, 4, 30), (2019, 4, 28), (2020, 4, 19), (2021, 5, 2), (2022, 4, 24), (2023, 4, 16), (2024, 5, 5)]
        {
            assert_eq!(feast_day(Feast::OrthodoxEaster, y), day(y, m, d), "{y}");
        }
        assert!(feast_day(Feast::OrthodoxEaster, 1899).is_none() && feast_day(Feast::OrthodoxEaster, 2100).is_none());
        assert!(feast_day(Feast::OrthodoxEaster, 1900).is_some() && feast_day(Feast::OrthodoxEaster, 2099).is_some());
        assert_eq!(feast_day(Feast::EidAlAdha, 2020), day(2020, 7, 31));
        assert_eq!(feast_day(Feast::EidAlFitr, 2023), day(2023, 4, 21));
        for y in [2018, 2024, i32::MIN, i32::MAX] {
            assert!(feast_day(Feast::EidAlFitr, y).is_none() && feast_day(Feast::EidAlAdha, y).is_none(), "{y}");
        }
    }
}
