//! `--dehyphenate`: words broken across lines by a hyphen are joined ("Nord-\nkorea" →
//! "Nordkorea"); a hyphen that belongs to the word stays: before a capital
//! ("Baden-\nWürttemberg"), before "und"/"oder" ("Ein-\nund Ausfuhr" → "Ein- und Ausfuhr"),
//! and between digits ("10-\n12").

use std::borrow::Cow;

const CONJUNCTIONS: &[&str] = &["und", "oder", "bzw", "sowie", "and", "or"];

pub fn dehyphenate(text: &str) -> Cow<'_, str> {
    if !text.contains("-\n") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find("-\n") {
        let (head, tail) = (&rest[..at], &rest[at + 2..]);
        let before = head.chars().next_back();
        let after = tail.chars().next();
        let next_word: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
        out.push_str(head);
        match (before, after) {
            (Some(b), Some(a)) if b.is_alphabetic() && a.is_alphabetic() => {
                if CONJUNCTIONS.contains(&next_word.as_str()) {
                    out.push_str("- ");
                } else if a.is_uppercase() {
                    out.push('-');
                }
                // else: a lowercase continuation, the hyphen only broke the line
            }
            (Some(b), Some(a)) if b.is_ascii_digit() && a.is_ascii_digit() => out.push('-'),
            _ => out.push_str("-\n"),
        }
        rest = tail;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::dehyphenate;

    #[test]
    fn joins_and_keeps() {
        assert_eq!(dehyphenate("Nord-\nkorea"), "Nordkorea");
        assert_eq!(dehyphenate("Baden-\nWürttemberg"), "Baden-Württemberg");
        assert_eq!(dehyphenate("Ein-\nund Ausfuhr"), "Ein- und Ausfuhr");
        assert_eq!(dehyphenate("Seiten 10-\n12"), "Seiten 10-12");
        assert_eq!(dehyphenate("Liste:\n-\nPunkt"), "Liste:\n-\nPunkt");
        assert_eq!(dehyphenate("kein Umbruch"), "kein Umbruch");
    }
}
