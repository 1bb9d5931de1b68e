//! Unit tests of the conventions, in news sentences of our own.

use super::*;

fn found(text: &str, lang: Lang) -> Vec<(String, Option<String>, Option<String>, bool)> {
    Finder::new()
        .find(text, lang)
        .into_iter()
        .map(|q| (text[q.span].to_string(), q.speaker, q.cue, q.mention))
        .collect()
}

#[test]
fn placeholder() {
    assert!(!found(
        "„Wir bleiben hier, bis alles geklärt ist“, sagte Ryder.",
        Lang::De
    )
    .is_empty());
}
