//! The article open at a piece of evidence: the whole text, with the
//! evidence span highlighted and scrolled into view. The text is only ever
//! text nodes.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::AppState;

/// Splits `text` at code-point offsets `start..end` (the contract's unit).
fn split_at_code_points(text: &str, start: usize, end: usize) -> (String, String, String) {
    let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
    let (a, b) = (byte(start), byte(end.max(start)));
    (text[..a].to_string(), text[a..b].to_string(), text[b..].to_string())
}

/// The reader panel.
#[component]
pub fn Reader() -> impl IntoView {
    let state = expect_context::<AppState>();
    let mark_ref: NodeRef<leptos::html::Mark> = NodeRef::new();
    // Bring the highlighted span into view each time the reader opens at one.
    Effect::new(move |_| {
        state.reader.track();
        if let Some(mark) = mark_ref.get() {
            let options = web_sys::ScrollIntoViewOptions::new();
            options.set_block(web_sys::ScrollLogicalPosition::Center);
            mark.scroll_into_view_with_scroll_into_view_options(&options);
            if let Some(panel) = mark.closest("[data-role=reader]").ok().flatten().and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = panel.focus();
            }
        }
    });
    move || {
        let span = state.reader.get()?;
        let lang = state.lang.get();
        let w = lang.words();
        let (number, slot) = state.article_by_document(&span.document)?;
        let (before, marked, after) = slot.text.with_untracked(|t| split_at_code_points(t, span.start, span.end));
        Some(view! {
            <section
                class="reader"
                data-role="reader"
                tabindex="-1"
                aria-label=format!("{} — {}", w.reader, lang.article_n(number))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        state.reader.set(None);
                    }
                }
            >
                <header class="reader-head">
                    <h3>{lang.article_n(number)}</h3>
                    <button type="button" class="button" data-role="close-reader" on:click=move |_| state.reader.set(None)>{w.close}</button>
                </header>
                <div class="reader-text" dir="auto" lang="ar">{before}<mark node_ref=mark_ref data-role="reader-span">{marked}</mark>{after}</div>
            </section>
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_code_points() {
        let (a, b, c) = split_at_code_points("قال 🙂 بايدن", 4, 5);
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("قال ", "🙂", " بايدن"));
        let (a, b, c) = split_at_code_points("نص", 1, 99);
        assert_eq!((a.as_str(), b.as_str(), c.as_str()), ("ن", "ص", ""));
    }
}
