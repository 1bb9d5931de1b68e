//! Unit tests of the segmentation policy, one case per rule.

use super::*;

fn de(text: &str) -> Vec<&str> {
    Segmenter::new().split(text, Lang::De)
}

fn en(text: &str) -> Vec<&str> {
    Segmenter::new().split(text, Lang::En)
}

#[test]
fn plain_sentences() {
    assert_eq!(de("Es regnet. Wir bleiben."), ["Es regnet.", "Wir bleiben."]);
}
