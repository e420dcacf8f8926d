//! Places a sentence names: the regions and cities of Kazakhstan and Russia, the world's
//! countries, and the foreign cities and provinces that 2020–2022 news mentions most; and the
//! levels of place it refers to by anaphora ([`anaphora`]).
//!
//! ```
//! let d = khronika::describe("В Нур-Султане и Карагандинской области выявлены больные, прибывшие из Китая.");
//! let names: Vec<&str> = d.places.iter().map(|p| p.name.as_ref()).collect();
//! assert_eq!(names, ["Нур-Султан", "Карагандинская область", "Китай"]);
//! let codes: Vec<&str> = d.places.iter().map(|p| p.code.as_ref()).collect();
//! assert_eq!(codes, ["KZ-71", "KZ-35", "CHN"]);
//! assert_eq!(
//!     serde_json::to_string(&d.places[0]).unwrap(),
//!     r#"{"name":"Нур-Султан","kind":"city","country":"KZ","code":"KZ-71","sentence":0}"#
//! );
//! ```
//!
//! # Codes
//!
//! Every place carries a code to join on: ISO 3166-1 alpha-3 for a country (`KAZ`, `RUS`,
//! `CHN`); ISO 3166-2 for a region and for a city that is a region of its own (`KZ-75`
//! Almaty, `KZ-71` Astana/Nur-Sultan, `KZ-79` Shymkent, `RU-MOW` Moscow, `RU-SPE` Saint
//! Petersburg); any other city carries the code of the region it lies in (`Караганда` →
//! `KZ-35`, Karaganda Region; `Казань` → `RU-TA`, Tatarstan; `Ухань` → `CN-HB`, Hubei).
//! Kazakhstan's codes are those of ISO 3166-2:KZ as changed in November 2022 (two-digit
//! codes, with the regions created that year: Abai `KZ-10`, Jetisu `KZ-33`, Ulytau `KZ-62`),
//! not the letter codes of earlier revisions (`KZ-ALA`, `KZ-AST`, `KZ-SHY`); a city takes its
//! region as it stands since 2022 (`Семей` → Abai, `KZ-10`).
//!
//! # The gazetteer
//!
//! One table per language, kept with the language (`src/lang/ru/gazetteer/` for Russian, one
//! file each for Kazakhstan, Russia and the world): each row is a spelling as it is written
//! in the nominative, a declension class per word, the canonical nominative it stands for, its
//! kind, its country (ISO 3166-1 alpha-2) and its code (below). The case forms running text
//! uses are generated from the class (`Караганда` → `Караганды`, `Караганде`, `Караганду`,
//! `Карагандой`; `Уральск` → `Уральска`, `Уральске`, ...; `Карагандинская область` →
//! `Карагандинской области`, ...; `Филиппины` → `Филиппин`, ...); irregular forms go in the
//! row's extra column. A new spelling is a one-line change. The language generates the forms
//! and compiles them into a `Gazetteer`; the engine here only matches forms, on the
//! document's tokens.
//!
//! # Matching
//!
//! - Whole words only, case-sensitively: a name starts with its capital letter (`Орёл` the city,
//!   not `орёл` the bird), abbreviations are all capitals (`ЗКО`, `РК`, `США`). Words with `ё`
//!   are matched written with `е` as well. All-caps headlines (`В АЛМАТЫ`) are not matched.
//! - Multi-word names match word by word (`Нижнем Новгороде`, `Южной Кореи`, `Ханты-Мансийском
//!   автономном округе`); case agreement between the words is not checked.
//! - Coordinated regions share their noun: `Алматинской и Жамбылской областях` names both.
//! - `Республика`/`Республике` directly before a country or region joins its span
//!   (`Республике Казахстан`); `в республике` alone names no place.
//! - Inside a hyphenated word that is not itself a name, names are found part by part
//!   (`рейс Алматы-Нур-Султан`).
//! - `США` after `долларов` is a currency, not a place.
//! - Not a place of the event (the annotation guide's rules): a citizenship or a person's
//!   origin (`гражданин Турции`, `граждан Республики Казахстан`, `уроженец Узбекистана`), a
//!   product's origin (`вакцина из России`, `маски из Китая`; but `вакцина прибыла из
//!   России` is a shipment's origin, a place), and a name right after an opening quotation
//!   mark (`«Казахстан темир жолы»`, `игроки «Астаны»`: an organization, a club, a medium).
//!   Demonyms and adjectives (`казахстанцы`, `российский`, `Казахстанская правда`) are no
//!   gazetteer forms. The jurisdiction of an acting authority is a place
//!   (`Министерство здравоохранения Казахстана` → `Казахстан`).
//!
//! # Decisions and limits
//!
//! - `Астана` and `Нур-Султан` are one capital; both report the nominative `"Нур-Султан"`, its
//!   name for most of 2019–2022, so that mentions group together. Likewise `Алма-Ата` →
//!   `Алматы`, `Семипалатинск` → `Семей`, `Оскемен` → `Усть-Каменогорск`, `ЮКО` and
//!   `Южно-Казахстанская область` → `Туркестанская область` (renamed 2018), `Киргизия` →
//!   `Кыргызстан`, `Белоруссия` → `Беларусь`, `Башкирия` → `Башкортостан`, `Подмосковье` →
//!   `Московская область`, `Кузбасс` → `Кемеровская область`, `Петербург`/`СПб` →
//!   `Санкт-Петербург`, `РК` → `Казахстан`, `РФ` → `Россия`.
//! - Left out as ambiguous: `Владимир` (a first name), `Киров` (a surname, `улица Кирова`),
//!   `Грозный` (an adjective, `Иван Грозный`), `Ростов` alone (Ростов Великий or
//!   Ростов-на-Дону), `Питер` (a first name), `Королёв` (a surname), `Корея` alone (North or
//!   South), `Америка` (the continent), `Балхаш` (the lake), `Сатпаев`, `Конаев` (surnames),
//!   `Аксу` (a river), `Шахты` (`шахты`), `Орал` (a verb at a sentence start), `Мирный`, and
//!   `Крым`, `Севастополь`, `Косово` (whose status the sources dispute).
//! - Homographs of common words (`Семей` — `семей`, `Рудный`, `Курган`, `Орёл`, `Катар`,
//!   `Того`, `Мали`, `Чад`, `Перу`, `Чили`) are not matched as the first word of a sentence,
//!   where every word is capitalized.
//! - Abbreviations are taken in the Kazakhstani sense: `РК` is Kazakhstan (not Karelia or Komi),
//!   `ВКО` is East Kazakhstan Region (not the Russian aerospace defence forces).
//! - Names of organizations that contain a place (`Астана Опера`, `Кубок Казахстана`, the
//!   clubs `Кубань` and `Югра`) are reported as the place.

pub(crate) mod anaphora;
pub(crate) mod gazetteer;
pub(crate) mod matcher;

use crate::text::Tokens;
use gazetteer::Gazetteer;
use std::ops::Range;

/// What kind of place a [`Place`](crate::Place) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A country (`Казахстан`, `Китай`).
    Country,
    /// A first-level region: an oblast, a krai, a republic or an okrug of Russia
    /// (`Карагандинская область`, `Татарстан`).
    Region,
    /// A city (`Алматы`, `Москва`).
    City,
}

/// One place named in a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceMatch {
    /// The canonical nominative, e.g. `"Нур-Султан"` for `в Нур-Султане` and for `в Астане`.
    pub name: &'static str,
    /// Country, region or city.
    pub kind: PlaceKind,
    /// The ISO 3166-1 alpha-2 code of the country the place is in (`"KZ"`, `"RU"`, `"CN"`).
    pub country: &'static str,
    /// The code users join on: ISO 3166-1 alpha-3 for a country (`"KAZ"`), ISO 3166-2 for a
    /// region and for the region a city is or lies in (`"KZ-75"` Almaty, `"RU-TA"` Kazan).
    pub code: &'static str,
    /// Byte span of the name as written (`Карагандинской области`): in the sentence for
    /// [`places`], in the document text for the token path.
    pub span: Range<usize>,
}

/// Finds the places a sentence names, in the order they appear (the tests' view: it
/// tokenizes the sentence, which the pipeline never does).
#[cfg(test)]
pub(crate) fn places(sentence: &str) -> Vec<PlaceMatch> {
    let tokens = Tokens::new(sentence);
    places_with(crate::lang::Lang::Ru.table().events.gazetteer, sentence, &tokens, 0..tokens.len())
}

/// Finds the places of one sentence of a document, on the document's tokens, with a
/// language's gazetteer: `range` is the sentence's token indices, `text` the document text
/// the tokens point into. Spans are byte spans of `text`.
pub(crate) fn places_with(gaz: &Gazetteer, text: &str, tokens: &Tokens, range: Range<usize>) -> Vec<PlaceMatch> {
    let mut out = Vec::new();
    let range = range.start..range.end.min(tokens.len());
    // Every name starts with a capital letter.
    let capital = tokens.as_slice().get(range.clone()).is_some_and(|ts| ts.iter().any(|t| t.capitalized));
    if capital {
        matcher::Matcher { gaz, text, tokens, range }.run(&mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_of_a_sentence() {
        let s = "Из Китая в ЗКО вернулись трое студентов.";
        let p = places(s);
        assert_eq!(p[1].name, "Западно-Казахстанская область");
        assert_eq!((p[1].kind, p[1].country, &s[p[1].span.clone()]), (PlaceKind::Region, "KZ", "ЗКО"));
        assert!(places("Над степью кружил орёл.").is_empty());
    }

    fn names(s: &str) -> Vec<&'static str> {
        places(s).iter().map(|m| m.name).collect()
    }

    #[test]
    fn spans_are_bytes_of_the_sentence() {
        let s = "Жители Республики Казахстан и Нижнего Новгорода.";
        let p = places(s);
        assert_eq!(&s[p[0].span.clone()], "Республики Казахстан");
        assert_eq!(&s[p[1].span.clone()], "Нижнего Новгорода");
    }

    #[test]
    fn coordination_and_hyphens() {
        assert_eq!(
            names("В Акмолинской, Алматинской и Жамбылской областях"),
            ["Акмолинская область", "Алматинская область", "Жамбылская область"]
        );
        assert_eq!(names("Рейс Алматы-Нур-Султан отменён"), ["Алматы", "Нур-Султан"]);
    }

    #[test]
    fn homographs_and_common_words() {
        assert!(names("Семей с детьми стало больше.").is_empty());
        assert_eq!(names("В Семее открыли госпиталь."), ["Семей"]);
        assert!(names("Кредит в 10 млн долларов США.").is_empty());
        assert!(names("в республике ввели карантин").is_empty());
    }

    proptest::proptest! {
        #[test]
        fn spans_are_char_boundaries(s in "[0-9 ,.:%$№\\-а-яА-ЯёЁa-z\u{a0}]{0,40}") {
            for m in places(&s) {
                proptest::prop_assert!(s.get(m.span.clone()).is_some());
            }
        }

        #[test]
        fn spans_hold_for_word_soup(
            parts in proptest::collection::vec(proptest::sample::select(vec![
                "Нур-Султан", "Алматы", "-", " ", ",", "и", "Карагандинской", "области", "Республика",
                "Нижнем", "Новгороде", "долларов", "США", "Семей", "Орёл", "ЗКО", "ё", "Ханты-Мансийском",
                "автономном", "округе",
            ]), 0..12)
        ) {
            for s in [parts.concat(), parts.join(" ")] {
                for m in places(&s) {
                    proptest::prop_assert!(s.get(m.span.clone()).is_some());
                    proptest::prop_assert!(m.span.start < m.span.end);
                }
            }
        }
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in ["", "-", "А-", "-Б", "Алматы-", "ё", "В", "В-", "Республика", "Карагандинской"]
        {
            let _ = places(s);
        }
    }
}
