//! Kazakh event tables (placeholder: the Russian ones).

pub(crate) use crate::lang::ru::cues::CUES;
pub(crate) use crate::lang::ru::figures::FIGURE_WORDS;
pub(crate) use crate::lang::ru::gazetteer::GAZETTEER;
