//! Output formats at the edge of the pipeline: text is copied here, not before.
//!
//! - [`json`] (feature `json`, on by default): the document record, the public JSON format;
//! - [`text`]: one event a line, for a terminal;
//! - [`markdown`]: a table of events; [`html`]: a self-contained page that draws them;
//! - [`timeml`]: the text with inline TIMEX3 tags.
//!
//! Every text format escapes what it copies from the input through one module (`escape`):
//! an id or a sentence never passes for markup, and never starts a line of its own.

mod escape;
pub mod html;
#[cfg(feature = "json")]
pub mod json;
mod labels;
pub mod markdown;
pub mod text;
pub mod timeml;

use crate::document::Document;
use crate::event::kinds::EventKind;
use crate::extract::Analysis;
use crate::timeline::Timeline;
use std::io;
use std::str::FromStr;

/// An output format, by the name a command line gives it.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::Format;
/// let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев.").unwrap();
/// let format: Format = "markdown".parse().unwrap();
/// let mut out = Vec::new();
/// format.write_document(&mut out, &doc, &analyze(&doc)).unwrap();
/// assert!(out.starts_with("# Timeline — published 2020-03-20".as_bytes()));
/// assert!("yaml".parse::<Format>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// [`text`]: one event a line.
    Text,
    /// [`json`]: the document record, pretty-printed; a timeline's serde JSON.
    #[cfg(feature = "json")]
    Json,
    /// [`json`] on one line: the document record; a timeline's events, one a line.
    #[cfg(feature = "json")]
    Jsonl,
    /// [`markdown`]: a table of events.
    Markdown,
    /// [`timeml`]: the text with inline TIMEX3 tags (documents only).
    Timeml,
    /// [`html`]: a self-contained page that draws the timeline.
    Html,
}

impl Format {
    /// Every format, in the order a usage text lists them.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        #[cfg(feature = "json")]
        Format::Json,
        #[cfg(feature = "json")]
        Format::Jsonl,
        Format::Markdown,
        Format::Timeml,
        Format::Html,
    ];

    /// The format's name: `text`, `json`, `jsonl`, `markdown`, `timeml`, `html`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            #[cfg(feature = "json")]
            Format::Json => "json",
            #[cfg(feature = "json")]
            Format::Jsonl => "jsonl",
            Format::Markdown => "markdown",
            Format::Timeml => "timeml",
            Format::Html => "html",
        }
    }

    /// Writes one analysed document in this format (an HTML page is titled with the
    /// document's id and publication time).
    pub fn write_document(self, out: &mut impl io::Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
        match self {
            Format::Text => text::write_document(out, doc, analysis),
            #[cfg(feature = "json")]
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, &json::RecordView::new(doc, analysis))?;
                out.write_all(b"\n")
            }
            #[cfg(feature = "json")]
            Format::Jsonl => {
                serde_json::to_writer(&mut *out, &json::RecordView::new(doc, analysis))?;
                out.write_all(b"\n")
            }
            Format::Markdown => writeln!(out, "{}", markdown::markdown(doc, analysis)),
            Format::Timeml => writeln!(out, "{}", timeml::timeml(doc, analysis)),
            Format::Html => {
                let title = format!("{} ({})", doc.id().unwrap_or("document"), doc.published());
                writeln!(out, "{}", html::html(&title, &analysis.timeline))
            }
        }
    }

    /// Writes a (merged) timeline titled `title` in this format.
    ///
    /// # Errors
    /// [`Format::Timeml`] writes a document's text and cannot show a timeline alone
    /// ([`io::ErrorKind::InvalidInput`]); any error of `out`.
    pub fn write_timeline(self, out: &mut impl io::Write, title: &str, timeline: &Timeline) -> io::Result<()> {
        match self {
            Format::Text => text::write_timeline(out, timeline),
            #[cfg(feature = "json")]
            Format::Json => {
                serde_json::to_writer_pretty(&mut *out, timeline)?;
                out.write_all(b"\n")
            }
            #[cfg(feature = "json")]
            Format::Jsonl => timeline.iter().try_for_each(|e| {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")
            }),
            Format::Markdown => writeln!(out, "{}", markdown::markdown_timeline(title, timeline)),
            Format::Html => writeln!(out, "{}", html::html(title, timeline)),
            Format::Timeml => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "--format timeml writes one document's text; it cannot show a merged timeline",
            )),
        }
    }
}

impl FromStr for Format {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        let expected = if cfg!(feature = "json") {
            "text, json, jsonl, markdown, timeml, html"
        } else {
            "text, markdown, timeml, html"
        };
        Format::ALL.iter().copied().find(|f| f.name() == s).ok_or_else(|| crate::Error::unknown("format", s, expected))
    }
}

/// The events of `timeline` that have at least one of `kinds`, in the same order (the
/// undated sentences are left out).
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::EventKind;
/// use khronika::export::keep_kinds;
/// let doc = Document::parse("date 2020-03-20 16 марта закрыли школы. Вчера выявлено 9 случаев.").unwrap();
/// let cases = keep_kinds(&analyze(&doc).timeline, &[EventKind::Cases]);
/// assert_eq!(cases.len(), 1);
/// assert_eq!(cases.events()[0].when.to_string(), "2020-03-19");
/// ```
pub fn keep_kinds(timeline: &Timeline, kinds: &[EventKind]) -> Timeline {
    Timeline::from_events(timeline.iter().filter(|e| e.kinds.iter().any(|k| kinds.contains(k))).cloned().collect())
}
