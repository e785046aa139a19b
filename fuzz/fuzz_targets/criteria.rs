//! Any text as a criteria file: a list of problems or valid criteria, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Ok(c) = par_index::criteria::parse("fuzz.toml", text)
    {
        let groups: Vec<&par_index::criteria::Group> = c.groups.iter().collect();
        let _ = par_index::reports::criteria::render(&c, &groups, false);
        let _ = serde_json::to_string(&c);
    }
});
