//! A scorecard as a Word document, as the workbook lays it out: results, what it takes to
//! move, neighbours, the criteria that lost most and those furthest behind the group's best,
//! deductions, warnings, then the whole tree. Times New Roman, A4 landscape, figures with a
//! decimal comma; the header of every table repeats on every page.

use docx_rs::{AlignmentType, Docx, LineSpacing, Paragraph, TableCell, VAlignType, WidthType};
use rust_decimal::Decimal;

use super::{Line, NEED_DECIMALS, Scorecard, holders, how, shown};
use crate::criteria::Criteria;
use crate::reports::docx::{self as word, Style, TEXT_WIDTH, grid, paragraph, row};
use crate::reports::explain::NodeLine;
use crate::reports::publish::vi;

/// A cell's content and how it sits.
enum Content {
    Text(String),
    Bold(String),
    Figure(Option<Decimal>, u32),
    BoldFigure(Option<Decimal>, u32),
    Centred(String),
    /// A name in the tree, indented by its depth (bold for a field).
    Node(String, usize),
}

fn cell(content: &Content, width: usize) -> TableCell {
    let plain = Style::table();
    let figure = |v: &Option<Decimal>, d: u32| {
        v.map_or("—".to_string(), |v| vi(&crate::decimal::fixed(v, d)))
    };
    let p = match content {
        Content::Text(t) => paragraph(t, plain),
        Content::Bold(t) => paragraph(t, plain.bold()),
        Content::Figure(v, d) => paragraph(&figure(v, *d), plain).align(AlignmentType::Right),
        Content::BoldFigure(v, d) => {
            paragraph(&figure(v, *d), plain.bold()).align(AlignmentType::Right)
        }
        Content::Centred(t) => paragraph(t, plain).align(AlignmentType::Center),
        Content::Node(t, depth) => {
            let style = if *depth == 1 { plain.bold() } else { plain };
            let indent = 240 * depth.saturating_sub(1) as i32;
            paragraph(t, style).indent(Some(indent), None, None, None)
        }
    };
    TableCell::new()
        .add_paragraph(p)
        .vertical_align(VAlignType::Center)
        .width(width, WidthType::Dxa)
}

/// A table with a header row (none when `heads` is empty) and rows of contents.
fn table(heads: &[&str], widths: &[usize], rows: Vec<Vec<Content>>) -> (docx_rs::Table, usize) {
    let bold = Style::table().bold();
    let mut all = Vec::new();
    if !heads.is_empty() {
        all.push(row(heads
            .iter()
            .zip(widths)
            .map(|(h, &w)| {
                TableCell::new()
                    .add_paragraph(paragraph(h, bold).align(AlignmentType::Center))
                    .vertical_align(VAlignType::Center)
                    .width(w, WidthType::Dxa)
            })
            .collect()));
    }
    for r in &rows {
        all.push(row(r
            .iter()
            .zip(widths)
            .map(|(c, &w)| cell(c, w))
            .collect()));
    }
    (grid(all, widths), usize::from(!heads.is_empty()))
}

/// The last column takes what the others leave of the page's width.
fn widths(fixed: &[usize]) -> Vec<usize> {
    let mut w = fixed.to_vec();
    w.push(TEXT_WIDTH.saturating_sub(fixed.iter().sum()));
    w
}

fn heading(text: &str) -> Paragraph {
    paragraph(text, Style::text().bold())
        .keep_next(true)
        .line_spacing(LineSpacing::new().before(200).after(80))
}

/// The document being written, and the header rows of each of its tables in order (repeated
/// on every page).
struct Doc {
    docx: Docx,
    header_rows: Vec<usize>,
}

impl Doc {
    fn paragraph(mut self, p: Paragraph) -> Doc {
        self.docx = self.docx.add_paragraph(p);
        self
    }

    fn table(mut self, (t, h): (docx_rs::Table, usize)) -> Doc {
        self.header_rows.push(h);
        self.docx = self.docx.add_table(t);
        self
    }
}

/// The scorecard as a Word document; `top` criteria in each list (0: all).
pub fn render(criteria: &Criteria, sc: &Scorecard, top: usize) -> anyhow::Result<Vec<u8>> {
    let doc = Doc {
        docx: word::page_setup(Docx::new()),
        header_rows: Vec::new(),
    };
    let doc = title(doc, criteria, sc);
    let doc = results(doc, criteria, sc);
    let doc = ranking(doc, sc);
    let doc = lost_most(doc, sc, top);
    let doc = behind(doc, sc, top);
    let doc = deductions(doc, sc);
    let doc = warnings(doc, sc);
    let doc = tree(doc, sc);
    let docx = word::properties(doc.docx, criteria, &format!("mã đơn vị {}", sc.e.unit.code));
    word::pack(docx, &doc.header_rows)
}

/// The title, the unit's name, its group and the criteria, centred.
fn title(doc: Doc, criteria: &Criteria, sc: &Scorecard) -> Doc {
    let e = &sc.e;
    let centred = |text: &str, style: Style| paragraph(text, style).align(AlignmentType::Center);
    doc.paragraph(centred(
        &format!("KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {}", e.year),
        Style::text().bold(),
    ))
    .paragraph(centred(&e.unit.name, Style::text().bold()))
    .paragraph(centred(
        &format!(
            "Nhóm {}; mã đơn vị {}; bộ tiêu chí {}, tỉnh {}",
            e.unit.group_name, e.unit.code, criteria.id, criteria.province
        ),
        Style::text().italic(),
    ))
}

/// 1. The results and 2. what it takes to move: a label, a figure and a note a row.
fn results(doc: Doc, criteria: &Criteria, sc: &Scorecard) -> Doc {
    let kv = widths(&[4200, 1500]);
    doc.paragraph(heading("1. Kết quả"))
        .table(table(
            &[],
            &kv,
            key_values(sc.results(criteria), sc.e.decimals),
        ))
        .paragraph(heading("2. Để nâng hạng, nâng xếp loại"))
        .table(table(&[], &kv, key_values(sc.moves(), NEED_DECIMALS)))
}

/// Lines as rows: the label, the figure in bold (or its text, centred), the note.
fn key_values(lines: Vec<Line>, digits: u32) -> Vec<Vec<Content>> {
    lines
        .into_iter()
        .map(|l| {
            vec![
                Content::Text(l.label),
                match l.value_text {
                    Some(t) if l.value.is_none() => Content::Centred(t),
                    _ => Content::BoldFigure(l.value, digits),
                },
                Content::Text(l.text),
            ]
        })
        .collect()
}

/// 3. The unit between its neighbours in the group's ranking, in bold, with their gaps.
fn ranking(doc: Doc, sc: &Scorecard) -> Doc {
    let e = &sc.e;
    let d = e.decimals;
    let place = |rank: usize, name: &str, index: Decimal, gap: Option<Decimal>, me: bool| {
        vec![
            Content::Centred(rank.to_string()),
            if me {
                Content::Bold(name.to_string())
            } else {
                Content::Text(name.to_string())
            },
            if me {
                Content::BoldFigure(Some(index), d)
            } else {
                Content::Figure(Some(index), d)
            },
            Content::Figure(gap, d),
        ]
    };
    let mut places = Vec::new();
    if let Some(a) = &e.neighbours.above {
        places.push(place(a.rank, &a.name, a.index, Some(a.gap), false));
    }
    places.push(place(e.par.rank, &e.unit.name, e.par.index, None, true));
    if let Some(b) = &e.neighbours.below {
        places.push(place(b.rank, &b.name, b.index, Some(b.gap), false));
    }
    doc.paragraph(heading(&format!(
        "3. Xếp hạng trong nhóm {}",
        e.unit.group_name
    )))
    .table(table(
        &["Hạng", "Đơn vị", "Chỉ số CCHC (%)", "Chênh lệch (điểm %)"],
        &[900, 7000, 2000, 2000],
        places,
    ))
}

/// 4. The criteria that lost most, with how their points were decided.
fn lost_most(doc: Doc, sc: &Scorecard, top: usize) -> Doc {
    let e = &sc.e;
    let d = e.decimals;
    let shown = shown(top, e.lost_most.len());
    let leaves = e.nodes.iter().filter(|l| l.leaf && l.applicable).count();
    let rows: Vec<Vec<Content>> = e
        .lost_most
        .iter()
        .take(shown)
        .filter_map(|code| e.nodes.iter().find(|l| &l.code == code))
        .map(|l| {
            vec![
                Content::Text(l.code.clone()),
                Content::Text(l.name.clone()),
                Content::Figure(Some(l.max), d),
                Content::Figure(Some(l.points), d),
                Content::BoldFigure(Some(l.lost), d),
                Content::Text(how(l, d)),
            ]
        })
        .collect();
    doc.paragraph(heading(&format!(
        "4. Tiêu chí mất nhiều điểm nhất ({} trong {} tiêu chí bị mất điểm, trên {leaves} tiêu chí)",
        shown,
        e.lost_most.len()
    )))
    .table(table(
        &["Mã", "Tiêu chí", "Tối đa", "Điểm", "Mất", "Cách tính"],
        &widths(&[900, 5400, 1000, 1000, 1000]),
        rows,
    ))
}

/// 5. The criteria furthest behind the group's best, with the units that have it.
fn behind(doc: Doc, sc: &Scorecard, top: usize) -> Doc {
    let e = &sc.e;
    let d = e.decimals;
    let behind = sc.behind();
    let shown = shown(top, behind.len());
    let p = |v: Decimal| crate::decimal::publish(v, d);
    let rows: Vec<Vec<Content>> = behind
        .iter()
        .take(shown)
        .map(|b| {
            let l = &e.nodes[b.node];
            vec![
                Content::Text(l.code.clone()),
                Content::Text(l.name.clone()),
                Content::Figure(Some(l.points), d),
                Content::Figure(Some(p(b.best)), d),
                Content::BoldFigure(Some(p(b.behind)), d),
                Content::Text(holders(b)),
            ]
        })
        .collect();
    doc.paragraph(heading(&format!(
        "5. Tiêu chí kém đơn vị cao nhất trong nhóm nhiều nhất ({} trong {} tiêu chí kém đơn vị cao nhất)",
        shown,
        behind.len()
    )))
    .table(table(
        &[
            "Mã",
            "Tiêu chí",
            "Điểm của đơn vị",
            "Cao nhất trong nhóm",
            "Kém",
            "Đơn vị đạt cao nhất",
        ],
        &widths(&[900, 5400, 1300, 1300, 1100]),
        rows,
    ))
}

/// 6. The deductions, when there are any.
fn deductions(doc: Doc, sc: &Scorecard) -> Doc {
    let e = &sc.e;
    if e.deductions.is_empty() {
        return doc;
    }
    let rows = e
        .deductions
        .iter()
        .map(|x| {
            vec![
                Content::Text(x.code.clone()),
                Content::Text(x.name.clone()),
                Content::Centred(x.times.to_string()),
                Content::Figure(Some(x.points), e.decimals),
            ]
        })
        .collect();
    doc.paragraph(heading("6. Điểm trừ")).table(table(
        &["Mã", "Nội dung", "Số lần", "Điểm trừ"],
        &[2000, 8600, 1200, 1500],
        rows,
    ))
}

/// 7. The warnings about the unit's figures, when there are any, with the file and line.
fn warnings(doc: Doc, sc: &Scorecard) -> Doc {
    let e = &sc.e;
    if e.warnings.is_empty() {
        return doc;
    }
    let rows = e
        .warnings
        .iter()
        .map(|w| {
            let place = match (&w.file, w.line) {
                (Some(file), Some(line)) => format!("{file}:{line}"),
                (Some(file), None) => file.clone(),
                _ => String::new(),
            };
            vec![
                Content::Text(w.criterion.clone().unwrap_or_default()),
                Content::Text(w.message.clone()),
                Content::Text(place),
            ]
        })
        .collect();
    doc.paragraph(heading(&format!(
        "7. Cảnh báo về số liệu của đơn vị ({})",
        e.warnings.len()
    )))
    .table(table(
        &["Tiêu chí", "Nội dung", "Tệp, dòng"],
        &widths(&[1100, 9500]),
        rows,
    ))
}

/// 8. The whole tree, on pages of its own: a row per node, the deductions, the total.
fn tree(doc: Doc, sc: &Scorecard) -> Doc {
    let e = &sc.e;
    let d = e.decimals;
    let mut rows: Vec<Vec<Content>> = e
        .nodes
        .iter()
        .enumerate()
        .map(|(i, l)| node_cells(sc, i, l))
        .collect();
    if !e.par.deductions.is_zero() {
        let mut cells = vec![
            Content::Text(String::new()),
            Content::Bold("Điểm trừ".into()),
        ];
        cells.extend((0..5).map(|_| Content::Text(String::new())));
        cells.push(Content::BoldFigure(Some(-e.par.deductions), d));
        cells.push(Content::BoldFigure(Some(e.par.deductions), d));
        cells.push(Content::Text(String::new()));
        rows.push(cells);
    }
    let mut total = vec![
        Content::Text(String::new()),
        Content::Bold("Tổng cộng".into()),
        Content::BoldFigure(Some(e.par.max), d),
    ];
    total.extend((0..4).map(|_| Content::Text(String::new())));
    total.push(Content::BoldFigure(Some(e.par.total), d));
    total.push(Content::BoldFigure(Some(e.par.lost), d));
    total.push(Content::Text(String::new()));
    rows.push(total);
    let mut tree_widths = vec![800];
    let figures = [1000; 8];
    tree_widths.push(TEXT_WIDTH - 800 - figures.iter().sum::<usize>());
    tree_widths.extend(figures);
    doc.paragraph(
        heading("8. Điểm theo lĩnh vực, tiêu chí (Mất = Tối đa − Điểm; KĐG: không đánh giá)")
            .page_break_before(true),
    )
    .table(table(
        &[
            "Mã",
            "Lĩnh vực, tiêu chí, tiêu chí thành phần",
            "Tối đa",
            "Tự chấm",
            "Thẩm định",
            "Điều tra XHH",
            "Chỉ số hài lòng",
            "Điểm",
            "Mất",
            "Cao nhất trong nhóm",
        ],
        &tree_widths,
        rows,
    ))
}

/// A node's row of the tree (the `i`th): code, name, its figures and the group's best, bold
/// for a field; KĐG for a leaf that does not apply.
fn node_cells(sc: &Scorecard, i: usize, l: &NodeLine) -> Vec<Content> {
    let d = sc.e.decimals;
    let field = l.depth == 1;
    let text = |t: String| {
        if field {
            Content::Bold(t)
        } else {
            Content::Text(t)
        }
    };
    let figure = |v: Option<Decimal>, d: u32| {
        if field {
            Content::BoldFigure(v, d)
        } else {
            Content::Figure(v, d)
        }
    };
    let mut cells = vec![text(l.code.clone()), Content::Node(l.name.clone(), l.depth)];
    if l.leaf && !l.applicable {
        cells.push(Content::Centred("KĐG".into()));
        cells.extend((0..7).map(|_| Content::Text(String::new())));
        return cells;
    }
    cells.extend(
        [
            Some(l.max),
            l.self_points,
            l.appraised,
            l.survey,
            l.sipas,
            Some(l.points),
            Some(l.lost),
        ]
        .into_iter()
        .map(|v| figure(v, d)),
    );
    let best = sc
        .best
        .iter()
        .find(|b| b.node == i)
        .map(|b| crate::decimal::publish(b.best, d));
    cells.push(match best {
        Some(b) => figure(Some(b), d),
        None => Content::Text(String::new()),
    });
    cells
}
