//! Times the phases of `par-index compute` on a year's folder: reading, the four stages, and
//! rendering the JSON and the CSV annexes. For profiling; `benches/run.py` times the binary.
//!
//! ```text
//! cargo run --release --example phases -- bench-out/national
//! ```

use std::time::Instant;

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| ".".into());
    let t = Instant::now();
    let criteria = par_index::criteria::load(None).expect("criteria");
    let t_criteria = t.elapsed();
    let year = par_index::inputs::read(std::path::Path::new(&dir), &criteria, Default::default())
        .expect("year");
    let t_read = t.elapsed();
    let results =
        par_index::stages::compute(&criteria, &year, Default::default()).expect("compute");
    let t_compute = t.elapsed();
    let groups: Vec<usize> = (0..criteria.groups.len()).collect();
    let json = serde_json::to_string_pretty(&par_index::reports::json::report(
        &criteria, &results, &groups,
    ))
    .expect("json");
    let t_json = t.elapsed();
    let annexes = [
        par_index::reports::annex::sipas(&criteria, &results, &groups),
        par_index::reports::annex::par(&criteria, &results, &groups),
    ];
    let csv = par_index::reports::csv::render(&annexes).expect("csv");
    let t_csv = t.elapsed();
    drop((year, results));
    let t_drop = t.elapsed();
    println!(
        "criteria {:?}, read {:?}, compute {:?}, json {:?} ({} bytes), csv {:?} ({} bytes), drop {:?}",
        t_criteria,
        t_read - t_criteria,
        t_compute - t_read,
        t_json - t_compute,
        json.len(),
        t_csv - t_json,
        csv.len(),
        t_drop - t_csv
    );
}
