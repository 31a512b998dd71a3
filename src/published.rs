//! The published view for readers, and the links and embed code that lead
//! to it.
//!
//! `?view=published` (and `?embed=1`, unless `&view=editor`) shows the matrix
//! read-only: no editing control, no storage read or write. What it shows
//! comes either from a snapshot in the fragment (`#p=…`, a deflated
//! `stance-published/1` that holds only what the editor published, see
//! `stance_session::publish`), or, embedded, from the host's messages.
//! Unlike a share link's `#s=`, the `#p=` fragment stays in the address, so
//! a reader can reload or bookmark the page.

use leptos::prelude::*;
use stance_session::publish::Published;
use stance_session::{Article, Session};

use crate::browser::{fragment, page_base, query_param};
use crate::embed::{is_embedded, normalize_origin};
use crate::state::AppState;
use crate::{share, Corrected};

/// The fragment's prefix for a published snapshot.
pub const PREFIX: &str = "p=";

/// Whether the page is the read-only view: `?view=published`, or embedded
/// without `?view=editor`.
pub fn is_published() -> bool {
    match query_param("view").as_deref() {
        Some("published") => true,
        Some("editor") => false,
        _ => is_embedded(),
    }
}

/// Whether the address holds a published snapshot.
pub fn has_snapshot() -> bool {
    fragment().starts_with(PREFIX)
}

/// Opens the snapshot in the fragment: its articles (when published) for
/// "show in the article", its settings, and its matrix as it was published.
pub fn open_snapshot(state: AppState, corrected: Corrected) {
    let fragment = fragment();
    let Some(data) = fragment.strip_prefix(PREFIX).map(str::to_string) else { return };
    leptos::task::spawn_local(async move {
        let read = share::read_data(&data).await;
        let lang = state.lang.get_untracked();
        let snapshot = read
            .map_err(|problem| lang.share_refused(&problem))
            .and_then(|json| Published::from_json(&json).map_err(|why| lang.published_refused(&why)));
        match snapshot {
            Ok(p) => {
                let mut session = Session::new(p.articles.clone(), Default::default(), None);
                session.publication = p.publication.clone();
                if query_param("lang").is_none() {
                    session.lang = p.lang.clone();
                }
                state.restore(session);
                corrected.0.set(Some(p.edited()));
            }
            Err(message) => state.tell(message, true, None),
        }
    });
}

/// The snapshot of the session as it stands, as the editor chose to publish it.
pub fn snapshot(state: AppState, corrected: Corrected) -> Option<Published> {
    let articles: Vec<Article> = state.session().articles;
    let publication = state.publication.get_untracked();
    let lang = Some(state.lang.get_untracked().code().to_string());
    corrected.0.with_untracked(|e| e.as_ref().map(|e| Published::new(e, &publication, articles, lang)))
}

/// Why no published link was made.
pub enum LinkError {
    /// Nothing analysed yet.
    Nothing,
    /// Too large for a link.
    TooLarge,
    /// The browser could not compress it.
    Failed,
}

/// The folder the page is served from, with its trailing slash
/// (`https://host/stance/` for `https://host/stance/index.html`).
pub fn base_folder() -> String {
    let base = page_base();
    match base.rfind('/') {
        Some(at) => base[..=at].to_string(),
        None => base,
    }
}

/// The address of the read-only view of the session; embedded, with the
/// host's origin when the editor gave one.
pub async fn published_url(state: AppState, corrected: Corrected, embed: bool) -> Result<String, LinkError> {
    let published = snapshot(state, corrected).ok_or(LinkError::Nothing)?;
    let json = published.to_json();
    if json.len() > share::MAX_LINK_SESSION_BYTES {
        return Err(LinkError::TooLarge);
    }
    let fragment = share::link_fragment(&json).await.map_err(|_| LinkError::Failed)?;
    let data = fragment.strip_prefix(share::PREFIX).unwrap_or(&fragment);
    let query = if embed {
        match normalize_origin(&published.publication.host_origin) {
            Some(origin) => format!("?embed=1&origin={}", js_sys::encode_uri_component(&origin)),
            None => "?embed=1".to_string(),
        }
    } else {
        "?view=published".to_string()
    };
    let url = format!("{}{query}#{PREFIX}{data}", page_base());
    if url.len() > share::MAX_LINK_CHARS {
        return Err(LinkError::TooLarge);
    }
    Ok(url)
}

/// Escapes text for an HTML attribute value in double quotes.
pub fn escape_attribute(text: &str) -> String {
    text.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// The embed code: the iframe, and the loader (`embed.js`, beside the page)
/// that sets the iframe's height to the matrix's whenever it changes, so a
/// plain page shows the whole matrix with no inner scroll box.
pub fn embed_snippet(url: &str, title: &str, folder: &str) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" data-stance-matrix style=\"inline-size:100%;border:0\" height=\"600\" loading=\"lazy\"></iframe>\n<script src=\"{}embed.js\" async></script>",
        escape_attribute(url),
        escape_attribute(title),
        escape_attribute(folder),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_escapes_what_it_quotes() {
        let code = embed_snippet("https://h/s/?embed=1&origin=x#p=A", "\"><script>", "https://h/s/");
        assert!(code.starts_with("<iframe src=\"https://h/s/?embed=1&amp;origin=x#p=A\" title=\"&quot;&gt;&lt;script&gt;\""), "{code}");
        assert!(code.ends_with("<script src=\"https://h/s/embed.js\" async></script>"));
    }
}
