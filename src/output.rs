//! Where results go: standard output, or a file written atomically (a temporary file in the
//! same folder, then a rename), so that a failed run never leaves a partial or damaged file.
//! A closed pipe (`par-index … | head`) ends quietly with success.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::error::Failure;

/// The UTF-8 byte-order mark that starts a CSV file, so that Excel reads it as UTF-8.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether standard output is a terminal (tables are then fitted and drawn with lines).
pub fn stdout_is_terminal() -> bool {
    std::io::stdout().is_terminal()
}

/// Writes the whole result to `path`, or to standard output when `path` is `None`.
pub fn emit(path: Option<&Path>, bytes: &[u8]) -> Result<(), Failure> {
    match path {
        None => {
            let mut out = std::io::stdout().lock();
            match out.write_all(bytes).and_then(|_| out.flush()) {
                Ok(()) => Ok(()),
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                Err(e) => Err(Failure::io(crate::tr!("common-cannot-write-stdout"), e)),
            }
        }
        Some(path) => write_atomically(path, bytes),
    }
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    write_all_atomically(&[(path, bytes)])
}

/// Writes several files all or none: every one is first written whole to a temporary file
/// beside it; only when all are written are they renamed into place.
pub fn write_all_atomically(files: &[(&Path, &[u8])]) -> Result<(), Failure> {
    let staged = files
        .iter()
        .map(|&(path, bytes)| stage(path, bytes).map(|tmp| (path, tmp)))
        .collect::<Result<Vec<_>, _>>()?;
    for (path, tmp) in staged {
        // (on Windows too the rename replaces the file whole: tempfile's persist is
        // MoveFileExW with MOVEFILE_REPLACE_EXISTING)
        tmp.persist(path).map_err(|e| not_replaced(path, e.error))?;
    }
    Ok(())
}

/// Why `path` could not be replaced: the system's words, and on Windows, when the file is held
/// by another program (Excel locks the workbooks and CSV files it has open), what to do.
fn not_replaced(path: &Path, e: std::io::Error) -> Failure {
    let mut context = crate::tr!("common-cannot-write", file = path);
    // ERROR_ACCESS_DENIED, ERROR_SHARING_VIOLATION, ERROR_LOCK_VIOLATION
    if cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33)) {
        context = format!("{context} ({})", crate::tr!("common-file-in-use"));
    }
    Failure::io(context, plain(e))
}

/// `bytes` written and synced to a temporary file beside `path`.
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile, Failure> {
    let context = || crate::tr!("common-cannot-write", file = path);
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".par-index-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(|e| Failure::io(context(), plain(e)))?;
    tmp.write_all(bytes)
        .and_then(|_| tmp.as_file().sync_all())
        .map_err(|e| Failure::io(context(), plain(e)))?;
    // The temporary file is private (0600); the result gets the earlier file's permissions,
    // or the usual 0644 of a new file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path).map_or(0o644, |m| m.permissions().mode());
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(mode))
            .map_err(|e| Failure::io(context(), plain(e)))?;
    }
    Ok(tmp)
}

/// The operating system's error without the temporary file's name, which means nothing to
/// the user.
fn plain(e: std::io::Error) -> std::io::Error {
    // tempfile appends ` at path "<temporary file>"` to the system's message
    let text = e.to_string();
    match text.split_once(" at path \"") {
        Some((message, _)) => std::io::Error::new(e.kind(), message.to_string()),
        None => e,
    }
}

/// Prints the warnings of a run on standard error, one line each, with file and line.
pub fn warn_all(warnings: &[&crate::stages::Warning]) {
    for w in warnings {
        warn(&w.to_string());
    }
}

/// Prints on standard error how the input files were read (an encoding detected, the sheet
/// read, rows skipped above a header), one line each.
pub fn notes(notes: &[crate::error::Problem]) {
    let prefix = crate::tr!("common-note");
    let mut err = std::io::stderr().lock();
    for n in notes {
        let _ = writeln!(err, "par-index: {prefix}: {n}");
    }
}

/// Prints a warning line on standard error, ignoring a closed stderr.
pub fn warn(line: &str) {
    let prefix = crate::tr!("common-warning");
    let _ = writeln!(std::io::stderr().lock(), "par-index: {prefix}: {line}");
}
