//! The matrix as a grid: a real `<table role="grid">` with header cells and
//! scopes, of which only the window in view is in the DOM. Spacer rows and
//! columns keep the scroll box's size true, the header row and the actor
//! column are sticky (logical insets, so right to left puts the names on
//! the right), and `aria-rowcount` / `aria-rowindex` (and the column
//! equivalents) tell assistive technology where each rendered row is in
//! the whole.
//!
//! One cell is in the tab order at a time; the arrow keys move between
//! cells (mirrored in right-to-left), Home/End go to the row's ends, and
//! Enter or Space opens the evidence. Moving past the rendered window
//! scrolls the box; the cell is focused once it is rendered. Each stance
//! cell carries `data-actor`, `data-document` and `data-stance` for tests
//! and embedding pages.

use leptos::prelude::*;
use stance_engine::Overall;
use wasm_bindgen::JsCast;

use crate::components::code_cell;
use crate::components::glyphs::overall_glyph;
use crate::components::matrix::MatrixSource;
use crate::grid_window::{line_of_row, reveal, table_width, Viewport, COLUMN_WIDTH, ROW_HEIGHT};
use crate::i18n::Lang;
use crate::matrix_view::{ActorLine, Heading, Line, MatrixWindow};
use crate::state::{AppState, SelectedCell};

/// The cell in the tab order, and whether the grid should take the focus
/// back once the window holding it is rendered.
#[derive(Clone, Copy)]
pub struct GridFocus {
    /// (shown row, article column), both counted in the whole matrix.
    pub at: RwSignal<(usize, usize)>,
    /// A key moved the focus to a cell not yet rendered.
    pending: StoredValue<bool>,
    /// The focus is (or was, before a re-render took its cell away) in the grid.
    inside: StoredValue<bool>,
}

impl GridFocus {
    /// At the first cell.
    pub fn new() -> GridFocus {
        GridFocus { at: RwSignal::new((0, 0)), pending: StoredValue::new(false), inside: StoredValue::new(false) }
    }
}

fn focus_without_scrolling(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// The rendered cell at the focus position, if any.
fn focus_cell(scroller: &web_sys::HtmlElement, (r, c): (usize, usize)) -> Option<web_sys::HtmlElement> {
    scroller.query_selector(&format!("[data-row=\"{r}\"][data-col=\"{c}\"]")).ok().flatten()?.dyn_into().ok()
}

/// Gives the focus back to its cell after a re-render, when a key asked for
/// it or when the re-render took the focused cell away.
fn restore_focus(scroller: &web_sys::HtmlElement, focus: GridFocus) {
    let lost = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.active_element())
        .is_none_or(|a| a.tag_name().eq_ignore_ascii_case("body"));
    let (Some(pending), Some(inside), Some(at)) =
        (focus.pending.try_get_value(), focus.inside.try_get_value(), focus.at.try_get_untracked())
    else {
        return;
    };
    if pending || (inside && lost) {
        if let Some(cell) = focus_cell(scroller, at) {
            focus_without_scrolling(&cell);
            focus.pending.set_value(false);
        }
    }
}

fn measure(scroller: &web_sys::HtmlElement) -> Viewport {
    Viewport {
        top: scroller.scroll_top() as f64,
        inline: (scroller.scroll_left() as f64).abs(),
        height: scroller.client_height() as f64,
        width: scroller.client_width() as f64,
    }
}

/// Arrow keys, Home/End, Enter/Space and Escape on the grid.
fn on_key(ev: leptos::ev::KeyboardEvent, state: AppState, source: MatrixSource, focus: GridFocus, scroller: &web_sys::HtmlElement) {
    let Some((rows, columns, groups)) =
        source.window.with_untracked(|w| w.as_ref().map(|w| (w.rows_total, w.columns_total, w.groups.clone())))
    else {
        return;
    };
    if rows == 0 || columns == 0 {
        return;
    }
    let key = ev.key();
    let rtl = state.lang.get_untracked().dir() == "rtl";
    let (r, c) = focus.at.get_untracked();
    let forward = |c: usize| (c + 1).min(columns - 1);
    let back = |c: usize| c.saturating_sub(1);
    let next = match key.as_str() {
        "ArrowDown" => ((r + 1).min(rows - 1), c),
        "ArrowUp" => (r.saturating_sub(1), c),
        "ArrowLeft" if rtl => (r, forward(c)),
        "ArrowLeft" => (r, back(c)),
        "ArrowRight" if rtl => (r, back(c)),
        "ArrowRight" => (r, forward(c)),
        "Home" => (r, 0),
        "End" => (r, columns - 1),
        "Enter" | " " => {
            ev.prevent_default();
            if let Some(cell) = focus_cell(scroller, (r, c)) {
                cell.click();
            }
            return;
        }
        "Escape" => {
            state.selected.set(None);
            return;
        }
        _ => return,
    };
    ev.prevent_default();
    focus.at.set(next);
    let view = measure(scroller);
    let (top, inline) = reveal(view, line_of_row(next.0, &groups), next.1);
    if top != view.top {
        scroller.set_scroll_top(top as i32);
    }
    if inline != view.inline {
        scroller.set_scroll_left(if rtl { -inline } else { inline } as i32);
    }
    match focus_cell(scroller, next) {
        Some(cell) => focus_without_scrolling(&cell),
        // Focused once the window that holds it is rendered.
        None => focus.pending.set_value(true),
    }
}

/// Moves the tab stop and the selection mark in the rendered cells, in
/// place of a reactive closure in each.
fn mark(scroller: &web_sys::HtmlElement, at: (usize, usize), selected: Option<&SelectedCell>) {
    let all = |selector: &str| scroller.query_selector_all(selector).ok();
    if let Some(stops) = all("[tabindex=\"0\"]") {
        (0..stops.length()).filter_map(|i| stops.item(i)?.dyn_into::<web_sys::Element>().ok()).for_each(|el| {
            let _ = el.set_attribute("tabindex", "-1");
        });
    }
    if let Some(cell) = focus_cell(scroller, at) {
        let _ = cell.set_attribute("tabindex", "0");
    }
    if let Some(marked) = all(".cell.selected") {
        (0..marked.length()).filter_map(|i| marked.item(i)?.dyn_into::<web_sys::Element>().ok()).for_each(|el| {
            let _ = el.class_list().remove_1("selected");
            let _ = el.set_attribute("aria-selected", "false");
        });
    }
    if let Some(s) = selected {
        let found = scroller.query_selector_all("td[data-actor]").ok();
        let cells = found.iter().flat_map(|l| (0..l.length()).filter_map(|i| l.item(i)?.dyn_into::<web_sys::Element>().ok()));
        for el in cells {
            if el.get_attribute("data-actor").as_deref() == Some(&s.actor)
                && el.get_attribute("data-document").as_deref() == Some(&s.document)
            {
                let _ = el.class_list().add_1("selected");
                let _ = el.set_attribute("aria-selected", "true");
            }
        }
    }
}

/// A click on a cell (Enter on one clicks it): it takes the tab stop and,
/// when it has a stance, opens its evidence; an empty one, in the editor's
/// view, starts coding it by hand (its row names the actor, the window's
/// headings the article).
fn on_click(ev: leptos::ev::MouseEvent, state: AppState, source: MatrixSource, focus: GridFocus) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let Some(cell) = target.closest("td[data-row]").ok().flatten() else { return };
    let number = |name: &str| cell.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
    let (Some(row), Some(col)) = (number("data-row"), number("data-col")) else { return };
    focus.at.set((row, col));
    if let (Some(actor), Some(document)) = (cell.get_attribute("data-actor"), cell.get_attribute("data-document")) {
        state.reader.set(None);
        state.selected.set(Some(SelectedCell { actor, document }));
    } else if cell.has_attribute("data-codable") {
        let actor = cell.closest("tr[data-actor-row]").ok().flatten().and_then(|tr| tr.get_attribute("data-actor-row"));
        let document = source
            .window
            .with_untracked(|w| w.as_ref().and_then(|w| w.headings.get(col.checked_sub(w.first_column)?).map(|h| h.id.clone())));
        if let (Some(actor), Some(document)) = (actor, document) {
            code_cell::start(state, SelectedCell { actor, document });
        }
    }
}

fn column_header(h: &Heading, column: usize, lang: Lang) -> impl IntoView {
    let title = if h.title.trim().is_empty() { lang.article_n(h.number) } else { h.title.clone() };
    let tooltip = [Some(title.clone()), h.outlet.clone(), h.date.clone()].into_iter().flatten().collect::<Vec<_>>().join(" — ");
    view! {
        <th scope="col" title=tooltip data-document=h.id.clone() aria-colindex=column + 2>
            <span class="doc-number">{lang.article_n(h.number)}</span>
            <span class="doc-title" dir="auto">{title}</span>
            {h.outlet.clone().map(|o| view! { <span class="doc-outlet" dir="auto" data-role="doc-outlet">{o}</span> })}
            {h.date.clone().map(|date| {
                let shown = date.clone();
                view! { <time class="doc-date" datetime=date dir="ltr">{shown}</time> }
            })}
        </th>
    }
}

/// One row. Its cells are static: no reactive closure and no listener per
/// cell (a window of hundreds of cells is rebuilt on every scroll step and
/// every keystroke of a search, and each closure costs). The tab stop and
/// the selection are moved by [`mark`], clicks are read by the box.
fn actor_row(
    line: &ActorLine,
    index: usize,
    w: &MatrixWindow,
    spacers: (bool, bool),
    state: AppState,
    focus: GridFocus,
    lang: Lang,
) -> impl IntoView {
    let words = lang.words();
    let row = line.row;
    let at = focus.at.get_untracked();
    let selected = state.selected.get_untracked();
    let codable = code_cell::can_code(state);
    let cells = line
        .cells
        .iter()
        .zip(&w.headings)
        .enumerate()
        .map(|(i, (cell, heading))| {
            let col = w.first_column + i;
            let number = heading.number;
            let tabindex = if at == (row, col) { "0" } else { "-1" };
            match cell {
                None => view! {
                    <td class=if codable { "absent codable" } else { "absent" } data-row=row data-col=col aria-colindex=col + 2 tabindex=tabindex
                        data-codable=codable.then_some("true") title=codable.then_some(lang.news().code_cell_title)
                        aria-label=format!("{}: {} — {}", line.name, words.absent, lang.article_n(number))>
                        "—"
                    </td>
                }
                .into_any(),
                Some(cell) => {
                    let is_selected = selected.as_ref().is_some_and(|s| s.actor == line.id && s.document == heading.id);
                    let label = lang.stance(cell.stance);
                    let class = format!(
                        "cell stance stance-{}{}{}{}",
                        cell.stance.label(),
                        if cell.edited { " edited" } else { "" },
                        if cell.checked { " checked" } else { "" },
                        if is_selected { " selected" } else { "" }
                    );
                    view! {
                        <td
                            class=class
                            aria-selected=if is_selected { "true" } else { "false" }
                            data-actor=line.id.clone()
                            data-document=heading.id.clone()
                            data-stance=cell.stance.label()
                            data-edited=cell.edited.then_some("true")
                            data-checked=cell.checked.then_some("true")
                            data-row=row
                            data-col=col
                            aria-colindex=col + 2
                            tabindex=tabindex
                            aria-label=lang.cell_label(&line.name, label, number, cell.edited, cell.checked)
                            title=format!("{:.0}%", cell.confidence * 100.0)
                        >
                            // One text node: the glyph, the ✎ and the ✓ come from the stylesheet
                            // (`.cell[data-stance]::before`, `.cell.edited::after`, `.cell.checked::after`), and the
                            // cell's name is its aria-label. Fewer nodes, faster windows.
                            {label}
                        </td>
                    }
                    .into_any()
                }
            }
        })
        .collect_view();
    let key = line.overall.label();
    let spacer = || view! { <td class="spacer" aria-hidden="true"></td> };
    // A member's row, under its body's: indented, with the body named for
    // assistive technology (the eye sees the indent under the body's row).
    let depth = line.depth.min(3);
    let row_class = (depth > 0).then(|| format!("member depth-{depth}"));
    let member = line.member_of.clone().map(|body| {
        let class = if depth > 0 { "member-of visually-hidden" } else { "member-of" };
        view! { " " <span class=class data-role="member-of">{lang.news().member_of_prefix} " " <bdi>{body}</bdi></span> }
    });
    view! {
        <tr data-actor-row=line.id.clone() class=row_class data-depth=depth aria-rowindex=index + 2>
            <th scope="row" class="actor" title=line.aliases.clone() aria-colindex="1">
                <span class="actor-name" dir="auto">{line.name.clone()}</span>
                {line.name_en.clone().map(|n| view! { " " <span class="actor-en" lang="en" dir="ltr">{n}</span> })}
                {member}
            </th>
            {spacers.0.then(spacer)}
            {cells}
            {spacers.1.then(spacer)}
            <td class=format!("overall stance stance-{key}") data-overall=key aria-colindex=w.columns_total + 2>
                <span class="glyph" aria-hidden="true">{overall_glyph(line.overall)}</span>
                " "
                {lang.overall(line.overall)}
            </td>
        </tr>
    }
}

fn table_view(w: &MatrixWindow, state: AppState, focus: GridFocus, lang: Lang) -> impl IntoView {
    let words = lang.words();
    let shown = w.headings.len();
    let before = w.first_column as f64 * COLUMN_WIDTH;
    let after = w.columns_total.saturating_sub(w.first_column + shown) as f64 * COLUMN_WIDTH;
    let spacers = (before > 0.0, after > 0.0);
    let top = w.first_line as f64 * ROW_HEIGHT;
    let bottom = w.lines_total().saturating_sub(w.first_line + w.lines.len()) as f64 * ROW_HEIGHT;
    let span = shown + 2 + usize::from(spacers.0) + usize::from(spacers.1);
    // Sizes through the CSSOM (`style:`), which the page's CSP allows; a
    // `style` attribute it refuses.
    let spacer_col = |px: f64| view! { <col style:width=format!("{px}px")/> };
    let spacer_head = || view! { <th class="spacer" aria-hidden="true"></th> };
    let spacer_row =
        |px: f64| view! { <tr class="spacer-row" aria-hidden="true" style:height=format!("{px}px")><td colspan=span></td></tr> };
    let headers = w.headings.iter().enumerate().map(|(i, h)| column_header(h, w.first_column + i, lang)).collect_view();
    let lines = w
        .lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let index = w.first_line + i;
            match line {
                Line::Group(g) => view! {
                    <tr class="group-row" aria-rowindex=index + 2>
                        <th scope="rowgroup" colspan=span data-role="group"><span class="group-label">{lang.kind(g.kind)}</span></th>
                    </tr>
                }
                .into_any(),
                Line::Actor(a) => actor_row(a, index, w, spacers, state, focus, lang).into_any(),
            }
        })
        .collect_view();
    let width = table_width(w.columns_total);
    view! {
        <table
            data-role="stance-matrix"
            class="matrix"
            role="grid"
            aria-describedby="grid-hint"
            aria-rowcount=w.lines_total() + 1
            aria-colcount=w.columns_total + 2
            style:width=format!("{width}px")
        >
            <caption>{words.caption}</caption>
            <colgroup>
                <col class="col-actor"/>
                {spacers.0.then(|| spacer_col(before))}
                {(0..shown).map(|_| view! { <col class="col-article"/> }).collect_view()}
                {spacers.1.then(|| spacer_col(after))}
                <col class="col-overall"/>
            </colgroup>
            <thead>
                <tr aria-rowindex="1">
                    <th scope="col" class="actor-head" aria-colindex="1">{words.actor}</th>
                    {spacers.0.then(spacer_head)}
                    {headers}
                    {spacers.1.then(spacer_head)}
                    <th scope="col" class="overall-head" aria-colindex=w.columns_total + 2>{words.overall}</th>
                </tr>
            </thead>
            <tbody>
                {(top > 0.0).then(|| spacer_row(top))}
                {lines}
                {(bottom > 0.0).then(|| spacer_row(bottom))}
            </tbody>
        </table>
    }
}

/// The grid in its scroll box.
#[component]
pub fn Grid(source: MatrixSource, focus: GridFocus) -> impl IntoView {
    let state = expect_context::<AppState>();
    let scroller: NodeRef<leptos::html::Div> = NodeRef::new();
    // `try_`: a resize or a frame callback may come after the grid is gone
    // (the matrix replaced by a message), when its node ref is disposed.
    let update = move || {
        if let Some(Some(el)) = scroller.try_get_untracked() {
            let view = measure(&el);
            if source.viewport.try_get_untracked().is_some_and(|v| v != view) {
                source.viewport.set(view);
            }
        }
    };
    // Measured when mounted and whenever the box changes size (the window,
    // or the evidence panel opening beside it).
    let observer = StoredValue::new_local(None::<web_sys::ResizeObserver>);
    Effect::new(move |_| {
        if let Some(el) = scroller.get() {
            update();
            let on_resize = wasm_bindgen::closure::Closure::<dyn Fn()>::new(update);
            if let Ok(o) = web_sys::ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
                o.observe(&el);
                observer.set_value(Some(o));
            }
            on_resize.forget();
        }
    });
    on_cleanup(move || {
        if let Some(o) = observer.try_get_value().flatten() {
            o.disconnect();
        }
    });
    // Each new window: the focus goes back to its cell if it was in the grid.
    Effect::new(move |_| {
        source.window.track();
        request_animation_frame(move || {
            if let Some(Some(el)) = scroller.try_get_untracked() {
                restore_focus(&el, focus);
            }
        });
    });
    let on_keydown = move |ev: leptos::ev::KeyboardEvent| {
        if let Some(Some(el)) = scroller.try_get_untracked() {
            on_key(ev, state, source, focus, &el);
        }
    };
    let on_focusout = move |ev: leptos::ev::FocusEvent| {
        // Leaving for another element; a cell removed by a re-render leaves for none.
        let to = ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok());
        // (Chromium also fires it while the grid is being removed, its refs disposed.)
        if let (Some(to), Some(Some(el))) = (to, scroller.try_get_untracked()) {
            let _ = focus.inside.try_set_value(el.contains(Some(&to)));
        }
    };
    let table = move || {
        let lang = state.lang.get();
        source.window.with(|w| w.as_ref().map(|w| table_view(w, state, focus, lang)))
    };
    // Keep the tab stop inside the table when rows or columns go away.
    Effect::new(move |_| {
        if let Some((rows, columns)) = source.window.with(|w| w.as_ref().map(|w| (w.rows_total, w.columns_total))) {
            let (r, c) = focus.at.get_untracked();
            let clamped = (r.min(rows.saturating_sub(1)), c.min(columns.saturating_sub(1)));
            if clamped != (r, c) {
                focus.at.set(clamped);
            }
        }
    });
    // The tab stop and the selection follow their signals without a re-render.
    Effect::new(move |_| {
        let at = focus.at.get();
        state.selected.with(|selected| {
            if let Some(el) = scroller.get_untracked() {
                mark(&el, at, selected.as_ref());
            }
        });
    });
    view! {
        <p class="hint" id="grid-hint">{move || {
            let lang = state.lang.get();
            let codable = state.loaded_from.with(Option::is_none) && !state.published;
            view! { {lang.words().keyboard_hint} {codable.then(|| view! { " " {lang.news().empty_cell_hint} })} }
        }}</p>
        <div
            class="table-scroll"
            data-role="matrix-scroll"
            node_ref=scroller
            on:scroll=move |_| update()
            on:keydown=on_keydown
            on:click=move |ev| on_click(ev, state, source, focus)
            on:focusin=move |ev: leptos::ev::FocusEvent| {
                let _ = focus.inside.try_set_value(true);
                // A cell focused some other way than the arrows (a screen
                // reader's own navigation) is the one Enter acts on.
                let cell = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).filter(|el| el.tag_name() == "TD");
                let number = |name: &str| cell.as_ref()?.get_attribute(name)?.parse::<usize>().ok();
                if let (Some(row), Some(col)) = (number("data-row"), number("data-col")) {
                    if focus.at.get_untracked() != (row, col) {
                        focus.at.set((row, col));
                    }
                }
            }
            on:focusout=on_focusout
        >
            {table}
        </div>
    }
}

/// The overall positions' glyph and label, for the cards.
pub fn overall_view(overall: Overall, lang: Lang) -> impl IntoView {
    let key = overall.label();
    view! {
        <span class=format!("overall stance stance-{key}") data-overall=key>
            <span class="glyph" aria-hidden="true">{overall_glyph(overall)}</span>
            " "
            {lang.overall(overall)}
        </span>
    }
}
