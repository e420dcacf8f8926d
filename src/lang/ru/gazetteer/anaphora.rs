//! The Russian words of place anaphora (`в стране`, `по области`, `в городе`, `в столице`,
//! `здесь`): see [`crate::event::places::anaphora`] for what is matched and why.

use crate::event::places::anaphora::{anaphora, AnaphoraWords, Noun, Phrase};
pub use crate::event::places::anaphora::{Anaphor, Anaphors};
use crate::text::Tokens;

use Anaphor::{Capital, City, Country, Region, Republic};

/// A noun form with no other sense.
const fn n(form: &'static str, of: Anaphor) -> Noun {
    Noun { form, of, unless_next: &[] }
}

/// Words after `области` that make it `the field of` (`в области здравоохранения`,
/// `в области санитарно-эпидемиологического благополучия`), as prefixes.
#[rustfmt::skip]
const FIELD: &[&str] = &[
    "здрав", "медиц", "образов", "эконом", "наук", "науч", "культур", "спорт", "безопас", "защит",
    "прав", "финанс", "энерг", "информ", "цифр", "туризм", "транспорт", "строит", "эколог",
    "санитар", "эпидем", "охран", "промышл", "сельск", "связ", "исследов", "борьб", "инфекц",
    "вирус", "иммун", "социальн", "технолог", "развит", "медицинск", "торгов", "инвестиц",
];

/// `в`/`во` + the prepositional case.
#[rustfmt::skip]
const IN: &[Noun] = &[
    n("стране", Country), n("республике", Republic), n("государстве", Country),
    Noun { form: "области", of: Region, unless_next: FIELD }, n("регионе", Region), n("крае", Region),
    n("городе", City), n("мегаполисе", City),
    n("столице", Capital),
];

/// `по` + the dative case (`по краю` is `along the edge`, left out).
#[rustfmt::skip]
const OVER: &[Noun] = &[
    n("стране", Country), n("республике", Republic),
    Noun { form: "области", of: Region, unless_next: FIELD }, n("региону", Region),
    n("городу", City), n("столице", Capital),
];

/// `на территории` + the genitive case.
#[rustfmt::skip]
const ON_TERRITORY: &[Noun] = &[
    n("страны", Country), n("республики", Republic), n("государства", Country),
    n("области", Region), n("региона", Region), n("края", Region),
    n("города", City), n("столицы", Capital),
];

/// The Russian words of place anaphora.
pub(crate) static ANAPHORA: AnaphoraWords = AnaphoraWords {
    phrases: &[
        Phrase { lead: &["в"], nouns: IN },
        Phrase { lead: &["во"], nouns: IN },
        Phrase { lead: &["по"], nouns: OVER },
        Phrase { lead: &["на", "территории"], nouns: ON_TERRITORY },
        // The people and the authorities of the place: `жители столицы старше 60 лет`, `власти
        // региона`.
        Phrase { lead: &["жители"], nouns: ON_TERRITORY },
        Phrase { lead: &["жителей"], nouns: ON_TERRITORY },
        Phrase { lead: &["жителям"], nouns: ON_TERRITORY },
        Phrase { lead: &["власти"], nouns: ON_TERRITORY },
        Phrase { lead: &["властей"], nouns: ON_TERRITORY },
        Phrase { lead: &["властями"], nouns: ON_TERRITORY },
    ],
    modifiers: &[
        "всей",
        "всем",
        "нашей",
        "нашем",
        "этой",
        "этом",
        "самой",
        "самом",
        "данной",
        "данном",
        "всего",
        "нашего",
        "этого",
        "самого",
        "данного",
    ],
    here: &["здесь", "тут"],
    not_here: &[["тут", "же"]],
};

/// The levels of place one Russian sentence refers to by anaphora (the sentence is tokenized
/// here, as the pipeline never does): the test face of the detector the event builder calls
/// on the document's tokens.
///
/// ```
/// use khronika::internals::{sentence_anaphora, Anaphor};
/// let a = sentence_anaphora("По всей стране и в столице ввели карантин.");
/// assert_eq!(a.iter().collect::<Vec<_>>(), [Anaphor::Country, Anaphor::Capital]);
/// assert!(sentence_anaphora("В городе Алматы ввели карантин.").is_empty());
/// ```
pub fn sentence_anaphora(sentence: &str) -> Anaphors {
    let language = crate::lang::Lang::Ru.table();
    let tokens = Tokens::with_lookalikes(sentence, language.lookalikes);
    anaphora(language.events.gazetteer, sentence, &tokens, 0..tokens.len())
}

/// The canonical name of the capital of the country with ISO 3166-1 alpha-2 code `country`,
/// what [`Anaphor::Capital`] (`в столице`) resolves to in an article about that country.
///
/// ```
/// use khronika::internals::capital_of;
/// assert_eq!(capital_of("KZ"), Some("Нур-Султан"));
/// assert_eq!(capital_of("RU"), Some("Москва"));
/// assert_eq!(capital_of("ZZ"), None);
/// ```
pub fn capital_of(country: &str) -> Option<&'static str> {
    crate::lang::Lang::Ru.table().events.gazetteer.capital(country).map(|p| p.name)
}
