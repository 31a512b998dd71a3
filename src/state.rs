//! The widget's reactive state: the articles, the corrections, the last
//! analysis, what is selected, and how the matrix is viewed.
//!
//! Each article's text is a signal of its own, so typing in one article
//! re-renders nothing but what depends on that text.

use leptos::prelude::*;
use stance_engine::{Document, Overall, StanceMatrix};
use stance_session::publish::Publication;
use stance_session::{Article, Edits, Session};

use crate::i18n::{Lang, Words};
use crate::storage;

/// One article column.
#[derive(Clone, Copy)]
pub struct ArticleSlot {
    /// Stable id within the session (document id `a{id}`).
    pub id: u32,
    /// A name given by hand; empty means the first line.
    pub name: RwSignal<String>,
    /// The outlet and the date the editor gave, for the column heading.
    pub heading: ArticleHeading,
    /// The text.
    pub text: RwSignal<String>,
    /// Bumped when the text is replaced from outside its text area (a
    /// dropped file), which the text area then shows; typing never bumps it.
    pub revision: RwSignal<u32>,
}

impl ArticleSlot {
    /// A slot for an article of the session.
    pub fn from_article(article: Article) -> ArticleSlot {
        ArticleSlot {
            id: article.id,
            name: RwSignal::new(article.name),
            heading: ArticleHeading { outlet: RwSignal::new(article.outlet), date: RwSignal::new(article.date) },
            text: RwSignal::new(article.text),
            revision: RwSignal::new(0),
        }
    }

    /// Replaces the text from outside its text area.
    pub fn replace_text(self, text: String) {
        self.text.set(text);
        self.revision.update(|r| *r += 1);
    }

    /// The article as stored.
    pub fn to_article(self) -> Article {
        Article {
            id: self.id,
            name: self.name.get_untracked(),
            outlet: self.heading.outlet.get_untracked(),
            date: self.heading.date.get_untracked(),
            text: self.text.get_untracked(),
        }
    }

    /// The document id the analysis uses.
    pub fn document_id(self) -> String {
        stance_session::file::document_id(self.id)
    }
}

/// The parts of a column heading an editor may set besides the name: the
/// outlet and the publication date (empty: none, or the date found in the
/// text's first lines).
#[derive(Clone, Copy)]
pub struct ArticleHeading {
    /// The outlet ("الصباح", "Reuters").
    pub outlet: RwSignal<String>,
    /// The date as the editor writes it (`2024-05-03`, `3 أيار 2024`).
    pub date: RwSignal<String>,
}

/// The cell whose evidence is shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SelectedCell {
    /// Actor id.
    pub actor: String,
    /// Document id.
    pub document: String,
}

/// A span of an article shown in the reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderSpan {
    /// Document id.
    pub document: String,
    /// Start, in code points.
    pub start: usize,
    /// End (exclusive), in code points.
    pub end: usize,
}

pub use crate::rows::SortOrder;

/// How the matrix is viewed.
#[derive(Clone, Copy)]
pub struct ViewOptions {
    /// Search text over names, English names and aliases.
    pub search: RwSignal<String>,
    /// Only rows with one of these overall positions; empty shows all.
    pub stances: RwSignal<Vec<Overall>>,
    /// Row order.
    pub sort: RwSignal<SortOrder>,
    /// Rows grouped under their kind.
    pub group_by_kind: RwSignal<bool>,
}

/// Something to tell the user, with an undo when the change can be undone.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The message, already in the interface language.
    pub text: String,
    /// Whether it reports a failure (shown as an alert).
    pub is_error: bool,
    /// The session as it was before the change, for "undo".
    pub undo: Option<Session>,
}

/// All reactive state of the page.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The interface language.
    pub lang: RwSignal<Lang>,
    /// The article columns, in order.
    pub articles: RwSignal<Vec<ArticleSlot>>,
    /// The editor's corrections.
    pub edits: RwSignal<Edits>,
    /// What the editor publishes for readers.
    pub publication: RwSignal<Publication>,
    /// The latest analysis, before corrections.
    pub analysis: RwSignal<Option<StanceMatrix>>,
    /// Whether an analysis is pending.
    pub busy: RwSignal<bool>,
    /// The selected cell.
    pub selected: RwSignal<Option<SelectedCell>>,
    /// The article span open in the reader.
    pub reader: RwSignal<Option<ReaderSpan>>,
    /// The empty cell the editor is coding by hand (its article card shows
    /// what to do, and its "add a statement" form names its actor).
    pub coding: RwSignal<Option<SelectedCell>>,
    /// The name of a result file shown instead of the articles' analysis.
    pub loaded_from: RwSignal<Option<String>>,
    /// The last message for the user.
    pub notice: RwSignal<Option<Notice>>,
    /// Whether the user asked to analyse texts above the live limit.
    pub analyze_large: RwSignal<bool>,
    /// Whether the latest session is saved in the browser's storage.
    pub saved: RwSignal<bool>,
    /// Another tab saved the session while this one had changes not yet
    /// saved: this tab writes nothing until the user chooses a version.
    pub stale: RwSignal<bool>,
    /// The stored session could not be read nor copied aside: this tab never
    /// writes over it.
    pub locked: RwSignal<bool>,
    /// Bumped whenever the earlier sessions change, so their list is read again.
    pub history_version: RwSignal<u32>,
    /// How the matrix is viewed.
    pub view: ViewOptions,
    /// The next article id.
    pub next_id: StoredValue<u32>,
    /// The number of the latest analysis request; opening a result file
    /// bumps it too, so that no analysis still under way replaces the file.
    pub analysis_request: StoredValue<u64>,
    /// Embedded in another page (`?embed=1`) or a published view: never
    /// touches the full page's storage.
    pub embedded: bool,
    /// The read-only view for readers (`?view=published`, and the embed's
    /// default): no editing control, no storage write.
    pub published: bool,
    /// The app's root owner. Article signals are made under it, so that a
    /// view that made one (the undo button's notice, say) can go away
    /// without taking the article with it.
    owner: StoredValue<Option<Owner>>,
}

/// Texts larger than this in all (bytes) are not analysed on every
/// keystroke: the page asks first, so that a huge paste never freezes it.
pub const LIVE_LIMIT_BYTES: usize = 1_500_000;

/// Whether a text holds any Arabic letter.
pub fn has_arabic(text: &str) -> bool {
    text.chars().any(|c| matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}'))
}

/// Slots for a session's articles (one empty article when there is none),
/// and the next free article id.
fn slots_of(articles: Vec<Article>) -> (Vec<ArticleSlot>, u32) {
    let mut slots: Vec<ArticleSlot> = articles.into_iter().map(ArticleSlot::from_article).collect();
    if slots.is_empty() {
        slots.push(ArticleSlot::from_article(Article::new(1, "")));
    }
    let next = slots.iter().map(|a| a.id + 1).max().unwrap_or(1);
    (slots, next)
}

impl AppState {
    /// State holding `session`.
    pub fn new(session: Session, lang: Lang, embedded: bool, published: bool) -> AppState {
        let (articles, next) = slots_of(session.articles);
        AppState {
            lang: RwSignal::new(lang),
            articles: RwSignal::new(articles),
            edits: RwSignal::new(session.edits),
            publication: RwSignal::new(session.publication),
            analysis: RwSignal::new(None),
            busy: RwSignal::new(false),
            selected: RwSignal::new(None),
            reader: RwSignal::new(None),
            coding: RwSignal::new(None),
            loaded_from: RwSignal::new(None),
            notice: RwSignal::new(None),
            analyze_large: RwSignal::new(false),
            saved: RwSignal::new(true),
            stale: RwSignal::new(false),
            locked: RwSignal::new(false),
            history_version: RwSignal::new(0),
            view: ViewOptions {
                search: RwSignal::new(String::new()),
                stances: RwSignal::new(Vec::new()),
                sort: RwSignal::new(SortOrder::Analysis),
                group_by_kind: RwSignal::new(false),
            },
            next_id: StoredValue::new(next),
            analysis_request: StoredValue::new(0),
            embedded: embedded || published,
            published,
            owner: StoredValue::new(Owner::current()),
        }
    }

    /// The session as it stands, for storage, files and links.
    pub fn session(&self) -> Session {
        let articles = self.articles.get_untracked().into_iter().map(ArticleSlot::to_article).collect();
        let mut session = Session::new(articles, self.edits.get_untracked(), Some(self.lang.get_untracked().code().to_string()));
        session.publication = self.publication.get_untracked();
        session
    }

    /// Runs `f` under the app's root owner.
    fn owned<T>(&self, f: impl FnOnce() -> T) -> T {
        match self.owner.get_value() {
            Some(owner) => owner.with(f),
            None => f(),
        }
    }

    /// Replaces everything with `session` (opening a file or a link, undo).
    pub fn restore(&self, session: Session) {
        let (articles, next) = self.owned(|| slots_of(session.articles));
        self.next_id.set_value(next);
        if let Some(lang) = session.lang.as_deref().and_then(Lang::from_code) {
            self.lang.set(lang);
        }
        self.selected.set(None);
        self.reader.set(None);
        self.coding.set(None);
        self.loaded_from.set(None);
        self.edits.set(session.edits);
        self.publication.set(session.publication);
        self.articles.set(articles);
    }

    /// Opens a session from a file or a link in place of the current one,
    /// which is kept aside in storage (never when embedded) and can be had
    /// back with "undo". The message is chosen after the new session's
    /// language is in force.
    pub fn replace_session(&self, session: Session, message: fn(&Words) -> &'static str) {
        let before = self.session();
        if !self.embedded {
            storage::keep_previous(&before);
            self.keep_in_history(before.clone());
        }
        self.restore(session);
        self.tell(message(self.lang.get_untracked().words()), false, Some(before));
    }

    /// Adds a session about to be replaced to the earlier sessions (never
    /// when embedded); the list is read again once it is in.
    pub fn keep_in_history(&self, session: Session) {
        if self.embedded || !crate::history::worth_keeping(&session) {
            return;
        }
        let state = *self;
        leptos::task::spawn_local(async move {
            crate::history::add(&session).await;
            state.history_version.update(|v| *v += 1);
        });
    }

    /// Appends a new article and returns its slot.
    pub fn add_article(&self, name: String, text: String) -> ArticleSlot {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        let slot = self.owned(|| ArticleSlot::from_article(Article { id, name, text, ..Article::new(id, "") }));
        self.articles.update(|a| a.push(slot));
        slot
    }

    /// The articles as documents for the analyzer; empty ones are left out.
    pub fn documents(&self) -> Vec<Document> {
        self.articles.with_untracked(|articles| {
            articles
                .iter()
                .filter(|a| a.text.with_untracked(|t| !t.trim().is_empty()))
                .map(|a| Document::new(a.document_id(), a.text.get_untracked()))
                .collect()
        })
    }

    /// All articles' bytes; tracks every text.
    pub fn total_bytes(&self) -> usize {
        self.articles.with(|articles| articles.iter().map(|a| a.text.with(|t| t.len())).sum())
    }

    /// All articles' bytes, without subscribing to any text.
    pub fn total_bytes_untracked(&self) -> usize {
        untrack(|| self.total_bytes())
    }

    /// An article's number (1-based column) and slot, by document id.
    pub fn article_by_document(&self, document: &str) -> Option<(usize, ArticleSlot)> {
        self.articles.with(|articles| articles.iter().enumerate().find(|(_, a)| a.document_id() == document).map(|(i, a)| (i + 1, *a)))
    }

    /// Says something to the user.
    pub fn tell(&self, text: impl Into<String>, is_error: bool, undo: Option<Session>) {
        self.notice.set(Some(Notice { text: text.into(), is_error, undo }));
    }
}
