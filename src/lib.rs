//! khronika: dated event timelines from Russian news articles.
#![cfg_attr(not(test), warn(clippy::unwrap_used, clippy::expect_used))]

pub mod document;
pub mod error;
pub mod event;
pub mod export;
pub mod expr;
pub mod extract;
pub mod lang;
pub mod mention;
pub mod text;
pub mod timeline;
pub mod value;

pub use document::{Document, Published};
pub use error::{Error, Result};
pub use value::Value;
pub mod resolve;
pub use extract::{analyze, extract, Analysis, Extractor};
pub use mention::{Anchor, Mention, Mod, TimexType};
pub use resolve::{ResolveOptions, YearPolicy};
pub use timeline::{Event, Timeline};
