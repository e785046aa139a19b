//! The rule set as a workbook (`par-index criteria --format xlsx`), to edit as a table beside
//! the decision's annex and to give back with `--criteria FILE.xlsx`: a sheet per group's tree
//! (code, name, maximum, source, the rule's kind and its parameters in a machine-readable
//! column, the rule as the decision words it, provenance, note), and sheets for the groups, the
//! officials' survey (respondent groups, questions, scale), the satisfaction questionnaire
//! (scale, elements, items), deductions, bands, sources and the general keys. The sheets and
//! columns are those [`crate::inputs::criteria_workbook`] reads; read back, the workbook gives
//! the same rule set (tests hold it).

use rust_decimal::Decimal;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use crate::criteria::export::{band_bounds, number, rule_parameters};
use crate::criteria::{Criteria, Group, Ranking};
use crate::inputs::criteria_workbook::{
    BANDS, DEDUCTIONS, ELEMENTS, GENERAL, GENERAL_KEYS, GROUPS, ITEMS, QUESTIONS,
    RESPONDENT_GROUPS, SHEETS, SIPAS_SCALE, SOURCES, SURVEY_SCALE, TREE,
};

/// A cell to write: text, or a decimal (a number where Excel keeps its digits, else text).
enum V {
    T(String),
    N(Decimal),
}

fn t(s: impl Into<String>) -> V {
    V::T(s.into())
}

fn opt(s: &Option<String>) -> V {
    V::T(s.clone().unwrap_or_default())
}

/// A sheet of `header` and `rows`, the header frozen and repeated in print, columns as wide as
/// `widths` (characters).
fn sheet(
    book: &mut Workbook,
    name: &str,
    header: &[&str],
    rows: Vec<Vec<V>>,
    widths: &[f64],
) -> Result<(), XlsxError> {
    let head = Format::new()
        .set_bold()
        .set_background_color(0xDDEBF7)
        .set_border(FormatBorder::Thin)
        .set_text_wrap()
        .set_align(FormatAlign::VerticalCenter);
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let figure = Format::new().set_align(FormatAlign::Top);
    let ws: &mut Worksheet = book.add_worksheet();
    ws.set_name(name)?;
    for (c, h) in header.iter().enumerate() {
        ws.write_string_with_format(0, c as u16, *h, &head)?;
        ws.set_column_width(c as u16, widths.get(c).copied().unwrap_or(14.0))?;
    }
    for (r, row) in rows.iter().enumerate() {
        let r = r as u32 + 1;
        // wrapped text: the row as high as its longest cell needs (Excel and LibreOffice do
        // not fit a written row by themselves)
        let lines = row
            .iter()
            .enumerate()
            .map(|(c, v)| match v {
                V::T(s) => {
                    let width = widths.get(c).copied().unwrap_or(14.0).max(4.0);
                    s.lines()
                        .map(|l| (l.chars().count() as f64 * 1.1 / width).ceil().max(1.0))
                        .sum::<f64>()
                }
                V::N(_) => 1.0,
            })
            .fold(1.0, f64::max);
        if lines > 1.0 {
            ws.set_row_height(r, 15.0 * lines)?;
        }
        for (c, v) in row.iter().enumerate() {
            let c = c as u16;
            match v {
                V::T(s) if s.is_empty() => {}
                V::T(s) => {
                    ws.write_string_with_format(r, c, s, &wrap)?;
                }
                V::N(d) => {
                    let text = number(*d);
                    // (a number Excel would not keep digit for digit is written as its text)
                    match text.starts_with('"') {
                        true => ws.write_string_with_format(r, c, text.trim_matches('"'), &wrap)?,
                        false => ws.write_number_with_format(
                            r,
                            c,
                            text.parse::<f64>().unwrap_or(0.0),
                            &figure,
                        )?,
                    };
                }
            }
        }
    }
    ws.set_freeze_panes(1, 0)?;
    ws.set_repeat_rows(0, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// What a general key is, for the reader of the sheet (the workbook is a document in
/// Vietnamese, like the annexes).
fn label(key: &str) -> &'static str {
    match key {
        "id" => "Mã bộ tiêu chí",
        "year" => "Năm đánh giá",
        "province" => "Tỉnh",
        "decision" => "Quyết định ban hành",
        "publish.decimals" => "Số chữ số thập phân khi công bố",
        "publish.ranking" => "Xếp hạng theo (exact: giá trị chính xác; published: giá trị công bố)",
        "publish.provenance" => "Công bố: nguồn gốc",
        "publish.note" => "Công bố: ghi chú",
        "survey.provenance" => "Điều tra xã hội học: nguồn gốc thang điểm",
        "survey.note" => "Điều tra xã hội học: ghi chú",
        "sipas.satisfied" => "Các mức được tính là hài lòng",
        "sipas.min_valid" => "Số phiếu hợp lệ tối thiểu mỗi đơn vị",
        "sipas.provenance" => "Khảo sát sự hài lòng: nguồn gốc",
        "sipas.note" => "Khảo sát sự hài lòng: ghi chú",
        "deductions.cap" => "Tổng điểm trừ tối đa mỗi đơn vị",
        "deductions.provenance" => "Điểm trừ: nguồn gốc",
        "deductions.note" => "Điểm trừ: ghi chú",
        "preamble" => "Lời đầu (chú thích của tệp)",
        _ => "",
    }
}

fn header(name: &str) -> &'static [&'static str] {
    SHEETS
        .iter()
        .find(|(n, _)| *n == name)
        .map_or(&[], |(_, h)| h)
}

/// The workbook of the rule set, with only `groups` (all of them for the whole set).
pub fn render(c: &Criteria, groups: &[&Group]) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    // general keys
    let ranking = match c.publish.ranking {
        Ranking::Exact => "exact",
        Ranking::Published => "published",
    };
    let satisfied: Vec<String> = c.sipas.satisfied.iter().map(u32::to_string).collect();
    let value = |key: &str| -> V {
        match key {
            "id" => t(&c.id),
            "year" => V::N(Decimal::from(c.year)),
            "province" => t(&c.province),
            "decision" => t(&c.decision),
            "publish.decimals" => V::N(Decimal::from(c.publish.decimals)),
            "publish.ranking" => t(ranking),
            "publish.provenance" => t(&c.publish.provenance),
            "publish.note" => opt(&c.publish.note),
            "survey.provenance" => t(&c.survey_provenance),
            "survey.note" => opt(&c.survey_note),
            "sipas.satisfied" => t(satisfied.join(", ")),
            "sipas.min_valid" => V::N(Decimal::from(c.sipas.min_valid)),
            "sipas.provenance" => t(&c.sipas.provenance),
            "sipas.note" => opt(&c.sipas.note),
            "deductions.cap" => V::N(c.deduction_cap),
            "deductions.provenance" => t(&c.deductions_provenance),
            "deductions.note" => opt(&c.deductions_note),
            "preamble" => t(&c.preamble),
            _ => t(""),
        }
    };
    let rows = GENERAL_KEYS
        .iter()
        .map(|(key, _)| vec![t(label(key)), t(*key), value(key)])
        .collect();
    sheet(
        &mut book,
        GENERAL,
        header(GENERAL),
        rows,
        &[34.0, 22.0, 90.0],
    )?;
    // groups, then each group's tree
    let rows = groups
        .iter()
        .map(|g| {
            let split = |f: fn(&crate::criteria::Split) -> Decimal| {
                g.split.as_ref().map_or(t(""), |s| V::N(f(s)))
            };
            vec![
                t(&g.id),
                t(&g.name),
                V::N(g.total),
                split(|s| s.appraisal),
                split(|s| s.survey),
                split(|s| s.sipas),
                t(&g.provenance),
                opt(&g.note),
                t(&g.survey.provenance),
                opt(&g.survey.note),
            ]
        })
        .collect();
    sheet(
        &mut book,
        GROUPS,
        header(GROUPS),
        rows,
        &[8.0, 24.0, 9.0, 9.0, 9.0, 9.0, 12.0, 60.0, 12.0, 40.0],
    )?;
    for g in groups {
        let rows = g
            .nodes
            .iter()
            .map(|n| {
                vec![
                    t(n.code.to_string()),
                    t(&n.name),
                    V::N(n.max),
                    t(n.source.map_or("", |s| s.as_str())),
                    t(n.rule.as_ref().map_or("", |r| r.kind())),
                    t(n.rule.as_ref().map(rule_parameters).unwrap_or_default()),
                    t(n.rule
                        .as_ref()
                        .map(|r| r.describe(n.max))
                        .unwrap_or_default()),
                    t(&n.provenance),
                    opt(&n.note),
                ]
            })
            .collect();
        sheet(
            &mut book,
            &g.id,
            &TREE,
            rows,
            &[9.0, 48.0, 9.0, 11.0, 12.0, 40.0, 44.0, 12.0, 40.0],
        )?;
    }
    // the officials' survey
    let rows = groups
        .iter()
        .flat_map(|g| {
            g.survey
                .respondent_groups
                .iter()
                .map(|r| vec![t(&g.id), t(&r.id), t(&r.name), V::N(r.weight)])
        })
        .collect();
    sheet(
        &mut book,
        RESPONDENT_GROUPS,
        header(RESPONDENT_GROUPS),
        rows,
        &[8.0, 14.0, 48.0, 10.0],
    )?;
    let rows = groups
        .iter()
        .flat_map(|g| {
            g.survey
                .questions
                .iter()
                .map(|q| vec![t(&g.id), t(&q.id), t(q.leaf.to_string()), t(&q.text)])
        })
        .collect();
    sheet(
        &mut book,
        QUESTIONS,
        header(QUESTIONS),
        rows,
        &[8.0, 8.0, 9.0, 90.0],
    )?;
    let rows = c
        .survey_scale
        .iter()
        .map(|o| vec![t(&o.option), V::N(o.weight), t(&o.label)])
        .collect();
    sheet(
        &mut book,
        SURVEY_SCALE,
        header(SURVEY_SCALE),
        rows,
        &[10.0, 10.0, 30.0],
    )?;
    // the satisfaction questionnaire
    let rows = c
        .sipas
        .scale
        .iter()
        .map(|l| vec![V::N(Decimal::from(l.level)), t(&l.label)])
        .collect();
    sheet(
        &mut book,
        SIPAS_SCALE,
        header(SIPAS_SCALE),
        rows,
        &[8.0, 30.0],
    )?;
    let rows = c
        .sipas
        .elements
        .iter()
        .map(|e| vec![t(&e.code), t(&e.name), t(&e.provenance)])
        .collect();
    sheet(
        &mut book,
        ELEMENTS,
        header(ELEMENTS),
        rows,
        &[8.0, 48.0, 14.0],
    )?;
    let rows = c
        .sipas
        .elements
        .iter()
        .flat_map(|e| {
            e.items
                .iter()
                .map(|i| vec![t(&e.code), t(&i.id), t(&i.text)])
        })
        .collect();
    sheet(&mut book, ITEMS, header(ITEMS), rows, &[8.0, 8.0, 90.0])?;
    // deductions, bands, sources
    let rows = c
        .deductions
        .iter()
        .map(|d| {
            vec![
                t(&d.code),
                t(&d.name),
                V::N(d.points),
                V::N(d.cap),
                t(&d.provenance),
                opt(&d.note),
            ]
        })
        .collect();
    sheet(
        &mut book,
        DEDUCTIONS,
        header(DEDUCTIONS),
        rows,
        &[10.0, 60.0, 10.0, 9.0, 12.0, 40.0],
    )?;
    let rows = c
        .bands
        .iter()
        .map(|b| {
            let bounds = band_bounds(&b.interval);
            let bound = |k: &str| {
                bounds
                    .iter()
                    .find(|(key, _)| *key == k)
                    .and_then(|(_, v)| v.trim_matches('"').parse::<Decimal>().ok())
                    .map_or(t(""), V::N)
            };
            vec![
                t(&b.name),
                opt(&b.label),
                bound("from"),
                bound("above"),
                bound("to"),
                bound("below"),
                bound("at"),
                t(&b.provenance),
            ]
        })
        .collect();
    sheet(
        &mut book,
        BANDS,
        header(BANDS),
        rows,
        &[8.0, 24.0, 8.0, 8.0, 8.0, 8.0, 8.0, 12.0],
    )?;
    let rows = c
        .sources
        .iter()
        .map(|(k, s)| {
            let confirmed = if s.confirmed { "TRUE" } else { "FALSE" };
            vec![t(k), t(&s.title), t(confirmed)]
        })
        .collect();
    sheet(
        &mut book,
        SOURCES,
        header(SOURCES),
        rows,
        &[14.0, 100.0, 12.0],
    )?;
    let props = rust_xlsxwriter::DocProperties::new()
        .set_title(&c.id)
        .set_comment(&c.decision)
        .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1)?);
    book.set_properties(&props);
    book.save_to_buffer()
}

#[cfg(test)]
mod tests {
    // The round trip through the reader of inputs/criteria_workbook.rs: here, above both.
    use std::path::Path;

    use super::*;
    use crate::criteria::{BUILTIN_NAME, BUILTIN_TEXT, parse};

    fn workbook(c: &Criteria, dir: &Path) -> std::path::PathBuf {
        let path = dir.join("rules.xlsx");
        let groups: Vec<&crate::criteria::Group> = c.groups.iter().collect();
        let bytes = render(c, &groups).expect("render");
        std::fs::write(&path, bytes).expect("write");
        path
    }

    #[test]
    fn the_builtin_rules_as_a_workbook_read_back_as_the_same_rules() {
        let builtin = parse(BUILTIN_NAME, BUILTIN_TEXT).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let back = crate::inputs::criteria_workbook::read(&workbook(&builtin, dir.path()))
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(
            serde_json::to_value(&back).unwrap(),
            serde_json::to_value(&builtin).unwrap()
        );
        assert_eq!(back.preamble, builtin.preamble);
        // and so the same criteria file, written out again
        let all =
            |c: &Criteria| crate::criteria::export::toml(c, &c.groups.iter().collect::<Vec<_>>());
        assert_eq!(all(&back), all(&builtin));
    }

    #[test]
    fn a_broken_maximum_is_named_by_its_sheet_and_cell() {
        let mut broken = parse(BUILTIN_NAME, BUILTIN_TEXT).unwrap();
        let so = &mut broken.groups[0];
        assert_eq!(so.id, "so");
        let k = so.node_index("1.1").unwrap();
        so.nodes[k].max = rust_decimal::Decimal::new(35, 1);
        let dir = tempfile::tempdir().unwrap();
        let Err(crate::error::Failure::Criteria(problems)) =
            crate::inputs::criteria_workbook::read(&workbook(&broken, dir.path()))
        else {
            panic!("a broken maximum is refused")
        };
        // the node is the (k + 1)th row below the header: row k + 2, maximum in column C
        let at = format!("rules.xlsx:so!C{}", k + 2);
        assert!(
            problems
                .iter()
                .any(|p| p.place().ends_with(&at) && p.to_string().contains("3.5")),
            "{problems:?}"
        );
    }
}
