//! Language-specific tables and grammars. Each language is a sibling module.

pub mod ru;
