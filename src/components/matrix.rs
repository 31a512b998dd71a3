//! The stance matrix: actors as rows, articles as columns, an overall column.
//!
//! A real table (`role="grid"`) with header cells and scopes. One cell is in
//! the tab order at a time; the arrow keys move between cells (mirrored in
//! right-to-left), Home/End go to the row's ends, and Enter or Space opens
//! the evidence. Each stance cell carries `data-actor`, `data-document` and
//! `data-stance` for tests and embedding pages.

use leptos::prelude::*;
use stance_engine::{ActorRow, StanceMatrix};
use stance_session::EditedMatrix;
use wasm_bindgen::JsCast;

use crate::components::glyphs::{overall_glyph, stance_glyph};
use crate::i18n::Lang;
use crate::rows::{arrange, RowGroup};
use crate::state::{has_arabic, AppState, SelectedCell, LIVE_LIMIT_BYTES};
use crate::Corrected;

/// The position of the cell in the tab order: (displayed row, column).
#[derive(Clone, Copy)]
struct GridFocus(RwSignal<(usize, usize)>);

/// The matrix, or the message that stands in for it.
#[component]
pub fn MatrixTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    let corrected = expect_context::<Corrected>().0;
    let focus = GridFocus(RwSignal::new((0, 0)));
    let too_large = Memo::new(move |_| state.total_bytes() > LIVE_LIMIT_BYTES);
    move || {
        let lang = state.lang.get();
        let w = lang.words();
        if too_large.get() && !state.analyze_large.get() && state.loaded_from.get().is_none() {
            let megabytes = state.total_bytes_untracked() as f64 / 1e6;
            return view! {
                <div class="notice-box" role="status" data-role="large-input">
                    <p>{lang.large_input(megabytes)}</p>
                    <button type="button" class="button" on:click=move |_| state.analyze_large.set(true)>{w.analyse_now}</button>
                </div>
            }
            .into_any();
        }
        corrected.with(|edited| match edited {
            None => view! { <p class="empty">"…"</p> }.into_any(),
            Some(e) if e.matrix.documents.is_empty() => {
                let empty = if state.published { lang.news().nothing_published } else { w.empty };
                view! { <p class="empty" data-role="empty">{empty}</p> }.into_any()
            }
            Some(e) if e.matrix.actors.is_empty() && e.hidden.is_empty() => {
                // Read, not tracked: the message follows each analysis, not each keystroke.
                let arabic = state.loaded_from.get().is_some()
                    || state.articles.with_untracked(|a| a.iter().any(|s| s.text.with_untracked(|t| has_arabic(t))));
                let (role, text) = if arabic { ("no-actors", w.no_actors) } else { ("no-arabic", w.no_arabic) };
                view! { <p class="empty" role="status" data-role=role>{text}</p> }.into_any()
            }
            Some(e) => {
                let groups = arrange(
                    &e.matrix,
                    &state.view.search.get(),
                    state.view.stance.get().as_deref(),
                    state.view.sort.get(),
                    state.view.group_by_kind.get(),
                );
                let shown: usize = groups.iter().map(|g| g.rows.len()).sum();
                let total = e.matrix.actors.len();
                view! {
                    <p class="rows-shown" role="status" data-role="rows-shown">{lang.rows_shown(shown, total)}</p>
                    {(shown == 0).then(|| view! { <p class="empty" data-role="no-match">{w.no_match}</p> })}
                    {(shown > 0).then(|| table(e, &groups, state, focus, lang))}
                }
                .into_any()
            }
        })
    }
}

/// An article's column heading: its name (or first line), date and number.
fn column_header(state: AppState, m: &StanceMatrix, index: usize, lang: Lang) -> impl IntoView {
    let d = &m.documents[index];
    let (number, name) = state.article_by_document(&d.id).map_or((index + 1, String::new()), |(n, slot)| (n, slot.name.get_untracked()));
    let title = if !name.trim().is_empty() {
        name
    } else if d.title.is_empty() {
        lang.article_n(number)
    } else {
        d.title.clone()
    };
    let date = d.date.clone();
    let tooltip = title.clone();
    view! {
        <th scope="col" title=tooltip data-document=d.id.clone()>
            <span class="doc-number">{lang.article_n(number)}</span>
            <span class="doc-title" dir="auto">{title}</span>
            {date.map(|date| {
                let shown = date.clone();
                view! { <time class="doc-date" datetime=date dir="ltr">{shown}</time> }
            })}
        </th>
    }
}

fn table(e: &EditedMatrix, groups: &[RowGroup], state: AppState, focus: GridFocus, lang: Lang) -> impl IntoView {
    let w = lang.words();
    let m = &e.matrix;
    let headers = (0..m.documents.len()).map(|i| column_header(state, m, i, lang)).collect_view();
    let columns = m.documents.len() + 2;
    let mut row_number = 0usize;
    let bodies = groups
        .iter()
        .map(|group| {
            let heading = group.kind.map(|kind| {
                view! { <tr class="group-row"><th scope="rowgroup" colspan=columns.to_string() data-role="group">{lang.kind(kind)}</th></tr> }
            });
            let rows = group
                .rows
                .iter()
                .map(|&i| {
                    let r = row(&m.actors[i], m, e, row_number, state, focus, lang);
                    row_number += 1;
                    r
                })
                .collect_view();
            view! { <tbody>{heading}{rows}</tbody> }
        })
        .collect_view();
    let row_count = row_number;
    let column_count = m.documents.len();
    // Keep the roving cell inside the table when rows or columns go away.
    focus.0.update_untracked(|(r, c)| {
        *r = (*r).min(row_count.saturating_sub(1));
        *c = (*c).min(column_count.saturating_sub(1));
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| move_focus(ev, state, focus, row_count, column_count);
    view! {
        <p class="hint" id="grid-hint">{w.keyboard_hint}</p>
        <div class="table-scroll">
            <table data-role="stance-matrix" class="matrix" role="grid" aria-describedby="grid-hint" on:keydown=on_keydown>
                <caption>{w.caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{w.actor}</th>
                        {headers}
                        <th scope="col">{w.overall}</th>
                    </tr>
                </thead>
                {bodies}
            </table>
        </div>
    }
}

fn row(
    actor: &ActorRow,
    m: &StanceMatrix,
    e: &EditedMatrix,
    row_index: usize,
    state: AppState,
    focus: GridFocus,
    lang: Lang,
) -> impl IntoView {
    let w = lang.words();
    let cells = m
        .documents
        .iter()
        .enumerate()
        .map(|(col, doc)| {
            let number = state.article_by_document(&doc.id).map_or(col + 1, |(n, _)| n);
            let tabindex = move || if focus.0.get() == (row_index, col) { "0" } else { "-1" };
            match actor.cells.iter().find(|c| c.document == doc.id) {
                None => view! {
                    <td class="absent" data-row=row_index data-col=col tabindex=tabindex aria-label=format!("{}: {} — {}", actor.name, w.absent, lang.article_n(number))>
                        <span aria-hidden="true">"—"</span>
                    </td>
                }
                .into_any(),
                Some(cell) => {
                    let selected = SelectedCell { actor: actor.id.clone(), document: doc.id.clone() };
                    let is_selected = {
                        let selected = selected.clone();
                        move || state.selected.with(|s| s.as_ref() == Some(&selected))
                    };
                    let edited = e.is_edited(&actor.id, &doc.id);
                    let checked = e.is_checked(&actor.id, &doc.id);
                    let label = lang.stance(cell.stance);
                    view! {
                        <td
                            class=format!("cell stance stance-{}", cell.stance.label())
                            class:edited=edited
                            class:selected=is_selected.clone()
                            aria-selected=move || if is_selected() { "true" } else { "false" }
                            data-actor=actor.id.clone()
                            data-document=doc.id.clone()
                            data-stance=cell.stance.label()
                            data-edited=edited.then_some("true")
                            data-row=row_index
                            data-col=col
                            tabindex=tabindex
                            data-checked=checked.then_some("true")
                            aria-label=lang.cell_label(&actor.name, label, number, edited) + if checked { lang.news().checked_suffix } else { "" }
                            title=format!("{:.0}%", cell.confidence * 100.0)
                            on:click=move |_| {
                                focus.0.set((row_index, col));
                                state.reader.set(None);
                                state.selected.set(Some(selected.clone()));
                            }
                        >
                            <span class="glyph" aria-hidden="true">{stance_glyph(cell.stance)}</span>
                            " "
                            <span class="label">{label}</span>
                            {edited.then(|| view! { <span class="edited-mark" aria-hidden="true">" ✎"</span> })}
                            {checked.then(|| view! { <span class="checked-mark" aria-hidden="true">" ✓"</span> })}
                        </td>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let key = actor.overall.label();
    view! {
        <tr data-actor-row=actor.id.clone()>
            <th scope="row" class="actor" title=actor.aliases.join("، ")>
                <span class="actor-name" dir="auto">{actor.name.clone()}</span>
                {actor.name_en.clone().map(|n| view! { <span class="actor-en" lang="en" dir="ltr">{n}</span> })}
            </th>
            {cells}
            <td class=format!("overall stance stance-{key}") data-overall=key>
                <span class="glyph" aria-hidden="true">{overall_glyph(actor.overall)}</span>
                " "
                {lang.overall(actor.overall)}
            </td>
        </tr>
    }
}

/// Arrow keys, Home/End and Enter/Space on the grid.
fn move_focus(ev: leptos::ev::KeyboardEvent, state: AppState, focus: GridFocus, rows: usize, columns: usize) {
    if rows == 0 || columns == 0 {
        return;
    }
    let rtl = state.lang.get_untracked().dir() == "rtl";
    let (r, c) = focus.0.get_untracked();
    let next = match ev.key().as_str() {
        "ArrowDown" => (r + 1).min(rows - 1),
        "ArrowUp" => r.saturating_sub(1),
        _ => r,
    };
    let forward = |c: usize| (c + 1).min(columns - 1);
    let back = |c: usize| c.saturating_sub(1);
    let col = match ev.key().as_str() {
        "ArrowLeft" if rtl => forward(c),
        "ArrowLeft" => back(c),
        "ArrowRight" if rtl => back(c),
        "ArrowRight" => forward(c),
        "Home" => 0,
        "End" => columns - 1,
        _ => c,
    };
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(table) = target.closest("table").ok().flatten() else { return };
    match ev.key().as_str() {
        "Enter" | " " => {
            ev.prevent_default();
            if let Ok(Some(cell)) = table.query_selector(&format!("[data-row=\"{r}\"][data-col=\"{c}\"]")) {
                if let Ok(cell) = cell.dyn_into::<web_sys::HtmlElement>() {
                    cell.click();
                }
            }
        }
        "ArrowDown" | "ArrowUp" | "ArrowLeft" | "ArrowRight" | "Home" | "End" => {
            ev.prevent_default();
            focus.0.set((next, col));
            if let Ok(Some(cell)) = table.query_selector(&format!("[data-row=\"{next}\"][data-col=\"{col}\"]")) {
                if let Ok(cell) = cell.dyn_into::<web_sys::HtmlElement>() {
                    let _ = cell.focus();
                }
            }
        }
        _ => {}
    }
}
