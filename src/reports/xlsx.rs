//! The annexes as a workbook laid out for the decision: a sheet for Phụ lục I, a sheet for
//! Phụ lục II, a sheet per group with every field's points, and a data sheet with the codes.
//!
//! The annex sheets are the published form of [`super::publish`], as the Word document has it:
//! STT, the unit's name and the published figures (the CSV's, unit by unit), the fields named
//! as the criteria name them, marks (`*`, `†`) shown beside the figures they qualify (the
//! figures stay numbers) and their notes under each group. Figures are numbers (the published,
//! rounded value as the nearest double) shown with the published decimals; ranks and counts are
//! whole numbers. Times New Roman throughout; the header is frozen and repeated on every
//! printed page; pages are A4 landscape, one page wide. The group and unit codes, which the
//! decision does not print, are on the data sheet "Dữ liệu", one row per unit (what `--previous`
//! reads back next year). The document properties name the program and the rules.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::annex::{Annex, Cell};
use super::publish::{self, Document, Kind};
use crate::criteria::Criteria;
use crate::stages::Results;
use crate::text::text_width;

/// Row of the first header row (after the title rows and a blank row).
const HEADER: u32 = 4;
/// Paper size code of A4 in Excel.
const A4: u8 = 9;
const HEADER_FILL: u32 = 0xDDEBF7;
const GROUP_FILL: u32 = 0xF2F2F2;
pub const FONT: &str = "Times New Roman";
/// The name of the data sheet.
pub const DATA_SHEET: &str = "Dữ liệu";

struct Formats {
    label: Format,
    title: Format,
    subtitle: Format,
    header: Format,
    group: Format,
    text: Format,
    centered: Format,
    wrapped: Format,
    note: Format,
    number: Format,
    int: Format,
    italic_number: Format,
    italic_text: Format,
    /// The published decimals' number format ("0.00").
    decimals: String,
}

/// Times New Roman 12: the workbook's default font and every format's.
pub fn base_format() -> Format {
    Format::new().set_font_name(FONT).set_font_size(12)
}

impl Formats {
    fn new(decimals: u32) -> Formats {
        let zeros = "0".repeat(decimals as usize);
        let number = if decimals == 0 {
            "0".to_string()
        } else {
            format!("0.{zeros}")
        };
        let cell = base_format()
            .set_border(FormatBorder::Thin)
            .set_align(FormatAlign::VerticalCenter);
        Formats {
            label: base_format()
                .set_bold()
                .set_font_size(13)
                .set_align(FormatAlign::Center),
            title: base_format()
                .set_bold()
                .set_font_size(13)
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            subtitle: base_format()
                .set_italic()
                .set_font_size(13)
                .set_align(FormatAlign::Center),
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
            note: base_format()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            number: cell.clone().set_num_format(&number),
            int: cell
                .clone()
                .set_num_format("0")
                .set_align(FormatAlign::Center),
            italic_number: cell.clone().set_num_format(&number).set_italic(),
            italic_text: cell.set_italic(),
            decimals: number,
        }
    }

    /// The format of a figure: its decimals, a sign for changes, the mark after it (the value
    /// stays a number).
    fn figure(&self, whole: bool, signed: bool, mark: Option<char>) -> Format {
        let base = if whole { "0" } else { self.decimals.as_str() };
        let format = if whole { &self.int } else { &self.number };
        format
            .clone()
            .set_num_format(number_format(base, signed, mark))
    }
}

/// A number format: `base` ("0.00"), with a sign for changes, and the mark after the figure.
fn number_format(base: &str, signed: bool, mark: Option<char>) -> String {
    let suffix = mark.map_or(String::new(), |m| format!("\"{m}\""));
    if signed {
        format!("+{base}{suffix};-{base}{suffix};{base}{suffix}")
    } else {
        format!("{base}{suffix}")
    }
}

/// The workbook of the annexes asked for, with, given Phụ lục II, a sheet per group, and the
/// data sheet.
pub fn render(
    criteria: &Criteria,
    results: &Results,
    groups: &[usize],
    annexes: &[Annex],
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new(criteria.publish.decimals);
    let mut book = Workbook::new();
    // Times New Roman 12: digits 8 pixels wide, rows 21 pixels high.
    book.set_default_format(&base_format(), 21, 72)?;
    book.set_properties(&properties(criteria, annexes)?);
    let mut used: Vec<String> = Vec::new();
    for annex in annexes {
        let doc = publish::document(criteria, results, groups, annex);
        let sheet = book.add_worksheet();
        sheet.set_name(doc.label)?;
        used.push(doc.label.to_string());
        annex_sheet(sheet, &doc, &formats)?;
    }
    if let Some(par) = annexes.iter().find(|a| a.label == publish::PAR_LABEL) {
        for (s, &g) in groups.iter().enumerate() {
            let sheet = book.add_worksheet();
            let name = sheet_name(&format!("Điểm {}", criteria.groups[g].name), &used);
            used.push(name.clone());
            sheet.set_name(&name)?;
            let rows = par.sections.get(s).map_or(&[][..], |(_, r)| r.as_slice());
            group_sheet(sheet, criteria, results, par, rows, g, &formats)?;
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(DATA_SHEET, &used))?;
    data_sheet(sheet, criteria, results, annexes, &formats)?;
    book.save_to_buffer()
}

/// The document's properties: its title, the program and its version, the rules' id. The
/// creation time is fixed, so that the same inputs give the same bytes.
fn properties(criteria: &Criteria, annexes: &[Annex]) -> Result<DocProperties, XlsxError> {
    let labels: Vec<&str> = annexes.iter().map(|a| a.label).collect();
    let fixed = ExcelDateTime::from_ymd(1980, 1, 1)?;
    Ok(DocProperties::new()
        .set_title(format!("{} năm {}", labels.join(", "), criteria.year))
        .set_subject(format!(
            "Chỉ số hài lòng và Chỉ số cải cách hành chính năm {}, tỉnh {}",
            criteria.year, criteria.province
        ))
        .set_author(format!("par-index {}", env!("CARGO_PKG_VERSION")))
        .set_comment(format!(
            "Tính bằng par-index {} theo bộ tiêu chí {}",
            env!("CARGO_PKG_VERSION"),
            criteria.id
        ))
        .set_creation_datetime(&fixed)
        .set_custom_property("par-index", env!("CARGO_PKG_VERSION"))
        .set_custom_property("Bộ tiêu chí", criteria.id.as_str()))
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

fn titles(
    sheet: &mut Worksheet,
    label: &str,
    heading: &str,
    attached: &str,
    last_col: u16,
    f: &Formats,
) -> Result<(), XlsxError> {
    merge(sheet, 0, 0, 0, last_col, &label.to_uppercase(), &f.label)?;
    merge(sheet, 1, 0, 1, last_col, heading, &f.title)?;
    merge(sheet, 2, 0, 2, last_col, attached, &f.subtitle)?;
    sheet.set_row_height(0, 18)?;
    sheet.set_row_height(1, 18)?;
    sheet.set_row_height(2, 18)?;
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
    rows: &[Vec<String>],
    caps: &dyn Fn(usize) -> usize,
) -> Result<Vec<usize>, XlsxError> {
    let mut widths = Vec::with_capacity(headers.len());
    // Lines of the headers under a family (second row only), and of the others (both rows).
    let (mut lower, mut both) = (1, 1);
    for (c, h) in headers.iter().enumerate() {
        let data = rows
            .iter()
            .filter_map(|r| r.get(c))
            .map(|text| text_width(text) + 1)
            .max()
            .unwrap_or(0);
        let word = h.split_whitespace().map(text_width).max().unwrap_or(0);
        // Wide enough for the figures, the longest word of the header, and the header in at
        // most three lines, within the column's cap.
        let width = (data + 2)
            .max(word + 2)
            .max(text_width(h) / 3 + 2)
            .max(6)
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
    let line = 16.0;
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
    sheet.set_margins(0.6, 0.4, 0.6, 0.6, 0.3, 0.3);
    sheet.set_repeat_rows(HEADER, HEADER + 1)?;
    sheet.set_footer("&C&\"Times New Roman\"Trang &P/&N");
    Ok(())
}

/// A published decimal as the nearest double.
fn to_f64(d: rust_decimal::Decimal) -> f64 {
    d.to_string().parse().unwrap_or(f64::NAN)
}

/// Writes a cell: figures as numbers, in `kind`'s format with the mark after them.
fn write_entry(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    entry: &publish::Entry,
    kind: Kind,
    f: &Formats,
) -> Result<(), XlsxError> {
    let signed = kind == Kind::Signed;
    match &entry.cell {
        Cell::Text(s) => {
            let format = match kind {
                Kind::Name => &f.wrapped,
                Kind::Band | Kind::Figure | Kind::Signed | Kind::Order => &f.centered,
            };
            match entry.mark {
                Some(m) => sheet.write_string_with_format(row, col, format!("{s}{m}"), format)?,
                None => sheet.write_string_with_format(row, col, s, format)?,
            }
        }
        Cell::Number(d) => sheet.write_number_with_format(
            row,
            col,
            to_f64(*d),
            &f.figure(false, signed, entry.mark),
        )?,
        Cell::Int(i) => {
            let format = if kind == Kind::Order && entry.mark.is_none() {
                f.int.clone()
            } else {
                f.figure(true, signed, entry.mark)
            };
            sheet.write_number_with_format(row, col, *i as f64, &format)?
        }
        Cell::Empty => sheet.write_blank(row, col, &f.text)?,
    };
    Ok(())
}

/// The text a figure shows (for the widths).
fn shown(entry: &publish::Entry, kind: Kind) -> String {
    let mut text = entry.cell.text();
    if kind == Kind::Signed && matches!(entry.cell, Cell::Number(_) | Cell::Int(_)) {
        text.insert(0, '+');
    }
    if let Some(m) = entry.mark {
        text.push(m);
    }
    text
}

fn annex_sheet(sheet: &mut Worksheet, doc: &Document, f: &Formats) -> Result<(), XlsxError> {
    let last = doc.columns.len().saturating_sub(1) as u16;
    titles(sheet, doc.label, &doc.heading, &doc.attached, last, f)?;
    let headers: Vec<String> = doc.columns.iter().map(|c| c.header.clone()).collect();
    let families: Vec<Option<String>> = doc.columns.iter().map(|c| c.family.clone()).collect();
    header_rows(sheet, &headers, &families, f)?;
    let name_col = doc.columns.iter().position(|c| c.kind == Kind::Name);
    let texts: Vec<Vec<String>> = doc
        .tables
        .iter()
        .flat_map(|t| &t.rows)
        .map(|r| {
            r.entries
                .iter()
                .zip(&doc.columns)
                .map(|(e, c)| shown(e, c.kind))
                .collect()
        })
        .collect();
    let caps = |c: usize| {
        if Some(c) == name_col {
            45
        } else if families[c].is_some() {
            13
        } else {
            11
        }
    };
    let widths = fit(sheet, &headers, &families, &texts, &caps)?;
    let total_width: usize = widths.iter().sum();
    let mut row = HEADER + 2;
    for (k, table) in doc.tables.iter().enumerate() {
        merge(
            sheet,
            row,
            0,
            row,
            last,
            &format!("{}. {}", publish::roman(k + 1), table.name),
            &f.group,
        )?;
        row += 1;
        for r in &table.rows {
            let mut lines = 1;
            for (c, (entry, col)) in r.entries.iter().zip(&doc.columns).enumerate() {
                write_entry(sheet, row, c as u16, entry, col.kind, f)?;
                if col.kind == Kind::Name {
                    lines = lines.max(wrapped_lines(
                        &entry.cell.text(),
                        capacity(widths[c], false),
                    ));
                }
            }
            if lines > 1 {
                sheet.set_row_height(row, 16.0 * lines as f64)?;
            }
            row += 1;
        }
        for note in &table.notes {
            note_row(sheet, row, last, note, total_width, f)?;
            row += 1;
        }
    }
    for remark in &doc.remarks {
        note_row(
            sheet,
            row,
            last,
            &format!("Ghi chú: {remark}"),
            total_width,
            f,
        )?;
        row += 1;
    }
    print_setup(sheet, HEADER + 2, name_col.map_or(0, |c| c as u16 + 1))?;
    Ok(())
}

/// A note under a table, across it, as tall as its lines.
fn note_row(
    sheet: &mut Worksheet,
    row: u32,
    last: u16,
    text: &str,
    width: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    merge(sheet, row, 0, row, last, text, &f.note)?;
    let lines = wrapped_lines(text, capacity(width, false));
    sheet.set_row_height(row, 16.0 * lines as f64)?;
    Ok(())
}

/// A group's units by PAR rank with every field's points, under the fields' names and maxima:
/// the cells of Phụ lục II (`rows`, this group's section), the fields this group has.
fn group_sheet(
    sheet: &mut Worksheet,
    criteria: &Criteria,
    results: &Results,
    par: &Annex,
    rows: &[Vec<Cell>],
    g: usize,
    f: &Formats,
) -> Result<(), XlsxError> {
    let group = &criteria.groups[g];
    let fields: Vec<(usize, &crate::criteria::Node)> = group.fields().collect();
    let col = |h: &str| par.headers.iter().position(|x| x == h);
    let field_cols: Vec<Option<usize>> = (1..=fields.len())
        .map(|k| col(&format!("Lĩnh vực {k}")))
        .collect();
    let tail = [
        "Điểm trừ",
        "Tổng điểm",
        "Điểm tối đa",
        publish::PAR_INDEX,
        publish::BAND,
    ];
    let mut headers: Vec<String> = vec![publish::ORDER.into(), publish::NAME.into()];
    headers.extend(
        fields
            .iter()
            .map(|(_, n)| format!("{}. {} ({})", n.code, n.name, n.max.normalize())),
    );
    headers.extend(tail.map(String::from));
    let mut families: Vec<Option<String>> = vec![None; headers.len()];
    for fam in families.iter_mut().skip(2).take(fields.len()) {
        *fam = Some("Điểm theo lĩnh vực (điểm tối đa)".into());
    }
    let last = headers.len().saturating_sub(1) as u16;
    titles(
        sheet,
        &format!("Điểm các lĩnh vực: {}", group.name),
        &format!("CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {}", criteria.year),
        &publish::attached(criteria),
        last,
        f,
    )?;
    header_rows(sheet, &headers, &families, f)?;
    // This year's units, as Phụ lục II lists them (not the units only last year had).
    let code_col = col(publish::CODE);
    let is_unit = |r: &&Vec<Cell>| match code_col.and_then(|c| r.get(c)) {
        Some(Cell::Text(code)) => results.units.iter().any(|u| &u.code == code),
        _ => false,
    };
    let picked: Vec<Option<usize>> = [col(publish::NAME)]
        .into_iter()
        .chain(field_cols)
        .chain(tail.iter().map(|h| col(h)))
        .collect();
    let table: Vec<Vec<Cell>> = rows
        .iter()
        .filter(is_unit)
        .enumerate()
        .map(|(k, r)| {
            let mut cells = vec![Cell::Int(k as i64 + 1)];
            cells.extend(
                picked
                    .iter()
                    .map(|c| c.and_then(|c| r.get(c)).cloned().unwrap_or(Cell::Empty)),
            );
            cells
        })
        .collect();
    let texts: Vec<Vec<String>> = table
        .iter()
        .map(|r| r.iter().map(Cell::text).collect())
        .collect();
    let caps = |c: usize| match c {
        1 => 45,
        c if (2..2 + fields.len()).contains(&c) => 16,
        _ => 12,
    };
    let widths = fit(sheet, &headers, &families, &texts, &caps)?;
    // The maxima of the criteria, above the units.
    let mut row = HEADER + 2;
    merge(
        sheet,
        row,
        0,
        row,
        1,
        "Điểm tối đa theo bộ tiêu chí",
        &f.italic_text,
    )?;
    for (k, (_, node)) in fields.iter().enumerate() {
        sheet.write_number_with_format(row, 2 + k as u16, to_f64(node.max), &f.italic_number)?;
    }
    let after = 2 + fields.len() as u16;
    sheet.write_blank(row, after, &f.italic_text)?;
    sheet.write_blank(row, after + 1, &f.italic_text)?;
    sheet.write_number_with_format(row, after + 2, to_f64(group.total), &f.italic_number)?;
    sheet.write_blank(row, after + 3, &f.italic_text)?;
    sheet.write_blank(row, after + 4, &f.italic_text)?;
    row += 1;
    let band_col = headers.len() - 1;
    for cells in &table {
        for (c, cell) in cells.iter().enumerate() {
            let kind = match c {
                0 => Kind::Order,
                1 => Kind::Name,
                c if c == band_col => Kind::Band,
                _ => Kind::Figure,
            };
            let entry = publish::Entry {
                cell: cell.clone(),
                mark: None,
            };
            write_entry(sheet, row, c as u16, &entry, kind, f)?;
        }
        let lines = wrapped_lines(&cells[1].text(), capacity(widths[1], false));
        if lines > 1 {
            sheet.set_row_height(row, 16.0 * lines as f64)?;
        }
        row += 1;
    }
    print_setup(sheet, HEADER + 3, 2)?;
    Ok(())
}

/// Headers of the data sheet.
pub const SIPAS_RANK: &str = "Xếp hạng chỉ số hài lòng";

/// One row per unit with its group and code, which the annexes do not print, and its main
/// published figures (the annexes' cells): what a script, a pivot table or next year's
/// `--previous` reads.
fn data_sheet(
    sheet: &mut Worksheet,
    criteria: &Criteria,
    results: &Results,
    annexes: &[Annex],
    f: &Formats,
) -> Result<(), XlsxError> {
    let par = annexes.iter().find(|a| a.label == publish::PAR_LABEL);
    let sipas = annexes.iter().find(|a| a.label == publish::SIPAS_LABEL);
    // (header, annex, the annex's column): the PAR figures, then the satisfaction figures
    let mut columns: Vec<(&str, &Annex, &str)> = Vec::new();
    if let Some(a) = par {
        for h in [
            publish::RANK,
            publish::PAR_INDEX,
            publish::BAND,
            "Tổng điểm",
            "Điểm tối đa",
        ] {
            columns.push((h, a, h));
        }
    }
    if let Some(a) = sipas {
        columns.push((publish::VALID, a, publish::VALID));
        columns.push((publish::SIPAS_INDEX, a, publish::SIPAS_INDEX));
        columns.push((SIPAS_RANK, a, publish::RANK));
    }
    let Some(lead) = par.or(sipas) else {
        return Ok(());
    };
    let mut headers: Vec<String> = [publish::GROUP, publish::CODE, publish::NAME]
        .map(String::from)
        .to_vec();
    headers.extend(columns.iter().map(|(h, _, _)| h.to_string()));
    let last = headers.len() as u16 - 1;
    let title = format!("Chỉ số năm {}: dữ liệu theo mã đơn vị", criteria.year);
    merge(sheet, 0, 0, 0, last, &title, &f.label)?;
    merge(
        sheet,
        1,
        0,
        1,
        last,
        "(Các số liệu công bố của từng đơn vị, kèm mã nhóm và mã đơn vị, để tra cứu, đối chiếu \
         và so sánh với năm sau; không in kèm Quyết định)",
        &f.subtitle,
    )?;
    let header_row = 3;
    for (c, h) in headers.iter().enumerate() {
        sheet.write_string_with_format(header_row, c as u16, h, &f.header)?;
    }
    // A unit's cell in an annex, by code.
    let find = |annex: &Annex, code: &str, header: &str| -> Cell {
        let col = |h: &str| annex.headers.iter().position(|x| x == h);
        let (Some(code_col), Some(c)) = (col(publish::CODE), col(header)) else {
            return Cell::Empty;
        };
        annex
            .sections
            .iter()
            .flat_map(|(_, rows)| rows)
            .find(|r| matches!(r.get(code_col), Some(Cell::Text(x)) if x == code))
            .and_then(|r| r.get(c).cloned())
            .unwrap_or(Cell::Empty)
    };
    let code_col = lead.headers.iter().position(|h| h == publish::CODE);
    let mut texts: Vec<Vec<String>> = Vec::new();
    let mut row = header_row + 1;
    for (_, rows) in &lead.sections {
        for r in rows {
            let Some(Cell::Text(code)) = code_col.and_then(|c| r.get(c)) else {
                continue;
            };
            // units only last year had are not units of this year
            let Some(u) = results.units.iter().find(|u| &u.code == code) else {
                continue;
            };
            let mut cells = vec![
                Cell::Text(criteria.groups[u.group].id.clone()),
                Cell::Text(u.code.clone()),
                Cell::Text(u.name.clone()),
            ];
            cells.extend(columns.iter().map(|(_, a, h)| find(a, code, h)));
            for (c, cell) in cells.iter().enumerate() {
                let kind = match headers[c].as_str() {
                    publish::BAND => Kind::Band,
                    publish::NAME => Kind::Name,
                    _ => Kind::Figure,
                };
                let entry = publish::Entry {
                    cell: cell.clone(),
                    mark: None,
                };
                match cell {
                    Cell::Text(t) if kind != Kind::Band => {
                        sheet.write_string_with_format(row, c as u16, t, &f.text)?;
                    }
                    _ => write_entry(sheet, row, c as u16, &entry, kind, f)?,
                }
            }
            texts.push(cells.iter().map(Cell::text).collect());
            row += 1;
        }
    }
    for (c, h) in headers.iter().enumerate() {
        let data = texts.iter().map(|r| text_width(&r[c])).max().unwrap_or(0);
        // codes are capitals, wider than digits
        let width = (data * 13 / 10 + 2).max(text_width(h) * 9 / 10 + 2).min(60);
        sheet.set_column_width(c as u16, width as f64)?;
    }
    sheet.set_row_height(header_row, 32)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.autofilter(header_row, 0, row.saturating_sub(1).max(header_row), last)?;
    sheet.set_paper_size(A4);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
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
    fn headers_wrap_on_words() {
        assert_eq!(wrapped_lines("Điểm chỉ số hài lòng", 11), 2);
        assert_eq!(wrapped_lines("Điểm chỉ số hài lòng", 10), 3);
        assert_eq!(wrapped_lines("Nhóm", 8), 1);
    }

    #[test]
    fn marks_and_signs_stay_in_the_number_format() {
        // the value stays a number; the format shows the mark after it
        assert_eq!(number_format("0", false, Some('*')), "0\"*\"");
        assert_eq!(number_format("0.00", false, Some('†')), "0.00\"†\"");
        assert_eq!(number_format("0.00", true, None), "+0.00;-0.00;0.00");
    }
}
