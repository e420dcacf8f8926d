//! TimeML: the document text with its temporal expressions tagged inline, as HeidelTime and
//! the TempEval corpora write it.
//!
//! ```xml
//! <?xml version="1.0" encoding="UTF-8"?>
//! <!DOCTYPE TimeML SYSTEM "TimeML.dtd">
//! <TimeML>
//! <DOCID>a1</DOCID>
//! <DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-20" functionInDocument="CREATION_TIME">2020-03-20</TIMEX3></DCT>
//! <TEXT>Карантин ввели <TIMEX3 tid="t1" type="DATE" value="2020-03-16" anchorTimeID="t0">16 марта</TIMEX3>.</TEXT>
//! </TimeML>
//! ```
//!
//! - `t0` is the publication time (the document creation time, `DCT`): `type="DATE"` with a
//!   date value, `type="TIME"` with `2020-03-20T14:30` when the publication has a time of day.
//! - Mention `i` of [`Analysis::mentions`] is `t{i+1}`, so tids run `t1`, `t2`, … in text
//!   order and match the mention indices of the JSON record (`mentions: [0]` is `t1`).
//! - `type`, `value` and `mod` are the mention's [`TimexType`](crate::TimexType),
//!   [`Value`](crate::Value) and [`Mod`](crate::Mod).
//! - `anchorTimeID="t0"` marks a mention resolved against the publication time
//!   ([`Anchor::Publication`]: `вчера`, `16 марта` with the year taken from the publication).
//!   A mention anchored on the previous date in the text ([`Anchor::Previous`]: `на
//!   следующий день`) has no `anchorTimeID`: the resolver anchors it on a date, not on a
//!   particular earlier expression, so naming one tid would be a guess. A fully written
//!   date ([`Anchor::Absolute`]) has none either.
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
use crate::mention::Anchor;
use std::fmt::Write;

/// The document as TimeML: an XML declaration, the `DCT` (`t0`, the publication time) and the
/// text with each mention tagged inline as a `TIMEX3`; see the [module docs](self).
///
/// A mention whose span does not fit the text (not on character boundaries, out of range, or
/// overlapping the mention before it) is left untagged; an analysis of `doc` itself has none.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::timeml::timeml;
/// let doc = Document::parse("date 2020-03-20 Школы закрыли 16 марта, карантин & ограничения продлятся до 5 апреля.").unwrap();
/// let xml = timeml(&doc, &analyze(&doc));
/// assert!(xml.starts_with("<?xml"));
/// assert!(xml.contains(r#"<DCT><TIMEX3 tid="t0" type="DATE" value="2020-03-20" functionInDocument="CREATION_TIME">2020-03-20</TIMEX3></DCT>"#));
/// assert!(xml.contains(r#"<TIMEX3 tid="t1" type="DATE" value="2020-03-16" anchorTimeID="t0">16 марта</TIMEX3>, карантин &amp; "#));
/// assert!(xml.contains(r#"<TIMEX3 tid="t2" type="DATE" value="2020-04-05" mod="BEFORE" anchorTimeID="t0">до 5 апреля</TIMEX3>"#));
/// ```
pub fn timeml(doc: &Document, analysis: &Analysis) -> String {
    let text = doc.text();
    let mut out = String::with_capacity(text.len() * 2 + 256 + analysis.mentions.len() * 96);
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<!DOCTYPE TimeML SYSTEM \"TimeML.dtd\">\n");
    out.push_str("<TimeML>\n");
    if let Some(id) = analysis.id.as_deref().or(doc.id()) {
        out.push_str("<DOCID>");
        escape_text(&mut out, id);
        out.push_str("</DOCID>\n");
    }
    dct(&mut out, analysis.published);
    out.push_str("<TEXT>");
    let mut cursor = 0;
    for (i, m) in analysis.mentions.iter().enumerate() {
        let span = m.span.clone();
        if span.start < cursor || span.start >= span.end {
            continue;
        }
        let (Some(before), Some(inside)) = (text.get(cursor..span.start), text.get(span.clone())) else {
            continue;
        };
        escape_text(&mut out, before);
        let _ = write!(out, "<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"", i + 1, m.kind.as_str());
        escape_attr(&mut out, &m.value.to_string());
        out.push('"');
        if let Some(modifier) = m.modifier {
            let _ = write!(out, " mod=\"{}\"", modifier.as_str());
        }
        if m.anchor == Anchor::Publication {
            out.push_str(" anchorTimeID=\"t0\"");
        }
        out.push('>');
        escape_text(&mut out, inside);
        out.push_str("</TIMEX3>");
        cursor = span.end;
    }
    escape_text(&mut out, &text[cursor..]);
    out.push_str("</TEXT>\n</TimeML>\n");
    out
}

/// `<DCT>`: the publication time as `t0`.
fn dct(out: &mut String, published: Published) {
    let value = published.to_string();
    let kind = if published.time().is_some() { "TIME" } else { "DATE" };
    let _ = writeln!(
        out,
        "<DCT><TIMEX3 tid=\"t0\" type=\"{kind}\" value=\"{value}\" functionInDocument=\"CREATION_TIME\">{value}</TIMEX3></DCT>"
    );
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

    #[test]
    fn well_formed_with_every_mention_tagged() {
        let doc = Document::parse(ARTICLE).unwrap().with_id("a&b \"1\"");
        let analysis = analyze(&doc);
        assert!(analysis.mentions.len() >= 4, "{:?}", analysis.mentions);
        let xml = timeml(&doc, &analysis);
        let names = balanced(&xml).unwrap_or_else(|e| panic!("{e}\n{xml}"));
        assert_eq!(names.iter().filter(|n| *n == "TIMEX3").count(), analysis.mentions.len() + 1);
        for (i, m) in analysis.mentions.iter().enumerate() {
            let open = format!("<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"", i + 1, m.kind, m.value);
            assert!(xml.contains(&open), "{open}\n{xml}");
        }
        assert!(xml.contains("<DOCID>a&amp;b \"1\"</DOCID>"));
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
            "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2020-03-20T14:30\" \
             functionInDocument=\"CREATION_TIME\">2020-03-20T14:30</TIMEX3></DCT>"
        ));
        let doc = Document::new(NaiveDate::from_ymd_opt(2021, 1, 5).unwrap(), "Без дат.");
        let xml = timeml(&doc, &analyze(&doc));
        assert!(xml.contains(
            "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2021-01-05\" \
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
        assert!(xml.contains("value=\"2020-04-15\" mod=\"BEFORE\" anchorTimeID=\"t0\">до 15 апреля</TIMEX3>"), "{xml}");
        let next = analysis.mentions.iter().position(|m| m.anchor == Anchor::Previous).expect("an anaphoric mention");
        let tag = format!("<TIMEX3 tid=\"t{}\" type=\"DATE\" value=\"2020-03-20\">следующий день</TIMEX3>", next + 1);
        assert!(xml.contains(&tag), "{tag}\n{xml}");
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
    fn the_checker_rejects_broken_xml() {
        assert!(balanced("<a><b></a></b>").is_err());
        assert!(balanced("<a>x & y</a>").is_err());
        assert!(balanced("<a>1 > 0</a>").is_err());
        assert!(balanced("<a></a><b></b>").is_err());
        assert!(balanced("<a x=\"\"\"></a>").is_err());
        assert!(balanced("<?xml version=\"1.0\"?>\n<a><b/>x &amp; &#13;</a>\n").is_ok());
    }
}
