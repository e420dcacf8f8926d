//! The axes: dates along the bottom (ticks at the finest step that leaves room for their
//! labels) and the case counts on the right.

use super::chart::Scale;
use super::style::*;
use crate::export::escape::html as esc;
use crate::export::labels::number_text;
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

/// The date axis: grid lines, ticks, their labels and the year row.
pub(super) fn axis(
    out: &mut String,
    scale: &Scale,
    first: NaiveDate,
    last: NaiveDate,
    top: f64,
    bottom: f64,
    right: f64,
) {
    let step = tick_step(scale.day_width);
    let days = ticks(step, first, last);
    out.push_str("<g class=\"axis\">\n");
    let _ = writeln!(
        out,
        "<line x1=\"{:.1}\" y1=\"{bottom:.1}\" x2=\"{right:.1}\" y2=\"{bottom:.1}\" stroke=\"{AXIS_COLOR}\"/>",
        scale.left
    );
    let mut year_shown: Option<i32> = None;
    for d in days {
        let x = scale.mid(d);
        let _ = writeln!(
            out,
            "<line x1=\"{x:.1}\" y1=\"{top:.1}\" x2=\"{x:.1}\" y2=\"{bottom:.1}\" stroke=\"{GRID_COLOR}\"/>\
             <line x1=\"{x:.1}\" y1=\"{bottom:.1}\" x2=\"{x:.1}\" y2=\"{:.1}\" stroke=\"{AXIS_COLOR}\"/>",
            bottom + TICK_LENGTH
        );
        let label = match step {
            Step::Days(_) | Step::Weeks(_) => format!("{} {}", d.day(), MONTHS[d.month0() as usize]),
            Step::Months(_) => MONTHS[d.month0() as usize].to_string(),
            Step::Years(_) => d.year().to_string(),
        };
        let _ = writeln!(
            out,
            "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{FONT_SIZE}\" fill=\"{TEXT_COLOR}\" text-anchor=\"middle\">{label}</text>",
            bottom + TICK_LABEL_Y
        );
        if !matches!(step, Step::Years(_)) && year_shown != Some(d.year()) {
            year_shown = Some(d.year());
            let _ = writeln!(
                out,
                "<text x=\"{x:.1}\" y=\"{:.1}\" font-size=\"{FONT_SIZE}\" fill=\"{MUTED_COLOR}\" text-anchor=\"middle\">{}</text>",
                bottom + YEAR_LABEL_Y,
                d.year()
            );
        }
    }
    out.push_str("</g>\n");
}

/// The case counts: a line in the band from `top` to `bottom` under the lanes, and its axis
/// at the right.
pub(super) fn cases(out: &mut String, scale: &Scale, series: &[(NaiveDate, f64)], top: f64, bottom: f64, right: f64) {
    let max = series.iter().map(|p| p.1).fold(0.0_f64, f64::max);
    let step = nice_step(max / 4.0);
    let top_value = ((max / step).ceil() * step).max(step);
    let y0 = bottom - PLOT_PADDING;
    let y1 = top + SERIES_TITLE;
    let y = |v: f64| y0 - v / top_value * (y0 - y1);
    out.push_str("<g class=\"series\">\n");
    let _ = writeln!(
        out,
        "<line x1=\"{:.1}\" y1=\"{top:.1}\" x2=\"{right:.1}\" y2=\"{top:.1}\" stroke=\"{GRID_COLOR}\" stroke-width=\"2\"/>",
        scale.left
    );
    let axis_x = right + 6.0;
    let _ = writeln!(
        out,
        "<line x1=\"{axis_x:.1}\" y1=\"{y1:.1}\" x2=\"{axis_x:.1}\" y2=\"{y0:.1}\" stroke=\"{SERIES_COLOR}\" stroke-opacity=\"0.6\"/>"
    );
    let mut v = 0.0;
    while v <= top_value + step / 2.0 {
        let _ = writeln!(
            out,
            "<line x1=\"{axis_x:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{SERIES_COLOR}\" stroke-opacity=\"0.6\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{NUMBER_FONT_SIZE}\" fill=\"{SERIES_COLOR}\">{}</text>",
            y(v),
            axis_x + 4.0,
            y(v),
            axis_x + 7.0,
            y(v) + NUMBER_FONT_SIZE * 0.35,
            esc(&number_text(v))
        );
        v += step;
    }
    let _ = writeln!(
        out,
        "<text x=\"{axis_x:.1}\" y=\"{:.1}\" font-size=\"{NUMBER_FONT_SIZE}\" fill=\"{SERIES_COLOR}\" text-anchor=\"middle\">cases</text>",
        y1 - NUMBER_FONT_SIZE
    );
    let points: Vec<String> = series.iter().map(|(d, v)| format!("{:.1},{:.1}", scale.mid(*d), y(*v))).collect();
    let _ = writeln!(
        out,
        "<polyline points=\"{}\" fill=\"none\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\" stroke-opacity=\"0.45\" stroke-linejoin=\"round\"/>",
        points.join(" ")
    );
    for (d, v) in series {
        let _ = writeln!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"3\" fill=\"{SERIES_COLOR}\" fill-opacity=\"0.7\"><title>{d}: {} cases</title></circle>",
            scale.mid(*d),
            y(*v),
            esc(&number_text(*v))
        );
    }
    out.push_str("</g>\n");
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
    fn nice_steps() {
        assert_eq!(nice_step(0.75), 1.0);
        assert_eq!(nice_step(7.75), 10.0);
        assert_eq!(nice_step(12.0), 20.0);
        assert_eq!(nice_step(260.0), 500.0);
        assert_eq!(nice_step(f64::NAN), 1.0);
        assert_eq!(nice_step(f64::INFINITY), 1.0);
    }
}
