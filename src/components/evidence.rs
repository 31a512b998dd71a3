//! The selected cell: the sentences behind its stance, each with its
//! speaker, the cue highlighted, the rule behind a "why" toggle and a way
//! into the article at that sentence, and the editor's corrections of the
//! cell and its actor.

use leptos::prelude::*;
use stance_engine::{Evidence, Stance};

use wasm_bindgen::JsCast;

use crate::components::cell_tools::{cell_tools, statement_tools};
use crate::components::glyphs::stance_glyph;
use crate::corpus::{self, CorpusView};
use crate::i18n::Lang;
use crate::matrix_view::{cell_detail, CellDetail};
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

fn evidence_item(evidence: &Evidence, detail: &CellDetail, cell: &SelectedCell, state: AppState, lang: Lang) -> impl IntoView {
    let w = lang.words();
    let r = lang.reading();
    let span = ReaderSpan { document: detail.document.clone(), start: evidence.start, end: evidence.end };
    // Only an article of this session, with its text (a published view may leave texts out).
    let readable = state.loaded_from.get_untracked().is_none()
        && state.article_by_document(&detail.document).is_some_and(|(_, slot)| slot.text.with_untracked(|t| !t.is_empty()));
    view! {
        <li class=format!("evidence-item stance-{}", evidence.stance.label())>
            <p class="evidence-speaker" data-role="speaker">
                {r.speaker} ": " <bdi class="speaker-name">{detail.actor_name.clone()}</bdi>
                " — " <span class="speaker-how">{lang.attribution(&evidence.rule)}</span>
            </p>
            <blockquote dir="auto" lang="ar">{with_cue(evidence)}</blockquote>
            <p class="evidence-meta">
                <span class="glyph" aria-hidden="true">{stance_glyph(evidence.stance)}</span>
                " " {lang.stance(evidence.stance)}
                {(!evidence.cue.is_empty()).then(|| view! { " · " {w.cue} ": " <q dir="auto">{evidence.cue.clone()}</q> })}
                " "
                {readable.then(|| view! {
                    <button type="button" class="link-button" data-role="open-in-article" on:click=move |_| state.reader.set(Some(span.clone()))>
                        {w.open_in_article}
                    </button>
                })}
                {statement_tools(evidence, cell, state, lang)}
            </p>
            <details class="why" data-role="why">
                <summary>{r.why}</summary>
                <p>{r.why_note} " " <code dir="ltr">{evidence.rule.clone()}</code></p>
            </details>
        </li>
    }
}

/// Gives the focus back to the cell whose evidence was open (or, when that
/// cell has scrolled out of the rendered window, to the grid's tab stop).
fn return_focus(selected: &SelectedCell) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let cell = format!("[data-actor=\"{}\"][data-document=\"{}\"]", css_escape(&selected.actor), css_escape(&selected.document));
    let target = document
        .query_selector(&cell)
        .ok()
        .flatten()
        .or_else(|| document.query_selector("[data-role=\"stance-matrix\"] [tabindex=\"0\"]").ok().flatten());
    if let Some(el) = target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
}

/// Escapes a value for a quoted CSS attribute selector.
fn css_escape(value: &str) -> String {
    value.replace('\\', "\\\\").replace('"', "\\\"")
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

/// The evidence and corrections of the selected cell, beside the matrix
/// (in a sheet at the bottom on a phone). The focus stays where it was: a
/// keyboard user opens a cell with Enter and keeps moving in the grid; Tab
/// goes on into the panel; Escape, there or in the grid, closes it and puts
/// the focus back on the cell.
#[component]
pub fn EvidencePanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let corpus = expect_context::<CorpusView>();
    // A result file held by the worker: its cells' evidence is asked for there.
    Effect::new(move |_| {
        if let Some(selected) = state.selected.get() {
            if corpus.active(state) {
                corpus::request_cell(&selected.actor, &selected.document);
            }
        }
    });
    let close = move || {
        if let Some(selected) = state.selected.get_untracked() {
            state.selected.set(None);
            request_animation_frame(move || return_focus(&selected));
        }
    };
    let content = move || {
        let lang = state.lang.get();
        let w = lang.words();
        let selected = state.selected.get()?;
        // A result file held by the worker has no corrections, notes or
        // hand coding: its cells' evidence is all the panel shows.
        let (detail, editing) = if corpus.active(state) {
            (corpus.detail.get().filter(|d| d.actor == selected.actor && d.document == selected.document)?, None)
        } else {
            corrected.with(|edited| {
                let edited = edited.as_ref()?;
                let m = &edited.matrix;
                // A published snapshot has no articles of its own: its columns' order numbers them.
                let number = state
                    .article_by_document(&selected.document)
                    .map(|(n, _)| n)
                    .or_else(|| m.documents.iter().position(|d| d.id == selected.document).map(|i| i + 1))
                    .unwrap_or(0);
                let detail =
                    cell_detail(m, &selected.actor, &selected.document, number, edited.is_edited(&selected.actor, &selected.document))?;
                let others: Vec<(String, String)> =
                    m.actors.iter().filter(|a| a.id != selected.actor).map(|a| (a.id.clone(), a.name.clone())).collect();
                let fixes = (state.loaded_from.get().is_none() && !state.published)
                    .then(|| corrections(&selected, detail.stance, detail.edited, others, state, lang));
                Some((detail, Some(view! { {cell_tools(&selected, edited, state, lang)} {fixes} })))
            })?
        };
        let items = detail.evidence.iter().map(|e| evidence_item(e, &detail, &selected, state, lang)).collect_view();
        Some(view! {
            <div class="evidence-head">
                <h3><bdi>{detail.actor_name.clone()}</bdi>{format!(" — {} — {}", lang.stance(detail.stance), lang.article_n(detail.number))}</h3>
                <button type="button" class="icon-button" data-role="close-evidence" aria-label=lang.reading().close_evidence on:click=move |_| close()>"✕"</button>
            </div>
            {detail.evidence.is_empty().then(|| view! { <p>{w.no_evidence}</p> })}
            <ol class="evidence-list">{items}</ol>
            {editing}
        })
    };
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && state.selected.get_untracked().is_some() {
            ev.prevent_default();
            close();
        }
    };
    view! {
        <aside class="evidence" class:open=move || state.selected.with(Option::is_some) data-role="evidence" aria-live="polite"
            aria-label=move || state.lang.get().words().evidence on:keydown=on_keydown>
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
