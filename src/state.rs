//! The widget's state: the pasted text, the articles cut from it, the last
//! analysis and the selected cell, with the text kept in local storage so a
//! reload never loses it.

use leptos::prelude::*;
use stance_engine::{Document, StanceMatrix};

/// A line holding only this marker separates articles in the editor.
pub const ARTICLE_SEPARATOR: &str = "---";

/// Where the text is kept between visits.
const STORAGE_KEY: &str = "stance-widget/text";

/// The cell whose evidence is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectedCell {
    /// Actor id.
    pub actor: String,
    /// Document id.
    pub document: String,
}

/// All reactive state of the page.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The editor's text.
    pub text: RwSignal<String>,
    /// The latest analysis.
    pub matrix: RwSignal<Option<StanceMatrix>>,
    /// Whether an analysis is pending.
    pub busy: RwSignal<bool>,
    /// The selected cell.
    pub selected: RwSignal<Option<SelectedCell>>,
    /// The name of a result file being shown instead of the editor's analysis.
    pub loaded_from: RwSignal<Option<String>>,
    /// A message about the last thing that went wrong, if any.
    pub error: RwSignal<Option<String>>,
    /// Whether the user asked to analyze a text above the live-analysis limit.
    pub analyze_large: RwSignal<bool>,
    /// Whether the latest text is saved in the browser's storage.
    pub saved: RwSignal<bool>,
}

/// Texts larger than this (in bytes) are not analyzed on every keystroke: the
/// page asks first, so that a huge paste never freezes the tab.
pub const LIVE_LIMIT_BYTES: usize = 1_500_000;

/// Whether a text holds any Arabic letter.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}'))
}

impl AppState {
    /// Fresh state, with the text restored from local storage.
    pub fn new() -> AppState {
        AppState {
            text: RwSignal::new(load_text().unwrap_or_default()),
            matrix: RwSignal::new(None),
            busy: RwSignal::new(false),
            selected: RwSignal::new(None),
            loaded_from: RwSignal::new(None),
            error: RwSignal::new(None),
            analyze_large: RwSignal::new(false),
            saved: RwSignal::new(true),
        }
    }
}

/// Cuts the editor text into articles at separator lines; ids are "1", "2", …
pub fn split_articles(text: &str) -> Vec<Document> {
    let mut articles = Vec::new();
    let mut current = String::new();
    let mut push = |current: &mut String| {
        if !current.trim().is_empty() {
            articles.push(Document::new((articles.len() + 1).to_string(), std::mem::take(current)));
        }
        current.clear();
    };
    for line in text.split_inclusive('\n') {
        if line.trim() == ARTICLE_SEPARATOR {
            push(&mut current);
        } else {
            current.push_str(line);
        }
    }
    push(&mut current);
    articles
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// The text saved by the last visit.
pub fn load_text() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Saves the text. Returns whether it was saved: storage may be disabled, or
/// full (browsers keep about 5 MB per site), and the page must then say so.
pub fn save_text(text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(STORAGE_KEY, text).is_ok())
}
