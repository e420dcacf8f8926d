//! Events on fixture articles written for this repository: kinds, places, figures, the
//! undated-sentence rule, and the corpus merge.

use khronika::EventKind;
use khronika::FigureWhat;
use khronika::{analyze, Document, Timeline};

const MERGE: [(&str, &str); 3] = [
    ("a", include_str!("fixtures/merge/a.txt")),
    ("b", include_str!("fixtures/merge/b.txt")),
    ("c", include_str!("fixtures/merge/c.txt")),
];

fn timelines(order: [usize; 3]) -> Vec<Timeline> {
    order
        .iter()
        .map(|&i| {
            let (id, text) = MERGE[i];
            analyze(&Document::parse(text).unwrap().with_id(id)).timeline
        })
        .collect()
}

fn describe(t: &Timeline) -> Vec<String> {
    t.iter()
        .map(|e| {
            let kinds: Vec<&str> = e.kinds.iter().map(|k| k.id()).collect();
            let docs: Vec<String> = e.sources.iter().filter_map(|s| s.doc.as_deref().map(str::to_string)).collect();
            format!("{} {:?} {:?}", e.when, kinds, docs)
        })
        .collect()
}

#[test]
fn merge_gives_one_event_per_happening_with_every_source() {
    let merged = Timeline::merge(timelines([0, 1, 2]));
    let dump = describe(&merged).join("\n");
    let with_docs = |day: &str, kind: EventKind| {
        // Of the events of that day and kind, the one read from most documents.
        let of_day = merged.iter().filter(|e| e.when.to_string().starts_with(day) && e.kinds.contains(&kind));
        of_day.max_by_key(|e| e.sources.len()).map(|e| {
            let mut docs: Vec<String> = e.sources.iter().filter_map(|s| s.doc.as_deref().map(str::to_string)).collect();
            // The representative's source comes first, then the others by document.
            docs.sort();
            docs.dedup();
            docs
        })
    };
    // Quarantine of the town from 30 March, seven new cases on 1 April, first payments on 2 April.
    assert_eq!(
        with_docs("2020-03-30", EventKind::Quarantine),
        Some(vec!["a".into(), "b".into(), "c".into()]),
        "{dump}"
    );
    assert_eq!(with_docs("2020-04-01", EventKind::Cases), Some(vec!["a".into(), "b".into(), "c".into()]), "{dump}");
    assert_eq!(
        with_docs("2020-04-02", EventKind::IncomeSupport),
        Some(vec!["a".into(), "b".into(), "c".into()]),
        "{dump}"
    );
    // What only one outlet reports stays with that outlet.
    assert_eq!(with_docs("2020-04-06", EventKind::SchoolClosing), Some(vec!["b".into()]), "{dump}");
}

#[test]
fn merge_does_not_depend_on_input_order() {
    let a = Timeline::merge(timelines([0, 1, 2]));
    for order in [[2, 1, 0], [1, 0, 2], [2, 0, 1]] {
        assert_eq!(Timeline::merge(timelines(order)), a);
    }
}

#[test]
fn undated_sentences_join_or_stay() {
    let text = "date 2020-03-20\nУтром 19 марта в Актобе подтвердили коронавирус у шести человек. Все они прилетели из Турции. \
                Погода в городе остаётся тёплой.";
    let doc = Document::parse(text).unwrap();
    let t = analyze(&doc).timeline;
    // The continuation folds into the event as its second evidence sentence.
    assert_eq!(t.len(), 1);
    let e = &t.events()[0];
    assert_eq!(e.when.to_string(), "2020-03-19TMO");
    assert_eq!(e.evidence.len(), 2);
    assert!(doc.text()[e.evidence[1].bytes.clone()].starts_with("Все они"));
    assert_eq!(t.undated().len(), 1);
    assert!(t.undated()[0].text.starts_with("Погода"));
    assert_eq!(t.events()[0].places[0].name, "Актобе");
    assert_eq!(t.events()[0].figures[0].value, 6.0);
}

#[test]
fn a_decree_lists_the_measures_after_it() {
    let text = "date 2020-03-20\nАким области ввёл карантин, который действует с 20 марта по 5 апреля. \
                Закрыты кинотеатры и фитнес-клубы. Школьников отправили на дистанционное обучение.";
    let t = analyze(&Document::parse(text).unwrap()).timeline;
    // One event, the decree, with the measures listed after it.
    assert_eq!(t.len(), 1, "{t:?}");
    let decree = &t.events()[0];
    assert_eq!(decree.when.to_string(), "2020-03-20/2020-04-05");
    assert_eq!(decree.kinds, [EventKind::Quarantine]);
    assert_eq!(decree.evidence.len(), 3);
    assert!(decree.measures.contains(&EventKind::WorkplaceClosing), "{:?}", decree.measures);
    assert!(decree.measures.contains(&EventKind::SchoolClosing), "{:?}", decree.measures);
}

#[test]
fn a_documents_listed_points_are_its_kinds() {
    let text = "date 2021-08-05\nСанитарный врач области подписал новое постановление, которое вступит в силу \
                с понедельника, 9 августа. Документом предусмотрено:\n1. Запрет на работу торговых центров в \
                выходные дни.\n2. Приостановление проведения спортивных мероприятий.\n\nЗа сутки выявлено 120 случаев.";
    let t = analyze(&Document::parse(text).unwrap()).timeline;
    // The document had no kind of its own: its points give it theirs, and none is a row.
    assert_eq!(t.len(), 2, "{t:?}");
    let decree = t.events().iter().find(|e| e.when.to_string() == "2021-08-09").expect("the decree");
    assert_eq!(decree.kinds, [EventKind::WorkplaceClosing, EventKind::PublicEvents], "{decree:?}");
    assert_eq!(decree.evidence.len(), 4);
}

#[test]
fn an_elliptic_comparison_is_no_event_and_no_figure() {
    let text = "date 2021-08-05\nНакануне в Караганде выявили 247 случаев COVID-19, днём ранее — 231.";
    let t = analyze(&Document::parse(text).unwrap()).timeline;
    assert_eq!(t.len(), 1, "{t:?}");
    let e = &t.events()[0];
    assert_eq!(e.when.to_string(), "2021-08-04");
    let figures: Vec<f64> = e.figures.iter().map(|f| f.value).collect();
    assert_eq!(figures, [247.0], "{e:?}");
}

#[test]
fn series_of_case_counts() {
    let text = "date 2020-03-25\n20 марта в области выявлено 12 случаев заражения. 23 марта число случаев заражения выросло до 30. \
                Вчера зарегистрировано 41 случай заражения.";
    let t = analyze(&Document::parse(text).unwrap()).timeline;
    let series: Vec<(String, f64)> = t.series(FigureWhat::Cases).into_iter().map(|(d, v)| (d.to_string(), v)).collect();
    assert_eq!(
        series,
        [("2020-03-20".to_string(), 12.0), ("2020-03-23".to_string(), 30.0), ("2020-03-24".to_string(), 41.0)]
    );
}
