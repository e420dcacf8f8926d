//! From sentences and mentions to events: happenings with their evidence.
//!
//! **Dated sentences.** In each sentence every calendar mention is an event, except that
//! - a start (no mod, or `с`) followed by an end bound (`до`, `по`) of a later day makes one
//!   interval event (`начал действовать 16 марта и продлится до 15 апреля`);
//! - mentions of the same value, and a list of days (`9, 10 и 11 апреля`: days of one month
//!   one after the other, with only punctuation or one short word between them), are one
//!   event; a clock time on the day of a date in the same sentence refines that event;
//! - a comparison reference (`по сравнению с маем`, `чем в прошлом году`) and a dateline
//!   (`АЛМАТЫ, 5 апреля. /КазТАГ/.`) date nothing, and page furniture (timestamps, bylines,
//!   view counters) is no event at all;
//! - durations, sets and `PRESENT_REF`-style values date nothing.
//!
//! A sentence with two happenings on different dates gives two events; each reads its own
//! clause (from the punctuation after the date before it to the punctuation after its own
//! date) for its places and figures, and for its kinds when the clause names one.
//!
//! **Undated sentences.** A sentence with no date of its own that directly follows a dated
//! sentence (or a sentence already joined to it) in the same paragraph, and does not refuse
//! inheritance, goes on with the latest event:
//! 1. it *continues* the happening and folds into that event (its span joins the event's
//!    `evidence`, its places and figures join the event's, marked with their sentence) when
//!    it opens with a connective or anaphoric phrase (`Все они`, `Из них`, `При этом`), refers
//!    back (`это решение`, `об этом`), or reports a kind the event has;
//! 2. after a decree (a state of emergency or a quarantine), a sentence that names a measure
//!    folds in too, its kinds listed as the decree's `measures` (or, for the listed points of
//!    a decree, as its kinds);
//! 3. a sentence that reports a measure of its own (a policy kind the event does not have)
//!    becomes its own *inherited* event, dated by the event before it.
//!
//! No date is lent across a retrospective connective (`ранее`, `до этого`), to an aggregate
//! over the whole epidemic (`с начала пандемии`), to a conditional or hypothetical clause, or
//! across a paragraph break (unless the sentence opens with the time of the event before:
//! `За тот же период ...`). Any other undated sentence, and everything after it until the
//! next date, stays undated and is kept in [`Timeline::undated`](crate::Timeline::undated):
//! nothing the article says is thrown away.
//!
//! **Restatements.** When the document is read, events of one date and mod with the same
//! kinds (not `other`) whose places and figures agree (the headline and the body sentence
//! that say the same thing) become one event with the evidence of both.
//!
//! **Context places.** When the document is read, a place an evidence gives by anaphora
//! (`в республике`, `по области`) resolves to the article's place of that level, and an event
//! that still has no place takes the place the whole article is about: the country of a
//! national story, the region (or the city) of a local one, none for an article about several
//! regions or countries (see `article_place_of`). Both are marked [`Place::context`]. An
//! event that names its own places keeps them and gets none (a city of the region does not
//! add the region: the reader locates the happening by the city).
//!
//! The builder reads the document's tokens and sentences as the pipeline made them (nothing
//! is tokenized again), walks the sentences once in text order, and computes each
//! sentence's character offsets with one forward cursor; the document's id is stored once
//! and shared by every event. Limits: the rule looks one sentence back at a time, so a
//! digression breaks the chain.

use super::figures::Count;
use super::kinds::discourse::Discourse;
use super::kinds::{Cues, EventKind, Reading};
use super::places::anaphora::{anaphora, Anaphor, Anaphors};
use super::places::gazetteer::{self, Gazetteer};
use super::places::{places_with, PlaceKind, PlaceMatch};
use super::{describe_in, describe_kinds_if, describe_rest, Description, Event, EventTables, Shared, Source, Span};
use super::{CueWords, Figure, Indices, Kinds, List, Place, Sentences};
use crate::document::Document;
use crate::mention::{Anchor, Mention, Mod, TimexType};
use crate::text::Excerpt;
use crate::text::{Gap, Sentence, Token, Tokens};
use crate::timeline::Timeline;
use crate::value::{window_ending, Value};
use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::Arc;

/// A sentence with no date of its own that no dated event took in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undated {
    /// The sentence in the document text (bytes and characters).
    pub sentence: Span,
    /// The sentence's text (shared with the document's other sentences, see [`Excerpt`]).
    pub text: Excerpt,
    /// The document's id, when it has one (the same shared id as its events' sources); JSON
    /// writes it as a plain string, and no key when there is none.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "super::shared_id")]
    pub doc: Option<Arc<str>>,
}

/// One piece of a document as the pipeline reads it: its text and tokens, and the sentences
/// and mentions in it. A long text is read in pieces that end at a paragraph break (see
/// `Extractor`), so that its tokens are held one piece at a time.
pub(crate) struct Piece<'p> {
    /// The piece's text.
    pub(crate) text: &'p str,
    /// Byte offset of the piece in the document text.
    pub(crate) offset: usize,
    /// The piece's tokens (offsets into `text`).
    pub(crate) tokens: &'p Tokens,
    /// Its sentences: spans in the document text, token ranges into `tokens`.
    pub(crate) sentences: &'p [Sentence],
    /// Index of its first sentence in the document.
    pub(crate) first_sentence: usize,
    /// Its mentions (spans in the document text, sentences numbered in the document).
    pub(crate) mentions: &'p [Mention],
    /// Index of its first mention in the document's mention list.
    pub(crate) first_mention: usize,
    /// The event tables of each of its sentences, when its sentences are not all in the
    /// document's language (a Russian quote in a Kazakh article); empty: every sentence is
    /// read with the builder's tables.
    pub(crate) tables: &'p [&'static EventTables],
}

/// Builds a document's timeline piece by piece, in text order: the events in chronological
/// order and the undated sentences in text order. A chain of continuations never crosses a
/// piece, since it never crosses a paragraph.
pub(crate) struct Builder<'a> {
    tables: &'a EventTables,
    doc: Option<Arc<str>>,
    /// The buffer the sentences' text is shared from, and where the document text starts in it.
    shared: (Arc<str>, usize),
    /// The day the document was published: where a report's window ends.
    published: NaiveDate,
    chars: CharCursor<'a>,
    events: Vec<Event>,
    undated: Vec<Undated>,
    sentences: Sentences,
    /// The events one sentence made, reused from sentence to sentence.
    made: Vec<(usize, Range<usize>)>,
    /// The document's first sentence when it is a line of its own (a headline), and
    /// whether that is still open to tell.
    headline: (Option<Span>, bool),
    /// The kinds each dated or inherited event's sentence gave, and whether only generic cues
    /// gave it: (that sentence's first byte, kind, generic), in text order.
    generic: Vec<(usize, EventKind, bool)>,
    /// The sentence that may be the headline: the first, unless page furniture or a rubric
    /// (a line of one word) comes before it.
    headline_at: usize,
    /// The places an event's evidence names by anaphora (`в республике`): the event, its
    /// evidence sentence, the levels; resolved when the document is read.
    anaphora: Vec<(usize, usize, Anaphors)>,
    /// The places the document names (datelines included), counted, in order of first mention.
    named: Vec<(Place, usize)>,
    /// The places its first sentence names (read whether or not it is dated): a headline's
    /// say what the article is about.
    lead: Vec<Place>,
    /// The places its datelines name, once per dateline: where the story was reported from.
    reported: Vec<Place>,
    /// The countries whose demonyms (`казахстанцы`) the document names, with how often, read
    /// while it names no place: an article of demonyms only is about their country.
    demonyms: Vec<(&'static str, usize)>,
    /// The latest decree (a state of emergency or a quarantine) among the events.
    decree: Option<usize>,
    /// Each event's word signature (see [`signature`]), by index: what restatements compare.
    /// Only an event with a kind besides `other` is compared: the signature of one with none
    /// waits, with its sentence's tokens, until the end of its piece (a sentence after it
    /// may still tell its kind), and is read then only if it has one.
    signatures: Vec<Signature>,
    /// The events of the piece being read whose signature waits, with their tokens.
    unsigned: Vec<(usize, Range<usize>)>,
    /// The description of the sentence being read, empty between sentences: its lists keep
    /// their room from sentence to sentence, and an event takes lists of just its length.
    scratch: Description,
}

/// One sentence as the builder reads it: the piece's text and tokens, the sentence's token
/// range, span and text, its discourse classes and the buffer its text is shared from.
struct At<'s> {
    tables: &'s EventTables,
    talk: &'s Discourse,
    shared: &'s Shared<'s>,
    text: &'s str,
    tokens: &'s Tokens,
    range: Range<usize>,
    span: &'s Span,
    sentence_text: &'s str,
    /// The byte spans (in `text`) of the sentence's temporal expressions.
    dates: &'s [Range<usize>],
}

/// Tokens (words and punctuation) of a sentence short enough to be page furniture wherever it
/// stands (a timestamp, a byline, `Просмотров: 1 520`).
const SHORT_SENTENCE_TOKENS: usize = 16;

/// What an undated sentence does with the event before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Follow {
    /// It continues the happening: its evidence, places and figures join the event.
    Continues,
    /// It names a measure under a decree: it joins the event, its kinds as measures.
    Measure,
    /// It is a listed point of a decree: it joins the event, its kinds as the decree's.
    Point,
    /// It reports a measure of its own: a new event with the same date.
    Own,
}

/// Bytes of text per event, per undated sentence and per sentence, about the fewest news
/// gives (a 10 MB file of news has one event in 176 bytes, one undated sentence in 312 and
/// one sentence in 113): the builder reserves its lists from the text's length, so that a
/// long document's lists are not moved as they grow, each move leaving the old block behind
/// in the heap (the room not written to is not memory the process holds; the lists a
/// timeline keeps give back what they do not fill when the document is read).
const BYTES_PER_EVENT: usize = 128;
const BYTES_PER_UNDATED: usize = 256;
const BYTES_PER_SENTENCE: usize = 96;

impl<'a> Builder<'a> {
    /// A builder for the document `doc` (its whole text), reading events with a language's
    /// `tables`. The events share the document's buffer when it has one
    /// ([`Document::with_shared_text`]); otherwise the text is copied once, into one buffer
    /// the events and undated sentences share.
    pub(crate) fn new(tables: &'a EventTables, doc: &Document<'a>) -> Self {
        let text = doc.text();
        let shared = match doc.shared_text() {
            Some((buf, at)) => (Arc::clone(buf), at),
            None => (Arc::from(text), 0),
        };
        let buffers = BUFFERS.with(std::cell::Cell::take);
        Builder {
            tables,
            doc: doc.shared_id().cloned(),
            shared,
            published: doc.published().day(),
            chars: CharCursor::new(text),
            events: Vec::with_capacity(text.len() / BYTES_PER_EVENT),
            undated: Vec::with_capacity(text.len() / BYTES_PER_UNDATED),
            sentences: Sentences::with_capacity(text.len() / BYTES_PER_SENTENCE),
            made: buffers.0,
            headline: (None, true),
            headline_at: 0,
            generic: Vec::new(),
            anaphora: Vec::new(),
            named: Vec::new(),
            lead: Vec::new(),
            reported: Vec::new(),
            demonyms: Vec::new(),
            decree: None,
            signatures: Vec::with_capacity(text.len() / BYTES_PER_EVENT),
            unsigned: buffers.1,
            scratch: buffers.2,
        }
    }

    /// Reads the events of one piece (pieces in text order).
    pub(crate) fn piece(&mut self, p: &Piece<'_>) {
        let (text, tokens, mentions) = (p.text, p.tokens, p.mentions);
        self.sentences.reserve(p.sentences.len());
        // One text and its tokens until the end of the piece: a sentence read for its
        // discourse classes is not read again for its kinds.
        let _reading = Reading::open();
        let (buf, at) = (Arc::clone(&self.shared.0), self.shared.1);
        let shared = Shared { buf: &buf, base: at + p.offset };
        // The latest event, while the chain of continuations holds, and its paragraph.
        let mut chain: Option<usize> = None;
        let mut previous_paragraph = usize::MAX;
        // The latest event of a period (an interval: `за сутки`), for a sentence that names the
        // period of an event before (`За тот же период ...`) past an event of one day.
        let mut latest_period: Option<usize> = None;
        // The sentence (local index) the latest period's chain last reached.
        let mut latest_period_at = 0usize;
        let mut m = 0;
        // Whether the sentences before left a quotation open, read only when a sentence asks.
        let mut quotes = Quotes { sentences: p.sentences, text, tokens, next: 0, open: false, paragraph: usize::MAX };
        // The byte spans (in `text`) of the sentence's temporal expressions.
        let mut expressions: Vec<Range<usize>> = Vec::new();
        for (local, sentence) in p.sentences.iter().enumerate() {
            if let Some(c) = chain.filter(|&c| self.events.get(c).is_some_and(of_a_period)) {
                latest_period = Some(c);
                latest_period_at = local;
            }
            // The tables of the sentence's language.
            let tables: &EventTables = p.tables.get(local).copied().unwrap_or(self.tables);
            let cues: &Cues = tables.cues;
            let index = p.first_sentence + local;
            let local_span = sentence.span.start.saturating_sub(p.offset)..sentence.span.end.saturating_sub(p.offset);
            let sentence_text = text.get(local_span.clone()).unwrap_or("");
            let excerpt = || {
                Excerpt::shared(&buf, at + sentence.span.start..at + sentence.span.end)
                    .unwrap_or_else(|| Excerpt::from(sentence_text))
            };
            let span = Span {
                chars: self.chars.at(sentence.span.start)..self.chars.at(sentence.span.end),
                bytes: sentence.span.clone(),
            };
            self.sentences.push(&span);
            if self.headline.1 {
                // A rubric's line (`Общество`, `Главное › Общество`, `Новости / Регионы`): one
                // word, or a breadcrumb of a few.
                let rubric = || {
                    let range = sentence.tokens.clone();
                    let words = tokens.as_slice().get(range.clone()).unwrap_or(&[]);
                    let count = words.iter().filter(|t| t.kind == crate::text::TokenKind::Word).count();
                    let crumb = range.into_iter().any(|i| {
                        tokens.get(i).is_some_and(|t| t.kind == crate::text::TokenKind::Punct)
                            && matches!(tokens.norm(i), "›" | ">" | "/" | "|" | "→")
                    });
                    count <= 1 || (count <= 4 && crumb)
                };
                match &self.headline.0 {
                    // A rubric's line stands before the headline.
                    None if index == self.headline_at && rubric() => self.headline_at += 1,
                    None if index == self.headline_at => self.headline.0 = Some(span.clone()),
                    Some(_) => {
                        // The first sentence is a headline when it is a paragraph of its own, or
                        // the text's first line without a full stop (`Карантин продлили` and
                        // a line break): the second starts a new line.
                        let new_paragraph =
                            p.sentences.get(local.wrapping_sub(1)).is_some_and(|s| s.paragraph != sentence.paragraph);
                        let new_line = tokens.get(sentence.tokens.start).is_some_and(|t| t.gap >= Gap::Newline);
                        let full_stop = self.headline.0.as_ref().is_some_and(|h| {
                            text.get(h.bytes.start.saturating_sub(p.offset)..h.bytes.end.saturating_sub(p.offset))
                                .is_some_and(|s| s.ends_with('.'))
                        });
                        if !(new_paragraph || (new_line && !full_stop)) {
                            self.headline.0 = None;
                        }
                        self.headline.1 = false;
                    }
                    None => self.headline.1 = false,
                }
            }
            if index == self.headline_at {
                let names = places_with(tables.gazetteer, text, tokens, sentence.tokens.clone());
                self.lead = names.iter().map(named_place).collect();
            }
            if self.named.is_empty() {
                count_demonyms(&mut self.demonyms, tables.gazetteer, tokens, sentence.tokens.clone());
            }
            let first = m;
            while m < mentions.len() && mentions[m].sentence() == index {
                m += 1;
            }
            let range = sentence.tokens.clone();
            // A count over a duration after `за` (`За неделю привились 21 400 человек`) is
            // dated by the window that ends at publication.
            let windows = report_windows(&mentions[first..m], cues, tokens, range.clone(), p.offset, self.published);
            let own: &[Mention] = windows.as_deref().unwrap_or(&mentions[first..m]);
            expressions.clear();
            expressions.extend(
                own.iter().map(|m| m.span().start.saturating_sub(p.offset)..m.span().end.saturating_sub(p.offset)),
            );
            // One reading of the sentence for its discourse classes, when any of them can
            // matter: it has a date (furniture, datelines), or an event before it may take it.
            let live = chain.is_some() && sentence.paragraph == previous_paragraph;
            // The chain's paragraph is over: the sentence may still open with its time.
            let across = chain.is_some() && !live;
            let dates = own.iter().any(|m| m.value.is_calendar());
            let (starts_point, colon) = if self.decree.is_some() {
                point_marks(sentence_text, text, tokens, range.clone())
            } else {
                (false, false)
            };
            let point = starts_point || colon;
            // The chain ended a sentence or two before, on an event of a period that a sentence
            // naming it (`За тот же период ...`) may resume.
            let resumable = chain.is_none()
                && latest_period.is_some()
                && local.saturating_sub(latest_period_at) <= PERIOD_RESUME_REACH;
            if !(dates || live || point || across || resumable) {
                chain = None;
                self.undated.push(Undated { sentence: span, text: excerpt(), doc: self.doc.clone() });
                continue;
            }
            let opens_paragraph =
                local.checked_sub(1).and_then(|i| p.sentences.get(i)).is_none_or(|s| s.paragraph != sentence.paragraph);
            // A dated sentence inside a line of running text is neither furniture nor a
            // dateline (those stand at a line's start, or are short): nothing to read for.
            let opens_line = opens_paragraph
                || tokens.get(range.start).is_some_and(|t| matches!(t.gap, Gap::Newline | Gap::Paragraph));
            let short = range.len() <= SHORT_SENTENCE_TOKENS;
            let talk = if live || point || opens_line || short || resumable {
                cues.discourse_of(text, tokens, range.clone(), opens_line)
            } else {
                Discourse::default()
            };
            // A condition (`Если ситуация не улучшится, ...`): what it dates may happen.
            if talk.furniture || (dates && cues.is_conditional(text, tokens, range.clone())) {
                // Page furniture before the headline (`Обновлено: 20 октября 2021, 11:40`) is
                // none: the next line may be.
                if talk.furniture && self.headline.1 && self.headline.0.as_ref() == Some(&span) {
                    self.headline.0 = None;
                    self.headline_at = index + 1;
                }
                chain = None;
                self.undated.push(Undated { sentence: span, text: excerpt(), doc: self.doc.clone() });
                continue;
            }
            // A dateline's date and a comparison reference date nothing.
            let dateline = talk.dateline.clone();
            if let Some(d) = &dateline {
                let names = places_with(tables.gazetteer, text, tokens, d.clone());
                for p in names {
                    let place = named_place(&p);
                    count_places(&mut self.named, std::slice::from_ref(&place));
                    self.reported.push(place);
                }
            }
            // `Постановление действует до 3 января.`: the bound of the latest decree (or of the
            // measure the chain is on), which the sentence restates: one more evidence of it.
            if talk.validity {
                let measure = |e: &usize| self.events.get(*e).is_some_and(|ev| ev.kinds.iter().any(|k| is_measure(*k)));
                let bounds = |m: &&Mention| m.value.is_calendar();
                let only_bounds =
                    own.iter().filter(bounds).all(|m| matches!(m.modifier, Some(Mod::Before | Mod::OnOrBefore)));
                let target = self.decree.or(chain.filter(measure));
                if let (Some(e), true, Some(k)) = (target, only_bounds, own.iter().position(|m| bounds(&m))) {
                    let mut d = describe_in(tables, &shared, text, tokens, range.clone(), &expressions);
                    if let Some(event) = self.events.get_mut(e) {
                        let bound = &own[k];
                        if event.modifier == Some(Mod::OnOrAfter) && ends_after(&event.when, &bound.value) {
                            event.when = Value::interval(event.when.clone(), bound.value.clone());
                            event.modifier = None;
                        }
                        event.mentions.push(u32::try_from(p.first_mention + first + k).unwrap_or(u32::MAX));
                        fold(event, &span, &mut d, Follow::Continues);
                        chain = Some(e);
                        previous_paragraph = sentence.paragraph;
                        continue;
                    }
                }
            }
            // `Об этом он сообщил в четверг.`: a report of the event before, dated by the
            // report, is one more evidence of it (what it reports is that event; the words of
            // the report, `в обращении к народу`, give it no kind).
            if talk.reports_back && live {
                if let Some(e) = chain.filter(|&c| self.events.get(c).is_some_and(has_kind)) {
                    let mut d = describe_in(tables, &shared, text, tokens, range.clone(), &expressions);
                    d.kinds.clear();
                    d.cues.clear();
                    d.exempted.clear();
                    if let Some(event) = self.events.get_mut(e) {
                        fold(event, &span, &mut d, Follow::Continues);
                    }
                    previous_paragraph = sentence.paragraph;
                    continue;
                }
            }
            // A clock time with no day written, in a chain, schedules the event before it
            // (`Рынки работают с 06:00 до 21:00.`): the sentence goes on with that event.
            // The listed points of a decree (`1) ...`, `Согласно постановлению: ...`) belong to
            // the latest decree, also across a paragraph break.
            // A document of no kind yet whose content the sentence presents (`... подписал
            // постановление ... с 9 августа. Документом предусмотрено:`) is the decree its
            // listed points go to: their kinds become its kinds.
            // So is a document of any kind the chain is on, in the same paragraph or across a
            // paragraph break (`... подписал указ, согласно которому с 30 октября школьники ...`
            // then `Кроме того, указом предусмотрено:` and its points).
            if talk.content && chain.is_some() {
                self.decree = chain;
            }
            let listed = self.decree.filter(|_| talk.content || starts_point);
            let chained = (chain.is_some() && sentence.paragraph == previous_paragraph) || listed.is_some();
            // Where a comparison phrase can start in the sentence, asked once for all its mentions.
            let compare_from = std::cell::OnceCell::new();
            let calendar_dates = own.iter().filter(|m| m.value.is_calendar()).count();
            let first_rumour = std::cell::OnceCell::new();
            // Where the sentence closes a quotation opened before it (`Но работать он должен
            // безопасно», — подчеркнул врач на брифинге в четверг`): a date after that dates the
            // saying; and whether the sentence names no kind (asked only then).
            let quote_closed_at = if own.is_empty() {
                None
            } else {
                has_closing_mark(text, tokens, range.clone())
                    .then(|| quote_closer(sentence_text))
                    .flatten()
                    .filter(|_| quotes.open_before(local))
                    .map(|k| local_span.start + k)
            };
            let no_kind = std::cell::OnceCell::new();
            let names_no_kind = || {
                *no_kind.get_or_init(|| {
                    let mut d = Description::default();
                    describe_kinds_if(cues, &shared, text, tokens, range.clone(), &mut d, |_| false);
                    d.kinds.is_empty()
                })
            };
            // Whether a date of the sentence is a comparison reference.
            let compared = std::cell::Cell::new(false);
            // Whether the event before counts something (what an elliptic comparison opening
            // the sentence compares with).
            let counted_before = chain.and_then(|c| self.events.get(c)).is_some_and(|e| !e.figures.is_empty());
            // The time of the measure the chain is on, when it is one (its first and last day,
            // and whether it is open after its first).
            let measure_time = chain
                .filter(|_| live)
                .and_then(|c| self.events.get(c))
                .filter(|e| e.kinds.iter().any(|k| is_measure(*k)))
                .map(|e| (e.when.first_day(), e.when.last_day(), e.modifier == Some(Mod::OnOrAfter)));
            // What the latest events count (the last few that have figures), for a sentence that
            // opens with a time counted back.
            let kinds_before: Vec<EventKind> = if talk.looks_back && counted_before {
                let counted = self.events.iter().rev().take(LOOK_BACK_EVENTS).filter(|e| !e.figures.is_empty());
                counted.flat_map(|e| e.kinds.iter().copied()).collect()
            } else {
                Vec::new()
            };
            // Whether the sentence counts in figures what the event before counts, and nothing
            // else (`Днём ранее скончались 5 человек` after a count of cases is news of its own).
            let looks_back_statistic = || {
                let all = tokens.as_slice().get(range.clone()).unwrap_or(&[]);
                all.iter().any(|t| t.kind == crate::text::TokenKind::Number) && {
                    // Its figures count too (`прирост не превышал 250 случаев` is cases).
                    let d = describe_in(tables, &shared, text, tokens, range.clone(), &expressions);
                    !d.kinds.is_empty() && d.kinds.iter().all(|k| kinds_before.contains(k))
                }
            };
            // A window counted back from publication (`в течение последних шести месяцев`).
            let window = |m: &Mention| m.anchor == Anchor::Publication && matches!(m.value, Value::Interval(..));
            let is_clock = |m: &Mention| {
                matches!(m.value, Value::Time { .. })
                    || matches!(&m.value, Value::Interval(a, _) if matches!(**a, Value::Time { .. }))
            };
            let only_clocks = own.iter().all(|m| is_clock(m) && m.anchor != Anchor::Absolute);
            let dating = |k: usize| {
                let mention = &own[k];
                let clock = is_clock(mention);
                // A time of day alone, in a sentence that names no kind (`Люди стояли в очереди с
                // 6 утра`), is a detail of the story, no happening of its own.
                if only_clocks && names_no_kind() {
                    return false;
                }
                if chained && clock && mention.anchor != Anchor::Absolute {
                    // Only digits and short words (prepositions): no day is written.
                    let written = text.get(
                        mention.span().start.saturating_sub(p.offset)..mention.span().end.saturating_sub(p.offset),
                    );
                    let no_day = written
                        .is_some_and(|w| w.split(|c: char| !c.is_alphabetic()).all(|word| word.chars().count() <= 3));
                    if no_day {
                        return false;
                    }
                }
                // Weekends with no day written in a decree's listed point (`3) ограничение
                // работы транспорта в выходные дни;`) are when the measure applies, not a date.
                // So are they beside another date (`С 13 января торговые центры работают в
                // выходные дни`): when the measure dated by that date applies.
                // (Another date, not the weekend's own days: `В эти выходные, 31 июля и 1
                // августа, ...` is the weekend.)
                let beside_a_date = || {
                    let (sat, sun) = (mention.value.first_day(), mention.value.last_day());
                    own.iter().any(|m| {
                        m.value.is_calendar()
                            && !matches!(m.value, Value::Weekend { .. })
                            && !(m.value.first_day() >= sat && m.value.last_day() <= sun)
                    })
                };
                // So are they in a sentence that goes on with a measure in force on that weekend
                // (`С 7 августа торговые центры не работают по субботам и воскресеньям. Рынки
                // также закрываются в выходные дни.`).
                let within_the_measure = || {
                    let (sat, sun) = (mention.value.first_day(), mention.value.last_day());
                    // (Not the measure's own weekend: `на выходные закроют ...` and `В эти
                    // выходные, 31 июля и 1 августа, ...` restate it.)
                    measure_time.is_some_and(|(first, last, open)| {
                        first.is_some() && ((open && first <= sat) || (first < sat && sun.is_some() && last >= sun))
                    })
                };
                // So is a weekday in a listed point (`— в субботу и воскресенье приостанавливается
                // работа рынков;`): the days of the week the measure holds on.
                let weekday_in_point =
                    listed.is_some() && mention.modifier.is_none() && matches!(mention.value, Value::Day(_));
                if (matches!(mention.value, Value::Weekend { .. })
                    && (listed.is_some() || beside_a_date() || within_the_measure()))
                    || weekday_in_point
                {
                    let written = text.get(
                        mention.span().start.saturating_sub(p.offset)..mention.span().end.saturating_sub(p.offset),
                    );
                    if written.is_some_and(|w| !w.contains(|c: char| c.is_ascii_digit())) {
                        return false;
                    }
                }
                let at = token_at(tokens, range.clone(), mention.span().start.saturating_sub(p.offset));
                // `..., сообщили в пятницу в акимате`: the day the news was told, beside its own
                // date; `слухи о том, что школы закроют в октябре`: what a rumour claims.
                let reported = calendar_dates > 1 && cues.reported_at(tokens, range.clone(), at);
                let claimed =
                    first_rumour.get_or_init(|| cues.first_rumour(text, tokens, range.clone())).is_some_and(|r| r < at);
                let elliptic = elliptic_comparison(own, k, tokens, range.clone(), p.offset)
                    || elliptic_opening(mention, tokens, range.clone(), p.offset, counted_before);
                // After an event that counts something, a sentence that opens with a time counted
                // back and counts the same (`Неделей ранее суточный прирост превышал 300
                // случаев.`) is the figure the event is compared with.
                if at == range.start && talk.looks_back && counted_before && looks_back_statistic() {
                    compared.set(true);
                    return false;
                }
                let qualifies = (window(mention) && cues.defines_group(tokens, range.clone(), at))
                    || cues.in_group_clause(tokens, range.clone(), at);
                let said = quote_closed_at.is_some_and(|q| mention.span().start.saturating_sub(p.offset) > q)
                    && names_no_kind();
                let set_off = dateline.as_ref().is_some_and(|d| d.contains(&at))
                    || reported
                    || claimed
                    || qualifies
                    || elliptic
                    || said;
                if set_off {
                    return false;
                }
                let compares = cues.comparison_in_from(
                    *compare_from.get_or_init(|| cues.comparison_from(text, tokens, range.clone())),
                    text,
                    tokens,
                    range.clone(),
                    at,
                );
                compared.set(compared.get() || compares);
                !compares
            };
            let start = self.events.len();
            // A dated back-reference's event, when the chain goes on with the one it points to.
            let mut back_to = None;
            let mut made = std::mem::take(&mut self.made);
            dated(
                &mut self.events,
                &mut made,
                (own, p.first_mention + first),
                (&span, sentence_text, &excerpt),
                dating,
                |a: usize, b: usize, plain: bool| {
                    let token = |x: usize| {
                        token_at(tokens, range.clone(), x.saturating_sub(p.offset)).clamp(range.start, range.end)
                    };
                    cues.contrast_between(tokens, token(a)..token(b))
                        || (plain && cues.extension_in(tokens, range.start..token(b)))
                },
            );
            let dated = &made;
            if dated.len() > 1 {
                // Two happenings: each event reads its own clause, from the punctuation after
                // the date before it (the sentence's start for the first) to the punctuation
                // after its own date; a clause that names no kind takes the sentence's.
                let mut d = Description::default();
                describe_kinds_if(cues, &shared, text, tokens, range.clone(), &mut d, |_| true);
                let token = |b: usize| {
                    token_at(tokens, range.clone(), b.saturating_sub(p.offset)).clamp(range.start, range.end)
                };
                let cuts: Vec<usize> = dated
                    .windows(2)
                    .map(|w| {
                        let (after, next) = (token(w[0].1.end), token(w[1].1.start));
                        (after..next)
                            .find(|&i| tokens.get(i).is_some_and(|t| t.kind == crate::text::TokenKind::Punct))
                            .unwrap_or(next)
                    })
                    .collect();
                for (j, (e, _)) in dated.iter().enumerate() {
                    let from = if j == 0 { range.start } else { cuts[j - 1] };
                    let to = cuts.get(j).copied().unwrap_or(range.end).max(from);
                    let mut part = std::mem::take(&mut self.scratch);
                    describe_kinds_if(cues, &shared, text, tokens, from..to, &mut part, |_| true);
                    if part.kinds.is_empty() {
                        part.kinds.clone_from(&d.kinds);
                        part.cues.clone_from(&d.cues);
                        part.exempted.clone_from(&d.exempted);
                    }
                    describe_rest(tables, text, tokens, from..to, &mut part, &expressions);
                    note_kinds(&mut self.generic, span.bytes.start, &part);
                    if let Some(event) = self.events.get_mut(*e) {
                        fill_with(event, &mut part);
                    }
                    self.scratch = cleared(part);
                }
            } else if let Some((e, _)) = dated.first() {
                let e = *e;
                let mut d = std::mem::take(&mut self.scratch);
                describe_kinds_if(cues, &shared, text, tokens, range.clone(), &mut d, |_| true);
                // The figures stop at an elliptic comparison (`..., днём ранее — 231`).
                let figured = (0..own.len())
                    .find(|&k| elliptic_comparison(own, k, tokens, range.clone(), p.offset))
                    .and_then(|k| own.get(k))
                    .map_or(range.end, |m| {
                        token_at(tokens, range.clone(), m.span().start.saturating_sub(p.offset)).max(range.start)
                    });
                describe_rest(tables, text, tokens, range.start..figured, &mut d, &expressions);
                // `Такое решение принято 15 апреля.`: a dated back-reference that names no kind
                // has the kinds of the event it points to.
                // What follows goes on with the event pointed to.
                let pointed = chain
                    .filter(|_| talk.refers_back && live && d.kinds.is_empty())
                    .and_then(|c| Some((c, self.events.get(c)?)))
                    .filter(|(_, c)| has_kind(c))
                    .map(|(c, ev)| (c, ev.kinds));
                note_kinds(&mut self.generic, span.bytes.start, &d);
                if let Some(event) = self.events.get_mut(e) {
                    fill_with(event, &mut d);
                    if let Some((_, kinds)) = pointed {
                        event.kinds = kinds;
                    }
                }
                back_to = pointed.map(|(c, _)| c);
                self.scratch = cleared(d);
            }
            self.made = made;
            if self.events.len() > start {
                self.signatures.resize(self.events.len(), Signature::default());
                let mut sig = None;
                for e in start..self.events.len() {
                    if self.events.get(e).is_some_and(has_kind) {
                        let sig = *sig.get_or_insert_with(|| signature(tokens, range.clone()));
                        self.signatures[e] = sig;
                    } else {
                        self.unsigned.push((e, range.clone()));
                    }
                }
                let levels = anaphora(tables.gazetteer, text, tokens, range.clone());
                for e in start..self.events.len() {
                    if !levels.is_empty() {
                        self.anaphora.push((e, 0, levels));
                    }
                    if let Some(event) = self.events.get(e) {
                        count_places(&mut self.named, &event.places);
                    }
                }
                chain = Some(back_to.unwrap_or(self.events.len() - 1));
                previous_paragraph = sentence.paragraph;
                // (A back-reference is no new decree: the one it points to stays the latest.)
                if back_to.is_none() {
                    self.note_decrees(start);
                }
                continue;
            }
            // A sentence whose dates are only comparison references (`Для сравнения, днём
            // ранее ...`) is a statistic of its own, not more of the event before: it is left
            // out, and the chain goes on after it.
            if compared.get() {
                self.undated.push(Undated { sentence: span, text: excerpt(), doc: self.doc.clone() });
                continue;
            }
            // A sentence that opens with the time of the event before (`За тот же период ...`)
            // goes on with the chain across a paragraph break too.
            let live =
                chain.filter(|_| (sentence.paragraph == previous_paragraph || talk.same_time) && dateline.is_none());
            // ... and one that names the period of an event a sentence or two before it resumes
            // that event past the sentences between that went on with nothing (`Далее в
            // рейтинге ...`): the period it names is still the latest one.
            let live = live.or_else(|| latest_period.filter(|_| resumable && talk.same_period && dateline.is_none()));
            let of_the_period = |e: usize| match latest_period {
                Some(p) if talk.same_period && p < e && self.events.get(e).is_some_and(|ev| !of_a_period(ev)) => p,
                _ => e,
            };
            let followed = match live.map(of_the_period).or(listed) {
                Some(e) => {
                    let before = self.events.len();
                    let followed = self.follow(
                        e,
                        &At {
                            tables,
                            talk: &talk,
                            shared: &shared,
                            text,
                            tokens,
                            range: range.clone(),
                            span: &span,
                            sentence_text,
                            dates: &expressions,
                        },
                        excerpt,
                        // Whether a quotation a sentence before opened is still open here
                        // (within the paragraph of a live chain).
                        || chain.is_some() && quotes.open_before(local),
                    );
                    self.note_decrees(before);
                    if followed.is_some() {
                        previous_paragraph = sentence.paragraph;
                    }
                    followed
                }
                None => None,
            };
            match followed {
                Some(e) => chain = Some(e),
                None => {
                    chain = None;
                    self.undated.push(Undated { sentence: span, text: excerpt(), doc: self.doc.clone() });
                }
            }
        }
        // The events that a sentence after them gave a kind.
        for (e, range) in self.unsigned.drain(..) {
            if self.events.get(e).is_some_and(has_kind) {
                if let Some(sig) = self.signatures.get_mut(e) {
                    *sig = signature(tokens, range);
                }
            }
        }
    }

    /// Remembers the latest decree among the events from `from` on.
    fn note_decrees(&mut self, from: usize) {
        if let Some(i) = (from..self.events.len()).rev().find(|&i| self.events[i].kinds.iter().any(|k| is_decree(*k))) {
            self.decree = Some(i);
        }
    }

    /// Reads an undated sentence after event `e` of the chain: folds it into the event, or
    /// makes it an event of its own with the same date; returns the event the chain goes on
    /// with, or `None` when the sentence does not go on with it.
    fn follow(
        &mut self,
        e: usize,
        at: &At<'_>,
        excerpt: impl FnOnce() -> Excerpt,
        quote_open: impl FnOnce() -> bool,
    ) -> Option<usize> {
        let At { tables, talk, shared, text, tokens, span, sentence_text, dates, .. } = *at;
        let range = at.range.clone();
        let cues = tables.cues;
        if talk.refuses_inheritance {
            return None;
        }
        let before = self.events.get(e)?;
        let opening = cues.opening(text, tokens, range.clone());
        let opens = opening.is_some() || talk.refers_back;
        // `Все они`, `Это`, a back-reference: the same happening, whatever else it names.
        // ... and the next sentence of a quote the one before left open.
        let anaphoric = opening == Some(false) || talk.refers_back || quote_open();
        let decree = before.kinds.iter().any(|k| is_decree(*k)) || self.decree == Some(e);
        let known = before.kinds.iter().any(|k| *k != EventKind::Other);
        if !opens && !known && !decree {
            // Events of no kind but `other` share no kind with anything: only an opening
            // continues them, and the sentence is not read for nothing.
            return None;
        }
        let point = decree && (talk.content || point_marks(sentence_text, text, tokens, range.clone()).0);
        // The whole description: the kinds its figures carry (a count of recoveries) decide too.
        let mut d = std::mem::take(&mut self.scratch);
        describe_kinds_if(cues, shared, text, tokens, range.clone(), &mut d, |_| true);
        let range_copy = range.clone();
        describe_rest(tables, text, tokens, range, &mut d, dates);
        // `Из них 12 — дети.`: parts count what the count before them counts.
        if !before.figures.is_empty() {
            super::figures::take_outer(&before.figures, &mut d.figures);
        }
        let kinds = &d.kinds;
        // (An exception to the event's measure, `Исключение сделают для двух рейсов ...`, is
        // more of that measure.)
        // (Nor is what the measure leaves open, `Работу продолжат только аптеки`.)
        let shares = kinds.iter().chain(&d.exempted).any(|k| *k != EventKind::Other && before.kinds.contains(k))
            || (talk.leaves_open && before.kinds.iter().any(|k| is_measure(*k)));
        let new = |k: &EventKind| !before.kinds.contains(k) && !before.measures.contains(k);
        // A measure the event does not have yet, and a statistic of another kind.
        let measure = kinds.iter().any(|k| is_measure(*k)) && !kinds.iter().any(|k| !new(k));
        let statistic = kinds.iter().any(|k| is_statistic(*k)) && !shares;
        let only_other = before.kinds.iter().all(|k| *k == EventKind::Other);
        let quoted =
            sentence_text.trim_start().starts_with(['«', '“', '„', '"']) && !kinds.iter().any(|k| is_measure(*k));
        let follow = if point && kinds.iter().any(|k| *k != EventKind::Other && new(k)) {
            Follow::Point
        } else if point {
            // `Постановлением предусмотрено:`, a point of what the decree already says.
            Follow::Continues
        } else if talk.leaves_open && before.kinds.iter().any(|k| is_measure(*k)) {
            // What the measure leaves open, and to whom (`Билеты продадут только пассажирам с
            // ПЦР-тестом`): more of the measure, its conditions among its kinds.
            Follow::Point
        } else if decree && measure {
            Follow::Measure
        } else if (opens && only_other) || anaphoric {
            // `Все они ...`, `Это ...`: the happening goes on (after an event no cue named,
            // the sentence says what it was).
            Follow::Continues
        } else if quoted {
            // A quotation that opens after the event and names no measure is what someone
            // said (`«Ситуация остаётся напряжённой. Коечный фонд заполнен на 92%»`): no
            // statistic of the event's day, and no more of the event either.
            self.scratch = cleared(d);
            return None;
        } else if measure || statistic {
            Follow::Own
        } else if opens || shares {
            Follow::Continues
        } else {
            self.scratch = cleared(d);
            return None;
        };
        let levels = anaphora(tables.gazetteer, text, tokens, range_copy);
        // `По всей стране за тот же период зарегистрировано 1 645 случаев.` after a city's
        // count: the same statistic of the whole country, not more of the city's event.
        let wider = follow == Follow::Continues
            && d.places.is_empty()
            && !d.figures.is_empty()
            && !kinds.iter().any(|k| is_measure(*k))
            && levels.contains(Anaphor::Country)
            && !before.places.is_empty()
            && before.places.iter().all(|p| p.kind != PlaceKind::Country);
        // `Всего первым компонентом привиты более 780 тысяч жителей, это 64% ...` after a count
        // that is no total: the running total is a statistic of its own, not more of that
        // count.
        let total = |f: &Figure| f.count == Some(Count::Cumulative);
        let running_total = follow == Follow::Continues
            && !anaphoric
            && d.figures.iter().any(total)
            && d.figures.iter().all(|f| total(f) || f.what == super::figures::FigureWhat::Percent)
            && !before.figures.is_empty()
            && !before.figures.iter().any(total);
        if wider || running_total {
            self.scratch = cleared(d);
            return None;
        }
        count_places(&mut self.named, &d.places);
        if follow == Follow::Own {
            let (when, modifier) = (before.when.clone(), before.modifier);
            let mut own = Event::bare(when, modifier, span.clone(), excerpt());
            own.inherited = true;
            note_kinds(&mut self.generic, span.bytes.start, &d);
            fill_with(&mut own, &mut d);
            self.scratch = cleared(d);
            if !levels.is_empty() {
                self.anaphora.push((self.events.len(), 0, levels));
            }
            self.events.push(own);
            return Some(self.events.len() - 1);
        }
        let event = self.events.get_mut(e)?;
        if !levels.is_empty() && follow != Follow::Measure {
            // (An empty evidence is the event's one sentence.)
            self.anaphora.push((e, event.evidence.len().max(1), levels));
        }
        fold(event, span, &mut d, follow);
        self.scratch = cleared(d);
        Some(e)
    }

    /// The timeline of every piece read.
    pub(crate) fn finish(self) -> Timeline {
        self.finish_with_sentences().0
    }

    /// The timeline of every piece read, and the spans of every sentence, in text order.
    pub(crate) fn finish_with_sentences(mut self) -> (Timeline, Sentences) {
        // (Empty between sentences; the room is kept for the thread's next document.)
        let (mut made, mut unsigned) = (std::mem::take(&mut self.made), std::mem::take(&mut self.unsigned));
        made.clear();
        unsigned.clear();
        BUFFERS.with(|b| b.set((made, unsigned, cleared(std::mem::take(&mut self.scratch)))));
        let headline = self.headline.0.clone().filter(|_| !self.headline.1 || self.sentences.len() > 1);
        let mut events = self.events;
        resolve_anaphora(&mut events, &self.anaphora, &self.named, self.tables.gazetteer);
        let mut signatures = self.signatures;
        signatures.resize(events.len(), Signature::default());
        // Generic statistics yield within each event first (a headline's `в «красной» зоне ...
        // ужесточают ограничения` is the quarantine, not cases), so that restatements compare
        // what the events report; then every generic kind, in the events restatements joined
        // (a generic quarantine may still restate a headline's `ужесточают карантин`).
        yield_generic(&mut events, &self.generic, |k| !is_measure(k));
        let mut events = restatements(events, &signatures, headline.as_ref(), &self.doc);
        drop(signatures);
        yield_generic(&mut events, &self.generic, |_| true);
        if events.iter().any(|e| e.places.is_empty()) {
            let lead = if headline.is_some() { &self.lead[..] } else { &[] };
            let place = article_place_of(&self.named, lead, &self.reported, self.tables.gazetteer)
                .or_else(|| demonyms_country(&self.named, &self.demonyms, self.tables.gazetteer));
            if let Some(place) = place {
                for e in events.iter_mut().filter(|e| e.places.is_empty()) {
                    e.places = List::one(Place { sentence: 0, context: true, ..place.clone() });
                }
            }
        }
        // The restatements are gone: the events that stay are put in chronological order, then
        // get their evidence and source (so that the sort's keys and those lists are not held
        // at once).
        events.shrink_to_fit();
        Timeline::chronological(&mut events);
        for e in &mut events {
            read_out(e, &self.doc);
        }
        let (mut undated, mut sentences) = (self.undated, self.sentences);
        undated.shrink_to_fit();
        sentences.shrink_to_fit();
        (Timeline::from_sorted_parts(events, undated), sentences)
    }
}

/// Lists of events with token ranges (`made`, `unsigned`) and a description: see [`BUFFERS`].
type Buffers = (Vec<(usize, Range<usize>)>, Vec<(usize, Range<usize>)>, Description);

thread_local! {
    /// The builder's buffers that hold nothing between documents (`made`, `unsigned` and
    /// `scratch`), kept by each thread so that a document costs no allocation for them.
    /// (Taken out while a builder uses them: a second builder at once starts new ones.)
    static BUFFERS: std::cell::Cell<Buffers> =
        const { std::cell::Cell::new((Vec::new(), Vec::new(), Description { kinds: Vec::new(), cues: Vec::new(), exempted: Vec::new(), places: Vec::new(), figures: Vec::new(), generic: Vec::new() })) };
}

/// A place a sentence names, as an event's place (of its first evidence sentence).
fn named_place(p: &PlaceMatch) -> Place {
    from_gazetteer(p.name, p.kind, p.country, p.code)
}

/// A place of the gazetteer, named by no sentence in particular.
fn from_gazetteer(name: &'static str, kind: PlaceKind, country: &'static str, code: &'static str) -> Place {
    Place {
        name: Cow::Borrowed(name),
        kind,
        country: Cow::Borrowed(country),
        code: Cow::Borrowed(code),
        sentence: 0,
        context: false,
    }
}

/// Headline weight: a place the headline names counts as this many more namings.
const HEADLINE_WEIGHT: usize = 2;

/// The place the whole article is about, which an event whose evidence names no place takes
/// (see the module docs, *Context places*): `named` are the places the document names, with
/// how often (datelines included), `lead` the places of its headline (empty when it has
/// none), `reported` the places of its datelines. `None` when no country's places weigh
/// twice those of any other, or when no region holds the story and the country is named
/// less than one of its regions (an article about several regions).
fn article_place_of(named: &[(Place, usize)], lead: &[Place], reported: &[Place], gaz: &Gazetteer) -> Option<Place> {
    let same = |a: &Place, b: &Place| a.name == b.name && a.kind == b.kind && a.country == b.country;
    // Each place with its weight: every naming once, a headline's more; and its weight as a
    // place of the story, which leaves out datelines (the place of reporting).
    let mut weights: Vec<(&Place, usize, usize)> =
        named.iter().map(|(p, n)| (p, *n, n.saturating_sub(reported.iter().filter(|q| same(q, p)).count()))).collect();
    for p in lead {
        match weights.iter_mut().find(|(q, _, _)| same(q, p)) {
            Some(w) => {
                w.1 += HEADLINE_WEIGHT;
                w.2 += HEADLINE_WEIGHT;
            }
            None => weights.push((p, HEADLINE_WEIGHT, HEADLINE_WEIGHT)),
        }
    }
    // The country: the one whose places weigh at least twice as much as those of any other
    // (a regional story names the cities its travellers came from, and Wuhan).
    let mut countries: Vec<(&str, usize)> = Vec::new();
    for (p, n, _) in &weights {
        match countries.iter_mut().find(|(c, _)| *c == &*p.country) {
            Some((_, m)) => *m += n,
            None => countries.push((&p.country, *n)),
        }
    }
    let (country, top) = countries.iter().fold(None, |best: Option<(&str, usize)>, &(c, n)| match best {
        Some((_, m)) if m >= n => best,
        _ => Some((c, n)),
    })?;
    let second = countries.iter().filter(|(c, _)| *c != country).map(|(_, n)| *n).max().unwrap_or(0);
    if top < 2 * second {
        return None;
    }
    let local: Vec<&(&Place, usize, usize)> =
        weights.iter().filter(|(p, _, _)| &*p.country == country && p.kind != PlaceKind::Country).collect();
    let own_name: usize =
        weights.iter().filter(|(p, _, _)| &*p.country == country && p.kind == PlaceKind::Country).map(|w| w.2).sum();
    // The region: places below the country by region code (a city carries its region's),
    // one holding more than the rest together and more than the country's own name.
    fn code(p: &Place) -> &str {
        if p.code.is_empty() {
            &p.name
        } else {
            &p.code
        }
    }
    let mut regions: Vec<(&str, usize)> = Vec::new();
    for (p, _, n) in &local {
        let c = code(p);
        match regions.iter_mut().find(|(r, _)| *r == c) {
            Some((_, m)) => *m += n,
            None => regions.push((c, *n)),
        }
    }
    let all: usize = regions.iter().map(|(_, n)| n).sum();
    let region = regions.iter().fold(None, |best: Option<(&str, usize)>, &(r, n)| match best {
        Some((_, m)) if m >= n => best,
        _ => Some((r, n)),
    });
    if let Some((region, _)) = region.filter(|&(_, n)| n * 2 > all && n > own_name) {
        let of = |kind: PlaceKind| local.iter().filter(move |(p, _, w)| p.kind == kind && code(p) == region && *w > 0);
        let best = |kind: PlaceKind| {
            of(kind).fold(None, |best: Option<(&Place, usize)>, (p, _, w)| match best {
                Some((_, m)) if m >= *w => best,
                _ => Some((p, *w)),
            })
        };
        let named_region = best(PlaceKind::Region);
        let city = best(PlaceKind::City);
        let cities: usize = of(PlaceKind::City).map(|(_, _, w)| w).sum();
        // One city the article keeps naming, more than its region: a story about the city.
        let one_city = city.filter(|(_, w)| *w * 2 > cities);
        if let Some((c, w)) = one_city {
            if named_region.is_none_or(|(_, r)| w > r) {
                return Some(Place { sentence: 0, ..c.clone() });
            }
        }
        if let Some((r, _)) = named_region {
            return Some(Place { sentence: 0, ..r.clone() });
        }
        // Cities of one region, none named most: the region they lie in.
        if let Some(r) = gaz.region(region) {
            return Some(from_gazetteer(r.name, r.kind, r.country, r.code));
        }
    }
    // The country, when the article names it at least as often as any one region: a story
    // about a region that also names others, or the country now and then, has no one place.
    if region.is_some_and(|(_, n)| n > own_name) {
        return None;
    }
    gaz.country(country).map(|c| from_gazetteer(c.name, c.kind, c.country, c.code))
}

/// Counts the demonyms of the sentence made of tokens `range` into `counts`, by country.
fn count_demonyms(counts: &mut Vec<(&'static str, usize)>, gaz: &Gazetteer, tokens: &Tokens, range: Range<usize>) {
    let demonyms = gaz.not_place.demonyms;
    // A word shorter than every demonym is none.
    let Some(shortest) = demonyms.iter().map(|(prefix, _)| prefix.len()).min() else { return };
    let all = tokens.as_slice();
    for t in all.get(range.start.min(all.len())..range.end.min(all.len())).unwrap_or(&[]) {
        if t.kind != crate::text::TokenKind::Word {
            continue;
        }
        let norm = tokens.norm_bytes_of(t);
        if norm.len() < shortest {
            continue;
        }
        // (Their first two bytes, compared first, tell most words from every demonym.)
        let starts = |prefix: &[u8]| {
            norm.len() >= prefix.len()
                && norm.first_chunk::<2>() == prefix.first_chunk::<2>()
                && norm.starts_with(prefix)
        };
        if let Some(&(_, country)) = demonyms.iter().find(|(prefix, _)| starts(prefix.as_bytes())) {
            match counts.iter_mut().find(|(c, _)| *c == country) {
                Some((_, n)) => *n += 1,
                None => counts.push((country, 1)),
            }
        }
    }
}

/// The country of an article that names no place but its people (`казахстанцы`): the one
/// whose demonyms it names most, when no other's are named as often.
fn demonyms_country(named: &[(Place, usize)], counts: &[(&'static str, usize)], gaz: &Gazetteer) -> Option<Place> {
    if !named.is_empty() {
        return None;
    }
    let top = counts.iter().map(|(_, n)| *n).max()?;
    let mut best = counts.iter().filter(|(_, n)| *n == top);
    let (country, _) = best.next()?;
    if best.next().is_some() {
        return None;
    }
    gaz.country(country).map(|c| from_gazetteer(c.name, c.kind, c.country, c.code))
}

/// Counts the places a sentence names into the document's list (first mention first).
fn count_places(named: &mut Vec<(Place, usize)>, places: &[Place]) {
    for p in places {
        match named.iter_mut().find(|(q, _)| q.name == p.name && q.kind == p.kind) {
            Some((_, n)) => *n += 1,
            None => named.push((Place { sentence: 0, ..p.clone() }, 1)),
        }
    }
}

/// The place of one level the article is about: the one of that kind it names most often
/// (the first named of those on a tie).
fn article_place(named: &[(Place, usize)], kind: PlaceKind) -> Option<&Place> {
    let mut best: Option<&(Place, usize)> = None;
    for entry in named.iter().filter(|(p, _)| p.kind == kind) {
        if best.is_none_or(|b| entry.1 > b.1) {
            best = Some(entry);
        }
    }
    best.map(|(p, _)| p)
}

/// Gives each event the places its evidence names by anaphora: `в республике` is the
/// article's country (the one it names most, or the country of the places it names), `по
/// области` its region (or the region of its city), `в городе` its city, `в столице` its
/// country's capital, `здесь` its most specific place. A level the article never names stays
/// unresolved.
fn resolve_anaphora(
    events: &mut [Event],
    pending: &[(usize, usize, Anaphors)],
    named: &[(Place, usize)],
    gaz: &Gazetteer,
) {
    if pending.is_empty() {
        return;
    }
    let from = |p: &gazetteer::Place| from_gazetteer(p.name, p.kind, p.country, p.code);
    let city = article_place(named, PlaceKind::City).cloned();
    let region = article_place(named, PlaceKind::Region)
        .cloned()
        .or_else(|| city.as_ref().and_then(|c| gaz.region(&c.code)).map(from));
    // The article's country is the one its places belong to most (a story about a region
    // that recalls Wuhan is about the region's country).
    let mut by_country: Vec<(&str, usize)> = Vec::new();
    for (p, n) in named {
        match by_country.iter_mut().find(|(c, _)| *c == &*p.country) {
            Some((_, m)) => *m += n,
            None => by_country.push((&p.country, *n)),
        }
    }
    let main_country = by_country.iter().fold(None, |best: Option<(&str, usize)>, &(c, n)| match best {
        Some((_, m)) if m >= n => best,
        _ => Some((c, n)),
    });
    let country = main_country.and_then(|(c, _)| gaz.country(c)).map(from);
    let capital = country.as_ref().and_then(|c| gaz.capital(&c.country)).map(from);
    let here = city.clone().or_else(|| region.clone()).or_else(|| country.clone());
    let republic = region
        .clone()
        .filter(|r| super::places::anaphora::REPUBLIC_REGIONS.contains(&&*r.code))
        .or_else(|| country.clone());
    for &(e, sentence, levels) in pending {
        let Some(event) = events.get_mut(e) else { continue };
        for level in levels.iter() {
            let place = match level {
                Anaphor::Country => &country,
                Anaphor::Region => &region,
                Anaphor::City => &city,
                Anaphor::Capital => &capital,
                Anaphor::Here => &here,
                Anaphor::Republic => &republic,
            };
            let Some(place) = place else { continue };
            if !event.places.iter().any(|q| q.name == place.name && q.kind == place.kind) {
                event.places.push(Place { sentence, context: true, ..place.clone() });
            }
        }
    }
}

/// Whether the sentences of a piece before a given one left a quotation open in its
/// paragraph (`«Это вынужденная мера.`), read forward only as far as a sentence asks: the
/// sentences of a paragraph no sentence asks about are not scanned.
struct Quotes<'p> {
    /// The piece's sentences, its text and its tokens.
    sentences: &'p [Sentence],
    text: &'p str,
    tokens: &'p Tokens,
    /// The first sentence not read yet.
    next: usize,
    /// Whether a quotation is open after the sentence before `next`, and its paragraph.
    open: bool,
    paragraph: usize,
}

impl Quotes<'_> {
    /// Whether a quotation a sentence before sentence `local` (of the piece) opened in its
    /// paragraph is still open when it starts; asked in increasing order of `local`.
    fn open_before(&mut self, local: usize) -> bool {
        let Some(paragraph) = self.sentences.get(local).map(|s| s.paragraph) else { return false };
        while self.next < local {
            let Some(s) = self.sentences.get(self.next) else { break };
            // A sentence of an earlier paragraph leaves nothing open in this one.
            self.open = s.paragraph == paragraph && {
                let still = self.open && self.paragraph == s.paragraph;
                quotes_left_open(still, self.text, self.tokens, s.tokens.clone())
            };
            self.paragraph = s.paragraph;
            self.next += 1;
        }
        self.open && self.paragraph == paragraph
    }
}

/// Is a quotation open after the sentence made of tokens `range` (of `text`), given whether
/// one was open before it? Guillemets and curly quotes count; a straight `"` opens or closes
/// by its place (at the sentence's start or after a space, it opens). Every quote mark is a
/// punctuation token of its own: only those are read.
fn quotes_left_open(open: bool, text: &str, tokens: &Tokens, range: Range<usize>) -> bool {
    let mut depth = i32::from(open);
    let sentence = tokens.as_slice().get(range).unwrap_or(&[]);
    let first = sentence.first().map(|t| t.start());
    for t in sentence.iter().filter(|t| t.kind == crate::text::TokenKind::Punct) {
        let at = t.start();
        match text.get(at..t.end()) {
            Some("«" | "“" | "„") => depth += 1,
            Some("»" | "”") => depth -= 1,
            Some("\"") => {
                let after_space = first == Some(at)
                    || text.get(..at).and_then(|s| s.chars().next_back()).is_none_or(char::is_whitespace);
                depth += if after_space { 1 } else { -1 };
            }
            _ => {}
        }
    }
    depth > 0
}

/// Does the event have a kind besides `other` (what a restatement needs)?
fn has_kind(e: &Event) -> bool {
    e.kinds.iter().any(|k| *k != EventKind::Other)
}

/// Is it a decree, whose measures the sentences after it list?
fn is_decree(kind: EventKind) -> bool {
    matches!(kind, EventKind::StateOfEmergency | EventKind::Quarantine)
}

/// Is it a policy measure (a restriction, an economic or a health measure), which a sentence
/// can report as a fact of its own? Public information and services, the course of the
/// epidemic and `other` are not.
fn is_measure(kind: EventKind) -> bool {
    !matches!(
        kind,
        EventKind::PublicInformation
            | EventKind::PublicServices
            | EventKind::Cases
            | EventKind::Deaths
            | EventKind::Recoveries
            | EventKind::Other
    )
}

/// Is it a count of the epidemic's course, which a sentence can report as a statistic of
/// its own?
fn is_statistic(kind: EventKind) -> bool {
    matches!(kind, EventKind::Cases | EventKind::Deaths | EventKind::Recoveries)
}

/// Folds an undated sentence's description into the event it goes on with.
fn fold(event: &mut Event, span: &Span, d: &mut Description, follow: Follow) {
    let at = event.evidence.len().max(1);
    let mut evidence = std::mem::take(&mut event.evidence).into_vec();
    if evidence.is_empty() {
        evidence.reserve_exact(2);
        evidence.push(event.sentence.clone());
    }
    evidence.push(span.clone());
    event.evidence = evidence.into();
    let only_other = event.kinds.iter().all(|k| *k == EventKind::Other);
    let mut none = Kinds::new();
    let into = match follow {
        Follow::Measure => &mut event.measures,
        Follow::Point if only_other && !d.kinds.is_empty() => {
            event.kinds.clear();
            &mut event.kinds
        }
        Follow::Point => &mut event.kinds,
        Follow::Continues | Follow::Own if only_other && !d.kinds.is_empty() => {
            event.kinds.clear();
            &mut event.kinds
        }
        Follow::Continues | Follow::Own => &mut none,
    };
    into.extend(d.kinds.drain(..));
    let new_cues: Vec<Excerpt> = d.cues.drain(..).filter(|c| !event.cues.contains(c)).fold(Vec::new(), |mut v, c| {
        if !v.contains(&c) {
            v.push(c);
        }
        v
    });
    if !new_cues.is_empty() {
        event.cues.extend(new_cues);
    }
    event.exempted.extend(d.exempted.drain(..));
    if follow == Follow::Measure {
        // A measure under a decree is the decree's content: where and how much it applies
        // stays in its sentence (the evidence), not in the decree's places and figures.
        return;
    }
    let mut places = Vec::new();
    for mut p in d.places.drain(..) {
        let known = |q: &Place| q.name == p.name && q.kind == p.kind;
        if !event.places.iter().any(known) && !places.iter().any(known) {
            p.sentence = at;
            places.push(p);
        }
    }
    if !places.is_empty() {
        event.places.extend(places);
    }
    fold_figures(event, at, d);
}

/// Adds the figures of a folded sentence (evidence `at` of the event) to the event.
fn fold_figures(event: &mut Event, at: usize, d: &mut Description) {
    if !d.figures.is_empty() {
        event.figures.extend(d.figures.drain(..).map(|mut f| {
            f.sentence = at;
            f
        }));
    }
}

/// Does a sentence (`sentence`, made of tokens `range` of `text`) open as a listed point
/// (`1)`, `2.`, `-`, `•`), or hold numbered points (`...: 1) ...`)? And does it hold a colon
/// (`Документом предусмотрено:`)? One pass over its punctuation tokens.
fn point_marks(sentence: &str, text: &str, tokens: &Tokens, range: Range<usize>) -> (bool, bool) {
    let bytes = text.as_bytes();
    let words = tokens.as_slice().get(range).unwrap_or(&[]);
    let (mut numbered, mut colon) = (false, false);
    for (k, t) in words.iter().enumerate() {
        if t.kind != crate::text::TokenKind::Punct {
            continue;
        }
        match bytes.get(t.start()) {
            Some(b':') => colon = true,
            // ` 1)`: the number 1 after a space, right before the bracket.
            Some(b')') => {
                numbered |= k.checked_sub(1).and_then(|j| words.get(j)).is_some_and(|n| {
                    n.end() == t.start()
                        && text.get(n.start()..n.end()) == Some("1")
                        && n.start().checked_sub(1).and_then(|b| bytes.get(b)) == Some(&b' ')
                })
            }
            _ => {}
        }
    }
    let s = sentence.trim_start();
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let opens = if digits > 0 {
        digits <= 2 && matches!(s.as_bytes().get(digits), Some(b')' | b'.'))
    } else {
        s.starts_with(['-', '\u{2013}', '\u{2014}', '\u{2022}', '*'])
    };
    (numbered || opens, colon)
}

/// The sentence's mentions `own` (of tokens `range`) with each duration of a report read as
/// the window that ends on the publication day `published` (`За неделю в области привились 21
/// 400 человек`, published on 14 July, is 7–14 July, as `за последнюю неделю` is; see
/// [`Cues::report_window`]); None when there is none, and the mentions stand as they are.
/// The mention itself stays a DURATION: only the event is dated so. A report counts: the
/// sentence holds a number in digits besides its mentions' own.
fn report_windows(
    own: &[Mention],
    cues: &Cues,
    tokens: &Tokens,
    range: Range<usize>,
    offset: usize,
    published: NaiveDate,
) -> Option<Vec<Mention>> {
    // (A sentence that dates itself, `За неделю с 20 по 27 марта ...`, is dated by its dates.)
    if !own.iter().any(|m| matches!(m.value, Value::Duration(_))) || own.iter().any(|m| m.value.is_calendar()) {
        return None;
    }
    // A number besides the mentions' own (`построили за 40 дней` counts nothing).
    let counted = range.clone().any(|i| {
        tokens.get(i).is_some_and(|t| {
            t.kind == crate::text::TokenKind::Number && !own.iter().any(|m| m.span().contains(&(t.start() + offset)))
        })
    });
    if !counted {
        return None;
    }
    let mut out: Option<Vec<Mention>> = None;
    for (k, m) in own.iter().enumerate() {
        let Value::Duration(d) = &m.value else { continue };
        let at = token_at(tokens, range.clone(), m.span().start.saturating_sub(offset));
        let end = token_at(tokens, range.clone(), m.span().end.saturating_sub(offset));
        // (`Из 87 умерших за неделю ...`: the window qualifies the group the participle names.)
        if !cues.report_window(tokens, range.clone(), at, end)
            || cues.defines_group(tokens, range.clone(), at.saturating_sub(1))
        {
            continue;
        }
        let Some(window) = window_ending(d, published) else { continue };
        if let Some(w) = out.get_or_insert_with(|| own.to_vec()).get_mut(k) {
            w.value = window;
            w.kind = TimexType::Date;
            w.anchor = Anchor::Publication;
            w.modifier = None;
        }
    }
    out
}

/// The index of the token at or after byte `at` of the piece, for a byte of the sentence made
/// of tokens `sentence` (any byte is answered right).
///
/// Token ends grow with their index, so the answer is the first token that ends after `at`;
/// when the token before the sentence ends at or before `at` and the token after it does
/// not, that token is one of the sentence's (or the one right after it), and a search of
/// its few tokens finds the one the search of the whole piece would.
fn token_at(tokens: &Tokens, sentence: Range<usize>, at: usize) -> usize {
    let all = tokens.as_slice();
    let ends_by = |t: &Token| t.end() <= at;
    let after_start = sentence.start.checked_sub(1).is_none_or(|i| all.get(i).is_some_and(ends_by));
    let before_end = all.get(sentence.end).is_none_or(|t| !ends_by(t));
    match all.get(sentence.clone()) {
        Some(own) if after_start && before_end => sentence.start + own.partition_point(ends_by),
        _ => all.partition_point(ends_by),
    }
}

/// Whether mention `k` of a sentence's mentions `own` (the sentence is made of tokens
/// `range`; byte offsets less `offset` index `tokens`) is an elliptic comparison: an
/// earlier day than a date before it, after a comma, with only a dash and a count after it
/// (`выявили 247 случаев, днём ранее — 231`). It dates nothing, and the count after it is
/// no figure of the event.
fn elliptic_comparison(own: &[Mention], k: usize, tokens: &Tokens, range: Range<usize>, offset: usize) -> bool {
    let Some(mention) = own.get(k) else { return false };
    let at = token_at(tokens, range.clone(), mention.span().start.saturating_sub(offset));
    // The shape first (a few tokens), the earlier dates only for a mention that has it; the
    // token after the mention only for one after a comma (the tests are pure, so their order
    // changes no answer).
    if !(at > range.start && punct_in(tokens, at - 1, &[","])) {
        return false;
    }
    let end = token_at(tokens, range.clone(), mention.span().end.saturating_sub(offset));
    end < range.end
        && punct_in(tokens, end, DASHES)
        && tokens.get(end + 1).is_some_and(|t| t.kind == crate::text::TokenKind::Number)
        && own[..k].iter().any(|o| {
            o.value.is_calendar() && o.value.first_day().zip(mention.value.last_day()).is_some_and(|(a, b)| b < a)
        })
}

/// Whether `mention` opens its sentence (tokens `range`) as an elliptic comparison with the
/// event before it, when that event counts something (`counted_before`): a day, then only a
/// dash and a count (`Неделей ранее — 1 410.`, `Днём ранее — около 250.`). It dates nothing.
/// (Its day is not compared: `днём ранее` resolves against the publication, so it can be the
/// event's own day.)
fn elliptic_opening(
    mention: &Mention,
    tokens: &Tokens,
    range: Range<usize>,
    offset: usize,
    counted_before: bool,
) -> bool {
    // (The mention's end is looked for only for one that opens the sentence.)
    counted_before && token_at(tokens, range.clone(), mention.span().start.saturating_sub(offset)) == range.start && {
        let end = token_at(tokens, range.clone(), mention.span().end.saturating_sub(offset));
        punct_in(tokens, end, DASHES)
            && (end + 1..(end + 3).min(range.end))
                .any(|i| tokens.get(i).is_some_and(|t| t.kind == crate::text::TokenKind::Number))
    }
}

/// How many of the latest events a sentence opening with a time counted back (`Неделей ранее
/// ...`) is compared with: a bound, so that the pass stays linear.
const LOOK_BACK_EVENTS: usize = 8;

/// Where the first quotation mark that ends a quotation before the words that say who said it
/// (`...», — подчеркнул`: a closing mark, an optional comma, a space and a dash) stands in
/// `sentence`. One pass for the marks; the few bytes after a mark are looked at only there.
/// A quotation that also opens in `sentence` before that mark (`«...», — сказал`) is none:
/// it did not open in an earlier sentence.
fn quote_closer(sentence: &str) -> Option<usize> {
    let bytes = sentence.as_bytes();
    // The last byte of each closing mark: `»` (C2 BB), `”` (E2 80 9D), `"`.
    let mut closer = bytes.iter().enumerate().filter_map(|(i, &b)| {
        let before = |k: usize| i.checked_sub(k).and_then(|j| bytes.get(j)).copied();
        match b {
            b'"' => Some((i, i + 1)),
            0xBB if before(1) == Some(0xC2) => Some((i - 1, i + 1)),
            0x9D if before(1) == Some(0x80) && before(2) == Some(0xE2) => Some((i - 2, i + 1)),
            _ => None,
        }
    });
    let (k, _) = closer.find(|&(_, after)| {
        let rest = sentence.get(after..).unwrap_or("");
        let rest = rest.strip_prefix(',').unwrap_or(rest);
        rest.strip_prefix(' ').is_some_and(|r| r.starts_with('—') || r.starts_with('–'))
    })?;
    let opened_here = sentence.get(..k).is_some_and(|before| before.contains(['«', '“']));
    (!opened_here).then_some(k)
}

/// Whether a punctuation token of the sentence made of tokens `range` (of `text`) is a
/// closing quotation mark (`»`, `”`, `"`): [`quote_closer`] finds none in a sentence that has
/// none, and most sentences have none. (Every such mark is a punctuation token of its own,
/// and a sentence's text is its tokens and the spaces between them, so reading its few
/// punctuation tokens tells what the scan of all its bytes would.)
fn has_closing_mark(text: &str, tokens: &Tokens, range: Range<usize>) -> bool {
    let bytes = text.as_bytes();
    let sentence = tokens.as_slice().get(range).unwrap_or(&[]);
    sentence.iter().filter(|t| t.kind == crate::text::TokenKind::Punct).any(|t| {
        let mark = bytes.get(t.start()..t.end()).unwrap_or(&[]);
        matches!(mark, b"\"" | [0xC2, 0xBB] | [0xE2, 0x80, 0x9D])
    })
}

/// The dashes an elliptic comparison puts before its count.
const DASHES: &[&str] = &["—", "–", "-"];

/// Whether token `i` is a punctuation mark of `marks`.
fn punct_in(tokens: &Tokens, i: usize, marks: &[&str]) -> bool {
    tokens.get(i).is_some_and(|t| t.kind == crate::text::TokenKind::Punct) && marks.contains(&tokens.norm(i))
}

/// Character offsets of increasing byte offsets, counted with one forward cursor.
struct CharCursor<'a> {
    text: &'a str,
    byte: usize,
    char: usize,
}

impl<'a> CharCursor<'a> {
    fn new(text: &'a str) -> Self {
        CharCursor { text, byte: 0, char: 0 }
    }

    /// The character offset of byte offset `b` (a character boundary; offsets asked in
    /// increasing order cost one pass over the text, an earlier one counts from the start).
    fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.char = 0;
        }
        if let Some(slice) = self.text.get(self.byte..b) {
            self.char += slice.chars().count();
            self.byte = b;
        }
        self.char
    }
}

/// The events of one dated sentence (see the module docs), pushed onto `events`; `made`
/// gets each new event's index with the byte span (in the document) of its first mention.
/// `dating(k)` says whether mention `k` of `mentions` may date an event; `apart(a, b,
/// plain)` whether a contrast parts the clauses between document bytes `a` and `b`, or
/// (for a `plain` day before a bound) whether a verb of extension makes that day the
/// decision's, not the start of the bound's interval.
fn dated(
    events: &mut Vec<Event>,
    made: &mut Vec<(usize, Range<usize>)>,
    (mentions, offset): (&[Mention], usize),
    (sentence, text, excerpt): (&Span, &str, &dyn Fn() -> Excerpt),
    dating: impl Fn(usize) -> bool,
    apart: impl Fn(usize, usize, bool) -> bool,
) {
    let first_event = events.len();
    made.clear();
    // The event of an open start that a later bound may close, with the end of its mention.
    let mut open_start: Option<(usize, usize)> = None;
    // The latest day of a list of days, with the end of its mention.
    let mut list: Option<(usize, usize)> = None;
    for (k, m) in mentions.iter().enumerate() {
        if !m.value.is_calendar() || matches!(m.kind, TimexType::Duration | TimexType::Set) || !dating(k) {
            continue;
        }
        // (A document of more than 4 billion mentions cannot be held: the index saturates.)
        let index = u32::try_from(k + offset).unwrap_or(u32::MAX);
        if let (Some((e, after)), Some(Mod::Before | Mod::OnOrBefore)) = (open_start, m.modifier) {
            let start: &mut Event = &mut events[e];
            // Not across a contrast (`с 15 апреля нужен пропуск, а самоизоляция продлена до
            // 31 мая`): each clause is a happening of its own.
            let plain = start.modifier.is_none() && matches!(start.when, Value::Day(_));
            if ends_after(&start.when, &m.value) && !apart(after, m.span().start, plain) {
                start.when = Value::interval(start.when.clone(), m.value.clone());
                start.modifier = None;
                start.mentions.push(index);
                open_start = None;
                list = None;
                continue;
            }
        }
        if let Some(same) = events[first_event..].iter_mut().find(|e| e.when == m.value && e.modifier == m.modifier) {
            same.mentions.push(index);
            continue;
        }
        // One day, written twice or refined, is one happening: a clock time on the day of a
        // date of the sentence refines it (`Сегодня с 08:00` → the time, with its mod); a
        // date on the day of a clock time, the same day again in apposition (`со следующего
        // понедельника, 31 января`) and the hours of a measure that starts that day (`с 30
        // ноября ... с 23:00 до 6:00`) add their mention to it.
        let fine = matches!(m.value, Value::Time { .. } | Value::PartOfDay { .. });
        let hours = matches!(&m.value, Value::Interval(a, b)
            if matches!(**a, Value::Time { .. }) && matches!(**b, Value::Time { .. }));
        let single_day = |v: &Value| v.first_day().is_some() && v.first_day() == v.last_day();
        // A bounded or plain clock time on the day a measure starts is its hours (`с 26 октября
        // кафе работают до 23:00`, `с 13 ноября бары должны закрываться в 23:00`), not a
        // refinement of the start nor a happening of its own.
        let hours_of_start = |e: &Event| {
            matches!(m.value, Value::Time { .. })
                && m.modifier != e.modifier
                && e.modifier == Some(Mod::OnOrAfter)
                && matches!(e.when, Value::Day(_))
        };
        if joins_window(&mut events[first_event..], m, index) {
            continue;
        }
        // A period and, in apposition, a day inside it (`Год назад, 13 марта 2020 года`, `На
        // прошлой неделе, 12 мая,`): the day is when it happened. A season, quarter or half
        // and the days or dates inside it anywhere later in the sentence (`Весной 2020 года
        // режим действовал с 30 марта по 11 мая`) likewise: the season says which year.
        let base = sentence.bytes.start;
        let apposed = made.iter().rev().find(|(e, span)| {
            let Some(e) = events.get(*e) else { return false };
            let between = text.get(span.end.saturating_sub(base)..m.span().start.saturating_sub(base)).unwrap_or("x");
            let inside = e.modifier.is_none()
                && m.modifier.is_none()
                && e.when.first_day() <= m.value.first_day()
                && m.value.last_day() <= e.when.last_day();
            let apposition = matches!(e.when, Value::Year(_) | Value::Month { .. } | Value::Week { .. })
                && matches!(m.value, Value::Day(_))
                && matches!(between.trim(), "" | "," | "—" | "–" | "-");
            let in_season = matches!(e.when, Value::Season { .. } | Value::Quarter { .. } | Value::Half { .. })
                && matches!(m.value, Value::Day(_) | Value::Interval(..));
            inside && (apposition || in_season)
        });
        if let Some(&(e, _)) = apposed {
            let event = &mut events[e];
            event.when = m.value.clone();
            event.mentions.push(index);
            continue;
        }
        if let Some(day) = events[first_event..].iter_mut().find(|e| {
            e.first_day().is_some() && e.first_day() == m.value.first_day() && {
                let coarse = matches!(e.when, Value::Day(_));
                let same_mod = e.modifier == m.modifier;
                (fine && coarse && (same_mod || e.modifier.is_none()))
                    || (matches!(m.value, Value::Day(_))
                        && single_day(&e.when)
                        && (same_mod || !coarse || e.modifier.is_none() || m.modifier.is_none()))
                    || (hours && coarse)
                    || hours_of_start(e)
            }
        }) {
            if hours_of_start(day) {
                day.mentions.push(index);
                continue;
            }
            if fine && matches!(day.when, Value::Day(_)) {
                day.when = m.value.clone();
                day.modifier = m.modifier;
            } else if day.modifier.is_none() && matches!(m.value, Value::Day(_)) && matches!(day.when, Value::Day(_)) {
                day.modifier = m.modifier;
            }
            day.mentions.push(index);
            continue;
        }
        // The next day of a list of days (`9, 10 и 11 апреля`, `в среду и четверг`, `вчера и
        // сегодня`). Only days written as numbers or named from the publication day make a
        // list (not `на следующий день`, counted from the date before).
        let base = sentence.bytes.start;
        let written = text.get(m.span().start.saturating_sub(base)..m.span().end.saturating_sub(base)).unwrap_or("");
        let numeral = written.starts_with(|c: char| c.is_ascii_digit()) || m.anchor == Anchor::Publication;
        if let (Some((e, end)), Value::Day(d), None, true) = (list, &m.value, m.modifier, numeral) {
            let last = events.get(e).and_then(Event::last_day);
            if last.and_then(|l| l.succ_opt()) == Some(*d) && joined(text, sentence, end, m.span().start) {
                let event = &mut events[e];
                let first = event.when.first_day().map(Value::Day);
                if let Some(first) = first {
                    event.when = Value::interval(first, m.value.clone());
                }
                event.mentions.push(index);
                list = Some((e, m.span().end));
                continue;
            }
        }
        let day_grain = !matches!(m.value, Value::Interval(..) | Value::Time { .. } | Value::PartOfDay { .. });
        open_start =
            (day_grain && matches!(m.modifier, None | Some(Mod::OnOrAfter))).then_some((events.len(), m.span().end));
        list = (matches!(m.value, Value::Day(_)) && m.modifier.is_none()).then_some((events.len(), m.span().end));
        made.push((events.len(), m.span()));
        let mut e = Event::bare(m.value.clone(), m.modifier, sentence.clone(), excerpt());
        e.mentions = Indices::from([index]);
        events.push(e);
    }
}

/// A report's window of a day or two (`за сутки`, `за последние сутки`) and a day it holds
/// (`Вчера за сутки ...`, `За сутки, 24 ноября, ...`), or a day named before it, are one
/// happening, of that day: joins
/// mention `m` (number `index`) to such an event of its sentence (`made`), if there is one.
fn joins_window(made: &mut [Event], m: &Mention, index: u32) -> bool {
    let window = |v: &Value| {
        matches!(v, Value::Interval(..))
            && v.first_day().zip(v.last_day()).is_some_and(|(a, b)| (b - a).num_days() <= 1)
    };
    let holds = |w: &Value, d: &Value| {
        d.first_day().zip(w.first_day()).zip(w.last_day()).is_some_and(|((d, a), b)| a <= d && d <= b)
    };
    if m.modifier.is_some() {
        return false;
    }
    let day = matches!(m.value, Value::Day(_));
    let found = made.iter_mut().find(|e| {
        e.modifier.is_none()
            && if day {
                window(&e.when) && holds(&e.when, &m.value)
            } else {
                // (After a day the sentence names, the window counted from publication is
                // that day's: `20 июня впервые выявили более 200 случаев за сутки`.)
                window(&m.value)
                    && matches!(e.when, Value::Day(_))
                    && (holds(&m.value, &e.when) || m.anchor == Anchor::Publication)
            }
    });
    let Some(e) = found else { return false };
    if day {
        e.when = m.value.clone();
    }
    e.mentions.push(index);
    true
}

/// Are two mentions of a sentence one list (only punctuation, spaces and at most one short
/// word, a conjunction, between the end of one and the start of the next; byte offsets in
/// the document)?
fn joined(text: &str, sentence: &Span, end: usize, start: usize) -> bool {
    let base = sentence.bytes.start;
    let Some(gap) = text.get(end.saturating_sub(base)..start.saturating_sub(base)) else { return false };
    let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    gap.chars().count() <= 8
        && words.len() <= 1
        && words.iter().all(|w| w.chars().count() <= 4 && !w.chars().any(|c| c.is_ascii_digit()))
}

/// Does `end` bound a period that starts with `start` (a later day, coarser than a clock)?
fn ends_after(start: &Value, end: &Value) -> bool {
    if matches!(end, Value::Time { .. } | Value::PartOfDay { .. } | Value::Interval(..)) {
        return false;
    }
    match (start.first_day(), end.first_day()) {
        (Some(a), Some(b)) => b > a,
        _ => false,
    }
}

/// Gives an event its sentence's description (moved in); its source is given when the
/// document is read (see [`Builder::finish_with_sentences`]).
fn fill_with(e: &mut Event, d: &mut Description) {
    // The lists grew a few slots at a time (they stay with the builder, see
    // `Builder::scratch`); an event keeps only what it holds (a long document keeps tens of
    // thousands of events): boxed slices of their length.
    e.kinds = if d.kinds.is_empty() { Kinds::from([EventKind::Other]) } else { d.kinds.drain(..).collect() };
    e.cues = CueWords::drained(&mut d.cues);
    e.exempted = d.exempted.drain(..).collect();
    e.places = d.places.drain(..).collect::<Vec<_>>().into();
    e.figures = d.figures.drain(..).collect::<Vec<_>>().into();
}

/// Notes the kinds a description gives the event of the sentence starting at byte `start`
/// (see `Builder::generic`).
fn note_kinds(notes: &mut Vec<(usize, EventKind, bool)>, start: usize, d: &Description) {
    notes.extend(d.kinds.iter().map(|k| (start, *k, d.generic.contains(k))));
}

/// A kind only generic cues of an event's sentences gave (`ужесточает ограничения`:
/// quarantine; `notes` as `Builder::generic` keeps them, in text order) yields to a measure
/// of another kind the event came to name (the decree's points, `закрываются школы`), as it
/// does within one sentence; a sentence of the event that names it outright (a
/// restatement's `ужесточили карантин`) keeps it.
/// Only the kinds `which` says yes to yield.
fn yield_generic(events: &mut [Event], notes: &[(usize, EventKind, bool)], which: impl Fn(EventKind) -> bool) {
    if !notes.iter().any(|n| n.2) {
        return;
    }
    let mut generic: Vec<EventKind> = Vec::new();
    let mut specific: Vec<EventKind> = Vec::new();
    for event in events {
        generic.clear();
        specific.clear();
        let starts = std::iter::once(event.sentence.bytes.start).chain(event.evidence.iter().map(|s| s.bytes.start));
        for start in starts {
            let from = notes.partition_point(|n| n.0 < start);
            for &(_, kind, only_generic) in notes.get(from..).unwrap_or(&[]).iter().take_while(|n| n.0 == start) {
                if only_generic {
                    generic.push(kind)
                } else {
                    specific.push(kind)
                }
            }
        }
        for kind in generic.iter().filter(|k| !specific.contains(k) && which(**k)) {
            let other = event.kinds.iter().any(|k| k != kind && is_measure(*k) && !super::kinds::reports_course(*k));
            if other && event.kinds.contains(kind) {
                event.kinds = event.kinds.iter().copied().filter(|k| k != kind).collect();
            }
        }
    }
}

/// A description emptied, its lists keeping their room.
fn cleared(mut d: Description) -> Description {
    d.kinds.clear();
    d.generic.clear();
    d.cues.clear();
    d.exempted.clear();
    d.places.clear();
    d.figures.clear();
    d
}

/// Gives an event of the builder what it leaves implicit while the document is read: an
/// empty evidence is its one sentence, an empty list of sources the sentence in document
/// `doc` (a document's tens of thousands of events hold no list for either until then).
fn read_out(e: &mut Event, doc: &Option<Arc<str>>) {
    if e.evidence.is_empty() {
        e.evidence = List::one(e.sentence.clone());
    } else {
        once_each(e);
    }
    if e.sources.is_empty() {
        e.sources = List::one(Source { doc: doc.clone(), sentence: e.sentence.clone() });
    } else if repeats(e.sources.iter().map(|s| s.sentence.bytes.start)) {
        let mut seen = std::collections::HashSet::with_capacity(e.sources.len());
        let kept: Vec<Source> = e.sources.iter().filter(|s| seen.insert(s.sentence.bytes.start)).cloned().collect();
        e.sources = kept.into();
    }
}

/// Does a sentence start repeat in the list?
fn repeats(starts: impl Iterator<Item = usize>) -> bool {
    let mut starts: Vec<usize> = starts.collect();
    starts.sort_unstable();
    starts.windows(2).any(|w| w[0] == w[1])
}

/// One sentence is one piece of an event's evidence: when two events of one sentence are one
/// happening (`В эти выходные, 31 июля и 1 августа, ...`: the weekend and its two days),
/// their restatement lists the sentence once, and the places and figures that came from the
/// repeat point at its first place in the list.
fn once_each(e: &mut Event) {
    if !repeats(e.evidence.iter().map(|s| s.bytes.start)) {
        return;
    }
    let mut first = std::collections::HashMap::with_capacity(e.evidence.len());
    let mut kept: Vec<Span> = Vec::with_capacity(e.evidence.len());
    let mut index = Vec::with_capacity(e.evidence.len());
    for s in e.evidence.iter() {
        let next = kept.len();
        let at = *first.entry(s.bytes.start).or_insert(next);
        if at == next {
            kept.push(s.clone());
        }
        index.push(at);
    }
    e.evidence = kept.into();
    let moved = |i: usize| index.get(i).copied().unwrap_or(i);
    let mut places = list_of(&mut e.places);
    for p in &mut places {
        p.sentence = moved(p.sentence);
    }
    e.places = places.into();
    let mut figures = list_of(&mut e.figures);
    for f in &mut figures {
        f.sentence = moved(f.sentence);
    }
    e.figures = figures.into();
}

/// An event's list, taken out of it to grow.
fn list_of<T>(l: &mut List<T>) -> Vec<T> {
    std::mem::take(l).into_vec()
}

/// Two lists one after the other, in a list of just their size; an empty list stands for
/// its `one` item, if it has one (see [`read_out`]).
fn concat<T>(a: Vec<T>, one_a: Option<T>, b: Vec<T>, one_b: Option<T>) -> Vec<T> {
    let len = |v: &Vec<T>, one: &Option<T>| if v.is_empty() { usize::from(one.is_some()) } else { v.len() };
    let mut out = Vec::with_capacity(len(&a, &one_a) + len(&b, &one_b));
    for (v, one) in [(a, one_a), (b, one_b)] {
        match v.is_empty() {
            true => out.extend(one),
            false => out.extend(v),
        }
    }
    out
}

/// How many earlier events of the same date and kinds a restatement is compared with: more
/// events of one key than this (a list of distinct counts on one day) stay apart, and the
/// pass stays linear.
const RESTATEMENT_CANDIDATES: usize = 8;

/// Joins the restatements of one document: events of one date and mod (not only `other`, not
/// inherited), the kinds of one all kinds of the other, whose places and figures agree become
/// one, with the evidence and kinds of both (the first in text order first, unless it is the
/// headline). The events are grouped by their first day with one sort; each is compared with
/// at most [`RESTATEMENT_CANDIDATES`] earlier events of its group.
fn restatements(
    mut events: Vec<Event>,
    signatures: &[Signature],
    headline: Option<&Span>,
    doc: &Option<Arc<str>>,
) -> Vec<Event> {
    // By first day (what `same_time` compares shares it; an event with none is the same time
    // as nothing), then index: 8 bytes an event, reserved once.
    let mut keyed: Vec<(i32, u32)> = Vec::with_capacity(events.len());
    let candidate = |e: &Event| !e.inherited && e.kinds.iter().any(|k| *k != EventKind::Other);
    keyed.extend(events.iter().enumerate().filter_map(|(i, e)| {
        let day = e.when.first_day().filter(|_| candidate(e))?;
        Some((day.num_days_from_ce(), u32::try_from(i).ok()?))
    }));
    // A report's window (`за сутки`: yesterday and today) is also keyed by its last day, where
    // the body's report day may restate it (see `window_holds`).
    if headline.is_some() {
        let windows = events.iter().enumerate().filter(|(_, e)| candidate(e) && is_report_window(e));
        let last_days: Vec<(i32, u32)> = windows
            .filter_map(|(i, e)| Some((e.when.last_day()?.num_days_from_ce(), u32::try_from(i).ok()?)))
            .collect();
        keyed.extend(last_days);
    }
    if keyed.len() < 2 {
        return events;
    }
    keyed.sort_unstable();
    let mut gone = vec![false; events.len()];
    for run in keyed.chunk_by(|a, b| a.0 == b.0) {
        for (n, &(_, i)) in run.iter().enumerate().skip(1) {
            let i = i as usize;
            if gone[i] {
                continue;
            }
            let earlier = run[n.saturating_sub(RESTATEMENT_CANDIDATES)..n].iter().map(|&(_, j)| j as usize);
            let same = earlier.filter(|&j| !gone[j]).find(|&j| {
                let (a, b) = (&events[j], &events[i]);
                let with_headline = headline.is_some_and(|h| *h == a.sentence || *h == b.sentence);
                let (sa, sb) = (signatures.get(j), signatures.get(i));
                // One time: the same, or (beside the headline) open starts of one day at any grain.
                let together = same_time(a, b) || (with_headline && open_starts_together(a, b));
                (together || (with_headline && window_holds(a, b)))
                    && nested_kinds(a, b)
                    && agree(a, b)
                    && !distinct_counts(a, b)
                    && (similar(sa, sb) || (with_headline && (together || contained(sa, sb) || shares_count(a, b))))
            });
            // `j` is earlier in the run, and the run is sorted by index within one day.
            if let Some(j) = same.filter(|&j| j < i) {
                let (head, tail) = events.split_at_mut(i);
                let (into, e) = (&mut head[j], &mut tail[0]);
                // The body sentence, not the headline, is what the event is read from.
                if headline == Some(&into.sentence) {
                    std::mem::swap(into, e);
                }
                // The interval, not its open start, is when it happens.
                if into.modifier.is_some() && e.modifier.is_none() {
                    into.when = e.when.clone();
                    into.modifier = None;
                }
                restate(into, e, doc);
                gone[i] = true;
            }
        }
    }
    let mut k = 0;
    events.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    events
}

/// The content words of a sentence as a set of 256 bits: each word of four letters or more
/// sets the bit of its first five letters (a stem, roughly, in languages that inflect at the
/// end).
type Signature = [u64; 4];

/// The signature of the sentence made of tokens `range`.
fn signature(tokens: &Tokens, range: Range<usize>) -> Signature {
    use std::hash::Hasher;
    let mut sig = Signature::default();
    let all = tokens.as_slice();
    for t in all.get(range.start.min(all.len())..range.end.min(all.len())).unwrap_or(&[]) {
        if t.kind != crate::text::TokenKind::Word {
            continue;
        }
        let norm = tokens.norm_bytes_of(t);
        // Where its characters start (no character is decoded): a word of four characters
        // or more, and its first five (up to where a sixth starts). Five letters of two
        // bytes (Cyrillic) are told from the lead bytes at once.
        let (mut chars, mut end) = (0, norm.len());
        let two_byte = |w: &[u8; 10]| {
            let lanes = u64::from_le_bytes([w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7]]);
            lanes & 0x00e0_00e0_00e0_00e0 == 0x00c0_00c0_00c0_00c0 && w[8] & 0xe0 == 0xc0
        };
        if norm.len() < 4 {
            continue;
        } else if norm.first_chunk::<10>().is_some_and(two_byte) {
            end = 10;
        } else {
            for (at, &b) in norm.iter().enumerate() {
                if b & 0xc0 != 0x80 {
                    if chars == 5 {
                        end = at;
                        break;
                    }
                    chars += 1;
                }
            }
            if chars < 4 {
                continue;
            }
        }
        let mut h = crate::text::wordmap::FxHasher::default();
        h.write(norm.get(..end).unwrap_or(norm));
        let bit = h.finish() % 256;
        sig[(bit / 64) as usize] |= 1 << (bit % 64);
    }
    sig
}

/// Do two sentences say the same thing in enough of the same words (a fifth of their
/// content words or more)?
fn similar(a: Option<&Signature>, b: Option<&Signature>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let both: u32 = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
    let either: u32 = a.iter().zip(b).map(|(x, y)| (x | y).count_ones()).sum();
    either > 0 && both * 5 >= either
}

/// Does the shorter of two sentences say half of its content words or more in the other (a
/// headline of five words and the long body sentence that tells it: `В области ужесточают
/// карантин с 14 декабря` and `... подписал постановление об ужесточении карантина с 14
/// декабря ...`)?
fn contained(a: Option<&Signature>, b: Option<&Signature>) -> bool {
    let (Some(a), Some(b)) = (a, b) else { return false };
    let count = |s: &Signature| s.iter().map(|x| x.count_ones()).sum::<u32>();
    let both: u32 = a.iter().zip(b).map(|(x, y)| (x & y).count_ones()).sum();
    let shorter = count(a).min(count(b));
    shorter >= 2 && both * 2 >= shorter
}

/// Are the kinds of one event all kinds of the other (the lead names the decree, the body
/// its measures too)?
fn nested_kinds(a: &Event, b: &Event) -> bool {
    a.kinds.iter().all(|k| b.kinds.contains(k)) || b.kinds.iter().all(|k| a.kinds.contains(k))
}

/// Do two events of one date and kinds say the same happening: places that are the same (or
/// none on one side), and the same number for every figure of a kind both state?
fn agree(a: &Event, b: &Event) -> bool {
    // The places of one among the other's (a headline names the country, the body its regions
    // too), a country also where the other names only places in it (`Россия ... в Казахстан`
    // and `из Москвы в Нур-Султан и Алматы`).
    // So is a region where the other names only cities in it (`В Татарстане ... введут QR-коды`
    // and `в транспорте Казани и Набережных Челнов`): a city carries its region's code.
    let covered = |p: &Place, by: &Event| {
        by.places.iter().any(|q| {
            q.name == p.name
                || (p.kind == PlaceKind::Country && q.country == p.country)
                || (p.kind == PlaceKind::Region && q.kind == PlaceKind::City && !p.code.is_empty() && q.code == p.code)
        })
    };
    let within_places = |x: &Event, y: &Event| x.places.iter().all(|p| covered(p, y));
    let places = within_places(a, b) || within_places(b, a);
    // Figures agree when the counts of one are among the other's of the same sort (a headline
    // gives the total, the body the total and its parts), an approximate one (`более 3
    // тысяч` for 3 206) within a tenth of it ([`same_count`]).
    // (Persons and events count one thing when they count the same: `7 245 заболевших` in a
    // headline and `7 245 случаев` in the body are one count of cases.)
    let sort = |x: &Figure, y: &Figure| {
        let persons_or_events = |u: &str| matches!(u, "people" | "cases");
        x.what == y.what && (x.unit == y.unit || (persons_or_events(&x.unit) && persons_or_events(&y.unit)))
    };
    let same = |x: &Figure, y: &Figure| sort(x, y) && same_count(x, y);
    let within = |x: &Event, y: &Event| {
        x.figures.iter().all(|fx| !y.figures.iter().any(|fy| sort(fx, fy)) || y.figures.iter().any(|fy| same(fx, fy)))
    };
    places && (within(a, b) || within(b, a))
}

/// Do two events of a document tell the same time? The same days with the same mod (`на
/// выходные` and `31 июля и 1 августа` are one weekend), or an open start and an interval
/// from that day (a headline's `с 28 октября` and the body's `с 28 октября по 7 ноября`).
fn same_time(a: &Event, b: &Event) -> bool {
    let days = |e: &Event| (e.when.first_day(), e.when.last_day());
    if a.when.first_day().is_none() {
        return false;
    }
    // (A bound told inclusive or not is one bound: `до 11 мая` in a headline, `до 11 мая
    // включительно` in the body.)
    let side = |m: Option<Mod>| match m {
        Some(Mod::Before | Mod::OnOrBefore) => Some(true),
        Some(Mod::After | Mod::OnOrAfter) => Some(false),
        _ => None,
    };
    let same_bound = side(a.modifier).is_some() && side(a.modifier) == side(b.modifier);
    if days(a) == days(b) && (a.modifier == b.modifier || same_bound) {
        return true;
    }
    let open_start = |e: &Event| e.modifier == Some(Mod::OnOrAfter) && matches!(e.when, Value::Day(_));
    let interval = |e: &Event| e.modifier.is_none() && matches!(e.when, Value::Interval(..));
    // A report's window and the days it stands for, whose ends differ by the publication day
    // (`за неделю` in a headline of 8 April, `с 1 по 7 апреля` in the body).
    let longer = |e: &Event| {
        interval(e) && matches!((e.when.first_day(), e.when.last_day()), (Some(x), Some(y)) if (y - x).num_days() >= 2)
    };
    let ends_near =
        matches!((a.when.last_day(), b.when.last_day()), (Some(x), Some(y)) if (x - y).num_days().abs() <= 1);
    a.when.first_day() == b.when.first_day()
        && ((open_start(a) && interval(b)) || (interval(a) && open_start(b)) || (longer(a) && longer(b) && ends_near))
}

/// Whether both events start on one day and stay open after it, at any grain: a headline's
/// `с понедельника` and the body's `со следующей недели` (that week starting on that Monday).
fn open_starts_together(a: &Event, b: &Event) -> bool {
    a.modifier == Some(Mod::OnOrAfter)
        && b.modifier == Some(Mod::OnOrAfter)
        && a.when.first_day().is_some()
        && a.when.first_day() == b.when.first_day()
}

/// How far (in sentences) past the first sentence that ended the latest period's chain a
/// sentence that names that period (`За тот же период ...`) still resumes it: right after
/// that sentence, with nothing else between.
const PERIOD_RESUME_REACH: usize = 1;

/// Whether an event is dated by a period: an interval with no mod (`за сутки`, `с 16 по 22
/// марта`).
fn of_a_period(e: &Event) -> bool {
    e.modifier.is_none() && matches!(e.when, Value::Interval(..))
}

/// Whether an event is dated by a report's window of two days (`за сутки`: the day before
/// publication and the publication day).
fn is_report_window(e: &Event) -> bool {
    of_a_period(e) && matches!((e.when.first_day(), e.when.last_day()), (Some(a), Some(b)) if (b - a).num_days() == 1)
}

/// Whether one event is dated by a report's window and the other by one of its two days
/// (`за сутки выявили 512 случаев` in a headline, `на 20 октября, за сутки ... выявлено 512`
/// in the body, which the day of the report dates): one report, when a headline says it.
fn window_holds(a: &Event, b: &Event) -> bool {
    let holds = |w: &Event, d: &Event| {
        is_report_window(w)
            && d.modifier.is_none()
            && matches!(d.when, Value::Day(_))
            && (d.when.first_day() == w.when.first_day() || d.when.first_day() == w.when.last_day())
    };
    holds(a, b) || holds(b, a)
}

/// Moves a restatement's evidence, sources, mentions, kinds, cues, measures, places and figures
/// into the event it restates (what `e` keeps is dropped).
fn restate(into: &mut Event, e: &mut Event, doc: &Option<Arc<str>>) {
    use std::mem::take;
    let base = into.evidence.len().max(1);
    let (a, b) = (into.sentence.clone(), e.sentence.clone());
    let source = |sentence: &Span| Some(Source { doc: doc.clone(), sentence: sentence.clone() });
    into.sources = concat(list_of(&mut into.sources), source(&a), list_of(&mut e.sources), source(&b)).into();
    into.evidence = concat(list_of(&mut into.evidence), Some(a), list_of(&mut e.evidence), Some(b)).into();
    into.mentions.extend(e.mentions.iter().copied());
    into.kinds.extend(e.kinds);
    let mut cues = std::mem::take(&mut into.cues).into_vec();
    for c in take(&mut e.cues) {
        if !cues.contains(&c) {
            cues.push(c);
        }
    }
    into.cues = cues.into();
    into.measures.extend(e.measures);
    let mut places = list_of(&mut into.places);
    for mut p in take(&mut e.places) {
        if !places.iter().any(|q| q.name == p.name && q.kind == p.kind) {
            p.sentence += base;
            places.push(p);
        }
    }
    into.places = places.into();
    // A count both restate is one figure: the same value, or a rounding of it (`более 74
    // тысяч` and `74 692`), kept in its exact form; one of persons and one of cases may be
    // the same cases (`7 тысяч заболевших`, `7 412 случаев`).
    let mut figures = list_of(&mut into.figures);
    let one_sort =
        |g: &Figure, f: &Figure| g.what == f.what && (g.unit == f.unit || g.what != super::figures::FigureWhat::Other);
    for mut f in take(&mut e.figures) {
        f.sentence += base;
        match figures.iter_mut().find(|g| one_sort(g, &f) && same_count(g, &f)) {
            Some(g) => {
                if g.approx && !f.approx {
                    *g = f;
                }
            }
            None => figures.push(f),
        }
    }
    into.figures = figures.into();
}

/// Whether two events state one count of the same sort ([`same_count`]): a headline and a
/// body sentence that share few words (`Более 3 тысяч новых случаев выявили за сутки`, `За
/// минувшие сутки зарегистрировано 3 206 случаев`) tell one report when they do.
fn shares_count(a: &Event, b: &Event) -> bool {
    // (What they count, whatever the noun: `7 тысяч заболевших` and `7 412 случаев` are cases.)
    let counted = |x: &Figure| x.what != super::figures::FigureWhat::Other;
    a.figures.iter().any(|x| counted(x) && b.figures.iter().any(|y| x.what == y.what && same_count(x, y)))
}

/// Do two events each state counts, and none of them the same (`выявлено 40 759 случаев` and
/// `госпитализированы 5 870 человек`, both cases on one day)? They are two statistics of one
/// day, not one told twice: a restatement repeats its count, or states none.
fn distinct_counts(a: &Event, b: &Event) -> bool {
    let counted = |e: &Event| e.figures.iter().any(|x| x.what != super::figures::FigureWhat::Other);
    counted(a) && counted(b) && !shares_count(a, b)
}

/// Whether two figures of one kind in restatements of one happening give the same count: the
/// same value, or one of them approximate and within a tenth of the other (a headline's
/// rounded `более 74 тысяч` for the body's `74 692`).
fn same_count(a: &Figure, b: &Figure) -> bool {
    a.value == b.value
        || ((a.approx || b.approx) && (a.value - b.value).abs() <= 0.1 * a.value.abs().max(b.value.abs()))
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Document};

    /// The signature as first written: each word's characters found one by one.
    fn signature_reference(tokens: &crate::text::Tokens) -> super::Signature {
        use std::hash::Hasher;
        let mut sig = super::Signature::default();
        for i in 0..tokens.len() {
            if tokens.get(i).is_none_or(|t| t.kind != crate::text::TokenKind::Word) {
                continue;
            }
            let norm = tokens.norm(i);
            let mut starts = norm.char_indices().map(|(at, _)| at);
            if starts.nth(3).is_none() {
                continue;
            }
            let stem = starts.nth(1).and_then(|end| norm.get(..end)).unwrap_or(norm);
            let mut h = crate::text::wordmap::FxHasher::default();
            h.write(stem.as_bytes());
            let bit = h.finish() % 256;
            sig[(bit / 64) as usize] |= 1 << (bit % 64);
        }
        sig
    }

    #[test]
    fn a_token_looked_for_near_a_sentence_is_the_token_of_the_whole_piece() {
        use crate::text::Tokens;
        let text = "Первая фраза, 12 мая.  Вторая «фраза» — 3 000 человек!\n\nТретья";
        let tokens = Tokens::new(text);
        let n = tokens.len();
        for start in 0..=n + 1 {
            for end in 0..=n + 1 {
                for at in 0..=text.len() + 2 {
                    let whole = tokens.as_slice().partition_point(|t| t.end() <= at);
                    assert_eq!(super::token_at(&tokens, start..end, at), whole, "{start}..{end} at {at}");
                }
            }
        }
    }

    #[test]
    fn a_sentence_without_a_closing_mark_among_its_tokens_has_no_quote_closer() {
        use crate::text::{split_sentences, Tokens};
        let text = "Это так», — сказал он. Он прав\", — да. Нет кавычек” – нет. Просто текст, — и всё.";
        let tokens = Tokens::new(text);
        let rules = crate::lang::Lang::Ru.table().sentences;
        let mut closers = 0;
        for s in split_sentences(&tokens, rules) {
            let sentence = &text[s.span.clone()];
            let closer = super::quote_closer(sentence);
            assert!(closer.is_none() || super::has_closing_mark(text, &tokens, s.tokens.clone()), "{sentence}");
            closers += usize::from(closer.is_some());
        }
        assert_eq!(closers, 3);
    }

    #[test]
    fn quotes_read_when_asked_are_the_quotes_read_forward() {
        use crate::text::{split_sentences, Tokens};
        let text = "«Это вынужденная мера. Мы ждём.\n\nОн сказал: «Всё. Так\" и \"Нет\" «Да». «Ещё раз.\n\nКонец. «Тут";
        let tokens = Tokens::new(text);
        let rules = crate::lang::Lang::Ru.table().sentences;
        let sentences = split_sentences(&tokens, rules);
        assert!(sentences.len() >= 6);
        // Read forward, every sentence (what the builder did before it read only on demand).
        let mut eager = Vec::new();
        let mut quote = (false, usize::MAX);
        for s in &sentences {
            let still = quote.0 && quote.1 == s.paragraph;
            eager.push(still);
            quote = (quotes_reference(still, &text[s.span.clone()]), s.paragraph);
        }
        // Every set of sentences asked about, in order.
        for mask in 0u32..(1 << sentences.len()) {
            let mut q = super::Quotes {
                sentences: &sentences,
                text,
                tokens: &tokens,
                next: 0,
                open: false,
                paragraph: usize::MAX,
            };
            for (i, want) in eager.iter().enumerate().filter(|(i, _)| mask & (1 << i) != 0) {
                assert_eq!(q.open_before(i), *want, "sentence {i}, mask {mask:b}");
            }
        }
        assert!(eager.iter().any(|&o| o));
    }

    #[test]
    fn the_signature_reads_the_stems_it_always_read() {
        // Words of two-byte letters (long, of five letters, of four), ASCII, mixed, and
        // three-byte characters.
        for s in [
            "Карантин продлили до 15 апреля в Алматы и области.",
            "Школы закрыли, мост стал, COVID-19 и ПЦР-тесты, Wuhan.",
            "Қазақстанда шектеу күшейді; ёлка, «Ёж», №5 ‰‰‰‰‰ и €€€€ или x€y€z.",
            "абвг абвгд абвгде a1б2в3 ÿÿÿÿÿÿ",
        ] {
            let tokens = crate::text::Tokens::new(s);
            assert_eq!(super::signature(&tokens, 0..tokens.len()), signature_reference(&tokens), "{s}");
        }
    }

    /// The character-by-character reading the token scan of `quotes_left_open` stands for.
    fn quotes_reference(open: bool, sentence: &str) -> bool {
        let mut depth = i32::from(open);
        let mut prev = ' ';
        for c in sentence.chars() {
            match c {
                '«' | '“' | '„' => depth += 1,
                '»' | '”' => depth -= 1,
                '"' if prev.is_whitespace() => depth += 1,
                '"' => depth -= 1,
                _ => {}
            }
            prev = c;
        }
        depth > 0
    }

    #[test]
    fn quotes_are_counted_as_the_characters_say() {
        let cases = [
            "Он сказал: «Ограничения продлят",
            "«Карантин продлён», — сообщил аким.",
            "„Мы готовы“, — заявил министр. \"Всё",
            "Слово \"карантин\" звучит",
            "\u{a0}\"Новые меры",
            "Цитата” закрыта",
            "«Первая «вложенная» часть",
            "ТОО\"Ромашка\" и ООО«Лето»закрыты",
            "Фраза\u{ad}\"в кавычках\"",
            "12\"5 и 3”",
            "",
        ];
        for open in [false, true] {
            for s in cases {
                let tokens = crate::text::Tokens::new(s);
                let all = 0..tokens.len();
                assert_eq!(super::quotes_left_open(open, s, &tokens, all), quotes_reference(open, s), "{open} {s:?}");
            }
        }
    }
    use std::sync::Arc;

    #[test]
    fn sentence_spans_carry_bytes_and_characters() {
        let doc = Document::parse("date 2020-03-20 Ёлки. 16 марта ввели карантин. Школы закрыты.").unwrap();
        let t = analyze(&doc).timeline;
        let e = &t.events()[0];
        assert_eq!(&doc.text()[e.sentence.bytes.clone()], "16 марта ввели карантин.");
        let chars: Vec<char> = doc.text().chars().collect();
        let s: String = chars[e.sentence.chars.clone()].iter().collect();
        assert_eq!(s, "16 марта ввели карантин.");
        assert_eq!(e.sources[0].sentence, e.sentence);
        // A measure after a quarantine is one of its measures: its sentence is evidence.
        assert_eq!(t.len(), 1);
        assert_eq!(e.evidence.len(), 2);
        assert_eq!(&doc.text()[e.evidence[1].bytes.clone()], "Школы закрыты.");
        assert_eq!(e.measures, [crate::EventKind::SchoolClosing]);
        let json = serde_json::to_string(&t).unwrap();
        assert!(json.contains(r#""sentence":{"start":6,"end":30,"byte_start":10,"byte_end":52}"#), "{json}");
    }

    #[test]
    fn the_document_id_is_stored_once() {
        let doc =
            Document::parse("date 2020-03-20 16 марта ввели карантин. 17 марта закрыли школы.").unwrap().with_id("a");
        let t = analyze(&doc).timeline;
        let ids: Vec<&Arc<str>> = t.iter().filter_map(|e| e.sources[0].doc.as_ref()).collect();
        assert_eq!(ids.len(), 2);
        assert!(Arc::ptr_eq(ids[0], ids[1]));
        assert!(serde_json::to_string(&t).unwrap().contains(r#""doc":"a""#));
    }

    #[test]
    fn continuations_are_read_on_tokens() {
        let doc =
            Document::parse("date 2020-03-20 16 марта выявили 5 случаев. Все  они прибыли. Все они прибыли.").unwrap();
        let t = analyze(&doc).timeline;
        // Two spaces are not the opening `все они`; after an undated sentence the chain is broken.
        assert_eq!(t.len(), 1);
        assert_eq!(t.undated().len(), 2);
        let doc = Document::parse("date 2020-03-20 16 марта выявили 5 случаев. «Все они» так считают.").unwrap();
        let t = analyze(&doc).timeline;
        assert_eq!((t.len(), t.undated().len(), t.events()[0].evidence.len()), (1, 0, 2));
    }

    #[test]
    fn one_happening_per_clause() {
        use crate::EventKind;
        let t = |s: &str| analyze(&Document::parse(&format!("date 2020-04-05 {s}")).unwrap()).timeline;
        // A list of days is one event.
        let list = t("Нерабочими днями объявлены 9, 10 и 11 апреля.");
        assert_eq!(list.len(), 1);
        assert_eq!(list.events()[0].when.to_string(), "2020-04-09/2020-04-11");
        assert_eq!(list.events()[0].mentions.len(), 3);
        // A clock time on the day of a date refines it.
        let refined = t("Рынки откроют 12 апреля, торговля начнётся в 10:00.");
        assert_eq!(refined.len(), 1, "{refined:?}");
        assert_eq!(refined.events()[0].when.to_string(), "2020-04-12T10:00");
        // Two dates, two happenings, each with its own places.
        let two = t("12 апреля карантин ввели в Алматы, а 14 апреля — в Шымкенте.");
        assert_eq!(two.len(), 2);
        let places: Vec<Vec<&str>> = two.iter().map(|e| e.places.iter().map(|p| &*p.name).collect()).collect();
        assert_eq!(places, [vec!["Алматы"], vec!["Шымкент"]]);
        // ... and its own kinds, when its clause names one.
        let two = t("Режим ЧП ввели 16 марта, а 19 марта в столице начался карантин.");
        let kinds: Vec<Vec<EventKind>> = two.iter().map(|e| e.kinds.to_vec()).collect();
        assert_eq!(kinds, [vec![EventKind::StateOfEmergency], vec![EventKind::Quarantine]]);
    }

    #[test]
    fn an_addition_may_name_a_measure_of_its_own_an_anaphora_goes_on() {
        let t = |s: &str| analyze(&Document::parse(&format!("date 2020-04-05 {s}")).unwrap()).timeline;
        let added = t("5 апреля в Актобе выявили 7 случаев заражения. Также в городе закрыли все школы.");
        assert_eq!(added.len(), 2, "{added:?}");
        assert!(added.events()[1].inherited);
        let same = t("5 апреля в Актобе закрыли рынки. Это необходимо, чтобы не допустить скопления людей.");
        assert_eq!(same.len(), 1, "{same:?}");
        assert_eq!(same.events()[0].evidence.len(), 2);
    }

    #[test]
    fn the_next_sentence_of_a_quote_goes_on_with_it() {
        let doc = Document::parse(
            "date 2020-04-10 Сегодня аким обратился к жителям. «Это вынужденная мера. Чем строже мы соблюдаем ограничения, тем быстрее вернёмся к обычной жизни», — сказал он.",
        )
        .unwrap();
        let t = analyze(&doc).timeline;
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t.events()[0].evidence.len(), 3);
    }

    #[test]
    fn restatements_are_one_event() {
        let doc = Document::parse(
            "date 2020-04-05 С 6 апреля в Караганде закроют рынки\n\nВ Караганде с 6 апреля закроют все рынки, сообщил аким. Торговые центры работают.",
        )
        .unwrap();
        let t = analyze(&doc).timeline;
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t.events()[0].evidence.len(), 2);
    }

    /// Each event's first words and its places, `*` after a context place.
    fn located(text: &str) -> Vec<(String, Vec<String>)> {
        let doc = Document::parse(text).unwrap();
        let t = analyze(&doc).timeline;
        t.iter()
            .map(|e| {
                let words: String = e.text.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
                let places =
                    e.places.iter().map(|p| format!("{}{}", p.name, if p.context { "*" } else { "" })).collect();
                (words, places)
            })
            .collect()
    }

    /// The places of the event whose sentence starts with `start`.
    fn at<'a>(events: &'a [(String, Vec<String>)], start: &str) -> &'a [String] {
        &events.iter().find(|(w, _)| w.starts_with(start)).unwrap_or_else(|| panic!("{start}: {events:?}")).1
    }

    #[test]
    fn a_national_story_gives_its_country() {
        let e = located(
            "date 2020-05-12 В Казахстане смягчают карантин\n\n\
             С 11 мая в Казахстане возобновили работу парикмахерские и салоны красоты, сообщили в правительстве.\n\n\
             С 18 мая откроются торговые центры.\n\n\
             За последние сутки выявлено 280 новых случаев коронавируса.",
        );
        assert_eq!(at(&e, "С 11 мая"), ["Казахстан"]);
        assert_eq!(at(&e, "С 18 мая"), ["Казахстан*"]);
        assert_eq!(at(&e, "За последние"), ["Казахстан*"]);
    }

    #[test]
    fn a_regional_story_gives_its_region_and_a_city_keeps_its_own() {
        let e = located(
            "date 2020-06-24 В Актюбинской области ввели масочный режим\n\n\
             С 25 июня в Актюбинской области ношение масок обязательно во всех общественных местах.\n\n\
             Вчера в Актобе выявили 45 новых случаев коронавируса.\n\n\
             22 июня в регионе закрыли фитнес-центры и бассейны.\n\n\
             20 июня прошло заседание оперативного штаба.",
        );
        assert_eq!(at(&e, "С 25 июня"), ["Актюбинская область"]);
        assert_eq!(at(&e, "Вчера в Актобе"), ["Актобе"]);
        assert_eq!(at(&e, "22 июня"), ["Актюбинская область*"]);
        assert_eq!(at(&e, "20 июня"), ["Актюбинская область*"]);
    }

    #[test]
    fn a_city_story_gives_its_city() {
        let e = located(
            "date 2020-04-02 В Екатеринбурге закрыли парки\n\n\
             С 3 апреля в Екатеринбурге закрыты все парки и скверы, сообщили в мэрии.\n\n\
             Сегодня на дезинфекцию улиц вышли 40 машин.",
        );
        assert_eq!(at(&e, "Сегодня"), ["Екатеринбург*"]);
    }

    #[test]
    fn a_republic_is_the_region_in_a_story_of_a_republic_of_russia_and_the_country_else() {
        let e = located(
            "date 2021-10-13 В Казани ввели QR-коды для торговых центров\n\n\
             С 18 октября в Казани и Набережных Челнах вход в торговые центры возможен только по QR-кодам.\n\n\
             Накануне в республике выявили 146 случаев коронавируса.",
        );
        assert_eq!(at(&e, "Накануне в республике"), ["Татарстан*"]);
        let e = located(
            "date 2021-10-13 В Шымкенте ввели QR-коды\n\n\
             С 18 октября в Шымкенте вход в торговые центры возможен только по QR-кодам.\n\n\
             Накануне в республике выявили 846 случаев коронавируса.",
        );
        assert_eq!(at(&e, "Накануне в республике"), ["Казахстан*"]);
    }

    #[test]
    fn a_dateline_does_not_make_a_city_story() {
        let e = located(
            "date 2020-09-14 Кинотеатры откроются с 15 сентября\n\n\
             АЛМАТЫ, 14 сентября. /КазТАГ/. С 15 сентября в Казахстане возобновят работу кинотеатры.\n\n\
             Театры откроются с 1 октября.",
        );
        assert_eq!(at(&e, "Театры"), ["Казахстан*"]);
    }

    #[test]
    fn a_story_of_demonyms_only_gives_their_country() {
        let e = located(
            "date 2020-04-14 Пособие получили 2 миллиона казахстанцев\n\n\
             13 апреля выплаты получили ещё 300 тысяч казахстанцев.\n\n\
             Следующий транш поступит 15 апреля.",
        );
        assert_eq!(at(&e, "Следующий"), ["Казахстан*"], "a context place");
        // Demonyms of two countries as often: no one country.
        let e = located("date 2020-04-14 13 апреля на родину вернулись 40 казахстанцев и 40 россиян.");
        assert!(at(&e, "13 апреля").is_empty(), "{e:?}");
        // A named place wins over demonyms.
        let e = located("date 2020-04-14 13 апреля в Москве выплаты получили 500 казахстанцев.");
        assert_eq!(at(&e, "13 апреля"), ["Москва"]);
    }

    #[test]
    fn a_story_of_several_regions_gives_no_place() {
        let e = located(
            "date 2020-04-20 Карантин продлили в трёх регионах\n\n\
             С 20 апреля карантин в Карагандинской области продлён до 30 апреля.\n\n\
             В Костанайской области 19 апреля закрыли рынки.\n\n\
             В Атырауской области с 21 апреля ограничат движение транспорта.\n\n\
             18 апреля прошло заседание республиканского оперативного штаба.",
        );
        assert_eq!(at(&e, "В Костанайской"), ["Костанайская область"]);
        assert!(at(&e, "18 апреля").is_empty(), "{e:?}");
    }

    #[test]
    fn travellers_from_abroad_keep_a_regional_story_regional() {
        let e = located(
            "date 2020-03-25 В Северо-Казахстанской области выявили новые случаи\n\n\
             Вчера в Петропавловске подтвердили три случая: все заболевшие вернулись из Москвы и Праги.\n\n\
             С 26 марта в Северо-Казахстанской области закрываются рынки.\n\n\
             Сегодня контактных лиц поместили на карантин.",
        );
        assert_eq!(at(&e, "Сегодня"), ["Северо-Казахстанская область*"]);
    }

    #[test]
    fn anaphora_and_the_article_place_are_context_places_in_json() {
        let doc = Document::parse(
            "date 2020-04-10 Вчера в Казахстане выявили 40 новых случаев коронавируса.\n\n\
             Сегодня в республике закрыли все рынки.",
        )
        .unwrap();
        let t = analyze(&doc).timeline;
        let places: Vec<(&str, bool, usize)> =
            t.iter().flat_map(|e| e.places.iter().map(|p| (&*p.name, p.context, p.sentence))).collect();
        assert_eq!(places, [("Казахстан", false, 0), ("Казахстан", true, 0)]);
        let json = |p: &crate::Place| serde_json::to_string(p).unwrap();
        assert!(!json(&t.events()[0].places[0]).contains("context"));
        assert!(json(&t.events()[1].places[0]).ends_with(r#""sentence":0,"context":true}"#));
        let back: crate::Place = serde_json::from_str(&json(&t.events()[1].places[0])).unwrap();
        assert!(back.context);
    }
}
