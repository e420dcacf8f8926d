//! Corpora as JSONL: one document a line in, one record a line out, in order, on as many
//! threads as asked.
//!
//! A corpus line is a JSON object `{"id": ..., "date": "YYYY-MM-DD[THH:MM]", "text": ...}`
//! (`id` optional, any JSON value; `"prefer"` and `"lang"` optional, see [`Line`]). Its record is the [`DocumentRecord`] of the analysed
//! document, with the line's id exactly as the line wrote it (see [`Id`]); a line that
//! cannot be read gets an [`ErrorRecord`] instead: `{"line": 7, "error": "...", "id": 7}`.
//! Every line gets exactly one record, so output line `n` answers input line `n`.
//!
//! ```
//! let input = concat!(
//!     r#"{"id": 1, "date": "2020-03-20", "text": "Вчера выявлено 9 случаев."}"#, "\n",
//!     r#"{"id": 2, "date": "2020-02-30", "text": "x"}"#, "\n",
//! );
//! let mut output = Vec::new();
//! let summary = khronika::corpus::records(input.as_bytes(), &mut output, 2)?;
//! assert_eq!((summary.lines, summary.failed), (2, 1));
//! let output = String::from_utf8(output).unwrap();
//! let lines: Vec<&str> = output.lines().collect();
//! assert!(lines[0].starts_with(r#"{"id":1,"date":"2020-03-20","mentions":[{"start":0,"#));
//! assert!(lines[1].starts_with(r#"{"line":2,"error":"bad date: impossible date"#));
//! # Ok::<(), std::io::Error>(())
//! ```
//!
//! The pieces are public for other drivers: [`read_line`] reads one line into a borrowed
//! [`Line`], [`write_record`] writes one line's record, [`map_lines`] maps the lines of a
//! reader in order on worker threads, and [`map_ordered`] is the order-keeping parallel map
//! under it, for any iterator. [`Meter`] counts what a run reads, for a progress line and
//! its end summary; [`parse_kinds`] reads a list of event kinds (ids or OxCGRT codes);
//! [`read_file`] and [`write_documents`] are the same for documents given one by one.
//!
//! # Scale-out: the merge as a reduce
//!
//! [`read_merged`] reads merged timelines back (the JSON [`write_merged`] writes), so a
//! corpus merges in parts: map each part of the documents to its merged timeline ([`merge`],
//! the example's `--jsonl --merge --format json`, on any number of machines), then merge the
//! parts' timelines ([`Timeline::merge`], the example's `--merge PART.json...`). The merge is
//! associative, and what is read back is what was written, so the result is, byte for byte,
//! the merge of the whole corpus at once, provided each document is in one part and has an
//! id of its own (a line without one is known by its line number, which a part counts from
//! its own first line). `docs/scale.md` runs it on Apache Spark.

mod files;
mod kinds;
mod line;
mod meter;
mod ordered;

pub use crate::export::json::{DocumentRecord, Id, RecordView};
pub use files::{
    is_merged, read_file, read_inputs, read_merged, read_text, write_documents, write_merged, MergeInput, ReadError,
    WriteOptions,
};
pub use kinds::{kind_names, parse_kinds};
pub use line::{read_line, ErrorRecord, LangChoice, Line, LineError};
pub use meter::{Meter, Metered};
pub use ordered::{jobs, map_ordered, max_jobs};

use crate::document::Document;
use crate::export::Target;
use crate::extract::Extractor;
use crate::resolve::ResolveOptions;
use crate::timeline::{Merger, Timeline};
use line::trim_line_end;
use std::io::{self, BufRead, Write};

/// What a run writes: a merged timeline (`merge`), else a JSONL corpus line by line
/// (`jsonl`), else one document or several (`documents` given).
///
/// ```
/// use khronika::export::Target;
/// assert_eq!(khronika::corpus::target(true, false, 0), Target::Corpus);
/// assert_eq!(khronika::corpus::target(false, true, 3), Target::Merged);
/// assert_eq!(khronika::corpus::target(false, false, 2), Target::Documents);
/// assert_eq!(khronika::corpus::target(false, false, 0), Target::Document);
/// ```
pub fn target(jsonl: bool, merge: bool, documents: usize) -> Target {
    match (jsonl, merge) {
        (_, true) => Target::Merged,
        (true, false) => Target::Corpus,
        (false, false) if documents > 1 => Target::Documents,
        (false, false) => Target::Document,
    }
}

/// Writes the record of one corpus line (its bytes, line ending or not) and a newline:
/// the document's record, or the error record of line number `line_no`. Returns whether the
/// line was read (`false`: an error record was written).
///
/// ```
/// let mut out = Vec::new();
/// let line = r#"{"date": "2020-03-20", "text": "Сегодня."}"#;
/// let ok = khronika::corpus::write_record(&mut out, 1, line.as_bytes())?;
/// assert!(ok);
/// assert!(out.starts_with(br#"{"date":"2020-03-20","mentions":[{"start":0,"end":7,"#));
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn write_record(out: &mut impl Write, line_no: usize, line: &[u8]) -> io::Result<bool> {
    write_record_with(out, line_no, line, ResolveOptions::default())
}

/// [`write_record`] under `options` (resolution options, or an [`Extractor`] that also fixes
/// the language); a line's own `"prefer"` overrides `options.prefer`, its `"lang"` the
/// language.
pub fn write_record_with(
    out: &mut impl Write,
    line_no: usize,
    line: &[u8],
    options: impl Into<Extractor>,
) -> io::Result<bool> {
    let options = options.into();
    Ok(write_counted_record(out, line_no, line, options)?.is_some())
}

/// [`write_record_with`], returning the number of events of the line's document (`None`:
/// an error record was written).
fn write_counted_record(
    out: &mut impl Write,
    line_no: usize,
    line: &[u8],
    options: Extractor,
) -> io::Result<Option<usize>> {
    let events = match read_line(line) {
        Ok(Line { id, published, text, prefer, lang }) => {
            let doc = LangChoice(lang).document(Document::new(published, &text));
            let analysis = extractor(options, prefer).analyze(&doc);
            let record = RecordView::new(&doc, &analysis).with_id(id);
            serde_json::to_writer(&mut *out, &record)?;
            Some(analysis.timeline.len())
        }
        Err(e) => {
            serde_json::to_writer(&mut *out, &e.record(line_no))?;
            None
        }
    };
    out.write_all(b"\n")?;
    Ok(events)
}

/// Lines at least this long give up their buffer before they are analysed (see
/// [`write_line_record`]).
const BIG_LINE: usize = 1 << 20;

/// [`write_counted_record`] for a line in a buffer the caller reuses: a line of at least
/// [`BIG_LINE`] bytes has its text moved into the document's shared buffer (one copy, which
/// the events' excerpts share, so the event builder copies nothing) and its id copied, and
/// the line's buffer is freed before the analysis, so a long document is held once, not
/// three times (line, decoded text, shared buffer).
fn write_line_record(
    out: &mut impl Write,
    line_no: usize,
    buf: &mut Vec<u8>,
    options: Extractor,
) -> io::Result<Option<usize>> {
    if buf.len() < BIG_LINE {
        return write_counted_record(out, line_no, trim_line_end(buf), options);
    }
    let (id, published, text, prefer, lang) = match read_line(trim_line_end(buf)) {
        Ok(Line { id, published, text, prefer, lang }) => {
            let shared: std::sync::Arc<str> = std::sync::Arc::from(&*text);
            (id.map(Id::into_owned), published, shared, prefer, lang)
        }
        Err(e) => {
            serde_json::to_writer(&mut *out, &e.record(line_no))?;
            out.write_all(b"\n")?;
            return Ok(None);
        }
    };
    *buf = Vec::new();
    let doc = Document::new(published, &text).with_shared_text(std::sync::Arc::clone(&text));
    let doc = LangChoice(lang).document(doc);
    let analysis = extractor(options, prefer).analyze(&doc);
    let record = RecordView::new(&doc, &analysis).with_id(id);
    serde_json::to_writer(&mut *out, &record)?;
    out.write_all(b"\n")?;
    Ok(Some(analysis.timeline.len()))
}

/// What a corpus run did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// Lines read (each got a record).
    pub lines: usize,
    /// Lines that got an error record.
    pub failed: usize,
    /// Events found in the documents: the lengths of their timelines, counted before any
    /// merge or kind filter. `None` when the run did not count them (no run of this crate
    /// leaves them uncounted; a driver that builds a summary of its own may).
    pub events: Option<usize>,
}

impl Summary {
    /// Adds one line's outcome: `Some(events)` if it was read, `None` if it got an error
    /// record.
    pub(crate) fn add(&mut self, outcome: Option<usize>) {
        self.lines += 1;
        match outcome {
            Some(n) => *self.events.get_or_insert(0) += n,
            None => self.failed += 1,
        }
    }
}

/// Corpus mode: every line of `input` analysed on `jobs` threads (see [`map_lines`]), its
/// record written to `output` in input order.
///
/// # Errors
/// An error reading `input` or writing `output` (a closed pipe, say) ends the run; the
/// records of the lines before it are written.
pub fn records(input: impl BufRead, output: impl Write, jobs: usize) -> io::Result<Summary> {
    records_with(input, output, jobs, ResolveOptions::default())
}

/// The extractor for one line: the run's, with the line's preference if it has one (the
/// line's language is its document's, which the extractor's gives way to).
fn extractor(run: Extractor, prefer: Option<crate::resolve::Prefer>) -> Extractor {
    let options = run.options();
    let e = Extractor::new(ResolveOptions { prefer: prefer.unwrap_or(options.prefer), ..options });
    LangChoice(run.fixed_lang()).extractor(e)
}

/// [`records`] under `options`: resolution options, or an [`Extractor`] that also fixes
/// the language of every document (a line's `"prefer"` overrides `options.prefer`, its
/// `"lang"` the language).
///
/// # Errors
/// As [`records`].
pub fn records_with(
    input: impl BufRead,
    output: impl Write,
    jobs: usize,
    options: impl Into<Extractor>,
) -> io::Result<Summary> {
    let options = options.into();
    let mut out = io::BufWriter::with_capacity(1 << 16, output);
    let mut summary = Summary { events: Some(0), ..Summary::default() };
    if jobs.min(max_jobs()) <= 1 {
        // One thread: each record goes straight into the output buffer.
        let mut buf = Vec::new();
        let mut input = input;
        let mut line_no = 0;
        loop {
            buf.clear();
            if input.read_until(b'\n', &mut buf)? == 0 {
                break;
            }
            line_no += 1;
            summary.add(write_line_record(&mut out, line_no, &mut buf, options)?);
        }
    } else {
        map_lines(
            input,
            jobs,
            |line_no, line| {
                let mut record = Vec::with_capacity(line.len() * 2 + 256);
                // Writing to a Vec cannot fail.
                let events = write_counted_record(&mut record, line_no, line, options).unwrap_or(None);
                (record, events)
            },
            |(record, events)| {
                summary.add(events);
                out.write_all(&record)
            },
        )?;
    }
    out.flush()?;
    Ok(summary)
}

/// A corpus analysed into one timeline: every line of `input` analysed on `jobs` threads
/// (see [`map_lines`]) with its id as the document's, the timelines merged
/// ([`Timeline::merge`]) as they come, so that only the merged events are held. A line
/// without an id gets the id `#N`, `N` its 1-based line number (so do not give a line an id
/// of that form that another line would get), so the documents of lines without ids are
/// told apart and the merge depends on nothing but the lines. A line that cannot be read is handed to `on_error` as its
/// error record, in input order.
///
/// ```
/// let input = concat!(
///     r#"{"id": "a", "date": "2020-03-20", "text": "16 марта в Павлодаре закрыли школы."}"#, "\n",
///     r#"{"id": "b", "date": "2020-03-17", "text": "Вчера в Павлодаре закрыли школы."}"#, "\n",
///     "not json\n",
/// );
/// let mut errors = Vec::new();
/// let (timeline, summary) = khronika::corpus::merge(input.as_bytes(), 1, |e| errors.push(e.line))?;
/// assert_eq!((summary.lines, summary.failed, errors), (3, 1, vec![3]));
/// assert_eq!(summary.events, Some(2), "one event in each document before the merge");
/// assert_eq!(timeline.len(), 1);
/// assert_eq!(timeline.events()[0].sources.len(), 2);
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// An error reading `input`.
pub fn merge(input: impl BufRead, jobs: usize, on_error: impl FnMut(&ErrorRecord)) -> io::Result<(Timeline, Summary)> {
    merge_with(input, jobs, ResolveOptions::default(), on_error)
}

/// [`merge`] under `options`, as [`records_with`] takes them.
///
/// # Errors
/// As [`merge`].
pub fn merge_with(
    input: impl BufRead,
    jobs: usize,
    options: impl Into<Extractor>,
    mut on_error: impl FnMut(&ErrorRecord),
) -> io::Result<(Timeline, Summary)> {
    let options = options.into();
    let mut summary = Summary { events: Some(0), ..Summary::default() };
    let mut merger = Merger::default();
    let analyse = |line_no: usize, bytes: &[u8]| match read_line(bytes) {
        Ok(line) => Ok((line_no, extractor(options, line.prefer).analyze(&line.document_with_id()).timeline)),
        Err(e) => Err((line_no, e.into_owned())),
    };
    map_lines(input, jobs, analyse, |result| {
        match result {
            Ok((line_no, timeline)) => {
                summary.add(Some(timeline.len()));
                merger.add(timeline, line_no);
            }
            Err((line_no, e)) => {
                summary.add(None);
                on_error(&e.record(line_no));
            }
        }
        Ok(())
    })?;
    Ok((merger.finish(), summary))
}

/// Lines a batch holds at most, and bytes after which it takes no more lines.
const BATCH_LINES: usize = 256;
const BATCH_BYTES: usize = 1 << 20;

/// Maps every line of `input` through `f` (its 1-based number and its bytes without the
/// line ending) on `jobs` threads, and hands the results to `sink` in input order.
///
/// The calling thread reads the lines in batches (at most 256 lines or about 1 MB each) and
/// runs `sink`; [`map_ordered`] runs the batches on the workers, so at most `2 × jobs + 2`
/// batches are in memory at once. With `jobs` ≤ 1 it reads one line at a time into one
/// reused buffer.
///
/// # Errors
/// The first error reading `input` or from `sink`: the results of the lines read before a
/// read error are still sunk.
pub fn map_lines<R, F, S>(input: impl BufRead, jobs: usize, f: F, mut sink: S) -> io::Result<()>
where
    R: Send,
    F: Fn(usize, &[u8]) -> R + Sync,
    S: FnMut(R) -> io::Result<()>,
{
    if jobs.min(max_jobs()) <= 1 {
        return for_each_line(input, |line_no, line| sink(f(line_no, line)));
    }
    let mut batches = Batches { input, next_line: 1, error: None };
    map_ordered(
        &mut batches,
        jobs,
        |batch: Batch| batch.lines().map(|(line_no, line)| f(line_no, line)).collect::<Vec<R>>(),
        |results| results.into_iter().try_for_each(&mut sink),
    )?;
    match batches.error {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Calls `f` on every line of `input` (its 1-based number and its bytes without the line
/// ending), read into one reused buffer.
fn for_each_line(mut input: impl BufRead, mut f: impl FnMut(usize, &[u8]) -> io::Result<()>) -> io::Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        if input.read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        line_no += 1;
        f(line_no, trim_line_end(&buf))?;
    }
}

/// Lines read together: the number of the first, their bytes one after the other, and
/// where each ends.
struct Batch {
    first_line: usize,
    bytes: Vec<u8>,
    ends: Vec<usize>,
}

impl Batch {
    /// Each line's number and bytes, without its line ending.
    fn lines(&self) -> impl Iterator<Item = (usize, &[u8])> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).enumerate().map(|(k, (start, &end))| {
            (self.first_line + k, trim_line_end(self.bytes.get(start..end).unwrap_or_default()))
        })
    }
}

/// The batches of a reader's lines; a read error ends them and is kept.
struct Batches<B> {
    input: B,
    next_line: usize,
    error: Option<io::Error>,
}

impl<B: BufRead> Iterator for Batches<B> {
    type Item = Batch;

    fn next(&mut self) -> Option<Batch> {
        if self.error.is_some() {
            return None;
        }
        let mut batch = Batch { first_line: self.next_line, bytes: Vec::new(), ends: Vec::new() };
        while batch.ends.len() < BATCH_LINES && batch.bytes.len() < BATCH_BYTES {
            match self.input.read_until(b'\n', &mut batch.bytes) {
                Ok(0) => break,
                Ok(_) => batch.ends.push(batch.bytes.len()),
                Err(e) => {
                    self.error = Some(e);
                    break;
                }
            }
        }
        self.next_line += batch.ends.len();
        (!batch.ends.is_empty()).then_some(batch)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], jobs: usize) -> Vec<(usize, Vec<u8>)> {
        let mut out = Vec::new();
        map_lines(
            input,
            jobs,
            |n, line| (n, line.to_vec()),
            |r| {
                out.push(r);
                Ok(())
            },
        )
        .unwrap();
        out
    }

    #[test]
    fn lines_in_order_on_any_number_of_threads() {
        let mut input = Vec::new();
        for n in 1..=1000 {
            input.extend_from_slice(format!("line {n}{}", if n % 3 == 0 { "\r\n" } else { "\n" }).as_bytes());
        }
        input.extend_from_slice(b"\nlast");
        let one = lines(&input, 1);
        assert_eq!(one.len(), 1002);
        assert_eq!(one[0], (1, b"line 1".to_vec()));
        assert_eq!(one[2], (3, b"line 3".to_vec()));
        assert_eq!(one[1000], (1001, Vec::new()));
        assert_eq!(one[1001], (1002, b"last".to_vec()));
        for jobs in [2, 3, 7] {
            assert_eq!(lines(&input, jobs), one, "jobs {jobs}");
        }
        assert!(lines(b"", 2).is_empty());
    }

    #[test]
    fn parallel_records_are_the_sequential_ones() {
        let input = concat!(
            r#"{"id": "a", "date": "2020-03-20", "text": "16 марта ввели карантин."}"#,
            "\nnot json\n",
            r#"{"id": 12345678901234567890123, "date": "2020-03-20", "text": "Вчера."}"#,
        );
        let run = |jobs| {
            let mut out = Vec::new();
            let summary = records(input.as_bytes(), &mut out, jobs).unwrap();
            (summary, String::from_utf8(out).unwrap())
        };
        let (summary, one) = run(1);
        assert_eq!(summary, Summary { lines: 3, failed: 1, events: Some(2) });
        assert!(one.lines().nth(2).unwrap().starts_with(r#"{"id":12345678901234567890123,"#), "{one}");
        assert_eq!(run(3), (summary, one));
    }
}
