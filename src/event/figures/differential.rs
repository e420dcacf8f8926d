//! Differential test (temporary): the old string engines against the token path.

use crate::event::{figures, places};
use crate::text::{split_sentences, Tokens};

fn shift_f(mut v: Vec<figures::Figure>, by: usize) -> Vec<figures::Figure> {
    for f in &mut v {
        f.span = f.span.start - by..f.span.end - by;
    }
    v
}

fn shift_p(mut v: Vec<places::PlaceMatch>, by: usize) -> Vec<places::PlaceMatch> {
    for f in &mut v {
        f.span = f.span.start - by..f.span.end - by;
    }
    v
}

/// Compares on one sentence: old vs new on the string, old vs token path in the document.
fn check(doc: &str, tokens: &Tokens, range: std::ops::Range<usize>, bad: &mut Vec<String>) {
    let (Some(a), Some(b)) = (tokens.get(range.start), range.end.checked_sub(1).and_then(|i| tokens.get(i))) else {
        return;
    };
    let (s0, s1) = (a.start, b.end);
    let sentence = &doc[s0..s1];
    let old_f = figures::old::figures(sentence);
    let new_f = figures::figures(sentence);
    let in_f = shift_f(figures::figures_in(doc, tokens, range.clone()), s0);
    if old_f != new_f || old_f != in_f {
        bad.push(format!("FIGURES {sentence:?}\n old {old_f:?}\n new {new_f:?}\n in  {in_f:?}"));
    }
    let old_p = places::old::places(sentence);
    let new_p = places::places(sentence);
    let in_p = shift_p(places::places_in(doc, tokens, range), s0);
    if old_p != new_p || old_p != in_p {
        bad.push(format!("PLACES {sentence:?}\n old {old_p:?}\n new {new_p:?}\n in  {in_p:?}"));
    }
}

fn check_document(doc: &str, bad: &mut Vec<String>) -> usize {
    let tokens = Tokens::new(doc);
    let ss = split_sentences(&tokens);
    for s in &ss {
        check(doc, &tokens, s.tokens.clone(), bad);
    }
    ss.len()
}

/// Rows of a TSV as one document, each row's sentence a token range of it.
fn check_rows(tsv: &str, bad: &mut Vec<String>) -> usize {
    let rows: Vec<&str> = tsv
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .filter_map(|l| l.split_once('\t').map(|(s, _)| s))
        .collect();
    let mut doc = String::new();
    let mut spans = Vec::new();
    for r in &rows {
        let start = doc.len();
        doc.push_str(r);
        spans.push(start..doc.len());
        doc.push_str("\n\n");
    }
    let tokens = Tokens::new(&doc);
    for span in spans {
        let first = tokens.as_slice().iter().position(|t| t.start >= span.start).unwrap_or(tokens.len());
        let last = tokens.as_slice().iter().rposition(|t| t.end <= span.end).map_or(first, |p| p + 1);
        check(&doc, &tokens, first..last.max(first), bad);
        // And the sentence on its own, exactly as written (leading/trailing spaces too).
        let s = &doc[span];
        if figures::old::figures(s) != figures::figures(s) || places::old::places(s) != places::places(s) {
            bad.push(format!("ROW {s:?}"));
        }
    }
    rows.len()
}

fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = e.path();
        if p.is_dir() {
            files(&p, out);
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
}

#[path = "../../../benches/common/mod.rs"]
mod common;

#[test]
fn old_and_token_paths_agree() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut bad = Vec::new();
    let mut n = 0;
    for tsv in ["tests/corpus/figures.tsv", "tests/corpus/places.tsv", "tests/corpus/event_kinds.tsv", "tests/corpus/ru_positive.tsv", "tests/corpus/ru_negative.tsv"] {
        n += check_rows(&std::fs::read_to_string(root.join(tsv)).unwrap(), &mut bad);
    }
    let mut paths = Vec::new();
    files(&root.join("tests/fixtures"), &mut paths);
    paths.push("/work/shared/seed/article.txt".into());
    for p in paths {
        if let Ok(text) = std::fs::read_to_string(&p) {
            n += check_document(&text, &mut bad);
        }
    }
    for a in common::articles(common::SEED, 1_000_000) {
        n += check_document(&a.text, &mut bad);
    }
    assert!(bad.is_empty(), "{} of {n} differ:\n{}", bad.len(), bad[..bad.len().min(15)].join("\n"));
    eprintln!("{n} sentences agree");
}

proptest::proptest! {
    #![proptest_config(proptest::test_runner::Config::with_cases(20000))]
    #[test]
    fn soup_agrees(
        parts in proptest::collection::vec(proptest::sample::select(vec![
            "1", "23", "500", "2020", " ", "  ", "\u{a0}", "\u{202f}", "\u{2009}", "\t", "\n", ",", ".", "-", "–", ":", "%", "$", "№",
            "млн", "тыс.", "тенге", "человек", "более", "до", "у", "число", "заболевших", "трое", "двадцать", "пять",
            "тысяч", "тысяча", "с", "лишним", "умерли", "случаев", "ё", "2-х", "х", "COVID", "ПЦР", "тестов", "Нур", "Султан",
            "Алматы", "Карагандинской", "области", "и", "Республике", "Казахстан", "долларов", "США", "Семей", "Орёл",
            "Орел", "ЗКО", "летальных", "исходов", "а", "Б", "5G", "дом", "(", ")", "Нижнем", "Новгороде",
        ]), 0..16)
    ) {
        let s: String = parts.concat();
        let mut bad = Vec::new();
        check_document(&s, &mut bad);
        let t = Tokens::new(&s);
        check(&s, &t, 0..t.len(), &mut bad);
        proptest::prop_assert!(bad.is_empty(), "{}", bad.join("\n"));
    }
}
