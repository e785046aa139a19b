//! `par-index explain`: where one unit lost its points (Điều 3 of the decision asks every unit
//! to study its result and fix its weaknesses).
//!
//! At every node of the unit's tree: the maximum of the criteria that apply to it, the self
//! points, the points of each source (appraisal, officials' survey, satisfaction), the points
//! and the points lost (maximum − points; a leaf that does not apply loses nothing); the
//! leaves sorted by points lost; the warnings about the unit; its neighbours in the ranking;
//! and, given an earlier export, its change since.
//!
//! The model (what is said, [`model`]) is apart from its text ([`text`]); the scorecards
//! (reports/scorecard) are drawn from the same model.

mod model;
mod text;

pub use model::*;
pub use text::{Layout, render};
