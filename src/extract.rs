//! The pipeline: a [`Document`] in, its [`Mention`]s and [`Timeline`] out.

use crate::document::{Document, Published};
use crate::event::build::{Builder, Piece};
use crate::event::{self, Description, EventTables, Sentences};
use crate::expr::{Expr, Found, Tense};
use crate::lang::{Dates, Lang};
use crate::mention::{Anchor, Mention, TimexType};
use crate::resolve::{Context, ResolveOptions, Resolver};
use crate::text::{pieces, split_sentences, Sentence, Tokens, MAX_TEXT};
use crate::timeline::Timeline;
use crate::value::{Unit, Value};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::sync::Arc;

/// How much text is tokenized at a time: a longer text is read in pieces of about this size,
/// cut at blank lines, so that the tokens of one piece at a time are kept (about three
/// times the piece's size) and the results are those of the whole text.
const PIECE: usize = 1 << 16;
/// Days from publication beyond which a year-less day cannot be the nearest reading: its
/// year was chosen (by the tense) and lends itself to the dates after it in the sentence.
const HALF_YEAR_DAYS: i64 = 183;

/// How many days after publication the nearest reading of a year-less range may start and
/// still be what a past-tense sentence decided (`продлили ограничения с 1 по 15 мая`); a
/// range further ahead, told in the past, is last year's.
const RANGE_PAST_DAYS_AHEAD: i64 = 90;

/// Finds and resolves temporal expressions under a set of [`ResolveOptions`], in the
/// language [`Document::with_lang`] or [`Extractor::with_lang`] fixes, else in the one the
/// text's letters tell ([`Lang::detect`]: Russian unless the text is Kazakh). A document
/// whose language is chosen by its text and that has Kazakh letters is read sentence by
/// sentence: a sentence whose letters tell is read in its own language (a Russian quote in
/// a Kazakh article), the others in the document's, and each sentence's kinds, places and
/// figures are read with the tables of its language.
///
/// A long text is read in pieces of about 64 KiB cut at blank lines, where sentences
/// end anyway, so that its tokens are kept for one piece at a time; spans, sentence
/// indices, paragraphs and anchoring run on across the pieces, and the results are those of
/// the whole text. Token offsets are `u32`, so a paragraph longer than 2 GiB
/// with no blank line is cut at a line break
/// (else at a character boundary), the one place a sentence may be cut.
///
/// ```
/// use khronika::{Document, Extractor};
/// let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев. 16 марта ввели карантин.").unwrap();
/// let analysis = Extractor::default().analyze(&doc);
/// let values: Vec<String> = analysis.mentions.iter().map(|m| m.value.to_string()).collect();
/// assert_eq!(values, ["2020-03-19", "2020-03-16"]);
/// assert_eq!(analysis.timeline.len(), 2);
/// ```
#[derive(Clone, Copy, Debug, Default)]
pub struct Extractor {
    resolver: Resolver,
    /// The language fixed by [`Extractor::with_lang`]; None chooses by the text.
    lang: Option<Lang>,
}

/// Everything khronika reads from one document.
///
/// It serializes with serde as `{"id", "published", "lang", "sentences", "mentions",
/// "timeline"}`;
/// like every JSON the crate writes, its `start`/`end` count characters and
/// `byte_start`/`byte_end` bytes. (The corpus record, [`export::json`](crate::export), is
/// the stable line format; this is the analysis as the library holds it.)
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Analysis {
    /// The document's id, when it has one.
    pub id: Option<String>,
    /// Its publication time.
    pub published: Published,
    /// The language it was read in (its tokens and sentences, and every sentence whose
    /// letters tell no other: see [`Mention::lang`] for each mention's).
    pub lang: Lang,
    /// Its sentences (bytes and characters), in text order.
    pub sentences: Sentences,
    /// Every temporal expression, in text order.
    pub mentions: Vec<Mention>,
    /// Its dated events, in chronological order.
    pub timeline: Timeline,
}

impl Extractor {
    /// An extractor with these options; the language of each document is chosen by its
    /// text unless [`Extractor::with_lang`] fixes it.
    pub fn new(options: ResolveOptions) -> Self {
        Extractor { resolver: Resolver::new(options), lang: None }
    }

    /// The same extractor for documents in `lang`.
    ///
    /// ```
    /// use khronika::{Extractor, Lang, ResolveOptions};
    /// let e = Extractor::new(ResolveOptions::default()).with_lang(Lang::Ru);
    /// assert_eq!(e.lang(), Lang::Ru);
    /// ```
    pub fn with_lang(self, lang: Lang) -> Self {
        Extractor { lang: Some(lang), ..self }
    }

    /// The same extractor choosing each document's language by its text (the default).
    ///
    /// ```
    /// use khronika::{Extractor, Lang};
    /// let e = Extractor::default().with_lang(Lang::Ru).auto_lang();
    /// assert_eq!(e.fixed_lang(), None);
    /// ```
    pub fn auto_lang(self) -> Self {
        Extractor { lang: None, ..self }
    }

    /// The language fixed by [`Extractor::with_lang`], None when it is chosen by the text.
    pub fn fixed_lang(&self) -> Option<Lang> {
        self.lang
    }

    /// The language a document is read in: the document's own, else the extractor's, else
    /// the one its text's letters tell.
    ///
    /// ```
    /// use khronika::{Document, Extractor, Lang};
    /// let doc = Document::new(chrono::NaiveDate::default(), "Вчера ввели карантин.");
    /// assert_eq!(Extractor::default().lang_of(&doc), Lang::Ru);
    /// ```
    pub fn lang_of(&self, doc: &Document) -> Lang {
        self.reading(doc).0
    }

    /// The options in force.
    pub fn options(&self) -> ResolveOptions {
        self.resolver.options()
    }

    /// The language it reads: the one [`Extractor::with_lang`] fixed, else Russian, the
    /// language of a text with no Kazakh letters (see [`Extractor::lang_of`]).
    pub fn lang(&self) -> Lang {
        self.lang.unwrap_or_default()
    }

    /// The temporal mentions of a document, in text order.
    pub fn extract(&self, doc: &Document) -> Vec<Mention> {
        self.read(doc, |_| {})
    }

    /// Mentions, sentences and the timeline of a document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        self.analyze_in(doc, PIECE)
    }

    /// [`Extractor::analyze`] with pieces of about `piece` bytes.
    fn analyze_in(&self, doc: &Document, piece: usize) -> Analysis {
        let reading = self.reading(doc);
        let lang = reading.0;
        let mut events = Builder::new(&lang.table().events, doc);
        let mentions = self.read_in(doc, reading, piece, |p| {
            events.piece(p);
        });
        if doc.text().len() > piece {
            // A document of several pieces is read: its token buffers are not held while its
            // timeline is finished (the next long document makes its own).
            drop(take_tokens());
        }
        let (timeline, spans) = events.finish_with_sentences();
        let (id, published) = (doc.id().map(str::to_string), doc.published());
        Analysis { id, published, lang, sentences: spans, mentions, timeline }
    }

    /// What one sentence says besides its dates, read as the pipeline reads a sentence of a
    /// document: its kinds (with the cue words and the kinds it exempts), places and figures.
    ///
    /// ```
    /// use khronika::{describe, EventKind};
    /// let d = describe("В Караганде выявлено 12 случаев заражения.");
    /// assert_eq!(d.kinds, [EventKind::Cases]);
    /// assert_eq!(d.places[0].name, "Караганда");
    /// assert_eq!(d.figures[0].value, 12.0);
    /// ```
    pub fn describe(&self, sentence: &str) -> Description {
        let language = self.lang.unwrap_or_else(|| Lang::detect(sentence)).table();
        let tokens = Tokens::with_lookalikes(sentence, language.lookalikes);
        let buf: Arc<str> = Arc::from(sentence);
        let shared = event::Shared { buf: &buf, base: 0 };
        event::describe_in(&language.events, &shared, sentence, &tokens, 0..tokens.len(), &[])
    }

    /// Tokenizes, splits and scans the document (in pieces when it is longer than one token
    /// table covers), handing each piece (its tokens, its sentences with spans and paragraphs
    /// in the whole text, its mentions) to `each`; returns the mentions.
    fn read(&self, doc: &Document, each: impl FnMut(&Piece<'_>)) -> Vec<Mention> {
        self.read_in(doc, self.reading(doc), PIECE, each)
    }

    /// The language a document is read in ([`Extractor::lang_of`]) and whether it is read
    /// sentence by sentence: a document whose language its text chose, and that has Kazakh
    /// letters, is; a Russian one without them (the common case) is not. One look at the
    /// text answers both.
    fn reading(&self, doc: &Document) -> (Lang, bool) {
        match doc.lang().or(self.lang) {
            Some(lang) => (lang, false),
            None => {
                let (lang, kazakh_letters) = choose_lang(doc.text());
                (lang, lang != Lang::Ru || kazakh_letters)
            }
        }
    }

    /// [`Extractor::read`] with pieces of about `piece` bytes.
    fn read_in(
        &self,
        doc: &Document,
        (lang, per_sentence): (Lang, bool),
        piece: usize,
        mut each: impl FnMut(&Piece<'_>),
    ) -> Vec<Mention> {
        let language = lang.table();
        let mut state = State {
            dates: take_reader(lang),
            lang,
            doc_lang: lang,
            per_sentence,
            other: None,
            previous: None,
            previous_period: None,
            chars: CharCursor::default(),
            offset: 0,
            sentence_base: 0,
            langs: Vec::new(),
        };
        let mut mentions = Vec::new();
        let mut paragraph_base = 0;
        for piece in pieces(doc.text(), piece, MAX_TEXT) {
            let offset = piece.offset;
            let mut tokens = take_tokens();
            tokens.refill(piece.text, language.lookalikes);
            let mut split = split_sentences(&tokens, language.sentences);
            state.offset = offset;
            let first_mention = mentions.len();
            let first_sentence = state.sentence_base;
            state.langs.clear();
            self.mentions(doc, &tokens, &split, &mut state, &mut mentions);
            // Each sentence's event tables, when some sentence is not in the document's language.
            let tables: Vec<&'static EventTables> = if state.langs.iter().any(|&l| l != state.doc_lang) {
                state.langs.iter().map(|l| &l.table().events).collect()
            } else {
                Vec::new()
            };
            let paragraphs = split.last().map_or(0, |s| s.paragraph + usize::from(piece.paragraph_after));
            if offset > 0 {
                for s in &mut split {
                    s.span = s.span.start + offset..s.span.end + offset;
                    s.paragraph += paragraph_base;
                }
            }
            state.sentence_base += split.len();
            paragraph_base += paragraphs;
            each(&Piece {
                text: piece.text,
                offset,
                tokens: &tokens,
                sentences: &split,
                first_sentence,
                mentions: mentions.get(first_mention..).unwrap_or(&[]),
                first_mention,
                tables: &tables,
            });
            put_tokens(tokens);
        }
        put_reader(state.lang, state.dates);
        if let Some((l, reader)) = state.other {
            put_reader(l, reader);
        }
        mentions
    }

    /// The mentions of one piece of the text, appended to `out`.
    fn mentions(
        &self,
        doc: &Document,
        tokens: &Tokens,
        sentences: &[Sentence],
        state: &mut State,
        out: &mut Vec<Mention>,
    ) {
        let offset = state.offset;
        let mut found: Vec<Found> = Vec::new();
        for (index, sentence) in sentences.iter().enumerate() {
            if state.per_sentence {
                let text = doc.text().get(sentence.span.start + offset..sentence.span.end + offset).unwrap_or("");
                state.switch(sentence_lang(text, state.doc_lang));
                state.langs.push(state.lang);
            }
            found.clear();
            state.dates.scan(tokens, sentence.tokens.clone(), &mut found);
            let mut sentence_day = None;
            let mut sentence_year_date = None;
            for f in &found {
                let ctx = Context {
                    published: doc.published(),
                    previous: state.previous,
                    previous_period: state.previous_period,
                    sentence_day,
                    // A bound or a range after a past verb of decision points forward as often
                    // as not (`продлили до 1 мая`): the tense moves no bound's year. A weekday
                    // still takes its direction from it (`с понедельника перейдут`).
                    tense: if f.expr.is_weekday_like() || (f.modifier.is_none() && !matches!(f.expr, Expr::Range(..))) {
                        state.dates.tense_at(tokens, f.tokens.start)
                    } else {
                        None
                    },
                    sentence_year_date,
                };
                let Some(mut r) = self.resolver.resolve(&f.expr, f.modifier, &ctx) else {
                    continue;
                };
                // ... but a range told in the past tense whose nearest reading lies months
                // ahead is over (`Ранее Россия с 15 апреля по 1 июня приостанавливала рейсы`,
                // published in October): a decision rarely sets a period that far off.
                if matches!(f.expr, Expr::Range(..)) && f.modifier.is_none() && r.anchor == Anchor::Publication {
                    let ahead = r.value.first_day().map(|d| (d - doc.published().day()).num_days());
                    if ahead.is_some_and(|d| d > RANGE_PAST_DAYS_AHEAD)
                        && state.dates.tense_at(tokens, f.tokens.start) == Some(Tense::Past)
                    {
                        let past = Context { tense: Some(Tense::Past), ..ctx };
                        if let Some(back) = self.resolver.resolve(&f.expr, f.modifier, &past) {
                            r = back;
                        }
                    }
                }
                let (Some(first), Some(last)) =
                    (tokens.get(f.tokens.start), f.tokens.end.checked_sub(1).and_then(|i| tokens.get(i)))
                else {
                    continue;
                };
                if let Some(day) = r.value.on_day() {
                    state.previous = Some(day);
                    state.previous_period = None;
                    sentence_day = Some(day);
                    // A written year lends itself; so does a year the tense chose against
                    // the nearest reading (a day over half a year from publication): `16
                    // марта ввели ... до 11 мая` ends in the year it began.
                    let far = (day - doc.published().day()).num_days().abs() > HALF_YEAR_DAYS;
                    if r.anchor == Anchor::Absolute || far {
                        sentence_year_date = Some(day);
                    }
                } else if r.kind == TimexType::Date {
                    if let Some(period) = r.value.period_start() {
                        state.previous_period = Some(period);
                    }
                    // A written year lends itself too (`В 2020 году 16 марта ...`, `В марте
                    // 2020-го ..., а 30 марта ...`): the middle of the year or month, so that
                    // the nearest day of a year-less date falls inside that year.
                    match (&r.value, r.anchor) {
                        (Value::Year(y), Anchor::Absolute) => {
                            sentence_year_date = NaiveDate::from_ymd_opt(*y, 7, 2).or(sentence_year_date);
                        }
                        (Value::Month { year, month }, Anchor::Absolute) => {
                            sentence_year_date = NaiveDate::from_ymd_opt(*year, *month, 15).or(sentence_year_date);
                        }
                        // So does any other period with a written year (`Весной 2020 года ... с
                        // 30 марта по 11 мая`), and a season, quarter or half whatever chose its
                        // year (`весной прошлого года ... с 30 марта по 11 мая`): its middle day.
                        (v, Anchor::Absolute)
                        | (v @ (Value::Season { .. } | Value::Quarter { .. } | Value::Half { .. }), _) => {
                            if let (Some(a), Some(b)) = (v.first_day(), v.last_day()) {
                                let half = u64::try_from((b - a).num_days() / 2).unwrap_or(0);
                                sentence_year_date = a.checked_add_days(Days::new(half)).or(sentence_year_date);
                            }
                        }
                        _ => {}
                    }
                }
                let span = first.start() + offset..last.end() + offset;
                let chars = state.chars.to(doc.text(), span.start)..state.chars.to(doc.text(), span.end);
                let mut m = Mention::new(span, chars, r.kind, r.value);
                m.set_sentence(state.sentence_base + index);
                (m.modifier, m.anchor, m.offset, m.lang) = (r.modifier, r.anchor, r.offset, state.lang);
                out.push(m);
            }
        }
    }
}

/// An extractor with these options, choosing each document's language by its text (what
/// the corpus functions take, so that a caller may hand them options or an extractor that
/// fixes the language).
impl From<ResolveOptions> for Extractor {
    fn from(options: ResolveOptions) -> Self {
        Extractor::new(options)
    }
}

thread_local! {
    // Readers of temporal expressions that finished a document on this thread, kept for the
    // next one so that their buffers are not allocated again per document.
    static READERS: std::cell::RefCell<Vec<(Lang, Box<dyn Dates>)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A reader of `lang`'s temporal expressions: one this thread kept, or a new one.
fn take_reader(lang: Lang) -> Box<dyn Dates> {
    let kept = READERS.with(|r| {
        let mut r = r.try_borrow_mut().ok()?;
        let i = r.iter().position(|(l, _)| *l == lang)?;
        Some(r.swap_remove(i).1)
    });
    kept.unwrap_or_else(|| (lang.table().dates)())
}

thread_local! {
    // The token buffers of the piece this thread read last, kept for the next piece.
    static SPARE_TOKENS: std::cell::Cell<Option<Tokens>> = const { std::cell::Cell::new(None) };
}

/// Token buffers above this size are not kept for the next document.
const KEEP_TOKENS: usize = 8 << 20;

/// Token buffers: the ones this thread kept, or new ones.
fn take_tokens() -> Tokens {
    SPARE_TOKENS.with(|t| t.take()).unwrap_or_default()
}

/// Keeps token buffers for the thread's next piece (unless they are large).
fn put_tokens(tokens: Tokens) {
    if tokens.capacity_bytes() <= KEEP_TOKENS {
        SPARE_TOKENS.with(|t| t.set(Some(tokens)));
    }
}

/// Keeps a reader for the thread's next document (one per language).
fn put_reader(lang: Lang, reader: Box<dyn Dates>) {
    READERS.with(|r| {
        if let Ok(mut r) = r.try_borrow_mut() {
            if !r.iter().any(|(l, _)| *l == lang) {
                r.push((lang, reader));
            }
        }
    });
}

/// What reading a document carries from sentence to sentence and from piece to piece.
struct State {
    /// The language's reader of dates, with its buffers.
    dates: Box<dyn Dates>,
    /// Its language.
    lang: Lang,
    /// The document's language.
    doc_lang: Lang,
    /// Each sentence is read in the language its letters tell.
    per_sentence: bool,
    /// The other language's reader, once a sentence needed it.
    other: Option<(Lang, Box<dyn Dates>)>,
    /// The latest day mentioned, for anaphora.
    previous: Option<NaiveDate>,
    /// The latest year, month or week mentioned after that day: its first day and grain.
    previous_period: Option<(NaiveDate, Unit)>,
    /// Where character offsets were counted to.
    chars: CharCursor,
    /// The first byte of the piece being read, in the text.
    offset: usize,
    /// The index of the piece's first sentence in the text.
    sentence_base: usize,
    /// The language of each sentence of the piece, when each is read in its own.
    langs: Vec<Lang>,
}

impl State {
    /// Makes `lang`'s reader the current one.
    fn switch(&mut self, lang: Lang) {
        if lang == self.lang {
            return;
        }
        let reader = match self.other.take() {
            Some((l, r)) if l == lang => r,
            Some((l, r)) => {
                put_reader(l, r);
                take_reader(lang)
            }
            None => take_reader(lang),
        };
        let old = std::mem::replace(&mut self.dates, reader);
        self.other = Some((self.lang, old));
        self.lang = lang;
    }
}

/// Which language a sentence is read in (Russian without the `kk` feature).
fn sentence_lang(text: &str, doc: Lang) -> Lang {
    #[cfg(feature = "kk")]
    {
        crate::lang::detect::sentence_lang(text, doc)
    }
    #[cfg(not(feature = "kk"))]
    {
        let _ = (text, doc);
        Lang::Ru
    }
}

/// The language the text's letters tell, and whether it has a Kazakh-only letter (Russian
/// and no, without the `kk` feature).
fn choose_lang(text: &str) -> (Lang, bool) {
    #[cfg(feature = "kk")]
    {
        crate::lang::detect::choose(text)
    }
    #[cfg(not(feature = "kk"))]
    {
        let _ = text;
        (Lang::Ru, false)
    }
}

/// Byte offsets to character offsets with one cursor that moves forward through the text:
/// mentions come in text order, so a document costs one pass however many it has.
#[derive(Clone, Copy, Debug, Default)]
struct CharCursor {
    byte: usize,
    char: usize,
}

impl CharCursor {
    /// The character offset of byte offset `byte` of `text` (a character boundary; an offset
    /// past the end counts to the end).
    fn to(&mut self, text: &str, byte: usize) -> usize {
        let byte = byte.min(text.len());
        let count = count_chars;
        let bytes = text.as_bytes();
        if byte >= self.byte {
            self.char += count(bytes.get(self.byte..byte).unwrap_or(&[]));
        } else {
            self.char -= count(bytes.get(byte..self.byte).unwrap_or(&[]));
        }
        self.byte = byte;
        self.char
    }
}

/// The mentions of a document, with the default options.
///
/// ```
/// use khronika::{extract, Document};
/// let doc = Document::parse("date 2020-03-20 Режим ЧП продлится до 15 апреля.").unwrap();
/// let m = extract(&doc);
/// assert_eq!(m[0].value.to_string(), "2020-04-15");
/// assert_eq!(m[0].modifier.map(|m| m.as_str()), Some("BEFORE"));
/// ```
pub fn extract(doc: &Document) -> Vec<Mention> {
    Extractor::default().extract(doc)
}

/// What one sentence says besides its dates (kinds, places, figures), with the default
/// options: see [`Extractor::describe`].
pub fn describe(sentence: &str) -> Description {
    Extractor::default().describe(sentence)
}

/// The timeline of a document from its tokens, sentences and mentions, all of the whole
/// text, in Russian: the event stage alone, for the benches.
#[doc(hidden)]
pub fn timeline(
    text: &str,
    doc: Option<&str>,
    tokens: &Tokens,
    sentences: &[Sentence],
    mentions: &[Mention],
) -> Timeline {
    let mut document = Document::new(Published::date(NaiveDate::default()), text);
    if let Some(id) = doc {
        document = document.with_id(id);
    }
    let mut builder = Builder::new(&Lang::Ru.table().events, &document);
    builder.piece(&Piece {
        text,
        offset: 0,
        tokens,
        sentences,
        first_sentence: 0,
        mentions,
        first_mention: 0,
        tables: &[],
    });
    builder.finish()
}

/// Mentions and timeline of a document, with the default options.
pub fn analyze(doc: &Document) -> Analysis {
    Extractor::default().analyze(doc)
}

/// The characters in UTF-8 bytes: the bytes that are not continuation bytes (`10xxxxxx`),
/// counted eight at a time.
fn count_chars(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut chunks = bytes.chunks_exact(8);
    let mut continuation = 0;
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let w = u64::from_le_bytes(word);
        // A continuation byte has its top bit set and the next one clear.
        continuation += (w & !(w << 1) & HIGH).count_ones() as usize;
    }
    let rest = chunks.remainder();
    continuation += rest.iter().filter(|&&b| (b & 0xc0) == 0x80).count();
    bytes.len() - continuation
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_read_as_the_whole_text() {
        let text = "Карантин ввели 16 марта.\n\n- Накануне, 15 марта, выявили 9 случаев\n \nНа следующий день                     ввели режим.\r\n\r\nВ понедельник продлят.\n\n\n«Сейчас» 20:00.";
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap_or_default(), text);
        let e = Extractor::default();
        let (mut whole, mut cut) = (Vec::new(), Vec::new());
        let a = e.read_in(&doc, e.reading(&doc), PIECE, |p| whole.extend_from_slice(p.sentences));
        let b = e.read_in(&doc, e.reading(&doc), 1, |p| cut.extend_from_slice(p.sentences));
        assert_eq!(a, b);
        assert!(a.len() >= 5, "{a:?}");
        let spans = |s: &[Sentence]| s.iter().map(|s| (s.span.clone(), s.paragraph)).collect::<Vec<_>>();
        assert_eq!(spans(&whole), spans(&cut));
        for s in ["", "a", "аб", "ж😀ж", "abcdefgh", "абвгдежзий", "x\u{7f}\u{80}\u{7ff}\u{800}\u{ffff}\u{10000}"]
        {
            assert_eq!(count_chars(s.as_bytes()), s.chars().count(), "{s:?}");
        }
        for m in &a {
            assert_eq!(m.chars().start, text[..m.span().start].chars().count());
            assert_eq!(m.chars().end, text[..m.span().end].chars().count());
        }
    }

    /// A Russian sentence of a Kazakh article is read in Russian, dates, kinds, places and
    /// figures; the others in Kazakh; each mention says its language.
    #[cfg(feature = "kk")]
    #[test]
    fn each_sentence_is_read_with_its_language() {
        let text = "Кеше Оралда коронавирус жұқтырған тағы 3 адам анықталды.\n\n\
                    «Вчера в Уральске закрыли все школы», — сообщили в акимате.";
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 4, 3).unwrap_or_default(), text);
        let a = Extractor::default().analyze(&doc);
        assert_eq!(a.lang, Lang::Kk);
        let langs: Vec<Lang> = a.mentions.iter().map(|m| m.lang).collect();
        assert_eq!(langs, [Lang::Kk, Lang::Ru]);
        let events = a.timeline.events();
        assert_eq!(events.len(), 2, "{events:?}");
        let kinds: Vec<Vec<crate::EventKind>> = events.iter().map(|e| e.kinds.to_vec()).collect();
        assert!(kinds.contains(&vec![crate::EventKind::Cases]), "{kinds:?}");
        assert!(kinds.contains(&vec![crate::EventKind::SchoolClosing]), "{kinds:?}");
        for e in events {
            assert_eq!(e.places.iter().map(|p| &*p.name).collect::<Vec<_>>(), ["Уральск"], "{e:?}");
        }
        // Fixed to Kazakh, every sentence is read in Kazakh: the Russian one has no date.
        let fixed = Extractor::default().with_lang(Lang::Kk).analyze(&doc);
        assert_eq!(fixed.mentions.iter().map(|m| m.lang).collect::<Vec<_>>(), [Lang::Kk]);
    }

    #[test]
    fn events_read_in_pieces_are_the_events_of_the_whole_text() {
        let text = "Карантин ввели 16 марта. Все они закрыты.\n\nВ Алматы 15 марта выявили 9 случаев. Из них двое детей.\n\nШколы закрыли на карантин.\n\nВ понедельник режим продлят до 15 апреля.";
        let doc = Document::new(NaiveDate::from_ymd_opt(2020, 3, 20).unwrap_or_default(), text).with_id("d");
        let e = Extractor::default();
        let (whole, cut) = (e.analyze_in(&doc, PIECE), e.analyze_in(&doc, 1));
        assert_eq!(whole, cut);
        assert!(whole.timeline.len() >= 3, "{:?}", whole.timeline);
        // The continuations fold into their events as evidence.
        assert!(whole.timeline.iter().any(|e| e.evidence.len() == 2));
        assert_eq!(whole.timeline.undated().len(), 1);
    }
}
