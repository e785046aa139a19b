//! The house's layers, held by a test that reads the sources: lowest first,
//!
//! error, decimal, exact, text, i18n → criteria → inputs → stages → uncertainty →
//! reports, output → cmd, cli → lib.rs, main.rs
//!
//! a file may use what its own layer and the layers below it define, never what a layer above
//! defines; and no two files use each other, except a module's own file and the files of its
//! submodules (`stages/mod.rs` runs `stages/totals.rs`, which uses the types `stages/mod.rs`
//! defines: one module, which Rust lets see its own private items).
//!
//! A file uses another when one of its paths names an item of the other: `use` declarations
//! and paths in the code (`crate::…`, `super::…`, `self::…`, a submodule it declares), test
//! modules included; comments and strings are not read. A path names the file of the deepest
//! module it goes through (`crate::error::exit::OK` is error.rs, whose module `exit` is
//! inline); an exported macro (`crate::tr!`) is the file that defines it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layer of each module of the crate's root, lowest first.
const LAYERS: &[&[&str]] = &[
    &["error", "decimal", "exact", "text", "i18n"],
    &["criteria"],
    &["inputs"],
    &["stages"],
    &["uncertainty"],
    &["reports", "output"],
    &["cmd", "cli"],
    // the crate's root (lib.rs, main.rs) and this test
    &["", "main", "layers"],
];

/// A module's path from the crate's root: `["stages", "totals"]`; the root is empty.
type Module = Vec<String>;

struct Source {
    /// The file, from src/ (`stages/totals.rs`).
    file: String,
    module: Module,
    /// The text with comments, strings and characters blanked out.
    code: String,
}

/// Every .rs file under `src`, with its module.
fn sources(src: &Path) -> Vec<Source> {
    let mut files = Vec::new();
    let mut dirs = vec![src.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).expect("src is readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    files.sort();
    files
        .into_iter()
        .map(|path: PathBuf| {
            let file = path
                .strip_prefix(src)
                .expect("under src")
                .to_string_lossy()
                .replace('\\', "/");
            let mut module: Module = file
                .trim_end_matches(".rs")
                .split('/')
                .map(str::to_string)
                .collect();
            if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                module.pop();
            }
            let text = std::fs::read_to_string(&path).expect("a source file");
            Source {
                file,
                module,
                code: blank_comments_and_strings(&text),
            }
        })
        .collect()
}

/// The text with every comment, string literal and character literal replaced by spaces
/// (lifetimes stay), so that only code is read.
fn blank_comments_and_strings(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |out: &mut String, chars: &[char]| {
        for &c in chars {
            out.push(if c == '\n' { '\n' } else { ' ' });
        }
    };
    while i < chars.len() {
        let rest = &chars[i..];
        let starts = |s: &str| s.chars().zip(rest).all(|(a, &b)| a == b) && rest.len() >= s.len();
        let prev_ident = i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_');
        let end = if starts("//") {
            rest.iter().position(|&c| c == '\n').unwrap_or(rest.len())
        } else if starts("/*") {
            // block comments nest
            let (mut depth, mut j) = (0usize, 0);
            while j < rest.len() {
                if rest[j] == '/' && rest.get(j + 1) == Some(&'*') {
                    depth += 1;
                    j += 2;
                } else if rest[j] == '*' && rest.get(j + 1) == Some(&'/') {
                    depth -= 1;
                    j += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    j += 1;
                }
            }
            j
        } else if !prev_ident && (starts("r#") || starts("r\"") || starts("br#") || starts("br\""))
        {
            // a raw string: r#"…"#
            let skip = usize::from(rest[0] == 'b') + 1;
            let hashes = rest[skip..].iter().take_while(|&&c| c == '#').count();
            if rest.get(skip + hashes) != Some(&'"') {
                0
            } else {
                let close: Vec<char> = std::iter::once('"')
                    .chain(std::iter::repeat_n('#', hashes))
                    .collect();
                let body = skip + hashes + 1;
                (body..rest.len())
                    .find(|&j| rest[j..].starts_with(&close))
                    .map_or(rest.len(), |j| j + close.len())
            }
        } else if rest[0] == '"' {
            let mut j = 1;
            while j < rest.len() && rest[j] != '"' {
                j += if rest[j] == '\\' { 2 } else { 1 };
            }
            j + 1
        } else if rest[0] == '\'' {
            // a character ('a', '\n', '\u{feff}'), not a lifetime ('a)
            match rest.get(1) {
                // the escaped character, then up to the closing quote
                Some('\\') => rest[3..]
                    .iter()
                    .position(|&c| c == '\'')
                    .map_or(1, |j| j + 4),
                Some(_) if rest.get(2) == Some(&'\'') => 3,
                _ => 0,
            }
        } else {
            0
        };
        if end == 0 {
            out.push(chars[i]);
            i += 1;
        } else {
            let end = end.min(rest.len());
            blank(&mut out, &rest[..end]);
            i += end;
        }
    }
    out
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The identifier that starts at byte `at` of `code`, if one does.
fn ident_at(code: &str, at: usize) -> &str {
    let rest = &code[at..];
    let end = rest.find(|c: char| !is_ident(c)).unwrap_or(rest.len());
    &rest[..end]
}

/// The paths of a `use` tree: `a::{b, c::{self, d}}` → `a::b`, `a::c`, `a::c::d`.
fn use_paths(tree: &str) -> Vec<Vec<String>> {
    fn walk(prefix: &[String], tree: &str, into: &mut Vec<Vec<String>>) {
        let (mut depth, mut start) = (0, 0);
        let mut items = Vec::new();
        for (i, c) in tree.char_indices() {
            match c {
                '{' => depth += 1,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    items.push(&tree[start..i]);
                    start = i + 1;
                }
                _ => {}
            }
        }
        items.push(&tree[start..]);
        for item in items.into_iter().map(str::trim).filter(|i| !i.is_empty()) {
            let item = item.split(" as ").next().unwrap_or(item).trim();
            let (head, nested) = match item.find('{') {
                Some(b) => (
                    &item[..b],
                    Some(&item[b + 1..item.rfind('}').unwrap_or(item.len())]),
                ),
                None => (item, None),
            };
            let mut path = prefix.to_vec();
            for name in head.split("::").map(str::trim).filter(|n| !n.is_empty()) {
                // `self` inside braces is the path so far; leading a path, it stays
                if name != "self" || path.is_empty() {
                    path.push(name.to_string());
                }
            }
            match nested {
                Some(inner) => walk(&path, inner, into),
                None => into.push(path),
            }
        }
    }
    let mut paths = Vec::new();
    let tree: String = tree.split_whitespace().collect::<Vec<_>>().join(" ");
    walk(&[], &tree, &mut paths);
    paths
}

/// The paths a file names that may lead to another file of the crate, each with the number
/// of inline modules (`mod tests { … }`) around it.
fn paths_of(code: &str) -> Vec<(Vec<String>, usize)> {
    // inline modules: the byte ranges of their bodies
    let mut inline = Vec::new();
    let mut at = 0;
    while let Some(found) = code[at..].find("mod ") {
        let start = at + found;
        at = start + 4;
        if start > 0 && code[..start].ends_with(is_ident) {
            continue;
        }
        let name = ident_at(code, at);
        let after = code[at + name.len()..].trim_start();
        if !name.is_empty() && after.starts_with('{') {
            let open = code.len() - after.len();
            let mut depth = 0;
            for (i, c) in code[open..].char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            inline.push(open..open + i);
                            break;
                        }
                    }
                    _ => {}
                }
            }
        }
    }
    let around = |pos: usize| inline.iter().filter(|r| r.contains(&pos)).count();
    let mut paths = Vec::new();
    // `use` declarations
    let mut at = 0;
    while let Some(found) = code[at..].find("use ") {
        let start = at + found;
        at = start + 4;
        if start > 0 && code[..start].ends_with(is_ident) {
            continue;
        }
        let Some(end) = code[at..].find(';') else {
            break;
        };
        for path in use_paths(&code[at..at + end]) {
            paths.push((path, around(start)));
        }
    }
    // paths in the code: names joined by `::`, read from their first
    let mut at = 0;
    while at < code.len() {
        let name = ident_at(code, at);
        if name.is_empty() {
            at += code[at..].chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let start = at;
        let mut path = vec![name.to_string()];
        at += name.len();
        while code[at..].starts_with("::") {
            let next = ident_at(code, at + 2);
            if next.is_empty() {
                break;
            }
            path.push(next.to_string());
            at += 2 + next.len();
        }
        if path.len() > 1 && !code[..start].ends_with("::") {
            paths.push((path, around(start)));
        }
    }
    paths
}

/// The file-to-file uses of the crate: file → the files it uses.
fn uses(sources: &[Source]) -> BTreeMap<String, BTreeSet<String>> {
    let by_module: BTreeMap<&Module, &str> = sources
        .iter()
        .map(|s| (&s.module, s.file.as_str()))
        .collect();
    // exported macros are at the crate's root, defined in a file
    let mut macros: BTreeMap<String, &str> = BTreeMap::new();
    for s in sources {
        let mut at = 0;
        while let Some(found) = s.code[at..].find("#[macro_export]") {
            at += found + 15;
            if let Some(m) = s.code[at..].find("macro_rules!") {
                let name = ident_at(&s.code, at + m + 12).to_string();
                let name = if name.is_empty() {
                    ident_at(&s.code, at + m + 13).to_string()
                } else {
                    name
                };
                macros.insert(name, &s.file);
            }
        }
    }
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in sources {
        let children: BTreeSet<&str> = {
            let mut names = BTreeSet::new();
            let mut at = 0;
            while let Some(found) = s.code[at..].find("mod ") {
                let start = at + found;
                at = start + 4;
                let name = ident_at(&s.code, at);
                if !(start > 0 && s.code[..start].ends_with(is_ident))
                    && s.code[at + name.len()..].trim_start().starts_with(';')
                {
                    names.insert(name);
                }
            }
            names
        };
        let used = edges.entry(s.file.clone()).or_default();
        for (path, inline) in paths_of(&s.code) {
            let Some(first) = path.first() else {
                continue;
            };
            let full: Module = match first.as_str() {
                "crate" => path[1..].to_vec(),
                "super" => {
                    let ups = path.iter().take_while(|p| *p == "super").count();
                    // inside an inline module, `super` first leaves it, staying in the file
                    let Some(ups) = ups.checked_sub(inline) else {
                        continue;
                    };
                    let Some(keep) = s.module.len().checked_sub(ups) else {
                        continue;
                    };
                    let mut m = s.module[..keep].to_vec();
                    m.extend(path[ups + inline..].iter().cloned());
                    m
                }
                // (inside an inline module, `self` is that module, in this file)
                "self" if inline > 0 => continue,
                "self" => {
                    let mut m = s.module.clone();
                    m.extend(path[1..].iter().cloned());
                    m
                }
                name if children.contains(name) => {
                    let mut m = s.module.clone();
                    m.extend(path.iter().cloned());
                    m
                }
                _ => continue,
            };
            let target = if full.len() == 1 && macros.contains_key(&full[0]) {
                Some(macros[&full[0]])
            } else {
                (0..=full.len())
                    .rev()
                    .find_map(|k| by_module.get(&full[..k].to_vec()).copied())
            };
            if let Some(target) = target
                && target != s.file
                && target != "lib.rs"
            {
                used.insert(target.to_string());
            }
        }
    }
    edges
}

fn layer(file: &str) -> Option<usize> {
    let top = file.split('/').next().unwrap_or("").trim_end_matches(".rs");
    let top = if top == "lib" { "" } else { top };
    LAYERS.iter().position(|l| l.contains(&top))
}

/// Whether `a` is the file of the module that declares the module of `b`, or the reverse.
fn parent_and_child(sources: &[Source], a: &str, b: &str) -> bool {
    let module = |f: &str| &sources.iter().find(|s| s.file == f).expect("a file").module;
    let (ma, mb) = (module(a), module(b));
    let parent = |p: &Module, c: &Module| c.len() == p.len() + 1 && c.starts_with(p);
    parent(ma, mb) || parent(mb, ma)
}

/// What breaks the layers in the sources under `src`, one line each.
fn breaches(src: &Path) -> Vec<String> {
    let sources = sources(src);
    let edges = uses(&sources);
    let mut found = Vec::new();
    for (file, used) in &edges {
        let Some(from) = layer(file) else {
            found.push(format!("{file}: its module has no layer in src/layers.rs"));
            continue;
        };
        for target in used {
            if layer(target).is_some_and(|to| to > from) {
                found.push(format!("{file} uses {target}, a layer above it"));
            }
            if file < target
                && edges.get(target).is_some_and(|u| u.contains(file))
                && !parent_and_child(&sources, file, target)
            {
                found.push(format!("{file} and {target} use each other"));
            }
        }
    }
    found
}

#[test]
fn no_file_uses_a_layer_above_it_and_no_two_files_use_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let found = breaches(&src);
    assert!(
        found.is_empty(),
        "the layers are broken:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reader_of_paths_finds_what_a_file_uses() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    let write = |file: &str, text: &str| {
        let path = src.join(file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    };
    write(
        "lib.rs",
        "pub mod criteria;\npub mod error;\npub mod stages;\npub mod i18n;\n",
    );
    write("i18n.rs", "#[macro_export]\nmacro_rules! tr { () => {} }\n");
    write("error.rs", "pub mod exit { pub const OK: u8 = 0; }\n");
    // what a comment or a string says is not a use
    write(
        "criteria/mod.rs",
        "mod bounds;\n// crate::stages::Options\nconst S: &str = \"crate::stages::x\";\n\
         fn f<'a>(c: char) -> bool { c == '\"' && c != '\\'' && bounds::ok() }\n\
         pub fn g() -> u8 { crate::error::exit::OK }\n",
    );
    write(
        "criteria/bounds.rs",
        "use super::S;\npub fn ok() -> bool { true }\n",
    );
    write(
        "stages/mod.rs",
        "pub mod totals;\nuse crate::{criteria::{self, g}, tr};\n\
         #[cfg(test)]\nmod tests { use super::*; use super::totals::rank; }\n",
    );
    write(
        "stages/totals.rs",
        "pub mod band;\nuse self::band::set;\npub fn rank() { let _ = super::super::criteria::g(); }\n",
    );
    write("stages/totals/band.rs", "pub fn set() {}\n");
    let edges = uses(&sources(src));
    let used = |f: &str| edges[f].iter().cloned().collect::<Vec<_>>();
    assert_eq!(used("criteria/mod.rs"), ["criteria/bounds.rs", "error.rs"]);
    assert_eq!(used("criteria/bounds.rs"), ["criteria/mod.rs"]);
    assert_eq!(
        used("stages/mod.rs"),
        ["criteria/mod.rs", "i18n.rs", "stages/totals.rs"]
    );
    assert_eq!(
        used("stages/totals.rs"),
        ["criteria/mod.rs", "stages/totals/band.rs"]
    );
    assert!(breaches(src).is_empty(), "{:?}", breaches(src));

    // an upward use, and two files that use each other, are named
    write(
        "criteria/bounds.rs",
        "use super::S;\nuse crate::stages::Options;\n",
    );
    write("error.rs", "pub mod exit {}\nuse crate::i18n::Lang;\n");
    write(
        "i18n.rs",
        "#[macro_export]\nmacro_rules! tr { () => {} }\nfn f() { crate::error::place(); }\n",
    );
    assert_eq!(
        breaches(src),
        [
            "criteria/bounds.rs uses stages/mod.rs, a layer above it",
            "error.rs and i18n.rs use each other",
        ]
    );
}
