//! How codes and names are compared: trimmed and in composed Unicode (NFC), so that a unit code
//! typed on a Mac (decomposed, NFD) matches the same code typed on Windows.

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// A code or id as matched: trimmed, NFC.
pub fn normalize_key(text: &str) -> String {
    // a byte-order mark pasted inside a file is invisible: never part of a code
    let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    // text already in NFC (as typed on a Vietnamese keyboard, almost always) is told by a
    // quick check, many times cheaper than composing it again
    if t.is_ascii() || unicode_normalization::is_nfc_quick(t.chars()) == IsNormalized::Yes {
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

/// Lower-case text without diacritics: "sở nội vụ" → "so noi vu", "đ" → "d".
pub fn without_marks(text: &str) -> String {
    text.nfd()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .map(|c| if c == 'đ' || c == 'Đ' { 'd' } else { c })
        .collect()
}

/// Columns a text takes on a terminal (combining marks take none).
pub fn text_width(s: &str) -> usize {
    s.chars()
        .filter(|&c| !unicode_normalization::char::is_combining_mark(c))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_matches_nfc() {
        let nfd = "So\u{302}\u{301}"; // "Số" decomposed
        assert_eq!(normalize_key(&format!("  {nfd} ")), "Số");
        assert_eq!(fold("  Ban hành   KỊP thời "), "ban hành kịp thời");
        assert_eq!(without_marks(&fold("Sở Nội vụ")), "so noi vu");
        assert_eq!(without_marks("đường"), "duong");
    }

    proptest::proptest! {
        /// The quick check lets through only text that composing leaves as it is.
        #[test]
        fn keys_are_nfc(text in "[ a-zA-Z\u{300}-\u{303}\u{309}\u{323}ăâđêôơưƯÂĂĐÊÔƠáàảãạấầẩẫậếềểễệốồổỗộớờởỡợ\u{feff}]{0,12}") {
            let t = text.trim_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
            proptest::prop_assert_eq!(normalize_key(&text), t.nfc().collect::<String>());
        }
    }
}
