//! What the tool publishes: the annexes (Phụ lục I and II) as tables for the terminal, CSV
//! for the decision, JSON for scripts.

pub mod annex;
pub mod csv;
pub mod json;
pub mod table;
