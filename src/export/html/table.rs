//! The tables under the picture.
//!
//! - The events outside the axis (their value coarser than a month, not on the calendar, or
//!   far from the dense part of the days), each with why.
//! - Every event, one row per event, with its kinds and a decree's measures, its places with
//!   their codes (`Алматы (KZ-75)`), its figures (`312 cases (new)`), how many sentences
//!   report it (`3 sentences`) and its first sentence. A row carries what the filter needs:
//!   `data-k` (its lane's kind), `data-p` (its places' numbers in the place filter) and
//!   `data-m` (its main place's).

use super::model::{Model, Spot};
use crate::event::Event;
use crate::export::escape::{html as esc, one_line};
use crate::export::labels::{
    count, evidence_text, figure_text, measures_text, place_text, sources, timeline_sources, when_text,
};
use std::fmt::Write;

/// The kinds of an event as chips, then a decree's measures.
fn kinds_cell(out: &mut String, e: &Event) {
    for k in &e.kinds {
        let _ = write!(out, "<span class=\"kind k-{}\">{}</span>", k.id(), esc(k.label()));
    }
    if !e.measures.is_empty() {
        let _ = write!(out, "<span class=\"measures\">{}</span>", esc(&measures_text(&e.measures)));
    }
}

/// The table of the events outside the axis, when there are any.
pub(super) fn outside(out: &mut String, model: &Model) {
    if model.outside == 0 {
        return;
    }
    out.push_str("<h2 id=\"outside\">Outside the axis</h2>\n");
    let _ = writeln!(
        out,
        "<p class=\"meta\">{} not drawn, so that the axis shows where the events are. They are in the table of \
         events too.</p>",
        count(model.outside, "event is", "events are")
    );
    out.push_str("<table class=\"outside\">\n<thead><tr><th>#</th><th>When</th><th>Why</th><th>Kinds</th>");
    out.push_str("<th>Places</th><th>Sentence</th></tr></thead>\n<tbody>\n");
    for (i, (e, item)) in model.timeline.iter().zip(&model.items).enumerate() {
        let Spot::Outside(why) = item.spot else { continue };
        let n = i + 1;
        let _ = write!(
            out,
            "<tr id=\"out-{n}\" data-e=\"{n}\"><td class=\"num\"><a href=\"#row-{n}\">{n}</a></td><td class=\"when\">{}</td>\
             <td class=\"why\">{}</td><td>",
            esc(&when_text(e)).replace('/', "/<wbr>"),
            why.text()
        );
        kinds_cell(out, e);
        let places: Vec<String> = e.places.iter().map(place_text).collect();
        let _ = writeln!(out, "</td><td>{}</td><td>{}</td></tr>", esc(&places.join(", ")), esc(&one_line(&e.text)));
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The events table; it has a Sources column when the events come from several documents.
pub(super) fn table(out: &mut String, model: &Model) {
    let timeline = model.timeline;
    let docs = timeline_sources(timeline);
    let with_sources = docs.len() > 1;
    out.push_str("<h2>Events</h2>\n<table class=\"events\">\n<thead><tr><th>#</th><th>When</th><th>Kinds</th>");
    out.push_str("<th>Places</th><th>Figures</th><th>Evidence</th><th>Sentence</th>");
    if with_sources {
        out.push_str("<th>Sources</th>");
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, (e, item)) in timeline.iter().zip(&model.items).enumerate() {
        let n = i + 1;
        let places: Vec<String> = item.places.iter().map(|p| p.to_string()).collect();
        let _ = write!(
            out,
            "<tr id=\"row-{n}\" data-event=\"{n}\" data-k=\"{}\" data-p=\"{}\"",
            item.lane.id(),
            places.join(" ")
        );
        if let Some(m) = item.main {
            let _ = write!(out, " data-m=\"{m}\"");
        }
        let _ = write!(out, "><td class=\"num\">{n}</td>");
        let _ = write!(out, "<td class=\"when\">{}</td><td>", esc(&when_text(e)).replace('/', "/<wbr>"));
        kinds_cell(out, e);
        let places: Vec<String> = e.places.iter().map(place_text).collect();
        let figures: Vec<String> = e.figures.iter().map(figure_text).collect();
        let _ = write!(
            out,
            "</td><td>{}</td><td>{}</td><td class=\"evidence\">{}</td>",
            esc(&places.join(", ")),
            esc(&figures.join(", ")),
            evidence_text(e)
        );
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
