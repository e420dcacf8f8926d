//! A self-contained HTML page that draws a timeline.
//!
//! The page has no scripts and loads nothing: its style is one inline `<style>` and its
//! picture one inline `<svg>`. The picture has
//!
//! - a horizontal date axis from the earliest to the latest day any event covers, one band
//!   per day, with ticks every day, 2 days, week (on Mondays), 2 weeks, month, 2 months,
//!   quarter, half-year, or 1, 2, 5, 10, ... years: the finest step that leaves room between
//!   the labels; the year is written under the first tick and under each tick that starts a
//!   new one;
//! - each event as a marker on its day (a bar from its first to its last day when it covers
//!   more than one), colored by its first kind ([`kind_color`]), with its number beside it;
//!   an inherited event (a sentence that continues the dated one before it) is hollow, and
//!   an open bound (`до 15 апреля`, `с 19 марта`) has a dashed arrow pointing the way it is
//!   open;
//! - events stacked in lanes so that no two markers, bars or numbers overlap;
//! - the case counts ([`Timeline::series`] of [`FigureWhat::Cases`]) as a line in a band under
//!   the lanes, on a secondary axis at the right, when there are counts on two days or more;
//! - a legend of the kinds present and of the symbols used.
//!
//! Below the picture a table lists every event (number, date, kinds, places, figures,
//! sentence, and, for a timeline merged from several documents, the documents it was read
//! from), then the undated sentences. Each event's
//! SVG element is a link to its table row and carries a `<title>` (the tooltip: number,
//! date, kinds and sentence), `id="event-N"` and `data-event="N"`; its table row carries
//! `id="row-N"` and `data-event="N"`. `N` is the event's 1-based position in
//! [`Timeline::events`], the number drawn beside its marker. Every piece of text is escaped.

use super::markdown::{figure_text, kinds_text, number_text, sources, when_text};
use crate::event::figures::FigureWhat;
use crate::event::kinds::EventKind;
use crate::event::Event;
use crate::mention::Mod;
use crate::timeline::Timeline;
use chrono::{Datelike, Duration, NaiveDate};
use std::fmt::Write;

// ---------------------------------------------------------------------------------------
// Palette and layout: every color and size of the page is set here.
// ---------------------------------------------------------------------------------------

/// The color of an event kind: its markers, bars, legend swatch and table chips.
/// Containment measures are warm, economic ones green, health ones blue, counts red, black
/// and light green.
///
/// ```
/// use khronika::event::kinds::EventKind;
/// use khronika::export::html::kind_color;
/// assert_eq!(kind_color(EventKind::Cases), "#e11d48");
/// ```
pub fn kind_color(kind: EventKind) -> &'static str {
    match kind {
        EventKind::SchoolClosing => "#f97316",
        EventKind::WorkplaceClosing => "#b91c1c",
        EventKind::PublicEvents => "#db2777",
        EventKind::Gatherings => "#a21caf",
        EventKind::PublicTransport => "#ca8a04",
        EventKind::StayAtHome => "#7c2d12",
        EventKind::InternalMovement => "#a16207",
        EventKind::InternationalTravel => "#7c3aed",
        EventKind::IncomeSupport => "#16a34a",
        EventKind::DebtRelief => "#65a30d",
        EventKind::FiscalMeasures => "#0f766e",
        EventKind::PublicInformation => "#0ea5e9",
        EventKind::Testing => "#2563eb",
        EventKind::ContactTracing => "#4338ca",
        EventKind::FacialCoverings => "#06b6d4",
        EventKind::Vaccination => "#10b981",
        EventKind::ElderlyProtection => "#1e3a8a",
        EventKind::StateOfEmergency => "#450a0a",
        EventKind::Quarantine => "#9a3412",
        EventKind::PublicServices => "#64748b",
        EventKind::Cases => "#e11d48",
        EventKind::Deaths => "#111827",
        EventKind::Recoveries => "#4ade80",
        EventKind::Other => "#9ca3af",
    }
}

/// The case-count line and its axis.
const SERIES_COLOR: &str = "#e11d48";
/// Text, axis lines, grid lines, the plot background.
const TEXT_COLOR: &str = "#1f2937";
const MUTED_COLOR: &str = "#6b7280";
const AXIS_COLOR: &str = "#9ca3af";
const GRID_COLOR: &str = "#e5e7eb";
const PLOT_BACKGROUND: &str = "#f9fafb";

/// Width of the picture (its `viewBox`; the page scales it to fit).
const WIDTH: f64 = 1200.0;
/// Room left of the plot (the first tick's label), and right of it (the case axis).
const MARGIN_LEFT: f64 = 40.0;
const MARGIN_RIGHT: f64 = 80.0;
/// Font sizes, and the width of an average character at each, for laying out text.
const FONT_SIZE: f64 = 12.0;
const CHAR_WIDTH: f64 = 6.8;
const NUMBER_FONT_SIZE: f64 = 10.0;
const NUMBER_CHAR_WIDTH: f64 = 6.2;
/// The legend: top, row height, swatch size, space after an item.
const LEGEND_TOP: f64 = 10.0;
const LEGEND_ROW: f64 = 22.0;
const LEGEND_SWATCH: f64 = 12.0;
const LEGEND_GAP: f64 = 22.0;
/// Space between the legend and the plot.
const LEGEND_BOTTOM: f64 = 12.0;
/// Lanes: height, marker radius, bar height, length of an open bound's arrow, the smallest
/// horizontal gap between two things in one lane, and the gap before a number.
const LANE_HEIGHT: f64 = 24.0;
const MARKER_RADIUS: f64 = 6.0;
const BAR_HEIGHT: f64 = 10.0;
const TAIL: f64 = 16.0;
const LANE_GAP: f64 = 6.0;
const NUMBER_GAP: f64 = 3.0;
/// Padding inside the plot, above the first lane and below the last.
const PLOT_PADDING: f64 = 12.0;
/// Height of the band under the lanes that carries the case line (padding included).
const SERIES_HEIGHT: f64 = 150.0;
/// Room at the top of that band for the axis title.
const SERIES_TITLE: f64 = 24.0;
/// The smallest space between two tick labels on the date axis.
const TICK_LABEL_GAP: f64 = 36.0;
/// Tick length, and the baselines of the tick labels and of the year row below the axis.
const TICK_LENGTH: f64 = 5.0;
const TICK_LABEL_Y: f64 = 19.0;
const YEAR_LABEL_Y: f64 = 35.0;
const AXIS_BOTTOM: f64 = 46.0;

/// English month abbreviations for tick labels.
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// The page's style sheet; `.k-<kind id>` color rules are appended from [`kind_color`].
const STYLE: &str = "\
body{margin:24px;font:14px/1.45 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif;color:#1f2937;background:#fff}
h1{font-size:22px;margin:0 0 4px}
h2{font-size:17px;margin:28px 0 8px}
.meta{color:#6b7280;margin:0 0 16px}
.chart{width:100%;max-width:1200px;height:auto;display:block}
.chart text{font-family:system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}
.chart a:hover circle,.chart a:hover rect{stroke:#111827;stroke-width:2}
table{border-collapse:collapse;width:100%;max-width:1200px}
th,td{border-bottom:1px solid #e5e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f6;font-weight:600}
td.num,td.when{white-space:nowrap}
td.num{color:#6b7280;text-align:right}
tr:target{background:#fef9c3}
.kind{display:inline-block;margin:0 4px 2px 0;padding:0 6px;border-radius:9px;color:#fff;font-size:12px;white-space:nowrap}
.inherited{color:#4b5563}
.empty{color:#6b7280;font-style:italic}
footer{margin-top:24px;color:#9ca3af;font-size:12px}
";

// ---------------------------------------------------------------------------------------

/// The timeline as a self-contained HTML page titled `title`: a drawing of the events on a
/// date axis, then a table of them; see the [module docs](self). A timeline with no events
/// gives a page that says so.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::html::html;
/// let doc = Document::parse("date 2020-03-20 Школы закрыли 16 марта. Вчера выявлено 9 случаев.").unwrap();
/// let page = html("Хроника <март>", &analyze(&doc).timeline);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<title>Хроника &lt;март&gt;</title>"));
/// assert!(page.contains("<svg") && page.contains("data-event=\"2\""));
/// assert!(!page.contains("<script"));
/// ```
pub fn html(title: &str, timeline: &Timeline) -> String {
    let mut out = String::with_capacity(16_384 + timeline.len() * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"ru\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    let _ = writeln!(out, "<title>{}</title>", esc(title));
    out.push_str("<style>\n");
    out.push_str(STYLE);
    for kind in EventKind::ALL {
        let _ = writeln!(out, ".k-{}{{background:{}}}", kind.id(), kind_color(*kind));
    }
    out.push_str("</style>\n</head>\n<body>\n");
    let _ = writeln!(out, "<h1>{}</h1>", esc(title));
    let span = day_span(timeline);
    let _ = write!(out, "<p class=\"meta\">{}", count(timeline.len(), "event", "events"));
    if let Some((first, last)) = span {
        if first == last {
            let _ = write!(out, " on {first}");
        } else {
            let _ = write!(out, " from {first} to {last}");
        }
    }
    if !timeline.undated().is_empty() {
        let _ = write!(out, "; {}", count(timeline.undated().len(), "undated sentence", "undated sentences"));
    }
    out.push_str("</p>\n");
    match span {
        Some((first, last)) => chart(&mut out, title, timeline, first, last),
        None => out.push_str("<p class=\"empty\">There are no dated events.</p>\n"),
    }
    if !timeline.is_empty() {
        table(&mut out, timeline);
    }
    if !timeline.undated().is_empty() {
        out.push_str("<h2>Undated sentences</h2>\n<ul class=\"undated\">\n");
        for u in timeline.undated() {
            let _ = writeln!(out, "<li>{}</li>", esc(&one_line(&u.text)));
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<footer>Made by khronika.</footer>\n</body>\n</html>\n");
    out
}

/// The first and last day any event covers.
fn day_span(timeline: &Timeline) -> Option<(NaiveDate, NaiveDate)> {
    let first = timeline.iter().filter_map(Event::first_day).min()?;
    let last = timeline.iter().filter_map(|e| e.last_day().or(e.first_day())).max()?;
    Some((first, last.max(first)))
}

/// Where days are on the picture.
struct Scale {
    first: NaiveDate,
    left: f64,
    day_width: f64,
}

impl Scale {
    fn days(&self, d: NaiveDate) -> f64 {
        (d - self.first).num_days() as f64
    }
    /// The left edge of a day's band.
    fn start(&self, d: NaiveDate) -> f64 {
        self.left + self.days(d) * self.day_width
    }
    /// The right edge of a day's band.
    fn end(&self, d: NaiveDate) -> f64 {
        self.start(d) + self.day_width
    }
    /// The middle of a day's band.
    fn mid(&self, d: NaiveDate) -> f64 {
        self.start(d) + self.day_width / 2.0
    }
}

/// One event as drawn.
struct Mark<'a> {
    /// 1-based number.
    number: usize,
    event: &'a Event,
    /// The marker's center, or the bar's ends.
    x0: f64,
    x1: f64,
    bar: bool,
    /// Open to the left (`до`) or to the right (`с`, `после`).
    open_left: bool,
    open_right: bool,
    /// Where its number starts.
    number_x: f64,
    /// Horizontal extent of everything drawn for it, number included.
    left: f64,
    right: f64,
    lane: usize,
}

fn chart(out: &mut String, title: &str, timeline: &Timeline, first: NaiveDate, last: NaiveDate) {
    let plot_left = MARGIN_LEFT;
    let plot_right = WIDTH - MARGIN_RIGHT;
    let days = (last - first).num_days() + 1;
    let scale = Scale { first, left: plot_left, day_width: (plot_right - plot_left) / days as f64 };

    let mut marks = layout(timeline, &scale, plot_right);
    let lanes = pack(&mut marks);
    let series = timeline.series(FigureWhat::Cases);
    let with_series = series.len() >= 2;

    // Legend first: its height decides where the plot starts.
    let mut legend = String::new();
    let legend_height = self::legend(&mut legend, &marks, with_series);
    let plot_top = LEGEND_TOP + legend_height + LEGEND_BOTTOM;
    let lanes_bottom = plot_top + lanes as f64 * LANE_HEIGHT + 2.0 * PLOT_PADDING;
    let plot_bottom = if with_series { lanes_bottom + SERIES_HEIGHT } else { lanes_bottom };
    let plot_height = plot_bottom - plot_top;
    let height = plot_bottom + AXIS_BOTTOM;

    let _ = writeln!(
        out,
        "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" \
         width=\"{WIDTH}\" height=\"{height:.0}\" role=\"img\" aria-labelledby=\"chart-title\">"
    );
    let _ = writeln!(out, "<title id=\"chart-title\">{}</title>", esc(title));
    out.push_str(&legend);
    let _ = writeln!(
        out,
        "<rect class=\"plot\" x=\"{plot_left}\" y=\"{plot_top:.1}\" width=\"{:.1}\" height=\"{plot_height:.1}\" fill=\"{PLOT_BACKGROUND}\"/>",
        plot_right - plot_left
    );
    axis(out, &scale, first, last, plot_top, plot_bottom, plot_right);
    if with_series {
        cases(out, &scale, &series, lanes_bottom, plot_bottom, plot_right);
    }
    out.push_str("<g class=\"events\">\n");
    for m in &marks {
        draw(out, m, plot_top);
    }
    out.push_str("</g>\n</svg>\n");
}

/// Positions every dated event on the date axis (lanes are set by [`pack`]). An event's
/// number goes right of it, or left of it where it would pass `edge`, the plot's right edge.
fn layout<'a>(timeline: &'a Timeline, scale: &Scale, edge: f64) -> Vec<Mark<'a>> {
    let mut marks = Vec::with_capacity(timeline.len());
    for (i, e) in timeline.iter().enumerate() {
        let Some(first) = e.first_day() else { continue };
        let last = e.last_day().unwrap_or(first).max(first);
        let bar = last > first && scale.end(last) - scale.start(first) > 2.0 * MARKER_RADIUS + 2.0;
        let (x0, x1) =
            if bar { (scale.start(first) + 1.0, scale.end(last) - 1.0) } else { (scale.mid(first), scale.mid(first)) };
        let open_left = matches!(e.modifier, Some(Mod::Before | Mod::OnOrBefore));
        let open_right = matches!(e.modifier, Some(Mod::After | Mod::OnOrAfter));
        let number = i + 1;
        let body_left = if bar { x0 } else { x0 - MARKER_RADIUS };
        let body_right = if bar { x1 } else { x1 + MARKER_RADIUS };
        let drawn_left = body_left - if open_left { TAIL } else { 0.0 };
        let drawn_right = body_right + if open_right { TAIL } else { 0.0 };
        let number_width = number.to_string().len() as f64 * NUMBER_CHAR_WIDTH;
        let number_x = if drawn_right + NUMBER_GAP + number_width <= edge {
            drawn_right + NUMBER_GAP
        } else {
            drawn_left - NUMBER_GAP - number_width
        };
        let (left, right) = (drawn_left.min(number_x), drawn_right.max(number_x + number_width));
        marks.push(Mark { number, event: e, x0, x1, bar, open_left, open_right, number_x, left, right, lane: 0 });
    }
    marks
}

/// Puts each mark in the first lane where it fits, taking them from left to right (which is
/// optimal for intervals on a line); returns the number of lanes.
fn pack(marks: &mut [Mark]) -> usize {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    order.sort_by(|&a, &b| marks[a].left.total_cmp(&marks[b].left));
    let mut ends: Vec<f64> = Vec::new();
    for i in order {
        let m = &mut marks[i];
        match ends.iter().position(|end| *end + LANE_GAP <= m.left) {
            Some(lane) => {
                m.lane = lane;
                ends[lane] = m.right;
            }
            None => {
                m.lane = ends.len();
                ends.push(m.right);
            }
        }
    }
    ends.len().max(1)
}

/// Draws one event: a link to its table row, with a tooltip.
fn draw(out: &mut String, m: &Mark, plot_top: f64) {
    let e = m.event;
    let y = plot_top + PLOT_PADDING + (m.lane as f64 + 0.5) * LANE_HEIGHT;
    let kind = e.kinds.first().copied().unwrap_or(EventKind::Other);
    let color = kind_color(kind);
    let n = m.number;
    let _ = writeln!(out, "<a href=\"#row-{n}\" id=\"event-{n}\" data-event=\"{n}\" class=\"event k-{}\">", kind.id());
    let kinds = if e.kinds.is_empty() { EventKind::Other.label().to_string() } else { kinds_text(&e.kinds) };
    let _ =
        writeln!(out, "<title>#{n} · {} · {} — {}</title>", esc(&when_text(e)), esc(&kinds), esc(&one_line(&e.text)));
    let (fill, stroke, width) = if e.inherited { ("#fff", color, 2.0) } else { (color, "#fff", 1.5) };
    if m.open_left {
        arrow(out, m.x0 - if m.bar { 0.0 } else { MARKER_RADIUS }, y, -1.0, color);
    }
    if m.open_right {
        arrow(out, m.x1 + if m.bar { 0.0 } else { MARKER_RADIUS }, y, 1.0, color);
    }
    if m.bar {
        let _ = writeln!(
            out,
            "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{BAR_HEIGHT}\" rx=\"3\" fill=\"{fill}\" \
             stroke=\"{}\" stroke-width=\"{width}\"/>",
            m.x0,
            y - BAR_HEIGHT / 2.0,
            m.x1 - m.x0,
            if e.inherited { color } else { fill },
        );
    } else {
        let _ = writeln!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"{MARKER_RADIUS}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>",
            m.x0
        );
    }
    let _ = writeln!(
        out,
        "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{NUMBER_FONT_SIZE}\" fill=\"{MUTED_COLOR}\">{n}</text>\n</a>",
        m.number_x,
        y + NUMBER_FONT_SIZE * 0.35
    );
}

/// A dashed arrow of length [`TAIL`] from `x` in `direction` (-1 left, 1 right).
fn arrow(out: &mut String, x: f64, y: f64, direction: f64, color: &str) {
    let tip = x + direction * TAIL;
    let back = tip - direction * 5.0;
    let _ = writeln!(
        out,
        "<line x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{back:.1}\" y2=\"{y:.1}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\
         <path d=\"M{tip:.1} {y:.1}L{back:.1} {:.1}L{back:.1} {:.1}Z\" fill=\"{color}\"/>",
        y - 4.0,
        y + 4.0
    );
}

/// The legend: the kinds present (by first kind, as colored), then the symbols in use.
/// Returns its height.
fn legend(out: &mut String, marks: &[Mark], with_series: bool) -> f64 {
    let mut kinds: Vec<EventKind> = Vec::new();
    for m in marks {
        let k = m.event.kinds.first().copied().unwrap_or(EventKind::Other);
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    let order = |k: &EventKind| EventKind::ALL.iter().position(|a| a == k).unwrap_or(usize::MAX);
    kinds.sort_by_key(order);

    enum Symbol {
        Kind(EventKind),
        Interval,
        Inherited,
        Open,
        Series,
    }
    let mut items: Vec<(Symbol, String)> = kinds.iter().map(|k| (Symbol::Kind(*k), k.label().to_string())).collect();
    if marks.iter().any(|m| m.bar) {
        items.push((Symbol::Interval, "several days".into()));
    }
    if marks.iter().any(|m| m.event.inherited) {
        items.push((Symbol::Inherited, "continues the sentence before".into()));
    }
    if marks.iter().any(|m| m.open_left || m.open_right) {
        items.push((Symbol::Open, "open bound (до …, с …)".into()));
    }
    if with_series {
        items.push((Symbol::Series, "case count (right axis)".into()));
    }

    out.push_str("<g class=\"legend\">\n");
    let (mut x, mut row) = (MARGIN_LEFT, 0usize);
    for (symbol, label) in &items {
        let width = LEGEND_SWATCH + 6.0 + label.chars().count() as f64 * CHAR_WIDTH;
        if x + width > WIDTH - MARGIN_RIGHT && x > MARGIN_LEFT {
            x = MARGIN_LEFT;
            row += 1;
        }
        let cy = LEGEND_TOP + row as f64 * LEGEND_ROW + LEGEND_ROW / 2.0;
        let cx = x + LEGEND_SWATCH / 2.0;
        let r = LEGEND_SWATCH / 2.0;
        let s = LEGEND_SWATCH;
        let _ = match symbol {
            Symbol::Kind(k) => {
                write!(out, "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r}\" fill=\"{}\"/>", kind_color(*k))
            }
            Symbol::Interval => write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{s}\" height=\"{:.1}\" rx=\"2\" fill=\"{AXIS_COLOR}\"/>",
                cy - BAR_HEIGHT / 2.0 + 1.0,
                BAR_HEIGHT - 2.0
            ),
            Symbol::Inherited => write!(
                out,
                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{:.1}\" fill=\"#fff\" stroke=\"{AXIS_COLOR}\" stroke-width=\"2\"/>",
                r - 1.0
            ),
            Symbol::Open => write!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{cy:.1}\" x2=\"{:.1}\" y2=\"{cy:.1}\" stroke=\"{AXIS_COLOR}\" stroke-width=\"2\" \
                 stroke-dasharray=\"3 2\"/><path d=\"M{:.1} {cy:.1}L{:.1} {:.1}L{:.1} {:.1}Z\" fill=\"{AXIS_COLOR}\"/>",
                x + s - 5.0,
                x + s,
                x + s - 5.0,
                cy - 4.0,
                x + s - 5.0,
                cy + 4.0
            ),
            Symbol::Series => write!(
                out,
                "<line x1=\"{x:.1}\" y1=\"{cy:.1}\" x2=\"{:.1}\" y2=\"{cy:.1}\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\"/>",
                x + s
            ),
        };
        let _ = writeln!(
            out,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{FONT_SIZE}\" fill=\"{TEXT_COLOR}\">{}</text>",
            x + s + 6.0,
            cy + FONT_SIZE * 0.35,
            esc(label)
        );
        x += width + LEGEND_GAP;
    }
    out.push_str("</g>\n");
    (row + 1) as f64 * LEGEND_ROW
}

/// How far apart the date ticks are.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Step {
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
const STEPS: [Step; 17] = [
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
fn tick_step(day_width: f64) -> Step {
    STEPS
        .into_iter()
        .find(|s| s.approx_days() * day_width >= s.label_chars() * CHAR_WIDTH + TICK_LABEL_GAP)
        .unwrap_or(Step::Years(1000))
}

/// The tick days from `first` to `last`.
fn ticks(step: Step, first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
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
fn axis(out: &mut String, scale: &Scale, first: NaiveDate, last: NaiveDate, top: f64, bottom: f64, right: f64) {
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
fn cases(out: &mut String, scale: &Scale, series: &[(NaiveDate, f64)], top: f64, bottom: f64, right: f64) {
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
fn nice_step(raw: f64) -> f64 {
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

/// The events table; it has a Sources column when the events come from several documents.
fn table(out: &mut String, timeline: &Timeline) {
    let mut docs: Vec<&str> = Vec::new();
    for e in timeline {
        for id in sources(e) {
            if !docs.contains(&id) {
                docs.push(id);
            }
        }
    }
    let with_sources = docs.len() > 1;
    out.push_str("<h2>Events</h2>\n<table class=\"events\">\n<thead><tr><th>#</th><th>When</th><th>Kinds</th>");
    out.push_str("<th>Places</th><th>Figures</th><th>Sentence</th>");
    if with_sources {
        out.push_str("<th>Sources</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, e) in timeline.iter().enumerate() {
        let n = i + 1;
        let _ = write!(out, "<tr id=\"row-{n}\" data-event=\"{n}\"><td class=\"num\">{n}</td>");
        let _ = write!(out, "<td class=\"when\">{}</td><td>", esc(&when_text(e)).replace('/', "/<wbr>"));
        for k in &e.kinds {
            let _ = write!(out, "<span class=\"kind k-{}\">{}</span>", k.id(), esc(k.label()));
        }
        let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
        let figures: Vec<String> = e.figures.iter().map(figure_text).collect();
        let _ = write!(out, "</td><td>{}</td><td>{}</td>", esc(&places.join(", ")), esc(&figures.join(", ")));
        if e.inherited {
            let _ = write!(out, "<td class=\"inherited\">↳ {}</td>", esc(&one_line(&e.text)));
        } else {
            let _ = write!(out, "<td>{}</td>", esc(&one_line(&e.text)));
        }
        if with_sources {
            let _ = write!(out, "<td>{}</td>", esc(&sources(e).join(", ")));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// `1 event`, `3 events`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whitespace runs (line breaks included) as one space.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Escapes text for HTML character data and double- or single-quoted attribute values.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\0' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
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

    #[test]
    fn every_kind_has_a_distinct_color() {
        let mut colors: Vec<&str> = EventKind::ALL.iter().map(|k| kind_color(*k)).collect();
        colors.sort_unstable();
        colors.dedup();
        assert_eq!(colors.len(), EventKind::ALL.len());
    }

    #[test]
    fn escaping() {
        assert_eq!(esc("<a href=\"x\">'&'</a>"), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    }
}
