//! Russian discourse word classes for the event builder: back-references, the limits of date
//! inheritance, comparison references, page furniture and datelines. The engine and what
//! each class is for: `crate::event::kinds::discourse`. Phrases use the cue syntax of
//! [`crate::event::kinds`]; `^` before a phrase ties it to the sentence's first word.

use crate::event::kinds::DiscourseTables;

/// The Russian discourse tables.
pub(super) static TABLES: DiscourseTables = DiscourseTables {
    refers_back: REFERS_BACK,
    same_time: SAME_TIME,
    same_period: &["за тот|этот же период|срок", "за этот период|срок", "за это время", "за то же время"],
    leaves_open: LEAVES_OPEN,
    reports_back: REPORTS_BACK,
    // `Неделей ранее`, `Днём раньше`, `Сутками ранее`, `Годом ранее`.
    looks_back: &["^неделей|днем|сутками|месяцем|годом ранее|раньше"],
    validity: VALIDITY,
    no_inheritance: NO_INHERITANCE,
    extremes: EXTREMES,
    content: CONTENT,
    comparisons: COMPARISONS,
    comparison_reach: 2,
    furniture: FURNITURE,
    timestamp_words: TIMESTAMP_WORDS,
    months: crate::lang::ru::lexicon::MONTHS,
    month_abbreviations: crate::lang::ru::lexicon::MONTH_ABBREVIATIONS,
    rubrics: RUBRICS,
    agencies: AGENCIES,
    // A condition (`если`), a question (`будут ли ограничения на праздники`, `о том, ждать
    // ли ограничений`), hearsay (`с 1 ноября якобы закроют города`) or a forecast
    // (`эксперты прогнозируют, что пик придётся на середину февраля`, `мы ожидаем пик в
    // конце января`, `не исключаем, что с марта школы откроются`): what the sentence dates
    // may happen, is asked about or is claimed. (`ожидается ещё один рейс` is a plan, and stays.)
    conditionals: &[
        "если",
        "ли",
        "якобы",
        "ожидаем",
        // A plan that was (`Первоначально каникулы планировались с 1 по 7 ноября`).
        "первоначально",
        "изначально",
        "исключаем",
        "исключают",
        "исключает",
        "исключено",
        "прогнозируют",
        "прогнозирует",
        "прогнозируется",
        "прогнозировали",
        "прогнозировал",
        "прогнозам",
    ],
    contrasts: &["а", "но", "однако", "зато"],
    reporting: &[
        "сообщил",
        "сообщила",
        "сообщили",
        "сообщило",
        "заявил",
        "заявила",
        "заявили",
        "рассказал",
        "рассказала",
        "рассказали",
        "отметил",
        "отметила",
        "отметили",
        "уточнил",
        "уточнила",
        "уточнили",
        "добавил",
        "добавила",
        "добавили",
        "пояснил",
        "пояснила",
        "пояснили",
        "подчеркнул",
        "подчеркнула",
        "подчеркнули",
        "сказал",
        "сказала",
        "сказали",
        "объявил",
        "объявила",
        "объявили",
        "проинформировал",
        "проинформировали",
    ],
    // Active past participles: `переболевшие`, `прибывших`, `вернувшимся`.
    participle_endings: &[
        // (After a consonant the suffix is `-ш-`: `умерших за неделю`, only of that verb here;
        // `-ших` alone also ends `больших`, `наших`.)
        "ерший",
        "ершие",
        "ерших",
        "ершего",
        "ершим",
        "ершими",
        "вший",
        "вшая",
        "вшее",
        "вшие",
        "вшего",
        "вшей",
        "вших",
        "вшим",
        "вшими",
        "вшему",
        "вшую",
        "вшем",
        "вшимся",
        "вшиеся",
        "вшихся",
        "вшийся",
        "вшегося",
    ],
    group_relatives: &["кто"],
    window_before: &["за"],
    window_not: &["до", "перед", "после", "чем", "ранее", "позднее", "раньше", "позже"],
    rumours: &[
        "слух",
        "слуха",
        "слухи",
        "слухов",
        "слухам",
        "слухами",
        "слухах",
        "фейк",
        "фейка",
        "фейки",
        "фейков",
        "фейку",
        "фейком",
    ],
    // Transitive forms of an extension done or being done only: `продлился до 11 мая`
    // (lasted) and the future `ввели 16 марта и продлят до 15 апреля` (the measure will last)
    // still close the interval of their start.
    extensions: &[
        "продлил",
        "продлила",
        "продлило",
        "продлили",
        "продлен",
        "продлена",
        "продлено",
        "продлены",
        "продлевает",
        "продлевают",
        "продлевается",
        "продлеваются",
        "продлевал",
        "продлевала",
        "продлевали",
        "продлить",
        "продлевать",
        "пролонгировал",
        "пролонгировали",
        "пролонгирован",
        "пролонгирована",
        "пролонгированы",
    ],
};

// A demonstrative, in every gender, case and number, and the nouns of a measure or decision.
macro_rules! demonstratives {
    () => {
        "эт{о,от,а,у,ой,ого,ому,им,ом,и,их,ими}|так{ое,ой,ого,ому,им,ом,ая,ую,ие,их,ими}|данн{ое,ый,ого,ому,ым,ом,ая,ую,ой,ые,ых,ыми}|указанн*|вышеуказанн*|вышеназванн*|вышеупомянут*|упомянут*|подобн*|соответствующ*"
    };
}
macro_rules! measure_nouns {
    () => {
        "решени*|мер{а,ы,у,ой,е,ам,ами,ах}|мер|постановлени*|распоряжени*|указ{,а,у,ом,е}|приказ*|ограничени*|запрет*|режим*|правил{о,а,у,ом,е,ами,ах}|правил|требовани*|нововведени*|послаблени*|карантин*|изменени*|документ{,а,у,ом,е,ы,ов}"
    };
}

/// Phrases that present a sentence as a decree's content: the document and what it
/// provides, obliges or introduces.
const CONTENT: &[&str] = &[
    "согласно ..1 постановлени*|указ{у,а}|решени*|распоряжени*|приказ*|документ*",
    "постановлени*|указ{,ом}|решени*|распоряжени*|приказ*|документ* ~3 предусматрива*|предусмотрен*|обязыва*|ввод*|вводит*|устанавлива*|запреща*|разреша*|приостанавлива*",
    "в том числе|частности",
];

/// Phrases that point back to an earlier event.
const REFERS_BACK: &[&str] = &[
    concat!(demonstratives!(), " ", measure_nouns!()),
    // `эти и другие меры`, `такие же ограничения`
    concat!(demonstratives!(), " ..2 ", measure_nouns!()),
    "об|о этом|том",
    // The money or purpose of the measure before: `на эти цели направят 190 млрд`, `эти
    // выплаты получат`, `на данную программу`.
    concat!(demonstratives!(), " цел{и,ь,ей,ях,ям}|нужд{ы,}|выплат*|средств{а,}|сумм{а,у,ы}|программ*"),
    // `Решение принято с учётом ...`, `Решение было принято на заседании штаба`: the decision
    // the sentence before told.
    "^решени* ..1 принят{о,,ы}|приняли",
    "по этому поводу",
    // An extension that does not name its measure anew: `режим продлён`, `продлили ещё на неделю`.
    "режим*|карантин*|ограничени*|мер{ы,у}|срок*|действи* ~3 продл*|продлева*",
    "^продлен{,а,о,ы}|продлили|продлят|продлевается|продлеваются",
    // Changes that come into force, not named anew: `Изменения вступят в силу с понедельника`.
    "^изменени*|нововведени*|поправк*|новшеств*|послаблени* ..2 вступ* в силу",
];

/// Phrases that report the event before: `Об этом` opening the sentence and a verb of
/// saying (`Об этом он сообщил в четверг`, `Об этом заявил министр на брифинге`).
const REPORTS_BACK: &[&str] = &[
    "^об этом ..5 сообщ*|заяв*|рассказ*|написал*|объяв*|отметил*|сказал*|говорил*|доложил*|уточнил*|пишет|передает|информир*|проинформир*",
    "^об этом ..3 стало известно",
];

/// Phrases that open a sentence on how long the decree or measure before it holds.
const VALIDITY: &[&str] = &[
    concat!(
        "^постановлени*|решени*|указ{,а}|распоряжени*|приказ*|документ*|ограничени*|карантин*|режим*|мер{а,ы}|запрет*|правил{о,а}|требовани*|послаблени* ",
        "..3 действ{ует,уют,овать,овал,овала,овало,овали}|сохран{ится,ятся,яется,яются}|продлится|продлятся"
    ),
    "^срок действи*",
    concat!(
        "^эт{о,от,а,и}|так{ое,ой,ая,ие}|данн{ое,ый,ая,ые}|указанн{ое,ый,ая,ые} ..1 ",
        "постановлени*|решени*|указ|распоряжени*|приказ*|документ*|ограничени*|карантин*|режим*|мер{а,ы}|запрет*|правил{о,а}|требовани*|послаблени* ",
        "..3 действ{ует,уют,овать,овал,овала,овало,овали}|сохран{ится,ятся,яется,яются}|продлится|продлятся"
    ),
];

/// Phrases that open a sentence with the time of the event before it.
const SAME_TIME: &[&str] = &["^за|в тот|этот же период|срок|день", "^за|в этот период|срок", "^тогда же"];

/// Phrases after which a sentence borrows no date from the one before.
const NO_INHERITANCE: &[&str] = &[
    // Retrospective connectives.
    "^ранее|прежде|раньше|накануне",
    "^до этого|того",
    "^в прошлом",
    "сообщал{ось,и}|писал{и,о}|отмечал{ось,и} ..1 ранее|прежде",
    "как и ранее|прежде",
    // Aggregates over the whole epidemic.
    "всего за период|время",
    "за весь|все|всё период|время",
    "за время пандеми*|эпидеми*",
    "с начала пандеми*|эпидеми*|вспышк*|распространени*|года",
    "с момента начала|появлени*|выявлени*|регистрац*|введени*|объявлени*",
    "с начала введени*|объявлени*|действи*",
    "с начала ..1 пандеми*|эпидеми*",
    // Conditional and hypothetical clauses.
    "если",
    "в случае",
    "при условии",
    "при необходимост*",
    "может|могут|могло|могли быть|стать|бы",
    "мог|могла|могли|могло бы",
    "возможно",
    "вероятно",
    "не исключено|исключают|исключает|исключаем",
    // A rule that stays in force (`Масочный режим ... сохраняется`): it did not begin on the
    // date before, it goes on.
    "сохраняется|сохраняются",
    "остается|остаются|останется|останутся в силе",
    "продолжает|продолжают действовать",
    // Forecasts.
    "по прогноз*",
    "прогноз*|прогнозиру*",
    "^ожидается|предполагается|прогнозируется",
];

/// What a restriction leaves open: the places that keep working (`Работу продолжат только
/// продуктовые магазины`, `Открытыми останутся аптеки`, `Будут работать лишь АЗС`) are
/// more of the measure before them, not a happening of their own.
const LEAVES_OPEN: &[&str] = &[
    "работу продолж*",
    "продолж* ..1 работ{у,ать}|функционировать",
    "открыт{ыми,ой,ым} ..1 остан{утся,ется,утся}|оста{ются,ется}",
    "остан{утся,ется}|оста{ются,ется} ..1 открыт{ыми,ой,ым}",
    "будут|будет ..1 работать|функционировать|открыты|открыт{,а,о} только|лишь",
    "работать|функционировать ..1 будут|будет только|лишь",
    // Whom it leaves in, and on what condition: `Билеты продадут только пассажирам с
    // сертификатом`, `обслуживать будут только посетителей с «зелёным» статусом`.
    "только|лишь ..2 пассажир*|посетител*|граждан*|жител*|клиент*|зрител*|покупател*|туристам|туристов|лиц{ам,а,} с|со|при",
];

/// Phrases that make the mention right after them a comparison reference. A phrase of one
/// word may have one word between (`чем в прошлом году`; numbers between do not count:
/// `против 120 накануне`); a longer one two (`по сравнению с аналогичным
/// периодом прошлого года`). The preposition after `сравнению` is left out: the date
/// grammar takes it into the mention (`с маем`).
const COMPARISONS: &[&str] = &[
    "по сравнению",
    "в сравнении",
    "^для сравнения",
    "сравнени{и,ю} с|со",
    "чем",
    "против",
    "относительно",
    "в отличие",
    // A contrast with an earlier state: `составляет 19%, тогда как 25 января превышала 80%`.
    "тогда как",
    "по отношению",
    "аналогичн* период*|показател*",
    // A record since a date: `максимум с января`, `рекордный с мая прирост`.
    RECORD,
    // An extreme since a date: `минимальный показатель с 19 октября`, `наименьший прирост
    // с весны`, `самый низкий уровень с начала осени`.
    // The statistic's noun is part of it: `максимальный штраф с 1 апреля` is news.
    EXTREME,
];

/// A record (`максимум`, `рекорд`): see [`COMPARISONS`] and [`EXTREMES`].
const RECORD: &str = "максимум*|рекорд*|антирекорд*";
/// An extreme of a statistic (`минимальный показатель`): see [`COMPARISONS`] and [`EXTREMES`].
const EXTREME: &str = "минимальн*|максимальн*|наименьш*|наибольш*|низк{ий,ая,ое,ого,ой,ую}|высок{ий,ая,ое,ого,ой,ую} ..1 показател*|уровен*|уровн*|прирост*|значени*|числ*|количеств*";

/// A record or an extreme that an aggregate right after it qualifies (`максимальное число за
/// все время пандемии`, `рекорд с начала кампании`): the aggregate says what the figure is
/// the most of, and the sentence still borrows the date of the one before.
const EXTREMES: &[&str] = &[RECORD, EXTREME];

/// Phrases that open page furniture: at the sentence's start, or after a timestamp or a
/// number (`3 апреля 2020, 09:15 Обновлено`, `1520 просмотров`).
const FURNITURE: &[&str] = &[
    "обновлен{о,а,ы,}",
    "опубликован{о,а,ы,}",
    "просмотр{ов,а,ы}",
    "фото|видео|иллюстрация|инфографика|коллаж|источник|автор",
    "читайте|смотрите также|еще",
    "подписывайтесь",
    "поделиться",
    "новости партнеров",
];

/// Words of a bare timestamp besides numbers and month names.
const TIMESTAMP_WORDS: &[&str] = &[
    "г",
    "год",
    "года",
    "в",
    "сегодня",
    "вчера",
    "мск",
    "понедельник",
    "вторник",
    "среда",
    "четверг",
    "пятница",
    "суббота",
    "воскресенье",
];

/// Rubric names: a line of these alone is furniture.
const RUBRICS: &[&str] = &[
    "новости",
    "общество",
    "политика",
    "экономика",
    "происшествия",
    "спорт",
    "культура",
    "в",
    "мире",
    "мир",
    "здоровье",
    "медицина",
    "образование",
    "регионы",
    "бизнес",
    "финансы",
    "аналитика",
    "интервью",
    "главное",
    "лента",
    "коронавирус",
    "covid",
    "технологии",
    "казахстан",
    "россия",
];

/// Words of news agency names in datelines.
const AGENCIES: &[&str] = &[
    "казтаг",
    "kaztag",
    "kazinform",
    "казинформ",
    "риа",
    "новости",
    "тасс",
    "интерфакс",
    "interfax",
    "sputnik",
    "спутник",
    "tengrinews",
    "zakon",
    "kz",
    "informburo",
    "today",
    "kazakhstan",
    "регнум",
    "baige",
    "news",
    "ru",
    "com",
    "lenta",
    "rbc",
    "nur",
    "vlast",
    "orda",
    "inbusiness",
    "ura",
    "ngs",
    "fontanka",
    "медиазона",
];
