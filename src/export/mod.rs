//! Output formats at the edge of the pipeline: text is copied here, not before.
//!
//! - [`json`] (feature `json`, on by default): the document record, the public JSON format;
//! - [`text`]: one event a line, for a terminal;
//! - [`markdown`]: a table of events; [`html`]: a self-contained page that draws them;
//! - [`timeml`]: the text with inline TIMEX3 tags;
//! - [`csv`] (feature `csv`, on by default): one row per event or per mention, for
//!   spreadsheets and data frames;
//! - [`tilse`]: a date line, its sentences, a line of dashes, for timeline-summarization
//!   evaluators;
//! - [`oxcgrt`] (feature `csv`): an OxCGRT-style panel, one row per place and day with the
//!   measures in force and the confirmed counts.
//!
//! Every text format escapes what it copies from the input through one module (`escape`):
//! an id or a sentence never passes for markup, and never starts a line of its own.

#[cfg(feature = "csv")]
pub mod csv;
mod escape;
pub mod html;
#[cfg(feature = "json")]
pub mod json;
mod labels;
pub mod markdown;
#[cfg(feature = "csv")]
pub mod oxcgrt;
#[cfg(feature = "json")]
mod pretty;
pub mod text;
pub mod tilse;
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
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// [`text`]: one event a line (the default).
    #[default]
    Text,
    /// [`json`]: the document record, pretty-printed; a timeline's serde JSON.
    #[cfg(feature = "json")]
    Json,
    /// [`json`] on one line: the document record; a timeline's events, one a line.
    #[cfg(feature = "json")]
    Jsonl,
    /// [`csv`]: a header and one row per event (the event rows of [`csv::Writer`]).
    #[cfg(feature = "csv")]
    Csv,
    /// [`markdown`]: a table of events.
    Markdown,
    /// [`timeml`]: the text with inline TIMEX3 tags (documents only).
    Timeml,
    /// [`html`]: a self-contained page that draws the timeline.
    Html,
    /// [`tilse`]: each date, its sentences, a line of dashes.
    Tilse,
    /// [`oxcgrt`]: a panel of one row per place and day (one timeline: a document's or a
    /// merged one).
    #[cfg(feature = "csv")]
    Oxcgrt,
}

impl Format {
    /// Every format, in the order a usage text lists them.
    pub const ALL: &'static [Format] = &[
        Format::Text,
        #[cfg(feature = "json")]
        Format::Json,
        #[cfg(feature = "json")]
        Format::Jsonl,
        #[cfg(feature = "csv")]
        Format::Csv,
        Format::Markdown,
        Format::Timeml,
        Format::Html,
        Format::Tilse,
        #[cfg(feature = "csv")]
        Format::Oxcgrt,
    ];

    /// The format's name: `text`, `json`, `jsonl`, `csv`, `markdown`, `timeml`, `html`,
    /// `tilse`, `oxcgrt`.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            #[cfg(feature = "json")]
            Format::Json => "json",
            #[cfg(feature = "json")]
            Format::Jsonl => "jsonl",
            #[cfg(feature = "csv")]
            Format::Csv => "csv",
            Format::Markdown => "markdown",
            Format::Timeml => "timeml",
            Format::Html => "html",
            Format::Tilse => "tilse",
            #[cfg(feature = "csv")]
            Format::Oxcgrt => "oxcgrt",
        }
    }

    /// Whether this format can write `target`, with `rows` (CSV rows: `None` for another
    /// format, or for CSV's default, events).
    ///
    /// # Errors
    /// [`Unwritable`] when it cannot: `rows` given for a format other than CSV; a corpus
    /// line by line in a format other than JSONL or CSV; mention rows or TimeML for a
    /// merged timeline (they need the documents' text); tilse or oxcgrt for several
    /// documents (a tilse file holds one timeline, an OxCGRT panel is built from one).
    pub fn check(self, target: Target, rows: Option<Rows>) -> Result<(), Unwritable> {
        let no = |instead| Err(Unwritable::Target { format: self.name(), target, instead });
        #[cfg(feature = "csv")]
        let csv = self == Format::Csv;
        #[cfg(not(feature = "csv"))]
        let csv = false;
        #[cfg(feature = "json")]
        let corpus = csv || self == Format::Jsonl;
        #[cfg(not(feature = "json"))]
        let corpus = csv;
        match (target, rows) {
            (_, Some(_)) if !csv => Err(Unwritable::Rows { format: self.name() }),
            (Target::Corpus, _) if !corpus => no("a corpus is written as jsonl records or csv rows (or merge it)"),
            (Target::Merged, Some(Rows::Mentions)) => no("a merged timeline has events, not mentions"),
            (Target::Merged, _) if self == Format::Timeml => no("TimeML marks up a document's text"),
            (Target::Documents, _) if self == Format::Tilse => {
                no("a tilse file holds one timeline (merge them, or give one)")
            }
            #[cfg(feature = "csv")]
            (Target::Documents, _) if self == Format::Oxcgrt => {
                no("an OxCGRT panel is built from one timeline (merge them, or give one)")
            }
            _ => Ok(()),
        }
    }

    /// Writes one analysed document in this format (an HTML page is titled with the
    /// document's id and publication time; an OxCGRT panel ends at its publication day).
    pub fn write_document(self, out: &mut impl io::Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
        match self {
            Format::Text => text::write_document(out, doc, analysis),
            #[cfg(feature = "json")]
            Format::Json => {
                pretty::to_writer(&mut *out, &json::RecordView::new(doc, analysis))?;
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
            #[cfg(feature = "csv")]
            Format::Csv => csv::write_events(out, &analysis.timeline),
            Format::Tilse => tilse::write_timeline(out, &analysis.timeline),
            #[cfg(feature = "csv")]
            Format::Oxcgrt => {
                let options = oxcgrt::Options { published: Some(doc.published().day()) };
                oxcgrt::write(out, &analysis.timeline, &options).map(drop)
            }
        }
    }

    /// Writes a (merged) timeline titled `title` in this format. An OxCGRT panel of a
    /// timeline alone ends at its latest event day (a merged timeline does not know its
    /// documents' publication dates: call [`oxcgrt::write`] to give one).
    ///
    /// # Errors
    /// [`Format::Timeml`] writes a document's text and cannot show a timeline alone
    /// ([`io::ErrorKind::InvalidInput`]); any error of `out`.
    pub fn write_timeline(self, out: &mut impl io::Write, title: &str, timeline: &Timeline) -> io::Result<()> {
        match self {
            Format::Text => text::write_timeline(out, timeline),
            #[cfg(feature = "json")]
            Format::Json => {
                pretty::to_writer(&mut *out, timeline)?;
                out.write_all(b"\n")
            }
            #[cfg(feature = "json")]
            Format::Jsonl => timeline.iter().try_for_each(|e| {
                serde_json::to_writer(&mut *out, e)?;
                out.write_all(b"\n")
            }),
            Format::Markdown => writeln!(out, "{}", markdown::markdown_timeline(title, timeline)),
            Format::Html => writeln!(out, "{}", html::html(title, timeline)),
            #[cfg(feature = "csv")]
            Format::Csv => csv::write_events(out, timeline),
            Format::Tilse => tilse::write_timeline(out, timeline),
            #[cfg(feature = "csv")]
            Format::Oxcgrt => oxcgrt::write(out, timeline, &oxcgrt::Options::default()).map(drop),
            Format::Timeml => Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "--format timeml writes one document's text; it cannot show a merged timeline",
            )),
        }
    }
}

/// What a CSV has a row for ([`csv`], feature `csv`).
///
/// ```
/// use khronika::export::Rows;
/// assert_eq!("mentions".parse::<Rows>().unwrap(), Rows::Mentions);
/// assert!("sentences".parse::<Rows>().is_err());
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Rows {
    /// One row per event (`csv::EVENT_COLUMNS`).
    #[default]
    Events,
    /// One row per mention (`csv::MENTION_COLUMNS`): documents only.
    Mentions,
}

impl Rows {
    /// `events` or `mentions`.
    pub fn name(self) -> &'static str {
        match self {
            Rows::Events => "events",
            Rows::Mentions => "mentions",
        }
    }

    /// The header of its CSV.
    #[cfg(feature = "csv")]
    pub fn columns(self) -> &'static [&'static str] {
        match self {
            Rows::Events => &csv::EVENT_COLUMNS,
            Rows::Mentions => &csv::MENTION_COLUMNS,
        }
    }
}

impl FromStr for Rows {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        [Rows::Events, Rows::Mentions]
            .into_iter()
            .find(|r| r.name() == s)
            .ok_or_else(|| crate::Error::unknown("rows", s, "events, mentions"))
    }
}

/// What a run asks a format to write (see [`Format::check`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Target {
    /// One analysed document.
    Document,
    /// Several documents, one after the other in one output.
    Documents,
    /// A JSONL corpus, line by line ([`corpus`](crate::corpus) records, or one CSV).
    Corpus,
    /// A merged timeline: no document text, no mentions.
    Merged,
}

impl Target {
    /// What it is, in words: `one document`, `several documents`, `a JSONL corpus`, `a merged timeline`.
    pub fn name(self) -> &'static str {
        match self {
            Target::Document => "one document",
            Target::Documents => "several documents",
            Target::Corpus => "a JSONL corpus line by line",
            Target::Merged => "a merged timeline",
        }
    }
}

/// A format (or CSV rows) asked to write what it cannot, and what to do instead.
///
/// ```
/// use khronika::export::{Format, Rows, Target};
/// assert!(Format::Markdown.check(Target::Merged, None).is_ok());
/// let err = Format::Tilse.check(Target::Documents, None).unwrap_err();
/// assert_eq!(err.to_string(), "--format tilse cannot write several documents: a tilse file holds one timeline (merge them, or give one)");
/// assert!(Format::Csv.check(Target::Merged, Some(Rows::Mentions)).is_err());
/// assert!(Format::Text.check(Target::Document, Some(Rows::Events)).is_err());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Unwritable {
    /// The format cannot write the target.
    #[error("--format {format} cannot write {}: {instead}", target.name())]
    Target {
        /// The format's name.
        format: &'static str,
        /// What it was asked to write.
        target: Target,
        /// Why not, and what to do instead.
        instead: &'static str,
    },
    /// Rows were asked of a format that has none.
    #[error("--rows is for --format csv, not --format {format}")]
    Rows {
        /// The format's name.
        format: &'static str,
    },
}

impl FromStr for Format {
    type Err = crate::Error;

    fn from_str(s: &str) -> crate::Result<Self> {
        let expected = match (cfg!(feature = "json"), cfg!(feature = "csv")) {
            (true, true) => "text, json, jsonl, csv, markdown, timeml, html, tilse, oxcgrt",
            (true, false) => "text, json, jsonl, markdown, timeml, html, tilse",
            (false, true) => "text, csv, markdown, timeml, html, tilse, oxcgrt",
            (false, false) => "text, markdown, timeml, html, tilse",
        };
        Format::ALL.iter().copied().find(|f| f.name() == s).ok_or_else(|| crate::Error::unknown("format", s, expected))
    }
}

/// Several analysed documents written one after the other into one output, in one format:
/// what [`Format::write_document`] writes for each, except that a CSV has its header once
/// (then every document's rows) and JSON is one record, or an array of them when there are
/// several or `array` says so (written at [`finish`](Documents::finish)).
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::{Documents, Format, Rows};
/// let a = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев.").unwrap().with_id("a");
/// let b = Document::parse("date 2020-03-21 Сегодня закрыли школы.").unwrap().with_id("b");
/// let (mut out, mut docs) = (Vec::new(), Documents::new(Format::Csv, Rows::Events, false));
/// for doc in [a, b] {
///     let analysis = analyze(&doc);
///     docs.write(&mut out, doc, analysis).unwrap();
/// }
/// docs.finish(&mut out).unwrap();
/// let csv = String::from_utf8(out).unwrap();
/// assert_eq!(csv.lines().filter(|l| l.starts_with("doc,")).count(), 1);
/// assert_eq!(csv.lines().count(), 3);
/// ```
#[derive(Debug)]
pub struct Documents<'a> {
    format: Format,
    #[cfg(feature = "csv")]
    csv: csv::Writer,
    #[cfg(feature = "json")]
    json: Vec<(Document<'a>, Analysis)>,
    #[cfg(not(feature = "json"))]
    json: std::marker::PhantomData<Document<'a>>,
    #[cfg(feature = "json")]
    array: bool,
}

impl<'a> Documents<'a> {
    /// Documents in `format` (`rows`: of a CSV; `array`: a JSON array even for one).
    pub fn new(format: Format, rows: Rows, array: bool) -> Self {
        #[cfg(not(feature = "csv"))]
        let _ = rows;
        #[cfg(not(feature = "json"))]
        let _ = array;
        Documents {
            format,
            #[cfg(feature = "csv")]
            csv: csv::Writer::new(rows),
            json: Default::default(),
            #[cfg(feature = "json")]
            array,
        }
    }

    /// Writes one document (JSON keeps it until [`finish`](Documents::finish)).
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn write(&mut self, out: &mut impl io::Write, doc: Document<'a>, analysis: Analysis) -> io::Result<()> {
        match self.format {
            #[cfg(feature = "json")]
            Format::Json => self.json.push((doc, analysis)),
            #[cfg(feature = "csv")]
            Format::Csv => self.csv.write_document(out, &doc, &analysis)?,
            format => format.write_document(out, &doc, &analysis)?,
        }
        Ok(())
    }

    /// Writes what is left: a CSV's header if no document had rows, the JSON record or
    /// array.
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn finish(self, out: &mut impl io::Write) -> io::Result<()> {
        #[cfg(feature = "csv")]
        if self.format == Format::Csv {
            let mut csv = self.csv;
            return csv.finish(out);
        }
        #[cfg(feature = "json")]
        if self.format == Format::Json {
            let records: Vec<json::RecordView> = self.json.iter().map(|(d, a)| json::RecordView::new(d, a)).collect();
            match records.as_slice() {
                [one] if !self.array => pretty::to_writer(&mut *out, one)?,
                all => pretty::to_writer(&mut *out, all)?,
            }
            return out.write_all(b"\n");
        }
        let _ = out;
        Ok(())
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
