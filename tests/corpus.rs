//! The data-driven tests: every row of `tests/corpus/<lang>/*.tsv` is one named case, run by
//! this one harness.
//!
//! Each file has a first column `name` (unique in its file) and then its own columns:
//!
//! - `mentions.tsv`: `phrase, publication, value, mod, surface`; the mention whose text is
//!   `surface` must exist and have that TIMEX3 value and mod (`-` for none). A name ending in
//!   `@past`, `@future` or `@nearest` resolves under that [`Prefer`], one ending in `@day`
//!   under [`RelativeGrain::Instant`] (`name@future@day` gives both), one ending in `@report`
//!   under [`PastDay::ReportDay`]; one ending in
//!   `@offset=N` (minutes east of UTC) or `@offset=none` also checks the mention's zone.
//! - `no_mentions.tsv`: `phrase, publication`; the phrase has no mention at all.
//! - `event_kinds.tsv`: `sentence, kinds`; the kinds of the sentence, as a set (ids, `-` for none).
//! - `figures.tsv`: `sentence, figures`; `value|unit|what|approx`, then `|new` or `|cumulative`
//!   when the figure has a count and `|subset` when it is one, separated by `;`, in order.
//! - `places.tsv`: `sentence, places`; canonical nominatives separated by `,`, in order (a
//!   place named twice, in two spellings, counts once).
//! - `place_anaphora.tsv`: `sentence, levels`; the levels the sentence refers to by anaphora
//!   (`country`, `region`, `city`, `capital`, `here`), in that order (`-` for none).
//! - `timeline.tsv`: `publication, text, events`; the events `khronika::analyze` builds from
//!   the text (`\n` in it is a line break), each `when` (and ` MOD` when it has one), `; `
//!   between them, in the timeline's order (`-` for none). A row whose events carry
//!   `[N kind,kind: value what, ...]` also checks each event's number of evidence sentences,
//!   its kinds and its figures, in order.
//! - `discourse.tsv`: `sentence, classes`; the discourse classes the event builder reads, as
//!   a set (`-` for none), through `khronika::internals::discourse`.
//!
//! `event_kinds.tsv`, `figures.tsv` and `places.tsv` run for Russian and Kazakh, each
//! sentence described in its file's language (`kk/`: Kazakh, whatever its letters).
//!
//! Lines starting with `#` and blank lines are comments. A failure names its file, line and
//! case, and every failure of a file is listed at once.

use khronika::{describe, Count, Description};
use khronika::{extract, Document, Extractor, Lang, PastDay, Prefer, Published, RelativeGrain, ResolveOptions};
use std::collections::HashSet;

/// One case: where it is, its name and its columns after the name.
struct Row<'a> {
    line: usize,
    name: &'a str,
    cols: Vec<&'a str>,
}

/// A corpus file: its path (for messages) and its rows.
struct Corpus<'a> {
    path: &'static str,
    rows: Vec<Row<'a>>,
}

impl<'a> Corpus<'a> {
    /// Reads `data` (the text of `path`); a malformed row or a repeated name fails at once.
    fn new(path: &'static str, data: &'a str, columns: usize) -> Self {
        let mut rows = Vec::new();
        let mut names = HashSet::new();
        for (n, line) in data.lines().enumerate() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let mut cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), columns + 1, "{path}:{}: expected a name and {columns} columns: {line}", n + 1);
            let name = cols.remove(0);
            assert!(names.insert(name), "{path}:{}: the name {name} is used twice", n + 1);
            rows.push(Row { line: n + 1, name, cols });
        }
        Corpus { path, rows }
    }

    /// Runs `check` on every row (`Err` is the failure's description) and fails with all of
    /// them; `at_least` guards against a file that silently lost its rows.
    fn run(&self, at_least: usize, check: impl Fn(&[&str]) -> Result<(), String>) {
        self.run_named(at_least, |_, cols| check(cols));
    }

    /// [`Corpus::run`] with the row's name handed to `check` too.
    fn run_named(&self, at_least: usize, check: impl Fn(&str, &[&str]) -> Result<(), String>) {
        assert!(self.rows.len() >= at_least, "{} has {} rows, fewer than {at_least}", self.path, self.rows.len());
        let failures: Vec<String> = self
            .rows
            .iter()
            .filter_map(|r| check(r.name, &r.cols).err().map(|e| format!("{}:{} [{}] {e}", self.path, r.line, r.name)))
            .collect();
        assert!(failures.is_empty(), "{} of {} cases fail:\n{}", failures.len(), self.rows.len(), failures.join("\n"));
    }
}

macro_rules! corpus {
    ($file:literal, $columns:expr) => {
        Corpus::new(concat!("tests/corpus/", $file), include_str!(concat!("corpus/", $file)), $columns)
    };
}

/// The JSON name of a figure's `what` (`cases`, `deaths`, ...).
fn what(w: &impl serde::Serialize) -> String {
    serde_json::to_string(w).map(|s| s.trim_matches('"').to_string()).unwrap_or_default()
}

fn published(date: &str) -> Result<Published, String> {
    date.parse().map_err(|e| format!("bad publication {date:?}: {e}"))
}

#[test]
fn ru_mentions() {
    corpus!("ru/mentions.tsv", 5).run_named(300, |name, c| mention_case(name, c, None));
}

/// One `mentions.tsv` case, read in `lang` (None: the extractor's default choice).
fn mention_case(name: &str, c: &[&str], lang: Option<Lang>) -> Result<(), String> {
    let [phrase, date, value, modifier, surface] = *c else { unreachable!("the loader checks columns") };
    let mut options = ResolveOptions::default();
    let mut want_offset: Option<Option<i32>> = None;
    for option in name.split('@').skip(1) {
        match option {
            "day" => options.relative_grain = RelativeGrain::Instant,
            "report" => options.past_day = PastDay::ReportDay,
            "offset=none" => want_offset = Some(None),
            o if o.starts_with("offset=") => {
                want_offset = Some(Some(o["offset=".len()..].parse().map_err(|e| format!("bad offset: {e}"))?))
            }
            p => options.prefer = p.parse::<Prefer>().map_err(|e| format!("bad option in the name: {e}"))?,
        }
    }
    let extractor = match lang {
        Some(lang) => Extractor::new(options).with_lang(lang),
        None => Extractor::new(options),
    };
    let mentions = extractor.extract(&Document::new(published(date)?, phrase));
    let want_mod = (modifier != "-").then_some(modifier);
    let ok = mentions.iter().any(|m| {
        m.text(phrase) == surface
            && m.value.to_string() == value
            && m.modifier.map(|x| x.as_str()) == want_mod
            && want_offset.is_none_or(|o| m.offset == o)
    });
    if ok {
        return Ok(());
    }
    let found: Vec<String> = mentions
        .iter()
        .map(|m| {
            let zone = m.offset.map(|o| format!(" offset {o}")).unwrap_or_default();
            format!("«{}» {}{}{zone}", m.text(phrase), m.value, m.modifier.map(|x| format!(" {x}")).unwrap_or_default())
        })
        .collect();
    Err(format!("{phrase} [{date}] want «{surface}» {value} {modifier}; got {}", found.join(", ")))
}

/// The Kazakh cases, read in Kazakh; a case named `mixed-...` (a Russian quote in Kazakh
/// text) lets the extractor choose the language of each sentence.
#[cfg(feature = "kk")]
#[test]
fn kk_mentions() {
    corpus!("kk/mentions.tsv", 5).run_named(250, |name, c| {
        let lang = (!name.starts_with("mixed-")).then_some(Lang::Kk);
        mention_case(name, c, lang)
    });
}

/// Every Kazakh case is read as Kazakh when the extractor chooses the language.
#[cfg(feature = "kk")]
#[test]
fn kk_mentions_choose_kazakh() {
    corpus!("kk/mentions.tsv", 5).run_named(250, |name, c| mention_case(name, c, None));
}

#[cfg(feature = "kk")]
#[test]
fn kk_no_mentions() {
    corpus!("kk/no_mentions.tsv", 2).run(80, |c| {
        let [phrase, date] = *c else { unreachable!("the loader checks columns") };
        let mentions = Extractor::default().with_lang(Lang::Kk).extract(&Document::new(published(date)?, phrase));
        if mentions.is_empty() {
            return Ok(());
        }
        let found: Vec<String> = mentions.iter().map(|m| format!("«{}» {}", m.text(phrase), m.value)).collect();
        Err(format!("{phrase}: want no mention, got {}", found.join(", ")))
    });
}

#[test]
fn ru_no_mentions() {
    corpus!("ru/no_mentions.tsv", 2).run(80, |c| {
        let [phrase, date] = *c else { unreachable!("the loader checks columns") };
        let mentions = extract(&Document::new(published(date)?, phrase));
        if mentions.is_empty() {
            return Ok(());
        }
        let found: Vec<String> = mentions.iter().map(|m| format!("«{}» {}", m.text(phrase), m.value)).collect();
        Err(format!("{phrase}: want no mention, got {}", found.join(", ")))
    });
}

#[test]
fn ru_event_kinds() {
    corpus!("ru/event_kinds.tsv", 2).run(150, |c| event_kinds_case(c, describe));
}

/// The Kazakh kinds, described in Kazakh.
#[cfg(feature = "kk")]
#[test]
fn kk_event_kinds() {
    corpus!("kk/event_kinds.tsv", 2).run(40, |c| event_kinds_case(c, kazakh));
}

/// What a Kazakh sentence says besides its dates, read in Kazakh.
#[cfg(feature = "kk")]
fn kazakh(sentence: &str) -> Description {
    Extractor::default().with_lang(Lang::Kk).describe(sentence)
}

/// One `event_kinds.tsv` case, described by `describe`.
fn event_kinds_case(c: &[&str], describe: fn(&str) -> Description) -> Result<(), String> {
    let [sentence, kinds] = *c else { unreachable!("the loader checks columns") };
    let mut want: Vec<String> =
        if kinds.trim() == "-" { Vec::new() } else { kinds.split(',').map(|k| k.trim().to_string()).collect() };
    let described = describe(sentence);
    let mut got: Vec<String> = described.kinds.iter().map(|k| k.id().to_string()).collect();
    want.sort();
    got.sort();
    if got == want {
        Ok(())
    } else {
        Err(format!("{sentence}\n  want {want:?}\n  got  {got:?} (cues {:?})", described.cues))
    }
}

#[test]
fn ru_figures() {
    corpus!("ru/figures.tsv", 2).run(60, |c| figures_case(c, describe));
}

#[cfg(feature = "kk")]
#[test]
fn kk_figures() {
    corpus!("kk/figures.tsv", 2).run(20, |c| figures_case(c, kazakh));
}

/// One `figures.tsv` case, described by `describe`.
fn figures_case(c: &[&str], describe: fn(&str) -> Description) -> Result<(), String> {
    {
        let [sentence, figures] = *c else { unreachable!("the loader checks columns") };
        let want: Vec<&str> =
            if figures.trim() == "-" { Vec::new() } else { figures.split(';').map(str::trim).collect() };
        let got: Vec<String> = describe(sentence)
            .figures
            .iter()
            .map(|f| {
                let mut s = format!("{}|{}|{}|{}", f.value, f.unit, what(&f.what), f.approx);
                match f.count {
                    Some(Count::New) => s.push_str("|new"),
                    Some(Count::Cumulative) => s.push_str("|cumulative"),
                    _ => {}
                }
                if f.subset {
                    s.push_str("|subset");
                }
                s
            })
            .collect();
        let same = got.len() == want.len()
            && got.iter().zip(&want).all(|(g, w)| {
                // Values compare as numbers (`1200000` and `1.2e6` are one figure).
                let (g, w): (Vec<&str>, Vec<&str>) = (g.split('|').collect(), w.split('|').collect());
                let num = |s: &str| s.parse::<f64>().ok();
                g.len() == w.len()
                    && matches!((num(g[0]), num(w[0])), (Some(a), Some(b)) if (a - b).abs() <= 1e-9 * b.abs().max(1.0))
                    && g[1..] == w[1..]
            });
        if same {
            Ok(())
        } else {
            Err(format!("{sentence}\n  want {want:?}\n  got  {got:?}"))
        }
    }
}

#[test]
fn ru_places() {
    corpus!("ru/places.tsv", 2).run(45, |c| places_case(c, describe));
}

#[cfg(feature = "kk")]
#[test]
fn kk_places() {
    corpus!("kk/places.tsv", 2).run(30, |c| places_case(c, kazakh));
}

/// One `places.tsv` case, described by `describe`.
fn places_case(c: &[&str], describe: fn(&str) -> Description) -> Result<(), String> {
    {
        let [sentence, places] = *c else { unreachable!("the loader checks columns") };
        let mut want: Vec<&str> = Vec::new();
        // A place named twice (two spellings of one country) is one place of the sentence.
        for p in places.split(',').map(str::trim).filter(|p| *p != "-") {
            if !want.contains(&p) {
                want.push(p);
            }
        }
        let described = describe(sentence);
        let got: Vec<&str> = described.places.iter().map(|p| p.name.as_ref()).collect();
        if got == want {
            Ok(())
        } else {
            Err(format!("{sentence}\n  want {want:?}\n  got  {got:?}"))
        }
    }
}

#[test]
fn ru_place_anaphora() {
    corpus!("ru/place_anaphora.tsv", 2).run(30, |c| {
        let [sentence, levels] = *c else { unreachable!("the loader checks columns") };
        let want: Vec<&str> = levels.split(',').map(str::trim).filter(|l| *l != "-").collect();
        let got: Vec<&str> = khronika::internals::sentence_anaphora(sentence).iter().map(|a| a.as_str()).collect();
        if got == want {
            Ok(())
        } else {
            Err(format!("{sentence}\n  want {want:?}\n  got  {got:?}"))
        }
    });
}

#[test]
fn ru_discourse() {
    corpus!("ru/discourse.tsv", 2).run(40, |c| {
        let [sentence, classes] = *c else { unreachable!("the loader checks columns") };
        let mut want: Vec<&str> =
            if classes.trim() == "-" { Vec::new() } else { classes.split(',').map(str::trim).collect() };
        let mut got = khronika::internals::discourse(sentence);
        want.sort_unstable();
        got.sort_unstable();
        if got == want {
            Ok(())
        } else {
            Err(format!("{sentence}\n  want {want:?}\n  got  {got:?}"))
        }
    });
}

#[test]
fn ru_timeline() {
    corpus!("ru/timeline.tsv", 3).run(10, |c| {
        let [date, text, events] = *c else { unreachable!("the loader checks columns") };
        let text = text.replace("\\n", "\n");
        let analysis = khronika::analyze(&Document::new(published(date)?, &text));
        // `[N kinds: v what, ...]` after each event, when the row asks: its evidence count,
        // kinds and figures.
        let detailed = events.contains('[');
        let got: Vec<String> = analysis
            .timeline
            .events()
            .iter()
            .map(|e| {
                let when = match e.modifier {
                    Some(m) => format!("{} {}", e.when, m.as_str()),
                    None => e.when.to_string(),
                };
                if !detailed {
                    return when;
                }
                let figures: Vec<String> = e
                    .figures
                    .iter()
                    .map(|f| format!("{} {}", f.value, format!("{:?}", f.what).to_lowercase()))
                    .collect();
                let kinds: Vec<&str> = e.kinds.iter().map(|k| k.id()).collect();
                format!("{when} [{} {}: {}]", e.evidence.len().max(1), kinds.join(","), figures.join(", "))
            })
            .collect();
        let got = if got.is_empty() { "-".to_owned() } else { got.join("; ") };
        if got == events.trim() {
            Ok(())
        } else {
            Err(format!("{text}\n  want {events}\n  got  {got}"))
        }
    });
}
