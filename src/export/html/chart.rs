//! The picture: one lane per kind, its events' marks on the date axis, and the legend.
//!
//! In a lane, the events of one day are one mark each, or, from [`AGGREGATE_AT`] events on,
//! one mark with their count; an event that covers several days also has a thin bar in the
//! lane's bar tracks. Marks are packed into at most [`LANE_ROWS`] rows, left to right: a mark
//! keeps its label (its short title) where the row has room for it, and a crowded day
//! hides the label of the mark before it, so the height of the picture is bounded by the
//! number of kinds, whatever the number of events. The page's script runs the same packing
//! (`pack` in `script.js`) after each zoom or filter.

use super::axis::{axis, Scale};
use super::model::{kind_index, short_title, Model, Spot};
use super::style::*;
use crate::event::kinds::EventKind;
use crate::export::escape::{html as esc, one_line};
use crate::export::labels::{evidence_text, kinds_text, measures_text, when_text};
use crate::mention::Mod;
use std::fmt::Write;

/// A lane: the events whose first kind is `kind`.
pub(super) struct Lane {
    pub(super) kind: EventKind,
    pub(super) marks: Vec<Mark>,
    pub(super) bars: Vec<Bar>,
    /// Rows of marks used (1 or [`LANE_ROWS`]).
    pub(super) rows: usize,
    /// Bar tracks used (0 when no event of the lane covers several days).
    pub(super) tracks: usize,
    /// Events drawn in it.
    pub(super) events: usize,
}

impl Lane {
    /// The height of the bar tracks, with the space under them.
    fn bars_height(&self) -> f64 {
        if self.tracks == 0 {
            0.0
        } else {
            self.tracks as f64 * BAR_HEIGHT + (self.tracks - 1) as f64 * BAR_GAP + 3.0
        }
    }
    fn height(&self) -> f64 {
        2.0 * LANE_PAD + self.bars_height() + self.rows as f64 * ROW_HEIGHT
    }
}

/// One mark: an event, or the events of one day of a lane with their count.
pub(super) struct Mark {
    /// Days from the axis start.
    pub(super) day: i64,
    /// The events (indices into the timeline), in its order.
    pub(super) members: Vec<usize>,
    /// One event's mark (not a count) even when it stands alone in a day.
    pub(super) single: bool,
    pub(super) r: f64,
    /// An open bound's arrow left (`до`) or right (`с`, `после`) of it.
    pub(super) tail_left: f64,
    pub(super) tail_right: f64,
    pub(super) label: String,
    pub(super) row: usize,
    pub(super) label_on: bool,
    pub(super) label_left: bool,
}

impl Mark {
    fn label_width(&self) -> f64 {
        self.label.chars().count() as f64 * LABEL_CHAR_WIDTH
    }
}

/// A bar from an event's first day to its last (cut at the axis end).
pub(super) struct Bar {
    pub(super) event: usize,
    pub(super) first: i64,
    pub(super) last: i64,
    pub(super) track: usize,
}

/// The radius of a mark of `count` events.
pub(super) fn count_radius(count: usize) -> f64 {
    if count <= 1 {
        MARKER_RADIUS
    } else {
        (6.5 + 0.8 * (count as f64).log2()).min(9.0)
    }
}

/// The lanes of the events on the axis, in [`EventKind::ALL`]'s order, with their marks
/// and bars (not yet packed). Sorting each lane's events by day is the only step above
/// linear.
pub(super) fn lanes(model: &Model) -> Vec<Lane> {
    let mut per_kind: Vec<Vec<(i64, usize)>> = vec![Vec::new(); EventKind::ALL.len()];
    for (i, item) in model.items.iter().enumerate() {
        if let Spot::Axis { first, .. } = item.spot {
            per_kind[kind_index(item.lane)].push((first, i));
        }
    }
    let events = model.timeline.events();
    let mut lanes = Vec::new();
    for (kind, mut days) in EventKind::ALL.iter().copied().zip(per_kind) {
        if days.is_empty() {
            continue;
        }
        days.sort_unstable();
        let mut marks = Vec::new();
        let mut start = 0;
        while start < days.len() {
            let day = days[start].0;
            let end = days[start..].iter().position(|d| d.0 != day).map_or(days.len(), |k| start + k);
            let members: Vec<usize> = days[start..end].iter().map(|d| d.1).collect();
            if members.len() < AGGREGATE_AT {
                for &i in &members {
                    let e = &events[i];
                    let open_left = matches!(e.modifier, Some(Mod::Before | Mod::OnOrBefore));
                    let open_right = matches!(e.modifier, Some(Mod::After | Mod::OnOrAfter));
                    let main = model.items[i].main.map(|p| model.place_name(p));
                    marks.push(Mark {
                        day,
                        members: vec![i],
                        single: true,
                        r: MARKER_RADIUS,
                        tail_left: if open_left { TAIL } else { 0.0 },
                        tail_right: if open_right { TAIL } else { 0.0 },
                        label: short_title(kind, main, 0),
                        row: 0,
                        label_on: true,
                        label_left: false,
                    });
                }
            } else {
                let label = day_title(model, kind, &members);
                marks.push(Mark {
                    day,
                    r: count_radius(members.len()),
                    members,
                    single: false,
                    tail_left: 0.0,
                    tail_right: 0.0,
                    label,
                    row: 0,
                    label_on: true,
                    label_left: false,
                });
            }
            start = end;
        }
        let mut bars = Vec::new();
        let mut ends: Vec<i64> = Vec::with_capacity(BAR_TRACKS);
        for &(first, i) in &days {
            let Spot::Axis { last, .. } = model.items[i].spot else { continue };
            if last <= first {
                continue;
            }
            let track = match ends.iter().position(|end| *end < first) {
                Some(t) => t,
                None if ends.len() < BAR_TRACKS => {
                    ends.push(i64::MIN);
                    ends.len() - 1
                }
                None => (0..ends.len()).min_by_key(|&t| ends[t]).unwrap_or(0),
            };
            ends[track] = ends[track].max(last);
            bars.push(Bar { event: i, first, last, track });
        }
        lanes.push(Lane { kind, events: days.len(), marks, bars, rows: LANE_ROWS, tracks: ends.len() });
    }
    lanes
}

/// The short title of a day's mark: the kind, the first of its events' main places and how
/// many other main places they have.
fn day_title(model: &Model, kind: EventKind, members: &[usize]) -> String {
    let mut mains: Vec<usize> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for &i in members {
        if let Some(p) = model.items[i].main {
            if seen.insert(p) {
                mains.push(p);
            }
        }
    }
    short_title(kind, mains.first().map(|&p| model.place_name(p)), mains.len().saturating_sub(1))
}

/// Where the last mark of a row ends: its body, and its label when shown; and where the
/// row ended before it.
#[derive(Clone, Copy)]
struct RowEnd {
    last: Option<usize>,
    body: f64,
    full: f64,
    before: f64,
}

/// Packs the marks (in day order) into at most `rows` rows, left to right, and decides
/// which labels show: a mark goes to the first row where it fits with its label, else
/// without it, else where it fits once the label of the row's last mark is out of its way
/// (moved left of that mark where there is room, else hidden), else over the row that ends
/// first. A label goes right of its mark, or left where it would pass `edge`. Returns the
/// rows used. Constant work per mark: linear.
pub(super) fn pack(marks: &mut [Mark], rows: usize, x: impl Fn(i64) -> f64, edge: f64) -> usize {
    let rows = rows.max(1);
    let none = f64::NEG_INFINITY;
    let mut ends = vec![RowEnd { last: None, body: none, full: none, before: none }; rows];
    let mut used = 1;
    for i in 0..marks.len() {
        let m = &marks[i];
        let cx = x(m.day);
        let (body_left, body_right) = (cx - m.r - m.tail_left, cx + m.r + m.tail_right);
        let width = m.label_width();
        let right = body_right + LABEL_GAP + width <= edge;
        let (full_left, full_right) = if right {
            (body_left, body_right + LABEL_GAP + width)
        } else {
            (body_left - LABEL_GAP - width, body_right)
        };
        // A label that fits on neither side of the plot is not shown.
        let labelled = right || full_left >= 0.0;
        let find =
            |at: f64, full: bool| ends.iter().position(|e| (if full { e.full } else { e.body }) + MARK_GAP <= at);
        let (row, label, hide) = find(full_left, true)
            .filter(|_| labelled)
            .map(|r| (r, true, false))
            .or_else(|| find(body_left, true).map(|r| (r, false, false)))
            .or_else(|| find(full_left, false).filter(|_| labelled).map(|r| (r, true, true)))
            .or_else(|| find(body_left, false).map(|r| (r, false, true)))
            .unwrap_or_else(|| {
                let r = (0..rows).min_by(|&a, &b| ends[a].body.total_cmp(&ends[b].body)).unwrap_or(0);
                (r, false, true)
            });
        if hide {
            if let Some(p) = ends[row].last {
                let q = &marks[p];
                let left = x(q.day) - q.r - q.tail_left - LABEL_GAP - q.label_width();
                let q = &mut marks[p];
                if q.label_on && !q.label_left && left >= 0.0 && left >= ends[row].before + MARK_GAP {
                    q.label_left = true;
                } else {
                    q.label_on = false;
                }
            }
        }
        let m = &mut marks[i];
        m.row = row;
        m.label_on = label;
        m.label_left = !right;
        let before = ends[row].full;
        ends[row] =
            RowEnd { last: Some(i), body: body_right, full: if label { full_right } else { body_right }, before };
        used = used.max(row + 1);
    }
    used
}

/// Draws the picture of the events on the axis; `title` is its accessible name.
pub(super) fn chart(out: &mut String, title: &str, model: &Model) {
    let Some((first, last)) = model.axis else { return };
    let plot_width = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
    let scale = Scale::new(first, last, plot_width, PLOT_PAD);
    let zoom = (MAX_DAY_WIDTH / scale.day_width).max(1.0);
    let mut lanes = lanes(model);
    for lane in &mut lanes {
        lane.rows = pack(&mut lane.marks, LANE_ROWS, |d| scale.mid(d), scale.width());
    }

    let mut legend = String::new();
    let legend_height = self::legend(&mut legend, model, &lanes);
    let plot_top = LEGEND_TOP + legend_height + LEGEND_BOTTOM;
    let mut tops = Vec::with_capacity(lanes.len());
    let mut y = plot_top;
    for lane in &lanes {
        tops.push(y);
        y += lane.height();
    }
    let plot_bottom = y;
    let height = plot_bottom + AXIS_BOTTOM;

    let _ = writeln!(
        out,
        "<svg class=\"chart\" id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {WIDTH} {height:.0}\" \
         width=\"{WIDTH}\" height=\"{height:.0}\" aria-labelledby=\"chart-title\" data-start=\"{first}\" \
         data-days=\"{}\" data-width=\"{plot_width}\" data-pad=\"{PLOT_PAD}\" data-zoom=\"{zoom:.2}\" \
         data-row=\"{ROW_HEIGHT}\" data-cw=\"{LABEL_CHAR_WIDTH}\" data-gap=\"{MARK_GAP}\" data-lgap=\"{LABEL_GAP}\" \
         data-at=\"{AGGREGATE_AT}\">",
        scale.days
    );
    let _ = writeln!(out, "<title id=\"chart-title\">{}</title>", esc(title));
    out.push_str(&legend);
    out.push_str("<g class=\"titles\">\n");
    for (i, (lane, top)) in lanes.iter().zip(&tops).enumerate() {
        let fill = if i % 2 == 0 { PLOT_BACKGROUND } else { "#fff" };
        let mid = top + LANE_PAD + lane.bars_height() + ROW_HEIGHT / 2.0;
        let _ = writeln!(
            out,
            "<rect x=\"0\" y=\"{top:.1}\" width=\"{WIDTH}\" height=\"{:.1}\" fill=\"{fill}\"/>\
             <circle cx=\"12\" cy=\"{mid:.1}\" r=\"5\" fill=\"{}\"/>\
             <text x=\"22\" y=\"{:.1}\" font-size=\"11\" fill=\"{TEXT_COLOR}\">{}</text>\
             <text class=\"lc\" data-k=\"{}\" x=\"{:.1}\" y=\"{:.1}\" font-size=\"{NUMBER_FONT_SIZE}\" fill=\"{MUTED_COLOR}\" \
             text-anchor=\"end\">{}</text>",
            lane.height(),
            kind_color(lane.kind),
            mid + 4.0,
            esc(lane.kind.label()),
            lane.kind.id(),
            MARGIN_LEFT - PLOT_PAD - 2.0,
            mid + 3.5,
            lane.events
        );
    }
    out.push_str("</g>\n");
    let _ = writeln!(
        out,
        "<svg class=\"plot\" x=\"{:.1}\" y=\"0\" width=\"{:.1}\" height=\"{height:.0}\">",
        MARGIN_LEFT - PLOT_PAD,
        scale.width()
    );
    axis(out, &scale, zoom, plot_top, plot_bottom);
    for (lane, top) in lanes.iter().zip(&tops) {
        draw_lane(out, model, &scale, lane, *top);
    }
    out.push_str("</svg>\n</svg>\n");
}

/// One lane's bars and marks, in a group that says where its rows are (`data-y`: the middle
/// of the first row; `data-rows`) for the script.
fn draw_lane(out: &mut String, model: &Model, scale: &Scale, lane: &Lane, top: f64) {
    let color = kind_color(lane.kind);
    let rows_top = top + LANE_PAD + lane.bars_height();
    let _ = writeln!(
        out,
        "<g class=\"lane\" data-k=\"{}\" data-y=\"{:.1}\" data-rows=\"{}\">",
        lane.kind.id(),
        rows_top + ROW_HEIGHT / 2.0,
        lane.rows
    );
    let events = model.timeline.events();
    for bar in &lane.bars {
        let e = &events[bar.event];
        let n = bar.event + 1;
        let x = scale.start(bar.first);
        let width = ((bar.last - bar.first + 1) as f64 * scale.day_width).max(2.0);
        let y = top + LANE_PAD + bar.track as f64 * (BAR_HEIGHT + BAR_GAP);
        let main = model.items[bar.event].main.map(|p| model.place_name(p));
        let _ = writeln!(
            out,
            "<a class=\"bar\" href=\"#row-{n}\" data-e=\"{n}\"><rect data-d=\"{}\" data-l=\"{}\" x=\"{x:.1}\" y=\"{y:.1}\" \
             width=\"{width:.1}\" height=\"{BAR_HEIGHT}\" rx=\"1.5\" fill=\"{color}\" fill-opacity=\"0.55\">\
             <title>{} · #{n} · {}</title></rect></a>",
            bar.first,
            bar.last,
            esc(&short_title(lane.kind, main, 0)),
            esc(&when_text(e))
        );
    }
    for m in &lane.marks {
        draw_mark(out, model, scale, color, m, rows_top);
    }
    out.push_str("</g>\n");
}

/// Draws one mark, a link to its (first) event's table row, with its tooltip: for one
/// event, its short title, then `#3 · 2020-03-16 · quarantine · measures: school closing ·
/// 3 sentences — С 16 марта ...` (number, when, kinds, a decree's measures, evidence count,
/// first sentence); for a day's count, the count, the day and the short title, then a line
/// for each of its first [`TOOLTIP_EVENTS`] events.
fn draw_mark(out: &mut String, model: &Model, scale: &Scale, color: &str, m: &Mark, rows_top: f64) {
    let events = model.timeline.events();
    let Some(&head) = m.members.first() else { return };
    let n = head + 1;
    let members: Vec<String> = m.members.iter().map(|i| (i + 1).to_string()).collect();
    let x = scale.mid(m.day);
    let y = rows_top + (m.row as f64 + 0.5) * ROW_HEIGHT;
    let id = if m.single { format!(" id=\"event-{n}\"") } else { String::new() };
    let _ = write!(
        out,
        "<a class=\"mk\"{id} href=\"#row-{n}\" data-e=\"{}\" data-d=\"{}\" data-r=\"{}\" data-tl=\"{}\" data-tr=\"{}\" \
         transform=\"translate({x:.1} {y:.1})\"><title>",
        members.join(" "),
        m.day,
        m.r,
        m.tail_left,
        m.tail_right
    );
    if m.single {
        let e = &events[head];
        let kinds = if e.kinds.is_empty() { EventKind::Other.label().to_string() } else { kinds_text(&e.kinds) };
        let _ = write!(out, "{}\n#{n} · {} · {}", esc(&m.label), esc(&when_text(e)), esc(&kinds));
        if !e.measures.is_empty() {
            let _ = write!(out, " · {}", esc(&measures_text(&e.measures)));
        }
        let _ = write!(out, " · {} — {}</title>", evidence_text(e), esc(&one_line(&e.text)));
        let (fill, stroke, width) = if e.inherited { ("#fff", color, 2.0) } else { (color, "#fff", 1.5) };
        if m.tail_left > 0.0 {
            arrow(out, -m.r, -1.0, color);
        }
        if m.tail_right > 0.0 {
            arrow(out, m.r, 1.0, color);
        }
        let _ = write!(out, "<circle r=\"{}\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"{width}\"/>", m.r);
    } else {
        let _ = write!(out, "{} events on {}: {}", m.members.len(), scale.day(m.day), esc(&m.label));
        for &i in m.members.iter().take(TOOLTIP_EVENTS) {
            let e = &events[i];
            let places: Vec<&str> = model.items[i].places.iter().map(|&p| model.place_name(p)).collect();
            let sentence = one_line(&e.text);
            let mut short: String = sentence.chars().take(TOOLTIP_CHARS).collect();
            if short.len() < sentence.len() {
                short.push('…');
            }
            let _ = write!(out, "\n#{} · {}", i + 1, esc(&when_text(e)));
            if !places.is_empty() {
                let _ = write!(out, " · {}", esc(&places.join(", ")));
            }
            let _ = write!(out, " — {}", esc(&short));
        }
        if m.members.len() > TOOLTIP_EVENTS {
            let _ = write!(out, "\n… and {} more in the table", m.members.len() - TOOLTIP_EVENTS);
        }
        let count = m.members.len().to_string();
        let size = match count.len() {
            0..=2 => 9.0,
            3 => 7.5,
            _ => 6.0,
        };
        let _ = write!(
            out,
            "</title><circle r=\"{:.2}\" fill=\"{color}\" stroke=\"#fff\" stroke-width=\"1.5\"/>\
             <text class=\"c\" y=\"{:.1}\" font-size=\"{size}\" font-weight=\"bold\" fill=\"#fff\" text-anchor=\"middle\">{count}</text>",
            m.r,
            size * 0.35
        );
    }
    let offset = LABEL_GAP + m.r + if m.label_left { m.tail_left } else { m.tail_right };
    let (lx, anchor) = if m.label_left { (-offset, " text-anchor=\"end\"") } else { (offset, "") };
    let hidden = if m.label_on { "" } else { " display=\"none\"" };
    let _ = writeln!(
        out,
        "<text class=\"l\" x=\"{lx:.1}\" y=\"{:.1}\" font-size=\"{LABEL_FONT_SIZE}\" fill=\"{TEXT_COLOR}\"{anchor}{hidden}>{}</text></a>",
        LABEL_FONT_SIZE * 0.35,
        esc(&m.label)
    );
}

/// A dashed arrow of length [`TAIL`] from `x` (relative to its mark) in `direction` (-1
/// left, 1 right).
fn arrow(out: &mut String, x: f64, direction: f64, color: &str) {
    let tip = x + direction * TAIL;
    let back = tip - direction * 4.0;
    let _ = write!(
        out,
        "<line x1=\"{x:.1}\" x2=\"{back:.1}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\
         <path d=\"M{tip:.1} 0L{back:.1} -3.5L{back:.1} 3.5Z\" fill=\"{color}\"/>"
    );
}

/// The legend of the symbols in use (the lanes name the kinds). Returns its height.
fn legend(out: &mut String, model: &Model, lanes: &[Lane]) -> f64 {
    enum Symbol {
        One,
        Count,
        Interval,
        Inherited,
        Open,
    }
    let marks = || lanes.iter().flat_map(|l| &l.marks);
    let events = model.timeline.events();
    let mut items: Vec<(Symbol, String)> = vec![(Symbol::One, "an event (its kind · its place)".into())];
    if marks().any(|m| !m.single) {
        items.push((Symbol::Count, format!("{AGGREGATE_AT} or more events of a kind on one day")));
    }
    if lanes.iter().any(|l| !l.bars.is_empty()) {
        items.push((Symbol::Interval, "several days".into()));
    }
    if marks().any(|m| m.single && m.members.iter().any(|&i| events[i].inherited)) {
        items.push((Symbol::Inherited, "continues the sentence before".into()));
    }
    if marks().any(|m| m.tail_left + m.tail_right > 0.0) {
        items.push((Symbol::Open, "open bound (until …, from …)".into()));
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
            Symbol::One => write!(out, "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{MARKER_RADIUS}\" fill=\"{AXIS_COLOR}\"/>"),
            Symbol::Count => write!(
                out,
                "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{:.1}\" fill=\"{AXIS_COLOR}\"/><text x=\"{cx:.1}\" y=\"{:.1}\" \
                 font-size=\"9\" font-weight=\"bold\" fill=\"#fff\" text-anchor=\"middle\">{AGGREGATE_AT}</text>",
                r + 1.0,
                cy + 3.0
            ),
            Symbol::Interval => write!(
                out,
                "<rect x=\"{x:.1}\" y=\"{:.1}\" width=\"{s}\" height=\"{BAR_HEIGHT}\" rx=\"1.5\" fill=\"{AXIS_COLOR}\"/>",
                cy - BAR_HEIGHT / 2.0
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

#[cfg(test)]
mod tests {
    use super::*;

    fn mark(day: i64, label: &str) -> Mark {
        Mark {
            day,
            members: vec![day as usize],
            single: true,
            r: MARKER_RADIUS,
            tail_left: 0.0,
            tail_right: 0.0,
            label: label.into(),
            row: 9,
            label_on: true,
            label_left: false,
        }
    }

    #[test]
    fn packing_keeps_labels_where_there_is_room_and_rows_bounded() {
        // Ten pixels a day: a label of 10 characters needs about 8 days.
        let x = |d: i64| 10.0 * d as f64;
        let mut marks: Vec<Mark> = [0, 20, 21, 22, 23, 60].iter().map(|&d| mark(d, "quarantine")).collect();
        let rows = pack(&mut marks, 2, x, 1000.0);
        assert_eq!(rows, 2);
        let got: Vec<(usize, bool, bool)> = marks.iter().map(|m| (m.row, m.label_on, m.label_left)).collect();
        // 20 has room in row 0 with its label; 21 in row 1; 22 fits row 0 once 20's label
        // moves left of its mark (there is room before it), 23 row 1 once 21's does; 60 has
        // room again.
        let (right, left) = (false, true);
        assert_eq!(
            got,
            [(0, true, right), (0, true, left), (1, true, left), (0, true, right), (1, true, right), (0, true, right)]
        );
        // Without room before them, labels in the way are hidden.
        let mut marks: Vec<Mark> = [20, 21, 22, 23].iter().map(|&d| mark(d, "quarantine")).collect();
        pack(&mut marks, 2, x, 1000.0);
        let got: Vec<(usize, bool, bool)> = marks.iter().map(|m| (m.row, m.label_on, m.label_left)).collect();
        assert_eq!(got, [(0, true, left), (1, true, left), (0, true, right), (1, true, right)]);
        let mut marks: Vec<Mark> = [2, 3, 4, 5].iter().map(|&d| mark(d, "quarantine")).collect();
        pack(&mut marks, 2, x, 1000.0);
        let got: Vec<(usize, bool)> = marks.iter().map(|m| (m.row, m.label_on)).collect();
        assert_eq!(got, [(0, false), (1, false), (0, true), (1, true)]);

        // With room before it, a label that is in the way moves left of its mark instead.
        let mut marks: Vec<Mark> = [0, 30, 32].iter().map(|&d| mark(d, "quarantine")).collect();
        pack(&mut marks, 1, x, 1000.0);
        let got: Vec<(bool, bool)> = marks.iter().map(|m| (m.label_on, m.label_left)).collect();
        assert_eq!(got, [(true, false), (true, true), (true, false)]);
        assert!(marks.iter().all(|m| m.row < 2));

        // Near the right edge the label goes left of its mark.
        let mut marks = vec![mark(99, "quarantine")];
        pack(&mut marks, 2, x, 1000.0);
        assert!(marks[0].label_on && marks[0].label_left);

        // Many marks on one spot: still two rows; the labels of the marks piled on the
        // first row are hidden but the first's, which moves left of the pile; the one mark
        // of the second row keeps its label.
        let mut marks: Vec<Mark> = (0..1000).map(|_| mark(5, "x")).collect();
        assert_eq!(pack(&mut marks, 2, x, 1000.0), 2);
        let shown: Vec<usize> = (0..marks.len()).filter(|&i| marks[i].label_on).collect();
        assert_eq!(shown, [0, 1]);
        assert!(marks[0].label_left);
    }

    #[test]
    fn count_radius_grows_and_is_bounded() {
        assert_eq!(count_radius(1), MARKER_RADIUS);
        assert!(count_radius(3) < count_radius(8));
        assert_eq!(count_radius(1_000_000), 9.0);
    }
}
