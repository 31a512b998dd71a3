//! The JavaScript API: `analyze([{id, text}])` returns the `stance-matrix/1`
//! contract as a plain object, for pages that embed the module directly.

use serde::Serialize;
use stance_engine::Document;
use wasm_bindgen::prelude::*;

/// Analyzes `[{id, text}, …]` and returns the stance matrix as a plain JS object.
///
/// Throws an `Error` with a readable message when the argument is not a list
/// of `{id: string, text: string}` objects.
#[wasm_bindgen]
pub fn analyze(docs: JsValue) -> Result<JsValue, JsError> {
    let docs: Vec<Document> = serde_wasm_bindgen::from_value(docs)
        .map_err(|e| JsError::new(&format!("analyze expects an array of {{id: string, text: string}}: {e}")))?;
    let matrix = stance_engine::analyze(&docs);
    matrix
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("could not convert the result: {e}")))
}
