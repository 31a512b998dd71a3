//! Embedding in another page (`?embed=1`): a compact view that reports its
//! height to the host and takes articles from it, both by `postMessage`.
//!
//! Messages (all objects with a `type`):
//! - out `{type: "stance-matrix:height", height}` whenever the page's height changes;
//! - in `{type: "stance-matrix:articles", articles: [{text, title?}], edits?}`,
//!   `edits` being the session file's corrections (hand coding included), so
//!   that a host re-sending the articles keeps the editor's work;
//! - out `{type: "stance-matrix:accepted", articles: n}` or
//!   `{type: "stance-matrix:error", reason}` in answer;
//! - out `{type: "stance-matrix:result", matrix}` (`stance-matrix/1`, with the
//!   corrections applied) after each analysis.
//!
//! Only messages from the parent window are read; with `?origin=` only from
//! that origin, and messages go only to it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use stance_session::{Article, Edits, Session};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::browser::query_param;
use crate::state::AppState;
use crate::Corrected;

/// Most articles in one message.
pub const MAX_MESSAGE_ARTICLES: usize = 50;
/// Largest article in a message, in bytes.
pub const MAX_MESSAGE_ARTICLE_BYTES: usize = 5 * 1024 * 1024;
/// Largest message, all texts together, in bytes.
pub const MAX_MESSAGE_BYTES: usize = 20 * 1024 * 1024;
/// Longest title, in characters.
const MAX_TITLE_CHARS: usize = 300;

/// Whether the page runs embedded.
pub fn is_embedded() -> bool {
    query_param("embed").is_some_and(|v| v == "1" || v == "true")
}

/// An incoming message, before it is checked.
#[derive(Debug, Deserialize)]
pub struct Incoming {
    #[serde(rename = "type")]
    kind: Option<String>,
    articles: Option<Vec<IncomingArticle>>,
    #[serde(default)]
    edits: Option<Edits>,
}

#[derive(Debug, Deserialize)]
struct IncomingArticle {
    text: Option<String>,
    title: Option<String>,
}

/// Longest `type` read, in UTF-16 code units.
const MAX_TYPE_UNITS: u32 = 100;
/// Longest `edits`, as JSON, in UTF-16 code units.
const MAX_EDITS_UNITS: u32 = 4 * 1024 * 1024;

/// The corrections a message carries, read as JSON: `Ok(None)` without any.
fn read_edits(data: &JsValue) -> Result<Option<Edits>, String> {
    let value = js_sys::Reflect::get(data, &"edits".into()).unwrap_or(JsValue::UNDEFINED);
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if !value.is_object() {
        return Err("malformed message: edits is not an object".into());
    }
    let json = js_sys::JSON::stringify(&value).map_err(|_| "malformed message: edits cannot be read".to_string())?;
    if json.length() > MAX_EDITS_UNITS {
        return Err(format!("edits is over {MAX_EDITS_UNITS} characters"));
    }
    let json = json.as_string().unwrap_or_default();
    // Straight from the text, as the session file is read: one deserializer
    // of the corrections, and none of `serde_json::Value`.
    serde_json::from_str(&json).map(Some).map_err(|e| format!("edits is not a session's corrections: {e}"))
}

/// A string field of a JavaScript object, not yet copied: `Ok(None)` when
/// absent, an error when it is there but not a string.
fn js_string(object: &JsValue, key: &str, what: &str) -> Result<Option<js_sys::JsString>, String> {
    let value = js_sys::Reflect::get(object, &key.into()).map_err(|_| format!("malformed message: {what} cannot be read"))?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    value.dyn_into().map(Some).map_err(|_| format!("malformed message: {what} is not a string"))
}

/// Reads a message from the host, checking every size on the JavaScript
/// side first: no text is copied into WebAssembly memory before the lengths
/// of all of them show that they can pass (UTF-8 takes at least one byte per
/// UTF-16 code unit, and a character at most two units), so a message of
/// gigabytes costs nothing but its refusal. Only `type` and
/// `articles[].text/title` are read; [`check`] then checks the exact sizes.
pub fn read_message(data: &JsValue) -> Result<Incoming, String> {
    if !data.is_object() {
        return Err("malformed message: not an object".into());
    }
    let kind = js_string(data, "type", "type")?;
    if kind.as_ref().is_some_and(|k| k.length() > MAX_TYPE_UNITS) {
        return Err("type must be \"stance-matrix:articles\"".into());
    }
    let kind = kind.and_then(|k| k.as_string());
    if kind.as_deref() != Some("stance-matrix:articles") {
        return Ok(Incoming { kind, articles: None, edits: None });
    }
    let articles = js_sys::Reflect::get(data, &"articles".into()).unwrap_or(JsValue::UNDEFINED);
    if !js_sys::Array::is_array(&articles) {
        return Ok(Incoming { kind, articles: None, edits: None });
    }
    let articles: js_sys::Array = articles.unchecked_into();
    if articles.length() as usize > MAX_MESSAGE_ARTICLES {
        return Err(format!("articles must hold 1 to {MAX_MESSAGE_ARTICLES} items"));
    }
    // First the lengths of everything, then the copies.
    let mut units_in_all = 0usize;
    let mut fields = Vec::with_capacity(articles.length() as usize);
    for (i, item) in articles.iter().enumerate() {
        if !item.is_object() {
            return Err(format!("malformed message: articles[{i}] is not an object"));
        }
        let text = js_string(&item, "text", &format!("articles[{i}].text"))?;
        let units = text.as_ref().map_or(0, |t| t.length() as usize);
        if units > MAX_MESSAGE_ARTICLE_BYTES {
            return Err(format!("articles[{i}].text is over {MAX_MESSAGE_ARTICLE_BYTES} bytes"));
        }
        units_in_all += units;
        if units_in_all > MAX_MESSAGE_BYTES {
            return Err(format!("the texts are over {MAX_MESSAGE_BYTES} bytes together"));
        }
        let title = js_string(&item, "title", &format!("articles[{i}].title"))?;
        if title.as_ref().is_some_and(|t| t.length() as usize > 2 * MAX_TITLE_CHARS) {
            return Err(format!("articles[{i}].title is over {MAX_TITLE_CHARS} characters"));
        }
        fields.push((text, title));
    }
    let articles = fields
        .into_iter()
        .map(|(text, title)| IncomingArticle { text: text.and_then(|t| t.as_string()), title: title.and_then(|t| t.as_string()) });
    let edits = read_edits(data)?;
    Ok(Incoming { kind, articles: Some(articles.collect()), edits })
}

/// Checks a message: the articles as (title, text), or why it was refused.
pub fn check(message: Incoming) -> Result<Vec<(String, String)>, String> {
    if message.kind.as_deref() != Some("stance-matrix:articles") {
        return Err("type must be \"stance-matrix:articles\"".into());
    }
    let articles = message.articles.ok_or("articles must be an array of {text, title?}")?;
    if articles.is_empty() || articles.len() > MAX_MESSAGE_ARTICLES {
        return Err(format!("articles must hold 1 to {MAX_MESSAGE_ARTICLES} items"));
    }
    let mut total = 0;
    let mut out = Vec::with_capacity(articles.len());
    for (i, a) in articles.into_iter().enumerate() {
        let text = a.text.ok_or_else(|| format!("articles[{i}].text must be a string"))?;
        if text.len() > MAX_MESSAGE_ARTICLE_BYTES {
            return Err(format!("articles[{i}].text is over {MAX_MESSAGE_ARTICLE_BYTES} bytes"));
        }
        total += text.len();
        let title = a.title.unwrap_or_default();
        if title.chars().count() > MAX_TITLE_CHARS {
            return Err(format!("articles[{i}].title is over {MAX_TITLE_CHARS} characters"));
        }
        out.push((title, text));
    }
    if total > MAX_MESSAGE_BYTES {
        return Err(format!("the texts are over {MAX_MESSAGE_BYTES} bytes together"));
    }
    Ok(out)
}

/// An origin as `event.origin` spells it (`https://cms.example`, with a
/// port only when it is not the scheme's default), from what a host may
/// write in `?origin=`: any case, a trailing slash, a default port. `None`
/// for anything that is not an http(s) origin (a path, a query, user
/// info, `*`), which the page then refuses to talk to.
pub fn normalize_origin(value: &str) -> Option<String> {
    let (scheme, rest) = value.trim().split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let default_port = match scheme.as_str() {
        "https" => 443,
        "http" => 80,
        _ => return None,
    };
    let authority = rest.strip_suffix('/').unwrap_or(rest).to_ascii_lowercase();
    // The host (an IPv6 one in brackets), then an optional `:port`.
    let (host, port) = match authority.strip_prefix('[').and_then(|a| a.find(']')) {
        Some(end) => authority.split_at(end + 2),
        None => authority.split_at(authority.find(':').unwrap_or(authority.len())),
    };
    let host_ok = match host.strip_prefix('[').and_then(|h| h.strip_suffix(']')) {
        Some(ip) => !ip.is_empty() && ip.chars().all(|c| c.is_ascii_hexdigit() || matches!(c, ':' | '.')),
        None => !host.is_empty() && host.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-')),
    };
    if !host_ok {
        return None;
    }
    let port = match port.strip_prefix(':') {
        None if port.is_empty() => None,
        Some(p) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => Some(p.parse::<u16>().ok()?),
        _ => return None,
    };
    Some(match port {
        Some(p) if p != default_port => format!("{scheme}://{host}:{p}"),
        _ => format!("{scheme}://{host}"),
    })
}

/// The host's origin from `?origin=`: `Ok(None)` without one (the page then
/// sends to `*` and reads from its parent whatever its origin), `Err` with
/// the value when it is not an origin (the page then talks to nobody).
pub fn host_origin() -> Result<Option<String>, String> {
    match query_param("origin") {
        None => Ok(None),
        Some(value) => normalize_origin(&value).map(Some).ok_or(value),
    }
}

fn post(message: &JsValue) {
    let Some(window) = web_sys::window() else { return };
    // With an `?origin=` that is not an origin, nothing is sent anywhere.
    let Ok(origin) = host_origin() else { return };
    if let Ok(Some(parent)) = window.parent() {
        if parent != window {
            let _ = parent.post_message(message, origin.as_deref().unwrap_or("*"));
        }
    }
}

fn object(kind: &str, key: &str, value: &JsValue) -> JsValue {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"type".into(), &kind.into());
    let _ = js_sys::Reflect::set(&o, &key.into(), value);
    o.into()
}

fn handle(state: AppState, event: web_sys::MessageEvent) {
    let Some(window) = web_sys::window() else { return };
    let from_parent = window.parent().ok().flatten().is_some_and(|p| event.source().is_some_and(|s| JsValue::from(s) == JsValue::from(p)));
    let accepted = match host_origin() {
        Ok(None) => true,
        Ok(Some(origin)) => origin == event.origin(),
        Err(_) => false,
    };
    if !from_parent || !accepted {
        return;
    }
    let checked = read_message(&event.data()).and_then(|mut message| {
        let edits = message.edits.take().unwrap_or_default();
        check(message).map(|articles| (articles, edits))
    });
    match checked {
        Ok((articles, edits)) => {
            let count = articles.len();
            let articles =
                articles.into_iter().enumerate().map(|(i, (name, text))| Article { name, ..Article::new(i as u32 + 1, text) }).collect();
            state.restore(Session::new(articles, edits, None));
            post(&object("stance-matrix:accepted", "articles", &JsValue::from(count as u32)));
        }
        Err(reason) => post(&object("stance-matrix:error", "reason", &reason.into())),
    }
}

/// Starts the embedded page's messaging: height reports, articles in,
/// results out.
pub fn start(state: AppState) {
    if let Err(value) = host_origin() {
        state.tell(state.lang.get_untracked().bad_origin(&value), true, None);
    }
    let _ = window_event_listener(leptos::ev::message, move |event| handle(state, event));

    let last_height = std::rc::Rc::new(std::cell::Cell::new(-1.0));
    let on_resize = Closure::<dyn Fn()>::new(move || {
        let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) else { return };
        let height = root.get_bounding_client_rect().height().ceil();
        if height != last_height.get() {
            last_height.set(height);
            post(&object("stance-matrix:height", "height", &JsValue::from(height)));
        }
    });
    if let Ok(observer) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
        if let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
            observer.observe(&root);
        }
    }
    on_resize.forget();

    let corrected = expect_context::<Corrected>().0;
    Effect::new(move |_| {
        corrected.with(|e| {
            if let Some(e) = e {
                if let Ok(matrix) = e.matrix.serialize(&serde_wasm_bindgen::Serializer::json_compatible()) {
                    post(&object("stance-matrix:result", "matrix", &matrix));
                }
            }
        })
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(json: &str) -> Result<Vec<(String, String)>, String> {
        check(serde_json::from_str(json).unwrap())
    }

    #[test]
    fn origins_are_normalized_like_event_origin() {
        for (given, origin) in [
            ("https://cms.example", "https://cms.example"),
            ("https://cms.example/", "https://cms.example"),
            ("HTTPS://CMS.Example/", "https://cms.example"),
            ("https://cms.example:443/", "https://cms.example"),
            ("http://127.0.0.1:8080/", "http://127.0.0.1:8080"),
            ("http://localhost:80", "http://localhost"),
            (" https://cms.example ", "https://cms.example"),
            ("http://[::1]:3000/", "http://[::1]:3000"),
        ] {
            assert_eq!(normalize_origin(given).as_deref(), Some(origin), "{given}");
        }
        for bad in [
            "*",
            "",
            "cms.example",
            "https://",
            "https://cms.example/path",
            "https://cms.example?x=1",
            "https://u@cms.example",
            "ftp://cms.example",
            "https://cms.example:99999",
            "https://cms.example:",
            "javascript://x",
        ] {
            assert_eq!(normalize_origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn good_messages_pass_and_bad_ones_say_why() {
        assert_eq!(
            message(r#"{"type":"stance-matrix:articles","articles":[{"text":"نص","title":"ع"}]}"#),
            Ok(vec![("ع".into(), "نص".into())])
        );
        assert!(message(r#"{"type":"other","articles":[]}"#).unwrap_err().contains("type"));
        assert!(message(r#"{"type":"stance-matrix:articles"}"#).unwrap_err().contains("array"));
        assert!(message(r#"{"type":"stance-matrix:articles","articles":[]}"#).unwrap_err().contains("1 to"));
        assert!(message(r#"{"type":"stance-matrix:articles","articles":[{"title":"x"}]}"#).unwrap_err().contains("text"));
        let with_edits: Incoming =
            serde_json::from_str(r#"{"type":"stance-matrix:articles","articles":[{"text":"x"}],"edits":{"hidden":["us"]}}"#).unwrap();
        assert!(with_edits.edits.is_some_and(|e| e.hidden.contains("us")));
        let long_title = format!(r#"{{"type":"stance-matrix:articles","articles":[{{"text":"x","title":"{}"}}]}}"#, "a".repeat(301));
        assert!(message(&long_title).unwrap_err().contains("title"));
    }
}
