//! Data-driven grammar tests: every row of `tests/corpus/*.tsv` is a case.
//!
//! - `ru_positive.tsv`: `phrase<TAB>publication<TAB>value<TAB>mod<TAB>surface`; the mention
//!   whose text is `surface` must exist and have that value and mod (`-` for none).
//! - `ru_negative.tsv`: `phrase<TAB>publication`; the phrase has no mention at all.
//!
//! Lines starting with `#` and blank lines are comments. All failures are listed at once.

use khronika::{extract, Document, Published};

fn rows(data: &str) -> impl Iterator<Item = (usize, Vec<&str>)> {
    data.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').collect()))
}

#[test]
fn positive_corpus() {
    let data = include_str!("corpus/ru_positive.tsv");
    let mut failures = Vec::new();
    let mut total = 0;
    for (line, cols) in rows(data) {
        total += 1;
        let [phrase, date, value, modifier, surface] = cols[..] else {
            failures.push(format!("line {line}: expected 5 columns, got {}", cols.len()));
            continue;
        };
        let published: Published = date.parse().unwrap_or_else(|e| panic!("line {line}: {e}"));
        let doc = Document::new(published, phrase);
        let mentions = extract(&doc);
        let got = mentions.iter().find(|m| m.text(phrase) == surface);
        let want_mod = (modifier != "-").then_some(modifier);
        match got {
            Some(m) if m.value.to_string() == value && m.modifier.map(|x| x.as_str()) == want_mod => {}
            _ => {
                let found: Vec<String> = mentions
                    .iter()
                    .map(|m| {
                        format!(
                            "«{}» {}{}",
                            m.text(phrase),
                            m.value,
                            m.modifier.map(|x| format!(" {x}")).unwrap_or_default()
                        )
                    })
                    .collect();
                failures.push(format!(
                    "line {line}: {phrase} [{date}] want «{surface}» {value} {modifier}; got {}",
                    found.join(", ")
                ));
            }
        }
    }
    assert!(total >= 300, "the positive corpus has {total} rows");
    assert!(failures.is_empty(), "{} of {total} positive rows fail:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn negative_corpus() {
    let data = include_str!("corpus/ru_negative.tsv");
    let mut failures = Vec::new();
    let mut total = 0;
    for (line, cols) in rows(data) {
        total += 1;
        let (phrase, date) = (cols[0], cols.get(1).copied().unwrap_or("2020-03-20"));
        let published: Published = date.parse().unwrap_or_else(|e| panic!("line {line}: {e}"));
        let mentions = extract(&Document::new(published, phrase));
        if !mentions.is_empty() {
            let found: Vec<String> = mentions.iter().map(|m| format!("«{}» {}", m.text(phrase), m.value)).collect();
            failures.push(format!("line {line}: {phrase}: {}", found.join(", ")));
        }
    }
    assert!(total >= 80, "the negative corpus has {total} rows");
    assert!(failures.is_empty(), "{} of {total} negative rows fail:\n{}", failures.len(), failures.join("\n"));
}
