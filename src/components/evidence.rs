//! The evidence of the selected cell: the sentences behind its label.

use leptos::prelude::*;

use crate::labels::{stance_glyph, stance_key, stance_label};
use crate::state::AppState;

/// Lists the evidence of the selected cell, each with its cue and rule.
#[component]
pub fn EvidencePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Borrowed, not cloned: a large result holds thousands of evidence strings.
    let content = move || {
        let selected = state.selected.get()?;
        state.matrix.with(|matrix| {
            let matrix = matrix.as_ref()?;
            let actor = matrix.actors.iter().find(|a| a.id == selected.actor)?;
            let cell = actor.cells.iter().find(|c| c.document == selected.document)?;
            let items = cell
                .evidence
                .iter()
                .map(|e| {
                    view! {
                        <li class=format!("evidence-item stance-{}", stance_key(e.stance))>
                            <blockquote dir="auto">{e.text.clone()}</blockquote>
                            <p class="evidence-meta">
                                <span class="glyph" aria-hidden="true">{stance_glyph(e.stance)}</span>
                                " " {stance_label(e.stance)}
                                {(!e.cue.is_empty()).then(|| view! { " · الإشارة: " <mark>{e.cue.clone()}</mark> })}
                                " · " <code dir="ltr">{e.rule.clone()}</code>
                            </p>
                        </li>
                    }
                })
                .collect_view();
            Some(view! {
                <h3>{format!("{} — {}", actor.name, stance_label(cell.stance))}</h3>
                {cell.evidence.is_empty().then(|| view! { <p>"لا جمل منسوبة تحمل موقفاً."</p> })}
                <ol class="evidence-list">{items}</ol>
            })
        })
    };
    view! {
        <aside class="evidence" data-role="evidence" aria-live="polite" aria-label="الأدلة">
            {move || content().map(|v| v.into_any()).unwrap_or_else(|| view! { <p class="hint">"اختر خلية لترى الجمل التي بُني عليها الموقف."</p> }.into_any())}
        </aside>
    }
}
