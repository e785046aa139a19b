//! The floor of reading CSV: every record of every file of a year's folder read with the
//! `csv` crate and nothing else. `benches/run.py` compares `par-index compute` with it.
//!
//! ```text
//! cargo run --release --example csv_floor -- bench-out/national
//! ```

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let mut records = 0u64;
    let mut bytes = 0u64;
    for name in [
        "units.csv",
        "self-assessment.csv",
        "par-survey.csv",
        "sipas-survey.csv",
        "deductions.csv",
    ] {
        let path = std::path::Path::new(&dir).join(name);
        let Ok(mut reader) = csv::ReaderBuilder::new().flexible(true).from_path(&path) else {
            continue;
        };
        let mut record = csv::ByteRecord::new();
        while reader.read_byte_record(&mut record).unwrap_or(false) {
            records += 1;
            bytes += record.as_slice().len() as u64;
        }
    }
    println!("{records} records, {bytes} bytes of fields");
}
