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
//!   an inherited event (an undated sentence that reports a measure of its own after a dated
//!   one, and takes its date) is hollow, and
//!   an open bound (`до 15 апреля`, `с 19 марта`) has a dashed arrow pointing the way it is
//!   open;
//! - events stacked in lanes so that no two markers, bars or numbers overlap;
//! - the case counts ([`Timeline::series`] of [`FigureWhat::Cases`](crate::event::figures::FigureWhat::Cases)) as a line in a band under
//!   the lanes, on a secondary axis at the right, when there are counts on two days or more;
//! - a legend of the kinds present and of the symbols used.
//!
//! Below the picture a table lists every event, one row per happening however many
//! sentences report it (number, date, kinds and a decree's measures, places with their
//! codes as `Алматы (KZ-75)`, figures as `312 cases (new)`, the evidence count as `3
//! sentences`, the first sentence, and, for a timeline merged from several documents, the
//! documents it was read from), then the undated sentences. Each event's SVG element is a
//! link to its table row and carries a `<title>` (the tooltip: number, date, kinds,
//! measures, evidence count and first sentence), `id="event-N"` and `data-event="N"`; its table row carries
//! `id="row-N"` and `data-event="N"`. `N` is the event's 1-based position in
//! [`Timeline::events`], the number drawn beside its marker. Every piece of text is escaped.

mod axis;
mod chart;
mod style;
mod table;

pub use style::kind_color;

use crate::event::kinds::EventKind;
use crate::event::Event;
use crate::export::escape::{html as esc, one_line};
use crate::export::labels::count;
use crate::timeline::Timeline;
use chrono::NaiveDate;
use std::fmt::Write;
use style::STYLE;

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
        Some((first, last)) => chart::chart(&mut out, title, timeline, first, last),
        None => out.push_str("<p class=\"empty\">There are no dated events.</p>\n"),
    }
    if !timeline.is_empty() {
        table::table(&mut out, timeline);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_distinct_color() {
        let mut colors: Vec<&str> = EventKind::ALL.iter().map(|k| kind_color(*k)).collect();
        colors.sort_unstable();
        colors.dedup();
        assert_eq!(colors.len(), EventKind::ALL.len());
    }
}
