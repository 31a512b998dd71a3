//! The widget's components, one concern per file.

pub mod editor;
pub mod evidence;
pub mod legend;
pub mod matrix;
pub mod result_file;
