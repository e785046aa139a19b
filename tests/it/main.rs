//! The integration tests, one binary (`cargo test --test it`): each file of tests/it/ is a
//! module, run as the user runs the program (the built binary, through `common`) or, where a
//! figure is not shown, through the library. One binary links once, where a binary per file
//! linked the library and its dependencies seventeen times.
//!
//! A module's tests run as `cargo test --test it MODULE::` (e.g. `cargo test --test it
//! hand_worked::`). The data they read: tests/data (years), tests/bad (the corpus of bad
//! inputs); proptest keeps its regressions beside the module (`MODULE.proptest-regressions`).

mod common;

mod bad_inputs;
mod chart;
mod cli;
mod criteria;
mod docs;
mod docx;
mod explain;
mod hand_worked;
mod help;
mod language;
mod previous;
mod release;
mod row_order;
mod samples;
mod scorecards;
mod template;
mod uncertainty;
mod variants;
mod workbook;
