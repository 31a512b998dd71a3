//! The stance matrix widget: paste Arabic articles, see who stands where.
//!
//! `main` only installs the panic hook and mounts the app; the components
//! live in [`components`], the state in [`state`], and the JavaScript API in
//! [`api`]. No analysis logic lives here: it is all in `stance-engine`, and
//! corrections, the session file and the exports are in `stance-session`.

mod analysis;
mod api;
mod app;
mod background;
mod browser;
mod components;
mod corpus;
mod crash;
mod embed;
mod examples;
mod grid_window;
mod history;
mod i18n;
mod matrix_view;
mod media;
mod membership;
mod png;
mod published;
mod result_marks;
mod rows;
mod share;
mod state;
mod storage;

/// The analysis with the editor's corrections applied, shared by the
/// matrix, the evidence, the legend and the exports.
#[derive(Clone, Copy)]
pub struct Corrected(pub leptos::prelude::RwSignal<Option<stance_session::EditedMatrix>>);

fn main() {
    crash::install_panic_hook();
    leptos::mount::mount_to_body(app::App);
    crash::run_self_test_if_asked();
}
