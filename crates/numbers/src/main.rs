//! The `numbers` binary: parse the flags, hand the extractor to the core's record loop.

use std::process::ExitCode;

use clap::Parser;
use korpus_core::output::{write_int, write_json, write_json_str};
use korpus_core::{run_annotating_threads, CharCursor, Tool};
use numbers::{as_integer, cli::Cli, Extractor, Figure, Scratch, Value};

/// A figure allocates its unit and hedge, and the record's list of figures: mimalloc makes
/// that a tenth of the whole run cheaper than the system allocator.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Appends the figures as the contract writes them: a JSON array of objects with the keys
/// text, value, kind, unit, qualifier, start and end (code points). The keys are constants;
/// every value goes through serde_json.
fn write_figures(buf: &mut Vec<u8>, text: &str, figures: &[Figure]) {
    let mut chars = CharCursor::new(text);
    buf.push(b'[');
    for (k, f) in figures.iter().enumerate() {
        buf.extend_from_slice(if k > 0 { b",{\"text\":" } else { b"{\"text\":" });
        write_json_str(buf, &text[f.span.clone()]);
        buf.extend_from_slice(b",\"value\":");
        // Most values: a whole number, written without the serializer.
        let whole = match f.value {
            Value::Number(v) => as_integer(v),
            _ => None,
        };
        match whole {
            Some(n) => write_int(buf, n),
            None => write_json(buf, &f.value),
        }
        // The kinds are constant words with nothing to escape.
        buf.extend_from_slice(b",\"kind\":\"");
        buf.extend_from_slice(f.kind.as_str().as_bytes());
        buf.extend_from_slice(b"\",\"unit\":");
        write_opt_str(buf, f.unit.as_deref());
        buf.extend_from_slice(b",\"qualifier\":");
        write_opt_str(buf, f.qualifier.as_deref());
        buf.extend_from_slice(b",\"start\":");
        write_int(buf, chars.char_of(f.span.start));
        buf.extend_from_slice(b",\"end\":");
        write_int(buf, chars.char_of(f.span.end));
        buf.push(b'}');
    }
    buf.push(b']');
}

fn write_opt_str(buf: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => write_json_str(buf, s),
        None => buf.extend_from_slice(b"null"),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let extractor = Extractor::new();
    let tool = Tool {
        name: "numbers",
        args: &cli.common,
    };
    let extractor = &extractor;
    let status =
        run_annotating_threads(&tool, cli.lang.lang, "numbers", cli.threads.count(), || {
            let mut figures: Vec<Figure> = Vec::new();
            let mut scratch = Scratch::default();
            move |text: &str, lang, buf: &mut Vec<u8>| {
                figures.clear();
                extractor.extract_with(text, lang, &mut scratch, &mut figures);
                write_figures(buf, text, &figures);
            }
        });
    status.exit_code()
}
