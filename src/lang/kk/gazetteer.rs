//! The Kazakh gazetteer: the places Kazakh news names most (Kazakhstan's regions and cities,
//! its neighbours, the countries and cities of COVID-era reports), with the case forms the
//! harmony rules of [`morph`] generate, and the words of place anaphora.
//!
//! Each row is a spelling as Kazakh writes it in the nominative, a class per word, and the
//! canonical place it stands for: the Russian gazetteer's nominative (`Алматыда` →
//! `Алматы`, `Оралда` → `Уральск`, `БҚО` → `Западно-Казахстанская область`), whose kind,
//! country and code it takes from there, so that a Kazakh and a Russian report of one
//! happening name one place and a corpus merge joins them. A new spelling is a one-line
//! change.
//!
//! Matching is the engine's ([`crate::event::places`]): whole words, case-sensitively.
//! Kazakh differs from Russian where the engine reads the words before a name: a
//! citizenship (`Түркия азаматы`), a product's origin (`Қытайдан әкелінген маска`) and a
//! currency (`АҚШ доллары`) follow the name, so they are places here (`АҚШ` after `млн`,
//! `млрд`, `мың` is not).

use super::morph::{self, Case};
use crate::event::places::anaphora::{AnaphoraWords, Noun, Phrase};
use crate::event::places::gazetteer::{Gazetteer, GazetteerBuilder, NotPlace, Place};
use crate::text::Tokens;
use once_cell::sync::Lazy;

/// How a word of a place name takes its case.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum K {
    /// A noun in every case: `Алматы`, `Алматыда`, `Алматыдан`, `Алматыға`, `Алматының`,
    /// `Алматыны`, `Алматыдағы`.
    N,
    /// Unchanged: the first words of a compound (`Батыс` `Қазақстан` облысы), `ҚР`.
    I,
    /// A word that is already possessive, in its cases: `Республикасы`, `Республикасында`.
    Poss,
    /// `облысы` in every case, singular and plural (`облыстарында`: `Алматы және Жамбыл
    /// облыстарында`).
    Oblys,
    /// `қаласы` in every case (`Алматы қаласында`).
    Qala,
    /// An abbreviation whose suffixes follow a hyphen, in the harmony of its last letter as
    /// read aloud (`БҚО-да`, `АҚШ-та`, `БАӘ-де`).
    Abbr(&'static str),
}

/// One spelling of a place.
struct Row {
    /// The spelling in the nominative; words separated by single spaces.
    written: &'static str,
    /// The class of each word of `written`.
    classes: &'static [K],
    /// The Russian gazetteer's canonical nominative of the place.
    name: &'static str,
    /// The name is also a common word: not matched as the first word of a sentence.
    homograph: bool,
    /// The name is a currency's country: not matched after a multiplier (`млн АҚШ доллары`).
    in_currency: bool,
}

/// A spelling of the place named `name`.
const fn r(written: &'static str, classes: &'static [K], name: &'static str) -> Row {
    Row { written, classes, name, homograph: false, in_currency: false }
}

impl Row {
    /// The row, marked as a homograph of a common word.
    const fn homograph(self) -> Row {
        Row { homograph: true, ..self }
    }

    /// The row, marked as a currency's country.
    const fn in_currency(self) -> Row {
        Row { in_currency: true, ..self }
    }
}

use K::{Abbr, Oblys, Poss, Qala, I, N};

/// A noun.
const NOUN: &[K] = &[N];
/// `Алматы облысы`.
const OBL: &[K] = &[I, Oblys];
/// `Батыс Қазақстан облысы`.
const OBL2: &[K] = &[I, I, Oblys];
/// `Алматы қаласы`.
const CITY: &[K] = &[I, Qala];
/// `Оңтүстік Корея`.
const ADJ_NOUN: &[K] = &[I, N];
/// `Қазақстан Республикасы`.
const TITLED: &[K] = &[I, Poss];
/// An abbreviation that ends in a back vowel when read (`БҚО`: бе-қу-о).
const ABBR_O: &[K] = &[Abbr("о")];

/// The rows.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Kazakhstan.
    r("Қазақстан", NOUN, "Казахстан"),
    r("Қазақстан Республикасы", TITLED, "Казахстан"),
    r("ҚР", &[I], "Казахстан"),
    r("Ақмола облысы", OBL, "Акмолинская область"),
    r("Ақтөбе облысы", OBL, "Актюбинская область"),
    r("Алматы облысы", OBL, "Алматинская область"),
    r("Атырау облысы", OBL, "Атырауская область"),
    r("Шығыс Қазақстан облысы", OBL2, "Восточно-Казахстанская область"),
    r("ШҚО", ABBR_O, "Восточно-Казахстанская область"),
    r("Жамбыл облысы", OBL, "Жамбылская область"),
    r("Батыс Қазақстан облысы", OBL2, "Западно-Казахстанская область"),
    r("БҚО", ABBR_O, "Западно-Казахстанская область"),
    r("Қарағанды облысы", OBL, "Карагандинская область"),
    r("Қостанай облысы", OBL, "Костанайская область"),
    r("Қызылорда облысы", OBL, "Кызылординская область"),
    r("Маңғыстау облысы", OBL, "Мангистауская область"),
    r("Павлодар облысы", OBL, "Павлодарская область"),
    r("Солтүстік Қазақстан облысы", OBL2, "Северо-Казахстанская область"),
    r("СҚО", ABBR_O, "Северо-Казахстанская область"),
    r("Түркістан облысы", OBL, "Туркестанская область"),
    r("Оңтүстік Қазақстан облысы", OBL2, "Туркестанская область"),
    r("ОҚО", ABBR_O, "Туркестанская область"),
    r("Абай облысы", OBL, "Абайская область"),
    r("Жетісу облысы", OBL, "Жетысуская область"),
    r("Ұлытау облысы", OBL, "Улытауская область"),
    r("Нұр-Сұлтан", NOUN, "Нур-Султан"),
    r("Нұр-Сұлтан қаласы", CITY, "Нур-Султан"),
    r("Астана", NOUN, "Нур-Султан"),
    r("Астана қаласы", CITY, "Нур-Султан"),
    r("Алматы", NOUN, "Алматы"),
    r("Алматы қаласы", CITY, "Алматы"),
    r("Шымкент", NOUN, "Шымкент"),
    r("Шымкент қаласы", CITY, "Шымкент"),
    r("Қарағанды", NOUN, "Караганда"),
    r("Ақтөбе", NOUN, "Актобе"),
    r("Тараз", NOUN, "Тараз"),
    r("Павлодар", NOUN, "Павлодар"),
    r("Өскемен", NOUN, "Усть-Каменогорск"),
    r("Семей", NOUN, "Семей"),
    r("Атырау", NOUN, "Атырау"),
    r("Қостанай", NOUN, "Костанай"),
    r("Қызылорда", NOUN, "Кызылорда"),
    r("Орал", NOUN, "Уральск"),
    r("Петропавл", NOUN, "Петропавловск"),
    r("Ақтау", NOUN, "Актау"),
    r("Талдықорған", NOUN, "Талдыкорган"),
    r("Көкшетау", NOUN, "Кокшетау"),
    r("Түркістан", NOUN, "Туркестан"),
    r("Теміртау", NOUN, "Темиртау"),
    r("Екібастұз", NOUN, "Экибастуз"),
    r("Рудный", NOUN, "Рудный"),
    r("Жезқазған", NOUN, "Жезказган"),
    r("Жаңаөзен", NOUN, "Жанаозен"),
    r("Байқоңыр", NOUN, "Байконур"),
    r("Степногор", NOUN, "Степногорск"),
    // Russia.
    r("Ресей", NOUN, "Россия"),
    r("Ресей Федерациясы", TITLED, "Россия"),
    r("РФ", &[I], "Россия"),
    r("Мәскеу", NOUN, "Москва"),
    r("Санкт-Петербург", NOUN, "Санкт-Петербург"),
    r("Новосібір", NOUN, "Новосибирск"),
    r("Омбы", NOUN, "Омск"),
    r("Орынбор", NOUN, "Оренбург"),
    r("Астрахан", NOUN, "Астрахань"),
    r("Самара", NOUN, "Самара"),
    r("Екатеринбург", NOUN, "Екатеринбург"),
    r("Қазан", NOUN, "Казань").homograph(),
    r("Челябі", NOUN, "Челябинск"),
    r("Барнауыл", NOUN, "Барнаул"),
    // Neighbours and the world.
    r("Қытай", NOUN, "Китай"),
    r("ҚХР", &[I], "Китай"),
    r("Ухань", &[I], "Ухань"),
    r("Бейжің", NOUN, "Пекин"),
    r("Шыңжаң", NOUN, "Синьцзян"),
    r("Өзбекстан", NOUN, "Узбекистан"),
    r("Ташкент", NOUN, "Ташкент"),
    r("Қырғызстан", NOUN, "Кыргызстан"),
    r("Бішкек", NOUN, "Бишкек"),
    r("Тәжікстан", NOUN, "Таджикистан"),
    r("Түрікменстан", NOUN, "Туркменистан"),
    r("Әзербайжан", NOUN, "Азербайджан"),
    r("Армения", NOUN, "Армения"),
    r("Грузия", NOUN, "Грузия"),
    r("Беларусь", &[I], "Беларусь"),
    r("Украина", NOUN, "Украина"),
    r("Моңғолия", NOUN, "Монголия"),
    r("Иран", NOUN, "Иран"),
    r("Түркия", NOUN, "Турция"),
    r("Стамбұл", NOUN, "Стамбул"),
    r("Италия", NOUN, "Италия"),
    r("Испания", NOUN, "Испания"),
    r("Франция", NOUN, "Франция"),
    r("Германия", NOUN, "Германия"),
    r("Ұлыбритания", NOUN, "Великобритания"),
    r("Швейцария", NOUN, "Швейцария"),
    r("Австрия", NOUN, "Австрия"),
    r("Польша", NOUN, "Польша"),
    r("Чехия", NOUN, "Чехия"),
    r("АҚШ", &[Abbr("ақш")], "США").in_currency(),
    r("Канада", NOUN, "Канада"),
    r("Бразилия", NOUN, "Бразилия"),
    r("Жапония", NOUN, "Япония"),
    r("Оңтүстік Корея", ADJ_NOUN, "Южная Корея"),
    r("Үндістан", NOUN, "Индия"),
    r("Тайланд", NOUN, "Таиланд"),
    r("Таиланд", NOUN, "Таиланд"),
    r("Вьетнам", NOUN, "Вьетнам"),
    r("Малайзия", NOUN, "Малайзия"),
    r("Индонезия", NOUN, "Индонезия"),
    r("Сингапур", NOUN, "Сингапур"),
    r("Пәкістан", NOUN, "Пакистан"),
    r("Ауғанстан", NOUN, "Афганистан"),
    r("Египет", NOUN, "Египет"),
    r("Мысыр", NOUN, "Египет"),
    r("БАӘ", &[Abbr("ә")], "ОАЭ"),
    r("Сауд Арабиясы", TITLED, "Саудовская Аравия"),
    r("Қатар", NOUN, "Катар").homograph(),
    r("Австралия", NOUN, "Австралия"),
];

/// The cases a place name takes in running text (the measure and possessive forms are
/// demonyms and parts: `алматылық`, not a place).
const CASES: [Case; 7] = [Case::Nom, Case::Loc, Case::Abl, Case::Dat, Case::Gen, Case::Acc, Case::Attr];

/// The possessive forms of `possessed` (`Республикасы`) in every case.
fn possessive_forms(possessed: &str) -> Vec<String> {
    CASES.iter().map(|&c| morph::possessive_case(possessed, c)).collect()
}

/// The forms of one word of a name.
fn word_forms(k: K, w: &str) -> Vec<String> {
    match k {
        K::N => CASES.iter().map(|&c| morph::case_form(w, c)).collect(),
        K::I => vec![w.to_string()],
        K::Poss => possessive_forms(w),
        K::Oblys | K::Qala => {
            let stem = if k == K::Oblys { "облыс" } else { "қала" };
            let mut v = possessive_forms(&morph::possessive(stem));
            v.extend(possessive_forms(&morph::possessive(&morph::plural(stem))));
            v
        }
        K::Abbr(read) => {
            let mut v = vec![w.to_string()];
            for &c in &CASES[1..] {
                let suffix = morph::case_form(read, c);
                v.push(format!("{w}-{}", suffix.get(read.len()..).unwrap_or("")));
            }
            v
        }
    }
}

/// The normalized form of a written form (the one case fold of [`Tokens`]).
fn norm(form: &str) -> String {
    let t = Tokens::new(form);
    t.norm_span(0..t.len()).to_string()
}

/// The place a row stands for, from the Russian gazetteer.
fn canonical(row: &Row) -> Option<Place> {
    let ru: &Gazetteer = &crate::lang::ru::gazetteer::GAZETTEER;
    let p = ru.places.iter().find(|p| p.name == row.name)?;
    Some(Place { homograph: row.homograph, in_currency: row.in_currency, ..*p })
}

/// The contexts in which a name is no place of the event: an organization in quotation
/// marks (the words of a citizenship or an origin follow a Kazakh name; see the module docs).
static NOT_PLACE: NotPlace = NotPlace {
    citizenship: &[],
    origin: &[],
    products: &[],
    quotes: &["«", "\"", "„", "“"],
    demonyms: &[("қазақстандық", "KZ"), ("ресейлік", "RU"), ("қырғызстандық", "KG"), ("өзбекстандық", "UZ")],
};

/// The Kazakh gazetteer, compiled once.
pub(crate) static GAZETTEER: Lazy<Gazetteer> = Lazy::new(|| {
    let mut b = GazetteerBuilder::new(&[], &["және", "мен", "бен", "пен"], CURRENCY_BEFORE, &NOT_PLACE, &ANAPHORA);
    for row in ROWS {
        let Some(place) = canonical(row) else { continue };
        let place = b.place(place);
        let words: Vec<&str> = row.written.split(' ').collect();
        let (Some(first), Some(&k)) = (words.first(), row.classes.first()) else { continue };
        let rest: Vec<Vec<String>> = words.iter().zip(row.classes).skip(1).map(|(w, k)| word_forms(*k, w)).collect();
        let heads: Vec<(String, String)> = word_forms(k, first).into_iter().map(|f| (norm(&f), f)).collect();
        b.spelling(place, &heads, rest);
    }
    b.build()
});

/// Words (as prefixes) after which a currency's country is the currency's (`млн АҚШ
/// доллары`).
const CURRENCY_BEFORE: &[&str] = &["млн", "млрд", "трлн", "мың", "миллион", "миллиард"];

/// A noun form with no other sense.
const fn n(form: &'static str, of: crate::event::places::anaphora::Anaphor) -> Noun {
    Noun { form, of, unless_next: &[] }
}

use crate::event::places::anaphora::Anaphor::{City, Country, Region};

/// `бойынша` (over, across) after a bare noun of a level: `облыс бойынша`, `ел бойынша`. The
/// noun stands first in Kazakh, so it is the phrase's lead.
const OVER_REGION: &[Noun] = &[n("бойынша", Region)];
const OVER_CITY: &[Noun] = &[n("бойынша", City)];
const OVER_COUNTRY: &[Noun] = &[n("бойынша", Country)];

/// The Kazakh words of place anaphora. A level named by a case ending alone (`облыста`, in
/// the region; `елімізде`, in our country) is one word, which the detector's phrases (a
/// lead, then a noun) do not take: only the phrases with `бойынша` and `осында`/`мұнда`
/// (here) are read.
static ANAPHORA: AnaphoraWords = AnaphoraWords {
    phrases: &[
        Phrase { lead: &["облыс"], nouns: OVER_REGION },
        Phrase { lead: &["өңір"], nouns: OVER_REGION },
        Phrase { lead: &["аймақ"], nouns: OVER_REGION },
        Phrase { lead: &["қала"], nouns: OVER_CITY },
        Phrase { lead: &["ел"], nouns: OVER_COUNTRY },
        Phrase { lead: &["республика"], nouns: OVER_COUNTRY },
    ],
    modifiers: &[],
    here: &["осында", "мұнда"],
    not_here: &[],
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_names_a_place_of_the_russian_gazetteer() {
        for row in ROWS {
            assert!(canonical(row).is_some(), "{}: no place {}", row.written, row.name);
            assert_eq!(row.written.split(' ').count(), row.classes.len(), "{}", row.written);
        }
    }

    #[test]
    fn case_forms_follow_the_harmony_rules() {
        assert_eq!(word_forms(K::N, "Алматы")[1..4], ["Алматыда", "Алматыдан", "Алматыға"]);
        assert_eq!(word_forms(K::N, "Шымкент")[1], "Шымкентте");
        assert_eq!(word_forms(K::N, "Ресей")[1], "Ресейде");
        assert_eq!(word_forms(K::N, "Орал")[1], "Оралда");
        assert_eq!(word_forms(K::N, "Нұр-Сұлтан")[1], "Нұр-Сұлтанда");
        assert_eq!(word_forms(K::Abbr("о"), "БҚО")[1..4], ["БҚО-да", "БҚО-дан", "БҚО-ға"]);
        assert_eq!(word_forms(K::Abbr("ақш"), "АҚШ")[1], "АҚШ-та");
        assert!(word_forms(K::Oblys, "облысы").contains(&"облысында".to_string()));
        assert!(word_forms(K::Oblys, "облысы").contains(&"облыстарында".to_string()));
        assert!(word_forms(K::Qala, "қаласы").contains(&"қаласына".to_string()));
    }

    #[test]
    fn places_keep_their_codes() {
        let code = |name: &str| GAZETTEER.places.iter().find(|p| p.name == name).map(|p| p.code);
        assert_eq!(code("Западно-Казахстанская область"), Some("KZ-27"));
        assert_eq!(code("Уральск"), Some("KZ-27"));
        assert_eq!(GAZETTEER.capital("KZ").map(|p| p.name), Some("Нур-Султан"));
    }
}
