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
        let (hidden, merged) = corrected.with(|e| {
            let Some(e) = e.as_ref() else { return Default::default() };
            let name_of = |id: &str| e.matrix.actors.iter().find(|a| a.id == id).map_or_else(|| id.to_string(), |a| a.name.clone());
            let merged: Vec<(String, String, String)> = e
                .merged
                .iter()
                .flat_map(|(into, froms)| froms.iter().map(move |(id, name)| (id.clone(), name.clone(), name_of(into))))
                .collect();
            (e.hidden.clone(), merged)
        });
        let any_edit = state.edits.with(|e| !e.is_empty());
        if !any_edit {
            return None;
        }
        let (any_hidden, any_merged) = (!hidden.is_empty(), !merged.is_empty());
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
            .map(|(id, name, into)| {
                view! {
                    <li>
                        <bdi>{name}</bdi> " → " <bdi>{into}</bdi> " "
                        <button type="button" class="link-button" data-role="unmerge" on:click=move |_| state.edits.update(|e| e.unmerge(&id))>{w.unmerge}</button>
                    </li>
                }
            })
            .collect_view();
        let reset = move |_| {
            let before = state.session();
            state.edits.set(Edits::default());
            state.tell(w.edits_reset, false, Some(before));
        };
        Some(view! {
            <div class="edits-summary" data-role="edits-summary">
                {any_hidden.then(|| view! { <h3>{w.hidden_rows}</h3> })}
                <ul>{hidden_items}</ul>
                {any_merged.then(|| view! { <h3>{w.merged_rows}</h3> })}
                <ul>{merged_items}</ul>
                <button type="button" class="button" data-role="reset-edits" on:click=reset>{w.reset_edits}</button>
            </div>
        })
    }
}
