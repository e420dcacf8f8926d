//! CSV for spreadsheets and data frames (feature `csv`, on by default): one row per event,
//! or one row per mention.
//!
//! ```
//! use khronika::{analyze, Document};
//! use khronika::export::csv::write_events;
//! let doc = Document::parse("date 2020-03-20 Вчера в Караганде выявлено 9 новых случаев.").unwrap().with_id("n1");
//! let mut out = Vec::new();
//! write_events(&mut out, &analyze(&doc).timeline).unwrap();
//! let csv = String::from_utf8(out).unwrap();
//! let mut lines = csv.lines();
//! assert_eq!(lines.next(), Some("doc,date_from,date_to,mod,when,kinds,indicators,places,place_codes,figures,count,evidence,sentence"));
//! assert_eq!(lines.next(), Some("n1,2020-03-19,2020-03-19,,2020-03-19,cases,,Караганда,KZ-35,cases=9,new,1,Вчера в Караганде выявлено 9 новых случаев."));
//! ```
//!
//! The csv crate's writer does all the quoting (RFC 4180: a field with a comma, a double
//! quote, a carriage return or a line feed is put in double quotes, a double quote inside is
//! doubled; rows end with CRLF), so no value copied from the input (an id, a sentence, a
//! file name) can end its field or its row early: every row reads back as one record. Other
//! control characters are written as they are, inside their field. A spreadsheet may still
//! read a field that starts with `=`, `+`, `-` or `@` as a formula: the export writes the
//! data as it is and leaves that to the program that opens it.
//!
//! Lists inside a field are joined by `; ` (semicolon, space), in the order the JSON
//! export gives them. `docs/csv.md` has the same tables.
//!
//! # Event rows ([`EVENT_COLUMNS`])
//!
//! | column | holds |
//! | --- | --- |
//! | `doc` | the ids of the documents the event was read from, each once (`; `-joined; several after a merge; empty when the document has no id) |
//! | `date_from` | the first day the value covers, `YYYY-MM-DD` (`2020-03-16` for `2020-03-16/2020-04-15`, the Monday of `2020-W12`); empty for a value that is not on the calendar (a duration, a set, `PRESENT_REF`) |
//! | `date_to` | the last day it covers, `YYYY-MM-DD` (`2020-04-15`, the Sunday of `2020-W12`); empty as `date_from` |
//! | `mod` | the TIMEX3 mod of a one-sided bound (`BEFORE` for `до 15 апреля`, `ON_OR_AFTER`); empty when none |
//! | `when` | the TIMEX3 value as JSON writes it (`2020-03-16/2020-04-15`, `2020-W12`, `2020-03-17TMO`) |
//! | `kinds` | the event's kind ids (`quarantine; cases`) |
//! | `indicators` | the OxCGRT indicator codes of those kinds, each once (`C1; C6`; [`EventKind::indicator`](crate::EventKind::indicator)) |
//! | `places` | the places' nominative names (`Караганда; Павлодар`); ` (context)` ends the name of a place the article gives rather than the evidence naming it (`Казахстан (context)`: an anaphor resolved, or the article's own place, see [`Place::context`](crate::Place::context)) |
//! | `place_codes` | their codes, one per place in the same order (`KZ-35; KZ-55`; empty items for places without one), context places included |
//! | `figures` | one item per figure: `what=value` (`cases=49; money=300000000000 KZT`), see below |
//! | `count` | one item per figure, in the same order: `new`, `cumulative` or empty when the sentence says neither; the whole field is empty when no figure is marked |
//! | `evidence` | how many sentences report the event (its first, then continuations and restatements) |
//! | `sentence` | the text of its first sentence, the one that dates it |
//!
//! A figure item is `what=value`: `what` is the figure's kind as JSON writes it (`cases`,
//! `deaths`, `recoveries`, `tests`, `vaccinated`, `people`, `money`, `percent`, `other`),
//! `value` the number with its multiplier applied as a plain decimal (`300000000000`,
//! `1.5`), with `~` before it when the text makes it approximate (`people=~500`). For
//! `money` and `other` the unit follows after a space (`money=5000000000 KZT`, `other=200
//! beds`); the other kinds imply theirs. ` (part)` ends the item of a part of another count
//! (`из них 12` → `cases=12 (part)`): do not add it to the count it is a part of.
//!
//! # Mention rows ([`MENTION_COLUMNS`])
//!
//! | column | holds |
//! | --- | --- |
//! | `doc` | the document's id (empty when it has none) |
//! | `start`, `end` | the mention's span in characters (Unicode scalar values, as Python's `str` indexes) |
//! | `byte_start`, `byte_end` | the same span in UTF-8 bytes |
//! | `text` | the mention as written |
//! | `type` | TIMEX3 type: `DATE`, `TIME`, `DURATION`, `SET` |
//! | `value` | TIMEX3 value |
//! | `mod` | TIMEX3 mod, empty when none |
//! | `anchor` | `absolute`, `publication` or `previous` |
//!
//! A merged timeline has no mentions: only event rows can be written for it.

use super::labels;
use crate::document::Document;
use crate::event::figures::{Count, Figure, FigureWhat};
use crate::event::Event;
use crate::extract::Analysis;
use crate::mention::Mention;
use crate::timeline::Timeline;
use std::fmt::Write as _;
use std::io;

/// The columns of an event row, in order (see the [module docs](self)).
pub const EVENT_COLUMNS: [&str; 13] = [
    "doc",
    "date_from",
    "date_to",
    "mod",
    "when",
    "kinds",
    "indicators",
    "places",
    "place_codes",
    "figures",
    "count",
    "evidence",
    "sentence",
];

/// The columns of a mention row, in order (see the [module docs](self)).
pub const MENTION_COLUMNS: [&str; 10] =
    ["doc", "start", "end", "byte_start", "byte_end", "text", "type", "value", "mod", "anchor"];

pub use super::Rows;

/// A CSV written in pieces to an output passed to each call: its header once (before the
/// first rows, or at [`finish`](Writer::finish) when there were none), then rows. So one
/// CSV can hold the rows of many documents, and the output stays free between calls for
/// the caller.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::csv::{Rows, Writer};
/// let a = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев.").unwrap().with_id("a");
/// let b = Document::parse("date 2020-03-21 Сегодня закрыли школы.").unwrap().with_id("b");
/// let (mut out, mut csv) = (Vec::new(), Writer::new(Rows::Mentions));
/// csv.write_document(&mut out, &a, &analyze(&a)).unwrap();
/// csv.write_document(&mut out, &b, &analyze(&b)).unwrap();
/// csv.finish(&mut out).unwrap();
/// let csv = String::from_utf8(out).unwrap();
/// let lines: Vec<&str> = csv.lines().collect();
/// assert_eq!(lines, [
///     "doc,start,end,byte_start,byte_end,text,type,value,mod,anchor",
///     "a,0,5,0,10,Вчера,DATE,2020-03-19,,publication",
///     "b,0,7,0,14,Сегодня,DATE,2020-03-21,,publication",
/// ]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct Writer {
    rows: Rows,
    header: bool,
}

impl Writer {
    /// A CSV of these rows, nothing written yet.
    pub fn new(rows: Rows) -> Self {
        Writer { rows, header: false }
    }

    /// What it has a row for.
    pub fn rows(&self) -> Rows {
        self.rows
    }

    /// Writes the rows of one analysed document: its events or its mentions.
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn write_document(&mut self, out: &mut impl io::Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
        match self.rows {
            Rows::Events => self.write_timeline(out, &analysis.timeline),
            Rows::Mentions => {
                let id = analysis.id.as_deref().or(doc.id()).unwrap_or("");
                self.write_with(out, |csv, row| {
                    analysis.mentions.iter().try_for_each(|m| mention_row(csv, row, id, m, doc.text()))
                })
            }
        }
    }

    /// Writes one event row per event of `timeline` (a document's or a merged one).
    ///
    /// # Errors
    /// [`io::ErrorKind::InvalidInput`] for a CSV of mentions (a timeline has none); any
    /// error of `out`.
    pub fn write_timeline(&mut self, out: &mut impl io::Write, timeline: &Timeline) -> io::Result<()> {
        if self.rows == Rows::Mentions {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a CSV of mentions needs the documents: a merged timeline has only events",
            ));
        }
        self.write_with(out, |csv, row| timeline.iter().try_for_each(|e| event_row(csv, row, e)))
    }

    /// Writes the header if no call has written it yet (a CSV without rows still has it).
    ///
    /// # Errors
    /// Any error of `out`.
    pub fn finish(&mut self, out: &mut impl io::Write) -> io::Result<()> {
        self.write_with(out, |_, _| Ok(()))
    }

    /// Writes the header if it is not written yet, then what `f` writes, through one csv
    /// writer over `out`, flushed before it returns.
    fn write_with<W: io::Write>(
        &mut self,
        out: &mut W,
        f: impl FnOnce(&mut csv::Writer<&mut W>, &mut Row) -> csv::Result<()>,
    ) -> io::Result<()> {
        let mut csv = writer(out);
        if !self.header {
            csv.write_record(self.rows.columns()).map_err(io_error)?;
            self.header = true;
        }
        f(&mut csv, &mut Row::default()).map_err(io_error)?;
        csv.flush()
    }
}

/// Writes a timeline as a CSV of events: the header, then one row per event.
///
/// # Errors
/// Any error of `out`.
pub fn write_events(out: &mut impl io::Write, timeline: &Timeline) -> io::Result<()> {
    Writer::new(Rows::Events).write_timeline(out, timeline)
}

/// Writes a document's mentions as a CSV: the header, then one row per mention.
///
/// # Errors
/// Any error of `out`.
pub fn write_mentions(out: &mut impl io::Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
    Writer::new(Rows::Mentions).write_document(out, doc, analysis)
}

/// How a JSONL corpus becomes one CSV ([`write_corpus`]).
#[cfg(feature = "json")]
#[derive(Clone, Debug, Default)]
pub struct CorpusOptions {
    /// What the CSV has a row for.
    pub rows: Rows,
    /// Threads to analyse on (see [`crate::corpus::map_lines`]).
    pub jobs: usize,
    /// How dates are resolved (a line's own `"prefer"` overrides `options.prefer`).
    pub options: crate::ResolveOptions,
    /// For event rows: keep only the events of these kinds ([`super::keep_kinds`]).
    pub kinds: Option<Vec<crate::EventKind>>,
    /// The language of every document (a line's own `"lang"` overrides it); None: each
    /// document's by its letters.
    pub lang: Option<crate::Lang>,
}

/// A JSONL corpus (one `{"id", "date", "text"}` a line, as [`crate::corpus`] reads them) as
/// one CSV: the header once, then the rows of every line in input order, on
/// `settings.jobs` threads. The `doc` column holds a line's id as text (a string's text,
/// another value's JSON text), or `#N` for line `N` when it has none. A line that cannot be
/// read gets no row: it is handed to `on_error` as its error record, in input order. The
/// summary counts the lines, the failed ones and the documents' events (the lengths of
/// their timelines, before the kind filter), as the other corpus runs do.
///
/// ```
/// use khronika::export::csv::{write_corpus, CorpusOptions};
/// let input = concat!(
///     r#"{"id": 7, "date": "2020-03-20", "text": "Вчера закрыли школы."}"#, "\n",
///     "not json\n",
///     r#"{"date": "2020-03-21", "text": "Сегодня выявлено 5 случаев."}"#, "\n",
/// );
/// let (mut out, mut bad) = (Vec::new(), Vec::new());
/// let summary = write_corpus(input.as_bytes(), &mut out, &CorpusOptions::default(), |e| bad.push(e.line))?;
/// assert_eq!((summary.lines, summary.failed, bad), (3, 1, vec![2]));
/// assert_eq!(summary.events, Some(2));
/// let csv = String::from_utf8(out).unwrap();
/// let docs: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
/// assert_eq!(docs, ["7", "#3"]);
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// An error reading `input` or writing `output`: the rows of the lines before it are
/// written.
#[cfg(feature = "json")]
pub fn write_corpus(
    input: impl io::BufRead,
    output: impl io::Write,
    settings: &CorpusOptions,
    mut on_error: impl FnMut(&crate::corpus::ErrorRecord),
) -> io::Result<crate::corpus::Summary> {
    use crate::corpus::{map_lines, read_line, Summary};
    use std::io::Write as _;
    let mut out = io::BufWriter::with_capacity(1 << 16, output);
    let mut summary = Summary { events: Some(0), ..Summary::default() };
    Writer::new(settings.rows).finish(&mut out)?;
    let rows = |line_no: usize, bytes: &[u8]| {
        let line = read_line(bytes).map_err(|e| (line_no, e.into_owned()))?;
        let id = line.id.as_ref().map_or_else(|| format!("#{line_no}"), |id| id.as_text().to_owned());
        let doc = line.document().with_id(id);
        let options =
            crate::ResolveOptions { prefer: line.prefer.unwrap_or(settings.options.prefer), ..settings.options };
        let extractor = crate::corpus::LangChoice(settings.lang).extractor(crate::Extractor::new(options));
        let mut analysis = extractor.analyze(&doc);
        let events = analysis.timeline.len(); // before the kind filter, as every summary counts
        if let (Rows::Events, Some(kinds)) = (settings.rows, &settings.kinds) {
            analysis.timeline = super::keep_kinds(&analysis.timeline, kinds);
        }
        let mut csv = Writer { rows: settings.rows, header: true };
        let mut bytes = Vec::with_capacity(bytes.len() + 256);
        // Writing to a Vec cannot fail.
        let _ = csv.write_document(&mut bytes, &doc, &analysis);
        Ok((bytes, events))
    };
    map_lines(input, settings.jobs, rows, |result| match result {
        Ok((bytes, events)) => {
            summary.add(Some(events));
            out.write_all(&bytes)
        }
        Err((line_no, e)) => {
            summary.add(None);
            on_error(&e.record(line_no));
            Ok(())
        }
    })?;
    out.flush()?;
    Ok(summary)
}

/// The csv writer every row goes through: RFC 4180 quoting where needed, CRLF line ends.
fn writer<W: io::Write>(out: W) -> csv::Writer<W> {
    csv::WriterBuilder::new().has_headers(false).terminator(csv::Terminator::CRLF).from_writer(out)
}

/// An error of the csv writer as an I/O error: an error of the output as it was (a closed
/// pipe stays one), anything else as `Other`.
fn io_error(e: csv::Error) -> io::Error {
    match e.into_kind() {
        csv::ErrorKind::Io(e) => e,
        other => io::Error::other(format!("CSV: {other:?}")),
    }
}

/// The fields of a row, kept from one row to the next (a timeline's rows cost no
/// allocation each).
#[derive(Default)]
struct Row {
    fields: [String; 13],
}

impl Row {
    /// The first `n` fields, emptied.
    fn clear(&mut self, n: usize) -> &mut [String] {
        let fields = &mut self.fields[..n];
        fields.iter_mut().for_each(String::clear);
        fields
    }
}

/// Appends the items to `field`, `; ` between them.
fn join<'a>(field: &mut String, items: impl IntoIterator<Item = &'a str>) {
    for (i, item) in items.into_iter().enumerate() {
        if i > 0 {
            field.push_str("; ");
        }
        field.push_str(item);
    }
}

/// A figure's kind as JSON writes it.
fn what_name(what: FigureWhat) -> &'static str {
    match what {
        FigureWhat::Cases => "cases",
        FigureWhat::Deaths => "deaths",
        FigureWhat::Recoveries => "recoveries",
        FigureWhat::Tests => "tests",
        FigureWhat::Vaccinated => "vaccinated",
        FigureWhat::People => "people",
        FigureWhat::Money => "money",
        FigureWhat::Percent => "percent",
        FigureWhat::Other => "other",
    }
}

/// Appends a figure item: `cases=49`, `people=~500`, `money=5000000000 KZT`, `cases=12 (part)`.
fn figure_item(field: &mut String, f: &Figure) {
    field.push_str(what_name(f.what));
    field.push('=');
    if f.approx {
        field.push('~');
    }
    // Writing to a String cannot fail.
    let _ = write!(field, "{}", f.value);
    if matches!(f.what, FigureWhat::Money | FigureWhat::Other) && !f.unit.is_empty() {
        field.push(' ');
        field.push_str(&f.unit);
    }
    if f.subset {
        field.push_str(" (part)");
    }
}

/// Writes an event's row.
fn event_row<W: io::Write>(csv: &mut csv::Writer<W>, row: &mut Row, e: &Event) -> csv::Result<()> {
    let [doc, from, to, modifier, when, kinds, indicators, places, codes, figures, count, evidence, sentence] =
        row.clear(EVENT_COLUMNS.len())
    else {
        return Ok(());
    };
    join(doc, labels::sources(e));
    // Writing to a String cannot fail.
    if let Some(d) = e.first_day() {
        let _ = write!(from, "{d}");
    }
    if let Some(d) = e.last_day() {
        let _ = write!(to, "{d}");
    }
    if let Some(m) = e.modifier {
        modifier.push_str(m.as_str());
    }
    let _ = write!(when, "{}", e.when);
    join(kinds, e.kinds.iter().map(|k| k.id()));
    join(indicators, e.indicators());
    for (i, p) in e.places.iter().enumerate() {
        if i > 0 {
            places.push_str("; ");
        }
        places.push_str(&p.name);
        if p.context {
            places.push_str(" (context)");
        }
    }
    join(codes, e.places.iter().map(|p| p.code.as_ref()));
    for (i, f) in e.figures.iter().enumerate() {
        if i > 0 {
            figures.push_str("; ");
        }
        figure_item(figures, f);
    }
    if e.figures.iter().any(|f| f.count.is_some()) {
        join(
            count,
            e.figures.iter().map(|f| match f.count {
                Some(Count::New) => "new",
                Some(Count::Cumulative) => "cumulative",
                None => "",
            }),
        );
    }
    let _ = write!(evidence, "{}", e.evidence.len().max(1));
    sentence.push_str(&e.text);
    csv.write_record(&row.fields[..EVENT_COLUMNS.len()])
}

/// Writes a mention's row (`text`: its document's text).
fn mention_row<W: io::Write>(
    csv: &mut csv::Writer<W>,
    row: &mut Row,
    id: &str,
    m: &Mention,
    text: &str,
) -> csv::Result<()> {
    let [doc, start, end, byte_start, byte_end, written, kind, value, modifier, anchor] =
        row.clear(MENTION_COLUMNS.len())
    else {
        return Ok(());
    };
    doc.push_str(id);
    // Writing to a String cannot fail.
    let _ = write!(start, "{}", m.chars().start);
    let _ = write!(end, "{}", m.chars().end);
    let _ = write!(byte_start, "{}", m.span().start);
    let _ = write!(byte_end, "{}", m.span().end);
    written.push_str(text.get(m.span()).unwrap_or(""));
    kind.push_str(m.kind.as_str());
    let _ = write!(value, "{}", m.value);
    if let Some(x) = m.modifier {
        modifier.push_str(x.as_str());
    }
    anchor.push_str(m.anchor.as_str());
    csv.write_record(&row.fields[..MENTION_COLUMNS.len()])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::analyze;

    #[test]
    fn figure_items_carry_approx_unit_and_part() {
        let f = |value, unit: &'static str, what, approx, subset| Figure {
            value,
            unit: unit.into(),
            what,
            approx,
            count: None,
            subset,
            span: Default::default(),
            sentence: 0,
        };
        let item = |f: Figure| {
            let mut s = String::new();
            figure_item(&mut s, &f);
            s
        };
        assert_eq!(item(f(49.0, "cases", FigureWhat::Cases, false, false)), "cases=49");
        assert_eq!(item(f(500.0, "people", FigureWhat::People, true, false)), "people=~500");
        assert_eq!(item(f(3e11, "KZT", FigureWhat::Money, false, false)), "money=300000000000 KZT");
        assert_eq!(item(f(1.5, "%", FigureWhat::Percent, false, false)), "percent=1.5");
        assert_eq!(item(f(200.0, "beds", FigureWhat::Other, false, false)), "other=200 beds");
        assert_eq!(item(f(12.0, "people", FigureWhat::Cases, false, true)), "cases=12 (part)");
    }

    #[test]
    fn context_places_are_marked_in_names_not_in_codes() {
        let doc = Document::parse(
            "date 2020-04-10 В Павлодарской области ужесточили карантин\n\n\
             С 11 апреля в Павлодарской области закрываются рынки.\n\n\
             Вчера в регионе выявили 12 новых случаев.",
        )
        .unwrap();
        let mut out = Vec::new();
        write_events(&mut out, &analyze(&doc).timeline).unwrap();
        let csv = String::from_utf8(out).unwrap();
        assert!(csv.contains(",Павлодарская область (context),KZ-55,cases=12,"), "{csv}");
        assert!(csv.contains(",Павлодарская область,KZ-55,,"), "{csv}");
    }

    #[test]
    fn a_merged_timeline_has_no_mention_rows() {
        let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев.").unwrap();
        let t = analyze(&doc).timeline;
        let err = Writer::new(Rows::Mentions).write_timeline(&mut Vec::new(), &t).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }

    #[test]
    fn an_empty_csv_has_its_header_once() {
        let (mut out, mut csv) = (Vec::new(), Writer::new(Rows::Events));
        csv.write_timeline(&mut out, &Timeline::default()).unwrap();
        csv.write_timeline(&mut out, &Timeline::default()).unwrap();
        csv.finish(&mut out).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("{}\r\n", EVENT_COLUMNS.join(",")));
    }

    #[cfg(feature = "json")]
    #[test]
    fn a_corpus_summary_counts_the_events_before_the_kind_filter() {
        let input = concat!(
            r#"{"id": "a", "date": "2020-03-20", "text": "16 марта закрыли школы. Вчера выявлено 9 случаев."}"#,
            "\n{}\n",
            r#"{"id": "b", "date": "2020-03-21", "text": "Сегодня выявлено 5 случаев."}"#,
        );
        for (rows, kinds, jobs) in
            [(Rows::Events, None, 1), (Rows::Events, Some(vec![crate::EventKind::Cases]), 2), (Rows::Mentions, None, 3)]
        {
            let settings = CorpusOptions { rows, jobs, kinds: kinds.clone(), ..CorpusOptions::default() };
            let mut out = Vec::new();
            let summary = write_corpus(input.as_bytes(), &mut out, &settings, |_| {}).unwrap();
            let expected = crate::corpus::Summary { lines: 3, failed: 1, events: Some(3) };
            assert_eq!(summary, expected, "{rows:?} {kinds:?}");
            let csv = String::from_utf8(out).unwrap();
            let rows_written = csv.lines().count() - 1;
            assert_eq!(rows_written, if kinds.is_some() { 2 } else { 3 }, "{csv}");
        }
    }
}
