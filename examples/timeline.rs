//! khronika's command-line face: documents in, dated timelines out (`--help` lists the
//! options). Argument handling and I/O only: the formats are `khronika::export`, corpus
//! mode is `khronika::corpus`.
//!
//! ```text
//! cargo run --release --example timeline -- [--format json] FILE...
//! cargo run --release --example timeline -- --jsonl --jobs 2 < corpus.jsonl > out.jsonl
//! ```

use khronika::corpus::{self, records_with, ErrorRecord};
use khronika::export::csv::{write_corpus, CorpusOptions};
use khronika::export::{keep_kinds, Documents, Format, Target};
use khronika::{Document, EventKind, Extractor, Published, Timeline};
use std::ffi::OsString;
use std::io::{self, BufWriter, Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;

/// The sample article bundled with the crate (written for it; a 2020 regional news story).
const SAMPLE: &str = include_str!("sample/article.txt");

const USAGE: &str = "\
usage: timeline [--format F] [--rows R] [--date YYYY-MM-DD] [--merge] [--kinds K1,K2] [--prefer P]
                [--relative-grain G] [FILE... | - | --stdin]
       timeline --jsonl [--jobs N] [--format jsonl|csv [--rows R] | --merge [--format F]] < documents.jsonl

With no FILE, prints the timeline of the bundled sample article.
  FILE...           documents in the header format: `date YYYY-MM-DD` then the text
  -, --stdin        read one document from standard input
  --date DATE       the files are plain text published on DATE (YYYY-MM-DD[THH:MM])
  --format FORMAT   text (default): one event a line, date first;
                    json: one object per document (an array for several);
                    jsonl: one object per document on one line;
                    csv: a header, then one row per event (a doc column names the document);
                    markdown: a table of events per document;
                    timeml: the text with inline TIMEX3 tags (HeidelTime's format);
                    html: a self-contained page that draws the timeline (inline SVG);
                    tilse: each date, its sentences, a line of dashes (one document, or --merge)
  --rows R          csv rows: events (default) or mentions (one per mention; not with --merge)
  --jsonl           corpus mode: one {\"id\": ..., \"date\": ..., \"text\": ...} a line on stdin, one
                    result line out per line in ({\"line\": N, \"error\": ..., \"id\": ...} if unreadable);
                    with --format csv, one CSV of every line's rows (errors on stderr)
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

#[derive(Default)]
struct Args {
    format: Format,
    corpus: CorpusOptions, // rows, kinds, jobs and resolution options, for every mode
    merge: bool,
    date: Option<Published>,
    files: Vec<PathBuf>,
    stdin: bool,
    jsonl: bool,
}

/// What `--format` takes.
const FORMATS: &str = "text, json, jsonl, csv, markdown, timeml, html or tilse";

/// The value after option `name`, parsed; the errors say what `name` takes.
fn parsed<T: FromStr>(it: &mut impl Iterator<Item = OsString>, name: &str, takes: &str) -> Result<T, String> {
    let v = it.next().ok_or_else(|| format!("{name} needs {takes}"))?;
    let v = v.into_string().map_err(|v| format!("{name}: {v:?} is not valid UTF-8 ({name} takes {takes})"))?;
    v.parse().map_err(|_| format!("{name} takes {takes}, not {v:?}"))
}

/// Reads the arguments; `Ok(None)` asks for the usage text.
fn parse_args(mut it: impl Iterator<Item = OsString>) -> Result<Option<Args>, String> {
    let (mut args, mut format, mut rows) = (Args::default(), None, None);
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
            "--format" => format = Some(parsed(&mut it, a, FORMATS)?),
            "--rows" => rows = Some(parsed(&mut it, a, "events or mentions")?),
            "--date" => args.date = Some(parsed(&mut it, a, "a date (YYYY-MM-DD[THH:MM])")?),
            "--stdin" | "-" => args.stdin = true,
            "--merge" => args.merge = true,
            "--kinds" => {
                let list: String = parsed(&mut it, a, "a comma-separated list of event kinds")?;
                let kinds: Result<Vec<EventKind>, _> = list.split(',').map(|k| k.trim().parse()).collect();
                let known = || EventKind::ALL.iter().map(|k| k.id()).collect::<Vec<_>>().join(", ");
                args.corpus.kinds = Some(kinds.map_err(|e| format!("--kinds: {e}; known kinds: {}", known()))?);
            }
            "--prefer" => args.corpus.options.prefer = parsed(&mut it, a, "nearest, past or future")?,
            "--relative-grain" => args.corpus.options.relative_grain = parsed(&mut it, a, "unit or day")?,
            "--jsonl" => args.jsonl = true,
            "--jobs" => args.corpus.jobs = corpus::jobs(parsed(&mut it, a, "a number of threads")?),
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ => args.files.push(PathBuf::from(arg)),
        }
    }
    if args.corpus.jobs > 1 && !args.jsonl {
        return Err("--jobs works in --jsonl corpus mode only".into());
    }
    let several = args.files.len() + usize::from(args.stdin) > 1;
    let target = match (args.jsonl, args.merge) {
        (_, true) => Target::Merged,
        (true, false) => Target::Corpus,
        (false, false) => [Target::Document, Target::Documents][usize::from(several)],
    };
    args.format = format.unwrap_or(if target == Target::Corpus { Format::Jsonl } else { Format::Text });
    args.format.check(target, rows).map_err(|e| e.to_string())?;
    args.corpus.rows = rows.unwrap_or_default();
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
    let (stdout, c, ok) = (io::stdout().lock(), &args.corpus, |s: corpus::Summary| s.failed == 0);
    let result = match (args.jsonl, args.merge) {
        (true, false) if args.format == Format::Csv => write_corpus(io::stdin().lock(), stdout, c, report).map(ok),
        (true, false) => records_with(io::stdin().lock(), stdout, c.jobs, c.options).map(ok),
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
    let mut output = Documents::new(args.format, args.corpus.rows, args.files.len() > 1);
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
        let mut analysis = Extractor::new(args.corpus.options).analyze(&doc);
        if args.merge {
            timelines.push(analysis.timeline);
            continue;
        }
        if let Some(kinds) = &args.corpus.kinds {
            analysis.timeline = keep_kinds(&analysis.timeline, kinds);
        }
        output.write(out, doc, analysis)?;
    }
    match args.merge {
        true => write_merged(out, Timeline::merge(timelines), args)?,
        false => output.finish(out)?,
    }
    out.flush()?;
    Ok(ok)
}

/// Writes a merged corpus timeline (after the kind filter) in the chosen format.
fn write_merged(out: &mut impl Write, merged: Timeline, args: &Args) -> io::Result<()> {
    let t = match &args.corpus.kinds {
        Some(kinds) => keep_kinds(&merged, kinds),
        None => merged,
    };
    args.format.write_timeline(out, "Corpus timeline", &t)?;
    std::mem::forget(t); // the process ends next: freeing each event is left to the OS
    out.flush()
}

/// An unreadable corpus line's error record, on stderr (if it is closed, there is no one to tell).
fn report(e: &ErrorRecord) {
    let _ = writeln!(io::stderr().lock(), "{}", serde_json::to_string(e).unwrap_or_default());
}

/// Corpus merge mode: JSON documents on stdin, one merged timeline out.
fn merge_corpus(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let (merged, summary) = corpus::merge_with(io::stdin().lock(), args.corpus.jobs, args.corpus.options, report)?;
    write_merged(out, merged, args)?;
    Ok(summary.failed == 0)
}
