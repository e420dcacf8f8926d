//! The corpus merge (`Timeline::merge`, `khronika::corpus::merge`): its algebra as property
//! tests over generated corpora, and its guarantees as examples.
//!
//! Properties, over corpora of documents whose events are drawn from a small pool of dates
//! (days, an interval, a month, with and without a mod), kinds, places, figures and
//! sentences, so that many events of different documents share a key:
//! 1. a single document's timeline merged with nothing comes out as it went in;
//! 2. idempotent: merging a merged timeline changes nothing;
//! 3. order-independent: any permutation of the documents gives the same timeline;
//! 4. associative: merging the merged parts of a corpus (split anywhere, in any order) gives
//!    the merge of the whole;
//! 5. no merged event takes two events of one document, and every member of a merged event
//!    matches every other directly (the same key): for each key, the merge has exactly as
//!    many events as the document with most events of that key; every input event is in the
//!    output exactly once, as a source;
//! 6. the same corpus twice (under other ids) gives the same events, each with twice the
//!    sources; undated sentences are all kept, with their document;
//! 7. a reduce: the merged parts written as JSON (`--merge --format json`) and read back
//!    (`corpus::read_merged`) merge into the very bytes of the merge of the whole, figures
//!    that are not round decimals included.
//!
//! `PROPTEST_CASES=2000 cargo test --release --test merge` runs a deeper search.

use chrono::NaiveDate;
use khronika::export::html::html;
use khronika::export::markdown::markdown_timeline;
use khronika::{analyze, Document, Event, EventKind, Figure, FigureWhat, Mod, Place, PlaceKind, Source, Span};
use khronika::{Excerpt, Timeline, Undated, Value};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

// ---------------------------------------------------------------------------------------
// Building events

fn day(d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 3, d).expect("a March day")
}

/// An event with one source: `doc`'s sentence number `sentence`.
fn event(doc: Option<&Arc<str>>, sentence: usize, when: Value, modifier: Option<Mod>, facts: Facts) -> Event {
    let span = Span { bytes: sentence * 100..sentence * 100 + 60, chars: sentence * 50..sentence * 50 + 30 };
    let mut e = Event::new(when, modifier, span.clone(), facts.text);
    e.mentions = [sentence as u32].into();
    e.kinds = facts.kinds.into();
    e.cues = facts.cues.into_iter().map(Excerpt::from).collect();
    e.places = facts.places.into();
    e.figures = facts.figures.into();
    e.inherited = facts.inherited;
    e.sources = vec![Source { doc: doc.cloned(), sentence: span }].into();
    e
}

/// What an event says besides its date.
#[derive(Clone, Debug)]
struct Facts {
    text: String,
    kinds: Vec<EventKind>,
    cues: Vec<String>,
    places: Vec<Place>,
    figures: Vec<Figure>,
    inherited: bool,
}

fn place(name: &'static str) -> Place {
    // Each city its own region's code (none for a name the table here does not know: then
    // the name stands for it).
    let code = match name {
        "Алматы" => "KZ-75",
        "Астана" | "Нур-Султан" => "KZ-71",
        "Шымкент" => "KZ-79",
        _ => "",
    };
    Place {
        name: name.into(),
        kind: PlaceKind::City,
        country: "KZ".into(),
        code: code.into(),
        sentence: 0,
        context: false,
    }
}

fn cases(n: f64) -> Figure {
    Figure {
        value: n,
        unit: "people".into(),
        what: FigureWhat::Cases,
        approx: false,
        span: Span::default(),
        count: None,
        subset: false,
        sentence: 0,
    }
}

/// A document's timeline as the pipeline would build it: events in chronological order.
fn document(id: Option<&str>, events: Vec<(usize, Value, Option<Mod>, Facts)>, undated: &[usize]) -> Timeline {
    let doc: Option<Arc<str>> = id.map(Arc::from);
    let events: Vec<Event> =
        events.into_iter().map(|(s, when, m, facts)| event(doc.as_ref(), s, when, m, facts)).collect();
    let mut t = Timeline::from_events(events);
    // `Timeline` has no public constructor with undated sentences: they come through serde.
    if !undated.is_empty() {
        let undated: Vec<Undated> = undated
            .iter()
            .map(|&s| Undated {
                sentence: Span { bytes: s * 100..s * 100 + 10, chars: s * 50..s * 50 + 5 },
                text: format!("Без даты {s}.").into(),
                doc: doc.clone(),
            })
            .collect();
        let mut json = serde_json::to_value(&t).expect("a timeline writes");
        json["undated"] = serde_json::to_value(&undated).expect("undated sentences write");
        t = serde_json::from_value(json).expect("a timeline reads");
    }
    t
}

// ---------------------------------------------------------------------------------------
// Generators

fn any_when() -> impl Strategy<Value = (Value, Option<Mod>)> {
    prop_oneof![
        3 => (16u32..=18).prop_map(|d| (Value::Day(day(d)), None)),
        1 => Just((Value::Day(day(16)), Some(Mod::Before))),
        1 => Just((Value::interval(Value::Day(day(16)), Value::Day(day(20))), None)),
        1 => Just((Value::Month { year: 2020, month: 3 }, None)),
    ]
}

fn any_facts() -> impl Strategy<Value = Facts> {
    let kinds = prop_oneof![
        Just(vec![EventKind::Other]),
        Just(vec![EventKind::Cases]),
        Just(vec![EventKind::SchoolClosing]),
        Just(vec![EventKind::Cases, EventKind::SchoolClosing]),
        Just(vec![EventKind::SchoolClosing, EventKind::Cases]),
    ];
    let places = prop_oneof![Just(vec![]), Just(vec![place("Алматы")]), Just(vec![place("Алматы"), place("Астана")])];
    let figures = prop_oneof![Just(vec![]), Just(vec![cases(5.0)]), Just(vec![cases(6.0)])];
    let text = prop_oneof![Just("Школы закрыли."), Just("Выявлено 5 случаев."), Just("Вчера.")];
    let cues = prop_oneof![Just(vec![]), Just(vec!["закрыли".to_string()]), Just(vec!["случаев".to_string()])];
    (kinds, places, figures, text, cues, prop::bool::weighted(0.2)).prop_map(
        |(kinds, places, figures, text, cues, inherited)| Facts {
            text: text.to_string(),
            kinds,
            cues,
            places,
            figures,
            inherited,
        },
    )
}

/// One document's events: at most one per sentence and date (as the pipeline makes them).
fn any_events() -> impl Strategy<Value = Vec<(usize, Value, Option<Mod>, Facts)>> {
    prop::collection::vec((0usize..5, any_when(), any_facts()), 0..7).prop_map(|raw| {
        let mut seen = BTreeSet::new();
        raw.into_iter()
            .filter(|(s, (when, m), _)| seen.insert((*s, when.to_string(), format!("{m:?}"))))
            .map(|(s, (when, m), facts)| (s, when, m, facts))
            .collect()
    })
}

/// A corpus of documents with ids `d0`, `d1`, ...
fn any_corpus() -> impl Strategy<Value = Vec<Timeline>> {
    prop::collection::vec((any_events(), prop::collection::btree_set(5usize..8, 0..3)), 1..6).prop_map(|docs| {
        docs.into_iter()
            .enumerate()
            .map(|(i, (events, undated))| {
                let undated: Vec<usize> = undated.into_iter().collect();
                document(Some(&format!("d{i}")), events, &undated)
            })
            .collect()
    })
}

// ---------------------------------------------------------------------------------------
// What every merge must satisfy

/// An event's key as the merge defines it (for the checks; the merge has its own): its
/// days, its sort of bound, its main kind (a measure before the epidemic's figures) or, with
/// none, its sentence, its main place (the least city by name) and, for cases, its largest
/// count of cases.
fn key(e: &Event) -> String {
    let rank = |k: &EventKind| match k {
        EventKind::SchoolClosing => 0,
        EventKind::Cases => 1,
        _ => 2,
    };
    let kind = e.kinds.iter().filter(|k| **k != EventKind::Other).min_by_key(|k| rank(k));
    // The main place: the least code, regions' before countries', a name for no code.
    let place = e
        .places
        .iter()
        .map(|p| if p.code.is_empty() { p.name.as_ref() } else { p.code.as_ref() })
        .min_by_key(|c| (!c.contains('-'), *c));
    let text = if kind.is_none() { e.text.as_str() } else { "" };
    let bound = matches!(e.modifier, Some(Mod::Before));
    // A count's largest figure.
    let count = (kind == Some(&EventKind::Cases))
        .then(|| e.figures.iter().filter(|f| f.what == FigureWhat::Cases).map(|f| f.value).max_by(f64::total_cmp))
        .flatten();
    format!("{:?} {:?} {bound} {kind:?} {place:?} {count:?} {text}", e.first_day(), e.last_day())
}

/// Property 5 for the merge of `corpus` (documents with distinct ids, no event twice).
fn check_groups(corpus: &[Timeline], merged: &Timeline) -> Result<(), TestCaseError> {
    let mut most: BTreeMap<String, usize> = BTreeMap::new();
    let mut inputs = BTreeSet::new();
    for t in corpus {
        let mut per_key: BTreeMap<String, usize> = BTreeMap::new();
        for e in t {
            *per_key.entry(key(e)).or_default() += 1;
            inputs.insert((
                e.sources[0].doc.clone(),
                e.sentence.bytes.start,
                e.when.to_string(),
                format!("{:?}", e.modifier),
            ));
        }
        for (k, n) in per_key {
            let m = most.entry(k).or_default();
            *m = (*m).max(n);
        }
    }
    let mut out_keys: BTreeMap<String, usize> = BTreeMap::new();
    let mut outputs = BTreeSet::new();
    for e in merged {
        *out_keys.entry(key(e)).or_default() += 1;
        let docs: BTreeSet<_> = e.sources.iter().map(|s| s.doc.clone()).collect();
        prop_assert_eq!(docs.len(), e.sources.len(), "two sources of one document in {:?}", e);
        for s in &e.sources {
            let at = (s.doc.clone(), s.sentence.bytes.start, e.when.to_string(), format!("{:?}", e.modifier));
            prop_assert!(outputs.insert(at), "twice: {:?}", s);
        }
    }
    prop_assert_eq!(most, out_keys);
    prop_assert_eq!(inputs, outputs);
    Ok(())
}

/// 256 cases a property, or `PROPTEST_CASES` for a deeper run.
fn case_count() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(256)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: case_count(), ..ProptestConfig::default() })]

    /// Property 1.
    #[test]
    fn one_document_alone_is_unchanged(events in any_events(), undated in prop::collection::btree_set(5usize..8, 0..3)) {
        let undated: Vec<usize> = undated.into_iter().collect();
        let t = document(Some("a"), events, &undated);
        prop_assert_eq!(Timeline::merge([t.clone()]), t);
    }

    /// Properties 2, 3 and 5.
    #[test]
    fn idempotent_and_order_independent((corpus, shuffled) in any_corpus().prop_flat_map(|c| (Just(c.clone()), Just(c).prop_shuffle()))) {
        let merged = Timeline::merge(corpus.clone());
        check_groups(&corpus, &merged)?;
        prop_assert_eq!(&Timeline::merge([merged.clone()]), &merged);
        prop_assert_eq!(&Timeline::merge(shuffled), &merged);
    }

    /// Property 4.
    #[test]
    fn associative((corpus, order) in any_corpus().prop_flat_map(|c| { let n = c.len(); (Just(c), Just((0..n).collect::<Vec<_>>()).prop_shuffle()) }), cut in 0usize..6, cut2 in 0usize..6) {
        let whole = Timeline::merge(corpus.clone());
        let docs: Vec<Timeline> = order.iter().map(|&i| corpus[i].clone()).collect();
        let (a, b) = (cut.min(cut2).min(docs.len()), cut.max(cut2).min(docs.len()));
        let parts = [
            Timeline::merge(docs[..a].to_vec()),
            Timeline::merge(docs[a..b].to_vec()),
            Timeline::merge(docs[b..].to_vec()),
        ];
        prop_assert_eq!(&Timeline::merge(parts.clone()), &whole);
        // Nested: ((p0 + p1) + p2) too.
        let left = Timeline::merge([parts[0].clone(), parts[1].clone()]);
        prop_assert_eq!(&Timeline::merge([left, parts[2].clone()]), &whole);
    }

    /// Property 6.
    #[test]
    fn the_same_corpus_twice(corpus in any_corpus()) {
        let once = Timeline::merge(corpus.clone());
        let copy: Vec<Timeline> = corpus.iter().map(|t| rename(t, "copy-")).collect();
        let twice = Timeline::merge(corpus.iter().cloned().chain(copy));
        prop_assert_eq!(twice.len(), once.len());
        for (a, b) in once.iter().zip(&twice) {
            prop_assert_eq!(&a.when, &b.when);
            prop_assert_eq!(&a.text, &b.text);
            prop_assert_eq!(b.sources.len(), 2 * a.sources.len());
        }
        let undated: usize = corpus.iter().map(|t| t.undated().len()).sum();
        prop_assert_eq!(once.undated().len(), undated);
        prop_assert_eq!(twice.undated().len(), 2 * undated);
        prop_assert!(twice.undated().iter().all(|u| u.doc.is_some()));
    }
}

#[cfg(feature = "json")]
proptest! {
    #![proptest_config(ProptestConfig { cases: case_count(), ..ProptestConfig::default() })]

    /// Property 7.
    #[test]
    fn associative_through_json((corpus, order) in any_corpus().prop_flat_map(|c| { let n = c.len(); (Just(c), Just((0..n).collect::<Vec<_>>()).prop_shuffle()) }), cut in 0usize..6, cut2 in 0usize..6, awkward in prop::sample::select(vec![5.0, 1000999.9999999999, 0.1 + 0.2, 134000000.00000001])) {
        let corpus: Vec<Timeline> = corpus.iter().map(|t| with_cases(t, awkward)).collect();
        let whole = merged_json(&Timeline::merge(corpus.clone()));
        let docs: Vec<Timeline> = order.iter().map(|&i| corpus[i].clone()).collect();
        let (a, b) = (cut.min(cut2).min(docs.len()), cut.max(cut2).min(docs.len()));
        let mut parts = String::new();
        for part in [&docs[..a], &docs[a..b], &docs[b..]] {
            parts.push_str(&merged_json(&Timeline::merge(part.to_vec())));
        }
        let read = khronika::corpus::read_merged("parts", &parts).expect("the parts read back");
        prop_assert_eq!(merged_json(&read), whole.clone());
        // Merged with nothing, a merged timeline read back is itself.
        let again = khronika::corpus::read_merged("whole", &whole).expect("the whole reads back");
        prop_assert_eq!(merged_json(&Timeline::merge([again])), whole);
    }
}

/// A merged timeline as the example's `--merge --format json` writes it.
#[cfg(feature = "json")]
fn merged_json(t: &Timeline) -> String {
    let mut out = Vec::new();
    khronika::corpus::write_merged(&mut out, khronika::export::Format::Json, None, t).expect("a timeline writes");
    String::from_utf8(out).expect("UTF-8")
}

/// The timeline with every count of 5 cases made `value`.
#[cfg(feature = "json")]
fn with_cases(t: &Timeline, value: f64) -> Timeline {
    let mut json = serde_json::to_value(t).expect("a timeline writes");
    for e in json["events"].as_array_mut().into_iter().flatten() {
        for f in e["figures"].as_array_mut().into_iter().flatten() {
            if f["value"] == 5.0 {
                f["value"] = serde_json::Number::from_f64(value).expect("a finite value").into();
            }
        }
    }
    serde_json::from_value(json).expect("a timeline reads")
}

/// The timeline with every document id prefixed.
fn rename(t: &Timeline, prefix: &str) -> Timeline {
    let mut json = serde_json::to_string(t).expect("a timeline writes");
    json = json.replace(r#""doc":""#, &format!(r#""doc":"{prefix}"#));
    serde_json::from_str(&json).expect("a timeline reads")
}

// ---------------------------------------------------------------------------------------
// Examples

fn facts(text: &str, kinds: Vec<EventKind>, places: Vec<Place>) -> Facts {
    Facts { text: text.into(), kinds, cues: Vec::new(), places, figures: Vec::new(), inherited: false }
}

#[test]
fn an_interval_merges_only_with_the_same_interval() {
    let quarantine = || facts("Карантин.", vec![EventKind::Quarantine], vec![place("Алматы")]);
    let interval = || Value::interval(Value::Day(day(16)), Value::Day(day(31)));
    let a = document(Some("a"), vec![(0, interval(), None, quarantine())], &[]);
    let b = document(Some("b"), vec![(0, Value::Day(day(20)), None, quarantine())], &[]);
    let c = document(Some("c"), vec![(0, interval(), None, quarantine())], &[]);
    let d = document(Some("d"), vec![(0, Value::Day(day(21)), None, quarantine())], &[]);
    let merged = Timeline::merge([a, b, c, d]);
    let whens: Vec<(String, usize)> = merged.iter().map(|e| (e.when.to_string(), e.sources.len())).collect();
    assert_eq!(whens, [("2020-03-16/2020-03-31".to_string(), 2), ("2020-03-20".into(), 1), ("2020-03-21".into(), 1)]);
}

#[test]
fn no_chain_joins_events_that_do_not_match() {
    // a ~ b would have matched under "one of them names no place", b ~ c too; a and c never.
    let closing = |places| facts("Школы закрыли.", vec![EventKind::SchoolClosing], places);
    let a = document(Some("a"), vec![(0, Value::Day(day(16)), None, closing(vec![place("Алматы")]))], &[]);
    let b = document(Some("b"), vec![(0, Value::Day(day(16)), None, closing(vec![]))], &[]);
    let c = document(Some("c"), vec![(0, Value::Day(day(16)), None, closing(vec![place("Астана")]))], &[]);
    let merged = Timeline::merge([a, b, c]);
    assert_eq!(merged.len(), 3);
    assert!(merged.iter().all(|e| e.sources.len() == 1));
}

#[test]
fn a_documents_own_events_are_not_merged() {
    let text = "date 2020-03-20\nВчера в Алматы выявили 5 случаев коронавируса.\n\n\
        Вчера в Алматы выявили 5 случаев коронавируса.\n\nВсего за день в Алматы 5 случаев.";
    let doc = Document::parse(text).unwrap().with_id("a");
    let t = analyze(&doc).timeline;
    assert_eq!(Timeline::merge([t.clone()]), t);
    assert_eq!(Timeline::merge([Timeline::merge([t.clone()])]), t);
    // With a copy under another id: each event once, with both sources.
    let copy = analyze(&Document::parse(text).unwrap().with_id("b")).timeline;
    let merged = Timeline::merge([t.clone(), copy]);
    assert_eq!(merged.len(), t.len());
    // (Its two identical sentences are one event of the document, a restatement, with two sources.)
    let docs = |e: &Event| e.sources.iter().filter_map(|s| s.doc.as_deref()).collect::<BTreeSet<_>>().len();
    assert!(merged.iter().all(|e| docs(e) == 2), "{merged:#?}");
    // The same document given twice counts once.
    assert_eq!(Timeline::merge([t.clone(), t.clone()]), t);
}

#[test]
fn documents_without_ids_are_numbered_by_position() {
    let texts = [
        "date 2020-03-17 Вчера в Алматы закрыли школы.",
        "date 2020-03-16 Сегодня в Алматы закрыли школы.",
        "date 2020-03-17 Вчера в Караганде выявили 5 случаев. Горячая линия работает.",
    ];
    let timelines: Vec<Timeline> = texts.iter().map(|t| analyze(&Document::parse(t).unwrap()).timeline).collect();
    let merged = Timeline::merge(timelines.clone());
    let ids: Vec<Vec<&str>> =
        merged.iter().map(|e| e.sources.iter().filter_map(|s| s.doc.as_deref()).collect()).collect();
    assert_eq!(ids, [vec!["#1", "#2"], vec!["#3"]]);
    assert_eq!(merged.undated().iter().map(|u| u.doc.as_deref()).collect::<Vec<_>>(), [Some("#3")]);
    // In every order the same events, with the same number of sources; the ids follow the
    // documents' positions (and so does the order of events of one day).
    let shape = |t: &Timeline| {
        let mut shape: Vec<(String, String, usize)> =
            t.iter().map(|e| (e.when.to_string(), e.text.to_string(), e.sources.len())).collect();
        shape.sort();
        shape
    };
    for order in [[0, 1, 2], [2, 0, 1], [1, 2, 0], [2, 1, 0]] {
        let m = Timeline::merge(order.map(|i| timelines[i].clone()));
        assert_eq!(shape(&m), shape(&merged), "{order:?}");
    }
    // The same article twice without ids: two sources each.
    let twice = Timeline::merge([timelines[2].clone(), timelines[2].clone()]);
    assert_eq!(twice.len(), timelines[2].len());
    assert!(twice.iter().all(|e| e.sources.len() == 2));
    assert_eq!(twice.undated().len(), 2);
}

#[cfg(feature = "json")]
#[test]
fn corpus_lines_without_ids_are_numbered_by_line() {
    let lines = [
        r#"{"date": "2020-03-17", "text": "Вчера в Алматы закрыли школы."}"#,
        r#"{"id": "x", "date": "2020-03-16", "text": "Сегодня в Алматы закрыли школы."}"#,
        "not json",
        r#"{"date": "2020-03-17", "text": "Вчера в Алматы закрыли школы. Горячая линия работает."}"#,
    ];
    let input = lines.join("\n");
    let (t, summary) = khronika::corpus::merge(input.as_bytes(), 2, |_| {}).unwrap();
    assert_eq!(summary.failed, 1);
    assert_eq!(t.len(), 1);
    let ids: Vec<&str> = t.events()[0].sources.iter().filter_map(|s| s.doc.as_deref()).collect();
    assert_eq!(ids, ["#1", "#4", "x"]);
    assert_eq!(t.undated().iter().map(|u| u.doc.as_deref()).collect::<Vec<_>>(), [Some("#4")]);
    // Other orders of the lines: the same event, three sources.
    for order in [[3, 1, 0], [1, 3, 0]] {
        let input = order.map(|i| lines[i]).join("\n");
        let (u, _) = khronika::corpus::merge(input.as_bytes(), 1, |_| {}).unwrap();
        assert_eq!((u.len(), u.events()[0].sources.len()), (1, 3), "{order:?}");
        assert_eq!(u.events()[0].text, t.events()[0].text);
    }
}

/// One event read from `n` documents.
fn merged_event(n: usize) -> Timeline {
    let timelines = (0..n).map(|i| {
        let facts = facts("В Алматы закрыли школы.", vec![EventKind::SchoolClosing], vec![place("Алматы")]);
        document(Some(&format!("doc-{i:06}")), vec![(0, Value::Day(day(16)), None, facts)], &[])
    });
    Timeline::merge(timelines)
}

#[test]
fn exports_write_every_source_of_a_large_event() {
    // A loop over the ids seen so far would take n²/2 = 1.25·10⁹ comparisons here (time is
    // measured by the benches, not by this test).
    let n = 50_000;
    let t = merged_event(n);
    assert_eq!((t.len(), t.events()[0].sources.len()), (1, n));
    let md = markdown_timeline("Школы", &t);
    assert!(md.contains(&format!("1 event from {n} documents.")));
    assert!(md.contains("doc-000000, doc-000001, "));
    let page = html("Школы", &t);
    assert!(page.contains("doc-049999</td>"));
    let mut text = Vec::new();
    khronika::export::text::write_timeline(&mut text, &t).unwrap();
    assert!(String::from_utf8(text).unwrap().contains(", doc-049999]"));
}

/// A Kazakh and a Russian report of the same happening (a quarantine in Uralsk from a date,
/// and the day's new cases in its region) are one event each, told by both: the Kazakh
/// tables name the places the Russian ones do, and the kinds, bounds and counts agree.
#[cfg(feature = "kk")]
#[test]
fn a_kazakh_and_a_russian_report_merge() {
    let kazakh = "Оралда 28 наурыздан бастап карантин енгізіледі\\n\\n28 наурыздан бастап Оралда карантин енгізіледі, деп хабарлады облыс әкімдігі. Қалаға кіру мен шығу шектеледі.\\n\\nКеше БҚО-да коронавирус жұқтырудың 3 жаңа жағдайы тіркелді.";
    let russian = "В Уральске с 28 марта вводится карантин\\n\\nС 28 марта в Уральске вводится карантин, сообщили в акимате области. Въезд в город и выезд из него будут ограничены.\\n\\nВчера в ЗКО зарегистрировано 3 новых случая коронавируса.";
    let input = format!(
        "{{\"id\": \"kk1\", \"date\": \"2020-03-25\", \"text\": \"{kazakh}\"}}\n{{\"id\": \"ru1\", \"date\": \"2020-03-25\", \"text\": \"{russian}\"}}\n"
    );
    let (merged, summary) = khronika::corpus::merge(input.as_bytes(), 1, |e| panic!("{e:?}")).unwrap();
    assert_eq!(summary.events, Some(4), "two events in each report");
    assert_eq!(merged.len(), 2, "{merged:#?}");
    let quarantine = merged.iter().find(|e| e.kinds.contains(&EventKind::Quarantine)).expect("the quarantine");
    assert_eq!((quarantine.when.to_string(), quarantine.modifier), ("2020-03-28".to_string(), Some(Mod::OnOrAfter)));
    assert_eq!(quarantine.places.iter().map(|p| (&*p.name, &*p.code)).collect::<Vec<_>>(), [("Уральск", "KZ-27")]);
    let cases = merged.iter().find(|e| e.kinds.contains(&EventKind::Cases)).expect("the cases");
    assert_eq!(cases.when.to_string(), "2020-03-24");
    assert!(cases.figures.iter().all(|f| f.value == 3.0 && f.what == FigureWhat::Cases), "{:?}", cases.figures);
    for e in merged.iter() {
        let docs: BTreeSet<&str> = e.sources.iter().filter_map(|s| s.doc.as_deref()).collect();
        assert_eq!(docs, BTreeSet::from(["kk1", "ru1"]), "{e:?}");
    }
    // The same from documents analysed one by one, each in the language its letters tell.
    let (kazakh, russian) = (kazakh.replace("\\n", "\n"), russian.replace("\\n", "\n"));
    let kk = Document::new(NaiveDate::from_ymd_opt(2020, 3, 25).unwrap(), &kazakh).with_id("kk1");
    let ru = Document::new(NaiveDate::from_ymd_opt(2020, 3, 25).unwrap(), &russian).with_id("ru1");
    let (a, b) = (analyze(&kk), analyze(&ru));
    assert_eq!((a.lang, b.lang), (khronika::Lang::Kk, khronika::Lang::Ru));
    assert_eq!(Timeline::merge([a.timeline, b.timeline]), merged);
}
