//! The `dedupe` binary: parse the flags, run the core's record loop with a [`Deduper`].

use std::fs::File;
use std::io::{self, BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use dedupe::{cli::Cli, Analyzer, Comparison, Config, Deduper, Labels, Verdict, Why};
use korpus_core::error::report;
use korpus_core::output::{write_json, write_json_str};
use korpus_core::{run_records_at, Edits, Tool};

/// A similarity as output: three decimals.
fn score(s: f64) -> f64 {
    (s * 1000.0).round() / 1000.0
}

/// `dup_why` of `--explain`: the record matched and how, then the candidates turned down.
fn explain(buf: &mut Vec<u8>, labels: &Labels, verdict: &Verdict, checks: &[Comparison]) {
    buf.push(b'{');
    if let Verdict::Copy {
        matched,
        score: s,
        why,
        ..
    } = verdict
    {
        buf.extend_from_slice(b"\"matched\":");
        buf.extend_from_slice(labels.id(*matched).as_bytes());
        buf.extend_from_slice(b",\"score\":");
        write_json(buf, &score(*s));
        buf.extend_from_slice(b",\"reason\":");
        write_json_str(buf, why.as_str());
        buf.push(b',');
    }
    buf.extend_from_slice(b"\"rejected\":[");
    let mut first = true;
    for c in checks.iter().filter(|c| c.why != Why::Similar) {
        if !first {
            buf.push(b',');
        }
        first = false;
        buf.extend_from_slice(b"{\"id\":");
        buf.extend_from_slice(labels.id(c.with).as_bytes());
        buf.extend_from_slice(b",\"score\":");
        write_json(buf, &score(c.score));
        buf.extend_from_slice(b",\"reason\":");
        write_json_str(buf, c.why.as_str());
        buf.push(b'}');
    }
    buf.extend_from_slice(b"]}");
}

fn main() -> ExitCode {
    let mut cli = Cli::parse();
    if let Some(k) = cli.key.take() {
        cli.common.field = k;
    }
    let config = Config {
        threshold: cli.threshold,
        doc_threshold: cli.doc_threshold,
        exact: cli.exact,
        guards: !cli.no_guard,
    };
    let (mark, explaining) = (cli.mark || cli.explain, cli.explain);
    let mut analyzer = Analyzer::new();
    let (mut dedupe, mut labels) = match &cli.index {
        Some(path) if path.exists() => match load(path, config) {
            Ok(state) => state,
            Err(e) => {
                report("dedupe", format_args!("{}: {e}", path.display()));
                return ExitCode::from(2);
            }
        },
        _ => (Deduper::new(config), Labels::new()),
    };
    let mut edits = Edits::new();
    let mut place = String::new();
    let mut checks: Vec<Comparison> = Vec::new();
    let tool = Tool {
        name: "dedupe",
        args: &cli.common,
    };
    let status = run_records_at(&tool, |rec, at, out| {
        let text = rec.str_field(&tool.args.field)?;
        let f = analyzer.features(&text, config.exact);
        if explaining {
            checks.clear();
            checks.extend(
                dedupe
                    .candidates(&f)
                    .into_iter()
                    .map(|c| dedupe.compare(c, &f)),
            );
        }
        let verdict = dedupe.push(&f);
        let sentence = rec.raw("sentence");
        match rec.raw("id") {
            Some(id) => labels.push(id, sentence),
            None => {
                // No id: the record is named by its place, as a JSON string.
                place = serde_json::Value::String(at.to_string()).to_string();
                labels.push(&place, sentence);
            }
        }
        if !mark {
            if verdict == Verdict::New {
                out.write_unchanged(rec)?;
            }
            return Ok(());
        }
        edits.clear();
        match verdict {
            Verdict::New => {
                edits.set_raw("dup_of", "null");
                if sentence.is_some() {
                    edits.set_raw("dup_of_sentence", "null");
                }
                edits.set_raw("dup_score", "null");
            }
            Verdict::Copy { of, score: s, .. } => {
                edits.set_raw("dup_of", labels.id(of));
                if sentence.is_some() {
                    edits.set_raw("dup_of_sentence", labels.sentence(of).unwrap_or("null"));
                }
                edits.set_json("dup_score", &score(s));
            }
        }
        if explaining {
            edits.set_with("dup_why", |buf| explain(buf, &labels, &verdict, &checks));
        }
        out.write_edited(rec, &edits)?;
        Ok(())
    });
    if let Some(path) = &cli.index {
        if let Err(e) = save(path, &dedupe, &labels) {
            report(
                "dedupe",
                format_args!("{}: cannot save the index: {e}", path.display()),
            );
            return ExitCode::from(2);
        }
    }
    status.exit_code()
}

fn load(path: &Path, config: Config) -> io::Result<(Deduper, Labels)> {
    let mut r = BufReader::with_capacity(1 << 20, File::open(path)?);
    Deduper::load(config, &mut r)
}

/// Saves beside the file and renames over it: a run that dies leaves the old index whole.
fn save(path: &Path, dedupe: &Deduper, labels: &Labels) -> io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    let mut w = BufWriter::with_capacity(1 << 20, File::create(&tmp)?);
    dedupe.save(labels, &mut w)?;
    w.into_inner().map_err(|e| e.into_error())?.sync_all()?;
    std::fs::rename(&tmp, path)
}
