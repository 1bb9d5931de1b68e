//! The `normalize` binary as a user runs it: records in and out, the contract's messages and
//! exit codes for bad input, plain-text files with --raw, a closed pipe.

use assert_cmd::Command;
use korpus::{scratch_dir, threads_agree};
use predicates::prelude::*;

fn normalize() -> Command {
    Command::cargo_bin("normalize").expect("the normalize binary is built")
}

#[test]
fn repairs_text_and_keeps_other_fields_in_order() {
    normalize()
        .write_stdin("{\"id\":\"a\",\"text\":\"F\u{c3}\u{bc}r  alle\\r\\n\",\"outlet\":{\"n\":1},\"z\":[1]}\n")
        .assert()
        .success()
        .stdout("{\"id\":\"a\",\"text\":\"Für alle\",\"outlet\":{\"n\":1},\"z\":[1]}\n")
        .stderr("");
}

#[test]
fn clean_records_pass_byte_for_byte() {
    let input = "{ \"text\" : \"Schon sauber \\u00e9\", \"n\": 1.50 }\n{\"text\":\"\"}\n";
    normalize()
        .write_stdin(input)
        .assert()
        .success()
        .stdout(input);
}

#[test]
fn bad_lines_are_reported_with_file_and_line_and_the_stream_goes_on() {
    let input = concat!(
        "{\"text\":\"eins\"}\n",
        "not json\n",
        "\n",
        "{\"text\":\"a\\ud800b\"}\n",
        "{\"text\":5}\n",
        "{\"body\":\"x\"}\n",
        "[1,2]\n",
        "{\"text\":\"zwei\"}\n",
    );
    let mut bytes = input.as_bytes().to_vec();
    bytes.extend_from_slice(b"{\"text\":\"\xff\xfe\"}\n{\"text\":\"drei\"}\n");
    normalize()
        .write_stdin(bytes)
        .assert()
        .code(1)
        .stdout("{\"text\":\"eins\"}\n{\"text\":\"zwei\"}\n{\"text\":\"drei\"}\n")
        .stderr(predicate::str::contains(
            "normalize: <stdin>:2: not valid JSON",
        ))
        .stderr(predicate::str::contains("normalize: <stdin>:3: empty line"))
        .stderr(predicate::str::contains(
            "normalize: <stdin>:4: field \"text\":",
        ))
        .stderr(predicate::str::contains(
            "normalize: <stdin>:5: field \"text\" is a number, not a string",
        ))
        .stderr(predicate::str::contains(
            "normalize: <stdin>:6: no \"text\" field",
        ))
        .stderr(predicate::str::contains(
            "normalize: <stdin>:7: not a JSON object",
        ))
        .stderr(predicate::str::contains(
            "normalize: <stdin>:9: invalid UTF-8",
        ));
}

#[test]
fn strict_stops_at_the_first_bad_line() {
    normalize()
        .arg("--strict")
        .write_stdin("{\"text\":\"a\"}\nbad\n{\"text\":\"b\"}\n")
        .assert()
        .code(1)
        .stdout("{\"text\":\"a\"}\n")
        .stderr(predicate::str::contains("<stdin>:2:"));
}

#[test]
fn field_picks_another_string_field() {
    normalize()
        .args(["--field", "body"])
        .write_stdin("{\"text\":\"a  b\",\"body\":\"c  d\"}\n")
        .assert()
        .success()
        .stdout("{\"text\":\"a  b\",\"body\":\"c d\"}\n");
}

#[test]
fn a_missing_file_is_exit_2_and_the_other_files_still_run() {
    let dir = scratch_dir("normalize");
    let good = dir.join("good.jsonl");
    std::fs::write(&good, "{\"text\":\"x \"}\n").unwrap();
    normalize()
        .arg(dir.join("missing.jsonl"))
        .arg(&good)
        .assert()
        .code(2)
        .stdout("{\"text\":\"x\"}\n")
        .stderr(predicate::str::contains("missing.jsonl: no such file"));
}

#[test]
fn a_bad_flag_is_exit_2() {
    normalize().arg("--no-such-flag").assert().code(2);
}

#[test]
fn help_shows_examples() {
    normalize()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:"))
        .stdout(predicate::str::contains("normalize --raw"));
}

#[test]
fn raw_wraps_files_and_reads_non_utf8_as_windows_1252() {
    let dir = scratch_dir("normalize");
    let utf8 = dir.join("a.txt");
    let latin = dir.join("b.txt");
    std::fs::write(&utf8, "Titel\r\n\r\nGr\u{fc}\u{df}e\u{ad}n \n").unwrap();
    std::fs::write(&latin, b"\x84Caf\xe9\x93 \x96 ok").unwrap();
    let a = utf8.display().to_string();
    let b = latin.display().to_string();
    normalize()
        .arg("--raw")
        .args([&a, &b])
        .assert()
        .success()
        .stdout(format!(
            "{{\"id\":\"{a}\",\"text\":\"Titel\\n\\nGrüßen\"}}\n{{\"id\":\"{b}\",\"text\":\"„Café“ – ok\"}}\n"
        ))
        .stderr(predicate::str::contains(format!(
            "normalize: warning: {b}: not valid UTF-8 (byte 1), read as Windows-1252"
        )));
}

#[test]
fn quiet_silences_warnings() {
    let dir = scratch_dir("normalize");
    let latin = dir.join("c.txt");
    std::fs::write(&latin, b"caf\xe9").unwrap();
    normalize()
        .args(["--raw", "-q"])
        .arg(&latin)
        .assert()
        .success()
        .stderr("");
}

#[test]
fn a_closed_pipe_is_a_quiet_success() {
    let out = korpus::closed_pipe(
        "normalize",
        "{\"text\":\"Ein  Satz mit  Raum.\"}\n".repeat(200_000),
    );
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_50_mb_text_is_one_record() {
    let text = "Über  den Fluss.\u{a0}".repeat(50_000_000 / 20);
    let line = serde_json::json!({"id": "big", "text": text}).to_string() + "\n";
    let out = normalize()
        .write_stdin(line)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let rec: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let got = rec["text"].as_str().unwrap();
    assert!(got.starts_with("Über den Fluss. Über"));
    assert!(!got.contains('\u{a0}') && !got.contains("  "));
}

#[test]
fn progress_can_be_forced_and_ends_with_a_count() {
    normalize()
        .arg("--progress")
        .write_stdin("{\"text\":\"a\"}\n{\"text\":\"b\"}\n")
        .assert()
        .success()
        .stderr(predicate::str::contains("normalize: 2 records"));
}

#[test]
fn the_optional_steps_from_the_command_line() {
    normalize()
        .args(["--fold", "--dehyphenate", "--nfkc", "--drop-boilerplate"])
        .write_stdin("{\"text\":\"„Nord-\\nkorea“ ﬁnal\\nGo up\\n\"}\n")
        .assert()
        .success()
        .stdout("{\"text\":\"\\\"Nordkorea\\\" final\"}\n");
}

#[test]
fn threads_give_the_same_output_messages_and_status() {
    let mut input = String::new();
    for i in 0..3000 {
        if i % 997 == 5 {
            input.push_str("{\"id\":1,\"text\":\n");
        }
        // every third record is clean and passes byte for byte, the others are repaired
        let text = if i % 3 == 0 {
            "sauber"
        } else {
            "F\\u00c3\\u00bcr  alle"
        };
        input.push_str(&format!("{{\"id\":{i},\"text\":\"{text}\"}}\n"));
    }
    let one = threads_agree("normalize", &input);
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&one.stderr).lines().count(), 4);
    let out = String::from_utf8_lossy(&one.stdout);
    assert_eq!(out.matches("\"Für alle\"").count(), 2000);
}

#[test]
fn raw_documents_take_their_fields_from_a_meta_file() {
    let dir = scratch_dir("normalize-meta");
    std::fs::write(dir.join("a.txt"), "Erster  Text\n").unwrap();
    std::fs::write(dir.join("b.txt"), "Zweiter Text\n").unwrap();
    let meta = dir.join("meta.jsonl");
    std::fs::write(
        &meta,
        "{\"file\":\"a.txt\",\"outlet\":\"Kurier\",\"date\":\"2024-11-04\",\"id\":\"x\"}\n",
    )
    .unwrap();
    let a = dir.join("a.txt");
    normalize()
        .args(["--raw", "--meta"])
        .arg(&meta)
        .arg(&a)
        .arg(dir.join("b.txt"))
        .assert()
        .success()
        .stdout(format!(
            "{{\"id\":\"{}\",\"outlet\":\"Kurier\",\"date\":\"2024-11-04\",\"text\":\"Erster Text\"}}\n\
             {{\"id\":\"{}\",\"text\":\"Zweiter Text\"}}\n",
            a.display(),
            dir.join("b.txt").display()
        ))
        .stderr(predicate::str::contains("b.txt: no line for it in the --meta file"));
    // a bad metadata file is named with its line, and nothing is written
    std::fs::write(&meta, "{\"file\":\"a.txt\"}\n{\"outlet\":1}\n").unwrap();
    normalize()
        .args(["--raw", "--meta"])
        .arg(&meta)
        .arg(&a)
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("meta.jsonl: line 2: no \"file\""));
    // --meta is for --raw
    normalize()
        .arg("--meta")
        .arg(&meta)
        .write_stdin("{\"text\":\"x\"}\n")
        .assert()
        .code(2);
}
