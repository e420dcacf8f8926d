//! The case series: for each place, a small step chart of the running totals of cases the
//! events report there, on the days of the axis.
//!
//! A point is a figure of cases that its sentence marks cumulative ([`Count::Cumulative`]:
//! `всего`, `с начала пандемии`), not a part of another count nor approximate, on an event
//! of one day (a day, a part of a day, a time; not a `BEFORE` or `AFTER` bound): the rule
//! of the OxCGRT panel's `ConfirmedCases` ([`oxcgrt`](crate::export::oxcgrt)). Its place is
//! the one its own evidence sentence names, or the event's when that sentence names none;
//! a figure with several places is left out (the model does not tie a number to one of
//! them), one with none goes to the chart of no place. Several on one place and day: the
//! largest (the latest state of a running total).

use super::axis::{nice_step, tick_label, tick_step, ticks, Scale};
use super::model::{Model, Spot};
use super::style::*;
use crate::event::figures::{Count, FigureWhat};
use crate::export::escape::html as esc;
use crate::export::labels::{count, number_text, place_text};
use crate::mention::Mod;
use std::collections::BTreeMap;
use std::fmt::Write;

/// One place's series: its place (an index into the model's places, `None` for figures
/// with no place), and its points, days from the axis start ascending.
pub(super) struct Series {
    pub(super) place: Option<usize>,
    pub(super) points: Vec<(i64, u64)>,
}

/// The series of every place, the place with the most points first (then by name), and the
/// number of figures left out because they name several places and because they are off
/// the axis.
pub(super) fn series(model: &Model) -> (Vec<Series>, usize, usize) {
    let Some((first, last)) = model.axis else { return (Vec::new(), 0, 0) };
    let days = (last - first).num_days();
    let mut by_place: BTreeMap<Option<usize>, BTreeMap<i64, u64>> = BTreeMap::new();
    let (mut ambiguous, mut off_axis) = (0, 0);
    for (e, item) in model.timeline.iter().zip(&model.items) {
        let day = match e.modifier {
            Some(Mod::Before | Mod::After) => None,
            _ => e.when.on_day(),
        };
        let mut ids: Option<Vec<usize>> = None;
        for f in &e.figures {
            let cumulative = f.count == Some(Count::Cumulative) && !f.subset && !f.approx;
            if !cumulative || f.what != FigureWhat::Cases || !(f.value.is_finite() && f.value >= 0.0) {
                continue;
            }
            let Some(day) = day else { continue };
            let at = (day - first).num_days();
            if !(0..=days).contains(&at) || matches!(item.spot, Spot::Outside(_)) {
                off_axis += 1;
                continue;
            }
            let ids = ids.get_or_insert_with(|| item_places(model, e));
            let own: Vec<usize> =
                e.places.iter().zip(ids.iter()).filter(|(p, _)| p.sentence == f.sentence).map(|x| *x.1).collect();
            let mut places = if own.is_empty() { item.places.clone() } else { own };
            places.sort_unstable();
            places.dedup();
            let place = match places.as_slice() {
                [] => None,
                [p] => Some(*p),
                _ => {
                    ambiguous += 1;
                    continue;
                }
            };
            let value = f.value.min(1e15) as u64;
            let slot = by_place.entry(place).or_default().entry(at).or_insert(value);
            *slot = (*slot).max(value);
        }
    }
    let mut out: Vec<Series> =
        by_place.into_iter().map(|(place, points)| Series { place, points: points.into_iter().collect() }).collect();
    out.sort_by(|a, b| b.points.len().cmp(&a.points.len()).then(a.place.is_none().cmp(&b.place.is_none())));
    (out, ambiguous, off_axis)
}

/// The model's index of each of an event's places, in the event's order.
fn item_places(model: &Model, e: &crate::event::Event) -> Vec<usize> {
    e.places
        .iter()
        .map(|p| {
            model
                .places
                .binary_search_by(|q| (&*q.place.name, &*q.place.code).cmp(&(&*p.name, &*p.code)))
                .unwrap_or(usize::MAX)
        })
        .collect()
}

/// The section of case charts, one `<figure>` per place (`data-pl`: its place, `-1` for no
/// place, for the filter).
pub(super) fn section(out: &mut String, model: &Model) {
    let Some((first, last)) = model.axis else { return };
    let (all, ambiguous, off_axis) = series(model);
    out.push_str("<h2>Cases by place</h2>\n");
    if all.is_empty() {
        out.push_str("<p class=\"empty\">No running total of cases is reported on the axis.</p>\n");
        return;
    }
    let _ = write!(
        out,
        "<p class=\"meta\">Running totals of cases (figures marked cumulative), one step chart per place, on the \
         axis from {first} to {last}"
    );
    if ambiguous > 0 {
        let _ = write!(out, "; {} naming several places left out", count(ambiguous, "figure", "figures"));
    }
    if off_axis > 0 {
        let _ = write!(out, "; {} off the axis", count(off_axis, "figure", "figures"));
    }
    out.push_str(".</p>\n<div class=\"cases\">\n");
    let scale = Scale::new(first, last, SERIES_WIDTH - SERIES_LEFT - SERIES_RIGHT, 0.0);
    for s in &all {
        chart(out, model, &scale, s);
    }
    out.push_str("</div>\n");
}

/// One place's chart: a step line through its running totals, a dot at each report (with
/// its tooltip), the value axis at the left and a few date ticks.
fn chart(out: &mut String, model: &Model, scale: &Scale, s: &Series) {
    let name = match s.place.and_then(|p| model.places.get(p)) {
        Some(p) => place_text(p.place),
        None => "no place named".to_string(),
    };
    let Some(&(last_day, last_value)) = s.points.last() else { return };
    let max = s.points.iter().map(|p| p.1).max().unwrap_or(0) as f64;
    let step = nice_step(max / 3.0);
    let top_value = ((max / step).ceil() * step).max(step);
    let (x0, y0, y1) = (SERIES_LEFT, SERIES_HEIGHT - SERIES_BOTTOM, SERIES_TOP);
    let x = |d: i64| x0 + scale.mid(d);
    let y = |v: f64| y0 - v / top_value * (y0 - y1);
    let id = s.place.map_or(-1, |p| p as i64);
    let _ = writeln!(
        out,
        "<figure class=\"place\" data-pl=\"{id}\"><figcaption>{} · {} · latest {} on {}</figcaption>",
        esc(&name),
        count(s.points.len(), "report", "reports"),
        esc(&number_text(last_value as f64)),
        scale.day(last_day)
    );
    let _ = writeln!(
        out,
        "<svg viewBox=\"0 0 {SERIES_WIDTH} {SERIES_HEIGHT}\" width=\"{SERIES_WIDTH}\" height=\"{SERIES_HEIGHT}\" \
         role=\"img\" aria-label=\"{}\">",
        esc(&format!("cases in {name}"))
    );
    let right = x0 + scale.width();
    let mut v = 0.0;
    while v <= top_value + step / 2.0 {
        let _ = writeln!(
            out,
            "<line x1=\"{x0}\" y1=\"{:.1}\" x2=\"{right:.1}\" y2=\"{:.1}\" stroke=\"{GRID_COLOR}\"/>\
             <text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{NUMBER_FONT_SIZE}\" fill=\"{MUTED_COLOR}\" text-anchor=\"end\">{}</text>",
            y(v),
            y(v),
            x0 - 4.0,
            y(v) + NUMBER_FONT_SIZE * 0.35,
            esc(&number_text(v))
        );
        v += step;
    }
    let tick = tick_step(scale.day_width * 0.8);
    for d in ticks(tick, scale.first, scale.day(scale.days - 1)) {
        let tx = x(scale.index(d));
        let _ = writeln!(
            out,
            "<line x1=\"{tx:.1}\" y1=\"{y0:.1}\" x2=\"{tx:.1}\" y2=\"{:.1}\" stroke=\"{AXIS_COLOR}\"/>\
             <text x=\"{tx:.1}\" y=\"{:.1}\" font-size=\"{NUMBER_FONT_SIZE}\" fill=\"{MUTED_COLOR}\" text-anchor=\"middle\">{}</text>",
            y0 + 4.0,
            y0 + 15.0,
            tick_label(tick, d)
        );
    }
    let mut path = String::new();
    for (i, (d, v)) in s.points.iter().enumerate() {
        if i == 0 {
            let _ = write!(path, "M{:.1} {:.1}", x(*d), y(*v as f64));
        } else {
            let _ = write!(path, "H{:.1}V{:.1}", x(*d), y(*v as f64));
        }
    }
    let _ = writeln!(out, "<path d=\"{path}\" fill=\"none\" stroke=\"{SERIES_COLOR}\" stroke-width=\"2\"/>");
    for (d, v) in &s.points {
        let _ = writeln!(
            out,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"2.5\" fill=\"{SERIES_COLOR}\"><title>{}: {} cases</title></circle>",
            x(*d),
            y(*v as f64),
            scale.day(*d),
            esc(&number_text(*v as f64))
        );
    }
    out.push_str("</svg></figure>\n");
}
