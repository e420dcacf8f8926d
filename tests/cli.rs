//! The example binary (`examples/timeline.rs`) as a scraper's pipeline runs it: every bad
//! input gets a clear message and a non-zero exit, and in `--jsonl` mode every input line
//! gets exactly one output line, in order, whether a result or an error record.
//!
//! `cargo test` builds the examples next to the test binaries (`target/debug/examples`);
//! `cargo test --test cli` alone does not, so build it first then
//! (`cargo build --example timeline`).

use std::path::{Path, PathBuf};
use std::process::Output;

mod example;

use example::run;

/// A fresh directory for one test's files.
fn scratch() -> example::Scratch {
    example::scratch("cli")
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).expect("a scratch file");
    path
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
}

/// Runs the binary on one file; asserts a failure whose message names the file and says
/// `what`.
fn fails_on_file(path: &Path, what: &str) {
    let name = path.to_str().expect("a UTF-8 path");
    let out = run(&[name], b"");
    let err = text(&out.stderr);
    assert!(!out.status.success(), "{name}: exit status {:?}", out.status);
    assert!(err.contains(name) && err.contains(what), "{name}: stderr {err:?} should name it and say {what:?}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn a_file_that_is_not_utf8_names_the_file_and_the_byte() {
    let dir = scratch();
    let path = file(&dir, "latin1.txt", b"date 2020-03-20\n16 \xec\xe0\xf0\xf2\xe0");
    fails_on_file(&path, "not valid UTF-8 at byte 19");
    let out = run(&["-"], b"date 2020-03-20\n\xff");
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("stdin: not valid UTF-8 at byte 16"), "{}", text(&out.stderr));
}

#[test]
fn missing_file_directory_empty_file_and_header_only_file() {
    let dir = scratch();
    fails_on_file(&dir.join("missing.txt"), "No such file");
    fails_on_file(&dir, "is a directory");
    fails_on_file(&file(&dir, "empty.txt", b""), "the file is empty");
    fails_on_file(&file(&dir, "blank.txt", b" \n\r\n\t"), "the file is empty");
    fails_on_file(&file(&dir, "header.txt", b"date 2020-03-20\n"), "the header at line 1 is followed by no text");
    fails_on_file(&file(&dir, "noheader.txt", "Вчера ввели карантин.".as_bytes()), "missing header");
    fails_on_file(&file(&dir, "baddate.txt", b"date 2020-02-30\nx"), "impossible date");
}

/// A bad file among good ones: the good ones are still processed, the run still fails.
#[test]
fn a_bad_file_among_good_ones_is_reported_not_dropped() {
    let dir = scratch();
    let good = file(&dir, "good.txt", "date 2020-03-20\nВчера ввели карантин.".as_bytes());
    let bad = file(&dir, "bad.txt", b"date 2020-03-20\n\xff");
    let good2 = file(&dir, "good2.txt", "date 2020-03-20\nЗавтра снимут.".as_bytes());
    let names: Vec<&str> = [&good, &bad, &good2].iter().map(|p| p.to_str().expect("UTF-8")).collect();
    let out = run(&["--format", "jsonl", names[0], names[1], names[2]], b"");
    assert!(!out.status.success());
    let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 2, "{lines:?}");
    assert!(lines[0].contains("2020-03-19") && lines[1].contains("2020-03-21"), "{lines:?}");
    assert!(text(&out.stderr).contains(names[1]));
}

/// `--jsonl`: lines in = result records + error records, in input order; an error record
/// has the line number, the error and (when the line says it) the id; the exit status
/// tells that some lines failed.
#[test]
fn jsonl_mode_keeps_one_record_per_line_in_order() {
    let mut input: Vec<u8> = Vec::new();
    let s = |line: &str| line.as_bytes().to_vec();
    let lines: Vec<(Vec<u8>, Option<&str>)> = vec![
        (s(r#"{"id": "ok1", "date": "2020-03-20", "text": "16 марта ввели карантин."}"#), None),
        (s(r#"{"id": "json", "date": "2020-03-20", "text": "#), Some("bad JSON")),
        (s(r#"{"id": "nodate", "text": "x"}"#), Some("missing field \"date\"")),
        (s(r#"{"id": "notext", "date": "2020-03-20"}"#), Some("missing field \"text\"")),
        (s(r#"{"id": "bad", "date": "20.03.2020", "text": "x"}"#), Some("bad date")),
        (s(r#"{"id": "feb30", "date": "2021-02-29", "text": "x"}"#), Some("impossible date")),
        (
            b"{\"id\": \"latin1\", \"date\": \"2020-03-20\", \"text\": \"\xec\xe0\xf0\xf2\xe0\"}".to_vec(),
            Some("not valid UTF-8"),
        ),
        (Vec::new(), Some("bad JSON")),
        (s(r#"{"id": "ok2", "date": "2020-03-20T14:30", "text": "Вчера вечером."}"#), None),
        (s(r#"[1, 2]"#), Some("expected a JSON object")),
        (s(r#"{"id": 42, "date": 20200320, "text": "x"}"#), Some("missing field \"date\"")),
        (s(r#"{"date": "2020-03-20", "text": ""}"#), None),
        (s("   "), Some("bad JSON")),
        (s(r#"{"id": "ok3", "date": "2020-03-20", "text": "До 15 апреля."}"#), None),
    ];
    for (i, (line, _)) in lines.iter().enumerate() {
        input.extend_from_slice(line);
        input.extend_from_slice(if i % 3 == 1 { b"\r\n" } else { b"\n" });
    }
    input.extend_from_slice(r#"{"id": "last", "date": "2020-03-20", "text": "Сегодня."}"#.as_bytes()); // no final newline
    let out = run(&["--jsonl"], &input);
    assert!(!out.status.success(), "some lines failed: the exit status says so");
    let stdout = text(&out.stdout);
    let records: Vec<serde_json::Value> =
        stdout.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}"))).collect();
    assert_eq!(records.len(), lines.len() + 1, "one record per input line:\n{stdout}");
    for (n, ((line, error), record)) in lines.iter().zip(&records).enumerate() {
        let shown = String::from_utf8_lossy(line);
        match error {
            Some(what) => {
                assert_eq!(record["line"], n + 1, "{shown}: {record}");
                let message = record["error"].as_str().unwrap_or_else(|| panic!("{shown}: {record}"));
                assert!(message.contains(what), "{shown}: {message:?} should say {what:?}");
            }
            None => {
                assert!(record.get("error").is_none(), "{shown}: {record}");
                assert!(record["mentions"].is_array() && record["events"].is_array(), "{record}");
            }
        }
    }
    // Results in input order, each with its id when it has one.
    let ids: Vec<&serde_json::Value> = records.iter().map(|r| &r["id"]).collect();
    assert_eq!(ids[0], "ok1");
    assert_eq!(ids[8], "ok2");
    assert!(ids[11].is_null(), "no id given, none invented");
    assert_eq!(ids[13], "ok3");
    assert_eq!(ids[14], "last");
    assert_eq!(records[0]["mentions"][0]["value"], "2020-03-16");
    assert_eq!(records[13]["mentions"][0]["value"], "2020-04-15");
    // Error records carry the id whenever the line gives one.
    for (n, id) in [(2, "nodate"), (3, "notext"), (4, "bad"), (5, "feb30"), (6, "latin1")] {
        assert_eq!(records[n]["id"], id, "{}", records[n]);
    }
    assert_eq!(records[10]["id"], 42);
}

#[test]
fn jsonl_mode_with_only_good_lines_succeeds() {
    let input = "{\"date\": \"2020-03-20\", \"text\": \"16 марта\"}\n{\"date\": \"2020-03-21\", \"text\": \"вчера\"}\n";
    let out = run(&["--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(text(&out.stdout).lines().count(), 2);
    let out = run(&["--jsonl"], b"");
    assert!(out.status.success() && out.stdout.is_empty());
}

/// An error record for a line that is not UTF-8 still carries the line's id, when the line
/// read leniently gives one.
#[test]
fn jsonl_error_record_for_a_non_utf8_line_keeps_its_id() {
    let input = b"{\"id\": \"cp1251\", \"date\": \"2020-03-20\", \"text\": \"\xec\xe0\xf0\xf2\xe0\"}\n\xff\n";
    let out = run(&["--jsonl"], input);
    assert!(!out.status.success());
    let records: Vec<serde_json::Value> =
        text(&out.stdout).lines().map(|l| serde_json::from_str(l).expect("a JSON record")).collect();
    assert_eq!(records.len(), 2);
    assert_eq!(records[0]["id"], "cp1251");
    assert_eq!(records[0]["line"], 1);
    assert!(records[0]["error"].as_str().is_some_and(|e| e.contains("not valid UTF-8 at byte 48")), "{}", records[0]);
    assert!(records[1].get("id").is_none(), "{}", records[1]);
}

/// `--jsonl --merge`: the same merged timeline on any number of threads; an unreadable line
/// is an error record on stderr, with its id.
#[test]
fn jsonl_merge_reports_bad_lines_and_keeps_its_output_on_threads() {
    let mut input = String::new();
    for n in 0..40 {
        input.push_str(&format!(
            "{{\"id\": \"d{n}\", \"date\": \"2020-03-{:02}\", \"text\": \"Вчера в Павлодаре выявлено {n} случаев.\"}}\n",
            n % 20 + 2
        ));
    }
    input.push_str("{\"id\": 7, \"date\": \"2020-13-01\", \"text\": \"x\"}\n");
    let one = run(&["--jsonl", "--merge", "--format", "json"], input.as_bytes());
    assert!(!one.status.success());
    let err = text(&one.stderr);
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 2, "the error record, then the count: {err}");
    assert!(lines[0].starts_with("{\"line\":41,\"error\":\"bad date: ") && lines[0].ends_with(",\"id\":7}"), "{err}");
    assert_eq!(lines[1], "timeline: 1 of 41 lines got error records");
    let merged: serde_json::Value = serde_json::from_slice(&one.stdout).expect("a JSON timeline");
    assert_eq!(merged["events"].as_array().map(Vec::len), Some(40));
    let three = run(&["--jsonl", "--merge", "--format", "json", "--jobs", "3"], input.as_bytes());
    assert_eq!(three.stdout, one.stdout);
    assert_eq!(three.stderr, one.stderr);
}

/// The fixture articles as JSONL lines, each twice (under a second id), with ids.
fn fixture_lines() -> Vec<String> {
    let texts = [
        ("a", include_str!("fixtures/merge/a.txt")),
        ("b", include_str!("fixtures/merge/b.txt")),
        ("c", include_str!("fixtures/merge/c.txt")),
    ];
    let mut lines = Vec::new();
    for copy in ["", "-copy"] {
        for (id, text) in texts {
            let (header, body) = text.split_once('\n').expect("a header line");
            let date = header.strip_prefix("date ").expect("a date header");
            let line = serde_json::json!({"id": format!("{id}{copy}"), "date": date, "text": body});
            lines.push(line.to_string());
        }
    }
    lines
}

/// A reduce: `--jsonl --merge --format json` on parts of a corpus (a bad line in one, with
/// `--errors-ok`), then `--merge` on the parts' timelines, as files or concatenated on
/// stdin, writes the bytes `--jsonl --merge --format json` writes for the whole corpus.
#[test]
fn merge_reads_merged_timelines_a_reduce_of_partial_merges() {
    let dir = scratch();
    let lines = fixture_lines();
    let whole = run(&["--jsonl", "--merge", "--format", "json"], (lines.join("\n") + "\n").as_bytes());
    assert!(whole.status.success(), "{}", text(&whole.stderr));
    let mut parts = Vec::new();
    for (k, part) in [&lines[..1], &lines[1..4], &lines[4..]].into_iter().enumerate() {
        let input = format!("{}\nnot json\n", part.join("\n"));
        let out = run(&["--jsonl", "-", "--errors-ok", "--merge", "--format", "json"], input.as_bytes());
        assert!(out.status.success(), "{}", text(&out.stderr));
        parts.push(file(&dir, &format!("part-{k:05}"), &out.stdout));
    }
    let names: Vec<&str> = parts.iter().map(|p| p.to_str().expect("UTF-8")).collect();
    let reduced = run(&[&["--merge", "--format", "json"][..], &names].concat(), b"");
    assert!(reduced.status.success() && reduced.stderr.is_empty(), "{}", text(&reduced.stderr));
    assert_eq!(text(&reduced.stdout), text(&whole.stdout));
    // The parts one after the other on stdin (`cat part-*`), with a part as a file.
    let cat: Vec<u8> = parts[..2].iter().flat_map(|p| std::fs::read(p).expect("a part")).collect();
    let mixed = run(&["--merge", "--format", "json", "-", names[2]], &cat);
    assert_eq!(text(&mixed.stdout), text(&whole.stdout), "{}", text(&mixed.stderr));
    // A merged timeline merged with nothing is itself; in another format, the same events.
    let whole_file = file(&dir, "whole.json", &whole.stdout);
    let whole_name = whole_file.to_str().expect("UTF-8");
    assert_eq!(run(&["--merge", "--format", "json", whole_name], b"").stdout, whole.stdout);
    let as_text = run(&["--merge", whole_name], b"");
    let events =
        serde_json::from_slice::<serde_json::Value>(&whole.stdout).expect("JSON")["events"].as_array().map(Vec::len);
    assert!(text(&as_text.stdout).starts_with(&format!("# corpus timeline: {} events", events.unwrap_or(0))));
    // With documents: a merged timeline and a document file merge as the documents would.
    let doc = file(&dir, "d.txt", include_str!("fixtures/merge/a.txt").as_bytes());
    let with_doc = run(&["--merge", "--format", "json", names[1], doc.to_str().expect("UTF-8")], b"");
    let sources = text(&with_doc.stdout);
    assert!(
        sources.contains(&format!("\"doc\": {:?}", doc.to_str().expect("UTF-8"))) && sources.contains("\"doc\": \"b\"")
    );
}

/// A merged-timeline input that is not one is named with the place and the reason; the
/// other inputs are still merged, and the exit is 1. `--jsonl` reads no FILE.
#[test]
fn a_bad_merged_timeline_is_named_where_it_goes_wrong() {
    let dir = scratch();
    let good = run(&["--jsonl", "--merge", "--format", "json"], fixture_lines()[0].as_bytes());
    let good = file(&dir, "good.json", &good.stdout);
    let good = good.to_str().expect("UTF-8");
    for (bytes, says) in [
        (&b"{\"events\": [{\"when\": \"2020-13\"}]}"[..], "not a merged timeline: invalid TIMEX3 value \"2020-13\""),
        (b"{\"undated\": []}", "not a merged timeline: missing field `events` at line 1, column 15"),
        (b"{\"events\": []} x", "not a merged timeline: expected value at line 1, column 16"),
        (b"\n  {\"events\": [", "not a merged timeline: EOF while parsing a list at line 2, column 14"),
    ] {
        let bad = file(&dir, "bad.json", bytes);
        let bad = bad.to_str().expect("UTF-8");
        let out = run(&["--merge", "--format", "json", bad, good], b"");
        assert_eq!(out.status.code(), Some(1), "{says}");
        let err = text(&out.stderr);
        assert!(err.contains(&format!("{bad}: {says}")), "{says}: {err}");
        assert!(!err.contains("panicked"), "{err}");
        assert_eq!(out.stdout, std::fs::read(good).expect("the good part"), "the good part is still merged");
    }
    // Without --merge, a JSON file is a document without a header.
    let plain = run(&["--format", "json", good], b"");
    assert_eq!(plain.status.code(), Some(1));
    assert!(text(&plain.stderr).contains("missing header"), "{}", text(&plain.stderr));
    let out = run(&["--jsonl", "--merge", good], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--jsonl reads its corpus on stdin, not FILEs"), "{}", text(&out.stderr));
}

/// The first mention's value in a `--jsonl` record line.
fn first_value(record: &str) -> String {
    let v: serde_json::Value = serde_json::from_str(record).unwrap_or_else(|e| panic!("{e}: {record}"));
    v["mentions"][0]["value"].as_str().unwrap_or_else(|| panic!("no mention: {record}")).to_string()
}

/// `--prefer` moves an undecided date; a JSONL line's `"prefer"` overrides it for that line,
/// and a bad one is that line's error record; a bad flag value is a usage error.
#[test]
fn prefer_flag_and_per_line_preference() {
    let line = |prefer: &str| format!(r#"{{"date": "2020-04-15", "text": "Итоги конкурса 10 апреля."{prefer}}}"#);
    let input =
        [line(""), line(r#", "prefer": "future""#), line(r#", "prefer": "past""#), line(r#", "prefer": "soon""#)]
            .join("\n");
    let values = |args: &[&str]| {
        let out = run(args, input.as_bytes());
        assert!(!out.status.success(), "the bad line fails the run");
        let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[3].contains(r#""line":4,"error":"bad prefer: unknown preference \"soon\""#), "{}", lines[3]);
        lines[..3].iter().map(|l| first_value(l)).collect::<Vec<_>>()
    };
    assert_eq!(values(&["--jsonl"]), ["2020-04-10", "2021-04-10", "2020-04-10"]);
    assert_eq!(values(&["--jsonl", "--prefer", "future"]), ["2021-04-10", "2021-04-10", "2020-04-10"]);
    assert_eq!(values(&["--jsonl", "--jobs", "2", "--prefer", "future"]), ["2021-04-10", "2021-04-10", "2020-04-10"]);
    let doc = "date 2020-04-15\nИтоги конкурса 10 апреля.";
    let out = run(&["--format", "jsonl", "--prefer", "future", "-"], doc.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(first_value(text(&out.stdout).trim()), "2021-04-10");
    for (args, says) in [
        (&["--prefer", "later"][..], "--prefer takes nearest, past or future, not \"later\""),
        (&["--prefer"][..], "--prefer needs nearest, past or future"),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
    }
}

/// `--lang` fixes every document's language (`auto`, the default, lets each one's letters
/// choose); a JSONL line's `"lang"` fixes its own whatever the run's, and a bad one is that
/// line's error record; the record and each mention say the language read.
#[cfg(feature = "kk")]
#[test]
fn lang_flag_and_per_line_language() {
    let kazakh = "Кеше Оралда карантин енгізілді.";
    let line = |lang: &str| format!(r#"{{"date": "2020-04-03", "text": "{kazakh}"{lang}}}"#);
    let input =
        [line(""), line(r#", "lang": "ru""#), line(r#", "lang": "auto""#), line(r#", "lang": "xx""#)].join("\n");
    let records = |args: &[&str]| {
        let out = run(args, input.as_bytes());
        assert!(!out.status.success(), "the bad line fails the run");
        let lines: Vec<String> = text(&out.stdout).lines().map(str::to_string).collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert!(lines[3].contains(r#""line":4,"error":"bad lang: unknown language \"xx\""#), "{}", lines[3]);
        lines[..3].iter().map(|l| serde_json::from_str::<serde_json::Value>(l).expect("a record")).collect::<Vec<_>>()
    };
    for args in [&["--jsonl"][..], &["--jsonl", "--jobs", "2"], &["--jsonl", "--lang", "auto"]] {
        let r = records(args);
        let langs: Vec<&str> = r.iter().map(|r| r["lang"].as_str().unwrap_or("")).collect();
        assert_eq!(langs, ["kk", "ru", "kk"], "{args:?}");
        assert_eq!(r[0]["mentions"][0]["lang"], "kk");
        assert_eq!(r[0]["events"][0]["kinds"][0], "quarantine");
        assert_eq!(r[0]["events"][0]["places"][0]["name"], "Уральск");
        // Read as Russian, the Kazakh text has no date.
        assert_eq!(r[1]["mentions"].as_array().map(Vec::len), Some(0));
    }
    // The run's language gives way to the line's.
    let r = records(&["--jsonl", "--lang", "ru"]);
    let langs: Vec<&str> = r.iter().map(|r| r["lang"].as_str().unwrap_or("")).collect();
    assert_eq!(langs, ["ru", "ru", "ru"]);
    let doc = format!("date 2020-04-03\n{kazakh}");
    for (args, lang) in [(&["--format", "jsonl", "-"][..], "kk"), (&["--format", "jsonl", "--lang", "ru", "-"], "ru")] {
        let out = run(args, doc.as_bytes());
        assert!(out.status.success(), "{}", text(&out.stderr));
        let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("a record");
        assert_eq!(record["lang"], lang, "{args:?}");
    }
    let out = run(&["--jsonl", "--format", "csv", "--lang", "kk"], line("").as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("quarantine"), "{}", text(&out.stdout));
    let out = run(&["--lang", "en"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--lang takes ru, kk, auto, not \"en\""), "{}", text(&out.stderr));
}

/// `--relative-grain day` gives the day a unit away; `unit` (the default) the unit.
#[test]
fn relative_grain_flag() {
    let input = r#"{"date": "2020-04-15", "text": "Итоги подведут через неделю."}"#;
    let value = |args: &[&str]| {
        let out = run(args, input.as_bytes());
        assert!(out.status.success(), "{}", text(&out.stderr));
        first_value(text(&out.stdout).trim())
    };
    assert_eq!(value(&["--jsonl"]), "2020-W17");
    assert_eq!(value(&["--jsonl", "--relative-grain", "unit"]), "2020-W17");
    assert_eq!(value(&["--jsonl", "--relative-grain", "day"]), "2020-04-22");
    let out = run(&["--relative-grain", "week"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--relative-grain takes unit or day, not \"week\""), "{}", text(&out.stderr));
}

/// `--past-day report` dates `за сутки` by the publication day; `window` (the default) by the
/// day before and the day of publication.
#[test]
fn past_day_flag() {
    let input = r#"{"date": "2020-08-03", "text": "За сутки в области выявлено 37 новых случаев."}"#;
    let value = |args: &[&str]| {
        let out = run(args, input.as_bytes());
        assert!(out.status.success(), "{}", text(&out.stderr));
        first_value(text(&out.stdout).trim())
    };
    assert_eq!(value(&["--jsonl"]), "2020-08-02/2020-08-03");
    assert_eq!(value(&["--jsonl", "--past-day", "window"]), "2020-08-02/2020-08-03");
    assert_eq!(value(&["--jsonl", "--past-day=report"]), "2020-08-03");
    let out = run(&["--past-day", "yesterday"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--past-day takes window or report, not \"yesterday\""),
        "{}",
        text(&out.stderr)
    );
}

/// A clock time with a zone: the record's mention keeps the local time and carries
/// `"offset"` (minutes east of UTC); a mention without a zone has no `"offset"`.
#[test]
fn a_zoned_time_carries_its_offset() {
    let input = r#"{"date": "2020-04-15", "text": "Брифинг в 11:00 по времени Нур-Султана, итоги в 18:00."}"#;
    let out = run(&["--jsonl"], input.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let record: serde_json::Value = serde_json::from_str(text(&out.stdout).trim()).expect("a record");
    let mentions = record["mentions"].as_array().expect("mentions");
    assert_eq!(mentions[0]["value"], "2020-04-15T11:00");
    assert_eq!(mentions[0]["offset"], 360);
    assert!(mentions[1].get("offset").is_none(), "{}", mentions[1]);
}

/// `--format csv`: one header and one row per event for a document, for several files and
/// for a `--jsonl` corpus (a doc column names each); `--rows mentions`; a format a mode
/// cannot write is an argument error.
#[test]
fn csv_format_for_documents_corpora_and_merges() {
    let dir = scratch();
    let a = file(
        &dir,
        "a.txt",
        "date 2020-03-20\nВчера в Павлодаре выявлено 9 случаев, из них \"2, в больнице\".".as_bytes(),
    );
    let b = file(&dir, "b.txt", "date 2020-03-21\n16 марта закрыли школы.".as_bytes());
    let (a, b) = (a.to_str().expect("UTF-8"), b.to_str().expect("UTF-8"));
    let out = run(&["--format", "csv", a, b], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    let csv = text(&out.stdout);
    let lines: Vec<&str> = csv.lines().collect();
    assert_eq!(lines.len(), 3, "{csv}");
    assert!(lines[0].starts_with("doc,date_from,date_to,mod,when,kinds,"), "{csv}");
    assert!(lines[1].starts_with(&format!("{a},2020-03-19,2020-03-19,,2020-03-19,cases")), "{csv}");
    assert!(lines[1].ends_with("\"Вчера в Павлодаре выявлено 9 случаев, из них \"\"2, в больнице\"\".\""), "{csv}");
    assert!(lines[2].starts_with(&format!("{b},2020-03-16")), "{csv}");
    let out = run(&["--format", "csv", "--rows", "mentions", a], b"");
    assert_eq!(
        text(&out.stdout).lines().nth(1),
        Some(format!("{a},0,5,0,10,Вчера,DATE,2020-03-19,,publication").as_str())
    );
    let corpus = concat!(
        r#"{"id": 1, "date": "2020-03-20", "text": "Вчера закрыли школы."}"#,
        "\nnot json\n",
        r#"{"date": "2020-03-20", "text": "Сегодня выявлено 3 случая."}"#,
        "\n"
    );
    let out = run(&["--jsonl", "--format", "csv", "--jobs", "2"], corpus.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a bad line fails the run");
    assert!(text(&out.stderr).contains(r#"{"line":2,"error":"bad JSON"#), "{}", text(&out.stderr));
    let docs: Vec<String> = text(&out.stdout).lines().map(|l| l.split(',').next().unwrap_or("").to_string()).collect();
    assert_eq!(docs, ["doc", "1", "#3"]);
    let out = run(&["--jsonl", "--merge", "--format", "csv"], corpus.as_bytes());
    assert_eq!(text(&out.stdout).lines().count(), 3, "{}", text(&out.stdout));
    for (args, says) in [
        (&["--jsonl", "--merge", "--format", "csv", "--rows", "mentions"][..], "cannot write a merged timeline"),
        (&["--jsonl", "--format", "markdown"][..], "cannot write a JSONL corpus"),
        (&["--format", "tilse", a, b][..], "a tilse file holds one timeline"),
        (&["--rows", "mentions", a][..], "--rows is for --format csv"),
        (&["--format", "csv", "--rows", "sentences", a][..], "--rows takes events or mentions"),
    ] {
        let out = run(args, corpus.as_bytes());
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
    }
    let out = run(&["--format", "tilse", b], b"");
    assert_eq!(text(&out.stdout), format!("2020-03-16\n16 марта закрыли школы.\n{}\n", "-".repeat(32)));
}

/// The lines of a run's stderr.
fn stderr_lines(out: &Output) -> Vec<String> {
    text(&out.stderr).lines().map(str::to_string).collect()
}

/// A small corpus: two good lines (one event each) and one bad one.
const CORPUS: &str = concat!(
    r#"{"id": "a", "date": "2020-03-20", "text": "Вчера в Павлодаре выявлено 9 случаев."}"#,
    "\nnot json\n",
    r#"{"id": "b", "date": "2020-03-21", "text": "16 марта в Павлодаре закрыли школы."}"#,
    "\n"
);

#[test]
fn version_prints_the_crate_version() {
    for flag in ["--version", "-V"] {
        let out = run(&[flag], b"");
        assert!(out.status.success(), "{flag}: {}", text(&out.stderr));
        assert_eq!(text(&out.stdout), format!("timeline {}\n", env!("CARGO_PKG_VERSION")), "{flag}");
    }
}

/// `--help` has a line for every format `Format::ALL` lists, each with a description, and
/// names every option the parser takes.
#[test]
fn help_lists_every_format_and_option() {
    let out = run(&["--help"], b"");
    assert!(out.status.success());
    let help = text(&out.stdout);
    for format in khronika::export::Format::ALL {
        let line = help.lines().find(|l| l.trim_start().starts_with(&format!("{} ", format.name())));
        let line = line.unwrap_or_else(|| panic!("no line for {}:\n{help}", format.name()));
        assert!(line.split_whitespace().count() > 3, "{} is described: {line:?}", format.name());
    }
    for option in [
        "-, --stdin",
        "--date",
        "--format",
        "--rows",
        "-o, --output",
        "--jsonl",
        "--jobs",
        "--progress",
        "--errors-ok",
        "--merge",
        "--kinds",
        "--prefer",
        "--relative-grain",
        "--lang",
        "-h, --help",
        "-V, --version",
    ] {
        assert!(help.contains(&format!("  {option} ")), "{option}:\n{help}");
    }
}

/// Every option that takes a value takes it after `=` too; a flag given a value is an
/// argument error.
#[test]
fn options_take_a_value_after_an_equals_sign() {
    let line = r#"{"date": "2020-04-15", "text": "Итоги конкурса 10 апреля, отчёт через неделю."}"#;
    let spaced = run(&["--jsonl", "--jobs", "2", "--prefer", "future", "--relative-grain", "day"], line.as_bytes());
    let equals = run(&["--jsonl", "--jobs=2", "--prefer=future", "--relative-grain=day"], line.as_bytes());
    assert!(equals.status.success(), "{}", text(&equals.stderr));
    assert_eq!(equals.stdout, spaced.stdout);
    let record: serde_json::Value = serde_json::from_slice(&equals.stdout).expect("a record");
    assert_eq!(record["mentions"][0]["value"], "2021-04-10");
    assert_eq!(record["mentions"][1]["value"], "2020-04-22");
    let doc = "date 2020-03-20\n16 марта закрыли школы. Вчера выявлено 9 случаев.";
    let spaced = run(&["--format", "csv", "--rows", "mentions", "--kinds", "cases", "-"], doc.as_bytes());
    let equals = run(&["--format=csv", "--rows=mentions", "--kinds=cases", "-"], doc.as_bytes());
    assert!(equals.status.success(), "{}", text(&equals.stderr));
    assert_eq!(equals.stdout, spaced.stdout);
    let plain = run(&["--date=2020-03-20", "--format=json", "-"], "Вчера выявлено 9 случаев.".as_bytes());
    assert!(text(&plain.stdout).contains("\"2020-03-19\""), "{}", text(&plain.stdout));
    for (args, says) in [
        (&["--merge=yes"][..], "unexpected argument for option '--merge'"),
        (&["--format="][..], "--format takes text, json, jsonl, csv, markdown, timeml, html, tilse, oxcgrt, not \"\""),
        (&["--bogus=1"][..], "unknown option --bogus"),
        (&["-x"][..], "unknown option -x"),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
    }
}

/// `-o FILE` / `--output FILE` / `--output=FILE` writes there and nothing to stdout; an
/// output file that cannot be created is a clear error, exit 1, before any input is read.
#[test]
fn output_file_takes_the_place_of_stdout() {
    let dir = scratch();
    let doc = file(&dir, "a.txt", "date 2020-03-20\nВчера выявлено 9 случаев.".as_bytes());
    let doc = doc.to_str().expect("UTF-8");
    let to_stdout = run(&["--format", "csv", doc], b"");
    for (n, flag) in ["-o", "--output", "--output="].into_iter().enumerate() {
        let target = dir.join(format!("out{n}.csv"));
        let target = target.to_str().expect("UTF-8");
        let args: Vec<String> = match flag.strip_suffix('=') {
            Some(flag) => vec!["--format=csv".into(), format!("{flag}={target}"), doc.into()],
            None => vec!["--format=csv".into(), flag.into(), target.into(), doc.into()],
        };
        let out = run(&args, b"");
        assert!(out.status.success(), "{flag}: {}", text(&out.stderr));
        assert!(out.stdout.is_empty(), "{flag}");
        assert_eq!(std::fs::read(target).expect("the output file"), to_stdout.stdout, "{flag}");
    }
    let corpus_out = dir.join("corpus.jsonl");
    let out = run(&[std::ffi::OsStr::new("--jsonl"), "-o".as_ref(), corpus_out.as_os_str()], CORPUS.as_bytes());
    assert_eq!(out.status.code(), Some(1), "a bad line fails the run");
    assert_eq!(std::fs::read_to_string(&corpus_out).expect("the records").lines().count(), 3);
    let missing = dir.join("no-such-dir").join("out.csv");
    let (missing, a_dir) = (missing.to_str().expect("UTF-8"), dir.to_str().expect("UTF-8"));
    for (args, target) in
        [(&["-o", missing, doc][..], missing), (&["--jsonl", "-o", missing], missing), (&["-o", a_dir], a_dir)]
    {
        let out = run(args, CORPUS.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = text(&out.stderr);
        assert!(err.starts_with(&format!("timeline: {target}: cannot create the output file: ")), "{args:?}: {err}");
        assert!(out.stdout.is_empty(), "{args:?}");
    }
    let out = run(&["-o"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--output needs a file"), "{}", text(&out.stderr));
}

/// `--kinds` takes OxCGRT codes beside kind ids: a code keeps every kind of that indicator.
#[test]
fn kinds_take_oxcgrt_codes() {
    let doc =
        "date 2020-03-20\n16 марта в Павлодаре закрыли школы. Вчера выявлено 9 случаев. С 18 марта все носят маски.";
    let kinds = |list: &str| {
        let out = run(&["--format", "csv", "--kinds", list, "-"], doc.as_bytes());
        assert!(out.status.success(), "{list}: {}", text(&out.stderr));
        let csv = text(&out.stdout);
        csv.lines().skip(1).map(|l| l.split(',').nth(5).unwrap_or("").to_string()).collect::<Vec<_>>()
    };
    assert_eq!(kinds("C1"), ["school_closing"]);
    assert_eq!(kinds("c1"), ["school_closing"]);
    assert_eq!(kinds("C1,cases"), kinds("school_closing,cases"));
    assert_eq!(kinds("C1,cases").len(), 2);
    assert_eq!(kinds("H6"), ["facial_coverings"]);
    let merged = run(&["--jsonl", "--merge", "--format", "csv", "--kinds", "C1"], CORPUS.as_bytes());
    assert_eq!(text(&merged.stdout).lines().count(), 2, "{}", text(&merged.stdout));
    for (args, says) in [
        (&["--kinds", "C9"][..], "--kinds: unknown event kind `C9`; known: school_closing, "),
        (&["--kinds", "C9"][..], "OxCGRT codes C1, C2, C3"),
        (&["--jsonl", "--kinds", "C1"][..], "--kinds with --jsonl needs --merge or --format csv"),
    ] {
        let out = run(args, b"");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(text(&out.stderr).contains(says), "{args:?}: {}", text(&out.stderr));
    }
}

/// `--errors-ok`: a corpus run whose only failures are error records exits 0 (the records
/// and the count are still written); an I/O failure is still 1; outside corpus mode it is
/// an argument error.
#[test]
fn errors_ok_exit_status() {
    for mode in
        [&["--jsonl"][..], &["--jsonl", "--merge"], &["--jsonl", "--format", "csv"], &["--jsonl", "--jobs", "2"]]
    {
        let strict = run(mode, CORPUS.as_bytes());
        assert_eq!(strict.status.code(), Some(1), "{mode:?}");
        let lenient = run(&[mode, &["--errors-ok"]].concat(), CORPUS.as_bytes());
        assert_eq!(lenient.status.code(), Some(0), "{mode:?}: {}", text(&lenient.stderr));
        assert_eq!(lenient.stdout, strict.stdout, "{mode:?}");
        assert_eq!(stderr_lines(&lenient).last().map(String::as_str), Some("timeline: 1 of 3 lines got error records"));
    }
    let out = run(&["--errors-ok"], b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--errors-ok works in --jsonl corpus mode only"), "{}", text(&out.stderr));
}

/// `--progress` (stderr is not a terminal here): the run ends with the summary line
/// `N documents, M events, K errors, X MB/s` on stderr, after any error records, and the
/// output is unchanged.
#[test]
fn progress_ends_with_the_summary() {
    let summary =
        regex::Regex::new(r"^timeline: 3 documents, 2 events, 1 error, [0-9]+\.[0-9] MB/s$").expect("a regex");
    for mode in [&["--jsonl"][..], &["--jsonl", "--merge"], &["--jsonl", "--jobs", "2"]] {
        let plain = run(mode, CORPUS.as_bytes());
        let out = run(&[mode, &["--progress"]].concat(), CORPUS.as_bytes());
        assert_eq!(out.status.code(), Some(1), "{mode:?}");
        assert_eq!(out.stdout, plain.stdout, "{mode:?}");
        let lines = stderr_lines(&out);
        let last = lines.last().map(String::as_str).unwrap_or_default();
        assert!(summary.is_match(last), "{mode:?}: {lines:?}");
        assert!(!lines.iter().any(|l| l.contains("lines got error records")), "the summary counts them: {lines:?}");
    }
    // The CSV corpus counts the documents' events too, before the kind filter, on any
    // number of threads.
    for mode in
        [&["--jsonl", "--format", "csv"][..], &["--jsonl", "--format", "csv", "--kinds", "cases", "--jobs", "2"]]
    {
        let out = run(&[mode, &["--progress"]].concat(), CORPUS.as_bytes());
        let lines = stderr_lines(&out);
        assert!(lines[0].starts_with(r#"{"line":2,"error":"bad JSON"#), "{lines:?}");
        assert!(summary.is_match(&lines[1]), "{mode:?}: {lines:?}");
    }
    let out = run(&["--progress", "-"], b"date 2020-03-20\nx");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--progress works in --jsonl corpus mode only"));
}

/// Every error record is also counted on stderr: in JSONL mode the records go to stdout,
/// so the count is all stderr says; a run without bad lines says nothing.
#[test]
fn error_records_are_counted_on_stderr() {
    let bad = "not json\n{\"date\": \"2020-02-30\", \"text\": \"x\"}\n";
    let input = format!("{CORPUS}{bad}");
    for jobs in ["1", "3"] {
        let out = run(&["--jsonl", "--jobs", jobs], input.as_bytes());
        assert_eq!(out.status.code(), Some(1));
        assert_eq!(stderr_lines(&out), ["timeline: 3 of 5 lines got error records"], "--jobs {jobs}");
        assert_eq!(text(&out.stdout).matches(r#"{"line":"#).count(), 3);
    }
    let out = run(&["--jsonl", "--format", "csv"], input.as_bytes());
    let lines = stderr_lines(&out);
    assert_eq!(lines.len(), 4, "three records and the count: {lines:?}");
    assert_eq!(lines[3], "timeline: 3 of 5 lines got error records");
    let good: String = CORPUS.lines().filter(|l| l.starts_with('{')).map(|l| format!("{l}\n")).collect();
    let out = run(&["--jsonl"], good.as_bytes());
    assert!(out.status.success() && out.stderr.is_empty(), "{}", text(&out.stderr));
}

/// The example stays a front end: argument handling and I/O in at most 250 lines, the
/// logic in the library.
#[test]
fn the_example_stays_small() {
    let source = include_str!("../examples/timeline.rs");
    assert!(source.lines().count() <= 250, "examples/timeline.rs has {} lines", source.lines().count());
}
