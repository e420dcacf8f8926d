//! khronika: dated event timelines from Russian news articles.

pub mod event;
pub mod lang;
