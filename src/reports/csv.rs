//! The annexes as CSV, ready for the decision: Vietnamese headers, published figures with
//! `.` as decimal separator. One annex is a plain table; both annexes come one after the
//! other, each under a title row, separated by a blank line.

use rayon::prelude::*;

use super::annex::Annex;

/// The annexes, one after the other (each under its title row when there are several).
pub fn render(annexes: &[Annex]) -> Result<Vec<u8>, csv::Error> {
    let titled = annexes.len() > 1;
    let parts = annexes
        .par_iter()
        .map(|a| annex(a, titled))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(join(parts))
}

/// Annexes rendered one by one by [`annex`], in order, as [`render`] joins them.
pub fn join(parts: Vec<Vec<u8>>) -> Vec<u8> {
    parts.join(&b'\n')
}

/// One annex as CSV: its title row when `titled`, its header and its rows.
pub fn annex(annex: &Annex, titled: bool) -> Result<Vec<u8>, csv::Error> {
    let mut w = writer(Vec::new());
    if titled {
        w.write_record([format!("{}. {}", annex.label, annex.title)])?;
    }
    w.write_record(&annex.headers)?;
    let mut out = w.into_inner().map_err(|e| e.into_error())?;
    // rows are written a block at a time on every core, then joined in order
    for (_, rows) in &annex.sections {
        let blocks: Vec<Vec<u8>> = rows
            .par_chunks(256)
            .map(|block| {
                let mut w = writer(Vec::with_capacity(block.len() * 256));
                let mut text = String::new();
                for row in block {
                    for cell in row {
                        text.clear();
                        cell.write_to(&mut text);
                        w.write_field(&text)?;
                    }
                    w.write_record(None::<&[u8]>)?;
                }
                w.into_inner().map_err(|e| e.into_error().into())
            })
            .collect::<Result<_, csv::Error>>()?;
        for b in blocks {
            out.extend(b);
        }
    }
    Ok(out)
}

fn writer(out: Vec<u8>) -> csv::Writer<Vec<u8>> {
    csv::WriterBuilder::new().flexible(true).from_writer(out)
}

#[cfg(test)]
mod tests {
    use rust_decimal::Decimal;

    use super::*;
    use crate::reports::annex::Cell;

    /// Rows written cell by cell, a block at a time, read as each row written whole by the csv
    /// crate from the cells' text: quotes, delimiters, line breaks, empty cells, a row of one
    /// empty cell.
    #[test]
    fn blocks_write_as_whole_rows() {
        let cells = [
            Cell::Text("Sở Nội vụ".into()),
            Cell::Text("a, b".into()),
            Cell::Text("say \"x\"".into()),
            Cell::Text("two\nlines".into()),
            Cell::Empty,
            Cell::Number(Decimal::new(-12345, 3)),
            Cell::Number(Decimal::new(800, 2)),
            Cell::Int(17),
        ];
        let rows: Vec<Vec<Cell>> = (0..700)
            .map(|i| match i % 97 {
                5 => vec![Cell::Empty],
                k => cells
                    .iter()
                    .cycle()
                    .skip(k)
                    .take(1 + k % 9)
                    .cloned()
                    .collect(),
            })
            .collect();
        let annex = Annex {
            label: "Phụ lục I",
            title: "t".into(),
            headers: vec!["a".into(), "b".into()],
            sections: vec![("g".into(), rows.clone()), ("h".into(), rows[..3].to_vec())],
            numeric: vec![false, true],
        };
        let mut w = csv::WriterBuilder::new()
            .flexible(true)
            .from_writer(Vec::new());
        w.write_record(["Phụ lục I. t"]).unwrap();
        w.write_record(["a", "b"]).unwrap();
        for row in rows.iter().chain(&rows[..3]) {
            w.write_record(row.iter().map(Cell::text)).unwrap();
        }
        let whole = w.into_inner().unwrap();
        assert_eq!(
            String::from_utf8(super::annex(&annex, true).unwrap()).unwrap(),
            String::from_utf8(whole).unwrap()
        );
        // two annexes: each under its title, a blank line between
        let one = super::annex(&annex, true).unwrap();
        let two = render(&[annex.clone(), annex]).unwrap();
        assert_eq!(two, [one.clone(), b"\n".to_vec(), one].concat());
    }
}
