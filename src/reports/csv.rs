//! The annexes as CSV, ready for the decision: Vietnamese headers, published figures with
//! `.` as decimal separator. One annex is a plain table; both annexes come one after the
//! other, each under a title row, separated by a blank line.

use super::annex::Annex;

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
        for (_, rows) in &annex.sections {
            for row in rows {
                w.write_record(row.iter().map(|c| c.text()))?;
            }
        }
        out.extend(w.into_inner().map_err(|e| e.into_error())?);
    }
    Ok(out)
}
