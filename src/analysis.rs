//! When the articles are analysed and saved.
//!
//! Analysis waits for a pause in typing; small texts are analysed in place
//! (a few milliseconds), large ones in the worker (see [`crate::background`]),
//! and only the latest request's answer is shown. The session is saved after
//! a shorter pause and whenever the page is hidden, so nothing typed is lost.

use std::time::Duration;

use leptos::prelude::*;

use crate::background::{self, WORKER_THRESHOLD};
use crate::state::{AppState, LIVE_LIMIT_BYTES};
use crate::storage;

/// How long typing must pause before the articles are analysed again.
const ANALYSIS_DEBOUNCE: Duration = Duration::from_millis(180);
/// How long changes must pause before the session is written to storage.
const SAVE_DEBOUNCE: Duration = Duration::from_millis(250);

/// Starts the analysis loop.
pub fn analyse_on_change(state: AppState) {
    let generation = state.analysis_request;
    Effect::new(move |_| {
        // Tracks every article's text and the list itself; copies nothing.
        let bytes = state.total_bytes();
        let large_ok = state.analyze_large.get();
        if bytes > LIVE_LIMIT_BYTES && !large_ok {
            // Cancels an analysis still waiting for its pause: it would
            // otherwise run on these texts (a share link of megabytes opened
            // right after typing), in the page, freezing it for seconds.
            generation.set_value(generation.get_value() + 1);
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
                let docs = state.documents();
                let show = move |matrix: stance_engine::StanceMatrix| {
                    // A result file opened meanwhile wins over this answer.
                    if generation.get_value() != mine {
                        return;
                    }
                    state.analysis.set(Some(matrix));
                    state.loaded_from.set(None);
                    state.busy.set(false);
                };
                let sent = bytes > WORKER_THRESHOLD
                    && background::request(mine, &docs, || {
                        Box::new(move |id, result| match result {
                            Ok(matrix) if id == generation.get_value() => show(matrix),
                            Ok(_) => {}
                            // The worker failed: analyse the current texts in the page.
                            Err(_) => show(stance_engine::analyze(&state.documents())),
                        })
                    });
                if !sent {
                    show(stance_engine::analyze(&docs));
                }
            },
            ANALYSIS_DEBOUNCE,
        );
    });
}

/// Starts saving the session to local storage (never when embedded).
pub fn save_on_change(state: AppState) {
    if state.embedded {
        return;
    }
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        // Track everything a session holds.
        state.total_bytes();
        state.articles.with(|a| a.iter().for_each(|slot| slot.name.track()));
        state.edits.track();
        state.lang.track();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    state.saved.set(storage::save_session(&state.session()));
                }
            },
            SAVE_DEBOUNCE,
        );
    });
    // Whatever changed last is saved before the page goes away.
    let hide = leptos::ev::Custom::<web_sys::Event>::new("pagehide");
    let _ = window_event_listener(hide, move |_| {
        crate::components::large_article::flush_pending_reads(state);
        storage::save_session(&state.session());
    });
}
