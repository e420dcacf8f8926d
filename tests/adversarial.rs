//! Adversarial inputs: what a scraper can hand the library, and a regression test for
//! every bug that fuzzing, the property tests and review found.
//!
//! Every test checks that nothing panics and that the analysis keeps every invariant of
//! `common::check` (spans, order, values that read back, JSON round trip). None asserts on
//! time: `benches/adversarial.rs` measures the big inputs at two sizes to show linearity.

mod common;

use chrono::NaiveDate;
use khronika::{analyze, Analysis, Document, Published, Value};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

/// Analyses `text` published on `published` and checks every invariant.
fn checked(published: impl Into<Published>, text: &str) -> Analysis {
    let doc = Document::new(published, text);
    let a = analyze(&doc);
    if let Err(e) = common::check(&doc, &a) {
        let shown: String = text.chars().take(200).collect();
        panic!("{e}\npublished {}, text {shown:?}", doc.published());
    }
    a
}

/// The mentions of `text` as (surface, value) pairs.
fn values(published: impl Into<Published>, text: &str) -> Vec<(String, String)> {
    checked(published, text).mentions.iter().map(|m| (m.text(text).to_string(), m.value.to_string())).collect()
}

fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
    p.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

// ---------------------------------------------------------------------------------------
// Bugs found by fuzzing (fuzz/), property tests and review: the input that showed each,
// as found and in a minimal form.

/// fuzz `extract`, crash-95d56fde: a range with an absolute start and a year-less end was
/// resolved near the publication year (2000) and moved one year on: `2020-12-28/2001-01-10`,
/// an interval that ends before it starts.
#[test]
fn fuzz_range_end_before_start_extract() {
    let text = "олучить выплату можно нач\u{fffd}\u{1c}\0\0\0\0инаШкольники отдыхают с 28 декабря 2020 года по 10 \
                января с 15 а\u{fffd}выходные\u{fffd}р\u{fffd}\u{fffd}\u{1c}\0\0\0\0Получия 2021 годат.ь выплату можно \
                начиная с 15 апреля.";
    checked(day(2000, 1, 1), text);
    assert_eq!(
        values(day(2000, 1, 1), "Школьники отдыхают с 28 декабря 2020 года по 10 января."),
        pairs(&[("с 28 декабря 2020 года по 10 января", "2020-12-28/2021-01-10")])
    );
}

/// fuzz `document`, crash-7eaeb4e1: the same with the header format and no space before
/// the month (`2020-12-28/2020-01-11`).
#[test]
fn fuzz_range_end_before_start_document() {
    let input = "date 2019-03-20\nк\u{37d}ногот с 28 декабря 2020 года по 11января 203`0.";
    let doc = Document::parse(input).expect("a header");
    let a = analyze(&doc);
    common::check(&doc, &a).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(
        values(day(2019, 3, 20), "с 28 декабря 2020 года по 11 января."),
        pairs(&[("с 28 декабря 2020 года по 11 января", "2020-12-28/2021-01-11")])
    );
}

/// The same line moved a year-less end into year 10000 at the top of the calendar; such a
/// range now has no mention, and the year-less range of an ordinary year is unchanged.
#[test]
fn range_end_stays_inside_the_calendar() {
    assert_eq!(values(day(9999, 12, 25), "Каникулы с 20 декабря по 10 января."), pairs(&[]));
    assert_eq!(values(day(9999, 7, 1), "Каникулы с 20 декабря по 10 января."), pairs(&[]));
    assert_eq!(
        values(day(2020, 12, 25), "Каникулы с 20 декабря по 10 января."),
        pairs(&[("с 20 декабря по 10 января", "2020-12-20/2021-01-10")])
    );
    assert_eq!(
        values(day(2020, 3, 20), "Каникулы с 28 декабря 2020 года по январь."),
        pairs(&[("с 28 декабря 2020 года по январь", "2020-12-28/2021-01")])
    );
}

/// Found probing the edges of the calendar: the ISO week of 1 and 2 January 0000 belongs
/// to week-year -1, and `в эти выходные`, `неделю назад`, `в прошлые выходные` wrote
/// `-001-W52-WE` / `-001-W52`, which `Value` cannot read. Such values are dropped now.
#[test]
fn iso_weeks_before_year_0000_are_not_written() {
    let text = "На этой неделе, в эти выходные. Неделю назад. В прошлые выходные. Через неделю. В ближайшие выходные.";
    for d in 1..=14 {
        let a = checked(day(0, 1, d), text);
        assert!(a.mentions.iter().all(|m| !m.value.to_string().starts_with('-')), "0000-01-{d:02}");
    }
    assert_eq!(
        values(day(0, 1, 3), "В эти выходные."),
        pairs(&[("эти выходные", "0000-W01-WE")]),
        "the first ISO week of year 0 is still written"
    );
    checked(day(9999, 12, 31), text);
}

/// Found by the `values_round_trip` property: `Value::from_str` read `1000-01-01/0000`, an
/// interval that ends before it starts (first day 1000-01-01, last day 0000-12-31), so a
/// record read back from JSON could hold one. Such intervals are rejected now; an interval
/// whose ends overlap (`2020-03/2020-03-05`) is still read.
#[test]
fn intervals_that_end_before_they_start_are_rejected() {
    use khronika::Error;
    for s in ["1000-01-01/0000", "2020-03-16/2020-03-15", "2021/2020-W12", "2020-Q2/2020-03"] {
        assert!(matches!(s.parse::<Value>(), Err(Error::InvalidValue { .. })), "{s}");
    }
    for s in ["2020-03-16/2020-03-16", "2020-03/2020-03-05", "2020-03-16T17:00/2020-03-16T09:00", "2020/2020-12"] {
        let v: Value = s.parse().unwrap_or_else(|e| panic!("{s}: {e}"));
        common::check_value(&v).unwrap_or_else(|e| panic!("{e}"));
    }
    let json = r#"{"date":"2020-03-20","mentions":[],"events":[{"when":"2020-03-16/2020-03-15","sentence":{"start":0,"end":1},"text":"x","mentions":[]}]}"#;
    assert!(serde_json::from_str::<khronika::export::json::DocumentRecord>(json).is_err());
}

/// `Value`'s fields are public, so a caller can build values no parse or extraction makes.
/// `first_day()`/`last_day()` computed `quarter * 3 - 2`, `half * 6 - 5`, `year + 1` and
/// `year - 1` unchecked: quarter or half 0, a huge quarter, and years at the ends of `i32`
/// panicked on overflow (in a debug build; a release build wrapped). They say None now.
#[test]
fn hand_built_values_do_not_overflow() {
    use khronika::Season;
    let odd = [
        Value::Quarter { year: 2020, quarter: 0 },
        Value::Half { year: 2020, half: 0 },
        Value::Quarter { year: 2020, quarter: u32::MAX },
        Value::Half { year: 2020, half: u32::MAX },
        Value::Month { year: i32::MAX, month: 12 },
        Value::Month { year: 2020, month: 0 },
        Value::Month { year: 2020, month: u32::MAX },
        Value::Season { year: i32::MIN, season: Season::Winter },
        Value::Season { year: i32::MAX, season: Season::Fall },
        Value::Year(i32::MIN),
        Value::Week { year: 2020, week: 0 },
        Value::Weekend { year: i32::MAX, week: u32::MAX },
        Value::EveryWeekday(u32::MAX),
    ];
    for v in odd {
        assert_eq!((v.first_day(), v.last_day(), v.start()), (None, None, None), "{v:?}");
        assert!(!v.is_calendar());
        assert!(v.to_string().parse::<Value>().is_err(), "{v:?} is not TIMEX3");
    }
    let v = Value::Quarter { year: 2020, quarter: 4 };
    assert_eq!(v.last_day(), Some(day(2020, 12, 31)));
}

/// `Value::from_str` split an interval at its first `/` and parsed the rest as a value, so
/// `2020/2021/2022` was an interval whose end is an interval, and 100 000 `2020/` in a row
/// (in a JSON record read back, say) overflowed the stack and aborted the process. An
/// interval has two ends now; a third is an error.
#[test]
fn interval_chains_are_rejected_without_recursion() {
    use khronika::Error;
    assert!(matches!("2020/2021/2022".parse::<Value>(), Err(Error::InvalidValue { .. })));
    let chain = format!("{}2020", "2020/".repeat(100_000));
    assert!(matches!(chain.parse::<Value>(), Err(Error::InvalidValue { .. })));
    let json = format!(
        r#"{{"date":"2020-03-20","mentions":[],"events":[{{"when":"{chain}","sentence":{{"start":0,"end":1}},"text":"x","mentions":[]}}]}}"#
    );
    assert!(serde_json::from_str::<khronika::export::json::DocumentRecord>(&json).is_err());
    assert!("2020-03-16/2020-04-15".parse::<Value>().is_ok());
}

// ---------------------------------------------------------------------------------------
// Inputs that once took more than linear time (no timing here: with the bug these tests do
// not finish; benches/adversarial.rs measures them).

/// One long sentence where dates and past-tense verbs alternate: `tense_near` looked at
/// every cue of the sentence for every mention and scanned the tokens between, cubic time
/// (100 KB took 194 s in a release build).
#[test]
fn long_sentence_of_dates_and_verbs() {
    let text = "16 марта ввели ".repeat(4_000);
    let a = checked(day(2020, 3, 20), &text);
    // Cut into sentences of 256 tokens (see below), a few cuts fall inside `16 | марта`.
    let whole = a.mentions.iter().filter(|m| m.value.to_string() == "2020-03-16").count();
    assert!(whole > 3_900, "{whole}");
    assert!(a.mentions.iter().all(|m| ["2020-03-16", "2020-03"].contains(&m.value.to_string().as_str())));
    let text = format!("ввели {}", "16 мая ".repeat(4_000));
    let a = checked(day(2020, 3, 20), &text);
    // (At the cut, `16 мая 16` reads as 16 May '16.)
    let first: Vec<_> = a.mentions.iter().filter(|m| m.sentence() == 0 && m.text(&text) == "16 мая").collect();
    assert!(first.len() > 100);
    assert!(
        first.iter().all(|m| m.value.to_string() == "2019-05-16"),
        "the past tense reaches every date of its clause"
    );
}

/// `tense_near` itself on one clause of 40 000 tokens (no sentence splitting): each call is
/// a pair of binary searches.
#[test]
fn tense_near_on_a_huge_clause() {
    use khronika::internals::lexicalize;
    use khronika::internals::Tokens;
    use khronika::internals::{clause_boundaries, tense_cues, tense_near, Tense};
    let tokens = Tokens::new(&"16 марта ввели ".repeat(13_334));
    let all = 0..tokens.len();
    let lex = lexicalize(&tokens);
    let (cues, boundaries) = (tense_cues(&tokens, &lex, all.clone()), clause_boundaries(&tokens, all.clone()));
    assert_eq!(cues.len(), 13_334);
    assert!(boundaries.is_empty());
    assert!(all.step_by(3).all(|i| tense_near(&cues, &boundaries, i) == Some(Tense::Past)));
}

/// Many distinct dates in one unpunctuated run: each timeline event copies its sentence's
/// text, so one 216 KB "sentence" with 4 000 events held 880 MB of copies (a 1.7 MB one was
/// killed for lack of memory) and took quadratic time. A sentence now ends after
/// `MAX_SENTENCE_TOKENS` tokens, which bounds the copies by a constant factor.
#[test]
fn many_distinct_dates_in_one_run() {
    use khronika::internals::SENTENCES;
    use khronika::internals::{split_sentences, Tokens, MAX_SENTENCE_TOKENS};
    let months = ["января", "марта", "мая"];
    let text: String = (0..8_000).map(|i| format!("{} {} {} года ", i % 28 + 1, months[i % 3], 1000 + i)).collect();
    let a = checked(day(2020, 3, 20), &text);
    assert_eq!(a.timeline.len(), 8_000);
    let copied: usize = a.timeline.iter().map(|e| e.text.len()).sum();
    assert!(copied < 128 * text.len(), "{copied} bytes of event text for {} bytes of input", text.len());
    let tokens = Tokens::new(&text);
    assert!(split_sentences(&tokens, &SENTENCES).iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    // A run of terminal marks is cut too.
    let dots = ".".repeat(1_000);
    let tokens = Tokens::new(&dots);
    let sentences = split_sentences(&tokens, &SENTENCES);
    assert!(sentences.iter().all(|s| s.tokens.len() <= MAX_SENTENCE_TOKENS));
    assert_eq!(sentences.last().map(|s| s.span.end), Some(dots.len()));
}

// ---------------------------------------------------------------------------------------
// Big and pathological inputs. Sizes are what a debug build runs in a few seconds.

/// A 10 MB line with no whitespace: one word of letters (Cyrillic, Latin, `ё`, soft
/// hyphens), and a line dense in dates, numbers and punctuation glued together. The dense
/// line is 1 MB: it has 40 000 mentions, and a debug build reads it at about 1 MB/s (the
/// bench runs it at 10 MB).
#[test]
fn ten_megabyte_line_without_spaces() {
    let unit = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяabc\u{ad}";
    let word = unit.repeat(10_000_000 / unit.len() + 1);
    assert!(word.len() >= 10_000_000 && !word.contains(char::is_whitespace));
    let a = checked(day(2020, 3, 20), &word);
    assert!(a.mentions.is_empty());
    // One sentence, up to the last letter (the trailing soft hyphen is no token).
    assert_eq!(
        (a.sentences.len(), a.sentences.get(0).map(|s| s.bytes)),
        (1, Some(0..word.len() - '\u{ad}'.len_utf8()))
    );
    let unit = "абв16марта2020г.«x»—17.00,ЁЛКИ;";
    let glued = unit.repeat(1_000_000 / unit.len() + 1);
    assert!(!glued.contains(char::is_whitespace));
    let a = checked(day(2020, 3, 20), &glued);
    assert!(a.mentions.len() > 40_000);
}

/// A million digits: one number token (its value saturates), alone and inside a date.
#[test]
fn a_million_digits() {
    let digits = "7".repeat(1_000_000);
    let a = checked(day(2020, 3, 20), &digits);
    assert!(a.mentions.is_empty());
    assert_eq!((a.sentences.len(), a.sentences.get(0).map(|s| s.bytes)), (1, Some(0..digits.len())));
    let text = format!("{digits} марта {digits} года, 16.03.{digits}");
    let a = checked(day(2020, 3, 20), &text);
    // `марта` alone is the month; no digit is part of a mention.
    assert!(a.mentions.iter().all(|m| !m.text(&text).contains('7') && m.value.to_string() == "2020-03"));
    let spaced = "1 ".repeat(500_000);
    assert!(checked(day(2020, 3, 20), &spaced).mentions.is_empty());
}

/// `16 марта` 100 000 times: 100 000 mentions, one event per sentence.
#[test]
fn sixteenth_of_march_a_hundred_thousand_times() {
    let text = "16 марта ".repeat(100_000);
    let a = checked(day(2020, 3, 20), &text);
    assert_eq!(a.mentions.len(), 100_000);
    assert!(a.mentions.iter().all(|m| m.value.to_string() == "2020-03-16"));
    assert_eq!(a.timeline.len(), a.sentences.len());
    let text = "16 марта. ".repeat(100_000);
    let a = checked(day(2020, 3, 20), &text);
    assert_eq!((a.mentions.len(), a.sentences.len()), (100_000, 100_000));
}

/// 100 000 nested quotes and brackets around a date.
#[test]
fn a_hundred_thousand_nested_quotes() {
    for (open, close) in [("«", "»"), ("\"", "\""), ("(", ")"), ("„", "“")] {
        let text = format!("{}16 марта{}", open.repeat(100_000), close.repeat(100_000));
        let a = checked(day(2020, 3, 20), &text);
        assert_eq!(values(day(2020, 3, 20), &text), pairs(&[("16 марта", "2020-03-16")]), "{open}{close}");
        assert!(!a.sentences.is_empty());
    }
}

/// Punctuation only: no mention, no event, every byte inside some sentence.
#[test]
fn only_punctuation() {
    let unit = ".,;:!?…—–-«»\"'()[]{}/\\|*&^%$#@№§+=<>~`";
    let text = unit.repeat(1_000_000 / unit.len());
    let a = checked(day(2020, 3, 20), &text);
    assert!(a.mentions.is_empty() && a.timeline.is_empty());
    assert_eq!(a.sentences.first().map(|s| s.bytes.start), Some(0));
    assert_eq!(a.sentences.last().map(|s| s.bytes.end), Some(text.len()));
    for s in ["", " ", "\n\n\n", "\u{feff}", "\u{200b}\u{ad}\u{301}", ".", "…", "—"] {
        checked(day(2020, 3, 20), s);
    }
}

/// CRLF and lone CR line ends read as LF ones do.
#[test]
fn crlf_and_lone_cr_line_ends() {
    let lf = "Карантин ввели 16 марта\nВчера его продлили до 15 апреля\n\nС 16 по 22 марта школы закрыты";
    let want = values(day(2020, 3, 20), lf);
    assert_eq!(want.len(), 4);
    for eol in ["\r\n", "\r"] {
        let text = lf.replace('\n', eol);
        let got = values(day(2020, 3, 20), &text);
        let got_values: Vec<&String> = got.iter().map(|(_, v)| v).collect();
        assert_eq!(got_values, want.iter().map(|(_, v)| v).collect::<Vec<_>>(), "{eol:?}");
        assert_eq!(checked(day(2020, 3, 20), &text).sentences.len(), 3, "{eol:?}");
    }
    checked(day(2020, 3, 20), &"\r".repeat(100_000));
    checked(day(2020, 3, 20), &"16 марта\r\r\n\n\r".repeat(10_000));
}

/// A byte-order mark, at the start (where a scraper leaves it) and inside the text.
#[test]
fn byte_order_mark() {
    assert_eq!(values(day(2020, 3, 20), "\u{feff}16 марта"), pairs(&[("16 марта", "2020-03-16")]));
    assert_eq!(values(day(2020, 3, 20), "16\u{feff} марта"), pairs(&[("16\u{feff} марта", "2020-03-16")]));
    let input = "\u{feff}date 2020-03-20\r\n\u{feff}16 марта ввели карантин.";
    let doc = Document::parse(input).expect("a BOM before the header is whitespace");
    let a = analyze(&doc);
    common::check(&doc, &a).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(a.mentions[0].text(doc.text()), "16 марта");
}

/// NBSP and the other Unicode spaces separate words like a space.
#[test]
fn unicode_spaces() {
    for space in [
        '\u{a0}', '\u{2000}', '\u{2002}', '\u{2003}', '\u{2007}', '\u{2009}', '\u{200a}', '\u{202f}', '\u{205f}',
        '\u{3000}', '\u{1680}', '\t', '\u{b}', '\u{c}', '\u{85}', '\u{2028}', '\u{2029}',
    ] {
        let text = format!("до{space}16{space}марта{space}2020{space}года");
        assert_eq!(values(day(2020, 3, 25), &text), pairs(&[(&text, "2020-03-16")]), "U+{:04X}", space as u32);
    }
}

/// Soft hyphens and zero-width characters inside words are invisible to the grammar; the
/// span still covers them.
#[test]
fn soft_hyphens_and_zero_width_inside_words() {
    for mark in ['\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}', '\u{feff}'] {
        let text = format!("до 16 ма{mark}р{mark}та, вче{mark}ра");
        let got = values(day(2020, 3, 20), &text);
        assert_eq!(
            got,
            pairs(&[(&format!("до 16 ма{mark}р{mark}та"), "2020-03-16"), (&format!("вче{mark}ра"), "2020-03-19")]),
            "U+{:04X}",
            mark as u32
        );
    }
    // Inside a number an invisible character splits it: `1­6` is not 16.
    assert!(values(day(2020, 3, 20), "1\u{ad}6 марта").iter().all(|(_, v)| v != "2020-03-16"));
    checked(day(2020, 3, 20), &"\u{ad}\u{200b}".repeat(100_000));
}

/// Latin letters that look Cyrillic inside a Cyrillic word are read as Cyrillic: `мaрта`
/// with a Latin `a` is March. A word in Latin letters only stays Latin.
#[test]
fn latin_lookalikes_in_month_names() {
    assert_eq!(values(day(2020, 3, 20), "16 мaрта"), pairs(&[("16 мaрта", "2020-03-16")]));
    assert_eq!(values(day(2020, 3, 20), "16 MAPTA"), pairs(&[]), "all Latin: not a month");
    assert_eq!(values(day(2020, 3, 20), "до 15 aпpeля"), pairs(&[("до 15 aпpeля", "2020-04-15")]));
    assert_eq!(values(day(2020, 3, 20), "ВЧEРA"), pairs(&[("ВЧEРA", "2020-03-19")]));
}

/// Letters with ё, in any case, and combining accents.
#[test]
fn yo_case_and_combining_accents() {
    for s in ["ЁЁЁ", "ёёё ЁЁЁ ё", &"Ё".repeat(100_000)] {
        assert!(checked(day(2020, 3, 20), s).mentions.is_empty());
    }
    assert_eq!(values(day(2020, 3, 20), "16 МАРТА"), pairs(&[("16 МАРТА", "2020-03-16")]));
    assert_eq!(values(day(2020, 3, 20), "16 ма́рта"), pairs(&[("16 ма́рта", "2020-03-16")]));
    assert_eq!(
        values(day(2020, 3, 20), "16 ма\u{308}\u{301}\u{301}рта"),
        pairs(&[("16 ма\u{308}\u{301}\u{301}рта", "2020-03-16")])
    );
    let value = |s: &str| values(day(2020, 3, 20), s).into_iter().map(|(_, v)| v).collect::<Vec<_>>();
    assert_eq!(value("в четвёртом квартале"), ["2020-Q4"]);
    assert_eq!(value("в ЧЕТВЁРТОМ квартале"), ["2020-Q4"]);
    checked(day(2020, 3, 20), &"\u{301}".repeat(100_000));
    checked(day(2020, 3, 20), &"а\u{301}\u{302}\u{303}".repeat(50_000));
}

/// Right-to-left marks, embeddings and overrides around and inside a date.
#[test]
fn right_to_left_marks() {
    for (a, b) in [('\u{200f}', '\u{200e}'), ('\u{202e}', '\u{202c}'), ('\u{2067}', '\u{2069}')] {
        let text = format!("{a}16 {a}ма{b}рта{b}");
        let got = values(day(2020, 3, 20), &text);
        assert_eq!(got.len(), 1, "{text:?}");
        assert_eq!(got[0].1, "2020-03-16");
    }
    checked(day(2020, 3, 20), &"\u{202e}\u{200f}".repeat(100_000));
}

/// 29 February exists in leap years only.
#[test]
fn twenty_ninth_of_february() {
    assert_eq!(values(day(2020, 3, 20), "29 февраля 2020 года"), pairs(&[("29 февраля 2020 года", "2020-02-29")]));
    assert_eq!(values(day(2020, 3, 20), "29 февраля 2021 года"), pairs(&[]));
    assert_eq!(values(day(2020, 3, 20), "29.02.2021"), pairs(&[]));
    assert_eq!(values(day(2020, 3, 20), "29.02.2000"), pairs(&[("29.02.2000", "2000-02-29")]));
    assert_eq!(values(day(2020, 3, 20), "29.02.1900"), pairs(&[]));
    // Year-less: the year the policy picks must have it. In an article of March 2021 the
    // nearest 29 February would be in 2021, which has none: no mention.
    assert_eq!(values(day(2021, 3, 20), "29 февраля"), pairs(&[]));
    assert_eq!(values(day(2020, 3, 20), "29 февраля"), pairs(&[("29 февраля", "2020-02-29")]));
    assert_eq!(values(day(2020, 3, 20), "с 1 по 29 февраля 2021 года"), pairs(&[]));
}

/// The first and last days TIMEX3 can write, and arithmetic that would leave them.
#[test]
fn years_0000_and_9999() {
    assert_eq!(values(day(2020, 3, 20), "01.01.0000"), pairs(&[("01.01.0000", "0000-01-01")]));
    assert_eq!(values(day(2020, 3, 20), "31.12.9999"), pairs(&[("31.12.9999", "9999-12-31")]));
    assert_eq!(values(day(9999, 6, 20), "1 января"), pairs(&[("1 января", "9999-01-01")]));
    // The nearest 1 January to 20 December 9999 is in year 10000: no mention.
    assert_eq!(values(day(9999, 12, 20), "1 января"), pairs(&[]));
    assert_eq!(values(day(9999, 12, 31), "31.12.9999 через день"), pairs(&[("31.12.9999", "9999-12-31")]));
    // Written years are read in 1000..=2999; `9999 года` is then an amount of years.
    checked(day(2020, 3, 20), "1 января 9999 года");
    checked(day(9999, 12, 31), "31 декабря 9999 года, через день");
    let edge = "Сегодня, завтра, вчера, через день, день назад, на следующий день, накануне, через неделю, \
                неделю назад, в следующем месяце, в прошлом месяце, в следующем году, в прошлом году, в этом \
                квартале, в следующем квартале, зимой, следующей зимой, прошлой зимой, летом, в выходные, в \
                понедельник, в пятницу, на этой неделе, с 20 декабря по 10 января, в начале года, до конца \
                года, во второй половине года, в первом полугодии, за последние три дня, в ближайшие два дня, \
                в 23:59, в полночь, вечером, ночью, 31 декабря, 1 января.";
    for d in [day(0, 1, 1), day(0, 1, 2), day(0, 3, 1), day(9999, 12, 31), day(9999, 12, 27), day(9999, 6, 30)] {
        let a = checked(d, edge);
        assert!(!a.mentions.is_empty());
    }
    let at = NaiveDate::from_ymd_opt(9999, 12, 31).and_then(|d| d.and_hms_opt(23, 59, 0)).expect("a time");
    checked(Published::date_time(at), edge);
    checked(Published::date_time(at), "Через час, через 5 минут, через 30 секунд, в течение часа.");
}

/// Day 0 and day 32 are no days.
#[test]
fn days_zero_and_thirty_two() {
    for s in
        ["0 марта", "32 марта", "00 марта", "31 апреля", "30 февраля", "00.03.2020", "32.03.2020", "0 марта 2020 года"]
    {
        assert_eq!(values(day(2020, 3, 20), s), pairs(&[]), "{s}");
    }
    assert_eq!(values(day(2020, 3, 20), "31 марта"), pairs(&[("31 марта", "2020-03-31")]));
}

/// Control characters and NUL bytes are just characters.
#[test]
fn control_characters() {
    let text: String = (0u8..32).map(char::from).chain("16 марта\u{7f}\u{9f}".chars()).collect();
    assert_eq!(values(day(2020, 3, 20), &text).len(), 1);
    checked(day(2020, 3, 20), &"\0".repeat(100_000));
}
