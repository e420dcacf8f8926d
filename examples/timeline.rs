//! khronika's command-line face: documents in, dated timelines out.
//!
//! ```text
//! cargo run --release --example timeline                      # the bundled sample article
//! cargo run --release --example timeline -- FILE...           # files in the `date YYYY-MM-DD` header format
//! cargo run --release --example timeline -- --date 2020-03-20 plain.txt
//! cargo run --release --example timeline -- --format json FILE
//! cargo run --release --example timeline -- --jsonl < corpus.jsonl > out.jsonl
//! cargo run --release --example timeline -- --jsonl --jobs 2 < corpus.jsonl > out.jsonl
//! ```

use khronika::event::kinds::EventKind;
use khronika::export::json::DocumentRecord;
use khronika::export::{html, markdown, timeml};
use khronika::{analyze, Document, Event, Published, Timeline};
use std::io::{self, BufRead, BufWriter, Read, Write};
use std::process::ExitCode;

/// The sample article bundled with the crate (written for it; a 2020 regional news story).
const SAMPLE: &str = include_str!("sample/article.txt");

const USAGE: &str = "\
usage: timeline [--format text|json|jsonl] [--date YYYY-MM-DD] [FILE... | - | --stdin]
       timeline --jsonl < documents.jsonl

With no FILE, prints the timeline of the bundled sample article.
  FILE...           documents in the header format: `date YYYY-MM-DD` then the text
  -, --stdin        read one document from standard input
  --date DATE       the files are plain text published on DATE (YYYY-MM-DD[THH:MM])
  --format FORMAT   text (default): one event a line, date first;
                    json: one object per document (an array for several);
                    jsonl: one object per document on one line;
                    markdown: a table of events per document;
                    timeml: the text with inline TIMEX3 tags (HeidelTime's format);
                    html: a self-contained page that draws the timeline (inline SVG)
  --jsonl           corpus mode: one JSON object a line on stdin,
                    {\"id\": ..., \"date\": ..., \"text\": ...}, one result line out per line in
  --jobs N          with --jsonl: analyse on N threads (0: one per core); output order is
                    input order, memory stays bounded
  --merge           merge the documents' timelines into one corpus timeline (files or --jsonl);
                    unreadable documents are reported on stderr
  --kinds K1,K2     keep only events of these kinds (ids such as cases, quarantine)";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Jsonl,
    Markdown,
    Timeml,
    Html,
}

struct Args {
    format: Format,
    kinds: Option<Vec<EventKind>>,
    merge: bool,
    date: Option<Published>,
    files: Vec<String>,
    stdin: bool,
    jsonl: bool,
    jobs: usize,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        format: Format::Text,
        kinds: None,
        merge: false,
        date: None,
        files: Vec::new(),
        stdin: false,
        jsonl: false,
        jobs: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--format" => {
                args.format = match it.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    Some("markdown") => Format::Markdown,
                    Some("timeml") => Format::Timeml,
                    Some("html") => Format::Html,
                    other => {
                        return Err(format!(
                            "--format takes text, json, jsonl, markdown, timeml or html, not {:?}",
                            other.unwrap_or("")
                        ))
                    }
                }
            }
            "--date" => {
                let d = it.next().ok_or("--date needs a date (YYYY-MM-DD)")?;
                args.date = Some(d.parse().map_err(|e| format!("--date: {e}"))?);
            }
            "--stdin" | "-" => args.stdin = true,
            "--merge" => args.merge = true,
            "--kinds" => {
                let list = it.next().ok_or("--kinds needs a comma-separated list of event kinds")?;
                let kinds: Result<Vec<EventKind>, String> = list
                    .split(',')
                    .map(|k| {
                        k.trim().parse::<EventKind>().map_err(|e| {
                            let known: Vec<&str> = EventKind::ALL.iter().map(|k| k.id()).collect();
                            format!("--kinds: {e}; known kinds: {}", known.join(", "))
                        })
                    })
                    .collect();
                args.kinds = Some(kinds?);
            }
            "--jsonl" => args.jsonl = true,
            "--jobs" => {
                let n = it.next().ok_or("--jobs needs a number of threads")?;
                args.jobs = n.parse().map_err(|_| format!("--jobs takes a number, not {n:?}"))?;
                if args.jobs == 0 {
                    args.jobs = std::thread::available_parallelism().map_or(1, |n| n.get());
                }
            }
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.files.push(a),
        }
    }
    if args.jobs > 1 && !args.jsonl {
        return Err("--jobs works in --jsonl corpus mode only".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(msg) if msg.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(msg) => {
            eprintln!("timeline: {msg}\n\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let result = match (args.jsonl, args.merge) {
        (true, true) => merge_corpus(&args, io::stdin().lock()),
        (true, false) => corpus(io::stdin().lock(), io::stdout().lock(), args.jobs),
        (false, _) => documents(&args),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) => {
            eprintln!("timeline: {e}");
            ExitCode::FAILURE
        }
    }
}

/// One input: its name and its text.
struct Input {
    name: String,
    text: String,
}

fn read_file(path: &str) -> Result<Input, String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{path}: {e}"))?;
    if meta.is_dir() {
        return Err(format!("{path}: is a directory, not a document"));
    }
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{path}: not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    if text.trim().is_empty() {
        return Err(format!("{path}: the file is empty"));
    }
    Ok(Input { name: path.to_string(), text })
}

fn documents(args: &Args) -> Result<bool, String> {
    let mut inputs = Vec::new();
    let mut ok = true;
    if args.stdin {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| format!("stdin: {e}"))?;
        let text = String::from_utf8(bytes)
            .map_err(|e| format!("stdin: not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
        inputs.push(Input { name: "-".into(), text });
    }
    for f in &args.files {
        match read_file(f) {
            Ok(i) => inputs.push(i),
            Err(e) => {
                eprintln!("timeline: {e}");
                ok = false;
            }
        }
    }
    if inputs.is_empty() && args.files.is_empty() && !args.stdin {
        inputs.push(Input { name: "sample".into(), text: SAMPLE.to_string() });
    }
    let mut records = Vec::new();
    let mut timelines = Vec::new();
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    for input in &inputs {
        let doc = match args.date {
            Some(date) => Ok(Document::new(date, &input.text)),
            None => Document::parse(&input.text),
        };
        let doc = match doc {
            Ok(d) => d.with_id(input.name.clone()),
            Err(e) => {
                eprintln!("timeline: {}: {e}", input.name);
                ok = false;
                continue;
            }
        };
        let mut analysis = analyze(&doc);
        if args.merge {
            timelines.push(analysis.timeline);
            continue;
        }
        if let Some(kinds) = &args.kinds {
            analysis.timeline = keep_kinds(&analysis.timeline, kinds);
        }
        match args.format {
            Format::Text => write_text(&mut out, &doc, &analysis).map_err(|e| e.to_string())?,
            Format::Json => records.push(DocumentRecord::new(&doc, &analysis)),
            Format::Jsonl => {
                let line = serde_json::to_string(&DocumentRecord::new(&doc, &analysis)).map_err(|e| e.to_string())?;
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
            Format::Markdown => writeln!(out, "{}", markdown::markdown(&doc, &analysis)).map_err(|e| e.to_string())?,
            Format::Timeml => writeln!(out, "{}", timeml::timeml(&doc, &analysis)).map_err(|e| e.to_string())?,
            Format::Html => {
                let title = format!("{} ({})", doc.id().unwrap_or("document"), doc.published());
                writeln!(out, "{}", html::html(&title, &analysis.timeline)).map_err(|e| e.to_string())?
            }
        }
    }
    if args.merge {
        let merged = Timeline::merge(timelines);
        let merged = match &args.kinds {
            Some(kinds) => keep_kinds(&merged, kinds),
            None => merged,
        };
        write_merged(&mut out, &merged, args.format).map_err(|e| e.to_string())?;
        out.flush().map_err(|e| e.to_string())?;
        return Ok(ok);
    }
    if args.format == Format::Json {
        let json = if records.len() == 1 && args.files.len() <= 1 {
            serde_json::to_string_pretty(&records[0])
        } else {
            serde_json::to_string_pretty(&records)
        };
        writeln!(out, "{}", json.map_err(|e| e.to_string())?).map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(ok)
}

fn write_text(out: &mut impl Write, doc: &Document, analysis: &khronika::Analysis) -> io::Result<()> {
    writeln!(
        out,
        "# {} (published {}): {} mentions, {} events",
        doc.id().unwrap_or("document"),
        doc.published(),
        analysis.mentions.len(),
        analysis.timeline.len()
    )?;
    for e in analysis.timeline.iter() {
        write_event(out, e)?;
    }
    Ok(())
}

/// One event on one line: date (and mod), kinds, places, figures, then the sentence.
fn write_event(out: &mut impl Write, e: &Event) -> io::Result<()> {
    let when = match e.modifier {
        Some(m) => format!("{} {}", e.when, m),
        None => e.when.to_string(),
    };
    let kinds: Vec<&str> = e.kinds.iter().map(|k| k.id()).collect();
    let mut facts = vec![kinds.join(",")];
    if !e.places.is_empty() {
        let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
        facts.push(format!("@{}", places.join(",")));
    }
    for f in &e.figures {
        facts.push(format!("{}{} {}", if f.approx { "~" } else { "" }, f.value, f.unit));
    }
    let text: Vec<&str> = e.text.split_whitespace().collect();
    let mark = if e.inherited { "↳ " } else { "" };
    let sources = if e.sources.len() > 1 {
        let docs: Vec<&str> = e.sources.iter().filter_map(|s| s.doc.as_deref()).collect();
        format!(" [{}]", docs.join(", "))
    } else {
        String::new()
    };
    writeln!(out, "{when:<30} {:<40} {mark}{}{sources}", facts.join(" "), text.join(" "))
}

/// The events of a timeline that have one of these kinds.
fn keep_kinds(t: &Timeline, kinds: &[EventKind]) -> Timeline {
    Timeline::from_events(t.iter().filter(|e| e.kinds.iter().any(|k| kinds.contains(k))).cloned().collect())
}

/// Prints a merged corpus timeline.
fn write_merged(out: &mut impl Write, t: &Timeline, format: Format) -> io::Result<()> {
    match format {
        Format::Text => {
            writeln!(out, "# corpus timeline: {} events", t.len())?;
            for e in t.iter() {
                write_event(out, e)?;
            }
        }
        Format::Json => writeln!(out, "{}", serde_json::to_string_pretty(t).map_err(io::Error::other)?)?,
        Format::Jsonl => {
            for e in t.iter() {
                writeln!(out, "{}", serde_json::to_string(e).map_err(io::Error::other)?)?;
            }
        }
        Format::Markdown => writeln!(out, "{}", markdown::markdown_timeline("Corpus timeline", t))?,
        Format::Html => writeln!(out, "{}", html::html("Corpus timeline", t))?,
        Format::Timeml => {
            return Err(io::Error::other(
                "--format timeml writes one document's text; it cannot show a merged timeline",
            ))
        }
    }
    Ok(())
}

/// Corpus merge mode: JSON documents on stdin, one merged timeline out; unreadable lines are
/// reported on stderr as error records.
fn merge_corpus(args: &Args, input: impl BufRead) -> Result<bool, String> {
    let mut ok = true;
    let mut timelines = Vec::new();
    for (n, line) in input.split(b'\n').enumerate() {
        let line = line.map_err(|e| format!("stdin: {e}"))?;
        let text = String::from_utf8_lossy(&line);
        match read_document(text.trim_end_matches('\r')) {
            Ok((id, published, body)) => {
                let mut doc = Document::new(published, &body);
                if let Some(id) = id {
                    doc = doc.with_id(id);
                }
                timelines.push(analyze(&doc).timeline);
            }
            Err(e) => {
                ok = false;
                eprintln!("{}", serde_json::json!({"line": n + 1, "error": e}));
            }
        }
    }
    let merged = Timeline::merge(timelines);
    let merged = match &args.kinds {
        Some(kinds) => keep_kinds(&merged, kinds),
        None => merged,
    };
    let out = io::stdout();
    let mut out = BufWriter::new(out.lock());
    write_merged(&mut out, &merged, args.format).map_err(|e| e.to_string())?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(ok)
}

/// Reads one corpus line: (id, publication, text).
fn read_document(line: &str) -> Result<(Option<String>, Published, String), String> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("bad JSON: {e}"))?;
    let obj = v.as_object().ok_or("expected a JSON object")?;
    let id = obj.get("id").filter(|i| !i.is_null()).map(|i| match i {
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    });
    let date = obj.get("date").and_then(|d| d.as_str()).ok_or("missing field \"date\" (a string YYYY-MM-DD)")?;
    let text = obj.get("text").and_then(|t| t.as_str()).ok_or("missing field \"text\" (a string)")?;
    let published: Published = date.parse().map_err(|e| format!("bad date: {e}"))?;
    Ok((id, published, text.to_string()))
}

/// Corpus mode: one JSON document a line in, one JSON line out, in order. Returns false if
/// any line failed (after processing all of them). With `jobs` > 1 the lines are analysed
/// in batches on that many threads ([`corpus_parallel`]).
fn corpus(input: impl BufRead, output: impl Write, jobs: usize) -> Result<bool, String> {
    if jobs > 1 {
        return corpus_parallel(input, output, jobs);
    }
    let mut out = BufWriter::new(output);
    let mut ok = true;
    let mut input = input;
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = input.read_until(b'\n', &mut buf).map_err(|e| format!("stdin: {e}"))?;
        if n == 0 {
            break;
        }
        line_no += 1;
        let (rec, good) = corpus_record(line_no, &buf);
        ok &= good;
        writeln!(out, "{rec}").map_err(|e| e.to_string())?;
    }
    out.flush().map_err(|e| e.to_string())?;
    Ok(ok)
}

/// The output record of corpus line `line_no` (its bytes, newline included or not), and
/// whether it was read.
fn corpus_record(line_no: usize, bytes: &[u8]) -> (serde_json::Value, bool) {
    let line = match std::str::from_utf8(bytes) {
        Ok(s) => s.trim_end_matches(['\n', '\r']),
        Err(e) => {
            let mut rec =
                serde_json::json!({"line": line_no, "error": format!("not valid UTF-8 at byte {}", e.valid_up_to())});
            // The id, when the line read leniently is a JSON object that gives one.
            let lenient = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(bytes)).ok();
            if let Some(id) = lenient.and_then(|v| v.get("id").cloned()).filter(|i| !i.is_null()) {
                rec["id"] = id;
            }
            return (rec, false);
        }
    };
    match corpus_line(line) {
        Ok(rec) => (rec, true),
        Err((id, error)) => {
            let mut rec = serde_json::json!({"line": line_no, "error": error});
            if let Some(id) = id {
                rec["id"] = id;
            }
            (rec, false)
        }
    }
}

/// A batch of corpus lines: its number in input order, the number of its first line, and
/// the lines.
type Batch = (usize, usize, Vec<Vec<u8>>);

/// Corpus mode on `jobs` threads, with the output of [`corpus`] byte for byte.
///
/// The calling thread reads batches of lines (at most 256 lines or 1 MB each), hands them
/// to `jobs` workers over a channel, and writes the workers' output in input order. At most
/// `2 * jobs + 2` batches are read and not yet written at any time, so memory stays bounded
/// whatever the size of the input.
fn corpus_parallel(mut input: impl BufRead, output: impl Write, jobs: usize) -> Result<bool, String> {
    use std::collections::BTreeMap;
    use std::sync::mpsc::{sync_channel, Receiver};
    use std::sync::{Arc, Mutex};
    const BATCH_LINES: usize = 256;
    const BATCH_BYTES: usize = 1 << 20;
    let window = 2 * jobs + 2;
    let (work_tx, work_rx) = sync_channel::<Batch>(jobs);
    let work_rx: Arc<Mutex<Receiver<_>>> = Arc::new(Mutex::new(work_rx));
    // Room for every batch in flight: a worker never waits to hand its result over.
    let (done_tx, done_rx) = sync_channel::<(usize, Vec<u8>, bool)>(window);
    let mut out = BufWriter::new(output);
    let mut ok = true;
    let (mut pending, mut written, mut in_flight) = (BTreeMap::new(), 0, 0);
    // Takes one finished batch and writes every batch that is now next in order.
    let mut take = |(index, bytes, good): (usize, Vec<u8>, bool), in_flight: &mut usize| -> Result<(), String> {
        ok &= good;
        pending.insert(index, bytes);
        while let Some(bytes) = pending.remove(&written) {
            out.write_all(&bytes).map_err(|e| e.to_string())?;
            written += 1;
            *in_flight -= 1;
        }
        Ok(())
    };
    std::thread::scope(|scope| -> Result<(), String> {
        for _ in 0..jobs {
            let (work_rx, done_tx) = (Arc::clone(&work_rx), done_tx.clone());
            scope.spawn(move || loop {
                let next = work_rx.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
                let Ok((index, first_line, lines)) = next else { break };
                let mut out = Vec::with_capacity(lines.iter().map(Vec::len).sum::<usize>() * 2);
                let mut ok = true;
                for (k, line) in lines.iter().enumerate() {
                    let (rec, good) = corpus_record(first_line + k, line);
                    ok &= good;
                    // Writing to a Vec cannot fail.
                    let _ = writeln!(out, "{rec}");
                }
                if done_tx.send((index, out, ok)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let lost = || "a worker thread stopped".to_string();
        let result = (|| {
            let (mut index, mut line_no) = (0, 1);
            loop {
                let mut lines = Vec::new();
                let mut bytes = 0;
                while lines.len() < BATCH_LINES && bytes < BATCH_BYTES {
                    let mut buf = Vec::new();
                    if input.read_until(b'\n', &mut buf).map_err(|e| format!("stdin: {e}"))? == 0 {
                        break;
                    }
                    bytes += buf.len();
                    lines.push(buf);
                }
                if lines.is_empty() {
                    break;
                }
                while in_flight >= window {
                    take(done_rx.recv().map_err(|_| lost())?, &mut in_flight)?;
                }
                while let Ok(done) = done_rx.try_recv() {
                    take(done, &mut in_flight)?;
                }
                let count = lines.len();
                work_tx.send((index, line_no, lines)).map_err(|_| lost())?;
                (index, line_no, in_flight) = (index + 1, line_no + count, in_flight + 1);
            }
            drop(work_tx);
            while in_flight > 0 {
                take(done_rx.recv().map_err(|_| lost())?, &mut in_flight)?;
            }
            Ok(())
        })();
        // On an error the workers stop when the channels close, before the scope ends.
        drop(done_rx);
        result
    })?;
    out.flush().map_err(|e| e.to_string())?;
    Ok(ok)
}

fn corpus_line(line: &str) -> Result<serde_json::Value, (Option<serde_json::Value>, String)> {
    let v: serde_json::Value = serde_json::from_str(line).map_err(|e| (None, format!("bad JSON: {e}")))?;
    let obj = v.as_object().ok_or((None, "expected a JSON object".to_string()))?;
    let id = obj.get("id").cloned().filter(|i| !i.is_null());
    let fail = |msg: String| (id.clone(), msg);
    let date = obj
        .get("date")
        .and_then(|d| d.as_str())
        .ok_or_else(|| fail("missing field \"date\" (a string YYYY-MM-DD)".into()))?;
    let text =
        obj.get("text").and_then(|t| t.as_str()).ok_or_else(|| fail("missing field \"text\" (a string)".into()))?;
    let published: Published = date.parse().map_err(|e| fail(format!("bad date: {e}")))?;
    let mut doc = Document::new(published, text);
    if let Some(i) = &id {
        doc = doc.with_id(match i {
            serde_json::Value::String(s) => s.clone(),
            other => other.to_string(),
        });
    }
    let record = DocumentRecord::new(&doc, &analyze(&doc));
    let mut value = serde_json::to_value(record).map_err(|e| fail(e.to_string()))?;
    if let (Some(i), Some(obj)) = (id, value.as_object_mut()) {
        obj.insert("id".into(), i);
    }
    Ok(value)
}
