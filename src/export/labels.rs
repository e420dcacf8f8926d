//! The words a reader sees for an event, shared by the Markdown, HTML and text formats:
//! `before 2020-04-15`, `state of emergency, cases`, `~500 people`, `42 500`.

use crate::event::figures::{Figure, FigureWhat};
use crate::event::kinds::EventKind;
use crate::event::Event;
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
pub(crate) fn kinds_text(kinds: &[EventKind]) -> String {
    kinds.iter().map(|k| k.label()).collect::<Vec<_>>().join(", ")
}

/// A figure as a reader says it: `49 cases`, `~500 people`, `80%`, `300 000 000 000 KZT`.
pub(crate) fn figure_text(f: &Figure) -> String {
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
    }
}
