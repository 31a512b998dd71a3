//! Analysis off the main thread. Texts above [`WORKER_THRESHOLD`] go to the
//! `stance-worker` Web Worker (started on first need, so small pages never
//! download it); smaller ones are analyzed in place, which takes a few
//! milliseconds. Answers carry the request's number, and only the latest
//! request's answer is shown.

use std::cell::RefCell;

use serde::{Deserialize, Serialize};
use stance_engine::{Document, StanceMatrix};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Texts larger than this (bytes) are analyzed in the worker.
pub const WORKER_THRESHOLD: usize = 100_000;

/// The worker's loader, written by Trunk next to the page.
const WORKER_URL: &str = "stance-worker_loader.js";

#[derive(Serialize)]
struct Request<'a> {
    id: f64,
    docs: &'a [Document],
}

#[derive(Deserialize)]
struct Answer {
    id: f64,
    json: Option<String>,
    error: Option<String>,
}

/// The number of the latest request sent.
fn is_latest(id: u64) -> bool {
    LATEST.with(|l| l.get() == id)
}

/// What the page does with an answer: `(request number, result)`.
pub type OnAnswer = Box<dyn Fn(u64, Result<StanceMatrix, String>)>;

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// Whether the worker has said it is ready for messages.
    static READY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The number of the latest request.
    static LATEST: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// The latest request made before the worker was ready.
    static PENDING: RefCell<Option<JsValue>> = const { RefCell::new(None) };
}

fn is_ready_message(data: &JsValue) -> bool {
    js_sys::Reflect::get(data, &JsValue::from_str("ready")).is_ok_and(|v| v.is_truthy())
}

fn start_worker(on_answer: OnAnswer) -> Result<web_sys::Worker, String> {
    let worker = web_sys::Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let on_answer = std::rc::Rc::new(on_answer);
    let on_message = {
        let on_answer = on_answer.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            if is_ready_message(&event.data()) {
                READY.with(|r| r.set(true));
                let pending = PENDING.with(|p| p.borrow_mut().take());
                if let Some(message) = pending {
                    WORKER.with(|w| w.borrow().as_ref().map(|worker| worker.post_message(&message)));
                }
                return;
            }
            // A stale answer is dropped before it is decoded: decoding a large
            // matrix is the main thread's most expensive step.
            let id = js_sys::Reflect::get(&event.data(), &JsValue::from_str("id")).ok().and_then(|v| v.as_f64());
            if id.is_some_and(|id| id >= 0.0 && !is_latest(id as u64)) {
                return;
            }
            match serde_wasm_bindgen::from_value::<Answer>(event.data()) {
                Ok(Answer { id, json: Some(json), .. }) => {
                    on_answer(id as u64, serde_json::from_str::<StanceMatrix>(&json).map_err(|e| format!("unreadable result: {e}")))
                }
                Ok(Answer { id, error, .. }) => on_answer(id as u64, Err(error.unwrap_or_else(|| "no result".to_string()))),
                Err(e) => on_answer(u64::MAX, Err(format!("unreadable answer: {e}"))),
            }
        })
    };
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(move |_event: web_sys::Event| {
        // The worker could not load or crashed: forget it so the next request
        // runs in the page instead.
        WORKER.with(|w| w.borrow_mut().take());
        READY.with(|r| r.set(false));
        on_answer(u64::MAX, Err("worker failed".to_string()));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    Ok(worker)
}

/// Sends `docs` to the worker as request `id`. Returns `false` when no worker
/// can run, and the caller should analyze in place.
pub fn request(id: u64, docs: &[Document], on_answer: impl FnOnce() -> OnAnswer) -> bool {
    LATEST.with(|l| l.set(id));
    WORKER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            match start_worker(on_answer()) {
                Ok(worker) => *slot = Some(worker),
                Err(_) => return false,
            }
        }
        let Some(worker) = slot.as_ref() else { return false };
        let message = Request { id: id as f64, docs };
        let Ok(value) = message.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) else { return false };
        if READY.with(|r| r.get()) {
            worker.post_message(&value).is_ok()
        } else {
            // Sent once the worker says it is ready; a newer request replaces it.
            PENDING.with(|p| *p.borrow_mut() = Some(value));
            true
        }
    })
}
