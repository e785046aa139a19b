//! Any bytes in place of any input file of a small year: the readers and the stages must
//! answer with problems or results, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

const CRITERIA: &str = include_str!("../../tests/data/mini/criteria.toml");
const FILES: [(&str, &str); 5] = [
    ("units.csv", include_str!("../../tests/data/hand-worked/units.csv")),
    ("self-assessment.csv", include_str!("../../tests/data/hand-worked/self-assessment.csv")),
    ("par-survey.csv", include_str!("../../tests/data/hand-worked/par-survey.csv")),
    ("sipas-survey.csv", include_str!("../../tests/data/hand-worked/sipas-survey.csv")),
    ("deductions.csv", include_str!("../../tests/data/hand-worked/deductions.csv")),
];

fuzz_target!(|data: &[u8]| {
    let Some((&which, bytes)) = data.split_first() else { return };
    let criteria = par_index::criteria::parse("mini.toml", CRITERIA).expect("valid criteria");
    let dir = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).expect("temp dir");
    let target = which as usize % (FILES.len() + 1);
    for (i, (name, text)) in FILES.iter().enumerate() {
        if i == target {
            std::fs::write(dir.path().join(name), bytes).expect("write");
        } else {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
    }
    if target == FILES.len() {
        // the bytes as a workbook in place of the self-assessment
        std::fs::remove_file(dir.path().join("self-assessment.csv")).expect("remove");
        std::fs::write(dir.path().join("self-assessment.xlsx"), bytes).expect("write");
    }
    let settings = par_index::inputs::ReadSettings { keep_answers: which & 0x80 != 0, ..Default::default() };
    let Ok((year, _)) = par_index::inputs::read_all(dir.path(), &criteria, settings) else { return };
    let (results, problems) = par_index::stages::compute_all(&criteria, &year, Default::default());
    if problems.is_empty() {
        let groups: Vec<usize> = (0..criteria.groups.len()).collect();
        let _ = serde_json::to_string(&par_index::reports::json::report(&criteria, &results, &groups));
        let _ = par_index::reports::table::par(&criteria, &results, &groups, false);
        let _ = par_index::reports::table::sipas(&criteria, &results, &groups, false);
    }
});
