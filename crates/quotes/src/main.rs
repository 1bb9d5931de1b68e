//! The `quotes` binary: parse the flags, hand the finder to the core's record loop.

use std::process::ExitCode;

use clap::Parser;
use korpus_core::output::{write_int, write_json};
use korpus_core::{run_annotating_threads, CharCursor, Tool};
use quotes::{cli::Cli, Finder, Quote};

/// Appends the quotes as the contract writes them: a JSON array of
/// {"text", "speaker", "cue", "start", "end"} (code points), with "kind": "mention" on the
/// mentions that --all keeps.
fn write_quotes(buf: &mut Vec<u8>, text: &str, quotes: &[Quote], all: bool) {
    let mut chars = CharCursor::new(text);
    buf.push(b'[');
    let mut first = true;
    for q in quotes.iter().filter(|q| all || !q.mention) {
        if !first {
            buf.push(b',');
        }
        first = false;
        buf.extend_from_slice(b"{\"text\":");
        write_json(buf, &text[q.span.clone()]);
        buf.extend_from_slice(b",\"speaker\":");
        write_json(buf, &q.speaker);
        buf.extend_from_slice(b",\"cue\":");
        write_json(buf, &q.cue);
        buf.extend_from_slice(b",\"start\":");
        write_int(buf, chars.char_of(q.span.start));
        buf.extend_from_slice(b",\"end\":");
        write_int(buf, chars.char_of(q.span.end));
        if q.mention {
            buf.extend_from_slice(b",\"kind\":\"mention\"");
        }
        buf.push(b'}');
    }
    buf.push(b']');
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let tool = Tool {
        name: "quotes",
        args: &cli.common,
    };
    let all = cli.all;
    // A finder per thread: it remembers per document whom it has seen.
    let status =
        run_annotating_threads(&tool, cli.lang.lang, "quotes", cli.threads.count(), || {
            let finder = Finder::new();
            move |text: &str, lang, buf: &mut Vec<u8>| {
                write_quotes(buf, text, &finder.find(text, lang), all);
            }
        });
    status.exit_code()
}
