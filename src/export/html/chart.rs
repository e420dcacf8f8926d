//! The picture: events laid out in lanes on the date axis, each drawn as a marker or a bar
//! that links to its table row, and the legend.

use super::axis::{axis, cases};
use super::style::*;
use crate::event::figures::FigureWhat;
use crate::event::kinds::EventKind;
use crate::event::Event;
use crate::export::escape::{html as esc, one_line};
use crate::export::labels::{evidence_text, kinds_text, measures_text, when_text};
use crate::mention::Mod;
use crate::timeline::Timeline;
use chrono::NaiveDate;
use std::fmt::Write;

/// Where days are on the picture.
pub(super) struct Scale {
    pub(super) first: NaiveDate,
    pub(super) left: f64,
    pub(super) day_width: f64,
}

impl Scale {
    pub(super) fn days(&self, d: NaiveDate) -> f64 {
        (d - self.first).num_days() as f64
    }
    /// The left edge of a day's band.
    pub(super) fn start(&self, d: NaiveDate) -> f64 {
        self.left + self.days(d) * self.day_width
    }
    /// The right edge of a day's band.
    pub(super) fn end(&self, d: NaiveDate) -> f64 {
        self.start(d) + self.day_width
    }
    /// The middle of a day's band.
    pub(super) fn mid(&self, d: NaiveDate) -> f64 {
        self.start(d) + self.day_width / 2.0
    }
}

/// One event as drawn.
pub(super) struct Mark<'a> {
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

pub(super) fn chart(out: &mut String, title: &str, timeline: &Timeline, first: NaiveDate, last: NaiveDate) {
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
pub(super) fn layout<'a>(timeline: &'a Timeline, scale: &Scale, edge: f64) -> Vec<Mark<'a>> {
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
pub(super) fn pack(marks: &mut [Mark]) -> usize {
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

/// Draws one event: a link to its table row, with a tooltip (`#3 · 2020-03-16 · quarantine
/// · measures: school closing · 3 sentences — С 16 марта ...`: its number, when, kinds, a
/// decree's measures when it has any, its evidence count and its first sentence).
pub(super) fn draw(out: &mut String, m: &Mark, plot_top: f64) {
    let e = m.event;
    let y = plot_top + PLOT_PADDING + (m.lane as f64 + 0.5) * LANE_HEIGHT;
    let kind = e.kinds.first().copied().unwrap_or(EventKind::Other);
    let color = kind_color(kind);
    let n = m.number;
    let _ = writeln!(out, "<a href=\"#row-{n}\" id=\"event-{n}\" data-event=\"{n}\" class=\"event k-{}\">", kind.id());
    let kinds = if e.kinds.is_empty() { EventKind::Other.label().to_string() } else { kinds_text(&e.kinds) };
    let _ = write!(out, "<title>#{n} · {} · {}", esc(&when_text(e)), esc(&kinds));
    if !e.measures.is_empty() {
        let _ = write!(out, " · {}", esc(&measures_text(&e.measures)));
    }
    let _ = writeln!(out, " · {} — {}</title>", evidence_text(e), esc(&one_line(&e.text)));
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
pub(super) fn arrow(out: &mut String, x: f64, y: f64, direction: f64, color: &str) {
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
pub(super) fn legend(out: &mut String, marks: &[Mark], with_series: bool) -> f64 {
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
        items.push((Symbol::Open, "open bound (until …, from …)".into()));
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
