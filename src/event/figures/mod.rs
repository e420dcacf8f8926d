//! Figures a sentence states: counts of cases, deaths, recoveries, tests, vaccinated people and
//! people in general, sums of money and percentages.
//!
//! ```
//! use khronika::{describe, FigureWhat};
//! let f = describe("За сутки выявлено 49 случаев заражения, выделено 300 млрд тенге.").figures;
//! assert_eq!((f[0].value, f[0].unit.as_ref(), f[0].what), (49.0, "cases", FigureWhat::Cases));
//! assert_eq!((f[1].value, f[1].unit.as_ref(), f[1].what), (3e11, "KZT", FigureWhat::Money));
//! ```
//!
//! # How a number becomes a figure
//!
//! A number is written in digits (`1 234`, `42 500` with a space, NBSP or thin space between
//! groups of three; `1,5` or, before `млн`/`%`/a currency, `1.5`), in words (`двух`, `двадцать
//! пять`, `две тысячи`, `полтора`), or as a collective numeral (`трое`, `пятерых`). An optional
//! multiplier follows (`тыс.`, `тысяч`, `млн`, `миллиона`, `млрд`, `трлн`). A number is a figure
//! only when something says what it counts:
//!
//! 1. **The word after it** (after at most three adjectives: `49 новых случаев`, `12
//!    медицинских работников`): a currency, `%`/`процентов`, or a counted noun from the language's
//!    tables (`src/lang/ru/figures.rs`: `человек`, `случаев`, `тестов`, `доз`, `коек`, `заболевших`, ...). A currency
//!    sign may also stand before it (`$10 млн`).
//! 2. **A collective numeral** counts people by itself (`умерли трое`), unless it is followed by
//!    `суток`.
//! 3. **A cue verb next to it** (`скончались 17`, `3 умерли`, `выздоровели двадцать три`): a
//!    number with nothing countable after it counts people of the cue's kind (see below). The cue
//!    must directly follow the number, or directly precede it (past a qualifier) with the clause
//!    ending, or a preposition or conjunction following the number.
//! 4. **The subject on the left**: a number in digits in that same free position takes its noun
//!    from a preceding `число` / `количество` / `численность` + noun in the same clause
//!    (`число заболевших достигло 1 234` → 1234 people, cases).
//!
//! A bare four-digit number from 1900 to 2100 is a year under rules 3 and 4.
//! Anything else is not a figure: dates (`16 марта`, `16.03.2020`, `2020 года`), clock times
//! (`17.00`, `10:00`), phone numbers (no counted noun follows; hyphen chains like `76-65-43` are
//! skipped outright), `№2` and house numbers (`дом 5`), ordinals (`2-й`), compounds (`5-летний`),
//! ages and durations (`старше 65 лет`, `14 дней`).
//!
//! # What a count of people counts
//!
//! Nouns that name their own kind decide it (`случаев` → cases, `тестов` → tests, `умерших` →
//! deaths, `выздоровевших` → recoveries, `привитых` → vaccinated; `летальных случаев`,
//! `случаев смерти` → deaths). A neutral noun (`человек`, `пациентов`, a collective numeral)
//! takes the kind of the **nearest cue word in its clause** (clauses end at `, ; ( ) ! ?` and a
//! sentence-final `.`): `скончались`, `умерли`, `погибли`, `летальный` → deaths; `выздоровели`,
//! `выписаны` → recoveries; `привиты`, `вакцинированы` → vaccinated; `протестированы`,
//! `обследованы` → tests; `подтвердили`, `заразились`, `инфицированы`, `заболели`,
//! `положительный` → cases. Equal distance prefers deaths, recoveries, vaccinated, tests, cases in
//! that order. With no cue, a number after `у` (`у 14 человек выявили коронавирус`) counts cases
//! when the clause names the virus or a finding verb (`выявили`, `обнаружили`); otherwise it is
//! [`FigureWhat::People`]. Doses count vaccinations only next to a vaccination cue, else
//! [`FigureWhat::Other`].
//!
//! # Lists and parts
//!
//! - **A list after one counted noun**: a number with nothing countable after it continues
//!   the figure before it in the sentence, with its unit and kind (`Новые случаи выявлены в
//!   Алматы — у 312 человек, в Шымкенте — у 95, в Туркестанской области — у 40` → three
//!   counts of cases; `выявлено 447 случаев: в Алматы — 312, ...`; `12 в Нур-Султане, 8 в
//!   Караганде и 5 в Павлодаре`). The item stands in the clause right after the figure's, or
//!   in the same clause after a colon or right after `и`/`а`; it opens its clause or follows a
//!   dash, a colon, `у` or `и`; nothing but a preposition follows it in its clause. A cue of
//!   its own clause gives it its own kind (`выявлено 49 случаев, выздоровели — 12` → 12
//!   recoveries). Money lists carry too (`5 млрд тенге, в Шымкенте — 3 млрд`); percentages do
//!   not.
//! - **A part of a count** (`из них 12 — дети`, `180 из них`, `в том числе 20 детей`, `среди
//!   которых два медика`) is a figure with [`Figure::subset`] set. A part of persons that its
//!   own words do not type (`дети`, `медика`) counts what the count before it counts (`из них
//!   12 — дети` after `56 случаев` is 12 cases); its own cue wins (`из них 3 скончались` is 3
//!   deaths). A bare number is a part only when a dash, a preposition or the clause's end
//!   follows it (`из них 16 марта` is a date). A sentence that opens with `Из них` has no count
//!   before it: its part is read alone, and the event builder gives it the kind of the
//!   count it continues ([`take_outer`]).
//!
//! # New or cumulative
//!
//! A count of persons, cases, tests, doses or beds (not money, not a percentage) gets a
//! [`Count`] when the sentence says which it is:
//!
//! - **new**: `новый`, `суточный` in any form, `прирост`, `впервые`, `вновь` (for their own
//!   clause); `за сутки`, `за последние/прошедшие/минувшие сутки`, `в течение суток`, `за
//!   (прошедший) день` (for the whole sentence; not `за день до ...`);
//! - **cumulative**: `всего`, `итого`, `с начала ...` (пандемии, эпидемии, года), `в общей
//!   сложности`, `общее число`/`общее количество` (any form of `общий` before a subject or a
//!   counted noun), `за весь период`, `за всё время`.
//!
//! The nearest cue in the figure's clause decides; else a list item or a part takes its
//! head's count; else the nearest cue of the sentence that speaks for the whole sentence,
//! the one before the figure first. A level reached after a verb of change (`число заболевших
//! за сутки выросло до 1 234`) is the running total, which a period does not make new: it
//! takes only the other cues. `Всего` meaning "only" (`всего 3 человека`) reads as
//! cumulative: the tables cannot tell the two apart.
//!
//! # Approximate figures
//!
//! `более`, `свыше`, `около`, `почти`, `порядка`, `примерно`, `приблизительно`, `больше`,
//! `менее`, `меньше`, `максимум`, `минимум`, `не менее`, `не более`, `чуть более`, `более чем`,
//! `до` before the number, `с лишним` after it, and a range `10–15%` (reported once, as its upper
//! bound) make a figure approximate. `до` after a verb of change (`выросло до 1 234`,
//! `сократилось до 5%`) gives the new value, so it stays exact and out of the span.
//!
//! # Limits
//!
//! - The clause is the unit of context: `у 14 человек, прибывших из Турции, подтвердили ...`
//!   separates the number from its cue by commas and yields [`FigureWhat::People`].
//! - In `от 100 до 200 человек` only `до 200 человек` is reported.
//! - Number words take no noun from the `число ...` subject (rule 4 is for digits).
//! - `один`/`одного`/... written as a word counts only when it reports cases, deaths,
//!   recoveries or vaccinations (`один случай`, `один человек скончался`): otherwise it is mostly
//!   a determiner (`стоимость одного теста`, `один из`).
//! - A dot between digits is a decimal point only before a multiplier, `%` or a currency
//!   (`1.5 млн`); otherwise it is a clock time or a date (`17.00`, `16.03`).
//! - Ages and durations are never figures: years, days and hours are not counted nouns.
//! - Increments are reported as stated: `выросло на 120 человек` is 120 people.
//! - A bare `тысячи`, `миллионы` (`тысячи людей`) is vague and not reported.
//! - Money without a currency word (`выделено 5 млрд`) is not reported.
//! - A numeral too long for a 64-bit float (a run of 400 digits) is no figure: every value
//!   is finite.
//! - `на сегодняшний день` alone says nothing about the count (`на сегодня выздоровели
//!   1 023 человека` has none); with `в общей сложности` it is cumulative.

pub(crate) mod count;
pub(crate) mod grammar;
pub(crate) mod toks;
pub(crate) mod words;

use crate::event::Span;
use crate::text::Tokens;
use std::borrow::Cow;
use std::ops::Range;
use words::FigureWords;

/// What a [`Figure`] counts or measures.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum FigureWhat {
    /// Confirmed infections (`49 случаев`, `у 14 человек подтвердили`).
    Cases,
    /// Deaths (`5 человек скончались`, `умерли трое`).
    Deaths,
    /// Recoveries (`выздоровели 12 человек`, `12 выздоровевших`).
    Recoveries,
    /// Tests carried out (`проведено 5 000 тестов`).
    Tests,
    /// Vaccinated people or vaccine doses given (`привиты 300 тысяч человек`).
    Vaccinated,
    /// People with no more specific role (`более 500 человек`).
    People,
    /// A sum of money (`300 млрд тенге`).
    Money,
    /// A percentage (`80%`, `80 процентов`).
    Percent,
    /// Anything else counted (hospital beds, doses not given to anyone yet).
    Other,
}

/// Whether a count is the day's new ones or the running total (see the module docs, "New
/// or cumulative").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Count {
    /// New in the period the sentence reports (`за сутки`, `49 новых случаев`, `прирост`).
    New,
    /// The running total (`всего`, `общее число`, `с начала пандемии`, `в общей сложности`).
    Cumulative,
}

/// One figure stated in a sentence.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Figure {
    /// The number with any multiplier applied: `300 млрд тенге` → `300000000000.0`,
    /// `1,5 млн` → `1500000.0`, `80%` → `80.0`.
    pub value: f64,
    /// The unit, from a closed list: `"KZT"`, `"RUB"`, `"USD"`, `"EUR"`, `"CNY"`, `"KGS"` for money,
    /// `"%"` for percentages, `"people"` (any count of persons, including `заболевших`,
    /// `умерших`, collective numerals), `"cases"` (events: `случаев`, `смертей`, `летальных
    /// исходов`), `"tests"`, `"doses"`, `"beds"`.
    pub unit: Cow<'static, str>,
    /// What the number counts.
    pub what: FigureWhat,
    /// Whether a qualifier (`более`, `около`, `до`, `с лишним`, a range, ...) makes it approximate.
    pub approx: bool,
    /// For a count (not money, not a percentage): whether the sentence gives it as new or as
    /// the running total; `None` when it says neither.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub count: Option<Count>,
    /// Whether it counts a part of another count (`из них 12`, `180 из них`, `в том числе
    /// 40`): its `what` is then the other count's, unless its own words say more (`из них 3
    /// скончались` counts deaths).
    #[serde(default, skip_serializing_if = "is_false")]
    pub subset: bool,
    /// Where it is written in its sentence (qualifier, number, multiplier and unit words):
    /// bytes and characters from the start of the sentence.
    #[serde(default)]
    pub span: Span,
    /// Which of its event's evidence sentences states it (an index into
    /// [`Event::evidence`](crate::Event::evidence), which `span` counts from; 0 outside an
    /// event).
    #[serde(default)]
    pub sentence: usize,
}

/// Whether a flag is unset (serde skips it then).
fn is_false(b: &bool) -> bool {
    !*b
}

/// Finds the figures a sentence states, in the order they appear (the tests' view: it
/// tokenizes the sentence, which the pipeline never does).
#[cfg(test)]
pub(crate) fn figures(sentence: &str) -> Vec<Figure> {
    let tokens = Tokens::new(sentence);
    let mut out = Vec::new();
    figures_with(crate::lang::Lang::Ru.table().events.figures, sentence, &tokens, 0..tokens.len(), 0, &[], &mut out);
    out
}

/// Finds the figures of one sentence of a document, on the document's tokens, with a
/// language's figure words: `range` is the sentence's token indices, `text` the document
/// text the tokens point into; spans count from byte `start` of `text` (where the sentence
/// starts). `dates` are the byte spans (in `text`) of the sentence's temporal expressions,
/// whose numbers count nothing. The figures go into `out`, cleared first (a caller's list
/// keeps its room from sentence to sentence).
pub(crate) fn figures_with(
    words: &'static FigureWords,
    text: &str,
    tokens: &Tokens,
    range: Range<usize>,
    start: usize,
    dates: &[Range<usize>],
    out: &mut Vec<Figure>,
) {
    out.clear();
    // Every figure has a number, a number word, a collective numeral or `полтора` outside the
    // sentence's dates; a sentence with none (most sentences) ends here, before anything is
    // grouped.
    if !toks::possible(words, tokens, range.clone(), dates) {
        return;
    }
    // The grouped tokens and the grammar's buffers are kept by each thread, so that a sentence costs no
    // allocation but its figures. (Taken out while in use: a nested call would start a new one.)
    thread_local! {
        static SCRATCH: std::cell::Cell<(Vec<toks::Tok>, grammar::Scratch)> =
            const { std::cell::Cell::new((Vec::new(), grammar::Scratch::EMPTY)) };
    }
    let (mut toks, mut scratch) = SCRATCH.with(|s| s.take());
    toks::group(words, text, tokens, range.clone(), &mut toks);
    grammar::Cx { words, text, tokens, toks: &toks }.figures(&mut scratch, out);
    toks.clear();
    SCRATCH.with(|s| s.set((toks, scratch)));
    // Document bytes to sentence bytes and characters, with one forward cursor (figures come
    // in text order).
    let (mut byte, mut chars) = (start, 0);
    let mut at = |b: usize| {
        if let Some(slice) = text.get(byte..b) {
            chars += char_count(slice.as_bytes());
            byte = b;
        }
        chars
    };
    for f in out.iter_mut() {
        let b = f.span.bytes.clone();
        f.span.chars = at(b.start)..at(b.end);
        f.span.bytes = b.start.saturating_sub(start)..b.end.saturating_sub(start);
    }
}

/// The characters of a run of UTF-8 (its bytes that are no continuation byte), sixteen
/// bytes at a time.
fn char_count(b: &[u8]) -> usize {
    const LOW: u64 = 0x0101_0101_0101_0101;
    // A continuation byte is 10xxxxxx: its top bit set and the next one clear; one per lane.
    let lanes = |c: &[u8]| {
        let mut w = [0u8; 8];
        w.copy_from_slice(c);
        let x = u64::from_le_bytes(w);
        ((x & !(x << 1)) >> 7) & LOW
    };
    let mut chunks = b.chunks_exact(16);
    let mut continuation = 0;
    // Per-byte counters, summed across the lanes every 14 chunks (while their sum, at most
    // 8 * 2 * 15 with the padded last chunk, fits the top byte of the multiply that adds
    // them).
    let mut acc = 0u64;
    let mut k = 0;
    for c in &mut chunks {
        let (x, y) = c.split_at(8);
        acc += lanes(x) + lanes(y);
        k += 1;
        if k == 14 {
            continuation += (acc.wrapping_mul(LOW) >> 56) as usize;
            (acc, k) = (0, 0);
        }
    }
    // The last bytes, padded with zeros (no continuation bytes) to one more chunk.
    let rest = chunks.remainder();
    let mut pad = [0u8; 16];
    if let Some(head) = pad.get_mut(..rest.len()) {
        head.copy_from_slice(rest);
    }
    let (x, y) = pad.split_at(8);
    acc += lanes(x) + lanes(y);
    continuation += (acc.wrapping_mul(LOW) >> 56) as usize;
    b.len() - continuation
}

/// Gives the parts that a sentence of their own states (`Из них 12 — дети.`, after a
/// sentence with `56 случаев`) what the count they are part of counts: the last count of
/// `outer` (the figures of the sentence they continue). A part of persons that its own words
/// do not type takes that count's kind when it counts persons in a role (cases, deaths, ...),
/// and its new-or-cumulative when it has none.
pub(crate) fn take_outer(outer: &[Figure], parts: &mut [Figure]) {
    let Some(head) = outer.iter().rev().find(|f| grammar::counted(f.what)) else { return };
    for f in parts.iter_mut().filter(|f| f.subset && grammar::counted(f.what)) {
        if f.what == FigureWhat::People && grammar::person_kind(head.what) {
            f.what = head.what;
        }
        f.count = f.count.or(head.count);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_of_a_sentence() {
        let f = figures("У 14 человек подтвердили коронавирус, ещё более 500 человек на карантине.");
        assert_eq!(f.len(), 2);
        assert_eq!((f[0].value, f[0].what, f[0].approx), (14.0, FigureWhat::Cases, false));
        assert_eq!((f[1].value, f[1].what, f[1].approx), (500.0, FigureWhat::People, true));
        assert!(figures("16 марта 2020 года, в 10:00, по телефону 8 (7172) 76-65-43").is_empty());
    }

    fn one(s: &str) -> Figure {
        let f = figures(s);
        assert_eq!(f.len(), 1, "{s}: {f:?}");
        f.into_iter().next().unwrap()
    }

    #[test]
    fn spans_cover_qualifier_number_and_unit() {
        let s = "Выделено более 1,5 млн рублей.";
        let f = one(s);
        assert_eq!(&s[f.span.bytes.clone()], "более 1,5 млн рублей");
        assert_eq!(f.value, 1_500_000.0);
        assert!(f.approx);
        let s = "Кредит составил $10 млн.";
        let f = one(s);
        assert_eq!(&s[f.span.bytes.clone()], "$10 млн");
        assert_eq!((f.value, f.unit.as_ref()), (1e7, "USD"));
    }

    #[test]
    fn thousands_separators() {
        for s in ["42 500 тенге", "42\u{a0}500 тенге", "42\u{202f}500 тенге"] {
            assert_eq!(one(s).value, 42_500.0, "{s}");
        }
        assert_eq!(one("1 234 567 тестов").value, 1_234_567.0);
    }

    #[test]
    fn number_words_combine() {
        assert_eq!(one("двадцать пять человек").value, 25.0);
        assert_eq!(one("двух тысяч трехсот пациентов").value, 2300.0);
        assert_eq!(one("полтора миллиона доз").value, 1_500_000.0);
        assert!(figures("тысячи людей вышли на улицы").is_empty());
    }

    #[test]
    fn what_from_the_nearest_cue() {
        let f = figures("Выздоровели 12 человек, 3 человека скончались.");
        assert_eq!(f[0].what, FigureWhat::Recoveries);
        assert_eq!(f[1].what, FigureWhat::Deaths);
        let f = figures("За сутки 12 человек выздоровели и 3 человека умерли.");
        assert_eq!(f[0].what, FigureWhat::Recoveries);
        assert_eq!(f[1].what, FigureWhat::Deaths);
    }

    #[test]
    fn up_to_after_a_change_verb_is_exact() {
        let s = "Число заболевших выросло до 1 234.";
        let f = one(s);
        assert!(!f.approx);
        assert_eq!(&s[f.span.bytes.clone()], "1 234");
        assert!(one("Вместимость увеличат до 500 коек.").approx);
    }

    #[test]
    fn non_figures() {
        for s in [
            "16.03.2020 в 17.00 и в 10:00",
            "в больнице №2, дом 15, школа 45",
            "карантин на 14 дней, люди старше 65 лет",
            "звоните 8 701 123 45 67 или +7 (7172) 76-65-43",
            "5-летний план, 2-й этап, COVID-19",
            "в 2020 году",
        ] {
            assert!(figures(s).is_empty(), "{s}: {:?}", figures(s));
        }
    }

    proptest::proptest! {
        #[test]
        fn spans_are_char_boundaries(s in "[0-9 ,.:%$№\\-а-яА-ЯёЁa-z\u{a0}]{0,40}") {
            for m in figures(&s) {
                proptest::prop_assert!(s.get(m.span.bytes.clone()).is_some());
            }
        }

        #[test]
        fn spans_hold_for_token_soup(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "1", "23", "500", " ", "\u{a0}", ",", ".", "-", "–", ":", "%", "$", "№", "млн",
                "тыс.", "тенге", "человек", "более", "до", "у", "число", "заболевших", "трое",
                "двадцать", "пять", "тысяч", "с", "лишним", "умерли", "случаев", "ё", "2-х",
            ]), 0..14)
        ) {
            let s: String = parts.concat();
            for m in figures(&s) {
                proptest::prop_assert!(s.get(m.span.bytes.clone()).is_some());
                proptest::prop_assert!(m.value.is_finite());
            }
            let spaced = parts.join(" ");
            for m in figures(&spaced) {
                proptest::prop_assert!(spaced.get(m.span.bytes.clone()).is_some());
            }
        }
    }

    #[test]
    fn numerals_too_large_for_a_float_are_no_figures() {
        let digits = "9".repeat(400);
        assert!(figures(&format!("На карантине {digits} человек.")).is_empty());
        let digits = "9".repeat(300);
        assert!(figures(&format!("Выделено {digits} трлн тенге.")).is_empty());
        let grouped = vec!["999"; 120].join(" ");
        assert!(figures(&format!("Заболели {grouped} человек.")).is_empty());
        let f = one(&format!("Выделено {} тенге.", "9".repeat(300)));
        assert!(f.value.is_finite());
    }

    #[cfg(feature = "json")]
    #[test]
    fn counts_serialize_as_words_and_are_skipped_when_unknown() {
        let f = one("За сутки выявлено 49 новых случаев.");
        assert_eq!(f.count, Some(Count::New));
        let json = serde_json::to_string(&f).unwrap();
        assert!(json.contains(r#""count":"new""#) && !json.contains("subset"), "{json}");
        let f = one("Всего выявлено 1 234 случая.");
        assert_eq!(f.count, Some(Count::Cumulative));
        assert!(serde_json::to_string(&f).unwrap().contains(r#""count":"cumulative""#));
        let f = one("В больницах находятся 240 пациентов.");
        assert!(!serde_json::to_string(&f).unwrap().contains("count"));
    }

    #[test]
    fn parts_alone_take_the_outer_count() {
        let outer = figures("За сутки выявлено 56 случаев.");
        let mut parts = figures("Из них 12 — дети, 3 скончались.");
        assert_eq!(parts.len(), 2, "{parts:?}");
        assert!(parts.iter().all(|f| f.subset || f.what == FigureWhat::Deaths), "{parts:?}");
        take_outer(&outer, &mut parts);
        assert_eq!((parts[0].what, parts[0].count), (FigureWhat::Cases, Some(Count::New)));
        // A part with its own kind keeps it.
        let mut own = figures("Из них 3 человека скончались.");
        take_outer(&outer, &mut own);
        assert_eq!(own[0].what, FigureWhat::Deaths);
        // A list of parts, each after its place (`Из них в Шымкенте — 312, ...`).
        let mut listed = figures("Из них в Шымкенте — 312, в Туркестанской области — 95.");
        assert_eq!(listed.len(), 2, "{listed:?}");
        take_outer(&outer, &mut listed);
        assert!(listed.iter().all(|f| f.what == FigureWhat::Cases), "{listed:?}");
        let mut listed = figures("В том числе в Алматы — 40, в Нур-Султане — 31.");
        take_outer(&outer, &mut listed);
        assert!(listed.len() == 2 && listed.iter().all(|f| f.what == FigureWhat::Cases), "{listed:?}");
        // Not a part: untouched.
        let mut plain = figures("Госпитализированы 40 человек.");
        take_outer(&outer, &mut plain);
        assert_eq!((plain[0].what, plain[0].count), (FigureWhat::People, None));
    }

    #[test]
    fn chars_are_counted_like_std() {
        let long = "ж".repeat(2000) + "😀x";
        for s in ["", "a", "абв", "12 345 тенге — «COVID-19»", "ёЁ\u{a0}\u{202f}x😀 случаев заражения за сутки", &long]
        {
            assert_eq!(char_count(s.as_bytes()), s.chars().count(), "{s}");
        }
        for n in 0..300 {
            let s: String = "aжё😀 ".chars().cycle().take(n).collect();
            assert_eq!(char_count(s.as_bytes()), n, "{s}");
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in ["", "1", "1,", "1.", "1 ", "$", "$1", "1-", "-1", "№", "12 3", "ё1", "1\u{a0}"] {
            let _ = figures(s);
        }
    }
}
