//! The one table source: every tabular input of par-index (the five files of a year, the units
//! file of `template`, `--previous` exports) is read here, as CSV in the encodings and
//! separators Excel and survey tools write ([`text`]), or as a sheet of an xlsx, xls or ods
//! workbook ([`workbook`]), one record at a time, each with its true position: a line, or a
//! sheet's row and column (`so!D12`).
//!
//! A [`Table`] is such a source with its header found: among the first rows, the first that
//! names every column the file needs ([`Spec`]), in English or Vietnamese, with or without
//! diacritics, in any case; title and blank rows above it are skipped, and a note says so.
//! Every problem a reader finds is located through the table ([`Table::at`]).
//!
//! The fast path for large UTF-8 files lives in [`fast`], behind this API.

pub mod fast;
mod text;
mod workbook;

use std::path::{Path, PathBuf};

use csv::StringRecord;
use encoding_rs::Encoding;
use unicode_normalization::UnicodeNormalization;

use self::fast::{Fast, Step, split_plain, starts_with_code, untrimmed};
use crate::error::{Failure, Problem, Problems};
use crate::text::normalize_key;
use crate::tr;

/// How to read the files of a year.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding of text files without a byte-order mark, when told (`--encoding`); else
    /// UTF-8 or the encoding detected.
    pub encoding: Option<&'static Encoding>,
}

/// A record's cells: their text one after another, each followed by one ASCII separator (none
/// after the last is needed), and where each ends. The text was checked as UTF-8 once, when
/// read; a cell is a slice of it, with no copy and no check.
#[derive(Debug, Clone, Default)]
pub struct Row {
    text: String,
    ends: Vec<usize>,
}

impl Row {
    pub fn new() -> Row {
        Row::default()
    }

    /// Cells in the row.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The text of cell `i`, as read (untrimmed).
    pub fn get(&self, i: usize) -> Option<&str> {
        let end = *self.ends.get(i)?;
        let start = match i {
            0 => 0,
            _ => self.ends[i - 1] + 1,
        };
        self.text.get(start..end)
    }

    /// The cells in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        let text = &self.text;
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let cell = text.get(start..end).unwrap_or_default();
            start = end + 1;
            cell
        })
    }

    /// The record's text, cells separated by one ASCII character (the delimiter of a line read
    /// whole).
    pub fn text(&self) -> &str {
        &self.text
    }

    /// The cells in order, as bytes.
    pub fn bytes(&self) -> impl Iterator<Item = &[u8]> {
        self.iter().map(str::as_bytes)
    }

    /// Whether any cell holds `byte` (an ASCII byte other than the separators).
    fn contains(&self, byte: u8) -> bool {
        memchr::memchr(byte, self.text.as_bytes()).is_some()
    }

    fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.ends.push(self.text.len());
        self.text.push('\u{1f}');
    }

    fn set_record(&mut self, record: &StringRecord) {
        self.text.clear();
        self.ends.clear();
        for cell in record {
            self.push(cell);
        }
    }

    fn set_cells(&mut self, cells: &[String]) {
        self.text.clear();
        self.ends.clear();
        for cell in cells {
            self.push(cell);
        }
    }
}

impl From<Vec<String>> for Row {
    fn from(cells: Vec<String>) -> Row {
        let mut row = Row::new();
        row.set_cells(&cells);
        row
    }
}

/// The text of a cell, trimmed; empty when the row is short.
pub fn cell(row: &Row, column: usize) -> &str {
    let text = row.get(column).unwrap_or("");
    if text.is_empty() || untrimmed(text.as_bytes()) {
        return text;
    }
    // spaces, non-breaking spaces, and a byte-order mark pasted in mid-file
    let pad = |c: char| c.is_whitespace() || c == '\u{feff}';
    // (Vietnamese text ends in a letter: told on the last character alone)
    match (text.chars().next(), text.chars().next_back()) {
        (Some(a), Some(b)) if !pad(a) && !pad(b) => text,
        _ => text.trim_matches(pad),
    }
}

/// Where a table's records come from.
enum Records {
    /// Lines of a UTF-8 text file.
    Fast(Box<Fast>),
    /// Records of a text file read by the `csv` crate (decoded from another encoding).
    Csv(
        Box<csv::Reader<Box<dyn std::io::Read>>>,
        std::rc::Rc<std::cell::RefCell<text::Lines>>,
    ),
    /// A workbook's sheet, read whole (workbooks are small): its rows, numbered as Excel does.
    Rows(std::vec::IntoIter<(u64, Vec<String>)>),
}

/// A record as the source gives it.
enum Raw {
    /// A record on this line, split; `parsed`: by a CSV parser (it may hold line breaks).
    Record {
        line: u64,
        parsed: bool,
    },
    /// A plain line, not split (asked for unsplit).
    Line(u64),
    /// A line whose cell (from 0) is not UTF-8.
    NotUtf8(u64, usize),
    /// The source cannot be read on (at this line).
    Broken(u64, String),
    End,
}

impl Records {
    fn next(&mut self, row: &mut Row, record: &mut StringRecord, split: bool) -> Raw {
        match self {
            Records::Fast(fast) => match fast.next(row, split) {
                Ok(Step::Record(line)) => Raw::Record {
                    line,
                    parsed: fast.parsed,
                },
                Ok(Step::Line(line)) => Raw::Line(line),
                Ok(Step::End) => Raw::End,
                Ok(Step::NotUtf8(line, field)) => Raw::NotUtf8(line, field),
                Err(e) => Raw::Broken(fast.lines + 1, e.to_string()),
            },
            Records::Csv(reader, lines) => match reader.read_record(record) {
                Ok(false) => Raw::End,
                Ok(true) => {
                    row.set_record(record);
                    let byte = record.position().map_or(0, |p| p.byte());
                    Raw::Record {
                        line: lines.borrow_mut().line_of(byte),
                        parsed: true,
                    }
                }
                Err(e) => {
                    let line = |byte: Option<&csv::Position>| {
                        lines.borrow_mut().line_of(byte.map_or(0, |p| p.byte()))
                    };
                    match e.kind() {
                        csv::ErrorKind::Utf8 { pos, err } => {
                            Raw::NotUtf8(line(pos.as_ref()), err.field())
                        }
                        csv::ErrorKind::Io(io) => Raw::Broken(line(e.position()), io.to_string()),
                        _ => Raw::Broken(line(e.position()), e.to_string()),
                    }
                }
            },
            Records::Rows(rows) => match rows.next() {
                Some((line, cells)) => {
                    row.set_cells(&cells);
                    Raw::Record {
                        line,
                        parsed: false,
                    }
                }
                None => Raw::End,
            },
        }
    }

    fn delimiter(&self) -> u8 {
        match self {
            Records::Fast(fast) => fast.delimiter,
            _ => b',',
        }
    }
}

/// A column a file needs (or may have): its key, the name the English header gives it, and
/// the other names it may have (Vietnamese ones, with their diacritics: they are matched with
/// or without them, in any case).
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub names: &'static [&'static str],
}

impl Column {
    /// The column as messages name it: its key, and its Vietnamese name where it has one
    /// (`appraised (Thẩm định)`).
    pub fn shown(&self) -> String {
        match self.names.first() {
            Some(vi) => format!("{} ({})", self.key, capitalized(vi)),
            None => self.key.to_string(),
        }
    }

    /// Whether a header cell names this column.
    pub fn named(&self, header: &str) -> bool {
        let h = fold_name(header);
        h == fold_name(self.key) || self.names.iter().any(|n| fold_name(n) == h)
    }
}

/// What a table's header holds: the columns read (required, then optional), and the names of
/// columns that may stand beside them and are not read (a unit's or criterion's name, a
/// maximum: what a form shows its reader).
#[derive(Debug, Clone, Copy)]
pub struct Spec<'a> {
    /// The file's role (its name in a year's folder, e.g. `self-assessment`) and the names a
    /// workbook's sheet may have for it (Vietnamese ones).
    pub role: &'static str,
    pub sheet_names: &'static [&'static str],
    pub required: &'a [Column],
    pub optional: &'a [Column],
    pub ignored: &'static [&'static str],
}

impl Spec<'_> {
    fn columns(&self) -> impl Iterator<Item = &Column> {
        self.required.iter().chain(self.optional)
    }

    /// How many of the required columns a row of header cells names.
    fn matches(&self, cells: &[String]) -> usize {
        self.required
            .iter()
            .filter(|c| cells.iter().any(|h| c.named(h)))
            .count()
    }

    /// Whether a header names a column read or one known and not read.
    pub fn known(&self, header: &str) -> bool {
        self.columns().any(|c| c.named(header))
            || self
                .ignored
                .iter()
                .any(|n| fold_name(n) == fold_name(header))
    }
}

/// `mã đơn vị` → `Mã đơn vị`.
fn capitalized(name: &str) -> String {
    let mut chars = name.chars();
    chars
        .next()
        .map_or(String::new(), |c| c.to_uppercase().chain(chars).collect())
}

/// A column or sheet name as compared: without diacritics (đ as d), lower case, and any run
/// of spaces, `_`, `-` or other marks as one space.
pub fn fold_name(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.nfd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c,
        };
        if c.is_alphanumeric() || c == '#' || c == '%' {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// A source opened, not yet a table.
enum OpenError {
    /// The file exists but is not a usable table.
    Problem(Problem),
    /// The file could not be read at all.
    Io(Failure),
}

/// How many non-blank rows are looked through for the header.
const HEADER_WINDOW: usize = 10;

/// An input file (or a sheet of it) with its header found, read as a stream of records.
pub struct Table {
    /// The file as messages name it.
    pub name: String,
    /// The sheet read, for a workbook.
    pub sheet: Option<String>,
    /// Header cells, trimmed and in NFC.
    pub headers: Vec<String>,
    /// Per column of the spec (required, then optional): where it is.
    columns: Vec<Option<usize>>,
    records: Records,
    /// Records read while looking for the header, after it: (line, row, parsed by a parser).
    pending: std::collections::VecDeque<(u64, Row, bool)>,
    line: u64,
    /// The last record came from a parser (and may hold a line break in quotes).
    parsed: bool,
    /// The csv crate's record, copied into the caller's row.
    record: StringRecord,
}

impl Table {
    /// Opens `path` (`name` is how messages name it) as a table of `spec`. `Ok(None)` when it
    /// is not a usable table, with the problems in `problems`; an error when it cannot be read.
    pub fn open(
        path: &Path,
        name: &str,
        spec: &Spec,
        opts: ReadOptions,
        problems: &mut Problems,
    ) -> Result<Option<Table>, Failure> {
        Self::open_with(path, name, spec, opts, text::Paths::default(), problems)
    }

    /// The table of `spec` in a UTF-8 CSV text built into the program (`name` is how messages
    /// name it).
    pub fn from_text(
        name: &str,
        text: &'static str,
        spec: &Spec,
        problems: &mut Problems,
    ) -> Option<Table> {
        let records = text::from_text(text);
        Table::find_header(name, None, records, spec, problems)
    }

    fn open_with(
        path: &Path,
        name: &str,
        spec: &Spec,
        opts: ReadOptions,
        paths: text::Paths,
        problems: &mut Problems,
    ) -> Result<Option<Table>, Failure> {
        let opened = match workbook::is_workbook(path) {
            true => workbook::table(path, name, spec, problems),
            false => text::open(path, name, opts, paths, &mut problems.notes)
                .map(|records| Table::find_header(name, None, records, spec, problems)),
        };
        match opened {
            Ok(table) => Ok(table),
            Err(OpenError::Problem(p)) => {
                problems.push(p);
                Ok(None)
            }
            Err(OpenError::Io(f)) => Err(f),
        }
    }

    /// The table of `records` (of `sheet`, in a workbook): its header is the first of the first
    /// non-blank rows that names every required column, else the one that names most of them
    /// (the first non-blank row when none names any), the missing ones then reported.
    fn find_header(
        name: &str,
        sheet: Option<&str>,
        mut records: Records,
        spec: &Spec,
        problems: &mut Problems,
    ) -> Option<Table> {
        let mut window: Vec<(u64, Row, bool)> = Vec::new();
        let mut record = StringRecord::new();
        let mut found = None;
        while window.len() < HEADER_WINDOW {
            let mut row = Row::new();
            let (line, parsed) = match records.next(&mut row, &mut record, true) {
                Raw::Record { line, parsed } => (line, parsed),
                Raw::Line(line) => (line, false),
                Raw::End => break,
                Raw::NotUtf8(line, field) => {
                    problems.push(not_utf8(name, line, field + 1));
                    continue;
                }
                Raw::Broken(line, error) => {
                    problems.push(unreadable(name, line, &error));
                    return None;
                }
            };
            if is_blank(&row) {
                continue;
            }
            let cells: Vec<String> = row.iter().map(header_cell).collect();
            let matches = spec.matches(&cells);
            window.push((line, row, parsed));
            if matches == spec.required.len() {
                found = Some(window.len() - 1);
                break;
            }
        }
        let at = |line: u64| Problem::new(name, line as usize, 0, String::new()).in_sheet(sheet);
        let h = match found {
            Some(h) => h,
            None => {
                // no row names every required column: the one naming most (the first of those)
                let best = window
                    .iter()
                    .enumerate()
                    .map(|(i, (_, row, _))| {
                        let cells: Vec<String> = row.iter().map(header_cell).collect();
                        (spec.matches(&cells), std::cmp::Reverse(i))
                    })
                    .max()
                    .map(|(_, std::cmp::Reverse(i))| i);
                let Some(best) = best else {
                    let mut p = at(0);
                    p.message = tr!("inputs-empty");
                    problems.push(p.hint(tr!("inputs-empty-hint")));
                    return None;
                };
                best
            }
        };
        let mut rows = window.into_iter();
        let skipped: Vec<(u64, Row, bool)> = rows.by_ref().take(h).collect();
        let (line, header, _) = rows.next()?;
        let headers: Vec<String> = header.iter().map(header_cell).collect();
        if let Some((first, ..)) = skipped.first() {
            let mut p = at(line);
            let shown: Vec<String> = skipped
                .iter()
                .filter_map(|(_, row, _)| row.iter().map(str::trim).find(|c| !c.is_empty()))
                .map(|c| format!("«{}»", c.chars().take(40).collect::<String>()))
                .collect();
            let last = skipped.last().map_or(*first, |s| s.0);
            p.message = match last == *first {
                true => tr!(
                    "inputs-note-header-below-one",
                    line = line,
                    first = *first,
                    rows = shown.join(", ")
                ),
                false => tr!(
                    "inputs-note-header-below",
                    line = line,
                    first = *first,
                    last = last,
                    rows = shown.join(", ")
                ),
            };
            problems.note(p);
        }
        let mut table = Table {
            name: name.to_string(),
            sheet: sheet.map(str::to_string),
            headers,
            columns: Vec::new(),
            records,
            pending: rows.collect(),
            line,
            parsed: false,
            record,
        };
        table.columns = table.find_columns(spec, problems)?;
        Some(table)
    }

    /// Where each column of the spec is, every missing required column reported (with the
    /// header row as read), and a column given twice too; `None` when any is.
    fn find_columns(&self, spec: &Spec, problems: &mut Problems) -> Option<Vec<Option<usize>>> {
        let mut found = Vec::new();
        let mut missing = Vec::new();
        let mut twice = false;
        for (k, column) in spec.columns().enumerate() {
            let at: Vec<usize> = (0..self.headers.len())
                .filter(|&i| column.named(&self.headers[i]))
                .collect();
            if at.is_empty() && k < spec.required.len() {
                missing.push(column.shown());
            }
            if let [first, second, ..] = at[..] {
                problems.push(
                    self.problem(
                        self.line,
                        second + 1,
                        tr!(
                            "inputs-column-twice",
                            column = column.key,
                            first = first + 1,
                            second = second + 1
                        ),
                    )
                    .hint(tr!("inputs-column-twice-hint")),
                );
                twice = true;
            }
            found.push(at.first().copied());
        }
        if !missing.is_empty() {
            problems.push(
                self.problem(
                    self.line,
                    0,
                    tr!(
                        "inputs-missing-columns",
                        count = missing.len(),
                        columns = missing.join(", ")
                    ),
                )
                .hint(tr!(
                    "inputs-missing-columns-hint",
                    header = self.headers.join(", ")
                )),
            );
            return None;
        }
        (!twice).then_some(found)
    }

    /// Where column `k` of the spec (required first, then optional) is.
    pub fn column(&self, k: usize) -> Option<usize> {
        self.columns.get(k).copied().flatten()
    }

    /// The line (or row) of the header.
    pub fn header_line(&self) -> u64 {
        self.line
    }

    /// A problem at `line` (a row, in a workbook) and 1-based `column` (0: the whole row; a
    /// `line` of 0: the whole file or sheet).
    pub fn problem(&self, line: u64, column: usize, message: String) -> Problem {
        Problem::new(&self.name, line as usize, column, message).in_sheet(self.sheet.as_deref())
    }

    /// A problem in column `col` (from 0) of the record at `line`, named by its header.
    pub fn at(&self, line: u64, col: usize, message: String) -> Problem {
        let p = self.problem(line, col + 1, message);
        match self.headers.get(col) {
            Some(name) => p.column_name(name.clone()),
            None => p,
        }
    }

    /// Reports every column that is neither of the spec, nor known by `other`, nor a comment
    /// (`#…`).
    pub fn unknown_columns(
        &self,
        spec: &Spec,
        other: &dyn Fn(&str) -> bool,
        hint: &str,
        problems: &mut Problems,
    ) {
        for (i, h) in self.headers.iter().enumerate() {
            if !spec.known(h) && !other(h) && !is_comment_column(h) {
                problems.push(
                    self.problem(self.line, i + 1, tr!("inputs-unknown-column", column = h))
                        .hint(hint.to_string()),
                );
            }
        }
    }

    /// Reads the next non-blank record into `row`; returns its line, or `None` at the end.
    ///
    /// A record with more or fewer cells than the header, or a quoted cell that runs over many
    /// lines (a missing closing quote), is reported in `problems` and still returned, so that
    /// the row's unit and criterion are not reported missing as well. A row that is not UTF-8
    /// is reported and skipped. An unreadable file ends the reading, reported, with
    /// `problems.stopped` set.
    pub fn next(&mut self, row: &mut Row, problems: &mut Problems) -> Option<u64> {
        self.next_line(row, problems, true).map(|(line, _)| line)
    }

    /// [`Table::next`], except that a plain line of a UTF-8 file (no quote) that starts with a
    /// letter or digit may come back unsplit, with `false`: its bytes are [`Row::text`], its
    /// cells are not known yet ([`Row::len`] is 0), and the checks of the record's width wait
    /// for [`Table::split`]. For a reader that walks the line itself ([`fast::walk`]).
    pub fn next_unsplit(&mut self, row: &mut Row, problems: &mut Problems) -> Option<(u64, bool)> {
        self.next_line(row, problems, false)
    }

    /// The delimiter between the cells of a line given by [`Table::next_unsplit`].
    pub fn delimiter(&self) -> u8 {
        self.records.delimiter()
    }

    /// Splits a row that [`Table::next_unsplit`] left unsplit and checks it as [`Table::next`]
    /// does; false when the line is blank (and to be skipped).
    pub fn split(&mut self, row: &mut Row, line: u64, problems: &mut Problems) -> bool {
        split_plain(row.text.as_bytes(), self.delimiter(), &mut row.ends);
        self.parsed = false;
        self.checked(row, line, problems)
    }

    fn next_line(
        &mut self,
        row: &mut Row,
        problems: &mut Problems,
        split: bool,
    ) -> Option<(u64, bool)> {
        loop {
            let (line, parsed) = match self.pending.pop_front() {
                Some((line, pending, parsed)) => {
                    *row = pending;
                    (line, parsed)
                }
                None => match self.records.next(row, &mut self.record, split) {
                    Raw::Record { line, parsed } => (line, parsed),
                    Raw::Line(line) => {
                        // not blank (see `is_blank`): its checks can wait
                        if starts_with_code(&row.text) {
                            return Some((line, false));
                        }
                        split_plain(row.text.as_bytes(), self.delimiter(), &mut row.ends);
                        (line, false)
                    }
                    Raw::End => return None,
                    Raw::NotUtf8(line, field) => {
                        problems.push(not_utf8(&self.name, line, field + 1));
                        continue;
                    }
                    Raw::Broken(line, error) => {
                        problems.push(unreadable(&self.name, line, &error));
                        problems.stopped = true;
                        return None;
                    }
                },
            };
            self.parsed = parsed;
            if self.checked(row, line, problems) {
                return Some((line, true));
            }
        }
    }

    /// The checks of a record just read: false when it is blank (to be skipped); a width that
    /// is not the header's, or a quoted cell over many lines, reported.
    fn checked(&self, row: &mut Row, line: u64, problems: &mut Problems) -> bool {
        if is_blank(row) {
            return false;
        }
        if let Records::Rows(_) = self.records {
            // a sheet's row: trailing empty cells are not ragged, missing ones are empty
            while row.len() > self.headers.len() && row.iter().last().is_some_and(str::is_empty) {
                row.ends.pop();
            }
            while row.len() < self.headers.len() {
                row.push("");
            }
        }
        if let Err(p) = self.check_width(row, line) {
            problems.push(p);
        }
        if self.parsed
            && row.contains(b'\n')
            && let Some(lines) = row
                .iter()
                .map(|c| c.bytes().filter(|&b| b == b'\n').count())
                .max()
            && lines >= 5
        {
            problems.push(
                self.problem(
                    line,
                    0,
                    tr!("inputs-quote-runs-over", lines = lines + 1, line = line),
                )
                .hint(tr!("inputs-quote-runs-over-hint")),
            );
            problems.stopped = true;
        }
        true
    }

    fn check_width(&self, row: &Row, line: u64) -> Result<(), Problem> {
        if row.len() == self.headers.len() {
            return Ok(());
        }
        // Trailing empty cells (a stray delimiter at the end of a line) are harmless.
        let used = row
            .iter()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        if row.len() > self.headers.len() && used <= self.headers.len() {
            return Ok(());
        }
        Err(self
            .problem(
                line,
                0,
                tr!(
                    "inputs-ragged",
                    cells = row.len(),
                    columns = self.headers.len()
                ),
            )
            .hint(tr!("inputs-ragged-hint")))
    }
}

/// A header cell as compared: trimmed (a byte-order mark too), in NFC.
fn header_cell(cell: &str) -> String {
    normalize_key(cell.trim_start_matches('\u{feff}'))
}

/// Whether a column is a comment or a hint column that readers ignore: its name starts with `#`.
pub fn is_comment_column(name: &str) -> bool {
    name.starts_with('#') || name.is_empty()
}

/// Everything a text file gives as a table whose header is its first row: the header, or why
/// there is none; then each record's line and cells (as read and trimmed), and the problems.
/// Read by the fast path with a buffer of `capacity` bytes (`unsplit`: plain lines taken whole
/// and split after, as the survey walkers do), or with `None` by the `csv` crate; UTF-8 as it
/// is, no other encoding guessed. The two ways must give the same text on any bytes: proptests
/// and the fuzz target `fast_path` hold them together.
#[doc(hidden)]
pub fn transcript(path: &Path, capacity: Option<usize>, unsplit: bool) -> String {
    const ANY: Spec = Spec {
        role: "t",
        sheet_names: &[],
        required: &[],
        optional: &[],
        ignored: &[],
    };
    let paths = text::Paths {
        fast: capacity,
        detect: false,
    };
    let mut problems = Problems::default();
    let table = match Table::open_with(
        path,
        "t.csv",
        &ANY,
        ReadOptions::default(),
        paths,
        &mut problems,
    ) {
        Ok(table) => table,
        Err(f) => return format!("io {f}"),
    };
    let Some(mut table) = table else {
        return format!("{:?}", problems.into_sorted());
    };
    let mut out = format!("{} {:?}\n", table.header_line(), table.headers);
    let mut row = Row::new();
    loop {
        let line = match unsplit {
            false => table.next(&mut row, &mut problems),
            true => match table.next_unsplit(&mut row, &mut problems) {
                Some((line, false)) if !table.split(&mut row, line, &mut problems) => continue,
                next => next.map(|(line, _)| line),
            },
        };
        let Some(line) = line else { break };
        let trimmed: Vec<&str> = (0..row.len()).map(|i| cell(&row, i)).collect();
        out += &format!("{line} {:?} {trimmed:?}\n", row.iter().collect::<Vec<_>>());
    }
    let stopped = problems.stopped;
    out + &format!("{:?} stopped: {stopped}", problems.into_sorted())
}

/// Rows of text cells, each with its line (or a sheet's row).
pub type SheetRows = Vec<(u64, Vec<String>)>;

/// Every row of a file, with its position, for a reader that finds its tables itself
/// (`--previous`): a text file's records, or each sheet's rows in a workbook, the sheet named
/// `first` (if any) first.
pub struct Sheets {
    pub name: String,
    /// (sheet, rows): one part for a text file (no sheet), one per sheet of a workbook.
    pub parts: Vec<(Option<String>, SheetRows)>,
}

impl Sheets {
    pub fn read(path: &Path, name: &str, first: &str) -> Result<Sheets, Failure> {
        let mut problems = Problems::default();
        let parts = match workbook::is_workbook(path) {
            true => workbook::every_sheet(path, name, first),
            false => text::open(
                path,
                name,
                ReadOptions::default(),
                text::Paths::default(),
                &mut problems.notes,
            )
            .map(|mut records| {
                let mut rows = Vec::new();
                let (mut row, mut record) = (Row::new(), StringRecord::new());
                loop {
                    match records.next(&mut row, &mut record, true) {
                        Raw::Record { line, .. } | Raw::Line(line) => {
                            rows.push((line, row.iter().map(normalize_key).collect()))
                        }
                        Raw::End => break,
                        Raw::NotUtf8(line, field) => {
                            problems.push(not_utf8(name, line, field + 1));
                        }
                        Raw::Broken(line, error) => {
                            problems.push(unreadable(name, line, &error));
                            break;
                        }
                    }
                }
                vec![(None, rows)]
            }),
        };
        let parts = match parts {
            Ok(parts) => parts,
            Err(OpenError::Problem(p)) => return Err(Failure::Input(vec![p])),
            Err(OpenError::Io(f)) => return Err(f),
        };
        problems.into_result()?;
        Ok(Sheets {
            name: name.to_string(),
            parts,
        })
    }
}

fn is_blank(row: &Row) -> bool {
    // the common case, a row starting with a code, is decided on its first byte
    !starts_with_code(&row.text) && row.iter().all(|c| c.trim().is_empty())
}

fn not_utf8(name: &str, line: u64, column: usize) -> Problem {
    Problem::new(name, line as usize, column, tr!("inputs-not-utf8"))
        .hint(tr!("inputs-not-utf8-hint"))
}

fn unreadable(name: &str, line: u64, error: &str) -> Problem {
    Problem::new(
        name,
        line as usize,
        0,
        tr!("inputs-unreadable", error = error),
    )
}

/// The extensions of a table in a year's folder, in the order they are looked for.
pub const EXTENSIONS: [&str; 6] = ["csv", "tsv", "txt", "xlsx", "xls", "ods"];

/// The file of a year's folder for a table: `<stem>.csv`, `.tsv`, `.txt`, `.xlsx`, `.xls` or
/// `.ods`, the name's case ignored. `Ok(None)` when there is none; an error when there are
/// several.
pub fn find(dir: &Path, stem: &str) -> Result<Option<PathBuf>, Problem> {
    // names compared ignoring case: Excel on Windows saves UNITS.CSV as readily as units.csv
    let wanted: Vec<String> = EXTENSIONS
        .iter()
        .map(|ext| format!("{stem}.{ext}"))
        .collect();
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .filter(|p| {
                    p.file_name()
                        .and_then(|n| n.to_str())
                        .is_some_and(|n| wanted.iter().any(|w| w.eq_ignore_ascii_case(n)))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.into_iter().next()),
        _ => Err(Problem::new(
            dir.display().to_string(),
            0,
            0,
            tr!(
                "inputs-several-files",
                stem = stem,
                files = found
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .hint(tr!("inputs-several-files-hint"))),
    }
}

#[cfg(test)]
mod tests;
