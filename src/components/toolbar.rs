//! The page's tools: the language switch, exports (CSV, JSON, PNG, copy as
//! a table), the session file, result files from the CLI, the share link
//! and the embed code. Each failure is told in the interface's language.

use leptos::prelude::*;
use stance_engine::contract::SCHEMA;
use stance_engine::StanceMatrix;
use stance_session::export::{column_titles, to_csv, to_html_table, to_json, to_tsv, TableWords};
use stance_session::{EditedMatrix, Session};
use wasm_bindgen::JsCast;

use crate::browser::{copy_html, copy_text, download_data_url, download_text, page_base, read_text_file};
use crate::components::publish::copy_embed;
use crate::corpus::{self, CorpusView};
use crate::i18n::Lang;
use crate::media::Phone;
use crate::result_marks::{Marks, ResultMarks};
use crate::state::AppState;
use crate::{png, share, storage, Corrected};

/// Largest result file opened, in megabytes.
const MAX_RESULT_MB: u32 = 200;
/// Largest session file opened, in megabytes: refused before it is read.
const MAX_SESSION_MB: u32 = (stance_session::file::MAX_SESSION_BYTES / (1024 * 1024)) as u32;

/// Runs `f` on the corrected matrix, if there is one.
fn with_matrix<T>(f: impl FnOnce(&EditedMatrix) -> T) -> Option<T> {
    expect_context::<Corrected>().0.with_untracked(|e| e.as_ref().map(f))
}

fn export(state: AppState, kind: &'static str) {
    let lang = state.lang.get_untracked();
    let w = lang.words();
    if expect_context::<CorpusView>().active(state) {
        state.tell(lang.reading().corpus_no_export, true, None);
        return;
    }
    let edits = state.edits.get_untracked();
    let result = with_matrix(|e| match kind {
        "csv" => download_text("stance-matrix.csv", "text/csv;charset=utf-8", &to_csv(e)),
        "json" => download_text("stance-matrix.json", "application/json", &to_json(e, &edits)),
        _ => png::matrix_png(e, &column_titles(&e.matrix, &|n| lang.article_n(n)), &state.publication.get_untracked(), lang)
            .and_then(|url| download_data_url("stance-matrix.png", &url)),
    });
    if matches!(result, Some(Err(_))) {
        state.tell(w.export_failed, true, None);
    }
}

/// Copies text, then tells the user how it went.
fn copy_and_tell(state: AppState, text: String, html: Option<String>, done: &'static str) {
    leptos::task::spawn_local(async move {
        let result = match html {
            Some(html) => copy_html(&html, &text).await,
            None => copy_text(&text).await,
        };
        let w = state.lang.get_untracked().words();
        match result {
            Ok(()) => state.tell(done, false, None),
            Err(_) => state.tell(w.copy_failed, true, None),
        }
    });
}

fn copy_table(state: AppState) {
    let lang = state.lang.get_untracked();
    let w = lang.words();
    if expect_context::<CorpusView>().active(state) {
        state.tell(lang.reading().corpus_no_export, true, None);
        return;
    }
    let article = move |n: usize| lang.article_n(n);
    let label = move |l: &str| lang.label_of(l).to_string();
    let words = TableWords { actor: w.actor, overall: w.overall, article: &article, label: &label, edited_mark: " ✎" };
    if let Some((html, tsv)) = with_matrix(|e| (to_html_table(e, &words, lang.dir() == "rtl"), to_tsv(e, &words))) {
        copy_and_tell(state, tsv, Some(html), w.copied);
    }
}

/// Why no share link was made.
enum LinkError {
    TooLarge,
    Failed,
}

/// The address that reproduces the session.
async fn share_url(state: AppState) -> Result<String, LinkError> {
    let json = state.session().to_json();
    // A link is only made of what a link is allowed to open.
    if json.len() > share::MAX_LINK_SESSION_BYTES {
        return Err(LinkError::TooLarge);
    }
    let fragment = share::link_fragment(&json).await.map_err(|_| LinkError::Failed)?;
    let url = format!("{}#{fragment}", page_base());
    if url.len() > share::MAX_LINK_CHARS {
        return Err(LinkError::TooLarge);
    }
    Ok(url)
}

fn copy_share(state: AppState) {
    leptos::task::spawn_local(async move {
        let w = state.lang.get_untracked().words();
        match share_url(state).await {
            Ok(url) => copy_and_tell(state, url, None, w.share_copied),
            Err(LinkError::TooLarge) => state.tell(w.share_too_large, true, None),
            Err(LinkError::Failed) => state.tell(w.export_failed, true, None),
        }
    });
}

/// The file picked in `input`, read as text (the input is cleared so that
/// the same file can be picked again).
async fn read_picked(input: &web_sys::HtmlInputElement, lang: Lang, max_mb: u32) -> Option<(String, Result<String, String>)> {
    let file = input.files()?.get(0)?;
    input.set_value("");
    let text = read_text_file(&file, max_mb).await.map_err(|problem| lang.file_problem(problem));
    Some((file.name(), text))
}

fn open_session(state: AppState, ev: leptos::ev::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    leptos::task::spawn_local(async move {
        let Some((name, text)) = read_picked(&input, state.lang.get_untracked(), MAX_SESSION_MB).await else { return };
        let w = state.lang.get_untracked().words();
        match text.and_then(|t| Session::from_json(&t).map_err(|e| e.to_string())) {
            Ok(session) => state.replace_session(session, |w| w.session_opened),
            Err(why) => state.tell(format!("{} — {name}: {why}", w.session_refused), true, None),
        }
    });
}

fn open_result(state: AppState, ev: leptos::ev::Event) {
    let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
    let corpus_view = expect_context::<CorpusView>();
    // A large file goes to the worker unread: parsing it here would stall the page.
    if let Some(file) = input.files().and_then(|f| f.get(0)).filter(|f| f.size() > corpus::IN_PAGE_BYTES) {
        input.set_value("");
        if corpus::open(corpus_view, state, &file) {
            return;
        }
    }
    // Read here: the task below runs without the component's context.
    let result_marks = use_context::<ResultMarks>();
    leptos::task::spawn_local(async move {
        let Some((name, text)) = read_picked(&input, state.lang.get_untracked(), MAX_RESULT_MB).await else { return };
        let lang = state.lang.get_untracked();
        let marks = text.as_ref().map(|t| Marks::read(t)).unwrap_or_default();
        let parsed = text.and_then(|t| serde_json::from_str::<StanceMatrix>(&t).map_err(|e| e.to_string())).and_then(|m| {
            if m.schema == SCHEMA {
                Ok(m)
            } else {
                Err(format!("{} ≠ {SCHEMA}", m.schema))
            }
        });
        match parsed {
            Ok(matrix) => {
                corpus_view.clear();
                state.analysis_request.update_value(|r| *r += 1);
                state.selected.set(None);
                if let Some(ResultMarks(stored)) = result_marks {
                    stored.set_value(marks);
                }
                state.analysis.set(Some(matrix));
                state.loaded_from.set(Some(name));
            }
            Err(why) => state.tell(lang.file_refused(&name, &why), true, None),
        }
    });
}

/// The toolbar.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let words = move || state.lang.get().words();
    // Nothing to export before there is a row.
    let empty = move || corrected.with(|e| e.as_ref().is_none_or(|e| e.matrix.actors.is_empty()));
    let switch = move |_| {
        let next = state.lang.get_untracked().other();
        state.lang.set(next);
        if !state.embedded {
            storage::save_lang(next.code());
        }
    };
    let lang_switch = view! {
        <button type="button" class="button lang-switch" data-role="language" lang=move || state.lang.get().other().code()
            aria-label=move || words().switch_label on:click=switch>
            {move || words().switch_to}
        </button>
    };
    let tools = move || {
        view! {
                <div class="tool-group" role="group" aria-label=move || words().export>
                    <span class="tool-label">{move || words().export}</span>
                    <button type="button" class="button" data-role="export-csv" disabled=empty on:click=move |_| export(state, "csv")>{move || words().export_csv}</button>
                    <button type="button" class="button" data-role="export-json" disabled=empty on:click=move |_| export(state, "json")>{move || words().export_json}</button>
                    <button type="button" class="button" data-role="export-png" disabled=empty on:click=move |_| export(state, "png")>{move || words().export_png}</button>
                    <button type="button" class="button" data-role="copy-table" disabled=empty on:click=move |_| copy_table(state)>{move || words().copy_table}</button>
                </div>
                {(!state.embedded).then(|| view! {
                <div class="tool-group" role="group" aria-label=move || words().session>
                    <span class="tool-label">{move || words().session}</span>
                    <button type="button" class="button" data-role="save-session" on:click=move |_| {
                        if download_text("stance-session.json", "application/json", &state.session().to_json()).is_err() {
                            state.tell(state.lang.get_untracked().words().export_failed, true, None);
                        }
                    }>{move || words().save_session}</button>
                    <label class="button">
                        {move || words().open_session}
                        <input type="file" accept=".json,application/json" data-role="open-session" class="visually-hidden" on:change=move |ev| open_session(state, ev)/>
                    </label>
                    <label class="button">
                        {move || words().open_result}
                        <input type="file" accept=".json,application/json" data-role="open-result" class="visually-hidden" on:change=move |ev| open_result(state, ev)/>
                    </label>
                </div>
                <div class="tool-group" role="group" aria-label=move || words().share>
                    <span class="tool-label">{move || words().share}</span>
                    <button type="button" class="button" data-role="share-link" on:click=move |_| copy_share(state)>{move || words().share_link}</button>
                    <button type="button" class="button" data-role="embed-code" on:click=move |_| copy_embed(state)>{move || words().embed_code}</button>
                </div>
                })}
        }
    };
    // On a phone the tools fold into a menu (a disclosure, so keyboards and
    // screen readers know it opens); the language switch stays outside.
    let phone = expect_context::<Phone>().0;
    let folded = move || {
        // A reader's view has no tools, so no menu either.
        if state.published {
            ().into_any()
        } else if phone.get() {
            view! {
                <details class="toolbar-menu" data-role="toolbar-menu">
                    <summary class="button">{move || state.lang.get().reading().menu}</summary>
                    <div class="toolbar-menu-items">{tools()}</div>
                </details>
            }
            .into_any()
        } else {
            tools().into_any()
        }
    };
    view! {
        <nav class="toolbar" aria-label=move || words().export>
            {lang_switch}
            {folded}
        </nav>
    }
}

/// The last message, with "undo" when the change can be undone.
#[component]
pub fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let notice = state.notice.get()?;
        let w = state.lang.get().words();
        // A reader's view has nothing to undo.
        let undo = notice.undo.clone().filter(|_| !state.published).map(|before| {
            view! {
                <button type="button" class="button" data-role="undo" on:click=move |_| {
                    state.restore(before.clone());
                    state.notice.set(None);
                }>{w.undo}</button>
            }
        });
        let (role, class) = if notice.is_error { ("alert", "notice-bar error") } else { ("status", "notice-bar") };
        Some(view! {
            <div class=class role=role data-role="notice">
                <span>{notice.text.clone()}</span>
                " " {undo} " "
                <button type="button" class="icon-button" aria-label=w.close on:click=move |_| state.notice.set(None)>"✕"</button>
            </div>
        })
    }
}
