//! Publishing: the editor's settings for the read-only view (title,
//! description, credit line, each article's original address, full texts or
//! evidence only, the embedding site), the buttons that copy its link and
//! embed code, and the credit and sources a reader sees under the matrix.

use leptos::prelude::*;
use stance_session::publish::{safe_url, Publication};

use crate::browser::copy_text;
use crate::embed::normalize_origin;
use crate::published::{base_folder, embed_snippet, published_url, LinkError};
use crate::state::AppState;
use crate::Corrected;

/// Copies `text`, then says `done` (or that copying failed).
fn copy_then_tell(state: AppState, text: String, done: &'static str) {
    leptos::task::spawn_local(async move {
        let w = state.lang.get_untracked().words();
        match copy_text(&text).await {
            Ok(()) => state.tell(done, false, None),
            Err(_) => state.tell(w.copy_failed, true, None),
        }
    });
}

fn tell_link_error(state: AppState, error: LinkError) {
    let w = state.lang.get_untracked().words();
    match error {
        LinkError::Nothing => state.tell(w.empty, true, None),
        LinkError::TooLarge => state.tell(w.share_too_large, true, None),
        LinkError::Failed => state.tell(w.export_failed, true, None),
    }
}

/// Copies the link to the read-only view.
pub fn copy_published_link(state: AppState) {
    let corrected = expect_context::<Corrected>();
    leptos::task::spawn_local(async move {
        match published_url(state, corrected, false).await {
            Ok(url) => copy_then_tell(state, url, state.lang.get_untracked().news().published_link_copied),
            Err(e) => tell_link_error(state, e),
        }
    });
}

/// Copies the embed code: the published view in an iframe, with the loader
/// that resizes it.
pub fn copy_embed(state: AppState) {
    let corrected = expect_context::<Corrected>();
    leptos::task::spawn_local(async move {
        match published_url(state, corrected, true).await {
            Ok(url) => {
                let lang = state.lang.get_untracked();
                let title = state.publication.with_untracked(|p| p.title.clone());
                let title = if title.is_empty() { lang.words().title.to_string() } else { title };
                copy_then_tell(state, embed_snippet(&url, &title, &base_folder()), lang.news().embed_snippet_copied);
            }
            Err(e) => tell_link_error(state, e),
        }
    });
}

/// A text field of the settings, saved as it is typed.
fn field(
    label: &'static str,
    role: &'static str,
    value: String,
    multiline: bool,
    set: impl Fn(&mut Publication, String) + Copy + 'static,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_input = move |ev: leptos::ev::Event| {
        let text = Publication::clean_field(&event_target_value(&ev));
        state.publication.update(|p| set(p, text));
    };
    let input = if multiline {
        view! { <textarea class="short" data-role=role dir="auto" rows="2" prop:value=value on:input=on_input></textarea> }.into_any()
    } else {
        view! { <input type="text" data-role=role dir="auto" prop:value=value on:input=on_input/> }.into_any()
    };
    view! { <label class="control"><span>{label}</span>{input}</label> }.into_any()
}

thread_local! {
    /// Whether the editor opened the panel. The panel is re-made when the
    /// articles change (an analysis that ends updates them) and its parent may
    /// re-mount it, so this lives outside both.
    static PANEL_OPEN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The settings and buttons of the published view, for the editor.
///
/// Re-made when the articles or the language change (not while typing), and
/// re-made *fresh*: each time the other side of an `Either`, which Leptos
/// mounts anew rather than rebuilding the side it replaces. A
/// plain `move ||` closure would have Leptos rebuild the panel's existing
/// nodes in place, and with `--cfg erase_components` (see
/// `.cargo/config.toml`) that re-applies every attribute and property of
/// every input, also while the `<details>` is closed; Chromium then leaves
/// the inputs rebuilt inside the closed panel without a layout box (0×0,
/// unclickable) after it opens. New nodes never have that problem.
#[component]
pub fn PublishPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let generation = Memo::new(move |before: Option<&u64>| {
        state.lang.track();
        state.articles.track();
        before.map_or(0, |g| g + 1)
    });
    move || {
        if generation.get() % 2 == 0 {
            leptos::either::Either::Left(panel(state))
        } else {
            leptos::either::Either::Right(panel(state))
        }
    }
}

/// The panel as it stands.
fn panel(state: AppState) -> impl IntoView {
    {
        let lang = state.lang.get_untracked();
        let n = lang.news();
        let p = state.publication.get_untracked();
        let slots = state.articles.get_untracked();
        let urls = slots
            .into_iter()
            .enumerate()
            .map(|(i, slot)| {
                let document = slot.document_id();
                let value = p.urls.get(&document).cloned().unwrap_or_default();
                let bad = RwSignal::new(!value.is_empty() && !safe_url(&value));
                let on_input = move |ev: leptos::ev::Event| {
                    let url = event_target_value(&ev).trim().to_string();
                    bad.set(!url.is_empty() && !safe_url(&url));
                    state.publication.update(|p| {
                        if url.is_empty() {
                            p.urls.remove(&document);
                        } else {
                            p.urls.insert(document.clone(), url.clone());
                        }
                    });
                };
                view! {
                    <label class="control">
                        <span>{lang.pub_url_label(i + 1)}</span>
                        <input type="url" dir="ltr" inputmode="url" data-role="pub-url" data-article=slot.id placeholder="https://"
                            aria-invalid=move || bad.get().then_some("true") prop:value=value on:input=on_input/>
                    </label>
                }
            })
            .collect_view();
        let origin_bad = RwSignal::new(!p.host_origin.is_empty() && normalize_origin(&p.host_origin).is_none());
        view! {
            <details class="publish" data-role="publish" prop:open=PANEL_OPEN.with(|o| o.get())
                on:toggle=move |ev| PANEL_OPEN.with(|o| o.set(event_target::<web_sys::Element>(&ev).has_attribute("open")))>
                <summary>{n.publish}</summary>
                <p class="hint">{n.publish_hint}</p>
                {field(n.pub_title, "pub-title", p.title.clone(), false, |p, v| p.title = v)}
                {field(n.pub_description, "pub-description", p.description.clone(), true, |p, v| p.description = v)}
                {field(n.pub_credit, "pub-credit", p.credit.clone(), false, |p, v| p.credit = v)}
                {urls}
                <label class="control checkbox">
                    <input type="checkbox" data-role="pub-full-texts" prop:checked=p.full_texts
                        on:change=move |ev| state.publication.update(|p| p.full_texts = event_target_checked(&ev))/>
                    <span>{n.pub_full_texts}</span>
                </label>
                <label class="control">
                    <span>{n.pub_origin}</span>
                    <input type="url" dir="ltr" data-role="pub-origin" placeholder="https://cms.example" prop:value=p.host_origin.clone()
                        aria-invalid=move || origin_bad.get().then_some("true") aria-describedby="pub-origin-problem"
                        on:input=move |ev| {
                            let origin = event_target_value(&ev).trim().to_string();
                            origin_bad.set(!origin.is_empty() && normalize_origin(&origin).is_none());
                            state.publication.update(|p| p.host_origin = origin);
                        }/>
                    <span id="pub-origin-problem" class="error" role="status">{move || origin_bad.get().then_some(n.pub_origin_bad)}</span>
                </label>
                <div class="tool-group">
                    <button type="button" class="button" data-role="copy-published-link" on:click=move |_| copy_published_link(state)>{n.copy_published_link}</button>
                    <button type="button" class="button" data-role="copy-embed" on:click=move |_| copy_embed(state)>{lang.words().embed_code}</button>
                </div>
            </details>
        }
        .into_any()
    }
}

/// The credit line and the articles behind the matrix, with a link to each
/// original the editor gave, for readers.
#[component]
pub fn PublishedCredit() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    move || {
        let lang = state.lang.get();
        let p = state.publication.get();
        let sources = corrected.with(|e| {
            e.as_ref().map(|e| {
                e.matrix
                    .documents
                    .iter()
                    .enumerate()
                    .map(|(i, d)| {
                        let title = if d.title.is_empty() { lang.article_n(i + 1) } else { d.title.clone() };
                        let link = p.url_of(&d.id).map(|url| {
                            view! { " — " <a href=url.to_string() rel="noopener noreferrer nofollow" target="_blank" data-role="source-link">{lang.news().original_article}</a> }
                        });
                        view! { <li><bdi>{title}</bdi>{d.date.clone().map(|date| view! { " · " <time dir="ltr">{date}</time> })}{link}</li> }
                    })
                    .collect_view()
            })
        });
        view! {
            <footer class="credit" data-role="credit">
                {(!p.credit.is_empty()).then(|| view! { <p dir="auto">{p.credit.clone()}</p> })}
                <ol class="sources" data-role="sources">{sources}</ol>
            </footer>
        }
        .into_any()
    }
}
