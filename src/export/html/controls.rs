//! The controls above the picture: a filter by kind and by place, and the zoom, worked by
//! the page's one inline script ([`SCRIPT`]). Without the script the form stays hidden and
//! the page shows everything.

use super::model::Model;
use crate::export::escape::html as esc;
use std::fmt::Write;

/// The page's script (`script.js` beside this file): it reads the events' kinds and places
/// from the table rows, hides what the filter leaves out (rows, marks, bars, case charts),
/// recounts a day's marks, and lays the marks out again for the zoomed window (the same
/// packing as the page's own, see the chart module). It loads nothing.
pub(super) const SCRIPT: &str = include_str!("script.js");

/// The form: a checkbox per kind (one per lane kind present, with its count) and per place
/// (with its code and count, and one for the events that name no place), each group with
/// buttons to tick all or none; and, when there is a picture, the zoom and the window it
/// shows.
pub(super) fn controls(out: &mut String, model: &Model, zoom: bool) {
    out.push_str("<form id=\"controls\" class=\"controls\" hidden>\n");
    out.push_str("<fieldset class=\"kinds\"><legend>Kinds</legend>");
    out.push_str(
        "<button type=\"button\" data-all=\"k\">all</button><button type=\"button\" data-none=\"k\">none</button>\n",
    );
    out.push_str("<div class=\"list\">\n");
    for (kind, n) in &model.kinds {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"k\" value=\"{}\" checked><span class=\"sw k-{}\"></span>\
             <span class=\"kn\">{}</span> <span class=\"n\">{n}</span></label>",
            kind.id(),
            kind.id(),
            esc(kind.label())
        );
    }
    out.push_str("</div></fieldset>\n");
    out.push_str("<fieldset class=\"places\"><legend>Places</legend>");
    out.push_str(
        "<button type=\"button\" data-all=\"p\">all</button><button type=\"button\" data-none=\"p\">none</button>\n",
    );
    out.push_str("<div class=\"list\">\n");
    for (i, p) in model.places.iter().enumerate() {
        let _ = write!(
            out,
            "<label><input type=\"checkbox\" name=\"p\" value=\"{i}\" checked><span class=\"pn\">{}</span>",
            esc(&p.place.name)
        );
        if !p.place.code.is_empty() {
            let _ = write!(out, " <span class=\"code\">{}</span>", esc(&p.place.code));
        }
        let _ = writeln!(out, " <span class=\"n\">{}</span></label>", p.events);
    }
    if model.unplaced > 0 {
        let _ = writeln!(
            out,
            "<label><input type=\"checkbox\" name=\"p\" value=\"-1\" checked><span class=\"pn\">no place named</span> \
             <span class=\"n\">{}</span></label>",
            model.unplaced
        );
    }
    out.push_str("</div></fieldset>\n");
    if zoom {
        out.push_str(
            "<fieldset class=\"zoom\"><legend>Zoom</legend>\
             <label>zoom <input type=\"range\" id=\"zoom\" min=\"0\" max=\"100\" value=\"0\"></label>\
             <label>move <input type=\"range\" id=\"pan\" min=\"0\" max=\"1000\" value=\"0\"></label>\
             <button type=\"button\" id=\"fit\">whole axis</button>\
             <output id=\"window\"></output><p class=\"hint\">or drag the picture sideways</p></fieldset>\n",
        );
    }
    out.push_str("<p id=\"shown\" class=\"meta\"></p>\n</form>\n");
}
