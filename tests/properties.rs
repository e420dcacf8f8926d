//! Property tests: invariants of `Document::parse`, `analyze` and `Value` over arbitrary
//! Unicode strings and over generated Russian-like news text with dates in it.
//!
//! Properties (each over both kinds of input unless said otherwise):
//! 1. nothing panics (`Document::parse`, `analyze`, `extract`, the JSON record);
//! 2. every mention span is non-empty, on char boundaries, inside the span of its sentence
//!    (`analysis.sentences[m.sentence]`), and `&text[span] == m.text(text)`;
//! 3. mentions are in text order and do not overlap; sentences likewise;
//! 4. every value writes a TIMEX3 string that reads back (`Value::from_str`) to an equal
//!    value (so every year in it has four digits, 0000..=9999); a calendar value's
//!    `first_day()`/`last_day()` exist and are in order;
//! 5. every timeline event is a calendar value, its sentence span holds its text, and its
//!    mention indices are valid; events are in chronological order;
//! 6. `extract` agrees with `analyze`, and both are deterministic (same input, same output);
//!    properties 1–5 hold under every `ResolveOptions` (year policy, tense rule);
//! 7. (generated text only) the same article published exactly one year later (in a common
//!    year, March to November) shifts every DAY value anchored to the publication by exactly
//!    one year, and leaves every other mention's span and type as they were;
//! 8. (`Document::parse`) a successful parse's text is the input from `text_offset()` on.
//!
//! The case count is bounded (64) so the file runs in about a second in a debug build;
//! `PROPTEST_CASES=5000 cargo test --release --test properties` runs a deeper search.

mod common;

use chrono::{Datelike, NaiveDate};
use common::{check, check_value};
use khronika::{
    analyze, extract, Analysis, Anchor, Document, Extractor, PastDay, Prefer, Published, RelativeGrain, ResolveOptions,
    TimexType, Value, YearPolicy,
};
use proptest::prelude::*;
use proptest::test_runner::Config as ProptestConfig;

// ---------------------------------------------------------------------------------------
// Invariants

/// Properties 1 to 6 for one document.
fn check_document(doc: &Document) -> Result<Analysis, TestCaseError> {
    let a = analyze(doc);
    if let Err(e) = check(doc, &a) {
        return Err(TestCaseError::fail(format!("{e}\npublished {}, text {:?}", doc.published(), doc.text())));
    }
    prop_assert_eq!(&analyze(doc), &a, "analyze is not deterministic");
    prop_assert_eq!(&extract(doc), &a.mentions, "extract disagrees with analyze");
    Ok(a)
}

// ---------------------------------------------------------------------------------------
// Generators

/// Any publication day of the header format's range, mostly around the present.
fn any_published() -> impl Strategy<Value = Published> {
    let day = |lo: NaiveDate, hi: NaiveDate| {
        (0..=(hi - lo).num_days()).prop_map(move |n| Published::date(lo + chrono::Duration::days(n)))
    };
    let ymd = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("a real date");
    prop_oneof![
        6 => day(ymd(1990, 1, 1), ymd(2035, 12, 31)),
        1 => day(ymd(0, 1, 1), ymd(9999, 12, 31)),
        1 => prop_oneof![Just(ymd(0, 1, 1)), Just(ymd(9999, 12, 31)), Just(ymd(2020, 2, 29)), Just(ymd(2019, 12, 31))]
            .prop_map(Published::date),
    ]
}

/// Characters a scraped article is made of, with the troublesome ones well represented.
fn text_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => prop::char::range('а', 'я'),
        1 => prop::char::range('А', 'Я'),
        1 => prop::sample::select(vec!['ё', 'Ё', 'a', 'e', 'o', 'p', 'c', 'x', 'y', 'M', 'T', 'H']),
        3 => prop::char::range('0', '9'),
        3 => prop::sample::select(vec![' ', ' ', ' ', '\n', '\r', '\t', '.', ',', ':', '-', '–', '—', '/', '«', '»', '"', '(', ')', '!', '?', '…']),
        1 => prop::sample::select(vec![
            '\u{a0}', '\u{ad}', '\u{200b}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{202e}', '\u{2028}', '\u{2029}',
            '\u{feff}', '\u{301}', '\u{308}', '\u{85}', '\u{3000}', '\u{2009}', '\u{202f}', '\u{b}', '\u{c}',
        ]),
        1 => any::<char>(),
    ]
}

/// Arbitrary Unicode strings: anything at all, and strings of the characters above.
fn unicode_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(text_char(), 0..200).prop_map(|v| v.into_iter().collect()),
        // Tokens the grammar knows, glued by the characters above.
        prop::collection::vec(
            prop_oneof![
                text_char().prop_map(String::from),
                prop::sample::select(vec![
                    "марта",
                    "мая",
                    "года",
                    "г.",
                    "до",
                    "с",
                    "по",
                    "вчера",
                    "через",
                    "дня",
                    "недели",
                    "утром",
                    "в",
                    "17.00",
                    "16.03.2020",
                    "2020",
                    "29",
                    "февраля",
                    "31",
                    "декабря",
                    "9999",
                    "0000",
                    "на",
                    "следующий",
                    "день",
                    "понедельник",
                    "выходные",
                    "накануне",
                    "квартале",
                    "весной",
                ])
                .prop_map(String::from),
            ],
            0..60
        )
        .prop_map(|v| v.concat()),
    ]
}

const MONTHS: [&str; 12] = [
    "января",
    "февраля",
    "марта",
    "апреля",
    "мая",
    "июня",
    "июля",
    "августа",
    "сентября",
    "октября",
    "ноября",
    "декабря",
];
const MONTHS_IN: [&str; 12] = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
];
const COUNTS: [&str; 6] = ["две", "три", "пять", "десять", "2", "3"];
const WORDS: &[&str] = &[
    "Власти",
    "города",
    "ввели",
    "карантин",
    "выявлено",
    "случаев",
    "коронавируса",
    "сообщили",
    "в",
    "акимате",
    "области",
    "будет",
    "продлится",
    "режим",
    "ЧП",
    "школы",
    "закрыли",
    "Ёлку",
    "убрали",
    "магазины",
    "работают",
    "и",
    "а",
    "но",
    "жителей",
    "тенге",
    "человек",
    "по",
    "данным",
    "штаба",
    "заявил",
    "министр",
    "на",
    "брифинге",
];

/// A temporal phrase of the kinds news text has. `leap_safe` leaves out what resolves
/// differently in the year after (29 February, weekdays, weekends).
fn date_phrase(leap_safe: bool) -> BoxedStrategy<String> {
    let month = 0..12usize;
    let day = if leap_safe { 1..=28u32 } else { 0..=33u32 };
    let mut options: Vec<BoxedStrategy<String>> = vec![
        (day.clone(), month.clone()).prop_map(|(d, m)| format!("{d} {}", MONTHS[m])).boxed(),
        (day.clone(), month.clone(), 1990..2030u32)
            .prop_map(|(d, m, y)| format!("до {d} {} {y} года", MONTHS[m]))
            .boxed(),
        (day.clone(), day.clone(), month.clone()).prop_map(|(a, b, m)| format!("с {a} по {b} {}", MONTHS[m])).boxed(),
        (day.clone(), month.clone(), day.clone(), month.clone())
            .prop_map(|(a, m, b, n)| format!("с {a} {} до {b} {}", MONTHS[m], MONTHS[n]))
            .boxed(),
        prop::sample::select(vec!["вчера", "сегодня", "завтра", "позавчера", "послезавтра", "накануне", "сейчас"])
            .prop_map(String::from)
            .boxed(),
        (prop::sample::select(COUNTS.to_vec()), prop::sample::select(vec!["недели", "дня", "дней", "недель"]))
            .prop_map(|(n, u)| format!("через {n} {u}"))
            .boxed(),
        (1..20u32).prop_map(|n| format!("{n} дней назад")).boxed(),
        (0..=25u32, prop::sample::select(vec!["00", "30", "15", "07", "60"]), prop::sample::select(vec![".", ":"]))
            .prop_map(|(h, m, sep)| format!("до {h}{sep}{m}"))
            .boxed(),
        month.clone().prop_map(|m| format!("в {}", MONTHS_IN[m])).boxed(),
        (day.clone(), 1..=12u32, 1990..2030u32).prop_map(|(d, m, y)| format!("{d:02}.{m:02}.{y}")).boxed(),
        (day, month.clone()).prop_map(|(d, m)| format!("утром {d} {}", MONTHS[m])).boxed(),
        prop::sample::select(vec!["в начале", "в конце", "в середине", "до конца"])
            .prop_flat_map(move |p| month.clone().prop_map(move |m| format!("{p} {}", MONTHS[m])))
            .boxed(),
        prop::sample::select(vec!["на следующий день", "спустя три дня", "в прошлом году", "в 2020 году"])
            .prop_map(String::from)
            .boxed(),
    ];
    if !leap_safe {
        options.push(
            prop::sample::select(vec![
                "29 февраля",
                "29 февраля 2020 года",
                "29 февраля 2021 года",
                "в понедельник",
                "в пятницу",
                "в выходные",
                "на прошлой неделе",
                "31 декабря 9999 года",
                "1 января 0000 года",
            ])
            .prop_map(String::from)
            .boxed(),
        );
    }
    prop::strategy::Union::new(options).boxed()
}

/// A word that is not a date, or a number with a noun (never a day before a month word).
fn filler() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(WORDS.to_vec()).prop_map(String::from),
        1 => (0..100_000u32, prop::sample::select(vec!["человек", "случаев", "тенге", "км", "%"]))
            .prop_map(|(n, w)| format!("{n} {w}")),
    ]
}

/// How a fragment is written: as is, capitalized, in upper case, with `ё`, with Latin
/// lookalike letters, with soft hyphens or zero-width spaces inside words.
#[derive(Clone, Copy, Debug)]
enum Style {
    Plain,
    Capitalized,
    Upper,
    Yo,
    Lookalikes,
    SoftHyphens,
    ZeroWidth,
}

fn style() -> impl Strategy<Value = Style> {
    prop_oneof![
        6 => Just(Style::Plain),
        1 => Just(Style::Capitalized),
        1 => Just(Style::Upper),
        1 => Just(Style::Yo),
        1 => Just(Style::Lookalikes),
        1 => Just(Style::SoftHyphens),
        1 => Just(Style::ZeroWidth),
    ]
}

fn apply(style: Style, s: &str) -> String {
    match style {
        Style::Plain => s.to_string(),
        Style::Capitalized => {
            let mut c = s.chars();
            c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
        }
        Style::Upper => s.to_uppercase(),
        Style::Yo => s.replace('е', "ё"),
        // Only inside words that keep a Cyrillic letter: a Latin-only word stays Latin.
        Style::Lookalikes => s
            .split(' ')
            .map(|w| {
                let mut out = String::new();
                for (i, c) in w.chars().enumerate() {
                    out.push(match (i % 2, c) {
                        (1, 'а') => 'a',
                        (1, 'о') => 'o',
                        (1, 'е') => 'e',
                        (1, 'р') => 'p',
                        (1, 'с') => 'c',
                        (_, other) => other,
                    });
                }
                out
            })
            .collect::<Vec<_>>()
            .join(" "),
        Style::SoftHyphens | Style::ZeroWidth => {
            let mark = if matches!(style, Style::SoftHyphens) { '\u{ad}' } else { '\u{200b}' };
            let mut out = String::new();
            let mut prev_letter = false;
            for c in s.chars() {
                if prev_letter && c.is_alphabetic() {
                    out.push(mark);
                }
                prev_letter = c.is_alphabetic();
                out.push(c);
            }
            out
        }
    }
}

/// A sentence: fragments (dates and fillers, each in some style) joined by spaces, line
/// breaks and punctuation, ended by a terminal mark.
fn sentence(leap_safe: bool) -> impl Strategy<Value = String> {
    let fragment = prop_oneof![2 => date_phrase(leap_safe), 3 => filler()];
    let joint = prop::sample::select(vec![
        " ", " ", " ", " ", ", ", "\n", "\r\n", "\r", " — ", "\u{a0}", " «", "» ", "\t", ": ", " (", ") ",
    ]);
    let end = prop::sample::select(vec![".", ".", ".", "!", "?", "…", ".»", "", "\n\n", "\r\n\r\n", ";"]);
    (prop::collection::vec((style(), fragment, joint), 1..8), end).prop_map(|(parts, end)| {
        let mut s = String::new();
        for (i, (st, f, j)) in parts.iter().enumerate() {
            if i > 0 {
                s.push_str(j);
            }
            s.push_str(&apply(*st, f));
        }
        s.push_str(end);
        s
    })
}

/// An article: sentences separated by spaces or line breaks.
fn article(leap_safe: bool) -> impl Strategy<Value = String> {
    prop::collection::vec((sentence(leap_safe), prop::sample::select(vec![" ", " ", "\n", "\r\n", "\n\n"])), 1..6)
        .prop_map(|v| v.into_iter().map(|(s, sep)| s + sep).collect())
}

/// A common year whose neighbour after it is common too (Y % 4 == 1), and a day from
/// March to November: the year after has the same calendar from February on.
fn shiftable_published() -> impl Strategy<Value = NaiveDate> {
    (0..12i32, 3..=11u32, 1..=28u32)
        .prop_map(|(k, m, d)| NaiveDate::from_ymd_opt(1985 + 4 * k, m, d).expect("day 1..=28 exists in every month"))
}

// ---------------------------------------------------------------------------------------
// Properties

/// 64 cases a property, or `PROPTEST_CASES` for a deeper run
/// (`PROPTEST_CASES=5000 cargo test --release --test properties`).
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(64)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// Properties 1–6 over arbitrary Unicode text.
    #[test]
    fn arbitrary_unicode_text(text in unicode_text(), published in any_published()) {
        check_document(&Document::new(published, &text))?;
    }

    /// Property 1 and 8: `Document::parse` on arbitrary input, with and without a header.
    #[test]
    fn parse_arbitrary_input(
        header in prop_oneof![
            Just(String::new()),
            Just("date 2020-03-20 ".to_string()),
            Just("\u{feff}date 2020-03-20T14:30\r\n".to_string()),
            "[ \u{feff}\u{a0}\n]{0,3}[dD][aA][tT][eE][ \t]{0,2}[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2})?[ \n]",
        ],
        text in unicode_text(),
    ) {
        let input = format!("{header}{text}");
        if let Ok(doc) = Document::parse(&input) {
            prop_assert_eq!(&input[doc.text_offset()..], doc.text());
            prop_assert!(!doc.text().is_empty());
            check_document(&doc)?;
        }
    }

    /// Properties 1–6 over generated news text with dates, in every style.
    #[test]
    fn generated_news_text(text in article(false), published in any_published()) {
        check_document(&Document::new(published, &text))?;
    }

    /// Properties 1–5 under every year policy, with and without the tense rule.
    #[test]
    fn every_resolve_option(
        text in article(false),
        published in any_published(),
        policy in prop::sample::select(vec![YearPolicy::Nearest, YearPolicy::PublicationYear, YearPolicy::Past, YearPolicy::Future]),
        use_tense in any::<bool>(),
        prefer in prop::sample::select(vec![Prefer::Nearest, Prefer::Past, Prefer::Future]),
        instant in any::<bool>(),
        report_day in any::<bool>(),
    ) {
        let doc = Document::new(published, &text);
        let relative_grain = if instant { RelativeGrain::Instant } else { RelativeGrain::Unit };
        let past_day = if report_day { PastDay::ReportDay } else { PastDay::Window };
        let options = ResolveOptions { year_policy: policy, use_tense, prefer, relative_grain, past_day };
        let a = Extractor::new(options).analyze(&doc);
        if let Err(e) = check(&doc, &a) {
            return Err(TestCaseError::fail(format!("{e}\n{options:?}, published {published}, text {text:?}")));
        }
    }

    /// Property 7: a year later, every year-less day is a year later.
    #[test]
    fn a_year_later_every_day_moves_one_year(text in article(true), day in shiftable_published()) {
        let later = day.with_year(day.year() + 1).expect("a March to November day exists in any year");
        let now = check_document(&Document::new(day, &text))?;
        let then = check_document(&Document::new(later, &text))?;
        // A written year (`01.01.2025`) does not move a year later, and the year-less dates
        // after it may count from it (`на следующий день утром 1 января`): the property holds
        // for texts whose every date counts from the publication.
        if now.mentions.iter().chain(&then.mentions).any(|m| m.anchor == Anchor::Absolute) {
            return Ok(());
        }
        prop_assert_eq!(now.mentions.len(), then.mentions.len(), "mentions differ a year later in {:?}", text);
        for (a, b) in now.mentions.iter().zip(&then.mentions) {
            prop_assert_eq!(&a.span(), &b.span());
            prop_assert_eq!(a.kind, b.kind);
            prop_assert_eq!(a.anchor, b.anchor);
            if let (Value::Day(x), Anchor::Publication, TimexType::Date) = (&a.value, a.anchor, a.kind) {
                let want = x.with_year(x.year() + 1).map(Value::Day);
                prop_assert_eq!(
                    Some(&b.value),
                    want.as_ref(),
                    "{:?} published {} is {}, and {} a year later",
                    a.text(&text), day, a.value, b.value
                );
            }
        }
    }

    /// Property 4 on its own: whatever `Value` reads (canonical or not, `P00D`) writes a
    /// string that reads back to the same value.
    #[test]
    fn values_round_trip(s in prop_oneof![
        "[0-9]{4}(-[0-9]{2}(-[0-9]{2}(T([0-9]{2}:[0-9]{2}(:[0-9]{2})?|MO|AF|EV|NI|MI|DT))?)?)?",
        "[0-9]{4}-(W[0-9]{2}(-WE)?|Q[0-9]|H[0-9]|SP|SU|FA|WI)",
        "P([0-9]{1,3}[YMWD]){0,3}(T([0-9]{1,3}[HMS]){1,2})?",
        "XXXX-WXX-([0-9]|WE)",
        "[0-9]{4}-[0-9]{2}-[0-9]{2}/[0-9]{4}(-[0-9]{2})?",
        any::<String>(),
    ]) {
        if let Ok(v) = s.parse::<Value>() {
            check_value(&v).map_err(TestCaseError::fail)?;
        }
    }
}
