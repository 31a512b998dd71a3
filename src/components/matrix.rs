//! The stance matrix: actors as rows, articles as columns.

use leptos::prelude::*;
use stance_engine::{ActorRow, StanceMatrix};

use crate::labels::{overall_parts, stance_glyph, stance_key, stance_label};
use crate::state::{has_arabic, AppState, SelectedCell, LIVE_LIMIT_BYTES};

/// The matrix as a real table with header cells; each stance cell carries
/// `data-actor`, `data-document` and `data-stance` for tests and embedding.
#[component]
pub fn MatrixTable() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Memos, so that typing re-renders the table only when these answers change.
    let too_large = Memo::new(move |_| state.text.with(|t| t.len() > LIVE_LIMIT_BYTES));
    let arabic = Memo::new(move |_| state.text.with(|t| has_arabic(t)));
    // Borrowed, not cloned: a large result holds thousands of evidence strings.
    move || {
        state.matrix.with(|matrix| match matrix {
        _ if too_large.get() && !state.analyze_large.get() && state.loaded_from.get().is_none() => {
            let megabytes = state.text.with_untracked(|t| t.len()) as f64 / 1_000_000.0;
            view! {
                <div class="notice-box" role="status" data-role="large-input">
                    <p>{format!("النص كبير ({megabytes:.1} ميغابايت)، فلا يُحلَّل مع كل ضغطة مفتاح كي تبقى الصفحة سريعة الاستجابة.")}</p>
                    <button type="button" class="button" on:click=move |_| state.analyze_large.set(true)>"حلّل الآن"</button>
                </div>
            }
            .into_any()
        }
        None => view! { <p class="empty">"…"</p> }.into_any(),
        Some(m) if m.documents.is_empty() => view! { <p class="empty">"لا نص بعد. الصق مقالاً لتظهر المواقف."</p> }.into_any(),
        Some(m) if m.actors.is_empty() && state.loaded_from.get().is_none() && !arabic.get() => {
            view! { <p class="empty" role="status" data-role="no-arabic">"لم يُعثر على نص عربي. هذه الأداة تحلل المقالات الإخبارية المكتوبة بالعربية."</p> }.into_any()
        }
        Some(m) if m.actors.is_empty() => {
            view! { <p class="empty" role="status">"لم يُعثر على أطراف منسوب إليها كلام أو موقف في هذا النص."</p> }.into_any()
        }
        Some(m) => table(m, state).into_any(),
    })
    }
}

fn table(m: &StanceMatrix, state: AppState) -> impl IntoView {
    let headers = m
        .documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let title = if d.title.is_empty() { format!("المقال {}", i + 1) } else { d.title.clone() };
            let tooltip = title.clone();
            view! { <th scope="col" title=tooltip><span class="doc-title">{title}</span></th> }
        })
        .collect_view();
    let doc_ids: Vec<String> = m.documents.iter().map(|d| d.id.clone()).collect();
    let rows = m.actors.iter().map(|a| row(a, &doc_ids, state)).collect_view();
    view! {
        <div class="table-scroll">
            <table data-role="stance-matrix" class="matrix">
                <caption>"مواقف الأطراف من انسحاب القوات، لكل مقال"</caption>
                <thead>
                    <tr>
                        <th scope="col">"الطرف"</th>
                        {headers}
                        <th scope="col">"الإجمالي"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}

fn row(actor: &ActorRow, doc_ids: &[String], state: AppState) -> impl IntoView {
    let cells = doc_ids
        .iter()
        .enumerate()
        .map(|(i, doc)| match actor.cells.iter().find(|c| &c.document == doc) {
            None => view! { <td class="absent"><span aria-hidden="true">"—"</span></td> }.into_any(),
            Some(cell) => {
                let selected = SelectedCell { actor: actor.id.clone(), document: doc.clone() };
                let is_selected = {
                    let selected = selected.clone();
                    move || state.selected.get().as_ref() == Some(&selected)
                };
                let aria = format!("{}: {} — المقال {}", actor.name, stance_label(cell.stance), i + 1);
                view! {
                    <td
                        class=format!("cell stance stance-{}", stance_key(cell.stance))
                        class:selected=is_selected
                        data-actor=actor.id.clone()
                        data-document=doc.clone()
                        data-stance=stance_key(cell.stance)
                        tabindex="0"
                        role="button"
                        aria-label=aria
                        title=format!("الثقة {:.0}٪", cell.confidence * 100.0)
                        on:click=move |_| state.selected.set(Some(selected.clone()))
                    >
                        <span class="glyph" aria-hidden="true">{stance_glyph(cell.stance)}</span>
                        " "
                        <span class="label">{stance_label(cell.stance)}</span>
                    </td>
                }
                .into_any()
            }
        })
        .collect_view();
    let (key, glyph, label) = overall_parts(actor.overall);
    let aliases = actor.aliases.join("، ");
    view! {
        <tr>
            <th scope="row" class="actor" title=aliases>
                <span class="actor-name">{actor.name.clone()}</span>
                {actor.name_en.clone().map(|n| view! { <span class="actor-en" lang="en" dir="ltr">{n}</span> })}
            </th>
            {cells}
            <td class=format!("overall stance stance-{key}")>
                <span class="glyph" aria-hidden="true">{glyph}</span>
                " "
                {label}
            </td>
        </tr>
    }
}
