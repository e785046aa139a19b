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
    Csv(Box<csv::Reader<Box<dyn Read>>>),
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
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .buffer_capacity(1 << 16)
            .from_reader(source);
        let mut header = ByteRecord::new();
        let mut line = 0;
        loop {
            match reader.read_byte_record(&mut header) {
                Ok(false) => {
                    return Err(SheetError::Problem(
                        Problem::new(name, 0, 0, "the file is empty: it has no header row")
                            .hint("the first row names the columns"),
                    ));
                }
                Ok(true) => {
                    line = header.position().map_or(line + 1, |p| p.line());
                    if !header.iter().all(|c| c.iter().all(u8::is_ascii_whitespace)) {
                        break;
                    }
                }
                Err(e) => return Err(SheetError::Problem(csv_problem(name, &e))),
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
            records: Records::Csv(Box::new(reader)),
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
                Records::Csv(reader) => match reader.read_record(record) {
                    Ok(false) => return None,
                    Ok(true) => record.position().map_or(0, |p| p.line()),
                    Err(e) => {
                        if let csv::ErrorKind::Utf8 { pos, err } = e.kind() {
                            let line = pos.as_ref().map_or(0, |p| p.line());
                            problems.push(not_utf8(&self.name, line, err.field() + 1));
                            continue;
                        }
                        problems.push(csv_problem(&self.name, &e));
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
            _ => text.trim(),
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

fn csv_problem(name: &str, e: &csv::Error) -> Problem {
    let line = e.position().map_or(0, |p| p.line() as usize);
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
    let found: Vec<PathBuf> = ["csv", "tsv", "txt", "xlsx"]
        .iter()
        .map(|ext| dir.join(format!("{stem}.{ext}")))
        .filter(|p| p.is_file())
        .collect();
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
