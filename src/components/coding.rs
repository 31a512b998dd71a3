//! Hand coding from the articles: select a statement's words in an
//! article, then "add a statement" names its actor (one of the matrix's, or
//! a new one with its kind) and its stance; the selection becomes the
//! evidence span. And "add an actor" for one the analyzer missed.
//!
//! The selection is read from the text area when the button is pressed
//! (a text area keeps its selection when it loses the focus), in UTF-16
//! units, and turned into the code points every span is counted in.

use leptos::prelude::*;
use stance_engine::{ActorKind, Stance};
use stance_session::coding::{slice_code_points, HandStatement};
use wasm_bindgen::JsCast;

use crate::i18n::Lang;
use crate::state::{AppState, ArticleSlot};
use crate::Corrected;

/// The value of "new actor" in the actor list (no actor id holds a `+`).
const NEW_ACTOR: &str = "+new";

/// A span of UTF-16 units in `text` as code points.
pub fn utf16_to_code_points(text: &str, start: u32, end: u32) -> (usize, usize) {
    let (mut units, mut a, mut b) = (0u32, None, None);
    for (i, c) in text.chars().enumerate() {
        if a.is_none() && units >= start {
            a = Some(i);
        }
        if b.is_none() && units >= end {
            b = Some(i);
        }
        units += c.len_utf16() as u32;
    }
    let count = text.chars().count();
    (a.unwrap_or(count), b.unwrap_or(count))
}

/// The selection in an article's text area: (start, end, text) in code points.
fn selection_of(slot: ArticleSlot) -> Option<(usize, usize, String)> {
    let area = web_sys::window()?.document()?.get_element_by_id(&format!("article-text-{}", slot.id))?;
    let area: web_sys::HtmlTextAreaElement = area.dyn_into().ok()?;
    let (start, end) = (area.selection_start().ok()??, area.selection_end().ok()??);
    let value = area.value();
    let (start, end) = utf16_to_code_points(&value, start, end);
    // Trailing and leading spaces are not part of a statement.
    let raw = slice_code_points(&value, start, end)?;
    let lead = raw.chars().take_while(|c| c.is_whitespace()).count();
    let trail = raw.chars().rev().take_while(|c| c.is_whitespace()).count();
    let (start, end) = (start + lead, end.saturating_sub(trail));
    slice_code_points(&value, start, end).map(|text| (start, end, text))
}

fn kind_options(lang: Lang, chosen: ActorKind) -> impl IntoView {
    ActorKind::ALL.into_iter().map(|k| view! { <option value=k.label() selected=k == chosen>{lang.kind(k)}</option> }).collect_view()
}

fn focus_later(node: NodeRef<leptos::html::Select>) {
    request_animation_frame(move || {
        if let Some(el) = node.get_untracked() {
            let _ = el.focus();
        }
    });
}

/// The "add a statement" button of an article card, and its form.
pub fn add_statement(slot: ArticleSlot, number: usize, lang: Lang) -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let n = lang.news();
    let picked: RwSignal<Option<(usize, usize, String)>> = RwSignal::new(None);
    let hint = RwSignal::new(false);
    let button: NodeRef<leptos::html::Button> = NodeRef::new();
    let first: NodeRef<leptos::html::Select> = NodeRef::new();
    let actor = RwSignal::new(String::new());
    let new_name = RwSignal::new(String::new());
    let kind = RwSignal::new(ActorKind::Person);
    let stance = RwSignal::new(Stance::For);
    let note = RwSignal::new(String::new());
    // An empty cell of this article clicked: its actor is the one the form names.
    Effect::new(move |_| {
        if let Some(cell) = state.coding.get().filter(|c| c.document == slot.document_id()) {
            actor.set(cell.actor);
            picked.set(None);
            hint.set(false);
        }
    });
    let close = move || {
        picked.set(None);
        if let Some(b) = button.get_untracked() {
            let _ = b.focus();
        }
    };
    let open = move |_| match selection_of(slot) {
        Some(selection) => {
            hint.set(false);
            picked.set(Some(selection));
            focus_later(first);
        }
        None => hint.set(true),
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some((start, end, text)) = picked.get_untracked() else { return };
        let lang = state.lang.get_untracked();
        let chosen = actor.get_untracked();
        let new = chosen.is_empty() || chosen == NEW_ACTOR;
        let name = new_name.get_untracked().trim().to_string();
        if new && name.is_empty() {
            state.tell(lang.news().need_name, true, None);
            return;
        }
        let mut shown = name.clone();
        state.edits.update(|e| {
            let id = if new {
                e.add_actor(&name, kind.get_untracked())
            } else {
                shown = corrected.with_untracked(|m| {
                    m.as_ref().and_then(|m| m.matrix.actors.iter().find(|a| a.id == chosen).map(|a| a.name.clone())).unwrap_or_default()
                });
                chosen.clone()
            };
            let document = slot.document_id();
            e.add_statement(HandStatement {
                actor: id.clone(),
                document: document.clone(),
                start,
                end,
                text,
                stance: stance.get_untracked(),
            });
            e.set_note(&id, &document, &note.get_untracked());
        });
        state.tell(lang.statement_added(&shown, number), false, None);
        if state.coding.with_untracked(|c| c.as_ref().is_some_and(|c| c.document == slot.document_id())) {
            state.coding.set(None);
        }
        note.set(String::new());
        new_name.set(String::new());
        close();
    };
    let form = move || {
        let (_, _, text) = picked.get()?;
        let actors: Vec<(String, String)> = corrected.with_untracked(|m| {
            m.as_ref().map(|m| m.matrix.actors.iter().map(|a| (a.id.clone(), a.name.clone())).collect()).unwrap_or_default()
        });
        if actor.get_untracked().is_empty() {
            actor.set(actors.first().map_or(NEW_ACTOR.to_string(), |(id, _)| id.clone()));
        }
        let options = actors
            .into_iter()
            .map(|(id, name)| {
                let selected = actor.get_untracked() == id;
                view! { <option value=id selected=selected>{name}</option> }
            })
            .collect_view();
        let stances = Stance::ALL
            .into_iter()
            .map(|s| view! { <option value=s.label() selected=s == stance.get_untracked()>{lang.stance(s)}</option> })
            .collect_view();
        Some(view! {
            <form class="coding-form" data-role="statement-form" aria-label=n.new_statement on:submit=submit
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { close() }>
                <p class="coding-title">{n.new_statement}</p>
                <blockquote dir="auto" lang="ar" data-role="statement-text">{text}</blockquote>
                <label class="control">
                    <span>{n.actor}</span>
                    <select node_ref=first data-role="statement-actor" on:change=move |ev| actor.set(event_target_value(&ev))>
                        {options}
                        <option value=NEW_ACTOR selected=actor.get_untracked() == NEW_ACTOR>{n.new_actor_option}</option>
                    </select>
                </label>
                {move || (actor.get() == NEW_ACTOR).then(|| view! {
                    <label class="control">
                        <span>{n.new_actor_name}</span>
                        <input type="text" dir="auto" data-role="statement-new-actor" prop:value=new_name.get_untracked()
                            on:input=move |ev| new_name.set(event_target_value(&ev))/>
                    </label>
                    <label class="control">
                        <span>{n.kind}</span>
                        <select data-role="statement-kind" on:change=move |ev| {
                            if let Some(k) = ActorKind::from_label(&event_target_value(&ev)) { kind.set(k) }
                        }>{kind_options(lang, kind.get_untracked())}</select>
                    </label>
                })}
                <label class="control">
                    <span>{n.stance}</span>
                    <select data-role="statement-stance" on:change=move |ev| {
                        if let Some(s) = Stance::from_label(&event_target_value(&ev)) { stance.set(s) }
                    }>{stances}</select>
                </label>
                <label class="control">
                    <span>{n.note}</span>
                    <textarea class="short" rows="2" dir="auto" data-role="statement-note" on:input=move |ev| note.set(event_target_value(&ev))></textarea>
                </label>
                <div class="tool-group">
                    <button type="submit" class="button" data-role="save-statement">{n.save_statement}</button>
                    <button type="button" class="button" on:click=move |_| close()>{lang.words().cancel}</button>
                </div>
            </form>
        }
        .into_any())
    };
    view! {
        <div class="coding">
            <button type="button" class="button" node_ref=button data-role="add-statement" data-article=slot.id
                aria-expanded=move || if picked.with(Option::is_some) { "true" } else { "false" } on:click=open>
                {n.add_statement}
            </button>
            {move || hint.get().then(|| view! { <p class="hint" role="status" data-role="select-first">{n.select_first}</p> })}
            {form}
        </div>
    }
    .into_any()
}

/// "Add an actor": a row for someone the analyzer did not find.
#[component]
pub fn AddActor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let name = RwSignal::new(String::new());
    let kind = RwSignal::new(ActorKind::Person);
    move || {
        let lang = state.lang.get();
        let n = lang.news();
        let submit = move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let text = name.get_untracked().trim().to_string();
            if text.is_empty() {
                state.tell(n.need_name, true, None);
                return;
            }
            state.edits.update(|e| {
                e.add_actor(&text, kind.get_untracked());
            });
            name.set(String::new());
            state.tell(n.actor_added, false, None);
        };
        view! {
            <details class="add-actor" data-role="add-actor">
                <summary>{n.add_actor}</summary>
                <form class="control-row" on:submit=submit>
                    <label class="control">
                        <span>{n.new_actor_name}</span>
                        <input type="text" dir="auto" data-role="new-actor-name" prop:value=move || name.get() on:input=move |ev| name.set(event_target_value(&ev))/>
                    </label>
                    <label class="control">
                        <span>{n.kind}</span>
                        <select data-role="new-actor-kind" on:change=move |ev| {
                            if let Some(k) = ActorKind::from_label(&event_target_value(&ev)) { kind.set(k) }
                        }>{kind_options(lang, kind.get_untracked())}</select>
                    </label>
                    <button type="submit" class="button" data-role="add-actor-apply">{n.add_actor_apply}</button>
                </form>
            </details>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_offsets_become_code_points() {
        // "🙂" is two UTF-16 units and one code point.
        assert_eq!(utf16_to_code_points("قال 🙂 بايدن", 4, 6), (4, 5));
        assert_eq!(utf16_to_code_points("قال 🙂 بايدن", 7, 12), (6, 11));
        assert_eq!(utf16_to_code_points("نص", 0, 99), (0, 2));
    }
}
