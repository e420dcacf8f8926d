//! Deterministic Russian news text for khronika's benchmarks.
//!
//! Articles are expanded from the templates in `templates.txt` (written for khronika, in the
//! style of 2020-2021 COVID coverage) with a SplitMix64 generator, so every run and every
//! machine sees the same bytes. `benches/corpus.py` expands the same templates with the same
//! generator and writes byte-identical JSONL, for the scripts that time other systems.
//!
//! Shared by `benches/pipeline.rs` and `benches/compare` (`#[path = "../common/mod.rs"]`).
#![allow(dead_code)]

use std::collections::HashMap;

/// The template file, shared with `benches/corpus.py`.
pub const TEMPLATES: &str = include_str!("templates.txt");

/// The seed the benchmarks use unless they say otherwise.
pub const SEED: u64 = 2020;

/// SplitMix64: small, fast, and the same in every language.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (modulo bias is irrelevant here).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
}

enum Slot {
    List(Vec<&'static str>),
    Range(u64, u64),
}

/// One generated article.
#[derive(Clone, Debug)]
pub struct Article {
    pub id: String,
    /// Publication date, `YYYY-MM-DD`.
    pub date: String,
    pub text: String,
}

impl Article {
    /// The article as one line of khronika's `--jsonl` corpus format (no newline).
    pub fn jsonl(&self) -> String {
        format!(
            "{{\"id\": {}, \"date\": {}, \"text\": {}}}",
            json_str(&self.id),
            json_str(&self.date),
            json_str(&self.text)
        )
    }
}

/// A JSON string literal (UTF-8 kept as is, as Python's `ensure_ascii=False` writes it).
pub fn json_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// An endless, deterministic stream of articles.
pub struct Generator {
    rng: Rng,
    slots: HashMap<&'static str, Slot>,
    count: usize,
}

impl Generator {
    pub fn new(seed: u64) -> Self {
        Generator { rng: Rng::new(seed), slots: parse(TEMPLATES), count: 0 }
    }

    /// The next article: a headline line, then 2-6 paragraphs of 2-4 sentences, one a line.
    pub fn article(&mut self) -> Article {
        let year = 2020 + self.rng.below(2);
        let month = 1 + self.rng.below(12);
        let day = 1 + self.rng.below(28);
        let mut text = String::new();
        self.expand("headline", &mut text);
        let paragraphs = 2 + self.rng.below(5);
        for _ in 0..paragraphs {
            text.push('\n');
            let sentences = 2 + self.rng.below(3);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                self.expand("sentence", &mut text);
            }
        }
        self.count += 1;
        Article { id: format!("n{:07}", self.count), date: format!("{year:04}-{month:02}-{day:02}"), text }
    }

    fn expand(&mut self, name: &str, out: &mut String) {
        let pick = match self.slots.get(name) {
            Some(Slot::List(alts)) => Err(alts[self.rng.below(alts.len() as u64) as usize]),
            Some(Slot::Range(a, b)) => Ok(*a + self.rng.below(*b - *a + 1)),
            None => panic!("templates.txt: no list @{name}"),
        };
        let template = match pick {
            Ok(n) => {
                out.push_str(&n.to_string());
                return;
            }
            Err(t) => t,
        };
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let close = open + rest[open..].find('}').expect("templates.txt: unclosed {");
            self.expand(&rest[open + 1..close], out);
            rest = &rest[close + 1..];
        }
        out.push_str(rest);
    }
}

fn parse(src: &'static str) -> HashMap<&'static str, Slot> {
    let mut slots = HashMap::new();
    let mut current: Option<&'static str> = None;
    for line in src.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(head) = line.strip_prefix('@') {
            if let Some((name, range)) = head.split_once(" = ") {
                let (a, b) = range.split_once("..").expect("templates.txt: range A..B");
                slots.insert(name.trim(), Slot::Range(a.parse().unwrap(), b.parse().unwrap()));
                current = None;
            } else {
                slots.insert(head, Slot::List(Vec::new()));
                current = Some(head);
            }
            continue;
        }
        match current.and_then(|c| slots.get_mut(c)) {
            Some(Slot::List(alts)) => alts.push(line),
            _ => panic!("templates.txt: a line outside a list: {line}"),
        }
    }
    slots
}

/// Articles totalling at least `bytes` bytes of text.
pub fn articles(seed: u64, bytes: usize) -> Vec<Article> {
    let mut g = Generator::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let a = g.article();
        total += a.text.len();
        out.push(a);
    }
    out
}

/// One document of about `bytes` bytes: articles joined by blank lines, cut after the last
/// sentence that fits.
pub fn text(seed: u64, bytes: usize) -> String {
    let mut g = Generator::new(seed);
    let mut out = String::with_capacity(bytes + 4096);
    while out.len() < bytes {
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(&g.article().text);
    }
    if out.len() > bytes {
        let limit = (0..=bytes).rev().find(|&i| out.is_char_boundary(i)).unwrap_or(0);
        let cut = out[..limit].rfind(". ").map_or(limit, |i| i + 1);
        out.truncate(cut);
    }
    out
}
