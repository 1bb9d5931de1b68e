//! Helpers for the pipeline tests: find the workspace's built binaries and run a shell
//! pipeline of them on the demo corpus.

use std::path::PathBuf;
use std::process::{Command, Output};

/// The workspace root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The directory the test binaries were built into (target/debug or target/release), where
/// `cargo test --workspace` also puts every filter binary.
pub fn bin_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test knows its own path");
    let deps = exe.parent().expect("test binaries live in target/*/deps");
    deps.parent().expect("deps has a parent").to_path_buf()
}

/// The filters the pipelines may call; each must be built.
pub const FILTERS: &[&str] = &["normalize", "sentences", "numbers", "quotes", "dedupe"];

/// Runs a shell pipeline with the built filters first on PATH (and in KORPUS_BIN, for the
/// examples' scripts), from the workspace root.
/// Panics with a clear message when a filter has not been built.
pub fn pipeline(script: &str) -> Output {
    let bins = bin_dir();
    for filter in FILTERS {
        assert!(
            bins.join(filter).exists(),
            "{filter} is not built in {}: run `cargo test --workspace` (or `make test`)",
            bins.display()
        );
    }
    let path = format!(
        "{}:{}",
        bins.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    Command::new("sh")
        .arg("-c")
        .arg(format!("set -e; {script}"))
        .current_dir(root())
        .env("PATH", path)
        .env("KORPUS_BIN", &bins)
        .env("LC_ALL", "C")
        .output()
        .expect("sh runs")
}

/// Runs a shell pipeline as [`pipeline`] does, and fails the test with the pipeline's
/// standard error when it does not succeed.
#[track_caller]
pub fn pipeline_ok(script: &str) -> Output {
    let out = pipeline(script);
    assert!(
        out.status.success(),
        "{script}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The records of a JSON Lines file of the workspace (a labelled set).
pub fn read_jsonl(file: &str) -> Vec<serde_json::Value> {
    std::fs::read_to_string(root().join(file))
        .unwrap_or_else(|e| panic!("{file}: {e}"))
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{file}: {e}: {l}")))
        .collect()
}

/// Output lines parsed as JSON records.
pub fn records(out: &Output) -> Vec<serde_json::Map<String, serde_json::Value>> {
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| match serde_json::from_str(l) {
            Ok(serde_json::Value::Object(m)) => m,
            other => panic!("not a JSON object line: {l:?} ({other:?})"),
        })
        .collect()
}

/// What an annotation's `start`/`end` slice out of `text`, counting code points as the contract
/// does (Python's `text[start:end]`).
pub fn slice_of(text: &str, annotation: &serde_json::Value) -> String {
    let at = |key: &str| {
        annotation[key]
            .as_u64()
            .unwrap_or_else(|| panic!("{key} is a number: {annotation}")) as usize
    };
    let (start, end) = (at("start"), at("end"));
    text.chars()
        .skip(start)
        .take(end.saturating_sub(start))
        .collect()
}

/// Starts a built filter with `args`, its three streams piped.
fn spawn(filter: &str, args: &[&str]) -> std::process::Child {
    use std::process::Stdio;
    Command::new(bin_dir().join(filter))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| panic!("{filter} runs: {e}"))
}

/// Runs a built filter on `input` and closes its output after the first bytes, as `| head`
/// does; returns how it ended.
pub fn closed_pipe(filter: &str, input: String) -> Output {
    closed_pipe_with(filter, &[], input)
}

/// [`closed_pipe`] with `args`.
pub fn closed_pipe_with(filter: &str, args: &[&str], input: String) -> Output {
    use std::io::{Read, Write};
    let mut child = spawn(filter, args);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(input.as_bytes());
    });
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let mut first = [0u8; 16];
    stdout
        .read_exact(&mut first)
        .expect("the filter writes something");
    drop(stdout);
    let out = child.wait_with_output().expect("the filter ends");
    writer.join().expect("the writer thread ends");
    out
}

/// Runs a built filter with `args` on `input` (fed from another thread, so that a large input
/// cannot block on a full pipe) and returns how it ended.
pub fn run_filter(filter: &str, args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = spawn(filter, args);
    let mut stdin = child.stdin.take().expect("stdin is piped");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().expect("the filter ends");
    // A filter may end before it has read everything (`--strict` at a bad line): the
    // writer then meets a closed pipe, which is no failure of the test.
    match writer.join().expect("the writer thread ends") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            panic!("the filter does not read its input: {e}")
        }
        _ => out,
    }
}

/// Runs a built filter with `args` on one record and returns the one record it writes,
/// failing the test unless the filter succeeds.
pub fn run_one(
    filter: &str,
    args: &[&str],
    record: &serde_json::Value,
) -> serde_json::Map<String, serde_json::Value> {
    let out = run_filter(filter, args, (record.to_string() + "\n").as_bytes());
    assert!(
        out.status.success(),
        "{filter}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let mut recs = records(&out);
    assert_eq!(recs.len(), 1, "{filter} writes one record");
    recs.remove(0)
}

/// A new, empty directory for a test's files, named after `tag` and unique to this run.
pub fn scratch_dir(tag: &str) -> PathBuf {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let dir = std::env::temp_dir().join(format!("korpus-{tag}-{}-{nanos}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("the temporary directory is writable");
    dir
}

/// Hostile input: a built filter finishes each text, one record each, with success and
/// within 20 seconds (time linear in the input, no panic).
pub fn finishes_in_time(filter: &str, texts: impl IntoIterator<Item = String>) {
    for text in texts {
        let start = std::time::Instant::now();
        run_one(filter, &[], &serde_json::json!({ "text": text }));
        assert!(
            start.elapsed().as_secs() < 20,
            "{filter} took {:?} on {} bytes",
            start.elapsed(),
            text.len()
        );
    }
}

/// `input` with a first field of 2 KB in each record (a line that opens an object with a field),
/// which a filter passes through: a few thousand records then make many chunks (of at most
/// 256 KiB) a thread under `--threads`, and the threads fill again what they made of earlier
/// chunks.
pub fn padded(input: &str) -> String {
    let pad = format!("{{\"pad\":\"{}\",", "x".repeat(2000));
    input
        .split_inclusive('\n')
        .map(|line| match line.strip_prefix('{') {
            Some(rest) if !rest.trim_start().starts_with('}') => format!("{pad}{rest}"),
            _ => line.to_string(),
        })
        .collect()
}

/// Runs `filter` on `input` on one thread and with `--threads` 2, 3 and 0 (one per core), alone
/// and with `--strict`, and checks that every run gives the same output, messages and exit
/// status as one thread. Returns the one-thread run. The records are [`padded`].
pub fn threads_agree(filter: &str, input: &str) -> Output {
    let input = padded(input);
    let run = |args: &[&str]| run_filter(filter, args, input.as_bytes());
    let same = |a: &Output, b: &Output| {
        a.status.code() == b.status.code() && a.stdout == b.stdout && a.stderr == b.stderr
    };
    let one = run(&[]);
    for n in ["2", "3", "0"] {
        assert!(
            same(&run(&["--threads", n]), &one),
            "{filter} --threads {n} differs from one thread"
        );
    }
    assert!(
        same(&run(&["--strict", "--threads", "2"]), &run(&["--strict"])),
        "{filter} --strict --threads 2 differs from one thread"
    );
    one
}
