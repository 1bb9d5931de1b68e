//! `dedupe --mark` on the held-out sets of `tests/heldout/` (sentences and articles of our own,
//! with the copies and the look-alikes news has; see its DEDUPE.md), scored by pairs as the
//! bench's `score.py` scores: two records are a predicted pair when they are in one group
//! (the same `dup_of`, or one the other's), a gold pair when they share a `cluster`. Besides the
//! pair F1, no look-alike (`neg:*`) may join a group, and every copy must find its group.

use std::collections::HashMap;

use korpus::{pipeline_ok, read_jsonl, records};
use serde_json::Value;

#[derive(Debug, Default)]
struct Score {
    gold_pairs: usize,
    predicted_pairs: usize,
    shared_pairs: usize,
    /// Per edit: records, and those put in the wrong group (a look-alike merged, a copy not
    /// joined to its own).
    by_edit: HashMap<String, (usize, usize)>,
}

impl Score {
    fn precision(&self) -> f64 {
        self.shared_pairs as f64 / self.predicted_pairs.max(1) as f64
    }

    fn recall(&self) -> f64 {
        self.shared_pairs as f64 / self.gold_pairs.max(1) as f64
    }

    fn f1(&self) -> f64 {
        2.0 * self.shared_pairs as f64 / (self.gold_pairs + self.predicted_pairs).max(1) as f64
    }

    fn wrong(&self, edit: &str) -> usize {
        self.by_edit.get(edit).map_or(0, |&(_, wrong)| wrong)
    }

    /// Asserts that no record of `edits` is in the wrong group (`what`: a look-alike merged,
    /// a copy missed).
    fn none_wrong(&self, file: &str, edits: &[&str], what: &str) {
        for edit in edits {
            assert_eq!(self.wrong(edit), 0, "{file}: {edit} {what}: {self:?}");
        }
    }
}

fn score(file: &str) -> Score {
    let gold = read_jsonl(file);
    let predicted = records(&pipeline_ok(&format!("dedupe --mark {file}")));
    assert_eq!(predicted.len(), gold.len(), "--mark keeps every record");
    let str_of = |v: &Value, k: &str| v[k].as_str().expect("a string field").to_string();
    let clusters: Vec<String> = gold.iter().map(|g| str_of(g, "cluster")).collect();
    let groups: Vec<String> = gold
        .iter()
        .zip(&predicted)
        .map(|(g, p)| {
            assert_eq!(g["id"], p["id"], "records come out in their order");
            p.get("dup_of")
                .and_then(Value::as_str)
                .map_or_else(|| str_of(g, "id"), str::to_string)
        })
        .collect();
    let mut s = Score::default();
    for i in 0..gold.len() {
        for j in i + 1..gold.len() {
            let (same_gold, same_group) = (clusters[i] == clusters[j], groups[i] == groups[j]);
            s.gold_pairs += usize::from(same_gold);
            s.predicted_pairs += usize::from(same_group);
            s.shared_pairs += usize::from(same_gold && same_group);
        }
    }
    // The group of a cluster's first record (its "orig"), which each copy must join.
    let mut first_group: HashMap<&str, &str> = HashMap::new();
    for (c, g) in clusters.iter().zip(&groups) {
        first_group.entry(c).or_insert(g);
    }
    // Per group, its clusters: more than one is a false merge.
    let mut mixed: HashMap<&str, Vec<&str>> = HashMap::new();
    for (c, g) in clusters.iter().zip(&groups) {
        let v = mixed.entry(g).or_default();
        if !v.contains(&c.as_str()) {
            v.push(c);
        }
    }
    for (i, g) in gold.iter().enumerate() {
        let edit = str_of(g, "edit");
        let wrong = if edit.starts_with("neg:") || edit == "orig" {
            // in a group with records of another cluster
            mixed[groups[i].as_str()].len() > 1
        } else {
            groups[i] != first_group[clusters[i].as_str()]
        };
        let e = s.by_edit.entry(edit).or_default();
        e.0 += 1;
        e.1 += usize::from(wrong);
    }
    let mut edits: Vec<_> = s.by_edit.iter().collect();
    edits.sort();
    eprintln!(
        "{file}: pair P {:.3} R {:.3} F1 {:.3}; wrong by edit {edits:?}",
        s.precision(),
        s.recall(),
        s.f1()
    );
    s
}

/// The copies a sentence set holds, each of which must find its group.
const SENTENCE_COPIES: &[&str] = &[
    "credit",
    "typo",
    "case",
    "ocr",
    "space",
    "softhyphen",
    "punct",
    "quotes",
    "ss",
    "nfd",
    "html",
    "exact",
];

fn sentences_hold(file: &str, least_f1: f64) {
    let s = score(file);
    s.none_wrong(
        file,
        &["neg:figure", "neg:negation", "neg:name", "neg:framing"],
        "merged",
    );
    s.none_wrong(file, SENTENCE_COPIES, "copy missed");
    assert!(s.recall() >= 0.99 && s.f1() >= least_f1, "{file}: {s:?}");
}

fn articles_hold(file: &str) {
    let s = score(file);
    s.none_wrong(
        file,
        &[
            "neg:boilerplate",
            "neg:same_lead",
            "neg:teaser",
            "neg:update",
            "neg:same_topic",
        ],
        "merged",
    );
    assert!(s.precision() >= 0.99 && s.recall() >= 0.99, "{file}: {s:?}");
}

// (the floors: each set's figures, a little under)

#[test]
fn held_out_sentences_keep_their_figures_negations_and_names_apart() {
    sentences_hold("tests/heldout/dedupe_sentences.jsonl", 0.995);
}

#[test]
fn held_out_articles_keep_other_stories_with_the_same_footer_apart() {
    articles_hold("tests/heldout/dedupe_articles.jsonl");
}

#[test]
fn second_held_out_sentences_too() {
    sentences_hold("tests/heldout/dedupe2_sentences.jsonl", 0.995);
}

#[test]
fn second_held_out_articles_too() {
    articles_hold("tests/heldout/dedupe2_articles.jsonl");
}

/// The third set, with its own labels: every copy found but one (two OCR errors in a short
/// sentence), no look-alike merged (a role swap of two clubs and "1:1" / "torlos" were, until
/// names' order and words for a figure were guards); of the articles no look-alike merged, and
/// only copies that lost a site block half their size missed (see DEDUPE3.md).
#[test]
fn third_held_out_sentences_too() {
    let file = "tests/heldout/dedupe3_sentences.jsonl";
    let s = score(file);
    let (mut copies_missed, mut merged) = (0, 0);
    for (edit, &(_, wrong)) in &s.by_edit {
        if edit.starts_with("neg:") {
            let guarded = ["number", "negation", "name"]
                .iter()
                .any(|g| edit.contains(g));
            assert!(!guarded || wrong == 0, "{file}: {edit} merged: {s:?}");
            merged += wrong;
        } else if edit != "orig" {
            // (an orig is wrong when a look-alike joined it: counted as that)
            copies_missed += wrong;
        }
    }
    s.none_wrong(
        file,
        &[
            "neg:date",
            "neg:percent",
            "neg:amount",
            "neg:direction",
            "neg:question",
            "neg:role_swap",
            "neg:score",
        ],
        "merged",
    );
    assert!(copies_missed <= 1 && merged == 0, "{file}: {s:?}");
    assert!(s.f1() >= 0.98, "{file}: {s:?}");
}

#[test]
fn third_held_out_articles_too() {
    let file = "tests/heldout/dedupe3_articles.jsonl";
    let s = score(file);
    for (edit, &(_, wrong)) in &s.by_edit {
        if edit.starts_with("neg:") {
            assert_eq!(wrong, 0, "{file}: {edit} merged: {s:?}");
        } else if !edit.contains("footer_removed") {
            assert_eq!(wrong, 0, "{file}: a {edit} copy missed: {s:?}");
        }
    }
    assert!(s.precision() >= 0.99 && s.recall() >= 0.9, "{file}: {s:?}");
}

/// The fourth set, with its own labels (see DEDUPE4.md), scored unseen at sentences P 1.000 R
/// 0.844 and articles P 0.710 R 1.000. Of the sentences, no look-alike is merged and every copy
/// is found but those with two or more typing or OCR errors in a short line (a slip is one;
/// two cost a headline of five words most of its 5-grams), a few with errors of two kinds.
#[test]
fn fourth_held_out_sentences_too() {
    let file = "tests/heldout/dedupe4_sentences.jsonl";
    let s = score(file);
    let mut copies_missed = 0;
    for (edit, &(_, wrong)) in &s.by_edit {
        if edit.starts_with("neg:") {
            assert_eq!(wrong, 0, "{file}: {edit} merged: {s:?}");
        } else if edit.contains("typo") || edit.contains("ocr") {
            copies_missed += wrong;
        } else if !matches!(edit.as_str(), "orig" | "single") {
            assert_eq!(wrong, 0, "{file}: a {edit} copy missed: {s:?}");
        }
    }
    assert!(copies_missed <= 14, "{file}: {s:?}");
    assert!(s.precision() >= 0.99 && s.f1() >= 0.93, "{file}: {s:?}");
}

/// Of the articles every copy is found; the look-alikes that differ in a number word, a day,
/// a score or a currency are told apart, those that differ only in a name, a place, a negation
/// or "bestätigt" / "dementiert" are not (a document's names and negations change with a
/// byline, a paragraph or OCR; they are compared in statements only).
#[test]
fn fourth_held_out_articles_too() {
    let file = "tests/heldout/dedupe4_articles.jsonl";
    let s = score(file);
    for (edit, &(_, wrong)) in &s.by_edit {
        if !edit.starts_with("neg:") && !matches!(edit.as_str(), "orig" | "single") {
            assert_eq!(wrong, 0, "{file}: a {edit} copy missed: {s:?}");
        }
    }
    s.none_wrong(
        file,
        &[
            "neg:number",
            "neg:date",
            "neg:unit",
            "neg:template",
            "neg:teaser",
            "neg:update",
            "neg:boilerplate",
            "neg:same_lead",
        ],
        "merged",
    );
    assert!(s.recall() >= 0.99 && s.precision() >= 0.84, "{file}: {s:?}");
}
