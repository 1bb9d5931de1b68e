//! The Spark runner (`spark/korpus_spark.py`) in local mode gives the output of the same
//! pipeline on one machine, byte for byte: umlauts intact under a POSIX locale, `dedupe` as map,
//! reduce and apply, and a failing filter fails the job instead of losing records.
//!
//! Needs a Python with pyspark and Java: `KORPUS_SPARK_PYTHON=/path/to/python`. Without it the
//! tests say so and pass, unless `KORPUS_REQUIRE_SPARK=1` (CI sets it, after installing both).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use korpus::{bin_dir, pipeline, root, scratch_dir};

fn spark_python() -> Option<String> {
    match std::env::var("KORPUS_SPARK_PYTHON") {
        Ok(p) if !p.is_empty() => Some(p),
        _ => {
            assert!(
                std::env::var("KORPUS_REQUIRE_SPARK").as_deref() != Ok("1"),
                "KORPUS_REQUIRE_SPARK=1 but KORPUS_SPARK_PYTHON names no Python with pyspark"
            );
            eprintln!("skipped: set KORPUS_SPARK_PYTHON to a Python with pyspark (and have Java)");
            None
        }
    }
}

/// Runs the runner under a POSIX locale (the trap: a JVM or a pipe in ASCII).
fn submit(python: &str, pipeline: &str, input: &Path, out: &Path, partitions: u32) -> Output {
    submit_with(python, pipeline, input, out, partitions, &[])
}

fn submit_with(
    python: &str,
    pipeline: &str,
    input: &Path,
    out: &Path,
    partitions: u32,
    options: &[&str],
) -> Output {
    Command::new(python)
        .arg(root().join("spark/korpus_spark.py"))
        .args(["--pipeline", pipeline, "--bin"])
        .arg(bin_dir())
        .args(["--partitions", &partitions.to_string()])
        .args(options)
        .arg(input)
        .arg(out)
        .env("LANG", "C")
        .env("LC_ALL", "C")
        .env_remove("LANGUAGE")
        .output()
        .expect("the Spark runner starts")
}

fn parts(out: &Path) -> Vec<u8> {
    let mut names: Vec<PathBuf> = std::fs::read_dir(out)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("part-")
        })
        .collect();
    names.sort();
    names
        .iter()
        .flat_map(|p| std::fs::read(p).unwrap())
        .collect()
}

/// The two outputs are equal; if not, the first line that differs.
fn same(spark: &str, one: &str) {
    for (n, (a, b)) in spark.lines().zip(one.lines()).enumerate() {
        assert_eq!(a, b, "line {} differs (Spark, then one machine)", n + 1);
    }
    assert_eq!(
        spark.lines().count(),
        one.lines().count(),
        "line counts differ"
    );
    assert_eq!(spark, one);
}

fn fixture(dir: &Path) -> PathBuf {
    let texts = [
        "Die Stadtwerke erhöhen die Preise um rund 12 Prozent. „Das trifft vor allem Familien“, sagte Verbraucherschützerin Jana Öztürk.",
        "Bis zu 3.000 Menschen demonstrierten am Samstag in Görlitz. Die Polizei sprach von 1.800 Teilnehmern.",
        "Die Stadtwerke erhöhen die Preise um rund 12 Prozent. „Das trifft vor allem Familien“, sagte Verbraucherschützerin Jana Öztürk. (dpx)",
        "Straßenbahnlinie 4 fährt ab Montag wieder über die Brücke am Fluß.",
        "The council approved 2.5 million euros for the harbour, the mayor said on Tuesday.",
        "Bis zu 3.000 Menschen demonstrierten am Samstag in Görlitz. Die Polizei sprach von 1.900 Teilnehmern.",
        "Ärger über Baustellen: Anwohner der Süderstraße klagen über Lärm bis 22 Uhr.",
    ];
    let mut body = String::new();
    for i in 0..60 {
        let rec = serde_json::json!({"id": format!("t{i}"), "text": texts[i % texts.len()], "outlet": "Öffentlicher Anzeiger"});
        body.push_str(&(rec.to_string() + "\n"));
    }
    let path = dir.join("in.jsonl");
    std::fs::write(&path, body).unwrap();
    path
}

#[test]
fn per_record_filters_on_spark_equal_one_machine_with_umlauts_intact() {
    let Some(python) = spark_python() else { return };
    let dir = scratch_dir("spark-filters");
    let input = fixture(&dir);
    let chain = "normalize | sentences | numbers | quotes";
    let out = submit(&python, chain, &input, &dir.join("out"), 3);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let one = pipeline(&format!("cat {} | {chain}", input.display()));
    let spark = String::from_utf8(parts(&dir.join("out"))).unwrap();
    assert!(spark.contains("\"speaker\":\"Jana Öztürk\""));
    same(&spark, &String::from_utf8(one.stdout).unwrap());
}

#[test]
fn dedupe_on_spark_equals_one_process() {
    let Some(python) = spark_python() else { return };
    let dir = scratch_dir("spark-dedupe");
    let input = fixture(&dir);
    // the reduce on the driver, and grouped by key on the cluster (also over sentences, whose
    // labels carry a sentence number)
    let runs: [(&str, &str, &[u32]); 3] = [
        ("driver", "normalize | dedupe --mark", &[1, 4]),
        ("cluster", "normalize | dedupe --mark", &[3]),
        ("cluster", "normalize | sentences | dedupe --mark", &[3]),
    ];
    for (reduce, chain, cuts) in runs {
        let one = pipeline(&format!("cat {} | {chain}", input.display()));
        let one = String::from_utf8(one.stdout).unwrap();
        for &partitions in cuts {
            let out = dir.join(format!("out-{reduce}-{}-{partitions}", chain.len()));
            let run = submit_with(
                &python,
                chain,
                &input,
                &out,
                partitions,
                &["--reduce", reduce],
            );
            assert!(
                run.status.success(),
                "{}",
                String::from_utf8_lossy(&run.stderr)
            );
            let spark = String::from_utf8(parts(&out)).unwrap();
            same(&spark, &one);
        }
        // copies found, of a copy too (a chain: exact copies of t2, which copies t0), a
        // changed figure kept apart
        let dup_of = |id: &str, of: &str| {
            one.lines().any(|l| {
                l.starts_with(&format!("{{\"id\":\"{id}\""))
                    && l.contains(&format!("\"dup_of\":\"{of}\""))
            })
        };
        assert!(dup_of("t9", "t0") || dup_of("t9", "t2"));
        assert!(one
            .lines()
            .any(|l| l.contains("1.900") && l.contains("\"dup_of\":null")));
    }
}

#[test]
fn a_failing_filter_fails_the_job() {
    let Some(python) = spark_python() else { return };
    let dir = scratch_dir("spark-failing");
    let input = dir.join("in.jsonl");
    std::fs::write(
        &input,
        "{\"text\":\"Ein Satz.\"}\nkein JSON\n{\"text\":\"Noch ein Satz.\"}\n",
    )
    .unwrap();
    // a bad line makes the first filter exit 1 mid-pipeline; its successor ends well
    let out = submit(&python, "numbers | sentences", &input, &dir.join("out"), 1);
    assert!(!out.status.success(), "the job must fail");
    assert!(!dir.join("out").join("_SUCCESS").exists());
}
