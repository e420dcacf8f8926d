//! The plain-text timeline: one event a line, date first, for a terminal or `grep`.
//!
//! ```text
//! # a1 (published 2020-03-20): 3 mentions, 2 events
//! 2020-03-16/2020-04-15          other @Павлодар                          ЧП в Павлодаре ввели 16 марта и продлят до 15 апреля.
//! 2020-03-19                     cases 9 cases                            Вчера выявлено 9 случаев.
//! ```
//!
//! - The heading names the document (its id, or `document`), its publication time and its
//!   counts; a merged timeline's heading is `# corpus timeline: N events`.
//! - An event line is the value (and its mod, `2020-03-13 ON_OR_AFTER`) padded to 30
//!   characters, then its facts padded to 40 (kind ids, `@` and its places, its figures with
//!   `~` for an approximate one), then `↳ ` for an inherited event, the sentence on one line,
//!   and, when it was read from several sentences, the ids of their documents in brackets
//!   (each once).
//! - Every field copied from the input is on one line: control characters (a newline in a
//!   document id, say) are written as `\n`, `\u{1b}`, ..., so no input can forge a line.

use super::escape;
use crate::document::Document;
use crate::event::Event;
use crate::extract::Analysis;
use crate::timeline::Timeline;
use std::fmt::Write as _;
use std::io;

/// Writes one analysed document: its heading line, then one line per event.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::text::write_document;
/// let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев.").unwrap().with_id("n1");
/// let mut out = Vec::new();
/// write_document(&mut out, &doc, &analyze(&doc)).unwrap();
/// let text = String::from_utf8(out).unwrap();
/// assert!(text.starts_with("# n1 (published 2020-03-20): 1 mentions, 1 events\n2020-03-19 "));
/// ```
pub fn write_document(out: &mut impl io::Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
    let id = escape::controls_str(doc.id().unwrap_or("document"));
    writeln!(
        out,
        "# {id} (published {}): {} mentions, {} events",
        doc.published(),
        analysis.mentions.len(),
        analysis.timeline.len()
    )?;
    for e in analysis.timeline.iter() {
        write_event(out, e)?;
    }
    Ok(())
}

/// Writes a merged corpus timeline: its heading line, then one line per event.
pub fn write_timeline(out: &mut impl io::Write, timeline: &Timeline) -> io::Result<()> {
    writeln!(out, "# corpus timeline: {} events", timeline.len())?;
    let mut line = Line::default();
    for e in timeline.iter() {
        line.write(out, e)?;
    }
    Ok(())
}

/// Writes one event on one line (see the [module docs](self)).
pub fn write_event(out: &mut impl io::Write, e: &Event) -> io::Result<()> {
    Line::default().write(out, e)
}

/// The pieces of an event's line, kept from one event to the next (a timeline's lines cost
/// no allocation each).
#[derive(Default)]
struct Line {
    when: String,
    facts: String,
    rest: String,
}

impl Line {
    /// Writes one event on one line.
    fn write(&mut self, out: &mut impl io::Write, e: &Event) -> io::Result<()> {
        let Line { when, facts, rest } = self;
        when.clear();
        facts.clear();
        rest.clear();
        // Writing to a String cannot fail.
        let _ = match e.modifier {
            Some(m) => write!(when, "{} {}", e.when, m),
            None => write!(when, "{}", e.when),
        };
        for (i, k) in e.kinds.iter().enumerate() {
            if i > 0 {
                facts.push(',');
            }
            facts.push_str(k.id());
        }
        for (i, p) in e.places.iter().enumerate() {
            facts.push_str(if i == 0 { " @" } else { "," });
            let _ = escape::controls(facts, &p.name);
        }
        for f in &e.figures {
            let _ = write!(facts, " {}{} ", if f.approx { "~" } else { "" }, f.value);
            let _ = escape::controls(facts, &f.unit);
        }
        if e.inherited {
            rest.push_str("↳ ");
        }
        let _ = escape::line(rest, &e.text);
        match e.evidence.len() {
            0 | 1 => {}
            2 => rest.push_str(" (+1 sentence)"),
            n => {
                let _ = write!(rest, " (+{} sentences)", n - 1);
            }
        }
        for (i, k) in e.measures.iter().enumerate() {
            rest.push_str(if i == 0 { " measures: " } else { "," });
            rest.push_str(k.id());
        }
        // The documents it was read from, each once (a document's restatements share one).
        let docs = super::labels::sources(e);
        if docs.len() > 1 {
            rest.push_str(" [");
            for (i, id) in docs.into_iter().enumerate() {
                if i > 0 {
                    rest.push_str(", ");
                }
                let _ = escape::controls(rest, id);
            }
            rest.push(']');
        }
        writeln!(out, "{:<30} {:<40} {rest}", when.as_str(), facts.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Source;
    use crate::extract::analyze;

    #[test]
    fn an_id_with_a_newline_cannot_forge_a_line() {
        let doc =
            Document::parse("date 2020-03-20 Вчера выявлено 9 случаев.").unwrap().with_id("a\n2099-01-01 cases FORGED");
        let analysis = analyze(&doc);
        let mut out = Vec::new();
        write_document(&mut out, &doc, &analysis).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.starts_with("# a\\n2099-01-01 cases FORGED (published"), "{text}");
        let mut e = analysis.timeline.events()[0].clone();
        e.sources.push(Source { doc: Some("b\r\n2099-01-01 x".into()), sentence: Default::default() });
        let mut out = Vec::new();
        write_timeline(&mut out, &Timeline::from_events(vec![e])).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(text.lines().count(), 2, "{text}");
        assert!(text.contains("[a\\n2099-01-01 cases FORGED, b\\r\\n2099-01-01 x]"), "{text}");
    }
}
