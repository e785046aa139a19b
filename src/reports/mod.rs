//! What the tool publishes: the annexes (Phụ lục I and II) as tables for the terminal, CSV
//! for the decision, JSON for scripts.

pub mod annex;
pub mod annexes;
pub mod chart;
pub mod check;
pub mod criteria;
pub mod criteria_workbook;
pub mod csv;
pub mod docx;
pub mod explain;
pub mod format;
pub mod json;
pub mod previous;
pub mod publish;
pub mod scorecard;
pub mod table;
pub mod template;
pub mod uncertainty;
pub mod xlsx;
