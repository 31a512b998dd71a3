//! What the corrections took out of view: hidden rows to show again,
//! merged rows to separate, and a way to drop every correction (undoable).

use leptos::prelude::*;
use stance_session::Edits;

use crate::state::AppState;
use crate::Corrected;

/// Hidden and merged rows, under the matrix.
#[component]
pub fn EditsSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    move || {
        let w = state.lang.get().words();
        let (hidden, merged) = corrected.with(|e| e.as_ref().map(|e| (e.hidden.clone(), e.merged.clone())).unwrap_or_default());
        let any_edit = state.edits.with(|e| !e.is_empty());
        if !any_edit {
            return None;
        }
        let hidden_items = hidden
            .into_iter()
            .map(|(id, name)| {
                view! {
                    <li>
                        <span dir="auto">{name}</span> " "
                        <button type="button" class="link-button" data-role="show-actor" on:click=move |_| state.edits.update(|e| e.set_hidden(&id, false))>{w.show_again}</button>
                    </li>
                }
            })
            .collect_view();
        let merged_items = merged
            .into_iter()
            .flat_map(|(into, froms)| froms.into_iter().map(move |(id, name)| (into.clone(), id, name)))
            .map(|(_, id, name)| {
                view! {
                    <li>
                        <span dir="auto">{name}</span> " "
                        <button type="button" class="link-button" data-role="unmerge" on:click=move |_| state.edits.update(|e| e.unmerge(&id))>{w.unmerge}</button>
                    </li>
                }
            })
            .collect_view();
        let reset = move |_| {
            let before = state.session();
            state.edits.set(Edits::default());
            state.tell(w.reset_edits, false, Some(before));
        };
        Some(view! {
            <div class="edits-summary" data-role="edits-summary">
                <h3>{w.hidden_rows}</h3>
                <ul>{hidden_items}</ul>
                <h3>{w.merged_rows}</h3>
                <ul>{merged_items}</ul>
                <button type="button" class="button" data-role="reset-edits" on:click=reset>{w.reset_edits}</button>
            </div>
        })
    }
}
