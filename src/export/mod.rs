//! Output formats at the edge of the pipeline: text is copied here, not before.

pub mod html;
pub mod json;
pub mod markdown;
pub mod timeml;
