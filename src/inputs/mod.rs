//! The input files of a year (method.md §5), read and checked against the criteria.
//!
//! Every problem of every file is collected and reported together; the surveys are read as
//! streams and tallied, so that memory grows with units and criteria, not with the number of
//! questionnaires (answers are kept, as bytes, only when resampling asks for them).

mod deductions;
mod par_survey;
mod self_assessment;
mod sipas_survey;
pub mod table;
mod units;
pub mod workbook;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rust_decimal::Decimal;

pub use deductions::DeductionRow;
pub use par_survey::ParSurvey;
pub use self_assessment::{AppraisalRow, Entry, Value};
pub use sipas_survey::SipasSurvey;
pub use table::ReadOptions;
pub use units::Unit;

use crate::criteria::Criteria;
use crate::error::{Failure, Problem};
use table::{Sheet, SheetError};

/// The file names of a year's folder (without extension: `.csv`, `.tsv`, `.txt` or `.xlsx`).
pub const UNITS: &str = "units";
pub const SELF_ASSESSMENT: &str = "self-assessment";
pub const PAR_SURVEY: &str = "par-survey";
pub const SIPAS_SURVEY: &str = "sipas-survey";
pub const DEDUCTIONS: &str = "deductions";

/// A year's data, checked against the criteria.
#[derive(Debug, Clone)]
pub struct Year {
    /// Units in code order.
    pub units: Vec<Unit>,
    /// Per unit, per node index of its group's tree: the self-assessment row of that leaf.
    pub appraisal: Vec<Vec<Option<AppraisalRow>>>,
    pub par_survey: ParSurvey,
    pub sipas: SipasSurvey,
    /// Per unit: its deductions.
    pub deductions: Vec<Vec<DeductionRow>>,
    /// How each input file was named in messages, by file stem.
    pub files: BTreeMap<&'static str, String>,
    /// Rows given but refused by the readers: (unit, leaf), or (unit, None) for survey rows.
    pub unreadable: HashSet<(usize, Option<usize>)>,
}

impl Year {
    /// The index of a unit by its code (trimmed, NFC).
    pub fn unit_index(&self, code: &str) -> Option<usize> {
        let code = crate::text::normalize_key(code);
        self.units
            .binary_search_by(|u| u.code.as_str().cmp(&code))
            .ok()
    }
}

/// What reading needs besides the files.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadSettings {
    pub options: ReadOptions,
    /// Keep every questionnaire's answers (as bytes) for resampling.
    pub keep_answers: bool,
}

/// Reads and checks the year in `dir`. Every problem of every file is reported together.
pub fn read(dir: &Path, criteria: &Criteria, settings: ReadSettings) -> Result<Year, Failure> {
    let (year, problems) = read_all(dir, criteria, settings)?;
    problems.into_result()?;
    Ok(year)
}

/// Reads what can be read of the year in `dir`, with every problem found; fails only when the
/// folder or a file cannot be read at all.
pub fn read_all(
    dir: &Path,
    criteria: &Criteria,
    settings: ReadSettings,
) -> Result<(Year, Problems), Failure> {
    if !dir.is_dir() {
        return Err(Failure::io(
            format!("cannot read the year's folder {}", dir.display()),
            std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder"),
        ));
    }
    let mut problems = Problems::default();
    let mut files = BTreeMap::new();
    let mut open = |stem: &'static str,
                    required: bool,
                    problems: &mut Problems|
     -> Result<Option<Sheet>, Failure> {
        let path = match table::find(dir, stem) {
            Ok(Some(path)) => path,
            Ok(None) => {
                if required {
                    problems.push(
                        Problem::new(dir.join(format!("{stem}.csv")).display().to_string(), 0, 0, "the file is missing")
                            .hint(format!("every year's folder holds {stem}.csv (or .xlsx); see the README, \"Input files\"")),
                    );
                }
                return Ok(None);
            }
            Err(p) => {
                problems.push(p);
                return Ok(None);
            }
        };
        let name = path.display().to_string();
        files.insert(stem, name.clone());
        match Sheet::open(&path, &name, settings.options) {
            Ok(sheet) => Ok(Some(sheet)),
            Err(SheetError::Problem(p)) => {
                problems.push(p);
                Ok(None)
            }
            Err(SheetError::Io(f)) => Err(f),
        }
    };

    let units_sheet = open(UNITS, true, &mut problems)?;
    let (units, refused) = match units_sheet {
        Some(sheet) => units::read(sheet, criteria, &mut problems),
        None => (Vec::new(), HashSet::new()),
    };
    let index = UnitIndex::new(&units, refused);
    // Without units nothing else can be checked: every row would name an unknown unit.
    let usable = !units.is_empty();
    if !usable {
        problems.stopped = true;
    }
    let mut open = |stem: &'static str, required: bool, problems: &mut Problems| {
        if usable {
            open(stem, required, problems)
        } else {
            Ok(None)
        }
    };
    let appraisal = match open(SELF_ASSESSMENT, true, &mut problems)? {
        Some(sheet) => self_assessment::read(sheet, criteria, &units, &index, &mut problems),
        None => self_assessment::empty(criteria, &units),
    };
    let par_survey = match open(PAR_SURVEY, true, &mut problems)? {
        Some(sheet) => par_survey::read(
            sheet,
            criteria,
            &units,
            &index,
            settings.keep_answers,
            &mut problems,
        ),
        None => ParSurvey::empty(criteria, &units, settings.keep_answers),
    };
    let sipas = match open(SIPAS_SURVEY, true, &mut problems)? {
        Some(sheet) => sipas_survey::read(
            sheet,
            criteria,
            &index,
            units.len(),
            settings.keep_answers,
            &mut problems,
        ),
        None => SipasSurvey::empty(criteria, units.len(), settings.keep_answers),
    };
    let deductions = match open(DEDUCTIONS, false, &mut problems)? {
        Some(sheet) => deductions::read(sheet, criteria, &index, units.len(), &mut problems),
        None => vec![Vec::new(); units.len()],
    };
    let unreadable = problems.unreadable.clone();
    let year = Year {
        units,
        appraisal,
        par_survey,
        sipas,
        deductions,
        files,
        unreadable,
    };
    Ok((year, problems))
}

/// Problems found while reading, at most [`Problems::PER_FILE`] listed per file.
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    per_file: HashMap<String, usize>,
    /// (unit, leaf) rows that were given but refused; (unit, None): survey rows of the unit.
    unreadable: HashSet<(usize, Option<usize>)>,
    /// A file could not be read to its end: gaps in the data are not worth reporting.
    pub stopped: bool,
}

impl Problems {
    /// Marks a unit's row (or survey rows) as given but refused, so that nothing reports it
    /// missing as well.
    pub fn mark(&mut self, unit: usize, node: Option<usize>) {
        self.unreadable.insert((unit, node));
    }

    /// How many problems of one file are listed; the rest are counted.
    pub const PER_FILE: usize = 50;

    pub fn push(&mut self, p: Problem) {
        let n = self.per_file.entry(p.file.clone()).or_default();
        *n += 1;
        if *n <= Self::PER_FILE {
            self.list.push(p);
        }
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Every problem, sorted by file and line, with a line per file whose list was cut.
    pub fn into_sorted(mut self) -> Vec<Problem> {
        for (file, &n) in &self.per_file {
            if n > Self::PER_FILE {
                self.list.push(Problem::new(
                    file.clone(),
                    usize::MAX,
                    0,
                    format!("… and {} more problems in this file", n - Self::PER_FILE),
                ));
            }
        }
        self.list.sort_by(|a, b| {
            (&a.file, a.line, a.column, &a.message).cmp(&(&b.file, b.line, b.column, &b.message))
        });
        for p in &mut self.list {
            if p.line == usize::MAX {
                p.line = 0;
            }
        }
        self.list
    }

    pub fn into_result(self) -> Result<(), Failure> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Failure::Input(self.into_sorted()))
        }
    }
}

/// Unit codes → index, matched after trimming and NFC.
pub struct UnitIndex {
    map: HashMap<String, usize>,
    /// Codes listed in units.csv but refused there: their rows elsewhere are not reported again.
    refused: HashSet<String>,
    /// (file, code) of unknown units already reported: one message per code and file.
    reported: std::cell::RefCell<HashSet<(String, String)>>,
}

impl UnitIndex {
    pub fn new(units: &[Unit], refused: HashSet<String>) -> Self {
        UnitIndex {
            map: units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.code.clone(), i))
                .collect(),
            refused,
            reported: Default::default(),
        }
    }

    pub fn get(&self, code: &str) -> Option<usize> {
        if code.is_ascii() {
            self.map.get(code).copied()
        } else {
            self.map.get(&crate::text::normalize_key(code)).copied()
        }
    }

    /// Whether an unknown unit code met in `file` deserves a message: not when units.csv
    /// already refused it, and once per code and file.
    pub fn report_unknown(&self, code: &str, file: &str) -> bool {
        let code = crate::text::normalize_key(code);
        !self.refused.contains(&code) && self.reported.borrow_mut().insert((file.to_string(), code))
    }
}

/// The columns of a sheet: required ones by name, the rest checked by the caller.
pub(crate) struct Columns {
    pub found: Vec<Option<usize>>,
}

impl Columns {
    /// Finds `required` columns, reporting each missing one; `optional` ones may be absent.
    pub fn find(
        sheet: &Sheet,
        required: &[&str],
        optional: &[&str],
        problems: &mut Problems,
    ) -> Option<Columns> {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        for name in required {
            let c = sheet.column(name);
            if c.is_none() {
                missing.push(*name);
            }
            found.push(c);
        }
        for name in optional {
            found.push(sheet.column(name));
        }
        if !missing.is_empty() {
            problems.push(
                Problem::new(
                    &sheet.name,
                    sheet.header_line() as usize,
                    0,
                    format!(
                        "missing column{}: {}",
                        if missing.len() > 1 { "s" } else { "" },
                        missing.join(", ")
                    ),
                )
                .hint(format!(
                    "the header row reads: {}",
                    sheet.headers.join(", ")
                )),
            );
            return None;
        }
        Some(Columns { found })
    }

    pub fn at(&self, i: usize) -> Option<usize> {
        self.found[i]
    }
}

/// Whether a column is a comment or a hint column that readers ignore: its name starts with `#`.
pub fn is_comment_column(name: &str) -> bool {
    name.starts_with('#') || name.is_empty()
}

/// Reports columns that are neither known nor comments.
pub(crate) fn unknown_columns(
    sheet: &Sheet,
    known: &dyn Fn(&str) -> bool,
    problems: &mut Problems,
    hint: &str,
) {
    for (i, h) in sheet.headers.iter().enumerate() {
        if !known(h) && !is_comment_column(h) {
            problems.push(
                Problem::new(
                    &sheet.name,
                    sheet.header_line() as usize,
                    i + 1,
                    format!("unknown column {h:?}"),
                )
                .hint(hint.to_string()),
            );
        }
    }
}

/// A whole number of times or questionnaires, as typed.
pub(crate) fn parse_count(text: &str) -> Option<u32> {
    let d: Decimal = crate::decimal::parse(text)?;
    if d.is_sign_negative() || d.fract() != Decimal::ZERO {
        return None;
    }
    u32::try_from(d.mantissa() / 10i128.pow(d.scale())).ok()
}
