//! What `compute` publishes: the annexes asked for (Phụ lục I, II or both, of the groups asked
//! for), in the format asked for, with the previous year's changes when given. Each annex's
//! rows are built by [`super::annex`]; each format is written by its own report.

use super::annex::{self, Annex, Which};
use super::format::Annexes as Format;
use super::previous::{self, Changes};
use super::{csv, docx, json, publish, table, xlsx};
use crate::criteria::Criteria;
use crate::stages::Results;

/// The annexes asked for.
pub struct Asked<'a> {
    pub criteria: &'a Criteria,
    pub results: &'a Results,
    pub groups: &'a [usize],
    pub which: Which,
    /// The changes since the export `--previous` names.
    pub changes: Option<&'a Changes>,
    /// The table goes to a terminal (its width and lines).
    pub terminal: bool,
}

/// The annexes in `format`: CSV without a byte-order mark (the command adds it for a file).
pub fn render(asked: &Asked, format: Format) -> anyhow::Result<Vec<u8>> {
    let Asked {
        criteria,
        results,
        groups,
        which,
        changes,
        terminal,
    } = *asked;
    let sipas_annex = || annex::sipas(criteria, results, groups);
    let par_annex = || {
        let mut par = annex::par(criteria, results, groups);
        if let Some(c) = changes {
            previous::add_to_annex(&mut par, criteria, groups, c);
        }
        par
    };
    Ok(match format {
        Format::Json => {
            let report = json::report(criteria, results, groups);
            let mut s = match changes {
                None => serde_json::to_string_pretty(&report)?,
                Some(c) => {
                    let mut value = serde_json::to_value(&report)?;
                    previous::add_to_json(&mut value, c);
                    serde_json::to_string_pretty(&value)?
                }
            };
            s.push('\n');
            s.into_bytes()
        }
        Format::Csv => {
            let titled = which.sipas() && which.par();
            let parts = built(which, sipas_annex, par_annex, |a| csv::annex(&a, titled));
            csv::join(parts.into_iter().collect::<Result<_, _>>()?)
        }
        Format::Xlsx => {
            let built = built(which, sipas_annex, par_annex, |a| a);
            xlsx::render(criteria, results, groups, &built)?
        }
        Format::Docx => {
            let built = built(which, sipas_annex, par_annex, |a| {
                publish::document(criteria, results, groups, &a)
            });
            docx::render(criteria, &built)?
        }
        Format::Table => {
            let mut s = String::new();
            if which.sipas() {
                s.push_str(&table::sipas(criteria, results, groups, terminal));
            }
            if which.par() {
                if !s.is_empty() {
                    s.push('\n');
                }
                s.push_str(&table::par(criteria, results, groups, terminal));
                if let Some(c) = changes {
                    s.push('\n');
                    s.push_str(&previous::table(criteria, results, groups, c, terminal));
                }
            }
            s.into_bytes()
        }
    })
}

/// The annexes asked for, built side by side (each on a core) and each handed to `finish` where
/// it was built; in order, Phụ lục I first.
fn built<T: Send>(
    which: Which,
    sipas: impl FnOnce() -> Annex + Send,
    par: impl FnOnce() -> Annex + Send,
    finish: impl Fn(Annex) -> T + Sync,
) -> Vec<T> {
    let (sipas, par) = rayon::join(
        || which.sipas().then(|| finish(sipas())),
        || which.par().then(|| finish(par())),
    );
    sipas.into_iter().chain(par).collect()
}
