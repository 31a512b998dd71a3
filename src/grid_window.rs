//! The part of a large matrix worth rendering: which lines (rows and group
//! headings) and which article columns lie in the scroll box, plus a margin.
//!
//! The matrix is a real table whose rows have one fixed height and whose
//! article columns have one fixed width, so every position is arithmetic:
//! nothing is measured per row. A matrix of a few hundred lines and a few
//! dozen articles is rendered whole (find-in-page and printing see all of
//! it); beyond that only the window is, with spacers standing in for the
//! rest, so a result file of 10,000 articles costs the same as one of ten.

use std::ops::Range;

use crate::rows::GroupStart;

/// Height of a body row, in CSS pixels (the stylesheet sets the same).
pub const ROW_HEIGHT: f64 = 40.0;
/// Width of an article column.
pub const COLUMN_WIDTH: f64 = 128.0;
/// Width of the sticky actor column.
pub const ACTOR_WIDTH: f64 = 176.0;
/// Width of the sticky overall column.
pub const OVERALL_WIDTH: f64 = 112.0;
/// Height of the sticky header row.
pub const HEADER_HEIGHT: f64 = 84.0;
/// Matrices of at most this many lines are rendered whole, when they also
/// have at most [`FULL_CELLS`] cells.
pub const FULL_LINES: usize = 200;
/// Matrices of at most this many articles are rendered whole, sideways,
/// when they also have at most [`FULL_CELLS`] cells.
pub const FULL_COLUMNS: usize = 40;
/// Most cells rendered at once for a matrix rendered whole (Chromium builds
/// about ten thousand cells a second here, so this stays under 0.2 s).
pub const FULL_CELLS: usize = 1_500;
/// Lines rendered beyond each edge of the box.
const LINE_MARGIN: usize = 4;
/// Columns rendered beyond each edge of the box.
const COLUMN_MARGIN: usize = 2;

/// The scroll box: where it is scrolled to and how big it is (CSS pixels).
/// `inline` is the distance scrolled from the inline start, whatever the
/// direction (Chromium reports right-to-left scrolling as negative).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Viewport {
    /// Scrolled from the top.
    pub top: f64,
    /// Scrolled from the inline start.
    pub inline: f64,
    /// The box's inner height.
    pub height: f64,
    /// The box's inner width.
    pub width: f64,
}

/// The items of `count` (each `size` long) that meet `[offset, offset +
/// extent)`, widened by `margin` items and rounded out to multiples of
/// `margin`, so that a few pixels of scrolling do not re-render anything.
fn span(offset: f64, extent: f64, size: f64, count: usize, margin: usize) -> Range<usize> {
    let first = (offset.max(0.0) / size).floor() as usize;
    let last = ((offset.max(0.0) + extent.max(size)) / size).ceil() as usize;
    let step = margin.max(1);
    let start = first.saturating_sub(margin) / step * step;
    let end = (last + margin).div_ceil(step) * step;
    start.min(count)..end.min(count)
}

/// How much of a small matrix to render.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Extent {
    /// A small matrix whole (the page's own analysis: find-in-page and print see all of it).
    WholeWhenSmall,
    /// Only the window in view, however small the matrix (a result file held
    /// by the worker: its filtered views change with each keystroke, and a
    /// whole one would cost several windows' worth of cells each time).
    Window,
}

/// The lines to render, of `total`, in a matrix of `columns` articles.
pub fn lines_in_view(view: Viewport, total: usize, columns: usize, extent: Extent) -> Range<usize> {
    if extent == Extent::WholeWhenSmall && total <= FULL_LINES && total * columns.min(FULL_COLUMNS + 1) <= FULL_CELLS {
        return 0..total;
    }
    // Before the box is measured, a screenful.
    let height = if view.height > 0.0 { view.height - HEADER_HEIGHT } else { 800.0 };
    span(view.top, height, ROW_HEIGHT, total, LINE_MARGIN)
}

/// The article columns to render, of `total`, in a matrix of `lines` lines.
pub fn columns_in_view(view: Viewport, total: usize, lines: usize, extent: Extent) -> Range<usize> {
    if extent == Extent::WholeWhenSmall && total <= FULL_COLUMNS && total * lines.min(FULL_LINES + 1) <= FULL_CELLS {
        return 0..total;
    }
    let width = if view.width > 0.0 { view.width - ACTOR_WIDTH - OVERALL_WIDTH } else { 1600.0 };
    span(view.inline, width, COLUMN_WIDTH, total, COLUMN_MARGIN)
}

/// Whether an answer to a request for `asked` is also the answer for
/// `wanted`, in a matrix of `totals` (lines, columns): the worker clips
/// every range to the matrix, so once a window brings new totals the ranges
/// in view often shrink to exactly what it already holds, and asking again
/// would only render the same cells twice.
pub fn same_answer(asked: &(Range<usize>, Range<usize>), wanted: &(Range<usize>, Range<usize>), totals: (usize, usize)) -> bool {
    let clip = |r: &Range<usize>, total: usize| r.start.min(total)..r.end.min(total);
    clip(&asked.0, totals.0) == clip(&wanted.0, totals.0) && clip(&asked.1, totals.1) == clip(&wanted.1, totals.1)
}

/// The whole table's width.
pub fn table_width(columns: usize) -> f64 {
    ACTOR_WIDTH + columns as f64 * COLUMN_WIDTH + OVERALL_WIDTH
}

/// What a line of the table is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    /// The heading of group `n`.
    Group(usize),
    /// Shown row `n`.
    Row(usize),
}

/// Lines in all: every shown row and every group heading.
pub fn line_count(rows: usize, groups: &[GroupStart]) -> usize {
    rows + groups.len()
}

/// The line that shows row `row`: the row, moved down by each group
/// heading above it.
pub fn line_of_row(row: usize, groups: &[GroupStart]) -> usize {
    row + groups.iter().filter(|g| g.first_row <= row).count()
}

/// What line `line` shows. Group `n`'s heading is on line `first_row + n`:
/// the rows before it and one heading for each group before it.
pub fn line_kind(line: usize, groups: &[GroupStart]) -> LineKind {
    let mut headings_before = 0;
    for (n, g) in groups.iter().enumerate() {
        let heading = g.first_row + n;
        if heading == line {
            return LineKind::Group(n);
        }
        if heading < line {
            headings_before += 1;
        }
    }
    LineKind::Row(line - headings_before)
}

/// Where to scroll so that line `line` and column `column` are inside the
/// box, from where it is now: `(top, inline)`, unchanged when already seen.
pub fn reveal(view: Viewport, line: usize, column: usize) -> (f64, f64) {
    let row_top = line as f64 * ROW_HEIGHT;
    let visible = (view.height - HEADER_HEIGHT).max(ROW_HEIGHT);
    let top = if row_top < view.top {
        row_top
    } else if row_top + ROW_HEIGHT > view.top + visible {
        row_top + ROW_HEIGHT - visible
    } else {
        view.top
    };
    let col_start = column as f64 * COLUMN_WIDTH;
    let seen = (view.width - ACTOR_WIDTH - OVERALL_WIDTH).max(COLUMN_WIDTH);
    let inline = if col_start < view.inline {
        col_start
    } else if col_start + COLUMN_WIDTH > view.inline + seen {
        col_start + COLUMN_WIDTH - seen
    } else {
        view.inline
    };
    (top, inline)
}

#[cfg(test)]
mod tests {
    use super::*;
    use stance_engine::ActorKind;

    const W: Extent = Extent::WholeWhenSmall;

    #[test]
    fn small_matrices_render_whole_and_large_ones_a_window() {
        let view = Viewport { top: 0.0, inline: 0.0, height: 600.0, width: 1000.0 };
        assert_eq!(lines_in_view(view, 150, 3, W), 0..150);
        assert_eq!(columns_in_view(view, 30, 20, W), 0..30);
        // Small both ways but many cells: a window.
        assert!(lines_in_view(view, 150, 40, W).len() < 60);
        assert!(columns_in_view(view, 40, 150, W).len() < 20);
        let lines = lines_in_view(view, 5_000, 3, W);
        assert_eq!(lines.start, 0);
        assert!(lines.end >= 13 && lines.end <= 40, "{lines:?}");
        // Far down and far sideways: the window moves, and stays small.
        let far = Viewport { top: 100_000.0, inline: 640_000.0, ..view };
        let lines = lines_in_view(far, 5_000, 10_000, W);
        assert!(lines.start <= 2_500 && lines.end >= 2_513 && lines.len() <= 40, "{lines:?}");
        let columns = columns_in_view(far, 10_000, 5_000, W);
        assert!(columns.start <= 5_000 && columns.end >= 5_006 && columns.len() <= 20, "{columns:?}");
        // A few pixels further: the same window.
        assert_eq!(lines_in_view(Viewport { top: 100_010.0, ..far }, 5_000, 3, W), lines_in_view(far, 5_000, 3, W));
        // The end is never passed.
        assert_eq!(lines_in_view(Viewport { top: 1e9, ..view }, 5_000, 3, W).end, 5_000);
    }

    #[test]
    fn a_window_only_matrix_renders_a_small_one_in_a_window_too() {
        let view = Viewport { top: 0.0, inline: 0.0, height: 600.0, width: 1000.0 };
        // 15 rows × 40 articles: whole on the page, a screenful from the worker.
        assert_eq!(columns_in_view(view, 40, 15, W), 0..40);
        let columns = columns_in_view(view, 40, 15, Extent::Window);
        assert!(columns.start == 0 && columns.len() < 15, "{columns:?}");
        assert_eq!(lines_in_view(view, 15, 40, Extent::Window), 0..15);
    }

    #[test]
    fn an_answer_clipped_to_new_totals_is_not_asked_for_again() {
        // Asked for 22 lines of a long list; the answer says 15 lines in all.
        assert!(same_answer(&(0..22, 0..12), &(0..15, 0..12), (15, 40)));
        assert!(same_answer(&(0..22, 0..12), &(0..16, 0..12), (15, 40)));
        // More columns in view, or a scroll: asked again.
        assert!(!same_answer(&(0..22, 0..12), &(0..15, 0..14), (15, 40)));
        assert!(!same_answer(&(0..22, 0..12), &(4..26, 0..12), (2_000, 40)));
    }

    #[test]
    fn group_headings_take_a_line_each() {
        let groups =
            [GroupStart { first_row: 0, kind: ActorKind::Person, count: 2 }, GroupStart { first_row: 2, kind: ActorKind::State, count: 3 }];
        assert_eq!(line_count(5, &groups), 7);
        let kinds: Vec<LineKind> = (0..7).map(|l| line_kind(l, &groups)).collect();
        use LineKind::*;
        assert_eq!(kinds, vec![Group(0), Row(0), Row(1), Group(1), Row(2), Row(3), Row(4)]);
        assert_eq!((0..5).map(|r| line_of_row(r, &groups)).collect::<Vec<_>>(), vec![1, 2, 4, 5, 6]);
        assert_eq!(line_kind(3, &[]), Row(3));
    }

    #[test]
    fn revealing_scrolls_only_as_far_as_needed() {
        let view = Viewport { top: 400.0, inline: 0.0, height: 484.0, width: 800.0 };
        assert_eq!(reveal(view, 12, 0), (400.0, 0.0));
        assert_eq!(reveal(view, 5, 0), (200.0, 0.0));
        assert_eq!(reveal(view, 30, 0), (31.0 * 40.0 - 400.0, 0.0));
        let (_, inline) = reveal(view, 12, 10);
        assert_eq!(inline, 11.0 * COLUMN_WIDTH - (800.0 - ACTOR_WIDTH - OVERALL_WIDTH));
    }
}
