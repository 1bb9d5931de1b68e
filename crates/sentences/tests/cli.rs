//! The `sentences` binary as a user runs it: one record per sentence with the document's other
//! fields, code-point spans, the language choice, the contract's messages and exit codes.

use assert_cmd::Command;
use korpus::{slice_of, threads_agree};
use predicates::prelude::*;
use serde_json::Value;

fn sentences() -> Command {
    Command::cargo_bin("sentences").expect("the sentences binary is built")
}

/// What a successful run writes.
fn stdout_of(args: &[&str], input: String) -> Vec<u8> {
    sentences()
        .args(args)
        .write_stdin(input)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone()
}

fn records(out: &[u8]) -> Vec<Value> {
    out.split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| serde_json::from_slice(l).expect("every output line is JSON"))
        .collect()
}

#[test]
fn one_record_per_sentence_with_other_fields_in_order() {
    sentences()
        .write_stdin(
            "{\"id\":\"a\",\"text\":\"Es regnet. Wir bleiben.\",\"outlet\":{\"n\":1},\"lang\":\"de\"}\n",
        )
        .assert()
        .success()
        .stderr("")
        .stdout(concat!(
            "{\"id\":\"a\",\"text\":\"Es regnet.\",\"outlet\":{\"n\":1},\"lang\":\"de\",\"sentence\":0,\"start\":0,\"end\":10}\n",
            "{\"id\":\"a\",\"text\":\"Wir bleiben.\",\"outlet\":{\"n\":1},\"lang\":\"de\",\"sentence\":1,\"start\":11,\"end\":23}\n",
        ));
}

#[test]
fn spans_count_code_points_and_slice_the_document() {
    let doc = "„Größe zählt“, sagte sie.\n\nÜber 5 € – mehr nicht! 😀 Ende.";
    let line = serde_json::json!({"id": "u", "text": doc}).to_string() + "\n";
    let recs = records(&stdout_of(&[], line));
    assert_eq!(recs.len(), 3);
    for (n, r) in recs.iter().enumerate() {
        assert_eq!(r["sentence"], n);
        assert_eq!(r["text"].as_str().unwrap(), slice_of(doc, r));
    }
}

#[test]
fn lang_flag_then_lang_field_then_guess() {
    // "Co. They" ends a sentence by the English rules; German has no "They" to start one.
    let text = "The deal went to Smith & Co. They signed.";
    let en_count = |args: &[&str], line: String| records(&stdout_of(args, line)).len();
    let plain = serde_json::json!({"text": text}).to_string() + "\n";
    let tagged_de = serde_json::json!({"text": text, "lang": "de-DE"}).to_string() + "\n";
    let tagged_en = serde_json::json!({"text": text, "lang": "en"}).to_string() + "\n";
    assert_eq!(en_count(&[], plain.clone()), 2, "guessed English");
    assert_eq!(en_count(&["--lang", "de"], plain), 1, "the flag wins");
    assert_eq!(en_count(&[], tagged_de.clone()), 1, "the field decides");
    assert_eq!(
        en_count(&["--lang", "en"], tagged_de),
        2,
        "the flag beats the field"
    );
    assert_eq!(en_count(&[], tagged_en), 2);
}

#[test]
fn field_picks_another_string_field() {
    sentences()
        .args(["--field", "body"])
        .write_stdin("{\"text\":\"bleibt.\",\"body\":\"Eins. Zwei.\"}\n")
        .assert()
        .success()
        .stdout(concat!(
            "{\"text\":\"bleibt.\",\"body\":\"Eins.\",\"sentence\":0,\"start\":0,\"end\":5}\n",
            "{\"text\":\"bleibt.\",\"body\":\"Zwei.\",\"sentence\":1,\"start\":6,\"end\":11}\n",
        ));
}

#[test]
fn an_empty_text_writes_nothing_and_is_no_error() {
    sentences()
        .write_stdin("{\"id\":\"e\",\"text\":\"  \\n \"}\n{\"id\":\"f\",\"text\":\"Ja.\"}\n")
        .assert()
        .success()
        .stdout("{\"id\":\"f\",\"text\":\"Ja.\",\"sentence\":0,\"start\":0,\"end\":3}\n");
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_the_stream_goes_on() {
    let mut input = b"{\"text\":\"Eins.\"}\nnot json\n{\"text\":5}\n".to_vec();
    input.extend_from_slice(b"{\"text\":\"\xff\"}\n{\"text\":\"Zwei.\"}\n");
    sentences()
        .write_stdin(input)
        .assert()
        .code(1)
        .stdout(concat!(
            "{\"text\":\"Eins.\",\"sentence\":0,\"start\":0,\"end\":5}\n",
            "{\"text\":\"Zwei.\",\"sentence\":0,\"start\":0,\"end\":5}\n",
        ))
        .stderr(predicate::str::contains(
            "sentences: <stdin>:2: not valid JSON",
        ))
        .stderr(predicate::str::contains(
            "sentences: <stdin>:3: field \"text\" is a number, not a string",
        ))
        .stderr(predicate::str::contains("sentences: <stdin>:4:"));
}

#[test]
fn strict_stops_at_the_first_bad_line() {
    sentences()
        .arg("--strict")
        .write_stdin("{\"text\":\"Eins.\"}\n{oops\n{\"text\":\"Zwei.\"}\n")
        .assert()
        .code(1)
        .stdout("{\"text\":\"Eins.\",\"sentence\":0,\"start\":0,\"end\":5}\n");
}

#[test]
fn a_missing_file_is_exit_2_and_a_bad_flag_too() {
    sentences()
        .arg("/nonexistent/korpus.jsonl")
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "sentences: /nonexistent/korpus.jsonl:",
        ));
    sentences().args(["--lang", "fr"]).assert().code(2);
}

#[test]
fn help_shows_policy_and_examples() {
    sentences()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("z. B."))
        .stdout(predicate::str::contains("--lang"));
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    for args in [&[][..], &["--threads", "2"]] {
        let out = korpus::closed_pipe_with(
            "sentences",
            args,
            "{\"text\":\"Ein Satz. Noch einer.\"}\n".repeat(200_000),
        );
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn threads_give_the_same_output_messages_and_status() {
    let mut input = String::new();
    for i in 0..3000 {
        if i % 997 == 5 {
            input.push_str("{\"id\":1}\n");
        }
        input.push_str(&format!(
            "{{\"id\":{i},\"text\":\"Am 3. Okt. kamen {i} Gäste. Dr. Roth sprach. Danach ging es weiter.\"}}\n"
        ));
    }
    let one = threads_agree("sentences", &input);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&one.stderr).lines().count(), 4);
    assert_eq!(records(&one.stdout).len(), 3 * 3000);
}
