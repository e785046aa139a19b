//! par-index: the public administration reform index (Chỉ số CCHC, PAR index) and the
//! satisfaction index (Chỉ số hài lòng, SIPAS) of a Vietnamese province's departments and
//! districts, computed exactly as the province's decision lays down.
//!
//! The modules follow the data: [`criteria`] (the rules) → inputs → stages → uncertainty →
//! reports → cmd; no module uses one above it (a test in src/layers.rs holds the layers).

pub mod cli;
pub mod cmd;
pub mod criteria;
pub mod decimal;
pub mod error;
pub mod exact;
pub mod i18n;
pub mod inputs;
#[cfg(test)]
mod layers;
pub mod output;
pub mod reports;
pub mod stages;
pub mod text;
pub mod uncertainty;
