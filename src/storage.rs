//! The session in the browser's local storage, so that a reload, a crash or
//! a closed tab loses nothing.
//!
//! The page keeps one `stance-session/1` JSON under one key. A session the
//! page replaces (opening a file or a share link) is first kept under a
//! second key, so that it can be had back. An embedded page (`?embed=1`)
//! never reads or writes either: it shows what its host sends.

use stance_session::{Article, Session};

/// Where the session is kept; other tabs of the page write it too.
pub const SESSION_KEY: &str = "stance-widget/session";
const PREVIOUS_KEY: &str = "stance-widget/previous-session";
const LANG_KEY: &str = "stance-widget/lang";
/// A stored session the page could not read is moved here before anything
/// overwrites it, so that a damaged or newer-format session is never lost.
const UNREADABLE_KEY: &str = "stance-widget/unreadable-session";
/// Where the first widget kept its one text, with articles split by `---`.
const LEGACY_TEXT_KEY: &str = "stance-widget/text";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// What the storage held when the page opened.
pub enum Stored {
    /// A session (or the first widget's text).
    Session(Box<Session>),
    /// Nothing.
    Nothing,
    /// A session the page cannot read (damaged, or from a newer version).
    /// `kept` says whether a copy is now under a key of its own; when it is
    /// not (storage full), the page must never write over the original.
    Unreadable {
        /// Whether it was copied aside.
        kept: bool,
    },
}

/// The key an unreadable session is copied to: the first free one of
/// `UNREADABLE_KEY`, `UNREADABLE_KEY/2`, … (or the one already holding this
/// very text), so that one unreadable session never replaces another.
fn unreadable_key(store: &web_sys::Storage, json: &str) -> String {
    (1..)
        .map(|n| if n == 1 { UNREADABLE_KEY.to_string() } else { format!("{UNREADABLE_KEY}/{n}") })
        .find(|key| store.get_item(key).ok().flatten().is_none_or(|old| old == json))
        .unwrap_or_default()
}

/// The session saved by the last visit (or the first widget's text, split
/// into articles at its `---` lines).
pub fn load_session() -> Stored {
    let Some(store) = storage() else { return Stored::Nothing };
    if let Some(json) = store.get_item(SESSION_KEY).ok().flatten() {
        return match Session::from_json(&json) {
            Ok(session) => Stored::Session(Box::new(session)),
            Err(_) => Stored::Unreadable { kept: store.set_item(&unreadable_key(&store, &json), &json).is_ok() },
        };
    }
    let Some(legacy) = store.get_item(LEGACY_TEXT_KEY).ok().flatten() else { return Stored::Nothing };
    let articles = split_legacy_text(&legacy).into_iter().enumerate().map(|(i, text)| Article::new(i as u32 + 1, text)).collect();
    Stored::Session(Box::new(Session::new(articles, Default::default(), None)))
}

/// The session another tab saved, as stored now.
pub fn stored_json() -> Option<String> {
    storage()?.get_item(SESSION_KEY).ok().flatten()
}

/// The first widget's one text, cut at lines holding only `---`.
pub fn split_legacy_text(text: &str) -> Vec<String> {
    let mut articles = vec![String::new()];
    for line in text.split_inclusive('\n') {
        if line.trim() == "---" {
            articles.push(String::new());
        } else if let Some(last) = articles.last_mut() {
            last.push_str(line);
        }
    }
    articles.retain(|a| !a.trim().is_empty());
    articles
}

/// Texts beyond this many characters in all cannot be stored: browsers
/// keep about 5 million characters per site. Such a session is not even
/// serialized for a write that must fail (90 ms at 10 MB).
const STORABLE_CHARS: usize = 5_200_000;

/// Whether a session can fit in storage at all.
pub fn storable(session: &Session) -> bool {
    session.articles.iter().map(|a| a.text.chars().count()).sum::<usize>() <= STORABLE_CHARS
}

/// Saves a session's JSON. Returns whether it was saved: storage may be
/// disabled or full, and the page must say so.
pub fn save_json(json: &str) -> bool {
    storage().is_some_and(|s| s.set_item(SESSION_KEY, json).is_ok())
}

/// Keeps a session that is about to be replaced.
pub fn keep_previous(session: &Session) {
    if let Some(s) = storage() {
        let _ = s.set_item(PREVIOUS_KEY, &session.to_json());
    }
}

/// The language chosen on an earlier visit.
pub fn load_lang() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok().flatten()
}

/// Remembers the language.
pub fn save_lang(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, code);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_widgets_text_splits_at_separator_lines() {
        assert_eq!(split_legacy_text("أ\n---\nب\n  ---  \n\n---\n"), vec!["أ\n".to_string(), "ب\n".to_string()]);
        assert!(split_legacy_text("").is_empty());
    }
}
