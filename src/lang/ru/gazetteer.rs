//! The Russian gazetteer: countries, regions and cities of Kazakhstan, Russia and the
//! countries that 2020–2022 news mentions most, with the declension rules that generate the
//! case forms running text uses (see [`crate::event::places`] for what is matched and why).
//!
//! Each row is a spelling as it is written in the nominative, a declension class per word, the
//! canonical nominative it stands for, its kind and its country (ISO 3166-1 alpha-2); irregular
//! forms go in the row's extra column. A new spelling is a one-line change.

use crate::event::places::gazetteer::{Gazetteer, GazetteerBuilder, Place};
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
    /// The name is also a common word: not matched as the first word of a sentence.
    homograph: bool,
    /// The name completes a currency (`долларов США`): not matched after a currency word.
    in_currency: bool,
    /// Forms the classes do not generate, each a full phrase.
    extra: &'static [&'static str],
}

/// A row whose spelling is its canonical name.
const fn p(written: &'static str, decl: &'static [D], kind: PlaceKind, cc: &'static str) -> Row {
    a(written, decl, written, kind, cc)
}

/// A row for another spelling or an abbreviation of `name`.
const fn a(written: &'static str, decl: &'static [D], name: &'static str, kind: PlaceKind, cc: &'static str) -> Row {
    Row { written, decl, name, kind, country: cc, homograph: false, in_currency: false, extra: &[] }
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

/// The gazetteer: every spelling of every place, one row each.
#[rustfmt::skip]
const ROWS: &[Row] = &[
    // Kazakhstan.
    p("Казахстан", M, N, "KZ"),
    a("РК", IND, "Казахстан", N, "KZ"),
    p("Акмолинская область", OBL, R, "KZ"),
    p("Актюбинская область", OBL, R, "KZ"),
    p("Алматинская область", OBL, R, "KZ"),
    p("Атырауская область", OBL, R, "KZ"),
    p("Восточно-Казахстанская область", OBL, R, "KZ"),
    a("ВКО", IND, "Восточно-Казахстанская область", R, "KZ"),
    p("Жамбылская область", OBL, R, "KZ"),
    p("Западно-Казахстанская область", OBL, R, "KZ"),
    a("ЗКО", IND, "Западно-Казахстанская область", R, "KZ"),
    p("Карагандинская область", OBL, R, "KZ"),
    p("Костанайская область", OBL, R, "KZ"),
    p("Кызылординская область", OBL, R, "KZ"),
    p("Мангистауская область", OBL, R, "KZ"),
    a("Мангыстауская область", OBL, "Мангистауская область", R, "KZ"),
    p("Павлодарская область", OBL, R, "KZ"),
    p("Северо-Казахстанская область", OBL, R, "KZ"),
    a("СКО", IND, "Северо-Казахстанская область", R, "KZ"),
    p("Туркестанская область", OBL, R, "KZ"),
    a("Южно-Казахстанская область", OBL, "Туркестанская область", R, "KZ"),
    a("ЮКО", IND, "Туркестанская область", R, "KZ"),
    p("Абайская область", OBL, R, "KZ"),
    p("Жетысуская область", OBL, R, "KZ"),
    p("Улытауская область", OBL, R, "KZ"),
    p("Нур-Султан", M, C, "KZ"),
    a("Астана", FA, "Нур-Султан", C, "KZ"),
    p("Алматы", IND, C, "KZ"),
    a("Алма-Ата", FA, "Алматы", C, "KZ"),
    p("Шымкент", M, C, "KZ"),
    a("Чимкент", M, "Шымкент", C, "KZ"),
    p("Караганда", FA, C, "KZ"),
    p("Актобе", IND, C, "KZ"),
    p("Тараз", M, C, "KZ"),
    p("Павлодар", M, C, "KZ"),
    p("Усть-Каменогорск", M, C, "KZ"),
    a("Оскемен", M, "Усть-Каменогорск", C, "KZ"),
    p("Семей", MJ, C, "KZ").homograph(),
    a("Семипалатинск", M, "Семей", C, "KZ"),
    p("Атырау", IND, C, "KZ"),
    p("Костанай", MJ, C, "KZ"),
    p("Кызылорда", FA, C, "KZ"),
    p("Уральск", M, C, "KZ"),
    p("Петропавловск", M, C, "KZ"),
    p("Актау", IND, C, "KZ"),
    p("Талдыкорган", M, C, "KZ"),
    p("Кокшетау", IND, C, "KZ"),
    p("Туркестан", M, C, "KZ"),
    p("Темиртау", IND, C, "KZ"),
    p("Экибастуз", M, C, "KZ"),
    p("Рудный", ADJM, C, "KZ").homograph(),
    p("Жезказган", M, C, "KZ"),
    p("Жанаозен", M, C, "KZ"),
    p("Байконур", M, C, "KZ"),
    p("Степногорск", M, C, "KZ"),

    // Russia.
    p("Россия", FIA, N, "RU"),
    a("РФ", IND, "Россия", N, "RU"),
    a("Российская Федерация", ADJF_FIA, "Россия", N, "RU"),
    p("Москва", FA, C, "RU"),
    p("Московская область", OBL, R, "RU"),
    a("Подмосковье", NE, "Московская область", R, "RU"),
    p("Санкт-Петербург", M, C, "RU"),
    a("Петербург", M, "Санкт-Петербург", C, "RU"),
    a("СПб", IND, "Санкт-Петербург", C, "RU"),
    p("Ленинградская область", OBL, R, "RU"),
    a("Ленобласть", FS, "Ленинградская область", R, "RU"),
    p("Краснодарский край", KRAY, R, "RU"),
    a("Кубань", FS, "Краснодарский край", R, "RU"),
    p("Свердловская область", OBL, R, "RU"),
    p("Ростовская область", OBL, R, "RU"),
    p("Башкортостан", M, R, "RU"),
    a("Башкирия", FIA, "Башкортостан", R, "RU"),
    p("Татарстан", M, R, "RU"),
    p("Челябинская область", OBL, R, "RU"),
    p("Нижегородская область", OBL, R, "RU"),
    p("Самарская область", OBL, R, "RU"),
    p("Дагестан", M, R, "RU"),
    p("Красноярский край", KRAY, R, "RU"),
    p("Ставропольский край", KRAY, R, "RU"),
    a("Ставрополье", NE, "Ставропольский край", R, "RU"),
    p("Новосибирская область", OBL, R, "RU"),
    p("Кемеровская область", OBL, R, "RU"),
    a("Кузбасс", M, "Кемеровская область", R, "RU"),
    p("Пермский край", KRAY, R, "RU"),
    a("Прикамье", NE, "Пермский край", R, "RU"),
    p("Волгоградская область", OBL, R, "RU"),
    p("Саратовская область", OBL, R, "RU"),
    p("Иркутская область", OBL, R, "RU"),
    p("Воронежская область", OBL, R, "RU"),
    p("Алтайский край", KRAY, R, "RU"),
    p("Оренбургская область", OBL, R, "RU"),
    p("Омская область", OBL, R, "RU"),
    p("Приморский край", KRAY, R, "RU"),
    a("Приморье", NE, "Приморский край", R, "RU"),
    p("Белгородская область", OBL, R, "RU"),
    p("Тюменская область", OBL, R, "RU"),
    p("Ханты-Мансийский автономный округ", AO, R, "RU"),
    a("ХМАО", IND, "Ханты-Мансийский автономный округ", R, "RU"),
    a("Югра", FA, "Ханты-Мансийский автономный округ", R, "RU"),
    p("Ямало-Ненецкий автономный округ", AO, R, "RU"),
    a("ЯНАО", IND, "Ямало-Ненецкий автономный округ", R, "RU"),
    p("Удмуртия", FIA, R, "RU"),
    p("Тульская область", OBL, R, "RU"),
    p("Владимирская область", OBL, R, "RU"),
    p("Хабаровский край", KRAY, R, "RU"),
    p("Кировская область", OBL, R, "RU"),
    p("Чечня", FJA, R, "RU"),
    a("Чеченская Республика", ADJF_RESP, "Чечня", R, "RU"),
    p("Пензенская область", OBL, R, "RU"),
    p("Тверская область", OBL, R, "RU"),
    p("Ярославская область", OBL, R, "RU"),
    p("Брянская область", OBL, R, "RU"),
    p("Ульяновская область", OBL, R, "RU"),
    p("Липецкая область", OBL, R, "RU"),
    p("Астраханская область", OBL, R, "RU"),
    p("Курская область", OBL, R, "RU"),
    p("Калининградская область", OBL, R, "RU"),
    p("Томская область", OBL, R, "RU"),
    p("Архангельская область", OBL, R, "RU"),
    p("Рязанская область", OBL, R, "RU"),
    p("Мурманская область", OBL, R, "RU"),
    p("Смоленская область", OBL, R, "RU"),
    p("Калужская область", OBL, R, "RU"),
    p("Ивановская область", OBL, R, "RU"),
    p("Курганская область", OBL, R, "RU"),
    p("Тамбовская область", OBL, R, "RU"),
    p("Орловская область", OBL, R, "RU"),
    p("Новгородская область", OBL, R, "RU"),
    p("Псковская область", OBL, R, "RU"),
    p("Вологодская область", OBL, R, "RU"),
    p("Костромская область", OBL, R, "RU"),
    p("Амурская область", OBL, R, "RU"),
    p("Сахалинская область", OBL, R, "RU"),
    p("Забайкальский край", KRAY, R, "RU"),
    p("Камчатский край", KRAY, R, "RU"),
    p("Якутия", FIA, R, "RU"),
    p("Бурятия", FIA, R, "RU"),
    p("Чувашия", FIA, R, "RU"),
    p("Мордовия", FIA, R, "RU"),
    p("Карелия", FIA, R, "RU"),
    p("Кабардино-Балкария", FIA, R, "RU"),
    p("Северная Осетия", ADJF_FIA, R, "RU"),
    p("Новосибирск", M, C, "RU"),
    p("Екатеринбург", M, C, "RU"),
    p("Казань", FS, C, "RU"),
    p("Нижний Новгород", ADJM_M, C, "RU"),
    p("Челябинск", M, C, "RU"),
    p("Самара", FA, C, "RU"),
    p("Омск", M, C, "RU"),
    p("Ростов-на-Дону", IND, C, "RU")
        .extra(&["Ростова-на-Дону", "Ростову-на-Дону", "Ростове-на-Дону", "Ростовом-на-Дону"]),
    p("Уфа", FA, C, "RU"),
    p("Красноярск", M, C, "RU"),
    p("Воронеж", M, C, "RU"),
    p("Пермь", FS, C, "RU"),
    p("Волгоград", M, C, "RU"),
    p("Краснодар", M, C, "RU"),
    p("Саратов", M, C, "RU"),
    p("Тюмень", FS, C, "RU"),
    p("Тольятти", IND, C, "RU"),
    p("Ижевск", M, C, "RU"),
    p("Барнаул", M, C, "RU"),
    p("Ульяновск", M, C, "RU"),
    p("Иркутск", M, C, "RU"),
    p("Хабаровск", M, C, "RU"),
    p("Ярославль", MS, C, "RU"),
    p("Владивосток", M, C, "RU"),
    p("Махачкала", FA, C, "RU"),
    p("Томск", M, C, "RU"),
    p("Оренбург", M, C, "RU"),
    p("Кемерово", NO, C, "RU"),
    p("Новокузнецк", M, C, "RU"),
    p("Рязань", FS, C, "RU"),
    p("Астрахань", FS, C, "RU"),
    p("Набережные Челны", &[D::Ind, D::Ind], C, "RU").extra(&[
        "Набережных Челнов", "Набережным Челнам", "Набережными Челнами", "Набережных Челнах",
    ]),
    p("Пенза", FA, C, "RU"),
    p("Липецк", M, C, "RU"),
    p("Тула", FA, C, "RU"),
    p("Калининград", M, C, "RU"),
    p("Курск", M, C, "RU"),
    p("Ставрополь", MS, C, "RU"),
    p("Сочи", IND, C, "RU"),
    p("Белгород", M, C, "RU"),
    p("Архангельск", M, C, "RU"),
    p("Смоленск", M, C, "RU"),
    p("Калуга", FA, C, "RU"),
    p("Чита", FA, C, "RU"),
    p("Курган", M, C, "RU").homograph(),
    p("Орёл", IND, C, "RU").homograph().extra(&["Орла", "Орлу", "Орле", "Орлом"]),
    p("Брянск", M, C, "RU"),
    p("Иваново", NO, C, "RU"),
    p("Мурманск", M, C, "RU"),
    p("Тверь", FS, C, "RU"),
    p("Якутск", M, C, "RU"),
    p("Сургут", M, C, "RU"),
    p("Владикавказ", M, C, "RU"),
    p("Нижний Тагил", ADJM_M, C, "RU"),
    p("Магнитогорск", M, C, "RU"),
    p("Череповец", IND, C, "RU").extra(&["Череповца", "Череповцу", "Череповце", "Череповцом"]),
    p("Вологда", FA, C, "RU"),
    p("Великий Новгород", ADJM_M, C, "RU"),
    p("Петрозаводск", M, C, "RU"),
    p("Сыктывкар", M, C, "RU"),
    p("Нальчик", M, C, "RU"),
    p("Улан-Удэ", IND, C, "RU"),
    p("Благовещенск", M, C, "RU"),
    p("Тамбов", M, C, "RU"),
    p("Псков", M, C, "RU"),
    p("Кострома", FA, C, "RU"),
    p("Саранск", M, C, "RU"),
    p("Чебоксары", IND, C, "RU")
        .extra(&["Чебоксар", "Чебоксарам", "Чебоксарами", "Чебоксарах"]),
    p("Йошкар-Ола", FA, C, "RU"),
    p("Ханты-Мансийск", M, C, "RU"),
    p("Норильск", M, C, "RU"),

    // Other countries.
    p("Китай", MJ, N, "CN"),
    a("КНР", IND, "Китай", N, "CN"),
    p("Кыргызстан", M, N, "KG"),
    a("Киргизия", FIA, "Кыргызстан", N, "KG"),
    p("Узбекистан", M, N, "UZ"),
    p("Таджикистан", M, N, "TJ"),
    p("Туркменистан", M, N, "TM"),
    p("Италия", FIA, N, "IT"),
    p("Иран", M, N, "IR"),
    p("Южная Корея", ADJF_FJA, N, "KR"),
    p("Северная Корея", ADJF_FJA, N, "KP"),
    a("КНДР", IND, "Северная Корея", N, "KP"),
    p("Германия", FIA, N, "DE"),
    p("США", IND, N, "US").in_currency(),
    p("Турция", FIA, N, "TR"),
    p("ОАЭ", IND, N, "AE"),
    p("Беларусь", FS, N, "BY"),
    a("Белоруссия", FIA, "Беларусь", N, "BY"),
    p("Украина", FA, N, "UA"),
    p("Франция", FIA, N, "FR"),
    p("Испания", FIA, N, "ES"),
    p("Великобритания", FIA, N, "GB"),
    a("Британия", FIA, "Великобритания", N, "GB"),
    p("Япония", FIA, N, "JP"),
    p("Индия", FIA, N, "IN"),
    p("Египет", IND, N, "EG").extra(&["Египта", "Египту", "Египте", "Египтом"]),
    p("Таиланд", M, N, "TH"),
    p("Грузия", FIA, N, "GE"),
    p("Азербайджан", M, N, "AZ"),
    p("Армения", FIA, N, "AM"),
    p("Израиль", MS, N, "IL"),
    p("Монголия", FIA, N, "MN"),
    p("Австрия", FIA, N, "AT"),
    p("Швейцария", FIA, N, "CH"),
    p("Бразилия", FIA, N, "BR"),
    p("Канада", FA, N, "CA"),
    p("Польша", FA, N, "PL"),
    p("Чехия", FIA, N, "CZ"),
    p("Нидерланды", IND, N, "NL").extra(&["Нидерландов", "Нидерландам", "Нидерландами", "Нидерландах"]),
    p("Вьетнам", M, N, "VN"),
    p("Малайзия", FIA, N, "MY"),
    p("Сингапур", M, N, "SG"),
    p("Катар", M, N, "QA").homograph(),
    p("Латвия", FIA, N, "LV"),
    p("Литва", FA, N, "LT"),
    p("Эстония", FIA, N, "EE"),
    p("Финляндия", FIA, N, "FI"),
    p("Швеция", FIA, N, "SE"),
    p("Норвегия", FIA, N, "NO"),
    p("Молдова", FA, N, "MD"),
    a("Молдавия", FIA, "Молдова", N, "MD"),
    p("Афганистан", M, N, "AF"),
    p("Индонезия", FIA, N, "ID"),
    p("Саудовская Аравия", ADJF_FIA, N, "SA"),
    p("Австралия", FIA, N, "AU"),
    p("Мексика", FA, N, "MX"),
    p("Венгрия", FIA, N, "HU"),
    p("Сербия", FIA, N, "RS"),
    p("Греция", FIA, N, "GR"),
    p("Кипр", M, N, "CY"),
    p("Пакистан", M, N, "PK"),
];

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
    let mut b = GazetteerBuilder::new(TITLES, CONJUNCTIONS, CURRENCY_PREFIXES);
    for row in ROWS {
        let place = b.place(Place {
            name: row.name,
            kind: row.kind,
            country: row.country,
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

    #[test]
    fn every_row_declines() {
        for row in ROWS {
            assert_eq!(row.written.split(' ').count(), row.decl.len(), "{}", row.written);
            assert!(row.country.len() == 2, "{}", row.written);
        }
        // Every canonical name is itself a row's spelling.
        for row in ROWS {
            assert!(ROWS.iter().any(|r| r.written == row.name), "{}", row.name);
        }
    }
}
