//! The page's width class, as a signal: on a phone the matrix becomes one
//! card per actor and the toolbar folds into a menu. CSS alone cannot do
//! either well (a virtual table's rows have one fixed height; a folded menu
//! needs a real disclosure for keyboards and screen readers).

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// The width below which the page is laid out for a phone.
const PHONE_QUERY: &str = "(max-width: 40rem)";

/// Whether the page is phone-wide; follows resizes and rotation.
pub fn phone() -> ReadSignal<bool> {
    let query = web_sys::window().and_then(|w| w.match_media(PHONE_QUERY).ok().flatten());
    let (narrow, set_narrow) = signal(query.as_ref().is_some_and(|q| q.matches()));
    if let Some(query) = query {
        let watched = query.clone();
        let on_change = Closure::<dyn Fn(web_sys::Event)>::new(move |_| set_narrow.set(watched.matches()));
        let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        on_change.forget();
    }
    narrow
}

/// The phone signal shared by the components.
#[derive(Clone, Copy)]
pub struct Phone(pub ReadSignal<bool>);
