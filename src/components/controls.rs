//! Search, stance filter (several positions at once), sort order and
//! grouping of the matrix rows.

use leptos::prelude::*;

use stance_engine::Overall;

use crate::components::glyphs::overall_glyph;
use crate::rows::OVERALLS;
use crate::state::{AppState, SortOrder};

fn sort_key(order: SortOrder) -> &'static str {
    match order {
        SortOrder::Analysis => "analysis",
        SortOrder::Name => "name",
        SortOrder::Stance => "stance",
    }
}

/// The controls above the matrix. The search box is never re-rendered while
/// typing, so it keeps its focus.
#[component]
pub fn MatrixControls() -> impl IntoView {
    let state = expect_context::<AppState>();
    let view_options = state.view;
    let words = move || state.lang.get().words();
    // Checked means shown; none stored means all shown.
    let toggle = move |o: Overall, on: bool| {
        view_options.stances.update(|shown| {
            if shown.is_empty() {
                *shown = OVERALLS.to_vec();
            }
            shown.retain(|x| *x != o);
            if on {
                shown.push(o);
            }
            if shown.len() == OVERALLS.len() {
                shown.clear();
            }
        })
    };
    let stance_boxes = move || {
        let lang = state.lang.get();
        OVERALLS
            .iter()
            .map(|&o| {
                let key = o.label();
                view! {
                    <label class=format!("checkbox filter-choice stance-{key}")>
                        <input
                            type="checkbox"
                            data-filter=key
                            prop:checked=move || view_options.stances.with(|s| s.is_empty() || s.contains(&o))
                            on:change=move |ev| toggle(o, event_target_checked(&ev))
                        />
                        <span class="glyph" aria-hidden="true">{overall_glyph(o)}</span>
                        " "
                        {lang.overall(o)}
                    </label>
                }
            })
            .collect_view()
    };
    let reading = move || state.lang.get().reading();
    let sort_options = move || {
        let w = words();
        [(SortOrder::Analysis, w.sort_analysis), (SortOrder::Name, w.sort_name), (SortOrder::Stance, w.sort_stance)]
            .into_iter()
            .map(
                |(order, label)| view! { <option value=sort_key(order) selected=move || view_options.sort.get() == order>{label}</option> },
            )
            .collect_view()
    };
    view! {
        <div class="controls" data-role="controls">
            <label class="control">
                <span>{move || words().search}</span>
                <input
                    type="search"
                    data-role="search"
                    placeholder=move || words().search_placeholder
                    prop:value=move || view_options.search.get()
                    on:input=move |ev| view_options.search.set(event_target_value(&ev))
                />
            </label>
            <fieldset class="control stance-filter" data-role="stance-filter">
                <legend>{move || words().filter}</legend>
                {stance_boxes}
                <button type="button" class="link-button" data-role="filter-everything" on:click=move |_| view_options.stances.set(Vec::new())>
                    {move || words().filter_all}
                </button>
                <button type="button" class="link-button" data-role="filter-not-none" on:click=move |_| {
                    view_options.stances.set(OVERALLS.iter().copied().filter(|o| *o != Overall::None).collect())
                }>
                    {move || reading().filter_not_none}
                </button>
            </fieldset>
            <label class="control">
                <span>{move || words().sort}</span>
                <select data-role="sort" on:change=move |ev| {
                    let order = match event_target_value(&ev).as_str() {
                        "name" => SortOrder::Name,
                        "stance" => SortOrder::Stance,
                        _ => SortOrder::Analysis,
                    };
                    view_options.sort.set(order);
                }>
                    {sort_options}
                </select>
            </label>
            <label class="control checkbox">
                <input
                    type="checkbox"
                    data-role="group-by-kind"
                    prop:checked=move || view_options.group_by_kind.get()
                    on:change=move |ev| view_options.group_by_kind.set(event_target_checked(&ev))
                />
                <span>{move || words().group_by_kind}</span>
            </label>
        </div>
    }
}
