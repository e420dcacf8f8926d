//! The Russian gazetteer: the regions and cities of Kazakhstan ([`kz`]) and Russia ([`ru`]),
//! the world's countries and the foreign cities and provinces COVID-era news names most
//! ([`world`]), with the declension rules that generate the case forms running text uses (see
//! [`crate::event::places`] for what is matched and why), and the words of place anaphora
//! ([`anaphora`]).
//!
//! Each row is a spelling as it is written in the nominative, a declension class per word, the
//! canonical nominative it stands for, its kind, its country (ISO 3166-1 alpha-2) and its code
//! (ISO 3166-1 alpha-3 for a country, ISO 3166-2 for a region, and for a city the code of the
//! region it is or lies in); irregular forms go in the row's extra column. A new spelling is a
//! one-line change.

pub(crate) mod anaphora;
mod kz;
mod ru;
mod world;

use crate::event::places::gazetteer::{Gazetteer, GazetteerBuilder, NotPlace, Place};
use crate::event::places::PlaceKind;
use crate::text::Tokens;
use once_cell::sync::Lazy;

/// How a word of a place name declines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum D {
    /// Indeclinable (`Алматы`, `ЗКО`, `Сочи`).
    Ind,
    /// Masculine, consonant stem: `Уральск`, `Уральска`, `Уральску`, `Уральске`, `Уральском`.
    M,
    /// Masculine in `-й`: `Китай`, `Китая`, `Китаю`, `Китае`, `Китаем`.
    Mj,
    /// Masculine in `-ь`: `Израиль`, `Израиля`, `Израилю`, `Израиле`, `Израилем`.
    Ms,
    /// Feminine in `-а`: `Караганда`, `Караганды`, `Караганде`, `Караганду`, `Карагандой`.
    Fa,
    /// Feminine in `-я` after a consonant or `е`: `Корея`, `Кореи`, `Корее`, `Корею`, `Кореей`.
    Fja,
    /// Feminine in `-ия`: `Италия`, `Италии`, `Италию`, `Италией`.
    Fia,
    /// Feminine in `-ь`: `Казань`, `Казани`, `Казанью`.
    Fs,
    /// Masculine in `-ий`: `Маврикий`, `Маврикия`, `Маврикию`, `Маврикии`, `Маврикием`.
    Mij,
    /// Plural in `-ы` with no genitive ending: `Филиппины`, `Филиппин`, `Филиппинам`, ...
    Pl,
    /// Plural in `-ы` with the genitive in `-ов`: `Нидерланды`, `Нидерландов`, `Острова`, ...
    PlOv,
    /// Plural adjective: `Объединённые`, `Объединённых`, `Объединённым`, `Объединёнными`;
    /// `Арабские`, `Арабских`, ...
    AdjPl,
    /// Plural possessive adjective: `Соломоновы`, `Соломоновых`, `Соломоновым`, ...
    PossPl,
    /// Neuter in `-ье`: `Подмосковье`, `Подмосковья`, `Подмосковью`, `Подмосковьем`.
    Ne,
    /// Neuter in `-о`: `Кемерово`, `Кемерова`, `Кемерову`, `Кемерове`, `Кемеровом`.
    No,
    /// Feminine adjective: `Карагандинская`, `Карагандинской`, `Карагандинскую`.
    AdjF,
    /// Masculine adjective: `Краснодарский`, `Краснодарского`, ...; `Нижний`, `Нижнего`, ...
    AdjM,
    /// The noun `область` in every case and number, and `обл`.
    Oblast,
    /// The noun `край` in every case and number.
    Kray,
    /// The noun `округ` in every case and number.
    Okrug,
    /// The noun `Республика`.
    Respublika,
}

/// One spelling of a place.
struct Row {
    /// The spelling in the nominative; words separated by single spaces.
    written: &'static str,
    /// The declension class of each word of `written`.
    decl: &'static [D],
    /// The canonical nominative reported for it.
    name: &'static str,
    /// Country, region or city.
    kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country.
    country: &'static str,
    /// The code users join on: ISO 3166-1 alpha-3 for a country, ISO 3166-2 for a region and
    /// for the region a city is or lies in.
    code: &'static str,
    /// The capital of its country.
    capital: bool,
    /// The name is also a common word: not matched as the first word of a sentence.
    homograph: bool,
    /// The name completes a currency (`долларов США`): not matched after a currency word.
    in_currency: bool,
    /// Forms the classes do not generate, each a full phrase.
    extra: &'static [&'static str],
}

/// A row whose spelling is its canonical name.
const fn p(written: &'static str, decl: &'static [D], kind: PlaceKind, cc: &'static str, code: &'static str) -> Row {
    a(written, decl, written, kind, cc, code)
}

/// A row for another spelling or an abbreviation of `name`.
const fn a(
    written: &'static str,
    decl: &'static [D],
    name: &'static str,
    kind: PlaceKind,
    cc: &'static str,
    code: &'static str,
) -> Row {
    Row {
        written,
        decl,
        name,
        kind,
        country: cc,
        code,
        capital: false,
        homograph: false,
        in_currency: false,
        extra: &[],
    }
}

impl Row {
    /// The row, marked as a homograph of a common word.
    const fn homograph(self) -> Row {
        Row { homograph: true, ..self }
    }

    /// The row, marked as the country of a currency (`долларов США`).
    const fn in_currency(self) -> Row {
        Row { in_currency: true, ..self }
    }

    /// The row, marked as its country's capital.
    const fn capital(self) -> Row {
        Row { capital: true, ..self }
    }

    /// The row, with forms its classes do not generate.
    const fn extra(self, extra: &'static [&'static str]) -> Row {
        Row { extra, ..self }
    }
}

use PlaceKind::{City as C, Country as N, Region as R};

/// Indeclinable.
const IND: &[D] = &[D::Ind];
/// Masculine, consonant stem.
const M: &[D] = &[D::M];
/// Masculine in `-й`.
const MJ: &[D] = &[D::Mj];
/// Masculine in `-ь`.
const MS: &[D] = &[D::Ms];
/// Feminine in `-а`.
const FA: &[D] = &[D::Fa];
/// Feminine in `-я`.
const FJA: &[D] = &[D::Fja];
/// Feminine in `-ия`.
const FIA: &[D] = &[D::Fia];
/// Feminine in `-ь`.
const FS: &[D] = &[D::Fs];
/// Masculine in `-ий`.
const MIJ: &[D] = &[D::Mij];
/// Plural, no genitive ending.
const PL: &[D] = &[D::Pl];
/// Plural, genitive in `-ов`.
const PL_OV: &[D] = &[D::PlOv];
/// Neuter in `-ье`.
const NE: &[D] = &[D::Ne];
/// Neuter in `-о`.
const NO: &[D] = &[D::No];
/// A masculine adjective (`Рудный`).
const ADJM: &[D] = &[D::AdjM];
/// `Карагандинская область`.
const OBL: &[D] = &[D::AdjF, D::Oblast];
/// `Краснодарский край`.
const KRAY: &[D] = &[D::AdjM, D::Kray];
/// `Ханты-Мансийский автономный округ`.
const AO: &[D] = &[D::AdjM, D::AdjM, D::Okrug];
/// `Нижний Новгород`.
const ADJM_M: &[D] = &[D::AdjM, D::M];
/// `Южная Корея`.
const ADJF_FJA: &[D] = &[D::AdjF, D::Fja];
/// `Российская Федерация`, `Саудовская Аравия`.
const ADJF_FIA: &[D] = &[D::AdjF, D::Fia];
/// `Чеченская Республика`.
const ADJF_RESP: &[D] = &[D::AdjF, D::Respublika];

/// The gazetteer's tables: every spelling of every place, one row each.
const TABLES: [&[Row]; 3] = [kz::ROWS, ru::ROWS, world::ROWS];

/// Forms of the shared nouns.
#[rustfmt::skip]
const OBLAST_FORMS: &[&str] = &[
    "область", "области", "областью", "областей", "областям", "областями", "областях", "обл",
];
/// Forms of `край`.
#[rustfmt::skip]
const KRAY_FORMS: &[&str] = &[
    "край", "края", "краю", "крае", "краем", "краев", "краям", "краями", "краях",
];
/// Forms of `округ`.
#[rustfmt::skip]
const OKRUG_FORMS: &[&str] = &[
    "округ", "округа", "округу", "округе", "округом", "округов", "округам", "округами", "округах",
];
/// Forms of `Республика`, capitalized and not.
#[rustfmt::skip]
const RESPUBLIKA_FORMS: &[&str] = &[
    "Республика", "Республики", "Республике", "Республику", "Республикой", "республика",
    "республики", "республике", "республику", "республикой",
];
/// The title forms that, right before a country or region, join its span (`Республике
/// Казахстан`): the capitalized ones.
const TITLES: &[&str] = &["Республика", "Республики", "Республике", "Республику", "Республикой"];
/// Conjunctions between coordinated region adjectives (`Алматинской и Жамбылской областях`).
const CONJUNCTIONS: &[&str] = &["и"];
/// Currency words (as prefixes) that a currency's country completes (`долларов США`).
const CURRENCY_PREFIXES: &[&str] = &["долл"];
/// The contexts in which a name is no place of the event (prefixes of normalized words).
#[rustfmt::skip]
static NOT_PLACE: NotPlace = NotPlace {
    // `гражданин Турции`, `граждан Республики Казахстан`, `подданные Великобритании`,
    // `гражданство РК`, `уроженец Узбекистана`.
    citizenship: &["граждан", "подданн", "урожен"],
    origin: &["из"],
    // `вакцина из России`, `маски из Китая`, `тест-системы из Кореи`.
    products: &[
        "вакцин", "маск", "тест", "препарат", "лекарств", "медикамент", "оборудован", "товар",
        "продукц", "аппарат", "респиратор", "перчат", "антисептик", "сырь",
    ],
    quotes: &["«", "\"", "„", "“"],
    demonyms: &[
        ("казахстанц", "KZ"), ("россиян", "RU"), ("кыргызстанц", "KG"), ("киргизстанц", "KG"),
        ("узбекистанц", "UZ"), ("таджикистанц", "TJ"), ("белорус", "BY"), ("украинц", "UA"),
    ],
};

/// The last character of `w`.
fn last_char(w: &str) -> Option<char> {
    w.chars().next_back()
}

/// `w` without its last `n` characters.
fn cut(w: &str, n: usize) -> &str {
    let mut end = w.len();
    for (k, (i, _)) in w.char_indices().rev().enumerate() {
        if k == n {
            break;
        }
        end = i;
    }
    &w[..end]
}

/// The case forms of one word of a name.
fn word_forms(d: D, w: &str) -> Vec<String> {
    let join = |stem: &str, ends: &[&str]| -> Vec<String> {
        std::iter::once(w.to_string()).chain(ends.iter().map(|e| format!("{stem}{e}"))).collect()
    };
    let fixed = |forms: &[&str]| forms.iter().map(|f| (*f).to_string()).collect();
    match d {
        D::Ind => vec![w.to_string()],
        D::M => {
            let hush = matches!(last_char(w), Some('ж' | 'ш' | 'ч' | 'щ' | 'ц'));
            join(w, &["а", "у", "е", if hush { "ем" } else { "ом" }])
        }
        D::Mj | D::Ms => join(cut(w, 1), &["я", "ю", "е", "ем"]),
        D::Fa => {
            let stem = cut(w, 1);
            let velar = matches!(last_char(stem), Some('г' | 'к' | 'х' | 'ж' | 'ш' | 'ч' | 'щ'));
            let hush = matches!(last_char(stem), Some('ж' | 'ш' | 'ч' | 'щ' | 'ц'));
            let (ins, ins2) = if hush { ("ей", "ею") } else { ("ой", "ою") };
            join(stem, &[if velar { "и" } else { "ы" }, "е", "у", ins, ins2])
        }
        D::Fja => join(cut(w, 1), &["и", "е", "ю", "ей", "ею"]),
        D::Fia => join(cut(w, 1), &["и", "ю", "ей"]),
        D::Fs => join(cut(w, 1), &["и", "ью"]),
        D::Mij => join(cut(w, 1), &["я", "ю", "и", "ем"]),
        D::Pl => join(cut(w, 1), &["ам", "ами", "ах"]).into_iter().chain([cut(w, 1).to_string()]).collect(),
        D::PlOv => join(cut(w, 1), &["ов", "ам", "ами", "ах"]),
        D::AdjPl if w.ends_with("ие") => join(cut(w, 2), &["их", "им", "ими"]),
        D::AdjPl => join(cut(w, 2), &["ых", "ым", "ыми"]),
        D::PossPl => join(cut(w, 1), &["ых", "ым", "ыми"]),
        D::Ne => join(cut(w, 1), &["я", "ю", "ем"]),
        D::No => join(cut(w, 1), &["а", "у", "е", "ом"]),
        D::AdjF => join(cut(w, 2), &["ой", "ую", "ою"]),
        D::AdjM => {
            let stem = cut(w, 2);
            let soft = w.ends_with("ий") && !matches!(last_char(stem), Some('к' | 'г' | 'х'));
            if soft {
                join(stem, &["его", "ему", "им", "ем"])
            } else if w.ends_with("ий") {
                join(stem, &["ого", "ому", "им", "ом"])
            } else {
                join(stem, &["ого", "ому", "ым", "ом"])
            }
        }
        D::Oblast => fixed(OBLAST_FORMS),
        D::Kray => fixed(KRAY_FORMS),
        D::Okrug => fixed(OKRUG_FORMS),
        D::Respublika => fixed(RESPUBLIKA_FORMS),
    }
}

/// Adds the `е` spelling of every form written with `ё`.
fn with_yo_variants(mut forms: Vec<String>) -> Vec<String> {
    let extra: Vec<String> = forms.iter().filter(|f| f.contains('ё')).map(|f| f.replace('ё', "е")).collect();
    forms.extend(extra);
    forms.sort();
    forms.dedup();
    forms
}

/// The normalized form of a written form (the one case fold of [`Tokens`]).
fn norm(form: &str) -> String {
    let t = Tokens::new(form);
    t.norm_span(0..t.len()).to_string()
}

/// Written forms with their normalized forms.
fn with_norms(forms: Vec<String>) -> Vec<(String, String)> {
    forms.into_iter().map(|f| (norm(&f), f)).collect()
}

/// The Russian gazetteer, compiled once.
pub(crate) static GAZETTEER: Lazy<Gazetteer> = Lazy::new(|| {
    let mut b = GazetteerBuilder::new(TITLES, CONJUNCTIONS, CURRENCY_PREFIXES, &NOT_PLACE, &anaphora::ANAPHORA);
    for row in TABLES.into_iter().flatten() {
        let place = b.place(Place {
            name: row.name,
            kind: row.kind,
            country: row.country,
            code: row.code,
            capital: row.capital,
            homograph: row.homograph,
            in_currency: row.in_currency,
        });
        let words: Vec<&str> = row.written.split(' ').collect();
        debug_assert_eq!(words.len(), row.decl.len(), "{}", row.written);
        let rest: Vec<Vec<String>> =
            words.iter().zip(row.decl).skip(1).map(|(w, d)| with_yo_variants(word_forms(*d, w))).collect();
        let (Some(first), Some(d)) = (words.first(), row.decl.first()) else { continue };
        b.spelling(place, &with_norms(with_yo_variants(word_forms(*d, first))), rest);
        for phrase in row.extra {
            let mut ws = phrase.split(' ');
            let head = ws.next().unwrap_or_default();
            let rest: Vec<Vec<String>> = ws.map(|w| with_yo_variants(vec![w.to_string()])).collect();
            b.spelling(place, &with_norms(with_yo_variants(vec![head.to_string()])), rest);
        }
    }
    b.build()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_case_forms() {
        assert_eq!(
            word_forms(D::Fa, "Караганда"),
            ["Караганда", "Караганды", "Караганде", "Караганду", "Карагандой", "Карагандою"]
        );
        assert_eq!(word_forms(D::Fa, "Калуга")[1], "Калуги");
        assert_eq!(word_forms(D::Fa, "Польша")[4], "Польшей");
        assert_eq!(word_forms(D::M, "Уральск"), ["Уральск", "Уральска", "Уральску", "Уральске", "Уральском"]);
        assert_eq!(word_forms(D::M, "Воронеж")[4], "Воронежем");
        assert_eq!(word_forms(D::Mj, "Костанай")[3], "Костанае");
        assert_eq!(word_forms(D::AdjM, "Нижний")[1], "Нижнего");
        assert_eq!(word_forms(D::AdjM, "Краснодарский")[3], "Краснодарским");
        assert_eq!(word_forms(D::AdjF, "Карагандинская")[1], "Карагандинской");
    }

    /// Every row of every table.
    fn rows() -> impl Iterator<Item = &'static Row> {
        TABLES.into_iter().flatten()
    }

    #[test]
    fn every_row_declines() {
        for row in rows() {
            assert_eq!(row.written.split(' ').count(), row.decl.len(), "{}", row.written);
            assert!(row.country.len() == 2, "{}", row.written);
        }
        // Every canonical name is itself a row's spelling.
        for row in rows() {
            assert!(rows().any(|r| r.written == row.name), "{}", row.name);
        }
    }

    #[test]
    fn codes_are_iso_3166() {
        for row in rows() {
            let code = row.code;
            if row.kind == PlaceKind::Country {
                // ISO 3166-1 alpha-3: three capital Latin letters.
                assert!(code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()), "{code}");
            } else {
                // ISO 3166-2: the country's alpha-2, a hyphen, one to three letters or digits.
                let (cc, sub) = code.split_once('-').unwrap_or_default();
                assert_eq!(cc, row.country, "{}", row.written);
                assert!((1..=3).contains(&sub.len()), "{code}");
                assert!(sub.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit()), "{code}");
            }
            // Every spelling of one place carries its code.
            for other in rows().filter(|r| r.name == row.name) {
                assert_eq!((other.code, other.country, other.kind), (code, row.country, row.kind), "{}", row.name);
            }
        }
        // The 2022 revision of ISO 3166-2:KZ (the regions of 2022 included).
        let code = |name: &str| rows().find(|r| r.name == name).map(|r| r.code);
        assert_eq!(code("Алматы"), Some("KZ-75"));
        assert_eq!(code("Нур-Султан"), Some("KZ-71"));
        assert_eq!(code("Шымкент"), Some("KZ-79"));
        assert_eq!(code("Абайская область"), Some("KZ-10"));
        assert_eq!(code("Жетысуская область"), Some("KZ-33"));
        assert_eq!(code("Улытауская область"), Some("KZ-62"));
        assert_eq!(code("Казахстан"), Some("KAZ"));
        assert_eq!(code("Москва"), Some("RU-MOW"));
    }

    #[test]
    fn the_world_is_there() {
        let countries: std::collections::HashSet<&str> =
            rows().filter(|r| r.kind == PlaceKind::Country).map(|r| r.code).collect();
        // The 193 members of the United Nations, its two observer states, and Taiwan.
        assert_eq!(countries.len(), 196);
    }

    #[test]
    fn plural_and_ij_classes() {
        assert_eq!(
            word_forms(D::Pl, "Филиппины"),
            ["Филиппины", "Филиппинам", "Филиппинами", "Филиппинах", "Филиппин"]
        );
        assert_eq!(word_forms(D::PlOv, "Нидерланды")[1], "Нидерландов");
        assert_eq!(word_forms(D::Mij, "Маврикий")[3], "Маврикии");
        assert_eq!(word_forms(D::AdjPl, "Объединённые")[1], "Объединённых");
        assert_eq!(word_forms(D::AdjPl, "Арабские")[1], "Арабских");
    }
}
