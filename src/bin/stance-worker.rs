//! The analysis worker: runs the engine off the main thread for large texts,
//! so that typing never waits on an analysis.
//!
//! Message in: `{id: number, docs: [{id, text}]}`. Message out:
//! `{id, json}` with the `stance-matrix/1` contract as a JSON string, or `{id, error}`.
//! The page ignores answers whose `id` is not its latest request. Once
//! started, the worker posts `{ready: true}`; the page sends nothing before.

use serde::{Deserialize, Serialize};
use stance_engine::{Document, StanceMatrix};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

// Result files at corpus scale (`{corpus: …}` messages): their own module,
// sharing the page's row and window code.
#[path = "../corpus_worker.rs"]
mod corpus_worker;
#[allow(dead_code)]
#[path = "../grid_window.rs"]
mod grid_window;
#[allow(dead_code)]
#[path = "../matrix_view.rs"]
mod matrix_view;
#[allow(dead_code)]
#[path = "../membership.rs"]
mod membership;
#[allow(dead_code)]
#[path = "../result_marks.rs"]
mod result_marks;
#[allow(dead_code)]
#[path = "../rows.rs"]
mod rows;

#[derive(Deserialize)]
struct Request {
    id: f64,
    docs: Vec<Document>,
}

/// The matrix travels as one JSON string: the page parses it in a single
/// pass, much faster than walking a large JS object field by field.
#[derive(Serialize)]
struct Answer {
    id: f64,
    #[serde(skip_serializing_if = "Option::is_none")]
    json: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<String>,
}

thread_local! {
    /// The last request's analyses: the page sends every article again after
    /// each edit, and only the edited one needs reading again.
    static REANALYSIS: std::cell::RefCell<stance_engine::incremental::Reanalysis> = Default::default();
}

fn answer(request: JsValue) -> Answer {
    match serde_wasm_bindgen::from_value::<Request>(request) {
        Ok(Request { id, docs }) => {
            let matrix: StanceMatrix = REANALYSIS.with(|again| again.borrow_mut().analyze(&docs));
            match serde_json::to_string(&matrix) {
                Ok(json) => Answer { id, json: Some(json), error: None },
                Err(e) => Answer { id, json: None, error: Some(format!("cannot encode the result: {e}")) },
            }
        }
        Err(e) => Answer { id: -1.0, json: None, error: Some(format!("bad request: {e}")) },
    }
}

fn main() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else { return };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if corpus_worker::handle(&event.data(), &reply_to) {
            return;
        }
        let out = answer(event.data());
        if let Ok(value) = out.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
            let _ = reply_to.post_message(&value);
        }
    });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    // Messages sent before this point found no handler: tell the page to send now.
    let ready = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&ready, &JsValue::from_str("ready"), &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}
