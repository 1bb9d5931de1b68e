//! Reading the plain-text lexicons every filter keeps under `data/`: one entry a line, a line
//! starting with `#` is a comment, blank lines are skipped, `[name]` opens a section.

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

#[cfg(test)]
mod tests {
    use super::*;

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
