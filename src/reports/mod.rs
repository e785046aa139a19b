//! What the tool publishes: tables for the terminal, CSV for the annex, JSON for scripts.

pub mod table;
