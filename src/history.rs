//! Earlier sessions: every session the page replaces (a share link or a
//! file opened over it, the examples loaded over it, clearing, the newer
//! version of another tab) is kept in IndexedDB, listed under the articles as
//! "earlier sessions" to open again or delete. IndexedDB holds far more than
//! local storage, so a history of large sessions fits. An embedded page keeps
//! none.

use js_sys::Promise;
use stance_session::Session;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// How many earlier sessions are kept.
pub const KEEP: u32 = 20;

#[wasm_bindgen(module = "/src/js/history.js")]
extern "C" {
    #[wasm_bindgen(js_name = historyAdd)]
    fn history_add(json: &str, title: &str, articles: u32, keep: u32) -> Promise;
    #[wasm_bindgen(js_name = historyList)]
    fn history_list() -> Promise;
    #[wasm_bindgen(js_name = historyGet)]
    fn history_get(id: f64) -> Promise;
    #[wasm_bindgen(js_name = historyDelete)]
    fn history_delete(id: f64) -> Promise;
}

/// One earlier session, as listed.
#[derive(Debug, Clone, PartialEq, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// Its key in the store.
    pub id: f64,
    /// When it was kept, in milliseconds since 1970.
    pub saved_at: f64,
    /// The first article's title.
    pub title: String,
    /// How many articles it has.
    pub articles: u32,
}

/// Whether a session holds anything worth keeping.
pub fn worth_keeping(session: &Session) -> bool {
    session.articles.iter().any(|a| !a.text.trim().is_empty()) || !session.edits.is_empty()
}

/// The title an entry is listed under: the first named or non-empty article's.
pub fn title_of(session: &Session) -> String {
    session
        .articles
        .iter()
        .find_map(|a| {
            let name = a.name.trim();
            if !name.is_empty() {
                Some(name.to_string())
            } else if !a.text.trim().is_empty() {
                Some(stance_engine::title_of(&a.text))
            } else {
                None
            }
        })
        .map(|t| t.chars().take(80).collect())
        .unwrap_or_default()
}

/// Keeps a session. Resolves to whether it was kept.
pub async fn add(session: &Session) -> bool {
    if !worth_keeping(session) {
        return true;
    }
    let promise = history_add(&session.to_json(), &title_of(session), session.articles.len() as u32, KEEP);
    JsFuture::from(promise).await.is_ok_and(|v| !v.is_null())
}

/// The earlier sessions, newest first; `None` when the browser keeps none.
pub async fn list() -> Option<Vec<Entry>> {
    let value = JsFuture::from(history_list()).await.ok()?;
    if value.is_null() {
        return None;
    }
    serde_wasm_bindgen::from_value(value).ok()
}

/// An earlier session's JSON.
pub async fn get(id: f64) -> Option<String> {
    JsFuture::from(history_get(id)).await.ok()?.as_string()
}

/// Deletes an earlier session.
pub async fn delete(id: f64) {
    let _ = JsFuture::from(history_delete(id)).await;
}

#[cfg(test)]
mod tests {
    use super::*;
    use stance_session::{Article, Edits};

    #[test]
    fn entries_are_titled_by_the_first_article_that_has_one() {
        let s = Session::new(vec![Article::new(1, "  "), Article::new(2, "عنوان الخبر\nنص")], Edits::default(), None);
        assert_eq!(title_of(&s), "عنوان الخبر");
        let mut named = s.clone();
        named.articles[1].name = "اسم".into();
        assert_eq!(title_of(&named), "اسم");
        assert!(worth_keeping(&s));
        assert!(!worth_keeping(&Session::new(vec![Article::new(1, " ")], Edits::default(), None)));
    }
}
