//! The input files of a year (docs/method.md §12), read and checked against the criteria.
//!
//! Every problem of every file is collected and reported together; the surveys are read as
//! streams and tallied, so that memory grows with units and criteria, not with the number of
//! questionnaires (answers are kept, as bytes, only when resampling asks for them).

pub mod criteria_workbook;
mod deductions;
mod par_survey;
pub mod previous;
mod self_assessment;
mod sipas_results;
mod sipas_survey;
pub mod table;
pub mod units;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use rust_decimal::Decimal;

pub use deductions::DeductionRow;
pub use par_survey::ParSurvey;
pub use self_assessment::{AppraisalRow, Entry, Value};
pub use sipas_results::Delivered;
pub use sipas_survey::SipasSurvey;
pub use table::ReadOptions;
pub use units::Unit;

use crate::criteria::Criteria;
pub use crate::error::Problems;
use crate::error::{Failure, Problem};
use crate::tr;
use table::{Spec, Table};

/// The file names of a year's folder (without extension: `.csv`, `.tsv`, `.txt`, `.xlsx`,
/// `.xls` or `.ods`).
pub const UNITS: &str = "units";
pub const SELF_ASSESSMENT: &str = "self-assessment";
pub const PAR_SURVEY: &str = "par-survey";
pub const SIPAS_SURVEY: &str = "sipas-survey";
/// The satisfaction survey delivered as results per unit, in place of `sipas-survey`.
pub const SIPAS_RESULTS: &str = "sipas-results";
pub const DEDUCTIONS: &str = "deductions";

/// A year's data, checked against the criteria.
#[derive(Debug, Clone)]
pub struct Year {
    /// Units in code order.
    pub units: Vec<Unit>,
    /// Per unit, per appraisal leaf of its group (see [`Year::row`]): the self-assessment row.
    pub(crate) appraisal: Vec<Vec<Option<AppraisalRow>>>,
    /// Per group, per node index: the node's place among the group's appraisal leaves.
    pub(crate) slots: Vec<Vec<Option<u32>>>,
    pub par_survey: ParSurvey,
    pub sipas: SipasSurvey,
    /// Per unit: its deductions.
    pub deductions: Vec<Vec<DeductionRow>>,
    /// How each input file was named in messages, by file stem.
    pub files: BTreeMap<&'static str, String>,
    /// The sheet read, by file name, for the files that are workbooks.
    pub sheets: BTreeMap<String, String>,
    /// Rows given but refused by the readers: (unit, leaf), or (unit, None) for survey rows.
    pub unreadable: HashSet<(usize, Option<usize>)>,
}

impl Year {
    /// The self-assessment row of unit `u` for node `node` of its group's tree, if given.
    pub fn row(&self, u: usize, node: usize) -> Option<&AppraisalRow> {
        let slot = self
            .slots
            .get(self.units.get(u)?.group)?
            .get(node)
            .copied()
            .flatten()?;
        self.appraisal.get(u)?.get(slot as usize)?.as_ref()
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
            tr!("inputs-cannot-read-folder", folder = dir),
            std::io::Error::new(std::io::ErrorKind::NotFound, tr!("inputs-not-a-folder")),
        ));
    }
    let mut problems = Problems::default();
    let (table, units_file) = open(dir, &units::SPEC, true, settings, &mut problems)?;
    let (units, refused) = match table {
        Some(table) => units::read(table, criteria, &mut problems),
        None => (Vec::new(), HashSet::new()),
    };
    let index = UnitIndex::new(&units, refused);
    // Without units nothing else can be checked: every row would name an unknown unit.
    if units.is_empty() {
        problems.stopped = true;
        let year = Year {
            appraisal: Vec::new(),
            slots: self_assessment::slots(criteria),
            par_survey: ParSurvey::empty(criteria, &units, settings.keep_answers),
            sipas: SipasSurvey::empty(criteria, 0, settings.keep_answers),
            deductions: Vec::new(),
            files: units_file.name.map(|n| (UNITS, n)).into_iter().collect(),
            sheets: BTreeMap::new(),
            unreadable: HashSet::new(),
            units,
        };
        return Ok((year, problems));
    }
    // The two surveys are read beside the self-assessment, each on its own thread (the machine's
    // cores share the three); each reader has its own problems, merged (and sorted) at the end.
    let (units, index) = (&units, &index);
    let (sipas, survey, mine) = std::thread::scope(|s| -> Result<_, Failure> {
        let sipas = s.spawn(move || -> Result<_, Failure> {
            let mut problems = Problems::default();
            let empty = || SipasSurvey::empty(criteria, units.len(), settings.keep_answers);
            // the questionnaires, or the results per unit as the contractor delivers them
            let delivered = matches!(table::find(dir, SIPAS_RESULTS), Ok(Some(_)));
            if delivered && matches!(table::find(dir, SIPAS_SURVEY), Ok(Some(_))) {
                problems.push(
                    Problem::new(dir.display().to_string(), 0, 0, tr!("inputs-sipas-both"))
                        .hint(tr!("inputs-sipas-both-hint")),
                );
                return Ok((empty(), Opened::none(SIPAS_SURVEY), problems));
            }
            if delivered {
                let (table, file) = open(dir, &sipas_results::SPEC, true, settings, &mut problems)?;
                let mut sipas = empty();
                sipas.delivered = table.map(|table| {
                    sipas_results::read(
                        table,
                        criteria,
                        index,
                        units,
                        &mut sipas.valid,
                        &mut problems,
                    )
                });
                return Ok((sipas, file, problems));
            }
            let (table, file) = open(dir, &sipas_survey::SPEC, true, settings, &mut problems)?;
            let sipas = match table {
                Some(table) => sipas_survey::read(
                    table,
                    criteria,
                    index,
                    units,
                    settings.keep_answers,
                    &mut problems,
                ),
                None => empty(),
            };
            Ok((sipas, file, problems))
        });
        let survey = s.spawn(move || -> Result<_, Failure> {
            let mut problems = Problems::default();
            let (table, file) = open(dir, &par_survey::SPEC, true, settings, &mut problems)?;
            let survey = match table {
                Some(table) => par_survey::read(
                    table,
                    criteria,
                    units,
                    index,
                    settings.keep_answers,
                    &mut problems,
                ),
                None => ParSurvey::empty(criteria, units, settings.keep_answers),
            };
            Ok((survey, file, problems))
        });
        let mut problems = Problems::default();
        let (self_file_table, self_file) =
            open(dir, &self_assessment::SPEC, true, settings, &mut problems)?;
        let appraisal = match self_file_table {
            Some(table) => self_assessment::read(table, criteria, units, index, &mut problems),
            None => self_assessment::empty(criteria, units),
        };
        let (deductions_file_table, deductions_file) =
            open(dir, &deductions::SPEC, false, settings, &mut problems)?;
        let deductions = match deductions_file_table {
            Some(table) => deductions::read(table, criteria, index, units, &mut problems),
            None => vec![Vec::new(); units.len()],
        };
        let failed = || {
            Failure::io(
                tr!("inputs-reading-failed"),
                std::io::Error::other("the reading thread failed"),
            )
        };
        let sipas = sipas.join().map_err(|_| failed())??;
        let survey = survey.join().map_err(|_| failed())??;
        Ok((
            sipas,
            survey,
            (
                appraisal,
                deductions,
                [self_file, deductions_file],
                problems,
            ),
        ))
    })?;
    let (sipas, sipas_file, sipas_problems) = sipas;
    let (par_survey, survey_file, survey_problems) = survey;
    let (appraisal, deductions, [self_file, deductions_file], other_problems) = mine;
    problems.merge(other_problems);
    problems.merge(survey_problems);
    problems.merge(sipas_problems);
    let opened = [
        units_file,
        self_file,
        survey_file,
        sipas_file,
        deductions_file,
    ];
    let year = Year {
        units: units.to_vec(),
        appraisal,
        slots: self_assessment::slots(criteria),
        par_survey,
        sipas,
        deductions,
        files: opened
            .iter()
            .filter_map(|f| Some((f.role, f.name.clone()?)))
            .collect(),
        sheets: opened
            .into_iter()
            .filter_map(|f| Some((f.name?, f.sheet?)))
            .collect(),
        unreadable: problems.refused.clone(),
    };
    Ok((year, problems))
}

/// A file of the year, as found.
struct Opened {
    role: &'static str,
    /// The file's name as messages give it, when there is a file.
    name: Option<String>,
    /// The sheet read, in a workbook.
    sheet: Option<String>,
}

impl Opened {
    /// No file read for `role`.
    fn none(role: &'static str) -> Opened {
        Opened {
            role,
            name: None,
            sheet: None,
        }
    }
}

/// Opens the file of `spec`'s role in `dir` as a table, reporting a missing (if `required`) or
/// unusable file.
fn open(
    dir: &Path,
    spec: &Spec,
    required: bool,
    settings: ReadSettings,
    problems: &mut Problems,
) -> Result<(Option<Table>, Opened), Failure> {
    let role = spec.role;
    let mut opened = Opened::none(role);
    let path = match table::find(dir, role) {
        Ok(Some(path)) => path,
        Ok(None) => {
            if required {
                problems.push(
                    Problem::new(
                        dir.join(format!("{role}.csv")).display().to_string(),
                        0,
                        0,
                        tr!("inputs-file-missing"),
                    )
                    .hint(match role {
                        SIPAS_SURVEY => tr!("inputs-file-missing-sipas-hint"),
                        _ => tr!("inputs-file-missing-hint", stem = role),
                    }),
                );
                // what the file would have given is missing everywhere: not worth a problem each
                problems.stopped = true;
            }
            return Ok((None, opened));
        }
        Err(p) => {
            problems.push(p);
            problems.stopped = true;
            return Ok((None, opened));
        }
    };
    let name = path.display().to_string();
    let table = Table::open(&path, &name, spec, settings.options, problems)?;
    // a file that is no usable table (its columns missing, say) leaves the same gaps
    problems.stopped |= table.is_none();
    opened.sheet = table.as_ref().and_then(|t| t.sheet.clone());
    opened.name = Some(name);
    Ok((table, opened))
}

/// Unit codes → index, matched after trimming and NFC.
pub struct UnitIndex {
    map: HashMap<String, usize, foldhash::fast::FixedState>,
    /// The same for ASCII codes of at most 15 bytes, keyed by the code's bytes packed into an
    /// integer: a survey names a unit on every row, in no order, and this table is looked up
    /// without following a pointer to each code's text.
    short: HashMap<u128, usize, foldhash::fast::FixedState>,
    /// Codes listed in units.csv but refused there: their rows elsewhere are not reported again.
    refused: HashSet<String>,
}

impl UnitIndex {
    pub fn new(units: &[Unit], refused: HashSet<String>) -> Self {
        UnitIndex {
            map: units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.code.clone(), i))
                .collect(),
            short: units
                .iter()
                .enumerate()
                .filter_map(|(i, u)| Some((pack(&u.code)?, i)))
                .collect(),
            refused,
        }
    }

    pub fn get(&self, code: &str) -> Option<usize> {
        if let Some(key) = pack(code) {
            return self.short.get(&key).copied();
        }
        if code.is_ascii() {
            self.map.get(code).copied()
        } else {
            self.map.get(&crate::text::normalize_key(code)).copied()
        }
    }

    /// A lookup that remembers the last code: rows come grouped by unit, as files are written.
    pub fn cached(&self) -> CachedUnits<'_> {
        CachedUnits {
            index: self,
            last: String::new(),
            found: None,
        }
    }
}

/// The unknown unit codes met in one file, each reported once, at its first row, with the
/// number of rows it stands on: one cause, one problem.
#[derive(Default)]
pub(crate) struct UnknownUnits {
    /// Code as matched → (first line, column from 0, rows).
    codes: BTreeMap<String, (u64, usize, usize)>,
}

impl UnknownUnits {
    pub fn add(&mut self, code: &str, line: u64, column: usize) {
        let entry = self
            .codes
            .entry(crate::text::normalize_key(code))
            .or_insert((line, column, 0));
        entry.2 += 1;
    }

    /// One problem per code, but none for codes units.csv refused (already reported there).
    pub fn report(self, table: &Table, index: &UnitIndex, units: &[Unit], problems: &mut Problems) {
        for (code, (line, column, rows)) in self.codes {
            if index.refused.contains(&code) {
                continue;
            }
            let p = match (code.is_empty(), rows) {
                (true, _) => table
                    .at(line, column, tr!("inputs-unit-empty", rows = rows))
                    .hint(tr!("inputs-unit-empty-hint")),
                (false, 1) => table
                    .at(
                        line,
                        column,
                        tr!("inputs-unknown-unit", code = code.as_str()),
                    )
                    .hint(self_assessment::near_units(&code, units)),
                (false, _) => table
                    .at(
                        line,
                        column,
                        tr!(
                            "inputs-unknown-unit-rows",
                            code = code.as_str(),
                            rows = rows
                        ),
                    )
                    .hint(self_assessment::near_units(&code, units)),
            };
            problems.push(p);
        }
    }
}

/// An ASCII code of at most 15 bytes as one integer: its bytes, and its length in the top byte.
fn pack(code: &str) -> Option<u128> {
    let bytes = code.as_bytes();
    if bytes.len() > 15 || !bytes.is_ascii() {
        return None;
    }
    let mut packed = [0u8; 16];
    packed[..bytes.len()].copy_from_slice(bytes);
    packed[15] = bytes.len() as u8;
    Some(u128::from_le_bytes(packed))
}

/// [`UnitIndex::get`], remembering the last code asked.
pub struct CachedUnits<'a> {
    index: &'a UnitIndex,
    last: String,
    found: Option<usize>,
}

impl CachedUnits<'_> {
    pub fn get(&mut self, code: &str) -> Option<usize> {
        if code != self.last || self.last.is_empty() {
            self.found = self.index.get(code);
            self.last.clear();
            self.last.push_str(code);
        }
        self.found
    }
}

/// The columns every file may have beside its own and that no reader reads: a row's number
/// (STT, số thứ tự), as printed lists have.
pub(crate) const ROW_NUMBER: [&str; 4] = ["stt", "tt", "số tt", "số thứ tự"];

/// Respondent × unit fingerprints, with their line, checked for repeats once the file is read:
/// appending is cheap where a hash table would miss the cache on every row of a million, and
/// only 16 bytes a row are kept, not the ids.
///
/// Files list a unit's rows together: while no unit comes back after another's rows, repeats
/// can only lie within a unit's run of rows, and each run is sorted alone (small sorts, in the
/// cache) instead of the whole file.
#[derive(Default)]
pub(crate) struct Seen {
    /// `fingerprint << 64 | line << 32 | unit`: sorted, the rows of one fingerprint come
    /// together in line order.
    rows: Vec<u128>,
    /// Where each run of rows of one unit starts.
    runs: Vec<usize>,
    /// Units whose run has ended.
    ended: Vec<bool>,
    /// A unit's rows came back after another's: runs are not enough.
    interleaved: bool,
}

impl Seen {
    pub fn add(&mut self, id: &str, unit: usize, line: u64) {
        let last = self.rows.last().map(|&r| r as u32 as usize);
        if last != Some(unit) {
            if let Some(last) = last {
                if self.ended.len() <= last {
                    self.ended.resize(last + 1, false);
                }
                self.ended[last] = true;
            }
            self.interleaved |= self.ended.get(unit).copied().unwrap_or(false);
            self.runs.push(self.rows.len());
        }
        let fingerprint = u128::from(fingerprint(id, unit));
        self.rows
            .push(fingerprint << 64 | u128::from(line as u32) << 32 | unit as u128);
    }

    /// (unit, first line, repeated line) of every repeat, in line order.
    pub fn repeats(mut self) -> Vec<(usize, u32, u32)> {
        let runs = match self.interleaved {
            true => vec![0],
            false => std::mem::take(&mut self.runs),
        };
        let ends = runs.iter().skip(1).copied().chain([self.rows.len()]);
        let mut repeats: Vec<(usize, u32, u32)> = Vec::new();
        for (start, end) in runs.iter().copied().zip(ends) {
            let run = &mut self.rows[start..end];
            run.sort_unstable();
            repeats.extend(
                run.windows(2)
                    .filter(|w| w[0] >> 64 == w[1] >> 64)
                    .map(|w| {
                        (
                            w[1] as u32 as usize,
                            (w[0] >> 32) as u32,
                            (w[1] >> 32) as u32,
                        )
                    }),
            );
        }
        // a third row repeats the first one, not the second
        repeats.sort_by_key(|&(_, _, line)| line);
        let mut first_of: HashMap<(usize, u32), u32> = HashMap::new();
        for r in &mut repeats {
            if let Some(&first) = first_of.get(&(r.0, r.1)) {
                r.1 = first;
            }
            first_of.insert((r.0, r.2), r.1);
        }
        repeats
    }
}

/// The fingerprint of a respondent (or questionnaire) id and a unit: a 64-bit hash (foldhash,
/// fixed seed) of the id as matched (trimmed, NFC) and the unit's index. Two different ids of
/// one unit share one with odds of about 1 in 10^14 for a year of a million questionnaires;
/// a reported repeat names both lines, to be seen with one's own eyes.
pub(crate) fn fingerprint(id: &str, unit: usize) -> u64 {
    use std::hash::{BuildHasher, Hash, Hasher};
    let mut h = foldhash::quality::FixedState::with_seed(0x5041_525f_494e_4458).build_hasher();
    let id = id.trim();
    if id.is_ascii() {
        id.hash(&mut h);
    } else {
        crate::text::normalize_key(id).hash(&mut h);
    }
    unit.hash(&mut h);
    h.finish()
}

/// Answer codes → their position on a scale (stored as position + 1), ignoring ASCII case;
/// empty and `X` are no answer (0).
pub(crate) struct Scale {
    quick: table::fast::Quick,
    codes: Vec<String>,
}

/// What a survey cell holds.
pub(crate) enum Answer {
    None,
    /// Position on the scale + 1.
    Given(u8),
    OffScale,
}

impl Scale {
    pub fn new(codes: Vec<String>) -> Scale {
        Scale {
            quick: table::fast::Quick::new(&codes),
            codes,
        }
    }

    /// The table of one-byte answers, for [`table::fast::walk`].
    pub fn quick_table(&self) -> &table::fast::Quick {
        &self.quick
    }

    /// The answer of a cell as the files write it almost always, from its bytes alone:
    /// [`NO_ANSWER`](sipas_survey::NO_ANSWER) for an empty cell or `X`, position + 1 for a
    /// one-character code, or [`Scale::SLOW`] when the cell needs [`Scale::read`] (padding,
    /// longer codes, `4.0`, or something off the scale).
    #[inline]
    pub fn quick(&self, cell: &[u8]) -> u8 {
        self.quick.get(cell)
    }

    /// [`Scale::quick`]'s answer for a cell that needs the full reading.
    pub const SLOW: u8 = table::fast::Quick::SLOW;

    pub fn read(&self, text: &str) -> Answer {
        match self.quick(text.as_bytes()) {
            0 => Answer::None,
            Self::SLOW => match self.codes.iter().position(|c| c.eq_ignore_ascii_case(text)) {
                Some(i) => Answer::Given(i as u8 + 1),
                None => Answer::OffScale,
            },
            a => Answer::Given(a),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeats_name_the_first_row() {
        let mut seen = Seen::default();
        seen.add("q1", 0, 2);
        seen.add("q2", 0, 3);
        seen.add("q1", 1, 4); // same id, other unit: no repeat
        seen.add("q1", 0, 9);
        seen.add(" q1 ", 0, 12); // the third time, still repeating line 2
        seen.add("q3", 0, 5);
        assert_eq!(seen.repeats(), vec![(0, 2, 9), (0, 2, 12)]);
    }

    proptest::proptest! {
        /// Whether rows come grouped by unit (runs sorted alone) or not (sorted whole), the
        /// repeats are those of a plain search: each later row of an id and unit, with the
        /// first row of that id and unit.
        #[test]
        fn repeats_as_a_plain_search(
            rows in proptest::collection::vec((0..6u8, 0..4usize), 0..60),
            grouped: bool,
        ) {
            let mut rows = rows;
            if grouped {
                rows.sort_by_key(|&(_, unit)| unit);
            }
            let mut seen = Seen::default();
            let mut plain = Vec::new();
            for (i, &(id, unit)) in rows.iter().enumerate() {
                let line = i as u32 + 2;
                seen.add(&format!("q{id}"), unit, u64::from(line));
                if let Some(first) = rows[..i].iter().position(|&r| r == (id, unit)) {
                    plain.push((unit, first as u32 + 2, line));
                }
            }
            proptest::prop_assert_eq!(seen.repeats(), plain);
        }
    }

    /// Cells that need the full reading of a survey row: padded, a longer code, off the scale,
    /// quoted, non-ASCII, blank, a line break in quotes.
    const ODD_CELLS: [&str; 9] = [
        " 3",
        "4.0",
        "4,0",
        "9",
        "\"2\"",
        "Đ",
        " ",
        "\"B\r\nC\"",
        "E",
    ];

    /// A survey file of a header and `rows`: each row's cells drawn by index from `lead`'s
    /// pools for its first cells, then from `answers`; a clean row is as wide as the header, a
    /// row marked odd has its own width and, two times in three, one cell from `ODD_CELLS`.
    /// `blank` says which cells of a clean row are left empty (by the row's cells and column).
    fn survey_file(
        header: &str,
        rows: &[(bool, Vec<usize>)],
        lead: &[&[&str]],
        answers: &[&str],
        blank: &dyn Fn(&[&str], usize) -> bool,
    ) -> String {
        let width = header.split(',').count();
        let mut text = header.to_string() + "\n";
        for (i, (odd, row)) in rows.iter().enumerate() {
            let mut cells: Vec<&str> = row
                .iter()
                .take(if *odd { row.len() } else { width })
                .enumerate()
                .map(|(c, &k)| match lead.get(c) {
                    Some(cells) => cells[k % cells.len()],
                    None => answers[k % answers.len()],
                })
                .collect();
            if *odd && row[0] % 3 != 0 {
                let at = row[1] % cells.len();
                cells[at] = ODD_CELLS[row[2] % ODD_CELLS.len()];
            }
            if !*odd {
                let blanks: Vec<bool> = (0..cells.len()).map(|c| blank(&cells, c)).collect();
                for (cell, blank) in cells.iter_mut().zip(blanks) {
                    if blank {
                        *cell = "";
                    }
                }
            }
            text += &cells.join(",");
            text += if i % 7 == 3 { "\r\n" } else { "\n" };
        }
        text
    }

    /// Rows of a survey file `width` cells wide: mostly clean, some odd (of any width near it).
    fn survey_rows(
        width: usize,
    ) -> impl proptest::strategy::Strategy<Value = Vec<(bool, Vec<usize>)>> {
        let row = (
            proptest::bool::weighted(0.3),
            proptest::collection::vec(0..40usize, width - 2..width + 3),
        );
        proptest::collection::vec(row, 1..40)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(96))]
        /// Lines walked whole by the survey readers read as the same lines split into cells
        /// by the csv crate (which `--encoding utf-8` makes read every file): the same counts,
        /// answers kept and problems.
        #[test]
        fn walked_lines_read_as_split_ones(
            sipas in survey_rows(21), par in survey_rows(43), twice: bool,
        ) {
            // ids (some repeated, one padded, one empty), units (one padded, one unknown),
            // respondent groups (one in lower case, one unknown)
            let ids: &[&str] = &["q1", "q2", "q3", "q1 ", ""];
            let units: &[&str] = &["STC", "SGTVT", "TPLS", " TPLS", "NOPE"];
            let groups: &[&str] = &["LD_SO", "LD_HUYEN", "TP_HUYEN", "ld_xa", "CCVC"];
            let dir = tempfile::tempdir().expect("temp dir");
            let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("samples/2023");
            std::fs::copy(sample.join("units.csv"), dir.path().join("units.csv")).expect("units");
            let header = |name: &str| {
                let text = std::fs::read_to_string(sample.join(name)).expect("sample");
                text.lines().next().expect("header").to_string()
            };
            let sipas_answers = ["", "", "1", "2", "3", "4", "5", "X", "x"];
            let par_answers = ["", "", "", "A", "b", "C", "D", "X"];
            // a question given two columns (refused, but read the same way on both paths)
            let par_header = header("par-survey.csv") + if twice { ",S01" } else { ",#note" };
            let questions: Vec<&str> = par_header.split(',').collect();
            // a clean officials' row answers its unit's group's questions only (S for a
            // department, H for a district)
            let other_group = |cells: &[&str], c: usize| {
                let district = cells.get(2).is_some_and(|u| u.contains("TPLS"));
                c >= 3 && questions.get(c).is_some_and(|q| q.starts_with('S') == district)
            };
            let files = [
                ("sipas-survey.csv", survey_file(&header("sipas-survey.csv"), &sipas, &[ids, units], &sipas_answers, &|_, _| false)),
                ("par-survey.csv", survey_file(&par_header, &par, &[ids, groups, units], &par_answers, &other_group)),
            ];
            for (name, text) in files {
                std::fs::write(dir.path().join(name), text).expect("write");
            }
            let criteria = crate::criteria::load(None).expect("criteria");
            let read = |encoding| {
                let settings = ReadSettings {
                    options: ReadOptions { encoding },
                    keep_answers: true,
                };
                let (year, problems) = read_all(dir.path(), &criteria, settings).expect("read");
                format!("{:?}\n{:?}\n{:?}", year.sipas, year.par_survey, problems.into_sorted())
            };
            proptest::prop_assert_eq!(read(None), read(Some(encoding_rs::UTF_8)));
        }
    }

    #[test]
    fn unit_codes_short_and_long_are_found() {
        let codes = [
            "S1",
            "ABCDEFGHIJKLMNO",
            "ABCDEFGHIJKLMNOP",
            "ĐỊNH-LẬP",
            "S1X",
        ];
        let units: Vec<Unit> = codes
            .iter()
            .map(|c| Unit {
                code: c.to_string(),
                name: c.to_string(),
                group: 0,
                line: 0,
            })
            .collect();
        let index = UnitIndex::new(&units, HashSet::new());
        for (i, c) in codes.iter().enumerate() {
            assert_eq!(index.get(c), Some(i), "{c}");
        }
        // a 15-byte code and its 16-byte extension, a prefix, and a code padded with NUL differ
        for c in ["ABCDEFGHIJKLMN", "S", "S1\0", "ABCDEFGHIJKLMNOPQ", "s1"] {
            assert_eq!(index.get(c), None, "{c}");
        }
    }

    #[test]
    fn scale_reads_codes_ignoring_case() {
        let scale = Scale::new(vec!["A".into(), "B".into(), "Rất tốt".into()]);
        assert!(matches!(scale.read("b"), Answer::Given(2)));
        assert!(matches!(scale.read("rất tốt"), Answer::Given(3)));
        assert!(matches!(scale.read("Rất tốt "), Answer::OffScale)); // cells come trimmed
        assert!(matches!(scale.read("Rất tốt"), Answer::Given(3)));
        assert!(matches!(scale.read("x"), Answer::None));
        assert!(matches!(scale.read(""), Answer::None));
        assert!(matches!(scale.read("E"), Answer::OffScale));
    }
}
