//! How codes and names are compared: trimmed and in composed Unicode (NFC), so that a unit code
//! typed on a Mac (decomposed, NFD) matches the same code typed on Windows.

use unicode_normalization::UnicodeNormalization;

/// A code or id as matched: trimmed, NFC.
pub fn normalize_key(text: &str) -> String {
    // a byte-order mark pasted inside a file is invisible: never part of a code
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if t.is_ascii() {
        t.to_string()
    } else {
        t.nfc().collect()
    }
}

/// A name as matched loosely (level names): NFC, lower case, runs of spaces as one.
pub fn fold(text: &str) -> String {
    let composed: String = text.nfc().collect();
    composed
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_matches_nfc() {
        let nfd = "So\u{302}\u{301}"; // "Số" decomposed
        assert_eq!(normalize_key(&format!("  {nfd} ")), "Số");
        assert_eq!(fold("  Ban hành   KỊP thời "), "ban hành kịp thời");
    }
}
