//! Russian: lexicon tables and the temporal grammar.

pub mod grammar;
pub mod lexicon;
pub mod numbers;
pub mod tense;
