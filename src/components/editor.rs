//! The text editor where articles are pasted.

use leptos::prelude::*;

use crate::state::{AppState, ARTICLE_SEPARATOR};

/// A right-to-left textarea bound to the state's text.
#[component]
pub fn Editor() -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <section class="editor" aria-labelledby="editor-title">
            <h2 id="editor-title">"المقالات"</h2>
            <label class="hint" for="article-text">
                {format!("الصق نص المقال هنا. لفصل مقالين ضع سطراً فيه {ARTICLE_SEPARATOR} وحده.")}
            </label>
            <textarea
                id="article-text"
                dir="auto"
                lang="ar"
                spellcheck="false"
                placeholder="الصق مقالاً إخبارياً بالعربية…"
                prop:value=move || state.text.get()
                on:input=move |ev| state.text.set(event_target_value(&ev))
            ></textarea>
            <p class="status" role="status" aria-live="polite">
                {move || if state.busy.get() { "جارٍ التحليل…" } else { "" }}
            </p>
        </section>
    }
}
