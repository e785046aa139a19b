//! Tables for the terminal: fitted to its width and drawn with lines on a terminal, plain
//! (Markdown-like, unwrapped) when piped.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{Cell, CellAlignment, ContentArrangement, Table};

/// A new table with the house style for `terminal` or for a pipe.
pub fn new(terminal: bool) -> Table {
    let mut table = Table::new();
    if terminal {
        table.load_style(UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if table.width().is_none() {
            table.set_width(80);
        }
    } else {
        table.load_style(ASCII_MARKDOWN);
        table.force_no_tty();
    }
    table
}

/// A right-aligned cell, for figures.
pub fn num(text: impl ToString) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}
