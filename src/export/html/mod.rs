//! A self-contained HTML page that draws a timeline, for one document or a merged corpus.
//!
//! The page loads nothing: its style is one inline `<style>`, its pictures inline `<svg>`s
//! and its one script inline (it only filters and zooms; without it the page shows
//! everything). It has, top to bottom:
//!
//! - a line that counts the events, the days they cover and the days the axis shows;
//! - the controls (shown by the script): a checkbox for each kind and each place (and for
//!   events with no place), each with its number of events, and the zoom (a slider, a
//!   slider to move the window, dragging the picture);
//! - the picture, of a bounded size however many the events (its height grows with the
//!   number of kinds only, its width is fixed): one lane per kind (an event's lane is its
//!   first kind, `other` when it has none), each event a mark on its first day, colored by
//!   its kind ([`kind_color`]), with its short title (`quarantine · Алматы`: the kind and
//!   its most specific place) as a label where the lane has room and always as its tooltip;
//!   from three events of a lane on one day, one mark with their count (its tooltip lists
//!   them); an event of several days also has a thin bar from its first day to its last;
//!   an inherited event (an undated sentence that reports a measure of its own after a dated
//!   one, and takes its date) is hollow, and an open bound (`до 15 апреля`, `с 19 марта`) has
//!   a dashed arrow pointing the way it is open. Marks are packed into at most two rows a
//!   lane; a crowded day hides labels, never adds rows. The date axis is clipped to where
//!   the events are: its days run from the 5th to the 95th percentile of the events' first
//!   days, widened by a quarter of that and at least a month on each side, so that a stray
//!   date does not stretch it; ticks every day, 2 days, week, 2 weeks, month, ..., the
//!   finest step that leaves room between their labels, at any zoom;
//! - a step chart per place of the running totals of cases reported there (figures marked
//!   cumulative; see the `series` module);
//! - the table of the events outside the axis: values coarser than a month (a year, a
//!   season, a quarter, a half), values not on the calendar, and days before or after the
//!   axis, each with why;
//! - a table of every event, one row per happening however many sentences report it
//!   (number, date, kinds and a decree's measures, places with their codes as `Алматы
//!   (KZ-75)`, figures as `312 cases (new)`, the evidence count as `3 sentences`, the first
//!   sentence, and, for a timeline merged from several documents, the documents it was read
//!   from), then the undated sentences.
//!
//! A mark is a link to the table row of its (first) event and lists its events in
//! `data-e`; one event's mark has `id="event-N"`; the bar of an event `N` links to its row
//! too. A table row has `id="row-N"` and `data-event="N"`; a row of the table of events
//! outside the axis `id="out-N"`. `N` is the event's 1-based position in
//! [`Timeline::events`]. Every event is in exactly one mark or in the table outside the
//! axis. Every piece of text is escaped. Time and size are linear in the events (sorting a
//! lane's days aside).

mod axis;
mod chart;
mod controls;
mod model;
mod series;
mod style;
mod table;

pub use style::kind_color;

use crate::event::kinds::EventKind;
use crate::export::escape::{html as esc, one_line};
use crate::export::labels::{count, timeline_sources};
use crate::timeline::Timeline;
use model::Model;
use std::fmt::Write;
use style::STYLE;

/// The timeline as a self-contained HTML page titled `title`: a drawing of the events on a
/// date axis, then tables of them; see the [module docs](self). A timeline with no events
/// gives a page that says so.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::html::html;
/// let doc = Document::parse("date 2020-03-20 Школы закрыли 16 марта. Вчера выявлено 9 случаев.").unwrap();
/// let page = html("Хроника <март>", &analyze(&doc).timeline);
/// assert!(page.starts_with("<!DOCTYPE html>"));
/// assert!(page.contains("<title>Хроника &lt;март&gt;</title>"));
/// assert!(page.contains("<svg") && page.contains("id=\"event-2\""));
/// assert_eq!(page.matches("<script>").count(), 1);
/// ```
pub fn html(title: &str, timeline: &Timeline) -> String {
    let model = Model::new(timeline);
    let mut out = String::with_capacity(16_384 + timeline.len() * 1536);
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
    meta(&mut out, &model);
    if !timeline.is_empty() {
        controls::controls(&mut out, &model, model.axis.is_some());
    }
    match (model.axis, timeline.is_empty()) {
        (Some(_), _) => chart::chart(&mut out, title, &model),
        (None, true) => out.push_str("<p class=\"empty\">There are no dated events.</p>\n"),
        (None, false) => out.push_str("<p class=\"empty\">No event has a day to draw: they are listed below.</p>\n"),
    }
    series::section(&mut out, &model);
    table::outside(&mut out, &model);
    if !timeline.is_empty() {
        table::table(&mut out, &model);
    }
    if !timeline.undated().is_empty() {
        let _ = writeln!(
            out,
            "<h2>Undated sentences</h2>\n<details><summary>{}</summary>\n<ul class=\"undated\">",
            count(timeline.undated().len(), "sentence", "sentences")
        );
        for u in timeline.undated() {
            let _ = writeln!(out, "<li>{}</li>", esc(&one_line(&u.text)));
        }
        out.push_str("</ul>\n</details>\n");
    }
    out.push_str("<footer>Made by khronika.</footer>\n");
    if !timeline.is_empty() {
        out.push_str("<script>\n");
        out.push_str(controls::SCRIPT);
        out.push_str("</script>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// The line under the title: `19 events from 2019-12-01 to 2020-12-31, from 3 documents;
/// the axis shows 16 from 2019-12-31 to 2020-06-06, 3 are outside it; 2 undated sentences`.
fn meta(out: &mut String, model: &Model) {
    let timeline = model.timeline;
    let _ = write!(out, "<p class=\"meta\">{}", count(timeline.len(), "event", "events"));
    if let Some((first, last)) = model.span {
        if first == last {
            let _ = write!(out, " on {first}");
        } else {
            let _ = write!(out, " from {first} to {last}");
        }
    }
    let docs = timeline_sources(timeline).len();
    if docs > 1 {
        let _ = write!(out, ", from {docs} documents");
    }
    if let Some((first, last)) = model.axis {
        if model.outside > 0 {
            let drawn = timeline.len() - model.outside;
            let _ = write!(
                out,
                "; the axis shows {drawn} from {first} to {last}, <a href=\"#outside\">{} outside it</a>",
                count(model.outside, "is", "are")
            );
        }
    }
    if !timeline.undated().is_empty() {
        let _ = write!(out, "; {}", count(timeline.undated().len(), "undated sentence", "undated sentences"));
    }
    out.push_str("</p>\n");
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
