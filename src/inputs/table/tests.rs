use std::path::Path;

use super::text::Paths;
use super::*;

/// A spec that takes any header (no required column): the first non-blank row.
const ANY: Spec = Spec {
    role: "t",
    sheet_names: &[],
    required: &[],
    optional: &[],
    ignored: &[],
};

fn open(path: &Path, spec: &Spec, paths: Paths) -> (Option<Table>, Problems) {
    let mut problems = Problems::default();
    let table = Table::open_with(
        path,
        "t.csv",
        spec,
        ReadOptions::default(),
        paths,
        &mut problems,
    )
    .expect("readable");
    (table, problems)
}

fn lines_of(text: &[u8]) -> Vec<u64> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, text).unwrap();
    let (table, mut problems) = open(&path, &ANY, Paths::default());
    let mut table = table.expect("a table");
    let mut record = Row::new();
    let mut lines = vec![table.header_line()];
    while let Some(line) = table.next(&mut record, &mut problems) {
        lines.push(line);
    }
    lines
}

#[test]
fn lines_are_counted_right_whatever_the_line_ends() {
    let lf = b"a,b\n1,2\n\n3,4\n\"x\ny\",z\n5,6\n\n\n7,8\n";
    let crlf = b"a,b\r\n1,2\r\n\r\n3,4\r\n\"x\r\ny\",z\r\n5,6\r\n\r\n\r\n7,8\r\n";
    let cr = b"a,b\r1,2\r\r3,4\r\"x\ry\",z\r5,6\r\r\r7,8\r";
    for text in [&lf[..], crlf, cr] {
        assert_eq!(lines_of(text), [1, 2, 4, 5, 7, 10], "{text:?}");
    }
}

/// A file with CR line ends (Excel for Mac's "CSV"), a bad cell on line 1500: named there.
#[test]
fn cr_line_ends_name_the_right_line() {
    let mut text = String::from("a,b\r");
    for i in 2..=3000 {
        text += &format!("{i},x\r");
    }
    let lines = lines_of(text.as_bytes());
    assert_eq!(lines[1499], 1500);
    assert_eq!(lines.len(), 3000);
}

fn read_all(path: &Path, paths: Paths, unsplit: bool) -> String {
    transcript(path, paths.fast, unsplit)
}

/// The plain path: the `csv` crate, UTF-8 as it is (no guess of another encoding).
const PLAIN: Paths = Paths {
    fast: None,
    detect: false,
};

fn fast(capacity: usize) -> Paths {
    Paths {
        fast: Some(capacity),
        detect: false,
    }
}

#[test]
fn byte_order_marks_and_cr_line_ends_read_as_the_csv_crate() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let cases: [&[u8]; 6] = [
        b"a,b\n\xEF\xBB\xBF\"x\",y\n",
        b"a,b\n1,2\r\xEF\xBB\xBF\"3\",4\n",
        b"a,b\n\xEF\xBB\xBF\r1,2\n",
        b"\xEF\xBB\xBF\xEF\xBB\xBFa,b\n1,2\n",
        b"\xEF\xBB\xBFa,b\n\xEF\xBB\xBF1,2\n",
        b"a,b\r1,2\r\r3,\"4\"\r5,6",
    ];
    for bytes in cases {
        std::fs::write(&path, bytes).unwrap();
        let want = read_all(&path, PLAIN, false);
        for capacity in [1, 2, 3, 5, 1 << 16] {
            assert_eq!(
                read_all(&path, fast(capacity), false),
                want,
                "{bytes:?} / {capacity}"
            );
        }
    }
}

/// Two marks, then a blank line: the header is on line 2 (where the csv crate, which counts
/// from before the blank line it skips, says line 1).
#[test]
fn header_after_two_marks_and_a_blank_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, b"\xEF\xBB\xBF\xEF\xBB\xBF\n a,b\n1,2\n").unwrap();
    for capacity in [1, 2, 3, 1 << 16] {
        let got = read_all(&path, fast(capacity), false);
        assert!(
            got.starts_with("2 [\"a\", \"b\"]\n3 [\"1\", \"2\"]"),
            "{got}"
        );
    }
}

/// A file with CR line ends (Excel for Mac) streams: the buffer never grows to hold it.
#[test]
fn cr_line_ends_stream() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let mut text = String::from("unit,criterion,self\r");
    for i in 0..20_000 {
        text += &format!("U{i},1.1,2\r");
    }
    std::fs::write(&path, &text).unwrap();
    let (table, mut problems) = open(&path, &ANY, fast(4096));
    let mut table = table.expect("a table");
    let (mut row, mut n) = (Row::new(), 0);
    while table.next(&mut row, &mut problems).is_some() {
        n += 1;
    }
    assert_eq!(n, 20_000);
    let Records::Fast(fast) = &table.records else {
        panic!("read by the line reader")
    };
    assert_eq!(fast.buf.len(), 4096);
}

const UNIT: Column = Column {
    key: "unit",
    names: &["mã đơn vị", "đơn vị"],
};
const SCORE: Column = Column {
    key: "self",
    names: &["tự chấm"],
};
const NOTE: Column = Column {
    key: "note",
    names: &["ghi chú"],
};
const UNITS: Spec = Spec {
    role: "t",
    sheet_names: &[],
    required: &[UNIT, SCORE],
    optional: &[NOTE],
    ignored: &[],
};

/// A title and a blank row above the header are skipped, said in a note; the rows after are
/// read from the right line, on both paths.
#[test]
fn the_header_is_found_below_a_title() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let text = "BẢNG TỰ CHẤM ĐIỂM NĂM 2023,,\n,,\nMã đơn vị,Tự chấm,Ghi chú\nSNV,1,\nSTC,2,x\n";
    std::fs::write(&path, text).unwrap();
    for paths in [PLAIN, fast(3), Paths::default()] {
        let (table, mut problems) = open(&path, &UNITS, paths);
        let mut table = table.expect("a table");
        assert_eq!(table.header_line(), 3);
        assert_eq!(
            (table.column(0), table.column(1), table.column(2)),
            (Some(0), Some(1), Some(2))
        );
        let mut row = Row::new();
        assert_eq!(table.next(&mut row, &mut problems), Some(4));
        assert_eq!(cell(&row, 0), "SNV");
        assert_eq!(table.next(&mut row, &mut problems), Some(5));
        assert_eq!(table.next(&mut row, &mut problems), None);
        assert!(problems.is_empty());
        let notes = problems.sorted_notes();
        assert_eq!(notes.len(), 1, "{notes:?}");
        assert!(notes[0].message.contains("line 3"), "{}", notes[0].message);
        assert!(
            notes[0].message.contains("BẢNG TỰ CHẤM"),
            "{}",
            notes[0].message
        );
    }
}

/// Columns named in Vietnamese, with or without diacritics, in any case and spacing.
#[test]
fn vietnamese_column_names_with_or_without_diacritics() {
    for header in [
        "Mã đơn vị,Tự chấm",
        "MA DON VI,TU CHAM",
        "ma_don_vi ,  tự   chấm",
        "Đơn vị,tự chấm",
        "unit,Self",
    ] {
        let cells: Vec<String> = header.split(',').map(header_cell).collect();
        assert_eq!(UNITS.matches(&cells), 2, "{header}");
    }
    let cells: Vec<String> = ["Tên đơn vị", "Tự chấm"].map(String::from).to_vec();
    assert_eq!(UNITS.matches(&cells), 1, "a unit's name is not its code");
}

/// No row of the first ones names the columns: the missing ones are reported at the row that
/// names most of them, with the header as read.
#[test]
fn missing_columns_are_named_with_the_header_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    std::fs::write(&path, "TITLE\nunit,points\nSNV,1\n").unwrap();
    let (table, problems) = open(&path, &UNITS, Paths::default());
    assert!(table.is_none());
    let problems = problems.into_sorted();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].line, 2);
    assert!(problems[0].message.contains("self"), "{:?}", problems[0]);
    assert!(
        problems[0]
            .hint
            .as_deref()
            .unwrap_or("")
            .contains("unit, points"),
        "{:?}",
        problems[0]
    );
}

/// A Windows-1258 file among UTF-8 ones is read without being told, and said in a note.
#[test]
fn a_windows_1258_file_is_detected_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.csv");
    let text = "Mã đơn vị,Tự chấm\nSNV,Sở Nội vụ\nLS,Thành phố Lạng Sơn\nDL,Huyện Đình Lập\n";
    std::fs::write(&path, super::text::tests::windows_1258(text)).unwrap();
    let (table, mut problems) = open(&path, &UNITS, Paths::default());
    let mut table = table.expect("a table");
    let mut row = Row::new();
    let mut names = Vec::new();
    while table.next(&mut row, &mut problems).is_some() {
        names.push(crate::text::normalize_key(cell(&row, 1)));
    }
    assert_eq!(names, ["Sở Nội vụ", "Thành phố Lạng Sơn", "Huyện Đình Lập"]);
    let notes = problems.sorted_notes();
    assert!(
        notes.iter().any(|n| n.message.contains("windows-1258")),
        "{notes:?}"
    );
    assert!(problems.is_empty());
}

#[test]
fn names_fold_without_diacritics() {
    assert_eq!(fold_name("  Mã  đơn_vị "), "ma don vi");
    assert_eq!(fold_name("ĐIỂM THẨM ĐỊNH"), "diem tham dinh");
    assert_eq!(fold_name("Tự\u{0300}"), "tu");
    assert_eq!(fold_name("#note"), "#note");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

    /// The line reader gives what the csv crate gives, on any bytes, whatever its buffer,
    /// whether lines are split as read or taken whole and split after.
    #[test]
    fn fast_reads_as_the_csv_crate(
        bytes in proptest::collection::vec(proptest::sample::select(vec![
            b'a', b'1', b',', b';', b'\t', b'"', b'"', b'\r', b'\n', b'\n', b' ',
            0xC3, 0xA9, 0xFF, 0xEF, 0xBB, 0xBF, 0xE1, 0xBA, 0xA1, 0xC2, 0xA0,
        ]), 0..120),
        capacity in 1usize..40,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, &bytes).unwrap();
        let want = read_all(&path, PLAIN, false);
        for unsplit in [false, true] {
            proptest::prop_assert_eq!(read_all(&path, fast(capacity), unsplit), want.clone());
            proptest::prop_assert_eq!(read_all(&path, fast(1 << 16), unsplit), want.clone());
        }
    }
}
