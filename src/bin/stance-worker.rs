//! The analysis worker: runs the engine off the main thread for large texts,
//! so that typing never waits on an analysis.
//!
//! Messages in: the page's `{id, ids, ends, text, bytes: true}` (the texts
//! as one `Uint8Array` of UTF-8, text `i` ending at `ends[i]`), or the
//! JavaScript API's `{id: number, docs: [{id, text}], bytes: true}`. Message
//! out: `{id, bytes}` with the `stance-matrix/1` contract as UTF-8 JSON when
//! the request asks for bytes (both do), `{id, json}` with it as a JSON
//! string when it does not, or `{id, error}`.
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
    /// Whether the result goes back as UTF-8 bytes in a transferred buffer
    /// (the page reads them into its module, the JavaScript API decodes them
    /// for `JSON.parse`); without the flag, as a JS string made here.
    #[serde(default)]
    bytes: bool,
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

/// A request: the page's, with its texts as one buffer of UTF-8 (see the
/// page's `request_message`), or the JavaScript API's, as `{id, text}` objects.
fn read_request(data: JsValue) -> Result<Request, String> {
    let field = |name: &str| js_sys::Reflect::get(&data, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    let text = field("text");
    if !text.is_instance_of::<js_sys::Uint8Array>() {
        return serde_wasm_bindgen::from_value::<Request>(data).map_err(|e| e.to_string());
    }
    let all = String::from_utf8(text.unchecked_into::<js_sys::Uint8Array>().to_vec()).map_err(|_| "texts are not UTF-8".to_string())?;
    let ids = js_sys::Array::from(&field("ids"));
    let ends = field("ends").dyn_into::<js_sys::Uint32Array>().map_err(|_| "no text ends".to_string())?.to_vec();
    if ids.length() as usize != ends.len() {
        return Err("as many ids as texts expected".to_string());
    }
    let mut docs = Vec::with_capacity(ends.len());
    let mut start = 0;
    for (i, &end) in ends.iter().enumerate() {
        let end = end as usize;
        let text = all.get(start..end).ok_or_else(|| format!("text {i} ends outside the buffer"))?;
        let id = ids.get(i as u32).as_string().ok_or_else(|| format!("text {i} has no string id"))?;
        docs.push(Document::new(id, text));
        start = end;
    }
    Ok(Request { id: field("id").as_f64().unwrap_or(-1.0), docs, bytes: true })
}

/// The answer to a request, and whether it asked for bytes.
fn answer(request: JsValue) -> (Answer, bool) {
    match read_request(request) {
        Ok(Request { id, docs, bytes }) => {
            let matrix: StanceMatrix = REANALYSIS.with(|again| again.borrow_mut().analyze(&docs));
            let answer = match serde_json::to_string(&matrix) {
                Ok(json) => Answer { id, json: Some(json), error: None },
                Err(e) => Answer { id, json: None, error: Some(format!("cannot encode the result: {e}")) },
            };
            (answer, bytes)
        }
        Err(e) => (Answer { id: -1.0, json: None, error: Some(format!("bad request: {e}")) }, false),
    }
}

/// Posts `{id, bytes}`: the result's UTF-8 in an `ArrayBuffer` that moves
/// to the page without a copy. Turning it into a JS string here (and the
/// page turning that back into UTF-8) cost some 6 ms a megabyte, part of it
/// on the page's thread.
fn post_bytes(scope: &web_sys::DedicatedWorkerGlobalScope, id: f64, json: &str) -> bool {
    let bytes = js_sys::Uint8Array::from(json.as_bytes());
    let message = js_sys::Object::new();
    let set = |key: &str, value: &JsValue| js_sys::Reflect::set(&message, &JsValue::from_str(key), value).is_ok();
    set("id", &JsValue::from_f64(id))
        && set("bytes", &bytes)
        && scope.post_message_with_transfer(&message, &js_sys::Array::of1(&bytes.buffer())).is_ok()
}

fn main() {
    console_error_panic_hook::set_once();
    let Ok(scope) = js_sys::global().dyn_into::<web_sys::DedicatedWorkerGlobalScope>() else { return };
    let reply_to = scope.clone();
    let on_message = Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
        if corpus_worker::handle(&event.data(), &reply_to) {
            return;
        }
        let (out, bytes) = answer(event.data());
        if let (true, Some(json)) = (bytes, &out.json) {
            if post_bytes(&reply_to, out.id, json) {
                return;
            }
        }
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
