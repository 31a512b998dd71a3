//! The matrix on a phone: one card per actor, listing only the articles in
//! which the actor speaks, each a button that opens its evidence. A table
//! of dozens of columns cannot be read at 375 px; a list of cards can, and
//! it reads in order for a screen reader too. Cards come in pages ("show
//! more"), so a corpus of thousands of actors renders a page at a time.

use leptos::prelude::*;

use crate::components::glyphs::stance_glyph;
use crate::components::matrix::{MatrixSource, CARD_STEP};
use crate::components::matrix_grid::overall_view;
use crate::matrix_view::{Line, MatrixWindow};
use crate::state::{AppState, SelectedCell};

fn cards_view(w: &MatrixWindow, state: AppState) -> impl IntoView {
    let lang = state.lang.get();
    w.lines
        .iter()
        .map(|line| match line {
            Line::Group(g) => view! { <li class="card-group" data-role="group">{lang.kind(g.kind)}</li> }.into_any(),
            Line::Actor(a) => {
                let cells = a
                    .cells
                    .iter()
                    .zip(&w.headings)
                    .filter_map(|(cell, h)| cell.map(|cell| (cell, h)))
                    .map(|(cell, h)| {
                        let selected = SelectedCell { actor: a.id.clone(), document: h.id.clone() };
                        let title = if h.title.trim().is_empty() { lang.article_n(h.number) } else { h.title.clone() };
                        let label = lang.stance(cell.stance);
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class=format!("card-cell stance stance-{}", cell.stance.label())
                                    data-actor=a.id.clone()
                                    data-document=h.id.clone()
                                    data-stance=cell.stance.label()
                                    aria-label=lang.cell_label(&a.name, label, h.number, cell.edited, cell.checked)
                                    on:click=move |_| {
                                        state.reader.set(None);
                                        state.selected.set(Some(selected.clone()));
                                    }
                                >
                                    <span class="card-article" dir="auto">{title}</span>
                                    <span class="card-stance">
                                        <span class="glyph" aria-hidden="true">{stance_glyph(cell.stance)}</span>
                                        " " {label}
                                        {cell.edited.then(|| view! { <span class="edited-mark" aria-hidden="true">" ✎"</span> })}
                                        {cell.checked.then(|| view! { <span class="checked-mark" aria-hidden="true">" ✓"</span> })}
                                    </span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view();
                // A member's card, under its body's: indented, and naming the body.
                let member = a.member_of.clone().map(|body| {
                    view! { <p class="member-of" data-role="member-of">{lang.news().member_of_prefix} " " <bdi>{body}</bdi></p> }
                });
                view! {
                    <li class="actor-card" class:member={a.depth > 0} data-actor-row=a.id.clone() data-depth=a.depth.min(3)>
                        <h3 class="actor-name" dir="auto">{a.name.clone()}</h3>
                        {member}
                        {a.name_en.clone().map(|n| view! { <p class="actor-en" lang="en" dir="ltr">{n}</p> })}
                        <p class="card-overall">{lang.words().overall} ": " {overall_view(a.overall, lang)}</p>
                        <ul class="card-cells">{cells}</ul>
                    </li>
                }
                .into_any()
            }
        })
        .collect_view()
}

/// One card per actor.
#[component]
pub fn ActorCards(source: MatrixSource) -> impl IntoView {
    let state = expect_context::<AppState>();
    let more = move || {
        source.window.with(|w| w.as_ref().map(|w| w.first_line + w.lines.len() < w.lines_total())).unwrap_or(false).then(|| {
            view! {
                <button type="button" class="button" data-role="more-cards" on:click=move |_| source.cards.update(|n| *n += CARD_STEP)>
                    {move || state.lang.get().reading().more_cards}
                </button>
            }
        })
    };
    view! {
        <ul class="actor-cards" data-role="actor-cards" aria-label=move || state.lang.get().words().caption
            on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Escape" { state.selected.set(None) }>
            {move || source.window.with(|w| w.as_ref().map(|w| cards_view(w, state)))}
        </ul>
        {more}
    }
}
