//! The page's half of result files at corpus scale: a worker of its own
//! (the `stance-worker` binary, apart from the analysis worker, so the two
//! never wait on each other) reads the file, and the page keeps only what
//! it renders: the window of the matrix in view and the selected cell.
//!
//! Result files up to [`IN_PAGE_BYTES`] are still read on the page: they
//! parse in a few milliseconds, and corrections and exports then work on
//! them as on the page's own analysis. See `corpus_worker.rs` for the
//! messages.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stance_engine::Overall;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::matrix_view::{CellDetail, MatrixWindow};
use crate::rows::Query;
use crate::state::AppState;

/// Result files larger than this (bytes) are read by the worker.
pub const IN_PAGE_BYTES: f64 = 2_000_000.0;

/// The worker's loader, written by Trunk next to the page.
const WORKER_URL: &str = "stance-worker_loader.js";

/// What the worker says of a file it read.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct CorpusSummary {
    /// Articles.
    pub documents: usize,
    /// Actors.
    pub actors: usize,
    /// Cells.
    pub cells: usize,
    /// Actors per overall position.
    pub counts: Vec<(Overall, usize)>,
    /// The worker's memory after reading, in MB.
    pub memory_mb: f64,
    /// How long reading took, in ms.
    pub millis: f64,
    /// Whether this widget exported the file.
    #[serde(default)]
    pub from_widget: bool,
}

/// The reactive face of the corpus: set by the worker's answers.
#[derive(Clone, Copy)]
pub struct CorpusView {
    /// The file held by the worker, once read.
    pub summary: RwSignal<Option<CorpusSummary>>,
    /// A file is being read.
    pub opening: RwSignal<bool>,
    /// The latest window.
    pub window: RwSignal<Option<MatrixWindow>>,
    /// The latest cell asked for.
    pub detail: RwSignal<Option<CellDetail>>,
}

impl CorpusView {
    /// Empty.
    pub fn new() -> CorpusView {
        CorpusView { summary: RwSignal::new(None), opening: RwSignal::new(false), window: RwSignal::new(None), detail: RwSignal::new(None) }
    }

    /// Whether the matrix on screen is a result file held by the worker.
    pub fn active(self, state: AppState) -> bool {
        state.loaded_from.with(Option::is_some) && self.summary.with(Option::is_some)
    }

    /// Forgets the file (the page's own analysis or a small file replaces it).
    pub fn clear(self) {
        self.summary.set(None);
        self.window.set(None);
        self.detail.set(None);
    }
}

#[derive(Serialize)]
struct WindowRequest<'a> {
    query: &'a Query,
    lines: [usize; 2],
    columns: [usize; 2],
}

#[derive(Serialize)]
struct CellRequest<'a> {
    actor: &'a str,
    document: &'a str,
}

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    static READY: Cell<bool> = const { Cell::new(false) };
    /// Messages sent before the worker was ready, in order.
    static QUEUE: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
    /// The number of the latest window and cell requests: older answers are dropped.
    static LATEST: Cell<u32> = const { Cell::new(0) };
    static LATEST_CELL: Cell<u32> = const { Cell::new(0) };
}

fn get(data: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(data, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn on_answer(view: CorpusView, state: AppState, name: StoredValue<String>, data: JsValue) {
    if get(&data, "ready").is_truthy() {
        READY.with(|r| r.set(true));
        let queued = QUEUE.with(|q| std::mem::take(&mut *q.borrow_mut()));
        WORKER.with(|w| {
            if let Some(worker) = w.borrow().as_ref() {
                queued.iter().for_each(|m| {
                    let _ = worker.post_message(m);
                })
            }
        });
        return;
    }
    let id = get(&data, "id").as_f64().unwrap_or(-1.0) as u32;
    let json = get(&data, "json").as_string().unwrap_or_default();
    match get(&data, "corpus").as_string().as_deref() {
        Some("opened") => {
            view.opening.set(false);
            match serde_json::from_str::<CorpusSummary>(&json) {
                Ok(summary) => {
                    // No analysis still under way replaces the file.
                    state.analysis_request.update_value(|r| *r += 1);
                    state.selected.set(None);
                    state.analysis.set(None);
                    view.window.set(None);
                    view.summary.set(Some(summary));
                    state.loaded_from.set(Some(name.get_value()));
                }
                Err(e) => state.tell(state.lang.get_untracked().file_refused(&name.get_value(), &e.to_string()), true, None),
            }
        }
        Some("window") if id == LATEST.with(Cell::get) => {
            if let Ok(Some(window)) = serde_json::from_str::<Option<MatrixWindow>>(&json) {
                view.window.set(Some(window));
            }
        }
        Some("cell") if id == LATEST_CELL.with(Cell::get) => {
            view.detail.set(serde_json::from_str::<Option<CellDetail>>(&json).ok().flatten());
        }
        Some("error") => {
            view.opening.set(false);
            let reason = get(&data, "reason").as_string().unwrap_or_default();
            state.tell(state.lang.get_untracked().file_refused(&name.get_value(), &reason), true, None);
        }
        _ => {}
    }
}

fn post(message: JsValue) {
    WORKER.with(|w| {
        if let Some(worker) = w.borrow().as_ref() {
            if READY.with(Cell::get) {
                let _ = worker.post_message(&message);
            } else {
                QUEUE.with(|q| q.borrow_mut().push(message));
            }
        }
    });
}

fn message(kind: &str, id: u32, request: Option<String>) -> js_sys::Object {
    let m = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&m, &JsValue::from_str("corpus"), &JsValue::from_str(kind));
    let _ = js_sys::Reflect::set(&m, &JsValue::from_str("id"), &JsValue::from(id));
    if let Some(request) = request {
        let _ = js_sys::Reflect::set(&m, &JsValue::from_str("request"), &JsValue::from_str(&request));
    }
    m
}

thread_local! {
    static NAME: RefCell<Option<StoredValue<String>>> = const { RefCell::new(None) };
}

/// Hands `file` to the worker (started on first use). Returns `false` when
/// no worker can run; the caller then reads the file on the page.
pub fn open(view: CorpusView, state: AppState, file: &web_sys::File) -> bool {
    let name = NAME.with(|n| *n.borrow_mut().get_or_insert_with(|| StoredValue::new(String::new())));
    name.set_value(file.name());
    let started = WORKER.with(|w| {
        if w.borrow().is_some() {
            return true;
        }
        let Ok(worker) = web_sys::Worker::new(WORKER_URL) else { return false };
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| on_answer(view, state, name, e.data()));
        let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_e: web_sys::Event| {
            WORKER.with(|w| w.borrow_mut().take());
            READY.with(|r| r.set(false));
            view.opening.set(false);
            state.tell(state.lang.get_untracked().file_refused(&name.get_value(), "worker failed"), true, None);
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_message.forget();
        on_error.forget();
        *w.borrow_mut() = Some(worker);
        true
    });
    if !started {
        return false;
    }
    view.opening.set(true);
    let m = message("open", 0, None);
    let _ = js_sys::Reflect::set(&m, &JsValue::from_str("file"), file);
    post(m.into());
    true
}

/// Asks for lines and columns of the file under `query`.
pub fn request_window(query: &Query, lines: std::ops::Range<usize>, columns: std::ops::Range<usize>) {
    let id = LATEST.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    let request = WindowRequest { query, lines: [lines.start, lines.end], columns: [columns.start, columns.end] };
    if let Ok(json) = serde_json::to_string(&request) {
        post(message("window", id, Some(json)).into());
    }
}

/// Asks for one cell's evidence.
pub fn request_cell(actor: &str, document: &str) {
    let id = LATEST_CELL.with(|l| {
        l.set(l.get() + 1);
        l.get()
    });
    if let Ok(json) = serde_json::to_string(&CellRequest { actor, document }) {
        post(message("cell", id, Some(json)).into());
    }
}
