//! The annexes as a Word document to attach to the decision (docx-rs): per annex a title block
//! ("PHỤ LỤC I", the index's name and year, "(Kèm theo Quyết định số …)" with the number and
//! date left blank), then per group its name and a table of STT, the unit's name and the
//! published figures, and the notes of its marks under it.
//!
//! Times New Roman 13 (12 in the tables), A4 landscape; the header rows of every table repeat
//! on every page and no row is split across pages; figures are right-aligned with the published
//! decimals and a decimal comma, as a Vietnamese document writes them. Column widths are fitted
//! to the figures and names; the headers of narrow columns under a merged header (the fields'
//! names) are written upwards.

use docx_rs::{
    AlignmentType, Docx, Header, HeightRule, LineSpacing, PageMargin, PageNum, PageOrientationType,
    Paragraph, Run, RunFonts, Table, TableAlignmentType, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellMargins, TableLayoutType, TableRow, TextDirectionType,
    VAlignType, VMergeType, WidthType,
};

use super::annex::Cell;
use super::publish::{self, Document, Entry, Kind};
use crate::criteria::Criteria;

/// A4 in twentieths of a point, landscape.
pub const PAGE_WIDTH: u32 = 16838;
pub const PAGE_HEIGHT: u32 = 11906;
/// Margins (twentieths of a point): 20 mm top and left, 15 mm bottom and right.
pub const MARGIN_TOP: i32 = 1134;
pub const MARGIN_BOTTOM: i32 = 850;
pub const MARGIN_LEFT: i32 = 1134;
pub const MARGIN_RIGHT: i32 = 850;
/// The width the tables may take.
pub const TEXT_WIDTH: usize = (PAGE_WIDTH as i32 - MARGIN_LEFT - MARGIN_RIGHT) as usize;
pub const FONT: &str = "Times New Roman";
/// Sizes in half-points: 13 pt for the text, 12 pt in the tables.
pub const TEXT_SIZE: usize = 26;
pub const TABLE_SIZE: usize = 24;
/// Left and right margin of a table cell.
const CELL_MARGIN: usize = 45;
/// The least width of the names' column (3.5 cm at 12 pt, less in smaller text), before the
/// text of a table shrinks.
const NAME_LEAST: usize = 1985;
/// What a cell needs beyond its text: its margins and a little air.
const CELL_PAD: usize = 2 * CELL_MARGIN + 24;

/// The Word document of the annexes asked for, in order (Phụ lục I first).
pub fn render(criteria: &Criteria, documents: &[Document]) -> anyhow::Result<Vec<u8>> {
    let mut docx = page_setup(Docx::new());
    let mut header_rows = Vec::new();
    for (k, doc) in documents.iter().enumerate() {
        for p in title_block(doc, k > 0) {
            docx = docx.add_paragraph(p);
        }
        let layout = Layout::fit(doc);
        for (t, table) in doc.tables.iter().enumerate() {
            docx = docx.add_paragraph(
                paragraph(
                    &format!("{}. {}", publish::roman(t + 1), table.name),
                    Style::text().bold(),
                )
                .align(AlignmentType::Left)
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(160).after(80)),
            );
            let (built, rows) = annex_table(doc, &table.rows, &layout);
            header_rows.push(rows);
            docx = docx.add_table(built);
            for note in &table.notes {
                docx = docx.add_paragraph(
                    paragraph(note, Style::table().italic())
                        .align(AlignmentType::Both)
                        .line_spacing(LineSpacing::new().before(60)),
                );
            }
        }
        for remark in &doc.remarks {
            docx = docx.add_paragraph(
                paragraph(&format!("Ghi chú: {remark}"), Style::table().italic())
                    .align(AlignmentType::Both)
                    .line_spacing(LineSpacing::new().before(160)),
            );
        }
    }
    docx = properties(docx, criteria, "");
    pack(docx, &header_rows)
}

/// A4 landscape, Times New Roman 13, page numbers at the top from the second page (as Nghị
/// định 30/2020/NĐ-CP numbers a document's pages).
pub fn page_setup(docx: Docx) -> Docx {
    docx.page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_orient(PageOrientationType::Landscape)
        .page_margin(PageMargin {
            top: MARGIN_TOP,
            left: MARGIN_LEFT,
            bottom: MARGIN_BOTTOM,
            right: MARGIN_RIGHT,
            header: 567,
            footer: 567,
            gutter: 0,
        })
        .default_fonts(fonts())
        .default_size(TEXT_SIZE)
        .default_line_spacing(LineSpacing::new().before(0).after(0).line(240))
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .add_page_num(PageNum::new())
                    .align(AlignmentType::Center),
            ),
        )
        .first_header(Header::new())
}

/// The program and the rules that made the document, in its custom properties: one property,
/// "par-index" (docx-rs keeps them in a hash map, written in no fixed order), with `more` after
/// them ("mã đơn vị SNV").
pub fn properties(docx: Docx, criteria: &Criteria, more: &str) -> Docx {
    let mut value = format!(
        "par-index {}; bộ tiêu chí {}",
        env!("CARGO_PKG_VERSION"),
        criteria.id
    );
    if !more.is_empty() {
        value.push_str("; ");
        value.push_str(more);
    }
    docx.custom_property("par-index", value)
}

/// The document as a .docx file. docx-rs cannot mark a table row as a header repeated on
/// every page (`w:tblHeader`): the first `header_rows[k]` rows of the k-th table are marked in
/// the document part it built, before it is packed.
pub fn pack(docx: Docx, header_rows: &[usize]) -> anyhow::Result<Vec<u8>> {
    let mut xml = docx.build();
    xml.document = repeat_header_rows(&xml.document, header_rows)?;
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| anyhow::anyhow!("cannot build the Word document: {e}"))?;
    Ok(out.into_inner())
}

/// Adds `<w:tblHeader />` to the properties of the first `header_rows[k]` rows of the k-th
/// table of a document part written by docx-rs (every row there has a `<w:trPr>` element
/// first, as [`row`] makes them; tables are not nested).
fn repeat_header_rows(document: &[u8], header_rows: &[usize]) -> anyhow::Result<Vec<u8>> {
    const TABLE: &str = "<w:tbl>";
    const END: &str = "</w:tbl>";
    const ROW: &str = "<w:tr><w:trPr>";
    const MARK: &str = "<w:tblHeader />";
    let text = std::str::from_utf8(document)?;
    let mut out = String::with_capacity(text.len() + MARK.len() * 2 * header_rows.len());
    let mut rest = text;
    let mut tables = 0;
    while let Some(at) = rest.find(TABLE) {
        let wanted = header_rows.get(tables).copied().unwrap_or(0);
        tables += 1;
        let end = rest[at..].find(END).map_or(rest.len(), |e| at + e);
        let (mut table, after) = rest.split_at(end);
        for _ in 0..wanted {
            let Some(r) = table.find(ROW) else {
                anyhow::bail!("table {tables} of the Word document has fewer rows than its header");
            };
            out.push_str(&table[..r + ROW.len()]);
            out.push_str(MARK);
            table = &table[r + ROW.len()..];
        }
        out.push_str(table);
        rest = after;
    }
    out.push_str(rest);
    if tables != header_rows.len() {
        anyhow::bail!(
            "the Word document has {tables} tables where {} were built",
            header_rows.len()
        );
    }
    Ok(out.into_bytes())
}

fn fonts() -> RunFonts {
    RunFonts::new()
        .ascii(FONT)
        .hi_ansi(FONT)
        .cs(FONT)
        .east_asia(FONT)
}

/// How a run of text looks.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub size: usize,
    pub bold: bool,
    pub italic: bool,
}

impl Style {
    pub fn text() -> Style {
        Style {
            size: TEXT_SIZE,
            bold: false,
            italic: false,
        }
    }
    pub fn table() -> Style {
        Style {
            size: TABLE_SIZE,
            ..Style::text()
        }
    }
    pub fn bold(self) -> Style {
        Style { bold: true, ..self }
    }
    pub fn italic(self) -> Style {
        Style {
            italic: true,
            ..self
        }
    }
    pub fn size(self, size: usize) -> Style {
        Style { size, ..self }
    }
}

pub fn run(text: &str, style: Style) -> Run {
    let mut r = Run::new().add_text(text).size(style.size).fonts(fonts());
    if style.bold {
        r = r.bold();
    }
    if style.italic {
        r = r.italic();
    }
    r
}

pub fn paragraph(text: &str, style: Style) -> Paragraph {
    Paragraph::new().add_run(run(text, style))
}

/// "PHỤ LỤC I", the index's name and year, the line naming the decision; a new page before
/// every annex but the first.
fn title_block(doc: &Document, new_page: bool) -> Vec<Paragraph> {
    let centred = |text: &str, style: Style| paragraph(text, style).align(AlignmentType::Center);
    let label = centred(&doc.label.to_uppercase(), Style::text().bold());
    vec![
        if new_page {
            label.page_break_before(true)
        } else {
            label
        },
        centred(&doc.heading, Style::text().bold()),
        centred(&doc.attached, Style::text().italic()).line_spacing(LineSpacing::new().after(120)),
    ]
}

/// Column widths (twentieths of a point) and which headers are written upwards, for every
/// table of an annex alike.
#[derive(Debug, Clone)]
struct Layout {
    widths: Vec<usize>,
    /// Half-points of the table's text (12 pt, less only when the columns do not fit).
    size: usize,
    upward: Vec<bool>,
    /// Height of the lower header row when some of its headers are written upwards.
    lower_height: Option<usize>,
}

impl Layout {
    /// Headers laid flat first; a family whose headers would take more than four lines is
    /// then written upwards, in columns two lines wide. The text shrinks below 12 pt only when
    /// the columns do not fit the page (many columns with `--previous`).
    fn fit(doc: &Document) -> Layout {
        let mut size = TABLE_SIZE;
        loop {
            let flat = Layout::at(doc, size, &vec![false; doc.columns.len()]);
            let bold = Style::table().size(size).bold();
            let crowded: Vec<&String> = doc
                .columns
                .iter()
                .enumerate()
                .filter(|&(c, col)| {
                    col.family.is_some()
                        && lines(&col.header, flat.widths[c].saturating_sub(CELL_PAD), bold) > 4
                })
                .filter_map(|(_, col)| col.family.as_ref())
                .collect();
            let upward: Vec<bool> = doc
                .columns
                .iter()
                .map(|col| col.family.as_ref().is_some_and(|f| crowded.contains(&f)))
                .collect();
            let layout = Layout::at(doc, size, &upward);
            if layout.widths.iter().sum::<usize>() <= TEXT_WIDTH || size <= 16 {
                return layout;
            }
            size -= 2;
        }
    }

    fn at(doc: &Document, size: usize, upward: &[bool]) -> Layout {
        let n = doc.columns.len();
        let plain = Style::table().size(size);
        let bold = plain.bold();
        let line = line_height(size);
        let rows = || doc.tables.iter().flat_map(|t| &t.rows);
        // What each column needs (its widest figure, the longest word of a name or of its
        // header), and what it would like (a name on one line, a header on few lines).
        let mut least = vec![0; n];
        let mut want = vec![0; n];
        for (c, col) in doc.columns.iter().enumerate() {
            let cells = || rows().filter_map(|r| r.entries.get(c));
            let body = cells()
                .map(|e| match col.kind {
                    Kind::Name => longest_word(&e.cell.text(), plain),
                    _ => text_width(&entry_text(e, col.kind), plain),
                })
                .max()
                .unwrap_or(0);
            let header = if upward[c] {
                2 * line
            } else {
                longest_word(&col.header, bold)
            };
            least[c] = body.max(header).max(text_width("000", plain)) + CELL_PAD;
            if col.kind == Kind::Name {
                // names on two lines at most, as far as 3.5 cm go: else the text shrinks
                let whole = cells()
                    .map(|e| text_width(&e.cell.text(), plain))
                    .max()
                    .unwrap_or(0);
                least[c] = least[c].max((whole / 2 + CELL_PAD).min(NAME_LEAST * size / TABLE_SIZE));
            }
            want[c] = match col.kind {
                Kind::Name => {
                    let whole = cells()
                        .map(|e| text_width(&e.cell.text(), plain))
                        .max()
                        .unwrap_or(0);
                    (whole + CELL_PAD).min(3 * TEXT_WIDTH / 10)
                }
                _ if upward[c] => least[c],
                // a header over several columns' figures on three lines, others on two
                _ => {
                    let lines = if col.family.is_some() { 3 } else { 2 };
                    (text_width(&col.header, bold) / lines + CELL_PAD).min(1701)
                }
            };
            want[c] = want[c].max(least[c]);
        }
        // The columns under one merged header alike.
        for c in 0..n {
            if let Some(family) = &doc.columns[c].family {
                let members = || (0..n).filter(|&k| doc.columns[k].family.as_ref() == Some(family));
                let l = members().map(|k| least[k]).max().unwrap_or(0);
                let w = members().map(|k| want[k]).max().unwrap_or(0);
                (least[c], want[c]) = (l, w);
            }
        }
        // The room left goes first to the names, then to headers that would wrap much, then
        // to the names again.
        let mut widths = least.clone();
        let mut spare = TEXT_WIDTH.saturating_sub(widths.iter().sum());
        if let Some(name) = doc.columns.iter().position(|c| c.kind == Kind::Name) {
            let more = (want[name] - widths[name]).min(spare);
            widths[name] += more;
            spare -= more;
            let need: usize = (0..n).map(|c| want[c] - widths[c]).sum();
            if need > 0 {
                let share = spare.min(need);
                for c in 0..n {
                    let more = (want[c] - widths[c]) * share / need;
                    widths[c] += more;
                    spare -= more;
                }
            }
            widths[name] += spare;
        }
        // Headers written upwards take as many lines as their column holds; the row is as tall
        // as the longest needs.
        let lower_height = (0..n)
            .filter(|&c| upward[c])
            .map(|c| {
                let room = (widths[c].saturating_sub(2 * CELL_MARGIN) / line).max(1);
                let header = &doc.columns[c].header;
                (text_width(header, bold) * 11 / 10 / room).max(longest_word(header, bold))
                    + 2 * CELL_PAD
            })
            .max();
        Layout {
            widths,
            size,
            upward: upward.to_vec(),
            lower_height,
        }
    }
}

/// The height of a line of text of `size` half-points.
fn line_height(size: usize) -> usize {
    size * 10 * 23 / 20
}

/// Lines a header takes, wrapped on words, in a column holding `width` of text.
fn lines(text: &str, width: usize, style: Style) -> usize {
    let space = text_width(" ", style);
    let mut lines = 1;
    let mut used = 0;
    for word in text.split_whitespace() {
        let w = text_width(word, style);
        if used > 0 && used + space + w > width {
            lines += 1;
            used = w;
        } else {
            used += w + if used > 0 { space } else { 0 };
        }
    }
    lines
}

/// A table of an annex: its header rows, then one row per unit. Returns the table and how many
/// header rows it has.
fn annex_table(doc: &Document, rows: &[publish::Row], layout: &Layout) -> (Table, usize) {
    let plain = Style::table().size(layout.size);
    let bold = plain.bold();
    let w = &layout.widths;
    let families = doc.columns.iter().any(|c| c.family.is_some());
    let header_cell = |text: &str, width: usize, upward: bool| {
        let mut cell = TableCell::new()
            .add_paragraph(paragraph(text, bold).align(AlignmentType::Center))
            .vertical_align(VAlignType::Center)
            .width(width, WidthType::Dxa);
        if upward {
            cell = cell.text_direction(TextDirectionType::BtLr);
        }
        cell
    };
    let mut table_rows = Vec::new();
    if families {
        // Upper row: headers without a family merged down both rows, families across their
        // columns; lower row: the columns of the families.
        let mut upper = Vec::new();
        let mut lower = Vec::new();
        let mut c = 0;
        while c < doc.columns.len() {
            let col = &doc.columns[c];
            match &col.family {
                None => {
                    upper.push(
                        header_cell(&col.header, w[c], false).vertical_merge(VMergeType::Restart),
                    );
                    lower.push(
                        TableCell::new()
                            .add_paragraph(Paragraph::new())
                            .width(w[c], WidthType::Dxa)
                            .vertical_merge(VMergeType::Continue),
                    );
                    c += 1;
                }
                Some(family) => {
                    let mut end = c;
                    while end + 1 < doc.columns.len()
                        && doc.columns[end + 1].family.as_ref() == Some(family)
                    {
                        end += 1;
                    }
                    let span: usize = w[c..=end].iter().sum();
                    upper.push(header_cell(family, span, false).grid_span(end - c + 1));
                    lower.extend(
                        (c..=end)
                            .map(|k| header_cell(&doc.columns[k].header, w[k], layout.upward[k])),
                    );
                    c = end + 1;
                }
            }
        }
        table_rows.push(row(upper));
        let mut lower = row(lower);
        if let Some(h) = layout.lower_height {
            lower = lower.row_height(h as f32).height_rule(HeightRule::AtLeast);
        }
        table_rows.push(lower);
    } else {
        table_rows.push(row(doc
            .columns
            .iter()
            .enumerate()
            .map(|(c, col)| header_cell(&col.header, w[c], false))
            .collect()));
    }
    let header_rows = table_rows.len();
    for r in rows {
        let cells = doc
            .columns
            .iter()
            .zip(&r.entries)
            .enumerate()
            .map(|(c, (col, e))| {
                let align = match col.kind {
                    Kind::Name => AlignmentType::Left,
                    Kind::Order | Kind::Band => AlignmentType::Center,
                    Kind::Figure | Kind::Signed => match e.cell {
                        Cell::Text(_) => AlignmentType::Center,
                        _ => AlignmentType::Right,
                    },
                };
                TableCell::new()
                    .add_paragraph(paragraph(&entry_text(e, col.kind), plain).align(align))
                    .vertical_align(VAlignType::Center)
                    .width(w[c], WidthType::Dxa)
            })
            .collect();
        table_rows.push(row(cells));
    }
    (grid(table_rows, w), header_rows)
}

/// A row never split across pages (and so always with row properties, which
/// [`repeat_header_rows`] relies on).
pub fn row(cells: Vec<TableCell>) -> TableRow {
    TableRow::new(cells).cant_split()
}

/// A table of fixed column widths, centred, with thin lines.
pub fn grid(rows: Vec<TableRow>, widths: &[usize]) -> Table {
    let line = |p| TableBorder::new(p).size(4);
    let borders = TableBorders::new()
        .set(line(TableBorderPosition::Top))
        .set(line(TableBorderPosition::Bottom))
        .set(line(TableBorderPosition::Left))
        .set(line(TableBorderPosition::Right))
        .set(line(TableBorderPosition::InsideH))
        .set(line(TableBorderPosition::InsideV));
    Table::new(rows)
        .set_grid(widths.to_vec())
        .width(widths.iter().sum(), WidthType::Dxa)
        .layout(TableLayoutType::Fixed)
        .align(TableAlignmentType::Center)
        .margins(TableCellMargins::new().margin(20, CELL_MARGIN, 20, CELL_MARGIN))
        .set_borders(borders)
}

/// An entry as the document writes it: figures with a decimal comma, changes with their sign,
/// and the mark.
fn entry_text(e: &Entry, kind: Kind) -> String {
    let mut text = match (&e.cell, kind) {
        (Cell::Number(d), Kind::Signed) if d.is_sign_positive() && !d.is_zero() => {
            format!("+{}", publish::vi(&e.cell.text()))
        }
        (Cell::Int(i), Kind::Signed) if *i > 0 => format!("+{i}"),
        (Cell::Number(_), _) => publish::vi(&e.cell.text()),
        _ => e.cell.text(),
    };
    if let Some(mark) = e.mark {
        text.push(mark);
    }
    text
}

/// The width of a text in Times New Roman (twentieths of a point), from the widths of its
/// letters: an estimate, on the wide side, to size columns.
pub fn text_width(text: &str, style: Style) -> usize {
    use unicode_normalization::UnicodeNormalization;
    let em: f64 = text
        .nfc()
        .map(|c| match c {
            '0'..='9' | '*' | '†' => 0.5,
            '.' | ',' | ':' | ';' | ' ' | '\'' | '!' => 0.25,
            '(' | ')' | '-' | '/' | 'i' | 'l' | 'j' | 't' | 'f' | 'r' => 0.34,
            '%' => 0.84,
            'm' | 'w' => 0.75,
            'M' | 'W' => 0.9,
            c if c.is_uppercase() => 0.72,
            _ => 0.5,
        })
        .sum();
    let em = if style.bold { em * 1.06 } else { em };
    // one em is the font's size: half-points × 10 twentieths of a point
    (em * style.size as f64 * 10.0).ceil() as usize
}

fn longest_word(text: &str, style: Style) -> usize {
    text.split_whitespace()
        .map(|w| text_width(w, style))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_rows_are_marked_in_each_table() {
        let part = "<w:body><w:tbl><w:tblPr /><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr>\
                    <w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl>\
                    <w:p /><w:tbl><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr><w:tr><w:trPr><w:cantSplit /></w:trPr></w:tr></w:tbl></w:body>";
        let marked = repeat_header_rows(part.as_bytes(), &[2, 1]).unwrap();
        let marked = String::from_utf8(marked).unwrap();
        assert_eq!(marked.matches("<w:tblHeader />").count(), 3);
        let second = marked.rfind("<w:tbl>").unwrap();
        assert_eq!(marked[second..].matches("<w:tblHeader />").count(), 1);
        // a table with fewer rows than its header, or a table not built, is an error
        assert!(repeat_header_rows(part.as_bytes(), &[4, 1]).is_err());
        assert!(repeat_header_rows(part.as_bytes(), &[1]).is_err());
    }

    #[test]
    fn widths_grow_with_the_text() {
        let s = Style::table();
        assert!(text_width("100,00", s) > text_width("9,70", s));
        assert_eq!(text_width("0", s), 120);
        assert!(text_width("Sở", s.bold()) > text_width("Sở", s));
    }
}
