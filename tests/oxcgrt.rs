//! The OxCGRT-style panel (`export::oxcgrt`, `--format oxcgrt`) on small merged corpora
//! written for these tests: every flag is traced back to an event of the timeline, the
//! interval and open-bound rules give the days they should, no flag falls outside its
//! place's span, regional measures stay off the national rows, and the CSV reads back.

use chrono::NaiveDate;
use khronika::export::oxcgrt::{write, End, Options, Summary, COLUMNS, INDICATORS};
use khronika::export::{Format, Target};
use khronika::{analyze, Document, Event, Mod, PlaceKind, Timeline};
use std::collections::{BTreeMap, BTreeSet};

/// Four articles: a regional quarantine from a date until a date (its measures C2, C3; the
/// country named beside the region);
/// schools closed nationwide from a date (C1, open-ended) with a running total of cases;
/// regional suburban buses stopped from a date (C5, open) and a total that names two places;
/// the buses' end bound (`до 12 апреля`, C5) and a national total of cases and deaths.
const CORPUS: [(&str, &str); 4] = [
    (
        "a",
        "date 2020-03-18\nВ Карагандинской области Казахстана с 20 марта по 5 апреля вводится карантин: закрываются \
         кинотеатры и торговые центры, запрещены массовые мероприятия.\n",
    ),
    (
        "b",
        "date 2020-03-16\nС 16 марта в Казахстане все школы закрыты, учащиеся переходят на дистанционное \
         обучение.\nВсего в Казахстане выявлено 9 случаев коронавируса.\n",
    ),
    (
        "c",
        "date 2020-03-25\nПо состоянию на 25 марта общее число заболевших в Казахстане достигло 81, в \
         Карагандинской области зарегистрировано 10 случаев.\nАким Карагандинской области сообщил, что \
         с 21 марта в регионе прекращено движение пригородных автобусов.\n",
    ),
    (
        "d",
        "date 2020-03-30\nДвижение пригородных автобусов в Карагандинской области будет приостановлено до \
         12 апреля.\nНа 30 марта в Казахстане с начала пандемии выявлено 302 случая, умерли 2 человека.\n",
    ),
];

/// The merged timeline of documents `(id, text)`.
fn merged(docs: &[(&str, &str)]) -> Timeline {
    Timeline::merge(docs.iter().map(|(id, text)| analyze(&Document::parse(text).unwrap().with_id(*id)).timeline))
}

/// One row read back: its fields by column name.
type Row = BTreeMap<String, String>;

/// The panel of `timeline` read back with a CSV reader, and its summary.
fn panel(timeline: &Timeline, published: Option<NaiveDate>) -> (Vec<Row>, Summary) {
    let mut out = Vec::new();
    let summary = write(&mut out, timeline, &Options { published }).unwrap();
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(out.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(header, COLUMNS);
    let rows = reader
        .records()
        .map(|r| {
            let r = r.unwrap();
            assert_eq!(r.len(), COLUMNS.len());
            header.iter().cloned().zip(r.iter().map(str::to_owned)).collect()
        })
        .collect();
    (rows, summary)
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y%m%d").unwrap()
}

fn ymd(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, m, d).unwrap()
}

/// The days of `code` flagged on the row of region `region` (`""`: the national row of
/// `country`), with their source counts.
fn flags(rows: &[Row], country: &str, region: &str, code: &str) -> Vec<(NaiveDate, String)> {
    rows.iter()
        .filter(|r| r["CountryCode"] == country && r["RegionCode"] == region && !r[code].is_empty())
        .map(|r| (day(&r["Date"]), r[&format!("{code}_sources")].clone()))
        .collect()
}

/// The days from `a` to `b`.
fn days(a: NaiveDate, b: NaiveDate) -> Vec<NaiveDate> {
    a.iter_days().take_while(|d| *d <= b).collect()
}

/// Recomputed from the timeline, independently of the panel: the row keys (country code,
/// region code) an event's places flag, by the documented rule.
fn row_keys(e: &Event) -> Vec<(String, String)> {
    let regional: Vec<_> = e.places.iter().filter(|p| p.kind != PlaceKind::Country).collect();
    let mut keys: Vec<(String, String)> = regional
        .iter()
        .map(|p| (if p.country == "KZ" { "KAZ".to_owned() } else { format!("?{}", p.country) }, p.code.to_string()))
        .collect();
    for p in e.places.iter().filter(|p| p.kind == PlaceKind::Country) {
        if !regional.iter().any(|q| q.country == p.country) {
            keys.push((p.code.to_string(), String::new()));
        }
    }
    keys
}

/// Whether event `e` has indicator `code` among its kinds or its measures.
fn has(e: &Event, code: &str) -> bool {
    e.kinds.iter().chain(&e.measures).any(|k| k.indicator() == Some(code))
}

#[test]
fn every_flag_is_traceable_to_an_event() {
    let timeline = merged(&CORPUS);
    let (rows, _) = panel(&timeline, None);
    let mut checked = 0;
    for row in &rows {
        let key = (row["CountryCode"].clone(), row["RegionCode"].clone());
        let d = day(&row["Date"]);
        for code in INDICATORS {
            if row[code].is_empty() {
                assert!(row[&format!("{code}_sources")].is_empty(), "{row:?}");
                continue;
            }
            assert_eq!(row[code], "1", "{row:?}");
            // An event of this indicator and row whose claim reaches the day: its days cover
            // it, it opens on or before it, or it ends on or after it.
            let behind: Vec<&Event> = timeline
                .iter()
                .filter(|e| has(e, code) && row_keys(e).contains(&key))
                .filter(|e| {
                    let (a, b) = (e.first_day().unwrap(), e.last_day().unwrap());
                    match e.modifier {
                        None => a <= d && d <= b,
                        Some(Mod::OnOrAfter) => a <= d,
                        Some(Mod::After) => b < d,
                        Some(Mod::Before) => d < a,
                        Some(Mod::OnOrBefore) => d <= b,
                        _ => false,
                    }
                })
                .collect();
            assert!(!behind.is_empty(), "no event behind {code} on {row:?}");
            let docs: BTreeSet<_> = behind.iter().flat_map(|e| e.sources.iter().map(|s| s.doc.clone())).collect();
            let n: usize = row[&format!("{code}_sources")].parse().unwrap();
            assert!(n >= 1 && n <= docs.len(), "{code} {n} sources, events from {docs:?}: {row:?}");
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
}

#[test]
fn intervals_open_bounds_and_end_bounds_give_their_days() {
    let timeline = merged(&CORPUS);
    let (rows, summary) = panel(&timeline, None);
    // The quarantine's measures: the interval 20 March – 5 April, one source.
    for code in ["C2", "C3"] {
        let got = flags(&rows, "KAZ", "KZ-35", code);
        let want: Vec<_> = days(ymd(3, 20), ymd(4, 5)).into_iter().map(|d| (d, "1".to_owned())).collect();
        assert_eq!(got, want, "{code}");
    }
    // Buses: open from 21 March, ended by `до 12 апреля` (strict: the 11th is the last day);
    // the run rests on both documents.
    let got = flags(&rows, "KAZ", "KZ-35", "C5");
    let want: Vec<_> = days(ymd(3, 21), ymd(4, 11)).into_iter().map(|d| (d, "2".to_owned())).collect();
    assert_eq!(got, want);
    // Schools: open from 16 March, nothing ends it; without publication dates it runs to the
    // latest event day, the buses' bound.
    assert_eq!((summary.end, summary.end_day), (End::LatestEvent, Some(ymd(4, 12))));
    let c1: Vec<NaiveDate> = flags(&rows, "KAZ", "", "C1").into_iter().map(|(d, _)| d).collect();
    assert_eq!(c1, days(ymd(3, 16), ymd(4, 12)));
    // With the corpus's last publication date, nothing is flagged after it.
    let (rows, summary) = panel(&timeline, Some(ymd(3, 30)));
    assert_eq!((summary.end, summary.end_day), (End::Published, Some(ymd(3, 30))));
    let c1: Vec<NaiveDate> = flags(&rows, "KAZ", "", "C1").into_iter().map(|(d, _)| d).collect();
    assert_eq!(c1, days(ymd(3, 16), ymd(3, 30)));
    assert!(rows.iter().all(|r| day(&r["Date"]) <= ymd(3, 30)));
    assert_eq!(flags(&rows, "KAZ", "KZ-35", "C2").last().map(|f| f.0), Some(ymd(3, 30)));
}

#[test]
fn an_extension_a_lone_end_and_an_after_bound() {
    let docs = [
        ("p1", "date 2020-03-18\nВ Павлодарской области с 20 марта по 5 апреля закрыты все школы.\n"),
        ("p2", "date 2020-04-04\nЗакрытие школ в Павлодарской области продлено до 19 апреля.\n"),
        ("k1", "date 2020-04-01\nШколы Костанайской области будут закрыты до 10 апреля.\n"),
        ("a1", "date 2020-04-01\nПосле 10 апреля в Акмолинской области закроют рынки.\n"),
    ];
    let (rows, _) = panel(&merged(&docs), None);
    // The extension runs from the interval's start to the day before its bound.
    let c1: Vec<_> = flags(&rows, "KAZ", "KZ-55", "C1");
    assert_eq!(c1.iter().map(|f| f.0).collect::<Vec<_>>(), days(ymd(3, 20), ymd(4, 18)));
    assert!(c1.iter().all(|f| f.1 == "2"), "{c1:?}");
    // An end bound with nothing before it: its last day only.
    assert_eq!(flags(&rows, "KAZ", "KZ-39", "C1"), [(ymd(4, 9), "1".to_owned())]);
    // `после 10 апреля`: from the 11th to the corpus end (the latest event day, 19 April).
    let c2: Vec<_> = flags(&rows, "KAZ", "KZ-11", "C2").into_iter().map(|f| f.0).collect();
    assert_eq!(c2, days(ymd(4, 11), ymd(4, 19)));
    // Published on 1 April: the lone bound is in force on the corpus end; the AFTER bound
    // is not in force yet, so that region has no row at all.
    let (rows, _) = panel(&merged(&docs[2..]), Some(ymd(4, 1)));
    assert_eq!(flags(&rows, "KAZ", "KZ-39", "C1"), [(ymd(4, 1), "1".to_owned())]);
    assert!(rows.iter().all(|r| r["RegionCode"] != "KZ-11"), "{rows:?}");
}

#[test]
fn no_flag_or_row_outside_a_place_span() {
    let timeline = merged(&CORPUS);
    let (rows, summary) = panel(&timeline, None);
    assert_eq!(summary.rows, rows.len());
    let mut by_place: BTreeMap<(String, String), Vec<&Row>> = BTreeMap::new();
    for r in &rows {
        by_place.entry((r["CountryCode"].clone(), r["RegionCode"].clone())).or_default().push(r);
    }
    assert_eq!(
        by_place.keys().cloned().collect::<Vec<_>>(),
        [("KAZ".to_owned(), String::new()), ("KAZ".to_owned(), "KZ-35".to_owned())]
    );
    assert_eq!(summary.places, 2);
    for rows in by_place.values() {
        let ds: Vec<NaiveDate> = rows.iter().map(|r| day(&r["Date"])).collect();
        // Consecutive days, each once, from the first day with data to the last.
        assert_eq!(ds, days(ds[0], ds[ds.len() - 1]));
        let data = |r: &Row| {
            INDICATORS.iter().any(|c| !r[*c].is_empty())
                || !r["ConfirmedCases"].is_empty()
                || !r["ConfirmedDeaths"].is_empty()
        };
        assert!(data(rows[0]) && data(rows[rows.len() - 1]));
        assert!(ds.iter().all(|d| Some(*d) <= summary.end_day));
    }
    // The national row starts with the schools; the region's with its quarantine.
    assert_eq!(by_place[&("KAZ".to_owned(), String::new())][0]["Date"], "20200316");
    assert_eq!(by_place[&("KAZ".to_owned(), "KZ-35".to_owned())][0]["Date"], "20200320");
}

#[test]
fn regional_measures_do_not_flag_the_national_row() {
    let (rows, _) = panel(&merged(&CORPUS), None);
    for r in &rows {
        let national = r["RegionCode"].is_empty();
        assert_eq!((r["CountryName"].as_str(), r["CountryCode"].as_str()), ("Казахстан", "KAZ"));
        if national {
            assert!(r["RegionName"].is_empty());
            for code in ["C2", "C3", "C5"] {
                assert!(r[code].is_empty(), "{code} on the national row: {r:?}");
            }
        } else {
            assert_eq!(r["RegionName"], "Карагандинская область");
            // The national school closing stays national.
            assert!(r["C1"].is_empty(), "{r:?}");
        }
    }
}

#[test]
fn cumulative_counts_go_to_their_one_place() {
    let (rows, summary) = panel(&merged(&CORPUS), None);
    let at = |region: &str, d: &str| rows.iter().find(|r| r["RegionCode"] == region && r["Date"] == d).unwrap();
    assert_eq!(at("", "20200316")["ConfirmedCases"], "9");
    assert_eq!(at("", "20200316")["ConfirmedDeaths"], "");
    assert_eq!(
        (at("", "20200330")["ConfirmedCases"].as_str(), at("", "20200330")["ConfirmedDeaths"].as_str()),
        ("302", "2")
    );
    // `в Казахстане 81, в Карагандинской области 10`: two places, two totals, no tie
    // between them: both left out.
    assert_eq!(at("", "20200325")["ConfirmedCases"], "");
    assert_eq!(at("KZ-35", "20200325")["ConfirmedCases"], "");
    assert_eq!(summary.ambiguous_figures, 2);
    let counted: Vec<&str> = rows.iter().map(|r| r["ConfirmedCases"].as_str()).filter(|c| !c.is_empty()).collect();
    assert_eq!(counted, ["9", "302"]);
}

#[test]
fn the_csv_reads_back_with_levels_blank() {
    let (rows, _) = panel(&merged(&CORPUS), None);
    assert!(!rows.is_empty());
    for r in &rows {
        assert!(r["Date"].len() == 8 && r["Date"].bytes().all(|b| b.is_ascii_digit()), "{r:?}");
        for code in INDICATORS {
            assert!(r[&format!("{code}_level")].is_empty(), "{r:?}");
        }
        // No kind has H4 or H5.
        assert!(r["H4"].is_empty() && r["H5"].is_empty());
    }
}

#[test]
fn events_without_a_place_are_not_in_the_panel() {
    let docs = [("n", "date 2020-04-01\nС 1 апреля закрыты все школы.\n")];
    let (rows, summary) = panel(&merged(&docs), None);
    assert!(rows.is_empty());
    assert_eq!((summary.no_place, summary.rows, summary.places), (1, 0, 0));
    // An empty timeline: the header alone, no corpus end.
    let (rows, summary) = panel(&Timeline::default(), None);
    assert!(rows.is_empty());
    assert_eq!(summary.end, End::None);
}

#[test]
fn format_oxcgrt_writes_one_timeline() {
    let format: Format = "oxcgrt".parse().unwrap();
    assert_eq!(format, Format::Oxcgrt);
    assert!(Format::ALL.contains(&Format::Oxcgrt));
    assert!(format.check(Target::Document, None).is_ok());
    assert!(format.check(Target::Merged, None).is_ok());
    let err = format.check(Target::Documents, None).unwrap_err().to_string();
    assert!(err.contains("an OxCGRT panel is built from one timeline"), "{err}");
    assert!(format.check(Target::Corpus, None).is_err());
    // A document's panel ends at its publication day; a timeline's at its latest event day.
    let doc = Document::parse(CORPUS[1].1).unwrap().with_id("b");
    let analysis = analyze(&doc);
    let mut out = Vec::new();
    format.write_document(&mut out, &doc, &analysis).unwrap();
    let text = String::from_utf8(out).unwrap();
    let dates: Vec<&str> = text.lines().skip(1).map(|l| l.split(',').nth(4).unwrap()).collect();
    assert_eq!(dates, ["20200316"]);
    let mut out = Vec::new();
    format.write_timeline(&mut out, "t", &merged(&CORPUS)).unwrap();
    let (rows, _) = panel(&merged(&CORPUS), None);
    assert_eq!(String::from_utf8(out).unwrap().lines().count(), rows.len() + 1);
}
