//! The JavaScript API: `await analyze([{id, text}])` gives the
//! `stance-matrix/1` contract as a plain object, for pages that embed the
//! module directly.
//!
//! It returns a Promise because the engine runs in the analysis worker (see
//! [`crate::background`]): keeping the engine and its lexicon out of the
//! page's module is what makes the first load small, and the page's thread
//! stays free while a large text is analysed.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// `JSON.parse` on a JS string as it is: `js_sys::JSON::parse` takes a
    /// `&str`, which would copy the whole result into this module and out again.
    #[wasm_bindgen(js_namespace = JSON, js_name = parse, catch)]
    fn parse_json(text: &JsValue) -> Result<JsValue, JsValue>;

    /// The browser's UTF-8 decoder, bound by hand: its result stays a JS
    /// string, where web-sys's `decode` would bring it into this module.
    type TextDecoder;
    #[wasm_bindgen(constructor, catch)]
    fn new(label: &str, options: &JsValue) -> Result<TextDecoder, JsValue>;
    #[wasm_bindgen(method, catch)]
    fn decode(this: &TextDecoder, bytes: &js_sys::Uint8Array) -> Result<JsValue, JsValue>;
}

/// The worker's answer bytes as a JS string, for `JSON.parse`; bytes that
/// are not UTF-8 are an error, not replacement characters.
pub(crate) fn text_of(bytes: &js_sys::Uint8Array) -> Result<JsValue, String> {
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &JsValue::from_str("fatal"), &JsValue::TRUE).map_err(|e| format!("{e:?}"))?;
    let decoder = TextDecoder::new("utf-8", &options).map_err(|e| format!("no UTF-8 decoder: {e:?}"))?;
    decoder.decode(bytes).map_err(|_| "the result is not UTF-8".to_string())
}

/// A copy of the caller's list holding only each article's `id` and `text`,
/// or what is wrong with it. The strings themselves are not copied: the
/// worker receives them as the caller made them, and nothing else of the
/// caller's objects (which might not survive being posted) goes with them.
fn articles(docs: &JsValue) -> Result<js_sys::Array, String> {
    if !js_sys::Array::is_array(docs) {
        return Err("not an array".to_string());
    }
    let list = js_sys::Array::from(docs);
    let out = js_sys::Array::new();
    for (i, item) in list.iter().enumerate() {
        let field = |name: &str| js_sys::Reflect::get(&item, &JsValue::from_str(name)).ok().filter(JsValue::is_string);
        let (Some(id), Some(text)) = (field("id"), field("text")) else {
            return Err(format!("item {i} has no string id and text"));
        };
        let article = js_sys::Object::new();
        js_sys::Reflect::set(&article, &JsValue::from_str("id"), &id).map_err(|e| format!("{e:?}"))?;
        js_sys::Reflect::set(&article, &JsValue::from_str("text"), &text).map_err(|e| format!("{e:?}"))?;
        out.push(&article);
    }
    Ok(out)
}

/// Analyzes `[{id, text}, …]`; the Promise resolves to the stance matrix as
/// a plain JS object, or rejects with an `Error` when the worker fails.
///
/// Throws an `Error` with a readable message at once when the argument is not
/// a list of `{id: string, text: string}` objects.
#[wasm_bindgen]
pub fn analyze(docs: JsValue) -> Result<js_sys::Promise, JsError> {
    let docs = articles(&docs).map_err(|e| JsError::new(&format!("analyze expects an array of {{id: string, text: string}}: {e}")))?;
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
