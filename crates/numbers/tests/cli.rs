//! The `numbers` binary as a user runs it: a `numbers` list added to each record, code-point
//! offsets, the contract's messages and exit codes, hostile input.

use assert_cmd::Command;
use korpus::{finishes_in_time, run_one, slice_of, threads_agree};
use predicates::prelude::*;

fn numbers() -> Command {
    Command::cargo_bin("numbers").expect("the numbers binary is built")
}

#[test]
fn adds_the_figures_at_the_end_and_keeps_other_fields() {
    numbers()
        .write_stdin("{\"id\":\"a\",\"text\":\"Rund 300 Gäste.\",\"outlet\":{\"n\":1}}\n")
        .assert()
        .success()
        .stderr("")
        .stdout(concat!(
            "{\"id\":\"a\",\"text\":\"Rund 300 Gäste.\",\"outlet\":{\"n\":1},\"numbers\":[",
            "{\"text\":\"300\",\"value\":300,\"kind\":\"cardinal\",\"unit\":\"Gäste\",",
            "\"qualifier\":\"rund\",\"start\":5,\"end\":8}]}\n"
        ));
}

#[test]
fn offsets_slice_the_text_in_code_points() {
    let text = "Über 5 € – „fast 1,5 Millionen Zuschauer“ 😀 und 40 000 Fans.";
    let rec = run_one("numbers", &[], &serde_json::json!({ "text": text }));
    let figures = rec["numbers"].as_array().unwrap();
    assert_eq!(figures.len(), 3);
    for f in figures {
        assert_eq!(f["text"].as_str().unwrap(), slice_of(text, f));
    }
    assert_eq!(figures[1]["value"], 1_500_000);
    assert_eq!(figures[1]["qualifier"], "fast");
}

#[test]
fn a_text_without_figures_gets_an_empty_list() {
    numbers()
        .write_stdin("{\"text\":\"Nichts zu zählen.\"}\n")
        .assert()
        .success()
        .stdout("{\"text\":\"Nichts zu zählen.\",\"numbers\":[]}\n");
}

#[test]
fn bad_lines_are_reported_and_the_stream_goes_on() {
    numbers()
        .write_stdin("{\"text\":\"1 Satz.\"}\nnot json\n{\"text\":\"2 Sätze.\"}\n")
        .assert()
        .code(1)
        .stdout(
            predicate::str::contains("\"value\":1").and(predicate::str::contains("\"value\":2")),
        )
        .stderr(predicate::str::contains(
            "numbers: <stdin>:2: not valid JSON",
        ));
}

#[test]
fn a_bad_flag_is_exit_2_and_help_has_examples() {
    numbers().args(["--lang", "xx"]).assert().code(2);
    numbers()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("qualifier")));
}

/// Hostile input finishes, without a panic, in time linear in its size.
#[test]
fn hostile_input() {
    let digits = "7".repeat(100_000);
    let dots = ".".repeat(10_000);
    let dotted = "1.".repeat(10_000);
    let words = "zwei drei tausend hundert Millionen eins ".repeat(5_000);
    let glued = "zweihundertdreiundzwanzigtausend".repeat(3_000);
    finishes_in_time("numbers", [digits, dots, dotted, words, glued]);
}

#[test]
fn threads_give_the_same_output_messages_and_status() {
    let mut input = String::new();
    for i in 0..3000 {
        if i % 997 == 5 {
            input.push_str("kein JSON\n");
        } else {
            input.push_str(&format!(
                "{{\"id\":{i},\"text\":\"Rund {i} Menschen kamen, bis zu {} Euro.\"}}\n",
                i * 7
            ));
        }
    }
    let one = threads_agree("numbers", &input);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&one.stderr).lines().count(), 4);
    assert!(String::from_utf8_lossy(&one.stdout).contains("\"qualifier\":\"bis zu\""));
}
