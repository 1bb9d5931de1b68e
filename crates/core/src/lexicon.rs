//! Reading the plain-text lexicons every filter keeps under `data/`: one entry a line, a line
//! starting with `#` is a comment, blank lines are skipped, `[name]` opens a section; and
//! lower-casing a word to look it up in them.

/// The entries of a list file, trimmed.
pub fn entries(file: &str) -> impl Iterator<Item = &str> {
    file.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The entries of a list file with the section each stands in (`""` before the first
/// `[name]` line); the section lines themselves are not entries.
pub fn sections(file: &str) -> impl Iterator<Item = (&str, &str)> {
    let mut section = "";
    entries(file).filter_map(
        move |l| match l.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            Some(name) => {
                section = name;
                None
            }
            None => Some((section, l)),
        },
    )
}

/// A word in lower case, for looking it up in a list: borrowed when it is already (most words
/// are), else on the stack when it is short (a capitalised noun), else on the heap. No
/// allocation for nearly every word of a news text.
pub enum Lower<'a> {
    Borrowed(&'a str),
    Short([u8; 24], u8),
    Owned(String),
}

impl AsRef<str> for Lower<'_> {
    fn as_ref(&self) -> &str {
        self
    }
}

impl std::ops::Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        match self {
            Lower::Borrowed(s) => s,
            // SAFETY: `lower` fills the first `n` bytes with whole characters, each written
            // by `char::encode_utf8` or copied from ASCII, so they are valid UTF-8.
            Lower::Short(b, n) => unsafe { std::str::from_utf8_unchecked(&b[..*n as usize]) },
            Lower::Owned(s) => s,
        }
    }
}

/// `w` in lower case, without allocating for nearly any word.
pub fn lower(w: &str) -> Lower<'_> {
    if w.is_ascii() {
        if !w.bytes().any(|b| b.is_ascii_uppercase()) {
            return Lower::Borrowed(w);
        }
        if w.len() <= 24 {
            let mut b = [0u8; 24];
            b[..w.len()].copy_from_slice(w.as_bytes());
            b[..w.len()].make_ascii_lowercase();
            return Lower::Short(b, w.len() as u8);
        }
    } else if !w.chars().any(char::is_uppercase) {
        return Lower::Borrowed(w);
    } else if w.len() <= 24 && !w.contains('Σ') {
        // Character by character into the buffer, while it fits ("Äußerung" → "äußerung");
        // a capital sigma lower-cases by its place in the word, which only `to_lowercase` knows.
        let mut b = [0u8; 24];
        let mut n = 0;
        for c in w.chars().flat_map(char::to_lowercase) {
            if n + c.len_utf8() > b.len() {
                return Lower::Owned(w.to_lowercase());
            }
            n += c.encode_utf8(&mut b[n..]).len();
        }
        return Lower::Short(b, n as u8);
    }
    Lower::Owned(w.to_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_agrees_with_to_lowercase() {
        let words = [
            "sagte",
            "Sagte",
            "ÄUSSERUNG",
            "Bürgermeisterin",
            "İstanbul",
            "ẞ",
            "Bundesverfassungsgerichtspräsidentin",
            "DONAUDAMPFSCHIFFFAHRTSGESELLSCHAFT",
            "ΟΔΥΣΣΕΥΣ",
            "",
        ];
        for w in words {
            assert_eq!(&*lower(w), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lower("sagte"), Lower::Borrowed(_)));
        assert!(matches!(lower("Äußerung"), Lower::Short(..)));
    }

    #[test]
    fn comments_blanks_and_sections() {
        let file = "# a list\n\n eins \n[zwei]\n# note\nb c\n[drei]\nd\n";
        assert_eq!(
            entries(file).collect::<Vec<_>>(),
            ["eins", "[zwei]", "b c", "[drei]", "d"]
        );
        assert_eq!(
            sections(file).collect::<Vec<_>>(),
            [("", "eins"), ("zwei", "b c"), ("drei", "d")]
        );
    }
}
