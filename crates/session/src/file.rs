//! The `stance-session/1` file: everything a person has put into the widget.
//!
//! The same JSON is kept in the browser's storage, written by "save session",
//! read back by "open session", and compressed into share links, so a session
//! moves between browsers and people without a server. Reading it checks its
//! schema, size and counts before anything on the page changes: a refused
//! file leaves the current session as it was.
//!
//! ```
//! use stance_session::{Article, Session};
//! let session = Session::new(vec![Article::new(1, "نص المقال")], Default::default(), Some("ar".into()));
//! let back = Session::from_json(&session.to_json()).unwrap();
//! assert_eq!(back, session);
//! ```

use serde::{Deserialize, Serialize};

use crate::edits::Edits;
use crate::publish::Publication;
use crate::tag::SchemaTag;

/// The schema tag of a session file.
pub const SESSION_SCHEMA: &str = "stance-session/1";
/// Largest session file read, in bytes.
pub const MAX_SESSION_BYTES: usize = 64 * 1024 * 1024;
/// Most articles in one session.
pub const MAX_ARTICLES: usize = 200;

/// The document id of article `id` in the analysis and the corrections.
pub fn document_id(id: u32) -> String {
    format!("a{id}")
}

/// One article of a session.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable within the session: corrections refer to it, so removing
    /// another article never moves them.
    pub id: u32,
    /// A name given by hand; empty means "the first line of the text".
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    /// The outlet, set by hand for the column heading; empty means none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub outlet: String,
    /// The publication date, set by hand; empty means the one found in the text.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub date: String,
    /// The text as pasted.
    pub text: String,
}

impl Article {
    /// An article without a name of its own.
    pub fn new(id: u32, text: impl Into<String>) -> Article {
        Article { id, name: String::new(), outlet: String::new(), date: String::new(), text: text.into() }
    }

    /// The document id the analysis and the corrections use.
    pub fn document_id(&self) -> String {
        document_id(self.id)
    }
}

/// A whole session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Session {
    /// Always [`SESSION_SCHEMA`].
    pub schema: String,
    /// The articles, in column order.
    pub articles: Vec<Article>,
    /// The editor's corrections.
    #[serde(default)]
    pub edits: Edits,
    /// The interface language, `ar` or `en`, when one was chosen.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// What the editor publishes for readers.
    #[serde(default, skip_serializing_if = "Publication::is_empty")]
    pub publication: Publication,
}

/// Why a session file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SessionError {
    /// The file is larger than [`MAX_SESSION_BYTES`].
    TooLarge(usize),
    /// The file is not JSON, or not shaped like a session.
    NotASession(String),
    /// The file names another schema (a result file, say).
    WrongSchema(String),
    /// More than [`MAX_ARTICLES`] articles.
    TooManyArticles(usize),
    /// Two articles share an id.
    DuplicateArticle(u32),
}

impl std::fmt::Display for SessionError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SessionError::TooLarge(bytes) => write!(f, "the file has {bytes} bytes; at most {MAX_SESSION_BYTES} are read"),
            SessionError::NotASession(why) => write!(f, "not a {SESSION_SCHEMA} file: {why}"),
            SessionError::WrongSchema(schema) => write!(f, "the file is {schema:?}, not {SESSION_SCHEMA}"),
            SessionError::TooManyArticles(n) => write!(f, "{n} articles; at most {MAX_ARTICLES}"),
            SessionError::DuplicateArticle(id) => write!(f, "two articles have the id {id}"),
        }
    }
}

impl Session {
    /// A session with the current schema tag.
    pub fn new(articles: Vec<Article>, edits: Edits, lang: Option<String>) -> Session {
        Session { schema: SESSION_SCHEMA.to_string(), articles, edits, lang, publication: Publication::default() }
    }

    /// The session as JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads and checks a session file.
    pub fn from_json(json: &str) -> Result<Session, SessionError> {
        if json.len() > MAX_SESSION_BYTES {
            return Err(SessionError::TooLarge(json.len()));
        }
        // The schema first, so that a result file or any other JSON gets the
        // clearer of the two messages. Read straight from the text twice
        // rather than through a `serde_json::Value`: the page then carries
        // no deserializer of `Value`, nor a second one of the session.
        let tag: SchemaTag = serde_json::from_str(json).map_err(|e| SessionError::NotASession(e.to_string()))?;
        match tag.schema() {
            Some(SESSION_SCHEMA) => {}
            Some(other) => return Err(SessionError::WrongSchema(other.to_string())),
            None => return Err(SessionError::NotASession("no \"schema\" field".to_string())),
        }
        let session: Session = serde_json::from_str(json).map_err(|e| SessionError::NotASession(e.to_string()))?;
        if session.articles.len() > MAX_ARTICLES {
            return Err(SessionError::TooManyArticles(session.articles.len()));
        }
        let mut ids: Vec<u32> = session.articles.iter().map(|a| a.id).collect();
        ids.sort_unstable();
        if let Some(pair) = ids.windows(2).find(|w| w[0] == w[1]) {
            return Err(SessionError::DuplicateArticle(pair[0]));
        }
        Ok(session)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use stance_engine::Stance;

    fn sample() -> Session {
        let mut edits = Edits::default();
        edits.set_stance("us", "a2", Some(Stance::For));
        edits.rename("pm", "الكاظمي");
        Session::new(
            vec![
                Article::new(1, "أول"),
                Article {
                    id: 3, name: "الثاني".into(), outlet: "الصباح".into(), date: "2024-05-03".into(), text: "ثانٍ".into()
                },
            ],
            edits,
            Some("en".into()),
        )
    }

    #[test]
    fn a_session_survives_a_round_trip() {
        let s = sample();
        assert_eq!(Session::from_json(&s.to_json()), Ok(s));
    }

    #[test]
    fn bad_files_are_refused_with_a_reason() {
        assert!(matches!(Session::from_json("not json"), Err(SessionError::NotASession(_))));
        assert!(matches!(Session::from_json("{}"), Err(SessionError::NotASession(_))));
        assert_eq!(
            Session::from_json(r#"{"schema":"stance-matrix/1","documents":[]}"#),
            Err(SessionError::WrongSchema("stance-matrix/1".into()))
        );
        assert!(matches!(Session::from_json(r#"{"schema":"stance-session/1","articles":"x"}"#), Err(SessionError::NotASession(_))));
        let twice = r#"{"schema":"stance-session/1","articles":[{"id":1,"text":"a"},{"id":1,"text":"b"}]}"#;
        assert_eq!(Session::from_json(twice), Err(SessionError::DuplicateArticle(1)));
        let many: Vec<Article> = (0..=MAX_ARTICLES as u32).map(|i| Article::new(i, "x")).collect();
        let many = Session::new(many, Edits::default(), None).to_json();
        assert_eq!(Session::from_json(&many), Err(SessionError::TooManyArticles(MAX_ARTICLES + 1)));
        let huge = " ".repeat(MAX_SESSION_BYTES + 1);
        assert!(matches!(Session::from_json(&huge), Err(SessionError::TooLarge(_))));
    }

    #[test]
    fn missing_optional_fields_default() {
        let s = Session::from_json(r#"{"schema":"stance-session/1","articles":[{"id":7,"text":"نص"}]}"#).unwrap();
        assert_eq!(s.articles[0].document_id(), "a7");
        assert!(s.edits.is_empty());
        assert_eq!(s.lang, None);
    }
}
