//! `par-index explain --all --output DIR`: a scorecard for every unit, one file each, named
//! from its code, written all or none.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;

use super::{Args, Format};
use crate::criteria::Criteria;
use crate::error::{Failure, exit};
use crate::inputs::Year;
use crate::output;
use crate::reports::previous::{self, Previous};
use crate::reports::scorecard;
use crate::stages::Results;

/// With `--all` there is no unit: a first positional argument is the year's folder
/// (`explain --all samples/2023 --output DIR`), unless the folder is given too.
pub fn shift_folder(args: &mut Args) -> Result<(), Failure> {
    if let Some(unit) = args.unit.take() {
        if args.year.dir != Path::new(".") {
            return Err(Failure::Usage(crate::tr!(
                "cli-explain-all-with-unit",
                unit = unit
            )));
        }
        args.year.dir = PathBuf::from(unit);
    }
    Ok(())
}

/// Writes the scorecard of every unit into the folder `--output`, creating it if needed.
pub fn run(
    args: &Args,
    format: Format,
    criteria: &Criteria,
    year: &Year,
    results: &Results,
    previous: Option<&Previous>,
) -> anyhow::Result<u8> {
    let Some(dir) = args.output.as_deref() else {
        // (clap requires --output with --all)
        return Err(Failure::Usage(crate::tr!("cli-explain-all-needs-folder")).into());
    };
    if dir.is_file() {
        return Err(Failure::Usage(crate::tr!("cli-explain-all-needs-folder")).into());
    }
    let groups: Vec<usize> = (0..criteria.groups.len()).collect();
    let changes = previous.map(|p| previous::changes(criteria, results, &groups, p));
    let extension = match format {
        Format::Xlsx => "xlsx",
        Format::Docx => "docx",
        Format::Json => "json",
        Format::Table => "txt",
    };
    // Units group by group, each by rank: the order names are given in, whatever the order
    // of the input rows.
    let mut taken = BTreeSet::new();
    let units: Vec<(usize, PathBuf)> = groups
        .iter()
        .flat_map(|&g| results.by_par_rank(g))
        .map(|u| {
            let i = results
                .units
                .iter()
                .position(|x| x.code == u.code)
                .expect("a unit of the results");
            (
                i,
                dir.join(scorecard::file_name(&u.code, extension, &mut taken)),
            )
        })
        .collect();
    let layout = args.layout(80);
    let files = units
        .par_iter()
        .map(|(unit, path)| {
            let bytes = super::report(
                criteria,
                year,
                results,
                *unit,
                changes.as_ref(),
                format,
                layout,
            )?;
            Ok((path.clone(), bytes))
        })
        .collect::<anyhow::Result<Vec<(PathBuf, Vec<u8>)>>>()?;
    // A folder where a scorecard goes would stop the writing half-way: refused before any.
    if let Some((path, _)) = files.iter().find(|(p, _)| p.is_dir()) {
        return Err(Failure::io(
            crate::tr!("cli-explain-cannot-write", file = path.as_path()),
            std::io::Error::from(std::io::ErrorKind::IsADirectory),
        )
        .into());
    }
    let created = !dir.exists();
    if created {
        std::fs::create_dir_all(dir)
            .map_err(|e| Failure::io(crate::tr!("cli-explain-cannot-create", dir = dir), e))?;
    }
    let pairs: Vec<(&Path, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_path(), b.as_slice()))
        .collect();
    if let Err(e) = output::write_all_atomically(&pairs) {
        if created {
            // nothing was written: the folder made for them goes too
            let _ = std::fs::remove_dir(dir);
        }
        return Err(e.into());
    }
    eprintln!(
        "par-index: {}",
        crate::tr!("cli-explain-wrote", count = files.len(), dir = dir)
    );
    Ok(exit::OK)
}
