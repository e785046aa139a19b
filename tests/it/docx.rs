//! `compute --format docx`: the Word document's XML (unzipped, read with roxmltree) holds both
//! annexes with their title blocks, a table per group whose rows are every unit of the sample
//! year in the CSV annex's order with exactly the CSV's figures (a decimal comma), header rows
//! repeated on every page, the notes of the marks, Times New Roman, landscape A4.

use std::io::Read;
use std::path::{Path, PathBuf};

use crate::common::*;
use crate::workbook::csv_column;
use roxmltree::{Document, Node};

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn write_docx(dir: &Path, extra: &[&str]) -> PathBuf {
    let file = dir.join("phu-luc.docx");
    let sample = sample();
    let mut args = vec![
        "compute",
        sample.to_str().unwrap(),
        "--format",
        "docx",
        "--output",
        file.to_str().unwrap(),
    ];
    args.extend_from_slice(extra);
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    file
}

fn part(file: &Path, name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn w<'a>(node: Node<'a, 'a>, name: &str) -> impl Iterator<Item = Node<'a, 'a>> {
    let name = name.to_string();
    node.children()
        .filter(move |n| n.tag_name().namespace() == Some(W) && n.tag_name().name() == name)
}

fn attr<'a>(node: Node<'a, 'a>, name: &str) -> Option<&'a str> {
    node.attribute((W, name))
}

/// The text of a paragraph or a cell.
fn text(node: Node) -> String {
    node.descendants()
        .filter(|n| n.tag_name().namespace() == Some(W) && n.tag_name().name() == "t")
        .filter_map(|n| n.text())
        .collect()
}

/// The CSV annexes of `compute --format csv`: per annex, its header and its rows.
fn csv_annexes() -> Vec<(Vec<String>, Vec<Vec<String>>)> {
    let sample = sample();
    let (code, out, err) = run(&["compute", sample.to_str().unwrap(), "--format", "csv"]);
    assert_eq!(code, 0, "{err}");
    out.split("\n\n")
        .map(|block| {
            let mut rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
                .has_headers(false)
                .flexible(true)
                .from_reader(block.as_bytes())
                .records()
                .map(|r| r.unwrap().iter().map(String::from).collect())
                .skip(1) // the title row
                .collect();
            let header = rows.remove(0);
            (header, rows)
        })
        .collect()
}

/// A table of the document: the headers of its columns (the lower header row's, or the upper
/// one's for a column merged down), how many rows are marked as repeated headers, its rows of
/// units as cell texts.
struct Table {
    headers: Vec<String>,
    repeated: Vec<bool>,
    units: Vec<Vec<String>>,
}

fn table(tbl: Node) -> Table {
    let rows: Vec<Node> = w(tbl, "tr").collect();
    let repeated: Vec<bool> = rows
        .iter()
        .map(|r| w(*r, "trPr").any(|p| w(p, "tblHeader").next().is_some()))
        .collect();
    let header_rows = repeated.iter().take_while(|&&h| h).count();
    // the upper row, spread over the grid
    let mut upper: Vec<String> = Vec::new();
    for tc in w(rows[0], "tc") {
        let span = w(tc, "tcPr")
            .flat_map(|p| w(p, "gridSpan"))
            .find_map(|g| attr(g, "val"))
            .map_or(1, |v| v.parse().unwrap());
        for _ in 0..span {
            upper.push(text(tc));
        }
    }
    let headers = if header_rows == 2 {
        w(rows[1], "tc")
            .zip(&upper)
            .map(|(tc, up)| {
                let lower = text(tc);
                if lower.is_empty() { up.clone() } else { lower }
            })
            .collect()
    } else {
        upper
    };
    let units = rows[header_rows..]
        .iter()
        .map(|r| w(*r, "tc").map(text).collect())
        .collect();
    Table {
        headers,
        repeated,
        units,
    }
}

/// A figure as the document writes it, back in the CSV's form: the decimal comma a point, the
/// marks and a change's plus sign taken off.
fn as_csv(cell: &str) -> String {
    cell.trim_end_matches(['*', '†'])
        .trim_start_matches('+')
        .replace(',', ".")
}

#[test]
fn every_unit_in_annex_order_with_exactly_the_csv_figures() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_docx(dir.path(), &[]);
    let xml = part(&file, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let body = w(doc.root_element(), "body").next().unwrap();
    let tables: Vec<Table> = w(body, "tbl").map(table).collect();
    // Phụ lục I then Phụ lục II, each a table per group
    assert_eq!(tables.len(), 4);
    let annexes = csv_annexes();
    assert_eq!(annexes.len(), 2);
    let mut units = 0;
    for (k, t) in tables.iter().enumerate() {
        let (csv_headers, csv_rows) = &annexes[k / 2];
        let group = if k % 2 == 0 { "so" } else { "huyen" };
        let rows: Vec<&Vec<String>> = csv_rows.iter().filter(|r| r[0] == group).collect();
        assert_eq!(t.units.len(), rows.len(), "table {k}");
        assert_eq!(&t.headers[..2], ["STT", "Tên đơn vị"]);
        // every CSV column is shown but the group, the code and the note
        let mapped: Vec<usize> = t.headers[2..]
            .iter()
            .map(|h| csv_column(csv_headers, h).unwrap_or_else(|| panic!("{h:?}")))
            .collect();
        for (c, h) in csv_headers.iter().enumerate() {
            assert!(
                mapped.contains(&c)
                    || ["Nhóm", "Mã đơn vị", "Tên đơn vị", "Ghi chú"].contains(&h.as_str()),
                "table {k}: {h} not shown"
            );
        }
        for (n, (cells, csv)) in t.units.iter().zip(&rows).enumerate() {
            assert_eq!(cells[0], (n + 1).to_string(), "STT");
            assert_eq!(
                cells[1], csv[3],
                "table {k} row {n}: the CSV's unit in its order"
            );
            for (i, &c) in mapped.iter().enumerate() {
                assert_eq!(
                    as_csv(&cells[i + 2]),
                    csv[c],
                    "table {k}, {}: {}",
                    csv[2],
                    csv_headers[c]
                );
                // the document writes a decimal comma, never a point
                assert!(!cells[i + 2].contains('.'), "{}", cells[i + 2]);
            }
            // the marks where the CSV's note says why
            let note = &csv[csv_headers.iter().position(|h| h == "Ghi chú").unwrap()];
            let marked = |m: char| cells.iter().any(|c| c.ends_with(m));
            assert_eq!(marked('*'), note.contains("khi làm tròn"), "{}", csv[2]);
            assert_eq!(marked('†'), note.contains("phiếu hợp lệ"), "{}", csv[2]);
            units += 1;
        }
        // the header rows, and only they, repeat on every page
        let header_rows = t.repeated.iter().take_while(|&&h| h).count();
        assert_eq!(header_rows, 2, "two header rows under the merged headers");
        assert_eq!(t.repeated.iter().filter(|&&h| h).count(), header_rows);
    }
    assert_eq!(units, 2 * 31);
}

#[test]
fn title_blocks_notes_fonts_and_page() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_docx(dir.path(), &[]);
    let xml = part(&file, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let body = w(doc.root_element(), "body").next().unwrap();
    let paragraphs: Vec<String> = w(body, "p").map(text).collect();
    let attached = "(Kèm theo Quyết định số      /QĐ-UBND ngày    tháng    năm      của Chủ tịch UBND tỉnh Lạng Sơn)";
    for (label, heading) in [
        (
            "PHỤ LỤC I",
            "CHỈ SỐ HÀI LÒNG CỦA NGƯỜI DÂN, TỔ CHỨC ĐỐI VỚI SỰ PHỤC VỤ CỦA CƠ QUAN HÀNH CHÍNH NĂM 2023",
        ),
        ("PHỤ LỤC II", "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2023"),
    ] {
        let at = paragraphs.iter().position(|p| p == label).unwrap();
        assert_eq!(paragraphs[at + 1], heading);
        assert_eq!(paragraphs[at + 2], attached);
        assert_eq!(paragraphs[at + 3], "I. Sở, ban, ngành");
    }
    // the notes: the units ranked apart below the published precision, in each annex, and
    // the unit below the minimum of questionnaires
    let json = compute_json(&sample(), &[]);
    for index in ["sipas", "par"] {
        let noted: Vec<&str> = json["units"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u[index].get("rank_note").is_some())
            .map(|u| u["name"].as_str().unwrap())
            .collect();
        let what = if index == "par" {
            "Chỉ số CCHC"
        } else {
            "Chỉ số hài lòng"
        };
        assert!(!noted.is_empty(), "the sample ranks units apart below 0.01");
        let note = paragraphs
            .iter()
            .find(|p| p.starts_with("* ") && p.contains(what))
            .unwrap();
        for name in &noted {
            assert!(note.contains(name), "{note}");
        }
    }
    let small: Vec<&String> = paragraphs.iter().filter(|p| p.starts_with("† ")).collect();
    assert_eq!(small.len(), 2, "one in each annex");
    assert!(
        small
            .iter()
            .all(|p| p.contains("Huyện Đình Lập (85 phiếu)"))
    );
    // Times New Roman everywhere, 13 pt, 12 in the tables
    let fonts: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((W, "rFonts")))
        .map(|n| attr(n, "ascii").unwrap_or(""))
        .collect();
    assert!(!fonts.is_empty());
    assert!(fonts.iter().all(|f| *f == "Times New Roman"));
    let styles = part(&file, "word/styles.xml");
    assert!(
        styles.contains(r#"<w:rFonts w:ascii="Times New Roman""#),
        "{styles}"
    );
    for tbl in w(body, "tbl") {
        let sizes: Vec<&str> = tbl
            .descendants()
            .filter(|n| n.has_tag_name((W, "sz")))
            .filter_map(|n| attr(n, "val"))
            .collect();
        assert!(sizes.iter().all(|s| *s == "24"), "{sizes:?}");
    }
    // landscape A4
    let sect = w(body, "sectPr").next().unwrap();
    let size = w(sect, "pgSz").next().unwrap();
    assert_eq!(attr(size, "w"), Some("16838"));
    assert_eq!(attr(size, "h"), Some("11906"));
    assert_eq!(attr(size, "orient"), Some("landscape"));
    // the program and the rules in the properties
    let custom = part(&file, "docProps/custom.xml");
    assert!(custom.contains(env!("CARGO_PKG_VERSION")) && custom.contains("lang-son-2023"));
}

#[test]
fn one_annex_one_group_and_the_same_bytes_twice() {
    let dir = tempfile::tempdir().unwrap();
    let file = write_docx(dir.path(), &["--annex", "par", "--group", "huyen"]);
    let xml = part(&file, "word/document.xml");
    let doc = Document::parse(&xml).unwrap();
    let body = w(doc.root_element(), "body").next().unwrap();
    let tables: Vec<Table> = w(body, "tbl").map(table).collect();
    assert_eq!(tables.len(), 1);
    assert_eq!(tables[0].units.len(), 11);
    let paragraphs: Vec<String> = w(body, "p").map(text).collect();
    assert!(paragraphs.contains(&"PHỤ LỤC II".to_string()));
    assert!(!paragraphs.contains(&"PHỤ LỤC I".to_string()));
    let again = tempfile::tempdir().unwrap();
    let second = write_docx(again.path(), &["--annex", "par", "--group", "huyen"]);
    assert_eq!(
        std::fs::read(&file).unwrap(),
        std::fs::read(&second).unwrap()
    );
}

#[test]
fn a_document_goes_to_a_file_or_a_pipe_and_is_for_the_annexes_only() {
    let sample = sample();
    let out = bin()
        .args(["compute", sample.to_str().unwrap(), "--format", "docx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.starts_with(b"PK"));
    let (code, _, err) = run(&[
        "compute",
        sample.to_str().unwrap(),
        "--format",
        "docx",
        "--ci",
    ]);
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("--format docx"), "{err}");
    // a failed run leaves an earlier file as it was
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a.docx");
    std::fs::write(&file, b"earlier").unwrap();
    let (code, _, _) = run(&[
        "compute",
        dir.path().to_str().unwrap(),
        "--format",
        "docx",
        "--output",
        file.to_str().unwrap(),
    ]);
    assert_eq!(code, 4);
    assert_eq!(std::fs::read(&file).unwrap(), b"earlier");
}
