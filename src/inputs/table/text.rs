//! A text file (CSV, TSV) as a stream of records, in the encodings and separators Excel and
//! survey tools write.
//!
//! The encoding, in this order: a byte-order mark (UTF-8, UTF-16 LE/BE: Excel's "Unicode
//! text"); `--encoding` when given; UTF-8 when the first 64 KiB are; else the guess of
//! chardetng (the detector of Firefox, by the author of encoding_rs) over them, said in a
//! note. UTF-16 without a mark and files with NUL bytes are refused. The delimiter: `,`, `;`
//! or tab, the one that splits the first lines most consistently. Every line end (CR LF, LF,
//! or a lone CR as Excel for Mac writes) is read as LF, so that lines are counted right.
//!
//! A UTF-8 file is read by the fast path ([`super::fast::Fast`]); any other by the `csv`
//! crate, from text decoded by encoding_rs.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use encoding_rs::Encoding;

use super::fast::Fast;
use super::{OpenError, ReadOptions, Records};
use crate::error::{Failure, Problem};
use crate::tr;

/// How a text file is to be read (tests choose the plain path or a small buffer).
#[derive(Debug, Clone, Copy)]
pub(super) struct Paths {
    /// The buffer of the fast path, or `None` for the `csv` crate whatever the encoding.
    pub fast: Option<usize>,
    /// Guess the encoding of a file that is not UTF-8 (else read it as UTF-8, reporting lines
    /// that are not).
    pub detect: bool,
}

impl Default for Paths {
    fn default() -> Self {
        Paths {
            fast: Some(1 << 16),
            detect: true,
        }
    }
}

/// The bytes sniffed at the start of a file.
const HEAD: usize = 1 << 16;

/// Opens a text file as records; `notes` gets what was detected.
pub(super) fn open(
    path: &Path,
    name: &str,
    opts: ReadOptions,
    paths: Paths,
    notes: &mut Vec<Problem>,
) -> Result<Records, OpenError> {
    let file = File::open(path)
        .map_err(|e| OpenError::Io(Failure::io(tr!("inputs-cannot-read", file = name), e)))?;
    let mut reader = BufReader::with_capacity(HEAD, file);
    let head = reader
        .fill_buf()
        .map_err(|e| OpenError::Io(Failure::io(tr!("inputs-cannot-read", file = name), e)))?
        .to_vec();
    let bom = Encoding::for_bom(&head);
    let encoding = match (bom, opts.encoding) {
        (Some((encoding, _)), _) => encoding,
        (None, Some(told)) => told,
        (None, None) => {
            if looks_like_utf16_without_bom(&head) {
                return Err(OpenError::Problem(
                    Problem::new(name, 0, 0, tr!("inputs-utf16-without-bom"))
                        .hint(tr!("inputs-utf16-without-bom-hint")),
                ));
            }
            if head.contains(&0) {
                return Err(OpenError::Problem(
                    Problem::new(name, 0, 0, tr!("inputs-not-text"))
                        .hint(tr!("inputs-not-text-hint")),
                ));
            }
            match paths.detect && !is_utf8_head(&head, reader.buffer().len() < HEAD) {
                true => {
                    let encoding = guess(&head);
                    notes.push(
                        Problem::new(
                            name,
                            0,
                            0,
                            tr!("inputs-note-encoding", encoding = encoding.name()),
                        )
                        .hint(tr!("inputs-note-encoding-hint")),
                    );
                    encoding
                }
                false => encoding_rs::UTF_8,
            }
        }
    };
    let utf8 = encoding == encoding_rs::UTF_8 && opts.encoding.is_none();
    if utf8 && bom.is_some() {
        reader.consume(3);
    }
    if utf8 && let Some(capacity) = paths.fast {
        let text = Box::new(LineTracker::new(reader, None));
        // the head without its byte-order mark, as the other path decodes it
        let from = bom.map_or(0, |(_, len)| len);
        let mut fast = Fast::new(text, delimiter(&head[from..]), capacity);
        // a second byte-order mark at the start, which csv_core strips on the other path
        fast.skip_bom().map_err(|e| {
            OpenError::Problem(Problem::new(
                name,
                1,
                0,
                tr!("inputs-unreadable", error = e.to_string()),
            ))
        })?;
        return Ok(Records::Fast(Box::new(fast)));
    }
    // the head decoded, for the delimiter
    let (decoded, _) = encoding.decode_with_bom_removal(&head);
    let delimiter = delimiter(decoded.as_bytes());
    let source: Box<dyn Read> = if utf8 {
        Box::new(reader)
    } else {
        Box::new(
            encoding_rs_io::DecodeReaderBytesBuilder::new()
                .encoding(Some(encoding))
                .bom_sniffing(true)
                .bom_override(true)
                .strip_bom(true)
                .build(reader),
        )
    };
    let lines = std::rc::Rc::new(std::cell::RefCell::new(Lines::default()));
    let source: Box<dyn Read> = Box::new(LineTracker::new(source, Some(lines.clone())));
    let reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .has_headers(false)
        .buffer_capacity(1 << 16)
        .from_reader(source);
    Ok(Records::Csv(Box::new(reader), lines))
}

/// Records of a UTF-8 CSV text built into the program.
pub(super) fn from_text(text: &'static str) -> Records {
    let bytes = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
    let source = Box::new(LineTracker::new(std::io::Cursor::new(bytes), None));
    Records::Fast(Box::new(Fast::new(source, delimiter(bytes), 1 << 12)))
}

/// Whether the head of a file is UTF-8 (a character cut at its end, where the file goes on,
/// does not count against it).
fn is_utf8_head(head: &[u8], whole: bool) -> bool {
    match std::str::from_utf8(head) {
        Ok(_) => true,
        Err(e) => !whole && e.error_len().is_none(),
    }
}

/// The encoding chardetng guesses for text that is not UTF-8, as written in Vietnam.
fn guess(head: &[u8]) -> &'static Encoding {
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(head, true);
    detector.guess(Some(b"vn"), chardetng::Utf8Detection::Deny)
}

/// The delimiter of a file, from its first lines: of `,`, `;` and tab, the one found the same
/// number of times (outside quotes) on most of the first lines that hold any, the most often
/// per line breaking ties, then in that order. A title line above the header, with no
/// delimiter or a different count, does not decide it; a decimal comma in a `;` file does not
/// either, its count changing from line to line.
pub(super) fn delimiter(head: &[u8]) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b';', b'\t'];
    let mut counts: Vec<[usize; 3]> = Vec::new();
    let mut line = [0usize; 3];
    let mut quoted = false;
    let mut any = false;
    for &b in head {
        match b {
            b'"' => {
                quoted = !quoted;
                any = true;
            }
            b'\n' | b'\r' if !quoted => {
                if any {
                    counts.push(line);
                }
                line = [0; 3];
                any = false;
                if counts.len() == 20 {
                    break;
                }
            }
            _ if !quoted => {
                if let Some(k) = CANDIDATES.iter().position(|&c| c == b) {
                    line[k] += 1;
                }
                any |= !b.is_ascii_whitespace();
            }
            _ => {}
        }
    }
    if any && counts.len() < 20 {
        counts.push(line);
    }
    let score = |k: usize| {
        // the count most lines share (the larger on a tie), and on how many lines
        let mut tally: std::collections::BTreeMap<usize, usize> = Default::default();
        for c in counts.iter().map(|c| c[k]).filter(|&c| c > 0) {
            *tally.entry(c).or_default() += 1;
        }
        tally
            .into_iter()
            .map(|(count, lines)| (lines, count))
            .max()
            .unwrap_or((0, 0))
    };
    (0..3)
        .map(|k| (score(k), std::cmp::Reverse(k)))
        .max()
        .filter(|((lines, _), _)| *lines > 0)
        .map_or(b',', |(_, std::cmp::Reverse(k))| CANDIDATES[k])
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

/// Where the lines of a stream begin, for the records the `csv` crate reads from it: it counts
/// neither the blank lines it skips nor lines ended by CR LF (BurntSushi/rust-csv#395), so
/// lines are counted here, from the bytes that pass.
#[derive(Default)]
pub(super) struct Lines {
    /// Offsets of the LFs not yet passed by a record.
    pending: std::collections::VecDeque<u64>,
    /// LFs passed.
    before: u64,
}

impl Lines {
    /// The line of the record whose scanning began at `byte` (blank lines skipped).
    pub(super) fn line_of(&mut self, byte: u64) -> u64 {
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

/// A reader that reads every line end as LF: CR LF becomes LF, and a lone CR (Excel for Mac's
/// line end) becomes LF too; it notes where every line ends, converting in the caller's
/// buffer, without a copy of its own.
pub(super) struct LineTracker<R> {
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
    pub(super) fn new(inner: R, lines: Option<std::rc::Rc<std::cell::RefCell<Lines>>>) -> Self {
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
            // a CR held from the last block ends a line whatever follows: read after its place
            let start = usize::from(self.held_cr);
            let n = self.inner.read(&mut buf[start..])?;
            if n == 0 {
                if std::mem::take(&mut self.held_cr) {
                    buf[0] = b'\n';
                    self.note(&buf[..1]);
                    return Ok(1);
                }
                return Ok(0);
            }
            let mut len = start + n;
            let mut from = 0;
            if std::mem::take(&mut self.held_cr) {
                if buf[1] == b'\n' {
                    from = 1; // CR LF: the LF stands for both
                } else {
                    buf[0] = b'\n';
                }
            }
            // compact in place: a CR LF becomes LF, a lone CR becomes LF; a CR that ends the
            // block is held; a block without CR is left where it is
            let mut w = 0;
            let mut r = from;
            while r < len {
                match memchr::memchr(b'\r', &buf[r..len]) {
                    None => {
                        if r != w {
                            buf.copy_within(r..len, w);
                        }
                        w += len - r;
                        r = len;
                    }
                    Some(k) => {
                        let cr = r + k;
                        if r != w {
                            buf.copy_within(r..cr, w);
                        }
                        w += cr - r;
                        r = cr + 1;
                        if cr + 1 == len {
                            self.held_cr = true;
                        } else if buf[cr + 1] != b'\n' {
                            buf[w] = b'\n';
                            w += 1;
                        }
                    }
                }
            }
            len = w;
            if len == 0 {
                continue; // only a held CR: read on
            }
            self.note(&buf[..len]);
            return Ok(len);
        }
    }
}

impl<R> LineTracker<R> {
    /// Notes the LFs of a block handed out.
    fn note(&mut self, block: &[u8]) {
        if let Some(lines) = &self.lines {
            let offset = self.offset;
            lines
                .borrow_mut()
                .pending
                .extend(memchr::memchr_iter(b'\n', block).map(|i| offset + i as u64));
        }
        self.offset += block.len() as u64;
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    #[test]
    fn every_line_end_as_lf_at_any_chunk_edges() {
        let texts: [&[u8]; 4] = [
            b"a\r\nb\rc\r",
            b"\r\r\n\r",
            b"x\r\n\r\ny",
            b"a,b\r\n\r\n1,\"x\r\ny\"\r\n\r2,3\r\r\n\r",
        ];
        for text in texts {
            let expected = String::from_utf8_lossy(text)
                .replace("\r\n", "\n")
                .replace('\r', "\n")
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
                    assert_eq!(out, expected, "{text:?} blocks {source_block}/{read_block}");
                    let lfs: Vec<u64> = lines.borrow().pending.iter().copied().collect();
                    let want: Vec<u64> = expected
                        .iter()
                        .enumerate()
                        .filter(|(_, b)| **b == b'\n')
                        .map(|(i, _)| i as u64)
                        .collect();
                    assert_eq!(lfs, want, "{text:?} blocks {source_block}/{read_block}");
                }
            }
        }
    }

    /// A source that hands out at most `k` bytes a read.
    pub(crate) struct Trickle(pub std::io::Cursor<Vec<u8>>, pub usize);

    impl Read for Trickle {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let k = buf.len().min(self.1);
            self.0.read(&mut buf[..k])
        }
    }

    #[test]
    fn delimiters() {
        assert_eq!(delimiter(b"unit,criterion,self\n"), b',');
        assert_eq!(delimiter(b"unit;criterion;self\n1,5;2\n"), b';');
        assert_eq!(delimiter(b"unit\tcriterion\tself\r\n"), b'\t');
        assert_eq!(delimiter(b"\"a;b\",c\n"), b',');
        assert_eq!(delimiter(b"unit\n"), b',');
        // a title line above the header, with its own count
        assert_eq!(
            delimiter(b"DANH SACH, NAM 2023\n\na;b;c\n1;2,5;3\n4;5;6\n"),
            b';'
        );
        // decimal commas in a ; file, more of them than ; on a line
        assert_eq!(
            delimiter(b"unit;criterion;self\nA;1,1,1;2,5\nB;1,2,1;0,5\n"),
            b';'
        );
        // a title Excel wrote with the sheet's empty cells after it
        assert_eq!(delimiter(b"TITLE,,\nunit,criterion,self\n1,2,3\n"), b',');
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

    /// Vietnamese text as Windows-1258 writes it: the letters it has (â, ơ, đ…), the tone marks
    /// after them.
    pub(crate) fn windows_1258(text: &str) -> Vec<u8> {
        use unicode_normalization::UnicodeNormalization;
        let tones = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
        let mut split = String::new();
        for c in text.chars() {
            let marks: String = c.to_string().nfd().collect();
            let (tone, base): (String, String) = marks.chars().partition(|m| tones.contains(m));
            split.extend(base.nfc());
            split.push_str(&tone);
        }
        let (bytes, _, lossy) = encoding_rs::WINDOWS_1258.encode(&split);
        assert!(!lossy, "{text}");
        bytes.into_owned()
    }

    #[test]
    fn vietnamese_in_windows_1258_is_detected() {
        let text = "code,name,group\nSNV,Sở Nội vụ,so\nSTC,Sở Tài chính,so\nTPLS,Thành phố Lạng Sơn,huyen\nDINHLAP,Huyện Đình Lập,huyen\n";
        let bytes = windows_1258(text);
        assert!(!is_utf8_head(&bytes, true));
        assert_eq!(guess(&bytes), encoding_rs::WINDOWS_1258);
    }

    #[test]
    fn a_character_cut_by_the_head_is_not_a_flaw() {
        let text = "Sở".as_bytes();
        assert!(is_utf8_head(&text[..2], false));
        assert!(!is_utf8_head(&text[..2], true));
    }
}
