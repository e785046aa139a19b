//! What can go wrong, where, and the exit code it ends with.
//!
//! Validation collects every [`Problem`] before stopping; a run that fails ends with one
//! [`Failure`], whose [`Failure::exit_code`] is documented in the README.

use std::fmt;

use crate::tr;

/// Exit codes, as documented in the README ("Exit codes").
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
    /// 1-based line; 0 when the problem concerns the whole file.
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
            line,
            column,
            column_name: None,
            subject: None,
            message: message.into(),
            hint: None,
            more: 0,
        }
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
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
            if self.column > 0 {
                write!(f, ":{}", self.column)?;
            }
        }
        write!(f, ": ")?;
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
