//! Share links: the whole session, compressed, in the address's fragment
//! (`#s=…`). The fragment never reaches a server, so a link carries articles
//! and corrections from person to person with none in between.
//!
//! Compression is the browser's own `CompressionStream("deflate-raw")`, so it
//! adds nothing to the download; the bytes travel as base64url.

use js_sys::{Array, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The fragment's prefix.
pub const PREFIX: &str = "s=";

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// base64url without padding.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().enumerate().fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// Each byte's value in [`ALPHABET`], or 255 for a byte outside it.
const VALUES: [u8; 256] = {
    let mut values = [255u8; 256];
    let mut i = 0;
    while i < 64 {
        values[ALPHABET[i] as usize] = i as u8;
        i += 1;
    }
    values
};

/// Reads base64url (padding optional); `None` on any other character.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let value = match VALUES[c as usize] {
            255 => return None,
            v => v as u32,
        };
        acc = acc << 6 | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xFF) as u8);
        }
    }
    Some(out)
}

/// Longest share link made or opened, in characters: browsers and the apps
/// links are pasted into cut longer addresses.
pub const MAX_LINK_CHARS: usize = 1_000_000;
/// Largest session a link carries once inflated, in bytes. Reading stops as
/// soon as the inflated bytes pass it, so a link that inflates to gigabytes
/// (a "zip bomb") costs no more than this; links are only made of sessions
/// within it.
pub const MAX_LINK_SESSION_BYTES: usize = 16 * 1024 * 1024;

/// Why a share link was not opened: each check has its own answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkProblem {
    /// Longer than [`MAX_LINK_CHARS`].
    TooLong(usize),
    /// A character outside base64url.
    NotBase64,
    /// The bytes are not deflate data (cut short or altered).
    NotDeflate,
    /// Inflates to more than [`MAX_LINK_SESSION_BYTES`].
    TooLarge,
    /// Inflates to something that is not UTF-8 text.
    NotUtf8,
    /// Inflates to text that is not a session.
    NotASession(String),
}

fn stream_class(name: &str) -> Result<js_sys::Function, JsValue> {
    Reflect::get(&js_sys::global(), &name.into())?.dyn_into()
}

/// Runs `input` through a `CompressionStream`.
fn piped(stream_class_name: &str, input: &JsValue) -> Result<web_sys::ReadableStream, JsValue> {
    let transformer = Reflect::construct(&stream_class(stream_class_name)?, &Array::of1(&"deflate-raw".into()))?;
    // A Blob takes a string (as UTF-8) or bytes alike.
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(input))?;
    Ok(blob.stream().pipe_through(transformer.unchecked_ref()))
}

/// The fragment for a session's JSON.
pub async fn link_fragment(json: &str) -> Result<String, JsValue> {
    let stream = piped("CompressionStream", &JsValue::from_str(json))?;
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&stream))?;
    let bytes = JsFuture::from(response.array_buffer()?).await?;
    Ok(format!("{PREFIX}{}", encode(&Uint8Array::new(&bytes).to_vec())))
}

#[wasm_bindgen(module = "/src/js/inflate.js")]
extern "C" {
    #[wasm_bindgen(js_name = inflateCapped)]
    fn inflate_capped_js(bytes: &Uint8Array, max: f64) -> js_sys::Promise;
}

/// Inflates deflate-raw `bytes`, stopping (and cancelling the stream) as
/// soon as more than `max` bytes have come out: the input is fed in small
/// pieces, so no more than about a megabyte past `max` is ever inflated
/// (see `src/js/inflate.js`). Nothing enters WebAssembly memory before the
/// whole result is known to be within `max`.
pub async fn inflate_capped(bytes: &[u8], max: usize) -> Result<Vec<u8>, LinkProblem> {
    let result = JsFuture::from(inflate_capped_js(&Uint8Array::from(bytes), max as f64)).await.map_err(|_| LinkProblem::NotDeflate)?;
    let error = Reflect::get(&result, &"error".into()).ok().and_then(|e| e.as_string());
    match error.as_deref() {
        Some("large") => Err(LinkProblem::TooLarge),
        Some(_) => Err(LinkProblem::NotDeflate),
        None => {
            let out: Uint8Array = Reflect::get(&result, &"bytes".into()).and_then(|b| b.dyn_into()).map_err(|_| LinkProblem::NotDeflate)?;
            Ok(out.to_vec())
        }
    }
}

/// The session JSON in a fragment, if the fragment is a share link.
pub async fn read_fragment(fragment: &str) -> Option<Result<String, LinkProblem>> {
    let data = fragment.strip_prefix(PREFIX)?;
    Some(read_data(data).await)
}

/// The checks a link's data passes before it is inflated: its length, then
/// its alphabet.
pub fn decode_link(data: &str) -> Result<Vec<u8>, LinkProblem> {
    let chars = PREFIX.len() + data.len();
    if chars > MAX_LINK_CHARS {
        return Err(LinkProblem::TooLong(chars));
    }
    decode(data).ok_or(LinkProblem::NotBase64)
}

/// Decodes and inflates a link's data (after its prefix), with every check.
pub async fn read_data(data: &str) -> Result<String, LinkProblem> {
    let bytes = decode_link(data)?;
    let out = inflate_capped(&bytes, MAX_LINK_SESSION_BYTES).await?;
    String::from_utf8(out).map_err(|_| LinkProblem::NotUtf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64url_round_trips_every_length() {
        for len in 0..40u8 {
            let bytes: Vec<u8> = (0..len).map(|i| i.wrapping_mul(37).wrapping_add(250)).collect();
            let text = encode(&bytes);
            assert!(text.bytes().all(|c| ALPHABET.contains(&c)));
            assert_eq!(decode(&text), Some(bytes));
        }
        assert_eq!(encode(b"Man"), "TWFu");
        assert_eq!(decode("TWE="), Some(b"Ma".to_vec()));
        assert_eq!(decode("a+b/"), None);
    }

    #[test]
    fn a_link_is_checked_for_length_before_its_alphabet() {
        assert_eq!(decode_link("TWFu"), Ok(b"Man".to_vec()));
        assert_eq!(decode_link("a+b/"), Err(LinkProblem::NotBase64));
        let long = "A".repeat(MAX_LINK_CHARS);
        assert_eq!(decode_link(&long), Err(LinkProblem::TooLong(MAX_LINK_CHARS + PREFIX.len())));
        assert!(decode_link(&long[PREFIX.len()..]).is_ok());
    }
}
