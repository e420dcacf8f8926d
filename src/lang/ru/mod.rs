//! Russian: lexicon tables and the temporal grammar.

pub mod numbers;
pub mod lexicon;
pub mod grammar;
