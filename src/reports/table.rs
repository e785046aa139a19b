//! Tables for the terminal: fitted to its width and drawn with lines on a terminal, plain
//! (Markdown-like, unwrapped) when piped.

use comfy_table::presets::{ASCII_MARKDOWN, UTF8_FULL_CONDENSED};
use comfy_table::{Cell, CellAlignment, ColumnConstraint, ContentArrangement, Table};
use comfy_table::{LineStyle, TableStyle};

/// A new table with the house style for `terminal` or for a pipe.
pub fn new(terminal: bool) -> Table {
    let mut table = Table::new();
    if terminal {
        table.load_style(UTF8_FULL_CONDENSED);
        table.set_content_arrangement(ContentArrangement::Dynamic);
        if table.width().is_none() {
            table.set_width(80);
        }
    } else {
        table.load_style(ASCII_MARKDOWN);
        table.force_no_tty();
    }
    table
}

/// Lines above and below the table and under its header, none between rows or columns.
const ANNEX: TableStyle = TableStyle::new()
    .top_border(LineStyle::none().fill('─').junction('─'))
    .header_separator(LineStyle::none().fill('─').junction('─'))
    .bottom_border(LineStyle::none().fill('─').junction('─'));

/// On a terminal, keeps every column but `wrap` at the width of its contents (figures never
/// wrap), drawn without vertical lines, so that an annex fits 80 columns with the unit names
/// wrapped.
pub fn fit(table: &mut Table, wrap: usize, terminal: bool) {
    if !terminal {
        return;
    }
    table.load_style(ANNEX);
    for (i, column) in table.column_iter_mut().enumerate() {
        column.set_padding((0, 2));
        if i != wrap {
            column.set_constraint(ColumnConstraint::ContentWidth);
        }
    }
}

/// Column headers; on a terminal, two-word headers on two lines, to leave room for names.
fn header(names: &[&str], terminal: bool) -> Vec<String> {
    names
        .iter()
        .map(|n| {
            if terminal {
                n.replacen(' ', "\n", 1)
            } else {
                n.to_string()
            }
        })
        .collect()
}

/// A right-aligned cell, for figures.
pub fn num(text: impl ToString) -> Cell {
    Cell::new(text).set_alignment(CellAlignment::Right)
}

use std::fmt::Write as _;

use crate::criteria::Criteria;
use crate::decimal::fixed;
use crate::stages::{Ranked, Results};

/// Rank with a mark when it is decided below the published precision.
fn rank_text(r: &Ranked, marks: &mut Vec<String>, code: &str) -> String {
    if r.rank == 0 {
        return "—".into();
    }
    match &r.note {
        Some(note) => {
            marks.push(format!("{code}: {note}"));
            format!("{}*", r.rank)
        }
        None => r.rank.to_string(),
    }
}

/// A figure in a column where some figure carries a mark (`*`, `†`): one without gets a space in
/// the mark's place, so that the digits of the column stay aligned.
fn hang(text: String, column_has_marks: bool) -> String {
    match column_has_marks && !text.ends_with(['*', '†']) {
        true => text + " ",
        false => text,
    }
}

fn footnotes(out: &mut String, marks: &[String]) {
    if !marks.is_empty() {
        let _ = writeln!(out, "* Xếp hạng quyết định dưới độ chính xác công bố:");
        for m in marks {
            let _ = writeln!(out, "  {m}");
        }
    }
}

/// Phụ lục I for the terminal: rank, unit, questionnaires, element indices, SIPAS.
pub fn sipas(criteria: &Criteria, results: &Results, groups: &[usize], terminal: bool) -> String {
    let d = criteria.publish.decimals;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Phụ lục I. Chỉ số hài lòng của người dân, tổ chức năm {}",
        criteria.year
    );
    for &g in groups {
        let group = &criteria.groups[g];
        let _ = writeln!(out, "\n{}", group.name);
        let mut t = new(terminal);
        let mut header = vec!["Hạng".to_string(), "Đơn vị".into(), "Phiếu".into()];
        header.extend(criteria.sipas.elements.iter().map(|e| e.code.clone()));
        header.push("Chỉ số".into());
        t.set_header(self::header(
            &header.iter().map(String::as_str).collect::<Vec<_>>(),
            terminal,
        ));
        let mut marks = Vec::new();
        let mut small = Vec::new();
        let units = results.by_sipas_rank(g);
        let noted = units.iter().any(|u| u.sipas_rank.note.is_some());
        let any_small = units.iter().any(|u| u.below_minimum);
        for u in units {
            let mut row = vec![
                num(hang(rank_text(&u.sipas_rank, &mut marks, &u.code), noted)),
                comfy_table::Cell::new(&u.name),
                num(hang(
                    if u.below_minimum {
                        small.push(u.code.clone());
                        format!("{}†", u.valid)
                    } else {
                        u.valid.to_string()
                    },
                    any_small,
                )),
            ];
            row.extend(
                u.satisfaction
                    .elements
                    .iter()
                    .map(|e| num(e.map_or("—".into(), |v| fixed(v, d)))),
            );
            row.push(num(u
                .satisfaction
                .index
                .map_or("—".into(), |v| fixed(v, d))));
            t.add_row(row);
        }
        fit(&mut t, 1, terminal);
        let _ = writeln!(out, "{t}");
        footnotes(&mut out, &marks);
        small_sample_note(&mut out, criteria, &small);
    }
    let _ = writeln!(out);
    for e in &criteria.sipas.elements {
        let _ = writeln!(out, "{} = {}", e.code, e.name);
    }
    let _ = writeln!(out, "{}", super::annex::sipas_source_note(results));
    out
}

/// Phụ lục II for the terminal: rank, unit, points by source, deductions, total, index, band.
pub fn par(criteria: &Criteria, results: &Results, groups: &[usize], terminal: bool) -> String {
    let d = criteria.publish.decimals;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "Phụ lục II. Chỉ số cải cách hành chính năm {}",
        criteria.year
    );
    for &g in groups {
        let group = &criteria.groups[g];
        let _ = writeln!(out, "\n{}", group.name);
        let mut t = new(terminal);
        t.set_header(header(
            &[
                "Hạng",
                "Đơn vị",
                "Thẩm định",
                "Điều tra",
                "Hài lòng",
                "Trừ",
                "Tổng",
                "Tối đa",
                "Chỉ số",
                "Loại",
            ],
            terminal,
        ));
        let mut marks = Vec::new();
        let mut small = Vec::new();
        let units = results.by_par_rank(g);
        let noted = units.iter().any(|u| u.par.rank.note.is_some());
        let any_small = units.iter().any(|u| u.below_minimum);
        for u in units {
            let p = &u.par;
            let sipas = if u.below_minimum {
                small.push(u.code.clone());
                format!("{}†", fixed(p.sipas, d))
            } else {
                fixed(p.sipas, d)
            };
            t.add_row(vec![
                num(hang(rank_text(&p.rank, &mut marks, &u.code), noted)),
                comfy_table::Cell::new(&u.name),
                num(fixed(p.appraisal, d)),
                num(fixed(p.survey, d)),
                num(hang(sipas, any_small)),
                num(fixed(p.deductions, d)),
                num(fixed(p.total, d)),
                num(fixed(p.max, d)),
                num(fixed(p.index, d)),
                comfy_table::Cell::new(p.band.as_deref().unwrap_or("")),
            ]);
        }
        fit(&mut t, 1, terminal);
        let _ = writeln!(out, "{t}");
        footnotes(&mut out, &marks);
        small_sample_note(&mut out, criteria, &small);
    }
    out
}

fn small_sample_note(out: &mut String, criteria: &Criteria, small: &[String]) {
    if !small.is_empty() {
        let _ = writeln!(
            out,
            "† Chỉ số hài lòng từ dưới {} phiếu hợp lệ: {}",
            criteria.sipas.min_valid,
            small.join(", ")
        );
    }
}
