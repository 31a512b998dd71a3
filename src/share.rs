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

/// Reads base64url (padding optional); `None` on any other character.
pub fn decode(text: &str) -> Option<Vec<u8>> {
    let text = text.trim_end_matches('=');
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    let (mut acc, mut bits) = (0u32, 0u32);
    for c in text.bytes() {
        let value = ALPHABET.iter().position(|&a| a == c)? as u32;
        acc = acc << 6 | value;
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            out.push((acc >> bits & 0xFF) as u8);
        }
    }
    Some(out)
}

/// Runs `input` through a `CompressionStream` or `DecompressionStream`.
async fn transform(stream_class: &str, input: &JsValue) -> Result<JsValue, JsValue> {
    let global = js_sys::global();
    let class: js_sys::Function = Reflect::get(&global, &stream_class.into())?.dyn_into()?;
    let transformer = Reflect::construct(&class, &Array::of1(&"deflate-raw".into()))?;
    // A Blob takes a string (as UTF-8) or bytes alike.
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(input))?;
    let piped = blob.stream().pipe_through(transformer.unchecked_ref());
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&piped))?;
    JsFuture::from(response.array_buffer()?).await
}

/// The fragment for a session's JSON.
pub async fn link_fragment(json: &str) -> Result<String, JsValue> {
    let bytes = transform("CompressionStream", &JsValue::from_str(json)).await?;
    Ok(format!("{PREFIX}{}", encode(&Uint8Array::new(&bytes).to_vec())))
}

/// The session JSON in a fragment, if the fragment is a share link.
pub async fn read_fragment(fragment: &str) -> Option<Result<String, JsValue>> {
    let data = fragment.strip_prefix(PREFIX)?;
    Some(read_data(data).await)
}

async fn read_data(data: &str) -> Result<String, JsValue> {
    let bytes = decode(data).ok_or_else(|| JsValue::from_str("not base64url"))?;
    let array = Uint8Array::from(bytes.as_slice());
    let out = transform("DecompressionStream", &array.into()).await?;
    String::from_utf8(Uint8Array::new(&out).to_vec()).map_err(|_| JsValue::from_str("not UTF-8"))
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
}
