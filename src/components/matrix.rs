//! The stance matrix: actors as rows, articles as columns, an overall column.
//!
//! This module decides what stands in the matrix's place (a message, or the
//! matrix) and makes the window the grid renders: from the page's own
//! analysis, cut here, or from a result file held by the worker, asked for
//! there. The grid itself is in [`super::matrix_grid`], the phone's cards
//! in [`super::actor_cards`].

use leptos::prelude::*;

use crate::components::actor_cards::ActorCards;
use crate::components::matrix_grid::{Grid, GridFocus};
use crate::corpus::{self, CorpusView};
use crate::grid_window::{columns_in_view, line_count, lines_in_view, same_answer, Extent, Viewport};
use crate::matrix_view::{cut_window, Heading, MatrixWindow};
use crate::media::Phone;
use crate::rows::{arrange, Arranged, Query};
use crate::state::{has_arabic, AppState, LIVE_LIMIT_BYTES};
use crate::Corrected;

/// Cards shown at first on a phone, and added by "show more".
pub const CARD_STEP: usize = 60;
/// Articles a card lists at most (a corpus of thousands is read on a wider screen).
const CARD_COLUMNS: usize = 200;

/// What stands in the matrix's place.
#[derive(Debug, Clone, PartialEq)]
enum Status {
    TooLarge,
    Pending,
    Empty,
    Message(&'static str),
    Ready,
}

/// The window to render and everything it was cut by.
#[derive(Clone, Copy)]
pub struct MatrixSource {
    /// The window.
    pub window: Signal<Option<MatrixWindow>>,
    /// The scroll box's position and size.
    pub viewport: RwSignal<Viewport>,
    /// How many cards a phone shows.
    pub cards: RwSignal<usize>,
}

fn query_of(state: AppState) -> Query {
    let v = state.view;
    Query { search: v.search.get(), stances: v.stances.get(), sort: v.sort.get(), group_by_kind: v.group_by_kind.get() }
}

/// The window of the page's own analysis.
fn local_window(
    state: AppState,
    arranged: &Arranged,
    lines: std::ops::Range<usize>,
    columns: std::ops::Range<usize>,
) -> Option<MatrixWindow> {
    let corrected = expect_context::<Corrected>().0;
    corrected.with(|edited| {
        let e = edited.as_ref()?;
        let m = &e.matrix;
        let cell_at = |a: usize, c: usize| m.actors[a].cells.iter().find(|cell| cell.document == m.documents[c].id);
        let heading = |c: usize| {
            let d = &m.documents[c];
            let number = state.article_by_document(&d.id).map_or(c + 1, |(n, _)| n);
            Heading { id: d.id.clone(), number, title: d.title.clone(), outlet: d.outlet.clone(), date: d.date.clone() }
        };
        let mut w = cut_window(m, arranged, lines, columns, cell_at, heading, |a, d| (e.is_edited(a, d), e.is_checked(a, d)));
        w.counts = crate::rows::counts(m);
        Some(w)
    })
}

/// The matrix, or the message that stands in for it.
#[component]
pub fn MatrixTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let corpus_view = expect_context::<CorpusView>();
    let phone = expect_context::<Phone>().0;
    let focus = GridFocus::new();
    let viewport = RwSignal::new(Viewport::default());
    let cards = RwSignal::new(CARD_STEP);
    let remote = Memo::new(move |_| corpus_view.active(state));
    let query = Memo::new(move |_| query_of(state));
    // The page's own rows: arranged again only when the analysis or the
    // query changes, never while scrolling.
    let arranged = Memo::new(move |_| {
        if remote.get() {
            return None;
        }
        corrected.with(|e| e.as_ref().map(|e| arrange(&e.matrix, &e.member_of, &query.get())))
    });
    let totals = Memo::new(move |_| {
        if remote.get() {
            // Until the first window comes, a screenful is asked for.
            corpus_view.window.with(|w| w.as_ref().map_or((1_000_000, 1_000_000), |w| (w.lines_total(), w.columns_total)))
        } else {
            let columns = corrected.with(|e| e.as_ref().map_or(0, |e| e.matrix.documents.len()));
            (arranged.with(|a| a.as_ref().map_or(0, |a| line_count(a.rows.len(), &a.groups))), columns)
        }
    });
    let ranges = Memo::new(move |_| {
        let (lines, columns) = totals.get();
        if phone.get() {
            (0..lines.min(cards.get()), 0..columns.min(CARD_COLUMNS))
        } else {
            let view = viewport.get();
            let extent = if remote.get() { Extent::Window } else { Extent::WholeWhenSmall };
            (lines_in_view(view, lines, columns, extent), columns_in_view(view, columns, lines, extent))
        }
    });
    let local = Memo::new(move |_| {
        let (lines, columns) = ranges.get();
        arranged.with(|a| a.as_ref().and_then(|a| local_window(state, a, lines, columns)))
    });
    // A result file held by the worker: ask for the window in view, unless
    // the last request, clipped to the totals its answer brought, already
    // asked for it.
    let asked = StoredValue::new(None::<(Query, (std::ops::Range<usize>, std::ops::Range<usize>))>);
    Effect::new(move |_| {
        if remote.get() {
            let wanted = ranges.get();
            let query = query.get();
            let totals = corpus_view.window.with_untracked(|w| w.as_ref().map(|w| (w.lines_total(), w.columns_total)));
            let answered =
                asked.with_value(|a| a.as_ref().zip(totals).is_some_and(|((q, r), totals)| *q == query && same_answer(r, &wanted, totals)));
            if !answered {
                corpus::request_window(&query, wanted.0.clone(), wanted.1.clone());
                asked.set_value(Some((query, wanted)));
            }
        }
    });
    let window = Signal::derive(move || if remote.get() { corpus_view.window.get() } else { local.get() });
    let source = MatrixSource { window, viewport, cards };
    let too_large = Memo::new(move |_| state.total_bytes() > LIVE_LIMIT_BYTES);
    let status = Memo::new(move |_| {
        if remote.get() {
            return match corpus_view.summary.with(|s| s.as_ref().map(|s| s.actors)) {
                Some(0) => Status::Message("no-actors"),
                _ => Status::Ready,
            };
        }
        if too_large.get() && !state.analyze_large.get() && state.loaded_from.get().is_none() {
            return Status::TooLarge;
        }
        corrected.with(|edited| match edited {
            None => Status::Pending,
            Some(e) if e.matrix.documents.is_empty() => Status::Empty,
            Some(e) if e.matrix.actors.is_empty() && e.hidden.is_empty() => {
                // Read, not tracked: the message follows each analysis, not each keystroke.
                let arabic = state.loaded_from.get().is_some()
                    || state.articles.with_untracked(|a| a.iter().any(|s| s.text.with_untracked(|t| has_arabic(t))));
                Status::Message(if arabic { "no-actors" } else { "no-arabic" })
            }
            Some(_) => Status::Ready,
        })
    });
    let opening = move || {
        corpus_view.opening.get().then(|| {
            let lang = state.lang.get();
            view! { <p class="status" role="status" data-role="corpus-opening"><progress aria-label=lang.reading().reading_result></progress> " " {lang.reading().reading_result}</p> }
        })
    };
    let body = move || {
        let lang = state.lang.get();
        let w = lang.words();
        match status.get() {
            Status::TooLarge => {
                let megabytes = state.total_bytes_untracked() as f64 / 1e6;
                view! {
                    <div class="notice-box" role="status" data-role="large-input">
                        <p>{lang.large_input(megabytes)}</p>
                        <button type="button" class="button" on:click=move |_| state.analyze_large.set(true)>{w.analyse_now}</button>
                    </div>
                }
                .into_any()
            }
            Status::Pending => view! { <p class="empty">"…"</p> }.into_any(),
            Status::Empty => {
                let empty = if state.published { lang.news().nothing_published } else { w.empty };
                view! { <p class="empty" data-role="empty">{empty}</p> }.into_any()
            }
            Status::Message(role) => {
                let text = if role == "no-actors" { w.no_actors } else { w.no_arabic };
                view! { <p class="empty" role="status" data-role=role>{text}</p> }.into_any()
            }
            Status::Ready => {
                let shown = move || {
                    let lang = state.lang.get();
                    window.with(|w| w.as_ref().map(|w| (w.rows_total, w.actors_total))).map(|(shown, total)| {
                        view! {
                            <p class="rows-shown" role="status" data-role="rows-shown">{lang.rows_shown(shown, total)}</p>
                            {(shown == 0).then(|| view! { <p class="empty" data-role="no-match">{lang.words().no_match}</p> })}
                        }
                    })
                };
                let layout = move || {
                    if phone.get() {
                        view! { <ActorCards source=source/> }.into_any()
                    } else {
                        view! { <Grid source=source focus=focus/> }.into_any()
                    }
                };
                view! { {shown} {layout} }.into_any()
            }
        }
    };
    let summary = move || {
        let lang = state.lang.get();
        corpus_view.summary.get().filter(|_| remote.get()).map(|s| {
            view! {
                <p class="hint" data-role="corpus-summary" data-cells=s.cells data-worker-mb=format!("{:.0}", s.memory_mb) data-millis=format!("{:.0}", s.millis)>
                    {lang.corpus_summary(s.documents, s.actors, s.cells)}
                </p>
            }
        })
    };
    view! { {opening} {summary} {body} }
}
