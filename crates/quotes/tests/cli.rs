//! The `quotes` binary as a user runs it: a `quotes` list added to each record, code-point
//! offsets, --all, the contract's messages and exit codes, hostile input.

use assert_cmd::Command;
use korpus::{finishes_in_time, run_one, slice_of, threads_agree};
use predicates::prelude::*;
use serde_json::Value;

fn quotes() -> Command {
    Command::cargo_bin("quotes").expect("the quotes binary is built")
}

fn run(args: &[&str], text: &str) -> Vec<Value> {
    let rec = run_one(
        "quotes",
        args,
        &serde_json::json!({"id": "a", "text": text, "lang": "de"}),
    );
    rec["quotes"].as_array().unwrap().clone()
}

#[test]
fn adds_the_quotes_at_the_end_with_speaker_cue_and_offsets() {
    let text = "Über 5 € 😀 hinaus: „Wir zahlen nicht mehr“, sagte Kassenwart Udo Brenner.";
    let q = run(&[], text);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["text"], "Wir zahlen nicht mehr");
    assert_eq!(q[0]["text"].as_str().unwrap(), slice_of(text, &q[0]));
    assert_eq!(q[0]["speaker"], "Udo Brenner");
    assert_eq!(q[0]["cue"], "sagte");
    assert!(q[0].get("kind").is_none());
}

#[test]
fn all_keeps_mentions_flagged() {
    let text = "Das Blatt „Abendpost“ zitierte sie: „Wir bleiben hier, bis alles geklärt ist.“";
    assert_eq!(run(&[], text).len(), 1);
    let all = run(&["--all"], text);
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["kind"], "mention");
    assert_eq!(all[0]["speaker"], Value::Null);
}

#[test]
fn other_fields_pass_through_in_order() {
    quotes()
        .write_stdin("{\"id\":\"x\",\"text\":\"Ohne Zitat.\",\"outlet\":\"B\"}\n")
        .assert()
        .success()
        .stderr("")
        .stdout("{\"id\":\"x\",\"text\":\"Ohne Zitat.\",\"outlet\":\"B\",\"quotes\":[]}\n");
}

#[test]
fn bad_lines_are_reported_and_the_stream_goes_on() {
    quotes()
        .write_stdin("{\"text\":\"a\"}\n{oops\n{\"text\":\"b\"}\n")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\"text\":\"b\""))
        .stderr(predicate::str::contains("quotes: <stdin>:2:"));
}

#[test]
fn a_bad_flag_is_exit_2_and_help_has_examples() {
    quotes().arg("--nope").assert().code(2);
    quotes()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("speaker")));
}

/// Hostile input finishes, without a panic, in time linear in its size.
#[test]
fn hostile_input() {
    let openers = "„".repeat(100_000);
    let mixed = "„a“ ‚ » \" ' ’ ".repeat(100_000);
    let speakers = "„Ja“, sagte Anna Berg. ".repeat(10_000);
    let long = format!("„{}", "Wort ".repeat(100_000));
    finishes_in_time("quotes", [openers, mixed, speakers, long]);
}

#[test]
fn threads_give_the_same_output() {
    let mut input = String::new();
    for i in 0..2000 {
        if i % 701 == 3 {
            input.push_str("{\"id\":1,\"text\":7}\n");
        }
        input.push_str(
            &(serde_json::json!({
                "id": i,
                "text": format!("„Wir bleiben {i} Tage“, sagte Bürgermeisterin Anna Berg. Sie lachte.")
            })
            .to_string()
                + "\n"),
        );
    }
    let one = threads_agree("quotes", &input);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&one.stderr).lines().count(), 3);
    assert!(String::from_utf8_lossy(&one.stdout).contains("\"speaker\":\"Anna Berg\""));
}
