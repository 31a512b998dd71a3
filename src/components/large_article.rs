//! Editing large articles without freezing the page: reading a text area
//! only after a pause, and taking over pastes that would make it huge.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{AppState, ArticleSlot};

/// Articles larger than this (bytes) show a preview until opened for
/// editing: laying out megabytes in a text area stalls the page.
pub const LARGE_ARTICLE_BYTES: usize = 400_000;

/// Most text laid out in text areas at once when a session opens (a share
/// link, a file, a reload), all articles together (bytes). Chromium lays
/// out a text area of Arabic at about 2.8 ms per thousand characters on
/// this machine (550 ms for 195,000), so a session of many articles each
/// under [`LARGE_ARTICLE_BYTES`] (a share link of 24 articles of 390 KB, say)
/// would otherwise freeze the tab for seconds; within this budget the
/// layout stays near a quarter of a second.
pub const LAYOUT_BUDGET_BYTES: usize = 100_000;

/// Which articles, given their sizes in column order, open as a preview
/// because the text areas before them already hold [`LAYOUT_BUDGET_BYTES`]:
/// text areas are given out in column order while the budget lasts. (An
/// article over [`LARGE_ARTICLE_BYTES`] is a preview anyway and takes none.)
pub fn over_layout_budget(sizes: &[usize]) -> Vec<bool> {
    let mut laid_out = 0usize;
    sizes
        .iter()
        .map(|&size| {
            if size > LARGE_ARTICLE_BYTES {
                return false;
            }
            if laid_out + size > LAYOUT_BUDGET_BYTES {
                return true;
            }
            laid_out += size;
            false
        })
        .collect()
}

/// Articles larger than this (bytes) when opened are edited without an
/// `input` listener. Chromium builds a text area's value afresh for every
/// `input` (or `beforeinput`) listener on its path, even an empty one: about
/// 160 ms per keystroke at 1 MB, measured on a bare page. Such an article is
/// read after a pause in typing, on blur and when the page is hidden; key,
/// caret (`selectionchange`, which also fires for text inserted without key
/// events), clipboard, drop and IME events say that it may have changed.
/// (Leptos attaches listeners to their own elements here, its `delegation`
/// feature being off, so no other `input` listener is on a text area's path.)
pub const READ_ON_PAUSE_BYTES: usize = 100_000;
/// The pause after which a large article is read.
const READ_PAUSE: std::time::Duration = std::time::Duration::from_millis(400);

/// Articles larger than this (bytes) are opened for editing only after a
/// warning: Chromium lays a text area of 10 MB out in 7.6 s on this
/// machine, during which the page answers nothing, and no chunking of one
/// text area avoids it. The editor is told before, with the time to expect.
pub const WARN_EDIT_BYTES: usize = 2_000_000;

/// The stall to expect when `bytes` of text open in a text area, in seconds
/// (0.76 s per megabyte, measured as above).
pub fn edit_stall_seconds(bytes: usize) -> f64 {
    bytes as f64 / 1e6 * 0.76
}

/// Reads a large article's text area into its slot, if it changed.
pub fn read_area(slot: ArticleSlot, area: &web_sys::HtmlTextAreaElement) {
    let value = area.value();
    if slot.text.with_untracked(|t| *t != value) {
        slot.text.set(value);
    }
}

/// Reads every large article still waiting for its pause (the page is going away).
pub fn flush_pending_reads(state: AppState) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Ok(areas) = document.query_selector_all("textarea[data-read-on-pause]") else { return };
    for i in 0..areas.length() {
        let Some(area) = areas.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { continue };
        let id = area.get_attribute("data-article").and_then(|v| v.parse::<u32>().ok());
        if let Some(slot) = state.articles.with_untracked(|a| a.iter().find(|s| Some(s.id) == id).copied()) {
            read_area(slot, &area);
        }
    }
}

/// Reads a large article now (it lost the focus), cancelling a pending read.
pub fn read_now(slot: ArticleSlot, ev: &web_sys::Event, pending: StoredValue<u64>) {
    pending.update_value(|p| *p += 1);
    if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        read_area(slot, &area);
    }
}

/// Notes a change to a large article and reads it after a pause.
pub fn read_after_pause(slot: ArticleSlot, ev: &web_sys::Event, pending: StoredValue<u64>) {
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return };
    pending.update_value(|p| *p += 1);
    let mine = pending.get_value();
    set_timeout(
        move || {
            if pending.get_value() == mine {
                read_area(slot, &area);
            }
        },
        READ_PAUSE,
    );
}

/// Takes over a paste that would make the article large: the text goes
/// straight into the article, which then shows as a preview, so the text
/// area never has to lay out megabytes (seconds per megabyte in Chromium).
/// Smaller pastes are left to the browser. Returns whether it took over.
pub fn take_large_paste(slot: ArticleSlot, ev: &web_sys::ClipboardEvent) -> bool {
    let Some(pasted) = ev.clipboard_data().and_then(|d| d.get_data("text/plain").ok()) else { return false };
    let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) else { return false };
    let before = area.value();
    if pasted.len() + before.len() <= LARGE_ARTICLE_BYTES {
        return false;
    }
    ev.prevent_default();
    // Selection offsets are UTF-16 code units.
    let units: Vec<u16> = before.encode_utf16().collect();
    let start = area.selection_start().ok().flatten().map_or(units.len(), |s| s as usize).min(units.len());
    let end = area.selection_end().ok().flatten().map_or(start, |e| e as usize).clamp(start, units.len());
    let mut text = String::from_utf16_lossy(&units[..start]);
    text.push_str(&pasted);
    text.push_str(&String::from_utf16_lossy(&units[end..]));
    slot.text.set(text);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_areas_share_one_layout_budget_in_column_order() {
        assert_eq!(over_layout_budget(&[]), Vec::<bool>::new());
        assert_eq!(over_layout_budget(&[10, 20, 30]), vec![false; 3]);
        // 24 articles of 390 KB: all wait to be opened.
        assert_eq!(over_layout_budget(&[390_000; 24]), vec![true; 24]);
        // Small articles fill the budget in column order; a small one after a
        // big one still fits; one over the per-article limit is a preview of
        // its own and takes nothing from the budget.
        assert_eq!(over_layout_budget(&[60_000, 50_000, 30_000, 5_000_000, 10_000]), vec![false, true, false, false, false]);
        let sizes = [40_000usize; 24];
        let over = over_layout_budget(&sizes);
        let total: usize = sizes.iter().zip(&over).filter(|(_, &b)| !b).map(|(s, _)| s).sum();
        assert!(total <= LAYOUT_BUDGET_BYTES && over.iter().filter(|&&b| !b).count() == 2);
    }
}
