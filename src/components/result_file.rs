//! Opening a `stance-matrix/1` result file, such as one the `stance` CLI
//! wrote for a whole corpus, to explore it here without re-analyzing.

use leptos::prelude::*;
use stance_engine::contract::SCHEMA;
use stance_engine::StanceMatrix;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::state::AppState;

/// Result files larger than this are refused rather than frozen on.
const MAX_RESULT_BYTES: f64 = 200.0 * 1024.0 * 1024.0;

async fn read_result(file: web_sys::File) -> Result<StanceMatrix, String> {
    if file.size() > MAX_RESULT_BYTES {
        return Err("الملف أكبر من 200 ميغابايت.".to_string());
    }
    let text = JsFuture::from(file.text()).await.map_err(|_| "تعذرت قراءة الملف.".to_string())?;
    let text = text.as_string().ok_or("تعذرت قراءة الملف.")?;
    let value = js_sys::JSON::parse(&text).map_err(|_| "الملف ليس JSON صالحاً.".to_string())?;
    let matrix: StanceMatrix = serde_wasm_bindgen::from_value(value).map_err(|e| format!("الملف ليس نتيجة {SCHEMA} صالحة: {e}"))?;
    if matrix.schema != SCHEMA {
        return Err(format!("مخطط الملف {} وليس {SCHEMA}.", matrix.schema));
    }
    Ok(matrix)
}

/// A file picker for result files, and the notice while one is shown.
#[component]
pub fn ResultFile() -> impl IntoView {
    let state = expect_context::<AppState>();
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|f| f.get(0)) else { return };
        let name = file.name();
        input.set_value("");
        leptos::task::spawn_local(async move {
            match read_result(file).await {
                Ok(matrix) => {
                    state.selected.set(None);
                    state.matrix.set(Some(matrix));
                    state.loaded_from.set(Some(name));
                    state.error.set(None);
                }
                Err(message) => state.error.set(Some(format!("{name}: {message}"))),
            }
        });
    };
    view! {
        <div class="result-file">
            <label class="button">
                "فتح ملف نتائج (JSON)"
                <input type="file" accept=".json,application/json" data-role="open-result" class="visually-hidden" on:change=on_change/>
            </label>
            {move || state.loaded_from.get().map(|name| view! {
                <p class="notice" role="status" data-role="loaded-result">
                    {format!("تُعرض نتائج الملف {name} كما حللها سطر الأوامر. الكتابة في المحرر تعيد التحليل.")}
                </p>
            })}
            {move || state.error.get().map(|message| view! { <p class="error" role="alert">{message}</p> })}
        </div>
    }
}
