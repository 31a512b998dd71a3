//! "Earlier sessions": the sessions the page replaced, kept in IndexedDB
//! ([`crate::history`]), to open again or delete.

use leptos::prelude::*;
use stance_session::Session;

use crate::history::{self, Entry};
use crate::state::AppState;

fn open_entry(state: AppState, id: f64) {
    leptos::task::spawn_local(async move {
        let session = history::get(id).await.and_then(|json| Session::from_json(&json).ok());
        match session {
            Some(session) => state.replace_session(session, |w| w.earlier_opened),
            None => state.tell(state.lang.get_untracked().words().earlier_unreadable, true, None),
        }
    });
}

fn delete_entry(state: AppState, id: f64) {
    leptos::task::spawn_local(async move {
        history::delete(id).await;
        state.history_version.update(|v| *v += 1);
    });
}

/// When an entry was kept, in the interface's language.
fn when(saved_at: f64, lang: &str) -> String {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(saved_at));
    String::from(date.to_locale_string(lang, &wasm_bindgen::JsValue::UNDEFINED))
}

/// The list of earlier sessions (the full page only).
#[component]
pub fn EarlierSessions() -> impl IntoView {
    let state = expect_context::<AppState>();
    let entries = RwSignal::new(Some(Vec::<Entry>::new()));
    Effect::new(move |_| {
        state.history_version.track();
        leptos::task::spawn_local(async move { entries.set(history::list().await) });
    });
    let count = move || entries.with(|e| e.as_ref().map_or(0, Vec::len));
    let list = move || {
        let lang = state.lang.get();
        let w = lang.words();
        match entries.get() {
            None => view! { <p class="hint">{w.history_unavailable}</p> }.into_any(),
            Some(list) if list.is_empty() => view! { <p class="hint">{w.no_earlier}</p> }.into_any(),
            Some(list) => view! {
                <ul class="earlier-list">
                    {list.into_iter().map(|entry| {
                        let id = entry.id;
                        let title = if entry.title.is_empty() { w.untitled.to_string() } else { entry.title.clone() };
                        view! {
                            <li data-role="earlier-session">
                                <span class="earlier-title" dir="auto">{title}</span>
                                " — " {lang.articles_count(entry.articles as usize)} " — "
                                <span class="earlier-when">{when(entry.saved_at, lang.code())}</span>
                                " "
                                <button type="button" class="button" data-role="open-earlier" on:click=move |_| open_entry(state, id)>{w.open_earlier}</button>
                                " "
                                <button type="button" class="button" data-role="delete-earlier" on:click=move |_| delete_entry(state, id)>{w.delete_earlier}</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
            .into_any(),
        }
    };
    view! {
        <details class="earlier" data-role="earlier-sessions">
            <summary>{move || state.lang.get().words().earlier_sessions} " (" {count} ")"</summary>
            {list}
        </details>
    }
}
