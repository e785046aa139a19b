//! Phụ lục I (satisfaction) and Phụ lục II (PAR index) as tables of published figures, laid
//! out as the decision's annexes. CSV, the terminal table and the workbook all render these.

use rayon::prelude::*;
use rust_decimal::Decimal;

use crate::criteria::Criteria;
use crate::decimal::publish;
use crate::stages::{Results, UnitResult};

/// Which annexes to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Which {
    // Phụ lục II: the PAR index (the values' help is in locales/*/cli.ftl)
    Par,
    // Phụ lục I: the satisfaction index
    Sipas,
    // both, Phụ lục I first
    Both,
}

impl Which {
    pub fn sipas(self) -> bool {
        matches!(self, Which::Sipas | Which::Both)
    }
    pub fn par(self) -> bool {
        matches!(self, Which::Par | Which::Both)
    }
}

/// A cell of an annex.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// A published figure (already rounded).
    Number(Decimal),
    /// A whole number (rank, questionnaires).
    Int(i64),
    Empty,
}

impl Cell {
    pub fn text(&self) -> String {
        let mut text = String::new();
        self.write_to(&mut text);
        text
    }

    /// Appends the cell's text (as [`Cell::text`] gives it) to `out`, with no allocation of
    /// its own: a national annex writes half a million cells.
    pub fn write_to(&self, out: &mut String) {
        use std::fmt::Write;
        match self {
            Cell::Text(s) => out.push_str(s),
            Cell::Number(d) => crate::decimal::write(out, *d),
            Cell::Int(i) => {
                let _ = write!(out, "{i}");
            }
            Cell::Empty => {}
        }
    }
}

/// One annex: title, column headers, and one section of rows per group.
#[derive(Debug, Clone)]
pub struct Annex {
    /// "Phụ lục I" or "Phụ lục II".
    pub label: &'static str,
    pub title: String,
    pub headers: Vec<String>,
    /// Per group: its name and its rows, by rank.
    pub sections: Vec<(String, Vec<Vec<Cell>>)>,
    /// Which columns are figures (right-aligned, numbers in a workbook).
    pub numeric: Vec<bool>,
}

/// The column index of the rank note ("Ghi chú") — always the last column.
pub fn rank_cell(rank: usize) -> Cell {
    if rank == 0 {
        Cell::Empty
    } else {
        Cell::Int(rank as i64)
    }
}

/// Where Phụ lục I's figures come from, as the annex says it under its tables.
pub fn sipas_source_note(results: &Results) -> String {
    match results.sipas_source {
        crate::stages::SipasSource::Questionnaires => {
            "Số phiếu hợp lệ và các chỉ số tính từ phiếu khảo sát (sipas-survey): chỉ số mỗi yếu tố \
             là trung bình chỉ số các câu hỏi của yếu tố, Chỉ số hài lòng là trung bình chỉ số các \
             yếu tố."
                .to_string()
        }
        crate::stages::SipasSource::Delivered => {
            "Số phiếu hợp lệ và chỉ số các yếu tố theo kết quả khảo sát do đơn vị thực hiện khảo \
             sát cung cấp (sipas-results); Chỉ số hài lòng là trung bình chỉ số các yếu tố."
                .to_string()
        }
    }
}

/// The flag of a unit below the minimum of valid questionnaires, in both annexes.
fn small_sample(criteria: &Criteria, u: &UnitResult) -> Option<String> {
    u.below_minimum.then(|| {
        format!(
            "chỉ số hài lòng từ {} phiếu hợp lệ, dưới mức tối thiểu {} phiếu",
            u.valid, criteria.sipas.min_valid
        )
    })
}

fn note(parts: &[Option<String>]) -> Cell {
    let text = parts
        .iter()
        .flatten()
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if text.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(text)
    }
}

/// Phụ lục I — the satisfaction index of every unit, ranked within its group.
pub fn sipas(criteria: &Criteria, results: &Results, groups: &[usize]) -> Annex {
    let d = criteria.publish.decimals;
    let mut headers: Vec<String> = [
        "Nhóm",
        "Xếp hạng",
        "Mã đơn vị",
        "Tên đơn vị",
        "Số phiếu hợp lệ",
    ]
    .map(String::from)
    .to_vec();
    for e in &criteria.sipas.elements {
        headers.push(format!("{} (%)", e.name));
    }
    headers.push("Chỉ số hài lòng (%)".into());
    headers.push("Ghi chú".into());
    let mut numeric = vec![false, true, false, false, true];
    numeric.extend(criteria.sipas.elements.iter().map(|_| true));
    numeric.extend([true, false]);
    let sections = groups
        .iter()
        .map(|&g| {
            let rows = results
                .by_sipas_rank(g)
                .into_par_iter()
                .map(|u| {
                    let mut row = vec![
                        Cell::Text(criteria.groups[g].id.clone()),
                        rank_cell(u.sipas_rank.rank),
                        Cell::Text(u.code.clone()),
                        Cell::Text(u.name.clone()),
                        Cell::Int(i64::from(u.valid)),
                    ];
                    for e in &u.satisfaction.elements {
                        row.push(e.map_or(Cell::Empty, |v| Cell::Number(publish(v, d))));
                    }
                    row.push(
                        u.satisfaction
                            .index
                            .map_or(Cell::Empty, |v| Cell::Number(publish(v, d))),
                    );
                    row.push(note(&[
                        small_sample(criteria, u),
                        u.sipas_rank.note.clone(),
                    ]));
                    row
                })
                .collect();
            (criteria.groups[g].name.clone(), rows)
        })
        .collect();
    Annex {
        label: "Phụ lục I",
        title: format!(
            "Chỉ số hài lòng của người dân, tổ chức năm {}",
            criteria.year
        ),
        headers,
        sections,
        numeric,
    }
}

/// The field columns of Phụ lục II: as many as the largest tree has fields.
fn field_count(criteria: &Criteria, groups: &[usize]) -> usize {
    groups
        .iter()
        .map(|&g| criteria.groups[g].fields().count())
        .max()
        .unwrap_or(0)
}

/// Phụ lục II — the PAR index of every unit, ranked within its group.
pub fn par(criteria: &Criteria, results: &Results, groups: &[usize]) -> Annex {
    let d = criteria.publish.decimals;
    let fields = field_count(criteria, groups);
    let mut headers: Vec<String> = ["Nhóm", "Xếp hạng", "Mã đơn vị", "Tên đơn vị"]
        .map(String::from)
        .to_vec();
    headers.extend((1..=fields).map(|f| format!("Lĩnh vực {f}")));
    headers.extend(
        [
            "Điểm thẩm định",
            "Điểm điều tra XHH",
            "Điểm chỉ số hài lòng",
            "Điểm trừ",
            "Điểm tối đa",
            "Tổng điểm",
            "Chỉ số CCHC (%)",
            "Xếp loại",
            "Ghi chú",
        ]
        .map(String::from),
    );
    let mut numeric = vec![false, true, false, false];
    numeric.extend((0..fields).map(|_| true));
    numeric.extend([true, true, true, true, true, true, true, false, false]);
    let sections = groups
        .iter()
        .map(|&g| {
            let group = &criteria.groups[g];
            let rows = results
                .by_par_rank(g)
                .into_par_iter()
                .map(|u| par_row(criteria, u, fields, d))
                .collect();
            (group.name.clone(), rows)
        })
        .collect();
    Annex {
        label: "Phụ lục II",
        title: format!("Chỉ số cải cách hành chính năm {}", criteria.year),
        headers,
        sections,
        numeric,
    }
}

fn par_row(criteria: &Criteria, u: &UnitResult, fields: usize, d: u32) -> Vec<Cell> {
    let group = &criteria.groups[u.group];
    let n = |v: Decimal| Cell::Number(publish(v, d));
    let mut row = vec![
        Cell::Text(group.id.clone()),
        rank_cell(u.par.rank.rank),
        Cell::Text(u.code.clone()),
        Cell::Text(u.name.clone()),
    ];
    let field_points: Vec<Cell> = group.fields().map(|(i, _)| n(u.node(i).points)).collect();
    for f in 0..fields {
        row.push(field_points.get(f).cloned().unwrap_or(Cell::Empty));
    }
    row.extend([
        n(u.par.appraisal),
        n(u.par.survey),
        n(u.par.sipas),
        n(u.par.deductions),
        n(u.par.max),
        n(u.par.total),
        n(u.par.index),
        u.par.band.clone().map_or(Cell::Empty, Cell::Text),
        note(&[small_sample(criteria, u), u.par.rank.note.clone()]),
    ]);
    row
}
