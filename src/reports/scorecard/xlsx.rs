//! A scorecard as a workbook: the sheet "Tổng hợp" (results, what it takes to move, neighbours,
//! the criteria that lost most and those furthest behind the group's best, deductions,
//! warnings) and the sheet "Điểm chi tiết" (the whole tree). Figures are numbers with the
//! published decimals; Times New Roman; A4, one page wide.

use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::{Line, NEED_DECIMALS, Scorecard, holders, how, shown};
use crate::criteria::Criteria;
use crate::reports::explain::NodeLine;
use crate::reports::xlsx::base_format;
use crate::text::text_width;

const FILL: u32 = 0xDDEBF7;
const SECTION_FILL: u32 = 0xF2F2F2;
/// Paper size code of A4 in Excel.
const A4: u8 = 9;
/// Columns of the summary sheet.
const LAST: u16 = 6;

struct Formats {
    title: Format,
    unit: Format,
    sub: Format,
    section: Format,
    head: Format,
    text: Format,
    wrapped: Format,
    bold_text: Format,
    number: Format,
    bold_number: Format,
    need: Format,
    int: Format,
    centered: Format,
}

impl Formats {
    fn new(decimals: u32) -> Formats {
        let number = if decimals == 0 {
            "0".to_string()
        } else {
            format!("0.{}", "0".repeat(decimals as usize))
        };
        let cell = base_format()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            title: base_format()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center),
            unit: base_format()
                .set_bold()
                .set_font_size(13)
                .set_align(FormatAlign::Center),
            sub: base_format()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            section: base_format().set_bold().set_background_color(SECTION_FILL),
            head: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(FILL),
            text: cell.clone(),
            wrapped: cell.clone().set_text_wrap(),
            bold_text: cell.clone().set_bold().set_text_wrap(),
            number: cell.clone().set_num_format(&number),
            bold_number: cell.clone().set_num_format(&number).set_bold(),
            need: cell
                .clone()
                .set_num_format(format!("0.{}", "0".repeat(NEED_DECIMALS as usize)))
                .set_bold(),
            int: cell
                .clone()
                .set_num_format("0")
                .set_align(FormatAlign::Center),
            centered: cell.set_align(FormatAlign::Center),
        }
    }
}

fn f64_of(d: Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

/// A figure, or a dash.
fn figure(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<Decimal>,
    format: &Format,
    f: &Formats,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(row, col, f64_of(v), format)?,
        None => sheet.write_string_with_format(row, col, "—", &f.centered)?,
    };
    Ok(())
}

fn merged(
    sheet: &mut Worksheet,
    row: u32,
    first: u16,
    last: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if first == last {
        sheet.write_string_with_format(row, first, text, format)?;
    } else {
        sheet.merge_range(row, first, row, last, text, format)?;
    }
    Ok(())
}

/// Lines a text takes wrapped at `width` characters.
fn lines(text: &str, width: usize) -> usize {
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = text_width(word);
        if used > 0 && used + 1 + w > width {
            lines += 1;
            used = w;
        } else {
            used += w + usize::from(used > 0);
        }
    }
    lines
}

fn tall(sheet: &mut Worksheet, row: u32, lines: usize) -> Result<(), XlsxError> {
    if lines > 1 {
        sheet.set_row_height(row, 16.0 * lines as f64)?;
    }
    Ok(())
}

/// The scorecard as a workbook; `top` criteria in each list of the summary (0: all).
pub fn render(criteria: &Criteria, sc: &Scorecard, top: usize) -> Result<Vec<u8>, XlsxError> {
    let d = sc.e.decimals;
    let f = Formats::new(d);
    let mut book = Workbook::new();
    book.set_default_format(&base_format(), 21, 72)?;
    let fixed = ExcelDateTime::from_ymd(1980, 1, 1)?;
    book.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Kết quả Chỉ số cải cách hành chính năm {}: {}",
                sc.e.year, sc.e.unit.name
            ))
            .set_author(format!("par-index {}", env!("CARGO_PKG_VERSION")))
            .set_creation_datetime(&fixed)
            .set_custom_property("par-index", env!("CARGO_PKG_VERSION"))
            .set_custom_property("Bộ tiêu chí", criteria.id.as_str())
            .set_custom_property("Mã đơn vị", sc.e.unit.code.as_str()),
    );
    let sheet = book.add_worksheet();
    sheet.set_name("Tổng hợp")?;
    summary(sheet, criteria, sc, top, &f)?;
    let sheet = book.add_worksheet();
    sheet.set_name("Điểm chi tiết")?;
    tree(sheet, sc, &f)?;
    book.save_to_buffer()
}

/// The sheet "Tổng hợp": the title, then its parts one under the other, a blank row between.
fn summary(
    sheet: &mut Worksheet,
    criteria: &Criteria,
    sc: &Scorecard,
    top: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    for (c, w) in [8.0, 46.0, 11.0, 11.0, 11.0, 11.0, 40.0]
        .into_iter()
        .enumerate()
    {
        sheet.set_column_width(c as u16, w)?;
    }
    let mut row = 0;
    title(sheet, &mut row, criteria, sc, f)?;
    results(sheet, &mut row, criteria, sc, f)?;
    ranking(sheet, &mut row, sc, f)?;
    lost_most(sheet, &mut row, sc, top, f)?;
    behind(sheet, &mut row, sc, top, f)?;
    deductions(sheet, &mut row, sc, f)?;
    warnings(sheet, &mut row, sc, f)?;
    sheet.set_paper_size(A4);
    sheet.set_portrait();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.6, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&C&\"Times New Roman\"Trang &P/&N");
    Ok(())
}

/// The title, the unit's name, its group and the criteria, across the sheet.
fn title(
    sheet: &mut Worksheet,
    row: &mut u32,
    criteria: &Criteria,
    sc: &Scorecard,
    f: &Formats,
) -> Result<(), XlsxError> {
    let e = &sc.e;
    merged(
        sheet,
        *row,
        0,
        LAST,
        &format!("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {}", e.year),
        &f.title,
    )?;
    merged(sheet, *row + 1, 0, LAST, &e.unit.name, &f.unit)?;
    merged(
        sheet,
        *row + 2,
        0,
        LAST,
        &format!(
            "Nhóm {}; mã đơn vị {}; bộ tiêu chí {}, tỉnh {}",
            e.unit.group_name, e.unit.code, criteria.id, criteria.province
        ),
        &f.sub,
    )?;
    *row += 4;
    Ok(())
}

/// A part's title, across the sheet.
fn section(
    sheet: &mut Worksheet,
    row: &mut u32,
    title: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    merged(sheet, *row, 0, LAST, title, &f.section)?;
    *row += 1;
    Ok(())
}

/// 1. The results and 2. what it takes to move: a label, a figure and a note a row.
fn results(
    sheet: &mut Worksheet,
    row: &mut u32,
    criteria: &Criteria,
    sc: &Scorecard,
    f: &Formats,
) -> Result<(), XlsxError> {
    section(sheet, row, "1. Kết quả", f)?;
    for line in sc.results(criteria) {
        key_value(sheet, row, &line, &f.bold_number, f)?;
    }
    *row += 1;
    section(sheet, row, "2. Để nâng hạng, nâng xếp loại", f)?;
    for line in sc.moves() {
        key_value(sheet, row, &line, &f.need, f)?;
    }
    *row += 1;
    Ok(())
}

/// A line as a row: its label (A:B), its figure in `number` or its text (C), its note (D:G),
/// the row as tall as the longer of label and note needs.
fn key_value(
    sheet: &mut Worksheet,
    row: &mut u32,
    line: &Line,
    number: &Format,
    f: &Formats,
) -> Result<(), XlsxError> {
    // the text columns of a key-value row: D:G, about 73 characters
    const NOTE_WIDTH: usize = 70;
    merged(sheet, *row, 0, 1, &line.label, &f.wrapped)?;
    match (&line.value, &line.value_text) {
        (Some(v), _) => figure(sheet, *row, 2, Some(*v), number, f)?,
        (None, Some(t)) => {
            sheet.write_string_with_format(*row, 2, t, &f.centered)?;
        }
        (None, None) => {
            sheet.write_blank(*row, 2, &f.text)?;
        }
    }
    merged(sheet, *row, 3, LAST, &line.text, &f.wrapped)?;
    tall(
        sheet,
        *row,
        lines(&line.text, NOTE_WIDTH).max(lines(&line.label, 50)),
    )?;
    *row += 1;
    Ok(())
}

/// 3. The unit between its neighbours in the group's ranking, in bold, with their gaps.
fn ranking(
    sheet: &mut Worksheet,
    row: &mut u32,
    sc: &Scorecard,
    f: &Formats,
) -> Result<(), XlsxError> {
    let e = &sc.e;
    section(
        sheet,
        row,
        &format!("3. Xếp hạng trong nhóm {}", e.unit.group_name),
        f,
    )?;
    for (c, h) in ["Hạng", "Đơn vị", "Chỉ số CCHC (%)", "Chênh lệch (điểm %)"]
        .iter()
        .enumerate()
    {
        sheet.write_string_with_format(*row, c as u16, *h, &f.head)?;
    }
    sheet.set_row_height(*row, 32)?;
    *row += 1;
    // (rank, name, index, gap to the unit, the unit itself), in ranking order
    let mut places = Vec::new();
    if let Some(a) = &e.neighbours.above {
        places.push((a.rank, a.name.as_str(), a.index, Some(a.gap), false));
    }
    places.push((e.par.rank, e.unit.name.as_str(), e.par.index, None, true));
    if let Some(b) = &e.neighbours.below {
        places.push((b.rank, b.name.as_str(), b.index, Some(b.gap), false));
    }
    for (rank, name, index, gap, me) in places {
        sheet.write_number_with_format(*row, 0, rank as f64, &f.int)?;
        let name_format = if me { &f.bold_text } else { &f.text };
        sheet.write_string_with_format(*row, 1, name, name_format)?;
        let index_format = if me { &f.bold_number } else { &f.number };
        sheet.write_number_with_format(*row, 2, f64_of(index), index_format)?;
        figure(sheet, *row, 3, gap, &f.number, f)?;
        *row += 1;
    }
    *row += 1;
    Ok(())
}

/// 4. The criteria that lost most, with how their points were decided.
fn lost_most(
    sheet: &mut Worksheet,
    row: &mut u32,
    sc: &Scorecard,
    top: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let e = &sc.e;
    let d = e.decimals;
    let shown = shown(top, e.lost_most.len());
    let leaves = e.nodes.iter().filter(|l| l.leaf && l.applicable).count();
    section(
        sheet,
        row,
        &format!(
            "4. Tiêu chí mất nhiều điểm nhất ({} trong {} tiêu chí bị mất điểm, trên {leaves} tiêu chí)",
            shown,
            e.lost_most.len()
        ),
        f,
    )?;
    criteria_head(
        sheet,
        *row,
        &["Mã", "Tiêu chí", "Tối đa", "Điểm", "Mất", "Cách tính"],
        f,
    )?;
    *row += 1;
    for code in e.lost_most.iter().take(shown) {
        let Some(l) = e.nodes.iter().find(|l| &l.code == code) else {
            continue;
        };
        criterion_row(sheet, *row, l, [l.max, l.points, l.lost], &how(l, d), f)?;
        *row += 1;
    }
    *row += 1;
    Ok(())
}

/// A criterion's row of parts 4 and 5: its code and name, three figures (the last in bold)
/// and a text across the last columns.
fn criterion_row(
    sheet: &mut Worksheet,
    r: u32,
    l: &NodeLine,
    figures: [Decimal; 3],
    text: &str,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(r, 0, &l.code, &f.text)?;
    sheet.write_string_with_format(r, 1, &l.name, &f.wrapped)?;
    for (k, v) in figures.into_iter().enumerate() {
        let format = if k == 2 { &f.bold_number } else { &f.number };
        figure(sheet, r, 2 + k as u16, Some(v), format, f)?;
    }
    merged(sheet, r, 5, LAST, text, &f.wrapped)?;
    tall(sheet, r, lines(&l.name, 50).max(lines(text, 44)))
}

/// 5. The criteria furthest behind the group's best, with the units that have it.
fn behind(
    sheet: &mut Worksheet,
    row: &mut u32,
    sc: &Scorecard,
    top: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let e = &sc.e;
    let d = e.decimals;
    let behind = sc.behind();
    let shown = shown(top, behind.len());
    section(
        sheet,
        row,
        &format!(
            "5. Tiêu chí kém đơn vị cao nhất trong nhóm nhiều nhất ({} trong {} tiêu chí kém đơn vị cao nhất)",
            shown,
            behind.len()
        ),
        f,
    )?;
    criteria_head(
        sheet,
        *row,
        &[
            "Mã",
            "Tiêu chí",
            "Điểm của đơn vị",
            "Cao nhất trong nhóm",
            "Kém",
            "Đơn vị đạt cao nhất",
        ],
        f,
    )?;
    *row += 1;
    let p = |v: Decimal| crate::decimal::publish(v, d);
    for b in behind.iter().take(shown) {
        let l = &e.nodes[b.node];
        let figures = [l.points, p(b.best), p(b.behind)];
        criterion_row(sheet, *row, l, figures, &holders(b), f)?;
        *row += 1;
    }
    *row += 1;
    Ok(())
}

/// 6. The deductions, when there are any.
fn deductions(
    sheet: &mut Worksheet,
    row: &mut u32,
    sc: &Scorecard,
    f: &Formats,
) -> Result<(), XlsxError> {
    let e = &sc.e;
    if e.deductions.is_empty() {
        return Ok(());
    }
    section(sheet, row, "6. Điểm trừ", f)?;
    criteria_head(
        sheet,
        *row,
        &["Mã", "Nội dung", "Số lần", "Điểm trừ", ""],
        f,
    )?;
    *row += 1;
    for x in &e.deductions {
        let r = *row;
        sheet.write_string_with_format(r, 0, &x.code, &f.text)?;
        sheet.write_string_with_format(r, 1, &x.name, &f.wrapped)?;
        sheet.write_number_with_format(r, 2, f64::from(x.times), &f.int)?;
        figure(sheet, r, 3, Some(x.points), &f.number, f)?;
        merged(sheet, r, 4, LAST, "", &f.text)?;
        tall(sheet, r, lines(&x.name, 50))?;
        *row += 1;
    }
    *row += 1;
    Ok(())
}

/// 7. The warnings about the unit's figures, when there are any, with the file and line.
fn warnings(
    sheet: &mut Worksheet,
    row: &mut u32,
    sc: &Scorecard,
    f: &Formats,
) -> Result<(), XlsxError> {
    let e = &sc.e;
    if e.warnings.is_empty() {
        return Ok(());
    }
    section(
        sheet,
        row,
        &format!("7. Cảnh báo về số liệu của đơn vị ({})", e.warnings.len()),
        f,
    )?;
    criteria_head(sheet, *row, &["Tiêu chí", "Nội dung", "Tệp, dòng"], f)?;
    *row += 1;
    for w in &e.warnings {
        let place = match (&w.file, w.line) {
            (Some(file), Some(line)) => format!("{file}:{line}"),
            (Some(file), None) => file.clone(),
            _ => String::new(),
        };
        let r = *row;
        sheet.write_string_with_format(r, 0, w.criterion.as_deref().unwrap_or(""), &f.text)?;
        sheet.write_string_with_format(r, 1, &w.message, &f.wrapped)?;
        merged(sheet, r, 2, LAST, &place, &f.text)?;
        tall(sheet, r, lines(&w.message, 50))?;
        *row += 1;
    }
    Ok(())
}

/// A table's header row; the last header takes the columns left up to the last.
fn criteria_head(
    sheet: &mut Worksheet,
    row: u32,
    heads: &[&str],
    f: &Formats,
) -> Result<(), XlsxError> {
    let last = heads.len().saturating_sub(1);
    for (c, h) in heads.iter().enumerate() {
        if c == last {
            merged(sheet, row, c as u16, LAST, h, &f.head)?;
        } else {
            sheet.write_string_with_format(row, c as u16, *h, &f.head)?;
        }
    }
    sheet.set_row_height(row, 32)?;
    Ok(())
}

/// The whole tree: every field, criterion and sub-criterion with its figures, the group's best
/// on each criterion, and how its points were decided.
fn tree(sheet: &mut Worksheet, sc: &Scorecard, f: &Formats) -> Result<(), XlsxError> {
    let e = &sc.e;
    let heads = [
        ("Mã", 8.0),
        ("Lĩnh vực, tiêu chí, tiêu chí thành phần", 50.0),
        ("Tối đa", 9.0),
        ("Tự chấm", 9.0),
        ("Thẩm định", 9.0),
        ("Điều tra XHH", 9.0),
        ("Chỉ số hài lòng", 9.0),
        ("Điểm", 9.0),
        ("Mất", 9.0),
        ("Cao nhất trong nhóm", 10.0),
        ("Cách tính", 44.0),
    ];
    let last = heads.len() as u16 - 1;
    merged(
        sheet,
        0,
        0,
        last,
        &format!(
            "{}: ĐIỂM THEO LĨNH VỰC, TIÊU CHÍ NĂM {}",
            e.unit.name.to_uppercase(),
            e.year
        ),
        &f.unit,
    )?;
    merged(
        sheet,
        1,
        0,
        last,
        "(Mất = Tối đa − Điểm; KĐG: không đánh giá, không tính vào điểm tối đa)",
        &f.sub,
    )?;
    let header = 3;
    for (c, (h, w)) in heads.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
        sheet.write_string_with_format(header, c as u16, *h, &f.head)?;
    }
    sheet.set_row_height(header, 32)?;
    let mut row = header + 1;
    for (i, l) in e.nodes.iter().enumerate() {
        node_row(sheet, row, sc, i, l, f)?;
        row += 1;
    }
    row = totals(sheet, row, sc, f)?;
    sheet.set_freeze_panes(header + 1, 2)?;
    sheet.autofilter(header, 0, row.saturating_sub(1), last)?;
    sheet.set_repeat_rows(header, header)?;
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer("&C&\"Times New Roman\"Trang &P/&N");
    Ok(())
}

/// The `i`th node's row: code, name indented by its depth, its figures and the group's best
/// (bold for a field; KĐG for a leaf that does not apply), how a leaf's points were decided.
fn node_row(
    sheet: &mut Worksheet,
    row: u32,
    sc: &Scorecard,
    i: usize,
    l: &NodeLine,
    f: &Formats,
) -> Result<(), XlsxError> {
    let d = sc.e.decimals;
    let (text, number) = if l.depth == 1 {
        (&f.bold_text, &f.bold_number)
    } else {
        (&f.wrapped, &f.number)
    };
    let indent = base_indent(text, l);
    sheet.write_string_with_format(row, 0, &l.code, text)?;
    sheet.write_string_with_format(row, 1, &l.name, &indent)?;
    if l.leaf && !l.applicable {
        sheet.write_string_with_format(row, 2, "KĐG", &f.centered)?;
        for c in 3..=9 {
            sheet.write_blank(row, c, &f.text)?;
        }
    } else {
        for (c, v) in [
            Some(l.max),
            l.self_points,
            l.appraised,
            l.survey,
            l.sipas,
            Some(l.points),
            Some(l.lost),
        ]
        .into_iter()
        .enumerate()
        {
            figure(sheet, row, 2 + c as u16, v, number, f)?;
        }
        let best = sc
            .best
            .iter()
            .find(|b| b.node == i)
            .map(|b| crate::decimal::publish(b.best, d));
        match best {
            Some(b) => figure(sheet, row, 9, Some(b), number, f)?,
            None => {
                sheet.write_blank(row, 9, &f.text)?;
            }
        }
    }
    let why = if l.leaf { how(l, d) } else { String::new() };
    sheet.write_string_with_format(row, 10, &why, &f.wrapped)?;
    tall(
        sheet,
        row,
        lines(&l.name, 48 - 2 * l.depth).max(lines(&why, 48)),
    )
}

/// The deductions' row (when there are any) and the total's, from `row`; the total's row is
/// returned.
fn totals(
    sheet: &mut Worksheet,
    mut row: u32,
    sc: &Scorecard,
    f: &Formats,
) -> Result<u32, XlsxError> {
    let e = &sc.e;
    if !e.par.deductions.is_zero() {
        sheet.write_blank(row, 0, &f.text)?;
        sheet.write_string_with_format(row, 1, "Điểm trừ", &f.bold_text)?;
        for c in 2..=10 {
            sheet.write_blank(row, c, &f.text)?;
        }
        figure(sheet, row, 7, Some(-e.par.deductions), &f.bold_number, f)?;
        figure(sheet, row, 8, Some(e.par.deductions), &f.bold_number, f)?;
        row += 1;
    }
    sheet.write_blank(row, 0, &f.text)?;
    sheet.write_string_with_format(row, 1, "Tổng cộng", &f.bold_text)?;
    figure(sheet, row, 2, Some(e.par.max), &f.bold_number, f)?;
    for c in 3..=6 {
        sheet.write_blank(row, c, &f.text)?;
    }
    figure(sheet, row, 7, Some(e.par.total), &f.bold_number, f)?;
    figure(sheet, row, 8, Some(e.par.lost), &f.bold_number, f)?;
    sheet.write_blank(row, 9, &f.text)?;
    sheet.write_blank(row, 10, &f.text)?;
    Ok(row)
}

/// A name indented by its depth in the tree.
fn base_indent(format: &Format, l: &NodeLine) -> Format {
    format
        .clone()
        .set_indent(l.depth.saturating_sub(1).min(15) as u8)
}
