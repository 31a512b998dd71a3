//! The selected cell: the sentences behind its stance, with the cue
//! highlighted and a way into the article at that sentence, and the
//! editor's corrections of the cell and its actor.

use leptos::prelude::*;
use stance_engine::{Evidence, Stance};

use crate::components::cell_tools::{cell_tools, statement_tools};
use crate::components::glyphs::stance_glyph;
use crate::i18n::Lang;
use crate::state::{AppState, ReaderSpan, SelectedCell};
use crate::Corrected;

/// Byte range of the cue inside the evidence text: from the cue's own
/// offsets when the analyzer gives them, else its first occurrence.
fn cue_bytes(evidence: &Evidence) -> Option<(usize, usize)> {
    if evidence.cue.is_empty() {
        return None;
    }
    let text = &evidence.text;
    if let Some((s, e)) = evidence.cue_span {
        let byte = |n: usize| text.char_indices().nth(n).map_or(text.len(), |(i, _)| i);
        let (a, b) = (byte(s.saturating_sub(evidence.start)), byte(e.saturating_sub(evidence.start)));
        if a < b {
            return Some((a, b));
        }
    }
    text.find(&evidence.cue).map(|at| (at, at + evidence.cue.len()))
}

/// The evidence text with its cue in a `<mark>`; all of it text nodes.
fn with_cue(evidence: &Evidence) -> impl IntoView {
    let text = &evidence.text;
    match cue_bytes(evidence) {
        Some((at, end)) => {
            view! { {text[..at].to_string()}<mark data-role="cue">{text[at..end].to_string()}</mark>{text[end..].to_string()} }.into_any()
        }
        None => text.clone().into_any(),
    }
}

fn evidence_item(evidence: &Evidence, cell: &SelectedCell, state: AppState, lang: Lang) -> impl IntoView {
    let w = lang.words();
    let document = cell.document.as_str();
    let span = ReaderSpan { document: document.to_string(), start: evidence.start, end: evidence.end };
    // Only an article of this session, with its text (a published view may leave texts out).
    let readable = state.loaded_from.get_untracked().is_none()
        && state.article_by_document(document).is_some_and(|(_, slot)| slot.text.with_untracked(|t| !t.is_empty()));
    view! {
        <li class=format!("evidence-item stance-{}", evidence.stance.label())>
            <blockquote dir="auto" lang="ar">{with_cue(evidence)}</blockquote>
            <p class="evidence-meta">
                <span class="glyph" aria-hidden="true">{stance_glyph(evidence.stance)}</span>
                " " {lang.stance(evidence.stance)}
                {(!evidence.cue.is_empty()).then(|| view! { " · " {w.cue} ": " <q dir="auto">{evidence.cue.clone()}</q> })}
                " · " <code dir="ltr">{evidence.rule.clone()}</code>
                " "
                {readable.then(|| view! {
                    <button type="button" class="link-button" data-role="open-in-article" on:click=move |_| state.reader.set(Some(span.clone()))>
                        {w.open_in_article}
                    </button>
                })}
                {statement_tools(evidence, cell, state, lang)}
            </p>
        </li>
    }
}

/// The corrections of the selected cell and its row.
fn corrections(
    selected: &SelectedCell,
    current: Stance,
    hand_set: bool,
    others: Vec<(String, String)>,
    state: AppState,
    lang: Lang,
) -> impl IntoView {
    let w = lang.words();
    let (actor, document) = (selected.actor.clone(), selected.document.clone());
    let options = Stance::ALL
        .into_iter()
        .map(|s| view! { <option value=s.label() selected=hand_set && s == current>{lang.stance(s)}</option> })
        .collect_view();
    let on_stance = {
        let (actor, document) = (actor.clone(), document.clone());
        move |ev: leptos::ev::Event| {
            let stance = Stance::from_label(&event_target_value(&ev));
            state.edits.update(|e| e.set_stance(&actor, &document, stance));
        }
    };
    let name = RwSignal::new(String::new());
    let on_rename = {
        let actor = actor.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let new_name = name.get_untracked();
            state.edits.update(|e| e.rename(&actor, &new_name));
        }
    };
    let merge_target = RwSignal::new(String::new());
    let on_merge = {
        let actor = actor.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            let into = merge_target.get_untracked();
            if into.is_empty() {
                return;
            }
            let mut edits = state.edits.get_untracked();
            match edits.merge(&actor, &into) {
                Ok(()) => {
                    state.edits.set(edits);
                    state.selected.set(Some(SelectedCell { actor: into, document: document.clone() }));
                }
                Err(_) => state.tell(lang.words().merge_cycle, true, None),
            }
        }
    };
    let on_hide = {
        let actor = actor.clone();
        move |_| {
            state.edits.update(|e| e.set_hidden(&actor, true));
            state.selected.set(None);
        }
    };
    let merge_options = others.into_iter().map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view();
    view! {
        <details class="corrections" data-role="corrections" open>
            <summary>{w.corrections}</summary>
            <label class="control">
                <span>{w.set_stance}</span>
                <select data-role="set-stance" on:change=on_stance>
                    <option value="" selected=!hand_set>{w.from_analysis}</option>
                    {options}
                </select>
            </label>
            <form class="control" on:submit=on_rename>
                <label>
                    <span>{w.rename}</span>
                    <input type="text" data-role="rename" dir="auto" on:input=move |ev| name.set(event_target_value(&ev))/>
                </label>
                <button type="submit" class="button">{w.rename_apply}</button>
            </form>
            <form class="control" on:submit=on_merge>
                <label>
                    <span>{w.merge_into}</span>
                    <select data-role="merge-into" on:change=move |ev| merge_target.set(event_target_value(&ev))>
                        <option value="">"—"</option>
                        {merge_options}
                    </select>
                </label>
                <button type="submit" class="button">{w.merge_apply}</button>
            </form>
            <button type="button" class="button" data-role="hide-actor" on:click=on_hide>{w.hide_actor}</button>
        </details>
    }
}

/// The evidence and corrections of the selected cell.
#[component]
pub fn EvidencePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let panel: NodeRef<leptos::html::Aside> = NodeRef::new();
    // A cell chosen far down a long matrix brings its evidence into view.
    Effect::new(move |_| {
        if state.selected.with(Option::is_some) {
            if let Some(panel) = panel.get_untracked() {
                let options = web_sys::ScrollIntoViewOptions::new();
                options.set_block(web_sys::ScrollLogicalPosition::Nearest);
                panel.scroll_into_view_with_scroll_into_view_options(&options);
            }
        }
    });
    let content = move || {
        let lang = state.lang.get();
        let w = lang.words();
        let selected = state.selected.get()?;
        corrected.with(|edited| {
            let edited = edited.as_ref()?;
            let m = &edited.matrix;
            let actor = m.actors.iter().find(|a| a.id == selected.actor)?;
            let cell = actor.cells.iter().find(|c| c.document == selected.document)?;
            let number = state
                .article_by_document(&cell.document)
                .map(|(n, _)| n)
                .or_else(|| m.documents.iter().position(|d| d.id == cell.document).map(|i| i + 1))
                .unwrap_or(0);
            let items = cell.evidence.iter().map(|e| evidence_item(e, &selected, state, lang)).collect_view();
            let hand_set = edited.is_edited(&actor.id, &cell.document);
            let others: Vec<(String, String)> =
                m.actors.iter().filter(|a| a.id != actor.id).map(|a| (a.id.clone(), a.name.clone())).collect();
            Some(view! {
                <h3><bdi>{actor.name.clone()}</bdi>{format!(" — {} — {}", lang.stance(cell.stance), lang.article_n(number))}</h3>
                {cell.evidence.is_empty().then(|| view! { <p>{w.no_evidence}</p> })}
                <ol class="evidence-list">{items}</ol>
                {cell_tools(&selected, edited, state, lang)}
                {(state.loaded_from.get().is_none() && !state.published).then(|| corrections(&selected, cell.stance, hand_set, others, state, lang))}
            })
        })
    };
    view! {
        <aside node_ref=panel class="evidence" data-role="evidence" aria-live="polite" aria-label=move || state.lang.get().words().evidence>
            {move || content().map(|v| v.into_any()).unwrap_or_else(|| view! { <p class="hint">{state.lang.get().words().pick_cell}</p> }.into_any())}
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cue_marked_is_the_one_the_analyzer_used() {
        let e = Evidence {
            start: 10,
            end: 30,
            text: "رفض الوزير رفض القرار".into(),
            stance: Stance::Against,
            cue: "رفض".into(),
            cue_span: Some((21, 24)),
            rule: String::new(),
        };
        assert_eq!(cue_bytes(&e).map(|(a, b)| &e.text[a..b]), Some("رفض"));
        assert_eq!(cue_bytes(&e).map(|(a, _)| e.text[..a].chars().count()), Some(11));
        let first = Evidence { cue_span: None, ..e.clone() };
        assert_eq!(cue_bytes(&first), Some((0, "رفض".len())));
        let none = Evidence { cue: String::new(), ..e };
        assert_eq!(cue_bytes(&none), None);
    }
}
