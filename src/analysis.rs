//! When the articles are analysed and saved.
//!
//! Analysis waits for a pause in typing and runs in the worker (see
//! [`crate::background`]), which alone carries the engine; only the latest
//! request's answer is shown. The session is saved after
//! a shorter pause and whenever the page is hidden, so nothing typed is lost.

use std::time::Duration;

use std::hash::{Hash, Hasher};

use leptos::prelude::*;
use stance_session::Session;

use crate::background;
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
                let failed = move || {
                    state.busy.set(false);
                    state.tell(state.lang.get_untracked().words().analysis_failed, true, None);
                };
                let sent = background::request(mine, &docs, || {
                    Box::new(move |id, result| match result {
                        Ok(matrix) if id == generation.get_value() => show(matrix),
                        Ok(_) => {}
                        // The worker failed; the next change starts a new one.
                        Err(_) => failed(),
                    })
                });
                if !sent {
                    failed();
                }
            },
            ANALYSIS_DEBOUNCE,
        );
    });
}

fn hash_of(json: &str) -> u64 {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    json.hash(&mut h);
    h.finish()
}

/// What this tab knows of the stored session: the hash of the JSON it last
/// wrote or read, so that a session just loaded from another tab is not
/// written back (which would wake that tab in turn).
#[derive(Clone, Copy)]
struct Saver {
    state: AppState,
    /// Bumped on every change of the session.
    generation: StoredValue<u64>,
    /// The generation last written.
    saved_generation: StoredValue<u64>,
    known: StoredValue<Option<u64>>,
}

impl Saver {
    /// Whether this tab has changes not yet written.
    fn dirty(self) -> bool {
        self.generation.get_value() != self.saved_generation.get_value()
    }

    /// Writes the session unless this tab must not write (another tab's
    /// newer work, or an unreadable session, is in storage) or storage
    /// already holds it.
    fn write(self, force: bool) {
        let state = self.state;
        if !force && (state.stale.get_untracked() || state.locked.get_untracked()) {
            return;
        }
        self.saved_generation.set_value(self.generation.get_value());
        let session = state.session();
        if !storage::storable(&session) {
            state.saved.set(false);
            return;
        }
        let json = session.to_json();
        let hash = hash_of(&json);
        if self.known.get_value() == Some(hash) {
            state.saved.set(true);
            return;
        }
        let ok = storage::save_json(&json);
        if ok {
            self.known.set_value(Some(hash));
        }
        state.saved.set(ok);
    }

    /// Another tab saved `json`: show it when this tab has nothing unsaved,
    /// or else stop writing and ask.
    fn changed_elsewhere(self, json: &str) {
        let state = self.state;
        if self.dirty() || state.stale.get_untracked() {
            state.stale.set(true);
            return;
        }
        match Session::from_json(json) {
            Ok(session) => {
                self.known.set_value(Some(hash_of(json)));
                state.restore(session);
                state.tell(state.lang.get_untracked().words().reloaded_from_tab, false, None);
            }
            Err(_) => state.stale.set(true),
        }
    }
}

/// The user's answer to "this session changed in another tab".
#[derive(Clone, Copy)]
pub struct StaleChoice(Saver);

impl StaleChoice {
    /// Shows the other tab's version; this tab's goes to the earlier sessions.
    pub fn load_theirs(self) {
        let state = self.0.state;
        let Some(json) = storage::stored_json() else { return };
        match Session::from_json(&json) {
            Ok(session) => {
                state.keep_in_history(state.session());
                self.0.known.set_value(Some(hash_of(&json)));
                state.stale.set(false);
                state.restore(session);
                state.tell(state.lang.get_untracked().words().loaded_from_tab, false, None);
            }
            Err(_) => state.tell(state.lang.get_untracked().words().earlier_unreadable, true, None),
        }
    }

    /// Saves this tab's version; the other tab's goes to the earlier sessions.
    pub fn keep_mine(self) {
        let state = self.0.state;
        if let Some(theirs) = storage::stored_json().and_then(|json| Session::from_json(&json).ok()) {
            state.keep_in_history(theirs);
        }
        state.stale.set(false);
        self.0.write(true);
        state.tell(state.lang.get_untracked().words().kept_mine, false, None);
    }
}

/// Starts saving the session to local storage (never when embedded), and
/// listens for other tabs saving theirs.
pub fn save_on_change(state: AppState) {
    if state.embedded {
        return;
    }
    let saver = Saver {
        state,
        generation: StoredValue::new(0),
        saved_generation: StoredValue::new(0),
        known: StoredValue::new(storage::stored_json().map(|j| hash_of(&j))),
    };
    provide_context(StaleChoice(saver));
    let generation = saver.generation;
    Effect::new(move |_| {
        // Track everything a session holds.
        state.total_bytes();
        state.articles.with(|a| {
            a.iter().for_each(|slot| {
                slot.name.track();
                slot.heading.outlet.track();
                slot.heading.date.track();
            })
        });
        state.edits.track();
        state.publication.track();
        state.lang.track();
        let mine = generation.get_value() + 1;
        generation.set_value(mine);
        set_timeout(
            move || {
                if generation.get_value() == mine {
                    saver.write(false);
                }
            },
            SAVE_DEBOUNCE,
        );
    });
    // Whatever changed last is saved before the page goes away.
    let hide = leptos::ev::Custom::<web_sys::Event>::new("pagehide");
    let _ = window_event_listener(hide, move |_| {
        crate::components::large_article::flush_pending_reads(state);
        saver.write(false);
    });
    // Another tab of the page saved its session (a tab never hears its own writes).
    let storage_event = leptos::ev::Custom::<web_sys::StorageEvent>::new("storage");
    let _ = window_event_listener(storage_event, move |event| {
        if event.key().as_deref() != Some(storage::SESSION_KEY) {
            return;
        }
        if let Some(json) = event.new_value() {
            saver.changed_elsewhere(&json);
        }
    });
}
