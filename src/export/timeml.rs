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
//! - `type`, `value` and `mod` are the mention's [`TimexType`](crate::TimexType),
//!   [`Value`](crate::Value) and [`Mod`](crate::Mod).
//! - A range ([`Value::Interval`], `с 16 по 22 марта`) is written as TimeML writes an
//!   anchored duration: two empty (non-consuming) `TIMEX3` tags for its ends (`DATE`, or
//!   `TIME` for a clock time or a part of a day), just before the tag around the text, which
//!   is a `DURATION` naming them in `beginPoint` and `endPoint`, with the mention's `mod`.
//!   Its value is the length: the days counted inclusively for two days (`P7D`), the months
//!   for two months (`P3M` for April to June), the weeks for two ISO weeks, the years for two
//!   years, the hours or minutes between two clock times (`PT9H`, `PT8H` over midnight);
//!   for ends of other or mixed grains, an unspecified number of the finer grain (`PXD`).
//!   An open bound (`до 5 апреля`, `с 1 апреля`) is one date with its `mod`.
//! - A repeated time ([`TimexType::Set`](crate::TimexType::Set): `ежедневно` `P1D`, `по
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
        let (Some(before), Some(inside)) = (text.get(cursor..m.span.start), text.get(m.span.clone())) else {
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
        cursor = m.span.end;
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
            let fits = m.span.start >= cursor
                && m.span.start < m.span.end
                && text.get(cursor..m.span.start).is_some()
                && text.get(m.span.clone()).is_some();
            if fits {
                cursor = m.span.end;
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
        let written_day = absolute.filter(|&(sentence, _)| sentence == m.sentence).map(|(_, j)| j);
        let anchor = match m.anchor {
            Anchor::Previous => {
                let clock_on_latest = latest.and_then(|j| mentions.get(j)).is_some_and(|p| {
                    p.sentence == m.sentence && clock_day(&m.value).is_some_and(|d| p.value.on_day() == Some(d))
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
                absolute = Some((m.sentence, i));
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

/// A range's two ends (each with its TIMEX3 type) and its length as a TIMEX3 duration; None
/// for a value that is not a range, or one whose ends are not points of time.
fn range(v: &Value) -> Option<((&'static str, &Value), (&'static str, &Value), String)> {
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
        let (a, xml) = timeml_of("date 2021-06-01 16 марта 2020 года выявили пять случаев, 17 марта выявили шесть, 18 марта — семь.");
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
        assert!(tag_of(&xml, "ежедневно").contains(
            "type=\"SET\" value=\"P1D\" quant=\"EVERY\" freq=\"1X\" temporalFunction=\"false\""
        ));
        assert!(tag_of(&xml, "по пятницам").contains(
            "type=\"SET\" value=\"XXXX-WXX-5\" quant=\"EVERY\" freq=\"1X\" temporalFunction=\"false\""
        ));
        // Amounts of time are not computed from the publication either.
        let (_, xml) = timeml_of("date 2020-03-20 Карантин ввели на 14 дней.");
        assert!(tag_of(&xml, "14 дней").ends_with("type=\"DURATION\" value=\"P14D\" temporalFunction=\"false\""), "{xml}");
    }

    #[test]
    fn control_characters_and_bad_spans() {
        let text = "Дата\u{1} 16 марта, и ещё.";
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), text);
        let mut analysis = analyze(&doc);
        let good = analysis.mentions[0].clone();
        let end = good.span.end;
        analysis.mentions.push(Mention {
            span: good.span.clone(),
            chars: good.chars.clone(),
            kind: TimexType::Date,
            value: Value::Day(NaiveDate::from_ymd_opt(2020, 3, 16).unwrap()),
            modifier: Some(Mod::Approx),
            anchor: Anchor::Absolute,
            sentence: 0,
            offset: None,
        }); // overlaps the first
        analysis.mentions.push(Mention { span: end + 2..end + 3, ..good.clone() }); // ends inside `и`
        analysis.mentions.push(Mention { span: 500..510, ..good.clone() }); // out of range
        let xml = timeml(&doc, &analysis);
        balanced(&xml).unwrap();
        assert_eq!(plain_text(&xml), text.replace('\u{1}', "\u{fffd}"));
        assert_eq!(xml.matches("<TIMEX3").count(), 2);
    }

    #[test]
    fn an_anchor_that_is_not_tagged_falls_back_to_t0() {
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap(), "16 марта и 17 марта");
        let day = |d| Value::Day(NaiveDate::from_ymd_opt(2020, 3, d).unwrap());
        let mention = |span: std::ops::Range<usize>, d, anchor| Mention {
            chars: span.clone(),
            span,
            kind: TimexType::Date,
            value: day(d),
            modifier: None,
            anchor,
            sentence: 0,
            offset: None,
        };
        let mut analysis = analyze(&doc);
        // The first is out of the text, so the second, anchored on it, names t0.
        analysis.mentions = vec![mention(900..910, 16, Anchor::Absolute), mention(17..30, 17, Anchor::Previous)];
        let xml = timeml(&doc, &analysis);
        assert!(xml.contains("<TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2020-03-17\" temporalFunction=\"true\" anchorTimeID=\"t0\">17 марта</TIMEX3>"), "{xml}");
        // A range whose ends are not points is written as one tag, not split.
        analysis.mentions = vec![Mention {
            value: Value::Interval(Box::new(Value::VagueDuration(crate::value::Unit::Day)), Box::new(day(17))),
            ..mention(17..30, 17, Anchor::Absolute)
        }];
        let xml = timeml(&doc, &analysis);
        assert_eq!(xml.matches("<TIMEX3").count(), 2, "{xml}");
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
