//! The legend: every stance with its colour, glyph and label.

use leptos::prelude::*;
use stance_engine::Stance;

use crate::labels::{stance_glyph, stance_key, stance_label};

/// The key to the matrix's colours and glyphs.
#[component]
pub fn Legend() -> impl IntoView {
    let items = [Stance::For, Stance::Against, Stance::Conditional, Stance::None]
        .into_iter()
        .map(|s| {
            view! {
                <li class=format!("stance stance-{}", stance_key(s))>
                    <span class="glyph" aria-hidden="true">{stance_glyph(s)}</span>
                    " "
                    {stance_label(s)}
                </li>
            }
        })
        .collect_view();
    view! { <ul class="legend" aria-label="دليل الألوان">{items}</ul> }
}
