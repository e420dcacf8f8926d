//! From sentences and mentions to events.
//!
//! **Dated sentences.** In each sentence every calendar mention is an event, except that a
//! start (no mod, or `с`) followed by an end bound (`до`, `по`) of a later day makes one
//! interval event (`начал действовать 16 марта и продлится до 15 апреля`); mentions of the
//! same value in one sentence are one event. Durations, sets and `PRESENT_REF`-style values
//! date nothing.
//!
//! **Undated sentences.** A sentence with no date of its own that directly follows a dated
//! sentence (or a sentence already joined to it) in the same paragraph joins that event as an
//! *inherited* event with the same date when
//! 1. it opens with a connective or anaphoric phrase (the language's continuations: `Все
//!    они`, `Из них`, `При этом`, `Также`, ...), or
//! 2. the dated event is a decree (a state of emergency or a quarantine) and the sentence
//!    names a measure of any kind (the list of measures after a decree), or
//! 3. it reports an event of a kind the dated event has (the same topic goes on).
//!
//! Any other undated sentence, and everything after it until the next date, stays undated
//! and is kept in [`Timeline::undated`](crate::Timeline::undated): nothing the article says
//! is thrown away.
//!
//! The builder reads the document's tokens and sentences as the pipeline made them (nothing
//! is tokenized again), walks the sentences once in text order, and computes each
//! sentence's character offsets with one forward cursor; the document's id is stored once
//! and shared by every event. Limits: the rule looks one sentence back at a time, so a digression
//! breaks the chain; an article written as one paragraph lets a chain run across topics
//! that share a kind.

use super::kinds::{Cues, EventKind};
use super::{describe_in, describe_kinds_if, describe_rest, Description, Event, EventTables, Source, Span};
use crate::mention::{Mention, Mod, TimexType};
use crate::text::{Sentence, Tokens};
use crate::timeline::Timeline;
use crate::value::Value;
use serde::{Deserialize, Serialize};
use std::ops::Range;
use std::sync::Arc;

/// A sentence with no date of its own that no dated event took in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undated {
    /// The sentence in the document text (bytes and characters).
    pub sentence: Span,
    /// The sentence's text.
    pub text: String,
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
}

/// Builds a document's timeline piece by piece, in text order: the events in chronological
/// order and the undated sentences in text order. A chain of continuations never crosses a
/// piece, since it never crosses a paragraph.
pub(crate) struct Builder<'a> {
    tables: &'a EventTables,
    doc: Option<Arc<str>>,
    chars: CharCursor<'a>,
    events: Vec<Event>,
    undated: Vec<Undated>,
    sentences: Vec<Span>,
}

impl<'a> Builder<'a> {
    /// A builder for the document `text` (whole) with the id `doc`, reading events with a
    /// language's `tables`.
    pub(crate) fn new(tables: &'a EventTables, text: &'a str, doc: Option<&str>) -> Self {
        Builder {
            tables,
            doc: doc.map(Arc::from),
            chars: CharCursor::new(text),
            events: Vec::new(),
            undated: Vec::new(),
            sentences: Vec::new(),
        }
    }

    /// Reads the events of one piece (pieces in text order).
    pub(crate) fn piece(&mut self, p: &Piece<'_>) {
        let (tables, text, tokens, mentions) = (self.tables, p.text, p.tokens, p.mentions);
        let cues: &Cues = tables.cues;
        let events = &mut self.events;
        // A dated event takes at least one mention of its own (inherited events may add more).
        events.reserve(mentions.len());
        // The events of the latest dated sentence, while the chain of continuations holds.
        let mut chain: Option<Range<usize>> = None;
        let mut previous_paragraph = usize::MAX;
        let mut m = 0;
        for (local, sentence) in p.sentences.iter().enumerate() {
            let index = p.first_sentence + local;
            let local_span = sentence.span.start.saturating_sub(p.offset)..sentence.span.end.saturating_sub(p.offset);
            let sentence_text = text.get(local_span).unwrap_or("");
            let span = Span {
                chars: self.chars.at(sentence.span.start)..self.chars.at(sentence.span.end),
                bytes: sentence.span.clone(),
            };
            self.sentences.push(span.clone());
            let first = m;
            while m < mentions.len() && mentions[m].sentence == index {
                m += 1;
            }
            let start = events.len();
            dated(events, &mentions[first..m], p.first_mention + first, &span, sentence_text);
            if events.len() > start {
                let d = describe_in(tables, text, tokens, sentence.tokens.clone());
                if let Some((last, rest)) = events[start..].split_last_mut() {
                    for e in rest {
                        fill(e, &d, &self.doc);
                    }
                    fill_with(last, d, &self.doc);
                }
                chain = Some(start..events.len());
                previous_paragraph = sentence.paragraph;
                continue;
            }
            let joined = match &chain {
                Some(range) if sentence.paragraph == previous_paragraph => {
                    // The kinds decide whether the sentence continues; its places and figures
                    // are read only when it does.
                    let opens = cues.opens_continuation(text, tokens, sentence.tokens.clone());
                    let before = &events[range.clone()];
                    let mut d = Description::default();
                    // Events of no kind but `Other` (and so no decree) share no kind with
                    // anything: only an opening continues them, and the sentence is not read
                    // for nothing.
                    let continues = (opens || before.iter().any(|e| e.kinds.iter().any(|k| *k != EventKind::Other)))
                        && describe_kinds_if(cues, text, tokens, sentence.tokens.clone(), &mut d, |kinds| {
                            opens || continues(before, kinds)
                        });
                    if continues {
                        describe_rest(tables, text, tokens, sentence.tokens.clone(), &mut d);
                        inherit(events, range.clone(), &span, sentence_text, &d, &self.doc);
                    }
                    continues
                }
                _ => false,
            };
            if !joined {
                chain = None;
                self.undated.push(Undated { sentence: span, text: sentence_text.to_string(), doc: self.doc.clone() });
            }
        }
    }

    /// The timeline of every piece read.
    pub(crate) fn finish(self) -> Timeline {
        self.finish_with_sentences().0
    }

    /// The timeline of every piece read, and the spans of every sentence, in text order.
    pub(crate) fn finish_with_sentences(self) -> (Timeline, Vec<Span>) {
        (Timeline::from_parts(self.events, self.undated), self.sentences)
    }
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

/// The events of one dated sentence (see the module docs).
fn dated(events: &mut Vec<Event>, mentions: &[Mention], offset: usize, sentence: &Span, text: &str) {
    let first_event = events.len();
    let mut open_start: Option<usize> = None;
    for (k, m) in mentions.iter().enumerate() {
        let k = k + offset;
        if !m.value.is_calendar() || matches!(m.kind, TimexType::Duration | TimexType::Set) {
            continue;
        }
        if let (Some(e), Some(Mod::Before | Mod::OnOrBefore)) = (open_start, m.modifier) {
            let start: &mut Event = &mut events[e];
            if ends_after(&start.when, &m.value) {
                start.when = Value::interval(start.when.clone(), m.value.clone());
                start.modifier = None;
                start.mentions.push(k);
                open_start = None;
                continue;
            }
        }
        if let Some(same) = events[first_event..].iter_mut().find(|e| e.when == m.value && e.modifier == m.modifier) {
            same.mentions.push(k);
            continue;
        }
        let day_grain = !matches!(m.value, Value::Interval(..) | Value::Time { .. } | Value::PartOfDay { .. });
        open_start = (day_grain && matches!(m.modifier, None | Some(Mod::OnOrAfter))).then_some(events.len());
        events.push(Event {
            when: m.value.clone(),
            modifier: m.modifier,
            sentence: sentence.clone(),
            text: text.to_string(),
            mentions: vec![k],
            kinds: Vec::new(),
            cues: Vec::new(),
            exempted: Vec::new(),
            places: Vec::new(),
            figures: Vec::new(),
            inherited: false,
            sources: Vec::new(),
        });
    }
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

/// Gives an event a copy of its sentence's description and its source.
fn fill(e: &mut Event, d: &Description, doc: &Option<Arc<str>>) {
    fill_with(e, d.clone(), doc);
}

/// Gives an event its sentence's description (moved in) and its source.
fn fill_with(e: &mut Event, d: Description, doc: &Option<Arc<str>>) {
    e.kinds = if d.kinds.is_empty() { vec![EventKind::Other] } else { d.kinds };
    e.cues = d.cues;
    e.exempted = d.exempted;
    e.places = d.places;
    e.figures = d.figures;
    e.sources = vec![Source { doc: doc.clone(), sentence: e.sentence.clone() }];
}

/// Does an undated sentence that opens with no continuation, of these kinds, go on with the
/// events before it (a measure after a decree, or a kind they share)?
fn continues(before: &[Event], kinds: &[EventKind]) -> bool {
    let decree =
        before.iter().any(|e| e.kinds.iter().any(|k| matches!(k, EventKind::StateOfEmergency | EventKind::Quarantine)));
    if decree && !kinds.is_empty() {
        return true;
    }
    kinds.iter().any(|k| *k != EventKind::Other && before.iter().any(|e| e.kinds.contains(k)))
}

/// Adds the inherited events of a continuing sentence: one per distinct date of the events
/// `before` (a range of `events`).
fn inherit(
    events: &mut Vec<Event>,
    before: Range<usize>,
    sentence: &Span,
    text: &str,
    d: &Description,
    doc: &Option<Arc<str>>,
) {
    let added = events.len();
    for b in before {
        let Some(e) = events.get(b) else { continue };
        if events[added..].iter().any(|o| o.when == e.when && o.modifier == e.modifier) {
            continue;
        }
        let mut inherited = Event {
            when: e.when.clone(),
            modifier: e.modifier,
            sentence: sentence.clone(),
            text: text.to_string(),
            mentions: Vec::new(),
            kinds: Vec::new(),
            cues: Vec::new(),
            exempted: Vec::new(),
            places: Vec::new(),
            figures: Vec::new(),
            inherited: true,
            sources: Vec::new(),
        };
        fill(&mut inherited, d, doc);
        events.push(inherited);
    }
}

#[cfg(test)]
mod tests {
    use crate::{analyze, Document};
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
        // A measure after a quarantine continues it.
        assert!(t.events()[1].inherited);
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
        let doc = Document::parse("date 2020-03-20 16 марта выявили 5 случаев. «Все они» прибыли из Китая.").unwrap();
        assert_eq!(analyze(&doc).timeline.len(), 2);
    }
}
