//! The page: toolbar, articles, and the matrix with its evidence.

use leptos::prelude::*;
use stance_session::{apply, Session};

use crate::analysis::{analyse_on_change, save_on_change, StaleChoice};
use crate::background::LARGE_TEXT_BYTES;
use crate::browser::{clear_fragment, fragment, fragment_chars, fragment_starts_with, query_param, set_document_language};
use crate::components::{
    articles::Articles, coding::AddActor, controls::MatrixControls, earlier::EarlierSessions, edits_summary::EditsSummary,
    evidence::EvidencePanel, legend::Legend, matrix::MatrixTable, publish::PublishPanel, publish::PublishedCredit, reader::Reader,
    toolbar::NoticeBar, toolbar::Toolbar,
};
use crate::corpus::CorpusView;
use crate::i18n::Lang;
use crate::media::Phone;
use crate::result_marks::{Marks, ResultMarks};
use crate::state::AppState;
use crate::{embed, published, share, storage, Corrected};

/// Opens a share link in the address's fragment, keeping the session it
/// replaces aside (and undoable); a damaged link changes nothing.
fn open_share_link(state: AppState) {
    // The length first, read on the JavaScript side: a link of megabytes is
    // refused without being copied into WebAssembly memory.
    let chars = fragment_chars();
    if chars > share::MAX_LINK_CHARS && fragment_starts_with(share::PREFIX) {
        clear_fragment();
        state.tell(state.lang.get_untracked().share_refused(&share::LinkProblem::TooLong(chars)), true, None);
        return;
    }
    let fragment = fragment();
    if !fragment.starts_with(share::PREFIX) {
        return;
    }
    clear_fragment();
    leptos::task::spawn_local(async move {
        let Some(read) = share::read_fragment(&fragment).await else { return };
        let session = read.and_then(|json| Session::from_json(&json).map_err(|e| share::LinkProblem::NotASession(e.to_string())));
        match session {
            Ok(session) => state.replace_session(session, |w| w.share_opened),
            Err(problem) => state.tell(state.lang.get_untracked().share_refused(&problem), true, None),
        }
    });
}

/// The language: `?lang=`, else the one chosen before, else the session's, else Arabic.
fn initial_lang(session: &Session, embedded: bool) -> Lang {
    query_param("lang")
        .and_then(|l| Lang::from_code(&l))
        .or_else(|| if embedded { None } else { storage::load_lang().and_then(|l| Lang::from_code(&l)) })
        .or_else(|| session.lang.as_deref().and_then(Lang::from_code))
        .unwrap_or(Lang::Ar)
}

/// The root component.
#[component]
pub fn App() -> impl IntoView {
    let embedded = embed::is_embedded();
    // The read-only view for readers, and whether it shows a published snapshot.
    let published = published::is_published();
    let snapshot = published && published::has_snapshot();
    let isolated = embedded || published;
    let stored = if isolated { storage::Stored::Nothing } else { storage::load_session() };
    let unreadable = match stored {
        storage::Stored::Unreadable { kept } => Some(kept),
        _ => None,
    };
    let session = match stored {
        storage::Stored::Session(session) => *session,
        _ => Session::new(Vec::new(), Default::default(), None),
    };
    let lang = initial_lang(&session, isolated);
    let state = AppState::new(session, lang, embedded, published);
    provide_context(state);
    // A stored session that could not even be copied aside is never written over.
    if unreadable == Some(false) {
        state.locked.set(true);
    }

    // The analysis with the corrections and the articles' own names applied.
    let corrected = RwSignal::new(None);
    provide_context(Corrected(corrected));
    let corpus_view = CorpusView::new();
    provide_context(corpus_view);
    provide_context(Phone(crate::media::phone()));
    let marks = StoredValue::new(Marks::default());
    provide_context(ResultMarks(marks));
    // A snapshot is shown as it was published, never analysed again.
    Effect::new(move |_| {
        if snapshot {
            return;
        }
        let edits = state.edits.get();
        let headings: Vec<(String, [String; 3])> = state
            .articles
            .with(|a| a.iter().map(|s| (s.document_id(), [s.name.get(), s.heading.outlet.get(), s.heading.date.get()])).collect());
        let result = state.analysis.with(|analysis| {
            analysis.as_ref().map(|m| {
                let mut e = apply(m, &edits);
                // The heading parts set by hand win over the ones read from the text.
                let given = |s: &String| Some(s.trim().to_string()).filter(|s| !s.is_empty());
                for d in &mut e.matrix.documents {
                    if let Some((_, [name, outlet, date])) = headings.iter().find(|(id, _)| *id == d.id) {
                        d.title = given(name).unwrap_or(std::mem::take(&mut d.title));
                        d.outlet = given(outlet).or(d.outlet.take());
                        d.date = given(date).or(d.date.take());
                    }
                }
                // A widget's export shows its own marks again.
                if state.loaded_from.get_untracked().is_some() {
                    marks.with_value(|marks| marks.apply(&mut e));
                }
                e
            })
        });
        corrected.set(result);
    });
    Effect::new(move |_| {
        let lang = state.lang.get();
        set_document_language(lang.code(), lang.dir());
    });

    if snapshot {
        published::open_snapshot(state, Corrected(corrected));
    } else {
        analyse_on_change(state);
    }
    save_on_change(state);
    open_share_link(state);
    let _ = window_event_listener(leptos::ev::hashchange, move |_| {
        if snapshot {
            published::open_snapshot(state, Corrected(corrected));
        } else {
            open_share_link(state);
        }
    });
    if embedded {
        embed::start(state);
    }

    let words = move || state.lang.get().words();
    let status = move || {
        state.busy.get().then(|| {
            let lang = state.lang.get();
            let bytes = state.total_bytes_untracked();
            let text =
                if bytes > LARGE_TEXT_BYTES { lang.analysing_megabytes(bytes as f64 / 1e6) } else { lang.words().analysing.to_string() };
            view! { <progress aria-label=lang.words().analysing></progress> " " {text} }
        })
    };
    let articles = move || {
        if published {
            ().into_any()
        } else if embedded {
            view! { <details class="embedded-articles"><summary>{move || words().articles}</summary><Articles/></details> }.into_any()
        } else {
            view! { <Articles/> }.into_any()
        }
    };
    view! {
        <div class="app" class:embedded=embedded class:published=published>
            {(!published).then(|| view! {
                <a class="skip-link" href="#results-title">{move || state.lang.get().news().skip_to_matrix}</a>
            })}
            <header class="masthead">
                <div class="title-block">
                    <h1 data-role="title">{move || {
                        let title = state.publication.with(|p| p.title.clone());
                        if published && !title.is_empty() { title } else { words().title.to_string() }
                    }}</h1>
                    {(!embedded && !published).then(|| view! { <p class="tagline">{move || words().tagline}</p> })}
                    {published.then(|| view! {
                        {move || state.publication.with(|p| (!p.description.is_empty()).then(|| {
                            view! { <p class="tagline" data-role="description" dir="auto">{p.description.clone()}</p> }
                        }))}
                    })}
                </div>
                <Toolbar/>
            </header>
            <NoticeBar/>
            {move || (!state.saved.get()).then(|| view! { <p class="error" role="alert" data-role="not-saved">{words().not_saved}</p> })}
            {move || state.locked.get().then(|| view! { <p class="error" role="alert" data-role="storage-locked">{words().storage_locked}</p> })}
            {move || state.stale.get().then(|| {
                let choice = use_context::<StaleChoice>();
                view! {
                    <div class="notice-bar error" role="alert" data-role="stale-session">
                        <span>{words().stale_session}</span>
                        <button type="button" class="button" data-role="load-theirs" on:click=move |_| if let Some(c) = choice { c.load_theirs() }>{words().load_theirs}</button>
                        <button type="button" class="button" data-role="keep-mine" on:click=move |_| if let Some(c) = choice { c.keep_mine() }>{words().keep_mine}</button>
                    </div>
                }
            })}
            <main class="layout">
                {articles}
                <section class="results" aria-labelledby="results-title">
                    <h2 id="results-title" tabindex="-1">{move || words().results}</h2>
                    <p class="status" role="status" aria-live="polite" data-role="analysis-status">{status}</p>
                    {move || state.loaded_from.get().map(|name| view! {
                        <p class="notice" role="status" data-role="loaded-result">{
                            let lang = state.lang.get();
                            // The worker's file, or the one read here.
                            let from_widget = match corpus_view.summary.with(|s| s.as_ref().map(|s| s.from_widget)) {
                                Some(from_widget) => from_widget,
                                None => marks.with_value(|m| m.from_widget),
                            };
                            if from_widget { lang.showing_widget_export(&name) } else { lang.showing_result_file(&name) }
                        }</p>
                    })}
                    <p class="notice automatic" data-role="automatic-notice">{move || {
                        let n = state.lang.get().news();
                        if published { n.published_notice } else { n.automatic_notice }
                    }}</p>
                    <MatrixControls/>
                    <Legend/>
                    <div class="matrix-and-evidence" class:with-evidence=move || state.selected.with(Option::is_some)>
                        <div class="matrix-area"><MatrixTable/></div>
                        <EvidencePanel/>
                    </div>
                    {(!published).then(|| view! { <EditsSummary/> })}
                    <Reader/>
                    {published.then(|| view! { <PublishedCredit/> })}
                    {(!published).then(|| view! { <AddActor/> <PublishPanel/> })}
                </section>
            </main>
            {(!isolated).then(|| view! { <EarlierSessions/> })}
        </div>
    }
}
