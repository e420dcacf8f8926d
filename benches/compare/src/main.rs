//! khronika next to Duckling (the Rust port, Russian time dimension) on the same generated
//! Russian news corpus (`benches/common`), one thread each.
//!
//! ```text
//! cargo run --release -- [--mb 5] [--peer-mb 1] [--only khronika]
//! cargo run --release -- --write-jsonl corpus.jsonl [--mb 5]    # the corpus, for scripts
//! cargo run --release --no-default-features -- --jsonl corpus.jsonl --only khronika --tsv
//! ```
//!
//! `--jsonl PATH` reads the articles from a corpus file (`benches/corpus.py` writes the same
//! articles) instead of generating them; `--tsv` prints `system docs chars bytes seconds
//! mentions` lines without a header, for `benches/peers.sh`.
//!
//! Prints one row per system: documents, characters, seconds, chars/s, MB/s, mentions
//! found, and the ratio of khronika's throughput to the system's. The peer runs on the
//! first `--peer-mb` MB of the same articles when it is much slower.

#[path = "../../common/mod.rs"]
mod common;

use std::io::Write;
use std::time::Instant;

struct Row {
    system: &'static str,
    docs: usize,
    chars: usize,
    bytes: usize,
    seconds: f64,
    found: usize,
}

impl Row {
    fn chars_per_s(&self) -> f64 {
        self.chars as f64 / self.seconds
    }
}

fn main() {
    let mut mb = 5.0;
    let mut peer_mb = 1.0;
    let mut only: Option<String> = None;
    let mut write: Option<String> = None;
    let mut jsonl: Option<String> = None;
    let mut tsv = false;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().unwrap_or_else(|| panic!("{name} needs a value"));
        match a.as_str() {
            "--mb" => mb = value("--mb").parse().expect("--mb takes a number"),
            "--peer-mb" => peer_mb = value("--peer-mb").parse().expect("--peer-mb takes a number"),
            "--only" => only = Some(value("--only")),
            "--write-jsonl" => write = Some(value("--write-jsonl")),
            "--jsonl" => jsonl = Some(value("--jsonl")),
            "--tsv" => tsv = true,
            "-h" | "--help" => {
                println!(
                    "usage: khronika-compare [--mb N | --jsonl PATH] [--peer-mb N] [--only khronika|duckling] [--tsv]\n       \
                     khronika-compare --write-jsonl PATH [--mb N]"
                );
                return;
            }
            other => panic!("unknown argument {other}"),
        }
    }
    let articles = match &jsonl {
        Some(path) => read_jsonl(path),
        None => common::articles(common::SEED, (mb * 1e6) as usize),
    };
    if let Some(path) = write {
        let mut out = std::io::BufWriter::new(std::fs::File::create(&path).expect("create the corpus file"));
        for a in &articles {
            writeln!(out, "{}", a.jsonl()).expect("write the corpus");
        }
        out.flush().expect("write the corpus");
        eprintln!("wrote {} articles to {path}", articles.len());
        return;
    }
    let wants = |s: &str| only.as_deref().is_none_or(|o| o == s);
    let mut rows = Vec::new();
    if wants("khronika") {
        rows.push(khronika_row(&articles));
    }
    if wants("duckling") {
        let peer: Vec<&common::Article> = prefix(&articles, (peer_mb * 1e6) as usize);
        match duckling_row(&peer) {
            Some(row) => rows.push(row),
            None => println!("duckling: not compared (built without the `duckling` feature)"),
        }
    }
    if tsv {
        for r in &rows {
            println!("{}\t{}\t{}\t{}\t{:.6}\t{}", r.system, r.docs, r.chars, r.bytes, r.seconds, r.found);
        }
        return;
    }
    let base = rows.iter().find(|r| r.system == "khronika").map(Row::chars_per_s);
    println!(
        "{:<10} {:>6} {:>11} {:>8} {:>12} {:>8} {:>9} {:>10}",
        "system", "docs", "chars", "seconds", "chars/s", "MB/s", "mentions", "khronika÷"
    );
    for r in &rows {
        let ratio = base.map_or("-".to_string(), |b| format!("{:.1}x", b / r.chars_per_s()));
        println!(
            "{:<10} {:>6} {:>11} {:>8.2} {:>12.0} {:>8.2} {:>9} {:>10}",
            r.system,
            r.docs,
            r.chars,
            r.seconds,
            r.chars_per_s(),
            r.bytes as f64 / r.seconds / 1e6,
            r.found,
            ratio
        );
    }
}

/// Articles from a corpus file in the `--jsonl` format.
fn read_jsonl(path: &str) -> Vec<common::Article> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    text.lines()
        .map(|line| {
            let v: serde_json::Value = serde_json::from_str(line).expect("a JSON line");
            let field = |k: &str| v[k].as_str().unwrap_or_else(|| panic!("{path}: no string {k:?}")).to_string();
            common::Article { id: field("id"), date: field("date"), text: field("text") }
        })
        .collect()
}

/// The first articles, up to `bytes` of text (at least one).
fn prefix(articles: &[common::Article], bytes: usize) -> Vec<&common::Article> {
    let mut total = 0;
    articles
        .iter()
        .take_while(|a| {
            let take = total < bytes;
            total += a.text.len();
            take
        })
        .collect()
}

fn khronika_row(articles: &[common::Article]) -> Row {
    let docs: Vec<khronika::Document> = articles
        .iter()
        .map(|a| khronika::Document::new(a.date.parse::<khronika::Published>().expect("date"), a.text.as_str()))
        .collect();
    // Warm-up: the lexicon is built on first use.
    khronika::analyze(&docs[0]);
    let start = Instant::now();
    let mut found = 0;
    for d in &docs {
        found += std::hint::black_box(khronika::analyze(d)).mentions.len();
    }
    let seconds = start.elapsed().as_secs_f64();
    Row {
        system: "khronika",
        docs: docs.len(),
        chars: articles.iter().map(|a| a.text.chars().count()).sum(),
        bytes: articles.iter().map(|a| a.text.len()).sum(),
        seconds,
        found,
    }
}

#[cfg(feature = "duckling")]
fn duckling_row(articles: &[&common::Article]) -> Option<Row> {
    use chrono::{FixedOffset, NaiveDate, TimeZone};
    use duckling::{parse, Context, DimensionKind, Lang, Locale, Options};
    let locale = Locale::new(Lang::RU, None);
    let options = Options::default();
    let context = |date: &str| {
        let d = NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("date");
        let at = d.and_hms_opt(12, 0, 0).expect("noon");
        Context::new(FixedOffset::east_opt(5 * 3600).expect("UTC+5").from_local_datetime(&at).unwrap(), locale)
    };
    // Warm-up: the rules are compiled on first use.
    parse("16 марта", &locale, &[DimensionKind::Time], &context("2020-03-20"), &options);
    let start = Instant::now();
    let mut found = 0;
    for a in articles {
        found += parse(&a.text, &locale, &[DimensionKind::Time], &context(&a.date), &options).len();
    }
    let seconds = start.elapsed().as_secs_f64();
    Some(Row {
        system: "duckling",
        docs: articles.len(),
        chars: articles.iter().map(|a| a.text.chars().count()).sum(),
        bytes: articles.iter().map(|a| a.text.len()).sum(),
        seconds,
        found,
    })
}

#[cfg(not(feature = "duckling"))]
fn duckling_row(_: &[&common::Article]) -> Option<Row> {
    None
}
