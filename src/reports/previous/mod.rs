//! An earlier year's results, read back from what `par-index compute` exported then (the JSON,
//! the CSV of Phụ lục II or the workbook), and the change of each unit's PAR index and rank
//! since (docs/outputs.md, "--previous").
//!
//! Choices, written down in docs/outputs.md:
//! - units are matched by code (trimmed, NFC);
//! - the change of index is this year's published index minus last year's published index, so
//!   that a reader can check it by subtracting the two annex columns;
//! - the change of rank is last year's rank minus this year's: `+2` means two places up; it is
//!   given only when the unit stayed in the same group;
//! - a unit of this year that was not in the export is *new* (`mới`); a unit of the export
//!   that is not in this year is *dropped* (`không còn`) and listed after its group's units.
//!
//! The model (what changed, [`model`]) is apart from its renderings ([`render`]: the columns of
//! Phụ lục II, the JSON, the terminal's table), as for `explain`.

mod model;
mod render;

pub use crate::inputs::previous::{DROPPED, Previous, PreviousUnit, read};
pub use model::*;
pub use render::*;
