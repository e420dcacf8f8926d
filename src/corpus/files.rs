//! Documents that are not a JSONL corpus: texts read from files or a stream, analysed and
//! written in one format one after the other, or merged into one timeline (the example's
//! file mode).

use crate::document::Document;
use crate::event::kinds::EventKind;
use crate::export::{keep_kinds, Documents, Format, Rows};
use crate::extract::Extractor;
use crate::resolve::ResolveOptions;
use crate::timeline::Timeline;
use std::io::{self, Read, Write};
use std::path::Path;

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
    /// Keep only the events of these kinds ([`keep_kinds`]).
    pub kinds: Option<Vec<EventKind>>,
    /// Merge the documents' timelines ([`Timeline::merge`]) and write that one timeline.
    pub merge: bool,
    /// JSON: an array of records even for one document.
    pub array: bool,
}

/// Analyses `docs` and writes them to `out` as `settings` say: one after the other (as
/// [`Documents`] does), or their merged timeline (as [`write_merged`] does). Returns the
/// number of events written.
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
/// that cannot show one (see [`Format::write_timeline`]).
pub fn write_documents<'a>(
    out: &mut impl Write,
    docs: impl IntoIterator<Item = Document<'a>>,
    settings: &WriteOptions,
) -> io::Result<usize> {
    let (mut output, mut timelines, mut events) =
        (Documents::new(settings.format, settings.rows, settings.array), Vec::new(), 0);
    for doc in docs {
        let mut analysis = Extractor::new(settings.options).analyze(&doc);
        if settings.merge {
            timelines.push(analysis.timeline);
            continue;
        }
        if let Some(kinds) = &settings.kinds {
            analysis.timeline = keep_kinds(&analysis.timeline, kinds);
        }
        events += analysis.timeline.len();
        output.write(out, doc, analysis)?;
    }
    match settings.merge {
        true => events = write_merged(out, settings.format, settings.kinds.as_deref(), &Timeline::merge(timelines))?,
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
