//! The record loop every filter runs: inputs in order, one record at a time, problems reported
//! as `FILTER: FILE:LINE: what is wrong` and skipped (or, with `--strict`, the end of the run),
//! a closed standard output a quiet end, and the exit status of the contract.

use std::io::{self, ErrorKind};
use std::path::Path;

use crate::args::CommonArgs;
use crate::charset::decode_windows_1252;
use crate::error::{report, Failure, Status};
use crate::input::{display_name, inputs, open, read_all, Lines};
use crate::lang::Lang;
use crate::output::{Edits, Output};
use crate::progress::Progress;
use crate::record::Record;

/// The running filter: its name for messages and its common flags.
pub struct Tool<'a> {
    pub name: &'static str,
    pub args: &'a CommonArgs,
}

impl Tool<'_> {
    /// A warning on standard error, unless `--quiet`.
    pub fn warn(&self, msg: impl std::fmt::Display) {
        if !self.args.quiet {
            report(self.name, format_args!("warning: {msg}"));
        }
    }
}

/// How the loop goes on after a failure.
pub(crate) enum Next {
    Go,
    Stop,
}

pub(crate) fn handle(
    tool: &Tool,
    status: &mut Status,
    at: impl FnOnce() -> String,
    f: &Failure,
) -> Next {
    match f {
        Failure::Bad(p) => {
            report(tool.name, format_args!("{}: {p}", at()));
            status.bad_lines += 1;
            if tool.args.strict {
                Next::Stop
            } else {
                Next::Go
            }
        }
        Failure::Write(e) => {
            if e.kind() != ErrorKind::BrokenPipe {
                report(tool.name, format_args!("cannot write output: {e}"));
                status.fatal = true;
            }
            Next::Stop
        }
    }
}

pub(crate) fn finish(
    tool: &Tool,
    out: &mut Output,
    progress: &mut Progress,
    mut status: Status,
) -> Status {
    if let Err(e) = out.flush() {
        if e.kind() != ErrorKind::BrokenPipe {
            report(tool.name, format_args!("cannot write output: {e}"));
            status.fatal = true;
        }
    }
    progress.finish();
    status
}

/// An input that cannot be read, or stops being readable: `FILTER: FILE: what`, and the
/// run's status fatal.
pub(crate) fn input_fault(tool: &Tool, status: &mut Status, name: &str, e: &io::Error) {
    report(tool.name, format_args!("{name}: {}", io_message(e)));
    status.fatal = true;
}

/// The lines of one input, or `None` when it cannot be opened (reported).
pub(crate) fn open_lines(
    tool: &Tool,
    status: &mut Status,
    path: &Path,
    name: &str,
) -> Option<Lines> {
    match open(path) {
        Ok(r) => Some(Lines::new(r)),
        Err(e) => {
            input_fault(tool, status, name, &e);
            None
        }
    }
}

/// Where a record was read: the input's name as messages give it and the line number.
#[derive(Clone, Copy, Debug)]
pub struct At<'a> {
    pub file: &'a str,
    pub line: u64,
}

impl std::fmt::Display for At<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}", self.file, self.line)
    }
}

/// Runs `per_record` over every JSON Lines record of the inputs, in order.
pub fn run_records<F>(tool: &Tool, mut per_record: F) -> Status
where
    F: FnMut(&Record, &mut Output) -> Result<(), Failure>,
{
    run_records_at(tool, |rec, _, out| per_record(rec, out))
}

/// [`run_records`] for a filter that refers to records by place (a record without an `id`
/// is named by its file and line).
pub fn run_records_at<F>(tool: &Tool, mut per_record: F) -> Status
where
    F: FnMut(&Record, At, &mut Output) -> Result<(), Failure>,
{
    let mut status = Status::default();
    let mut out = Output::stdout();
    let mut progress = Progress::new(tool.name, tool.args.progress, tool.args.quiet);
    'inputs: for path in inputs(&tool.args.files) {
        let name = display_name(&path);
        let Some(mut lines) = open_lines(tool, &mut status, &path, &name) else {
            continue;
        };
        loop {
            let (number, bytes, len) = match lines.next_line() {
                Ok(Some(l)) => l,
                Ok(None) => break,
                Err(e) => {
                    input_fault(tool, &mut status, &name, &e);
                    break;
                }
            };
            progress.tick(len);
            let result = Record::parse(bytes).map_err(Failure::Bad).and_then(|rec| {
                let at = At {
                    file: &name,
                    line: number,
                };
                per_record(&rec, at, &mut out)
            });
            if let Err(f) = result {
                if let Next::Stop = handle(tool, &mut status, || format!("{name}:{number}"), &f) {
                    break 'inputs;
                }
            }
        }
    }
    finish(tool, &mut out, &mut progress, status)
}

/// Runs a filter that adds one field to each record (1 → 1): `annotate(text, lang, buf)`
/// appends the JSON value of `key` for the record's text field (`--field`) in its language
/// (`--lang`, else the record's `lang`, else a guess). The record is written back with the field
/// added at the end, every other byte as read.
pub fn run_annotating<F>(tool: &Tool, lang: Option<Lang>, key: &str, mut annotate: F) -> Status
where
    F: FnMut(&str, Lang, &mut Vec<u8>),
{
    let mut edits = Edits::new();
    run_records(tool, |rec, out| {
        annotate_record(rec, tool, lang, key, &mut edits, out, &mut annotate)
    })
}

/// One record of [`run_annotating`]: its text field annotated, written with the field added.
pub(crate) fn annotate_record<W: std::io::Write>(
    rec: &Record,
    tool: &Tool,
    lang: Option<Lang>,
    key: &str,
    edits: &mut Edits,
    out: &mut Output<W>,
    annotate: &mut impl FnMut(&str, Lang, &mut Vec<u8>),
) -> Result<(), Failure> {
    let text = rec.str_field(&tool.args.field)?;
    let lang = Lang::choose(lang, rec, &text);
    out.write_annotated(rec, key, edits, |buf| annotate(&text, lang, buf))?;
    Ok(())
}

/// Runs `per_text` over whole plain-text files, one document each, named as given. A file that
/// is not valid UTF-8 is read as Windows-1252, with a warning naming it.
pub fn run_texts<F>(tool: &Tool, mut per_text: F) -> Status
where
    F: FnMut(&str, &str, &mut Output) -> Result<(), Failure>,
{
    let mut status = Status::default();
    let mut out = Output::stdout();
    let mut progress = Progress::new(tool.name, tool.args.progress, tool.args.quiet);
    for path in inputs(&tool.args.files) {
        let name = display_name(&path);
        let text = match read_text(tool, &path, &name) {
            Ok(t) => t,
            Err(e) => {
                input_fault(tool, &mut status, &name, &e);
                continue;
            }
        };
        progress.tick(text.len());
        let id = if name == "<stdin>" { "-" } else { &name };
        if let Err(f) = per_text(id, &text, &mut out) {
            if let Next::Stop = handle(tool, &mut status, || name.clone(), &f) {
                break;
            }
        }
    }
    finish(tool, &mut out, &mut progress, status)
}

fn read_text(tool: &Tool, path: &Path, name: &str) -> io::Result<String> {
    let bytes = read_all(path)?;
    match String::from_utf8(bytes) {
        Ok(s) => Ok(s),
        Err(e) => {
            let at = e.utf8_error().valid_up_to();
            tool.warn(format_args!(
                "{name}: not valid UTF-8 (byte {}), read as Windows-1252",
                at + 1
            ));
            Ok(decode_windows_1252(e.as_bytes()))
        }
    }
}

/// An I/O error in a user's words, without Rust's "(os error 2)" tail.
pub(crate) fn io_message(e: &io::Error) -> String {
    match e.kind() {
        ErrorKind::NotFound => "no such file".to_string(),
        ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => {
            let s = e.to_string();
            match s.find(" (os error") {
                Some(i) => s[..i].to_string(),
                None => s,
            }
        }
    }
}
