//! The matrix as a PNG picture, drawn on a canvas: each cell in its stance's
//! colour with its glyph and label, right to left for Arabic. Drawn from the
//! data rather than copied from the page, so the picture never holds the
//! page's controls and needs no permission.

use stance_engine::StanceMatrix;
use stance_session::EditedMatrix;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::glyphs::{overall_glyph, stance_glyph};
use crate::i18n::Lang;

const ROW_HEIGHT: f64 = 34.0;
const NAME_WIDTH: f64 = 260.0;
const CELL_WIDTH: f64 = 170.0;
const PADDING: f64 = 10.0;
const FONT: &str = "15px 'Noto Naskh Arabic', 'Amiri', 'DejaVu Sans', sans-serif";

/// Fill and ink of a stance, the light scheme's (a picture has no dark mode).
fn colours(label: &str) -> (&'static str, &'static str) {
    match label {
        "for" => ("#e3f0f9", "#005f96"),
        "against" => ("#fbe9dd", "#a14000"),
        "conditional" => ("#fdf1d6", "#7a5600"),
        "mixed" => ("#f1e6f6", "#6f3a8e"),
        _ => ("#eeeeee", "#4a4a4a"),
    }
}

fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        text.chars().take(chars).collect::<String>() + "…"
    }
}

/// Draws `edited` and returns the PNG as a `data:` URL.
pub fn matrix_png(edited: &EditedMatrix, titles: &[String], lang: Lang) -> Result<String, JsValue> {
    let m: &StanceMatrix = &edited.matrix;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let columns = m.documents.len() + 1;
    let width = NAME_WIDTH + CELL_WIDTH * columns as f64 + 2.0 * PADDING;
    let height = ROW_HEIGHT * (m.actors.len() + 2) as f64 + 2.0 * PADDING;
    canvas.set_width(width as u32);
    canvas.set_height(height as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    let rtl = lang.dir() == "rtl";
    // `direction` lays out bidirectional text; web-sys has no stable setter.
    let _ = js_sys::Reflect::set(&ctx, &"direction".into(), &(if rtl { "rtl" } else { "ltr" }).into());
    ctx.set_font(FONT);
    ctx.set_text_baseline("middle");
    ctx.set_fill_style_str("#ffffff");
    ctx.fill_rect(0.0, 0.0, width, height);
    // x of the start edge of column `i` (0 = names), mirrored in RTL.
    let x_of = |i: usize, w: f64| {
        let from_start = if i == 0 { 0.0 } else { NAME_WIDTH + CELL_WIDTH * (i - 1) as f64 };
        if rtl {
            width - PADDING - from_start - w
        } else {
            PADDING + from_start
        }
    };
    let cell = |row: usize, col: usize, fill: &str, ink: &str, text: &str, bold: bool| {
        let w = if col == 0 { NAME_WIDTH } else { CELL_WIDTH };
        let (x, y) = (x_of(col, w), PADDING + ROW_HEIGHT * row as f64);
        ctx.set_fill_style_str(fill);
        ctx.fill_rect(x, y, w, ROW_HEIGHT);
        ctx.set_stroke_style_str("#c8c8c8");
        ctx.stroke_rect(x, y, w, ROW_HEIGHT);
        ctx.set_fill_style_str(ink);
        ctx.set_font(&if bold { format!("bold {FONT}") } else { FONT.to_string() });
        ctx.set_text_align(if rtl { "right" } else { "left" });
        let tx = if rtl { x + w - 8.0 } else { x + 8.0 };
        let _ = ctx.fill_text_with_max_width(text, tx, y + ROW_HEIGHT / 2.0, w - 16.0);
    };
    let w = lang.words();
    cell(0, 0, "#ffffff", "#1b1b1b", &shorten(w.caption, 60), true);
    cell(1, 0, "#f0f0ee", "#1b1b1b", w.actor, true);
    for (i, title) in titles.iter().enumerate() {
        cell(1, i + 1, "#f0f0ee", "#1b1b1b", &shorten(title, 22), true);
    }
    cell(1, columns, "#f0f0ee", "#1b1b1b", w.overall, true);
    for (r, actor) in m.actors.iter().enumerate() {
        let row = r + 2;
        cell(row, 0, "#ffffff", "#1b1b1b", &shorten(&actor.name, 30), false);
        for (c, d) in m.documents.iter().enumerate() {
            match actor.cells.iter().find(|x| x.document == d.id) {
                None => cell(row, c + 1, "#ffffff", "#6a6a6a", "—", false),
                Some(x) => {
                    let (fill, ink) = colours(x.stance.label());
                    let mark = if edited.is_edited(&actor.id, &d.id) { " ✎" } else { "" };
                    cell(row, c + 1, fill, ink, &format!("{} {}{mark}", stance_glyph(x.stance), lang.stance(x.stance)), false);
                }
            }
        }
        let key = actor.overall.label();
        let (fill, ink) = colours(key);
        cell(row, columns, fill, ink, &format!("{} {}", overall_glyph(actor.overall), lang.overall(actor.overall)), true);
    }
    canvas.to_data_url_with_type("image/png")
}
