//! Documents that are not a JSONL corpus: texts read from files or a stream, analysed and
//! written in one format one after the other, or merged into one timeline (the example's
//! file mode), with merged timelines read back and merged again (a reduce).

use crate::document::{Document, Published};
use crate::event::kinds::EventKind;
use crate::export::{keep_kinds, Documents, Format, Rows};
use crate::extract::Extractor;
use crate::resolve::ResolveOptions;
use crate::timeline::{Merger, Timeline};
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;

/// Why a document's text could not be read; every message starts with the document's name.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReadError {
    /// The path names a directory.
    #[error("{name}: is a directory, not a document")]
    Directory {
        /// The path, as [`Path::display`] shows it.
        name: String,
    },
    /// Reading failed (a missing file, no permission).
    #[error("{name}: {source}")]
    Io {
        /// The document's name.
        name: String,
        /// The error.
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{name}: not valid UTF-8 at byte {at}")]
    NotUtf8 {
        /// The document's name.
        name: String,
        /// The offset of the first byte that is not.
        at: usize,
    },
    /// The file holds nothing but white space.
    #[error("{name}: the file is empty")]
    Empty {
        /// The path, as [`Path::display`] shows it.
        name: String,
    },
    /// The text is not a document: no `date` header, a bad date, no text after the header.
    #[error("{name}: {source}")]
    Document {
        /// The document's name.
        name: String,
        /// Why.
        source: crate::Error,
    },
    /// The text starts as a merged timeline (`{`) but is not one as `--merge --format json`
    /// writes it ([`read_merged`]): bad JSON, a missing or ill-typed field, a bad TIMEX3
    /// value, trailing text.
    #[error("{name}: not a merged timeline: {reason} at line {line}, column {column}")]
    Merged {
        /// The input's name.
        name: String,
        /// Where the JSON goes wrong: its 1-based line...
        line: usize,
        /// ... and 1-based column (in bytes; 0 at the very end of the text).
        column: usize,
        /// What is wrong, as the JSON reader says it.
        reason: String,
    },
}

/// Whether a text is merged timelines rather than a document: its first character that is
/// not white space is `{` (a document starts with its `date` header).
///
/// ```
/// use khronika::corpus::is_merged;
/// assert!(is_merged("\n {\"events\": []}"));
/// assert!(!is_merged("date 2020-03-20 Вчера."));
/// ```
pub fn is_merged(text: &str) -> bool {
    text.trim_start().starts_with('{')
}

/// Reads merged timelines back: the JSON of one or more [`Timeline`]s (what
/// [`write_merged`] writes in [`Format::Json`], the example's `--merge --format json`), one
/// after the other with white space between (the outputs of several runs concatenated).
/// Returns the timeline, or the merge of the timelines ([`Timeline::merge`]), that `json`
/// holds; `name` names it in an error.
///
/// What is read is what was written, to the bit (figures included), so the merge is a reduce:
/// the merge of the merged parts of a corpus is, byte for byte, the merge of the whole (each
/// document in one part, known by an id that is unique in the corpus).
///
/// ```
/// use khronika::corpus::{merge, read_merged, write_merged};
/// use khronika::export::Format;
/// let corpus = [
///     r#"{"id": "a", "date": "2020-03-20", "text": "16 марта в Павлодаре закрыли школы."}"#,
///     r#"{"id": "b", "date": "2020-03-17", "text": "Вчера в Павлодаре закрыли школы."}"#,
/// ];
/// let (whole, _) = merge(corpus.join("\n").as_bytes(), 1, |_| {})?;
/// let mut parts = Vec::new();
/// for line in corpus {
///     let (part, _) = merge(line.as_bytes(), 1, |_| {})?;
///     write_merged(&mut parts, Format::Json, None, &part)?;
/// }
/// let reduced = read_merged("parts", std::str::from_utf8(&parts).unwrap()).unwrap();
/// assert_eq!(reduced, whole);
/// assert_eq!(reduced.events()[0].sources.len(), 2);
/// let err = read_merged("x.json", "{\"events\": [{\"when\": \"2020-13\"}]}").unwrap_err();
/// assert!(err.to_string().starts_with("x.json: not a merged timeline: invalid TIMEX3 value"), "{err}");
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// [`ReadError::Merged`], with the line and column where the JSON goes wrong; a text with no
/// timeline at all is one too.
pub fn read_merged(name: &str, json: &str) -> Result<Timeline, ReadError> {
    let mut timelines = Vec::new();
    for timeline in serde_json::Deserializer::from_str(json).into_iter::<Timeline>() {
        timelines.push(timeline.map_err(|e| merged_error(name, &e))?);
    }
    match timelines.len() {
        0 => Err(ReadError::Merged {
            name: name.to_owned(),
            line: 1,
            column: 0,
            reason: "no timeline (expected {\"events\": [...], \"undated\": [...]})".into(),
        }),
        1 => Ok(timelines.pop().unwrap_or_default()),
        _ => Ok(Timeline::merge(timelines)),
    }
}

/// A JSON error reading merged timelines as a [`ReadError::Merged`]: serde_json's message
/// without the position it appends (the error's fields hold that).
fn merged_error(name: &str, e: &serde_json::Error) -> ReadError {
    let message = e.to_string();
    let at = format!(" at line {} column {}", e.line(), e.column());
    let reason = message.strip_suffix(&at).unwrap_or(&message).to_owned();
    ReadError::Merged { name: name.to_owned(), line: e.line(), column: e.column(), reason }
}

/// One input of [`write_documents`]: a document, analysed there, or a timeline merged
/// before ([`read_merged`]), merged again as it is.
#[derive(Clone, Debug)]
pub enum MergeInput<'a> {
    /// A document.
    Document(Document<'a>),
    /// A merged timeline (with `merge` only).
    Merged(Timeline),
}

impl<'a> From<Document<'a>> for MergeInput<'a> {
    fn from(doc: Document<'a>) -> Self {
        MergeInput::Document(doc)
    }
}

impl From<Timeline> for MergeInput<'_> {
    fn from(timeline: Timeline) -> Self {
        MergeInput::Merged(timeline)
    }
}

/// The named texts of a run over files (and standard input) as the inputs of
/// [`write_documents`], in order: each text a document whose id is its name (the header
/// format, or plain text published on `date` when given, sharing the text's buffer); with
/// `merge`, a text that starts with `{` ([`is_merged`]) is the merged timelines it holds
/// ([`read_merged`]), and its text is emptied, since only the timeline is kept. A text that
/// cannot be read is left out and handed to `on_error` ([`ReadError::Document`] or
/// [`ReadError::Merged`]).
///
/// ```
/// use khronika::corpus::{read_inputs, MergeInput};
/// use std::sync::Arc;
/// let mut texts: Vec<(String, Arc<str>)> = vec![
///     ("a.txt".into(), "date 2020-03-20 Вчера закрыли школы.".into()),
///     ("part.json".into(), r#"{"events": [], "undated": []}"#.into()),
///     ("b.txt".into(), "no header".into()),
/// ];
/// let mut errors = Vec::new();
/// let inputs = read_inputs(&mut texts, None, true, |e| errors.push(e.to_string()));
/// assert!(matches!(&inputs[..], [MergeInput::Document(d), MergeInput::Merged(t)] if d.id() == Some("a.txt") && t.is_empty()));
/// assert!(errors[0].starts_with("b.txt: missing header"), "{errors:?}");
/// ```
pub fn read_inputs<'a>(
    texts: &'a mut [(String, Arc<str>)],
    date: Option<Published>,
    merge: bool,
    mut on_error: impl FnMut(ReadError),
) -> Vec<MergeInput<'a>> {
    let mut inputs = Vec::with_capacity(texts.len());
    for entry in texts.iter_mut() {
        if merge && is_merged(&entry.1) {
            let merged = read_merged(&entry.0, &entry.1);
            entry.1 = Arc::from("");
            match merged {
                Ok(timeline) => inputs.push(MergeInput::Merged(timeline)),
                Err(e) => on_error(e),
            }
            continue;
        }
        let (name, text): &'a (String, Arc<str>) = entry;
        match date.map_or_else(|| Document::parse(text), |date| Ok(Document::new(date, text))) {
            Ok(d) => inputs.push(MergeInput::Document(d.with_id(name.as_str()).with_shared_text(Arc::clone(text)))),
            Err(source) => on_error(ReadError::Document { name: name.clone(), source }),
        }
    }
    inputs
}

/// All of `reader` as one document's text (UTF-8); `name` names it in an error.
///
/// ```
/// use khronika::corpus::read_text;
/// assert_eq!(read_text("stdin", "date 2020-03-20 Вчера.".as_bytes()).unwrap(), "date 2020-03-20 Вчера.");
/// let err = read_text("stdin", &b"date 2020-03-20\n\xff"[..]).unwrap_err();
/// assert_eq!(err.to_string(), "stdin: not valid UTF-8 at byte 16");
/// ```
///
/// # Errors
/// [`ReadError::Io`] or [`ReadError::NotUtf8`].
pub fn read_text(name: &str, mut reader: impl Read) -> Result<String, ReadError> {
    let mut bytes = Vec::new();
    reader.read_to_end(&mut bytes).map_err(|source| ReadError::Io { name: name.to_owned(), source })?;
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 { name: name.to_owned(), at: e.utf8_error().valid_up_to() })
}

/// The file at `path` as one document's text: UTF-8, and more than white space.
///
/// # Errors
/// [`ReadError::Directory`], [`ReadError::Io`], [`ReadError::NotUtf8`] or
/// [`ReadError::Empty`], each naming the file.
pub fn read_file(path: &Path) -> Result<String, ReadError> {
    let name = path.display().to_string();
    if path.is_dir() {
        return Err(ReadError::Directory { name });
    }
    let file = std::fs::File::open(path).map_err(|source| ReadError::Io { name: name.clone(), source })?;
    let text = read_text(&name, file)?;
    match text.trim().is_empty() {
        true => Err(ReadError::Empty { name }),
        false => Ok(text),
    }
}

/// How [`write_documents`] analyses and writes documents.
#[derive(Clone, Debug, Default)]
pub struct WriteOptions {
    /// The format written.
    pub format: Format,
    /// What a CSV has a row for.
    pub rows: Rows,
    /// How dates are resolved.
    pub options: ResolveOptions,
    /// The language of every document that does not fix its own; None: each one's by its
    /// letters.
    pub lang: Option<crate::lang::Lang>,
    /// Keep only the events of these kinds ([`keep_kinds`]).
    pub kinds: Option<Vec<EventKind>>,
    /// Merge the documents' timelines ([`Timeline::merge`]) and write that one timeline.
    pub merge: bool,
    /// JSON: an array of records even for one document.
    pub array: bool,
}

/// Analyses `docs` and writes them to `out` as `settings` say: one after the other (as
/// [`Documents`] does), or their merged timeline (as [`write_merged`] does), where merged
/// timelines ([`MergeInput::Merged`]) are merged again with the documents' (the `k`-th input,
/// 1-based, is the `k`-th timeline of [`Timeline::merge`]). Returns the number of events
/// written.
///
/// ```
/// use khronika::corpus::{write_documents, WriteOptions};
/// use khronika::export::Format;
/// use khronika::{Document, EventKind};
/// let a = Document::parse("date 2020-03-20 16 марта в Павлодаре закрыли школы.").unwrap().with_id("a");
/// let b = Document::parse("date 2020-03-17 Вчера в Павлодаре закрыли школы. Выявлено 3 случая.").unwrap().with_id("b");
/// let settings = WriteOptions { format: Format::Jsonl, merge: true, kinds: Some(vec![EventKind::SchoolClosing]), ..WriteOptions::default() };
/// let mut out = Vec::new();
/// assert_eq!(write_documents(&mut out, [a, b], &settings)?, 1);
/// let out = String::from_utf8(out).unwrap();
/// assert_eq!(out.lines().count(), 1, "one merged event, told by both: {out}");
/// # Ok::<(), std::io::Error>(())
/// ```
///
/// # Errors
/// An error of `out`; [`io::ErrorKind::InvalidInput`] for a merged timeline in a format
/// that cannot show one (see [`Format::write_timeline`]), or for a merged timeline among
/// the inputs without `merge`.
pub fn write_documents<'a, I: Into<MergeInput<'a>>>(
    out: &mut impl Write,
    docs: impl IntoIterator<Item = I>,
    settings: &WriteOptions,
) -> io::Result<usize> {
    let (mut output, mut merger, mut events) =
        (Documents::new(settings.format, settings.rows, settings.array), Merger::default(), 0);
    for (k, input) in docs.into_iter().enumerate() {
        let doc = match input.into() {
            MergeInput::Document(doc) => doc,
            MergeInput::Merged(timeline) if settings.merge => {
                merger.add(timeline, k + 1);
                continue;
            }
            MergeInput::Merged(_) => {
                let message = "a merged timeline is only read to be merged again (with `merge`)";
                return Err(io::Error::new(io::ErrorKind::InvalidInput, message));
            }
        };
        let extractor = super::LangChoice(settings.lang).extractor(Extractor::new(settings.options));
        let mut analysis = extractor.analyze(&doc);
        if settings.merge {
            merger.add(analysis.timeline, k + 1);
            continue;
        }
        if let Some(kinds) = &settings.kinds {
            analysis.timeline = keep_kinds(&analysis.timeline, kinds);
        }
        events += analysis.timeline.len();
        output.write(out, doc, analysis)?;
    }
    match settings.merge {
        true => events = write_merged(out, settings.format, settings.kinds.as_deref(), &merger.finish())?,
        false => output.finish(out)?,
    }
    out.flush()?;
    Ok(events)
}

/// Writes a merged corpus timeline titled `Corpus timeline` in `format`, keeping only the
/// events of `kinds` if given. Returns the number of events written.
///
/// # Errors
/// As [`Format::write_timeline`].
pub fn write_merged(
    out: &mut impl Write,
    format: Format,
    kinds: Option<&[EventKind]>,
    merged: &Timeline,
) -> io::Result<usize> {
    let kept;
    let timeline = match kinds {
        Some(kinds) => {
            kept = keep_kinds(merged, kinds);
            &kept
        }
        None => merged,
    };
    format.write_timeline(out, "Corpus timeline", timeline)?;
    out.flush()?;
    Ok(timeline.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_that_are_not_documents() {
        let dir = std::env::temp_dir().join(format!("khronika-files-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let blank = dir.join("blank.txt");
        std::fs::write(&blank, " \n\t").unwrap();
        let latin1 = dir.join("latin1.txt");
        std::fs::write(&latin1, b"date 2020-03-20\n16 \xec\xe0").unwrap();
        let good = dir.join("good.txt");
        std::fs::write(&good, "date 2020-03-20\nВчера ввели карантин.").unwrap();
        let message = |p: &Path| read_file(p).unwrap_err().to_string();
        assert_eq!(message(&dir), format!("{}: is a directory, not a document", dir.display()));
        assert_eq!(message(&blank), format!("{}: the file is empty", blank.display()));
        assert_eq!(message(&latin1), format!("{}: not valid UTF-8 at byte 19", latin1.display()));
        assert!(matches!(read_file(&dir.join("missing.txt")), Err(ReadError::Io { .. })));
        assert_eq!(read_file(&good).unwrap(), "date 2020-03-20\nВчера ввели карантин.");
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn documents_one_after_the_other_with_the_kind_filter() {
        let a = Document::parse("date 2020-03-20 16 марта закрыли школы. Вчера выявлено 9 случаев.").unwrap();
        let settings =
            WriteOptions { format: Format::Text, kinds: Some(vec![EventKind::Cases]), ..WriteOptions::default() };
        let mut out = Vec::new();
        assert_eq!(write_documents(&mut out, [a.clone()], &settings).unwrap(), 1);
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains("2020-03-19") && !text.contains("2020-03-16"), "{text}");
        let settings = WriteOptions { format: Format::Timeml, merge: true, ..WriteOptions::default() };
        let err = write_documents(&mut Vec::new(), [a], &settings).unwrap_err();
        assert_eq!(err.kind(), io::ErrorKind::InvalidInput);
    }
}
