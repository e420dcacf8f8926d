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
//! 1. it opens with a connective or anaphoric phrase ([`CONTINUATIONS`]: `Все они`, `Из
//!    них`, `При этом`, `Также`, ...), or
//! 2. the dated event is a decree (a state of emergency or a quarantine) and the sentence
//!    names a measure of any kind (the list of measures after a decree), or
//! 3. it reports an event of a kind the dated event has (the same topic goes on).
//!
//! Any other undated sentence, and everything after it until the next date, stays undated
//! and is kept in [`Timeline::undated`](crate::Timeline::undated): nothing the article says
//! is thrown away. Limits: the rule looks one sentence back at a time, so a digression
//! breaks the chain; an article written as one paragraph lets a chain run across topics
//! that share a kind.

use super::kinds::EventKind;
use super::lexicon::CONTINUATIONS;
use super::{describe, Description, Event, Source};
use crate::mention::{Mention, Mod, TimexType};
use crate::value::Value;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// A sentence with no date of its own that no dated event took in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Undated {
    /// Byte span of the sentence in the document text.
    pub sentence: Range<usize>,
    /// The sentence's text.
    pub text: String,
}

/// One sentence as the builder sees it.
#[derive(Clone, Debug)]
pub struct SentenceInfo {
    /// Byte span in the text.
    pub span: Range<usize>,
    /// Paragraph number.
    pub paragraph: usize,
}

/// Builds the events (in text order) and the undated sentences of a document.
pub fn events(
    text: &str,
    doc: Option<&str>,
    sentences: &[SentenceInfo],
    mentions: &[Mention],
) -> (Vec<Event>, Vec<Undated>) {
    let mut events: Vec<Event> = Vec::new();
    let mut undated = Vec::new();
    // The events of the latest dated sentence, while the chain of continuations holds.
    let mut chain: Option<Range<usize>> = None;
    let mut previous_paragraph = usize::MAX;
    let mut m = 0;
    for (index, sentence) in sentences.iter().enumerate() {
        let sentence_text = text.get(sentence.span.clone()).unwrap_or("");
        let first = m;
        while m < mentions.len() && mentions[m].sentence == index {
            m += 1;
        }
        let start = events.len();
        dated(&mut events, &mentions[first..m], first, sentence, sentence_text);
        if events.len() > start {
            let d = describe(sentence_text);
            for e in &mut events[start..] {
                fill(e, &d, doc);
            }
            chain = Some(start..events.len());
            previous_paragraph = sentence.paragraph;
            continue;
        }
        let joined = match &chain {
            Some(range) if sentence.paragraph == previous_paragraph => {
                let d = describe(sentence_text);
                if continues(&events[range.clone()], sentence_text, &d) {
                    let added = inherit(&events[range.clone()], sentence, sentence_text, &d, doc);
                    events.extend(added);
                    true
                } else {
                    false
                }
            }
            _ => false,
        };
        if !joined {
            chain = None;
            undated.push(Undated { sentence: sentence.span.clone(), text: sentence_text.to_string() });
        }
    }
    (events, undated)
}

/// The events of one dated sentence (see the module docs).
fn dated(events: &mut Vec<Event>, mentions: &[Mention], offset: usize, sentence: &SentenceInfo, text: &str) {
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
            sentence: sentence.span.clone(),
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

fn fill(e: &mut Event, d: &Description, doc: Option<&str>) {
    e.kinds = if d.kinds.is_empty() { vec![EventKind::Other] } else { d.kinds.clone() };
    e.cues = d.cues.clone();
    e.exempted = d.exempted.clone();
    e.places = d.places.clone();
    e.figures = d.figures.clone();
    e.sources = vec![Source { doc: doc.map(str::to_string), sentence: e.sentence.clone() }];
}

/// Does an undated sentence continue the events before it?
fn continues(before: &[Event], text: &str, d: &Description) -> bool {
    // The longest continuation is a few words: lower-case only the sentence's first 40 letters.
    let start = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let opening: String =
        start.chars().take(40).flat_map(char::to_lowercase).map(|c| if c == 'ё' { 'е' } else { c }).collect();
    let connective = CONTINUATIONS.iter().any(|c| {
        opening
            .strip_prefix(c)
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|ch: char| !ch.is_alphanumeric()))
    });
    if connective {
        return true;
    }
    let decree =
        before.iter().any(|e| e.kinds.iter().any(|k| matches!(k, EventKind::StateOfEmergency | EventKind::Quarantine)));
    if decree && !d.kinds.is_empty() {
        return true;
    }
    d.kinds.iter().any(|k| *k != EventKind::Other && before.iter().any(|e| e.kinds.contains(k)))
}

/// The inherited events of a continuing sentence: one per distinct date before it.
fn inherit(before: &[Event], sentence: &SentenceInfo, text: &str, d: &Description, doc: Option<&str>) -> Vec<Event> {
    let mut out: Vec<Event> = Vec::new();
    for e in before {
        if out.iter().any(|o| o.when == e.when && o.modifier == e.modifier) {
            continue;
        }
        let mut inherited = Event {
            when: e.when.clone(),
            modifier: e.modifier,
            sentence: sentence.span.clone(),
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
        out.push(inherited);
    }
    out
}
