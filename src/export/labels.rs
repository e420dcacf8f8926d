//! The words a reader sees for an event, shared by the Markdown, HTML and text formats:
//! `before 2020-04-15`, `state of emergency, cases`, `measures: school closing`, `3
//! sentences`, `Алматы (KZ-75)`, `~500 people`, `312 cases (new)`, `42 500`.

use crate::event::figures::{Count, Figure, FigureWhat};
use crate::event::{Event, Kinds, Place};
use crate::mention::Mod;
use crate::timeline::Timeline;
use std::collections::HashSet;

/// The distinct document ids an event was read from, in order (linear in its sources: a
/// merged event may have thousands).
pub(crate) fn sources(e: &Event) -> Vec<&str> {
    let mut seen = Distinct::default();
    e.sources.iter().filter_map(|s| s.doc.as_deref()).filter(|id| seen.insert(id)).collect()
}

/// The distinct document ids of a timeline's events, in order of first appearance.
pub(crate) fn timeline_sources(timeline: &Timeline) -> Vec<&str> {
    let mut seen = Distinct::default();
    timeline
        .iter()
        .flat_map(|e| e.sources.iter().filter_map(|s| s.doc.as_deref()))
        .filter(|id| seen.insert(id))
        .collect()
}

/// The strings seen so far: a short list looked through, then a hash set when it grows.
#[derive(Default)]
struct Distinct<'a> {
    few: Vec<&'a str>,
    many: HashSet<&'a str>,
}

impl<'a> Distinct<'a> {
    /// Whether `s` is new (and now seen).
    fn insert(&mut self, s: &'a str) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&s) {
                return false;
            }
            if self.few.len() < 8 {
                self.few.push(s);
                return true;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(s)
    }
}

/// `1 event`, `3 events`.
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// When an event happened: its TIMEX3 value after a word for its mod.
pub(crate) fn when_text(e: &Event) -> String {
    match e.modifier {
        Some(m) => format!("{} {}", mod_word(m), e.when),
        None => e.when.to_string(),
    }
}

/// A word for a mod, to put before the value.
pub(crate) fn mod_word(m: Mod) -> &'static str {
    match m {
        Mod::Before => "before",
        Mod::After => "after",
        Mod::OnOrBefore => "until",
        Mod::OnOrAfter => "from",
        Mod::Start => "start of",
        Mod::Mid => "mid",
        Mod::End => "end of",
        Mod::Approx => "about",
    }
}

/// The kinds' labels, comma-separated.
pub(crate) fn kinds_text(kinds: &Kinds) -> String {
    kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")
}

/// The measures a decree lists, after a word that says so: `measures: school closing,
/// workplace closing`; empty when there are none.
pub(crate) fn measures_text(measures: &Kinds) -> String {
    if measures.is_empty() {
        return String::new();
    }
    format!("measures: {}", kinds_text(measures))
}

/// How many sentences report an event: `1 sentence`, `3 sentences` (its evidence; an event
/// read back from a JSON without evidence has its one sentence).
pub(crate) fn evidence_text(e: &Event) -> String {
    count(e.evidence.len().max(1), "sentence", "sentences")
}

/// A place with its code when it has one: `Алматы (KZ-75)`, `Казахстан (KAZ)`.
pub(crate) fn place_text(p: &Place) -> String {
    if p.code.is_empty() {
        p.name.to_string()
    } else {
        format!("{} ({})", p.name, p.code)
    }
}

/// A figure as a reader says it: `49 cases`, `~500 people`, `80%`, `300 000 000 000 KZT`,
/// then a tag in parentheses when the sentence says more: `new` or `total` (see
/// [`Count`]) and `part` for a part of another count (`из них 12`): `312 cases (new)`,
/// `2 700 tests (total)`, `2 people (part)`, `12 cases (new, part)`.
pub(crate) fn figure_text(f: &Figure) -> String {
    let mut text = amount_text(f);
    let count = match f.count {
        Some(Count::New) => Some("new"),
        Some(Count::Cumulative) => Some("total"),
        _ => None,
    };
    let part = f.subset.then_some("part");
    match (count, part) {
        (Some(c), Some(p)) => {
            text.push_str(" (");
            text.push_str(c);
            text.push_str(", ");
            text.push_str(p);
            text.push(')');
        }
        (Some(t), None) | (None, Some(t)) => {
            text.push_str(" (");
            text.push_str(t);
            text.push(')');
        }
        (None, None) => {}
    }
    text
}

/// A figure's number and unit, without tags: `49 cases`, `~500 people`, `80%`.
fn amount_text(f: &Figure) -> String {
    let approx = if f.approx { "~" } else { "" };
    let number = number_text(f.value);
    let unit = match f.what {
        FigureWhat::Cases => "cases",
        FigureWhat::Deaths => "deaths",
        FigureWhat::Recoveries => "recoveries",
        FigureWhat::Tests => "tests",
        FigureWhat::Vaccinated => "vaccinated",
        _ => f.unit.as_ref(),
    };
    if unit == "%" || unit.is_empty() {
        format!("{approx}{number}{unit}")
    } else {
        format!("{approx}{number} {unit}")
    }
}

/// A number with at most two decimals, its thousands grouped by a narrow no-break space when
/// it has five digits or more.
pub(crate) fn number_text(v: f64) -> String {
    if !v.is_finite() {
        return v.to_string();
    }
    let rounded = (v * 100.0).round() / 100.0;
    let whole = rounded.trunc().abs();
    if whole >= 1e15 {
        return format!("{v}");
    }
    let text = format!("{whole:.0}");
    let mut grouped = String::with_capacity(text.len() * 2);
    for (i, c) in text.chars().enumerate() {
        if i > 0 && (text.len() - i) % 3 == 0 && text.len() > 4 {
            grouped.push('\u{202f}');
        }
        grouped.push(c);
    }
    let sign = if rounded < 0.0 { "-" } else { "" };
    let fraction = (rounded.abs() - whole) * 100.0;
    let fraction = fraction.round() as u32;
    match fraction {
        0 => format!("{sign}{grouped}"),
        f if f % 10 == 0 => format!("{sign}{grouped}.{}", f / 10),
        f => format!("{sign}{grouped}.{f:02}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_figures() {
        assert_eq!(number_text(49.0), "49");
        assert_eq!(number_text(5000.0), "5000");
        assert_eq!(number_text(42500.0), "42\u{202f}500");
        assert_eq!(number_text(300e9), "300\u{202f}000\u{202f}000\u{202f}000");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(-12345.0), "-12\u{202f}345");
        let f = |value, unit: &'static str, what, approx| Figure {
            value,
            unit: unit.into(),
            what,
            approx,
            count: None,
            subset: false,
            span: Default::default(),
            sentence: 0,
        };
        assert_eq!(figure_text(&f(14.0, "people", FigureWhat::Cases, false)), "14 cases");
        assert_eq!(figure_text(&f(500.0, "people", FigureWhat::People, true)), "~500 people");
        assert_eq!(figure_text(&f(80.0, "%", FigureWhat::Percent, false)), "80%");
        assert_eq!(figure_text(&f(1.5e6, "KZT", FigureWhat::Money, false)), "1\u{202f}500\u{202f}000 KZT");
        let tagged = |count, subset| Figure { count, subset, ..f(312.0, "people", FigureWhat::Cases, false) };
        assert_eq!(figure_text(&tagged(Some(Count::New), false)), "312 cases (new)");
        assert_eq!(figure_text(&tagged(Some(Count::Cumulative), false)), "312 cases (total)");
        assert_eq!(figure_text(&tagged(None, true)), "312 cases (part)");
        assert_eq!(figure_text(&tagged(Some(Count::New), true)), "312 cases (new, part)");
    }

    #[test]
    fn measures_evidence_and_places() {
        assert_eq!(measures_text(&Kinds::new()), "");
        assert_eq!(
            measures_text(&Kinds::from([crate::EventKind::SchoolClosing, crate::EventKind::WorkplaceClosing])),
            "measures: school closing, workplace closing"
        );
        let mut p = Place {
            name: "Алматы".into(),
            kind: crate::event::places::PlaceKind::City,
            country: "KZ".into(),
            code: "KZ-75".into(),
            sentence: 0,
            context: false,
        };
        assert_eq!(place_text(&p), "Алматы (KZ-75)");
        p.code = "".into();
        assert_eq!(place_text(&p), "Алматы");
    }
}
