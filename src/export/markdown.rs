//! A readable Markdown timeline: one table row per event (a happening, however many
//! sentences report it), in chronological order.
//!
//! ```markdown
//! # a1 — published 2020-03-20
//!
//! 2 events from 2 temporal expressions.
//!
//! | When | Kinds | Places | Figures | Evidence | Sentence |
//! | --- | --- | --- | --- | --- | --- |
//! | 2020-03-16/2020-04-15 | state of emergency; measures: school closing | Павлодар |  | 2 sentences | ЧП ввели 16 марта и продлят до 15 апреля. |
//! | 2020-03-19 | cases |  | 9 cases (new) | 1 sentence | За сутки выявлено 9 случаев. |
//! | 2020-03-19 | testing |  |  | 1 sentence | ↳ Всех проверили. |
//!
//! ## Undated sentences
//!
//! - Горячая линия работает круглосуточно.
//! ```
//!
//! - **When** is the TIMEX3 value, after a word for its mod: `before 2020-04-15` (`BEFORE`),
//!   `until` (`ON_OR_BEFORE`), `from` (`ON_OR_AFTER`), `after`, `start of`, `mid`, `end of`,
//!   `about` (`APPROX`).
//! - **Kinds** are the kinds' English labels ([`EventKind::label`](crate::event::kinds::EventKind::label));
//!   a decree's measures (see [`Event::measures`](crate::Event::measures)) follow after
//!   `; measures:`.
//! - **Places** are the names (the HTML table adds their codes).
//! - **Figures** read `49 cases`, `~500 people`, `300 000 000 000 KZT`, `80%` (`~` for an
//!   approximate figure; numbers of five digits and more are grouped by thousands with a
//!   narrow no-break space), tagged `(new)` or `(total)` when the sentence says whether a
//!   count is new or the running total, and `(part)` for a part of another count (`из них`).
//! - **Evidence** is the number of sentences that report the event (`3 sentences`): its
//!   dated sentence, the continuations folded into it and its restatements.
//! - **Sentence** is the event's first evidence sentence; `↳` before it marks an inherited
//!   event: a sentence with no date of its own that reports a measure of its own after a
//!   dated sentence, and takes that sentence's date.
//! - Cell text is one line: line breaks and runs of whitespace become one space, and the
//!   characters Markdown would read as markup (`|`, `*`, `_`, `` ` ``, `[`, `]`, `<`, `>`, `&`,
//!   `~`, `\`, and a list or heading marker that starts a line) are backslash-escaped.

use super::escape::markdown as inline;
use super::labels::{
    count, evidence_text, figure_text, kinds_text, measures_text, sources, timeline_sources, when_text,
};
use crate::document::Document;
use crate::extract::Analysis;
use crate::timeline::Timeline;
use std::fmt::Write;

/// The timeline of one analysed document as Markdown: a heading with the document's id and
/// publication time, a table of its events in chronological order (`| When | Kinds | Places
/// | Figures | Evidence | Sentence |`), and the list of its undated sentences.
///
/// ```
/// use khronika::{analyze, Document};
/// use khronika::export::markdown::markdown;
/// let doc = Document::parse("date 2020-03-20 Вчера выявлено 9 случаев | данные уточняются.").unwrap().with_id("n1");
/// let md = markdown(&doc, &analyze(&doc));
/// assert!(md.starts_with("# n1 — published 2020-03-20\n"));
/// assert!(md.contains("| 2020-03-19 | cases |  | 9 cases | 1 sentence | Вчера выявлено 9 случаев \\| данные уточняются. |"));
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
/// assert!(md.contains("| When | Kinds | Places | Figures | Evidence | Sentence | Sources |"));
/// assert!(md.contains("| 2020-03-20 | cases |  | 9 cases | 1 sentence | Вчера выявлено 9 случаев. | b |"));
/// ```
pub fn markdown_timeline(title: &str, timeline: &Timeline) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(title));
    let docs = timeline_sources(timeline);
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
    out.push_str("| When | Kinds | Places | Figures | Evidence | Sentence |");
    out.push_str(if with_sources { " Sources |\n" } else { "\n" });
    out.push_str("| --- | --- | --- | --- | --- | --- |");
    out.push_str(if with_sources { " --- |\n" } else { "\n" });
    for e in timeline {
        let places: Vec<&str> = e.places.iter().map(|p| p.name.as_ref()).collect();
        let figures: Vec<String> = e.figures.iter().map(figure_text).collect();
        let marker = if e.inherited { "↳ " } else { "" };
        let mut kinds = kinds_text(&e.kinds);
        if !e.measures.is_empty() {
            kinds.push_str("; ");
            kinds.push_str(&measures_text(&e.measures));
        }
        let _ = write!(
            out,
            "| {} | {} | {} | {} | {} | {marker}{} |",
            inline(&when_text(e)),
            inline(&kinds),
            inline(&places.join(", ")),
            inline(&figures.join(", ")),
            evidence_text(e),
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
            // Six cells: seven unescaped pipes.
            assert_eq!(row.replace("\\|", "").matches('|').count(), 7, "{row}");
            assert!(row.contains(&format!(" | {} | ", evidence_text(e))), "{row}");
        }
        assert!(md.starts_with("# Timeline — published 2020-03-20\n"));
        assert!(md.contains("| 2020-03-16/2020-04-15 | state of emergency |"), "{md}");
    }

    #[test]
    fn inherited_events_are_marked_and_cells_are_one_line() {
        let doc = Document::parse(ARTICLE).unwrap();
        let analysis = analyze(&doc);
        let md = markdown(&doc, &analysis);
        assert!(md.contains("| 2020-03-19 | cases | Павлодар | 9 cases | 2 sentences | Вчера в Павлодаре выявлено 9 случаев \\| источник: акимат. |"), "{md}");
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
            "| When | Kinds | Places | Figures | Evidence | Sentence | Sources |\n| --- | --- | --- | --- | --- | --- | --- |\n"
        ));
        assert!(
            md.contains(
                "| 2020-03-16 | school closing | Павлодар |  | 1 sentence | 16 марта в Павлодаре закрыли школы. | a\\|1, b |"
            ),
            "{md}"
        );
        assert!(md.contains("1 event from 2 documents."));
    }
}
