//! `par-index template`: the blank input files of a year, for units to fill in.
//!
//! `self-assessment.csv` has a row per unit and appraisal leaf with hint columns (their names
//! start with `#`, so that the readers ignore them): the unit's name, the criterion's name, its
//! maximum, its scoring rule and what to write in `value`. The survey files have their headers
//! (every question and item of the criteria); `huong-dan.txt` lists the questions, the answer
//! scales, the respondent groups and the deduction kinds. CSV files start with a UTF-8
//! byte-order mark, so that Excel opens the Vietnamese text correctly.

use std::path::{Path, PathBuf};

use crate::criteria::{self, Criteria};
use crate::error::{Failure, exit};
use crate::inputs::Unit;
use crate::output;
use crate::reports::template::{appraisal_leaves, files};

/// The units of the built-in sample year (Lạng Sơn's 20 departments and 11 districts), used
/// when `--units` is not given.
pub const BUILTIN_UNITS: &str = include_str!("../../samples/2023/units.csv");
const BUILTIN_UNITS_NAME: &str = "samples/2023/units.csv (built in)";

/// Write the blank input files of a year for the units to fill in.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  par-index template
      forms for 2023 and the 31 built-in Lạng Sơn units, in template-2023/
  par-index template --units samples/2023 --group huyen --out forms-huyen
      the districts of a year's units.csv
  par-index template --year 2024 --criteria criteria/2024.toml --units data/2023
      next year's forms, with next year's criteria and this year's units

Worked example: `par-index template --out forms` writes forms/self-assessment.csv with
2759 rows (31 units × 89 appraisal criteria in the built-in criteria), e.g.
  SNV,Sở Nội vụ,1.1.1,Ban hành kế hoạch cải cách hành chính năm,1,
  Ban hành kịp thời: 1; …,một mức: Ban hành kịp thời | …,,,,
Units fill self, value and note; the council fills appraised. `par-index compute forms`
then reads the folder (the # columns are hints, ignored).

Files (CSV with a UTF-8 byte-order mark, so that Excel shows the Vietnamese text):
  units.csv            code,name,group
  self-assessment.csv  unit,criterion,self,appraised,value,note and the hint columns
                       #tên đơn vị, #tên tiêu chí, #điểm tối đa, #cách chấm, #nhập value
  par-survey.csv       respondent,respondent_group,unit, a column per survey question
  sipas-survey.csv     respondent,unit, a column per satisfaction item
  deductions.csv       unit,code,times,note (no row when there is no deduction)
  huong-dan.txt        the questions, answer scales, respondent groups, deduction kinds
Existing files are kept unless --force.")]
pub struct Args {
    /// The year the forms are for: the criteria's year (the built-in criteria are 2023's; give
    /// another year's criteria with --criteria).
    #[arg(long, value_name = "Y")]
    pub year: Option<i64>,
    /// Criteria file (TOML); the built-in Lạng Sơn 2023 criteria when not given.
    #[arg(long, value_name = "FILE")]
    pub criteria: Option<PathBuf>,
    /// The units: a units file (code,name,group; CSV or .xlsx) or a year's folder holding one;
    /// the 31 units of the built-in Lạng Sơn sample when not given.
    #[arg(long, value_name = "FILE|DIR")]
    pub units: Option<PathBuf>,
    /// Only the units of this group (so, huyen).
    #[arg(long, value_name = "GROUP")]
    pub group: Option<String>,
    /// The folder to write into, created if missing (default: template-YEAR).
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Replace files that already exist in the folder.
    #[arg(long)]
    pub force: bool,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let criteria = criteria::load(args.criteria.as_deref())?;
    if let Some(y) = args.year
        && y != criteria.year
    {
        let hint = if args.criteria.is_none() {
            format!(
                "the built-in criteria are those of {}; for {y}, copy criteria/lang-son-2023.toml, set year = {y} and its rules, and give it with --criteria",
                criteria.year
            )
        } else {
            format!("set year = {y} in the criteria file, or leave out --year")
        };
        return Err(Failure::Usage(format!(
            "--year {y}, but the criteria are for {}: {hint}",
            criteria.year
        ))
        .into());
    }
    let groups = super::compute::groups(&criteria, args.group.as_deref())?;
    let units: Vec<Unit> = read_units(args.units.as_deref(), &criteria)?
        .into_iter()
        .filter(|u| groups.contains(&u.group))
        .collect();
    if units.is_empty() {
        return Err(
            Failure::Usage("no unit of the group asked for in the units given".into()).into(),
        );
    }
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| PathBuf::from(format!("template-{}", criteria.year)));
    let files = files(&criteria, &units, &groups);
    if !args.force {
        let existing: Vec<String> = files
            .iter()
            .map(|(name, _)| out.join(name))
            .filter(|p| p.exists())
            .map(|p| p.display().to_string())
            .collect();
        if !existing.is_empty() {
            return Err(Failure::Usage(format!(
                "{} already exist{}: {} (give --force to replace, or another --out)",
                if existing.len() == 1 {
                    "a file"
                } else {
                    "files"
                },
                if existing.len() == 1 { "s" } else { "" },
                existing.join(", ")
            ))
            .into());
        }
    }
    std::fs::create_dir_all(&out)
        .map_err(|e| Failure::io(format!("cannot create the folder {}", out.display()), e))?;
    for (name, bytes) in &files {
        output::write_atomically(&out.join(name), bytes)?;
    }
    let leaves: usize = units
        .iter()
        .map(|u| appraisal_leaves(&criteria, u.group).count())
        .sum();
    let msg = format!(
        "{}: forms of {} for {} units ({} self-assessment rows): {}\n",
        out.display(),
        criteria.year,
        units.len(),
        leaves,
        files.iter().map(|(n, _)| *n).collect::<Vec<_>>().join(", ")
    );
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
        let c = criteria::load(None).unwrap();
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
        let c = criteria::load(None).unwrap();
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
