//! The events table under the picture: one row per event, with its kinds and a decree's
//! measures, its places with their codes (`Алматы (KZ-75)`), its figures (`312 cases
//! (new)`), how many sentences report it (`3 sentences`) and its first sentence.

use crate::export::escape::{html as esc, one_line};
use crate::export::labels::{
    evidence_text, figure_text, measures_text, place_text, sources, timeline_sources, when_text,
};
use crate::timeline::Timeline;
use std::fmt::Write;

/// The events table; it has a Sources column when the events come from several documents.
pub(super) fn table(out: &mut String, timeline: &Timeline) {
    let docs = timeline_sources(timeline);
    let with_sources = docs.len() > 1;
    out.push_str("<h2>Events</h2>\n<table class=\"events\">\n<thead><tr><th>#</th><th>When</th><th>Kinds</th>");
    out.push_str("<th>Places</th><th>Figures</th><th>Evidence</th><th>Sentence</th>");
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
        if !e.measures.is_empty() {
            let _ = write!(out, "<span class=\"measures\">{}</span>", esc(&measures_text(&e.measures)));
        }
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
