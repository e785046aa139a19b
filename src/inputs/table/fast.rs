//! The fast path of the table reader: a UTF-8 file read line by line, and survey lines walked
//! whole. Everything here gives exactly what the plain path (the `csv` crate, cell by cell)
//! gives; proptests and a differential fuzz target (fuzz/fuzz_targets/fast_path.rs) hold the
//! two together on any bytes. It earns its place on `benches/run.py`: the national year's two
//! million rows are read in about the time the `csv` crate takes to split them.
//!
//! - [`Fast`] reads UTF-8 text (line ends already made LF by the caller) line by line, checking
//!   UTF-8 a block of whole lines at a time (simdutf8): a plain line (no quote) is split at its
//!   delimiters eight bytes at a time, or handed over whole; any other record is parsed by
//!   `csv_core`, the parser inside the `csv` crate, from the start of its line.
//! - [`walk`] decides a whole survey line in one pass: where its first cells (ids, unit) lie
//!   and every one-byte answer ([`Quick`]); any line it cannot decide goes to the full reading.

use std::io::Read;

use super::Row;

/// Reads UTF-8 text (every line end already LF) line by line: a plain line (no quote, valid
/// UTF-8) is split at its delimiters, or handed over whole; any other record is parsed by
/// `csv_core`, from the start of its line, as the `csv` crate would.
pub(super) struct Fast {
    source: Box<dyn Read>,
    pub(super) buf: Vec<u8>,
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
    pub(super) lines: u64,
    /// The last record was parsed by `csv_core` (and may hold a line break in quotes).
    pub(super) parsed: bool,
    pub(super) delimiter: u8,
    core: csv_core::Reader,
    /// `csv_core`'s output: the cells' bytes and where each ends.
    fields: Vec<u8>,
    bounds: Vec<usize>,
}

/// Where the cells of `line` end, into `ends`, eight bytes at a time; false if the line is not
/// plain (it holds a quote).
pub(super) fn split_plain(line: &[u8], delimiter: u8, ends: &mut Vec<usize>) -> bool {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    // 0x80 in each byte of `v` that is zero, 0 elsewhere
    let zeros = |v: u64| !(((v & LOW7) + LOW7) | v | LOW7);
    let every = |b: u8| u64::from_ne_bytes([b; 8]);
    let (delimiters, quotes) = (every(delimiter), every(b'"'));
    ends.clear();
    let mut chunks = line.chunks_exact(8);
    let mut base = 0;
    for chunk in &mut chunks {
        let v = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        if zeros(v ^ quotes) != 0 {
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
        } else if b == b'"' {
            return false;
        }
    }
    ends.push(line.len());
    true
}

/// What [`Fast::next`] found.
pub(super) enum Step {
    /// A record, on this line.
    Record(u64),
    /// A plain line (no quote, UTF-8), on this line, copied but not split: asked for by
    /// `next(row, false)`.
    Line(u64),
    End,
    /// A record, on this line, whose cell (from 0) is not UTF-8.
    NotUtf8(u64, usize),
}

impl Fast {
    pub(super) fn new(source: Box<dyn Read>, delimiter: u8, capacity: usize) -> Fast {
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
    pub(super) fn next(&mut self, row: &mut Row, split: bool) -> std::io::Result<Step> {
        loop {
            // the LF that ends the line, looked for where not looked for yet
            let from = self.pos.max(self.no_lf);
            let (line_end, next) = match memchr::memchr(b'\n', &self.buf[from..self.end]) {
                Some(k) => (from + k, from + k + 1),
                None => {
                    self.no_lf = self.end;
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
                false => memchr::memchr(b'"', line).is_none(),
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
    pub(super) fn skip_bom(&mut self) -> std::io::Result<()> {
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

/// Answers of one byte (`A`, `b`, `4`) → their position on a scale + 1, ignoring ASCII case;
/// empty and `X` are no answer (0); anything else is [`Quick::SLOW`].
pub struct Quick([u8; 256]);

impl Quick {
    /// A cell that needs the full reading (padding, longer codes, `4.0`, off the scale).
    pub const SLOW: u8 = u8::MAX;

    pub fn new(codes: &[String]) -> Quick {
        let mut table = [Self::SLOW; 256];
        for (i, c) in codes.iter().enumerate() {
            if let [b] = c.as_bytes() {
                table[b.to_ascii_lowercase() as usize] = i as u8 + 1;
                table[b.to_ascii_uppercase() as usize] = i as u8 + 1;
            }
        }
        table[b'x' as usize] = 0;
        table[b'X' as usize] = 0;
        Quick(table)
    }

    /// The answer of a cell from its bytes alone.
    #[inline]
    pub fn get(&self, cell: &[u8]) -> u8 {
        match cell {
            [] => 0,
            [b] => self.0[*b as usize],
            _ => Self::SLOW,
        }
    }
}

/// What a column of a survey file holds, for lines walked whole by [`walk`].
#[derive(Clone, Copy)]
pub enum Walk {
    /// A cell read as text (an id, a unit code), the `i`th of those [`walk`] returns.
    Lead(usize),
    /// An answer, into this place of the answers.
    Answer(usize),
    /// A column not read.
    Other,
}

/// Walks a plain line (no quote, UTF-8; see [`super::Table::next_unsplit`]) cell by cell, once,
/// as `plan` says each column is read: the answers into `answers` when every answer is empty or
/// one byte of `quick`'s table, and where the `N` lead cells lie, when none is empty or needs
/// trimming. `None` when the line needs the full reading: a longer answer (`4.0`, ` 4`), one off
/// the quick table, a lead cell empty or to trim, or more or fewer cells than the header.
pub fn walk<const N: usize>(
    text: &str,
    delimiter: u8,
    plan: &[Walk],
    quick: &Quick,
    answers: &mut [u8],
) -> Option<[std::ops::Range<usize>; N]> {
    let text = text.as_bytes();
    let mut leads = [const { 0..0 }; N];
    let mut at = 0;
    for (col, cell) in plan.iter().enumerate() {
        if col > 0 {
            // past the delimiter that ends the previous cell
            if at == text.len() {
                return None;
            }
            at += 1;
        }
        let rest = text.get(at..)?;
        at += match cell {
            Walk::Answer(k) => {
                let len = match rest {
                    [] => 0,
                    [b, ..] if *b == delimiter => 0,
                    [_] => 1,
                    [_, b, ..] if *b == delimiter => 1,
                    _ => return None,
                };
                let answer = quick.get(&rest[..len]);
                if answer == Quick::SLOW {
                    return None;
                }
                // (no answer leaves an answer of another column to the same question, as the
                // full reading does)
                if answer != 0 {
                    *answers.get_mut(*k)? = answer;
                }
                len
            }
            Walk::Lead(i) => {
                let len = memchr::memchr(delimiter, rest).unwrap_or(rest.len());
                if !untrimmed(&rest[..len]) {
                    return None;
                }
                *leads.get_mut(*i)? = at..at + len;
                len
            }
            Walk::Other => memchr::memchr(delimiter, rest).unwrap_or(rest.len()),
        };
    }
    (at == text.len()).then_some(leads)
}

/// Lead cell `i` (column `col`) of a survey line: where [`walk`] found it, or else the split
/// row's cell, trimmed ([`super::cell`]).
pub fn lead<'a, const N: usize>(
    row: &'a Row,
    walked: &Option<[std::ops::Range<usize>; N]>,
    i: usize,
    col: usize,
) -> &'a str {
    match walked {
        Some(leads) => row.text().get(leads[i].clone()).unwrap_or_default(),
        None => super::cell(row, col),
    }
}

/// A cell that is not empty and starts and ends with a visible ASCII character: nothing to trim
/// (the common case, told on two bytes).
pub(super) fn untrimmed(cell: &[u8]) -> bool {
    matches!((cell.first(), cell.last()), (Some(a), Some(b)) if a.is_ascii_graphic() && b.is_ascii_graphic())
}

/// A record whose text starts with a letter or digit, as a code does: not blank.
pub(super) fn starts_with_code(text: &str) -> bool {
    text.as_bytes()
        .first()
        .is_some_and(u8::is_ascii_alphanumeric)
}
