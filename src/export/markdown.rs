//! A readable Markdown timeline: one table row per event, in chronological order.
//!
//! ```markdown
//! # a1 — published 2020-03-20
//!
//! 2 events from 2 temporal expressions.
//!
//! | When | Kinds | Places | Figures | Sentence |
//! | --- | --- | --- | --- | --- |
//! | 2020-03-16/2020-04-15 | state of emergency | Павлодар |  | ЧП ввели 16 марта и продлят до 15 апреля. |
//! | 2020-03-19 | cases |  | 9 cases | Вчера выявлено 9 случаев. |
//! | 2020-03-19 | testing |  |  | ↳ Всех проверили. |
//!
//! ## Undated sentences
//!
//! - Горячая линия работает круглосуточно.
//! ```
//!
//! - **When** is the TIMEX3 value, after a word for its mod: `before 2020-04-15` (`BEFORE`),
//!   `until` (`ON_OR_BEFORE`), `from` (`ON_OR_AFTER`), `after`, `start of`, `mid`, `end of`,
//!   `about` (`APPROX`).
//! - **Kinds** are the kinds' English labels ([`EventKind::label`]).
//! - **Figures** read `49 cases`, `~500 people`, `300 000 000 000 KZT`, `80%` (`~` for an
//!   approximate figure; numbers of five digits and more are grouped by thousands with a
//!   narrow no-break space).
//! - `↳` before a sentence marks an inherited event: a sentence with no date of its own that
//!   continues the dated one before it.
//! - Cell text is one line: line breaks and runs of whitespace become one space, and the
//!   characters Markdown would read as markup (`|`, `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `&`,
//!   `~`, `\`, and a list or heading marker that starts a line) are backslash-escaped.

use crate::document::Document;
use crate::event::figures::{Figure, FigureWhat};
use crate::event::kinds::EventKind;
use crate::event::Event;
use crate::extract::Analysis;
use crate::mention::Mod;
use crate::timeline::Timeline;
use std::fmt::Write;

/// The timeline of one analysed document as Markdown: a heading with the document's id and
/// publication time, a table of its events in chronological order (`| When | Kinds | Places
/// | Figures | Sentence |`), and the list of its undated sentences.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::markdown::markdown;
/// let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев | данные уточняются.").unwrap().with_id("n1");
/// let md = markdown(&doc, &analyze(&doc));
/// assert!(md.starts_with("# n1 — published 2020-03-20\n"));
/// assert!(md.contains("| 2020-03-19 | cases |  | 9 cases | Вчера выявлено 9 случаев \\| данные уточняются. |"));
/// ```
pub fn markdown(doc: &Document, analysis: &Analysis) -> String {
    let mut out = String::new();
    let id = analysis.id.as_deref().or(doc.id());
    let _ = writeln!(out, "# {} — published {}\n", inline(id.unwrap_or("Timeline")), analysis.published);
    let events = analysis.timeline.len();
    let _ = writeln!(
        out,
        "{} from {}.\n",
        count(events, "event", "events"),
        count(analysis.mentions.len(), "temporal expression", "temporal expressions")
    );
    table(&mut out, &analysis.timeline, false);
    out.push_str("\n## Undated sentences\n\n");
    undated(&mut out, &analysis.timeline);
    out
}

/// A merged corpus timeline as Markdown: a heading with `title`, and a table of the events
/// in chronological order with a Sources column (the ids of the documents each event was
/// read from); the undated sentences follow when the timeline has any.
///
/// ```
/// use khronika::{analyze, Document, Timeline};
/// use khronika::export::markdown::markdown_timeline;
/// let a = Document::parse("date 2020-03-20 16 марта закрыли школы.").unwrap().with_id("a");
/// let b = Document::parse("date 2020-03-21 Вчера выявлено 9 случаев.").unwrap().with_id("b");
/// let mut events = analyze(&a).timeline.events().to_vec();
/// events.extend(analyze(&b).timeline.events().iter().cloned());
/// let md = markdown_timeline("Март 2020", &Timeline::from_events(events));
/// assert!(md.starts_with("# Март 2020\n"));
/// assert!(md.contains("| When | Kinds | Places | Figures | Sentence | Sources |"));
/// assert!(md.contains("| 2020-03-20 | cases |  | 9 cases | Вчера выявлено 9 случаев. | b |"));
/// ```
pub fn markdown_timeline(title: &str, timeline: &Timeline) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(title));
    let mut docs: Vec<&str> = Vec::new();
    for e in timeline {
        for id in sources(e) {
            if !docs.contains(&id) {
                docs.push(id);
            }
        }
    }
    let _ = writeln!(
        out,
        "{} from {}.\n",
        count(timeline.len(), "event", "events"),
        count(docs.len(), "document", "documents")
    );
    table(&mut out, timeline, true);
    if !timeline.undated().is_empty() {
        out.push_str("\n## Undated sentences\n\n");
        undated(&mut out, timeline);
    }
    out
}

/// The events table, or a line saying there are none.
fn table(out: &mut String, timeline: &Timeline, with_sources: bool) {
    if timeline.is_empty() {
        out.push_str("No dated events.\n");
        return;
    }
    out.push_str("| When | Kinds | Places | Figures | Sentence |");
    out.push_str(if with_sources { " Sources |\n" } else { "\n" });
    out.push_str("| --- | --- | --- | --- | --- |");
    out.push_str(if with_sources { " --- |\n" } else { "\n" });
    for e in timeline {
        let places: Vec<&str> = e.places.iter().map(|p| p.name.as_str()).collect();
        let figures: Vec<String> = e.figures.iter().map(figure_text).collect();
        let marker = if e.inherited { "↳ " } else { "" };
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {marker}{} |",
            inline(&when_text(e)),
            inline(&kinds_text(&e.kinds)),
            inline(&places.join(", ")),
            inline(&figures.join(", ")),
            inline(&e.text),
        );
        if with_sources {
            let ids: Vec<&str> = sources(e);
            let _ = write!(out, " {} |", inline(&ids.join(", ")));
        }
        out.push('\n');
    }
}

/// The undated sentences as a list.
fn undated(out: &mut String, timeline: &Timeline) {
    if timeline.undated().is_empty() {
        out.push_str("None.\n");
    }
    for u in timeline.undated() {
        let _ = writeln!(out, "- {}", inline(&u.text));
    }
}

/// The distinct document ids an event was read from, in order.
pub(crate) fn sources(e: &Event) -> Vec<&str> {
    let mut ids: Vec<&str> = Vec::new();
    for id in e.sources.iter().filter_map(|s| s.doc.as_deref()) {
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    ids
}

/// `1 event`, `3 events`.
fn count(n: usize, one: &str, many: &str) -> String {
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
        _ => f.unit.as_str(),
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

/// Text for one table cell or list item: one line, with Markdown's markup characters escaped.
pub(crate) fn inline(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for (i, word) in s.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(c, '\\' | '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '&' | '~') {
                out.push('\\');
            }
            out.push(c);
        }
    }
    // A line that starts like a heading, a list item or a setext underline.
    let digits = out.len() - out.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let marker = match out[digits..].chars().next() {
        Some('.' | ')') if digits > 0 => Some(digits),
        Some('#' | '-' | '+' | '=') if digits == 0 => Some(0),
        _ => None,
    };
    if let Some(at) = marker {
        out.insert(at, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::event::Source;
    use crate::extract::analyze;

    const ARTICLE: &str = "date 2020-03-20\nРежим ЧП ввели 16 марта и продлят до 15 апреля.\n\
        Вчера в Павлодаре выявлено 9 случаев | источник: акимат.\nВсех заболевших\nизолировали.\n\n\
        Горячая линия работает *круглосуточно*.";

    fn rows(md: &str) -> Vec<&str> {
        md.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| When") && !l.starts_with("| ---")).collect()
    }

    #[test]
    fn one_row_per_event_in_order() {
        let doc = Document::parse(ARTICLE).unwrap();
        let analysis = analyze(&doc);
        let md = markdown(&doc, &analysis);
        let rows = rows(&md);
        assert_eq!(rows.len(), analysis.timeline.len(), "{md}");
        for (row, e) in rows.iter().zip(analysis.timeline.iter()) {
            assert!(row.starts_with(&format!("| {} |", inline(&when_text(e)))), "{row}");
            // Five cells: six unescaped pipes.
            assert_eq!(row.replace("\\|", "").matches('|').count(), 6, "{row}");
        }
        assert!(md.starts_with("# Timeline — published 2020-03-20\n"));
        assert!(md.contains("| 2020-03-16/2020-04-15 | state of emergency |"), "{md}");
    }

    #[test]
    fn inherited_events_are_marked_and_cells_are_one_line() {
        let doc = Document::parse(ARTICLE).unwrap();
        let analysis = analyze(&doc);
        let md = markdown(&doc, &analysis);
        assert!(md.contains("| 2020-03-19 | cases | Павлодар | 9 cases | Вчера в Павлодаре выявлено 9 случаев \\| источник: акимат. |"), "{md}");
        if analysis.timeline.iter().any(|e| e.inherited) {
            assert!(md.contains("| ↳ Всех заболевших изолировали. |"), "{md}");
        }
        assert!(md.contains("## Undated sentences\n\n- Горячая линия работает \\*круглосуточно\\*.\n"), "{md}");
    }

    #[test]
    fn no_events() {
        let doc = Document::parse("date 2020-03-20 Новостей нет.").unwrap().with_id("пусто");
        let md = markdown(&doc, &analyze(&doc));
        assert!(md.starts_with(
            "# пусто — published 2020-03-20\n\n0 events from 0 temporal expressions.\n\nNo dated events.\n"
        ));
        assert!(md.ends_with("## Undated sentences\n\n- Новостей нет.\n"), "{md}");
        let md = markdown_timeline("Пусто", &Timeline::default());
        assert_eq!(md, "# Пусто\n\n0 events from 0 documents.\n\nNo dated events.\n");
    }

    #[test]
    fn merged_timeline_lists_sources() {
        let a = Document::parse("date 2020-03-20 16 марта в Павлодаре закрыли школы.").unwrap().with_id("a|1");
        let b = Document::parse("date 2020-03-17 Вчера в Павлодаре закрыли школы.").unwrap().with_id("b");
        let mut merged = analyze(&a).timeline.events()[0].clone();
        merged.sources.extend(analyze(&b).timeline.events()[0].sources.clone());
        merged.sources.push(Source { doc: Some("b".into()), sentence: Default::default() });
        let md = markdown_timeline("Школы", &Timeline::from_events(vec![merged]));
        assert!(md.contains(
            "| When | Kinds | Places | Figures | Sentence | Sources |\n| --- | --- | --- | --- | --- | --- |\n"
        ));
        assert!(
            md.contains(
                "| 2020-03-16 | school closing | Павлодар |  | 16 марта в Павлодаре закрыли школы. | a\\|1, b |"
            ),
            "{md}"
        );
        assert!(md.contains("1 event from 2 documents."));
    }

    #[test]
    fn escaping() {
        assert_eq!(inline("a | b\n\n  c"), "a \\| b c");
        assert_eq!(
            inline("<b>x</b> & [y](z) `q` ~~s~~ _u_ \\"),
            "\\<b\\>x\\</b\\> \\& \\[y\\](z) \\`q\\` \\~\\~s\\~\\~ \\_u\\_ \\\\"
        );
        assert_eq!(inline("# нет"), "\\# нет");
        assert_eq!(inline("- нет"), "\\- нет");
        assert_eq!(inline("2020. Год"), "2020\\. Год");
        assert_eq!(inline("2020 год"), "2020 год");
        assert_eq!(inline(""), "");
    }

    #[test]
    fn numbers_and_figures() {
        assert_eq!(number_text(49.0), "49");
        assert_eq!(number_text(5000.0), "5000");
        assert_eq!(number_text(42500.0), "42\u{202f}500");
        assert_eq!(number_text(300e9), "300\u{202f}000\u{202f}000\u{202f}000");
        assert_eq!(number_text(1.5), "1.5");
        assert_eq!(number_text(0.25), "0.25");
        assert_eq!(number_text(-12345.0), "-12\u{202f}345");
        let f = |value, unit: &str, what, approx| Figure { value, unit: unit.into(), what, approx, span: 0..0 };
        assert_eq!(figure_text(&f(14.0, "people", FigureWhat::Cases, false)), "14 cases");
        assert_eq!(figure_text(&f(500.0, "people", FigureWhat::People, true)), "~500 people");
        assert_eq!(figure_text(&f(80.0, "%", FigureWhat::Percent, false)), "80%");
        assert_eq!(figure_text(&f(1.5e6, "KZT", FigureWhat::Money, false)), "1\u{202f}500\u{202f}000 KZT");
    }
}
