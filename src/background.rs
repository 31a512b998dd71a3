//! The analysis runs in the `stance-worker` Web Worker, the only module that
//! carries the engine and its lexicon: the page's own module stays small, so
//! the first load is fast, and typing never waits on an analysis. The worker
//! starts on the first request (and again after a failure).
//!
//! Two kinds of requests share it. The page's own analysis ([`request`])
//! carries the number of its generation, and only the latest one's answer is
//! decoded and shown. The JavaScript API ([`request_json`]) gets every answer
//! it asked for, as the contract's JSON text.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use serde::Deserialize;
use stance_engine::{Document, StanceMatrix};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Above this size (bytes) the busy notice names the size, since the
/// analysis then takes a noticeable time.
pub const LARGE_TEXT_BYTES: usize = 100_000;

/// The worker's loader, written by Trunk next to the page.
const WORKER_URL: &str = "stance-worker_loader.js";

/// Requests of the JavaScript API are numbered from here, above any
/// generation of the page's analysis, so that the two never meet.
const API_IDS: u64 = 1 << 50;

#[derive(Deserialize)]
struct Answer {
    id: f64,
    json: Option<String>,
    error: Option<String>,
}

/// What the page does with an answer: `(request number, result)`.
pub type OnAnswer = Box<dyn Fn(u64, Result<StanceMatrix, String>)>;

/// What an API caller does with its answer: the contract's JSON text as a
/// JS string (decoded from the worker's bytes, never copied into this
/// module), or why there is none.
pub type OnJson = Box<dyn FnOnce(Result<JsValue, String>)>;

thread_local! {
    static WORKER: RefCell<Option<web_sys::Worker>> = const { RefCell::new(None) };
    /// Whether the worker has said it is ready for messages.
    static READY: Cell<bool> = const { Cell::new(false) };
    /// The number of the page's latest request.
    static LATEST: Cell<u64> = const { Cell::new(0) };
    /// Where the page's answers go.
    static ON_ANSWER: RefCell<Option<Rc<OnAnswer>>> = const { RefCell::new(None) };
    /// The page's latest request made before the worker was ready.
    static PENDING: RefCell<Option<JsValue>> = const { RefCell::new(None) };
    /// API requests made before the worker was ready, in order.
    static QUEUED: RefCell<Vec<JsValue>> = const { RefCell::new(Vec::new()) };
    /// API requests waiting for their answer.
    static WAITING: RefCell<HashMap<u64, OnJson>> = RefCell::new(HashMap::new());
    static NEXT_API_ID: Cell<u64> = const { Cell::new(API_IDS) };
}

fn is_latest(id: u64) -> bool {
    LATEST.with(|l| l.get() == id)
}

fn is_ready_message(data: &JsValue) -> bool {
    js_sys::Reflect::get(data, &JsValue::from_str("ready")).is_ok_and(|v| v.is_truthy())
}

fn page_answer(id: u64, result: Result<StanceMatrix, String>) {
    let handler = ON_ANSWER.with(|h| h.borrow().clone());
    if let Some(handler) = handler {
        handler(id, result);
    }
}

fn on_message(event: web_sys::MessageEvent) {
    let data = event.data();
    if is_ready_message(&data) {
        READY.with(|r| r.set(true));
        let mut messages: Vec<JsValue> = QUEUED.with(|q| std::mem::take(&mut *q.borrow_mut()));
        messages.extend(PENDING.with(|p| p.borrow_mut().take()));
        WORKER.with(|w| {
            if let Some(worker) = w.borrow().as_ref() {
                for message in &messages {
                    let _ = worker.post_message(message);
                }
            }
        });
        return;
    }
    let id = js_sys::Reflect::get(&data, &JsValue::from_str("id")).ok().and_then(|v| v.as_f64());
    if let Some(id) = id.filter(|&id| id >= API_IDS as f64) {
        let Some(reply) = WAITING.with(|w| w.borrow_mut().remove(&(id as u64))) else { return };
        if let Some(bytes) = bytes_of(&data) {
            return reply(crate::api::text_of(&bytes));
        }
        let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).ok().filter(JsValue::is_string);
        match (field("json"), field("error")) {
            (Some(json), _) => reply(Ok(json)),
            (None, error) => reply(Err(error.and_then(|e| e.as_string()).unwrap_or_else(|| "no result".to_string()))),
        }
        return;
    }
    // A stale answer is dropped before it is decoded: decoding a large
    // matrix is the main thread's most expensive step.
    if id.is_some_and(|id| id >= 0.0 && !is_latest(id as u64)) {
        return;
    }
    if let (Some(id), Some(bytes)) = (id, bytes_of(&data)) {
        return page_answer(id as u64, read_bytes(&bytes));
    }
    match serde_wasm_bindgen::from_value::<Answer>(data) {
        Ok(Answer { id, json: Some(json), .. }) => {
            page_answer(id as u64, serde_json::from_str::<StanceMatrix>(&json).map_err(|e| format!("unreadable result: {e}")))
        }
        Ok(Answer { id, error, .. }) => page_answer(id as u64, Err(error.unwrap_or_else(|| "no result".to_string()))),
        Err(e) => page_answer(u64::MAX, Err(format!("unreadable answer: {e}"))),
    }
}

/// The page's request `{id, ids, ends, text, bytes: true}`: the articles'
/// texts as one buffer of UTF-8 (`ends[i]` is where text `i` ends), and a
/// request for the answer as bytes too. Sent as JS strings, every text was
/// turned into UTF-16 on this thread and back into UTF-8 in the worker,
/// some 5 ms a megabyte.
fn request_message(id: u64, docs: &[Document]) -> Option<JsValue> {
    let mut text = Vec::with_capacity(docs.iter().map(|d| d.text.len()).sum());
    let mut ends = Vec::with_capacity(docs.len());
    let ids = js_sys::Array::new();
    for doc in docs {
        text.extend_from_slice(doc.text.as_bytes());
        ends.push(u32::try_from(text.len()).ok()?);
        ids.push(&JsValue::from_str(&doc.id));
    }
    object_of(&[
        ("id", &JsValue::from_f64(id as f64)),
        ("ids", &ids),
        ("ends", &js_sys::Uint32Array::from(&ends[..])),
        ("text", &js_sys::Uint8Array::from(&text[..])),
        ("bytes", &JsValue::TRUE),
    ])
}

/// The result of an answer that carries it as bytes.
fn bytes_of(data: &JsValue) -> Option<js_sys::Uint8Array> {
    js_sys::Reflect::get(data, &JsValue::from_str("bytes")).ok()?.dyn_into().ok()
}

/// The result sent as UTF-8 bytes, copied into this module once and parsed
/// there, with no JS string between the worker's JSON and the parser.
fn read_bytes(bytes: &js_sys::Uint8Array) -> Result<StanceMatrix, String> {
    let json = String::from_utf8(bytes.to_vec()).map_err(|_| "the result is not UTF-8".to_string())?;
    // From a `&str`, as the page reads its other JSON: from bytes, serde_json
    // would build a second copy of the whole contract's parser (6.7 KB gzip).
    serde_json::from_str::<StanceMatrix>(&json).map_err(|e| format!("unreadable result: {e}"))
}

/// A plain object with these fields, or `None` when one cannot be set.
fn object_of(fields: &[(&str, &JsValue)]) -> Option<JsValue> {
    let object = js_sys::Object::new();
    for (key, value) in fields {
        js_sys::Reflect::set(&object, &JsValue::from_str(key), value).ok()?;
    }
    Some(object.into())
}

/// The worker could not load or crashed: forget it, so that the next request
/// starts a new one, and tell everyone waiting.
fn on_failure() {
    WORKER.with(|w| w.borrow_mut().take());
    READY.with(|r| r.set(false));
    QUEUED.with(|q| q.borrow_mut().clear());
    PENDING.with(|p| p.borrow_mut().take());
    let waiting: Vec<OnJson> = WAITING.with(|w| w.borrow_mut().drain().map(|(_, reply)| reply).collect());
    for reply in waiting {
        reply(Err("the analysis worker failed".to_string()));
    }
    page_answer(u64::MAX, Err("worker failed".to_string()));
}

fn start_worker() -> Result<web_sys::Worker, String> {
    let worker = web_sys::Worker::new(WORKER_URL).map_err(|e| format!("{e:?}"))?;
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(on_message);
    let on_error = Closure::<dyn Fn(web_sys::Event)>::new(|_event: web_sys::Event| on_failure());
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_message.forget();
    on_error.forget();
    Ok(worker)
}

/// Sends `message` to the worker, starting it if needed. When it is not ready
/// yet, `park` keeps the message for the moment it is.
fn send(message: JsValue, park: impl FnOnce(JsValue)) -> Result<(), String> {
    WORKER.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.is_none() {
            *slot = Some(start_worker()?);
        }
        let Some(worker) = slot.as_ref() else { return Err("no worker".to_string()) };
        if READY.with(|r| r.get()) {
            worker.post_message(&message).map_err(|e| format!("{e:?}"))
        } else {
            park(message);
            Ok(())
        }
    })
}

/// Sends the page's `docs` to the worker as request `id`; `on_answer` gets
/// the answer to the latest request. Returns `false` when no worker can run.
pub fn request(id: u64, docs: &[Document], on_answer: impl FnOnce() -> OnAnswer) -> bool {
    LATEST.with(|l| l.set(id));
    // The latest request's handler takes every answer from now on: it is the
    // one that knows its generation.
    ON_ANSWER.with(|h| *h.borrow_mut() = Some(Rc::new(on_answer())));
    let Some(value) = request_message(id, docs) else { return false };
    // A newer request replaces one still waiting for the worker to start.
    send(value, |value| PENDING.with(|p| *p.borrow_mut() = Some(value))).is_ok()
}

/// Analyzes `docs` in the worker for the JavaScript API; `reply` gets the
/// `stance-matrix/1` contract as JSON text, or why there is none.
///
/// `docs` is a JS array of `{id, text}` objects with string fields (see
/// [`crate::api`]); it is posted as it is, so the texts are never copied
/// into this module on their way to the worker.
pub fn request_json(docs: &js_sys::Array, reply: OnJson) {
    let id = NEXT_API_ID.with(|n| {
        let id = n.get();
        n.set(id + 1);
        id
    });
    // The answer comes back as UTF-8 in a transferred buffer, decoded here:
    // a JS string made in the worker was copied again to cross to this
    // thread (4.4-5.3 ms there for the 1.29 MB result of a 1 MB corpus,
    // against about 3.5 ms to decode it here).
    let Some(value) = object_of(&[("id", &JsValue::from_f64(id as f64)), ("docs", docs), ("bytes", &JsValue::TRUE)]) else {
        return reply(Err("cannot send the articles".to_string()));
    };
    WAITING.with(|w| w.borrow_mut().insert(id, reply));
    if let Err(e) = send(value, |value| QUEUED.with(|q| q.borrow_mut().push(value))) {
        if let Some(reply) = WAITING.with(|w| w.borrow_mut().remove(&id)) {
            reply(Err(format!("no analysis worker: {e}")));
        }
    }
}
