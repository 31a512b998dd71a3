//! The stance matrix widget: paste Arabic articles, see who stands where.
//!
//! `main` only installs the panic hook and mounts the app; the components
//! live in [`components`], the state in [`state`], and the JavaScript API in
//! [`api`]. No analysis logic lives here: it is all in `stance-engine`.

mod api;
mod app;
mod background;
mod components;
mod crash;
mod labels;
mod state;

fn main() {
    crash::install_panic_hook();
    leptos::mount::mount_to_body(app::App);
    crash::run_self_test_if_asked();
}
