//! Small doors to the browser: downloads, the clipboard, and the page's
//! address. Each returns an error instead of panicking, so that a browser
//! without an API gets a message in the interface's language.

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

fn window() -> Result<web_sys::Window, JsValue> {
    web_sys::window().ok_or_else(|| JsValue::from_str("no window"))
}

fn blob(parts: &JsValue, mime: &str) -> Result<web_sys::Blob, JsValue> {
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(parts, &options)
}

/// Offers `url` as a file named `name`.
fn download_url(url: &str, name: &str) -> Result<(), JsValue> {
    let document = window()?.document().ok_or_else(|| JsValue::from_str("no document"))?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(url);
    link.set_download(name);
    link.set_hidden(true);
    document.body().ok_or_else(|| JsValue::from_str("no body"))?.append_child(&link)?;
    link.click();
    link.remove();
    Ok(())
}

/// Offers `text` as a file named `name`.
pub fn download_text(name: &str, mime: &str, text: &str) -> Result<(), JsValue> {
    let blob = blob(&Array::of1(&JsValue::from_str(text)), mime)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let result = download_url(&url, name);
    // The download has its own reference; the URL is not needed after the click.
    let _ = web_sys::Url::revoke_object_url(&url);
    result
}

/// Offers a `data:` URL (a canvas's PNG) as a file named `name`.
pub fn download_data_url(name: &str, data_url: &str) -> Result<(), JsValue> {
    download_url(data_url, name)
}

/// Puts plain text on the clipboard.
pub async fn copy_text(text: &str) -> Result<(), JsValue> {
    let clipboard = window()?.navigator().clipboard();
    JsFuture::from(clipboard.write_text(text)).await.map(|_| ())
}

/// Puts a table on the clipboard as HTML, with its plain-text twin, so that
/// a word processor pastes a table and a text field pastes tab-separated lines.
pub async fn copy_html(html: &str, plain: &str) -> Result<(), JsValue> {
    let record = Object::new();
    Reflect::set(&record, &"text/html".into(), &blob(&Array::of1(&html.into()), "text/html")?.into())?;
    Reflect::set(&record, &"text/plain".into(), &blob(&Array::of1(&plain.into()), "text/plain")?.into())?;
    let item = web_sys::ClipboardItem::new_with_record_from_str_to_blob_promise(&record)?;
    let clipboard = window()?.navigator().clipboard();
    JsFuture::from(clipboard.write(&Array::of1(&item))).await.map(|_| ())
}

/// A query parameter of the page's address.
pub fn query_param(name: &str) -> Option<String> {
    let search = window().ok()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}

/// The page's address without query or fragment.
pub fn page_base() -> String {
    window()
        .ok()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The fragment of the page's address, without `#`.
pub fn fragment() -> String {
    window().ok().and_then(|w| w.location().hash().ok()).map(|h| h.trim_start_matches('#').to_string()).unwrap_or_default()
}

/// The fragment as a JavaScript string (with its `#`), not copied.
fn fragment_js() -> Option<js_sys::JsString> {
    let location = window().ok()?.location();
    js_sys::Reflect::get(&location, &"hash".into()).ok()?.dyn_into().ok()
}

/// The fragment's length in characters (UTF-16 code units), without `#`
/// and without copying it.
pub fn fragment_chars() -> usize {
    fragment_js().map_or(0, |h| (h.length() as usize).saturating_sub(1))
}

/// Whether the fragment (without `#`) starts with `prefix`, without copying it.
pub fn fragment_starts_with(prefix: &str) -> bool {
    fragment_js().is_some_and(|h| h.starts_with(&format!("#{prefix}"), 0))
}

/// Removes the fragment from the address bar without reloading.
pub fn clear_fragment() {
    if let Ok(w) = window() {
        let url = format!("{}{}", page_base(), w.location().search().unwrap_or_default());
        if let Ok(history) = w.history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
        }
    }
}

/// Sets `<html lang dir>` so that the whole page follows the interface language.
pub fn set_document_language(lang: &str, dir: &str) {
    if let Some(root) = window().ok().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
        let _ = root.set_attribute("dir", dir);
    }
}

/// Why a picked or dropped file was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileProblem {
    /// Larger than the caller's limit.
    TooLarge {
        /// The limit, in megabytes.
        max_mb: u32,
    },
    /// The browser could not read it.
    Unreadable,
    /// Not UTF-8 text (the decoder had to replace bytes).
    NotUtf8,
}

/// A file's bytes as text: UTF-8 (a leading byte-order mark dropped), or
/// [`FileProblem::NotUtf8`] for anything else, such as a Windows-1256 file.
/// Strict, so that a session holding a real U+FFFD still opens.
pub fn decode_utf8(bytes: Vec<u8>) -> Result<String, FileProblem> {
    let mut text = String::from_utf8(bytes).map_err(|_| FileProblem::NotUtf8)?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    Ok(text)
}

/// Reads a picked or dropped file as UTF-8 text, refusing one over `max_mb`
/// megabytes before reading it, and one in another encoding.
pub async fn read_text_file(file: &web_sys::File, max_mb: u32) -> Result<String, FileProblem> {
    if file.size() > f64::from(max_mb) * 1024.0 * 1024.0 {
        return Err(FileProblem::TooLarge { max_mb });
    }
    let buffer = JsFuture::from(file.array_buffer()).await.map_err(|_| FileProblem::Unreadable)?;
    decode_utf8(js_sys::Uint8Array::new(&buffer).to_vec())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_strict_utf8() {
        assert_eq!(decode_utf8("نص".as_bytes().to_vec()), Ok("نص".to_string()));
        assert_eq!(decode_utf8(b"\xEF\xBB\xBFabc".to_vec()), Ok("abc".to_string()));
        assert_eq!(decode_utf8("\u{FFFD}".as_bytes().to_vec()), Ok("\u{FFFD}".to_string()));
        // "نص" in Windows-1256.
        assert_eq!(decode_utf8(vec![0xE4, 0xD5]), Err(FileProblem::NotUtf8));
    }
}
