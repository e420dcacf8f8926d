//! khronika's command-line face: documents in, dated timelines out (`--help` lists the
//! options). Argument handling and I/O only: the formats are `khronika::export`, the modes
//! `khronika::corpus`. Install it as a command: `cargo install --path . --example timeline`.

use khronika::corpus::{self, ErrorRecord, LangChoice, Meter, WriteOptions};
use khronika::export::csv::{write_corpus, CorpusOptions};
use khronika::export::{Format, Target};
use khronika::{Extractor, Published};
use std::ffi::OsString;
use std::io::{self, BufWriter, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::str::FromStr;
use std::sync::Arc;

/// The sample article bundled with the crate (written for it; a 2020 regional news story).
const SAMPLE: &str = include_str!("sample/article.txt");

const VERSION: &str = concat!("timeline ", env!("CARGO_PKG_VERSION"));

const USAGE: &str = "\
usage: timeline [OPTION...] [FILE... | - | --stdin]
       timeline --jsonl [OPTION...] < documents.jsonl

With no FILE, prints the timeline of the bundled sample article. An option's value follows it
(`--format json`) or an equals sign (`--format=json`).
  FILE...             documents in the header format: `date YYYY-MM-DD` then the text
  -, --stdin          read one document from standard input
  --date DATE         the files are plain text published on DATE (YYYY-MM-DD[THH:MM])
  --format FORMAT     text (default), or jsonl (default with --jsonl), or any of:
FORMATS
  --rows R            csv rows: events (default) or mentions (one per mention; not with --merge)
  -o, --output FILE   write to FILE (created, or emptied first) instead of standard output
  --jsonl             corpus mode: one {\"id\": ..., \"date\": ..., \"text\": ...} a line on stdin, one
                      record out per line in ({\"line\": N, \"error\": ..., \"id\": ...} if unreadable);
                      with --format csv, one CSV of every line's rows (error records on stderr)
  --jobs N            with --jsonl: analyse on N threads (0: one per core; at most 4 per core,
                      a larger N is lowered to that); output in input order, memory bounded
  --progress          with --jsonl: a progress line and the end summary on stderr (`N documents,
                      M events, K errors, X MB/s`); on by default when stderr is a terminal
  --errors-ok         with --jsonl: exit 0 even when lines got error records
  --merge             merge the documents' timelines into one corpus timeline (files or --jsonl);
                      a FILE (or stdin) that starts with `{` is merged timelines, what --merge
                      --format json writes, merged again: a reduce of partial merges (docs/scale.md)
  --kinds K1,K2       keep only events of these kinds: ids (cases, quarantine) or OxCGRT codes
                      (C1, H6: every kind of that indicator); with --jsonl, --merge or csv only
  --prefer P          undecided dates go to the nearest (default), past or future (JSONL: \"prefer\")
  --relative-grain G  unit (default: `через неделю` is that week) or day (the day a week away)
  --past-day P        window (default: `за сутки` is yesterday/today) or report (the publication day)
  --lang L            ru, kk or auto (default: each document by its letters; JSONL: \"lang\")
  -h, --help          this text
  -V, --version       `timeline` and the version

Exit status: 0 when every document was read; 1 when one was not (with --jsonl --errors-ok,
still 0), or reading, writing or creating the --output FILE failed (a closed pipe ends the run
quietly); 2 for bad arguments. With --jsonl, stderr ends with the count of error records.";

/// What each format writes, for `--help`, which lists `Format::ALL` (a format missing here is
/// listed by name).
const ABOUT: &[(&str, &str)] = &[
    ("text", "one event a line, date first"),
    ("json", "one object per document (an array for several)"),
    ("jsonl", "one object per document on one line"),
    ("csv", "a header, then one row per event (a doc column names the document)"),
    ("markdown", "a table of events per document"),
    ("timeml", "TempEval-3 TimeML: the text with inline TIMEX3 tags (documents only)"),
    ("html", "a self-contained page that draws the timeline (inline SVG)"),
    ("tilse", "each date, its sentences, a line of dashes (one document, or --merge)"),
    ("oxcgrt", "one row per place and day, a column per indicator (one document, or --merge)"),
];

/// The usage text, with every format `--format` takes.
fn usage() -> String {
    let about = |f: Format| ABOUT.iter().find(|(name, _)| *name == f.name()).map_or("", |a| a.1);
    let formats: Vec<String> = Format::ALL.iter().map(|&f| format!("{:6}{:<16}{}", "", f.name(), about(f))).collect();
    USAGE.replace("FORMATS", &formats.join("\n"))
}

#[derive(Default)]
struct Args {
    w: WriteOptions, // format, rows, resolution options, language, kinds and --merge, for every mode
    jobs: usize,
    date: Option<Published>,
    files: Vec<PathBuf>,
    output: Option<PathBuf>,
    stdin: bool,
    jsonl: bool,
    progress: bool,
    errors_ok: bool,
    shown: Option<String>, // the help or version text asked for
}

/// The value of option `--name`, parsed; the errors say what it takes.
fn parsed<T: FromStr>(p: &mut lexopt::Parser, name: &str, takes: &str) -> Result<T, String> {
    let name = format!("--{name}");
    let v = p.value().map_err(|_| format!("{name} needs {takes}"))?;
    let v = v.into_string().map_err(|v| format!("{name}: {v:?} is not valid UTF-8 ({name} takes {takes})"))?;
    v.parse().map_err(|_| format!("{name} takes {takes}, not {v:?}"))
}

/// Reads the arguments (not the program's name); `--help` and `--version` set `shown`.
fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Args, String> {
    use lexopt::Arg::{Long, Short, Value};
    let (mut p, mut a) = (lexopt::Parser::from_args(args), Args::default());
    let (mut format, mut rows) = (None, None);
    let formats: Vec<&str> = Format::ALL.iter().map(|f| f.name()).collect();
    while let Some(arg) = p.next().map_err(|e| e.to_string())? {
        match arg {
            Short('h') | Long("help") => return Ok(Args { shown: Some(usage()), ..a }),
            Short('V') | Long("version") => return Ok(Args { shown: Some(VERSION.into()), ..a }),
            Long("format") => format = Some(parsed(&mut p, "format", &formats.join(", "))?),
            Long("rows") => rows = Some(parsed(&mut p, "rows", "events or mentions")?),
            Long("date") => a.date = Some(parsed(&mut p, "date", "a date (YYYY-MM-DD[THH:MM])")?),
            Short('o') | Long("output") => a.output = Some(p.value().map_err(|_| "--output needs a file")?.into()),
            Long("stdin") => a.stdin = true,
            Value(v) if v == "-" => a.stdin = true,
            Value(v) => a.files.push(v.into()),
            Long("merge") => a.w.merge = true,
            Long("kinds") => {
                let list: String = parsed(&mut p, "kinds", "a comma-separated list of event kinds")?;
                let kinds =
                    corpus::parse_kinds(&list).map_err(|e| format!("--kinds: {e}; known: {}", corpus::kind_names()))?;
                a.w.kinds = Some(kinds);
            }
            Long("prefer") => a.w.options.prefer = parsed(&mut p, "prefer", "nearest, past or future")?,
            Long("relative-grain") => a.w.options.relative_grain = parsed(&mut p, "relative-grain", "unit or day")?,
            Long("past-day") => a.w.options.past_day = parsed(&mut p, "past-day", "window or report")?,
            Long("lang") => a.w.lang = parsed::<LangChoice>(&mut p, "lang", LangChoice::NAMES)?.0,
            Long("jsonl") => a.jsonl = true,
            Long("jobs") => a.jobs = corpus::jobs(parsed(&mut p, "jobs", "a number of threads")?),
            Long("progress") => a.progress = true,
            Long("errors-ok") => a.errors_ok = true,
            Long(s) => return Err(format!("unknown option --{s}")),
            Short(c) => return Err(format!("unknown option -{c}")),
        }
    }
    if a.jsonl && !a.files.is_empty() {
        return Err("--jsonl reads its corpus on stdin, not FILEs (merge partial merges without --jsonl)".into());
    }
    let corpus_only = [("--jobs", a.jobs > 1), ("--progress", a.progress), ("--errors-ok", a.errors_ok)];
    if let Some((name, _)) = corpus_only.iter().find(|(_, given)| *given && !a.jsonl) {
        return Err(format!("{name} works in --jsonl corpus mode only"));
    }
    let target = corpus::target(a.jsonl, a.w.merge, a.files.len() + usize::from(a.stdin));
    a.w.format = format.unwrap_or(if target == Target::Corpus { Format::Jsonl } else { Format::Text });
    a.w.format.check(target, rows).map_err(|e| e.to_string())?;
    if target == Target::Corpus && a.w.format != Format::Csv && a.w.kinds.is_some() {
        return Err("--kinds with --jsonl needs --merge or --format csv (a JSONL record keeps every event)".into());
    }
    a.w.rows = rows.unwrap_or_default();
    Ok(a)
}

/// A message on stderr; if stderr is closed too, there is no one to tell.
fn warn(msg: &str) {
    let _ = writeln!(io::stderr().lock(), "timeline: {msg}");
}

fn main() -> ExitCode {
    match parse_args(std::env::args_os().skip(1)) {
        Ok(Args { shown: Some(text), .. }) => {
            ExitCode::from(u8::from(writeln!(io::stdout().lock(), "{text}").is_err()))
        }
        Ok(args) => run(&args),
        Err(msg) => {
            warn(&format!("{msg}\n(`timeline --help` lists the options)"));
            ExitCode::from(2)
        }
    }
}

/// Runs what `args` ask, into standard output or the `--output` file.
fn run(args: &Args) -> ExitCode {
    let out: Box<dyn Write> = match &args.output {
        None => Box::new(io::stdout().lock()),
        Some(path) => match std::fs::File::create(path) {
            Ok(file) => Box::new(file),
            Err(e) => {
                warn(&format!("{}: cannot create the output file: {e}", path.display()));
                return ExitCode::FAILURE;
            }
        },
    };
    let result = match args.jsonl {
        true => corpus_run(args, out),
        false => documents(args, &mut BufWriter::new(out)),
    };
    match result {
        Ok(ok) => ExitCode::from(u8::from(!ok)),
        Err(e) if e.kind() == io::ErrorKind::BrokenPipe => ExitCode::FAILURE, // quietly
        Err(e) => {
            warn(&e.to_string());
            ExitCode::FAILURE
        }
    }
}

/// File (or stdin, or sample) mode; returns whether every document was read.
fn documents(args: &Args, out: &mut impl Write) -> io::Result<bool> {
    let mut inputs: Vec<(String, Arc<str>)> = Vec::new(); // shared: the analysis copies no text
    if args.stdin {
        inputs.push(("-".into(), corpus::read_text("stdin", io::stdin().lock()).map_err(io::Error::other)?.into()));
    }
    let mut errors = Vec::new(); // reported before the output
    for path in &args.files {
        match corpus::read_file(path) {
            Ok(text) => inputs.push((path.to_string_lossy().into_owned(), text.into())),
            Err(e) => errors.push(e.to_string()),
        }
    }
    if inputs.is_empty() && args.files.is_empty() && !args.stdin {
        inputs.push(("sample".into(), SAMPLE.into()));
    }
    let docs = corpus::read_inputs(&mut inputs, args.date, args.w.merge, |e| errors.push(e.to_string()));
    errors.iter().for_each(|e| warn(e));
    corpus::write_documents(out, docs, &WriteOptions { array: args.files.len() > 1, ..args.w.clone() })?;
    Ok(errors.is_empty())
}

/// Corpus mode: JSONL documents on stdin; records, one CSV or one merged timeline out; the
/// progress line and summary, or the error count, on stderr. Returns whether the exit is 0.
fn corpus_run(args: &Args, out: Box<dyn Write>) -> io::Result<bool> {
    let (meter, w, tty) = (Meter::new(), &args.w, io::stderr().is_terminal());
    let c = CorpusOptions { rows: w.rows, jobs: args.jobs, options: w.options, kinds: w.kinds.clone(), lang: w.lang };
    let e = LangChoice(w.lang).extractor(Extractor::new(w.options));
    let erase = if tty { "\r\x1b[K" } else { "" }; // an error record clears the progress line
    let report = |e: &ErrorRecord| {
        let _ = writeln!(io::stderr().lock(), "{erase}{}", serde_json::to_string(e).unwrap_or_default());
    };
    let input = io::BufReader::with_capacity(1 << 16, meter.reader(io::stdin()));
    let run = || match (w.merge, w.format) {
        (true, _) => corpus::merge_with(input, c.jobs, e, report).and_then(|(merged, summary)| {
            corpus::write_merged(&mut BufWriter::new(out), w.format, c.kinds.as_deref(), &merged)?;
            std::mem::forget(merged); // the process ends next: freeing each event is left to the OS
            Ok(summary)
        }),
        (false, Format::Csv) => write_corpus(input, out, &c, report),
        (false, _) => corpus::records_with(input, out, c.jobs, e),
    };
    let show = args.progress || tty;
    let summary = if show { meter.show_progress(tty, io::stderr(), run)? } else { run()? };
    let count = || format!("{} of {} lines got error records", summary.failed, summary.lines);
    if show || summary.failed > 0 {
        warn(&if show { meter.summary(&summary) } else { count() });
    }
    Ok(summary.failed == 0 || args.errors_ok)
}
