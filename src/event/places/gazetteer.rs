//! A compiled gazetteer: every spelling of every place, indexed by the normalized form of its
//! first word. A language fills it through [`GazetteerBuilder`] with the forms its declension
//! rules generate; the engine only matches forms.

use super::anaphora::AnaphoraWords;
use super::PlaceKind;
use crate::text::wordmap::WordMap;

/// A set of normalized words kept as one bit per word shape (its length and its first and
/// last four bytes, mixed): a word whose bit is clear is surely not in the set, a word whose
/// bit is set may be (look it up). Most words of a text are in no table, and the filter turns
/// them away without hashing them in full.
#[derive(Clone, Debug)]
pub(crate) struct WordFilter {
    /// A bit per byte length under 64 that a word of the set has (bit 63: 63 bytes or more):
    /// the first, cheapest test.
    lengths: u64,
    /// The bits.
    bits: Box<[u64]>,
    /// How far a mixed shape is shifted right to give a bit index.
    shift: u32,
}

impl WordFilter {
    /// A filter of `1 << log2` bits (64 at least, 2^24 at most) holding `words`.
    pub(crate) fn new<'w>(log2: u32, words: impl IntoIterator<Item = &'w [u8]>) -> Self {
        let log2 = log2.clamp(6, 24);
        let mut f = WordFilter { lengths: 0, bits: vec![0u64; 1 << (log2 - 6)].into_boxed_slice(), shift: 64 - log2 };
        for w in words {
            f.lengths |= 1 << w.len().min(63);
            let bit = f.bit(w);
            if let Some(b) = f.bits.get_mut(bit / 64) {
                *b |= 1 << (bit % 64);
            }
        }
        f
    }

    /// The bit of a word.
    #[inline]
    fn bit(&self, w: &[u8]) -> usize {
        let n = w.len() as u64;
        let (a, b) = match (w.first_chunk::<4>(), w.last_chunk::<4>()) {
            (Some(a), Some(b)) => (u32::from_le_bytes(*a), u32::from_le_bytes(*b)),
            _ => (w.iter().fold(0u32, |v, &x| (v << 8) | u32::from(x)), 0),
        };
        let shape = (u64::from(a) | (u64::from(b) << 32)) ^ n.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        (shape.wrapping_mul(0xff51_afd7_ed55_8ccd) >> self.shift) as usize
    }

    /// Whether `w` may be in the set (`false` is sure).
    #[inline]
    pub(crate) fn may_hold(&self, w: &[u8]) -> bool {
        if self.lengths & (1 << w.len().min(63)) == 0 {
            return false;
        }
        let bit = self.bit(w);
        self.bits.get(bit / 64).is_some_and(|b| b & (1 << (bit % 64)) != 0)
    }
}

/// A place a spelling stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Place {
    /// The canonical nominative reported for it.
    pub(crate) name: &'static str,
    /// Country, region or city.
    pub(crate) kind: PlaceKind,
    /// ISO 3166-1 alpha-2 code of its country.
    pub(crate) country: &'static str,
    /// The code users join on: ISO 3166-1 alpha-3 for a country, ISO 3166-2 for a region and
    /// for the region a city is or lies in.
    pub(crate) code: &'static str,
    /// The capital of its country.
    pub(crate) capital: bool,
    /// Its name is also a common word: not matched as the first word of a sentence.
    pub(crate) homograph: bool,
    /// Its name completes a currency (`долларов США`): not matched after a currency word.
    pub(crate) in_currency: bool,
}

/// The contexts in which a gazetteer name is not a place of the event: every list holds
/// prefixes of the written word (lower case), matched with `starts_with`.
#[derive(Debug)]
pub(crate) struct NotPlace {
    /// The word right before the name (or before its title) makes it a citizenship or an
    /// origin of a person (`гражданин Турции`, `граждан Республики Казахстан`).
    pub(crate) citizenship: &'static [&'static str],
    /// Prepositions of origin (`из`): with a product word right before them the name is the
    /// product's origin (`вакцина из России`), not where anything happened.
    pub(crate) origin: &'static [&'static str],
    /// Product words before an origin preposition (`вакцин`, `маск`, `тест`).
    pub(crate) products: &'static [&'static str],
    /// Opening quotation marks: a name right after one (no space) begins the name of an
    /// organization, a medium, a club or a brand (`«Казахстан темир жолы»`, `«Астана»`).
    pub(crate) quotes: &'static [&'static str],
    /// Demonyms (prefixes of normalized words) and their country's ISO 3166-1 alpha-2 code
    /// (`казахстанц` → `KZ`): no place of an event, but an article that names no place and
    /// speaks of `казахстанцы` is about Kazakhstan.
    pub(crate) demonyms: &'static [(&'static str, &'static str)],
}

/// A way to complete a match that starts with a given first word.
#[derive(Clone, Debug)]
pub(crate) struct Cand {
    /// Index into [`Gazetteer::places`].
    pub(crate) place: u16,
    /// For each further word, an index into [`Gazetteer::slots`] (the forms it may take).
    pub(crate) rest: Vec<u16>,
}

/// One spelling of a first word, as written (case and `ё` matter), and what it may start.
#[derive(Clone, Debug)]
pub(crate) struct Head {
    /// The form exactly as a text writes it.
    pub(crate) form: Box<str>,
    /// The matches it may start, longest first.
    pub(crate) cands: Vec<Cand>,
}

/// The compiled gazetteer of one language.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    /// Every place, by index.
    pub(crate) places: Vec<Place>,
    /// Normalized first-word form → its written spellings.
    pub(crate) heads: WordMap<Vec<Head>>,
    /// Sets of written forms for the words after the first.
    pub(crate) slots: Vec<Vec<Box<str>>>,
    /// Forms of a title (`Республике`) that, right before a country or region, join its span.
    pub(crate) titles: &'static [&'static str],
    /// Conjunctions that join coordinated region adjectives (`Алматинской и Жамбылской`).
    pub(crate) conjunctions: &'static [&'static str],
    /// Prefixes of currency words after which an [`Place::in_currency`] name is not a place.
    pub(crate) currency_prefixes: &'static [&'static str],
    /// Contexts in which a name is not a place.
    pub(crate) not_place: &'static NotPlace,
    /// The words of place anaphora (`в стране`, `по области`, `здесь`).
    pub(crate) anaphora: &'static AnaphoraWords,
    /// The words without which a sentence holds no anaphora: every noun form of a phrase and
    /// every adverb of `here`.
    pub(crate) anaphora_triggers: WordFilter,
    /// The normalized first words of the spellings (the keys of `heads`).
    pub(crate) head_filter: WordFilter,
    /// The longest word that can start an anaphoric phrase (longer words are passed over
    /// unread), and how many tokens after its start a phrase can end at most (its lead and
    /// two modifiers); `None` when the language has no such words.
    pub(crate) anaphora_reach: Option<(usize, usize)>,
}

impl Gazetteer {
    /// The spellings of a first word whose normalized form is `norm`, if any is written
    /// exactly `written` (a word that [`Gazetteer::head_filter`] turns away has none).
    pub(crate) fn head(&self, norm: &str, written: &str) -> Option<&Head> {
        self.heads.get(norm)?.iter().find(|h| &*h.form == written)
    }

    /// The country whose ISO 3166-1 alpha-2 code is `country`.
    pub(crate) fn country(&self, country: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.kind == PlaceKind::Country && p.country == country)
    }

    /// The region whose code is `code` (a city's code is its region's).
    pub(crate) fn region(&self, code: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.kind == PlaceKind::Region && p.code == code)
    }

    /// The capital of the country with ISO 3166-1 alpha-2 code `country`, if the gazetteer
    /// has it (what `в столице` resolves to, for an article about that country).
    pub(crate) fn capital(&self, country: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.capital && p.country == country)
    }

    /// Whether `written` is one of the forms of slot `slot`.
    pub(crate) fn in_slot(&self, slot: u16, written: &str) -> bool {
        self.slots.get(slot as usize).is_some_and(|s| s.iter().any(|f| &**f == written))
    }
}

/// Fills a [`Gazetteer`].
pub(crate) struct GazetteerBuilder {
    /// The gazetteer being filled.
    gazetteer: Gazetteer,
}

impl GazetteerBuilder {
    /// An empty gazetteer with the language's title forms, conjunctions, currency prefixes,
    /// not-a-place contexts and anaphora words.
    pub(crate) fn new(
        titles: &'static [&'static str],
        conjunctions: &'static [&'static str],
        currency_prefixes: &'static [&'static str],
        not_place: &'static NotPlace,
        anaphora: &'static AnaphoraWords,
    ) -> Self {
        GazetteerBuilder {
            gazetteer: Gazetteer {
                places: Vec::new(),
                heads: WordMap::new(),
                slots: Vec::new(),
                titles,
                conjunctions,
                currency_prefixes,
                not_place,
                anaphora,
                anaphora_triggers: WordFilter::new(
                    12,
                    anaphora
                        .phrases
                        .iter()
                        .flat_map(|p| p.nouns.iter().map(|n| n.form))
                        .chain(anaphora.here.iter().copied())
                        .map(str::as_bytes),
                ),
                head_filter: WordFilter::new(6, []),
                anaphora_reach: anaphora
                    .phrases
                    .iter()
                    .filter_map(|p| p.lead.first())
                    .chain(anaphora.here)
                    .map(|w| w.len())
                    .max()
                    .map(|longest| (longest, anaphora.phrases.iter().map(|p| p.lead.len()).max().unwrap_or(0) + 2)),
            },
        }
    }

    /// Adds a place; returns its index.
    pub(crate) fn place(&mut self, place: Place) -> u16 {
        self.gazetteer.places.push(place);
        (self.gazetteer.places.len() - 1) as u16
    }

    /// Adds a spelling of place `place`: for its first word, every written form with its
    /// normalized form; for each further word, the set of written forms it may take.
    pub(crate) fn spelling(&mut self, place: u16, heads: &[(String, String)], rest: Vec<Vec<String>>) {
        let slots = &mut self.gazetteer.slots;
        let rest: Vec<u16> = rest
            .into_iter()
            .map(|forms| {
                let forms: Vec<Box<str>> = forms.into_iter().map(String::into_boxed_str).collect();
                let id = slots.iter().position(|s| *s == forms).unwrap_or_else(|| {
                    slots.push(forms);
                    slots.len() - 1
                });
                id as u16
            })
            .collect();
        for (norm, form) in heads {
            let list = self.gazetteer.heads.entry_or_insert_with(norm, Vec::new);
            let head = match list.iter().position(|h| &*h.form == form.as_str()) {
                Some(p) => &mut list[p],
                None => {
                    list.push(Head { form: form.as_str().into(), cands: Vec::new() });
                    let last = list.len() - 1;
                    &mut list[last]
                }
            };
            head.cands.push(Cand { place, rest: rest.clone() });
        }
    }

    /// The gazetteer, with every head's matches ordered longest first (stable, so equal
    /// lengths keep the order they were added in).
    pub(crate) fn build(mut self) -> Gazetteer {
        for heads in self.gazetteer.heads.values_mut() {
            for h in heads {
                h.cands.sort_by_key(|c| std::cmp::Reverse(c.rest.len()));
            }
        }
        // About sixteen bits per first word: one word in a few dozen that is no first word
        // gets past the filter.
        let n = self.gazetteer.heads.iter().count().max(1);
        let log2 = usize::BITS - (n * 16).leading_zeros();
        self.gazetteer.head_filter = WordFilter::new(log2, self.gazetteer.heads.iter().map(|(w, _)| w.as_bytes()));
        self.gazetteer
    }
}
