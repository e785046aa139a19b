//! What a command writes, told by the name of the file it writes to: `--output phu-luc.csv` is
//! CSV, `--chart chi-so.png` a PNG picture. A `--format` that says otherwise is refused before
//! anything is read or written; so is a file name that names no format, unless `--format` says
//! which.
//!
//! An extension that is a format's own name (`csv`, `json`, `xlsx`, `toml`, …) names that
//! format of any command whose `Format` has it: a new format (say `Docx`) is told by its
//! extension (`.docx`) as soon as it exists. Other names of a format are one line each in
//! [`ALIASES`]; every extension some command writes is in [`WRITTEN`] (a test in cmd/mod.rs
//! holds it to the commands' formats).

use std::path::Path;

use clap::ValueEnum;

use crate::error::Failure;

/// Extensions that name a format by another name than its own: the table, as text or Markdown
/// (the table written to a file is plain Markdown).
const ALIASES: &[(&str, &str)] = &[("txt", "table"), ("md", "table")];

/// A file's extension, in lower case (`PHU-LUC.CSV` is a CSV file); empty when it has none.
pub fn extension(path: &Path) -> String {
    path.extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default()
}

/// The name of a format, as `--format` takes it.
fn name<F: ValueEnum>(format: &F) -> String {
    format
        .to_possible_value()
        .map(|v| v.get_name().to_string())
        .unwrap_or_default()
}

/// The format of `F` that an extension names.
fn named<F: ValueEnum + Clone>(ext: &str) -> Option<F> {
    let wanted = ALIASES
        .iter()
        .find(|(alias, _)| *alias == ext)
        .map_or(ext, |(_, format)| format);
    F::value_variants()
        .iter()
        .find(|f| {
            let n = name(*f);
            // a format written under other names (the table) has no extension of its own
            n == wanted && (wanted != ext || !ALIASES.iter().any(|(_, to)| *to == n))
        })
        .cloned()
}

/// The extensions that name the formats of `F`: `.csv, .json, .txt, .md`.
pub fn extensions<F: ValueEnum>() -> Vec<String> {
    F::value_variants()
        .iter()
        .flat_map(|f| {
            let n = name(f);
            let aliases: Vec<String> = ALIASES
                .iter()
                .filter(|(_, to)| *to == n)
                .map(|(alias, _)| format!(".{alias}"))
                .collect();
            if aliases.is_empty() {
                vec![format!(".{n}")]
            } else {
                aliases
            }
        })
        .collect()
}

/// Every extension some command writes (then another command is not to write something else
/// under it): the extensions of every command's formats and of `--chart`.
pub const WRITTEN: &[&str] = &[
    "txt", "md", "csv", "json", "xlsx", "docx", "toml", "svg", "png",
];

fn known_anywhere(ext: &str) -> bool {
    WRITTEN.contains(&ext)
}

/// The format a command writes: the one `--output`'s extension names, `--format` when the file
/// name names none, `default` without either. `command` names the command in messages.
pub fn resolve<F: ValueEnum + Copy + PartialEq>(
    command: &str,
    format: Option<F>,
    output: Option<&Path>,
    default: F,
) -> Result<F, Failure> {
    let Some(path) = output else {
        return Ok(format.unwrap_or(default));
    };
    let ext = extension(path);
    let known = extensions::<F>().join(", ");
    match (named::<F>(&ext), format) {
        (Some(by_name), None) => Ok(by_name),
        (Some(by_name), Some(given)) if by_name == given => Ok(given),
        (Some(by_name), Some(given)) => Err(Failure::Usage(crate::tr!(
            "cli-format-contradicts",
            format = name(&given),
            path = path,
            named = name(&by_name)
        ))),
        (None, _) if !ext.is_empty() && known_anywhere(&ext) => Err(Failure::Usage(crate::tr!(
            "cli-extension-not-written",
            command = command,
            path = path,
            ext = ext,
            known = known
        ))),
        (None, Some(given)) => Ok(given),
        (None, None) => Err(Failure::Usage(crate::tr!(
            "cli-extension-unknown",
            path = path,
            known = known
        ))),
    }
}

/// The picture `--chart` draws, told by its extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Chart {
    /// A vector drawing: browsers, LibreOffice, Word 2019 and later.
    Svg,
    /// A picture (192 dpi, A4 width): any program, Word 2016 too.
    Png,
}

impl Chart {
    /// The picture `--chart FILE` asks for; refused unless FILE ends in .svg or .png.
    pub fn of(path: &Path) -> Result<Chart, Failure> {
        named::<Chart>(&extension(path)).ok_or_else(|| {
            Failure::Usage(crate::tr!(
                "cli-chart-extension",
                path = path,
                known = extensions::<Chart>().join(", ")
            ))
        })
    }
}

// `--bom` / `--no-bom`: whether CSV starts with a UTF-8 byte-order mark. By default a file
// gets one (Excel on Windows then reads the Vietnamese text as UTF-8) and standard output
// does not (scripts read it).
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct Bom {
    #[arg(long, overrides_with = "no_bom")]
    pub bom: bool,
    #[arg(long, overrides_with = "bom")]
    pub no_bom: bool,
}

impl Bom {
    /// Whether CSV written to a file (`to_file`) or to standard output starts with the mark.
    pub fn wanted(self, to_file: bool) -> bool {
        if self.bom {
            true
        } else if self.no_bom {
            false
        } else {
            to_file
        }
    }

    /// `csv` with the mark in front when it is wanted.
    pub fn apply(self, csv: Vec<u8>, to_file: bool) -> Vec<u8> {
        if self.wanted(to_file) {
            let mut out = Vec::with_capacity(csv.len() + crate::output::BOM.len());
            out.extend_from_slice(crate::output::BOM);
            out.extend(csv);
            out
        } else {
            csv
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::reports::format::{Annexes, Figures};

    fn resolved<F: ValueEnum + Copy + PartialEq>(
        format: Option<F>,
        output: Option<&str>,
        default: F,
    ) -> Result<F, String> {
        resolve("compute", format, output.map(Path::new), default).map_err(|e| e.to_string())
    }

    #[test]
    fn the_extension_names_the_format() {
        use Annexes::*;
        for (file, format) in [
            ("a.csv", Csv),
            ("A.CSV", Csv),
            ("dir.v2/phụ lục.json", Json),
            ("a.xlsx", Xlsx),
            ("a.txt", Table),
            ("a.md", Table),
        ] {
            assert_eq!(resolved(None, Some(file), Table), Ok(format), "{file}");
            assert_eq!(resolved(Some(format), Some(file), Table), Ok(format));
        }
        // no file: --format, else the default
        assert_eq!(resolved(Some(Json), None, Table), Ok(Json));
        assert_eq!(resolved(None, None, Table), Ok(Table));
        // a name that names no format: --format says
        assert_eq!(resolved(Some(Csv), Some("a.dat"), Table), Ok(Csv));
        assert_eq!(resolved(Some(Csv), Some("phu-luc"), Table), Ok(Csv));
        // "table" is the format's name, not an extension
        assert!(resolved::<Annexes>(None, Some("a.table"), Table).is_err());
    }

    #[test]
    fn contradictions_and_unknown_names_are_refused() {
        use Annexes::*;
        let e = resolved(Some(Csv), Some("t.xlsx"), Table).unwrap_err();
        assert!(e.contains("--format csv") && e.contains("t.xlsx"), "{e}");
        assert!(e.contains("xlsx"), "{e}");
        let e = resolved(Some(Table), Some("t.csv"), Table).unwrap_err();
        assert!(e.contains("--format table"), "{e}");
        let e = resolved::<Annexes>(None, Some("t.dat"), Table).unwrap_err();
        assert!(
            e.contains(".txt, .md, .csv, .json, .xlsx"),
            "the known extensions: {e}"
        );
        let e = resolved::<Annexes>(None, Some("noext"), Table).unwrap_err();
        assert!(e.contains(".csv"), "{e}");
        // an extension another command or --chart writes is not this command's to misuse
        let e = resolved(Some(Csv), Some("c.png"), Table).unwrap_err();
        assert!(e.contains(".png"), "{e}");
        let e = resolved(Some(Figures::Csv), Some("s.xlsx"), Figures::Table).unwrap_err();
        assert!(e.ends_with("its outputs are .txt, .md, .csv, .json"), "{e}");
    }

    #[test]
    fn charts_are_svg_or_png() {
        assert_eq!(Chart::of(Path::new("c.svg")).ok(), Some(Chart::Svg));
        assert_eq!(Chart::of(Path::new("C.PNG")).ok(), Some(Chart::Png));
        let e = Chart::of(Path::new("c.jpg")).unwrap_err().to_string();
        assert!(e.contains(".svg, .png"), "{e}");
    }

    #[test]
    fn a_file_gets_the_mark_and_standard_output_not_unless_told() {
        let none = Bom::default();
        assert!(none.wanted(true) && !none.wanted(false));
        let bom = Bom {
            bom: true,
            no_bom: false,
        };
        assert!(bom.wanted(true) && bom.wanted(false));
        let no = Bom {
            bom: false,
            no_bom: true,
        };
        assert!(!no.wanted(true) && !no.wanted(false));
        assert_eq!(bom.apply(b"a\n".to_vec(), false), b"\xEF\xBB\xBFa\n");
        assert_eq!(no.apply(b"a\n".to_vec(), true), b"a\n");
    }
}
