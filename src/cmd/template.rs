//! `par-index template`: the blank input files of a year, for units to fill in.
//!
//! `self-assessment.csv` has a row per unit and appraisal leaf with hint columns (their names
//! start with `#`, so that the readers ignore them): the unit's name, the criterion's name, its
//! maximum, its scoring rule and what to write in `value`. The survey files have their headers
//! (every question and item of the criteria); `huong-dan.txt` lists the questions, the answer
//! scales, the respondent groups and the deduction kinds. CSV files start with a UTF-8
//! byte-order mark, so that Excel opens the Vietnamese text correctly.

use std::path::{Path, PathBuf};

use crate::criteria::Criteria;
use crate::error::{Failure, exit};
use crate::inputs::Unit;
use crate::output;
use crate::reports::template::{SipasForm, appraisal_leaves, files};
use crate::tr;

/// The units of the built-in sample year (Lạng Sơn's 20 departments and 11 districts), used
/// when `--units` is not given.
pub const BUILTIN_UNITS: &str = include_str!("../../samples/2023/units.csv");
const BUILTIN_UNITS_NAME: &str = "samples/2023/units.csv (built in)";

// Its help (about, examples, every argument) is in locales/*/cli.ftl, cli-template-*.
#[derive(Debug, clap::Args)]
pub struct Args {
    // the year the forms are for: the criteria's year
    #[arg(long, value_name = "Y", value_parser = super::whole::<i64>)]
    pub year: Option<i64>,
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    // a units file or a year's folder; the built-in sample's units when not given
    #[arg(long, value_name = "FILE|DIR")]
    pub units: Option<PathBuf>,
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    // default: template-YEAR
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    #[arg(long)]
    pub force: bool,
    // the satisfaction survey's form: questionnaires, or results per unit
    #[arg(long, value_enum, default_value_t = SipasForm::Survey)]
    pub sipas: SipasForm,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let criteria = crate::inputs::criteria_workbook::load(args.criteria.as_deref())?;
    if let Some(y) = args.year
        && y != criteria.year
    {
        let hint = if args.criteria.is_none() {
            tr!(
                "cli-template-year-builtin",
                builtin = criteria.year,
                year = y
            )
        } else {
            tr!("cli-template-year-file", year = y)
        };
        return Err(Failure::Usage(tr!(
            "cli-template-year",
            year = y,
            criteria = criteria.year,
            hint = hint
        ))
        .into());
    }
    let groups = super::groups(&criteria, args.group.as_deref())?;
    let units: Vec<Unit> = read_units(args.units.as_deref(), &criteria)?
        .into_iter()
        .filter(|u| groups.contains(&u.group))
        .collect();
    if units.is_empty() {
        return Err(Failure::Usage(tr!("cli-template-no-unit")).into());
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("template-{}", criteria.year)));
    let files = files(&criteria, &units, &groups, args.sipas);
    if !args.force {
        let existing: Vec<String> = files
            .iter()
            .map(|(name, _)| out.join(name))
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(Failure::Usage(tr!(
                "cli-template-exists",
                count = existing.len(),
                files = existing.join(", ")
            ))
            .into());
        }
    }
    std::fs::create_dir_all(&out)
        .map_err(|e| Failure::io(tr!("cli-template-cannot-create", folder = out), e))?;
    for (name, bytes) in &files {
        output::write_atomically(&out.join(name), bytes)?;
    }
    let leaves: usize = units
        .iter()
        .map(|u| appraisal_leaves(&criteria, u.group).count())
        .sum();
    let msg = tr!(
        "cli-template-written",
        folder = out,
        year = criteria.year,
        units = units.len(),
        rows = leaves,
        files = files.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
    ) + "\n";
    output::emit(None, msg.as_bytes())?;
    Ok(exit::OK)
}

/// The units of the template: from a units file, a year's folder, or the built-in list, in
/// the order listed.
pub fn read_units(path: Option<&Path>, criteria: &Criteria) -> Result<Vec<Unit>, Failure> {
    let builtin = (BUILTIN_UNITS_NAME, BUILTIN_UNITS);
    let mut units = crate::inputs::units::read_file(path, builtin, criteria)?;
    units.sort_by_key(|u| u.line);
    Ok(units)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_built_in_units_are_the_31_of_lang_son() {
        let c = crate::criteria::load(None).unwrap();
        let units = read_units(None, &c).unwrap();
        assert_eq!(units.len(), 31);
        assert_eq!(
            units
                .iter()
                .filter(|u| c.groups[u.group].id == "huyen")
                .count(),
            11
        );
    }

    #[test]
    fn bad_units_are_all_reported() {
        let c = crate::criteria::load(None).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("u.csv");
        std::fs::write(
            &path,
            "code,name,group\nA,Đơn vị A,so\nA,Lặp,so\nB,Đơn vị B,xa\n",
        )
        .unwrap();
        let e = read_units(Some(&path), &c).unwrap_err();
        let text = e.to_string();
        assert!(
            text.contains("u.csv:3:1: column code: unit A: duplicate unit"),
            "{text}"
        );
        assert!(
            text.contains("u.csv:4:3: column group: unit B: unknown group \"xa\""),
            "{text}"
        );
    }
}
