//! khronika's command-line face: documents in, dated timelines out.
//!
//! ```text
//! cargo run --release --example timeline                      # the bundled sample article
//! cargo run --release --example timeline -- FILE...           # files in the `date YYYY-MM-DD` header format
//! cargo run --release --example timeline -- --date 2020-03-20 plain.txt
//! cargo run --release --example timeline -- --format json FILE
//! cargo run --release --example timeline -- --jsonl < corpus.jsonl > out.jsonl
//! ```

use khronika::export::json::DocumentRecord;
use khronika::{analyze, Document, Published};
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
                    jsonl: one object per document on one line
  --jsonl           corpus mode: one JSON object a line on stdin,
                    {\"id\": ..., \"date\": ..., \"text\": ...}, one result line out per line in";

#[derive(Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    Json,
    Jsonl,
}

struct Args {
    format: Format,
    date: Option<Published>,
    files: Vec<String>,
    stdin: bool,
    jsonl: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args { format: Format::Text, date: None, files: Vec::new(), stdin: false, jsonl: false };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => return Err(String::new()),
            "--format" => {
                args.format = match it.next().as_deref() {
                    Some("text") => Format::Text,
                    Some("json") => Format::Json,
                    Some("jsonl") => Format::Jsonl,
                    other => return Err(format!("--format takes text, json or jsonl, not {:?}", other.unwrap_or(""))),
                }
            }
            "--date" => {
                let d = it.next().ok_or("--date needs a date (YYYY-MM-DD)")?;
                args.date = Some(d.parse().map_err(|e| format!("--date: {e}"))?);
            }
            "--stdin" | "-" => args.stdin = true,
            "--jsonl" => args.jsonl = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.files.push(a),
        }
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
    let result = if args.jsonl { corpus(io::stdin().lock(), io::stdout().lock()) } else { documents(&args) };
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
        let analysis = analyze(&doc);
        match args.format {
            Format::Text => write_text(&mut out, &doc, &analysis).map_err(|e| e.to_string())?,
            Format::Json => records.push(DocumentRecord::new(&doc, &analysis)),
            Format::Jsonl => {
                let line = serde_json::to_string(&DocumentRecord::new(&doc, &analysis)).map_err(|e| e.to_string())?;
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
        }
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
        let when = match e.modifier {
            Some(m) => format!("{} {}", e.when, m),
            None => e.when.to_string(),
        };
        let text: Vec<&str> = e.text.split_whitespace().collect();
        writeln!(out, "{when:<30} {}", text.join(" "))?;
    }
    Ok(())
}

/// Corpus mode: one JSON document a line in, one JSON line out, in order. Returns false if
/// any line failed (after processing all of them).
fn corpus(input: impl BufRead, output: impl Write) -> Result<bool, String> {
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
        let line = match std::str::from_utf8(&buf) {
            Ok(s) => s.trim_end_matches(['\n', '\r']),
            Err(e) => {
                ok = false;
                let mut rec = serde_json::json!({"line": line_no, "error": format!("not valid UTF-8 at byte {}", e.valid_up_to())});
                // The id, when the line read leniently is a JSON object that gives one.
                let lenient = serde_json::from_str::<serde_json::Value>(&String::from_utf8_lossy(&buf)).ok();
                if let Some(id) = lenient.and_then(|v| v.get("id").cloned()).filter(|i| !i.is_null()) {
                    rec["id"] = id;
                }
                writeln!(out, "{rec}").map_err(|e| e.to_string())?;
                continue;
            }
        };
        let rec = match corpus_line(line) {
            Ok(rec) => rec,
            Err((id, error)) => {
                ok = false;
                let mut rec = serde_json::json!({"line": line_no, "error": error});
                if let Some(id) = id {
                    rec["id"] = id;
                }
                rec
            }
        };
        writeln!(out, "{rec}").map_err(|e| e.to_string())?;
    }
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
