//! The TimeML, Markdown and HTML exports on a fixture article written for this repository.

use khronika::export::html::html;
use khronika::export::markdown::{markdown, markdown_timeline};
use khronika::export::timeml::timeml;
use khronika::EventKind;
use khronika::FigureWhat;
use khronika::{analyze, Analysis, Anchor, Document, Timeline, TimexType, Value};

const ARTICLE: &str = include_str!("fixtures/export/article.txt");
const KOSTANAY: &str = include_str!("fixtures/kostanay-2020-03-20.txt");

fn article() -> (Document<'static>, Analysis) {
    let doc = Document::parse(ARTICLE).unwrap().with_id("pavlodar-2020-04-03");
    let analysis = analyze(&doc);
    (doc, analysis)
}

/// Void elements of HTML: they have no end tag.
const VOID: &[&str] = &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"];

/// Checks that tags nest and close in order (`<x/>` and, when `html`, the void elements close
/// themselves), that `&` starts an entity or a numeric reference, that no raw `<` or `>` is
/// in text or attributes, and that the content of `<style>` holds no `<`. Returns the names
/// of the elements opened, in order.
fn balanced(doc: &str, html: bool) -> Result<Vec<String>, String> {
    let mut stack: Vec<String> = Vec::new();
    let mut opened = Vec::new();
    let mut rest = doc;
    while let Some(i) = rest.find(['<', '>', '&']) {
        let tail = &rest[i..];
        if tail.starts_with('>') {
            return Err(format!("bare `>` before {:?}", tail.chars().take(40).collect::<String>()));
        }
        if tail.starts_with('&') {
            let end = tail.find(';').filter(|e| *e < 12).ok_or("unterminated reference")?;
            let name = &tail[1..end];
            let known = matches!(name, "amp" | "lt" | "gt" | "quot" | "apos")
                || name.strip_prefix('#').is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
            if !known {
                return Err(format!("unknown reference &{name};"));
            }
            rest = &tail[end + 1..];
            continue;
        }
        let end = tail.find('>').ok_or("unterminated tag")?;
        let tag = &tail[1..end];
        rest = &tail[end + 1..];
        if tag.contains('<') {
            return Err(format!("`<` inside <{tag}>"));
        }
        if tag.starts_with('!') || tag.starts_with('?') {
            if !stack.is_empty() {
                return Err(format!("<{tag}> inside an element"));
            }
            continue;
        }
        if tag.matches('"').count() % 2 != 0 {
            return Err(format!("unbalanced quotes in <{tag}>"));
        }
        if let Some(name) = tag.strip_prefix('/') {
            match stack.pop() {
                Some(open) if open == name => continue,
                other => return Err(format!("</{name}> closes {other:?}")),
            }
        }
        let name = tag.split_whitespace().next().unwrap_or("").trim_end_matches('/').to_string();
        if name.is_empty() || !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-') {
            return Err(format!("bad tag <{tag}>"));
        }
        opened.push(name.clone());
        if tag.ends_with('/') || (html && VOID.contains(&name.as_str())) {
            continue;
        }
        if html && name == "style" {
            let close = rest.find("</style>").ok_or("unclosed <style>")?;
            if rest[..close].contains('<') {
                return Err("`<` in <style>".into());
            }
            rest = &rest[close + "</style>".len()..];
            continue;
        }
        if html && name == "script" {
            // A script's text is raw: it may compare with `<` but never close an element
            // or open a comment.
            let close = rest.find("</script>").ok_or("unclosed <script>")?;
            if rest[..close].contains("</") || rest[..close].contains("<!--") {
                return Err("`</` or `<!--` in <script>".into());
            }
            rest = &rest[close + "</script>".len()..];
            continue;
        }
        stack.push(name);
    }
    if let Some(open) = stack.pop() {
        return Err(format!("<{open}> not closed"));
    }
    Ok(opened)
}

/// Markup with its tags removed and its references read back.
fn strip(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    while let Some(i) = rest.find(['<', '&']) {
        out.push_str(&rest[..i]);
        let tail = &rest[i..];
        if tail.starts_with('<') {
            rest = &tail[tail.find('>').unwrap() + 1..];
        } else {
            let end = tail.find(';').unwrap();
            out.push(match &tail[1..end] {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                n => char::from_u32(n.trim_start_matches('#').parse().unwrap()).unwrap(),
            });
            rest = &tail[end + 1..];
        }
    }
    out.push_str(rest);
    out
}

fn between<'a>(s: &'a str, open: &str, close: &str) -> &'a str {
    let start = s.find(open).unwrap_or_else(|| panic!("no {open}")) + open.len();
    let end = s[start..].find(close).unwrap_or_else(|| panic!("no {close}")) + start;
    &s[start..end]
}

/// `1 sentence`, `3 sentences`: how the exports write an evidence count.
fn sentences(n: usize) -> String {
    format!("{n} {}", if n == 1 { "sentence" } else { "sentences" })
}

/// A decree with its measures, a count with a part, and an entry ban with an exemption
/// (written for these tests).
const DECREE: &str = "date 2020-03-20\nС 22 марта в Караганде вводится карантин.\n\
    Закрываются все торговые центры, кафе и рестораны.\nЗанятия в школах переводятся в дистанционный формат.\n\n\
    Вчера в Алматы выявлено 14 новых случаев коронавируса. Из них 5 — дети.\n\n\
    До 31 марта закрыт въезд в страну, ограничения не затронули грузовые перевозки.";

fn decree() -> (Document<'static>, Analysis) {
    let doc = Document::parse(DECREE).unwrap().with_id("karaganda");
    let analysis = analyze(&doc);
    (doc, analysis)
}

fn escape_html(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&#39;")
}

#[test]
fn the_fixture_is_a_realistic_timeline() {
    let (_, analysis) = article();
    let t = &analysis.timeline;
    assert!(t.len() >= 12, "{}", t.len());
    let kinds: Vec<EventKind> = t.iter().filter_map(|e| e.kinds.first().copied()).collect();
    let mut distinct = kinds.clone();
    distinct.sort();
    distinct.dedup();
    assert!(distinct.len() >= 6, "{distinct:?}");
    assert!(t.iter().filter(|e| e.first_day() != e.last_day()).count() >= 3, "intervals");
    assert!(t.iter().any(|e| e.evidence.len() > 1), "an event with more than one sentence");
    assert!(t.iter().any(|e| e.modifier.is_some()), "an open bound");
    assert!(t.series(FigureWhat::Cases).len() >= 4);
    assert!(!t.undated().is_empty());
}

#[test]
fn timeml_is_well_formed_and_tags_every_mention() {
    let (doc, analysis) = article();
    let xml = timeml(&doc, &analysis);
    let elements = balanced(&xml, false).unwrap_or_else(|e| panic!("{e}\n{xml}"));
    assert_eq!(elements.iter().filter(|n| *n == "TimeML").count(), 1);
    // A range is its two ends and the duration between them.
    let ranges = analysis.mentions.iter().filter(|m| matches!(m.value, Value::Interval(..))).count();
    assert!(ranges >= 2, "{:?}", analysis.mentions);
    assert_eq!(elements.iter().filter(|n| *n == "TIMEX3").count(), analysis.mentions.len() + 1 + 2 * ranges);
    assert!(xml.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<TimeML>\n<DOCID>"), "{xml}");
    assert!(!xml.contains("<!DOCTYPE"));
    assert!(xml.contains(
        "<DCT><TIMEX3 tid=\"t0\" type=\"TIME\" value=\"2020-04-03T16:45\" temporalFunction=\"false\" \
         functionInDocument=\"CREATION_TIME\">2020-04-03T16:45</TIMEX3></DCT>"
    ));
    assert!(xml.contains("<DOCID>pavlodar-2020-04-03</DOCID>"));
    let text = doc.text();
    let mut next_end = analysis.mentions.len() + 1;
    for (i, m) in analysis.mentions.iter().enumerate() {
        let mut tag = match &m.value {
            Value::Interval(a, b) => {
                let (kind_a, kind_b) = (point(a), point(b));
                let (a, b) = (regex::escape(&a.to_string()), regex::escape(&b.to_string()));
                let ends = format!(
                    "<TIMEX3 tid=\"t{next_end}\" type=\"{kind_a}\" value=\"{a}\"[^>]*/>\
                     <TIMEX3 tid=\"t{}\" type=\"{kind_b}\" value=\"{b}\"[^>]*/>",
                    next_end + 1
                );
                let tag = format!("{ends}<TIMEX3 tid=\"t{}\" type=\"DURATION\" value=\"PT?[0-9X]+[DMWYHS]\"", i + 1);
                next_end += 2;
                tag
            }
            v => format!("<TIMEX3 tid=\"t{}\" type=\"{}\" value=\"{}\"", i + 1, m.kind, regex::escape(&v.to_string())),
        };
        if let Some(modifier) = m.modifier {
            tag.push_str(&format!(" mod=\"{modifier}\""));
        }
        let relative = m.anchor != Anchor::Absolute && matches!(m.kind, TimexType::Date | TimexType::Time);
        let relative = relative && !matches!(m.value, Value::Interval(..));
        tag.push_str(&format!("[^>]* temporalFunction=\"{relative}\"[^>]*>"));
        tag.push_str(&regex::escape(&format!("{}</TIMEX3>", m.text(text))));
        let re = regex::Regex::new(&tag).unwrap();
        assert!(re.is_match(&xml), "{tag}\n{xml}");
    }
    assert_eq!(strip(between(&xml, "<TEXT>", "</TEXT>")), text);
    assert!(xml.contains("&quot;Весна &amp; джаз&quot;") || xml.contains("\"Весна &amp; джаз\""));
    assert!(xml.contains("Ертіс &lt;Транс&gt;"));
}

/// The TIMEX3 type of a range's end.
fn point(v: &Value) -> &'static str {
    match v {
        Value::Time { .. } | Value::PartOfDay { .. } => "TIME",
        _ => "DATE",
    }
}

#[test]
fn markdown_has_one_row_per_event() {
    let (doc, analysis) = article();
    let md = markdown(&doc, &analysis);
    assert!(md.starts_with("# pavlodar-2020-04-03 — published 2020-04-03T16:45\n"), "{md}");
    let rows: Vec<&str> =
        md.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| When ") && !l.starts_with("| --- ")).collect();
    assert_eq!(rows.len(), analysis.timeline.len(), "{md}");
    assert!(md.contains("| When | Kinds | Places | Figures | Evidence | Sentence |\n"), "{md}");
    for (row, e) in rows.iter().zip(analysis.timeline.iter()) {
        assert!(row.contains(&e.when.to_string()), "{row} / {}", e.when);
        assert!(row.starts_with("| ") && row.ends_with(" |"), "{row}");
        assert_eq!(row.contains("| ↳ "), e.inherited, "{row}");
        // Six cells, the fifth the evidence count.
        let unescaped = row.replace("\\|", "");
        let cells: Vec<&str> = unescaped.split(" | ").collect();
        assert_eq!(cells.len(), 6, "{row}");
        assert_eq!(cells[4], sentences(e.evidence.len()), "{row}");
    }
    let undated = md.split("## Undated sentences").nth(1).expect("an undated section");
    assert_eq!(undated.lines().filter(|l| l.starts_with("- ")).count(), analysis.timeline.undated().len());
    assert!(md.contains("\"Весна \\& джаз\""));
}

#[test]
fn merged_markdown_names_the_sources() {
    let (_, analysis) = article();
    let other = Document::parse(KOSTANAY).unwrap().with_id("kostanay");
    let mut events = analysis.timeline.events().to_vec();
    events.extend(analyze(&other).timeline.events().iter().cloned());
    let merged = Timeline::from_events(events);
    let md = markdown_timeline("Казахстан, весна 2020", &merged);
    assert!(md.starts_with("# Казахстан, весна 2020\n"));
    let rows: Vec<&str> =
        md.lines().filter(|l| l.ends_with(" kostanay |") || l.ends_with(" pavlodar-2020-04-03 |")).collect();
    assert_eq!(rows.len(), merged.len(), "{md}");
    assert!(md.contains(&format!("{} events from 2 documents.", merged.len())));
}

/// The value of attribute `name` in a start tag.
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let key = format!(" {name}=\"");
    let start = tag.find(&key)? + key.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// The start tags of the elements that start with `open` (`<a class="mk"`).
fn tags<'a>(page: &'a str, open: &str) -> Vec<&'a str> {
    page.match_indices(open).map(|(i, _)| &page[i..i + page[i..].find('>').unwrap() + 1]).collect()
}

/// The events of each mark of the picture (1-based numbers, from `data-e`).
fn marks(page: &str) -> Vec<Vec<usize>> {
    tags(page, "<a class=\"mk\"")
        .iter()
        .map(|t| attr(t, "data-e").unwrap().split(' ').map(|n| n.parse().unwrap()).collect())
        .collect()
}

/// The events listed outside the axis.
fn outside(page: &str) -> Vec<usize> {
    tags(page, "<tr id=\"out-").iter().map(|t| attr(t, "data-e").unwrap().parse().unwrap()).collect()
}

/// The picture's width and height.
fn chart_size(page: &str) -> (f64, f64) {
    let tag = tags(page, "<svg class=\"chart\"")[0];
    (attr(tag, "width").unwrap().parse().unwrap(), attr(tag, "height").unwrap().parse().unwrap())
}

/// Checks that every event of `t` is in exactly one mark or listed outside the axis, and
/// returns how many marks there are.
fn every_event_once(page: &str, t: &Timeline) -> usize {
    let mut seen = vec![0usize; t.len() + 1];
    let marks = marks(page);
    for n in marks.iter().flatten().chain(&outside(page)) {
        seen[*n] += 1;
    }
    assert_eq!(seen[0], 0);
    for (n, times) in seen.iter().enumerate().skip(1) {
        assert_eq!(*times, 1, "event {n} is drawn or listed {times} times");
    }
    marks.len()
}

/// The page is one self-contained document: one inline script, no external resource, no
/// event handler attribute, no URL but the SVG namespace.
fn self_contained(page: &str) {
    let elements = balanced(page, true).unwrap_or_else(|e| panic!("{e}"));
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert_eq!(elements.iter().filter(|n| *n == "script").count(), 1);
    assert!(page.contains("<script>\n"), "an inline script, no src");
    assert!(!page.contains(" src=") && !page.contains("<link") && !page.contains("<img") && !page.contains("<iframe"));
    assert!(!page.to_lowercase().contains("javascript:"));
    assert!(!regex::Regex::new(r"\son[a-z]+=").unwrap().is_match(page), "no event handlers");
    let xmlns = "xmlns=\"http://www.w3.org/2000/svg\"";
    assert_eq!(page.matches("http").count(), page.matches(xmlns).count(), "only the SVG namespace is a URL");
    assert_eq!(page.matches(xmlns).count(), usize::from(page.contains("<svg class=\"chart\"")));
    assert!(
        !page.contains("url(") && !page.contains("@import") && !page.contains("fetch(") && !page.contains("XMLHttp")
    );
    assert_eq!(elements.iter().filter(|n| *n == "form").count(), 1);
    assert!(page.contains("<form id=\"controls\" class=\"controls\" hidden>"), "hidden until the script runs");
}

#[test]
fn html_is_well_formed_self_contained_and_draws_every_event() {
    let (_, analysis) = article();
    let page = html("Павлодар: хроника <март–апрель> & \"карантин\"", &analysis.timeline);
    self_contained(&page);
    assert!(page.contains("<title>Павлодар: хроника &lt;март–апрель&gt; &amp; &quot;карантин&quot;</title>"));
    assert_eq!(tags(&page, "<svg class=\"chart\"").len(), 1);

    let t = &analysis.timeline;
    every_event_once(&page, t);
    let marks = marks(&page);
    for (i, e) in t.iter().enumerate() {
        let n = i + 1;
        assert_eq!(page.matches(&format!("data-event=\"{n}\"")).count(), 1, "event {n}: its row");
        assert!(page.contains(&format!("id=\"row-{n}\"")));
        let sentence = escape_html(&e.text);
        let when = escape_html(&e.when.to_string());
        if page.contains(&format!("id=\"event-{n}\"")) {
            let marker = between(&page, &format!("id=\"event-{n}\""), "</a>");
            let tooltip = between(marker, "<title>", "</title>");
            assert!(tooltip.contains(&sentence), "{tooltip}");
            assert!(tooltip.contains(&when), "{tooltip}");
            assert!(tooltip.contains(&format!(" · {} — ", sentences(e.evidence.len()))), "{tooltip}");
            // The short title: the kind, then the most specific place, first and visible.
            let label = between(marker, "<text class=\"l\"", "</text>");
            let kind = e.kinds.first().copied().unwrap_or(EventKind::Other).label();
            assert!(tooltip.starts_with(kind) && label.contains(&format!(">{kind}")), "{tooltip} / {label}");
            if let Some(p) = e.places.iter().max_by(|a, b| a.kind.cmp(&b.kind).then_with(|| b.name.cmp(&a.name))) {
                assert!(tooltip.starts_with(&format!("{kind} · {}\n", p.name)), "{tooltip}");
            }
        } else if let Some(m) = marks.iter().position(|m| m.contains(&n)) {
            let mark = page.match_indices("<a class=\"mk\"").nth(m).unwrap().0;
            let tooltip = between(&page[mark..], "<title>", "</title>");
            assert!(tooltip.contains(&format!("\n#{n} · {when}")), "{tooltip}");
        } else {
            let row = between(&page, &format!("<tr id=\"out-{n}\""), "</tr>");
            assert!(row.contains(&when) && row.contains(&sentence), "{row}");
        }
        let row = between(&page, &format!("id=\"row-{n}\""), "</tr>");
        assert!(row.contains(&sentence), "{row}");
        assert!(row.contains(&format!("<td class=\"evidence\">{}</td>", sentences(e.evidence.len()))), "{row}");
        for p in &e.places {
            assert!(row.contains(&escape_html(&format!("{} ({})", p.name, p.code))), "{row}");
        }
    }
    assert!(!page.contains(&format!("data-event=\"{}\"", t.len() + 1)));
    assert!(page.contains("Ертіс &lt;Транс&gt;") && page.contains("Весна &amp; джаз"));
    // Each lane is titled with its kind.
    let titles = between(&page, "<g class=\"titles\">", "</g>");
    for n in marks.iter().flatten() {
        let e = &t.events()[n - 1];
        assert!(titles.contains(&format!(">{}</text>", e.kinds[0].label())), "{}", e.kinds[0].label());
    }
    for u in t.undated() {
        assert!(page.contains(&format!("<li>{}</li>", escape_html(&u.text))));
    }
}

#[test]
fn html_edge_cases() {
    let empty = html("Пусто", &Timeline::default());
    balanced(&empty, true).unwrap();
    assert!(empty.contains("There are no dated events."));
    assert!(!empty.contains("<svg") && !empty.contains("<table") && !empty.contains("<script"));

    let doc = Document::parse("date 2020-03-20 Сегодня закрыли школы. Сегодня выявлено 5 случаев заражения.").unwrap();
    let one_day = html("Один день", &analyze(&doc).timeline);
    balanced(&one_day, true).unwrap();
    assert!(one_day.contains("2 events on 2020-03-20"));
    assert!(one_day.contains(">20 Mar</text>"));
    assert!(!one_day.contains("<figure"), "no running total, no case chart");

    // A year is coarser than a month: listed, not drawn.
    let doc = Document::parse(
        "date 2021-06-01 В 2019 году построили больницу. 16 марта 2020 года ввели режим ЧП. \
         1 февраля 2021 года началась вакцинация.",
    )
    .unwrap();
    let t = analyze(&doc).timeline;
    let years = html("Три года", &t);
    balanced(&years, true).unwrap();
    every_event_once(&years, &t);
    assert!(years.contains("3 events from 2019-01-01 to 2021-02-01"), "{years}");
    assert!(years.contains("the axis shows 2 from 2020-03-16 to 2021-02-01"), "{years}");
    assert_eq!(outside(&years), [1]);
    assert!(between(&years, "<tr id=\"out-1\"", "</tr>").contains("coarser than a month"));
    for year in ["2020", "2021"] {
        assert!(years.contains(&format!(">{year}</text>")), "{year}");
    }
    assert!(!years.contains(">2019</text>"), "the axis does not reach 2019");

    // Nothing to draw: no picture, no zoom; the events are listed outside the axis.
    let t = Timeline::from_events(vec![
        khronika::Event::new(
            "2020".parse().unwrap(),
            None,
            khronika::Span::default(),
            "В этом году концерты отменены.",
        ),
        khronika::Event::new(
            "PRESENT_REF".parse().unwrap(),
            None,
            khronika::Span::default(),
            "Сейчас <b>всё</b> закрыто.",
        ),
    ]);
    let page = html("Без дней", &t);
    self_contained(&page);
    every_event_once(&page, &t);
    assert!(!page.contains("<svg") && !page.contains("id=\"zoom\""));
    assert!(page.contains("No event has a day to draw"));
    let now = t.iter().position(|e| e.first_day().is_none()).unwrap() + 1;
    assert!(between(&page, &format!("<tr id=\"out-{now}\""), "</tr>").contains("not a calendar date"));
    assert!(between(&page, &format!("<tr id=\"out-{}\"", 3 - now), "</tr>").contains("coarser than a month"));
    assert!(page.contains("Сейчас &lt;b&gt;всё&lt;/b&gt; закрыто."));

    let merged = Timeline::from_events(
        analyze(&Document::parse(ARTICLE).unwrap().with_id("a"))
            .timeline
            .events()
            .iter()
            .chain(analyze(&Document::parse(KOSTANAY).unwrap().with_id("b")).timeline.events())
            .cloned()
            .collect(),
    );
    let page = html("Два источника", &merged);
    balanced(&page, true).unwrap();
    assert!(page.contains("<th>Sources</th>"));
    every_event_once(&page, &merged);
}

/// A stray year (`в этом году`) and a date years away do not stretch the axis: they are
/// listed outside it, and the axis is the month the article is about.
#[test]
fn an_outlier_does_not_stretch_the_axis() {
    let text = "date 2020-03-20\nС 16 марта в Алматы закрыты все школы.\n\n17 марта в городе ввели карантин.\n\n\
        18 марта в Алматы выявлено 5 новых случаев коронавируса.\n\n19 марта отменили все массовые мероприятия.\n\n\
        Все концерты в этом году перенесены на осень.\n\nВ январе 2015 года в Алматы открыли инфекционную больницу.";
    let t = analyze(&Document::parse(text).unwrap()).timeline;
    let values: Vec<String> = t.iter().map(|e| e.when.to_string()).collect();
    assert!(values.contains(&"2020".to_string()) && values.contains(&"2015-01".to_string()), "{values:?}");
    let page = html("Алматы", &t);
    self_contained(&page);
    every_event_once(&page, &t);
    let tag = tags(&page, "<svg class=\"chart\"")[0];
    assert_eq!(attr(tag, "data-start"), Some("2020-03-16"), "{tag}");
    assert_eq!(attr(tag, "data-days"), Some("4"), "{tag}");
    let year = t.iter().position(|e| e.when.to_string() == "2020").unwrap() + 1;
    let old = t.iter().position(|e| e.when.to_string() == "2015-01").unwrap() + 1;
    let mut listed = outside(&page);
    listed.sort_unstable();
    // `на осень` is a season: coarser than a month too.
    let autumn = t.iter().position(|e| e.when.to_string().ends_with("-FA")).unwrap_or_else(|| panic!("{values:?}")) + 1;
    let mut expected = vec![year, old, autumn];
    expected.sort_unstable();
    assert_eq!(listed, expected);
    assert!(between(&page, &format!("<tr id=\"out-{year}\""), "</tr>").contains("coarser than a month"));
    assert!(between(&page, &format!("<tr id=\"out-{old}\""), "</tr>").contains("before the axis"));
    assert!(!page.contains(">2015</text>") && !page.contains(">Jan</text>"), "no tick of 2015");
}

/// Places and kinds for the corpus below, as a sentence names them.
const CITIES: [(&str, &str); 8] = [
    ("Алматы", "в Алматы"),
    ("Караганда", "в Караганде"),
    ("Шымкент", "в Шымкенте"),
    ("Павлодар", "в Павлодаре"),
    ("Костанай", "в Костанае"),
    ("Атырау", "в Атырау"),
    ("Актобе", "в Актобе"),
    ("Уральск", "в Уральске"),
];
const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];

/// `n` short news items of a year and a half (written for this test), in the header
/// format: closures, counts, quarantines, vaccination, running totals, a stray year now and
/// then; five a week, of one kind, from five cities.
fn corpus(n: usize) -> Vec<String> {
    let start = chrono::NaiveDate::from_ymd_opt(2020, 3, 1).unwrap();
    (0..n)
        .map(|i| {
            let day = start + chrono::Duration::days((i / 5 * 7) as i64);
            let published = day + chrono::Duration::days(1);
            let (_, at) = CITIES[i % CITIES.len()];
            let date = format!("{} {}", chrono::Datelike::day(&day), MONTHS[chrono::Datelike::month0(&day) as usize]);
            let total = 100 + i * 13;
            let body = match i / 5 % 6 {
                0 => format!("{date} {at} закрыли все школы и детские сады."),
                1 => format!("{date} {at} выявлено {} новых случаев коронавируса.", 3 + i % 40),
                2 => format!("С {date} {at} вводится карантин."),
                3 => format!("{date} {at} началась вакцинация от коронавируса."),
                4 => format!("По состоянию на {date} всего {at} с начала пандемии зарегистрировано {total} случаев коронавируса."),
                _ => format!("{date} {at} отменили все массовые мероприятия. Все фестивали в этом году перенесены."),
            };
            format!("date {published}\nСводка за неделю\n\n{body}")
        })
        .collect()
}

/// The timeline of each text, with an id that holds markup, quotes and a line break.
fn timelines(texts: &[String]) -> impl Iterator<Item = Timeline> + '_ {
    texts
        .iter()
        .enumerate()
        .map(|(i, text)| analyze(&Document::parse(text).unwrap().with_id(format!("doc-{i}<b>\"x\"&\n"))).timeline)
}

/// Merged, a corpus of hundreds of articles draws a picture of a bounded size (the old page
/// grew a lane of 24 px per crowded day: thousands of pixels), with counts for crowded days,
/// every event drawn once or listed, one filter entry per kind and per place, a case chart
/// per place, every id escaped.
#[test]
fn html_of_a_corpus_is_bounded_filterable_and_escaped() {
    let docs = corpus(420);
    let small = Timeline::merge(timelines(&docs[..40]));
    let t = Timeline::merge(timelines(&docs));
    assert!(t.len() >= 400, "{}", t.len());
    let page = html("Корпус <420>", &t);
    self_contained(&page);
    let marks = every_event_once(&page, &t);
    assert!(marks < t.len(), "days are aggregated: {marks} marks for {} events", t.len());
    let counts: Vec<&str> =
        tags(&page, "<a class=\"mk\"").into_iter().filter(|t| !t.contains(" id=\"event-")).collect();
    assert!(!counts.is_empty());
    assert!(counts.iter().all(|c| attr(c, "data-e").unwrap().split(' ').count() >= 3), "a count is of 3 or more");

    // Bounded: the height is that of the lanes (one per kind), not of the events.
    let lanes = page.matches("<g class=\"lane\"").count();
    let (width, height) = chart_size(&page);
    let (_, small_height) = chart_size(&html("Корпус", &small));
    assert!(width <= 1600.0, "{width}");
    assert!(height <= lanes as f64 * 60.0 + 140.0, "{height} px for {lanes} lanes");
    assert!(height <= small_height + 2.0 * 20.0 * lanes as f64, "{height} vs {small_height} for 40 documents");
    assert!(height < 1200.0, "{height}");

    // One filter entry per kind (an event's first kind) and per place.
    let mut kinds: Vec<&str> = t.iter().map(|e| e.kinds.first().copied().unwrap_or(EventKind::Other).id()).collect();
    kinds.sort_unstable();
    kinds.dedup();
    let mut boxes: Vec<&str> =
        tags(&page, "<input type=\"checkbox\" name=\"k\"").iter().map(|t| attr(t, "value").unwrap()).collect();
    boxes.sort_unstable();
    assert_eq!(boxes, kinds);
    let mut places: Vec<String> = t.iter().flat_map(|e| e.places.iter().map(|p| p.name.to_string())).collect();
    places.sort_unstable();
    places.dedup();
    assert!(places.len() >= CITIES.len(), "{places:?}");
    let entries = tags(&page, "<input type=\"checkbox\" name=\"p\"").len();
    let unplaced = usize::from(t.iter().any(|e| e.places.is_empty()));
    assert_eq!(entries, places.len() + unplaced);
    for p in &places {
        assert_eq!(page.matches(&format!("<span class=\"pn\">{}</span>", escape_html(p))).count(), 1, "{p}");
    }
    // The zoom, and a row for the script to filter on for each event.
    assert!(page.contains("<input type=\"range\" id=\"zoom\""));
    assert_eq!(page.matches("<tr id=\"row-").count(), t.len());

    // A step chart of the running totals for each city that reports them.
    let charts: Vec<&str> = tags(&page, "<figure class=\"place\"");
    let mut reporting: Vec<&str> =
        (0..docs.len()).filter(|i| i / 5 % 6 == 4).map(|i| CITIES[i % CITIES.len()].0).collect();
    reporting.sort_unstable();
    reporting.dedup();
    assert_eq!(charts.len(), reporting.len(), "{charts:?}");
    for name in reporting {
        let caption = between(&page, &format!("<figcaption>{name} ("), "</figcaption>");
        assert!(caption.contains(" reports · latest "), "{caption}");
    }

    // Ids with markup, quotes and a line break are escaped wherever they are written.
    assert!(!page.contains("<b>\"x\""), "a raw id");
    assert!(page.contains("doc-0&lt;b&gt;&quot;x&quot;&amp;\n"), "the escaped id in the Sources column");
    assert!(page.contains("<title>Корпус &lt;420&gt;</title>"));
}

/// At scale: a timeline of 60 000 events on 600 days in 5 kinds and 60 places is drawn in a
/// bounded picture, every event once (time is measured by the benches, not here).
#[test]
fn html_of_many_events_is_bounded() {
    use khronika::{Event, Place, PlaceKind, Span};
    let first = chrono::NaiveDate::from_ymd_opt(2020, 1, 1).unwrap();
    let kinds =
        [EventKind::Quarantine, EventKind::Cases, EventKind::SchoolClosing, EventKind::Vaccination, EventKind::Other];
    let events: Vec<Event> = (0..60_000usize)
        .map(|i| {
            let day = first + chrono::Duration::days((i * 37 % 600) as i64);
            let mut e = Event::new(Value::Day(day), None, Span::default(), format!("Событие номер {i}."));
            e.kinds = vec![kinds[i % kinds.len()]].into();
            e.places = vec![Place {
                name: format!("Город {}", i % 60).into(),
                kind: PlaceKind::City,
                country: "KZ".into(),
                code: "".into(),
                sentence: 0,
                context: false,
            }]
            .into();
            e
        })
        .collect();
    let t = Timeline::from_events(events);
    let page = html("Много", &t);
    every_event_once(&page, &t);
    let (_, height) = chart_size(&page);
    assert!(height < 500.0, "{height}");
    assert_eq!(tags(&page, "<input type=\"checkbox\" name=\"p\"").len(), 60);
    assert!(marks(&page).len() <= 5 * 600, "one mark per lane and day");
}

#[test]
fn the_checker_catches_broken_markup() {
    assert!(balanced("<p><b></p></b>", true).is_err());
    assert!(balanced("<p>a & b</p>", true).is_err());
    assert!(balanced("<p>a > b</p>", true).is_err());
    assert!(balanced("<p title=\"a\"b\">x</p>", true).is_err());
    assert!(balanced("<div>", true).is_err());
    assert!(balanced("<meta charset=\"utf-8\"><p>a<br>b<wbr><svg><circle r=\"1\"/></svg></p>", true).is_ok());
    assert!(balanced("<meta charset=\"utf-8\">", false).is_err());
    assert!(balanced("<script>if (a < b && c > d) x();</script>", true).is_ok());
    assert!(balanced("<script>s = \"</b>\";</script>", true).is_err());
    assert!(balanced("<script>x();", true).is_err());
}

#[test]
fn text_has_one_line_per_event_and_every_format_has_a_name() {
    use khronika::export::{text, Format};
    let (doc, analysis) = article();
    let mut out = Vec::new();
    text::write_document(&mut out, &doc, &analysis).unwrap();
    let out = String::from_utf8(out).unwrap();
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), analysis.timeline.len() + 1, "{out}");
    assert!(lines[0].starts_with("# pavlodar-2020-04-03 (published 2020-04-03T16:45): "), "{out}");
    for (line, e) in lines[1..].iter().zip(analysis.timeline.iter()) {
        assert!(line.starts_with(&e.when.to_string()), "{line}");
        assert_eq!(line.contains(" ↳ "), e.inherited, "{line}");
    }
    for format in Format::ALL {
        assert_eq!(format.name().parse::<Format>().ok(), Some(*format));
        let mut page = Vec::new();
        format.write_document(&mut page, &doc, &analysis).unwrap();
        assert!(!page.is_empty(), "{format:?}");
    }
    let mut page = Vec::new();
    assert!(Format::Timeml.write_timeline(&mut page, "t", &analysis.timeline).is_err());
    Format::Markdown.write_timeline(&mut page, "Корпус", &analysis.timeline).unwrap();
    assert!(page.starts_with("# Корпус\n".as_bytes()));
}

/// Control characters in an id or a sentence reach no format raw: text and Markdown escape
/// them (a line break in a cell is a space), so no field starts a line of its own.
#[test]
fn control_characters_are_escaped() {
    use khronika::export::text;
    let doc = Document::parse("date 2020-03-20 Вчера\u{1b}[2J выявлено 9 случаев.").unwrap().with_id("a\n2099-01-01 x");
    let analysis = analyze(&doc);
    let mut out = Vec::new();
    text::write_document(&mut out, &doc, &analysis).unwrap();
    let out = String::from_utf8(out).unwrap();
    assert_eq!(out.lines().count(), 2, "{out}");
    assert!(out.contains("Вчера\\u{1b}[2J выявлено") && !out.contains('\u{1b}'), "{out}");
    let md = markdown(&doc, &analysis);
    assert!(!md.contains('\u{1b}') && !md.lines().any(|l| l.starts_with("2099")), "{md}");
}

/// The event of a decree is one row with its evidence count and measures, in Markdown and
/// HTML (table and tooltip); figures say new or part; places carry their codes in HTML.
#[test]
fn evidence_count_and_measures_are_shown() {
    let (doc, analysis) = decree();
    let t = &analysis.timeline;
    let quarantine = t.iter().position(|e| e.kinds.contains(&EventKind::Quarantine)).expect("the decree");
    let e = &t.events()[quarantine];
    assert_eq!(e.evidence.len(), 3, "{e:?}");
    assert_eq!(e.measures, [EventKind::WorkplaceClosing, EventKind::SchoolClosing]);

    let md = markdown(&doc, &analysis);
    assert_eq!(md.lines().filter(|l| l.starts_with("| ") && l.contains("Караганд")).count(), 1, "{md}");
    assert!(
        md.contains(
            "| from 2020-03-22 | quarantine; measures: workplace closing, school closing | Караганда |  | 3 sentences | \
             С 22 марта в Караганде вводится карантин. |"
        ),
        "{md}"
    );
    assert!(md.contains("| 14 cases (new), 5 cases (new, part) | 2 sentences |"), "{md}");
    assert!(!md.contains("Закрываются все торговые центры"), "a measure folded in is no row: {md}");

    let page = html("Караганда", t);
    balanced(&page, true).unwrap();
    let n = quarantine + 1;
    let row = between(&page, &format!("id=\"row-{n}\""), "</tr>");
    assert!(row.contains("<span class=\"measures\">measures: workplace closing, school closing</span>"), "{row}");
    assert!(row.contains("<td>Караганда (KZ-35)</td>"), "{row}");
    assert!(row.contains("<td class=\"evidence\">3 sentences</td>"), "{row}");
    let marker = between(&page, &format!("id=\"event-{n}\""), "</a>");
    let tooltip = between(marker, "<title>", "</title>");
    assert!(
        tooltip.starts_with(&format!(
            "quarantine · Караганда\n#{n} · from 2020-03-22 · quarantine · measures: workplace closing, school closing · \
             3 sentences — С 22 марта"
        )),
        "{tooltip}"
    );
    assert!(page.contains("<td>Алматы (KZ-75)</td><td>14 cases (new), 5 cases (new, part)</td>"), "{page}");
}

#[cfg(feature = "json")]
/// The key tables of `docs/json-schema.md`: object name → its keys, in the order written.
fn documented_keys() -> Vec<(String, Vec<String>)> {
    const DOC: &str = include_str!("../docs/json-schema.md");
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    let mut current: Option<usize> = None;
    for line in DOC.lines() {
        if let Some(name) = line.strip_prefix("<!-- keys: ").and_then(|l| l.strip_suffix(" -->")) {
            out.push((name.to_string(), Vec::new()));
            current = Some(out.len() - 1);
        } else if let (Some(i), Some(row)) = (current, line.strip_prefix("| `")) {
            let key = row.split('`').next().unwrap_or("");
            out[i].1.push(key.to_string());
        } else if line.is_empty() && current.is_some_and(|i| !out[i].1.is_empty()) {
            current = None;
        }
    }
    out
}

#[cfg(feature = "json")]
/// The keys of every object of one name in real records, in order of first appearance.
fn keys_of(name: &str, records: &[serde_json::Value]) -> Vec<String> {
    let object = |v: &serde_json::Value| v.as_object().cloned();
    let mut owned = Vec::new();
    for r in records {
        let list = |key: &str| r[key].as_array().cloned().unwrap_or_default();
        match name {
            "document" | "error" => owned.extend(object(r)),
            "mention" => owned.extend(list("mentions").iter().filter_map(object)),
            "event" => owned.extend(list("events").iter().filter_map(object)),
            "undated" => owned.extend(list("undated").iter().filter_map(object)),
            "span" => owned.extend(list("events").iter().flat_map(|e| {
                let mut spans = vec![e["sentence"].clone()];
                spans.extend(e["evidence"].as_array().cloned().unwrap_or_default());
                spans.into_iter().filter_map(|s| object(&s))
            })),
            "place" | "figure" => {
                let field = if name == "place" { "places" } else { "figures" };
                owned.extend(
                    list("events")
                        .iter()
                        .flat_map(|e| e[field].as_array().cloned().unwrap_or_default())
                        .filter_map(|v| object(&v)),
                )
            }
            other => panic!("no object {other}"),
        }
    }
    let mut keys: Vec<String> = Vec::new();
    for o in &owned {
        for k in o.keys() {
            if !keys.contains(k) {
                keys.push(k.clone());
            }
        }
    }
    keys
}

/// `docs/json-schema.md` lists exactly the keys real records have: the CLI's `--format
/// json` record of the two fixtures (every optional key appears in one of them) and a corpus
/// error record. A key added to the output, or dropped from it, fails this test until the
/// page says so.
#[test]
#[cfg(feature = "json")]
fn json_keys_are_the_documented_ones() {
    use khronika::export::Format;
    let mut records = Vec::new();
    for (doc, analysis) in [article(), decree()] {
        let mut out = Vec::new();
        Format::Json.write_document(&mut out, &doc, &analysis).unwrap();
        records.push(serde_json::from_slice::<serde_json::Value>(&out).unwrap());
    }
    let mut errors = Vec::new();
    let line = "{\"id\": 5, \"date\": \"2020-13-01\", \"text\": \"x\"}";
    khronika::corpus::write_record(&mut errors, 2, line.as_bytes()).unwrap();
    let errors = vec![serde_json::from_slice::<serde_json::Value>(&errors).unwrap()];
    let documented = documented_keys();
    let names: Vec<&str> = documented.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["document", "mention", "event", "span", "place", "figure", "undated", "error"]);
    for (name, keys) in &documented {
        let source = if name == "error" { &errors } else { &records };
        let mut real = keys_of(name, source);
        let mut keys = keys.clone();
        real.sort();
        keys.sort();
        assert_eq!(real, keys, "the keys of a {name} record (left: output, right: docs/json-schema.md)");
    }
}

/// The examples of `docs/events.md` still do what the page says (each row: the text after
/// `date 2020-04-10`, then per event its value, evidence count and inherited flag, then the
/// number of undated sentences).
#[test]
fn the_examples_of_docs_events_hold() {
    type Row = (&'static str, &'static [(&'static str, usize, bool)], usize);
    let rows: &[Row] = &[
        ("Вчера в Костанае выявлено 7 случаев коронавируса. Все они прибыли из Астаны.", &[("2020-04-09", 2, false)], 0),
        ("В Жезказгане 12 апреля ввели карантин. Об этом сообщили в акимате города.", &[("2020-04-12", 2, false)], 0),
        (
            "С 15 апреля в Уральске вводится карантин.\nЗакрываются кафе, рестораны и торговые центры.\n\
             Школы переходят на дистанционное обучение.",
            &[("2020-04-15", 3, false)],
            0,
        ),
        (
            "Вчера в Актобе закрыли все рынки. Общественный транспорт будет ходить по сокращённому графику.",
            &[("2020-04-09", 1, false), ("2020-04-09", 1, true)],
            0,
        ),
        ("Вчера в Атырау выявили 3 случая коронавируса. Ранее в городе закрыли школы.", &[("2020-04-09", 1, false)], 1),
        (
            "Вчера в Шымкенте выявили 9 случаев. Всего с начала пандемии в городе заболели 210 человек.",
            &[("2020-04-09", 1, false)],
            1,
        ),
        (
            "Вчера в Кокшетау ввели масочный режим. Если число заболевших вырастет, город закроют на карантин.",
            &[("2020-04-09", 1, false)],
            1,
        ),
        (
            "Вчера в Таразе открыли новый инфекционный госпиталь.\n\nГорожан просят не выходить из дома.",
            &[("2020-04-09", 1, false)],
            1,
        ),
        ("Выходными объявлены 13, 14 и 15 апреля.", &[("2020-04-13/2020-04-15", 1, false)], 0),
        ("Вчера в Семее выявили 15 случаев, против 6 накануне.", &[("2020-04-09", 1, false)], 0),
        ("Вчера в Семее выявили 120 случаев. Для сравнения, днём ранее сообщалось о 98 случаях.", &[("2020-04-09", 1, false)], 1),
        ("С 13 апреля разрешат работу торговых центров в выходные дни.", &[("2020-04-13", 1, false)], 0),
        ("За сутки выявлено 1 204 случая. Из них в Алматы — 310, в Шымкенте — 95.", &[("2020-04-09/2020-04-10", 2, false)], 0),
        ("Вчера в 18:00 в Актау закрыли въезд в город.", &[("2020-04-09T18:00", 1, false)], 0),
        (
            "В Караганде карантин ввели 30 марта, а 5 апреля в Темиртау закрыли рынки.",
            &[("2020-03-30", 1, false), ("2020-04-05", 1, false)],
            0,
        ),
        (
            "10 апреля 2020, 08:30\nВчера в Алматы выявили 20 новых случаев коронавируса.",
            &[("2020-04-09", 1, false)],
            1,
        ),
        (
            "В Петропавловске 8 апреля закрыли рынки\n\nРынки Петропавловска закрыли 8 апреля по решению оперативного штаба.",
            &[("2020-04-08", 2, false)],
            0,
        ),
        ("Вчера в Павлодаре подтвердили 12 новых случаев. Из них 4 — медики.", &[("2020-04-09", 2, false)], 0),
        (
            "С 16 марта в стране действует режим чрезвычайного положения. Постановлением предусмотрено:\n\
             1) закрытие всех учебных заведений;\n2) запрет на проведение массовых мероприятий.",
            &[("2020-03-16", 4, false)],
            0,
        ),
    ];
    for (text, events, undated) in rows {
        let source = format!("date 2020-04-10\n{text}");
        let t = analyze(&Document::parse(&source).unwrap()).timeline;
        let got: Vec<(String, usize, bool)> =
            t.iter().map(|e| (e.when.to_string(), e.evidence.len(), e.inherited)).collect();
        let want: Vec<(String, usize, bool)> = events.iter().map(|(w, n, i)| (w.to_string(), *n, *i)).collect();
        assert_eq!(got, want, "{text}");
        assert_eq!(t.undated().len(), *undated, "{text}");
    }
    // The places, measures and figures the page names.
    let read = |text: &str| analyze(&Document::parse(&format!("date 2020-04-10\n{text}")).unwrap()).timeline;
    let t = read(
        "С 15 апреля в Уральске вводится карантин.\nЗакрываются кафе, рестораны и торговые центры.\n\
                  Школы переходят на дистанционное обучение.",
    );
    assert_eq!(t.events()[0].measures, [EventKind::WorkplaceClosing, EventKind::SchoolClosing]);
    assert_eq!(t.events()[0].places[0].code, "KZ-27");
    let t =
        read("Вчера в Казахстане выявили 40 новых случаев коронавируса.\n\nСегодня в республике закрыли все рынки.");
    assert_eq!(t.events()[1].places.iter().map(|p| p.code.as_ref()).collect::<Vec<_>>(), ["KAZ"]);
    let t = read("Вчера выявлено 60 новых случаев: в Алматы — 35, в Шымкенте — 15, в Таразе — 10.");
    assert_eq!(t.events()[0].figures.iter().map(|f| f.value).collect::<Vec<_>>(), [60.0, 35.0, 15.0, 10.0]);
    let t = read("По данным на 9 апреля, общее число заболевших в стране достигло 812 человек.");
    assert_eq!(t.events()[0].figures[0].count, Some(khronika::Count::Cumulative));
    // The merge's examples.
    let timeline = |id: &str, date: &str, text: &str| {
        let source = format!("date {date}\n{text}");
        analyze(&Document::parse(&source).unwrap().with_id(id)).timeline
    };
    let m1 = timeline("m1", "2020-04-10", "Вчера в Костанае закрыли все рынки.");
    let m2 = timeline("m2", "2020-04-09", "Сегодня власти Костаная закрыли рынки города.");
    let m3 =
        timeline("m3", "2020-04-10", "С 1 по 30 апреля в Костанае закрыты рынки. 5 апреля в Костанае закрыли рынки.");
    let merged = Timeline::merge([m1.clone(), m2.clone()]);
    assert_eq!(merged.len(), 1);
    assert_eq!(merged.events()[0].sources.len(), 2);
    assert_eq!(Timeline::merge([m3.clone()]).len(), 2, "no self-merge");
    assert_eq!(Timeline::merge([m3, m1, m2]).len(), 3, "the interval rule");
}
