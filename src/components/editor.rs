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
                // Set once: re-assigning a large value on every keystroke costs a
                // full re-layout of the text, and the textarea already holds it.
                prop:value=state.text.get_untracked()
                on:input=move |ev| state.text.set(event_target_value(&ev))
            ></textarea>
            {move || (!state.saved.get()).then(|| view! {
                <p class="error" role="alert" data-role="not-saved">
                    "تعذر حفظ النص في تخزين هذا المتصفح (قد يكون ممتلئاً أو معطلاً). انسخه أو احفظه في ملف قبل إغلاق الصفحة."
                </p>
            })}
            <p class="status" role="status" aria-live="polite" data-role="analysis-status">
                {move || state.busy.get().then(|| {
                    let megabytes = state.text.with_untracked(|t| t.len()) as f64 / 1_000_000.0;
                    view! {
                        <progress aria-label="جارٍ التحليل"></progress>
                        " "
                        {if megabytes >= 0.1 { format!("جارٍ تحليل {megabytes:.1} ميغابايت في الخلفية…") } else { "جارٍ التحليل…".to_string() }}
                    }
                })}
            </p>
        </section>
    }
}
