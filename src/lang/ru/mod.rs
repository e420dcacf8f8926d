//! Russian: lexicon tables and the temporal grammar.

pub(crate) mod cues;
pub(crate) mod figures;
pub(crate) mod gazetteer;
pub mod grammar;
pub mod lexicon;
pub mod numbers;
pub mod tense;
