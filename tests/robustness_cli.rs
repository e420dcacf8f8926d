//! The example binary (`examples/timeline.rs`) under the inputs a hostile or careless
//! pipeline gives it: closed pipes, huge options, arguments that are not UTF-8, ids that
//! would forge lines or lose digits, and an id that must not be copied per event. Each ends
//! with the right output or a clear message and a non-zero status, never a panic.
//!
//! Like `tests/cli.rs`, this runs `target/<profile>/examples/timeline`, which `cargo test`
//! builds.

use std::io::Write;
use std::process::{Command, ExitStatus, Stdio};

mod example;

use example::{run, timeline};

/// A fresh directory for one test's files.
fn scratch() -> example::Scratch {
    example::scratch("robust")
}

fn os<'a>(args: &[&'a str]) -> Vec<&'a std::ffi::OsStr> {
    args.iter().map(|a| std::ffi::OsStr::new(*a)).collect()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// A status that is a failure but not a panic (Rust exits 101 on a panic).
fn quiet_failure(status: ExitStatus, what: &str) {
    assert!(!status.success(), "{what}: {status:?}");
    assert_ne!(status.code(), Some(101), "{what}: panicked");
    assert!(status.code().is_some(), "{what}: killed by a signal: {status:?}");
}

/// Runs the binary with stdout and/or stderr a pipe whose reader is already gone.
fn with_closed(args: &[&str], stdin: &[u8], close_stdout: bool, close_stderr: bool) -> (ExitStatus, String) {
    let closed = || {
        // std::io::pipe is 1.87; the tests need 1.88 anyway (proptest 1.12).
        #[allow(clippy::incompatible_msrv)]
        let (reader, writer) = std::io::pipe().expect("a pipe");
        drop(reader);
        Stdio::from(writer)
    };
    let mut child = Command::new(timeline())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(if close_stdout { closed() } else { Stdio::null() })
        .stderr(if close_stderr { closed() } else { Stdio::piped() })
        .spawn()
        .expect("the example runs");
    let _ = child.stdin.take().expect("stdin").write_all(stdin);
    let out = child.wait_with_output().expect("the example ends");
    (out.status, text(&out.stderr))
}

const DOC: &str = r#"{"id": "a", "date": "2020-03-20", "text": "16 марта ввели карантин. Вчера выявлено 9 случаев."}"#;

#[test]
fn closed_stdout_ends_quietly() {
    let corpus = format!("{DOC}\n").repeat(2000);
    for (args, stdin) in [
        (&["--help"][..], ""),
        (&["--format", "json"][..], ""),
        (&["--format", "html"][..], ""),
        (&["--jsonl"][..], corpus.as_str()),
        (&["--jsonl", "--jobs", "2"][..], corpus.as_str()),
        (&["--jsonl", "--merge"][..], corpus.as_str()),
        (&["--jsonl", "--progress"][..], corpus.as_str()),
        (&["--jsonl", "--merge", "--progress", "--errors-ok"][..], corpus.as_str()),
        (&["--version"][..], ""),
    ] {
        let (status, stderr) = with_closed(args, stdin.as_bytes(), true, false);
        quiet_failure(status, &format!("{args:?}"));
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert!(stderr.is_empty(), "{args:?}: a closed pipe ends the run quietly, not with {stderr:?}");
    }
}

#[test]
fn closed_stderr_ends_quietly() {
    let dir = scratch();
    let missing = dir.join("missing.txt");
    let missing = missing.to_str().expect("a UTF-8 path");
    for (args, stdin, code) in [
        (&["--bogus"][..], "", 2),
        (&["--jobs", "many"][..], "", 2),
        (&[missing][..], "", 1),
        (&["--jsonl", "--merge"][..], "not json\n", 1),
        (&["-"][..], "no header", 1),
        (&["--jsonl", "--progress"][..], "not json\n", 1),
        (&["--jsonl", "--errors-ok"][..], "not json\n", 0),
        (&["-o", "/nonexistent/out.txt"][..], "", 1),
    ] {
        let (status, _) = with_closed(args, stdin.as_bytes(), false, true);
        assert_eq!(status.code(), Some(code), "{args:?}: {status:?}");
        let (status, _) = with_closed(args, stdin.as_bytes(), true, true);
        quiet_failure(status, &format!("{args:?}, both closed"));
    }
}

#[test]
fn huge_job_counts_are_lowered_not_fatal() {
    let corpus = format!("{DOC}\nnot json\n{DOC}\n").repeat(50);
    let one = run(&os(&["--jsonl"]), corpus.as_bytes());
    assert_eq!(one.status.code(), Some(1), "a bad line fails the run");
    for jobs in ["0", "2", "100000", "18446744073709551615"] {
        let out = run(&os(&["--jsonl", "--jobs", jobs]), corpus.as_bytes());
        assert_eq!(out.status.code(), Some(1), "--jobs {jobs}: {}", text(&out.stderr));
        assert!(!text(&out.stderr).contains("panicked"), "--jobs {jobs}: {}", text(&out.stderr));
        assert_eq!(out.stdout, one.stdout, "--jobs {jobs}: the output of one thread");
    }
    let out = run(&os(&["--jsonl", "--jobs", "18446744073709551616"]), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--jobs takes a number"), "{}", text(&out.stderr));
    let out = run(&os(&["--jobs", "100000"]), b"");
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--jobs works in --jsonl corpus mode only"), "{}", text(&out.stderr));
    let help = run(&os(&["--help"]), b"");
    assert!(text(&help.stdout).contains("at most 4 per"), "--help says how --jobs is bounded");
}

#[cfg(unix)]
#[test]
fn arguments_that_are_not_utf8() {
    use std::ffi::OsStr;
    use std::os::unix::ffi::OsStrExt;
    let dir = scratch();
    let name = dir.join(OsStr::from_bytes(b"caf\xe9.txt"));
    std::fs::write(&name, "date 2020-03-20\nВчера выявлено 9 случаев.").expect("a file with a Latin-1 name");
    // A path is any bytes: it is read, and named as well as it can be.
    let out = run(&[name.as_os_str()], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).starts_with("# ") && text(&out.stdout).contains("caf\u{fffd}.txt"),
        "{}",
        text(&out.stdout)
    );
    let out = run(&[OsStr::new("--format"), OsStr::new("json"), name.as_os_str()], b"");
    assert!(out.status.success(), "{}", text(&out.stderr));
    // So is an output path, after `-o`, `--output` or `--output=`.
    let expected = run(&[name.as_os_str()], b"").stdout;
    for (n, flag) in ["-o", "--output", "--output="].into_iter().enumerate() {
        let target = dir.join(OsStr::from_bytes(&[format!("out{n}.").as_bytes(), b"t\xe9xt"].concat()));
        let os = |bytes: &[u8]| OsStr::from_bytes(bytes).to_owned();
        let args = match flag.strip_suffix('=') {
            Some(flag) => {
                vec![os(&[flag.as_bytes(), b"=", target.as_os_str().as_bytes()].concat()), name.clone().into()]
            }
            None => vec![flag.into(), target.clone().into(), name.clone().into()],
        };
        let out = run(&args, b"");
        assert!(out.status.success(), "{flag}: {}", text(&out.stderr));
        assert_eq!(std::fs::read(&target).expect("the output, at its non-UTF-8 path"), expected, "{flag}");
    }
    // A missing one is named in the message.
    let out = run(&[OsStr::from_bytes(b"/nonexistent/\xff.txt")], b"");
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("/nonexistent/\u{fffd}.txt: No such file"), "{}", text(&out.stderr));
    // Option values and options are text: a clear error.
    for (args, says) in [
        (vec![OsStr::new("--date"), OsStr::from_bytes(b"2020-03-\xff")], "--date: "),
        (vec![OsStr::new("--kinds"), OsStr::from_bytes(b"cases,\xff")], "--kinds: "),
        (vec![OsStr::new("--jobs"), OsStr::from_bytes(b"\xff")], "--jobs: "),
        (vec![OsStr::new("--format"), OsStr::from_bytes(b"\xff")], "--format takes text, json"),
        (vec![OsStr::from_bytes(b"--date=2020-03-\xff")], "--date: "),
        (vec![OsStr::from_bytes(b"--kinds=C1,\xff")], "--kinds: "),
        (vec![OsStr::from_bytes(b"--format=\xff")], "--format takes text, json"),
        (vec![OsStr::from_bytes(b"-\xff")], "unknown option"),
        (vec![OsStr::from_bytes(b"--\xff=json")], "unknown option"),
        (vec![OsStr::from_bytes(b"--\xff")], "unknown option"),
    ] {
        let out = run(&args, b"");
        let err = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {err}");
        assert!(err.contains(says) && !err.contains("panicked"), "{args:?}: {err}");
    }
}

#[test]
fn ids_and_names_cannot_forge_text_lines() {
    let forged = r#"{"id": "a\n2099-01-01 cases FORGED", "date": "2020-03-20", "text": "Вчера выявлено 9 случаев."}"#;
    let other =
        r#"{"id": "b\r\n# corpus timeline: 0 events", "date": "2020-03-20", "text": "Вчера выявлено 9 случаев."}"#;
    let input = format!("{forged}\n{other}\n");
    let out = run(&os(&["--jsonl", "--merge"]), input.as_bytes());
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 2, "a heading and one merged event:\n{stdout}");
    assert!(lines[1].ends_with("[a\\n2099-01-01 cases FORGED, b\\r\\n# corpus timeline: 0 events]"), "{stdout}");
    assert!(!lines.iter().any(|l| l.starts_with("2099")), "{stdout}");
    // Markdown is line-based too (HTML is not: a line break in its text is a space).
    let out = run(&os(&["--jsonl", "--merge", "--format", "markdown"]), input.as_bytes());
    let stdout = text(&out.stdout);
    assert!(!stdout.lines().any(|l| l.starts_with("2099") || l.starts_with("# corpus")), "{stdout}");
    // A file name with a newline, in the text and Markdown headings.
    #[cfg(unix)]
    {
        let dir = scratch();
        let name = dir.join("a\n2099-01-01 cases FORGED");
        std::fs::write(&name, "date 2020-03-20\nВчера выявлено 9 случаев.").expect("a file");
        for format in ["text", "markdown"] {
            let out = run(&[std::ffi::OsStr::new("--format"), std::ffi::OsStr::new(format), name.as_os_str()], b"");
            let stdout = text(&out.stdout);
            assert!(out.status.success(), "{}", text(&out.stderr));
            assert!(!stdout.lines().any(|l| l.starts_with("2099")), "{format}:\n{stdout}");
            // Text escapes the line break; Markdown makes it a space, as it does in a cell.
            let heading = stdout.lines().next().unwrap_or_default();
            assert!(
                heading.contains("a\\n2099-01-01 cases FORGED") || heading.contains("a 2099-01-01 cases FORGED"),
                "{format}:\n{stdout}"
            );
        }
    }
}

#[test]
fn ids_are_echoed_exactly_as_written() {
    let input = concat!(
        r#"{"id": 12345678901234567890123, "date": "2020-03-20", "text": "Вчера выявлено 9 случаев."}"#,
        "\n",
        r#"{"id": 1.50e3, "date": "2020-02-30", "text": "x"}"#,
        "\n",
        r#"{"id": "\u0041-1", "date": "2020-03-20", "text": "Сегодня."}"#,
        "\n",
    );
    let out = run(&os(&["--jsonl"]), input.as_bytes());
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert!(lines[0].starts_with(r#"{"id":12345678901234567890123,"date":"2020-03-20","#), "{stdout}");
    assert!(
        lines[1].starts_with(r#"{"line":2,"error":"bad date: "#) && lines[1].ends_with(r#","id":1.50e3}"#),
        "{stdout}"
    );
    assert!(lines[2].starts_with(r#"{"id":"A-1","#), "a string id is written back as a string: {stdout}");
    // In a merged timeline an id is its text.
    let out = run(&os(&["--jsonl", "--merge", "--format", "json"]), input.as_bytes());
    assert!(text(&out.stdout).contains(r#""doc": "12345678901234567890123""#), "{}", text(&out.stdout));
}

/// A 1 MB id on a document with 1,000 dated sentences: the record writes the id once, and
/// nothing copies it per event (the run once peaked near 1 GB). Run under a 256 MB address
/// space limit.
#[cfg(target_os = "linux")]
#[test]
fn a_huge_id_is_not_copied_per_event() {
    let sentences: Vec<String> = (0..1000).map(|d| format!("{} марта выявлено {d} случаев.", d % 28 + 1)).collect();
    let line =
        format!(r#"{{"id": "{}", "date": "2020-03-20", "text": "{}"}}"#, "x".repeat(1_000_000), sentences.join(" "));
    let dir = scratch();
    let input = dir.join("big.jsonl");
    std::fs::write(&input, format!("{line}\n")).expect("the corpus file");
    let out = Command::new("sh")
        .arg("-c")
        .arg(r#"ulimit -v 262144 && exec "$0" --jsonl < "$1""#)
        .arg(timeline())
        .arg(&input)
        .output()
        .expect("sh runs");
    assert!(out.status.success(), "{:?}: {}", out.status, text(&out.stderr));
    let stdout = text(&out.stdout);
    assert_eq!(stdout.lines().count(), 1);
    assert_eq!(stdout.matches("xxxxxxxxxx").count() * 10, 1_000_000, "the id, once");
    assert_eq!(stdout.matches(r#""kinds":["cases"]"#).count(), 1000, "every event");
}
