//! One corpus line read: `{"id": ..., "date": ..., "text": ...}` into borrowed parts, or
//! the error that says why it cannot be read.

use crate::document::{Document, Published};
use crate::error::Error;
use crate::export::json::Id;
use crate::extract::Extractor;
use crate::lang::Lang;
use crate::resolve::Prefer;
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::fmt;
use std::str::FromStr;

/// A corpus line read: its id (when it gives one), publication time, text, preference and
/// language.
///
/// The text is borrowed from the line when its JSON string has no escapes, and the id is
/// the line's own JSON text (see [`Id`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Line<'a> {
    /// The line's `id`, when it has one that is not `null`.
    pub id: Option<Id<'a>>,
    /// The line's `date`, read.
    pub published: Published,
    /// The line's `text`.
    pub text: Cow<'a, str>,
    /// The line's `prefer` (`"past"`, `"future"` or `"nearest"`), which overrides the run's
    /// [`Prefer`] for this document; None when the line has none.
    pub prefer: Option<Prefer>,
    /// The line's `lang` (`"ru"`, `"kk"`; `"auto"` reads as none), which fixes the language
    /// of this document whatever the run's; None when the line has none.
    pub lang: Option<Lang>,
}

impl Line<'_> {
    /// The line's document, without its id (a corpus record writes the id from the line, so
    /// the analysis need not carry it, nor copy it into every event), in the line's language
    /// when it gives one.
    pub fn document(&self) -> Document<'_> {
        LangChoice(self.lang).document(Document::new(self.published, &self.text))
    }

    /// The line's document with its id as text (a string id's text, another value's JSON
    /// text), for a corpus timeline that names the documents of its events.
    pub fn document_with_id(&self) -> Document<'_> {
        match &self.id {
            Some(id) => self.document().with_id(id.as_text()),
            None => self.document(),
        }
    }
}

/// Why a corpus line could not be read, with the line's id when it gives one.
#[derive(Clone, Debug, PartialEq)]
pub struct LineError<'a> {
    /// The line's `id`, when the line is a JSON object that has one (a line that is not
    /// UTF-8 is read leniently for it).
    pub id: Option<Id<'a>>,
    /// What is wrong: `bad JSON: ...`, `expected a JSON object`, `missing field "date" (a
    /// string YYYY-MM-DD)`, `missing field "text" (a string)`, `bad date: ...`, `bad prefer:
    /// ...`, `bad lang: ...`, `not valid UTF-8 at byte N`.
    pub message: String,
}

impl LineError<'_> {
    /// The same error, owning its id.
    pub fn into_owned(self) -> LineError<'static> {
        LineError { id: self.id.map(Id::into_owned), message: self.message }
    }

    /// The error record of line `line` (1-based).
    pub fn record(&self, line: usize) -> ErrorRecord<'_> {
        ErrorRecord { line, error: &self.message, id: self.id.as_ref() }
    }
}

impl fmt::Display for LineError<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// The record written for a line that could not be read:
/// `{"line": 7, "error": "bad date: ...", "id": 7}` (`id` only when the line gives one).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ErrorRecord<'a> {
    /// The line's number, from 1.
    pub line: usize,
    /// What is wrong with it.
    pub error: &'a str,
    /// Its id, when it gives one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a Id<'a>>,
}

/// Reads one corpus line (its bytes, with or without the line ending `\n` or `\r\n`).
///
/// ```
/// use khronika::corpus::read_line;
/// let line = r#"{"id": 12345678901234567890123, "date": "2020-03-20", "text": "Вчера."}"#;
/// let line = read_line(line.as_bytes()).unwrap();
/// assert_eq!(line.id.unwrap().as_text(), "12345678901234567890123");
/// assert_eq!(line.text, "Вчера.");
/// let err = read_line(br#"{"id": "n2", "date": "2020-13-01", "text": "x"}"#).unwrap_err();
/// assert!(err.message.starts_with("bad date: "));
/// assert_eq!(err.id.unwrap().as_text(), "n2");
/// ```
pub fn read_line(bytes: &[u8]) -> Result<Line<'_>, LineError<'_>> {
    let bytes = trim_line_end(bytes);
    match std::str::from_utf8(bytes) {
        Ok(line) => read_str(line),
        Err(e) => {
            // The id, when the line read leniently is a JSON object that gives one.
            let lenient = String::from_utf8_lossy(bytes);
            let id = match parse(&lenient) {
                Ok(Parsed::Object(fields)) => fields.id.and_then(Id::from_raw).map(Id::into_owned),
                _ => None,
            };
            Err(LineError { id, message: format!("not valid UTF-8 at byte {}", e.valid_up_to()) })
        }
    }
}

/// The line without its line ending: a final `\n`, and any `\r` before it.
pub(crate) fn trim_line_end(bytes: &[u8]) -> &[u8] {
    let mut end = bytes.len();
    if end > 0 && bytes[end - 1] == b'\n' {
        end -= 1;
    }
    while end > 0 && bytes[end - 1] == b'\r' {
        end -= 1;
    }
    &bytes[..end]
}

/// Reads one corpus line of UTF-8 text.
fn read_str(line: &str) -> Result<Line<'_>, LineError<'_>> {
    let fields = match parse(line) {
        Ok(Parsed::Object(fields)) => fields,
        Ok(Parsed::Other) => return Err(LineError { id: None, message: "expected a JSON object".into() }),
        Err(e) => return Err(LineError { id: None, message: format!("bad JSON: {e}") }),
    };
    let id = fields.id.and_then(Id::from_raw);
    let fail = |id, message: String| Err(LineError { id, message });
    let Some(date) = fields.date else {
        return fail(id, "missing field \"date\" (a string YYYY-MM-DD)".into());
    };
    let Some(text) = fields.text else {
        return fail(id, "missing field \"text\" (a string)".into());
    };
    let prefer = match fields.prefer {
        None => None,
        Some(p) => match p.as_deref().map(str::parse::<Prefer>) {
            Some(Ok(p)) => Some(p),
            Some(Err(e)) => return fail(id, format!("bad prefer: {e}")),
            None => return fail(id, "bad prefer: expected a string \"past\", \"future\" or \"nearest\"".into()),
        },
    };
    let lang = match fields.lang {
        None => None,
        Some(l) => match l.as_deref().map(str::parse::<LangChoice>) {
            Some(Ok(LangChoice(l))) => l,
            Some(Err(e)) => return fail(id, format!("bad lang: {e}")),
            None => return fail(id, format!("bad lang: expected a string, one of: {}", LangChoice::NAMES)),
        },
    };
    match date.parse::<Published>() {
        Ok(published) => Ok(Line { id, published, text, prefer, lang }),
        Err(e) => fail(id, format!("bad date: {e}")),
    }
}

/// A line as JSON: an object's fields, or any other value.
enum Parsed<'a> {
    Object(Fields<'a>),
    Other,
}

/// The fields a corpus line is read for; a field of another type than a string reads as
/// missing, other keys are skipped, and a repeated key keeps its last value.
#[derive(Default)]
struct Fields<'a> {
    id: Option<&'a RawValue>,
    date: Option<Cow<'a, str>>,
    text: Option<Cow<'a, str>>,
    /// `prefer`: None when absent, `Some(None)` when it is not a string.
    prefer: Option<Option<Cow<'a, str>>>,
    /// `lang`, the same way.
    lang: Option<Option<Cow<'a, str>>>,
}

/// Parses a whole line as one JSON value (trailing characters are an error).
fn parse(line: &str) -> serde_json::Result<Parsed<'_>> {
    let mut de = serde_json::Deserializer::from_str(line);
    let parsed = Parsed::deserialize(&mut de)?;
    de.end()?;
    Ok(parsed)
}

impl<'de> Deserialize<'de> for Parsed<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(ParsedVisitor)
    }
}

/// Reads a line's value: an object into [`Fields`], anything else skipped.
struct ParsedVisitor;

impl<'de> Visitor<'de> for ParsedVisitor {
    type Value = Parsed<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut fields = Fields::default();
        while let Some(key) = map.next_key::<Key>()? {
            match key {
                Key::Id => fields.id = Some(map.next_value()?),
                Key::Date => fields.date = map.next_value::<MaybeStr>()?.0,
                Key::Text => fields.text = map.next_value::<MaybeStr>()?.0,
                Key::Prefer => fields.prefer = Some(map.next_value::<MaybeStr>()?.0),
                Key::Lang => fields.lang = Some(map.next_value::<MaybeStr>()?.0),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(Parsed::Object(fields))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Parsed::Other)
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Parsed::Other)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Parsed::Other)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Parsed::Other)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Parsed::Other)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Parsed::Other)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Parsed::Other)
    }
}

/// A key of a line's object.
enum Key {
    Id,
    Date,
    Text,
    Prefer,
    Lang,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_identifier(KeyVisitor)
    }
}

/// Names a key, escapes read (`"d\u0061te"` is `date`).
struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = Key;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a key")
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match key {
            "id" => Key::Id,
            "date" => Key::Date,
            "text" => Key::Text,
            "prefer" => Key::Prefer,
            "lang" => Key::Lang,
            _ => Key::Other,
        })
    }
}

/// The language a run or a corpus line asks for, as the command line's `--lang` and a
/// line's `"lang"` name it: a language code (`ru`, `kk`), or `auto` (None: each document in
/// the language its letters tell, the default).
///
/// ```
/// use khronika::corpus::LangChoice;
/// use khronika::{Document, Extractor, Lang};
/// let ru: LangChoice = "ru".parse().unwrap();
/// assert_eq!(ru, LangChoice(Some(Lang::Ru)));
/// assert_eq!("auto".parse::<LangChoice>().unwrap(), LangChoice(None));
/// assert!("en".parse::<LangChoice>().is_err());
/// let doc = ru.document(Document::new(chrono::NaiveDate::default(), "Вчера."));
/// assert_eq!(doc.lang(), Some(Lang::Ru));
/// assert_eq!(LangChoice(None).extractor(Extractor::default()).fixed_lang(), None);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct LangChoice(pub Option<Lang>);

impl LangChoice {
    /// The names it takes, for messages.
    pub const NAMES: &'static str = if cfg!(feature = "kk") { "ru, kk, auto" } else { "ru, auto" };

    /// `doc` in the chosen language (as it is for `auto`).
    pub fn document(self, doc: Document<'_>) -> Document<'_> {
        match self.0 {
            Some(lang) => doc.with_lang(lang),
            None => doc,
        }
    }

    /// `extractor` reading every document in the chosen language, or choosing each one's by
    /// its letters for `auto`.
    pub fn extractor(self, extractor: Extractor) -> Extractor {
        match self.0 {
            Some(lang) => extractor.with_lang(lang),
            None => extractor.auto_lang(),
        }
    }
}

impl FromStr for LangChoice {
    type Err = Error;

    /// Reads `ru`, `kk` or `auto`; anything else is [`Error::UnknownName`].
    fn from_str(s: &str) -> Result<Self, Error> {
        match s {
            "auto" => Ok(LangChoice(None)),
            _ => s.parse::<Lang>().map(|l| LangChoice(Some(l))).map_err(|_| Error::unknown("language", s, Self::NAMES)),
        }
    }
}

/// A string, borrowed when it has no escapes; any other value reads as `None`.
struct MaybeStr<'a>(Option<Cow<'a, str>>);

impl<'de> Deserialize<'de> for MaybeStr<'de> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(MaybeStrVisitor)
    }
}

/// Reads a [`MaybeStr`].
struct MaybeStrVisitor;

impl<'de> Visitor<'de> for MaybeStrVisitor {
    type Value = MaybeStr<'de>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_borrowed_str<E: de::Error>(self, s: &'de str) -> Result<Self::Value, E> {
        Ok(MaybeStr(Some(Cow::Borrowed(s))))
    }
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Self::Value, E> {
        Ok(MaybeStr(Some(Cow::Owned(s.to_string()))))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Self::Value, E> {
        Ok(MaybeStr(Some(Cow::Owned(s))))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(MaybeStr(None))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(MaybeStr(None))
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(MaybeStr(None))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(MaybeStr(None))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(MaybeStr(None))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(MaybeStr(None))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(MaybeStr(None))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn error(line: &[u8]) -> String {
        let e = read_line(line).unwrap_err();
        serde_json::to_string(&e.record(3)).unwrap()
    }

    #[test]
    fn lines_read_borrowed() {
        let line = read_line(
            b"{\"id\": \"a\", \"x\": [1, {\"y\": 2}], \"date\": \"2020-03-20\", \"text\": \"\\u0412\xd1\x87\"}\r\n",
        )
        .unwrap();
        assert_eq!(line.id, Some(Id::from("a")));
        assert_eq!(line.text, "Вч");
        let line = read_line(br#"{"date": "2020-03-20", "text": "plain", "id": null}"#).unwrap();
        assert!(matches!(line.text, Cow::Borrowed("plain")));
        assert_eq!(line.id, None);
        let line = read_line(br#"{"d\u0061te": "2020-03-20", "text": "a", "text": "b"}"#).unwrap();
        assert_eq!(line.text, "b", "the last of a repeated key");
    }

    #[test]
    fn error_records() {
        assert_eq!(
            error(br#"{"id": 7, "date": "2020-13-01", "text": "x"}"#),
            r#"{"line":3,"error":"bad date: impossible date at line 1, byte 0: \"2020-13-01\" does not exist in the calendar","id":7}"#
        );
        assert_eq!(error(b"not json"), r#"{"line":3,"error":"bad JSON: expected ident at line 1 column 2"}"#);
        assert_eq!(error(b""), r#"{"line":3,"error":"bad JSON: EOF while parsing a value at line 1 column 0"}"#);
        assert_eq!(error(b"[1, 2]"), r#"{"line":3,"error":"expected a JSON object"}"#);
        assert_eq!(
            error(br#"{"a": 1} x"#),
            r#"{"line":3,"error":"bad JSON: trailing characters at line 1 column 10"}"#
        );
        assert_eq!(
            error(br#"{"id": [1, 2], "date": 20200320, "text": "x"}"#),
            r#"{"line":3,"error":"missing field \"date\" (a string YYYY-MM-DD)","id":[1,2]}"#
        );
        assert_eq!(
            error(br#"{"id": "t", "date": "2020-03-20", "text": {"a": 1}}"#),
            r#"{"line":3,"error":"missing field \"text\" (a string)","id":"t"}"#
        );
        assert_eq!(
            error(b"{\"id\": 99999999999999999999, \"date\": \"2020-03-20\", \"text\": \"\xff\"}"),
            r#"{"line":3,"error":"not valid UTF-8 at byte 60","id":99999999999999999999}"#
        );
        assert_eq!(error(b"\xff"), r#"{"line":3,"error":"not valid UTF-8 at byte 0"}"#);
    }

    #[test]
    fn a_line_may_carry_a_preference() {
        let line = read_line(br#"{"date": "2020-03-20", "text": "x", "prefer": "future"}"#).unwrap();
        assert_eq!(line.prefer, Some(Prefer::Future));
        assert_eq!(read_line(br#"{"date": "2020-03-20", "text": "x"}"#).unwrap().prefer, None);
        assert_eq!(
            error(br#"{"id": 1, "date": "2020-03-20", "text": "x", "prefer": "later"}"#),
            r#"{"line":3,"error":"bad prefer: unknown preference \"later\"; expected one of: nearest past future","id":1}"#
        );
        assert_eq!(
            error(br#"{"date": "2020-03-20", "text": "x", "prefer": 1}"#),
            r#"{"line":3,"error":"bad prefer: expected a string \"past\", \"future\" or \"nearest\""}"#
        );
    }

    #[test]
    fn a_line_may_fix_its_language() {
        let line = read_line(br#"{"date": "2020-03-20", "text": "x", "lang": "ru"}"#).unwrap();
        assert_eq!(line.lang, Some(Lang::Ru));
        assert_eq!(line.document().lang(), Some(Lang::Ru));
        let line = read_line(br#"{"date": "2020-03-20", "text": "x", "lang": "auto"}"#).unwrap();
        assert_eq!((line.lang, line.document().lang()), (None, None));
        assert_eq!(read_line(br#"{"date": "2020-03-20", "text": "x"}"#).unwrap().lang, None);
        let expected = LangChoice::NAMES;
        assert_eq!(
            error(br#"{"id": 1, "date": "2020-03-20", "text": "x", "lang": "en"}"#),
            format!(r#"{{"line":3,"error":"bad lang: unknown language \"en\"; expected one of: {expected}","id":1}}"#)
        );
        assert_eq!(
            error(br#"{"date": "2020-03-20", "text": "x", "lang": ["kk"]}"#),
            format!(r#"{{"line":3,"error":"bad lang: expected a string, one of: {expected}"}}"#)
        );
    }

    #[test]
    fn line_ends() {
        assert_eq!(trim_line_end(b"a\r\n"), b"a");
        assert_eq!(trim_line_end(b"a\n"), b"a");
        assert_eq!(trim_line_end(b"a"), b"a");
        assert_eq!(trim_line_end(b"\n"), b"");
        assert_eq!(trim_line_end(b"a\n\n"), b"a\n");
    }
}
