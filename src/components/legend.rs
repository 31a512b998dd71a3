//! The legend and the counts: every overall position with its colour, glyph,
//! label and how many rows hold it, and what each label (and "—") means.

use leptos::prelude::*;

use crate::components::glyphs::overall_glyph;
use crate::corpus::CorpusView;
use crate::rows::{counts, OVERALLS};
use crate::state::AppState;
use crate::Corrected;

/// The key to the matrix's colours and glyphs, with counts per stance.
#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let corpus = expect_context::<CorpusView>();
    move || {
        let lang = state.lang.get();
        let w = lang.words();
        let numbers = if corpus.active(state) {
            corpus.summary.with(|s| s.as_ref().map(|s| s.counts.clone())).unwrap_or_default()
        } else {
            corrected.with(|e| e.as_ref().map(|e| counts(&e.matrix))).unwrap_or_default()
        };
        let items = OVERALLS
            .iter()
            .map(|&o| {
                let key = o.label();
                let count = numbers.iter().find(|(x, _)| *x == o).map(|(_, n)| *n);
                view! {
                    <li class=format!("stance stance-{key}") data-count=key>
                        <span class="glyph" aria-hidden="true">{overall_glyph(o)}</span>
                        " "
                        {lang.overall(o)}
                        {count.map(|n| view! { " " <span class="count">{n}</span> })}
                    </li>
                }
            })
            .collect_view();
        let definitions = OVERALLS
            .iter()
            .map(|&o| {
                let key = o.label();
                view! {
                    <dt class=format!("stance stance-{key}") data-term=key><span class="glyph" aria-hidden="true">{overall_glyph(o)}</span> " " {lang.overall(o)}</dt>
                    <dd>{lang.definition(o)}</dd>
                }
            })
            .collect_view();
        view! {
            <ul class="legend" aria-label=format!("{} — {}", w.legend, w.counts) data-role="legend">
                {items}
                <li class="edited-key">{w.edited_legend}</li>
                <li class="edited-key">{lang.news().checked_legend}</li>
            </ul>
            <details class="legend-definitions" data-role="legend-definitions">
                <summary>{lang.reading().definitions}</summary>
                <dl>
                    {definitions}
                    <dt data-term="absent"><span aria-hidden="true">"—"</span> " " {w.absent}</dt>
                    <dd>{lang.reading().absent_definition}</dd>
                </dl>
            </details>
        }
    }
}
