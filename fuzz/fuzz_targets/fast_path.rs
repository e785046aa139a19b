//! The fast path of the table reader against the `csv` crate: any bytes, read both ways, give
//! the same records, lines and problems, whatever the buffer size, lines split as read or taken
//! whole and split after (as the survey walkers do).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some((&setting, bytes)) = data.split_first() else { return };
    let dir = tempfile::tempdir_in("/dev/shm").or_else(|_| tempfile::tempdir()).expect("temp dir");
    let path = dir.path().join("t.csv");
    std::fs::write(&path, bytes).expect("write");
    let capacity = 1 + (setting & 0x3f) as usize;
    let unsplit = setting & 0x40 != 0;
    let plain = par_index::inputs::table::transcript(&path, None, false);
    let fast = par_index::inputs::table::transcript(&path, Some(capacity), unsplit);
    assert_eq!(fast, plain, "capacity {capacity}, unsplit {unsplit}");
});
