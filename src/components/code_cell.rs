//! Hand coding from an empty cell. The most common fault of an automatic
//! matrix is a statement it missed, and the editor sees it as a "—" where
//! they know the actor spoke. So a click (or Enter) on a "—" of the
//! editor's grid asks for a statement of that actor in that article: the
//! article's card says what to do, its text takes the focus so the editor
//! selects the sentence, and its "add a statement" form opens with the
//! actor already chosen (see `coding.rs`). In a reader's view, or over a
//! result file, a "—" stays a plain fact.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::state::{AppState, ArticleSlot, SelectedCell};
use crate::Corrected;

/// Whether a "—" starts hand coding: only over the editor's own analysis
/// (not the published view, not a result file on show).
pub fn can_code(state: AppState) -> bool {
    !state.published && state.loaded_from.with_untracked(Option::is_none)
}

/// The id of the instruction in article `id`'s card.
fn instruction_id(id: u32) -> String {
    format!("coding-request-{id}")
}

/// Starts coding `cell` by hand, when it is an article of this session.
pub fn start(state: AppState, cell: SelectedCell) {
    if !can_code(state) {
        return;
    }
    let Some((_, slot)) = state.article_by_document(&cell.document) else { return };
    state.selected.set(None);
    state.reader.set(None);
    state.coding.set(Some(cell));
    // Once the card shows the instruction.
    request_animation_frame(move || focus_article(slot.id));
}

/// Brings article `id` into view and focuses its text (or, for a large
/// article shown as a preview, the button that opens it), described by the
/// instruction so that a screen reader says what to do.
fn focus_article(id: u32) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let selector = format!("[data-role=\"article\"][data-article=\"{id}\"]");
    let Some(card) = document.query_selector(&selector).ok().flatten() else { return };
    // Embedded, the articles fold away under a summary.
    if let Some(fold) = card.closest("details").ok().flatten() {
        let _ = fold.set_attribute("open", "");
    }
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(web_sys::ScrollLogicalPosition::Nearest);
    card.scroll_into_view_with_scroll_into_view_options(&options);
    let target = card.query_selector("[data-role=\"article-text\"], [data-role=\"edit-large\"]").ok().flatten();
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.set_attribute("aria-describedby", &instruction_id(id));
        let focus = web_sys::FocusOptions::new();
        focus.set_prevent_scroll(true);
        let _ = el.focus_with_options(&focus);
    }
}

/// What to do, in the card of the article being coded, with a way out.
pub fn instruction(slot: ArticleSlot, lang: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    move || {
        let cell = state.coding.get().filter(|c| c.document == slot.document_id())?;
        let name = corrected
            .with_untracked(|e| e.as_ref().and_then(|e| e.matrix.actors.iter().find(|a| a.id == cell.actor).map(|a| a.name.clone())))
            .unwrap_or_else(|| cell.actor.clone());
        let number = state.article_by_document(&cell.document).map_or(0, |(n, _)| n);
        let (before, after) = lang.code_cell_instruction(number);
        Some(view! {
            <div class="coding-request" role="status" id=instruction_id(slot.id) data-role="coding-request" data-coding-actor=cell.actor.clone()>
                <p>{before}<bdi>{name}</bdi>{after}</p>
                <button type="button" class="link-button" data-role="cancel-coding" on:click=move |_| state.coding.set(None)>
                    {lang.words().cancel}
                </button>
            </div>
        })
    }
}
