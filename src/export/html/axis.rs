//! The date axis: which days it shows (the dense part of the events, see [`range`]),
//! where a day is drawn ([`Scale`]), and its ticks at the finest step that leaves room for
//! their labels, one group of ticks for each zoom the page's script may pick.

use super::style::*;
use crate::value::Value;
use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::Write;

/// How far apart the date ticks are.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(super) enum Step {
    Days(i64),
    Weeks(i64),
    Months(u32),
    Years(i32),
}

impl Step {
    fn approx_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Weeks(n) => 7.0 * n as f64,
            Step::Months(n) => 30.44 * n as f64,
            Step::Years(n) => 365.25 * n as f64,
        }
    }

    /// The longest tick label at this step: `16 Mar`, `Mar`, `2020`.
    fn label_chars(self) -> f64 {
        match self {
            Step::Days(_) | Step::Weeks(_) => 6.0,
            Step::Months(_) => 3.0,
            Step::Years(_) => 4.0,
        }
    }
}

/// The tick steps tried, finest first.
pub(super) const STEPS: [Step; 17] = [
    Step::Days(1),
    Step::Days(2),
    Step::Weeks(1),
    Step::Weeks(2),
    Step::Months(1),
    Step::Months(2),
    Step::Months(3),
    Step::Months(6),
    Step::Years(1),
    Step::Years(2),
    Step::Years(5),
    Step::Years(10),
    Step::Years(20),
    Step::Years(50),
    Step::Years(100),
    Step::Years(500),
    Step::Years(1000),
];

/// The finest step that leaves [`TICK_LABEL_GAP`] between tick labels.
pub(super) fn tick_step(day_width: f64) -> Step {
    STEPS
        .into_iter()
        .find(|s| s.approx_days() * day_width >= s.label_chars() * CHAR_WIDTH + TICK_LABEL_GAP)
        .unwrap_or(Step::Years(1000))
}

/// The tick days from `first` to `last`.
pub(super) fn ticks(step: Step, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut out = Vec::new();
    let mut push_every = |start: NaiveDate, days: i64| {
        let mut d = start;
        while d <= last {
            out.push(d);
            d += Duration::days(days);
        }
    };
    match step {
        Step::Days(n) => push_every(first, n),
        Step::Weeks(n) => {
            let to_monday = (7 - first.weekday().num_days_from_monday() as i64) % 7;
            push_every(first + Duration::days(to_monday), 7 * n);
        }
        Step::Months(n) => {
            let (mut y, mut m) = (first.year(), first.month());
            while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
                if d > last {
                    break;
                }
                if d >= first && (m - 1) % n == 0 {
                    out.push(d);
                }
                (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
            }
        }
        Step::Years(n) => {
            let mut y = first.year();
            while let Some(d) = NaiveDate::from_ymd_opt(y, 1, 1) {
                if d > last {
                    break;
                }
                if d >= first && y.rem_euclid(n) == 0 {
                    out.push(d);
                }
                y += 1;
            }
        }
    }
    if out.is_empty() {
        out.push(first);
    }
    out
}

/// A tick's label at `step`: `16 Mar`, `Mar`, `2020`.
pub(super) fn tick_label(step: Step, d: NaiveDate) -> String {
    match step {
        Step::Days(_) | Step::Weeks(_) => format!("{} {}", d.day(), MONTHS[d.month0() as usize]),
        Step::Months(_) => MONTHS[d.month0() as usize].to_string(),
        Step::Years(_) => d.year().to_string(),
    }
}

/// The room a tick step needs between two ticks, in pixels: its longest label and the gap.
fn room(step: Step) -> f64 {
    step.label_chars() * CHAR_WIDTH + TICK_LABEL_GAP
}

/// The date axis of the lanes, from `top` (the grid lines' top) to `bottom` (the axis
/// line): one group of ticks (grid line, tick, label) for each step that some zoom up to
/// `zoom` times needs, finest first, each tick at its day (`data-d`, days from the axis
/// start), and the group that fits the whole axis shown (the others are `display="none"`
/// until the page's script picks one); then the year row. A group is left out when it
/// would have more than [`MAX_TICKS`] ticks.
pub(super) fn axis(out: &mut String, scale: &Scale, zoom: f64, top: f64, bottom: f64) {
    let shown = tick_step(scale.day_width);
    let finest = tick_step(scale.day_width * zoom);
    let from = STEPS.iter().position(|s| *s == finest).unwrap_or(0);
    let to = STEPS.iter().position(|s| *s == shown).unwrap_or(STEPS.len() - 1);
    let last = scale.day(scale.days - 1);
    out.push_str("<g class=\"axis\">\n");
    let _ = writeln!(
        out,
        "<line x1=\"0\" y1=\"{bottom:.1}\" x2=\"{:.1}\" y2=\"{bottom:.1}\" stroke=\"{AXIS_COLOR}\"/>",
        scale.width()
    );
    for &step in STEPS.get(from..=to.max(from)).unwrap_or(&[]) {
        let days = ticks(step, scale.first, last);
        if days.len() > MAX_TICKS && step != shown {
            continue;
        }
        let hidden = if step == shown { "" } else { " display=\"none\"" };
        let _ = writeln!(
            out,
            "<g class=\"ticks\" data-a=\"{:.2}\" data-c=\"{:.1}\" data-y=\"{}\"{hidden}>",
            step.approx_days(),
            room(step),
            u8::from(matches!(step, Step::Years(_)))
        );
        for d in days {
            let i = scale.index(d);
            let _ = writeln!(
                out,
                "<g data-d=\"{i}\" transform=\"translate({:.1} 0)\"><line y1=\"{top:.1}\" y2=\"{bottom:.1}\" stroke=\"{GRID_COLOR}\"/>\
                 <line y1=\"{bottom:.1}\" y2=\"{:.1}\" stroke=\"{AXIS_COLOR}\"/>\
                 <text y=\"{:.1}\" font-size=\"{FONT_SIZE}\" fill=\"{TEXT_COLOR}\" text-anchor=\"middle\">{}</text></g>",
                scale.mid(i),
                bottom + TICK_LENGTH,
                bottom + TICK_LABEL_Y,
                tick_label(step, d)
            );
        }
        out.push_str("</g>\n");
    }
    years(out, scale, bottom, matches!(shown, Step::Years(_)));
    out.push_str("</g>\n");
}

/// The year row under the tick labels: each year's number at its first day on the axis
/// (`data-d`), the year the axis starts in kept at the left edge until the next one
/// pushes it out (the page's script moves them as it zooms); hidden when the ticks are
/// years themselves.
fn years(out: &mut String, scale: &Scale, bottom: f64, hidden: bool) {
    let last = scale.day(scale.days - 1);
    let hidden = if hidden { " display=\"none\"" } else { "" };
    let _ = writeln!(out, "<g class=\"years\"{hidden}>");
    let mut starts = vec![(scale.first.year(), 0i64)];
    let mut y = scale.first.year();
    while let Some(d) = y.checked_add(1).and_then(|n| NaiveDate::from_ymd_opt(n, 1, 1)) {
        if d > last || starts.len() > MAX_TICKS {
            break;
        }
        starts.push((d.year(), scale.index(d)));
        y += 1;
    }
    let xs: Vec<f64> = starts.iter().map(|(_, i)| scale.start(*i)).collect();
    for (k, (year, i)) in starts.iter().enumerate() {
        let x = year_x(&xs, k, scale.pad);
        let _ = writeln!(
            out,
            "<text data-d=\"{i}\" x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{FONT_SIZE}\" fill=\"{MUTED_COLOR}\">{year}</text>",
            bottom + YEAR_LABEL_Y
        );
    }
    out.push_str("</g>\n");
}

/// Where the `k`-th year label goes, given where every year starts (`xs`): at its start,
/// or at `left` while its year runs on past the left edge, pushed out by the next one.
fn year_x(xs: &[f64], k: usize, left: f64) -> f64 {
    let x = xs.get(k).copied().unwrap_or(left);
    let next = xs.get(k + 1).copied().unwrap_or(f64::INFINITY);
    if x >= left {
        x
    } else {
        left.min(next - YEAR_LABEL_ROOM)
    }
}

/// Where the days of the lanes are drawn: the axis's first day and length, the width of a
/// day, and the padding left of the first day inside the plot (marks at the edges stay
/// whole).
pub(super) struct Scale {
    pub(super) first: NaiveDate,
    pub(super) days: i64,
    pub(super) day_width: f64,
    pub(super) pad: f64,
}

impl Scale {
    /// A scale of `first..=last` over `width` pixels.
    pub(super) fn new(first: NaiveDate, last: NaiveDate, width: f64, pad: f64) -> Scale {
        let days = ((last - first).num_days() + 1).max(1);
        Scale { first, days, day_width: width / days as f64, pad }
    }
    /// Days from the axis start.
    pub(super) fn index(&self, d: NaiveDate) -> i64 {
        (d - self.first).num_days()
    }
    /// The day `i` days after the axis start (the start itself when out of range).
    pub(super) fn day(&self, i: i64) -> NaiveDate {
        self.first.checked_add_signed(Duration::days(i)).unwrap_or(self.first)
    }
    /// The left edge of day `i`'s band.
    pub(super) fn start(&self, i: i64) -> f64 {
        self.pad + i as f64 * self.day_width
    }
    /// The middle of day `i`'s band.
    pub(super) fn mid(&self, i: i64) -> f64 {
        self.start(i) + self.day_width / 2.0
    }
    /// The whole plot's width, padding included.
    pub(super) fn width(&self) -> f64 {
        2.0 * self.pad + self.days as f64 * self.day_width
    }
}

/// Why an event is not drawn on the axis (it is listed in the table of events outside it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Outside {
    /// Its value is coarser than a month: a year, a half, a quarter, a season (or an
    /// interval with such an end).
    Coarse,
    /// Its value is not on the calendar (a duration, a set, a reference to the present).
    NoDay,
    /// It starts before the axis: far before the dense part of the events.
    Before,
    /// It starts after the axis.
    After,
}

impl Outside {
    /// What a reader is told.
    pub(super) fn text(self) -> &'static str {
        match self {
            Outside::Coarse => "coarser than a month",
            Outside::NoDay => "not a calendar date",
            Outside::Before => "before the axis",
            Outside::After => "after the axis",
        }
    }
}

/// Whether a value is fine enough to be drawn on a day axis ([`Value::is_daily`]).
pub(super) fn fine(v: &Value) -> bool {
    v.is_daily()
}

/// The days the axis may show, from the first days of the fine-grained events (as day
/// numbers): the 5th to the 95th percentile widened on each side by a quarter of their
/// distance, and the quartiles widened by one and a half times theirs (Tukey's fences),
/// each by at least [`MIN_MARGIN_DAYS`]; the narrower of the two on each side. (The
/// percentiles cut the sparse tails of a large corpus; the quartiles find the outliers
/// among a few dates, where the percentiles are the extremes themselves.) An event that
/// starts outside it is listed, not drawn, so that a stray date does not stretch the axis
/// over years. Linear: selections, no sort.
pub(super) fn range(days: &mut [i64]) -> Option<(i64, i64)> {
    let widen = |low: f64, high: f64, share: f64| {
        let margin = ((high - low) * share).max(MIN_MARGIN_DAYS as f64);
        (low - margin, high + margin)
    };
    let (a, b) = widen(quantile(days, 0.05)?, quantile(days, 0.95)?, MARGIN_SHARE);
    let (c, d) = widen(quantile(days, 0.25)?, quantile(days, 0.75)?, FENCE_SHARE);
    Some((a.max(c).floor() as i64, b.min(d).ceil() as i64))
}

/// The `p`-quantile of `days`, interpolated between the two nearest order statistics
/// (reorders `days`).
fn quantile(days: &mut [i64], p: f64) -> Option<f64> {
    let n = days.len();
    if n == 0 {
        return None;
    }
    let at = p.clamp(0.0, 1.0) * (n - 1) as f64;
    let i = (at.floor() as usize).min(n - 1);
    let (_, &mut a, rest) = days.select_nth_unstable(i);
    let b = rest.iter().copied().min().unwrap_or(a);
    Some(a as f64 + (at - i as f64) * (b - a) as f64)
}

/// 1, 2 or 5 times a power of ten, at least `raw` and at least 1.
pub(super) fn nice_step(raw: f64) -> f64 {
    if !raw.is_finite() || raw <= 1.0 {
        return 1.0;
    }
    let magnitude = 10f64.powf(raw.log10().floor());
    let f = raw / magnitude;
    let nice = if f <= 1.0 {
        1.0
    } else if f <= 2.0 {
        2.0
    } else if f <= 5.0 {
        5.0
    } else {
        10.0
    };
    nice * magnitude
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_fit_the_span() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
        let plot = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
        let step = |first: NaiveDate, last: NaiveDate| tick_step(plot / ((last - first).num_days() + 1) as f64);
        assert_eq!(step(d(2020, 3, 20), d(2020, 3, 20)), Step::Days(1));
        assert_eq!(step(d(2020, 3, 1), d(2020, 3, 10)), Step::Days(1));
        assert_eq!(step(d(2020, 3, 1), d(2020, 3, 31)), Step::Weeks(1));
        assert_eq!(step(d(2020, 1, 1), d(2020, 12, 31)), Step::Months(1));
        assert_eq!(step(d(2020, 3, 16), d(2020, 4, 30)), Step::Weeks(1));
        assert_eq!(step(d(2018, 1, 1), d(2021, 12, 31)), Step::Months(3));
        assert_eq!(step(d(1945, 5, 9), d(2020, 3, 20)), Step::Years(5));
        assert_eq!(ticks(Step::Weeks(1), d(2020, 3, 18), d(2020, 4, 3)), [d(2020, 3, 23), d(2020, 3, 30)]);
        assert_eq!(
            ticks(Step::Months(3), d(2020, 2, 15), d(2020, 12, 31)),
            [d(2020, 4, 1), d(2020, 7, 1), d(2020, 10, 1)]
        );
        assert_eq!(ticks(Step::Years(1), d(2020, 2, 15), d(2020, 12, 31)), [d(2020, 2, 15)]);
    }

    #[test]
    fn the_range_is_the_dense_part_of_the_days() {
        assert_eq!(range(&mut []), None);
        // Evenly spread days have no outliers.
        let mut even: Vec<i64> = (0..=1000).collect();
        let (lo, hi) = range(&mut even).unwrap();
        assert!(lo <= 0 && hi >= 1000, "{lo}..{hi}");
        // A month of news and a stray date four hundred days before it.
        let mut days: Vec<i64> = (0..30).chain([-400]).collect();
        let (lo, hi) = range(&mut days).unwrap();
        assert!((-400 < lo) && lo <= 0 && hi >= 29, "{lo}..{hi}");
        // Among a few dates too: the quartiles find the far one.
        let (lo, _) = range(&mut [0, 100, 101, 102, 103]).unwrap();
        assert!(0 < lo && lo <= 100, "{lo}");
        // One day: a month either side.
        assert_eq!(range(&mut [50, 50, 50]), Some((50 - MIN_MARGIN_DAYS, 50 + MIN_MARGIN_DAYS)));
        // A large corpus: the sparse tails of the 5% are cut, the rest stays.
        let mut corpus: Vec<i64> = (0..2000).map(|i| 1000 + i % 700).chain((0..40).map(|i| i * 20)).collect();
        let (lo, hi) = range(&mut corpus).unwrap();
        assert!(lo > 0 && lo <= 1000 && hi >= 1699, "{lo}..{hi}");
    }

    #[test]
    fn coarse_values_are_not_fine() {
        let v = |s: &str| s.parse::<Value>().unwrap();
        for s in ["2020-03-16", "2020-03-16T10:00", "2020-W12", "2020-W12-WE", "2020-03", "2020-03-16/2020-04-15"] {
            assert!(fine(&v(s)), "{s}");
        }
        for s in ["2020", "2020-Q1", "2020-SP", "2020-H1", "2020-03/2020", "P14D", "PRESENT_REF"] {
            assert!(!fine(&v(s)), "{s}");
        }
    }

    #[test]
    fn nice_steps() {
        assert_eq!(nice_step(0.75), 1.0);
        assert_eq!(nice_step(7.75), 10.0);
        assert_eq!(nice_step(12.0), 20.0);
        assert_eq!(nice_step(260.0), 500.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
        assert_eq!(nice_step(f64::INFINITY), 1.0);
    }
}
