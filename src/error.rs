//! The crate's error type.

/// Everything that can go wrong in khronika, as values a caller can match on.
///
/// Messages say what was wrong and where: the line and byte offset of the offending text,
/// and the text itself, shortened to a few dozen characters.
///
/// ```
/// use khronika::{Document, Error};
/// let err = Document::parse("дата 2020-03-20 Текст").unwrap_err();
/// assert!(matches!(err, Error::MissingHeader { .. }));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The input does not start with a `date ...` header.
    #[error("missing header: expected `date YYYY-MM-DD` at line {line}, byte {offset}, found {found:?}")]
    MissingHeader {
        /// 1-based line of the place the header was expected.
        line: usize,
        /// Byte offset of that place in the input.
        offset: usize,
        /// The text found there, shortened.
        found: String,
    },
    /// A header or date that does not have the `YYYY-MM-DD[THH:MM[:SS]]` shape.
    #[error("malformed date at line {line}, byte {offset}: {found:?} ({reason})")]
    MalformedDate {
        /// 1-based line of the date.
        line: usize,
        /// Byte offset of the date in the input.
        offset: usize,
        /// The offending text, shortened.
        found: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A date with the right shape that does not exist in the calendar (`2020-02-30`).
    #[error("impossible date at line {line}, byte {offset}: {found:?} does not exist in the calendar")]
    ImpossibleDate {
        /// 1-based line of the date.
        line: usize,
        /// Byte offset of the date in the input.
        offset: usize,
        /// The offending text, shortened.
        found: String,
    },
    /// A header with no text after it.
    #[error("empty document: the header at line {line} is followed by no text")]
    EmptyText {
        /// 1-based line of the header.
        line: usize,
    },
    /// A TIMEX3 value string that [`Value`](crate::Value) cannot read.
    #[error("invalid TIMEX3 value {found:?}: {reason}")]
    InvalidValue {
        /// The offending value, shortened.
        found: String,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A name that is not one of a closed set (a mod, a type, an event kind, ...).
    #[error("unknown {what} {found:?}; expected one of: {expected}")]
    UnknownName {
        /// What kind of name was expected ("mod", "type", ...).
        what: &'static str,
        /// The offending name, shortened.
        found: String,
        /// The accepted names.
        expected: &'static str,
    },
}

/// A `Result` whose error is khronika's [`Error`].
pub type Result<T> = std::result::Result<T, Error>;

/// Shortens `text` to at most `max` characters for an error message, marking the cut.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    let mut out = String::new();
    for (n, c) in text.chars().enumerate() {
        if n == max {
            out.push('…');
            return out;
        }
        out.push(c);
    }
    out
}

/// 1-based line number of byte `offset` in `text` (offsets past the end count to the end).
pub(crate) fn line_of(text: &str, offset: usize) -> usize {
    let end = floor_char_boundary(text, offset);
    1 + text.as_bytes()[..end].iter().filter(|&&b| b == b'\n').count()
}

/// The largest char boundary of `text` not after `i`.
pub(crate) fn floor_char_boundary(text: &str, i: usize) -> usize {
    let mut i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

impl Error {
    pub(crate) fn unknown(what: &'static str, found: &str, expected: &'static str) -> Self {
        Error::UnknownName { what, found: shorten(found, 40), expected }
    }
}
