//! The articles: one card per article, each with its own text area, a name
//! and a remove button; articles are added by hand, from `.txt` files (picked
//! or dropped) or from the examples. Removing and clearing can be undone.

use leptos::prelude::*;
use stance_session::{Article, Session};
use wasm_bindgen::JsCast;

use crate::browser::read_text_file;
use crate::components::code_cell::instruction;
use crate::components::coding::add_statement;
use crate::components::large_article::{
    edit_stall_seconds, over_layout_budget, read_after_pause, read_now, take_large_paste, LARGE_ARTICLE_BYTES, READ_ON_PAUSE_BYTES,
    WARN_EDIT_BYTES,
};
use crate::examples::EXAMPLES;
use crate::i18n::Lang;
use crate::state::{AppState, ArticleSlot};

/// How much of a large article the preview shows, in characters.
const PREVIEW_CHARS: usize = 3_000;
/// Largest text file read, in megabytes.
const MAX_FILE_MB: u32 = 50;

/// Reads dropped or picked files into articles, in order; anything that is
/// not a UTF-8 text file gets a message instead.
fn add_files(state: AppState, files: web_sys::FileList) {
    let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
    leptos::task::spawn_local(async move {
        let lang = state.lang.get_untracked();
        let mut refused = Vec::new();
        for file in files {
            let name = file.name();
            let is_text = name.to_lowercase().ends_with(".txt") || file.type_() == "text/plain";
            if !is_text {
                refused.push(lang.not_text_file(&name));
                continue;
            }
            let text = match read_text_file(&file, MAX_FILE_MB).await {
                Ok(text) => text,
                Err(problem) => {
                    refused.push(lang.file_refused(&name, &lang.file_problem(problem)));
                    continue;
                }
            };
            put_article(state, text);
        }
        if !refused.is_empty() {
            state.tell(refused.join(" "), true, None);
        }
    });
}

/// Puts a text into the one empty article, or into a new one.
fn put_article(state: AppState, text: String) {
    let empty = state.articles.with_untracked(|a| a.iter().find(|s| s.text.with_untracked(|t| t.trim().is_empty())).copied());
    match empty {
        Some(slot) => slot.replace_text(text),
        None => {
            state.add_article(String::new(), text);
        }
    }
}

/// Loads the illustrative articles in place of the current ones (undoable).
fn load_examples(state: AppState) {
    let before = state.session();
    let had_text = before.articles.iter().any(|a| !a.text.trim().is_empty());
    let articles = EXAMPLES.iter().enumerate().map(|(i, text)| Article::new(i as u32 + 1, *text)).collect();
    state.restore(Session::new(articles, Default::default(), before.lang.clone()));
    if had_text {
        state.keep_in_history(before.clone());
        state.tell(state.lang.get_untracked().words().replaced, false, Some(before));
    }
}

/// What an article card shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Body {
    /// The beginning of a large article, with a button to edit it.
    Preview,
    /// A text area.
    Editor,
}

/// One article card; `over_budget` when the text areas before it already
/// hold as much text as the page lays out at once.
fn article_card(slot: ArticleSlot, index: usize, state: AppState, lang: Lang, over_budget: bool) -> impl IntoView {
    let w = lang.words();
    let number = index + 1;
    let editing_large = RwSignal::new(false);
    let warning = RwSignal::new(false);
    let pending = StoredValue::new(0u64);
    let remove = move |_| {
        let before = state.session();
        state.articles.update(|a| a.retain(|s| s.id != slot.id));
        if state.articles.with_untracked(|a| a.is_empty()) {
            state.add_article(String::new(), String::new());
        }
        state.selected.set(None);
        state.reader.set(None);
        state.tell(state.lang.get_untracked().words().removed_one, false, Some(before));
    };
    let first_line = move || slot.text.with(|t| stance_engine::title_of(t));
    // A memo, so that typing re-renders nothing: only crossing the size
    // limit swaps the text area for a preview.
    let mode = Memo::new(move |_| {
        if (over_budget || slot.text.with(|t| t.len() > LARGE_ARTICLE_BYTES)) && !editing_large.get() {
            Body::Preview
        } else {
            Body::Editor
        }
    });
    let text_id = format!("article-text-{}", slot.id);
    let label = format!("{} — {}", w.article_text, lang.article_n(number));
    let body_view = move |mode: Body| match mode {
        Body::Preview => {
            let preview: String = slot.text.with_untracked(|t| t.chars().take(PREVIEW_CHARS).collect());
            view! {
                <div class="large-preview" data-role="large-preview">
                    <p class="hint">{if over_budget { w.budget_preview } else { w.large_preview }}</p>
                    <div class="preview-text" dir="auto" lang="ar">{preview}"…"</div>
                    {move || {
                        let bytes = slot.text.with_untracked(|t| t.len());
                        if warning.get() {
                            let r = lang.reading();
                            view! {
                                <div class="notice-box" role="alertdialog" aria-labelledby=format!("edit-warning-{}", slot.id) data-role="edit-warning">
                                    <p id=format!("edit-warning-{}", slot.id)>{lang.edit_large_warning(bytes as f64 / 1e6, edit_stall_seconds(bytes))}</p>
                                    <button type="button" class="button" data-role="edit-anyway" on:click=move |_| editing_large.set(true)>{r.edit_anyway}</button>
                                    " "
                                    <button type="button" class="button" data-role="keep-preview" on:click=move |_| warning.set(false)>{r.keep_preview}</button>
                                </div>
                            }
                            .into_any()
                        } else {
                            // A very large article says what opening it costs before it does.
                            let open = move |_| if bytes > WARN_EDIT_BYTES { warning.set(true) } else { editing_large.set(true) };
                            view! { <button type="button" class="button" data-role="edit-large" on:click=open>{w.edit_large}</button> }.into_any()
                        }
                    }}
                </div>
            }
            .into_any()
        }
        // Set once: re-assigning a large value on every keystroke lays the
        // whole text out again. The kind of editor is chosen when it opens.
        Body::Editor if slot.text.with_untracked(|t| t.len()) > READ_ON_PAUSE_BYTES => view! {
            <textarea
                id=text_id.clone()
                data-role="article-text"
                data-article=slot.id
                data-read-on-pause="true"
                dir="auto"
                lang="ar"
                spellcheck="false"
                aria-label=label.clone()
                placeholder=w.placeholder
                prop:value=slot.text.get_untracked()
                on:keyup=move |ev| read_after_pause(slot, &ev, pending)
                on:selectionchange=move |ev| read_after_pause(slot, &ev, pending)
                on:paste=move |ev| {
                    if take_large_paste(slot, &ev) {
                        // The text area no longer holds the text: show the preview.
                        editing_large.set(false);
                    } else {
                        read_after_pause(slot, &ev, pending)
                    }
                }
                on:cut=move |ev| read_after_pause(slot, &ev, pending)
                on:drop=move |ev| read_after_pause(slot, &ev, pending)
                on:compositionend=move |ev| read_after_pause(slot, &ev, pending)
                on:blur=move |ev| read_now(slot, &ev, pending)
            ></textarea>
        }
        .into_any(),
        Body::Editor => view! {
            <textarea
                id=text_id.clone()
                data-role="article-text"
                data-article=slot.id
                dir="auto"
                lang="ar"
                spellcheck="false"
                aria-label=label.clone()
                placeholder=w.placeholder
                prop:value=slot.text.get_untracked()
                on:input=move |ev| slot.text.set(event_target_value(&ev))
                on:paste=move |ev| {
                    if take_large_paste(slot, &ev) {
                        editing_large.set(false);
                    }
                }
            ></textarea>
        }
        .into_any(),
    };
    let body = move || {
        // A text replaced from outside (a dropped file) needs a fresh text area.
        slot.revision.track();
        body_view(mode.get())
    };
    view! {
        <article class="article-card" data-role="article" data-article=slot.id aria-label=lang.article_n(number)>
            <header class="article-head">
                <span class="article-number">{lang.article_n(number)}</span>
                <input
                    type="text"
                    class="article-name"
                    data-role="article-name"
                    dir=move || if slot.name.with(String::is_empty) { lang.dir() } else { "auto" }
                    aria-label=format!("{} — {}", w.article_name, lang.article_n(number))
                    placeholder=first_line
                    prop:value=slot.name.get_untracked()
                    on:input=move |ev| slot.name.set(event_target_value(&ev))
                />
                <button type="button" class="icon-button" data-role="remove-article" aria-label=format!("{} — {}", w.remove_article, lang.article_n(number)) title=w.remove_article on:click=remove>
                    "✕"
                </button>
            </header>
            <details class="article-heading" data-role="article-heading">
                <summary>{lang.reading().heading_parts}</summary>
                <label class="control">
                    <span>{lang.reading().outlet}</span>
                    <input type="text" data-role="article-outlet" dir="auto" prop:value=slot.heading.outlet.get_untracked()
                        on:input=move |ev| slot.heading.outlet.set(event_target_value(&ev))/>
                </label>
                <label class="control">
                    <span>{lang.reading().date}</span>
                    <input type="text" data-role="article-date" dir="auto" placeholder=lang.reading().date_placeholder
                        prop:value=slot.heading.date.get_untracked() on:input=move |ev| slot.heading.date.set(event_target_value(&ev))/>
                </label>
            </details>
            {instruction(slot, lang)}
            {body}
            {add_statement(slot, number, lang)}
        </article>
    }
}

/// The articles section.
#[component]
pub fn Articles() -> impl IntoView {
    let state = expect_context::<AppState>();
    let confirming = RwSignal::new(false);
    let cancel_ref: NodeRef<leptos::html::Button> = NodeRef::new();
    // The question takes the focus, on its safe answer, so that a keyboard
    // user hears it and Enter does not clear by accident.
    Effect::new(move |_| {
        if confirming.get() {
            request_animation_frame(move || {
                if let Some(button) = cancel_ref.get_untracked() {
                    let _ = button.focus();
                }
            });
        }
    });
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        if let Some(files) = ev.data_transfer().and_then(|d| d.files()) {
            add_files(state, files);
        }
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        if let Some(files) = input.files() {
            add_files(state, files);
        }
        input.set_value("");
    };
    let clear = move |_| {
        let before = state.session();
        state.keep_in_history(before.clone());
        state.restore(Session::new(Vec::new(), Default::default(), before.lang.clone()));
        confirming.set(false);
        state.tell(state.lang.get_untracked().words().cleared, false, Some(before));
    };
    let cards = move || {
        let lang = state.lang.get();
        let slots = state.articles.get();
        // Decided when the cards are made (a session opened, an article added
        // or removed), not on every keystroke: typing never swaps a text area away.
        let sizes: Vec<usize> = slots.iter().map(|s| s.text.with_untracked(|t| t.len())).collect();
        let over = over_layout_budget(&sizes);
        slots.into_iter().enumerate().map(|(i, slot)| article_card(slot, i, state, lang, over[i])).collect_view()
    };
    let words = move || state.lang.get().words();
    view! {
        <section
            class="articles"
            data-role="articles"
            aria-labelledby="articles-title"
            on:dragover=|ev: leptos::ev::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <h2 id="articles-title">{move || words().articles}</h2>
            <div class="article-tools">
                <button type="button" class="button" data-role="add-article" on:click=move |_| {
                    state.add_article(String::new(), String::new());
                }>{move || words().add_article}</button>
                <label class="button">
                    {move || words().pick_files}
                    <input type="file" multiple accept=".txt,text/plain" data-role="pick-files" class="visually-hidden" on:change=on_pick/>
                </label>
                <button type="button" class="button" data-role="examples" title=move || words().examples_note on:click=move |_| load_examples(state)>
                    {move || words().examples}
                </button>
                <button type="button" class="button" data-role="clear-all" on:click=move |_| confirming.set(true)>{move || words().clear_all}</button>
            </div>
            {move || confirming.get().then(|| view! {
                <div class="confirm" role="alertdialog" aria-labelledby="confirm-text" data-role="confirm-clear">
                    <p id="confirm-text">{words().clear_confirm}</p>
                    <button type="button" class="button danger" data-role="confirm-yes" on:click=clear>{words().clear_yes}</button>
                    " "
                    <button type="button" class="button" data-role="confirm-no" node_ref=cancel_ref on:click=move |_| confirming.set(false)>{words().cancel}</button>
                </div>
            })}
            <p class="hint">{move || words().drop_hint}</p>
            <div class="article-list">{cards}</div>
        </section>
    }
}
