//! The page: editor on one side, matrix and evidence on the other.

use std::time::Duration;

use leptos::prelude::*;

use crate::background::{self, WORKER_THRESHOLD};
use crate::components::{editor::Editor, evidence::EvidencePanel, legend::Legend, matrix::MatrixTable, result_file::ResultFile};
use crate::state::{save_text, split_articles, AppState, LIVE_LIMIT_BYTES};

/// How long typing must pause before the text is analyzed again.
const DEBOUNCE: Duration = Duration::from_millis(180);

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);

    // Analyze after a pause in typing; a newer keystroke cancels the older run.
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let text = state.text.get();
        // Small texts are saved at once; large ones with the analysis, after a
        // pause in typing (and when the page is hidden), so that typing into a
        // large text does not write megabytes to storage on every key.
        if text.len() <= WORKER_THRESHOLD {
            state.saved.set(save_text(&text));
        }
        if text.len() > LIVE_LIMIT_BYTES && !state.analyze_large.get() {
            state.saved.set(save_text(&text));
            state.busy.set(false);
            return;
        }
        state.busy.set(true);
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        set_timeout(
            move || {
                if generation.get_value() != mine {
                    return;
                }
                if text.len() > WORKER_THRESHOLD {
                    state.saved.set(save_text(&text));
                }
                let docs = split_articles(&text);
                let show = move |matrix: stance_engine::StanceMatrix| {
                    state.matrix.set(Some(matrix));
                    state.loaded_from.set(None);
                    state.busy.set(false);
                };
                let sent = text.len() > WORKER_THRESHOLD
                    && background::request(mine, &docs, || {
                        Box::new(move |id, result| match result {
                            // Only the latest request's answer is shown.
                            Ok(matrix) if id == generation.get_value() => show(matrix),
                            Ok(_) => {}
                            Err(_) => {
                                // The worker failed: analyze the current text in the page.
                                let text = state.text.get_untracked();
                                show(stance_engine::analyze(&split_articles(&text)));
                            }
                        })
                    });
                if !sent {
                    show(stance_engine::analyze(&docs));
                }
            },
            DEBOUNCE,
        );
    });

    // Whatever is typed last is saved before the page goes away.
    let flush = leptos::ev::Custom::<web_sys::Event>::new("pagehide");
    let _ = window_event_listener(flush, move |_| {
        save_text(&state.text.get_untracked());
    });

    view! {
        <header class="masthead">
            <h1>"مصفوفة المواقف"</h1>
            <p class="tagline">"من يقف أين من انسحاب القوات الأمريكية والأجنبية من العراق؟ الصق مقالاً أو أكثر، والتحليل يجري في متصفحك وحده."</p>
        </header>
        <main class="layout">
            <Editor/>
            <section class="results" aria-labelledby="results-title">
                <h2 id="results-title">"المواقف"</h2>
                <ResultFile/>
                <Legend/>
                <MatrixTable/>
                <EvidencePanel/>
            </section>
        </main>
    }
}
