//! `par-index template`: the blank input files of a year, for units to fill in.
//!
//! `self-assessment.csv` has a row per unit and appraisal leaf with hint columns (their names
//! start with `#`, so that the readers ignore them): the unit's name, the criterion's name, its
//! maximum, its scoring rule and what to write in `value`. The survey files have their headers
//! (every question and item of the criteria); `huong-dan.txt` lists the questions, the answer
//! scales, the respondent groups and the deduction kinds. CSV files start with a UTF-8
//! byte-order mark, so that Excel opens the Vietnamese text correctly.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use crate::criteria::{self, Criteria, Measure, Rule, Source};
use crate::error::{Failure, Problem, exit};
use crate::inputs::table::{ReadOptions, Sheet, SheetError};
use crate::output;
use crate::text::normalize_key;

/// The units of the built-in sample year (Lạng Sơn's 20 departments and 11 districts), used
/// when `--units` is not given.
pub const BUILTIN_UNITS: &str = include_str!("../../samples/2023/units.csv");
const BUILTIN_UNITS_NAME: &str = "samples/2023/units.csv (built in)";

/// The hint columns of `self-assessment.csv` (ignored by the readers: they start with `#`).
pub const HINTS: [&str; 5] = [
    "#tên đơn vị",
    "#tên tiêu chí",
    "#điểm tối đa",
    "#cách chấm",
    "#nhập value",
];

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

/// A unit as the template lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemplateUnit {
    pub code: String,
    pub name: String,
    pub group: usize,
}

pub fn run(args: Args) -> anyhow::Result<u8> {
    let criteria = criteria::load(args.criteria.as_deref())?;
    if let Some(y) = args.year
        && y != criteria.year
    {
        let hint = if args.criteria.is_none() {
            crate::tr!(
                "cli-template-builtin-year",
                builtin = criteria.year,
                year = y
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
    let units: Vec<TemplateUnit> = read_units(args.units.as_deref(), &criteria)?
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

fn appraisal_leaves(
    criteria: &Criteria,
    group: usize,
) -> impl Iterator<Item = &crate::criteria::Node> {
    criteria.groups[group]
        .leaves()
        .map(|(_, n)| n)
        .filter(|n| n.source == Some(Source::Appraisal))
}

/// The files of the template, by name.
pub fn files(
    criteria: &Criteria,
    units: &[TemplateUnit],
    groups: &[usize],
) -> Vec<(&'static str, Vec<u8>)> {
    let csv = |rows: Vec<Vec<String>>| -> Vec<u8> {
        let mut w = csv::WriterBuilder::new()
            .flexible(false)
            .from_writer(output::BOM.to_vec());
        for row in rows {
            // Writing to memory cannot fail.
            let _ = w.write_record(&row);
        }
        w.into_inner().unwrap_or_default()
    };
    let s = |x: &str| x.to_string();

    let mut unit_rows = vec![vec![s("code"), s("name"), s("group")]];
    unit_rows.extend(units.iter().map(|u| {
        vec![
            u.code.clone(),
            u.name.clone(),
            criteria.groups[u.group].id.clone(),
        ]
    }));

    let mut self_rows = vec![vec![
        s("unit"),
        s(HINTS[0]),
        s("criterion"),
        s(HINTS[1]),
        s(HINTS[2]),
        s(HINTS[3]),
        s(HINTS[4]),
        s("self"),
        s("appraised"),
        s("value"),
        s("note"),
    ]];
    for u in units {
        for node in appraisal_leaves(criteria, u.group) {
            let rule = node.rule.as_ref();
            self_rows.push(vec![
                u.code.clone(),
                u.name.clone(),
                node.code.to_string(),
                node.name.clone(),
                node.max.normalize().to_string(),
                rule.map(|r| r.describe(node.max)).unwrap_or_default(),
                rule.map(value_hint).unwrap_or_default(),
                String::new(),
                String::new(),
                String::new(),
                String::new(),
            ]);
        }
    }

    let mut par_header = vec![s("respondent"), s("respondent_group"), s("unit")];
    for &g in groups {
        par_header.extend(
            criteria.groups[g]
                .survey
                .questions
                .iter()
                .map(|q| q.id.clone()),
        );
    }
    let mut sipas_header = vec![s("respondent"), s("unit")];
    sipas_header.extend(criteria.sipas.items().map(|i| i.id.clone()));
    let deductions_header = vec![s("unit"), s("code"), s("times"), s("note")];

    vec![
        ("units.csv", csv(unit_rows)),
        ("self-assessment.csv", csv(self_rows)),
        ("par-survey.csv", csv(vec![par_header])),
        ("sipas-survey.csv", csv(vec![sipas_header])),
        ("deductions.csv", csv(vec![deductions_header])),
        ("huong-dan.txt", guide(criteria, units, groups).into_bytes()),
    ]
}

/// What to write in `value` for a rule.
fn value_hint(rule: &Rule) -> String {
    match rule {
        Rule::Free { .. } => "không nhập value: ghi điểm vào self".into(),
        Rule::Levels { levels } => format!(
            "một mức: {}",
            levels
                .iter()
                .map(|l| l.name.as_str())
                .collect::<Vec<_>>()
                .join(" | ")
        ),
        Rule::Bands {
            on: Measure::Count, ..
        } => "số lần (số nguyên)".into(),
        Rule::Bands {
            on: Measure::Percent,
            ..
        }
        | Rule::Proportional => "tỷ lệ %: 85, 85% hoặc 17/20".into(),
    }
}

/// `huong-dan.txt`: how to fill the files in.
fn guide(criteria: &Criteria, units: &[TemplateUnit], groups: &[usize]) -> String {
    let mut g = String::new();
    let _ = writeln!(
        g,
        "BIỂU MẪU NHẬP LIỆU CHỈ SỐ CCHC VÀ CHỈ SỐ HÀI LÒNG NĂM {}",
        criteria.year
    );
    let _ = writeln!(
        g,
        "Tỉnh {} — bộ tiêu chí {} ({})",
        criteria.province, criteria.id, criteria.decision
    );
    let _ = writeln!(g, "{} đơn vị. Tạo bởi: par-index template.\n", units.len());
    let _ = writeln!(
        g,
        "Các tệp CSV (UTF-8) mở và lưu bằng Excel được (Lưu dưới dạng \"CSV UTF-8\"). Cột có tên bắt \
đầu bằng # là cột gợi ý, chương trình bỏ qua; không đổi tên các cột khác.\n"
    );
    let _ = writeln!(
        g,
        "1. units.csv: mã (code), tên (name) và nhóm (group) của từng đơn vị."
    );
    for &k in groups {
        let _ = writeln!(
            g,
            "   nhóm {} = {}",
            criteria.groups[k].id, criteria.groups[k].name
        );
    }
    for line in [
        "",
        "2. self-assessment.csv: mỗi đơn vị một dòng cho mỗi tiêu chí chấm qua thẩm định.",
        "   self: điểm đơn vị tự chấm (1.5 hoặc 1,5); N/A hoặc KĐG nếu tiêu chí không áp dụng.",
        "   appraised: điểm Hội đồng thẩm định (để trống nếu chưa thẩm định).",
        "   value: số liệu đo được cho cách chấm (xem cột #nhập value); chương trình tính điểm từ đó",
        "   khi không có self và appraised, và cảnh báo khi điểm đã ghi khác điểm tính được.",
        "   note: ghi chú, tài liệu kiểm chứng.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    for line in [
        "",
        "3. par-survey.csv: phiếu điều tra xã hội học, mỗi dòng là một người trả lời đánh giá một đơn vị.",
        "   respondent: mã người trả lời; respondent_group: nhóm người trả lời; unit: mã đơn vị được đánh giá;",
        "   mỗi cột câu hỏi: phương án trả lời; để trống hoặc X nếu không trả lời.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    let scale = criteria
        .survey_scale
        .iter()
        .map(|o| format!("{} = {} ({}%)", o.option, o.label, o.weight.normalize()))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(g, "   Phương án: {scale}.");
    for &k in groups {
        let group = &criteria.groups[k];
        let _ = writeln!(g, "\n   Đơn vị nhóm {} ({}):", group.id, group.name);
        let _ = writeln!(
            g,
            "   nhóm người trả lời: {}",
            group
                .survey
                .respondent_groups
                .iter()
                .map(|r| format!("{} = {}", r.id, r.name))
                .collect::<Vec<_>>()
                .join("; ")
        );
        for q in &group.survey.questions {
            let _ = writeln!(g, "   {} (tiêu chí {}): {}", q.id, q.leaf, q.text);
        }
    }
    for line in [
        "",
        "4. sipas-survey.csv: phiếu khảo sát sự hài lòng, mỗi dòng một phiếu.",
        "   respondent: mã phiếu; unit: mã đơn vị; mỗi cột: mức hài lòng; để trống hoặc X nếu không trả lời.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    let levels = criteria
        .sipas
        .scale
        .iter()
        .map(|l| format!("{} = {}", l.level, l.label))
        .collect::<Vec<_>>()
        .join("; ");
    let _ = writeln!(g, "   Mức: {levels}.");
    for e in &criteria.sipas.elements {
        let _ = writeln!(g, "   {} — {}:", e.code, e.name);
        for i in &e.items {
            let _ = writeln!(g, "     {}: {}", i.id, i.text);
        }
    }
    for line in [
        "",
        "5. deductions.csv (không bắt buộc): điểm trừ, mỗi dòng một đơn vị và một loại.",
        "   unit: mã đơn vị; code: loại điểm trừ; times: số lần; note: ghi chú.",
    ] {
        let _ = writeln!(g, "{line}");
    }
    for d in &criteria.deductions {
        let _ = writeln!(
            g,
            "   {}: {} (trừ {} điểm mỗi lần, tối đa {})",
            d.code,
            d.name,
            d.points.normalize(),
            d.cap.normalize()
        );
    }
    let _ = writeln!(
        g,
        "\nKiểm tra và tính: par-index compute <thư mục> (xem README của par-index)."
    );
    g
}

/// The units of the template: from a units file, a year's folder, or the built-in list.
pub fn read_units(path: Option<&Path>, criteria: &Criteria) -> Result<Vec<TemplateUnit>, Failure> {
    let (name, rows) = match path {
        None => (BUILTIN_UNITS_NAME.to_string(), text_rows(BUILTIN_UNITS)),
        Some(path) => {
            let file = if path.is_dir() {
                crate::inputs::table::find(path, crate::inputs::UNITS)
                    .map_err(|p| Failure::Input(vec![p]))?
                    .ok_or_else(|| {
                        Failure::io(
                            format!("cannot read the units of {}", path.display()),
                            std::io::Error::new(
                                std::io::ErrorKind::NotFound,
                                "the folder has no units.csv (nor units.xlsx)",
                            ),
                        )
                    })?
            } else {
                path.to_path_buf()
            };
            if !file.is_file() {
                return Err(Failure::io(
                    format!("cannot read the units file {}", file.display()),
                    std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"),
                ));
            }
            let name = file.display().to_string();
            let sheet = match Sheet::open(&file, &name, ReadOptions::default()) {
                Ok(sheet) => sheet,
                Err(SheetError::Problem(p)) => return Err(Failure::Input(vec![p])),
                Err(SheetError::Io(f)) => return Err(f),
            };
            (name, sheet_rows(sheet)?)
        }
    };
    parse_units(&name, rows, criteria)
}

/// Header then records of a sheet, as text with line numbers.
fn sheet_rows(mut sheet: Sheet) -> Result<Vec<(usize, Vec<String>)>, Failure> {
    let mut rows = vec![(sheet.header_line() as usize, sheet.headers.clone())];
    let mut record = crate::inputs::table::Row::new();
    let mut problems = crate::inputs::Problems::default();
    while let Some(line) = sheet.next(&mut record, &mut problems) {
        let cells = (0..record.len().min(sheet.headers.len()))
            .map(|c| Sheet::cell(&record, c).to_string())
            .collect();
        rows.push((line as usize, cells));
    }
    problems.into_result()?;
    Ok(rows)
}

fn text_rows(text: &str) -> Vec<(usize, Vec<String>)> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .filter_map(Result::ok)
        .map(|r| {
            (
                r.position().map_or(0, |p| p.line() as usize),
                r.iter().map(|c| c.trim().to_string()).collect(),
            )
        })
        .collect()
}

/// `code,name,group` rows: every problem reported together.
fn parse_units(
    name: &str,
    rows: Vec<(usize, Vec<String>)>,
    criteria: &Criteria,
) -> Result<Vec<TemplateUnit>, Failure> {
    let mut rows = rows.into_iter();
    let Some((header_line, header)) = rows.next() else {
        return Err(Failure::Input(vec![
            Problem::new(name, 0, 0, "the units file is empty")
                .hint("one row per unit: code,name,group"),
        ]));
    };
    let col = |title: &str| {
        header
            .iter()
            .position(|h| normalize_key(h).eq_ignore_ascii_case(title))
    };
    let (Some(c_code), Some(c_name), Some(c_group)) = (col("code"), col("name"), col("group"))
    else {
        return Err(Failure::Input(vec![
            Problem::new(name, header_line, 0, "the columns are code, name, group")
                .hint(format!("the header row reads: {}", header.join(", "))),
        ]));
    };
    let mut units: Vec<TemplateUnit> = Vec::new();
    let mut problems = Vec::new();
    for (line, row) in rows {
        let cell = |c: usize| row.get(c).map_or(String::new(), |t| normalize_key(t));
        let (code, unit_name, group) = (cell(c_code), cell(c_name), cell(c_group));
        if code.is_empty() && unit_name.is_empty() && group.is_empty() {
            continue;
        }
        if code.is_empty() {
            problems.push(
                Problem::new(name, line, c_code + 1, "the unit code is empty").column_name("code"),
            );
            continue;
        }
        let Some(g) = criteria
            .groups
            .iter()
            .position(|x| x.id.eq_ignore_ascii_case(&group))
        else {
            problems.push(
                Problem::new(name, line, c_group + 1, format!("unknown group {group:?}"))
                    .column_name("group")
                    .subject(format!("unit {code}"))
                    .hint(format!(
                        "the criteria define the groups {}",
                        criteria
                            .groups
                            .iter()
                            .map(|x| x.id.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            );
            continue;
        };
        if units.iter().any(|u| u.code == code) {
            problems.push(
                Problem::new(name, line, c_code + 1, "duplicate unit")
                    .column_name("code")
                    .subject(format!("unit {code}")),
            );
            continue;
        }
        units.push(TemplateUnit {
            code,
            name: unit_name,
            group: g,
        });
    }
    if units.is_empty() && problems.is_empty() {
        problems.push(
            Problem::new(name, 0, 0, "no unit is listed").hint("one row per unit: code,name,group"),
        );
    }
    if problems.is_empty() {
        Ok(units)
    } else {
        Err(Failure::Input(problems))
    }
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
        let rows = text_rows("code,name,group\nA,Đơn vị A,so\nA,Lặp,so\nB,Đơn vị B,xa\n");
        let e = parse_units("u.csv", rows, &c).unwrap_err();
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
