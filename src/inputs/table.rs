//! An input file opened as a stream of records: CSV in the encodings and separators Excel
//! writes, read one record at a time so that memory does not grow with the file.
//!
//! Detected without being told: a UTF-8 byte-order mark (stripped), UTF-16 LE/BE with a
//! byte-order mark (Excel's "Unicode text"), the delimiter (`,`, `;` or tab, from the header
//! line), CRLF line ends, blank lines. Told with `--encoding`: legacy single-byte encodings
//! such as Windows-1258.

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

/// Where a record's cells come from.
enum Records {
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
            Box::new(reader)
        };
        Self::from_reader(source, name, &head, utf16_bom)
    }

    fn from_reader(
        source: Box<dyn Read>,
        name: &str,
        head: &[u8],
        utf16: bool,
    ) -> Result<Sheet, SheetError> {
        let delimiter = if utf16 {
            detect_delimiter_utf16(head)
        } else {
            detect_delimiter(head)
        };
        let lines = std::rc::Rc::new(std::cell::RefCell::new(Lines::default()));
        let source: Box<dyn Read> = Box::new(LineTracker::new(source, lines.clone()));
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
                Ok(false) => {
                    return Err(SheetError::Problem(
                        Problem::new(name, 0, 0, "the file is empty: it has no header row")
                            .hint("the first row names the columns"),
                    ));
                }
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
    pub fn next(
        &mut self,
        record: &mut StringRecord,
        problems: &mut super::Problems,
    ) -> Option<u64> {
        loop {
            let line = match &mut self.records {
                Records::Csv(reader, lines) => match reader.read_record(record) {
                    Ok(false) => return None,
                    Ok(true) => lines
                        .borrow_mut()
                        .line_of(record.position().map_or(0, |p| p.byte())),
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
                    *record = StringRecord::from(cells);
                    line
                }
            };
            if is_blank(record) {
                continue;
            }
            if let Err(p) = self.check_width(record, line) {
                problems.push(p);
            }
            if record.as_slice().contains('\n')
                && let Some(lines) = record
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
            return Some(line);
        }
    }

    fn check_width(&self, record: &StringRecord, line: u64) -> Result<(), Problem> {
        if record.len() == self.headers.len() {
            return Ok(());
        }
        // Trailing empty cells (a stray delimiter at the end of a line) are harmless.
        let used = record
            .iter()
            .collect::<Vec<_>>()
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        if record.len() > self.headers.len() && used <= self.headers.len() {
            return Ok(());
        }
        Err(Problem::new(
            &self.name,
            line as usize,
            0,
            format!("the row has {} cells but the header has {} columns", record.len(), self.headers.len()),
        )
        .hint("check for a missing or extra delimiter, or an unclosed quote on this or an earlier line"))
    }

    /// The text of a cell, trimmed; empty when the row is short.
    pub fn cell(record: &StringRecord, column: usize) -> &str {
        let text = record.get(column).unwrap_or("");
        match (text.as_bytes().first(), text.as_bytes().last()) {
            // the common case: nothing to trim
            (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic() => text,
            // spaces, non-breaking spaces, and a byte-order mark pasted in mid-file
            _ => text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}'),
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
    lines: std::rc::Rc<std::cell::RefCell<Lines>>,
}

impl<R: Read> LineTracker<R> {
    fn new(inner: R, lines: std::rc::Rc<std::cell::RefCell<Lines>>) -> Self {
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
            let mut lines = self.lines.borrow_mut();
            let offset = self.offset;
            lines
                .pending
                .extend(memchr::memchr_iter(b'\n', &buf[..len]).map(|i| offset + i as u64));
            self.offset += len as u64;
            return Ok(len);
        }
    }
}

/// Why a file could not be opened as a sheet.
pub enum SheetError {
    /// The file exists but is not a usable table.
    Problem(Problem),
    /// The file could not be read at all.
    Io(Failure),
}

fn is_blank(record: &StringRecord) -> bool {
    // the common case, a row starting with a code, is decided on its first byte
    let starts_with_text = record
        .get(0)
        .is_some_and(|c| c.as_bytes().first().is_some_and(u8::is_ascii_alphanumeric));
    !starts_with_text && record.iter().all(|c| c.trim().is_empty())
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
        let mut record = StringRecord::new();
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
            let mut r = LineTracker::new(std::io::Cursor::new(text.to_vec()), lines);
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
                    lines.clone(),
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
}
