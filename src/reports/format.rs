//! The forms each report can be written in, as `--format` names them (a file's extension
//! names them too: cmd/kind.rs). The commands choose one; the reports write it.

use clap::ValueEnum;

// The help of every value is in locales/*/cli.ftl (cli-<command>-arg-format-value-<value>).

/// The annexes, Phụ lục I and II (`compute`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Annexes {
    // a table for the terminal
    Table,
    Csv,
    Json,
    // the annex workbook, to --output FILE.xlsx or a pipe
    Xlsx,
    // a Word document of the annexes, to --output FILE.docx or a pipe
    Docx,
}

impl Annexes {
    /// The same form for the figures of `compute --ci`, which have no workbook or document.
    pub fn figures(self) -> Option<Figures> {
        match self {
            Annexes::Table => Some(Figures::Table),
            Annexes::Csv => Some(Figures::Csv),
            Annexes::Json => Some(Figures::Json),
            Annexes::Xlsx | Annexes::Docx => None,
        }
    }
}

/// How sure a rank is: the bootstrap's intervals (`compute --ci`) and the weights'
/// sensitivity (`sensitivity`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Figures {
    Table,
    Csv,
    Json,
}

/// One unit's report (`explain`): where it lost its points, or its scorecard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum UnitReport {
    // for people, 80 columns
    Table,
    Json,
    // the unit's scorecard (phiếu kết quả) as a workbook, or as a Word document
    Xlsx,
    Docx,
}
