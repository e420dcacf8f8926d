//! Russian: every Russian word khronika knows, as tables, and the grammar over them.

pub(crate) mod cues;
pub(crate) mod figures;
pub(crate) mod gazetteer;
pub mod grammar;
pub mod lexicon;
pub mod numbers;
pub mod tense;
pub mod text;

use super::{Dates, Language};
use crate::event::EventTables;

/// Russian's table for the pipeline.
pub(crate) static LANGUAGE: Language = Language {
    lookalikes: &text::LOOKALIKES,
    sentences: &text::SENTENCES,
    dates: || Box::new(grammar::Scanner::new()) as Box<dyn Dates>,
    events: EventTables { cues: &cues::CUES, figures: &figures::FIGURE_WORDS, gazetteer: &gazetteer::GAZETTEER },
};
