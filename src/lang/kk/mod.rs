//! Kazakh: every Kazakh word khronika knows, as tables and morphology rules, and the grammar
//! over them. The grammar produces the same expressions as the Russian one, and the event
//! tables (`cues`, `figures`, `gazetteer`) fill the same types for the same engines, naming
//! the same canonical places, so resolution, events, the corpus merge and output are shared
//! (see `docs/kazakh.md`).

pub(crate) mod cues;
pub(crate) mod figures;
pub(crate) mod gazetteer;
pub mod grammar;
pub mod lexicon;
pub mod morph;
pub mod tense;
pub mod text;

use super::{Dates, Language};
use crate::event::EventTables;

/// Kazakh's table for the pipeline.
pub(crate) static LANGUAGE: Language = Language {
    lookalikes: &text::LOOKALIKES,
    sentences: &text::SENTENCES,
    dates: || Box::new(grammar::Scanner::new()) as Box<dyn Dates>,
    events: EventTables { cues: &cues::CUES, figures: &figures::FIGURE_WORDS, gazetteer: &gazetteer::GAZETTEER },
};
