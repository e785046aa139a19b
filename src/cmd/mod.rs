//! One file per subcommand: its arguments (their help is in the catalogue, found by name in
//! cli.rs), the library's calls, and the report its results are handed to. What several
//! commands share is here, and the arguments of a year in [`year`].

pub mod check;
pub mod completions;
pub mod compute;
pub mod criteria;
pub mod explain;
pub mod kind;
pub mod man;
pub mod sensitivity;
pub mod template;
pub mod year;

use crate::criteria::Criteria;
use crate::error::Failure;
use crate::inputs::{self, ReadSettings, Year};

/// Reads and checks the year in `dir`, saying on standard error how its files were read (even
/// when they hold problems); every problem of every file is reported together.
pub(crate) fn read_year(
    dir: &std::path::Path,
    criteria: &Criteria,
    settings: ReadSettings,
) -> Result<Year, Failure> {
    let (year, problems) = inputs::read_all(dir, criteria, settings)?;
    crate::output::notes(&problems.sorted_notes());
    problems.into_result()?;
    Ok(year)
}

/// The groups `--group` asks for (all without it), as indices into the criteria.
pub fn groups(criteria: &Criteria, group: Option<&str>) -> Result<Vec<usize>, Failure> {
    match group {
        None => Ok((0..criteria.groups.len()).collect()),
        Some(id) => criteria
            .groups
            .iter()
            .position(|g| g.id.eq_ignore_ascii_case(id.trim()))
            .map(|g| vec![g])
            .ok_or_else(|| unknown_group(criteria, id)),
    }
}

/// A `--group` the criteria do not define.
pub fn unknown_group(criteria: &Criteria, id: &str) -> Failure {
    let groups = criteria
        .groups
        .iter()
        .map(|g| g.id.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Failure::Usage(crate::tr!("cli-unknown-group", group = id, groups = groups))
}

/// A whole number given on the command line (`--seed`, `--top`, `--year`).
pub fn whole<T: std::str::FromStr>(text: &str) -> Result<T, String> {
    text.trim()
        .parse()
        .map_err(|_| crate::tr!("cli-value-not-whole", value = text))
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::kind::{self, Chart, extensions};
    use crate::reports::format::{Annexes, Figures, UnitReport};

    #[test]
    fn the_extensions_written_are_those_of_every_command_s_formats() {
        let formats: BTreeSet<String> = [
            extensions::<Annexes>(),
            extensions::<Figures>(),
            extensions::<UnitReport>(),
            extensions::<super::criteria::Format>(),
            extensions::<Chart>(),
        ]
        .concat()
        .into_iter()
        .map(|e| e.trim_start_matches('.').to_string())
        .collect();
        let written: BTreeSet<String> = kind::WRITTEN.iter().map(|e| e.to_string()).collect();
        assert_eq!(written, formats);
    }

    #[test]
    fn a_command_does_not_write_another_s_extension() {
        use super::criteria::Format;
        let e = kind::resolve(
            "criteria",
            Some(Format::Json),
            Some(Path::new("c.csv")),
            Format::Table,
        )
        .unwrap_err()
        .to_string();
        assert!(e.contains(".txt, .md, .json, .toml"), "{e}");
    }
}
