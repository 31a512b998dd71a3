//! The matrix as a PNG picture, drawn on a canvas: each cell in its stance's
//! colour with its glyph and label, right to left for Arabic. Drawn from the
//! data rather than copied from the page, so the picture never holds the
//! page's controls and needs no permission.
//!
//! The picture is made to be published on its own: the title, the legend,
//! the list of articles with their dates (columns are headed by number, so
//! no title is cut), the credit line and the notice that the analysis is
//! automatic, at twice the pixel density.

use stance_engine::StanceMatrix;
use stance_session::publish::Publication;
use stance_session::EditedMatrix;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::glyphs::{overall_glyph, stance_glyph};
use crate::i18n::Lang;
use crate::rows::OVERALLS;

const ROW_HEIGHT: f64 = 34.0;
const NAME_WIDTH: f64 = 260.0;
const CELL_WIDTH: f64 = 170.0;
const PADDING: f64 = 10.0;
const FONT: &str = "15px 'Noto Naskh Arabic', 'Amiri', 'DejaVu Sans', sans-serif";
const TITLE_FONT: &str = "bold 20px 'Noto Naskh Arabic', 'Amiri', 'DejaVu Sans', sans-serif";
/// Device pixels per CSS pixel: sharp on high-density screens and in print.
const SCALE: f64 = 2.0;

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
pub fn matrix_png(edited: &EditedMatrix, titles: &[String], publication: &Publication, lang: Lang) -> Result<String, JsValue> {
    let m: &StanceMatrix = &edited.matrix;
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let canvas: web_sys::HtmlCanvasElement = document.create_element("canvas")?.dyn_into()?;
    let columns = m.documents.len() + 1;
    let width = (NAME_WIDTH + CELL_WIDTH * columns as f64 + 2.0 * PADDING).max(760.0);
    // Title, caption, header, rows, then legend, the articles, credit and notice.
    let footer_lines = 2 + titles.len() + usize::from(!publication.credit.is_empty());
    let height = ROW_HEIGHT * (m.actors.len() + 3 + footer_lines) as f64 + 2.0 * PADDING;
    canvas.set_width((width * SCALE) as u32);
    canvas.set_height((height * SCALE) as u32);
    let ctx: web_sys::CanvasRenderingContext2d = canvas.get_context("2d")?.ok_or("no 2d context")?.dyn_into()?;
    ctx.scale(SCALE, SCALE)?;
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
    // A line of text across the picture, at row `row`.
    let line = |row: usize, text: &str, ink: &str, font: &str| {
        ctx.set_fill_style_str(ink);
        ctx.set_font(font);
        ctx.set_text_align(if rtl { "right" } else { "left" });
        let x = if rtl { width - PADDING - 8.0 } else { PADDING + 8.0 };
        let _ = ctx.fill_text_with_max_width(text, x, PADDING + ROW_HEIGHT * row as f64 + ROW_HEIGHT / 2.0, width - 2.0 * PADDING - 16.0);
    };
    let w = lang.words();
    let n = lang.news();
    let title = if publication.title.is_empty() { w.title } else { publication.title.as_str() };
    line(0, title, "#1b1b1b", TITLE_FONT);
    line(1, w.caption, "#4a4a4a", FONT);
    cell(2, 0, "#f0f0ee", "#1b1b1b", w.actor, true);
    for i in 0..titles.len() {
        cell(2, i + 1, "#f0f0ee", "#1b1b1b", &lang.article_n(i + 1), true);
    }
    cell(2, columns, "#f0f0ee", "#1b1b1b", w.overall, true);
    for (r, actor) in m.actors.iter().enumerate() {
        let row = r + 3;
        cell(row, 0, "#ffffff", "#1b1b1b", &shorten(&actor.name, 30), false);
        for (c, d) in m.documents.iter().enumerate() {
            match actor.cells.iter().find(|x| x.document == d.id) {
                None => cell(row, c + 1, "#ffffff", "#6a6a6a", "—", false),
                Some(x) => {
                    let (fill, ink) = colours(x.stance.label());
                    let mark = if edited.is_edited(&actor.id, &d.id) { " ✎" } else { "" };
                    let checked = if edited.is_checked(&actor.id, &d.id) { " ✓" } else { "" };
                    cell(row, c + 1, fill, ink, &format!("{} {}{mark}{checked}", stance_glyph(x.stance), lang.stance(x.stance)), false);
                }
            }
        }
        let key = actor.overall.label();
        let (fill, ink) = colours(key);
        cell(row, columns, fill, ink, &format!("{} {}", overall_glyph(actor.overall), lang.overall(actor.overall)), true);
    }
    let mut row = m.actors.len() + 3;
    let legend: Vec<String> = OVERALLS.iter().map(|&o| format!("{} {}", overall_glyph(o), lang.overall(o))).collect();
    line(row, &format!("{}   {}   {}", legend.join("   "), w.edited_legend, n.checked_legend), "#1b1b1b", FONT);
    for (i, (title, d)) in titles.iter().zip(&m.documents).enumerate() {
        row += 1;
        // Isolated left to right, or a right-to-left line turns 2024-03-12 around.
        let date = d.date.as_deref().map(|date| format!(" · \u{2066}{date}\u{2069}")).unwrap_or_default();
        line(row, &format!("{}: {}{date}", lang.article_n(i + 1), shorten(title, 110)), "#1b1b1b", FONT);
    }
    if !publication.credit.is_empty() {
        row += 1;
        line(row, &publication.credit, "#4a4a4a", FONT);
    }
    line(row + 1, n.published_notice, "#4a4a4a", FONT);
    canvas.to_data_url_with_type("image/png")
}
