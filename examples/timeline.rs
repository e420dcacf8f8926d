//! khronika's command-line face: documents in, dated timelines out (`--help` lists the
//! options). Argument handling and I/O only: the formats are `khronika::export`, corpus
//! mode is `khronika::corpus`.
//!
//! ```text
//! cargo run --release --example timeline -- [--format json] FILE...
//! cargo run --release --example timeline -- --jsonl --jobs 2 < corpus.jsonl > out.jsonl
//! ```

use khronika::corpus::{self, records_with};
use khronika::export::json::RecordView;
use khronika::export::{keep_kinds, Format};
use khronika::{Analysis, Document, EventKind, Extractor, Published, ResolveOptions, Timeline};
use std::ffi::OsString;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;

/// The sample article bundled with the crate (written for it; a 2020 regional news story).
const SAMPLE: &str = include_str!("sample/article.txt");

const USAGE: &str = "\
usage: timeline [--format text|json|jsonl|markdown|timeml|html] [--date YYYY-MM-DD] [--merge]
                [--kinds K1,K2] [--prefer P] [--relative-grain G] [FILE... | - | --stdin]
       timeline --jsonl [--jobs N] [--merge [--format F]] < documents.jsonl

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
  --jsonl           corpus mode: one {\"id\": ..., \"date\": ..., \"text\": ...} a line on stdin, one
                    result line out per line in ({\"line\": N, \"error\": ..., \"id\": ...} if unreadable)
  --jobs N          with --jsonl: analyse on N threads (0: one per core; at most 4 per core,
                    a larger N is lowered to that); output in input order, memory bounded
  --merge           merge the documents' timelines into one corpus timeline (files or --jsonl);
                    unreadable documents are reported on stderr
  --kinds K1,K2     keep only events of these kinds (ids such as cases, quarantine)
  --prefer P        undecided dates go to the nearest (default), past or future (JSONL: \"prefer\")
  --relative-grain G  unit (default: `через неделю` is that week) or day (the day a week away)
  -h, --help        this text

Exit status: 0 when every document was read, 1 when one was not or the output failed
(a closed pipe ends the run quietly), 2 for bad arguments.";

struct Args {
    format: Format,
    kinds: Option<Vec<EventKind>>,
    merge: bool,
    date: Option<Published>,
    files: Vec<PathBuf>,
    stdin: bool,
    jsonl: bool,
    jobs: usize,
    options: ResolveOptions,
}

/// The value after option `name`, which must be UTF-8.
fn value(it: &mut impl Iterator<Item = OsString>, name: &str, missing: &str) -> Result<String, String> {
    let v = it.next().ok_or_else(|| missing.to_string())?;
    v.into_string().map_err(|v| format!("{name}: {v:?} is not valid UTF-8"))
}

/// The value after option `name`, parsed; the errors say what `name` takes.
fn parsed<T: FromStr>(it: &mut impl Iterator<Item = OsString>, name: &str, takes: &str) -> Result<T, String> {
    let v = it.next().ok_or_else(|| format!("{name} needs {takes}"))?;
    let v = v.into_string().map_err(|v| format!("{name}: {v:?} is not valid UTF-8 ({name} takes {takes})"))?;
    v.parse().map_err(|_| format!("{name} takes {takes}, not {v:?}"))
}

/// Reads the arguments; `Ok(None)` asks for the usage text.
fn parse_args(mut it: impl Iterator<Item = OsString>) -> Result<Option<Args>, String> {
    let (format, files, options, kinds, date) = (Format::Text, Vec::new(), ResolveOptions::default(), None, None);
    let mut args = Args { format, kinds, merge: false, date, files, stdin: false, jsonl: false, jobs: 1, options };
    while let Some(arg) = it.next() {
        let Some(a) = arg.to_str() else {
            if arg.as_encoded_bytes().starts_with(b"--") {
                return Err(format!("unknown option {arg:?} (not valid UTF-8)"));
            }
            args.files.push(PathBuf::from(arg));
            continue;
        };
        match a {
            "-h" | "--help" => return Ok(None),
            "--format" => args.format = parsed(&mut it, a, "text, json, jsonl, markdown, timeml or html")?,
            "--date" => args.date = Some(parsed(&mut it, a, "a date (YYYY-MM-DD[THH:MM])")?),
            "--stdin" | "-" => args.stdin = true,
            "--merge" => args.merge = true,
            "--kinds" => {
                let list = value(&mut it, a, "--kinds needs a comma-separated list of event kinds")?;
                let kinds: Result<Vec<EventKind>, _> = list.split(',').map(|k| k.trim().parse()).collect();
                let known = || EventKind::ALL.iter().map(|k| k.id()).collect::<Vec<_>>().join(", ");
                args.kinds = Some(kinds.map_err(|e| format!("--kinds: {e}; known kinds: {}", known()))?);
            }
            "--prefer" => args.options.prefer = parsed(&mut it, a, "nearest, past or future")?,
            "--relative-grain" => args.options.relative_grain = parsed(&mut it, a, "unit or day")?,
            "--jsonl" => args.jsonl = true,
            "--jobs" => args.jobs = corpus::jobs(parsed(&mut it, a, "a number of threads")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.files.push(PathBuf::from(arg)),
        }
    }
    if args.jobs > 1 && !args.jsonl {
        return Err("--jobs works in --jsonl corpus mode only".into());
    }
    Ok(Some(args))
}

/// A message on stderr; if stderr is closed too, there is no one to tell.
fn warn(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "timeline: {msg}");
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args_os().skip(1)) {
        Ok(Some(a)) => a,
        Ok(None) => {
            return if writeln!(io::stdout().lock(), "{USAGE}").is_ok() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
        }
        Err(msg) => {
            warn(&format!("{msg}\n\n{USAGE}"));
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout().lock();
    let result = match (args.jsonl, args.merge) {
        (true, false) => records_with(io::stdin().lock(), stdout, args.jobs, args.options).map(|s| s.failed == 0),
        (true, true) => merge_corpus(&args, &mut BufWriter::new(stdout)),
        (false, _) => documents(&args, &mut BufWriter::new(stdout)),
    };
    match result {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::FAILURE,
        Err(e) => {
            warn(&e.to_string());
            ExitCode::FAILURE
        }
    }
}

/// Reads one document, a file or stdin (`None`): UTF-8, and a file not empty.
fn read_document(path: Option<&PathBuf>) -> Result<String, String> {
    let name = path.map_or("stdin".into(), |p| p.display().to_string());
    let bytes = match path {
        None => io::stdin().lock().bytes().collect::<io::Result<Vec<u8>>>(), // buffered
        Some(p) if p.is_dir() => return Err(format!("{name}: is a directory, not a document")),
        Some(p) => std::fs::read(p),
    };
    let bytes = bytes.map_err(|e| format!("{name}: {e}"))?;
    let text = String::from_utf8(bytes)
        .map_err(|e| format!("{name}: not valid UTF-8 at byte {}", e.utf8_error().valid_up_to()))?;
    if path.is_some() && text.trim().is_empty() {
        return Err(format!("{name}: the file is empty"));
    }
    Ok(text)
}

/// File (or stdin, or sample) mode; returns whether every document was read.
fn documents(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let mut inputs: Vec<(String, Arc<str>)> = Vec::new(); // shared: the analysis copies no text
    if args.stdin {
        inputs.push(("-".into(), read_document(None).map_err(io::Error::other)?.into()));
    }
    let mut ok = true;
    for path in &args.files {
        match read_document(Some(path)) {
            Ok(text) => inputs.push((path.to_string_lossy().into_owned(), text.into())),
            Err(e) => {
                warn(&e);
                ok = false;
            }
        }
    }
    if inputs.is_empty() && args.files.is_empty() && !args.stdin {
        inputs.push(("sample".into(), SAMPLE.into()));
    }
    let mut analysed: Vec<(Document, Analysis)> = Vec::new();
    let mut timelines = Vec::new();
    for (name, text) in &inputs {
        let doc = match args.date {
            Some(date) => Ok(Document::new(date, text)),
            None => Document::parse(text),
        };
        let doc = match doc {
            Ok(d) => d.with_id(name.as_str()).with_shared_text(Arc::clone(text)),
            Err(e) => {
                warn(&format!("{name}: {e}"));
                ok = false;
                continue;
            }
        };
        let mut analysis = Extractor::new(args.options).analyze(&doc);
        if args.merge {
            timelines.push(analysis.timeline);
            continue;
        }
        if let Some(kinds) = &args.kinds {
            analysis.timeline = keep_kinds(&analysis.timeline, kinds);
        }
        match args.format {
            Format::Json => analysed.push((doc, analysis)),
            format => format.write_document(out, &doc, &analysis)?,
        }
    }
    if args.merge {
        write_merged(out, Timeline::merge(timelines), args)?;
    } else if args.format == Format::Json {
        let records: Vec<RecordView> = analysed.iter().map(|(d, a)| RecordView::new(d, a)).collect();
        match records.as_slice() {
            [one] if args.files.len() <= 1 => serde_json::to_writer_pretty(&mut *out, one)?,
            all => serde_json::to_writer_pretty(&mut *out, all)?,
        }
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(ok)
}

/// Writes a merged corpus timeline (after the kind filter) in the chosen format.
fn write_merged(out: &mut impl Write, merged: Timeline, args: &Args) -> io::Result<()> {
    let t = match &args.kinds {
        Some(kinds) => keep_kinds(&merged, kinds),
        None => merged,
    };
    args.format.write_timeline(out, "Corpus timeline", &t)?;
    std::mem::forget(t); // the process ends next: freeing each event is left to the OS
    out.flush()
}

/// Corpus merge mode: JSON documents on stdin, one merged timeline out; unreadable lines
/// are reported on stderr as error records (if stderr is closed, there is no one to tell).
fn merge_corpus(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let (merged, summary) = corpus::merge_with(io::stdin().lock(), args.jobs, args.options, |e| {
        let _ = writeln!(io::stderr().lock(), "{}", serde_json::to_string(e).unwrap_or_default());
    })?;
    write_merged(out, merged, args)?;
    Ok(summary.failed == 0)
}
