//! What can go wrong, where, and the exit code it ends with.
//!
//! Validation collects every [`Problem`] before stopping; a run that fails ends with one
//! [`Failure`], whose [`Failure::exit_code`] is documented in docs/errors.md.

use std::fmt;

use crate::tr;

/// Exit codes, as documented in docs/errors.md.
pub mod exit {
    /// Success.
    pub const OK: u8 = 0;
    /// An unexpected failure inside par-index (please report it).
    pub const INTERNAL: u8 = 1;
    /// Wrong command-line arguments.
    pub const USAGE: u8 = 2;
    /// The criteria file is invalid.
    pub const CRITERIA: u8 = 3;
    /// The year's input data is invalid (or, with `--strict`, gave a warning).
    pub const INPUT: u8 = 4;
    /// A file or folder could not be read or written.
    pub const IO: u8 = 5;
}

/// One problem found in a file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Problem {
    /// The file, as the user named it.
    pub file: String,
    /// The sheet of a workbook, when the problem is in one: `line` and `column` are then the
    /// row and column of its cell (`so!D12`).
    pub sheet: Option<String>,
    /// 1-based line (or a workbook's row); 0 when the problem concerns the whole file.
    pub line: usize,
    /// 1-based column (characters for criteria files, fields for CSV); 0 when unknown.
    pub column: usize,
    /// The column's name in a CSV file, when there is one.
    pub column_name: Option<String>,
    /// What the problem concerns: "node 1.2", "unit SNV, criterion 3.1.2", …
    pub subject: Option<String>,
    /// What is wrong.
    pub message: String,
    /// What to do about it.
    pub hint: Option<String>,
    /// For a line that stands for problems not listed ("… and 2709 more"): how many.
    pub more: usize,
}

impl Problem {
    pub fn new(
        file: impl Into<String>,
        line: usize,
        column: usize,
        message: impl Into<String>,
    ) -> Self {
        Problem {
            file: file.into(),
            sheet: None,
            line,
            column,
            column_name: None,
            subject: None,
            message: message.into(),
            hint: None,
            more: 0,
        }
    }

    /// In sheet `sheet` of a workbook: `line` and `column` are its row and column.
    pub fn in_sheet(mut self, sheet: Option<&str>) -> Self {
        self.sheet = sheet.map(str::to_string);
        self
    }

    /// Where the problem is, as `file:line:column`, or `file:sheet!D12` in a workbook.
    pub fn place(&self) -> String {
        place(&self.file, self.sheet.as_deref(), self.line, self.column)
    }

    pub fn subject(mut self, subject: impl Into<String>) -> Self {
        self.subject = Some(subject.into());
        self
    }

    pub fn column_name(mut self, name: impl Into<String>) -> Self {
        self.column_name = Some(name.into());
        self
    }

    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place())?;
        if let Some(name) = &self.column_name {
            write!(f, "{}: ", tr!("common-column", name = name))?;
        }
        if let Some(subject) = &self.subject {
            write!(f, "{subject}: ")?;
        }
        write!(f, "{}", self.message)?;
        if let Some(hint) = &self.hint {
            write!(f, " ({})", tr!("common-hint", hint = hint))?;
        }
        Ok(())
    }
}

/// Where something is in a file: `file:line:column` (what is known of it), or in a workbook
/// `file:sheet!D12` (a cell), `file:sheet!12:12` (a row), `file:sheet` (the sheet).
pub fn place(file: &str, sheet: Option<&str>, line: usize, column: usize) -> String {
    let mut at = file.to_string();
    match sheet {
        Some(sheet) => {
            // Excel's notation, the sheet's name quoted when it holds more than letters,
            // digits and _
            let plain = sheet.chars().all(|c| c.is_alphanumeric() || c == '_');
            at.push(':');
            match plain {
                true => at.push_str(sheet),
                false => {
                    at.push('\'');
                    at.push_str(&sheet.replace('\'', "''"));
                    at.push('\'');
                }
            }
            match (line, column) {
                (0, _) => {}
                (row, 0) => at.push_str(&format!("!{row}:{row}")),
                (row, col) => at.push_str(&format!("!{}{row}", column_letters(col))),
            }
        }
        None if line > 0 => {
            at.push_str(&format!(":{line}"));
            if column > 0 {
                at.push_str(&format!(":{column}"));
            }
        }
        None => {}
    }
    at
}

/// A worksheet's column by its letters: 1 → A, 27 → AA.
pub fn column_letters(column: usize) -> String {
    let mut letters = Vec::new();
    let mut n = column;
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).unwrap_or_default()
}

/// Problems found while reading, at most [`Problems::PER_FILE`] listed per file, and the notes
/// that say how each file was read (its encoding, the sheet, the rows above the header).
#[derive(Debug, Default)]
pub struct Problems {
    list: Vec<Problem>,
    per_file: std::collections::HashMap<String, usize>,
    /// How the files were read, to be said on standard error whatever happens next.
    pub notes: Vec<Problem>,
    /// Rows given but refused by a reader, as (unit, leaf) or (unit, None) for a unit's survey
    /// rows, so that nothing reports them missing as well.
    pub refused: std::collections::HashSet<(usize, Option<usize>)>,
    /// A file could not be read to its end: gaps in the data are not worth reporting.
    pub stopped: bool,
}

impl Problems {
    /// Adds the problems found by another reader.
    pub fn merge(&mut self, other: Problems) {
        for (file, n) in other.per_file {
            *self.per_file.entry(file).or_default() += n;
        }
        self.list.extend(other.list);
        self.notes.extend(other.notes);
        self.refused.extend(other.refused);
        self.stopped |= other.stopped;
    }

    /// Marks a unit's row (or survey rows) as given but refused.
    pub fn mark(&mut self, unit: usize, node: Option<usize>) {
        self.refused.insert((unit, node));
    }

    /// How many problems of one file are listed; the rest are counted.
    pub const PER_FILE: usize = 50;

    pub fn push(&mut self, p: Problem) {
        let n = self.per_file.entry(p.file.clone()).or_default();
        *n += 1;
        if *n <= Self::PER_FILE {
            self.list.push(p);
        }
    }

    /// Says how a file was read.
    pub fn note(&mut self, p: Problem) {
        self.notes.push(p);
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// The notes in file order.
    pub fn sorted_notes(&self) -> Vec<Problem> {
        let mut notes = self.notes.clone();
        notes.sort();
        notes
    }

    /// Every problem, sorted by file and line, with a line per file whose list was cut.
    pub fn into_sorted(mut self) -> Vec<Problem> {
        for (file, &n) in &self.per_file {
            if n > Self::PER_FILE {
                let mut more = Problem::new(
                    file.clone(),
                    usize::MAX,
                    0,
                    tr!("common-more-problems", count = n - Self::PER_FILE),
                );
                more.more = n - Self::PER_FILE;
                self.list.push(more);
            }
        }
        self.list.sort_by(|a, b| {
            (&a.file, &a.sheet, a.line, a.column, &a.message)
                .cmp(&(&b.file, &b.sheet, b.line, b.column, &b.message))
        });
        for p in &mut self.list {
            if p.line == usize::MAX {
                p.line = 0;
            }
        }
        self.list
    }

    pub fn into_result(self) -> Result<(), Failure> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(Failure::Input(self.into_sorted()))
        }
    }
}

std::thread_local! {
    /// Panics on this thread are caught and said otherwise: the hook stays quiet.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs, once, before anything else runs, the panic hook of the program: panics are
/// printed as usual, except those [`catch_quietly`] turns into a message of its own.
pub fn install_panic_hook() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if !QUIET.with(std::cell::Cell::get) {
            default(info);
        }
    }));
}

/// Runs `f` (a library reading a damaged file, say); a panic inside becomes `None`, which the
/// caller reports as a problem of the file. Nothing process-wide changes.
pub fn catch_quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let was = QUIET.with(|q| q.replace(true));
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(was));
    result.ok()
}

/// Why a run stopped.
#[derive(Debug, thiserror::Error)]
pub enum Failure {
    #[error("{}:\n{}", tr!("common-criteria-invalid", problems = count(.0)), lines(.0))]
    Criteria(Vec<Problem>),
    #[error("{}:\n{}", tr!("common-input-invalid", problems = count(.0)), lines(.0))]
    Input(Vec<Problem>),
    #[error("{0}")]
    Usage(String),
    #[error("{context}")]
    Io {
        context: String,
        #[source]
        source: std::io::Error,
    },
}

impl Failure {
    pub fn exit_code(&self) -> u8 {
        match self {
            Failure::Criteria(_) => exit::CRITERIA,
            Failure::Input(_) => exit::INPUT,
            Failure::Usage(_) => exit::USAGE,
            Failure::Io { .. } => exit::IO,
        }
    }

    pub fn io(context: impl Into<String>, source: std::io::Error) -> Self {
        Failure::Io {
            context: context.into(),
            source,
        }
    }
}

/// "1 problem", "2761 problems": the lines listed plus those they stand for.
pub fn count(problems: &[Problem]) -> String {
    let n: usize = problems
        .iter()
        .map(|p| if p.more > 0 { p.more } else { 1 })
        .sum();
    tr!("common-problems", count = n)
}

fn lines(problems: &[Problem]) -> String {
    problems
        .iter()
        .map(|p| format!("  {p}"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The exit code of any error: a [`Failure`] anywhere in the chain decides it.
pub fn exit_code_of(error: &anyhow::Error) -> u8 {
    for cause in error.chain() {
        if let Some(failure) = cause.downcast_ref::<Failure>() {
            return failure.exit_code();
        }
        if cause.downcast_ref::<std::io::Error>().is_some() {
            return exit::IO;
        }
    }
    exit::INTERNAL
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_in_files_and_sheets() {
        assert_eq!(place("a.csv", None, 12, 3), "a.csv:12:3");
        assert_eq!(place("a.csv", None, 12, 0), "a.csv:12");
        assert_eq!(place("a.csv", None, 0, 3), "a.csv");
        assert_eq!(place("b.xlsx", Some("so"), 12, 4), "b.xlsx:so!D12");
        assert_eq!(
            place("b.xlsx", Some("Tự chấm"), 7, 28),
            "b.xlsx:'Tự chấm'!AB7"
        );
        assert_eq!(place("b.xlsx", Some("it's"), 7, 0), "b.xlsx:'it''s'!7:7");
        assert_eq!(place("b.xlsx", Some("so"), 0, 0), "b.xlsx:so");
        assert_eq!(column_letters(26), "Z");
        assert_eq!(column_letters(702), "ZZ");
        assert_eq!(column_letters(703), "AAA");
    }
}
