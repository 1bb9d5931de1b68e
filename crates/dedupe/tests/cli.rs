//! The `dedupe` binary as a user runs it: drop or mark, ids or places, sentence records, exact
//! mode, the saved index, the contract's messages and exit codes, hostile input.

use assert_cmd::Command;
use korpus::{closed_pipe_with, finishes_in_time, scratch_dir};
use predicates::prelude::*;
use serde_json::{json, Value};

fn dedupe() -> Command {
    Command::cargo_bin("dedupe").expect("the dedupe binary is built")
}

fn lines(records: &[Value]) -> String {
    records.iter().map(|r| r.to_string() + "\n").collect()
}

fn run(args: &[&str], input: &str) -> Vec<Value> {
    let out = dedupe().args(args).write_stdin(input).assert().success();
    String::from_utf8(out.get_output().stdout.clone())
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect()
}

const STORY: &str = "Die Regierung in Kiew hat am Dienstag neue Hilfen für die Landwirtschaft \
angekündigt. Betriebe im Osten des Landes sollen zuerst unterstützt werden.";

fn corpus() -> Vec<Value> {
    vec![
        json!({"id": "a", "text": STORY, "outlet": "Erste Zeitung"}),
        json!({"id": "b", "text": "Ein ganz anderer Bericht über das Wetter am Wochenende in Hamburg."}),
        json!({"id": "c", "text": format!("KIEW: {STORY}"), "outlet": "Zweite Zeitung"}),
        json!({"id": "d", "text": STORY.replace("Landwirtschaft", "Landwritschaft")}),
        json!({"id": "e", "text": STORY.to_uppercase()}),
        json!({"id": "f", "text": format!("{STORY} (dpa)")}),
    ]
}

#[test]
fn drops_copies_and_keeps_first_copies_unchanged() {
    let input = lines(&corpus());
    let expected = lines(&corpus()[..2]);
    dedupe()
        .write_stdin(input)
        .assert()
        .success()
        .stderr("")
        .stdout(expected);
}

#[test]
fn mark_names_the_first_copy_and_the_similarity() {
    let out = run(&["--mark"], &lines(&corpus()));
    assert_eq!(out.len(), 6);
    let of: Vec<&Value> = out.iter().map(|r| &r["dup_of"]).collect();
    assert_eq!(
        of,
        [
            &Value::Null,
            &Value::Null,
            &json!("a"),
            &json!("a"),
            &json!("a"),
            &json!("a")
        ]
    );
    assert_eq!(out[0]["dup_score"], Value::Null);
    let score = out[2]["dup_score"].as_f64().unwrap();
    assert!(score > 0.8 && score < 1.0, "{score}");
    assert_eq!(out[4]["dup_score"], 1.0);
    // an agency's credit is no part of the story
    assert_eq!(out[5]["dup_score"], 1.0);
    // unknown fields pass through, in order, before the added ones
    let keys: Vec<&String> = out[2].as_object().unwrap().keys().collect();
    assert_eq!(keys, ["id", "text", "outlet", "dup_of", "dup_score"]);
}

/// Records numbered from 1, each `sentence` with its `{}` filled in by one of `fills`.
fn variants(sentence: &str, fills: &[&str]) -> String {
    let records: Vec<Value> = (1..)
        .zip(fills)
        .map(|(id, fill)| json!({"id": id, "text": sentence.replace("{}", fill)}))
        .collect();
    lines(&records)
}

#[test]
fn guards_keep_a_changed_figure_or_negation_apart() {
    let input = variants(
        "Bei dem Angriff wurden nach Angaben der Behörden {} Menschen verletzt.",
        &["12", "15", "keine"],
    );
    let guarded = run(&["--mark"], &input);
    assert!(guarded.iter().all(|r| r["dup_of"].is_null()));
    let unguarded = run(&["--mark", "--no-guard"], &input);
    assert_eq!(unguarded[1]["dup_of"], 1);
}

#[test]
fn a_count_in_words_is_a_figure_and_the_same_as_in_digits() {
    let input = variants(
        "Nach dem schweren Sturm in der Nacht waren in der Region um Kassel am Morgen noch {} \
         Dörfer ohne Strom, teilte der Netzbetreiber mit.",
        &["drei", "sieben", "3"],
    );
    let out = run(&["--explain"], &input);
    assert_eq!(out[1]["dup_of"], Value::Null);
    assert_eq!(out[1]["dup_why"]["rejected"][0]["reason"], "figures differ");
    assert_eq!(out[2]["dup_of"], 1);
}

#[test]
fn thousands_grouped_by_a_space_are_one_figure() {
    let input = variants(
        "Zur Kundgebung in Bern kamen nach Angaben der Polizei rund {} Menschen auf den Platz.",
        &["12 000", "12.000", "13.000"],
    );
    let out = run(&["--mark"], &input);
    assert_eq!(out[1]["dup_of"], 1);
    assert_eq!(out[2]["dup_of"], Value::Null);
}

#[test]
fn records_without_id_are_named_by_file_and_line() {
    let dir = scratch_dir("dedupe");
    let file = dir.join("in.jsonl");
    std::fs::write(
        &file,
        lines(&[json!({"text": STORY}), json!({"text": STORY})]),
    )
    .unwrap();
    let out = dedupe().arg("--mark").arg(&file).assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let second: Value = serde_json::from_str(text.lines().nth(1).unwrap()).unwrap();
    assert_eq!(second["dup_of"], format!("{}:1", file.display()));
}

#[test]
fn sentence_records_name_the_first_copys_sentence() {
    let input = lines(&[
        json!({"id": "x", "sentence": 0, "text": "Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten."}),
        json!({"id": "x", "sentence": 1, "text": "Der Minister trat am Abend zurück."}),
        json!({"id": "y", "sentence": 0, "text": "Der Regen hielt den ganzen Tag an."}),
        json!({"id": "y", "sentence": 1, "text": "Wir verwenden Cookies, um Ihnen ein besseres Erlebnis zu bieten."}),
    ]);
    let out = run(&["--mark"], &input);
    assert_eq!(out[3]["dup_of"], "x");
    assert_eq!(out[3]["dup_of_sentence"], 0);
    assert_eq!(out[1]["dup_of_sentence"], Value::Null);
}

#[test]
fn exact_mode_folds_form_and_nothing_else() {
    let input = lines(&[
        json!({"id": 1, "text": "„Wir bleiben“, sagte sie."}),
        json!({"id": 2, "text": "\"Wir  bleiben\" , sagte SIE"}),
        json!({"id": 3, "text": "„Wir bleiben“, sagte er."}),
        json!({"id": 4, "text": "„Wir bleiben“, sagte sie (dpa)."}),
    ]);
    let out = run(&["--exact", "--mark"], &input);
    let of: Vec<&Value> = out.iter().map(|r| &r["dup_of"]).collect();
    assert_eq!(of, [&Value::Null, &json!(1), &Value::Null, &Value::Null]);
}

#[test]
fn explain_says_what_matched_and_what_a_guard_turned_down() {
    let input = lines(&[
        json!({"id": "a", "text": "Bei dem Angriff wurden nach Angaben der Behörden 12 Menschen verletzt."}),
        json!({"id": "b", "text": "Bei dem Angriff wurden nach Angaben der Behörden 15 Menschen verletzt."}),
        json!({"id": "c", "text": "Bei dem Angriff wurden nach Angaben der Behörden 12 Menschen verletzt (dpa)."}),
    ]);
    let out = run(&["--explain"], &input);
    assert_eq!(out[1]["dup_why"]["rejected"][0]["id"], "a");
    assert_eq!(out[1]["dup_why"]["rejected"][0]["reason"], "figures differ");
    assert_eq!(out[2]["dup_why"]["matched"], "a");
    assert_eq!(out[2]["dup_why"]["reason"], "similar");
}

#[test]
fn an_index_carries_what_was_seen_into_the_next_run() {
    let dir = scratch_dir("dedupe");
    let index = dir.join("seen.idx");
    let all = corpus();
    let one = run(&["--mark"], &lines(&all));
    let idx = index.to_str().unwrap();
    let mut two = run(&["--mark", "--index", idx], &lines(&all[..2]));
    two.extend(run(&["--mark", "--index", idx], &lines(&all[2..])));
    assert_eq!(one, two);
    // a damaged index is refused with a message, not half-read
    let bytes = std::fs::read(&index).unwrap();
    std::fs::write(&index, &bytes[..bytes.len() / 2]).unwrap();
    dedupe()
        .args(["--index", idx])
        .write_stdin(lines(&all))
        .assert()
        .code(2)
        .stdout("")
        .stderr(predicate::str::contains("seen.idx").and(predicate::str::contains("index")));
    std::fs::write(&index, b"not an index at all").unwrap();
    dedupe()
        .args(["--index", idx])
        .write_stdin(lines(&all))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a dedupe index"));
}

#[test]
fn bad_lines_are_reported_and_the_stream_goes_on() {
    dedupe()
        .write_stdin("{\"text\":\"Eins.\"}\nnot json\n{\"id\":5}\n{\"text\":\"Zwei.\"}\n")
        .assert()
        .code(1)
        .stdout("{\"text\":\"Eins.\"}\n{\"text\":\"Zwei.\"}\n")
        .stderr(
            predicate::str::contains("dedupe: <stdin>:2: not valid JSON").and(
                predicate::str::contains("dedupe: <stdin>:3: no \"text\" field"),
            ),
        );
}

#[test]
fn key_compares_another_field() {
    let input = lines(&[
        json!({"id": 1, "text": "eins", "title": "Scholz in Kiew eingetroffen"}),
        json!({"id": 2, "text": "zwei", "title": "Scholz in Kiew eingetroffen"}),
    ]);
    assert_eq!(run(&["--key", "title"], &input).len(), 1);
    assert_eq!(run(&[], &input).len(), 2);
}

#[test]
fn a_threshold_outside_zero_to_one_is_refused() {
    dedupe()
        .args(["--threshold", "1.5"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("not a similarity from 0 to 1"));
}

#[test]
fn a_closed_output_is_a_quiet_end() {
    let input: String = (0..20_000)
        .map(|i| {
            json!({"id": i, "text": format!("Meldung Nummer {i} über etwas ganz anderes")})
                .to_string()
                + "\n"
        })
        .collect();
    for args in [&[][..], &["--threads", "2"]] {
        let out = closed_pipe_with("dedupe", args, input.clone());
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
    }
}

#[test]
fn hostile_input_ends_in_time() {
    finishes_in_time(
        "dedupe",
        [
            "9".repeat(100_000),
            ".".repeat(100_000),
            "a".repeat(200_000),
            "„".repeat(50_000),
            "Wort ".repeat(40_000),
        ],
    );
}

#[test]
fn help_shows_examples() {
    dedupe()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("Examples:").and(predicate::str::contains("--mark")));
}

#[test]
fn one_process_options_are_refused_in_a_sharded_run() {
    for extra in [["--threads", "2"], ["--index", "x.idx"]] {
        let mut args = vec!["--signatures"];
        args.extend_from_slice(&extra);
        dedupe()
            .args(&args)
            .write_stdin("{\"text\":\"Eins.\"}\n")
            .assert()
            .code(2)
            .stdout("")
            .stderr(predicate::str::contains(
                "for one process, not for a sharded run",
            ));
    }
}
