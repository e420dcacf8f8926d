//! The example binary (`examples/timeline.rs`) as a scraper's pipeline runs it: every bad
//! input gets a clear message and a non-zero exit, and in `--jsonl` mode every input line
//! gets exactly one output line, in order, whether a result or an error record.
//!
//! `cargo test` builds the examples next to the test binaries (`target/debug/examples`);
//! `cargo test --test cli` alone does not, so build it first then
//! (`cargo build --example timeline`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The example binary, from the test binary's place: `target/debug/deps/cli-…` →
/// `target/debug/examples/timeline`.
fn timeline() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let debug = exe.parent().and_then(Path::parent).expect("target/debug");
    let bin = debug.join("examples").join(format!("timeline{}", std::env::consts::EXE_SUFFIX));
    assert!(bin.exists(), "{} is missing: run `cargo test` or `cargo build --example timeline`", bin.display());
    bin
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(timeline())
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the example runs");
    child.stdin.take().expect("stdin").write_all(stdin).expect("stdin written");
    child.wait_with_output().expect("the example ends")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).expect("UTF-8 output")
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
