//! The `dedupe` binary: parse the flags, run the core's record loop with a [`Deduper`].

use std::fs::File;
use std::io::{self, BufReader, BufWriter};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::Parser;
use dedupe::shard::{
    copy_of, write_edge, write_signature, write_verdict, Copy as CopyVerdict, Signature,
};
use dedupe::{
    cli::Cli, Analyzer, Comparison, Config, Deduper, Features, Labels, Prejudged, Verdict,
};
use korpus_core::error::report;
use korpus_core::error::Failure;
use korpus_core::input::{open, Lines};
use korpus_core::output::{write_json, write_json_str};
use korpus_core::{
    run_records_at, run_records_mapped, At, Edits, Fold, Output, Problem, Record, Tool,
};

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
    for c in checks.iter().filter(|c| !c.why.is_copy()) {
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

/// Writes `dup_why` for `--explain`.
type Why<'a> = &'a dyn Fn(&mut Vec<u8>);

/// How a record leaves: dropped or written unchanged, or marked with its first copy.
struct Writer {
    mark: bool,
    edits: Edits,
}

/// A copy as written: the first copy's id and sentence (JSON text) and the similarity.
struct CopyOf<'a> {
    id: &'a str,
    sentence: Option<&'a str>,
    score: f64,
}

impl Writer {
    fn write(
        &mut self,
        out: &mut Output,
        rec: &Record,
        copy: Option<CopyOf>,
        why: Option<Why>,
    ) -> Result<(), Failure> {
        if !self.mark {
            if copy.is_none() {
                out.write_unchanged(rec)?;
            }
            return Ok(());
        }
        let has_sentence = rec.raw("sentence").is_some();
        self.edits.clear();
        match copy {
            None => {
                self.edits.set_raw("dup_of", "null");
                if has_sentence {
                    self.edits.set_raw("dup_of_sentence", "null");
                }
                self.edits.set_raw("dup_score", "null");
            }
            Some(c) => {
                self.edits.set_raw("dup_of", c.id);
                if has_sentence {
                    self.edits
                        .set_raw("dup_of_sentence", c.sentence.unwrap_or("null"));
                }
                self.edits.set_json("dup_score", &c.score);
            }
        }
        if let Some(why) = why {
            self.edits.set_with("dup_why", why);
        }
        out.write_edited(rec, &self.edits)?;
        Ok(())
    }
}

/// The label of a record: its `id` as JSON text, or its place as a JSON string.
fn label<'r>(rec: &Record<'r>, at: At, place: &'r mut String) -> &'r str {
    match rec.raw("id") {
        Some(id) => id,
        None => {
            *place = serde_json::Value::String(at.to_string()).to_string();
            place
        }
    }
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
    let sharded = cli.signatures || cli.reduce || cli.verify || cli.apply.is_some();
    if sharded && (cli.index.is_some() || cli.explain || cli.threads.threads != 1) {
        report(
            "dedupe",
            "--index, --explain and --threads are for one process, not for a sharded run \
             (whose shards run side by side)",
        );
        return ExitCode::from(2);
    }
    let tool = Tool {
        name: "dedupe",
        args: &cli.common,
    };
    let mut writer = Writer {
        mark: cli.mark || cli.explain,
        edits: Edits::new(),
    };
    let status = if cli.signatures {
        signatures(&tool, config, cli.start)
    } else if cli.reduce {
        reduce(&tool, config)
    } else if cli.verify {
        verify(&tool, config)
    } else if let Some(verdicts) = &cli.apply {
        match apply(&tool, verdicts, cli.start, &mut writer) {
            Ok(s) => s,
            Err(e) => {
                report("dedupe", format_args!("{}: {e}", verdicts.display()));
                return ExitCode::from(2);
            }
        }
    } else {
        match one_process(&tool, config, &cli, &mut writer) {
            Ok(s) => s,
            Err(code) => return code,
        }
    };
    status.exit_code()
}

/// The whole run in this process: each record judged against all before it.
fn one_process(
    tool: &Tool,
    config: Config,
    cli: &Cli,
    writer: &mut Writer,
) -> Result<korpus_core::Status, ExitCode> {
    let (mut dedupe, mut labels) = match &cli.index {
        Some(path) if path.exists() => match load(path, config) {
            Ok(state) => state,
            Err(e) => {
                report("dedupe", format_args!("{}: {e}", path.display()));
                return Err(ExitCode::from(2));
            }
        },
        _ => (Deduper::new(config), Labels::new()),
    };
    let field = &tool.args.field;
    // A record's features are its own (the costly part): they are read on `--threads` threads.
    // On more than two, each record is compared there with the records kept so far too
    // (`Judge::prepare`); then each is judged here, in input order, against all before it.
    let features = || {
        let mut analyzer = Analyzer::new();
        move |rec: &Record, (f, pre): &mut (Features, Option<Prejudged>)| -> Result<(), Failure> {
            let text = rec.str_field(field)?;
            analyzer.features_into(&text, config.exact, f);
            *pre = None;
            Ok(())
        }
    };
    let threads = cli.threads.count();
    let judge = Judge {
        dedupe: &mut dedupe,
        labels: &mut labels,
        writer,
        explaining: cli.explain,
        sharing: threads > 2,
        place: String::new(),
        checks: Vec::new(),
    };
    let status = run_records_mapped(tool, threads, features, judge);
    if let Some(path) = &cli.index {
        if let Err(e) = save(path, &dedupe, &labels) {
            report(
                "dedupe",
                format_args!("{}: cannot save the index: {e}", path.display()),
            );
            return Err(ExitCode::from(2));
        }
    }
    Ok(status)
}

/// The judging of `one_process`: each record against the state of all before it, written.
struct Judge<'a> {
    dedupe: &'a mut Deduper,
    labels: &'a mut Labels,
    writer: &'a mut Writer,
    explaining: bool,
    /// Whether the workers compare the records with those kept so far (`prepare`). Not on two
    /// threads: this one has the time for all the comparisons then (a third of the work, the
    /// rest of its time mapping chunks beside the worker), and makes them faster, each
    /// record's at once with the same lookups in cache (sharing them took 1.10 times the wall
    /// time, on the 200k stream).
    sharing: bool,
    place: String,
    /// `--explain`'s comparisons of the record.
    checks: Vec<Comparison>,
}

impl Fold<(Features, Option<Prejudged>)> for Judge<'_> {
    /// On more than two threads, a record is compared with the records kept so far on the
    /// thread that read its features, which leaves this thread only its comparisons with those
    /// kept since: with the features read on many threads too, most of the work is shared.
    fn prepare(&self, (f, pre): &mut (Features, Option<Prejudged>)) {
        *pre = Some(self.dedupe.prejudge(f));
    }

    fn prepares(&self) -> bool {
        self.sharing && !self.explaining
    }

    fn fold(
        &mut self,
        rec: &Record,
        at: At,
        (f, pre): &mut (Features, Option<Prejudged>),
        out: &mut Output,
    ) -> Result<(), Failure> {
        let Judge {
            dedupe,
            labels,
            writer,
            place,
            checks,
            explaining,
            ..
        } = self;
        if *explaining {
            checks.clear();
            checks.extend(
                dedupe
                    .candidates(f)
                    .into_iter()
                    .map(|c| dedupe.compare(c, f)),
            );
        }
        let verdict = match pre.take() {
            Some(pre) => dedupe.push_judged(f, pre),
            None => dedupe.push(f),
        };
        if verdict.kept() {
            labels.push(label(rec, at, place), rec.raw("sentence"));
        }
        let copy = copy_of(&verdict).map(|(of, s)| CopyOf {
            id: labels.id(of),
            sentence: labels.sentence(of),
            score: score(s),
        });
        let why = |buf: &mut Vec<u8>| explain(buf, labels, &verdict, checks);
        writer.write(out, rec, copy, explaining.then_some(&why as Why))
    }
}

/// Map: one signature line per record.
fn signatures(tool: &Tool, config: Config, start: u64) -> korpus_core::Status {
    let mut analyzer = Analyzer::new();
    let (mut ord, mut place, mut buf, mut scratch) = (start, String::new(), Vec::new(), Vec::new());
    run_records_at(tool, |rec, at, out| {
        let text = rec.str_field(&tool.args.field)?;
        let f = analyzer.features(&text, config.exact);
        buf.clear();
        let sentence = rec.raw("sentence");
        write_signature(
            &mut buf,
            ord,
            label(rec, at, &mut place),
            sentence,
            &f,
            &mut scratch,
        );
        ord += 1;
        out.write_line(&buf)?;
        Ok(())
    })
}

/// Reduce: the signatures replayed in ordinal order, one verdict line per copy.
fn reduce(tool: &Tool, config: Config) -> korpus_core::Status {
    let mut dedupe = Deduper::new(config);
    let mut labels = Labels::new();
    // The ordinal of each record kept, and of the last record.
    let mut ords: Vec<u64> = Vec::new();
    let mut last: Option<u64> = None;
    let mut buf = Vec::new();
    run_records_at(tool, |rec, _, out| {
        let sig = Signature::read(rec).map_err(|e| Problem::new(e.to_string()))?;
        if let Some(last) = last.filter(|&last| sig.ord <= last) {
            return Err(Problem::new(format!(
                "ordinal {} after {last}: the signatures must come in ordinal order",
                sig.ord
            ))
            .into());
        }
        last = Some(sig.ord);
        let verdict = dedupe.push(&sig.features);
        if verdict.kept() {
            labels.push(sig.id, sig.sentence);
            ords.push(sig.ord);
        }
        if let Some((of, s)) = copy_of(&verdict) {
            buf.clear();
            write_verdict(
                &mut buf,
                &CopyVerdict {
                    ord: sig.ord,
                    of: ords[of as usize],
                    dup_of: labels.id(of).to_string(),
                    dup_of_sentence: labels.sentence(of).map(str::to_string),
                    score: score(s),
                },
            );
            out.write_line(&buf)?;
        }
        Ok(())
    })
}

/// Verify: each record judged among the first records of its keys; an edge line per copy.
fn verify(tool: &Tool, config: Config) -> korpus_core::Status {
    use serde_json::value::RawValue;
    let mut buf = Vec::new();
    run_records_at(tool, |rec, _, out| {
        let bad = |e: &dyn std::fmt::Display| Failure::from(Problem::new(e.to_string()));
        let sig = |raw: &str| -> Result<(u64, dedupe::Features), Failure> {
            let r = Record::parse(raw.as_bytes()).map_err(Failure::Bad)?;
            let s = Signature::read(&r).map_err(|e| bad(&e))?;
            Ok((s.ord, s.features))
        };
        let shape = || bad(&"not a verify line ({\"rec\": SIGNATURE, \"with\": [SIGNATURE, ...]})");
        let (Some(first), Some(with)) = (rec.raw("rec"), rec.raw("with")) else {
            return Err(shape());
        };
        let with: Vec<&RawValue> = serde_json::from_str(with).map_err(|_| shape())?;
        let (ord, f) = sig(first)?;
        let mut earlier = with
            .iter()
            .map(|w| sig(w.get()))
            .collect::<Result<Vec<_>, _>>()?;
        earlier.sort_by_key(|(o, _)| *o);
        if earlier.iter().any(|(o, _)| *o >= ord) {
            return Err(bad(&format!(
                "record {ord} is given a record that is not before it"
            )));
        }
        let (ords, features): (Vec<u64>, Vec<dedupe::Features>) = earlier.into_iter().unzip();
        if let Verdict::Copy {
            matched, score: s, ..
        } = Deduper::judge_among(config, &features, &f)
        {
            buf.clear();
            write_edge(&mut buf, ord, ords[matched as usize], score(s));
            out.write_line(&buf)?;
        }
        Ok(())
    })
}

/// Apply: this shard's records beside the verdicts (both in ordinal order).
fn apply(
    tool: &Tool,
    verdicts: &Path,
    start: u64,
    writer: &mut Writer,
) -> io::Result<korpus_core::Status> {
    let mut lines = Lines::new(open(verdicts)?);
    let mut next = move || -> io::Result<Option<CopyVerdict>> {
        while let Some((number, bytes, _)) = lines.next_line()? {
            if bytes.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            let at = |e: &dyn std::fmt::Display| {
                io::Error::new(io::ErrorKind::InvalidData, format!("line {number}: {e}"))
            };
            let rec = Record::parse(bytes).map_err(|p| at(&p))?;
            return CopyVerdict::read(&rec).map(Some).map_err(|e| at(&e));
        }
        Ok(None)
    };
    let mut pending = next()?;
    let mut ord = start;
    let mut failure: Option<io::Error> = None;
    let status = run_records_at(tool, |rec, _, out| {
        while pending.as_ref().is_some_and(|c| c.ord < ord) {
            match next() {
                Ok(c) => pending = c,
                Err(e) => {
                    failure = Some(e);
                    pending = None;
                }
            }
        }
        let copy = pending.as_ref().filter(|c| c.ord == ord).map(|c| CopyOf {
            id: &c.dup_of,
            sentence: c.dup_of_sentence.as_deref(),
            score: c.score,
        });
        ord += 1;
        writer.write(out, rec, copy, None)
    });
    match failure {
        Some(e) => Err(e),
        None => Ok(status),
    }
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
