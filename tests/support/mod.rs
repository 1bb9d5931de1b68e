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
pub const FILTERS: &[&str] = &["normalize", "sentences", "numbers"];

/// Runs a shell pipeline with the built filters first on PATH, from the workspace root.
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
        .env("LC_ALL", "C")
        .output()
        .expect("sh runs")
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
