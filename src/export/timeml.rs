//! TimeML: the document text with its temporal expressions tagged inline, in the layout of
//! the TempEval-3 corpora (TimeML 1.2.1).
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <TimeML>
//! <DOCID>a1</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-20" temporalFunction="false" functionInDocument="CREATION_TIME">2020-03-20</TIMEX3></DCT>
//! <TEXT>Карантин ввели <TIMEX3 tid="t1" type="DATE" value="2020-03-16" temporalFunction="true" anchorTimeID="t0">16 марта</TIMEX3>, школы закрыты <TIMEX3 tid="t3" type="DATE" value="2020-03-16" temporalFunction="true" anchorTimeID="t0"/><TIMEX3 tid="t4" type="DATE" value="2020-03-22" temporalFunction="true" anchorTimeID="t0"/><TIMEX3 tid="t2" type="DURATION" value="P7D" beginPoint="t3" endPoint="t4" temporalFunction="false">с 16 по 22 марта</TIMEX3>, рынки работают <TIMEX3 tid="t5" type="SET" value="XXXX-WXX-5" quant="EVERY" freq="1X" temporalFunction="false">по пятницам</TIMEX3>.</TEXT>
//! </TimeML>
//! ```
//!
//! There is no `<!DOCTYPE>`: TimeML tools read the elements, and no DTD ships with khronika.
//!
//! - `t0` is the publication time (the document creation time, `DCT`): `type="DATE"` with a
//!   date value, `type="TIME"` with `2020-03-20T14:30` when the publication has a time of day;
//!   `temporalFunction="false"`, `functionInDocument="CREATION_TIME"`.
//! - Mention `i` of [`Analysis::mentions`] is `t{i+1}`, so the tids of the tags that hold
//!   text run `t1`, `t2`, … in text order and match the mention indices of the JSON record
//!   (`mentions: [0]` is `t1`). The endpoints of ranges (below) are numbered after the last
//!   mention: `t{M+1}`, `t{M+2}`, … for `M` mentions, in text order.
//! - `type`, `value` and `mod` are the mention's [`TimexType`],
//!   [`Value`] and [`Mod`](crate::Mod).
//! - A range ([`Value::Interval`], `с 16 по 22 марта`) is written as TimeML writes an
//!   anchored duration: two empty (non-consuming) `TIMEX3` tags for its ends (`DATE`, or
//!   `TIME` for a clock time or a part of a day), just before the tag around the text, which
//!   is a `DURATION` naming them in `beginPoint` and `endPoint`, with the mention's `mod`.
//!   Its value is the length: the days counted inclusively for two days (`P7D`), the months
//!   for two months (`P3M` for April to June), the weeks for two ISO weeks, the years for two
//!   years, the hours or minutes between two clock times (`PT9H`, `PT8H` over midnight);
//!   for ends of other or mixed grains, an unspecified number of the finer grain (`PXD`).
//!   An open bound (`до 5 апреля`, `с 1 апреля`) is one date with its `mod`.
//! - A repeated time ([`TimexType::Set`]: `ежедневно` `P1D`, `по
//!   пятницам` `XXXX-WXX-5`) has `quant="EVERY"` and `freq="1X"` (once each time).
//! - `temporalFunction="true"` marks a value computed from an anchor (its [`Anchor`] is not
//!   [`Anchor::Absolute`]): `anchorTimeID="t0"` for one anchored on the publication
//!   ([`Anchor::Publication`]: `вчера`, `16 марта` with the year taken from the publication).
//!   A range's ends carry its anchoring; the `DURATION` between them, an amount of time
//!   computed from them, has `temporalFunction="false"`, as have amounts (`на 14 дней`) and
//!   repeated times, whose values no anchor changes, and fully written dates.
//! - A mention anchored on an earlier date of the text ([`Anchor::Previous`]) names, in
//!   `anchorTimeID`, the mention the resolver took that date from. Only a day, a part of a
//!   day or a clock time on a day serves (a month or a range does not): a year-less date
//!   (`19 марта 2021 года выявлено 5 случаев, 20 марта — 7`) takes its year from the latest
//!   fully written day before it in its sentence, and that is its anchor; a clock time with
//!   no day of its own (`в 18:00`) takes the latest day before it in its sentence, and
//!   anything counted from the previous date (`на следующий день`) the latest day mentioned
//!   before it in the text. When the mention is a clock time on the day of the latest
//!   mention before it in its sentence, that mention is the anchor; otherwise the latest
//!   fully written day of its sentence, when there is one; otherwise the latest day
//!   mentioned before it; `t0` when there is none (or when that mention could not be
//!   tagged).
//! - `<DOCID>` is written when the document has an id.
//! - Events are not tagged: khronika's events are happenings with their evidence sentences
//!   (see `docs/events.md`), not TimeML `EVENT` words.
//!
//! The text between `<TEXT>` and `</TEXT>` is [`Document::text`] exactly, once the tags are
//! taken out and the escapes read back: `&`, `<` and `>` are escaped, and a carriage return
//! is written `&#13;` so that an XML parser's line-end normalization does not drop it. The
//! control characters XML 1.0 cannot carry at all (U+0000–U+0008, U+000B, U+000C,
//! U+000E–U+001F, U+FFFE, U+FFFF) are written as U+FFFD; they are the only change to the text.

use super::escape::{xml_attr as escape_attr, xml_text as escape_text};
use crate::document::{Document, Published};
use crate::extract::Analysis;
use crate::mention::{Anchor, Mention, TimexType};
use crate::value::Value;
use std::fmt::Write;

/// The document as TimeML: an XML declaration, the `DCT` (`t0`, the publication time) and the
/// text with each mention tagged inline as a `TIMEX3` (a range as its two ends and the
/// `DURATION` between them); see the [module docs](self).
///
/// A mention whose span does not fit the text (not on character boundaries, out of range, or
/// overlapping the mention before it) is left untagged; an analysis of `doc` itself has none.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::timeml::timeml;
/// let doc = Document::parse("date 2020-03-20 Школы закрыли 16 марта, карантин & ограничения продлятся до 5 апреля.").unwrap();
/// let xml = timeml(&doc, &analyze(&doc));
/// assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n"));
/// assert!(!xml.contains("DOCTYPE"));
/// assert!(xml.contains(r#"<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-20" temporalFunction="false" functionInDocument="CREATION_TIME">2020-03-20</TIMEX3></DCT>"#));
/// assert!(xml.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2020-03-16" temporalFunction="true" anchorTimeID="t0">16 марта</TIMEX3>, карантин &amp; "#));
/// assert!(xml.contains(r#"<TIMEX3 tid="t2" type="DATE" value="2020-04-05" mod="BEFORE" temporalFunction="true" anchorTimeID="t0">до 5 апреля</TIMEX3>"#));
///
/// // A range: its two ends, then the duration between them around the text.
/// let doc = Document::parse("date 2020-03-20 Карантин с 16 по 22 марта.").unwrap();
/// let xml = timeml(&doc, &analyze(&doc));
/// assert!(xml.contains(concat!(
///     r#"<TIMEX3 tid="t2" type="DATE" value="2020-03-16" temporalFunction="true" anchorTimeID="t0"/>"#,
///     r#"<TIMEX3 tid="t3" type="DATE" value="2020-03-22" temporalFunction="true" anchorTimeID="t0"/>"#,
///     r#"<TIMEX3 tid="t1" type="DURATION" value="P7D" beginPoint="t2" endPoint="t3" temporalFunction="false">с 16 по 22 марта</TIMEX3>"#,
/// )), "{xml}");
/// ```
pub fn timeml(doc: &Document, analysis: &Analysis) -> String {
    let text = doc.text();
    let mentions = &analysis.mentions;
    let mut out = String::with_capacity(text.len() * 2 + 256 + mentions.len() * 160);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<TimeML>\n");
    if let Some(id) = analysis.id.as_deref().or(doc.id()) {
        out.push_str("<DOCID>");
        escape_text(&mut out, id);
        out.push_str("</DOCID>\n");
    }
    dct(&mut out, analysis.published);
    out.push_str("<TEXT>");
    let written = fitting(text, mentions);
    let anchors = previous_anchors(mentions);
    // The endpoints of ranges are numbered after the last mention.
    let mut next_tid = mentions.len() + 1;
    let mut cursor = 0;
    for (i, m) in mentions.iter().enumerate() {
        if !written[i] {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(cursor..m.span().start), text.get(m.span())) else {
            continue;
        };
        escape_text(&mut out, before);
        let relative = is_relative(m);
        let anchor = match (relative, m.anchor) {
            (false, _) | (true, Anchor::Absolute) => None,
            (true, Anchor::Previous) => Some(match anchors[i] {
                Some(j) if written.get(j) == Some(&true) => j + 1,
                _ => 0,
            }),
            (true, Anchor::Publication) => Some(0),
        };
        let timing = Timing { relative, anchor };
        let tid = i + 1;
        match range(&m.value) {
            Some((a, b, length)) => {
                let (begin, end) = (next_tid, next_tid + 1);
                next_tid += 2;
                for (point, kind) in [(begin, a), (end, b)] {
                    open(&mut out, point, kind.0, kind.1, timing);
                    out.push_str("/>");
                }
                let _ = write!(out, "<TIMEX3 tid=\"t{tid}\" type=\"DURATION\" value=\"{length}\"");
                if let Some(modifier) = m.modifier {
                    let _ = write!(out, " mod=\"{}\"", modifier.as_str());
                }
                let _ = write!(out, " beginPoint=\"t{begin}\" endPoint=\"t{end}\" temporalFunction=\"false\">");
            }
            None => {
                let _ = write!(out, "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"", m.kind.as_str());
                escape_attr(&mut out, &m.value.to_string());
                out.push('"');
                if let Some(modifier) = m.modifier {
                    let _ = write!(out, " mod=\"{}\"", modifier.as_str());
                }
                if m.kind == TimexType::Set {
                    out.push_str(" quant=\"EVERY\" freq=\"1X\"");
                }
                timing.write(&mut out);
                out.push('>');
            }
        }
        escape_text(&mut out, inside);
        out.push_str("</TIMEX3>");
        cursor = m.span().end;
    }
    escape_text(&mut out, text.get(cursor..).unwrap_or(""));
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// `<DCT>`: the publication time as `t0`.
fn dct(out: &mut String, published: Published) {
    let value = published.to_string();
    let kind = if published.time().is_some() { "TIME" } else { "DATE" };
    let _ = writeln!(
        out,
        "<DCT><TIMEX3 tid=\"t0\" type=\"{kind}\" value=\"{value}\" temporalFunction=\"false\" \
         functionInDocument=\"CREATION_TIME\">{value}</TIMEX3></DCT>"
    );
}

/// `temporalFunction` and `anchorTimeID` of a tag: the tid number it is anchored on.
#[derive(Clone, Copy)]
struct Timing {
    relative: bool,
    anchor: Option<usize>,
}

impl Timing {
    fn write(self, out: &mut String) {
        let _ = write!(out, " temporalFunction=\"{}\"", self.relative);
        if let Some(tid) = self.anchor {
            let _ = write!(out, " anchorTimeID=\"t{tid}\"");
        }
    }
}

/// The start of a tag for the end of a range (closed by the caller).
fn open(out: &mut String, tid: usize, kind: &str, value: &Value, timing: Timing) {
    let _ = write!(out, "<TIMEX3 tid=\"t{tid}\" type=\"{kind}\" value=\"");
    escape_attr(out, &value.to_string());
    out.push('"');
    timing.write(out);
}

/// Which mentions are tagged: spans on character boundaries of the text, non-empty, in
/// order and not overlapping the one tagged before.
fn fitting(text: &str, mentions: &[Mention]) -> Vec<bool> {
    let mut cursor = 0;
    mentions
        .iter()
        .map(|m| {
            let fits = m.span().start >= cursor
                && m.span().start < m.span().end
                && text.get(cursor..m.span().start).is_some()
                && text.get(m.span()).is_some();
            if fits {
                cursor = m.span().end;
            }
            fits
        })
        .collect()
}

/// Is the mention's value computed from an anchor? Amounts of time and repeated times are
/// not, whatever the anchor says: no publication time changes `P14D` or `XXXX-WXX-5`.
fn is_relative(m: &Mention) -> bool {
    m.anchor != Anchor::Absolute
        && !matches!(m.kind, TimexType::Duration | TimexType::Set)
        && !matches!(
            m.value,
            Value::Duration(_) | Value::VagueDuration(_) | Value::EveryWeekday(_) | Value::EveryWeekend
        )
}

/// For each mention anchored on an earlier date of the text ([`Anchor::Previous`]), the index
/// of the mention that date came from, as the resolver chose it (see the module docs); None
/// for the others and when no earlier mention is on one day.
fn previous_anchors(mentions: &[Mention]) -> Vec<Option<usize>> {
    // The latest mention on one day, and the latest written in full, with its sentence.
    let mut latest: Option<usize> = None;
    let mut absolute: Option<(usize, usize)> = None;
    let mut anchors = Vec::with_capacity(mentions.len());
    for (i, m) in mentions.iter().enumerate() {
        let written_day = absolute.filter(|&(sentence, _)| sentence == m.sentence()).map(|(_, j)| j);
        let anchor = match m.anchor {
            Anchor::Previous => {
                let clock_on_latest = latest.and_then(|j| mentions.get(j)).is_some_and(|p| {
                    p.sentence() == m.sentence() && clock_day(&m.value).is_some_and(|d| p.value.on_day() == Some(d))
                });
                if clock_on_latest {
                    latest
                } else {
                    written_day.or(latest)
                }
            }
            _ => None,
        };
        anchors.push(anchor);
        if m.value.on_day().is_some() {
            latest = Some(i);
            if m.anchor == Anchor::Absolute {
                absolute = Some((m.sentence(), i));
            }
        }
    }
    anchors
}

/// The day of a clock time, or of the first end of a range of clock times.
fn clock_day(v: &Value) -> Option<chrono::NaiveDate> {
    match v {
        Value::Time { date, .. } => Some(*date),
        Value::Interval(a, _) => clock_day(a),
        _ => None,
    }
}

/// An end of a range: its TIMEX3 type and its value.
type End<'v> = (&'static str, &'v Value);

/// A range's two ends (each with its TIMEX3 type) and its length as a TIMEX3 duration; None
/// for a value that is not a range, or one whose ends are not points of time.
fn range(v: &Value) -> Option<(End<'_>, End<'_>, String)> {
    let Value::Interval(a, b) = v else {
        return None;
    };
    let (a, b) = (&**a, &**b);
    Some(((point_type(a)?, a), (point_type(b)?, b), length(a, b)))
}

/// The TIMEX3 type of a range's end: `TIME` for a clock time or a part of a day, `DATE` for
/// the other points and periods of the calendar and the references; None for amounts, sets
/// and ranges.
fn point_type(v: &Value) -> Option<&'static str> {
    match v {
        Value::Time { .. } | Value::PartOfDay { .. } => Some("TIME"),
        Value::Interval(..)
        | Value::Duration(_)
        | Value::VagueDuration(_)
        | Value::EveryWeekday(_)
        | Value::EveryWeekend => None,
        _ => Some("DATE"),
    }
}

/// The length of the range from `a` to `b` (see the module docs).
fn length(a: &Value, b: &Value) -> String {
    let positive = |n: i64| (n > 0).then_some(n);
    let exact = match (a, b) {
        (Value::Day(x), Value::Day(y)) => positive((*y - *x).num_days() + 1).map(|n| format!("P{n}D")),
        (Value::Month { year: y1, month: m1 }, Value::Month { year: y2, month: m2 }) => {
            let months = (*y2 as i64 * 12 + *m2 as i64) - (*y1 as i64 * 12 + *m1 as i64) + 1;
            positive(months).map(|n| format!("P{n}M"))
        }
        (Value::Year(y1), Value::Year(y2)) => positive(*y2 as i64 - *y1 as i64 + 1).map(|n| format!("P{n}Y")),
        (Value::Week { .. }, Value::Week { .. }) => match (a.first_day(), b.first_day()) {
            (Some(x), Some(y)) => positive((y - x).num_days() / 7 + 1).map(|n| format!("P{n}W")),
            _ => None,
        },
        (Value::Time { date: d1, time: t1, .. }, Value::Time { date: d2, time: t2, .. }) => {
            positive((d2.and_time(*t2) - d1.and_time(*t1)).num_seconds()).map(|s| match s {
                s if s % 3600 == 0 => format!("PT{}H", s / 3600),
                s if s % 60 == 0 => format!("PT{}M", s / 60),
                s => format!("PT{s}S"),
            })
        }
        _ => None,
    };
    exact.unwrap_or_else(|| vague(grain(a).min(grain(b))).to_string())
}

/// The grain of a range's end, finest first (see [`vague`]).
fn grain(v: &Value) -> u8 {
    match v {
        Value::Time { seconds: true, .. } => 0,
        Value::Time { .. } => 1,
        Value::PartOfDay { .. } => 2,
        Value::Week { .. } => 4,
        Value::Month { .. } | Value::Half { .. } | Value::Season { .. } => 5,
        Value::Quarter { .. } => 6,
        Value::Year(_) => 7,
        _ => 3,
    }
}

/// The TIMEX3 value of an unspecified number of the grain [`grain`] numbers.
fn vague(grain: u8) -> &'static str {
    match grain {
        0 => "PTXS",
        1 => "PTXM",
        2 => "PTXH",
        4 => "PXW",
        5 => "PXM",
        6 => "PXQ",
        7 => "PXY",
        _ => "PXD",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Published;
    use crate::extract::analyze;
    use crate::mention::{Mention, Mod, TimexType};
    use crate::value::Value;
    use chrono::NaiveDate;

    /// Checks that every tag is closed in order and that nothing but tags, text and the
    /// five entities and numeric references appear; returns the element names in order.
    fn balanced(xml: &str) -> Result<Vec<String>, String> {
        let mut stack: Vec<String> = Vec::new();
        let mut seen = Vec::new();
        let mut rest = xml;
        let mut roots = 0;
        while let Some(i) = rest.find(['<', '&', '>']) {
            let (head, tail) = rest.split_at(i);
            if !stack.is_empty() || head.trim().is_empty() {
                // Text outside the root element must be whitespace only.
            } else {
                return Err(format!("text outside the root: {head:?}"));
            }
            if tail.starts_with('>') {
                return Err("bare `>`".into());
            }
            if tail.starts_with('&') {
                let end = tail.find(';').ok_or("unterminated reference")?;
                let name = &tail[1..end];
                let ok = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                    || name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
                if !ok {
                    return Err(format!("unknown reference &{name};"));
                }
                rest = &tail[end + 1..];
                continue;
            }
            let end = tail.find('>').ok_or("unterminated tag")?;
            let tag = &tail[1..end];
            rest = &tail[end + 1..];
            if tag.starts_with('?') || tag.starts_with('!') {
                if !stack.is_empty() {
                    return Err(format!("declaration inside an element: <{tag}>"));
                }
                continue;
            }
            if tag.contains('<') {
                return Err(format!("`<` inside a tag: <{tag}>"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
            } else {
                let name = tag.split_whitespace().next().unwrap_or("").to_string();
                if name.is_empty() {
                    return Err("empty tag".into());
                }
                // Attribute values are double-quoted and hold no raw `"`.
                if tag.matches('"').count() % 2 != 0 {
                    return Err(format!("unbalanced quotes in <{tag}>"));
                }
                if stack.is_empty() {
                    roots += 1;
                }
                seen.push(name.clone());
                if !tag.ends_with('/') {
                    stack.push(name);
                }
            }
        }
        if !stack.is_empty() {
            return Err(format!("unclosed: {stack:?}"));
        }
        if roots != 1 {
            return Err(format!("{roots} root elements"));
        }
        Ok(seen)
    }

    /// The content of `<TEXT>` with the tags taken out and the references read back.
    fn plain_text(xml: &str) -> String {
        let start = xml.find("<TEXT>").unwrap() + "<TEXT>".len();
        let end = xml.rfind("</TEXT>").unwrap();
        let mut out = String::new();
        let mut in_tag = false;
        let mut reference = String::new();
        let mut in_ref = false;
        for c in xml[start..end].chars() {
            match (in_tag, in_ref, c) {
                (false, false, '<') => in_tag = true,
                (true, _, '>') => in_tag = false,
                (true, _, _) => {}
                (false, false, '&') => in_ref = true,
                (false, true, ';') => {
                    out.push(match reference.as_str() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        n => char::from_u32(n.trim_start_matches('#').parse().unwrap()).unwrap(),
                    });
                    reference.clear();
                    in_ref = false;
                }
                (false, true, c) => reference.push(c),
                (false, false, c) => out.push(c),
            }
        }
        out
    }

    const ARTICLE: &str = "date 2020-03-20T14:30\nВ ТОО \"Альфа & Омега\" <без названия> 16 марта ввели карантин,\r\n\
        он продлится до 15 апреля. Вчера выявлено 9 случаев. На следующий день — ещё 3.";

    /// The number of range mentions (each adds two endpoint tags).
    fn ranges(analysis: &Analysis) -> usize {
        analysis.mentions.iter().filter(|m| matches!(m.value, Value::Interval(..))).count()
    }

    #[test]
    fn well_formed_with_every_mention_tagged() {
        let doc = Document::parse(ARTICLE).unwrap().with_id("a&b \"1\"");
        let analysis = analyze(&doc);
        assert!(analysis.mentions.len() >= 4, "{:?}", analysis.mentions);
        let xml = timeml(&doc, &analysis);
        let names = balanced(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        let timexes = names.iter().filter(|n| *n == "TIMEX3").count();
        assert_eq!(timexes, analysis.mentions.len() + 1 + 2 * ranges(&analysis));
        for (i, m) in analysis.mentions.iter().enumerate() {
            let open = format!("<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"", i + 1, m.kind, m.value);
            assert!(xml.contains(&open), "{open}\n{xml}");
        }
        assert!(xml.contains("<DOCID>a&amp;b \"1\"</DOCID>"));
        assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>"), "{xml}");
        assert!(!xml.contains("<!DOCTYPE"));
    }

    #[test]
    fn stripping_the_tags_gives_the_text_back() {
        let doc = Document::parse(ARTICLE).unwrap();
        let xml = timeml(&doc, &analyze(&doc));
        assert_eq!(plain_text(&xml), doc.text());
        assert!(xml.contains("&lt;без названия&gt;"));
        assert!(xml.contains("\"Альфа &amp; Омега\""));
        assert!(xml.contains("&#13;\n"));
    }

    #[test]
    fn dct_is_t0_with_the_publication_time() {
        let doc = Document::parse(ARTICLE).unwrap();
        let xml = timeml(&doc, &analyze(&doc));
        assert!(xml.contains(
            "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2020-03-20T14:30\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">2020-03-20T14:30</TIMEX3></DCT>"
        ));
        let doc = Document::new(NaiveDate::from_ymd_opt(2021, 1, 5).unwrap(), "Без дат.");
        let xml = timeml(&doc, &analyze(&doc));
        assert!(xml.contains(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-01-05\" temporalFunction=\"false\" \
             functionInDocument=\"CREATION_TIME\">2021-01-05</TIMEX3></DCT>"
        ));
        assert!(xml.contains("<TEXT>Без дат.</TEXT>"));
        assert!(!xml.contains("<DOCID>"));
        balanced(&xml).unwrap();
    }

    #[test]
    fn anchors_and_mods() {
        let doc = Document::parse(ARTICLE).unwrap();
        let analysis = analyze(&doc);
        let xml = timeml(&doc, &analysis);
        assert!(
            xml.contains(
                "value=\"2020-04-15\" mod=\"BEFORE\" temporalFunction=\"true\" anchorTimeID=\"t0\">до 15 апреля</TIMEX3>"
            ),
            "{xml}"
        );
        // `На следующий день` counts from `Вчера`, the latest day before it.
        let next = analysis.mentions.iter().position(|m| m.anchor == Anchor::Previous).expect("an anaphoric mention");
        let yesterday = analysis.mentions.iter().position(|m| m.text(doc.text()) == "Вчера").expect("«Вчера»");
        let tag = format!(
            "<TIMEX3 tid=\"t{}\" type=\"DATE\" value=\"2020-03-20\" temporalFunction=\"true\" anchorTimeID=\"t{}\">следующий день</TIMEX3>",
            next + 1,
            yesterday + 1
        );
        assert!(xml.contains(&tag), "{tag}\n{xml}");
    }

    /// The tag of the mention written `surface` (its opening tag, up to `>`).
    fn tag_of<'x>(xml: &'x str, surface: &str) -> &'x str {
        let end = xml.find(&format!(">{surface}</TIMEX3>")).unwrap_or_else(|| panic!("no «{surface}» in\n{xml}"));
        let start = xml[..end].rfind("<TIMEX3 ").unwrap_or(0);
        &xml[start..end]
    }

    fn timeml_of(article: &str) -> (Analysis, String) {
        let doc = Document::parse(article).unwrap();
        let analysis = analyze(&doc);
        let xml = timeml(&doc, &analysis);
        balanced(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        (analysis, xml)
    }

    #[test]
    fn previous_names_the_date_the_resolver_used() {
        // A year-less date takes its year from the written date of its sentence, not from
        // the year-less date between them.
        let (a, xml) = timeml_of(
            "date 2021-06-01 16 марта 2020 года выявили пять случаев, 17 марта выявили шесть, 18 марта — семь.",
        );
        let values: Vec<String> = a.mentions.iter().map(|m| m.value.to_string()).collect();
        assert_eq!(values, ["2020-03-16", "2020-03-17", "2020-03-18"], "{xml}");
        assert_eq!(a.mentions[2].anchor, Anchor::Previous);
        assert!(tag_of(&xml, "16 марта 2020 года").ends_with("temporalFunction=\"false\""), "{xml}");
        assert!(tag_of(&xml, "17 марта").ends_with("temporalFunction=\"true\" anchorTimeID=\"t1\""), "{xml}");
        assert!(tag_of(&xml, "18 марта").ends_with("temporalFunction=\"true\" anchorTimeID=\"t1\""), "{xml}");
        // A clock time takes the day of the latest mention before it in its sentence.
        let (a, xml) = timeml_of("date 2020-03-20 Вчера в 10:00 ввели режим, а в 18:00 закрыли рынки.");
        let clock = a.mentions.iter().position(|m| m.anchor == Anchor::Previous).expect("a clock time");
        assert_eq!(clock, 1, "{:?}", a.mentions);
        assert!(tag_of(&xml, "18:00").ends_with("anchorTimeID=\"t1\""), "{xml}");
        // With no day before it, an anaphor is anchored on the publication.
        let (a, xml) = timeml_of("date 2020-03-20 На следующий день ввели режим.");
        assert_eq!(a.mentions[0].anchor, Anchor::Publication);
        assert!(xml.contains("temporalFunction=\"true\" anchorTimeID=\"t0\">следующий день<"), "{xml}");
    }

    #[test]
    fn ranges_are_two_dates_and_a_duration() {
        let (a, xml) = timeml_of(
            "date 2020-03-20 Карантин с 16 по 22 марта, затем режим до 5 апреля. Ограничения с апреля по июнь. \
             Рынки работают с 9:00 до 18:00, комендантский час с 22:00 до 06:00.",
        );
        let m = a.mentions.len();
        assert!(m >= 5, "{:?}", a.mentions);
        let at = |surface| tag_of(&xml, surface);
        let first = at("с 16 по 22 марта");
        assert!(first.starts_with("<TIMEX3 tid=\"t1\" type=\"DURATION\" value=\"P7D\""), "{xml}");
        let (b, e) = (m + 1, m + 2);
        assert!(first.contains(&format!("beginPoint=\"t{b}\" endPoint=\"t{e}\" temporalFunction=\"false\"")), "{xml}");
        assert!(xml.contains(&format!(
            "<TIMEX3 tid=\"t{b}\" type=\"DATE\" value=\"2020-03-16\" temporalFunction=\"true\" anchorTimeID=\"t0\"/>\
             <TIMEX3 tid=\"t{e}\" type=\"DATE\" value=\"2020-03-22\" temporalFunction=\"true\" anchorTimeID=\"t0\"/>\
             <TIMEX3 tid=\"t1\" "
        )));
        // An open bound stays one date.
        assert!(at("до 5 апреля").starts_with("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-04-05\" mod=\"BEFORE\""));
        assert!(at("с апреля по июнь").contains("type=\"DURATION\" value=\"P3M\""), "{xml}");
        assert!(at("с 9:00 до 18:00").contains("type=\"DURATION\" value=\"PT9H\""), "{xml}");
        assert!(at("с 22:00 до 06:00").contains("type=\"DURATION\" value=\"PT8H\""), "{xml}");
        assert!(xml.contains("type=\"TIME\" value=\"2020-03-20T22:00\""), "{xml}");
        assert!(xml.contains("type=\"TIME\" value=\"2020-03-21T06:00\""), "{xml}");
        let names = balanced(&xml).unwrap();
        assert_eq!(names.iter().filter(|n| *n == "TIMEX3").count(), m + 1 + 2 * ranges(&a));
        // The endpoint tids run on after the mentions, in text order.
        let tids: Vec<usize> = (m + 1..=m + 2 * ranges(&a)).collect();
        let positions: Vec<usize> = tids.iter().map(|t| xml.find(&format!("tid=\"t{t}\"")).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{xml}");
    }

    #[test]
    fn lengths_of_ranges() {
        let v = |s: &str| s.parse::<Value>().unwrap();
        let len = |a: &str, b: &str| length(&v(a), &v(b));
        assert_eq!(len("2020-03-16", "2020-03-22"), "P7D");
        assert_eq!(len("2020-03-16", "2020-03-16"), "P1D");
        assert_eq!(len("2020-12-28", "2021-01-10"), "P14D");
        assert_eq!(len("2020-11", "2021-02"), "P4M");
        assert_eq!(len("2019", "2020"), "P2Y");
        assert_eq!(len("2021-W52", "2022-W02"), "P3W");
        assert_eq!(len("2020-W52", "2021-W02"), "P4W"); // 2020 has 53 ISO weeks
        assert_eq!(len("2020-03-20T09:30", "2020-03-20T18:00"), "PT510M");
        assert_eq!(len("2020-03-20T09:00", "2020-03-20T18:00"), "PT9H");
        assert_eq!(len("2020-03-20T09:00:00", "2020-03-20T09:00:30"), "PT30S");
        assert_eq!(len("2020-03-16", "2020-04"), "PXD");
        assert_eq!(len("2020-03", "2020-Q2"), "PXM");
        assert_eq!(len("2020-03-17TMO", "2020-03-17TEV"), "PTXH");
        assert_eq!(len("2020-03-16", "2020-03-20T18:00"), "PTXM");
        assert_eq!(len("2020-Q1", "2020-Q2"), "PXQ");
        assert_eq!(len("2020-03-22", "2020-03-16"), "PXD");
    }

    #[test]
    fn sets_carry_quant_and_freq() {
        let (a, xml) = timeml_of("date 2020-03-20 Сводку публикуют ежедневно, рынки закрыты по пятницам.");
        assert_eq!(a.mentions.iter().filter(|m| m.kind == TimexType::Set).count(), 2, "{:?}", a.mentions);
        assert!(tag_of(&xml, "ежедневно")
            .contains("type=\"SET\" value=\"P1D\" quant=\"EVERY\" freq=\"1X\" temporalFunction=\"false\""));
        assert!(tag_of(&xml, "по пятницам")
            .contains("type=\"SET\" value=\"XXXX-WXX-5\" quant=\"EVERY\" freq=\"1X\" temporalFunction=\"false\""));
        // Amounts of time are not computed from the publication either.
        let (_, xml) = timeml_of("date 2020-03-20 Карантин ввели на 14 дней.");
        assert!(
            tag_of(&xml, "14 дней").ends_with("type=\"DURATION\" value=\"P14D\" temporalFunction=\"false\""),
            "{xml}"
        );
    }

    #[test]
    fn control_characters_and_bad_spans() {
        let text = "Дата\u{1} 16 марта, и ещё.";
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), text);
        let mut analysis = analyze(&doc);
        let good = analysis.mentions[0].clone();
        let end = good.span().end;
        let mut overlapping = Mention::new(
            good.span(),
            good.chars(),
            TimexType::Date,
            Value::Day(NaiveDate::from_ymd_opt(2020, 3, 16).unwrap()),
        );
        (overlapping.modifier, overlapping.lang) = (Some(Mod::Approx), good.lang);
        analysis.mentions.push(overlapping); // overlaps the first
        let moved = |span: std::ops::Range<usize>| {
            let mut m = good.clone();
            m.set_span(span, good.chars());
            m
        };
        analysis.mentions.push(moved(end + 2..end + 3)); // ends inside `и`
        analysis.mentions.push(moved(500..510)); // out of range
        let xml = timeml(&doc, &analysis);
        balanced(&xml).unwrap();
        assert_eq!(plain_text(&xml), text.replace('\u{1}', "\u{fffd}"));
        assert_eq!(xml.matches("<TIMEX3").count(), 2);
    }

    #[test]
    fn an_anchor_that_is_not_tagged_falls_back_to_t0() {
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), "16 марта и 17 марта");
        let day = |d| Value::Day(NaiveDate::from_ymd_opt(2020, 3, d).unwrap());
        let mention = |span: std::ops::Range<usize>, d, anchor| {
            let mut m = Mention::new(span.clone(), span, TimexType::Date, day(d));
            m.anchor = anchor;
            m
        };
        let mut analysis = analyze(&doc);
        // The first is out of the text, so the second, anchored on it, names t0.
        analysis.mentions = vec![mention(900..910, 16, Anchor::Absolute), mention(17..30, 17, Anchor::Previous)];
        let xml = timeml(&doc, &analysis);
        assert!(xml.contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-03-17\" temporalFunction=\"true\" anchorTimeID=\"t0\">17 марта</TIMEX3>"), "{xml}");
        // A range whose ends are not points is written as one tag, not split.
        let mut range = mention(17..30, 17, Anchor::Absolute);
        range.value = Value::Interval(Box::new(Value::VagueDuration(crate::value::Unit::Day)), Box::new(day(17)));
        analysis.mentions = vec![range];
        let xml = timeml(&doc, &analysis);
        assert_eq!(xml.matches("<TIMEX3").count(), 2, "{xml}");
    }

    /// One `TIMEX3` read back from the XML.
    #[derive(Debug)]
    struct Timex {
        /// Attributes in the order written (values with the references read back).
        attrs: Vec<(String, String)>,
        /// The text inside, None for an empty (non-consuming) tag.
        text: Option<String>,
        /// Is it the `DCT`'s?
        in_dct: bool,
    }

    impl Timex {
        fn get(&self, name: &str) -> Option<&str> {
            self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
        }
    }

    /// The elements a TimeML file holds, read back.
    #[derive(Debug)]
    struct Read {
        /// The root, then the children of the root, in order.
        layout: Vec<String>,
        docid: Option<String>,
        /// The text of `<TEXT>` with the tags taken out.
        text: String,
        timexes: Vec<Timex>,
    }

    /// Reads the references of `s` back (`&amp;`, `&#13;`, `&#x41;`).
    fn unescape(s: &str) -> Result<String, String> {
        let mut out = String::new();
        let mut rest = s;
        while let Some(i) = rest.find('&') {
            out.push_str(&rest[..i]);
            let end = rest[i..].find(';').ok_or("unterminated reference")? + i;
            let name = &rest[i + 1..end];
            let c = match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16).ok().and_then(char::from_u32).ok_or(n)?,
                n if n.starts_with('#') => n[1..].parse().ok().and_then(char::from_u32).ok_or(n)?,
                n => return Err(format!("unknown reference &{n};")),
            };
            out.push(c);
            rest = &rest[end + 1..];
        }
        out.push_str(rest);
        Ok(out)
    }

    /// `name="value"` pairs of a tag's inside (after its name); a repeated name is an error.
    fn attributes(mut rest: &str) -> Result<Vec<(String, String)>, String> {
        let mut attrs: Vec<(String, String)> = Vec::new();
        loop {
            rest = rest.trim_start();
            if rest.is_empty() {
                return Ok(attrs);
            }
            let eq = rest.find('=').ok_or_else(|| format!("attribute without a value: {rest:?}"))?;
            let name = rest[..eq].trim();
            if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == ':' || c == '_') {
                return Err(format!("bad attribute name {name:?}"));
            }
            let value = rest[eq + 1..].strip_prefix('"').ok_or_else(|| format!("unquoted value of {name}"))?;
            let close = value.find('"').ok_or_else(|| format!("unterminated value of {name}"))?;
            if value[..close].contains('<') {
                return Err(format!("`<` in the value of {name}"));
            }
            if attrs.iter().any(|(n, _)| n == name) {
                return Err(format!("{name} given twice"));
            }
            attrs.push((name.to_string(), unescape(&value[..close])?));
            rest = &value[close + 1..];
            if !rest.is_empty() && !rest.starts_with(char::is_whitespace) {
                return Err(format!("no space after the value of {name}"));
            }
        }
    }

    /// A reader of the XML this module writes: elements with attributes, text, references,
    /// the declaration. Tags must nest; TIMEX3 tags must not nest in one another.
    fn read(xml: &str) -> Result<Read, String> {
        let mut stack: Vec<String> = Vec::new();
        let mut layout = Vec::new();
        let mut timexes: Vec<Timex> = Vec::new();
        let (mut docid, mut text) = (None, String::new());
        let mut rest = xml;
        let mut open_timex: Option<usize> = None;
        let mut docid_text = String::new();
        while !rest.is_empty() {
            let next = rest.find('<').unwrap_or(rest.len());
            let chunk = unescape(&rest[..next])?;
            if rest[..next].contains('>') {
                return Err("bare `>` in text".into());
            }
            match stack.last().map(String::as_str) {
                None if !chunk.trim().is_empty() => return Err(format!("text outside the root: {chunk:?}")),
                Some("TEXT") => text.push_str(&chunk),
                Some("TIMEX3") if stack.iter().any(|n| n == "TEXT") => text.push_str(&chunk),
                Some("DOCID") => docid_text.push_str(&chunk),
                _ => {}
            }
            if let Some(t) = open_timex.and_then(|i| timexes.get_mut(i)) {
                t.text.get_or_insert_with(String::new).push_str(&chunk);
            }
            rest = &rest[next..];
            if rest.is_empty() {
                break;
            }
            let end = rest.find('>').ok_or("unterminated tag")?;
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            if tag.contains('<') {
                return Err(format!("`<` inside <{tag}>"));
            }
            if let Some(decl) = tag.strip_prefix('?') {
                if !stack.is_empty() || !layout.is_empty() || !decl.starts_with("xml ") || !decl.ends_with('?') {
                    return Err(format!("misplaced declaration <{tag}>"));
                }
                continue;
            }
            if tag.starts_with('!') {
                return Err(format!("unexpected <{tag}>"));
            }
            if let Some(name) = tag.strip_prefix('/') {
                match stack.pop() {
                    Some(open) if open == name => {}
                    other => return Err(format!("</{name}> closes {other:?}")),
                }
                if name == "TIMEX3" {
                    open_timex = None;
                }
                if name == "DOCID" {
                    docid = Some(std::mem::take(&mut docid_text));
                }
                if stack.is_empty() && layout.len() > 1 && name != "TimeML" {
                    return Err(format!("</{name}> at the root"));
                }
                continue;
            }
            let empty = tag.ends_with('/');
            let inside = tag.trim_end_matches('/');
            let name = inside.split_whitespace().next().unwrap_or("").to_string();
            if name.is_empty() {
                return Err("empty tag".into());
            }
            let attrs = attributes(&inside[name.len()..])?;
            if stack.len() <= 1 {
                if stack.is_empty() && !layout.is_empty() {
                    return Err("two root elements".into());
                }
                layout.push(name.clone());
            }
            if name == "TIMEX3" {
                if open_timex.is_some() {
                    return Err("a TIMEX3 inside a TIMEX3".into());
                }
                let in_dct = stack.last().is_some_and(|n| n == "DCT");
                timexes.push(Timex { attrs, text: (!empty).then(String::new), in_dct });
                if !empty {
                    open_timex = Some(timexes.len() - 1);
                }
            }
            if !empty {
                stack.push(name);
            }
        }
        if !stack.is_empty() {
            return Err(format!("unclosed: {stack:?}"));
        }
        Ok(Read { layout, docid, text, timexes })
    }

    /// The value of mention `i` recovered from what was read: its tag's value, or, for a
    /// `DURATION` with ends, `begin/end`; with the text inside the tag.
    fn recovered(read: &Read, i: usize) -> Result<(String, String), String> {
        let tid = format!("t{}", i + 1);
        let by_tid = |tid: &str| read.timexes.iter().find(|t| t.get("tid") == Some(tid));
        let t = by_tid(&tid).ok_or_else(|| format!("no {tid}"))?;
        let text = t.text.clone().ok_or_else(|| format!("{tid} holds no text"))?;
        let value = match (t.get("beginPoint"), t.get("endPoint")) {
            (Some(b), Some(e)) => {
                let value = |id: &str| by_tid(id).and_then(|t| t.get("value")).ok_or_else(|| format!("no {id}"));
                format!("{}/{}", value(b)?, value(e)?)
            }
            _ => t.get("value").ok_or_else(|| format!("{tid} has no value"))?.to_string(),
        };
        Ok((value, text))
    }

    /// The forms of TIMEX3 values and of `freq` and `tid`, as whole-string patterns.
    struct Patterns {
        date: regex::Regex,
        time: regex::Regex,
        duration: regex::Regex,
        set: regex::Regex,
        freq: regex::Regex,
        tid: regex::Regex,
    }

    static PATTERNS: once_cell::sync::Lazy<Patterns> = once_cell::sync::Lazy::new(|| {
        let whole = |p: &str| regex::Regex::new(&format!("^(?:{p})$")).unwrap();
        Patterns {
            // A date, a month, a year; an ISO week, a day of one, its weekend; a season, a
            // quarter, a half; the references.
            date: whole(
                r"\d{4}(-(\d{2}(-\d{2})?|W\d{2}(-([1-7]|WE))?|SP|SU|FA|WI|Q[1-4]|H[12]))?|PRESENT_REF|PAST_REF|FUTURE_REF",
            ),
            // A day (or a day of a week) with a clock time or a part of the day.
            time: whole(r"\d{4}-(\d{2}-\d{2}|W\d{2}-[1-7])T(\d{2}(:\d{2}(:\d{2})?)?|MO|MI|AF|EV|NI|DT)"),
            // `P`, then years to days, then `T` and hours to seconds; `X` for a number unknown.
            duration: whole(r"P((\d+|X)Y)?((\d+|X)M)?((\d+|X)W)?((\d+|X)D)?(T((\d+|X)H)?((\d+|X)M)?((\d+|X)S)?)?"),
            // A calendar pattern with `X` where it repeats (a duration is a set's value too).
            set: whole(
                r"(XXXX|\d{4})-(WXX-([1-7]|WE)|XX-(XX|\d{2})|\d{2}-XX)(T(\d{2}:\d{2}|MO|MI|AF|EV|NI|DT))?|T\d{2}:\d{2}",
            ),
            freq: whole(r"\d+X|\d+(Y|M|W|D|H)|P.+"),
            tid: whole(r"t\d+"),
        }
    });

    /// The TimeML 1.2.1 rules for `TIMEX3` (the specification's BNF of the tag and the
    /// descriptions of its attributes), checked on every timex read:
    ///
    /// - only the attributes the specification defines (`tid type functionInDocument
    ///   beginPoint endPoint quant freq temporalFunction value valueFromFunction mod
    ///   anchorTimeID comment`); `tid`, `type` and `value` (or `valueFromFunction`) given;
    /// - `tid` is `t<integer>`, unique in the document;
    /// - `type` is `DATE`, `TIME`, `DURATION` or `SET`, and `value` has the form of its
    ///   type (ISO 8601 as TimeML extends it: dates, weeks, seasons, parts of a year, the
    ///   `*_REF` references for a date; a date with `T` and a clock time or a part of a day
    ///   for a time; `P…` for a duration; a duration or a date pattern with `X` for a set);
    /// - `mod` is one of the twelve the specification lists;
    /// - `temporalFunction` is `true` or `false` (and here always written);
    /// - `anchorTimeID`, `beginPoint`, `endPoint` name other tids of the document, and an
    ///   `anchorTimeID` goes with `temporalFunction="true"`;
    /// - `beginPoint`/`endPoint` only on a `DURATION` (an anchored duration), `quant`/`freq`
    ///   only on a `SET`; `freq` is a count of times (`2X`) or a duration;
    /// - `functionInDocument` (one of the seven values) only on the `DCT`'s timex, which has
    ///   `CREATION_TIME`; the `DCT` holds exactly one timex;
    /// - an empty timex (one that takes no text) is an end a `DURATION` names.
    fn check_timexes(timexes: &[Timex]) -> Result<(), String> {
        let Patterns { date: date_re, time: time_re, duration: duration_re, set: set_re, freq: freq_re, tid: tid_re } =
            &*PATTERNS;
        const ATTRS: [&str; 13] = [
            "tid",
            "type",
            "functionInDocument",
            "beginPoint",
            "endPoint",
            "quant",
            "freq",
            "temporalFunction",
            "value",
            "valueFromFunction",
            "mod",
            "anchorTimeID",
            "comment",
        ];
        const MODS: [&str; 12] = [
            "BEFORE",
            "AFTER",
            "ON_OR_BEFORE",
            "ON_OR_AFTER",
            "LESS_THAN",
            "MORE_THAN",
            "EQUAL_OR_LESS",
            "EQUAL_OR_MORE",
            "START",
            "MID",
            "END",
            "APPROX",
        ];
        const FUNCTIONS: [&str; 7] = [
            "CREATION_TIME",
            "EXPIRATION_TIME",
            "MODIFICATION_TIME",
            "PUBLICATION_TIME",
            "RELEASE_TIME",
            "RECEPTION_TIME",
            "NONE",
        ];
        let mut tids = std::collections::HashSet::new();
        for t in timexes {
            let tid = t.get("tid").ok_or_else(|| format!("a timex without tid: {t:?}"))?;
            if !tid_re.is_match(tid) {
                return Err(format!("tid {tid:?} is not t<integer>"));
            }
            if !tids.insert(tid) {
                return Err(format!("tid {tid} used twice"));
            }
        }
        let dct = timexes.iter().filter(|t| t.in_dct).count();
        if dct != 1 {
            return Err(format!("the DCT holds {dct} timexes"));
        }
        let mut named = std::collections::HashSet::new();
        for t in timexes {
            let tid = t.get("tid").unwrap_or_default();
            let fail = |what: String| Err(format!("{tid}: {what} in {:?}", t.attrs));
            if let Some((name, _)) = t.attrs.iter().find(|(n, _)| !ATTRS.contains(&n.as_str())) {
                return fail(format!("{name} is not a TIMEX3 attribute"));
            }
            let kind = t.get("type").unwrap_or_default();
            let Some(value) = t.get("value") else {
                return fail("no value".into());
            };
            let pattern = match kind {
                "DATE" => &date_re,
                "TIME" => &time_re,
                "DURATION" => &duration_re,
                "SET" => {
                    if !(set_re.is_match(value) || duration_re.is_match(value)) {
                        return fail(format!("SET value {value:?}"));
                    }
                    &set_re
                }
                other => return fail(format!("type {other:?}")),
            };
            if kind != "SET" && !pattern.is_match(value) {
                return fail(format!("{kind} value {value:?}"));
            }
            if kind == "DURATION" && (value == "P" || value.ends_with('T')) {
                return fail(format!("empty duration {value:?}"));
            }
            if let Some(m) = t.get("mod") {
                if !MODS.contains(&m) {
                    return fail(format!("mod {m:?}"));
                }
            }
            let function = t.get("temporalFunction");
            if !matches!(function, Some("true" | "false")) {
                return fail(format!("temporalFunction {function:?}"));
            }
            for link in ["anchorTimeID", "beginPoint", "endPoint"] {
                if let Some(other) = t.get(link) {
                    if other == tid || !tids.contains(other) {
                        return fail(format!("{link}={other:?} names no other timex"));
                    }
                    if link != "anchorTimeID" {
                        named.insert(other.to_string());
                    }
                }
            }
            if t.get("anchorTimeID").is_some() && function != Some("true") {
                return fail("anchorTimeID without temporalFunction=\"true\"".into());
            }
            if (t.get("beginPoint").is_some() || t.get("endPoint").is_some()) && kind != "DURATION" {
                return fail("beginPoint/endPoint on a timex that is not a DURATION".into());
            }
            if (t.get("quant").is_some() || t.get("freq").is_some()) && kind != "SET" {
                return fail("quant/freq on a timex that is not a SET".into());
            }
            if let Some(freq) = t.get("freq") {
                if !freq_re.is_match(freq) {
                    return fail(format!("freq {freq:?}"));
                }
            }
            match (t.get("functionInDocument"), t.in_dct) {
                (Some("CREATION_TIME"), true) => {}
                (Some(f), false) if FUNCTIONS.contains(&f) && f == "NONE" => {}
                (f, true) => return fail(format!("the DCT's functionInDocument is {f:?}")),
                (Some(f), false) => return fail(format!("functionInDocument={f:?} outside the DCT")),
                (None, false) => {}
            }
        }
        for t in timexes.iter().filter(|t| t.text.is_none()) {
            let tid = t.get("tid").unwrap_or_default();
            if !named.contains(tid) {
                return Err(format!("{tid} takes no text and is no DURATION's end"));
            }
        }
        Ok(())
    }

    /// Reads `xml` back and checks it: the layout, every timex against the rules, the text,
    /// and every mention's value and text recovered from its tag.
    fn check_all(doc: &Document, analysis: &Analysis, xml: &str) -> Result<(), String> {
        let read = read(xml)?;
        let mut layout = vec!["TimeML"];
        if doc.id().is_some() {
            layout.push("DOCID");
        }
        layout.extend(["DCT", "TEXT"]);
        if read.layout != layout {
            return Err(format!("layout {:?}", read.layout));
        }
        if read.docid.as_deref() != doc.id() {
            return Err(format!("DOCID {:?}", read.docid));
        }
        check_timexes(&read.timexes)?;
        let consuming = read.timexes.iter().filter(|t| t.text.is_some() && !t.in_dct).count();
        if consuming != analysis.mentions.len() {
            return Err(format!("{consuming} tags with text for {} mentions", analysis.mentions.len()));
        }
        let want: String = doc.text().chars().map(|c| if xml_char(c) { c } else { '\u{fffd}' }).collect();
        if read.text != want {
            return Err(format!("the text read back is {:?}", read.text));
        }
        for (i, m) in analysis.mentions.iter().enumerate() {
            let (value, text) = recovered(&read, i)?;
            if value != m.value.to_string() || text != m.text(doc.text()) {
                return Err(format!("t{}: {value} «{text}», not {} «{}»", i + 1, m.value, m.text(doc.text())));
            }
        }
        Ok(())
    }

    /// Can XML 1.0 carry the character?
    fn xml_char(c: char) -> bool {
        !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}')
    }

    /// An article written for this test with every kind of mention khronika tags.
    const RICH: &str = "date 2020-03-20T09:15\n\
        Режим ЧП, введённый 16 марта 2020 года, продлится до 15 апреля, сообщили в акимате.\n\
        16 марта 2020 года выявили пять случаев, 17 марта — шесть, а 18 марта ещё семь.\n\
        Карантин в Алматы действует с 16 по 22 марта, школы закрыты с апреля по июнь.\n\
        Ограничения 2019–2020 годов и весь 2021 год обсуждают отдельно. С 1 апреля вводятся пропуска.\n\
        Вчера в 10:00 в городе закрыли рынки, а в 18:00 — торговые центры. На следующий день закрылись кафе.\n\
        Аптеки работают с 9:00 до 18:00, комендантский час с 22:00 до 06:00.\n\
        Прибывшие проходят карантин на 14 дней. Сводку публикуют ежедневно, рынки закрыты по пятницам.\n\
        Через неделю власти подведут итоги, в начале мая возможны послабления, а к концу апреля ожидают пик.\n\
        Утром 19 марта в Нур-Султане выявили 3 случая, сейчас их уже 40.";

    /// Reads the analysis of `text` (a document with its `date` line) back.
    fn roundtrip(doc: &Document, analysis: &Analysis) -> Result<String, String> {
        let xml = timeml(doc, analysis);
        check_all(doc, analysis, &xml).map(|()| xml)
    }

    #[test]
    fn a_rich_article_reads_back_and_keeps_the_rules() {
        let doc = Document::parse(RICH).unwrap().with_id("rich-2020-03-20");
        let analysis = analyze(&doc);
        let xml = roundtrip(&doc, &analysis).unwrap_or_else(|e| panic!("{e}\n{}", timeml(&doc, &analysis)));
        let m = &analysis.mentions;
        // Every kind of mention is there.
        let has = |f: &dyn Fn(&Mention) -> bool, what: &str| assert!(m.iter().any(f), "no {what} in {m:#?}");
        has(&|m| matches!(m.value, Value::Day(_)) && m.anchor == Anchor::Absolute, "written day");
        has(&|m| matches!(m.value, Value::Day(_)) && m.anchor == Anchor::Publication, "year-less day");
        has(&|m| matches!(m.value, Value::Year(_)), "year");
        has(&|m| matches!(m.value, Value::Month { .. }), "month");
        has(&|m| m.modifier.is_some() && !matches!(m.value, Value::Interval(..)), "open bound");
        has(&|m| m.anchor == Anchor::Previous && matches!(m.value, Value::Day(_)), "anaphor or lent year");
        has(&|m| m.anchor == Anchor::Previous && matches!(m.value, Value::Time { .. }), "clock on an earlier day");
        has(&|m| matches!(m.value, Value::Time { .. }), "clock time");
        has(&|m| matches!(m.value, Value::PartOfDay { .. }), "part of a day");
        has(&|m| m.kind == TimexType::Duration, "amount of time");
        has(&|m| m.kind == TimexType::Set, "set");
        has(&|m| matches!(m.value, Value::PresentRef), "reference");
        has(&|m| matches!(m.value, Value::Week { .. }), "week");
        for (a, b) in [("2020-03-16", "2020-03-22"), ("2020-04", "2020-06"), ("2019", "2020")] {
            let v = format!("{a}/{b}");
            has(&|m| m.value.to_string() == v, &v);
        }
        has(&|m| matches!(&m.value, Value::Interval(a, _) if matches!(**a, Value::Time { .. })), "clock range");
        for value in ["P7D", "P3M", "P2Y", "PT9H", "PT8H"] {
            assert!(xml.contains(&format!("type=\"DURATION\" value=\"{value}\" beginPoint=")), "{value}\n{xml}");
        }
        assert!(xml.contains("quant=\"EVERY\" freq=\"1X\""), "{xml}");
        assert!(xml.contains("anchorTimeID=\"t0\"") && xml.contains("temporalFunction=\"false\""));
    }

    #[test]
    fn every_row_of_the_mentions_corpus_reads_back_and_keeps_the_rules() {
        use crate::resolve::{Prefer, RelativeGrain, ResolveOptions};
        let data = include_str!("../../tests/corpus/ru/mentions.tsv");
        let mut rows = 0;
        let mut ranges = 0;
        let mut failures = Vec::new();
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            let (Some(name), Some(phrase), Some(date)) = (cols.first(), cols.get(1), cols.get(2)) else {
                failures.push(format!("line {}: too few columns", n + 1));
                continue;
            };
            let mut options = ResolveOptions::default();
            for option in name.split('@').skip(1) {
                match option {
                    "day" => options.relative_grain = RelativeGrain::Instant,
                    o if o.starts_with("offset=") => {}
                    p => options.prefer = p.parse::<Prefer>().unwrap_or_default(),
                }
            }
            let Ok(published) = date.parse::<Published>() else {
                failures.push(format!("line {}: bad publication {date:?}", n + 1));
                continue;
            };
            let doc = Document::new(published, phrase);
            let analysis = crate::Extractor::new(options).analyze(&doc);
            rows += 1;
            ranges += analysis.mentions.iter().filter(|m| matches!(m.value, Value::Interval(..))).count();
            if let Err(e) = roundtrip(&doc, &analysis) {
                failures.push(format!("line {} [{name}] {phrase:?}: {e}", n + 1));
            }
        }
        assert!(rows >= 300 && ranges >= 30, "{rows} rows, {ranges} ranges");
        assert!(failures.is_empty(), "{} of {rows} rows fail:\n{}", failures.len(), failures.join("\n"));
    }

    #[test]
    fn the_fixture_articles_read_back_and_keep_the_rules() {
        for text in [ARTICLE, include_str!("../../tests/fixtures/export/article.txt")] {
            let doc = Document::parse(text).unwrap().with_id("fixture");
            let analysis = analyze(&doc);
            roundtrip(&doc, &analysis).unwrap_or_else(|e| panic!("{e}\n{}", timeml(&doc, &analysis)));
        }
    }

    #[test]
    fn the_reader_and_the_rules_reject_what_they_should() {
        let dct = r#"<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-20" temporalFunction="false" functionInDocument="CREATION_TIME">2020-03-20</TIMEX3></DCT>"#;
        let doc =
            |timexes: &str| format!("<?xml version=\"1.0\"?>\n<TimeML>\n{dct}\n<TEXT>{timexes}</TEXT>\n</TimeML>\n");
        let check = |timexes: &str| read(&doc(timexes)).and_then(|r| check_timexes(&r.timexes));
        let good = r#"<TIMEX3 tid="t1" type="DATE" value="2020-03-16" temporalFunction="true" anchorTimeID="t0">16 марта</TIMEX3>"#;
        check(good).unwrap();
        let range = r#"<TIMEX3 tid="t2" type="DATE" value="2020-03-16" temporalFunction="false"/><TIMEX3 tid="t3" type="DATE" value="2020-03-22" temporalFunction="false"/><TIMEX3 tid="t1" type="DURATION" value="P7D" beginPoint="t2" endPoint="t3" temporalFunction="false">с 16 по 22 марта</TIMEX3>"#;
        check(range).unwrap();
        let set = r#"<TIMEX3 tid="t1" type="SET" value="XXXX-WXX-5" quant="EVERY" freq="1X" temporalFunction="false">по пятницам</TIMEX3>"#;
        check(set).unwrap();
        for bad in [
            good.replace("t1", "x1"),
            format!("{good}{good}"),
            good.replace("DATE", "INSTANT"),
            good.replace("2020-03-16", "2020-03-16/2020-03-22"),
            good.replace("2020-03-16", "16.03.2020"),
            good.replace("type=\"DATE\" value=\"2020-03-16\"", "type=\"TIME\" value=\"2020-03-16\""),
            good.replace("type=\"DATE\" value=\"2020-03-16\"", "type=\"DURATION\" value=\"P\""),
            good.replace("temporalFunction=\"true\"", "temporalFunction=\"yes\""),
            good.replace(" temporalFunction=\"true\"", ""),
            good.replace("anchorTimeID=\"t0\"", "anchorTimeID=\"t9\""),
            good.replace("temporalFunction=\"true\"", "temporalFunction=\"false\""),
            good.replace("anchorTimeID", "mod=\"SOON\" anchorTimeID"),
            good.replace("anchorTimeID", "functionInDocument=\"CREATION_TIME\" anchorTimeID"),
            good.replace("anchorTimeID", "quant=\"EVERY\" anchorTimeID"),
            good.replace("anchorTimeID", "beginPoint=\"t0\" anchorTimeID"),
            good.replace("anchorTimeID", "colour=\"red\" anchorTimeID"),
            range.replace("endPoint=\"t3\"", "endPoint=\"t4\""),
            range.replace("type=\"DURATION\"", "type=\"DATE\"").replace("value=\"P7D\"", "value=\"2020-03\""),
            range.replace(" beginPoint=\"t2\" endPoint=\"t3\"", ""),
            set.replace("freq=\"1X\"", "freq=\"often\""),
            set.replace("XXXX-WXX-5", "every friday"),
            format!("<TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2020\" temporalFunction=\"false\">{good}</TIMEX3>"),
            good.replace("</TIMEX3>", "</TIMEX>"),
            good.replace("value=", "value=2020 x="),
        ] {
            assert!(check(&bad).is_err(), "accepted {bad}");
        }
        // The DCT is checked too.
        let no_function = doc(good).replace(" functionInDocument=\"CREATION_TIME\"", "");
        assert!(read(&no_function).and_then(|r| check_timexes(&r.timexes)).is_err());
        // A mention's value must be recovered as it is.
        let plain = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), "Карантин с 16 по 22 марта.");
        let analysis = analyze(&plain);
        let xml = timeml(&plain, &analysis);
        check_all(&plain, &analysis, &xml).unwrap();
        assert!(check_all(&plain, &analysis, &xml.replace("2020-03-22", "2020-03-23")).is_err());
        assert!(check_all(&plain, &analysis, &xml.replace("по 22", "по 23")).is_err());
        assert!(check_all(&plain, &analysis, &xml.replace("<TimeML>\n", "<TimeML>\n<DOCID>x</DOCID>\n")).is_err());
    }

    #[test]
    fn the_checker_rejects_broken_xml() {
        assert!(balanced("<a><b></a></b>").is_err());
        assert!(balanced("<a>x & y</a>").is_err());
        assert!(balanced("<a>1 > 0</a>").is_err());
        assert!(balanced("<a></a><b></b>").is_err());
        assert!(balanced("<a x=\"\"\"></a>").is_err());
        assert!(balanced("<?xml version=\"1.0\"?>\n<a><b/>x &amp; &#13;</a>\n").is_ok());
    }
}
