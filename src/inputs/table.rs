//! An input file opened as a stream of records: CSV in the encodings and separators Excel
//! writes, read one record at a time so that memory does not grow with the file.
//!
//! Detected without being told: a UTF-8 byte-order mark (stripped), UTF-16 LE/BE with a
//! byte-order mark (Excel's "Unicode text"), the delimiter (`,`, `;` or tab, from the header
//! line), CRLF line ends, blank lines. Told with `--encoding`: legacy single-byte encodings
//! such as Windows-1258.
//!
//! A UTF-8 file is read line by line ([`Fast`]), checked as UTF-8 a block of whole lines at a
//! time: a plain line (no quote, no lone CR, valid UTF-8 — what a program or Excel writes for
//! cells without delimiters in them) is split at its delimiters, eight bytes at a time, or left
//! whole for a reader that walks it itself; any other record is handed to `csv_core`, the
//! parser inside the `csv` crate. A file in another encoding is decoded and read by the `csv`
//! crate itself; a proptest holds the two ways to the same records, lines and messages on any
//! bytes, with any buffer size.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

use csv::{ByteRecord, StringRecord};
use encoding_rs::Encoding;

use crate::error::{Failure, Problem};
use crate::text::normalize_key;

/// How to read the files of a year.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReadOptions {
    /// The encoding of files without a byte-order mark; UTF-8 when `None`.
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
}

impl From<Vec<String>> for Row {
    fn from(cells: Vec<String>) -> Row {
        let mut row = Row::new();
        for cell in &cells {
            row.push(cell);
        }
        row
    }
}

/// Reads UTF-8 text (CR LF already made LF) line by line: a plain line (no quote, no CR, valid
/// UTF-8) is split at its delimiters, or handed over whole; any other record is parsed by
/// `csv_core`, the parser of the `csv` crate, from the start of its line, as the `csv` crate
/// would.
struct Fast {
    source: Box<dyn Read>,
    buf: Vec<u8>,
    /// The unread bytes are `buf[pos..end]`.
    pos: usize,
    end: usize,
    eof: bool,
    /// `buf[pos..no_lf]` is known to hold no LF.
    no_lf: usize,
    /// `buf[text_start..valid]`, checked as UTF-8 (a block at a time: simdutf8 checks a block
    /// many times faster than the standard check does line by line, on Vietnamese text).
    text: String,
    text_start: usize,
    valid: usize,
    /// LFs passed.
    lines: u64,
    /// The last record was parsed by `csv_core` (and may hold a line break in quotes).
    parsed: bool,
    delimiter: u8,
    core: csv_core::Reader,
    /// `csv_core`'s output: the cells' bytes and where each ends.
    fields: Vec<u8>,
    bounds: Vec<usize>,
}

/// Where the cells of `line` end, into `ends`, eight bytes at a time; false if the line is not
/// plain (a quote or a CR).
fn split_plain(line: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> bool {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // 0x80 in each byte of `v` that is zero, 0 elsewhere
    let zeros = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    let every = |b: u8| u64::from_ne_bytes([b; 8]);
    let (delimiters, quotes, crs) = (every(delimiter), every(b'"'), every(b'\r'));
    ends.clear();
    let mut chunks = line.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        if zeros(v ^ quotes) | zeros(v ^ crs) != 0 {
            return false;
        }
        let mut found = zeros(v ^ delimiters);
        while found != 0 {
            ends.push(base + found.trailing_zeros() as usize / 8);
            found &= found - 1;
        }
        base += 8;
    }
    for (i, &b) in chunks.remainder().iter().enumerate() {
        if b == delimiter {
            ends.push(base + i);
        } else if b == b'"' || b == b'\r' {
            return false;
        }
    }
    ends.push(line.len());
    true
}

/// What [`Fast::next`] found.
enum Step {
    /// A record, on this line.
    Record(u64),
    /// A plain line (no quote, no CR, UTF-8), on this line, copied but not split: asked for by
    /// `next(row, false)`.
    Line(u64),
    End,
    /// A record, on this line, whose cell (from 0) is not UTF-8.
    NotUtf8(u64, usize),
}

impl Fast {
    fn new(source: Box<dyn Read>, delimiter: u8, capacity: usize) -> Fast {
        Fast {
            source,
            buf: vec![0; capacity.max(1)],
            pos: 0,
            end: 0,
            eof: false,
            no_lf: 0,
            text: String::new(),
            text_start: 0,
            valid: 0,
            lines: 0,
            parsed: false,
            delimiter,
            core: csv_core::ReaderBuilder::new().delimiter(delimiter).build(),
            fields: vec![0; 256],
            bounds: vec![0; 32],
        }
    }

    /// The next record, blank lines skipped; a plain line is left unsplit unless `split`.
    fn next(&mut self, row: &mut Row, split: bool) -> std::io::Result<Step> {
        loop {
            // the LF that ends the line, looked for where not looked for yet
            let from = self.pos.max(self.no_lf);
            let (line_end, next) = match memchr::memchr(b'\n', &self.buf[from..self.end]) {
                Some(k) => (from + k, from + k + 1),
                None => {
                    self.no_lf = self.end;
                    // a CR first: the record is csv_core's, which ends it there (a file with
                    // CR line ends, Excel for Mac's, is read record by record, not whole)
                    if memchr::memchr(b'\r', &self.buf[self.pos..self.end]).is_some() {
                        return self.parse(row);
                    }
                    if !self.eof {
                        self.fill()?;
                        continue;
                    }
                    if self.pos == self.end {
                        return Ok(Step::End);
                    }
                    // the last line, without an LF
                    (self.end, self.end)
                }
            };
            let line = &self.buf[self.pos..line_end];
            if line.is_empty() {
                // a blank line, which csv_core skips too
                self.pos = next;
                self.lines += 1;
                continue;
            }
            let plain = match split {
                true => split_plain(line, self.delimiter, &mut row.ends),
                false => memchr::memchr2(b'"', b'\r', line).is_none(),
            };
            if !plain {
                return self.parse(row);
            }
            if line_end > self.valid {
                self.validate();
            }
            // the line as checked text (`text_start <= pos` always holds; checked all the same)
            let text = match self.pos.checked_sub(self.text_start) {
                Some(from) if line_end <= self.valid => {
                    self.text.get(from..line_end - self.text_start)
                }
                _ => None,
            };
            let Some(text) = text else {
                return self.parse(row);
            };
            row.text.clear();
            row.text.push_str(text);
            self.parsed = false;
            let at = self.lines + 1;
            self.pos = next;
            self.lines += u64::from(next > line_end);
            if !split {
                row.ends.clear();
                return Ok(Step::Line(at));
            }
            return Ok(Step::Record(at));
        }
    }

    /// The record that starts at `pos`, a line's start, parsed by `csv_core`.
    fn parse(&mut self, row: &mut Row) -> std::io::Result<Step> {
        use csv_core::ReadRecordResult::*;
        self.core.reset();
        let at = self.lines + 1;
        let (mut out, mut ends) = (0, 0);
        // After `reset` csv_core would strip a byte-order mark, as at the start of a file; the
        // csv crate strips none mid-file: a first call with one byte keeps it.
        let mut first = true;
        loop {
            let input = &self.buf[self.pos..self.end];
            let input = match first {
                true => &input[..input.len().min(1)],
                false => input,
            };
            first = false;
            let (result, nin, nout, nend) =
                self.core
                    .read_record(input, &mut self.fields[out..], &mut self.bounds[ends..]);
            self.lines += memchr::memchr_iter(b'\n', &input[..nin]).count() as u64;
            self.pos += nin;
            out += nout;
            ends += nend;
            match result {
                // more input already read (after the first byte), or the end of the stream, which
                // the empty input tells csv_core
                InputEmpty if self.eof || self.pos < self.end => {}
                InputEmpty => self.fill()?,
                OutputFull => self.fields.resize(self.fields.len() * 2, 0),
                OutputEndsFull => self.bounds.resize(self.bounds.len() * 2, 0),
                End => return Ok(Step::End),
                Record => {
                    self.parsed = true;
                    row.text.clear();
                    row.ends.clear();
                    let mut start = 0;
                    for (i, &end) in self.bounds[..ends].iter().enumerate() {
                        match std::str::from_utf8(&self.fields[start..end]) {
                            Ok(cell) => row.push(cell),
                            Err(_) => return Ok(Step::NotUtf8(at, i)),
                        }
                        start = end;
                    }
                    return Ok(Step::Record(at));
                }
            }
        }
    }

    /// Skips a byte-order mark at the start of the stream.
    fn skip_bom(&mut self) -> std::io::Result<()> {
        while self.end - self.pos < 3 && !self.eof {
            self.fill()?;
        }
        if self.buf[self.pos..self.end].starts_with(b"\xEF\xBB\xBF") {
            self.pos += 3;
        }
        Ok(())
    }

    /// Checks the unread lines as UTF-8 up to the first byte that is not (or the last LF read,
    /// or the end of the stream), into `text`.
    fn validate(&mut self) {
        if !(self.text_start..=self.valid).contains(&self.pos) {
            // (records parsed past the text checked)
            self.text.clear();
            (self.text_start, self.valid) = (self.pos, self.pos);
        }
        // whole lines only, so that a block never ends inside a character
        let upto = match memchr::memrchr(b'\n', &self.buf[self.valid..self.end]) {
            _ if self.eof => self.end,
            Some(last_lf) => self.valid + last_lf + 1,
            None => return,
        };
        let block = &self.buf[self.valid..upto];
        let good = match simdutf8::compat::from_utf8(block) {
            Ok(text) => text,
            Err(e) => simdutf8::basic::from_utf8(&block[..e.valid_up_to()]).unwrap_or_default(),
        };
        self.text.push_str(good);
        self.valid += good.len();
    }

    /// Reads more of the stream, keeping the unread bytes (the buffer doubles for a line longer
    /// than it).
    fn fill(&mut self) -> std::io::Result<()> {
        if self.pos > 0 {
            // the checked text read keeps up with the buffer
            let read = self.pos.saturating_sub(self.text_start);
            if self.pos <= self.valid && self.text.is_char_boundary(read) {
                self.text.drain(..read);
                self.valid -= self.pos;
            } else {
                self.text.clear();
                self.valid = 0;
            }
            self.text_start = 0;
            self.buf.copy_within(self.pos..self.end, 0);
            self.end -= self.pos;
            self.no_lf = self.no_lf.saturating_sub(self.pos);
            self.pos = 0;
        }
        if self.end == self.buf.len() {
            self.buf.resize(self.buf.len() * 2, 0);
        }
        loop {
            match self.source.read(&mut self.buf[self.end..]) {
                Ok(0) => self.eof = true,
                Ok(n) => self.end += n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(e),
            }
            return Ok(());
        }
    }
}

/// Where a record's cells come from.
enum Records {
    /// Plain lines of a UTF-8 file.
    Fast(Box<Fast>),
    Csv(
        Box<csv::Reader<Box<dyn Read>>>,
        std::rc::Rc<std::cell::RefCell<Lines>>,
    ),
    /// A workbook sheet, read whole (workbooks are small), as text cells with their row number.
    Rows(std::vec::IntoIter<(u64, Vec<String>)>),
}

/// An open input file: its header and a stream of records.
pub struct Sheet {
    /// The file as messages name it.
    pub name: String,
    /// Header cells, trimmed and in NFC.
    pub headers: Vec<String>,
    records: Records,
    line: u64,
    /// The csv crate's record, copied into the caller's row.
    record: StringRecord,
}

/// The first bytes of a file, for sniffing.
fn sniff(path: &Path) -> std::io::Result<(Vec<u8>, BufReader<File>)> {
    let file = File::open(path)?;
    let mut reader = BufReader::with_capacity(1 << 16, file);
    let head = reader.fill_buf()?.to_vec();
    Ok((head, reader))
}

impl Sheet {
    /// Opens `path`; `name` is how messages name it.
    pub fn open(path: &Path, name: &str, opts: ReadOptions) -> Result<Sheet, SheetError> {
        Self::open_with(path, name, opts, Some(1 << 16))
    }

    /// `open`, a UTF-8 file read by [`Fast`] with a buffer of `fast` bytes, or with `None` by
    /// the `csv` crate (as a file in another encoding is), for the tests.
    fn open_with(
        path: &Path,
        name: &str,
        opts: ReadOptions,
        fast: Option<usize>,
    ) -> Result<Sheet, SheetError> {
        if path
            .extension()
            .is_some_and(|e| e.eq_ignore_ascii_case("xlsx"))
        {
            return super::workbook::open(path, name);
        }
        let (head, mut reader) = sniff(path)
            .map_err(|e| SheetError::Io(Failure::io(format!("cannot read {name}"), e)))?;
        let utf16_bom = head.starts_with(&[0xFF, 0xFE]) || head.starts_with(&[0xFE, 0xFF]);
        let source: Box<dyn Read> = if utf16_bom || opts.encoding.is_some() {
            Box::new(
                encoding_rs_io::DecodeReaderBytesBuilder::new()
                    .encoding(opts.encoding)
                    .bom_sniffing(true)
                    .bom_override(true)
                    .strip_bom(true)
                    .build(reader),
            )
        } else {
            if looks_like_utf16_without_bom(&head) {
                return Err(SheetError::Problem(
                    Problem::new(
                        name,
                        0,
                        0,
                        "the file looks like UTF-16 text without a byte-order mark",
                    )
                    .hint("save it from Excel as \"CSV UTF-8\" or \"Unicode Text\""),
                ));
            }
            if head.contains(&0) {
                return Err(SheetError::Problem(
                    Problem::new(name, 0, 0, "the file is not text (it contains NUL bytes)")
                        .hint("give a CSV file, or an .xlsx workbook with the .xlsx extension"),
                ));
            }
            if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
                reader.consume(3);
            }
            if let Some(capacity) = fast {
                let text = Box::new(LineTracker::new(reader, None));
                return Self::plain(text, name, detect_delimiter(&head), capacity);
            }
            Box::new(reader)
        };
        let delimiter = if utf16_bom {
            detect_delimiter_utf16(&head)
        } else {
            detect_delimiter(&head)
        };
        Self::from_reader(source, name, delimiter)
    }

    /// A UTF-8 stream (CR LF made LF) read by [`Fast`]; `capacity` is the size of its buffer.
    fn plain(
        source: Box<dyn Read>,
        name: &str,
        delimiter: u8,
        capacity: usize,
    ) -> Result<Sheet, SheetError> {
        let mut fast = Fast::new(source, delimiter, capacity);
        // a second byte-order mark at the start, which csv_core strips on the other path
        if let Err(e) = fast.skip_bom() {
            return Err(SheetError::Problem(Problem::new(
                name,
                1,
                0,
                format!("cannot be read: {e}"),
            )));
        }
        let mut row = Row::new();
        loop {
            match fast.next(&mut row, true) {
                // (split: a line comes as a record)
                Ok(Step::Record(line) | Step::Line(line)) => {
                    if row
                        .iter()
                        .all(|c| c.bytes().all(|b| b.is_ascii_whitespace()))
                    {
                        continue;
                    }
                    return Ok(Sheet {
                        name: name.to_string(),
                        headers: row
                            .iter()
                            .map(|c| normalize_key(c.trim_start_matches('\u{feff}')))
                            .collect(),
                        records: Records::Fast(Box::new(fast)),
                        line,
                        record: StringRecord::new(),
                    });
                }
                Ok(Step::End) => return Err(empty(name)),
                Ok(Step::NotUtf8(line, field)) => {
                    return Err(SheetError::Problem(not_utf8(name, line, field + 1)));
                }
                Err(e) => {
                    return Err(SheetError::Problem(Problem::new(
                        name,
                        fast.lines as usize + 1,
                        0,
                        format!("cannot be read: {e}"),
                    )));
                }
            }
        }
    }

    /// A stream read by the `csv` crate.
    fn from_reader(source: Box<dyn Read>, name: &str, delimiter: u8) -> Result<Sheet, SheetError> {
        let lines = std::rc::Rc::new(std::cell::RefCell::new(Lines::default()));
        let source: Box<dyn Read> = Box::new(LineTracker::new(source, Some(lines.clone())));
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .buffer_capacity(1 << 16)
            .from_reader(source);
        let mut header = ByteRecord::new();
        let line;
        loop {
            match reader.read_byte_record(&mut header) {
                Ok(false) => return Err(empty(name)),
                Ok(true) => {
                    let at = lines
                        .borrow_mut()
                        .line_of(header.position().map_or(0, |p| p.byte()));
                    if !header.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
                        line = at;
                        break;
                    }
                }
                Err(e) => return Err(SheetError::Problem(csv_problem(name, &e, &lines))),
            }
        }
        let mut headers = Vec::with_capacity(header.len());
        for (i, cell) in header.iter().enumerate() {
            match std::str::from_utf8(cell) {
                Ok(text) => headers.push(normalize_key(text.trim_start_matches('\u{feff}'))),
                Err(_) => return Err(SheetError::Problem(not_utf8(name, line, i + 1))),
            }
        }
        Ok(Sheet {
            name: name.to_string(),
            headers,
            records: Records::Csv(Box::new(reader), lines),
            line,
            record: StringRecord::new(),
        })
    }

    /// A sheet from rows of text cells (used for workbooks); the first non-blank row is the header.
    pub(super) fn from_rows(
        name: &str,
        rows: Vec<(u64, Vec<String>)>,
    ) -> Result<Sheet, SheetError> {
        let mut rows = rows.into_iter();
        for (line, cells) in rows.by_ref() {
            if cells.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let headers = cells.iter().map(|c| normalize_key(c)).collect();
            return Ok(Sheet {
                name: name.to_string(),
                headers,
                records: Records::Rows(rows),
                line,
                record: StringRecord::new(),
            });
        }
        Err(SheetError::Problem(
            Problem::new(name, 0, 0, "the sheet is empty: it has no header row")
                .hint("the first row names the columns"),
        ))
    }

    /// The index of a column, matched ignoring ASCII case.
    pub fn column(&self, name: &str) -> Option<usize> {
        self.headers
            .iter()
            .position(|h| h.eq_ignore_ascii_case(name))
    }

    /// The line of the header row.
    pub fn header_line(&self) -> u64 {
        self.line
    }

    /// Reads the next non-blank record into `record`; returns its line, or `None` at the end.
    ///
    /// A record with more or fewer cells than the header, or a quoted cell that runs over many
    /// lines (a missing closing quote), is reported in `problems` and still returned, so that
    /// the row's unit and criterion are not reported missing as well. A row that is not UTF-8
    /// is reported and skipped. An unreadable file ends the reading, reported, with
    /// `problems.stopped` set.
    pub fn next(&mut self, row: &mut Row, problems: &mut super::Problems) -> Option<u64> {
        self.next_line(row, problems, true).map(|(line, _)| line)
    }

    /// [`Sheet::next`], except that a plain line of a UTF-8 file (no quote, no CR) that starts
    /// with a letter or digit may come back unsplit, with `false`: its bytes are
    /// [`Row::text`], its cells are not known yet ([`Row::len`] is 0), and the checks of the
    /// record's width wait for [`Sheet::split`]. For a reader that walks the line itself.
    pub fn next_unsplit(
        &mut self,
        row: &mut Row,
        problems: &mut super::Problems,
    ) -> Option<(u64, bool)> {
        self.next_line(row, problems, false)
    }

    /// The delimiter between the cells of a line given by [`Sheet::next_unsplit`].
    pub fn delimiter(&self) -> u8 {
        match &self.records {
            Records::Fast(fast) => fast.delimiter,
            _ => b',',
        }
    }

    /// Splits a row that [`Sheet::next_unsplit`] left unsplit and checks it as
    /// [`Sheet::next`] does; false when the line is blank (and to be skipped).
    pub fn split(&self, row: &mut Row, line: u64, problems: &mut super::Problems) -> bool {
        if let Records::Fast(fast) = &self.records {
            split_plain(row.text.as_bytes(), fast.delimiter, &mut row.ends);
        }
        self.checked(row, line, problems)
    }

    fn next_line(
        &mut self,
        row: &mut Row,
        problems: &mut super::Problems,
        split: bool,
    ) -> Option<(u64, bool)> {
        loop {
            let line = match &mut self.records {
                Records::Fast(fast) => match fast.next(row, split) {
                    Ok(Step::Record(line)) => line,
                    Ok(Step::Line(line)) => {
                        // not blank (see `is_blank`): its checks can wait
                        if starts_with_code(&row.text) {
                            return Some((line, false));
                        }
                        split_plain(row.text.as_bytes(), fast.delimiter, &mut row.ends);
                        line
                    }
                    Ok(Step::End) => return None,
                    Ok(Step::NotUtf8(line, field)) => {
                        problems.push(not_utf8(&self.name, line, field + 1));
                        continue;
                    }
                    Err(e) => {
                        problems.push(Problem::new(
                            &self.name,
                            fast.lines as usize + 1,
                            0,
                            format!("cannot be read: {e}"),
                        ));
                        problems.stopped = true;
                        return None;
                    }
                },
                Records::Csv(reader, lines) => match reader.read_record(&mut self.record) {
                    Ok(false) => return None,
                    Ok(true) => {
                        row.set_record(&self.record);
                        lines
                            .borrow_mut()
                            .line_of(self.record.position().map_or(0, |p| p.byte()))
                    }
                    Err(e) => {
                        if let csv::ErrorKind::Utf8 { pos, err } = e.kind() {
                            let line = lines
                                .borrow_mut()
                                .line_of(pos.as_ref().map_or(0, |p| p.byte()));
                            problems.push(not_utf8(&self.name, line, err.field() + 1));
                            continue;
                        }
                        problems.push(csv_problem(&self.name, &e, lines));
                        problems.stopped = true;
                        return None;
                    }
                },
                Records::Rows(rows) => {
                    let (line, mut cells) = rows.next()?;
                    // trailing empty cells of a sheet row are not ragged
                    while cells.len() > self.headers.len()
                        && cells.last().is_some_and(String::is_empty)
                    {
                        cells.pop();
                    }
                    cells.resize(cells.len().max(self.headers.len()), String::new());
                    *row = Row::from(cells);
                    line
                }
            };
            if self.checked(row, line, problems) {
                return Some((line, true));
            }
        }
    }

    /// The checks of a record just read: false when it is blank (to be skipped); a width that
    /// is not the header's, or a quoted cell over many lines, reported.
    fn checked(&self, row: &Row, line: u64, problems: &mut super::Problems) -> bool {
        if is_blank(row) {
            return false;
        }
        if let Err(p) = self.check_width(row, line) {
            problems.push(p);
        }
        let may_span = match &self.records {
            Records::Fast(fast) => fast.parsed,
            _ => true,
        };
        if may_span
            && row.contains(b'\n')
            && let Some(lines) = row
                .iter()
                .map(|c| c.bytes().filter(|&b| b == b'\n').count())
                .max()
            && lines >= 5
        {
            problems.push(
                Problem::new(
                    &self.name,
                    line as usize,
                    0,
                    format!(
                        "a quoted cell runs over {} lines, from line {line}",
                        lines + 1
                    ),
                )
                .hint("a closing quote (\") is probably missing on this line"),
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
        Err(Problem::new(
            &self.name,
            line as usize,
            0,
            format!("the row has {} cells but the header has {} columns", row.len(), self.headers.len()),
        )
        .hint("check for a missing or extra delimiter, or an unclosed quote on this or an earlier line"))
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
}

/// Where the lines of a stream begin, for the records read from it: the csv crate counts
/// neither the blank lines it skips nor lines ended by CR LF (BurntSushi/rust-csv#395), so
/// lines are counted here, from the bytes that pass.
#[derive(Default)]
struct Lines {
    /// Offsets of the LFs not yet passed by a record.
    pending: std::collections::VecDeque<u64>,
    /// LFs passed.
    before: u64,
}

impl Lines {
    /// The line of the record whose scanning began at `byte` (blank lines skipped).
    fn line_of(&mut self, byte: u64) -> u64 {
        let mut at = byte;
        while let Some(&lf) = self.pending.front() {
            if lf < at {
                self.pending.pop_front();
                self.before += 1;
            } else if lf == at {
                // a blank line before the record
                self.pending.pop_front();
                self.before += 1;
                at += 1;
            } else {
                break;
            }
        }
        self.before + 1
    }
}

/// A reader that reads CR LF as LF (a lone CR is kept) and notes where every line ends,
/// converting in the caller's buffer, without a copy of its own.
struct LineTracker<R> {
    inner: R,
    /// The last byte read was a CR whose follower is not known yet.
    held_cr: bool,
    /// A converted byte not yet handed out (reads of one byte at a time).
    spare: Option<u8>,
    /// Bytes handed out so far.
    offset: u64,
    /// Where the LFs are noted, if anywhere.
    lines: Option<std::rc::Rc<std::cell::RefCell<Lines>>>,
}

impl<R: Read> LineTracker<R> {
    fn new(inner: R, lines: Option<std::rc::Rc<std::cell::RefCell<Lines>>>) -> Self {
        LineTracker {
            inner,
            held_cr: false,
            spare: None,
            offset: 0,
            lines,
        }
    }
}

impl<R: Read> Read for LineTracker<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if buf.is_empty() {
            return Ok(0);
        }
        if let Some(b) = self.spare.take() {
            buf[0] = b;
            return Ok(1);
        }
        if buf.len() < 2 {
            // convert through a block of two, handing out one byte now and one later
            let mut two = [0u8; 2];
            let n = self.read(&mut two)?;
            if n == 2 {
                self.spare = Some(two[1]);
            }
            buf[0] = two[0];
            return Ok(n.min(1));
        }
        loop {
            // a CR held from the last block goes first, unless an LF follows it
            let start = usize::from(self.held_cr);
            let n = self.inner.read(&mut buf[start..])?;
            if n == 0 {
                if self.held_cr {
                    self.held_cr = false;
                    buf[0] = b'\r';
                    self.offset += 1;
                    return Ok(1);
                }
                return Ok(0);
            }
            let mut len = start + n;
            let mut from = start;
            if self.held_cr {
                self.held_cr = false;
                if buf[1] == b'\n' {
                    from = 1; // the held CR is dropped: shift by one below
                } else {
                    buf[0] = b'\r';
                    from = 0;
                }
            }
            // compact in place: drop each CR followed by LF; hold a CR that ends the block
            let mut w = 0;
            let mut r = from;
            while r < len {
                match memchr::memchr(b'\r', &buf[r..len]) {
                    None => {
                        buf.copy_within(r..len, w);
                        w += len - r;
                        r = len;
                    }
                    Some(k) => {
                        let cr = r + k;
                        buf.copy_within(r..cr, w);
                        w += cr - r;
                        r = cr + 1;
                        if cr + 1 == len {
                            self.held_cr = true;
                        } else if buf[cr + 1] != b'\n' {
                            buf[w] = b'\r';
                            w += 1;
                        }
                    }
                }
            }
            len = w;
            if len == 0 {
                continue; // only a held CR: read on
            }
            if let Some(lines) = &self.lines {
                let offset = self.offset;
                lines
                    .borrow_mut()
                    .pending
                    .extend(memchr::memchr_iter(b'\n', &buf[..len]).map(|i| offset + i as u64));
            }
            self.offset += len as u64;
            return Ok(len);
        }
    }
}

/// A cell that is not empty and starts and ends with a visible ASCII character: nothing to trim
/// (the common case, told on two bytes).
pub(crate) fn untrimmed(cell: &[u8]) -> bool {
    matches!((cell.first(), cell.last()), (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic())
}

/// A record whose text starts with a letter or digit, as a code does: not blank.
fn starts_with_code(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
}

fn empty(name: &str) -> SheetError {
    SheetError::Problem(
        Problem::new(name, 0, 0, "the file is empty: it has no header row")
            .hint("the first row names the columns"),
    )
}

/// Why a file could not be opened as a sheet.
pub enum SheetError {
    /// The file exists but is not a usable table.
    Problem(Problem),
    /// The file could not be read at all.
    Io(Failure),
}

fn is_blank(row: &Row) -> bool {
    // the common case, a row starting with a code, is decided on its first byte
    !starts_with_code(&row.text) && row.iter().all(|c| c.trim().is_empty())
}

fn not_utf8(name: &str, line: u64, column: usize) -> Problem {
    Problem::new(name, line as usize, column, "the text is not UTF-8")
        .hint("save the file as \"CSV UTF-8\", or name its encoding with --encoding (e.g. --encoding windows-1258)")
}

fn csv_problem(
    name: &str,
    e: &csv::Error,
    lines: &std::rc::Rc<std::cell::RefCell<Lines>>,
) -> Problem {
    let line = e
        .position()
        .map_or(0, |p| lines.borrow_mut().line_of(p.byte()) as usize);
    match e.kind() {
        csv::ErrorKind::Io(io) => Problem::new(name, line, 0, format!("cannot be read: {io}")),
        _ => Problem::new(name, line, 0, format!("not a readable CSV row: {e}")),
    }
}

/// The delimiter of a header line: the most frequent of `,`, `;` and tab outside quotes.
fn detect_delimiter(head: &[u8]) -> u8 {
    let line_end = head.iter().position(|&b| b == b'\n').unwrap_or(head.len());
    let mut counts = [0usize; 3];
    let mut quoted = false;
    for &b in &head[..line_end] {
        match b {
            b'"' => quoted = !quoted,
            b',' if !quoted => counts[0] += 1,
            b';' if !quoted => counts[1] += 1,
            b'\t' if !quoted => counts[2] += 1,
            _ => {}
        }
    }
    let delimiters = [b',', b';', b'\t'];
    let best = (0..3)
        .max_by_key(|&i| (counts[i], std::cmp::Reverse(i)))
        .unwrap_or(0);
    if counts[best] == 0 {
        b','
    } else {
        delimiters[best]
    }
}

/// The same for UTF-16 text, looking only at the low byte of each code unit.
fn detect_delimiter_utf16(head: &[u8]) -> u8 {
    let big_endian = head.starts_with(&[0xFE, 0xFF]);
    let ascii: Vec<u8> = head[2..]
        .chunks_exact(2)
        .map(|p| {
            let (hi, lo) = if big_endian {
                (p[0], p[1])
            } else {
                (p[1], p[0])
            };
            if hi == 0 { lo } else { b'x' }
        })
        .collect();
    detect_delimiter(&ascii)
}

/// UTF-16 without a BOM shows as ASCII text interleaved with NUL bytes.
fn looks_like_utf16_without_bom(head: &[u8]) -> bool {
    let sample = &head[..head.len().min(512)];
    if sample.len() < 8 {
        return false;
    }
    let even_nuls = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd_nuls = sample
        .iter()
        .skip(1)
        .step_by(2)
        .filter(|&&b| b == 0)
        .count();
    let half = sample.len() / 2;
    (odd_nuls * 10 > half * 8 && even_nuls * 10 < half)
        || (even_nuls * 10 > half * 8 && odd_nuls * 10 < half)
}

/// The file of a year's folder for a table: `<stem>.csv`, `.tsv`, `.txt` or `.xlsx`.
/// `Ok(None)` when there is none; an error when there are several.
pub fn find(dir: &Path, stem: &str) -> Result<Option<PathBuf>, Problem> {
    // names compared ignoring case: Excel on Windows saves UNITS.CSV as readily as units.csv
    let wanted: Vec<String> = ["csv", "tsv", "txt", "xlsx"]
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
            format!(
                "several files for {stem}: {}",
                found
                    .iter()
                    .map(|p| p.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
        .hint("keep one of them in the folder")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines_of(text: &[u8]) -> Vec<u64> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("t.csv");
        std::fs::write(&path, text).unwrap();
        let mut sheet = match Sheet::open(&path, "t.csv", ReadOptions::default()) {
            Ok(s) => s,
            Err(_) => panic!("opens"),
        };
        let mut record = Row::new();
        let mut problems = super::super::Problems::default();
        let mut lines = vec![sheet.header_line()];
        while let Some(line) = sheet.next(&mut record, &mut problems) {
            lines.push(line);
        }
        lines
    }

    #[test]
    fn lines_are_counted_right_with_crlf() {
        let lf = b"a,b\n1,2\n\n3,4\n\"x\ny\",z\n5,6\n\n\n7,8\n";
        let crlf = b"a,b\r\n1,2\r\n\r\n3,4\r\n\"x\r\ny\",z\r\n5,6\r\n\r\n\r\n7,8\r\n";
        assert_eq!(lines_of(lf), [1, 2, 4, 5, 7, 10]);
        assert_eq!(lines_of(crlf), [1, 2, 4, 5, 7, 10]);
    }

    #[test]
    fn crlf_as_lf_keeps_lone_cr_and_chunk_edges() {
        for text in [&b"a\r\nb\rc\r"[..], b"\r\r\n\r", b"x\r\n\r\ny"] {
            let mut out = Vec::new();
            // one byte at a time, the worst chunking
            let lines = std::rc::Rc::new(std::cell::RefCell::new(Lines::default()));
            let mut r = LineTracker::new(std::io::Cursor::new(text.to_vec()), Some(lines));
            let mut byte = [0u8; 1];
            loop {
                let n = r.read(&mut byte).unwrap();
                if n == 0 {
                    break;
                }
                out.push(byte[0]);
            }
            let expected: Vec<u8> = String::from_utf8_lossy(text)
                .replace("\r\n", "\n")
                .into_bytes();
            assert_eq!(out, expected, "{:?}", String::from_utf8_lossy(text));
        }
    }

    /// A source that hands out at most `k` bytes a read.
    struct Trickle(std::io::Cursor<Vec<u8>>, usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let k = buf.len().min(self.1);
            self.0.read(&mut buf[..k])
        }
    }

    #[test]
    fn crlf_as_lf_across_any_block_edges() {
        let text = b"a,b\r\n\r\n1,\"x\r\ny\"\r\n\r2,3\r\r\n\r";
        let expected = String::from_utf8_lossy(text)
            .replace("\r\n", "\n")
            .into_bytes();
        for source_block in 1..7 {
            for read_block in 1..9 {
                let lines = std::rc::Rc::new(std::cell::RefCell::new(Lines::default()));
                let mut r = LineTracker::new(
                    Trickle(std::io::Cursor::new(text.to_vec()), source_block),
                    Some(lines.clone()),
                );
                let mut out = Vec::new();
                let mut buf = vec![0u8; read_block];
                loop {
                    let n = r.read(&mut buf).unwrap();
                    if n == 0 {
                        break;
                    }
                    out.extend_from_slice(&buf[..n]);
                }
                assert_eq!(out, expected, "blocks {source_block}/{read_block}");
                let lfs: Vec<u64> = lines.borrow().pending.iter().copied().collect();
                let want: Vec<u64> = expected
                    .iter()
                    .enumerate()
                    .filter(|(_, b)| **b == b'\n')
                    .map(|(i, _)| i as u64)
                    .collect();
                assert_eq!(lfs, want, "blocks {source_block}/{read_block}");
            }
        }
    }

    #[test]
    fn delimiters() {
        assert_eq!(detect_delimiter(b"unit,criterion,self\n"), b',');
        assert_eq!(detect_delimiter(b"unit;criterion;self\n1,5;2\n"), b';');
        assert_eq!(detect_delimiter(b"unit\tcriterion\tself\r\n"), b'\t');
        assert_eq!(detect_delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(detect_delimiter(b"unit\n"), b',');
    }

    #[test]
    fn utf16_without_bom() {
        let text: Vec<u8> = "unit,criterion,self\n"
            .encode_utf16()
            .flat_map(|u| u.to_le_bytes())
            .collect();
        assert!(looks_like_utf16_without_bom(&text));
        assert!(!looks_like_utf16_without_bom(
            b"unit,criterion,self\nA,1.1,2\n"
        ));
    }

    /// Everything a sheet gives: the header, or why there is none; then each record's line
    /// and cells, and the problems.
    fn everything(path: &Path, fast: Option<usize>) -> String {
        read_all(path, fast, false)
    }

    /// Every record of the file with its line and cells (as read and trimmed), then the
    /// problems; with `unsplit`, plain lines taken whole and split after, as the walkers do.
    fn read_all(path: &Path, fast: Option<usize>, unsplit: bool) -> String {
        let mut sheet = match Sheet::open_with(path, "t.csv", ReadOptions::default(), fast) {
            Ok(s) => s,
            Err(SheetError::Problem(p)) => return format!("{p:?}"),
            Err(SheetError::Io(f)) => return format!("io {f}"),
        };
        let mut out = format!("{} {:?}\n", sheet.header_line(), sheet.headers);
        let mut row = Row::new();
        let mut problems = super::super::Problems::default();
        loop {
            let line = match unsplit {
                false => sheet.next(&mut row, &mut problems),
                true => match sheet.next_unsplit(&mut row, &mut problems) {
                    Some((line, false)) if !sheet.split(&mut row, line, &mut problems) => continue,
                    next => next.map(|(line, _)| line),
                },
            };
            let Some(line) = line else { break };
            let trimmed: Vec<&str> = (0..row.len()).map(|i| Sheet::cell(&row, i)).collect();
            out += &format!("{line} {:?} {trimmed:?}\n", row.iter().collect::<Vec<_>>());
        }
        let stopped = problems.stopped;
        out + &format!("{:?} stopped: {stopped}", problems.into_sorted())
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
            let want = everything(&path, None);
            for capacity in [1, 2, 3, 5, 1 << 16] {
                assert_eq!(
                    everything(&path, Some(capacity)),
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
            let got = everything(&path, Some(capacity));
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
        let mut sheet = match Sheet::open_with(&path, "t.csv", ReadOptions::default(), Some(4096)) {
            Ok(s) => s,
            Err(_) => panic!("opens"),
        };
        let (mut row, mut problems, mut n) = (Row::new(), super::super::Problems::default(), 0);
        while sheet.next(&mut row, &mut problems).is_some() {
            n += 1;
        }
        assert_eq!(n, 20_000);
        let Records::Fast(fast) = &sheet.records else {
            panic!("read by the line reader")
        };
        assert_eq!(fast.buf.len(), 4096);
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
            let want = read_all(&path, None, false);
            for unsplit in [false, true] {
                proptest::prop_assert_eq!(read_all(&path, Some(capacity), unsplit), want.clone());
                proptest::prop_assert_eq!(read_all(&path, Some(1 << 16), unsplit), want.clone());
            }
        }
    }
}
