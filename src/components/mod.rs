//! The widget's components, one concern per file.

pub mod actor_cards;
pub mod articles;
pub mod cell_tools;
pub mod code_cell;
pub mod coding;
pub mod controls;
pub mod earlier;
pub mod edits_summary;
pub mod evidence;
pub mod glyphs;
pub mod large_article;
pub mod legend;
pub mod matrix;
pub mod matrix_grid;
pub mod publish;
pub mod reader;
pub mod toolbar;
