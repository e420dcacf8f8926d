//! The CSV and tilse exports: CSV read back (with the csv crate's reader) gives the events
//! and mentions the JSON export gives; quoting keeps every value in its field; tilse output
//! parses by tilse's own reading rules.

use khronika::export::csv::{write_corpus, write_events, write_mentions, CorpusOptions, Writer, EVENT_COLUMNS};
use khronika::export::json::DocumentRecord;
use khronika::export::tilse::{tilse, SEPARATOR};
use khronika::export::Rows;
use khronika::{analyze, Document, Event, Source, Timeline};
use std::collections::BTreeMap;

/// A fixture written for these tests in the style of a regional news item of 2020.
const ARTICLE: &str = "date 2020-04-03T10:00
Павлодар, 3 апреля. За последние сутки в Павлодарской области выявлено 12 новых случаев коронавируса, всего с начала эпидемии — 56.
Из них 5 человек выздоровели.
Режим чрезвычайного положения в стране действует с 16 марта по 15 апреля.
С 1 апреля в Караганде и Павлодаре закрыты торговые центры, рестораны и кинотеатры.
На прошлой неделе из бюджета выделили 2 млрд тенге на выплаты тем, кто потерял доход.
Вчера вечером в Экибастузе провели более 300 тестов.
Школы перейдут на дистанционное обучение до конца апреля.";

fn article() -> (Document<'static>, khronika::Analysis) {
    let doc = Document::parse(ARTICLE).unwrap().with_id("pavlodar, \"3 апреля\"");
    let analysis = analyze(&doc);
    (doc, analysis)
}

/// The records of a CSV, read by the csv crate's reader: the header, then the rows, each a
/// map from column to value.
fn read(csv: &[u8]) -> (Vec<String>, Vec<BTreeMap<String, String>>) {
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv);
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), header.len(), "{r:?}");
            header.iter().cloned().zip(r.iter().map(str::to_string)).collect()
        })
        .collect();
    (header, rows)
}

/// Splits a list field on `; ` (an empty field is an empty list).
fn list(field: &str) -> Vec<String> {
    if field.is_empty() {
        Vec::new()
    } else {
        field.split("; ").map(str::to_string).collect()
    }
}

/// A JSON value as a string (its text for a string, else its JSON).
fn s(v: &serde_json::Value) -> String {
    v.as_str().map_or_else(|| v.to_string(), str::to_string)
}

#[test]
fn event_rows_read_back_as_the_json_events() {
    let (doc, analysis) = article();
    let mut out = Vec::new();
    write_events(&mut out, &analysis.timeline).unwrap();
    let (header, rows) = read(&out);
    assert_eq!(header, EVENT_COLUMNS);
    let json = serde_json::to_value(DocumentRecord::new(&doc, &analysis)).unwrap();
    let events = json["events"].as_array().unwrap();
    assert!(events.len() >= 6, "{events:?}");
    assert_eq!(rows.len(), events.len());
    let mut figures_seen = 0;
    for (row, (e, ev)) in rows.iter().zip(events.iter().zip(analysis.timeline.iter())) {
        assert_eq!(row["doc"], "pavlodar, \"3 апреля\"");
        assert_eq!(row["when"], s(&e["when"]));
        assert_eq!(row["mod"], e.get("mod").map(s).unwrap_or_default());
        assert_eq!(row["sentence"], s(&e["text"]));
        assert_eq!(row["evidence"], e["evidence"].as_array().unwrap().len().to_string());
        let ids = |key: &str| e[key].as_array().unwrap().iter().map(s).collect::<Vec<_>>();
        assert_eq!(list(&row["kinds"]), ids("kinds"));
        assert_eq!(list(&row["indicators"]), ids("indicators"));
        let places = e["places"].as_array().unwrap();
        // A context place (`"context": true`) is marked after its name, not in its code.
        let name = |p: &serde_json::Value| {
            let context = if p.get("context").is_some() { " (context)" } else { "" };
            format!("{}{context}", s(&p["name"]))
        };
        assert_eq!(list(&row["places"]), places.iter().map(name).collect::<Vec<_>>());
        assert_eq!(list(&row["place_codes"]), places.iter().map(|p| s(&p["code"])).collect::<Vec<_>>());
        // Figures: `what=[~]value[ unit][ (part)]`, counts aligned with them.
        let figures = e["figures"].as_array().unwrap();
        let items = list(&row["figures"]);
        assert_eq!(items.len(), figures.len(), "{row:?}");
        let counts = list(&row["count"]);
        assert!(counts.is_empty() || counts.len() == figures.len(), "{row:?}");
        for (i, (item, f)) in items.iter().zip(figures).enumerate() {
            figures_seen += 1;
            let (what, rest) = item.split_once('=').unwrap();
            assert_eq!(what, s(&f["what"]));
            let rest = rest.strip_suffix(" (part)").unwrap_or(rest);
            assert_eq!(rest.len() < item.len() - what.len() - 1, f.get("subset").is_some(), "{item}");
            let number = rest.split(' ').next().unwrap();
            assert_eq!(number.starts_with('~'), f["approx"].as_bool().unwrap(), "{item}");
            let value: f64 = number.trim_start_matches('~').parse().unwrap();
            assert_eq!(value, f["value"].as_f64().unwrap(), "{item}");
            if matches!(what, "money" | "other") {
                assert_eq!(rest.split_once(' ').map(|(_, u)| u.to_string()), Some(s(&f["unit"])), "{item}");
            }
            let count = f.get("count").map(s).unwrap_or_default();
            assert_eq!(counts.get(i).cloned().unwrap_or_default(), count, "{row:?}");
        }
        let day = |d: Option<khronika::NaiveDate>| d.map(|d| d.to_string()).unwrap_or_default();
        assert_eq!((row["date_from"].clone(), row["date_to"].clone()), (day(ev.first_day()), day(ev.last_day())));
    }
    assert!(figures_seen >= 4, "the fixture states figures: {rows:?}");
    assert!(rows.iter().any(|r| r["count"].contains("new") && r["count"].contains("cumulative")), "{rows:?}");
    assert!(rows.iter().any(|r| r["figures"].contains(" KZT")), "{rows:?}");
    assert!(rows.iter().any(|r| r["indicators"].contains("C2")), "{rows:?}");
}

#[test]
fn commas_quotes_and_line_breaks_stay_in_their_field() {
    let (_, analysis) = article();
    let mut e: Event = analysis.timeline.events()[0].clone();
    let nasty = "a,b \"c\"\nd\re\r\n2099-01-01,forged,row\u{b}\u{c}\u{2028}\u{1b}[2J\0end";
    e.text = nasty.into();
    e.sources = vec![Source { doc: Some("id,with\n\"quote\"".into()), sentence: Default::default() }].into();
    let timeline = Timeline::from_events(vec![e.clone(), e]);
    let mut out = Vec::new();
    write_events(&mut out, &timeline).unwrap();
    let (_, rows) = read(&out);
    assert_eq!(rows.len(), 2, "{}", String::from_utf8_lossy(&out));
    for row in &rows {
        assert_eq!(row["sentence"], nasty);
        assert_eq!(row["doc"], "id,with\n\"quote\"");
    }
    // The line breaks are inside the quoted field, its quotes doubled: a reader that follows
    // RFC 4180 sees no row starting at `2099-01-01,forged,row`.
    let text = String::from_utf8(out).unwrap();
    assert_eq!(text.matches("\r\n").count(), 3 + 2, "three row ends and one CRLF in each sentence:\n{text}");
    assert!(text.contains("\"a,b \"\"c\"\"\nd\re\r\n2099-01-01,forged,row"), "{text}");
}

#[test]
fn mention_rows_have_char_and_byte_offsets() {
    let (doc, analysis) = article();
    let mut out = Vec::new();
    write_mentions(&mut out, &doc, &analysis).unwrap();
    let (header, rows) = read(&out);
    assert_eq!(header, ["doc", "start", "end", "byte_start", "byte_end", "text", "type", "value", "mod", "anchor"]);
    assert_eq!(rows.len(), analysis.mentions.len());
    assert!(rows.len() >= 6);
    let chars: Vec<char> = doc.text().chars().collect();
    let json = serde_json::to_value(DocumentRecord::new(&doc, &analysis)).unwrap();
    for (row, m) in rows.iter().zip(json["mentions"].as_array().unwrap()) {
        let n = |k: &str| row[k].parse::<usize>().unwrap();
        let by_chars: String = chars[n("start")..n("end")].iter().collect();
        assert_eq!(by_chars, row["text"], "{row:?}");
        assert_eq!(&doc.text()[n("byte_start")..n("byte_end")], row["text"], "{row:?}");
        for key in ["start", "end", "byte_start", "byte_end", "text", "type", "value", "anchor"] {
            assert_eq!(row[key], s(&m[key]), "{key}: {row:?}");
        }
        assert_eq!(row["mod"], m.get("mod").map(s).unwrap_or_default());
        assert_eq!(row["doc"], "pavlodar, \"3 апреля\"");
    }
    assert!(rows.iter().any(|r| r["mod"] == "ON_OR_AFTER"), "{rows:?}");
    assert!(rows.iter().any(|r| n_chars(&r["text"]) != r["text"].len()), "Cyrillic makes bytes differ from chars");
}

fn n_chars(s: &str) -> usize {
    s.chars().count()
}

#[test]
fn a_corpus_is_one_csv_with_a_doc_column_on_any_number_of_threads() {
    let mut input = String::new();
    for n in 0..40 {
        let line = serde_json::json!({"id": format!("d{n}"), "date": "2020-03-20", "text": format!("Вчера в Павлодаре выявлено {} случаев.", n + 1)});
        input.push_str(&line.to_string());
        input.push('\n');
        if n == 7 {
            input.push_str("not json\n");
        }
    }
    let run = |jobs, rows| {
        let (mut out, mut errors) = (Vec::new(), Vec::new());
        let settings = CorpusOptions { rows, jobs, ..Default::default() };
        let summary = write_corpus(input.as_bytes(), &mut out, &settings, |e| errors.push(e.line)).unwrap();
        assert_eq!((summary.lines, summary.failed, errors), (41, 1, vec![9]));
        out
    };
    let one = run(1, Rows::Events);
    let (header, rows) = read(&one);
    assert_eq!(header, EVENT_COLUMNS);
    assert_eq!(rows.len(), 40);
    for (n, row) in rows.iter().enumerate() {
        assert_eq!(row["doc"], format!("d{n}"));
        assert_eq!(row["figures"], format!("cases={}", n + 1));
    }
    assert_eq!(run(3, Rows::Events), one, "threads keep the order");
    let (header, mentions) = read(&run(2, Rows::Mentions));
    assert_eq!(header[1], "start");
    assert_eq!(mentions.len(), 40);
    assert_eq!(mentions[39]["doc"], "d39");
    assert_eq!(mentions[39]["value"], "2020-03-19");
}

#[test]
fn a_csv_writer_writes_its_header_once_for_many_documents() {
    let (mut out, mut csv) = (Vec::new(), Writer::new(Rows::Events));
    for id in ["a", "b", "c"] {
        let doc = Document::parse("date 2020-03-20 Вчера закрыли школы.").unwrap().with_id(id);
        csv.write_document(&mut out, &doc, &analyze(&doc)).unwrap();
    }
    csv.finish(&mut out).unwrap();
    let (_, rows) = read(&out);
    assert_eq!(rows.iter().map(|r| r["doc"].as_str()).collect::<Vec<_>>(), ["a", "b", "c"]);
    assert_eq!(String::from_utf8(out).unwrap().matches("doc,date_from").count(), 1);
}

/// tilse's `Timeline.from_file`, as its code reads a file: each line stripped; the
/// separator closes the current date (its sentences the non-empty text read since); a line
/// that `strptime(line, '%Y-%m-%d')` accepts starts a date; any other line is a sentence.
/// A date written twice keeps only its last block, so the parser fails on one.
fn parse_tilse(text: &str) -> Result<BTreeMap<String, Vec<String>>, String> {
    let is_date = |l: &str| {
        let p: Vec<&str> = l.split('-').collect();
        p.len() == 3
            && p[0].len() == 4
            && (1..=2).contains(&p[1].len())
            && (1..=2).contains(&p[2].len())
            && p.iter().all(|x| x.bytes().all(|b| b.is_ascii_digit()))
            && khronika::NaiveDate::parse_from_str(l, "%Y-%m-%d").is_ok()
    };
    let (mut dates, mut date, mut summary) = (BTreeMap::new(), None::<String>, Vec::<String>::new());
    for line in text.split('\n') {
        let line = line.trim();
        if line == SEPARATOR {
            let d = date.take().ok_or("a separator with no date")?;
            if dates.insert(d.clone(), std::mem::take(&mut summary)).is_some() {
                return Err(format!("{d} written twice"));
            }
        } else if is_date(line) {
            if date.is_some() {
                return Err(format!("date {line} inside a block"));
            }
            date = Some(line.to_string());
        } else if !line.is_empty() {
            if date.is_none() {
                return Err(format!("sentence {line:?} before any date"));
            }
            summary.push(line.to_string());
        }
    }
    if date.is_some() || !summary.is_empty() {
        return Err("an unterminated block".into());
    }
    Ok(dates)
}

#[test]
fn tilse_output_parses_by_tilse_rules() {
    let (_, analysis) = article();
    let out = tilse(&analysis.timeline);
    let dates = parse_tilse(&out).unwrap_or_else(|e| panic!("{e}\n{out}"));
    assert!(out.ends_with(&format!("{SEPARATOR}\n")), "{out}");
    // Every event with a day, week, month or interval value is under its first day.
    for e in analysis.timeline.iter() {
        let Some(day) = khronika::export::tilse::day(&e.when) else { continue };
        let sentences = &dates[&day.to_string()];
        assert!(sentences.contains(&e.text.to_string()), "{day}: {sentences:?}");
    }
    // The interval goes under its first day, the open bound under its bound.
    assert!(dates["2020-03-16"].iter().any(|s| s.contains("с 16 марта по 15 апреля")), "{out}");
    assert!(dates["2020-04-01"].iter().any(|s| s.starts_with("С 1 апреля")), "{out}");
    // A week goes under its Monday.
    assert!(dates["2020-03-23"].iter().any(|s| s.starts_with("На прошлой неделе")), "{out}");
    for (d, sentences) in &dates {
        assert!(!sentences.is_empty(), "{d}");
    }
    let keys: Vec<&String> = dates.keys().collect();
    let written: Vec<&str> = out.lines().filter(|l| l.len() == 10 && l.starts_with("20")).collect();
    assert_eq!(keys.iter().map(|k| k.as_str()).collect::<Vec<_>>(), written, "dates ascending, each once");
}

#[test]
fn tilse_keeps_sentences_on_their_line_and_skips_lookalikes() {
    let (_, analysis) = article();
    let base = analysis.timeline.events().iter().find(|e| e.when.to_string() == "2020-04-02TEV").unwrap().clone();
    let with = |text: &str| Event { text: text.into(), ..base.clone() };
    let timeline = Timeline::from_events(vec![
        with("Первая строка\n2020-01-01\nвторая строка."),
        with(" 2020-05-05 "),
        with(SEPARATOR),
        with("Первая строка\n2020-01-01\nвторая строка."),
    ]);
    let out = tilse(&timeline);
    assert_eq!(out, format!("2020-04-02\nПервая строка 2020-01-01 вторая строка.\n{SEPARATOR}\n"));
    assert_eq!(parse_tilse(&out).unwrap().len(), 1);
    assert!(parse_tilse("2020-04-02\nx\n2020-04-02\n").is_err(), "the checker catches a missing separator");
    assert!(parse_tilse(&format!("2020-04-02\nx\n{SEPARATOR}\n2020-04-02\ny\n{SEPARATOR}\n")).is_err());
    // Only undated material: nothing at all.
    assert_eq!(tilse(&Timeline::from_events(vec![Event { when: "P14D".parse().unwrap(), ..base }])), "");
}
