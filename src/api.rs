//! The JavaScript API: `await analyze([{id, text}])` gives the
//! `stance-matrix/1` contract as a plain object, for pages that embed the
//! module directly.
//!
//! It returns a Promise because the engine runs in the analysis worker (see
//! [`crate::background`]): keeping the engine and its lexicon out of the
//! page's module is what makes the first load small, and the page's thread
//! stays free while a large text is analysed.

use stance_engine::Document;
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string as it is: `js_sys::JSON::parse` takes a
    /// `&str`, which would copy the whole result into this module and out again.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;
}

/// Analyzes `[{id, text}, …]`; the Promise resolves to the stance matrix as
/// a plain JS object, or rejects with an `Error` when the worker fails.
///
/// Throws an `Error` with a readable message at once when the argument is not
/// a list of `{id: string, text: string}` objects.
#[wasm_bindgen]
pub fn analyze(docs: JsValue) -> Result<js_sys::Promise, JsError> {
    let docs: Vec<Document> = serde_wasm_bindgen::from_value(docs)
        .map_err(|e| JsError::new(&format!("analyze expects an array of {{id: string, text: string}}: {e}")))?;
    Ok(js_sys::Promise::new(&mut |resolve: js_sys::Function, reject: js_sys::Function| {
        crate::background::request_json(
            &docs,
            Box::new(move |result| {
                let outcome = result.and_then(|json| parse_json(&json).map_err(|e| format!("unreadable result: {e:?}")));
                let _ = match outcome {
                    Ok(matrix) => resolve.call1(&JsValue::NULL, &matrix),
                    Err(message) => reject.call1(&JsValue::NULL, &js_sys::Error::new(&message)),
                };
            }),
        );
    }))
}
