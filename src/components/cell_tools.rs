//! What the evidence panel shows about a cell beyond its sentences: the
//! editor's note, the "checked" mark and the link to the original article,
//! for readers and editors alike; and for the editor, the hand-coding tools
//! of the cell (check it, note it, delete it or one of its statements) and
//! of its actor (kind, other names, the body or state it belongs to).

use leptos::prelude::*;
use stance_engine::{ActorKind, Evidence};
use stance_session::coding::{ActorDetails, HAND_RULE};
use stance_session::EditedMatrix;

use crate::i18n::Lang;
use crate::state::{AppState, SelectedCell};

/// "Delete this statement", beside one evidence sentence (editor only).
pub fn statement_tools(evidence: &Evidence, cell: &SelectedCell, state: AppState, lang: Lang) -> impl IntoView {
    let n = lang.news();
    let by_hand = (evidence.rule == HAND_RULE).then(|| view! { " · " <span data-role="hand-coded">{n.hand_rule}</span> });
    if state.published || state.loaded_from.get_untracked().is_some() {
        return view! { {by_hand} }.into_any();
    }
    let (actor, document, start, end) = (cell.actor.clone(), cell.document.clone(), evidence.start, evidence.end);
    view! {
        {by_hand}
        " "
        <button type="button" class="link-button" data-role="delete-statement" on:click=move |_| {
            state.edits.update(|e| e.remove_statement(&actor, &document, start, end));
            state.tell(n.statement_deleted, false, None);
        }>{n.delete_statement}</button>
    }
    .into_any()
}

/// Note, check mark and original link of the selected cell, and the
/// editor's tools for it.
pub fn cell_tools(cell: &SelectedCell, edited: &EditedMatrix, state: AppState, lang: Lang) -> impl IntoView {
    let n = lang.news();
    let note = edited.note(&cell.actor, &cell.document).map(str::to_string);
    let checked = edited.is_checked(&cell.actor, &cell.document);
    let url = state.publication.with_untracked(|p| p.url_of(&cell.document).map(str::to_string));
    let facts = view! {
        {checked.then(|| view! { <p class="checked-badge" data-role="cell-checked">{n.checked_legend}</p> })}
        {note.clone().map(|note| view! { <p class="cell-note" data-role="cell-note"><strong>{n.note}": "</strong><span dir="auto">{note}</span></p> })}
        {url.map(|url| view! {
            <p><a href=url rel="noopener noreferrer nofollow" target="_blank" data-role="original-link">{n.original_article}</a></p>
        })}
    };
    let editing = !state.published && state.loaded_from.get_untracked().is_none();
    let tools = editing.then(|| editor_tools(cell, edited, note.unwrap_or_default(), checked, state, lang));
    view! { <div class="cell-tools" data-role="cell-tools">{facts}{tools}</div> }.into_any()
}

fn editor_tools(cell: &SelectedCell, edited: &EditedMatrix, note: String, checked: bool, state: AppState, lang: Lang) -> impl IntoView {
    let n = lang.news();
    let (actor, document) = (cell.actor.clone(), cell.document.clone());
    let draft = RwSignal::new(note.clone());
    let on_check = {
        let (actor, document) = (actor.clone(), document.clone());
        move |ev: leptos::ev::Event| {
            let on = event_target_checked(&ev);
            state.edits.update(|e| e.set_checked(&actor, &document, on));
        }
    };
    let on_note = {
        let (actor, document) = (actor.clone(), document.clone());
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            state.edits.update(|e| e.set_note(&actor, &document, &draft.get_untracked()));
        }
    };
    let on_delete = {
        let (actor, document) = (actor.clone(), document.clone());
        move |_| {
            state.edits.update(|e| e.remove_cell(&actor, &document));
            state.selected.set(None);
            state.tell(n.cell_deleted, false, None);
        }
    };
    view! {
        <div class="coding-tools">
            <label class="control checkbox">
                <input type="checkbox" data-role="cell-check" prop:checked=checked on:change=on_check/>
                <span>{n.checked}</span>
            </label>
            <form class="control-row" on:submit=on_note>
                <label class="control">
                    <span>{n.cell_note}</span>
                    <textarea class="short" rows="2" dir="auto" data-role="cell-note-input" prop:value=note on:input=move |ev| draft.set(event_target_value(&ev))></textarea>
                </label>
                <button type="submit" class="button" data-role="save-note">{n.save_note}</button>
            </form>
            {actor_details(&actor, edited, state, lang)}
            <button type="button" class="button danger" data-role="delete-cell" on:click=on_delete>{n.delete_cell}</button>
        </div>
    }
    .into_any()
}

/// Kind, other names and membership of the selected cell's actor.
fn actor_details(actor: &str, edited: &EditedMatrix, state: AppState, lang: Lang) -> impl IntoView {
    let n = lang.news();
    let row = edited.matrix.actors.iter().find(|a| a.id == actor);
    let current = state.edits.with_untracked(|e| e.details.get(actor).cloned().unwrap_or_default());
    let kind = RwSignal::new(row.map_or(ActorKind::Other, |r| r.kind));
    let aliases = RwSignal::new(current.aliases.join("، "));
    let member = RwSignal::new(edited.member_of.get(actor).cloned().unwrap_or_default());
    let kinds = ActorKind::ALL
        .into_iter()
        .map(|k| view! { <option value=k.label() selected=k == kind.get_untracked()>{lang.kind(k)}</option> })
        .collect_view();
    let members = edited
        .matrix
        .actors
        .iter()
        .filter(|a| a.id != actor)
        .map(|a| {
            let selected = member.get_untracked() == a.id;
            view! { <option value=a.id.clone() selected=selected>{a.name.clone()}</option> }
        })
        .collect_view();
    let actor = actor.to_string();
    let on_save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let aliases = aliases.get_untracked().split([',', '،']).map(str::to_string).collect();
        let member_of = Some(member.get_untracked()).filter(|m| !m.is_empty());
        let analysed_kind =
            state.analysis.with_untracked(|m| m.as_ref().and_then(|m| m.actors.iter().find(|a| a.id == actor).map(|a| a.kind)));
        let new_kind = state.edits.with_untracked(|e| e.new_actors.iter().find(|a| a.id == actor).map(|a| a.kind));
        let kind = Some(kind.get_untracked()).filter(|k| Some(*k) != analysed_kind.or(new_kind));
        state.edits.update(|e| e.set_details(&actor, ActorDetails { kind, aliases, member_of }));
    };
    view! {
        <details class="actor-details" data-role="actor-details">
            <summary>{n.actor_details}</summary>
            <form class="control-row" on:submit=on_save>
                <label class="control">
                    <span>{n.kind}</span>
                    <select data-role="actor-kind" on:change=move |ev| {
                        if let Some(k) = ActorKind::from_label(&event_target_value(&ev)) { kind.set(k) }
                    }>{kinds}</select>
                </label>
                <label class="control">
                    <span>{n.aliases}</span>
                    <input type="text" dir="auto" data-role="actor-aliases" prop:value=aliases.get_untracked() on:input=move |ev| aliases.set(event_target_value(&ev))/>
                </label>
                <label class="control">
                    <span>{n.member_of}</span>
                    <select data-role="actor-member-of" on:change=move |ev| member.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {members}
                    </select>
                </label>
                <button type="submit" class="button" data-role="save-details">{n.save_details}</button>
            </form>
        </details>
    }
    .into_any()
}
