//! The page: editor on one side, matrix and evidence on the other.

use std::time::Duration;

use leptos::prelude::*;

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
        save_text(&text);
        if text.len() > LIVE_LIMIT_BYTES && !state.analyze_large.get() {
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
                let docs = split_articles(&text);
                state.matrix.set(Some(stance_engine::analyze(&docs)));
                state.loaded_from.set(None);
                state.busy.set(false);
            },
            DEBOUNCE,
        );
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
