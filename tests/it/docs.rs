//! The documentation's links: every relative link of every Markdown file of the repository
//! leads to a file of the repository (never outside it, as ../shared once did), and a link to a
//! heading (`file.md#anchor`) finds that heading, named as GitHub names it.

use std::collections::BTreeSet;
use std::path::{Component, Path, PathBuf};

use crate::common::root;

/// The Markdown files of the repository, outside target/ and hidden folders.
fn markdown_files(root: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut dirs = vec![root.to_path_buf()];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap().flatten() {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().to_string();
            if path.is_dir() {
                if !name.starts_with('.') && !["target", "bench-out", "fuzz"].contains(&&*name) {
                    dirs.push(path);
                }
            } else if name.ends_with(".md") {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

/// The targets of the inline links `[text](target)` of a Markdown text, outside code.
fn links(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        // inline code is not a link
        let plain: String = line.split('`').step_by(2).collect::<Vec<_>>().join(" ");
        let mut rest = plain.as_str();
        while let Some(at) = rest.find("](") {
            let after = &rest[at + 2..];
            let Some(end) = after.find(')') else { break };
            let target = after[..end].split_whitespace().next().unwrap_or("");
            out.push(target.to_string());
            rest = &after[end..];
        }
    }
    out
}

/// The anchors GitHub gives the headings of a Markdown text.
fn anchors(text: &str) -> BTreeSet<String> {
    let mut seen = BTreeSet::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
        }
        if fenced || !line.starts_with('#') {
            continue;
        }
        let heading = line.trim_start_matches('#').trim();
        let slug: String = heading
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect();
        // a heading met again gets -1, -2, …
        let mut name = slug.clone();
        let mut k = 0;
        while !seen.insert(name.clone()) {
            k += 1;
            name = format!("{slug}-{k}");
        }
    }
    seen
}

/// `path` with its `.` and `..` resolved, without the file system.
fn normal(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

#[test]
fn every_relative_link_resolves_inside_the_repository() {
    let root = normal(&root());
    let files = markdown_files(&root);
    assert!(files.len() >= 10, "{files:?}");
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in &files {
        let text = std::fs::read_to_string(file).unwrap();
        let from = file.strip_prefix(&root).unwrap().display().to_string();
        for target in links(&text) {
            if target.contains("://") || target.starts_with("mailto:") || target.is_empty() {
                continue;
            }
            checked += 1;
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let resolved = match path {
                "" => file.clone(),
                p => normal(&file.parent().unwrap().join(p)),
            };
            if !resolved.starts_with(&root) {
                broken.push(format!("{from}: {target} leads outside the repository"));
            } else if !resolved.exists() {
                broken.push(format!("{from}: {target} does not exist"));
            } else if let Some(anchor) = anchor
                && resolved.extension().is_some_and(|e| e == "md")
                && !anchors(&std::fs::read_to_string(&resolved).unwrap()).contains(anchor)
            {
                broken.push(format!("{from}: {target} names no heading"));
            }
        }
    }
    assert!(checked > 50, "only {checked} links found");
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn the_reader_of_links_and_headings() {
    let text = "# Đọc phụ lục\n## 7.12. Tệp (--previous)\n## Đọc phụ lục\n\
                [a](docs/a.md#x) `[b](no)` [c](https://x.y)\n```\n[d](no)\n```\n";
    assert_eq!(links(text), ["docs/a.md#x", "https://x.y"]);
    let found = anchors(text);
    for a in ["đọc-phụ-lục", "712-tệp---previous", "đọc-phụ-lục-1"] {
        assert!(found.contains(a), "{a}: {found:?}");
    }
    assert_eq!(
        normal(Path::new("/r/docs/../README.md")),
        Path::new("/r/README.md")
    );
}
