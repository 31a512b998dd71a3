//! Search, stance filter, sort order and grouping of the matrix rows.

use leptos::prelude::*;

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
    let stance_options = move || {
        let lang = state.lang.get();
        OVERALLS
            .iter()
            .map(|&o| {
                let key = o.label();
                view! { <option value=key selected=move || view_options.stance.get().as_deref() == Some(key)>{lang.overall(o)}</option> }
            })
            .collect_view()
    };
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
            <label class="control">
                <span>{move || words().filter}</span>
                <select data-role="stance-filter" on:change=move |ev| {
                    let value = event_target_value(&ev);
                    view_options.stance.set((!value.is_empty()).then_some(value));
                }>
                    <option value="" selected=move || view_options.stance.get().is_none()>{move || words().filter_all}</option>
                    {stance_options}
                </select>
            </label>
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
