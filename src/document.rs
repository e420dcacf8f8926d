//! Documents: a publication time plus text, and the `date YYYY-MM-DD` header format.

use crate::error::{line_of, shorten, Error, Result};
use crate::lang::Lang;
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// When a document was published: a date, and the time of day when the source gives it.
///
/// Reads and writes `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM[:SS[.fff]]` (a fraction of a second is
/// accepted and dropped).
///
/// ```
/// use khronika::Published;
/// let p: Published = "2020-03-20T14:30".parse().unwrap();
/// assert_eq!(p.to_string(), "2020-03-20T14:30");
/// assert!("2020-02-30".parse::<Published>().is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Published {
    date: NaiveDate,
    time: Option<NaiveTime>,
}

impl Published {
    /// A publication date with no time of day.
    pub fn date(date: NaiveDate) -> Self {
        Published { date, time: None }
    }

    /// A publication date and time.
    pub fn date_time(at: NaiveDateTime) -> Self {
        Published { date: at.date(), time: Some(at.time()) }
    }

    /// The publication day.
    pub fn day(&self) -> NaiveDate {
        self.date
    }

    /// The time of day, when known.
    pub fn time(&self) -> Option<NaiveTime> {
        self.time
    }

    /// The publication moment; midnight when the time of day is unknown.
    pub fn moment(&self) -> NaiveDateTime {
        self.date.and_time(self.time.unwrap_or(NaiveTime::MIN))
    }

    /// Parses a publication time found at byte `offset` of `source` (for error positions).
    pub(crate) fn parse_at(s: &str, source: &str, offset: usize) -> Result<Self> {
        let line = line_of(source, offset);
        let malformed = |reason| Error::MalformedDate { line, offset, found: shorten(s, 40), reason };
        let (date_part, time_part) = match s.find(['T', 't', ' ']) {
            Some(i) => (&s[..i], Some(&s[i + 1..])),
            None => (s, None),
        };
        let b = date_part.as_bytes();
        let shape_ok = b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter().enumerate().all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
        if !shape_ok {
            return Err(malformed("expected YYYY-MM-DD"));
        }
        let num = |r: std::ops::Range<usize>| date_part[r].parse::<u32>().unwrap_or(0);
        let year = num(0..4) as i32;
        let (month, day) = (num(5..7), num(8..10));
        let date = NaiveDate::from_ymd_opt(year, month, day).ok_or_else(|| Error::ImpossibleDate {
            line,
            offset,
            found: shorten(s, 40),
        })?;
        let time = match time_part {
            None => None,
            Some(t) => Some(parse_time(t).ok_or_else(|| malformed("expected a time HH:MM[:SS[.fff]] after T"))?),
        };
        Ok(Published { date, time })
    }
}

/// Reads `HH:MM`, `HH:MM:SS` or `HH:MM:SS.fff` (the fraction is dropped).
fn parse_time(t: &str) -> Option<NaiveTime> {
    let t = t.split('.').next()?;
    let mut parts = t.split(':');
    let two = |p: Option<&str>| -> Option<u32> {
        let p = p?;
        (p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit())).then(|| p.parse().ok())?
    };
    let h = two(parts.next())?;
    let m = two(parts.next())?;
    let s = match parts.next() {
        Some(p) => two(Some(p))?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    NaiveTime::from_hms_opt(h, m, s)
}

impl FromStr for Published {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Published::parse_at(s, s, 0)
    }
}

impl fmt::Display for Published {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.date.format("%Y-%m-%d"))?;
        match self.time {
            Some(t) if t.format("%S").to_string() != "00" => write!(f, "T{}", t.format("%H:%M:%S")),
            Some(t) => write!(f, "T{}", t.format("%H:%M")),
            None => Ok(()),
        }
    }
}

impl Serialize for Published {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Published {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let s = std::borrow::Cow::<str>::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

impl From<NaiveDate> for Published {
    fn from(date: NaiveDate) -> Self {
        Published::date(date)
    }
}

impl From<NaiveDateTime> for Published {
    fn from(at: NaiveDateTime) -> Self {
        Published::date_time(at)
    }
}

/// A news document: an optional id, its publication time, and its text.
///
/// The text is borrowed, never rewritten: every span khronika reports is a byte range of
/// [`Document::text`]. When the document was read from a header-format input,
/// [`Document::text_offset`] says where the text starts in that input.
///
/// ```
/// use khronika::Document;
/// let doc = Document::parse("date 2020-03-20\nВчера в городе ввели карантин.").unwrap();
/// assert_eq!(doc.published().to_string(), "2020-03-20");
/// assert_eq!(doc.text(), "Вчера в городе ввели карантин.");
/// assert_eq!(doc.text_offset(), 16);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Document<'a> {
    /// Shared, so that what keeps the id (a timeline's sources) can hold it without a copy.
    id: Option<Arc<str>>,
    published: Published,
    text: &'a str,
    offset: usize,
    /// A shared buffer that holds `text`, when the caller has one: the timeline then refers
    /// to it instead of copying the text.
    shared: Option<Arc<str>>,
    /// The language the caller gave, when it did (else the extractor chooses).
    lang: Option<Lang>,
}

impl<'a> Document<'a> {
    /// A document from a publication time and any text.
    ///
    /// ```
    /// use khronika::Document;
    /// use chrono::NaiveDate;
    /// let date = NaiveDate::from_ymd_opt(2020, 3, 20).unwrap();
    /// let doc = Document::new(date, "Сегодня выявлено 49 случаев.");
    /// assert_eq!(doc.published().day(), date);
    /// ```
    pub fn new(published: impl Into<Published>, text: &'a str) -> Self {
        Document { id: None, published: published.into(), text, offset: 0, shared: None, lang: None }
    }

    /// Sets the document's id (a file name, a URL, a corpus key).
    pub fn with_id(mut self, id: impl Into<Arc<str>>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Fixes the document's language: the extractor reads it in `lang` whatever its own
    /// setting, and chooses no language by the text.
    ///
    /// ```
    /// use khronika::{Document, Lang};
    /// let doc = Document::new(chrono::NaiveDate::default(), "Текст.").with_lang(Lang::Ru);
    /// assert_eq!(doc.lang(), Some(Lang::Ru));
    /// ```
    pub fn with_lang(mut self, lang: Lang) -> Self {
        self.lang = Some(lang);
        self
    }

    /// The language the caller fixed with [`Document::with_lang`], if any.
    pub fn lang(&self) -> Option<Lang> {
        self.lang
    }

    /// Reads the header format: optional leading whitespace (a BOM included), then
    /// `date YYYY-MM-DD` or `date YYYY-MM-DDTHH:MM[:SS]`, then the text on the same line or
    /// the next.
    ///
    /// # Errors
    /// [`Error::MissingHeader`] when the input does not start with `date`,
    /// [`Error::MalformedDate`] / [`Error::ImpossibleDate`] for a bad date, and
    /// [`Error::EmptyText`] when nothing follows the header.
    ///
    /// ```
    /// use khronika::{Document, Error};
    /// assert!(Document::parse(" date 2020-03-20 Текст новости.").is_ok());
    /// assert!(matches!(Document::parse("date 2020-02-30 Текст."), Err(Error::ImpossibleDate { .. })));
    /// ```
    pub fn parse(input: &'a str) -> Result<Self> {
        let start = input.len() - input.trim_start_matches(is_space).len();
        let rest = &input[start..];
        let keyword = rest.get(..4).filter(|k| k.eq_ignore_ascii_case("date"));
        let after_kw = &rest[keyword.map_or(0, |k| k.len())..];
        let gap = after_kw.len() - after_kw.trim_start_matches(is_space).len();
        if keyword.is_none() || gap == 0 {
            let line_end = rest.find('\n').unwrap_or(rest.len());
            return Err(Error::MissingHeader {
                line: line_of(input, start),
                offset: start,
                found: shorten(&rest[..line_end], 40),
            });
        }
        let date_at = start + 4 + gap;
        let date_text = &input[date_at..];
        let date_len = date_text.find(is_space).unwrap_or(date_text.len());
        let published = Published::parse_at(&date_text[..date_len], input, date_at)?;
        let after = &input[date_at + date_len..];
        let text_at = input.len() - after.trim_start_matches(is_space).len();
        if text_at == input.len() {
            return Err(Error::EmptyText { line: line_of(input, start) });
        }
        Ok(Document { id: None, published, text: &input[text_at..], offset: text_at, shared: None, lang: None })
    }

    /// Tells the document that its text lies in `buf` (the text was read into a shared
    /// buffer, `Document::new` or `Document::parse` given a slice of it): the analysis then
    /// refers to `buf` for its sentences' text instead of copying the text. A `buf` that does
    /// not hold the text is ignored.
    ///
    /// ```
    /// use khronika::{analyze, Document};
    /// use std::sync::Arc;
    /// let input: Arc<str> = Arc::from("date 2020-03-20 16 марта ввели карантин.");
    /// let doc = Document::parse(&input).unwrap().with_shared_text(Arc::clone(&input));
    /// let analysis = analyze(&doc);
    /// assert_eq!(analysis.timeline.events()[0].text, "16 марта ввели карантин.");
    /// assert!(Arc::strong_count(&input) > 2, "the event shares the input");
    /// ```
    pub fn with_shared_text(mut self, buf: Arc<str>) -> Self {
        if self.shared_range_in(&buf).is_some() {
            self.shared = Some(buf);
        }
        self
    }

    /// The shared buffer holding the text and the text's byte offset in it, when it has one.
    pub(crate) fn shared_text(&self) -> Option<(&Arc<str>, usize)> {
        let buf = self.shared.as_ref()?;
        Some((buf, self.shared_range_in(buf)?))
    }

    /// Where the text starts in `buf`, when `buf` holds it.
    fn shared_range_in(&self, buf: &str) -> Option<usize> {
        let (b, t) = (buf.as_ptr() as usize, self.text.as_ptr() as usize);
        let start = t.checked_sub(b)?;
        (start.checked_add(self.text.len())? <= buf.len()).then_some(start)
    }

    /// The document's id, when it has one.
    pub fn id(&self) -> Option<&str> {
        self.id.as_deref()
    }

    /// The document's id as a shared string: cloning it copies no text.
    pub fn shared_id(&self) -> Option<&Arc<str>> {
        self.id.as_ref()
    }

    /// When the document was published.
    pub fn published(&self) -> Published {
        self.published
    }

    /// The text every span refers to.
    pub fn text(&self) -> &'a str {
        self.text
    }

    /// Byte offset of [`Document::text`] in the input it was parsed from (0 for [`Document::new`]).
    pub fn text_offset(&self) -> usize {
        self.offset
    }
}

/// Whitespace, the byte-order mark and the zero-width characters a scraped file starts with.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{feff}' | '\u{200b}' | '\u{2060}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_on_the_same_line_or_the_next() {
        let a = Document::parse("date 2021-01-05 Текст.").unwrap();
        let b = Document::parse("\u{feff}  date 2021-01-05\r\nТекст.").unwrap();
        assert_eq!(a.text(), "Текст.");
        assert_eq!(b.text(), "Текст.");
        assert_eq!(a.published(), b.published());
    }

    #[test]
    fn header_with_time() {
        let d = Document::parse("date 2020-03-20T09:15:30 Текст.").unwrap();
        assert_eq!(d.published().to_string(), "2020-03-20T09:15:30");
        assert_eq!(d.published().time(), NaiveTime::from_hms_opt(9, 15, 30));
    }

    #[test]
    fn errors_say_what_and_where() {
        match Document::parse("\n\nдата 2020-03-20") {
            Err(Error::MissingHeader { line: 3, offset: 2, found }) => assert_eq!(found, "дата 2020-03-20"),
            other => panic!("{other:?}"),
        }
        match Document::parse("date 2020-3-20 x") {
            Err(Error::MalformedDate { line: 1, offset: 5, .. }) => {}
            other => panic!("{other:?}"),
        }
        assert!(matches!(Document::parse("date 2019-02-29 x"), Err(Error::ImpossibleDate { .. })));
        assert!(matches!(Document::parse("date 2020-03-20T25:00 x"), Err(Error::MalformedDate { .. })));
        assert!(matches!(Document::parse("date 2020-03-20   \n "), Err(Error::EmptyText { line: 1 })));
        assert!(matches!(Document::parse("date2020-03-20 x"), Err(Error::MissingHeader { .. })));
        assert!(matches!(Document::parse(""), Err(Error::MissingHeader { .. })));
    }

    #[test]
    fn leap_day_and_fractional_seconds() {
        assert!("2020-02-29".parse::<Published>().is_ok());
        assert!("2021-02-29".parse::<Published>().is_err());
        let p: Published = "2012-08-10T08:09:10.011".parse().unwrap();
        assert_eq!(p.to_string(), "2012-08-10T08:09:10");
    }

    #[test]
    fn text_offset_points_into_the_input() {
        let input = "  date 2020-03-20 Новость дня.";
        let d = Document::parse(input).unwrap();
        assert_eq!(&input[d.text_offset()..], d.text());
    }
}
