//! What the widget keeps besides the analysis itself, as plain Rust so that it
//! is tested natively:
//!
//! - [`edits`]: an editor's corrections (a cell's stance, a name, a merge, a
//!   hidden row), kept apart from the analysis and applied over it, so that
//!   re-analysing the articles never loses them;
//! - [`coding`]: hand coding, for what a stance edit cannot fix: actors and
//!   statements added by hand, statements and cells struck out, a note and a
//!   "checked" mark per cell, an actor's kind, aliases and membership;
//! - [`publish`]: what an editor publishes for readers, and the read-only
//!   snapshot a published link carries;
//! - [`file`]: the `stance-session/1` file that holds articles, corrections and
//!   interface language, for local storage, export/import and share links;
//! - [`export`]: CSV, JSON (`stance-matrix/1` with the corrections applied) and
//!   the HTML/TSV table put on the clipboard.

pub mod coding;
pub mod edits;
pub mod export;
pub mod file;
pub mod ordered;
pub mod publish;
mod tag;

pub use edits::{apply, EditError, EditedMatrix, Edits};
pub use file::{Article, Session, SessionError};
