//! The annexes as a workbook laid out for the decision: a sheet for Phụ lục I, a sheet for
//! Phụ lục II, and a sheet per group with every field's points.
//!
//! Each annex sheet holds exactly the cells of the CSV (same headers, same rows, same order),
//! under title rows and a row of merged headers, with a heading row before each group's units.
//! Figures are numbers (the published, rounded value as the nearest double) shown with the
//! published decimals; ranks and counts are whole numbers. The header is frozen and repeated on
//! every printed page; pages are A4 landscape, one page wide.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError};

use super::annex::{Annex, Cell};
use super::explain::text_width;
use crate::criteria::Criteria;
use crate::decimal::publish;
use crate::stages::Results;

/// Row of the first header row (after the title rows and a blank row).
const HEADER: u32 = 4;
/// Paper size code of A4 in Excel.
const A4: u8 = 9;
const HEADER_FILL: u32 = 0xDDEBF7;
const GROUP_FILL: u32 = 0xF2F2F2;

/// Headers of the change columns (signed figures).
const SIGNED: [&str; 2] = ["Tăng, giảm chỉ số", "Tăng, giảm xếp hạng"];

struct Formats {
    label: Format,
    title: Format,
    subtitle: Format,
    header: Format,
    group: Format,
    text: Format,
    centered: Format,
    wrapped: Format,
    number: Format,
    signed: Format,
    int: Format,
    signed_int: Format,
    italic_number: Format,
    italic_text: Format,
}

impl Formats {
    fn new(decimals: u32) -> Formats {
        let zeros = "0".repeat(decimals as usize);
        let number = if decimals == 0 {
            "0".to_string()
        } else {
            format!("0.{zeros}")
        };
        let cell = Format::new()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            label: Format::new()
                .set_bold()
                .set_font_size(13)
                .set_align(FormatAlign::Center),
            title: Format::new()
                .set_bold()
                .set_font_size(13)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            subtitle: Format::new().set_italic().set_align(FormatAlign::Center),
            header: cell
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(HEADER_FILL),
            group: cell.clone().set_bold().set_background_color(GROUP_FILL),
            text: cell.clone(),
            centered: cell.clone().set_align(FormatAlign::Center),
            wrapped: cell.clone().set_text_wrap(),
            number: cell.clone().set_num_format(&number),
            signed: cell
                .clone()
                .set_num_format(format!("+{number};-{number};{number}")),
            int: cell
                .clone()
                .set_num_format("0")
                .set_align(FormatAlign::Center),
            signed_int: cell
                .clone()
                .set_num_format("+0;-0;0")
                .set_align(FormatAlign::Center),
            italic_number: cell.clone().set_num_format(&number).set_italic(),
            italic_text: cell.set_italic(),
        }
    }
}

/// The workbook of the annexes asked for, and, with Phụ lục II, a sheet per group.
pub fn render(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    annexes: &[Annex],
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new(criteria.publish.decimals);
    let mut book = Workbook::new();
    for annex in annexes {
        let sheet = book.add_worksheet();
        annex_sheet(sheet, criteria, annex, &formats)?;
    }
    if annexes.iter().any(|a| a.label == "Phụ lục II") {
        let mut used: Vec<String> = annexes.iter().map(|a| a.label.to_string()).collect();
        for &g in groups {
            let sheet = book.add_worksheet();
            let name = sheet_name(&format!("Điểm {}", criteria.groups[g].name), &used);
            used.push(name.clone());
            sheet.set_name(&name)?;
            group_sheet(sheet, criteria, results, g, &formats)?;
        }
    }
    book.save_to_buffer()
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not used yet.
pub fn sheet_name(wanted: &str, used: &[String]) -> String {
    let clean: String = wanted
        .chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .collect();
    let base: String = clean.trim().chars().take(31).collect();
    let mut name = base.clone();
    let mut k = 2;
    while used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
        let suffix = format!(" {k}");
        name = base.chars().take(31 - suffix.len()).collect::<String>() + &suffix;
        k += 1;
    }
    name
}

/// The merged header above a column of an annex, if it belongs to a family.
fn family(criteria: &Criteria, header: &str, compared: &str) -> Option<String> {
    if header.starts_with("Lĩnh vực ") {
        return Some("Điểm theo lĩnh vực".into());
    }
    if [
        "Điểm thẩm định",
        "Điểm điều tra XHH",
        "Điểm chỉ số hài lòng",
    ]
    .contains(&header)
    {
        return Some("Điểm theo nguồn".into());
    }
    if criteria
        .sipas
        .elements
        .iter()
        .any(|e| format!("{} (%)", e.name) == header)
    {
        return Some("Chỉ số thành phần (%)".into());
    }
    if header.starts_with("Chỉ số CCHC năm")
        || header.starts_with("Xếp hạng năm")
        || SIGNED.contains(&header)
    {
        return Some(compared.to_string());
    }
    None
}

/// The merged header above the change columns: "So với năm 2022".
fn compared_label(headers: &[String]) -> String {
    headers
        .iter()
        .find_map(|h| h.strip_prefix("Xếp hạng "))
        .map_or("So với năm trước".into(), |label| {
            format!("So với {label}")
        })
}

/// Roman numerals for group headings (I, II, …).
fn roman(n: usize) -> String {
    const R: [(usize, &str); 8] = [
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut n = n;
    let mut out = String::new();
    for &(v, s) in &R {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

fn titles(
    sheet: &mut Worksheet,
    criteria: &Criteria,
    label: &str,
    title: &str,
    last_col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    merge(sheet, 0, 0, 0, last_col, &label.to_uppercase(), &f.label)?;
    merge(sheet, 1, 0, 1, last_col, &title.to_uppercase(), &f.title)?;
    let attached = format!(
        "(Kèm theo Quyết định số       /QĐ-UBND ngày      tháng      năm {} của Chủ tịch Ủy ban nhân dân tỉnh {})",
        criteria.year + 1,
        criteria.province
    );
    merge(sheet, 2, 0, 2, last_col, &attached, &f.subtitle)?;
    sheet.set_row_height(1, 20)?;
    Ok(())
}

/// `merge_range` over one cell is refused by Excel: write the cell instead.
fn merge(
    sheet: &mut Worksheet,
    r0: u32,
    c0: u16,
    r1: u32,
    c1: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    if r0 == r1 && c0 == c1 {
        sheet.write_string_with_format(r0, c0, text, format)?;
    } else {
        sheet.merge_range(r0, c0, r1, c1, text, format)?;
    }
    Ok(())
}

/// Two header rows: families merged across their columns above the columns' own headers;
/// other headers merged down both rows.
fn header_rows(
    sheet: &mut Worksheet,
    headers: &[String],
    families: &[Option<String>],
    f: &Formats,
) -> Result<(), XlsxError> {
    let mut c = 0;
    while c < headers.len() {
        match &families[c] {
            None => {
                merge(
                    sheet,
                    HEADER,
                    c as u16,
                    HEADER + 1,
                    c as u16,
                    &headers[c],
                    &f.header,
                )?;
                c += 1;
            }
            Some(fam) => {
                let mut end = c;
                while end + 1 < headers.len() && families[end + 1].as_ref() == Some(fam) {
                    end += 1;
                }
                merge(sheet, HEADER, c as u16, HEADER, end as u16, fam, &f.header)?;
                for (k, h) in headers.iter().enumerate().take(end + 1).skip(c) {
                    sheet.write_string_with_format(HEADER + 1, k as u16, h, &f.header)?;
                }
                c = end + 1;
            }
        }
    }
    Ok(())
}

/// Column widths fitted to the cells (headers wrap on words), and header row heights.
fn fit(
    sheet: &mut Worksheet,
    headers: &[String],
    families: &[Option<String>],
    rows: &[&[Cell]],
    caps: &dyn Fn(usize) -> usize,
) -> Result<Vec<usize>, XlsxError> {
    let mut widths = Vec::with_capacity(headers.len());
    // Lines of the headers under a family (second row only), and of the others (both rows).
    let (mut lower, mut both) = (1, 1);
    for (c, h) in headers.iter().enumerate() {
        let data = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|cell| match cell {
                Cell::Number(d) => d.to_string().len() + 1,
                other => text_width(&other.text()),
            })
            .max()
            .unwrap_or(0);
        let word = h.split_whitespace().map(text_width).max().unwrap_or(0);
        // Wide enough for the figures, the longest word of the header, and the header in at
        // most three lines, within the column's cap.
        let width = (data + 2)
            .max(word + 2)
            .max(text_width(h) / 3 + 2)
            .max(8)
            .min(caps(c).max(word + 2));
        let lines = wrapped_lines(h, capacity(width, true).max(word));
        if families[c].is_some() {
            lower = lower.max(lines);
        } else {
            both = both.max(lines);
        }
        widths.push(width);
        sheet.set_column_width(c as u16, width as f64)?;
    }
    let upper = if families.iter().any(Option::is_some) {
        18.0
    } else {
        8.0
    };
    let line = 15.0;
    sheet.set_row_height(HEADER, upper)?;
    let below = (lower as f64 * line + 4.0).max(both as f64 * line + 4.0 - upper);
    sheet.set_row_height(HEADER + 1, below.max(line))?;
    Ok(widths)
}

/// Characters of text a column of `width` (Excel's unit: the width of a digit) holds: letters
/// are narrower than digits on average, bold ones about as wide.
fn capacity(width: usize, bold: bool) -> usize {
    if bold {
        width * 85 / 100
    } else {
        width * 11 / 10
    }
}

/// Lines a text takes when wrapped on words at `width` characters.
fn wrapped_lines(text: &str, width: usize) -> usize {
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

fn print_setup(sheet: &mut Worksheet, freeze_row: u32, freeze_col: u16) -> Result<(), XlsxError> {
    sheet.set_freeze_panes(freeze_row, freeze_col)?;
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_repeat_rows(HEADER, HEADER + 1)?;
    sheet.set_footer("&CTrang &P/&N");
    Ok(())
}

fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    cell: &Cell,
    signed: bool,
    wrap: bool,
    f: &Formats,
) -> Result<(), XlsxError> {
    match cell {
        Cell::Text(s) => {
            sheet.write_string_with_format(row, col, s, if wrap { &f.wrapped } else { &f.text })?
        }
        Cell::Number(d) => sheet.write_number_with_format(
            row,
            col,
            to_f64(*d),
            if signed { &f.signed } else { &f.number },
        )?,
        Cell::Int(i) => sheet.write_number_with_format(
            row,
            col,
            *i as f64,
            if signed { &f.signed_int } else { &f.int },
        )?,
        Cell::Empty => sheet.write_blank(row, col, &f.text)?,
    };
    Ok(())
}

/// A published decimal as the nearest double.
fn to_f64(d: rust_decimal::Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

fn annex_sheet(
    sheet: &mut Worksheet,
    criteria: &Criteria,
    annex: &Annex,
    f: &Formats,
) -> Result<(), XlsxError> {
    sheet.set_name(annex.label)?;
    let last = annex.headers.len().saturating_sub(1) as u16;
    titles(sheet, criteria, annex.label, &annex.title, last, f)?;
    let compared = compared_label(&annex.headers);
    let families: Vec<Option<String>> = annex
        .headers
        .iter()
        .map(|h| family(criteria, h, &compared))
        .collect();
    header_rows(sheet, &annex.headers, &families, f)?;
    let name_col = annex.headers.iter().position(|h| h == "Tên đơn vị");
    let note_col = annex.headers.len().saturating_sub(1);
    let rows: Vec<&[Cell]> = annex
        .sections
        .iter()
        .flat_map(|(_, rows)| rows.iter().map(Vec::as_slice))
        .collect();
    let caps = |c: usize| {
        if Some(c) == name_col {
            50
        } else if c == note_col {
            40
        } else {
            14
        }
    };
    let widths = fit(sheet, &annex.headers, &families, &rows, &caps)?;
    let wraps = |c: usize| c == note_col || Some(c) == name_col;
    let band_col = annex.headers.iter().position(|h| h == "Xếp loại");
    let mut row = HEADER + 2;
    for (k, (name, rows)) in annex.sections.iter().enumerate() {
        merge(
            sheet,
            row,
            0,
            row,
            last,
            &format!("{}. {}", roman(k + 1), name),
            &f.group,
        )?;
        row += 1;
        for cells in rows {
            let mut lines = 1;
            for (c, cell) in cells.iter().enumerate() {
                let signed = SIGNED.contains(&annex.headers[c].as_str());
                if Some(c) == band_col
                    && let Cell::Text(band) = cell
                {
                    sheet.write_string_with_format(row, c as u16, band, &f.centered)?;
                    continue;
                }
                write_cell(sheet, row, c as u16, cell, signed, wraps(c), f)?;
                if wraps(c) {
                    lines = lines.max(wrapped_lines(&cell.text(), capacity(widths[c], false)));
                }
            }
            if lines > 1 {
                sheet.set_row_height(row, 15.0 * lines as f64)?;
            }
            row += 1;
        }
    }
    print_setup(sheet, HEADER + 2, name_col.map_or(0, |c| c as u16 + 1))?;
    Ok(())
}

/// A group's units by PAR rank with every field's points, under the fields' names and maxima.
fn group_sheet(
    sheet: &mut Worksheet,
    criteria: &Criteria,
    results: &Results,
    g: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let d = criteria.publish.decimals;
    let group = &criteria.groups[g];
    let fields: Vec<(usize, &crate::criteria::Node)> = group.fields().collect();
    let mut headers: Vec<String> = ["Xếp hạng", "Mã đơn vị", "Tên đơn vị"]
        .map(String::from)
        .to_vec();
    headers.extend(
        fields
            .iter()
            .map(|(_, n)| format!("{}. {} ({})", n.code, n.name, n.max.normalize())),
    );
    headers.extend(
        [
            "Điểm trừ",
            "Tổng điểm",
            "Điểm tối đa",
            "Chỉ số CCHC (%)",
            "Xếp loại",
        ]
        .map(String::from),
    );
    let mut families: Vec<Option<String>> = vec![None; headers.len()];
    for fam in families.iter_mut().skip(3).take(fields.len()) {
        *fam = Some("Điểm theo lĩnh vực (điểm tối đa)".into());
    }
    let last = headers.len().saturating_sub(1) as u16;
    titles(
        sheet,
        criteria,
        &format!("Điểm các lĩnh vực: {}", group.name),
        &format!("Chỉ số cải cách hành chính năm {}", criteria.year),
        last,
        f,
    )?;
    header_rows(sheet, &headers, &families, f)?;
    let n = |v| Cell::Number(publish(v, d));
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for u in results.by_par_rank(g) {
        let mut row = vec![
            super::annex::rank_cell(u.par.rank.rank),
            Cell::Text(u.code.clone()),
            Cell::Text(u.name.clone()),
        ];
        row.extend(fields.iter().map(|&(i, _)| n(u.node(i).points)));
        row.extend([
            n(u.par.deductions),
            n(u.par.total),
            n(u.par.max),
            n(u.par.index),
            u.par.band.clone().map_or(Cell::Empty, Cell::Text),
        ]);
        rows.push(row);
    }
    let slices: Vec<&[Cell]> = rows.iter().map(Vec::as_slice).collect();
    let caps = |c: usize| match c {
        2 => 50,
        c if (3..3 + fields.len()).contains(&c) => 16,
        _ => 12,
    };
    fit(sheet, &headers, &families, &slices, &caps)?;
    // The maxima of the criteria, above the units.
    let mut row = HEADER + 2;
    merge(
        sheet,
        row,
        0,
        row,
        2,
        "Điểm tối đa theo bộ tiêu chí",
        &f.italic_text,
    )?;
    for (k, (_, node)) in fields.iter().enumerate() {
        sheet.write_number_with_format(row, 3 + k as u16, to_f64(node.max), &f.italic_number)?;
    }
    let after = 3 + fields.len() as u16;
    sheet.write_blank(row, after, &f.italic_text)?;
    sheet.write_blank(row, after + 1, &f.italic_text)?;
    sheet.write_number_with_format(row, after + 2, to_f64(group.total), &f.italic_number)?;
    sheet.write_blank(row, after + 3, &f.italic_text)?;
    sheet.write_blank(row, after + 4, &f.italic_text)?;
    row += 1;
    let band_col = headers.len() - 1;
    for cells in &rows {
        for (c, cell) in cells.iter().enumerate() {
            match cell {
                Cell::Text(band) if c == band_col => {
                    sheet.write_string_with_format(row, c as u16, band, &f.centered)?;
                }
                _ => write_cell(sheet, row, c as u16, cell, false, false, f)?,
            }
        }
        row += 1;
    }
    print_setup(sheet, HEADER + 3, 3)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid_and_unique() {
        assert_eq!(
            sheet_name("Điểm Sở, ban, ngành", &[]),
            "Điểm Sở, ban, ngành"
        );
        assert_eq!(sheet_name("a/b:c", &[]), "a-b-c");
        let long = "Điểm Ủy ban nhân dân các huyện, thành phố";
        assert_eq!(sheet_name(long, &[]).chars().count(), 31);
        let used = vec![sheet_name(long, &[])];
        let second = sheet_name(long, &used);
        assert_ne!(second, used[0]);
        assert!(second.ends_with(" 2") && second.chars().count() == 31);
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(1), "I");
        assert_eq!(roman(2), "II");
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(9), "IX");
        assert_eq!(roman(14), "XIV");
    }

    #[test]
    fn headers_wrap_on_words() {
        assert_eq!(wrapped_lines("Điểm chỉ số hài lòng", 11), 2);
        assert_eq!(wrapped_lines("Điểm chỉ số hài lòng", 10), 3);
        assert_eq!(wrapped_lines("Nhóm", 8), 1);
    }
}
