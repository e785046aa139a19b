//! The annexes as CSV, ready for the decision: Vietnamese headers, published figures with
//! `.` as decimal separator. One annex is a plain table; both annexes come one after the
//! other, each under a title row, separated by a blank line.

use rayon::prelude::*;

use super::annex::{Annex, Cell};

pub fn render(annexes: &[Annex]) -> Result<Vec<u8>, csv::Error> {
    let titled = annexes.len() > 1;
    let mut out = Vec::new();
    for (k, annex) in annexes.iter().enumerate() {
        if k > 0 {
            out.push(b'\n');
        }
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        if titled {
            w.write_record([format!("{}. {}", annex.label, annex.title)])?;
        }
        w.write_record(&annex.headers)?;
        out.extend(w.into_inner().map_err(|e| e.into_error())?);
        // rows are written on every core, then joined in order
        for (_, rows) in &annex.sections {
            let lines: Vec<Vec<u8>> = rows
                .par_iter()
                .map(|row| line(row))
                .collect::<Result<_, _>>()?;
            for l in lines {
                out.extend(l);
            }
        }
    }
    Ok(out)
}

/// One row as a CSV line.
fn line(row: &[Cell]) -> Result<Vec<u8>, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .buffer_capacity(512)
        .from_writer(Vec::with_capacity(256));
    w.write_record(row.iter().map(Cell::text))?;
    w.into_inner().map_err(|e| e.into_error().into())
}
